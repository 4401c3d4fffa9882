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

/* The largest magnitude a money value may have; the range is symmetric. */
#define FISCAL_MONEY_MAX G_MAXINT64

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
gint64    fiscal_ratio_basis_points     (gint64       part,
                                         gint64       whole);
char     *fiscal_ratio_format_percent   (gint64       part,
                                         gint64       whole);

G_END_DECLS
