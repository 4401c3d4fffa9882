/* fiscal-view-bench.c
 *
 * Prints, for each of the eleven tables, what showing it first costs (the
 * view builds its header and the rows in view; "frame ms" is the work of
 * the frame that lays it out and paints it, without the wait for the frame
 * clock) and what one amount edit then costs in the window with that
 * table shown: the pivot of the table, setting it on the table view, and
 * the frame that lays it out and draws it; "work ms" is all of that
 * without the wait for the frame clock. "all 11 ms" is the same work when
 * the edit recomputes all eleven tables instead of the shown one. The other wall times include the
 * wait for the next frame of the clock (16.7 ms at 60 Hz). Then the frames of
 * scrolling the longest table from top to bottom a page at a time, and
 * what showing the findings of the checks costs. A synthetic budget of
 * 100,000 lines by default in N / 1000 units of ten projects each (more
 * units make a longer 表7); medians of a few runs, in milliseconds. Needs
 * a display (run it under xvfb-run).
 *
 *   fiscal-view-bench [--lines N] [--units N]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include <adwaita.h>

#include "fiscal-bench-gui.h"
#include "fiscal-synthetic.h"
#include "fiscal-checks-view.h"
#include "fiscal-table-view.h"

#define REPEATS 5

/* Scrolls the table shown from top to bottom a page at a time, each step
 * waiting for its frame, and prints the median and worst frame. */
static void
bench_scrolling (GtkWidget *window,
                 GtkWidget *view)
{
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (fiscal_bench_find_widget (view, GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *adj;
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) works = g_array_new (FALSE, FALSE, sizeof (double));
  double value, end;

  if (scrolled == NULL)
    scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW));
  adj = gtk_scrolled_window_get_vadjustment (scrolled);
  gtk_adjustment_set_value (adj, 0);
  fiscal_bench_wait_for_frame (window);

  end = gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj);
  for (value = 0; value < end;)
    {
      double t0 = fiscal_bench_now_ms (), t, work;

      value = MIN (end, value + MAX (1, gtk_adjustment_get_page_increment (adj)));
      gtk_adjustment_set_value (adj, value);
      work = fiscal_bench_wait_for_frame (window);
      t = fiscal_bench_now_ms () - t0;
      g_array_append_val (frames, t);
      g_array_append_val (works, work);
    }

  if (frames->len == 0)
    {
      g_print ("scrolling: the table fits in the window\n");
      return;
    }
  g_array_sort (frames, fiscal_bench_compare_doubles);
  g_array_sort (works, fiscal_bench_compare_doubles);
  g_print ("scrolling %.0f px in %u pages:\n"
           "  step to frame painted: median %.1f ms, worst %.1f ms\n"
           "  frame work (layout and paint): median %.1f ms, worst %.1f ms\n",
           end, frames->len,
           g_array_index (frames, double, frames->len / 2), g_array_index (frames, double, frames->len - 1),
           g_array_index (works, double, works->len / 2), g_array_index (works, double, works->len - 1));
}

int
main (int   argc,
      char *argv[])
{
  guint n_lines = 100000;
  guint n_units = 0;
  guint longest = 1, longest_rows = 0;
  g_autoptr(FiscalDocument) doc = NULL;
  GtkWidget *window, *view;
  g_autoptr(FiscalLine) line = NULL;

  for (int i = 1; i + 1 < argc; i += 2)
    {
      if (g_str_equal (argv[i], "--lines"))
        n_lines = strtoul (argv[i + 1], NULL, 10);
      else if (g_str_equal (argv[i], "--units"))
        n_units = strtoul (argv[i + 1], NULL, 10);
      else
        {
          g_printerr ("usage: fiscal-view-bench [--lines N] [--units N]\n");
          return 2;
        }
    }
  if (n_units == 0)
    n_units = MAX (1, n_lines / 1000);

  gtk_init ();
  adw_init ();

  doc = fiscal_synthetic_budget (n_units, n_lines, 1);
  line = g_list_model_get_item (fiscal_document_get_lines (doc), 0);

  /* The view scrolls its rows itself, under its header. */
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  view = fiscal_table_view_new ();
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  fiscal_bench_wait_for_frame (window);

  g_print ("%u lines, %u units, %u projects\n%5s  %6s  %10s  %10s  %10s  %10s  %10s  %10s  %10s\n", n_lines, n_units, n_units * 10,
           "table", "rows", "first ms", "frame ms", "pivot ms", "view ms", "work ms", "total ms", "all 11 ms");

  for (guint n = 1; n <= FISCAL_N_TABLES; n++)
    {
      double pivot[REPEATS], shown[REPEATS], work[REPEATS], total[REPEATS], all[REPEATS], first, first_frame;
      guint rows = 0;

      /* First shown: the header and the rows in view made. */
      {
        g_autoptr(FiscalTable) table = fiscal_pivot_table (doc, n);
        double t0 = fiscal_bench_now_ms ();

        fiscal_table_view_set_table (FISCAL_TABLE_VIEW (view), NULL);
        fiscal_table_view_set_table (FISCAL_TABLE_VIEW (view), table);
        first_frame = fiscal_bench_wait_for_frame (window);
        first = fiscal_bench_now_ms () - t0;
      }

      for (guint r = 0; r < REPEATS; r++)
        {
          g_autoptr(FiscalTable) table = NULL;
          double t0 = fiscal_bench_now_ms (), t1, t2, frame;

          fiscal_line_set_amount (line, fiscal_line_get_amount (line) + 100);
          table = fiscal_pivot_table (doc, n);
          t1 = fiscal_bench_now_ms ();
          fiscal_table_view_set_table (FISCAL_TABLE_VIEW (view), table);
          t2 = fiscal_bench_now_ms ();
          frame = fiscal_bench_wait_for_frame (window);

          pivot[r] = t1 - t0;
          shown[r] = fiscal_bench_now_ms () - t1;
          /* the work of the edit, without the wait for the frame clock */
          work[r] = (t2 - t0) + frame;
          total[r] = fiscal_bench_now_ms () - t0;
          rows = fiscal_table_get_n_rows (table);
        }

      /* The same edit with all eleven tables made again. */
      for (guint r = 0; r < REPEATS; r++)
        {
          g_autoptr(GPtrArray) tables = NULL;
          double t0 = fiscal_bench_now_ms (), t1, frame;

          fiscal_line_set_amount (line, fiscal_line_get_amount (line) + 100);
          tables = fiscal_pivot_all (doc);
          fiscal_table_view_set_table (FISCAL_TABLE_VIEW (view), g_ptr_array_index (tables, n - 1));
          t1 = fiscal_bench_now_ms ();
          frame = fiscal_bench_wait_for_frame (window);
          all[r] = (t1 - t0) + frame;
        }

      g_print ("%5u  %6u  %10.1f  %10.1f  %10.1f  %10.1f  %10.1f  %10.1f  %10.1f\n", n, rows, first, first_frame,
               fiscal_bench_median (pivot, REPEATS), fiscal_bench_median (shown, REPEATS),
               fiscal_bench_median (work, REPEATS), fiscal_bench_median (total, REPEATS),
               fiscal_bench_median (all, REPEATS));
      if (rows > longest_rows)
        {
          longest = n;
          longest_rows = rows;
        }
    }

  /* Scrolling the longest table. */
  {
    g_autoptr(FiscalTable) table = fiscal_pivot_table (doc, longest);

    fiscal_table_view_set_table (FISCAL_TABLE_VIEW (view), table);
    fiscal_bench_wait_for_frame (window);
    g_print ("表%u, %u rows: ", longest, longest_rows);
    bench_scrolling (window, view);
  }

  /* The checks page: the findings set on the list and the frame drawn. */
  {
    g_autoptr(GPtrArray) findings = fiscal_document_validate (doc);
    GtkWidget *checks = fiscal_checks_view_new ();
    double times[REPEATS], set[REPEATS];

    gtk_window_set_child (GTK_WINDOW (window), checks);
    fiscal_bench_wait_for_frame (window);
    for (guint r = 0; r < REPEATS; r++)
      {
        double t0 = fiscal_bench_now_ms ();

        fiscal_checks_view_set_findings (FISCAL_CHECKS_VIEW (checks), NULL);
        fiscal_checks_view_set_findings (FISCAL_CHECKS_VIEW (checks), findings);
        set[r] = fiscal_bench_now_ms () - t0;
        fiscal_bench_wait_for_frame (window);
        times[r] = fiscal_bench_now_ms () - t0;
      }
    g_print ("checks page: %u findings set in %.1f ms, shown in %.1f ms\n", findings->len,
             fiscal_bench_median (set, REPEATS), fiscal_bench_median (times, REPEATS));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
