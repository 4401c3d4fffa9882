/* fiscal-import-mend.c
 *
 * The last step of an import: what was read from a publication but cannot
 * stand in a valid budget (fiscal-document-valid.h) is mended, and each
 * mending is a finding of the report that quotes the text as published.
 * A target weight printed as words (“按照完成比例赋分”) moves to the
 * indicator's scoring rule; a target value that is no number becomes a
 * qualitative target; a date that is no date is left out; a project line
 * whose project is not named goes to a project made for it; a count out of
 * range is left out. What cannot be mended — amounts that add up past the
 * ceiling — fails the import, so that a budget the loader would refuse is
 * never handed on to be saved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fiscal-document-valid.h"
#include "fiscal-document.h"
#include "fiscal-import-private.h"
#include "fiscal-money.h"
#include "fiscal-indicator.h"
#include "fiscal-line.h"
#include "fiscal-profile.h"
#include "fiscal-project.h"
#include "fiscal-unit.h"

/* The project that takes project lines whose project the publication does
 * not name: a name in the budget's own language, as its other names are. */
#define UNNAMED_PROJECT "（未列明项目）"
#define UNNAMED_DEPARTMENT "（未列明部门）"

typedef struct
{
  GObject *object;
  char    *key;
  char    *path;
  int      code;
  char    *message;
} Fault;

static void
fault_free (gpointer data)
{
  Fault *f = data;

  g_clear_object (&f->object);
  g_free (f->key);
  g_free (f->path);
  g_free (f->message);
  g_free (f);
}

static gboolean
collect_cb (const FiscalFault *fault,
            gpointer           user_data)
{
  GPtrArray *faults = user_data;
  Fault *f = g_new0 (Fault, 1);

  f->object = g_object_ref (fault->object);
  f->key = g_strdup (fault->key);
  f->path = g_strdup (fault->path);
  f->code = fault->code;
  f->message = g_strdup (fault->message);
  g_ptr_array_add (faults, f);

  return TRUE;
}

static int
indicator_field (const char *key)
{
  for (guint f = 0; f < FISCAL_N_INDICATOR_FIELDS; f++)
    if (g_strcmp0 (fiscal_indicator_field_key (f), key) == 0)
      return f;
  return -1;
}

static int
project_field (const char *key)
{
  for (guint f = 0; f < FISCAL_N_PROJECT_FIELDS; f++)
    if (g_strcmp0 (fiscal_project_field_key (f), key) == 0)
      return f;
  return -1;
}

static int
profile_field (const char *key)
{
  for (guint f = 0; f < FISCAL_N_PROFILE_FIELDS; f++)
    if (g_strcmp0 (fiscal_profile_field_info (f)->key, key) == 0)
      return f;
  return -1;
}

/* Appends @text to the indicator's @field, after what it has. */
static void
append_to (FiscalIndicator      *indicator,
           FiscalIndicatorField  field,
           const char           *text)
{
  const char *had = fiscal_indicator_get_field (indicator, field);
  g_autofree char *joined = NULL;

  if (had != NULL && *had != 0)
    joined = g_strconcat (had, "；", text, NULL);
  fiscal_indicator_set_field (indicator, field, joined ? joined : text);
}

static gboolean
mend_indicator (FiscalIndicator    *indicator,
                const Fault        *fault,
                FiscalImportReport *report)
{
  int field = indicator_field (fault->key);
  const char *name = fiscal_indicator_get_field (indicator, FISCAL_INDICATOR_NAME);
  g_autofree char *text = NULL;

  if (field != FISCAL_INDICATOR_WEIGHT && field != FISCAL_INDICATOR_VALUE)
    return FALSE;

  text = g_strdup (fiscal_indicator_get_field (indicator, field));
  fiscal_indicator_set_field (indicator, field, NULL);

  if (field == FISCAL_INDICATOR_WEIGHT)
    {
      append_to (indicator, FISCAL_INDICATOR_SCORING, text);
      fiscal_import_report_add (report, FISCAL_IMPORT_WARNING, 0, 0,
                                _("The indicator “%s” has the weight “%s”, which is not a number; "
                                  "the text is kept in its scoring rule"),
                                name ? name : "", text);
    }
  else
    {
      fiscal_indicator_set_field (indicator, FISCAL_INDICATOR_OPERATOR, NULL);
      append_to (indicator, FISCAL_INDICATOR_QUALITATIVE, text);
      fiscal_import_report_add (report, FISCAL_IMPORT_WARNING, 0, 0,
                                _("The indicator “%s” has the target value “%s”, which is not a number; "
                                  "it is kept as a qualitative target"),
                                name ? name : "", text);
    }

  return TRUE;
}

static gboolean
mend_project (FiscalProject      *project,
              const Fault        *fault,
              FiscalImportReport *report)
{
  int field = project_field (fault->key);
  g_autofree char *text = NULL;

  if (field == FISCAL_PROJECT_PERIOD_START || field == FISCAL_PROJECT_PERIOD_END)
    {
      text = g_strdup (fiscal_project_get_field (project, field));
      fiscal_project_set_field (project, field, NULL);
      fiscal_import_report_add (report, FISCAL_IMPORT_WARNING, 0, 0,
                                _("The project “%s” has the date “%s”, which is no date; it is left out"),
                                fiscal_project_get_name (project), text);
      return TRUE;
    }

  if (field == FISCAL_PROJECT_NAME)
    {
      fiscal_project_set_name (project, UNNAMED_PROJECT);
      fiscal_import_report_add (report, FISCAL_IMPORT_WARNING, 0, 0,
                                _("A project has no name; it is called “%s”"), UNNAMED_PROJECT);
      return TRUE;
    }

  return FALSE;
}

/* The project made for project lines without one; one per budget. */
static FiscalProject *
unnamed_project (FiscalDocument *doc)
{
  GListModel *projects = fiscal_document_get_projects (doc);
  g_autoptr(FiscalProject) project = NULL;
  g_autofree char *id = NULL;
  FiscalUnit *unit;

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(FiscalProject) p = g_list_model_get_item (projects, i);

      if (g_strcmp0 (fiscal_project_get_name (p), UNNAMED_PROJECT) == 0)
        return p;   /* the document holds a reference */
    }

  id = fiscal_document_new_project_id (doc);
  project = fiscal_project_new (id, UNNAMED_PROJECT);
  unit = g_list_model_get_n_items (fiscal_document_get_units (doc)) > 0
       ? g_list_model_get_item (fiscal_document_get_units (doc), 0) : NULL;
  if (unit != NULL)
    {
      fiscal_project_set_field (project, FISCAL_PROJECT_UNIT, fiscal_unit_get_id (unit));
      g_object_unref (unit);
    }
  fiscal_document_add_project (doc, project);

  return project;
}

static gboolean
mend_line (FiscalDocument     *doc,
           FiscalLine         *line,
           const Fault        *fault,
           FiscalImportReport *report)
{
  g_autofree char *amount = fiscal_money_format_wan (fiscal_line_get_amount (line));

  if (g_strcmp0 (fault->key, "project") == 0)
    {
      FiscalProject *project = unnamed_project (doc);

      fiscal_line_set_project (line, fiscal_project_get_id (project));
      fiscal_import_report_add (report, FISCAL_IMPORT_WARNING, 0, 0,
                                _("The project line %s (%s, %s 万元) names no project the budget has; "
                                  "it is placed under “%s”"),
                                fiscal_line_get_id (line), fiscal_line_get_function (line) ?: "",
                                amount, UNNAMED_PROJECT);
      return TRUE;
    }

  if (g_strcmp0 (fault->key, "unit") == 0 &&
      g_list_model_get_n_items (fiscal_document_get_units (doc)) > 0)
    {
      g_autoptr(FiscalUnit) unit = g_list_model_get_item (fiscal_document_get_units (doc), 0);

      fiscal_import_report_add (report, FISCAL_IMPORT_WARNING, 0, 0,
                                _("The line %s (%s, %s 万元) names no unit the budget has; "
                                  "it is placed under “%s”"),
                                fiscal_line_get_id (line), fiscal_line_get_function (line) ?: "",
                                amount, fiscal_unit_get_name (unit));
      fiscal_line_set_unit (line, fiscal_unit_get_id (unit));
      return TRUE;
    }

  return FALSE;
}

static gboolean
mend_profile (FiscalProfile      *profile,
              const Fault        *fault,
              FiscalImportReport *report)
{
  int field = profile_field (fault->key);
  const FiscalProfileFieldInfo *info;

  if (field < 0)
    return FALSE;

  info = fiscal_profile_field_info (field);
  if (info->type == FISCAL_FIELD_VEHICLES)
    return FALSE;

  fiscal_import_report_add (report, FISCAL_IMPORT_WARNING, 0, 0,
                            _("第一部分: %s cannot be kept (%s); it is left out"),
                            fiscal_profile_field_label (field), fault->message);
  fiscal_profile_unset (profile, field);
  return TRUE;
}

static gboolean
mend (FiscalDocument     *doc,
      const Fault        *fault,
      FiscalImportReport *report)
{
  if (FISCAL_IS_INDICATOR (fault->object))
    return mend_indicator (FISCAL_INDICATOR (fault->object), fault, report);
  if (FISCAL_IS_PROJECT (fault->object))
    return mend_project (FISCAL_PROJECT (fault->object), fault, report);
  if (FISCAL_IS_LINE (fault->object))
    return mend_line (doc, FISCAL_LINE (fault->object), fault, report);
  if (FISCAL_IS_PROFILE (fault->object))
    return mend_profile (FISCAL_PROFILE (fault->object), fault, report);
  if (FISCAL_IS_UNIT (fault->object) && g_strcmp0 (fault->key, "name") == 0)
    {
      fiscal_unit_set_name (FISCAL_UNIT (fault->object), UNNAMED_DEPARTMENT);
      return TRUE;
    }
  if (FISCAL_IS_DOCUMENT (fault->object) && g_strcmp0 (fault->path, "department.name") == 0)
    {
      fiscal_document_set_department_name (doc, UNNAMED_DEPARTMENT);
      fiscal_import_report_add (report, FISCAL_IMPORT_WARNING, 0, 0,
                                _("The department is not named; it is called “%s”"), UNNAMED_DEPARTMENT);
      return TRUE;
    }

  return FALSE;
}

/**
 * _fiscal_import_mend:
 *
 * Mends what keeps @doc from being a valid budget, reporting each mending
 * in @report.
 *
 * Returns: %TRUE when @doc is now valid; otherwise %FALSE with @error set
 *   to the fault that could not be mended
 */
gboolean
_fiscal_import_mend (FiscalDocument      *doc,
                     FiscalImportReport  *report,
                     GError             **error)
{
  /* A mending can bring a fault to light behind it (a line's unit, then
   * its project); each round mends at least one fault or stops. */
  for (guint round = 0; round < 8; round++)
    {
      g_autoptr(GPtrArray) faults = g_ptr_array_new_with_free_func (fault_free);
      guint mended = 0;

      if (fiscal_document_find_faults (doc, collect_cb, faults) == 0)
        return TRUE;

      for (guint i = 0; i < faults->len; i++)
        if (mend (doc, g_ptr_array_index (faults, i), report))
          mended++;

      if (mended == 0)
        break;
    }

  return fiscal_document_check_valid (doc, error);
}
