/* fiscal-load-bench.c
 *
 * Loads one *.fiscal.json file several times and prints the median time
 * and the peak memory of the process, nothing else loaded beside it:
 *
 *   fiscal-load-bench FILE [REPEATS]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <sys/resource.h>

#include "fiscal-synthetic.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autofree double *times = NULL;
  struct rusage usage;
  guint repeats = 5;
  guint n_lines = 0;

  if (argc < 2 || argc > 3)
    {
      g_printerr ("usage: fiscal-load-bench FILE [REPEATS]\n");
      return 2;
    }
  if (argc == 3)
    repeats = MAX (1, strtoul (argv[2], NULL, 10));

  file = g_file_new_for_commandline_arg (argv[1]);
  times = g_new0 (double, repeats);

  for (guint r = 0; r < repeats; r++)
    {
      g_autoptr(FiscalDocument) doc = NULL;
      g_autoptr(GError) error = NULL;
      double t0 = fiscal_bench_now_ms ();

      doc = fiscal_document_load (file, NULL, &error);
      if (doc == NULL)
        {
          g_printerr ("fiscal-load-bench: %s\n", error->message);
          return 1;
        }
      times[r] = fiscal_bench_now_ms () - t0;
      n_lines = g_list_model_get_n_items (fiscal_document_get_lines (doc));
    }

  getrusage (RUSAGE_SELF, &usage);
  g_print ("%u lines: load %.1f ms (median of %u), peak %.1f MiB\n",
           n_lines, fiscal_bench_median (times, repeats), repeats,
           usage.ru_maxrss / 1024.0);

  return 0;
}
