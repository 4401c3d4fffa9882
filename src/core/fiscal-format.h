/* fiscal-format.h
 *
 * A disclosure format: the tables a region publishes its department budget
 * in, read from a data file (data/formats/, docs/formats.md). Each
 * table says which lines each of its columns and rows sums, how its rows
 * are laid out, its headers, the unit and decimals it prints amounts in
 * and what an empty table says. The tables of a budget are made from its
 * format by one interpreter (fiscal-pivot.c); adding a region's template is
 * a data file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fiscal-types.h"

G_BEGIN_DECLS

/* The format of a budget that names none: the national eleven tables. */
#define FISCAL_FORMAT_DEFAULT "national-11"

typedef enum
{
  FISCAL_LAYOUT_HIERARCHY,   /* rows are a code hierarchy (类, 款, 项) */
  FISCAL_LAYOUT_BALANCE,     /* income items beside expenditure by 类 */
  FISCAL_LAYOUT_PROJECTS,    /* per unit, a function hierarchy ending in projects */
  FISCAL_LAYOUT_ITEMS,       /* fixed rows, each its own sum */
} FiscalLayout;

typedef enum
{
  FISCAL_ZERO_BLANK,         /* an amount of zero is left blank */
  FISCAL_ZERO_DIGIT,         /* printed "0" */
  FISCAL_ZERO_DECIMALS,      /* printed with its decimals, "0.00" */
} FiscalZeroStyle;

/* How a table prints its amounts. */
typedef struct
{
  const char      *unit;      /* "万元" or "元" */
  gint64           divisor;   /* fen in one unit */
  guint            decimals;
  gboolean         grouping;  /* thousands separators */
  FiscalZeroStyle  zero;
} FiscalAmountStyle;

typedef struct _FiscalFormatTable FiscalFormatTable;

#define FISCAL_TYPE_FORMAT (fiscal_format_get_type ())

G_DECLARE_FINAL_TYPE (FiscalFormat, fiscal_format, FISCAL, FORMAT, GObject)

FiscalFormat            *fiscal_format_new_from_data      (const char         *data,
                                                           gsize               length,
                                                           GError            **error);
FiscalFormat            *fiscal_format_get                (const char         *id);
GPtrArray               *fiscal_format_list               (void);
const char              *fiscal_format_get_id             (FiscalFormat       *self);
const char              *fiscal_format_get_name           (FiscalFormat       *self);
const char              *fiscal_format_get_description    (FiscalFormat       *self);
const char * const      *fiscal_format_get_empty_wordings (FiscalFormat       *self);
guint                    fiscal_format_get_n_tables       (FiscalFormat       *self);
const FiscalFormatTable *fiscal_format_get_table          (FiscalFormat       *self,
                                                           guint               index);
const FiscalFormatTable *fiscal_format_find_table         (FiscalFormat       *self,
                                                           guint               number);
const FiscalFormatTable *fiscal_format_find_national      (FiscalFormat       *self,
                                                           guint               national);

guint                    fiscal_format_table_get_number   (const FiscalFormatTable *table);
guint                    fiscal_format_table_get_national (const FiscalFormatTable *table);
const char              *fiscal_format_table_get_title    (const FiscalFormatTable *table);
FiscalLayout             fiscal_format_table_get_layout   (const FiscalFormatTable *table);
const FiscalAmountStyle *fiscal_format_table_get_style    (const FiscalFormatTable *table);
const char * const      *fiscal_format_table_get_aliases  (const FiscalFormatTable *table);

char                    *fiscal_amount_style_format       (const FiscalAmountStyle *style,
                                                           gint64                   fen);

G_END_DECLS
