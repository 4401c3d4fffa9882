/* fiscal-paste.h
 *
 * Lines pasted from a spreadsheet: tab-separated rows, with or without a
 * header row, codes or names, amounts in 元 or 万元. Each row becomes a
 * line or is refused with the reason.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fiscal-types.h"

G_BEGIN_DECLS

typedef struct
{
  GPtrArray *lines;       /* FiscalLine, new, not yet in the document */
  GPtrArray *rejected;    /* char*: “Row 3: …”, the first 1000 rows
                           * refused, then “…and N more rows are refused” */
  gboolean   had_header;
  gboolean   wan;         /* the amounts were read as 万元 */
  guint      n_rejected;  /* the rows refused, all of them */
} FiscalPasteResult;

FiscalPasteResult *fiscal_paste_parse        (FiscalDocument    *document,
                                              const char        *text,
                                              gboolean           wan,
                                              const char        *project_id);
void               fiscal_paste_result_free  (FiscalPasteResult *result);
gboolean           fiscal_paste_read_kind    (const char        *text,
                                              FiscalKind        *kind);
gboolean           fiscal_paste_read_source  (const char        *text,
                                              FiscalSource      *source);
const char        *fiscal_paste_find_unit    (FiscalDocument    *document,
                                              const char        *text);
const char        *fiscal_paste_find_project (FiscalDocument    *document,
                                              const char        *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FiscalPasteResult, fiscal_paste_result_free)

G_END_DECLS
