/* fiscal-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-application"

#include "config.h"

#include <glib/gi18n.h>

#include "fiscal-application.h"
#include "fiscal-recovery.h"
#include "fiscal-window.h"

struct _FiscalApplication
{
  AdwApplication  parent_instance;
  GSettings      *settings;
  GMenu          *recent_menu;
};

#define MAX_RECENT 8

static void update_recent_menu (FiscalApplication *self);

G_DEFINE_FINAL_TYPE (FiscalApplication, fiscal_application, ADW_TYPE_APPLICATION)

FiscalApplication *
fiscal_application_new (void)
{
  return g_object_new (FISCAL_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/io/github/fiscalapp/Fiscal",
                       NULL);
}

/**
 * fiscal_application_get_settings:
 *
 * Returns: (transfer none) (nullable): the application's settings, or
 *   %NULL when the schema is not installed (running from a build tree
 *   without GSETTINGS_SCHEMA_DIR)
 */
GSettings *
fiscal_application_get_settings (FiscalApplication *self)
{
  g_return_val_if_fail (FISCAL_IS_APPLICATION (self), NULL);
  return self->settings;
}

/* One window per document: a file already open is presented again. */
static FiscalWindow *
find_window (FiscalApplication *self,
             GFile             *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      GFile *shown;

      if (!FISCAL_IS_WINDOW (l->data))
        continue;
      shown = fiscal_window_get_file (l->data);
      if (shown != NULL && g_file_equal (shown, file))
        return l->data;
    }

  return NULL;
}

static void
fiscal_application_open (GApplication  *app,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  FiscalApplication *self = FISCAL_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      FiscalWindow *window = find_window (self, files[i]);

      if (window == NULL)
        {
          window = fiscal_window_new (self);
          fiscal_window_open_file (window, files[i]);
        }
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
new_copies_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        FiscalWindow     *window)
{
  GStrv keys = g_object_get_data (G_OBJECT (dialog), "fiscal-keys");
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (window));

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_autoptr(FiscalDocument) document = NULL;
      FiscalWindow *target = window;

      if (!g_str_equal (response, "recover") ||
          (document = fiscal_recovery_load_new (keys[i])) == NULL)
        {
          fiscal_recovery_discard_new (keys[i]);
          continue;
        }

      /* The first in the window that asked, the others each in its own. */
      if (fiscal_window_get_document (window) != NULL)
        target = fiscal_window_new (FISCAL_APPLICATION (app));
      fiscal_window_take_recovered (target, document, keys[i]);
      gtk_window_present (GTK_WINDOW (target));
    }
}

/**
 * fiscal_application_offer_new_copies:
 * @window: an empty #FiscalWindow to ask in (and to show the first
 *   budget in)
 *
 * Offers back the new budgets (never saved) whose recovery copies Fiscal
 * left when it stopped without closing them.
 *
 * Returns: (transfer none) (nullable): the dialog that asks, or %NULL
 *   when there is no copy
 */
GtkWidget *
fiscal_application_offer_new_copies (FiscalApplication *self,
                                     GtkWindow         *window)
{
  g_auto(GStrv) keys = fiscal_recovery_list_new ();
  g_autoptr(GDateTime) written = NULL;
  g_autofree char *when = NULL;
  g_autofree char *body = NULL;
  guint n;
  GtkWidget *dialog;

  g_return_val_if_fail (FISCAL_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (FISCAL_IS_WINDOW (window), NULL);

  n = keys ? g_strv_length (keys) : 0;
  if (n == 0)
    return NULL;

  written = fiscal_recovery_new_written (keys[n - 1]);
  when = written ? g_date_time_format (written, "%Y-%m-%d %H:%M") : g_strdup ("");
  if (n == 1)
    body = g_strdup_printf (_("Fiscal stopped before a new budget was saved. Its changes, last written at %s, can be recovered."),
                            when);
  else
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Fiscal stopped before %u new budget was saved. Their changes, last written at %s, can be recovered.",
                                         "Fiscal stopped before %u new budgets were saved. Their changes, last written at %s, can be recovered.",
                                         n),
                            n, when);
  dialog = adw_message_dialog_new (GTK_WINDOW (window),
                                   g_dngettext (GETTEXT_PACKAGE, "Recover the Unsaved New Budget?",
                                                "Recover the Unsaved New Budgets?", n),
                                   body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "discard", _("_Discard"),
                                    "recover", _("_Recover"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "recover", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "recover");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "recover");
  g_object_set_data_full (G_OBJECT (dialog), "fiscal-keys", g_steal_pointer (&keys), (GDestroyNotify) g_strfreev);
  g_signal_connect (dialog, "response", G_CALLBACK (new_copies_response_cb), window);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

static void
fiscal_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      window = GTK_WINDOW (fiscal_window_new (FISCAL_APPLICATION (app)));
      gtk_window_present (window);
      fiscal_application_offer_new_copies (FISCAL_APPLICATION (app), window);
      return;
    }

  gtk_window_present (window);
}

static void
fiscal_application_startup (GApplication *app)
{
  FiscalApplication *self = FISCAL_APPLICATION (app);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *new_accels[] = { "<Control>n", NULL };

  G_APPLICATION_CLASS (fiscal_application_parent_class)->startup (app);

  g_set_application_name (_("Fiscal"));
  gtk_window_set_default_icon_name (APPLICATION_ID);

  if (source != NULL && (schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE)))
    self->settings = g_settings_new (APPLICATION_ID);
  update_recent_menu (self);

  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.new", new_accels);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = g_list_copy (gtk_application_get_windows (app));

  /* Each window is closed as its close button closes it: one with unsaved
   * changes asks first, and the application ends with its last window.
   * (Closing one can take its dialogs with it.) */
  for (GList *l = windows; l != NULL; l = l->next)
    g_object_ref (l->data);
  for (GList *l = windows; l != NULL; l = l->next)
    if (g_list_find (gtk_application_get_windows (app), l->data) != NULL)
      gtk_window_close (GTK_WINDOW (l->data));

  g_list_free_full (windows, g_object_unref);
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The Fiscal developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Fiscal"),
                         "application-icon", APPLICATION_ID,
                         "developer-name", _("The Fiscal developers"),
                         "version", PACKAGE_VERSION,
                         "website", "https://github.com/fiscalapp/fiscal",
                         "issue-url", "https://github.com/fiscalapp/fiscal/issues",
                         "comments", _("Prepare and review department budgets in the national disclosure format"),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
new_action (GSimpleAction *action,
            GVariant      *param,
            gpointer       user_data)
{
  FiscalApplication *self = FISCAL_APPLICATION (user_data);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(FiscalDocument) document = NULL;
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  FiscalWindow *window;

  /* Budgets are drafted for the coming year; a window with no budget yet
   * takes the new one. */
  document = fiscal_document_new (g_date_time_get_year (now) + 1, _("New Department"));
  if (FISCAL_IS_WINDOW (active) && fiscal_window_get_document (FISCAL_WINDOW (active)) == NULL)
    window = FISCAL_WINDOW (active);
  else
    window = fiscal_window_new (self);
  fiscal_window_take_document (window, document);
  gtk_window_present (GTK_WINDOW (window));
}

static void
update_recent_menu (FiscalApplication *self)
{
  g_auto(GStrv) recent = self->settings ? g_settings_get_strv (self->settings, "recent-files") : NULL;

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; recent && recent[i]; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (recent[i]);
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(GMenuItem) item = g_menu_item_new (name, NULL);

      g_menu_item_set_action_and_target (item, "app.open-recent", "s", recent[i]);
      g_menu_append_item (self->recent_menu, item);
    }
}

/**
 * fiscal_application_add_recent:
 *
 * Puts @file first in the recent budgets.
 */
void
fiscal_application_add_recent (FiscalApplication *self,
                               GFile             *file)
{
  g_auto(GStrv) recent = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *uri = g_file_get_uri (file);
  g_auto(GStrv) updated = NULL;
  guint n = 1;

  g_return_if_fail (FISCAL_IS_APPLICATION (self));

  if (self->settings == NULL)
    return;

  recent = g_settings_get_strv (self->settings, "recent-files");
  g_strv_builder_add (builder, uri);
  for (guint i = 0; recent[i] && n < MAX_RECENT; i++)
    if (!g_str_equal (recent[i], uri))
      {
        g_strv_builder_add (builder, recent[i]);
        n++;
      }

  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-files", (const char * const *) updated);
  update_recent_menu (self);
}

/**
 * fiscal_application_get_recent_menu:
 *
 * Returns: (transfer none): the menu of recent budgets
 */
GMenuModel *
fiscal_application_get_recent_menu (FiscalApplication *self)
{
  g_return_val_if_fail (FISCAL_IS_APPLICATION (self), NULL);
  return G_MENU_MODEL (self->recent_menu);
}

static void
open_recent_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  g_application_open (G_APPLICATION (user_data), &file, 1, "");
}

static const GActionEntry app_actions[] = {
  { "new", new_action },
  { "open-recent", open_recent_action, "s" },
  { "quit", quit_action },
  { "about", about_action },
};

static void
fiscal_application_finalize (GObject *object)
{
  FiscalApplication *self = (FiscalApplication *)object;

  g_clear_object (&self->settings);
  g_clear_object (&self->recent_menu);

  G_OBJECT_CLASS (fiscal_application_parent_class)->finalize (object);
}

static void
fiscal_application_class_init (FiscalApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = fiscal_application_finalize;
  app_class->activate = fiscal_application_activate;
  app_class->open = fiscal_application_open;
  app_class->startup = fiscal_application_startup;
}

static void
fiscal_application_init (FiscalApplication *self)
{
  self->recent_menu = g_menu_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
}
