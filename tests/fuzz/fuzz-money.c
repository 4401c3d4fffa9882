/* fuzz-money.c
 *
 * libFuzzer target: the readers of exact amounts, fiscal_money_parse()
 * (元), fiscal_money_parse_wan() (万元) and fiscal_decimal_parse() (target
 * values and weights), on any text. What one of them accepts must be a
 * decimal number in its grammar, read to exactly the value its digits
 * say (checked digit by digit, without arithmetic); an amount, written
 * back as 元 (with and without thousands separators), reads again as the
 * same number of fen, and its 万元 display reads as the amount rounded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-fuzz"

#include "config.h"

#include <string.h>

#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static guint64
magnitude (gint64 v)
{
  return v < 0 ? -(guint64) v : (guint64) v;
}

/* The value @text spells, in units of 10^-@scale, as decimal digits
 * without leading zeros, read from the text alone; *@negative is whether
 * it has a minus sign. @spaces and @commas: whether blanks around it and
 * thousands separators belong to the grammar. Fails when @text is not in
 * the grammar: the reader should not have accepted it. */
static char *
expected_digits (const char *what,
                 const char *text,
                 guint       decimals,
                 guint       scale,
                 gboolean    spaces,
                 gboolean    commas,
                 gboolean   *negative)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *p = text, *end = text + strlen (text);
  guint n_int = 0, n_frac = 0;

  if (spaces)
    {
      while (p < end && is_space (*p))
        p++;
      while (end > p && is_space (end[-1]))
        end--;
    }
  *negative = p < end && *p == '-';
  if (p < end && (*p == '-' || *p == '+'))
    p++;
  for (; p < end && (g_ascii_isdigit (*p) || (commas && *p == ',')); p++)
    if (*p != ',')
      {
        g_string_append_c (digits, *p);
        n_int++;
      }
  if (p < end && *p == '.')
    for (p++; p < end && g_ascii_isdigit (*p); p++)
      {
        g_string_append_c (digits, *p);
        n_frac++;
      }
  if (p != end || n_int == 0 || (p[-1] == '.') || n_frac > decimals)
    fuzz_fail ("%s accepted “%s”, which is not a decimal number of at most %u decimals", what, text, decimals);

  for (; n_frac < scale; n_frac++)
    g_string_append_c (digits, '0');
  while (digits->len > 1 && digits->str[0] == '0')
    g_string_erase (digits, 0, 1);
  return g_strdup (digits->str);
}

/* @value must be what @text says (see expected_digits()). */
static void
check_value (const char *what,
             const char *text,
             gint64      value,
             guint       decimals,
             guint       scale,
             gboolean    spaces,
             gboolean    commas)
{
  gboolean negative;
  g_autofree char *expected = expected_digits (what, text, decimals, scale, spaces, commas, &negative);
  g_autofree char *got = g_strdup_printf ("%" G_GUINT64_FORMAT, magnitude (value));

  if (!g_str_equal (expected, got) || (value < 0) != (negative && value != 0))
    fuzz_fail ("%s read “%s” as %" G_GINT64_FORMAT " (units of 10^-%u), not %s%s",
               what, text, value, scale, negative ? "-" : "", expected);
}

/* An amount in fen written out and read back. */
static void
check_formats (const char *text,
               gint64      fen)
{
  g_autofree char *yuan = fiscal_money_format_yuan (fen);
  g_autofree char *grouped = fiscal_money_format_yuan_grouped (fen);
  g_autofree char *wan = fiscal_money_format_wan (fen);
  g_autoptr(GError) error = NULL;
  gint64 again = 0;

  if (!fiscal_money_parse (yuan, &again, &error) || again != fen)
    fuzz_fail ("“%s” is %" G_GINT64_FORMAT " fen, written “%s”, read back as %" G_GINT64_FORMAT " (%s)",
               text, fen, yuan, again, error ? error->message : "no error");
  if (!fiscal_money_parse (grouped, &again, &error) || again != fen)
    fuzz_fail ("“%s” is %" G_GINT64_FORMAT " fen, written “%s”, read back as %" G_GINT64_FORMAT " (%s)",
               text, fen, grouped, again, error ? error->message : "no error");

  /* The display in 万元 is rounded to hundredths: it reads back as the
   * rounded amount, unless rounding up took it past the largest amount. */
  if (!fiscal_money_parse_wan (wan, &again, &error))
    {
      if (!g_error_matches (error, FISCAL_ERROR, FISCAL_ERROR_AMOUNT_OVERFLOW) ||
          magnitude (fen) <= (guint64) G_MAXINT64 - 5000)
        fuzz_fail ("%" G_GINT64_FORMAT " fen shown as “%s” 万元 does not read back: %s",
                   fen, wan, error->message);
      g_clear_error (&error);
    }
  else if (again != fiscal_money_round_wan (fen) * 10000)
    fuzz_fail ("%" G_GINT64_FORMAT " fen shown as “%s” 万元 reads back as %" G_GINT64_FORMAT " fen",
               fen, wan, again);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);   /* up to a NUL */
  g_autoptr(GError) error = NULL;
  gint64 value = 0;
  /* Every caller gives UTF-8 (the loader checks it first); the messages
   * quote the text, so they are UTF-8 when it is. */
  gboolean utf8 = g_utf8_validate (text, -1, NULL);

  if (fiscal_money_parse (text, &value, &error))
    {
      check_value ("fiscal_money_parse", text, value, 2, 2, TRUE, TRUE);
      check_formats (text, value);
    }
  else if (utf8)
    fuzz_check_message (error, "fiscal_money_parse");
  g_clear_error (&error);

  if (fiscal_money_parse_wan (text, &value, &error))
    {
      check_value ("fiscal_money_parse_wan", text, value, 6, 6, TRUE, TRUE);
      check_formats (text, value);
    }
  else if (utf8)
    fuzz_check_message (error, "fiscal_money_parse_wan");

  if (fiscal_decimal_parse (text, &value))
    check_value ("fiscal_decimal_parse", text, value, 6, 6, FALSE, FALSE);

  return 0;
}
