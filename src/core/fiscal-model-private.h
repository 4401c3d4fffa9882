/* fiscal-model-private.h
 *
 * What the model objects share with the document that owns them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fiscal-types.h"

G_BEGIN_DECLS

/* Each model object knows the document it belongs to (unowned) and tells it
 * of every change, so that the document can emit one "changed" signal per
 * edit without a signal handler on each of a million lines. */
void _fiscal_document_object_changed (FiscalDocument *document,
                                      gpointer        object);

/* Called by setters just before they change a property, so that the
 * document's history can take it back. */
void _fiscal_document_will_change    (FiscalDocument *document,
                                      GObject        *object,
                                      GParamSpec     *pspec);
void _fiscal_document_will_change_profile (FiscalDocument *document,
                                           FiscalProfile  *profile,
                                           guint           field);
/* Called before an indicator is inserted into or removed from @targets. */
void _fiscal_document_will_change_indicators (FiscalDocument  *document,
                                              FiscalTargets   *targets,
                                              gboolean         inserted,
                                              guint            position,
                                              FiscalIndicator *indicator);

void _fiscal_line_set_document       (FiscalLine     *line,
                                      FiscalDocument *document);
void _fiscal_project_set_document    (FiscalProject  *project,
                                      FiscalDocument *document);
void _fiscal_indicator_set_document  (FiscalIndicator *indicator,
                                      FiscalDocument  *document);
void _fiscal_targets_set_document    (FiscalTargets  *targets,
                                      FiscalDocument *document);
void _fiscal_unit_set_document       (FiscalUnit     *unit,
                                      FiscalDocument *document);
void _fiscal_profile_set_document    (FiscalProfile  *profile,
                                      FiscalDocument *document);

/* Sets @slot to a copy of @value; returns FALSE when it was already equal.
 * Empty strings are stored as NULL. */
gboolean _fiscal_set_string          (char          **slot,
                                      const char     *value);

G_END_DECLS
