/* test-cli.c
 *
 * fiscal-cli as a user runs it: exit codes, output formats, errors.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sys/wait.h>

#include "fiscal-test-util.h"

static char *
example (const char *name)
{
  return fiscal_test_example_path (strstr (name, "2024") ? 2024 : 2025);
}

static void
test_help (void)
{
  g_auto(FiscalCliRun) top = { 0 };
  g_auto(FiscalCliRun) verb = { 0 };
  g_auto(FiscalCliRun) none = { 0 };

  fiscal_test_run_cli (&top, "--help", NULL);
  g_assert_cmpint (top.status, ==, 0);
  g_assert_nonnull (strstr (top.out, "validate"));
  g_assert_nonnull (strstr (top.out, "tables"));

  fiscal_test_run_cli (&verb, "tables", "--help", NULL);
  g_assert_cmpint (verb.status, ==, 0);
  g_assert_nonnull (strstr (verb.out, "--table"));
  g_assert_nonnull (strstr (verb.out, "--format"));

  fiscal_test_run_cli (&none, NULL);
  g_assert_cmpint (none.status, ==, 2);
}

static void
test_usage_errors (void)
{
  g_autofree char *path = example ("changji-liaison-2025.fiscal.json");
  g_auto(FiscalCliRun) unknown_verb = { 0 };
  g_auto(FiscalCliRun) unknown_option = { 0 };
  g_auto(FiscalCliRun) bad_format = { 0 };
  g_auto(FiscalCliRun) bad_table = { 0 };
  g_auto(FiscalCliRun) no_file = { 0 };
  g_auto(FiscalCliRun) two_files = { 0 };

  fiscal_test_run_cli (&unknown_verb, "frobnicate", path, NULL);
  g_assert_cmpint (unknown_verb.status, ==, 2);
  fiscal_test_run_cli (&unknown_option, "validate", "--frob", path, NULL);
  g_assert_cmpint (unknown_option.status, ==, 2);
  g_assert_nonnull (strstr (unknown_option.err, "--frob"));
  fiscal_test_run_cli (&bad_format, "tables", "--format", "xml", path, NULL);
  g_assert_cmpint (bad_format.status, ==, 2);
  fiscal_test_run_cli (&bad_table, "tables", "--table", "12", path, NULL);
  g_assert_cmpint (bad_table.status, ==, 2);
  fiscal_test_run_cli (&no_file, "validate", NULL);
  g_assert_cmpint (no_file.status, ==, 2);
  fiscal_test_run_cli (&two_files, "validate", path, path, NULL);
  g_assert_cmpint (two_files.status, ==, 2);
}

static void
test_validate (void)
{
  g_autofree char *path = example ("changji-liaison-2025.fiscal.json");
  g_autofree char *broken = g_test_build_filename (G_TEST_DIST, "malformed", "50-amount-three-decimals.fiscal.json", NULL);
  g_autofree char *dir = g_dir_make_tmp ("fiscal-cli-XXXXXX", NULL);
  g_autofree char *bad_codes = g_build_filename (dir, "bad.fiscal.json", NULL);
  g_auto(FiscalCliRun) ok = { 0 };
  g_auto(FiscalCliRun) json = { 0 };
  g_auto(FiscalCliRun) unreadable = { 0 };
  g_auto(FiscalCliRun) missing = { 0 };
  g_auto(FiscalCliRun) findings = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(FiscalDocument) doc = fiscal_document_new (2025, "测试");
  g_autoptr(FiscalLine) line = fiscal_line_new ("l1");
  g_autoptr(GFile) file = g_file_new_for_path (bad_codes);
  JsonArray *array;

  fiscal_test_run_cli (&ok, "validate", path, NULL);
  g_assert_cmpint (ok.status, ==, 0);
  g_assert_nonnull (strstr (ok.out, "0 errors"));

  fiscal_test_run_cli (&json, "validate", "--format", "json", path, NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, json.out, -1, NULL));
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (json_parser_get_root (parser)), "findings")));

  g_assert_true (g_file_test (broken, G_FILE_TEST_EXISTS));
  fiscal_test_run_cli (&unreadable, "validate", broken, NULL);
  g_assert_cmpint (unreadable.status, ==, 2);
  g_assert_nonnull (strstr (unreadable.err, "50-amount-three-decimals.fiscal.json"));
  g_assert_nonnull (strstr (unreadable.err, ".amount"));

  fiscal_test_run_cli (&missing, "validate", "/nonexistent.fiscal.json", NULL);
  g_assert_cmpint (missing.status, ==, 2);

  /* The weight total is the province's rule: the project's weights of 90
   * are a finding under 100 and not under 90; 0 checks no weights. */
  {
    g_auto(FiscalCliRun) rule100 = { 0 };
    g_auto(FiscalCliRun) rule90 = { 0 };
    g_auto(FiscalCliRun) unchecked = { 0 };
    g_auto(FiscalCliRun) bad_rule = { 0 };

    fiscal_test_run_cli (&rule100, "validate", path, NULL);
    g_assert_nonnull (strstr (rule100.out, "projects[0].targets.indicators: warning:"));
    g_assert_nonnull (strstr (rule100.out, "add up to 90, not 100 [targets.weights]"));
    fiscal_test_run_cli (&rule90, "validate", "--weight-total", "90", path, NULL);
    g_assert_cmpint (rule90.status, ==, 0);
    g_assert_null (strstr (rule90.out, "projects[0].targets.indicators: warning:"));
    g_assert_nonnull (strstr (rule90.out, "add up to 305, not 90 [targets.weights]"));
    fiscal_test_run_cli (&unchecked, "validate", "--weight-total", "0", path, NULL);
    g_assert_null (strstr (unchecked.out, "[targets.weights]"));
    fiscal_test_run_cli (&bad_rule, "validate", "--weight-total", "九十", path, NULL);
    g_assert_cmpint (bad_rule.status, ==, 2);
    g_assert_nonnull (strstr (bad_rule.err, "--weight-total"));
  }

  /* A document with an unknown code and a negative amount: errors, exit 1,
   * each finding with its rule, severity and place. */
  fiscal_line_set_unit (line, "main");
  fiscal_line_set_function (line, "2019898");
  fiscal_line_set_economic (line, "30101");
  fiscal_line_set_amount (line, -100);
  fiscal_document_add_line (doc, line);
  g_assert_true (fiscal_document_save (doc, file, NULL, NULL));

  fiscal_test_run_cli (&findings, "validate", "--format=json", bad_codes, NULL);
  g_assert_cmpint (findings.status, ==, 1);
  g_clear_object (&parser);
  parser = json_parser_new ();
  g_assert_true (json_parser_load_from_data (parser, findings.out, -1, NULL));
  array = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "findings");
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  {
    JsonObject *f = json_array_get_object_element (array, 0);

    g_assert_cmpstr (json_object_get_string_member (f, "rule"), ==, "code.function-unknown");
    g_assert_cmpstr (json_object_get_string_member (f, "severity"), ==, "error");
    g_assert_cmpstr (json_object_get_string_member (f, "where"), ==, "lines[0].function");
    g_assert_nonnull (strstr (json_object_get_string_member (f, "message"), "2019898"));
    f = json_array_get_object_element (array, 1);
    g_assert_cmpstr (json_object_get_string_member (f, "rule"), ==, "amount.negative");
  }

  g_remove (bad_codes);
  g_rmdir (dir);
}

static void
test_tables (void)
{
  g_autofree char *path = example ("changji-liaison-2025.fiscal.json");
  g_autofree char *dir = g_dir_make_tmp ("fiscal-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "t.csv", NULL);
  g_auto(FiscalCliRun) all = { 0 };
  g_auto(FiscalCliRun) one = { 0 };
  g_auto(FiscalCliRun) csv = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *written = NULL;
  JsonArray *tables;
  JsonObject *t5;

  fiscal_test_run_cli (&all, "tables", path, NULL);
  g_assert_cmpint (all.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, all.out, -1, NULL));
  tables = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "tables");
  g_assert_cmpuint (json_array_get_length (tables), ==, 11);

  fiscal_test_run_cli (&one, "tables", "--table", "5", "--format", "json", path, NULL);
  g_assert_cmpint (one.status, ==, 0);
  g_clear_object (&parser);
  parser = json_parser_new ();
  g_assert_true (json_parser_load_from_data (parser, one.out, -1, NULL));
  tables = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "tables");
  g_assert_cmpuint (json_array_get_length (tables), ==, 1);
  t5 = json_array_get_object_element (tables, 0);
  g_assert_cmpint (json_object_get_int_member (t5, "number"), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (t5, "title"), ==, "一般公共预算支出情况表");

  fiscal_test_run_cli (&csv, "tables", "-t", "3", "-f", "csv", "-o", out, path, NULL);
  g_assert_cmpint (csv.status, ==, 0);
  g_assert_cmpstr (csv.out, ==, "");
  g_assert_true (g_file_get_contents (out, &written, NULL, NULL));
  g_assert_true (g_str_has_prefix (written, "表3 部门支出总体情况表\r\n"));
  g_assert_nonnull (strstr (written, ",总计,318.10,145.10,173.00\r\n"));

  g_remove (out);
  g_rmdir (dir);
}

static void
test_targets (void)
{
  g_autofree char *path = example ("changji-liaison-2025.fiscal.json");
  g_auto(FiscalCliRun) all = { 0 };
  g_auto(FiscalCliRun) one = { 0 };
  g_auto(FiscalCliRun) missing = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *tables, *columns, *rows, *cells;
  JsonObject *department;

  fiscal_test_run_cli (&all, "targets", path, NULL);
  g_assert_cmpint (all.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, all.out, -1, NULL));
  tables = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "tables");
  g_assert_cmpuint (json_array_get_length (tables), ==, 2);
  department = json_array_get_object_element (tables, 0);
  g_assert_cmpstr (json_object_get_string_member (department, "title"), ==, "部门整体绩效目标表");
  columns = json_object_get_array_member (department, "columns");
  g_assert_cmpuint (json_array_get_length (columns), ==, 6);
  g_assert_cmpstr (json_array_get_string_element (columns, 4), ==, "指标设定依据");
  g_assert_cmpstr (json_array_get_string_element (columns, 5), ==, "分值权重");
  rows = json_object_get_array_member (department, "rows");
  g_assert_cmpuint (json_array_get_length (rows), ==, 16);
  cells = json_object_get_array_member (json_array_get_object_element (rows, 15), "cells");
  g_assert_cmpstr (json_array_get_string_element (cells, 0), ==, "社会效益");
  g_assert_cmpstr (json_array_get_string_element (cells, 3), ==, "=100%");
  g_assert_nonnull (strstr (json_object_get_string_member (department, "note"), "本级安排 205.10；上级安排 0.00；其他资金 113.00"));

  fiscal_test_run_cli (&one, "targets", "--project", "机构运行补助经费", "--format", "csv", path, NULL);
  g_assert_cmpint (one.status, ==, 0);
  g_assert_true (g_str_has_prefix (one.out, "项目支出绩效目标表（机构运行补助经费）\r\n"));
  g_assert_nonnull (strstr (one.out, "\r\n一级指标,二级指标,三级指标,指标值,指标值设置依据,上年完成值,指标分值权重,指标赋分规则,佐证资料\r\n"));
  g_assert_nonnull (strstr (one.out, "\r\n成本指标,经济成本指标,物业维修费用（水、电）,≤93.91 万元,计划标准,100 万元,12,按照完成比例赋分,原始凭证\r\n"));
  g_assert_nonnull (strstr (one.out, "年度预算总额 173.00；财政拨款 60.00；其他资金 113.00"));

  fiscal_test_run_cli (&missing, "targets", "-p", "没有的项目", path, NULL);
  g_assert_cmpint (missing.status, ==, 2);
  g_assert_cmpstr (missing.out, ==, "");
}

static void
test_chart (void)
{
  g_autofree char *path = example ("changji-liaison-2025.fiscal.json");
  g_autofree char *dir = g_dir_make_tmp ("fiscal-cli-chart-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "bridge.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "donut.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "sangong.pdf", NULL);
  g_auto(FiscalCliRun) list = { 0 };
  g_auto(FiscalCliRun) ok = { 0 };
  g_auto(FiscalCliRun) ok_svg = { 0 };
  g_auto(FiscalCliRun) ok_pdf = { 0 };
  g_auto(FiscalCliRun) bad_kind = { 0 };
  g_auto(FiscalCliRun) no_kind = { 0 };
  g_auto(FiscalCliRun) bad_format = { 0 };
  g_auto(FiscalCliRun) missing = { 0 };
  g_auto(GStrv) lines = NULL;
  g_autofree char *svg_text = NULL;
  cairo_surface_t *image;

  fiscal_test_run_cli (&list, "chart", "--list", NULL);
  g_assert_cmpint (list.status, ==, 0);
  lines = g_strsplit (g_strstrip (list.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, FISCAL_N_CHART_KINDS);
  for (guint k = 0; k < FISCAL_N_CHART_KINDS; k++)
    g_assert_true (g_str_has_prefix (lines[k], fiscal_chart_kind_to_name (k)));

  /* The prior year comes from the document's link */
  fiscal_test_run_cli (&ok, "chart", path, "--kind", "bridge", "--format", "png", "--width", "640", "--height", "480", "--dpi", "200", "-o", png, NULL);
  g_assert_cmpint (ok.status, ==, 0);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 640);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 480);
  cairo_surface_destroy (image);

  fiscal_test_run_cli (&ok_svg, "chart", path, "--kind", "function-donut", "--focus", "208", "-o", svg, NULL);
  g_assert_cmpint (ok_svg.status, ==, 0);
  g_assert_true (g_file_get_contents (svg, &svg_text, NULL, NULL));
  g_assert_nonnull (strstr (svg_text, "社会保障和就业支出"));

  fiscal_test_run_cli (&ok_pdf, "chart", path, "--kind", "sangong", "--format", "pdf", "-o", pdf, NULL);
  g_assert_cmpint (ok_pdf.status, ==, 0);

  fiscal_test_run_cli (&bad_kind, "chart", path, "--kind", "pie", "--format", "png", "-o", png, NULL);
  g_assert_cmpint (bad_kind.status, ==, 2);
  g_assert_nonnull (strstr (bad_kind.err, "--kind"));
  fiscal_test_run_cli (&no_kind, "chart", path, "--format", "png", "-o", png, NULL);
  g_assert_cmpint (no_kind.status, ==, 2);
  fiscal_test_run_cli (&bad_format, "chart", path, "--kind", "bridge", "--format", "gif", "-o", png, NULL);
  g_assert_cmpint (bad_format.status, ==, 2);
  fiscal_test_run_cli (&missing, "chart", "/nonexistent.fiscal.json", "--kind", "bridge", "-o", png, NULL);
  g_assert_cmpint (missing.status, ==, 2);
  g_assert_nonnull (strstr (missing.err, "/nonexistent.fiscal.json"));

  g_unlink (png);
  g_unlink (svg);
  g_unlink (pdf);
  g_rmdir (dir);
}

/* Saves a budget of @year with one general line of @fen under @dir. */
static char *
save_one_line (const char *dir,
               int         year,
               const char *function,
               gint64      fen)
{
  g_autofree char *name = g_strdup_printf ("budget-%d.fiscal.json", year);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(FiscalDocument) doc = fiscal_document_new (year, "上限部门");
  g_autoptr(FiscalLine) line = fiscal_line_new_full ("l1", "main", function, "30101", FISCAL_KIND_PERSONNEL,
                                                     NULL, FISCAL_SOURCE_GENERAL, fen);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  fiscal_document_add_line (doc, line);
  g_assert_true (fiscal_document_save (doc, file, NULL, &error));
  g_assert_no_error (error);
  return path;
}

/* Every kind of chart of a budget at the extremes of money, +10^15 元 this
 * year against −10^15 元 last year, is written at once; and a line beyond
 * the ceiling (92,233,720,368,547,758.07 元, which made the bridge and the
 * comparison loop for ever and validate report no error) is refused with
 * its place and the ceiling. */
static void
test_chart_extremes (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fiscal-cli-extremes-XXXXXX", NULL);
  g_autofree char *path = save_one_line (dir, 2025, "2010350", FISCAL_MONEY_MAX);
  g_autofree char *prior = save_one_line (dir, 2024, "2080505", -FISCAL_MONEY_MAX);
  g_autofree char *huge = g_build_filename (dir, "huge.fiscal.json", NULL);
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GString) changed = NULL;
  g_auto(FiscalCliRun) refused = { 0 };
  g_auto(FiscalCliRun) validate = { 0 };
  gint64 start = g_get_monotonic_time ();

  for (guint k = 0; k < FISCAL_N_CHART_KINDS; k++)
    {
      g_auto(FiscalCliRun) run = { 0 };
      cairo_surface_t *image;

      fiscal_test_run_cli (&run, "chart", path, "--prior", prior, "--kind", fiscal_chart_kind_to_name (k),
                           "--format", "png", "--width", "800", "--height", "500", "-o", png, NULL);
      if (run.status != 0)
        g_error ("chart --kind %s: %s", fiscal_chart_kind_to_name (k), run.err);
      image = cairo_image_surface_create_from_png (png);
      g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (image), ==, 800);
      cairo_surface_destroy (image);
      g_unlink (png);
    }
  /* Each takes a fraction of a second; the bridge used to take forever. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 60 * G_USEC_PER_SEC);

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  changed = g_string_new (text);
  g_assert_cmpuint (g_string_replace (changed, "\"1000000000000000.00\"", "\"92233720368547758.07\"", 1), ==, 1);
  g_assert_true (g_file_set_contents (huge, changed->str, changed->len, NULL));

  fiscal_test_run_cli (&refused, "chart", huge, "--prior", prior, "--kind", "bridge", "-o", png, NULL);
  g_assert_cmpint (refused.status, ==, 2);
  g_assert_nonnull (strstr (refused.err, "lines[0].amount"));
  g_assert_nonnull (strstr (refused.err, "1,000,000,000,000,000.00"));
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));

  fiscal_test_run_cli (&validate, "validate", huge, NULL);
  g_assert_cmpint (validate.status, !=, 0);
  g_assert_nonnull (strstr (validate.err, "lines[0].amount"));

  g_unlink (path);
  g_unlink (prior);
  g_unlink (huge);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/validate", test_validate);
  g_test_add_func ("/cli/tables", test_tables);
  g_test_add_func ("/cli/targets", test_targets);
  g_test_add_func ("/cli/chart", test_chart);
  g_test_add_func ("/cli/chart-extremes", test_chart_extremes);

  return g_test_run ();
}
