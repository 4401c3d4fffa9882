/* fiscal-export-xlsx.h
 *
 * The disclosure tables written as a spreadsheet workbook (.xlsx): one
 * sheet per table, headers merged as published, amounts as numbers in 万元.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fiscal-table-io.h"
#include "fiscal-types.h"

G_BEGIN_DECLS

GPtrArray *fiscal_export_collect_tables (FiscalDocument      *document,
                                         GStrv               *sheet_names);
gboolean   fiscal_export_xlsx_tables    (GPtrArray           *tables,
                                         const char * const  *sheet_names,
                                         const char          *title,
                                         const char          *department,
                                         const char          *path,
                                         GError             **error);
gboolean   fiscal_export_xlsx           (FiscalDocument      *document,
                                         const char          *path,
                                         GError             **error);
gboolean   fiscal_export_xlsx_full      (FiscalDocument      *document,
                                         const char          *path,
                                         GCancellable        *cancellable,
                                         GError             **error);
gboolean   fiscal_export_csv            (FiscalDocument      *document,
                                         const char          *path,
                                         FiscalCsvFlags       flags,
                                         GError             **error);
gboolean   fiscal_export_csv_full       (FiscalDocument      *document,
                                         const char          *path,
                                         FiscalCsvFlags       flags,
                                         GCancellable        *cancellable,
                                         GError             **error);
int        fiscal_export_text_width     (const char          *text);

G_END_DECLS
