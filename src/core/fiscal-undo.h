/* fiscal-undo.h
 *
 * The undo history of a document. Model setters report each change before
 * they make it; the history keeps what is needed to take it back. Changes
 * are grouped into steps: an explicit action (a paste, a delete of several
 * lines) is one step, and successive edits of one field (typing) merge into
 * one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fiscal-types.h"

G_BEGIN_DECLS

typedef struct _FiscalUndo FiscalUndo;

FiscalUndo *_fiscal_undo_new                 (FiscalDocument *document);
void        _fiscal_undo_free                (FiscalUndo     *undo);
void        _fiscal_undo_record_property     (FiscalUndo     *undo,
                                              GObject        *object,
                                              GParamSpec     *pspec);
void        _fiscal_undo_record_lines        (FiscalUndo     *undo,
                                              gboolean        inserted,
                                              guint           position,
                                              FiscalLine    **lines,
                                              guint           n_lines);
void        _fiscal_undo_record_project      (FiscalUndo     *undo,
                                              gboolean        inserted,
                                              guint           position,
                                              FiscalProject  *project);
void        _fiscal_undo_record_indicators   (FiscalUndo      *undo,
                                              FiscalTargets   *targets,
                                              gboolean         inserted,
                                              guint            position,
                                              FiscalIndicator *indicator);
void        _fiscal_undo_record_explanation  (FiscalUndo     *undo,
                                              const char     *key,
                                              const char     *old_text);
void        _fiscal_undo_record_profile      (FiscalUndo     *undo,
                                              FiscalProfile  *profile,
                                              guint           field);
void        _fiscal_undo_begin               (FiscalUndo     *undo,
                                              const char     *label);
void        _fiscal_undo_end                 (FiscalUndo     *undo);
void        _fiscal_undo_seal                (FiscalUndo     *undo);
void        _fiscal_undo_clear               (FiscalUndo     *undo);
gboolean    _fiscal_undo_can_undo            (FiscalUndo     *undo);
gboolean    _fiscal_undo_can_redo            (FiscalUndo     *undo);
const char *_fiscal_undo_get_undo_label      (FiscalUndo     *undo);
const char *_fiscal_undo_get_redo_label      (FiscalUndo     *undo);
gboolean    _fiscal_undo_undo                (FiscalUndo     *undo);
gboolean    _fiscal_undo_redo                (FiscalUndo     *undo);
guint64     _fiscal_undo_get_state           (FiscalUndo     *undo);
gboolean    _fiscal_undo_is_replaying        (FiscalUndo     *undo);

G_END_DECLS
