/* fiscal-chart-layout.c
 *
 * Where everything of a chart goes at a given size: shapes, lines, label
 * boxes (measured with Pango, placed so that none overlaps another) and
 * the regions hit-testing uses. Computed once per size or data change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include "fiscal-catalog.h"
#include "fiscal-chart-private.h"
#include "fiscal-document.h"
#include "fiscal-money.h"

#define FONT_FAMILY "Noto Sans CJK SC, Noto Sans, sans-serif"

/* Okabe–Ito, without black; the last is for 其他. */
static const guint32 palette[] = {
  0x0072B2, 0xE69F00, 0x009E73, 0xCC79A7, 0x56B4E9, 0xD55E00, 0xF0E442, 0x999999,
};
#define N_COLORS (G_N_ELEMENTS (palette) - 1)
#define N_HATCHES 7

static void
rgb_from_hex (guint32 hex,
              double  rgb[3])
{
  rgb[0] = ((hex >> 16) & 0xff) / 255.;
  rgb[1] = ((hex >> 8) & 0xff) / 255.;
  rgb[2] = (hex & 0xff) / 255.;
}

void
_fiscal_chart_palette (guint  index,
                       double rgb[3])
{
  rgb_from_hex (palette[index % N_COLORS], rgb);
}

static void
grey (double rgb[3])
{
  rgb_from_hex (palette[N_COLORS], rgb);
}

void
_fiscal_chart_change_color (FiscalChart *self,
                            gboolean     increase,
                            double       rgb[3])
{
  gboolean red = increase == (self->change_colors == FISCAL_CHART_INCREASE_RED);

  /* Okabe–Ito vermillion and bluish green stay apart for colour-blind eyes. */
  rgb_from_hex (red ? 0xD55E00 : 0x009E73, rgb);
}

static void
label_clear (gpointer data)
{
  ChartLabel *label = data;

  g_free (label->text);
  g_clear_object (&label->layout);
}

void
_fiscal_chart_layout_init (FiscalChart *self)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  cairo_font_options_t *options = cairo_font_options_create ();

  self->pango = pango_font_map_create_context (map);
  /* Unhinted metrics: the same boxes on screen, in PNG, SVG and PDF. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->pango, options);
  cairo_font_options_destroy (options);

  self->item_layouts = g_array_new (FALSE, TRUE, sizeof (ItemLayout));
  self->labels = g_array_new (FALSE, TRUE, sizeof (ChartLabel));
  g_array_set_clear_func (self->labels, label_clear);
  self->shapes = g_array_new (FALSE, TRUE, sizeof (ChartShape));
  self->lines = g_array_new (FALSE, TRUE, sizeof (ChartLine));
  self->frames = g_array_new (FALSE, TRUE, sizeof (FiscalChartRect));
}

void
_fiscal_chart_layout_clear (FiscalChart *self)
{
  g_clear_pointer (&self->item_layouts, g_array_unref);
  g_clear_pointer (&self->labels, g_array_unref);
  g_clear_pointer (&self->shapes, g_array_unref);
  g_clear_pointer (&self->lines, g_array_unref);
  g_clear_pointer (&self->frames, g_array_unref);
}

/* The number of ticks on the value axis of the last layout (for tests):
 * at most FISCAL_CHART_MAX_TICKS, 0 for a chart without one. */
guint
_fiscal_chart_get_n_ticks (FiscalChart *self)
{
  g_return_val_if_fail (FISCAL_IS_CHART (self), 0);
  return self->n_ticks;
}

/* Labels */

/* Measures @text at @size px; the box is placed later with place_label().
 * A @max_width > 0 wraps to at most @max_lines lines and ellipsizes. */
static guint
add_label (FiscalChart *self,
           const char  *text,
           double       size,
           gboolean     bold,
           LabelRole    role,
           double       max_width,
           int          max_lines,
           PangoAlignment align)
{
  ChartLabel label = { 0 };
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);
  PangoRectangle logical;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);

  label.text = g_strdup (text);
  label.role = role;
  label.layout = pango_layout_new (self->pango);
  pango_layout_set_font_description (label.layout, font);
  pango_layout_set_text (label.layout, text, -1);
  pango_layout_set_alignment (label.layout, align);
  if (max_width > 0)
    {
      pango_layout_set_width (label.layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_wrap (label.layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (label.layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (label.layout, -MAX (max_lines, 1));
    }
  pango_font_description_free (font);

  pango_layout_get_extents (label.layout, NULL, &logical);
  label.ox = -(double) logical.x / PANGO_SCALE;
  label.oy = -(double) logical.y / PANGO_SCALE;
  label.rect.width = (double) logical.width / PANGO_SCALE;
  label.rect.height = (double) logical.height / PANGO_SCALE;

  g_array_append_val (self->labels, label);
  return self->labels->len - 1;
}

static ChartLabel *
label_at (FiscalChart *self,
          guint        index)
{
  return &g_array_index (self->labels, ChartLabel, index);
}

/* Puts the box's point (@xalign, @yalign) of itself at (@x, @y). */
static void
place_label (FiscalChart *self,
             guint        index,
             double       x,
             double       y,
             double       xalign,
             double       yalign)
{
  ChartLabel *label = label_at (self, index);

  label->rect.x = x - label->rect.width * xalign;
  label->rect.y = y - label->rect.height * yalign;
}

static void
drop_label (FiscalChart *self,
            guint        index)
{
  g_assert (index == self->labels->len - 1);
  g_array_set_size (self->labels, index);
}

static void
add_shape_rect (FiscalChart     *self,
                int              item,
                FiscalChartRect  rect,
                const double     rgb[3],
                int              hatch)
{
  ChartShape shape = { SHAPE_RECT, item, rect, 0, 0, { rgb[0], rgb[1], rgb[2] }, hatch };

  g_array_append_val (self->shapes, shape);
}

static void
add_line (FiscalChart *self,
          double       x0,
          double       y0,
          double       x1,
          double       y1,
          gboolean     secondary)
{
  ChartLine line = { x0, y0, x1, y1, 1, secondary };

  g_array_append_val (self->lines, line);
}

static ItemLayout *
item_layout (FiscalChart *self,
             guint        i)
{
  return &g_array_index (self->item_layouts, ItemLayout, i);
}

static const FiscalChartItem *
item_at (FiscalChart *self,
         guint        i)
{
  return &g_array_index (self->items, FiscalChartItem, i);
}

static char *
format_wan_short (gint64 fen)
{
  char *s = fiscal_money_format_wan (fen);
  char *dot = strchr (s, '.');

  if (dot != NULL && g_str_equal (dot, ".00"))
    *dot = '\0';
  return s;
}

static char *
format_signed_wan (gint64 fen)
{
  g_autofree char *s = fiscal_money_format_wan (fen < 0 ? fiscal_money_negate (fen) : fen);

  return g_strdup_printf ("%s%s", fen < 0 ? "−" : "+", s);
}

/* A change in percent with a typographic sign: “+6.65%”, “−6.65%” */
static char *
format_signed_percent (gint64 change,
                       gint64 base)
{
  g_autofree char *pct = fiscal_ratio_format_percent (change < 0 ? fiscal_money_negate (change) : change, base);

  return g_strdup_printf ("%s%s", change < 0 ? "−" : "+", pct);
}

/* Title, subtitle (department, year, unit); returns the rest. */
static FiscalChartRect
layout_frame (FiscalChart *self)
{
  double fs = self->font_size, m = fs * 1.2;
  FiscalChartRect plot;
  guint title, sub;
  g_autofree char *subtitle = NULL;

  if (self->doc != NULL)
    {
      const char *dept = fiscal_document_get_department_name (self->doc);
      subtitle = g_strdup_printf ("%s%s%d年预算 · 单位：万元",
                                  dept ? dept : "", dept && *dept ? " · " : "",
                                  fiscal_document_get_year (self->doc));
    }
  else
    subtitle = g_strdup ("单位：万元");

  title = add_label (self, self->title, fs * 1.4, TRUE, LABEL_TEXT, self->width - 2 * m, 1, PANGO_ALIGN_LEFT);
  place_label (self, title, m, m, 0, 0);
  sub = add_label (self, subtitle, fs * 0.85, FALSE, LABEL_SECONDARY, self->width - 2 * m, 1, PANGO_ALIGN_LEFT);
  place_label (self, sub, m, label_at (self, title)->rect.y + label_at (self, title)->rect.height + fs * 0.2, 0, 0);

  plot.x = m;
  plot.y = label_at (self, sub)->rect.y + label_at (self, sub)->rect.height + fs * 1.0;
  plot.width = MAX (self->width - 2 * m, 1);
  plot.height = MAX (self->height - m - plot.y, 1);
  return plot;
}

typedef struct
{
  const char *text;
  double      rgb[3];
  int         hatch;
} LegendEntry;

/* Lays the legend out in centred rows at the bottom of @plot, which it
 * shrinks. */
static void
layout_legend (FiscalChart     *self,
               FiscalChartRect *plot,
               LegendEntry     *entries,
               guint            n)
{
  double fs = self->font_size, size = fs * 0.85, sw = size, gap = fs * 1.4;
  g_autofree guint *ids = g_new (guint, n);
  g_autofree double *widths = g_new (double, n);
  double row_h = size * 1.6, y;
  guint start = 0, n_rows = 0;
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (guint));

  if (n == 0)
    return;

  for (guint i = 0; i < n; i++)
    {
      ids[i] = add_label (self, entries[i].text, size, FALSE, LABEL_TEXT, plot->width * 0.8, 1, PANGO_ALIGN_LEFT);
      widths[i] = sw + size * 0.4 + label_at (self, ids[i])->rect.width;
    }

  /* Break into rows */
  while (start < n)
    {
      double w = widths[start];
      guint end = start + 1;

      while (end < n && w + gap + widths[end] <= plot->width)
        w += gap + widths[end++];
      g_array_append_val (rows, end);
      start = end;
      n_rows++;
    }

  y = plot->y + plot->height - n_rows * row_h;
  start = 0;
  for (guint r = 0; r < n_rows; r++)
    {
      guint end = g_array_index (rows, guint, r);
      double w = 0, x;

      for (guint i = start; i < end; i++)
        w += widths[i] + (i > start ? gap : 0);
      x = plot->x + (plot->width - w) / 2;
      for (guint i = start; i < end; i++)
        {
          double cy = y + r * row_h + row_h / 2;
          FiscalChartRect swatch = { x, cy - sw / 2, sw, sw };

          add_shape_rect (self, -1, swatch, entries[i].rgb, entries[i].hatch);
          place_label (self, ids[i], x + sw + size * 0.4, cy, 0, 0.5);
          x += widths[i] + gap;
        }
      start = end;
    }

  plot->height = MAX (y - fs * 0.6 - plot->y, 1);
}

static void
layout_message (FiscalChart     *self,
                FiscalChartRect  plot,
                const char      *message)
{
  guint id = add_label (self, message, self->font_size * 1.3, FALSE, LABEL_SECONDARY, 0, 0, PANGO_ALIGN_CENTER);

  place_label (self, id, plot.x + plot.width / 2, plot.y + plot.height / 2, 0.5, 0.5);
}

/* Scales: nice steps of 1, 2 or 5 × 10ⁿ fen, computed on whole numbers.
 * The figures are money (or basis points), clamped to ±FISCAL_MONEY_MAX
 * before use, so a range (at most 2 × 10^17), a step (at most 10^18) and
 * every tick fit a gint64; whatever the figures, an axis has at most
 * FISCAL_CHART_MAX_TICKS ticks, and a zero range gets one step. */
static gint64
nice_step (gint64 range,
           int    target)
{
  gint64 raw = MAX (range / MAX (target, 1), 1);
  gint64 mag = 1;

  while (mag <= raw / 10)
    mag *= 10;
  if (mag >= raw)
    return mag;
  if (2 * mag >= raw)
    return 2 * mag;
  if (5 * mag >= raw)
    return 5 * mag;
  return 10 * mag;
}

typedef struct
{
  gint64 min, max, step;
  double y0, y1;      /* pixel positions of min and max */
  gboolean percent;   /* values are hundredths of a percent */
  gboolean zoom;      /* may start above zero (a waterfall's small steps) */
} Scale;

/* A value's pixel position; values beyond the axis (a percentage of a
 * bar whose parts have opposite signs) stop at its ends. */
static double
scale_map (const Scale *s,
           gint64       v)
{
  v = CLAMP (v, s->min, s->max);
  return s->y0 + ((double) v - (double) s->min) / ((double) s->max - (double) s->min) * (s->y1 - s->y0);
}

/* The axis from @min and @max rounded out to whole steps. */
static void
scale_round (Scale  *s,
             gint64  min,
             gint64  max)
{
  if (min >= 0)
    s->min = s->zoom ? (min / s->step) * s->step : 0;
  else
    s->min = -((-min + s->step - 1) / s->step) * s->step;
  s->max = ((max + s->step - 1) / s->step) * s->step;
  if (s->max <= s->min)
    s->max = s->min + s->step;
}

static guint
scale_n_ticks (const Scale *s)
{
  return (guint) ((s->max - s->min) / s->step) + 1;
}

static void
scale_init (Scale  *s,
            gint64  min,
            gint64  max,
            int     target)
{
  gint64 unit = s->percent ? 10000 : FISCAL_FEN_PER_WAN;

  target = CLAMP (target, 1, FISCAL_CHART_MAX_TICKS - 3);
  min = fiscal_money_clamp (min);
  max = fiscal_money_clamp (max);
  if (max <= min)
    {
      if (min <= FISCAL_MONEY_MAX - unit)
        max = min + unit;
      else
        min = max - unit;
    }
  if (s->percent)
    s->step = target >= 5 ? 2000 : target >= 2 ? 5000 : 10000;
  else
    s->step = nice_step (max - min, target);
  scale_round (s, min, max);

  /* nice_step() keeps to about @target steps; this keeps to the bound
   * whatever happens (a percentage axis over a huge range). */
  while (scale_n_ticks (s) > FISCAL_CHART_MAX_TICKS)
    {
      s->step *= 10;
      scale_round (s, min, max);
    }
}

static char *
scale_format (const Scale *s,
              gint64       v)
{
  if (s->percent)
    return g_strdup_printf ("%" G_GINT64_FORMAT "%%", v / 100);
  return format_wan_short (v);
}

/* Vertical axis with grid lines; returns the axis labels' width. */
static double
layout_axis (FiscalChart     *self,
             const Scale     *s,
             FiscalChartRect *plot)
{
  double fs = self->font_size, size = fs * 0.75, width = 0;
  guint first = self->labels->len;
  guint n = 0;
  /* Tick labels only where two fit one above the other */
  guint n_ticks = scale_n_ticks (s);
  gboolean labelled = fabs (s->y0 - s->y1) / MAX (n_ticks - 1, 1) >= size * 1.5;

  g_assert (n_ticks <= FISCAL_CHART_MAX_TICKS);
  self->n_ticks = n_ticks;

  for (n = 0; labelled && n < n_ticks; n++)
    {
      g_autofree char *text = scale_format (s, s->min + (gint64) n * s->step);
      guint id = add_label (self, text, size, FALSE, LABEL_SECONDARY, 0, 0, PANGO_ALIGN_RIGHT);
      width = MAX (width, label_at (self, id)->rect.width);
    }

  plot->x += width + fs * 0.5;
  plot->width = MAX (plot->width - width - fs * 0.5, 1);

  for (n = 0; n < n_ticks; n++)
    {
      gint64 v = s->min + (gint64) n * s->step;
      double y = round (scale_map (s, v)) + 0.5;
      if (labelled)
        place_label (self, first + n, plot->x - fs * 0.4, y, 1, 0.5);
      add_line (self, plot->x, y, plot->x + plot->width, y, v != MAX (s->min, 0));
    }

  return width;
}

/* Category labels under each slot; returns their height. */
static double
measure_categories (FiscalChart *self,
                    double       slot,
                    guint       *first)
{
  double fs = self->font_size, height = 0;

  *first = self->labels->len;
  for (guint i = 0; i < self->items->len; i++)
    {
      guint id = add_label (self, item_at (self, i)->name, fs * 0.8, item_at (self, i)->is_total,
                            LABEL_TEXT, MAX (slot * 0.94, fs), 3, PANGO_ALIGN_CENTER);
      height = MAX (height, label_at (self, id)->rect.height);
    }
  return height;
}

/* A value label above (@above) or inside a bar, shrunk to @max_width or
 * left out. Returns the label or -1. */
static int
value_label (FiscalChart *self,
             const char  *text,
             LabelRole    role,
             double       max_width,
             double       x,
             double       y,
             double       yalign)
{
  double fs = self->font_size;

  for (double size = fs * 0.75; size >= MAX (fs * 0.55, 6); size -= fs * 0.1)
    {
      guint id = add_label (self, text, size, FALSE, role, 0, 0, PANGO_ALIGN_CENTER);

      if (label_at (self, id)->rect.width <= max_width)
        {
          place_label (self, id, x, y, 0.5, yalign);
          return id;
        }
      drop_label (self, id);
    }
  return -1;
}

static void
layout_vbars (FiscalChart     *self,
              FiscalChartRect  plot)
{
  double fs = self->font_size;
  guint n = self->items->len;
  gboolean grouped = self->kind == FISCAL_CHART_YEAR_COMPARISON || self->kind == FISCAL_CHART_SANGONG;
  gboolean stacked = self->kind == FISCAL_CHART_BASIC_PROJECT_BARS;
  gboolean bridge = self->kind == FISCAL_CHART_BRIDGE;
  gboolean has_prior = self->prior != NULL;
  LegendEntry legend[3] = { 0 };
  guint n_legend = 0;
  Scale scale = { 0 };
  gint64 lo = 0, hi = 0, running = 0;
  guint first_cat;
  double slot, cat_h, headroom = fs * 3.6;
  FiscalChartRect area;

  /* Legend */
  if (stacked)
    {
      legend[0].text = "基本支出";
      _fiscal_chart_palette (0, legend[0].rgb);
      legend[1].text = "项目支出";
      _fiscal_chart_palette (1, legend[1].rgb);
      legend[1].hatch = 1;
      n_legend = 2;
    }
  else if (grouped && has_prior)
    {
      legend[0].text = "上年";
      grey (legend[0].rgb);
      legend[0].hatch = 1;
      legend[1].text = "本年";
      _fiscal_chart_palette (0, legend[1].rgb);
      n_legend = 2;
    }
  else if (bridge)
    {
      gboolean ups = FALSE, downs = FALSE;

      for (guint i = 0; i < n; i++)
        if (!item_at (self, i)->is_total)
          {
            ups |= item_at (self, i)->amount > 0;
            downs |= item_at (self, i)->amount < 0;
          }
      /* Only the entries the chart uses */
      legend[n_legend].text = "合计";
      _fiscal_chart_palette (0, legend[n_legend++].rgb);
      if (ups)
        {
          legend[n_legend].text = "增加";
          _fiscal_chart_change_color (self, TRUE, legend[n_legend++].rgb);
        }
      if (downs)
        {
          legend[n_legend].text = "减少";
          _fiscal_chart_change_color (self, FALSE, legend[n_legend].rgb);
          legend[n_legend++].hatch = 4;
        }
    }
  layout_legend (self, &plot, legend, n_legend);

  /* Range */
  scale.percent = stacked && self->percent;
  for (guint i = 0; i < n; i++)
    {
      const FiscalChartItem *item = item_at (self, i);

      if (scale.percent)
        hi = 10000;
      else if (bridge)
        {
          running = item->is_total ? item->amount : fiscal_money_add_clamped (running, item->amount);
          lo = MIN (lo, running);
          hi = MAX (hi, running);
        }
      else
        {
          hi = MAX (hi, item->amount);
          lo = MIN (lo, item->amount);
          if (grouped && has_prior)
            {
              hi = MAX (hi, item->prior);
              lo = MIN (lo, item->prior);
            }
        }
    }

  /* Categories first: their height decides the plot's. */
  slot = plot.width / MAX (n, 1);
  cat_h = measure_categories (self, slot, &first_cat);
  area = plot;
  area.height = MAX (plot.height - cat_h - fs * 0.6, 1);

  /* A waterfall whose steps are small beside its totals starts its axis
   * above zero, or the steps would be lines. */
  if (bridge)
    {
      gint64 low = FISCAL_MONEY_MAX;

      running = 0;
      for (guint i = 0; i < n; i++)
        {
          const FiscalChartItem *item = item_at (self, i);
          running = item->is_total ? item->amount : fiscal_money_add_clamped (running, item->amount);
          low = MIN (low, running);
        }
      /* hi and low are money: (hi − low) × 4 is at most 8 × 10^17 */
      if (n > 0 && low > 0 && (hi - low) * 4 < low)
        {
          scale.zoom = TRUE;
          lo = MAX (low - (hi - low) * 2, 0);
        }
    }
  scale_init (&scale, lo, hi, CLAMP ((int) (area.height / (fs * 2.2)), 1, 5));
  scale.y0 = area.y + area.height;
  scale.y1 = area.y + MIN (headroom, area.height * 0.3);
  layout_axis (self, &scale, &area);
  slot = area.width / MAX (n, 1);
  /* The category labels were measured for the wider slot: measure again. */
  g_array_set_size (self->labels, self->labels->len); /* keep axis labels */
  for (guint i = 0; i < n; i++)
    {
      ChartLabel *label = label_at (self, first_cat + i);
      PangoRectangle logical;

      pango_layout_set_width (label->layout, (int) (MAX (slot * 0.94, fs) * PANGO_SCALE));
      /* No more lines than the height kept for them */
      pango_layout_set_height (label->layout, (int) (cat_h * PANGO_SCALE) + 1);
      pango_layout_get_extents (label->layout, NULL, &logical);
      label->ox = -(double) logical.x / PANGO_SCALE;
      label->oy = -(double) logical.y / PANGO_SCALE;
      label->rect.width = (double) logical.width / PANGO_SCALE;
      label->rect.height = (double) logical.height / PANGO_SCALE;
      place_label (self, first_cat + i, area.x + slot * (i + 0.5), area.y + area.height + fs * 0.5, 0.5, 0);
      /* Too narrow for even one character: the table and tooltip name it */
      if (label->rect.width > slot - 1)
        label->rect.width = -1;
    }

  running = 0;
  for (guint i = 0; i < n; i++)
    {
      const FiscalChartItem *item = item_at (self, i);
      ItemLayout *il = item_layout (self, i);
      double x0 = area.x + slot * i, cx = x0 + slot / 2;
      double zero = scale_map (&scale, 0);
      double top = zero;

      il->hit = (FiscalChartRect) { x0, area.y, slot, area.height };

      if (stacked)
        {
          double bw = MIN (slot * 0.6, fs * 5);
          gint64 base = 0;

          for (guint p = 0; p < 2; p++)
            {
              gint64 v = item->parts[p], a, b;
              double ya, yb;
              double rgb[3];
              FiscalChartRect r;

              if (scale.percent)
                {
                  a = fiscal_ratio_basis_points (base, item->amount);
                  b = fiscal_ratio_basis_points (fiscal_money_add_clamped (base, v), item->amount);
                }
              else
                {
                  a = base;
                  b = fiscal_money_add_clamped (base, v);
                }
              fiscal_money_accumulate (&base, v);
              ya = scale_map (&scale, a);
              yb = scale_map (&scale, b);
              r = (FiscalChartRect) { cx - bw / 2, MIN (ya, yb), bw, fabs (ya - yb) };
              il->rects[il->n_rects++] = r;
              _fiscal_chart_palette (p, rgb);
              add_shape_rect (self, i, r, rgb, p == 1 ? 1 : 0);
              top = MIN (top, r.y);

              /* Part value inside its segment when it fits, and when the
               * bar has two parts (else the total above says it) */
              if (v != 0 && r.height >= fs * 1.0 && (scale.percent || (item->parts[0] != 0 && item->parts[1] != 0)))
                {
                  g_autofree char *text = scale.percent ? fiscal_ratio_format_percent (v, item->amount) : fiscal_money_format_wan (v);
                  int id = value_label (self, text, p == 0 ? LABEL_ON_DARK : LABEL_ON_LIGHT, bw - 4, cx, r.y + r.height / 2, 0.5);
                  if (id >= 0 && label_at (self, id)->rect.height > r.height - 2)
                    drop_label (self, id);
                }
            }
          if (!scale.percent)
            {
              g_autofree char *text = fiscal_money_format_wan (item->amount);
              value_label (self, text, LABEL_TEXT, slot * 0.96, cx, top - fs * 0.2, 1);
            }
        }
      else if (grouped)
        {
          double bw = MIN (slot * (has_prior ? 0.36 : 0.6), fs * 4);
          double value_top = zero;
          guint bars = has_prior ? 2 : 1;

          for (guint b = 0; b < bars; b++)
            {
              gboolean is_prior = has_prior && b == 0;
              gint64 v = is_prior ? item->prior : item->amount;
              double y = scale_map (&scale, v);
              double bx = has_prior ? cx + (b == 0 ? -bw - 1 : 1) : cx - bw / 2;
              FiscalChartRect r = { bx, MIN (y, zero), bw, fabs (y - zero) };
              double rgb[3];
              g_autofree char *text = fiscal_money_format_wan (v);
              int id;

              if (is_prior)
                grey (rgb);
              else
                _fiscal_chart_palette (item->is_total ? 2 : 0, rgb);
              il->rects[il->n_rects++] = r;
              add_shape_rect (self, i, r, rgb, is_prior ? 1 : 0);
              id = value_label (self, text, is_prior ? LABEL_SECONDARY : LABEL_TEXT,
                                has_prior ? slot / 2 - 3 : slot * 0.96, bx + bw / 2, r.y - fs * 0.15, 1);
              /* Each year's label keeps to its half of the slot */
              if (id >= 0 && has_prior)
                {
                  ChartLabel *l = label_at (self, id);
                  if (is_prior && l->rect.x + l->rect.width > cx - 1)
                    l->rect.x = cx - 1 - l->rect.width;
                  else if (!is_prior && l->rect.x < cx + 1)
                    l->rect.x = cx + 1;
                }
              value_top = MIN (value_top, id >= 0 ? label_at (self, id)->rect.y : r.y);
            }

          if (has_prior)
            {
              gint64 change = fiscal_money_sub_clamped (item->amount, item->prior);
              g_autofree char *abs = format_signed_wan (change);
              g_autofree char *pct = item->prior != 0 ? format_signed_percent (change, item->prior) : g_strdup ("新增");
              g_autofree char *text = NULL;
              LabelRole role = change > 0 ? LABEL_INCREASE : change < 0 ? LABEL_DECREASE : LABEL_SECONDARY;
              guint id;

              if (change == 0)
                text = g_strdup ("持平");
              else
                text = g_strdup_printf ("%s %s\n%s", change > 0 ? "▲" : "▼", abs, pct);
              id = add_label (self, text, fs * 0.7, FALSE, role, slot * 0.96, 2, PANGO_ALIGN_CENTER);
              place_label (self, id, cx, value_top - fs * 0.15, 0.5, 1);
              if (label_at (self, id)->rect.y < plot.y || label_at (self, id)->rect.width > slot - 2)
                drop_label (self, id);
            }
        }
      else /* bridge */
        {
          double bw = MIN (slot * 0.6, fs * 5);
          gint64 from = item->is_total ? MAX (scale.min, 0) : running;
          gint64 to = item->is_total ? item->amount : fiscal_money_add_clamped (running, item->amount);
          double ya = scale_map (&scale, from), yb = scale_map (&scale, to);
          FiscalChartRect r = { cx - bw / 2, MIN (ya, yb), bw, MAX (fabs (ya - yb), 1) };
          double rgb[3];
          g_autofree char *text = item->is_total ? fiscal_money_format_wan (item->amount) : format_signed_wan (item->amount);
          gboolean up = item->amount >= 0;

          if (item->is_total)
            _fiscal_chart_palette (0, rgb);
          else
            _fiscal_chart_change_color (self, up, rgb);
          il->rects[il->n_rects++] = r;
          add_shape_rect (self, i, r, rgb, !item->is_total && !up ? 4 : 0);
          value_label (self, text, item->is_total ? LABEL_TEXT : up ? LABEL_INCREASE : LABEL_DECREASE,
                       slot * 0.96, cx, r.y - fs * 0.15, 1);

          /* Connector to the next bar at the running level */
          if (i + 1 < n)
            {
              double y = round (yb) + 0.5;
              add_line (self, cx + bw / 2, y, cx + slot - bw / 2, y, TRUE);
            }
          running = to;
        }
    }
}

static void
layout_hbars (FiscalChart     *self,
              FiscalChartRect  plot)
{
  double fs = self->font_size;
  guint n = self->items->len;
  LegendEntry legend[2] = { { "人员经费", { 0 }, 0 }, { "公用经费", { 0 }, 1 } };
  double row, size, name_w = 0, value_w = 0, bar_x, bar_w;
  gint64 hi = 0;
  guint first_name, first_value;

  _fiscal_chart_palette (0, legend[0].rgb);
  _fiscal_chart_palette (1, legend[1].rgb);
  layout_legend (self, &plot, legend, 2);

  row = plot.height / MAX (n, 1);
  size = MIN (fs * 0.85, row * 0.7);
  for (guint i = 0; i < n; i++)
    hi = MAX (hi, item_at (self, i)->amount);
  if (hi <= 0)
    hi = FISCAL_FEN_PER_WAN;

  first_name = self->labels->len;
  if (size >= 5)
    for (guint i = 0; i < n; i++)
      {
        guint id = add_label (self, item_at (self, i)->name, size, FALSE, LABEL_TEXT, plot.width * 0.32, 1, PANGO_ALIGN_RIGHT);
        name_w = MAX (name_w, label_at (self, id)->rect.width);
      }
  first_value = self->labels->len;
  if (size >= 5)
    for (guint i = 0; i < n; i++)
      {
        g_autofree char *text = fiscal_money_format_wan (item_at (self, i)->amount);
        guint id = add_label (self, text, size, FALSE, LABEL_TEXT, 0, 0, PANGO_ALIGN_LEFT);
        value_w = MAX (value_w, label_at (self, id)->rect.width);
      }

  bar_x = plot.x + name_w + fs * 0.6;
  bar_w = MAX (plot.x + plot.width - bar_x - value_w - fs * 0.5, 1);
  add_line (self, round (bar_x) + 0.5, plot.y, round (bar_x) + 0.5, plot.y + plot.height, FALSE);

  for (guint i = 0; i < n; i++)
    {
      const FiscalChartItem *item = item_at (self, i);
      ItemLayout *il = item_layout (self, i);
      double y = plot.y + row * i, bh = row * 0.66, x = bar_x;

      il->hit = (FiscalChartRect) { plot.x, y, plot.width, row };
      for (guint p = 0; p < 2; p++)
        {
          double w = (double) MAX (item->parts[p], 0) / (double) hi * bar_w;
          FiscalChartRect r = { x, y + (row - bh) / 2, w, bh };
          double rgb[3];

          _fiscal_chart_palette (p, rgb);
          il->rects[il->n_rects++] = r;
          if (w > 0)
            add_shape_rect (self, i, r, rgb, p);
          x += w;
        }
      if (size >= 5)
        {
          place_label (self, first_name + i, bar_x - fs * 0.4, y + row / 2, 1, 0.5);
          place_label (self, first_value + i, x + fs * 0.3, y + row / 2, 0, 0.5);
        }
    }
}

/* Donut */

typedef struct
{
  guint  label;
  guint  item;
  double want;     /* wanted centre y */
  double anchor_x, anchor_y;
} SideLabel;

static int
compare_side (gconstpointer a,
              gconstpointer b)
{
  const SideLabel *sa = a, *sb = b;

  return sa->want < sb->want ? -1 : sa->want > sb->want;
}

/* Spreads one side's labels vertically so none overlaps, within [top, bottom];
 * the smallest items' labels go when there is not room for all. */
static void
spread_side (FiscalChart *self,
             GArray      *side,
             double       top,
             double       bottom,
             double       gap)
{
  double needed = 0;

  g_array_sort (side, compare_side);
  for (guint i = 0; i < side->len; i++)
    needed += label_at (self, g_array_index (side, SideLabel, i).label)->rect.height + gap;

  while (side->len > 0 && needed > bottom - top)
    {
      /* Drop the smallest item's label; it stays in the data table. */
      guint smallest = 0;
      for (guint i = 1; i < side->len; i++)
        if (item_at (self, g_array_index (side, SideLabel, i).item)->amount <
            item_at (self, g_array_index (side, SideLabel, smallest).item)->amount)
          smallest = i;
      needed -= label_at (self, g_array_index (side, SideLabel, smallest).label)->rect.height + gap;
      label_at (self, g_array_index (side, SideLabel, smallest).label)->rect.width = -1;   /* dropped */
      g_array_remove_index (side, smallest);
    }

  /* Down, then up */
  for (guint i = 0; i < side->len; i++)
    {
      ChartLabel *l = label_at (self, g_array_index (side, SideLabel, i).label);
      double y = g_array_index (side, SideLabel, i).want - l->rect.height / 2;

      if (i > 0)
        {
          ChartLabel *prev = label_at (self, g_array_index (side, SideLabel, i - 1).label);
          y = MAX (y, prev->rect.y + prev->rect.height + gap);
        }
      l->rect.y = MAX (y, top);
    }
  for (int i = side->len - 1; i >= 0; i--)
    {
      ChartLabel *l = label_at (self, g_array_index (side, SideLabel, i).label);
      double limit = bottom;

      if (i + 1 < (int) side->len)
        limit = label_at (self, g_array_index (side, SideLabel, i + 1).label)->rect.y - gap;
      if (l->rect.y + l->rect.height > limit)
        l->rect.y = limit - l->rect.height;
    }
}

static void
layout_donut (FiscalChart     *self,
              FiscalChartRect  plot)
{
  double fs = self->font_size, size = fs * 0.8;
  guint n = self->items->len;
  double label_w = 0, r, angle = -G_PI / 2;
  g_autoptr(GArray) left = g_array_new (FALSE, FALSE, sizeof (SideLabel));
  g_autoptr(GArray) right = g_array_new (FALSE, FALSE, sizeof (SideLabel));
  guint first = self->labels->len;
  double max_label_w = plot.width * 0.28;

  self->is_donut = TRUE;

  /* Measure labels: name, then amount and share */
  for (guint i = 0; i < n; i++)
    {
      const FiscalChartItem *item = item_at (self, i);
      g_autofree char *wan = fiscal_money_format_wan (item->amount);
      g_autofree char *pct = fiscal_ratio_format_percent (item->amount, self->total);
      g_autofree char *text = g_strdup_printf ("%s\n%s · %s", item->name, wan, pct);
      guint id = add_label (self, text, size, FALSE, LABEL_TEXT, max_label_w, 3, PANGO_ALIGN_LEFT);

      label_w = MAX (label_w, label_at (self, id)->rect.width);
    }

  r = MIN (plot.height / 2 - fs * 0.5, (plot.width - 2 * (label_w + fs * 2.2)) / 2);
  r = MAX (r, fs * 2);
  self->cx = plot.x + plot.width / 2;
  self->cy = plot.y + plot.height / 2;
  self->outer = r;
  self->inner = r * 0.58;

  for (guint i = 0; i < n; i++)
    {
      const FiscalChartItem *item = item_at (self, i);
      ItemLayout *il = item_layout (self, i);
      double sweep = self->total > 0 ? 2 * G_PI * (double) item->amount / (double) self->total : 0;
      double mid, rgb[3];
      SideLabel sl;
      ChartShape shape = { SHAPE_SECTOR, i, { 0 }, angle, angle + sweep, { 0 }, 0 };

      il->start = angle;
      il->end = angle + sweep;
      if (item->code == NULL && g_str_equal (item->name, "其他"))
        grey (rgb);
      else
        _fiscal_chart_palette (i, rgb);
      memcpy (shape.rgb, rgb, sizeof rgb);
      memcpy (il->rgb, rgb, sizeof rgb);
      shape.hatch = (item->code == NULL) ? 3 : (int) (i % N_HATCHES);
      g_array_append_val (self->shapes, shape);

      /* A lone ring is labelled at its right */
      mid = n == 1 ? 0 : angle + sweep / 2;
      sl.label = first + i;
      sl.item = i;
      sl.anchor_x = self->cx + cos (mid) * (r + 2);
      sl.anchor_y = self->cy + sin (mid) * (r + 2);
      sl.want = self->cy + sin (mid) * (r + fs * 1.2);
      g_array_append_val (cos (mid) >= -1e-9 ? right : left, sl);
      angle += sweep;
    }

  spread_side (self, right, plot.y, plot.y + plot.height, fs * 0.3);
  spread_side (self, left, plot.y, plot.y + plot.height, fs * 0.3);

  for (guint s = 0; s < 2; s++)
    {
      GArray *side = s == 0 ? right : left;
      double elbow_x = self->cx + (s == 0 ? 1 : -1) * (r + fs * 1.2);
      double text_x = self->cx + (s == 0 ? 1 : -1) * (r + fs * 1.8);

      for (guint i = 0; i < side->len; i++)
        {
          SideLabel *sl = &g_array_index (side, SideLabel, i);
          ChartLabel *l = label_at (self, sl->label);
          double ly = l->rect.y + l->rect.height / 2;

          l->rect.x = s == 0 ? text_x : text_x - l->rect.width;
          if (s == 1)
            {
              PangoRectangle logical;

              pango_layout_set_alignment (l->layout, PANGO_ALIGN_RIGHT);
              pango_layout_get_extents (l->layout, NULL, &logical);
              l->ox = -(double) logical.x / PANGO_SCALE;
            }
          l->leader = TRUE;
          l->leader_points[0] = sl->anchor_x;
          l->leader_points[1] = sl->anchor_y;
          l->leader_points[2] = elbow_x;
          l->leader_points[3] = ly;
          l->leader_points[4] = s == 0 ? text_x - fs * 0.2 : text_x + fs * 0.2;
          l->leader_points[5] = ly;
        }
    }

  /* Centre: the total */
  {
    g_autofree char *wan = fiscal_money_format_wan (self->total);
    guint a = add_label (self, wan, MIN (fs * 1.3, self->inner * 0.38), TRUE, LABEL_TEXT, self->inner * 1.7, 1, PANGO_ALIGN_CENTER);
    guint b = add_label (self, "合计（万元）", MIN (fs * 0.75, self->inner * 0.25), FALSE, LABEL_SECONDARY, self->inner * 1.7, 1, PANGO_ALIGN_CENTER);
    double h = label_at (self, a)->rect.height + label_at (self, b)->rect.height;

    place_label (self, a, self->cx, self->cy - h / 2, 0.5, 0);
    place_label (self, b, self->cx, self->cy - h / 2 + label_at (self, a)->rect.height, 0.5, 0);
  }
}

/* Treemap */

static double
worst_ratio (const double *areas,
             guint         n,
             double        side)
{
  double sum = 0, mx = 0, mn = G_MAXDOUBLE;

  for (guint i = 0; i < n; i++)
    {
      sum += areas[i];
      mx = MAX (mx, areas[i]);
      mn = MIN (mn, areas[i]);
    }
  if (sum <= 0 || mn <= 0)
    return G_MAXDOUBLE;
  return MAX (side * side * mx / (sum * sum), (sum * sum) / (side * side * mn));
}

/* Squarified treemap (Bruls, Huizing, van Wijk) of @values (descending)
 * in @rect; writes one rectangle per value. */
static void
squarify (const double    *values,
          guint            n,
          FiscalChartRect  rect,
          FiscalChartRect *out)
{
  double total = 0;
  g_autofree double *areas = g_new (double, MAX (n, 1));
  guint start = 0;

  for (guint i = 0; i < n; i++)
    total += MAX (values[i], 0);
  for (guint i = 0; i < n; i++)
    areas[i] = total > 0 ? MAX (values[i], 0) / total * rect.width * rect.height : 0;

  while (start < n)
    {
      double side = MIN (rect.width, rect.height);
      guint end = start + 1;
      double sum = 0, offset = 0;

      while (end < n && worst_ratio (areas + start, end + 1 - start, side) <= worst_ratio (areas + start, end - start, side))
        end++;
      for (guint i = start; i < end; i++)
        sum += areas[i];

      if (rect.width >= rect.height)
        {
          double w = rect.height > 0 ? sum / rect.height : 0;
          for (guint i = start; i < end; i++)
            {
              double h = sum > 0 ? areas[i] / sum * rect.height : 0;
              out[i] = (FiscalChartRect) { rect.x, rect.y + offset, w, h };
              offset += h;
            }
          rect.x += w;
          rect.width = MAX (rect.width - w, 0);
        }
      else
        {
          double h = rect.width > 0 ? sum / rect.width : 0;
          for (guint i = start; i < end; i++)
            {
              double w = sum > 0 ? areas[i] / sum * rect.width : 0;
              out[i] = (FiscalChartRect) { rect.x + offset, rect.y, w, h };
              offset += w;
            }
          rect.y += h;
          rect.height = MAX (rect.height - h, 0);
        }
      start = end;
    }
}

typedef struct
{
  char   prefix[8];
  guint  first, last;   /* item range */
  gint64 amount;
} Group;

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const Group *ga = a, *gb = b;

  return ga->amount > gb->amount ? -1 : ga->amount < gb->amount;
}

/* Groups consecutive items [first, last) by their code's first @length
 * characters, largest group first. */
static GArray *
group_items (FiscalChart *self,
             guint        first,
             guint        last,
             guint        length)
{
  GArray *groups = g_array_new (FALSE, TRUE, sizeof (Group));

  for (guint i = first; i < last; i++)
    {
      const FiscalChartItem *item = item_at (self, i);
      Group *g = groups->len > 0 ? &g_array_index (groups, Group, groups->len - 1) : NULL;

      if (g == NULL || strncmp (g->prefix, item->code, length) != 0)
        {
          Group ng = { { 0 }, i, i, 0 };
          g_strlcpy (ng.prefix, item->code, MIN (length + 1, sizeof ng.prefix));
          g_array_append_val (groups, ng);
          g = &g_array_index (groups, Group, groups->len - 1);
        }
      g->last = i + 1;
      fiscal_money_accumulate (&g->amount, item->amount);
    }
  g_array_sort (groups, compare_groups);
  return groups;
}

static FiscalChartRect
inset (FiscalChartRect r,
       double          d)
{
  r.x += d;
  r.y += d;
  r.width = MAX (r.width - 2 * d, 0);
  r.height = MAX (r.height - 2 * d, 0);
  return r;
}

static void
treemap_color (FiscalChart           *self,
               const FiscalChartItem *item,
               guint                  class_index,
               double                 rgb[3],
               int                   *hatch)
{
  *hatch = 0;
  if (self->prior != NULL)
    {
      double t, target[3], neutral[3] = { 0.86, 0.86, 0.86 };
      gint64 change = fiscal_money_sub_clamped (item->amount, item->prior);

      if (item->prior == 0)
        t = change != 0 ? 1 : 0;
      else
        t = MIN (fabs ((double) change / (double) item->prior) / 0.5, 1);
      _fiscal_chart_change_color (self, change >= 0, target);
      for (guint c = 0; c < 3; c++)
        rgb[c] = neutral[c] + (target[c] - neutral[c]) * (0.25 + 0.75 * t) * (change != 0);
      if (change < 0)
        *hatch = 4;
    }
  else
    _fiscal_chart_palette (class_index, rgb);
}

static void
layout_treemap (FiscalChart     *self,
                FiscalChartRect  plot)
{
  double fs = self->font_size;
  g_autoptr(GArray) classes = NULL;
  g_autofree double *values = NULL;
  g_autofree FiscalChartRect *rects = NULL;

  if (self->prior != NULL)
    {
      LegendEntry legend[3] = { { "减少", { 0 }, 4 }, { "持平", { 0.86, 0.86, 0.86 }, 0 }, { "增加", { 0 }, 0 } };

      _fiscal_chart_change_color (self, FALSE, legend[0].rgb);
      _fiscal_chart_change_color (self, TRUE, legend[2].rgb);
      layout_legend (self, &plot, legend, 3);
    }

  classes = group_items (self, 0, self->items->len, 3);
  values = g_new (double, classes->len);
  rects = g_new0 (FiscalChartRect, classes->len);
  for (guint c = 0; c < classes->len; c++)
    values[c] = (double) g_array_index (classes, Group, c).amount;
  squarify (values, classes->len, plot, rects);

  for (guint c = 0; c < classes->len; c++)
    {
      Group *cg = &g_array_index (classes, Group, c);
      FiscalChartRect cr = inset (rects[c], 1.5);
      g_autoptr(GArray) sections = group_items (self, cg->first, cg->last, 5);
      g_autofree double *sv = g_new (double, sections->len);
      g_autofree FiscalChartRect *sr = g_new0 (FiscalChartRect, sections->len);
      double header = fs * 1.5;

      g_array_append_val (self->frames, rects[c]);

      /* The 类 name in a header strip when there is room */
      if (cr.height > header * 2.5 && cr.width > fs * 4)
        {
          g_autofree char *name = NULL;
          const char *klass = NULL;
          guint id;

          /* The 类 name is the catalog's; the items only have 项 names. */
          klass = cg->prefix;
          name = g_strdup (klass);
          if (self->doc != NULL)
            {
              g_autoptr(FiscalCatalog) catalog = fiscal_catalog_get_for_year (FISCAL_CATALOG_FUNCTION, fiscal_document_get_year (self->doc), NULL);
              const char *n = catalog ? fiscal_catalog_get_name (catalog, klass) : NULL;
              if (n != NULL)
                {
                  g_free (name);
                  name = g_strdup (n);
                }
            }
          {
            g_autofree char *wan = fiscal_money_format_wan (cg->amount);
            g_autofree char *text = g_strdup_printf ("%s  %s", name, wan);
            id = add_label (self, text, fs * 0.8, TRUE, LABEL_TEXT, cr.width - fs * 0.6, 1, PANGO_ALIGN_LEFT);
            place_label (self, id, cr.x + fs * 0.3, cr.y + header / 2, 0, 0.5);
          }
          cr.y += header;
          cr.height -= header;
        }

      for (guint s = 0; s < sections->len; s++)
        sv[s] = (double) g_array_index (sections, Group, s).amount;
      squarify (sv, sections->len, cr, sr);

      for (guint s = 0; s < sections->len; s++)
        {
          Group *sg = &g_array_index (sections, Group, s);
          guint m = sg->last - sg->first;
          g_autofree double *lv = g_new (double, m);
          g_autofree FiscalChartRect *lr = g_new0 (FiscalChartRect, m);
          g_autofree guint *order = g_new (guint, m);

          /* Items of a 款 are already largest first */
          for (guint k = 0; k < m; k++)
            {
              order[k] = sg->first + k;
              lv[k] = (double) item_at (self, order[k])->amount;
            }
          squarify (lv, m, inset (sr[s], 0.5), lr);

          for (guint k = 0; k < m; k++)
            {
              const FiscalChartItem *item = item_at (self, order[k]);
              ItemLayout *il = item_layout (self, order[k]);
              FiscalChartRect cell = inset (lr[k], 0.75);
              double rgb[3];
              int hatch;

              treemap_color (self, item, c, rgb, &hatch);
              il->hit = lr[k];
              il->rects[0] = cell;
              il->n_rects = 1;
              memcpy (il->rgb, rgb, sizeof rgb);
              add_shape_rect (self, order[k], cell, rgb, hatch);

              /* Cell label: name, amount, change; fewer lines where small */
              if (cell.width > fs * 2.5 && cell.height > fs * 1.2)
                {
                  g_autofree char *wan = fiscal_money_format_wan (item->amount);
                  g_autofree char *change = NULL;
                  g_autofree char *full = NULL;
                  double lum = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
                  LabelRole role = lum < 0.5 ? LABEL_ON_DARK : LABEL_ON_LIGHT;
                  const char *tries[3];

                  if (self->prior != NULL && item->prior != 0)
                    change = format_signed_percent (item->amount - item->prior, item->prior);
                  else if (self->prior != NULL)
                    change = g_strdup ("新增");
                  full = change ? g_strdup_printf ("%s\n%s · %s", item->name, wan, change)
                                : g_strdup_printf ("%s\n%s", item->name, wan);
                  tries[0] = full;
                  tries[1] = wan;
                  tries[2] = NULL;
                  for (guint t = 0; tries[t] != NULL; t++)
                    {
                      guint id = add_label (self, tries[t], fs * 0.72, FALSE, role, cell.width - fs * 0.4, 3, PANGO_ALIGN_LEFT);
                      ChartLabel *l = label_at (self, id);

                      if (l->rect.height <= cell.height - fs * 0.3 && pango_layout_is_ellipsized (l->layout) == FALSE)
                        {
                          place_label (self, id, cell.x + fs * 0.2, cell.y + fs * 0.15, 0, 0);
                          break;
                        }
                      drop_label (self, id);
                    }
                }
            }
        }
    }
}

/**
 * fiscal_chart_layout:
 *
 * Computes where everything goes at @width × @height; does nothing when
 * neither the size nor the data changed since the last time.
 */
void
fiscal_chart_layout (FiscalChart *self,
                     double       width,
                     double       height)
{
  FiscalChartRect plot;
  gboolean empty;

  g_return_if_fail (FISCAL_IS_CHART (self));

  if (self->layout_valid && self->width == width && self->height == height)
    return;

  self->width = MAX (width, 1);
  self->height = MAX (height, 1);
  self->font_size = CLAMP (sqrt (self->width * self->height) / 52, 9, 24);
  self->is_donut = FALSE;
  self->cx = self->cy = self->inner = self->outer = 0;
  self->n_ticks = 0;
  g_array_set_size (self->labels, 0);
  g_array_set_size (self->shapes, 0);
  g_array_set_size (self->lines, 0);
  g_array_set_size (self->frames, 0);
  g_array_set_size (self->item_layouts, 0);
  g_array_set_size (self->item_layouts, self->items->len);

  plot = layout_frame (self);
  empty = self->items->len == 0 ||
          ((self->kind == FISCAL_CHART_FUNCTION_DONUT || self->kind == FISCAL_CHART_INCOME_DONUT ||
            self->kind == FISCAL_CHART_HIERARCHY_TREEMAP) && self->total <= 0);

  if (empty)
    layout_message (self, plot, self->kind == FISCAL_CHART_BRIDGE && self->prior == NULL && self->doc != NULL ? "无上年数据" : "无数据");
  else
    switch (self->kind)
      {
      case FISCAL_CHART_FUNCTION_DONUT:
      case FISCAL_CHART_INCOME_DONUT:
        layout_donut (self, plot);
        break;
      case FISCAL_CHART_HIERARCHY_TREEMAP:
        layout_treemap (self, plot);
        break;
      case FISCAL_CHART_ECONOMIC_BARS:
        layout_hbars (self, plot);
        break;
      case FISCAL_CHART_BASIC_PROJECT_BARS:
      case FISCAL_CHART_YEAR_COMPARISON:
      case FISCAL_CHART_BRIDGE:
      case FISCAL_CHART_SANGONG:
        layout_vbars (self, plot);
        break;
      case FISCAL_N_CHART_KINDS:
      default:
        g_assert_not_reached ();
      }

  /* Labels that found no room were marked with a negative width */
  for (int i = self->labels->len - 1; i >= 0; i--)
    if (label_at (self, i)->rect.width < 0)
      g_array_remove_index (self->labels, i);

  self->layout_valid = TRUE;
}

static gboolean
rect_contains (const FiscalChartRect *r,
               double                 x,
               double                 y)
{
  return x >= r->x && x < r->x + r->width && y >= r->y && y < r->y + r->height;
}

/**
 * fiscal_chart_hit_test:
 *
 * Returns: the item at (@x, @y) in the layout of the last size, or -1
 */
int
fiscal_chart_hit_test (FiscalChart *self,
                       double       x,
                       double       y)
{
  g_return_val_if_fail (FISCAL_IS_CHART (self), -1);

  if (!self->layout_valid)
    return -1;

  if (self->is_donut)
    {
      double dx = x - self->cx, dy = y - self->cy;
      double d = sqrt (dx * dx + dy * dy);
      double a = atan2 (dy, dx);

      if (d < self->inner || d > self->outer + self->font_size * 0.4)
        return -1;
      while (a < -G_PI / 2)
        a += 2 * G_PI;
      for (guint i = 0; i < self->item_layouts->len; i++)
        if (a >= item_layout (self, i)->start && a < item_layout (self, i)->end)
          return i;
      return -1;
    }

  for (guint i = 0; i < self->item_layouts->len; i++)
    if (rect_contains (&item_layout (self, i)->hit, x, y))
      return i;

  return -1;
}

guint
fiscal_chart_get_n_labels (FiscalChart *self)
{
  g_return_val_if_fail (FISCAL_IS_CHART (self), 0);

  return self->layout_valid ? self->labels->len : 0;
}

/**
 * fiscal_chart_get_label:
 * @rect: (out) (optional): the label's box
 *
 * Returns: the text of label @position in the last layout
 */
const char *
fiscal_chart_get_label (FiscalChart     *self,
                        guint            position,
                        FiscalChartRect *rect)
{
  g_return_val_if_fail (FISCAL_IS_CHART (self), NULL);
  g_return_val_if_fail (position < self->labels->len, NULL);

  if (rect != NULL)
    *rect = label_at (self, position)->rect;
  return label_at (self, position)->text;
}

gboolean
fiscal_chart_get_item_angles (FiscalChart *self,
                              guint        position,
                              double      *start,
                              double      *end)
{
  g_return_val_if_fail (FISCAL_IS_CHART (self), FALSE);

  if (!self->is_donut || position >= self->item_layouts->len)
    return FALSE;
  *start = item_layout (self, position)->start;
  *end = item_layout (self, position)->end;
  return TRUE;
}

gboolean
fiscal_chart_get_donut (FiscalChart *self,
                        double      *cx,
                        double      *cy,
                        double      *inner,
                        double      *outer)
{
  g_return_val_if_fail (FISCAL_IS_CHART (self), FALSE);

  if (!self->is_donut)
    return FALSE;
  *cx = self->cx;
  *cy = self->cy;
  *inner = self->inner;
  *outer = self->outer;
  return TRUE;
}

/**
 * fiscal_chart_get_item_rects:
 *
 * Returns: how many rectangles item @position is drawn as (bar segments,
 *   a treemap cell), writing up to @max_rects of them
 */
guint
fiscal_chart_get_item_rects (FiscalChart     *self,
                             guint            position,
                             FiscalChartRect *rects,
                             guint            max_rects)
{
  ItemLayout *il;

  g_return_val_if_fail (FISCAL_IS_CHART (self), 0);

  if (!self->layout_valid || position >= self->item_layouts->len)
    return 0;
  il = item_layout (self, position);
  for (guint i = 0; i < MIN (il->n_rects, max_rects); i++)
    rects[i] = il->rects[i];
  return il->n_rects;
}

gboolean
fiscal_chart_get_item_color (FiscalChart *self,
                             guint        position,
                             double       rgb[3])
{
  g_return_val_if_fail (FISCAL_IS_CHART (self), FALSE);

  if (!self->layout_valid || position >= self->item_layouts->len)
    return FALSE;
  memcpy (rgb, item_layout (self, position)->rgb, 3 * sizeof (double));
  return TRUE;
}
