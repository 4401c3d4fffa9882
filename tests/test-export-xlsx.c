/* test-export-xlsx.c
 *
 * The workbook export: the example budget's workbook is read back from its
 * XML by check-xlsx.py (fiscal-test-xlsx.h) and compared cell by cell with
 * the tables; failures leave the target as it was. The CSV reader and the
 * round trip of every table through CSV.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <malloc.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "fiscal-test-util.h"
#include "fiscal-test-xlsx.h"

#define DEPARTMENT "昌吉回族自治州人民政府驻北京联络处"

static void
test_example_workbook (void)
{
  g_autoptr(FiscalDocument) doc = fiscal_test_load_example (2025);
  g_autoptr(GPtrArray) tables = NULL;
  g_auto(GStrv) names = NULL;

  tables = fiscal_export_collect_tables (doc, &names);
  /* 表1 … 表11, the department's targets and the one project's. */
  g_assert_cmpuint (tables->len, ==, 13);
  g_assert_cmpuint (g_strv_length (names), ==, 13);
  g_assert_cmpstr (names[0], ==, "表1");
  g_assert_cmpstr (names[10], ==, "表11");
  g_assert_cmpstr (names[11], ==, "部门整体绩效目标");
  g_assert_cmpstr (names[12], ==, "项目绩效目标1");
  g_assert_cmpstr (fiscal_table_get_title (g_ptr_array_index (tables, 12)), ==,
                   "项目支出绩效目标表（机构运行补助经费）");

  fiscal_test_xlsx_export_and_check (doc, TRUE);
}

/* Whether a cell of the tables exported from @doc shows @text. */
static gboolean
tables_show (FiscalDocument *doc,
             const char     *text)
{
  g_autoptr(GPtrArray) tables = fiscal_export_collect_tables (doc, NULL);

  for (guint t = 0; t < tables->len; t++)
    {
      FiscalTable *table = g_ptr_array_index (tables, t);

      for (guint r = 0; r < fiscal_table_get_n_rows (table); r++)
        for (guint c = 0; c < fiscal_table_get_n_columns (table); c++)
          {
            g_autofree char *shown = fiscal_table_get_column_text (table, r, c);

            if (g_str_equal (shown, text))
              return TRUE;
          }
    }

  return FALSE;
}

/* Texts a spreadsheet would take for formulas are written as text. */
static void
test_formula_texts (void)
{
  g_autoptr(FiscalDocument) doc = fiscal_test_load_example (2025);
  g_autoptr(FiscalProject) project = g_list_model_get_item (fiscal_document_get_projects (doc), 0);
  g_autoptr(FiscalIndicator) indicator = NULL;
  g_autoptr(FiscalTable) t7 = NULL;
  GListModel *indicators = fiscal_targets_get_indicators (fiscal_document_get_targets (doc));

  fiscal_project_set_name (project, "=1+1");
  indicator = g_list_model_get_item (indicators, 0);
  fiscal_indicator_set_field (indicator, FISCAL_INDICATOR_LEVEL1, "+cmd");
  fiscal_indicator_set_field (indicator, FISCAL_INDICATOR_LEVEL2, "-2");
  fiscal_indicator_set_field (indicator, FISCAL_INDICATOR_NAME, "@SUM(A1:A3)");
  fiscal_indicator_set_field (indicator, FISCAL_INDICATOR_BASIS, "=HYPERLINK(\"http://example.invalid\",\"x\")");
  /* The starts OWASP adds: a tab, a carriage return. */
  g_clear_object (&indicator);
  indicator = g_list_model_get_item (indicators, 1);
  fiscal_indicator_set_field (indicator, FISCAL_INDICATOR_NAME, "\r=1+1");
  fiscal_indicator_set_field (indicator, FISCAL_INDICATOR_BASIS, "\t=1+1");
  g_assert_true (tables_show (doc, "\r=1+1"));
  g_assert_true (tables_show (doc, "\t=1+1"));

  /* The texts are really in the tables the workbook is compared with. */
  t7 = fiscal_pivot_table (doc, 7);
  g_assert_nonnull (fiscal_table_find_row (t7, NULL, NULL));
  {
    gboolean found = FALSE;
    for (guint r = 0; r < fiscal_table_get_n_rows (t7); r++)
      found |= g_strcmp0 (fiscal_table_get_row (t7, r)->project, "=1+1") == 0;
    g_assert_true (found);
  }

  fiscal_test_xlsx_export_and_check (doc, FALSE);
}

/* Amounts at the edges of rounding and size, a negative one, a label in an
 * amount column, spans over rows and columns, and a sheet named after its
 * table. */
static void
test_edge_amounts (void)
{
  static const struct { const char *name; gint64 fen; const char *shown; } cases[] = {
    { "负数", -20000, "-0.02" },
    { "不足半分位", 4999, "0.00" },
    { "进位", 5000, "0.01" },
    { "大数", 999999999999999, "1000000000.00" },
    { "负大数", -123456789012, "-123456.79" },
    { "整数", 3180000000, "3180.00" },
  };
  g_autoptr(FiscalTable) table = fiscal_table_new (0, "边界/金额");
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *dir = g_dir_make_tmp ("fiscal-xlsx-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "edge.xlsx", NULL);
  g_autofree char *expected = g_build_filename (dir, "expected.json", NULL);
  const char * const names[] = { "边界金额", NULL };
  g_autoptr(GError) error = NULL;
  FiscalTableRow *row;

  fiscal_table_set_department (table, "测试部门");
  fiscal_table_set_note (table, "=注：第一行\n第二行");
  fiscal_table_add_column (table, FISCAL_COLUMN_CODE_1, "类");
  fiscal_table_add_column (table, FISCAL_COLUMN_NAME, "名称");
  fiscal_table_add_column (table, FISCAL_COLUMN_AMOUNT, "金额");
  fiscal_table_add_column (table, FISCAL_COLUMN_AMOUNT, "另一金额");
  fiscal_table_add_header (table, 0, 0, 2, 2, "科目");
  fiscal_table_add_header (table, 0, 2, 1, 2, "金额");
  fiscal_table_add_header (table, 1, 2, 1, 1, "本年");
  fiscal_table_add_header (table, 1, 3, 1, 1, "+上年");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = NULL;

      row = fiscal_table_add_row (table, "301", cases[i].name, 1);
      fiscal_table_row_set_amount (row, 0, cases[i].fen);
      shown = fiscal_table_format_cell (table, &row->cells[0]);
      g_assert_cmpstr (shown, ==, cases[i].shown);
    }
  row = fiscal_table_add_row (table, "", "文字", 0);
  fiscal_table_row_set_label (row, 1, "-见说明");
  g_ptr_array_add (tables, g_object_ref (table));

  /* Named after the table's title, less what a sheet name may not hold. */
  g_assert_true (fiscal_export_xlsx_tables (tables, NULL, "标题", "测试部门", path, &error));
  g_assert_no_error (error);
  fiscal_test_xlsx_write_expected (tables, names, "测试部门", expected, FISCAL_TEST_TAMPER_NONE);
  fiscal_test_xlsx_check (path, expected, TRUE);

  fiscal_test_remove_dir (dir);
}

/* Random budgets fill the tables the example leaves empty; some lines are
 * negative, and some amounts sit on a rounding edge. */
static void
test_random_workbooks (void)
{
  static const char * const functions[] = {
    "2010101", "2010302", "2010350", "2050201", "2080505", "2080506", "2101102",
    "2120803", "2130101", "2210201", "2230105",
  };
  static const char * const economics[] = {
    "30101", "30108", "30201", "30217", "30231", "30302", "31002", "30913", "31013", "302", NULL,
  };
  GRand *rand = g_rand_new_with_seed (20250);

  for (guint round = 0; round < 3; round++)
    {
      g_autoptr(FiscalDocument) doc = fiscal_document_new (2025, "随机部门");
      g_autoptr(FiscalProject) project = fiscal_project_new ("p1", "+随机项目");
      guint n = g_rand_int_range (rand, 50, 400);

      fiscal_document_add_project (doc, project);
      for (guint i = 0; i < n; i++)
        {
          FiscalKind kind = g_rand_int_range (rand, 0, FISCAL_N_KINDS);
          FiscalSource source = g_rand_int_range (rand, 0, FISCAL_N_SOURCES);
          gint64 fen = g_rand_int_range (rand, 1, 100000000);
          g_autofree char *id = fiscal_document_new_line_id (doc);
          g_autoptr(FiscalLine) line = NULL;

          if (i % 7 == 0)
            fen = (fen / 10000) * 10000 + 5000;
          if (i % 11 == 0)
            fen = -fen;
          line = fiscal_line_new_full (id, "main",
                                       functions[g_rand_int_range (rand, 0, G_N_ELEMENTS (functions))],
                                       economics[g_rand_int_range (rand, 0, G_N_ELEMENTS (economics))],
                                       kind, kind == FISCAL_KIND_PROJECT ? "p1" : NULL, source, fen);
          fiscal_document_add_line (doc, line);
        }

      fiscal_test_xlsx_export_and_check (doc, FALSE);
    }

  g_rand_free (rand);
}

static void
test_missing_directory (void)
{
  g_autoptr(FiscalDocument) doc = fiscal_test_load_example (2025);
  g_autofree char *dir = g_dir_make_tmp ("fiscal-xlsx-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-dir", NULL);
  g_autofree char *path = g_build_filename (missing, "budget.xlsx", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (fiscal_export_xlsx (doc, path, &error));
  g_assert_error (error, FISCAL_ERROR, FISCAL_ERROR_EXPORT);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (fiscal_test_count_files (dir), ==, 0);

  fiscal_test_remove_dir (dir);
}

static void
test_replace (void)
{
  g_autoptr(FiscalDocument) doc = fiscal_test_load_example (2025);
  g_autofree char *dir = g_dir_make_tmp ("fiscal-xlsx-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "budget.xlsx", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_true (fiscal_export_xlsx (doc, path, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_cmpmem (contents, 4, "PK\x03\x04", 4);
  g_assert_cmpuint (fiscal_test_count_files (dir), ==, 1);

  fiscal_test_remove_dir (dir);
}

/* An export that fails part-way leaves the old file as it was and no
 * temporary file beside it. */
static void
assert_failure_keeps_old (GPtrArray          *tables,
                          const char * const *names,
                          const char         *what)
{
  g_autofree char *dir = g_dir_make_tmp ("fiscal-xlsx-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "budget.xlsx", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_false (fiscal_export_xlsx_tables (tables, names, NULL, NULL, path, &error));
  g_assert_error (error, FISCAL_ERROR, FISCAL_ERROR_EXPORT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, what));

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_assert_cmpuint (fiscal_test_count_files (dir), ==, 1);

  fiscal_test_remove_dir (dir);
}

static void
test_failure_keeps_old (void)
{
  g_autoptr(FiscalDocument) doc = fiscal_test_load_example (2025);
  g_autoptr(GPtrArray) tables = fiscal_pivot_all (doc);
  const char * const same[] = { "表1", "表1", "表3", "表4", "表5", "表6", "表7", "表8", "表9", "表10", "表11", NULL };
  const char * const bad[] = { "表1", "a/b", NULL };
  g_autoptr(GPtrArray) long_text = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(FiscalTable) table = fiscal_table_new (0, "长文本");
  g_autofree char *text = g_strnfill (40000, 'x');
  FiscalTableRow *row;

  /* Two sheets of one name; a name a sheet may not have. */
  assert_failure_keeps_old (tables, same, "表1");
  g_ptr_array_set_size (tables, 2);
  assert_failure_keeps_old (tables, bad, "a/b");

  /* A text longer than a cell may hold: the message names the sheet and
   * the cell. */
  fiscal_table_add_column (table, FISCAL_COLUMN_NAME, "名称");
  fiscal_table_add_column (table, FISCAL_COLUMN_LABEL, "说明");
  fiscal_table_add_header (table, 0, 0, 1, 1, "名称");
  fiscal_table_add_header (table, 0, 1, 1, 1, "说明");
  row = fiscal_table_add_row (table, "", "第一行", 3);
  fiscal_table_row_set_label (row, 0, text);
  g_ptr_array_add (long_text, g_object_ref (table));
  assert_failure_keeps_old (long_text, NULL, "row 4, column 2");
}

static void
test_text_width (void)
{
  g_assert_cmpint (fiscal_export_text_width (""), ==, 0);
  g_assert_cmpint (fiscal_export_text_width ("318.10"), ==, 6);
  g_assert_cmpint (fiscal_export_text_width ("一般行政管理事务"), ==, 16);
  g_assert_cmpint (fiscal_export_text_width ("ab\n预算预算\nc"), ==, 8);
}

/* CSV */

static GPtrArray *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = fiscal_csv_parse (text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

static void
assert_record (GPtrArray  *rows,
               guint       index,
               const char *first,
               ...)
{
  GStrv fields;
  va_list args;
  const char *want = first;
  guint n = 0;

  g_assert_cmpuint (index, <, rows->len);
  fields = g_ptr_array_index (rows, index);

  va_start (args, first);
  for (; want != NULL; want = va_arg (args, const char *), n++)
    {
      g_assert_nonnull (fields[n]);
      g_assert_cmpstr (fields[n], ==, want);
    }
  va_end (args);
  g_assert_null (fields[n]);
}

static void
test_csv_parse (void)
{
  g_autoptr(GPtrArray) rows = NULL;

  rows = parse_ok ("");
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);

  rows = parse_ok ("\xEF\xBB\xBF" "a,b\r\n,\r\n\r\n\"c,d\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\nlast");
  g_assert_cmpuint (rows->len, ==, 5);
  assert_record (rows, 0, "a", "b", NULL);
  assert_record (rows, 1, "", "", NULL);
  assert_record (rows, 2, "", NULL);
  assert_record (rows, 3, "c,d", "say \"hi\"", "two\r\nlines", NULL);
  assert_record (rows, 4, "last", NULL);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* LF alone, a trailing comma, an empty quoted field, a BOM only at the
   * start. */
  rows = parse_ok ("x,\n\"\",y\n\xEF\xBB\xBF" "z\n");
  g_assert_cmpuint (rows->len, ==, 3);
  assert_record (rows, 0, "x", "", NULL);
  assert_record (rows, 1, "", "y", NULL);
  assert_record (rows, 2, "\xEF\xBB\xBF" "z", NULL);
}

static void
assert_parse_error (const char *text,
                    int         code,
                    const char *where)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = fiscal_csv_parse (text, strlen (text), &error);

  g_assert_null (rows);
  g_assert_error (error, FISCAL_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, where));
}

static void
test_csv_errors (void)
{
  /* The line named is where the open quote is, not the end of the text. */
  assert_parse_error ("a,b\r\nc,\"d\r\ne\r\nf\r\n", FISCAL_ERROR_CSV_SYNTAX, "line 2:");
  assert_parse_error ("\"a\nb\"x,c\n", FISCAL_ERROR_CSV_SYNTAX, "line 2:");
  assert_parse_error ("a\nb\nc\"d\n", FISCAL_ERROR_CSV_SYNTAX, "line 3:");
  assert_parse_error ("a\n\xff\n", FISCAL_ERROR_NOT_UTF8, "line 2:");
}

/* The bytes the allocator hands out now, where it can tell. */
static gsize
allocated_now (void)
{
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
  struct mallinfo2 info = mallinfo2 ();

  return info.uordblks + info.hblkhd;
#else
  return 0;
#endif
}

/* Texts made to cost: a field of megabytes, a line of a million empty
 * fields, a million empty lines, a quote that never closes. Each is read
 * in one pass, and the records cost a few bytes a field, not an allocation
 * each. */
static void
test_csv_hostile (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *text = NULL;
  gsize before;
  GStrv record;

  /* One field of 16 MiB. */
  text = g_malloc (16 * 1024 * 1024 + 1);
  memset (text, 'x', 16 * 1024 * 1024);
  text[16 * 1024 * 1024] = 0;
  rows = parse_ok (text);
  g_assert_cmpuint (rows->len, ==, 1);
  record = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (strlen (record[0]), ==, 16 * 1024 * 1024);
  g_assert_null (record[1]);
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_clear_pointer (&text, g_free);

  /* A million commas: a record of a million and one empty fields, nine
   * bytes each. */
  text = g_strnfill (1000000, ',');
  before = allocated_now ();
  rows = parse_ok (text);
  g_test_message ("a million empty fields: %" G_GSIZE_FORMAT " bytes", allocated_now () - before);
  if (before > 0)
    g_assert_cmpuint (allocated_now () - before, <, 12 * 1000001);
  g_assert_cmpuint (rows->len, ==, 1);
  record = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (g_strv_length (record), ==, 1000001);
  for (guint i = 0; i < 1000001; i++)
    g_assert_cmpstr (record[i], ==, "");
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_clear_pointer (&text, g_free);

  /* A million line breaks: a million records of one empty field. */
  text = g_strnfill (1000000, '\n');
  before = allocated_now ();
  rows = parse_ok (text);
  g_test_message ("a million empty lines: %" G_GSIZE_FORMAT " bytes", allocated_now () - before);
  if (before > 0)
    g_assert_cmpuint (allocated_now () - before, <, 48 * 1000000);
  g_assert_cmpuint (rows->len, ==, 1000000);
  for (guint i = 0; i < rows->len; i++)
    {
      record = g_ptr_array_index (rows, i);
      g_assert_cmpstr (record[0], ==, "");
      g_assert_null (record[1]);
    }
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_clear_pointer (&text, g_free);

  /* A quote that never closes, before megabytes of lines: named where it
   * opens. */
  {
    GString *s = g_string_new ("a,b\r\nc,\"d");

    for (guint i = 0; i < 1000000; i++)
      g_string_append (s, "\r\nmore,text");
    text = g_string_free (s, FALSE);
  }
  rows = fiscal_csv_parse (text, strlen (text), &error);
  g_assert_null (rows);
  g_assert_error (error, FISCAL_ERROR, FISCAL_ERROR_CSV_SYNTAX);
  g_assert_cmpstr (error->message, ==, "CSV line 2: the quoted field that starts there has no closing quote");
  g_clear_error (&error);
  g_clear_pointer (&text, g_free);

  /* A quoted field of doubled quotes and line breaks only. */
  {
    GString *s = g_string_new ("\"");

    for (guint i = 0; i < 100000; i++)
      g_string_append (s, "\"\"\r\n");
    g_string_append (s, "\",last\r\n");
    text = g_string_free (s, FALSE);
  }
  rows = parse_ok (text);
  g_assert_cmpuint (rows->len, ==, 1);
  record = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (strlen (record[0]), ==, 3 * 100000);
  g_assert_cmpstr (record[1], ==, "last");
  g_assert_null (record[2]);
}

/* Every table of @tables written as CSV and read back: the same texts and
 * the same displayed amounts, cell by cell. */
static void
assert_round_trip (GPtrArray *tables)
{
  g_autofree char *csv = fiscal_tables_to_csv_full (tables, FISCAL_CSV_BOM);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  guint next = 0;
  guint n_amounts = 0;

  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF"));
  rows = fiscal_csv_parse (csv, strlen (csv), &error);
  g_assert_no_error (error);

  for (guint t = 0; t < tables->len; t++)
    {
      FiscalTable *table = g_ptr_array_index (tables, t);
      guint n_columns = fiscal_table_get_n_columns (table);
      g_autofree char *heading = fiscal_test_table_heading (table);
      g_autofree char *department = g_strdup_printf ("编制部门：%s", fiscal_table_get_department (table) ?: "");
      GStrv fields;

      if (t > 0)
        assert_record (rows, next++, "", NULL);

      fields = g_ptr_array_index (rows, next++);
      g_assert_cmpuint (g_strv_length (fields), ==, 1);
      {
        g_autofree char *text = fiscal_csv_field_text (fields[0]);
        g_assert_cmpstr (text, ==, heading);
      }
      assert_record (rows, next++, department, "单位：万元", NULL);

      for (guint r = 0; r < fiscal_table_get_n_header_rows (table); r++)
        {
          fields = g_ptr_array_index (rows, next++);
          g_assert_cmpuint (g_strv_length (fields), ==, n_columns);
          for (guint i = 0; i < fiscal_table_get_n_header_cells (table); i++)
            {
              const FiscalTableHeaderCell *cell = fiscal_table_get_header_cell (table, i);
              g_autofree char *text = NULL;

              if (cell->row != r)
                continue;
              text = fiscal_csv_field_text (fields[cell->column]);
              g_assert_cmpstr (text, ==, cell->text);
            }
        }

      for (guint r = 0; r < fiscal_table_get_n_rows (table); r++)
        {
          const FiscalTableRow *row = fiscal_table_get_row (table, r);
          guint cell = 0;

          fields = g_ptr_array_index (rows, next++);
          g_assert_cmpuint (g_strv_length (fields), ==, n_columns);
          for (guint c = 0; c < n_columns; c++)
            {
              FiscalColumnKind kind = fiscal_table_get_column (table, c)->kind;
              g_autofree char *shown = fiscal_table_get_column_text (table, r, c);
              g_autofree char *text = fiscal_csv_field_text (fields[c]);

              g_assert_cmpstr (text, ==, shown);
              if (kind == FISCAL_COLUMN_AMOUNT && row->cells[cell].text == NULL)
                {
                  gint64 fen = 0;

                  /* The field is the displayed amount itself: read as
                   * 万元 it is the cell rounded to 0.01 万元 (10000 fen). */
                  g_assert_cmpstr (fields[c], ==, shown);
                  if (fields[c][0] != 0)
                    {
                      g_assert_true (fiscal_money_parse_wan (fields[c], &fen, NULL));
                      n_amounts++;
                    }
                  g_assert_cmpint (fen, ==, fiscal_money_round_wan (row->cells[cell].amount) * 10000);
                }
              if (kind == FISCAL_COLUMN_LABEL || kind == FISCAL_COLUMN_AMOUNT)
                cell++;
            }
        }

      if (fiscal_table_get_note (table) != NULL)
        {
          g_autofree char *note = NULL;

          fields = g_ptr_array_index (rows, next++);
          g_assert_cmpuint (g_strv_length (fields), ==, 1);
          note = fiscal_csv_field_text (fields[0]);
          g_assert_cmpstr (note, ==, fiscal_table_get_note (table));
        }
    }

  g_assert_cmpuint (next, ==, rows->len);
  g_test_message ("%u amounts read back", n_amounts);
}

static void
test_csv_round_trip (void)
{
  g_autoptr(FiscalDocument) doc = fiscal_test_load_example (2025);
  g_autoptr(GPtrArray) tables = fiscal_export_collect_tables (doc, NULL);
  g_autofree char *plain = fiscal_tables_to_csv (tables);

  /* Without the flag there is no byte order mark; the rest is the same. */
  g_assert_false (g_str_has_prefix (plain, "\xEF\xBB\xBF"));
  assert_round_trip (tables);
}

/* Each start OWASP lists for CSV injection (= + - @, tab, carriage return)
 * gets an apostrophe in every place a text is written: title, header,
 * name, label, a text in an amount column and the note. An amount stays
 * the number it is, minus sign and all. The bytes are asserted whole. */
static void
test_csv_dangerous_prefixes (void)
{
  static const char * const prefixes[] = { "=", "+", "-", "@", "\t", "\r" };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      const char *p = prefixes[i];
      g_autofree char *title = g_strconcat (p, "标题", NULL);
      g_autofree char *header = g_strconcat (p, "名称", NULL);
      g_autofree char *name = g_strconcat (p, "cmd|' /C calc'!A0", NULL);
      g_autofree char *label = g_strconcat (p, "1+1", NULL);
      g_autofree char *amount_text = g_strconcat (p, "2+3", NULL);
      g_autofree char *note = g_strconcat (p, "注", NULL);
      g_autoptr(FiscalTable) table = fiscal_table_new (0, title);
      g_autoptr(GPtrArray) tables = g_ptr_array_new ();
      g_autoptr(GPtrArray) rows = NULL;
      g_autofree char *csv = NULL;
      g_autofree char *expected = NULL;
      FiscalTableRow *row;

      fiscal_table_add_column (table, FISCAL_COLUMN_NAME, "名称");
      fiscal_table_add_column (table, FISCAL_COLUMN_LABEL, "说明");
      fiscal_table_add_column (table, FISCAL_COLUMN_AMOUNT, "金额");
      fiscal_table_add_header (table, 0, 0, 1, 1, header);
      fiscal_table_add_header (table, 0, 1, 1, 1, "说明");
      fiscal_table_add_header (table, 0, 2, 1, 1, "金额");
      row = fiscal_table_add_row (table, "", name, 3);
      fiscal_table_row_set_label (row, 0, label);
      fiscal_table_row_set_label (row, 1, amount_text);
      row = fiscal_table_add_row (table, "", "负数", 3);
      fiscal_table_row_set_label (row, 0, "x");
      fiscal_table_row_set_amount (row, 1, -1200000);
      fiscal_table_set_note (table, note);
      g_ptr_array_add (tables, table);

      csv = fiscal_tables_to_csv (tables);
      if (p[0] == '\r')
        expected = g_strdup ("\"'\r标题\"\r\n"
                             "编制部门：,单位：万元\r\n"
                             "\"'\r名称\",说明,金额\r\n"
                             "\"'\rcmd|' /C calc'!A0\",\"'\r1+1\",\"'\r2+3\"\r\n"
                             "负数,x,-1.20\r\n"
                             "\"'\r注\"\r\n");
      else
        expected = g_strdup_printf ("'%s标题\r\n"
                                    "编制部门：,单位：万元\r\n"
                                    "'%s名称,说明,金额\r\n"
                                    "'%scmd|' /C calc'!A0,'%s1+1,'%s2+3\r\n"
                                    "负数,x,-1.20\r\n"
                                    "'%s注\r\n",
                                    p, p, p, p, p, p);
      g_test_message ("prefix 0x%02x", (guchar) p[0]);
      g_assert_cmpstr (csv, ==, expected);

      /* Read back, each text is what it was. */
      rows = fiscal_csv_parse (csv, strlen (csv), NULL);
      g_assert_nonnull (rows);
      assert_round_trip (tables);
    }
}

/* Names and labels a spreadsheet would take for formulas come out with an
 * apostrophe before them; the reader gives them back as they were. */
static void
test_csv_formula_texts (void)
{
  g_autoptr(FiscalDocument) doc = fiscal_test_load_example (2025);
  g_autoptr(FiscalProject) project = g_list_model_get_item (fiscal_document_get_projects (doc), 0);
  GListModel *indicators = fiscal_targets_get_indicators (fiscal_document_get_targets (doc));
  g_autoptr(FiscalIndicator) first = g_list_model_get_item (indicators, 0);
  g_autoptr(FiscalIndicator) second = g_list_model_get_item (indicators, 1);
  g_autoptr(FiscalTable) table = fiscal_table_new (0, "-负数");
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *csv = NULL;
  FiscalTableRow *row;

  fiscal_project_set_name (project, "=1+1");
  fiscal_indicator_set_field (first, FISCAL_INDICATOR_LEVEL1, "+cmd");
  fiscal_indicator_set_field (first, FISCAL_INDICATOR_LEVEL2, "-2");
  fiscal_indicator_set_field (first, FISCAL_INDICATOR_NAME, "@SUM(A1:A3)");
  fiscal_indicator_set_field (second, FISCAL_INDICATOR_BASIS, "'=already quoted");
  fiscal_indicator_set_field (second, FISCAL_INDICATOR_WEIGHT, "''+two");
  fiscal_indicator_set_field (second, FISCAL_INDICATOR_LEVEL2, "'plain");

  /* A hand-made table: a negative amount is a number, not a formula, and
   * keeps its sign. */
  fiscal_table_add_column (table, FISCAL_COLUMN_NAME, "名称");
  fiscal_table_add_column (table, FISCAL_COLUMN_AMOUNT, "金额");
  fiscal_table_add_header (table, 0, 0, 1, 1, "=名称");
  fiscal_table_add_header (table, 0, 1, 1, 1, "金额");
  row = fiscal_table_add_row (table, "", "-2", 3);
  fiscal_table_row_set_amount (row, 0, -20000);

  tables = fiscal_export_collect_tables (doc, NULL);
  g_ptr_array_add (tables, g_object_ref (table));
  csv = fiscal_tables_to_csv (tables);

  g_assert_nonnull (strstr (csv, ",'=1+1,"));
  g_assert_nonnull (strstr (csv, "\r\n'+cmd,'-2,'@SUM(A1:A3),"));
  g_assert_nonnull (strstr (csv, ",''=already quoted,'''+two\r\n"));
  g_assert_nonnull (strstr (csv, ",'plain,"));
  g_assert_nonnull (strstr (csv, "\r\n'-负数\r\n"));
  g_assert_nonnull (strstr (csv, "\r\n'=名称,金额\r\n'-2,-0.02\r\n"));
  g_assert_null (strstr (csv, ",=1+1"));

  rows = fiscal_csv_parse (csv, strlen (csv), NULL);
  assert_record (rows, rows->len - 1, "'-2", "-0.02", NULL);

  assert_round_trip (tables);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export-xlsx/example", test_example_workbook);
  g_test_add_func ("/export-xlsx/formula-texts", test_formula_texts);
  g_test_add_func ("/export-xlsx/edge-amounts", test_edge_amounts);
  g_test_add_func ("/export-xlsx/random-budgets", test_random_workbooks);
  g_test_add_func ("/export-xlsx/missing-directory", test_missing_directory);
  g_test_add_func ("/export-xlsx/replace", test_replace);
  g_test_add_func ("/export-xlsx/failure-keeps-old", test_failure_keeps_old);
  g_test_add_func ("/export-xlsx/text-width", test_text_width);
  g_test_add_func ("/csv/parse", test_csv_parse);
  g_test_add_func ("/csv/errors", test_csv_errors);
  g_test_add_func ("/csv/round-trip", test_csv_round_trip);
  g_test_add_func ("/csv/formula-texts", test_csv_formula_texts);
  g_test_add_func ("/csv/dangerous-prefixes", test_csv_dangerous_prefixes);
  g_test_add_func ("/csv/hostile", test_csv_hostile);

  return g_test_run ();
}
