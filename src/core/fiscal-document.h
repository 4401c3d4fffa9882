/* fiscal-document.h
 *
 * One department's budget for one fiscal year.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fiscal-format.h"
#include "fiscal-types.h"

G_BEGIN_DECLS

#define FISCAL_DOCUMENT_FORMAT  "fiscal-budget"
#define FISCAL_DOCUMENT_VERSION 1

#define FISCAL_TYPE_DOCUMENT (fiscal_document_get_type ())

G_DECLARE_FINAL_TYPE (FiscalDocument, fiscal_document, FISCAL, DOCUMENT, GObject)

FiscalDocument *fiscal_document_new                  (int              year,
                                                      const char      *department);
FiscalDocument *fiscal_document_new_from_prior       (FiscalDocument  *prior,
                                                      gint64           per_10000);
FiscalDocument *fiscal_document_copy                 (FiscalDocument  *self);
FiscalDocument *fiscal_document_load                 (GFile           *file,
                                                      GCancellable    *cancellable,
                                                      GError         **error);
FiscalDocument *fiscal_document_load_from_data       (const char      *data,
                                                      gsize            length,
                                                      GError         **error);
GBytes         *fiscal_document_to_bytes             (FiscalDocument  *self);
gboolean        fiscal_document_save                 (FiscalDocument  *self,
                                                      GFile           *file,
                                                      GCancellable    *cancellable,
                                                      GError         **error);
FiscalDocument *fiscal_document_load_prior           (FiscalDocument  *self,
                                                      GError         **error);

GFile          *fiscal_document_get_file             (FiscalDocument  *self);
void            fiscal_document_set_file             (FiscalDocument  *self,
                                                      GFile           *file);
int             fiscal_document_get_year             (FiscalDocument  *self);
void            fiscal_document_set_year             (FiscalDocument  *self,
                                                      int              year);
const char     *fiscal_document_get_department_name  (FiscalDocument  *self);
void            fiscal_document_set_department_name  (FiscalDocument  *self,
                                                      const char      *name);
const char     *fiscal_document_get_department_code  (FiscalDocument  *self);
void            fiscal_document_set_department_code  (FiscalDocument  *self,
                                                      const char      *code);
const char     *fiscal_document_get_prior_path       (FiscalDocument  *self);
void            fiscal_document_set_prior_path       (FiscalDocument  *self,
                                                      const char      *path);
const char     *fiscal_document_get_format_id        (FiscalDocument  *self);
void            fiscal_document_set_format_id        (FiscalDocument  *self,
                                                      const char      *id);
FiscalFormat   *fiscal_document_get_format           (FiscalDocument  *self);
FiscalProfile  *fiscal_document_get_profile          (FiscalDocument  *self);
FiscalTargets  *fiscal_document_get_targets          (FiscalDocument  *self);

GListModel     *fiscal_document_get_units            (FiscalDocument  *self);
GListModel     *fiscal_document_get_projects         (FiscalDocument  *self);
GListModel     *fiscal_document_get_lines            (FiscalDocument  *self);
void            fiscal_document_add_unit             (FiscalDocument  *self,
                                                      FiscalUnit      *unit);
FiscalUnit     *fiscal_document_find_unit            (FiscalDocument  *self,
                                                      const char      *id);
void            fiscal_document_add_project          (FiscalDocument  *self,
                                                      FiscalProject   *project);
FiscalProject  *fiscal_document_find_project         (FiscalDocument  *self,
                                                      const char      *id);
void            fiscal_document_add_line             (FiscalDocument  *self,
                                                      FiscalLine      *line);
void            fiscal_document_insert_lines         (FiscalDocument  *self,
                                                      guint            position,
                                                      FiscalLine     **lines,
                                                      guint            n_lines);
void            fiscal_document_remove_lines         (FiscalDocument  *self,
                                                      guint            position,
                                                      guint            n_lines);
char           *fiscal_document_new_line_id          (FiscalDocument  *self);

const char     *fiscal_document_get_explanation      (FiscalDocument  *self,
                                                      const char      *key);
void            fiscal_document_set_explanation      (FiscalDocument  *self,
                                                      const char      *key,
                                                      const char      *text);
GStrv           fiscal_document_list_explanations    (FiscalDocument  *self);

void            fiscal_document_remove_project       (FiscalDocument  *self,
                                                      guint            position);
char           *fiscal_document_new_project_id       (FiscalDocument  *self);

gboolean        fiscal_document_can_undo             (FiscalDocument  *self);
gboolean        fiscal_document_can_redo             (FiscalDocument  *self);
const char     *fiscal_document_get_undo_label       (FiscalDocument  *self);
const char     *fiscal_document_get_redo_label       (FiscalDocument  *self);
gboolean        fiscal_document_undo                 (FiscalDocument  *self);
gboolean        fiscal_document_redo                 (FiscalDocument  *self);
void            fiscal_document_begin_action         (FiscalDocument  *self,
                                                      const char      *label);
void            fiscal_document_end_action           (FiscalDocument  *self);
void            fiscal_document_clear_history        (FiscalDocument  *self);
void            fiscal_document_set_saved            (FiscalDocument  *self);
gboolean        fiscal_document_get_modified         (FiscalDocument  *self);
void            fiscal_document_mark_unsaved         (FiscalDocument  *self);

void            fiscal_document_freeze_changed       (FiscalDocument  *self);
void            fiscal_document_thaw_changed         (FiscalDocument  *self);
guint64         fiscal_document_get_serial           (FiscalDocument  *self);

G_END_DECLS
