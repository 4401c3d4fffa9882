/* fiscal-targets-panel.h
 *
 * The performance-target side panel (绩效目标): the indicators of the
 * department or of one project, grouped 一级 → 二级, each editable; the
 * weight total against the rule set; the number of target findings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fiscal-core.h"

G_BEGIN_DECLS

#define FISCAL_TYPE_TARGETS_PANEL (fiscal_targets_panel_get_type ())

G_DECLARE_FINAL_TYPE (FiscalTargetsPanel, fiscal_targets_panel, FISCAL, TARGETS_PANEL, GtkWidget)

GtkWidget     *fiscal_targets_panel_new              (void);
void           fiscal_targets_panel_set_targets      (FiscalTargetsPanel *self,
                                                      FiscalDocument     *document,
                                                      FiscalProject      *project);
FiscalTargets *fiscal_targets_panel_get_targets      (FiscalTargetsPanel *self);
void           fiscal_targets_panel_set_findings     (FiscalTargetsPanel *self,
                                                      GPtrArray          *findings);
guint          fiscal_targets_panel_get_n_findings   (FiscalTargetsPanel *self);
GtkSpinButton *fiscal_targets_panel_get_weight_total_spin (FiscalTargetsPanel *self);
void           fiscal_targets_panel_refresh_weights  (FiscalTargetsPanel *self);
gint64         fiscal_targets_panel_get_weight_total (FiscalTargetsPanel *self);
GtkLevelBar   *fiscal_targets_panel_get_level_bar    (FiscalTargetsPanel *self);
guint          fiscal_targets_panel_move_indicator   (FiscalTargetsPanel *self,
                                                     guint               indicator,
                                                     gboolean            up);
const char    *fiscal_targets_panel_get_indicator_problems (FiscalTargetsPanel *self,
                                                           guint               indicator);
void           fiscal_targets_panel_add_under        (FiscalTargetsPanel *self,
                                                     const char         *level1,
                                                     const char         *level2);
GtkEditable   *fiscal_targets_panel_get_table_field  (FiscalTargetsPanel *self,
                                                     const char         *key);
GtkEditable   *fiscal_targets_panel_get_field        (FiscalTargetsPanel *self,
                                                      guint               indicator,
                                                      FiscalIndicatorField field);
void           fiscal_targets_panel_add_indicator    (FiscalTargetsPanel *self);
void           fiscal_targets_panel_add_from_library (FiscalTargetsPanel *self,
                                                      guint               entry);
void           fiscal_targets_panel_remove_indicator (FiscalTargetsPanel *self,
                                                      guint               indicator);

G_END_DECLS
