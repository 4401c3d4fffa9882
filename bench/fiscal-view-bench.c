/* fiscal-view-bench.c
 *
 * Prints, for each of the eleven tables, what showing it first costs (the
 * view builds its cells) and what one amount edit then costs in the window
 * with that table shown, then what showing the findings of the checks costs: the pivot of the table, setting it on the table
 * view, and the frame that lays it out and draws it. A synthetic
 * budget of 100,000 lines by default; medians of a few runs, in
 * milliseconds. Needs a display (run it under xvfb-run).
 *
 *   fiscal-view-bench [--lines N]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include <adwaita.h>

#include "fiscal-synthetic.h"
#include "fiscal-checks-view.h"
#include "fiscal-table-view.h"

#define REPEATS 5

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

/* Runs the main loop until @window has painted a frame. */
static void
wait_for_frame (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gboolean painted = FALSE;
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);

  gtk_widget_queue_draw (window);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
}

int
main (int   argc,
      char *argv[])
{
  guint n_lines = 100000;
  g_autoptr(FiscalDocument) doc = NULL;
  GtkWidget *window, *scrolled, *view;
  g_autoptr(FiscalLine) line = NULL;

  if (argc == 3 && g_str_equal (argv[1], "--lines"))
    n_lines = strtoul (argv[2], NULL, 10);

  gtk_init ();
  adw_init ();

  doc = fiscal_synthetic_budget (MAX (1, n_lines / 1000), n_lines, 1);
  line = g_list_model_get_item (fiscal_document_get_lines (doc), 0);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  scrolled = gtk_scrolled_window_new ();
  view = fiscal_table_view_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frame (window);

  g_print ("%u lines\n%5s  %6s  %10s  %10s  %10s  %10s\n", n_lines, "table", "rows", "first ms", "pivot ms", "view ms", "total ms");

  for (guint n = 1; n <= FISCAL_N_TABLES; n++)
    {
      double pivot[REPEATS], shown[REPEATS], total[REPEATS], first;
      guint rows = 0;

      /* First shown: every cell made. */
      {
        g_autoptr(FiscalTable) table = fiscal_pivot_table (doc, n);
        double t0 = fiscal_bench_now_ms ();

        fiscal_table_view_set_table (FISCAL_TABLE_VIEW (view), NULL);
        fiscal_table_view_set_table (FISCAL_TABLE_VIEW (view), table);
        wait_for_frame (window);
        first = fiscal_bench_now_ms () - t0;
      }

      for (guint r = 0; r < REPEATS; r++)
        {
          g_autoptr(FiscalTable) table = NULL;
          double t0 = fiscal_bench_now_ms (), t1;

          fiscal_line_set_amount (line, fiscal_line_get_amount (line) + 100);
          table = fiscal_pivot_table (doc, n);
          t1 = fiscal_bench_now_ms ();
          fiscal_table_view_set_table (FISCAL_TABLE_VIEW (view), table);
          wait_for_frame (window);

          pivot[r] = t1 - t0;
          shown[r] = fiscal_bench_now_ms () - t1;
          total[r] = fiscal_bench_now_ms () - t0;
          rows = fiscal_table_get_n_rows (table);
        }

      g_print ("%5u  %6u  %10.1f  %10.1f  %10.1f  %10.1f\n", n, rows, first,
               fiscal_bench_median (pivot, REPEATS), fiscal_bench_median (shown, REPEATS),
               fiscal_bench_median (total, REPEATS));
    }

  /* The checks page: the findings set on the list and the frame drawn. */
  {
    g_autoptr(GPtrArray) findings = fiscal_document_validate (doc);
    GtkWidget *checks = fiscal_checks_view_new ();
    double times[REPEATS], set[REPEATS];

    gtk_window_set_child (GTK_WINDOW (window), checks);
    wait_for_frame (window);
    for (guint r = 0; r < REPEATS; r++)
      {
        double t0 = fiscal_bench_now_ms ();

        fiscal_checks_view_set_findings (FISCAL_CHECKS_VIEW (checks), NULL);
        fiscal_checks_view_set_findings (FISCAL_CHECKS_VIEW (checks), findings);
        set[r] = fiscal_bench_now_ms () - t0;
        wait_for_frame (window);
        times[r] = fiscal_bench_now_ms () - t0;
      }
    g_print ("checks page: %u findings set in %.1f ms, shown in %.1f ms\n", findings->len,
             fiscal_bench_median (set, REPEATS), fiscal_bench_median (times, REPEATS));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
