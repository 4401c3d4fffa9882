/* fiscal-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/wait.h>

#include "fiscal-test-util.h"

/* The bundled example budget of @year (2024 or 2025). */
char *
fiscal_test_example_path (int year)
{
  g_autofree char *name = g_strdup_printf ("changji-liaison-%d.fiscal.json", year);
  return g_test_build_filename (G_TEST_DIST, "..", "data", "examples", name, NULL);
}

FiscalDocument *
fiscal_test_load_example (int year)
{
  g_autofree char *path = fiscal_test_example_path (year);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  FiscalDocument *doc = fiscal_document_load (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

/* @doc written as a file and read back, which must succeed: the budget is
 * valid, and what is written of it opens again. */
FiscalDocument *
fiscal_test_reload (FiscalDocument *doc)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  FiscalDocument *back;
  const char *data;
  gsize length;

  fiscal_document_check_valid (doc, &error);
  g_assert_no_error (error);
  bytes = fiscal_document_to_bytes (doc);
  data = g_bytes_get_data (bytes, &length);
  back = fiscal_document_load_from_data (data, length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  return back;
}

void
fiscal_cli_run_clear (FiscalCliRun *run)
{
  g_free (run->out);
  g_free (run->err);
}

static void
run_cli_valist (FiscalCliRun *run,
                const char   *dir,
                va_list       args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("FISCAL_CLI");
  const char *arg;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  while ((arg = va_arg (args, const char *)))
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (dir, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &run->status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (run->status));
  run->status = WEXITSTATUS (run->status);
}

/* Runs fiscal-cli with the arguments that follow @run, up to NULL, and
 * keeps its exit status and output. */
void
fiscal_test_run_cli (FiscalCliRun *run,
                     ...)
{
  va_list args;

  va_start (args, run);
  run_cli_valist (run, NULL, args);
  va_end (args);
}

/* As fiscal_test_run_cli(), in the folder @dir. */
void
fiscal_test_run_cli_in (FiscalCliRun *run,
                        const char   *dir,
                        ...)
{
  va_list args;

  va_start (args, dir);
  run_cli_valist (run, dir, args);
  va_end (args);
}
