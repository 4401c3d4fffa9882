/* fiscal-table.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-table"

#include "config.h"

#include "fiscal-money.h"
#include "fiscal-table.h"

struct _FiscalTable
{
  GObject     parent_instance;

  guint       number;
  char       *title;
  char       *department;
  char       *note;
  GArray     *columns;       /* FiscalTableColumn */
  GArray     *cell_columns;  /* guint: the column of each cell */
  GArray     *header;        /* FiscalTableHeaderCell */
  GPtrArray  *rows;          /* FiscalTableRow, each inside a RowBlock */
  GStringChunk *strings;     /* the rows' texts */
  guint       n_header_rows;
  guint       source_line;   /* the title's line in the text it was read from */
  FiscalAmountStyle style;   /* how its amounts are printed; its unit is owned */
};

G_DEFINE_FINAL_TYPE (FiscalTable, fiscal_table, G_TYPE_OBJECT)

static void
clear_column (gpointer data)
{
  g_free (((FiscalTableColumn *) data)->title);
}

static void
clear_header_cell (gpointer data)
{
  g_free (((FiscalTableHeaderCell *) data)->text);
}

/* A row is allocated with its cells in one block, and its texts are kept
 * in the table's string chunk: a table of thousands of rows is made and
 * freed with one allocation per row. A text replaced stays in the chunk
 * until the table is freed. */
typedef struct
{
  GStringChunk   *strings;
  FiscalTableRow  row;
  FiscalTableCell cells[];
} RowBlock;

static inline RowBlock *
row_block (const FiscalTableRow *row)
{
  return (RowBlock *) ((char *) row - G_STRUCT_OFFSET (RowBlock, row));
}

static void
row_free (gpointer row)
{
  g_free (row_block (row));
}

static char *
row_text (const FiscalTableRow *row,
          const char           *text)
{
  return text ? g_string_chunk_insert (row_block (row)->strings, text) : NULL;
}

static void
fiscal_table_finalize (GObject *object)
{
  FiscalTable *self = (FiscalTable *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->department, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->columns, g_array_unref);
  g_clear_pointer (&self->cell_columns, g_array_unref);
  g_clear_pointer (&self->header, g_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_free ((char *) self->style.unit);

  G_OBJECT_CLASS (fiscal_table_parent_class)->finalize (object);
}

static void
fiscal_table_class_init (FiscalTableClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fiscal_table_finalize;
}

static void
fiscal_table_init (FiscalTable *self)
{
  self->columns = g_array_new (FALSE, TRUE, sizeof (FiscalTableColumn));
  g_array_set_clear_func (self->columns, clear_column);
  self->cell_columns = g_array_new (FALSE, FALSE, sizeof (guint));
  self->header = g_array_new (FALSE, TRUE, sizeof (FiscalTableHeaderCell));
  g_array_set_clear_func (self->header, clear_header_cell);
  self->rows = g_ptr_array_new_with_free_func (row_free);
  self->strings = g_string_chunk_new (4096);
  self->style = (FiscalAmountStyle) { g_strdup ("万元"), FISCAL_FEN_PER_WAN, 2, FALSE, FISCAL_ZERO_BLANK };
}

FiscalTable *
fiscal_table_new (guint       number,
                  const char *title)
{
  FiscalTable *self = g_object_new (FISCAL_TYPE_TABLE, NULL);

  self->number = number;
  self->title = g_strdup (title);

  return self;
}

guint
fiscal_table_get_number (FiscalTable *self)
{
  g_return_val_if_fail (FISCAL_IS_TABLE (self), 0);
  return self->number;
}

const char *
fiscal_table_get_title (FiscalTable *self)
{
  g_return_val_if_fail (FISCAL_IS_TABLE (self), NULL);
  return self->title;
}

/**
 * fiscal_table_get_unit:
 *
 * Returns: the unit the amounts are displayed in, as the tables print it
 */
const char *
fiscal_table_get_unit (FiscalTable *self)
{
  g_return_val_if_fail (FISCAL_IS_TABLE (self), NULL);
  return self->style.unit;
}

/**
 * fiscal_table_get_amount_style:
 *
 * Returns: how the table prints its amounts: unit, decimals, grouping and
 *   zero (万元 with two decimals, blank where zero, unless set otherwise)
 */
const FiscalAmountStyle *
fiscal_table_get_amount_style (FiscalTable *self)
{
  g_return_val_if_fail (FISCAL_IS_TABLE (self), NULL);
  return &self->style;
}

void
fiscal_table_set_amount_style (FiscalTable             *self,
                               const FiscalAmountStyle *style)
{
  g_return_if_fail (FISCAL_IS_TABLE (self));
  g_return_if_fail (style != NULL && style->unit != NULL && style->divisor > 0);

  g_free ((char *) self->style.unit);
  self->style = *style;
  self->style.unit = g_strdup (style->unit);
}

/**
 * fiscal_table_get_department:
 *
 * Returns: (nullable): the 编制部门 printed above the table
 */
const char *
fiscal_table_get_department (FiscalTable *self)
{
  g_return_val_if_fail (FISCAL_IS_TABLE (self), NULL);
  return self->department;
}

void
fiscal_table_set_department (FiscalTable *self,
                             const char  *department)
{
  g_return_if_fail (FISCAL_IS_TABLE (self));
  g_free (self->department);
  self->department = g_strdup (department);
}

/**
 * fiscal_table_get_note:
 *
 * Returns: (nullable): the sentence printed under an empty table
 */
const char *
fiscal_table_get_note (FiscalTable *self)
{
  g_return_val_if_fail (FISCAL_IS_TABLE (self), NULL);
  return self->note;
}

void
fiscal_table_set_note (FiscalTable *self,
                       const char  *note)
{
  g_return_if_fail (FISCAL_IS_TABLE (self));
  g_free (self->note);
  self->note = g_strdup (note);
}

/* A table read from a published text remembers where its title was, so
 * that what is found in it can be pointed at; 0 for a table we made. */
guint
fiscal_table_get_source_line (FiscalTable *self)
{
  g_return_val_if_fail (FISCAL_IS_TABLE (self), 0);
  return self->source_line;
}

void
fiscal_table_set_source_line (FiscalTable *self,
                              guint        line)
{
  g_return_if_fail (FISCAL_IS_TABLE (self));
  self->source_line = line;
}

void
fiscal_table_add_column (FiscalTable      *self,
                         FiscalColumnKind  kind,
                         const char       *title)
{
  FiscalTableColumn column = { kind, g_strdup (title) };

  g_return_if_fail (FISCAL_IS_TABLE (self));
  g_return_if_fail (self->rows->len == 0);

  g_array_append_val (self->columns, column);
  if (kind == FISCAL_COLUMN_LABEL || kind == FISCAL_COLUMN_AMOUNT)
    {
      guint index = self->columns->len - 1;
      g_array_append_val (self->cell_columns, index);
    }
}

guint
fiscal_table_get_n_columns (FiscalTable *self)
{
  g_return_val_if_fail (FISCAL_IS_TABLE (self), 0);
  return self->columns->len;
}

const FiscalTableColumn *
fiscal_table_get_column (FiscalTable *self,
                         guint        column)
{
  g_return_val_if_fail (FISCAL_IS_TABLE (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  return &g_array_index (self->columns, FiscalTableColumn, column);
}

/**
 * fiscal_table_get_n_cells:
 *
 * Returns: how many cells each row has: the number of label and amount
 *   columns
 */
guint
fiscal_table_get_n_cells (FiscalTable *self)
{
  g_return_val_if_fail (FISCAL_IS_TABLE (self), 0);
  return self->cell_columns->len;
}

/**
 * fiscal_table_cell_to_column:
 *
 * Returns: the column that shows @cell
 */
int
fiscal_table_cell_to_column (FiscalTable *self,
                             guint        cell)
{
  g_return_val_if_fail (FISCAL_IS_TABLE (self), -1);
  g_return_val_if_fail (cell < self->cell_columns->len, -1);

  return g_array_index (self->cell_columns, guint, cell);
}

void
fiscal_table_add_header (FiscalTable *self,
                         guint        row,
                         guint        column,
                         guint        row_span,
                         guint        column_span,
                         const char  *text)
{
  FiscalTableHeaderCell cell = { g_strdup (text), row, column, row_span, column_span };

  g_return_if_fail (FISCAL_IS_TABLE (self));
  g_return_if_fail (row_span > 0 && column_span > 0);

  g_array_append_val (self->header, cell);
  self->n_header_rows = MAX (self->n_header_rows, row + row_span);
}

/**
 * fiscal_table_add_numbering:
 *
 * Adds the header row the published tables end their header with: ※ over
 * every code and name column, and 1, 2, 3 … over the amount columns.
 */
void
fiscal_table_add_numbering (FiscalTable *self,
                            guint        row)
{
  guint n = 0;

  g_return_if_fail (FISCAL_IS_TABLE (self));

  for (guint i = 0; i < self->columns->len; i++)
    {
      const FiscalTableColumn *column = &g_array_index (self->columns, FiscalTableColumn, i);
      g_autofree char *text = NULL;

      if (column->kind == FISCAL_COLUMN_AMOUNT)
        text = g_strdup_printf ("%u", ++n);
      else
        text = g_strdup ("※");

      fiscal_table_add_header (self, row, i, 1, 1, text);
    }
}

guint
fiscal_table_get_n_header_rows (FiscalTable *self)
{
  g_return_val_if_fail (FISCAL_IS_TABLE (self), 0);
  return self->n_header_rows;
}

guint
fiscal_table_get_n_header_cells (FiscalTable *self)
{
  g_return_val_if_fail (FISCAL_IS_TABLE (self), 0);
  return self->header->len;
}

const FiscalTableHeaderCell *
fiscal_table_get_header_cell (FiscalTable *self,
                              guint        position)
{
  g_return_val_if_fail (FISCAL_IS_TABLE (self), NULL);
  g_return_val_if_fail (position < self->header->len, NULL);

  return &g_array_index (self->header, FiscalTableHeaderCell, position);
}

/**
 * fiscal_table_add_row:
 *
 * Returns: (transfer none): the new row, its amount cells 0
 */
FiscalTableRow *
fiscal_table_add_row (FiscalTable *self,
                      const char  *code,
                      const char  *name,
                      guint        level)
{
  guint n_cells;
  RowBlock *block;
  FiscalTableRow *row;

  g_return_val_if_fail (FISCAL_IS_TABLE (self), NULL);

  n_cells = self->cell_columns->len;
  block = g_malloc0 (sizeof (RowBlock) + n_cells * sizeof (FiscalTableCell));
  block->strings = self->strings;
  row = &block->row;
  row->code = row_text (row, code ? code : "");
  row->name = row_text (row, name ? name : "");
  row->level = level;
  row->n_cells = n_cells;
  row->cells = block->cells;
  g_ptr_array_add (self->rows, row);

  return row;
}

guint
fiscal_table_get_n_rows (FiscalTable *self)
{
  g_return_val_if_fail (FISCAL_IS_TABLE (self), 0);
  return self->rows->len;
}

const FiscalTableRow *
fiscal_table_get_row (FiscalTable *self,
                      guint        row)
{
  g_return_val_if_fail (FISCAL_IS_TABLE (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  return g_ptr_array_index (self->rows, row);
}

/**
 * fiscal_table_row_set_code:
 * @level: the row's level (0 total or heading, 1 类, 2 款, 3 项)
 *
 * Gives @row another code and level, for a reader that learns them after
 * the row was made.
 */
void
fiscal_table_row_set_code (FiscalTableRow *row,
                           const char     *code,
                           guint           level)
{
  g_return_if_fail (row != NULL);
  row->code = row_text (row, code ? code : "");
  row->level = level;
}

void
fiscal_table_row_set_name (FiscalTableRow *row,
                           const char     *name)
{
  g_return_if_fail (row != NULL);
  row->name = row_text (row, name ? name : "");
}

void
fiscal_table_row_set_project (FiscalTableRow *row,
                              const char     *project)
{
  g_return_if_fail (row != NULL);
  row->project = row_text (row, project);
}

void
fiscal_table_row_set_label (FiscalTableRow *row,
                            guint           cell,
                            const char     *text)
{
  g_return_if_fail (row != NULL);
  g_return_if_fail (cell < row->n_cells);

  row->cells[cell].text = row_text (row, text ? text : "");
}

void
fiscal_table_row_set_amount (FiscalTableRow *row,
                             guint           cell,
                             gint64          fen)
{
  g_return_if_fail (row != NULL);
  g_return_if_fail (cell < row->n_cells);

  row->cells[cell].amount = fen;
}

/**
 * fiscal_table_format_cell:
 * @cell: a cell of a row of @self
 *
 * Returns: (transfer full): the cell as the table prints it: a label as it
 *   is, an amount in the table's unit, decimals and grouping, and zero as
 *   the table prints zero (the national tables leave it blank)
 */
char *
fiscal_table_format_cell (FiscalTable           *self,
                          const FiscalTableCell *cell)
{
  g_return_val_if_fail (FISCAL_IS_TABLE (self), NULL);
  g_return_val_if_fail (cell != NULL, NULL);

  if (cell->text != NULL)
    return g_strdup (cell->text);

  return fiscal_amount_style_format (&self->style, cell->amount);
}

/**
 * fiscal_table_row_code_part:
 *
 * Returns: (transfer full): the 类 ("201"), 款 ("03") or 项 ("02") part of
 *   the row's code for a code column, "" where the code is shorter
 */
char *
fiscal_table_row_code_part (const FiscalTableRow *row,
                            FiscalColumnKind      kind)
{
  gsize len, start, width;

  g_return_val_if_fail (row != NULL, NULL);
  g_return_val_if_fail (kind <= FISCAL_COLUMN_CODE_3, NULL);

  len = strlen (row->code);
  start = kind == FISCAL_COLUMN_CODE_1 ? 0 : 3 + 2 * (kind - FISCAL_COLUMN_CODE_2);
  width = kind == FISCAL_COLUMN_CODE_1 ? 3 : 2;

  /* A code whose last part is longer than usual keeps it whole. */
  if (start >= len)
    return g_strdup ("");
  if (kind == FISCAL_COLUMN_CODE_3 || start + width >= len)
    return g_strdup (row->code + start);

  return g_strndup (row->code + start, width);
}

/**
 * fiscal_table_get_column_text:
 *
 * Returns: (transfer full): what @row shows in @column
 */
char *
fiscal_table_get_column_text (FiscalTable *self,
                              guint        row,
                              guint        column)
{
  const FiscalTableRow *r;
  const FiscalTableColumn *c;

  g_return_val_if_fail (FISCAL_IS_TABLE (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  r = g_ptr_array_index (self->rows, row);
  c = &g_array_index (self->columns, FiscalTableColumn, column);

  switch (c->kind)
    {
    case FISCAL_COLUMN_CODE_1:
    case FISCAL_COLUMN_CODE_2:
    case FISCAL_COLUMN_CODE_3:
      return fiscal_table_row_code_part (r, c->kind);

    case FISCAL_COLUMN_NAME:
      return g_strdup (r->name);

    case FISCAL_COLUMN_PROJECT:
      return g_strdup (r->project ? r->project : "");

    case FISCAL_COLUMN_LABEL:
    case FISCAL_COLUMN_AMOUNT:
    default:
      for (guint i = 0; i < self->cell_columns->len; i++)
        if (g_array_index (self->cell_columns, guint, i) == column)
          return fiscal_table_format_cell (self, &r->cells[i]);
      g_return_val_if_reached (NULL);
    }
}

/**
 * fiscal_table_find_row:
 * @code: (nullable): the row's code, or %NULL to match any
 * @name: (nullable): the row's name, or %NULL to match any
 *
 * Returns: (nullable): the first row with @code and @name
 */
const FiscalTableRow *
fiscal_table_find_row (FiscalTable *self,
                       const char  *code,
                       const char  *name)
{
  g_return_val_if_fail (FISCAL_IS_TABLE (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      const FiscalTableRow *row = g_ptr_array_index (self->rows, i);

      if ((code == NULL || g_str_equal (code, row->code)) &&
          (name == NULL || g_str_equal (name, row->name)))
        return row;
    }

  return NULL;
}
