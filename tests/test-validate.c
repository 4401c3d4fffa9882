/* test-validate.c
 *
 * Each rule of the check engine on a budget that passes it and on one that
 * fails it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fiscal-core.h"

#define WAN(x) ((gint64) (x) * 1000000)

static FiscalLine *
add (FiscalDocument *doc,
     const char     *function,
     const char     *economic,
     FiscalKind      kind,
     FiscalSource    source,
     gint64          fen)
{
  g_autofree char *id = fiscal_document_new_line_id (doc);
  g_autoptr(FiscalLine) line = fiscal_line_new_full (id, "main", function, economic, kind,
                                                     kind == FISCAL_KIND_PROJECT ? "p1" : NULL, source, fen);

  fiscal_document_add_line (doc, line);
  return line;
}

/* A small budget that passes every rule, against a prior year it equals. */
static FiscalDocument *
clean_budget (int year)
{
  FiscalDocument *doc = fiscal_document_new (year, "测试局");
  FiscalProfile *profile = fiscal_document_get_profile (doc);
  g_autoptr(FiscalProject) project = fiscal_project_new ("p1", "信息化运维");

  fiscal_project_set_field (project, FISCAL_PROJECT_ALLOCATION, "系统运维 6 万元；网络安全 4 万元");
  fiscal_project_set_field (project, FISCAL_PROJECT_POLICY_BASIS, "《政务信息系统运维管理办法》");
  fiscal_document_add_project (doc, project);

  add (doc, "2010101", "30101", FISCAL_KIND_PERSONNEL, FISCAL_SOURCE_GENERAL, WAN (50));
  add (doc, "2010101", "30201", FISCAL_KIND_PUBLIC, FISCAL_SOURCE_GENERAL, WAN (8));
  add (doc, "2080505", "30108", FISCAL_KIND_PERSONNEL, FISCAL_SOURCE_GENERAL, WAN (6));
  add (doc, "2101101", "30110", FISCAL_KIND_PERSONNEL, FISCAL_SOURCE_GENERAL, WAN (3));
  add (doc, "2010102", "30227", FISCAL_KIND_PROJECT, FISCAL_SOURCE_GENERAL, WAN (10));

  fiscal_profile_set_number (profile, FISCAL_PROFILE_STAFF_ACTUAL, 10);
  fiscal_profile_set_number (profile, FISCAL_PROFILE_STAFF_ACTIVE, 7);
  fiscal_profile_set_number (profile, FISCAL_PROFILE_STAFF_ACTIVE_CHANGE, 0);
  fiscal_profile_set_number (profile, FISCAL_PROFILE_STAFF_RETIRED, 3);
  fiscal_profile_set_number (profile, FISCAL_PROFILE_STAFF_RETIRED_CHANGE, 0);
  fiscal_profile_set_number (profile, FISCAL_PROFILE_STAFF_HONORARY, 0);
  fiscal_profile_set_number (profile, FISCAL_PROFILE_PROCUREMENT_GOODS, WAN (5));
  fiscal_profile_set_number (profile, FISCAL_PROFILE_PROCUREMENT_RESERVED_SME, WAN (5));
  fiscal_profile_set_number (profile, FISCAL_PROFILE_PROCUREMENT_RESERVED_SMALL, WAN (3));
  fiscal_profile_set_text (profile, FISCAL_PROFILE_FUNCTIONS, "负责全市财政收支管理。");

  return doc;
}

typedef struct
{
  FiscalDocument *doc;
  FiscalDocument *prior;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->doc = clean_budget (2025);
  f->prior = clean_budget (2024);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->doc);
  g_clear_object (&f->prior);
}

static GPtrArray *
run (Fixture *f)
{
  return fiscal_document_validate_with_prior (f->doc, f->prior);
}

/* The findings of @rule; fails when there are not @expected of them. */
static const FiscalFinding *
expect (GPtrArray      *findings,
        const char     *rule,
        guint           expected,
        FiscalSeverity  severity,
        const char     *where)
{
  const FiscalFinding *first = NULL;
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    {
      const FiscalFinding *finding = g_ptr_array_index (findings, i);

      if (!g_str_equal (finding->rule, rule))
        continue;
      if (first == NULL)
        first = finding;
      n++;
    }

  if (n != expected)
    {
      for (guint i = 0; i < findings->len; i++)
        {
          const FiscalFinding *finding = g_ptr_array_index (findings, i);
          g_test_message ("%s %s %s", finding->rule, finding->where, finding->message);
        }
      g_error ("expected %u findings of %s, got %u", expected, rule, n);
    }

  if (first != NULL)
    {
      g_assert_cmpint (first->severity, ==, severity);
      if (where != NULL)
        g_assert_cmpstr (first->where, ==, where);
      g_assert_true (first->message != NULL && *first->message);
    }

  return first;
}

static FiscalProject *
first_project (FiscalDocument *doc)
{
  g_autoptr(FiscalProject) project = g_list_model_get_item (fiscal_document_get_projects (doc), 0);
  return project;   /* the document holds it */
}

static FiscalLine *
line_at (FiscalDocument *doc,
         guint           i)
{
  FiscalLine *line = g_list_model_get_item (fiscal_document_get_lines (doc), i);
  g_object_unref (line);
  return line;
}

static void
test_clean (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = run (f);

  if (findings->len > 0)
    {
      const FiscalFinding *first = g_ptr_array_index (findings, 0);
      g_error ("a clean budget has findings, the first %s: %s", first->rule, first->message);
    }
}

static void
test_codes (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;

  fiscal_line_set_function (line_at (f->doc, 0), "2019898");
  fiscal_line_set_function (line_at (f->doc, 1), "20101");
  fiscal_line_set_economic (line_at (f->doc, 2), "30198");

  findings = run (f);
  expect (findings, "code.function-unknown", 1, FISCAL_SEVERITY_ERROR, "lines[0].function");
  expect (findings, "code.function-level", 1, FISCAL_SEVERITY_ERROR, "lines[1].function");
  expect (findings, "code.economic-unknown", 1, FISCAL_SEVERITY_ERROR, "lines[2].economic");
}

static void
test_economic_missing (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;

  fiscal_line_set_economic (line_at (f->doc, 1), NULL);
  fiscal_line_set_economic (line_at (f->doc, 4), NULL);

  findings = run (f);
  expect (findings, "code.economic-missing", 2, FISCAL_SEVERITY_ERROR, "lines[1].economic");
  g_assert_cmpint (((FiscalFinding *) g_ptr_array_index (findings, findings->len - 1))->severity, ==,
                   FISCAL_SEVERITY_WARNING);
}

static void
test_source_function (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;

  /* Fund money on a fund code passes. */
  add (f->doc, "2120803", "31005", FISCAL_KIND_PROJECT, FISCAL_SOURCE_FUND, WAN (1));
  add (f->prior, "2120803", "31005", FISCAL_KIND_PROJECT, FISCAL_SOURCE_FUND, WAN (1));
  findings = run (f);
  expect (findings, "source.function", 0, 0, NULL);
  g_clear_pointer (&findings, g_ptr_array_unref);

  fiscal_line_set_source (line_at (f->doc, 0), FISCAL_SOURCE_CAPITAL);     /* capital on 201 */
  fiscal_line_set_function (line_at (f->doc, 1), "2230105");               /* general on 223 */
  fiscal_line_set_source (line_at (f->doc, 5), FISCAL_SOURCE_GENERAL);     /* general on a fund code */
  fiscal_line_set_source (line_at (f->doc, 4), FISCAL_SOURCE_FUND_TRANSFER); /* fund on 201 */

  findings = run (f);
  expect (findings, "source.function", 4, FISCAL_SEVERITY_ERROR, "lines[0].function");
}

static void
test_kind_economic (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;

  add (f->doc, "2010101", "31002", FISCAL_KIND_PUBLIC, FISCAL_SOURCE_GENERAL, WAN (1));
  add (f->prior, "2010101", "31002", FISCAL_KIND_PUBLIC, FISCAL_SOURCE_GENERAL, WAN (1));
  findings = run (f);
  expect (findings, "kind.economic", 0, 0, NULL);
  g_clear_pointer (&findings, g_ptr_array_unref);

  fiscal_line_set_economic (line_at (f->doc, 0), "30201");   /* personnel on 302 */
  fiscal_line_set_economic (line_at (f->doc, 1), "31005");   /* public on infrastructure */

  findings = run (f);
  expect (findings, "kind.economic", 2, FISCAL_SEVERITY_ERROR, "lines[0].economic");
}

static void
test_economic_function (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;

  fiscal_line_set_function (line_at (f->doc, 2), "2010101");   /* 30108 away from 2080505 */
  fiscal_line_set_economic (line_at (f->doc, 0), "30113");     /* 30113 away from 2210201 */

  findings = run (f);
  expect (findings, "economic.function", 2, FISCAL_SEVERITY_WARNING, "lines[0].function");
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* And a housing-fund code carrying other spending. */
  fiscal_line_set_economic (line_at (f->doc, 0), "30101");
  fiscal_line_set_function (line_at (f->doc, 2), "2080505");
  add (f->doc, "2210201", "30101", FISCAL_KIND_PERSONNEL, FISCAL_SOURCE_GENERAL, WAN (1));
  findings = run (f);
  expect (findings, "economic.function", 1, FISCAL_SEVERITY_WARNING, "lines[5].economic");
}

static void
test_amounts (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;

  fiscal_line_set_amount (line_at (f->doc, 0), -100);
  fiscal_line_set_amount (line_at (f->prior, 0), -100);
  fiscal_line_set_amount (line_at (f->doc, 1), 0);
  fiscal_line_set_amount (line_at (f->prior, 1), 0);

  findings = run (f);
  expect (findings, "amount.negative", 1, FISCAL_SEVERITY_ERROR, "lines[0].amount");
  expect (findings, "amount.zero", 1, FISCAL_SEVERITY_WARNING, "lines[1].amount");
}

/* Lines whose magnitudes add up to more than the ceiling of money, as a
 * budget edited in the window may have, are an error of the checks: their
 * sums are shown clamped. Up to the ceiling itself, nothing is said. */
static void
test_money_ceiling (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) at = NULL;
  g_autoptr(GPtrArray) above = NULL;
  g_autoptr(GPtrArray) signs = NULL;
  g_autoptr(GPtrArray) prior = NULL;
  const FiscalFinding *finding;

  /* The other lines are 27 万元: the first takes the total to the ceiling. */
  fiscal_line_set_amount (line_at (f->doc, 0), FISCAL_MONEY_MAX - WAN (27));
  fiscal_line_set_amount (line_at (f->prior, 0), FISCAL_MONEY_MAX - WAN (27));
  at = run (f);
  expect (at, "amount.ceiling", 0, 0, NULL);

  /* One fen more. */
  fiscal_line_set_amount (line_at (f->doc, 1), WAN (8) + 1);
  above = run (f);
  finding = expect (above, "amount.ceiling", 1, FISCAL_SEVERITY_ERROR, "lines");
  g_assert_nonnull (strstr (finding->message, FISCAL_MONEY_MAX_YUAN));

  /* Signs do not cancel: +max and −max cannot both be summed either. */
  fiscal_line_set_amount (line_at (f->doc, 0), FISCAL_MONEY_MAX);
  fiscal_line_set_amount (line_at (f->doc, 1), -FISCAL_MONEY_MAX);
  signs = run (f);
  expect (signs, "amount.ceiling", 1, FISCAL_SEVERITY_ERROR, "lines");
  expect (signs, "amount.negative", 1, FISCAL_SEVERITY_ERROR, "lines[1].amount");

  /* Last year's budget too, named as such. */
  fiscal_line_set_amount (line_at (f->doc, 0), WAN (50));
  fiscal_line_set_amount (line_at (f->doc, 1), WAN (8));
  fiscal_line_set_amount (line_at (f->prior, 1), FISCAL_MONEY_MAX);
  prior = run (f);
  finding = expect (prior, "amount.ceiling", 1, FISCAL_SEVERITY_ERROR, "prior");
  g_assert_nonnull (strstr (finding->message, FISCAL_MONEY_MAX_YUAN));
}

static void
test_references (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;

  fiscal_line_set_unit (line_at (f->doc, 0), "nowhere");
  fiscal_line_set_project (line_at (f->doc, 4), "p404");

  findings = run (f);
  expect (findings, "reference.unit", 1, FISCAL_SEVERITY_ERROR, "lines[0].unit");
  expect (findings, "reference.project", 1, FISCAL_SEVERITY_ERROR, "lines[4].project");
}

/* What keeps the budget from being saved is an error of the checks, each
 * once, at its place, in words: a weight that is no number, a count out of
 * range. */
static void
test_invalid (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(FiscalIndicator) indicator = fiscal_indicator_new ("产出指标", "数量指标", "培训人次");
  g_autoptr(GPtrArray) findings = NULL;
  const FiscalFinding *finding;

  findings = run (f);
  expect (findings, "budget.invalid", 0, 0, NULL);
  g_clear_pointer (&findings, g_ptr_array_unref);

  fiscal_indicator_set_field (indicator, FISCAL_INDICATOR_WEIGHT, "按照完成比例赋分");
  fiscal_targets_add_indicator (fiscal_document_get_targets (f->doc), indicator);
  fiscal_profile_add_vehicle (fiscal_document_get_profile (f->doc), "其他车辆", -1, 0);

  findings = run (f);
  g_assert_cmpuint (findings->len, >=, 2);
  finding = expect (findings, "budget.invalid", 2, FISCAL_SEVERITY_ERROR, "profile.assets.vehicles[0].count");
  g_assert_nonnull (strstr (finding->message, "-1"));
  finding = g_ptr_array_index (findings, 1);
  g_assert_cmpstr (finding->where, ==, "targets.indicators[0].weight");
  g_assert_cmpstr (finding->rule, ==, "budget.invalid");
  g_assert_nonnull (strstr (finding->message, "培训人次"));
  g_assert_nonnull (strstr (finding->message, "按照完成比例赋分"));
}

static void
test_projects (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(FiscalProject) idle = fiscal_project_new ("p2", "闲置项目");
  g_autoptr(GPtrArray) findings = NULL;

  fiscal_document_add_project (f->doc, idle);
  fiscal_project_set_name (first_project (f->doc), NULL);

  findings = run (f);
  expect (findings, "project.name", 1, FISCAL_SEVERITY_ERROR, "projects[0].name");
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* The narrative needs the policy basis of a funded project. */
  fiscal_project_set_field (first_project (f->doc), FISCAL_PROJECT_POLICY_BASIS, NULL);
  findings = run (f);
  expect (findings, "text.missing", 1, FISCAL_SEVERITY_WARNING, "projects[0].policy_basis");
  expect (findings, "project.lines", 1, FISCAL_SEVERITY_WARNING, "projects[1]");
}

static void
test_staffing (Fixture       *f,
               gconstpointer  data)
{
  FiscalProfile *profile = fiscal_document_get_profile (f->doc);
  g_autoptr(GPtrArray) findings = NULL;
  const FiscalFinding *finding;

  fiscal_profile_set_number (profile, FISCAL_PROFILE_STAFF_ACTUAL, 11);
  fiscal_profile_set_number (profile, FISCAL_PROFILE_STAFF_ACTIVE_CHANGE, -1);

  findings = run (f);
  finding = expect (findings, "staffing.sum", 1, FISCAL_SEVERITY_ERROR, "profile.staffing.actual");
  g_assert_nonnull (strstr (finding->message, "11"));
  g_assert_nonnull (strstr (finding->message, "10"));
  expect (findings, "staffing.change", 1, FISCAL_SEVERITY_WARNING, "profile.staffing.active_change");
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* Without a prior year the changes cannot be checked. */
  findings = fiscal_document_validate_with_prior (f->doc, NULL);
  expect (findings, "staffing.change", 0, 0, NULL);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* The largest counts a file holds add up beyond an int; the message
   * gives their sum, not a wrapped one. */
  fiscal_profile_set_number (profile, FISCAL_PROFILE_STAFF_ACTIVE, G_MAXINT32);
  fiscal_profile_set_number (profile, FISCAL_PROFILE_STAFF_RETIRED, G_MAXINT32);
  fiscal_profile_set_number (profile, FISCAL_PROFILE_STAFF_HONORARY, G_MAXINT32);
  findings = fiscal_document_validate_with_prior (f->doc, NULL);
  finding = expect (findings, "staffing.sum", 1, FISCAL_SEVERITY_ERROR, "profile.staffing.actual");
  g_assert_nonnull (strstr (finding->message, "make 6442450941"));
}

/* Negative counts, areas and values in the profile are errors, whether set
 * here or read from a file. */
static void
test_profile_negative (Fixture       *f,
                       gconstpointer  data)
{
  static const char json[] =
    "{ \"format\": \"fiscal-budget\", \"version\": 1, \"year\": 2025,"
    "  \"department\": { \"name\": \"测试局\" }, \"units\": [ { \"id\": \"main\", \"name\": \"测试局\" } ],"
    "  \"profile\": { \"assets\": { \"building_value\": \"-5000.00\","
    "                  \"vehicles\": [ { \"kind\": \"其他车辆\", \"count\": 1, \"value\": \"-1.50\" } ] } },"
    "  \"lines\": [] }";
  FiscalProfile *profile = fiscal_document_get_profile (f->doc);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(FiscalDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;
  const FiscalFinding *finding;

  findings = run (f);
  expect (findings, "profile.negative", 0, 0, NULL);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* A change in staff may be negative; a count or a value may not. */
  fiscal_profile_set_number (profile, FISCAL_PROFILE_STAFF_ACTIVE_CHANGE, -2);
  fiscal_profile_set_number (profile, FISCAL_PROFILE_STAFF_RETIRED, -3);
  fiscal_profile_set_number (profile, FISCAL_PROFILE_ASSETS_BUILDING_AREA, -100);
  findings = run (f);
  finding = expect (findings, "profile.negative", 2, FISCAL_SEVERITY_ERROR, "profile.staffing.retired");
  g_assert_nonnull (strstr (finding->message, "-3"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  loaded = fiscal_document_load_from_data (json, strlen (json), &error);
  g_assert_no_error (error);
  findings = fiscal_document_validate_with_prior (loaded, NULL);
  finding = expect (findings, "profile.negative", 2, FISCAL_SEVERITY_ERROR, "profile.assets.building_value");
  g_assert_nonnull (strstr (finding->message, "-5000.00"));
  for (guint i = 0; i < findings->len; i++)
    {
      finding = g_ptr_array_index (findings, i);
      if (g_str_equal (finding->rule, "profile.negative") && g_str_equal (finding->where, "profile.assets.vehicles"))
        break;
      finding = NULL;
    }
  g_assert_nonnull (finding);
  g_assert_nonnull (strstr (finding->message, "其他车辆"));
  g_assert_nonnull (strstr (finding->message, "-1.50"));
}

static void
test_procurement (Fixture       *f,
                  gconstpointer  data)
{
  FiscalProfile *profile = fiscal_document_get_profile (f->doc);
  g_autoptr(GPtrArray) findings = NULL;

  fiscal_profile_set_number (profile, FISCAL_PROFILE_PROCUREMENT_RESERVED_SME, WAN (6));
  fiscal_profile_set_number (profile, FISCAL_PROFILE_PROCUREMENT_RESERVED_SMALL, WAN (7));

  findings = run (f);
  expect (findings, "procurement.reserved", 2, FISCAL_SEVERITY_ERROR, "profile.procurement.reserved_sme");
}

static void
test_sangong (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;
  const FiscalFinding *finding;

  /* Less than last year is fine. */
  add (f->doc, "2010101", "30217", FISCAL_KIND_PUBLIC, FISCAL_SOURCE_GENERAL, WAN (1));
  add (f->prior, "2010101", "30217", FISCAL_KIND_PUBLIC, FISCAL_SOURCE_GENERAL, WAN (2));
  fiscal_document_set_explanation (f->doc, "sangong.reception", "压减接待");
  fiscal_document_set_explanation (f->doc, "income.general", "接待减少");
  fiscal_document_set_explanation (f->doc, "expenditure.basic", "接待减少");
  fiscal_document_set_explanation (f->doc, "general.basic", "接待减少");
  fiscal_document_set_explanation (f->doc, "function.2010101", "接待减少");
  fiscal_document_set_explanation (f->doc, "operating-expenses", "接待减少");
  findings = run (f);
  g_assert_cmpuint (findings->len, ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* More is a warning that names the item and both figures. */
  add (f->doc, "2010101", "30231", FISCAL_KIND_PUBLIC, FISCAL_SOURCE_GENERAL, WAN (3));
  findings = run (f);
  finding = expect (findings, "sangong.increase", 1, FISCAL_SEVERITY_WARNING, "tables[9].vehicle-operation");
  g_assert_nonnull (strstr (finding->message, "公务用车运行费"));
  g_assert_nonnull (strstr (finding->message, "3.00 万元"));
  g_assert_nonnull (strstr (finding->message, "0.00 万元"));
}

static void
test_reasons (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;

  fiscal_line_set_amount (line_at (f->doc, 4), WAN (12));

  findings = run (f);
  expect (findings, "reason.missing", 4, FISCAL_SEVERITY_WARNING, "explanations.income.general");
  expect (findings, "text.figures", 1, FISCAL_SEVERITY_WARNING, "projects[0].allocation");
  g_clear_pointer (&findings, g_ptr_array_unref);

  fiscal_document_set_explanation (f->doc, "income.general", "新增系统运维");
  fiscal_document_set_explanation (f->doc, "expenditure.project", "新增系统运维");
  fiscal_document_set_explanation (f->doc, "general.project", "新增系统运维");
  fiscal_document_set_explanation (f->doc, "function.2010102", "新增系统运维");
  fiscal_project_set_field (first_project (f->doc), FISCAL_PROJECT_ALLOCATION, "系统运维 8 万元；网络安全 4 万元");
  findings = run (f);
  g_assert_cmpuint (findings->len, ==, 0);
}

static void
test_placeholders (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;

  fiscal_line_set_note (line_at (f->doc, 0), "XX 科室工资");
  fiscal_document_set_explanation (f->doc, "other", "{单位}无其他需说明事项");
  fiscal_profile_set_text (fiscal_document_get_profile (f->doc), FISCAL_PROFILE_INSTITUTIONS, "下设 待填写 个科室");

  findings = run (f);
  expect (findings, "text.placeholder", 3, FISCAL_SEVERITY_WARNING, "profile.institutions");
}

static void
test_text_figures (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;
  const FiscalFinding *finding;

  fiscal_project_set_field (first_project (f->doc), FISCAL_PROJECT_ALLOCATION, "系统运维 6 万元；网络安全 4.5 万元");
  fiscal_profile_set_number (fiscal_document_get_profile (f->doc), FISCAL_PROFILE_OPERATING_EXPENSES, WAN (9));

  findings = run (f);
  finding = expect (findings, "text.figures", 2, FISCAL_SEVERITY_WARNING, "projects[0].allocation");
  g_assert_nonnull (strstr (finding->message, "10.50 万元"));
  g_assert_nonnull (strstr (finding->message, "10.00 万元"));
}

static void
test_catalog_year (void)
{
  g_autoptr(FiscalDocument) current = clean_budget (2025);
  g_autoptr(FiscalDocument) older = clean_budget (2024);
  g_autoptr(GPtrArray) a = fiscal_document_validate_with_prior (current, NULL);
  g_autoptr(GPtrArray) b = fiscal_document_validate_with_prior (older, NULL);
  const FiscalFinding *finding;

  expect (a, "catalog.other-year", 0, 0, NULL);
  finding = expect (b, "catalog.other-year", 1, FISCAL_SEVERITY_INFO, "year");
  g_assert_nonnull (strstr (finding->message, "2024"));
  g_assert_nonnull (strstr (finding->message, "2025"));
}

/* The budget linked as last year's must be of the year before. */
static void
test_prior_year (void)
{
  g_autoptr(FiscalDocument) current = clean_budget (2026);
  g_autoptr(FiscalDocument) last = clean_budget (2025);
  g_autoptr(FiscalDocument) older = clean_budget (2024);
  g_autoptr(GPtrArray) right = fiscal_document_validate_with_prior (current, last);
  g_autoptr(GPtrArray) wrong = fiscal_document_validate_with_prior (current, older);
  g_autoptr(GPtrArray) none = fiscal_document_validate_with_prior (current, NULL);
  const FiscalFinding *finding;

  expect (right, "prior.year", 0, 0, NULL);
  expect (none, "prior.year", 0, 0, NULL);
  finding = expect (wrong, "prior.year", 1, FISCAL_SEVERITY_WARNING, "prior");
  g_assert_nonnull (strstr (finding->message, "2024"));
  g_assert_nonnull (strstr (finding->message, "2025"));
}

static void
test_prior_unreadable (void)
{
  g_autoptr(FiscalDocument) doc = clean_budget (2025);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/budget.fiscal.json");

  fiscal_document_set_file (doc, file);
  fiscal_document_set_prior_path (doc, "budget-2024.fiscal.json");
  findings = fiscal_document_validate (doc);
  expect (findings, "prior.unreadable", 1, FISCAL_SEVERITY_WARNING, "prior");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/validate/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("clean", test_clean);
  ADD ("codes", test_codes);
  ADD ("economic-missing", test_economic_missing);
  ADD ("source-function", test_source_function);
  ADD ("kind-economic", test_kind_economic);
  ADD ("economic-function", test_economic_function);
  ADD ("amounts", test_amounts);
  ADD ("money-ceiling", test_money_ceiling);
  ADD ("references", test_references);
  ADD ("invalid", test_invalid);
  ADD ("projects", test_projects);
  ADD ("staffing", test_staffing);
  ADD ("profile-negative", test_profile_negative);
  ADD ("procurement", test_procurement);
  ADD ("sangong", test_sangong);
  ADD ("reasons", test_reasons);
  ADD ("placeholders", test_placeholders);
  ADD ("text-figures", test_text_figures);
#undef ADD
  g_test_add_func ("/validate/prior-unreadable", test_prior_unreadable);
  g_test_add_func ("/validate/prior-year", test_prior_year);
  g_test_add_func ("/validate/catalog-year", test_catalog_year);

  return g_test_run ();
}
