/* fiscal-line.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-line"

#include "config.h"

#include "fiscal-line.h"
#include "fiscal-model-private.h"
#include "fiscal-money.h"

/* A document may hold a million lines: keep them small. Codes and the ids
 * of units and projects are interned, so lines share them and the pivot
 * engine compares them as pointers. */
struct _FiscalLine
{
  GObject         parent_instance;
  FiscalDocument *document;
  char           *id;
  const char     *unit;
  const char     *function;
  const char     *economic;
  const char     *project;
  char           *note;
  gint64          amount;
  guint8          kind;
  guint8          source;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_UNIT,
  PROP_FUNCTION,
  PROP_ECONOMIC,
  PROP_KIND,
  PROP_PROJECT,
  PROP_SOURCE,
  PROP_AMOUNT,
  PROP_NOTE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (FiscalLine, fiscal_line, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
changed (FiscalLine *self,
         guint       prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  if (self->document != NULL)
    _fiscal_document_object_changed (self->document, self);
}

static const char *intern_or_null (const char *str);

static void
will_change (FiscalLine *self,
             guint       prop_id)
{
  if (self->document != NULL)
    _fiscal_document_will_change (self->document, G_OBJECT (self), properties[prop_id]);
}

static void
set_interned (FiscalLine  *self,
              const char **slot,
              const char  *value,
              guint        prop_id)
{
  const char *interned = intern_or_null (value);

  if (*slot != interned)
    {
      will_change (self, prop_id);
      *slot = interned;
      changed (self, prop_id);
    }
}

static void
fiscal_line_finalize (GObject *object)
{
  FiscalLine *self = (FiscalLine *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (fiscal_line_parent_class)->finalize (object);
}

static void
fiscal_line_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  FiscalLine *self = FISCAL_LINE (object);

  switch (prop_id)
    {
    case PROP_ID:       g_value_set_string (value, self->id); break;
    case PROP_UNIT:     g_value_set_string (value, self->unit); break;
    case PROP_FUNCTION: g_value_set_string (value, self->function); break;
    case PROP_ECONOMIC: g_value_set_string (value, self->economic); break;
    case PROP_KIND:     g_value_set_uint (value, self->kind); break;
    case PROP_PROJECT:  g_value_set_string (value, self->project); break;
    case PROP_SOURCE:   g_value_set_uint (value, self->source); break;
    case PROP_AMOUNT:   g_value_set_int64 (value, self->amount); break;
    case PROP_NOTE:     g_value_set_string (value, self->note); break;
    default:            G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fiscal_line_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  FiscalLine *self = FISCAL_LINE (object);

  switch (prop_id)
    {
    case PROP_ID:       self->id = g_value_dup_string (value); break;
    case PROP_UNIT:     fiscal_line_set_unit (self, g_value_get_string (value)); break;
    case PROP_FUNCTION: fiscal_line_set_function (self, g_value_get_string (value)); break;
    case PROP_ECONOMIC: fiscal_line_set_economic (self, g_value_get_string (value)); break;
    case PROP_KIND:     fiscal_line_set_kind (self, g_value_get_uint (value)); break;
    case PROP_PROJECT:  fiscal_line_set_project (self, g_value_get_string (value)); break;
    case PROP_SOURCE:   fiscal_line_set_source (self, g_value_get_uint (value)); break;
    case PROP_AMOUNT:   fiscal_line_set_amount (self, g_value_get_int64 (value)); break;
    case PROP_NOTE:     fiscal_line_set_note (self, g_value_get_string (value)); break;
    default:            G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fiscal_line_class_init (FiscalLineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = fiscal_line_finalize;
  object_class->get_property = fiscal_line_get_property;
  object_class->set_property = fiscal_line_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNIT] = g_param_spec_string ("unit", NULL, NULL, NULL, flags);
  properties[PROP_FUNCTION] = g_param_spec_string ("function", NULL, NULL, NULL, flags);
  properties[PROP_ECONOMIC] = g_param_spec_string ("economic", NULL, NULL, NULL, flags);
  properties[PROP_KIND] = g_param_spec_uint ("kind", NULL, NULL, 0, FISCAL_N_KINDS - 1, 0, flags);
  properties[PROP_PROJECT] = g_param_spec_string ("project", NULL, NULL, NULL, flags);
  properties[PROP_SOURCE] = g_param_spec_uint ("source", NULL, NULL, 0, FISCAL_N_SOURCES - 1, 0, flags);
  properties[PROP_AMOUNT] = g_param_spec_int64 ("amount", NULL, NULL, -FISCAL_MONEY_MAX, FISCAL_MONEY_MAX, 0, flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fiscal_line_init (FiscalLine *self)
{
}

FiscalLine *
fiscal_line_new (const char *id)
{
  g_return_val_if_fail (id != NULL && *id, NULL);

  return g_object_new (FISCAL_TYPE_LINE, "id", id, NULL);
}

static const char *
intern_or_null (const char *str)
{
  return (str && *str) ? g_intern_string (str) : NULL;
}

/**
 * fiscal_line_new_full:
 * @economic: (nullable): the economic code, or %NULL
 * @project_id: (nullable): the project of a project line
 *
 * Makes a line with all its dimensions at once, as loading and pasting do.
 *
 * Returns: (transfer full): the line, belonging to no document
 */
FiscalLine *
fiscal_line_new_full (const char   *id,
                      const char   *unit_id,
                      const char   *function,
                      const char   *economic,
                      FiscalKind    kind,
                      const char   *project_id,
                      FiscalSource  source,
                      gint64        fen)
{
  FiscalLine *self;

  g_return_val_if_fail (id != NULL && *id, NULL);
  g_return_val_if_fail (kind < FISCAL_N_KINDS, NULL);
  g_return_val_if_fail (source < FISCAL_N_SOURCES, NULL);
  g_return_val_if_fail (fen >= -FISCAL_MONEY_MAX && fen <= FISCAL_MONEY_MAX, NULL);

  /* Loading makes a million of these: the id is set here rather than
   * through the construct property and its GValue. */
  self = g_object_new (FISCAL_TYPE_LINE, NULL);
  self->id = g_strdup (id);
  self->unit = intern_or_null (unit_id);
  self->function = intern_or_null (function);
  self->economic = intern_or_null (economic);
  self->kind = kind;
  self->project = intern_or_null (project_id);
  self->source = source;
  self->amount = fen;

  return self;
}

/**
 * fiscal_line_copy:
 * @id: the id of the copy
 *
 * Returns: (transfer full): a line with the same dimensions, amount and
 *   note, belonging to no document
 */
FiscalLine *
fiscal_line_copy (FiscalLine *self,
                  const char *id)
{
  FiscalLine *copy;

  g_return_val_if_fail (FISCAL_IS_LINE (self), NULL);

  copy = fiscal_line_new (id);
  copy->unit = self->unit;
  copy->function = self->function;
  copy->economic = self->economic;
  copy->project = self->project;
  copy->kind = self->kind;
  copy->source = self->source;
  copy->amount = self->amount;
  copy->note = g_strdup (self->note);

  return copy;
}

const char *
fiscal_line_get_id (FiscalLine *self)
{
  g_return_val_if_fail (FISCAL_IS_LINE (self), NULL);
  return self->id;
}

/**
 * fiscal_line_get_unit:
 *
 * Returns: (nullable): the interned id of the line's unit
 */
const char *
fiscal_line_get_unit (FiscalLine *self)
{
  g_return_val_if_fail (FISCAL_IS_LINE (self), NULL);
  return self->unit;
}

void
fiscal_line_set_unit (FiscalLine *self,
                      const char *unit_id)
{
  g_return_if_fail (FISCAL_IS_LINE (self));
  set_interned (self, &self->unit, unit_id, PROP_UNIT);
}

/**
 * fiscal_line_get_function:
 *
 * Returns: (nullable): the interned function code
 */
const char *
fiscal_line_get_function (FiscalLine *self)
{
  g_return_val_if_fail (FISCAL_IS_LINE (self), NULL);
  return self->function;
}

void
fiscal_line_set_function (FiscalLine *self,
                          const char *code)
{
  g_return_if_fail (FISCAL_IS_LINE (self));
  set_interned (self, &self->function, code, PROP_FUNCTION);
}

/**
 * fiscal_line_get_economic:
 *
 * Returns: (nullable): the interned economic code, %NULL when the line has
 *   none
 */
const char *
fiscal_line_get_economic (FiscalLine *self)
{
  g_return_val_if_fail (FISCAL_IS_LINE (self), NULL);
  return self->economic;
}

void
fiscal_line_set_economic (FiscalLine *self,
                          const char *code)
{
  g_return_if_fail (FISCAL_IS_LINE (self));
  set_interned (self, &self->economic, code, PROP_ECONOMIC);
}

FiscalKind
fiscal_line_get_kind (FiscalLine *self)
{
  g_return_val_if_fail (FISCAL_IS_LINE (self), 0);
  return self->kind;
}

void
fiscal_line_set_kind (FiscalLine *self,
                      FiscalKind  kind)
{
  g_return_if_fail (FISCAL_IS_LINE (self));
  g_return_if_fail (kind < FISCAL_N_KINDS);

  if (self->kind != kind)
    {
      will_change (self, PROP_KIND);
      self->kind = kind;
      changed (self, PROP_KIND);
    }
}

/**
 * fiscal_line_get_project:
 *
 * Returns: (nullable): the interned id of the line's project
 */
const char *
fiscal_line_get_project (FiscalLine *self)
{
  g_return_val_if_fail (FISCAL_IS_LINE (self), NULL);
  return self->project;
}

void
fiscal_line_set_project (FiscalLine *self,
                         const char *project_id)
{
  g_return_if_fail (FISCAL_IS_LINE (self));
  set_interned (self, &self->project, project_id, PROP_PROJECT);
}

FiscalSource
fiscal_line_get_source (FiscalLine *self)
{
  g_return_val_if_fail (FISCAL_IS_LINE (self), 0);
  return self->source;
}

void
fiscal_line_set_source (FiscalLine   *self,
                        FiscalSource  source)
{
  g_return_if_fail (FISCAL_IS_LINE (self));
  g_return_if_fail (source < FISCAL_N_SOURCES);

  if (self->source != source)
    {
      will_change (self, PROP_SOURCE);
      self->source = source;
      changed (self, PROP_SOURCE);
    }
}

gint64
fiscal_line_get_amount (FiscalLine *self)
{
  g_return_val_if_fail (FISCAL_IS_LINE (self), 0);
  return self->amount;
}

/**
 * fiscal_line_set_amount:
 * @fen: the amount in 分, within ±%FISCAL_MONEY_MAX (what
 *   fiscal_money_parse() gives)
 */
void
fiscal_line_set_amount (FiscalLine *self,
                        gint64      fen)
{
  g_return_if_fail (FISCAL_IS_LINE (self));
  g_return_if_fail (fen >= -FISCAL_MONEY_MAX && fen <= FISCAL_MONEY_MAX);

  if (self->amount != fen)
    {
      will_change (self, PROP_AMOUNT);
      self->amount = fen;
      changed (self, PROP_AMOUNT);
    }
}

const char *
fiscal_line_get_note (FiscalLine *self)
{
  g_return_val_if_fail (FISCAL_IS_LINE (self), NULL);
  return self->note;
}

void
fiscal_line_set_note (FiscalLine *self,
                      const char *note)
{
  g_return_if_fail (FISCAL_IS_LINE (self));

  if (note != NULL && *note == 0)
    note = NULL;
  if (g_strcmp0 (self->note, note) == 0)
    return;

  will_change (self, PROP_NOTE);
  _fiscal_set_string (&self->note, note);
  changed (self, PROP_NOTE);
}

void
_fiscal_line_set_document (FiscalLine     *self,
                           FiscalDocument *document)
{
  g_assert (FISCAL_IS_LINE (self));
  self->document = document;
}
