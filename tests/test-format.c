/* test-format.c
 *
 * Disclosure formats read from data: the shipped ones load, a format file
 * with a mistake is refused at the place of the mistake, and amounts are
 * printed as a format says.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fiscal-format-private.h"
#include "fiscal-test-util.h"

static void
test_builtin (void)
{
  g_autoptr(GPtrArray) list = fiscal_format_list ();
  FiscalFormat *national, *shanghai;
  const FiscalFormatTable *table;
  const FiscalAmountStyle *style;

  g_assert_cmpuint (list->len, >=, 2);
  national = fiscal_format_get ("national-11");
  shanghai = fiscal_format_get ("shanghai-9");
  g_assert_nonnull (national);
  g_assert_nonnull (shanghai);
  g_assert_true (g_ptr_array_find (list, national, NULL));
  g_assert_true (fiscal_format_get (FISCAL_FORMAT_DEFAULT) == national);
  g_assert_null (fiscal_format_get ("no-such-format"));

  g_assert_cmpuint (fiscal_format_get_n_tables (national), ==, 11);
  for (guint n = 1; n <= 11; n++)
    {
      table = fiscal_format_find_table (national, n);
      g_assert_nonnull (table);
      g_assert_cmpuint (fiscal_format_table_get_national (table), ==, n);
      g_assert_true (fiscal_format_find_national (national, n) == table);
      style = fiscal_format_table_get_style (table);
      g_assert_cmpstr (style->unit, ==, "万元");
      g_assert_cmpint (style->divisor, ==, 1000000);
      g_assert_cmpuint (style->decimals, ==, 2);
    }
  g_assert_cmpstr (fiscal_format_table_get_title (fiscal_format_find_table (national, 7)), ==,
                   "一般公共预算项目支出情况表");
  g_assert_cmpint (fiscal_format_table_get_layout (fiscal_format_find_table (national, 1)), ==, FISCAL_LAYOUT_BALANCE);
  g_assert_cmpint (fiscal_format_table_get_layout (fiscal_format_find_table (national, 7)), ==, FISCAL_LAYOUT_PROJECTS);
  g_assert_cmpint (fiscal_format_table_get_layout (fiscal_format_find_table (national, 10)), ==, FISCAL_LAYOUT_ITEMS);
  g_assert_null (fiscal_format_find_table (national, 12));

  g_assert_cmpuint (fiscal_format_get_n_tables (shanghai), ==, 9);
  table = fiscal_format_find_table (shanghai, 2);
  style = fiscal_format_table_get_style (table);
  g_assert_cmpstr (style->unit, ==, "元");
  g_assert_cmpuint (style->decimals, ==, 0);
  g_assert_true (style->grouping);
  g_assert_true (g_strv_contains (fiscal_format_table_get_aliases (table), "部门收入预算总表"));
  /* the “三公” table of Shanghai prints 万元, zero as 0 */
  style = fiscal_format_table_get_style (fiscal_format_find_table (shanghai, 9));
  g_assert_cmpstr (style->unit, ==, "万元");
  g_assert_cmpint (style->zero, ==, FISCAL_ZERO_DIGIT);
  g_assert_true (g_strv_contains (fiscal_format_get_empty_wordings (shanghai), "本表无数据"));
}

static void
test_amount_style (void)
{
  static const struct {
    const char *unit; guint decimals; gboolean grouping; FiscalZeroStyle zero; gint64 fen; const char *shown;
  } cases[] = {
    { "万元", 2, FALSE, FISCAL_ZERO_BLANK, 318100000, "318.10" },
    { "万元", 2, FALSE, FISCAL_ZERO_BLANK, 4999, "0.00" },
    { "万元", 2, FALSE, FISCAL_ZERO_BLANK, 5000, "0.01" },
    { "万元", 2, FALSE, FISCAL_ZERO_BLANK, -5000, "-0.01" },
    { "万元", 2, FALSE, FISCAL_ZERO_BLANK, -4999, "0.00" },
    { "万元", 2, FALSE, FISCAL_ZERO_BLANK, 0, "" },
    { "万元", 2, FALSE, FISCAL_ZERO_DIGIT, 0, "0" },
    { "万元", 2, FALSE, FISCAL_ZERO_DECIMALS, 0, "0.00" },
    { "元", 0, TRUE, FISCAL_ZERO_BLANK, 27807610100, "278,076,101" },
    { "元", 0, TRUE, FISCAL_ZERO_BLANK, 27807610149, "278,076,101" },
    { "元", 0, TRUE, FISCAL_ZERO_BLANK, 27807610150, "278,076,102" },
    { "元", 0, TRUE, FISCAL_ZERO_BLANK, -100000, "-1,000" },
    { "元", 2, TRUE, FISCAL_ZERO_BLANK, 123456789, "1,234,567.89" },
    { "元", 0, FALSE, FISCAL_ZERO_DECIMALS, 0, "0" },
    { "万元", 4, TRUE, FISCAL_ZERO_BLANK, G_GINT64_CONSTANT (100000000000000000), "100,000,000,000.0000" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      FiscalAmountStyle style = {
        cases[i].unit, g_str_equal (cases[i].unit, "元") ? 100 : 1000000,
        cases[i].decimals, cases[i].grouping, cases[i].zero,
      };
      g_autofree char *shown = fiscal_amount_style_format (&style, cases[i].fen);

      g_assert_cmpstr (shown, ==, cases[i].shown);
    }
}

#define HEAD "{\"format\": \"fiscal-disclosure-format\", \"version\": 1, \"id\": \"t\", \"name\": \"T\", "
#define TABLE(body) HEAD "\"tables\": [{\"number\": 1, \"title\": \"表\", " body "}]}"
#define COLUMNS "\"columns\": [{\"role\": \"name\", \"title\": \"项目\"}, {\"role\": \"amount\", \"title\": \"合计\"}]"

/* A mistake in a format file is refused where it is. */
static void
test_faults (void)
{
  static const struct { const char *text; int code; const char *where; } cases[] = {
    { "[]", FISCAL_ERROR_WRONG_TYPE, "" },
    { "{\"format\": \"fiscal-budget\", \"version\": 1}", FISCAL_ERROR_UNKNOWN_FORMAT, "format" },
    { "{\"format\": \"fiscal-disclosure-format\", \"version\": 2}", FISCAL_ERROR_UNKNOWN_VERSION, "version" },
    { HEAD "\"tables\": []}", FISCAL_ERROR_BAD_VALUE, "tables" },
    { HEAD "\"tabels\": []}", FISCAL_ERROR_BAD_VALUE, "tabels" },
    { HEAD "\"unit\": \"亿元\", \"tables\": []}", FISCAL_ERROR_BAD_VALUE, "unit" },
    { HEAD "\"unit\": \"元\", \"decimals\": 3, \"tables\": []}", FISCAL_ERROR_BAD_VALUE, "decimals" },
    { HEAD "\"zero\": \"-\", \"tables\": []}", FISCAL_ERROR_BAD_VALUE, "zero" },
    { HEAD "\"source_groups\": {\"x\": [\"salary\"]}, \"tables\": []}", FISCAL_ERROR_BAD_VALUE, "source_groups.x[0]" },
    { TABLE ("\"layout\": \"pyramid\", " COLUMNS ", \"total\": {\"label\": \"合计\"}"), FISCAL_ERROR_BAD_VALUE, "tables[0].layout" },
    { TABLE ("\"layout\": \"hierarchy\", \"by\": \"unit\", " COLUMNS ", \"total\": {\"label\": \"合计\"}"),
      FISCAL_ERROR_BAD_VALUE, "tables[0].by" },
    { TABLE ("\"layout\": \"hierarchy\", \"columns\": [{\"role\": \"codes\", \"title\": \"类\"}], \"total\": {\"label\": \"合计\"}"),
      FISCAL_ERROR_BAD_VALUE, "tables[0].columns[0].role" },
    { TABLE ("\"layout\": \"hierarchy\", \"columns\": [{\"role\": \"amount\", \"title\": \"合计\", \"sum\": {\"sources\": [\"wages\"]}}], "
             "\"total\": {\"label\": \"合计\"}"),
      FISCAL_ERROR_BAD_VALUE, "tables[0].columns[0].sum.sources[0]" },
    { TABLE ("\"layout\": \"hierarchy\", \"columns\": [{\"role\": \"amount\", \"title\": \"合计\", \"sum\": {\"kinds\": []}}], "
             "\"total\": {\"label\": \"合计\"}"),
      FISCAL_ERROR_BAD_VALUE, "tables[0].columns[0].sum.kinds" },
    { TABLE ("\"layout\": \"hierarchy\", \"columns\": [{\"role\": \"amount\", \"title\": \"合计\", \"sum\": {\"class\": \"30\"}}], "
             "\"total\": {\"label\": \"合计\"}"),
      FISCAL_ERROR_BAD_VALUE, "tables[0].columns[0].sum.class" },
    { TABLE ("\"layout\": \"items\", \"columns\": [{\"role\": \"amount\", \"title\": \"合计\", \"sum\": {\"profile\": \"functions\"}}], "
             "\"items\": []"),
      FISCAL_ERROR_BAD_VALUE, "tables[0].columns[0].sum.profile" },
    { TABLE ("\"layout\": \"hierarchy\", " COLUMNS ", \"header\": [[0, 1, 1, 2, \"x\"]], \"total\": {\"label\": \"合计\"}"),
      FISCAL_ERROR_BAD_VALUE, "tables[0].header[0]" },
    { TABLE ("\"layout\": \"hierarchy\", " COLUMNS ", \"header\": [[0, 0, 0, 1, \"x\"]], \"total\": {\"label\": \"合计\"}"),
      FISCAL_ERROR_BAD_VALUE, "tables[0].header[0]" },
    { TABLE ("\"layout\": \"hierarchy\", " COLUMNS), FISCAL_ERROR_MISSING_KEY, "tables[0].total" },
    { TABLE ("\"layout\": \"hierarchy\", " COLUMNS ", \"total\": {\"label\": \"合计\", \"position\": \"middle\"}"),
      FISCAL_ERROR_BAD_VALUE, "tables[0].total.position" },
    { TABLE ("\"layout\": \"balance\", " COLUMNS ", \"total\": {\"label\": \"收入总计\", \"right_label\": \"支出总计\"}, "
             "\"income\": [], \"classes\": {\"show\": \"all\", \"label\": \"code-name\", \"sums\": []}"),
      FISCAL_ERROR_BAD_VALUE, "tables[0].classes.show" },
    { TABLE ("\"layout\": \"balance\", \"columns\": [{\"role\": \"name\", \"title\": \"项目\"}, {\"role\": \"label\", \"title\": \"支出\"}, "
             "{\"role\": \"amount\", \"title\": \"预算数\"}], \"total\": {\"label\": \"收入总计\", \"right_label\": \"支出总计\"}, "
             "\"income\": [], \"classes\": {\"show\": \"used\", \"label\": \"code-name\", \"sums\": []}"),
      FISCAL_ERROR_BAD_VALUE, "tables[0].classes.sums" },
    { HEAD "\"tables\": [{\"number\": 1, \"title\": \"甲\", \"layout\": \"items\", " COLUMNS ", \"items\": []}, "
           "{\"number\": 1, \"title\": \"乙\", \"layout\": \"items\", " COLUMNS ", \"items\": []}]}",
      FISCAL_ERROR_DUPLICATE_ID, "tables[1]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FiscalFormat) format = fiscal_format_new_from_data (cases[i].text, strlen (cases[i].text), &error);

      if (format != NULL)
        g_error ("case %u loaded, but should fail at %s", i, cases[i].where);
      g_assert_true (error->domain == FISCAL_ERROR);
      if (error->code != cases[i].code)
        g_error ("case %u: expected code %s, got %s: %s", i, fiscal_error_code_to_nick (cases[i].code),
                 fiscal_error_code_to_nick (error->code), error->message);
      if (*cases[i].where && !g_str_has_prefix (error->message, cases[i].where))
        g_error ("case %u: expected the place %s: %s", i, cases[i].where, error->message);
    }
}

/* The smallest format that loads. */
static void
test_minimal (void)
{
  static const char text[] = TABLE ("\"layout\": \"items\", " COLUMNS ", \"items\": [{\"label\": \"合计\", \"total\": true}]");
  g_autoptr(GError) error = NULL;
  g_autoptr(FiscalFormat) format = fiscal_format_new_from_data (text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_cmpstr (fiscal_format_get_id (format), ==, "t");
  g_assert_cmpuint (fiscal_format_get_n_tables (format), ==, 1);
  /* the format's default style: 万元 with two decimals */
  g_assert_cmpstr (fiscal_format_table_get_style (fiscal_format_get_table (format, 0))->unit, ==, "万元");
}

/* "0=1+2 1=3+4" for a table's sums of one side. */
static char *
sums_text (GArray *sums)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < sums->len; i++)
    {
      const FiscalColumnSum *sum = &g_array_index (sums, FiscalColumnSum, i);

      g_string_append_printf (out, "%s%u=", i ? " " : "", sum->parent);
      for (guint c = 0; c < sum->n_children; c++)
        g_string_append_printf (out, "%s%u", c ? "+" : "", sum->children[c]);
    }
  return g_string_free (out, FALSE);
}

/* The sums between columns follow from their filters: those of the
 * national tables are the ones the published tables obey, and
 * Shanghai's too. */
static void
test_sums (void)
{
  static const struct { const char *format; guint number; const char *left; const char *right; } cases[] = {
    { "national-11", 1, "", "" },
    { "national-11", 2, "0=1+8+9+10+11 1=2+3+4+5+6+7", "" },
    { "national-11", 3, "0=1+2", "" },
    { "national-11", 4, "", "0=1+2+3" },
    { "national-11", 5, "0=1+2", "" },
    { "national-11", 6, "0=1+2", "" },
    { "national-11", 7, "0=1+2+3+4+5+6+7+8+9+10", "" },
    { "national-11", 8, "0=1+2+3", "" },
    { "national-11", 9, "0=1+2+3", "" },
    { "national-11", 10, "0=1+2+3", "" },
    { "national-11", 11, "0=1+5 1=2+3+4 5=6+7+8", "" },
    { "shanghai-9", 1, "", "" },
    { "shanghai-9", 2, "0=1+2+3+4", "" },
    { "shanghai-9", 3, "0=1+2", "" },
    { "shanghai-9", 4, "", "0=1+2+3" },
    { "shanghai-9", 6, "0=1+2", "" },
    { "shanghai-9", 8, "0=1+2", "" },
    { "shanghai-9", 9, "0=1+2+3 3=4+5", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const FiscalFormatTable *table = fiscal_format_find_table (fiscal_format_get (cases[i].format), cases[i].number);
      g_autofree char *left = sums_text (table->left_sums);
      g_autofree char *right = sums_text (table->right_sums);

      if (!g_str_equal (left, cases[i].left) || !g_str_equal (right, cases[i].right))
        g_error ("%s 表%u: sums %s | %s, expected %s | %s", cases[i].format, cases[i].number,
                 left, right, cases[i].left, cases[i].right);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/builtin", test_builtin);
  g_test_add_func ("/format/amount-style", test_amount_style);
  g_test_add_func ("/format/faults", test_faults);
  g_test_add_func ("/format/minimal", test_minimal);
  g_test_add_func ("/format/sums", test_sums);

  return g_test_run ();
}
