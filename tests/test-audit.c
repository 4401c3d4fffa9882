/* test-audit.c
 *
 * The audit of a disclosure against itself. The tables are our own pivot
 * of the example budget (which reproduces every published figure), each
 * row given a line of a text written after the narrative; the narrative is
 * either the published one (tests/data/changji-liaison-2025-disclosure.txt)
 * or the one Fiscal writes. Each test injects one inconsistency and asserts
 * exactly what the audit finds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "fiscal-test-util.h"

/* Everything an audit reads, and the storage behind it. */
typedef struct
{
  FiscalAuditInput  input;
  GPtrArray        *lines;       /* char*, owns them; NULL-terminated */
  FiscalDocument   *doc;
} Fixture;

static void
fixture_free (Fixture *f)
{
  for (guint n = 1; n <= FISCAL_N_TABLES; n++)
    g_clear_object (&f->input.tables[n]);
  g_clear_pointer (&f->input.target_tables, g_ptr_array_unref);
  g_ptr_array_unref (f->lines);
  g_clear_object (&f->doc);
  g_free (f);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Fixture, fixture_free)

static guint
add_line (Fixture    *f,
          const char *text)
{
  g_ptr_array_insert (f->lines, f->lines->len - 1, g_strdup (text));
  return f->lines->len - 1;   /* 1-based number of the line just added */
}

/* Appends @text's lines; returns the number of the first. */
static guint
add_text (Fixture    *f,
          const char *text)
{
  g_auto(GStrv) split = g_strsplit (text, "\n", -1);
  guint first = f->lines->len;

  for (guint i = 0; split[i] != NULL; i++)
    add_line (f, split[i]);
  return first;
}

static FiscalTableRow *
row_at (FiscalTable *table,
        guint        r)
{
  return (FiscalTableRow *) fiscal_table_get_row (table, r);
}

/* A line of text for each table and each of its rows, as a text reader
 * would have found them. */
static void
add_table_lines (Fixture     *f,
                 FiscalTable *table)
{
  g_autofree char *heading = g_strdup_printf ("表 %u\t%s", fiscal_table_get_number (table),
                                              fiscal_table_get_title (table));

  fiscal_table_set_source_line (table, add_line (f, heading));
  for (guint r = 0; r < fiscal_table_get_n_rows (table); r++)
    {
      FiscalTableRow *row = row_at (table, r);
      g_autoptr(GString) text = g_string_new (row->code);

      g_string_append_printf (text, "\t%s", row->name);
      for (guint c = 0; c < row->n_cells; c++)
        {
          g_autofree char *cell = fiscal_table_format_cell (table, &row->cells[c]);
          g_string_append_printf (text, "\t%s", cell);
        }
      row->source_line = add_line (f, text->str);
    }
}

static Fixture *
fixture_new (void)
{
  Fixture *f = g_new0 (Fixture, 1);

  f->lines = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (f->lines, NULL);
  f->doc = fiscal_test_load_example (2025);
  f->input.year = 2025;
  return f;
}

/* The tables and target tables of the example, after the text so far. */
static void
add_tables (Fixture *f)
{
  GListModel *projects = fiscal_document_get_projects (f->doc);

  for (guint n = 1; n <= FISCAL_N_TABLES; n++)
    {
      FiscalTable *table = fiscal_pivot_table (f->doc, n);

      if (fiscal_table_get_n_rows (table) == 0 && fiscal_table_get_note (table) != NULL)
        {
          /* Published as its empty-table sentence only. */
          add_line (f, fiscal_table_get_note (table));
          f->input.declared_empty[n] = TRUE;
          g_object_unref (table);
          continue;
        }
      add_table_lines (f, table);
      f->input.tables[n] = table;
    }

  /* The target tables a department publishes: those it filled in. */
  f->input.target_tables = g_ptr_array_new_with_free_func (g_object_unref);
  if (!fiscal_targets_is_empty (fiscal_document_get_targets (f->doc)))
    g_ptr_array_add (f->input.target_tables, fiscal_targets_to_table (f->doc, NULL));
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(FiscalProject) project = g_list_model_get_item (projects, i);

      if (!fiscal_targets_is_empty (fiscal_project_get_targets (project)))
        g_ptr_array_add (f->input.target_tables, fiscal_targets_to_table (f->doc, project));
    }
  for (guint i = 0; i < f->input.target_tables->len; i++)
    {
      FiscalTable *table = g_ptr_array_index (f->input.target_tables, i);
      fiscal_table_set_source_line (table, add_line (f, fiscal_table_get_title (table)));
    }
}

static void
finish (Fixture *f)
{
  f->input.lines = (const char * const *) f->lines->pdata;
  f->input.n_lines = f->lines->len - 1;
}

static char *
reference_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "changji-liaison-2025-disclosure.txt", NULL);
}

/* The published 情况说明 (its 第三部分, up to 第四部分), then our tables.
 * @edit, when given, replaces the first @from in the text with @to. */
static Fixture *
reference_fixture (const char *from,
                   const char *to)
{
  Fixture *f = fixture_new ();
  g_autofree char *path = reference_path ();
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) split = NULL;
  guint first = 0, last = 0;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);

  if (from != NULL)
    {
      char *at = strstr (text, from);
      g_autofree char *head = NULL;
      char *edited;

      g_assert_nonnull (at);
      head = g_strndup (text, at - text);
      edited = g_strconcat (head, to, at + strlen (from), NULL);
      g_free (text);
      text = edited;
    }

  split = g_strsplit (text, "\n", -1);
  for (guint i = 0; split[i] != NULL; i++)
    {
      guint n = add_line (f, split[i]);

      /* The second heading of each part is the part; the first is the
       * table of contents. */
      if (g_str_has_prefix (split[i], "第三部分") && n > 100)
        first = n;
      if (g_str_has_prefix (split[i], "第四部分") && n > 100)
        last = n - 1;
    }
  g_assert_cmpuint (first, >, 0);
  g_assert_cmpuint (last, >, first);
  f->input.narrative_first = first;
  f->input.narrative_last = last;

  add_tables (f);
  finish (f);
  return f;
}

/* Our own narrative of the example against the prior year, then our
 * tables. */
static Fixture *
own_fixture (void)
{
  Fixture *f = fixture_new ();
  g_autoptr(FiscalDocument) prior = fiscal_test_load_example (2024);
  g_autoptr(FiscalNarrative) narrative = fiscal_narrative_new (f->doc, prior);
  g_autofree char *text = fiscal_narrative_to_text (narrative);

  f->input.narrative_first = add_text (f, text);
  f->input.narrative_last = f->lines->len - 1;
  add_tables (f);
  finish (f);
  return f;
}

/* Every amount as the published tables show it: rounded on its own to
 * 0.01 万元. */
static void
round_tables (Fixture *f)
{
  for (guint n = 1; n <= FISCAL_N_TABLES; n++)
    {
      FiscalTable *table = f->input.tables[n];

      for (guint r = 0; table != NULL && r < fiscal_table_get_n_rows (table); r++)
        {
          FiscalTableRow *row = row_at (table, r);

          for (guint c = 0; c < row->n_cells; c++)
            if (row->cells[c].text == NULL)
              row->cells[c].amount = fiscal_money_round_wan (row->cells[c].amount) * 10000;
        }
    }
}

static GPtrArray *
audit (Fixture *f)
{
  GPtrArray *findings = fiscal_audit_disclosure (&f->input);

  if (g_test_verbose ())
    {
      g_autofree char *text = fiscal_audit_to_text (findings);
      g_test_message ("%s", text);
    }
  return findings;
}

typedef struct
{
  const char     *rule;
  FiscalSeverity  severity;
  guint           line;
  const char     *message;
} Expected;

/* The findings are exactly @expected, in order. */
static void
assert_findings (GPtrArray      *findings,
                 const Expected *expected,
                 guint           n)
{
  g_autofree char *text = fiscal_audit_to_text (findings);

  if (findings->len != n)
    g_test_message ("found:\n%s", text);
  g_assert_cmpuint (findings->len, ==, n);

  for (guint i = 0; i < n; i++)
    {
      const FiscalFinding *f = g_ptr_array_index (findings, i);
      g_autofree char *where = g_strdup_printf ("line %u", expected[i].line);

      if (g_strcmp0 (f->message, expected[i].message) != 0)
        g_test_message ("finding %u: %s", i, f->message);
      g_assert_cmpstr (f->rule, ==, expected[i].rule);
      g_assert_cmpint (f->severity, ==, expected[i].severity);
      g_assert_cmpstr (f->where, ==, where);
      g_assert_cmpstr (f->message, ==, expected[i].message);
    }
}

/* The number of the first line from @from on that contains @text. */
static guint
line_after (Fixture    *f,
            guint       from,
            const char *text)
{
  for (guint i = from > 0 ? from - 1 : 0; i + 1 < f->lines->len; i++)
    if (strstr (g_ptr_array_index (f->lines, i), text) != NULL)
      return i + 1;
  g_assert_not_reached ();
}

static guint
line_of (Fixture    *f,
         const char *text)
{
  return line_after (f, 1, text);
}

static guint
target_line (Fixture *f,
             guint    i)
{
  return fiscal_table_get_source_line (g_ptr_array_index (f->input.target_tables, i));
}

static FiscalTableRow *
find_row (Fixture    *f,
          guint       table,
          const char *code,
          const char *name)
{
  const FiscalTableRow *row = fiscal_table_find_row (f->input.tables[table], code, name);

  g_assert_nonnull (row);
  return (FiscalTableRow *) row;
}

static int
cell_of (Fixture    *f,
         guint       table,
         const char *title)
{
  FiscalTable *t = f->input.tables[table];

  for (guint i = 0; i < fiscal_table_get_n_cells (t); i++)
    if (g_str_equal (fiscal_table_get_column (t, fiscal_table_cell_to_column (t, i))->title, title))
      return i;
  g_assert_not_reached ();
}

/* Adds @fen to one cell of a table. */
static guint
bump (Fixture    *f,
      guint       table,
      const char *code,
      const char *name,
      const char *column,
      gint64      fen)
{
  FiscalTableRow *row = find_row (f, table, code, name);

  row->cells[cell_of (f, table, column)].amount += fen;
  return row->source_line;
}

#define WAN G_GINT64_CONSTANT (1000000)

/* The published disclosure's narrative against the tables it publishes
 * (ours reproduce every figure) finds exactly what is wrong in it. */
static void
test_reference (void)
{
  g_autoptr(Fixture) f = reference_fixture (NULL, NULL);
  g_autoptr(GPtrArray) findings = audit (f);
  const Expected expected[] = {
    /* 十二（四）: the department-wide target covers the whole budget,
     * 318.10 万元 in 表1; “308.101” is a misprint (a digit slipped, and a
     * third decimal no figure of the publication has). */
    { "audit-narrative-figure", FISCAL_SEVERITY_ERROR, line_of (f, "涉及预算金额308.101"),
      "The narrative gives 涉及预算金额 as 308.101 万元, but table 1 收入总计 · 收入预算数 is 318.10 万元" },
    /* The published 部门整体绩效目标表 weighs its 16 indicators 25 + 25 +
     * 18 + 18 + 30 + 18 + 18 + 30 + 22 + 22 + 12 + 12 + 15 + 10 + 20 + 10 =
     * 305, where the framework's total is 100. */
    { "audit-targets-weights", FISCAL_SEVERITY_WARNING, target_line (f, 0),
      "The weights of 部门整体绩效目标表 add up to 305, not 100" },
    /* Its 项目支出绩效目标表 weighs 10 + 12 + 8 + 5 + 5 + 12 + 8 + 30 = 90. */
    { "audit-targets-weights", FISCAL_SEVERITY_WARNING, target_line (f, 1),
      "The weights of 项目支出绩效目标表（机构运行补助经费） add up to 90, not 100" },
  };

  /* Every other amount, share, change and list of parts of the narrative
   * agrees with the tables (the tests below change each kind once and see
   * it found); “增加 0.00 万元，增长 0.00%” is no finding, since a change
   * under 0.005 万元 shows as 0.00. The figures of 政府采购 and 国有资产 are
   * in no table and are not looked for. */
  assert_findings (findings, expected, G_N_ELEMENTS (expected));
}

/* The tables as the publication prints them, each figure rounded on its
 * own: where a shown parent differs from the sum of its shown children,
 * the difference is within the rounding and reported as information only,
 * once a row. */
static void
test_reference_rounded (void)
{
  g_autoptr(Fixture) f = reference_fixture (NULL, NULL);
  g_autoptr(GPtrArray) findings = NULL;
  static const char * const rows[] = {
    /* The four 类 shown sum to 318.09 (205.09 for the general budget);
     * exactly 318.096: 表1, 表2, 表3, 表4 and 表5 show it. */
    "table 2 总计 · 总计 is 318.10 万元 and the sum of its 4 rows below is 318.09 万元",
    /* 21011: 6.84 + 0.43 + 0.06 = 7.33 shown, 7.32 published; exactly
     * 6.8364 + 0.4256 + 0.0622 = 7.3242. */
    "table 2 21011 行政事业单位医疗 · 总计 is 7.32 万元 and the sum of its 3 rows below is 7.33 万元",
    "table 3 总计 · 合计 is 318.10 万元 and the sum of its 4 rows below is 318.09 万元",
    "table 3 21011 行政事业单位医疗 · 合计 is 7.32 万元 and the sum of its 3 rows below is 7.33 万元",
    "table 5 总计 · 合计 is 205.10 万元 and the sum of its 4 rows below is 205.09 万元",
    "table 5 21011 行政事业单位医疗 · 合计 is 7.32 万元 and the sum of its 3 rows below is 7.33 万元",
    /* 表6 301: ten 款 shown summing to 126.00 against 125.98. */
    "table 6 301 工资福利支出 · 合计 is 125.98 万元 and the sum of its 10 rows below is 126.00 万元",
    /* 表6 302: nine 款 shown summing to 18.38 against 18.39. */
    "table 6 302 商品和服务支出 · 合计 is 18.39 万元 and the sum of its 9 rows below is 18.38 万元",
    "table 1 支出总计 · 支出预算数 is 318.10 万元 and the sum of its 类 rows is 318.09 万元",
    "table 4 支出总计 · 支出合计 is 205.10 万元 and the sum of its 类 rows is 205.09 万元",
  };
  guint info = 0;

  round_tables (f);
  findings = audit (f);

  for (guint i = 0; i < findings->len; i++)
    {
      const FiscalFinding *finding = g_ptr_array_index (findings, i);

      if (finding->severity != FISCAL_SEVERITY_INFO)
        continue;
      g_assert_cmpstr (finding->rule, ==, "audit-rounding");
      g_assert_cmpuint (info, <, G_N_ELEMENTS (rows));
      g_assert_true (g_str_has_prefix (finding->message, rows[info]));
      info++;
    }
  g_assert_cmpuint (info, ==, G_N_ELEMENTS (rows));

  /* Nothing else than what the exact tables give. */
  g_assert_cmpuint (fiscal_findings_count (findings, FISCAL_SEVERITY_ERROR), ==, 1);
  g_assert_cmpuint (fiscal_findings_count (findings, FISCAL_SEVERITY_WARNING), ==, 2);
}

/* The narrative Fiscal writes agrees with the tables Fiscal makes: the
 * only findings are the target weights, which the document's own checks
 * report too. */
static void
test_own_narrative (void)
{
  g_autoptr(Fixture) f = own_fixture ();
  g_autoptr(GPtrArray) findings = audit (f);
  g_autoptr(GPtrArray) validation = fiscal_document_validate (f->doc);
  guint weights = 0;

  for (guint i = 0; i < validation->len; i++)
    if (g_str_equal (((FiscalFinding *) g_ptr_array_index (validation, i))->rule, "targets.weights"))
      weights++;
  g_assert_cmpuint (weights, ==, 2);

  g_assert_cmpuint (findings->len, ==, weights);
  for (guint i = 0; i < findings->len; i++)
    g_assert_cmpstr (((FiscalFinding *) g_ptr_array_index (findings, i))->rule, ==, "audit-targets-weights");

  /* The narrative has figures of every kind to check: shares, changes
   * against the prior year, lists of parts. */
  {
    guint shares = 0, changes = 0, lists = 0;

    for (guint l = f->input.narrative_first; l <= f->input.narrative_last; l++)
      {
        const char *line = f->input.lines[l - 1];

        shares += strstr (line, "，占 ") != NULL;
        changes += strstr (line, "比上年预算") != NULL;
        lists += strstr (line, "其中") != NULL;
      }
    g_assert_cmpuint (shares, >=, 8);
    g_assert_cmpuint (changes, >=, 10);
    g_assert_cmpuint (lists, >=, 5);
  }
}

/* Lines of every other source and kind, added to the example and to its
 * prior year with other amounts. */
static void
add_other_sources (FiscalDocument *doc,
                   gint64          scale)
{
  static const struct {
    const char   *function;
    const char   *economic;
    FiscalKind    kind;
    const char   *project;
    FiscalSource  source;
    gint64        amount;
  } lines[] = {
    { "2120803", "31005", FISCAL_KIND_PROJECT, "fund", FISCAL_SOURCE_FUND, 50000000 },
    { "2120803", "30201", FISCAL_KIND_PUBLIC, NULL, FISCAL_SOURCE_FUND_TRANSFER, 1200000 },
    { "2080505", "30108", FISCAL_KIND_PERSONNEL, NULL, FISCAL_SOURCE_CAPITAL, 3000000 },
    { "2010350", "30201", FISCAL_KIND_PUBLIC, NULL, FISCAL_SOURCE_GENERAL_TRANSFER, 1234500 },
    { "2010350", "30217", FISCAL_KIND_PUBLIC, NULL, FISCAL_SOURCE_GENERAL_TRANSFER, 80000 },
    { "2120803", "31002", FISCAL_KIND_PROJECT, "fund", FISCAL_SOURCE_GENERAL_TRANSFER, 2500000 },
    { "2010350", "30299", FISCAL_KIND_PUBLIC, NULL, FISCAL_SOURCE_SPECIAL_ACCOUNT, 2000000 },
    { "2010350", "30201", FISCAL_KIND_PUBLIC, NULL, FISCAL_SOURCE_UNIT_BUSINESS, 700000 },
    { "2010350", "30201", FISCAL_KIND_PUBLIC, NULL, FISCAL_SOURCE_CARRYOVER_GENERAL, 5000000 },
    { "2120803", "30201", FISCAL_KIND_PROJECT, "fund", FISCAL_SOURCE_CARRYOVER_UNIT, 1000000 },
  };
  g_autoptr(FiscalProject) fund = fiscal_project_new ("fund", "城市建设");

  fiscal_document_add_project (doc, fund);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_autofree char *id = g_strdup_printf ("other%u", i);
      g_autoptr(FiscalLine) line = fiscal_line_new_full (id, "main", lines[i].function, lines[i].economic,
                                                         lines[i].kind, lines[i].project, lines[i].source,
                                                         lines[i].amount * scale / 4);

      fiscal_document_add_line (doc, line);
    }
}

/* The narrative Fiscal writes for a budget with every source, against a
 * prior year with other amounts, agrees with Fiscal's tables too. */
static void
test_own_narrative_all_sources (void)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(FiscalDocument) prior = fiscal_test_load_example (2024);
  g_autoptr(FiscalNarrative) narrative = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) findings = NULL;

  add_other_sources (f->doc, 4);
  add_other_sources (prior, 3);
  narrative = fiscal_narrative_new (f->doc, prior);
  text = fiscal_narrative_to_text (narrative);
  f->input.narrative_first = add_text (f, text);
  f->input.narrative_last = f->lines->len - 1;
  add_tables (f);
  finish (f);

  /* Every table has rows now. */
  for (guint n = 1; n <= FISCAL_N_TABLES; n++)
    g_assert_nonnull (f->input.tables[n]);
  g_assert_nonnull (strstr (text, "政府性基金预算拨款安排的支出"));
  g_assert_nonnull (strstr (text, "上年结转结余预算安排的支出"));

  /* The target tables state the funds of the example, which these lines
   * change: they are left out here (test_targets checks them). */
  g_clear_pointer (&f->input.target_tables, g_ptr_array_unref);

  findings = audit (f);
  {
    const Expected expected[] = {
      /* The example's profile states its 机关运行经费 (18.39 万元, the
       * published figure), which the lines added to 公用经费 do not change:
       * the audit points out that it is no longer 表6's 公用经费. */
      { "audit-narrative-figure", FISCAL_SEVERITY_WARNING, line_of (f, "机关运行经费财政拨款预算"),
        "The narrative gives 昌吉回族自治州人民政府驻北京联络处 2025 年的机关运行经费财政拨款预算 as 18.39 万元, "
        "but table 6 总计 · 公用经费 is 19.70 万元" },
    };

    assert_findings (findings, expected, G_N_ELEMENTS (expected));
  }
}

/* Tables */

/* Leaves only the findings of rules starting with @prefix. */
static void
keep (GPtrArray  *findings,
      const char *prefix)
{
  for (guint i = 0; i < findings->len; i++)
    if (!g_str_has_prefix (((FiscalFinding *) g_ptr_array_index (findings, i))->rule, prefix))
      g_ptr_array_remove_index (findings, i--);
}

/* Drops the findings of the narrative and the targets, which the tests of
 * the tables leave as the reference has them. */
static void
tables_only (GPtrArray *findings)
{
  for (guint i = 0; i < findings->len; i++)
    {
      const char *rule = ((FiscalFinding *) g_ptr_array_index (findings, i))->rule;

      if (g_str_has_prefix (rule, "audit-narrative") || g_str_has_prefix (rule, "audit-targets"))
        g_ptr_array_remove_index (findings, i--);
    }
}

static void
test_income_expenditure (void)
{
  g_autoptr(Fixture) f = reference_fixture (NULL, NULL);
  g_autoptr(GPtrArray) findings = NULL;
  guint line = bump (f, 1, "", "收入总计", "支出预算数", WAN);
  const Expected expected[] = {
    /* 表1 itself: expenditure 319.10 against income 318.10 … */
    { "audit-tables", FISCAL_SEVERITY_ERROR, line,
      "table 1 收入总计 · 支出预算数 is 319.10 万元 but table 1 收入总计 · 收入预算数 is 318.10 万元 (a difference of 1.00 万元)" },
    /* … 表3's total no longer equals it … */
    { "audit-tables", FISCAL_SEVERITY_ERROR, find_row (f, 3, "", "总计")->source_line,
      "table 3 总计 · 合计 is 318.10 万元 but table 1 收入总计 · 支出预算数 is 319.10 万元 (a difference of 1.00 万元)" },
    /* … nor does the sum of its 类 rows. */
    { "audit-hierarchy", FISCAL_SEVERITY_ERROR, line,
      "table 1 支出总计 · 支出预算数 is 319.10 万元 but the sum of its 类 rows is 318.10 万元 (a difference of 1.00 万元)" },
  };

  findings = audit (f);
  tables_only (findings);
  assert_findings (findings, expected, G_N_ELEMENTS (expected));

  /* The narrative's “支出预算 318.10 万元” now disagrees with 表1 too. */
  g_ptr_array_unref (findings);
  findings = audit (f);
  keep (findings, "audit-narrative");
  g_assert_cmpuint (findings->len, ==, 2);   /* and the 308.101 misprint */
  {
    g_autofree char *where = g_strdup_printf ("line %u", line_of (f, "年支出预算 318.10 万元"));

    g_assert_cmpstr (((FiscalFinding *) findings->pdata[0])->where, ==, where);
    g_assert_nonnull (strstr (((FiscalFinding *) findings->pdata[0])->message,
                              "as 318.10 万元, but table 1 收入总计 · 支出预算数 is 319.10 万元"));
  }
}

static void
test_row_and_hierarchy (void)
{
  g_autoptr(Fixture) f = reference_fixture (NULL, NULL);
  g_autoptr(GPtrArray) findings = NULL;
  guint line = bump (f, 2, "2010302", NULL, "单位资金", WAN);
  const Expected expected[] = {
    /* 表2 20103's 单位资金 is no longer the sum of its 项 … */
    { "audit-column-sum", FISCAL_SEVERITY_ERROR, line,
      "table 2 2010302 一般行政管理事务 · 总计 is 173.00 万元 but the sum of its 5 columns is 174.00 万元 (a difference of 1.00 万元)" },
    { "audit-hierarchy", FISCAL_SEVERITY_ERROR, find_row (f, 2, "20103", NULL)->source_line,
      "table 2 20103 政府办公厅（室）及相关机构事务 · 单位资金 is 113.00 万元 but the sum of its 2 rows below is 114.00 万元 (a difference of 1.00 万元)" },
  };

  findings = audit (f);
  tables_only (findings);
  assert_findings (findings, expected, G_N_ELEMENTS (expected));
}

static void
test_economic_class (void)
{
  g_autoptr(Fixture) f = reference_fixture (NULL, NULL);
  g_autoptr(GPtrArray) findings = NULL;
  guint line = bump (f, 6, "301", NULL, "合计", WAN);
  const Expected expected[] = {
    /* 表6 301: 合计 against 人员经费 + 公用经费 … */
    { "audit-column-sum", FISCAL_SEVERITY_ERROR, line,
      "table 6 301 工资福利支出 · 合计 is 126.98 万元 but the sum of its 2 columns is 125.98 万元 (a difference of 1.00 万元)" },
    /* … the total against the 类 … */
    { "audit-hierarchy", FISCAL_SEVERITY_ERROR, find_row (f, 6, "", "总计")->source_line,
      "table 6 总计 · 合计 is 145.10 万元 but the sum of its 3 rows below is 146.10 万元 (a difference of 1.00 万元)" },
    /* … and 301 against its 款. */
    { "audit-hierarchy", FISCAL_SEVERITY_ERROR, line,
      "table 6 301 工资福利支出 · 合计 is 126.98 万元 but the sum of its 10 rows below is 125.98 万元 (a difference of 1.00 万元)" },
  };

  findings = audit (f);
  tables_only (findings);
  assert_findings (findings, expected, G_N_ELEMENTS (expected));
}

static void
test_project_table (void)
{
  g_autoptr(Fixture) f = reference_fixture (NULL, NULL);
  g_autoptr(GPtrArray) findings = NULL;
  guint line = bump (f, 7, "", "总计", "项目支出合计", WAN);
  const Expected expected[] = {
    { "audit-tables", FISCAL_SEVERITY_ERROR, line,
      "table 7 总计 · 项目支出合计 is 61.00 万元 but table 5 总计 · 项目支出 is 60.00 万元 (a difference of 1.00 万元)" },
    { "audit-column-sum", FISCAL_SEVERITY_ERROR, line,
      "table 7 总计 · 项目支出合计 is 61.00 万元 but the sum of its 10 columns is 60.00 万元 (a difference of 1.00 万元)" },
    /* The total against the units under it. */
    { "audit-hierarchy", FISCAL_SEVERITY_ERROR, line,
      "table 7 总计 · 项目支出合计 is 61.00 万元 but its 1 row below is 60.00 万元 (a difference of 1.00 万元)" },
  };

  findings = audit (f);
  tables_only (findings);
  assert_findings (findings, expected, G_N_ELEMENTS (expected));
}

static void
test_sangong (void)
{
  g_autoptr(Fixture) f = reference_fixture (NULL, NULL);
  g_autoptr(GPtrArray) findings = NULL;
  guint line = bump (f, 10, "", "公务用车购置及运行费（小计）", "合计", WAN);
  const Expected expected[] = {
    /* 合计 = 因公出国 + 公务接待 + 公务用车 no longer holds … */
    { "audit-tables", FISCAL_SEVERITY_ERROR, find_row (f, 10, "", "合计")->source_line,
      "table 10 合计 · 合计 is 4.96 万元 but table 10 因公出国（境）费 · 合计 + table 10 公务接待费 · 合计 + "
      "table 10 公务用车购置及运行费（小计） · 合计 is 5.96 万元 (a difference of 1.00 万元)" },
    /* … nor 公务用车 = 购置 + 运行 … */
    { "audit-tables", FISCAL_SEVERITY_ERROR, line,
      "table 10 公务用车购置及运行费（小计） · 合计 is 5.80 万元 but table 10 其中：公务用车购置费 · 合计 + "
      "table 10 公务用车运行费 · 合计 is 4.80 万元 (a difference of 1.00 万元)" },
    /* … nor 合计 = the sum of the sources in that row. */
    { "audit-column-sum", FISCAL_SEVERITY_ERROR, line,
      "table 10 公务用车购置及运行费（小计） · 合计 is 5.80 万元 but the sum of its 3 columns is 4.80 万元 (a difference of 1.00 万元)" },
  };

  findings = audit (f);
  tables_only (findings);
  assert_findings (findings, expected, G_N_ELEMENTS (expected));
}

/* 表8 is published as its empty-table sentence, but 表4 gives the
 * government funds an amount. */
static void
test_declared_empty (void)
{
  g_autoptr(Fixture) f = reference_fixture (NULL, NULL);
  g_autoptr(GPtrArray) findings = NULL;
  FiscalTable *t4 = f->input.tables[4];
  FiscalTableRow *row = row_at (t4, 0);   /* 201 一般公共服务支出 on the right */
  const Expected expected[] = {
    { "audit-hierarchy", FISCAL_SEVERITY_ERROR, find_row (f, 4, "", "收入总计")->source_line,
      "table 4 支出总计 · 支出合计 is 205.10 万元 but the sum of its 类 rows is 206.10 万元 (a difference of 1.00 万元)" },
    { "audit-hierarchy", FISCAL_SEVERITY_ERROR, find_row (f, 4, "", "收入总计")->source_line,
      "table 4 支出总计 · 政府性基金预算 is 0.00 万元 but the sum of its 类 rows is 1.00 万元 (a difference of 1.00 万元)" },
    { "audit-empty-table", FISCAL_SEVERITY_ERROR, row->source_line,
      "Table 8 is declared empty, but table 4 201 一般公共服务支出 · 政府性基金预算 is 1.00 万元 and table 8 201 · 合计 is 0.00 万元" },
  };

  g_assert_true (f->input.declared_empty[8]);
  row->cells[cell_of (f, 4, "政府性基金预算")].amount += WAN;
  row->cells[cell_of (f, 4, "支出合计")].amount += WAN;

  findings = audit (f);
  tables_only (findings);
  assert_findings (findings, expected, G_N_ELEMENTS (expected));
}

/* 表5 is the general-budget part of 表3: its 基本支出 may not exceed
 * 表3's. Moving 1.00 万元 of 2010302 from 项目支出 to 基本支出 in 表5 keeps
 * its row adding up, but not its 款, 表3 or 表7. */
static void
test_general_within_all (void)
{
  g_autoptr(Fixture) f = reference_fixture (NULL, NULL);
  g_autoptr(GPtrArray) findings = NULL;
  guint line = bump (f, 5, "2010302", NULL, "项目支出", -WAN);
  guint kuan = find_row (f, 5, "20103", NULL)->source_line;
  const Expected expected[] = {
    { "audit-hierarchy", FISCAL_SEVERITY_ERROR, kuan,
      "table 5 20103 政府办公厅（室）及相关机构事务 · 基本支出 is 105.87 万元 but the sum of its 2 rows below is 106.87 万元 (a difference of 1.00 万元)" },
    { "audit-hierarchy", FISCAL_SEVERITY_ERROR, kuan,
      "table 5 20103 政府办公厅（室）及相关机构事务 · 项目支出 is 60.00 万元 but the sum of its 2 rows below is 59.00 万元 (a difference of 1.00 万元)" },
    { "audit-by-function", FISCAL_SEVERITY_ERROR, line,
      "table 5 2010302 一般行政管理事务 · 基本支出 is 1.00 万元, more than table 3 2010302 · 基本支出 0.00 万元, of which it is a part" },
    /* 表7's project row, found by its code, in its own line. */
    { "audit-by-function", FISCAL_SEVERITY_ERROR, find_row (f, 7, "2010302", NULL)->source_line,
      "table 7 2010302 一般行政管理事务 · 项目支出合计 is 60.00 万元 but table 5 2010302 · 项目支出 is 59.00 万元 (a difference of 1.00 万元)" },
  };

  bump (f, 5, "2010302", NULL, "基本支出", WAN);
  findings = audit (f);
  tables_only (findings);
  assert_findings (findings, expected, G_N_ELEMENTS (expected));
}

static void
test_carryover_declared_empty (void)
{
  g_autoptr(Fixture) f = reference_fixture (NULL, NULL);
  g_autoptr(GPtrArray) findings = NULL;
  guint line = bump (f, 1, "", "二、上年结转结余", "收入预算数", WAN);
  const Expected expected[] = {
    { "audit-tables", FISCAL_SEVERITY_ERROR, find_row (f, 1, "", "收入总计")->source_line,
      "table 1 收入总计 · 收入预算数 is 318.10 万元 but table 1 一、本年收入 · 收入预算数 + table 1 二、上年结转结余 · 收入预算数 is 319.10 万元 (a difference of 1.00 万元)" },
    { "audit-tables", FISCAL_SEVERITY_ERROR, line,
      "table 1 二、上年结转结余 · 收入预算数 is 1.00 万元 but table 1 1. 财政拨款结转 · 收入预算数 + table 1 2. 非财政拨款结转结余 · 收入预算数 is 0.00 万元 (a difference of 1.00 万元)" },
    { "audit-empty-table", FISCAL_SEVERITY_ERROR, line,
      "Table 11 is declared empty, but table 11 合计 · 合计 is 0.00 万元 and table 1 二、上年结转结余 · 收入预算数 is 1.00 万元" },
  };

  g_assert_true (f->input.declared_empty[11]);
  findings = audit (f);
  tables_only (findings);
  assert_findings (findings, expected, G_N_ELEMENTS (expected));
}

static void
test_missing_table (void)
{
  g_autoptr(Fixture) f = reference_fixture (NULL, NULL);
  g_autoptr(GPtrArray) findings = NULL;
  const Expected expected[] = {
    { "audit-missing-table", FISCAL_SEVERITY_WARNING, 0, NULL },
  };

  g_clear_object (&f->input.tables[6]);
  findings = audit (f);
  tables_only (findings);
  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_cmpstr (((FiscalFinding *) findings->pdata[0])->rule, ==, expected[0].rule);
  g_assert_cmpstr (((FiscalFinding *) findings->pdata[0])->where, ==, "");
  g_assert_cmpstr (((FiscalFinding *) findings->pdata[0])->message, ==,
                   "Table 6 一般公共预算基本支出情况表 is neither published nor declared empty");
}

/* Narrative: each test edits the published text once. */

static GPtrArray *
narrative_findings (Fixture *f)
{
  GPtrArray *findings = audit (f);
  guint misprints = 0;

  keep (findings, "audit-narrative");
  /* The misprint the reference has is found whatever the edit. */
  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (((FiscalFinding *) g_ptr_array_index (findings, i))->message,
                     "The narrative gives 涉及预算金额 as 308.101 万元, but table 1 收入总计 · 收入预算数 is 318.10 万元"))
      {
        g_ptr_array_remove_index (findings, i--);
        misprints++;
      }
  g_assert_cmpuint (misprints, ==, 1);
  return findings;
}

static void
test_narrative_figure (void)
{
  g_autoptr(Fixture) f = reference_fixture ("一般公共预算 205.10 万元，占 64.48%", "一般公共预算 215.10 万元，占 64.48%");
  g_autoptr(GPtrArray) findings = narrative_findings (f);
  guint line = line_of (f, "一般公共预算 215.10 万元");
  const Expected expected[] = {
    /* 215.10 is not 表1's 一般公共预算 income (its 一般财力: the transfers
     * from above have a sentence of their own) … */
    { "audit-narrative-figure", FISCAL_SEVERITY_ERROR, line,
      "The narrative gives 一般公共预算 as 215.10 万元, but table 1 其中：一般财力 · 收入预算数 is 205.10 万元" },
    /* … nor 64.48% of 318.10 … */
    { "audit-narrative-share", FISCAL_SEVERITY_ERROR, line,
      "The narrative says 215.10 万元 is 64.48% of 318.10 万元, but it is 67.62%" },
    /* … and 27.21 on last year's 242.31 is 11.23%, not 11.71% … */
    { "audit-narrative-change", FISCAL_SEVERITY_ERROR, line,
      "The narrative says 下降 11.71%, but a change of 27.21 万元 on last year’s 242.31 万元 is 11.23%" },
    /* … and 215.10 + 113.00 is not the 318.10 they break down. */
    { "audit-narrative-parts", FISCAL_SEVERITY_ERROR, line,
      "The narrative gives 318.10 万元 and then 2 parts of it that add up to 328.10 万元" },
  };

  assert_findings (findings, expected, G_N_ELEMENTS (expected));
}

static void
test_narrative_share (void)
{
  g_autoptr(Fixture) f = reference_fixture ("占 45.61%", "占 47.61%");
  g_autoptr(GPtrArray) findings = narrative_findings (f);
  const Expected expected[] = {
    { "audit-narrative-share", FISCAL_SEVERITY_ERROR, line_of (f, "占 47.61%"),
      "The narrative says 145.10 万元 is 47.61% of 318.10 万元, but it is 45.61%" },
  };

  assert_findings (findings, expected, G_N_ELEMENTS (expected));
}

static void
test_narrative_change (void)
{
  g_autoptr(Fixture) f = reference_fixture ("减少 9.00 万元，下降 4.95%", "减少 9.00 万元，下降 5.95%");
  g_autoptr(GPtrArray) findings = narrative_findings (f);
  const Expected expected[] = {
    /* 173.00 now, 9.00 less than 182.00: 4.95%. */
    { "audit-narrative-change", FISCAL_SEVERITY_ERROR, line_of (f, "下降 5.95%"),
      "The narrative says 下降 5.95%, but a change of 9.00 万元 on last year’s 182.00 万元 is 4.95%" },
  };

  assert_findings (findings, expected, G_N_ELEMENTS (expected));
}

static void
test_narrative_direction (void)
{
  g_autoptr(Fixture) f = reference_fixture ("减少 9.00 万元，下降 4.95%", "减少 9.00 万元，增长 4.95%");
  g_autoptr(GPtrArray) findings = narrative_findings (f);
  const Expected expected[] = {
    { "audit-narrative-direction", FISCAL_SEVERITY_ERROR, line_of (f, "增长 4.95%"),
      "The narrative says 减少 9.00 万元 but 增长 4.95%: the two words disagree" },
  };

  assert_findings (findings, expected, G_N_ELEMENTS (expected));
}

/* “上年预算 a 万元 … 本年 b 万元”: the change is worked out from both. */
static void
test_narrative_prior (void)
{
  g_autoptr(Fixture) f = reference_fixture ("运行经费财政拨款预算 18.39 万元，比上年预算减少 1.05 万元，下降 5.40%",
                                            "运行经费财政拨款预算 18.39 万元，上年预算 19.44 万元，比上年预算增加 1.15 万元，增长 5.40%");
  g_autoptr(GPtrArray) findings = narrative_findings (f);
  guint line = line_of (f, "上年预算 19.44 万元");
  const Expected expected[] = {
    /* From 19.44 to 18.39 is a fall, whatever the words say. */
    { "audit-narrative-direction", FISCAL_SEVERITY_ERROR, line,
      "The narrative says 增长 from 19.44 万元 to 18.39 万元, which is a change of −1.05 万元" },
  };

  assert_findings (findings, expected, G_N_ELEMENTS (expected));
}

/* A narrative figure may be 0.05 万元 from the table's: 105.90 for 表5's
 * 105.87 is no finding (and 10.88 on 116.78 still rounds to 9.32%), 105.93
 * is. */
static void
test_narrative_tolerance (void)
{
  {
    g_autoptr(Fixture) f = reference_fixture ("预算数为 105.87 万元", "预算数为 105.90 万元");
    g_autoptr(GPtrArray) findings = narrative_findings (f);

    assert_findings (findings, NULL, 0);
  }
  {
    g_autoptr(Fixture) f = reference_fixture ("预算数为 105.87 万元", "预算数为 105.93 万元");
    g_autoptr(GPtrArray) findings = narrative_findings (f);
    const Expected expected[] = {
      { "audit-narrative-figure", FISCAL_SEVERITY_ERROR, line_of (f, "105.93"),
        "The narrative gives 2025 年预算数为 as 105.93 万元, but table 5 事业运行 · 合计 is 105.87 万元" },
    };

    assert_findings (findings, expected, G_N_ELEMENTS (expected));
  }
}

/* A reader that keeps no “其中：” before 表1's sub-items, or that did not
 * find a row at all: the first reads the same, the second is no finding. */
static void
test_row_names (void)
{
  g_autoptr(Fixture) f = reference_fixture (NULL, NULL);
  g_autoptr(GPtrArray) findings = NULL;
  FiscalTable *t1 = f->input.tables[1];

  for (guint r = 0; r < fiscal_table_get_n_rows (t1); r++)
    {
      FiscalTableRow *row = row_at (t1, r);

      if (g_str_has_prefix (row->name, "其中："))
        memmove (row->name, row->name + strlen ("其中："), strlen (row->name) - strlen ("其中：") + 1);
      if (g_str_equal (row->name, "5. 单位资金"))
        row->name[0] = 'X';
    }

  /* Found without its “其中：”: the relations it is in still hold … */
  {
    g_autoptr(GPtrArray) clean = audit (f);

    tables_only (clean);
    assert_findings (clean, NULL, 0);
  }

  /* … and fail when it is changed; those with 5. 单位资金 are not looked
   * at. */
  {
    guint line = bump (f, 1, "", "一般财力", "收入预算数", WAN);
    const Expected expected[] = {
      { "audit-tables", FISCAL_SEVERITY_ERROR, find_row (f, 1, "", "1. 一般公共预算拨款")->source_line,
        "table 1 1. 一般公共预算拨款 · 收入预算数 is 205.10 万元 but table 1 其中：一般财力 · 收入预算数 + "
        "table 1 上级一般公共预算安排转移支付 · 收入预算数 is 206.10 万元 (a difference of 1.00 万元)" },
      { "audit-tables", FISCAL_SEVERITY_ERROR, find_row (f, 2, "", "总计")->source_line,
        "table 2 总计 · 一般公共预算 is 205.10 万元 but table 1 其中：一般财力 · 收入预算数 is 206.10 万元 (a difference of 1.00 万元)" },
    };

    g_assert_cmpuint (line, >, 0);
    findings = audit (f);
    tables_only (findings);
    assert_findings (findings, expected, G_N_ELEMENTS (expected));
  }
}

/* The same, with a change that is not the difference of the two. */
static void
test_narrative_prior_change (void)
{
  g_autoptr(Fixture) f = reference_fixture ("运行经费财政拨款预算 18.39 万元，比上年预算减少 1.05 万元，下降 5.40%",
                                            "运行经费财政拨款预算 18.39 万元，上年预算 19.44 万元，比上年预算减少 1.50 万元，下降 5.40%");
  g_autoptr(GPtrArray) findings = narrative_findings (f);
  guint line = line_of (f, "上年预算 19.44 万元");
  const Expected expected[] = {
    { "audit-narrative-change", FISCAL_SEVERITY_ERROR, line,
      "The narrative gives a change of 1.50 万元 from 19.44 万元 to 18.39 万元, which is 1.05 万元" },
    /* The percentage is worked out from the two figures, and 5.40% is
     * right for them. */
  };

  assert_findings (findings, expected, G_N_ELEMENTS (expected));
}

/* A change whose figure the sentence names but does not give: the 三公
 * items of the second paragraph of 十 are 表10's. */
static void
test_narrative_named_change (void)
{
  g_autoptr(Fixture) f = reference_fixture ("公务接待费增加 0.00 万元，增长 0.00%", "公务接待费增加 0.04 万元，增长 10.00%");
  g_autoptr(GPtrArray) findings = narrative_findings (f);
  const Expected expected[] = {
    /* 表10 公务接待费 is 0.16 万元: 0.04 more than 0.12 is 33.33%. */
    { "audit-narrative-change", FISCAL_SEVERITY_ERROR, line_of (f, "公务接待费增加 0.04 万元"),
      "The narrative says 增长 10.00%, but a change of 0.04 万元 on last year’s 0.12 万元 is 33.33%" },
  };

  assert_findings (findings, expected, G_N_ELEMENTS (expected));
}

static void
test_narrative_level (void)
{
  g_autoptr(Fixture) f = reference_fixture ("比上年预算增加0.00万元，增长0.00%，主要原因是本年度其他行政事业单位医疗缴费基数和上年持平",
                                            "比上年预算增加0.02万元，增长0.00%，主要原因是本年度其他行政事业单位医疗缴费基数和上年持平");
  g_autoptr(GPtrArray) findings = narrative_findings (f);
  guint line = line_of (f, "增加0.02万元");
  const Expected expected[] = {
    /* 0.02 on 0.04 is 50%, not 0.00% … */
    { "audit-narrative-change", FISCAL_SEVERITY_ERROR, line,
      "The narrative says 增长 0.00%, but a change of 0.02 万元 on last year’s 0.04 万元 is 50.00%" },
    /* … and not 持平. */
    { "audit-narrative-direction", FISCAL_SEVERITY_ERROR, line,
      "The narrative says 持平 beside a change of 0.02 万元" },
  };

  assert_findings (findings, expected, G_N_ELEMENTS (expected));
}

static void
test_narrative_parts (void)
{
  g_autoptr(Fixture) f = reference_fixture ("公务用车运行费 4.80 万元，公务接待费", "公务用车运行费 4.90 万元，公务接待费");
  g_autoptr(GPtrArray) findings = narrative_findings (f);
  guint line = line_of (f, "公务用车运行费 4.90 万元");
  const Expected expected[] = {
    { "audit-narrative-parts", FISCAL_SEVERITY_ERROR, line,
      "The narrative gives 4.96 万元 and then 4 parts of it that add up to 5.06 万元" },
    { "audit-narrative-figure", FISCAL_SEVERITY_ERROR, line,
      "The narrative gives 公务用车运行费 as 4.90 万元, but table 10 公务用车运行费 · 合计 is 4.80 万元" },
  };

  assert_findings (findings, expected, G_N_ELEMENTS (expected));
}

static void
test_narrative_item (void)
{
  g_autoptr(Fixture) f = reference_fixture ("住房公积金（项）：2025年预算数为11.09万元", "住房公积金（项）：2025年预算数为11.90万元");
  g_autoptr(GPtrArray) findings = narrative_findings (f);
  const Expected expected[] = {
    /* The 项 is found by its 类, 款 and 项 names; 1.18 on 13.08 is 9.02%,
     * not the 9.62% printed for 11.09. */
    { "audit-narrative-figure", FISCAL_SEVERITY_ERROR, line_of (f, "11.90万元"),
      "The narrative gives 2025年预算数为 as 11.90 万元, but table 5 住房公积金 · 合计 is 11.09 万元" },
    { "audit-narrative-change", FISCAL_SEVERITY_ERROR, line_of (f, "11.90万元"),
      "The narrative says 下降 9.62%, but a change of 1.18 万元 on last year’s 13.08 万元 is 9.02%" },
  };

  assert_findings (findings, expected, G_N_ELEMENTS (expected));
}

static void
test_narrative_unmatched (void)
{
  g_autoptr(Fixture) f = reference_fixture ("本部门无其他需说明事项。", "本部门另安排专项经费 12.34 万元。");
  g_autoptr(GPtrArray) findings = narrative_findings (f);
  const Expected expected[] = {
    { "audit-narrative-unmatched", FISCAL_SEVERITY_WARNING, line_of (f, "12.34 万元"),
      "The narrative’s 12.34 万元 matches no figure of the tables; the nearest are "
      "table 1 221 住房保障支出 · 支出预算数 11.09 万元; table 2 2080505 机关事业单位基本养老保险缴费支出 · 总计 13.67 万元" },
  };

  assert_findings (findings, expected, G_N_ELEMENTS (expected));
}

static void
test_narrative_allocation (void)
{
  /* Allocations in whole 万元 may each be rounded by 0.5 万元: 20 → 25 is
   * more than the four of them can explain. */
  g_autoptr(Fixture) f = reference_fixture ("设施维修改造 20 万元", "设施维修改造 25 万元");
  g_autoptr(GPtrArray) findings = narrative_findings (f);
  const Expected expected[] = {
    { "audit-narrative-parts", FISCAL_SEVERITY_ERROR, line_of (f, "设施维修改造 25 万元"),
      "The allocations of project 机构运行补助经费 add up to 65.00 万元, but its 预算安排规模 is 60.00 万元" },
  };

  assert_findings (findings, expected, G_N_ELEMENTS (expected));
}

/* “…未安排” and “没有…为空表” against tables that have an amount there. */
static void
test_narrative_absent (void)
{
  g_autoptr(Fixture) f = reference_fixture (NULL, NULL);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(FiscalLine) fund = fiscal_line_new_full ("fund", "main", "2120803", "31005", FISCAL_KIND_PROJECT,
                                                     "p1", FISCAL_SOURCE_FUND, 1500000);
  g_autoptr(FiscalDocument) doc = fiscal_test_load_example (2025);

  /* 表1 with a transfer of government funds from above … */
  bump (f, 1, "", "上级政府性基金安排转移支付", "收入预算数", WAN);
  /* … and a 表8 with 1.50 万元 where the text has its empty sentence. */
  fiscal_document_add_line (doc, fund);
  f->input.tables[8] = fiscal_pivot_table (doc, 8);
  f->input.declared_empty[8] = FALSE;
  for (guint r = 0; r < fiscal_table_get_n_rows (f->input.tables[8]); r++)
    row_at (f->input.tables[8], r)->source_line = line_of (f, "年没有使用政府性基金预算拨款安排的支出");

  {
    g_autoptr(GPtrArray) narrative = NULL;
    const Expected expected[] = {
      { "audit-narrative-absent", FISCAL_SEVERITY_ERROR, line_of (f, "上级政府性基金安排的转移支付资金未安排"),
        "The narrative says “上级政府性基金安排的转移支付资金” has nothing, but table 1 上级政府性基金安排转移支付 · 收入预算数 is 1.00 万元" },
      { "audit-narrative-absent", FISCAL_SEVERITY_ERROR,
        line_after (f, f->input.narrative_first, "年没有使用政府性基金预算拨款安排的支出"),
        "The narrative says “昌吉回族自治州人民政府驻北京联络处 2025 年没有使用政府性基金预算拨款安排的支出” has nothing, "
        "but table 8 总计 · 合计 is 1.50 万元" },
    };

    narrative = narrative_findings (f);
    assert_findings (narrative, expected, G_N_ELEMENTS (expected));
  }
}

/* Targets */

static void
test_targets (void)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(FiscalProject) project = g_list_model_get_item (fiscal_document_get_projects (f->doc), 0);
  FiscalTargets *targets = fiscal_project_get_targets (project);
  FiscalTargets *department = fiscal_document_get_targets (f->doc);

  fiscal_targets_set_fund (targets, FISCAL_FUND_FISCAL, fiscal_targets_get_fund (targets, FISCAL_FUND_FISCAL) + WAN);
  fiscal_targets_set_fund (department, FISCAL_FUND_LOCAL, fiscal_targets_get_fund (department, FISCAL_FUND_LOCAL) - 2 * WAN);
  add_tables (f);
  finish (f);

  {
    guint dept = fiscal_table_get_source_line (g_ptr_array_index (f->input.target_tables, 0));
    guint proj = fiscal_table_get_source_line (g_ptr_array_index (f->input.target_tables, 1));
    const Expected expected[] = {
      { "audit-targets-weights", FISCAL_SEVERITY_WARNING, dept,
        "The weights of 部门整体绩效目标表 add up to 305, not 100" },
      { "audit-targets-funds", FISCAL_SEVERITY_ERROR, dept,
        "部门整体绩效目标表’s 本级安排 + 上级安排 + 其他资金 is 316.10 万元 but table 1 收入总计 · 收入预算数 is 318.10 万元 (a difference of 2.00 万元)" },
      { "audit-targets-funds", FISCAL_SEVERITY_ERROR, dept,
        "部门整体绩效目标表’s 本级安排 + 上级安排 is 203.10 万元 but table 4 收入总计 · 财政拨款收入合计 is 205.10 万元 (a difference of 2.00 万元)" },
      { "audit-targets-weights", FISCAL_SEVERITY_WARNING, proj,
        "The weights of 项目支出绩效目标表（机构运行补助经费） add up to 90, not 100" },
      { "audit-targets-funds", FISCAL_SEVERITY_ERROR, proj,
        "项目支出绩效目标表（机构运行补助经费）’s 年度预算总额 is 173.00 万元 but its 财政拨款 + 其他资金 is 174.00 万元 (a difference of 1.00 万元)" },
      { "audit-targets-funds", FISCAL_SEVERITY_ERROR, proj,
        "项目支出绩效目标表（机构运行补助经费）’s 财政拨款 is 61.00 万元 but table 7 project 机构运行补助经费 · 项目支出合计 is 60.00 万元 (a difference of 1.00 万元)" },
    };

    findings = audit (f);
    assert_findings (findings, expected, G_N_ELEMENTS (expected));
  }
}

static void
test_nothing (void)
{
  FiscalAuditInput input = { 0 };
  g_autoptr(GPtrArray) findings = fiscal_audit_disclosure (&input);
  g_autofree char *text = fiscal_audit_to_text (findings);

  g_assert_cmpuint (findings->len, ==, 0);
  g_assert_cmpstr (text, ==, "The disclosure agrees with itself.\n");
}

/* With FISCAL_AUDIT_BENCH=file.fiscal.json: the time to pivot that budget
 * and audit its tables against the narrative Fiscal writes for it. */
static void
test_bench (void)
{
  const char *path = g_getenv ("FISCAL_AUDIT_BENCH");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FiscalDocument) doc = NULL;
  g_autoptr(FiscalNarrative) narrative = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *text = NULL;
  g_autoptr(Fixture) f = NULL;
  gint64 t0, t1, t2;

  if (path == NULL)
    {
      g_test_skip ("set FISCAL_AUDIT_BENCH to a budget to time the audit");
      return;
    }

  file = g_file_new_for_path (path);
  doc = fiscal_document_load (file, NULL, &error);
  g_assert_no_error (error);

  f = g_new0 (Fixture, 1);
  f->lines = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (f->lines, NULL);
  f->doc = g_object_ref (doc);
  narrative = fiscal_narrative_new (doc, NULL);
  text = fiscal_narrative_to_text (narrative);
  f->input.narrative_first = add_text (f, text);
  f->input.narrative_last = f->lines->len - 1;

  t0 = g_get_monotonic_time ();
  add_tables (f);
  finish (f);
  t1 = g_get_monotonic_time ();
  findings = fiscal_audit_disclosure (&f->input);
  t2 = g_get_monotonic_time ();

  g_printerr ("# pivot and lay out: %.1f ms; audit: %.1f ms; %u lines of text; %u findings\n",
              (t1 - t0) / 1000.0, (t2 - t1) / 1000.0, f->input.n_lines, findings->len);

  /* The reference, for scale: the mean of 100 audits. */
  {
    g_autoptr(Fixture) r = reference_fixture (NULL, NULL);

    t0 = g_get_monotonic_time ();
    for (guint i = 0; i < 100; i++)
      g_ptr_array_unref (fiscal_audit_disclosure (&r->input));
    t1 = g_get_monotonic_time ();
    g_printerr ("# reference: %.3f ms an audit\n", (t1 - t0) / 100000.0);
  }
  if (findings->len > 0)
    {
      g_autofree char *list = fiscal_audit_to_text (findings);
      fputs (list, stderr);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/audit/reference", test_reference);
  g_test_add_func ("/audit/reference/rounded", test_reference_rounded);
  g_test_add_func ("/audit/own-narrative", test_own_narrative);
  g_test_add_func ("/audit/own-narrative/all-sources", test_own_narrative_all_sources);
  g_test_add_func ("/audit/tables/income-expenditure", test_income_expenditure);
  g_test_add_func ("/audit/tables/row-and-hierarchy", test_row_and_hierarchy);
  g_test_add_func ("/audit/tables/economic-class", test_economic_class);
  g_test_add_func ("/audit/tables/project-table", test_project_table);
  g_test_add_func ("/audit/tables/sangong", test_sangong);
  g_test_add_func ("/audit/tables/declared-empty", test_declared_empty);
  g_test_add_func ("/audit/tables/general-within-all", test_general_within_all);
  g_test_add_func ("/audit/tables/carryover-declared-empty", test_carryover_declared_empty);
  g_test_add_func ("/audit/tables/missing", test_missing_table);
  g_test_add_func ("/audit/narrative/figure", test_narrative_figure);
  g_test_add_func ("/audit/narrative/share", test_narrative_share);
  g_test_add_func ("/audit/narrative/change", test_narrative_change);
  g_test_add_func ("/audit/narrative/direction", test_narrative_direction);
  g_test_add_func ("/audit/narrative/prior-year", test_narrative_prior);
  g_test_add_func ("/audit/narrative/tolerance", test_narrative_tolerance);
  g_test_add_func ("/audit/tables/row-names", test_row_names);
  g_test_add_func ("/audit/narrative/prior-year-change", test_narrative_prior_change);
  g_test_add_func ("/audit/narrative/named-change", test_narrative_named_change);
  g_test_add_func ("/audit/narrative/level", test_narrative_level);
  g_test_add_func ("/audit/narrative/parts", test_narrative_parts);
  g_test_add_func ("/audit/narrative/item", test_narrative_item);
  g_test_add_func ("/audit/narrative/unmatched", test_narrative_unmatched);
  g_test_add_func ("/audit/narrative/allocation", test_narrative_allocation);
  g_test_add_func ("/audit/narrative/absent", test_narrative_absent);
  g_test_add_func ("/audit/targets", test_targets);
  g_test_add_func ("/audit/nothing", test_nothing);
  g_test_add_func ("/audit/bench", test_bench);

  return g_test_run ();
}
