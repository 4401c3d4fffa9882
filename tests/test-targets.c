/* test-targets.c
 *
 * Performance targets (绩效目标): the model and its undo, the file format,
 * the indicator framework, and each target check on a budget that passes
 * it and on one that fails it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fiscal-core.h"
#include "fiscal-test-util.h"

#define WAN(x) ((gint64) (x) * 1000000)

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static FiscalIndicator *
indicator (const char *level1,
           const char *level2,
           const char *name,
           const char *op,
           const char *value,
           const char *unit,
           const char *qualitative,
           const char *weight)
{
  FiscalIndicator *ind = fiscal_indicator_new (level1, level2, name);

  fiscal_indicator_set_field (ind, FISCAL_INDICATOR_OPERATOR, op);
  fiscal_indicator_set_field (ind, FISCAL_INDICATOR_VALUE, value);
  fiscal_indicator_set_field (ind, FISCAL_INDICATOR_UNIT, unit);
  fiscal_indicator_set_field (ind, FISCAL_INDICATOR_QUALITATIVE, qualitative);
  fiscal_indicator_set_field (ind, FISCAL_INDICATOR_WEIGHT, weight);
  return ind;
}

static void
add_line (FiscalDocument *doc,
          FiscalKind      kind,
          FiscalSource    source,
          gint64          fen)
{
  g_autofree char *id = fiscal_document_new_line_id (doc);
  g_autoptr(FiscalLine) line = fiscal_line_new_full (id, "main", "2010102", kind == FISCAL_KIND_PROJECT ? "30227" : "30201",
                                                     kind, kind == FISCAL_KIND_PROJECT ? "p1" : NULL, source, fen);
  fiscal_document_add_line (doc, line);
}

/* A budget whose targets pass every target check. */
static FiscalDocument *
clean_budget (void)
{
  FiscalDocument *doc = fiscal_document_new (2025, "测试局");
  g_autoptr(FiscalProject) project = fiscal_project_new ("p1", "信息化运维");
  FiscalTargets *targets = fiscal_project_get_targets (project);
  FiscalTargets *department = fiscal_document_get_targets (doc);
  FiscalIndicator *items[4];

  fiscal_document_add_project (doc, project);
  add_line (doc, FISCAL_KIND_PUBLIC, FISCAL_SOURCE_GENERAL, WAN (20));
  add_line (doc, FISCAL_KIND_PUBLIC, FISCAL_SOURCE_GENERAL_TRANSFER, WAN (3));
  add_line (doc, FISCAL_KIND_PROJECT, FISCAL_SOURCE_GENERAL, WAN (10));
  add_line (doc, FISCAL_KIND_PROJECT, FISCAL_SOURCE_UNIT_OTHER, WAN (5));

  fiscal_targets_set_fund (targets, FISCAL_FUND_TOTAL, WAN (15));
  fiscal_targets_set_fund (targets, FISCAL_FUND_FISCAL, WAN (10));
  fiscal_targets_set_fund (targets, FISCAL_FUND_OTHER, WAN (5));
  items[0] = indicator ("产出指标", "数量指标", "培训人次", ">=", "100", "人次", NULL, "40");
  items[1] = indicator ("成本指标", "经济成本指标", "项目总成本", "<=", "15", "万元", NULL, "20");
  items[2] = indicator ("效益指标", "社会效益指标", "公共服务能力", NULL, NULL, NULL, "提高", "30");
  items[3] = indicator ("满意度指标", "服务对象满意度指标", "服务对象满意度", ">=", "90", "%", NULL, "10");
  fiscal_indicator_set_field (items[3], FISCAL_INDICATOR_PRIOR, "85%");
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      fiscal_targets_add_indicator (targets, items[i]);
      g_object_unref (items[i]);
    }

  fiscal_targets_set_goal (department, "完成年度工作任务");
  fiscal_targets_set_fund (department, FISCAL_FUND_LOCAL, WAN (30));
  fiscal_targets_set_fund (department, FISCAL_FUND_UPPER, WAN (3));
  fiscal_targets_set_fund (department, FISCAL_FUND_OTHER, WAN (5));

  fiscal_document_clear_history (doc);
  return doc;
}

static FiscalIndicator *
project_indicator (FiscalDocument *doc,
                   guint           i)
{
  FiscalProject *project = fiscal_document_find_project (doc, "p1");
  g_autoptr(FiscalIndicator) item = g_list_model_get_item (fiscal_targets_get_indicators (fiscal_project_get_targets (project)), i);
  return item;   /* the table holds it */
}

/* The findings of @rule; and none of any other target rule. */
static guint
count_rule (FiscalDocument *doc,
            const char     *rule,
            const char     *where)
{
  g_autoptr(GPtrArray) findings = fiscal_document_validate_with_prior (doc, NULL);
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    {
      FiscalFinding *f = g_ptr_array_index (findings, i);

      if (!g_str_has_prefix (f->rule, "targets."))
        continue;
      if (g_strcmp0 (f->rule, rule) != 0)
        g_error ("unexpected finding %s: %s", f->rule, f->message);
      if (where != NULL)
        g_assert_cmpstr (f->where, ==, where);
      n++;
    }

  return n;
}

static void
test_indicator_notify (void)
{
  g_autoptr(FiscalIndicator) ind = fiscal_indicator_new ("产出", "数量指标", "培训人次");
  g_autofree char *target = NULL;
  guint count = 0;

  g_signal_connect (ind, "notify::value", G_CALLBACK (count_notify), &count);
  fiscal_indicator_set_field (ind, FISCAL_INDICATOR_VALUE, "100");
  fiscal_indicator_set_field (ind, FISCAL_INDICATOR_VALUE, "100");
  g_assert_cmpuint (count, ==, 1);

  fiscal_indicator_set_field (ind, FISCAL_INDICATOR_OPERATOR, "≥");
  g_assert_cmpstr (fiscal_indicator_get_field (ind, FISCAL_INDICATOR_OPERATOR), ==, ">=");
  g_assert_cmpint (fiscal_indicator_get_operator (ind), ==, FISCAL_OPERATOR_GE);
  fiscal_indicator_set_field (ind, FISCAL_INDICATOR_UNIT, "人次");
  target = fiscal_indicator_format_target (ind);
  g_assert_cmpstr (target, ==, "≥100 人次");
}

static void
test_decimal (void)
{
  gint64 v;

  g_assert_true (fiscal_decimal_parse ("3570.91", &v));
  g_assert_cmpint (v, ==, G_GINT64_CONSTANT (3570910000));
  g_assert_true (fiscal_decimal_parse ("-2", &v));
  g_assert_cmpint (v, ==, -2 * FISCAL_DECIMAL_ONE);
  g_assert_false (fiscal_decimal_parse ("1.", &v));
  g_assert_false (fiscal_decimal_parse ("1e3", &v));
  g_assert_false (fiscal_decimal_parse ("0.1234567", &v));
  g_assert_false (fiscal_decimal_parse ("", &v));

  /* The largest values: the decimals must not carry the whole past
   * G_MAXINT64 millionths into a negative number (found by fuzz-money). */
  g_assert_true (fiscal_decimal_parse ("9223372036854.775807", &v));
  g_assert_cmpint (v, ==, G_MAXINT64);
  g_assert_true (fiscal_decimal_parse ("-9223372036854.775807", &v));
  g_assert_cmpint (v, ==, -G_MAXINT64);
  g_assert_false (fiscal_decimal_parse ("9223372036854.775808", &v));
  g_assert_false (fiscal_decimal_parse ("9223372036854.999999", &v));
  g_assert_false (fiscal_decimal_parse ("9223372036855", &v));
}

static void
test_undo (void)
{
  g_autoptr(FiscalDocument) doc = clean_budget ();
  FiscalTargets *targets = fiscal_project_get_targets (fiscal_document_find_project (doc, "p1"));
  GListModel *list = fiscal_targets_get_indicators (targets);
  g_autoptr(FiscalIndicator) first = g_object_ref (project_indicator (doc, 0));
  g_autoptr(FiscalIndicator) added = fiscal_indicator_new ("产出", "时效指标", "完成及时率");

  /* a field */
  fiscal_indicator_set_field (first, FISCAL_INDICATOR_VALUE, "120");
  g_assert_true (fiscal_document_can_undo (doc));
  g_assert_true (fiscal_document_undo (doc));
  g_assert_cmpstr (fiscal_indicator_get_field (first, FISCAL_INDICATOR_VALUE), ==, "100");
  g_assert_true (fiscal_document_redo (doc));
  g_assert_cmpstr (fiscal_indicator_get_field (first, FISCAL_INDICATOR_VALUE), ==, "120");

  /* the stated funds and the goal */
  fiscal_targets_set_fund (targets, FISCAL_FUND_TOTAL, WAN (16));
  fiscal_document_undo (doc);
  g_assert_cmpint (fiscal_targets_get_fund (targets, FISCAL_FUND_TOTAL), ==, WAN (15));
  fiscal_targets_set_goal (fiscal_document_get_targets (doc), "新的目标");
  fiscal_document_undo (doc);
  g_assert_cmpstr (fiscal_targets_get_goal (fiscal_document_get_targets (doc)), ==, "完成年度工作任务");

  /* insertion and removal */
  fiscal_targets_insert_indicator (targets, 1, added);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 5);
  g_assert_cmpstr (fiscal_document_get_undo_label (doc), ==, "Add Indicator");
  fiscal_document_undo (doc);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 4);
  fiscal_document_redo (doc);
  g_assert_true (g_list_model_get_item (list, 1) == (gpointer) added);
  g_object_unref (added);

  fiscal_targets_remove_indicator (targets, 0);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 4);
  fiscal_document_undo (doc);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 5);
  g_assert_true (project_indicator (doc, 0) == first);

  /* a move is one step */
  {
    g_autoptr(FiscalIndicator) second = g_list_model_get_item (list, 1);

    fiscal_targets_move_indicator (targets, 0, 3);
    g_assert_true (project_indicator (doc, 3) == first);
    g_assert_true (project_indicator (doc, 0) == second);
    g_assert_cmpuint (g_list_model_get_n_items (list), ==, 5);
    g_assert_cmpstr (fiscal_document_get_undo_label (doc), ==, "Move Indicator");
    g_assert_true (fiscal_document_undo (doc));
    g_assert_true (project_indicator (doc, 0) == first);
    g_assert_true (project_indicator (doc, 1) == second);
    g_assert_true (fiscal_document_redo (doc));
    g_assert_true (project_indicator (doc, 3) == first);
    g_assert_true (fiscal_document_undo (doc));
  }

  /* an indicator removed from the table no longer records edits */
  fiscal_targets_remove_indicator (targets, 0);
  fiscal_document_clear_history (doc);
  fiscal_indicator_set_field (first, FISCAL_INDICATOR_VALUE, "1");
  g_assert_false (fiscal_document_can_undo (doc));
}

static void
test_io_round_trip (void)
{
  g_autoptr(FiscalDocument) doc = clean_budget ();
  g_autoptr(GBytes) bytes = fiscal_document_to_bytes (doc);
  g_autoptr(FiscalDocument) again = NULL;
  g_autoptr(GBytes) bytes2 = NULL;
  g_autoptr(GError) error = NULL;
  FiscalTargets *targets;

  g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL),
                            "{ \"level1\": \"产出指标\", \"level2\": \"数量指标\", \"name\": \"培训人次\", \"operator\": \">=\", "
                            "\"value\": \"100\", \"unit\": \"人次\", \"weight\": \"40\" }"));
  again = fiscal_document_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  bytes2 = fiscal_document_to_bytes (again);
  g_assert_true (g_bytes_equal (bytes, bytes2));

  targets = fiscal_project_get_targets (fiscal_document_find_project (again, "p1"));
  g_assert_cmpint (fiscal_targets_get_fund (targets, FISCAL_FUND_OTHER), ==, WAN (5));
  g_assert_cmpuint (g_list_model_get_n_items (fiscal_targets_get_indicators (targets)), ==, 4);
  g_assert_cmpstr (fiscal_targets_get_goal (fiscal_document_get_targets (again)), ==, "完成年度工作任务");
}

static void
test_io_errors (void)
{
  static const struct {
    const char *targets;
    int         code;
    const char *where;
  } cases[] = {
    { "{ \"indicators\": [ { \"operator\": \"=>\" } ] }", FISCAL_ERROR_BAD_VALUE, "targets.indicators[0].operator:" },
    { "{ \"indicators\": [ { \"name\": \"a\" }, { \"value\": \"1e3\" } ] }", FISCAL_ERROR_AMOUNT_SYNTAX, "targets.indicators[1].value:" },
    { "{ \"indicators\": [ { \"weight\": 10 } ] }", FISCAL_ERROR_WRONG_TYPE, "targets.indicators[0].weight:" },
    { "{ \"funds\": { \"total\": \"1.00\" } }", FISCAL_ERROR_BAD_VALUE, "targets.funds.total:" },
    { "{ \"funds\": { \"local\": \"1.001\" } }", FISCAL_ERROR_AMOUNT_PRECISION, "targets.funds.local:" },
    { "{ \"colour\": \"red\" }", FISCAL_ERROR_BAD_VALUE, "targets.colour:" },
    { "[]", FISCAL_ERROR_WRONG_TYPE, "targets:" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("{ \"format\": \"fiscal-budget\", \"version\": 1, \"year\": 2025, "
                                               "\"department\": { \"name\": \"测试局\" }, "
                                               "\"units\": [ { \"id\": \"main\", \"name\": \"测试局\" } ], "
                                               "\"targets\": %s }", cases[i].targets);
      g_autoptr(GError) error = NULL;
      g_autoptr(FiscalDocument) doc = fiscal_document_load_from_data (text, strlen (text), &error);

      g_assert_null (doc);
      g_assert_error (error, FISCAL_ERROR, cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, cases[i].where));
    }
}

static void
test_example (void)
{
  g_autoptr(FiscalDocument) doc = fiscal_test_load_example (2025);
  FiscalTargets *department = fiscal_document_get_targets (doc);
  FiscalTargets *project = fiscal_project_get_targets (fiscal_document_find_project (doc, "p1"));
  g_autoptr(FiscalIndicator) cost = g_list_model_get_item (fiscal_targets_get_indicators (project), 5);
  g_autofree char *path = fiscal_test_example_path (2025);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = fiscal_document_to_bytes (doc);
  gsize length;

  g_assert_cmpuint (g_list_model_get_n_items (fiscal_targets_get_indicators (department)), ==, 16);
  g_assert_cmpint (fiscal_targets_get_fund (department, FISCAL_FUND_LOCAL), ==, G_GINT64_CONSTANT (205100000));
  g_assert_cmpint (fiscal_targets_get_fund (department, FISCAL_FUND_UPPER), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (fiscal_targets_get_indicators (project)), ==, 8);
  g_assert_cmpint (fiscal_targets_get_fund (project, FISCAL_FUND_TOTAL), ==, WAN (173));
  g_assert_cmpstr (fiscal_indicator_get_field (cost, FISCAL_INDICATOR_VALUE), ==, "93.91");
  g_assert_cmpint (fiscal_indicator_get_operator (cost), ==, FISCAL_OPERATOR_LE);

  /* the file is in Fiscal's own canonical form */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
test_new_from_prior (void)
{
  g_autoptr(FiscalDocument) prior = clean_budget ();
  g_autoptr(FiscalDocument) doc = fiscal_document_new_from_prior (prior, 11000);   /* +10% */
  FiscalTargets *targets = fiscal_project_get_targets (fiscal_document_find_project (doc, "p1"));
  FiscalTargets *old = fiscal_project_get_targets (fiscal_document_find_project (prior, "p1"));
  g_autoptr(FiscalIndicator) first = g_list_model_get_item (fiscal_targets_get_indicators (targets), 0);
  g_autoptr(FiscalIndicator) old_first = g_list_model_get_item (fiscal_targets_get_indicators (old), 0);

  g_assert_cmpuint (g_list_model_get_n_items (fiscal_targets_get_indicators (targets)), ==, 4);
  g_assert_true (first != old_first);
  g_assert_cmpstr (fiscal_indicator_get_field (first, FISCAL_INDICATOR_NAME), ==, "培训人次");
  g_assert_cmpint (fiscal_targets_get_fund (targets, FISCAL_FUND_TOTAL), ==, WAN (165) / 10);
  g_assert_cmpstr (fiscal_targets_get_goal (fiscal_document_get_targets (doc)), ==, "完成年度工作任务");
  g_assert_false (fiscal_document_can_undo (doc));

  /* the copies belong to the new budget: their edits are its to undo */
  fiscal_indicator_set_field (first, FISCAL_INDICATOR_VALUE, "110");
  g_assert_true (fiscal_document_can_undo (doc));
  g_assert_false (fiscal_document_can_undo (prior));
}

static void
test_framework (void)
{
  FiscalFramework *fw = fiscal_framework_get_default ();
  const char * const *cost = fiscal_framework_get_level2 (fw, FISCAL_CATEGORY_COST);
  g_autoptr(FiscalFramework) old = NULL;
  g_autoptr(GError) error = NULL;
  static const char old_layout[] =
    "{ \"format\": \"fiscal-target-framework\", \"levels\": ["
    "  { \"name\": \"产出\", \"children\": [\"数量指标\", { \"name\": \"成本指标\", \"children\": [\"经济成本指标\"] }] },"
    "  { \"name\": \"效益\", \"children\": [\"社会效益指标\"] } ] }";
  static const char rules[] =
    "{ \"format\": \"fiscal-target-rules\", \"weight_total\": \"10\", \"required\": [\"产出\"], \"require_satisfaction\": true }";

  g_assert_cmpstr (cost[0], ==, "经济成本指标");
  g_assert_true (g_strv_contains (fiscal_framework_get_level2 (fw, FISCAL_CATEGORY_BENEFIT), "可持续影响指标"));
  g_assert_cmpuint (fiscal_framework_get_n_library (fw), >, 10);
  g_assert_cmpint (fiscal_framework_get_weight_total (fw), ==, 100 * FISCAL_DECIMAL_ONE);
  g_assert_true (fiscal_framework_requires (fw, FISCAL_CATEGORY_OUTPUT));
  g_assert_true (fiscal_framework_requires (fw, FISCAL_CATEGORY_BENEFIT));
  g_assert_false (fiscal_framework_requires (fw, FISCAL_CATEGORY_SATISFACTION));

  g_assert_cmpint (fiscal_framework_classify (fw, "产出 指标", "数量 指标"), ==, FISCAL_CATEGORY_OUTPUT);
  g_assert_cmpint (fiscal_framework_classify (fw, "产出", "经济成本指标"), ==, FISCAL_CATEGORY_COST);
  g_assert_cmpint (fiscal_framework_classify (fw, "履职效能", "数量指标"), ==, FISCAL_CATEGORY_OUTPUT);
  g_assert_cmpint (fiscal_framework_classify (fw, "社会效益", "质量指标"), ==, FISCAL_CATEGORY_OUTPUT);
  g_assert_cmpint (fiscal_framework_classify (fw, "履职效能", "其他"), ==, FISCAL_CATEGORY_NONE);
  g_assert_cmpint (fiscal_framework_classify (fw, "满意度指标", NULL), ==, FISCAL_CATEGORY_SATISFACTION);

  old = fiscal_framework_new_from_data (old_layout, -1, rules, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fiscal_framework_get_level2 (old, FISCAL_CATEGORY_COST)[0], ==, "经济成本指标");
  g_assert_cmpstr (fiscal_framework_get_level2 (old, FISCAL_CATEGORY_OUTPUT)[0], ==, "数量指标");
  g_assert_null (fiscal_framework_get_level2 (old, FISCAL_CATEGORY_OUTPUT)[1]);
  g_assert_true (fiscal_framework_requires (old, FISCAL_CATEGORY_SATISFACTION));
  g_assert_false (fiscal_framework_requires (old, FISCAL_CATEGORY_BENEFIT));
  g_assert_cmpint (fiscal_framework_get_weight_total (old), ==, 10 * FISCAL_DECIMAL_ONE);

  /* The 一级 as tables write it, from the data; the short name without. */
  g_assert_cmpstr (fiscal_framework_get_label (fw, FISCAL_CATEGORY_OUTPUT), ==, "产出指标");
  g_assert_cmpstr (fiscal_framework_get_label (fw, FISCAL_CATEGORY_SATISFACTION), ==, "满意度指标");
  g_assert_cmpstr (fiscal_framework_get_label (old, FISCAL_CATEGORY_BENEFIT), ==, "效益");
}

static void
test_clean (void)
{
  g_autoptr(FiscalDocument) doc = clean_budget ();
  g_assert_cmpuint (count_rule (doc, NULL, NULL), ==, 0);
}

static void
test_weights (void)
{
  g_autoptr(FiscalDocument) doc = clean_budget ();

  fiscal_indicator_set_field (project_indicator (doc, 0), FISCAL_INDICATOR_WEIGHT, "35.5");
  g_assert_cmpuint (count_rule (doc, "targets.weights", "projects[0].targets.indicators"), ==, 1);

  /* a table without weights is not checked */
  for (guint i = 0; i < 4; i++)
    fiscal_indicator_set_field (project_indicator (doc, i), FISCAL_INDICATOR_WEIGHT, NULL);
  g_assert_cmpuint (count_rule (doc, NULL, NULL), ==, 0);
}

static void
test_categories (void)
{
  g_autoptr(FiscalDocument) doc = clean_budget ();
  FiscalFramework *fw = fiscal_framework_get_default ();
  FiscalTargets *targets = fiscal_project_get_targets (fiscal_document_find_project (doc, "p1"));

  /* without its 满意度 row the table still passes the default rules… */
  fiscal_indicator_set_field (project_indicator (doc, 2), FISCAL_INDICATOR_WEIGHT, "40");
  fiscal_targets_remove_indicator (targets, 3);
  g_assert_cmpuint (count_rule (doc, NULL, NULL), ==, 0);

  /* …but not rules that ask for it */
  fiscal_framework_set_requires (fw, FISCAL_CATEGORY_SATISFACTION, TRUE);
  g_assert_cmpuint (count_rule (doc, "targets.categories", "projects[0].targets.indicators"), ==, 1);
  fiscal_framework_set_requires (fw, FISCAL_CATEGORY_SATISFACTION, FALSE);

  /* no 效益 */
  fiscal_indicator_set_field (project_indicator (doc, 2), FISCAL_INDICATOR_LEVEL1, "产出指标");
  fiscal_indicator_set_field (project_indicator (doc, 2), FISCAL_INDICATOR_LEVEL2, "质量指标");
  g_assert_cmpuint (count_rule (doc, "targets.categories", NULL), ==, 1);
}

static void
test_quantitative (void)
{
  g_autoptr(FiscalDocument) doc = clean_budget ();

  fiscal_indicator_set_field (project_indicator (doc, 0), FISCAL_INDICATOR_UNIT, NULL);
  g_assert_cmpuint (count_rule (doc, "targets.quantitative", "projects[0].targets.indicators[0]"), ==, 1);
  fiscal_indicator_set_field (project_indicator (doc, 0), FISCAL_INDICATOR_UNIT, "人次");

  fiscal_indicator_set_field (project_indicator (doc, 2), FISCAL_INDICATOR_QUALITATIVE, NULL);
  g_assert_cmpuint (count_rule (doc, "targets.quantitative", "projects[0].targets.indicators[2]"), ==, 1);
}

static void
test_duplicates (void)
{
  g_autoptr(FiscalDocument) doc = clean_budget ();
  FiscalTargets *targets = fiscal_project_get_targets (fiscal_document_find_project (doc, "p1"));
  g_autoptr(FiscalIndicator) copy = fiscal_indicator_copy (project_indicator (doc, 0));

  fiscal_indicator_set_field (copy, FISCAL_INDICATOR_NAME, "培训 人次");
  fiscal_indicator_set_field (copy, FISCAL_INDICATOR_WEIGHT, NULL);
  fiscal_targets_add_indicator (targets, copy);
  g_assert_cmpuint (count_rule (doc, "targets.duplicate", "projects[0].targets.indicators[4]"), ==, 1);
}

static void
test_funds (void)
{
  g_autoptr(FiscalDocument) doc = clean_budget ();
  FiscalTargets *targets = fiscal_project_get_targets (fiscal_document_find_project (doc, "p1"));
  FiscalTargets *department = fiscal_document_get_targets (doc);

  fiscal_targets_set_fund (targets, FISCAL_FUND_FISCAL, WAN (9));
  g_assert_cmpuint (count_rule (doc, "targets.funds", "projects[0].targets.funds.fiscal"), ==, 1);
  fiscal_targets_set_fund (targets, FISCAL_FUND_FISCAL, WAN (10));

  fiscal_targets_set_fund (department, FISCAL_FUND_UPPER, 0);
  g_assert_cmpuint (count_rule (doc, "targets.funds", "targets.funds.upper"), ==, 1);

  /* stated in 万元 with two decimals, the rounded figure is right */
  fiscal_targets_set_fund (department, FISCAL_FUND_UPPER, WAN (3));
  add_line (doc, FISCAL_KIND_PUBLIC, FISCAL_SOURCE_GENERAL, 40);
  g_assert_cmpuint (count_rule (doc, NULL, NULL), ==, 0);
}

static void
test_costs (void)
{
  g_autoptr(FiscalDocument) doc = clean_budget ();
  FiscalTargets *targets = fiscal_project_get_targets (fiscal_document_find_project (doc, "p1"));
  g_autoptr(FiscalIndicator) extra = indicator ("产出指标", "经济成本指标", "设备费", "<=", "20000", "元", NULL, NULL);

  /* 15 万元 + 2 万元 (filed under 产出 as older tables do) > 15 万元 */
  fiscal_targets_add_indicator (targets, extra);
  g_assert_cmpuint (count_rule (doc, "targets.cost", "projects[0].targets.indicators"), ==, 1);

  fiscal_indicator_set_field (project_indicator (doc, 1), FISCAL_INDICATOR_VALUE, "13");
  g_assert_cmpuint (count_rule (doc, NULL, NULL), ==, 0);
}

static void
test_prior (void)
{
  g_autoptr(FiscalDocument) doc = clean_budget ();
  FiscalIndicator *satisfaction = project_indicator (doc, 3);
  FiscalIndicator *cost = project_indicator (doc, 1);

  fiscal_indicator_set_field (satisfaction, FISCAL_INDICATOR_PRIOR, "≥ 95 %");
  g_assert_cmpuint (count_rule (doc, "targets.prior", "projects[0].targets.indicators[3].value"), ==, 1);

  /* a prior value in another unit is not compared */
  fiscal_indicator_set_field (satisfaction, FISCAL_INDICATOR_PRIOR, "95 分");
  g_assert_cmpuint (count_rule (doc, NULL, NULL), ==, 0);

  /* a cost target below last year's is a saving, not a finding */
  fiscal_indicator_set_field (cost, FISCAL_INDICATOR_PRIOR, "20 万元");
  g_assert_cmpuint (count_rule (doc, NULL, NULL), ==, 0);
}

static void
test_example_findings (void)
{
  g_autoptr(FiscalDocument) doc = fiscal_test_load_example (2025);
  g_autoptr(GPtrArray) findings = fiscal_document_validate_with_prior (doc, NULL);
  guint weights = 0, duplicates = 0, prior = 0, other = 0;

  for (guint i = 0; i < findings->len; i++)
    {
      FiscalFinding *f = g_ptr_array_index (findings, i);

      if (g_str_equal (f->rule, "targets.weights"))
        weights++;
      else if (g_str_equal (f->rule, "targets.duplicate"))
        duplicates++;
      else if (g_str_equal (f->rule, "targets.prior"))
        prior++;
      else if (g_str_has_prefix (f->rule, "targets."))
        other++;
    }

  /* the published tables: weights of 305 and 90, six repeated rows, and
   * 6 people planned against 7 last year */
  g_assert_cmpuint (weights, ==, 2);
  g_assert_cmpuint (duplicates, ==, 6);
  g_assert_cmpuint (prior, ==, 1);
  g_assert_cmpuint (other, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/targets/indicator/notify", test_indicator_notify);
  g_test_add_func ("/targets/indicator/decimal", test_decimal);
  g_test_add_func ("/targets/undo", test_undo);
  g_test_add_func ("/targets/io/round-trip", test_io_round_trip);
  g_test_add_func ("/targets/io/errors", test_io_errors);
  g_test_add_func ("/targets/io/example", test_example);
  g_test_add_func ("/targets/new-from-prior", test_new_from_prior);
  g_test_add_func ("/targets/framework", test_framework);
  g_test_add_func ("/targets/check/clean", test_clean);
  g_test_add_func ("/targets/check/weights", test_weights);
  g_test_add_func ("/targets/check/categories", test_categories);
  g_test_add_func ("/targets/check/quantitative", test_quantitative);
  g_test_add_func ("/targets/check/duplicates", test_duplicates);
  g_test_add_func ("/targets/check/funds", test_funds);
  g_test_add_func ("/targets/check/costs", test_costs);
  g_test_add_func ("/targets/check/prior", test_prior);
  g_test_add_func ("/targets/check/example", test_example_findings);

  return g_test_run ();
}
