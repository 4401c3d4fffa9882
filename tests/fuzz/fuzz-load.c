/* fuzz-load.c
 *
 * libFuzzer target: the budget loader on any bytes. A file it refuses is
 * refused with a message; a file it opens is saved, the saved bytes open
 * again and save to the same bytes (nothing read is lost on the way).
 * Then a project and two lines are added as the editor adds them, with
 * new ids, and the budget must still save and open again: the new ids
 * must be clear of whatever ids the file had.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-fuzz"

#include "config.h"

#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(FiscalDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *units;

  document = fiscal_document_load_from_data ((const char *) data, size, &error);
  if (document == NULL)
    {
      fuzz_check_message (error, "loading");
      return 0;
    }

  fuzz_check_round_trip (document, "a loaded budget");

  /* The editor's additions: a project of the first unit, a line of it and
   * a line of running costs. */
  units = fiscal_document_get_units (document);
  if (g_list_model_get_n_items (units) > 0)
    {
      g_autoptr(FiscalUnit) unit = g_list_model_get_item (units, 0);
      const char *unit_id = fiscal_unit_get_id (unit);
      g_autofree char *project_id = fiscal_document_new_project_id (document);
      g_autoptr(FiscalProject) project = fiscal_project_new (project_id, "新项目");

      fiscal_project_set_field (project, FISCAL_PROJECT_UNIT, unit_id);
      fiscal_document_add_project (document, project);
      for (guint i = 0; i < 2; i++)
        {
          g_autofree char *line_id = fiscal_document_new_line_id (document);
          g_autoptr(FiscalLine) line = NULL;

          line = fiscal_line_new_full (line_id, unit_id, "2010301", i == 0 ? "30201" : NULL,
                                       i == 0 ? FISCAL_KIND_PUBLIC : FISCAL_KIND_PROJECT,
                                       i == 0 ? NULL : project_id, FISCAL_SOURCE_GENERAL, 100);
          fiscal_document_add_line (document, line);
        }
      fuzz_check_round_trip (document, "a loaded budget with a project and lines added");
    }

  return 0;
}
