/* test-outputs.c
 *
 * Outputs never destroy inputs (fiscal-output.h): the rule itself, and
 * every fiscal-cli verb that writes a file, run as a user runs them, with
 * the output named as the input, a hard link or a symbolic link to it, the
 * prior year, an existing budget, and import's outputs that exist.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fiscal-test-util.h"

#define BUDGET "budget.fiscal.json"
#define PRIOR  "changji-liaison-2024.fiscal.json"

typedef struct
{
  char *dir;
  char *budget;     /* its contents, to see it untouched */
  char *prior;
} Fixture;

static char *
read_file (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static void
copy_file (const char *from,
           const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
}

static void
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
}

static gboolean
exists (const char *dir,
        const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  GStatBuf st;

  return g_lstat (path, &st) == 0;
}

/* A folder with the example budget (which links its prior year, also
 * there), a hard link and a symbolic link to it, another budget and a
 * file that is not one. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *example = fiscal_test_example_path (2025);
  g_autofree char *prior = fiscal_test_example_path (2024);
  g_autofree char *budget = NULL;
  g_autofree char *hard = NULL;
  g_autofree char *symbolic = NULL;

  f->dir = g_dir_make_tmp ("fiscal-outputs-XXXXXX", NULL);
  copy_file (example, f->dir, BUDGET);
  copy_file (prior, f->dir, PRIOR);
  copy_file (prior, f->dir, "other.fiscal.json");
  write_file (f->dir, "notes.csv", "a,b\r\n");

  budget = g_build_filename (f->dir, BUDGET, NULL);
  hard = g_build_filename (f->dir, "hard.json", NULL);
  symbolic = g_build_filename (f->dir, "link.json", NULL);
  g_assert_cmpint (link (budget, hard), ==, 0);
  g_assert_cmpint (symlink (BUDGET, symbolic), ==, 0);

  f->budget = read_file (f->dir, BUDGET);
  f->prior = read_file (f->dir, PRIOR);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) listing = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (f->dir), ==, 0);
  g_free (f->dir);
  g_free (f->budget);
  g_free (f->prior);
}

/* The inputs are as they were, the links still links. */
static void
assert_inputs_untouched (Fixture *f)
{
  g_autofree char *budget = read_file (f->dir, BUDGET);
  g_autofree char *prior = read_file (f->dir, PRIOR);
  g_autofree char *link = g_build_filename (f->dir, "link.json", NULL);
  g_autofree char *hard = g_build_filename (f->dir, "hard.json", NULL);
  GStatBuf st;

  g_assert_cmpstr (budget, ==, f->budget);
  g_assert_cmpstr (prior, ==, f->prior);
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_cmpint (g_stat (hard, &st), ==, 0);
  g_assert_cmpuint (st.st_nlink, ==, 2);
}

/* Runs fiscal-cli in the fixture's folder: @args, then “-o” @output and
 * the arguments after it, up to NULL. */
static void
run_with_output (FiscalCliRun       *run,
                 Fixture            *f,
                 const char * const *args,
                 const char         *output,
                 ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list more;

  g_ptr_array_add (argv, (gpointer) g_getenv ("FISCAL_CLI"));
  g_assert_nonnull (argv->pdata[0]);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, (gpointer) "-o");
  g_ptr_array_add (argv, (gpointer) output);
  va_start (more, output);
  while ((arg = va_arg (more, const char *)))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (more);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (f->dir, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &run->status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (run->status));
  run->status = WEXITSTATUS (run->status);
}

/* Every verb that writes a file, with the options it needs. */
static const struct
{
  const char *name;
  const char *args[10];
  gboolean    reads_prior;
} verbs[] = {
  { "tables",     { "tables", BUDGET, NULL }, FALSE },
  { "targets",    { "targets", BUDGET, NULL }, FALSE },
  { "narrative",  { "narrative", BUDGET, NULL }, TRUE },
  { "chart",      { "chart", BUDGET, "--kind", "bridge", "--format", "png", NULL }, TRUE },
  { "export-pdf", { "export", BUDGET, "--format", "pdf", NULL }, TRUE },
  { "export-csv", { "export", BUDGET, "--format", "csv", NULL }, TRUE },
  { "export-xlsx", { "export", BUDGET, "--format", "xlsx", NULL }, TRUE },
};

static void
assert_refused (FiscalCliRun *run,
                const char   *verb,
                const char   *output,
                const char   *why)
{
  g_autofree char *named = g_strdup_printf ("“%s”", output);

  g_test_message ("%s -o %s: %s", verb, output, run->err);
  g_assert_cmpint (run->status, ==, 2);
  g_assert_nonnull (strstr (run->err, "Will not write"));
  g_assert_nonnull (strstr (run->err, named));
  g_assert_nonnull (strstr (run->err, why));
}

/* No verb writes over the budget it reads, however the output names it:
 * the same name, a hard link, a symbolic link, another spelling; nor over
 * the prior year it reads. --force changes none of that. */
static void
test_never_over_input (Fixture       *f,
                       gconstpointer  data)
{
  static const char *spellings[] = { BUDGET, "hard.json", "link.json", "./" BUDGET };

  for (guint v = 0; v < G_N_ELEMENTS (verbs); v++)
    {
      /* Every verb by the name, a hard and a symbolic link; the fourth
       * spelling, and --force, are the same check, once or twice. */
      for (guint s = 0; s < (v == 0 ? 4 : 3); s++)
        {
          g_auto(FiscalCliRun) run = { 0 };

          run_with_output (&run, f, verbs[v].args, spellings[s], v % 3 == 0 ? "--force" : NULL, NULL);
          assert_refused (&run, verbs[v].name, spellings[s], "it is the budget being read (“" BUDGET "”)");
          assert_inputs_untouched (f);
        }

      /* The prior year the budget links: an input of the verbs that read
       * it, an existing budget to the others. */
      {
        g_auto(FiscalCliRun) run = { 0 };

        run_with_output (&run, f, verbs[v].args, PRIOR, NULL);
        assert_refused (&run, verbs[v].name, PRIOR,
                        verbs[v].reads_prior ? "it is the prior year’s budget being read" : "it is a Fiscal budget");
        assert_inputs_untouched (f);
      }
    }
}

/* The prior year named with --prior is an input too, even forced. */
static void
test_never_over_named_prior (Fixture       *f,
                             gconstpointer  data)
{
  static const char *args[][10] = {
    { "narrative", BUDGET, "--prior", "other.fiscal.json", NULL },
    { "chart", BUDGET, "--kind", "bridge", "--format", "png", "--prior", "other.fiscal.json" },
    { "export", BUDGET, "--format", "pdf", "--prior", "other.fiscal.json", NULL },
  };
  g_autofree char *other = read_file (f->dir, "other.fiscal.json");

  for (guint i = 0; i < G_N_ELEMENTS (args); i++)
    {
      g_auto(FiscalCliRun) run = { 0 };
      g_autofree char *after = NULL;

      run_with_output (&run, f, args[i], "other.fiscal.json", "--force", NULL);
      assert_refused (&run, args[i][0], "other.fiscal.json",
                      "it is the prior year’s budget being read (“other.fiscal.json”)");
      after = read_file (f->dir, "other.fiscal.json");
      g_assert_cmpstr (after, ==, other);
      assert_inputs_untouched (f);
    }
}

/* An existing budget that is not an input is replaced only with --force;
 * an existing file that is not a budget is simply replaced. */
static void
test_existing_budget_needs_force (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *other = read_file (f->dir, "other.fiscal.json");

  for (guint v = 0; v < G_N_ELEMENTS (verbs); v++)
    {
      g_auto(FiscalCliRun) run = { 0 };
      g_autofree char *after = NULL;

      run_with_output (&run, f, verbs[v].args, "other.fiscal.json", NULL);
      assert_refused (&run, verbs[v].name, "other.fiscal.json", "it is a Fiscal budget");
      g_assert_nonnull (strstr (run.err, "--force"));
      after = read_file (f->dir, "other.fiscal.json");
      g_assert_cmpstr (after, ==, other);
    }

  /* Forced: replaced by the tables. */
  {
    g_auto(FiscalCliRun) forced = { 0 };
    g_autofree char *after = NULL;

    run_with_output (&forced, f, verbs[0].args, "other.fiscal.json", "--force", NULL);
    g_assert_cmpint (forced.status, ==, 0);
    after = read_file (f->dir, "other.fiscal.json");
    g_assert_true (g_str_has_prefix (after, "{\n  \"tables\""));
  }

  /* Not a budget: replaced without asking. */
  {
    g_auto(FiscalCliRun) run = { 0 };
    g_autofree char *after = NULL;

    run_with_output (&run, f, verbs[5].args, "notes.csv", NULL);
    g_assert_cmpint (run.status, ==, 0);
    after = read_file (f->dir, "notes.csv");
    g_assert_true (g_str_has_prefix (after, "表1"));
  }
  assert_inputs_untouched (f);
}

/* A budget is told by its content: a JSON object whose "format" is the
 * budget format, wherever the key stands among the first ones; not by
 * its name. */
static void
test_is_budget (Fixture       *f,
                gconstpointer  data)
{
  static const struct { const char *contents; gboolean budget; } cases[] = {
    { "{\"format\": \"fiscal-budget\", \"version\": 1", TRUE },
    { "\xEF\xBB\xBF  {\n\"version\": 1, \"department\": {\"name\": \"甲,}\\\"\"}, \"lines\": [1, [2, {}]],\r\n \"format\":\"fiscal-budget\"}", TRUE },
    { "{\"format\": \"fiscal-budget-x\"}", FALSE },
    { "{\"formats\": \"fiscal-budget\"}", FALSE },
    { "{\"a\": {\"format\": \"fiscal-budget\"}}", FALSE },
    { "[{\"format\": \"fiscal-budget\"}]", FALSE },
    { "format,fiscal-budget\r\n", FALSE },
    { "{\"version\": 1, \"lines\": [", FALSE },
    { "", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, "sniffed.txt", NULL);

      g_assert_true (g_file_set_contents (path, cases[i].contents, -1, NULL));
      g_test_message ("%s", cases[i].contents);
      g_assert_cmpint (fiscal_file_is_budget (path), ==, cases[i].budget);
      g_assert_cmpint (g_unlink (path), ==, 0);
    }

  {
    g_autofree char *budget = g_build_filename (f->dir, BUDGET, NULL);
    g_autofree char *link = g_build_filename (f->dir, "link.json", NULL);

    g_assert_true (fiscal_file_is_budget (budget));
    g_assert_true (fiscal_file_is_budget (link));
    g_assert_false (fiscal_file_is_budget ("/dev/null"));
    g_assert_false (fiscal_file_is_budget ("/nonexistent/budget.fiscal.json"));
  }
}

/* The guard by itself: inputs by device and inode, outputs by name before
 * they exist, and its error codes. */
static void
test_guard (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(FiscalOutputGuard) guard = fiscal_output_guard_new ();
  g_autofree char *budget = g_build_filename (f->dir, BUDGET, NULL);
  g_autofree char *base = g_path_get_basename (f->dir);
  g_autofree char *dotted = g_build_filename (f->dir, ".", "..", base, BUDGET, NULL);
  g_autofree char *fresh = g_build_filename (f->dir, "fresh.csv", NULL);
  g_autofree char *fresh_again = g_build_filename (f->dir, ".", "fresh.csv", NULL);
  g_autofree char *notes = g_build_filename (f->dir, "notes.csv", NULL);
  g_autoptr(GError) error = NULL;

  fiscal_output_guard_add_input (guard, budget, FISCAL_INPUT_BUDGET);

  g_assert_false (fiscal_output_guard_check (guard, dotted, FISCAL_OUTPUT_FORCE, &error));
  g_assert_error (error, FISCAL_ERROR, FISCAL_ERROR_OUTPUT_IS_INPUT);
  g_clear_error (&error);

  g_assert_true (fiscal_output_guard_check (guard, fresh, FISCAL_OUTPUT_NEW, &error));
  g_assert_no_error (error);
  /* The same output twice, before it exists. */
  g_assert_false (fiscal_output_guard_check (guard, fresh_again, FISCAL_OUTPUT_FORCE, &error));
  g_assert_error (error, FISCAL_ERROR, FISCAL_ERROR_OUTPUT_IS_INPUT);
  g_clear_error (&error);

  g_assert_false (fiscal_output_guard_check (guard, notes, FISCAL_OUTPUT_NEW, &error));
  g_assert_error (error, FISCAL_ERROR, FISCAL_ERROR_OUTPUT_EXISTS);
  g_clear_error (&error);
  g_assert_true (fiscal_output_guard_check (guard, notes, FISCAL_OUTPUT_NEW | FISCAL_OUTPUT_FORCE, &error));
  g_assert_no_error (error);
}

/* import: its outputs are new unless --force, none is the disclosure it
 * reads, no two are one file, and nothing is written when one is refused. */
static void
test_import_outputs (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *disclosure = g_test_build_filename (G_TEST_DIST, "data", "changji-liaison-2025-disclosure.txt", NULL);
  g_autofree char *original = NULL;

  copy_file (disclosure, f->dir, "disclosure.txt");
  original = read_file (f->dir, "disclosure.txt");
  {
    g_autofree char *target = g_build_filename (f->dir, "disclosure.txt", NULL);
    g_autofree char *link = g_build_filename (f->dir, "disclosure-link.txt", NULL);

    g_assert_cmpint (symlink (target, link), ==, 0);
  }
  write_file (f->dir, "report.txt", "an old report");
  write_file (f->dir, "figures.csv", "old,figures");

  /* The disclosure itself, by its name or a link, even forced. */
  {
    static const char *import[] = { "import", "disclosure.txt", NULL };
    static const char *outputs[][2] = {
      { "disclosure.txt", NULL },
      { "new.fiscal.json", "--report=disclosure-link.txt" },
      { "new.fiscal.json", "--figures=./disclosure.txt" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
      {
        g_auto(FiscalCliRun) run = { 0 };
        g_autofree char *after = NULL;

        run_with_output (&run, f, import, outputs[i][0], "--force", outputs[i][1], NULL);
        g_assert_cmpint (run.status, ==, 2);
        g_assert_nonnull (strstr (run.err, "it is the disclosure being imported (“disclosure.txt”)"));
        after = read_file (f->dir, "disclosure.txt");
        g_assert_cmpstr (after, ==, original);
        g_assert_false (exists (f->dir, "new.fiscal.json"));
      }
  }

  /* --report and --figures that exist: refused without --force, and the
   * budget is not written either. */
  {
    static const char *import[] = { "import", "disclosure.txt", NULL };
    static const char *options[][2] = {
      { "--report", "report.txt" },
      { "--figures", "figures.csv" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (options); i++)
      {
        g_auto(FiscalCliRun) run = { 0 };

        run_with_output (&run, f, import, "new.fiscal.json", options[i][0], options[i][1], NULL);
        assert_refused (&run, "import", options[i][1], "it exists already");
        g_assert_nonnull (strstr (run.err, "--force"));
        g_assert_false (exists (f->dir, "new.fiscal.json"));
      }
  }
  {
    g_autofree char *report = read_file (f->dir, "report.txt");
    g_autofree char *figures = read_file (f->dir, "figures.csv");

    g_assert_cmpstr (report, ==, "an old report");
    g_assert_cmpstr (figures, ==, "old,figures");
  }

  /* Two outputs on one file. */
  {
    static const char *import[] = { "import", "disclosure.txt", NULL };
    g_auto(FiscalCliRun) run = { 0 };

    run_with_output (&run, f, import, "new.fiscal.json", "--report", "new.fiscal.json", NULL);
    assert_refused (&run, "import", "new.fiscal.json", "it is already an output of this command");
    g_assert_false (exists (f->dir, "new.fiscal.json"));
  }

  /* Forced, the old report and figures are replaced. */
  {
    static const char *import[] = { "import", "disclosure.txt", NULL };
    g_auto(FiscalCliRun) run = { 0 };
    g_autofree char *report = NULL;
    g_autofree char *figures = NULL;

    run_with_output (&run, f, import, "new.fiscal.json", "--report", "report.txt",
                     "--figures", "figures.csv", "--force", NULL);
    g_assert_cmpint (run.status, <=, 1);
    g_assert_true (exists (f->dir, "new.fiscal.json"));
    report = read_file (f->dir, "report.txt");
    g_assert_cmpstr (report, !=, "an old report");
    figures = read_file (f->dir, "figures.csv");
    g_assert_cmpstr (figures, !=, "old,figures");
    g_assert_nonnull (strstr (figures, "318.10"));
  }

  /* The budget just written is an existing file now. */
  {
    static const char *import[] = { "import", "disclosure.txt", NULL };
    g_auto(FiscalCliRun) run = { 0 };

    run_with_output (&run, f, import, "new.fiscal.json", NULL);
    assert_refused (&run, "import", "new.fiscal.json", "it exists already");
  }
}

/* An output through a symbolic link replaces the file it names, which
 * keeps its mode; the link stays, as a save keeps it. Each writer: the
 * tables' text, the chart, the PDF and the workbook streamed. */
static void
test_output_through_link (Fixture       *f,
                          gconstpointer  data)
{
  static const struct { guint verb; const char *name; const char *magic; } outputs[] = {
    { 0, "tables.json", "{" },
    { 3, "chart.png", "\x89PNG" },
    { 4, "out.pdf", "%PDF-" },
    { 5, "out.csv", "表1" },
    { 6, "out.xlsx", "PK\x03\x04" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    {
      g_autofree char *target = g_build_filename (f->dir, outputs[i].name, NULL);
      g_autofree char *link_name = g_strconcat ("link-", outputs[i].name, NULL);
      g_autofree char *link = g_build_filename (f->dir, link_name, NULL);
      g_autofree char *after = NULL;
      g_auto(FiscalCliRun) run = { 0 };
      GStatBuf st;

      write_file (f->dir, outputs[i].name, "old");
      g_assert_cmpint (g_chmod (target, 0600), ==, 0);
      g_assert_cmpint (symlink (outputs[i].name, link), ==, 0);

      run_with_output (&run, f, verbs[outputs[i].verb].args, link_name, NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpint (g_lstat (link, &st), ==, 0);
      g_assert_true (S_ISLNK (st.st_mode));
      g_assert_cmpint (g_stat (target, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
      after = read_file (f->dir, outputs[i].name);
      g_assert_true (g_str_has_prefix (after, outputs[i].magic));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/outputs/guard", test_guard);
  ADD ("/outputs/is-budget", test_is_budget);
  ADD ("/outputs/cli/never-over-input", test_never_over_input);
  ADD ("/outputs/cli/never-over-named-prior", test_never_over_named_prior);
  ADD ("/outputs/cli/existing-budget-needs-force", test_existing_budget_needs_force);
  ADD ("/outputs/cli/import", test_import_outputs);
  ADD ("/outputs/cli/through-link", test_output_through_link);
#undef ADD

  return g_test_run ();
}
