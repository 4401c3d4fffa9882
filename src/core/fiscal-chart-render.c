/* fiscal-chart-render.c
 *
 * Drawing a chart from its layout, on any cairo surface.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-chart"

#include "config.h"

#include <math.h>

#include "fiscal-chart-private.h"

static void
text_color (FiscalChart *self,
            LabelRole    role,
            double       rgb[4])
{
  double fg = self->dark ? 1.0 : 0.1;

  rgb[3] = 1;
  switch (role)
    {
    case LABEL_TEXT:
      rgb[0] = rgb[1] = rgb[2] = fg;
      rgb[3] = self->dark ? 0.92 : 1;
      break;
    case LABEL_SECONDARY:
      rgb[0] = rgb[1] = rgb[2] = fg;
      rgb[3] = self->dark ? 0.7 : 0.72;
      break;
    case LABEL_ON_DARK:
      rgb[0] = rgb[1] = rgb[2] = 1;
      break;
    case LABEL_ON_LIGHT:
      rgb[0] = rgb[1] = rgb[2] = 0;
      break;
    case LABEL_INCREASE:
    case LABEL_DECREASE:
      {
        double c[3];
        _fiscal_chart_change_color (self, role == LABEL_INCREASE, c);
        /* Darker on light backgrounds for contrast */
        for (guint i = 0; i < 3; i++)
          rgb[i] = self->dark ? c[i] + (1 - c[i]) * 0.3 : c[i] * 0.8;
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

/* The second cue beside colour: a hatching pattern per index, drawn once
 * on a small vector tile that repeats, so that a large area costs no more
 * than a small one (and stays vector in SVG and PDF). */
static cairo_pattern_t *
hatch_tile (int    pattern,
            double step,
            double width)
{
  cairo_rectangle_t extents = { 0, 0, step, step };
  cairo_surface_t *tile = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cairo_t *cr = cairo_create (tile);
  cairo_pattern_t *result;

  cairo_set_source_rgba (cr, 1, 1, 1, 0.55);
  cairo_set_line_width (cr, width);

  switch (pattern % 7)
    {
    case 1: /* / : the diagonal and its neighbours, so the tiles join */
    case 4: /* \ */
      for (int k = -1; k <= 1; k++)
        {
          double o = k * step;

          if (pattern % 7 == 1)
            {
              cairo_move_to (cr, o, step);
              cairo_line_to (cr, o + step, 0);
            }
          else
            {
              cairo_move_to (cr, o, 0);
              cairo_line_to (cr, o + step, step);
            }
        }
      cairo_stroke (cr);
      break;
    case 2: /* — */
      cairo_move_to (cr, 0, step / 2);
      cairo_line_to (cr, step, step / 2);
      cairo_stroke (cr);
      break;
    case 6: /* | */
      cairo_move_to (cr, step / 2, 0);
      cairo_line_to (cr, step / 2, step);
      cairo_stroke (cr);
      break;
    case 5: /* + */
      cairo_move_to (cr, 0, step / 2);
      cairo_line_to (cr, step, step / 2);
      cairo_move_to (cr, step / 2, 0);
      cairo_line_to (cr, step / 2, step);
      cairo_stroke (cr);
      break;
    case 3: /* dots */
      cairo_arc (cr, step / 2, step / 2, MAX (width * 0.8, 0.8), 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    default:
      break;
    }

  cairo_destroy (cr);
  result = cairo_pattern_create_for_surface (tile);
  cairo_pattern_set_extend (result, CAIRO_EXTEND_REPEAT);
  cairo_surface_destroy (tile);

  return result;
}

static void
hatch (cairo_t *cr,
       int      pattern,
       double   size)
{
  cairo_pattern_t *tile;

  /* The path stays for the edge drawn after. */
  if (pattern == 0 || pattern % 7 == 0)
    return;

  tile = hatch_tile (pattern, MAX (size * 0.45, 4), MAX (size * 0.09, 1));
  cairo_save (cr);
  cairo_set_source (cr, tile);
  cairo_fill_preserve (cr);
  cairo_restore (cr);
  cairo_pattern_destroy (tile);
}

static void
shape_path (FiscalChart      *self,
            cairo_t          *cr,
            const ChartShape *shape,
            double            grow)
{
  if (shape->type == SHAPE_RECT)
    cairo_rectangle (cr, shape->rect.x, shape->rect.y, shape->rect.width, shape->rect.height);
  else
    {
      double outer = self->outer + grow;

      if (shape->end - shape->start >= 2 * G_PI - 1e-9)
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, self->cx, self->cy, outer, 0, 2 * G_PI);
          cairo_new_sub_path (cr);
          cairo_arc_negative (cr, self->cx, self->cy, self->inner, 2 * G_PI, 0);
        }
      else
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, self->cx, self->cy, outer, shape->start, shape->end);
          cairo_arc_negative (cr, self->cx, self->cy, self->inner, shape->end, shape->start);
          cairo_close_path (cr);
        }
    }
}

/**
 * fiscal_chart_render:
 *
 * Draws the chart in (0, 0, @width, @height) of @cr. Paints no background,
 * so the caller decides (a widget's, white or transparent).
 */
void
fiscal_chart_render (FiscalChart *self,
                     cairo_t     *cr,
                     double       width,
                     double       height)
{
  double fs, bg = 0;
  double c[4];

  g_return_if_fail (FISCAL_IS_CHART (self));
  g_return_if_fail (cr != NULL);

  fiscal_chart_layout (self, width, height);
  fs = self->font_size;
  bg = self->dark ? 0.14 : 1.0;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);

  /* Grid and axes */
  for (guint i = 0; i < self->lines->len; i++)
    {
      ChartLine *line = &g_array_index (self->lines, ChartLine, i);

      text_color (self, LABEL_TEXT, c);
      cairo_set_source_rgba (cr, c[0], c[1], c[2], line->secondary ? 0.14 : 0.55);
      cairo_set_line_width (cr, line->width);
      cairo_move_to (cr, line->x0, line->y0);
      cairo_line_to (cr, line->x1, line->y1);
      cairo_stroke (cr);
    }

  /* Treemap group borders */
  for (guint i = 0; i < self->frames->len; i++)
    {
      FiscalChartRect *r = &g_array_index (self->frames, FiscalChartRect, i);

      text_color (self, LABEL_TEXT, c);
      cairo_set_source_rgba (cr, c[0], c[1], c[2], 0.08);
      cairo_rectangle (cr, r->x, r->y, r->width, r->height);
      cairo_fill (cr);
    }

  /* Shapes */
  for (guint i = 0; i < self->shapes->len; i++)
    {
      ChartShape *shape = &g_array_index (self->shapes, ChartShape, i);
      gboolean lit = shape->item >= 0 && shape->item == self->highlight;
      gboolean dim = self->highlight >= 0 && shape->item >= 0 && !lit;

      shape_path (self, cr, shape, lit && shape->type == SHAPE_SECTOR ? fs * 0.35 : 0);
      cairo_set_source_rgba (cr, shape->rgb[0], shape->rgb[1], shape->rgb[2], dim ? 0.55 : 1);
      cairo_fill_preserve (cr);
      hatch (cr, shape->hatch, fs);
      /* A separating edge in the background colour */
      cairo_set_source_rgb (cr, bg, bg, bg);
      cairo_set_line_width (cr, shape->type == SHAPE_SECTOR ? MAX (fs * 0.12, 1.5) : 1);
      if (shape->type == SHAPE_SECTOR || shape->item < 0)
        {
          if (shape->item < 0)
            {
              text_color (self, LABEL_TEXT, c);
              cairo_set_source_rgba (cr, c[0], c[1], c[2], 0.4);
            }
          cairo_stroke (cr);
        }
      else
        cairo_new_path (cr);

      if (lit)
        {
          text_color (self, LABEL_TEXT, c);
          shape_path (self, cr, shape, shape->type == SHAPE_SECTOR ? fs * 0.35 : 0);
          cairo_set_source_rgba (cr, c[0], c[1], c[2], 0.9);
          cairo_set_line_width (cr, MAX (fs * 0.15, 2));
          cairo_stroke (cr);
        }
    }

  /* Labels and their leaders */
  for (guint i = 0; i < self->labels->len; i++)
    {
      ChartLabel *label = &g_array_index (self->labels, ChartLabel, i);

      if (label->leader)
        {
          text_color (self, LABEL_SECONDARY, c);
          cairo_set_source_rgba (cr, c[0], c[1], c[2], c[3]);
          cairo_set_line_width (cr, MAX (fs * 0.07, 1));
          cairo_move_to (cr, label->leader_points[0], label->leader_points[1]);
          cairo_line_to (cr, label->leader_points[2], label->leader_points[3]);
          cairo_line_to (cr, label->leader_points[4], label->leader_points[5]);
          cairo_stroke (cr);
        }

      /* Text inside a fill sits on a veil that mutes the hatching */
      if (label->role == LABEL_ON_LIGHT || label->role == LABEL_ON_DARK)
        {
          double v = label->role == LABEL_ON_LIGHT ? 1 : 0;

          cairo_set_source_rgba (cr, v, v, v, label->role == LABEL_ON_LIGHT ? 0.6 : 0.25);
          cairo_rectangle (cr, label->rect.x - 2, label->rect.y, label->rect.width + 4, label->rect.height);
          cairo_fill (cr);
        }

      text_color (self, label->role, c);
      cairo_set_source_rgba (cr, c[0], c[1], c[2], c[3]);
      cairo_move_to (cr, label->rect.x + label->ox, label->rect.y + label->oy);
      pango_cairo_show_layout (cr, label->layout);
    }

  cairo_restore (cr);
}
