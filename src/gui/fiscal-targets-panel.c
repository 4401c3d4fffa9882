/* fiscal-targets-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-targets-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "fiscal-targets-panel.h"

struct _FiscalTargetsPanel
{
  GtkWidget       parent_instance;

  FiscalDocument *document;
  FiscalProject  *project;
  FiscalTargets  *targets;
  GPtrArray      *watched;       /* the indicators whose notify we follow (held) */
  GHashTable     *expanded;      /* indicators whose rows are open */
  GHashTable     *fields;        /* "index:field" → AdwEntryRow (unowned) */
  guint           rebuild_source;
  gboolean        committing;
  guint           n_findings;
  GPtrArray      *findings;      /* the document's, held */
  GHashTable     *badges;        /* FiscalIndicator* → its row's warning icon (unowned) */

  GtkWidget      *box;
  AdwWindowTitle *title;
  GtkLabel       *badge;
  GtkLabel       *weight_label;
  GtkLevelBar    *level_bar;
  GtkSpinButton  *weight_total;
  GtkBox         *groups;
  GtkWidget      *add_button;
  GtkWidget      *library_button;
};

G_DEFINE_FINAL_TYPE (FiscalTargetsPanel, fiscal_targets_panel, GTK_TYPE_WIDGET)

static const char *
field_title (FiscalIndicatorField field)
{
  switch (field)
    {
    case FISCAL_INDICATOR_LEVEL1:      return _("Level 1 (一级指标)");
    case FISCAL_INDICATOR_LEVEL2:      return _("Level 2 (二级指标)");
    case FISCAL_INDICATOR_NAME:        return _("Indicator (三级指标)");
    case FISCAL_INDICATOR_OPERATOR:    return _("Operator (≥ ≤ = > <)");
    case FISCAL_INDICATOR_VALUE:       return _("Value");
    case FISCAL_INDICATOR_UNIT:        return _("Unit");
    case FISCAL_INDICATOR_QUALITATIVE: return _("Qualitative Value");
    case FISCAL_INDICATOR_BASIS:       return _("Basis");
    case FISCAL_INDICATOR_PRIOR:       return _("Last Year’s Value");
    case FISCAL_INDICATOR_WEIGHT:      return _("Weight");
    case FISCAL_INDICATOR_SCORING:     return _("Scoring Rule");
    case FISCAL_INDICATOR_EVIDENCE:    return _("Evidence");
    case FISCAL_N_INDICATOR_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static void schedule_rebuild (FiscalTargetsPanel *self);
static void rebuild (FiscalTargetsPanel *self);

static void
indicator_notify_cb (FiscalTargetsPanel *self,
                     GParamSpec         *pspec,
                     FiscalIndicator    *indicator)
{
  /* The panel's own edits of a field are already on screen. */
  if (!self->committing ||
      g_str_equal (pspec->name, "level1") || g_str_equal (pspec->name, "level2"))
    schedule_rebuild (self);
}

/* The goal or a fund changed, by undo or elsewhere. */
static void
targets_notify_cb (FiscalTargetsPanel *self)
{
  if (!self->committing)
    schedule_rebuild (self);
}

static void
unwatch (FiscalTargetsPanel *self)
{
  for (guint i = 0; i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->watched, i), indicator_notify_cb, self);
  g_ptr_array_set_size (self->watched, 0);
}

static gint64
weight_sum (FiscalTargetsPanel *self)
{
  GListModel *list;
  gint64 sum = 0;

  if (self->targets == NULL)
    return 0;

  list = fiscal_targets_get_indicators (self->targets);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(FiscalIndicator) indicator = g_list_model_get_item (list, i);
      gint64 weight;

      /* Weights are decimals, not money: a sum beyond a gint64 stays at
       * its end instead of wrapping. */
      if (fiscal_decimal_parse (fiscal_indicator_get_field (indicator, FISCAL_INDICATOR_WEIGHT), &weight) &&
          __builtin_add_overflow (sum, weight, &sum))
        sum = weight > 0 ? G_MAXINT64 : G_MININT64;
    }

  return sum;
}

static char *
format_micro (gint64 micro)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT ".%06" G_GINT64_FORMAT,
                                           micro / FISCAL_DECIMAL_ONE, ABS (micro % FISCAL_DECIMAL_ONE));
  gsize len = strlen (text);

  while (text[len - 1] == '0')
    text[--len] = 0;
  if (text[len - 1] == '.')
    text[--len] = 0;
  return g_steal_pointer (&text);
}

static void
update_weights (FiscalTargetsPanel *self)
{
  gint64 total = fiscal_framework_get_weight_total (fiscal_framework_get_default ());
  gint64 sum = weight_sum (self);
  g_autofree char *sum_text = format_micro (sum);
  g_autofree char *total_text = format_micro (total);
  g_autofree char *label = NULL;

  if (total <= 0)
    total = 100 * FISCAL_DECIMAL_ONE;

  /* Translators: the weight total of the target table, "Weights: 90 of 100" */
  label = g_strdup_printf (_("Weights: %s of %s"), sum_text, total_text);
  gtk_label_set_label (self->weight_label, label);

  gtk_level_bar_set_max_value (self->level_bar, (double) total / FISCAL_DECIMAL_ONE);
  gtk_level_bar_set_value (self->level_bar, MIN ((double) sum, (double) total) / FISCAL_DECIMAL_ONE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->weight_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->weight_label), "success");
  if (sum != 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->weight_label), sum == total ? "success" : "error");
}

/* The title and subtitle of the expander row that holds @child. */
static void
update_summary (GtkWidget       *child,
                FiscalIndicator *indicator)
{
  GtkWidget *row = gtk_widget_get_ancestor (child, ADW_TYPE_EXPANDER_ROW);
  g_autofree char *target = fiscal_indicator_format_target (indicator);
  const char *weight = fiscal_indicator_get_field (indicator, FISCAL_INDICATOR_WEIGHT);
  g_autofree char *subtitle = NULL;

  if (row == NULL)
    return;

  if (weight != NULL)
    /* Translators: an indicator's target and weight, "≥6 人 · weight 10" */
    subtitle = g_strdup_printf (_("%s · weight %s"), target, weight);
  else
    subtitle = g_strdup (target);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 fiscal_indicator_get_field (indicator, FISCAL_INDICATOR_NAME) ?: _("Unnamed Indicator"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
}

static void
field_apply_cb (AdwEntryRow        *row,
                FiscalTargetsPanel *self)
{
  FiscalIndicator *indicator = g_object_get_data (G_OBJECT (row), "fiscal-indicator");
  FiscalIndicatorField field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "fiscal-field"));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  FiscalOperator op;
  gboolean ok = TRUE;

  if (*text != 0)
    {
      if (field == FISCAL_INDICATOR_OPERATOR)
        ok = fiscal_operator_from_string (text, &op);
      else if (field == FISCAL_INDICATOR_VALUE || field == FISCAL_INDICATOR_WEIGHT)
        ok = fiscal_decimal_parse (text, NULL);
    }

  if (!ok)
    {
      /* Rejected: say so and put the stored value back. */
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_widget_error_bell (GTK_WIDGET (row));
      gtk_editable_set_text (GTK_EDITABLE (row), fiscal_indicator_get_field (indicator, field) ?: "");
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  self->committing = TRUE;
  fiscal_indicator_set_field (indicator, field, text);
  self->committing = FALSE;

  if (field == FISCAL_INDICATOR_OPERATOR)
    gtk_editable_set_text (GTK_EDITABLE (row), fiscal_operator_symbol (fiscal_indicator_get_operator (indicator)));
  update_summary (GTK_WIDGET (row), indicator);
  update_weights (self);
}

static void
remove_clicked_cb (GtkButton          *button,
                   FiscalTargetsPanel *self)
{
  FiscalIndicator *indicator = g_object_get_data (G_OBJECT (button), "fiscal-indicator");
  guint position;

  if (self->targets != NULL &&
      g_list_store_find (G_LIST_STORE (fiscal_targets_get_indicators (self->targets)), indicator, &position))
    fiscal_targets_panel_remove_indicator (self, position);
}

/* Moves the indicator of @widget ("fiscal-indicator") up or down among
 * those of its 一级 and 二级. */
static gboolean
move_indicator_of (GtkWidget          *widget,
                   FiscalTargetsPanel *self,
                   gboolean            up)
{
  FiscalIndicator *indicator = g_object_get_data (G_OBJECT (widget), "fiscal-indicator");
  guint position;

  if (self->targets == NULL ||
      !g_list_store_find (G_LIST_STORE (fiscal_targets_get_indicators (self->targets)), indicator, &position))
    return FALSE;

  return fiscal_targets_panel_move_indicator (self, position, up) != position;
}

static void
move_up_clicked_cb (GtkButton          *button,
                    FiscalTargetsPanel *self)
{
  move_indicator_of (GTK_WIDGET (button), self, TRUE);
}

static void
move_down_clicked_cb (GtkButton          *button,
                      FiscalTargetsPanel *self)
{
  move_indicator_of (GTK_WIDGET (button), self, FALSE);
}

static gboolean
move_shortcut_cb (GtkWidget *row,
                  GVariant  *args,
                  gpointer   user_data)
{
  FiscalTargetsPanel *self = FISCAL_TARGETS_PANEL (gtk_widget_get_ancestor (row, FISCAL_TYPE_TARGETS_PANEL));

  return self != NULL && move_indicator_of (row, self, g_variant_get_boolean (args));
}

/* Dragging an indicator's row onto another of its 二级 moves it there. */
static GdkContentProvider *
drag_prepare_cb (GtkDragSource      *source,
                 double              x,
                 double              y,
                 FiscalTargetsPanel *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  FiscalIndicator *indicator = g_object_get_data (G_OBJECT (row), "fiscal-indicator");
  guint position;

  if (self->targets == NULL ||
      !g_list_store_find (G_LIST_STORE (fiscal_targets_get_indicators (self->targets)), indicator, &position))
    return NULL;

  return gdk_content_provider_new_typed (G_TYPE_UINT, position);
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, icon, 0, 0);
}

static gboolean
drop_cb (GtkDropTarget      *target,
         const GValue       *value,
         double              x,
         double              y,
         FiscalTargetsPanel *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  FiscalIndicator *onto = g_object_get_data (G_OBJECT (row), "fiscal-indicator");
  GListModel *list;
  g_autoptr(FiscalIndicator) moving = NULL;
  guint from = g_value_get_uint (value), to;

  if (self->targets == NULL)
    return FALSE;
  list = fiscal_targets_get_indicators (self->targets);
  if (from >= g_list_model_get_n_items (list) ||
      !g_list_store_find (G_LIST_STORE (list), onto, &to) || from == to)
    return FALSE;

  moving = g_list_model_get_item (list, from);
  if (g_strcmp0 (fiscal_indicator_get_field (moving, FISCAL_INDICATOR_LEVEL1),
                 fiscal_indicator_get_field (onto, FISCAL_INDICATOR_LEVEL1)) != 0 ||
      g_strcmp0 (fiscal_indicator_get_field (moving, FISCAL_INDICATOR_LEVEL2),
                 fiscal_indicator_get_field (onto, FISCAL_INDICATOR_LEVEL2)) != 0)
    return FALSE;

  fiscal_targets_move_indicator (self->targets, from, to);
  schedule_rebuild (self);
  return TRUE;
}

static void
expanded_cb (AdwExpanderRow     *row,
             GParamSpec         *pspec,
             FiscalTargetsPanel *self)
{
  FiscalIndicator *indicator = g_object_get_data (G_OBJECT (row), "fiscal-indicator");

  if (adw_expander_row_get_expanded (row))
    g_hash_table_add (self->expanded, indicator);
  else
    g_hash_table_remove (self->expanded, indicator);
}

static GtkWidget *
indicator_row (FiscalTargetsPanel *self,
               FiscalIndicator    *indicator,
               guint               index)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *remove;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  update_summary (row, indicator);
  g_object_set_data (G_OBJECT (row), "fiscal-indicator", indicator);

  {
    GtkWidget *badge = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

    /* Always there, shown or not, so that the names line up. */
    gtk_widget_add_css_class (badge, "warning");
    gtk_widget_set_opacity (badge, 0);
    adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), badge);
    g_hash_table_insert (self->badges, indicator, badge);
  }

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Indicator"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Indicator"), -1);
  g_object_set_data (G_OBJECT (remove), "fiscal-indicator", indicator);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), remove);

  /* Order within the 二级: buttons in the open row, Alt+↑ and Alt+↓ on it. */
  {
    GtkWidget *order = adw_action_row_new ();
    GtkWidget *up = gtk_button_new_from_icon_name ("go-up-symbolic");
    GtkWidget *down = gtk_button_new_from_icon_name ("go-down-symbolic");
    GtkEventController *keys = gtk_shortcut_controller_new ();

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (order), _("Order"));
    for (guint i = 0; i < 2; i++)
      {
        GtkWidget *button = i == 0 ? up : down;

        gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
        gtk_widget_add_css_class (button, "flat");
        g_object_set_data (G_OBJECT (button), "fiscal-indicator", indicator);
        g_signal_connect (button, "clicked", G_CALLBACK (i == 0 ? move_up_clicked_cb : move_down_clicked_cb), self);
        adw_action_row_add_suffix (ADW_ACTION_ROW (order), button);
      }
    gtk_widget_set_tooltip_text (up, _("Move Up (Alt+↑)"));
    gtk_widget_set_tooltip_text (down, _("Move Down (Alt+↓)"));
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), order);

    gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (keys), GTK_SHORTCUT_SCOPE_LOCAL);
    for (guint i = 0; i < 2; i++)
      {
        GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (i == 0 ? GDK_KEY_Up : GDK_KEY_Down, GDK_ALT_MASK),
                                                  gtk_callback_action_new (move_shortcut_cb, NULL, NULL));

        gtk_shortcut_set_arguments (shortcut, g_variant_new_boolean (i == 0));
        gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), shortcut);
      }
    gtk_widget_add_controller (row, keys);
  }

  {
    GtkDragSource *source = gtk_drag_source_new ();
    GtkDropTarget *target = gtk_drop_target_new (G_TYPE_UINT, GDK_ACTION_MOVE);

    gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
    g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), self);
    g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), NULL);
    gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
    g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
    gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));
  }

  for (guint f = 0; f < FISCAL_N_INDICATOR_FIELDS; f++)
    {
      GtkWidget *entry = adw_entry_row_new ();
      const char *text = f == FISCAL_INDICATOR_OPERATOR
                         ? fiscal_operator_symbol (fiscal_indicator_get_operator (indicator))
                         : fiscal_indicator_get_field (indicator, f);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (entry), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), field_title (f));
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (entry), TRUE);
      gtk_editable_set_text (GTK_EDITABLE (entry), text ?: "");
      g_object_set_data (G_OBJECT (entry), "fiscal-indicator", indicator);
      g_object_set_data (G_OBJECT (entry), "fiscal-field", GUINT_TO_POINTER (f));
      g_signal_connect (entry, "apply", G_CALLBACK (field_apply_cb), self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), entry);
      g_hash_table_insert (self->fields, g_strdup_printf ("%u:%u", index, f), entry);
    }

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), g_hash_table_contains (self->expanded, indicator));
  g_signal_connect (row, "notify::expanded", G_CALLBACK (expanded_cb), self);

  return row;
}

/* Where the findings about the table shown start: "targets" or
 * "projects[N].targets". */
static char *
findings_prefix (FiscalTargetsPanel *self)
{
  guint position;

  if (self->targets == NULL)
    return NULL;
  if (self->project == NULL)
    return g_strdup ("targets");
  if (g_list_store_find (G_LIST_STORE (fiscal_document_get_projects (self->document)), self->project, &position))
    return g_strdup_printf ("projects[%u].targets", position);
  return NULL;
}

/* The header counts the table's target findings; each indicator with
 * findings of its own shows a warning icon that tells them. */
static void
update_badges (FiscalTargetsPanel *self)
{
  GtkWidget *badge_box = g_object_get_data (G_OBJECT (self), "fiscal-badge-box");
  g_autofree char *prefix = findings_prefix (self);
  g_autoptr(GHashTable) messages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autofree char *text = NULL;
  GHashTableIter iter;
  gpointer key, value;
  gsize len = prefix ? strlen (prefix) : 0;

  self->n_findings = 0;

  for (guint i = 0; self->findings != NULL && prefix != NULL && i < self->findings->len; i++)
    {
      FiscalFinding *finding = g_ptr_array_index (self->findings, i);
      const char *rest;
      guint64 index;
      char *end;

      if (!g_str_has_prefix (finding->rule, "targets.") || !g_str_has_prefix (finding->where, prefix) ||
          (finding->where[len] != 0 && finding->where[len] != '.'))
        continue;
      self->n_findings++;

      /* "….indicators[N]…": the finding is about indicator N. */
      rest = finding->where + len;
      if (g_str_has_prefix (rest, ".indicators[") &&
          (index = g_ascii_strtoull (rest + strlen (".indicators["), &end, 10), *end == ']') &&
          index < g_list_model_get_n_items (fiscal_targets_get_indicators (self->targets)))
        {
          g_autoptr(FiscalIndicator) indicator = g_list_model_get_item (fiscal_targets_get_indicators (self->targets), index);
          GPtrArray *list = g_hash_table_lookup (messages, indicator);

          if (list == NULL)
            g_hash_table_insert (messages, indicator, (list = g_ptr_array_new ()));
          g_ptr_array_add (list, finding->message);
        }
    }

  g_hash_table_iter_init (&iter, self->badges);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *list = g_hash_table_lookup (messages, key);

      char *tooltip = NULL;

      if (list != NULL)
        {
          g_ptr_array_add (list, NULL);
          tooltip = g_strjoinv ("\n", (char **) list->pdata);
        }
      gtk_widget_set_opacity (value, list != NULL ? 1 : 0);
      gtk_widget_set_tooltip_text (value, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (value), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip ? tooltip : "", -1);
      g_object_set_data_full (G_OBJECT (value), "fiscal-problems", tooltip, g_free);
    }

  text = g_strdup_printf ("%u", self->n_findings);
  gtk_label_set_label (self->badge, text);
  gtk_widget_set_visible (badge_box, self->n_findings > 0);
  gtk_widget_set_tooltip_text (badge_box, g_dngettext (GETTEXT_PACKAGE, "%u finding about these targets",
                                                       "%u findings about these targets", self->n_findings));
}

/**
 * fiscal_targets_panel_get_indicator_problems:
 * @indicator: an indicator's position
 *
 * Returns: (nullable): what the warning icon of that indicator's row says,
 *   or %NULL when it has no findings of its own
 */
const char *
fiscal_targets_panel_get_indicator_problems (FiscalTargetsPanel *self,
                                             guint               indicator)
{
  g_autoptr(FiscalIndicator) item = NULL;
  GtkWidget *badge;

  g_return_val_if_fail (FISCAL_IS_TARGETS_PANEL (self), NULL);

  if (self->rebuild_source != 0)
    rebuild (self);
  if (self->targets == NULL ||
      indicator >= g_list_model_get_n_items (fiscal_targets_get_indicators (self->targets)))
    return NULL;

  item = g_list_model_get_item (fiscal_targets_get_indicators (self->targets), indicator);
  badge = g_hash_table_lookup (self->badges, item);
  return badge != NULL ? g_object_get_data (G_OBJECT (badge), "fiscal-problems") : NULL;
}

static void
goal_apply_cb (AdwEntryRow        *row,
               FiscalTargetsPanel *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  self->committing = TRUE;
  fiscal_targets_set_goal (self->targets, *text ? text : NULL);
  self->committing = FALSE;
}

static void
fund_apply_cb (AdwEntryRow        *row,
               FiscalTargetsPanel *self)
{
  FiscalFund fund = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "fiscal-fund"));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  gint64 fen = 0;

  if (*text != 0 && !fiscal_money_parse_wan (text, &fen, NULL))
    {
      /* Rejected: say so and put the stored amount back. */
      g_autofree char *stored = fiscal_money_format_wan (fiscal_targets_get_fund (self->targets, fund));

      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_widget_error_bell (GTK_WIDGET (row));
      gtk_editable_set_text (GTK_EDITABLE (row), stored);
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  self->committing = TRUE;
  fiscal_targets_set_fund (self->targets, fund, fen);
  self->committing = FALSE;
}

/* The table's own lines: the department's annual goal, and the funds the
 * targets are for, in 万元 as published. A project's goal is the project's
 * and is edited with it. */
static GtkWidget *
goal_and_funds (FiscalTargetsPanel *self)
{
  GtkWidget *listbox = gtk_list_box_new ();
  const FiscalFund *funds = fiscal_targets_scope_funds (fiscal_targets_get_scope (self->targets));

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (listbox), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (listbox, "boxed-list");

  if (fiscal_targets_get_scope (self->targets) == FISCAL_TARGETS_DEPARTMENT)
    {
      GtkWidget *row = adw_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Annual Goal"));
      gtk_editable_set_text (GTK_EDITABLE (row), fiscal_targets_get_goal (self->targets) ?: "");
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      g_signal_connect (row, "apply", G_CALLBACK (goal_apply_cb), self);
      g_hash_table_insert (self->fields, g_strdup ("goal"), row);
      gtk_list_box_append (GTK_LIST_BOX (listbox), row);
    }

  for (guint i = 0; funds[i] != FISCAL_N_FUNDS; i++)
    {
      GtkWidget *row = adw_entry_row_new ();
      g_autofree char *amount = fiscal_money_format_wan (fiscal_targets_get_fund (self->targets, funds[i]));
      /* Translators: a fund of a target table, in 万元 */
      g_autofree char *title = g_strdup_printf (_("%s (10,000 yuan)"), fiscal_fund_label (funds[i]));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_editable_set_text (GTK_EDITABLE (row), amount);
      adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_NUMBER);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "fiscal-fund", GUINT_TO_POINTER (funds[i]));
      g_signal_connect (row, "apply", G_CALLBACK (fund_apply_cb), self);
      g_hash_table_insert (self->fields, g_strdup_printf ("fund:%s", fiscal_fund_key (funds[i])), row);
      gtk_list_box_append (GTK_LIST_BOX (listbox), row);
    }

  return listbox;
}

static void
rebuild (FiscalTargetsPanel *self)
{
  GtkWidget *child;
  GListModel *list;
  g_autoptr(GPtrArray) level1s = g_ptr_array_new ();
  guint n;

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  unwatch (self);
  g_hash_table_remove_all (self->fields);
  g_hash_table_remove_all (self->badges);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups))))
    gtk_box_remove (self->groups, child);

  if (self->project != NULL)
    adw_window_title_set_title (self->title, fiscal_project_get_name (self->project) ?: fiscal_project_get_id (self->project));
  else
    adw_window_title_set_title (self->title, self->document ? _("Department") : "");
  adw_window_title_set_subtitle (self->title, self->document ? _("Performance Targets") : "");
  gtk_widget_set_sensitive (self->add_button, self->targets != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "targets.add-under", self->targets != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "targets.add-library", self->targets != NULL);

  if (self->targets == NULL)
    {
      update_weights (self);
      return;
    }

  gtk_box_append (self->groups, goal_and_funds (self));

  list = fiscal_targets_get_indicators (self->targets);
  n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FiscalIndicator) indicator = g_list_model_get_item (list, i);
      const char *level1 = fiscal_indicator_get_field (indicator, FISCAL_INDICATOR_LEVEL1) ?: "";

      g_signal_connect_swapped (indicator, "notify", G_CALLBACK (indicator_notify_cb), self);
      g_ptr_array_add (self->watched, g_object_ref (indicator));

      if (!g_ptr_array_find_with_equal_func (level1s, level1, g_str_equal, NULL))
        g_ptr_array_add (level1s, (gpointer) level1);
    }

  /* 一级 in order of first appearance; within each, 二级 likewise. */
  for (guint a = 0; a < level1s->len; a++)
    {
      const char *level1 = g_ptr_array_index (level1s, a);
      g_autoptr(GPtrArray) level2s = g_ptr_array_new ();
      GtkWidget *heading = gtk_label_new (*level1 ? level1 : _("No Level 1"));

      gtk_widget_set_halign (heading, GTK_ALIGN_START);
      gtk_widget_add_css_class (heading, "title-4");
      gtk_box_append (self->groups, heading);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(FiscalIndicator) indicator = g_list_model_get_item (list, i);
          const char *level2 = fiscal_indicator_get_field (indicator, FISCAL_INDICATOR_LEVEL2) ?: "";

          if (g_str_equal (fiscal_indicator_get_field (indicator, FISCAL_INDICATOR_LEVEL1) ?: "", level1) &&
              !g_ptr_array_find_with_equal_func (level2s, level2, g_str_equal, NULL))
            g_ptr_array_add (level2s, (gpointer) level2);
        }

      for (guint b = 0; b < level2s->len; b++)
        {
          const char *level2 = g_ptr_array_index (level2s, b);
          GtkWidget *sub = gtk_label_new (*level2 ? level2 : _("No Level 2"));
          GtkWidget *listbox = gtk_list_box_new ();

          gtk_widget_set_halign (sub, GTK_ALIGN_START);
          gtk_widget_add_css_class (sub, "heading");
          gtk_widget_add_css_class (sub, "dim-label");
          gtk_box_append (self->groups, sub);

          gtk_list_box_set_selection_mode (GTK_LIST_BOX (listbox), GTK_SELECTION_NONE);
          gtk_widget_add_css_class (listbox, "boxed-list");
          gtk_box_append (self->groups, listbox);

          for (guint i = 0; i < n; i++)
            {
              g_autoptr(FiscalIndicator) indicator = g_list_model_get_item (list, i);

              if (g_str_equal (fiscal_indicator_get_field (indicator, FISCAL_INDICATOR_LEVEL1) ?: "", level1) &&
                  g_str_equal (fiscal_indicator_get_field (indicator, FISCAL_INDICATOR_LEVEL2) ?: "", level2))
                gtk_list_box_append (GTK_LIST_BOX (listbox), indicator_row (self, indicator, i));
            }
        }
    }

  if (n == 0)
    {
      GtkWidget *empty = gtk_label_new (_("No indicators yet"));
      gtk_widget_add_css_class (empty, "dim-label");
      gtk_box_append (self->groups, empty);
    }

  update_badges (self);
  update_weights (self);
}

static gboolean
rebuild_cb (gpointer data)
{
  FiscalTargetsPanel *self = data;

  self->rebuild_source = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_rebuild (FiscalTargetsPanel *self)
{
  if (self->rebuild_source == 0)
    self->rebuild_source = g_idle_add (rebuild_cb, self);
}

static void
items_changed_cb (FiscalTargetsPanel *self)
{
  schedule_rebuild (self);
}

static void
add_under_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  const char *level1, *level2;

  g_variant_get (parameter, "(&s&s)", &level1, &level2);
  fiscal_targets_panel_add_under (FISCAL_TARGETS_PANEL (widget), level1, level2);
}

/* A new indicator under a 二级 of the standard framework, one section per
 * 一级. */
static GMenuModel *
framework_menu (void)
{
  FiscalFramework *framework = fiscal_framework_get_default ();
  GMenu *menu = g_menu_new ();

  for (guint c = 1; c < FISCAL_N_CATEGORIES; c++)
    {
      g_autoptr(GMenu) section = g_menu_new ();
      const char * const *level2 = fiscal_framework_get_level2 (framework, c);
      const char *label = fiscal_framework_get_label (framework, c);

      for (guint i = 0; level2 != NULL && level2[i] != NULL; i++)
        {
          g_autoptr(GMenuItem) item = g_menu_item_new (level2[i], NULL);

          g_menu_item_set_action_and_target_value (item, "targets.add-under",
                                                   g_variant_new ("(ss)", label, level2[i]));
          g_menu_append_item (section, item);
        }
      g_menu_append_section (menu, label, G_MENU_MODEL (section));
    }

  return G_MENU_MODEL (menu);
}

static void
add_library_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  fiscal_targets_panel_add_from_library (FISCAL_TARGETS_PANEL (widget), g_variant_get_uint32 (parameter));
}

/* The library of common indicators, one section per 一级. */
static GMenuModel *
library_menu (void)
{
  FiscalFramework *framework = fiscal_framework_get_default ();
  GMenu *menu = g_menu_new ();

  for (guint c = 1; c < FISCAL_N_CATEGORIES; c++)
    {
      g_autoptr(GMenu) section = g_menu_new ();

      for (guint i = 0; i < fiscal_framework_get_n_library (framework); i++)
        {
          g_autoptr(FiscalIndicator) entry = fiscal_framework_new_from_library (framework, i);
          g_autoptr(GMenuItem) item = NULL;

          if (fiscal_framework_classify (framework,
                                         fiscal_indicator_get_field (entry, FISCAL_INDICATOR_LEVEL1),
                                         fiscal_indicator_get_field (entry, FISCAL_INDICATOR_LEVEL2)) != c)
            continue;

          item = g_menu_item_new (fiscal_indicator_get_field (entry, FISCAL_INDICATOR_NAME), NULL);
          g_menu_item_set_action_and_target_value (item, "targets.add-library", g_variant_new_uint32 (i));
          g_menu_append_item (section, item);
        }

      g_menu_append_section (menu, fiscal_category_name (c), G_MENU_MODEL (section));
    }

  return G_MENU_MODEL (menu);
}

static void
fiscal_targets_panel_dispose (GObject *object)
{
  FiscalTargetsPanel *self = (FiscalTargetsPanel *)object;

  fiscal_targets_panel_set_targets (self, NULL, NULL);
  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (fiscal_targets_panel_parent_class)->dispose (object);
}

static void
fiscal_targets_panel_finalize (GObject *object)
{
  FiscalTargetsPanel *self = (FiscalTargetsPanel *)object;

  g_clear_pointer (&self->watched, g_ptr_array_unref);
  g_clear_pointer (&self->expanded, g_hash_table_unref);
  g_clear_pointer (&self->fields, g_hash_table_unref);
  g_clear_pointer (&self->badges, g_hash_table_unref);
  g_clear_pointer (&self->findings, g_ptr_array_unref);

  G_OBJECT_CLASS (fiscal_targets_panel_parent_class)->finalize (object);
}

static void
fiscal_targets_panel_class_init (FiscalTargetsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fiscal_targets_panel_dispose;
  object_class->finalize = fiscal_targets_panel_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "targetspanel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_install_action (widget_class, "targets.add-library", "u", add_library_action);
  gtk_widget_class_install_action (widget_class, "targets.add-under", "(ss)", add_under_action);
}

static void
fiscal_targets_panel_init (FiscalTargetsPanel *self)
{
  GtkWidget *header, *scrolled, *content, *badge_box, *weights;

  self->watched = g_ptr_array_new_with_free_func (g_object_unref);
  self->expanded = g_hash_table_new (NULL, NULL);
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->badges = g_hash_table_new (NULL, NULL);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_size_request (self->box, 340, -1);
  gtk_widget_add_css_class (self->box, "background");
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  self->title = ADW_WINDOW_TITLE (adw_window_title_new ("", ""));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));

  badge_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (badge_box), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  self->badge = GTK_LABEL (gtk_label_new ("0"));
  gtk_widget_add_css_class (GTK_WIDGET (self->badge), "numeric");
  gtk_box_append (GTK_BOX (badge_box), GTK_WIDGET (self->badge));
  gtk_widget_add_css_class (badge_box, "warning");
  gtk_widget_set_visible (badge_box, FALSE);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), badge_box);

  {
    g_autoptr(GMenuModel) menu = framework_menu ();

    self->add_button = gtk_menu_button_new ();
    gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->add_button), "list-add-symbolic");
    gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->add_button), menu);
    gtk_widget_set_tooltip_text (self->add_button, _("Add Indicator"));
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add Indicator"), -1);
    adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->add_button);
  }

  {
    g_autoptr(GMenuModel) menu = library_menu ();
    GtkWidget *library = gtk_menu_button_new ();

    gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (library), "view-list-bullet-symbolic");
    gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (library), menu);
    gtk_widget_set_tooltip_text (library, _("Add a Common Indicator"));
    gtk_accessible_update_property (GTK_ACCESSIBLE (library), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add a Common Indicator"), -1);
    adw_header_bar_pack_start (ADW_HEADER_BAR (header), library);
    self->library_button = library;
  }
  gtk_box_append (GTK_BOX (self->box), header);

  weights = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (weights, 12);
  gtk_widget_set_margin_end (weights, 12);
  gtk_widget_set_margin_top (weights, 12);
  self->weight_label = GTK_LABEL (gtk_label_new (""));
  gtk_widget_set_halign (GTK_WIDGET (self->weight_label), GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (weights), GTK_WIDGET (self->weight_label));
  self->level_bar = GTK_LEVEL_BAR (gtk_level_bar_new_for_interval (0, 100));
  gtk_level_bar_set_mode (self->level_bar, GTK_LEVEL_BAR_MODE_CONTINUOUS);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->level_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Weight total"), -1);
  gtk_box_append (GTK_BOX (weights), GTK_WIDGET (self->level_bar));
  {
    GtkWidget *rule = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    GtkWidget *caption = gtk_label_new (_("Weights must total"));

    gtk_widget_add_css_class (caption, "dim-label");
    gtk_widget_set_hexpand (caption, TRUE);
    gtk_label_set_xalign (GTK_LABEL (caption), 0);
    self->weight_total = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 1000, 5));
    gtk_spin_button_set_value (self->weight_total, 100);
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->weight_total),
                                 _("As the province’s rules ask: 100, or 90 where 10 are kept for the budget execution rate; 0 leaves weights unchecked"));
    gtk_accessible_update_relation (GTK_ACCESSIBLE (self->weight_total),
                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY, caption, NULL, -1);
    gtk_box_append (GTK_BOX (rule), caption);
    gtk_box_append (GTK_BOX (rule), GTK_WIDGET (self->weight_total));
    gtk_box_append (GTK_BOX (weights), rule);
  }
  gtk_box_append (GTK_BOX (self->box), weights);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 12);
  self->groups = GTK_BOX (content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), content);
  gtk_box_append (GTK_BOX (self->box), scrolled);

  g_object_set_data (G_OBJECT (self), "fiscal-badge-box", badge_box);
  rebuild (self);
}

GtkWidget *
fiscal_targets_panel_new (void)
{
  return g_object_new (FISCAL_TYPE_TARGETS_PANEL, NULL);
}

/**
 * fiscal_targets_panel_set_targets:
 * @document: (nullable): the budget
 * @project: (nullable): the project whose targets to show, %NULL for the
 *   department's
 */
void
fiscal_targets_panel_set_targets (FiscalTargetsPanel *self,
                                  FiscalDocument     *document,
                                  FiscalProject      *project)
{
  FiscalTargets *targets = NULL;

  g_return_if_fail (FISCAL_IS_TARGETS_PANEL (self));

  if (document != NULL)
    targets = project != NULL ? fiscal_project_get_targets (project) : fiscal_document_get_targets (document);

  if (targets == self->targets && document == self->document)
    return;

  if (self->targets != NULL)
    {
      g_signal_handlers_disconnect_by_func (fiscal_targets_get_indicators (self->targets), items_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->targets, targets_notify_cb, self);
    }

  g_set_object (&self->document, document);
  g_set_object (&self->project, project);
  g_set_object (&self->targets, targets);
  g_hash_table_remove_all (self->expanded);

  if (self->targets != NULL)
    {
      g_signal_connect_swapped (fiscal_targets_get_indicators (self->targets), "items-changed",
                                G_CALLBACK (items_changed_cb), self);
      g_signal_connect_swapped (self->targets, "notify", G_CALLBACK (targets_notify_cb), self);
    }

  if (self->box != NULL)
    rebuild (self);
  else
    unwatch (self);
}

/**
 * fiscal_targets_panel_get_targets:
 *
 * Returns: (transfer none) (nullable): the table shown
 */
FiscalTargets *
fiscal_targets_panel_get_targets (FiscalTargetsPanel *self)
{
  g_return_val_if_fail (FISCAL_IS_TARGETS_PANEL (self), NULL);
  return self->targets;
}

/**
 * fiscal_targets_panel_set_findings:
 *
 * Counts the target findings (rules `targets.*`) of the table shown.
 */
void
fiscal_targets_panel_set_findings (FiscalTargetsPanel *self,
                                   GPtrArray          *findings)
{
  g_return_if_fail (FISCAL_IS_TARGETS_PANEL (self));

  if (findings != NULL)
    g_ptr_array_ref (findings);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  self->findings = findings;

  update_badges (self);
  update_weights (self);
}

guint
fiscal_targets_panel_get_n_findings (FiscalTargetsPanel *self)
{
  g_return_val_if_fail (FISCAL_IS_TARGETS_PANEL (self), 0);
  return self->n_findings;
}

/**
 * fiscal_targets_panel_get_weight_total_spin:
 *
 * Returns: (transfer none): the spin button of what the weights must total;
 *   the window binds it to its setting
 */
GtkSpinButton *
fiscal_targets_panel_get_weight_total_spin (FiscalTargetsPanel *self)
{
  g_return_val_if_fail (FISCAL_IS_TARGETS_PANEL (self), NULL);
  return self->weight_total;
}

/**
 * fiscal_targets_panel_refresh_weights:
 *
 * Shows the weights against the rule again, after the rule changed.
 */
void
fiscal_targets_panel_refresh_weights (FiscalTargetsPanel *self)
{
  g_return_if_fail (FISCAL_IS_TARGETS_PANEL (self));
  update_weights (self);
}

/**
 * fiscal_targets_panel_get_weight_total:
 *
 * Returns: the sum of the weights shown, in millionths
 */
gint64
fiscal_targets_panel_get_weight_total (FiscalTargetsPanel *self)
{
  g_return_val_if_fail (FISCAL_IS_TARGETS_PANEL (self), 0);
  return weight_sum (self);
}

GtkLevelBar *
fiscal_targets_panel_get_level_bar (FiscalTargetsPanel *self)
{
  g_return_val_if_fail (FISCAL_IS_TARGETS_PANEL (self), NULL);
  return self->level_bar;
}

/**
 * fiscal_targets_panel_get_field:
 *
 * Returns: (transfer none) (nullable): the entry row of @field of the
 *   indicator at @indicator; it commits on "apply"
 */
GtkEditable *
fiscal_targets_panel_get_field (FiscalTargetsPanel   *self,
                                guint                 indicator,
                                FiscalIndicatorField  field)
{
  g_autofree char *key = g_strdup_printf ("%u:%u", indicator, field);

  g_return_val_if_fail (FISCAL_IS_TARGETS_PANEL (self), NULL);

  if (self->rebuild_source != 0)
    rebuild (self);
  return g_hash_table_lookup (self->fields, key);
}

/**
 * fiscal_targets_panel_add_indicator:
 *
 * Adds an indicator at the end of the table shown, under the 一级 and 二级
 * of the last one (or 产出 · 数量指标), open for editing.
 */
void
fiscal_targets_panel_add_indicator (FiscalTargetsPanel *self)
{
  g_autoptr(FiscalIndicator) last = NULL;
  GListModel *list;
  guint n;

  g_return_if_fail (FISCAL_IS_TARGETS_PANEL (self));

  if (self->targets == NULL)
    return;

  list = fiscal_targets_get_indicators (self->targets);
  n = g_list_model_get_n_items (list);
  if (n > 0)
    last = g_list_model_get_item (list, n - 1);

  fiscal_targets_panel_add_under (self,
                                  last ? fiscal_indicator_get_field (last, FISCAL_INDICATOR_LEVEL1) : "产出指标",
                                  last ? fiscal_indicator_get_field (last, FISCAL_INDICATOR_LEVEL2) : "数量指标");
}

/**
 * fiscal_targets_panel_add_under:
 * @level1: the new indicator's 一级
 * @level2: its 二级
 *
 * Adds an empty indicator at the end of the table shown, open for editing.
 */
void
fiscal_targets_panel_add_under (FiscalTargetsPanel *self,
                                const char         *level1,
                                const char         *level2)
{
  g_autoptr(FiscalIndicator) indicator = NULL;

  g_return_if_fail (FISCAL_IS_TARGETS_PANEL (self));

  if (self->targets == NULL)
    return;

  indicator = fiscal_indicator_new (level1, level2, NULL);
  g_hash_table_add (self->expanded, indicator);
  fiscal_targets_add_indicator (self->targets, indicator);
  rebuild (self);
}

/**
 * fiscal_targets_panel_add_from_library:
 * @entry: the position of an indicator in the framework's library
 *
 * Adds a copy of a common indicator at the end of the table shown, open for
 * editing.
 */
void
fiscal_targets_panel_add_from_library (FiscalTargetsPanel *self,
                                       guint               entry)
{
  FiscalFramework *framework = fiscal_framework_get_default ();
  g_autoptr(FiscalIndicator) indicator = NULL;

  g_return_if_fail (FISCAL_IS_TARGETS_PANEL (self));
  g_return_if_fail (entry < fiscal_framework_get_n_library (framework));

  if (self->targets == NULL)
    return;

  indicator = fiscal_framework_new_from_library (framework, entry);
  g_hash_table_add (self->expanded, indicator);
  fiscal_targets_add_indicator (self->targets, indicator);
  rebuild (self);
}

void
fiscal_targets_panel_remove_indicator (FiscalTargetsPanel *self,
                                       guint               indicator)
{
  g_return_if_fail (FISCAL_IS_TARGETS_PANEL (self));
  g_return_if_fail (self->targets != NULL);
  g_return_if_fail (indicator < g_list_model_get_n_items (fiscal_targets_get_indicators (self->targets)));

  fiscal_targets_remove_indicator (self->targets, indicator);
  rebuild (self);
}

/**
 * fiscal_targets_panel_move_indicator:
 * @indicator: an indicator's position
 * @up: %TRUE to move it before the previous indicator of its 一级 and 二级,
 *   %FALSE after the next
 *
 * Returns: the indicator's new position; the same if it was already first
 *   or last in its group
 */
guint
fiscal_targets_panel_move_indicator (FiscalTargetsPanel *self,
                                     guint               indicator,
                                     gboolean            up)
{
  GListModel *list;
  g_autoptr(FiscalIndicator) moving = NULL;
  const char *level1, *level2;
  guint n;

  g_return_val_if_fail (FISCAL_IS_TARGETS_PANEL (self), indicator);
  g_return_val_if_fail (self->targets != NULL, indicator);
  list = fiscal_targets_get_indicators (self->targets);
  n = g_list_model_get_n_items (list);
  g_return_val_if_fail (indicator < n, indicator);

  moving = g_list_model_get_item (list, indicator);
  level1 = fiscal_indicator_get_field (moving, FISCAL_INDICATOR_LEVEL1);
  level2 = fiscal_indicator_get_field (moving, FISCAL_INDICATOR_LEVEL2);

  for (guint i = indicator; up ? i-- > 0 : ++i < n;)
    {
      g_autoptr(FiscalIndicator) other = g_list_model_get_item (list, i);

      if (g_strcmp0 (fiscal_indicator_get_field (other, FISCAL_INDICATOR_LEVEL1), level1) == 0 &&
          g_strcmp0 (fiscal_indicator_get_field (other, FISCAL_INDICATOR_LEVEL2), level2) == 0)
        {
          fiscal_targets_move_indicator (self->targets, indicator, i);
          rebuild (self);
          return i;
        }
    }

  return indicator;
}

/**
 * fiscal_targets_panel_get_table_field:
 * @key: "goal", or "fund:" and a fund's key as in the file ("fund:upper")
 *
 * Returns: (transfer none) (nullable): the entry row of the table's goal or
 *   of one of its funds; it commits on "apply"
 */
GtkEditable *
fiscal_targets_panel_get_table_field (FiscalTargetsPanel *self,
                                      const char         *key)
{
  g_return_val_if_fail (FISCAL_IS_TARGETS_PANEL (self), NULL);

  if (self->rebuild_source != 0)
    rebuild (self);
  return g_hash_table_lookup (self->fields, key);
}
