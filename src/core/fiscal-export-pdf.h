/* fiscal-export-pdf.h
 *
 * The whole disclosure as one PDF file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fiscal-print.h"
#include "fiscal-types.h"

G_BEGIN_DECLS

gboolean fiscal_print_layout_write_pdf (FiscalPrintLayout        *layout,
                                        const char               *path,
                                        GError                  **error);
gboolean fiscal_print_layout_write_pdf_full (FiscalPrintLayout        *layout,
                                             const char               *path,
                                             GCancellable             *cancellable,
                                             GError                  **error);
gboolean fiscal_export_pdf             (FiscalDocument           *document,
                                        FiscalDocument           *prior,
                                        const FiscalPrintOptions *options,
                                        const char               *path,
                                        GError                  **error);
gboolean fiscal_export_pdf_full        (FiscalDocument           *document,
                                        FiscalDocument           *prior,
                                        const FiscalPrintOptions *options,
                                        const char               *path,
                                        GCancellable             *cancellable,
                                        GError                  **error);

G_END_DECLS
