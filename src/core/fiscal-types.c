/* fiscal-types.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-types"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fiscal-types.h"

static const struct {
  const char *name;
  const char *label;
} kinds[FISCAL_N_KINDS] = {
  { "personnel", N_("Basic: personnel") },
  { "public",    N_("Basic: public") },
  { "project",   N_("Project expenditure") },
};

static const struct {
  const char   *name;
  const char   *label;
  FiscalBudget  budget;
  gboolean      carryover;
} sources[FISCAL_N_SOURCES] = {
  { "general",                   N_("General public budget"),                      FISCAL_BUDGET_GENERAL, FALSE },
  { "general-transfer",          N_("General public budget: transfer from above"), FISCAL_BUDGET_GENERAL, FALSE },
  { "fund",                      N_("Government fund budget"),                     FISCAL_BUDGET_FUND,    FALSE },
  { "fund-transfer",             N_("Government fund budget: transfer from above"), FISCAL_BUDGET_FUND,   FALSE },
  { "capital",                   N_("State capital budget"),                       FISCAL_BUDGET_CAPITAL, FALSE },
  { "capital-transfer",          N_("State capital budget: transfer from above"),  FISCAL_BUDGET_CAPITAL, FALSE },
  { "special-account",           N_("Fiscal special account"),                     FISCAL_BUDGET_NONE,    FALSE },
  { "unit-business",             N_("Unit funds: business income"),                FISCAL_BUDGET_NONE,    FALSE },
  { "unit-subsidy",              N_("Unit funds: subsidy from above"),             FISCAL_BUDGET_NONE,    FALSE },
  { "unit-affiliate",            N_("Unit funds: paid in by affiliates"),          FISCAL_BUDGET_NONE,    FALSE },
  { "unit-operating",            N_("Unit funds: operating income"),               FISCAL_BUDGET_NONE,    FALSE },
  { "unit-other",                N_("Unit funds: other income"),                   FISCAL_BUDGET_NONE,    FALSE },
  { "carryover-general",         N_("Carry-over: general public budget"),          FISCAL_BUDGET_GENERAL, TRUE },
  { "carryover-fund",            N_("Carry-over: government fund budget"),         FISCAL_BUDGET_FUND,    TRUE },
  { "carryover-capital",         N_("Carry-over: state capital budget"),           FISCAL_BUDGET_CAPITAL, TRUE },
  { "carryover-special-account", N_("Carry-over: fiscal special account"),         FISCAL_BUDGET_NONE,    TRUE },
  { "carryover-unit",            N_("Carry-over: unit funds"),                     FISCAL_BUDGET_NONE,    TRUE },
};

const char *
fiscal_kind_to_string (FiscalKind kind)
{
  g_return_val_if_fail (kind < FISCAL_N_KINDS, NULL);
  return kinds[kind].name;
}

gboolean
fiscal_kind_from_string (const char *str,
                         FiscalKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < FISCAL_N_KINDS; i++)
    if (g_str_equal (str, kinds[i].name))
      {
        *kind = i;
        return TRUE;
      }

  return FALSE;
}

const char *
fiscal_kind_label (FiscalKind kind)
{
  g_return_val_if_fail (kind < FISCAL_N_KINDS, NULL);
  return _(kinds[kind].label);
}

const char *
fiscal_source_to_string (FiscalSource source)
{
  g_return_val_if_fail (source < FISCAL_N_SOURCES, NULL);
  return sources[source].name;
}

gboolean
fiscal_source_from_string (const char   *str,
                           FiscalSource *source)
{
  g_return_val_if_fail (source != NULL, FALSE);

  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < FISCAL_N_SOURCES; i++)
    if (g_str_equal (str, sources[i].name))
      {
        *source = i;
        return TRUE;
      }

  return FALSE;
}

const char *
fiscal_source_label (FiscalSource source)
{
  g_return_val_if_fail (source < FISCAL_N_SOURCES, NULL);
  return _(sources[source].label);
}

FiscalBudget
fiscal_source_get_budget (FiscalSource source)
{
  g_return_val_if_fail (source < FISCAL_N_SOURCES, FISCAL_BUDGET_NONE);
  return sources[source].budget;
}

gboolean
fiscal_source_is_carryover (FiscalSource source)
{
  g_return_val_if_fail (source < FISCAL_N_SOURCES, FALSE);
  return sources[source].carryover;
}

gboolean
fiscal_source_is_unit_funds (FiscalSource source)
{
  return source >= FISCAL_SOURCE_UNIT_BUSINESS && source <= FISCAL_SOURCE_UNIT_OTHER;
}

const char *
fiscal_severity_to_string (FiscalSeverity severity)
{
  switch (severity)
    {
    case FISCAL_SEVERITY_INFO:    return "info";
    case FISCAL_SEVERITY_WARNING: return "warning";
    case FISCAL_SEVERITY_ERROR:   return "error";
    default:                      g_return_val_if_reached (NULL);
    }
}
