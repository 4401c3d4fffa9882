/* fiscal-bench.c
 *
 * Prints the time to load, make all eleven tables and save synthetic
 * budgets of 10k, 100k and 1M lines, and the peak memory of each run. Each
 * size runs in its own process so that peak memory is its own.
 *
 *   fiscal-bench               all sizes
 *   fiscal-bench --size N      one size
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "fiscal-synthetic.h"

#define REPEATS 5

static int
run_size (guint n_lines)
{
  g_autoptr(FiscalDocument) doc = fiscal_synthetic_budget (MAX (1, n_lines / 1000), n_lines, 1);
  g_autofree char *dir = g_dir_make_tmp ("fiscal-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.fiscal.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  guint repeats = n_lines >= 1000000 ? 3 : REPEATS;
  double load[REPEATS], pivot[REPEATS], save[REPEATS], edit[REPEATS], view[REPEATS], check[REPEATS];
  struct rusage usage;
  GStatBuf st;

  for (guint r = 0; r < repeats; r++)
    {
      double t0 = fiscal_bench_now_ms ();

      if (!fiscal_document_save (doc, file, NULL, &error))
        g_error ("%s", error->message);
      save[r] = fiscal_bench_now_ms () - t0;
    }

  for (guint r = 0; r < repeats; r++)
    {
      g_autoptr(FiscalDocument) loaded = NULL;
      double t0 = fiscal_bench_now_ms ();

      loaded = fiscal_document_load (file, NULL, &error);
      if (loaded == NULL)
        g_error ("%s", error->message);
      load[r] = fiscal_bench_now_ms () - t0;
    }

  for (guint r = 0; r < repeats; r++)
    {
      g_autoptr(GPtrArray) tables = NULL;
      double t0 = fiscal_bench_now_ms ();

      tables = fiscal_pivot_all (doc);
      pivot[r] = fiscal_bench_now_ms () - t0;
      g_assert (tables->len == FISCAL_N_TABLES);
    }

  /* One amount edited, as in the lines editor: the step recorded, the
   * eleven tables made again. */
  for (guint r = 0; r < repeats; r++)
    {
      g_autoptr(FiscalLine) line = g_list_model_get_item (fiscal_document_get_lines (doc), r);
      g_autoptr(GPtrArray) tables = NULL;
      double t0 = fiscal_bench_now_ms ();

      fiscal_line_set_amount (line, fiscal_line_get_amount (line) + 100);
      tables = fiscal_pivot_all (doc);
      edit[r] = fiscal_bench_now_ms () - t0;
    }

  /* What the window does on an edit: the step recorded and only the shown
   * table made again; the slowest of the eleven tables is reported. */
  for (guint r = 0; r < repeats; r++)
    {
      g_autoptr(FiscalLine) line = g_list_model_get_item (fiscal_document_get_lines (doc), r);

      view[r] = 0;
      for (guint n = 1; n <= FISCAL_N_TABLES; n++)
        {
          g_autoptr(FiscalTable) table = NULL;
          double t0 = fiscal_bench_now_ms ();

          fiscal_line_set_amount (line, fiscal_line_get_amount (line) + 100);
          table = fiscal_pivot_table (doc, n);
          view[r] = MAX (view[r], fiscal_bench_now_ms () - t0);
        }
    }

  for (guint r = 0; r < repeats; r++)
    {
      g_autoptr(GPtrArray) findings = NULL;
      double t0 = fiscal_bench_now_ms ();

      findings = fiscal_document_validate_with_prior (doc, NULL);
      check[r] = fiscal_bench_now_ms () - t0;
    }

  g_stat (path, &st);
  getrusage (RUSAGE_SELF, &usage);

  g_print ("%9u  %10.1f  %10.1f  %10.1f  %10.1f  %10.1f  %10.1f  %9.1f  %9.1f\n",
           n_lines, fiscal_bench_median (load, repeats), fiscal_bench_median (pivot, repeats), fiscal_bench_median (save, repeats),
           fiscal_bench_median (edit, repeats), fiscal_bench_median (view, repeats), fiscal_bench_median (check, repeats),
           st.st_size / 1048576.0, usage.ru_maxrss / 1024.0);

  g_remove (path);
  g_rmdir (dir);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  static const guint sizes[] = { 10000, 100000, 1000000 };

  if (argc == 3 && g_str_equal (argv[1], "--size"))
    return run_size (strtoul (argv[2], NULL, 10));

  g_print ("%9s  %10s  %10s  %10s  %10s  %10s  %10s  %9s  %9s\n",
           "lines", "load ms", "pivot ms", "save ms", "edit ms", "view ms", "check ms", "file MiB", "peak MiB");

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *size = g_strdup_printf ("%u", sizes[i]);
      const char *child_argv[] = { argv[0], "--size", size, NULL };
      g_autoptr(GError) error = NULL;
      int status;

      if (!g_spawn_sync (NULL, (char **) child_argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN,
                         NULL, NULL, NULL, NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, &error))
        {
          g_printerr ("fiscal-bench: %s\n", error->message);
          return 1;
        }
    }

  g_print ("(median of %d runs; 3 at 1M lines; peak is the process's maximum resident set)\n", REPEATS);
  return 0;
}
