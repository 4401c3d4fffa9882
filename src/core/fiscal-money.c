/* fiscal-money.c
 *
 * Parsing and formatting of money, and the checked arithmetic on it. A money
 * value is within ±FISCAL_MONEY_MAX (10^15 元): the parsers refuse more, and
 * every sum, difference and product of money in Fiscal goes through the
 * helpers here (or the inline ones of the header), which clamp a result
 * that would leave the range instead of letting it wrap.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-money"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fiscal-error.h"
#include "fiscal-money.h"

static inline gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Reads a decimal string into a whole number of 10^-@decimals units. Only
 * integer arithmetic is used; every digit counts or the string is refused. */
static gboolean
parse_fixed (const char  *text,
             guint        decimals,
             guint        scale_digits,
             gint64      *out,
             GError     **error)
{
  const char *p;
  const char *end;
  gboolean negative = FALSE;
  guint64 value = 0;
  guint n_int_digits = 0;
  guint n_frac_digits = 0;
  guint group_len = 0;
  gboolean grouped = FALSE;

  g_assert (out != NULL);
  g_assert (scale_digits >= decimals);

  if (text == NULL)
    text = "";

  p = text;
  end = text + strlen (text);
  while (p < end && is_space (*p))
    p++;
  while (end > p && is_space (end[-1]))
    end--;

  if (p < end && (*p == '-' || *p == '+'))
    {
      negative = (*p == '-');
      p++;
    }

  /* Integer part, with optional thousands separators. */
  for (; p < end && (g_ascii_isdigit (*p) || *p == ','); p++)
    {
      if (*p == ',')
        {
          if (n_int_digits == 0 || (grouped ? group_len != 3 : group_len > 3))
            goto syntax;
          grouped = TRUE;
          group_len = 0;
          continue;
        }

      if (!g_uint64_checked_mul (&value, value, 10) ||
          !g_uint64_checked_add (&value, value, (guint64) (*p - '0')))
        goto overflow;

      n_int_digits++;
      group_len++;
    }

  if (n_int_digits == 0 || (grouped && group_len != 3))
    goto syntax;

  if (p < end && *p == '.')
    {
      p++;
      for (; p < end && g_ascii_isdigit (*p); p++)
        {
          n_frac_digits++;
          if (n_frac_digits > decimals)
            continue;
          if (!g_uint64_checked_mul (&value, value, 10) ||
              !g_uint64_checked_add (&value, value, (guint64) (*p - '0')))
            goto overflow;
        }
      if (n_frac_digits == 0)
        goto syntax;
    }

  if (p != end)
    goto syntax;

  if (n_frac_digits > decimals)
    {
      g_set_error (error, FISCAL_ERROR, FISCAL_ERROR_AMOUNT_PRECISION,
                   _("“%s” has more than %u decimal places"), text, decimals);
      return FALSE;
    }

  for (guint i = MIN (n_frac_digits, decimals); i < scale_digits; i++)
    if (!g_uint64_checked_mul (&value, value, 10))
      goto overflow;

  if (value > (guint64) FISCAL_MONEY_MAX)
    goto overflow;

  *out = negative ? -(gint64) value : (gint64) value;
  return TRUE;

syntax:
  g_set_error (error, FISCAL_ERROR, FISCAL_ERROR_AMOUNT_SYNTAX,
               _("“%s” is not a decimal number"), text);
  return FALSE;

overflow:
  g_set_error (error, FISCAL_ERROR, FISCAL_ERROR_AMOUNT_OVERFLOW,
               _("“%s” exceeds the largest amount Fiscal accepts, ±%s 元"),
               text, FISCAL_MONEY_MAX_YUAN);
  return FALSE;
}

/**
 * fiscal_money_parse:
 * @text: an amount in 元 such as `"1058700.00"` or `"1,058,700.5"`
 * @fen: (out): the amount in 分
 *
 * Returns: %TRUE on success; otherwise @error is set to
 *   %FISCAL_ERROR_AMOUNT_SYNTAX, %FISCAL_ERROR_AMOUNT_PRECISION (more than
 *   two decimals) or %FISCAL_ERROR_AMOUNT_OVERFLOW (a magnitude above
 *   %FISCAL_MONEY_MAX 分, 10^15 元).
 */
gboolean
fiscal_money_parse (const char  *text,
                    gint64      *fen,
                    GError     **error)
{
  g_return_val_if_fail (fen != NULL, FALSE);

  return parse_fixed (text, 2, 2, fen, error);
}

/**
 * fiscal_money_parse_wan:
 * @text: an amount in 万元 such as `"318.10"`; up to six decimals, the
 *   precision of one 分
 * @fen: (out): the amount in 分
 *
 * Like fiscal_money_parse(), with the same ceiling (10^11 万元).
 */
gboolean
fiscal_money_parse_wan (const char  *text,
                        gint64      *fen,
                        GError     **error)
{
  g_return_val_if_fail (fen != NULL, FALSE);

  return parse_fixed (text, 6, 6, fen, error);
}

static guint64
magnitude (gint64 v)
{
  return v < 0 ? -(guint64) v : (guint64) v;
}

static char *
format_hundredths (gboolean negative,
                   guint64  hundredths,
                   gboolean grouped)
{
  GString *str = g_string_new (NULL);
  char digits[32];
  gsize len;

  if (negative && hundredths != 0)
    g_string_append_c (str, '-');

  len = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, hundredths / 100);
  for (gsize i = 0; i < len; i++)
    {
      if (grouped && i > 0 && (len - i) % 3 == 0)
        g_string_append_c (str, ',');
      g_string_append_c (str, digits[i]);
    }

  g_string_append_printf (str, ".%02u", (guint) (hundredths % 100));

  return g_string_free (str, FALSE);
}

/**
 * fiscal_money_format_yuan:
 *
 * Returns: (transfer full): the exact amount in 元 with two decimals and no
 *   separators, as the file format writes it: `"1058700.00"`.
 */
char *
fiscal_money_format_yuan (gint64 fen)
{
  return format_hundredths (fen < 0, magnitude (fen), FALSE);
}

/**
 * fiscal_money_format_yuan_grouped:
 *
 * Returns: (transfer full): like fiscal_money_format_yuan() with thousands
 *   separators: `"1,058,700.00"`.
 */
char *
fiscal_money_format_yuan_grouped (gint64 fen)
{
  return format_hundredths (fen < 0, magnitude (fen), TRUE);
}

/**
 * fiscal_money_round_wan:
 *
 * Returns: @fen rounded half away from zero to hundredths of a 万元, the
 *   precision of the published tables, as a count of 0.01 万元.
 */
gint64
fiscal_money_round_wan (gint64 fen)
{
  guint64 q = (magnitude (fen) + 5000) / 10000;

  return fen < 0 ? -(gint64) q : (gint64) q;
}

/**
 * fiscal_money_format_wan:
 *
 * Returns: (transfer full): @fen displayed in 万元 with two decimals,
 *   rounded half up: 3181000 元 is `"318.10"`.
 */
char *
fiscal_money_format_wan (gint64 fen)
{
  guint64 q = (magnitude (fen) + 5000) / 10000;

  return format_hundredths (fen < 0, q, FALSE);
}

/**
 * fiscal_money_add:
 *
 * Adds two amounts, refusing to leave the range of money.
 *
 * Returns: %FALSE, with @sum untouched, if the sum is beyond
 *   ±%FISCAL_MONEY_MAX.
 */
gboolean
fiscal_money_add (gint64  a,
                  gint64  b,
                  gint64 *sum)
{
  gint64 s = a;

  g_return_val_if_fail (sum != NULL, FALSE);

  if (!fiscal_money_accumulate (&s, b))
    return FALSE;

  *sum = s;
  return TRUE;
}

/**
 * fiscal_money_sub_clamped:
 *
 * Returns: @a − @b, clamped to [−%FISCAL_MONEY_MAX, %FISCAL_MONEY_MAX];
 *   any two gint64 may be given.
 */
gint64
fiscal_money_sub_clamped (gint64 a,
                          gint64 b)
{
  gint64 d;

  if (__builtin_sub_overflow (a, b, &d))
    return b < 0 ? FISCAL_MONEY_MAX : -FISCAL_MONEY_MAX;

  return fiscal_money_clamp (d);
}

/**
 * fiscal_money_mul_clamped:
 * @fen: an amount
 * @factor: a whole number (a count, a number of years, …)
 *
 * Returns: @fen × @factor, clamped to [−%FISCAL_MONEY_MAX,
 *   %FISCAL_MONEY_MAX].
 */
gint64
fiscal_money_mul_clamped (gint64 fen,
                          gint64 factor)
{
  __int128 p = (__int128) fen * factor;

  if (p > FISCAL_MONEY_MAX)
    return FISCAL_MONEY_MAX;
  if (p < -FISCAL_MONEY_MAX)
    return -FISCAL_MONEY_MAX;
  return (gint64) p;
}

/**
 * fiscal_ratio_basis_points:
 *
 * Returns: @part / @whole in hundredths of a percent, rounded half away
 *   from zero on the exact figures: 2051000 / 3181000 is 6448 (64.48%).
 *   0 when @whole is 0. A ratio beyond ±%FISCAL_RATIO_BASIS_POINTS_MAX
 *   (10^14, i.e. 10^16 %: a part 10^17 分 of a whole of 1 分 is 10^21) is
 *   returned as that bound, never wrapped.
 */
gint64
fiscal_ratio_basis_points (gint64 part,
                           gint64 whole)
{
  unsigned __int128 n, d, q;
  gboolean negative;

  if (whole == 0)
    return 0;

  negative = (part < 0) != (whole < 0);
  n = (unsigned __int128) magnitude (part) * 10000u;
  d = magnitude (whole);
  q = (2 * n + d) / (2 * d);
  if (q > (unsigned __int128) FISCAL_RATIO_BASIS_POINTS_MAX)
    q = FISCAL_RATIO_BASIS_POINTS_MAX;

  return negative ? -(gint64) q : (gint64) q;
}

/**
 * fiscal_ratio_format_percent:
 *
 * Returns: (transfer full): the ratio as `"64.48%"`.
 */
char *
fiscal_ratio_format_percent (gint64 part,
                             gint64 whole)
{
  gint64 bp = fiscal_ratio_basis_points (part, whole);
  g_autofree char *num = format_hundredths (bp < 0, magnitude (bp), FALSE);

  return g_strconcat (num, "%", NULL);
}

/**
 * fiscal_money_format_scaled:
 * @divisor: the fen in the unit shown: 100 for 元, 1000000 for 万元
 * @decimals: the decimals shown; 10^@decimals may not exceed @divisor
 * @grouping: whether to separate thousands
 *
 * Returns: (transfer full): @fen in that unit, rounded half away from zero
 *   to @decimals on the exact figure: 278076101.49 元 with no decimals is
 *   `"278,076,101"` grouped, 3181000 元 in 万元 with two is `"318.10"`
 */
char *
fiscal_money_format_scaled (gint64   fen,
                            gint64   divisor,
                            guint    decimals,
                            gboolean grouping)
{
  guint64 step = divisor, unit = 1, q;
  GString *str;
  char digits[32];
  gsize len;

  g_return_val_if_fail (divisor > 0, NULL);

  for (guint i = 0; i < decimals; i++)
    {
      g_return_val_if_fail (step % 10 == 0, NULL);
      step /= 10;
      unit *= 10;
    }

  q = (magnitude (fen) + step / 2) / step;
  str = g_string_new (fen < 0 && q != 0 ? "-" : "");

  len = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, q / unit);
  for (gsize i = 0; i < len; i++)
    {
      if (grouping && i > 0 && (len - i) % 3 == 0)
        g_string_append_c (str, ',');
      g_string_append_c (str, digits[i]);
    }
  if (decimals > 0)
    g_string_append_printf (str, ".%0*" G_GUINT64_FORMAT, (int) decimals, q % unit);

  return g_string_free (str, FALSE);
}
