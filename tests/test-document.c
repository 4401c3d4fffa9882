/* test-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fiscal-core.h"
#include "fiscal-test-util.h"

static void
count_cb (gpointer  instance,
          gpointer  pspec_or_nothing,
          guint    *count)
{
  (*count)++;
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *count)
{
  (*count)++;
}

static FiscalLine *
make_line (FiscalDocument *doc,
           const char     *function,
           const char     *economic,
           FiscalKind      kind,
           FiscalSource    source,
           gint64          fen)
{
  g_autofree char *id = fiscal_document_new_line_id (doc);

  return fiscal_line_new_full (id, "main", function, economic, kind, NULL, source, fen);
}

/* A loaded line id of the largest number must not make the next new id
 * wrap round to l0, l1, … and repeat an id the budget has: the budget
 * would save and not open again. */
static void
test_line_id_max (void)
{
#define LINE(id) "{\"id\":\"" id "\",\"unit\":\"u1\",\"function\":\"2010301\",\"economic\":\"30201\"," \
                 "\"kind\":\"public\",\"source\":\"general\",\"amount\":\"1.00\"}"
  static const char budget[] =
    "{\"format\":\"fiscal-budget\",\"version\":1,\"year\":2025,"
    "\"department\":{\"name\":\"测试部门\"},\"units\":[{\"id\":\"u1\",\"name\":\"本级\"}],"
    "\"lines\":[" LINE ("l0") "," LINE ("l1") "," LINE ("l18446744073709551615") ","
    LINE ("l18446744073709551614") "," LINE ("l9223372036854775808") "]}";
#undef LINE
  g_autoptr(GError) error = NULL;
  g_autoptr(FiscalDocument) doc = fiscal_document_load_from_data (budget, strlen (budget), &error);
  g_autoptr(FiscalDocument) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GListModel *lines;

  g_assert_no_error (error);
  lines = fiscal_document_get_lines (doc);
  for (guint n = 0; n < 3; n++)
    {
      g_autofree char *id = fiscal_document_new_line_id (doc);
      g_autoptr(FiscalLine) line = NULL;

      for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
        {
          g_autoptr(FiscalLine) each = g_list_model_get_item (lines, i);
          g_assert_cmpstr (fiscal_line_get_id (each), !=, id);
        }
      line = fiscal_line_new_full (id, "u1", "2010301", "30201", FISCAL_KIND_PUBLIC, NULL,
                                   FISCAL_SOURCE_GENERAL, 100);
      fiscal_document_add_line (doc, line);
    }

  bytes = fiscal_document_to_bytes (doc);
  again = fiscal_document_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (fiscal_document_get_lines (again)), ==, 8);
}

static void
test_line_notify (void)
{
  g_autoptr(FiscalLine) line = fiscal_line_new ("l1");
  guint amount_notifies = 0;
  guint function_notifies = 0;

  g_signal_connect (line, "notify::amount", G_CALLBACK (count_cb), &amount_notifies);
  g_signal_connect (line, "notify::function", G_CALLBACK (count_cb), &function_notifies);

  fiscal_line_set_amount (line, 100);
  fiscal_line_set_amount (line, 100);
  fiscal_line_set_amount (line, 200);
  g_assert_cmpuint (amount_notifies, ==, 2);
  g_assert_cmpint (fiscal_line_get_amount (line), ==, 200);

  fiscal_line_set_function (line, "2010302");
  fiscal_line_set_function (line, "2010302");
  g_assert_cmpuint (function_notifies, ==, 1);
  /* Codes are interned: equal codes are the same pointer. */
  g_assert_true (fiscal_line_get_function (line) == g_intern_string ("2010302"));

  fiscal_line_set_economic (line, "");
  g_assert_null (fiscal_line_get_economic (line));

  g_object_set (line, "amount", (gint64) 300, NULL);
  g_assert_cmpuint (amount_notifies, ==, 3);

  g_assert_finalize_object (g_steal_pointer (&line));
}

static void
test_line_copy (void)
{
  g_autoptr(FiscalDocument) doc = fiscal_document_new (2025, "测试部门");
  g_autoptr(FiscalLine) line = make_line (doc, "2010350", "30101", FISCAL_KIND_PERSONNEL,
                                          FISCAL_SOURCE_GENERAL, 31700000);
  g_autoptr(FiscalLine) copy = NULL;

  fiscal_line_set_note (line, "基本工资");
  copy = fiscal_line_copy (line, "l99");

  g_assert_cmpstr (fiscal_line_get_id (copy), ==, "l99");
  g_assert_cmpstr (fiscal_line_get_function (copy), ==, "2010350");
  g_assert_cmpstr (fiscal_line_get_economic (copy), ==, "30101");
  g_assert_cmpint (fiscal_line_get_kind (copy), ==, FISCAL_KIND_PERSONNEL);
  g_assert_cmpint (fiscal_line_get_amount (copy), ==, 31700000);
  g_assert_cmpstr (fiscal_line_get_note (copy), ==, "基本工资");
}

static void
test_document_changed (void)
{
  g_autoptr(FiscalDocument) doc = fiscal_document_new (2025, "测试部门");
  g_autoptr(FiscalLine) line = NULL;
  FiscalProfile *profile = fiscal_document_get_profile (doc);
  guint changed = 0;
  guint items_changed = 0;
  guint64 serial;

  g_signal_connect (doc, "changed", G_CALLBACK (count_cb), &changed);
  g_signal_connect (fiscal_document_get_lines (doc), "items-changed",
                    G_CALLBACK (items_changed_cb), &items_changed);

  line = make_line (doc, "2010350", "30101", FISCAL_KIND_PERSONNEL, FISCAL_SOURCE_GENERAL, 100);
  g_assert_cmpuint (changed, ==, 0);   /* not in the document yet */

  fiscal_document_add_line (doc, line);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (items_changed, ==, 1);

  /* One edit, one signal. */
  serial = fiscal_document_get_serial (doc);
  fiscal_line_set_amount (line, 500);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpuint (fiscal_document_get_serial (doc), >, serial);
  fiscal_line_set_amount (line, 500);
  g_assert_cmpuint (changed, ==, 2);

  fiscal_profile_set_number (profile, FISCAL_PROFILE_STAFF_ACTIVE, 7);
  g_assert_cmpuint (changed, ==, 3);
  fiscal_profile_set_number (profile, FISCAL_PROFILE_STAFF_ACTIVE, 7);
  g_assert_cmpuint (changed, ==, 3);

  fiscal_document_set_explanation (doc, "income.general", "工作人员减少");
  g_assert_cmpuint (changed, ==, 4);
  fiscal_document_set_explanation (doc, "income.general", "工作人员减少");
  g_assert_cmpuint (changed, ==, 4);

  /* Frozen: many edits, one signal on thaw. */
  fiscal_document_freeze_changed (doc);
  fiscal_line_set_amount (line, 1);
  fiscal_line_set_amount (line, 2);
  fiscal_line_set_note (line, "x");
  g_assert_cmpuint (changed, ==, 4);
  fiscal_document_thaw_changed (doc);
  g_assert_cmpuint (changed, ==, 5);

  /* A removed line no longer reports to the document. */
  fiscal_document_remove_lines (doc, 0, 1);
  g_assert_cmpuint (changed, ==, 6);
  g_assert_cmpuint (g_list_model_get_n_items (fiscal_document_get_lines (doc)), ==, 0);
  fiscal_line_set_amount (line, 3);
  g_assert_cmpuint (changed, ==, 6);

  /* Lines do not keep the document alive, nor the document the lines. */
  g_assert_finalize_object (g_steal_pointer (&doc));
  fiscal_line_set_amount (line, 4);
  g_assert_finalize_object (g_steal_pointer (&line));
}

static void
test_document_properties (void)
{
  g_autoptr(FiscalDocument) doc = fiscal_document_new (2025, "甲部门");
  guint notifies = 0;
  g_auto(GStrv) keys = NULL;

  g_signal_connect (doc, "notify::department-name", G_CALLBACK (count_cb), &notifies);
  fiscal_document_set_department_name (doc, "乙部门");
  fiscal_document_set_department_name (doc, "乙部门");
  g_assert_cmpuint (notifies, ==, 1);
  g_assert_cmpstr (fiscal_document_get_department_name (doc), ==, "乙部门");

  g_assert_cmpuint (g_list_model_get_n_items (fiscal_document_get_units (doc)), ==, 1);
  g_assert_nonnull (fiscal_document_find_unit (doc, "main"));
  g_assert_null (fiscal_document_find_unit (doc, "other"));

  fiscal_document_set_explanation (doc, "b", "2");
  fiscal_document_set_explanation (doc, "a", "1");
  fiscal_document_set_explanation (doc, "c", "3");
  fiscal_document_set_explanation (doc, "c", NULL);
  keys = fiscal_document_list_explanations (doc);
  g_assert_cmpuint (g_strv_length (keys), ==, 2);
  g_assert_cmpstr (keys[0], ==, "a");
  g_assert_cmpstr (keys[1], ==, "b");
}

static void
test_profile (void)
{
  g_autoptr(FiscalProfile) profile = fiscal_profile_new ();
  g_autoptr(FiscalProfile) copy = fiscal_profile_new ();
  guint changed = 0;

  g_signal_connect (profile, "changed", G_CALLBACK (count_cb), &changed);

  g_assert_false (fiscal_profile_is_set (profile, FISCAL_PROFILE_STAFF_ACTIVE_CHANGE));
  fiscal_profile_set_number (profile, FISCAL_PROFILE_STAFF_ACTIVE_CHANGE, 0);
  g_assert_true (fiscal_profile_is_set (profile, FISCAL_PROFILE_STAFF_ACTIVE_CHANGE));
  g_assert_cmpuint (changed, ==, 1);

  fiscal_profile_set_text (profile, FISCAL_PROFILE_CONTACT_NAME, "韩莉");
  fiscal_profile_set_text (profile, FISCAL_PROFILE_CONTACT_NAME, "韩莉");
  g_assert_cmpuint (changed, ==, 2);
  fiscal_profile_set_text (profile, FISCAL_PROFILE_CONTACT_NAME, "");
  g_assert_false (fiscal_profile_is_set (profile, FISCAL_PROFILE_CONTACT_NAME));
  g_assert_cmpuint (changed, ==, 3);

  fiscal_profile_add_vehicle (profile, "一般公务用车", 2, 64690000);
  g_assert_true (fiscal_profile_is_set (profile, FISCAL_PROFILE_ASSETS_VEHICLES));
  g_assert_cmpuint (changed, ==, 4);

  fiscal_profile_copy_into (profile, copy);
  g_assert_cmpuint (fiscal_profile_get_n_vehicles (copy), ==, 1);
  g_assert_cmpint (fiscal_profile_get_vehicle (copy, 0)->value, ==, 64690000);
  g_assert_true (fiscal_profile_is_set (copy, FISCAL_PROFILE_STAFF_ACTIVE_CHANGE));
  g_assert_false (fiscal_profile_is_set (copy, FISCAL_PROFILE_CONTACT_NAME));

  /* Every field has a key and a label. */
  for (guint f = 0; f < FISCAL_N_PROFILE_FIELDS; f++)
    {
      g_assert_nonnull (fiscal_profile_field_info (f)->key);
      g_assert_nonnull (fiscal_profile_field_label (f));
    }
}

/* A kind of vehicle is set in place, added at the end or taken out; each is
 * one undo step, and the list is saved. */
static void
test_profile_vehicles (void)
{
  g_autoptr(FiscalDocument) doc = fiscal_document_new (2025, "测试局");
  g_autoptr(FiscalDocument) loaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  FiscalProfile *profile = fiscal_document_get_profile (doc);
  const FiscalVehicle *vehicle;
  guint changed = 0;

  fiscal_profile_add_vehicle (profile, "一般公务用车", 2, 64690000);
  fiscal_profile_add_vehicle (profile, "其他车辆", 1, 60770000);
  fiscal_document_clear_history (doc);
  g_signal_connect (profile, "changed", G_CALLBACK (count_cb), &changed);

  g_assert_null (fiscal_profile_find_vehicle (profile, "执法执勤用车"));
  fiscal_profile_set_vehicle (profile, "一般公务用车", 3, 70000000);
  g_assert_cmpuint (changed, ==, 1);
  fiscal_profile_set_vehicle (profile, "一般公务用车", 3, 70000000);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (fiscal_profile_get_n_vehicles (profile), ==, 2);
  vehicle = fiscal_profile_get_vehicle (profile, 0);
  g_assert_cmpstr (vehicle->kind, ==, "一般公务用车");
  g_assert_cmpint (vehicle->count, ==, 3);
  g_assert_cmpint (vehicle->value, ==, 70000000);

  g_assert_true (fiscal_document_undo (doc));
  vehicle = fiscal_profile_find_vehicle (profile, "一般公务用车");
  g_assert_cmpint (vehicle->count, ==, 2);
  g_assert_cmpint (vehicle->value, ==, 64690000);
  g_assert_false (fiscal_document_can_undo (doc));

  fiscal_profile_set_vehicle (profile, "执法执勤用车", 1, 25000000);
  g_assert_cmpuint (fiscal_profile_get_n_vehicles (profile), ==, 3);
  g_assert_cmpstr (fiscal_profile_get_vehicle (profile, 2)->kind, ==, "执法执勤用车");
  fiscal_profile_remove_vehicle (profile, "其他车辆");
  g_assert_null (fiscal_profile_find_vehicle (profile, "其他车辆"));
  g_assert_cmpuint (fiscal_profile_get_n_vehicles (profile), ==, 2);

  bytes = fiscal_document_to_bytes (doc);
  loaded = fiscal_document_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  profile = fiscal_document_get_profile (loaded);
  g_assert_cmpuint (fiscal_profile_get_n_vehicles (profile), ==, 2);
  vehicle = fiscal_profile_find_vehicle (profile, "执法执勤用车");
  g_assert_nonnull (vehicle);
  g_assert_cmpint (vehicle->count, ==, 1);
  g_assert_cmpint (vehicle->value, ==, 25000000);
  g_assert_cmpint (fiscal_profile_find_vehicle (profile, "一般公务用车")->count, ==, 2);
}

static void
test_project (void)
{
  g_autoptr(FiscalProject) project = fiscal_project_new ("p1", "机构运行补助经费");
  guint notifies = 0;
  g_autofree char *owner = NULL;

  g_signal_connect (project, "notify::owner", G_CALLBACK (count_cb), &notifies);
  fiscal_project_set_field (project, FISCAL_PROJECT_OWNER, "王跃东");
  fiscal_project_set_field (project, FISCAL_PROJECT_OWNER, "王跃东");
  g_assert_cmpuint (notifies, ==, 1);

  g_object_get (project, "owner", &owner, NULL);
  g_assert_cmpstr (owner, ==, "王跃东");
  g_assert_cmpstr (fiscal_project_field_key (FISCAL_PROJECT_POLICY_BASIS), ==, "policy_basis");
  g_assert_cmpstr (fiscal_project_get_name (project), ==, "机构运行补助经费");
}

static void
test_enums (void)
{
  FiscalKind kind;
  FiscalSource source;

  for (guint i = 0; i < FISCAL_N_KINDS; i++)
    {
      g_assert_true (fiscal_kind_from_string (fiscal_kind_to_string (i), &kind));
      g_assert_cmpint (kind, ==, i);
    }
  for (guint i = 0; i < FISCAL_N_SOURCES; i++)
    {
      g_assert_true (fiscal_source_from_string (fiscal_source_to_string (i), &source));
      g_assert_cmpint (source, ==, i);
    }

  g_assert_false (fiscal_kind_from_string ("salary", &kind));
  g_assert_false (fiscal_source_from_string ("bank", &source));
  g_assert_cmpint (fiscal_source_get_budget (FISCAL_SOURCE_FUND_TRANSFER), ==, FISCAL_BUDGET_FUND);
  g_assert_true (fiscal_source_is_carryover (FISCAL_SOURCE_CARRYOVER_UNIT));
  g_assert_false (fiscal_source_is_carryover (FISCAL_SOURCE_UNIT_OTHER));
  g_assert_true (fiscal_source_is_unit_funds (FISCAL_SOURCE_UNIT_OTHER));
}

static char *
document_text (FiscalDocument *doc)
{
  g_autoptr(GBytes) bytes = fiscal_document_to_bytes (doc);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static char *
tables_csv (FiscalDocument *doc)
{
  g_autoptr(GPtrArray) tables = fiscal_pivot_all (doc);

  return fiscal_tables_to_csv_full (tables, FISCAL_CSV_DEFAULT);
}

/* A copy holds all that the file holds, shares nothing that changes, and
 * has no history. */
static void
test_document_copy (void)
{
  g_autoptr(FiscalDocument) doc = fiscal_test_load_example (2025);
  g_autoptr(FiscalDocument) copy = NULL;
  g_autofree char *text = document_text (doc);
  g_autofree char *csv = tables_csv (doc);
  g_autofree char *copy_text = NULL;
  g_autofree char *copy_csv = NULL;
  g_autofree char *new_id = NULL;
  g_autoptr(FiscalLine) line = NULL;
  g_autoptr(FiscalProject) project = NULL;
  g_autoptr(FiscalUnit) unit = NULL;
  g_autoptr(FiscalIndicator) indicator = NULL;
  g_auto(GStrv) keys = fiscal_document_list_explanations (doc);
  FiscalTargets *targets;

  /* The parts the comparison covers are there to compare. */
  g_assert_cmpuint (g_list_model_get_n_items (fiscal_document_get_lines (doc)), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (fiscal_document_get_projects (doc)), >, 0);
  g_assert_nonnull (keys[0]);
  g_assert_nonnull (fiscal_document_get_prior_path (doc));

  fiscal_document_set_explanation (doc, keys[0], "编辑后的原因");
  fiscal_document_undo (doc);
  g_assert_true (fiscal_document_can_redo (doc));

  copy = fiscal_document_copy (doc);
  copy_text = document_text (copy);
  copy_csv = tables_csv (copy);
  g_assert_cmpstr (copy_text, ==, text);
  g_assert_cmpstr (copy_csv, ==, csv);
  g_assert_true (g_file_equal (fiscal_document_get_file (copy), fiscal_document_get_file (doc)));
  g_assert_false (fiscal_document_can_undo (copy));
  g_assert_false (fiscal_document_can_redo (copy));
  g_assert_false (fiscal_document_get_modified (copy));

  /* New line ids stay clear of the copied ones, as in the original. */
  new_id = fiscal_document_new_line_id (copy);
  g_assert_null (fiscal_document_find_unit (copy, new_id));
  for (guint i = 0; i < g_list_model_get_n_items (fiscal_document_get_lines (copy)); i++)
    {
      g_autoptr(FiscalLine) each = g_list_model_get_item (fiscal_document_get_lines (copy), i);
      g_assert_cmpstr (fiscal_line_get_id (each), !=, new_id);
    }

  /* Every kind of edit of the original leaves the copy as it was. */
  line = g_list_model_get_item (fiscal_document_get_lines (doc), 0);
  fiscal_line_set_amount (line, fiscal_line_get_amount (line) + 12345);
  fiscal_line_set_function (line, "2010399");
  project = g_list_model_get_item (fiscal_document_get_projects (doc), 0);
  fiscal_project_set_field (project, FISCAL_PROJECT_OWNER, "另一位负责人");
  fiscal_project_set_name (project, "改名的项目");
  targets = fiscal_project_get_targets (project);
  fiscal_targets_set_goal (targets, "改过的目标");
  indicator = fiscal_indicator_new ("产出指标", "数量指标", "新指标");
  fiscal_targets_add_indicator (targets, indicator);
  fiscal_targets_set_fund (fiscal_document_get_targets (doc), FISCAL_FUND_TOTAL, 1);
  fiscal_profile_set_text (fiscal_document_get_profile (doc), FISCAL_PROFILE_FUNCTIONS, "新的职能");
  unit = g_list_model_get_item (fiscal_document_get_units (doc), 0);
  fiscal_unit_set_name (unit, "改名的单位");
  fiscal_document_set_explanation (doc, keys[0], NULL);
  fiscal_document_set_department_name (doc, "另一个部门");
  fiscal_document_set_year (doc, 2026);
  fiscal_document_remove_lines (doc, 1, 2);

  g_clear_pointer (&copy_text, g_free);
  g_clear_pointer (&copy_csv, g_free);
  copy_text = document_text (copy);
  copy_csv = tables_csv (copy);
  g_assert_cmpstr (copy_text, ==, text);
  g_assert_cmpstr (copy_csv, ==, csv);
  g_assert_true (fiscal_document_get_modified (doc));
  g_assert_false (fiscal_document_get_modified (copy));

  /* And the other way: the copy is a budget of its own. */
  {
    g_autoptr(FiscalLine) copied = g_list_model_get_item (fiscal_document_get_lines (copy), 0);
    g_autofree char *edited = NULL;

    fiscal_line_set_amount (copied, 1);
    g_assert_true (fiscal_document_can_undo (copy));
    g_assert_true (fiscal_document_get_modified (copy));
    g_assert_cmpint (fiscal_line_get_amount (line), !=, 1);
    g_assert_true (fiscal_document_undo (copy));
    edited = document_text (copy);
    g_assert_cmpstr (edited, ==, text);
  }

  /* A modified budget makes a modified copy. */
  {
    g_autoptr(FiscalDocument) second = fiscal_document_copy (doc);
    g_autofree char *second_text = document_text (second);
    g_autofree char *doc_text = document_text (doc);

    g_assert_true (fiscal_document_get_modified (second));
    g_assert_cmpstr (second_text, ==, doc_text);
    g_assert_finalize_object (g_steal_pointer (&second));
  }

  g_assert_finalize_object (g_steal_pointer (&copy));
}

typedef struct
{
  FiscalDocument *copy;
  char           *csv;
  char           *text;
} CopyReader;

static gpointer
read_copy_thread (gpointer data)
{
  CopyReader *reader = data;

  reader->csv = tables_csv (reader->copy);
  reader->text = document_text (reader->copy);
  g_clear_object (&reader->copy);
  return NULL;
}

/* The copy is read in another thread while the original is edited: the
 * thread sees the budget as it was when copied. */
static void
test_document_copy_thread (void)
{
  g_autoptr(FiscalDocument) doc = fiscal_test_load_example (2025);
  g_autofree char *text = document_text (doc);
  g_autofree char *csv = tables_csv (doc);
  GListModel *lines = fiscal_document_get_lines (doc);
  CopyReader reader = { fiscal_document_copy (doc), NULL, NULL };
  GThread *thread = g_thread_new ("copy-reader", read_copy_thread, &reader);

  for (guint round = 0; round < 200; round++)
    {
      g_autoptr(FiscalLine) line = g_list_model_get_item (lines, round % g_list_model_get_n_items (lines));
      g_autoptr(GPtrArray) tables = NULL;

      fiscal_line_set_amount (line, fiscal_line_get_amount (line) + 100);
      tables = fiscal_pivot_all (doc);
    }

  g_thread_join (thread);
  g_assert_cmpstr (reader.csv, ==, csv);
  g_assert_cmpstr (reader.text, ==, text);
  g_free (reader.csv);
  g_free (reader.text);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document/line/notify", test_line_notify);
  g_test_add_func ("/document/line/copy", test_line_copy);
  g_test_add_func ("/document/line/id-max", test_line_id_max);
  g_test_add_func ("/document/changed", test_document_changed);
  g_test_add_func ("/document/properties", test_document_properties);
  g_test_add_func ("/document/profile", test_profile);
  g_test_add_func ("/document/profile-vehicles", test_profile_vehicles);
  g_test_add_func ("/document/project", test_project);
  g_test_add_func ("/document/enums", test_enums);
  g_test_add_func ("/document/copy", test_document_copy);
  g_test_add_func ("/document/copy-thread", test_document_copy_thread);

  return g_test_run ();
}
