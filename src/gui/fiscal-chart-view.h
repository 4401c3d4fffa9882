/* fiscal-chart-view.h
 *
 * A chart on screen: draws a FiscalChart in its snapshot, highlights the
 * item under the pointer or the keyboard with a tooltip, and drills the
 * function donut down on click or Enter (Backspace goes up).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fiscal-core.h"

G_BEGIN_DECLS

#define FISCAL_TYPE_CHART_VIEW (fiscal_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (FiscalChartView, fiscal_chart_view, FISCAL, CHART_VIEW, GtkWidget)

GtkWidget   *fiscal_chart_view_new        (void);
FiscalChart *fiscal_chart_view_get_chart  (FiscalChartView *self);
void         fiscal_chart_view_set_chart  (FiscalChartView *self,
                                           FiscalChart     *chart);
int          fiscal_chart_view_hover      (FiscalChartView *self,
                                           double           x,
                                           double           y);
gboolean     fiscal_chart_view_activate   (FiscalChartView *self);
gboolean     fiscal_chart_view_go_up      (FiscalChartView *self);
void         fiscal_chart_view_move       (FiscalChartView *self,
                                           int              delta);
char        *fiscal_chart_view_get_tooltip (FiscalChartView *self);

G_END_DECLS
