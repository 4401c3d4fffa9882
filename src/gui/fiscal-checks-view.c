/* fiscal-checks-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-checks-view"

#include "config.h"

#include <glib/gi18n.h>

#include "fiscal-checks-view.h"

/* One row of the list: a severity heading or a finding. Made on demand by
 * the model, so a budget with tens of thousands of findings costs the rows
 * on screen, not one widget per finding. */
#define CHECK_TYPE_ENTRY (check_entry_get_type ())
G_DECLARE_FINAL_TYPE (CheckEntry, check_entry, CHECK, ENTRY, GObject)

struct _CheckEntry
{
  GObject               parent_instance;
  const FiscalFinding  *finding;    /* NULL for a heading */
  FiscalSeverity        severity;
  guint                 index;      /* the finding's position, or the heading's count */
  GPtrArray            *findings;   /* keeps @finding alive */
};

G_DEFINE_FINAL_TYPE (CheckEntry, check_entry, G_TYPE_OBJECT)

static void
check_entry_finalize (GObject *object)
{
  CheckEntry *self = CHECK_ENTRY (object);

  g_clear_pointer (&self->findings, g_ptr_array_unref);
  G_OBJECT_CLASS (check_entry_parent_class)->finalize (object);
}

static void
check_entry_class_init (CheckEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = check_entry_finalize;
}

static void
check_entry_init (CheckEntry *self)
{
}

/* The list: for each severity with findings, its heading then its
 * findings in the order the checks gave them. */
#define CHECK_TYPE_MODEL (check_model_get_type ())
G_DECLARE_FINAL_TYPE (CheckModel, check_model, CHECK, MODEL, GObject)

typedef struct
{
  int            finding;    /* -1 for a heading */
  FiscalSeverity severity;
  guint          count;      /* a heading's number of findings */
} CheckSlot;

struct _CheckModel
{
  GObject    parent_instance;
  GPtrArray *findings;
  GArray    *slots;          /* CheckSlot */
};

static GType
check_model_get_item_type (GListModel *model)
{
  return CHECK_TYPE_ENTRY;
}

static guint
check_model_get_n_items (GListModel *model)
{
  return CHECK_MODEL (model)->slots->len;
}

static gpointer
check_model_get_item (GListModel *model,
                      guint       position)
{
  CheckModel *self = CHECK_MODEL (model);
  const CheckSlot *slot;
  CheckEntry *entry;

  if (position >= self->slots->len)
    return NULL;

  slot = &g_array_index (self->slots, CheckSlot, position);
  entry = g_object_new (CHECK_TYPE_ENTRY, NULL);
  entry->severity = slot->severity;
  if (slot->finding >= 0)
    {
      entry->findings = g_ptr_array_ref (self->findings);
      entry->finding = g_ptr_array_index (self->findings, slot->finding);
      entry->index = slot->finding;
    }
  else
    entry->index = slot->count;

  return entry;
}

static void
check_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = check_model_get_item_type;
  iface->get_n_items = check_model_get_n_items;
  iface->get_item = check_model_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (CheckModel, check_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, check_model_list_model_init))

static void
check_model_finalize (GObject *object)
{
  CheckModel *self = CHECK_MODEL (object);

  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->slots, g_array_unref);
  G_OBJECT_CLASS (check_model_parent_class)->finalize (object);
}

static void
check_model_class_init (CheckModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = check_model_finalize;
}

static void
check_model_init (CheckModel *self)
{
  self->slots = g_array_new (FALSE, FALSE, sizeof (CheckSlot));
}

static const FiscalSeverity severities[] = {
  FISCAL_SEVERITY_ERROR, FISCAL_SEVERITY_WARNING, FISCAL_SEVERITY_INFO,
};

static void
check_model_set_findings (CheckModel *self,
                          GPtrArray  *findings)
{
  guint removed = self->slots->len;

  g_clear_pointer (&self->findings, g_ptr_array_unref);
  self->findings = findings ? g_ptr_array_ref (findings) : NULL;
  g_array_set_size (self->slots, 0);

  for (guint s = 0; findings != NULL && s < G_N_ELEMENTS (severities); s++)
    {
      guint heading = self->slots->len;
      CheckSlot slot = { -1, severities[s], 0 };

      g_array_append_val (self->slots, slot);
      for (guint i = 0; i < findings->len; i++)
        {
          const FiscalFinding *finding = g_ptr_array_index (findings, i);
          CheckSlot item = { (int) i, severities[s], 0 };

          if (finding->severity != severities[s])
            continue;
          g_array_append_val (self->slots, item);
          g_array_index (self->slots, CheckSlot, heading).count++;
        }

      if (g_array_index (self->slots, CheckSlot, heading).count == 0)
        g_array_set_size (self->slots, heading);
    }

  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->slots->len);
}

struct _FiscalChecksView
{
  GtkWidget   parent_instance;

  GPtrArray  *findings;
  CheckModel *model;
  GtkWidget  *stack;
  GtkWidget  *list;
  gboolean    stale;     /* findings set while hidden, not yet in the list */
  gboolean    inert;     /* the findings lead nowhere: no arrows */
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

static const char *
severity_class (FiscalSeverity severity)
{
  switch (severity)
    {
    case FISCAL_SEVERITY_ERROR:   return "error";
    case FISCAL_SEVERITY_WARNING: return "warning";
    case FISCAL_SEVERITY_INFO:
    default:                      return "accent";
    }
}

static const char *
severity_heading (FiscalSeverity severity)
{
  switch (severity)
    {
    case FISCAL_SEVERITY_ERROR:   return _("Errors");
    case FISCAL_SEVERITY_WARNING: return _("Warnings");
    case FISCAL_SEVERITY_INFO:
    default:                      return _("Notes");
    }
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
list_activate_cb (GtkListView      *list,
                  guint             position,
                  FiscalChecksView *self)
{
  g_autoptr(CheckEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (entry != NULL && entry->finding != NULL)
    fiscal_checks_view_activate (self, entry->index);
}

/* A row: the severity icon, the message over its place and rule, an arrow.
 * A heading uses the message label alone. */
static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *next = gtk_image_new_from_icon_name ("go-next-symbolic");

  gtk_widget_add_css_class (box, "check-row");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (title), 3);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);

  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), subtitle);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), next);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             FiscalChecksView         *self)
{
  CheckEntry *entry = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *texts = gtk_widget_get_next_sibling (icon);
  GtkWidget *next = gtk_widget_get_next_sibling (texts);
  GtkWidget *title = gtk_widget_get_first_child (texts);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  gboolean heading = entry->finding == NULL;

  gtk_widget_set_visible (icon, !heading);
  gtk_widget_set_visible (next, !heading && !self->inert);
  gtk_widget_set_visible (subtitle, !heading);
  gtk_list_item_set_activatable (item, !heading && !self->inert);
  gtk_list_item_set_selectable (item, FALSE);

  for (guint s = 0; s < G_N_ELEMENTS (severities); s++)
    gtk_widget_remove_css_class (icon, severity_class (severities[s]));

  if (heading)
    {
      g_autofree char *text = g_strdup_printf ("%s (%u)", severity_heading (entry->severity), entry->index);

      gtk_widget_add_css_class (box, "check-heading");
      gtk_widget_add_css_class (title, "heading");
      gtk_label_set_text (GTK_LABEL (title), text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
    }
  else
    {
      g_autofree char *place = g_strdup_printf ("%s · %s", entry->finding->where, entry->finding->rule);

      gtk_widget_remove_css_class (box, "check-heading");
      gtk_widget_remove_css_class (title, "heading");
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), severity_icon (entry->severity));
      gtk_widget_add_css_class (icon, severity_class (entry->severity));
      gtk_label_set_text (GTK_LABEL (title), entry->finding->message);
      gtk_label_set_text (GTK_LABEL (subtitle), place);
      gtk_widget_set_tooltip_text (title, entry->finding->message);
      gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      entry->finding->message, -1);
    }
}

static void
show_findings (FiscalChecksView *self)
{
  self->stale = FALSE;
  check_model_set_findings (self->model, self->findings);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack),
                                    self->findings != NULL && self->findings->len > 0 ? "findings" : "none");
}

static void
fiscal_checks_view_map (GtkWidget *widget)
{
  FiscalChecksView *self = FISCAL_CHECKS_VIEW (widget);

  if (self->stale)
    show_findings (self);

  GTK_WIDGET_CLASS (fiscal_checks_view_parent_class)->map (widget);
}

/**
 * fiscal_checks_view_set_activatable:
 *
 * Whether activating a finding goes somewhere; a list of findings that
 * name only lines of a text, as an import report, shows no arrows.
 */
void
fiscal_checks_view_set_activatable (FiscalChecksView *self,
                                    gboolean          activatable)
{
  g_return_if_fail (FISCAL_IS_CHECKS_VIEW (self));
  self->inert = !activatable;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    show_findings (self);
  else
    self->stale = TRUE;
}

/**
 * fiscal_checks_view_set_findings:
 * @findings: (nullable) (element-type FiscalFinding): the findings
 *
 * Shows @findings. Only the rows on screen are made, and only when the
 * view is shown, so a budget with many findings costs nothing while
 * another page is in front.
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

  /* A hidden page only keeps them: the list is made again when shown. */
  self->stale = !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (!self->stale)
    show_findings (self);
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

  g_clear_pointer (&self->stack, gtk_widget_unparent);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (fiscal_checks_view_parent_class)->dispose (object);
}

static void
fiscal_checks_view_class_init (FiscalChecksViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fiscal_checks_view_dispose;
  widget_class->map = fiscal_checks_view_map;

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
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *status = adw_status_page_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_scrollable_new ();

  self->model = g_object_new (CHECK_TYPE_MODEL, NULL);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);

  self->list = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model)))),
                                  factory);
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (self->list), TRUE);
  gtk_widget_add_css_class (self->list, "checks-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Findings"), -1);
  g_signal_connect (self->list, "activate", G_CALLBACK (list_activate_cb), self);

  adw_clamp_scrollable_set_maximum_size (ADW_CLAMP_SCROLLABLE (clamp), 900);
  adw_clamp_scrollable_set_child (ADW_CLAMP_SCROLLABLE (clamp), self->list);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "emblem-ok-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Problems Found"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("The codes, amounts, profile and texts pass every check."));

  self->stack = gtk_stack_new ();
  gtk_stack_add_named (GTK_STACK (self->stack), status, "none");
  gtk_stack_add_named (GTK_STACK (self->stack), scrolled, "findings");
  gtk_widget_set_parent (self->stack, GTK_WIDGET (self));
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "none");
}

GtkWidget *
fiscal_checks_view_new (void)
{
  return g_object_new (FISCAL_TYPE_CHECKS_VIEW, NULL);
}
