/* fiscal-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fiscal-application.h"
#include "fiscal-core.h"
#include "fiscal-targets-panel.h"
#include "fiscal-export-dialog.h"
#include "fiscal-import-report.h"

G_BEGIN_DECLS

#define FISCAL_TYPE_WINDOW (fiscal_window_get_type ())

G_DECLARE_FINAL_TYPE (FiscalWindow, fiscal_window, FISCAL, WINDOW, AdwApplicationWindow)

FiscalWindow   *fiscal_window_new            (FiscalApplication *application);
gboolean        fiscal_window_open           (FiscalWindow      *self,
                                              GFile             *file);
void            fiscal_window_open_file      (FiscalWindow      *self,
                                              GFile             *file);
GFile          *fiscal_window_get_file       (FiscalWindow      *self);
FiscalDocument *fiscal_window_get_document   (FiscalWindow      *self);
void            fiscal_window_show_table     (FiscalWindow      *self,
                                              guint              number);
guint           fiscal_window_get_shown_table (FiscalWindow     *self);
const char     *fiscal_window_get_page       (FiscalWindow      *self);
void            fiscal_window_show_page      (FiscalWindow      *self,
                                              const char        *page);
GPtrArray      *fiscal_window_get_findings   (FiscalWindow      *self);
FiscalTargetsPanel *fiscal_window_get_targets_panel    (FiscalWindow *self);
gboolean        fiscal_window_get_targets_revealed (FiscalWindow      *self);
gboolean        fiscal_window_save_to        (FiscalWindow      *self,
                                              GFile             *file);
GtkWidget      *fiscal_window_ask_to_close   (FiscalWindow      *self);
void            fiscal_window_take_document  (FiscalWindow      *self,
                                              FiscalDocument    *document);
void            fiscal_window_take_recovered (FiscalWindow      *self,
                                              FiscalDocument    *document,
                                              const char        *key);
GtkWidget      *fiscal_window_offer_recovery (FiscalWindow      *self);
void            fiscal_window_autosave_now   (FiscalWindow      *self);
gboolean        fiscal_window_export_to      (FiscalWindow      *self,
                                              FiscalExportKind   kind,
                                              GFile             *file,
                                              GError           **error);
gboolean        fiscal_window_start_export   (FiscalWindow      *self,
                                              FiscalExportKind   kind,
                                              GFile             *file,
                                              GError           **error);
gboolean        fiscal_window_cancel_export  (FiscalWindow      *self,
                                              GFile             *file);
guint           fiscal_window_get_n_exports  (FiscalWindow      *self);
GtkPrintOperation *fiscal_window_print_operation (FiscalWindow  *self);
gboolean        fiscal_window_import         (FiscalWindow      *self,
                                              GFile             *file);
void            fiscal_window_start_import   (FiscalWindow      *self,
                                              GFile             *file);
gboolean        fiscal_window_cancel_import  (FiscalWindow      *self);
FiscalImportReport *fiscal_window_get_import_report (FiscalWindow *self);
GtkWidget      *fiscal_window_show_import_report (FiscalWindow  *self);

G_END_DECLS
