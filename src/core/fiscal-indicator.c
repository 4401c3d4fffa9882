/* fiscal-indicator.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-indicator"

#include "config.h"

#include "fiscal-indicator.h"
#include "fiscal-model-private.h"

struct _FiscalIndicator
{
  GObject         parent_instance;
  FiscalDocument *document;
  char           *fields[FISCAL_N_INDICATOR_FIELDS];
};

G_DEFINE_FINAL_TYPE (FiscalIndicator, fiscal_indicator, G_TYPE_OBJECT)

/* Property ids are field + 1; the keys double as property and file names. */
static const char * const field_keys[FISCAL_N_INDICATOR_FIELDS] = {
  "level1", "level2", "name", "operator", "value", "unit", "qualitative",
  "basis", "prior", "weight", "scoring", "evidence",
};

static const char * const operator_strings[FISCAL_N_OPERATORS] = {
  NULL, ">=", "<=", "=", ">", "<",
};

static const char * const operator_symbols[FISCAL_N_OPERATORS] = {
  "", "≥", "≤", "=", ">", "<",
};

static GParamSpec *properties[FISCAL_N_INDICATOR_FIELDS + 1];

static void
fiscal_indicator_finalize (GObject *object)
{
  FiscalIndicator *self = (FiscalIndicator *)object;

  for (guint i = 0; i < FISCAL_N_INDICATOR_FIELDS; i++)
    g_clear_pointer (&self->fields[i], g_free);

  G_OBJECT_CLASS (fiscal_indicator_parent_class)->finalize (object);
}

static void
fiscal_indicator_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  g_value_set_string (value, FISCAL_INDICATOR (object)->fields[prop_id - 1]);
}

static void
fiscal_indicator_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  fiscal_indicator_set_field (FISCAL_INDICATOR (object), prop_id - 1, g_value_get_string (value));
}

static void
fiscal_indicator_class_init (FiscalIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fiscal_indicator_finalize;
  object_class->get_property = fiscal_indicator_get_property;
  object_class->set_property = fiscal_indicator_set_property;

  for (guint i = 0; i < FISCAL_N_INDICATOR_FIELDS; i++)
    properties[i + 1] = g_param_spec_string (field_keys[i], NULL, NULL, NULL,
                                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                             G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, G_N_ELEMENTS (properties), properties);
}

static void
fiscal_indicator_init (FiscalIndicator *self)
{
}

FiscalIndicator *
fiscal_indicator_new (const char *level1,
                      const char *level2,
                      const char *name)
{
  return g_object_new (FISCAL_TYPE_INDICATOR,
                       "level1", level1, "level2", level2, "name", name,
                       NULL);
}

/**
 * fiscal_indicator_copy:
 *
 * Returns: (transfer full): a new indicator with the same fields, belonging
 *   to no document
 */
FiscalIndicator *
fiscal_indicator_copy (FiscalIndicator *self)
{
  FiscalIndicator *copy;

  g_return_val_if_fail (FISCAL_IS_INDICATOR (self), NULL);

  copy = g_object_new (FISCAL_TYPE_INDICATOR, NULL);
  for (guint i = 0; i < FISCAL_N_INDICATOR_FIELDS; i++)
    copy->fields[i] = g_strdup (self->fields[i]);

  return copy;
}

/**
 * fiscal_indicator_field_key:
 *
 * Returns: the key of @field in the file format and its property name
 */
const char *
fiscal_indicator_field_key (FiscalIndicatorField field)
{
  g_return_val_if_fail (field < FISCAL_N_INDICATOR_FIELDS, NULL);
  return field_keys[field];
}

/**
 * fiscal_indicator_get_field:
 *
 * Returns: (nullable): the text of @field, %NULL when it is empty
 */
const char *
fiscal_indicator_get_field (FiscalIndicator      *self,
                            FiscalIndicatorField  field)
{
  g_return_val_if_fail (FISCAL_IS_INDICATOR (self), NULL);
  g_return_val_if_fail (field < FISCAL_N_INDICATOR_FIELDS, NULL);

  return self->fields[field];
}

/**
 * fiscal_indicator_set_field:
 *
 * Sets @field; the operator is one of `">="`, `"<="`, `"="`, `">"`, `"<"`
 * (or the symbols ≥ ≤, which are stored as the former) or empty.
 */
void
fiscal_indicator_set_field (FiscalIndicator      *self,
                            FiscalIndicatorField  field,
                            const char           *value)
{
  g_return_if_fail (FISCAL_IS_INDICATOR (self));
  g_return_if_fail (field < FISCAL_N_INDICATOR_FIELDS);

  if (value != NULL && *value == 0)
    value = NULL;

  if (field == FISCAL_INDICATOR_OPERATOR && value != NULL)
    {
      FiscalOperator op;

      g_return_if_fail (fiscal_operator_from_string (value, &op));
      value = operator_strings[op];
    }

  if (g_strcmp0 (self->fields[field], value) == 0)
    return;

  if (self->document != NULL)
    _fiscal_document_will_change (self->document, G_OBJECT (self), properties[field + 1]);

  if (_fiscal_set_string (&self->fields[field], value))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[field + 1]);
      if (self->document != NULL)
        _fiscal_document_object_changed (self->document, self);
    }
}

FiscalOperator
fiscal_indicator_get_operator (FiscalIndicator *self)
{
  FiscalOperator op = FISCAL_OPERATOR_NONE;

  g_return_val_if_fail (FISCAL_IS_INDICATOR (self), FISCAL_OPERATOR_NONE);

  if (self->fields[FISCAL_INDICATOR_OPERATOR] != NULL)
    fiscal_operator_from_string (self->fields[FISCAL_INDICATOR_OPERATOR], &op);
  return op;
}

/**
 * fiscal_indicator_format_target:
 *
 * Returns: (transfer full): the target as the tables print it: "≥6 人",
 *   "=100%", or the qualitative value
 */
char *
fiscal_indicator_format_target (FiscalIndicator *self)
{
  const char *value, *unit;

  g_return_val_if_fail (FISCAL_IS_INDICATOR (self), NULL);

  value = self->fields[FISCAL_INDICATOR_VALUE];
  unit = self->fields[FISCAL_INDICATOR_UNIT];

  if (value == NULL)
    return g_strdup (self->fields[FISCAL_INDICATOR_QUALITATIVE] ?: "");

  return g_strconcat (operator_symbols[fiscal_indicator_get_operator (self)], value,
                      unit != NULL && g_strcmp0 (unit, "%") != 0 ? " " : "",
                      unit ?: "", NULL);
}

void
_fiscal_indicator_set_document (FiscalIndicator *self,
                                FiscalDocument  *document)
{
  g_assert (FISCAL_IS_INDICATOR (self));
  self->document = document;
}

/**
 * fiscal_operator_to_string:
 *
 * Returns: (nullable): the file form of @op (`">="`), %NULL for none
 */
const char *
fiscal_operator_to_string (FiscalOperator op)
{
  g_return_val_if_fail (op < FISCAL_N_OPERATORS, NULL);
  return operator_strings[op];
}

/**
 * fiscal_operator_symbol:
 *
 * Returns: the printed form of @op (`"≥"`), "" for none
 */
const char *
fiscal_operator_symbol (FiscalOperator op)
{
  g_return_val_if_fail (op < FISCAL_N_OPERATORS, NULL);
  return operator_symbols[op];
}

gboolean
fiscal_operator_from_string (const char     *str,
                             FiscalOperator *op)
{
  g_return_val_if_fail (op != NULL, FALSE);

  if (str == NULL || *str == 0)
    {
      *op = FISCAL_OPERATOR_NONE;
      return TRUE;
    }

  for (guint i = 1; i < FISCAL_N_OPERATORS; i++)
    if (g_str_equal (str, operator_strings[i]) || g_str_equal (str, operator_symbols[i]))
      {
        *op = i;
        return TRUE;
      }

  return FALSE;
}

/**
 * fiscal_decimal_parse:
 * @micro: (out): the value in millionths
 *
 * Parses an exact decimal such as `"3570.91"` or `"-2"` without floating
 * point. At most six decimals; thousands separators are not allowed.
 *
 * Returns: whether @text is such a number
 */
gboolean
fiscal_decimal_parse (const char *text,
                      gint64     *micro)
{
  gboolean negative = FALSE;
  guint64 whole = 0, frac = 0;
  guint digits = 0, decimals = 0;
  const char *p = text;

  if (text == NULL)
    return FALSE;

  if (*p == '-' || *p == '+')
    negative = *p++ == '-';

  for (; g_ascii_isdigit (*p); p++, digits++)
    {
      whole = whole * 10 + (guint64) (*p - '0');
      if (whole > G_MAXINT64 / FISCAL_DECIMAL_ONE)
        return FALSE;
    }

  if (*p == '.')
    {
      for (p++; g_ascii_isdigit (*p); p++, decimals++)
        {
          if (decimals == 6)
            return FALSE;
          frac = frac * 10 + (guint64) (*p - '0');
        }
      if (decimals == 0)
        return FALSE;
    }

  if (*p != 0 || digits == 0)
    return FALSE;

  for (guint i = decimals; i < 6; i++)
    frac *= 10;

  /* The whole part fits; with the decimals it may not (9223372036854.9). */
  if (whole * FISCAL_DECIMAL_ONE > (guint64) G_MAXINT64 - frac)
    return FALSE;

  if (micro != NULL)
    {
      *micro = (gint64) (whole * FISCAL_DECIMAL_ONE + frac);
      if (negative)
        *micro = -*micro;
    }

  return TRUE;
}
