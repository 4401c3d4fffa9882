/* fiscal-document-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fiscal-document.h"

G_BEGIN_DECLS

#define FISCAL_YEAR_MIN 1990
#define FISCAL_YEAR_MAX 2200

gboolean _fiscal_document_check_valid (FiscalDocument  *self,
                                       gboolean         text_is_utf8,
                                       GPtrArray       *lines,
                                       GError         **error);

void _fiscal_document_note_line_id (FiscalDocument *self,
                                    const char     *id);
int  _fiscal_strv_compare          (const void     *a,
                                    const void     *b);
typedef struct _FiscalCube FiscalCube;

FiscalCube *_fiscal_cube_new             (FiscalDocument *document);
void        _fiscal_cube_free            (FiscalCube     *cube);
void        _fiscal_cube_add_line        (FiscalCube     *cube,
                                          FiscalLine     *line,
                                          int             sign);
FiscalCube *_fiscal_document_get_cube    (FiscalDocument *self);

void _fiscal_document_relink_prior   (FiscalDocument *self,
                                      const char     *path);
void _fiscal_document_insert_project (FiscalDocument *self,
                                      guint           position,
                                      FiscalProject  *project);
void _fiscal_document_remove_project (FiscalDocument *self,
                                      guint           position);

G_END_DECLS
