/* fiscal-document-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fiscal-document.h"

G_BEGIN_DECLS

#define FISCAL_YEAR_MIN 1990
#define FISCAL_YEAR_MAX 2200

void _fiscal_document_note_line_id (FiscalDocument *self,
                                    const char     *id);
int  _fiscal_strv_compare          (const void     *a,
                                    const void     *b);
void _fiscal_document_insert_project (FiscalDocument *self,
                                      guint           position,
                                      FiscalProject  *project);

G_END_DECLS
