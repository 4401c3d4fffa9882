/* fiscal-unit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-unit"

#include "config.h"

#include "fiscal-model-private.h"
#include "fiscal-unit.h"

struct _FiscalUnit
{
  GObject         parent_instance;
  FiscalDocument *document;
  char           *id;
  char           *name;
  char           *code;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_CODE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (FiscalUnit, fiscal_unit, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static char **
string_slot (FiscalUnit *self,
             guint       prop_id)
{
  switch (prop_id)
    {
    case PROP_ID:   return &self->id;
    case PROP_NAME: return &self->name;
    case PROP_CODE: return &self->code;
    default:        g_assert_not_reached ();
    }
}

static void
set_string (FiscalUnit *self,
            guint       prop_id,
            const char *value)
{
  if (value != NULL && *value == 0)
    value = NULL;
  if (g_strcmp0 (*string_slot (self, prop_id), value) == 0)
    return;

  if (self->document != NULL)
    _fiscal_document_will_change (self->document, G_OBJECT (self), properties[prop_id]);

  if (_fiscal_set_string (string_slot (self, prop_id), value))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
      if (self->document != NULL)
        _fiscal_document_object_changed (self->document, self);
    }
}

static void
fiscal_unit_finalize (GObject *object)
{
  FiscalUnit *self = (FiscalUnit *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->code, g_free);

  G_OBJECT_CLASS (fiscal_unit_parent_class)->finalize (object);
}

static void
fiscal_unit_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  g_value_set_string (value, *string_slot (FISCAL_UNIT (object), prop_id));
}

static void
fiscal_unit_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  set_string (FISCAL_UNIT (object), prop_id, g_value_get_string (value));
}

static void
fiscal_unit_class_init (FiscalUnitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fiscal_unit_finalize;
  object_class->get_property = fiscal_unit_get_property;
  object_class->set_property = fiscal_unit_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fiscal_unit_init (FiscalUnit *self)
{
}

FiscalUnit *
fiscal_unit_new (const char *id,
                 const char *name)
{
  g_return_val_if_fail (id != NULL && *id, NULL);

  return g_object_new (FISCAL_TYPE_UNIT, "id", id, "name", name, NULL);
}

const char *
fiscal_unit_get_id (FiscalUnit *self)
{
  g_return_val_if_fail (FISCAL_IS_UNIT (self), NULL);
  return self->id;
}

const char *
fiscal_unit_get_name (FiscalUnit *self)
{
  g_return_val_if_fail (FISCAL_IS_UNIT (self), NULL);
  return self->name;
}

void
fiscal_unit_set_name (FiscalUnit *self,
                      const char *name)
{
  g_return_if_fail (FISCAL_IS_UNIT (self));
  set_string (self, PROP_NAME, name);
}

const char *
fiscal_unit_get_code (FiscalUnit *self)
{
  g_return_val_if_fail (FISCAL_IS_UNIT (self), NULL);
  return self->code;
}

void
fiscal_unit_set_code (FiscalUnit *self,
                      const char *code)
{
  g_return_if_fail (FISCAL_IS_UNIT (self));
  set_string (self, PROP_CODE, code);
}

void
_fiscal_unit_set_document (FiscalUnit     *self,
                           FiscalDocument *document)
{
  g_assert (FISCAL_IS_UNIT (self));
  self->document = document;
}
