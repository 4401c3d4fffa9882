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

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The format files (*.json) of a folder of the source tree, named from
 * tests/ by its parts, sorted. */
static GPtrArray *
format_files (const char *first,
              ...)
{
  g_autofree char *dir = NULL;
  g_autoptr(GDir) handle = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  va_list args;

  g_ptr_array_add (parts, (gpointer) g_test_get_dir (G_TEST_DIST));
  va_start (args, first);
  for (const char *part = first; part; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  dir = g_build_filenamev ((char **) parts->pdata);

  handle = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (files, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (files, compare_paths);
  return files;
}

static FiscalFormat *
load_file (const char  *path,
           GError     **error)
{
  g_autofree char *text = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  return fiscal_format_new_from_data (text, length, error);
}

/* Every format file of data/formats/ loads, is named by its id (so no
 * two have the same) and is compiled in: a budget can name it. */
static void
test_data_files (void)
{
  g_autoptr(GPtrArray) files = format_files ("..", "data", "formats", NULL);

  g_assert_cmpuint (files->len, >=, 2);
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *name = g_path_get_basename (path);
      g_autofree char *basename = g_strndup (name, strlen (name) - strlen (".json"));
      g_autoptr(GError) error = NULL;
      g_autoptr(FiscalFormat) format = load_file (path, &error);
      FiscalFormat *builtin;

      if (format == NULL)
        g_error ("%s: %s", path, error->message);
      if (!g_str_equal (basename, fiscal_format_get_id (format)))
        g_error ("%s: the file of “%s” is %s.json", path, fiscal_format_get_id (format),
                 fiscal_format_get_id (format));
      builtin = fiscal_format_get (fiscal_format_get_id (format));
      if (builtin == NULL)
        g_error ("%s: “%s” is not compiled in (data/fiscal-core.gresource.xml)", path,
                 fiscal_format_get_id (format));
      g_assert_cmpstr (fiscal_format_get_name (builtin), ==, fiscal_format_get_name (format));
      g_assert_cmpuint (fiscal_format_get_n_tables (builtin), ==, fiscal_format_get_n_tables (format));
    }
}

/* Each broken format of tests/formats-malformed/ is refused with the code
 * and at the key path expected.tsv gives (format-schema.py checks the
 * schema against the same corpus), and the corpus holds no other file. */
static void
test_malformed_corpus (void)
{
  g_autofree char *index = g_test_build_filename (G_TEST_DIST, "formats-malformed", "expected.tsv", NULL);
  g_autoptr(GPtrArray) files = format_files ("formats-malformed", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_cases = 0, n_loader_only = 0;
  guint codes_seen[32] = { 0 };

  g_assert_true (g_file_get_contents (index, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autofree char *path = NULL;
      g_autofree char *prefix = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(FiscalFormat) format = NULL;

      if (lines[i][0] == '#' || lines[i][0] == 0)
        continue;

      fields = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 4);
      g_assert_true (g_str_equal (fields[3], "schema") || g_str_equal (fields[3], "loader"));
      path = g_test_build_filename (G_TEST_DIST, "formats-malformed", fields[0], NULL);
      g_assert_true (g_ptr_array_find_with_equal_func (files, path, g_str_equal, NULL));

      format = load_file (path, &error);
      if (format != NULL)
        g_error ("%s loaded, but should fail with %s at %s", fields[0], fields[1], fields[2]);
      g_assert_true (error->domain == FISCAL_ERROR);
      if (!g_str_equal (fiscal_error_code_to_nick (error->code), fields[1]))
        g_error ("%s: expected %s, got %s: %s", fields[0], fields[1],
                 fiscal_error_code_to_nick (error->code), error->message);

      /* "tables[0].total: required key is missing": the place, then why */
      prefix = g_strconcat (fields[2], ": ", NULL);
      if (g_str_equal (fields[2], "-") ? strstr (error->message, ": ") != NULL
                                       : !g_str_has_prefix (error->message, prefix))
        g_error ("%s: expected the place %s: %s", fields[0], fields[2], error->message);

      codes_seen[error->code]++;
      n_loader_only += g_str_equal (fields[3], "loader");
      n_cases++;
    }

  g_assert_cmpuint (n_cases, ==, files->len);
  g_assert_cmpuint (n_loader_only, >=, 1);
  for (int code = FISCAL_ERROR_WRONG_TYPE; code <= FISCAL_ERROR_UNKNOWN_VERSION; code++)
    if (codes_seen[code] == 0)
      g_error ("no corpus file gives %s", fiscal_error_code_to_nick (code));
  g_assert_cmpuint (codes_seen[FISCAL_ERROR_BAD_VALUE], >, 0);
  g_assert_cmpuint (codes_seen[FISCAL_ERROR_DUPLICATE_ID], >, 0);
}

/* Each format of tests/formats-valid/ (every limit at its edge) loads,
 * and makes its tables of the example budget, each in its own style. */
static void
test_valid_corpus (void)
{
  g_autoptr(GPtrArray) files = format_files ("formats-valid", NULL);
  g_autoptr(FiscalDocument) doc = fiscal_test_load_example (2025);
  gint64 operating = fiscal_profile_get_number (fiscal_document_get_profile (doc), FISCAL_PROFILE_OPERATING_EXPENSES);

  g_assert_cmpuint (files->len, >=, 3);
  g_assert_cmpint (operating, >, 0);

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(FiscalFormat) format = load_file (path, &error);
      g_autoptr(GPtrArray) tables = NULL;

      if (format == NULL)
        g_error ("%s: %s", path, error->message);

      tables = fiscal_pivot_format_tables (doc, format);
      g_assert_cmpuint (tables->len, ==, fiscal_format_get_n_tables (format));
      for (guint t = 0; t < tables->len; t++)
        {
          FiscalTable *table = g_ptr_array_index (tables, t);
          const FiscalFormatTable *spec = fiscal_format_get_table (format, t);
          const FiscalAmountStyle *style = fiscal_format_table_get_style (spec);

          g_assert_cmpuint (fiscal_table_get_number (table), ==, fiscal_format_table_get_number (spec));
          g_assert_cmpstr (fiscal_table_get_unit (table), ==, style->unit);
          g_assert_cmpuint (fiscal_table_get_amount_style (table)->decimals, ==, style->decimals);
        }

      /* The limits: 64 columns, 64 rows, a profile figure on the total row
       * and on no other. */
      if (g_str_equal (fiscal_format_get_id (format), "limits"))
        {
          FiscalTable *table = g_ptr_array_index (tables, 0);
          const FiscalTableRow *total = fiscal_table_get_row (table, 0);
          const FiscalTableRow *row = fiscal_table_get_row (table, 63);
          g_autofree char *shown = NULL;

          g_assert_cmpuint (fiscal_table_get_n_columns (table), ==, 64);
          g_assert_cmpuint (fiscal_table_get_n_rows (table), ==, 64);
          g_assert_cmpint (total->cells[3].amount, ==, operating);
          g_assert_cmpint (row->cells[3].amount, ==, 0);
          shown = fiscal_table_format_cell (table, &row->cells[3]);
          g_assert_cmpstr (shown, ==, "0.000000");
        }
    }
}

/* A budget names its format in "disclosure" (docs/file-format.md): its
 * tables are that format's; the key is written only when not the default,
 * and an empty one is the default. */
static void
test_budget_names_format (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "minimal.fiscal.json", NULL);
  g_autofree char *text = NULL;
  static const struct { const char *value; const char *id; guint n_tables; const char *unit; } cases[] = {
    { NULL, "national-11", 11, "万元" },
    { "\"\"", "national-11", 11, "万元" },
    { "\"national-11\"", "national-11", 11, "万元" },
    { "\"shanghai-9\"", "shanghai-9", 9, "元" },
  };

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_null (strstr (text, "\"disclosure\""));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = cases[i].value ? g_strdup_printf ("\"year\": 2025,\n  \"disclosure\": %s,", cases[i].value)
                                            : g_strdup ("\"year\": 2025,");
      g_autofree char *budget = NULL;
      g_autofree char *saved = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(FiscalDocument) doc = NULL;
      g_autoptr(GPtrArray) tables = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_auto(GStrv) parts = g_strsplit (text, "\"year\": 2025,", 2);

      g_assert_cmpuint (g_strv_length (parts), ==, 2);
      budget = g_strconcat (parts[0], key, parts[1], NULL);
      doc = fiscal_document_load_from_data (budget, strlen (budget), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (fiscal_document_get_format_id (doc), ==, cases[i].id);

      tables = fiscal_pivot_all (doc);
      g_assert_cmpuint (tables->len, ==, cases[i].n_tables);
      g_assert_cmpstr (fiscal_table_get_unit (g_ptr_array_index (tables, 1)), ==, cases[i].unit);

      bytes = fiscal_document_to_bytes (doc);
      saved = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      if (g_str_equal (cases[i].id, "national-11"))
        g_assert_null (strstr (saved, "\"disclosure\""));
      else
        g_assert_nonnull (strstr (saved, "\"disclosure\": \"shanghai-9\""));
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
  g_test_add_func ("/format/data-files", test_data_files);
  g_test_add_func ("/format/malformed-corpus", test_malformed_corpus);
  g_test_add_func ("/format/valid-corpus", test_valid_corpus);
  g_test_add_func ("/format/budget-names-format", test_budget_names_format);

  return g_test_run ();
}
