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
#include <unistd.h>

#include "fiscal-application.h"
#include <glib/gstdio.h>

#include "fiscal-charts-page.h"
#include "fiscal-checks-view.h"
#include "fiscal-import-report.h"
#include "fiscal-lines-view.h"
#include "fiscal-test-gui.h"
#include "fiscal-profile-view.h"
#include "fiscal-projects-view.h"
#include "fiscal-narrative-view.h"
#include "fiscal-table-grid.h"
#include "fiscal-table-view.h"
#include "fiscal-window.h"

#include <poppler.h>

static FiscalApplication *app;

static FiscalTableView *
find_table_view (GtkWidget *widget)
{
  return FISCAL_TABLE_VIEW (fiscal_test_find_widget (widget, FISCAL_TYPE_TABLE_VIEW));
}

static gboolean
is_sidebar_list (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_LIST_BOX (widget) && g_strcmp0 (gtk_widget_get_name (widget), "sidebar-list") == 0;
}

/* The sidebar's list of pages. */
static GtkListBox *
find_list_box (GtkWidget *widget)
{
  return GTK_LIST_BOX (fiscal_test_find_widget_where (widget, is_sidebar_list, NULL));
}

static FiscalNarrativeView *
find_narrative_view (GtkWidget *widget)
{
  return FISCAL_NARRATIVE_VIEW (fiscal_test_find_widget (widget, FISCAL_TYPE_NARRATIVE_VIEW));
}

static FiscalChecksView *
find_checks_view (GtkWidget *widget)
{
  return FISCAL_CHECKS_VIEW (fiscal_test_find_widget (widget, FISCAL_TYPE_CHECKS_VIEW));
}

static gboolean
has_name (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

/* The widget named @name at or under @widget. */
static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  return fiscal_test_find_widget_where (widget, has_name, name);
}

/* The text of data row @row (0 is the first row under the header). */
static const char *
data_text (FiscalTableView *view,
           guint            row,
           guint            column)
{
  return fiscal_table_view_get_text_at (view, fiscal_table_view_get_n_header_rows (view) + row, column);
}

/* The child of the window's page stack named @name. */
static GtkWidget *
find_page (GtkWidget  *widget,
           const char *name)
{
  GtkWidget *page;

  if (GTK_IS_STACK (widget) && (page = gtk_stack_get_child_by_name (GTK_STACK (widget), name)))
    return page;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_page (child, name);
      if (found)
        return found;
    }

  return NULL;
}

/* An opened budget goes at once to the page shown, to the others when they
 * are shown or once the window is idle; whatever asks for the findings
 * gets them at once. */
static void
test_open_pages_in_turn (void)
{
  g_autoptr(GFile) file = fiscal_test_example_file ();
  FiscalWindow *window = fiscal_window_new (app);
  FiscalLinesView *lines;
  FiscalNarrativeView *narrative;
  guint n_lines;

  g_assert_true (fiscal_window_open (window, file));
  n_lines = g_list_model_get_n_items (fiscal_document_get_lines (fiscal_window_get_document (window)));
  g_assert_cmpuint (n_lines, >, 0);
  g_assert_cmpstr (fiscal_window_get_page (window), ==, "table");

  lines = FISCAL_LINES_VIEW (fiscal_test_find_widget (find_page (GTK_WIDGET (window), "lines"), FISCAL_TYPE_LINES_VIEW));
  narrative = FISCAL_NARRATIVE_VIEW (fiscal_test_find_widget (find_page (GTK_WIDGET (window), "narrative"), FISCAL_TYPE_NARRATIVE_VIEW));
  g_assert_nonnull (lines);
  g_assert_nonnull (narrative);

  /* Not yet given to the pages not shown. */
  g_assert_cmpuint (fiscal_lines_view_get_n_shown (lines), ==, 0);
  g_assert_null (fiscal_narrative_view_get_slot_entry (narrative, "expenditure.basic"));

  /* Shown: given at once, before the main loop turns. */
  fiscal_window_show_page (window, "lines");
  g_assert_cmpuint (fiscal_lines_view_get_n_shown (lines), ==, n_lines);
  g_assert_null (fiscal_narrative_view_get_slot_entry (narrative, "expenditure.basic"));
  g_assert_nonnull (fiscal_window_get_findings (window));

  /* Idle: every page has it. */
  gtk_window_present (GTK_WINDOW (window));
  fiscal_test_iterate ();
  g_assert_nonnull (fiscal_narrative_view_get_slot_entry (narrative, "expenditure.basic"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_open_example (void)
{
  g_autoptr(GFile) file = fiscal_test_example_file ();
  FiscalWindow *window = fiscal_window_new (app);
  FiscalTableView *view;
  GtkListBox *list;
  guint n_rows = 0;

  g_assert_true (fiscal_window_open (window, file));
  /* Wide enough for the sidebar and the page side by side. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  fiscal_test_iterate ();

  g_assert_cmpstr (fiscal_window_get_page (window), ==, "table");
  g_assert_true (g_file_equal (fiscal_window_get_file (window), file));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "changji-liaison-2025.fiscal.json");

  list = find_list_box (GTK_WIDGET (window));
  g_assert_nonnull (list);
  while (gtk_list_box_get_row_at_index (list, n_rows))
    n_rows++;
  /* Overview, lines, projects; the eleven tables; charts, narrative and
   * checks. */
  g_assert_cmpuint (n_rows, ==, 17);

  view = find_table_view (GTK_WIDGET (window));
  g_assert_nonnull (view);

  /* 表 3 in its layout: codes split into 类/款/项, blanks left blank. */
  fiscal_window_show_table (window, 3);
  fiscal_test_wait_for_frame (GTK_WIDGET (window));
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
  fiscal_test_iterate ();
  g_assert_cmpuint (fiscal_table_get_n_rows (fiscal_table_view_get_table (view)), ==, 0);
  g_assert_nonnull (strstr (fiscal_table_get_note (fiscal_table_view_get_table (view)), "为空表"));
  /* Its header is shown, over no rows. */
  fiscal_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_cmpstr (fiscal_table_view_get_text_at (view, 0, 0), ==, "科目");
  g_assert_null (data_text (view, 0, 0));

  /* Every table can be shown through the action, and the sidebar follows. */
  for (guint i = 1; i <= 11; i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-table", "u", i));
      fiscal_test_iterate ();
      g_assert_cmpuint (fiscal_table_get_number (fiscal_table_view_get_table (view)), ==, i);
      /* The keyboard is in the table's cells, for the arrows. */
      g_assert_true (FISCAL_IS_TABLE_GRID (gtk_root_get_focus (GTK_ROOT (window))));
    }

  gtk_window_destroy (GTK_WINDOW (window));
  fiscal_test_iterate ();
}

/* The tables follow an edit of the document. */
static void
test_tables_follow_edits (void)
{
  g_autoptr(GFile) file = fiscal_test_example_file ();
  FiscalWindow *window = fiscal_window_new (app);
  FiscalTableView *view;
  FiscalDocument *doc;
  g_autoptr(FiscalLine) line = NULL;

  g_assert_true (fiscal_window_open (window, file));
  /* Wide enough for the sidebar and the page side by side. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  view = find_table_view (GTK_WIDGET (window));
  fiscal_window_show_table (window, 3);
  fiscal_test_wait_for_frame (GTK_WIDGET (window));

  doc = fiscal_window_get_document (window);
  line = g_list_model_get_item (fiscal_document_get_lines (doc), 0);
  fiscal_line_set_amount (line, fiscal_line_get_amount (line) + 1000000);   /* + 1.00 万元 */
  fiscal_test_iterate ();

  g_assert_cmpstr (data_text (view, 0, 4), ==, "319.10");
  g_assert_cmpstr (data_text (view, 0, 5), ==, "146.10");
  g_assert_cmpstr (data_text (view, 3, 3), ==, "一般行政管理事务");

  /* A new code brings a new row: 2010301 行政运行 comes before 2010302. */
  fiscal_line_set_function (line, "2010301");
  fiscal_test_iterate ();
  g_assert_cmpstr (data_text (view, 3, 3), ==, "行政运行");
  g_assert_cmpstr (data_text (view, 3, 5), ==, "32.70");
  g_assert_cmpstr (data_text (view, 4, 3), ==, "一般行政管理事务");

  g_assert_true (fiscal_document_undo (doc));
  fiscal_test_iterate ();
  g_assert_cmpstr (data_text (view, 3, 3), ==, "一般行政管理事务");
  g_assert_true (fiscal_document_undo (doc));
  fiscal_test_iterate ();
  g_assert_cmpstr (data_text (view, 0, 4), ==, "318.10");

  gtk_window_destroy (GTK_WINDOW (window));
  fiscal_test_iterate ();
}


/* The narrative follows the figures; typing a reason stores it; a missing
 * reason shows in the checks, and activating that finding goes to its
 * field. */
static guint
count_warnings_except_targets (GPtrArray *findings)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    {
      FiscalFinding *finding = g_ptr_array_index (findings, i);

      if (finding->severity == FISCAL_SEVERITY_WARNING && !g_str_has_prefix (finding->rule, "targets."))
        n++;
    }

  return n;
}

static gboolean
is_styled_label (GtkWidget     *widget,
                 gconstpointer  name)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, name);
}

/* The first label at or under @widget with the style class @name. */
static GtkWidget *
find_styled_label (GtkWidget  *widget,
                   const char *name)
{
  return fiscal_test_find_widget_where (widget, is_styled_label, name);
}

static void
test_narrative_and_checks (void)
{
  g_autoptr(GFile) file = fiscal_test_example_file ();
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
  fiscal_test_iterate ();
  doc = fiscal_window_get_document (window);
  narrative = find_narrative_view (GTK_WIDGET (window));
  checks = find_checks_view (GTK_WIDGET (window));

  /* The example passes every check of its figures and text; its published
   * target tables have findings of their own (repeated rows, weights that
   * do not add up to 100), which are what a reviewer wants to see. */
  findings = fiscal_window_get_findings (window);
  g_assert_nonnull (findings);
  g_assert_cmpuint (fiscal_findings_count (findings, FISCAL_SEVERITY_ERROR), ==, 0);
  g_assert_cmpuint (count_warnings_except_targets (findings), ==, 0);
  g_assert_cmpuint (fiscal_findings_count (findings, FISCAL_SEVERITY_WARNING), >, 0);

  fiscal_window_show_page (window, "narrative");
  fiscal_test_iterate ();
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
  fiscal_test_iterate ();
  g_assert_cmpstr (fiscal_window_get_page (window), ==, "checks");

  fiscal_checks_view_activate (checks, reason_at);
  fiscal_test_iterate ();
  g_assert_cmpstr (fiscal_window_get_page (window), ==, "narrative");
  entry = fiscal_narrative_view_get_slot_entry (narrative, "income.general");
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (entry)) ||
                 gtk_widget_is_focus (GTK_WIDGET (entry)) ||
                 gtk_widget_get_focus_child (GTK_WIDGET (entry)) != NULL);

  /* The section titles follow the department's name and the year. */
  fiscal_document_set_department_name (doc, "测试部门");
  fiscal_document_set_year (doc, 2026);
  fiscal_window_get_findings (window);
  fiscal_test_wait_for_frame (GTK_WIDGET (narrative));
  {
    GtkWidget *title = find_styled_label (GTK_WIDGET (narrative), "title-4");

    g_assert_nonnull (title);
    g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (title)), "测试部门"));
    g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (title)), "2026"));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  fiscal_test_iterate ();
}


static char *
temp_copy_of_example (char **dir_out)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                   "changji-liaison-2025.fiscal.json", NULL);
  g_autofree char *contents = NULL;
  gsize len;
  char *dir = g_dir_make_tmp ("fiscal-window-XXXXXX", NULL);
  char *path = g_build_filename (dir, "budget.fiscal.json", NULL);

  g_assert_true (g_file_get_contents (source, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  *dir_out = dir;
  return path;
}

/* Edit an amount in the lines editor: the tables follow, undo restores
 * them, a bad value is refused, lines are added, pasted and deleted, the
 * budget saves and reloads equal, and closing with changes asks. */
static void
test_editors (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = temp_copy_of_example (&dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  FiscalWindow *window = fiscal_window_new (app);
  FiscalLinesView *lines;
  FiscalTableView *view;
  FiscalDocument *doc;
  FiscalLine *line;
  g_autofree char *error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(FiscalPasteResult) paste = NULL;
  guint n_lines;
  gpointer weak = window;

  g_assert_true (fiscal_window_open (window, file));
  gtk_window_present (GTK_WINDOW (window));
  fiscal_test_iterate ();
  doc = fiscal_window_get_document (window);
  lines = FISCAL_LINES_VIEW (fiscal_test_find_widget (GTK_WIDGET (window), FISCAL_TYPE_LINES_VIEW));
  view = find_table_view (GTK_WIDGET (window));

  fiscal_window_show_page (window, "lines");
  fiscal_test_iterate ();
  g_assert_cmpstr (fiscal_window_get_page (window), ==, "lines");
  n_lines = fiscal_lines_view_get_n_shown (lines);
  g_assert_cmpuint (n_lines, ==, g_list_model_get_n_items (fiscal_document_get_lines (doc)));
  text = fiscal_lines_view_get_totals_text (lines);
  g_assert_nonnull (strstr (text, "318.10"));

  /* 30101 基本工资 in 事业运行, amounts in 万元. */
  line = fiscal_lines_view_get_shown (lines, 0);
  g_assert_cmpstr (fiscal_line_get_economic (line), ==, "30101");
  g_assert_true (fiscal_lines_view_commit (lines, line, "amount", "32.6978", &error));
  g_assert_null (error);
  g_assert_cmpint (fiscal_line_get_amount (line), ==, 32697800);

  fiscal_window_show_table (window, 3);
  fiscal_test_iterate ();
  g_assert_cmpstr (data_text (view, 0, 4), ==, "319.10");
  g_assert_true (fiscal_document_get_modified (doc));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• budget.fiscal.json");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  fiscal_test_iterate ();
  g_assert_cmpstr (data_text (view, 0, 4), ==, "318.10");
  g_assert_false (fiscal_document_get_modified (doc));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  fiscal_test_iterate ();
  g_assert_cmpstr (data_text (view, 0, 4), ==, "319.10");

  /* Refused: an unknown code, a wrong level, a bad amount; nothing changes. */
  g_assert_false (fiscal_lines_view_commit (lines, line, "function", "2019898", &error));
  g_assert_nonnull (error);
  g_clear_pointer (&error, g_free);
  g_assert_false (fiscal_lines_view_commit (lines, line, "function", "20103", &error));
  g_clear_pointer (&error, g_free);
  g_assert_false (fiscal_lines_view_commit (lines, line, "amount", "12,34", &error));
  g_clear_pointer (&error, g_free);
  g_assert_cmpstr (fiscal_line_get_function (line), ==, "2010350");
  g_assert_cmpint (fiscal_line_get_amount (line), ==, 32697800);

  /* Names and codes alike; a kind and a source by their labels. */
  g_assert_true (fiscal_lines_view_commit (lines, line, "economic", "津贴补贴", NULL));
  g_assert_cmpstr (fiscal_line_get_economic (line), ==, "30102");
  g_assert_true (fiscal_lines_view_commit (lines, line, "source", "unit-other", NULL));
  g_assert_cmpint (fiscal_line_get_source (line), ==, FISCAL_SOURCE_UNIT_OTHER);

  /* Add below the selection, duplicate, delete: one step each. */
  fiscal_lines_view_select (lines, line);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (lines), "lines.add", NULL));
  g_assert_cmpuint (fiscal_lines_view_get_n_shown (lines), ==, n_lines + 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (lines), "lines.duplicate", NULL));
  g_assert_cmpuint (fiscal_lines_view_get_n_shown (lines), ==, n_lines + 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (lines), "lines.delete", NULL));
  g_assert_cmpuint (fiscal_lines_view_get_n_shown (lines), ==, n_lines + 1);
  g_assert_true (fiscal_document_undo (doc));
  g_assert_cmpuint (fiscal_lines_view_get_n_shown (lines), ==, n_lines + 2);

  /* Paste: two lines added, a bad row refused with its reason. */
  paste = fiscal_lines_view_parse_paste (lines, "2010350\t30205\t0.5\n9999999\t30205\t1\n2010350\t30206\t0.25\n");
  g_assert_cmpuint (paste->lines->len, ==, 2);
  g_assert_cmpuint (paste->rejected->len, ==, 1);
  fiscal_lines_view_insert_pasted (lines, paste);
  g_assert_cmpuint (fiscal_lines_view_get_n_shown (lines), ==, n_lines + 4);
  g_assert_cmpstr (fiscal_document_get_undo_label (doc), ==, _("Paste"));

  /* Subtotals of what is shown, by 类 and by kind. */
  {
    g_autofree char *by_class = fiscal_lines_view_get_subtotals (lines, 0);
    g_autofree char *by_kind = fiscal_lines_view_get_subtotals (lines, 2);

    g_assert_nonnull (strstr (by_class, "221 住房保障支出\t11.09\n"));
    g_assert_nonnull (strstr (by_kind, "\t173.00\n"));
  }

  /* Enter or a double click edits a row's cell in place. */
  g_assert_true (fiscal_lines_view_edit (lines, fiscal_lines_view_get_shown (lines, 0), "note"));

  /* The filter finds lines by catalogue name. */
  fiscal_lines_view_set_filter_text (lines, "住房公积金");
  g_assert_cmpuint (fiscal_lines_view_get_n_shown (lines), ==, 1);
  fiscal_lines_view_set_filter_text (lines, NULL);

  /* Save and reload: equal. */
  g_assert_true (fiscal_window_save_to (window, file));
  g_assert_false (fiscal_document_get_modified (doc));
  {
    g_autoptr(FiscalDocument) reloaded = fiscal_document_load (file, NULL, NULL);
    g_autoptr(GBytes) a = fiscal_document_to_bytes (doc);
    g_autoptr(GBytes) b = fiscal_document_to_bytes (reloaded);

    g_assert_true (g_bytes_equal (a, b));
  }

  /* Closing with changes asks, and the window stays until answered. */
  fiscal_line_set_note (line, "改");
  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_close (GTK_WINDOW (window));
  fiscal_test_iterate ();
  g_assert_nonnull (weak);
  {
    GtkWidget *dialog = fiscal_window_ask_to_close (window);

    g_assert_nonnull (dialog);
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard");
  }
  fiscal_test_iterate ();
  g_assert_null (weak);

  g_remove (path);
  g_rmdir (dir);
}

/* The overview edits the profile; a bad number is marked, not stored. */
static void
test_profile_form (void)
{
  g_autoptr(GFile) file = fiscal_test_example_file ();
  FiscalWindow *window = fiscal_window_new (app);
  FiscalProfileView *profile_view;
  FiscalProfile *profile;
  GtkEditable *row;

  g_assert_true (fiscal_window_open (window, file));
  gtk_window_present (GTK_WINDOW (window));
  fiscal_window_show_page (window, "overview");
  fiscal_test_iterate ();

  profile_view = FISCAL_PROFILE_VIEW (fiscal_test_find_widget (GTK_WIDGET (window), FISCAL_TYPE_PROFILE_VIEW));
  profile = fiscal_document_get_profile (fiscal_window_get_document (window));
  row = fiscal_profile_view_get_field (profile_view, FISCAL_PROFILE_STAFF_ACTIVE);
  g_assert_cmpstr (gtk_editable_get_text (row), ==, "7");

  gtk_editable_set_text (row, "8");
  g_assert_cmpint (fiscal_profile_get_number (profile, FISCAL_PROFILE_STAFF_ACTIVE), ==, 8);
  /* A text that is not a number leaves the value of before the edit. */
  gtk_editable_set_text (row, "八");
  g_assert_cmpint (fiscal_profile_get_number (profile, FISCAL_PROFILE_STAFF_ACTIVE), ==, 7);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  gtk_editable_set_text (row, "8");

  row = fiscal_profile_view_get_field (profile_view, FISCAL_PROFILE_PROCUREMENT_GOODS);
  g_assert_cmpstr (gtk_editable_get_text (row), ==, "18000.00");
  gtk_editable_set_text (row, "20000.5");
  g_assert_cmpint (fiscal_profile_get_number (profile, FISCAL_PROFILE_PROCUREMENT_GOODS), ==, 2000050);

  /* The staffing check sees the edit. */
  {
    GPtrArray *findings = fiscal_window_get_findings (window);
    gboolean staffing = FALSE;

    for (guint i = 0; i < findings->len; i++)
      staffing |= g_str_equal (((FiscalFinding *) findings->pdata[i])->rule, "staffing.sum");
    g_assert_true (staffing);
  }

  fiscal_document_set_saved (fiscal_window_get_document (window));
  gtk_window_destroy (GTK_WINDOW (window));
  fiscal_test_iterate ();
}

/* The Overview page shown, and its view. */
static FiscalProfileView *
open_profile (FiscalWindow *window)
{
  g_autoptr(GFile) file = fiscal_test_example_file ();

  g_assert_true (fiscal_window_open (window, file));
  gtk_window_present (GTK_WINDOW (window));
  fiscal_window_show_page (window, "overview");
  fiscal_test_wait_for_frame (GTK_WIDGET (window));

  return FISCAL_PROFILE_VIEW (fiscal_test_find_widget (GTK_WIDGET (window), FISCAL_TYPE_PROFILE_VIEW));
}

static void
focus_row (GtkEditable *row)
{
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (row)));
  fiscal_test_iterate ();
  g_assert_nonnull (gtk_widget_get_focus_child (GTK_WIDGET (row)));
}

/* A number field stores its text only when the whole text is a number of
 * the field; otherwise the budget keeps the value of before the edit and the
 * row says why; leaving the row puts the stored value back. */
static void
test_profile_invalid_number (void)
{
  FiscalWindow *window = fiscal_window_new (app);
  FiscalProfileView *view = open_profile (window);
  FiscalProfile *profile = fiscal_document_get_profile (fiscal_window_get_document (window));
  GtkEditable *row = fiscal_profile_view_get_field (view, FISCAL_PROFILE_STAFF_ACTUAL);
  GtkEditable *other = fiscal_profile_view_get_field (view, FISCAL_PROFILE_STAFF_ACTIVE);
  const char *tooltip;

  g_assert_cmpstr (gtk_editable_get_text (row), ==, "11");
  focus_row (row);

  gtk_editable_set_text (row, "");
  gtk_editable_insert_text (row, "1", -1, (int[]) { 0 });
  g_assert_cmpint (fiscal_profile_get_number (profile, FISCAL_PROFILE_STAFF_ACTUAL), ==, 1);
  gtk_editable_insert_text (row, "x", -1, (int[]) { 1 });
  g_assert_cmpstr (gtk_editable_get_text (row), ==, "1x");
  g_assert_cmpint (fiscal_profile_get_number (profile, FISCAL_PROFILE_STAFF_ACTUAL), ==, 11);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (row));
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, "1x"));

  gtk_editable_set_text (row, "1.5");
  g_assert_cmpint (fiscal_profile_get_number (profile, FISCAL_PROFILE_STAFF_ACTUAL), ==, 11);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (row)), "1.5"));

  /* A count is never negative. */
  gtk_editable_set_text (row, "-3");
  g_assert_cmpint (fiscal_profile_get_number (profile, FISCAL_PROFILE_STAFF_ACTUAL), ==, 11);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (row)), "-3"));

  gtk_editable_set_text (row, "12");
  g_assert_cmpint (fiscal_profile_get_number (profile, FISCAL_PROFILE_STAFF_ACTUAL), ==, 12);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_null (gtk_widget_get_tooltip_text (GTK_WIDGET (row)));

  /* Left with a text that is not a number: the row shows the budget's value. */
  gtk_editable_set_text (row, "12x");
  g_assert_cmpint (fiscal_profile_get_number (profile, FISCAL_PROFILE_STAFF_ACTUAL), ==, 11);
  focus_row (other);
  g_assert_cmpstr (gtk_editable_get_text (row), ==, "11");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_null (gtk_widget_get_tooltip_text (GTK_WIDGET (row)));

  /* A negative value of an asset is refused like any text that is not one. */
  row = fiscal_profile_view_get_field (view, FISCAL_PROFILE_ASSETS_BUILDING_VALUE);
  g_assert_cmpstr (gtk_editable_get_text (row), ==, "6520900.00");
  focus_row (row);
  gtk_editable_set_text (row, "-5000");
  g_assert_cmpint (fiscal_profile_get_number (profile, FISCAL_PROFILE_ASSETS_BUILDING_VALUE), ==, 652090000);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (row)), "-5000"));
  gtk_editable_set_text (row, "6520900.5");
  g_assert_cmpint (fiscal_profile_get_number (profile, FISCAL_PROFILE_ASSETS_BUILDING_VALUE), ==, 652090050);
  focus_row (other);
  g_assert_cmpstr (gtk_editable_get_text (row), ==, "6520900.50");

  /* A date must be a whole date. */
  row = fiscal_profile_view_get_field (view, FISCAL_PROFILE_ASSETS_AS_OF);
  focus_row (row);
  gtk_editable_set_text (row, "2024-12");
  g_assert_cmpstr (fiscal_profile_get_text (profile, FISCAL_PROFILE_ASSETS_AS_OF), ==, "2024-12-31");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));

  fiscal_document_set_saved (fiscal_window_get_document (window));
  gtk_window_destroy (GTK_WINDOW (window));
  fiscal_test_iterate ();
}

/* The action the key @trigger runs in @widget before its children see it. */
static GtkShortcutAction *
captured_key (GtkWidget  *widget,
              const char *trigger)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          gtk_event_controller_get_propagation_phase (controller) != GTK_PHASE_CAPTURE)
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *text = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (text, trigger))
            return gtk_shortcut_get_action (shortcut);
        }
    }

  return NULL;
}

/* Ctrl+Z in a field is the document's undo (the text's own is off): it puts
 * back the value of before the typing, which the row shows, and nothing
 * empty is stored. */
static void
test_profile_undo (void)
{
  FiscalWindow *window = fiscal_window_new (app);
  FiscalProfileView *view = open_profile (window);
  FiscalDocument *document = fiscal_window_get_document (window);
  FiscalProfile *profile = fiscal_document_get_profile (document);
  GtkEditable *row = fiscal_profile_view_get_field (view, FISCAL_PROFILE_STAFF_ACTUAL);
  GtkEditable *text = gtk_editable_get_delegate (row);

  g_assert_nonnull (text);
  g_assert_false (gtk_editable_get_enable_undo (text));

  focus_row (row);
  gtk_editable_set_text (row, "1");
  gtk_editable_set_text (row, "12");
  g_assert_cmpint (fiscal_profile_get_number (profile, FISCAL_PROFILE_STAFF_ACTUAL), ==, 12);

  /* The text's own undo does nothing. */
  gtk_widget_activate_action (GTK_WIDGET (text), "text.undo", NULL);
  g_assert_cmpstr (gtk_editable_get_text (row), ==, "12");

  /* The typing is one step; the row, still focused, shows the value. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  fiscal_test_iterate ();
  g_assert_true (fiscal_profile_is_set (profile, FISCAL_PROFILE_STAFF_ACTUAL));
  g_assert_cmpint (fiscal_profile_get_number (profile, FISCAL_PROFILE_STAFF_ACTUAL), ==, 11);
  g_assert_cmpstr (gtk_editable_get_text (row), ==, "11");
  g_assert_nonnull (gtk_widget_get_focus_child (GTK_WIDGET (row)));

  /* What the refresh put in cannot be undone by the text either. */
  gtk_widget_activate_action (GTK_WIDGET (text), "text.undo", NULL);
  g_assert_cmpstr (gtk_editable_get_text (row), ==, "11");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  fiscal_test_iterate ();
  g_assert_cmpint (fiscal_profile_get_number (profile, FISCAL_PROFILE_STAFF_ACTUAL), ==, 12);
  g_assert_cmpstr (gtk_editable_get_text (row), ==, "12");

  /* Undone while the text is not a number: the row shows the value. */
  gtk_editable_set_text (row, "12x");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  fiscal_test_iterate ();
  g_assert_cmpint (fiscal_profile_get_number (profile, FISCAL_PROFILE_STAFF_ACTUAL), ==, 11);
  g_assert_cmpstr (gtk_editable_get_text (row), ==, "11");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));

  /* Ctrl+Z and Ctrl+Shift+Z reach the window's actions before the text. */
  {
    GtkShortcutAction *undo = captured_key (GTK_WIDGET (row), "<Control>z");
    GtkShortcutAction *redo = captured_key (GTK_WIDGET (row), "<Shift><Control>z");

    g_assert_true (GTK_IS_NAMED_ACTION (undo));
    g_assert_cmpstr (gtk_named_action_get_action_name (GTK_NAMED_ACTION (undo)), ==, "win.undo");
    g_assert_true (GTK_IS_NAMED_ACTION (redo));
    g_assert_cmpstr (gtk_named_action_get_action_name (GTK_NAMED_ACTION (redo)), ==, "win.redo");

    gtk_editable_set_text (row, "13");
    g_assert_cmpint (fiscal_profile_get_number (profile, FISCAL_PROFILE_STAFF_ACTUAL), ==, 13);
    g_assert_true (gtk_shortcut_action_activate (undo, 0, GTK_WIDGET (row), NULL));
    fiscal_test_iterate ();
    g_assert_cmpint (fiscal_profile_get_number (profile, FISCAL_PROFILE_STAFF_ACTUAL), ==, 11);
    g_assert_cmpstr (gtk_editable_get_text (row), ==, "11");
    g_assert_true (gtk_shortcut_action_activate (redo, 0, GTK_WIDGET (row), NULL));
    fiscal_test_iterate ();
    g_assert_cmpstr (gtk_editable_get_text (row), ==, "13");
    g_assert_true (gtk_shortcut_action_activate (undo, 0, GTK_WIDGET (row), NULL));
    fiscal_test_iterate ();

    undo = captured_key (fiscal_profile_view_get_widget (view, FISCAL_PROFILE_FUNCTIONS), "<Control>z");
    g_assert_true (GTK_IS_NAMED_ACTION (undo));
    g_assert_cmpstr (gtk_named_action_get_action_name (GTK_NAMED_ACTION (undo)), ==, "win.undo");
  }

  /* Leaving the row keeps the value. */
  focus_row (fiscal_profile_view_get_field (view, FISCAL_PROFILE_STAFF_ACTIVE));
  g_assert_true (fiscal_profile_is_set (profile, FISCAL_PROFILE_STAFF_ACTUAL));
  g_assert_cmpint (fiscal_profile_get_number (profile, FISCAL_PROFILE_STAFF_ACTUAL), ==, 11);
  g_assert_cmpstr (gtk_editable_get_text (row), ==, "11");

  fiscal_document_set_saved (document);
  gtk_window_destroy (GTK_WINDOW (window));
  fiscal_test_iterate ();
}

/* The three kinds of vehicle have a count and a value row each, edited,
 * undone and saved like the other fields. */
static void
test_profile_vehicles (void)
{
  FiscalWindow *window = fiscal_window_new (app);
  FiscalProfileView *view = open_profile (window);
  FiscalDocument *document = fiscal_window_get_document (window);
  FiscalProfile *profile = fiscal_document_get_profile (document);
  GtkEditable *count = fiscal_profile_view_get_vehicle_field (view, "一般公务用车", FALSE);
  GtkEditable *value = fiscal_profile_view_get_vehicle_field (view, "一般公务用车", TRUE);
  GtkEditable *other = fiscal_profile_view_get_field (view, FISCAL_PROFILE_STAFF_ACTIVE);
  g_autoptr(FiscalDocument) loaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const FiscalVehicle *vehicle;

  g_assert_nonnull (count);
  g_assert_nonnull (value);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (count)));
  g_assert_true (fiscal_profile_view_get_field (view, FISCAL_PROFILE_ASSETS_VEHICLES) == count);
  g_assert_cmpstr (gtk_editable_get_text (count), ==, "2");
  g_assert_cmpstr (gtk_editable_get_text (value), ==, "646900.00");
  g_assert_cmpstr (gtk_editable_get_text (fiscal_profile_view_get_vehicle_field (view, "执法执勤用车", FALSE)), ==, "0");
  g_assert_cmpstr (gtk_editable_get_text (fiscal_profile_view_get_vehicle_field (view, "其他车辆", TRUE)), ==, "607700.00");

  focus_row (count);
  gtk_editable_set_text (count, "3");
  focus_row (value);
  gtk_editable_set_text (value, "700000.5");
  gtk_editable_set_text (value, "-1");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (value), "error"));
  vehicle = fiscal_profile_find_vehicle (profile, "一般公务用车");
  g_assert_cmpint (vehicle->count, ==, 3);
  g_assert_cmpint (vehicle->value, ==, 64690000);
  gtk_editable_set_text (value, "700000.5");
  vehicle = fiscal_profile_find_vehicle (profile, "一般公务用车");
  g_assert_cmpint (vehicle->value, ==, 70000050);
  g_assert_cmpuint (fiscal_profile_get_n_vehicles (profile), ==, 3);
  focus_row (other);
  g_assert_cmpstr (gtk_editable_get_text (value), ==, "700000.50");

  /* The value's edit is undone on its own, then the count's. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  fiscal_test_iterate ();
  vehicle = fiscal_profile_find_vehicle (profile, "一般公务用车");
  g_assert_cmpint (vehicle->count, ==, 3);
  g_assert_cmpint (vehicle->value, ==, 64690000);
  g_assert_cmpstr (gtk_editable_get_text (value), ==, "646900.00");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  fiscal_test_iterate ();
  g_assert_cmpstr (gtk_editable_get_text (value), ==, "700000.50");

  /* A row left empty is 0 while the kind's other figure is not. */
  count = fiscal_profile_view_get_vehicle_field (view, "其他车辆", FALSE);
  focus_row (count);
  gtk_editable_set_text (count, "");
  g_assert_cmpint (fiscal_profile_find_vehicle (profile, "其他车辆")->count, ==, 1);
  focus_row (other);
  g_assert_cmpint (fiscal_profile_find_vehicle (profile, "其他车辆")->count, ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (count), ==, "0");

  /* Emptied when the other figure is 0 too, the kind goes out of the list. */
  count = fiscal_profile_view_get_vehicle_field (view, "执法执勤用车", FALSE);
  value = fiscal_profile_view_get_vehicle_field (view, "执法执勤用车", TRUE);
  g_assert_cmpstr (gtk_editable_get_text (value), ==, "0.00");
  focus_row (count);
  gtk_editable_set_text (count, "");
  g_assert_nonnull (fiscal_profile_find_vehicle (profile, "执法执勤用车"));
  focus_row (other);
  g_assert_null (fiscal_profile_find_vehicle (profile, "执法执勤用车"));
  g_assert_cmpuint (fiscal_profile_get_n_vehicles (profile), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (count), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (value), ==, "");

  /* Typed into again, it comes back. */
  focus_row (value);
  gtk_editable_set_text (value, "250000");
  vehicle = fiscal_profile_find_vehicle (profile, "执法执勤用车");
  g_assert_nonnull (vehicle);
  g_assert_cmpint (vehicle->count, ==, 0);
  g_assert_cmpint (vehicle->value, ==, 25000000);
  focus_row (other);

  bytes = fiscal_document_to_bytes (document);
  loaded = fiscal_document_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  vehicle = fiscal_profile_find_vehicle (fiscal_document_get_profile (loaded), "一般公务用车");
  g_assert_nonnull (vehicle);
  g_assert_cmpint (vehicle->count, ==, 3);
  g_assert_cmpint (vehicle->value, ==, 70000050);
  vehicle = fiscal_profile_find_vehicle (fiscal_document_get_profile (loaded), "执法执勤用车");
  g_assert_nonnull (vehicle);
  g_assert_cmpint (vehicle->value, ==, 25000000);
  g_assert_cmpint (fiscal_profile_find_vehicle (fiscal_document_get_profile (loaded), "其他车辆")->count, ==, 0);

  fiscal_document_set_saved (document);
  gtk_window_destroy (GTK_WINDOW (window));
  fiscal_test_iterate ();
}

/* Each row's title names its unit once, in the locale's brackets. */
static void
test_profile_labels (void)
{
  FiscalWindow *window = fiscal_window_new (app);
  FiscalProfileView *view = open_profile (window);

  for (int f = 0; f < FISCAL_N_PROFILE_FIELDS; f++)
    {
      GtkWidget *widget = fiscal_profile_view_get_widget (view, f);
      GtkWidget *row = widget ? gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW) : NULL;
      const char *title;

      g_assert_nonnull (row);
      title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
      g_assert_null (strstr (title, ")("));
      g_assert_null (strstr (title, "）（"));
      if (strstr (title, "m²"))
        g_assert_null (strstr (strstr (title, "m²") + 1, "m²"));
      if (strstr (title, "平方米"))
        g_assert_null (strstr (strstr (title, "平方米") + 1, "平方米"));
      /* English has ASCII brackets. */
      if (g_getenv ("FISCAL_TEST_ZH") == NULL)
        g_assert_null (strstr (title, "（"));
    }

  if (g_getenv ("FISCAL_TEST_ZH") == NULL)
    {
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (fiscal_profile_view_get_field (view, FISCAL_PROFILE_ASSETS_BUILDING_AREA))),
                       ==, "Building area (m²)");
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (fiscal_profile_view_get_field (view, FISCAL_PROFILE_OPERATING_EXPENSES))),
                       ==, "Operating expenses (yuan)");
    }

  fiscal_document_set_saved (fiscal_window_get_document (window));
  gtk_window_destroy (GTK_WINDOW (window));
  fiscal_test_iterate ();
}

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* 主要职能 and 机构设置 are paragraphs: shown whole, stored whole, undone as
 * one step; Tab leaves them. */
static void
test_profile_paragraphs (void)
{
  static const char text[] = "一、贯彻执行党和国家的方针政策。\n二、负责联络、接待和服务工作。\n三、完成上级交办的其他事项。";
  FiscalWindow *window = fiscal_window_new (app);
  FiscalProfileView *view = open_profile (window);
  FiscalDocument *document = fiscal_window_get_document (window);
  FiscalProfile *profile = fiscal_document_get_profile (document);
  GtkWidget *functions = fiscal_profile_view_get_widget (view, FISCAL_PROFILE_FUNCTIONS);
  g_autofree char *before = g_strdup (fiscal_profile_get_text (profile, FISCAL_PROFILE_FUNCTIONS));
  g_autofree char *shown = NULL;
  GtkTextBuffer *buffer;

  g_assert_true (GTK_IS_TEXT_VIEW (functions));
  g_assert_true (GTK_IS_TEXT_VIEW (fiscal_profile_view_get_widget (view, FISCAL_PROFILE_INSTITUTIONS)));
  g_assert_null (fiscal_profile_view_get_field (view, FISCAL_PROFILE_FUNCTIONS));
  g_assert_nonnull (before);
  shown = buffer_text (GTK_TEXT_VIEW (functions));
  g_assert_cmpstr (shown, ==, before);
  g_clear_pointer (&shown, g_free);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (functions));
  g_assert_false (gtk_text_buffer_get_enable_undo (buffer));
  g_assert_false (gtk_text_view_get_accepts_tab (GTK_TEXT_VIEW (functions)));
  g_assert_cmpint (gtk_text_view_get_wrap_mode (GTK_TEXT_VIEW (functions)), ==, GTK_WRAP_WORD_CHAR);

  g_assert_true (gtk_widget_grab_focus (functions));
  gtk_text_buffer_set_text (buffer, "", -1);
  gtk_text_buffer_insert_at_cursor (buffer, "一、贯彻执行党和国家的方针政策。\n", -1);
  gtk_text_buffer_insert_at_cursor (buffer, "二、负责联络、接待和服务工作。\n三、完成上级交办的其他事项。", -1);
  g_assert_cmpstr (fiscal_profile_get_text (profile, FISCAL_PROFILE_FUNCTIONS), ==, text);
  focus_row (fiscal_profile_view_get_field (view, FISCAL_PROFILE_STAFF_ACTIVE));
  shown = buffer_text (GTK_TEXT_VIEW (functions));
  g_assert_cmpstr (shown, ==, text);
  g_clear_pointer (&shown, g_free);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  fiscal_test_iterate ();
  g_assert_cmpstr (fiscal_profile_get_text (profile, FISCAL_PROFILE_FUNCTIONS), ==, before);
  shown = buffer_text (GTK_TEXT_VIEW (functions));
  g_assert_cmpstr (shown, ==, before);
  g_clear_pointer (&shown, g_free);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  fiscal_test_iterate ();
  shown = buffer_text (GTK_TEXT_VIEW (functions));
  g_assert_cmpstr (shown, ==, text);

  fiscal_document_set_saved (document);
  gtk_window_destroy (GTK_WINDOW (window));
  fiscal_test_iterate ();
}

/* A project's form and its lines; a line added there is the project's. */
static void
test_projects_page (void)
{
  g_autoptr(GFile) file = fiscal_test_example_file ();
  FiscalWindow *window = fiscal_window_new (app);
  FiscalProjectsView *projects;
  FiscalLinesView *lines;
  FiscalProject *project;
  FiscalLine *line;

  g_assert_true (fiscal_window_open (window, file));
  gtk_window_present (GTK_WINDOW (window));
  fiscal_window_show_page (window, "projects");
  fiscal_test_iterate ();

  projects = FISCAL_PROJECTS_VIEW (fiscal_test_find_widget (GTK_WIDGET (window), FISCAL_TYPE_PROJECTS_VIEW));
  project = fiscal_projects_view_get_selected (projects);
  g_assert_nonnull (project);
  g_assert_cmpstr (gtk_editable_get_text (fiscal_projects_view_get_field (projects, FISCAL_PROJECT_OWNER)), ==, "王跃东");

  lines = FISCAL_LINES_VIEW (fiscal_projects_view_get_lines_view (projects));
  g_assert_cmpuint (fiscal_lines_view_get_n_shown (lines), ==, 7);

  gtk_editable_set_text (fiscal_projects_view_get_field (projects, FISCAL_PROJECT_OWNER), "李四");
  g_assert_cmpstr (fiscal_project_get_field (project, FISCAL_PROJECT_OWNER), ==, "李四");

  project = fiscal_projects_view_add_project (projects);
  g_assert_cmpuint (fiscal_lines_view_get_n_shown (lines), ==, 0);
  line = fiscal_lines_view_add_line (lines);
  g_assert_cmpint (fiscal_line_get_kind (line), ==, FISCAL_KIND_PROJECT);
  g_assert_cmpstr (fiscal_line_get_project (line), ==, fiscal_project_get_id (project));
  g_assert_cmpuint (fiscal_lines_view_get_n_shown (lines), ==, 1);

  fiscal_document_set_saved (fiscal_window_get_document (window));
  gtk_window_destroy (GTK_WINDOW (window));
  fiscal_test_iterate ();
}

/* The performance-target panel: F9 shows it, it follows the Projects page,
 * edits through it are undoable, and it counts weights and findings. */
static guint
count_labels (GtkWidget *widget)
{
  guint n = GTK_IS_LABEL (widget) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_labels (child);

  return n;
}

static graphene_rect_t
cell_bounds (FiscalTableView *view,
             guint            grid_row,
             guint            grid_column)
{
  GtkWidget *cell = fiscal_table_view_get_cell (view, grid_row, grid_column);
  graphene_rect_t bounds;

  g_assert_nonnull (cell);
  g_assert_true (gtk_widget_compute_bounds (cell, GTK_WIDGET (view), &bounds));
  return bounds;
}

static void
record_activation_cb (FiscalTableView *view,
                      guint            row,
                      int              column,
                      int             *activated)
{
  activated[0] = (int) row;
  activated[1] = column;
}

/* A table of any length shows all its rows: only the rows in view are
 * made, the last one is reached by scrolling, the header stays in place
 * over the columns it names, an edit changes the figures in view at once,
 * and the cursor cell is marked and activated with Enter. */
static void
test_long_table (void)
{
  g_autoptr(FiscalTable) table = fiscal_table_new (7, fiscal_pivot_table_title (7));
  g_autoptr(FiscalTable) edited = fiscal_table_new (7, fiscal_pivot_table_title (7));
  g_autoptr(FiscalTable) larger = fiscal_table_new (7, fiscal_pivot_table_title (7));
  g_autoptr(FiscalTable) renamed = fiscal_table_new (7, fiscal_pivot_table_title (7));
  FiscalTable *versions[] = { table, edited, larger, renamed };
  GtkWidget *window = gtk_window_new ();
  FiscalTableView *view = FISCAL_TABLE_VIEW (fiscal_table_view_new ());
  GtkWidget *grid;
  graphene_rect_t corner, corner_after, group, total, part, body_total, body_part;
  int activated[2] = { -1, -2 };
  guint header, row, column;

  /* The table; then its last figure 1 万元 more; then that figure far
   * larger; then a row renamed at length. */
  for (guint t = 0; t < G_N_ELEMENTS (versions); t++)
    {
      FiscalTable *x = versions[t];

      fiscal_table_add_column (x, FISCAL_COLUMN_NAME, "项目");
      fiscal_table_add_column (x, FISCAL_COLUMN_AMOUNT, "合计");
      fiscal_table_add_column (x, FISCAL_COLUMN_AMOUNT, "其中：上年结转");
      fiscal_table_add_header (x, 0, 0, 2, 1, "项目");
      fiscal_table_add_header (x, 0, 1, 1, 2, "本年预算");
      fiscal_table_add_header (x, 1, 1, 1, 1, "合计");
      fiscal_table_add_header (x, 1, 2, 1, 1, "其中：上年结转");
      for (guint r = 0; r < 1200; r++)
        {
          g_autofree char *name = t == 3 && r == 1198 ? g_strdup ("项目1198（一个名称很长的项目，名称远比其他项目长）")
                                                      : g_strdup_printf ("项目%u", r);
          FiscalTableRow *row = fiscal_table_add_row (x, "", name, 1);

          fiscal_table_row_set_amount (row, 0, t >= 2 && r == 1199 ? G_GINT64_CONSTANT (987654321098765)
                                               : (r + (t == 1 && r == 1199 ? 1 : 0)) * 1000000);
          fiscal_table_row_set_amount (row, 1, r * 10000);
        }
    }

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 600);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  fiscal_table_view_set_table (view, table);
  fiscal_test_wait_for_frame (GTK_WIDGET (view));
  header = fiscal_table_view_get_n_header_rows (view);
  g_assert_cmpuint (header, ==, 2);

  /* Header cells answer for every place they span. */
  g_assert_cmpstr (fiscal_table_view_get_text_at (view, 0, 0), ==, "项目");
  g_assert_cmpstr (fiscal_table_view_get_text_at (view, 1, 0), ==, "项目");
  g_assert_cmpstr (fiscal_table_view_get_text_at (view, 0, 2), ==, "本年预算");
  g_assert_cmpstr (fiscal_table_view_get_text_at (view, 1, 2), ==, "其中：上年结转");
  g_assert_cmpstr (fiscal_table_view_get_text_at (view, header, 0), ==, "项目0");
  g_assert_cmpstr (fiscal_table_view_get_text_at (view, header + 2, 1), ==, "2.00");
  g_assert_null (fiscal_table_view_get_text_at (view, header, 3));

  /* Only the rows in view are made: a 600-pixel window shows far fewer
   * than 1,200 rows of three cells. */
  g_assert_null (fiscal_table_view_get_text_at (view, header + 1199, 0));
  g_assert_cmpuint (count_labels (GTK_WIDGET (view)), <, 3 * 60);

  /* Columns line up: each header cell spans exactly the body cells
   * below it. */
  group = cell_bounds (view, 0, 1);
  total = cell_bounds (view, 1, 1);
  part = cell_bounds (view, 1, 2);
  body_total = cell_bounds (view, header, 1);
  body_part = cell_bounds (view, header, 2);
  g_assert_cmpfloat (total.origin.x, ==, body_total.origin.x);
  g_assert_cmpfloat (total.size.width, ==, body_total.size.width);
  g_assert_cmpfloat (part.origin.x, ==, body_part.origin.x);
  g_assert_cmpfloat (part.size.width, ==, body_part.size.width);
  g_assert_cmpfloat (group.origin.x, ==, body_total.origin.x);
  g_assert_cmpfloat (group.origin.x + group.size.width, ==, body_part.origin.x + body_part.size.width);
  /* The first data row starts where the header ends. */
  g_assert_cmpfloat (body_total.origin.y, ==, total.origin.y + total.size.height);
  corner = cell_bounds (view, 0, 0);

  /* The last row, scrolled to, is made, and in view under the header,
   * which has not moved. */
  fiscal_table_view_scroll_to_cell (view, 1199, 1);
  fiscal_test_wait_for_frame (GTK_WIDGET (view));
  g_assert_cmpstr (fiscal_table_view_get_text_at (view, header + 1199, 0), ==, "项目1199");
  g_assert_cmpstr (fiscal_table_view_get_text_at (view, header + 1199, 1), ==, "1199.00");
  g_assert_cmpstr (fiscal_table_view_get_text_at (view, header + 1199, 2), ==, "11.99");
  g_assert_null (fiscal_table_view_get_text_at (view, header, 0));
  corner_after = cell_bounds (view, 0, 0);
  g_assert_cmpfloat (corner_after.origin.y, ==, corner.origin.y);
  {
    graphene_rect_t last = cell_bounds (view, header + 1199, 1);
    GtkWidget *scroller = gtk_widget_get_ancestor (fiscal_table_view_get_cell (view, 0, 0), GTK_TYPE_SCROLLED_WINDOW);
    graphene_rect_t port;

    g_assert_nonnull (scroller);
    g_assert_true (gtk_widget_compute_bounds (scroller, GTK_WIDGET (view), &port));
    g_assert_cmpfloat (last.origin.y, >=, total.origin.y + total.size.height);
    g_assert_cmpfloat (last.origin.y + last.size.height, <=, port.origin.y + port.size.height);
    g_assert_cmpfloat (last.origin.x, ==, body_total.origin.x);
    g_assert_cmpfloat (count_labels (GTK_WIDGET (view)), <, 3 * 60);
  }

  /* The cursor, put on the last row by scrolling to it, is marked. */
  g_assert_true (fiscal_table_view_get_cursor (view, &row, &column));
  g_assert_cmpuint (row, ==, 1199);
  g_assert_cmpuint (column, ==, 1);
  g_assert_true (gtk_widget_has_css_class (fiscal_table_view_get_cell (view, header + 1199, 1), "cursor"));
  g_assert_false (gtk_widget_has_css_class (fiscal_table_view_get_cell (view, header + 1199, 2), "cursor"));
  g_assert_false (gtk_widget_has_css_class (fiscal_table_view_get_cell (view, header + 1198, 1), "cursor"));

  /* A new version of the table shows its figures in the rows in view at
   * once, and keeps its place. */
  fiscal_table_view_set_table (view, edited);
  g_assert_cmpstr (fiscal_table_view_get_text_at (view, header + 1199, 1), ==, "1200.00");
  fiscal_test_wait_for_frame (GTK_WIDGET (view));
  g_assert_cmpstr (fiscal_table_view_get_text_at (view, header + 1199, 1), ==, "1200.00");
  g_assert_null (fiscal_table_view_get_text_at (view, header, 0));

  /* A version whose figures alone changed is measured again for its
   * figures: a far larger one widens its column. A version with a longer
   * name is measured again for its names. (The name column takes what
   * width the window leaves, so the table's own width tells.) */
  {
    GtkWidget *body = gtk_widget_get_parent (fiscal_table_view_get_cell (view, header + 1199, 1));
    graphene_rect_t amount_before = cell_bounds (view, header + 1199, 1);
    int width_before, width_larger, width_renamed;

    gtk_widget_measure (body, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width_before, NULL, NULL);
    fiscal_table_view_set_table (view, larger);
    fiscal_test_wait_for_frame (GTK_WIDGET (view));
    g_assert_cmpstr (fiscal_table_view_get_text_at (view, header + 1199, 1), ==, "987654321.10");
    g_assert_cmpfloat (cell_bounds (view, header + 1199, 1).size.width, >, amount_before.size.width);
    gtk_widget_measure (body, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width_larger, NULL, NULL);
    g_assert_cmpint (width_larger, >, width_before);

    fiscal_table_view_set_table (view, renamed);
    fiscal_test_wait_for_frame (GTK_WIDGET (view));
    g_assert_cmpstr (fiscal_table_view_get_text_at (view, header + 1198, 0), ==,
                     "项目1198（一个名称很长的项目，名称远比其他项目长）");
    gtk_widget_measure (body, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width_renamed, NULL, NULL);
    g_assert_cmpint (width_renamed, >, width_larger);
  }

  /* Enter activates the cell with the cursor; the arrows move it. */
  g_signal_connect (view, "cell-activated", G_CALLBACK (record_activation_cb), activated);
  grid = gtk_widget_get_parent (fiscal_table_view_get_cell (view, header + 1199, 1));
  g_assert_true (gtk_widget_get_focusable (grid));
  g_assert_true (gtk_widget_grab_focus (grid));
  g_assert_true (gtk_widget_activate_action (grid, "table.activate-cursor", NULL));
  g_assert_cmpint (activated[0], ==, 1199);
  g_assert_cmpint (activated[1], ==, 1);

  g_assert_true (gtk_widget_activate_action (grid, "table.move-cursor", "(ii)", FISCAL_TABLE_MOVE_ROWS, -1));
  g_assert_true (fiscal_table_view_get_cursor (view, &row, &column));
  g_assert_cmpuint (row, ==, 1198);
  g_assert_cmpuint (column, ==, 1);
  g_assert_true (gtk_widget_has_css_class (fiscal_table_view_get_cell (view, header + 1198, 1), "cursor"));
  g_assert_false (gtk_widget_has_css_class (fiscal_table_view_get_cell (view, header + 1199, 1), "cursor"));

  /* Ctrl+Home goes back to the first cell, scrolled into view. */
  g_assert_true (gtk_widget_activate_action (grid, "table.move-cursor", "(ii)", FISCAL_TABLE_MOVE_TABLE_END, -1));
  fiscal_test_wait_for_frame (GTK_WIDGET (view));
  g_assert_true (fiscal_table_view_get_cursor (view, &row, &column));
  g_assert_cmpuint (row, ==, 0);
  g_assert_cmpuint (column, ==, 0);
  g_assert_cmpstr (fiscal_table_view_get_text_at (view, header, 0), ==, "项目0");
  g_assert_true (gtk_widget_has_css_class (fiscal_table_view_get_cell (view, header, 0), "cursor"));
  g_assert_null (fiscal_table_view_get_text_at (view, header + 1199, 0));

  /* Page Down moves by the rows in view, and the cursor stays in view. */
  g_assert_true (gtk_widget_activate_action (grid, "table.move-cursor", "(ii)", FISCAL_TABLE_MOVE_PAGES, 1));
  fiscal_test_wait_for_frame (GTK_WIDGET (view));
  g_assert_true (fiscal_table_view_get_cursor (view, &row, &column));
  g_assert_cmpuint (row, >, 5);
  g_assert_cmpuint (row, <, 40);
  g_assert_nonnull (fiscal_table_view_get_text_at (view, header + row, 0));
  g_assert_true (gtk_widget_activate_action (grid, "table.activate-cursor", NULL));
  g_assert_cmpint (activated[0], ==, (int) row);
  g_assert_cmpint (activated[1], ==, 0);

  fiscal_table_view_scroll_to_cell (view, 3, 2);
  fiscal_test_wait_for_frame (GTK_WIDGET (view));
  g_assert_cmpstr (fiscal_table_view_get_text_at (view, header + 3, 0), ==, "项目3");
  g_assert_true (gtk_widget_activate_action (grid, "table.activate-cursor", NULL));
  g_assert_cmpint (activated[0], ==, 3);
  g_assert_cmpint (activated[1], ==, 2);

  /* Another table starts at its top, with no cursor. */
  fiscal_table_view_set_table (view, NULL);
  g_assert_null (fiscal_table_view_get_text_at (view, 0, 0));
  fiscal_table_view_set_table (view, table);
  fiscal_test_wait_for_frame (GTK_WIDGET (view));
  g_assert_false (fiscal_table_view_get_cursor (view, NULL, NULL));
  g_assert_cmpstr (fiscal_table_view_get_text_at (view, header, 0), ==, "项目0");

  gtk_window_destroy (GTK_WINDOW (window));
  fiscal_test_iterate ();
}

/* The child of @grid that draws the rule and shadow at the frozen edge. */
static GtkWidget *
find_frozen_edge (GtkWidget *grid)
{
  for (GtkWidget *child = gtk_widget_get_first_child (grid); child; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_has_css_class (child, "frozen-edge"))
      return child;

  g_assert_not_reached ();
}

/* A table like 表7: three code parts, a name, a project, and fourteen
 * amounts, the last thirteen under one group header. */
static FiscalTable *
wide_table (void)
{
  FiscalTable *table = fiscal_table_new (7, fiscal_pivot_table_title (7));
  static const char *parts[] = { "类", "款", "项" };

  for (guint c = 0; c < 3; c++)
    fiscal_table_add_column (table, FISCAL_COLUMN_CODE_1 + c, parts[c]);
  fiscal_table_add_column (table, FISCAL_COLUMN_NAME, "功能分类科目名称");
  fiscal_table_add_column (table, FISCAL_COLUMN_PROJECT, "项目名称");
  fiscal_table_add_column (table, FISCAL_COLUMN_AMOUNT, "项目支出合计");
  for (guint c = 0; c < 13; c++)
    {
      g_autofree char *title = g_strdup_printf ("经济分类%u", c + 1);
      fiscal_table_add_column (table, FISCAL_COLUMN_AMOUNT, title);
    }

  fiscal_table_add_header (table, 0, 0, 1, 3, "科目编码");
  for (guint c = 0; c < 3; c++)
    fiscal_table_add_header (table, 1, c, 1, 1, parts[c]);
  fiscal_table_add_header (table, 0, 3, 2, 1, "功能分类科目名称");
  fiscal_table_add_header (table, 0, 4, 2, 1, "项目名称");
  fiscal_table_add_header (table, 0, 5, 2, 1, "项目支出合计");
  fiscal_table_add_header (table, 0, 6, 1, 13, "经济分类");
  for (guint c = 0; c < 13; c++)
    {
      g_autofree char *title = g_strdup_printf ("经济分类%u", c + 1);
      fiscal_table_add_header (table, 1, 6 + c, 1, 1, title);
    }

  for (guint r = 0; r < 200; r++)
    {
      g_autofree char *project = g_strdup_printf ("项目%u", r);
      FiscalTableRow *row = fiscal_table_add_row (table, "2010302", "一般行政管理事务", 3);

      fiscal_table_row_set_project (row, project);
      for (guint i = 0; i < 14; i++)
        fiscal_table_row_set_amount (row, i, (gint64) (r + 1) * 1000000 + i * 100);
    }

  return table;
}

/* A wide table scrolled sideways keeps its code, name and project
 * columns at the left, in the header and the rows; the amounts pass
 * under them, each still under its header, and a rule marks the edge.
 * The cursor moved to an amount column scrolled away brings it into view
 * right of the frozen columns. A window too narrow for them scrolls
 * everything. */
static void
test_frozen_columns (void)
{
  g_autoptr(FiscalTable) table = wide_table ();
  GtkWidget *window = gtk_window_new ();
  FiscalTableView *view = FISCAL_TABLE_VIEW (fiscal_table_view_new ());
  const guint name = 3, project = 4, first_amount = 5, last = 18;
  GtkWidget *grid, *edge_widget;
  GtkAdjustment *hadjustment;
  graphene_rect_t port, codes, name_head, name_body, project_body, group;
  graphene_rect_t head, body, after;
  guint header, row, column;
  double edge;

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 600);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  fiscal_table_view_set_table (view, table);
  fiscal_test_wait_for_frame (GTK_WIDGET (view));
  header = fiscal_table_view_get_n_header_rows (view);
  g_assert_cmpuint (header, ==, 2);

  grid = gtk_widget_get_parent (fiscal_table_view_get_cell (view, header, name));
  g_assert_true (FISCAL_IS_TABLE_GRID (grid));
  g_assert_cmpuint (fiscal_table_grid_get_n_frozen (FISCAL_TABLE_GRID (grid)), ==, 5);

  /* What is in view: the grid is given the scrolled window's viewport. */
  g_assert_true (gtk_widget_compute_bounds (grid, GTK_WIDGET (view), &port));
  hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (grid));
  g_assert_cmpfloat (gtk_adjustment_get_value (hadjustment), ==, 0);
  /* The table is wider than the window. */
  body = cell_bounds (view, header, last);
  g_assert_cmpfloat (body.origin.x + body.size.width, >, port.origin.x + port.size.width);

  codes = cell_bounds (view, 0, 0);
  name_head = cell_bounds (view, 0, name);
  name_body = cell_bounds (view, header, name);
  project_body = cell_bounds (view, header, project);
  edge = project_body.origin.x + project_body.size.width;
  g_assert_cmpfloat (name_head.origin.x, ==, name_body.origin.x);
  edge_widget = find_frozen_edge (grid);
  g_assert_false (gtk_widget_get_child_visible (edge_widget));

  /* Scrolled to the last column: the frozen cells have not moved, and
   * the last column's header and rows line up right of them. */
  fiscal_table_view_scroll_to_cell (view, 0, last);
  fiscal_test_wait_for_frame (GTK_WIDGET (view));
  g_assert_cmpfloat (gtk_adjustment_get_value (hadjustment), >, 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (hadjustment), ==,
                     gtk_adjustment_get_upper (hadjustment) - gtk_adjustment_get_page_size (hadjustment));

  after = cell_bounds (view, 0, 0);
  g_assert_cmpfloat (after.origin.x, ==, codes.origin.x);
  g_assert_cmpfloat (after.size.width, ==, codes.size.width);
  after = cell_bounds (view, 0, name);
  g_assert_cmpfloat (after.origin.x, ==, name_head.origin.x);
  g_assert_cmpfloat (after.size.width, ==, name_head.size.width);
  after = cell_bounds (view, header, name);
  g_assert_cmpfloat (after.origin.x, ==, name_body.origin.x);
  g_assert_cmpfloat (after.size.width, ==, name_body.size.width);
  g_assert_cmpstr (fiscal_table_view_get_text_at (view, header, name), ==, "一般行政管理事务");
  after = cell_bounds (view, header, project);
  g_assert_cmpfloat (after.origin.x + after.size.width, ==, edge);

  head = cell_bounds (view, 1, last);
  body = cell_bounds (view, header, last);
  g_assert_cmpstr (fiscal_table_view_get_text_at (view, 1, last), ==, "经济分类13");
  g_assert_cmpstr (fiscal_table_view_get_text_at (view, header, last), ==, "1.00");
  g_assert_cmpfloat (head.origin.x, ==, body.origin.x);
  g_assert_cmpfloat (head.size.width, ==, body.size.width);
  g_assert_cmpfloat (body.origin.x, >=, edge);
  g_assert_cmpfloat (body.origin.x + body.size.width, ==, port.origin.x + port.size.width);

  /* The first amounts went under the frozen columns; the group header
   * over the scrolled columns ends with them and starts right of the
   * frozen edge. */
  after = cell_bounds (view, header, first_amount);
  g_assert_cmpfloat (after.origin.x, <, edge);
  group = cell_bounds (view, 0, 6);
  g_assert_cmpfloat (group.origin.x + group.size.width, ==, body.origin.x + body.size.width);
  g_assert_cmpfloat (group.origin.x, >=, edge);

  /* The rule at the frozen edge shows while the amounts are scrolled. */
  g_assert_true (gtk_widget_get_child_visible (edge_widget));
  g_assert_true (gtk_widget_compute_bounds (edge_widget, GTK_WIDGET (view), &after));
  g_assert_cmpfloat (after.origin.x, ==, edge - 1);

  /* The cursor moved back to the first amount column brings it into
   * view right of the frozen columns, not under them. */
  g_assert_true (gtk_widget_grab_focus (grid));
  g_assert_true (gtk_widget_activate_action (grid, "table.move-cursor", "(ii)",
                                             FISCAL_TABLE_MOVE_COLUMNS, -(int) (last - first_amount)));
  fiscal_test_wait_for_frame (GTK_WIDGET (view));
  g_assert_true (fiscal_table_view_get_cursor (view, &row, &column));
  g_assert_cmpuint (row, ==, 0);
  g_assert_cmpuint (column, ==, first_amount);
  body = cell_bounds (view, header, first_amount);
  head = cell_bounds (view, 1, first_amount);
  g_assert_cmpfloat (body.origin.x, >=, edge);
  g_assert_cmpfloat (body.origin.x + body.size.width, <=, port.origin.x + port.size.width);
  g_assert_cmpfloat (head.origin.x, ==, body.origin.x);
  g_assert_cmpfloat (head.size.width, ==, body.size.width);
  g_assert_true (gtk_widget_has_css_class (fiscal_table_view_get_cell (view, header, first_amount), "cursor"));
  after = cell_bounds (view, header, name);
  g_assert_cmpfloat (after.origin.x, ==, name_body.origin.x);

  /* And one a few columns on, scrolled away to the right, is brought in
   * at the right edge. */
  g_assert_true (gtk_widget_activate_action (grid, "table.move-cursor", "(ii)", FISCAL_TABLE_MOVE_ROW_END, 1));
  fiscal_test_wait_for_frame (GTK_WIDGET (view));
  g_assert_true (gtk_widget_activate_action (grid, "table.move-cursor", "(ii)", FISCAL_TABLE_MOVE_COLUMNS, -1));
  fiscal_test_wait_for_frame (GTK_WIDGET (view));
  body = cell_bounds (view, header, last - 1);
  g_assert_cmpfloat (body.origin.x, >=, edge);
  g_assert_cmpfloat (body.origin.x + body.size.width, <=, port.origin.x + port.size.width);

  /* Moving along a frozen column does not scroll sideways. */
  {
    double value = gtk_adjustment_get_value (hadjustment);

    g_assert_true (gtk_widget_activate_action (grid, "table.move-cursor", "(ii)", FISCAL_TABLE_MOVE_ROW_END, -1));
    fiscal_test_wait_for_frame (GTK_WIDGET (view));
    g_assert_true (gtk_widget_activate_action (grid, "table.move-cursor", "(ii)", FISCAL_TABLE_MOVE_ROWS, 1));
    fiscal_test_wait_for_frame (GTK_WIDGET (view));
    g_assert_true (fiscal_table_view_get_cursor (view, &row, &column));
    g_assert_cmpuint (row, ==, 1);
    g_assert_cmpuint (column, ==, 0);
    g_assert_cmpfloat (gtk_adjustment_get_value (hadjustment), ==, value);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  fiscal_test_iterate ();

  /* In a narrow window the frozen columns would leave too little room:
   * everything scrolls, the names too. */
  window = gtk_window_new ();
  view = FISCAL_TABLE_VIEW (fiscal_table_view_new ());
  gtk_window_set_default_size (GTK_WINDOW (window), 420, 600);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  fiscal_table_view_set_table (view, table);
  fiscal_test_wait_for_frame (GTK_WIDGET (view));
  grid = gtk_widget_get_parent (fiscal_table_view_get_cell (view, header, name));
  g_assert_cmpuint (fiscal_table_grid_get_n_frozen (FISCAL_TABLE_GRID (grid)), ==, 0);
  name_body = cell_bounds (view, header, name);
  fiscal_table_view_scroll_to_cell (view, 0, last);
  fiscal_test_wait_for_frame (GTK_WIDGET (view));
  after = cell_bounds (view, header, name);
  g_assert_cmpfloat (after.origin.x, <, name_body.origin.x);
  g_assert_false (gtk_widget_get_child_visible (find_frozen_edge (grid)));
  head = cell_bounds (view, 1, last);
  body = cell_bounds (view, header, last);
  g_assert_cmpfloat (head.origin.x, ==, body.origin.x);

  /* The last row, scrolled to, comes out from under the horizontal
   * scrollbar drawn over the bottom of the view. */
  fiscal_table_view_scroll_to_cell (view, 199, last);
  fiscal_test_wait_for_frame (GTK_WIDGET (view));
  body = cell_bounds (view, header + 199, last);
  g_assert_true (gtk_widget_compute_bounds (grid, GTK_WIDGET (view), &port));
  g_assert_cmpfloat (body.origin.y + body.size.height, <=, port.origin.y + port.size.height - 12);

  gtk_window_destroy (GTK_WINDOW (window));
  fiscal_test_iterate ();
}

static void
test_targets_panel (void)
{
  g_autoptr(GFile) file = fiscal_test_example_file ();
  FiscalWindow *window = fiscal_window_new (app);
  FiscalTargetsPanel *panel;
  FiscalDocument *doc;
  FiscalTargets *targets;
  FiscalIndicator *first;
  GtkEditable *value;
  GtkEditable *weight;

  g_assert_true (fiscal_window_open (window, file));
  gtk_window_present (GTK_WINDOW (window));
  fiscal_test_iterate ();
  doc = fiscal_window_get_document (window);
  panel = fiscal_window_get_targets_panel (window);

  g_assert_false (fiscal_window_get_targets_revealed (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-targets", NULL);
  fiscal_test_iterate ();
  g_assert_true (fiscal_window_get_targets_revealed (window));

  /* On the overview: the department's table, 16 indicators weighing 305,
   * with the findings of its repeated rows and weights. */
  g_assert_true (fiscal_targets_panel_get_targets (panel) == fiscal_document_get_targets (doc));
  g_assert_cmpint (fiscal_targets_panel_get_weight_total (panel), ==, 305 * FISCAL_DECIMAL_ONE);
  g_assert_cmpuint (fiscal_targets_panel_get_n_findings (panel), ==, 7);

  /* The department's goal and funds, in 万元: a bad amount is refused, a
   * good one stored, and undo puts the old one back in the panel. */
  {
    GtkEditable *upper = fiscal_targets_panel_get_table_field (panel, "fund:upper");
    FiscalTargets *department = fiscal_document_get_targets (doc);

    g_assert_true (g_str_has_prefix (gtk_editable_get_text (fiscal_targets_panel_get_table_field (panel, "goal")),
                                     "2025 年，驻京联络处"));
    g_assert_cmpstr (gtk_editable_get_text (fiscal_targets_panel_get_table_field (panel, "fund:local")), ==, "205.10");
    g_assert_cmpstr (gtk_editable_get_text (upper), ==, "0.00");

    gtk_editable_set_text (upper, "1.2.3");
    g_signal_emit_by_name (upper, "apply");
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (upper), "error"));
    g_assert_cmpstr (gtk_editable_get_text (upper), ==, "0.00");
    g_assert_cmpint (fiscal_targets_get_fund (department, FISCAL_FUND_UPPER), ==, 0);

    gtk_editable_set_text (upper, "10.5");
    g_signal_emit_by_name (upper, "apply");
    g_assert_cmpint (fiscal_targets_get_fund (department, FISCAL_FUND_UPPER), ==, 10500000);

    fiscal_document_undo (doc);
    fiscal_test_iterate ();
    g_assert_cmpint (fiscal_targets_get_fund (department, FISCAL_FUND_UPPER), ==, 0);
    g_assert_cmpstr (gtk_editable_get_text (fiscal_targets_panel_get_table_field (panel, "fund:upper")), ==, "0.00");
  }
  g_assert_cmpfloat (gtk_level_bar_get_value (fiscal_targets_panel_get_level_bar (panel)), ==, 100.0);

  /* On the Projects page: the selected project's. */
  fiscal_window_show_page (window, "projects");
  fiscal_test_iterate ();
  targets = fiscal_project_get_targets (fiscal_document_find_project (doc, "p1"));
  g_assert_true (fiscal_targets_panel_get_targets (panel) == targets);
  g_assert_cmpint (fiscal_targets_panel_get_weight_total (panel), ==, 90 * FISCAL_DECIMAL_ONE);
  g_assert_cmpfloat (gtk_level_bar_get_value (fiscal_targets_panel_get_level_bar (panel)), ==, 90.0);
  g_assert_cmpuint (fiscal_targets_panel_get_n_findings (panel), ==, 2);

  /* The indicator aiming below last year's result says so on its row;
   * the others have no warning of their own. */
  g_assert_nonnull (fiscal_targets_panel_get_indicator_problems (panel, 0));
  g_assert_nonnull (strstr (fiscal_targets_panel_get_indicator_problems (panel, 0), "7 人"));
  g_assert_null (fiscal_targets_panel_get_indicator_problems (panel, 1));

  /* On the Budget Lines page: the selected line's project, or the
   * department's for a line of no project. */
  {
    FiscalLinesView *lines = FISCAL_LINES_VIEW (fiscal_test_find_widget (GTK_WIDGET (window), FISCAL_TYPE_LINES_VIEW));
    GListModel *all = fiscal_document_get_lines (doc);
    g_autoptr(FiscalLine) project_line = NULL;
    g_autoptr(FiscalLine) basic_line = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (all); i++)
      {
        g_autoptr(FiscalLine) line = g_list_model_get_item (all, i);

        if (project_line == NULL && g_strcmp0 (fiscal_line_get_project (line), "p1") == 0)
          project_line = g_object_ref (line);
        if (basic_line == NULL && fiscal_line_get_project (line) == NULL)
          basic_line = g_object_ref (line);
      }
    g_assert_nonnull (project_line);
    g_assert_nonnull (basic_line);

    fiscal_window_show_page (window, "lines");
    fiscal_test_iterate ();
    fiscal_lines_view_select (lines, project_line);
    fiscal_test_iterate ();
    g_assert_true (fiscal_targets_panel_get_targets (panel) == targets);
    fiscal_lines_view_select (lines, basic_line);
    fiscal_test_iterate ();
    g_assert_true (fiscal_targets_panel_get_targets (panel) == fiscal_document_get_targets (doc));

    fiscal_window_show_page (window, "projects");
    fiscal_test_iterate ();
    g_assert_true (fiscal_targets_panel_get_targets (panel) == targets);
  }

  /* The weight total is a setting shown in the panel: under a rule of 90
   * the project's weights of 90 are no longer a finding. */
  {
    GtkSpinButton *spin = fiscal_targets_panel_get_weight_total_spin (panel);

    g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 100.0);
    gtk_spin_button_set_value (spin, 90);
    fiscal_test_iterate ();
    g_assert_cmpint (g_settings_get_int (fiscal_application_get_settings (app), "target-weight-total"), ==, 90);
    g_assert_cmpuint (fiscal_targets_panel_get_n_findings (panel), ==, 1);
    g_assert_cmpfloat (gtk_level_bar_get_value (fiscal_targets_panel_get_level_bar (panel)), ==, 90.0);
    gtk_spin_button_set_value (spin, 100);
    fiscal_test_iterate ();
    g_assert_cmpuint (fiscal_targets_panel_get_n_findings (panel), ==, 2);
  }

  /* Editing a weight to make 100 clears the weight finding; undo brings it back. */
  first = g_list_model_get_item (fiscal_targets_get_indicators (targets), 0);
  g_object_unref (first);   /* the table holds it */
  weight = fiscal_targets_panel_get_field (panel, 0, FISCAL_INDICATOR_WEIGHT);
  g_assert_nonnull (weight);
  g_assert_cmpstr (gtk_editable_get_text (weight), ==, "10");
  gtk_editable_set_text (weight, "20");
  g_signal_emit_by_name (weight, "apply");
  fiscal_test_iterate ();
  g_assert_cmpstr (fiscal_indicator_get_field (first, FISCAL_INDICATOR_WEIGHT), ==, "20");
  g_assert_cmpint (fiscal_targets_panel_get_weight_total (panel), ==, 100 * FISCAL_DECIMAL_ONE);
  g_assert_cmpuint (fiscal_targets_panel_get_n_findings (panel), ==, 1);
  g_assert_true (fiscal_document_undo (doc));
  fiscal_test_iterate ();
  g_assert_cmpstr (fiscal_indicator_get_field (first, FISCAL_INDICATOR_WEIGHT), ==, "10");
  g_assert_cmpstr (gtk_editable_get_text (fiscal_targets_panel_get_field (panel, 0, FISCAL_INDICATOR_WEIGHT)), ==, "10");

  /* A value that is not a number is refused and the stored one put back. */
  value = fiscal_targets_panel_get_field (panel, 0, FISCAL_INDICATOR_VALUE);
  gtk_editable_set_text (value, "六");
  g_signal_emit_by_name (value, "apply");
  g_assert_cmpstr (fiscal_indicator_get_field (first, FISCAL_INDICATOR_VALUE), ==, "6");
  g_assert_cmpstr (gtk_editable_get_text (value), ==, "6");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (value), "error"));

  /* From the library of common indicators: 服务对象满意度 (≥90%). */
  for (guint i = 0; i < fiscal_framework_get_n_library (fiscal_framework_get_default ()); i++)
    {
      g_autoptr(FiscalIndicator) entry = fiscal_framework_new_from_library (fiscal_framework_get_default (), i);

      if (g_str_equal (fiscal_indicator_get_field (entry, FISCAL_INDICATOR_NAME), "服务对象满意度"))
        gtk_widget_activate_action (GTK_WIDGET (panel), "targets.add-library", "u", i);
    }
  g_assert_cmpuint (g_list_model_get_n_items (fiscal_targets_get_indicators (targets)), ==, 9);
  g_assert_cmpstr (gtk_editable_get_text (fiscal_targets_panel_get_field (panel, 8, FISCAL_INDICATOR_VALUE)), ==, "90");
  g_assert_true (fiscal_document_undo (doc));
  g_assert_cmpuint (g_list_model_get_n_items (fiscal_targets_get_indicators (targets)), ==, 8);

  /* Under a 二级 of the standard framework, from the add menu. */
  gtk_widget_activate_action (GTK_WIDGET (panel), "targets.add-under", "(ss)", "效益指标", "社会效益指标");
  g_assert_cmpuint (g_list_model_get_n_items (fiscal_targets_get_indicators (targets)), ==, 9);
  g_assert_cmpstr (gtk_editable_get_text (fiscal_targets_panel_get_field (panel, 8, FISCAL_INDICATOR_LEVEL2)), ==, "社会效益指标");
  g_assert_cmpstr (gtk_editable_get_text (fiscal_targets_panel_get_field (panel, 8, FISCAL_INDICATOR_LEVEL1)), ==, "效益指标");
  g_assert_true (fiscal_document_undo (doc));
  g_assert_cmpuint (g_list_model_get_n_items (fiscal_targets_get_indicators (targets)), ==, 8);

  /* Add and remove, each undoable. */
  fiscal_targets_panel_add_indicator (panel);
  g_assert_cmpuint (g_list_model_get_n_items (fiscal_targets_get_indicators (targets)), ==, 9);
  g_assert_nonnull (fiscal_targets_panel_get_field (panel, 8, FISCAL_INDICATOR_NAME));
  fiscal_targets_panel_remove_indicator (panel, 0);
  g_assert_cmpuint (g_list_model_get_n_items (fiscal_targets_get_indicators (targets)), ==, 8);
  g_assert_true (fiscal_document_undo (doc));
  g_assert_true (fiscal_document_undo (doc));
  fiscal_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (fiscal_targets_get_indicators (targets)), ==, 8);
  g_assert_cmpstr (gtk_editable_get_text (fiscal_targets_panel_get_field (panel, 0, FISCAL_INDICATOR_NAME)), ==, "保障办公人员数量");

  /* Reordering stays within the 二级: 保障办公人员数量 goes below 物业维修面积;
   * the last 数量指标 does not go among the 质量指标; undo is one step. */
  g_assert_cmpuint (fiscal_targets_panel_move_indicator (panel, 0, FALSE), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (fiscal_targets_panel_get_field (panel, 0, FISCAL_INDICATOR_NAME)), ==, "物业维修面积");
  g_assert_cmpstr (gtk_editable_get_text (fiscal_targets_panel_get_field (panel, 1, FISCAL_INDICATOR_NAME)), ==, "保障办公人员数量");
  g_assert_cmpuint (fiscal_targets_panel_move_indicator (panel, 2, FALSE), ==, 2);
  g_assert_cmpuint (fiscal_targets_panel_move_indicator (panel, 0, TRUE), ==, 0);
  g_assert_true (fiscal_document_undo (doc));
  fiscal_test_iterate ();
  g_assert_cmpstr (gtk_editable_get_text (fiscal_targets_panel_get_field (panel, 0, FISCAL_INDICATOR_NAME)), ==, "保障办公人员数量");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-targets", NULL);
  g_assert_false (fiscal_window_get_targets_revealed (window));

  /* A target finding of the department, activated in the checks, opens the
   * panel on the department's table. */
  {
    GPtrArray *findings = fiscal_window_get_findings (window);
    FiscalChecksView *checks = find_checks_view (GTK_WIDGET (window));
    guint at = G_MAXUINT;

    for (guint i = 0; i < findings->len && at == G_MAXUINT; i++)
      if (g_str_equal (((FiscalFinding *) findings->pdata[i])->rule, "targets.duplicate"))
        at = i;
    g_assert_cmpuint (at, !=, G_MAXUINT);
    fiscal_checks_view_activate (checks, at);
    fiscal_test_iterate ();
    g_assert_true (fiscal_window_get_targets_revealed (window));
    g_assert_cmpstr (fiscal_window_get_page (window), ==, "overview");
    g_assert_true (fiscal_targets_panel_get_targets (panel) == fiscal_document_get_targets (doc));
  }

  fiscal_document_set_saved (doc);
  gtk_window_destroy (GTK_WINDOW (window));
  fiscal_test_iterate ();
}

/* A table row leads to the lines behind it; an opened budget is recent. */
static void
test_table_to_lines (void)
{
  g_autoptr(GFile) file = fiscal_test_example_file ();
  FiscalWindow *window = fiscal_window_new (app);
  FiscalTableView *view;
  FiscalLinesView *lines;
  GSettings *settings = fiscal_application_get_settings (app);
  g_auto(GStrv) recent = NULL;
  g_autofree char *uri = g_file_get_uri (file);

  g_assert_true (fiscal_window_open (window, file));
  /* Wide enough for the sidebar and the page side by side. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  fiscal_window_show_table (window, 3);
  fiscal_test_iterate ();

  view = find_table_view (GTK_WIDGET (window));
  lines = FISCAL_LINES_VIEW (fiscal_test_find_widget (GTK_WIDGET (window), FISCAL_TYPE_LINES_VIEW));

  /* Row 3 of 表 3 is 2010302 一般行政管理事务: its 项目支出 figure is the
   * seven project lines, its 基本支出 figure none, the row all seven.
   * The figure is reached with the keyboard: the cursor put on it, Enter. */
  fiscal_test_wait_for_frame (GTK_WIDGET (window));
  fiscal_table_view_scroll_to_cell (view, 3, 6);
  fiscal_test_wait_for_frame (GTK_WIDGET (window));
  {
    GtkWidget *cell = fiscal_table_view_get_cell (view, fiscal_table_view_get_n_header_rows (view) + 3, 6);

    g_assert_nonnull (cell);
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (cell)), ==, "173.00");
  }
  /* The cell with the cursor says under the table what it is made of. */
  fiscal_test_iterate ();
  {
    g_autofree char *expected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u line, %s (10,000 yuan). Enter shows it.",
                                                              "%s: %u lines, %s (10,000 yuan). Enter shows them.", 7),
                                                 "表3 · 2010302 一般行政管理事务 · 项目支出", 7, "173.00");

    g_assert_cmpstr (fiscal_table_view_get_status (view), ==, expected);
  }
  /* It follows an edit of a line behind the figure (once the window is
   * idle, with the checks). */
  {
    FiscalDocument *doc = fiscal_window_get_document (window);
    GListModel *all = fiscal_document_get_lines (doc);
    g_autofree char *expected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u line, %s (10,000 yuan). Enter shows it.",
                                                              "%s: %u lines, %s (10,000 yuan). Enter shows them.", 7),
                                                 "表3 · 2010302 一般行政管理事务 · 项目支出", 7, "174.00");

    for (guint i = 0; i < g_list_model_get_n_items (all); i++)
      {
        g_autoptr(FiscalLine) line = g_list_model_get_item (all, i);

        if (g_strcmp0 (fiscal_line_get_function (line), "2010302") == 0)
          {
            fiscal_line_set_amount (line, fiscal_line_get_amount (line) + 1000000);
            break;
          }
      }
    fiscal_test_iterate ();
    g_assert_cmpstr (fiscal_table_view_get_status (view), ==, expected);
    fiscal_document_undo (doc);
    fiscal_test_iterate ();
  }
  {
    GtkWidget *cell = fiscal_table_view_get_cell (view, fiscal_table_view_get_n_header_rows (view) + 3, 6);

    g_assert_true (gtk_widget_activate_action (gtk_widget_get_parent (cell), "table.activate-cursor", NULL));
  }
  fiscal_test_iterate ();
  g_assert_cmpstr (fiscal_window_get_page (window), ==, "lines");
  g_assert_cmpuint (fiscal_lines_view_get_n_shown (lines), ==, 7);
  for (guint i = 0; i < 7; i++)
    {
      FiscalLine *line = fiscal_lines_view_get_shown (lines, i);

      g_assert_cmpstr (fiscal_line_get_function (line), ==, "2010302");
      g_assert_cmpint (fiscal_line_get_kind (line), ==, FISCAL_KIND_PROJECT);
    }
  /* The totals say what the shown lines add up to: the figure itself. */
  {
    g_autofree char *totals = fiscal_lines_view_get_totals_text (lines);
    const char *second = strchr (totals, '\n');

    g_assert_nonnull (second);
    g_assert_nonnull (strstr (second, "173.00"));
  }

  fiscal_window_show_table (window, 3);
  fiscal_test_iterate ();
  fiscal_table_view_activate_cell (view, 3, 5);
  fiscal_test_iterate ();
  g_assert_cmpuint (fiscal_lines_view_get_n_shown (lines), ==, 0);
  fiscal_table_view_activate_cell (view, 3, 1);
  fiscal_test_iterate ();
  g_assert_cmpuint (fiscal_lines_view_get_n_shown (lines), ==, 7);

  /* 表 6's rows are economic codes: 302 商品和服务支出 gives public-funds
   * lines of the general budget only. */
  fiscal_window_show_table (window, 6);
  fiscal_test_iterate ();
  {
    FiscalTable *t6 = fiscal_table_view_get_table (view);
    guint r;

    for (r = 0; r < fiscal_table_get_n_rows (t6); r++)
      if (g_str_equal (fiscal_table_get_row (t6, r)->code, "302"))
        break;
    g_assert_cmpuint (r, <, fiscal_table_get_n_rows (t6));
    fiscal_table_view_activate_cell (view, r, -1);
    fiscal_test_iterate ();
    g_assert_cmpstr (fiscal_window_get_page (window), ==, "lines");
    g_assert_cmpuint (fiscal_lines_view_get_n_shown (lines), >, 0);
    for (guint i = 0; i < fiscal_lines_view_get_n_shown (lines); i++)
      {
        FiscalLine *line = fiscal_lines_view_get_shown (lines, i);

        g_assert_true (g_str_has_prefix (fiscal_line_get_economic (line), "302"));
        g_assert_cmpint (fiscal_line_get_kind (line), ==, FISCAL_KIND_PUBLIC);
      }
  }

  /* Escape in the filter shows every line again. */
  g_signal_emit_by_name (fiscal_test_find_widget (GTK_WIDGET (lines), GTK_TYPE_SEARCH_ENTRY), "stop-search");
  g_assert_cmpuint (fiscal_lines_view_get_n_shown (lines), ==,
                    g_list_model_get_n_items (fiscal_document_get_lines (fiscal_window_get_document (window))));

  /* 表1's 类 on the right: the lines of that 类, from every source. */
  fiscal_window_show_table (window, 1);
  fiscal_test_iterate ();
  fiscal_table_view_activate_cell (view, 0, 3);
  fiscal_test_iterate ();
  g_assert_cmpstr (fiscal_window_get_page (window), ==, "lines");
  {
    gint64 sum = 0;

    for (guint i = 0; i < fiscal_lines_view_get_n_shown (lines); i++)
      {
        FiscalLine *line = fiscal_lines_view_get_shown (lines, i);

        g_assert_true (g_str_has_prefix (fiscal_line_get_function (line), "201"));
        sum += fiscal_line_get_amount (line);
      }
    /* 201 一般公共服务支出 278.87 万元 */
    g_assert_cmpint (sum, >=, G_GINT64_CONSTANT (278865000));
    g_assert_cmpint (sum, <, G_GINT64_CONSTANT (278875000));
  }

  fiscal_lines_view_set_cell_filter (lines, NULL, 0, -1);
  g_assert_cmpuint (fiscal_lines_view_get_n_shown (lines), ==,
                    g_list_model_get_n_items (fiscal_document_get_lines (fiscal_window_get_document (window))));

  g_assert_nonnull (settings);
  recent = g_settings_get_strv (settings, "recent-files");
  g_assert_cmpstr (recent[0], ==, uri);

  /* The increase colour of the charts is the setting. */
  {
    GtkWidget *charts = fiscal_test_find_widget (GTK_WIDGET (window), FISCAL_TYPE_CHARTS_PAGE);
    gboolean green;

    g_settings_set_string (settings, "increase-color-convention", "green-up");
    g_object_get (charts, "green-increase", &green, NULL);
    g_assert_true (green);
    g_settings_set_string (settings, "increase-color-convention", "red-up");
    g_object_get (charts, "green-increase", &green, NULL);
    g_assert_false (green);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  fiscal_test_iterate ();
}

/* After a crash the unsaved changes are offered back. */
static void
test_recovery_offer (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = temp_copy_of_example (&dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  FiscalWindow *first = fiscal_window_new (app);
  FiscalWindow *second;
  GtkWidget *dialog;
  g_autoptr(FiscalLine) line = NULL;
  gint64 amount;

  g_assert_true (fiscal_window_open (first, file));
  line = g_list_model_get_item (fiscal_document_get_lines (fiscal_window_get_document (first)), 0);
  amount = fiscal_line_get_amount (line) + 100;
  fiscal_line_set_amount (line, amount);
  fiscal_window_autosave_now (first);

  /* As if the first window had died. */
  second = fiscal_window_new (app);
  g_assert_true (fiscal_window_open (second, file));
  dialog = fiscal_window_offer_recovery (second);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "recover");
  fiscal_test_iterate ();
  {
    g_autoptr(FiscalLine) recovered = g_list_model_get_item (fiscal_document_get_lines (fiscal_window_get_document (second)), 0);
    g_assert_cmpint (fiscal_line_get_amount (recovered), ==, amount);
    g_assert_true (fiscal_document_get_modified (fiscal_window_get_document (second)));
  }

  g_assert_true (fiscal_window_save_to (second, file));
  g_assert_null (fiscal_window_offer_recovery (second));

  fiscal_document_set_saved (fiscal_window_get_document (first));
  gtk_window_destroy (GTK_WINDOW (first));
  gtk_window_destroy (GTK_WINDOW (second));
  fiscal_test_iterate ();
  g_remove (path);
  g_rmdir (dir);
}

static gboolean
has_subtitle (GtkWidget     *widget,
              gconstpointer  data)
{
  return ADW_IS_WINDOW_TITLE (widget) && adw_window_title_get_subtitle (ADW_WINDOW_TITLE (widget)) != NULL &&
         *adw_window_title_get_subtitle (ADW_WINDOW_TITLE (widget));
}

/* The AdwWindowTitle of the window's content (not the sidebar's). */
static AdwWindowTitle *
content_title (GtkWidget *widget)
{
  return ADW_WINDOW_TITLE (fiscal_test_find_widget_where (widget, has_subtitle, NULL));
}

/* No way of closing loses work: a close whose save failed asks again,
 * Quit asks for each window with changes, a recovery copy of changes
 * undone is dropped, and the question names the budget without the
 * modified mark. The header follows the department's name. */
static void
test_close_keeps_work (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = temp_copy_of_example (&dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  FiscalWindow *window = fiscal_window_new (app);
  FiscalWindow *clean = fiscal_window_new (app);
  g_autoptr(FiscalLine) line = NULL;
  FiscalDocument *doc;
  gpointer weak = window, weak_clean = clean;
  GtkWidget *dialog;

  g_assert_true (fiscal_window_open (window, file));
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (clean));
  doc = fiscal_window_get_document (window);
  line = g_list_model_get_item (fiscal_document_get_lines (doc), 0);
  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  g_object_add_weak_pointer (G_OBJECT (clean), &weak_clean);

  /* The header names the department as it is now. */
  fiscal_document_set_department_name (doc, "改名后的部门");
  fiscal_test_iterate ();
  g_assert_nonnull (content_title (GTK_WIDGET (window)));
  g_assert_nonnull (strstr (adw_window_title_get_subtitle (content_title (GTK_WIDGET (window))), "改名后的部门"));

  /* A recovery copy is written while there are changes, and dropped when
   * they are undone. */
  fiscal_window_autosave_now (window);
  {
    g_autoptr(FiscalDocument) copy = fiscal_recovery_find (file, NULL);
    g_assert_nonnull (copy);
  }
  fiscal_document_undo (doc);
  g_assert_false (fiscal_document_get_modified (doc));
  fiscal_window_autosave_now (window);
  {
    g_autoptr(FiscalDocument) copy = fiscal_recovery_find (file, NULL);
    g_assert_null (copy);
  }

  /* Quit closes the window without changes and asks about the other. */
  fiscal_line_set_amount (line, fiscal_line_get_amount (line) + 100);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  fiscal_test_iterate ();
  g_assert_null (weak_clean);
  g_assert_nonnull (weak);
  dialog = fiscal_window_ask_to_close (window);
  g_assert_nonnull (dialog);
  g_assert_null (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "•"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "fiscal.json"));

  /* Saving fails (the folder is gone): the window stays, and the next
   * close asks again. */
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  fiscal_test_iterate ();
  g_assert_nonnull (weak);
  g_assert_true (fiscal_document_get_modified (doc));
  gtk_window_close (GTK_WINDOW (window));
  fiscal_test_iterate ();
  g_assert_nonnull (weak);
  dialog = fiscal_window_ask_to_close (window);
  g_assert_nonnull (dialog);

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard");
  fiscal_test_iterate ();
  g_assert_null (weak);
}

static guint
count_new_copies (void)
{
  g_auto(GStrv) keys = fiscal_recovery_list_new ();
  return keys ? g_strv_length (keys) : 0;
}

/* A new budget, never saved, has a recovery copy too: after a crash the
 * next start offers it back; saving it or closing it on purpose drops
 * the copy. */
static void
test_new_budget_recovery (void)
{
  g_autoptr(FiscalDocument) doc = fiscal_document_new (2026, "新部门");
  FiscalWindow *first = fiscal_window_new (app);
  FiscalWindow *second = fiscal_window_new (app);
  FiscalDocument *recovered;
  GtkWidget *dialog;
  g_autofree char *dir = g_dir_make_tmp ("fiscal-new-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "saved.fiscal.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_cmpuint (count_new_copies (), ==, 0);
  fiscal_window_take_document (first, doc);
  fiscal_window_autosave_now (first);
  g_assert_cmpuint (count_new_copies (), ==, 0);   /* nothing changed yet */

  fiscal_document_set_department_name (doc, "新部门（草稿）");
  fiscal_window_autosave_now (first);
  g_assert_cmpuint (count_new_copies (), ==, 1);

  /* As if Fiscal had stopped: the next start offers the budget back. */
  gtk_window_present (GTK_WINDOW (second));
  dialog = fiscal_application_offer_new_copies (app, GTK_WINDOW (second));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "recover");
  fiscal_test_iterate ();
  recovered = fiscal_window_get_document (second);
  g_assert_nonnull (recovered);
  g_assert_cmpstr (fiscal_document_get_department_name (recovered), ==, "新部门（草稿）");
  g_assert_cmpint (fiscal_document_get_year (recovered), ==, 2026);
  g_assert_true (fiscal_document_get_modified (recovered));
  g_assert_null (fiscal_document_get_file (recovered));

  /* The first window is gone (its copy with it); the recovered budget
   * keeps writing its own. */
  gtk_window_destroy (GTK_WINDOW (first));
  fiscal_test_iterate ();
  g_assert_cmpuint (count_new_copies (), ==, 0);
  fiscal_window_autosave_now (second);
  g_assert_cmpuint (count_new_copies (), ==, 1);

  /* Saved, it needs no copy. */
  g_assert_true (fiscal_window_save_to (second, file));
  g_assert_cmpuint (count_new_copies (), ==, 0);
  g_assert_null (fiscal_application_offer_new_copies (app, GTK_WINDOW (second)));

  gtk_window_destroy (GTK_WINDOW (second));
  fiscal_test_iterate ();
  g_remove (path);
  g_rmdir (dir);
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
  fiscal_test_iterate ();

  g_assert_cmpstr (fiscal_window_get_page (window), ==, "error");
  g_assert_null (fiscal_window_get_document (window));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);

  /* Showing a table without a budget does nothing. */
  fiscal_window_show_table (window, 2);
  g_assert_cmpstr (fiscal_window_get_page (window), ==, "error");

  gtk_window_destroy (GTK_WINDOW (window));
  fiscal_test_iterate ();
}

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  action)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

/* The first widget at or under @widget whose action is @action. */
static GtkWidget *
find_actionable (GtkWidget  *widget,
                 const char *action)
{
  return fiscal_test_find_widget_where (widget, has_action, action);
}

static void
test_empty_window (void)
{
  FiscalWindow *window = fiscal_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  fiscal_test_iterate ();
  g_assert_cmpstr (fiscal_window_get_page (window), ==, "empty");
  g_assert_null (fiscal_window_get_file (window));
  /* Nothing to undo yet: the header's buttons say so. */
  g_assert_nonnull (find_actionable (GTK_WIDGET (window), "win.undo"));
  g_assert_false (gtk_widget_get_sensitive (find_actionable (GTK_WIDGET (window), "win.undo")));
  g_assert_false (gtk_widget_get_sensitive (find_actionable (GTK_WIDGET (window), "win.redo")));

  /* A new budget goes into the empty window (the newest is the active
   * one), not into another one. */
  g_assert_true (gtk_application_get_active_window (GTK_APPLICATION (app)) == GTK_WINDOW (window));
  {
    guint n_windows = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));

    g_action_group_activate_action (G_ACTION_GROUP (app), "new", NULL);
    fiscal_test_iterate ();
    g_assert_nonnull (fiscal_window_get_document (window));
    g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, n_windows);
    fiscal_document_set_saved (fiscal_window_get_document (window));
  }
  gtk_window_destroy (GTK_WINDOW (window));
  fiscal_test_iterate ();
}

/* Under a Chinese locale the window speaks Chinese. */
static void
test_chinese (void)
{
  g_autoptr(GFile) file = fiscal_test_example_file ();
  FiscalWindow *window;
  GtkListBox *list;
  GtkWidget *label;

  g_assert_cmpstr (_("Income and expenditure overview"), ==, "部门收支总体情况表");

  window = fiscal_window_new (app);
  g_assert_true (fiscal_window_open (window, file));
  gtk_window_present (GTK_WINDOW (window));
  fiscal_test_iterate ();

  list = find_list_box (GTK_WIDGET (window));
  label = gtk_widget_get_last_child (gtk_list_box_row_get_child (gtk_list_box_get_row_at_index (list, 3 + 9)));
  fiscal_window_show_page (window, "narrative");
  fiscal_test_iterate ();
  {
    FiscalNarrativeView *narrative = find_narrative_view (GTK_WIDGET (window));
    g_autofree char *text = fiscal_narrative_view_get_text (narrative);

    g_assert_nonnull (strstr (text, "一般公共预算 205.10 万元，占 64.48%，比上年预算减少 27.21 万元，下降 11.71%"));
  }
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, "财政拨款“三公”经费支出情况表");

  gtk_window_destroy (GTK_WINDOW (window));
  fiscal_test_iterate ();
}

/* The whole text of a PDF, and each page's orientation. */
static char *
pdf_text (const char  *path,
          GString    **orientations)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GObject) doc = (GObject *) poppler_document_new_from_file (uri, NULL, &error);
  PopplerDocument *pdf = POPPLER_DOCUMENT (doc);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  *orientations = g_string_new (NULL);
  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autoptr(GObject) page_object = (GObject *) poppler_document_get_page (pdf, i);
      PopplerPage *page = POPPLER_PAGE (page_object);
      g_autofree char *page_text = poppler_page_get_text (page);
      double width, height;

      poppler_page_get_size (page, &width, &height);
      g_string_append_c (*orientations, width > height ? 'L' : 'P');
      g_string_append (text, page_text);
    }

  return g_string_free (text, FALSE);
}

/* Every export of the Export menu writes its file; printing draws the same
 * pages as the PDF, landscape where the PDF is. */
static void
test_export_and_print (void)
{
  g_autoptr(GFile) file = fiscal_test_example_file ();
  FiscalWindow *window = fiscal_window_new (app);
  g_autofree char *dir = g_dir_make_tmp ("fiscal-window-export-XXXXXX", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "d.pdf", NULL);
  g_autofree char *printed_path = g_build_filename (dir, "printed.pdf", NULL);
  static const struct { FiscalExportKind kind; const char *name; const char *magic; gsize magic_length; } exports[] = {
    { FISCAL_EXPORT_PDF, "d.pdf", "%PDF-", 5 },
    { FISCAL_EXPORT_PDF_CHARTS, "charts.pdf", "%PDF-", 5 },
    { FISCAL_EXPORT_XLSX, "d.xlsx", "PK\x03\x04", 4 },
    { FISCAL_EXPORT_CSV, "d.csv", "\xEF\xBB\xBF", 3 },
  };
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *printed = NULL;
  g_autoptr(GString) exported_pages = NULL;
  g_autoptr(GString) printed_pages = NULL;
  g_autofree char *suggested = NULL;
  FiscalExportKind kind;

  g_assert_true (fiscal_window_open (window, file));
  gtk_window_present (GTK_WINDOW (window));
  fiscal_test_iterate ();

  g_assert_true (fiscal_export_kind_from_name ("xlsx", &kind));
  g_assert_cmpint (kind, ==, FISCAL_EXPORT_XLSX);
  g_assert_false (fiscal_export_kind_from_name ("docx", &kind));
  suggested = fiscal_export_suggest_name (fiscal_window_get_document (window), FISCAL_EXPORT_PDF);
  g_assert_cmpstr (suggested, ==, "昌吉回族自治州人民政府驻北京联络处 2025年部门预算公开.pdf");

  for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
    {
      g_autofree char *path = g_build_filename (dir, exports[i].name, NULL);
      g_autoptr(GFile) out = g_file_new_for_path (path);
      g_autofree char *bytes = NULL;
      gsize length = 0;

      g_assert_true (fiscal_window_export_to (window, exports[i].kind, out, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
      g_assert_cmpuint (length, >, exports[i].magic_length);
      g_assert_cmpmem (bytes, exports[i].magic_length, exports[i].magic, exports[i].magic_length);
    }

  /* A folder that is not there: an error, nothing written. */
  {
    g_autofree char *nowhere = g_build_filename (dir, "missing", "x.pdf", NULL);
    g_autoptr(GFile) out = g_file_new_for_path (nowhere);

    g_assert_false (fiscal_window_export_to (window, FISCAL_EXPORT_PDF, out, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
  }

  operation = fiscal_window_print_operation (window);
  gtk_print_operation_set_export_filename (operation, printed_path);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  exported = pdf_text (pdf_path, &exported_pages);
  printed = pdf_text (printed_path, &printed_pages);
  g_assert_cmpstr (printed_pages->str, ==, exported_pages->str);
  g_assert_nonnull (strchr (printed_pages->str, 'L'));
  g_assert_nonnull (strstr (printed, "部门收支总体情况表"));
  g_assert_nonnull (strstr (printed, "318.10"));
  g_assert_nonnull (strstr (printed, "上年结转结余情况明细表"));

  gtk_window_destroy (GTK_WINDOW (window));
  fiscal_test_iterate ();
}

/* Opening a published disclosure imports it: a budget whose tables are the
 * published ones, unsaved, with the report of the import shown. A text
 * that is not a disclosure is explained, and nothing is opened. */
/* ---- Accessible names ------------------------------------------------- */

/* Whether a control has a name a screen reader can say: its own label, a
 * label it is labelled by, or the text it shows. A button is labelled by
 * its content, so one that shows an icon alone needs a label of its own. */
static gboolean
has_accessible_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);
  gboolean button = GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget);

  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL))
    return TRUE;
  if (!button && gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return TRUE;

  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL &&
      gtk_button_get_icon_name (GTK_BUTTON (widget)) == NULL)
    return TRUE;
  if (GTK_IS_CHECK_BUTTON (widget) && gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)) != NULL)
    return TRUE;
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)) != NULL)
    return TRUE;
  if (ADW_IS_PREFERENCES_ROW (widget) && adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)) != NULL &&
      *adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)) != 0)
    return TRUE;

  /* A button whose content is a label (or a label and an icon). */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && *gtk_label_get_text (GTK_LABEL (child)) != 0)
        return TRUE;
      if (ADW_IS_BUTTON_CONTENT (child) && adw_button_content_get_label (ADW_BUTTON_CONTENT (child)) != NULL &&
          *adw_button_content_get_label (ADW_BUTTON_CONTENT (child)) != 0)
        return TRUE;
      if (GTK_IS_BOX (child) && has_accessible_name (child))
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_control (GtkWidget *widget)
{
  switch (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)))
    {
    case GTK_ACCESSIBLE_ROLE_BUTTON:
    case GTK_ACCESSIBLE_ROLE_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_COMBO_BOX:
    case GTK_ACCESSIBLE_ROLE_RADIO:
    case GTK_ACCESSIBLE_ROLE_SEARCH_BOX:
    case GTK_ACCESSIBLE_ROLE_SLIDER:
    case GTK_ACCESSIBLE_ROLE_SPIN_BUTTON:
    case GTK_ACCESSIBLE_ROLE_SWITCH:
    case GTK_ACCESSIBLE_ROLE_TEXT_BOX:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Whether @widget, or a part of it, can take the keyboard focus. */
static gboolean
takes_focus (GtkWidget *widget)
{
  if (gtk_widget_get_focusable (widget))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (takes_focus (child))
      return TRUE;

  return FALSE;
}

static void
describe_control (GString    *faults,
                  const char *fault,
                  GtkWidget  *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  g_string_append_printf (faults, "%s%s %s (%s) in %s", faults->len ? ", " : "", fault, G_OBJECT_TYPE_NAME (widget),
                          gtk_widget_get_tooltip_text (widget) ?: "no tooltip",
                          parent ? G_OBJECT_TYPE_NAME (parent) : "-");
  if (parent && gtk_widget_get_parent (parent))
    g_string_append_printf (faults, " in %s", G_OBJECT_TYPE_NAME (gtk_widget_get_parent (parent)));
}

/* Adds to @faults the controls at or under @widget that have no name or
 * cannot be reached from the keyboard. */
static void
collect_faults (GtkWidget *widget,
                GString   *faults)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (is_control (widget))
    {
      gboolean named = has_accessible_name (widget);

      if (!named)
        describe_control (faults, "unnamed", widget);
      if (gtk_widget_is_sensitive (widget) && !takes_focus (widget))
        describe_control (faults, "unfocusable", widget);
      if (named && (GTK_IS_DROP_DOWN (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_SPIN_BUTTON (widget)))
        return;   /* its parts are GTK's, named by it */
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_faults (child, faults);
}

/* The controls under @root, which must be on screen, that have no name
 * or cannot take the keyboard focus. */
static char *
control_faults (GtkWidget *root)
{
  GString *faults = g_string_new (NULL);

  g_assert_true (gtk_widget_get_mapped (root));
  collect_faults (root, faults);
  return g_string_free (faults, FALSE);
}

static void
test_import_disclosure (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "changji-liaison-2025-disclosure.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  FiscalWindow *window = fiscal_window_new (app);
  FiscalImportReport *report;
  FiscalDocument *doc;
  GtkWidget *dialog;
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *bad_dir = g_dir_make_tmp ("fiscal-window-import-XXXXXX", NULL);
  g_autofree char *bad_path = g_build_filename (bad_dir, "notes.txt", NULL);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);

  g_assert_true (fiscal_window_open (window, file));
  gtk_window_present (GTK_WINDOW (window));
  fiscal_test_iterate ();

  doc = fiscal_window_get_document (window);
  g_assert_nonnull (doc);
  g_assert_null (fiscal_window_get_file (window));       /* the text is never written over */
  g_assert_true (fiscal_document_get_modified (doc));
  g_assert_cmpstr (fiscal_document_get_department_name (doc), ==, "昌吉回族自治州人民政府驻北京联络处");
  g_assert_cmpint (fiscal_document_get_year (doc), ==, 2025);
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "changji-liaison-2025-disclosure.txt"));

  report = fiscal_window_get_import_report (window);
  g_assert_nonnull (report);
  g_assert_cmpuint (fiscal_import_report_get_n_cells (report), ==, 688);
  g_assert_cmpuint (fiscal_import_report_get_n_mismatches (report), ==, 0);
  summary = fiscal_import_report_summary (report);
  g_assert_nonnull (strstr (summary, "688"));

  /* Every entry of the report is in the list, with its line. */
  findings = fiscal_import_report_findings (report);
  g_assert_cmpuint (findings->len, ==, fiscal_import_report_get_n_entries (report));
  g_assert_cmpuint (findings->len, >, 0);
  for (guint i = 0; i < findings->len; i++)
    {
      const FiscalFinding *finding = g_ptr_array_index (findings, i);
      const FiscalImportEntry *entry = fiscal_import_report_get_entry (report, i);

      g_assert_cmpstr (finding->message, ==, entry->message);
      if (entry->line > 0)
        {
          g_autofree char *line = g_strdup_printf ("%u", entry->line);
          g_assert_nonnull (strstr (finding->where, line));
        }
    }

  /* The publication's own contradiction is among them, at its line: the
   * performance part's 308.101 against the 318.10 of 表 1. */
  {
    gboolean misprint = FALSE;

    for (guint i = 0; i < findings->len; i++)
      {
        const FiscalFinding *finding = g_ptr_array_index (findings, i);

        if (g_str_has_prefix (finding->rule, "audit-") && finding->severity == FISCAL_SEVERITY_ERROR &&
            strstr (finding->message, "308.10") != NULL && strstr (finding->where, "520") != NULL)
          misprint = TRUE;
      }
    g_assert_true (misprint);
  }

  /* The published 总计 of 表 1 is in the table the window shows. */
  {
    g_autoptr(FiscalTable) table = fiscal_pivot_table (doc, 1);
    const FiscalTableRow *total = fiscal_table_find_row (table, "", "收入总计");
    g_autofree char *shown = NULL;

    /* Rebuilt within the rounding of the published figures. */
    g_assert_nonnull (total);
    shown = fiscal_table_format_cell (table, &total->cells[0]);
    g_assert_cmpstr (shown, ==, "318.10");
  }

  dialog = fiscal_window_show_import_report (window);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  fiscal_test_iterate ();
  /* asked again, the same window comes up */
  g_assert_true (fiscal_window_show_import_report (window) == dialog);
  {
    g_autofree char *faults = control_faults (dialog);
    g_assert_cmpstr (faults, ==, "");
  }

  /* Its Figures page puts every published figure beside the rebuilt
   * budget's, and follows the budget as it is edited. */
  {
    FiscalFiguresView *figures = fiscal_import_report_dialog_get_figures (dialog);
    GListModel *lines = fiscal_document_get_lines (doc);
    const FiscalFigure *f;
    g_autoptr(FiscalLine) line = NULL;
    FiscalLinesView *lines_view = FISCAL_LINES_VIEW (fiscal_test_find_widget (GTK_WIDGET (window), FISCAL_TYPE_LINES_VIEW));
    guint n_different = 0;

    fiscal_import_report_dialog_show_page (dialog, "figures");
    fiscal_test_iterate ();
    g_assert_cmpuint (fiscal_figures_view_get_n_shown (figures), ==, 688);
    {
      g_autofree char *faults = control_faults (dialog);
      g_assert_cmpstr (faults, ==, "");
    }
    g_assert_nonnull (strstr (fiscal_figures_view_get_summary (figures), "688"));
    f = fiscal_figures_view_get_shown (figures, 0);
    g_assert_cmpuint (f->table, ==, 1);
    g_assert_cmpstr (f->name, ==, "一、本年收入");
    g_assert_cmpint (f->published, ==, G_GINT64_CONSTANT (318100000));
    g_assert_cmpint (f->state, ==, FISCAL_FIGURE_SAME);
    fiscal_figures_view_set_differences_only (figures, TRUE);
    g_assert_cmpuint (fiscal_figures_view_get_n_shown (figures), ==, 0);

    /* the first 事业运行 line 1 万元 more: the figures it is in differ
     * once the view has caught up with the edit */
    for (guint i = 0; i < g_list_model_get_n_items (lines) && line == NULL; i++)
      {
        g_autoptr(FiscalLine) l = g_list_model_get_item (lines, i);

        if (g_str_equal (fiscal_line_get_function (l), "2010350"))
          line = g_steal_pointer (&l);
      }
    g_assert_nonnull (line);
    fiscal_line_set_amount (line, fiscal_line_get_amount (line) + 1000000);
    while (fiscal_figures_view_get_n_shown (figures) == 0)
      g_main_context_iteration (NULL, TRUE);
    n_different = fiscal_figures_view_get_n_shown (figures);
    g_assert_cmpuint (n_different, >, 5);
    for (guint i = 0; i < n_different; i++)
      {
        f = fiscal_figures_view_get_shown (figures, i);
        g_assert_cmpint (f->state, ==, FISCAL_FIGURE_DIFFERENT);
        g_assert_cmpint (fiscal_money_round_wan (f->rebuilt) - fiscal_money_round_wan (f->published), ==, 100);
      }

    /* what is shown is saved as CSV: the differences, each with both
     * figures */
    {
      g_autofree char *dir = g_dir_make_tmp ("fiscal-figures-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (dir, "figures.csv", NULL);
      g_autoptr(GFile) csv_file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) records = NULL;
      g_autofree char *csv = NULL;
      gsize size;

      g_assert_true (fiscal_figures_view_write_csv (figures, csv_file, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &csv, &size, NULL));
      g_assert_true (g_str_has_prefix (csv, "\xef\xbb\xbf"));   /* a BOM, for Excel */
      records = fiscal_csv_parse (csv + 3, size - 3, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (records->len, ==, 3 + n_different);
      for (guint i = 3; i < records->len; i++)
        {
          GStrv record = g_ptr_array_index (records, i);
          f = fiscal_figures_view_get_shown (figures, i - 3);

          g_assert_cmpstr (record[7], ==, fiscal_figure_state_describe (FISCAL_FIGURE_DIFFERENT));
          g_assert_cmpstr (record[1], ==, f->code);
          g_assert_cmpstr (record[6], ==, "1.00");
        }
      g_unlink (path);
      g_rmdir (dir);
    }

    /* one table at a time; a figure leads to the lines behind it */
    fiscal_figures_view_set_table (figures, 3);
    g_assert_cmpuint (fiscal_figures_view_get_n_shown (figures), >, 0);
    g_assert_cmpuint (fiscal_figures_view_get_n_shown (figures), <, n_different);
    for (guint i = 0; i < fiscal_figures_view_get_n_shown (figures); i++)
      g_assert_cmpuint (fiscal_figures_view_get_shown (figures, i)->table, ==, 3);
    for (guint i = 0; i < fiscal_figures_view_get_n_shown (figures); i++)
      if (g_str_equal (fiscal_figures_view_get_shown (figures, i)->code, "2010350"))
        {
          fiscal_figures_view_activate (figures, i);
          break;
        }
    fiscal_test_iterate ();
    g_assert_cmpstr (fiscal_window_get_page (window), ==, "lines");
    g_assert_cmpuint (fiscal_lines_view_get_n_shown (lines_view), >, 0);
    for (guint i = 0; i < fiscal_lines_view_get_n_shown (lines_view); i++)
      {
        FiscalLine *shown = fiscal_lines_view_get_shown (lines_view, i);
        g_assert_cmpstr (fiscal_line_get_function (shown), ==, "2010350");
      }

    /* undone, nothing differs */
    fiscal_document_undo (doc);
    fiscal_figures_view_set_table (figures, 0);
    while (fiscal_figures_view_get_n_shown (figures) > 0)
      g_main_context_iteration (NULL, TRUE);
    {
      g_autofree char *expected = g_strdup_printf (_("%u published figures: %u shown as published, %u within rounding, "
                                                     "%u different, %u without a row in the rebuilt budget"),
                                                   688, 688, 0, 0, 0);
      g_assert_cmpstr (fiscal_figures_view_get_summary (figures), ==, expected);
    }
  }
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

  /* Not a disclosure: the window says so and holds no budget. */
  g_assert_true (g_file_set_contents (bad_path, "Minutes of the meeting.\nNothing else.\n", -1, NULL));
  g_assert_false (fiscal_window_open (window, bad));
  g_assert_null (fiscal_window_get_document (window));
  g_assert_null (fiscal_window_get_import_report (window));
  g_assert_null (dialog);   /* the report's window went with the report */
  {
    g_autofree char *after = NULL;
    g_assert_true (g_file_get_contents (bad_path, &after, NULL, NULL));
    g_assert_cmpstr (after, ==, "Minutes of the meeting.\nNothing else.\n");
  }

  gtk_window_destroy (GTK_WINDOW (window));
  fiscal_test_iterate ();
}

/* Exports in the background: waiting on the window's signal, the way the
 * window's own toasts learn that an export is done. */

typedef struct
{
  GFile    *file;
  gboolean  done;
  GError   *error;
  gulong    handler;
} ExportResult;

static void
export_finished_cb (FiscalWindow *window,
                    GFile        *file,
                    const GError *error,
                    ExportResult *result)
{
  if (!g_file_equal (file, result->file))
    return;
  g_assert_false (result->done);
  result->done = TRUE;
  g_clear_error (&result->error);
  if (error != NULL)
    result->error = g_error_copy (error);
}

/* Starts exporting to @result->file, which is to be waited for with
 * wait_for_export(). */
static gboolean
start_export (FiscalWindow      *window,
              FiscalExportKind   kind,
              ExportResult      *result,
              GError           **error)
{
  if (!fiscal_window_start_export (window, kind, result->file, error))
    return FALSE;

  result->done = FALSE;
  result->handler = g_signal_connect (window, "export-finished", G_CALLBACK (export_finished_cb), result);
  return TRUE;
}

/* Runs the main loop until the export to @result->file has finished. */
static void
wait_for_export (FiscalWindow *window,
                 ExportResult *result)
{
  g_assert_cmpuint (result->handler, !=, 0);
  while (!result->done)
    g_main_context_iteration (NULL, TRUE);
  g_clear_signal_handler (&result->handler, window);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted, joined by spaces. */
static char *
dir_listing (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* The budget is edited as soon as the export starts; the file holds the
 * budget as it was when the export started, and the next export the
 * edited one. One export to a file at a time. */
static void
test_export_background (void)
{
  g_autoptr(GFile) example = fiscal_test_example_file ();
  FiscalWindow *window = fiscal_window_new (app);
  g_autofree char *dir = g_dir_make_tmp ("fiscal-window-background-XXXXXX", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "before.pdf", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "before.csv", NULL);
  g_autofree char *after_path = g_build_filename (dir, "after.pdf", NULL);
  g_autofree char *xlsx_path = g_build_filename (dir, "before.xlsx", NULL);
  g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  g_autoptr(GFile) after = g_file_new_for_path (after_path);
  g_autoptr(GFile) xlsx = g_file_new_for_path (xlsx_path);
  ExportResult pdf_result = { pdf, FALSE, NULL, 0 };
  ExportResult csv_result = { csv, FALSE, NULL, 0 };
  ExportResult xlsx_result = { xlsx, FALSE, NULL, 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) pages = NULL;
  g_autoptr(GString) after_pages = NULL;
  g_autofree char *text = NULL;
  g_autofree char *after_text = NULL;
  g_autofree char *csv_text = NULL;
  g_autofree char *xlsx_bytes = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(FiscalLine) line = NULL;
  gsize xlsx_length = 0;

  g_assert_true (fiscal_window_open (window, example));
  gtk_window_present (GTK_WINDOW (window));
  fiscal_test_iterate ();
  g_assert_cmpuint (fiscal_window_get_n_exports (window), ==, 0);

  g_assert_true (start_export (window, FISCAL_EXPORT_PDF, &pdf_result, &error));
  g_assert_no_error (error);
  g_assert_true (start_export (window, FISCAL_EXPORT_CSV, &csv_result, &error));
  g_assert_true (start_export (window, FISCAL_EXPORT_XLSX, &xlsx_result, &error));
  g_assert_no_error (error);

  /* One export to a file at a time. */
  g_assert_false (fiscal_window_start_export (window, FISCAL_EXPORT_PDF, pdf, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "before.pdf"));
  g_clear_error (&error);

  /* An edit at once: 100 万元 more on the first line, so that 318.10 万元
   * of 表 1 becomes 418.10. */
  line = g_list_model_get_item (fiscal_document_get_lines (fiscal_window_get_document (window)), 0);
  fiscal_line_set_amount (line, fiscal_line_get_amount (line) + 100000000);
  g_assert_cmpuint (fiscal_window_get_n_exports (window), ==, 3);

  wait_for_export (window, &pdf_result);
  wait_for_export (window, &csv_result);
  wait_for_export (window, &xlsx_result);
  g_assert_no_error (pdf_result.error);
  g_assert_no_error (csv_result.error);
  g_assert_no_error (xlsx_result.error);
  g_assert_cmpuint (fiscal_window_get_n_exports (window), ==, 0);

  text = pdf_text (pdf_path, &pages);
  g_assert_nonnull (strstr (text, "部门收支总体情况表"));
  g_assert_nonnull (strstr (text, "318.10"));
  g_assert_null (strstr (text, "418.10"));

  g_assert_true (g_file_get_contents (csv_path, &csv_text, NULL, NULL));
  g_assert_nonnull (strstr (csv_text, "318.10"));
  g_assert_null (strstr (csv_text, "418.10"));

  g_assert_true (g_file_get_contents (xlsx_path, &xlsx_bytes, &xlsx_length, NULL));
  g_assert_cmpuint (xlsx_length, >, 4);
  g_assert_cmpmem (xlsx_bytes, 4, "PK\x03\x04", 4);

  /* The next export has the edit; the same file may be exported again. */
  g_assert_true (fiscal_window_export_to (window, FISCAL_EXPORT_PDF, after, &error));
  g_assert_no_error (error);
  after_text = pdf_text (after_path, &after_pages);
  g_assert_nonnull (strstr (after_text, "418.10"));
  g_assert_true (fiscal_window_export_to (window, FISCAL_EXPORT_PDF, pdf, &error));
  g_assert_no_error (error);

  /* Nothing else was left in the folder. */
  listing = dir_listing (dir);
  g_assert_cmpstr (listing, ==, "after.pdf before.csv before.pdf before.xlsx");

  fiscal_document_undo (fiscal_window_get_document (window));
  gtk_window_destroy (GTK_WINDOW (window));
  fiscal_test_iterate ();
  remove_dir (dir);
}

static void
finalized_cb (gpointer  data,
              GObject  *where_the_object_was)
{
  *(gboolean *) data = TRUE;
}

/* Cancelling, with the toast's action, leaves the file that was there as
 * it was and no other; so does closing the window while exporting. */
static void
test_export_cancel (void)
{
  g_autoptr(GFile) example = fiscal_test_example_file ();
  FiscalWindow *window = fiscal_window_new (app);
  g_autofree char *dir = g_dir_make_tmp ("fiscal-window-cancel-XXXXXX", NULL);
  g_autofree char *old_path = g_build_filename (dir, "old.pdf", NULL);
  g_autofree char *new_path = g_build_filename (dir, "new.xlsx", NULL);
  g_autoptr(GFile) old = g_file_new_for_path (old_path);
  g_autoptr(GFile) new = g_file_new_for_path (new_path);
  g_autofree char *old_uri = g_file_get_uri (old);
  ExportResult old_result = { old, FALSE, NULL, 0 };
  ExportResult new_result = { new, FALSE, NULL, 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;
  gboolean finalized = FALSE;

  g_assert_true (g_file_set_contents (old_path, "the old file", -1, NULL));
  g_assert_true (fiscal_window_open (window, example));
  gtk_window_present (GTK_WINDOW (window));
  fiscal_test_iterate ();

  g_assert_false (fiscal_window_cancel_export (window, old));

  g_assert_true (start_export (window, FISCAL_EXPORT_PDF_CHARTS, &old_result, &error));
  g_assert_true (start_export (window, FISCAL_EXPORT_XLSX, &new_result, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-export", "s", old_uri));
  g_assert_true (fiscal_window_cancel_export (window, new));

  wait_for_export (window, &old_result);
  wait_for_export (window, &new_result);
  g_assert_error (old_result.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_error (new_result.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&old_result.error);
  g_clear_error (&new_result.error);
  g_assert_cmpuint (fiscal_window_get_n_exports (window), ==, 0);

  g_assert_true (g_file_get_contents (old_path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the old file");
  listing = dir_listing (dir);
  g_assert_cmpstr (listing, ==, "old.pdf");

  /* Closing the window cancels its exports. The window goes at once; the
   * application is busy (and held) until the export has stopped. */
  g_assert_false (g_application_get_is_busy (G_APPLICATION (app)));
  g_assert_true (fiscal_window_start_export (window, FISCAL_EXPORT_PDF_CHARTS, old, &error));
  g_assert_no_error (error);
  g_assert_true (g_application_get_is_busy (G_APPLICATION (app)));
  g_object_weak_ref (G_OBJECT (window), finalized_cb, &finalized);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (finalized);
  while (g_application_get_is_busy (G_APPLICATION (app)))
    g_main_context_iteration (NULL, TRUE);

  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (old_path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the old file");
  g_clear_pointer (&listing, g_free);
  listing = dir_listing (dir);
  g_assert_cmpstr (listing, ==, "old.pdf");

  remove_dir (dir);
}

static AdwMessageDialog *
find_message_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) &&
          gtk_window_get_transient_for (GTK_WINDOW (toplevel)) == parent)
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

/* New from Last Year links the file: with unsaved changes it asks to save
 * first, and Save goes on to the new budget's question. */
static void
test_new_from_last_year_saves_first (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = temp_copy_of_example (&dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  FiscalWindow *window = fiscal_window_new (app);
  g_autoptr(FiscalLine) line = NULL;
  AdwMessageDialog *dialog;

  g_assert_true (fiscal_window_open (window, file));
  gtk_window_present (GTK_WINDOW (window));
  line = g_list_model_get_item (fiscal_document_get_lines (fiscal_window_get_document (window)), 0);
  fiscal_line_set_amount (line, fiscal_line_get_amount (line) + 100);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-from-last-year", NULL));
  fiscal_test_iterate ();
  dialog = find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));
  g_assert_false (adw_message_dialog_has_response (dialog, "create"));

  adw_message_dialog_response (dialog, "save");
  fiscal_test_iterate ();
  g_assert_false (fiscal_document_get_modified (fiscal_window_get_document (window)));
  {
    GListModel *toplevels = gtk_window_get_toplevels ();

    dialog = NULL;
    for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
      {
        g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

        if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)) &&
            adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (toplevel), "create"))
          dialog = ADW_MESSAGE_DIALOG (toplevel);
      }
  }
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  fiscal_test_iterate ();

  gtk_window_destroy (GTK_WINDOW (window));
  fiscal_test_iterate ();
  g_remove (path);
  g_rmdir (dir);
}

/* An export that cannot write its file says so, naming the file, in a
 * dialog over the window, and leaves nothing behind. */
static void
test_export_error (void)
{
  g_autoptr(GFile) example = fiscal_test_example_file ();
  FiscalWindow *window = fiscal_window_new (app);
  g_autofree char *dir = g_dir_make_tmp ("fiscal-window-unwritable-XXXXXX", NULL);
  g_autofree char *plain = g_build_filename (dir, "plain.txt", NULL);
  /* A “folder” that is a file: no file can be made in it, even by root. */
  g_autofree char *inside = g_build_filename (plain, "out.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (inside);
  ExportResult result = { file, FALSE, NULL, 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;
  AdwMessageDialog *dialog;

  g_assert_true (g_file_set_contents (plain, "not a folder", -1, NULL));
  g_assert_true (fiscal_window_open (window, example));
  gtk_window_present (GTK_WINDOW (window));
  fiscal_test_iterate ();

  g_assert_true (start_export (window, FISCAL_EXPORT_PDF, &result, &error));
  g_assert_no_error (error);
  wait_for_export (window, &result);
  g_assert_nonnull (result.error);
  g_assert_nonnull (strstr (result.error->message, inside));

  fiscal_test_iterate ();
  dialog = find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "out.pdf"));
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, result.error->message);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_error (&result.error);

  /* A folder without write permission, where that holds (not for root). */
  if (getuid () != 0)
    {
      g_autofree char *locked = g_build_filename (dir, "locked", NULL);
      g_autofree char *target = g_build_filename (locked, "out.xlsx", NULL);
      g_autoptr(GFile) locked_file = g_file_new_for_path (target);
      ExportResult locked_result = { locked_file, FALSE, NULL, 0 };

      g_assert_cmpint (g_mkdir (locked, 0555), ==, 0);
      g_assert_true (start_export (window, FISCAL_EXPORT_XLSX, &locked_result, &error));
      wait_for_export (window, &locked_result);
      g_assert_nonnull (locked_result.error);
      g_assert_nonnull (strstr (locked_result.error->message, target));
      g_clear_error (&locked_result.error);
      fiscal_test_iterate ();
      dialog = find_message_dialog (GTK_WINDOW (window));
      g_assert_nonnull (dialog);
      gtk_window_destroy (GTK_WINDOW (dialog));
      g_assert_cmpint (g_rmdir (locked), ==, 0);
    }

  listing = dir_listing (dir);
  g_assert_cmpstr (listing, ==, "plain.txt");

  gtk_window_destroy (GTK_WINDOW (window));
  fiscal_test_iterate ();
  remove_dir (dir);
}

static void
write_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  ExportResult *write = user_data;

  if (!fiscal_export_write_finish (result, &write->error))
    g_assert_nonnull (write->error);
  write->done = TRUE;
}

/* The exporters themselves: cancelled before they start, each of them
 * returns G_IO_ERROR_CANCELLED and leaves the file that was there; one
 * that is not cancelled replaces it; a file that is not local is refused. */
static void
test_export_write_async (void)
{
  g_autoptr(FiscalDocument) doc = NULL;
  g_autoptr(FiscalDocument) prior = NULL;
  g_autoptr(GFile) example = fiscal_test_example_file ();
  g_autofree char *dir = g_dir_make_tmp ("fiscal-export-async-XXXXXX", NULL);
  static const struct { FiscalExportKind kind; const char *name; const char *magic; gsize magic_length; } kinds[] = {
    { FISCAL_EXPORT_PDF, "d.pdf", "%PDF-", 5 },
    { FISCAL_EXPORT_PDF_CHARTS, "c.pdf", "%PDF-", 5 },
    { FISCAL_EXPORT_XLSX, "d.xlsx", "PK\x03\x04", 4 },
    { FISCAL_EXPORT_CSV, "d.csv", "\xEF\xBB\xBF", 3 },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;

  doc = fiscal_document_load (example, NULL, &error);
  g_assert_no_error (error);
  prior = fiscal_document_load_prior (doc, &error);
  g_assert_no_error (error);
  g_assert_nonnull (prior);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *path = g_build_filename (dir, kinds[i].name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      ExportResult cancelled = { file, FALSE, NULL, 0 };
      ExportResult written = { file, FALSE, NULL, 0 };
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_assert_true (g_file_set_contents (path, "the old file", -1, NULL));
      g_cancellable_cancel (cancellable);
      fiscal_export_write_async (doc, prior, kinds[i].kind, file, cancellable, write_done_cb, &cancelled);
      while (!cancelled.done)
        g_main_context_iteration (NULL, TRUE);
      g_assert_error (cancelled.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&cancelled.error);
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, "the old file");
      g_clear_pointer (&contents, g_free);

      fiscal_export_write_async (doc, prior, kinds[i].kind, file, NULL, write_done_cb, &written);
      while (!written.done)
        g_main_context_iteration (NULL, TRUE);
      g_assert_no_error (written.error);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpuint (length, >, kinds[i].magic_length);
      g_assert_cmpmem (contents, kinds[i].magic_length, kinds[i].magic, kinds[i].magic_length);
    }

  listing = dir_listing (dir);
  g_assert_cmpstr (listing, ==, "c.pdf d.csv d.pdf d.xlsx");

  {
    g_autoptr(GFile) remote = g_file_new_for_uri ("sftp://example.org/d.pdf");
    ExportResult refused = { remote, FALSE, NULL, 0 };

    fiscal_export_write_async (doc, prior, FISCAL_EXPORT_PDF, remote, NULL, write_done_cb, &refused);
    while (!refused.done)
      g_main_context_iteration (NULL, TRUE);
    g_assert_error (refused.error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
    g_clear_error (&refused.error);
  }

  remove_dir (dir);
}

typedef struct
{
  gboolean  done;
  GError   *error;
} ImportResult;

static void
import_finished_cb (FiscalWindow *window,
                    GFile        *file,
                    const GError *error,
                    ImportResult *result)
{
  g_assert_false (result->done);
  result->done = TRUE;
  if (error != NULL)
    result->error = g_error_copy (error);
}

static void
wait_for_import (FiscalWindow *window,
                 ImportResult *result)
{
  while (!result->done)
    g_main_context_iteration (NULL, TRUE);
}

/* A disclosure read in the background: the window says it is reading,
 * then shows the budget and the report as the window's import does; a
 * cancelled one leaves the window empty; a text that is not a disclosure
 * is explained. */
static void
test_import_background (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "changji-liaison-2025-disclosure.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *dir = g_dir_make_tmp ("fiscal-window-import-bg-XXXXXX", NULL);
  g_autofree char *notes_path = g_build_filename (dir, "notes.txt", NULL);
  g_autoptr(GFile) notes = g_file_new_for_path (notes_path);
  FiscalWindow *window = fiscal_window_new (app);
  ImportResult result = { FALSE, NULL };
  FiscalDocument *doc;
  gulong handler;

  gtk_window_present (GTK_WINDOW (window));
  fiscal_test_iterate ();
  handler = g_signal_connect (window, "import-finished", G_CALLBACK (import_finished_cb), &result);

  /* Read through. */
  fiscal_window_start_import (window, file);
  g_assert_cmpstr (fiscal_window_get_page (window), ==, "reading");
  g_assert_null (fiscal_window_get_document (window));
  wait_for_import (window, &result);
  g_assert_no_error (result.error);
  doc = fiscal_window_get_document (window);
  g_assert_nonnull (doc);
  g_assert_cmpstr (fiscal_document_get_department_name (doc), ==, "昌吉回族自治州人民政府驻北京联络处");
  g_assert_true (fiscal_document_get_modified (doc));
  g_assert_null (fiscal_window_get_file (window));
  g_assert_cmpstr (fiscal_window_get_page (window), ==, "table");
  g_assert_nonnull (fiscal_window_get_import_report (window));
  g_assert_cmpuint (fiscal_import_report_get_n_cells (fiscal_window_get_import_report (window)), ==, 688);
  g_assert_false (fiscal_window_cancel_import (window));

  /* Stopped with the page's button. */
  result.done = FALSE;
  fiscal_document_set_saved (doc);
  fiscal_window_start_import (window, file);
  g_assert_cmpstr (fiscal_window_get_page (window), ==, "reading");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-import", NULL));
  wait_for_import (window, &result);
  g_assert_error (result.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&result.error);
  g_assert_null (fiscal_window_get_document (window));
  g_assert_null (fiscal_window_get_import_report (window));
  g_assert_cmpstr (fiscal_window_get_page (window), ==, "empty");

  /* Not a disclosure. */
  result.done = FALSE;
  g_assert_true (g_file_set_contents (notes_path, "Minutes of the meeting.\n", -1, NULL));
  fiscal_window_start_import (window, notes);
  wait_for_import (window, &result);
  g_assert_nonnull (result.error);
  g_clear_error (&result.error);
  g_assert_null (fiscal_window_get_document (window));
  g_assert_cmpstr (fiscal_window_get_page (window), ==, "error");

  g_signal_handler_disconnect (window, handler);
  gtk_window_destroy (GTK_WINDOW (window));
  fiscal_test_iterate ();
  remove_dir (dir);
}

/* The lines editor's keyboard, as in a spreadsheet. Keys go to the
 * editor's key controller as the window would send them. */

static gboolean
press (FiscalLinesView *lines,
       guint            keyval,
       GdkModifierType  state)
{
  GtkWidget *column_view = fiscal_test_find_widget (GTK_WIDGET (lines), GTK_TYPE_COLUMN_VIEW);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (column_view);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), "fiscal-cell-keys") == 0)
        {
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
          return handled;
        }
    }

  g_assert_not_reached ();
}

static void
assert_selected (FiscalLinesView *lines,
                 FiscalLine      *first,
                 FiscalLine      *second)
{
  g_autoptr(GPtrArray) selected = fiscal_lines_view_get_selected (lines);

  g_assert_cmpuint (selected->len, ==, second ? 2 : 1);
  g_assert_true (g_ptr_array_index (selected, 0) == first);
  if (second)
    g_assert_true (g_ptr_array_index (selected, 1) == second);
}

static const char *
focus_text (FiscalLinesView *lines)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (lines)));

  g_assert_true (GTK_IS_EDITABLE (focus));
  return gtk_editable_get_text (GTK_EDITABLE (focus));
}

static void
test_lines_keyboard (void)
{
  g_autoptr(GFile) file = fiscal_test_example_file ();
  FiscalWindow *window = fiscal_window_new (app);
  g_autoptr(GString) rows = g_string_new (NULL);
  g_autoptr(FiscalPasteResult) paste = NULL;
  FiscalLinesView *lines;
  FiscalDocument *doc;
  FiscalLine *first, *second, *third, *last;
  gint64 amount;
  guint n, page;

  g_assert_true (fiscal_window_open (window, file));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  fiscal_window_show_page (window, "lines");
  doc = fiscal_window_get_document (window);
  lines = FISCAL_LINES_VIEW (fiscal_test_find_widget (GTK_WIDGET (window), FISCAL_TYPE_LINES_VIEW));
  fiscal_lines_view_set_wan (lines, TRUE);

  /* Enough lines that the last ones' rows are not made until scrolled to. */
  for (guint i = 0; i < 400; i++)
    g_string_append_printf (rows, "2010350\t30205\t0.%04u\n", i + 1);
  paste = fiscal_lines_view_parse_paste (lines, rows->str);
  g_assert_cmpuint (paste->lines->len, ==, 400);
  fiscal_lines_view_insert_pasted (lines, paste);
  fiscal_test_wait_for_frame (GTK_WIDGET (lines));

  n = fiscal_lines_view_get_n_shown (lines);
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (fiscal_document_get_lines (doc)));
  first = fiscal_lines_view_get_shown (lines, 0);
  second = fiscal_lines_view_get_shown (lines, 1);
  third = fiscal_lines_view_get_shown (lines, 2);
  last = fiscal_lines_view_get_shown (lines, n - 1);

  g_assert_true (fiscal_lines_view_focus_cell (lines, first, "function"));
  fiscal_test_assert_lines_focus (lines, first, "function", FALSE);

  /* Across a row, in the order the columns are shown. */
  g_assert_true (press (lines, GDK_KEY_Right, 0));
  fiscal_test_assert_lines_focus (lines, first, "economic", FALSE);
  g_assert_true (press (lines, GDK_KEY_Right, 0));
  fiscal_test_assert_lines_focus (lines, first, "amount", FALSE);
  g_assert_true (press (lines, GDK_KEY_Left, 0));
  fiscal_test_assert_lines_focus (lines, first, "economic", FALSE);
  g_assert_true (press (lines, GDK_KEY_End, 0));
  fiscal_test_assert_lines_focus (lines, first, "note", FALSE);
  g_assert_true (press (lines, GDK_KEY_Right, 0));
  fiscal_test_assert_lines_focus (lines, first, "note", FALSE);
  g_assert_true (press (lines, GDK_KEY_Home, 0));
  fiscal_test_assert_lines_focus (lines, first, "function", FALSE);
  g_assert_true (press (lines, GDK_KEY_Tab, 0));
  fiscal_test_assert_lines_focus (lines, first, "economic", FALSE);

  /* Down the rows: the selection follows the cursor. */
  g_assert_true (press (lines, GDK_KEY_Down, 0));
  fiscal_test_assert_lines_focus (lines, second, "economic", FALSE);
  assert_selected (lines, second, NULL);
  g_assert_true (press (lines, GDK_KEY_Up, 0));
  g_assert_true (press (lines, GDK_KEY_Up, 0));
  fiscal_test_assert_lines_focus (lines, first, "economic", FALSE);
  assert_selected (lines, first, NULL);

  /* To the last line, whose row is made only once scrolled to. */
  {
    GtkWidget *column_view = fiscal_test_find_widget (GTK_WIDGET (lines), GTK_TYPE_COLUMN_VIEW);
    GtkAdjustment *vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (column_view));

    g_assert_cmpfloat (gtk_adjustment_get_value (vadj), ==, 0);
    g_assert_true (press (lines, GDK_KEY_End, GDK_CONTROL_MASK));
    fiscal_test_assert_lines_focus (lines, last, "economic", FALSE);
    /* Scrolled down to the last line. */
    for (guint frame = 0; frame < 3; frame++)
      fiscal_test_wait_for_frame (GTK_WIDGET (lines));
    g_assert_cmpfloat (gtk_adjustment_get_value (vadj) + gtk_adjustment_get_page_size (vadj), >=,
                       gtk_adjustment_get_upper (vadj) - 1);
    g_assert_cmpfloat (gtk_adjustment_get_page_size (vadj), <, gtk_adjustment_get_upper (vadj) / 4);
  }
  fiscal_test_assert_lines_focus (lines, last, "economic", FALSE);
  assert_selected (lines, last, NULL);
  g_assert_true (press (lines, GDK_KEY_Home, GDK_CONTROL_MASK));
  fiscal_test_assert_lines_focus (lines, first, "economic", FALSE);

  /* A page down moves by as many rows as are in sight, and back. */
  g_assert_true (press (lines, GDK_KEY_Page_Down, 0));
  {
    FiscalLine *line = NULL;
    g_autoptr(GPtrArray) selected = NULL;

    for (guint frame = 0; frame < 5; frame++)
      fiscal_test_wait_for_frame (GTK_WIDGET (lines));
    g_assert_true (fiscal_lines_view_get_focus_cell (lines, &line, NULL, NULL));
    for (page = 0; page < n && fiscal_lines_view_get_shown (lines, page) != line; page++)
      ;
    g_assert_cmpuint (page, >=, 10);
    g_assert_cmpuint (page, <, 60);
    selected = fiscal_lines_view_get_selected (lines);
    g_assert_cmpuint (selected->len, ==, 1);
    g_assert_true (g_ptr_array_index (selected, 0) == line);
  }
  g_assert_true (press (lines, GDK_KEY_Page_Up, 0));
  fiscal_test_assert_lines_focus (lines, first, "economic", FALSE);

  /* Typing a digit on an amount edits with that digit; Enter stores it
   * (in 万元) and moves down. */
  g_assert_true (press (lines, GDK_KEY_Right, 0));
  fiscal_test_assert_lines_focus (lines, first, "amount", FALSE);
  amount = fiscal_line_get_amount (first);
  g_assert_cmpint (amount, !=, 300000000);
  g_assert_true (press (lines, GDK_KEY_3, 0));
  fiscal_test_assert_lines_focus (lines, first, "amount", TRUE);
  g_assert_cmpstr (focus_text (lines), ==, "3");
  /* While editing, typing goes to the text. */
  g_assert_false (press (lines, GDK_KEY_0, 0));
  g_assert_cmpint (fiscal_line_get_amount (first), ==, amount);
  g_assert_true (press (lines, GDK_KEY_Return, 0));
  g_assert_cmpint (fiscal_line_get_amount (first), ==, 3000000);
  fiscal_test_assert_lines_focus (lines, second, "amount", FALSE);
  assert_selected (lines, second, NULL);
  g_assert_cmpstr (fiscal_document_get_undo_label (doc), !=, NULL);

  /* Escape cancels: the line keeps its amount, the cursor its cell. */
  amount = fiscal_line_get_amount (second);
  g_assert_true (press (lines, GDK_KEY_7, 0));
  fiscal_test_assert_lines_focus (lines, second, "amount", TRUE);
  g_assert_true (press (lines, GDK_KEY_Escape, 0));
  fiscal_test_assert_lines_focus (lines, second, "amount", FALSE);
  g_assert_cmpint (fiscal_line_get_amount (second), ==, amount);

  /* Enter edits what is there; Tab commits and moves across. */
  g_assert_true (press (lines, GDK_KEY_Return, 0));
  fiscal_test_assert_lines_focus (lines, second, "amount", TRUE);
  g_assert_true (press (lines, GDK_KEY_Escape, 0));
  g_assert_true (press (lines, GDK_KEY_2, 0));
  g_assert_true (press (lines, GDK_KEY_Tab, 0));
  g_assert_cmpint (fiscal_line_get_amount (second), ==, 2000000);
  fiscal_test_assert_lines_focus (lines, second, "kind", FALSE);

  /* A refused value keeps the cursor where it is, the line unchanged. */
  g_assert_true (press (lines, GDK_KEY_Left, 0));
  g_assert_true (press (lines, GDK_KEY_x, 0));
  g_assert_true (press (lines, GDK_KEY_Return, 0));
  g_assert_cmpint (fiscal_line_get_amount (second), ==, 2000000);
  fiscal_test_assert_lines_focus (lines, second, "amount", FALSE);

  /* Shift+Down selects two lines; Delete then removes both. */
  g_assert_true (press (lines, GDK_KEY_Down, GDK_SHIFT_MASK));
  fiscal_test_assert_lines_focus (lines, third, "amount", FALSE);
  assert_selected (lines, second, third);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (lines), "lines.delete", NULL));
  g_assert_cmpuint (fiscal_lines_view_get_n_shown (lines), ==, n - 2);
  g_assert_true (fiscal_lines_view_get_shown (lines, 1) != second);
  g_assert_true (fiscal_lines_view_get_shown (lines, 1) != third);

  gtk_window_destroy (GTK_WINDOW (window));
  fiscal_test_iterate ();
}

/* The lines editor's cells: a text field only in the cell being edited,
 * labelled by its column; a code's completion; a refused value marked on
 * its cell with the reason. */

static GtkWidget *
focus_widget (FiscalLinesView *lines)
{
  return gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (lines)));
}

static void
test_lines_cell_editor (void)
{
  g_autoptr(GFile) file = fiscal_test_example_file ();
  FiscalWindow *window = fiscal_window_new (app);
  FiscalLinesView *lines;
  FiscalLine *first, *second, *third;
  GtkWidget *editor, *cell, *popover, *list;
  GtkListBoxRow *row;
  gint64 amount;

  g_assert_true (fiscal_window_open (window, file));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  fiscal_window_show_page (window, "lines");
  lines = FISCAL_LINES_VIEW (fiscal_test_find_widget (GTK_WIDGET (window), FISCAL_TYPE_LINES_VIEW));
  fiscal_lines_view_set_wan (lines, TRUE);
  fiscal_test_wait_for_frame (GTK_WIDGET (lines));

  first = fiscal_lines_view_get_shown (lines, 0);
  second = fiscal_lines_view_get_shown (lines, 1);
  third = fiscal_lines_view_get_shown (lines, 2);
  g_assert_cmpstr (fiscal_line_get_economic (first), ==, "30101");

  /* The cursor's cell is read as its code and the code's name. */
  g_assert_true (fiscal_lines_view_focus_cell (lines, first, "economic"));
  fiscal_test_assert_lines_focus (lines, first, "economic", FALSE);
  g_assert_null (fiscal_test_lines_editor (lines));
  cell = focus_widget (lines);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, "30101 基本工资");

  /* Typing makes the one text field, in the cell, labelled by the column. */
  g_assert_true (press (lines, GDK_KEY_3, 0));
  fiscal_test_assert_lines_focus (lines, first, "economic", TRUE);
  editor = fiscal_test_lines_editor (lines);
  g_assert_nonnull (editor);
  g_assert_true (focus_widget (lines) == editor);
  g_assert_true (gtk_widget_get_parent (editor) == cell);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (editor), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Economic code"));

  /* A code begun offers the codes it begins; one taken is stored, and the
   * text field goes. */
  gtk_editable_set_text (GTK_EDITABLE (editor), "3020");
  popover = fiscal_test_find_widget (cell, GTK_TYPE_POPOVER);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  list = fiscal_test_find_widget (popover, GTK_TYPE_LIST_BOX);
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 4);
  g_assert_nonnull (row);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (row), "fiscal-code"), ==, "30205");
  g_signal_emit_by_name (list, "row-activated", row);
  g_assert_cmpstr (fiscal_line_get_economic (first), ==, "30205");
  g_assert_null (fiscal_test_lines_editor (lines));
  fiscal_test_assert_lines_focus (lines, first, "economic", FALSE);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, "30205 水费");

  /* A whole code typed: no completion; Enter stores it and moves down. */
  g_assert_true (press (lines, GDK_KEY_Return, 0));
  editor = fiscal_test_lines_editor (lines);
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor)), ==, "30205");
  gtk_editable_set_text (GTK_EDITABLE (editor), "30206");
  g_assert_false (gtk_widget_get_visible (fiscal_test_find_widget (cell, GTK_TYPE_POPOVER)));
  g_assert_true (press (lines, GDK_KEY_Return, 0));
  g_assert_cmpstr (fiscal_line_get_economic (first), ==, "30206");
  fiscal_test_assert_lines_focus (lines, second, "economic", FALSE);
  g_assert_null (fiscal_test_lines_editor (lines));

  /* Refused: the line keeps its amount, the cell says why. */
  g_assert_true (press (lines, GDK_KEY_Right, 0));
  fiscal_test_assert_lines_focus (lines, second, "amount", FALSE);
  amount = fiscal_line_get_amount (second);
  g_assert_true (press (lines, GDK_KEY_x, 0));
  g_assert_true (press (lines, GDK_KEY_Return, 0));
  g_assert_cmpint (fiscal_line_get_amount (second), ==, amount);
  fiscal_test_assert_lines_focus (lines, second, "amount", FALSE);
  cell = focus_widget (lines);
  g_assert_true (gtk_widget_has_css_class (cell, "error"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (cell));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (cell), "x"));
  g_assert_null (fiscal_test_lines_editor (lines));

  /* A value stored clears the mark. */
  g_assert_true (press (lines, GDK_KEY_5, 0));
  g_assert_true (press (lines, GDK_KEY_Return, 0));
  g_assert_cmpint (fiscal_line_get_amount (second), ==, 5000000);
  g_assert_false (gtk_widget_has_css_class (cell, "error"));
  g_assert_null (gtk_widget_get_tooltip_text (cell));
  fiscal_test_assert_lines_focus (lines, third, "amount", FALSE);

  /* Escape drops the text field and what was typed. */
  amount = fiscal_line_get_amount (third);
  g_assert_true (press (lines, GDK_KEY_7, 0));
  g_assert_nonnull (fiscal_test_lines_editor (lines));
  g_assert_true (press (lines, GDK_KEY_Escape, 0));
  g_assert_null (fiscal_test_lines_editor (lines));
  fiscal_test_assert_lines_focus (lines, third, "amount", FALSE);
  g_assert_cmpint (fiscal_line_get_amount (third), ==, amount);

  /* Leaving the cell while editing stores the edit, a moment later. */
  g_assert_true (press (lines, GDK_KEY_8, 0));
  gtk_widget_grab_focus (fiscal_test_find_widget (GTK_WIDGET (lines), GTK_TYPE_SEARCH_ENTRY));
  while (fiscal_test_lines_editor (lines) != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (fiscal_line_get_amount (third), ==, 8000000);

  gtk_window_destroy (GTK_WINDOW (window));
  fiscal_test_iterate ();
}

/* The lines editor after a change of the unit shown, 元 or 万元: the
 * amounts on screen, an amount being typed and the totals follow at once. */
static void
test_lines_unit_switch (void)
{
  g_autoptr(GFile) file = fiscal_test_example_file ();
  FiscalWindow *window = fiscal_window_new (app);
  g_autoptr(FiscalSummary) summary = NULL;
  g_autofree char *yuan = NULL;
  g_autofree char *total_yuan = NULL;
  g_autofree char *total_wan = NULL;
  g_autofree char *totals = NULL;
  FiscalLinesView *lines;
  FiscalLine *first, *second;
  gint64 fen;

  g_assert_true (fiscal_window_open (window, file));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  fiscal_window_show_page (window, "lines");
  lines = FISCAL_LINES_VIEW (fiscal_test_find_widget (GTK_WIDGET (window), FISCAL_TYPE_LINES_VIEW));
  fiscal_lines_view_set_wan (lines, TRUE);
  fiscal_test_wait_for_frame (GTK_WIDGET (lines));

  first = fiscal_lines_view_get_shown (lines, 0);
  second = fiscal_lines_view_get_shown (lines, 1);
  fen = fiscal_line_get_amount (first);
  g_assert_cmpint (fen % 1000000, !=, 0);   /* shows differently in 元 and 万元 */
  yuan = fiscal_money_format_yuan_grouped (fen);
  summary = fiscal_summary_new (fiscal_window_get_document (window));
  total_yuan = fiscal_money_format_yuan_grouped (summary->total);
  total_wan = fiscal_money_format_wan (summary->total);

  /* In 万元: the cell reads back as the amount in 万元. */
  {
    const char *shown = fiscal_lines_view_get_cell_text (lines, first, "amount");
    gint64 read;

    g_assert_nonnull (shown);
    g_assert_cmpstr (shown, !=, yuan);
    g_assert_true (fiscal_money_parse_wan (shown, &read, NULL));
    g_assert_cmpint (read, ==, fen);
  }

  /* An amount being typed in the second line, in 万元. */
  g_assert_true (fiscal_lines_view_focus_cell (lines, second, "amount"));
  fiscal_test_assert_lines_focus (lines, second, "amount", FALSE);
  g_assert_true (press (lines, GDK_KEY_3, 0));
  fiscal_test_assert_lines_focus (lines, second, "amount", TRUE);

  /* To 元: the cell shows 元 at once, without waiting for a frame; what is
   * being typed is the same amount in 元; the totals say 元. */
  fiscal_lines_view_set_wan (lines, FALSE);
  g_assert_cmpstr (fiscal_lines_view_get_cell_text (lines, first, "amount"), ==, yuan);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fiscal_test_lines_editor (lines))), ==, "30,000.00");
  totals = fiscal_lines_view_get_totals_text (lines);
  g_assert_nonnull (strstr (totals, _("(yuan)")));
  g_assert_null (strstr (totals, _("(10,000 yuan)")));
  g_assert_nonnull (strstr (totals, total_yuan));
  g_clear_pointer (&totals, g_free);

  /* Stored as typed: 3 万元. */
  g_assert_true (press (lines, GDK_KEY_Return, 0));
  g_assert_cmpint (fiscal_line_get_amount (second), ==, 3000000);
  g_assert_cmpstr (fiscal_lines_view_get_cell_text (lines, second, "amount"), ==, "30,000.00");

  /* Back to 万元. */
  g_clear_pointer (&summary, fiscal_summary_free);
  g_clear_pointer (&total_wan, g_free);
  summary = fiscal_summary_new (fiscal_window_get_document (window));
  total_wan = fiscal_money_format_wan (summary->total);
  fiscal_lines_view_set_wan (lines, TRUE);
  g_assert_cmpstr (fiscal_lines_view_get_cell_text (lines, second, "amount"), ==, "3.00");
  {
    gint64 read;

    g_assert_true (fiscal_money_parse_wan (fiscal_lines_view_get_cell_text (lines, first, "amount"), &read, NULL));
    g_assert_cmpint (read, ==, fen);
  }
  totals = fiscal_lines_view_get_totals_text (lines);
  g_assert_nonnull (strstr (totals, _("(10,000 yuan)")));
  g_assert_null (strstr (totals, _("(yuan)")));
  g_assert_nonnull (strstr (totals, total_wan));

  /* The Σ subtotals follow the unit too, and say it. */
  {
    GtkMenuButton *sigma = GTK_MENU_BUTTON (find_named (GTK_WIDGET (lines), "subtotals-button"));
    GtkPopover *popover;

    g_assert_nonnull (sigma);
    gtk_menu_button_popup (sigma);
    popover = gtk_menu_button_get_popover (sigma);
    fiscal_test_wait_for_frame (GTK_WIDGET (popover));
    g_assert_nonnull (find_styled_label (GTK_WIDGET (popover), "dim-label"));
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find_styled_label (GTK_WIDGET (popover), "dim-label"))), ==,
                     _("(10,000 yuan)"));
    fiscal_lines_view_set_wan (lines, FALSE);
    fiscal_test_iterate ();
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find_styled_label (GTK_WIDGET (popover), "dim-label"))), ==,
                     _("(yuan)"));
    gtk_popover_popdown (popover);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  fiscal_test_iterate ();
}

/* A line added (Ctrl+Enter) or duplicated (Ctrl+D) gets the cursor and
 * the selection, in the column the cursor was in. */
static void
test_lines_add_moves_cursor (void)
{
  g_autoptr(GFile) file = fiscal_test_example_file ();
  FiscalWindow *window = fiscal_window_new (app);
  FiscalLinesView *lines;
  FiscalLine *first, *added, *copy;
  guint n;
  gint64 amount;

  g_assert_true (fiscal_window_open (window, file));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  fiscal_window_show_page (window, "lines");
  lines = FISCAL_LINES_VIEW (fiscal_test_find_widget (GTK_WIDGET (window), FISCAL_TYPE_LINES_VIEW));
  fiscal_lines_view_set_wan (lines, TRUE);
  fiscal_test_wait_for_frame (GTK_WIDGET (lines));

  n = fiscal_lines_view_get_n_shown (lines);
  first = fiscal_lines_view_get_shown (lines, 0);
  amount = fiscal_line_get_amount (first);
  g_assert_cmpint (amount, !=, 7000000);
  g_assert_true (fiscal_lines_view_focus_cell (lines, first, "amount"));
  fiscal_test_assert_lines_focus (lines, first, "amount", FALSE);

  /* Ctrl+Enter: the new line, below, has the cursor and the selection. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (lines), "lines.add", NULL));
  g_assert_cmpuint (fiscal_lines_view_get_n_shown (lines), ==, n + 1);
  added = fiscal_lines_view_get_shown (lines, 1);
  g_assert_true (added != first);
  g_assert_cmpint (fiscal_line_get_amount (added), ==, 0);
  fiscal_test_assert_lines_focus (lines, added, "amount", FALSE);
  assert_selected (lines, added, NULL);

  /* What is typed next goes into the new line. */
  g_assert_true (press (lines, GDK_KEY_7, 0));
  g_assert_true (press (lines, GDK_KEY_Return, 0));
  g_assert_cmpint (fiscal_line_get_amount (added), ==, 7000000);
  g_assert_cmpint (fiscal_line_get_amount (first), ==, amount);

  /* Ctrl+D: the copy has the cursor and the selection; Delete then
   * removes the copy, not the line copied. */
  g_assert_true (fiscal_lines_view_focus_cell (lines, first, "economic"));
  g_assert_true (press (lines, GDK_KEY_Down, 0));
  g_assert_true (press (lines, GDK_KEY_Up, 0));
  fiscal_test_assert_lines_focus (lines, first, "economic", FALSE);
  assert_selected (lines, first, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (lines), "lines.duplicate", NULL));
  copy = fiscal_lines_view_get_shown (lines, 1);
  g_assert_true (copy != first && copy != added);
  g_assert_cmpint (fiscal_line_get_amount (copy), ==, amount);
  fiscal_test_assert_lines_focus (lines, copy, "economic", FALSE);
  assert_selected (lines, copy, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (lines), "lines.delete", NULL));
  g_assert_true (fiscal_lines_view_get_shown (lines, 0) == first);
  g_assert_true (fiscal_lines_view_get_shown (lines, 1) == added);

  gtk_window_destroy (GTK_WINDOW (window));
  fiscal_test_iterate ();
}

/* A kind, source, unit or project cell offers the values that match what
 * is typed, and reads the short forms a pasted cell may have; a value it
 * does not know is refused with the list of those it does. The mark of a
 * refused value goes with Escape, when the cursor moves on, and when
 * another page is shown. */
static void
test_lines_choice_cells (void)
{
  g_autoptr(GFile) file = fiscal_test_example_file ();
  FiscalWindow *window = fiscal_window_new (app);
  FiscalLinesView *lines;
  FiscalDocument *doc;
  FiscalLine *line = NULL, *below = NULL;
  GtkWidget *editor, *cell, *popover, *list;
  GtkListBoxRow *row;
  g_autofree char *error = NULL;
  guint n, i;

  g_assert_true (fiscal_window_open (window, file));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  fiscal_window_show_page (window, "lines");
  doc = fiscal_window_get_document (window);
  lines = FISCAL_LINES_VIEW (fiscal_test_find_widget (GTK_WIDGET (window), FISCAL_TYPE_LINES_VIEW));
  fiscal_test_wait_for_frame (GTK_WIDGET (lines));

  /* A line of public expenditure with a line below it, both in sight. */
  n = fiscal_lines_view_get_n_shown (lines);
  for (i = 0; i + 1 < n; i++)
    if (fiscal_line_get_kind (fiscal_lines_view_get_shown (lines, i)) == FISCAL_KIND_PUBLIC &&
        fiscal_line_get_kind (fiscal_lines_view_get_shown (lines, i + 1)) != FISCAL_KIND_PROJECT)
      {
        line = fiscal_lines_view_get_shown (lines, i);
        below = fiscal_lines_view_get_shown (lines, i + 1);
        break;
      }
  g_assert_nonnull (line);
  g_assert_cmpint (fiscal_line_get_kind (below), !=, FISCAL_KIND_PROJECT);

  /* 人员 offers 基本支出·人员经费; Enter takes it and moves down. */
  g_assert_true (fiscal_lines_view_focus_cell (lines, line, "kind"));
  fiscal_test_assert_lines_focus (lines, line, "kind", FALSE);
  cell = focus_widget (lines);
  g_assert_true (press (lines, GDK_KEY_Return, 0));
  editor = fiscal_test_lines_editor (lines);
  g_assert_nonnull (editor);
  gtk_editable_set_text (GTK_EDITABLE (editor), "人员");
  popover = fiscal_test_find_widget (cell, GTK_TYPE_POPOVER);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  list = fiscal_test_find_widget (popover, GTK_TYPE_LIST_BOX);
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  g_assert_nonnull (row);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (row), "fiscal-code"), ==, fiscal_kind_label (FISCAL_KIND_PERSONNEL));
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
  g_assert_true (press (lines, GDK_KEY_Return, 0));
  g_assert_cmpint (fiscal_line_get_kind (line), ==, FISCAL_KIND_PERSONNEL);
  fiscal_test_assert_lines_focus (lines, below, "kind", FALSE);
  g_assert_cmpstr (fiscal_lines_view_get_cell_text (lines, line, "kind"), ==, fiscal_kind_label (FISCAL_KIND_PERSONNEL));

  /* A part of an English label matches too, whatever its case. */
  g_assert_true (press (lines, GDK_KEY_Return, 0));
  editor = fiscal_test_lines_editor (lines);
  gtk_editable_set_text (GTK_EDITABLE (editor), "PUBL");
  popover = fiscal_test_find_widget (gtk_widget_get_parent (editor), GTK_TYPE_POPOVER);
  g_assert_true (gtk_widget_get_visible (popover));
  list = fiscal_test_find_widget (popover, GTK_TYPE_LIST_BOX);
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (row), "fiscal-code"), ==, fiscal_kind_label (FISCAL_KIND_PUBLIC));
  g_assert_true (press (lines, GDK_KEY_Escape, 0));
  g_assert_true (press (lines, GDK_KEY_Escape, 0));
  fiscal_test_assert_lines_focus (lines, below, "kind", FALSE);

  /* The short forms pasted cells may have, typed whole. */
  g_assert_true (fiscal_lines_view_commit (lines, line, "kind", "公用经费", &error));
  g_assert_null (error);
  g_assert_cmpint (fiscal_line_get_kind (line), ==, FISCAL_KIND_PUBLIC);
  g_assert_true (fiscal_lines_view_commit (lines, line, "kind", "人员经费", NULL));
  g_assert_cmpint (fiscal_line_get_kind (line), ==, FISCAL_KIND_PERSONNEL);
  g_assert_true (fiscal_lines_view_commit (lines, line, "source", "财政专户", NULL));
  g_assert_cmpint (fiscal_line_get_source (line), ==, FISCAL_SOURCE_SPECIAL_ACCOUNT);
  {
    g_autoptr(FiscalProject) project = g_list_model_get_item (fiscal_document_get_projects (doc), 0);
    g_autoptr(FiscalUnit) unit = g_list_model_get_item (fiscal_document_get_units (doc), 0);

    g_assert_nonnull (project);
    g_assert_true (fiscal_lines_view_commit (lines, line, "project", fiscal_project_get_name (project), NULL));
    g_assert_cmpstr (fiscal_line_get_project (line), ==, fiscal_project_get_id (project));
    g_assert_cmpint (fiscal_line_get_kind (line), ==, FISCAL_KIND_PROJECT);
    g_assert_true (fiscal_lines_view_commit (lines, line, "project", "", NULL));
    g_assert_null (fiscal_line_get_project (line));
    g_assert_true (fiscal_lines_view_commit (lines, line, "unit", fiscal_unit_get_name (unit), NULL));
    g_assert_cmpstr (fiscal_line_get_unit (line), ==, fiscal_unit_get_id (unit));
  }

  /* 人员经费 typed in the cell is taken, with one Enter. */
  g_assert_true (fiscal_lines_view_commit (lines, below, "kind", "公用", NULL));
  g_assert_true (press (lines, GDK_KEY_Return, 0));
  gtk_editable_set_text (GTK_EDITABLE (fiscal_test_lines_editor (lines)), "人员经费");
  g_assert_true (press (lines, GDK_KEY_Return, 0));
  g_assert_cmpint (fiscal_line_get_kind (below), ==, FISCAL_KIND_PERSONNEL);
  g_assert_null (fiscal_test_lines_editor (lines));

  /* An unknown value: nothing offered, refused, the valid ones listed. */
  g_assert_true (fiscal_lines_view_focus_cell (lines, below, "kind"));
  fiscal_test_assert_lines_focus (lines, below, "kind", FALSE);
  cell = focus_widget (lines);
  g_assert_true (press (lines, GDK_KEY_Return, 0));
  editor = fiscal_test_lines_editor (lines);
  gtk_editable_set_text (GTK_EDITABLE (editor), "差旅");
  g_assert_false (gtk_widget_get_visible (fiscal_test_find_widget (cell, GTK_TYPE_POPOVER)));
  g_assert_true (press (lines, GDK_KEY_Return, 0));
  g_assert_cmpint (fiscal_line_get_kind (below), ==, FISCAL_KIND_PERSONNEL);
  fiscal_test_assert_lines_focus (lines, below, "kind", FALSE);
  g_assert_true (gtk_widget_has_css_class (cell, "error"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (cell), "差旅"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (cell), fiscal_kind_label (FISCAL_KIND_PUBLIC)));
  g_assert_false (fiscal_lines_view_commit (lines, below, "source", "差旅", &error));
  g_assert_nonnull (strstr (error, fiscal_source_label (FISCAL_SOURCE_GENERAL)));

  /* Escape takes the mark away (q matches no kind, so no completion is
   * open for the first Escape to close). */
  g_assert_true (press (lines, GDK_KEY_q, 0));
  g_assert_true (press (lines, GDK_KEY_Escape, 0));
  fiscal_test_assert_lines_focus (lines, below, "kind", FALSE);
  g_assert_false (gtk_widget_has_css_class (cell, "error"));

  /* So does moving on. */
  g_assert_true (press (lines, GDK_KEY_q, 0));
  g_assert_true (press (lines, GDK_KEY_Return, 0));
  g_assert_true (gtk_widget_has_css_class (cell, "error"));
  g_assert_true (press (lines, GDK_KEY_Right, 0));
  g_assert_false (gtk_widget_has_css_class (cell, "error"));
  g_assert_null (gtk_widget_get_tooltip_text (cell));

  /* And showing another page. */
  g_assert_true (press (lines, GDK_KEY_Left, 0));
  fiscal_test_assert_lines_focus (lines, below, "kind", FALSE);
  g_assert_true (press (lines, GDK_KEY_q, 0));
  g_assert_true (press (lines, GDK_KEY_Return, 0));
  g_assert_true (gtk_widget_has_css_class (cell, "error"));
  fiscal_window_show_page (window, "overview");
  fiscal_test_iterate ();
  g_assert_false (gtk_widget_has_css_class (cell, "error"));

  gtk_window_destroy (GTK_WINDOW (window));
  fiscal_test_iterate ();
}


static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), n) != NULL)
    n++;
  return n;
}

/* The paste preview lists the lines to be added and the rows refused,
 * with their reasons, each in a list that scrolls. */
static void
test_lines_paste_preview (void)
{
  g_autoptr(GFile) file = fiscal_test_example_file ();
  FiscalWindow *window = fiscal_window_new (app);
  const char *text =
    "2010350\t30201\t1.5\n"
    "2019898\t30201\t1\n"
    "2010350\t30205\t0.25\n"
    "2010350\t30201\tabc\n"
    "2010302\t30227\t2\n";
  FiscalLinesView *lines;
  GtkWidget *dialog, *added, *refused, *label;
  GtkListBoxRow *row;
  guint n;

  g_assert_true (fiscal_window_open (window, file));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  fiscal_window_show_page (window, "lines");
  lines = FISCAL_LINES_VIEW (fiscal_test_find_widget (GTK_WIDGET (window), FISCAL_TYPE_LINES_VIEW));
  fiscal_lines_view_set_wan (lines, TRUE);
  fiscal_test_wait_for_frame (GTK_WIDGET (lines));
  n = fiscal_lines_view_get_n_shown (lines);

  dialog = fiscal_lines_view_paste_text (lines, text);
  g_assert_true (GTK_IS_WINDOW (dialog));
  fiscal_test_wait_for_frame (dialog);

  added = find_named (dialog, "paste-lines");
  refused = find_named (dialog, "paste-refused");
  g_assert_nonnull (added);
  g_assert_nonnull (refused);
  g_assert_cmpuint (count_rows (added), ==, 3);
  g_assert_cmpuint (count_rows (refused), ==, 2);
  g_assert_true (GTK_IS_SCROLLED_WINDOW (gtk_widget_get_ancestor (added, GTK_TYPE_SCROLLED_WINDOW)));
  g_assert_true (GTK_IS_SCROLLED_WINDOW (gtk_widget_get_ancestor (refused, GTK_TYPE_SCROLLED_WINDOW)));

  /* Each line with its codes and names and its amount in 万元. */
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (added), 0);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (row), "fiscal-amount"), ==, "1.50");
  label = fiscal_test_find_widget (GTK_WIDGET (row), GTK_TYPE_LABEL);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)), "2010350 "));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "30201 办公费"));
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (added), 2);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (row), "fiscal-amount"), ==, "2.00");

  /* Each row refused with its number and why. */
  {
    g_autofree char *row2 = g_strdup_printf (_("Row %u: %s"), 2, "");
    g_autofree char *row4 = g_strdup_printf (_("Row %u: %s"), 4, "");

    label = fiscal_test_find_widget (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (refused), 0)), GTK_TYPE_LABEL);
    g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)), row2));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "2019898"));
    label = fiscal_test_find_widget (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (refused), 1)), GTK_TYPE_LABEL);
    g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)), row4));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "abc"));
  }

  /* Adding adds the three. */
  g_signal_emit_by_name (gtk_window_get_default_widget (GTK_WINDOW (dialog)), "clicked");
  fiscal_test_iterate ();
  g_assert_cmpuint (fiscal_lines_view_get_n_shown (lines), ==, n + 3);

  gtk_window_destroy (GTK_WINDOW (window));
  fiscal_test_iterate ();
}

/* A project renamed shows its new name in the cells at once. */
static void
test_lines_project_renamed (void)
{
  g_autoptr(GFile) file = fiscal_test_example_file ();
  FiscalWindow *window = fiscal_window_new (app);
  FiscalLinesView *lines;
  FiscalDocument *doc;
  FiscalLine *line = NULL;
  FiscalProject *project;
  guint n;

  g_assert_true (fiscal_window_open (window, file));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  fiscal_window_show_page (window, "lines");
  doc = fiscal_window_get_document (window);
  lines = FISCAL_LINES_VIEW (fiscal_test_find_widget (GTK_WIDGET (window), FISCAL_TYPE_LINES_VIEW));
  fiscal_test_wait_for_frame (GTK_WIDGET (lines));

  n = fiscal_lines_view_get_n_shown (lines);
  for (guint i = 0; i < n && line == NULL; i++)
    if (fiscal_line_get_project (fiscal_lines_view_get_shown (lines, i)) != NULL)
      line = fiscal_lines_view_get_shown (lines, i);
  g_assert_nonnull (line);
  g_assert_true (fiscal_lines_view_focus_cell (lines, line, "project"));
  fiscal_test_assert_lines_focus (lines, line, "project", FALSE);

  project = fiscal_document_find_project (doc, fiscal_line_get_project (line));
  g_assert_nonnull (project);
  g_assert_cmpstr (fiscal_lines_view_get_cell_text (lines, line, "project"), ==, fiscal_project_get_name (project));
  fiscal_project_set_name (project, "改了名的项目");
  g_assert_cmpstr (fiscal_lines_view_get_cell_text (lines, line, "project"), ==, "改了名的项目");
  g_assert_true (fiscal_document_undo (doc));
  g_assert_cmpstr (fiscal_lines_view_get_cell_text (lines, line, "project"), !=, "改了名的项目");
  g_assert_cmpstr (fiscal_lines_view_get_cell_text (lines, line, "project"), ==, fiscal_project_get_name (project));

  gtk_window_destroy (GTK_WINDOW (window));
  fiscal_test_iterate ();
}

/* Tab from the last column goes to the next row's first cell, Shift+Tab
 * back. */
static void
test_lines_tab_wraps (void)
{
  g_autoptr(GFile) file = fiscal_test_example_file ();
  FiscalWindow *window = fiscal_window_new (app);
  FiscalLinesView *lines;
  FiscalLine *first, *second;

  g_assert_true (fiscal_window_open (window, file));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 600);
  gtk_window_present (GTK_WINDOW (window));
  fiscal_window_show_page (window, "lines");
  lines = FISCAL_LINES_VIEW (fiscal_test_find_widget (GTK_WIDGET (window), FISCAL_TYPE_LINES_VIEW));
  fiscal_test_wait_for_frame (GTK_WIDGET (lines));

  first = fiscal_lines_view_get_shown (lines, 0);
  second = fiscal_lines_view_get_shown (lines, 1);
  g_assert_true (fiscal_lines_view_focus_cell (lines, first, "note"));
  fiscal_test_assert_lines_focus (lines, first, "note", FALSE);

  g_assert_true (press (lines, GDK_KEY_Tab, 0));
  fiscal_test_assert_lines_focus (lines, second, "function", FALSE);
  assert_selected (lines, second, NULL);
  g_assert_true (press (lines, GDK_KEY_Tab, GDK_SHIFT_MASK));
  fiscal_test_assert_lines_focus (lines, first, "note", FALSE);
  assert_selected (lines, first, NULL);

  /* While editing too: the edit is stored, the cursor wraps. */
  g_assert_true (press (lines, GDK_KEY_q, 0));
  g_assert_true (press (lines, GDK_KEY_Tab, 0));
  g_assert_cmpstr (fiscal_line_get_note (first), ==, "q");
  fiscal_test_assert_lines_focus (lines, second, "function", FALSE);

  gtk_window_destroy (GTK_WINDOW (window));
  fiscal_test_iterate ();
}

/* Every control of every page, the header bar and the sidebar has a name
 * a screen reader can say, and can be reached from the keyboard. */
static void
test_accessible_names (void)
{
  static const char * const pages[] = { "overview", "lines", "projects", "table", "charts", "narrative", "checks" };
  g_autoptr(GFile) file = fiscal_test_example_file ();
  FiscalWindow *window = fiscal_window_new (app);
  g_autoptr(GString) all = g_string_new (NULL);

  g_assert_true (fiscal_window_open (window, file));
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  fiscal_test_iterate ();

  for (guint i = 0; i <= G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *faults = NULL;

      /* Last, the performance targets beside the overview. */
      if (i == G_N_ELEMENTS (pages))
        {
          fiscal_window_show_page (window, "overview");
          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-targets", NULL));
        }
      else if (g_str_equal (pages[i], "table"))
        fiscal_window_show_table (window, 7);
      else
        fiscal_window_show_page (window, pages[i]);
      fiscal_test_wait_for_frame (GTK_WIDGET (window));
      faults = control_faults (GTK_WIDGET (window));
      if (*faults)
        g_string_append_printf (all, "%s: %s; ", i < G_N_ELEMENTS (pages) ? pages[i] : "targets", faults);
    }
  g_assert_cmpstr (all->str, ==, "");

  gtk_window_destroy (GTK_WINDOW (window));
  fiscal_test_iterate ();
}

/* The glyphs a widget draws, in all its text. */
static guint
count_glyphs (GskRenderNode *node)
{
  guint n = 0;

  if (node == NULL)
    return 0;

  switch ((int) gsk_render_node_get_node_type (node))
    {
    case GSK_TEXT_NODE:
      return gsk_text_node_get_num_glyphs (node);
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        n += count_glyphs (gsk_container_node_get_child (node, i));
      return n;
    case GSK_TRANSFORM_NODE:
      return count_glyphs (gsk_transform_node_get_child (node));
    case GSK_CLIP_NODE:
      return count_glyphs (gsk_clip_node_get_child (node));
    case GSK_OPACITY_NODE:
      return count_glyphs (gsk_opacity_node_get_child (node));
    default:
      return 0;
    }
}

static guint
glyphs_drawn (GtkWidget *widget)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  return count_glyphs (node);
}

/* Whether @widget offers a tooltip where it is now. */
static gboolean
offers_tooltip (GtkWidget *widget)
{
  g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;

  g_signal_emit_by_name (widget, "query-tooltip", 2, 2, FALSE, tooltip, &shown);
  return shown;
}

/* A note of several lines shows its first line and "…"; it is read, and
 * edited, whole, and its tooltip shows it whole. */
static void
test_lines_long_note (void)
{
  g_autoptr(GFile) file = fiscal_test_example_file ();
  static const char note[] = "第一行说明\n第二行说明";
  FiscalWindow *window = fiscal_window_new (app);
  FiscalLinesView *lines;
  FiscalLine *first;
  GtkWidget *cell, *editor;

  g_assert_true (fiscal_window_open (window, file));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  fiscal_window_show_page (window, "lines");
  lines = FISCAL_LINES_VIEW (fiscal_test_find_widget (GTK_WIDGET (window), FISCAL_TYPE_LINES_VIEW));
  fiscal_test_wait_for_frame (GTK_WIDGET (lines));

  first = fiscal_lines_view_get_shown (lines, 0);
  g_assert_true (fiscal_lines_view_commit (lines, first, "note", "第一行说明", NULL));
  g_assert_true (fiscal_lines_view_focus_cell (lines, first, "note"));
  fiscal_test_assert_lines_focus (lines, first, "note", FALSE);
  cell = focus_widget (lines);
  g_assert_cmpuint (glyphs_drawn (cell), ==, 5);
  g_assert_false (offers_tooltip (cell));

  g_assert_true (fiscal_lines_view_commit (lines, first, "note", note, NULL));
  g_assert_cmpstr (fiscal_line_get_note (first), ==, note);
  fiscal_test_wait_for_frame (GTK_WIDGET (lines));
  g_assert_true (focus_widget (lines) == cell);
  /* 第一行说明 and "…" */
  g_assert_cmpuint (glyphs_drawn (cell), ==, 6);
  g_assert_true (offers_tooltip (cell));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, note);

  g_assert_true (press (lines, GDK_KEY_Return, 0));
  editor = fiscal_test_lines_editor (lines);
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor)), ==, note);
  g_assert_true (press (lines, GDK_KEY_Escape, 0));
  g_assert_cmpstr (fiscal_line_get_note (first), ==, note);

  gtk_window_destroy (GTK_WINDOW (window));
  fiscal_test_iterate ();
}

static GtkColumnViewColumn *
lines_column (GtkColumnView *view,
              const char    *title)
{
  GListModel *cols = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (cols); i++)
    {
      g_autoptr(GtkColumnViewColumn) col = g_list_model_get_item (cols, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (col), title) == 0)
        return col;
    }

  g_assert_not_reached ();
}

static FiscalWindow *
lines_window (GFile          *file,
              GtkColumnView **view)
{
  FiscalWindow *window = fiscal_window_new (app);
  GtkWidget *lines;

  g_assert_true (fiscal_window_open (window, file));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  fiscal_window_show_page (window, "lines");
  lines = fiscal_test_find_widget (GTK_WIDGET (window), FISCAL_TYPE_LINES_VIEW);
  *view = GTK_COLUMN_VIEW (fiscal_test_find_widget (lines, GTK_TYPE_COLUMN_VIEW));
  fiscal_test_wait_for_frame (lines);
  fiscal_test_wait_for_frame (lines);
  return window;
}

static void
test_lines_column_widths (void)
{
  g_autoptr(GFile) file = fiscal_test_example_file ();
  GSettings *settings = fiscal_application_get_settings (FISCAL_APPLICATION (app));
  g_autoptr(GVariant) kept = NULL;
  GtkColumnView *view;
  GtkColumnViewColumn *note, *function;
  GtkAdjustment *hadj;
  FiscalWindow *window;
  GListModel *cols;
  double upper;
  int width;

  g_assert_nonnull (settings);
  g_settings_reset (settings, "lines-column-widths");
  window = lines_window (file, &view);
  cols = gtk_column_view_get_columns (view);

  /* Every column's header edge can be dragged; the note has a width it
   * can be read in, and takes what the others leave in a wide window. */
  for (guint i = 0; i < g_list_model_get_n_items (cols); i++)
    {
      g_autoptr(GtkColumnViewColumn) col = g_list_model_get_item (cols, i);
      g_assert_true (gtk_column_view_column_get_resizable (col));
    }
  note = lines_column (view, _("Note"));
  function = lines_column (view, _("Function code"));
  g_assert_true (gtk_column_view_column_get_expand (note));
  g_assert_cmpint (gtk_column_view_column_get_fixed_width (note), ==, 240);
  g_assert_cmpint (gtk_column_view_column_get_fixed_width (function), ==, 190);
  hadj = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view));
  upper = gtk_adjustment_get_upper (hadj);

  /* Widened as a drag does: the table grows wider than the window and
   * scrolls sideways, and the widths are kept once the drag rests. */
  gtk_column_view_column_set_fixed_width (note, 900);
  gtk_column_view_column_set_fixed_width (function, 260);
  fiscal_test_wait_for_frame (GTK_WIDGET (view));
  fiscal_test_wait_for_frame (GTK_WIDGET (view));
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadj), >=, MAX (upper, gtk_adjustment_get_page_size (hadj)) + 600);
  for (guint i = 0; i < 100; i++)
    {
      g_clear_pointer (&kept, g_variant_unref);
      kept = g_settings_get_value (settings, "lines-column-widths");
      if (g_variant_n_children (kept) == 2)
        break;
      g_usleep (20000);
      fiscal_test_iterate ();
    }
  g_assert_true (g_variant_lookup (kept, "note", "i", &width));
  g_assert_cmpint (width, ==, 900);
  g_assert_true (g_variant_lookup (kept, "function", "i", &width));
  g_assert_cmpint (width, ==, 260);
  g_assert_false (g_variant_lookup (kept, "amount", "i", &width));

  /* The next window's editor has them. */
  gtk_window_destroy (GTK_WINDOW (window));
  fiscal_test_iterate ();
  window = lines_window (file, &view);
  g_assert_cmpint (gtk_column_view_column_get_fixed_width (lines_column (view, _("Note"))), ==, 900);
  g_assert_cmpint (gtk_column_view_column_get_fixed_width (lines_column (view, _("Function code"))), ==, 260);
  g_assert_cmpint (gtk_column_view_column_get_fixed_width (lines_column (view, _("Amount"))), ==, 110);

  /* A width changed and the window closed at once is kept too. */
  gtk_column_view_column_set_fixed_width (lines_column (view, _("Amount")), 140);
  gtk_window_destroy (GTK_WINDOW (window));
  fiscal_test_iterate ();
  g_clear_pointer (&kept, g_variant_unref);
  kept = g_settings_get_value (settings, "lines-column-widths");
  g_assert_true (g_variant_lookup (kept, "amount", "i", &width));
  g_assert_cmpint (width, ==, 140);

  g_settings_reset (settings, "lines-column-widths");
}

static gboolean
is_primary_menu_button (GtkWidget     *widget,
                        gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

/* The window's primary menu button. */
static GtkMenuButton *
primary_menu_button (GtkWidget *widget)
{
  return GTK_MENU_BUTTON (fiscal_test_find_widget_where (widget, is_primary_menu_button, NULL));
}

/* The item of @menu (and its sections) whose action is @action; its label
 * and target, if it has one. */
static gboolean
find_menu_item (GMenuModel  *menu,
                const char  *action,
                char       **label,
                GVariant   **target)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *item_action = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (section != NULL && find_menu_item (section, action, label, target))
        return TRUE;
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &item_action) &&
          g_str_equal (item_action, action))
        {
          if (label != NULL)
            g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", label);
          if (target != NULL)
            *target = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET, NULL);
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
is_menu_item_labelled (GtkWidget     *widget,
                       gconstpointer  label)
{
  g_autofree char *text = NULL;

  if (!G_TYPE_CHECK_INSTANCE_TYPE (widget, g_type_from_name ("GtkModelButton")))
    return FALSE;
  g_object_get (widget, "text", &text, NULL);
  return g_strcmp0 (text, label) == 0;
}

/* The button the shown menu draws for the item labelled @label. */
static GtkWidget *
find_menu_button_item (GtkWidget  *widget,
                       const char *label)
{
  return fiscal_test_find_widget_where (widget, is_menu_item_labelled, label);
}

/* A widget class action of @window's class (or its parents'). */
static gboolean
find_class_action (FiscalWindow        *window,
                   const char          *name,
                   const GVariantType **parameter_type,
                   const char         **property)
{
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (window);
  GType owner;
  const char *action;

  for (guint i = 0; gtk_widget_class_query_action (klass, i, &owner, &action, parameter_type, property); i++)
    if (g_str_equal (action, name))
      return TRUE;

  return FALSE;
}

/* “Show Amounts in 10,000 Yuan” is a check item that shows the setting. */
static void
test_menu_amounts_check (void)
{
  g_autoptr(GFile) file = fiscal_test_example_file ();
  GSettings *settings = fiscal_application_get_settings (FISCAL_APPLICATION (app));
  FiscalWindow *window;
  GtkMenuButton *button;
  GMenuModel *menu;
  g_autoptr(GVariant) target = NULL;
  const GVariantType *parameter_type;
  const char *property;
  g_autofree char *label = NULL;
  g_autofree char *unit = NULL;
  GtkWidget *item;
  int role;
  gboolean active, wan;

  /* A window made with the setting in 万元 (nothing set after). */
  g_assert_nonnull (settings);
  g_settings_set_string (settings, "amount-unit", "wan");
  window = fiscal_window_new (app);
  g_assert_true (fiscal_window_open (window, file));
  gtk_window_present (GTK_WINDOW (window));
  fiscal_test_iterate ();

  /* In the menu with no target: a check item. */
  button = primary_menu_button (GTK_WIDGET (window));
  g_assert_nonnull (button);
  menu = gtk_menu_button_get_menu_model (button);
  g_assert_true (find_menu_item (menu, "win.amounts-in-wan", &label, &target));
  g_assert_cmpstr (label, ==, _("Show Amounts in 10,000 Yuan"));
  g_assert_null (target);

  /* A stateful action without a parameter: the window's boolean
   * property. */
  g_assert_true (find_class_action (window, "win.amounts-in-wan", &parameter_type, &property));
  g_assert_null (parameter_type);
  g_assert_cmpstr (property, ==, "amounts-in-wan");
  g_assert_true (g_object_class_find_property (G_OBJECT_GET_CLASS (window), property)->value_type == G_TYPE_BOOLEAN);

  /* The shown menu draws it as a check, checked. */
  gtk_menu_button_popup (button);
  fiscal_test_iterate ();
  item = find_menu_button_item (GTK_WIDGET (gtk_menu_button_get_popover (button)), label);
  g_assert_nonnull (item);
  g_object_get (item, "role", &role, "active", &active, NULL);
  g_assert_cmpint (role, ==, 1);  /* GTK_BUTTON_ROLE_CHECK */
  g_assert_true (active);

  /* Chosen: amounts in yuan, the check goes, the setting follows; and
   * back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.amounts-in-wan", NULL));
  fiscal_test_iterate ();
  g_object_get (window, "amounts-in-wan", &wan, NULL);
  g_assert_false (wan);
  g_object_get (item, "active", &active, NULL);
  g_assert_false (active);
  unit = g_settings_get_string (settings, "amount-unit");
  g_assert_cmpstr (unit, ==, "yuan");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.amounts-in-wan", NULL));
  fiscal_test_iterate ();
  g_object_get (item, "active", &active, NULL);
  g_assert_true (active);
  gtk_menu_button_popdown (button);
  gtk_window_destroy (GTK_WINDOW (window));
  fiscal_test_iterate ();

  /* A window made with the setting in 元 shows it unchecked. */
  g_settings_set_string (settings, "amount-unit", "yuan");
  window = fiscal_window_new (app);
  g_assert_true (fiscal_window_open (window, file));
  gtk_window_present (GTK_WINDOW (window));
  fiscal_test_iterate ();
  button = primary_menu_button (GTK_WIDGET (window));
  gtk_menu_button_popup (button);
  fiscal_test_iterate ();
  item = find_menu_button_item (GTK_WIDGET (gtk_menu_button_get_popover (button)), label);
  g_object_get (item, "role", &role, "active", &active, NULL);
  g_assert_cmpint (role, ==, 1);
  g_assert_false (active);
  gtk_menu_button_popdown (button);

  g_settings_reset (settings, "amount-unit");
  gtk_window_destroy (GTK_WINDOW (window));
  fiscal_test_iterate ();
}

static gboolean
is_button_with_tooltip (GtkWidget     *widget,
                        gconstpointer  tooltip)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

/* The button inside @widget whose tooltip is @tooltip. */
static GtkWidget *
find_button_by_tooltip (GtkWidget  *widget,
                        const char *tooltip)
{
  return fiscal_test_find_widget_where (widget, is_button_with_tooltip, tooltip);
}

/* The message dialog shown over @window, if any. */
static AdwMessageDialog *
shown_message_dialog (FiscalWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)) &&
          gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window))
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

/* Clicks the button of @dialog labelled @label, as the user would. */
static void
click_response (AdwMessageDialog *dialog,
                const char       *label)
{
  GtkWidget *button = NULL;
  GtkWidget *widget = GTK_WIDGET (dialog);

  /* Depth first over the dialog's widgets. */
  while (widget != NULL && button == NULL)
    {
      if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
        button = widget;
      else if (gtk_widget_get_first_child (widget) != NULL)
        widget = gtk_widget_get_first_child (widget);
      else
        {
          while (widget != NULL && widget != GTK_WIDGET (dialog) && gtk_widget_get_next_sibling (widget) == NULL)
            widget = gtk_widget_get_parent (widget);
          widget = (widget == NULL || widget == GTK_WIDGET (dialog)) ? NULL : gtk_widget_get_next_sibling (widget);
        }
    }

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  fiscal_test_iterate ();
}

static guint
count_project_lines (FiscalDocument *doc,
                     const char     *project_id)
{
  GListModel *lines = fiscal_document_get_lines (doc);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(FiscalLine) line = g_list_model_get_item (lines, i);
      n += g_strcmp0 (fiscal_line_get_project (line), project_id) == 0;
    }

  return n;
}

/* “−” on a project with lines asks first, naming what goes; confirmed,
 * the project and its lines go as one step that undo brings back; a
 * project added after has an id of its own, no lines, and a unit; one
 * without lines goes at once. */
static void
test_projects_delete (void)
{
  g_autoptr(GFile) file = fiscal_test_example_file ();
  FiscalWindow *window = fiscal_window_new (app);
  FiscalDocument *doc;
  FiscalProjectsView *projects;
  FiscalLinesView *lines;
  FiscalProject *project, *added;
  AdwMessageDialog *dialog;
  GtkWidget *remove, *add;
  guint n_lines;

  g_assert_true (fiscal_window_open (window, file));
  gtk_window_present (GTK_WINDOW (window));
  fiscal_window_show_page (window, "projects");
  fiscal_test_iterate ();
  doc = fiscal_window_get_document (window);
  n_lines = g_list_model_get_n_items (fiscal_document_get_lines (doc));

  projects = FISCAL_PROJECTS_VIEW (fiscal_test_find_widget (GTK_WIDGET (window), FISCAL_TYPE_PROJECTS_VIEW));
  lines = FISCAL_LINES_VIEW (fiscal_projects_view_get_lines_view (projects));
  project = fiscal_projects_view_get_selected (projects);
  g_assert_cmpstr (fiscal_project_get_name (project), ==, "机构运行补助经费");
  g_assert_cmpuint (fiscal_lines_view_get_n_shown (lines), ==, 7);
  remove = find_button_by_tooltip (GTK_WIDGET (projects), _("Delete the Project"));
  add = find_button_by_tooltip (GTK_WIDGET (projects), _("Add a Project"));
  g_assert_nonnull (remove);
  g_assert_nonnull (add);

  /* Asked first: nothing is gone yet; the question names the project, its
   * lines and their sum; Delete looks destructive, Cancel is the default. */
  g_signal_emit_by_name (remove, "clicked");
  fiscal_test_iterate ();
  dialog = shown_message_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (fiscal_document_get_projects (doc)), ==, 1);
  g_assert_cmpuint (count_project_lines (doc, "p1"), ==, 7);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "机构运行补助经费"));
  {
    /* “7 lines of 173.00 (10,000 yuan)”, in the language of the run */
    g_autofree char *lines = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u line of %s (10,000 yuan)",
                                                           "%u lines of %s (10,000 yuan)", 7),
                                              7, "173.00");

    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), lines));
  }
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "delete"), ==, ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  g_assert_cmpstr (adw_message_dialog_get_close_response (dialog), ==, "cancel");

  /* Cancelled: all stays. */
  click_response (dialog, _("_Cancel"));
  g_assert_null (shown_message_dialog (window));
  g_assert_cmpuint (g_list_model_get_n_items (fiscal_document_get_projects (doc)), ==, 1);
  g_assert_cmpuint (count_project_lines (doc, "p1"), ==, 7);
  g_assert_false (fiscal_document_can_undo (doc));

  /* Confirmed: the project and its 7 lines are gone, one step. */
  g_signal_emit_by_name (remove, "clicked");
  fiscal_test_iterate ();
  dialog = shown_message_dialog (window);
  g_assert_nonnull (dialog);
  click_response (dialog, _("_Delete"));
  g_assert_cmpuint (g_list_model_get_n_items (fiscal_document_get_projects (doc)), ==, 0);
  g_assert_cmpuint (count_project_lines (doc, "p1"), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (fiscal_document_get_lines (doc)), ==, n_lines - 7);
  g_assert_null (fiscal_projects_view_get_selected (projects));
  g_assert_false (gtk_widget_get_sensitive (remove));
  g_assert_cmpstr (fiscal_document_get_undo_label (doc), ==, _("Delete Project"));

  /* Undo: both back, as they were. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  fiscal_test_iterate ();
  g_assert_false (fiscal_document_can_undo (doc));
  g_assert_true (fiscal_document_find_project (doc, "p1") == project);
  g_assert_cmpuint (count_project_lines (doc, "p1"), ==, 7);
  g_assert_cmpuint (g_list_model_get_n_items (fiscal_document_get_lines (doc)), ==, n_lines);

  /* Deleted again, then “+”: a new project with an id of its own, none of
   * the old lines, and the budget's unit. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  fiscal_test_iterate ();
  g_assert_cmpuint (count_project_lines (doc, "p1"), ==, 0);
  g_signal_emit_by_name (add, "clicked");
  fiscal_test_iterate ();
  added = fiscal_projects_view_get_selected (projects);
  g_assert_nonnull (added);
  g_assert_cmpstr (fiscal_project_get_id (added), !=, "p1");
  g_assert_cmpuint (count_project_lines (doc, fiscal_project_get_id (added)), ==, 0);
  g_assert_cmpuint (fiscal_lines_view_get_n_shown (lines), ==, 0);
  g_assert_cmpstr (fiscal_project_get_field (added, FISCAL_PROJECT_UNIT), ==, "main");

  /* Undoing the add and the delete brings p1's lines back to p1, not to
   * the new project. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  fiscal_test_iterate ();
  g_assert_cmpuint (count_project_lines (doc, "p1"), ==, 7);
  g_assert_cmpuint (count_project_lines (doc, fiscal_project_get_id (added)), ==, 0);

  /* A project without lines goes without a question, undoably. */
  added = fiscal_projects_view_add_project (projects);
  g_assert_null (fiscal_projects_view_delete_selected (projects));
  fiscal_test_iterate ();
  g_assert_null (shown_message_dialog (window));
  g_assert_cmpuint (g_list_model_get_n_items (fiscal_document_get_projects (doc)), ==, 1);
  g_assert_true (fiscal_projects_view_get_selected (projects) == project);
  g_assert_true (gtk_widget_get_sensitive (remove));
  g_assert_cmpstr (fiscal_document_get_undo_label (doc), ==, _("Delete Project"));
  g_assert_true (fiscal_document_undo (doc));
  g_assert_cmpuint (g_list_model_get_n_items (fiscal_document_get_projects (doc)), ==, 2);

  fiscal_document_set_saved (doc);
  gtk_window_destroy (GTK_WINDOW (window));
  fiscal_test_iterate ();
}

/* The project's lines editor reads amounts in the unit the window shows,
 * as the Budget Lines page does. */
static void
test_projects_amount_unit (void)
{
  g_autoptr(GFile) file = fiscal_test_example_file ();
  GSettings *settings = fiscal_application_get_settings (FISCAL_APPLICATION (app));
  FiscalWindow *window;
  FiscalProjectsView *projects;
  FiscalLinesView *lines;
  FiscalLine *line;

  g_assert_nonnull (settings);
  g_settings_set_string (settings, "amount-unit", "yuan");
  window = fiscal_window_new (app);
  g_assert_true (fiscal_window_open (window, file));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  fiscal_window_show_page (window, "projects");
  projects = FISCAL_PROJECTS_VIEW (fiscal_test_find_widget (GTK_WIDGET (window), FISCAL_TYPE_PROJECTS_VIEW));
  lines = FISCAL_LINES_VIEW (fiscal_projects_view_get_lines_view (projects));
  fiscal_test_wait_for_frame (GTK_WIDGET (lines));

  /* In 元 from the start: 100 typed is 100 元. */
  line = fiscal_lines_view_get_shown (lines, 0);
  g_assert_true (fiscal_lines_view_focus_cell (lines, line, "amount"));
  g_assert_true (press (lines, GDK_KEY_1, 0));
  g_assert_nonnull (fiscal_test_lines_editor (lines));
  gtk_editable_set_text (GTK_EDITABLE (fiscal_test_lines_editor (lines)), "100");
  g_assert_true (press (lines, GDK_KEY_Return, 0));
  g_assert_cmpint (fiscal_line_get_amount (line), ==, 10000);

  /* Switched to 万元 from the menu: 2 typed is 20,000 元. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.amounts-in-wan", NULL));
  g_assert_true (fiscal_lines_view_focus_cell (lines, line, "amount"));
  g_assert_true (press (lines, GDK_KEY_2, 0));
  g_assert_true (press (lines, GDK_KEY_Return, 0));
  g_assert_cmpint (fiscal_line_get_amount (line), ==, 2000000);

  /* And back to 元. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.amounts-in-wan", NULL));
  g_assert_true (fiscal_lines_view_focus_cell (lines, line, "amount"));
  g_assert_true (press (lines, GDK_KEY_3, 0));
  g_assert_true (press (lines, GDK_KEY_Return, 0));
  g_assert_cmpint (fiscal_line_get_amount (line), ==, 300);

  g_settings_reset (settings, "amount-unit");
  fiscal_document_set_saved (fiscal_window_get_document (window));
  gtk_window_destroy (GTK_WINDOW (window));
  fiscal_test_iterate ();
}

/* The main menu has Undo and Redo items named for the step, as the header
 * buttons' tooltips are, on the window's undo and redo actions. */
static void
test_menu_undo_items (void)
{
  g_autoptr(GFile) file = fiscal_test_example_file ();
  FiscalWindow *window = fiscal_window_new (app);
  FiscalDocument *doc;
  GMenuModel *menu;
  g_autofree char *undo = NULL;
  g_autofree char *redo = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(FiscalLine) line = NULL;
  GtkMenuButton *button;
  GtkWidget *item;
  gboolean sensitive;

  g_assert_true (fiscal_window_open (window, file));
  gtk_window_present (GTK_WINDOW (window));
  fiscal_test_iterate ();
  doc = fiscal_window_get_document (window);
  button = primary_menu_button (GTK_WIDGET (window));
  menu = gtk_menu_button_get_menu_model (button);

  /* Nothing to undo: plain names, greyed out. */
  g_assert_true (find_menu_item (menu, "win.undo", &undo, NULL));
  g_assert_cmpstr (undo, ==, _("Undo"));
  g_assert_true (find_menu_item (menu, "win.redo", &redo, NULL));
  g_assert_cmpstr (redo, ==, _("Redo"));
  gtk_menu_button_popup (button);
  fiscal_test_iterate ();
  item = find_menu_button_item (GTK_WIDGET (gtk_menu_button_get_popover (button)), _("Undo"));
  g_assert_nonnull (item);
  g_object_get (item, "sensitive", &sensitive, NULL);
  g_assert_false (sensitive);
  gtk_menu_button_popdown (button);

  /* An edit: “Undo Amount Change”, as the button's tooltip. */
  line = g_list_model_get_item (fiscal_document_get_lines (doc), 0);
  fiscal_line_set_amount (line, fiscal_line_get_amount (line) + 100);
  fiscal_test_iterate ();
  expected = g_strdup_printf (_("Undo %s"), _("Amount Change"));
  g_clear_pointer (&undo, g_free);
  g_assert_true (find_menu_item (menu, "win.undo", &undo, NULL));
  g_assert_cmpstr (undo, ==, expected);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (find_button_by_tooltip (GTK_WIDGET (window), expected)), ==, expected);
  gtk_menu_button_popup (button);
  fiscal_test_iterate ();
  item = find_menu_button_item (GTK_WIDGET (gtk_menu_button_get_popover (button)), expected);
  g_assert_nonnull (item);
  g_object_get (item, "sensitive", &sensitive, NULL);
  g_assert_true (sensitive);
  gtk_menu_button_popdown (button);

  /* A step of another kind after it renames the item (there was one to
   * undo already). */
  fiscal_line_set_note (line, "改过的备注");
  fiscal_test_iterate ();
  g_clear_pointer (&expected, g_free);
  g_clear_pointer (&undo, g_free);
  expected = g_strdup_printf (_("Undo %s"), _("Note Change"));
  g_assert_true (find_menu_item (menu, "win.undo", &undo, NULL));
  g_assert_cmpstr (undo, ==, expected);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (find_button_by_tooltip (GTK_WIDGET (window), expected)), ==, expected);

  /* Undone: the redo item names it, the undo item the step before. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  fiscal_test_iterate ();
  g_clear_pointer (&undo, g_free);
  g_clear_pointer (&redo, g_free);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf (_("Redo %s"), _("Amount Change"));
  g_assert_true (find_menu_item (menu, "win.undo", &undo, NULL));
  g_assert_cmpstr (undo, ==, _("Undo"));
  g_assert_true (find_menu_item (menu, "win.redo", &redo, NULL));
  g_assert_cmpstr (redo, ==, expected);

  gtk_window_destroy (GTK_WINDOW (window));
  fiscal_test_iterate ();
}

/* The project's unit is picked by name among the budget's units,
 * undoably. */
static void
test_projects_unit_row (void)
{
  g_autoptr(GFile) file = fiscal_test_example_file ();
  FiscalWindow *window = fiscal_window_new (app);
  g_autoptr(FiscalUnit) second = fiscal_unit_new ("u2", "下属单位");
  FiscalDocument *doc;
  FiscalProjectsView *projects;
  FiscalProject *project;
  AdwComboRow *row;
  GtkExpression *expression;
  GValue value = G_VALUE_INIT;
  g_autoptr(FiscalUnit) shown = NULL;

  g_assert_true (fiscal_window_open (window, file));
  gtk_window_present (GTK_WINDOW (window));
  fiscal_window_show_page (window, "projects");
  fiscal_test_iterate ();
  doc = fiscal_window_get_document (window);
  projects = FISCAL_PROJECTS_VIEW (fiscal_test_find_widget (GTK_WIDGET (window), FISCAL_TYPE_PROJECTS_VIEW));
  project = fiscal_projects_view_get_selected (projects);
  row = fiscal_projects_view_get_unit_row (projects);

  /* The units by name; the project's is chosen. */
  g_assert_true (adw_combo_row_get_model (row) == fiscal_document_get_units (doc));
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  shown = g_object_ref (adw_combo_row_get_selected_item (row));
  expression = adw_combo_row_get_expression (row);
  g_assert_true (gtk_expression_evaluate (expression, shown, &value));
  g_assert_cmpstr (g_value_get_string (&value), ==, "昌吉回族自治州人民政府驻北京联络处");
  g_value_unset (&value);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, _("Unit"));

  /* Another unit chosen: the project's, one step of the history. */
  fiscal_document_add_unit (doc, second);
  fiscal_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (row)), ==, 2);
  fiscal_document_clear_history (doc);
  adw_combo_row_set_selected (row, 1);
  g_assert_cmpstr (fiscal_project_get_field (project, FISCAL_PROJECT_UNIT), ==, "u2");
  g_assert_true (fiscal_document_can_undo (doc));
  g_assert_true (fiscal_document_undo (doc));
  fiscal_test_iterate ();
  g_assert_cmpstr (fiscal_project_get_field (project, FISCAL_PROJECT_UNIT), ==, "main");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  g_assert_false (fiscal_document_can_undo (doc));

  /* A new project takes the unit of the line selected among the shown
   * project's lines. */
  {
    FiscalLinesView *lines = FISCAL_LINES_VIEW (fiscal_projects_view_get_lines_view (projects));
    FiscalLine *line = fiscal_lines_view_get_shown (lines, 0);
    FiscalProject *added;

    fiscal_line_set_unit (line, "u2");
    fiscal_lines_view_select (lines, line);
    added = fiscal_projects_view_add_project (projects);
    g_assert_cmpstr (fiscal_project_get_field (added, FISCAL_PROJECT_UNIT), ==, "u2");
    g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 1);
  }

  fiscal_document_set_saved (doc);
  gtk_window_destroy (GTK_WINDOW (window));
  fiscal_test_iterate ();
}

/* The shortcut controllers of @widget hold <Control>f for @action. */
static gboolean
has_shortcut (GtkWidget  *widget,
              const char *trigger,
              const char *action)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *keys = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          GtkShortcutAction *what = gtk_shortcut_get_action (shortcut);

          if (g_str_equal (keys, trigger) && GTK_IS_NAMED_ACTION (what) &&
              g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (what)), action))
            return TRUE;
        }
    }

  return FALSE;
}

/* Whether the focus is in the filter of @lines. */
static gboolean
focus_in_filter (FiscalWindow    *window,
                 FiscalLinesView *lines)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (lines)) &&
         gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY) != NULL;
}

/* Ctrl+F is the window's: from the sidebar it reaches the filter of the
 * Budget Lines page, and on the Projects page the project's lines'. */
static void
test_find_shortcut (void)
{
  g_autoptr(GFile) file = fiscal_test_example_file ();
  FiscalWindow *window = fiscal_window_new (app);
  FiscalLinesView *lines, *project_lines;
  FiscalProjectsView *projects;
  GtkListBox *sidebar;

  g_assert_true (fiscal_window_open (window, file));
  gtk_window_present (GTK_WINDOW (window));
  fiscal_window_show_page (window, "lines");
  fiscal_test_iterate ();
  g_assert_true (has_shortcut (GTK_WIDGET (window), "<Control>f", "win.find"));
  /* Ctrl+W closes the window, as in every GNOME application. */
  g_assert_true (has_shortcut (GTK_WIDGET (window), "<Control>w", "window.close"));

  lines = FISCAL_LINES_VIEW (fiscal_test_find_widget (find_page (GTK_WIDGET (window), "lines"), FISCAL_TYPE_LINES_VIEW));
  sidebar = find_list_box (GTK_WIDGET (window));
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (sidebar, 1)));
  g_assert_false (focus_in_filter (window, lines));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL));
  fiscal_test_iterate ();
  g_assert_true (focus_in_filter (window, lines));

  /* On the Projects page: the project's lines. */
  fiscal_window_show_page (window, "projects");
  fiscal_test_iterate ();
  projects = FISCAL_PROJECTS_VIEW (fiscal_test_find_widget (GTK_WIDGET (window), FISCAL_TYPE_PROJECTS_VIEW));
  project_lines = FISCAL_LINES_VIEW (fiscal_projects_view_get_lines_view (projects));
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (sidebar, 2)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL));
  fiscal_test_iterate ();
  g_assert_true (focus_in_filter (window, project_lines));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (projects)))), ==, "projects");

  /* From a table: the Budget Lines page, its filter. */
  fiscal_window_show_table (window, 2);
  fiscal_test_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL));
  fiscal_test_iterate ();
  g_assert_true (focus_in_filter (window, lines));

  gtk_window_destroy (GTK_WINDOW (window));
  fiscal_test_iterate ();
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
  g_test_add_func ("/window/open-pages-in-turn", test_open_pages_in_turn);
  g_test_add_func ("/window/tables-follow-edits", test_tables_follow_edits);
  g_test_add_func ("/window/open-broken", test_open_broken);
  g_test_add_func ("/window/narrative-and-checks", test_narrative_and_checks);
  g_test_add_func ("/window/editors", test_editors);
  g_test_add_func ("/window/profile-form", test_profile_form);
  g_test_add_func ("/window/profile-invalid-number", test_profile_invalid_number);
  g_test_add_func ("/window/profile-undo", test_profile_undo);
  g_test_add_func ("/window/profile-vehicles", test_profile_vehicles);
  g_test_add_func ("/window/profile-labels", test_profile_labels);
  g_test_add_func ("/window/profile-paragraphs", test_profile_paragraphs);
  g_test_add_func ("/window/projects-page", test_projects_page);
  g_test_add_func ("/window/recovery-offer", test_recovery_offer);
  g_test_add_func ("/window/table-to-lines", test_table_to_lines);
  g_test_add_func ("/window/targets-panel", test_targets_panel);
  g_test_add_func ("/window/long-table", test_long_table);
  g_test_add_func ("/window/close-keeps-work", test_close_keeps_work);
  g_test_add_func ("/window/new-budget-recovery", test_new_budget_recovery);
  g_test_add_func ("/window/new-from-last-year-saves-first", test_new_from_last_year_saves_first);
  g_test_add_func ("/window/accessible-names", test_accessible_names);
  g_test_add_func ("/window/frozen-columns", test_frozen_columns);
  g_test_add_func ("/window/export-and-print", test_export_and_print);
  g_test_add_func ("/window/import-disclosure", test_import_disclosure);
  g_test_add_func ("/window/lines-keyboard", test_lines_keyboard);
  /* The meson test "window-zh" runs this under a zh_CN.UTF-8 locale. */
  if (g_getenv ("FISCAL_TEST_ZH") != NULL)
    g_test_add_func ("/window/chinese", test_chinese);
  g_test_add_func ("/window/export-background", test_export_background);
  g_test_add_func ("/window/export-cancel", test_export_cancel);
  g_test_add_func ("/window/export-error", test_export_error);
  g_test_add_func ("/window/export-write-async", test_export_write_async);
  g_test_add_func ("/window/import-background", test_import_background);
  g_test_add_func ("/window/lines-cell-editor", test_lines_cell_editor);
  g_test_add_func ("/window/lines-unit-switch", test_lines_unit_switch);
  g_test_add_func ("/window/lines-add-moves-cursor", test_lines_add_moves_cursor);
  g_test_add_func ("/window/lines-choice-cells", test_lines_choice_cells);
  g_test_add_func ("/window/lines-paste-preview", test_lines_paste_preview);
  g_test_add_func ("/window/lines-project-renamed", test_lines_project_renamed);
  g_test_add_func ("/window/lines-tab-wraps", test_lines_tab_wraps);
  g_test_add_func ("/window/lines-column-widths", test_lines_column_widths);
  g_test_add_func ("/window/lines-long-note", test_lines_long_note);
  g_test_add_func ("/window/menu-amounts-check", test_menu_amounts_check);
  g_test_add_func ("/window/projects-delete", test_projects_delete);
  g_test_add_func ("/window/projects-amount-unit", test_projects_amount_unit);
  g_test_add_func ("/window/menu-undo-items", test_menu_undo_items);
  g_test_add_func ("/window/projects-unit-row", test_projects_unit_row);
  g_test_add_func ("/window/find-shortcut", test_find_shortcut);

  ret = g_test_run ();
  g_clear_object (&app);

  return ret;
}
