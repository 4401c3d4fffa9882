/* fiscal-export-dialog.h
 *
 * Exporting and printing from the window: the file chooser for each kind
 * of export and the print operation, both drawing the pages the core lays
 * out, so that what is printed is what the PDF holds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fiscal-core.h"

G_BEGIN_DECLS

typedef enum
{
  FISCAL_EXPORT_PDF,         /* the whole disclosure */
  FISCAL_EXPORT_PDF_CHARTS,  /* the whole disclosure with its charts */
  FISCAL_EXPORT_XLSX,        /* the tables as a workbook */
  FISCAL_EXPORT_CSV,         /* the eleven tables as CSV for Excel */
} FiscalExportKind;

/* Called with the file the user chose. */
typedef void (*FiscalExportChosen) (GFile            *file,
                                    FiscalExportKind  kind,
                                    gpointer          user_data);

gboolean           fiscal_export_kind_from_name (const char        *name,
                                                 FiscalExportKind  *kind);
char              *fiscal_export_suggest_name   (FiscalDocument    *document,
                                                 FiscalExportKind   kind);
gboolean           fiscal_export_write          (FiscalDocument    *document,
                                                 FiscalDocument    *prior,
                                                 FiscalExportKind   kind,
                                                 GFile             *file,
                                                 GError           **error);
void               fiscal_export_write_async    (FiscalDocument    *document,
                                                 FiscalDocument    *prior,
                                                 FiscalExportKind   kind,
                                                 GFile             *file,
                                                 GCancellable      *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer           user_data);
gboolean           fiscal_export_write_finish   (GAsyncResult      *result,
                                                 GError           **error);
void               fiscal_export_choose         (GtkWindow         *parent,
                                                 FiscalExportKind   kind,
                                                 GFile             *near,
                                                 FiscalDocument    *document,
                                                 FiscalExportChosen chosen,
                                                 gpointer           user_data);
GtkPrintOperation *fiscal_print_operation_new   (FiscalDocument    *document,
                                                 FiscalDocument    *prior);

G_END_DECLS
