/* fiscal-projects-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-projects-view"

#include "config.h"

#include <glib/gi18n.h>

#include "fiscal-lines-view.h"
#include "fiscal-projects-view.h"
#include "fiscal-question.h"

struct _FiscalProjectsView
{
  GtkWidget        parent_instance;

  FiscalDocument  *document;
  FiscalProject   *selected;
  GtkWidget       *paned;
  GtkListBox      *list;
  GtkWidget       *detail;
  GtkWidget       *fields[FISCAL_N_PROJECT_FIELDS];
  AdwComboRow     *unit_row;
  GtkWidget       *add_button;
  GtkWidget       *remove_button;
  FiscalLinesView *lines;
  gboolean         updating;
};

G_DEFINE_FINAL_TYPE (FiscalProjectsView, fiscal_projects_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The project shown; notifies "selected" when it changes. */
static void
set_selected (FiscalProjectsView *self,
              FiscalProject      *project)
{
  if (g_set_object (&self->selected, project))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static const char *
field_title (FiscalProjectField field)
{
  switch (field)
    {
    case FISCAL_PROJECT_NAME:         return _("Project name");
    case FISCAL_PROJECT_UNIT:         return _("Unit");
    case FISCAL_PROJECT_OWNER:        return _("Person in charge");
    case FISCAL_PROJECT_POLICY_BASIS: return _("Policy basis");
    case FISCAL_PROJECT_ALLOCATION:   return _("Allocation of funds");
    case FISCAL_PROJECT_PERIOD_START: return _("Execution from (YYYY-MM-DD)");
    case FISCAL_PROJECT_PERIOD_END:   return _("Execution until (YYYY-MM-DD)");
    case FISCAL_PROJECT_GOAL:         return _("Overall goal");
    case FISCAL_PROJECT_ID:
    default:                          return NULL;
    }
}

static void
refresh_list (FiscalProjectsView *self)
{
  GListModel *projects;
  g_autoptr(FiscalSummary) summary = NULL;
  GtkWidget *child;
  int selected = -1;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);

  if (self->document == NULL)
    return;

  projects = fiscal_document_get_projects (self->document);
  summary = fiscal_summary_new (self->document);

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(FiscalProject) project = g_list_model_get_item (projects, i);
      g_autofree char *total = fiscal_money_format_wan (fiscal_summary_lookup (summary->all_by_project,
                                                                               fiscal_project_get_id (project)));
      g_autofree char *subtitle = g_strdup_printf (_("%s (10,000 yuan)"), total);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_markup_escape_text (fiscal_project_get_name (project) ?: "", -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->list, row);
      if (project == self->selected)
        selected = i;
    }

  if (selected >= 0)
    gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, selected));
}

/* The position of the unit @id among the document's units. */
static guint
unit_position (FiscalProjectsView *self,
               const char         *id)
{
  GListModel *units;

  if (self->document == NULL || id == NULL)
    return GTK_INVALID_LIST_POSITION;

  units = fiscal_document_get_units (self->document);
  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(FiscalUnit) unit = g_list_model_get_item (units, i);

      if (g_strcmp0 (fiscal_unit_get_id (unit), id) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
refresh_detail (FiscalProjectsView *self)
{
  const char *unit_id;
  guint unit;

  /* With no project the form goes insensitive: the focus moves to the
   * list first rather than being lost in it. */
  if (self->selected == NULL && gtk_widget_get_sensitive (self->detail))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      if (focus != NULL && (gtk_widget_is_ancestor (focus, self->detail) || focus == self->remove_button) &&
          !gtk_widget_grab_focus (GTK_WIDGET (self->list)))
        gtk_widget_grab_focus (self->add_button);
    }
  gtk_widget_set_sensitive (self->detail, self->selected != NULL);
  gtk_widget_set_sensitive (self->remove_button, self->selected != NULL);
  fiscal_lines_view_set_project (self->lines, self->selected ? fiscal_project_get_id (self->selected) : "\x01");

  self->updating = TRUE;
  for (guint f = FISCAL_PROJECT_NAME; f < FISCAL_N_PROJECT_FIELDS; f++)
    {
      const char *text = self->selected ? fiscal_project_get_field (self->selected, f) : NULL;

      if (self->fields[f] == NULL)
        continue;
      if (gtk_widget_get_focus_child (self->fields[f]) == NULL &&
          g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->fields[f])), text ? text : "") != 0)
        gtk_editable_set_text (GTK_EDITABLE (self->fields[f]), text ? text : "");
    }

  unit_id = self->selected ? fiscal_project_get_field (self->selected, FISCAL_PROJECT_UNIT) : NULL;
  unit = unit_position (self, unit_id);
  if (adw_combo_row_get_selected (self->unit_row) != unit)
    adw_combo_row_set_selected (self->unit_row, unit);
  self->updating = FALSE;
}

static void
document_changed_cb (FiscalProjectsView *self)
{
  /* A project deleted (or undone away) is no longer selected. */
  if (self->selected != NULL)
    {
      guint position;

      if (!g_list_store_find (G_LIST_STORE (fiscal_document_get_projects (self->document)), self->selected, &position))
        set_selected (self, NULL);
    }

  refresh_list (self);
  refresh_detail (self);
}

void
fiscal_projects_view_select (FiscalProjectsView *self,
                             guint               position)
{
  g_autoptr(FiscalProject) project = NULL;

  g_return_if_fail (FISCAL_IS_PROJECTS_VIEW (self));

  if (self->document)
    project = g_list_model_get_item (fiscal_document_get_projects (self->document), position);
  set_selected (self, project);

  if (project != NULL && gtk_list_box_get_selected_row (self->list) != gtk_list_box_get_row_at_index (self->list, position))
    gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, position));
  refresh_detail (self);
}

static void
row_selected_cb (FiscalProjectsView *self,
                 GtkListBoxRow      *row)
{
  if (row != NULL)
    fiscal_projects_view_select (self, gtk_list_box_row_get_index (row));
}

static void
field_changed_cb (GtkEditable        *row,
                  FiscalProjectsView *self)
{
  FiscalProjectField field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "fiscal-field"));
  const char *text = gtk_editable_get_text (row);

  if (self->updating || self->selected == NULL)
    return;

  /* A project keeps a name. */
  if (field == FISCAL_PROJECT_NAME && *text == 0)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  fiscal_project_set_field (self->selected, field, text);
}

static void
unit_selected_cb (FiscalProjectsView *self)
{
  g_autoptr(FiscalUnit) unit = NULL;

  if (self->updating || self->selected == NULL || self->document == NULL)
    return;

  unit = g_list_model_get_item (fiscal_document_get_units (self->document),
                                adw_combo_row_get_selected (self->unit_row));
  if (unit != NULL)
    fiscal_project_set_field (self->selected, FISCAL_PROJECT_UNIT, fiscal_unit_get_id (unit));
}

/* The unit a new project belongs to: that of the line selected among the
 * shown project's lines, or else the first unit. */
static const char *
new_project_unit (FiscalProjectsView *self)
{
  g_autoptr(GPtrArray) selected = fiscal_lines_view_get_selected (self->lines);
  g_autoptr(FiscalUnit) first = NULL;

  if (self->selected != NULL && selected != NULL && selected->len > 0 &&
      fiscal_document_find_unit (self->document, fiscal_line_get_unit (g_ptr_array_index (selected, 0))) != NULL)
    return fiscal_line_get_unit (g_ptr_array_index (selected, 0));

  first = g_list_model_get_item (fiscal_document_get_units (self->document), 0);
  return first != NULL ? fiscal_unit_get_id (first) : NULL;
}

/**
 * fiscal_projects_view_add_project:
 *
 * Adds a project, one step of the history, with an id no project has or
 * had and no line names, so that it starts with no lines.
 *
 * Returns: (transfer none): a new project, selected
 */
FiscalProject *
fiscal_projects_view_add_project (FiscalProjectsView *self)
{
  GListModel *projects;
  g_autoptr(FiscalProject) project = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (FISCAL_IS_PROJECTS_VIEW (self), NULL);
  g_return_val_if_fail (self->document != NULL, NULL);

  projects = fiscal_document_get_projects (self->document);
  id = fiscal_document_new_project_id (self->document);
  project = fiscal_project_new (id, _("New Project"));
  fiscal_project_set_field (project, FISCAL_PROJECT_UNIT, new_project_unit (self));
  fiscal_document_add_project (self->document, project);
  fiscal_projects_view_select (self, g_list_model_get_n_items (projects) - 1);

  return project;
}

static void
add_clicked_cb (FiscalProjectsView *self)
{
  fiscal_projects_view_add_project (self);
  gtk_widget_grab_focus (self->fields[FISCAL_PROJECT_NAME]);
}

/* Deletes @project with its lines, one step of the history. */
static void
delete_project (FiscalProjectsView *self,
                FiscalProject      *project)
{
  guint position, n;

  if (self->document == NULL ||
      !g_list_store_find (G_LIST_STORE (fiscal_document_get_projects (self->document)), project, &position))
    return;

  fiscal_document_remove_project (self->document, position);

  /* The next project, or the one before the last, takes its place. */
  n = g_list_model_get_n_items (fiscal_document_get_projects (self->document));
  if (n > 0)
    fiscal_projects_view_select (self, MIN (position, n - 1));
}

static void
delete_response_cb (AdwMessageDialog   *dialog,
                    const char         *response,
                    FiscalProjectsView *self)
{
  FiscalProject *project = g_object_get_data (G_OBJECT (dialog), "fiscal-project");

  if (g_str_equal (response, "delete"))
    delete_project (self, project);
}

/**
 * fiscal_projects_view_delete_selected:
 *
 * Deletes the selected project and its lines, as one step of the history.
 * A project with lines is deleted only once the question shown says so.
 *
 * Returns: (transfer none) (nullable): the question, or %NULL if the
 *   project had no lines and is deleted already
 */
GtkWidget *
fiscal_projects_view_delete_selected (FiscalProjectsView *self)
{
  g_autoptr(FiscalProject) project = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *lines_text = NULL;
  g_autofree char *body = NULL;
  GListModel *lines;
  GtkRoot *root;
  GtkWidget *dialog;
  gint64 total = 0;
  guint n = 0;

  g_return_val_if_fail (FISCAL_IS_PROJECTS_VIEW (self), NULL);

  if (self->document == NULL || self->selected == NULL)
    return NULL;

  project = g_object_ref (self->selected);
  lines = fiscal_document_get_lines (self->document);
  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(FiscalLine) line = g_list_model_get_item (lines, i);

      if (g_strcmp0 (fiscal_line_get_project (line), fiscal_project_get_id (project)) == 0)
        {
          n++;
          fiscal_money_accumulate (&total, fiscal_line_get_amount (line));
        }
    }

  if (n == 0)
    {
      delete_project (self, project);
      return NULL;
    }

  amount = fiscal_money_format_wan (total);
  /* Translators: the number of budget lines and their sum, as “7 lines of 173.00 (10,000 yuan)” */
  lines_text = g_strdup_printf (ngettext ("%u line of %s (10,000 yuan)", "%u lines of %s (10,000 yuan)", n), n, amount);
  /* Translators: the first %s is a project's name, the second its lines and their sum */
  body = g_strdup_printf (_("Delete the project “%s” and its %s? This can be undone."),
                          fiscal_project_get_name (project), lines_text);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = fiscal_question_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Delete the Project?"), body,
                                "cancel", _("_Cancel"), "delete", _("_Delete"), ADW_RESPONSE_DESTRUCTIVE);
  g_object_set_data_full (G_OBJECT (dialog), "fiscal-project", g_steal_pointer (&project), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

static void
remove_clicked_cb (FiscalProjectsView *self)
{
  fiscal_projects_view_delete_selected (self);
}

void
fiscal_projects_view_set_document (FiscalProjectsView *self,
                                   FiscalDocument     *document)
{
  g_return_if_fail (FISCAL_IS_PROJECTS_VIEW (self));

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, document_changed_cb, self);

  g_set_object (&self->document, document);
  set_selected (self, NULL);
  fiscal_lines_view_set_document (self->lines, document);
  self->updating = TRUE;
  adw_combo_row_set_model (self->unit_row, document ? fiscal_document_get_units (document) : NULL);
  self->updating = FALSE;

  if (document != NULL)
    g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);

  refresh_list (self);
  if (document != NULL && g_list_model_get_n_items (fiscal_document_get_projects (document)) > 0)
    fiscal_projects_view_select (self, 0);
  else
    refresh_detail (self);
}

FiscalProject *
fiscal_projects_view_get_selected (FiscalProjectsView *self)
{
  g_return_val_if_fail (FISCAL_IS_PROJECTS_VIEW (self), NULL);
  return self->selected;
}

GtkWidget *
fiscal_projects_view_get_lines_view (FiscalProjectsView *self)
{
  g_return_val_if_fail (FISCAL_IS_PROJECTS_VIEW (self), NULL);
  return GTK_WIDGET (self->lines);
}

GtkEditable *
fiscal_projects_view_get_field (FiscalProjectsView *self,
                                FiscalProjectField  field)
{
  g_return_val_if_fail (FISCAL_IS_PROJECTS_VIEW (self), NULL);
  g_return_val_if_fail (field > FISCAL_PROJECT_ID && field < FISCAL_N_PROJECT_FIELDS, NULL);
  g_return_val_if_fail (field != FISCAL_PROJECT_UNIT, NULL);
  return GTK_EDITABLE (self->fields[field]);
}

/**
 * fiscal_projects_view_get_unit_row:
 *
 * Returns: (transfer none): the row that picks the selected project's unit
 *   among the budget's units, by name
 */
AdwComboRow *
fiscal_projects_view_get_unit_row (FiscalProjectsView *self)
{
  g_return_val_if_fail (FISCAL_IS_PROJECTS_VIEW (self), NULL);
  return self->unit_row;
}

static void
fiscal_projects_view_dispose (GObject *object)
{
  FiscalProjectsView *self = (FiscalProjectsView *)object;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, document_changed_cb, self);
  g_clear_pointer (&self->paned, gtk_widget_unparent);
  g_clear_object (&self->document);
  g_clear_object (&self->selected);

  G_OBJECT_CLASS (fiscal_projects_view_parent_class)->dispose (object);
}

static void
fiscal_projects_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  FiscalProjectsView *self = FISCAL_PROJECTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fiscal_projects_view_class_init (FiscalProjectsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fiscal_projects_view_dispose;
  object_class->get_property = fiscal_projects_view_get_property;

  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, FISCAL_TYPE_PROJECT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "projectsview");
}

static void
fiscal_projects_view_init (FiscalProjectsView *self)
{
  GtkWidget *left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *button;
  GtkWidget *form_scroller;
  GtkWidget *form_box;
  GtkWidget *group;

  self->paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_widget_set_parent (self->paned, GTK_WIDGET (self));
  gtk_paned_set_position (GTK_PANED (self->paned), 260);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Projects"), -1);
  g_signal_connect_swapped (self->list, "row-selected", G_CALLBACK (row_selected_cb), self);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list));
  gtk_box_append (GTK_BOX (left), scroller);

  gtk_widget_set_margin_start (buttons, 6);
  gtk_widget_set_margin_bottom (buttons, 6);
  button = self->add_button = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_set_tooltip_text (button, _("Add a Project"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add a Project"), -1);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (add_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), button);
  button = self->remove_button = gtk_button_new_from_icon_name ("list-remove-symbolic");
  gtk_widget_set_tooltip_text (button, _("Delete the Project"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete the Project"), -1);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (remove_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), button);
  gtk_box_append (GTK_BOX (left), buttons);
  gtk_paned_set_start_child (GTK_PANED (self->paned), left);
  gtk_paned_set_shrink_start_child (GTK_PANED (self->paned), FALSE);

  self->detail = gtk_paned_new (GTK_ORIENTATION_VERTICAL);
  form_scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (form_scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  form_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_start (form_box, 18);
  gtk_widget_set_margin_end (form_box, 18);
  gtk_widget_set_margin_top (form_box, 12);
  gtk_widget_set_margin_bottom (form_box, 12);
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Project"));
  for (guint f = FISCAL_PROJECT_NAME; f < FISCAL_N_PROJECT_FIELDS; f++)
    {
      if (f == FISCAL_PROJECT_UNIT)
        {
          g_autoptr(GtkExpression) name = gtk_property_expression_new (FISCAL_TYPE_UNIT, NULL, "name");

          self->unit_row = ADW_COMBO_ROW (adw_combo_row_new ());
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->unit_row), field_title (f));
          adw_combo_row_set_expression (self->unit_row, name);
          /* Unit names are long: the chosen one is read under the title. */
          adw_combo_row_set_use_subtitle (self->unit_row, TRUE);
          g_signal_connect_swapped (self->unit_row, "notify::selected", G_CALLBACK (unit_selected_cb), self);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->unit_row));
          continue;
        }

      self->fields[f] = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->fields[f]), field_title (f));
      g_object_set_data (G_OBJECT (self->fields[f]), "fiscal-field", GUINT_TO_POINTER (f));
      g_signal_connect (self->fields[f], "changed", G_CALLBACK (field_changed_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->fields[f]);
    }
  gtk_box_append (GTK_BOX (form_box), group);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (form_scroller), form_box);
  gtk_paned_set_start_child (GTK_PANED (self->detail), form_scroller);

  self->lines = FISCAL_LINES_VIEW (fiscal_lines_view_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->lines), -1, 200);
  gtk_paned_set_end_child (GTK_PANED (self->detail), GTK_WIDGET (self->lines));
  gtk_paned_set_position (GTK_PANED (self->detail), 360);
  gtk_paned_set_end_child (GTK_PANED (self->paned), self->detail);
}

GtkWidget *
fiscal_projects_view_new (void)
{
  return g_object_new (FISCAL_TYPE_PROJECTS_VIEW, NULL);
}
