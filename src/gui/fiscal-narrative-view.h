/* fiscal-narrative-view.h
 *
 * The 情况说明 section by section, with a field under each sentence for
 * the text the officer types (the 主要原因, what a 类 is 主要用于). Missing
 * reasons are highlighted; the text follows every change of the figures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fiscal-core.h"

G_BEGIN_DECLS

#define FISCAL_TYPE_NARRATIVE_VIEW (fiscal_narrative_view_get_type ())

G_DECLARE_FINAL_TYPE (FiscalNarrativeView, fiscal_narrative_view, FISCAL, NARRATIVE_VIEW, GtkWidget)

GtkWidget  *fiscal_narrative_view_new            (void);
void        fiscal_narrative_view_set_document   (FiscalNarrativeView *self,
                                                  FiscalDocument      *document,
                                                  FiscalDocument      *prior);
void        fiscal_narrative_view_refresh        (FiscalNarrativeView *self);
gboolean    fiscal_narrative_view_focus_slot     (FiscalNarrativeView *self,
                                                  const char          *key);
GtkEditable *fiscal_narrative_view_get_slot_entry (FiscalNarrativeView *self,
                                                   const char          *key);
guint       fiscal_narrative_view_get_n_missing  (FiscalNarrativeView *self);
char       *fiscal_narrative_view_get_text       (FiscalNarrativeView *self);

G_END_DECLS
