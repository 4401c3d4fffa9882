/* fiscal-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-window"

#include "config.h"

#include <glib/gi18n.h>

#include "fiscal-charts-page.h"
#include "fiscal-checks-view.h"
#include "fiscal-lines-view.h"
#include "fiscal-narrative-view.h"
#include "fiscal-profile-view.h"
#include "fiscal-projects-view.h"
#include "fiscal-question.h"
#include "fiscal-table-view.h"
#include "fiscal-targets-panel.h"
#include "fiscal-window.h"
#include "fiscal-export-dialog.h"
#include "fiscal-import-report.h"

/* The sidebar: the budget's pages, the eleven tables, the review pages. */
static const struct {
  const char *name;
  const char *title;
  const char *icon;
} budget_pages[] = {
  { "overview", N_("Overview"), "user-home-symbolic" },
  { "lines", N_("Budget Lines"), "view-list-symbolic" },
  { "projects", N_("Projects"), "folder-symbolic" },
}, review_pages[] = {
  { "charts", N_("Charts"), "x-office-presentation-symbolic" },
  { "narrative", N_("Narrative"), "format-justify-left-symbolic" },
  { "checks", N_("Checks"), "emblem-ok-symbolic" },
};

#define FIRST_TABLE_ROW   G_N_ELEMENTS (budget_pages)
#define FIRST_REVIEW_ROW  (FIRST_TABLE_ROW + FISCAL_N_TABLES)

static int
page_row (const char *page)
{
  for (guint i = 0; i < G_N_ELEMENTS (budget_pages); i++)
    if (g_str_equal (page, budget_pages[i].name))
      return i;
  for (guint i = 0; i < G_N_ELEMENTS (review_pages); i++)
    if (g_str_equal (page, review_pages[i].name))
      return FIRST_REVIEW_ROW + i;
  return -1;
}

static const char *
row_page (int row)
{
  if (row >= 0 && row < (int) FIRST_TABLE_ROW)
    return budget_pages[row].name;
  if (row >= (int) FIRST_REVIEW_ROW && row < (int) (FIRST_REVIEW_ROW + G_N_ELEMENTS (review_pages)))
    return review_pages[row - FIRST_REVIEW_ROW].name;
  return NULL;
}

struct _FiscalWindow
{
  AdwApplicationWindow  parent_instance;

  FiscalDocument       *document;
  FiscalDocument       *prior;
  GFile                *file;
  GPtrArray            *findings;
  guint                 refresh_source;
  guint                 status_source;   /* says what the table's cursor cell is made of */
  guint                 stale_views;     /* StaleView: pages not given the document yet */
  guint                 settle_source;
  FiscalImportReport   *import_report;  /* when the budget was imported from a disclosure */
  char                 *import_name;
  GFile                *import_file;    /* the disclosure it was imported from */
  char                 *new_key;       /* the key of a new budget's recovery copy */
  GtkWidget            *import_dialog;  /* weak: the import report's window while it is open */
  FiscalTable          *tables[FISCAL_N_TABLES];         /* made when shown */
  guint64               tables_serial[FISCAL_N_TABLES];  /* the document's serial then */
  guint                 shown_table;

  AdwLeaflet           *leaflet;
  GtkListBox           *table_list;
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  AdwStatusPage        *error_page;
  FiscalTableView      *table_view;
  FiscalNarrativeView  *narrative_view;
  FiscalChartsPage     *charts_page;
  FiscalProfileView    *profile_view;
  FiscalLinesView      *lines_view;
  FiscalProjectsView   *projects_view;
  gboolean              close_confirmed;
  GtkWidget            *close_dialog;
  guint                 autosave_source;
  FiscalChecksView     *checks_view;
  GtkButton            *checks_button;
  GtkLabel             *checks_count;
  GtkImage             *checks_icon;
  GtkButton            *undo_button;
  GMenu                *recent_submenu;
  GMenu                *history_section;
  GtkButton            *redo_button;
  gboolean              amounts_in_wan;
  GtkLabel             *narrative_badge;
  GtkLabel             *checks_badge;
  AdwToastOverlay      *toast_overlay;
  AdwFlap              *targets_flap;
  FiscalTargetsPanel   *targets_panel;
  GPtrArray            *exports;          /* Export: those running, in order */
  GCancellable         *import_cancellable;  /* while a disclosure is read */
  AdwStatusPage        *reading_page;
};

G_DEFINE_FINAL_TYPE (FiscalWindow, fiscal_window, ADW_TYPE_APPLICATION_WINDOW)

/* An opened budget is given at once to the page shown; the other pages get
 * it when they are shown, or one by one once the window is idle, so that
 * the first frame does not wait for pages nobody looks at. */
typedef enum
{
  VIEW_PROFILE   = 1 << 0,
  VIEW_LINES     = 1 << 1,
  VIEW_PROJECTS  = 1 << 2,
  VIEW_CHARTS    = 1 << 3,
  VIEW_NARRATIVE = 1 << 4,
  VIEW_REVIEW    = 1 << 5,   /* the checks and their badges */
} StaleView;

/* The checks before the narrative and the charts, which refresh with them
 * once they have the document. */
static const StaleView view_order[] = {
  VIEW_REVIEW, VIEW_PROFILE, VIEW_LINES, VIEW_PROJECTS, VIEW_CHARTS, VIEW_NARRATIVE,
};

enum {
  PROP_0,
  PROP_AMOUNTS_IN_WAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean get_amounts_in_wan (FiscalWindow *self);
static void set_amounts_in_wan (FiscalWindow *self, gboolean wan);
static void new_from_last_year_action (GtkWidget *widget, const char *action_name, GVariant *param);

static void
fiscal_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_AMOUNTS_IN_WAN:
      g_value_set_boolean (value, get_amounts_in_wan (FISCAL_WINDOW (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fiscal_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_AMOUNTS_IN_WAN:
      set_amounts_in_wan (FISCAL_WINDOW (object), g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The sidebar names of the eleven tables. The tables themselves always
 * carry their official Chinese titles. */
static const char * const table_names[] = {
  N_("Income and expenditure overview"),
  N_("Income overview"),
  N_("Expenditure overview"),
  N_("Fiscal appropriations overview"),
  N_("General public budget expenditure"),
  N_("General public budget basic expenditure"),
  N_("General public budget project expenditure"),
  N_("Government fund budget expenditure"),
  N_("State capital budget expenditure"),
  N_("“Three public” expenditure"),
  N_("Carry-over from last year"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (table_names) == FISCAL_N_TABLES);

static void toast (FiscalWindow *self, const char *message);
static void update_title (FiscalWindow *self);
static void update_actions (FiscalWindow *self);
static void update_targets_panel (FiscalWindow *self);
static void history_changed_cb (FiscalWindow *self);
static void start_autosave (FiscalWindow *self);
static gboolean destroy_cb (gpointer data);

static GSettings *
get_settings (FiscalWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return FISCAL_IS_APPLICATION (app) ? fiscal_application_get_settings (FISCAL_APPLICATION (app)) : NULL;
}

/* Table @number of the document as it is now. A table is made only when
 * it is shown, so an edit costs the pivot of the visible table alone. */
static FiscalTable *
get_table (FiscalWindow *self,
           guint         number)
{
  guint64 serial = fiscal_document_get_serial (self->document);

  if (self->tables[number - 1] == NULL || self->tables_serial[number - 1] != serial)
    {
      g_clear_object (&self->tables[number - 1]);
      self->tables[number - 1] = fiscal_pivot_table (self->document, number);
      self->tables_serial[number - 1] = serial;
    }

  return self->tables[number - 1];
}

static void
clear_tables (FiscalWindow *self)
{
  for (guint i = 0; i < FISCAL_N_TABLES; i++)
    g_clear_object (&self->tables[i]);
}

/* Says under the table how many lines the cell with the cursor sums, and
 * what they add up to: selecting a figure tells what it is made of. */
static gboolean
update_cell_status_cb (gpointer data)
{
  FiscalWindow *self = data;
  FiscalTable *table = fiscal_table_view_get_table (self->table_view);
  g_autofree char *place = NULL;
  g_autofree char *sum_text = NULL;
  g_autofree char *text = NULL;
  GListModel *lines;
  guint row, column, n = 0;
  gint64 sum = 0;

  self->status_source = 0;

  if (self->document == NULL || table == NULL ||
      !fiscal_table_view_get_cursor (self->table_view, &row, &column) ||
      row >= fiscal_table_get_n_rows (table) || !fiscal_pivot_row_traceable (table, row))
    {
      fiscal_table_view_set_status (self->table_view, NULL);
      return G_SOURCE_REMOVE;
    }

  lines = fiscal_document_get_lines (self->document);
  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(FiscalLine) line = g_list_model_get_item (lines, i);

      if (fiscal_pivot_line_in_cell (table, row, (int) column, line))
        {
          n++;
          fiscal_money_accumulate (&sum, fiscal_line_get_amount (line));
        }
    }

  place = fiscal_pivot_describe_cell (table, row, (int) column);
  sum_text = fiscal_money_format_wan (sum);
  /* Translators: a figure of a table, the number of budget lines it sums and their total */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u line, %s (10,000 yuan). Enter shows it.",
                                       "%s: %u lines, %s (10,000 yuan). Enter shows them.", n),
                          place, n, sum_text);
  fiscal_table_view_set_status (self->table_view, text);

  return G_SOURCE_REMOVE;
}

static void
table_cursor_moved_cb (FiscalWindow *self)
{
  if (self->status_source == 0)
    self->status_source = g_idle_add (update_cell_status_cb, self);
}

static void
update_tables (FiscalWindow *self)
{
  FiscalTable *before;
  gboolean other;

  if (self->document == NULL || self->shown_table == 0 ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "table") != 0)
    return;

  before = fiscal_table_view_get_table (self->table_view);
  other = before == NULL || fiscal_table_get_number (before) != self->shown_table;

  fiscal_table_view_set_table (self->table_view, get_table (self, self->shown_table));
  /* Another table has no cell with the cursor yet; after an edit, the
   * status follows with the checks (see refresh_cb), as counting the
   * lines of a large budget takes longer than a keystroke should wait. */
  if (other)
    table_cursor_moved_cb (self);
}

static void
update_badge (GtkLabel *badge,
              guint     count)
{
  g_autofree char *text = g_strdup_printf ("%u", count);

  gtk_label_set_label (badge, text);
  gtk_widget_set_visible (GTK_WIDGET (badge), count > 0);
}

/* The findings and the narrative, made again after the edits of one main
 * loop iteration. */
static void
update_review (FiscalWindow *self)
{
  guint errors = 0, warnings = 0;
  g_autofree char *tooltip = NULL;

  g_clear_pointer (&self->findings, g_ptr_array_unref);
  if (self->document != NULL)
    self->findings = fiscal_document_validate_with_prior (self->document, self->prior);

  self->stale_views &= ~VIEW_REVIEW;
  fiscal_checks_view_set_findings (self->checks_view, self->findings);
  if (!(self->stale_views & VIEW_NARRATIVE))
    fiscal_narrative_view_refresh (self->narrative_view);
  if (!(self->stale_views & VIEW_CHARTS))
    fiscal_charts_page_refresh (self->charts_page);

  if (self->findings != NULL)
    {
      errors = fiscal_findings_count (self->findings, FISCAL_SEVERITY_ERROR);
      warnings = fiscal_findings_count (self->findings, FISCAL_SEVERITY_WARNING);
    }

  update_badge (self->checks_count, errors + warnings);
  update_badge (self->checks_badge, errors + warnings);
  if (!(self->stale_views & VIEW_NARRATIVE))
    update_badge (self->narrative_badge, fiscal_narrative_view_get_n_missing (self->narrative_view));

  gtk_widget_set_visible (GTK_WIDGET (self->checks_button), self->document != NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->checks_button), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->checks_button), "warning");
  if (errors > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->checks_button), "error");
  else if (warnings > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->checks_button), "warning");
  gtk_image_set_from_icon_name (self->checks_icon,
                                errors ? "dialog-error-symbolic"
                                : warnings ? "dialog-warning-symbolic" : "emblem-ok-symbolic");

  /* Translators: the tooltip of the header bar button that opens the checks */
  tooltip = g_strdup_printf (_("%u errors, %u warnings"), errors, warnings);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->checks_button), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->checks_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);

  update_targets_panel (self);
}

/* The rule for target weights changed: every window checks again. */
static void
weight_total_changed_cb (FiscalWindow *self,
                         const char   *key,
                         GSettings    *settings)
{
  fiscal_framework_set_weight_total (fiscal_framework_get_default (),
                                     (gint64) g_settings_get_int (settings, key) * FISCAL_DECIMAL_ONE);
  fiscal_targets_panel_refresh_weights (self->targets_panel);
  if (self->document != NULL)
    update_review (self);
}

/* The side panel shows the targets of the project selected on the Projects
 * page or of the selected line's project on the Budget Lines page, and the
 * department's everywhere else. */
static void
update_targets_panel (FiscalWindow *self)
{
  const char *page = self->document ? gtk_stack_get_visible_child_name (self->stack) : NULL;
  FiscalProject *project = NULL;

  if (g_strcmp0 (page, "projects") == 0)
    project = fiscal_projects_view_get_selected (self->projects_view);
  else if (g_strcmp0 (page, "lines") == 0)
    {
      g_autoptr(GPtrArray) lines = fiscal_lines_view_get_selected (self->lines_view);

      if (lines->len > 0)
        project = fiscal_document_find_project (self->document, fiscal_line_get_project (lines->pdata[0]));
    }

  fiscal_targets_panel_set_targets (self->targets_panel, self->document, project);
  fiscal_targets_panel_set_findings (self->targets_panel, self->findings);
}

/* Gives the document to the page of @view, if it has not got it yet. */
static void
sync_view (FiscalWindow *self,
           StaleView     view)
{
  if (!(self->stale_views & view))
    return;
  self->stale_views &= ~view;

  switch (view)
    {
    case VIEW_PROFILE:
      fiscal_profile_view_set_document (self->profile_view, self->document);
      break;
    case VIEW_LINES:
      fiscal_lines_view_set_document (self->lines_view, self->document);
      break;
    case VIEW_PROJECTS:
      fiscal_projects_view_set_document (self->projects_view, self->document);
      break;
    case VIEW_CHARTS:
      fiscal_charts_page_set_document (self->charts_page, self->document, self->prior);
      break;
    case VIEW_NARRATIVE:
      fiscal_narrative_view_set_document (self->narrative_view, self->document, self->prior);
      update_badge (self->narrative_badge, fiscal_narrative_view_get_n_missing (self->narrative_view));
      break;
    case VIEW_REVIEW:
      update_review (self);
      break;
    default:
      g_assert_not_reached ();
    }
}

static StaleView
page_view (const char *page)
{
  if (g_strcmp0 (page, "overview") == 0)
    return VIEW_PROFILE;
  if (g_strcmp0 (page, "lines") == 0)
    return VIEW_LINES;
  if (g_strcmp0 (page, "projects") == 0)
    return VIEW_PROJECTS;
  if (g_strcmp0 (page, "charts") == 0)
    return VIEW_CHARTS;
  if (g_strcmp0 (page, "narrative") == 0)
    return VIEW_NARRATIVE | VIEW_REVIEW;
  if (g_strcmp0 (page, "checks") == 0)
    return VIEW_REVIEW;
  return 0;
}

static void
sync_shown_page (FiscalWindow *self)
{
  StaleView views = page_view (gtk_stack_get_visible_child_name (self->stack));

  for (guint i = 0; i < G_N_ELEMENTS (view_order); i++)
    if (views & view_order[i])
      sync_view (self, view_order[i]);
}

/* Every page given the document: before anything reaches into one. */
static void
sync_all_views (FiscalWindow *self)
{
  g_clear_handle_id (&self->settle_source, g_source_remove);
  for (guint i = 0; i < G_N_ELEMENTS (view_order); i++)
    sync_view (self, view_order[i]);
}

static gboolean
settle_cb (gpointer data)
{
  FiscalWindow *self = data;

  /* One page for each turn of the main loop, so that input is not kept
   * waiting for all of them. */
  for (guint i = 0; i < G_N_ELEMENTS (view_order); i++)
    if (self->stale_views & view_order[i])
      {
        sync_view (self, view_order[i]);
        if (self->stale_views != 0)
          return G_SOURCE_CONTINUE;
        break;
      }

  self->settle_source = 0;
  return G_SOURCE_REMOVE;
}

static void
page_changed_cb (FiscalWindow *self)
{
  sync_shown_page (self);
  update_targets_panel (self);
}

static void
targets_flap_revealed_cb (FiscalWindow *self)
{
  if (adw_flap_get_reveal_flap (self->targets_flap))
    update_targets_panel (self);
}

static void
toggle_targets_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  FiscalWindow *self = FISCAL_WINDOW (widget);

  if (self->document != NULL)
    adw_flap_set_reveal_flap (self->targets_flap, !adw_flap_get_reveal_flap (self->targets_flap));
}

/**
 * fiscal_window_get_targets_panel:
 *
 * Returns: (transfer none): the performance-target side panel
 */
FiscalTargetsPanel *
fiscal_window_get_targets_panel (FiscalWindow *self)
{
  g_return_val_if_fail (FISCAL_IS_WINDOW (self), NULL);
  return self->targets_panel;
}

/**
 * fiscal_window_get_targets_revealed:
 *
 * Returns: whether the performance-target side panel is shown
 */
gboolean
fiscal_window_get_targets_revealed (FiscalWindow *self)
{
  g_return_val_if_fail (FISCAL_IS_WINDOW (self), FALSE);
  return adw_flap_get_reveal_flap (self->targets_flap);
}

#define REVIEW_PAUSE_LINES 10000
#define REVIEW_PAUSE_MSEC 400

static gboolean
refresh_cb (gpointer data)
{
  FiscalWindow *self = data;

  self->refresh_source = 0;
  update_review (self);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "table") == 0)
    table_cursor_moved_cb (self);

  return G_SOURCE_REMOVE;
}

static void
document_changed_cb (FiscalWindow   *self,
                     FiscalDocument *document)
{
  update_tables (self);

  /* The checks and the narrative follow when the window is idle. In a
   * very large budget, where they take longer than a keystroke should wait
   * (some 25 ms at 20,000 lines, 130 ms at 100,000), they wait for a pause
   * in the typing instead, so that each edit still shows at once in the
   * table. */
  if (g_list_model_get_n_items (fiscal_document_get_lines (document)) > REVIEW_PAUSE_LINES)
    {
      g_clear_handle_id (&self->refresh_source, g_source_remove);
      self->refresh_source = g_timeout_add_full (G_PRIORITY_DEFAULT_IDLE, REVIEW_PAUSE_MSEC, refresh_cb, self, NULL);
    }
  else if (self->refresh_source == 0)
    self->refresh_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_cb, self, NULL);
}

/* The name of the open budget: its file's, or what it is when it has
 * none. */
static char *
document_name (FiscalWindow *self)
{
  if (self->file != NULL)
    return g_file_get_basename (self->file);
  if (self->import_name != NULL)
    /* Translators: the title of a budget imported from a published disclosure */
    return g_strdup_printf (_("Imported from %s"), self->import_name);
  return g_strdup (_("New Budget"));
}

static void
update_title (FiscalWindow *self)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *name = NULL;

  if (self->document == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Fiscal"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Fiscal"));
      return;
    }

  {
    g_autofree char *base = document_name (self);

    /* A modified budget is marked as GNOME apps mark it. */
    name = fiscal_document_get_modified (self->document) ? g_strconcat ("• ", base, NULL) : g_steal_pointer (&base);
  }
  /* Translators: the department and the fiscal year of the open budget */
  subtitle = g_strdup_printf (_("%s · %d"), fiscal_document_get_department_name (self->document) ?: "",
                              fiscal_document_get_year (self->document));
  adw_window_title_set_title (self->window_title, name);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), name);
}

static void
table_row_activated_cb (FiscalWindow  *self,
                        GtkListBoxRow *row,
                        GtkListBox    *list)
{
  int index = gtk_list_box_row_get_index (row);

  if (row_page (index) != NULL)
    fiscal_window_show_page (self, row_page (index));
  else
    fiscal_window_show_table (self, index - FIRST_TABLE_ROW + 1);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
sidebar_header_func (GtkListBoxRow *row,
                     GtkListBoxRow *before,
                     gpointer       user_data)
{
  int index = gtk_list_box_row_get_index (row);
  const char *title = index == 0 ? _("Budget")
                    : index == FIRST_TABLE_ROW ? _("Disclosure Tables")
                    : index == FIRST_REVIEW_ROW ? _("Review") : NULL;
  GtkWidget *header;

  if (title == NULL)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_top (header, index ? 12 : 6);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_list_box_row_set_header (row, header);
}

static GtkLabel *
add_page_row (FiscalWindow *self,
              const char   *icon_name,
              const char   *title)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *badge = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (badge, "badge");
  gtk_widget_add_css_class (badge, "numeric");
  gtk_widget_set_visible (badge, FALSE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), badge);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_list_box_append (self->table_list, row);

  return GTK_LABEL (badge);
}

static void
back_clicked_cb (FiscalWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static GtkLabel *add_page_row (FiscalWindow *self, const char *icon_name, const char *title);

static void
populate_sidebar (FiscalWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (budget_pages); i++)
    add_page_row (self, budget_pages[i].icon, _(budget_pages[i].title));

  for (guint i = 0; i < FISCAL_N_TABLES; i++)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      GtkWidget *badge = gtk_label_new (number);
      GtkWidget *label = gtk_label_new (_(table_names[i]));

      gtk_widget_add_css_class (badge, "table-number");
      gtk_widget_add_css_class (badge, "numeric");
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (box), badge);
      gtk_box_append (GTK_BOX (box), label);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_widget_set_tooltip_text (row, fiscal_pivot_table_title (i + 1));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(table_names[i]),
                                      -1);
      gtk_list_box_append (self->table_list, row);
    }

  for (guint i = 0; i < G_N_ELEMENTS (review_pages); i++)
    {
      GtkLabel *badge = add_page_row (self, review_pages[i].icon, _(review_pages[i].title));

      if (g_str_equal (review_pages[i].name, "narrative"))
        self->narrative_badge = badge;
      else if (g_str_equal (review_pages[i].name, "checks"))
        self->checks_badge = badge;
    }
  gtk_list_box_set_header_func (self->table_list, sidebar_header_func, NULL, NULL);
}

/**
 * fiscal_window_show_page:
 * @page: "overview", "lines", "projects", "charts", "narrative" or "checks"
 *
 * Shows a page and selects it in the sidebar.
 */
void
fiscal_window_show_page (FiscalWindow *self,
                         const char   *page)
{
  GtkListBoxRow *row;

  g_return_if_fail (FISCAL_IS_WINDOW (self));
  g_return_if_fail (page != NULL && page_row (page) >= 0);

  if (self->document == NULL)
    return;

  if (self->refresh_source != 0)
    {
      g_clear_handle_id (&self->refresh_source, g_source_remove);
      update_review (self);
    }

  gtk_stack_set_visible_child_name (self->stack, page);
  row = gtk_list_box_get_row_at_index (self->table_list, page_row (page));
  if (gtk_list_box_get_selected_row (self->table_list) != row)
    gtk_list_box_select_row (self->table_list, row);
}

/**
 * fiscal_window_get_findings:
 *
 * Returns: (transfer none) (nullable) (element-type FiscalFinding): the
 *   current findings of the checks
 */
GPtrArray *
fiscal_window_get_findings (FiscalWindow *self)
{
  g_return_val_if_fail (FISCAL_IS_WINDOW (self), NULL);

  if (self->refresh_source != 0)
    {
      g_clear_handle_id (&self->refresh_source, g_source_remove);
      update_review (self);
    }
  sync_view (self, VIEW_REVIEW);

  return self->findings;
}

static void
toast (FiscalWindow *self,
       const char   *message)
{
  AdwToast *t = adw_toast_new (message);

  adw_toast_set_timeout (t, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

typedef struct
{
  FiscalWindow *window;
  char         *key;
} FocusRequest;

static gpointer
focus_request_new (FiscalWindow *window,
                   const char   *key)
{
  FocusRequest *request = g_new0 (FocusRequest, 1);

  request->window = g_object_ref (window);
  request->key = g_strdup (key);
  return request;
}

static void
focus_request_free (gpointer data)
{
  FocusRequest *request = data;

  g_object_unref (request->window);
  g_free (request->key);
  g_free (request);
}

static gboolean
refocus_slot_cb (gpointer data)
{
  FocusRequest *request = data;

  if (g_strcmp0 (fiscal_window_get_page (request->window), "narrative") == 0)
    fiscal_narrative_view_focus_slot (request->window->narrative_view, request->key);
  return G_SOURCE_REMOVE;
}

/* Goes to the place a finding names: the narrative field of a reason or
 * project text, the table of a table cell; for a line or a profile field it
 * says which one. */
static void
finding_activated_cb (FiscalWindow        *self,
                      const FiscalFinding *finding,
                      FiscalChecksView    *view)
{
  const char *where = finding->where;
  guint index;

  sync_all_views (self);
  if (g_str_has_prefix (where, "explanations."))
    {
      const char *key = where + strlen ("explanations.");

      fiscal_window_show_page (self, "narrative");
      if (!fiscal_narrative_view_focus_slot (self->narrative_view, key))
        toast (self, finding->message);
      else
        /* The page that was left may still move the focus as it goes (its
         * list keeps track of a focused row); the field takes it back once
         * the switch has settled. */
        g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refocus_slot_cb,
                         focus_request_new (self, key), focus_request_free);
      return;
    }

  /* A target finding: the side panel with the table it is about. */
  if (g_str_has_prefix (where, "targets") ||
      (sscanf (where, "projects[%u]", &index) == 1 && strstr (where, "].targets") != NULL))
    {
      if (g_str_has_prefix (where, "targets"))
        fiscal_window_show_page (self, "overview");
      else
        {
          fiscal_window_show_page (self, "projects");
          fiscal_projects_view_select (self->projects_view, index);
        }
      adw_flap_set_reveal_flap (self->targets_flap, TRUE);
      update_targets_panel (self);
      toast (self, finding->message);
      return;
    }

  if (sscanf (where, "projects[%u]", &index) == 1)
    {
      g_autoptr(FiscalProject) project = g_list_model_get_item (fiscal_document_get_projects (self->document), index);
      const char *field = strchr (where, '.');
      g_autofree char *key = NULL;

      if (project != NULL && field != NULL)
        {
          key = g_strdup_printf ("projects.%s.%s", fiscal_project_get_id (project), field + 1);
          fiscal_window_show_page (self, "narrative");
          if (fiscal_narrative_view_focus_slot (self->narrative_view, key))
            return;
        }
    }

  if (sscanf (where, "tables[%u]", &index) == 1 && index < FISCAL_N_TABLES)
    {
      fiscal_window_show_table (self, index + 1);
      return;
    }

  if (sscanf (where, "lines[%u]", &index) == 1)
    {
      g_autoptr(FiscalLine) line = g_list_model_get_item (fiscal_document_get_lines (self->document), index);

      if (line != NULL)
        {
          fiscal_window_show_page (self, "lines");
          fiscal_lines_view_set_filter_text (self->lines_view, NULL);
          fiscal_lines_view_select (self->lines_view, line);
          toast (self, finding->message);
          return;
        }
    }

  if (g_str_has_prefix (where, "profile.") || g_str_has_prefix (where, "department."))
    {
      for (int f = 0; f < FISCAL_N_PROFILE_FIELDS; f++)
        {
          const FiscalProfileFieldInfo *info = fiscal_profile_field_info (f);
          g_autofree char *path = info->group ? g_strdup_printf ("profile.%s.%s", info->group, info->key)
                                              : g_strdup_printf ("profile.%s", info->key);
          GtkWidget *row;

          if (g_str_equal (path, where) && (row = fiscal_profile_view_get_widget (self->profile_view, f)))
            {
              fiscal_window_show_page (self, "overview");
              gtk_widget_grab_focus (row);
              toast (self, finding->message);
              return;
            }
        }
    }

  toast (self, finding->message);
}

/**
 * fiscal_window_show_table:
 * @number: 1 to 11
 *
 * Shows table @number and selects it in the sidebar.
 */
void
fiscal_window_show_table (FiscalWindow *self,
                          guint         number)
{
  GtkListBoxRow *row;
  GSettings *settings;

  g_return_if_fail (FISCAL_IS_WINDOW (self));
  g_return_if_fail (number >= 1 && number <= FISCAL_N_TABLES);

  if (self->document == NULL)
    return;

  self->shown_table = number;
  fiscal_table_view_set_table (self->table_view, get_table (self, number));
  gtk_stack_set_visible_child_name (self->stack, "table");

  row = gtk_list_box_get_row_at_index (self->table_list, FIRST_TABLE_ROW + number - 1);
  if (gtk_list_box_get_selected_row (self->table_list) != row)
    gtk_list_box_select_row (self->table_list, row);

  if ((settings = get_settings (self)))
    g_settings_set_int (settings, "last-table", number);
}

guint
fiscal_window_get_shown_table (FiscalWindow *self)
{
  g_return_val_if_fail (FISCAL_IS_WINDOW (self), 0);
  return self->shown_table;
}

/**
 * fiscal_window_get_page:
 *
 * Returns: which page the window shows: "empty", "error", "table",
 *   "narrative" or "checks"
 */
const char *
fiscal_window_get_page (FiscalWindow *self)
{
  g_return_val_if_fail (FISCAL_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/* Drops the recovery copy of the new budget shown, if there is one: it
 * was saved, or closed on purpose. */
static void
forget_new_copy (FiscalWindow *self)
{
  if (self->new_key != NULL)
    fiscal_recovery_discard_new (self->new_key);
  g_clear_pointer (&self->new_key, g_free);
}

static void
set_document (FiscalWindow   *self,
              FiscalDocument *document)
{
  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->document, document_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->document, history_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->document, update_actions, self);
    }

  g_set_object (&self->document, document);
  g_clear_object (&self->prior);
  clear_tables (self);

  /* A budget without a file has its recovery copy under a key of its own. */
  forget_new_copy (self);
  if (document != NULL && fiscal_document_get_file (document) == NULL)
    self->new_key = g_uuid_string_random ();
  g_clear_handle_id (&self->refresh_source, g_source_remove);

  if (document != NULL)
    {
      g_autoptr(GError) error = NULL;

      g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb),
                               self, G_CONNECT_SWAPPED);
      self->prior = fiscal_document_load_prior (document, &error);
      if (error != NULL)
        {
          g_autofree char *message = g_strdup_printf (_("Last year’s budget cannot be read: %s"), error->message);
          toast (self, message);
        }
    }

  g_clear_handle_id (&self->settle_source, g_source_remove);
  self->stale_views = VIEW_PROFILE | VIEW_LINES | VIEW_PROJECTS | VIEW_CHARTS | VIEW_NARRATIVE | VIEW_REVIEW;
  if (document == NULL)
    sync_all_views (self);
  else
    {
      sync_shown_page (self);
      self->settle_source = g_idle_add_full (G_PRIORITY_LOW, settle_cb, self, NULL);
    }
  if (document != NULL)
    {
      g_signal_connect_object (document, "notify::modified", G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::can-undo", G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::can-redo", G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);
      /* The subtitle names the department and the year. */
      g_signal_connect_object (document, "notify::department-name", G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::year", G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);
      /* A new step renames Undo without changing whether there is one. */
      g_signal_connect_object (document, "changed", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->table_list), document != NULL);
  update_title (self);
  update_actions (self);
  start_autosave (self);
}

static gboolean
autosave_cb (gpointer data)
{
  FiscalWindow *self = data;
  g_autoptr(GError) error = NULL;

  if (self->document == NULL)
    return G_SOURCE_CONTINUE;

  if (fiscal_document_get_file (self->document) == NULL)
    {
      if (self->new_key == NULL)
        ;
      else if (!fiscal_document_get_modified (self->document))
        fiscal_recovery_discard_new (self->new_key);
      else if (!fiscal_recovery_write_new (self->document, self->new_key, &error))
        g_warning ("Could not write the recovery copy: %s", error->message);
      return G_SOURCE_CONTINUE;
    }

  /* Changes undone back to the saved budget leave nothing to recover. */
  if (!fiscal_document_get_modified (self->document))
    fiscal_recovery_discard (fiscal_document_get_file (self->document));
  else if (!fiscal_recovery_write (self->document, &error))
    g_warning ("Could not write the recovery copy: %s", error->message);

  return G_SOURCE_CONTINUE;
}

static void
start_autosave (FiscalWindow *self)
{
  GSettings *settings = get_settings (self);
  guint interval = settings ? g_settings_get_uint (settings, "autosave-interval") : 60;

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  if (self->document != NULL && interval > 0)
    self->autosave_source = g_timeout_add_seconds (interval, autosave_cb, self);
}

/**
 * fiscal_window_autosave_now:
 *
 * Writes the recovery copy now, as the timer does every minute.
 */
void
fiscal_window_autosave_now (FiscalWindow *self)
{
  g_return_if_fail (FISCAL_IS_WINDOW (self));
  autosave_cb (self);
}

static void
recovery_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      FiscalWindow     *self)
{
  FiscalDocument *recovered = g_object_get_data (G_OBJECT (dialog), "fiscal-recovered");

  if (g_str_equal (response, "recover"))
    {
      set_document (self, recovered);
      fiscal_window_show_page (self, "lines");
    }
  else if (self->file != NULL)
    fiscal_recovery_discard (self->file);
}

/**
 * fiscal_window_offer_recovery:
 *
 * Returns: (transfer none) (nullable): the dialog offering the recovery
 *   copy of the window's file, or %NULL when there is none
 */
GtkWidget *
fiscal_window_offer_recovery (FiscalWindow *self)
{
  g_autoptr(GDateTime) written = NULL;
  FiscalDocument *recovered;
  g_autofree char *when = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_return_val_if_fail (FISCAL_IS_WINDOW (self), NULL);

  if (self->file == NULL || !(recovered = fiscal_recovery_find (self->file, &written)))
    return NULL;

  when = written ? g_date_time_format (written, "%Y-%m-%d %H:%M") : g_strdup ("?");
  body = g_strdup_printf (_("Fiscal kept a copy of this budget with changes that were never saved (%s). Recover them, or open the budget as it was last saved?"),
                          when);
  dialog = fiscal_question_new (GTK_WINDOW (self), _("Recover Unsaved Changes?"), body,
                                "discard", _("Open _Saved Version"), "recover", _("_Recover"),
                                ADW_RESPONSE_SUGGESTED);
  g_object_set_data_full (G_OBJECT (dialog), "fiscal-recovered", recovered, g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (recovery_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

/**
 * fiscal_window_open:
 *
 * Opens @file in this window. A file that cannot be read leaves the window
 * showing why, with the file untouched.
 *
 * Returns: %TRUE if the budget was opened
 */
/* A published disclosure (a PDF, or its text) is imported rather than
 * opened; the first bytes tell. */
static gboolean
file_is_disclosure (GFile *file)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  char head[256];
  gsize length = 0;

  if (stream == NULL)
    return FALSE;   /* the loader says why it cannot be read */
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head, &length, NULL, NULL))
    return FALSE;

  return fiscal_bytes_are_disclosure (head, length);
}

static void
show_failure (FiscalWindow *self,
              const char   *title,
              const char   *name,
              const char   *message)
{
  set_document (self, NULL);
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, message);
  gtk_window_set_title (GTK_WINDOW (self), name);
  adw_window_title_set_title (self->window_title, name);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

/* The report's window shows the published tables the report keeps: it
 * goes with the report. */
static void
forget_import (FiscalWindow *self)
{
  if (self->import_dialog != NULL)
    {
      GtkWidget *dialog = self->import_dialog;

      g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->import_dialog);
      self->import_dialog = NULL;
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
  g_clear_pointer (&self->import_report, fiscal_import_report_free);
  g_clear_pointer (&self->import_name, g_free);
  g_clear_object (&self->import_file);
}

/* From a published figure to what makes the rebuilt one: the lines behind
 * it, or its table when no lines are behind one cell (a total). */
static void
figure_activated_cb (FiscalWindow *self,
                     guint         number,
                     guint         row,
                     int           column)
{
  FiscalTable *table = get_table (self, number);

  gtk_window_present (GTK_WINDOW (self));
  if (row != G_MAXUINT && column >= 0 && fiscal_pivot_row_traceable (table, row))
    {
      fiscal_window_show_page (self, "lines");
      fiscal_lines_view_set_cell_filter (self->lines_view, table, row, column);
    }
  else
    fiscal_window_show_table (self, number);
}

/**
 * fiscal_window_show_import_report:
 *
 * Shows the report of the import the budget came from.
 *
 * Returns: (transfer none) (nullable): the report's window
 */
GtkWidget *
fiscal_window_show_import_report (FiscalWindow *self)
{
  GtkWidget *dialog;

  g_return_val_if_fail (FISCAL_IS_WINDOW (self), NULL);

  if (self->import_report == NULL)
    return NULL;

  if (self->import_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->import_dialog));
      return self->import_dialog;
    }

  dialog = fiscal_import_report_dialog_new (GTK_WINDOW (self), self->import_file, self->import_report, self->document);
  g_signal_connect_object (fiscal_import_report_dialog_get_figures (dialog), "figure-activated",
                           G_CALLBACK (figure_activated_cb), self, G_CONNECT_SWAPPED);
  self->import_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->import_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
show_import_report_action (GtkWidget *widget, const char *name, GVariant *param)
{
  fiscal_window_show_import_report (FISCAL_WINDOW (widget));
}

static gboolean
offer_import_report_cb (gpointer data)
{
  fiscal_window_show_import_report (data);
  return G_SOURCE_REMOVE;
}

/* The report comes up over the window once the window is on screen. */
static void
offer_import_report (FiscalWindow *self)
{
  g_signal_handlers_disconnect_by_func (self, offer_import_report, NULL);
  g_idle_add_full (G_PRIORITY_LOW, offer_import_report_cb, g_object_ref (self), g_object_unref);
}

static gboolean show_import (FiscalWindow       *self,
                             GFile              *file,
                             FiscalDocument     *document,
                             FiscalImportReport *report,
                             const GError       *error);

/**
 * fiscal_window_import:
 *
 * Reads the published disclosure in @file (a PDF or its text), rebuilds
 * the budget it publishes and shows it, unsaved, with the report of what
 * was inferred and what the publication contradicts. The file read is
 * never written: saving asks for a budget file.
 *
 * Returns: whether a budget could be rebuilt
 */
gboolean
fiscal_window_import (FiscalWindow *self,
                      GFile        *file)
{
  g_autoptr(FiscalDocument) document = NULL;
  g_autoptr(FiscalImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (FISCAL_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  g_clear_object (&self->file);
  forget_import (self);

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "wait");
  document = fiscal_import_file (file, NULL, &report, &error);
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);

  return show_import (self, file, document, g_steal_pointer (&report), error);
}

/* Shows what reading the disclosure @file gave: the budget rebuilt and
 * the report, or why none could be. */
/* @report: (transfer full) (nullable) */
static gboolean
show_import (FiscalWindow       *self,
             GFile              *file,
             FiscalDocument     *document,
             FiscalImportReport *report,
             const GError       *error)
{
  g_autofree char *name = g_file_get_basename (file);

  if (document == NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Could Not Import “%s”"), name);

      show_failure (self, title, name, error->message);
      g_clear_pointer (&report, fiscal_import_report_free);
      return FALSE;
    }

  forget_import (self);
  self->import_report = report;
  self->import_name = g_strdup (name);
  /* Nothing the window writes may be it (inputs_guard()). */
  self->import_file = g_object_ref (file);

  /* Not saved anywhere yet: closing asks, saving asks where. */
  fiscal_document_mark_unsaved (document);
  set_document (self, document);
  fiscal_window_show_table (self, 1);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    offer_import_report (self);
  else
    g_signal_connect (self, "map", G_CALLBACK (offer_import_report), NULL);

  return TRUE;
}

/**
 * fiscal_window_get_import_report:
 *
 * Returns: (transfer none) (nullable): the report of the import the budget
 *   came from, or %NULL for a budget opened from its file
 */
FiscalImportReport *
fiscal_window_get_import_report (FiscalWindow *self)
{
  g_return_val_if_fail (FISCAL_IS_WINDOW (self), NULL);
  return self->import_report;
}

/* Reading a disclosure in the background: the file is read, parsed and
 * audited on a thread of its own while the window shows that it is
 * reading, with a button to stop; the budget is shown when it is ready. */

enum {
  IMPORT_FINISHED,
  N_IMPORT_SIGNALS
};

static guint import_signals[N_IMPORT_SIGNALS];

typedef struct
{
  FiscalWindow       *window;   /* weak */
  GFile              *file;
  FiscalDocument     *document;
  FiscalImportReport *report;
} Import;

static void
import_free (gpointer data)
{
  Import *import = data;

  g_clear_weak_pointer (&import->window);
  g_clear_object (&import->file);
  g_clear_object (&import->document);
  g_clear_pointer (&import->report, fiscal_import_report_free);
  g_free (import);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Import *import = task_data;
  g_autoptr(GError) error = NULL;

  import->document = fiscal_import_file (import->file, cancellable, &import->report, &error);
  if (import->document == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else if (!g_task_return_error_if_cancelled (task))
    g_task_return_boolean (task, TRUE);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Import *import = g_task_get_task_data (G_TASK (result));
  FiscalWindow *self = import->window;
  g_autoptr(GError) error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);

  /* Closed, or another file opened meanwhile. */
  if (self == NULL || self->import_cancellable != g_task_get_cancellable (G_TASK (result)))
    return;

  g_clear_object (&self->import_cancellable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", FALSE);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      set_document (self, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      update_title (self);
    }
  else if (error != NULL)
    show_import (self, import->file, NULL, NULL, error);
  else
    show_import (self, import->file, g_steal_pointer (&import->document), g_steal_pointer (&import->report), NULL);

  g_signal_emit (self, import_signals[IMPORT_FINISHED], 0, import->file, error);
}

/**
 * fiscal_window_start_import:
 *
 * As fiscal_window_import(), but reads @file on a thread of its own: the
 * window shows that it is reading, with a button that stops it, and stays
 * responsive; #FiscalWindow::import-finished is emitted when the budget
 * (or why there is none) is shown.
 */
void
fiscal_window_start_import (FiscalWindow *self,
                            GFile        *file)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  Import *import;

  g_return_if_fail (FISCAL_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  g_clear_object (&self->file);
  forget_import (self);
  set_document (self, NULL);

  name = g_file_get_basename (file);
  /* Translators: %s is the name of the published disclosure being read */
  title = g_strdup_printf (_("Reading “%s”…"), name);
  adw_status_page_set_title (self->reading_page, title);
  gtk_window_set_title (GTK_WINDOW (self), name);
  adw_window_title_set_title (self->window_title, name);
  gtk_stack_set_visible_child_name (self->stack, "reading");

  self->import_cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", TRUE);

  import = g_new0 (Import, 1);
  g_set_weak_pointer (&import->window, self);
  import->file = g_object_ref (file);

  task = g_task_new (NULL, self->import_cancellable, import_done_cb, NULL);
  g_task_set_source_tag (task, fiscal_window_start_import);
  g_task_set_name (task, "[fiscal] import");
  g_task_set_task_data (task, import, import_free);
  g_task_run_in_thread (task, import_thread);
}

/**
 * fiscal_window_cancel_import:
 *
 * Stops reading the disclosure fiscal_window_start_import() is reading;
 * the window is left empty.
 *
 * Returns: whether one was being read
 */
gboolean
fiscal_window_cancel_import (FiscalWindow *self)
{
  g_return_val_if_fail (FISCAL_IS_WINDOW (self), FALSE);

  if (self->import_cancellable == NULL)
    return FALSE;

  g_cancellable_cancel (self->import_cancellable);
  return TRUE;
}

static void
cancel_import_action (GtkWidget *widget, const char *name, GVariant *param)
{
  fiscal_window_cancel_import (FISCAL_WINDOW (widget));
}

/**
 * fiscal_window_open_file:
 *
 * Opens @file as the user does (Open, drag and drop, the command line): a
 * budget at once, a published disclosure read and rebuilt in the
 * background (fiscal_window_start_import()).
 */
void
fiscal_window_open_file (FiscalWindow *self,
                         GFile        *file)
{
  g_return_if_fail (FISCAL_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (file_is_disclosure (file))
    fiscal_window_start_import (self, file);
  else
    fiscal_window_open (self, file);
}

static void
add_reading_page (FiscalWindow *self)
{
  GtkWidget *page = adw_status_page_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_accessible_update_property (GTK_ACCESSIBLE (spinner),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reading the disclosure"), -1);
  gtk_widget_set_halign (cancel, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (cancel, "pill");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "win.cancel-import");
  gtk_accessible_update_property (GTK_ACCESSIBLE (cancel),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Stop reading the disclosure"), -1);
  gtk_box_append (GTK_BOX (box), spinner);
  gtk_box_append (GTK_BOX (box), cancel);
  adw_status_page_set_description (ADW_STATUS_PAGE (page),
                                   _("The published tables are read and checked against each other."));
  adw_status_page_set_child (ADW_STATUS_PAGE (page), box);
  gtk_stack_add_named (self->stack, page, "reading");
  self->reading_page = ADW_STATUS_PAGE (page);
}

gboolean
fiscal_window_open (FiscalWindow *self,
                    GFile        *file)
{
  g_autoptr(FiscalDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GSettings *settings;
  guint number = 1;

  g_return_val_if_fail (FISCAL_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* What is opened now takes the place of a disclosure still being read. */
  fiscal_window_cancel_import (self);
  g_clear_object (&self->import_cancellable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", FALSE);
  forget_import (self);

  if (file_is_disclosure (file))
    return fiscal_window_import (self, file);

  g_set_object (&self->file, file);
  document = fiscal_document_load (file, NULL, &error);

  if (document == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *title = g_strdup_printf (_("Could Not Open “%s”"), name);

      show_failure (self, title, name, error->message);
      g_debug ("Failed to open: %s", error->message);
      return FALSE;
    }

  set_document (self, document);
  fiscal_application_add_recent (FISCAL_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), file);

  if ((settings = get_settings (self)))
    number = CLAMP (g_settings_get_int (settings, "last-table"), 1, FISCAL_N_TABLES);
  fiscal_window_show_table (self, number);

  /* After a crash, the unsaved changes are offered back. */
  if (gtk_widget_get_realized (GTK_WIDGET (self)))
    fiscal_window_offer_recovery (self);
  else
    g_signal_connect (self, "realize", G_CALLBACK (fiscal_window_offer_recovery), NULL);

  return TRUE;
}

/**
 * fiscal_window_get_file:
 *
 * Returns: (transfer none) (nullable): the file the window shows
 */
GFile *
fiscal_window_get_file (FiscalWindow *self)
{
  g_return_val_if_fail (FISCAL_IS_WINDOW (self), NULL);
  return self->file;
}

/**
 * fiscal_window_get_document:
 *
 * Returns: (transfer none) (nullable): the open budget
 */
FiscalDocument *
fiscal_window_get_document (FiscalWindow *self)
{
  g_return_val_if_fail (FISCAL_IS_WINDOW (self), NULL);
  return self->document;
}

static void
open_response_cb (FiscalWindow         *self,
                  int                   response,
                  GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))))
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

      if (self->document == NULL)
        fiscal_window_open_file (self, file);
      else
        g_application_open (G_APPLICATION (app), &file, 1, "");
    }

  g_object_unref (chooser);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  FiscalWindow *self = FISCAL_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) budgets = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) disclosures = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open Budget"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (budgets, _("Fiscal budgets"));
  gtk_file_filter_add_pattern (budgets, "*.fiscal.json");
  gtk_file_filter_add_mime_type (budgets, "application/x-fiscal-budget+json");
  gtk_file_filter_set_name (disclosures, _("Published disclosures (PDF or text)"));
  gtk_file_filter_add_mime_type (disclosures, "application/pdf");
  gtk_file_filter_add_mime_type (disclosures, "text/plain");
  gtk_file_filter_add_pattern (disclosures, "*.pdf");
  gtk_file_filter_add_pattern (disclosures, "*.txt");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), budgets);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), disclosures);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  g_signal_connect_swapped (chooser, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
show_table_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  FiscalWindow *self = FISCAL_WINDOW (widget);

  fiscal_window_show_table (self, g_variant_get_uint32 (param));
  /* Alt+N goes to the table's cells, for the arrow keys. */
  gtk_widget_grab_focus (GTK_WIDGET (self->table_view));
}

/* Sets the label of the item at @position of the history section, when it
 * changed: a menu item cannot change, so a new one takes its place. */
static void
set_history_item (FiscalWindow *self,
                  guint         position,
                  const char   *label,
                  const char   *action)
{
  GMenuModel *model = G_MENU_MODEL (self->history_section);
  g_autofree char *old = NULL;
  g_autoptr(GMenuItem) item = NULL;

  if ((int) position < g_menu_model_get_n_items (model))
    {
      if (g_menu_model_get_item_attribute (model, position, G_MENU_ATTRIBUTE_LABEL, "s", &old) &&
          g_str_equal (old, label))
        return;
      g_menu_remove (self->history_section, position);
    }

  item = g_menu_item_new (label, action);
  g_menu_insert_item (self->history_section, position, item);
}

/* The Undo and Redo items of the main menu name the step, as the header
 * buttons' tooltips do; the actions' state makes them insensitive when
 * there is nothing to undo or redo. */
static void
update_history_menu (FiscalWindow *self,
                     const char   *undo,
                     const char   *redo)
{
  set_history_item (self, 0, undo, "win.undo");
  set_history_item (self, 1, redo, "win.redo");
}

static void
update_actions (FiscalWindow *self)
{
  FiscalDocument *doc = self->document;
  g_autofree char *undo = NULL;
  g_autofree char *redo = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", doc && fiscal_document_can_undo (doc));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", doc && fiscal_document_can_redo (doc));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", doc != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find", doc != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", doc != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-from-last-year", doc != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", doc != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", doc != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-import-report", self->import_report != NULL);

  /* The tooltips name the step, as “Undo Amount Change”. */
  if (doc && fiscal_document_get_undo_label (doc))
    undo = g_strdup_printf (_("Undo %s"), fiscal_document_get_undo_label (doc));
  if (doc && fiscal_document_get_redo_label (doc))
    redo = g_strdup_printf (_("Redo %s"), fiscal_document_get_redo_label (doc));
  update_history_menu (self, undo ? undo : _("Undo"), redo ? redo : _("Redo"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->undo_button), undo ? undo : _("Undo"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->redo_button), redo ? redo : _("Redo"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->undo_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, undo ? undo : _("Undo"),
                                  GTK_ACCESSIBLE_PROPERTY_KEY_SHORTCUTS, "Control+z", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->redo_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, redo ? redo : _("Redo"),
                                  GTK_ACCESSIBLE_PROPERTY_KEY_SHORTCUTS, "Control+Shift+z", -1);
}

static void
history_changed_cb (FiscalWindow *self)
{
  update_title (self);
  update_actions (self);
}

/* Ctrl+F from anywhere in the window: the filter of the lines editor of
 * the page shown — the project's lines on the Projects page, the Budget
 * Lines page's otherwise (shown first if another page is). */
static void
find_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  FiscalWindow *self = FISCAL_WINDOW (widget);
  GtkWidget *lines;

  if (self->document == NULL)
    return;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "projects") == 0)
    lines = fiscal_projects_view_get_lines_view (self->projects_view);
  else
    {
      fiscal_window_show_page (self, "lines");
      lines = GTK_WIDGET (self->lines_view);
    }

  /* The lines editor's own action, the one its Ctrl+F runs. */
  gtk_widget_activate_action (lines, "lines.find", NULL);
}

static void
undo_action (GtkWidget *widget, const char *name, GVariant *param)
{
  FiscalWindow *self = FISCAL_WINDOW (widget);

  if (self->document)
    fiscal_document_undo (self->document);
  update_actions (self);
}

static void
redo_action (GtkWidget *widget, const char *name, GVariant *param)
{
  FiscalWindow *self = FISCAL_WINDOW (widget);

  if (self->document)
    fiscal_document_redo (self->document);
  update_actions (self);
}

/* The files the window reads, which nothing it writes may be: its
 * budget's (unless @with_budget is FALSE: a save writes that one), the
 * prior year's, and the disclosure it was imported from. */
static FiscalOutputGuard *
inputs_guard (FiscalWindow *self,
              gboolean      with_budget)
{
  FiscalOutputGuard *guard = fiscal_output_guard_new ();

  if (with_budget)
    {
      fiscal_output_guard_add_file (guard, self->file, FISCAL_INPUT_BUDGET);
      fiscal_output_guard_add_document (guard, self->document, FISCAL_INPUT_BUDGET);
    }
  fiscal_output_guard_add_document (guard, self->prior, FISCAL_INPUT_PRIOR);
  fiscal_output_guard_add_file (guard, self->import_file, FISCAL_INPUT_DISCLOSURE);

  return guard;
}

/**
 * fiscal_window_save_to:
 *
 * Saves the budget to @file and makes it the window's file. It is never
 * saved over its prior year's file nor over the disclosure it was
 * imported from; over another file only as the file chooser asked.
 *
 * Returns: %TRUE if saved; otherwise the window says why
 */
gboolean
fiscal_window_save_to (FiscalWindow *self,
                       GFile        *file)
{
  g_autoptr(FiscalOutputGuard) guard = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (FISCAL_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->document != NULL, FALSE);

  guard = inputs_guard (self, FALSE);
  if (!fiscal_output_guard_check_file (guard, file, FISCAL_OUTPUT_FORCE, &error) ||
      !fiscal_document_save (self->document, file, NULL, &error))
    {
      /* The error says which file and why. */
      AdwToast *t = adw_toast_new (error->message);

      /* Nothing is lost: the changes stay, and can go elsewhere; a budget
       * that is not valid is mended first, and the checks list where. */
      adw_toast_set_timeout (t, 0);
      if (error->domain == FISCAL_ERROR)
        {
          adw_toast_set_button_label (t, _("Show _Checks"));
          adw_toast_set_detailed_action_name (t, "win.show-page::checks");
        }
      else
        {
          adw_toast_set_button_label (t, _("Save _As…"));
          adw_toast_set_action_name (t, "win.save-as");
        }
      adw_toast_overlay_add_toast (self->toast_overlay, t);
      return FALSE;
    }

  g_set_object (&self->file, file);
  fiscal_recovery_discard (file);
  forget_new_copy (self);
  if (FISCAL_IS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))))
    fiscal_application_add_recent (FISCAL_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), file);
  update_title (self);
  return TRUE;
}

static void
save_as_response_cb (FiscalWindow         *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))))
    {
      if (fiscal_window_save_to (self, file) && self->close_confirmed)
        g_idle_add_full (G_PRIORITY_DEFAULT, destroy_cb, g_object_ref (self), g_object_unref);
    }

  self->close_confirmed = FALSE;
  g_object_unref (chooser);
}

static void
save_as_action (GtkWidget *widget, const char *name, GVariant *param)
{
  FiscalWindow *self = FISCAL_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *suggested = NULL;

  chooser = gtk_file_chooser_native_new (_("Save Budget"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  suggested = g_strdup_printf ("%s-%d.fiscal.json", fiscal_document_get_department_name (self->document) ?: _("budget"),
                               fiscal_document_get_year (self->document));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  g_signal_connect_swapped (chooser, "response", G_CALLBACK (save_as_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Exports run on a thread of their own, from a copy of the budget taken
 * when they start, so the window goes on drawing and the budget can be
 * edited meanwhile. A toast says one is running, with a button to cancel
 * it; another says when the file is written. Closing the window cancels
 * its exports: a cancelled export leaves the file as it was. */

enum {
  EXPORT_FINISHED,
  N_WINDOW_SIGNALS
};

static guint window_signals[N_WINDOW_SIGNALS];

typedef struct
{
  FiscalWindow      *window;       /* weak: NULL once the window is gone */
  GApplication      *application;  /* held, and busy, while the export runs */
  GFile             *file;
  GCancellable      *cancellable;
  AdwToast          *toast;        /* “Exporting …” */
  FiscalExportKind   kind;
} Export;

static void
export_free (Export *export)
{
  if (export->application != NULL)
    {
      g_application_unmark_busy (export->application);
      g_application_release (export->application);
    }
  g_clear_object (&export->application);
  g_clear_weak_pointer (&export->window);
  g_clear_object (&export->file);
  g_clear_object (&export->cancellable);
  g_clear_object (&export->toast);
  g_free (export);
}

static Export *
find_export (FiscalWindow *self,
             GFile        *file)
{
  for (guint i = 0; self->exports != NULL && i < self->exports->len; i++)
    {
      Export *export = g_ptr_array_index (self->exports, i);

      if (g_file_equal (export->file, file))
        return export;
    }

  return NULL;
}

static void
show_export_error (FiscalWindow *self,
                   GFile        *file,
                   const GError *error)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  /* Translators: %s is the name of the file that could not be written */
  heading = g_strdup_printf (_("Could Not Export “%s”"), basename);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Export *export = user_data;
  FiscalWindow *self = export->window;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_file_get_basename (export->file);
  g_autofree char *message = NULL;
  gboolean ok = fiscal_export_write_finish (result, &error);

  /* The window was closed meanwhile: nothing to show. */
  if (self == NULL || self->exports == NULL || !g_ptr_array_remove (self->exports, export))
    {
      export_free (export);
      return;
    }

  adw_toast_dismiss (export->toast);

  if (ok)
    {
      g_autofree char *uri = g_file_get_uri (export->file);
      AdwToast *done;

      /* Translators: %s is the name of the file written */
      message = g_strdup_printf (_("Exported to “%s”"), basename);
      done = adw_toast_new (message);
      adw_toast_set_button_label (done, _("_Open"));
      adw_toast_set_action_name (done, "win.show-file");
      adw_toast_set_action_target_value (done, g_variant_new_string (uri));
      adw_toast_overlay_add_toast (self->toast_overlay, done);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Translators: %s is the name of the file that was not written */
      message = g_strdup_printf (_("Export to “%s” cancelled"), basename);
      toast (self, message);
    }
  else
    show_export_error (self, export->file, error);

  g_signal_emit (self, window_signals[EXPORT_FINISHED], 0, export->file, ok ? NULL : error);
  export_free (export);
}

/**
 * fiscal_window_start_export:
 *
 * Starts writing the window's budget as @kind to @file, with the prior
 * year the budget links to, on a thread of its own; the budget may be
 * edited meanwhile, the file holds it as it is now. The window shows that
 * the export runs, with a button that cancels it, and says when it is
 * done or why it failed; #FiscalWindow::export-finished is emitted then.
 *
 * Returns: %TRUE if started; %FALSE with %G_IO_ERROR_BUSY when @file is
 *   being exported already, or with %FISCAL_ERROR_OUTPUT_IS_INPUT or
 *   %FISCAL_ERROR_OUTPUT_EXISTS when @file is the budget's, its prior
 *   year's, the disclosure it was imported from, or another budget
 */
gboolean
fiscal_window_start_export (FiscalWindow      *self,
                            FiscalExportKind   kind,
                            GFile             *file,
                            GError           **error)
{
  g_autoptr(FiscalOutputGuard) guard = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *message = NULL;
  Export *export;

  g_return_val_if_fail (FISCAL_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->document != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* The file chooser asked before replacing a file, but not whether it is
   * one the budget is read from, or a budget at all. */
  guard = inputs_guard (self, TRUE);
  if (!fiscal_output_guard_check_file (guard, file, FISCAL_OUTPUT_DEFAULT, error))
    return FALSE;

  basename = g_file_get_basename (file);
  if (find_export (self, file) != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                   _("“%s” is being exported already; wait for it to finish or cancel it"), basename);
      return FALSE;
    }

  export = g_new0 (Export, 1);
  g_set_weak_pointer (&export->window, self);
  export->file = g_object_ref (file);
  export->kind = kind;
  export->cancellable = g_cancellable_new ();
  export->application = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  if (export->application != NULL)
    {
      /* Quitting waits until the thread has finished or cleaned up. */
      g_object_ref (export->application);
      g_application_hold (export->application);
      g_application_mark_busy (export->application);
    }

  uri = g_file_get_uri (file);
  /* Translators: %s is the name of the file being written */
  message = g_strdup_printf (_("Exporting “%s”…"), basename);
  export->toast = adw_toast_new (message);
  adw_toast_set_timeout (export->toast, 0);
  adw_toast_set_button_label (export->toast, _("_Cancel"));
  adw_toast_set_action_name (export->toast, "win.cancel-export");
  adw_toast_set_action_target_value (export->toast, g_variant_new_string (uri));
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (export->toast));

  if (self->exports == NULL)
    self->exports = g_ptr_array_new ();
  g_ptr_array_add (self->exports, export);

  fiscal_export_write_async (self->document, self->prior, kind, file, export->cancellable,
                             export_done_cb, export);
  return TRUE;
}

/**
 * fiscal_window_cancel_export:
 *
 * Cancels the export to @file, if one runs: it stops at the next page or
 * sheet and leaves @file as it was.
 *
 * Returns: whether an export to @file was running
 */
gboolean
fiscal_window_cancel_export (FiscalWindow *self,
                             GFile        *file)
{
  Export *export;

  g_return_val_if_fail (FISCAL_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if ((export = find_export (self, file)) == NULL)
    return FALSE;

  g_cancellable_cancel (export->cancellable);
  return TRUE;
}

/**
 * fiscal_window_get_n_exports:
 *
 * Returns: how many exports of this window are running
 */
guint
fiscal_window_get_n_exports (FiscalWindow *self)
{
  g_return_val_if_fail (FISCAL_IS_WINDOW (self), 0);
  return self->exports ? self->exports->len : 0;
}

static void
cancel_export_action (GtkWidget *widget, const char *name, GVariant *param)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  fiscal_window_cancel_export (FISCAL_WINDOW (widget), file);
}

typedef struct
{
  gboolean  done;
  GError   *error;
  GFile    *file;
} ExportWait;

static void
export_wait_cb (FiscalWindow *self,
                GFile        *file,
                const GError *error,
                ExportWait   *wait)
{
  if (!g_file_equal (file, wait->file))
    return;
  wait->done = TRUE;
  if (error != NULL)
    wait->error = g_error_copy (error);
}

/**
 * fiscal_window_export_to:
 *
 * Exports as fiscal_window_start_export() does and runs the main loop
 * until the file is written; for scripts and tests.
 *
 * Returns: %TRUE if written, or %FALSE with @error set
 */
gboolean
fiscal_window_export_to (FiscalWindow      *self,
                         FiscalExportKind   kind,
                         GFile             *file,
                         GError           **error)
{
  ExportWait wait = { FALSE, NULL, file };
  gulong handler;

  g_return_val_if_fail (FISCAL_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->document != NULL, FALSE);

  if (!fiscal_window_start_export (self, kind, file, error))
    return FALSE;

  handler = g_signal_connect (self, "export-finished", G_CALLBACK (export_wait_cb), &wait);
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (self, handler);

  if (wait.error != NULL)
    {
      g_propagate_error (error, wait.error);
      return FALSE;
    }

  return TRUE;
}

static void
export_chosen_cb (GFile            *file,
                  FiscalExportKind  kind,
                  gpointer          user_data)
{
  FiscalWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (self->document != NULL && !fiscal_window_start_export (self, kind, file, &error))
    {
      /* Refused: said as a failed export is. */
      if (error->domain == FISCAL_ERROR)
        show_export_error (self, file, error);
      else
        toast (self, error->message);
    }
  g_object_unref (self);
}

static void
export_action (GtkWidget *widget, const char *name, GVariant *param)
{
  FiscalWindow *self = FISCAL_WINDOW (widget);
  FiscalExportKind kind;

  if (self->document == NULL || !fiscal_export_kind_from_name (g_variant_get_string (param, NULL), &kind))
    return;

  fiscal_export_choose (GTK_WINDOW (self), kind, self->file, self->document,
                        export_chosen_cb, g_object_ref (self));
}

static void
show_file_action (GtkWidget *widget, const char *name, GVariant *param)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (param, NULL), GDK_CURRENT_TIME);
}

/**
 * fiscal_window_print_operation:
 *
 * Returns: (transfer full): the print operation for the window's budget,
 *   the same pages as the PDF export
 */
GtkPrintOperation *
fiscal_window_print_operation (FiscalWindow *self)
{
  g_return_val_if_fail (FISCAL_IS_WINDOW (self), NULL);
  g_return_val_if_fail (self->document != NULL, NULL);

  return fiscal_print_operation_new (self->document, self->prior);
}

static void
print_action (GtkWidget *widget, const char *name, GVariant *param)
{
  FiscalWindow *self = FISCAL_WINDOW (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  if (self->document == NULL)
    return;

  operation = fiscal_window_print_operation (self);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    toast (self, error->message);
}

static void
save_action (GtkWidget *widget, const char *name, GVariant *param)
{
  FiscalWindow *self = FISCAL_WINDOW (widget);

  if (self->file == NULL)
    save_as_action (widget, name, param);
  else if (!fiscal_window_save_to (self, self->file))
    self->close_confirmed = FALSE;   /* a close waits for a save that worked */
  else if (self->close_confirmed)
    g_idle_add_full (G_PRIORITY_DEFAULT, destroy_cb, g_object_ref (self), g_object_unref);
}

static gboolean
destroy_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   FiscalWindow     *self)
{
  if (g_str_equal (response, "discard"))
    {
      self->close_confirmed = TRUE;
      if (self->file != NULL)
        fiscal_recovery_discard (self->file);
      /* After the dialog has finished with its parent. */
      g_idle_add_full (G_PRIORITY_DEFAULT, destroy_cb, g_object_ref (self), g_object_unref);
    }
  else if (g_str_equal (response, "save"))
    {
      self->close_confirmed = TRUE;
      save_action (GTK_WIDGET (self), "win.save", NULL);
    }
}

/**
 * fiscal_window_ask_to_close:
 *
 * Returns: (transfer none) (nullable): the dialog that asks what to do
 *   with unsaved changes, or %NULL when there are none
 */
GtkWidget *
fiscal_window_ask_to_close (FiscalWindow *self)
{
  GtkWidget *dialog;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;

  if (self->document == NULL || !fiscal_document_get_modified (self->document))
    return NULL;

  if (self->close_dialog != NULL)
    return self->close_dialog;

  name = document_name (self);
  body = g_strdup_printf (_("“%s” has changes that are not saved. They are lost unless you save them."), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (close_response_cb), self);
  self->close_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->close_dialog);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

/**
 * fiscal_window_take_document:
 *
 * Shows @document, which has no file yet (a new budget).
 */
void
fiscal_window_take_document (FiscalWindow   *self,
                             FiscalDocument *document)
{
  g_return_if_fail (FISCAL_IS_WINDOW (self));
  g_return_if_fail (FISCAL_IS_DOCUMENT (document));

  g_clear_object (&self->file);
  set_document (self, document);
  fiscal_window_show_page (self, "overview");
}

/**
 * fiscal_window_take_recovered:
 * @key: the key of the recovery copy @document was read from
 *
 * Shows @document, a new budget recovered from its copy, whose copy is
 * then kept under the same key.
 */
void
fiscal_window_take_recovered (FiscalWindow   *self,
                              FiscalDocument *document,
                              const char     *key)
{
  g_return_if_fail (FISCAL_IS_WINDOW (self));
  g_return_if_fail (FISCAL_IS_DOCUMENT (document));
  g_return_if_fail (key != NULL);

  fiscal_window_take_document (self, document);
  g_free (self->new_key);
  self->new_key = g_strdup (key);
}

static void
new_from_last_year_response_cb (AdwMessageDialog *dialog,
                                const char       *response,
                                FiscalWindow     *self)
{
  GtkSpinButton *spin = g_object_get_data (G_OBJECT (dialog), "fiscal-percent");
  g_autoptr(FiscalDocument) next = NULL;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  FiscalWindow *window;
  gint64 per_10000;

  if (!g_str_equal (response, "create") || self->document == NULL)
    return;

  /* The percentage is typed with two decimals: 10000 + 100 × percent. */
  per_10000 = 10000 + (gint64) (gtk_spin_button_get_value (spin) * 100.0 + (gtk_spin_button_get_value (spin) >= 0 ? 0.5 : -0.5));
  next = fiscal_document_new_from_prior (self->document, per_10000);

  window = fiscal_window_new (FISCAL_APPLICATION (app));
  fiscal_window_take_document (window, next);
  gtk_window_present (GTK_WINDOW (window));
}

static void
save_first_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        FiscalWindow     *self)
{
  if (!g_str_equal (response, "save"))
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.save", NULL);
  /* Saved to its file: go on. (A budget without a file goes on when
   * the officer asks again, once it is saved.) */
  if (self->file != NULL && !fiscal_document_get_modified (self->document))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.new-from-last-year", NULL);
}

static void
new_from_last_year_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  FiscalWindow *self = FISCAL_WINDOW (widget);
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GtkWidget *spin;

  if (self->document == NULL)
    return;

  /* The new budget is linked to this one's file and compares its figures
   * with what the file holds: unsaved changes would be left out. */
  if (self->file == NULL || fiscal_document_get_modified (self->document))
    {
      dialog = fiscal_question_new (GTK_WINDOW (self), _("Save This Budget First"),
                                    _("The new budget is linked to this budget’s file as its prior year, and compares its figures with what the file holds. Save the changes first, then start the new budget."),
                                    "cancel", _("_Cancel"), "save", _("_Save"), ADW_RESPONSE_SUGGESTED);
      g_signal_connect (dialog, "response", G_CALLBACK (save_first_response_cb), self);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  body = g_strdup_printf (_("A budget for %d with this budget’s department, profile, projects and lines, linked to it as the prior year. Every amount can be scaled by a percentage."),
                          fiscal_document_get_year (self->document) + 1);
  dialog = fiscal_question_new (GTK_WINDOW (self), _("New Budget from Last Year"), body,
                                "cancel", _("_Cancel"), "create", _("C_reate"), ADW_RESPONSE_SUGGESTED);
  spin = gtk_spin_button_new_with_range (-90.0, 100.0, 0.5);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 2);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 0.0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Change every amount by this percentage"), -1);
  gtk_widget_set_tooltip_text (spin, _("Change every amount by this percentage"));
  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

    gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
    gtk_box_append (GTK_BOX (box), spin);
    gtk_box_append (GTK_BOX (box), gtk_label_new ("%"));
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  }
  g_object_set_data (G_OBJECT (dialog), "fiscal-percent", spin);
  g_signal_connect (dialog, "response", G_CALLBACK (new_from_last_year_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
get_amounts_in_wan (FiscalWindow *self)
{
  return self->amounts_in_wan;
}

/* Every lines editor reads and shows amounts in the unit chosen: the
 * Budget Lines page's and the project's on the Projects page. */
static void
apply_amount_unit (FiscalWindow *self)
{
  fiscal_lines_view_set_wan (self->lines_view, self->amounts_in_wan);
  fiscal_lines_view_set_wan (FISCAL_LINES_VIEW (fiscal_projects_view_get_lines_view (self->projects_view)),
                             self->amounts_in_wan);
}

static void
set_amounts_in_wan (FiscalWindow *self,
                    gboolean      wan)
{
  GSettings *settings = get_settings (self);

  wan = !!wan;
  if (self->amounts_in_wan == wan)
    return;

  self->amounts_in_wan = wan;
  apply_amount_unit (self);
  if (settings != NULL)
    g_settings_set_string (settings, "amount-unit", wan ? "wan" : "yuan");
  /* Also what tells the menu's check item. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AMOUNTS_IN_WAN]);
}

/* From a figure of a table to the lines behind it. */
static void
table_view_cell_activated_cb (FiscalWindow    *self,
                              guint            row,
                              int              column,
                              FiscalTableView *view)
{
  FiscalTable *table = fiscal_table_view_get_table (view);

  if (!fiscal_pivot_row_traceable (table, row))
    return;

  fiscal_window_show_page (self, "lines");
  sync_view (self, VIEW_LINES);
  fiscal_lines_view_set_cell_filter (self->lines_view, table, row, column);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         FiscalWindow  *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = files; l; l = l->next)
    {
      GFile *file = l->data;

      if (self->document == NULL)
        fiscal_window_open_file (self, file);
      else
        g_application_open (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), &file, 1, "");
    }
  g_slist_free (files);

  return TRUE;
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  fiscal_window_show_page (FISCAL_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
fiscal_window_dispose (GObject *object)
{
  FiscalWindow *self = (FiscalWindow *)object;

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  g_clear_handle_id (&self->settle_source, g_source_remove);
  g_clear_handle_id (&self->status_source, g_source_remove);
  /* A window closes with its changes saved or dropped on purpose. */
  forget_new_copy (self);
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  /* Running exports stop; each finishes on its own, without the window. */
  if (self->exports != NULL)
    {
      g_autoptr(GPtrArray) exports = g_steal_pointer (&self->exports);

      for (guint i = 0; i < exports->len; i++)
        {
          Export *export = g_ptr_array_index (exports, i);

          g_clear_weak_pointer (&export->window);
          g_cancellable_cancel (export->cancellable);
        }
    }
  if (self->close_dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->close_dialog), (gpointer *) &self->close_dialog);
  self->close_dialog = NULL;
  if (self->narrative_view != NULL)
    set_document (self, NULL);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_object (&self->file);
  forget_import (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), FISCAL_TYPE_WINDOW);

  G_OBJECT_CLASS (fiscal_window_parent_class)->dispose (object);
}

static gboolean
fiscal_window_close_request (GtkWindow *window)
{
  FiscalWindow *self = FISCAL_WINDOW (window);
  GSettings *settings = get_settings (self);

  if (!self->close_confirmed && fiscal_window_ask_to_close (self) != NULL)
    return TRUE;

  if (settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
      g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
    }

  return GTK_WINDOW_CLASS (fiscal_window_parent_class)->close_request (window);
}

static void
fiscal_window_class_init (FiscalWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = fiscal_window_dispose;
  object_class->get_property = fiscal_window_get_property;
  object_class->set_property = fiscal_window_set_property;
  window_class->close_request = fiscal_window_close_request;

  properties[PROP_AMOUNTS_IN_WAN] =
    g_param_spec_boolean ("amounts-in-wan", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FiscalWindow::export-finished:
   * @file: the file of the export
   * @error: (nullable): why it was not written, or %NULL if it was
   *
   * Emitted when an export started by fiscal_window_start_export() has
   * written its file, failed or been cancelled.
   */
  window_signals[EXPORT_FINISHED] =
    g_signal_new ("export-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_ERROR);

  /**
   * FiscalWindow::import-finished:
   * @file: the disclosure read
   * @error: (nullable): why no budget was made of it, or %NULL
   *
   * Emitted when fiscal_window_start_import() is done: the budget, or why
   * there is none, is shown; a cancelled import leaves the window empty.
   */
  import_signals[IMPORT_FINISHED] =
    g_signal_new ("import-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_ERROR);

  g_type_ensure (FISCAL_TYPE_CHARTS_PAGE);
  g_type_ensure (FISCAL_TYPE_CHECKS_VIEW);
  g_type_ensure (FISCAL_TYPE_LINES_VIEW);
  g_type_ensure (FISCAL_TYPE_PROFILE_VIEW);
  g_type_ensure (FISCAL_TYPE_PROJECTS_VIEW);
  g_type_ensure (FISCAL_TYPE_NARRATIVE_VIEW);
  g_type_ensure (FISCAL_TYPE_TABLE_VIEW);
  g_type_ensure (FISCAL_TYPE_TARGETS_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/fiscalapp/Fiscal/fiscal-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FiscalWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, FiscalWindow, table_list);
  gtk_widget_class_bind_template_child (widget_class, FiscalWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, FiscalWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, FiscalWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, FiscalWindow, table_view);
  gtk_widget_class_bind_template_child (widget_class, FiscalWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FiscalWindow, narrative_view);
  gtk_widget_class_bind_template_child (widget_class, FiscalWindow, charts_page);
  gtk_widget_class_bind_template_child (widget_class, FiscalWindow, profile_view);
  gtk_widget_class_bind_template_child (widget_class, FiscalWindow, lines_view);
  gtk_widget_class_bind_template_child (widget_class, FiscalWindow, projects_view);
  gtk_widget_class_bind_template_child (widget_class, FiscalWindow, checks_view);
  gtk_widget_class_bind_template_child (widget_class, FiscalWindow, checks_button);
  gtk_widget_class_bind_template_child (widget_class, FiscalWindow, checks_count);
  gtk_widget_class_bind_template_child (widget_class, FiscalWindow, checks_icon);
  gtk_widget_class_bind_template_child (widget_class, FiscalWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, FiscalWindow, recent_submenu);
  gtk_widget_class_bind_template_child (widget_class, FiscalWindow, history_section);
  gtk_widget_class_bind_template_child (widget_class, FiscalWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, FiscalWindow, targets_flap);
  gtk_widget_class_bind_template_child (widget_class, FiscalWindow, targets_panel);
  gtk_widget_class_bind_template_callback (widget_class, finding_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, table_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, targets_flap_revealed_cb);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.show-table", "u", show_table_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-targets", NULL, toggle_targets_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.new-from-last-year", NULL, new_from_last_year_action);
  gtk_widget_class_install_action (widget_class, "win.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "win.show-file", "s", show_file_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-export", "s", cancel_export_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL, cancel_import_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.show-import-report", NULL, show_import_report_action);
  gtk_widget_class_install_property_action (widget_class, "win.amounts-in-wan", "amounts-in-wan");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", "s", "pdf");
  for (guint i = 1; i <= 9; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + i, GDK_ALT_MASK,
                                         "win.show-table", "u", i);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_ALT_MASK, "win.show-page", "s", "narrative");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_ALT_MASK, "win.show-page", "s", "charts");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_ALT_MASK, "win.show-page", "s", "checks");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-targets", NULL);
}

static void
fiscal_window_init (FiscalWindow *self)
{
  /* Set before the template makes the menu, whose check item reads it. */
  self->amounts_in_wan = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  apply_amount_unit (self);
  update_history_menu (self, _("Undo"), _("Redo"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find", FALSE);
  /* A homogeneous stack measures every page for each frame, the narrative
   * and the projects of a large budget with them; only the shown page is. */
  gtk_stack_set_hhomogeneous (self->stack, FALSE);
  gtk_stack_set_vhomogeneous (self->stack, FALSE);
  add_reading_page (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", FALSE);
  populate_sidebar (self);

  g_signal_connect_swapped (self->lines_view, "selection-changed", G_CALLBACK (page_changed_cb), self);
  g_signal_connect_swapped (self->table_view, "cell-activated", G_CALLBACK (table_view_cell_activated_cb), self);
  g_signal_connect_swapped (self->table_view, "cursor-moved", G_CALLBACK (table_cursor_moved_cb), self);

  {
    GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
    g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
  }
  gtk_widget_set_sensitive (GTK_WIDGET (self->table_list), FALSE);
  /* Nothing to undo, save or export before a budget is open. */
  update_actions (self);
}

static gboolean
increase_from_setting (GValue   *value,
                       GVariant *variant,
                       gpointer  user_data)
{
  g_value_set_boolean (value, g_str_equal (g_variant_get_string (variant, NULL), "green-up"));
  return TRUE;
}

static GVariant *
increase_to_setting (const GValue       *value,
                     const GVariantType *type,
                     gpointer            user_data)
{
  return g_variant_new_string (g_value_get_boolean (value) ? "green-up" : "red-up");
}

FiscalWindow *
fiscal_window_new (FiscalApplication *application)
{
  FiscalWindow *self = g_object_new (FISCAL_TYPE_WINDOW, "application", application, NULL);

  /* The recent budgets, shared by every window. */
  g_menu_append_section (self->recent_submenu, NULL, fiscal_application_get_recent_menu (application));
  GSettings *settings = fiscal_application_get_settings (application);

  if (settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (settings, "window-width"),
                                   g_settings_get_int (settings, "window-height"));
      if (g_settings_get_boolean (settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      {
        g_autofree char *unit = g_settings_get_string (settings, "amount-unit");

        /* Through the setter, so that the menu's check item is told. */
        set_amounts_in_wan (self, !g_str_equal (unit, "yuan"));
      }

      /* The weight total of target tables is the province's rule: a
       * setting, shown and changed in the targets panel. */
      g_settings_bind (settings, "target-weight-total",
                       gtk_spin_button_get_adjustment (fiscal_targets_panel_get_weight_total_spin (self->targets_panel)),
                       "value", G_SETTINGS_BIND_DEFAULT);
      g_signal_connect_object (settings, "changed::target-weight-total",
                               G_CALLBACK (weight_total_changed_cb), self, G_CONNECT_SWAPPED);
      weight_total_changed_cb (self, "target-weight-total", settings);

      /* Red for increase, as Chinese reports have it, unless set otherwise. */
      g_settings_bind_with_mapping (settings, "increase-color-convention",
                                    self->charts_page, "green-increase", G_SETTINGS_BIND_DEFAULT,
                                    increase_from_setting, increase_to_setting, NULL, NULL);
    }

  return self;
}
