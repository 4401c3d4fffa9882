/* test-window.c
 *
 * The first window: open a budget, see its eleven tables, and see a broken
 * file refused without harm. Runs under Xvfb.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "fiscal-application.h"
#include "fiscal-checks-view.h"
#include "fiscal-narrative-view.h"
#include "fiscal-table-view.h"
#include "fiscal-window.h"

static FiscalApplication *app;

static GFile *
example_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 "changji-liaison-2025.fiscal.json", NULL);
  return g_file_new_for_path (path);
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static FiscalTableView *
find_table_view (GtkWidget *widget)
{
  if (FISCAL_IS_TABLE_VIEW (widget))
    return FISCAL_TABLE_VIEW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      FiscalTableView *found = find_table_view (child);
      if (found)
        return found;
    }

  return NULL;
}

static GtkListBox *
find_list_box (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX (widget) && g_strcmp0 (gtk_widget_get_name (widget), "sidebar-list") == 0)
    return GTK_LIST_BOX (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkListBox *found = find_list_box (child);
      if (found)
        return found;
    }

  return NULL;
}

static FiscalNarrativeView *
find_narrative_view (GtkWidget *widget)
{
  if (FISCAL_IS_NARRATIVE_VIEW (widget))
    return FISCAL_NARRATIVE_VIEW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      FiscalNarrativeView *found = find_narrative_view (child);
      if (found)
        return found;
    }

  return NULL;
}

static FiscalChecksView *
find_checks_view (GtkWidget *widget)
{
  if (FISCAL_IS_CHECKS_VIEW (widget))
    return FISCAL_CHECKS_VIEW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      FiscalChecksView *found = find_checks_view (child);
      if (found)
        return found;
    }

  return NULL;
}

/* The text of data row @row (0 is the first row under the header). */
static const char *
data_text (FiscalTableView *view,
           guint            row,
           guint            column)
{
  return fiscal_table_view_get_text_at (view, fiscal_table_view_get_n_header_rows (view) + row, column);
}

static void
test_open_example (void)
{
  g_autoptr(GFile) file = example_file ();
  FiscalWindow *window = fiscal_window_new (app);
  FiscalTableView *view;
  GtkListBox *list;
  guint n_rows = 0;

  g_assert_true (fiscal_window_open (window, file));
  gtk_window_present (GTK_WINDOW (window));
  iterate ();

  g_assert_cmpstr (fiscal_window_get_page (window), ==, "table");
  g_assert_true (g_file_equal (fiscal_window_get_file (window), file));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "changji-liaison-2025.fiscal.json");

  list = find_list_box (GTK_WIDGET (window));
  g_assert_nonnull (list);
  while (gtk_list_box_get_row_at_index (list, n_rows))
    n_rows++;
  /* Overview, lines, projects; the eleven tables; the narrative and the
   * checks. */
  g_assert_cmpuint (n_rows, ==, 16);

  view = find_table_view (GTK_WIDGET (window));
  g_assert_nonnull (view);

  /* 表 3 in its layout: codes split into 类/款/项, blanks left blank. */
  fiscal_window_show_table (window, 3);
  iterate ();
  g_assert_cmpuint (fiscal_window_get_shown_table (window), ==, 3);
  g_assert_true (gtk_list_box_get_selected_row (list) == gtk_list_box_get_row_at_index (list, 3 + 2));
  g_assert_cmpuint (fiscal_table_view_get_n_header_rows (view), ==, 4);
  g_assert_cmpstr (fiscal_table_view_get_text_at (view, 0, 0), ==, "科目");
  g_assert_cmpstr (data_text (view, 0, 3), ==, "总计");
  g_assert_cmpstr (data_text (view, 0, 4), ==, "318.10");
  g_assert_cmpstr (data_text (view, 0, 5), ==, "145.10");
  g_assert_cmpstr (data_text (view, 0, 6), ==, "173.00");
  g_assert_cmpstr (data_text (view, 3, 0), ==, "201");
  g_assert_cmpstr (data_text (view, 3, 1), ==, "03");
  g_assert_cmpstr (data_text (view, 3, 2), ==, "02");
  g_assert_cmpstr (data_text (view, 3, 3), ==, "一般行政管理事务");
  g_assert_cmpstr (data_text (view, 3, 5), ==, "");

  /* An empty table shows its sentence. */
  fiscal_window_show_table (window, 8);
  iterate ();
  g_assert_cmpuint (fiscal_table_get_n_rows (fiscal_table_view_get_table (view)), ==, 0);
  g_assert_nonnull (strstr (fiscal_table_get_note (fiscal_table_view_get_table (view)), "为空表"));

  /* Every table can be shown through the action, and the sidebar follows. */
  for (guint i = 1; i <= 11; i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-table", "u", i));
      iterate ();
      g_assert_cmpuint (fiscal_table_get_number (fiscal_table_view_get_table (view)), ==, i);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* The tables follow an edit of the document. */
static void
test_tables_follow_edits (void)
{
  g_autoptr(GFile) file = example_file ();
  FiscalWindow *window = fiscal_window_new (app);
  FiscalTableView *view;
  FiscalDocument *doc;
  g_autoptr(FiscalLine) line = NULL;

  g_assert_true (fiscal_window_open (window, file));
  gtk_window_present (GTK_WINDOW (window));
  fiscal_window_show_table (window, 3);
  iterate ();
  view = find_table_view (GTK_WIDGET (window));

  doc = fiscal_window_get_document (window);
  line = g_list_model_get_item (fiscal_document_get_lines (doc), 0);
  fiscal_line_set_amount (line, fiscal_line_get_amount (line) + 1000000);   /* + 1.00 万元 */
  iterate ();

  g_assert_cmpstr (data_text (view, 0, 4), ==, "319.10");
  g_assert_cmpstr (data_text (view, 0, 5), ==, "146.10");

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}


/* The narrative follows the figures; typing a reason stores it; a missing
 * reason shows in the checks, and activating that finding goes to its
 * field. */
static void
test_narrative_and_checks (void)
{
  g_autoptr(GFile) file = example_file ();
  FiscalWindow *window = fiscal_window_new (app);
  FiscalNarrativeView *narrative;
  FiscalChecksView *checks;
  FiscalDocument *doc;
  GtkEditable *entry;
  GPtrArray *findings;
  g_autoptr(FiscalLine) line = NULL;
  guint reason_at = G_MAXUINT;

  g_assert_true (fiscal_window_open (window, file));
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  doc = fiscal_window_get_document (window);
  narrative = find_narrative_view (GTK_WIDGET (window));
  checks = find_checks_view (GTK_WIDGET (window));

  /* The example passes every check. */
  findings = fiscal_window_get_findings (window);
  g_assert_nonnull (findings);
  g_assert_cmpuint (fiscal_findings_count (findings, FISCAL_SEVERITY_ERROR), ==, 0);
  g_assert_cmpuint (fiscal_findings_count (findings, FISCAL_SEVERITY_WARNING), ==, 0);

  fiscal_window_show_page (window, "narrative");
  iterate ();
  g_assert_cmpstr (fiscal_window_get_page (window), ==, "narrative");

  /* The stored reason is in its field; typing replaces it in the budget. */
  entry = fiscal_narrative_view_get_slot_entry (narrative, "income.unit");
  g_assert_nonnull (entry);
  g_assert_true (g_str_has_prefix (gtk_editable_get_text (entry), "信访工作业务补助费收入"));
  gtk_editable_set_text (entry, "业务补助收入增加");
  g_assert_cmpstr (fiscal_document_get_explanation (doc, "income.unit"), ==, "业务补助收入增加");

  /* A new change without a reason: the narrative and the checks say so. */
  line = g_list_model_get_item (fiscal_document_get_lines (doc), 0);
  fiscal_line_set_amount (line, fiscal_line_get_amount (line) + 1000000);
  findings = fiscal_window_get_findings (window);
  g_assert_cmpuint (fiscal_narrative_view_get_n_missing (narrative), ==, 0);   /* every slot here has its text */

  fiscal_document_set_explanation (doc, "income.general", NULL);
  findings = fiscal_window_get_findings (window);
  g_assert_cmpuint (fiscal_narrative_view_get_n_missing (narrative), ==, 1);
  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (((FiscalFinding *) findings->pdata[i])->rule, "reason.missing"))
      reason_at = i;
  g_assert_cmpuint (reason_at, !=, G_MAXUINT);
  g_assert_true (fiscal_checks_view_get_findings (checks) == findings);

  fiscal_window_show_page (window, "checks");
  iterate ();
  g_assert_cmpstr (fiscal_window_get_page (window), ==, "checks");

  fiscal_checks_view_activate (checks, reason_at);
  iterate ();
  g_assert_cmpstr (fiscal_window_get_page (window), ==, "narrative");
  entry = fiscal_narrative_view_get_slot_entry (narrative, "income.general");
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (entry)) ||
                 gtk_widget_is_focus (GTK_WIDGET (entry)) ||
                 gtk_widget_get_focus_child (GTK_WIDGET (entry)) != NULL);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* A broken file is shown as an error, in the window, and stays as it was. */
static void
test_open_broken (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "malformed", "50-amount-three-decimals.fiscal.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  FiscalWindow *window = fiscal_window_new (app);

  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  g_assert_false (fiscal_window_open (window, file));
  gtk_window_present (GTK_WINDOW (window));
  iterate ();

  g_assert_cmpstr (fiscal_window_get_page (window), ==, "error");
  g_assert_null (fiscal_window_get_document (window));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);

  /* Showing a table without a budget does nothing. */
  fiscal_window_show_table (window, 2);
  g_assert_cmpstr (fiscal_window_get_page (window), ==, "error");

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

static void
test_empty_window (void)
{
  FiscalWindow *window = fiscal_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  g_assert_cmpstr (fiscal_window_get_page (window), ==, "empty");
  g_assert_null (fiscal_window_get_file (window));
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* Under a Chinese locale the window speaks Chinese. */
static void
test_chinese (void)
{
  g_autoptr(GFile) file = example_file ();
  FiscalWindow *window;
  GtkListBox *list;
  GtkWidget *label;

  g_assert_cmpstr (_("Income and expenditure overview"), ==, "部门收支总体情况表");

  window = fiscal_window_new (app);
  g_assert_true (fiscal_window_open (window, file));
  gtk_window_present (GTK_WINDOW (window));
  iterate ();

  list = find_list_box (GTK_WIDGET (window));
  label = gtk_widget_get_last_child (gtk_list_box_row_get_child (gtk_list_box_get_row_at_index (list, 3 + 9)));
  fiscal_window_show_page (window, "narrative");
  iterate ();
  {
    FiscalNarrativeView *narrative = find_narrative_view (GTK_WIDGET (window));
    g_autofree char *text = fiscal_narrative_view_get_text (narrative);

    g_assert_nonnull (strstr (text, "一般公共预算 205.10 万元，占 64.48%，比上年预算减少 27.21 万元，下降 11.71%"));
  }
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, "财政拨款“三公”经费支出情况表");

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  const char *localedir = g_getenv ("FISCAL_LOCALEDIR");
  int ret;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_test_init (&argc, &argv, NULL);

  app = fiscal_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/window/empty", test_empty_window);
  g_test_add_func ("/window/open-example", test_open_example);
  g_test_add_func ("/window/tables-follow-edits", test_tables_follow_edits);
  g_test_add_func ("/window/open-broken", test_open_broken);
  g_test_add_func ("/window/narrative-and-checks", test_narrative_and_checks);
  /* The meson test "window-zh" runs this under a zh_CN.UTF-8 locale. */
  if (g_getenv ("FISCAL_TEST_ZH") != NULL)
    g_test_add_func ("/window/chinese", test_chinese);

  ret = g_test_run ();
  g_clear_object (&app);

  return ret;
}
