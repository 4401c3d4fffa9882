/* fiscal-chart-bench.c
 *
 * Prints, for every kind of chart, the time to build its data from a
 * budget and the time to lay it out and render it at 1920 × 1080, for the
 * example budget and for a synthetic one of 100,000 lines. Medians of a
 * few runs, in milliseconds.
 *
 *   fiscal-chart-bench [--lines N]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "fiscal-synthetic.h"

#define REPEATS 5
#define WIDTH   1920
#define HEIGHT  1080

static void
bench (const char     *label,
       FiscalDocument *doc,
       FiscalDocument *prior)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);

  g_print ("%s (%u lines), %d × %d\n", label,
           g_list_model_get_n_items (fiscal_document_get_lines (doc)), WIDTH, HEIGHT);
  g_print ("  %-20s %10s %10s %10s %7s\n", "kind", "data ms", "render ms", "cached ms", "items");

  for (guint k = 0; k < FISCAL_N_CHART_KINDS; k++)
    {
      double data[REPEATS], render[REPEATS], cached[REPEATS];
      guint n_items = 0;

      for (guint r = 0; r < REPEATS; r++)
        {
          g_autoptr(FiscalChart) chart = NULL;
          cairo_t *cr;
          double t0 = fiscal_bench_now_ms (), t1, t2, t3;

          chart = fiscal_chart_new (k, doc, prior);
          t1 = fiscal_bench_now_ms ();

          /* First render: layout and drawing */
          cr = cairo_create (surface);
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_paint (cr);
          fiscal_chart_render (chart, cr, WIDTH, HEIGHT);
          cairo_destroy (cr);
          cairo_surface_flush (surface);
          t2 = fiscal_bench_now_ms ();

          /* Again at the same size: the layout is kept */
          cr = cairo_create (surface);
          fiscal_chart_render (chart, cr, WIDTH, HEIGHT);
          cairo_destroy (cr);
          cairo_surface_flush (surface);
          t3 = fiscal_bench_now_ms ();

          data[r] = t1 - t0;
          render[r] = t2 - t1;
          cached[r] = t3 - t2;
          n_items = fiscal_chart_get_n_items (chart);
        }

      g_print ("  %-20s %10.2f %10.2f %10.2f %7u\n", fiscal_chart_kind_to_name (k),
               fiscal_bench_median (data, REPEATS), fiscal_bench_median (render, REPEATS), fiscal_bench_median (cached, REPEATS), n_items);
    }
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  int n_lines = 100000;
  const GOptionEntry entries[] = {
    { "lines", 'n', 0, G_OPTION_ARG_INT, &n_lines, "Lines of the synthetic budget (default 100000)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (SOURCE_DIR, "data", "examples", "changji-liaison-2025.fiscal.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(FiscalDocument) example = NULL;
  g_autoptr(FiscalDocument) example_prior = NULL;
  g_autoptr(FiscalDocument) big = NULL;
  g_autoptr(FiscalDocument) big_prior = NULL;
  double t0;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  if (!(example = fiscal_document_load (file, NULL, &error)))
    {
      g_printerr ("%s: %s\n", path, error->message);
      return EXIT_FAILURE;
    }
  example_prior = fiscal_document_load_prior (example, NULL);
  bench ("Example", example, example_prior);

  t0 = fiscal_bench_now_ms ();
  big = fiscal_synthetic_budget (MAX (1, n_lines / 1000), n_lines, 1);
  big_prior = fiscal_synthetic_budget (MAX (1, n_lines / 1000), n_lines, 2);
  g_print ("\n(synthetic budgets generated in %.0f ms)\n", fiscal_bench_now_ms () - t0);
  bench ("Synthetic", big, big_prior);

  return EXIT_SUCCESS;
}
