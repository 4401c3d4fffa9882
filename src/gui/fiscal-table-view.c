/* fiscal-table-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-table-view"

#include "config.h"

#include <glib/gi18n.h>

#include "fiscal-table-view.h"

struct _FiscalTableView
{
  GtkWidget    parent_instance;

  FiscalTable *table;

  GtkWidget   *box;
  GtkLabel    *title;
  GtkLabel    *department;
  GtkLabel    *unit;
  GtkGrid     *grid;
  GtkLabel    *note;
  GPtrArray   *cells;   /* the data cells' labels, row by row; the grid owns them */
  guint        n_shown; /* data rows made as widgets */
  gboolean     show_all;
  GtkButton   *more;    /* offers the rows past MAX_ROWS */
};

/* A grid of labels costs about 5 ms a row to make and lay out (bench/
 * fiscal-view-bench): fine for the tables of a department, seconds for
 * thousands of project rows; past this many rows the rest is made on
 * request. */
#define MAX_ROWS 300

enum {
  PROP_0,
  PROP_TABLE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (FiscalTableView, fiscal_table_view, GTK_TYPE_WIDGET)

enum {
  CELL_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GParamSpec *properties[N_PROPS];

/* Amounts and codes never wrap; names wrap only past a sensible width,
 * and header texts wrap to the width of their columns. */
static GtkWidget *
make_cell (const char       *text,
           FiscalColumnKind  kind,
           gboolean          header)
{
  GtkWidget *label = gtk_label_new (text);
  GtkLabel *l = GTK_LABEL (label);

  gtk_widget_add_css_class (label, "cell");

  if (header)
    {
      gtk_widget_add_css_class (label, "header");
      gtk_label_set_xalign (l, 0.5);
      gtk_label_set_justify (l, GTK_JUSTIFY_CENTER);
      gtk_label_set_wrap (l, TRUE);
      gtk_label_set_wrap_mode (l, PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (l, kind == FISCAL_COLUMN_AMOUNT ? 8 : 30);
      return label;
    }

  switch (kind)
    {
    case FISCAL_COLUMN_CODE_1:
    case FISCAL_COLUMN_CODE_2:
    case FISCAL_COLUMN_CODE_3:
      gtk_label_set_xalign (l, 0.5);
      gtk_widget_add_css_class (label, "code");
      break;

    case FISCAL_COLUMN_AMOUNT:
      gtk_label_set_xalign (l, 1.0);
      gtk_label_set_width_chars (l, 7);
      gtk_widget_add_css_class (label, "amount");
      break;

    case FISCAL_COLUMN_NAME:
    case FISCAL_COLUMN_PROJECT:
    case FISCAL_COLUMN_LABEL:
    default:
      gtk_label_set_xalign (l, 0.0);
      gtk_label_set_wrap (l, TRUE);
      gtk_label_set_wrap_mode (l, PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (l, 12);
      gtk_label_set_max_width_chars (l, 28);
      gtk_widget_set_hexpand (label, TRUE);
      break;
    }

  return label;
}

static void
clear_grid (FiscalTableView *self)
{
  GtkWidget *child;

  g_ptr_array_set_size (self->cells, 0);
  self->n_shown = 0;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))))
    gtk_grid_remove (self->grid, child);
}

/* Whether @a and @b have the same rows and columns, so that a view of @a
 * shows @b by changing the texts of its cells. */
static gboolean
same_layout (FiscalTable *a,
             FiscalTable *b)
{
  guint n_rows;

  if (a == NULL || b == NULL ||
      fiscal_table_get_number (a) != fiscal_table_get_number (b) ||
      fiscal_table_get_n_columns (a) != fiscal_table_get_n_columns (b) ||
      (n_rows = fiscal_table_get_n_rows (a)) != fiscal_table_get_n_rows (b))
    return FALSE;

  for (guint r = 0; r < n_rows; r++)
    {
      const FiscalTableRow *x = fiscal_table_get_row (a, r);
      const FiscalTableRow *y = fiscal_table_get_row (b, r);

      if (x->level != y->level || g_strcmp0 (x->code, y->code) != 0 ||
          g_strcmp0 (x->name, y->name) != 0 || g_strcmp0 (x->project, y->project) != 0)
        return FALSE;
    }

  return TRUE;
}

/* After an edit most figures stay as they were: only changed texts are
 * set, and the grid keeps its widgets. */
static void
refresh (FiscalTableView *self)
{
  FiscalTable *table = self->table;
  guint n_columns = fiscal_table_get_n_columns (table);

  for (guint r = 0; r < self->n_shown; r++)
    for (guint c = 0; c < n_columns; c++)
      {
        GtkLabel *label = g_ptr_array_index (self->cells, r * n_columns + c);
        g_autofree char *text = fiscal_table_get_column_text (table, r, c);

        if (g_strcmp0 (gtk_label_get_label (label), text ? text : "") != 0)
          gtk_label_set_label (label, text);
      }
}

/* The texts around the grid: title, department, unit and note. */
static void
rebuild_texts (FiscalTableView *self)
{
  FiscalTable *table = self->table;
  g_autofree char *title = g_strdup_printf ("表%u %s", fiscal_table_get_number (table), fiscal_table_get_title (table));
  g_autofree char *department = g_strdup_printf ("编制部门：%s", fiscal_table_get_department (table) ?: "");
  g_autofree char *unit = g_strdup_printf ("单位：%s", fiscal_table_get_unit (table));

  gtk_label_set_label (self->title, title);
  gtk_label_set_label (self->department, department);
  gtk_label_set_label (self->unit, unit);

  if (self->n_shown < fiscal_table_get_n_rows (table))
    {
      /* Translators: under a table cut short, "Show All 5,561 Rows" */
      g_autofree char *more = g_strdup_printf (_("Show All %u Rows"), fiscal_table_get_n_rows (table));
      g_autofree char *tooltip = g_strdup_printf (_("%u of %u rows are shown; exports always have all of them"),
                                                  self->n_shown, fiscal_table_get_n_rows (table));

      gtk_button_set_label (self->more, more);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->more), tooltip);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->more), self->n_shown < fiscal_table_get_n_rows (table));
  gtk_widget_set_visible (GTK_WIDGET (self->note), fiscal_table_get_note (table) != NULL);
  gtk_label_set_label (self->note, fiscal_table_get_note (table) ?: "");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
}

static void
rebuild (FiscalTableView *self)
{
  FiscalTable *table = self->table;
  guint n_header_rows;
  guint n_columns;

  clear_grid (self);

  if (table == NULL)
    {
      gtk_widget_set_visible (self->box, FALSE);
      return;
    }
  gtk_widget_set_visible (self->box, TRUE);

  n_header_rows = fiscal_table_get_n_header_rows (table);
  n_columns = fiscal_table_get_n_columns (table);

  for (guint i = 0; i < fiscal_table_get_n_header_cells (table); i++)
    {
      const FiscalTableHeaderCell *cell = fiscal_table_get_header_cell (table, i);
      const FiscalTableColumn *column = fiscal_table_get_column (table, cell->column);
      GtkWidget *label = make_cell (cell->text, cell->column_span == 1 ? column->kind : FISCAL_COLUMN_NAME, TRUE);

      gtk_grid_attach (self->grid, label, cell->column, cell->row, cell->column_span, cell->row_span);
    }

  self->n_shown = fiscal_table_get_n_rows (table);
  if (!self->show_all)
    self->n_shown = MIN (self->n_shown, MAX_ROWS);

  for (guint r = 0; r < self->n_shown; r++)
    {
      const FiscalTableRow *row = fiscal_table_get_row (table, r);

      for (guint c = 0; c < n_columns; c++)
        {
          const FiscalTableColumn *column = fiscal_table_get_column (table, c);
          g_autofree char *text = fiscal_table_get_column_text (table, r, c);
          GtkWidget *label = make_cell (text, column->kind, FALSE);

          g_object_set_data (G_OBJECT (label), "fiscal-row", GUINT_TO_POINTER (r + 1));
          g_object_set_data (G_OBJECT (label), "fiscal-column", GUINT_TO_POINTER (c + 1));
          if (fiscal_pivot_row_traceable (table, r))
            gtk_widget_set_tooltip_text (label, column->kind == FISCAL_COLUMN_AMOUNT
                                                ? _("Double-click to see the lines behind this figure")
                                                : _("Double-click to see the lines behind this row"));

          /* The 总计 row opens a table and 收入总计 closes 表 1 and 4. */
          if (row->level == 0 && row->code[0] == 0 && (r == 0 || r + 1 == fiscal_table_get_n_rows (table)))
            gtk_widget_add_css_class (label, "total");
          else if (row->level == 1 && row->code[0] != 0)
            gtk_widget_add_css_class (label, "level-1");

          gtk_grid_attach (self->grid, label, c, n_header_rows + r, 1, 1);
          g_ptr_array_add (self->cells, label);
        }
    }

  rebuild_texts (self);
}

/**
 * fiscal_table_view_show_all_rows:
 *
 * Makes every row of a table cut short at MAX_ROWS, and of the tables
 * shown after it.
 */
void
fiscal_table_view_show_all_rows (FiscalTableView *self)
{
  g_return_if_fail (FISCAL_IS_TABLE_VIEW (self));

  if (self->show_all)
    return;
  self->show_all = TRUE;
  if (self->table != NULL && self->n_shown < fiscal_table_get_n_rows (self->table))
    rebuild (self);
}

/**
 * fiscal_table_view_get_n_shown_rows:
 *
 * Returns: how many data rows the view shows
 */
guint
fiscal_table_view_get_n_shown_rows (FiscalTableView *self)
{
  g_return_val_if_fail (FISCAL_IS_TABLE_VIEW (self), 0);
  return self->table != NULL ? self->n_shown : 0;
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
  g_return_if_fail (self->table != NULL && row < fiscal_table_get_n_rows (self->table));
  g_return_if_fail (column < (int) fiscal_table_get_n_columns (self->table));

  g_signal_emit (self, signals[CELL_ACTIVATED], 0, row, column);
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            FiscalTableView *self)
{
  GtkWidget *grid = GTK_WIDGET (self->grid);
  GtkWidget *picked;
  graphene_point_t point;

  if (n_press != 2 || self->table == NULL ||
      !gtk_widget_compute_point (GTK_WIDGET (self), grid, &GRAPHENE_POINT_INIT (x, y), &point))
    return;

  for (picked = gtk_widget_pick (grid, point.x, point.y, GTK_PICK_DEFAULT);
       picked != NULL && picked != grid;
       picked = gtk_widget_get_parent (picked))
    {
      guint row = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (picked), "fiscal-row"));
      guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (picked), "fiscal-column"));

      if (row > 0)
        {
          fiscal_table_view_activate_cell (self, row - 1, (int) column - 1);
          return;
        }
    }
}

static void
fiscal_table_view_dispose (GObject *object)
{
  FiscalTableView *self = (FiscalTableView *)object;

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->table);
  g_clear_pointer (&self->cells, g_ptr_array_unref);

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
      g_value_set_object (value, self->table);
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
  signals[CELL_ACTIVATED] =
    g_signal_new ("cell-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_INT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "disclosuretable");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
fiscal_table_view_init (FiscalTableView *self)
{
  GtkWidget *meta;

  self->cells = g_ptr_array_new ();
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

  self->grid = GTK_GRID (gtk_grid_new ());
  {
    GtkGesture *click = gtk_gesture_click_new ();
    g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  }
  gtk_widget_add_css_class (GTK_WIDGET (self->grid), "disclosure-grid");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Disclosure table"),
                                  -1);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->grid));

  self->more = GTK_BUTTON (gtk_button_new ());
  gtk_widget_set_halign (GTK_WIDGET (self->more), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->more), "pill");
  gtk_widget_set_margin_top (GTK_WIDGET (self->more), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->more), 12);
  gtk_widget_set_visible (GTK_WIDGET (self->more), FALSE);
  g_signal_connect_swapped (self->more, "clicked", G_CALLBACK (fiscal_table_view_show_all_rows), self);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->more));

  self->note = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->note, TRUE);
  gtk_label_set_xalign (self->note, 0);
  gtk_label_set_selectable (self->note, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->note), "table-note");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->note));
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
  return self->table;
}

void
fiscal_table_view_set_table (FiscalTableView *self,
                             FiscalTable     *table)
{
  g_return_if_fail (FISCAL_IS_TABLE_VIEW (self));
  g_return_if_fail (!table || FISCAL_IS_TABLE (table));

  if (self->table == table)
    return;

  if (same_layout (self->table, table))
    {
      g_set_object (&self->table, table);
      refresh (self);
      rebuild_texts (self);
    }
  else
    {
      g_set_object (&self->table, table);
      rebuild (self);
    }
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
  g_return_val_if_fail (FISCAL_IS_TABLE_VIEW (self), 0);
  return self->table ? fiscal_table_get_n_header_rows (self->table) : 0;
}

/**
 * fiscal_table_view_get_text_at:
 *
 * Returns: (nullable): the text the grid shows at a place (header rows
 *   first), or %NULL where no cell starts there
 */
const char *
fiscal_table_view_get_text_at (FiscalTableView *self,
                               guint            grid_row,
                               guint            grid_column)
{
  GtkWidget *child;

  g_return_val_if_fail (FISCAL_IS_TABLE_VIEW (self), NULL);

  child = gtk_grid_get_child_at (self->grid, grid_column, grid_row);
  if (child == NULL || !GTK_IS_LABEL (child))
    return NULL;

  return gtk_label_get_label (GTK_LABEL (child));
}
