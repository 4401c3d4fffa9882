/* test-undo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fiscal-test-util.h"

static FiscalDocument *
load_example (void)
{
  return fiscal_test_load_example (2025);
}

static char *
tables_json (FiscalDocument *doc)
{
  g_autoptr(GPtrArray) tables = fiscal_pivot_all (doc);
  return fiscal_tables_to_json (tables);
}

static char *
document_text (FiscalDocument *doc)
{
  g_autoptr(GBytes) bytes = fiscal_document_to_bytes (doc);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static FiscalLine *
line_at (FiscalDocument *doc,
         guint           i)
{
  FiscalLine *line = g_list_model_get_item (fiscal_document_get_lines (doc), i);
  g_object_unref (line);
  return line;
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

static void
test_fresh (void)
{
  g_autoptr(FiscalDocument) doc = load_example ();
  g_autoptr(FiscalDocument) empty = fiscal_document_new (2025, "甲");

  /* Loading and creating are not steps to undo. */
  g_assert_false (fiscal_document_can_undo (doc));
  g_assert_false (fiscal_document_can_redo (doc));
  g_assert_false (fiscal_document_get_modified (doc));
  g_assert_false (fiscal_document_can_undo (empty));
  g_assert_false (fiscal_document_undo (doc));
}

/* An amount edit changes the tables; undo restores them exactly, redo
 * makes the edit again. */
static void
test_amount (void)
{
  g_autoptr(FiscalDocument) doc = load_example ();
  g_autofree char *before = tables_json (doc);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  FiscalLine *line = line_at (doc, 0);
  gint64 amount = fiscal_line_get_amount (line);

  fiscal_line_set_amount (line, amount + 123456);
  after = tables_json (doc);
  g_assert_cmpstr (before, !=, after);
  g_assert_true (fiscal_document_can_undo (doc));
  g_assert_cmpstr (fiscal_document_get_undo_label (doc), ==, "Amount Change");

  g_assert_true (fiscal_document_undo (doc));
  g_assert_cmpint (fiscal_line_get_amount (line), ==, amount);
  undone = tables_json (doc);
  g_assert_cmpstr (undone, ==, before);
  g_assert_false (fiscal_document_can_undo (doc));
  g_assert_true (fiscal_document_can_redo (doc));

  g_assert_true (fiscal_document_redo (doc));
  g_assert_cmpint (fiscal_line_get_amount (line), ==, amount + 123456);
  redone = tables_json (doc);
  g_assert_cmpstr (redone, ==, after);
}

/* Typing in one field is one step; another field starts a new one. */
static void
test_coalescing (void)
{
  g_autoptr(FiscalDocument) doc = load_example ();
  FiscalLine *line = line_at (doc, 2);
  const char *note = fiscal_line_get_note (line);
  g_autofree char *original = g_strdup (note);

  fiscal_line_set_note (line, "a");
  fiscal_line_set_note (line, "ab");
  fiscal_line_set_note (line, "abc");
  fiscal_line_set_amount (line, 1);

  g_assert_true (fiscal_document_undo (doc));   /* the amount */
  g_assert_cmpstr (fiscal_line_get_note (line), ==, "abc");
  g_assert_true (fiscal_document_undo (doc));   /* all the typing */
  g_assert_cmpstr (fiscal_line_get_note (line), ==, original);
  g_assert_false (fiscal_document_can_undo (doc));

  g_assert_true (fiscal_document_redo (doc));
  g_assert_cmpstr (fiscal_line_get_note (line), ==, "abc");
}

/* An action is one step, whatever it does; a new change clears redo. */
static void
test_action (void)
{
  g_autoptr(FiscalDocument) doc = load_example ();
  g_autofree char *before = document_text (doc);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  FiscalLine *added[2];

  fiscal_document_begin_action (doc, "Paste");
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *id = fiscal_document_new_line_id (doc);
      added[i] = fiscal_line_new_full (id, "main", "2010350", "30201", FISCAL_KIND_PUBLIC, NULL,
                                       FISCAL_SOURCE_GENERAL, 100 * (i + 1));
    }
  fiscal_document_insert_lines (doc, 3, added, 2);
  g_object_unref (added[0]);
  g_object_unref (added[1]);
  fiscal_line_set_amount (line_at (doc, 0), 5);
  fiscal_document_set_explanation (doc, "other", "无");
  fiscal_document_remove_lines (doc, 10, 2);
  fiscal_document_end_action (doc);

  after = document_text (doc);
  g_assert_cmpstr (fiscal_document_get_undo_label (doc), ==, "Paste");
  g_assert_true (fiscal_document_undo (doc));
  g_assert_false (fiscal_document_can_undo (doc));
  undone = document_text (doc);
  g_assert_cmpstr (undone, ==, before);

  g_assert_true (fiscal_document_redo (doc));
  redone = document_text (doc);
  g_assert_cmpstr (redone, ==, after);

  g_assert_true (fiscal_document_undo (doc));
  fiscal_line_set_amount (line_at (doc, 1), 7);
  g_assert_false (fiscal_document_can_redo (doc));
}

static void
test_remove_lines (void)
{
  g_autoptr(FiscalDocument) doc = load_example ();
  GListModel *lines = fiscal_document_get_lines (doc);
  guint n = g_list_model_get_n_items (lines);
  FiscalLine *third = line_at (doc, 2);

  fiscal_document_remove_lines (doc, 2, 3);
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, n - 3);
  g_assert_cmpstr (fiscal_document_get_undo_label (doc), ==, "Delete Lines");

  g_assert_true (fiscal_document_undo (doc));
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, n);
  /* The same line, back in its place and editable again. */
  g_assert_true (line_at (doc, 2) == third);
  fiscal_line_set_amount (third, 1);
  g_assert_cmpstr (fiscal_document_get_undo_label (doc), ==, "Amount Change");
}

static void
test_profile_and_projects (void)
{
  g_autoptr(FiscalDocument) doc = load_example ();
  FiscalProfile *profile = fiscal_document_get_profile (doc);
  g_autoptr(FiscalProject) project = fiscal_project_new ("p9", "新项目");
  g_autoptr(FiscalProject) first = g_list_model_get_item (fiscal_document_get_projects (doc), 0);
  g_autofree char *owner = g_strdup (fiscal_project_get_field (first, FISCAL_PROJECT_OWNER));
  gint64 active = fiscal_profile_get_number (profile, FISCAL_PROFILE_STAFF_ACTIVE);
  guint vehicles = fiscal_profile_get_n_vehicles (profile);

  fiscal_profile_set_number (profile, FISCAL_PROFILE_STAFF_ACTIVE, active + 5);
  fiscal_profile_set_text (profile, FISCAL_PROFILE_CONTACT_NAME, NULL);
  fiscal_profile_add_vehicle (profile, "其他车辆", 1, 100);
  fiscal_document_add_project (doc, project);
  fiscal_project_set_field (first, FISCAL_PROJECT_OWNER, "张三");
  fiscal_document_remove_project (doc, 0);

  g_assert_cmpuint (g_list_model_get_n_items (fiscal_document_get_projects (doc)), ==, 1);
  while (fiscal_document_can_undo (doc))
    g_assert_true (fiscal_document_undo (doc));

  g_assert_cmpint (fiscal_profile_get_number (profile, FISCAL_PROFILE_STAFF_ACTIVE), ==, active);
  g_assert_cmpstr (fiscal_profile_get_text (profile, FISCAL_PROFILE_CONTACT_NAME), ==, "韩莉");
  g_assert_cmpuint (fiscal_profile_get_n_vehicles (profile), ==, vehicles);
  g_assert_cmpuint (g_list_model_get_n_items (fiscal_document_get_projects (doc)), ==, 1);
  g_assert_cmpstr (fiscal_project_get_field (first, FISCAL_PROJECT_OWNER), ==, owner);
}

/* “Modified” follows the saved point through undo and redo. */
static void
test_modified (void)
{
  g_autoptr(FiscalDocument) doc = load_example ();
  FiscalLine *line = line_at (doc, 0);
  guint notifies = 0;

  g_signal_connect (doc, "notify::modified", G_CALLBACK (count_cb), &notifies);

  fiscal_line_set_amount (line, 1);
  g_assert_true (fiscal_document_get_modified (doc));
  g_assert_cmpuint (notifies, ==, 1);
  fiscal_line_set_amount (line, 2);
  g_assert_cmpuint (notifies, ==, 1);

  fiscal_document_set_saved (doc);
  g_assert_false (fiscal_document_get_modified (doc));

  /* After a save, the same field starts a new step. */
  fiscal_line_set_amount (line, 3);
  g_assert_true (fiscal_document_get_modified (doc));
  g_assert_true (fiscal_document_undo (doc));
  g_assert_false (fiscal_document_get_modified (doc));
  g_assert_cmpint (fiscal_line_get_amount (line), ==, 2);
  g_assert_true (fiscal_document_undo (doc));
  g_assert_true (fiscal_document_get_modified (doc));
  g_assert_true (fiscal_document_redo (doc));
  g_assert_false (fiscal_document_get_modified (doc));
}

/* Undo and redo emit one "changed" each. */
static void
test_signals (void)
{
  g_autoptr(FiscalDocument) doc = load_example ();
  guint changed = 0;

  fiscal_document_begin_action (doc, "Many");
  for (guint i = 0; i < 5; i++)
    fiscal_line_set_amount (line_at (doc, i), 1);
  fiscal_document_end_action (doc);

  g_signal_connect (doc, "changed", G_CALLBACK (count_cb), &changed);
  fiscal_document_undo (doc);
  g_assert_cmpuint (changed, ==, 1);
  fiscal_document_redo (doc);
  g_assert_cmpuint (changed, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/undo/fresh", test_fresh);
  g_test_add_func ("/undo/amount", test_amount);
  g_test_add_func ("/undo/coalescing", test_coalescing);
  g_test_add_func ("/undo/action", test_action);
  g_test_add_func ("/undo/remove-lines", test_remove_lines);
  g_test_add_func ("/undo/profile-and-projects", test_profile_and_projects);
  g_test_add_func ("/undo/modified", test_modified);
  g_test_add_func ("/undo/signals", test_signals);

  return g_test_run ();
}
