/* fiscal-targets.h
 *
 * A performance-target table (绩效目标表): the department's (部门整体) or a
 * project's (项目支出). It states the funds the targets are for and lists
 * the indicators; the department's also has its annual goal (a project's
 * goal is the project's own).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fiscal-types.h"

G_BEGIN_DECLS

typedef enum
{
  FISCAL_TARGETS_DEPARTMENT,
  FISCAL_TARGETS_PROJECT,
} FiscalTargetsScope;

/* The funds a table states: the department's 本级安排, 上级安排 and 其他资金;
 * a project's 年度预算总额, 财政拨款 and 其他资金. */
typedef enum
{
  FISCAL_FUND_LOCAL,
  FISCAL_FUND_UPPER,
  FISCAL_FUND_OTHER,
  FISCAL_FUND_TOTAL,
  FISCAL_FUND_FISCAL,
  FISCAL_N_FUNDS
} FiscalFund;

#define FISCAL_TYPE_TARGETS (fiscal_targets_get_type ())

G_DECLARE_FINAL_TYPE (FiscalTargets, fiscal_targets, FISCAL, TARGETS, GObject)

FiscalTargets      *fiscal_targets_new              (FiscalTargetsScope  scope);
FiscalTargetsScope  fiscal_targets_get_scope        (FiscalTargets      *self);
const FiscalFund   *fiscal_targets_scope_funds      (FiscalTargetsScope  scope);
const char         *fiscal_fund_key                 (FiscalFund          fund);
const char         *fiscal_fund_label               (FiscalFund          fund);
const char         *fiscal_fund_published_label     (FiscalFund          fund);
const char         *fiscal_targets_get_goal         (FiscalTargets      *self);
void                fiscal_targets_set_goal         (FiscalTargets      *self,
                                                     const char         *goal);
gint64              fiscal_targets_get_fund         (FiscalTargets      *self,
                                                     FiscalFund          fund);
void                fiscal_targets_set_fund         (FiscalTargets      *self,
                                                     FiscalFund          fund,
                                                     gint64              amount);
GListModel         *fiscal_targets_get_indicators   (FiscalTargets      *self);
void                fiscal_targets_add_indicator    (FiscalTargets      *self,
                                                     FiscalIndicator    *indicator);
void                fiscal_targets_insert_indicator (FiscalTargets      *self,
                                                     guint               position,
                                                     FiscalIndicator    *indicator);
void                fiscal_targets_remove_indicator (FiscalTargets      *self,
                                                     guint               position);
void                fiscal_targets_move_indicator   (FiscalTargets      *self,
                                                     guint               from,
                                                     guint               to);
gboolean            fiscal_targets_is_empty         (FiscalTargets      *self);
void                fiscal_targets_copy_into        (FiscalTargets      *self,
                                                     FiscalTargets      *dest);

FiscalTable        *fiscal_targets_to_table         (FiscalDocument     *document,
                                                     FiscalProject      *project);

G_END_DECLS
