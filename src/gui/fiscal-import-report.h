/* fiscal-import-report.h
 *
 * The report of an import shown in the window: how much of the published
 * tables the rebuilt budget reproduces, what had to be inferred, and what
 * the publication contradicts in itself, each entry with its line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fiscal-core.h"
#include "fiscal-figures-view.h"

G_BEGIN_DECLS

char      *fiscal_import_describe_place     (guint               line,
                                             guint               page);
GPtrArray *fiscal_import_report_findings    (FiscalImportReport *report);
char      *fiscal_import_report_summary     (FiscalImportReport *report);
GtkWidget *fiscal_import_report_dialog_new  (GtkWindow          *parent,
                                             GFile              *source,
                                             FiscalImportReport *report,
                                             FiscalDocument     *document);
FiscalFiguresView *fiscal_import_report_dialog_get_figures (GtkWidget  *dialog);
void       fiscal_import_report_dialog_show_page (GtkWidget          *dialog,
                                                  const char         *name);

G_END_DECLS
