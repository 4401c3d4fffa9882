/* fiscal-export-bench.c
 *
 * Prints the time to make the tables of a budget and write them as an
 * XLSX workbook and as CSV, and to read that CSV back, with the sizes of
 * what was written.
 *
 *   fiscal-export-bench FILE…          budgets read from files
 *   fiscal-export-bench --lines N…     synthetic budgets of N lines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <errno.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "fiscal-synthetic.h"

#define REPEATS 3

static void
run (FiscalDocument *doc,
     const char     *label)
{
  g_autofree char *dir = g_dir_make_tmp ("fiscal-export-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  double collect[REPEATS], xlsx[REPEATS], csv[REPEATS], parse[REPEATS];
  guint n_rows = 0, n_sheets = 0;
  gsize csv_size = 0;
  struct rusage usage;
  GStatBuf st;

  for (guint r = 0; r < REPEATS; r++)
    {
      g_autoptr(GPtrArray) tables = NULL;
      g_autoptr(GPtrArray) records = NULL;
      g_autofree char *text = NULL;
      double t0 = fiscal_bench_now_ms ();

      tables = fiscal_export_collect_tables (doc, NULL);
      collect[r] = fiscal_bench_now_ms () - t0;

      t0 = fiscal_bench_now_ms ();
      if (!fiscal_export_xlsx (doc, path, &error))
        g_error ("%s", error->message);
      xlsx[r] = fiscal_bench_now_ms () - t0;

      t0 = fiscal_bench_now_ms ();
      text = fiscal_tables_to_csv_full (tables, FISCAL_CSV_BOM);
      csv[r] = fiscal_bench_now_ms () - t0;
      csv_size = strlen (text);

      t0 = fiscal_bench_now_ms ();
      records = fiscal_csv_parse (text, csv_size, &error);
      if (records == NULL)
        g_error ("%s", error->message);
      parse[r] = fiscal_bench_now_ms () - t0;

      n_sheets = tables->len;
      n_rows = 0;
      for (guint i = 0; i < tables->len; i++)
        n_rows += fiscal_table_get_n_rows (g_ptr_array_index (tables, i));
    }

  if (g_stat (path, &st) != 0)
    g_error ("%s: %s", path, g_strerror (errno));
  getrusage (RUSAGE_SELF, &usage);

  g_print ("%-28s %6u %8u %10.1f %10.1f %10.1f %10.1f %9.2f %9.2f %9.1f\n",
           label, n_sheets, n_rows,
           fiscal_bench_median (collect, REPEATS), fiscal_bench_median (xlsx, REPEATS),
           fiscal_bench_median (csv, REPEATS), fiscal_bench_median (parse, REPEATS),
           st.st_size / 1048576.0, csv_size / 1048576.0, usage.ru_maxrss / 1024.0);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  gboolean synthetic = argc > 1 && g_str_equal (argv[1], "--lines");

  if (argc < 2 || (synthetic && argc < 3))
    {
      g_printerr ("Usage: fiscal-export-bench FILE…\n       fiscal-export-bench --lines N…\n");
      return EXIT_FAILURE;
    }

  g_print ("%-28s %6s %8s %10s %10s %10s %10s %9s %9s %9s\n",
           "budget", "sheets", "rows", "tables ms", "xlsx ms", "csv ms", "read ms",
           "xlsx MiB", "csv MiB", "peak MiB");

  for (int i = synthetic ? 2 : 1; i < argc; i++)
    {
      g_autoptr(FiscalDocument) doc = NULL;
      g_autofree char *label = NULL;

      if (synthetic)
        {
          guint n_lines = (guint) g_ascii_strtoull (argv[i], NULL, 10);

          doc = fiscal_synthetic_budget (MAX (1, n_lines / 1000), n_lines, 1);
          label = g_strdup_printf ("synthetic %u lines", n_lines);
        }
      else
        {
          g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
          g_autoptr(GError) error = NULL;

          doc = fiscal_document_load (file, NULL, &error);
          if (doc == NULL)
            g_error ("%s", error->message);
          label = g_path_get_basename (argv[i]);
        }

      run (doc, label);
    }

  g_print ("(median of %d runs; the workbook time includes making the tables; "
           "peak is the process's maximum resident set so far)\n", REPEATS);
  return EXIT_SUCCESS;
}
