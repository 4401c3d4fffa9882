/* fiscal-framework.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-framework"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "fiscal-error.h"
#include "fiscal-framework.h"
#include "fiscal-indicator.h"

#define FRAMEWORK_RESOURCE "/io/github/fiscalapp/Fiscal/targets/framework.json"
#define RULES_RESOURCE     "/io/github/fiscalapp/Fiscal/targets/rules.json"

struct _FiscalFramework
{
  GPtrArray *level2[FISCAL_N_CATEGORIES];   /* NULL-terminated char* arrays */
  char      *label[FISCAL_N_CATEGORIES];    /* the 一级 as tables write it: 产出指标 */
  GPtrArray *library;                       /* FiscalIndicator */
  gint64     weight_total;                  /* millionths; 0: weights not checked */
  gboolean   required[FISCAL_N_CATEGORIES];
};

static const char * const category_names[FISCAL_N_CATEGORIES] = {
  "", "产出", "成本", "效益", "满意度",
};

const char *
fiscal_category_name (FiscalCategory category)
{
  g_return_val_if_fail (category < FISCAL_N_CATEGORIES, NULL);
  return category_names[category];
}

/* "产出 指标", "产出指标" and "产出" are all 产出: the published tables put
 * spaces where the cell wrapped. */
static char *
squeeze (const char *label)
{
  GString *out = g_string_new (NULL);

  for (const char *p = label ? label : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }

  if (g_str_has_suffix (out->str, "指标") && out->len > strlen ("指标"))
    g_string_truncate (out, out->len - strlen ("指标"));

  return g_string_free (out, FALSE);
}

static FiscalCategory
category_from_label (const char *label)
{
  g_autofree char *name = squeeze (label);

  for (guint i = 1; i < FISCAL_N_CATEGORIES; i++)
    if (g_str_equal (name, category_names[i]))
      return i;

  return FISCAL_CATEGORY_NONE;
}

void
fiscal_framework_free (FiscalFramework *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < FISCAL_N_CATEGORIES; i++)
    {
      g_clear_pointer (&self->level2[i], g_ptr_array_unref);
      g_free (self->label[i]);
    }
  g_clear_pointer (&self->library, g_ptr_array_unref);
  g_free (self);
}

static JsonObject *
parse_object (const char  *data,
              gssize       length,
              const char  *format,
              JsonParser  *parser,
              GError     **error)
{
  JsonNode *root;
  JsonObject *obj;

  if (!json_parser_load_from_data (parser, data, length, error))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      g_strcmp0 (json_object_get_string_member_with_default (obj = json_node_get_object (root), "format", NULL), format) != 0)
    {
      g_set_error (error, FISCAL_ERROR, FISCAL_ERROR_UNKNOWN_FORMAT,
                   _("not a “%s” document"), format);
      return NULL;
    }

  return obj;
}

static void
add_level2 (FiscalFramework *self,
            FiscalCategory   category,
            const char      *name)
{
  GPtrArray *list = self->level2[category];

  g_ptr_array_remove_index (list, list->len - 1);   /* the NULL */
  g_ptr_array_add (list, g_strdup (name));
  g_ptr_array_add (list, NULL);
}

/**
 * fiscal_framework_new_from_data:
 *
 * Reads a framework and a rule set. In the framework, 一级 levels are
 * `{name, children}`; an older layout that lists 成本指标 (with its
 * children) under 产出 is read the same as one that has 成本 on its own.
 *
 * Returns: (transfer full): the framework, or %NULL with @error set
 */
FiscalFramework *
fiscal_framework_new_from_data (const char  *framework,
                                gssize       framework_length,
                                const char  *rules,
                                gssize       rules_length,
                                GError     **error)
{
  g_autoptr(FiscalFramework) self = g_new0 (FiscalFramework, 1);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) rules_parser = json_parser_new ();
  JsonObject *root, *rules_root;
  JsonArray *levels, *library, *required;
  const char *total;

  for (guint i = 0; i < FISCAL_N_CATEGORIES; i++)
    {
      self->level2[i] = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (self->level2[i], NULL);
    }
  self->library = g_ptr_array_new_with_free_func (g_object_unref);

  if (!(root = parse_object (framework, framework_length, "fiscal-target-framework", parser, error)) ||
      !(rules_root = parse_object (rules, rules_length, "fiscal-target-rules", rules_parser, error)))
    return NULL;

  levels = json_object_get_array_member (root, "levels");
  for (guint i = 0; levels != NULL && i < json_array_get_length (levels); i++)
    {
      JsonObject *level = json_array_get_object_element (levels, i);
      FiscalCategory category = category_from_label (json_object_get_string_member_with_default (level, "name", NULL));
      const char *label = json_object_get_string_member_with_default (level, "label", NULL);
      JsonArray *children = json_object_has_member (level, "children") ?
                            json_object_get_array_member (level, "children") : NULL;

      if (category != FISCAL_CATEGORY_NONE && label != NULL && self->label[category] == NULL)
        self->label[category] = g_strdup (label);

      for (guint j = 0; children != NULL && j < json_array_get_length (children); j++)
        {
          JsonNode *child = json_array_get_element (children, j);

          if (JSON_NODE_HOLDS_OBJECT (child))
            {
              /* The older layout: 成本指标 as a 二级 of 产出, with its own children. */
              JsonObject *sub = json_node_get_object (child);
              FiscalCategory sub_category = category_from_label (json_object_get_string_member_with_default (sub, "name", NULL));
              JsonArray *grand = json_object_has_member (sub, "children") ?
                                 json_object_get_array_member (sub, "children") : NULL;

              for (guint k = 0; grand != NULL && k < json_array_get_length (grand); k++)
                add_level2 (self, sub_category != FISCAL_CATEGORY_NONE ? sub_category : category,
                            json_array_get_string_element (grand, k));
            }
          else if (category != FISCAL_CATEGORY_NONE)
            add_level2 (self, category, json_node_get_string (child));
        }
    }

  library = json_object_has_member (root, "library") ? json_object_get_array_member (root, "library") : NULL;
  for (guint i = 0; library != NULL && i < json_array_get_length (library); i++)
    {
      JsonObject *entry = json_array_get_object_element (library, i);
      FiscalIndicator *indicator = fiscal_indicator_new (NULL, NULL, NULL);

      for (guint f = 0; f < FISCAL_N_INDICATOR_FIELDS; f++)
        fiscal_indicator_set_field (indicator, f,
                                    json_object_get_string_member_with_default (entry, fiscal_indicator_field_key (f), NULL));
      g_ptr_array_add (self->library, indicator);
    }

  total = json_object_get_string_member_with_default (rules_root, "weight_total", NULL);
  if (total != NULL && !fiscal_decimal_parse (total, &self->weight_total))
    {
      g_set_error (error, FISCAL_ERROR, FISCAL_ERROR_AMOUNT_SYNTAX,
                   _("weight_total: “%s” is not a decimal number"), total);
      return NULL;
    }

  required = json_object_has_member (rules_root, "required") ?
             json_object_get_array_member (rules_root, "required") : NULL;
  for (guint i = 0; required != NULL && i < json_array_get_length (required); i++)
    self->required[category_from_label (json_array_get_string_element (required, i))] = TRUE;
  self->required[FISCAL_CATEGORY_NONE] = FALSE;
  if (json_object_get_boolean_member_with_default (rules_root, "require_satisfaction", FALSE))
    self->required[FISCAL_CATEGORY_SATISFACTION] = TRUE;

  return g_steal_pointer (&self);
}

/**
 * fiscal_framework_get_default:
 *
 * Returns: (transfer none): the framework and rule set Fiscal ships
 */
FiscalFramework *
fiscal_framework_get_default (void)
{
  static FiscalFramework *framework;

  if (g_once_init_enter (&framework))
    {
      g_autoptr(GBytes) data = g_resources_lookup_data (FRAMEWORK_RESOURCE, 0, NULL);
      g_autoptr(GBytes) rules = g_resources_lookup_data (RULES_RESOURCE, 0, NULL);
      g_autoptr(GError) error = NULL;
      FiscalFramework *loaded;

      g_assert (data != NULL && rules != NULL);
      loaded = fiscal_framework_new_from_data (g_bytes_get_data (data, NULL), g_bytes_get_size (data),
                                               g_bytes_get_data (rules, NULL), g_bytes_get_size (rules),
                                               &error);
      if (loaded == NULL)
        g_error ("The built-in target framework is broken: %s", error->message);

      g_once_init_leave (&framework, loaded);
    }

  return framework;
}

/**
 * fiscal_framework_classify:
 *
 * Returns: the standard category of an indicator filed under @level1 and
 *   @level2: by its 一级 label, or where that is nonstandard or 产出 by its
 *   二级 (a 二级 of 成本 under 产出 is 成本, as older tables file it)
 */
FiscalCategory
fiscal_framework_classify (FiscalFramework *self,
                           const char      *level1,
                           const char      *level2)
{
  FiscalCategory category = category_from_label (level1);
  g_autofree char *sub = squeeze (level2);

  g_return_val_if_fail (self != NULL, FISCAL_CATEGORY_NONE);

  if (level2 == NULL || (category != FISCAL_CATEGORY_NONE && category != FISCAL_CATEGORY_OUTPUT))
    return category;

  if (g_str_has_suffix (sub, "成本"))
    return FISCAL_CATEGORY_COST;

  if (category == FISCAL_CATEGORY_NONE)
    for (guint c = 1; c < FISCAL_N_CATEGORIES; c++)
      for (guint i = 0; i + 1 < self->level2[c]->len; i++)
        {
          g_autofree char *known = squeeze (g_ptr_array_index (self->level2[c], i));
          if (g_str_equal (known, sub))
            return c;
        }

  return category;
}

/**
 * fiscal_framework_get_level2:
 *
 * Returns: (transfer none) (array zero-terminated=1): the 二级 indicators
 *   of @category
 */
const char * const *
fiscal_framework_get_level2 (FiscalFramework *self,
                             FiscalCategory   category)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (category < FISCAL_N_CATEGORIES, NULL);
  return (const char * const *) self->level2[category]->pdata;
}

guint
fiscal_framework_get_n_library (FiscalFramework *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->library->len;
}

/**
 * fiscal_framework_new_from_library:
 *
 * Returns: (transfer full): a new indicator filled from the library entry
 *   at @position
 */
FiscalIndicator *
fiscal_framework_new_from_library (FiscalFramework *self,
                                   guint            position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->library->len, NULL);
  return fiscal_indicator_copy (g_ptr_array_index (self->library, position));
}

/**
 * fiscal_framework_get_label:
 *
 * Returns: the 一级 of @category as target tables write it ("产出指标"),
 *   from the framework's data, or its short name where the data has none
 */
const char *
fiscal_framework_get_label (FiscalFramework *self,
                            FiscalCategory   category)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (category < FISCAL_N_CATEGORIES, NULL);

  return self->label[category] ? self->label[category] : category_names[category];
}

/**
 * fiscal_framework_get_weight_total:
 *
 * Returns: what the weights of a table must add up to, in millionths
 *   (%FISCAL_DECIMAL_ONE is 1); 0 when they are not checked
 */
gint64
fiscal_framework_get_weight_total (FiscalFramework *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->weight_total;
}

void
fiscal_framework_set_weight_total (FiscalFramework *self,
                                   gint64           micro)
{
  g_return_if_fail (self != NULL);
  self->weight_total = micro;
}

gboolean
fiscal_framework_requires (FiscalFramework *self,
                           FiscalCategory   category)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (category < FISCAL_N_CATEGORIES, FALSE);
  return self->required[category];
}

void
fiscal_framework_set_requires (FiscalFramework *self,
                               FiscalCategory   category,
                               gboolean         required)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (category < FISCAL_N_CATEGORIES);
  self->required[category] = required;
}
