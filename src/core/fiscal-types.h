/* fiscal-types.h
 *
 * Forward declarations and the enumerations shared by the whole core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _FiscalCatalog   FiscalCatalog;
typedef struct _FiscalDocument  FiscalDocument;
typedef struct _FiscalIndicator FiscalIndicator;
typedef struct _FiscalLine      FiscalLine;
typedef struct _FiscalProfile   FiscalProfile;
typedef struct _FiscalProject   FiscalProject;
typedef struct _FiscalTable     FiscalTable;
typedef struct _FiscalTargets   FiscalTargets;
typedef struct _FiscalUnit      FiscalUnit;

/* What a line pays for: basic expenditure (personnel or public) or a
 * project. */
typedef enum
{
  FISCAL_KIND_PERSONNEL,
  FISCAL_KIND_PUBLIC,
  FISCAL_KIND_PROJECT,
  FISCAL_N_KINDS
} FiscalKind;

/* Every income column of the published 表 2 and row of 表 1. The order is
 * the published order. */
typedef enum
{
  FISCAL_SOURCE_GENERAL,
  FISCAL_SOURCE_GENERAL_TRANSFER,
  FISCAL_SOURCE_FUND,
  FISCAL_SOURCE_FUND_TRANSFER,
  FISCAL_SOURCE_CAPITAL,
  FISCAL_SOURCE_CAPITAL_TRANSFER,
  FISCAL_SOURCE_SPECIAL_ACCOUNT,
  FISCAL_SOURCE_UNIT_BUSINESS,
  FISCAL_SOURCE_UNIT_SUBSIDY,
  FISCAL_SOURCE_UNIT_AFFILIATE,
  FISCAL_SOURCE_UNIT_OPERATING,
  FISCAL_SOURCE_UNIT_OTHER,
  FISCAL_SOURCE_CARRYOVER_GENERAL,
  FISCAL_SOURCE_CARRYOVER_FUND,
  FISCAL_SOURCE_CARRYOVER_CAPITAL,
  FISCAL_SOURCE_CARRYOVER_SPECIAL_ACCOUNT,
  FISCAL_SOURCE_CARRYOVER_UNIT,
  FISCAL_N_SOURCES
} FiscalSource;

/* The three budgets a fiscal appropriation can come from. */
typedef enum
{
  FISCAL_BUDGET_NONE,
  FISCAL_BUDGET_GENERAL,
  FISCAL_BUDGET_FUND,
  FISCAL_BUDGET_CAPITAL,
} FiscalBudget;

typedef enum
{
  FISCAL_SEVERITY_INFO,
  FISCAL_SEVERITY_WARNING,
  FISCAL_SEVERITY_ERROR,
} FiscalSeverity;

const char   *fiscal_kind_to_string          (FiscalKind     kind);
gboolean      fiscal_kind_from_string        (const char    *str,
                                              FiscalKind    *kind);
const char   *fiscal_kind_label              (FiscalKind     kind);

const char   *fiscal_source_to_string        (FiscalSource   source);
gboolean      fiscal_source_from_string      (const char    *str,
                                              FiscalSource  *source);
const char   *fiscal_source_label            (FiscalSource   source);
FiscalBudget  fiscal_source_get_budget       (FiscalSource   source);
gboolean      fiscal_source_is_carryover     (FiscalSource   source);
gboolean      fiscal_source_is_unit_funds    (FiscalSource   source);

const char   *fiscal_severity_to_string      (FiscalSeverity severity);

G_END_DECLS
