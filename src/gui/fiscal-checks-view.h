/* fiscal-checks-view.h
 *
 * The findings of the checks, grouped by severity with their counts;
 * activating one asks the window to go to its place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fiscal-core.h"

G_BEGIN_DECLS

#define FISCAL_TYPE_CHECKS_VIEW (fiscal_checks_view_get_type ())

G_DECLARE_FINAL_TYPE (FiscalChecksView, fiscal_checks_view, FISCAL, CHECKS_VIEW, GtkWidget)

GtkWidget *fiscal_checks_view_new          (void);
void       fiscal_checks_view_set_findings (FiscalChecksView *self,
                                            GPtrArray        *findings);
GPtrArray *fiscal_checks_view_get_findings (FiscalChecksView *self);
void       fiscal_checks_view_activate     (FiscalChecksView *self,
                                            guint             position);
void       fiscal_checks_view_set_activatable (FiscalChecksView *self,
                                               gboolean          activatable);

G_END_DECLS
