/* fiscal-chart-private.h
 *
 * The chart's instance structure, shared by its data, layout, drawing and
 * export files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "fiscal-chart.h"

G_BEGIN_DECLS

typedef enum
{
  LABEL_TEXT,        /* normal text colour */
  LABEL_SECONDARY,   /* dimmer text: axes, units */
  LABEL_ON_DARK,     /* white, inside a dark fill */
  LABEL_ON_LIGHT,    /* black, inside a light fill */
  LABEL_INCREASE,
  LABEL_DECREASE,
} LabelRole;

typedef struct
{
  char            *text;
  PangoLayout     *layout;
  FiscalChartRect  rect;
  double           ox, oy;             /* layout origin relative to rect */
  LabelRole        role;
  gboolean         leader;
  double           leader_points[6];   /* three points: item, elbow, label */
} ChartLabel;

typedef enum
{
  SHAPE_RECT,
  SHAPE_SECTOR,
} ShapeType;

/* One filled shape: a bar segment, a sector or a treemap cell. */
typedef struct
{
  ShapeType       type;
  int             item;           /* -1 for decorations */
  FiscalChartRect rect;
  double          start, end;     /* sector angles */
  double          rgb[3];
  int             hatch;          /* 0 none, else a pattern */
} ChartShape;

typedef struct
{
  double x0, y0, x1, y1;
  double width;
  gboolean secondary;             /* grid (light) rather than axis */
} ChartLine;

typedef struct
{
  FiscalChartRect hit;            /* where the pointer finds the item */
  double          start, end;     /* sector angles, radians, clockwise from 3 o'clock */
  double          rgb[3];
  guint           n_rects;
  FiscalChartRect rects[2];       /* bars drawn for the item */
} ItemLayout;

struct _FiscalChart
{
  GObject          parent_instance;

  FiscalChartKind  kind;
  FiscalDocument  *doc;
  FiscalDocument  *prior;
  char            *focus;
  gboolean         percent;
  gboolean         dark;
  FiscalChartChangeColors change_colors;
  int              highlight;

  /* Data */
  GArray          *items;          /* FiscalChartItem */
  char            *title;
  gint64           total;
  gint64           prior_total;

  /* Layout */
  PangoContext    *pango;
  gboolean         layout_valid;
  double           width, height;
  double           font_size;
  gboolean         is_donut;
  double           cx, cy, inner, outer;
  GArray          *item_layouts;   /* ItemLayout */
  GArray          *labels;         /* ChartLabel */
  GArray          *shapes;         /* ChartShape */
  GArray          *lines;          /* ChartLine */
  GArray          *frames;         /* FiscalChartRect: treemap group borders */
  guint            n_ticks;        /* of the value axis, 0 without one */
};

/* No value axis has more ticks than this, whatever the figures. */
#define FISCAL_CHART_MAX_TICKS 12

void  _fiscal_chart_layout_init   (FiscalChart *self);
guint _fiscal_chart_get_n_ticks   (FiscalChart *self);
void  _fiscal_chart_layout_clear  (FiscalChart *self);
void  _fiscal_chart_palette       (guint        index,
                                   double       rgb[3]);
void  _fiscal_chart_change_color  (FiscalChart *self,
                                   gboolean     increase,
                                   double       rgb[3]);

G_END_DECLS
