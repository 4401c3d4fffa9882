/* fiscal-import-bench.c
 *
 * Prints the time to read a published disclosure, to rebuild its budget
 * (the audit included) and to put every published figure beside the
 * rebuilt budget's, as the import report's Figures page does after each
 * edit. The disclosures are the reference text, and the PDF Fiscal exports
 * of a synthetic budget (20,000 lines by default), or the files named.
 * Medians of a few runs, in milliseconds.
 *
 *   fiscal-import-bench [--lines N] [FILE.pdf|FILE.txt …]
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
bench (const char *label,
       GFile      *file)
{
  double read[REPEATS], rebuild[REPEATS], compare[REPEATS];
  guint n_cells = 0, n_differ = 0;

  for (guint r = 0; r < REPEATS; r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FiscalDisclosure) disclosure = NULL;
      g_autoptr(FiscalImportReport) report = NULL;
      g_autoptr(FiscalDocument) doc = NULL;
      g_autoptr(GArray) figures = NULL;
      double t0 = fiscal_bench_now_ms (), t1, t2, t3;

      if (!(disclosure = fiscal_disclosure_read_file (file, NULL, &error)))
        g_error ("%s: %s", label, error->message);
      t1 = fiscal_bench_now_ms ();
      if (!(doc = fiscal_import_disclosure (disclosure, &report, &error)))
        g_error ("%s: %s", label, error->message);
      t2 = fiscal_bench_now_ms ();
      figures = fiscal_import_report_compare (report, doc);
      t3 = fiscal_bench_now_ms ();

      read[r] = t1 - t0;
      rebuild[r] = t2 - t1;
      compare[r] = t3 - t2;
      n_cells = figures->len;
      n_differ = 0;
      for (guint i = 0; i < figures->len; i++)
        n_differ += g_array_index (figures, FiscalFigure, i).state != FISCAL_FIGURE_SAME;
    }

  g_print ("%-28s %8u cells %6u differ   read %8.1f ms   rebuild %8.1f ms   figures %7.1f ms\n", label,
           n_cells, n_differ, fiscal_bench_median (read, REPEATS), fiscal_bench_median (rebuild, REPEATS),
           fiscal_bench_median (compare, REPEATS));
}

int
main (int    argc,
      char **argv)
{
  int n_lines = 20000;
  const GOptionEntry entries[] = {
    { "lines", 'n', 0, G_OPTION_ARG_INT, &n_lines, "Lines of the synthetic budget (default 20000)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("[FILE…]");
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  if (argc > 1)
    {
      for (int i = 1; i < argc; i++)
        {
          g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
          g_autofree char *name = g_file_get_basename (file);

          bench (name, file);
        }
      return EXIT_SUCCESS;
    }

  {
    g_autofree char *path = g_build_filename (SOURCE_DIR, "tests", "data", "changji-liaison-2025-disclosure.txt", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);

    bench ("Reference text", file);
  }

  {
    g_autofree char *dir = g_dir_make_tmp ("fiscal-import-bench-XXXXXX", NULL);
    g_autofree char *path = g_build_filename (dir, "synthetic.pdf", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(FiscalDocument) doc = fiscal_synthetic_budget (MAX (1, n_lines / 1000), n_lines, 1);
    g_autofree char *label = g_strdup_printf ("Synthetic PDF, %d lines", n_lines);

    if (!fiscal_export_pdf (doc, NULL, NULL, path, &error))
      g_error ("%s", error->message);
    bench (label, file);
    g_unlink (path);
    g_rmdir (dir);
  }

  return EXIT_SUCCESS;
}
