/* fiscal-disclosure.h
 *
 * A published disclosure (部门预算公开) read as it is: its parts, the
 * department and year, the eleven tables in the national numbering with
 * amounts in fen, the performance-target tables, the profile and the
 * narrative's text, every element with the line (and page) it came from.
 * The text may come from a PDF through poppler or from a text extraction;
 * columns are told by the numbers on a row, not by tabs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fiscal-audit.h"
#include "fiscal-table.h"

G_BEGIN_DECLS

typedef enum
{
  FISCAL_IMPORT_INFO,
  FISCAL_IMPORT_INFERENCE,
  FISCAL_IMPORT_WARNING,
  FISCAL_IMPORT_ERROR,
} FiscalImportSeverity;

/* Which part of the report an entry belongs to: what reading and
 * rebuilding found, or what the audit found the publication contradicting
 * in itself (fiscal_audit_disclosure() on what was read). */
typedef enum
{
  FISCAL_IMPORT_SECTION_REBUILD,
  FISCAL_IMPORT_SECTION_AUDIT,
} FiscalImportSection;

/* One entry of what reading or rebuilding found: a fact, an inference
 * made where the publication does not say, a doubt or a failure; or one
 * finding of the audit. */
typedef struct
{
  FiscalImportSeverity  severity;
  char                 *message;
  guint                 line;    /* 1-based line of the text, 0 if none */
  guint                 page;    /* 1-based page of a PDF, 0 if none */
  FiscalImportSection   section;
  char                 *rule;    /* the audit's rule ("audit-…"); NULL outside the audit section */
} FiscalImportEntry;

/* A project as 第三部分 describes it (项目名称, 政策依据, …). */
typedef struct
{
  char  *name;
  char  *policy_basis;
  char  *owner_unit;
  char  *allocation;
  char  *period;
  gint64 amount;          /* 预算安排规模, fen; -1 if not stated */
  guint  line;
} FiscalDisclosureProject;

typedef struct _FiscalDisclosure FiscalDisclosure;

FiscalDisclosure              *fiscal_disclosure_parse_text        (const char        *text,
                                                                    gsize              length,
                                                                    GError           **error);
FiscalDisclosure              *fiscal_disclosure_parse_pdf         (const char        *path,
                                                                    GError           **error);
FiscalDisclosure              *fiscal_disclosure_parse_pdf_bytes   (GBytes            *bytes,
                                                                    GError           **error);
FiscalDisclosure              *fiscal_disclosure_read_file         (GFile             *file,
                                                                    GCancellable      *cancellable,
                                                                    GError           **error);
void                           fiscal_disclosure_free              (FiscalDisclosure  *self);

const char                    *fiscal_disclosure_get_department    (FiscalDisclosure  *self);
int                            fiscal_disclosure_get_year          (FiscalDisclosure  *self);
FiscalTable                   *fiscal_disclosure_get_table         (FiscalDisclosure  *self,
                                                                    guint              number);
gboolean                       fiscal_disclosure_get_declared_empty (FiscalDisclosure *self,
                                                                    guint              number);
guint                          fiscal_disclosure_get_published_number (FiscalDisclosure *self,
                                                                    guint              number);
GPtrArray                     *fiscal_disclosure_get_target_tables (FiscalDisclosure  *self);
const char                    *fiscal_disclosure_target_lines      (FiscalTable       *table);
char                          *fiscal_disclosure_meta_field        (const char        *meta,
                                                                    const char        *label);
guint                          fiscal_disclosure_get_n_lines       (FiscalDisclosure  *self);
const char                    *fiscal_disclosure_get_line          (FiscalDisclosure  *self,
                                                                    guint              line);
guint                          fiscal_disclosure_get_line_page     (FiscalDisclosure  *self,
                                                                    guint              line);
void                           fiscal_disclosure_get_part          (FiscalDisclosure  *self,
                                                                    guint              part,
                                                                    guint             *first,
                                                                    guint             *last);
guint                          fiscal_disclosure_find_line         (FiscalDisclosure  *self,
                                                                    guint              from,
                                                                    guint              to,
                                                                    const char        *needle);
GPtrArray                     *fiscal_disclosure_get_projects      (FiscalDisclosure  *self);
GPtrArray                     *fiscal_disclosure_get_entries       (FiscalDisclosure  *self);
void                           fiscal_disclosure_fill_audit_input  (FiscalDisclosure  *self,
                                                                    FiscalAuditInput  *input);

void                           fiscal_import_entry_free            (FiscalImportEntry *entry);
const char                    *fiscal_import_severity_to_string    (FiscalImportSeverity severity);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FiscalDisclosure, fiscal_disclosure_free)

FiscalFormat      *fiscal_disclosure_get_format                (FiscalDisclosure *self);
FiscalTable       *fiscal_disclosure_get_format_table          (FiscalDisclosure *self,
                                                                guint             number);
gboolean           fiscal_disclosure_get_format_declared_empty (FiscalDisclosure *self,
                                                                guint             number);

G_END_DECLS
