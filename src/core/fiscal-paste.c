/* fiscal-paste.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-paste"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fiscal-catalog.h"
#include "fiscal-document.h"
#include "fiscal-line.h"
#include "fiscal-money.h"
#include "fiscal-paste.h"
#include "fiscal-project.h"
#include "fiscal-unit.h"

typedef enum
{
  COL_UNIT,
  COL_FUNCTION,
  COL_ECONOMIC,
  COL_KIND,
  COL_PROJECT,
  COL_SOURCE,
  COL_AMOUNT,
  COL_NOTE,
  N_COLS
} Column;

/* Words a header cell may hold, checked in this order (资金来源 before
 * 单位, 单位资金 is a source). */
static const struct { Column column; const char *word; } header_words[] = {
  { COL_SOURCE, "来源" }, { COL_SOURCE, "source" },
  { COL_FUNCTION, "功能" }, { COL_FUNCTION, "function" },
  { COL_ECONOMIC, "经济" }, { COL_ECONOMIC, "economic" },
  { COL_AMOUNT, "金额" }, { COL_AMOUNT, "预算数" }, { COL_AMOUNT, "数额" }, { COL_AMOUNT, "amount" },
  { COL_KIND, "类型" }, { COL_KIND, "类别" }, { COL_KIND, "kind" },
  { COL_PROJECT, "项目" }, { COL_PROJECT, "project" },
  { COL_NOTE, "备注" }, { COL_NOTE, "说明" }, { COL_NOTE, "note" },
  { COL_UNIT, "单位" }, { COL_UNIT, "unit" },
};

static const struct { const char *word; FiscalKind kind; } kind_words[] = {
  { "人员经费", FISCAL_KIND_PERSONNEL }, { "公用经费", FISCAL_KIND_PUBLIC }, { "项目支出", FISCAL_KIND_PROJECT },
  { "人员", FISCAL_KIND_PERSONNEL }, { "公用", FISCAL_KIND_PUBLIC }, { "项目", FISCAL_KIND_PROJECT },
};

static const struct { const char *word; FiscalSource source; } source_words[] = {
  { "上级一般公共预算", FISCAL_SOURCE_GENERAL_TRANSFER },
  { "一般公共预算", FISCAL_SOURCE_GENERAL }, { "一般财力", FISCAL_SOURCE_GENERAL },
  { "上级政府性基金", FISCAL_SOURCE_FUND_TRANSFER }, { "政府性基金", FISCAL_SOURCE_FUND },
  { "上级国有资本", FISCAL_SOURCE_CAPITAL_TRANSFER }, { "国有资本", FISCAL_SOURCE_CAPITAL },
  { "财政专户", FISCAL_SOURCE_SPECIAL_ACCOUNT }, { "事业收入", FISCAL_SOURCE_UNIT_BUSINESS },
  { "上级补助", FISCAL_SOURCE_UNIT_SUBSIDY }, { "附属单位", FISCAL_SOURCE_UNIT_AFFILIATE },
  { "经营收入", FISCAL_SOURCE_UNIT_OPERATING }, { "其他收入", FISCAL_SOURCE_UNIT_OTHER },
  { "单位资金", FISCAL_SOURCE_UNIT_OTHER },
};

void
fiscal_paste_result_free (FiscalPasteResult *result)
{
  if (result == NULL)
    return;

  g_ptr_array_unref (result->lines);
  g_ptr_array_unref (result->rejected);
  g_free (result);
}

static gboolean
header_column (const char *cell,
               Column     *column)
{
  g_autofree char *lower = g_utf8_strdown (cell, -1);

  for (guint i = 0; i < G_N_ELEMENTS (header_words); i++)
    if (strstr (lower, header_words[i].word))
      {
        *column = header_words[i].column;
        return TRUE;
      }

  return FALSE;
}

/* Whether @text is @label, ignoring case (an English label typed in
 * lower case is still the label). */
static gboolean
same_label (const char *text,
            const char *label)
{
  g_autofree char *a = g_utf8_casefold (text, -1);
  g_autofree char *b = g_utf8_casefold (label, -1);

  return g_str_equal (a, b);
}

/**
 * fiscal_paste_read_kind:
 * @text: a kind as a person writes it: its label (基本支出·人员经费), its
 *   name (personnel) or a short form (人员经费, 人员, 公用, 项目)
 *
 * Reads a kind of expenditure the way a pasted cell and a typed cell are
 * both read.
 *
 * Returns: %TRUE with @kind set, or %FALSE if @text is no kind
 */
gboolean
fiscal_paste_read_kind (const char *text,
                        FiscalKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  if (text == NULL || *text == 0)
    return FALSE;
  if (fiscal_kind_from_string (text, kind))
    return TRUE;
  for (guint i = 0; i < FISCAL_N_KINDS; i++)
    if (same_label (text, fiscal_kind_label (i)) || same_label (text, fiscal_kind_to_string (i)))
      {
        *kind = i;
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (kind_words); i++)
    if (strstr (text, kind_words[i].word))
      {
        *kind = kind_words[i].kind;
        return TRUE;
      }
  return FALSE;
}

/**
 * fiscal_paste_read_source:
 * @text: a funding source: its label, its name or a short form
 *   (一般公共预算, 财政专户, 单位资金, …)
 *
 * Reads a funding source the way a pasted cell and a typed cell are both
 * read.
 *
 * Returns: %TRUE with @source set, or %FALSE if @text is no source
 */
gboolean
fiscal_paste_read_source (const char   *text,
                          FiscalSource *source)
{
  g_return_val_if_fail (source != NULL, FALSE);

  if (text == NULL || *text == 0)
    return FALSE;
  if (fiscal_source_from_string (text, source))
    return TRUE;
  for (guint i = 0; i < FISCAL_N_SOURCES; i++)
    if (same_label (text, fiscal_source_label (i)) || same_label (text, fiscal_source_to_string (i)))
      {
        *source = i;
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (source_words); i++)
    if (strstr (text, source_words[i].word))
      {
        *source = source_words[i].source;
        return TRUE;
      }
  return FALSE;
}

static const char *
find_id (GListModel *model,
         gboolean    units,
         const char *text)
{
  if (text == NULL || *text == 0)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      const char *id = units ? fiscal_unit_get_id (FISCAL_UNIT (item)) : fiscal_project_get_id (FISCAL_PROJECT (item));
      const char *name = units ? fiscal_unit_get_name (FISCAL_UNIT (item)) : fiscal_project_get_name (FISCAL_PROJECT (item));

      if (g_strcmp0 (text, id) == 0 || g_strcmp0 (text, name) == 0)
        return g_intern_string (id);
    }

  return NULL;
}

/**
 * fiscal_paste_find_unit:
 * @text: a unit's id or name
 *
 * Returns: (nullable): the unit's id (interned), or %NULL if @document
 *   has no such unit
 */
const char *
fiscal_paste_find_unit (FiscalDocument *document,
                        const char     *text)
{
  g_return_val_if_fail (FISCAL_IS_DOCUMENT (document), NULL);
  return find_id (fiscal_document_get_units (document), TRUE, text);
}

/**
 * fiscal_paste_find_project:
 * @text: a project's id or name
 *
 * Returns: (nullable): the project's id (interned), or %NULL if @document
 *   has no such project
 */
const char *
fiscal_paste_find_project (FiscalDocument *document,
                           const char     *text)
{
  g_return_val_if_fail (FISCAL_IS_DOCUMENT (document), NULL);
  return find_id (fiscal_document_get_projects (document), FALSE, text);
}

/* The amount of a cell, read as 万元 or 元, a trailing unit allowed. */
static gboolean
parse_amount (const char  *text,
              gboolean     wan,
              gint64      *fen,
              char       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *copy = g_strstrip (g_strdup (text));

  if (g_str_has_suffix (copy, "万元"))
    {
      copy[strlen (copy) - strlen ("万元")] = 0;
      wan = TRUE;
    }
  else if (g_str_has_suffix (copy, "元"))
    {
      copy[strlen (copy) - strlen ("元")] = 0;
      wan = FALSE;
    }
  g_strstrip (copy);

  if ((wan ? fiscal_money_parse_wan : fiscal_money_parse) (copy, fen, &local_error))
    return TRUE;

  *error = g_strdup (local_error->message);
  return FALSE;
}

/**
 * fiscal_paste_parse:
 * @wan: read amounts as 万元 unless a header or the cell says otherwise
 * @project_id: (nullable): bind every line to this project
 *
 * Reads tab-separated rows. With a header row the columns are found by
 * their names (功能分类, 经济分类, 金额 (万元), 资金来源, 备注, …); without
 * one, eight columns are read in the order Fiscal copies them, and two to
 * four as function code, [economic code,] amount[, note].
 *
 * Returns: (transfer full): the lines to add and the rows refused
 */
FiscalPasteResult *
fiscal_paste_parse (FiscalDocument *document,
                    const char     *text,
                    gboolean        wan,
                    const char     *project_id)
{
  FiscalPasteResult *result = g_new0 (FiscalPasteResult, 1);
  g_autoptr(FiscalCatalog) functions = NULL;
  g_autoptr(FiscalCatalog) economics = NULL;
  g_auto(GStrv) rows = NULL;
  int map[N_COLS];
  guint first = 0;
  guint n_columns = 0;
  int year;

  g_return_val_if_fail (FISCAL_IS_DOCUMENT (document), NULL);

  result->lines = g_ptr_array_new_with_free_func (g_object_unref);
  result->rejected = g_ptr_array_new_with_free_func (g_free);
  result->wan = wan;

  year = fiscal_document_get_year (document);
  functions = fiscal_catalog_get_for_year (FISCAL_CATALOG_FUNCTION, year, NULL);
  economics = fiscal_catalog_get_for_year (FISCAL_CATALOG_ECONOMIC, year, NULL);

  rows = g_strsplit (text ? text : "", "\n", -1);
  for (guint c = 0; c < N_COLS; c++)
    map[c] = -1;

  /* Skip leading blank rows; the first row may be a header. */
  while (rows[first] && *g_strstrip (rows[first]) == 0)
    first++;

  if (rows[first] != NULL)
    {
      g_auto(GStrv) cells = g_strsplit (rows[first], "\t", -1);
      guint found = 0;

      n_columns = g_strv_length (cells);
      for (guint i = 0; cells[i]; i++)
        {
          Column column;

          if (header_column (g_strstrip (cells[i]), &column) && map[column] < 0)
            {
              map[column] = i;
              found++;
              if (column == COL_AMOUNT)
                result->wan = strstr (cells[i], "万") != NULL || strstr (cells[i], "10,000") != NULL
                              ? TRUE : (strstr (cells[i], "元") || strstr (cells[i], "yuan")) ? FALSE : wan;
            }
        }

      if (found >= 2)
        {
          result->had_header = TRUE;
          first++;
        }
      else
        {
          for (guint c = 0; c < N_COLS; c++)
            map[c] = -1;

          if (n_columns == 8)
            for (guint c = 0; c < N_COLS; c++)
              map[c] = c;
          else if (n_columns >= 2 && n_columns <= 4)
            {
              map[COL_FUNCTION] = 0;
              map[COL_ECONOMIC] = n_columns >= 3 ? 1 : -1;
              map[COL_AMOUNT] = n_columns >= 3 ? 2 : 1;
              map[COL_NOTE] = n_columns == 4 ? 3 : -1;
            }
        }
    }

  for (guint r = first; rows[r]; r++)
    {
      g_auto(GStrv) cells = NULL;
      const char *value[N_COLS] = { NULL };
      g_autofree char *error = NULL;
      const FiscalCatalogItem *function = NULL;
      const FiscalCatalogItem *economic = NULL;
      const char *unit = NULL;
      const char *project = project_id ? g_intern_string (project_id) : NULL;
      FiscalKind kind;
      FiscalSource source = FISCAL_SOURCE_GENERAL;
      gint64 amount = 0;
      guint n;

      if (*g_strstrip (rows[r]) == 0)
        continue;

      cells = g_strsplit (rows[r], "\t", -1);
      n = g_strv_length (cells);
      for (guint c = 0; c < N_COLS; c++)
        if (map[c] >= 0 && (guint) map[c] < n)
          value[c] = g_strstrip (cells[map[c]]);

      if (map[COL_FUNCTION] < 0 || map[COL_AMOUNT] < 0)
        error = g_strdup (_("the columns cannot be told apart; paste a header row with them"));
      else if (functions == NULL || !(function = fiscal_catalog_resolve (functions, value[COL_FUNCTION], 3, &error)))
        ;
      else if (value[COL_ECONOMIC] && *value[COL_ECONOMIC] && economics &&
               !(economic = fiscal_catalog_resolve (economics, value[COL_ECONOMIC], 1, &error)))
        ;
      else if (!value[COL_AMOUNT] || !parse_amount (value[COL_AMOUNT], result->wan, &amount, &error))
        {
          if (error == NULL)
            error = g_strdup (_("no amount"));
        }
      else if (value[COL_UNIT] && *value[COL_UNIT] &&
               !(unit = fiscal_paste_find_unit (document, value[COL_UNIT])))
        error = g_strdup_printf (_("there is no unit “%s”"), value[COL_UNIT]);
      else if (value[COL_PROJECT] && *value[COL_PROJECT] && project_id == NULL &&
               !(project = fiscal_paste_find_project (document, value[COL_PROJECT])))
        error = g_strdup_printf (_("there is no project “%s”"), value[COL_PROJECT]);
      else if (value[COL_SOURCE] && *value[COL_SOURCE] && !fiscal_paste_read_source (value[COL_SOURCE], &source))
        error = g_strdup_printf (_("“%s” is not a funding source"), value[COL_SOURCE]);

      if (error == NULL)
        {
          if (project != NULL)
            kind = FISCAL_KIND_PROJECT;
          else if (value[COL_KIND] && *value[COL_KIND])
            {
              if (!fiscal_paste_read_kind (value[COL_KIND], &kind))
                error = g_strdup_printf (_("“%s” is not a kind of expenditure"), value[COL_KIND]);
              else if (kind == FISCAL_KIND_PROJECT)
                error = g_strdup (_("a project line needs its project"));
            }
          else
            kind = economic && (g_str_has_prefix (economic->code, "301") || g_str_has_prefix (economic->code, "303"))
                   ? FISCAL_KIND_PERSONNEL : FISCAL_KIND_PUBLIC;
        }

      if (error != NULL)
        {
          g_ptr_array_add (result->rejected, g_strdup_printf (_("Row %u: %s"), r + 1, error));
          continue;
        }

      {
        g_autofree char *id = fiscal_document_new_line_id (document);
        g_autoptr(FiscalUnit) first_unit = g_list_model_get_item (fiscal_document_get_units (document), 0);
        FiscalLine *line = fiscal_line_new_full (id,
                                                 unit ? unit : (first_unit ? fiscal_unit_get_id (first_unit) : "main"),
                                                 function->code, economic ? economic->code : NULL,
                                                 kind, project, source, amount);

        fiscal_line_set_note (line, value[COL_NOTE]);
        g_ptr_array_add (result->lines, line);
      }
    }

  return result;
}
