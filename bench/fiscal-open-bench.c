/* fiscal-open-bench.c
 *
 * Prints what opening a budget costs in the window: the file loaded alone;
 * then fiscal_window_open until it returns (the window ready), until the
 * first frame is painted (the table the window opens on), and until the
 * window has nothing more to do (every page given the budget, the checks
 * made); in a second window, the budget opened and the Budget Lines page
 * shown at once, until that page's first frame; and as `fiscal FILE` does
 * it, the budget opened in a new window before it is shown, until its
 * first frame. A synthetic budget of
 * 100,000 lines by default; medians of a few runs, in milliseconds. Needs
 * a display (run it under xvfb-run).
 *
 *   fiscal-open-bench [--lines N]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include <adwaita.h>

#include "fiscal-application.h"
#include "fiscal-bench-gui.h"
#include "fiscal-synthetic.h"
#include "fiscal-window.h"

#define REPEATS 5

/* Runs the main loop until nothing is pending. */
static void
wait_for_rest (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int   argc,
      char *argv[])
{
  guint n_lines = 100000;
  g_autoptr(FiscalApplication) app = NULL;
  g_autoptr(FiscalDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  double load[REPEATS], ready[REPEATS], frame[REPEATS], lines[REPEATS], rest[REPEATS], start[REPEATS];

  if (argc == 3 && g_str_equal (argv[1], "--lines"))
    n_lines = strtoul (argv[2], NULL, 10);

  dir = g_dir_make_tmp ("fiscal-open-bench-XXXXXX", NULL);
  path = g_build_filename (dir, "bench.fiscal.json", NULL);
  file = g_file_new_for_path (path);
  /* Recovery copies, if any were written, stay in the bench's directory. */
  g_setenv ("FISCAL_RECOVERY_DIR", dir, TRUE);

  doc = fiscal_synthetic_budget (MAX (1, n_lines / 1000), n_lines, 1);
  if (!fiscal_document_save (doc, file, NULL, &error))
    g_error ("%s", error->message);
  g_clear_object (&doc);

  gtk_init ();
  adw_init ();
  app = fiscal_application_new ();
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);

  for (guint r = 0; r < REPEATS; r++)
    {
      g_autoptr(FiscalDocument) loaded = NULL;
      FiscalWindow *window;
      double t0;

      t0 = fiscal_bench_now_ms ();
      loaded = fiscal_document_load (file, NULL, &error);
      if (loaded == NULL)
        g_error ("%s", error->message);
      load[r] = fiscal_bench_now_ms () - t0;
      g_clear_object (&loaded);

      window = fiscal_window_new (app);
      gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
      gtk_window_present (GTK_WINDOW (window));
      fiscal_bench_wait_for_frame (GTK_WIDGET (window));
      wait_for_rest ();

      t0 = fiscal_bench_now_ms ();
      if (!fiscal_window_open (window, file))
        g_error ("the budget did not open");
      ready[r] = fiscal_bench_now_ms () - t0;
      fiscal_bench_wait_for_frame (GTK_WIDGET (window));
      frame[r] = fiscal_bench_now_ms () - t0;

      wait_for_rest ();
      rest[r] = fiscal_bench_now_ms () - t0;

      gtk_window_destroy (GTK_WINDOW (window));
      wait_for_rest ();

      window = fiscal_window_new (app);
      gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
      gtk_window_present (GTK_WINDOW (window));
      fiscal_bench_wait_for_frame (GTK_WIDGET (window));
      wait_for_rest ();

      t0 = fiscal_bench_now_ms ();
      if (!fiscal_window_open (window, file))
        g_error ("the budget did not open");
      fiscal_window_show_page (window, "lines");
      fiscal_bench_wait_for_frame (GTK_WIDGET (window));
      lines[r] = fiscal_bench_now_ms () - t0;

      gtk_window_destroy (GTK_WINDOW (window));
      wait_for_rest ();

      t0 = fiscal_bench_now_ms ();
      window = fiscal_window_new (app);
      gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
      if (!fiscal_window_open (window, file))
        g_error ("the budget did not open");
      gtk_window_present (GTK_WINDOW (window));
      fiscal_bench_wait_for_frame (GTK_WIDGET (window));
      start[r] = fiscal_bench_now_ms () - t0;

      gtk_window_destroy (GTK_WINDOW (window));
      wait_for_rest ();
    }

  g_print ("%u lines (medians of %d, ms)\n"
           "  load                          %8.1f\n"
           "  fiscal_window_open: ready     %8.1f\n"
           "    first frame                 %8.1f\n"
           "    all pages settled           %8.1f\n"
           "  opened on Budget Lines:\n"
           "    first frame                 %8.1f\n"
           "  new window, opened, shown:\n"
           "    first frame                 %8.1f\n",
           n_lines, REPEATS,
           fiscal_bench_median (load, REPEATS), fiscal_bench_median (ready, REPEATS),
           fiscal_bench_median (frame, REPEATS), fiscal_bench_median (rest, REPEATS),
           fiscal_bench_median (lines, REPEATS), fiscal_bench_median (start, REPEATS));

  g_remove (path);
  g_rmdir (dir);
  return 0;
}
