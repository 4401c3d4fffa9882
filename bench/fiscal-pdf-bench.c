/* fiscal-pdf-bench.c
 *
 * Prints the time to lay out the whole disclosure and to write it as PDF,
 * for the example budget and for a synthetic one of 100,000 lines, with
 * the number of pages. Medians of a few runs, in milliseconds.
 *
 *   fiscal-pdf-bench [--lines N] [--charts]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>

#include "fiscal-synthetic.h"

#define REPEATS 3

static void
bench (const char     *label,
       FiscalDocument *doc,
       FiscalDocument *prior,
       gboolean        charts)
{
  g_autofree char *dir = g_dir_make_tmp ("fiscal-export-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "out.pdf", NULL);
  double layout[REPEATS], write[REPEATS];
  FiscalPrintOptions options;
  guint n_pages = 0;
  goffset size = 0;

  fiscal_print_options_init (&options);
  options.include_charts = charts;

  for (guint r = 0; r < REPEATS; r++)
    {
      g_autoptr(FiscalPrintLayout) print = NULL;
      g_autoptr(GError) error = NULL;
      double t0 = fiscal_bench_now_ms (), t1, t2;

      print = fiscal_print_layout_new (doc, prior, &options);
      t1 = fiscal_bench_now_ms ();
      if (!fiscal_print_layout_write_pdf (print, path, &error))
        g_error ("%s", error->message);
      t2 = fiscal_bench_now_ms ();

      layout[r] = t1 - t0;
      write[r] = t2 - t1;
      n_pages = fiscal_print_layout_get_n_pages (print);
    }

  {
    GStatBuf st;
    if (g_stat (path, &st) == 0)
      size = st.st_size;
  }

  g_print ("%-10s %8u lines %6u pages %9.0f KiB   layout %9.1f ms   PDF %9.1f ms\n", label,
           g_list_model_get_n_items (fiscal_document_get_lines (doc)), n_pages, size / 1024.,
           fiscal_bench_median (layout, REPEATS), fiscal_bench_median (write, REPEATS));

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  int n_lines = 100000;
  gboolean charts = FALSE;
  const GOptionEntry entries[] = {
    { "lines", 'n', 0, G_OPTION_ARG_INT, &n_lines, "Lines of the synthetic budget (default 100000)", "N" },
    { "charts", 'c', 0, G_OPTION_ARG_NONE, &charts, "Include the charts", NULL },
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
  bench ("Example", example, example_prior, charts);

  big = fiscal_synthetic_budget (MAX (1, n_lines / 1000), n_lines, 1);
  big_prior = fiscal_synthetic_budget (MAX (1, n_lines / 1000), n_lines, 2);
  bench ("Synthetic", big, big_prior, charts);

  return EXIT_SUCCESS;
}
