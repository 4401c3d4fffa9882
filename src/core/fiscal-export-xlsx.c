/* fiscal-export-xlsx.c
 *
 * Each table becomes a sheet laid out as the published table is: the title
 * merged across, 编制部门 on the left and the unit on the right, the grouped
 * header with its merged cells, then the rows. Codes, names and labels are
 * written as text, amounts as numbers in the number format of the table's
 * amount style: 0.00 for 万元 with two decimals, #,##0 for 元 grouped
 * without decimals, and so on (amount_format()). The number of an amount
 * is read from the text the table displays, so a cell holds exactly the
 * figure that is printed, and shows it as printed.
 *
 * libxlsxwriter writes to a path; the workbook goes to a new file beside the
 * target, which is renamed over the target only once it is complete
 * (fiscal-file.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "fiscal-document.h"
#include "fiscal-error.h"
#include "fiscal-export-xlsx.h"
#include "fiscal-file.h"
#include "fiscal-pivot.h"
#include "fiscal-project.h"
#include "fiscal-table.h"
#include "fiscal-targets.h"

/* Rows before the header: the title, then 编制部门 and the unit. */
#define TITLE_ROW       0
#define INFO_ROW        1
#define FIRST_HEADER_ROW 2

/* Column widths, in the width of a Latin digit of the body font. */
#define MIN_WIDTH        4.0
#define MAX_TEXT_WIDTH  40.0
#define MAX_HEADER_HINT 12
#define LINE_HEIGHT     14.0
#define FONT_SIZE       10

/* Sheets wider than this, in characters, are printed across the page. */
#define LANDSCAPE_WIDTH 100.0

#define PAPER_A4 9

typedef struct
{
  lxw_format *title;
  lxw_format *info_left;
  lxw_format *info_right;
  lxw_format *header;
  lxw_format *code;
  lxw_format *text;
  lxw_format *text_total;
  lxw_format *amount;        /* 0.00, the national tables' */
  lxw_format *amount_total;
  lxw_format *note;
  lxw_workbook *workbook;
  GHashTable *amounts;       /* number format + bold → lxw_format, made when first needed */
} Formats;

typedef struct
{
  const char *sheet;      /* the sheet being written */
  lxw_error   status;
  gboolean    at_cell;    /* whether the failure was a cell's */
  lxw_row_t   row;
  lxw_col_t   column;
} Writer;

/* Records the first failure of a libxlsxwriter call, and where it was. */
static gboolean
check (Writer    *w,
       lxw_error  status,
       lxw_row_t  row,
       lxw_col_t  column)
{
  if (status != LXW_NO_ERROR && w->status == LXW_NO_ERROR)
    {
      w->status = status;
      w->at_cell = TRUE;
      w->row = row;
      w->column = column;
    }

  return w->status == LXW_NO_ERROR;
}

/**
 * fiscal_export_text_width:
 *
 * Returns: how many columns @text takes in a fixed-width rendering of its
 *   longest line: a wide (CJK) character counts two, a combining mark none
 */
int
fiscal_export_text_width (const char *text)
{
  int width = 0, longest = 0;

  if (text == NULL)
    return 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n')
        {
          longest = MAX (longest, width);
          width = 0;
        }
      else if (g_unichar_iszerowidth (c))
        continue;
      else
        width += g_unichar_iswide (c) ? 2 : 1;
    }

  return MAX (longest, width);
}

/* How many lines @text takes in a wrapped cell @width wide. */
static guint
wrapped_lines (const char *text,
               double      width)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);
  guint n = 0;
  double usable = MAX (width - 1.0, 1.0);

  for (guint i = 0; lines[i] != NULL; i++)
    n += MAX (1, (guint) ((fiscal_export_text_width (lines[i]) + usable - 1) / usable));

  return MAX (n, 1);
}

static lxw_format *
new_format (lxw_workbook *workbook,
            gboolean      bordered)
{
  lxw_format *format = workbook_add_format (workbook);

  format_set_font_name (format, "宋体");
  format_set_font_size (format, FONT_SIZE);
  format_set_align (format, LXW_ALIGN_VERTICAL_CENTER);
  if (bordered)
    format_set_border (format, LXW_BORDER_THIN);

  return format;
}

/* @amounts is the caller's, string → lxw_format, its keys freed with it. */
static void
formats_init (Formats      *f,
              lxw_workbook *workbook,
              GHashTable   *amounts)
{
  f->workbook = workbook;
  f->amounts = amounts;

  f->title = new_format (workbook, FALSE);
  format_set_bold (f->title);
  format_set_font_size (f->title, 16);
  format_set_align (f->title, LXW_ALIGN_CENTER);

  f->info_left = new_format (workbook, FALSE);
  format_set_align (f->info_left, LXW_ALIGN_LEFT);

  f->info_right = new_format (workbook, FALSE);
  format_set_align (f->info_right, LXW_ALIGN_RIGHT);

  f->header = new_format (workbook, TRUE);
  format_set_bold (f->header);
  format_set_align (f->header, LXW_ALIGN_CENTER);
  format_set_text_wrap (f->header);

  f->code = new_format (workbook, TRUE);
  format_set_align (f->code, LXW_ALIGN_CENTER);

  f->text = new_format (workbook, TRUE);
  format_set_text_wrap (f->text);

  f->text_total = new_format (workbook, TRUE);
  format_set_text_wrap (f->text_total);
  format_set_bold (f->text_total);

  f->amount = new_format (workbook, TRUE);
  format_set_num_format (f->amount, "0.00");

  f->amount_total = new_format (workbook, TRUE);
  format_set_num_format (f->amount_total, "0.00");
  format_set_bold (f->amount_total);

  f->note = new_format (workbook, FALSE);
  format_set_text_wrap (f->note);
  format_set_align (f->note, LXW_ALIGN_LEFT);
  format_set_align (f->note, LXW_ALIGN_VERTICAL_TOP);
}

/* The spreadsheet's number format for amounts printed in @style: "0.00"
 * for two decimals, "#,##0" for whole 元 grouped by thousands. @zero is
 * for a zero that the style prints as "0" whatever its decimals. */
static char *
number_format (const FiscalAmountStyle *style,
               gboolean                 zero)
{
  GString *code = g_string_new (style->grouping ? "#,##0" : "0");

  if (style->decimals > 0 && !zero)
    {
      g_string_append_c (code, '.');
      for (guint i = 0; i < style->decimals; i++)
        g_string_append_c (code, '0');
    }

  return g_string_free (code, FALSE);
}

/* The format of an amount cell of a table printed in @style, bold in a
 * total row. */
static lxw_format *
amount_format (Formats                 *f,
               const FiscalAmountStyle *style,
               gboolean                 total,
               gboolean                 zero)
{
  g_autofree char *code = number_format (style, zero);
  g_autofree char *key = NULL;
  lxw_format *format;

  /* 0.00, the national tables' format, is made in formats_init() with the
   * others, so that their workbook is as it always was. */
  if (g_str_equal (code, "0.00"))
    return total ? f->amount_total : f->amount;

  key = g_strdup_printf ("%s%s", code, total ? "\n" : "");
  format = g_hash_table_lookup (f->amounts, key);
  if (format == NULL)
    {
      format = new_format (f->workbook, TRUE);
      format_set_num_format (format, code);
      if (total)
        format_set_bold (format);
      g_hash_table_insert (f->amounts, g_steal_pointer (&key), format);
    }

  return format;
}

static gboolean
is_text_kind (FiscalColumnKind kind)
{
  return kind == FISCAL_COLUMN_NAME || kind == FISCAL_COLUMN_PROJECT || kind == FISCAL_COLUMN_LABEL;
}

/* The sheet's title: the table's number before its title, as printed. */
static char *
table_heading (FiscalTable *table)
{
  if (fiscal_table_get_number (table) > 0)
    return g_strdup_printf ("表%u %s", fiscal_table_get_number (table), fiscal_table_get_title (table));

  return g_strdup (fiscal_table_get_title (table));
}

/* Widths from the longest text of each column; a header over one column
 * widens it only a little, since headers wrap. */
static double *
column_widths (FiscalTable *table)
{
  guint n_columns = fiscal_table_get_n_columns (table);
  guint n_rows = fiscal_table_get_n_rows (table);
  double *widths = g_new0 (double, n_columns);

  for (guint i = 0; i < fiscal_table_get_n_header_cells (table); i++)
    {
      const FiscalTableHeaderCell *cell = fiscal_table_get_header_cell (table, i);

      if (cell->column_span == 1 && cell->column < n_columns)
        widths[cell->column] = MAX (widths[cell->column],
                                    MIN (fiscal_export_text_width (cell->text), MAX_HEADER_HINT));
    }

  for (guint c = 0; c < n_columns; c++)
    {
      FiscalColumnKind kind = fiscal_table_get_column (table, c)->kind;

      for (guint r = 0; r < n_rows; r++)
        {
          g_autofree char *text = fiscal_table_get_column_text (table, r, c);
          widths[c] = MAX (widths[c], fiscal_export_text_width (text));
        }

      widths[c] += 2;
      if (is_text_kind (kind))
        widths[c] = MIN (widths[c], MAX_TEXT_WIDTH);
      widths[c] = MAX (widths[c], MIN_WIDTH);
    }

  return widths;
}

/* A row whose wrapped cells need more than one line is made taller;
 * returns the height, or 0 for the default. */
static double
row_height (FiscalTable  *table,
            guint         row,
            const double *widths)
{
  guint lines = 1;

  for (guint c = 0; c < fiscal_table_get_n_columns (table); c++)
    {
      if (is_text_kind (fiscal_table_get_column (table, c)->kind))
        {
          g_autofree char *text = fiscal_table_get_column_text (table, row, c);
          lines = MAX (lines, wrapped_lines (text, widths[c]));
        }
    }

  return lines > 1 ? lines * LINE_HEIGHT + 2 : 0;
}

static double
span_width (const double *widths,
            guint         first,
            guint         span)
{
  double width = 0;

  for (guint c = first; c < first + span; c++)
    width += widths[c];

  return width;
}

static gboolean
write_text (Writer        *w,
            lxw_worksheet *sheet,
            lxw_row_t      row,
            lxw_col_t      column,
            const char    *text,
            lxw_format    *format)
{
  /* Only worksheet_write_string: a text is never taken for a formula or a
   * number, whatever it starts with. */
  if (text == NULL || text[0] == 0)
    return check (w, worksheet_write_blank (sheet, row, column, format), row, column);

  return check (w, worksheet_write_string (sheet, row, column, text, format), row, column);
}

static gboolean
merge_text (Writer        *w,
            lxw_worksheet *sheet,
            lxw_row_t      row,
            lxw_col_t      column,
            lxw_row_t      last_row,
            lxw_col_t      last_column,
            const char    *text,
            lxw_format    *format)
{
  if (row == last_row && column == last_column)
    return write_text (w, sheet, row, column, text, format);

  return check (w, worksheet_merge_range (sheet, row, column, last_row, last_column,
                                          text != NULL ? text : "", format),
                row, column);
}

/* An amount cell: blank where the table is blank, else the number the
 * table displays, read back from its text (without its thousands
 * separators), in the number format that shows it so. */
static gboolean
write_amount (Writer                *w,
              lxw_worksheet         *sheet,
              lxw_row_t              row,
              lxw_col_t              column,
              FiscalTable           *table,
              const FiscalTableCell *cell,
              Formats               *f,
              gboolean               total)
{
  const FiscalAmountStyle *style = fiscal_table_get_amount_style (table);
  g_autofree char *shown = fiscal_table_format_cell (table, cell);
  lxw_format *format = amount_format (f, style, total,
                                      cell->text == NULL && cell->amount == 0 && style->zero == FISCAL_ZERO_DIGIT);
  char *end = NULL;
  double value;

  if (shown[0] == 0)
    return check (w, worksheet_write_blank (sheet, row, column, format), row, column);

  if (cell->text != NULL)
    return write_text (w, sheet, row, column, shown, format);

  {
    char *to = shown;

    for (const char *from = shown; *from; from++)
      if (*from != ',')
        *to++ = *from;
    *to = 0;
  }
  value = g_ascii_strtod (shown, &end);
  g_assert (end != NULL && *end == 0);

  return check (w, worksheet_write_number (sheet, row, column, value, format), row, column);
}

static gboolean
write_sheet (Writer        *w,
             lxw_workbook  *workbook,
             Formats       *f,
             FiscalTable   *table,
             const char    *name)
{
  guint n_columns = fiscal_table_get_n_columns (table);
  guint n_header_rows = fiscal_table_get_n_header_rows (table);
  guint n_rows = fiscal_table_get_n_rows (table);
  lxw_row_t first_data_row = FIRST_HEADER_ROW + n_header_rows;
  lxw_col_t last_column = n_columns > 0 ? n_columns - 1 : 0;
  g_autofree double *widths = NULL;
  g_autofree char *heading = table_heading (table);
  g_autofree char *department = g_strdup_printf ("编制部门：%s", fiscal_table_get_department (table) ?: "");
  g_autofree char *unit = g_strdup_printf ("单位：%s", fiscal_table_get_unit (table));
  g_autofree guint *header_lines = NULL;
  g_autofree gboolean *covered = NULL;
  lxw_worksheet *sheet;
  double total_width;

  w->sheet = name;

  sheet = workbook_add_worksheet (workbook, name);
  if (sheet == NULL)
    {
      check (w, workbook_validate_sheet_name (workbook, name) ?: LXW_ERROR_SHEETNAME_ALREADY_USED, 0, 0);
      w->at_cell = FALSE;
      return FALSE;
    }

  if (n_columns == 0)
    return write_text (w, sheet, TITLE_ROW, 0, heading, f->title);

  widths = column_widths (table);
  total_width = span_width (widths, 0, n_columns);
  for (guint c = 0; c < n_columns; c++)
    check (w, worksheet_set_column (sheet, c, c, widths[c], NULL), 0, c);

  /* Title and the line under it. */
  merge_text (w, sheet, TITLE_ROW, 0, TITLE_ROW, last_column, heading, f->title);
  check (w, worksheet_set_row (sheet, TITLE_ROW, 24, NULL), TITLE_ROW, 0);
  if (n_columns > 2)
    merge_text (w, sheet, INFO_ROW, 0, INFO_ROW, last_column - 1, department, f->info_left);
  else
    write_text (w, sheet, INFO_ROW, 0, department, f->info_left);
  if (n_columns > 1)
    write_text (w, sheet, INFO_ROW, last_column, unit, f->info_right);
  else
    write_text (w, sheet, INFO_ROW, 1, unit, f->info_right);

  /* The header, merged as the table groups it; what no header cell covers
   * is still drawn with borders. */
  header_lines = g_new0 (guint, MAX (n_header_rows, 1));
  covered = g_new0 (gboolean, MAX (n_header_rows * n_columns, 1));
  for (guint i = 0; i < fiscal_table_get_n_header_cells (table); i++)
    {
      const FiscalTableHeaderCell *cell = fiscal_table_get_header_cell (table, i);
      guint span = MIN (cell->column_span, n_columns - MIN (cell->column, n_columns));
      lxw_row_t row = FIRST_HEADER_ROW + cell->row;

      if (cell->column >= n_columns || span == 0)
        continue;

      merge_text (w, sheet, row, cell->column, row + cell->row_span - 1, cell->column + span - 1,
                  cell->text, f->header);

      for (guint r = cell->row; r < cell->row + cell->row_span && r < n_header_rows; r++)
        for (guint c = cell->column; c < cell->column + span; c++)
          covered[r * n_columns + c] = TRUE;

      if (cell->row_span == 1)
        header_lines[cell->row] = MAX (header_lines[cell->row],
                                       wrapped_lines (cell->text, span_width (widths, cell->column, span)));
    }
  for (guint r = 0; r < n_header_rows; r++)
    {
      for (guint c = 0; c < n_columns; c++)
        if (!covered[r * n_columns + c])
          write_text (w, sheet, FIRST_HEADER_ROW + r, c, NULL, f->header);
      if (header_lines[r] > 1)
        check (w, worksheet_set_row (sheet, FIRST_HEADER_ROW + r, header_lines[r] * LINE_HEIGHT + 2, NULL),
               FIRST_HEADER_ROW + r, 0);
    }

  /* The rows. */
  for (guint r = 0; r < n_rows && w->status == LXW_NO_ERROR; r++)
    {
      const FiscalTableRow *row = fiscal_table_get_row (table, r);
      lxw_row_t sheet_row = first_data_row + r;
      gboolean total = row->level == 0;
      guint cell = 0;
      double height;

      for (guint c = 0; c < n_columns; c++)
        {
          const FiscalTableColumn *column = fiscal_table_get_column (table, c);
          g_autofree char *text = NULL;

          switch (column->kind)
            {
            case FISCAL_COLUMN_CODE_1:
            case FISCAL_COLUMN_CODE_2:
            case FISCAL_COLUMN_CODE_3:
              text = fiscal_table_row_code_part (row, column->kind);
              write_text (w, sheet, sheet_row, c, text, f->code);
              break;

            case FISCAL_COLUMN_NAME:
              write_text (w, sheet, sheet_row, c, row->name, total ? f->text_total : f->text);
              break;

            case FISCAL_COLUMN_PROJECT:
              write_text (w, sheet, sheet_row, c, row->project, total ? f->text_total : f->text);
              break;

            case FISCAL_COLUMN_LABEL:
              text = fiscal_table_format_cell (table, &row->cells[cell++]);
              write_text (w, sheet, sheet_row, c, text, total ? f->text_total : f->text);
              break;

            case FISCAL_COLUMN_AMOUNT:
            default:
              write_amount (w, sheet, sheet_row, c, table, &row->cells[cell++], f, total);
              break;
            }
        }

      height = row_height (table, r, widths);
      if (height > 0)
        check (w, worksheet_set_row (sheet, sheet_row, height, NULL), sheet_row, 0);
    }

  /* The note: the sentence of an empty table, or a target table's goal
   * and funds. */
  if (fiscal_table_get_note (table) != NULL)
    {
      const char *note = fiscal_table_get_note (table);
      lxw_row_t note_row = first_data_row + n_rows;
      guint lines = wrapped_lines (note, total_width);

      merge_text (w, sheet, note_row, 0, note_row, last_column, note, f->note);
      if (lines > 1)
        check (w, worksheet_set_row (sheet, note_row, lines * LINE_HEIGHT + 2, NULL), note_row, 0);
    }

  /* On screen the header stays in view; on paper it is repeated on each
   * page, and the sheet is fitted to the width of the page. */
  worksheet_freeze_panes (sheet, first_data_row, 0);
  if (n_header_rows > 0)
    check (w, worksheet_repeat_rows (sheet, FIRST_HEADER_ROW, first_data_row - 1), FIRST_HEADER_ROW, 0);
  worksheet_set_paper (sheet, PAPER_A4);
  if (total_width > LANDSCAPE_WIDTH)
    worksheet_set_landscape (sheet);
  else
    worksheet_set_portrait (sheet);
  worksheet_fit_to_pages (sheet, 1, 0);
  worksheet_center_horizontally (sheet);

  return w->status == LXW_NO_ERROR;
}

/**
 * fiscal_export_collect_tables:
 * @sheet_names: (out) (optional) (transfer full): the name of the sheet of
 *   each table
 *
 * Returns: (transfer full) (element-type FiscalTable): the tables a
 *   workbook of @document holds, in order: the tables of its disclosure
 *   format (表1 … 表11 of the national one), the department's
 *   performance targets, then those of each project that has targets
 */
GPtrArray *
fiscal_export_collect_tables (FiscalDocument  *document,
                              GStrv           *sheet_names)
{
  GPtrArray *tables;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GListModel *projects;
  guint n_projects = 0;

  g_return_val_if_fail (FISCAL_IS_DOCUMENT (document), NULL);

  tables = fiscal_pivot_all (document);
  for (guint i = 0; i < tables->len; i++)
    g_ptr_array_add (names, g_strdup_printf ("表%u", fiscal_table_get_number (g_ptr_array_index (tables, i))));

  g_ptr_array_add (tables, fiscal_targets_to_table (document, NULL));
  g_ptr_array_add (names, g_strdup ("部门整体绩效目标"));

  projects = fiscal_document_get_projects (document);
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(FiscalProject) project = g_list_model_get_item (projects, i);

      if (fiscal_targets_is_empty (fiscal_project_get_targets (project)))
        continue;

      g_ptr_array_add (tables, fiscal_targets_to_table (document, project));
      g_ptr_array_add (names, g_strdup_printf ("项目绩效目标%u", ++n_projects));
    }

  if (sheet_names != NULL)
    {
      g_ptr_array_add (names, NULL);
      *sheet_names = (GStrv) g_ptr_array_steal (names, NULL);
    }

  return tables;
}

/* A sheet name for a table that was given none: 表N, or its title cut to
 * what a sheet name may be, made unique. */
static char *
default_sheet_name (FiscalTable *table,
                    GHashTable  *used)
{
  g_autofree char *base = NULL;
  char *name;

  if (fiscal_table_get_number (table) > 0)
    base = g_strdup_printf ("表%u", fiscal_table_get_number (table));
  else
    {
      GString *clean = g_string_new (NULL);
      const char *title = fiscal_table_get_title (table);

      for (const char *p = title ? title : ""; *p && g_utf8_strlen (clean->str, -1) < 28; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (c > 0x7f || strchr ("[]:*?/\\'", (int) c) == NULL)
            g_string_append_unichar (clean, c);
        }
      if (clean->len == 0)
        g_string_append (clean, "Sheet");
      base = g_string_free (clean, FALSE);
    }

  name = g_strdup (base);
  for (guint n = 2; g_hash_table_contains (used, name); n++)
    {
      g_free (name);
      name = g_strdup_printf ("%s (%u)", base, n);
    }

  return name;
}

static gboolean write_workbook (GPtrArray           *tables,
                                const char * const  *sheet_names,
                                const char          *title,
                                const char          *department,
                                const char          *path,
                                GCancellable        *cancellable,
                                GError             **error);

/**
 * fiscal_export_xlsx_tables:
 * @tables: (element-type FiscalTable): the tables, one sheet each
 * @sheet_names: (nullable) (array zero-terminated=1): the sheets' names;
 *   %NULL to name them after the tables
 * @title: (nullable): the workbook's title property
 * @department: (nullable): its author and company
 * @path: where to write the workbook
 *
 * Writes @tables as an .xlsx workbook at @path. The file is written beside
 * @path under another name and renamed over it when it is complete: on
 * failure @path is left as it was and nothing else remains.
 *
 * Returns: %TRUE on success
 */
gboolean
fiscal_export_xlsx_tables (GPtrArray           *tables,
                           const char * const  *sheet_names,
                           const char          *title,
                           const char          *department,
                           const char          *path,
                           GError             **error)
{
  return write_workbook (tables, sheet_names, title, department, path, NULL, error);
}

/* libxlsxwriter 1.1 formats the workbook's dates with gmtime(), whose
 * result is one buffer for the whole process: one workbook is closed at a
 * time, whatever thread closes it. */
G_LOCK_DEFINE_STATIC (workbook_close);

/* A failure of the file itself, as the workbook's other failures read. */
static void
set_file_error (GError       **error,
                const GError  *local)
{
  g_set_error_literal (error, FISCAL_ERROR, FISCAL_ERROR_EXPORT, local->message);
}

static gboolean
write_workbook (GPtrArray           *tables,
                const char * const  *sheet_names,
                const char          *title,
                const char          *department,
                const char          *path,
                GCancellable        *cancellable,
                GError             **error)
{
  g_autoptr(FiscalFileReplace) replace = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) amounts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lxw_workbook_options options = { .constant_memory = LXW_FALSE, .tmpdir = NULL };
  lxw_doc_properties properties = { 0 };
  lxw_workbook *workbook;
  Writer w = { .status = LXW_NO_ERROR };
  Formats f;
  lxw_error closed;

  g_return_val_if_fail (tables != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* libxlsxwriter opens the file by its name: it writes our temporary
   * file, which takes the target's place once the workbook is closed. */
  if (!(replace = fiscal_file_replace_begin (path, FISCAL_FILE_DEFAULT, &local)))
    {
      set_file_error (error, local);
      return FALSE;
    }

  workbook = workbook_new_opt (fiscal_file_replace_get_temp_path (replace), &options);
  if (workbook == NULL)
    {
      g_set_error (error, FISCAL_ERROR, FISCAL_ERROR_EXPORT,
                   _("Cannot write the workbook “%s”: %s"), path, lxw_strerror (LXW_ERROR_MEMORY_MALLOC_FAILED));
      return FALSE;
    }

  properties.title = (char *) title;
  properties.created = time (NULL);
  properties.author = (char *) department;
  properties.company = (char *) department;
  check (&w, workbook_set_properties (workbook, &properties), 0, 0);
  w.at_cell = FALSE;

  formats_init (&f, workbook, amounts);

  for (guint i = 0; i < tables->len && w.status == LXW_NO_ERROR && !g_cancellable_is_cancelled (cancellable); i++)
    {
      FiscalTable *table = g_ptr_array_index (tables, i);
      char *name = sheet_names != NULL && sheet_names[i] != NULL
                   ? g_strdup (sheet_names[i])
                   : default_sheet_name (table, used);

      g_hash_table_add (used, name);
      write_sheet (&w, workbook, &f, table, name);
    }

  /* From here on, a return without the commit removes the temporary file
   * (@replace is freed). */
  if (w.status != LXW_NO_ERROR)
    {
      lxw_workbook_free (workbook);
      if (w.at_cell)
        g_set_error (error, FISCAL_ERROR, FISCAL_ERROR_EXPORT,
                     _("Cannot write the workbook “%s”: sheet “%s”, row %u, column %u: %s"),
                     path, w.sheet ? w.sheet : "", (guint) w.row + 1, (guint) w.column + 1,
                     lxw_strerror (w.status));
      else
        g_set_error (error, FISCAL_ERROR, FISCAL_ERROR_EXPORT,
                     _("Cannot write the workbook “%s”: sheet “%s”: %s"),
                     path, w.sheet ? w.sheet : "", lxw_strerror (w.status));
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      lxw_workbook_free (workbook);
      return FALSE;
    }

  G_LOCK (workbook_close);
  closed = workbook_close (workbook);
  G_UNLOCK (workbook_close);
  if (closed != LXW_NO_ERROR)
    {
      g_set_error (error, FISCAL_ERROR, FISCAL_ERROR_EXPORT,
                   _("Cannot write the workbook “%s”: %s"), path, lxw_strerror (closed));
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (!fiscal_file_replace_commit (replace, &local))
    {
      set_file_error (error, local);
      return FALSE;
    }

  return TRUE;
}

/**
 * fiscal_export_xlsx:
 *
 * Writes the workbook of @document at @path: a sheet for each table of its
 * disclosure format (表1 … 表11 of the national one) and for each
 * performance-target table (see fiscal_export_collect_tables()).
 *
 * Returns: %TRUE on success; on failure @path is as it was
 */
gboolean
fiscal_export_xlsx (FiscalDocument  *document,
                    const char      *path,
                    GError         **error)
{
  return fiscal_export_xlsx_full (document, path, NULL, error);
}

/**
 * fiscal_export_xlsx_full:
 * @cancellable: (nullable): checked before and between sheets
 *
 * As fiscal_export_xlsx(); a cancelled export leaves @path as it was and no
 * temporary file.
 *
 * Returns: %TRUE on success, or %FALSE with @error set (%G_IO_ERROR_CANCELLED
 *   when cancelled)
 */
gboolean
fiscal_export_xlsx_full (FiscalDocument  *document,
                         const char      *path,
                         GCancellable    *cancellable,
                         GError         **error)
{
  g_autoptr(GPtrArray) tables = NULL;
  g_auto(GStrv) names = NULL;
  g_autofree char *title = NULL;
  const char *department;

  g_return_val_if_fail (FISCAL_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  tables = fiscal_export_collect_tables (document, &names);
  department = fiscal_document_get_department_name (document);
  title = g_strdup_printf (_("%s: budget disclosure tables for %d"),
                           department ? department : "", fiscal_document_get_year (document));

  return write_workbook (tables, (const char * const *) names, title, department, path, cancellable, error);
}

/**
 * fiscal_export_csv:
 * @flags: %FISCAL_CSV_BOM to start with a byte order mark for Excel
 *
 * Writes the tables of @document's disclosure format as CSV to @path, the
 * amounts as the format prints them; an existing file is replaced only
 * once the new one is complete.
 */
gboolean
fiscal_export_csv (FiscalDocument  *document,
                   const char      *path,
                   FiscalCsvFlags   flags,
                   GError         **error)
{
  return fiscal_export_csv_full (document, path, flags, NULL, error);
}

/**
 * fiscal_export_csv_full:
 * @cancellable: (nullable): checked before the tables are made and before
 *   the file is written
 *
 * As fiscal_export_csv(); a cancelled export leaves @path as it was.
 */
gboolean
fiscal_export_csv_full (FiscalDocument  *document,
                        const char      *path,
                        FiscalCsvFlags   flags,
                        GCancellable    *cancellable,
                        GError         **error)
{
  g_autoptr(GPtrArray) tables = NULL;
  g_autofree char *text = NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  tables = fiscal_pivot_all (document);
  text = fiscal_tables_to_csv_full (tables, flags);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  return fiscal_file_set_contents (path, text, strlen (text), FISCAL_FILE_DEFAULT, error);
}
