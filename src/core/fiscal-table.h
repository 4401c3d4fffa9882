/* fiscal-table.h
 *
 * The generic result of a pivot: a titled table with grouped header cells
 * and rows of code, name and cells. One type serves the window, CSV, JSON
 * and the printed document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fiscal-format.h"
#include "fiscal-types.h"

G_BEGIN_DECLS

/* What a leaf column of the table holds. */
typedef enum
{
  FISCAL_COLUMN_CODE_1,    /* the 类 part of the row's code */
  FISCAL_COLUMN_CODE_2,    /* the 款 part */
  FISCAL_COLUMN_CODE_3,    /* the 项 part */
  FISCAL_COLUMN_NAME,      /* the row's name */
  FISCAL_COLUMN_PROJECT,   /* the row's project */
  FISCAL_COLUMN_LABEL,     /* a text cell */
  FISCAL_COLUMN_AMOUNT,    /* an amount cell */
} FiscalColumnKind;

typedef struct
{
  FiscalColumnKind  kind;
  char             *title;   /* the full title, for CSV and JSON */
} FiscalTableColumn;

typedef struct
{
  char  *text;
  guint  row;
  guint  column;
  guint  row_span;
  guint  column_span;
} FiscalTableHeaderCell;

typedef struct
{
  char    *text;      /* a label cell, or NULL for an amount */
  gint64   amount;    /* fen */
} FiscalTableCell;

/* A row's texts belong to its table; change them with the setters. */
typedef struct
{
  char            *code;      /* the full code, "" for totals */
  char            *name;
  char            *project;   /* or NULL */
  guint            level;     /* 0 total or heading, 1 类, 2 款, 3 项 */
  guint            source_line; /* for a table read from a text: its line, 1-based; else 0 */
  guint            n_cells;
  FiscalTableCell *cells;     /* one per LABEL or AMOUNT column */
} FiscalTableRow;

#define FISCAL_TYPE_TABLE (fiscal_table_get_type ())

G_DECLARE_FINAL_TYPE (FiscalTable, fiscal_table, FISCAL, TABLE, GObject)

FiscalTable                 *fiscal_table_new                (guint                number,
                                                              const char          *title);
guint                        fiscal_table_get_number         (FiscalTable         *self);
const char                  *fiscal_table_get_title          (FiscalTable         *self);
const char                  *fiscal_table_get_unit           (FiscalTable         *self);
const char                  *fiscal_table_get_department     (FiscalTable         *self);
void                         fiscal_table_set_department     (FiscalTable         *self,
                                                              const char          *department);
const char                  *fiscal_table_get_note           (FiscalTable         *self);
void                         fiscal_table_set_note           (FiscalTable         *self,
                                                              const char          *note);
guint                        fiscal_table_get_source_line    (FiscalTable         *self);
void                         fiscal_table_set_source_line    (FiscalTable         *self,
                                                              guint                line);

void                         fiscal_table_add_column         (FiscalTable         *self,
                                                              FiscalColumnKind     kind,
                                                              const char          *title);
guint                        fiscal_table_get_n_columns      (FiscalTable         *self);
const FiscalTableColumn     *fiscal_table_get_column         (FiscalTable         *self,
                                                              guint                column);
guint                        fiscal_table_get_n_cells        (FiscalTable         *self);
int                          fiscal_table_cell_to_column     (FiscalTable         *self,
                                                              guint                cell);

void                         fiscal_table_add_header         (FiscalTable         *self,
                                                              guint                row,
                                                              guint                column,
                                                              guint                row_span,
                                                              guint                column_span,
                                                              const char          *text);
void                         fiscal_table_add_numbering      (FiscalTable         *self,
                                                              guint                row);
guint                        fiscal_table_get_n_header_rows  (FiscalTable         *self);
guint                        fiscal_table_get_n_header_cells (FiscalTable         *self);
const FiscalTableHeaderCell *fiscal_table_get_header_cell    (FiscalTable         *self,
                                                              guint                position);

FiscalTableRow              *fiscal_table_add_row            (FiscalTable         *self,
                                                              const char          *code,
                                                              const char          *name,
                                                              guint                level);
guint                        fiscal_table_get_n_rows         (FiscalTable         *self);
const FiscalTableRow        *fiscal_table_get_row            (FiscalTable         *self,
                                                              guint                row);
void                         fiscal_table_row_set_code       (FiscalTableRow      *row,
                                                              const char          *code,
                                                              guint                level);
void                         fiscal_table_row_set_name       (FiscalTableRow      *row,
                                                              const char          *name);
void                         fiscal_table_row_set_project    (FiscalTableRow      *row,
                                                              const char          *project);
void                         fiscal_table_row_set_label      (FiscalTableRow      *row,
                                                              guint                cell,
                                                              const char          *text);
void                         fiscal_table_row_set_amount     (FiscalTableRow      *row,
                                                              guint                cell,
                                                              gint64               fen);

const FiscalAmountStyle     *fiscal_table_get_amount_style   (FiscalTable         *self);
void                         fiscal_table_set_amount_style   (FiscalTable         *self,
                                                              const FiscalAmountStyle *style);
char                        *fiscal_table_format_cell        (FiscalTable         *self,
                                                              const FiscalTableCell *cell);
char                        *fiscal_table_row_code_part      (const FiscalTableRow  *row,
                                                              FiscalColumnKind       kind);
char                        *fiscal_table_get_column_text    (FiscalTable         *self,
                                                              guint                row,
                                                              guint                column);
const FiscalTableRow        *fiscal_table_find_row           (FiscalTable         *self,
                                                              const char          *code,
                                                              const char          *name);

G_END_DECLS
