/* fiscal-validate.c
 *
 * Each rule is a function that looks at the document and adds findings;
 * the engine runs them in order. Sums of money go through the clamped
 * helpers of fiscal-money.h, and rule_money_ceiling() reports a budget
 * whose lines add up to more than the ceiling of money.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-validate"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "fiscal-catalog.h"
#include "fiscal-document.h"
#include "fiscal-document-valid.h"
#include "fiscal-error.h"
#include "fiscal-framework.h"
#include "fiscal-indicator.h"
#include "fiscal-line.h"
#include "fiscal-money.h"
#include "fiscal-narrative.h"
#include "fiscal-profile.h"
#include "fiscal-project.h"
#include "fiscal-summary.h"
#include "fiscal-targets.h"
#include "fiscal-unit.h"
#include "fiscal-validate.h"

typedef struct
{
  FiscalDocument *document;
  FiscalDocument *prior;       /* may be NULL */
  FiscalCatalog  *functions;
  FiscalCatalog  *economics;
  FiscalSummary  *summary;
  FiscalSummary  *prior_summary;
  GPtrArray      *findings;
} Context;

typedef void (*Rule) (Context *ctx);

void
fiscal_finding_free (FiscalFinding *finding)
{
  if (finding == NULL)
    return;

  g_free (finding->rule);
  g_free (finding->message);
  g_free (finding->where);
  g_free (finding);
}

G_GNUC_PRINTF (5, 6)
static void
add (Context        *ctx,
     const char     *rule,
     FiscalSeverity  severity,
     const char     *where,
     const char     *format,
     ...)
{
  FiscalFinding *finding = g_new0 (FiscalFinding, 1);
  va_list args;

  va_start (args, format);
  finding->message = g_strdup_vprintf (format, args);
  va_end (args);

  finding->rule = g_strdup (rule);
  finding->severity = severity;
  finding->where = g_strdup (where ? where : "");
  g_ptr_array_add (ctx->findings, finding);
}

/* The catalogues: a document of a year Fiscal has no catalogue for is
 * checked against the nearest year it has, and says so. */
static void
rule_catalog_year (Context *ctx)
{
  int year = fiscal_document_get_year (ctx->document);

  if (ctx->functions == NULL || ctx->economics == NULL)
    {
      add (ctx, "catalog.missing", FISCAL_SEVERITY_ERROR, "year",
           _("No classification catalogue is available; codes cannot be checked"));
      return;
    }

  if (fiscal_catalog_get_year (ctx->functions) != year)
    add (ctx, "catalog.other-year", FISCAL_SEVERITY_INFO, "year",
         _("Fiscal has no %d catalogue; codes are checked against the %d one"),
         year, fiscal_catalog_get_year (ctx->functions));
}

/* The prior year linked is the year before: comparisons with another year
 * would be published as changes "from last year". */
static void
rule_prior_year (Context *ctx)
{
  int year = fiscal_document_get_year (ctx->document);
  int prior_year;

  if (ctx->prior == NULL)
    return;

  prior_year = fiscal_document_get_year (ctx->prior);
  if (prior_year != year - 1)
    add (ctx, "prior.year", FISCAL_SEVERITY_WARNING, "prior",
         _("The budget linked as last year’s is of %d, not %d: every change “from last year” is a change from %d"),
         prior_year, year - 1, prior_year);
}

static void
rule_line_codes (Context *ctx)
{
  GListModel *lines = fiscal_document_get_lines (ctx->document);
  guint n = g_list_model_get_n_items (lines);
  int year;

  if (ctx->functions == NULL || ctx->economics == NULL)
    return;

  year = fiscal_catalog_get_year (ctx->functions);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FiscalLine) line = g_list_model_get_item (lines, i);
      const char *function = fiscal_line_get_function (line);
      const char *economic = fiscal_line_get_economic (line);
      const FiscalCatalogItem *item;

      if (function == NULL)
        {
          g_autofree char *where = g_strdup_printf ("lines[%u].function", i);
          add (ctx, "code.function-missing", FISCAL_SEVERITY_ERROR, where,
               _("Line %s has no function code"), fiscal_line_get_id (line));
        }
      else if ((item = fiscal_catalog_lookup (ctx->functions, function)) == NULL)
        {
          g_autofree char *where = g_strdup_printf ("lines[%u].function", i);
          add (ctx, "code.function-unknown", FISCAL_SEVERITY_ERROR, where,
               _("Line %s: function code %s is not in the %d catalogue"),
               fiscal_line_get_id (line), function, year);
        }
      else if (item->level < 3)
        {
          g_autoptr(GPtrArray) children = fiscal_catalog_get_children (ctx->functions, function);

          if (children->len > 0)
            {
              g_autofree char *where = g_strdup_printf ("lines[%u].function", i);
              add (ctx, "code.function-level", FISCAL_SEVERITY_ERROR, where,
                   _("Line %s: function code %s (%s) is not at 项 level; choose one of its %u items"),
                   fiscal_line_get_id (line), function, item->name, children->len);
            }
        }

      if (economic != NULL && fiscal_catalog_lookup (ctx->economics, economic) == NULL)
        {
          g_autofree char *where = g_strdup_printf ("lines[%u].economic", i);
          add (ctx, "code.economic-unknown", FISCAL_SEVERITY_ERROR, where,
               _("Line %s: economic code %s is not in the %d catalogue"),
               fiscal_line_get_id (line), economic, fiscal_catalog_get_year (ctx->economics));
        }
    }
}

/* The lines' magnitudes add up to no more than the ceiling of money, or
 * some figure of the tables and the text holds the ceiling instead of the
 * sum. A budget that is loaded cannot be so, one edited in the window can. */
static void
rule_money_ceiling (Context *ctx)
{
  /* This year's is a rule of a valid budget (rule_valid). */
  if (ctx->prior_summary != NULL && ctx->prior_summary->clamped)
    add (ctx, "amount.ceiling", FISCAL_SEVERITY_ERROR, "prior",
         _("The amounts of last year’s lines, taken without their signs, add up to more than %s yuan, "
           "the largest sum Fiscal keeps; any of its figures beyond it is shown as that limit"),
         FISCAL_MONEY_MAX_YUAN);
}

static void
rule_line_amounts (Context *ctx)
{
  GListModel *lines = fiscal_document_get_lines (ctx->document);
  guint n = g_list_model_get_n_items (lines);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FiscalLine) line = g_list_model_get_item (lines, i);
      gint64 amount = fiscal_line_get_amount (line);
      g_autofree char *where = NULL;
      g_autofree char *yuan = NULL;

      if (amount > 0)
        continue;

      where = g_strdup_printf ("lines[%u].amount", i);
      yuan = fiscal_money_format_yuan (amount);
      if (amount < 0)
        add (ctx, "amount.negative", FISCAL_SEVERITY_ERROR, where,
             _("Line %s has a negative amount, %s yuan"), fiscal_line_get_id (line), yuan);
      else
        add (ctx, "amount.zero", FISCAL_SEVERITY_WARNING, where,
             _("Line %s has an amount of zero"), fiscal_line_get_id (line));
    }
}

/* The profile's field whose file key is @key, with the vehicles' own keys
 * standing for the vehicles. */
static int
profile_field_of (const char *key)
{
  for (guint f = 0; f < FISCAL_N_PROFILE_FIELDS; f++)
    if (g_strcmp0 (fiscal_profile_field_info (f)->key, key) == 0)
      return f;
  return FISCAL_PROFILE_ASSETS_VEHICLES;
}

/* What keeps the budget from being saved (fiscal-document-valid.h), each
 * an error at its place, so that it is found and mended before a save is
 * refused. The rules that name such a fault best keep their names. */
static gboolean
fault_cb (const FiscalFault *fault,
          gpointer           user_data)
{
  Context *ctx = user_data;
  const char *rule = "budget.invalid";

  if (FISCAL_IS_LINE (fault->object))
    {
      if (fault->code == FISCAL_ERROR_UNKNOWN_REFERENCE || fault->code == FISCAL_ERROR_MISSING_KEY)
        rule = g_strcmp0 (fault->key, "unit") == 0 ? "reference.unit" : "reference.project";
      add (ctx, rule, FISCAL_SEVERITY_ERROR, fault->path,
           _("Line %s cannot be saved as it is: %s"), fiscal_line_get_id (fault->object), fault->message);
    }
  else if (FISCAL_IS_PROJECT (fault->object) && g_strcmp0 (fault->key, "name") == 0)
    add (ctx, "project.name", FISCAL_SEVERITY_ERROR, fault->path,
         _("Project %s has no name"), fiscal_project_get_id (fault->object));
  else if (FISCAL_IS_PROJECT (fault->object))
    add (ctx, rule, FISCAL_SEVERITY_ERROR, fault->path,
         _("The project “%s” cannot be saved as it is: %s"),
         fiscal_project_get_name (fault->object), fault->message);
  else if (FISCAL_IS_INDICATOR (fault->object))
    add (ctx, rule, FISCAL_SEVERITY_ERROR, fault->path,
         _("The indicator “%s” cannot be saved as it is: %s"),
         fiscal_indicator_get_field (fault->object, FISCAL_INDICATOR_NAME) ?: "", fault->message);
  else if (FISCAL_IS_PROFILE (fault->object))
    {
      FiscalProfileField field = profile_field_of (fault->key);

      if (field != FISCAL_PROFILE_ASSETS_VEHICLES &&
          fiscal_profile_get_number (fault->object, field) < 0)
        rule = "profile.negative";
      add (ctx, rule, FISCAL_SEVERITY_ERROR, fault->path,
           _("%s cannot be saved as it is: %s"), fiscal_profile_field_label (field), fault->message);
    }
  else if (fault->code == FISCAL_ERROR_AMOUNT_OVERFLOW && g_strcmp0 (fault->path, "lines") == 0)
    add (ctx, "amount.ceiling", FISCAL_SEVERITY_ERROR, fault->path,
         _("The amounts of the lines, taken without their signs, add up to more than %s yuan, "
           "the largest sum Fiscal keeps; any figure beyond it is shown as that limit"),
         FISCAL_MONEY_MAX_YUAN);
  else
    add (ctx, rule, FISCAL_SEVERITY_ERROR, fault->path,
         _("The budget cannot be saved as it is: %s"), fault->message);

  return TRUE;
}

static void
rule_valid (Context *ctx)
{
  fiscal_document_find_faults (ctx->document, fault_cb, ctx);
}

static char *
yuan_wan (gint64 fen)
{
  g_autofree char *number = fiscal_money_format_wan (fen);
  return g_strconcat (number, " 万元", NULL);
}

#define LINE_WHERE(i, key) g_strdup_printf ("lines[%u].%s", (i), (key))

/* Every basic line needs an economic code (表 6 is by economic code), and a
 * project line should have one (表 7 is by economic 类). */
static void
rule_economic_missing (Context *ctx)
{
  GListModel *lines = fiscal_document_get_lines (ctx->document);

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(FiscalLine) line = g_list_model_get_item (lines, i);
      g_autofree char *where = NULL;

      if (fiscal_line_get_economic (line) != NULL)
        continue;

      where = LINE_WHERE (i, "economic");
      if (fiscal_line_get_kind (line) == FISCAL_KIND_PROJECT)
        add (ctx, "code.economic-missing", FISCAL_SEVERITY_WARNING, where,
             _("Project line %s has no economic code; 表 7 cannot place it in a column"),
             fiscal_line_get_id (line));
      else
        add (ctx, "code.economic-missing", FISCAL_SEVERITY_ERROR, where,
             _("Basic line %s has no economic code"), fiscal_line_get_id (line));
    }
}

/* Government-fund and state-capital money is spent on their own function
 * codes, and general money not on theirs. */
static void
rule_source_function (Context *ctx)
{
  GListModel *lines = fiscal_document_get_lines (ctx->document);

  if (ctx->functions == NULL)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(FiscalLine) line = g_list_model_get_item (lines, i);
      const FiscalCatalogItem *item = fiscal_catalog_lookup (ctx->functions, fiscal_line_get_function (line));
      FiscalBudget budget = fiscal_source_get_budget (fiscal_line_get_source (line));
      const char *code = fiscal_line_get_function (line);
      g_autofree char *where = NULL;

      if (item == NULL)
        continue;

      where = LINE_WHERE (i, "function");
      if (budget == FISCAL_BUDGET_CAPITAL && item->budget != FISCAL_BUDGET_CAPITAL)
        add (ctx, "source.function", FISCAL_SEVERITY_ERROR, where,
             _("Line %s is state-capital money on %s %s; it belongs on a 223 国有资本经营预算支出 code"),
             fiscal_line_get_id (line), code, item->name);
      else if (budget != FISCAL_BUDGET_CAPITAL && item->budget == FISCAL_BUDGET_CAPITAL)
        add (ctx, "source.function", FISCAL_SEVERITY_ERROR, where,
             _("Line %s spends %s on %s %s, a code of the state-capital budget"),
             fiscal_line_get_id (line), fiscal_source_label (fiscal_line_get_source (line)), code, item->name);
      else if (budget == FISCAL_BUDGET_FUND && item->budget != FISCAL_BUDGET_FUND)
        add (ctx, "source.function", FISCAL_SEVERITY_WARNING, where,
             _("Line %s is government-fund money on %s %s, which is not a government-fund code"),
             fiscal_line_get_id (line), code, item->name);
      else if (budget != FISCAL_BUDGET_FUND && item->budget == FISCAL_BUDGET_FUND)
        add (ctx, "source.function", FISCAL_SEVERITY_WARNING, where,
             _("Line %s spends %s on %s %s, a government-fund code"),
             fiscal_line_get_id (line), fiscal_source_label (fiscal_line_get_source (line)), code, item->name);
    }
}

/* 人员经费 is spent on 301 and 303, 公用经费 on 302 and the small-equipment
 * 款 of 310. */
static void
rule_kind_economic (Context *ctx)
{
  static const char * const public_equipment[] = { "31002", "31003", "31007", NULL };
  GListModel *lines = fiscal_document_get_lines (ctx->document);

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(FiscalLine) line = g_list_model_get_item (lines, i);
      const char *economic = fiscal_line_get_economic (line);
      FiscalKind kind = fiscal_line_get_kind (line);
      gboolean fits;
      g_autofree char *where = NULL;

      if (economic == NULL || kind == FISCAL_KIND_PROJECT)
        continue;

      if (kind == FISCAL_KIND_PERSONNEL)
        fits = g_str_has_prefix (economic, "301") || g_str_has_prefix (economic, "303");
      else
        fits = g_str_has_prefix (economic, "302") || g_strv_contains (public_equipment, economic);

      if (fits)
        continue;

      where = LINE_WHERE (i, "economic");
      add (ctx, "kind.economic", FISCAL_SEVERITY_ERROR, where,
           kind == FISCAL_KIND_PERSONNEL
             ? _("Line %s is 人员经费 on economic code %s; 人员经费 goes on 301 or 303")
             : _("Line %s is 公用经费 on economic code %s; 公用经费 goes on 302 or 31002, 31003, 31007"),
           fiscal_line_get_id (line), economic);
    }
}

/* The social-insurance, medical and housing-fund contributions have
 * function codes of their own. */
static void
rule_economic_function (Context *ctx)
{
  static const struct { const char *economic; const char *function; } pairs[] = {
    { "30108", "2080505" },   /* 机关事业单位基本养老保险缴费 */
    { "30109", "2080506" },   /* 职业年金缴费 */
    { "30110", "21011" },     /* 职工基本医疗保险缴费 → 行政事业单位医疗 */
    { "30111", "2101103" },   /* 公务员医疗补助缴费 */
    { "30113", "2210201" },   /* 住房公积金 */
  };
  GListModel *lines = fiscal_document_get_lines (ctx->document);

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(FiscalLine) line = g_list_model_get_item (lines, i);
      const char *economic = fiscal_line_get_economic (line);
      const char *function = fiscal_line_get_function (line);

      if (economic == NULL || function == NULL)
        continue;

      for (guint p = 0; p < G_N_ELEMENTS (pairs); p++)
        {
          gboolean economic_matches = g_str_equal (economic, pairs[p].economic);
          gboolean function_matches = g_str_has_prefix (function, pairs[p].function);
          g_autofree char *where = NULL;

          if (economic_matches == function_matches)
            continue;

          /* 21011 holds other medical spending besides 30110 (公务员医疗
           * 补助, 其他); only the economic side is checked there. */
          if (!economic_matches && strlen (pairs[p].function) < 7)
            continue;

          where = LINE_WHERE (i, economic_matches ? "function" : "economic");
          add (ctx, "economic.function", FISCAL_SEVERITY_WARNING, where,
               _("Line %s: economic code %s belongs with function code %s, but the line has %s on %s"),
               fiscal_line_get_id (line), pairs[p].economic, pairs[p].function, economic, function);
        }
    }
}

static void
rule_projects (Context *ctx)
{
  GListModel *projects = fiscal_document_get_projects (ctx->document);

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(FiscalProject) project = g_list_model_get_item (projects, i);
      const char *name = fiscal_project_get_name (project);
      const char *id = fiscal_project_get_id (project);

      if (g_hash_table_lookup (ctx->summary->all_by_project, g_intern_string (id)) == NULL)
        {
          g_autofree char *where = g_strdup_printf ("projects[%u]", i);
          add (ctx, "project.lines", FISCAL_SEVERITY_WARNING, where,
               _("Project “%s” has no budget lines"), name ? name : id);
        }
    }
}

static gboolean
profile_numbers (FiscalProfile *profile,
                 const FiscalProfileField *fields,
                 guint          n,
                 gint64        *values)
{
  for (guint i = 0; i < n; i++)
    {
      if (!fiscal_profile_is_set (profile, fields[i]))
        return FALSE;
      values[i] = fiscal_profile_get_number (profile, fields[i]);
    }
  return TRUE;
}

/* 实有人数 = 在职 + 退休 + 离休, and the changes agree with last year. */
static void
rule_staffing (Context *ctx)
{
  static const FiscalProfileField parts[] = {
    FISCAL_PROFILE_STAFF_ACTUAL, FISCAL_PROFILE_STAFF_ACTIVE,
    FISCAL_PROFILE_STAFF_RETIRED, FISCAL_PROFILE_STAFF_HONORARY,
  };
  static const struct { FiscalProfileField count; FiscalProfileField change; const char *what; } changes[] = {
    { FISCAL_PROFILE_STAFF_ACTIVE, FISCAL_PROFILE_STAFF_ACTIVE_CHANGE, N_("in service") },
    { FISCAL_PROFILE_STAFF_RETIRED, FISCAL_PROFILE_STAFF_RETIRED_CHANGE, N_("retired") },
    { FISCAL_PROFILE_STAFF_HONORARY, FISCAL_PROFILE_STAFF_HONORARY_CHANGE, N_("honorary retired") },
  };
  FiscalProfile *profile = fiscal_document_get_profile (ctx->document);
  gint64 v[G_N_ELEMENTS (parts)];

  /* Counts are at most G_MAXINT32 each: their sum fits a gint64, not an
   * int, so the figures are written as text. */
  if (profile_numbers (profile, parts, G_N_ELEMENTS (parts), v) && v[0] != v[1] + v[2] + v[3])
    {
      g_autofree char *sum = g_strdup_printf ("%" G_GINT64_FORMAT, v[1] + v[2] + v[3]);
      g_autofree char *actual = g_strdup_printf ("%" G_GINT64_FORMAT, v[0]);
      g_autofree char *active = g_strdup_printf ("%" G_GINT64_FORMAT, v[1]);
      g_autofree char *retired = g_strdup_printf ("%" G_GINT64_FORMAT, v[2]);
      g_autofree char *honorary = g_strdup_printf ("%" G_GINT64_FORMAT, v[3]);

      add (ctx, "staffing.sum", FISCAL_SEVERITY_ERROR, "profile.staffing.actual",
           _("实有人数 is %s, but 在职 %s + 退休 %s + 离休 %s make %s"),
           actual, active, retired, honorary, sum);
    }

  if (ctx->prior == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      FiscalProfile *before = fiscal_document_get_profile (ctx->prior);
      gint64 now, then, change;
      g_autofree char *where = NULL;

      if (!fiscal_profile_is_set (profile, changes[i].count) || !fiscal_profile_is_set (profile, changes[i].change) ||
          !fiscal_profile_is_set (before, changes[i].count))
        continue;

      now = fiscal_profile_get_number (profile, changes[i].count);
      then = fiscal_profile_get_number (before, changes[i].count);
      change = fiscal_profile_get_number (profile, changes[i].change);
      if (now - then == change)
        continue;

      where = g_strdup_printf ("profile.staffing.%s", fiscal_profile_field_info (changes[i].change)->key);
      add (ctx, "staffing.change", FISCAL_SEVERITY_WARNING, where,
           _("The change in %s staff is given as %d, but last year’s budget had %d and this year’s has %d"),
           _(changes[i].what), (int) change, (int) then, (int) now);
    }
}

/* Counts, areas and values of assets and procurement are never negative
 * (only the changes in staff are). */
static void
rule_profile_negative (Context *ctx)
{
  FiscalProfile *profile = fiscal_document_get_profile (ctx->document);

  for (guint f = 0; f < FISCAL_N_PROFILE_FIELDS; f++)
    {
      const FiscalProfileFieldInfo *info = fiscal_profile_field_info (f);
      g_autofree char *where = NULL;
      g_autofree char *shown = NULL;
      gint64 value;

      /* a count out of range keeps the budget from being saved: a rule
       * of its own (rule_valid) */
      if (info->type != FISCAL_FIELD_MONEY && info->type != FISCAL_FIELD_AREA)
        continue;
      if (!fiscal_profile_is_set (profile, f) || (value = fiscal_profile_get_number (profile, f)) >= 0)
        continue;

      where = info->group ? g_strdup_printf ("profile.%s.%s", info->group, info->key)
                          : g_strdup_printf ("profile.%s", info->key);
      {
        g_autofree char *number = fiscal_money_format_yuan (value);
        /* TRANSLATORS: an amount in yuan, or an area in square metres */
        shown = g_strdup_printf (info->type == FISCAL_FIELD_MONEY ? _("%s yuan") : _("%s m²"), number);
      }
      add (ctx, "profile.negative", FISCAL_SEVERITY_ERROR, where,
           _("%s is %s; it cannot be negative"), fiscal_profile_field_label (f), shown);
    }

  for (guint i = 0; i < fiscal_profile_get_n_vehicles (profile); i++)
    {
      const FiscalVehicle *vehicle = fiscal_profile_get_vehicle (profile, i);

      if (vehicle->value < 0)
        {
          g_autofree char *number = fiscal_money_format_yuan (vehicle->value);
          g_autofree char *shown = g_strdup_printf (_("%s yuan"), number);
          add (ctx, "profile.negative", FISCAL_SEVERITY_ERROR, "profile.assets.vehicles",
               _("The value of %s is %s; it cannot be negative"), vehicle->kind, shown);
        }
    }
}

/* The amounts reserved for small firms are part of the procurement. */
static void
rule_procurement (Context *ctx)
{
  FiscalProfile *p = fiscal_document_get_profile (ctx->document);
  gint64 total = fiscal_money_add_clamped (fiscal_money_add_clamped (fiscal_profile_get_number (p, FISCAL_PROFILE_PROCUREMENT_GOODS),
                                                                     fiscal_profile_get_number (p, FISCAL_PROFILE_PROCUREMENT_WORKS)),
                                           fiscal_profile_get_number (p, FISCAL_PROFILE_PROCUREMENT_SERVICES));
  gint64 sme = fiscal_profile_get_number (p, FISCAL_PROFILE_PROCUREMENT_RESERVED_SME);
  gint64 small = fiscal_profile_get_number (p, FISCAL_PROFILE_PROCUREMENT_RESERVED_SMALL);

  if (sme > total)
    {
      g_autofree char *a = yuan_wan (sme);
      g_autofree char *b = yuan_wan (total);
      add (ctx, "procurement.reserved", FISCAL_SEVERITY_ERROR, "profile.procurement.reserved_sme",
           _("%s is reserved for small and medium firms, more than the whole procurement of %s"), a, b);
    }

  if (small > sme)
    {
      g_autofree char *a = yuan_wan (small);
      g_autofree char *b = yuan_wan (sme);
      add (ctx, "procurement.reserved", FISCAL_SEVERITY_ERROR, "profile.procurement.reserved_small",
           _("%s is reserved for small and micro firms, more than the %s reserved for small and medium firms"), a, b);
    }
}

/* 三公 only goes down. */
static void
rule_sangong (Context *ctx)
{
  static const struct { FiscalSangongItem item; const char *label; const char *key; } items[] = {
    { FISCAL_SANGONG_ITEM_ABROAD, "因公出国（境）费", "abroad" },
    { FISCAL_SANGONG_ITEM_VEHICLE_PURCHASE, "公务用车购置费", "vehicle-purchase" },
    { FISCAL_SANGONG_ITEM_VEHICLE_OPERATION, "公务用车运行费", "vehicle-operation" },
    { FISCAL_SANGONG_ITEM_RECEPTION, "公务接待费", "reception" },
  };

  if (ctx->prior_summary == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      gint64 now = ctx->summary->sangong[items[i].item];
      gint64 then = ctx->prior_summary->sangong[items[i].item];
      g_autofree char *where = NULL;
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;

      if (now <= then)
        continue;

      where = g_strdup_printf ("tables[9].%s", items[i].key);
      a = yuan_wan (now);
      b = yuan_wan (then);
      add (ctx, "sangong.increase", FISCAL_SEVERITY_WARNING, where,
           _("%s rises to %s from %s last year"), items[i].label, a, b);
    }
}

/* A change from last year needs its reason. */
static void
rule_reasons (Context *ctx)
{
  g_autoptr(FiscalNarrative) narrative = NULL;
  g_autoptr(GPtrArray) missing = NULL;

  if (ctx->prior == NULL)
    return;

  narrative = fiscal_narrative_new (ctx->document, ctx->prior);
  missing = fiscal_narrative_missing (narrative);

  for (guint i = 0; i < missing->len; i++)
    {
      const FiscalNarrativeRun *run = g_ptr_array_index (missing, i);
      g_autofree char *where = g_strconcat ("explanations.", run->key, NULL);

      if (g_str_has_prefix (run->key, "projects."))
        {
          g_auto(GStrv) parts = g_strsplit (run->key, ".", 3);
          GListModel *projects = fiscal_document_get_projects (ctx->document);
          g_autofree char *path = NULL;
          const char *name = parts[1];

          for (guint p = 0; p < g_list_model_get_n_items (projects) && path == NULL; p++)
            {
              g_autoptr(FiscalProject) project = g_list_model_get_item (projects, p);

              if (g_strcmp0 (fiscal_project_get_id (project), parts[1]) == 0)
                {
                  path = g_strdup_printf ("projects[%u].%s", p, parts[2]);
                  name = fiscal_project_get_name (project);
                }
            }
          add (ctx, "text.missing", FISCAL_SEVERITY_WARNING, path ? path : run->key,
               _("The narrative needs the %s of project “%s”"),
               g_str_equal (parts[2], "policy_basis") ? _("policy basis") : _("allocation"), name);
        }
      else
        add (ctx, "reason.missing", FISCAL_SEVERITY_WARNING, where,
             _("No reason is given for the change: “%s”"), run->context ? run->context : run->key);
    }
}

static const char *
find_placeholder (const char *text)
{
  static const char * const placeholders[] = {
    "XX", "xx", "××", "ＸＸ", "待填写", "待补充", "待定", "___", "＿＿", "（此处", "(此处", NULL
  };
  const char *brace;

  if (text == NULL)
    return NULL;

  for (guint i = 0; placeholders[i]; i++)
    if (strstr (text, placeholders[i]))
      return placeholders[i];

  /* {单位}, {金额}: a template field never filled in. */
  if ((brace = strchr (text, '{')) && strchr (brace, '}'))
    return "{…}";

  return NULL;
}

static void
check_placeholder (Context    *ctx,
                   const char *where,
                   const char *text)
{
  const char *found = find_placeholder (text);

  if (found != NULL)
    add (ctx, "text.placeholder", FISCAL_SEVERITY_WARNING, where,
         _("The text still holds the template placeholder “%s”"), found);
}

/* Template placeholders left in any text. */
static void
rule_placeholders (Context *ctx)
{
  FiscalProfile *profile = fiscal_document_get_profile (ctx->document);
  GListModel *projects = fiscal_document_get_projects (ctx->document);
  GListModel *lines = fiscal_document_get_lines (ctx->document);
  g_auto(GStrv) keys = fiscal_document_list_explanations (ctx->document);

  check_placeholder (ctx, "department.name", fiscal_document_get_department_name (ctx->document));

  for (guint f = 0; f < FISCAL_N_PROFILE_FIELDS; f++)
    {
      const FiscalProfileFieldInfo *info = fiscal_profile_field_info (f);
      g_autofree char *where = NULL;

      if (info->type != FISCAL_FIELD_TEXT)
        continue;
      where = info->group ? g_strdup_printf ("profile.%s.%s", info->group, info->key)
                          : g_strdup_printf ("profile.%s", info->key);
      check_placeholder (ctx, where, fiscal_profile_get_text (profile, f));
    }

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(FiscalProject) project = g_list_model_get_item (projects, i);

      for (guint f = FISCAL_PROJECT_NAME; f < FISCAL_N_PROJECT_FIELDS; f++)
        {
          g_autofree char *where = g_strdup_printf ("projects[%u].%s", i, fiscal_project_field_key (f));
          check_placeholder (ctx, where, fiscal_project_get_field (project, f));
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(FiscalLine) line = g_list_model_get_item (lines, i);

      if (fiscal_line_get_note (line) != NULL)
        {
          g_autofree char *where = LINE_WHERE (i, "note");
          check_placeholder (ctx, where, fiscal_line_get_note (line));
        }
    }

  for (guint i = 0; keys[i]; i++)
    {
      g_autofree char *where = g_strconcat ("explanations.", keys[i], NULL);
      check_placeholder (ctx, where, fiscal_document_get_explanation (ctx->document, keys[i]));
    }
}

/* The amounts in 万元 a text names, summed exactly in fen (clamped to the
 * ceiling of money); FALSE when it names none. */
static gboolean
sum_wan_figures (const char *text,
                 gint64     *sum)
{
  gboolean any = FALSE;

  *sum = 0;
  for (const char *p = text; p && *p; )
    {
      const char *unit = strstr (p, "万元");
      const char *start;
      g_autofree char *number = NULL;
      gint64 fen;

      if (unit == NULL)
        break;

      start = unit;
      while (start > p && start[-1] == ' ')
        start--;
      while (start > p && (g_ascii_isdigit (start[-1]) || start[-1] == '.' || start[-1] == ','))
        start--;
      while (*start == ' ')
        start++;

      number = g_strndup (start, unit - start);
      g_strstrip (number);
      if (*number && fiscal_money_parse_wan (number, &fen, NULL))
        {
          fiscal_money_accumulate (sum, fen);
          any = TRUE;
        }
      p = unit + strlen ("万元");
    }

  return any;
}

/* Figures typed into texts that disagree with the computed ones: a
 * project's 资金分配情况 against its fiscal funds, and a stated 运行经费
 * against the basic public expenditure. */
static void
rule_text_figures (Context *ctx)
{
  GListModel *projects = fiscal_document_get_projects (ctx->document);
  FiscalProfile *profile = fiscal_document_get_profile (ctx->document);

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(FiscalProject) project = g_list_model_get_item (projects, i);
      const char *allocation = fiscal_project_get_field (project, FISCAL_PROJECT_ALLOCATION);
      gint64 general = fiscal_summary_lookup (ctx->summary->general_by_project, fiscal_project_get_id (project));
      gint64 all = fiscal_summary_lookup (ctx->summary->all_by_project, fiscal_project_get_id (project));
      gint64 stated;

      if (!sum_wan_figures (allocation, &stated) || stated == general || stated == all)
        continue;

      {
        g_autofree char *where = g_strdup_printf ("projects[%u].allocation", i);
        g_autofree char *a = yuan_wan (stated);
        g_autofree char *b = yuan_wan (general);
        g_autofree char *c = yuan_wan (all);

        add (ctx, "text.figures", FISCAL_SEVERITY_WARNING, where,
             _("The allocation of “%s” adds up to %s, but the project has %s of fiscal funds and %s in all"),
             fiscal_project_get_name (project), a, b, c);
      }
    }

  if (fiscal_profile_is_set (profile, FISCAL_PROFILE_OPERATING_EXPENSES) &&
      fiscal_profile_get_number (profile, FISCAL_PROFILE_OPERATING_EXPENSES) != ctx->summary->general_by_kind[FISCAL_KIND_PUBLIC])
    {
      g_autofree char *a = yuan_wan (fiscal_profile_get_number (profile, FISCAL_PROFILE_OPERATING_EXPENSES));
      g_autofree char *b = yuan_wan (ctx->summary->general_by_kind[FISCAL_KIND_PUBLIC]);

      add (ctx, "text.figures", FISCAL_SEVERITY_INFO, "profile.operating_expenses",
           _("运行经费 is given as %s; the basic public expenditure of the general public budget is %s"), a, b);
    }
}

/* The performance-target tables (绩效目标表): the department's and each
 * project's. Every rule below looks at one table at a time. */
typedef void (*TableRule) (Context         *ctx,
                           FiscalTargets   *targets,
                           FiscalProject   *project,
                           const char      *where,
                           const char      *title);

static void
for_each_table (Context   *ctx,
                TableRule  rule)
{
  GListModel *projects = fiscal_document_get_projects (ctx->document);
  FiscalTargets *targets = fiscal_document_get_targets (ctx->document);

  if (!fiscal_targets_is_empty (targets))
    rule (ctx, targets, NULL, "targets", _("the department’s targets"));

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(FiscalProject) project = g_list_model_get_item (projects, i);
      g_autofree char *where = NULL;
      g_autofree char *title = NULL;

      targets = fiscal_project_get_targets (project);
      if (fiscal_targets_is_empty (targets))
        continue;

      where = g_strdup_printf ("projects[%u].targets", i);
      title = g_strdup_printf (_("the targets of “%s”"),
                               fiscal_project_get_name (project) ?: fiscal_project_get_id (project));
      rule (ctx, targets, project, where, title);
    }
}

static FiscalIndicator *
indicator_at (FiscalTargets *targets,
              guint          i)
{
  return g_list_model_get_item (fiscal_targets_get_indicators (targets), i);
}

static guint
n_indicators (FiscalTargets *targets)
{
  return g_list_model_get_n_items (fiscal_targets_get_indicators (targets));
}

/* A decimal in millionths as the tables print it: "100", "93.91". */
static char *
format_decimal (gint64 micro)
{
  gint64 whole = micro / FISCAL_DECIMAL_ONE;
  gint64 frac = ABS (micro % FISCAL_DECIMAL_ONE);
  g_autofree char *text = NULL;
  gsize len;

  if (frac == 0)
    return g_strdup_printf ("%s%" G_GINT64_FORMAT, micro < 0 && whole == 0 ? "-" : "", whole);

  text = g_strdup_printf ("%s%" G_GINT64_FORMAT ".%06" G_GINT64_FORMAT,
                          micro < 0 && whole == 0 ? "-" : "", whole, frac);
  len = strlen (text);
  while (text[len - 1] == '0')
    text[--len] = 0;
  return g_steal_pointer (&text);
}

/* Removes white space: the published tables wrap "3570 .91 平 方米". */
static char *
squeeze_text (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* The weights of a table add up to the rule set's total, where the table
 * uses weights at all. */
static void
table_weights (Context       *ctx,
               FiscalTargets *targets,
               FiscalProject *project,
               const char    *where,
               const char    *title)
{
  gint64 expected = fiscal_framework_get_weight_total (fiscal_framework_get_default ());
  gint64 sum = 0;
  guint weighted = 0, n = n_indicators (targets);
  g_autofree char *sum_text = NULL;
  g_autofree char *expected_text = NULL;
  g_autofree char *path = NULL;

  if (expected == 0)
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FiscalIndicator) indicator = indicator_at (targets, i);
      gint64 weight;

      if (fiscal_decimal_parse (fiscal_indicator_get_field (indicator, FISCAL_INDICATOR_WEIGHT), &weight))
        {
          /* Weights are decimals, not money: a sum beyond a gint64 stays
           * at its end instead of wrapping. */
          if (__builtin_add_overflow (sum, weight, &sum))
            sum = weight > 0 ? G_MAXINT64 : G_MININT64;
          weighted++;
        }
    }

  if (weighted == 0 || sum == expected)
    return;

  sum_text = format_decimal (sum);
  expected_text = format_decimal (expected);
  path = g_strconcat (where, ".indicators", NULL);
  add (ctx, "targets.weights", FISCAL_SEVERITY_WARNING, path,
       _("The weights of %s add up to %s, not %s"), title, sum_text, expected_text);
}

/* A project's table has the 一级 categories the rule set requires: 产出 and
 * 效益, and 满意度 where it asks. */
static void
table_categories (Context       *ctx,
                  FiscalTargets *targets,
                  FiscalProject *project,
                  const char    *where,
                  const char    *title)
{
  FiscalFramework *framework = fiscal_framework_get_default ();
  gboolean present[FISCAL_N_CATEGORIES] = { FALSE };
  guint n = n_indicators (targets);

  if (project == NULL || n == 0)
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FiscalIndicator) indicator = indicator_at (targets, i);

      present[fiscal_framework_classify (framework,
                                         fiscal_indicator_get_field (indicator, FISCAL_INDICATOR_LEVEL1),
                                         fiscal_indicator_get_field (indicator, FISCAL_INDICATOR_LEVEL2))] = TRUE;
    }

  for (guint c = 1; c < FISCAL_N_CATEGORIES; c++)
    if (fiscal_framework_requires (framework, c) && !present[c])
      {
        g_autofree char *path = g_strconcat (where, ".indicators", NULL);
        add (ctx, "targets.categories", FISCAL_SEVERITY_WARNING, path,
             _("%s have no %s indicator"), title, fiscal_category_name (c));
      }
}

/* A quantitative indicator has an operator, a number and a unit; a
 * qualitative one has its qualitative value instead. */
static void
table_quantitative (Context       *ctx,
                    FiscalTargets *targets,
                    FiscalProject *project,
                    const char    *where,
                    const char    *title)
{
  guint n = n_indicators (targets);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FiscalIndicator) indicator = indicator_at (targets, i);
      const char *name = fiscal_indicator_get_field (indicator, FISCAL_INDICATOR_NAME) ?: "";
      g_autofree char *path = NULL;
      GPtrArray *missing;

      if (fiscal_indicator_get_field (indicator, FISCAL_INDICATOR_QUALITATIVE) != NULL &&
          fiscal_indicator_get_field (indicator, FISCAL_INDICATOR_VALUE) == NULL &&
          fiscal_indicator_get_operator (indicator) == FISCAL_OPERATOR_NONE)
        continue;

      missing = g_ptr_array_new ();
      if (fiscal_indicator_get_operator (indicator) == FISCAL_OPERATOR_NONE)
        g_ptr_array_add (missing, (gpointer) _("an operator"));
      if (fiscal_indicator_get_field (indicator, FISCAL_INDICATOR_VALUE) == NULL)
        g_ptr_array_add (missing, (gpointer) _("a value"));
      if (fiscal_indicator_get_field (indicator, FISCAL_INDICATOR_UNIT) == NULL)
        g_ptr_array_add (missing, (gpointer) _("a unit"));
      g_ptr_array_add (missing, NULL);

      if (missing->len > 1)
        {
          g_autofree char *list = g_strjoinv (_(", "), (char **) missing->pdata);

          path = g_strdup_printf ("%s.indicators[%u]", where, i);
          add (ctx, "targets.quantitative", FISCAL_SEVERITY_WARNING, path,
               _("Indicator “%s” of %s has no qualitative value and lacks %s"), name, title, list);
        }
      g_ptr_array_unref (missing);
    }
}

/* The same indicator is not listed twice in one table. */
static void
table_duplicates (Context       *ctx,
                  FiscalTargets *targets,
                  FiscalProject *project,
                  const char    *where,
                  const char    *title)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = n_indicators (targets);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FiscalIndicator) indicator = indicator_at (targets, i);
      const char *name = fiscal_indicator_get_field (indicator, FISCAL_INDICATOR_NAME);
      char *key;
      gpointer first;

      if (name == NULL)
        continue;

      key = squeeze_text (name);
      if (g_hash_table_lookup_extended (seen, key, NULL, &first))
        {
          g_autofree char *path = g_strdup_printf ("%s.indicators[%u]", where, i);

          add (ctx, "targets.duplicate", FISCAL_SEVERITY_WARNING, path,
               _("Indicator “%s” of %s is listed twice (rows %u and %u)"),
               name, title, GPOINTER_TO_UINT (first) + 1, i + 1);
          g_free (key);
        }
      else
        g_hash_table_insert (seen, key, GUINT_TO_POINTER (i));
    }
}

/* The amounts of the lines a table's funds are about: a project's total,
 * fiscal (财政拨款) and other; the department's 本级, 上级 and other. */
static void
line_funds (Context       *ctx,
            FiscalProject *project,
            gint64         funds[FISCAL_N_FUNDS])
{
  GListModel *lines = fiscal_document_get_lines (ctx->document);
  guint n = g_list_model_get_n_items (lines);

  memset (funds, 0, sizeof (gint64) * FISCAL_N_FUNDS);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FiscalLine) line = g_list_model_get_item (lines, i);
      FiscalSource source = fiscal_line_get_source (line);
      gint64 amount = fiscal_line_get_amount (line);
      gboolean fiscal = fiscal_source_get_budget (source) != FISCAL_BUDGET_NONE;
      gboolean upper = source == FISCAL_SOURCE_GENERAL_TRANSFER || source == FISCAL_SOURCE_FUND_TRANSFER ||
                       source == FISCAL_SOURCE_CAPITAL_TRANSFER;

      if (project != NULL &&
          (fiscal_line_get_kind (line) != FISCAL_KIND_PROJECT ||
           g_strcmp0 (fiscal_line_get_project (line), fiscal_project_get_id (project)) != 0))
        continue;

      fiscal_money_accumulate (&funds[FISCAL_FUND_TOTAL], amount);
      if (fiscal)
        fiscal_money_accumulate (&funds[FISCAL_FUND_FISCAL], amount);
      else
        fiscal_money_accumulate (&funds[FISCAL_FUND_OTHER], amount);
      if (fiscal && upper)
        fiscal_money_accumulate (&funds[FISCAL_FUND_UPPER], amount);
      else if (fiscal)
        fiscal_money_accumulate (&funds[FISCAL_FUND_LOCAL], amount);
    }
}

/* The funds stated in a table are the amounts of the lines. */
static void
table_funds (Context       *ctx,
             FiscalTargets *targets,
             FiscalProject *project,
             const char    *where,
             const char    *title)
{
  const FiscalFund *funds = fiscal_targets_scope_funds (fiscal_targets_get_scope (targets));
  gint64 amounts[FISCAL_N_FUNDS];

  line_funds (ctx, project, amounts);

  for (guint i = 0; funds[i] != FISCAL_N_FUNDS; i++)
    {
      gint64 stated = fiscal_targets_get_fund (targets, funds[i]);
      g_autofree char *stated_text = fiscal_money_format_wan (stated);
      g_autofree char *lines_text = fiscal_money_format_wan (amounts[funds[i]]);

      /* A table states its funds in 万元 with two decimals, as the lines
       * are published; a figure stated more exactly is compared exactly. */
      if (stated % 10000 == 0 ? !g_str_equal (stated_text, lines_text) : stated != amounts[funds[i]])
        {
          g_autofree char *path = g_strdup_printf ("%s.funds.%s", where, fiscal_fund_key (funds[i]));

          /* Translators: "Other funds in the targets of “X”: 100.00 万元 stated, the lines give 113.00 万元" */
          add (ctx, "targets.funds", FISCAL_SEVERITY_WARNING, path,
               _("%s in %s: %s 万元 stated, the lines give %s 万元"),
               fiscal_fund_label (funds[i]), title, stated_text, lines_text);
        }
    }
}

/* A money target in fen: 万元 and 元 values; FALSE for other units. */
static gboolean
money_target (FiscalIndicator *indicator,
              gint64          *fen)
{
  g_autofree char *unit = squeeze_text (fiscal_indicator_get_field (indicator, FISCAL_INDICATOR_UNIT));
  gint64 micro;

  if (!fiscal_decimal_parse (fiscal_indicator_get_field (indicator, FISCAL_INDICATOR_VALUE), &micro))
    return FALSE;

  /* millionths of 万元 are fen; millionths of 元 are 1/10000 fen */
  if (g_str_equal (unit, "万元"))
    *fen = fiscal_money_clamp (micro);
  else if (g_str_equal (unit, "元"))
    *fen = micro / 10000;
  else
    return FALSE;

  return TRUE;
}

/* The cost indicators (一级 成本) stated in money do not add up to more
 * than the project's funds. */
static void
table_costs (Context       *ctx,
             FiscalTargets *targets,
             FiscalProject *project,
             const char    *where,
             const char    *title)
{
  FiscalFramework *framework = fiscal_framework_get_default ();
  gint64 amounts[FISCAL_N_FUNDS];
  gint64 sum = 0;
  guint n = n_indicators (targets), counted = 0;

  if (project == NULL)
    return;

  line_funds (ctx, project, amounts);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FiscalIndicator) indicator = indicator_at (targets, i);
      gint64 fen;

      if (fiscal_framework_classify (framework,
                                     fiscal_indicator_get_field (indicator, FISCAL_INDICATOR_LEVEL1),
                                     fiscal_indicator_get_field (indicator, FISCAL_INDICATOR_LEVEL2)) != FISCAL_CATEGORY_COST ||
          !money_target (indicator, &fen))
        continue;

      fiscal_money_accumulate (&sum, fen);
      counted++;
    }

  if (counted > 0 && sum > amounts[FISCAL_FUND_TOTAL])
    {
      g_autofree char *path = g_strconcat (where, ".indicators", NULL);
      g_autofree char *sum_text = fiscal_money_format_wan (sum);
      g_autofree char *total_text = fiscal_money_format_wan (amounts[FISCAL_FUND_TOTAL]);

      add (ctx, "targets.cost", FISCAL_SEVERITY_WARNING, path,
           _("The cost indicators of %s come to %s 万元, more than the project’s %s 万元"),
           title, sum_text, total_text);
    }
}

/* 上年完成值 "7 人", "=3570.91 平方米", "100%": its number and unit. */
static gboolean
parse_prior (const char *prior,
             gint64     *micro,
             char      **unit)
{
  g_autofree char *text = squeeze_text (prior);
  const char *p = text;
  const char *end;
  g_autofree char *number = NULL;

  while (*p && strchr ("<>=", *p))
    p++;
  if (g_str_has_prefix (p, "≥") || g_str_has_prefix (p, "≤"))
    p += strlen ("≥");

  end = p;
  if (*end == '-' || *end == '+')
    end++;
  while (g_ascii_isdigit (*end) || *end == '.')
    end++;

  number = g_strndup (p, end - p);
  if (!fiscal_decimal_parse (number, micro))
    return FALSE;

  *unit = g_strdup (end);
  return TRUE;
}

/* A target lower than what was achieved last year needs a reason: where
 * more is better (≥, >, =), a target below the 上年完成值 is flagged. */
static void
table_prior (Context       *ctx,
             FiscalTargets *targets,
             FiscalProject *project,
             const char    *where,
             const char    *title)
{
  guint n = n_indicators (targets);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FiscalIndicator) indicator = indicator_at (targets, i);
      FiscalOperator op = fiscal_indicator_get_operator (indicator);
      g_autofree char *prior_unit = NULL;
      g_autofree char *unit = squeeze_text (fiscal_indicator_get_field (indicator, FISCAL_INDICATOR_UNIT));
      gint64 target, prior;

      if ((op != FISCAL_OPERATOR_GE && op != FISCAL_OPERATOR_GT && op != FISCAL_OPERATOR_EQ) ||
          !fiscal_decimal_parse (fiscal_indicator_get_field (indicator, FISCAL_INDICATOR_VALUE), &target) ||
          !parse_prior (fiscal_indicator_get_field (indicator, FISCAL_INDICATOR_PRIOR), &prior, &prior_unit) ||
          (*prior_unit != 0 && !g_str_equal (prior_unit, unit)))
        continue;

      if (target < prior)
        {
          g_autofree char *path = g_strdup_printf ("%s.indicators[%u].value", where, i);
          g_autofree char *target_text = fiscal_indicator_format_target (indicator);

          add (ctx, "targets.prior", FISCAL_SEVERITY_WARNING, path,
               _("Indicator “%s” of %s aims at %s, below last year’s %s; give the reason"),
               fiscal_indicator_get_field (indicator, FISCAL_INDICATOR_NAME) ?: "", title, target_text,
               fiscal_indicator_get_field (indicator, FISCAL_INDICATOR_PRIOR));
        }
    }
}

/* The checks of a target table, each run over every table in turn. */
static const TableRule table_rules[] = {
  table_weights,
  table_categories,
  table_quantitative,
  table_duplicates,
  table_funds,
  table_costs,
  table_prior,
};

static void
rule_targets (Context *ctx)
{
  for (guint i = 0; i < G_N_ELEMENTS (table_rules); i++)
    for_each_table (ctx, table_rules[i]);
}

static const Rule rules[] = {
  rule_catalog_year,
  rule_prior_year,
  rule_line_codes,
  rule_economic_missing,
  rule_source_function,
  rule_kind_economic,
  rule_economic_function,
  rule_money_ceiling,
  rule_line_amounts,
  rule_valid,
  rule_projects,
  rule_staffing,
  rule_profile_negative,
  rule_procurement,
  rule_sangong,
  rule_reasons,
  rule_placeholders,
  rule_text_figures,
  rule_targets,
};

/**
 * fiscal_document_validate:
 *
 * Runs every rule over @document, with the prior year its link names when
 * that can be read.
 *
 * Returns: (transfer full) (element-type FiscalFinding): the findings,
 *   errors first, in the order the rules found them within a severity
 */
GPtrArray *
fiscal_document_validate (FiscalDocument *document)
{
  g_autoptr(FiscalDocument) prior = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *findings;

  g_return_val_if_fail (FISCAL_IS_DOCUMENT (document), NULL);

  prior = fiscal_document_load_prior (document, &error);
  findings = fiscal_document_validate_with_prior (document, prior);

  if (error != NULL)
    {
      FiscalFinding *finding = g_new0 (FiscalFinding, 1);

      finding->rule = g_strdup ("prior.unreadable");
      finding->severity = FISCAL_SEVERITY_WARNING;
      finding->where = g_strdup ("prior");
      finding->message = g_strdup_printf (_("The prior year’s budget cannot be read, so nothing is compared with last year: %s"),
                                          error->message);
      /* After the errors, before the notes. */
      g_ptr_array_insert (findings, fiscal_findings_count (findings, FISCAL_SEVERITY_ERROR), finding);
    }

  return findings;
}

/**
 * fiscal_document_validate_with_prior:
 * @prior: (nullable): the prior year's budget, or %NULL for none
 *
 * Returns: (transfer full) (element-type FiscalFinding): the findings
 */
GPtrArray *
fiscal_document_validate_with_prior (FiscalDocument *document,
                                     FiscalDocument *prior)
{
  Context ctx = { 0 };
  int year;
  GPtrArray *sorted;

  g_return_val_if_fail (FISCAL_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (!prior || FISCAL_IS_DOCUMENT (prior), NULL);

  year = fiscal_document_get_year (document);
  ctx.document = document;
  ctx.prior = prior;
  ctx.functions = fiscal_catalog_get_for_year (FISCAL_CATALOG_FUNCTION, year, NULL);
  ctx.economics = fiscal_catalog_get_for_year (FISCAL_CATALOG_ECONOMIC, year, NULL);
  ctx.summary = fiscal_summary_new (document);
  ctx.prior_summary = prior ? fiscal_summary_new (prior) : NULL;
  ctx.findings = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    rules[i] (&ctx);

  /* A stable order: by severity, then as found. */
  sorted = g_ptr_array_new_with_free_func ((GDestroyNotify) fiscal_finding_free);
  for (int s = FISCAL_SEVERITY_ERROR; s >= FISCAL_SEVERITY_INFO; s--)
    for (guint i = 0; i < ctx.findings->len; i++)
      {
        FiscalFinding *finding = g_ptr_array_index (ctx.findings, i);
        if ((int) finding->severity == s)
          g_ptr_array_add (sorted, finding);
      }

  g_ptr_array_unref (ctx.findings);
  fiscal_summary_free (ctx.summary);
  fiscal_summary_free (ctx.prior_summary);
  g_clear_object (&ctx.functions);
  g_clear_object (&ctx.economics);

  return sorted;
}

guint
fiscal_findings_count (GPtrArray      *findings,
                       FiscalSeverity  severity)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    n += ((FiscalFinding *) g_ptr_array_index (findings, i))->severity == severity;

  return n;
}

/**
 * fiscal_findings_to_json:
 *
 * Returns: (transfer full): `{"findings": [{"rule", "severity", "message",
 *   "where"}]}`
 */
char *
fiscal_findings_to_json (GPtrArray *findings)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "findings");
  json_builder_begin_array (b);
  for (guint i = 0; i < findings->len; i++)
    {
      FiscalFinding *f = g_ptr_array_index (findings, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "rule");
      json_builder_add_string_value (b, f->rule);
      json_builder_set_member_name (b, "severity");
      json_builder_add_string_value (b, fiscal_severity_to_string (f->severity));
      json_builder_set_member_name (b, "message");
      json_builder_add_string_value (b, f->message);
      json_builder_set_member_name (b, "where");
      json_builder_add_string_value (b, f->where);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);

  return json_generator_to_data (generator, NULL);
}
