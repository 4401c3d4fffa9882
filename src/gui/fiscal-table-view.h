/* fiscal-table-view.h
 *
 * Shows one disclosure table in its official layout: title, 编制部门 and
 * unit line, grouped header cells, the rows, and the sentence of an empty
 * table. The header stays in view while the rows scroll under it; only
 * the rows in view are made, so tables of any length show whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fiscal-core.h"

G_BEGIN_DECLS

#define FISCAL_TYPE_TABLE_VIEW (fiscal_table_view_get_type ())

G_DECLARE_FINAL_TYPE (FiscalTableView, fiscal_table_view, FISCAL, TABLE_VIEW, GtkWidget)

GtkWidget   *fiscal_table_view_new               (void);
FiscalTable *fiscal_table_view_get_table         (FiscalTableView *self);
void         fiscal_table_view_set_table         (FiscalTableView *self,
                                                  FiscalTable     *table);
const char  *fiscal_table_view_get_text_at       (FiscalTableView *self,
                                                  guint            grid_row,
                                                  guint            grid_column);
GtkWidget   *fiscal_table_view_get_cell          (FiscalTableView *self,
                                                  guint            grid_row,
                                                  guint            grid_column);
guint        fiscal_table_view_get_n_header_rows (FiscalTableView *self);
void         fiscal_table_view_activate_cell     (FiscalTableView *self,
                                                  guint            row,
                                                  int              column);
void         fiscal_table_view_scroll_to_cell    (FiscalTableView *self,
                                                  guint            row,
                                                  int              column);
void         fiscal_table_view_set_status        (FiscalTableView *self,
                                                  const char      *text);
const char  *fiscal_table_view_get_status        (FiscalTableView *self);
gboolean     fiscal_table_view_get_cursor        (FiscalTableView *self,
                                                  guint           *row,
                                                  guint           *column);

G_END_DECLS
