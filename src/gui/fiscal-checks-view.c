/* fiscal-checks-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-checks-view"

#include "config.h"

#include <glib/gi18n.h>

#include "fiscal-checks-view.h"

struct _FiscalChecksView
{
  GtkWidget  parent_instance;

  GPtrArray *findings;
  GtkWidget *page;
  GPtrArray *groups;
};

enum {
  FINDING_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (FiscalChecksView, fiscal_checks_view, GTK_TYPE_WIDGET)

static const char *
severity_icon (FiscalSeverity severity)
{
  switch (severity)
    {
    case FISCAL_SEVERITY_ERROR:   return "dialog-error-symbolic";
    case FISCAL_SEVERITY_WARNING: return "dialog-warning-symbolic";
    case FISCAL_SEVERITY_INFO:
    default:                      return "dialog-information-symbolic";
    }
}

static void
row_activated_cb (AdwActionRow     *row,
                  FiscalChecksView *self)
{
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "fiscal-finding"));

  fiscal_checks_view_activate (self, position);
}

/**
 * fiscal_checks_view_activate:
 *
 * Emits ::finding-activated for the finding at @position.
 */
void
fiscal_checks_view_activate (FiscalChecksView *self,
                             guint             position)
{
  g_return_if_fail (FISCAL_IS_CHECKS_VIEW (self));
  g_return_if_fail (self->findings != NULL && position < self->findings->len);

  g_signal_emit (self, signals[FINDING_ACTIVATED], 0, g_ptr_array_index (self->findings, position));
}

static void
rebuild (FiscalChecksView *self)
{
  static const struct { FiscalSeverity severity; const char *title; } groups[] = {
    { FISCAL_SEVERITY_ERROR, N_("Errors") },
    { FISCAL_SEVERITY_WARNING, N_("Warnings") },
    { FISCAL_SEVERITY_INFO, N_("Notes") },
  };

  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (ADW_PREFERENCES_PAGE (self->page), g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);

  if (self->findings == NULL || self->findings->len == 0)
    {
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "emblem-ok-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Problems Found"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                       _("The codes, amounts, profile and texts pass every check."));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), status);
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), ADW_PREFERENCES_GROUP (group));
      g_ptr_array_add (self->groups, group);
      return;
    }

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      guint n = fiscal_findings_count (self->findings, groups[g].severity);
      g_autofree char *title = NULL;
      GtkWidget *group;

      if (n == 0)
        continue;

      group = adw_preferences_group_new ();
      title = g_strdup_printf ("%s (%u)", _(groups[g].title), n);
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);

      for (guint i = 0; i < self->findings->len; i++)
        {
          const FiscalFinding *finding = g_ptr_array_index (self->findings, i);
          g_autofree char *subtitle = NULL;
          g_autofree char *escaped = NULL;
          GtkWidget *row;
          GtkWidget *icon;

          if (finding->severity != groups[g].severity)
            continue;

          row = adw_action_row_new ();
          escaped = g_markup_escape_text (finding->message, -1);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
          subtitle = g_markup_printf_escaped ("%s · %s", finding->where, finding->rule);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);

          icon = gtk_image_new_from_icon_name (severity_icon (finding->severity));
          gtk_widget_add_css_class (icon, finding->severity == FISCAL_SEVERITY_ERROR ? "error"
                                    : finding->severity == FISCAL_SEVERITY_WARNING ? "warning" : "accent");
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

          g_object_set_data (G_OBJECT (row), "fiscal-finding", GUINT_TO_POINTER (i));
          g_signal_connect (row, "activated", G_CALLBACK (row_activated_cb), self);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
        }

      adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), ADW_PREFERENCES_GROUP (group));
      g_ptr_array_add (self->groups, group);
    }
}

/**
 * fiscal_checks_view_set_findings:
 * @findings: (nullable) (element-type FiscalFinding): the findings
 */
void
fiscal_checks_view_set_findings (FiscalChecksView *self,
                                 GPtrArray        *findings)
{
  g_return_if_fail (FISCAL_IS_CHECKS_VIEW (self));

  if (findings)
    g_ptr_array_ref (findings);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  self->findings = findings;

  rebuild (self);
}

/**
 * fiscal_checks_view_get_findings:
 *
 * Returns: (transfer none) (nullable): the findings shown
 */
GPtrArray *
fiscal_checks_view_get_findings (FiscalChecksView *self)
{
  g_return_val_if_fail (FISCAL_IS_CHECKS_VIEW (self), NULL);
  return self->findings;
}

static void
fiscal_checks_view_dispose (GObject *object)
{
  FiscalChecksView *self = (FiscalChecksView *)object;

  g_clear_pointer (&self->page, gtk_widget_unparent);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);

  G_OBJECT_CLASS (fiscal_checks_view_parent_class)->dispose (object);
}

static void
fiscal_checks_view_class_init (FiscalChecksViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fiscal_checks_view_dispose;

  /**
   * FiscalChecksView::finding-activated:
   * @finding: (type gpointer): the #FiscalFinding
   */
  signals[FINDING_ACTIVATED] =
    g_signal_new ("finding-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "checks");
}

static void
fiscal_checks_view_init (FiscalChecksView *self)
{
  self->groups = g_ptr_array_new ();
  self->page = adw_preferences_page_new ();
  gtk_widget_set_parent (self->page, GTK_WIDGET (self));
  rebuild (self);
}

GtkWidget *
fiscal_checks_view_new (void)
{
  return g_object_new (FISCAL_TYPE_CHECKS_VIEW, NULL);
}
