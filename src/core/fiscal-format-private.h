/* fiscal-format-private.h
 *
 * A format's tables as the interpreter (fiscal-pivot.c) reads them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fiscal-format.h"
#include "fiscal-table.h"

G_BEGIN_DECLS

/* Which lines a table, row or column sums: a line is in when its source,
 * kind, economic 类 and “三公” item are each among those named (a part
 * not named takes every line). */
typedef struct
{
  guint32     sources;   /* a bit per FiscalSource */
  guint8      kinds;     /* a bit per FiscalKind */
  guint8      sangong;   /* a bit per FiscalSangong; 0: any, also none */
  const char *klass;     /* an economic 类 ("301"), interned; NULL: any */
  int         profile;   /* a FiscalProfileField whose figure the cell is, or -1 */
  guint8      first_source;   /* the source named first: assumed where a table does not tell sources apart */
  guint8      first_kind;     /* the kind named first, likewise */
} FiscalFilter;

#define FISCAL_FILTER_ALL_SOURCES ((1u << FISCAL_N_SOURCES) - 1)
#define FISCAL_FILTER_ALL_KINDS   ((1u << FISCAL_N_KINDS) - 1)

typedef struct
{
  FiscalColumnKind  kind;
  char             *title;
  FiscalFilter      sum;      /* an amount column of a hierarchy, projects or items table */
  guint             rarity;   /* how seldom the column has a figure, 0–3: the reader of a
                               * printed row prefers the columns that usually have one */
} FiscalFormatColumn;

/* A sum that holds between the amount cells of a side of a table (left
 * of a balance's label, right of it, or the whole table): the parent's
 * lines are exactly its children's, so parent = Σ children. Found from
 * the columns' filters when the format is read. */
typedef struct
{
  guint parent;          /* amount cell, counted within its side */
  guint n_children;
  guint children[16];
} FiscalColumnSum;

typedef struct
{
  guint  row;
  guint  column;
  guint  row_span;
  guint  column_span;
  char  *text;
} FiscalFormatHeader;

/* A fixed row: an income item of a balance, a row of an items table. */
typedef struct
{
  char         *label;
  guint         level;
  gboolean      total;
  FiscalFilter  sum;
} FiscalFormatItem;

typedef enum
{
  FISCAL_CLASS_LABEL_CODE_NAME,   /* "201 一般公共服务支出" */
  FISCAL_CLASS_LABEL_ORDINAL,     /* "一、一般公共服务支出" */
} FiscalClassLabel;

struct _FiscalFormatTable
{
  guint              number;
  guint              national;       /* the national table it stands for, or 0 */
  char              *title;
  char             **aliases;        /* other titles it is printed under */
  FiscalLayout       layout;
  gboolean           economic;       /* a hierarchy of economic codes */
  gboolean           code_in_name;   /* the rows' names begin with their code */
  FiscalFilter       filter;         /* the lines the whole table sums */
  GArray            *columns;        /* FiscalFormatColumn */
  GArray            *header;         /* FiscalFormatHeader, in the order made */
  int                numbering;      /* the header row of the column numbers, or -1 */
  char              *total_label;
  gboolean           total_bottom;
  GArray            *items;          /* FiscalFormatItem: a balance's income, an items table's rows */
  FiscalFilter       total_sum;      /* a balance's income total */
  char              *right_total_label;
  gboolean           all_classes;    /* a balance shows every 类 of the catalogue */
  FiscalClassLabel   class_label;
  GArray            *class_sums;     /* FiscalFilter, one per amount column right of a balance */
  char              *empty;          /* what an empty table lacks, or NULL: never empty */
  char              *empty_note;     /* the note's wording, with {department} {year} {empty} {title} */
  gboolean           empty_total;    /* an empty table keeps its total row */
  FiscalAmountStyle  style;
  GArray            *left_sums;      /* FiscalColumnSum of the amount cells before the label, or all */
  GArray            *right_sums;     /* FiscalColumnSum of those after it */
};

gboolean     _fiscal_filter_is_within    (const FiscalFilter *inner,
                                         const FiscalFilter *outer);
FiscalFilter _fiscal_filter_within_table (const FiscalFilter *column,
                                         const FiscalFilter *table);

G_END_DECLS
