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

/* How a published figure compares with the rebuilt budget's. */
typedef enum
{
  FISCAL_FIGURE_SAME,        /* shown as published */
  FISCAL_FIGURE_ROUNDING,    /* 0.01 万元 off: within the rounding of the published figures */
  FISCAL_FIGURE_DIFFERENT,   /* further off */
  FISCAL_FIGURE_UNMATCHED,   /* the rebuilt table has no such row */
} FiscalFigureState;

/* One published amount beside the rebuilt budget's figure in its place. */
typedef struct
{
  guint              table;            /* its number in the publication's format */
  guint              published_number; /* as the publication numbers it */
  guint              published_row;    /* in the published table */
  guint              row;              /* in the rebuilt table; G_MAXUINT if none */
  guint              cell;             /* the amount cell's index */
  int                column;           /* the rebuilt table's column */
  const char        *code;
  const char        *name;
  const char        *project;          /* or NULL */
  const char        *column_title;
  gint64             published;        /* fen */
  gint64             rebuilt;          /* fen */
  gint64             ulp;              /* the fen of the last digit the table prints */
  FiscalFigureState  state;
  guint              line;             /* 1-based line of the source text, 0 if unknown */
  guint              page;             /* 1-based page of a PDF, 0 if unknown */
} FiscalFigure;

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
FiscalDocument          *fiscal_import_disclosure_full    (FiscalDisclosure     *disclosure,
                                                           GCancellable         *cancellable,
                                                           FiscalImportReport  **report,
                                                           GError              **error);
guint                    fiscal_import_compare_tables     (FiscalDisclosure     *disclosure,
                                                           FiscalDocument       *document,
                                                           FiscalImportReport   *report,
                                                           guint                *n_cells);

FiscalFormat            *fiscal_import_report_get_format  (FiscalImportReport   *self);
FiscalTable             *fiscal_import_report_get_published_table (FiscalImportReport *self,
                                                                   guint               number);
GArray                  *fiscal_import_report_compare     (FiscalImportReport   *self,
                                                           FiscalDocument       *document);
gint64                   fiscal_figure_get_difference     (const FiscalFigure   *figure);
const char              *fiscal_figure_state_to_string    (FiscalFigureState     state);
const char              *fiscal_figure_state_describe     (FiscalFigureState     state);
FiscalTable             *fiscal_figures_to_table          (GArray               *figures);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FiscalImportReport, fiscal_import_report_free)

G_END_DECLS
