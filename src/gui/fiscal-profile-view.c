/* fiscal-profile-view.c
 *
 * One row per profile field, made from the field table of FiscalProfile,
 * and a count and a value row for each of the three kinds of vehicle.
 *
 * A field's text is stored as it is typed when the whole text is a value of
 * the field (typing in one field merges into one undo step). While the text
 * is not a value (or is empty) the budget keeps the value the field had
 * before the edit began, and the row is marked and says why. Leaving the
 * field puts the stored value back into it, so what a row shows once left
 * is what the budget holds; leaving it empty clears the field.
 *
 * The text fields' own undo is off: Ctrl+Z reaches the window and undoes
 * in the document's history.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-profile-view"

#include "config.h"

#include <glib/gi18n.h>

#include "fiscal-profile-view.h"

/* Rows for the document itself, before the profile fields. */
enum {
  DOC_NAME = -3,
  DOC_CODE = -2,
  DOC_YEAR = -1,
};

/* Rows for the vehicles: VEHICLE_FIELD + 2 × kind is the count of the
 * kind, one more its value. */
#define VEHICLE_FIELD 100

static const struct { const char *kind; const char *label; } vehicle_kinds[] = {
  { "一般公务用车", N_("General official vehicles") },
  { "执法执勤用车", N_("Law enforcement vehicles") },
  { "其他车辆",     N_("Other vehicles") },
};

#define IS_VEHICLE(field)       ((field) >= VEHICLE_FIELD)
#define VEHICLE_KIND(field)     (vehicle_kinds[((field) - VEHICLE_FIELD) / 2].kind)
#define VEHICLE_IS_VALUE(field) (((field) - VEHICLE_FIELD) % 2 == 1)

struct _FiscalProfileView
{
  GtkWidget       parent_instance;

  FiscalDocument *document;
  GtkWidget      *page;
  GHashTable     *rows;      /* field (int, +8) → AdwEntryRow or GtkTextView */
  GtkWidget      *storing;   /* the row whose text is being stored */
  gboolean        updating;
};

G_DEFINE_FINAL_TYPE (FiscalProfileView, fiscal_profile_view, GTK_TYPE_WIDGET)

#define KEY(field) GINT_TO_POINTER ((field) + 8)

static int
field_of (gpointer row)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "fiscal-field")) - 8;
}

static FiscalFieldType
field_type (int field)
{
  if (field == DOC_YEAR)
    return FISCAL_FIELD_COUNT;
  if (field < 0)
    return FISCAL_FIELD_TEXT;
  if (IS_VEHICLE (field))
    return VEHICLE_IS_VALUE (field) ? FISCAL_FIELD_MONEY : FISCAL_FIELD_COUNT;
  return fiscal_profile_field_info (field)->type;
}

/* How a value of @field is shown: the text of a number as the row shows it. */
static char *
format_number (int    field,
               gint64 number)
{
  switch (field_type (field))
    {
    case FISCAL_FIELD_MONEY:
    case FISCAL_FIELD_AREA:
      return fiscal_money_format_yuan (number);
    default:
      return g_strdup_printf ("%" G_GINT64_FORMAT, number);
    }
}

static char *
text_or_empty (const char *text)
{
  return g_strdup (text ? text : "");
}

static char *
field_text (FiscalProfileView *self,
            int                field)
{
  FiscalProfile *profile = fiscal_document_get_profile (self->document);

  switch (field)
    {
    case DOC_NAME: return text_or_empty (fiscal_document_get_department_name (self->document));
    case DOC_CODE: return text_or_empty (fiscal_document_get_department_code (self->document));
    case DOC_YEAR: return g_strdup_printf ("%d", fiscal_document_get_year (self->document));
    default: break;
    }

  if (IS_VEHICLE (field))
    {
      const FiscalVehicle *vehicle = fiscal_profile_find_vehicle (profile, VEHICLE_KIND (field));

      if (vehicle == NULL)
        return g_strdup ("");
      return format_number (field, VEHICLE_IS_VALUE (field) ? vehicle->value : vehicle->count);
    }

  if (!fiscal_profile_is_set (profile, field))
    return g_strdup ("");

  switch (field_type (field))
    {
    case FISCAL_FIELD_TEXT:
    case FISCAL_FIELD_DATE:
      return text_or_empty (fiscal_profile_get_text (profile, field));
    case FISCAL_FIELD_VEHICLES:
      return g_strdup ("");
    default:
      return format_number (field, fiscal_profile_get_number (profile, field));
    }
}

/* Whether @text is a value of @field (the empty text is the field not set,
 * except for the name and the year); its number in @number, or in @reason
 * why it is not a value. */
static gboolean
parse (int          field,
       const char  *text,
       gint64      *number,
       char       **reason)
{
  FiscalFieldType type = field_type (field);
  g_autoptr(GError) error = NULL;
  gint64 n = 0;

  *number = 0;
  *reason = NULL;

  if (*text == 0)
    {
      if (field == DOC_NAME)
        *reason = g_strdup (_("The department needs a name"));
      else if (field == DOC_YEAR)
        *reason = g_strdup (_("The budget needs a fiscal year"));
      return *reason == NULL;
    }

  if (field == DOC_YEAR)
    {
      guint64 year;

      if (g_ascii_string_to_unsigned (text, 10, 1990, 2200, &year, NULL))
        {
          *number = year;
          return TRUE;
        }
      *reason = g_strdup_printf (_("“%s” is not a year from 1990 to 2200"), text);
      return FALSE;
    }

  switch (type)
    {
    case FISCAL_FIELD_TEXT:
      return TRUE;

    case FISCAL_FIELD_DATE:
      {
        g_autoptr(GDateTime) date = NULL;
        g_autofree char *iso = g_strconcat (text, "T00:00:00Z", NULL);

        if (strlen (text) == 10 && (date = g_date_time_new_from_iso8601 (iso, NULL)))
          return TRUE;
        *reason = g_strdup_printf (_("“%s” is not a date written as YYYY-MM-DD, such as 2025-01-31"), text);
        return FALSE;
      }

    case FISCAL_FIELD_COUNT:
    case FISCAL_FIELD_CHANGE:
      if (!g_ascii_string_to_signed (text, 10, -G_MAXINT32, G_MAXINT32, &n, NULL))
        {
          *reason = g_strdup_printf (_("“%s” is not a whole number"), text);
          return FALSE;
        }
      if (type == FISCAL_FIELD_COUNT && n < 0)
        {
          *reason = g_strdup_printf (_("“%s” is below zero; a number of people or things cannot be negative"), text);
          return FALSE;
        }
      *number = n;
      return TRUE;

    case FISCAL_FIELD_MONEY:
    case FISCAL_FIELD_AREA:
      if (!fiscal_money_parse (text, &n, &error))
        {
          /* Beyond the ceiling of money: the parser's message names it. */
          if (g_error_matches (error, FISCAL_ERROR, FISCAL_ERROR_AMOUNT_OVERFLOW))
            *reason = g_strdup (error->message);
          else if (type == FISCAL_FIELD_MONEY)
            *reason = g_strdup_printf (_("“%s” is not an amount in yuan, such as 1234.56"), text);
          else
            *reason = g_strdup_printf (_("“%s” is not an area in square metres, such as 1234.56"), text);
          return FALSE;
        }
      if (n < 0)
        {
          if (type == FISCAL_FIELD_MONEY)
            *reason = g_strdup_printf (_("“%s” is below zero; a value cannot be negative"), text);
          else
            *reason = g_strdup_printf (_("“%s” is below zero; an area cannot be negative"), text);
          return FALSE;
        }
      *number = n;
      return TRUE;

    case FISCAL_FIELD_VEHICLES:
    default:
      return FALSE;
    }
}

/* Whether @text, as the row shows it, is what the budget holds. */
static gboolean
shows_stored (FiscalProfileView *self,
              int                field,
              const char        *text)
{
  g_autofree char *stored = field_text (self, field);
  g_autofree char *reason = NULL;
  g_autofree char *shown = NULL;
  gint64 number;

  if (!parse (field, text, &number, &reason))
    return FALSE;

  switch (field_type (field))
    {
    case FISCAL_FIELD_TEXT:
    case FISCAL_FIELD_DATE:
      return g_strcmp0 (text, stored) == 0;
    default:
      shown = *text ? format_number (field, number) : g_strdup ("");
      return g_strcmp0 (shown, stored) == 0;
    }
}

static void
store_vehicle (FiscalProfileView *self,
               int                field,
               const char        *text,
               gint64             number)
{
  FiscalProfile *profile = fiscal_document_get_profile (self->document);
  const char *kind = VEHICLE_KIND (field);
  const FiscalVehicle *vehicle = fiscal_profile_find_vehicle (profile, kind);
  gint64 count = vehicle ? vehicle->count : 0;
  gint64 value = vehicle ? vehicle->value : 0;

  /* A row of a kind left empty is 0, unless the other figure of the kind
   * is 0 too: then the kind goes out of the list (and both rows are empty). */
  if (*text == 0)
    {
      if (vehicle == NULL)
        return;
      if ((VEHICLE_IS_VALUE (field) ? count : value) == 0)
        {
          fiscal_profile_remove_vehicle (profile, kind);
          return;
        }
    }

  if (VEHICLE_IS_VALUE (field))
    value = number;
  else
    count = number;
  fiscal_profile_set_vehicle (profile, kind, count, value);
}

/* Stores @text, already known to be a value of @field. */
static void
store (FiscalProfileView *self,
       GtkWidget         *row,
       const char        *text)
{
  FiscalProfile *profile = fiscal_document_get_profile (self->document);
  int field = field_of (row);
  g_autofree char *reason = NULL;
  gint64 number;

  if (!parse (field, text, &number, &reason))
    return;

  self->storing = row;

  switch (field)
    {
    case DOC_NAME:
      fiscal_document_set_department_name (self->document, text);
      break;
    case DOC_CODE:
      fiscal_document_set_department_code (self->document, text);
      break;
    case DOC_YEAR:
      fiscal_document_set_year (self->document, number);
      break;
    default:
      if (IS_VEHICLE (field))
        store_vehicle (self, field, text, number);
      else if (*text == 0)
        fiscal_profile_unset (profile, field);
      else if (field_type (field) == FISCAL_FIELD_TEXT || field_type (field) == FISCAL_FIELD_DATE)
        fiscal_profile_set_text (profile, field, text);
      else
        fiscal_profile_set_number (profile, field, number);
      break;
    }

  self->storing = NULL;
}

/* Marks @row as holding a text that is not stored, saying why; or, when
 * @reason is %NULL, takes the mark away. */
static void
set_mark (GtkWidget  *row,
          const char *reason)
{
  GtkWidget *icon = g_object_get_data (G_OBJECT (row), "fiscal-mark");
  GtkWidget *text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (row)));

  gtk_widget_set_tooltip_text (row, reason);
  gtk_widget_set_tooltip_text (icon, reason);
  gtk_widget_set_visible (icon, reason != NULL);

  if (reason != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, reason, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, reason, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

/* What the field held when the edit began: the budget keeps it while the
 * text is not a value. */
static void
begin_edit (FiscalProfileView *self,
            GtkWidget         *row)
{
  if (self->document != NULL)
    g_object_set_data_full (G_OBJECT (row), "fiscal-origin", field_text (self, field_of (row)), g_free);
}

/* Puts the stored value into @row unless it shows it already (or, with
 * @force, unless its text is exactly that). */
static void
refresh_row (FiscalProfileView *self,
             GtkWidget         *row,
             gboolean           force)
{
  int field = field_of (row);
  const char *current;
  g_autofree char *text = NULL;

  if (row == self->storing)
    return;

  if (GTK_IS_TEXT_VIEW (row))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (row));
      GtkTextIter start, end;
      g_autofree char *shown = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      text = field_text (self, field);
      if (g_strcmp0 (shown, text) != 0)
        {
          self->updating = TRUE;
          gtk_text_buffer_set_text (buffer, text, -1);
          self->updating = FALSE;
        }
      return;
    }

  current = gtk_editable_get_text (GTK_EDITABLE (row));
  if (!force && shows_stored (self, field, current))
    return;

  text = field_text (self, field);
  if (g_strcmp0 (current, text) != 0)
    {
      self->updating = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (row), text);
      self->updating = FALSE;
    }
  set_mark (row, NULL);
  begin_edit (self, row);
}

static void
row_changed_cb (GtkEditable       *editable,
                FiscalProfileView *self)
{
  GtkWidget *row = GTK_WIDGET (editable);
  const char *text = gtk_editable_get_text (editable);
  const char *origin = g_object_get_data (G_OBJECT (row), "fiscal-origin");
  g_autofree char *reason = NULL;
  gint64 number;

  if (self->updating || self->document == NULL)
    return;

  /* Emptied on the way to other text (select all, type): the field is
   * cleared only when the row is left empty. */
  if (*text == 0)
    {
      set_mark (row, NULL);
      store (self, row, origin ? origin : "");
    }
  else if (parse (field_of (row), text, &number, &reason))
    {
      set_mark (row, NULL);
      store (self, row, text);
    }
  else
    {
      set_mark (row, reason);
      store (self, row, origin ? origin : "");
    }
}

/* Typing in a field after coming into it is a step of its own, not part of
 * the step before (the two rows of a kind of vehicle change one field of
 * the profile): an empty action ends the step before. */
static void
seal_history (FiscalProfileView *self)
{
  if (self->document == NULL)
    return;
  fiscal_document_begin_action (self->document, NULL);
  fiscal_document_end_action (self->document);
}

static void
focus_enter_cb (GtkEventControllerFocus *controller,
                FiscalProfileView       *self)
{
  seal_history (self);
  begin_edit (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

static void
text_focus_enter_cb (GtkEventControllerFocus *controller,
                     FiscalProfileView       *self)
{
  seal_history (self);
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                FiscalProfileView       *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (self->updating || self->document == NULL)
    return;

  if (*gtk_editable_get_text (GTK_EDITABLE (row)) == 0)
    store (self, row, "");
  refresh_row (self, row, TRUE);
}

/* Ctrl+Z and Ctrl+Shift+Z in a field are the window's undo and redo, taken
 * before the text sees them. */
static void
add_history_keys (GtkWidget *widget)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_z, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("win.undo")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK),
                                                          gtk_named_action_new ("win.redo")));
  gtk_widget_add_controller (widget, controller);
}

static GtkWidget *
add_row (FiscalProfileView *self,
         GtkWidget         *group,
         int                field,
         const char        *title)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkEventController *focus = gtk_event_controller_focus_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_enable_undo (gtk_editable_get_delegate (GTK_EDITABLE (row)), FALSE);
  add_history_keys (row);

  gtk_widget_set_visible (icon, FALSE);
  gtk_widget_add_css_class (icon, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Not a valid value"), -1);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), icon);
  g_object_set_data (G_OBJECT (row), "fiscal-mark", icon);

  g_object_set_data (G_OBJECT (row), "fiscal-field", KEY (field));
  g_signal_connect (row, "changed", G_CALLBACK (row_changed_cb), self);
  g_signal_connect (focus, "enter", G_CALLBACK (focus_enter_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (row, focus);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_hash_table_insert (self->rows, KEY (field), row);

  return row;
}

static void
text_changed_cb (GtkTextBuffer     *buffer,
                 FiscalProfileView *self)
{
  GtkWidget *view = g_object_get_data (G_OBJECT (buffer), "fiscal-view");
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (self->updating || self->document == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  self->storing = view;
  fiscal_profile_set_text (fiscal_document_get_profile (self->document), field_of (view), text);
  self->storing = NULL;
}

/* A paragraph: a row with its title over a text view. */
static void
add_text_row (FiscalProfileView *self,
              GtkWidget         *group,
              int                field,
              const char        *title)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_add_css_class (row, "fiscal-profile-text");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 8);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_pixels_inside_wrap (GTK_TEXT_VIEW (view), 2);
  gtk_widget_set_size_request (view, -1, 64);
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  add_history_keys (view);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE,
                                  -1);

  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), view);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data (G_OBJECT (view), "fiscal-field", KEY (field));
  g_object_set_data (G_OBJECT (buffer), "fiscal-view", view);
  g_signal_connect (buffer, "changed", G_CALLBACK (text_changed_cb), self);
  {
    GtkEventController *focus = gtk_event_controller_focus_new ();

    g_signal_connect (focus, "enter", G_CALLBACK (text_focus_enter_cb), self);
    gtk_widget_add_controller (view, focus);
  }

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_hash_table_insert (self->rows, KEY (field), view);
}

static char *
row_title (FiscalFieldType  type,
           const char      *label)
{
  switch (type)
    {
    /* TRANSLATORS: a field of the department profile and its unit */
    case FISCAL_FIELD_MONEY: return g_strdup_printf (_("%s (yuan)"), label);
    case FISCAL_FIELD_AREA:  return g_strdup_printf (_("%s (m²)"), label);
    case FISCAL_FIELD_DATE:  return g_strdup_printf (_("%s (YYYY-MM-DD)"), label);
    default:                 return g_strdup (label);
    }
}

static void
add_vehicle_rows (FiscalProfileView *self,
                  GtkWidget         *group)
{
  for (guint k = 0; k < G_N_ELEMENTS (vehicle_kinds); k++)
    {
      /* TRANSLATORS: the number of vehicles of a kind */
      g_autofree char *count = g_strdup_printf (_("%s (vehicles)"), _(vehicle_kinds[k].label));
      /* TRANSLATORS: the value of the vehicles of a kind */
      g_autofree char *value = g_strdup_printf (_("%s, value (yuan)"), _(vehicle_kinds[k].label));

      add_row (self, group, VEHICLE_FIELD + 2 * k, count);
      add_row (self, group, VEHICLE_FIELD + 2 * k + 1, value);
    }
}

static void
build (FiscalProfileView *self)
{
  static const struct { const char *group; const char *title; } groups[] = {
    { NULL,          N_("Functions and Institutions") },
    { "staffing",    N_("Staffing") },
    { "assets",      N_("State Assets") },
    { "procurement", N_("Government Procurement") },
    { "contact",     N_("Contact") },
  };
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Department"));
  add_row (self, group, DOC_NAME, _("Department name"));
  add_row (self, group, DOC_CODE, _("Department code"));
  add_row (self, group, DOC_YEAR, _("Fiscal year"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), ADW_PREFERENCES_GROUP (group));

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      group = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _(groups[g].title));

      for (guint f = 0; f < FISCAL_N_PROFILE_FIELDS; f++)
        {
          const FiscalProfileFieldInfo *info = fiscal_profile_field_info (f);
          g_autofree char *title = NULL;

          if (g_strcmp0 (info->group, groups[g].group) != 0)
            continue;

          if (f == FISCAL_PROFILE_FUNCTIONS || f == FISCAL_PROFILE_INSTITUTIONS)
            {
              add_text_row (self, group, f, fiscal_profile_field_label (f));
              continue;
            }
          if (info->type == FISCAL_FIELD_VEHICLES)
            {
              add_vehicle_rows (self, group);
              continue;
            }

          title = row_title (info->type, fiscal_profile_field_label (f));
          add_row (self, group, f, title);
        }

      adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), ADW_PREFERENCES_GROUP (group));
    }
}

/**
 * fiscal_profile_view_refresh:
 *
 * Shows the document's values. A row that shows its stored value already
 * is left as it is typed; one being stored into is left alone.
 */
void
fiscal_profile_view_refresh (FiscalProfileView *self)
{
  GHashTableIter iter;
  gpointer key, row;

  g_return_if_fail (FISCAL_IS_PROFILE_VIEW (self));

  gtk_widget_set_sensitive (self->page, self->document != NULL);
  if (self->document == NULL)
    return;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, &row))
    refresh_row (self, row, FALSE);
}

void
fiscal_profile_view_set_document (FiscalProfileView *self,
                                  FiscalDocument    *document)
{
  g_return_if_fail (FISCAL_IS_PROFILE_VIEW (self));

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, fiscal_profile_view_refresh, self);

  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect_object (document, "changed", G_CALLBACK (fiscal_profile_view_refresh), self, G_CONNECT_SWAPPED);

  fiscal_profile_view_refresh (self);
}

/**
 * fiscal_profile_view_get_field:
 * @field: a #FiscalProfileField
 *
 * For %FISCAL_PROFILE_ASSETS_VEHICLES this is the count of the first kind
 * of vehicle (see fiscal_profile_view_get_vehicle_field()).
 *
 * Returns: (transfer none) (nullable): the entry row of @field; %NULL for
 *   the paragraphs, which are text views (see fiscal_profile_view_get_widget())
 */
GtkEditable *
fiscal_profile_view_get_field (FiscalProfileView *self,
                               int                field)
{
  GtkWidget *widget;

  g_return_val_if_fail (FISCAL_IS_PROFILE_VIEW (self), NULL);

  widget = fiscal_profile_view_get_widget (self, field);
  return GTK_IS_EDITABLE (widget) ? GTK_EDITABLE (widget) : NULL;
}

/**
 * fiscal_profile_view_get_widget:
 * @field: a #FiscalProfileField
 *
 * Returns: (transfer none) (nullable): what edits @field: an entry row, or
 *   the text view of a paragraph (main functions, institutions)
 */
GtkWidget *
fiscal_profile_view_get_widget (FiscalProfileView *self,
                                int                field)
{
  g_return_val_if_fail (FISCAL_IS_PROFILE_VIEW (self), NULL);

  if (field == FISCAL_PROFILE_ASSETS_VEHICLES)
    field = VEHICLE_FIELD;
  return g_hash_table_lookup (self->rows, KEY (field));
}

/**
 * fiscal_profile_view_get_vehicle_field:
 * @kind: 一般公务用车, 执法执勤用车 or 其他车辆
 * @value: %TRUE for the value row, %FALSE for the count row
 *
 * Returns: (transfer none) (nullable): the row, or %NULL for another kind
 */
GtkEditable *
fiscal_profile_view_get_vehicle_field (FiscalProfileView *self,
                                       const char        *kind,
                                       gboolean           value)
{
  g_return_val_if_fail (FISCAL_IS_PROFILE_VIEW (self), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  for (guint k = 0; k < G_N_ELEMENTS (vehicle_kinds); k++)
    if (g_str_equal (vehicle_kinds[k].kind, kind))
      return g_hash_table_lookup (self->rows, KEY (VEHICLE_FIELD + 2 * k + (value ? 1 : 0)));

  return NULL;
}

static void
fiscal_profile_view_dispose (GObject *object)
{
  FiscalProfileView *self = (FiscalProfileView *)object;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, fiscal_profile_view_refresh, self);
  g_clear_object (&self->document);
  g_clear_pointer (&self->page, gtk_widget_unparent);
  g_clear_pointer (&self->rows, g_hash_table_unref);

  G_OBJECT_CLASS (fiscal_profile_view_parent_class)->dispose (object);
}

static void
fiscal_profile_view_class_init (FiscalProfileViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fiscal_profile_view_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "profileview");
}

static void
add_style (void)
{
  static gboolean added;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (added || display == NULL)
    return;
  added = TRUE;

  /* A paragraph's text view lies on its row like an entry row's text, and
   * the row shows where the focus is. */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider,
                                   "row.fiscal-profile-text textview,"
                                   "row.fiscal-profile-text textview > text { background: none; }"
                                   "row.fiscal-profile-text:focus-within {"
                                   "  box-shadow: inset 0 0 0 2px alpha(@accent_color, 0.5); }",
                                   -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
fiscal_profile_view_init (FiscalProfileView *self)
{
  add_style ();
  self->rows = g_hash_table_new (NULL, NULL);
  self->page = adw_preferences_page_new ();
  gtk_widget_set_parent (self->page, GTK_WIDGET (self));
  build (self);
}

GtkWidget *
fiscal_profile_view_new (void)
{
  return g_object_new (FISCAL_TYPE_PROFILE_VIEW, NULL);
}
