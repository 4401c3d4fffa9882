/* fuzz-paste.c
 *
 * libFuzzer target: the reader of lines pasted from a spreadsheet
 * (fiscal_paste_parse()) on any text, against a small budget of two units
 * and two projects. The first byte of an input chooses how the lines
 * editor reads it (bit 0: amounts in 万元; bit 1: the editor shows one
 * project, whose lines the pasted ones become); the rest is the text,
 * which, like everything GTK pastes, is UTF-8.
 *
 * Every row that is not blank (the header row aside) must become a line
 * or be refused with its reason — none may vanish — and the budget with
 * the pasted lines added must save, open again and save to the same bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-fuzz"

#include "config.h"

#include <string.h>

#include "fuzz-common.h"

static const char budget[] =
  "{\"format\":\"fiscal-budget\",\"version\":1,\"year\":2025,"
  "\"department\":{\"name\":\"示例市财政局\",\"code\":\"101\"},"
  "\"units\":[{\"id\":\"u1\",\"name\":\"示例市财政局（本级）\",\"code\":\"101001\"},"
             "{\"id\":\"u2\",\"name\":\"示例市财政信息中心\",\"code\":\"101002\"}],"
  "\"projects\":[{\"id\":\"p1\",\"name\":\"财政预算绩效评价\",\"unit\":\"u1\"},"
                "{\"id\":\"p2\",\"name\":\"财政信息系统运行维护\",\"unit\":\"u2\"}],"
  "\"lines\":[{\"id\":\"l1\",\"unit\":\"u1\",\"function\":\"2010350\",\"economic\":\"30101\","
              "\"kind\":\"personnel\",\"source\":\"general\",\"amount\":\"317000.00\"},"
             "{\"id\":\"l2\",\"unit\":\"u2\",\"function\":\"2010302\",\"economic\":\"30299\","
              "\"kind\":\"project\",\"project\":\"p2\",\"source\":\"unit-other\",\"amount\":\"45000.00\"}]}";

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(FiscalDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  fuzz_init ();
  document = fiscal_document_load_from_data (budget, strlen (budget), &error);
  if (document == NULL)
    fuzz_fail ("the budget to paste into does not load: %s", error->message);
  return 0;
}

/* The rows fiscal_paste_parse() must account for. */
static guint
count_rows (const char *text,
            gboolean    had_header)
{
  g_auto(GStrv) rows = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; rows[i]; i++)
    if (*g_strstrip (rows[i]) != 0)
      n++;

  return had_header && n > 0 ? n - 1 : n;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(FiscalDocument) document = NULL;
  g_autoptr(FiscalPasteResult) result = NULL;
  g_autofree char *text = NULL;
  gboolean wan;
  const char *project;
  guint n_before, n_rows;

  if (size == 0)
    return 0;
  wan = (data[0] & 1) != 0;
  project = (data[0] & 2) != 0 ? "p1" : NULL;
  text = g_strndup ((const char *) data + 1, size - 1);
  if (!g_utf8_validate (text, -1, NULL))
    return 0;

  document = fiscal_document_load_from_data (budget, strlen (budget), NULL);
  result = fiscal_paste_parse (document, text, wan, project);

  n_rows = count_rows (text, result->had_header);
  if (result->lines->len + result->rejected->len != n_rows)
    fuzz_fail ("%u rows pasted became %u lines and %u refusals",
               n_rows, result->lines->len, result->rejected->len);
  for (guint i = 0; i < result->rejected->len; i++)
    {
      const char *reason = g_ptr_array_index (result->rejected, i);

      if (reason == NULL || *reason == 0 || !g_utf8_validate (reason, -1, NULL))
        fuzz_fail ("a refused row's reason is empty or not UTF-8");
    }

  n_before = g_list_model_get_n_items (fiscal_document_get_lines (document));
  if (result->lines->len > 0)
    {
      fiscal_document_begin_action (document, "Paste");
      fiscal_document_insert_lines (document, n_before,
                                    (FiscalLine **) result->lines->pdata, result->lines->len);
      fiscal_document_end_action (document);
    }
  if (g_list_model_get_n_items (fiscal_document_get_lines (document)) != n_before + result->lines->len)
    fuzz_fail ("%u pasted lines inserted, the budget has %u lines instead of %u",
               result->lines->len, g_list_model_get_n_items (fiscal_document_get_lines (document)),
               n_before + result->lines->len);

  fuzz_check_round_trip (document, "the budget with the pasted lines");
  return 0;
}
