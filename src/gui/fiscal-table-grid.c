/* fiscal-table-grid.c
 *
 * The columns get their widths from what they hold: the longest code part,
 * the widest amount, the longest name up to a cap; widths are counted in
 * characters when the table is set (no text is laid out for that) and
 * turned into pixels with the font's metrics. Room to spare goes to the
 * name columns. Rows are all one line high, so the place of any row is
 * known without laying out the others: a name longer than its column is
 * cut with an ellipsis and shown whole in the tooltip, as a table read on
 * screen is easier to follow with one line a row (the exports keep the
 * names whole).
 *
 * The rows in view are bound to "slots", each a label per column; a slot
 * whose row leaves the view takes a row that comes into it, so scrolling
 * sets the texts of the rows that come into view and nothing else.
 *
 * The leading label columns (the code parts, the name, the project) are
 * frozen: when the table scrolls sideways they stay at the left and the
 * amounts pass under them, clipped at their right edge, so a figure can
 * always be read with the row it belongs to. A header cell over frozen
 * columns stays with them; one over frozen and scrolling columns keeps
 * its left edge and gives up its scrolled part; a group over scrolling
 * columns scrolls with them and keeps its name in the part in view while
 * the name fits there. Where the frozen columns would take more than
 * three fifths of the width, nothing is frozen and everything scrolls.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-table-grid"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "fiscal-table-grid.h"

#define NO_ROW G_MAXUINT

/* laid_out_width before the columns are laid out */
#define NOT_LAID_OUT G_MININT

typedef struct
{
  guint       row;     /* the data row shown, or NO_ROW */
  GtkWidget **cells;   /* a label per column */
} Slot;

struct _FiscalTableGrid
{
  GtkWidget      parent_instance;

  FiscalTable   *table;
  guint          n_columns;
  guint          n_rows;
  guint          n_header_rows;

  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  guint          hscroll_policy : 1;
  guint          vscroll_policy : 1;

  GPtrArray     *header;          /* a label per header cell, in the table's order */
  GtkWidget     *probe;           /* an empty cell, never shown: the padding and height of a row */
  GtkWidget     *frozen_edge;     /* the shadow at the right of the frozen columns */
  GArray        *slots;           /* of Slot */

  guint         *units;           /* per column: its width in half-em (or digit) units */
  guint         *text_units;      /* per column: the widest of the rows' texts alone */
  int            scrollbar_room;  /* below the last row, for a horizontal scrollbar */
  int           *widths;          /* per column, in pixels, as laid out */
  int           *offsets;         /* per column and one past: x of its left edge */
  int           *header_tops;     /* per header row and one past: y of its top */
  int            header_height;
  int            row_height;
  int            laid_out_width;  /* the width the columns were laid out for, -1 for their own */
  guint          n_label_columns; /* the leading code, name and project columns */
  guint          n_frozen;        /* those that stay in view as laid out now: all or none */

  guint          cursor_row;      /* NO_ROW when there is none */
  guint          cursor_column;

  guint          scroll_row;      /* a scroll asked for before the size was known */
  int            scroll_column;
};

enum {
  PROP_0,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
  N_PROPS
};

enum {
  CELL_ACTIVATED,
  CURSOR_MOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The height of an overlaid horizontal scrollbar, shown or hovered. */
#define SCROLLBAR_ROOM 12

static void fiscal_table_grid_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FiscalTableGrid, fiscal_table_grid, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, fiscal_table_grid_scrollable_init))

static gboolean
is_text_kind (FiscalColumnKind kind)
{
  return kind == FISCAL_COLUMN_NAME || kind == FISCAL_COLUMN_PROJECT || kind == FISCAL_COLUMN_LABEL;
}

static FiscalColumnKind
column_kind (FiscalTableGrid *self,
             guint            column)
{
  return fiscal_table_get_column (self->table, column)->kind;
}

/* The width of @text in half-em units: a Chinese character counts two. */
static guint
text_units (const char *text)
{
  guint units = 0;

  for (const char *p = text; p != NULL && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      units += g_unichar_iswide (c) || g_unichar_iswide_cjk (c) ? 2 : 1;
    }

  return units;
}

static void
set_class (GtkWidget  *widget,
           const char *name,
           gboolean    on)
{
  if (on)
    gtk_widget_add_css_class (widget, name);
  else
    gtk_widget_remove_css_class (widget, name);
}

/* Counts, per column, the characters of its longest content, and bounds
 * them: codes and amounts are never cut, names are cut past a cap. A
 * header that would wrap into many lines widens its column a little. */
/* The widest text of each column: codes, names, projects and labels. */
static void
count_text_units (FiscalTableGrid *self)
{
  FiscalTable *table = self->table;
  guint n_cells = fiscal_table_get_n_cells (table);

  memset (self->text_units, 0, sizeof (guint) * self->n_columns);

  for (guint r = 0; r < self->n_rows; r++)
    {
      const FiscalTableRow *row = fiscal_table_get_row (table, r);

      for (guint c = 0; c < self->n_columns; c++)
        {
          FiscalColumnKind kind = column_kind (self, c);

          if (kind <= FISCAL_COLUMN_CODE_3)
            {
              g_autofree char *part = fiscal_table_row_code_part (row, kind);
              self->text_units[c] = MAX (self->text_units[c], text_units (part));
            }
          else if (kind == FISCAL_COLUMN_NAME)
            self->text_units[c] = MAX (self->text_units[c], text_units (row->name));
          else if (kind == FISCAL_COLUMN_PROJECT)
            self->text_units[c] = MAX (self->text_units[c], text_units (row->project));
        }

      for (guint i = 0; i < row->n_cells && i < n_cells; i++)
        if (row->cells[i].text != NULL)
          {
            int c = fiscal_table_cell_to_column (table, i);
            self->text_units[c] = MAX (self->text_units[c], text_units (row->cells[i].text));
          }
    }
}

/* Whether two tables have the same rows but for their figures, as after
 * an edit of an amount. */
static gboolean
same_texts (FiscalTable *a,
            FiscalTable *b)
{
  guint n_rows = fiscal_table_get_n_rows (a);

  if (n_rows != fiscal_table_get_n_rows (b))
    return FALSE;

  for (guint r = 0; r < n_rows; r++)
    {
      const FiscalTableRow *x = fiscal_table_get_row (a, r);
      const FiscalTableRow *y = fiscal_table_get_row (b, r);

      if (x->n_cells != y->n_cells || strcmp (x->code, y->code) != 0 || strcmp (x->name, y->name) != 0 ||
          g_strcmp0 (x->project, y->project) != 0)
        return FALSE;
      for (guint i = 0; i < x->n_cells; i++)
        if (g_strcmp0 (x->cells[i].text, y->cells[i].text) != 0)
          return FALSE;
    }

  return TRUE;
}

/* The units of each column from its texts (counted beforehand by
 * count_text_units()), its figures and its header. */
static void
count_units (FiscalTableGrid *self)
{
  FiscalTable *table = self->table;
  guint n_cells = fiscal_table_get_n_cells (table);
  g_autofree gint64 *lowest = g_new0 (gint64, n_cells);
  g_autofree gint64 *highest = g_new0 (gint64, n_cells);

  memcpy (self->units, self->text_units, sizeof (guint) * self->n_columns);

  for (guint r = 0; r < self->n_rows; r++)
    {
      const FiscalTableRow *row = fiscal_table_get_row (table, r);

      for (guint i = 0; i < row->n_cells && i < n_cells; i++)
        if (row->cells[i].text == NULL)
          {
            lowest[i] = MIN (lowest[i], row->cells[i].amount);
            highest[i] = MAX (highest[i], row->cells[i].amount);
          }
    }

  /* The longest amount text is that of the highest or of the lowest. */
  for (guint i = 0; i < n_cells; i++)
    {
      int c = fiscal_table_cell_to_column (table, i);
      FiscalTableCell low = { NULL, lowest[i] }, high = { NULL, highest[i] };
      g_autofree char *a = fiscal_table_format_cell (table, &low);
      g_autofree char *b = fiscal_table_format_cell (table, &high);

      self->units[c] = MAX (self->units[c], MAX (strlen (a), strlen (b)));
    }

  for (guint c = 0; c < self->n_columns; c++)
    {
      FiscalColumnKind kind = column_kind (self, c);
      guint header = 0;

      for (guint i = 0; i < fiscal_table_get_n_header_cells (table); i++)
        {
          const FiscalTableHeaderCell *cell = fiscal_table_get_header_cell (table, i);

          if (cell->column == c && cell->column_span == 1)
            header = MAX (header, text_units (cell->text));
        }

      switch (kind)
        {
        case FISCAL_COLUMN_CODE_1:
        case FISCAL_COLUMN_CODE_2:
        case FISCAL_COLUMN_CODE_3:
          self->units[c] = MAX (self->units[c], MIN (header, 6));
          break;

        case FISCAL_COLUMN_AMOUNT:
          /* One digit to spare: the totals are bold. */
          self->units[c] = MAX (self->units[c] + 1, MIN (header, 12));
          self->units[c] = MAX (self->units[c], 8);
          break;

        case FISCAL_COLUMN_NAME:
        case FISCAL_COLUMN_PROJECT:
        case FISCAL_COLUMN_LABEL:
        default:
          self->units[c] = CLAMP (MAX (self->units[c] + 1, MIN (header, 16)), 8, 48);
          break;
        }
    }
}

/* The pixels of a half-em and of a digit in the cells' bold font. */
static void
unit_pixels (FiscalTableGrid *self,
             double          *half_em,
             double          *digit)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (self->probe, "0123456789");
  PangoAttrList *attrs = pango_attr_list_new ();
  int width;

  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  pango_layout_get_pixel_size (layout, &width, NULL);
  *digit = width / 10.0;
  pango_layout_set_text (layout, "国国国国国国国国国国", -1);
  pango_layout_get_pixel_size (layout, &width, NULL);
  *half_em = width / 20.0;
}

static int
total_width (FiscalTableGrid *self)
{
  return self->n_columns > 0 ? self->offsets[self->n_columns] : 0;
}

/* The right edge of the frozen columns, 0 where none are. */
static int
frozen_width (FiscalTableGrid *self)
{
  return self->n_frozen > 0 ? self->offsets[self->n_frozen] : 0;
}

/* How many columns at the start of the table are codes, names and
 * projects: the ones to freeze. */
static guint
count_label_columns (FiscalTableGrid *self)
{
  guint n = 0;

  while (n < self->n_columns && column_kind (self, n) <= FISCAL_COLUMN_PROJECT)
    n++;

  return n;
}

/* Where column @c starts in the widget, for the scroll value @hvalue. */
static int
column_x (FiscalTableGrid *self,
          guint            c,
          int              hvalue)
{
  return c < self->n_frozen ? self->offsets[c] : self->offsets[c] - hvalue;
}

/* Lays out the columns for @width (or their own widths for -1) and the
 * header rows on them. */
static void
layout_columns (FiscalTableGrid *self,
                int              width)
{
  double half_em, digit;
  int extra_cell;
  int sum = 0;
  guint n_text = 0;

  if (self->table == NULL || self->laid_out_width == width)
    return;

  unit_pixels (self, &half_em, &digit);
  gtk_widget_measure (self->probe, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &extra_cell, NULL, NULL);
  gtk_widget_measure (self->probe, GTK_ORIENTATION_VERTICAL, -1, &self->row_height, NULL, NULL, NULL);
  self->row_height = MAX (self->row_height, 1);

  for (guint c = 0; c < self->n_columns; c++)
    {
      FiscalColumnKind kind = column_kind (self, c);
      double unit = kind == FISCAL_COLUMN_AMOUNT || kind <= FISCAL_COLUMN_CODE_3 ? digit : half_em;

      self->widths[c] = (int) (self->units[c] * unit + 0.999) + extra_cell;
      sum += self->widths[c];
      n_text += is_text_kind (kind);
    }
  /* The left rule of the first column. */
  sum += 1;

  if (width > sum && n_text > 0)
    {
      int spare = width - sum;
      guint seen = 0;

      for (guint c = 0; c < self->n_columns; c++)
        if (is_text_kind (column_kind (self, c)))
          {
            int share = spare / n_text + (seen < (guint) (spare % n_text) ? 1 : 0);

            self->widths[c] += share;
            seen++;
          }
    }

  self->offsets[0] = 0;
  for (guint c = 0; c < self->n_columns; c++)
    self->offsets[c + 1] = self->offsets[c] + self->widths[c] + (c == 0 ? 1 : 0);

  /* Header rows as high as their highest cell; a cell over several rows
   * makes the last of them higher where it needs more. A cell over label
   * and amount columns may be narrowed to its label part when the table
   * scrolls sideways: it is as high as it is there. */
  {
    g_autofree int *heights = g_new0 (int, self->n_header_rows);

    for (int pass = 0; pass < 2; pass++)
      for (guint i = 0; i < self->header->len; i++)
        {
          const FiscalTableHeaderCell *cell = fiscal_table_get_header_cell (self->table, i);
          GtkWidget *label = g_ptr_array_index (self->header, i);
          guint end = cell->column + cell->column_span;
          guint narrowest = cell->column < self->n_label_columns ? MIN (end, self->n_label_columns) : end;
          int w = self->offsets[narrowest] - self->offsets[cell->column];
          int h, have = 0;

          if ((pass == 0) != (cell->row_span == 1))
            continue;

          gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, w, &h, NULL, NULL, NULL);
          for (guint r = cell->row; r < cell->row + cell->row_span; r++)
            have += heights[r];
          if (h > have)
            heights[cell->row + cell->row_span - 1] += h - have;
        }

    self->header_tops[0] = 0;
    for (guint r = 0; r < self->n_header_rows; r++)
      self->header_tops[r + 1] = self->header_tops[r] + heights[r];
    self->header_height = self->header_tops[self->n_header_rows];
  }

  self->laid_out_width = width;
}

static void
unbind_slot (FiscalTableGrid *self,
             Slot            *slot)
{
  slot->row = NO_ROW;
  for (guint c = 0; c < self->n_columns; c++)
    gtk_widget_set_child_visible (slot->cells[c], FALSE);
}

/* Sets the classes that follow the cursor on the cells of @slot. */
static void
mark_cursor (FiscalTableGrid *self,
             Slot            *slot)
{
  for (guint c = 0; c < self->n_columns; c++)
    {
      gboolean here = slot->row == self->cursor_row && c == self->cursor_column;

      set_class (slot->cells[c], "cursor-row", slot->row == self->cursor_row);
      set_class (slot->cells[c], "cursor", here);
      gtk_accessible_update_state (GTK_ACCESSIBLE (slot->cells[c]),
                                   GTK_ACCESSIBLE_STATE_SELECTED, here,
                                   -1);
    }
}

static void
bind_slot (FiscalTableGrid *self,
           Slot            *slot,
           guint            r)
{
  const FiscalTableRow *row = fiscal_table_get_row (self->table, r);
  /* The 总计 row opens a table and 收入总计 closes 表 1 and 4. */
  gboolean total = row->level == 0 && row->code[0] == 0 && (r == 0 || r + 1 == self->n_rows);
  gboolean level_1 = !total && row->level == 1 && row->code[0] != 0;

  slot->row = r;
  for (guint c = 0; c < self->n_columns; c++)
    {
      GtkWidget *cell = slot->cells[c];
      g_autofree char *text = fiscal_table_get_column_text (self->table, r, c);

      if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (cell)), text) != 0)
        gtk_label_set_label (GTK_LABEL (cell), text);
      set_class (cell, "total", total);
      set_class (cell, "level-1", level_1);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (cell),
                                      GTK_ACCESSIBLE_RELATION_ROW_INDEX, (int) (self->n_header_rows + r + 1),
                                      -1);
      gtk_widget_set_child_visible (cell, TRUE);
    }
  mark_cursor (self, slot);
}

static void
add_slot (FiscalTableGrid *self)
{
  Slot slot = { NO_ROW, g_new0 (GtkWidget *, self->n_columns) };

  for (guint c = 0; c < self->n_columns; c++)
    {
      FiscalColumnKind kind = column_kind (self, c);
      GtkWidget *cell = g_object_new (GTK_TYPE_LABEL,
                                      "accessible-role", GTK_ACCESSIBLE_ROLE_GRID_CELL,
                                      "single-line-mode", TRUE,
                                      "ellipsize", PANGO_ELLIPSIZE_END,
                                      "can-target", FALSE,
                                      NULL);

      gtk_widget_add_css_class (cell, "cell");
      if (c == 0)
        gtk_widget_add_css_class (cell, "first-column");
      if (kind <= FISCAL_COLUMN_CODE_3)
        {
          gtk_label_set_xalign (GTK_LABEL (cell), 0.5);
          gtk_widget_add_css_class (cell, "code");
        }
      else if (kind == FISCAL_COLUMN_AMOUNT)
        {
          gtk_label_set_xalign (GTK_LABEL (cell), 1.0);
          gtk_widget_add_css_class (cell, "amount");
        }
      else
        gtk_label_set_xalign (GTK_LABEL (cell), 0.0);

      gtk_accessible_update_relation (GTK_ACCESSIBLE (cell),
                                      GTK_ACCESSIBLE_RELATION_COL_INDEX, (int) c + 1,
                                      -1);
      gtk_widget_set_child_visible (cell, FALSE);
      gtk_widget_insert_before (cell, GTK_WIDGET (self), self->probe);
      slot.cells[c] = cell;
    }

  g_array_append_val (self->slots, slot);
}

static void
clear_slots (FiscalTableGrid *self)
{
  for (guint i = 0; i < self->slots->len; i++)
    {
      Slot *slot = &g_array_index (self->slots, Slot, i);

      for (guint c = 0; c < self->n_columns; c++)
        gtk_widget_unparent (slot->cells[c]);
      g_free (slot->cells);
    }
  g_array_set_size (self->slots, 0);
}

static void
clear_header (FiscalTableGrid *self)
{
  for (guint i = 0; i < self->header->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->header, i));
  g_ptr_array_set_size (self->header, 0);
}

static void
build_header (FiscalTableGrid *self)
{
  for (guint i = 0; i < fiscal_table_get_n_header_cells (self->table); i++)
    {
      const FiscalTableHeaderCell *cell = fiscal_table_get_header_cell (self->table, i);
      GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                       "accessible-role", GTK_ACCESSIBLE_ROLE_COLUMN_HEADER,
                                       "label", cell->text,
                                       "wrap", TRUE,
                                       "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                       "justify", GTK_JUSTIFY_CENTER,
                                       "xalign", 0.5f,
                                       "can-target", FALSE,
                                       NULL);

      gtk_widget_add_css_class (label, "cell");
      gtk_widget_add_css_class (label, "header");
      if (cell->column == 0)
        gtk_widget_add_css_class (label, "first-column");
      if (cell->row == 0)
        gtk_widget_add_css_class (label, "top-row");
      gtk_accessible_update_relation (GTK_ACCESSIBLE (label),
                                      GTK_ACCESSIBLE_RELATION_ROW_INDEX, (int) cell->row + 1,
                                      GTK_ACCESSIBLE_RELATION_COL_INDEX, (int) cell->column + 1,
                                      GTK_ACCESSIBLE_RELATION_ROW_SPAN, (int) cell->row_span,
                                      GTK_ACCESSIBLE_RELATION_COL_SPAN, (int) cell->column_span,
                                      -1);
      gtk_widget_insert_before (label, GTK_WIDGET (self), self->probe);
      g_ptr_array_add (self->header, label);
    }
}

/* Where data row @r is in the widget, for the scroll values now. */
static int
row_y (FiscalTableGrid *self,
       guint            r)
{
  return self->header_height + (int) r * self->row_height - (int) gtk_adjustment_get_value (self->vadjustment);
}

/* The data row and column at a point, or FALSE over the header or past
 * the table. */
static gboolean
cell_at (FiscalTableGrid *self,
         double           x,
         double           y,
         guint           *row,
         guint           *column)
{
  double cx, cy;

  if (self->table == NULL || self->laid_out_width == NOT_LAID_OUT)
    return FALSE;

  /* Over the frozen columns nothing is scrolled sideways. */
  cx = x < frozen_width (self) ? x : x + gtk_adjustment_get_value (self->hadjustment);
  cy = y + gtk_adjustment_get_value (self->vadjustment) - self->header_height;
  if (y < self->header_height || cy < 0 || cx < 0)
    return FALSE;

  *row = (guint) (cy / self->row_height);
  if (*row >= self->n_rows)
    return FALSE;

  for (guint c = 0; c < self->n_columns; c++)
    if (cx < self->offsets[c + 1])
      {
        *column = c;
        return TRUE;
      }

  return FALSE;
}

static Slot *
find_slot (FiscalTableGrid *self,
           guint            r)
{
  for (guint i = 0; i < self->slots->len; i++)
    {
      Slot *slot = &g_array_index (self->slots, Slot, i);

      if (slot->row == r)
        return slot;
    }

  return NULL;
}

static void
apply_scroll (FiscalTableGrid *self,
              int              width,
              int              height)
{
  guint r = self->scroll_row;
  int c = self->scroll_column;

  self->scroll_row = NO_ROW;
  if (r >= self->n_rows)
    return;

  {
    double top = self->header_height + (double) r * self->row_height;
    double value = gtk_adjustment_get_value (self->vadjustment);

    /* In view is what neither the header nor the scrollbar covers. */
    if (top - self->header_height < value)
      gtk_adjustment_set_value (self->vadjustment, top - self->header_height);
    else if (top + self->row_height > value + height - self->scrollbar_room)
      gtk_adjustment_set_value (self->vadjustment, top + self->row_height - height + self->scrollbar_room);
  }

  /* A frozen column is in view already; a scrolling one is brought into
   * view right of the frozen ones, not under them. */
  if (c >= (int) self->n_frozen && (guint) c < self->n_columns)
    {
      double left = self->offsets[c] - frozen_width (self), right = self->offsets[c + 1];
      double value = gtk_adjustment_get_value (self->hadjustment);

      if (left < value)
        gtk_adjustment_set_value (self->hadjustment, left);
      else if (right > value + width)
        gtk_adjustment_set_value (self->hadjustment, MIN (left, right - width));
    }
}

static void
fiscal_table_grid_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  FiscalTableGrid *self = FISCAL_TABLE_GRID (widget);

  *minimum = *natural = 0;
  if (self->table == NULL)
    return;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      layout_columns (self, -1);
      *minimum = *natural = total_width (self);
    }
  else
    {
      layout_columns (self, for_size);
      *minimum = *natural = self->header_height + (int) self->n_rows * self->row_height + self->scrollbar_room;
    }
}

static void
configure_adjustments (FiscalTableGrid *self,
                       int              width,
                       int              height)
{
  int body = MAX (self->row_height, height - self->header_height);
  int across = MAX (1, width - frozen_width (self));

  gtk_adjustment_configure (self->hadjustment,
                            gtk_adjustment_get_value (self->hadjustment),
                            0, MAX (width, total_width (self)),
                            across * 0.1, across * 0.9, width);
  gtk_adjustment_configure (self->vadjustment,
                            gtk_adjustment_get_value (self->vadjustment),
                            0, MAX (height, self->header_height + (int) self->n_rows * self->row_height +
                                            self->scrollbar_room),
                            self->row_height,
                            MAX (self->row_height, body - self->row_height),
                            height);
}

static void
fiscal_table_grid_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  FiscalTableGrid *self = FISCAL_TABLE_GRID (widget);
  int hvalue;
  guint first, last;

  if (self->table == NULL)
    {
      self->n_frozen = 0;
      configure_adjustments (self, width, height);
      gtk_widget_set_child_visible (self->frozen_edge, FALSE);
      return;
    }

  layout_columns (self, width);

  /* A table wider than the view is scrolled sideways by a scrollbar drawn
   * over its bottom: the last row is given room to come out from under it
   * (the height asked for follows at once). */
  {
    int room = total_width (self) > width ? SCROLLBAR_ROOM : 0;

    if (room != self->scrollbar_room)
      {
        self->scrollbar_room = room;
        gtk_widget_queue_resize (widget);
      }
  }

  /* In a narrow view, where the frozen columns would leave less than two
   * fifths of the width to the others, everything scrolls. */
  self->n_frozen = 5 * self->offsets[self->n_label_columns] <= 3 * width ? self->n_label_columns : 0;
  configure_adjustments (self, width, height);
  if (self->scroll_row != NO_ROW)
    apply_scroll (self, width, height);

  hvalue = (int) gtk_adjustment_get_value (self->hadjustment);

  for (guint i = 0; i < self->header->len; i++)
    {
      const FiscalTableHeaderCell *cell = fiscal_table_get_header_cell (self->table, i);
      GtkWidget *label = g_ptr_array_index (self->header, i);
      guint end = cell->column + cell->column_span;
      int left = column_x (self, cell->column, hvalue);
      int right = column_x (self, end - 1, hvalue) + self->offsets[end] - self->offsets[end - 1];
      GtkAllocation alloc;
      int natural;

      gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);

      /* Over frozen and scrolling columns: the frozen part stays. */
      if (cell->column < self->n_frozen && end > self->n_frozen)
        right = MAX (right, frozen_width (self));
      /* A group over scrolling columns partly in view keeps its name in
       * the part in view, as far as the name fits in the group. */
      else if (cell->column >= self->n_frozen && cell->column_span > 1)
        {
          int shown_left = MAX (left, frozen_width (self)), shown_right = MIN (right, width);
          int shown = MAX (shown_right - shown_left, MIN (natural, right - left));

          left = CLAMP (shown_left, left, right - shown);
          right = left + shown;
        }

      alloc.x = left;
      alloc.y = self->header_tops[cell->row];
      alloc.width = right - left;
      alloc.height = self->header_tops[cell->row + cell->row_span] - self->header_tops[cell->row];
      gtk_widget_size_allocate (label, &alloc, -1);
    }

  /* The shadow over the scrolled columns' left edge, down to the last
   * row. */
  gtk_widget_set_child_visible (self->frozen_edge, self->n_frozen > 0 && hvalue > 0);
  if (self->n_frozen > 0 && hvalue > 0)
    {
      int bottom = self->header_height + (int) self->n_rows * self->row_height -
                   (int) gtk_adjustment_get_value (self->vadjustment);
      int edge_width;

      gtk_widget_measure (self->frozen_edge, GTK_ORIENTATION_HORIZONTAL, -1, &edge_width, NULL, NULL, NULL);
      gtk_widget_size_allocate (self->frozen_edge,
                                &(GtkAllocation) { frozen_width (self) - 1, 0, MAX (1, edge_width), MIN (height, bottom) },
                                -1);
    }

  /* The rows in view, partly or whole. */
  first = (guint) (gtk_adjustment_get_value (self->vadjustment) / self->row_height);
  last = MIN (self->n_rows, first + (guint) (MAX (0, height - self->header_height) / self->row_height) + 2);

  /* Slots whose rows left the view take the rows that came into it; the
   * ones left over are hidden. Their cells stay mapped meanwhile, as
   * unmapping and mapping them again costs more than their new texts. */
  for (guint i = 0; i < self->slots->len; i++)
    {
      Slot *slot = &g_array_index (self->slots, Slot, i);

      if (slot->row != NO_ROW && (slot->row < first || slot->row >= last))
        slot->row = NO_ROW;
    }

  for (guint r = first; r < last; r++)
    {
      Slot *slot = find_slot (self, r);

      if (slot == NULL)
        {
          slot = find_slot (self, NO_ROW);
          if (slot == NULL)
            {
              add_slot (self);
              slot = &g_array_index (self->slots, Slot, self->slots->len - 1);
            }
          bind_slot (self, slot, r);
        }

      for (guint c = 0; c < self->n_columns; c++)
        {
          GtkAllocation alloc = {
            column_x (self, c, hvalue),
            row_y (self, r),
            self->offsets[c + 1] - self->offsets[c],
            self->row_height,
          };

          gtk_widget_measure (slot->cells[c], GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
          gtk_widget_size_allocate (slot->cells[c], &alloc, -1);
        }
    }

  for (guint i = 0; i < self->slots->len; i++)
    {
      Slot *slot = &g_array_index (self->slots, Slot, i);

      if (slot->row == NO_ROW)
        unbind_slot (self, slot);
    }
}

static void
fiscal_table_grid_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  FiscalTableGrid *self = FISCAL_TABLE_GRID (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int frozen, body;

  if (self->table == NULL)
    return;

  frozen = frozen_width (self);
  body = MAX (0, height - self->header_height);

  /* Rows pass under the header, and the scrolling columns under the
   * frozen ones. */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, self->header_height, width, body));
  if (self->n_frozen > 0)
    gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (frozen, self->header_height, MAX (0, width - frozen), body));
  for (guint i = 0; i < self->slots->len; i++)
    {
      Slot *slot = &g_array_index (self->slots, Slot, i);

      if (slot->row != NO_ROW)
        for (guint c = self->n_frozen; c < self->n_columns; c++)
          gtk_widget_snapshot_child (widget, slot->cells[c], snapshot);
    }
  if (self->n_frozen > 0)
    {
      gtk_snapshot_pop (snapshot);
      for (guint i = 0; i < self->slots->len; i++)
        {
          Slot *slot = &g_array_index (self->slots, Slot, i);

          if (slot->row != NO_ROW)
            for (guint c = 0; c < self->n_frozen; c++)
              gtk_widget_snapshot_child (widget, slot->cells[c], snapshot);
        }
    }
  gtk_snapshot_pop (snapshot);

  /* The header the same way: a cell that starts in the frozen columns
   * stays with them. */
  if (self->n_frozen > 0)
    gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (frozen, 0, MAX (0, width - frozen), self->header_height));
  for (guint i = 0; i < self->header->len; i++)
    if (fiscal_table_get_header_cell (self->table, i)->column >= self->n_frozen)
      gtk_widget_snapshot_child (widget, g_ptr_array_index (self->header, i), snapshot);
  if (self->n_frozen > 0)
    {
      gtk_snapshot_pop (snapshot);
      for (guint i = 0; i < self->header->len; i++)
        if (fiscal_table_get_header_cell (self->table, i)->column < self->n_frozen)
          gtk_widget_snapshot_child (widget, g_ptr_array_index (self->header, i), snapshot);
    }

  gtk_widget_snapshot_child (widget, self->frozen_edge, snapshot);
}

static gboolean
fiscal_table_grid_get_border (GtkScrollable *scrollable,
                              GtkBorder     *border)
{
  FiscalTableGrid *self = FISCAL_TABLE_GRID (scrollable);

  border->top = self->header_height;
  return TRUE;
}

static void
fiscal_table_grid_scrollable_init (GtkScrollableInterface *iface)
{
  iface->get_border = fiscal_table_grid_get_border;
}

static void
adjustment_value_changed_cb (GtkAdjustment   *adjustment,
                             FiscalTableGrid *self)
{
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
set_adjustment (FiscalTableGrid  *self,
                GtkAdjustment   **slot,
                GtkAdjustment    *adjustment)
{
  if (adjustment != NULL && *slot == adjustment)
    return;

  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, adjustment_value_changed_cb, self);
      g_clear_object (slot);
    }

  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect (adjustment, "value-changed", G_CALLBACK (adjustment_value_changed_cb), self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* Moves the cursor and keeps it in view. */
static void
move_cursor (FiscalTableGrid *self,
             int              row,
             int              column)
{
  if (self->n_rows == 0)
    return;

  fiscal_table_grid_set_cursor (self,
                                CLAMP (row, 0, (int) self->n_rows - 1),
                                CLAMP (column, 0, (int) self->n_columns - 1));
  fiscal_table_grid_scroll_to (self, self->cursor_row, (int) self->cursor_column);
}

static void
move_cursor_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *args)
{
  FiscalTableGrid *self = FISCAL_TABLE_GRID (widget);
  int kind, count;
  int row, column, page;

  if (self->table == NULL || self->n_rows == 0)
    return;

  g_variant_get (args, "(ii)", &kind, &count);
  if (self->cursor_row == NO_ROW)
    {
      move_cursor (self, 0, 0);
      return;
    }

  row = (int) self->cursor_row;
  column = (int) self->cursor_column;
  page = MAX (1, (gtk_widget_get_height (widget) - self->header_height) / MAX (1, self->row_height) - 1);

  switch ((FiscalTableMove) kind)
    {
    case FISCAL_TABLE_MOVE_ROWS:
      row += count;
      break;

    case FISCAL_TABLE_MOVE_COLUMNS:
      column += count;
      break;

    case FISCAL_TABLE_MOVE_PAGES:
      row += count * page;
      break;

    case FISCAL_TABLE_MOVE_ROW_END:
      column = count < 0 ? 0 : (int) self->n_columns - 1;
      break;

    case FISCAL_TABLE_MOVE_TABLE_END:
    default:
      row = count < 0 ? 0 : (int) self->n_rows - 1;
      column = count < 0 ? 0 : (int) self->n_columns - 1;
      break;
    }

  move_cursor (self, row, column);
}

static void
activate_cursor_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  FiscalTableGrid *self = FISCAL_TABLE_GRID (widget);

  if (self->table == NULL || self->n_rows == 0)
    return;

  if (self->cursor_row == NO_ROW)
    move_cursor (self, 0, 0);
  g_signal_emit (self, signals[CELL_ACTIVATED], 0, self->cursor_row, (int) self->cursor_column);
}

static void
add_move_binding (GtkWidgetClass  *widget_class,
                  guint            keyval,
                  guint            keypad_keyval,
                  GdkModifierType  modifiers,
                  FiscalTableMove  kind,
                  int              count)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, modifiers, "table.move-cursor", "(ii)", kind, count);
  gtk_widget_class_add_binding_action (widget_class, keypad_keyval, modifiers, "table.move-cursor", "(ii)", kind, count);
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            FiscalTableGrid *self)
{
  guint row, column;

  if (!cell_at (self, x, y, &row, &column))
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  fiscal_table_grid_set_cursor (self, row, column);
  if (n_press == 2)
    g_signal_emit (self, signals[CELL_ACTIVATED], 0, row, (int) column);
}

/* The keyboard comes to the table: the cursor shows where it is, on the
 * first row in view where there was none. */
static void
focus_enter_cb (GtkEventControllerFocus *controller,
                FiscalTableGrid         *self)
{
  double value;

  if (self->table == NULL || self->n_rows == 0 || self->cursor_row != NO_ROW)
    return;

  value = gtk_adjustment_get_value (self->vadjustment);
  fiscal_table_grid_set_cursor (self, MIN (self->n_rows - 1, (guint) (value / MAX (1, self->row_height) + 0.999)), 0);
}

static gboolean
query_tooltip_cb (GtkWidget       *widget,
                  int              x,
                  int              y,
                  gboolean         keyboard_mode,
                  GtkTooltip      *tooltip,
                  FiscalTableGrid *self)
{
  guint row, column;
  GtkWidget *cell;
  const char *hint = NULL;
  g_autofree char *text = NULL;
  graphene_rect_t bounds;

  if (keyboard_mode)
    {
      if (self->cursor_row == NO_ROW)
        return FALSE;
      row = self->cursor_row;
      column = self->cursor_column;
    }
  else if (!cell_at (self, x, y, &row, &column))
    return FALSE;

  cell = fiscal_table_grid_get_cell (self, self->n_header_rows + row, column);
  if (cell == NULL)
    return FALSE;

  if (fiscal_pivot_row_traceable (self->table, row))
    hint = column_kind (self, column) == FISCAL_COLUMN_AMOUNT
           ? _("Double-click to see the lines behind this figure")
           : _("Double-click to see the lines behind this row");

  /* A name cut short is shown whole. */
  if (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (cell))))
    text = hint ? g_strdup_printf ("%s\n%s", gtk_label_get_label (GTK_LABEL (cell)), hint)
                : g_strdup (gtk_label_get_label (GTK_LABEL (cell)));
  else if (hint != NULL)
    text = g_strdup (hint);
  else
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  if (gtk_widget_compute_bounds (cell, widget, &bounds))
    gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) {
                                (int) bounds.origin.x, (int) bounds.origin.y,
                                (int) bounds.size.width, (int) bounds.size.height });
  return TRUE;
}

static void
fiscal_table_grid_dispose (GObject *object)
{
  FiscalTableGrid *self = (FiscalTableGrid *)object;

  if (self->slots != NULL)
    clear_slots (self);
  if (self->header != NULL)
    clear_header (self);
  g_clear_pointer (&self->probe, gtk_widget_unparent);
  g_clear_pointer (&self->frozen_edge, gtk_widget_unparent);
  g_clear_object (&self->table);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, adjustment_value_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, adjustment_value_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (fiscal_table_grid_parent_class)->dispose (object);
}

static void
fiscal_table_grid_finalize (GObject *object)
{
  FiscalTableGrid *self = (FiscalTableGrid *)object;

  g_clear_pointer (&self->slots, g_array_unref);
  g_clear_pointer (&self->header, g_ptr_array_unref);
  g_free (self->units);
  g_free (self->text_units);
  g_free (self->widths);
  g_free (self->offsets);
  g_free (self->header_tops);

  G_OBJECT_CLASS (fiscal_table_grid_parent_class)->finalize (object);
}

static void
fiscal_table_grid_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  FiscalTableGrid *self = FISCAL_TABLE_GRID (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;

    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;

    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;

    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fiscal_table_grid_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  FiscalTableGrid *self = FISCAL_TABLE_GRID (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;

    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;

    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (guint) g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (guint) g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fiscal_table_grid_css_changed (GtkWidget         *widget,
                               GtkCssStyleChange *change)
{
  FiscalTableGrid *self = FISCAL_TABLE_GRID (widget);

  GTK_WIDGET_CLASS (fiscal_table_grid_parent_class)->css_changed (widget, change);
  self->laid_out_width = NOT_LAID_OUT;
  gtk_widget_queue_resize (widget);
}

static void
fiscal_table_grid_class_init (FiscalTableGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fiscal_table_grid_dispose;
  object_class->finalize = fiscal_table_grid_finalize;
  object_class->get_property = fiscal_table_grid_get_property;
  object_class->set_property = fiscal_table_grid_set_property;

  widget_class->measure = fiscal_table_grid_measure;
  widget_class->size_allocate = fiscal_table_grid_size_allocate;
  widget_class->snapshot = fiscal_table_grid_snapshot;
  widget_class->css_changed = fiscal_table_grid_css_changed;

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * FiscalTableGrid::cell-activated:
   * @row: the data row
   * @column: the column
   *
   * A cell was double-clicked, or Enter pressed on it.
   */
  /**
   * FiscalTableGrid::cursor-moved:
   *
   * The cursor is on another cell.
   */
  signals[CURSOR_MOVED] =
    g_signal_new ("cursor-moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  signals[CELL_ACTIVATED] =
    g_signal_new ("cell-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_INT);

  /**
   * FiscalTableGrid|table.activate-cursor:
   *
   * Activates the cell with the cursor, as a double click does.
   */
  gtk_widget_class_install_action (widget_class, "table.activate-cursor", NULL, activate_cursor_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "table.activate-cursor", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "table.activate-cursor", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Enter, 0, "table.activate-cursor", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "table.activate-cursor", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Space, 0, "table.activate-cursor", NULL);

  /**
   * FiscalTableGrid|table.move-cursor:
   * @kind: a #FiscalTableMove
   * @count: how many, and which way
   *
   * Moves the cursor and scrolls it into view, as the arrow, page, Home
   * and End keys do.
   */
  gtk_widget_class_install_action (widget_class, "table.move-cursor", "(ii)", move_cursor_action);
  add_move_binding (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, 0, FISCAL_TABLE_MOVE_ROWS, -1);
  add_move_binding (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, 0, FISCAL_TABLE_MOVE_ROWS, 1);
  add_move_binding (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, 0, FISCAL_TABLE_MOVE_COLUMNS, -1);
  add_move_binding (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, 0, FISCAL_TABLE_MOVE_COLUMNS, 1);
  add_move_binding (widget_class, GDK_KEY_Page_Up, GDK_KEY_KP_Page_Up, 0, FISCAL_TABLE_MOVE_PAGES, -1);
  add_move_binding (widget_class, GDK_KEY_Page_Down, GDK_KEY_KP_Page_Down, 0, FISCAL_TABLE_MOVE_PAGES, 1);
  add_move_binding (widget_class, GDK_KEY_Home, GDK_KEY_KP_Home, 0, FISCAL_TABLE_MOVE_ROW_END, -1);
  add_move_binding (widget_class, GDK_KEY_End, GDK_KEY_KP_End, 0, FISCAL_TABLE_MOVE_ROW_END, 1);
  add_move_binding (widget_class, GDK_KEY_Home, GDK_KEY_KP_Home, GDK_CONTROL_MASK, FISCAL_TABLE_MOVE_TABLE_END, -1);
  add_move_binding (widget_class, GDK_KEY_End, GDK_KEY_KP_End, GDK_CONTROL_MASK, FISCAL_TABLE_MOVE_TABLE_END, 1);

  gtk_widget_class_set_css_name (widget_class, "tablegrid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
fiscal_table_grid_init (FiscalTableGrid *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->header = g_ptr_array_new ();
  self->slots = g_array_new (FALSE, FALSE, sizeof (Slot));
  self->cursor_row = NO_ROW;
  self->scroll_row = NO_ROW;
  self->laid_out_width = NOT_LAID_OUT;

  self->probe = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->probe, "cell");
  gtk_widget_set_child_visible (self->probe, FALSE);
  gtk_widget_set_parent (self->probe, GTK_WIDGET (self));

  self->frozen_edge = g_object_new (GTK_TYPE_BOX,
                                    "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                    "can-target", FALSE,
                                    "css-classes", (const char *[]) { "frozen-edge", NULL },
                                    NULL);
  gtk_widget_set_child_visible (self->frozen_edge, FALSE);
  gtk_widget_set_parent (self->frozen_edge, GTK_WIDGET (self));

  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect (focus, "enter", G_CALLBACK (focus_enter_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
}

GtkWidget *
fiscal_table_grid_new (void)
{
  return g_object_new (FISCAL_TYPE_TABLE_GRID, NULL);
}

/**
 * fiscal_table_grid_get_table:
 *
 * Returns: (transfer none) (nullable): the table shown
 */
FiscalTable *
fiscal_table_grid_get_table (FiscalTableGrid *self)
{
  g_return_val_if_fail (FISCAL_IS_TABLE_GRID (self), NULL);
  return self->table;
}

/**
 * fiscal_table_grid_set_table:
 * @keep_place: whether to keep the scroll position and the cursor, as
 *   for a new version of the same table after an edit
 *
 * Shows @table. A table with the same columns as the one shown keeps the
 * widgets of the rows in view and changes only their texts.
 */
void
fiscal_table_grid_set_table (FiscalTableGrid *self,
                             FiscalTable     *table,
                             gboolean         keep_place)
{
  gboolean same_columns, texts_unchanged;

  g_return_if_fail (FISCAL_IS_TABLE_GRID (self));
  g_return_if_fail (table == NULL || FISCAL_IS_TABLE (table));

  if (self->table == table)
    return;

  same_columns = self->table != NULL && table != NULL &&
                 fiscal_table_get_n_columns (self->table) == fiscal_table_get_n_columns (table);
  for (guint c = 0; same_columns && c < self->n_columns; c++)
    same_columns = fiscal_table_get_column (self->table, c)->kind == fiscal_table_get_column (table, c)->kind;
  same_columns = same_columns && keep_place &&
                 fiscal_table_get_n_header_cells (self->table) == fiscal_table_get_n_header_cells (table);
  for (guint i = 0; same_columns && i < fiscal_table_get_n_header_cells (table); i++)
    {
      const FiscalTableHeaderCell *a = fiscal_table_get_header_cell (self->table, i);
      const FiscalTableHeaderCell *b = fiscal_table_get_header_cell (table, i);

      same_columns = a->row == b->row && a->column == b->column && a->row_span == b->row_span &&
                     a->column_span == b->column_span && g_strcmp0 (a->text, b->text) == 0;
    }

  if (!same_columns)
    {
      clear_slots (self);
      clear_header (self);
    }

  /* After an edit of an amount only the figures need counting again. */
  texts_unchanged = same_columns && same_texts (self->table, table);

  g_set_object (&self->table, table);
  self->n_columns = table ? fiscal_table_get_n_columns (table) : 0;
  self->n_rows = table ? fiscal_table_get_n_rows (table) : 0;
  self->n_header_rows = table ? fiscal_table_get_n_header_rows (table) : 0;
  self->laid_out_width = NOT_LAID_OUT;
  self->n_frozen = 0;

  if (!keep_place)
    {
      self->cursor_row = NO_ROW;
      self->scroll_row = NO_ROW;
      gtk_adjustment_set_value (self->vadjustment, 0);
      gtk_adjustment_set_value (self->hadjustment, 0);
    }
  else if (self->cursor_row != NO_ROW && self->cursor_row >= self->n_rows)
    self->cursor_row = self->n_rows > 0 ? self->n_rows - 1 : NO_ROW;

  if (table == NULL)
    {
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_RELATION_ROW_COUNT);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      return;
    }

  self->units = g_renew (guint, self->units, self->n_columns);
  if (!texts_unchanged)
    {
      self->text_units = g_renew (guint, self->text_units, self->n_columns);
      count_text_units (self);
    }
  self->widths = g_renew (int, self->widths, self->n_columns);
  self->offsets = g_renew (int, self->offsets, self->n_columns + 1);
  self->header_tops = g_renew (int, self->header_tops, self->n_header_rows + 1);
  count_units (self);
  self->n_label_columns = count_label_columns (self);

  if (!same_columns)
    build_header (self);
  else
    {
      /* The rows in view show the new figures now. */
      for (guint i = 0; i < self->slots->len; i++)
        {
          Slot *slot = &g_array_index (self->slots, Slot, i);

          if (slot->row != NO_ROW && slot->row < self->n_rows)
            bind_slot (self, slot, slot->row);
          else if (slot->row != NO_ROW)
            unbind_slot (self, slot);
        }
    }

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_ROW_COUNT, (int) (self->n_header_rows + self->n_rows),
                                  GTK_ACCESSIBLE_RELATION_COL_COUNT, (int) self->n_columns,
                                  -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * fiscal_table_grid_get_cell:
 *
 * Returns: (transfer none) (nullable): the label of the header cell over
 *   a place, or of the cell of a data row in view; %NULL for a row
 *   scrolled out of view or a place past the table
 */
GtkWidget *
fiscal_table_grid_get_cell (FiscalTableGrid *self,
                            guint            grid_row,
                            guint            grid_column)
{
  Slot *slot;

  g_return_val_if_fail (FISCAL_IS_TABLE_GRID (self), NULL);

  if (self->table == NULL || grid_column >= self->n_columns)
    return NULL;

  if (grid_row < self->n_header_rows)
    {
      for (guint i = 0; i < self->header->len; i++)
        {
          const FiscalTableHeaderCell *cell = fiscal_table_get_header_cell (self->table, i);

          if (grid_row >= cell->row && grid_row < cell->row + cell->row_span &&
              grid_column >= cell->column && grid_column < cell->column + cell->column_span)
            return g_ptr_array_index (self->header, i);
        }
      return NULL;
    }

  slot = find_slot (self, grid_row - self->n_header_rows);
  return slot != NULL ? slot->cells[grid_column] : NULL;
}

/**
 * fiscal_table_grid_scroll_to:
 * @column: a column to bring into view too, or -1
 *
 * Scrolls data row @row into view, at the next allocation.
 */
void
fiscal_table_grid_scroll_to (FiscalTableGrid *self,
                             guint            row,
                             int              column)
{
  g_return_if_fail (FISCAL_IS_TABLE_GRID (self));
  g_return_if_fail (self->table != NULL && row < self->n_rows);

  self->scroll_row = row;
  self->scroll_column = column;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/**
 * fiscal_table_grid_set_cursor:
 *
 * Puts the cursor, the cell that Enter activates, on a cell.
 */
void
fiscal_table_grid_set_cursor (FiscalTableGrid *self,
                              guint            row,
                              guint            column)
{
  Slot *slot;

  g_return_if_fail (FISCAL_IS_TABLE_GRID (self));
  g_return_if_fail (self->table != NULL && row < self->n_rows && column < self->n_columns);

  if (self->cursor_row == row && self->cursor_column == column)
    return;

  slot = self->cursor_row != NO_ROW ? find_slot (self, self->cursor_row) : NULL;
  self->cursor_row = row;
  self->cursor_column = column;
  if (slot != NULL)
    mark_cursor (self, slot);
  if ((slot = find_slot (self, row)) != NULL)
    mark_cursor (self, slot);
  g_signal_emit (self, signals[CURSOR_MOVED], 0);
}

/**
 * fiscal_table_grid_get_cursor:
 *
 * Returns: whether there is a cursor, and where it is
 */
gboolean
fiscal_table_grid_get_cursor (FiscalTableGrid *self,
                              guint           *row,
                              guint           *column)
{
  g_return_val_if_fail (FISCAL_IS_TABLE_GRID (self), FALSE);

  if (self->cursor_row == NO_ROW)
    return FALSE;
  if (row)
    *row = self->cursor_row;
  if (column)
    *column = self->cursor_column;
  return TRUE;
}

/**
 * fiscal_table_grid_get_n_frozen:
 *
 * Returns: how many columns at the start of the table (its codes, name
 *   and project) stay at the left as the others scroll sideways, as laid
 *   out now: 0 where they would take more than three fifths of the width
 */
guint
fiscal_table_grid_get_n_frozen (FiscalTableGrid *self)
{
  g_return_val_if_fail (FISCAL_IS_TABLE_GRID (self), 0);
  return self->n_frozen;
}
