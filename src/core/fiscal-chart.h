/* fiscal-chart.h
 *
 * Charts of a budget's structure. A chart keeps three things apart: its
 * data (items built from a document and its prior year), its layout
 * (rectangles, angles, scales and label boxes computed once per size or
 * data change) and its drawing (fiscal_chart_render() on any cairo
 * surface: a widget's snapshot, PNG, SVG or PDF).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "fiscal-types.h"

G_BEGIN_DECLS

typedef enum
{
  FISCAL_CHART_FUNCTION_DONUT,
  FISCAL_CHART_HIERARCHY_TREEMAP,
  FISCAL_CHART_BASIC_PROJECT_BARS,
  FISCAL_CHART_ECONOMIC_BARS,
  FISCAL_CHART_INCOME_DONUT,
  FISCAL_CHART_YEAR_COMPARISON,
  FISCAL_CHART_BRIDGE,
  FISCAL_CHART_SANGONG,
  FISCAL_N_CHART_KINDS
} FiscalChartKind;

/* Which colour an increase takes. The Chinese convention, red for a rise,
 * is the default. */
typedef enum
{
  FISCAL_CHART_INCREASE_RED,
  FISCAL_CHART_INCREASE_GREEN,
} FiscalChartChangeColors;

typedef enum
{
  FISCAL_CHART_FORMAT_PNG,
  FISCAL_CHART_FORMAT_SVG,
  FISCAL_CHART_FORMAT_PDF,
} FiscalChartFormat;

typedef struct
{
  double x, y, width, height;
} FiscalChartRect;

/* One thing the chart shows and hit-testing returns: a sector, a bar (or a
 * group of bars), a treemap cell. */
typedef struct
{
  char     *name;
  char     *code;       /* catalog code, or NULL for 其他 and totals */
  gint64    amount;     /* this year, fen (a change for bridge steps) */
  gint64    prior;      /* last year, fen */
  gboolean  has_prior;
  gint64    parts[2];   /* basic/project, personnel/public */
  guint     n_parts;
  gint64    share_bp;   /* share of the chart's total, hundredths of a percent */
  gboolean  drillable;  /* has children to drill into */
  gboolean  is_total;   /* a total bar (bridge ends, 三公 合计) */
} FiscalChartItem;

#define FISCAL_TYPE_CHART (fiscal_chart_get_type ())

G_DECLARE_FINAL_TYPE (FiscalChart, fiscal_chart, FISCAL, CHART, GObject)

FiscalChart           *fiscal_chart_new                (FiscalChartKind          kind,
                                                        FiscalDocument          *doc,
                                                        FiscalDocument          *prior);
const char            *fiscal_chart_kind_to_name       (FiscalChartKind          kind);
gboolean               fiscal_chart_kind_from_name     (const char              *name,
                                                        FiscalChartKind         *kind);
const char            *fiscal_chart_describe_kind      (FiscalChartKind          kind);
FiscalChartKind        fiscal_chart_get_kind           (FiscalChart             *self);
void                   fiscal_chart_set_kind           (FiscalChart             *self,
                                                        FiscalChartKind          kind);
void                   fiscal_chart_set_documents      (FiscalChart             *self,
                                                        FiscalDocument          *doc,
                                                        FiscalDocument          *prior);
void                   fiscal_chart_rebuild            (FiscalChart             *self);
const char            *fiscal_chart_get_title          (FiscalChart             *self);
const char            *fiscal_chart_get_focus          (FiscalChart             *self);
void                   fiscal_chart_set_focus          (FiscalChart             *self,
                                                        const char              *code);
char                  *fiscal_chart_get_parent_focus   (FiscalChart             *self);
gboolean               fiscal_chart_get_percent_mode   (FiscalChart             *self);
void                   fiscal_chart_set_percent_mode   (FiscalChart             *self,
                                                        gboolean                 percent);
FiscalChartChangeColors fiscal_chart_get_change_colors (FiscalChart             *self);
void                   fiscal_chart_set_change_colors  (FiscalChart             *self,
                                                        FiscalChartChangeColors  colors);
gboolean               fiscal_chart_get_dark           (FiscalChart             *self);
void                   fiscal_chart_set_dark           (FiscalChart             *self,
                                                        gboolean                 dark);
int                    fiscal_chart_get_highlight      (FiscalChart             *self);
void                   fiscal_chart_set_highlight      (FiscalChart             *self,
                                                        int                      item);
guint                  fiscal_chart_get_n_items        (FiscalChart             *self);
const FiscalChartItem *fiscal_chart_get_item           (FiscalChart             *self,
                                                        guint                    position);
gint64                 fiscal_chart_get_total          (FiscalChart             *self);
char                  *fiscal_chart_describe           (FiscalChart             *self);
char                  *fiscal_chart_describe_item      (FiscalChart             *self,
                                                        guint                    position);

/* Layout */
void                   fiscal_chart_layout             (FiscalChart             *self,
                                                        double                   width,
                                                        double                   height);
int                    fiscal_chart_hit_test           (FiscalChart             *self,
                                                        double                   x,
                                                        double                   y);
guint                  fiscal_chart_get_n_labels       (FiscalChart             *self);
const char            *fiscal_chart_get_label          (FiscalChart             *self,
                                                        guint                    position,
                                                        FiscalChartRect         *rect);
gboolean               fiscal_chart_get_item_angles    (FiscalChart             *self,
                                                        guint                    position,
                                                        double                  *start,
                                                        double                  *end);
gboolean               fiscal_chart_get_donut          (FiscalChart             *self,
                                                        double                  *cx,
                                                        double                  *cy,
                                                        double                  *inner,
                                                        double                  *outer);
guint                  fiscal_chart_get_item_rects     (FiscalChart             *self,
                                                        guint                    position,
                                                        FiscalChartRect         *rects,
                                                        guint                    max_rects);
gboolean               fiscal_chart_get_item_color     (FiscalChart             *self,
                                                        guint                    position,
                                                        double                   rgb[3]);

/* Drawing */
void                   fiscal_chart_render             (FiscalChart             *self,
                                                        cairo_t                 *cr,
                                                        double                   width,
                                                        double                   height);

/* Export (fiscal-chart-export.c) */
const char            *fiscal_chart_format_to_name     (FiscalChartFormat        format);
gboolean               fiscal_chart_format_from_name   (const char              *name,
                                                        FiscalChartFormat       *format);
GBytes                *fiscal_chart_export_bytes       (FiscalChart             *self,
                                                        FiscalChartFormat        format,
                                                        double                   width,
                                                        double                   height,
                                                        double                   dpi,
                                                        gboolean                 transparent,
                                                        GError                 **error);
gboolean               fiscal_chart_export             (FiscalChart             *self,
                                                        FiscalChartFormat        format,
                                                        const char              *path,
                                                        double                   width,
                                                        double                   height,
                                                        double                   dpi,
                                                        gboolean                 transparent,
                                                        GError                 **error);

G_END_DECLS
