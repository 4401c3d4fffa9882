/* fiscal-profile-view.c
 *
 * One row per profile field, made from the field table of FiscalProfile.
 * Each edit is stored as it is typed (typing in one field is one undo
 * step); a number that does not parse is marked and not stored.
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

struct _FiscalProfileView
{
  GtkWidget       parent_instance;

  FiscalDocument *document;
  GtkWidget      *page;
  GHashTable     *rows;      /* field (int, +8) → AdwEntryRow */
  gboolean        updating;
};

G_DEFINE_FINAL_TYPE (FiscalProfileView, fiscal_profile_view, GTK_TYPE_WIDGET)

#define KEY(field) GINT_TO_POINTER ((field) + 8)

static char *
field_text (FiscalProfileView *self,
            int                field)
{
  FiscalProfile *profile = fiscal_document_get_profile (self->document);
  const FiscalProfileFieldInfo *info;

  switch (field)
    {
    case DOC_NAME: return g_strdup (fiscal_document_get_department_name (self->document));
    case DOC_CODE: return g_strdup (fiscal_document_get_department_code (self->document));
    case DOC_YEAR: return g_strdup_printf ("%d", fiscal_document_get_year (self->document));
    default: break;
    }

  if (!fiscal_profile_is_set (profile, field))
    return g_strdup ("");

  info = fiscal_profile_field_info (field);
  switch (info->type)
    {
    case FISCAL_FIELD_TEXT:
    case FISCAL_FIELD_DATE:
      return g_strdup (fiscal_profile_get_text (profile, field));
    case FISCAL_FIELD_COUNT:
    case FISCAL_FIELD_CHANGE:
      return g_strdup_printf ("%" G_GINT64_FORMAT, fiscal_profile_get_number (profile, field));
    case FISCAL_FIELD_MONEY:
    case FISCAL_FIELD_AREA:
      return fiscal_money_format_yuan (fiscal_profile_get_number (profile, field));
    case FISCAL_FIELD_VEHICLES:
    default:
      return g_strdup ("");
    }
}

/* Stores @text; returns FALSE when it is not a value of the field. */
static gboolean
store (FiscalProfileView *self,
       int                field,
       const char        *text)
{
  FiscalProfile *profile = fiscal_document_get_profile (self->document);
  const FiscalProfileFieldInfo *info;
  gint64 number;
  guint64 unsigned_number;

  switch (field)
    {
    case DOC_NAME:
      if (*text == 0)
        return FALSE;
      fiscal_document_set_department_name (self->document, text);
      return TRUE;
    case DOC_CODE:
      fiscal_document_set_department_code (self->document, text);
      return TRUE;
    case DOC_YEAR:
      if (!g_ascii_string_to_unsigned (text, 10, 1990, 2200, &unsigned_number, NULL))
        return FALSE;
      fiscal_document_set_year (self->document, unsigned_number);
      return TRUE;
    default:
      break;
    }

  info = fiscal_profile_field_info (field);
  if (*text == 0)
    {
      fiscal_profile_unset (profile, field);
      return TRUE;
    }

  switch (info->type)
    {
    case FISCAL_FIELD_TEXT:
      fiscal_profile_set_text (profile, field, text);
      return TRUE;
    case FISCAL_FIELD_DATE:
      {
        g_autoptr(GDateTime) date = NULL;
        g_autofree char *iso = g_strconcat (text, "T00:00:00Z", NULL);

        if (strlen (text) != 10 || !(date = g_date_time_new_from_iso8601 (iso, NULL)))
          return FALSE;
        fiscal_profile_set_text (profile, field, text);
        return TRUE;
      }
    case FISCAL_FIELD_COUNT:
      if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT32, &unsigned_number, NULL))
        return FALSE;
      fiscal_profile_set_number (profile, field, unsigned_number);
      return TRUE;
    case FISCAL_FIELD_CHANGE:
      if (!g_ascii_string_to_signed (text, 10, -G_MAXINT32, G_MAXINT32, &number, NULL))
        return FALSE;
      fiscal_profile_set_number (profile, field, number);
      return TRUE;
    case FISCAL_FIELD_MONEY:
    case FISCAL_FIELD_AREA:
      if (!fiscal_money_parse (text, &number, NULL))
        return FALSE;
      fiscal_profile_set_number (profile, field, number);
      return TRUE;
    case FISCAL_FIELD_VEHICLES:
    default:
      return FALSE;
    }
}

static void
row_changed_cb (GtkEditable       *row,
                FiscalProfileView *self)
{
  int field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "fiscal-field")) - 8;

  if (self->updating || self->document == NULL)
    return;

  /* Emptied on the way to other text (select all, type): the field is
   * cleared only when the row is left empty. */
  if (*gtk_editable_get_text (row) == 0)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      return;
    }

  if (store (self, field, gtk_editable_get_text (row)))
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                FiscalProfileView       *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  int field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "fiscal-field")) - 8;

  if (!self->updating && self->document != NULL && *gtk_editable_get_text (GTK_EDITABLE (row)) == 0 &&
      !store (self, field, ""))
    fiscal_profile_view_refresh (self);
}

static GtkWidget *
add_row (FiscalProfileView *self,
         GtkWidget         *group,
         int                field,
         const char        *title,
         const char        *unit)
{
  GtkWidget *row = adw_entry_row_new ();
  g_autofree char *full = unit ? g_strdup_printf ("%s（%s）", title, unit) : g_strdup (title);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), full);
  g_object_set_data (G_OBJECT (row), "fiscal-field", KEY (field));
  g_signal_connect (row, "changed", G_CALLBACK (row_changed_cb), self);
  {
    GtkEventController *focus = gtk_event_controller_focus_new ();
    g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), self);
    gtk_widget_add_controller (row, focus);
  }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_hash_table_insert (self->rows, KEY (field), row);

  return row;
}

static const char *
unit_of (FiscalFieldType type)
{
  switch (type)
    {
    case FISCAL_FIELD_MONEY: return _("yuan");
    case FISCAL_FIELD_AREA:  return _("m²");
    case FISCAL_FIELD_DATE:  return _("YYYY-MM-DD");
    default:                 return NULL;
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
  add_row (self, group, DOC_NAME, _("Department name"), NULL);
  add_row (self, group, DOC_CODE, _("Department code"), NULL);
  add_row (self, group, DOC_YEAR, _("Fiscal year"), NULL);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), ADW_PREFERENCES_GROUP (group));

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      group = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _(groups[g].title));

      for (guint f = 0; f < FISCAL_N_PROFILE_FIELDS; f++)
        {
          const FiscalProfileFieldInfo *info = fiscal_profile_field_info (f);

          if (info->type == FISCAL_FIELD_VEHICLES || g_strcmp0 (info->group, groups[g].group) != 0)
            continue;
          add_row (self, group, f, fiscal_profile_field_label (f), unit_of (info->type));
        }

      adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), ADW_PREFERENCES_GROUP (group));
    }
}

/**
 * fiscal_profile_view_refresh:
 *
 * Shows the document's values, leaving the row being typed in alone.
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

  self->updating = TRUE;
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, &row))
    {
      g_autofree char *text = field_text (self, GPOINTER_TO_INT (key) - 8);

      if (gtk_widget_get_focus_child (row) == NULL &&
          g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) != 0)
        {
          gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
          gtk_widget_remove_css_class (row, "error");
        }
    }
  self->updating = FALSE;
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
 * Returns: (transfer none) (nullable): the row of @field
 */
GtkEditable *
fiscal_profile_view_get_field (FiscalProfileView *self,
                               int                field)
{
  g_return_val_if_fail (FISCAL_IS_PROFILE_VIEW (self), NULL);
  return g_hash_table_lookup (self->rows, KEY (field));
}

static void
fiscal_profile_view_dispose (GObject *object)
{
  FiscalProfileView *self = (FiscalProfileView *)object;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, fiscal_profile_view_refresh, self);
  g_clear_pointer (&self->page, gtk_widget_unparent);
  g_clear_object (&self->document);
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
fiscal_profile_view_init (FiscalProfileView *self)
{
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
