/* test-formats-export.c
 *
 * Every export follows the budget's disclosure format. A Shanghai budget
 * (tests/data/shanghai-district-2026.fiscal.json, and the minimal budget
 * put in Shanghai's format in code) comes out in its nine tables — as CSV,
 * as a workbook, in the PDF and from fiscal-cli — with the amounts as the
 * format prints them (元 grouped by thousands, the “三公” table in 万元
 * with its zeros as 0), the titles with their year, each table's unit and
 * the format's wording of an empty table. A format of thirteen tables
 * (tests/data/formats/test-13.json, compiled into this program only) is
 * printed whole. fiscal-cli lists the formats and shows a budget in
 * another format with --disclosure, leaving its file as it was; the
 * narrative of a Shanghai budget names no national table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "fiscal-test-util.h"
#include "fiscal-test-xlsx.h"

#define SHANGHAI_DEPARTMENT "上海市示例区文化和旅游局"

typedef PopplerPage TestPage;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPage, g_object_unref)

static char *
shanghai_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "shanghai-district-2026.fiscal.json", NULL);
}

static FiscalDocument *
load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  FiscalDocument *doc = fiscal_document_load (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static FiscalDocument *
load_shanghai (void)
{
  g_autofree char *path = shanghai_path ();
  FiscalDocument *doc = load (path);

  g_assert_cmpstr (fiscal_document_get_format_id (doc), ==, "shanghai-9");
  return doc;
}

/* tests/data/minimal.fiscal.json in the format @id. */
static FiscalDocument *
load_minimal_as (const char *id)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "minimal.fiscal.json", NULL);
  FiscalDocument *doc = load (path);

  g_assert_cmpstr (fiscal_document_get_format_id (doc), ==, FISCAL_FORMAT_DEFAULT);
  fiscal_document_set_format_id (doc, id);
  g_assert_cmpstr (fiscal_document_get_format_id (doc), ==, id);
  return doc;
}

static char *
temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("fiscal-formats-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (out, *p);

  return g_string_free (out, FALSE);
}

/* The rows of @table as the table prints them, row by row, cell by
 * cell, separated by "|". */
static char *
row_text (FiscalTable *table,
          guint        row)
{
  GString *out = g_string_new (NULL);

  for (guint c = 0; c < fiscal_table_get_n_columns (table); c++)
    {
      g_autofree char *text = fiscal_table_get_column_text (table, row, c);

      g_string_append_printf (out, "%s%s", c > 0 ? "|" : "", text);
    }

  return g_string_free (out, FALSE);
}

/* ---- The tables and CSV ------------------------------------------------- */

static void
test_tables (void)
{
  g_autoptr(FiscalDocument) doc = load_shanghai ();
  g_autoptr(GPtrArray) tables = fiscal_pivot_all (doc);
  FiscalTable *t2, *t6, *t9;
  g_autofree char *total = NULL;
  g_autofree char *sangong = NULL;

  g_assert_cmpuint (tables->len, ==, 9);
  for (guint i = 0; i < tables->len; i++)
    {
      FiscalTable *table = g_ptr_array_index (tables, i);

      g_assert_cmpuint (fiscal_table_get_number (table), ==, i + 1);
      g_assert_true (g_str_has_prefix (fiscal_table_get_title (table), "2026年部门"));
      g_assert_cmpstr (fiscal_table_get_unit (table), ==, i == 8 ? "万元" : "元");
      g_assert_cmpstr (fiscal_table_get_department (table), ==, SHANGHAI_DEPARTMENT);
    }

  /* 表2's 合计 in whole 元, grouped; no column of 事业单位经营收入. */
  t2 = g_ptr_array_index (tables, 1);
  g_assert_cmpstr (fiscal_table_get_title (t2), ==, "2026年部门收入预算总表");
  total = row_text (t2, fiscal_table_get_n_rows (t2) - 1);
  g_assert_cmpstr (total, ==, "|||合计|40,209,803|40,064,803|85,000||60,000");

  /* The empty 政府性基金 table says so in the format's words. */
  t6 = g_ptr_array_index (tables, 5);
  g_assert_cmpuint (fiscal_table_get_n_rows (t6), ==, 1);
  g_assert_cmpstr (fiscal_table_get_note (t6), ==, "注:本部门2026年无政府性基金预算财政拨款安排的预算，故本表为空表。");

  /* “三公” in 万元: 30217 and 30231 of the fiscal lines, zeros as 0; the
   * 机关运行经费 of the profile. */
  t9 = g_ptr_array_index (tables, 8);
  sangong = row_text (t9, 0);
  g_assert_cmpstr (sangong, ==, "11.49|0|2.11|9.38|0|9.38|159.56");
}

static void
test_csv (void)
{
  g_autoptr(FiscalDocument) doc = load_shanghai ();
  g_autoptr(GPtrArray) tables = fiscal_pivot_all (doc);
  g_autofree char *csv = fiscal_tables_to_csv (tables);
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "tables.csv", NULL);
  g_autofree char *written = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) title = g_regex_new ("^表([0-9]+) ", 0, 0, NULL);
  guint n_titles = 0;

  g_assert_true (g_str_has_prefix (csv, "表1 2026年部门财务收支预算总表\r\n"
                                        "编制部门：上海市示例区文化和旅游局,单位：元\r\n"));
  g_assert_nonnull (strstr (csv, "\r\n收入总计,\"40,209,803\",支出总计,\"40,209,803\"\r\n"));
  g_assert_nonnull (strstr (csv, "\r\n表2 2026年部门收入预算总表\r\n"
                                 "编制部门：上海市示例区文化和旅游局,单位：元\r\n"));
  g_assert_nonnull (strstr (csv, "\r\n,,,合计,\"40,209,803\",\"40,064,803\",\"85,000\",,\"60,000\"\r\n"));
  g_assert_nonnull (strstr (csv, "\r\n207,01,04,图书馆,\"7,954,427\",\"7,869,427\",\"85,000\",,\r\n"));
  g_assert_nonnull (strstr (csv, "\r\n,,,合计,,,\r\n"
                                 "注:本部门2026年无政府性基金预算财政拨款安排的预算，故本表为空表。\r\n"));
  g_assert_nonnull (strstr (csv, "\r\n表9 2026年部门“三公”经费和机关运行经费预算表\r\n"
                                 "编制部门：上海市示例区文化和旅游局,单位：万元\r\n"));
  g_assert_true (g_str_has_suffix (csv, "\r\n11.49,0,2.11,9.38,0,9.38,159.56\r\n"));

  /* Nine tables and no tenth; no amount is taken for a formula. */
  records = fiscal_csv_parse (csv, strlen (csv), &error);
  g_assert_no_error (error);
  for (guint r = 0; r < records->len; r++)
    {
      char **fields = g_ptr_array_index (records, r);

      if (fields[0] != NULL && g_regex_match (title, fields[0], 0, NULL))
        n_titles++;
      for (guint f = 0; fields[f] != NULL; f++)
        g_assert_cmpint (fields[f][0], !=, '\'');
    }
  g_assert_cmpuint (n_titles, ==, 9);

  /* The export writes the same. */
  g_assert_true (fiscal_export_csv (doc, path, FISCAL_CSV_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, csv);

  /* The minimal budget put in Shanghai's format in code. */
  {
    g_autoptr(FiscalDocument) minimal = load_minimal_as ("shanghai-9");
    g_autoptr(GPtrArray) its = fiscal_pivot_all (minimal);
    g_autofree char *text = fiscal_tables_to_csv (its);

    g_assert_cmpuint (its->len, ==, 9);
    g_assert_true (g_str_has_prefix (text, "表1 2025年部门财务收支预算总表\r\n"));
    g_assert_nonnull (strstr (text, "\r\n收入总计,\"620,280\",支出总计,\"620,280\"\r\n"));
    g_assert_true (g_str_has_suffix (text, "\r\n0,0,0,0,0,0,3.05\r\n"));
  }

  g_unlink (path);
  g_rmdir (dir);
}

/* A grouped negative amount is a number, not a text to defuse. */
static void
test_csv_grouped_negative (void)
{
  const FiscalAmountStyle yuan = { "元", 100, 0, TRUE, FISCAL_ZERO_BLANK };
  g_autoptr(FiscalTable) table = fiscal_table_new (1, "退回");
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *csv = NULL;
  FiscalTableRow *row;

  fiscal_table_set_amount_style (table, &yuan);
  fiscal_table_add_column (table, FISCAL_COLUMN_NAME, "项目");
  fiscal_table_add_column (table, FISCAL_COLUMN_AMOUNT, "甲");
  fiscal_table_add_column (table, FISCAL_COLUMN_AMOUNT, "乙");
  fiscal_table_add_column (table, FISCAL_COLUMN_AMOUNT, "丙");
  row = fiscal_table_add_row (table, "", "-退回", 1);
  fiscal_table_row_set_amount (row, 0, -123456700);
  fiscal_table_row_set_amount (row, 1, -99900);
  fiscal_table_row_set_amount (row, 2, 100000000000);
  g_ptr_array_add (tables, g_object_ref (table));

  csv = fiscal_tables_to_csv (tables);
  g_assert_true (g_str_has_suffix (csv, "\r\n'-退回,\"-1,234,567\",-999,\"1,000,000,000\"\r\n"));
}

/* ---- The workbook ------------------------------------------------------- */

static void
test_xlsx (void)
{
  g_autoptr(FiscalDocument) doc = load_shanghai ();
  g_autoptr(GPtrArray) tables = NULL;
  g_auto(GStrv) names = NULL;
  g_autofree char *yuan = NULL;
  g_autofree char *wan = NULL;
  g_autofree char *wan_zero = NULL;

  /* 表1 … 表9, then the department's targets. */
  tables = fiscal_export_collect_tables (doc, &names);
  g_assert_cmpuint (tables->len, ==, 10);
  for (guint i = 0; i < 9; i++)
    {
      g_autofree char *name = g_strdup_printf ("表%u", i + 1);
      g_assert_cmpstr (names[i], ==, name);
    }
  g_assert_cmpstr (names[9], ==, "部门整体绩效目标");

  /* What the sheets are checked against: 元 as #,##0, the “三公” table's
   * 万元 as 0.00 and its zeros as 0. */
  yuan = fiscal_test_number_format (fiscal_table_get_amount_style (g_ptr_array_index (tables, 1)), FALSE);
  wan = fiscal_test_number_format (fiscal_table_get_amount_style (g_ptr_array_index (tables, 8)), FALSE);
  wan_zero = fiscal_test_number_format (fiscal_table_get_amount_style (g_ptr_array_index (tables, 8)), TRUE);
  g_assert_cmpstr (yuan, ==, "#,##0");
  g_assert_cmpstr (wan, ==, "0.00");
  g_assert_cmpstr (wan_zero, ==, "0");

  /* Every cell as the table shows it, in its number format, each sheet
   * with its unit; and wrong expectations fail. */
  fiscal_test_xlsx_export_and_check (doc, TRUE);

  /* The minimal budget in Shanghai's format, and in a format of
   * thirteen tables, one of them in 万元 with its zeros as 0.00. */
  {
    g_autoptr(FiscalDocument) minimal = load_minimal_as ("shanghai-9");
    g_autoptr(FiscalDocument) thirteen = load_minimal_as ("test-13");
    g_autoptr(GPtrArray) its = fiscal_export_collect_tables (thirteen, NULL);
    FiscalTable *t12 = g_ptr_array_index (its, 11);

    fiscal_test_xlsx_export_and_check (minimal, FALSE);

    g_assert_cmpuint (its->len, ==, 13 + 1);   /* and the department's targets */
    g_assert_cmpstr (fiscal_table_get_unit (t12), ==, "万元");
    g_assert_cmpuint (fiscal_table_get_amount_style (t12)->zero, ==, FISCAL_ZERO_DECIMALS);
    fiscal_test_xlsx_export_and_check (thirteen, FALSE);
  }
}

/* ---- The PDF ------------------------------------------------------------ */

typedef struct
{
  PopplerDocument *pdf;
  GPtrArray       *texts;   /* each page's text */
} Pdf;

static void
pdf_clear (Pdf *pdf)
{
  g_clear_object (&pdf->pdf);
  g_clear_pointer (&pdf->texts, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Pdf, pdf_clear)

static void
pdf_open (Pdf        *pdf,
          const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);

  g_assert_no_error (error);
  pdf->pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  pdf->texts = g_ptr_array_new_with_free_func (g_free);
  for (int i = 0; i < poppler_document_get_n_pages (pdf->pdf); i++)
    {
      g_autoptr(TestPage) page = poppler_document_get_page (pdf->pdf, i);
      g_ptr_array_add (pdf->texts, poppler_page_get_text (page));
    }
}

static char *
pages_squeezed (Pdf   *pdf,
                guint  first,
                guint  last)
{
  g_autoptr(GString) all = g_string_new (NULL);

  for (guint i = first; i < last && i < pdf->texts->len; i++)
    g_string_append (all, pdf->texts->pdata[i]);

  return squeeze (all->str);
}

/* How many times each word is on pages [first, last) as its glyphs stand:
 * a word ends at a space, a line's end or a gap between two glyphs, so
 * two cells of a table are two words however the page's text runs them
 * together. */
static GHashTable *
pages_words (Pdf   *pdf,
             guint  first,
             guint  last)
{
  GHashTable *words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint p = first; p < last; p++)
    {
      g_autoptr(TestPage) page = poppler_document_get_page (pdf->pdf, p);
      g_autofree char *text = poppler_page_get_text (page);
      g_autoptr(GString) word = g_string_new (NULL);
      PopplerRectangle *rects = NULL;
      const PopplerRectangle *last_rect = NULL;
      guint n_rects = 0, i = 0;

      g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
      for (const char *c = text; ; c = g_utf8_next_char (c), i++)
        {
          gboolean end = *c == '\0' || i >= n_rects;
          gunichar ch = end ? ' ' : g_utf8_get_char (c);
          const PopplerRectangle *r = end ? NULL : &rects[i];
          gboolean gap = r != NULL && last_rect != NULL &&
                         (r->x1 - last_rect->x2 > 1.5 || r->x1 < last_rect->x1 || fabs (r->y2 - last_rect->y2) > 2);

          if ((end || g_unichar_isspace (ch) || gap) && word->len > 0)
            {
              guint n = GPOINTER_TO_UINT (g_hash_table_lookup (words, word->str));
              g_hash_table_insert (words, g_strdup (word->str), GUINT_TO_POINTER (n + 1));
              g_string_truncate (word, 0);
            }
          if (end)
            break;
          if (g_unichar_isspace (ch))
            last_rect = NULL;
          else
            {
              g_string_append_unichar (word, ch);
              last_rect = r;
            }
        }
      g_free (rects);
    }

  return words;
}

static guint
count (GHashTable *words,
       const char *word)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (words, word));
}

/* The page after the last of the entry at @position: where the next entry
 * of its level or above starts. */
static guint
entry_end (FiscalPrintLayout *layout,
           guint              position)
{
  const FiscalPrintEntry *entry = fiscal_print_layout_get_entry (layout, position);

  for (guint i = position + 1; i < fiscal_print_layout_get_n_entries (layout); i++)
    {
      const FiscalPrintEntry *next = fiscal_print_layout_get_entry (layout, i);

      if (next->level <= entry->level)
        return MAX (next->page, entry->page + 1);
    }
  return fiscal_print_layout_get_n_pages (layout);
}

/* The titles of the entries under 第二部分. */
static GPtrArray *
table_entries (FiscalPrintLayout *layout)
{
  GPtrArray *titles = g_ptr_array_new ();
  gboolean in_tables = FALSE;

  for (guint i = 0; i < fiscal_print_layout_get_n_entries (layout); i++)
    {
      const FiscalPrintEntry *entry = fiscal_print_layout_get_entry (layout, i);

      if (entry->level == 0)
        in_tables = g_str_has_prefix (entry->title, "第二部分");
      else if (in_tables)
        g_ptr_array_add (titles, entry->title);
    }

  return titles;
}

/* How many tables the outline of the PDF lists under 第二部分. */
static guint
outline_tables (Pdf *pdf)
{
  PopplerIndexIter *iter = poppler_index_iter_new (pdf->pdf);
  guint n = 0;

  g_assert_nonnull (iter);
  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);

      if (g_str_has_prefix (action->goto_dest.title, "第二部分"))
        {
          PopplerIndexIter *child = poppler_index_iter_get_child (iter);

          do
            n++;
          while (poppler_index_iter_next (child));
          poppler_index_iter_free (child);
        }
      poppler_action_free (action);
    }
  while (poppler_index_iter_next (iter));
  poppler_index_iter_free (iter);

  return n;
}

/* Each table of @doc's format on its pages: the label 表N, its title, the
 * 编制部门 line with its unit, every amount as the table prints it, and the
 * note of an empty table. */
static void
check_tables (FiscalDocument    *doc,
              FiscalPrintLayout *layout,
              Pdf               *pdf)
{
  g_autoptr(GPtrArray) tables = fiscal_pivot_all (doc);
  g_autoptr(GPtrArray) entries = table_entries (layout);

  g_assert_cmpuint (entries->len, ==, tables->len);
  g_assert_cmpuint (outline_tables (pdf), ==, tables->len);

  for (guint t = 0; t < tables->len; t++)
    {
      FiscalTable *table = g_ptr_array_index (tables, t);
      guint number = fiscal_table_get_number (table);
      int position = fiscal_print_layout_find_table (layout, number);
      const FiscalPrintEntry *entry;
      g_autofree char *label = g_strdup_printf ("表%u", number);
      g_autofree char *unit = g_strdup_printf ("单位：%s", fiscal_table_get_unit (table));
      g_autofree char *title = squeeze (fiscal_table_get_title (table));
      g_autofree char *text = NULL;
      g_autoptr(GHashTable) words = NULL;
      g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      GHashTableIter iter;
      gpointer key, value;
      guint end;

      g_assert_cmpint (position, >, 0);
      entry = fiscal_print_layout_get_entry (layout, position);
      g_assert_true (g_str_has_suffix (entry->title, fiscal_table_get_title (table)));
      g_assert_cmpstr (entry->title, ==, entries->pdata[t]);
      end = entry_end (layout, position);
      text = pages_squeezed (pdf, entry->page, end);
      g_assert_nonnull (strstr (text, label));
      g_assert_nonnull (strstr (text, title));
      g_assert_nonnull (strstr (text, unit));

      for (guint r = 0; r < fiscal_table_get_n_rows (table); r++)
        for (guint c = 0; c < fiscal_table_get_n_columns (table); c++)
          {
            g_autofree char *shown = NULL;

            if (fiscal_table_get_column (table, c)->kind != FISCAL_COLUMN_AMOUNT)
              continue;
            shown = fiscal_table_get_column_text (table, r, c);
            if (*shown == '\0')
              continue;
            value = g_hash_table_lookup (wanted, shown);
            g_hash_table_insert (wanted, g_strdup (shown), GUINT_TO_POINTER (GPOINTER_TO_UINT (value) + 1));
          }

      words = pages_words (pdf, entry->page, end);
      g_hash_table_iter_init (&iter, wanted);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (count (words, key) < GPOINTER_TO_UINT (value))
          g_error ("表%u shows %s %u times, its pages %u times", number, (char *) key,
                   GPOINTER_TO_UINT (value), count (words, key));

      if (fiscal_table_get_note (table) != NULL)
        {
          g_autofree char *note = squeeze (fiscal_table_get_note (table));
          g_assert_nonnull (strstr (text, note));
        }
    }

  /* No table the format does not have. */
  g_assert_cmpint (fiscal_print_layout_find_table (layout, 0), ==, -1);
  g_assert_cmpint (fiscal_print_layout_find_table (layout, tables->len + 1), ==, -1);
}

static void
test_pdf_shanghai (void)
{
  g_autoptr(FiscalDocument) doc = load_shanghai ();
  g_autoptr(FiscalPrintLayout) layout = fiscal_print_layout_new (doc, NULL, NULL);
  g_autoptr(GPtrArray) entries = table_entries (layout);
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "shanghai.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *all = NULL;
  g_auto(Pdf) pdf = { 0 };

  g_assert_true (fiscal_export_pdf (doc, NULL, NULL, path, &error));
  g_assert_no_error (error);
  pdf_open (&pdf, path);
  g_assert_cmpint (poppler_document_get_n_pages (pdf.pdf), ==, fiscal_print_layout_get_n_pages (layout));

  /* The contents list the nine tables, numbered as the contents number
   * them, with their titles. */
  g_assert_cmpuint (entries->len, ==, 9);
  g_assert_cmpstr (entries->pdata[0], ==, "一、2026年部门财务收支预算总表");
  g_assert_cmpstr (entries->pdata[8], ==, "九、2026年部门“三公”经费和机关运行经费预算表");

  check_tables (doc, layout, &pdf);

  /* The figures of the brief: 表2's 合计 in grouped 元, the “三公”
   * table's zeros as 0. */
  {
    int p2 = fiscal_print_layout_find_table (layout, 2);
    int p9 = fiscal_print_layout_find_table (layout, 9);
    const FiscalPrintEntry *e2 = fiscal_print_layout_get_entry (layout, p2);
    const FiscalPrintEntry *e9 = fiscal_print_layout_get_entry (layout, p9);
    g_autoptr(GHashTable) w2 = pages_words (&pdf, e2->page, entry_end (layout, p2));
    g_autoptr(GHashTable) w9 = pages_words (&pdf, e9->page, entry_end (layout, p9));

    g_assert_cmpuint (count (w2, "40,209,803"), ==, 1);
    g_assert_cmpuint (count (w2, "40,064,803"), ==, 1);
    g_assert_cmpuint (count (w2, "4020.98"), ==, 0);
    g_assert_cmpuint (count (w9, "11.49"), ==, 1);
    g_assert_cmpuint (count (w9, "0"), ==, 2);
    g_assert_cmpuint (count (w9, "159.56"), ==, 1);
  }

  /* Nothing in it is a national table: no title, no empty-table sentence
   * of the national narrative. */
  all = pages_squeezed (&pdf, 0, pdf.texts->len);
  for (guint n = 1; n <= FISCAL_N_TABLES; n++)
    {
      g_autofree char *national = squeeze (fiscal_pivot_table_title (n));

      if (strstr (all, national) != NULL)
        g_error ("The Shanghai PDF names national table %u, %s", n, national);
    }
  g_assert_nonnull (strstr (all, "2026年没有使用政府性基金预算拨款安排的支出。"));

  g_unlink (path);
  g_rmdir (dir);
}

/* A format of more tables than the national eleven is printed whole. */
static void
test_pdf_thirteen (void)
{
  g_autoptr(FiscalDocument) doc = load_minimal_as ("test-13");
  g_autoptr(FiscalPrintLayout) layout = fiscal_print_layout_new (doc, NULL, NULL);
  g_autoptr(GPtrArray) entries = table_entries (layout);
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "thirteen.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(Pdf) pdf = { 0 };

  g_assert_cmpuint (entries->len, ==, 13);
  g_assert_cmpstr (entries->pdata[11], ==, "十二、2025年测试支出表（十二）");
  g_assert_cmpstr (entries->pdata[12], ==, "十三、2025年测试支出表（十三）");

  g_assert_true (fiscal_print_layout_write_pdf (layout, path, &error));
  g_assert_no_error (error);
  pdf_open (&pdf, path);
  check_tables (doc, layout, &pdf);

  /* The contents send the reader to the last two. */
  contents = pages_squeezed (&pdf, 1, 2);
  g_assert_nonnull (strstr (contents, "十二、2025年测试支出表（十二）"));
  g_assert_nonnull (strstr (contents, "十三、2025年测试支出表（十三）"));

  /* 表13 is empty and says so; 表12 prints 万元 and its zeros as 0.00. */
  {
    int p12 = fiscal_print_layout_find_table (layout, 12);
    int p13 = fiscal_print_layout_find_table (layout, 13);
    const FiscalPrintEntry *e12 = fiscal_print_layout_get_entry (layout, p12);
    const FiscalPrintEntry *e13 = fiscal_print_layout_get_entry (layout, p13);
    g_autofree char *t12 = pages_squeezed (&pdf, e12->page, entry_end (layout, p12));
    g_autofree char *t13 = pages_squeezed (&pdf, e13->page, entry_end (layout, p13));
    g_autoptr(GHashTable) w12 = pages_words (&pdf, e12->page, entry_end (layout, p12));

    g_assert_nonnull (strstr (t12, "单位：万元"));
    g_assert_cmpuint (count (w12, "62.03"), ==, 1);
    g_assert_cmpuint (count (w12, "0.00"), >, 0);
    g_assert_nonnull (strstr (t13, "注：本部门2025年无政府性基金预算安排的支出，故本表为空表。"));
  }

  g_unlink (path);
  g_rmdir (dir);
}

/* ---- The narrative ------------------------------------------------------ */

static void
test_narrative (void)
{
  g_autoptr(FiscalDocument) shanghai = load_shanghai ();
  g_autoptr(FiscalDocument) national = load_minimal_as (FISCAL_FORMAT_DEFAULT);
  g_autoptr(FiscalNarrative) in_shanghai = fiscal_narrative_new (shanghai, NULL);
  g_autoptr(FiscalNarrative) in_national = fiscal_narrative_new (national, NULL);
  g_autofree char *text = fiscal_narrative_to_text (in_shanghai);
  g_autofree char *national_text = fiscal_narrative_to_text (in_national);

  for (guint n = 1; n <= FISCAL_N_TABLES; n++)
    g_assert_null (strstr (text, fiscal_pivot_table_title (n)));
  g_assert_nonnull (strstr (text, "上海市示例区文化和旅游局 2026 年没有使用政府性基金预算拨款安排的支出。\n"));
  g_assert_nonnull (strstr (text, "上海市示例区文化和旅游局 2026 年没有上年结转结余预算安排的支出。\n"));

  /* The national budget keeps naming its empty tables. */
  g_assert_nonnull (strstr (national_text, "示例市财政局 2025 年没有使用政府性基金预算拨款安排的支出，"
                                           "政府性基金预算支出情况表为空表。"));
  g_assert_nonnull (strstr (national_text, "示例市财政局 2025 年没有上年结转结余预算安排的支出，"
                                           "上年结转结余情况明细表为空表。"));
}

/* ---- fiscal-cli --------------------------------------------------------- */

static JsonArray *
parse_tables (JsonParser *parser,
              const char *json)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  return json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "tables");
}

static void
test_cli_tables (void)
{
  g_autofree char *shanghai = shanghai_path ();
  g_autofree char *national = fiscal_test_example_path (2025);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(FiscalCliRun) all = { 0 };
  g_auto(FiscalCliRun) nine = { 0 };
  g_auto(FiscalCliRun) ten = { 0 };
  g_auto(FiscalCliRun) negative = { 0 };
  g_auto(FiscalCliRun) as_shanghai = { 0 };
  g_auto(FiscalCliRun) as_national = { 0 };
  g_auto(FiscalCliRun) unknown = { 0 };
  g_auto(FiscalCliRun) help = { 0 };
  JsonArray *tables, *cells, *rows;
  JsonObject *t2, *t6, *t9;

  g_assert_true (g_file_get_contents (shanghai, &before, NULL, NULL));

  /* JSON: each table with its unit, the amounts as printed. */
  fiscal_test_run_cli (&all, "tables", shanghai, NULL);
  g_assert_cmpint (all.status, ==, 0);
  tables = parse_tables (parser, all.out);
  g_assert_cmpuint (json_array_get_length (tables), ==, 9);
  t2 = json_array_get_object_element (tables, 1);
  g_assert_cmpstr (json_object_get_string_member (t2, "title"), ==, "2026年部门收入预算总表");
  g_assert_cmpstr (json_object_get_string_member (t2, "unit"), ==, "元");
  rows = json_object_get_array_member (t2, "rows");
  cells = json_object_get_array_member (json_array_get_object_element (rows, json_array_get_length (rows) - 1), "cells");
  g_assert_cmpstr (json_array_get_string_element (cells, 0), ==, "40,209,803");
  g_assert_cmpstr (json_array_get_string_element (cells, 3), ==, "");
  t6 = json_array_get_object_element (tables, 5);
  g_assert_cmpstr (json_object_get_string_member (t6, "note"), ==,
                   "注:本部门2026年无政府性基金预算财政拨款安排的预算，故本表为空表。");
  t9 = json_array_get_object_element (tables, 8);
  g_assert_cmpstr (json_object_get_string_member (t9, "unit"), ==, "万元");
  cells = json_object_get_array_member (json_array_get_object_element (json_object_get_array_member (t9, "rows"), 0),
                                        "cells");
  g_assert_cmpstr (json_array_get_string_element (cells, 1), ==, "0");

  /* --table is a number of the budget's format. */
  fiscal_test_run_cli (&nine, "tables", "--table", "9", "--format", "csv", shanghai, NULL);
  g_assert_cmpint (nine.status, ==, 0);
  g_assert_cmpstr (nine.out, ==,
                   "表9 2026年部门“三公”经费和机关运行经费预算表\r\n"
                   "编制部门：上海市示例区文化和旅游局,单位：万元\r\n"
                   "“三公”经费预算数,,,,,,机关运行经费预算数\r\n"
                   "合计,因公出国(境)费,公务接待费,公务用车购置及运行费,,,\r\n"
                   ",,,小计,购置费,运行费,\r\n"
                   "11.49,0,2.11,9.38,0,9.38,159.56\r\n");
  fiscal_test_run_cli (&ten, "tables", "-t", "10", shanghai, NULL);
  g_assert_cmpint (ten.status, ==, 2);
  g_assert_cmpstr (ten.out, ==, "");
  g_assert_nonnull (strstr (ten.err, "“shanghai-9” has no table 10"));
  fiscal_test_run_cli (&negative, "tables", "-t", "-1", shanghai, NULL);
  g_assert_cmpint (negative.status, ==, 2);

  /* --disclosure: the national example in Shanghai's tables (in 元,
   * exact: its 318.10 万元 is 3,180,960 元), and the Shanghai budget in
   * the national ones. */
  fiscal_test_run_cli (&as_shanghai, "tables", national, "--disclosure", "shanghai-9", "-t", "2", "-f", "csv", NULL);
  g_assert_cmpint (as_shanghai.status, ==, 0);
  g_assert_true (g_str_has_prefix (as_shanghai.out, "表2 2025年部门收入预算总表\r\n"
                                                    "编制部门：昌吉回族自治州人民政府驻北京联络处,单位：元\r\n"));
  g_assert_nonnull (strstr (as_shanghai.out, "\r\n,,,合计,\"3,180,960\",\"2,050,960\",,,\"1,130,000\"\r\n"));

  fiscal_test_run_cli (&as_national, "tables", "-d", "national-11", shanghai, NULL);
  g_assert_cmpint (as_national.status, ==, 0);
  g_clear_object (&parser);
  parser = json_parser_new ();
  tables = parse_tables (parser, as_national.out);
  g_assert_cmpuint (json_array_get_length (tables), ==, 11);
  t2 = json_array_get_object_element (tables, 0);
  g_assert_cmpstr (json_object_get_string_member (t2, "title"), ==, "部门收支总体情况表");
  g_assert_cmpstr (json_object_get_string_member (t2, "unit"), ==, "万元");

  fiscal_test_run_cli (&unknown, "tables", "--disclosure", "beijing-7", shanghai, NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_cmpstr (unknown.out, ==, "");
  g_assert_nonnull (strstr (unknown.err, "“beijing-7”"));
  g_assert_nonnull (strstr (unknown.err, "national-11, shanghai-9"));

  fiscal_test_run_cli (&help, "tables", "--help", NULL);
  g_assert_nonnull (strstr (help.out, "--disclosure"));

  /* The budget's file is as it was. */
  g_assert_true (g_file_get_contents (shanghai, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
}

static void
test_cli_formats (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(FiscalCliRun) text = { 0 };
  g_auto(FiscalCliRun) json = { 0 };
  g_auto(FiscalCliRun) bad = { 0 };
  g_auto(FiscalCliRun) file = { 0 };
  g_auto(FiscalCliRun) usage = { 0 };
  JsonArray *formats;
  JsonObject *national, *shanghai;

  fiscal_test_run_cli (&text, "formats", NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_cmpstr (text.out, ==,
                   "national-11  11 tables  部门预算公开（十一张表，万元） (default)\n"
                   "shanghai-9    9 tables  上海市区级部门预算（九张表，元）\n");

  fiscal_test_run_cli (&json, "formats", "--format", "json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, json.out, -1, &error));
  g_assert_no_error (error);
  formats = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "formats");
  g_assert_cmpuint (json_array_get_length (formats), ==, 2);
  national = json_array_get_object_element (formats, 0);
  shanghai = json_array_get_object_element (formats, 1);
  g_assert_cmpstr (json_object_get_string_member (national, "id"), ==, "national-11");
  g_assert_cmpint (json_object_get_int_member (national, "n_tables"), ==, 11);
  g_assert_true (json_object_get_boolean_member (national, "default"));
  g_assert_cmpstr (json_object_get_string_member (shanghai, "id"), ==, "shanghai-9");
  g_assert_cmpstr (json_object_get_string_member (shanghai, "name"), ==, "上海市区级部门预算（九张表，元）");
  g_assert_cmpint (json_object_get_int_member (shanghai, "n_tables"), ==, 9);
  g_assert_false (json_object_get_boolean_member (shanghai, "default"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (shanghai, "tables")), ==, 9);
  {
    JsonObject *t9 = json_array_get_object_element (json_object_get_array_member (shanghai, "tables"), 8);

    g_assert_cmpint (json_object_get_int_member (t9, "number"), ==, 9);
    g_assert_cmpstr (json_object_get_string_member (t9, "title"), ==, "{year}年部门“三公”经费和机关运行经费预算表");
    g_assert_cmpstr (json_object_get_string_member (t9, "unit"), ==, "万元");
  }

  fiscal_test_run_cli (&bad, "formats", "--format", "xml", NULL);
  g_assert_cmpint (bad.status, ==, 2);
  fiscal_test_run_cli (&file, "formats", "budget.fiscal.json", NULL);
  g_assert_cmpint (file.status, ==, 2);
  fiscal_test_run_cli (&usage, "--help", NULL);
  g_assert_nonnull (strstr (usage.out, "  formats "));
}

static void
test_cli_export (void)
{
  g_autofree char *shanghai = shanghai_path ();
  g_autofree char *national = fiscal_test_example_path (2025);
  g_autofree char *dir = temp_dir ();
  g_autofree char *csv_path = g_build_filename (dir, "as-shanghai.csv", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "as-shanghai.pdf", NULL);
  g_autofree char *xlsx_path = g_build_filename (dir, "shanghai.xlsx", NULL);
  g_autofree char *never = g_build_filename (dir, "never.pdf", NULL);
  g_autofree char *csv = NULL;
  g_autofree char *all = NULL;
  g_auto(FiscalCliRun) to_csv = { 0 };
  g_auto(FiscalCliRun) to_pdf = { 0 };
  g_auto(FiscalCliRun) to_xlsx = { 0 };
  g_auto(FiscalCliRun) unknown = { 0 };
  g_auto(FiscalCliRun) help = { 0 };
  g_auto(Pdf) pdf = { 0 };

  fiscal_test_run_cli (&to_csv, "export", national, "--disclosure", "shanghai-9", "-o", csv_path, NULL);
  g_assert_cmpint (to_csv.status, ==, 0);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv, "表1 2025年部门财务收支预算总表\r\n"
                                        "编制部门：昌吉回族自治州人民政府驻北京联络处,单位：元\r\n"));
  g_assert_nonnull (strstr (csv, "\r\n表9 2025年部门“三公”经费和机关运行经费预算表\r\n"));
  g_assert_null (strstr (csv, "\r\n表10 "));

  fiscal_test_run_cli (&to_pdf, "export", national, "-d", "shanghai-9", "-o", pdf_path, NULL);
  g_assert_cmpint (to_pdf.status, ==, 0);
  pdf_open (&pdf, pdf_path);
  all = pages_squeezed (&pdf, 0, pdf.texts->len);
  g_assert_nonnull (strstr (all, "九、2025年部门“三公”经费和机关运行经费预算表"));
  g_assert_null (strstr (all, "财政拨款“三公”经费支出情况表"));
  g_assert_cmpuint (outline_tables (&pdf), ==, 9);

  fiscal_test_run_cli (&to_xlsx, "export", shanghai, "-o", xlsx_path, NULL);
  g_assert_cmpint (to_xlsx.status, ==, 0);
  g_assert_true (g_file_test (xlsx_path, G_FILE_TEST_IS_REGULAR));

  /* An unknown format: nothing is written. */
  fiscal_test_run_cli (&unknown, "export", shanghai, "--disclosure", "nope", "-o", never, NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "“nope”"));
  g_assert_false (g_file_test (never, G_FILE_TEST_EXISTS));

  fiscal_test_run_cli (&help, "export", "--help", NULL);
  g_assert_nonnull (strstr (help.out, "--disclosure"));

  fiscal_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/formats-export/tables", test_tables);
  g_test_add_func ("/formats-export/csv", test_csv);
  g_test_add_func ("/formats-export/csv-grouped-negative", test_csv_grouped_negative);
  g_test_add_func ("/formats-export/xlsx", test_xlsx);
  g_test_add_func ("/formats-export/pdf-shanghai", test_pdf_shanghai);
  g_test_add_func ("/formats-export/pdf-thirteen", test_pdf_thirteen);
  g_test_add_func ("/formats-export/narrative", test_narrative);
  g_test_add_func ("/formats-export/cli-tables", test_cli_tables);
  g_test_add_func ("/formats-export/cli-formats", test_cli_formats);
  g_test_add_func ("/formats-export/cli-export", test_cli_export);

  return g_test_run ();
}
