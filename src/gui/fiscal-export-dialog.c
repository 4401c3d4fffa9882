/* fiscal-export-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-export"

#include "config.h"

#include <glib/gi18n.h>

#include "fiscal-export-dialog.h"

static const struct
{
  const char *name;        /* the action's parameter */
  const char *extension;
  const char *suffix;      /* what the suggested file name says it is */
  const char *filter;
  const char *mime_type;
} kinds[] = {
  [FISCAL_EXPORT_PDF]        = { "pdf",        "pdf",  "部门预算公开",     N_("PDF Documents"), "application/pdf" },
  [FISCAL_EXPORT_PDF_CHARTS] = { "pdf-charts", "pdf",  "部门预算公开",     N_("PDF Documents"), "application/pdf" },
  [FISCAL_EXPORT_XLSX]       = { "xlsx",       "xlsx", "部门预算公开表",   N_("Excel Workbooks"),
                                 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  [FISCAL_EXPORT_CSV]        = { "csv",        "csv",  "部门预算公开表",   N_("CSV Files"), "text/csv" },
};

/**
 * fiscal_export_kind_from_name:
 * @name: "pdf", "pdf-charts", "xlsx" or "csv"
 *
 * Returns: whether @name is a kind of export
 */
gboolean
fiscal_export_kind_from_name (const char       *name,
                              FiscalExportKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (name, kinds[i].name) == 0)
      {
        *kind = i;
        return TRUE;
      }

  return FALSE;
}

/**
 * fiscal_export_suggest_name:
 *
 * Returns: a file name for the export: the department, the year and what
 *   the file holds, as an office would name it
 */
char *
fiscal_export_suggest_name (FiscalDocument   *document,
                            FiscalExportKind  kind)
{
  const char *department = fiscal_document_get_department_name (document);
  g_autofree char *base = NULL;

  g_return_val_if_fail (kind < G_N_ELEMENTS (kinds), NULL);

  if (department == NULL || *department == '\0')
    department = _("Budget");
  base = g_strdup_printf ("%s %d年%s.%s", department, fiscal_document_get_year (document),
                          kinds[kind].suffix, kinds[kind].extension);

  /* A department name never has a slash on purpose; keep it out of paths. */
  return g_strdelimit (g_steal_pointer (&base), "/\\", '-');
}

/* Writes @document as @kind to @path; on the thread that calls it, which
 * must be the only one using @document and @prior. */
static gboolean
write_export (FiscalDocument    *document,
              FiscalDocument    *prior,
              FiscalExportKind   kind,
              const char        *path,
              GCancellable      *cancellable,
              GError           **error)
{
  switch (kind)
    {
    case FISCAL_EXPORT_PDF:
    case FISCAL_EXPORT_PDF_CHARTS:
      {
        FiscalPrintOptions options;

        fiscal_print_options_init (&options);
        options.include_charts = kind == FISCAL_EXPORT_PDF_CHARTS;
        return fiscal_export_pdf_full (document, prior, &options, path, cancellable, error);
      }

    case FISCAL_EXPORT_XLSX:
      return fiscal_export_xlsx_full (document, path, cancellable, error);

    case FISCAL_EXPORT_CSV:
      return fiscal_export_csv_full (document, path, FISCAL_CSV_BOM, cancellable, error);

    default:
      g_return_val_if_reached (FALSE);
    }
}

static char *
local_path (GFile   *file,
            GError **error)
{
  char *path = g_file_get_path (file);

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Cannot write to “%s”: only local files can be written"), uri);
    }

  return path;
}

/**
 * fiscal_export_write:
 *
 * Writes @document as @kind to @file. The file is replaced only once the
 * new one is complete.
 */
gboolean
fiscal_export_write (FiscalDocument    *document,
                     FiscalDocument    *prior,
                     FiscalExportKind   kind,
                     GFile             *file,
                     GError           **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (FISCAL_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (prior == NULL || FISCAL_IS_DOCUMENT (prior), FALSE);
  g_return_val_if_fail (kind < G_N_ELEMENTS (kinds), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!(path = local_path (file, error)))
    return FALSE;

  return write_export (document, prior, kind, path, NULL, error);
}

/* The prior year of a budget is seldom edited, and each PDF export needs
 * it: one snapshot of it is kept, while it is current, and each export's
 * worker makes its own copy of that, one worker at a time (reading a list
 * store moves its cursor), so that the window's thread copies a prior
 * year once rather than at every export. */
static struct
{
  FiscalDocument *source;    /* weak */
  guint64         serial;    /* the source's when copied */
  FiscalDocument *snapshot;  /* edited by no one */
} prior_cache;
G_LOCK_DEFINE_STATIC (prior_cache);

static void
prior_finalized_cb (gpointer  data,
                    GObject  *where_the_object_was)
{
  g_autoptr(FiscalDocument) snapshot = NULL;

  G_LOCK (prior_cache);
  if (prior_cache.source == (gpointer) where_the_object_was)
    {
      prior_cache.source = NULL;
      snapshot = g_steal_pointer (&prior_cache.snapshot);
    }
  G_UNLOCK (prior_cache);
}

/* On the calling thread: a snapshot of @prior as it is now, shared. */
static FiscalDocument *
share_prior (FiscalDocument *prior)
{
  g_autoptr(FiscalDocument) stale = NULL;
  FiscalDocument *shared;

  G_LOCK (prior_cache);
  if (prior_cache.source != prior || prior_cache.serial != fiscal_document_get_serial (prior))
    {
      if (prior_cache.source != prior)
        {
          if (prior_cache.source != NULL)
            g_object_weak_unref (G_OBJECT (prior_cache.source), prior_finalized_cb, NULL);
          g_object_weak_ref (G_OBJECT (prior), prior_finalized_cb, NULL);
          prior_cache.source = prior;
        }
      prior_cache.serial = fiscal_document_get_serial (prior);
      stale = g_steal_pointer (&prior_cache.snapshot);
      prior_cache.snapshot = fiscal_document_copy (prior);
    }
  shared = g_object_ref (prior_cache.snapshot);
  G_UNLOCK (prior_cache);

  return shared;
}

/* On a worker: a copy of a shared snapshot, the worker's alone. */
static FiscalDocument *
copy_shared (FiscalDocument *shared)
{
  FiscalDocument *copy;

  G_LOCK (prior_cache);
  copy = fiscal_document_copy (shared);
  G_UNLOCK (prior_cache);

  return copy;
}

typedef struct
{
  FiscalDocument   *document;      /* a snapshot, the worker's alone */
  FiscalDocument   *shared_prior;  /* a snapshot others read too */
  FiscalExportKind  kind;
  char             *path;
} Write;

static void
write_free (gpointer data)
{
  Write *write = data;

  g_clear_object (&write->document);
  g_clear_object (&write->shared_prior);
  g_free (write->path);
  g_free (write);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Write *write = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FiscalDocument) prior = NULL;
  gboolean ok;

  if (write->shared_prior != NULL && !g_cancellable_is_cancelled (cancellable))
    prior = copy_shared (write->shared_prior);

  /* Text is measured with this thread's own default font map. */
  ok = write_export (write->document, prior, write->kind, write->path, cancellable, &error);

  /* The snapshots are let go here, not on the window's thread. */
  g_clear_object (&write->document);
  g_clear_object (&prior);
  g_clear_object (&write->shared_prior);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/**
 * fiscal_export_write_async:
 * @prior: (nullable): the prior year
 * @cancellable: (nullable): stops the export; a cancelled export leaves
 *   @file as it was and no temporary file
 *
 * Writes @document as @kind to @file on a thread of its own. The budget
 * and its prior year are copied first (fiscal_document_copy()), on the
 * calling thread, so they may be edited as soon as this returns: the file
 * holds them as they were when it was called. (A prior year that has not
 * changed since the last export is not copied again there.) Call it from
 * the thread that edits the documents.
 */
void
fiscal_export_write_async (FiscalDocument      *document,
                           FiscalDocument      *prior,
                           FiscalExportKind     kind,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  Write *write;

  g_return_if_fail (FISCAL_IS_DOCUMENT (document));
  g_return_if_fail (prior == NULL || FISCAL_IS_DOCUMENT (prior));
  g_return_if_fail (kind < G_N_ELEMENTS (kinds));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, fiscal_export_write_async);
  g_task_set_name (task, "[fiscal] export");
  /* The thread stops at the next page or sheet; the cancellation is
   * reported once it has removed what it had written. */
  g_task_set_return_on_cancel (task, FALSE);
  /* What the thread did is the result: a cancellation that comes after the
   * file took its place does not undo it, and is not reported as one. */
  g_task_set_check_cancellable (task, FALSE);

  if (!(path = local_path (file, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  write = g_new0 (Write, 1);
  write->document = fiscal_document_copy (document);
  /* Only the PDF states changes from the prior year. */
  if (prior != NULL && (kind == FISCAL_EXPORT_PDF || kind == FISCAL_EXPORT_PDF_CHARTS))
    write->shared_prior = share_prior (prior);
  write->kind = kind;
  write->path = g_steal_pointer (&path);
  g_task_set_task_data (task, write, write_free);

  g_task_run_in_thread (task, write_thread);
}

/**
 * fiscal_export_write_finish:
 *
 * Returns: %TRUE if the file was written, or %FALSE with @error set (in
 *   %G_IO_ERROR with %G_IO_ERROR_CANCELLED when cancelled)
 */
gboolean
fiscal_export_write_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == fiscal_export_write_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  FiscalExportKind   kind;
  FiscalExportChosen chosen;
  gpointer           user_data;
} Choose;

static void
choose_response_cb (GtkFileChooserNative *chooser,
                    int                   response,
                    Choose               *choose)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    choose->chosen (file, choose->kind, choose->user_data);

  g_free (choose);
  g_object_unref (chooser);
}

/**
 * fiscal_export_choose:
 * @near: (nullable): the budget's file, whose folder is offered first
 *
 * Asks where to write the export of @kind, offering a name made from the
 * department and year, and calls @chosen with the file.
 */
void
fiscal_export_choose (GtkWindow          *parent,
                      FiscalExportKind    kind,
                      GFile              *near,
                      FiscalDocument     *document,
                      FiscalExportChosen  chosen,
                      gpointer            user_data)
{
  static const char *titles[] = {
    [FISCAL_EXPORT_PDF]        = N_("Export Disclosure as PDF"),
    [FISCAL_EXPORT_PDF_CHARTS] = N_("Export Disclosure with Charts as PDF"),
    [FISCAL_EXPORT_XLSX]       = N_("Export Tables as Excel Workbook"),
    [FISCAL_EXPORT_CSV]        = N_("Export Tables as CSV"),
  };
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = fiscal_export_suggest_name (document, kind);
  g_autofree char *pattern = g_strdup_printf ("*.%s", kinds[kind].extension);
  Choose *choose = g_new0 (Choose, 1);

  choose->kind = kind;
  choose->chosen = chosen;
  choose->user_data = user_data;

  chooser = gtk_file_chooser_native_new (_(titles[kind]), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (filter, _(kinds[kind].filter));
  gtk_file_filter_add_mime_type (filter, kinds[kind].mime_type);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  if (near != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (near);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_signal_connect (chooser, "response", G_CALLBACK (choose_response_cb), choose);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Printing: the layout is made when printing begins, measured with the
 * printer's own text context, and each page drawn as in the PDF. */

typedef struct
{
  FiscalDocument    *document;
  FiscalDocument    *prior;
  FiscalPrintLayout *layout;
} Print;

static void
print_free (gpointer data)
{
  Print *print = data;

  g_clear_object (&print->document);
  g_clear_object (&print->prior);
  g_clear_pointer (&print->layout, fiscal_print_layout_free);
  g_free (print);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                Print             *print)
{
  g_autoptr(GObject) pango = G_OBJECT (gtk_print_context_create_pango_context (context));
  FiscalPrintOptions options;

  fiscal_print_options_init (&options);
  g_clear_pointer (&print->layout, fiscal_print_layout_free);
  print->layout = fiscal_print_layout_new (print->document, print->prior, &options);
  fiscal_print_layout_paginate (print->layout, PANGO_CONTEXT (pango));
  gtk_print_operation_set_n_pages (operation, fiscal_print_layout_get_n_pages (print->layout));
}

static void
request_page_setup_cb (GtkPrintOperation *operation,
                       GtkPrintContext   *context,
                       int                page,
                       GtkPageSetup      *setup,
                       Print             *print)
{
  gboolean landscape = fiscal_print_layout_page_is_landscape (print->layout, page);

  gtk_page_setup_set_orientation (setup, landscape ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                   : GTK_PAGE_ORIENTATION_PORTRAIT);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              Print             *print)
{
  fiscal_print_layout_draw_page (print->layout, gtk_print_context_get_cairo_context (context), page);
}

/**
 * fiscal_print_operation_new:
 *
 * Returns: (transfer full): a print operation that prints the disclosure
 *   on A4 pages, landscape where a table is wide, as the PDF export does
 */
GtkPrintOperation *
fiscal_print_operation_new (FiscalDocument *document,
                            FiscalDocument *prior)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  Print *print = g_new0 (Print, 1);
  g_autofree char *name = fiscal_export_suggest_name (document, FISCAL_EXPORT_PDF);

  print->document = g_object_ref (document);
  print->prior = prior ? g_object_ref (prior) : NULL;

  /* The layout draws its own margins, header and page numbers. */
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_top_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_bottom_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_left_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_right_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, FALSE);
  gtk_print_operation_set_job_name (operation, name);

  g_object_set_data_full (G_OBJECT (operation), "fiscal-print", print, print_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), print);
  g_signal_connect (operation, "request-page-setup", G_CALLBACK (request_page_setup_cb), print);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), print);

  return operation;
}
