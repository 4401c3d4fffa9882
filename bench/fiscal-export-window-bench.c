/* fiscal-export-window-bench.c
 *
 * Prints what an export costs the window: the longest gap between two
 * frames the window paints while a PDF (or another kind) of a synthetic
 * budget of 100,000 lines is written, first the way the window did it
 * before (on its own thread) and then in the background as it does now;
 * and what the snapshot the background export takes costs on the window's
 * thread, against the alternative of serializing the budget and reading
 * it back in the worker. Milliseconds; medians of a few runs where said.
 * Needs a display (run it under xvfb-run).
 *
 *   fiscal-export-window-bench [--lines N] [--kind pdf|pdf-charts|xlsx|csv]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include <adwaita.h>

#include "fiscal-synthetic.h"
#include "fiscal-application.h"
#include "fiscal-window.h"

#define REPEATS 5

/* The paints of the window's frame clock while something runs. */
typedef struct
{
  gint64 start;      /* µs, when watching began */
  gint64 last;       /* µs, the previous paint, or the start */
  gint64 longest;    /* µs, the longest gap between two paints */
  gint64 longest_at; /* µs after the start, when the longest gap began */
  guint  n_frames;
} Frames;

static void
after_paint_cb (GdkFrameClock *clock,
                Frames        *frames)
{
  gint64 now = g_get_monotonic_time ();

  if (frames->last != 0 && now - frames->last > frames->longest)
    {
      frames->longest = now - frames->last;
      frames->longest_at = frames->last - frames->start;
    }
  frames->last = now;
  frames->n_frames++;
}

/* Starts counting the gaps from now, the last paint a moment ago. */
static gulong
watch_frames (GtkWidget *window,
              Frames    *frames)
{
  memset (frames, 0, sizeof *frames);
  frames->start = frames->last = g_get_monotonic_time ();
  return g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb), frames);
}

/* Keeps the window painting every frame, as an animation would. */
static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @window has painted @n frames. */
static void
run_frames (GtkWidget *window,
            guint      n)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  Frames frames = { 0 };
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &frames);

  while (frames.n_frames < n)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
}

typedef struct
{
  FiscalDocument   *document;
  FiscalDocument   *prior;
  FiscalExportKind  kind;
  GFile            *file;
  double            ms;
  gboolean          done;
} SyncExport;

/* As the window did before: the export on the window's thread. */
static gboolean
sync_export_cb (gpointer data)
{
  SyncExport *sync = data;
  g_autoptr(GError) error = NULL;
  double t0 = fiscal_bench_now_ms ();

  if (!fiscal_export_write (sync->document, sync->prior, sync->kind, sync->file, &error))
    g_error ("%s", error->message);
  sync->ms = fiscal_bench_now_ms () - t0;
  sync->done = TRUE;
  return G_SOURCE_REMOVE;
}

static void
export_finished_cb (FiscalWindow *window,
                    GFile        *file,
                    const GError *error,
                    gboolean     *done)
{
  if (error != NULL)
    g_error ("%s", error->message);
  *done = TRUE;
}

int
main (int   argc,
      char *argv[])
{
  int n_lines = 100000;
  g_autofree char *kind_name = NULL;
  const GOptionEntry entries[] = {
    { "lines", 'n', 0, G_OPTION_ARG_INT, &n_lines, "Lines of the synthetic budget (default 100000)", "N" },
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind_name, "pdf (default), pdf-charts, xlsx or csv", "KIND" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fiscal-export-window-bench-XXXXXX", NULL);
  g_autofree char *prior_path = g_build_filename (dir, "prior.fiscal.json", NULL);
  g_autofree char *out_path = NULL;
  g_autoptr(GFile) prior_file = g_file_new_for_path (prior_path);
  g_autoptr(GFile) out = NULL;
  g_autoptr(FiscalDocument) doc = NULL;
  g_autoptr(FiscalDocument) prior = NULL;
  g_autoptr(FiscalApplication) app = NULL;
  FiscalExportKind kind = FISCAL_EXPORT_PDF;
  FiscalWindow *window;
  double copy[REPEATS], to_bytes[REPEATS], from_bytes[REPEATS];

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  if (kind_name != NULL && !fiscal_export_kind_from_name (kind_name, &kind))
    {
      g_printerr ("Unknown kind “%s”\n", kind_name);
      return EXIT_FAILURE;
    }

  gtk_init ();
  adw_init ();

  doc = fiscal_synthetic_budget (MAX (1, n_lines / 1000), n_lines, 1);
  prior = fiscal_synthetic_budget (MAX (1, n_lines / 1000), n_lines, 2);
  if (!fiscal_document_save (prior, prior_file, NULL, &error))
    g_error ("%s", error->message);
  fiscal_document_set_prior_path (doc, prior_path);
  out_path = g_build_filename (dir, kind == FISCAL_EXPORT_XLSX ? "out.xlsx" : kind == FISCAL_EXPORT_CSV ? "out.csv" : "out.pdf", NULL);
  out = g_file_new_for_path (out_path);

  /* The snapshot: a deep copy on the window's thread, or the text of the
   * file made there and read back in the worker. */
  for (guint r = 0; r < REPEATS; r++)
    {
      g_autoptr(FiscalDocument) copied = NULL;
      g_autoptr(FiscalDocument) loaded = NULL;
      g_autoptr(GBytes) bytes = NULL;
      double t0 = fiscal_bench_now_ms (), t1, t2, t3;

      copied = fiscal_document_copy (doc);
      t1 = fiscal_bench_now_ms ();
      bytes = fiscal_document_to_bytes (doc);
      t2 = fiscal_bench_now_ms ();
      loaded = fiscal_document_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
      if (loaded == NULL)
        g_error ("%s", error->message);
      t3 = fiscal_bench_now_ms ();

      copy[r] = t1 - t0;
      to_bytes[r] = t2 - t1;
      from_bytes[r] = t3 - t2;
    }
  g_print ("%d lines\n", n_lines);
  g_print ("snapshot: fiscal_document_copy %.1f ms; or to_bytes %.1f ms (window) + load_from_data %.1f ms (worker)\n",
           fiscal_bench_median (copy, REPEATS), fiscal_bench_median (to_bytes, REPEATS),
           fiscal_bench_median (from_bytes, REPEATS));

  app = fiscal_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);

  window = fiscal_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  fiscal_window_take_document (window, g_object_ref (doc));
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_add_tick_callback (GTK_WIDGET (window), tick_cb, NULL, NULL);
  run_frames (GTK_WIDGET (window), 30);

  g_print ("%-13s %9s %14s %9s %8s\n", "export", "total ms", "longest gap ms", "at ms", "frames");

  /* Before: on the window's thread. */
  {
    GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
    SyncExport sync = { doc, NULL, kind, out, 0, FALSE };
    Frames frames = { 0 };
    gulong id;
    double t0;

    sync.prior = fiscal_document_load (prior_file, NULL, &error);
    run_frames (GTK_WIDGET (window), 10);
    id = watch_frames (GTK_WIDGET (window), &frames);
    t0 = fiscal_bench_now_ms ();
    g_idle_add (sync_export_cb, &sync);
    while (!sync.done)
      g_main_context_iteration (NULL, TRUE);
    run_frames (GTK_WIDGET (window), 2);
    g_signal_handler_disconnect (clock, id);
    g_print ("%-13s %9.1f %14.1f %9.1f %8u\n", "window thread", fiscal_bench_now_ms () - t0,
             frames.longest / 1000.0, frames.longest_at / 1000.0, frames.n_frames);
    g_clear_object (&sync.prior);
  }

  /* Now: in the background, as the window's Export menu does. */
  for (guint r = 0; r < 3; r++)
    {
      GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
      Frames frames = { 0 };
      gboolean done = FALSE;
      gulong id, finished;
      double t0, started;

      run_frames (GTK_WIDGET (window), 10);
      id = watch_frames (GTK_WIDGET (window), &frames);
      finished = g_signal_connect (window, "export-finished", G_CALLBACK (export_finished_cb), &done);
      t0 = fiscal_bench_now_ms ();
      if (!fiscal_window_start_export (window, kind, out, &error))
        g_error ("%s", error->message);
      started = fiscal_bench_now_ms () - t0;
      while (!done)
        g_main_context_iteration (NULL, TRUE);
      run_frames (GTK_WIDGET (window), 2);
      g_signal_handler_disconnect (clock, id);
      g_signal_handler_disconnect (window, finished);
      g_print ("%-13s %9.1f %14.1f %9.1f %8u   (%.1f ms to start it)\n", "background", fiscal_bench_now_ms () - t0,
               frames.longest / 1000.0, frames.longest_at / 1000.0, frames.n_frames, started);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_application_get_is_busy (G_APPLICATION (app)))
    g_main_context_iteration (NULL, TRUE);
  g_unlink (out_path);
  g_unlink (prior_path);
  g_rmdir (dir);

  return EXIT_SUCCESS;
}
