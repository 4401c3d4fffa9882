/* fuzz-import-text.c
 *
 * libFuzzer target: the import of a published disclosure's text (部门预算公开
 * as copied out of its PDF), as `fiscal-cli import` and the window's Open
 * run it: read the text, rebuild the budget, write the report. A text that
 * cannot be imported is refused with a message; a budget the import
 * rebuilt must save, open again (the loader's message printed if not) and
 * save to the same bytes.
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
  g_autoptr(FiscalDisclosure) disclosure = NULL;
  g_autoptr(FiscalImportReport) report = NULL;
  g_autoptr(FiscalDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *json = NULL;

  disclosure = fiscal_disclosure_parse_text ((const char *) data, size, &error);
  if (disclosure == NULL)
    {
      fuzz_check_message (error, "reading the disclosure");
      return 0;
    }

  document = fiscal_import_disclosure (disclosure, &report, &error);
  if (document == NULL)
    {
      fuzz_check_message (error, "importing the disclosure");
      return 0;
    }

  text = fiscal_import_report_to_text (report);
  json = fiscal_import_report_to_json (report);
  if (!g_utf8_validate (text, -1, NULL) || !g_utf8_validate (json, -1, NULL))
    fuzz_fail ("the import report is not UTF-8");

  fuzz_check_round_trip (document, "the imported budget");
  return 0;
}
