/* test-editing.c
 *
 * The core of editing: starting from last year, pasting from a
 * spreadsheet, resolving typed codes, and recovery copies that survive a
 * killed process.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/wait.h>

#include "fiscal-test-util.h"

#define load_example fiscal_test_load_example

static void
test_new_from_prior (void)
{
  g_autoptr(FiscalDocument) prior = load_example (2025);
  g_autoptr(FiscalDocument) next = fiscal_document_new_from_prior (prior, 10500);
  g_autoptr(FiscalDocument) same = fiscal_document_new_from_prior (prior, 10000);
  g_autoptr(FiscalLine) a = g_list_model_get_item (fiscal_document_get_lines (prior), 0);
  g_autoptr(FiscalLine) b = g_list_model_get_item (fiscal_document_get_lines (next), 0);
  g_autoptr(FiscalProject) project = g_list_model_get_item (fiscal_document_get_projects (next), 0);
  g_autofree char *expected_prior = g_file_get_path (fiscal_document_get_file (prior));
  g_autoptr(FiscalSummary) s1 = fiscal_summary_new (prior);
  g_autoptr(FiscalSummary) s2 = fiscal_summary_new (same);
  g_auto(GStrv) keys = fiscal_document_list_explanations (next);

  g_assert_cmpint (fiscal_document_get_year (next), ==, 2026);
  g_assert_cmpstr (fiscal_document_get_department_name (next), ==, fiscal_document_get_department_name (prior));
  g_assert_cmpstr (fiscal_document_get_prior_path (next), ==, expected_prior);
  g_assert_cmpuint (g_list_model_get_n_items (fiscal_document_get_lines (next)), ==,
                    g_list_model_get_n_items (fiscal_document_get_lines (prior)));

  /* 5% more, each line rounded half up to the fen on its own. */
  g_assert_cmpint (fiscal_line_get_amount (b), ==, (fiscal_line_get_amount (a) * 105 + 50) / 100);
  g_assert_cmpint (s1->total, ==, s2->total);

  /* Reasons belong to a year; the execution period moves on. */
  g_assert_cmpuint (g_strv_length (keys), ==, 0);
  g_assert_cmpstr (fiscal_project_get_field (project, FISCAL_PROJECT_PERIOD_START), ==, "2026-01-01");
  g_assert_cmpstr (fiscal_project_get_field (project, FISCAL_PROJECT_PERIOD_END), ==, "2026-12-31");

  /* The profile: no staffing change yet; the year's running costs and
   * procurement scaled like the lines; the assets as counted. */
  {
    FiscalProfile *was = fiscal_document_get_profile (prior);
    FiscalProfile *now = fiscal_document_get_profile (next);

    g_assert_true (fiscal_profile_is_set (was, FISCAL_PROFILE_STAFF_ACTIVE_CHANGE));
    g_assert_cmpint (fiscal_profile_get_number (now, FISCAL_PROFILE_STAFF_ACTIVE_CHANGE), ==, 0);
    g_assert_cmpint (fiscal_profile_get_number (now, FISCAL_PROFILE_STAFF_ACTIVE), ==,
                     fiscal_profile_get_number (was, FISCAL_PROFILE_STAFF_ACTIVE));
    g_assert_true (fiscal_profile_is_set (was, FISCAL_PROFILE_OPERATING_EXPENSES));
    g_assert_cmpint (fiscal_profile_get_number (now, FISCAL_PROFILE_OPERATING_EXPENSES), ==,
                     (fiscal_profile_get_number (was, FISCAL_PROFILE_OPERATING_EXPENSES) * 105 + 50) / 100);
    g_assert_cmpint (fiscal_profile_get_number (now, FISCAL_PROFILE_ASSETS_BUILDING_VALUE), ==,
                     fiscal_profile_get_number (was, FISCAL_PROFILE_ASSETS_BUILDING_VALUE));
    g_assert_false (fiscal_profile_is_set (now, FISCAL_PROFILE_CONTACT_DATE));
  }

  /* Unsaved, with nothing to undo. */
  g_assert_true (fiscal_document_get_modified (next));
  g_assert_false (fiscal_document_can_undo (next));
  g_assert_null (fiscal_document_get_file (next));
}

static void
test_new_from_prior_saves_relative_link (void)
{
  g_autoptr(FiscalDocument) prior = load_example (2025);
  g_autoptr(FiscalDocument) next = fiscal_document_new_from_prior (prior, 9000);
  g_autofree char *dir = g_dir_make_tmp ("fiscal-editing-XXXXXX", NULL);
  g_autofree char *prior_copy = g_build_filename (dir, "a-2025.fiscal.json", NULL);
  g_autofree char *path = g_build_filename (dir, "a-2026.fiscal.json", NULL);
  g_autoptr(GFile) prior_file = g_file_new_for_path (prior_copy);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(FiscalDocument) moved_next = NULL;

  g_assert_true (fiscal_document_save (prior, prior_file, NULL, NULL));
  moved_next = fiscal_document_new_from_prior (prior, 9000);
  g_assert_true (fiscal_document_save (moved_next, file, NULL, NULL));
  g_assert_cmpstr (fiscal_document_get_prior_path (moved_next), ==, "a-2025.fiscal.json");
  g_assert_false (fiscal_document_get_modified (moved_next));

  g_remove (path);
  g_remove (prior_copy);
  g_rmdir (dir);
}

static void
test_resolve (void)
{
  g_autoptr(FiscalCatalog) functions = fiscal_catalog_get_for_year (FISCAL_CATALOG_FUNCTION, 2025, NULL);
  g_autofree char *error = NULL;

  g_assert_cmpstr (fiscal_catalog_resolve (functions, "2010302", 3, NULL)->code, ==, "2010302");
  g_assert_cmpstr (fiscal_catalog_resolve (functions, "住房公积金", 3, NULL)->code, ==, "2210201");
  g_assert_cmpstr (fiscal_catalog_resolve (functions, "机关事业单位职业年金缴费", 3, NULL)->code, ==, "2080506");

  g_assert_null (fiscal_catalog_resolve (functions, "201", 3, &error));
  g_assert_nonnull (strstr (error, "201"));
  g_clear_pointer (&error, g_free);
  g_assert_null (fiscal_catalog_resolve (functions, "事业运行", 3, &error));   /* many 款 have one */
  g_assert_nonnull (strstr (error, "事业运行"));
  g_clear_pointer (&error, g_free);
  g_assert_null (fiscal_catalog_resolve (functions, "no such thing", 3, &error));
  g_assert_nonnull (error);
}

static void
test_paste (void)
{
  g_autoptr(FiscalDocument) doc = load_example (2025);
  const char *text =
    "功能分类科目\t经济分类科目\t金额（万元）\t资金来源\t备注\n"
    "2010350\t30201\t1.5\t一般公共预算\t办公费\n"
    "住房公积金\t30113\t0.25\t\t\n"
    "2019898\t30201\t1\t\t未知科目\n"
    "2010350\t30201\tabc\t\t\n"
    "\n"
    "2010302\t30227\t2\t单位资金\t委托业务\n";
  g_autoptr(FiscalPasteResult) result = fiscal_paste_parse (doc, text, FALSE, NULL);
  FiscalLine *line;

  g_assert_true (result->had_header);
  g_assert_true (result->wan);
  g_assert_cmpuint (result->lines->len, ==, 3);
  g_assert_cmpuint (result->rejected->len, ==, 2);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (result->rejected, 0), "Row 4:"));
  g_assert_nonnull (strstr (g_ptr_array_index (result->rejected, 0), "2019898"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (result->rejected, 1), "Row 5:"));

  line = g_ptr_array_index (result->lines, 0);
  g_assert_cmpstr (fiscal_line_get_function (line), ==, "2010350");
  g_assert_cmpstr (fiscal_line_get_economic (line), ==, "30201");
  g_assert_cmpint (fiscal_line_get_amount (line), ==, 1500000);
  g_assert_cmpint (fiscal_line_get_kind (line), ==, FISCAL_KIND_PUBLIC);
  g_assert_cmpint (fiscal_line_get_source (line), ==, FISCAL_SOURCE_GENERAL);
  g_assert_cmpstr (fiscal_line_get_note (line), ==, "办公费");

  line = g_ptr_array_index (result->lines, 1);
  g_assert_cmpstr (fiscal_line_get_function (line), ==, "2210201");
  g_assert_cmpint (fiscal_line_get_kind (line), ==, FISCAL_KIND_PERSONNEL);
  g_assert_cmpint (fiscal_line_get_amount (line), ==, 250000);

  line = g_ptr_array_index (result->lines, 2);
  g_assert_cmpint (fiscal_line_get_source (line), ==, FISCAL_SOURCE_UNIT_OTHER);
}

static void
test_paste_without_header (void)
{
  g_autoptr(FiscalDocument) doc = load_example (2025);
  g_autoptr(FiscalPasteResult) yuan = fiscal_paste_parse (doc, "2010350\t30205\t1,200.50\n2010350\t30206\t300元\n", FALSE, NULL);
  g_autoptr(FiscalPasteResult) wan = fiscal_paste_parse (doc, "2010350\t30205\t1.2\n", TRUE, NULL);
  g_autoptr(FiscalPasteResult) project = fiscal_paste_parse (doc, "2010302\t30227\t8\n", TRUE, "p1");
  g_autoptr(FiscalPasteResult) puzzling = fiscal_paste_parse (doc, "a\tb\tc\td\te\tf\n", TRUE, NULL);

  g_assert_false (yuan->had_header);
  g_assert_cmpuint (yuan->lines->len, ==, 2);
  g_assert_cmpint (fiscal_line_get_amount (g_ptr_array_index (yuan->lines, 0)), ==, 120050);
  g_assert_cmpint (fiscal_line_get_amount (g_ptr_array_index (yuan->lines, 1)), ==, 30000);
  g_assert_cmpint (fiscal_line_get_amount (g_ptr_array_index (wan->lines, 0)), ==, 1200000);

  /* Pasted among a project's lines, a line belongs to the project. */
  g_assert_cmpuint (project->lines->len, ==, 1);
  g_assert_cmpint (fiscal_line_get_kind (g_ptr_array_index (project->lines, 0)), ==, FISCAL_KIND_PROJECT);
  g_assert_cmpstr (fiscal_line_get_project (g_ptr_array_index (project->lines, 0)), ==, "p1");

  /* Columns that cannot be told apart are refused, row by row. */
  g_assert_cmpuint (puzzling->lines->len, ==, 0);
  g_assert_cmpuint (puzzling->rejected->len, ==, 1);
}

/* A cell keeps its place: an empty first cell is an empty cell, not one
 * the row closes up over; units and projects are found by id or name. */
static void
test_paste_keeps_cell_places (void)
{
  g_autoptr(FiscalDocument) doc = load_example (2025);
  const char *text =
    "单位\t功能分类\t经济分类\t金额（元）\t项目\r\n"
    "\t2010350\t30201\t100\t\r\n"
    "昌吉回族自治州人民政府驻北京联络处\t2010302\t30227\t200\t机构运行补助经费\r\n"
    "main\t2010302\t30227\t300\tp1\r\n"
    "别处\t2010350\t30201\t400\t\r\n";
  g_autoptr(FiscalPasteResult) result = fiscal_paste_parse (doc, text, TRUE, NULL);
  FiscalLine *line;

  g_assert_true (result->had_header);
  g_assert_false (result->wan);
  g_assert_cmpuint (result->lines->len, ==, 3);
  g_assert_cmpuint (result->n_rejected, ==, 1);
  g_assert_cmpuint (result->rejected->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (result->rejected, 0), ==, "Row 5: there is no unit “别处”");

  line = g_ptr_array_index (result->lines, 0);
  g_assert_cmpstr (fiscal_line_get_unit (line), ==, "main");
  g_assert_cmpstr (fiscal_line_get_function (line), ==, "2010350");
  g_assert_cmpstr (fiscal_line_get_economic (line), ==, "30201");
  g_assert_cmpint (fiscal_line_get_amount (line), ==, 10000);
  g_assert_null (fiscal_line_get_project (line));

  for (guint i = 1; i < 3; i++)
    {
      line = g_ptr_array_index (result->lines, i);
      g_assert_cmpstr (fiscal_line_get_unit (line), ==, "main");
      g_assert_cmpstr (fiscal_line_get_project (line), ==, "p1");
      g_assert_cmpint (fiscal_line_get_kind (line), ==, FISCAL_KIND_PROJECT);
      g_assert_cmpint (fiscal_line_get_amount (line), ==, (i + 1) * 10000);
    }
}

/* Texts made to cost: a million blank rows, a row of a million cells, a
 * cell of megabytes where a code should be, a header far to the right,
 * and thousands of rows refused. Each is read in one pass; a long cell is
 * refused before it is looked up, and only the first thousand refusals
 * are described. */
static void
test_paste_hostile (void)
{
  g_autoptr(FiscalDocument) doc = load_example (2025);
  g_autoptr(FiscalPasteResult) result = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *message = NULL;

  /* A million blank rows before a row refused: still its own number. */
  for (guint i = 0; i < 1000000; i++)
    g_string_append (text, i % 2 ? "\n" : " \r\n");
  g_string_append (text, "9999999\t1\n2010350\t1\n");
  result = fiscal_paste_parse (doc, text->str, TRUE, NULL);
  g_assert_cmpuint (result->lines->len, ==, 1);
  g_assert_cmpuint (result->n_rejected, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (result->rejected, 0), "Row 1000001: "));
  g_clear_pointer (&result, fiscal_paste_result_free);

  /* A first row of a million cells: no header, no known columns. */
  g_string_assign (text, "2010350\t1");
  for (guint i = 0; i < 1000000; i++)
    g_string_append (text, "\tx");
  g_string_append (text, "\n2010350\t1\n");
  result = fiscal_paste_parse (doc, text->str, TRUE, NULL);
  g_assert_false (result->had_header);
  g_assert_cmpuint (result->lines->len, ==, 0);
  g_assert_cmpuint (result->n_rejected, ==, 2);
  g_clear_pointer (&result, fiscal_paste_result_free);

  /* After a header, the cells past the columns are not read. */
  g_string_assign (text, "功能分类\t金额\n2010350\t1.5");
  for (guint i = 0; i < 1000000; i++)
    g_string_append_c (text, '\t');
  result = fiscal_paste_parse (doc, text->str, TRUE, NULL);
  g_assert_true (result->had_header);
  g_assert_cmpuint (result->lines->len, ==, 1);
  g_assert_cmpint (fiscal_line_get_amount (g_ptr_array_index (result->lines, 0)), ==, 1500000);
  g_clear_pointer (&result, fiscal_paste_result_free);

  /* A code, an amount, a unit of megabytes: refused by their length, with
   * a message that does not repeat them; a long note is a note. */
  for (guint column = 0; column < 4; column++)
    {
      g_autoptr(GString) cell = g_string_new (NULL);

      for (guint i = 0; i < 4 * 1024 * 1024; i++)
        g_string_append_c (cell, "2010350"[i % 7]);
      g_string_assign (text, "单位\t功能分类\t金额\t备注\n");
      g_string_append_printf (text, "%s\t%s\t%s\t%s\n",
                              column == 0 ? cell->str : "main",
                              column == 1 ? cell->str : "2010350",
                              column == 2 ? cell->str : "1",
                              column == 3 ? cell->str : "");
      result = fiscal_paste_parse (doc, text->str, TRUE, NULL);
      if (column == 3)
        {
          g_assert_cmpuint (result->lines->len, ==, 1);
          g_assert_cmpuint (strlen (fiscal_line_get_note (g_ptr_array_index (result->lines, 0))), ==, cell->len);
        }
      else
        {
          g_free (message);
          message = g_strdup_printf ("Row 2: the text in column %u is longer than 200 characters, "
                                     "longer than a code, a name or an amount", column + 1);
          g_assert_cmpuint (result->lines->len, ==, 0);
          g_assert_cmpuint (result->rejected->len, ==, 1);
          g_assert_cmpstr (g_ptr_array_index (result->rejected, 0), ==, message);
        }
      g_clear_pointer (&result, fiscal_paste_result_free);
    }

  /* 200 characters are read; 201 are not. */
  g_string_assign (text, "功能分类\t金额\n2010350\t");
  for (guint i = 0; i < 199; i++)
    g_string_append_c (text, ' ');
  g_string_append (text, "1\n2010350\t");
  for (guint i = 0; i < 200; i++)
    g_string_append (text, "一");
  g_string_append_c (text, '1');
  result = fiscal_paste_parse (doc, text->str, TRUE, NULL);
  g_assert_cmpuint (result->lines->len, ==, 1);
  g_assert_cmpuint (result->n_rejected, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (result->rejected, 0), ==,
                   "Row 3: the text in column 2 is longer than 200 characters, longer than a code, a name or an amount");
  g_clear_pointer (&result, fiscal_paste_result_free);

  /* A header past the columns a spreadsheet has is no header. */
  g_string_truncate (text, 0);
  for (guint i = 0; i < 16384; i++)
    g_string_append (text, "x\t");
  g_string_append (text, "功能分类\t金额\n2010350\t1\n");
  result = fiscal_paste_parse (doc, text->str, TRUE, NULL);
  g_assert_false (result->had_header);
  g_assert_cmpuint (result->lines->len, ==, 0);
  g_clear_pointer (&result, fiscal_paste_result_free);

  /* Five thousand rows refused: all counted, a thousand described, and a
   * last word for the rest. */
  g_string_assign (text, "功能分类\t金额\n");
  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (text, "x%u\t1\n", i);
  result = fiscal_paste_parse (doc, text->str, TRUE, NULL);
  g_assert_cmpuint (result->lines->len, ==, 0);
  g_assert_cmpuint (result->n_rejected, ==, 5000);
  g_assert_cmpuint (result->rejected->len, ==, 1001);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (result->rejected, 999), "Row 1001: "));
  g_assert_cmpstr (g_ptr_array_index (result->rejected, 1000), ==, "…and 4000 more rows are refused");
}

/* The kinds, sources, units and projects a pasted cell (and a typed
 * one) may name, in full or in short. */
static void
test_paste_read_values (void)
{
  g_autoptr(FiscalDocument) doc = load_example (2025);
  g_autoptr(FiscalUnit) unit = g_list_model_get_item (fiscal_document_get_units (doc), 0);
  g_autoptr(FiscalProject) project = g_list_model_get_item (fiscal_document_get_projects (doc), 0);
  FiscalKind kind = FISCAL_KIND_PROJECT;
  FiscalSource source = FISCAL_SOURCE_GENERAL;

  g_assert_true (fiscal_paste_read_kind ("人员经费", &kind));
  g_assert_cmpint (kind, ==, FISCAL_KIND_PERSONNEL);
  g_assert_true (fiscal_paste_read_kind ("公用", &kind));
  g_assert_cmpint (kind, ==, FISCAL_KIND_PUBLIC);
  g_assert_true (fiscal_paste_read_kind ("project", &kind));
  g_assert_cmpint (kind, ==, FISCAL_KIND_PROJECT);
  g_assert_true (fiscal_paste_read_kind (fiscal_kind_label (FISCAL_KIND_PERSONNEL), &kind));
  g_assert_cmpint (kind, ==, FISCAL_KIND_PERSONNEL);
  kind = FISCAL_KIND_PUBLIC;
  g_assert_false (fiscal_paste_read_kind ("差旅", &kind));
  g_assert_false (fiscal_paste_read_kind ("", &kind));
  g_assert_cmpint (kind, ==, FISCAL_KIND_PUBLIC);

  g_assert_true (fiscal_paste_read_source ("财政专户", &source));
  g_assert_cmpint (source, ==, FISCAL_SOURCE_SPECIAL_ACCOUNT);
  g_assert_true (fiscal_paste_read_source ("上级一般公共预算", &source));
  g_assert_cmpint (source, ==, FISCAL_SOURCE_GENERAL_TRANSFER);
  g_assert_true (fiscal_paste_read_source ("fund", &source));
  g_assert_cmpint (source, ==, FISCAL_SOURCE_FUND);
  g_assert_false (fiscal_paste_read_source ("银行贷款", &source));

  g_assert_cmpstr (fiscal_paste_find_unit (doc, fiscal_unit_get_name (unit)), ==, fiscal_unit_get_id (unit));
  g_assert_cmpstr (fiscal_paste_find_unit (doc, fiscal_unit_get_id (unit)), ==, fiscal_unit_get_id (unit));
  g_assert_null (fiscal_paste_find_unit (doc, "没有这个单位"));
  g_assert_null (fiscal_paste_find_unit (doc, ""));
  g_assert_cmpstr (fiscal_paste_find_project (doc, fiscal_project_get_name (project)), ==, fiscal_project_get_id (project));
  g_assert_null (fiscal_paste_find_project (doc, "没有这个项目"));
}

/* The child writes a recovery copy of an edited budget and waits to be
 * killed; the parent kills it and finds the edit in the copy. */
static void
test_recovery_after_kill (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fiscal-recovery-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "budget.fiscal.json", NULL);
  g_autofree char *recovery = g_build_filename (dir, "recovery", NULL);
  g_autoptr(FiscalDocument) original = load_example (2025);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(FiscalDocument) recovered = NULL;
  g_autoptr(GDateTime) written = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *argv[] = { g_test_get_filename (G_TEST_BUILT, "test-editing", NULL), "--child", path, NULL };
  GPid pid;
  int out_fd, status;
  char ready[8] = { 0 };

  g_setenv ("FISCAL_RECOVERY_DIR", recovery, TRUE);
  g_assert_true (fiscal_document_save (original, file, NULL, NULL));
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                           &pid, NULL, &out_fd, NULL, NULL));
  g_assert_cmpint (read (out_fd, ready, 5), ==, 5);
  g_assert_cmpstr (ready, ==, "ready");

  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  close (out_fd);

  /* The saved file is as it was; the copy has the edit. */
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);

  recovered = fiscal_recovery_find (file, &written);
  g_assert_nonnull (recovered);
  g_assert_nonnull (written);
  g_assert_true (fiscal_document_get_modified (recovered));
  g_assert_true (g_file_equal (fiscal_document_get_file (recovered), file));
  {
    g_autoptr(FiscalLine) line = g_list_model_get_item (fiscal_document_get_lines (recovered), 0);
    g_autoptr(FiscalLine) old = g_list_model_get_item (fiscal_document_get_lines (original), 0);
    g_assert_cmpint (fiscal_line_get_amount (line), ==, fiscal_line_get_amount (old) + 4200);
  }

  /* Declined, it is gone; a copy equal to the file is nothing to recover. */
  fiscal_recovery_discard (file);
  g_assert_null (fiscal_recovery_find (file, NULL));
  {
    g_autoptr(FiscalDocument) again = fiscal_document_load (file, NULL, NULL);
    g_assert_true (fiscal_recovery_write (again, NULL));
    g_assert_null (fiscal_recovery_find (file, NULL));
  }

  g_remove (path);
  g_rmdir (recovery);
  g_rmdir (dir);
}

/* The ids of the lines of @doc that name @project_id, in order, joined. */
static char *
project_line_ids (FiscalDocument *doc,
                  const char     *project_id)
{
  GListModel *lines = fiscal_document_get_lines (doc);
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(FiscalLine) line = g_list_model_get_item (lines, i);

      if (g_strcmp0 (fiscal_line_get_project (line), project_id) == 0)
        g_string_append_printf (ids, "%s%s@%u", ids->len ? " " : "", fiscal_line_get_id (line), i);
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

/* Deleting a project deletes its lines with it, as one step; undo brings
 * both back exactly; a new project's id is one no project had and no line
 * names, so it never takes over lines. */
static void
test_remove_project_with_lines (void)
{
  g_autoptr(FiscalDocument) doc = load_example (2025);
  GListModel *projects = fiscal_document_get_projects (doc);
  GListModel *lines = fiscal_document_get_lines (doc);
  g_autoptr(FiscalProject) p1 = g_list_model_get_item (projects, 0);
  g_autoptr(FiscalProject) added = NULL;
  g_autoptr(FiscalLine) first = g_list_model_get_item (lines, 0);
  g_autoptr(FiscalSummary) before_summary = fiscal_summary_new (doc);
  g_autoptr(FiscalSummary) after_summary = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) undone = NULL;
  g_autofree char *ids_before = NULL;
  g_autofree char *ids_undone = NULL;
  g_autofree char *remaining = NULL;
  g_autofree char *new_id = NULL;
  g_autofree char *next_id = NULL;
  guint n_lines = g_list_model_get_n_items (lines);
  guint n_p1 = 0;

  g_assert_cmpstr (fiscal_project_get_id (p1), ==, "p1");
  g_assert_cmpint (fiscal_summary_lookup (before_summary->all_by_project, "p1"), ==, 173000000);

  /* The project's lines are not all neighbours: the first line of the
   * budget is made one of them too (and that is a step of its own). */
  fiscal_line_set_kind (first, FISCAL_KIND_PROJECT);
  fiscal_line_set_project (first, "p1");
  fiscal_document_set_saved (doc);
  before = fiscal_document_to_bytes (doc);
  ids_before = project_line_ids (doc, "p1");
  for (guint i = 0; i < n_lines; i++)
    {
      g_autoptr(FiscalLine) line = g_list_model_get_item (lines, i);
      n_p1 += g_strcmp0 (fiscal_line_get_project (line), "p1") == 0;
    }
  g_assert_cmpuint (n_p1, ==, 8);
  g_assert_true (g_str_has_prefix (ids_before, "l1@0 "));

  fiscal_document_remove_project (doc, 0);

  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, n_lines - 8);
  remaining = project_line_ids (doc, "p1");
  g_assert_cmpstr (remaining, ==, "");
  after_summary = fiscal_summary_new (doc);
  g_assert_cmpint (after_summary->total, ==, before_summary->total - 173000000 - fiscal_line_get_amount (first));
  g_assert_cmpint (after_summary->by_kind[FISCAL_KIND_PROJECT], ==, 0);
  g_assert_null (fiscal_document_find_project (doc, "p1"));

  /* One step, named for what it did. */
  g_assert_cmpstr (fiscal_document_get_undo_label (doc), ==, "Delete Project");
  g_assert_true (fiscal_document_undo (doc));
  g_assert_true (fiscal_document_can_undo (doc));
  g_assert_cmpstr (fiscal_document_get_undo_label (doc), !=, "Delete Project");
  g_assert_false (fiscal_document_get_modified (doc));

  /* Back exactly: the project, and its lines in their places. */
  undone = fiscal_document_to_bytes (doc);
  g_assert_true (g_bytes_equal (before, undone));
  g_assert_true (fiscal_document_find_project (doc, "p1") == p1);
  ids_undone = project_line_ids (doc, "p1");
  g_assert_cmpstr (ids_undone, ==, ids_before);
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, n_lines);

  /* Redo deletes both again; undo again restores both. */
  g_assert_true (fiscal_document_redo (doc));
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, n_lines - 8);
  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, 0);
  after = fiscal_document_to_bytes (doc);
  g_assert_true (fiscal_document_undo (doc));
  g_clear_pointer (&undone, g_bytes_unref);
  undone = fiscal_document_to_bytes (doc);
  g_assert_true (g_bytes_equal (before, undone));
  g_assert_false (g_bytes_equal (before, after));

  /* A new id is never p1, not even once p1 is deleted again. */
  new_id = fiscal_document_new_project_id (doc);
  g_assert_cmpstr (new_id, !=, "p1");
  g_assert_null (fiscal_document_find_project (doc, new_id));
  g_assert_true (fiscal_document_redo (doc));
  next_id = fiscal_document_new_project_id (doc);
  g_assert_cmpstr (next_id, !=, "p1");
  g_assert_cmpstr (next_id, !=, new_id);
  added = fiscal_project_new (next_id, "新项目");
  fiscal_document_add_project (doc, added);
  g_clear_pointer (&remaining, g_free);
  remaining = project_line_ids (doc, next_id);
  g_assert_cmpstr (remaining, ==, "");

  /* Undoing the add and the delete: p1 with its lines, and the new
   * project's id still names no line. */
  g_assert_true (fiscal_document_undo (doc));
  g_assert_true (fiscal_document_undo (doc));
  g_clear_pointer (&undone, g_bytes_unref);
  undone = fiscal_document_to_bytes (doc);
  g_assert_true (g_bytes_equal (before, undone));
  g_clear_pointer (&remaining, g_free);
  remaining = project_line_ids (doc, next_id);
  g_assert_cmpstr (remaining, ==, "");
}

/* Lines that name a project the budget does not have (a file may hold
 * them) keep new projects away from that id. */
static void
test_new_project_id_skips_line_projects (void)
{
  g_autoptr(FiscalDocument) doc = fiscal_document_new (2025, "测试单位");
  g_autoptr(FiscalProject) p1 = fiscal_project_new ("p1", "项目一");
  g_autoptr(FiscalLine) orphan = fiscal_line_new_full ("l1", "main", "2010302", "302", FISCAL_KIND_PROJECT,
                                                       "p2", FISCAL_SOURCE_GENERAL, 100);
  g_autoptr(FiscalLine) later = fiscal_line_new_full ("l2", "main", "2010302", "302", FISCAL_KIND_PROJECT,
                                                      "p1", FISCAL_SOURCE_GENERAL, 100);
  g_autofree char *id = NULL;
  g_autofree char *id2 = NULL;

  fiscal_document_add_project (doc, p1);
  fiscal_document_add_line (doc, orphan);
  id = fiscal_document_new_project_id (doc);
  g_assert_cmpstr (id, ==, "p3");

  /* A line that comes to name a project by hand is seen too. */
  fiscal_line_set_project (later, "p4");
  fiscal_document_add_line (doc, later);
  fiscal_line_set_project (later, "x");
  fiscal_line_set_project (later, NULL);
  {
    g_autoptr(FiscalLine) named = g_list_model_get_item (fiscal_document_get_lines (doc), 0);
    fiscal_line_set_project (named, "p5");
  }
  id2 = fiscal_document_new_project_id (doc);
  g_assert_cmpstr (id2, ==, "p6");
}

static int
child_main (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(FiscalDocument) doc = fiscal_document_load (file, NULL, NULL);
  g_autoptr(FiscalLine) line = g_list_model_get_item (fiscal_document_get_lines (doc), 0);

  fiscal_line_set_amount (line, fiscal_line_get_amount (line) + 4200);
  if (!fiscal_recovery_write (doc, NULL))
    return 1;

  fputs ("ready", stdout);
  fflush (stdout);
  for (;;)
    g_usleep (G_USEC_PER_SEC);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--child"))
    return child_main (argv[2]);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/editing/new-from-prior", test_new_from_prior);
  g_test_add_func ("/editing/new-from-prior-saves-relative-link", test_new_from_prior_saves_relative_link);
  g_test_add_func ("/editing/resolve", test_resolve);
  g_test_add_func ("/editing/paste", test_paste);
  g_test_add_func ("/editing/paste-without-header", test_paste_without_header);
  g_test_add_func ("/editing/paste-read-values", test_paste_read_values);
  g_test_add_func ("/editing/paste-keeps-cell-places", test_paste_keeps_cell_places);
  g_test_add_func ("/editing/paste-hostile", test_paste_hostile);
  g_test_add_func ("/editing/recovery-after-kill", test_recovery_after_kill);
  g_test_add_func ("/editing/remove-project-with-lines", test_remove_project_with_lines);
  g_test_add_func ("/editing/new-project-id-skips-line-projects", test_new_project_id_skips_line_projects);

  return g_test_run ();
}
