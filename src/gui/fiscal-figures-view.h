/* fiscal-figures-view.h
 *
 * Every figure of a published disclosure beside what the budget rebuilt
 * from it shows in its place, following the budget as it is edited: the
 * reviewer's side-by-side view of an import.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fiscal-core.h"

G_BEGIN_DECLS

#define FISCAL_TYPE_FIGURES_VIEW (fiscal_figures_view_get_type ())

G_DECLARE_FINAL_TYPE (FiscalFiguresView, fiscal_figures_view, FISCAL, FIGURES_VIEW, GtkWidget)

GtkWidget          *fiscal_figures_view_new                   (void);
void                fiscal_figures_view_set_report            (FiscalFiguresView  *self,
                                                               FiscalImportReport *report,
                                                               FiscalDocument     *document);
void                fiscal_figures_view_set_source            (FiscalFiguresView  *self,
                                                               GFile              *source);
void                fiscal_figures_view_set_table             (FiscalFiguresView  *self,
                                                               guint               number);
void                fiscal_figures_view_set_differences_only  (FiscalFiguresView  *self,
                                                               gboolean            differences_only);
void                fiscal_figures_view_refresh               (FiscalFiguresView  *self);
guint               fiscal_figures_view_get_n_shown           (FiscalFiguresView  *self);
const FiscalFigure *fiscal_figures_view_get_shown             (FiscalFiguresView  *self,
                                                               guint               position);
const char         *fiscal_figures_view_get_summary           (FiscalFiguresView  *self);
void                fiscal_figures_view_activate              (FiscalFiguresView  *self,
                                                               guint               position);
gboolean            fiscal_figures_view_write_csv             (FiscalFiguresView  *self,
                                                               GFile              *file,
                                                               GError            **error);

G_END_DECLS
