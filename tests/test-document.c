/* test-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fiscal-core.h"

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document/line/notify", test_line_notify);
  g_test_add_func ("/document/line/copy", test_line_copy);
  g_test_add_func ("/document/changed", test_document_changed);
  g_test_add_func ("/document/properties", test_document_properties);
  g_test_add_func ("/document/profile", test_profile);
  g_test_add_func ("/document/project", test_project);
  g_test_add_func ("/document/enums", test_enums);

  return g_test_run ();
}
