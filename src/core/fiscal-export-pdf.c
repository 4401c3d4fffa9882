/* fiscal-export-pdf.c
 *
 * The printed layout on a cairo PDF surface: a page size for each page,
 * the document's metadata, an outline of its parts and tables. The file is
 * written beside the destination under a temporary name and renamed over it
 * only when complete (fiscal-file.h), so a failed export never leaves a
 * half-written PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-export"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <unistd.h>

#include "fiscal-document.h"
#include "fiscal-error.h"
#include "fiscal-export-pdf.h"
#include "fiscal-file.h"

typedef struct
{
  int           fd;
  int           error;        /* the first errno of a failed write, or 0 */
  GCancellable *cancellable;  /* once cancelled, nothing more is written */
} Sink;

static cairo_status_t
write_to_fd (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  Sink *sink = closure;

  if (g_cancellable_is_cancelled (sink->cancellable))
    return CAIRO_STATUS_WRITE_ERROR;

  while (length > 0 && sink->error == 0)
    {
      ssize_t n = write (sink->fd, data, length);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          sink->error = errno;
          break;
        }
      data += n;
      length -= n;
    }

  return sink->error == 0 ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static void
draw_pages (FiscalPrintLayout *layout,
            cairo_surface_t   *surface,
            GCancellable      *cancellable)
{
  guint n_pages = fiscal_print_layout_get_n_pages (layout);
  cairo_t *cr = cairo_create (surface);
  int part = CAIRO_PDF_OUTLINE_ROOT;   /* the outline item of the current part */

  for (guint i = 0; i < fiscal_print_layout_get_n_entries (layout); i++)
    {
      const FiscalPrintEntry *entry = fiscal_print_layout_get_entry (layout, i);
      g_autofree char *link = g_strdup_printf ("page=%u", entry->page + 1);
      int id;

      id = cairo_pdf_surface_add_outline (surface, entry->level == 0 ? CAIRO_PDF_OUTLINE_ROOT : part,
                                          entry->title, link,
                                          entry->level == 0 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
      if (entry->level == 0)
        part = id;
    }

  for (guint page = 0; page < n_pages && !g_cancellable_is_cancelled (cancellable); page++)
    {
      double width, height;

      fiscal_print_layout_get_page_size (layout, page, &width, &height);
      cairo_pdf_surface_set_size (surface, width, height);
      fiscal_print_layout_draw_page (layout, cr, page);
      cairo_show_page (cr);
    }

  cairo_destroy (cr);
}

/**
 * fiscal_print_layout_write_pdf:
 * @path: the file to write; replaced only when the new one is complete
 *
 * Writes every page of @layout to a PDF file with the title, author and
 * creator set and an outline of the parts, tables and sections.
 *
 * Returns: %TRUE, or %FALSE with @error naming @path
 */
gboolean
fiscal_print_layout_write_pdf (FiscalPrintLayout  *layout,
                               const char         *path,
                               GError            **error)
{
  return fiscal_print_layout_write_pdf_full (layout, path, NULL, error);
}

/**
 * fiscal_print_layout_write_pdf_full:
 * @cancellable: (nullable): checked between pages
 *
 * As fiscal_print_layout_write_pdf(). A cancelled write stops at the next
 * page and removes what it had written: @path is left as it was, and no
 * temporary file remains.
 *
 * Returns: %TRUE, or %FALSE with @error naming @path, or
 *   %G_IO_ERROR_CANCELLED
 */
gboolean
fiscal_print_layout_write_pdf_full (FiscalPrintLayout  *layout,
                                    const char         *path,
                                    GCancellable       *cancellable,
                                    GError            **error)
{
  g_autoptr(FiscalFileReplace) replace = NULL;
  g_autofree char *date = NULL;
  g_autoptr(GDateTime) now = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  Sink sink = { -1, 0, cancellable };
  double width = FISCAL_PRINT_A4_WIDTH, height = FISCAL_PRINT_A4_HEIGHT;

  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (fiscal_print_layout_get_n_pages (layout) == 0)
    {
      g_set_error (error, FISCAL_ERROR, FISCAL_ERROR_EXPORT, _("%s: there are no pages to write"), path);
      return FALSE;
    }

  if (!(replace = fiscal_file_replace_begin (path, FISCAL_FILE_DEFAULT, error)))
    return FALSE;
  sink.fd = fiscal_file_replace_get_fd (replace);

  fiscal_print_layout_get_page_size (layout, 0, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (write_to_fd, &sink, width, height);

  now = g_date_time_new_now_local ();
  date = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, fiscal_print_layout_get_title (layout));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, fiscal_print_layout_get_author (layout));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, "部门预算公开");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Fiscal");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);

  draw_pages (layout, surface, cancellable);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  /* Whatever stopped it, the temporary file goes with @replace. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (sink.error != 0)
    {
      fiscal_file_replace_set_error (replace, sink.error, error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, FISCAL_ERROR, FISCAL_ERROR_EXPORT, _("%s: cannot make the PDF: %s"),
                   path, cairo_status_to_string (status));
      return FALSE;
    }

  return fiscal_file_replace_commit (replace, error);
}

/**
 * fiscal_export_pdf:
 * @prior: (nullable): the prior year, for the narrative's changes and the
 *   charts that compare years
 * @options: (nullable): what to include
 *
 * Lays out the whole disclosure and writes it to @path as PDF.
 *
 * Returns: %TRUE, or %FALSE with @error naming @path
 */
gboolean
fiscal_export_pdf (FiscalDocument            *document,
                   FiscalDocument            *prior,
                   const FiscalPrintOptions  *options,
                   const char                *path,
                   GError                   **error)
{
  return fiscal_export_pdf_full (document, prior, options, path, NULL, error);
}

/**
 * fiscal_export_pdf_full:
 * @cancellable: (nullable): checked between tables while laying out and
 *   between pages while writing
 *
 * As fiscal_export_pdf(); a cancelled export leaves @path as it was and no
 * temporary file. It may run on a thread of its own for documents no other
 * thread uses (see fiscal_document_copy()).
 *
 * Returns: %TRUE, or %FALSE with @error naming @path, or
 *   %G_IO_ERROR_CANCELLED
 */
gboolean
fiscal_export_pdf_full (FiscalDocument            *document,
                        FiscalDocument            *prior,
                        const FiscalPrintOptions  *options,
                        const char                *path,
                        GCancellable              *cancellable,
                        GError                   **error)
{
  g_autoptr(FiscalPrintLayout) layout = NULL;

  g_return_val_if_fail (FISCAL_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (prior == NULL || FISCAL_IS_DOCUMENT (prior), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  layout = fiscal_print_layout_new_full (document, prior, options, cancellable, error);
  if (layout == NULL)
    return FALSE;
  return fiscal_print_layout_write_pdf_full (layout, path, cancellable, error);
}
