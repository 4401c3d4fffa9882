/* fiscal-scroll-bench.c
 *
 * Scrolls the budget lines editor over a synthetic budget (100,000 lines
 * by default) in a 1400×900 window, the way a user does: first with the
 * wheel, three rows a step, then page by page from the top to the bottom.
 * Each step is one frame; what a frame costs is the time the step's
 * scroll takes plus the time from the frame clock's before-paint to its
 * after-paint (layout, binding the rows that came into view, drawing).
 * Prints, for each way of scrolling, the frames, their median, 95th
 * percentile and worst time in milliseconds and how many took longer than
 * a 60 Hz frame (16.7 ms). Needs a display (run it under xvfb-run).
 *
 *   fiscal-scroll-bench [--lines N] [--wheel-steps N] [--page-steps N]
 *                       [--only wheel|pages]
 *
 * --only measures one way of scrolling and leaves the other out.
 * A number of steps of 0 scrolls all the way down; by default the wheel
 * goes 3,000 steps from the top and the pages all the way. A first row
 * of frames that only redraw, with nothing scrolled, is the baseline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include <adwaita.h>

#include "fiscal-bench-gui.h"
#include "fiscal-synthetic.h"
#include "fiscal-lines-view.h"

static void
report (const char *what,
        GArray     *times)
{
  double *t = (double *) times->data;
  guint n = times->len, slow = 0;

  if (n == 0)
    return;

  qsort (t, n, sizeof (double), fiscal_bench_compare_doubles);
  for (guint i = 0; i < n; i++)
    if (t[i] > 1000.0 / 60)
      slow++;

  g_print ("%-24s %7u %9.2f %9.2f %9.2f %9u\n", what, n, t[n / 2],
           t[MIN (n - 1, (guint) (n * 0.95))], t[n - 1], slow);
}

/* Scrolls by @step pixels a frame until the bottom (or @max_steps frames,
 * if not 0); returns the frame times. */
static GArray *
scroll (GtkWidget     *window,
        GtkAdjustment *vadj,
        double         step,
        guint          max_steps)
{
  GArray *times = g_array_new (FALSE, FALSE, sizeof (double));

  gtk_adjustment_set_value (vadj, 0);
  fiscal_bench_wait_for_frame (window);

  while (max_steps == 0 || times->len < max_steps)
    {
      double value = gtk_adjustment_get_value (vadj);
      double bottom = gtk_adjustment_get_upper (vadj) - gtk_adjustment_get_page_size (vadj);
      double t0, set;

      if (value >= bottom - 0.5)
        break;

      t0 = fiscal_bench_now_ms ();
      gtk_adjustment_set_value (vadj, MIN (value + step, bottom));
      set = fiscal_bench_now_ms () - t0;
      set += fiscal_bench_wait_for_frame (window);
      g_array_append_val (times, set);
    }

  return times;
}

int
main (int   argc,
      char *argv[])
{
  guint n_lines = 100000, wheel_steps = 3000, page_steps = 0;
  const char *only = NULL;
  g_autoptr(FiscalDocument) doc = NULL;
  g_autoptr(GArray) wheel = NULL;
  g_autoptr(GArray) pages = NULL;
  g_autoptr(GArray) still = g_array_new (FALSE, FALSE, sizeof (double));
  GtkWidget *window, *view, *column_view;
  GtkAdjustment *vadj;
  double t0, row_height;

  for (int i = 1; i + 1 < argc; i += 2)
    if (g_str_equal (argv[i], "--lines"))
      n_lines = strtoul (argv[i + 1], NULL, 10);
    else if (g_str_equal (argv[i], "--wheel-steps"))
      wheel_steps = strtoul (argv[i + 1], NULL, 10);
    else if (g_str_equal (argv[i], "--page-steps"))
      page_steps = strtoul (argv[i + 1], NULL, 10);
    else if (g_str_equal (argv[i], "--only"))
      only = argv[i + 1];

  if (only != NULL && !g_str_equal (only, "wheel") && !g_str_equal (only, "pages"))
    {
      g_printerr ("--only takes “wheel” or “pages”, not “%s”\n", only);
      return 2;
    }

  gtk_init ();
  adw_init ();

  doc = fiscal_synthetic_budget (MAX (1, n_lines / 1000), n_lines, 1);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  view = fiscal_lines_view_new ();
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  fiscal_bench_wait_for_frame (window);

  t0 = fiscal_bench_now_ms ();
  fiscal_lines_view_set_document (FISCAL_LINES_VIEW (view), doc);
  fiscal_bench_wait_for_frame (window);
  /* The list measures its rows over a few frames. */
  for (guint i = 0; i < 3; i++)
    fiscal_bench_wait_for_frame (window);

  column_view = fiscal_bench_find_widget (view, GTK_TYPE_COLUMN_VIEW);
  vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (column_view));
  row_height = gtk_adjustment_get_upper (vadj) / MAX (1, fiscal_lines_view_get_n_shown (FISCAL_LINES_VIEW (view)));

  g_print ("%u lines shown in %.0f ms; rows %.1f px, page %.0f px\n",
           fiscal_lines_view_get_n_shown (FISCAL_LINES_VIEW (view)), fiscal_bench_now_ms () - t0,
           row_height, gtk_adjustment_get_page_size (vadj));
  g_print ("%-24s %7s %9s %9s %9s %9s\n", "scroll", "frames", "median", "p95", "worst", ">16.7ms");

  for (guint i = 0; i < 100; i++)
    {
      double t = fiscal_bench_wait_for_frame (window);
      g_array_append_val (still, t);
    }
  report ("redraw, no scroll", still);
  if (only == NULL || g_str_equal (only, "wheel"))
    {
      wheel = scroll (window, vadj, 3 * row_height, wheel_steps);
      report (wheel_steps ? "wheel, 3 rows (from top)" : "wheel, 3 rows", wheel);
    }
  if (only == NULL || g_str_equal (only, "pages"))
    {
      pages = scroll (window, vadj, gtk_adjustment_get_page_size (vadj), page_steps);
      report (page_steps ? "page by page (from top)" : "page by page", pages);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
