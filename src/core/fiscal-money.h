/* fiscal-money.h
 *
 * Money is a whole number of 分 (fen) in a gint64. It is parsed from and
 * written to decimal strings of 元 without ever going through a double, and
 * rounded only where a figure is displayed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define FISCAL_FEN_PER_YUAN 100
#define FISCAL_FEN_PER_WAN  1000000

/* The largest magnitude a money value may have: 10^17 分, that is 10^15 元
 * (1,000 万亿元), far above any real budget, even a country's, and far below
 * G_MAXINT64 (about 9.2 × 10^18), so that the sum or difference of two money
 * values always fits a gint64. The range is symmetric:
 * [−FISCAL_MONEY_MAX, FISCAL_MONEY_MAX]. Parsing refuses anything beyond it;
 * sums that would leave it are clamped to it by the checked helpers below. */
#define FISCAL_MONEY_MAX G_GINT64_CONSTANT (100000000000000000)

/* The largest magnitude as the file format writes it, for messages. */
#define FISCAL_MONEY_MAX_YUAN "1,000,000,000,000,000.00"

gboolean  fiscal_money_parse            (const char  *text,
                                         gint64      *fen,
                                         GError     **error);
gboolean  fiscal_money_parse_wan        (const char  *text,
                                         gint64      *fen,
                                         GError     **error);
char     *fiscal_money_format_yuan      (gint64       fen);
char     *fiscal_money_format_yuan_grouped (gint64    fen);
char     *fiscal_money_format_wan       (gint64       fen);
char     *fiscal_money_format_scaled    (gint64       fen,
                                         gint64       divisor,
                                         guint        decimals,
                                         gboolean     grouping);
gint64    fiscal_money_round_wan        (gint64       fen);
gboolean  fiscal_money_add              (gint64       a,
                                         gint64       b,
                                         gint64      *sum);
gint64    fiscal_money_sub_clamped      (gint64       a,
                                         gint64       b);
gint64    fiscal_money_mul_clamped      (gint64       fen,
                                         gint64       factor);
gint64    fiscal_ratio_basis_points     (gint64       part,
                                         gint64       whole);
char     *fiscal_ratio_format_percent   (gint64       part,
                                         gint64       whole);

#define FISCAL_RATIO_BASIS_POINTS_MAX G_GINT64_CONSTANT (1000000000000000000)

/**
 * fiscal_money_clamp:
 *
 * Returns: @fen if it is within [−%FISCAL_MONEY_MAX, %FISCAL_MONEY_MAX],
 *   otherwise the nearer end of that range.
 */
static inline gint64
fiscal_money_clamp (gint64 fen)
{
  return fen > FISCAL_MONEY_MAX ? FISCAL_MONEY_MAX : fen < -FISCAL_MONEY_MAX ? -FISCAL_MONEY_MAX : fen;
}

/**
 * fiscal_money_accumulate:
 * @sum: (inout): a running sum
 * @fen: an amount to add to it
 *
 * Adds @fen into @sum, saturating: when the exact sum would leave
 * [−%FISCAL_MONEY_MAX, %FISCAL_MONEY_MAX], @sum is set to the nearer end of
 * that range instead. Any two gint64 may be given; nothing overflows.
 *
 * Returns: %FALSE when the sum was clamped.
 */
static inline gboolean
fiscal_money_accumulate (gint64 *sum,
                         gint64  fen)
{
  gint64 s;

  if (G_UNLIKELY (__builtin_add_overflow (*sum, fen, &s)))
    {
      *sum = fen > 0 ? FISCAL_MONEY_MAX : -FISCAL_MONEY_MAX;
      return FALSE;
    }
  if (G_UNLIKELY (s > FISCAL_MONEY_MAX || s < -FISCAL_MONEY_MAX))
    {
      *sum = s > 0 ? FISCAL_MONEY_MAX : -FISCAL_MONEY_MAX;
      return FALSE;
    }

  *sum = s;
  return TRUE;
}

/**
 * FiscalMoneySum:
 *
 * An exact sum of money values, 128 bits wide: it holds the sum of up to
 * 2^64 gint64 values without overflow, so that adding a value and taking it
 * away again always gives back the sum before (the pivot's cube keeps the
 * sum of its lines' magnitudes so).
 */
__extension__ typedef __int128 FiscalMoneySum;

/**
 * fiscal_money_add_clamped:
 *
 * Returns: @a + @b, clamped to [−%FISCAL_MONEY_MAX, %FISCAL_MONEY_MAX].
 */
static inline gint64
fiscal_money_add_clamped (gint64 a,
                          gint64 b)
{
  fiscal_money_accumulate (&a, b);
  return a;
}

/**
 * fiscal_money_negate:
 *
 * Returns: −@fen, clamped like every sum (−G_MININT64 does not exist).
 */
static inline gint64
fiscal_money_negate (gint64 fen)
{
  return -fiscal_money_clamp (fen);
}

G_END_DECLS
