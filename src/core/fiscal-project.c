/* fiscal-project.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-project"

#include "config.h"

#include "fiscal-model-private.h"
#include "fiscal-project.h"
#include "fiscal-targets.h"

struct _FiscalProject
{
  GObject         parent_instance;
  FiscalDocument *document;
  char           *fields[FISCAL_N_PROJECT_FIELDS];
  FiscalTargets  *targets;
};

G_DEFINE_FINAL_TYPE (FiscalProject, fiscal_project, G_TYPE_OBJECT)

/* Property ids are field + 1; the keys double as property and file names
 * (with '-' for '_'). */
static const char * const field_keys[FISCAL_N_PROJECT_FIELDS] = {
  "id", "name", "unit", "owner", "policy_basis", "allocation",
  "period_start", "period_end", "goal",
};

static GParamSpec *properties[FISCAL_N_PROJECT_FIELDS + 1];

static void
fiscal_project_finalize (GObject *object)
{
  FiscalProject *self = (FiscalProject *)object;

  for (guint i = 0; i < FISCAL_N_PROJECT_FIELDS; i++)
    g_clear_pointer (&self->fields[i], g_free);
  g_clear_object (&self->targets);

  G_OBJECT_CLASS (fiscal_project_parent_class)->finalize (object);
}

static void
fiscal_project_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  g_value_set_string (value, FISCAL_PROJECT (object)->fields[prop_id - 1]);
}

static void
fiscal_project_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  fiscal_project_set_field (FISCAL_PROJECT (object), prop_id - 1, g_value_get_string (value));
}

static void
fiscal_project_class_init (FiscalProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fiscal_project_finalize;
  object_class->get_property = fiscal_project_get_property;
  object_class->set_property = fiscal_project_set_property;

  for (guint i = 0; i < FISCAL_N_PROJECT_FIELDS; i++)
    {
      g_autofree char *name = g_strdelimit (g_strdup (field_keys[i]), "_", '-');
      GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_NICK | G_PARAM_STATIC_BLURB;

      flags |= i == FISCAL_PROJECT_ID ? G_PARAM_CONSTRUCT_ONLY : G_PARAM_EXPLICIT_NOTIFY;
      properties[i + 1] = g_param_spec_string (g_intern_string (name), NULL, NULL, NULL, flags);
    }

  g_object_class_install_properties (object_class, G_N_ELEMENTS (properties), properties);
}

static void
fiscal_project_init (FiscalProject *self)
{
  self->targets = fiscal_targets_new (FISCAL_TARGETS_PROJECT);
}

FiscalProject *
fiscal_project_new (const char *id,
                    const char *name)
{
  g_return_val_if_fail (id != NULL && *id, NULL);

  return g_object_new (FISCAL_TYPE_PROJECT, "id", id, "name", name, NULL);
}

/**
 * fiscal_project_field_key:
 *
 * Returns: the key of @field in the file format (`"policy_basis"`)
 */
const char *
fiscal_project_field_key (FiscalProjectField field)
{
  g_return_val_if_fail (field < FISCAL_N_PROJECT_FIELDS, NULL);
  return field_keys[field];
}

/**
 * fiscal_project_get_field:
 *
 * Returns: (nullable): the text of @field, %NULL when it is empty
 */
const char *
fiscal_project_get_field (FiscalProject      *self,
                          FiscalProjectField  field)
{
  g_return_val_if_fail (FISCAL_IS_PROJECT (self), NULL);
  g_return_val_if_fail (field < FISCAL_N_PROJECT_FIELDS, NULL);

  return self->fields[field];
}

void
fiscal_project_set_field (FiscalProject      *self,
                          FiscalProjectField  field,
                          const char         *value)
{
  g_return_if_fail (FISCAL_IS_PROJECT (self));
  g_return_if_fail (field < FISCAL_N_PROJECT_FIELDS);

  if (value != NULL && *value == 0)
    value = NULL;
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

const char *
fiscal_project_get_id (FiscalProject *self)
{
  return fiscal_project_get_field (self, FISCAL_PROJECT_ID);
}

const char *
fiscal_project_get_name (FiscalProject *self)
{
  return fiscal_project_get_field (self, FISCAL_PROJECT_NAME);
}

void
fiscal_project_set_name (FiscalProject *self,
                         const char    *name)
{
  fiscal_project_set_field (self, FISCAL_PROJECT_NAME, name);
}

void
_fiscal_project_set_document (FiscalProject  *self,
                              FiscalDocument *document)
{
  g_assert (FISCAL_IS_PROJECT (self));
  self->document = document;
  _fiscal_targets_set_document (self->targets, document);
}

/**
 * fiscal_project_get_targets:
 *
 * Returns: (transfer none): the project's performance targets
 *   (项目支出绩效目标); its goal is the project's own
 */
FiscalTargets *
fiscal_project_get_targets (FiscalProject *self)
{
  g_return_val_if_fail (FISCAL_IS_PROJECT (self), NULL);
  return self->targets;
}
