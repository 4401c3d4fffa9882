/* fiscal-table-io.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-table-io"

#include "config.h"

#include "fiscal-csv.h"
#include "fiscal-table-io.h"

static gboolean
is_value_column (const FiscalTableColumn *column)
{
  return column->kind == FISCAL_COLUMN_LABEL || column->kind == FISCAL_COLUMN_AMOUNT;
}

/**
 * fiscal_table_to_json:
 *
 * Returns: (transfer full): the table as `{"number", "title", "unit",
 *   "department", "columns", "header", "rows", "note"}`; `columns` names
 *   the cells of each row, and each row has `code`, `name`, `project` and
 *   `cells` (the displayed strings, "" where the table is blank)
 */
JsonNode *
fiscal_table_to_json (FiscalTable *table)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  guint n_header_rows;

  g_return_val_if_fail (FISCAL_IS_TABLE (table), NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "number");
  json_builder_add_int_value (b, fiscal_table_get_number (table));
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, fiscal_table_get_title (table));
  json_builder_set_member_name (b, "unit");
  json_builder_add_string_value (b, fiscal_table_get_unit (table));
  json_builder_set_member_name (b, "department");
  json_builder_add_string_value (b, fiscal_table_get_department (table));

  json_builder_set_member_name (b, "columns");
  json_builder_begin_array (b);
  for (guint i = 0; i < fiscal_table_get_n_columns (table); i++)
    {
      const FiscalTableColumn *column = fiscal_table_get_column (table, i);
      if (is_value_column (column))
        json_builder_add_string_value (b, column->title);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "header");
  json_builder_begin_array (b);
  n_header_rows = fiscal_table_get_n_header_rows (table);
  for (guint r = 0; r < n_header_rows; r++)
    {
      json_builder_begin_array (b);
      for (guint i = 0; i < fiscal_table_get_n_header_cells (table); i++)
        {
          const FiscalTableHeaderCell *cell = fiscal_table_get_header_cell (table, i);

          if (cell->row != r)
            continue;
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "text");
          json_builder_add_string_value (b, cell->text);
          json_builder_set_member_name (b, "column");
          json_builder_add_int_value (b, cell->column);
          json_builder_set_member_name (b, "rowspan");
          json_builder_add_int_value (b, cell->row_span);
          json_builder_set_member_name (b, "colspan");
          json_builder_add_int_value (b, cell->column_span);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "rows");
  json_builder_begin_array (b);
  for (guint r = 0; r < fiscal_table_get_n_rows (table); r++)
    {
      const FiscalTableRow *row = fiscal_table_get_row (table, r);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "code");
      json_builder_add_string_value (b, row->code);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, row->name);
      json_builder_set_member_name (b, "project");
      if (row->project != NULL)
        json_builder_add_string_value (b, row->project);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "level");
      json_builder_add_int_value (b, row->level);
      json_builder_set_member_name (b, "cells");
      json_builder_begin_array (b);
      for (guint c = 0; c < row->n_cells; c++)
        {
          g_autofree char *text = fiscal_table_format_cell (table, &row->cells[c]);
          json_builder_add_string_value (b, text);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "note");
  if (fiscal_table_get_note (table) != NULL)
    json_builder_add_string_value (b, fiscal_table_get_note (table));
  else
    json_builder_add_null_value (b);

  json_builder_end_object (b);

  return json_builder_get_root (b);
}

/**
 * fiscal_tables_to_json:
 * @tables: (element-type FiscalTable)
 *
 * Returns: (transfer full): `{"tables": [...]}`, pretty-printed
 */
char *
fiscal_tables_to_json (GPtrArray *tables)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonArray) array = json_array_new ();

  for (guint i = 0; i < tables->len; i++)
    json_array_add_element (array, fiscal_table_to_json (g_ptr_array_index (tables, i)));

  json_object_set_array_member (object, "tables", g_steal_pointer (&array));
  json_node_set_object (root, object);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);

  return json_generator_to_data (generator, NULL);
}

/* Whether @text is a number as the tables write amounts ("-12.00",
 * "318.10", "278,076,101" where a format groups thousands): such a field
 * is left as it is, so that a spreadsheet reads it as the number it is. */
static gboolean
is_amount_text (const char *text)
{
  const char *p = text;
  gsize digits = 0;

  if (*p == '-')
    p++;

  /* The whole part: digits, or one to three then groups of three. */
  while (g_ascii_isdigit (p[digits]))
    digits++;
  if (digits == 0)
    return FALSE;
  p += digits;
  if (*p == ',')
    {
      if (digits > 3)
        return FALSE;
      while (*p == ',')
        {
          if (!g_ascii_isdigit (p[1]) || !g_ascii_isdigit (p[2]) || !g_ascii_isdigit (p[3]))
            return FALSE;
          p += 4;
        }
      if (g_ascii_isdigit (*p))
        return FALSE;
    }

  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }

  return *p == 0;
}

/**
 * fiscal_table_append_csv:
 *
 * Appends the table as CSV: its title, the 编制部门 and unit, the header
 * rows (a spanned header's text in its first cell), then one record per
 * row with every column as the table shows it.
 */
void
fiscal_table_append_csv (FiscalTable *table,
                         GString     *out)
{
  guint n_columns = fiscal_table_get_n_columns (table);
  guint n_header_rows = fiscal_table_get_n_header_rows (table);
  g_autofree char *title = fiscal_table_get_number (table) > 0 ?
                           g_strdup_printf ("表%u %s", fiscal_table_get_number (table), fiscal_table_get_title (table)) :
                           g_strdup (fiscal_table_get_title (table));
  g_autofree char *title_field = fiscal_csv_escape (title, TRUE);
  g_autofree char *department = g_strdup_printf ("编制部门：%s",
                                                 fiscal_table_get_department (table) ?: "");
  g_autofree char *department_field = fiscal_csv_escape (department, TRUE);
  g_autofree char *unit = g_strdup_printf ("单位：%s", fiscal_table_get_unit (table));
  g_autofree char *unit_field = fiscal_csv_escape (unit, TRUE);

  g_return_if_fail (FISCAL_IS_TABLE (table));

  g_string_append_printf (out, "%s\r\n%s,%s\r\n", title_field, department_field, unit_field);

  for (guint r = 0; r < n_header_rows; r++)
    {
      g_autoptr(GPtrArray) fields = g_ptr_array_new_full (n_columns, g_free);

      for (guint c = 0; c < n_columns; c++)
        g_ptr_array_add (fields, g_strdup (""));

      for (guint i = 0; i < fiscal_table_get_n_header_cells (table); i++)
        {
          const FiscalTableHeaderCell *cell = fiscal_table_get_header_cell (table, i);

          if (cell->row == r && cell->column < n_columns)
            {
              g_free (fields->pdata[cell->column]);
              fields->pdata[cell->column] = fiscal_csv_escape (cell->text, TRUE);
            }
        }

      for (guint c = 0; c < n_columns; c++)
        {
          if (c > 0)
            g_string_append_c (out, ',');
          g_string_append (out, fields->pdata[c]);
        }
      g_string_append (out, "\r\n");
    }

  for (guint r = 0; r < fiscal_table_get_n_rows (table); r++)
    {
      for (guint c = 0; c < n_columns; c++)
        {
          const FiscalTableColumn *column = fiscal_table_get_column (table, c);
          g_autofree char *text = fiscal_table_get_column_text (table, r, c);
          /* An amount stays a number; any text, in any column, is
           * defused. */
          g_autofree char *field = fiscal_csv_escape (text, column->kind != FISCAL_COLUMN_AMOUNT ||
                                                            !is_amount_text (text));

          if (c > 0)
            g_string_append_c (out, ',');
          g_string_append (out, field);
        }
      g_string_append (out, "\r\n");
    }

  if (fiscal_table_get_note (table) != NULL)
    {
      g_autofree char *note = fiscal_csv_escape (fiscal_table_get_note (table), TRUE);
      g_string_append_printf (out, "%s\r\n", note);
    }
}

/**
 * fiscal_tables_to_csv:
 * @tables: (element-type FiscalTable)
 *
 * Returns: (transfer full): the tables as CSV, separated by a blank line
 */
char *
fiscal_tables_to_csv (GPtrArray *tables)
{
  return fiscal_tables_to_csv_full (tables, FISCAL_CSV_DEFAULT);
}

/**
 * fiscal_tables_to_csv_full:
 * @tables: (element-type FiscalTable)
 * @flags: %FISCAL_CSV_BOM to start with a UTF-8 byte order mark, which
 *   spreadsheets need to open the file as UTF-8 rather than in the
 *   system's legacy encoding
 *
 * Returns: (transfer full): the tables as CSV, separated by a blank line
 */
char *
fiscal_tables_to_csv_full (GPtrArray     *tables,
                           FiscalCsvFlags flags)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (tables != NULL, NULL);

  if (flags & FISCAL_CSV_BOM)
    g_string_append (out, "\xEF\xBB\xBF");

  for (guint i = 0; i < tables->len; i++)
    {
      if (i > 0)
        g_string_append (out, "\r\n");
      fiscal_table_append_csv (g_ptr_array_index (tables, i), out);
    }

  return g_string_free (out, FALSE);
}
