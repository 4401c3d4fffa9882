/* fiscal-test-xlsx.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/wait.h>

#include <glib/gstdio.h>

#include "fiscal-test-xlsx.h"

static const char *
kind_name (FiscalColumnKind kind)
{
  switch (kind)
    {
    case FISCAL_COLUMN_CODE_1:
    case FISCAL_COLUMN_CODE_2:
    case FISCAL_COLUMN_CODE_3:
      return "code";
    case FISCAL_COLUMN_NAME:
      return "name";
    case FISCAL_COLUMN_PROJECT:
      return "project";
    case FISCAL_COLUMN_LABEL:
      return "label";
    case FISCAL_COLUMN_AMOUNT:
    default:
      return "amount";
    }
}

/* The fen of the cell @row shows in amount column @column. */
static gint64
cell_amount (FiscalTable *table,
             guint        row,
             guint        column)
{
  const FiscalTableRow *r = fiscal_table_get_row (table, row);

  for (guint i = 0; i < r->n_cells; i++)
    if (fiscal_table_cell_to_column (table, i) == (int) column)
      return r->cells[i].amount;
  g_assert_not_reached ();
}

/**
 * fiscal_test_number_format:
 * @zero: for an amount of zero that the style prints as "0"
 *
 * Returns: the number format a spreadsheet shows amounts of @style in, as
 *   the published tables print them: "0.00" for 万元 with two decimals,
 *   "#,##0" for whole 元 grouped by thousands; "0" or "#,##0" for a zero
 *   printed as "0"
 */
char *
fiscal_test_number_format (const FiscalAmountStyle *style,
                           gboolean                 zero)
{
  static const char * const decimals[] = { "", ".0", ".00", ".000", ".0000" };

  g_assert_cmpuint (style->decimals, <, G_N_ELEMENTS (decimals));
  return g_strconcat (style->grouping ? "#,##0" : "0", zero ? "" : decimals[style->decimals], NULL);
}

char *
fiscal_test_table_heading (FiscalTable *table)
{
  if (fiscal_table_get_number (table) > 0)
    return g_strdup_printf ("表%u %s", fiscal_table_get_number (table), fiscal_table_get_title (table));
  return g_strdup (fiscal_table_get_title (table));
}

/* What the workbook should hold, from the tables' own accessors. */
void
fiscal_test_xlsx_write_expected (GPtrArray          *tables,
                                 const char * const *names,
                                 const char         *department,
                                 const char         *path,
                                 FiscalTestTamper    tamper)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "department");
  json_builder_add_string_value (b, department);
  json_builder_set_member_name (b, "sheets");
  json_builder_begin_array (b);
  for (guint t = 0; t < tables->len; t++)
    {
      FiscalTable *table = g_ptr_array_index (tables, t);
      g_autofree char *heading = fiscal_test_table_heading (table);
      guint n_columns = fiscal_table_get_n_columns (table);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, names[t]);
      json_builder_set_member_name (b, "title");
      json_builder_add_string_value (b, heading);
      json_builder_set_member_name (b, "department");
      json_builder_add_string_value (b, fiscal_table_get_department (table));

      /* The unit line, and how a spreadsheet is to show the amounts. */
      {
        const FiscalAmountStyle *style = fiscal_table_get_amount_style (table);
        g_autofree char *number_format = fiscal_test_number_format (style, FALSE);
        g_autofree char *unit = g_strdup (style->unit);

        if (tamper == FISCAL_TEST_TAMPER_FORMAT && t == 1)
          {
            g_free (number_format);
            number_format = g_strdup (g_str_equal (style->unit, "元") ? "0.00" : "#,##0");
          }
        if (tamper == FISCAL_TEST_TAMPER_UNIT && t == 1)
          {
            g_free (unit);
            unit = g_strdup (g_str_equal (style->unit, "元") ? "万元" : "元");
          }

        json_builder_set_member_name (b, "unit");
        json_builder_add_string_value (b, unit);
        json_builder_set_member_name (b, "number_format");
        json_builder_add_string_value (b, number_format);
        if (style->zero == FISCAL_ZERO_DIGIT && style->decimals > 0)
          {
            g_autofree char *zero_format = fiscal_test_number_format (style, TRUE);

            json_builder_set_member_name (b, "zero_format");
            json_builder_add_string_value (b, zero_format);
          }
      }

      json_builder_set_member_name (b, "kinds");
      json_builder_begin_array (b);
      for (guint c = 0; c < n_columns; c++)
        json_builder_add_string_value (b, tamper == FISCAL_TEST_TAMPER_KIND && t == 2 && c == 0
                                          ? "amount"
                                          : kind_name (fiscal_table_get_column (table, c)->kind));
      json_builder_end_array (b);

      json_builder_set_member_name (b, "header");
      json_builder_begin_array (b);
      for (guint i = 0; i < fiscal_table_get_n_header_cells (table); i++)
        {
          const FiscalTableHeaderCell *cell = fiscal_table_get_header_cell (table, i);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "text");
          json_builder_add_string_value (b, cell->text);
          json_builder_set_member_name (b, "row");
          json_builder_add_int_value (b, cell->row);
          json_builder_set_member_name (b, "column");
          json_builder_add_int_value (b, cell->column);
          json_builder_set_member_name (b, "rowspan");
          json_builder_add_int_value (b, cell->row_span);
          json_builder_set_member_name (b, "colspan");
          json_builder_add_int_value (b, tamper == FISCAL_TEST_TAMPER_SPAN && t == 2 && cell->column_span > 1
                                         ? cell->column_span - 1 : cell->column_span);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);

      json_builder_set_member_name (b, "rows");
      json_builder_begin_array (b);
      for (guint r = 0; r < fiscal_table_get_n_rows (table); r++)
        {
          json_builder_begin_array (b);
          for (guint c = 0; c < n_columns; c++)
            {
              g_autofree char *text = fiscal_table_get_column_text (table, r, c);
              FiscalColumnKind kind = fiscal_table_get_column (table, c)->kind;

              if (tamper == FISCAL_TEST_TAMPER_AMOUNT && t == 0 && r == 0 && kind == FISCAL_COLUMN_AMOUNT && text[0])
                {
                  const FiscalAmountStyle *style = fiscal_table_get_amount_style (table);
                  gint64 step = style->divisor;

                  for (guint d = 0; d < style->decimals; d++)
                    step /= 10;
                  g_free (text);
                  text = fiscal_amount_style_format (style, cell_amount (table, r, c) + step);
                }
              else if (tamper == FISCAL_TEST_TAMPER_TEXT && t == 2 && r == 1 && kind == FISCAL_COLUMN_NAME)
                {
                  char *longer = g_strconcat (text, " ", NULL);
                  g_free (text);
                  text = longer;
                }
              json_builder_add_string_value (b, text);
            }
          json_builder_end_array (b);
        }
      json_builder_end_array (b);

      /* Label cells in amount columns: text, not numbers. */
      json_builder_set_member_name (b, "text_cells");
      json_builder_begin_array (b);
      for (guint r = 0; r < fiscal_table_get_n_rows (table); r++)
        {
          const FiscalTableRow *row = fiscal_table_get_row (table, r);

          for (guint i = 0; i < row->n_cells; i++)
            if (row->cells[i].text != NULL &&
                fiscal_table_get_column (table, fiscal_table_cell_to_column (table, i))->kind == FISCAL_COLUMN_AMOUNT)
              {
                json_builder_begin_array (b);
                json_builder_add_int_value (b, r);
                json_builder_add_int_value (b, fiscal_table_cell_to_column (table, i));
                json_builder_end_array (b);
              }
        }
      json_builder_end_array (b);

      json_builder_set_member_name (b, "note");
      if (fiscal_table_get_note (table) != NULL)
        json_builder_add_string_value (b, fiscal_table_get_note (table));
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  g_assert_true (json_generator_to_file (generator, path, &error));
  g_assert_no_error (error);
}

/* Runs check-xlsx.py on the workbook and asserts what it found, @ok or
 * not; skips where there is no Python. */
gboolean
fiscal_test_xlsx_check (const char *workbook,
                        const char *expected,
                        gboolean    ok)
{
  const char *python = g_getenv ("FISCAL_PYTHON");
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "check-xlsx.py", NULL);
  const char *argv[] = { python, script, workbook, expected, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (python == NULL || python[0] == 0)
    {
      g_test_skip ("no Python to read the workbook with (FISCAL_PYTHON)");
      return FALSE;
    }

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_test_message ("check-xlsx.py: %s%s", out, err);
  if (ok && !g_spawn_check_wait_status (status, &error))
    g_error ("check-xlsx.py found the workbook wrong:\n%s%s", out, err);
  if (!ok)
    {
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 1);
      g_assert_nonnull (strstr (out, "not ok:"));
    }

  return TRUE;
}

guint
fiscal_test_count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;

  return n;
}

void
fiscal_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d != NULL)
    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_unlink (path);
      }
  g_rmdir (dir);
}

void
fiscal_test_xlsx_export_and_check (FiscalDocument *doc,
                                   gboolean        tamper_too)
{
  g_autofree char *dir = g_dir_make_tmp ("fiscal-xlsx-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "budget.xlsx", NULL);
  g_autofree char *expected = g_build_filename (dir, "expected.json", NULL);
  g_autoptr(GPtrArray) tables = NULL;
  g_auto(GStrv) names = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (dir);
  g_assert_true (fiscal_export_xlsx (doc, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  /* Only the workbook: no temporary file is left beside it. */
  g_assert_cmpuint (fiscal_test_count_files (dir), ==, 1);

  tables = fiscal_export_collect_tables (doc, &names);
  fiscal_test_xlsx_write_expected (tables, (const char * const *) names,
                                   fiscal_document_get_department_name (doc), expected, FISCAL_TEST_TAMPER_NONE);
  if (fiscal_test_xlsx_check (path, expected, TRUE) && tamper_too)
    {
      /* The same workbook against wrong expectations fails. */
      for (FiscalTestTamper t = FISCAL_TEST_TAMPER_AMOUNT; t < FISCAL_TEST_N_TAMPERS; t++)
        {
          fiscal_test_xlsx_write_expected (tables, (const char * const *) names,
                                           fiscal_document_get_department_name (doc), expected, t);
          fiscal_test_xlsx_check (path, expected, FALSE);
        }
    }

  fiscal_test_remove_dir (dir);
}
