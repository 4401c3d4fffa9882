/* fiscal-table-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-table-view"

#include "config.h"

#include <glib/gi18n.h>

#include "fiscal-table-grid.h"
#include "fiscal-table-view.h"

struct _FiscalTableView
{
  GtkWidget          parent_instance;

  GtkWidget         *box;
  GtkLabel          *title;
  GtkLabel          *department;
  GtkLabel          *unit;
  GtkScrolledWindow *scrolled;
  FiscalTableGrid   *grid;
  GtkLabel          *note;
  GtkLabel          *status;
};

enum {
  PROP_0,
  PROP_TABLE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (FiscalTableView, fiscal_table_view, GTK_TYPE_WIDGET)

enum {
  CELL_ACTIVATED,
  CURSOR_MOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GParamSpec *properties[N_PROPS];

/* The table shown: the grid's, which holds it. */
static FiscalTable *
table_of (FiscalTableView *self)
{
  return self->grid ? fiscal_table_grid_get_table (self->grid) : NULL;
}

/* The texts around the grid: title, department, unit and note. */
static void
update_texts (FiscalTableView *self)
{
  FiscalTable *table = table_of (self);
  g_autofree char *title = g_strdup_printf ("表%u %s", fiscal_table_get_number (table), fiscal_table_get_title (table));
  g_autofree char *department = g_strdup_printf ("编制部门：%s", fiscal_table_get_department (table) ?: "");
  g_autofree char *unit = g_strdup_printf ("单位：%s", fiscal_table_get_unit (table));

  gtk_label_set_label (self->title, title);
  gtk_label_set_label (self->department, department);
  gtk_label_set_label (self->unit, unit);

  gtk_widget_set_visible (GTK_WIDGET (self->note), fiscal_table_get_note (table) != NULL);
  gtk_label_set_label (self->note, fiscal_table_get_note (table) ?: "");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
}

/**
 * fiscal_table_view_activate_cell:
 * @column: a column of the table, or -1 for the whole row
 *
 * Emits ::cell-activated for data row @row, as a double click on that
 * cell does.
 */
void
fiscal_table_view_activate_cell (FiscalTableView *self,
                                 guint            row,
                                 int              column)
{
  g_return_if_fail (FISCAL_IS_TABLE_VIEW (self));
  g_return_if_fail (table_of (self) != NULL && row < fiscal_table_get_n_rows (table_of (self)));
  g_return_if_fail (column < (int) fiscal_table_get_n_columns (table_of (self)));

  g_signal_emit (self, signals[CELL_ACTIVATED], 0, row, column);
}

static void
grid_cell_activated_cb (FiscalTableView *self,
                        guint            row,
                        int              column)
{
  fiscal_table_view_activate_cell (self, row, column);
}

static void
grid_cursor_moved_cb (FiscalTableView *self)
{
  g_signal_emit (self, signals[CURSOR_MOVED], 0);
}

static void
fiscal_table_view_dispose (GObject *object)
{
  FiscalTableView *self = (FiscalTableView *)object;

  g_clear_pointer (&self->box, gtk_widget_unparent);
  self->grid = NULL;

  G_OBJECT_CLASS (fiscal_table_view_parent_class)->dispose (object);
}

static void
fiscal_table_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  FiscalTableView *self = FISCAL_TABLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_TABLE:
      g_value_set_object (value, table_of (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fiscal_table_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  FiscalTableView *self = FISCAL_TABLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_TABLE:
      fiscal_table_view_set_table (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The keyboard goes to the cells, not to the title above them. */
static gboolean
fiscal_table_view_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (FISCAL_TABLE_VIEW (widget)->grid));
}

static void
fiscal_table_view_class_init (FiscalTableViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fiscal_table_view_dispose;
  object_class->get_property = fiscal_table_view_get_property;
  object_class->set_property = fiscal_table_view_set_property;

  properties[PROP_TABLE] =
    g_param_spec_object ("table", NULL, NULL, FISCAL_TYPE_TABLE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FiscalTableView::cell-activated:
   * @row: the data row
   * @column: the column, or -1 for the whole row
   */
  /**
   * FiscalTableView::cursor-moved:
   *
   * The cursor is on another cell (see fiscal_table_view_get_cursor()).
   */
  signals[CURSOR_MOVED] =
    g_signal_new ("cursor-moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  signals[CELL_ACTIVATED] =
    g_signal_new ("cell-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_INT);

  widget_class->grab_focus = fiscal_table_view_grab_focus;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "disclosuretable");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
fiscal_table_view_init (FiscalTableView *self)
{
  GtkWidget *meta;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_widget_set_visible (self->box, FALSE);

  self->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "title-2");
  gtk_label_set_selectable (self->title, TRUE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->title));

  meta = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  self->department = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->department, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->department), TRUE);
  gtk_label_set_ellipsize (self->department, PANGO_ELLIPSIZE_END);
  self->unit = GTK_LABEL (gtk_label_new (NULL));
  gtk_box_append (GTK_BOX (meta), GTK_WIDGET (self->department));
  gtk_box_append (GTK_BOX (meta), GTK_WIDGET (self->unit));
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_box_append (GTK_BOX (self->box), meta);

  self->grid = FISCAL_TABLE_GRID (fiscal_table_grid_new ());
  g_signal_connect_swapped (self->grid, "cell-activated", G_CALLBACK (grid_cell_activated_cb), self);
  g_signal_connect_swapped (self->grid, "cursor-moved", G_CALLBACK (grid_cursor_moved_cb), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Disclosure table"),
                                  -1);

  /* The rows scroll under the header; a short table takes only its own
   * height, so that its note follows it. */
  self->scrolled = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_propagate_natural_height (self->scrolled, TRUE);
  gtk_scrolled_window_set_child (self->scrolled, GTK_WIDGET (self->grid));
  gtk_widget_set_vexpand (GTK_WIDGET (self->scrolled), FALSE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->scrolled));

  self->note = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->note, TRUE);
  gtk_label_set_xalign (self->note, 0);
  gtk_label_set_selectable (self->note, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->note), "table-note");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->note));

  /* What the cell with the cursor is made of. */
  self->status = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->status, TRUE);
  gtk_label_set_xalign (self->status, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->status), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->status), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("The lines behind the cell"),
                                  -1);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->status));
}

/**
 * fiscal_table_view_set_status:
 * @text: (nullable): what to say under the table about the cell with the
 *   cursor, or %NULL for nothing
 */
void
fiscal_table_view_set_status (FiscalTableView *self,
                              const char      *text)
{
  g_return_if_fail (FISCAL_IS_TABLE_VIEW (self));

  gtk_label_set_label (self->status, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status), text != NULL && *text);
}

/**
 * fiscal_table_view_get_status:
 *
 * Returns: (transfer none): what the view says about the cell with the
 *   cursor, "" for nothing
 */
const char *
fiscal_table_view_get_status (FiscalTableView *self)
{
  g_return_val_if_fail (FISCAL_IS_TABLE_VIEW (self), NULL);
  return gtk_label_get_label (self->status);
}

GtkWidget *
fiscal_table_view_new (void)
{
  return g_object_new (FISCAL_TYPE_TABLE_VIEW, NULL);
}

/**
 * fiscal_table_view_get_table:
 *
 * Returns: (transfer none) (nullable): the table shown
 */
FiscalTable *
fiscal_table_view_get_table (FiscalTableView *self)
{
  g_return_val_if_fail (FISCAL_IS_TABLE_VIEW (self), NULL);
  return table_of (self);
}

void
fiscal_table_view_set_table (FiscalTableView *self,
                             FiscalTable     *table)
{
  FiscalTable *shown;
  gboolean keep_place;

  g_return_if_fail (FISCAL_IS_TABLE_VIEW (self));
  g_return_if_fail (!table || FISCAL_IS_TABLE (table));

  if ((shown = table_of (self)) == table)
    return;

  /* A new version of the table shown, after an edit, keeps its place. */
  keep_place = shown != NULL && table != NULL && fiscal_table_get_number (shown) == fiscal_table_get_number (table);
  fiscal_table_grid_set_table (self->grid, table, keep_place);
  /* A header alone is shorter than a vertical scrollbar may be: the
   * sentence of an empty table follows it closely. */
  gtk_scrolled_window_set_policy (self->scrolled, GTK_POLICY_AUTOMATIC,
                                  table != NULL && fiscal_table_get_n_rows (table) == 0
                                  ? GTK_POLICY_NEVER : GTK_POLICY_AUTOMATIC);
  gtk_widget_set_visible (self->box, table != NULL);
  if (table != NULL)
    update_texts (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TABLE]);
}

/**
 * fiscal_table_view_get_n_header_rows:
 *
 * Returns: how many grid rows the header takes; data rows follow
 */
guint
fiscal_table_view_get_n_header_rows (FiscalTableView *self)
{
  FiscalTable *table;

  g_return_val_if_fail (FISCAL_IS_TABLE_VIEW (self), 0);
  table = table_of (self);
  return table ? fiscal_table_get_n_header_rows (table) : 0;
}

/**
 * fiscal_table_view_get_cell:
 *
 * Returns: (transfer none) (nullable): the widget that shows a place of
 *   the table (header rows first): the header cell over it, or a cell of
 *   a data row in view; %NULL for a data row scrolled out of view
 */
GtkWidget *
fiscal_table_view_get_cell (FiscalTableView *self,
                            guint            grid_row,
                            guint            grid_column)
{
  g_return_val_if_fail (FISCAL_IS_TABLE_VIEW (self), NULL);
  return fiscal_table_grid_get_cell (self->grid, grid_row, grid_column);
}

/**
 * fiscal_table_view_get_text_at:
 *
 * Returns: (nullable): the text the view shows at a place (header rows
 *   first, a header cell at every place it spans), or %NULL past the
 *   table or for a data row scrolled out of view
 */
const char *
fiscal_table_view_get_text_at (FiscalTableView *self,
                               guint            grid_row,
                               guint            grid_column)
{
  GtkWidget *cell;

  g_return_val_if_fail (FISCAL_IS_TABLE_VIEW (self), NULL);

  cell = fiscal_table_grid_get_cell (self->grid, grid_row, grid_column);
  return cell != NULL ? gtk_label_get_label (GTK_LABEL (cell)) : NULL;
}

/**
 * fiscal_table_view_scroll_to_cell:
 * @column: a column to bring into view too, or -1
 *
 * Scrolls data row @row into view and puts the cursor on it, as the
 * keyboard does; the rows in view follow at the next frame.
 */
void
fiscal_table_view_scroll_to_cell (FiscalTableView *self,
                                  guint            row,
                                  int              column)
{
  g_return_if_fail (FISCAL_IS_TABLE_VIEW (self));
  g_return_if_fail (table_of (self) != NULL && row < fiscal_table_get_n_rows (table_of (self)));
  g_return_if_fail (column < (int) fiscal_table_get_n_columns (table_of (self)));

  fiscal_table_grid_set_cursor (self->grid, row, MAX (column, 0));
  fiscal_table_grid_scroll_to (self->grid, row, column);
}

/**
 * fiscal_table_view_get_cursor:
 *
 * Returns: whether a cell has the cursor (the cell Enter activates), and
 *   which
 */
gboolean
fiscal_table_view_get_cursor (FiscalTableView *self,
                              guint           *row,
                              guint           *column)
{
  g_return_val_if_fail (FISCAL_IS_TABLE_VIEW (self), FALSE);
  return fiscal_table_grid_get_cursor (self->grid, row, column);
}
