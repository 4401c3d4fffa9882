/* fiscal-audit.h
 *
 * The audit of a published disclosure against itself: the relations between
 * its tables, the figures, shares, changes and direction words of its
 * narrative against the tables, and its performance-target tables against
 * the budget. It works on what was read from the text, not on a budget
 * rebuilt from it, so that it reports what the publication says.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fiscal-table.h"
#include "fiscal-validate.h"

G_BEGIN_DECLS

/* What the audit reads. Tables are numbered as in the national format
 * (1 部门收支总体情况表 … 11 上年结转结余情况明细表) whatever the
 * publication called them, and have the columns fiscal_pivot_table() gives
 * the same number, with amounts in fen and each row's source_line set. */
typedef struct
{
  FiscalTable        *tables[12];          /* [1..11]; NULL where the text has no such table */
  gboolean            declared_empty[12];  /* given only as its empty-table sentence */
  gboolean            not_printed[12];     /* the publication's format has no such table: its
                                            * absence is no finding */
  const char * const *lines;               /* the source text, split in lines; line n is lines[n - 1] */
  guint               n_lines;
  guint               narrative_first;     /* the 情况说明 part: first and last line, 1-based; 0 if absent */
  guint               narrative_last;
  GPtrArray          *target_tables;       /* FiscalTable, shaped as fiscal_targets_to_table(); may be NULL:
                                            * a project's named in its title “…（项目名称）”, the stated
                                            * funds on the last line of the note (“财政拨款 60.00；…”),
                                            * the title's line as the table's source line */
  int                 year;                /* the budget year, 0 if unknown */
} FiscalAuditInput;

/* Each mismatch is a FiscalFinding whose rule starts with "audit-", whose
 * message names both figures and whose where is "line N" of the source
 * (docs/audit.md lists the rules and their tolerances). */
GPtrArray *fiscal_audit_disclosure (const FiscalAuditInput *input);
char      *fiscal_audit_to_text    (GPtrArray              *findings);

G_END_DECLS
