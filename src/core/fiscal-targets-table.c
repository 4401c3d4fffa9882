/* fiscal-targets-table.c
 *
 * The performance-target tables in the published column layout, as
 * FiscalTables: written as CSV or JSON and laid out in the PDF like the
 * eleven disclosure tables.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-targets"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fiscal-document.h"
#include "fiscal-indicator.h"
#include "fiscal-money.h"
#include "fiscal-project.h"
#include "fiscal-table.h"
#include "fiscal-targets.h"

static const char * const department_columns[] = {
  "一级指标", "二级指标", "三级指标", "指标值", "指标设定依据", "分值权重", NULL
};

static const char * const project_columns[] = {
  "一级指标", "二级指标", "三级指标", "指标值", "指标值设置依据", "上年完成值",
  "指标分值权重", "指标赋分规则", "佐证资料", NULL
};

static char *
funds_note (FiscalTargets *targets)
{
  const FiscalFund *funds = fiscal_targets_scope_funds (fiscal_targets_get_scope (targets));
  GString *out = g_string_new (NULL);

  for (guint i = 0; funds[i] != FISCAL_N_FUNDS; i++)
    {
      g_autofree char *amount = fiscal_money_format_wan (fiscal_targets_get_fund (targets, funds[i]));

      if (i > 0)
        g_string_append (out, "；");
      g_string_append_printf (out, "%s %s", fiscal_fund_published_label (funds[i]), amount);
    }

  return g_string_free (out, FALSE);
}

/**
 * fiscal_targets_to_table:
 * @document: the document @targets belong to
 * @project: (nullable): the project they are the targets of, %NULL for the
 *   department's
 *
 * Returns: (transfer full): 部门整体绩效目标表 (一级指标, 二级指标, 三级指标,
 *   指标值, 指标设定依据, 分值权重) or 项目支出绩效目标表 (…, 指标值设置依据,
 *   上年完成值, 指标分值权重, 指标赋分规则, 佐证资料); the goal and the
 *   stated funds are its note
 */
FiscalTable *
fiscal_targets_to_table (FiscalDocument *document,
                         FiscalProject  *project)
{
  FiscalTargets *targets;
  const char * const *columns;
  g_autofree char *title = NULL;
  g_autofree char *funds = NULL;
  g_autofree char *note = NULL;
  FiscalTable *table;
  GListModel *indicators;
  const char *goal;
  guint n;

  g_return_val_if_fail (FISCAL_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (project == NULL || FISCAL_IS_PROJECT (project), NULL);

  if (project != NULL)
    {
      targets = fiscal_project_get_targets (project);
      columns = project_columns;
      title = g_strdup_printf ("项目支出绩效目标表（%s）", fiscal_project_get_name (project) ?: fiscal_project_get_id (project));
      goal = fiscal_project_get_field (project, FISCAL_PROJECT_GOAL);
    }
  else
    {
      targets = fiscal_document_get_targets (document);
      columns = department_columns;
      title = g_strdup ("部门整体绩效目标表");
      goal = fiscal_targets_get_goal (targets);
    }

  table = fiscal_table_new (0, title);
  fiscal_table_set_department (table, fiscal_document_get_department_name (document));

  for (guint c = 0; columns[c] != NULL; c++)
    {
      fiscal_table_add_column (table, FISCAL_COLUMN_LABEL, columns[c]);
      fiscal_table_add_header (table, 0, c, 1, 1, columns[c]);
    }

  indicators = fiscal_targets_get_indicators (targets);
  n = g_list_model_get_n_items (indicators);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FiscalIndicator) indicator = g_list_model_get_item (indicators, i);
      g_autofree char *target = fiscal_indicator_format_target (indicator);
      const char *name = fiscal_indicator_get_field (indicator, FISCAL_INDICATOR_NAME) ?: "";
      FiscalTableRow *row = fiscal_table_add_row (table, "", name, 3);
      const char *cells[9] = {
        fiscal_indicator_get_field (indicator, FISCAL_INDICATOR_LEVEL1),
        fiscal_indicator_get_field (indicator, FISCAL_INDICATOR_LEVEL2),
        name,
        target,
        fiscal_indicator_get_field (indicator, FISCAL_INDICATOR_BASIS),
      };

      if (project != NULL)
        {
          cells[5] = fiscal_indicator_get_field (indicator, FISCAL_INDICATOR_PRIOR);
          cells[6] = fiscal_indicator_get_field (indicator, FISCAL_INDICATOR_WEIGHT);
          cells[7] = fiscal_indicator_get_field (indicator, FISCAL_INDICATOR_SCORING);
          cells[8] = fiscal_indicator_get_field (indicator, FISCAL_INDICATOR_EVIDENCE);
        }
      else
        cells[5] = fiscal_indicator_get_field (indicator, FISCAL_INDICATOR_WEIGHT);

      for (guint c = 0; columns[c] != NULL; c++)
        fiscal_table_row_set_label (row, c, cells[c] ?: "");
    }

  funds = funds_note (targets);
  note = g_strdup_printf ("%s：%s\n%s：%s",
                          project != NULL ? "项目总体目标" : "年度绩效目标", goal ?: "",
                          project != NULL ? "项目资金（万元）" : "年度预算（万元）", funds);
  fiscal_table_set_note (table, note);

  return table;
}
