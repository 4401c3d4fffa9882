/* fiscal-document-valid.c
 *
 * The rules of a valid budget, walked in the order of the file so that
 * the first fault found is the first a reader of the file would meet.
 * The loader reads the JSON into the model (types, required keys, words
 * such as a kind or a source) and then asks these rules; a save, the
 * recovery copy and the import ask them before writing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-valid"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fiscal-document-private.h"
#include "fiscal-document-valid.h"
#include "fiscal-error.h"
#include "fiscal-format.h"
#include "fiscal-indicator.h"
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

void
_fiscal_key_path_append (GString             *str,
                         const FiscalKeyPath *path)
{
  if (path == NULL)
    return;

  _fiscal_key_path_append (str, path->parent);

  if (path->key != NULL)
    {
      if (str->len > 0)
        g_string_append_c (str, '.');
      g_string_append (str, path->key);
    }
  else
    g_string_append_printf (str, "[%u]", path->index);
}

/* Sets @error to "path: message" in the FISCAL_ERROR domain. */
gboolean
_fiscal_key_path_fail (GError              **error,
                       int                   code,
                       const FiscalKeyPath  *path,
                       const char           *format,
                       ...)
{
  g_autoptr(GString) where = g_string_new (NULL);
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  _fiscal_key_path_append (where, path);
  if (where->len > 0)
    g_set_error (error, FISCAL_ERROR, code, "%s: %s", where->str, detail);
  else
    g_set_error_literal (error, FISCAL_ERROR, code, detail);

  return FALSE;
}

typedef struct
{
  FiscalFaultFunc func;
  gpointer        data;
  guint           n_faults;
  gboolean        stopped;
  gboolean        text_is_utf8;   /* read from text already validated */
  GPtrArray      *lines;          /* the document's lines, or NULL */
} Walk;

/* Reports a fault of @object at @where (whose last key is the faulty
 * value's); returns whether to go on. */
G_GNUC_PRINTF (5, 6)
static gboolean
fault (Walk        *walk,
       const Where *where,
       gpointer     object,
       int          code,
       const char  *format,
       ...)
{
  g_autoptr(GString) path = g_string_new (NULL);
  g_autofree char *message = NULL;
  FiscalFault f;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  _fiscal_key_path_append (path, where);

  f.path = path->str;
  f.object = object;
  f.key = where->key;
  f.code = code;
  f.message = message;

  walk->n_faults++;
  if (!walk->func (&f, walk->data))
    walk->stopped = TRUE;

  return !walk->stopped;
}

/* A text that may be absent must at least be UTF-8. */
static gboolean
check_text (Walk        *walk,
            const Where *parent,
            gpointer     object,
            const char  *key,
            const char  *text)
{
  Where where = WHERE_KEY (parent, key);

  if (text == NULL || walk->text_is_utf8 || g_utf8_validate (text, -1, NULL))
    return TRUE;

  return fault (walk, &where, object, FISCAL_ERROR_NOT_UTF8, _("the text is not UTF-8"));
}

/* Ids and names: present, not empty, UTF-8. */
static gboolean
check_name (Walk        *walk,
            const Where *parent,
            gpointer     object,
            const char  *key,
            const char  *text)
{
  Where where = WHERE_KEY (parent, key);

  if (text == NULL || *text == 0)
    return fault (walk, &where, object, FISCAL_ERROR_BAD_VALUE, _("must not be empty"));

  return check_text (walk, parent, object, key, text);
}

/* An id seen before in @seen is a fault of its object's "id". */
static gboolean
check_unique (Walk        *walk,
              const Where *item,
              gpointer     object,
              GHashTable  *seen,
              const char  *id)
{
  Where where = WHERE_KEY (item, "id");

  if (id == NULL || g_hash_table_add (seen, (gpointer) id))
    return TRUE;

  return fault (walk, &where, object, FISCAL_ERROR_DUPLICATE_ID, _("the id “%s” is used twice"), id);
}

static gboolean
check_range (Walk        *walk,
             const Where *parent,
             gpointer     object,
             const char  *key,
             gint64       value,
             gint64       min,
             gint64       max)
{
  Where where = WHERE_KEY (parent, key);
  g_autofree char *text = NULL;
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;

  if (value >= min && value <= max)
    return TRUE;

  text = g_strdup_printf ("%" G_GINT64_FORMAT, value);
  low = g_strdup_printf ("%" G_GINT64_FORMAT, min);
  high = g_strdup_printf ("%" G_GINT64_FORMAT, max);

  /* Translators: a number outside its allowed range, as "1800 is outside 1990–2200" */
  return fault (walk, &where, object, FISCAL_ERROR_BAD_VALUE, _("%s is outside %s–%s"), text, low, high);
}

static guint64
magnitude (gint64 value)
{
  return value < 0 ? -(guint64) value : (guint64) value;
}

/* Money and areas: within the ceiling every sum of them relies on. */
static gboolean
check_money (Walk        *walk,
             const Where *parent,
             gpointer     object,
             const char  *key,
             gint64       fen)
{
  Where where = WHERE_KEY (parent, key);
  g_autofree char *amount = NULL;
  g_autofree char *ceiling = NULL;

  if (magnitude (fen) <= (guint64) FISCAL_MONEY_MAX)
    return TRUE;

  amount = fiscal_money_format_yuan_grouped (fen);
  ceiling = fiscal_money_format_yuan_grouped (FISCAL_MONEY_MAX);
  /* Translators: an amount past the largest a budget may hold, both in 元 */
  return fault (walk, &where, object, FISCAL_ERROR_AMOUNT_OVERFLOW,
                _("%s is beyond the largest amount a budget may hold, %s"), amount, ceiling);
}

/**
 * fiscal_date_is_valid:
 * @text: a date as the file writes it
 *
 * Returns: whether @text is a real date written `YYYY-MM-DD`
 */
gboolean
fiscal_date_is_valid (const char *text)
{
  guint y = 0, m = 0, d = 0;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        continue;
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      if (i < 4)
        y = y * 10 + (text[i] - '0');
      else if (i < 7)
        m = m * 10 + (text[i] - '0');
      else
        d = d * 10 + (text[i] - '0');
    }

  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= 31 && g_date_valid_dmy (d, m, y);
}

static gboolean
check_date (Walk        *walk,
            const Where *parent,
            gpointer     object,
            const char  *key,
            const char  *text)
{
  Where where = WHERE_KEY (parent, key);

  if (text == NULL || fiscal_date_is_valid (text))
    return TRUE;

  if (!check_text (walk, parent, object, key, text))
    return FALSE;

  return fault (walk, &where, object, FISCAL_ERROR_BAD_VALUE,
                _("“%s” is not a date of the form YYYY-MM-DD"), text);
}

/* The disclosure format is one Fiscal has. */
static gboolean
check_format (Walk           *walk,
              FiscalDocument *doc)
{
  const char *id = fiscal_document_get_format_id (doc);
  Where where = WHERE_KEY (NULL, "disclosure");

  if (!check_text (walk, NULL, doc, "disclosure", id))
    return FALSE;
  if (fiscal_format_get (id) != NULL)
    return TRUE;
  return fault (walk, &where, doc, FISCAL_ERROR_UNKNOWN_FORMAT,
                _("“%s” is not a disclosure format of this Fiscal"), id);
}

static gboolean
check_units (Walk           *walk,
             FiscalDocument *doc,
             GHashTable     *unit_ids)
{
  GListModel *units = fiscal_document_get_units (doc);
  guint n = g_list_model_get_n_items (units);
  Where where = WHERE_KEY (NULL, "units");

  if (n == 0 && !fault (walk, &where, doc, FISCAL_ERROR_BAD_VALUE, _("a budget needs at least one unit")))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FiscalUnit) unit = g_list_model_get_item (units, i);
      Where item = WHERE_INDEX (&where, i);
      const char *id = fiscal_unit_get_id (unit);

      if (!check_text (walk, &item, unit, "id", id) ||
          !check_unique (walk, &item, unit, unit_ids, id) ||
          !check_name (walk, &item, unit, "name", fiscal_unit_get_name (unit)) ||
          !check_text (walk, &item, unit, "code", fiscal_unit_get_code (unit)))
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_profile (Walk          *walk,
               FiscalProfile *profile)
{
  Where where = WHERE_KEY (NULL, "profile");

  for (guint f = 0; f < FISCAL_N_PROFILE_FIELDS; f++)
    {
      const FiscalProfileFieldInfo *info = fiscal_profile_field_info (f);
      Where group = WHERE_KEY (&where, info->group);
      const Where *parent = info->group ? &group : &where;
      gint64 number = fiscal_profile_get_number (profile, f);
      gboolean ok = TRUE;

      if (!fiscal_profile_is_set (profile, f))
        continue;

      switch (info->type)
        {
        case FISCAL_FIELD_TEXT:
          ok = check_text (walk, parent, profile, info->key, fiscal_profile_get_text (profile, f));
          break;

        case FISCAL_FIELD_DATE:
          ok = check_date (walk, parent, profile, info->key, fiscal_profile_get_text (profile, f));
          break;

        case FISCAL_FIELD_COUNT:
          ok = check_range (walk, parent, profile, info->key, number, 0, FISCAL_COUNT_MAX);
          break;

        case FISCAL_FIELD_CHANGE:
          ok = check_range (walk, parent, profile, info->key, number, -FISCAL_COUNT_MAX, FISCAL_COUNT_MAX);
          break;

        case FISCAL_FIELD_MONEY:
        case FISCAL_FIELD_AREA:
          ok = check_money (walk, parent, profile, info->key, number);
          break;

        case FISCAL_FIELD_VEHICLES:
          {
            Where list = WHERE_KEY (parent, info->key);

            for (guint i = 0; ok && i < fiscal_profile_get_n_vehicles (profile); i++)
              {
                const FiscalVehicle *v = fiscal_profile_get_vehicle (profile, i);
                Where item = WHERE_INDEX (&list, i);

                ok = check_name (walk, &item, profile, "kind", v->kind) &&
                     check_range (walk, &item, profile, "count", v->count, 0, FISCAL_COUNT_MAX) &&
                     check_money (walk, &item, profile, "value", v->value);
              }
          }
          break;

        default:
          g_assert_not_reached ();
        }

      if (!ok)
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_targets (Walk          *walk,
               const Where   *parent,
               FiscalTargets *targets)
{
  const FiscalFund *funds = fiscal_targets_scope_funds (fiscal_targets_get_scope (targets));
  GListModel *indicators = fiscal_targets_get_indicators (targets);
  guint n = g_list_model_get_n_items (indicators);
  Where where = WHERE_KEY (parent, "targets");
  Where funds_where = WHERE_KEY (&where, "funds");
  Where list = WHERE_KEY (&where, "indicators");

  if (!check_text (walk, &where, targets, "goal", fiscal_targets_get_goal (targets)))
    return FALSE;

  for (guint i = 0; funds[i] != FISCAL_N_FUNDS; i++)
    if (!check_money (walk, &funds_where, targets, fiscal_fund_key (funds[i]),
                      fiscal_targets_get_fund (targets, funds[i])))
      return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FiscalIndicator) indicator = g_list_model_get_item (indicators, i);
      Where item = WHERE_INDEX (&list, i);

      for (guint f = 0; f < FISCAL_N_INDICATOR_FIELDS; f++)
        {
          const char *key = fiscal_indicator_field_key (f);
          const char *text = fiscal_indicator_get_field (indicator, f);
          Where field = WHERE_KEY (&item, key);

          if (!check_text (walk, &item, indicator, key, text))
            return FALSE;
          if (text == NULL || *text == 0)
            continue;

          /* The operator is one of the five or none: the model keeps no
           * other (fiscal_indicator_set_field). */
          if ((f == FISCAL_INDICATOR_VALUE || f == FISCAL_INDICATOR_WEIGHT) &&
              !fiscal_decimal_parse (text, NULL) &&
              !fault (walk, &field, indicator, FISCAL_ERROR_AMOUNT_SYNTAX,
                      _("“%s” is not a decimal number"), text))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
check_projects (Walk           *walk,
                FiscalDocument *doc,
                GHashTable     *unit_ids,
                GHashTable     *project_ids)
{
  GListModel *projects = fiscal_document_get_projects (doc);
  guint n = g_list_model_get_n_items (projects);
  Where where = WHERE_KEY (NULL, "projects");

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FiscalProject) project = g_list_model_get_item (projects, i);
      Where item = WHERE_INDEX (&where, i);
      const char *id = fiscal_project_get_id (project);
      const char *unit = fiscal_project_get_field (project, FISCAL_PROJECT_UNIT);

      if (!check_text (walk, &item, project, "id", id) ||
          !check_unique (walk, &item, project, project_ids, id) ||
          !check_name (walk, &item, project, "name", fiscal_project_get_name (project)))
        return FALSE;

      for (guint f = FISCAL_PROJECT_NAME + 1; f < FISCAL_N_PROJECT_FIELDS; f++)
        {
          const char *key = fiscal_project_field_key (f);
          const char *text = fiscal_project_get_field (project, f);
          gboolean ok;

          if (f == FISCAL_PROJECT_PERIOD_START || f == FISCAL_PROJECT_PERIOD_END)
            ok = check_date (walk, &item, project, key, text);
          else
            ok = check_text (walk, &item, project, key, text);
          if (!ok)
            return FALSE;
        }

      if (unit != NULL && !g_hash_table_contains (unit_ids, unit))
        {
          Where field = WHERE_KEY (&item, "unit");

          if (!fault (walk, &field, project, FISCAL_ERROR_UNKNOWN_REFERENCE,
                      _("there is no unit with the id “%s”"), unit))
            return FALSE;
        }

      if (!check_targets (walk, &item, fiscal_project_get_targets (project)))
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_line (Walk        *walk,
            const Where *item,
            FiscalLine  *line,
            GHashTable  *line_ids,
            GHashTable  *unit_ids,
            GHashTable  *project_ids)
{
  const char *id = fiscal_line_get_id (line);
  const char *unit = fiscal_line_get_unit (line);
  const char *project = fiscal_line_get_project (line);

  if (!check_text (walk, item, line, "id", id) ||
      !check_unique (walk, item, line, line_ids, id))
    return FALSE;

  if (unit == NULL || !g_hash_table_contains (unit_ids, unit))
    {
      Where field = WHERE_KEY (item, "unit");

      if (!check_text (walk, item, line, "unit", unit) ||
          !fault (walk, &field, line, FISCAL_ERROR_UNKNOWN_REFERENCE,
                  _("there is no unit with the id “%s”"), unit ? unit : ""))
        return FALSE;
    }

  if (!check_text (walk, item, line, "function", fiscal_line_get_function (line)) ||
      !check_text (walk, item, line, "economic", fiscal_line_get_economic (line)))
    return FALSE;

  /* Only a project line names its project; the file keeps no other. */
  if (fiscal_line_get_kind (line) == FISCAL_KIND_PROJECT)
    {
      Where field = WHERE_KEY (item, "project");

      if (project == NULL || *project == 0)
        {
          if (!fault (walk, &field, line, FISCAL_ERROR_MISSING_KEY,
                      _("a project line must name its project")))
            return FALSE;
        }
      else if (!g_hash_table_contains (project_ids, project) &&
               (!check_text (walk, item, line, "project", project) ||
                !fault (walk, &field, line, FISCAL_ERROR_UNKNOWN_REFERENCE,
                        _("there is no project with the id “%s”"), project)))
        return FALSE;
    }

  return check_money (walk, item, line, "amount", fiscal_line_get_amount (line)) &&
         check_text (walk, item, line, "note", fiscal_line_get_note (line));
}

static gboolean
check_lines (Walk           *walk,
             FiscalDocument *doc,
             GHashTable     *unit_ids,
             GHashTable     *project_ids)
{
  GListModel *lines = fiscal_document_get_lines (doc);
  guint n = g_list_model_get_n_items (lines);
  g_autoptr(GHashTable) line_ids = g_hash_table_new (g_str_hash, g_str_equal);
  Where where = WHERE_KEY (NULL, "lines");
  guint64 total = 0;

  g_assert (walk->lines == NULL || walk->lines->len == n);

  for (guint i = 0; i < n; i++)
    {
      Where item = WHERE_INDEX (&where, i);
      FiscalLine *line = walk->lines ? g_ptr_array_index (walk->lines, i) : g_list_model_get_item (lines, i);
      gint64 amount = fiscal_line_get_amount (line);
      gboolean go_on = check_line (walk, &item, line, line_ids, unit_ids, project_ids);

      if (walk->lines == NULL)
        g_object_unref (line);
      if (!go_on)
        return FALSE;

      /* Each amount is within the ceiling, so the total cannot wrap
       * before it is seen to pass it. */
      if (total <= (guint64) FISCAL_MONEY_MAX)
        total += magnitude (amount);
    }

  if (total > (guint64) FISCAL_MONEY_MAX)
    {
      g_autofree char *ceiling = fiscal_money_format_yuan_grouped (FISCAL_MONEY_MAX);

      /* Translators: %s is the ceiling in 元 */
      if (!fault (walk, &where, doc, FISCAL_ERROR_AMOUNT_OVERFLOW,
                  _("the lines’ amounts add up to more than %s, the most a budget may hold"), ceiling))
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_explanations (Walk           *walk,
                    FiscalDocument *doc)
{
  g_auto(GStrv) keys = fiscal_document_list_explanations (doc);
  Where where = WHERE_KEY (NULL, "explanations");

  for (guint i = 0; keys[i] != NULL; i++)
    {
      if (!g_utf8_validate (keys[i], -1, NULL))
        {
          if (!fault (walk, &where, doc, FISCAL_ERROR_NOT_UTF8, _("the text is not UTF-8")))
            return FALSE;
          continue;
        }

      if (!check_text (walk, &where, doc, keys[i], fiscal_document_get_explanation (doc, keys[i])))
        return FALSE;
    }

  return TRUE;
}

/* The walk; @text_is_utf8 when every text of @self was read from text
 * that was validated whole, as the loader's is; @lines, when not NULL,
 * the document's lines in their order (walked faster than the list). */
static guint
find_faults (FiscalDocument  *self,
             gboolean         text_is_utf8,
             GPtrArray       *lines,
             FiscalFaultFunc  func,
             gpointer         user_data)
{
  g_autoptr(GHashTable) unit_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) project_ids = g_hash_table_new (g_str_hash, g_str_equal);
  Walk walk = { func, user_data, 0, FALSE, text_is_utf8, lines };
  Where department = WHERE_KEY (NULL, "department");

  /* The year is within FISCAL_YEAR_MIN–MAX: the model holds no other. */
  (void) (check_format (&walk, self) &&
          check_name (&walk, &department, self, "name", fiscal_document_get_department_name (self)) &&
          check_text (&walk, &department, self, "code", fiscal_document_get_department_code (self)) &&
          check_text (&walk, NULL, self, "prior", fiscal_document_get_prior_path (self)) &&
          check_units (&walk, self, unit_ids) &&
          check_profile (&walk, fiscal_document_get_profile (self)) &&
          check_projects (&walk, self, unit_ids, project_ids) &&
          check_lines (&walk, self, unit_ids, project_ids) &&
          check_explanations (&walk, self) &&
          check_targets (&walk, NULL, fiscal_document_get_targets (self)));

  return walk.n_faults;
}

/**
 * fiscal_document_find_faults:
 * @func: called for each fault in the order of the file; returns %FALSE
 *   to stop
 *
 * Walks the rules of a valid budget over @self. A fault may hide others
 * behind it (a duplicate unit id leaves its lines' references unchecked
 * against the second), so mending what is found and asking again is the
 * way to a valid budget.
 *
 * Returns: the number of faults reported
 */
guint
fiscal_document_find_faults (FiscalDocument  *self,
                             FiscalFaultFunc  func,
                             gpointer         user_data)
{
  g_return_val_if_fail (FISCAL_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (func != NULL, 0);

  return find_faults (self, FALSE, NULL, func, user_data);
}

static gboolean
first_fault_cb (const FiscalFault *fault,
                gpointer           user_data)
{
  GError **error = user_data;

  if (fault->path[0] != 0)
    g_set_error (error, FISCAL_ERROR, fault->code, "%s: %s", fault->path, fault->message);
  else
    g_set_error_literal (error, FISCAL_ERROR, fault->code, fault->message);

  return FALSE;
}

/**
 * fiscal_document_check_valid:
 *
 * Whether @self is a valid budget: one the loader reads back. Everything
 * that writes a budget asks this first.
 *
 * Returns: %TRUE, or %FALSE with @error set in the %FISCAL_ERROR domain
 *   to the first fault, named by its key path (`lines[3].project: …`)
 */
gboolean
fiscal_document_check_valid (FiscalDocument  *self,
                             GError         **error)
{
  g_return_val_if_fail (FISCAL_IS_DOCUMENT (self), FALSE);

  return _fiscal_document_check_valid (self, FALSE, NULL, error);
}

/* As fiscal_document_check_valid(), for the loader: it validated the
 * whole text as UTF-8, so each string is not asked again, and it holds
 * the lines it read in an array (@lines, or NULL). */
gboolean
_fiscal_document_check_valid (FiscalDocument  *self,
                              gboolean         text_is_utf8,
                              GPtrArray       *lines,
                              GError         **error)
{
  GError *local = NULL;

  if (find_faults (self, text_is_utf8, lines, first_fault_cb, &local) == 0)
    return TRUE;

  g_propagate_error (error, local);
  return FALSE;
}
