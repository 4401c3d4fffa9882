/* fiscal-validate.h
 *
 * The findings: what is wrong or doubtful in a document, each with the rule
 * that found it, a severity, a message that names the figures and the
 * place it concerns.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fiscal-types.h"

G_BEGIN_DECLS

typedef struct
{
  char           *rule;
  FiscalSeverity  severity;
  char           *message;
  char           *where;    /* a key path such as "lines[3].function" */
} FiscalFinding;

void       fiscal_finding_free        (FiscalFinding  *finding);
GPtrArray *fiscal_document_validate   (FiscalDocument *document);
GPtrArray *fiscal_document_validate_with_prior (FiscalDocument *document,
                                                FiscalDocument *prior);
guint      fiscal_findings_count      (GPtrArray      *findings,
                                       FiscalSeverity  severity);
char      *fiscal_findings_to_json    (GPtrArray      *findings);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FiscalFinding, fiscal_finding_free)

G_END_DECLS
