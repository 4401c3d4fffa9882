/* fiscal-pivot.h
 *
 * The pivot engine: the tables of a disclosure format made from the lines.
 * FISCAL_N_TABLES counts the national tables, by which the import and the
 * audit reason; a document's own format may have more or fewer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fiscal-format.h"
#include "fiscal-types.h"

G_BEGIN_DECLS

#define FISCAL_N_TABLES 11

const char  *fiscal_pivot_table_title (guint           number);
GPtrArray   *fiscal_pivot_all         (FiscalDocument *document);
FiscalTable *fiscal_pivot_table       (FiscalDocument *document,
                                       guint           number);
GPtrArray   *fiscal_pivot_format_tables (FiscalDocument *document,
                                         FiscalFormat   *format);
FiscalTable *fiscal_pivot_national    (FiscalDocument *document,
                                       guint           number);
GPtrArray   *fiscal_pivot_all_national (FiscalDocument *document);
gboolean     fiscal_pivot_row_traceable (FiscalTable   *table,
                                        guint          row);
gboolean     fiscal_pivot_line_in_cell (FiscalTable   *table,
                                        guint          row,
                                        int            column,
                                        FiscalLine    *line);
char        *fiscal_pivot_describe_cell (FiscalTable  *table,
                                         guint         row,
                                         int           column);

G_END_DECLS
