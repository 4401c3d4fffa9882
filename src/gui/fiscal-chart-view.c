/* fiscal-chart-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-chart-view"

#include "config.h"

#include <glib/gi18n.h>

#include "fiscal-chart-view.h"

struct _FiscalChartView
{
  GtkWidget    parent_instance;

  FiscalChart *chart;
  gulong       changed_id;
  gulong       highlight_id;
};

G_DEFINE_FINAL_TYPE (FiscalChartView, fiscal_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHART,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_accessible (FiscalChartView *self)
{
  g_autofree char *text = self->chart ? fiscal_chart_describe (self->chart) : NULL;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->chart ? fiscal_chart_get_title (self->chart) : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text ? text : "",
                                  -1);
}

static void
on_chart_changed (FiscalChartView *self)
{
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
update_dark (FiscalChartView *self)
{
  if (self->chart != NULL)
    fiscal_chart_set_dark (self->chart, adw_style_manager_get_dark (adw_style_manager_get_default ()));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
fiscal_chart_view_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  FiscalChartView *self = FISCAL_CHART_VIEW (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->chart == NULL || width < 1 || height < 1)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  fiscal_chart_render (self->chart, cr, width, height);
  cairo_destroy (cr);

  if (gtk_widget_has_visible_focus (widget))
    {
      GdkRGBA color = { 0.21, 0.52, 0.89, 0.5 };
      float w[4] = { 2, 2, 2, 2 };
      GdkRGBA colors[4] = { color, color, color, color };
      GskRoundedRect outline;

      gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (1, 1, width - 2, height - 2), 6);
      gtk_snapshot_append_border (snapshot, &outline, w, colors);
    }
}

static void
fiscal_chart_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 240 : 180;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 720 : 460;
}

/**
 * fiscal_chart_view_hover:
 *
 * Highlights the item at (@x, @y) in widget coordinates, as the pointer
 * does.
 *
 * Returns: the item, or -1
 */
int
fiscal_chart_view_hover (FiscalChartView *self,
                         double           x,
                         double           y)
{
  int item;

  g_return_val_if_fail (FISCAL_IS_CHART_VIEW (self), -1);

  if (self->chart == NULL)
    return -1;
  fiscal_chart_layout (self->chart, gtk_widget_get_width (GTK_WIDGET (self)), gtk_widget_get_height (GTK_WIDGET (self)));
  item = fiscal_chart_hit_test (self->chart, x, y);
  fiscal_chart_set_highlight (self->chart, item);
  return item;
}

/**
 * fiscal_chart_view_get_tooltip:
 *
 * Returns: (transfer full) (nullable): the words for the highlighted item:
 *   name, amount, share and change
 */
char *
fiscal_chart_view_get_tooltip (FiscalChartView *self)
{
  int item;

  g_return_val_if_fail (FISCAL_IS_CHART_VIEW (self), NULL);

  if (self->chart == NULL || (item = fiscal_chart_get_highlight (self->chart)) < 0)
    return NULL;
  return fiscal_chart_describe_item (self->chart, item);
}

/**
 * fiscal_chart_view_activate:
 *
 * Drills the donut down into the highlighted item.
 *
 * Returns: %TRUE if it did
 */
gboolean
fiscal_chart_view_activate (FiscalChartView *self)
{
  const FiscalChartItem *item;
  g_autofree char *code = NULL;
  int index;

  g_return_val_if_fail (FISCAL_IS_CHART_VIEW (self), FALSE);

  if (self->chart == NULL || fiscal_chart_get_kind (self->chart) != FISCAL_CHART_FUNCTION_DONUT ||
      (index = fiscal_chart_get_highlight (self->chart)) < 0)
    return FALSE;

  item = fiscal_chart_get_item (self->chart, index);
  if (item == NULL || !item->drillable || item->code == NULL)
    return FALSE;

  code = g_strdup (item->code);
  fiscal_chart_set_focus (self->chart, code);
  fiscal_chart_set_highlight (self->chart, fiscal_chart_get_n_items (self->chart) > 0 ? 0 : -1);
  return TRUE;
}

/**
 * fiscal_chart_view_go_up:
 *
 * Returns: %TRUE if the donut went up a level
 */
gboolean
fiscal_chart_view_go_up (FiscalChartView *self)
{
  g_autofree char *parent = NULL;

  g_return_val_if_fail (FISCAL_IS_CHART_VIEW (self), FALSE);

  if (self->chart == NULL || fiscal_chart_get_focus (self->chart) == NULL)
    return FALSE;
  parent = fiscal_chart_get_parent_focus (self->chart);
  fiscal_chart_set_focus (self->chart, parent);
  fiscal_chart_set_highlight (self->chart, -1);
  return TRUE;
}

/**
 * fiscal_chart_view_move:
 *
 * Moves the highlight by @delta items, wrapping.
 */
void
fiscal_chart_view_move (FiscalChartView *self,
                        int              delta)
{
  int n, h;

  g_return_if_fail (FISCAL_IS_CHART_VIEW (self));

  if (self->chart == NULL || (n = fiscal_chart_get_n_items (self->chart)) == 0)
    return;
  h = fiscal_chart_get_highlight (self->chart);
  h = h < 0 ? (delta > 0 ? 0 : n - 1) : ((h + delta) % n + n) % n;
  fiscal_chart_set_highlight (self->chart, h);
}

static void
on_motion (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           FiscalChartView          *self)
{
  fiscal_chart_view_hover (self, x, y);
}

static void
on_leave (GtkEventControllerMotion *motion,
          FiscalChartView          *self)
{
  if (self->chart != NULL)
    fiscal_chart_set_highlight (self->chart, -1);
}

static void
on_click (GtkGestureClick *gesture,
          int              n_press,
          double           x,
          double           y,
          FiscalChartView *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (fiscal_chart_view_hover (self, x, y) >= 0)
    fiscal_chart_view_activate (self);
}

static gboolean
on_key (GtkEventControllerKey *controller,
        guint                  keyval,
        guint                  keycode,
        GdkModifierType        state,
        FiscalChartView       *self)
{
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_Up:
      fiscal_chart_view_move (self, -1);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_Down:
      fiscal_chart_view_move (self, 1);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      return fiscal_chart_view_activate (self);
    case GDK_KEY_BackSpace:
      return fiscal_chart_view_go_up (self);
    default:
      return FALSE;
    }
}

static gboolean
on_query_tooltip (GtkWidget       *widget,
                  int              x,
                  int              y,
                  gboolean         keyboard,
                  GtkTooltip      *tooltip,
                  FiscalChartView *self)
{
  g_autofree char *text = NULL;

  if (!keyboard)
    fiscal_chart_view_hover (self, x, y);
  if (!(text = fiscal_chart_view_get_tooltip (self)))
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

FiscalChart *
fiscal_chart_view_get_chart (FiscalChartView *self)
{
  g_return_val_if_fail (FISCAL_IS_CHART_VIEW (self), NULL);

  return self->chart;
}

void
fiscal_chart_view_set_chart (FiscalChartView *self,
                             FiscalChart     *chart)
{
  g_return_if_fail (FISCAL_IS_CHART_VIEW (self));
  g_return_if_fail (chart == NULL || FISCAL_IS_CHART (chart));

  if (self->chart == chart)
    return;

  if (self->chart != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->chart);
      g_clear_signal_handler (&self->highlight_id, self->chart);
    }
  g_set_object (&self->chart, chart);
  if (chart != NULL)
    {
      self->changed_id = g_signal_connect_swapped (chart, "changed", G_CALLBACK (on_chart_changed), self);
      self->highlight_id = g_signal_connect_swapped (chart, "notify::highlight", G_CALLBACK (gtk_widget_queue_draw), self);
    }
  update_dark (self);
  on_chart_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

static void
fiscal_chart_view_dispose (GObject *object)
{
  FiscalChartView *self = FISCAL_CHART_VIEW (object);

  if (self->chart != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->chart);
      g_clear_signal_handler (&self->highlight_id, self->chart);
    }
  g_clear_object (&self->chart);

  G_OBJECT_CLASS (fiscal_chart_view_parent_class)->dispose (object);
}

static void
fiscal_chart_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  FiscalChartView *self = FISCAL_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, self->chart);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fiscal_chart_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  FiscalChartView *self = FISCAL_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      fiscal_chart_view_set_chart (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fiscal_chart_view_class_init (FiscalChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fiscal_chart_view_dispose;
  object_class->get_property = fiscal_chart_view_get_property;
  object_class->set_property = fiscal_chart_view_set_property;
  widget_class->snapshot = fiscal_chart_view_snapshot;
  widget_class->measure = fiscal_chart_view_measure;

  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL, FISCAL_TYPE_CHART,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
fiscal_chart_view_init (FiscalChartView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);

  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  g_signal_connect (click, "pressed", G_CALLBACK (on_click), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), self);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_dark), self, G_CONNECT_SWAPPED);
}

/**
 * fiscal_chart_view_new:
 *
 * Returns: (transfer floating): an empty chart view
 */
GtkWidget *
fiscal_chart_view_new (void)
{
  return g_object_new (FISCAL_TYPE_CHART_VIEW, NULL);
}
