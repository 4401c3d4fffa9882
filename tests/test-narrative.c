/* test-narrative.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "fiscal-test-util.h"

#define load_example fiscal_test_load_example

static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (*p != ' ')
      g_string_append_c (out, *p);

  return g_string_free (out, FALSE);
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p; p = strstr (p + strlen (needle), needle))
    {
      /* A figure must not be the tail of a longer number (“0.30” in “10.30”). */
      if (p == haystack || !(g_ascii_isdigit (p[-1]) || p[-1] == '.' || p[-1] == ','))
        n++;
    }

  return n;
}

/* Every figure of the published 第三部分 is in the generated one, section
 * by section: amounts, shares, changes and percentages. Where the
 * publication says “增加 0.00 万元，增长 0.00%”, Fiscal says 与上年预算持平;
 * where it misprints a figure, the test names the right one. */
static void
test_reference_figures (void)
{
  g_autoptr(FiscalDocument) doc = load_example (2025);
  g_autoptr(FiscalDocument) prior = load_example (2024);
  g_autoptr(FiscalNarrative) narrative = fiscal_narrative_new (doc, prior);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "changji-liaison-2025-narrative-figures.tsv", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint flat[13] = { 0 };
  guint n_figures = 0;
  GHashTableIter iter;
  gpointer key, value;

  g_assert_cmpuint (fiscal_narrative_get_n_sections (narrative), ==, 12);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) f = NULL;
      g_autofree char *figure = NULL;
      guint section;

      if (lines[i][0] == '#' || lines[i][0] == 0)
        continue;

      f = g_strsplit (lines[i], "\t", 4);
      section = atoi (f[0]);
      g_assert_cmpuint (section, >=, 1);
      g_assert_cmpuint (section, <=, 12);
      n_figures++;

      if (g_str_equal (f[3], "flat"))
        {
          flat[section]++;
          continue;
        }

      figure = g_strdup_printf ("%u\t%s%s", section,
                                g_str_has_prefix (f[3], "erratum:") ? f[3] + strlen ("erratum:") : f[1],
                                f[2]);
      key = g_hash_table_lookup (wanted, figure);
      g_hash_table_insert (wanted, g_steal_pointer (&figure), GUINT_TO_POINTER (GPOINTER_TO_UINT (key) + 1));
    }

  g_assert_cmpuint (n_figures, >, 100);

  g_hash_table_iter_init (&iter, wanted);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint section = atoi (key);
      const char *figure = strchr (key, '\t') + 1;
      g_autofree char *text = fiscal_narrative_section_text (fiscal_narrative_get_section (narrative, section - 1));
      g_autofree char *plain = squeeze (text);

      if (count (plain, figure) < GPOINTER_TO_UINT (value))
        g_error ("section %u says “%s” %u times, the publication %u times:\n%s",
                 section, figure, count (plain, figure), GPOINTER_TO_UINT (value), text);
    }

  for (guint s = 1; s <= 12; s++)
    {
      g_autofree char *text = fiscal_narrative_section_text (fiscal_narrative_get_section (narrative, s - 1));

      /* Each flat change is an amount and a percentage: one 持平. */
      if (count (text, "持平") < flat[s] / 2)
        g_error ("section %u has %u unchanged figures but says 持平 %u times", s, flat[s], count (text, "持平"));
      g_assert_null (strstr (text, "增加 0.00 万元"));
    }
}

static void
test_reference_wording (void)
{
  g_autoptr(FiscalDocument) doc = load_example (2025);
  g_autoptr(FiscalDocument) prior = load_example (2024);
  g_autoptr(FiscalNarrative) narrative = fiscal_narrative_new (doc, prior);
  g_autoptr(GPtrArray) missing = fiscal_narrative_missing (narrative);
  g_autofree char *income = fiscal_narrative_section_text (fiscal_narrative_get_section (narrative, 1));
  g_autofree char *items = fiscal_narrative_section_text (fiscal_narrative_get_section (narrative, 4));

  /* Every change in the example has its reason. */
  g_assert_cmpuint (missing->len, ==, 0);

  g_assert_nonnull (strstr (income, "一般公共预算 205.10 万元，占 64.48%，比上年预算减少 27.21 万元，下降 11.71%，主要原因是工作人员减少"));
  g_assert_nonnull (strstr (income, "\n政府性基金预算未安排。\n"));
  g_assert_nonnull (strstr (income, "单位资金 113.00 万元，占 35.52%，比上年预算增加 3.00 万元，增长 2.73%，主要原因是"));
  g_assert_nonnull (strstr (items, "1、一般公共服务支出（类）165.87 万元，占 80.88%。"));
  g_assert_nonnull (strstr (items, "8、卫生健康支出（类）行政事业单位医疗（款）其他行政事业单位医疗支出（项）：2025 年预算数为 0.06 万元，与上年预算持平，主要原因是"));
  g_assert_cmpstr (fiscal_narrative_get_section (narrative, 11)->title, ==, "其他重要事项的情况说明");
}

static void
assert_phrase (gint64      current,
               gint64      prior,
               const char *expected)
{
  g_autofree char *phrase = fiscal_change_phrase (current, prior, TRUE);
  g_assert_cmpstr (phrase, ==, expected);
}

static void
test_change_phrases (void)
{
  assert_phrase (205096000, 232310000, "比上年预算减少 27.21 万元，下降 11.71%");
  assert_phrase (113000000, 110000000, "比上年预算增加 3.00 万元，增长 2.73%");
  assert_phrase (300000, 200000, "比上年预算增加 0.10 万元，增长 50.00%");
  /* Equal: no “增加 0.00 万元，增长 0.00%”. */
  assert_phrase (62200, 62200, "与上年预算持平");
  assert_phrase (0, 0, "与上年预算持平");
  /* From nothing: no percentage. */
  assert_phrase (500000, 0, "比上年预算增加 0.50 万元");
  /* To nothing: all of it. */
  assert_phrase (0, 500000, "比上年预算减少 0.50 万元，下降 100.00%");
  /* Tiny: the change shown is rounded on its own, the percentage is exact. */
  assert_phrase (100000001, 100000000, "比上年预算增加 0.00 万元，增长 0.00%");
  assert_phrase (100, 50, "比上年预算增加 0.00 万元，增长 100.00%");
  /* Half up on the displayed figures. */
  assert_phrase (1005000, 0, "比上年预算增加 1.01 万元");
  assert_phrase (0, 1005000, "比上年预算减少 1.01 万元，下降 100.00%");

  {
    g_autofree char *bare = fiscal_change_phrase (160000, 200000, FALSE);
    g_assert_cmpstr (bare, ==, "减少 0.04 万元，下降 20.00%");
  }
}

static FiscalDocument *
small_budget (int year)
{
  FiscalDocument *doc = fiscal_document_new (year, "测试局");
  g_autoptr(FiscalLine) a = fiscal_line_new_full ("l1", "main", "2010101", "30101", FISCAL_KIND_PERSONNEL,
                                                  NULL, FISCAL_SOURCE_GENERAL, 100000000);

  fiscal_document_add_line (doc, a);
  return doc;
}

static const char *
section_text (FiscalNarrative *narrative,
              guint            number,
              char           **store)
{
  g_free (*store);
  *store = fiscal_narrative_section_text (fiscal_narrative_get_section (narrative, number - 1));
  return *store;
}

/* A source that appears this year, and one that disappears. */
static void
test_sources_appear_and_disappear (void)
{
  g_autoptr(FiscalDocument) doc = small_budget (2026);
  g_autoptr(FiscalDocument) prior = small_budget (2025);
  g_autoptr(FiscalLine) fund = fiscal_line_new_full ("l2", "main", "2120803", "31005", FISCAL_KIND_PROJECT,
                                                     "p1", FISCAL_SOURCE_FUND, 50000000);
  g_autoptr(FiscalLine) unit = fiscal_line_new_full ("l2", "main", "2010101", "30201", FISCAL_KIND_PUBLIC,
                                                     NULL, FISCAL_SOURCE_UNIT_OTHER, 20000000);
  g_autoptr(FiscalProject) project = fiscal_project_new ("p1", "城市建设");
  g_autoptr(FiscalNarrative) narrative = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  g_autofree char *store = NULL;
  const char *text;

  fiscal_document_add_project (doc, project);
  fiscal_document_add_line (doc, fund);
  fiscal_document_add_line (prior, unit);

  narrative = fiscal_narrative_new (doc, prior);
  text = section_text (narrative, 2, &store);
  g_assert_nonnull (strstr (text, "政府性基金预算 50.00 万元，占 33.33%，比上年预算增加 50.00 万元。"));
  g_assert_nonnull (strstr (text, "单位资金未安排，比上年预算减少 20.00 万元，下降 100.00%。"));
  g_assert_nonnull (strstr (text, "一般公共预算 100.00 万元，占 66.67%，与上年预算持平。"));

  text = section_text (narrative, 8, &store);
  g_assert_nonnull (strstr (text, "2026 年政府性基金预算拨款安排的支出 50.00 万元，其中：基本支出 0.00 万元，项目支出 50.00 万元，比上年预算增加 50.00 万元。"));

  text = section_text (narrative, 4, &store);
  g_assert_null (strstr (text, "收入全部为一般公共预算拨款"));
  g_assert_nonnull (strstr (text, "收入预算包括：一般公共预算拨款 100.00 万元、政府性基金预算拨款 50.00 万元。"));

  /* The reasons nobody typed are reported, never invented. */
  missing = fiscal_narrative_missing (narrative);
  g_assert_cmpuint (missing->len, >=, 3);
  {
    gboolean fund_reason = FALSE, unchanged = FALSE;

    for (guint i = 0; i < missing->len; i++)
      {
        const FiscalNarrativeRun *run = missing->pdata[i];

        fund_reason |= g_str_equal (run->key, "income.fund");
        unchanged |= g_str_equal (run->key, "income.general");
        g_assert_null (run->text);
      }
    g_assert_true (fund_reason);
    g_assert_false (unchanged);   /* no change, no reason needed */
  }
  {
    g_autofree char *text_all = fiscal_narrative_to_text (narrative);
    g_assert_null (strstr (text_all, "主要原因是"));
  }

  /* Typed, the reason completes the sentence. */
  fiscal_document_set_explanation (doc, "income.fund", "新增城市建设项目");
  g_clear_pointer (&narrative, fiscal_narrative_free);
  narrative = fiscal_narrative_new (doc, prior);
  text = section_text (narrative, 2, &store);
  g_assert_nonnull (strstr (text, "比上年预算增加 50.00 万元，主要原因是新增城市建设项目。"));
}

static void
test_no_prior (void)
{
  g_autoptr(FiscalDocument) doc = load_example (2025);
  g_autoptr(FiscalNarrative) narrative = fiscal_narrative_new (doc, NULL);
  g_autofree char *text = fiscal_narrative_to_text (narrative);
  g_autoptr(GPtrArray) missing = fiscal_narrative_missing (narrative);

  g_assert_null (strstr (text, "比上年"));
  g_assert_null (strstr (text, "持平"));
  g_assert_nonnull (strstr (text, "一般公共预算 205.10 万元，占 64.48%。"));
  g_assert_cmpuint (missing->len, ==, 0);
}

static void
test_zero_budget (void)
{
  g_autoptr(FiscalDocument) doc = fiscal_document_new (2025, "空部门");
  g_autoptr(FiscalNarrative) narrative = fiscal_narrative_new (doc, NULL);
  g_autofree char *text = fiscal_narrative_to_text (narrative);

  g_assert_cmpuint (fiscal_narrative_get_n_sections (narrative), ==, 12);
  g_assert_nonnull (strstr (text, "收支总预算 0.00 万元。"));
  g_assert_nonnull (strstr (text, "收入预算包括：无。"));
  g_assert_nonnull (strstr (text, "空部门 2025 年没有使用一般公共预算拨款安排的项目支出。"));
  g_assert_null (strstr (text, "nan"));
}

static void
test_formats (void)
{
  g_autoptr(FiscalDocument) doc = load_example (2025);
  g_autoptr(FiscalDocument) prior = load_example (2024);
  g_autoptr(FiscalNarrative) narrative = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *json = NULL;
  g_autofree char *markdown = NULL;
  JsonObject *root;

  fiscal_document_set_explanation (doc, "income.general", NULL);
  narrative = fiscal_narrative_new (doc, prior);

  json = fiscal_narrative_to_json (narrative);
  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "sections")), ==, 12);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "missing")), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (root, "missing"), 0), ==, "income.general");

  markdown = fiscal_narrative_to_markdown (narrative);
  g_assert_true (g_str_has_prefix (markdown, "## 一、关于"));
  g_assert_nonnull (strstr (markdown, "\n### （一）一般公共预算当年拨款规模变化情况\n"));
  g_assert_nonnull (strstr (markdown, "下降 11.71%，主要原因是**〔缺：income.general〕**。"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/narrative/reference/figures", test_reference_figures);
  g_test_add_func ("/narrative/reference/wording", test_reference_wording);
  g_test_add_func ("/narrative/change-phrases", test_change_phrases);
  g_test_add_func ("/narrative/sources-appear-and-disappear", test_sources_appear_and_disappear);
  g_test_add_func ("/narrative/no-prior", test_no_prior);
  g_test_add_func ("/narrative/zero-budget", test_zero_budget);
  g_test_add_func ("/narrative/formats", test_formats);

  return g_test_run ();
}
