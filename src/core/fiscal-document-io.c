/* fiscal-document-io.c
 *
 * Reading and writing the *.fiscal.json format (docs/file-format.md).
 * Loading builds a whole document or fails with an error that names the
 * key path; it never writes. Saving writes the bytes in a fixed order to a
 * new file and renames it over the old one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-io"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fiscal-document-private.h"
#include "fiscal-document-valid.h"
#include "fiscal-error.h"
#include "fiscal-file.h"
#include "fiscal-indicator.h"
#include "fiscal-json-reader.h"
#include "fiscal-keypath-private.h"
#include "fiscal-line.h"
#include "fiscal-money.h"
#include "fiscal-profile.h"
#include "fiscal-project.h"
#include "fiscal-targets.h"
#include "fiscal-unit.h"

typedef FiscalKeyPath Where;
#define WHERE_KEY   FISCAL_KEY_PATH_KEY
#define WHERE_INDEX FISCAL_KEY_PATH_INDEX
#define fail        _fiscal_key_path_fail

static const char *
node_type_name (const FiscalJsonNode *node)
{
  switch (node->type)
    {
    case FISCAL_JSON_OBJECT:  return _("an object");
    case FISCAL_JSON_ARRAY:   return _("an array");
    case FISCAL_JSON_NULL:    return _("null");
    case FISCAL_JSON_STRING:  return _("a string");
    case FISCAL_JSON_BOOLEAN: return _("true or false");
    default:                  return _("a number");
    }
}

typedef enum
{
  EXPECT_STRING,
  EXPECT_INTEGER,
  EXPECT_OBJECT,
  EXPECT_ARRAY,
} Expect;

static const char *
expect_name (Expect expect)
{
  switch (expect)
    {
    case EXPECT_STRING:  return _("a string");
    case EXPECT_INTEGER: return _("a whole number");
    case EXPECT_OBJECT:  return _("an object");
    case EXPECT_ARRAY:   return _("an array");
    default:             g_assert_not_reached ();
    }
}

static gboolean
node_is (const FiscalJsonNode *node,
         Expect                expect)
{
  switch (expect)
    {
    case EXPECT_STRING:  return node->type == FISCAL_JSON_STRING;
    case EXPECT_INTEGER: return node->type == FISCAL_JSON_INTEGER;
    case EXPECT_OBJECT:  return node->type == FISCAL_JSON_OBJECT;
    case EXPECT_ARRAY:   return node->type == FISCAL_JSON_ARRAY;
    default:             g_assert_not_reached ();
    }
}

/* Gets @key of @object as @expect. Returns FALSE with @error set when it has
 * the wrong type, or is required and absent; TRUE with *node NULL when it is
 * optional and absent. */
static gboolean
member (const FiscalJsonNode  *object,
        const Where           *parent,
        const char            *key,
        Expect                 expect,
        gboolean               required,
        const FiscalJsonNode **node,
        GError               **error)
{
  Where where = WHERE_KEY (parent, key);

  *node = _fiscal_json_member (object, key);

  if (*node == NULL)
    {
      if (required)
        return fail (error, FISCAL_ERROR_MISSING_KEY, &where, _("required key is missing"));
      return TRUE;
    }

  if (!node_is (*node, expect))
    return fail (error, FISCAL_ERROR_WRONG_TYPE, &where, _("expected %s, found %s"),
                 expect_name (expect), node_type_name (*node));

  return TRUE;
}

static gboolean
get_string (const FiscalJsonNode  *object,
            const Where           *parent,
            const char            *key,
            gboolean               required,
            const char           **out,
            GError               **error)
{
  const FiscalJsonNode *node;

  if (!member (object, parent, key, EXPECT_STRING, required, &node, error))
    return FALSE;

  *out = node ? node->v.string : NULL;
  return TRUE;
}

/* An id: a required string that is not empty, as the model's objects are
 * made only with one. */
static gboolean
get_id (const FiscalJsonNode  *object,
        const Where           *parent,
        const char            *key,
        const char           **out,
        GError               **error)
{
  Where where = WHERE_KEY (parent, key);

  if (!get_string (object, parent, key, TRUE, out, error))
    return FALSE;

  if (**out == 0)
    return fail (error, FISCAL_ERROR_BAD_VALUE, &where, _("must not be empty"));

  return TRUE;
}

static gboolean
get_integer (const FiscalJsonNode  *object,
             const Where           *parent,
             const char            *key,
             gboolean               required,
             gint64                 min,
             gint64                 max,
             gboolean              *present,
             gint64                *out,
             GError               **error)
{
  Where where = WHERE_KEY (parent, key);
  const FiscalJsonNode *node = _fiscal_json_member (object, key);

  /* A whole number too large for a gint64 is read as no more than that. */
  if (node != NULL && node->type == FISCAL_JSON_NUMBER && node->v.overflow != 0)
    {
      g_autofree char *low = g_strdup_printf ("%" G_GINT64_FORMAT, min);
      g_autofree char *high = g_strdup_printf ("%" G_GINT64_FORMAT, max);

      return fail (error, FISCAL_ERROR_BAD_VALUE, &where,
                   node->v.overflow > 0
                   /* Translators: a whole number of too many digits, as in "the number is too large; a whole number within 1990–2200 is expected" */
                   ? _("the number is too large; a whole number within %s–%s is expected")
                   : _("the number is too small; a whole number within %s–%s is expected"),
                   low, high);
    }

  if (!member (object, parent, key, EXPECT_INTEGER, required, &node, error))
    return FALSE;

  *present = node != NULL;
  if (node == NULL)
    return TRUE;

  *out = node->v.integer;
  if (*out < min || *out > max)
    {
      g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, *out);
      g_autofree char *low = g_strdup_printf ("%" G_GINT64_FORMAT, min);
      g_autofree char *high = g_strdup_printf ("%" G_GINT64_FORMAT, max);

      /* Translators: a number outside its allowed range, as "1800 is outside 1990–2200" */
      return fail (error, FISCAL_ERROR_BAD_VALUE, &where, _("%s is outside %s–%s"), value, low, high);
    }

  return TRUE;
}

/* Money (fen) or area (0.01 m²): both are decimal strings with at most two
 * decimals. */
static gboolean
get_decimal (const FiscalJsonNode  *object,
             const Where           *parent,
             const char            *key,
             gboolean               required,
             gboolean              *present,
             gint64                *out,
             GError               **error)
{
  Where where = WHERE_KEY (parent, key);
  g_autoptr(GError) local_error = NULL;
  const char *text;

  if (!get_string (object, parent, key, required, &text, error))
    return FALSE;

  *present = text != NULL;
  if (text == NULL)
    return TRUE;

  if (!fiscal_money_parse (text, out, &local_error))
    return fail (error, local_error->code, &where, "%s", local_error->message);

  return TRUE;
}

/* Refuses keys the format does not have, so that a misspelt key is an
 * error and not silently dropped on the next save. */
static gboolean
check_keys (const FiscalJsonNode  *object,
            const Where           *where,
            const char * const    *known,
            GError               **error)
{
  for (const FiscalJsonNode *child = _fiscal_json_first (object); child; child = _fiscal_json_next (object, child))
    {
      if (!g_strv_contains (known, child->key))
        {
          Where here = WHERE_KEY (where, child->key);
          return fail (error, FISCAL_ERROR_BAD_VALUE, &here, _("unknown key"));
        }
    }

  return TRUE;
}

static gboolean
read_units (FiscalDocument        *doc,
            const FiscalJsonNode  *root,
            const Where           *top,
            GError               **error)
{
  static const char * const keys[] = { "id", "name", "code", NULL };
  Where where = WHERE_KEY (top, "units");
  const FiscalJsonNode *node, *array, *element;
  guint i;

  if (!member (root, top, "units", EXPECT_ARRAY, TRUE, &node, error))
    return FALSE;

  array = node;
  for (element = _fiscal_json_first (array), i = 0; element != NULL; element = _fiscal_json_next (array, element), i++)
    {
      Where item = WHERE_INDEX (&where, i);
      g_autoptr(FiscalUnit) unit = NULL;
      const FiscalJsonNode *obj;
      const char *id, *name, *code;

      if (!node_is (element, EXPECT_OBJECT))
        return fail (error, FISCAL_ERROR_WRONG_TYPE, &item, _("expected %s, found %s"),
                     expect_name (EXPECT_OBJECT), node_type_name (element));

      obj = element;
      if (!check_keys (obj, &item, keys, error) ||
          !get_id (obj, &item, "id", &id, error) ||
          !get_string (obj, &item, "name", TRUE, &name, error) ||
          !get_string (obj, &item, "code", FALSE, &code, error))
        return FALSE;

      unit = fiscal_unit_new (id, name);
      fiscal_unit_set_code (unit, code);
      fiscal_document_add_unit (doc, unit);
    }

  return TRUE;
}

static gboolean
read_vehicles (FiscalProfile         *profile,
               const FiscalJsonNode  *assets,
               const Where           *parent,
               GError               **error)
{
  static const char * const keys[] = { "kind", "count", "value", NULL };
  Where where = WHERE_KEY (parent, "vehicles");
  const FiscalJsonNode *node, *array, *element;
  guint i;

  if (!member (assets, parent, "vehicles", EXPECT_ARRAY, FALSE, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  array = node;
  for (element = _fiscal_json_first (array), i = 0; element != NULL; element = _fiscal_json_next (array, element), i++)
    {
      Where item = WHERE_INDEX (&where, i);
      const FiscalJsonNode *obj;
      const char *kind;
      gint64 count = 0, value = 0;
      gboolean present;

      if (!node_is (element, EXPECT_OBJECT))
        return fail (error, FISCAL_ERROR_WRONG_TYPE, &item, _("expected %s, found %s"),
                     expect_name (EXPECT_OBJECT), node_type_name (element));

      obj = element;
      if (!check_keys (obj, &item, keys, error) ||
          !get_string (obj, &item, "kind", TRUE, &kind, error) ||
          !get_integer (obj, &item, "count", TRUE, 0, FISCAL_COUNT_MAX, &present, &count, error) ||
          !get_decimal (obj, &item, "value", FALSE, &present, &value, error))
        return FALSE;

      fiscal_profile_add_vehicle (profile, kind, count, value);
    }

  return TRUE;
}

static gboolean
read_profile (FiscalDocument        *doc,
              const FiscalJsonNode  *root,
              const Where           *top,
              GError               **error)
{
  FiscalProfile *profile = fiscal_document_get_profile (doc);
  Where where = WHERE_KEY (top, "profile");
  const FiscalJsonNode *node;
  const FiscalJsonNode *obj;
  g_autoptr(GPtrArray) top_keys = g_ptr_array_new ();

  if (!member (root, top, "profile", EXPECT_OBJECT, FALSE, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  obj = node;

  for (guint f = 0; f < FISCAL_N_PROFILE_FIELDS; f++)
    {
      const FiscalProfileFieldInfo *info = fiscal_profile_field_info (f);
      const char *outer_key = info->group ? info->group : info->key;
      const FiscalJsonNode *container = obj;
      Where group_where = WHERE_KEY (&where, info->group);
      const Where *parent = &where;
      gboolean present = FALSE;
      gint64 number = 0;
      const char *text = NULL;

      if (!g_ptr_array_find_with_equal_func (top_keys, outer_key, g_str_equal, NULL))
        g_ptr_array_add (top_keys, (gpointer) outer_key);

      if (info->group != NULL)
        {
          const FiscalJsonNode *group;

          if (!member (obj, &where, info->group, EXPECT_OBJECT, FALSE, &group, error))
            return FALSE;
          if (group == NULL)
            continue;
          container = group;
          parent = &group_where;

          /* Check the group's keys once, at its first field. */
          if (f == 0 || g_strcmp0 (fiscal_profile_field_info (f - 1)->group, info->group) != 0)
            {
              g_autoptr(GPtrArray) known = g_ptr_array_new ();

              for (guint g = f; g < FISCAL_N_PROFILE_FIELDS; g++)
                if (g_strcmp0 (fiscal_profile_field_info (g)->group, info->group) == 0)
                  g_ptr_array_add (known, (gpointer) fiscal_profile_field_info (g)->key);
              g_ptr_array_add (known, NULL);

              if (!check_keys (container, parent, (const char * const *) known->pdata, error))
                return FALSE;
            }
        }

      switch (info->type)
        {
        case FISCAL_FIELD_TEXT:
          if (!get_string (container, parent, info->key, FALSE, &text, error))
            return FALSE;
          if (text != NULL)
            fiscal_profile_set_text (profile, f, text);
          break;

        case FISCAL_FIELD_DATE:
          if (!get_string (container, parent, info->key, FALSE, &text, error))
            return FALSE;
          if (text != NULL)
            fiscal_profile_set_text (profile, f, text);
          break;

        case FISCAL_FIELD_COUNT:
        case FISCAL_FIELD_CHANGE:
          if (!get_integer (container, parent, info->key, FALSE,
                            info->type == FISCAL_FIELD_COUNT ? 0 : -FISCAL_COUNT_MAX, FISCAL_COUNT_MAX,
                            &present, &number, error))
            return FALSE;
          if (present)
            fiscal_profile_set_number (profile, f, number);
          break;

        case FISCAL_FIELD_MONEY:
        case FISCAL_FIELD_AREA:
          if (!get_decimal (container, parent, info->key, FALSE, &present, &number, error))
            return FALSE;
          if (present)
            fiscal_profile_set_number (profile, f, number);
          break;

        case FISCAL_FIELD_VEHICLES:
          if (!read_vehicles (profile, container, parent, error))
            return FALSE;
          break;

        default:
          g_assert_not_reached ();
        }
    }

  g_ptr_array_add (top_keys, NULL);
  return check_keys (obj, &where, (const char * const *) top_keys->pdata, error);
}

static gboolean
read_indicators (FiscalTargets         *targets,
                 const FiscalJsonNode  *object,
                 const Where           *parent,
                 GError               **error)
{
  const char *keys[FISCAL_N_INDICATOR_FIELDS + 1] = { NULL };
  Where where = WHERE_KEY (parent, "indicators");
  const FiscalJsonNode *node, *array, *element;
  guint i;

  for (guint f = 0; f < FISCAL_N_INDICATOR_FIELDS; f++)
    keys[f] = fiscal_indicator_field_key (f);

  if (!member (object, parent, "indicators", EXPECT_ARRAY, FALSE, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  array = node;
  for (element = _fiscal_json_first (array), i = 0; element != NULL; element = _fiscal_json_next (array, element), i++)
    {
      Where item = WHERE_INDEX (&where, i);
      g_autoptr(FiscalIndicator) indicator = NULL;
      const FiscalJsonNode *obj;

      if (!node_is (element, EXPECT_OBJECT))
        return fail (error, FISCAL_ERROR_WRONG_TYPE, &item, _("expected %s, found %s"),
                     expect_name (EXPECT_OBJECT), node_type_name (element));

      obj = element;
      if (!check_keys (obj, &item, keys, error))
        return FALSE;

      indicator = fiscal_indicator_new (NULL, NULL, NULL);
      for (guint f = 0; f < FISCAL_N_INDICATOR_FIELDS; f++)
        {
          Where field = WHERE_KEY (&item, keys[f]);
          FiscalOperator op;
          const char *text;

          if (!get_string (obj, &item, keys[f], FALSE, &text, error))
            return FALSE;

          if (text == NULL || *text == 0)
            continue;

          /* The model holds no other operator; what the other fields
           * must be is a rule of a valid budget. */
          if (f == FISCAL_INDICATOR_OPERATOR && !fiscal_operator_from_string (text, &op))
            return fail (error, FISCAL_ERROR_BAD_VALUE, &field,
                         _("“%s” is not one of >=, <=, =, >, <"), text);

          fiscal_indicator_set_field (indicator, f, text);
        }

      fiscal_targets_add_indicator (targets, indicator);
    }

  return TRUE;
}

/* A "targets" object: the department's (with its goal) or a project's. */
static gboolean
read_targets (FiscalTargets         *targets,
              const FiscalJsonNode  *object,
              const Where           *parent,
              GError               **error)
{
  static const char * const department_keys[] = { "goal", "funds", "indicators", NULL };
  static const char * const project_keys[] = { "funds", "indicators", NULL };
  FiscalTargetsScope scope = fiscal_targets_get_scope (targets);
  const FiscalFund *funds = fiscal_targets_scope_funds (scope);
  const char *fund_keys[FISCAL_N_FUNDS + 1] = { NULL };
  Where where = WHERE_KEY (parent, "targets");
  Where funds_where = WHERE_KEY (&where, "funds");
  const FiscalJsonNode *obj, *funds_obj;
  const FiscalJsonNode *node;
  const char *goal = NULL;

  if (!member (object, parent, "targets", EXPECT_OBJECT, FALSE, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  obj = node;
  if (!check_keys (obj, &where, scope == FISCAL_TARGETS_DEPARTMENT ? department_keys : project_keys, error))
    return FALSE;

  if (scope == FISCAL_TARGETS_DEPARTMENT)
    {
      if (!get_string (obj, &where, "goal", FALSE, &goal, error))
        return FALSE;
      fiscal_targets_set_goal (targets, goal);
    }

  if (!member (obj, &where, "funds", EXPECT_OBJECT, FALSE, &node, error))
    return FALSE;

  if (node != NULL)
    {
      for (guint i = 0; funds[i] != FISCAL_N_FUNDS; i++)
        fund_keys[i] = fiscal_fund_key (funds[i]);

      funds_obj = node;
      if (!check_keys (funds_obj, &funds_where, fund_keys, error))
        return FALSE;

      for (guint i = 0; funds[i] != FISCAL_N_FUNDS; i++)
        {
          gboolean present;
          gint64 amount = 0;

          if (!get_decimal (funds_obj, &funds_where, fund_keys[i], FALSE, &present, &amount, error))
            return FALSE;
          fiscal_targets_set_fund (targets, funds[i], amount);
        }
    }

  return read_indicators (targets, obj, &where, error);
}

static gboolean
read_projects (FiscalDocument        *doc,
               const FiscalJsonNode  *root,
               const Where           *top,
               GError               **error)
{
  const char *keys[FISCAL_N_PROJECT_FIELDS + 2] = { NULL };
  Where where = WHERE_KEY (top, "projects");
  const FiscalJsonNode *node, *array, *element;
  guint i;

  for (guint f = 0; f < FISCAL_N_PROJECT_FIELDS; f++)
    keys[f] = fiscal_project_field_key (f);
  keys[FISCAL_N_PROJECT_FIELDS] = "targets";

  if (!member (root, top, "projects", EXPECT_ARRAY, FALSE, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  array = node;
  for (element = _fiscal_json_first (array), i = 0; element != NULL; element = _fiscal_json_next (array, element), i++)
    {
      Where item = WHERE_INDEX (&where, i);
      g_autoptr(FiscalProject) project = NULL;
      const FiscalJsonNode *obj;
      const char *id, *name;

      if (!node_is (element, EXPECT_OBJECT))
        return fail (error, FISCAL_ERROR_WRONG_TYPE, &item, _("expected %s, found %s"),
                     expect_name (EXPECT_OBJECT), node_type_name (element));

      obj = element;
      if (!check_keys (obj, &item, keys, error) ||
          !get_id (obj, &item, "id", &id, error) ||
          !get_string (obj, &item, "name", TRUE, &name, error))
        return FALSE;

      project = fiscal_project_new (id, name);

      for (guint f = FISCAL_PROJECT_NAME + 1; f < FISCAL_N_PROJECT_FIELDS; f++)
        {
          const char *text;

          if (!get_string (obj, &item, keys[f], FALSE, &text, error))
            return FALSE;
          fiscal_project_set_field (project, f, text);
        }

      if (!read_targets (fiscal_project_get_targets (project), obj, &item, error))
        return FALSE;

      fiscal_document_add_project (doc, project);
    }

  return TRUE;
}

static gboolean
read_lines (FiscalDocument        *doc,
            const FiscalJsonNode  *root,
            const Where           *top,
            GPtrArray            **out,
            GError               **error)
{
  static const char * const keys[] = {
    "id", "unit", "function", "economic", "kind", "project", "source", "amount", "note", NULL
  };
  Where where = WHERE_KEY (top, "lines");
  g_autoptr(GPtrArray) lines = NULL;
  const FiscalJsonNode *node, *array, *element;
  guint i;

  if (!member (root, top, "lines", EXPECT_ARRAY, FALSE, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  array = node;
  lines = g_ptr_array_new_full (array->v.length, g_object_unref);

  for (element = _fiscal_json_first (array), i = 0; element != NULL; element = _fiscal_json_next (array, element), i++)
    {
      Where item = WHERE_INDEX (&where, i);
      FiscalLine *line;
      const FiscalJsonNode *obj;
      const char *id, *unit, *function, *economic, *kind_str, *project, *source_str, *note;
      FiscalKind kind;
      FiscalSource source;
      gint64 amount;
      gboolean present;

      if (!node_is (element, EXPECT_OBJECT))
        return fail (error, FISCAL_ERROR_WRONG_TYPE, &item, _("expected %s, found %s"),
                     expect_name (EXPECT_OBJECT), node_type_name (element));

      obj = element;
      if (!get_id (obj, &item, "id", &id, error) ||
          !get_string (obj, &item, "unit", TRUE, &unit, error) ||
          !get_string (obj, &item, "function", TRUE, &function, error) ||
          !get_string (obj, &item, "economic", FALSE, &economic, error) ||
          !get_string (obj, &item, "kind", TRUE, &kind_str, error))
        return FALSE;

      if (!fiscal_kind_from_string (kind_str, &kind))
        {
          Where field = WHERE_KEY (&item, "kind");
          return fail (error, FISCAL_ERROR_BAD_VALUE, &field,
                       _("“%s” is not a kind (personnel, public or project)"), kind_str);
        }

      /* That a project line names a project that exists is a rule of a
       * valid budget; that no other line names one is the file's. */
      if (!get_string (obj, &item, "project", FALSE, &project, error))
        return FALSE;

      if (project != NULL && kind != FISCAL_KIND_PROJECT)
        {
          Where field = WHERE_KEY (&item, "project");
          return fail (error, FISCAL_ERROR_BAD_VALUE, &field,
                       _("only a project line can name a project"));
        }

      if (!get_string (obj, &item, "source", TRUE, &source_str, error))
        return FALSE;

      if (!fiscal_source_from_string (source_str, &source))
        {
          Where field = WHERE_KEY (&item, "source");
          return fail (error, FISCAL_ERROR_BAD_VALUE, &field,
                       _("“%s” is not a funding source"), source_str);
        }

      if (!get_decimal (obj, &item, "amount", TRUE, &present, &amount, error) ||
          !get_string (obj, &item, "note", FALSE, &note, error))
        return FALSE;

      /* A line of a million: look for unknown keys only when there are
       * more members than the known ones found. */
      if (obj->v.length > 6u + (economic != NULL) + (project != NULL) + (note != NULL) &&
          !check_keys (obj, &item, keys, error))
        return FALSE;

      line = fiscal_line_new_full (id, unit, function, economic, kind, project, source, amount);
      fiscal_line_set_note (line, note);
      g_ptr_array_add (lines, line);
      _fiscal_document_note_line_id (doc, id);
    }

  fiscal_document_insert_lines (doc, 0, (FiscalLine **) lines->pdata, lines->len);
  *out = g_steal_pointer (&lines);

  return TRUE;
}

static gboolean
read_explanations (FiscalDocument        *doc,
                   const FiscalJsonNode  *root,
                   const Where           *top,
                   GError               **error)
{
  Where where = WHERE_KEY (top, "explanations");
  const FiscalJsonNode *object, *node;

  if (!member (root, top, "explanations", EXPECT_OBJECT, FALSE, &object, error))
    return FALSE;
  if (object == NULL)
    return TRUE;

  for (node = _fiscal_json_first (object); node != NULL; node = _fiscal_json_next (object, node))
    {
      Where item = WHERE_KEY (&where, node->key);

      if (!node_is (node, EXPECT_STRING))
        return fail (error, FISCAL_ERROR_WRONG_TYPE, &item, _("expected %s, found %s"),
                     expect_name (EXPECT_STRING), node_type_name (node));

      fiscal_document_set_explanation (doc, node->key, node->v.string);
    }

  return TRUE;
}

static gboolean
read_document (FiscalDocument        *doc,
               const FiscalJsonNode  *root,
               GError               **error)
{
  static const char * const keys[] = {
    "format", "version", "year", "disclosure", "department", "prior", "units", "profile",
    "projects", "lines", "explanations", "targets", NULL
  };
  static const char * const department_keys[] = { "name", "code", NULL };
  Where department_where = WHERE_KEY (NULL, "department");
  const char *format, *name, *code, *prior, *disclosure;
  const FiscalJsonNode *node;
  const FiscalJsonNode *department;
  g_autoptr(GPtrArray) lines = NULL;
  gint64 version = 0, year = 0;
  gboolean present;

  if (!get_string (root, NULL, "format", TRUE, &format, error))
    return FALSE;
  if (!g_str_equal (format, FISCAL_DOCUMENT_FORMAT))
    return fail (error, FISCAL_ERROR_UNKNOWN_FORMAT, &WHERE_KEY (NULL, "format"),
                 _("“%s” is not a Fiscal budget"), format);

  if (!get_integer (root, NULL, "version", TRUE, G_MININT64, G_MAXINT64, &present, &version, error))
    return FALSE;
  if (version != FISCAL_DOCUMENT_VERSION)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, version);

      return fail (error, FISCAL_ERROR_UNKNOWN_VERSION, &WHERE_KEY (NULL, "version"),
                   _("version %s cannot be read; this Fiscal reads version %d"),
                   number, FISCAL_DOCUMENT_VERSION);
    }

  if (!check_keys (root, NULL, keys, error) ||
      !get_integer (root, NULL, "year", TRUE, FISCAL_YEAR_MIN, FISCAL_YEAR_MAX, &present, &year, error) ||
      !member (root, NULL, "department", EXPECT_OBJECT, TRUE, &node, error))
    return FALSE;

  department = node;
  if (!check_keys (department, &department_where, department_keys, error) ||
      !get_string (department, &department_where, "name", TRUE, &name, error) ||
      !get_string (department, &department_where, "code", FALSE, &code, error) ||
      !get_string (root, NULL, "prior", FALSE, &prior, error) ||
      !get_string (root, NULL, "disclosure", FALSE, &disclosure, error))
    return FALSE;

  fiscal_document_set_year (doc, year);
  fiscal_document_set_department_name (doc, name);
  fiscal_document_set_department_code (doc, code);
  fiscal_document_set_prior_path (doc, prior);
  fiscal_document_set_format_id (doc, disclosure);

  /* What the file holds is read; whether it is a budget is then asked
   * of the model, by the same rules as before any save. */
  return read_units (doc, root, NULL, error) &&
         read_profile (doc, root, NULL, error) &&
         read_projects (doc, root, NULL, error) &&
         read_lines (doc, root, NULL, &lines, error) &&
         read_explanations (doc, root, NULL, error) &&
         read_targets (fiscal_document_get_targets (doc), root, NULL, error) &&
         _fiscal_document_check_valid (doc, TRUE, lines, error);
}

/* Reads the budget in @data, which it takes and changes. */
static FiscalDocument *
load_take (char    *data,
           gsize    length,
           GError **error)
{
  g_autoptr(FiscalDocument) doc = NULL;
  g_autoptr(FiscalJsonTree) tree = NULL;
  g_autofree char *owned = data;
  const FiscalJsonNode *root;
  const char *bad = NULL;

  if (!g_utf8_validate_len (data, length, &bad))
    {
      guint line = 1;

      for (const char *q = data; q < bad; q++)
        line += (*q == '\n');
      g_set_error (error, FISCAL_ERROR, FISCAL_ERROR_NOT_UTF8,
                   _("line %u: the text is not UTF-8 (byte %lu)"),
                   line, (gulong) (bad - data) + 1);
      return NULL;
    }

  tree = _fiscal_json_tree_new_take (g_steal_pointer (&owned), length, error);
  if (tree == NULL)
    return NULL;

  root = _fiscal_json_tree_root (tree);
  if (root->type != FISCAL_JSON_OBJECT)
    {
      g_set_error (error, FISCAL_ERROR, FISCAL_ERROR_WRONG_TYPE,
                   _("line 1: the document must be a JSON object, found %s"),
                   node_type_name (root));
      return NULL;
    }

  doc = g_object_new (FISCAL_TYPE_DOCUMENT, NULL);
  fiscal_document_freeze_changed (doc);
  if (!read_document (doc, root, error))
    return NULL;
  fiscal_document_thaw_changed (doc);
  fiscal_document_clear_history (doc);

  return g_steal_pointer (&doc);
}

/**
 * fiscal_document_load_from_data:
 * @data: the bytes of a *.fiscal.json file
 *
 * Returns: (transfer full): the document, or %NULL with @error set in the
 *   %FISCAL_ERROR domain; the message names the key path of the fault
 */
FiscalDocument *
fiscal_document_load_from_data (const char  *data,
                                gsize        length,
                                GError     **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  /* Refused before anything is copied. */
  if (!_fiscal_json_check_size (length, error))
    return NULL;

  /* the copy ends in a NUL, so that it is never NULL, even of nothing */
  {
    char *copy = g_malloc (length + 1);

    if (length > 0)
      memcpy (copy, data, length);
    copy[length] = 0;
    return load_take (copy, length, error);
  }
}

/* Reads all of @file, refusing one larger than a budget may be before
 * reading it when its size is known, and as soon as it has read more
 * otherwise. */
static gboolean
load_contents (GFile         *file,
               GCancellable  *cancellable,
               char         **contents,
               gsize         *length,
               GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *buffer = NULL;
  gsize allocated = 64 * 1024;
  gsize filled = 0;

  if (!(stream = g_file_read (file, cancellable, error)))
    return FALSE;

  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    {
      goffset size = g_file_info_get_size (info);

      if (size > 0 && !_fiscal_json_check_size (size, error))
        return FALSE;
      /* One more byte, to see the end without growing. */
      if (size > 0)
        allocated = size + 1;
    }

  buffer = g_malloc (allocated + 1);
  for (;;)
    {
      gssize n;

      if (filled == allocated)
        {
          if (!_fiscal_json_check_size (filled, error))
            return FALSE;
          allocated = MIN (allocated * 2, FISCAL_JSON_MAX_BYTES + 1);
          buffer = g_realloc (buffer, allocated + 1);
        }

      n = g_input_stream_read (G_INPUT_STREAM (stream), buffer + filled, allocated - filled,
                               cancellable, error);
      if (n < 0)
        return FALSE;
      if (n == 0)
        break;
      filled += n;
    }

  if (!_fiscal_json_check_size (filled, error) ||
      !g_input_stream_close (G_INPUT_STREAM (stream), cancellable, error))
    return FALSE;

  buffer[filled] = 0;
  *contents = g_steal_pointer (&buffer);
  *length = filled;
  return TRUE;
}

/**
 * fiscal_document_load:
 *
 * Reads @file. The file is only read, whatever happens.
 *
 * Returns: (transfer full): the document, or %NULL with @error set; errors
 *   of the file's content are in the %FISCAL_ERROR domain and their
 *   message begins with the file's name
 */
FiscalDocument *
fiscal_document_load (GFile         *file,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  FiscalDocument *doc;
  char *contents = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* The text is read once, in place, and freed with what was read from it.
   * The system's errors are given as they are; a file too large is a fault
   * of its content. */
  if (load_contents (file, cancellable, &contents, &length, &local_error))
    doc = load_take (contents, length, &local_error);
  else if (local_error->domain == FISCAL_ERROR)
    doc = NULL;
  else
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (doc == NULL)
    {
      name = g_file_get_basename (file);
      g_set_error (error, local_error->domain, local_error->code,
                   "%s: %s", name, local_error->message);
      return NULL;
    }

  fiscal_document_set_file (doc, file);
  return doc;
}

/* Writing */

static void
write_string (GString    *out,
              const char *str)
{
  const guchar *run = (const guchar *) str;

  g_string_append_c (out, '"');
  for (const guchar *p = run;; p++)
    {
      if (*p >= 0x20 && *p != '"' && *p != '\\')
        continue;

      /* What needs no escape goes in one piece: a budget's text is
       * mostly that, and a save of 100,000 lines is mostly its text. */
      g_string_append_len (out, (const char *) run, p - run);
      run = p + 1;
      switch (*p)
        {
        case '\0': g_string_append_c (out, '"'); return;
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:   g_string_append_printf (out, "\\u%04x", *p); break;
        }
    }
}

typedef struct
{
  GString *out;
  guint    depth;
  gboolean first;
  gboolean inline_;
} Writer;

static void
writer_newline (Writer *w)
{
  if (w->inline_)
    {
      g_string_append_c (w->out, ' ');
      return;
    }

  g_string_append_c (w->out, '\n');
  for (guint i = 0; i < w->depth; i++)
    g_string_append (w->out, "  ");
}

static void
writer_key (Writer     *w,
            const char *key)
{
  if (!w->first)
    g_string_append_c (w->out, ',');
  w->first = FALSE;
  writer_newline (w);
  if (key != NULL)
    {
      write_string (w->out, key);
      g_string_append (w->out, ": ");
    }
}

static void
writer_open (Writer     *w,
             const char *key,
             char        bracket,
             gboolean    inline_)
{
  writer_key (w, key);
  g_string_append_c (w->out, bracket);
  w->depth++;
  w->first = TRUE;
  w->inline_ = inline_;
}

static void
writer_close (Writer *w,
              char    bracket)
{
  gboolean was_empty = w->first;

  w->depth--;
  if (!was_empty)
    writer_newline (w);
  g_string_append_c (w->out, bracket);
  w->first = FALSE;
  w->inline_ = FALSE;
}

static void
writer_string (Writer     *w,
               const char *key,
               const char *value)
{
  if (value == NULL)
    return;
  writer_key (w, key);
  write_string (w->out, value);
}

static void
writer_int (Writer     *w,
            const char *key,
            gint64      value)
{
  writer_key (w, key);
  g_string_append_printf (w->out, "%" G_GINT64_FORMAT, value);
}

static void
writer_decimal (Writer     *w,
                const char *key,
                gint64      value)
{
  g_autofree char *text = fiscal_money_format_yuan (value);
  writer_string (w, key, text);
}

static void
write_profile (Writer        *w,
               FiscalProfile *profile)
{
  const char *open_group = NULL;
  gboolean any = FALSE;

  for (guint f = 0; f < FISCAL_N_PROFILE_FIELDS && !any; f++)
    any = fiscal_profile_is_set (profile, f);
  if (!any)
    return;

  writer_open (w, "profile", '{', FALSE);

  for (guint f = 0; f < FISCAL_N_PROFILE_FIELDS; f++)
    {
      const FiscalProfileFieldInfo *info = fiscal_profile_field_info (f);

      if (!fiscal_profile_is_set (profile, f))
        continue;

      if (g_strcmp0 (open_group, info->group) != 0)
        {
          if (open_group != NULL)
            writer_close (w, '}');
          if (info->group != NULL)
            writer_open (w, info->group, '{', FALSE);
          open_group = info->group;
        }

      switch (info->type)
        {
        case FISCAL_FIELD_TEXT:
        case FISCAL_FIELD_DATE:
          writer_string (w, info->key, fiscal_profile_get_text (profile, f));
          break;

        case FISCAL_FIELD_COUNT:
        case FISCAL_FIELD_CHANGE:
          writer_int (w, info->key, fiscal_profile_get_number (profile, f));
          break;

        case FISCAL_FIELD_MONEY:
        case FISCAL_FIELD_AREA:
          writer_decimal (w, info->key, fiscal_profile_get_number (profile, f));
          break;

        case FISCAL_FIELD_VEHICLES:
          writer_open (w, info->key, '[', FALSE);
          for (guint i = 0; i < fiscal_profile_get_n_vehicles (profile); i++)
            {
              const FiscalVehicle *v = fiscal_profile_get_vehicle (profile, i);

              writer_open (w, NULL, '{', TRUE);
              writer_string (w, "kind", v->kind);
              writer_int (w, "count", v->count);
              writer_decimal (w, "value", v->value);
              writer_close (w, '}');
            }
          writer_close (w, ']');
          break;

        default:
          g_assert_not_reached ();
        }
    }

  if (open_group != NULL)
    writer_close (w, '}');
  writer_close (w, '}');
}

static void
write_targets (Writer        *w,
               FiscalTargets *targets)
{
  const FiscalFund *funds = fiscal_targets_scope_funds (fiscal_targets_get_scope (targets));
  GListModel *indicators = fiscal_targets_get_indicators (targets);
  guint n = g_list_model_get_n_items (indicators);

  if (fiscal_targets_is_empty (targets))
    return;

  writer_open (w, "targets", '{', FALSE);
  if (fiscal_targets_get_scope (targets) == FISCAL_TARGETS_DEPARTMENT)
    writer_string (w, "goal", fiscal_targets_get_goal (targets));

  writer_open (w, "funds", '{', TRUE);
  for (guint i = 0; funds[i] != FISCAL_N_FUNDS; i++)
    writer_decimal (w, fiscal_fund_key (funds[i]), fiscal_targets_get_fund (targets, funds[i]));
  writer_close (w, '}');

  if (n > 0)
    {
      writer_open (w, "indicators", '[', FALSE);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(FiscalIndicator) indicator = g_list_model_get_item (indicators, i);

          writer_open (w, NULL, '{', TRUE);
          for (guint f = 0; f < FISCAL_N_INDICATOR_FIELDS; f++)
            writer_string (w, fiscal_indicator_field_key (f), fiscal_indicator_get_field (indicator, f));
          writer_close (w, '}');
        }
      writer_close (w, ']');
    }

  writer_close (w, '}');
}

/**
 * fiscal_document_to_bytes:
 *
 * Serializes the document. The same document always gives the same bytes:
 * keys in a fixed order, explanations sorted, amounts as exact 元 strings,
 * one line of text for each budget line.
 *
 * Returns: (transfer full): the UTF-8 JSON text
 */
GBytes *
fiscal_document_to_bytes (FiscalDocument *self)
{
  GListModel *units, *projects, *lines;
  g_auto(GStrv) keys = NULL;
  Writer w = { 0 };
  guint n;

  g_return_val_if_fail (FISCAL_IS_DOCUMENT (self), NULL);

  units = fiscal_document_get_units (self);
  projects = fiscal_document_get_projects (self);
  lines = fiscal_document_get_lines (self);

  w.out = g_string_sized_new (4096 + 160 * g_list_model_get_n_items (lines));
  w.first = TRUE;
  g_string_append_c (w.out, '{');
  w.depth = 1;

  writer_string (&w, "format", FISCAL_DOCUMENT_FORMAT);
  writer_int (&w, "version", FISCAL_DOCUMENT_VERSION);
  writer_int (&w, "year", fiscal_document_get_year (self));
  /* The format is named when it is not the default (fiscal-format.h). */
  if (!g_str_equal (fiscal_document_get_format_id (self), FISCAL_FORMAT_DEFAULT))
    writer_string (&w, "disclosure", fiscal_document_get_format_id (self));

  writer_open (&w, "department", '{', FALSE);
  writer_string (&w, "name", fiscal_document_get_department_name (self) ?: "");
  writer_string (&w, "code", fiscal_document_get_department_code (self));
  writer_close (&w, '}');

  writer_string (&w, "prior", fiscal_document_get_prior_path (self));

  writer_open (&w, "units", '[', FALSE);
  n = g_list_model_get_n_items (units);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FiscalUnit) unit = g_list_model_get_item (units, i);

      writer_open (&w, NULL, '{', TRUE);
      writer_string (&w, "id", fiscal_unit_get_id (unit));
      writer_string (&w, "name", fiscal_unit_get_name (unit) ?: "");
      writer_string (&w, "code", fiscal_unit_get_code (unit));
      writer_close (&w, '}');
    }
  writer_close (&w, ']');

  write_profile (&w, fiscal_document_get_profile (self));

  n = g_list_model_get_n_items (projects);
  if (n > 0)
    {
      writer_open (&w, "projects", '[', FALSE);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(FiscalProject) project = g_list_model_get_item (projects, i);

          writer_open (&w, NULL, '{', FALSE);
          for (guint f = 0; f < FISCAL_N_PROJECT_FIELDS; f++)
            writer_string (&w, fiscal_project_field_key (f), fiscal_project_get_field (project, f));
          write_targets (&w, fiscal_project_get_targets (project));
          writer_close (&w, '}');
        }
      writer_close (&w, ']');
    }

  n = g_list_model_get_n_items (lines);
  if (n > 0)
    {
      writer_open (&w, "lines", '[', FALSE);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(FiscalLine) line = g_list_model_get_item (lines, i);

          writer_open (&w, NULL, '{', TRUE);
          writer_string (&w, "id", fiscal_line_get_id (line));
          writer_string (&w, "unit", fiscal_line_get_unit (line) ?: "");
          writer_string (&w, "function", fiscal_line_get_function (line) ?: "");
          writer_string (&w, "economic", fiscal_line_get_economic (line));
          writer_string (&w, "kind", fiscal_kind_to_string (fiscal_line_get_kind (line)));
          /* Only a project line names its project (the file format says so). */
          if (fiscal_line_get_kind (line) == FISCAL_KIND_PROJECT)
            writer_string (&w, "project", fiscal_line_get_project (line));
          writer_string (&w, "source", fiscal_source_to_string (fiscal_line_get_source (line)));
          writer_decimal (&w, "amount", fiscal_line_get_amount (line));
          writer_string (&w, "note", fiscal_line_get_note (line));
          writer_close (&w, '}');
        }
      writer_close (&w, ']');
    }

  keys = fiscal_document_list_explanations (self);
  if (keys[0] != NULL)
    {
      writer_open (&w, "explanations", '{', FALSE);
      for (guint i = 0; keys[i]; i++)
        writer_string (&w, keys[i], fiscal_document_get_explanation (self, keys[i]));
      writer_close (&w, '}');
    }

  write_targets (&w, fiscal_document_get_targets (self));

  writer_close (&w, '}');
  g_string_append_c (w.out, '\n');

  return g_string_free_to_bytes (w.out);
}

/* The link to the prior year as it must read from @file's folder, or
 * NULL when it reads right as it is. */
static char *
prior_path_from (FiscalDocument *self,
                 GFile          *file)
{
  const char *link = fiscal_document_get_prior_path (self);
  GFile *current = fiscal_document_get_file (self);
  g_autoptr(GFile) old_dir = NULL;
  g_autoptr(GFile) prior = NULL;
  g_autoptr(GFile) dir = g_file_get_parent (file);
  char *path;

  if (link == NULL || dir == NULL)
    return NULL;

  /* Where the link points now, as fiscal_document_load_prior() reads it. */
  old_dir = current != NULL ? g_file_get_parent (current) : g_file_new_for_path (".");
  prior = g_file_resolve_relative_path (old_dir, link);

  if ((path = g_file_get_relative_path (dir, prior)) == NULL)
    path = g_file_get_path (prior);
  if (path == NULL || g_strcmp0 (path, link) == 0)
    {
      g_free (path);
      return NULL;
    }

  return path;
}

/**
 * fiscal_document_save:
 *
 * Writes the document to @file atomically: the bytes go to a new file that
 * is synced and then renamed over @file, so an interrupted save leaves the
 * old file whole. The file keeps its mode; when @file is a symbolic link,
 * the file it points to is replaced and the link stays. On success the
 * document's file becomes @file. A budget that is not valid
 * (fiscal_document_check_valid()) is not written: the error names the
 * fault.
 */
gboolean
fiscal_document_save (FiscalDocument  *self,
                      GFile           *file,
                      GCancellable    *cancellable,
                      GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) invalid = NULL;
  g_autofree char *path = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (FISCAL_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* Nothing is written that would not open again. */
  if (!fiscal_document_check_valid (self, &invalid))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, FISCAL_ERROR, invalid->code,
                   _("“%s” was not saved: the budget is not valid: %s"), name, invalid->message);
      return FALSE;
    }

  /* The link to the prior year keeps naming the same file from where
   * this one is saved: relative when it is in the same folder or below,
   * absolute otherwise. Not an edit: no step to undo. */
  {
    g_autofree char *relinked = prior_path_from (self, file);

    if (relinked != NULL)
      _fiscal_document_relink_prior (self, relinked);
  }

  bytes = fiscal_document_to_bytes (self);
  data = g_bytes_get_data (bytes, &length);

  /* A local file is replaced whole (fiscal-file.h): its mode and a link
   * to it are kept, and the error names the budget's file. */
  path = g_file_get_path (file);
  if (path != NULL)
    {
      if (!fiscal_file_set_contents (path, data, length, FISCAL_FILE_DEFAULT, error))
        return FALSE;
    }
  else if (!g_file_replace_contents (file, data, length, NULL, FALSE,
                                     G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                     cancellable, error))
    return FALSE;

  fiscal_document_set_file (self, file);
  fiscal_document_set_saved (self);
  return TRUE;
}
