/* test-pivot.c
 *
 * The eleven tables made from the example budget are compared cell by cell
 * with the published 2025 disclosure (tests/data/changji-liaison-2025-
 * published.tsv holds its table rows as printed). Synthetic budgets check
 * the parts the example leaves empty, and random budgets check that the
 * tables agree with each other.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fiscal-test-util.h"

#define DEPARTMENT "昌吉回族自治州人民政府驻北京联络处"

#define load_example fiscal_test_load_example

static void
assert_row (FiscalTable  *table,
            guint         index,
            char        **fields)
{
  const FiscalTableRow *row;
  guint n_fields = g_strv_length (fields);

  if (index >= fiscal_table_get_n_rows (table))
    g_error ("表%u has only %u rows; the published table has a row %u (%s %s)",
             fiscal_table_get_number (table), fiscal_table_get_n_rows (table), index + 1,
             fields[1], fields[2]);

  row = fiscal_table_get_row (table, index);
  if (g_strcmp0 (row->code, fields[1]) != 0 || g_strcmp0 (row->name, fields[2]) != 0 ||
      g_strcmp0 (row->project ? row->project : "", fields[3]) != 0)
    g_error ("表%u row %u is “%s %s %s”, published “%s %s %s”", fiscal_table_get_number (table),
             index + 1, row->code, row->name, row->project ? row->project : "",
             fields[1], fields[2], fields[3]);

  g_assert_cmpuint (row->n_cells, ==, n_fields - 4);
  for (guint c = 0; c < row->n_cells; c++)
    {
      g_autofree char *shown = fiscal_table_format_cell (table, &row->cells[c]);

      if (!g_str_equal (shown, fields[4 + c]))
        g_error ("表%u row “%s %s” cell %u is “%s”, published “%s”",
                 fiscal_table_get_number (table), row->code, row->name, c + 1, shown, fields[4 + c]);
    }
}

static void
test_reference_tables (void)
{
  g_autoptr(FiscalDocument) doc = load_example (2025);
  g_autoptr(GPtrArray) tables = fiscal_pivot_all (doc);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "changji-liaison-2025-published.tsv", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint next_row[FISCAL_N_TABLES + 1] = { 0 };
  guint n_cells = 0;

  g_assert_cmpuint (tables->len, ==, FISCAL_N_TABLES);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) fields = NULL;
      guint number;

      if (lines[i][0] == '#' || lines[i][0] == 0)
        continue;

      fields = g_strsplit (lines[i], "\t", -1);
      number = atoi (fields[0]);
      g_assert_cmpuint (number, >=, 1);
      g_assert_cmpuint (number, <=, FISCAL_N_TABLES);

      assert_row (g_ptr_array_index (tables, number - 1), next_row[number]++, fields);
      n_cells += g_strv_length (fields) - 4;
    }

  /* Every published row was matched, and nothing was added. */
  for (guint t = 1; t <= FISCAL_N_TABLES; t++)
    {
      FiscalTable *table = g_ptr_array_index (tables, t - 1);

      g_assert_cmpuint (fiscal_table_get_number (table), ==, t);
      g_assert_cmpstr (fiscal_table_get_title (table), ==, fiscal_pivot_table_title (t));
      g_assert_cmpstr (fiscal_table_get_department (table), ==, DEPARTMENT);
      g_assert_cmpuint (fiscal_table_get_n_rows (table), ==, next_row[t]);
    }

  g_assert_cmpuint (n_cells, >, 500);
  g_test_message ("%u published cells reproduced", n_cells);
}

/* 表 8, 9, 11 are empty in the example and say so as published. */
static void
test_reference_empty_tables (void)
{
  g_autoptr(FiscalDocument) doc = load_example (2025);
  static const struct { guint number; const char *note; } cases[] = {
    { 8,  DEPARTMENT " 2025 年没有使用政府性基金预算拨款安排的支出，政府性基金预算支出情况表为空表。" },
    { 9,  DEPARTMENT " 2025 年没有使用国有资本经营预算拨款安排的支出，国有资本经营预算支出情况表为空表。" },
    { 11, DEPARTMENT " 2025 年没有上年结转结余预算安排的支出，上年结转结余情况明细表为空表。" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(FiscalTable) table = fiscal_pivot_table (doc, cases[i].number);

      g_assert_cmpuint (fiscal_table_get_n_rows (table), ==, 0);
      g_assert_cmpstr (fiscal_table_get_note (table), ==, cases[i].note);
      g_assert_cmpuint (fiscal_table_get_n_header_rows (table), >=, 3);
    }

  for (guint t = 1; t <= 7; t++)
    {
      g_autoptr(FiscalTable) table = fiscal_pivot_table (doc, t);
      g_assert_null (fiscal_table_get_note (table));
    }
}

/* The published header layout of 表 2: grouped cells and the numbering. */
static void
test_reference_header (void)
{
  g_autoptr(FiscalDocument) doc = load_example (2025);
  g_autoptr(FiscalTable) table = fiscal_pivot_table (doc, 2);
  gboolean found_group = FALSE;
  guint numbers = 0;

  g_assert_cmpuint (fiscal_table_get_n_columns (table), ==, 16);
  g_assert_cmpuint (fiscal_table_get_n_cells (table), ==, 12);
  g_assert_cmpuint (fiscal_table_get_n_header_rows (table), ==, 3);

  for (guint i = 0; i < fiscal_table_get_n_header_cells (table); i++)
    {
      const FiscalTableHeaderCell *cell = fiscal_table_get_header_cell (table, i);

      if (g_str_equal (cell->text, "财政拨款（补助）"))
        {
          found_group = TRUE;
          g_assert_cmpuint (cell->column, ==, 5);
          g_assert_cmpuint (cell->column_span, ==, 7);
        }
      if (cell->row == 2 && g_ascii_isdigit (cell->text[0]))
        numbers++;
    }

  g_assert_true (found_group);
  g_assert_cmpuint (numbers, ==, 12);
}


/* Where a published figure differs from the sum of the figures shown under
 * it, the difference is rounding: each cell is the exact sum in fen,
 * rounded on its own. These are the cases of the 2025 disclosure; the
 * example's exact amounts reproduce them. */
static gint64
shown_wan (const FiscalTableRow *row,
           guint                 cell)
{
  return fiscal_money_round_wan (row->cells[cell].amount);
}

static void
test_reference_rounding (void)
{
  g_autoptr(FiscalDocument) doc = load_example (2025);
  g_autoptr(FiscalTable) t6 = fiscal_pivot_table (doc, 6);
  g_autoptr(FiscalTable) t3 = fiscal_pivot_table (doc, 3);
  static const struct {
    guint       table;
    const char *parent;
    guint       level;          /* the level of the children summed */
    gint64      shown;          /* the parent as published, in 0.01 万元 */
    gint64      children;       /* the sum of its children as published */
  } cases[] = {
    /* 表6 301 工资福利支出: ten 款 shown summing to 126.00, most just
     * under their shown figures. */
    { 6, "301",   2, 12598, 12600 },
    /* 表6 302 商品和服务支出: nine 款 shown summing to 18.38, five a little
     * over theirs. */
    { 6, "302",   2, 1839,  1838 },
    /* 表3 21011 行政事业单位医疗: 6.84 + 0.43 + 0.06 shown, 7.32 published;
     * exactly 6.8364 + 0.4256 + 0.0622 = 7.3242. */
    { 3, "21011", 3, 732,   733 },
    /* 表3 总计: the four 类 shown sum to 318.09; exactly 318.096. */
    { 3, "",      1, 31810, 31809 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      FiscalTable *table = cases[i].table == 6 ? t6 : t3;
      const FiscalTableRow *parent = NULL;
      gint64 children = 0;
      guint p;

      for (p = 0; p < fiscal_table_get_n_rows (table); p++)
        if (g_str_equal (fiscal_table_get_row (table, p)->code, cases[i].parent))
          {
            parent = fiscal_table_get_row (table, p);
            break;
          }
      g_assert_nonnull (parent);

      for (guint c = p + 1; c < fiscal_table_get_n_rows (table); c++)
        {
          const FiscalTableRow *child = fiscal_table_get_row (table, c);

          if (child->level < cases[i].level)
            break;
          if (child->level == cases[i].level)
            children += shown_wan (child, 0);
        }

      g_assert_cmpint (shown_wan (parent, 0), ==, cases[i].shown);
      g_assert_cmpint (children, ==, cases[i].children);
    }

  /* The exact figures behind the shares the narrative publishes. */
  g_assert_cmpint (fiscal_table_find_row (t3, "", "总计")->cells[0].amount, ==, 318096000);
  g_assert_cmpint (fiscal_table_find_row (t6, "", "总计")->cells[0].amount, ==, 145096000);
}

/* Every table's header tiles its rows × columns exactly: no cell covered
 * twice, none left uncovered. */
static void
test_header_tiling (void)
{
  g_autoptr(FiscalDocument) doc = load_example (2025);
  g_autoptr(GPtrArray) tables = fiscal_pivot_all (doc);

  for (guint t = 0; t < tables->len; t++)
    {
      FiscalTable *table = g_ptr_array_index (tables, t);
      guint rows = fiscal_table_get_n_header_rows (table);
      guint columns = fiscal_table_get_n_columns (table);
      g_autofree guint *covered = g_new0 (guint, rows * columns);

      for (guint i = 0; i < fiscal_table_get_n_header_cells (table); i++)
        {
          const FiscalTableHeaderCell *cell = fiscal_table_get_header_cell (table, i);

          g_assert_cmpuint (cell->row + cell->row_span, <=, rows);
          g_assert_cmpuint (cell->column + cell->column_span, <=, columns);
          for (guint r = cell->row; r < cell->row + cell->row_span; r++)
            for (guint c = cell->column; c < cell->column + cell->column_span; c++)
              covered[r * columns + c]++;
        }

      for (guint r = 0; r < rows; r++)
        for (guint c = 0; c < columns; c++)
          if (covered[r * columns + c] != 1)
            g_error ("表%u header row %u column %u is covered %u times",
                     t + 1, r, c, covered[r * columns + c]);
    }
}

static char *
fresh_tables_json (FiscalDocument *doc)
{
  g_autoptr(GBytes) bytes = fiscal_document_to_bytes (doc);
  g_autoptr(FiscalDocument) copy = fiscal_document_load_from_data (g_bytes_get_data (bytes, NULL),
                                                                   g_bytes_get_size (bytes), NULL);
  g_autoptr(GPtrArray) tables = fiscal_pivot_all (copy);

  return fiscal_tables_to_json (tables);
}

/* The document keeps its cube current through every kind of edit, undo
 * and redo: its tables always equal those of a fresh copy. */
static void
test_incremental_cube (void)
{
  static const char * const functions[] = { "2010350", "2010302", "2080505", "2120803", "2230105", "2210201" };
  static const char * const economics[] = { "30101", "30201", "30217", "31002", "30231", NULL };
  static const char * const projects[] = { "p1", "p-extra" };
  g_autoptr(FiscalDocument) doc = fiscal_test_load_example (2025);
  GListModel *lines = fiscal_document_get_lines (doc);
  GRand *rand = g_rand_new_with_seed (777);
  const char *units[2];

  /* A second unit and project, so that lines move between 表 7's blocks
   * and rows. */
  {
    g_autoptr(FiscalUnit) unit = fiscal_unit_new ("u-extra", "下属单位");
    g_autoptr(FiscalProject) project = fiscal_project_new ("p-extra", "另一项目");
    g_autoptr(FiscalUnit) first = g_list_model_get_item (fiscal_document_get_units (doc), 0);

    fiscal_document_add_unit (doc, unit);
    fiscal_document_add_project (doc, project);
    units[0] = fiscal_unit_get_id (first);
    units[1] = "u-extra";
  }

  g_ptr_array_unref (fiscal_pivot_all (doc));   /* the cube now exists */

  for (guint step = 0; step < 400; step++)
    {
      guint n = g_list_model_get_n_items (lines);
      g_autoptr(FiscalLine) line = g_list_model_get_item (lines, g_rand_int_range (rand, 0, n));
      g_autofree char *kept = NULL;
      g_autofree char *fresh = NULL;

      switch (g_rand_int_range (rand, 0, 11))
        {
        case 0: fiscal_line_set_amount (line, g_rand_int_range (rand, -1000, 50000000)); break;
        case 1: fiscal_line_set_function (line, functions[g_rand_int_range (rand, 0, G_N_ELEMENTS (functions))]); break;
        case 2: fiscal_line_set_economic (line, economics[g_rand_int_range (rand, 0, G_N_ELEMENTS (economics))]); break;
        case 3: fiscal_line_set_source (line, g_rand_int_range (rand, 0, FISCAL_N_SOURCES)); break;
        case 4:
          /* Kind and project change together, as the editor does it. */
          fiscal_document_begin_action (doc, "Kind");
          fiscal_line_set_kind (line, g_rand_int_range (rand, 0, FISCAL_N_KINDS));
          fiscal_line_set_project (line, fiscal_line_get_kind (line) == FISCAL_KIND_PROJECT
                                         ? projects[g_rand_int_range (rand, 0, G_N_ELEMENTS (projects))] : NULL);
          fiscal_document_end_action (doc);
          break;
        case 5:
          {
            g_autofree char *id = fiscal_document_new_line_id (doc);
            g_autoptr(FiscalLine) added = fiscal_line_copy (line, id);
            fiscal_document_insert_lines (doc, g_rand_int_range (rand, 0, n + 1), (FiscalLine *[]) { added }, 1);
          }
          break;
        case 6:
          if (n > 3)
            fiscal_document_remove_lines (doc, g_rand_int_range (rand, 0, n - 2), 2);
          break;
        case 7: fiscal_document_undo (doc); break;
        case 8: fiscal_document_redo (doc); break;
        case 9: fiscal_line_set_unit (line, units[g_rand_int_range (rand, 0, G_N_ELEMENTS (units))]); break;
        case 10:
          if (fiscal_line_get_kind (line) == FISCAL_KIND_PROJECT)
            fiscal_line_set_project (line, projects[g_rand_int_range (rand, 0, G_N_ELEMENTS (projects))]);
          break;
        default: g_assert_not_reached ();
        }

      if (step % 10 == 0 || step == 399)
        {
          g_autoptr(GPtrArray) tables = fiscal_pivot_all (doc);

          kept = fiscal_tables_to_json (tables);
          fresh = fresh_tables_json (doc);
          g_assert_cmpstr (kept, ==, fresh);
        }
    }

  g_rand_free (rand);
}

static FiscalLine *
add_line (FiscalDocument *doc,
          const char     *unit,
          const char     *function,
          const char     *economic,
          FiscalKind      kind,
          const char     *project,
          FiscalSource    source,
          gint64          fen)
{
  g_autofree char *id = fiscal_document_new_line_id (doc);
  g_autoptr(FiscalLine) line = fiscal_line_new_full (id, unit, function, economic, kind, project, source, fen);

  fiscal_document_add_line (doc, line);

  return line;
}

static char *
cell_text (FiscalTable *table,
           const char  *code,
           const char  *name,
           guint        cell)
{
  const FiscalTableRow *row = fiscal_table_find_row (table, code, name);

  if (row == NULL)
    g_error ("表%u has no row %s %s", fiscal_table_get_number (table), code, name ? name : "");
  g_assert_cmpuint (cell, <, row->n_cells);

  return fiscal_table_format_cell (table, &row->cells[cell]);
}

#define assert_cell(table, code, name, cell, expected) \
  G_STMT_START { \
    g_autofree char *__t = cell_text (table, code, name, cell); \
    g_assert_cmpstr (__t, ==, expected); \
  } G_STMT_END

static void
test_other_budgets (void)
{
  g_autoptr(FiscalDocument) doc = fiscal_document_new (2025, "测试局");
  g_autoptr(FiscalUnit) second = fiscal_unit_new ("u2", "测试局下属中心");
  g_autoptr(FiscalProject) p1 = fiscal_project_new ("p1", "信息化建设");
  g_autoptr(FiscalProject) p2 = fiscal_project_new ("p2", "设备更新");
  g_autoptr(GPtrArray) tables = NULL;

  fiscal_document_add_unit (doc, second);
  fiscal_document_add_project (doc, p1);
  fiscal_document_add_project (doc, p2);

  /* Amounts in 万元: 1 万元 is 1,000,000 fen. */
  add_line (doc, "main", "2010350", "30101", FISCAL_KIND_PERSONNEL, NULL, FISCAL_SOURCE_GENERAL, 100000000);
  add_line (doc, "main", "2010350", "302", FISCAL_KIND_PUBLIC, NULL, FISCAL_SOURCE_GENERAL_TRANSFER, 5000000);
  add_line (doc, "main", "2010302", "30913", FISCAL_KIND_PROJECT, "p2", FISCAL_SOURCE_GENERAL, 25000000);
  add_line (doc, "u2", "2010302", "30201", FISCAL_KIND_PROJECT, "p1", FISCAL_SOURCE_GENERAL, 10000000);
  add_line (doc, "u2", "2010302", "31002", FISCAL_KIND_PROJECT, "p2", FISCAL_SOURCE_GENERAL, 400000);
  add_line (doc, "main", "2120803", "31005", FISCAL_KIND_PROJECT, "p1", FISCAL_SOURCE_FUND, 70000000);
  add_line (doc, "main", "2230105", "31201", FISCAL_KIND_PROJECT, "p1", FISCAL_SOURCE_CAPITAL_TRANSFER, 3000000);
  add_line (doc, "main", "2010350", "30217", FISCAL_KIND_PUBLIC, NULL, FISCAL_SOURCE_FUND, 20000);
  add_line (doc, "main", "2010350", "30212", FISCAL_KIND_PUBLIC, NULL, FISCAL_SOURCE_UNIT_OTHER, 9999000);
  add_line (doc, "main", "2010350", "30101", FISCAL_KIND_PERSONNEL, NULL, FISCAL_SOURCE_CARRYOVER_GENERAL, 1500000);
  add_line (doc, "u2", "2010302", "30201", FISCAL_KIND_PROJECT, "p1", FISCAL_SOURCE_CARRYOVER_UNIT, 2500000);
  add_line (doc, "main", "2010350", "30231", FISCAL_KIND_PUBLIC, NULL, FISCAL_SOURCE_CARRYOVER_GENERAL, 888000);
  add_line (doc, "main", "9990101", NULL, FISCAL_KIND_PUBLIC, NULL, FISCAL_SOURCE_UNIT_OTHER, 100);

  tables = fiscal_pivot_all (doc);

  /* 表 1: carry-over rows, unit funds, and a 类 the catalogue lacks. */
  {
    FiscalTable *t1 = g_ptr_array_index (tables, 0);
    const FiscalTableRow *last = fiscal_table_get_row (t1, fiscal_table_get_n_rows (t1) - 1);
    const FiscalTableRow *row999 = fiscal_table_get_row (t1, fiscal_table_get_n_rows (t1) - 2);

    assert_cell (t1, "", "一、本年收入", 0, "223.42");
    assert_cell (t1, "", "二、上年结转结余", 0, "4.89");
    assert_cell (t1, "", "1. 财政拨款结转", 0, "2.39");
    assert_cell (t1, "", "单位资金", 0, "2.50");
    assert_cell (t1, "", "3. 国有资本经营预算拨款", 0, "3.00");
    assert_cell (t1, "", "其中：国有资本经营收入", 0, "");
    assert_cell (t1, "", "上级国有资本经营预算安排转移支付", 0, "3.00");
    g_assert_cmpstr (last->name, ==, "收入总计");
    g_assert_cmpstr (last->cells[1].text, ==, "支出总计");
    g_assert_cmpint (last->cells[0].amount, ==, last->cells[2].amount);
    g_assert_cmpint (last->cells[0].amount, ==, 228307100);
    g_assert_cmpstr (row999->cells[1].text, ==, "999");
    g_assert_cmpint (row999->cells[2].amount, ==, 100);
  }

  /* 表 2: sources in their columns; the fund and capital lines. */
  {
    FiscalTable *t2 = g_ptr_array_index (tables, 1);

    assert_cell (t2, "", "总计", 0, "228.31");
    assert_cell (t2, "", "总计", 1, "213.42");  /* current fiscal */
    assert_cell (t2, "", "总计", 3, "5.00");    /* general transfer */
    assert_cell (t2, "", "总计", 4, "70.02");   /* fund */
    assert_cell (t2, "", "总计", 7, "3.00");    /* capital transfer */
    assert_cell (t2, "", "总计", 9, "10.00");   /* unit funds, 99.99 + 0.01 元 */
    assert_cell (t2, "", "总计", 10, "2.39");   /* fiscal carry-over */
    assert_cell (t2, "", "总计", 11, "2.50");   /* non-fiscal */
    assert_cell (t2, "2120803", NULL, 4, "70.00");
    assert_cell (t2, "223", NULL, 0, "3.00");
  }

  /* 表 5 is the general part of 表 3. */
  {
    FiscalTable *t5 = g_ptr_array_index (tables, 4);

    assert_cell (t5, "", "总计", 0, "140.40");
    assert_cell (t5, "", "总计", 1, "105.00");
    assert_cell (t5, "", "总计", 2, "35.40");
    g_assert_null (fiscal_table_find_row (t5, "212", NULL));
  }

  /* 表 6: an economic code given only as its 类. */
  {
    FiscalTable *t6 = g_ptr_array_index (tables, 5);

    assert_cell (t6, "302", NULL, 0, "5.00");
    assert_cell (t6, "302", NULL, 2, "5.00");
    assert_cell (t6, "30101", NULL, 1, "100.00");
    g_assert_null (fiscal_table_find_row (t6, "30217", NULL));   /* fund */
  }

  /* 表 7: one block per unit, a row per project under each 项. */
  {
    FiscalTable *t7 = g_ptr_array_index (tables, 6);
    const FiscalTableRow *row;

    assert_cell (t7, "", "总计", 0, "35.40");
    assert_cell (t7, "", "总计", 2, "10.00");   /* 302 */
    assert_cell (t7, "", "总计", 5, "25.00");   /* 309 */
    assert_cell (t7, "", "总计", 6, "0.40");    /* 310 */
    assert_cell (t7, "", "测试局", 0, "25.00");
    assert_cell (t7, "", "测试局下属中心", 0, "10.40");
    g_assert_cmpuint (fiscal_table_get_n_rows (t7), ==, 1 + 2 * 4 + 1);
    row = fiscal_table_get_row (t7, 8);
    g_assert_cmpstr (row->code, ==, "2010302");
    g_assert_cmpstr (row->project, ==, "信息化建设");
    row = fiscal_table_get_row (t7, 9);
    g_assert_cmpstr (row->project, ==, "设备更新");
    g_assert_cmpint (row->cells[0].amount, ==, 400000);
  }

  /* 表 8 and 9: the fund and the state-capital budgets. */
  {
    FiscalTable *t8 = g_ptr_array_index (tables, 7);
    FiscalTable *t9 = g_ptr_array_index (tables, 8);

    g_assert_null (fiscal_table_get_note (t8));
    assert_cell (t8, "", "总计", 0, "70.02");
    assert_cell (t8, "", "总计", 2, "0.02");
    assert_cell (t8, "", "总计", 3, "70.00");
    assert_cell (t9, "2230105", NULL, 3, "3.00");
  }

  /* 表 10: 三公 from fiscal money only; a unit-funds trip does not count,
   * nor does carry-over. */
  {
    FiscalTable *t10 = g_ptr_array_index (tables, 9);

    assert_cell (t10, "", "合计", 0, "25.02");
    assert_cell (t10, "", "因公出国（境）费", 0, "");
    assert_cell (t10, "", "公务接待费", 2, "0.02");
    assert_cell (t10, "", "公务用车购置及运行费（小计）", 0, "25.00");
    assert_cell (t10, "", "其中：公务用车购置费", 1, "25.00");
    assert_cell (t10, "", "公务用车运行费", 0, "");
  }

  /* 表 11: carry-over by fiscal and non-fiscal money. */
  {
    FiscalTable *t11 = g_ptr_array_index (tables, 10);

    g_assert_null (fiscal_table_get_note (t11));
    assert_cell (t11, "", "合计", 0, "4.89");
    assert_cell (t11, "", "合计", 1, "2.39");
    assert_cell (t11, "", "合计", 2, "1.50");
    assert_cell (t11, "", "合计", 3, "0.89");
    assert_cell (t11, "", "合计", 5, "2.50");
    assert_cell (t11, "", "合计", 8, "2.50");
    assert_cell (t11, "2010302", "2010302 一般行政管理事务", 8, "2.50");
  }
}

static void
test_empty_budget (void)
{
  g_autoptr(FiscalDocument) doc = fiscal_document_new (2025, "空部门");
  g_autoptr(GPtrArray) tables = fiscal_pivot_all (doc);

  for (guint t = 1; t <= FISCAL_N_TABLES; t++)
    {
      FiscalTable *table = g_ptr_array_index (tables, t - 1);

      if (t >= 5 && t != 10)
        {
          g_assert_nonnull (fiscal_table_get_note (table));
          g_assert_true (g_str_has_prefix (fiscal_table_get_note (table), "空部门 2025 年没有"));
          g_assert_cmpuint (fiscal_table_get_n_rows (table), ==, 0);
        }
      else
        g_assert_cmpuint (fiscal_table_get_n_rows (table), >, 0);
    }
}

static gint64
total_of (FiscalTable *table,
          guint        cell)
{
  const FiscalTableRow *row = fiscal_table_get_row (table, 0);
  return row->level == 0 ? row->cells[cell].amount : 0;
}

static gint64
last_row_cell (FiscalTable *table,
               guint        cell)
{
  return fiscal_table_get_row (table, fiscal_table_get_n_rows (table) - 1)->cells[cell].amount;
}

/* Property: on random budgets the tables agree with each other exactly, in
 * fen, however the lines fall. */
/* Every figure of every table equals the sum of the lines the pivot says
 * are behind it, and a row's lines are those behind any of its figures. */
static void
check_lines_behind_cells (FiscalDocument *doc)
{
  GListModel *lines = fiscal_document_get_lines (doc);
  guint n_lines = g_list_model_get_n_items (lines);
  g_autoptr(GPtrArray) tables = fiscal_pivot_all (doc);
  static const guint hierarchies[] = { 2, 3, 5, 6, 8, 9, 11 };

  for (guint t = 0; t < G_N_ELEMENTS (hierarchies); t++)
    {
      FiscalTable *table = g_ptr_array_index (tables, hierarchies[t] - 1);

      for (guint r = 0; r < fiscal_table_get_n_rows (table); r++)
        {
          const FiscalTableRow *row = fiscal_table_get_row (table, r);
          guint in_row = 0, in_any = 0;

          for (guint c = 0; c < fiscal_table_get_n_cells (table); c++)
            {
              int column = fiscal_table_cell_to_column (table, c);
              gint64 sum = 0;

              for (guint i = 0; i < n_lines; i++)
                {
                  g_autoptr(FiscalLine) line = g_list_model_get_item (lines, i);

                  if (fiscal_pivot_line_in_cell (table, r, column, line))
                    sum += fiscal_line_get_amount (line);
                }
              if (sum != row->cells[c].amount)
                g_error ("表%u row %u (%s) cell %u: lines sum to %" G_GINT64_FORMAT ", table has %" G_GINT64_FORMAT,
                         hierarchies[t], r, row->code, c, sum, row->cells[c].amount);
            }

          for (guint i = 0; i < n_lines; i++)
            {
              g_autoptr(FiscalLine) line = g_list_model_get_item (lines, i);
              gboolean any = FALSE;

              for (guint c = 0; c < fiscal_table_get_n_cells (table) && !any; c++)
                any = fiscal_pivot_line_in_cell (table, r, fiscal_table_cell_to_column (table, c), line);
              in_any += any;
              in_row += fiscal_pivot_line_in_cell (table, r, -1, line);
              /* A code or name column stands for the whole row. */
              g_assert_cmpint (fiscal_pivot_line_in_cell (table, r, 0, line), ==,
                               fiscal_pivot_line_in_cell (table, r, -1, line));
            }
          g_assert_cmpuint (in_row, ==, in_any);
        }
    }

  /* The other tables: every figure is the sum of the lines behind it; in
   * 表 7 and 表 10 a row's lines are those of its first figure (its
   * total). */
  for (guint t = 1; t <= FISCAL_N_TABLES; t++)
    {
      FiscalTable *table = g_ptr_array_index (tables, t - 1);

      if (t != 1 && t != 4 && t != 7 && t != 10)
        continue;

      for (guint r = 0; r < fiscal_table_get_n_rows (table); r++)
        {
          const FiscalTableRow *row = fiscal_table_get_row (table, r);

          g_assert_true (fiscal_pivot_row_traceable (table, r) || (t == 1 || t == 4));
          for (guint c = 0; c < fiscal_table_get_n_cells (table); c++)
            {
              int column = fiscal_table_cell_to_column (table, c);
              gint64 sum = 0;

              if (row->cells[c].text != NULL)
                continue;
              for (guint i = 0; i < n_lines; i++)
                {
                  g_autoptr(FiscalLine) line = g_list_model_get_item (lines, i);

                  if (fiscal_pivot_line_in_cell (table, r, column, line))
                    sum += fiscal_line_get_amount (line);
                }
              if (sum != row->cells[c].amount)
                g_error ("表%u row %u (%s %s) cell %u: lines sum to %" G_GINT64_FORMAT ", table has %" G_GINT64_FORMAT,
                         t, r, row->code, row->name, c, sum, row->cells[c].amount);
            }

          for (guint i = 0; (t == 7 || t == 10) && i < n_lines; i++)
            {
              g_autoptr(FiscalLine) line = g_list_model_get_item (lines, i);

              g_assert_cmpint (fiscal_pivot_line_in_cell (table, r, -1, line), ==,
                               fiscal_pivot_line_in_cell (table, r, fiscal_table_cell_to_column (table, 0), line));
            }
        }
    }
}

static void
test_lines_behind_cells (void)
{
  g_autoptr(FiscalDocument) doc = load_example (2025);
  g_autoptr(FiscalTable) t3 = fiscal_pivot_table (doc, 3);
  g_autoptr(FiscalTable) t6 = fiscal_pivot_table (doc, 6);
  g_autoptr(FiscalTable) t7 = fiscal_pivot_table (doc, 7);
  GListModel *lines = fiscal_document_get_lines (doc);
  const FiscalTableRow *row;
  guint r, basic = 0, project = 0, row_lines = 0;

  check_lines_behind_cells (doc);

  /* 表 3 row 2010302 一般行政管理事务: its 项目支出 column has the seven
   * project lines and its 基本支出 column none. */
  for (r = 0; r < fiscal_table_get_n_rows (t3); r++)
    if (g_str_equal (fiscal_table_get_row (t3, r)->code, "2010302"))
      break;
  g_assert_cmpuint (r, <, fiscal_table_get_n_rows (t3));
  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(FiscalLine) line = g_list_model_get_item (lines, i);

      basic += fiscal_pivot_line_in_cell (t3, r, 5, line);
      project += fiscal_pivot_line_in_cell (t3, r, 6, line);
      row_lines += fiscal_pivot_line_in_cell (t3, r, -1, line);
    }
  g_assert_cmpuint (basic, ==, 0);
  g_assert_cmpuint (project, ==, 7);
  g_assert_cmpuint (row_lines, ==, 7);

  /* 表 6 rows are economic codes: 301 finds personnel lines only. */
  row = NULL;
  for (r = 0; r < fiscal_table_get_n_rows (t6); r++)
    if (g_str_equal ((row = fiscal_table_get_row (t6, r))->code, "301"))
      break;
  g_assert_cmpuint (r, <, fiscal_table_get_n_rows (t6));
  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(FiscalLine) line = g_list_model_get_item (lines, i);

      if (fiscal_pivot_line_in_cell (t6, r, -1, line))
        {
          g_assert_true (g_str_has_prefix (fiscal_line_get_economic (line), "301"));
          g_assert_cmpint (fiscal_line_get_kind (line), !=, FISCAL_KIND_PROJECT);
        }
    }

  /* 表 7 rows take the general-budget project lines of their code, unit
   * and project: 2010302's 60.00 万元 is five lines, not the two of unit
   * funds beside them. */
  for (r = 0; r < fiscal_table_get_n_rows (t7); r++)
    if (g_str_equal (fiscal_table_get_row (t7, r)->code, "2010302"))
      break;
  g_assert_cmpuint (r, <, fiscal_table_get_n_rows (t7));
  row_lines = 0;
  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(FiscalLine) line = g_list_model_get_item (lines, i);
      if (fiscal_pivot_line_in_cell (t7, r, -1, line))
        {
          row_lines++;
          g_assert_cmpint (fiscal_line_get_source (line), ==, FISCAL_SOURCE_GENERAL);
        }
    }
  g_assert_cmpuint (row_lines, ==, 5);
  g_assert_cmpint (fiscal_table_get_row (t7, r)->cells[0].amount, ==, G_GINT64_CONSTANT (60000000));

  /* The figures are named as a reader finds them. */
  {
    g_autoptr(FiscalTable) t1 = fiscal_pivot_table (doc, 1);
    g_autofree char *income = fiscal_pivot_describe_cell (t1, 0, 1);
    g_autofree char *spending = fiscal_pivot_describe_cell (t1, 0, 3);
    g_autofree char *project = fiscal_pivot_describe_cell (t7, r, 5);
    g_autofree char *whole = fiscal_pivot_describe_cell (t7, r, -1);

    g_assert_cmpstr (income, ==, "表1 · 一、本年收入 · 收入预算数");
    g_assert_cmpstr (spending, ==, "表1 · 201 一般公共服务支出 · 支出预算数");
    g_assert_cmpstr (project, ==, "表7 · 2010302 一般行政管理事务 · 机构运行补助经费 · 项目支出合计");
    g_assert_cmpstr (whole, ==, "表7 · 2010302 一般行政管理事务 · 机构运行补助经费");
  }

  /* 表 11 names its rows by code and name: the code is not said twice. */
  {
    g_autoptr(FiscalTable) t11 = NULL;
    g_autofree char *text = NULL;
    guint row11;

    add_line (doc, "main", "2010350", "30201", FISCAL_KIND_PUBLIC, NULL, FISCAL_SOURCE_CARRYOVER_GENERAL, 100000);
    t11 = fiscal_pivot_table (doc, 11);
    for (row11 = 0; row11 < fiscal_table_get_n_rows (t11); row11++)
      if (g_str_equal (fiscal_table_get_row (t11, row11)->code, "2010350"))
        break;
    g_assert_cmpuint (row11, <, fiscal_table_get_n_rows (t11));
    text = fiscal_pivot_describe_cell (t11, row11, -1);
    g_assert_cmpstr (text, ==, "表11 · 2010350 事业运行");
  }
}

static void
test_random_consistency (void)
{
  static const char * const functions[] = {
    "2010101", "2010302", "2010350", "2050201", "2080505", "2080506", "2101102",
    "2120803", "2130101", "2210201", "2230105",
  };
  static const char * const economics[] = {
    "30101", "30108", "30201", "30217", "30231", "30302", "31002", "30913", "31013", "302", NULL,
  };
  GRand *rand = g_rand_new_with_seed (4242);

  for (guint round = 0; round < 40; round++)
    {
      g_autoptr(FiscalDocument) doc = fiscal_document_new (2025, "随机部门");
      g_autoptr(FiscalProject) project = fiscal_project_new ("p1", "随机项目");
      g_autoptr(GPtrArray) tables = NULL;
      gint64 sum = 0, general = 0, basic = 0, general_project = 0;
      guint n = g_rand_int_range (rand, 1, 300);

      fiscal_document_add_project (doc, project);

      for (guint i = 0; i < n; i++)
        {
          FiscalKind kind = g_rand_int_range (rand, 0, FISCAL_N_KINDS);
          FiscalSource source = g_rand_int_range (rand, 0, FISCAL_N_SOURCES);
          gint64 fen = g_rand_int_range (rand, 1, 100000000);

          add_line (doc, "main", functions[g_rand_int_range (rand, 0, G_N_ELEMENTS (functions))],
                    economics[g_rand_int_range (rand, 0, G_N_ELEMENTS (economics))],
                    kind, kind == FISCAL_KIND_PROJECT ? "p1" : NULL, source, fen);
          sum += fen;
          if (source == FISCAL_SOURCE_GENERAL || source == FISCAL_SOURCE_GENERAL_TRANSFER)
            {
              general += fen;
              if (kind == FISCAL_KIND_PROJECT)
                general_project += fen;
            }
          if (kind != FISCAL_KIND_PROJECT)
            basic += fen;
        }

      if (round % 4 == 0)
        check_lines_behind_cells (doc);
      tables = fiscal_pivot_all (doc);

      /* Income equals expenditure, and every view has the same total. */
      g_assert_cmpint (last_row_cell (g_ptr_array_index (tables, 0), 0), ==, sum);
      g_assert_cmpint (last_row_cell (g_ptr_array_index (tables, 0), 2), ==, sum);
      g_assert_cmpint (total_of (g_ptr_array_index (tables, 1), 0), ==, sum);
      g_assert_cmpint (total_of (g_ptr_array_index (tables, 2), 0), ==, sum);
      g_assert_cmpint (total_of (g_ptr_array_index (tables, 2), 1), ==, basic);
      g_assert_cmpint (total_of (g_ptr_array_index (tables, 2), 1) +
                       total_of (g_ptr_array_index (tables, 2), 2), ==, sum);

      /* 表 5 is the general part; 表 4 is 表 5 + 8 + 9. */
      if (fiscal_table_get_n_rows (g_ptr_array_index (tables, 4)) > 0)
        g_assert_cmpint (total_of (g_ptr_array_index (tables, 4), 0), ==, general);
      {
        FiscalTable *t4 = g_ptr_array_index (tables, 3);
        gint64 t589 = 0;

        for (guint t = 5; t <= 9; t += (t == 5 ? 3 : 1))
          if (fiscal_table_get_n_rows (g_ptr_array_index (tables, t - 1)) > 0)
            t589 += total_of (g_ptr_array_index (tables, t - 1), 0);

        g_assert_cmpint (last_row_cell (t4, 2), ==, t589);
        g_assert_cmpint (last_row_cell (t4, 0), ==, t589);
        g_assert_cmpint (last_row_cell (t4, 3), ==, general);
      }

      /* 表 7's total is the general project spending. */
      if (fiscal_table_get_n_rows (g_ptr_array_index (tables, 6)) > 0)
        g_assert_cmpint (total_of (g_ptr_array_index (tables, 6), 0), ==, general_project);

      /* 表 10's total is its items. */
      {
        FiscalTable *t10 = g_ptr_array_index (tables, 9);
        const FiscalTableRow *r = NULL;
        gint64 items = 0;

        for (guint i = 1; i <= 3; i++)
          {
            r = fiscal_table_get_row (t10, i);
            items += r->cells[0].amount;
          }
        g_assert_cmpint (total_of (t10, 0), ==, items);
        g_assert_cmpint (fiscal_table_get_row (t10, 3)->cells[0].amount, ==,
                         fiscal_table_get_row (t10, 4)->cells[0].amount +
                         fiscal_table_get_row (t10, 5)->cells[0].amount);
      }

      /* In every hierarchical table a 类 row is the sum of its 款 rows. */
      for (guint t = 2; t <= 3; t++)
        {
          FiscalTable *table = g_ptr_array_index (tables, t - 1);

          for (guint i = 0; i < fiscal_table_get_n_rows (table); i++)
            {
              const FiscalTableRow *parent = fiscal_table_get_row (table, i);
              gint64 children = 0;

              if (parent->level == 0 || parent->level == 3)
                continue;
              for (guint j = i + 1; j < fiscal_table_get_n_rows (table); j++)
                {
                  const FiscalTableRow *child = fiscal_table_get_row (table, j);

                  if (child->level <= parent->level)
                    break;
                  if (child->level == parent->level + 1)
                    children += child->cells[0].amount;
                }
              g_assert_cmpint (children, ==, parent->cells[0].amount);
            }
        }
    }

  g_rand_free (rand);
}

/* The total of every table: 表 1's and 表 4's are on their last row, the
 * others on their first. */
static gint64
table_total (GPtrArray *tables,
             guint      number)
{
  FiscalTable *table = g_ptr_array_index (tables, number - 1);

  if (number == 1 || number == 4)
    return last_row_cell (table, 0);
  if (number == 10)
    return fiscal_table_get_row (table, 0)->cells[0].amount;
  return total_of (table, 0);
}

/* Sums beyond the ceiling of money are shown clamped to it, never wrapped:
 * lines at the ceiling (as a budget held in the window may have, before the
 * checks refuse to save it) in every table, and back to exact figures once
 * the lines are brought down, through the document's incremental cube. */
static void
test_money_ceiling (void)
{
  g_autoptr(FiscalDocument) doc = fiscal_document_new (2025, "上限部门");
  g_autoptr(FiscalProject) project = fiscal_project_new ("p1", "上限项目");
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GPtrArray) exact = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *fresh = NULL;
  g_autoptr(FiscalLine) a = NULL;
  g_autoptr(FiscalLine) b = NULL;
  GPtrArray *more = g_ptr_array_new_with_free_func (g_object_unref);
  const guint shown[] = { 1, 2, 3, 4, 5, 6, 7, 10 };

  fiscal_document_add_project (doc, project);

  /* Two lines at the ceiling, general budget, on a 三公 code: every table
   * but 表 8, 9 and 11 (other budgets) has them. Two at the old limit,
   * 92,233,720,368,547,758.07 元, wrapped to 269.45 万元 in the tables. */
  a = g_object_ref (add_line (doc, "main", "2010350", "30217", FISCAL_KIND_PUBLIC, NULL,
                              FISCAL_SOURCE_GENERAL, FISCAL_MONEY_MAX));
  b = g_object_ref (add_line (doc, "main", "2010302", "31013", FISCAL_KIND_PROJECT, "p1",
                              FISCAL_SOURCE_GENERAL, FISCAL_MONEY_MAX));
  first = fiscal_pivot_all (doc);
  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    g_assert_cmpint (table_total (first, shown[i]), ==, FISCAL_MONEY_MAX);
  {
    FiscalTable *t2 = g_ptr_array_index (first, 1);
    g_autofree char *text = fiscal_table_format_cell (t2, &fiscal_table_get_row (t2, 0)->cells[0]);

    g_assert_cmpstr (text, ==, "100000000000.00");
  }

  /* A hundred lines at the ceiling: 10^19 分, beyond a gint64. */
  for (guint i = 0; i < 100; i++)
    g_ptr_array_add (more, g_object_ref (add_line (doc, "main", "2010350", "30217", FISCAL_KIND_PUBLIC,
                                                   NULL, FISCAL_SOURCE_GENERAL, FISCAL_MONEY_MAX)));
  tables = fiscal_pivot_all (doc);
  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    g_assert_cmpint (table_total (tables, shown[i]), ==, FISCAL_MONEY_MAX);
  /* The negative ceiling too, on the same cells: exact sums, so +max,
   * +max, −max is max, not whatever order a clamped running sum took. */
  for (guint i = 0; i < 101; i++)
    g_ptr_array_add (more, g_object_ref (add_line (doc, "main", "2010350", "30217", FISCAL_KIND_PUBLIC,
                                                   NULL, FISCAL_SOURCE_GENERAL, -FISCAL_MONEY_MAX)));
  g_clear_pointer (&tables, g_ptr_array_unref);
  tables = fiscal_pivot_all (doc);
  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    if (shown[i] != 6)
      g_assert_cmpint (table_total (tables, shown[i]), ==, FISCAL_MONEY_MAX);
  /* 表 6 has the basic lines alone, exactly 0 now: an empty table. */
  g_assert_cmpuint (fiscal_table_get_n_rows (g_ptr_array_index (tables, 5)), ==, 0);

  /* Back within the ceiling by edits, the kept cube is exact again: the
   * tables equal a fresh copy's and the figures are the lines' sums. */
  for (guint i = 0; i < more->len; i++)
    fiscal_line_set_amount (g_ptr_array_index (more, i), 0);
  fiscal_line_set_amount (a, 7);
  fiscal_line_set_amount (b, 1234567);
  exact = fiscal_pivot_all (doc);
  g_assert_cmpint (table_total (exact, 1), ==, 1234574);
  g_assert_cmpint (table_total (exact, 2), ==, 1234574);
  g_assert_cmpint (table_total (exact, 7), ==, 1234567);
  g_assert_cmpint (table_total (exact, 10), ==, 1234574);   /* 30217 and 31013 are both 三公 */
  kept = fiscal_tables_to_json (exact);
  fresh = fresh_tables_json (doc);
  g_assert_cmpstr (kept, ==, fresh);

  g_ptr_array_unref (more);
}

static void
test_table_output (void)
{
  g_autoptr(FiscalDocument) doc = load_example (2025);
  g_autoptr(GPtrArray) tables = fiscal_pivot_all (doc);
  g_autofree char *json = fiscal_tables_to_json (tables);
  g_autofree char *csv = fiscal_tables_to_csv (tables);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *array;
  JsonObject *t3;
  JsonArray *rows;
  JsonObject *row;
  JsonArray *cells;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  array = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "tables");
  g_assert_cmpuint (json_array_get_length (array), ==, 11);

  t3 = json_array_get_object_element (array, 2);
  g_assert_cmpint (json_object_get_int_member (t3, "number"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (t3, "unit"), ==, "万元");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (t3, "columns")), ==, 3);
  rows = json_object_get_array_member (t3, "rows");
  row = json_array_get_object_element (rows, 3);
  g_assert_cmpstr (json_object_get_string_member (row, "code"), ==, "2010302");
  g_assert_true (json_object_get_null_member (row, "project"));
  cells = json_object_get_array_member (row, "cells");
  g_assert_cmpstr (json_array_get_string_element (cells, 0), ==, "173.00");
  g_assert_cmpstr (json_array_get_string_element (cells, 1), ==, "");

  {
    JsonObject *t7 = json_array_get_object_element (array, 6);
    JsonObject *last = json_array_get_object_element (json_object_get_array_member (t7, "rows"), 4);
    g_assert_cmpstr (json_object_get_string_member (last, "project"), ==, "机构运行补助经费");
  }

  g_assert_nonnull (strstr (csv, "表3 部门支出总体情况表\r\n"));
  g_assert_nonnull (strstr (csv, "201,03,02,一般行政管理事务,173.00,,173.00\r\n"));
  g_assert_nonnull (strstr (csv, "\r\n\r\n表4 "));
}

static void
test_csv_escape (void)
{
  static const struct { const char *in; gboolean neutralize; const char *out; } cases[] = {
    { "plain", TRUE, "plain" },
    { "a,b", TRUE, "\"a,b\"" },
    { "say \"hi\"", TRUE, "\"say \"\"hi\"\"\"" },
    { "=SUM(A1)", TRUE, "'=SUM(A1)" },
    { "+1", TRUE, "'+1" },
    { "-1", FALSE, "-1" },
    { "@cmd", TRUE, "'@cmd" },
    { "=1,2", TRUE, "\"'=1,2\"" },
    { "", TRUE, "" },
    { "line\nbreak", TRUE, "\"line\nbreak\"" },
    /* Every start OWASP lists, tab and carriage return included. */
    { "-1", TRUE, "'-1" },
    { "\tcmd", TRUE, "'\tcmd" },
    { "\t=1+1", TRUE, "'\t=1+1" },
    { "\r=1+1", TRUE, "\"'\r=1+1\"" },
    { "\rx,y", TRUE, "\"'\rx,y\"" },
    { "'\tx", TRUE, "''\tx" },
    { "''\r", TRUE, "\"'''\r\"" },
    { "=\"q\"", TRUE, "\"'=\"\"q\"\"\"" },
    /* Not at the start, or not one of them: as it is. */
    { "a=b", TRUE, "a=b" },
    { " =1", TRUE, " =1" },
    { "'", TRUE, "'" },
    { "'a", TRUE, "'a" },
    { "\ncmd", TRUE, "\"\ncmd\"" },
    { NULL, TRUE, "" },
    /* An amount is written as it is. */
    { "-12.00", FALSE, "-12.00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = fiscal_csv_escape (cases[i].in, cases[i].neutralize);
      g_assert_cmpstr (out, ==, cases[i].out);

      /* Read back, every field is its text again. */
      if (cases[i].in != NULL && cases[i].in[0] != 0 && cases[i].neutralize)
        {
          g_autoptr(GPtrArray) rows = fiscal_csv_parse (out, strlen (out), NULL);
          char **record;
          g_autofree char *text = NULL;

          g_assert_cmpuint (rows->len, ==, 1);
          record = g_ptr_array_index (rows, 0);
          g_assert_null (record[1]);
          text = fiscal_csv_field_text (record[0]);
          g_assert_cmpstr (text, ==, cases[i].in);
        }
    }

  g_assert_true (fiscal_csv_needs_apostrophe ("="));
  g_assert_true (fiscal_csv_needs_apostrophe ("''@"));
  g_assert_true (fiscal_csv_needs_apostrophe ("\r"));
  g_assert_false (fiscal_csv_needs_apostrophe (""));
  g_assert_false (fiscal_csv_needs_apostrophe ("''"));
  g_assert_false (fiscal_csv_needs_apostrophe ("x=1"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pivot/reference/tables", test_reference_tables);
  g_test_add_func ("/pivot/reference/empty-tables", test_reference_empty_tables);
  g_test_add_func ("/pivot/reference/header", test_reference_header);
  g_test_add_func ("/pivot/reference/rounding", test_reference_rounding);
  g_test_add_func ("/pivot/header-tiling", test_header_tiling);
  g_test_add_func ("/pivot/incremental-cube", test_incremental_cube);
  g_test_add_func ("/pivot/other-budgets", test_other_budgets);
  g_test_add_func ("/pivot/empty-budget", test_empty_budget);
  g_test_add_func ("/pivot/random-consistency", test_random_consistency);
  g_test_add_func ("/pivot/lines-behind-cells", test_lines_behind_cells);
  g_test_add_func ("/pivot/output", test_table_output);
  g_test_add_func ("/pivot/money-ceiling", test_money_ceiling);
  g_test_add_func ("/pivot/csv-escape", test_csv_escape);

  return g_test_run ();
}
