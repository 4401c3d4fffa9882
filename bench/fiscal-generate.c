/* fiscal-generate.c
 *
 * fiscal-generate N_LINES OUT [N_UNITS]: writes a synthetic budget.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "fiscal-synthetic.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(FiscalDocument) doc = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  guint n_lines, n_units;

  if (argc < 3)
    {
      g_printerr ("usage: fiscal-generate N_LINES OUT.fiscal.json [N_UNITS]\n");
      return 2;
    }

  n_lines = strtoul (argv[1], NULL, 10);
  n_units = argc > 3 ? MAX (1, strtoul (argv[3], NULL, 10)) : MAX (1, n_lines / 1000);
  doc = fiscal_synthetic_budget (n_units, n_lines, 1);
  file = g_file_new_for_commandline_arg (argv[2]);

  if (!fiscal_document_save (doc, file, NULL, &error))
    {
      g_printerr ("fiscal-generate: %s\n", error->message);
      return 1;
    }

  return 0;
}
