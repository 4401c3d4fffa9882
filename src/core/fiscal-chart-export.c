/* fiscal-chart-export.c
 *
 * A chart as PNG (with its resolution in a pHYs chunk), SVG (with its text
 * searchable) or PDF (with subset fonts), always in the light style.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-chart"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "fiscal-chart-private.h"
#include "fiscal-error.h"
#include "fiscal-file.h"

static const char * const format_names[] = { "png", "svg", "pdf" };

const char *
fiscal_chart_format_to_name (FiscalChartFormat format)
{
  g_return_val_if_fail (format <= FISCAL_CHART_FORMAT_PDF, NULL);

  return format_names[format];
}

gboolean
fiscal_chart_format_from_name (const char        *name,
                               FiscalChartFormat *format)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (format_names); i++)
    if (g_ascii_strcasecmp (name, format_names[i]) == 0)
      {
        *format = i;
        return TRUE;
      }
  return FALSE;
}

static cairo_status_t
write_to_bytes (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
put_be32 (guint8  *p,
          guint32  v)
{
  p[0] = v >> 24;
  p[1] = v >> 16;
  p[2] = v >> 8;
  p[3] = v;
}

static guint32
crc32 (const guint8 *data,
       gsize         length)
{
  static guint32 table[256];
  static gsize init = 0;
  guint32 crc = 0xffffffffu;

  if (g_once_init_enter (&init))
    {
      for (guint32 n = 0; n < 256; n++)
        {
          guint32 c = n;
          for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
          table[n] = c;
        }
      g_once_init_leave (&init, 1);
    }

  for (gsize i = 0; i < length; i++)
    crc = table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);
  return crc ^ 0xffffffffu;
}

/* Inserts a pHYs chunk (pixels per metre, both axes) after IHDR, which is
 * always the first chunk: 8 bytes of signature, then 4 + 4 + 13 + 4. */
static gboolean
insert_phys (GByteArray *png,
             double      dpi,
             GError    **error)
{
  guint8 chunk[21];
  guint32 ppm = (guint32) lround (dpi / 0.0254);
  const gsize after_ihdr = 8 + 4 + 4 + 13 + 4;

  if (png->len < after_ihdr || memcmp (png->data + 12, "IHDR", 4) != 0)
    {
      g_set_error (error, FISCAL_ERROR, FISCAL_ERROR_FAILED, _("The PNG encoder wrote no image header"));
      return FALSE;
    }

  put_be32 (chunk, 9);
  memcpy (chunk + 4, "pHYs", 4);
  put_be32 (chunk + 8, ppm);
  put_be32 (chunk + 12, ppm);
  chunk[16] = 1;   /* unit: metre */
  put_be32 (chunk + 17, crc32 (chunk + 4, 13));

  g_byte_array_set_size (png, png->len + sizeof chunk);
  memmove (png->data + after_ihdr + sizeof chunk, png->data + after_ihdr, png->len - sizeof chunk - after_ihdr);
  memcpy (png->data + after_ihdr, chunk, sizeof chunk);
  return TRUE;
}

/* The labels as invisible <text>, so that the SVG's words can be found
 * and copied although cairo draws them as outlines. */
static void
append_svg_text (FiscalChart *self,
                 GString     *svg)
{
  g_string_append (svg, "<g id=\"fiscal-chart-text\" fill-opacity=\"0\" stroke=\"none\" "
                        "font-family=\"Noto Sans CJK SC, Noto Sans, sans-serif\">\n");
  for (guint i = 0; i < self->labels->len; i++)
    {
      ChartLabel *label = &g_array_index (self->labels, ChartLabel, i);
      g_auto(GStrv) lines = g_strsplit (label->text, "\n", -1);
      guint n = g_strv_length (lines);
      double line_h = n > 0 ? label->rect.height / n : label->rect.height;

      for (guint l = 0; l < n; l++)
        {
          g_autofree char *escaped = g_markup_escape_text (lines[l], -1);
          char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE], size[G_ASCII_DTOSTR_BUF_SIZE];

          g_ascii_formatd (x, sizeof x, "%.2f", label->rect.x);
          g_ascii_formatd (y, sizeof y, "%.2f", label->rect.y + line_h * (l + 0.8));
          g_ascii_formatd (size, sizeof size, "%.2f", line_h * 0.8);
          g_string_append_printf (svg, "<text x=\"%s\" y=\"%s\" font-size=\"%s\">%s</text>\n", x, y, size, escaped);
        }
    }
  g_string_append (svg, "</g>\n");
}

/**
 * fiscal_chart_export_bytes:
 * @width: width in pixels (the chart's drawing units)
 * @height: height in pixels
 * @dpi: pixels per inch; sets the PNG's pHYs and the PDF's page size
 * @transparent: no background (PNG and SVG); otherwise white
 *
 * Returns: (transfer full): the file's bytes, or %NULL with @error set
 */
GBytes *
fiscal_chart_export_bytes (FiscalChart        *self,
                           FiscalChartFormat   format,
                           double              width,
                           double              height,
                           double              dpi,
                           gboolean            transparent,
                           GError            **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface = NULL;
  cairo_status_t status;
  gboolean dark;
  cairo_t *cr;
  int w, h;

  g_return_val_if_fail (FISCAL_IS_CHART (self), NULL);

  w = (int) lround (width);
  h = (int) lround (height);
  if (w < 1 || h < 1 || w > 20000 || h > 20000 || dpi < 1 || dpi > 9600)
    {
      g_set_error (error, FISCAL_ERROR, FISCAL_ERROR_BAD_VALUE,
                   _("Chart size %d × %d px at %g DPI is out of range"), w, h, dpi);
      return NULL;
    }

  switch (format)
    {
    case FISCAL_CHART_FORMAT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
      break;
    case FISCAL_CHART_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (write_to_bytes, bytes, w, h);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      break;
    case FISCAL_CHART_FORMAT_PDF:
      /* Pages are in points: the pixels at @dpi */
      surface = cairo_pdf_surface_create_for_stream (write_to_bytes, bytes, w * 72. / dpi, h * 72. / dpi);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, fiscal_chart_get_title (self));
      break;
    default:
      g_return_val_if_reached (NULL);
    }

  cr = cairo_create (surface);
  if (format == FISCAL_CHART_FORMAT_PDF)
    cairo_scale (cr, 72. / dpi, 72. / dpi);
  if (!transparent || format == FISCAL_CHART_FORMAT_PDF)
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
    }

  dark = self->dark;
  self->dark = FALSE;
  fiscal_chart_render (self, cr, w, h);
  self->dark = dark;

  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS && format == FISCAL_CHART_FORMAT_PNG)
    {
      cairo_surface_flush (surface);
      status = cairo_surface_write_to_png_stream (surface, write_to_bytes, bytes);
    }
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, FISCAL_ERROR, FISCAL_ERROR_FAILED,
                   _("Could not draw the chart: %s"), cairo_status_to_string (status));
      return NULL;
    }

  if (format == FISCAL_CHART_FORMAT_PNG && !insert_phys (bytes, dpi, error))
    return NULL;

  if (format == FISCAL_CHART_FORMAT_SVG)
    {
      g_autoptr(GString) svg = g_string_new_len ((const char *) bytes->data, bytes->len);
      const char *end = g_strrstr (svg->str, "</svg>");

      if (end != NULL)
        {
          g_autoptr(GString) text = g_string_new (NULL);
          append_svg_text (self, text);
          g_string_insert (svg, end - svg->str, text->str);
        }
      return g_bytes_new (svg->str, svg->len);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/**
 * fiscal_chart_export:
 *
 * Writes the chart to @path, atomically. See fiscal_chart_export_bytes().
 */
gboolean
fiscal_chart_export (FiscalChart        *self,
                     FiscalChartFormat   format,
                     const char         *path,
                     double              width,
                     double              height,
                     double              dpi,
                     gboolean            transparent,
                     GError            **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (FISCAL_IS_CHART (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!(bytes = fiscal_chart_export_bytes (self, format, width, height, dpi, transparent, error)))
    return FALSE;

  data = g_bytes_get_data (bytes, &size);
  return fiscal_file_set_contents (path, data, size, FISCAL_FILE_DEFAULT, error);
}
