/* fuzz-import-pdf.c
 *
 * libFuzzer target: the import of a published disclosure's PDF on any
 * bytes: its text read through poppler, the budget rebuilt and the report
 * written, as for a text (fuzz-import-text.c). A PDF that cannot be read
 * is refused with a message; a rebuilt budget must save, open again and
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
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(FiscalDisclosure) disclosure = NULL;
  g_autoptr(FiscalImportReport) report = NULL;
  g_autoptr(FiscalDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  disclosure = fiscal_disclosure_parse_pdf_bytes (bytes, &error);
  if (disclosure == NULL)
    {
      fuzz_check_message (error, "reading the PDF");
      return 0;
    }

  document = fiscal_import_disclosure (disclosure, &report, &error);
  if (document == NULL)
    {
      fuzz_check_message (error, "importing the PDF");
      return 0;
    }

  text = fiscal_import_report_to_text (report);
  if (!g_utf8_validate (text, -1, NULL))
    fuzz_fail ("the import report is not UTF-8");

  fuzz_check_round_trip (document, "the budget imported from a PDF");
  return 0;
}
