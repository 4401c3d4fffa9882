/* test-valid.c
 *
 * One definition of a valid budget: the loader refuses what it refuses,
 * a save and the recovery copy write nothing it refuses, and the import
 * mends what a publication gives that a budget cannot hold.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "fiscal-test-util.h"

typedef struct
{
  char     *path;
  gpointer  object;
  char     *key;
  int       code;
  char     *message;
} Seen;

static void
seen_free (gpointer data)
{
  Seen *s = data;

  g_free (s->path);
  g_free (s->key);
  g_free (s->message);
  g_free (s);
}

static gboolean
collect_cb (const FiscalFault *fault,
            gpointer           user_data)
{
  Seen *s = g_new0 (Seen, 1);

  s->path = g_strdup (fault->path);
  s->object = fault->object;
  s->key = g_strdup (fault->key);
  s->code = fault->code;
  s->message = g_strdup (fault->message);
  g_ptr_array_add (user_data, s);

  return TRUE;
}

static GPtrArray *
faults_of (FiscalDocument *doc)
{
  GPtrArray *faults = g_ptr_array_new_with_free_func (seen_free);
  guint n = fiscal_document_find_faults (doc, collect_cb, faults);

  g_assert_cmpuint (n, ==, faults->len);
  return faults;
}

static FiscalLine *
add_line (FiscalDocument *doc,
          const char     *unit,
          FiscalKind      kind,
          const char     *project,
          gint64          amount)
{
  g_autofree char *id = fiscal_document_new_line_id (doc);
  g_autoptr(FiscalLine) line = fiscal_line_new_full (id, unit, "2010301", kind == FISCAL_KIND_PERSONNEL ? "30101" : "30201",
                                                     kind, project, FISCAL_SOURCE_GENERAL, amount);

  fiscal_document_add_line (doc, line);
  return line;   /* the document holds it */
}

/* A small budget that is valid. */
static FiscalDocument *
small_budget (void)
{
  FiscalDocument *doc = fiscal_document_new (2025, "示例局");
  g_autoptr(FiscalProject) project = fiscal_project_new ("p1", "信息化运维");

  fiscal_document_add_project (doc, project);
  add_line (doc, "main", FISCAL_KIND_PERSONNEL, NULL, 12345600);
  add_line (doc, "main", FISCAL_KIND_PROJECT, "p1", 500000);
  return doc;
}

static void
test_examples_valid (void)
{
  for (int year = 2024; year <= 2025; year++)
    {
      g_autoptr(FiscalDocument) doc = fiscal_test_load_example (year);
      g_autoptr(GPtrArray) faults = faults_of (doc);
      g_autoptr(GError) error = NULL;

      g_assert_cmpuint (faults->len, ==, 0);
      g_assert_true (fiscal_document_check_valid (doc, &error));
      g_assert_no_error (error);
    }
}

/* Every fault is found, in the order of the file, with its place, object,
 * key and code. */
static void
test_faults (void)
{
  g_autoptr(FiscalDocument) doc = small_budget ();
  g_autoptr(GPtrArray) faults = NULL;
  g_autoptr(FiscalIndicator) indicator = fiscal_indicator_new ("产出指标", "数量指标", "培训人次");
  g_autoptr(FiscalUnit) unnamed = fiscal_unit_new ("u2", "");
  FiscalProject *project = fiscal_document_find_project (doc, "p1");
  FiscalLine *orphan, *stray, *copy;
  const Seen *s;

  fiscal_document_add_unit (doc, unnamed);
  fiscal_profile_set_number (fiscal_document_get_profile (doc), FISCAL_PROFILE_STAFF_ACTIVE, -3);
  fiscal_project_set_field (project, FISCAL_PROJECT_PERIOD_END, "2025-02-30");
  fiscal_indicator_set_field (indicator, FISCAL_INDICATOR_WEIGHT, "按照完成比例赋分");
  fiscal_targets_add_indicator (fiscal_project_get_targets (project), indicator);
  orphan = add_line (doc, "main", FISCAL_KIND_PROJECT, NULL, 100);
  stray = add_line (doc, "u9", FISCAL_KIND_PUBLIC, NULL, 100);
  copy = fiscal_line_copy (orphan, fiscal_line_get_id (orphan));
  fiscal_line_set_project (copy, "p9");
  fiscal_document_add_line (doc, copy);
  g_object_unref (copy);

  faults = faults_of (doc);
  g_assert_cmpuint (faults->len, ==, 8);

  s = faults->pdata[0];
  g_assert_cmpstr (s->path, ==, "units[1].name");
  g_assert_cmpint (s->code, ==, FISCAL_ERROR_BAD_VALUE);
  g_assert_true (s->object == (gpointer) unnamed);

  s = faults->pdata[1];
  g_assert_cmpstr (s->path, ==, "profile.staffing.active");
  g_assert_cmpstr (s->key, ==, "active");
  g_assert_cmpint (s->code, ==, FISCAL_ERROR_BAD_VALUE);
  g_assert_nonnull (strstr (s->message, "-3"));

  s = faults->pdata[2];
  g_assert_cmpstr (s->path, ==, "projects[0].period_end");
  g_assert_cmpint (s->code, ==, FISCAL_ERROR_BAD_VALUE);
  g_assert_true (s->object == (gpointer) project);

  s = faults->pdata[3];
  g_assert_cmpstr (s->path, ==, "projects[0].targets.indicators[0].weight");
  g_assert_cmpstr (s->key, ==, "weight");
  g_assert_cmpint (s->code, ==, FISCAL_ERROR_AMOUNT_SYNTAX);
  g_assert_true (s->object == (gpointer) indicator);
  g_assert_nonnull (strstr (s->message, "按照完成比例赋分"));

  s = faults->pdata[4];
  g_assert_cmpstr (s->path, ==, "lines[2].project");
  g_assert_cmpint (s->code, ==, FISCAL_ERROR_MISSING_KEY);
  g_assert_true (s->object == (gpointer) orphan);

  s = faults->pdata[5];
  g_assert_cmpstr (s->path, ==, "lines[3].unit");
  g_assert_cmpint (s->code, ==, FISCAL_ERROR_UNKNOWN_REFERENCE);
  g_assert_true (s->object == (gpointer) stray);

  /* the copy keeps the orphan's id, then names a project there is not:
   * the id is the first fault of its line, and the walk goes on */
  s = faults->pdata[6];
  g_assert_cmpstr (s->path, ==, "lines[4].id");
  g_assert_cmpint (s->code, ==, FISCAL_ERROR_DUPLICATE_ID);
  s = faults->pdata[7];
  g_assert_cmpstr (s->path, ==, "lines[4].project");
  g_assert_cmpint (s->code, ==, FISCAL_ERROR_UNKNOWN_REFERENCE);
  g_assert_nonnull (strstr (s->message, "p9"));
}

/* The amounts of a budget's lines add up to at most the ceiling, so no
 * sum of them can wrap. */
static void
test_ceiling (void)
{
  g_autoptr(FiscalDocument) doc = fiscal_document_new (2025, "示例局");
  g_autoptr(GError) error = NULL;
  FiscalLine *line;

  add_line (doc, "main", FISCAL_KIND_PERSONNEL, NULL, FISCAL_MONEY_MAX);
  g_assert_true (fiscal_document_check_valid (doc, &error));
  g_assert_no_error (error);

  line = add_line (doc, "main", FISCAL_KIND_PUBLIC, NULL, -1);
  g_assert_false (fiscal_document_check_valid (doc, &error));
  g_assert_error (error, FISCAL_ERROR, FISCAL_ERROR_AMOUNT_OVERFLOW);
  g_assert_true (g_str_has_prefix (error->message, "lines: "));
  g_clear_error (&error);

  /* magnitudes, not the net sum: +max and −max are past it too */
  fiscal_line_set_amount (line, -FISCAL_MONEY_MAX);
  g_assert_false (fiscal_document_check_valid (doc, &error));
  g_assert_error (error, FISCAL_ERROR, FISCAL_ERROR_AMOUNT_OVERFLOW);
  g_clear_error (&error);

  fiscal_line_set_amount (line, 0);
  g_assert_true (fiscal_document_check_valid (doc, &error));

  /* a figure of the profile past it is its own fault, named by its place
   * (a line's amount cannot be: the model refuses it) */
  fiscal_profile_set_number (fiscal_document_get_profile (doc), FISCAL_PROFILE_ASSETS_BUILDING_VALUE, G_MININT64);
  g_assert_false (fiscal_document_check_valid (doc, &error));
  g_assert_error (error, FISCAL_ERROR, FISCAL_ERROR_AMOUNT_OVERFLOW);
  g_assert_true (g_str_has_prefix (error->message, "profile.assets.building_value: "));
}

static char *
checksum_of (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* A budget that is not valid is not saved, over an old file or as a new
 * one, and neither is its recovery copy; mended, it is. */
static void
test_save_refused (void)
{
  g_autoptr(FiscalDocument) doc = small_budget ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fiscal-valid-XXXXXX", &error);
  g_autofree char *old_path = g_build_filename (dir, "old.fiscal.json", NULL);
  g_autofree char *new_path = g_build_filename (dir, "new.fiscal.json", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GFile) old_file = g_file_new_for_path (old_path);
  g_autoptr(GFile) new_file = g_file_new_for_path (new_path);
  g_autoptr(FiscalDocument) back = NULL;
  FiscalLine *orphan;

  g_assert_no_error (error);
  g_assert_true (fiscal_document_save (doc, old_file, NULL, &error));
  g_assert_no_error (error);
  before = checksum_of (old_path);

  orphan = add_line (doc, "main", FISCAL_KIND_PROJECT, NULL, 100);

  g_assert_false (fiscal_document_save (doc, old_file, NULL, &error));
  g_assert_error (error, FISCAL_ERROR, FISCAL_ERROR_MISSING_KEY);
  g_assert_nonnull (strstr (error->message, "old.fiscal.json"));
  g_assert_nonnull (strstr (error->message, "lines[2].project"));
  g_clear_error (&error);
  after = checksum_of (old_path);
  g_assert_cmpstr (before, ==, after);
  g_assert_true (fiscal_document_get_modified (doc));

  g_assert_false (fiscal_document_save (doc, new_file, NULL, &error));
  g_assert_error (error, FISCAL_ERROR, FISCAL_ERROR_MISSING_KEY);
  g_clear_error (&error);
  g_assert_false (g_file_test (new_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_equal (fiscal_document_get_file (doc), old_file));

  /* the recovery copy too: one that would not open recovers nothing */
  g_assert_false (fiscal_recovery_write (doc, &error));
  g_assert_error (error, FISCAL_ERROR, FISCAL_ERROR_MISSING_KEY);
  g_clear_error (&error);
  {
    g_autofree char *copy = fiscal_recovery_path (old_file);
    g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  }

  fiscal_line_set_project (orphan, "p1");
  g_assert_true (fiscal_document_save (doc, new_file, NULL, &error));
  g_assert_no_error (error);
  back = fiscal_document_load (new_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (fiscal_document_get_lines (back)), ==, 3);

  g_unlink (old_path);
  g_unlink (new_path);
  g_rmdir (dir);
}

/* The loader and the writers share the rules: the bytes of a budget that
 * is not valid fail to load with the same code and message that refused
 * them. */
static void
test_loader_same_rules (void)
{
  static const char *weights[] = { "按照完成比例赋分", "计划标准", "7 人" };

  for (guint i = 0; i < G_N_ELEMENTS (weights); i++)
    {
      g_autoptr(FiscalDocument) doc = small_budget ();
      g_autoptr(FiscalIndicator) indicator = fiscal_indicator_new ("产出指标", "数量指标", "培训人次");
      g_autoptr(GError) refused = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(FiscalDocument) back = NULL;
      g_autofree char *expected = g_strdup_printf ("targets.indicators[0].weight: “%s” is not a decimal number",
                                                   weights[i]);
      const char *data;
      gsize length;

      fiscal_indicator_set_field (indicator, FISCAL_INDICATOR_WEIGHT, weights[i]);
      fiscal_targets_add_indicator (fiscal_document_get_targets (doc), indicator);

      g_assert_false (fiscal_document_check_valid (doc, &refused));
      bytes = fiscal_document_to_bytes (doc);
      data = g_bytes_get_data (bytes, &length);
      back = fiscal_document_load_from_data (data, length, &error);
      g_assert_null (back);
      g_assert_error (error, FISCAL_ERROR, refused->code);
      g_assert_cmpstr (error->message, ==, refused->message);
      g_assert_cmpstr (error->message, ==, expected);
    }
}

static char *
reference_text (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "changji-liaison-2025-disclosure.txt", NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* Replaces the first @old in @text (which must hold it) by @new. */
static char *
replace_first (const char *text,
               const char *old,
               const char *new)
{
  const char *at = strstr (text, old);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, new, at + strlen (old));
}

static gboolean
report_has (FiscalImportReport   *report,
            FiscalImportSeverity  severity,
            const char           *words)
{
  for (guint i = 0; i < fiscal_import_report_get_n_entries (report); i++)
    {
      const FiscalImportEntry *e = fiscal_import_report_get_entry (report, i);

      if (e->severity == severity && strstr (e->message, words) != NULL)
        return TRUE;
    }
  return FALSE;
}

static FiscalDocument *
import_text (const char          *text,
             FiscalImportReport **report)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FiscalDisclosure) d = fiscal_disclosure_parse_text (text, strlen (text), &error);
  FiscalDocument *doc;

  g_assert_no_error (error);
  doc = fiscal_import_disclosure (d, report, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

/* A weight printed as words, in the department's target table or a
 * project's: the import keeps the words in the scoring rule, says so, and
 * its budget opens again. */
static void
test_import_weight_words (void)
{
  static const struct { const char *old; const char *new; gboolean project; } cases[] = {
    { "2025 年昌吉州人民政府驻北京联络处工作计划\t25\n", "2025 年昌吉州人民政府驻北京联络处工作计划\t按照完成比例赋分\n", FALSE },
    { "2025 年昌吉州人民政府驻北京联络处工作计划\t25\n", "2025 年昌吉州人民政府驻北京联络处工作计划\t7 人\n", FALSE },
  };
  g_autofree char *reference = reference_text ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = replace_first (reference, cases[i].old, cases[i].new);
      g_autoptr(FiscalImportReport) report = NULL;
      g_autoptr(FiscalDocument) doc = import_text (text, &report);
      g_autoptr(FiscalDocument) back = fiscal_test_reload (doc);
      GListModel *indicators = fiscal_targets_get_indicators (fiscal_document_get_targets (back));
      const char *words = strchr (cases[i].new, '\t') + 1;
      g_autofree char *kept = g_strndup (words, strlen (words) - 1);
      g_autoptr(FiscalIndicator) second = g_list_model_get_item (indicators, 1);
      g_autoptr(FiscalIndicator) first = g_list_model_get_item (indicators, 0);

      /* the second row of the table is the one changed: the first has
       * the same weight after another basis */
      g_assert_cmpstr (fiscal_indicator_get_field (first, FISCAL_INDICATOR_WEIGHT), ==, "25");
      g_assert_null (fiscal_indicator_get_field (second, FISCAL_INDICATOR_WEIGHT));
      g_assert_cmpstr (fiscal_indicator_get_field (second, FISCAL_INDICATOR_SCORING), ==, kept);
      g_assert_true (report_has (report, FISCAL_IMPORT_WARNING, kept));
      g_assert_true (report_has (report, FISCAL_IMPORT_WARNING, "开展“双招双引”工作"));
    }
}

/* A project's period that is no date (30 February) is left out, said, and
 * the budget opens again. */
static void
test_import_bad_date (void)
{
  g_autofree char *reference = reference_text ();
  g_autofree char *text = replace_first (reference, "2025 年 12 月 31 日", "2025 年 2 月 30 日");
  g_autoptr(FiscalImportReport) report = NULL;
  g_autoptr(FiscalDocument) doc = import_text (text, &report);
  g_autoptr(FiscalDocument) back = fiscal_test_reload (doc);
  g_autoptr(FiscalProject) project = g_list_model_get_item (fiscal_document_get_projects (back), 0);

  g_assert_cmpstr (fiscal_project_get_field (project, FISCAL_PROJECT_PERIOD_START), ==, "2025-01-01");
  g_assert_null (fiscal_project_get_field (project, FISCAL_PROJECT_PERIOD_END));
  g_assert_true (report_has (report, FISCAL_IMPORT_WARNING, "2025-02-30"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/valid/examples", test_examples_valid);
  g_test_add_func ("/valid/faults", test_faults);
  g_test_add_func ("/valid/ceiling", test_ceiling);
  g_test_add_func ("/valid/save-refused", test_save_refused);
  g_test_add_func ("/valid/loader-same-rules", test_loader_same_rules);
  g_test_add_func ("/valid/import-weight-words", test_import_weight_words);
  g_test_add_func ("/valid/import-bad-date", test_import_bad_date);

  return g_test_run ();
}
