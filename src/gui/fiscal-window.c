/* fiscal-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-window"

#include "config.h"

#include <glib/gi18n.h>

#include "fiscal-checks-view.h"
#include "fiscal-narrative-view.h"
#include "fiscal-table-view.h"
#include "fiscal-window.h"

/* The sidebar rows after the eleven tables. */
enum {
  ROW_NARRATIVE = FISCAL_N_TABLES,
  ROW_CHECKS,
};

struct _FiscalWindow
{
  AdwApplicationWindow  parent_instance;

  FiscalDocument       *document;
  FiscalDocument       *prior;
  GFile                *file;
  GPtrArray            *findings;
  guint                 refresh_source;
  GPtrArray            *tables;
  guint64               tables_serial;
  guint                 shown_table;

  AdwLeaflet           *leaflet;
  GtkListBox           *table_list;
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  AdwStatusPage        *error_page;
  FiscalTableView      *table_view;
  FiscalNarrativeView  *narrative_view;
  FiscalChecksView     *checks_view;
  GtkButton            *checks_button;
  GtkLabel             *checks_count;
  GtkImage             *checks_icon;
  GtkLabel             *narrative_badge;
  GtkLabel             *checks_badge;
  AdwToastOverlay      *toast_overlay;
};

G_DEFINE_FINAL_TYPE (FiscalWindow, fiscal_window, ADW_TYPE_APPLICATION_WINDOW)

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

static GSettings *
get_settings (FiscalWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return FISCAL_IS_APPLICATION (app) ? fiscal_application_get_settings (FISCAL_APPLICATION (app)) : NULL;
}

static void
update_tables (FiscalWindow *self)
{
  guint64 serial;

  if (self->document == NULL)
    return;

  serial = fiscal_document_get_serial (self->document);
  if (self->tables != NULL && serial == self->tables_serial)
    return;

  g_clear_pointer (&self->tables, g_ptr_array_unref);
  self->tables = fiscal_pivot_all (self->document);
  self->tables_serial = serial;

  if (self->shown_table > 0)
    fiscal_table_view_set_table (self->table_view, g_ptr_array_index (self->tables, self->shown_table - 1));
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

  fiscal_checks_view_set_findings (self->checks_view, self->findings);
  fiscal_narrative_view_refresh (self->narrative_view);

  if (self->findings != NULL)
    {
      errors = fiscal_findings_count (self->findings, FISCAL_SEVERITY_ERROR);
      warnings = fiscal_findings_count (self->findings, FISCAL_SEVERITY_WARNING);
    }

  update_badge (self->checks_count, errors + warnings);
  update_badge (self->checks_badge, errors + warnings);
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
}

static gboolean
refresh_cb (gpointer data)
{
  FiscalWindow *self = data;

  self->refresh_source = 0;
  update_review (self);

  return G_SOURCE_REMOVE;
}

static void
document_changed_cb (FiscalWindow   *self,
                     FiscalDocument *document)
{
  update_tables (self);

  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_cb, self, NULL);
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

  name = self->file ? g_file_get_basename (self->file) : g_strdup (_("New Budget"));
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

  if (index < FISCAL_N_TABLES)
    fiscal_window_show_table (self, index + 1);
  else
    fiscal_window_show_page (self, index == ROW_NARRATIVE ? "narrative" : "checks");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
sidebar_header_func (GtkListBoxRow *row,
                     GtkListBoxRow *before,
                     gpointer       user_data)
{
  int index = gtk_list_box_row_get_index (row);
  const char *title = index == 0 ? _("Disclosure Tables") : index == ROW_NARRATIVE ? _("Review") : NULL;
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

static void
populate_sidebar (FiscalWindow *self)
{
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

  self->narrative_badge = add_page_row (self, "format-justify-left-symbolic", _("Narrative"));
  self->checks_badge = add_page_row (self, "emblem-ok-symbolic", _("Checks"));
  gtk_list_box_set_header_func (self->table_list, sidebar_header_func, NULL, NULL);
}

/**
 * fiscal_window_show_page:
 * @page: "narrative" or "checks"
 *
 * Shows the narrative or the checks and selects it in the sidebar.
 */
void
fiscal_window_show_page (FiscalWindow *self,
                         const char   *page)
{
  GtkListBoxRow *row;

  g_return_if_fail (FISCAL_IS_WINDOW (self));
  g_return_if_fail (g_strcmp0 (page, "narrative") == 0 || g_strcmp0 (page, "checks") == 0);

  if (self->document == NULL)
    return;

  if (self->refresh_source != 0)
    {
      g_clear_handle_id (&self->refresh_source, g_source_remove);
      update_review (self);
    }

  gtk_stack_set_visible_child_name (self->stack, page);
  row = gtk_list_box_get_row_at_index (self->table_list, g_str_equal (page, "narrative") ? ROW_NARRATIVE : ROW_CHECKS);
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

  if (g_str_has_prefix (where, "explanations."))
    {
      fiscal_window_show_page (self, "narrative");
      if (!fiscal_narrative_view_focus_slot (self->narrative_view, where + strlen ("explanations.")))
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
      g_autofree char *amount = NULL;
      g_autofree char *message = NULL;

      if (line != NULL)
        {
          amount = fiscal_money_format_yuan_grouped (fiscal_line_get_amount (line));
          /* Translators: a budget line: its id, function code, economic code and amount */
          message = g_strdup_printf (_("Line %s: %s / %s, %s yuan — %s"), fiscal_line_get_id (line),
                                     fiscal_line_get_function (line) ?: "—",
                                     fiscal_line_get_economic (line) ?: "—", amount, finding->message);
          toast (self, message);
          return;
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
  update_tables (self);
  fiscal_table_view_set_table (self->table_view, g_ptr_array_index (self->tables, number - 1));
  gtk_stack_set_visible_child_name (self->stack, "table");

  row = gtk_list_box_get_row_at_index (self->table_list, number - 1);
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

static void
set_document (FiscalWindow   *self,
              FiscalDocument *document)
{
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, document_changed_cb, self);

  g_set_object (&self->document, document);
  g_clear_object (&self->prior);
  g_clear_pointer (&self->tables, g_ptr_array_unref);
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

  fiscal_narrative_view_set_document (self->narrative_view, document, self->prior);
  gtk_widget_set_sensitive (GTK_WIDGET (self->table_list), document != NULL);
  update_title (self);
  update_review (self);
}

/**
 * fiscal_window_open:
 *
 * Opens @file in this window. A file that cannot be read leaves the window
 * showing why, with the file untouched.
 *
 * Returns: %TRUE if the budget was opened
 */
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

  g_set_object (&self->file, file);
  document = fiscal_document_load (file, NULL, &error);

  if (document == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *title = g_strdup_printf (_("Could Not Open “%s”"), name);

      set_document (self, NULL);
      adw_status_page_set_title (self->error_page, title);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_window_set_title (GTK_WINDOW (self), name);
      adw_window_title_set_title (self->window_title, name);
      gtk_stack_set_visible_child_name (self->stack, "error");
      g_debug ("Failed to open: %s", error->message);
      return FALSE;
    }

  set_document (self, document);

  if ((settings = get_settings (self)))
    number = CLAMP (g_settings_get_int (settings, "last-table"), 1, FISCAL_N_TABLES);
  fiscal_window_show_table (self, number);

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
        fiscal_window_open (self, file);
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
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open Budget"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (budgets, _("Fiscal budgets"));
  gtk_file_filter_add_pattern (budgets, "*.fiscal.json");
  gtk_file_filter_add_mime_type (budgets, "application/x-fiscal-budget+json");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), budgets);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  g_signal_connect_swapped (chooser, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
show_table_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  fiscal_window_show_table (FISCAL_WINDOW (widget), g_variant_get_uint32 (param));
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

  if (self->narrative_view != NULL)
    set_document (self, NULL);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_object (&self->file);

  gtk_widget_dispose_template (GTK_WIDGET (self), FISCAL_TYPE_WINDOW);

  G_OBJECT_CLASS (fiscal_window_parent_class)->dispose (object);
}

static gboolean
fiscal_window_close_request (GtkWindow *window)
{
  FiscalWindow *self = FISCAL_WINDOW (window);
  GSettings *settings = get_settings (self);

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
  window_class->close_request = fiscal_window_close_request;

  g_type_ensure (FISCAL_TYPE_CHECKS_VIEW);
  g_type_ensure (FISCAL_TYPE_NARRATIVE_VIEW);
  g_type_ensure (FISCAL_TYPE_TABLE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/fiscalapp/Fiscal/fiscal-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FiscalWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, FiscalWindow, table_list);
  gtk_widget_class_bind_template_child (widget_class, FiscalWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, FiscalWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, FiscalWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, FiscalWindow, table_view);
  gtk_widget_class_bind_template_child (widget_class, FiscalWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FiscalWindow, narrative_view);
  gtk_widget_class_bind_template_child (widget_class, FiscalWindow, checks_view);
  gtk_widget_class_bind_template_child (widget_class, FiscalWindow, checks_button);
  gtk_widget_class_bind_template_child (widget_class, FiscalWindow, checks_count);
  gtk_widget_class_bind_template_child (widget_class, FiscalWindow, checks_icon);
  gtk_widget_class_bind_template_callback (widget_class, finding_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, table_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.show-table", "u", show_table_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  for (guint i = 1; i <= 9; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + i, GDK_ALT_MASK,
                                         "win.show-table", "u", i);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_ALT_MASK, "win.show-page", "s", "narrative");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_ALT_MASK, "win.show-page", "s", "checks");
}

static void
fiscal_window_init (FiscalWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  populate_sidebar (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->table_list), FALSE);
}

FiscalWindow *
fiscal_window_new (FiscalApplication *application)
{
  FiscalWindow *self = g_object_new (FISCAL_TYPE_WINDOW, "application", application, NULL);
  GSettings *settings = fiscal_application_get_settings (application);

  if (settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (settings, "window-width"),
                                   g_settings_get_int (settings, "window-height"));
      if (g_settings_get_boolean (settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }

  return self;
}
