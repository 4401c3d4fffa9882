/* fiscal-import.h
 *
 * A budget rebuilt from a published disclosure, and the report of how:
 * what was read, what had to be inferred where the tables give only
 * marginal totals, and which published cells the rebuilt budget does not
 * reproduce, and why.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fiscal-disclosure.h"
#include "fiscal-types.h"

G_BEGIN_DECLS

typedef struct _FiscalImportReport FiscalImportReport;

FiscalImportReport      *fiscal_import_report_new         (void);
void                     fiscal_import_report_free        (FiscalImportReport   *self);
void                     fiscal_import_report_add         (FiscalImportReport   *self,
                                                           FiscalImportSeverity  severity,
                                                           guint                 line,
                                                           guint                 page,
                                                           const char           *format,
                                                           ...) G_GNUC_PRINTF (5, 6);
guint                    fiscal_import_report_get_n_entries (FiscalImportReport *self);
const FiscalImportEntry *fiscal_import_report_get_entry   (FiscalImportReport   *self,
                                                           guint                 position);
guint                    fiscal_import_report_count       (FiscalImportReport   *self,
                                                           FiscalImportSeverity  severity);
guint                    fiscal_import_report_count_in    (FiscalImportReport   *self,
                                                           FiscalImportSection   section,
                                                           FiscalImportSeverity  severity);
void                     fiscal_import_report_add_audit   (FiscalImportReport   *self,
                                                           FiscalDisclosure     *disclosure,
                                                           GPtrArray            *findings);
guint                    fiscal_import_report_get_n_cells (FiscalImportReport   *self);
guint                    fiscal_import_report_get_n_mismatches (FiscalImportReport *self);
guint                    fiscal_import_report_get_n_close (FiscalImportReport   *self);
char                    *fiscal_import_report_to_text     (FiscalImportReport   *self);
char                    *fiscal_import_report_to_json     (FiscalImportReport   *self);

FiscalDocument          *fiscal_import_file               (GFile                *file,
                                                           GCancellable         *cancellable,
                                                           FiscalImportReport  **report,
                                                           GError              **error);
FiscalDocument          *fiscal_import_disclosure         (FiscalDisclosure     *disclosure,
                                                           FiscalImportReport  **report,
                                                           GError              **error);
guint                    fiscal_import_compare_tables     (FiscalDisclosure     *disclosure,
                                                           FiscalDocument       *document,
                                                           FiscalImportReport   *report,
                                                           guint                *n_cells);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FiscalImportReport, fiscal_import_report_free)

G_END_DECLS
