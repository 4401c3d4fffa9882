/* fiscal-charts-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-charts-page"

#include "config.h"

#include <glib/gi18n.h>

#include "fiscal-charts-page.h"

struct _FiscalChartsPage
{
  GtkWidget        parent_instance;

  FiscalDocument  *doc;
  FiscalDocument  *prior;
  FiscalChart     *chart;

  GtkWidget       *box;
  GtkDropDown     *kind_dropdown;
  GtkBox          *breadcrumb;
  GtkToggleButton *percent_button;
  GtkToggleButton *table_button;
  FiscalChartView *view;
  GtkWidget       *table_scroller;
  GtkGrid         *table;
  guint            table_rows;
  gboolean         table_dirty;
};

G_DEFINE_FINAL_TYPE (FiscalChartsPage, fiscal_charts_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_KIND,
  PROP_GREEN_INCREASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Data table */

static void
table_cell (FiscalChartsPage *self,
            const char       *text,
            int               column,
            int               row,
            gboolean          numeric,
            gboolean          header)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  if (header)
    gtk_widget_add_css_class (label, "heading");
  gtk_grid_attach (self->table, label, column, row, 1, 1);
}

static void
rebuild_table (FiscalChartsPage *self)
{
  GtkWidget *child;
  guint n = fiscal_chart_get_n_items (self->chart);
  gboolean bridge = fiscal_chart_get_kind (self->chart) == FISCAL_CHART_BRIDGE;
  gint64 total = fiscal_chart_get_total (self->chart);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))))
    gtk_grid_remove (self->table, child);

  table_cell (self, _("Item"), 0, 0, FALSE, TRUE);
  table_cell (self, _("Code"), 1, 0, FALSE, TRUE);
  table_cell (self, bridge ? _("Change (10k yuan)") : _("Amount (10k yuan)"), 2, 0, TRUE, TRUE);
  table_cell (self, _("Share"), 3, 0, TRUE, TRUE);
  table_cell (self, _("Last year (10k yuan)"), 4, 0, TRUE, TRUE);
  table_cell (self, _("Change"), 5, 0, TRUE, TRUE);

  for (guint i = 0; i < n; i++)
    {
      const FiscalChartItem *item = fiscal_chart_get_item (self->chart, i);
      g_autofree char *amount = fiscal_money_format_wan (item->amount);
      g_autofree char *share = !bridge && !item->is_total && total > 0 ? fiscal_ratio_format_percent (item->amount, total) : g_strdup ("");
      g_autofree char *prior = item->has_prior ? fiscal_money_format_wan (item->prior) : g_strdup ("");
      g_autofree char *change = NULL;

      if (item->has_prior && !bridge && item->prior != 0)
        change = fiscal_ratio_format_percent (fiscal_money_sub_clamped (item->amount, item->prior), item->prior);
      table_cell (self, item->name, 0, i + 1, FALSE, FALSE);
      table_cell (self, item->code ? item->code : "", 1, i + 1, FALSE, FALSE);
      table_cell (self, amount, 2, i + 1, TRUE, FALSE);
      table_cell (self, share, 3, i + 1, TRUE, FALSE);
      table_cell (self, prior, 4, i + 1, TRUE, FALSE);
      table_cell (self, change ? change : "", 5, i + 1, TRUE, FALSE);
    }
  self->table_rows = n;
}

/* Breadcrumb */

static void
on_crumb_clicked (GtkButton        *button,
                  FiscalChartsPage *self)
{
  const char *code = g_object_get_data (G_OBJECT (button), "code");

  fiscal_chart_set_focus (self->chart, code);
}

static void
add_crumb (FiscalChartsPage *self,
           const char       *label,
           const char       *code,
           gboolean          current)
{
  GtkWidget *button;

  if (gtk_widget_get_first_child (GTK_WIDGET (self->breadcrumb)) != NULL)
    gtk_box_append (self->breadcrumb, gtk_label_new ("›"));
  button = gtk_button_new_with_label (label);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_sensitive (button, !current);
  g_object_set_data_full (G_OBJECT (button), "code", g_strdup (code), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_crumb_clicked), self);
  gtk_box_append (self->breadcrumb, button);
}

static void
rebuild_breadcrumb (FiscalChartsPage *self)
{
  GtkWidget *child;
  const char *focus = fiscal_chart_get_focus (self->chart);
  gboolean donut = fiscal_chart_get_kind (self->chart) == FISCAL_CHART_FUNCTION_DONUT;
  g_autoptr(FiscalCatalog) catalog = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->breadcrumb))))
    gtk_box_remove (self->breadcrumb, child);

  gtk_widget_set_visible (GTK_WIDGET (self->breadcrumb), donut);
  if (!donut)
    return;

  if (self->doc != NULL)
    catalog = fiscal_catalog_get_for_year (FISCAL_CATALOG_FUNCTION, fiscal_document_get_year (self->doc), NULL);

  add_crumb (self, _("All classes"), NULL, focus == NULL);
  for (guint len = 3; focus != NULL && len <= strlen (focus); len += 2)
    {
      g_autofree char *code = g_strndup (focus, len);
      const char *name = catalog ? fiscal_catalog_get_name (catalog, code) : NULL;

      add_crumb (self, name ? name : code, code, len == strlen (focus));
    }
}

/**
 * fiscal_charts_page_get_breadcrumb:
 *
 * Returns: (transfer full): the breadcrumb's labels joined by " › "
 */
char *
fiscal_charts_page_get_breadcrumb (FiscalChartsPage *self)
{
  GString *str = g_string_new (NULL);

  g_return_val_if_fail (FISCAL_IS_CHARTS_PAGE (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->breadcrumb)); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      {
        if (str->len > 0)
          g_string_append (str, " › ");
        g_string_append (str, gtk_button_get_label (GTK_BUTTON (child)));
      }
  return g_string_free (str, FALSE);
}

/* The table is made only while it shows: a treemap of a large budget has
 * hundreds of rows, and the chart changes with every edit. */
static void
on_chart_changed (FiscalChartsPage *self)
{
  self->table_dirty = TRUE;
  if (gtk_toggle_button_get_active (self->table_button))
    {
      rebuild_table (self);
      self->table_dirty = FALSE;
    }
  rebuild_breadcrumb (self);
}

static void
on_kind_selected (FiscalChartsPage *self)
{
  fiscal_charts_page_set_kind (self, gtk_drop_down_get_selected (self->kind_dropdown));
}

static void
on_percent_toggled (FiscalChartsPage *self)
{
  fiscal_chart_set_percent_mode (self->chart, gtk_toggle_button_get_active (self->percent_button));
}

static void
on_table_toggled (FiscalChartsPage *self)
{
  if (gtk_toggle_button_get_active (self->table_button) && self->table_dirty)
    {
      rebuild_table (self);
      self->table_dirty = FALSE;
    }
  gtk_widget_set_visible (self->table_scroller, gtk_toggle_button_get_active (self->table_button));
}

/* Copy */

/**
 * fiscal_charts_page_render_texture:
 *
 * Returns: (transfer full): the chart in the light style on white, as a
 *   texture of @width × @height pixels
 */
GdkTexture *
fiscal_charts_page_render_texture (FiscalChartsPage *self,
                                   int               width,
                                   int               height)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = NULL;

  g_return_val_if_fail (FISCAL_IS_CHARTS_PAGE (self), NULL);

  png = fiscal_chart_export_bytes (self->chart, FISCAL_CHART_FORMAT_PNG, width, height, 96, FALSE, &error);
  if (png == NULL)
    {
      g_warning ("Could not draw the chart: %s", error->message);
      return NULL;
    }
  return gdk_texture_new_from_bytes (png, &error);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FiscalChartsPage *self = FISCAL_CHARTS_PAGE (widget);
  int width = MAX (gtk_widget_get_width (GTK_WIDGET (self->view)), 800);
  int height = MAX (gtk_widget_get_height (GTK_WIDGET (self->view)), 500);
  g_autoptr(GdkTexture) texture = fiscal_charts_page_render_texture (self, width, height);

  if (texture != NULL)
    gdk_clipboard_set_texture (gtk_widget_get_clipboard (widget), texture);
}

/* Export */

typedef struct
{
  FiscalChartsPage *page;
  GtkWindow        *window;
  GtkDropDown      *format;
  GtkSpinButton    *width;
  GtkSpinButton    *height;
  GtkDropDown      *unit;
  GtkSpinButton    *dpi;
  GtkCheckButton   *transparent;
} ExportDialog;

static void
export_dialog_free (ExportDialog *d)
{
  g_object_unref (d->page);
  g_free (d);
}

static void
show_error (GtkWindow  *parent,
            const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Could not export the chart"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_pixels (ExportDialog *d,
               double       *width,
               double       *height,
               double       *dpi)
{
  gboolean mm = gtk_drop_down_get_selected (d->unit) == 1;

  *dpi = gtk_spin_button_get_value (d->dpi);
  *width = gtk_spin_button_get_value (d->width);
  *height = gtk_spin_button_get_value (d->height);
  if (mm)
    {
      *width = *width / 25.4 * *dpi;
      *height = *height / 25.4 * *dpi;
    }
}

static void
on_file_chosen (GtkNativeDialog *chooser,
                int              response,
                ExportDialog    *d)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(FiscalOutputGuard) guard = fiscal_output_guard_new ();
      g_autoptr(GError) error = NULL;
      double width, height, dpi;

      /* Never over the budget shown or its prior year, nor another
       * budget (fiscal-output.h), whatever the file chooser asked. */
      fiscal_output_guard_add_document (guard, d->page->doc, FISCAL_INPUT_BUDGET);
      fiscal_output_guard_add_document (guard, d->page->prior, FISCAL_INPUT_PRIOR);
      export_pixels (d, &width, &height, &dpi);
      if (path == NULL)
        {
          g_autofree char *uri = g_file_get_uri (file);
          g_autofree char *message = g_strdup_printf (_("Cannot write to “%s”: only local files can be written"), uri);

          show_error (d->window, message);
        }
      else if (!fiscal_output_guard_check (guard, path, FISCAL_OUTPUT_DEFAULT, &error) ||
               !fiscal_chart_export (d->page->chart, gtk_drop_down_get_selected (d->format), path,
                                     width, height, dpi, gtk_check_button_get_active (d->transparent), &error))
        show_error (d->window, error->message);
      else
        gtk_window_destroy (d->window);
    }
  g_object_unref (chooser);
}

static void
on_export_clicked (GtkButton    *button,
                   ExportDialog *d)
{
  FiscalChartFormat format = gtk_drop_down_get_selected (d->format);
  GtkFileChooserNative *chooser;
  g_autofree char *name = g_strdup_printf ("%s.%s", fiscal_chart_kind_to_name (fiscal_chart_get_kind (d->page->chart)),
                                           fiscal_chart_format_to_name (format));

  chooser = gtk_file_chooser_native_new (_("Export Chart"), d->window, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen), d);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_format_changed (ExportDialog *d)
{
  /* PDF pages are always white */
  gtk_widget_set_sensitive (GTK_WIDGET (d->transparent), gtk_drop_down_get_selected (d->format) != FISCAL_CHART_FORMAT_PDF);
}

static void
on_unit_changed (ExportDialog *d)
{
  double dpi = gtk_spin_button_get_value (d->dpi);
  gboolean mm = gtk_drop_down_get_selected (d->unit) == 1;
  double w = gtk_spin_button_get_value (d->width), h = gtk_spin_button_get_value (d->height);

  gtk_spin_button_set_digits (d->width, mm ? 1 : 0);
  gtk_spin_button_set_digits (d->height, mm ? 1 : 0);
  gtk_spin_button_set_value (d->width, mm ? w / dpi * 25.4 : w / 25.4 * dpi);
  gtk_spin_button_set_value (d->height, mm ? h / dpi * 25.4 : h / 25.4 * dpi);
}

static GtkWidget *
dialog_row (GtkGrid    *grid,
            int         row,
            const char *title,
            GtkWidget  *widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (title);

  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, widget, 1, row, 1, 1);
  return widget;
}

/**
 * fiscal_charts_page_open_export:
 *
 * Opens the export dialog: format, size in pixels or millimetres,
 * resolution and background; its Export button asks where to save.
 *
 * Returns: (transfer none): the dialog
 */
GtkWindow *
fiscal_charts_page_open_export (FiscalChartsPage *self)
{
  const char * const formats[] = { "PNG", "SVG", "PDF", NULL };
  const char * const units[] = { _("px"), _("mm"), NULL };
  ExportDialog *d = g_new0 (ExportDialog, 1);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *header = gtk_header_bar_new ();
  GtkWidget *export = gtk_button_new_with_mnemonic (_("_Export…"));
  GtkWidget *size_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_return_val_if_fail (FISCAL_IS_CHARTS_PAGE (self), NULL);

  d->page = g_object_ref (self);
  d->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_title (d->window, _("Export Chart"));
  gtk_window_set_modal (d->window, TRUE);
  gtk_window_set_resizable (d->window, FALSE);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (d->window, GTK_WINDOW (root));
  gtk_window_set_destroy_with_parent (d->window, TRUE);
  g_object_set_data_full (G_OBJECT (d->window), "fiscal-export", d, (GDestroyNotify) export_dialog_free);

  gtk_widget_add_css_class (export, "suggested-action");
  gtk_header_bar_pack_end (GTK_HEADER_BAR (header), export);
  gtk_window_set_titlebar (d->window, header);

  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_margin_top (grid, 18);
  gtk_widget_set_margin_bottom (grid, 18);
  gtk_widget_set_margin_start (grid, 18);
  gtk_widget_set_margin_end (grid, 18);

  d->format = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (formats));
  d->width = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (16, 20000, 1));
  d->height = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (16, 20000, 1));
  d->unit = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (units));
  d->dpi = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (72, 600, 1));
  d->transparent = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("_Transparent background")));
  gtk_spin_button_set_value (d->width, 1600);
  gtk_spin_button_set_value (d->height, 1000);
  gtk_spin_button_set_value (d->dpi, 150);

  gtk_box_append (GTK_BOX (size_box), GTK_WIDGET (d->width));
  gtk_box_append (GTK_BOX (size_box), gtk_label_new ("×"));
  gtk_box_append (GTK_BOX (size_box), GTK_WIDGET (d->height));
  gtk_box_append (GTK_BOX (size_box), GTK_WIDGET (d->unit));

  dialog_row (GTK_GRID (grid), 0, _("_Format"), GTK_WIDGET (d->format));
  dialog_row (GTK_GRID (grid), 1, _("_Size"), size_box);
  gtk_label_set_mnemonic_widget (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (grid), 0, 1)), GTK_WIDGET (d->width));
  dialog_row (GTK_GRID (grid), 2, _("_Resolution (DPI)"), GTK_WIDGET (d->dpi));
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (d->transparent), 1, 3, 1, 1);
  gtk_window_set_child (d->window, grid);

  g_signal_connect_swapped (d->format, "notify::selected", G_CALLBACK (on_format_changed), d);
  g_signal_connect_swapped (d->unit, "notify::selected", G_CALLBACK (on_unit_changed), d);
  g_signal_connect (export, "clicked", G_CALLBACK (on_export_clicked), d);

  gtk_window_present (d->window);
  return d->window;
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  fiscal_charts_page_open_export (FISCAL_CHARTS_PAGE (widget));
}

/* Public */

void
fiscal_charts_page_set_document (FiscalChartsPage *self,
                                 FiscalDocument   *doc,
                                 FiscalDocument   *prior)
{
  g_return_if_fail (FISCAL_IS_CHARTS_PAGE (self));

  g_set_object (&self->doc, doc);
  g_set_object (&self->prior, prior);
  fiscal_chart_set_documents (self->chart, doc, prior);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "charts.copy", doc != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "charts.export", doc != NULL);
}

/**
 * fiscal_charts_page_refresh:
 *
 * Builds the chart again from the document, after an edit.
 */
void
fiscal_charts_page_refresh (FiscalChartsPage *self)
{
  g_return_if_fail (FISCAL_IS_CHARTS_PAGE (self));

  fiscal_chart_rebuild (self->chart);
}

FiscalChartKind
fiscal_charts_page_get_kind (FiscalChartsPage *self)
{
  g_return_val_if_fail (FISCAL_IS_CHARTS_PAGE (self), 0);

  return fiscal_chart_get_kind (self->chart);
}

void
fiscal_charts_page_set_kind (FiscalChartsPage *self,
                             FiscalChartKind   kind)
{
  g_return_if_fail (FISCAL_IS_CHARTS_PAGE (self));
  g_return_if_fail (kind < FISCAL_N_CHART_KINDS);

  if (fiscal_chart_get_kind (self->chart) == kind)
    return;

  fiscal_chart_set_kind (self->chart, kind);
  gtk_drop_down_set_selected (self->kind_dropdown, kind);
  gtk_widget_set_visible (GTK_WIDGET (self->percent_button), kind == FISCAL_CHART_BASIC_PROJECT_BARS);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

FiscalChart *
fiscal_charts_page_get_chart (FiscalChartsPage *self)
{
  g_return_val_if_fail (FISCAL_IS_CHARTS_PAGE (self), NULL);

  return self->chart;
}

FiscalChartView *
fiscal_charts_page_get_view (FiscalChartsPage *self)
{
  g_return_val_if_fail (FISCAL_IS_CHARTS_PAGE (self), NULL);

  return self->view;
}

void
fiscal_charts_page_set_table_visible (FiscalChartsPage *self,
                                      gboolean          visible)
{
  g_return_if_fail (FISCAL_IS_CHARTS_PAGE (self));

  gtk_toggle_button_set_active (self->table_button, visible);
}

/**
 * fiscal_charts_page_get_table_rows:
 *
 * Returns: the rows of the data table (made when it is shown)
 */
guint
fiscal_charts_page_get_table_rows (FiscalChartsPage *self)
{
  g_return_val_if_fail (FISCAL_IS_CHARTS_PAGE (self), 0);

  return self->table_rows;
}

/* GObject */

static void
fiscal_charts_page_dispose (GObject *object)
{
  FiscalChartsPage *self = FISCAL_CHARTS_PAGE (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_data (self->chart, self);
  g_clear_object (&self->chart);
  g_clear_object (&self->doc);
  g_clear_object (&self->prior);

  G_OBJECT_CLASS (fiscal_charts_page_parent_class)->dispose (object);
}

static void
fiscal_charts_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  FiscalChartsPage *self = FISCAL_CHARTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, fiscal_chart_get_kind (self->chart));
      break;
    case PROP_GREEN_INCREASE:
      g_value_set_boolean (value, fiscal_chart_get_change_colors (self->chart) == FISCAL_CHART_INCREASE_GREEN);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fiscal_charts_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  FiscalChartsPage *self = FISCAL_CHARTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      fiscal_charts_page_set_kind (self, g_value_get_int (value));
      break;
    case PROP_GREEN_INCREASE:
      if (g_value_get_boolean (value) != (fiscal_chart_get_change_colors (self->chart) == FISCAL_CHART_INCREASE_GREEN))
        {
          fiscal_chart_set_change_colors (self->chart, g_value_get_boolean (value) ? FISCAL_CHART_INCREASE_GREEN
                                                                                   : FISCAL_CHART_INCREASE_RED);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fiscal_charts_page_class_init (FiscalChartsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fiscal_charts_page_dispose;
  object_class->get_property = fiscal_charts_page_get_property;
  object_class->set_property = fiscal_charts_page_set_property;

  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, 0, FISCAL_N_CHART_KINDS - 1, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Red for an increase is the Chinese convention; some readers expect
   * the opposite. */
  properties[PROP_GREEN_INCREASE] =
    g_param_spec_boolean ("green-increase", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_property_action (widget_class, "charts.green-increase", "green-increase");
  gtk_widget_class_install_action (widget_class, "charts.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "charts.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "charts.copy", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chartspage");
}

static void
kind_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  short_form)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (short_form))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 32);
      gtk_label_set_width_chars (GTK_LABEL (label), 12);
    }
  gtk_list_item_set_child (item, label);
}

static void
kind_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkStringObject *kind = gtk_list_item_get_item (item);

  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (kind));
  if (gtk_label_get_ellipsize (GTK_LABEL (label)) != PANGO_ELLIPSIZE_NONE)
    gtk_widget_set_tooltip_text (label, gtk_string_object_get_string (kind));
}

static void
fiscal_charts_page_init (FiscalChartsPage *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  GtkWidget *export = gtk_button_new_with_mnemonic (_("_Export…"));

  self->chart = fiscal_chart_new (FISCAL_CHART_FUNCTION_DONUT, NULL, NULL);
  g_signal_connect_swapped (self->chart, "changed", G_CALLBACK (on_chart_changed), self);

  for (guint k = 0; k < FISCAL_N_CHART_KINDS; k++)
    gtk_string_list_append (kinds, fiscal_chart_describe_kind (k));

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  gtk_widget_set_margin_top (toolbar, 6);
  gtk_widget_set_margin_start (toolbar, 12);
  gtk_widget_set_margin_end (toolbar, 12);
  self->kind_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (kinds)), NULL));
  /* The button shows the kind cut to a sensible width (its tooltip and the
   * list show it whole): a long description must not make the page so wide
   * that the window folds its sidebar away. */
  {
    g_autoptr(GtkListItemFactory) button = gtk_signal_list_item_factory_new ();
    g_autoptr(GtkListItemFactory) list = gtk_signal_list_item_factory_new ();

    g_signal_connect (button, "setup", G_CALLBACK (kind_setup_cb), GINT_TO_POINTER (TRUE));
    g_signal_connect (button, "bind", G_CALLBACK (kind_bind_cb), NULL);
    g_signal_connect (list, "setup", G_CALLBACK (kind_setup_cb), GINT_TO_POINTER (FALSE));
    g_signal_connect (list, "bind", G_CALLBACK (kind_bind_cb), NULL);
    gtk_drop_down_set_factory (self->kind_dropdown, button);
    gtk_drop_down_set_list_factory (self->kind_dropdown, list);
  }
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->kind_dropdown), _("Kind of chart"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->kind_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Kind of chart"), -1);
  g_signal_connect_swapped (self->kind_dropdown, "notify::selected", G_CALLBACK (on_kind_selected), self);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->kind_dropdown));

  self->breadcrumb = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2));
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->breadcrumb));

  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (toolbar), spacer);

  self->percent_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label ("100%"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->percent_button), _("Show each class as 100%"));
  gtk_widget_set_visible (GTK_WIDGET (self->percent_button), FALSE);
  g_signal_connect_swapped (self->percent_button, "toggled", G_CALLBACK (on_percent_toggled), self);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->percent_button));

  self->table_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_mnemonic (_("_Data Table")));
  g_signal_connect_swapped (self->table_button, "toggled", G_CALLBACK (on_table_toggled), self);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->table_button));

  {
    g_autoptr(GMenu) menu = g_menu_new ();
    GtkWidget *options = gtk_menu_button_new ();

    g_menu_append (menu, _("_Green for Increase"), "charts.green-increase");
    gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (options), G_MENU_MODEL (menu));
    gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (options), "view-more-symbolic");
    gtk_widget_set_tooltip_text (options, _("Chart options"));
    gtk_accessible_update_property (GTK_ACCESSIBLE (options), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Chart options"), -1);
    gtk_box_append (GTK_BOX (toolbar), options);
  }

  gtk_widget_set_tooltip_text (copy, _("Copy the chart as an image"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (copy), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Copy"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (copy), "charts.copy");
  gtk_box_append (GTK_BOX (toolbar), copy);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (export), "charts.export");
  gtk_box_append (GTK_BOX (toolbar), export);
  gtk_box_append (GTK_BOX (self->box), toolbar);

  self->view = FISCAL_CHART_VIEW (fiscal_chart_view_new ());
  gtk_widget_set_margin_start (GTK_WIDGET (self->view), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->view), 12);
  fiscal_chart_view_set_chart (self->view, self->chart);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->view));

  self->table = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->table, 18);
  gtk_grid_set_row_spacing (self->table, 4);
  gtk_widget_set_margin_start (GTK_WIDGET (self->table), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->table), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->table), 12);
  self->table_scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->table_scroller), GTK_WIDGET (self->table));
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->table_scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (self->table_scroller), 260);
  gtk_widget_set_visible (self->table_scroller, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->table_scroller);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "charts.copy", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "charts.export", FALSE);
  on_chart_changed (self);
}

/**
 * fiscal_charts_page_new:
 *
 * Returns: (transfer floating): the Charts page, with no document
 */
GtkWidget *
fiscal_charts_page_new (void)
{
  return g_object_new (FISCAL_TYPE_CHARTS_PAGE, NULL);
}
