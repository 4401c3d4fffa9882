/* fiscal-table-grid.h
 *
 * The grouped header and the rows of a disclosure table, on one set of
 * column widths. Only the rows in view are made as widgets, so a table of
 * any length costs the same to show and to scroll; the header stays in
 * view above the rows, and the leading code and name columns stay in
 * view at the left as the amounts scroll sideways. It scrolls itself
 * (GtkScrollable): put it in a GtkScrolledWindow.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fiscal-core.h"

G_BEGIN_DECLS

/* How the action table.move-cursor (kind, count) moves the cursor. */
typedef enum
{
  FISCAL_TABLE_MOVE_ROWS,       /* by count rows */
  FISCAL_TABLE_MOVE_COLUMNS,    /* by count columns */
  FISCAL_TABLE_MOVE_PAGES,      /* by count times the rows in view */
  FISCAL_TABLE_MOVE_ROW_END,    /* to the first (count < 0) or last column */
  FISCAL_TABLE_MOVE_TABLE_END,  /* to the first (count < 0) or last cell */
} FiscalTableMove;

#define FISCAL_TYPE_TABLE_GRID (fiscal_table_grid_get_type ())

G_DECLARE_FINAL_TYPE (FiscalTableGrid, fiscal_table_grid, FISCAL, TABLE_GRID, GtkWidget)

GtkWidget   *fiscal_table_grid_new          (void);
FiscalTable *fiscal_table_grid_get_table    (FiscalTableGrid *self);
void         fiscal_table_grid_set_table    (FiscalTableGrid *self,
                                             FiscalTable     *table,
                                             gboolean         keep_place);
GtkWidget   *fiscal_table_grid_get_cell     (FiscalTableGrid *self,
                                             guint            grid_row,
                                             guint            grid_column);
void         fiscal_table_grid_scroll_to    (FiscalTableGrid *self,
                                             guint            row,
                                             int              column);
void         fiscal_table_grid_set_cursor   (FiscalTableGrid *self,
                                             guint            row,
                                             guint            column);
gboolean     fiscal_table_grid_get_cursor   (FiscalTableGrid *self,
                                             guint           *row,
                                             guint           *column);
guint        fiscal_table_grid_get_n_frozen (FiscalTableGrid *self);

G_END_DECLS
