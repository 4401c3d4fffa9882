/* fiscal-charts-page.h
 *
 * The Charts page: a kind selector, a breadcrumb for the donut's
 * drill-down, the chart, its data table, Copy and Export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fiscal-chart-view.h"
#include "fiscal-core.h"

G_BEGIN_DECLS

#define FISCAL_TYPE_CHARTS_PAGE (fiscal_charts_page_get_type ())

G_DECLARE_FINAL_TYPE (FiscalChartsPage, fiscal_charts_page, FISCAL, CHARTS_PAGE, GtkWidget)

GtkWidget       *fiscal_charts_page_new             (void);
void             fiscal_charts_page_set_document    (FiscalChartsPage *self,
                                                     FiscalDocument   *doc,
                                                     FiscalDocument   *prior);
void             fiscal_charts_page_refresh         (FiscalChartsPage *self);
FiscalChartKind  fiscal_charts_page_get_kind        (FiscalChartsPage *self);
void             fiscal_charts_page_set_kind        (FiscalChartsPage *self,
                                                     FiscalChartKind   kind);
FiscalChart     *fiscal_charts_page_get_chart       (FiscalChartsPage *self);
FiscalChartView *fiscal_charts_page_get_view        (FiscalChartsPage *self);
char            *fiscal_charts_page_get_breadcrumb  (FiscalChartsPage *self);
void             fiscal_charts_page_set_table_visible (FiscalChartsPage *self,
                                                     gboolean          visible);
guint            fiscal_charts_page_get_table_rows  (FiscalChartsPage *self);
GdkTexture      *fiscal_charts_page_render_texture  (FiscalChartsPage *self,
                                                     int               width,
                                                     int               height);
GtkWindow       *fiscal_charts_page_open_export     (FiscalChartsPage *self);

G_END_DECLS
