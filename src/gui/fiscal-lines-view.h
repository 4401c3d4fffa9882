/* fiscal-lines-view.h
 *
 * The budget lines editor: a column view over the lines with editable
 * cells, a filter, and live totals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fiscal-core.h"

G_BEGIN_DECLS

#define FISCAL_TYPE_LINES_VIEW (fiscal_lines_view_get_type ())

G_DECLARE_FINAL_TYPE (FiscalLinesView, fiscal_lines_view, FISCAL, LINES_VIEW, GtkWidget)

GtkWidget  *fiscal_lines_view_new             (void);
void        fiscal_lines_view_set_document    (FiscalLinesView *self,
                                               FiscalDocument  *document);
void        fiscal_lines_view_set_project     (FiscalLinesView *self,
                                               const char      *project_id);
void        fiscal_lines_view_set_wan         (FiscalLinesView *self,
                                               gboolean         wan);
void        fiscal_lines_view_set_filter_text (FiscalLinesView *self,
                                               const char      *text);
void        fiscal_lines_view_set_cell_filter (FiscalLinesView *self,
                                               FiscalTable     *table,
                                               guint            row,
                                               int              column);
guint       fiscal_lines_view_get_n_shown     (FiscalLinesView *self);
FiscalLine *fiscal_lines_view_get_shown       (FiscalLinesView *self,
                                               guint            position);
void        fiscal_lines_view_select          (FiscalLinesView *self,
                                               FiscalLine      *line);
gboolean    fiscal_lines_view_edit            (FiscalLinesView *self,
                                               FiscalLine      *line,
                                               const char      *column);
gboolean    fiscal_lines_view_focus_cell      (FiscalLinesView *self,
                                               FiscalLine      *line,
                                               const char      *column);
const char *fiscal_lines_view_get_cell_text   (FiscalLinesView *self,
                                               FiscalLine      *line,
                                               const char      *column);
gboolean    fiscal_lines_view_get_focus_cell  (FiscalLinesView  *self,
                                               FiscalLine      **line,
                                               const char      **column,
                                               gboolean         *editing);
GPtrArray  *fiscal_lines_view_get_selected    (FiscalLinesView *self);
FiscalLine *fiscal_lines_view_add_line        (FiscalLinesView *self);
void        fiscal_lines_view_delete_selected (FiscalLinesView *self);
void        fiscal_lines_view_duplicate_selected (FiscalLinesView *self);
gboolean    fiscal_lines_view_commit          (FiscalLinesView *self,
                                               FiscalLine      *line,
                                               const char      *column,
                                               const char      *text,
                                               char           **error_message);
char       *fiscal_lines_view_get_totals_text (FiscalLinesView *self);
char       *fiscal_lines_view_get_subtotals   (FiscalLinesView *self,
                                               guint            grouping);
char       *fiscal_lines_view_copy_tsv        (FiscalLinesView *self);
FiscalPasteResult *fiscal_lines_view_parse_paste (FiscalLinesView *self,
                                                  const char      *text);
void        fiscal_lines_view_insert_pasted   (FiscalLinesView   *self,
                                               FiscalPasteResult *result);
GtkWidget  *fiscal_lines_view_paste_text      (FiscalLinesView *self,
                                               const char      *text);

G_END_DECLS
