/* fiscal-indicator.h
 *
 * One row of a performance-target table (绩效目标表): the three levels of
 * the indicator, its target (an operator, an exact decimal value and a unit,
 * or a qualitative value), why it was set, last year's value, its weight,
 * how it is scored and what proves it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fiscal-types.h"

G_BEGIN_DECLS

/* The fields of an indicator, in file order. */
typedef enum
{
  FISCAL_INDICATOR_LEVEL1,
  FISCAL_INDICATOR_LEVEL2,
  FISCAL_INDICATOR_NAME,
  FISCAL_INDICATOR_OPERATOR,
  FISCAL_INDICATOR_VALUE,
  FISCAL_INDICATOR_UNIT,
  FISCAL_INDICATOR_QUALITATIVE,
  FISCAL_INDICATOR_BASIS,
  FISCAL_INDICATOR_PRIOR,
  FISCAL_INDICATOR_WEIGHT,
  FISCAL_INDICATOR_SCORING,
  FISCAL_INDICATOR_EVIDENCE,
  FISCAL_N_INDICATOR_FIELDS
} FiscalIndicatorField;

typedef enum
{
  FISCAL_OPERATOR_NONE,
  FISCAL_OPERATOR_GE,
  FISCAL_OPERATOR_LE,
  FISCAL_OPERATOR_EQ,
  FISCAL_OPERATOR_GT,
  FISCAL_OPERATOR_LT,
  FISCAL_N_OPERATORS
} FiscalOperator;

#define FISCAL_TYPE_INDICATOR (fiscal_indicator_get_type ())

G_DECLARE_FINAL_TYPE (FiscalIndicator, fiscal_indicator, FISCAL, INDICATOR, GObject)

FiscalIndicator *fiscal_indicator_new             (const char           *level1,
                                                   const char           *level2,
                                                   const char           *name);
FiscalIndicator *fiscal_indicator_copy            (FiscalIndicator      *self);
const char      *fiscal_indicator_field_key       (FiscalIndicatorField  field);
const char      *fiscal_indicator_get_field       (FiscalIndicator      *self,
                                                   FiscalIndicatorField  field);
void             fiscal_indicator_set_field       (FiscalIndicator      *self,
                                                   FiscalIndicatorField  field,
                                                   const char           *value);
FiscalOperator   fiscal_indicator_get_operator    (FiscalIndicator      *self);
char            *fiscal_indicator_format_target   (FiscalIndicator      *self);

const char      *fiscal_operator_to_string        (FiscalOperator        op);
const char      *fiscal_operator_symbol           (FiscalOperator        op);
gboolean         fiscal_operator_from_string      (const char           *str,
                                                   FiscalOperator       *op);

/* An exact decimal ("3570.91", "100", at most 6 decimals) in millionths. */
#define FISCAL_DECIMAL_ONE G_GINT64_CONSTANT (1000000)
gboolean         fiscal_decimal_parse             (const char           *text,
                                                   gint64               *micro);

G_END_DECLS
