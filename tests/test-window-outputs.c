/* test-window-outputs.c
 *
 * What the window writes never destroys what it reads (fiscal-output.h):
 * an export is refused onto the open budget's file (by any name: a
 * symbolic or hard link), its prior year's, the disclosure it was
 * imported from, or another budget; Save As never goes over the prior
 * year or the disclosure; the import report's figures never over the
 * disclosure. The file chooser asks before replacing any file; these are
 * what it does not know.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <unistd.h>

#include "fiscal-application.h"
#include "fiscal-import-report.h"
#include "fiscal-test-gui.h"
#include "fiscal-test-util.h"
#include "fiscal-window.h"

static FiscalApplication *app;

typedef struct
{
  char *dir;
  char *budget;        /* the example, linking its prior year beside it */
  char *prior;
  char *other;         /* another budget, no input */
  char *budget_text;
  char *prior_text;
  char *other_text;
} Fixture;

static char *
copy_into (const char *from,
           const char *dir,
           const char *name,
           char      **text)
{
  char *path = g_build_filename (dir, name, NULL);
  gsize length;

  g_assert_true (g_file_get_contents (from, text, &length, NULL));
  g_assert_true (g_file_set_contents (path, *text, length, NULL));
  return path;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *example = fiscal_test_example_path (2025);
  g_autofree char *prior = fiscal_test_example_path (2024);
  g_autofree char *symbolic = NULL;
  g_autofree char *hard = NULL;

  f->dir = g_dir_make_tmp ("fiscal-window-outputs-XXXXXX", NULL);
  f->budget = copy_into (example, f->dir, "budget.fiscal.json", &f->budget_text);
  f->prior = copy_into (prior, f->dir, "changji-liaison-2024.fiscal.json", &f->prior_text);
  f->other = copy_into (prior, f->dir, "other.fiscal.json", &f->other_text);

  symbolic = g_build_filename (f->dir, "link.json", NULL);
  hard = g_build_filename (f->dir, "hard.json", NULL);
  g_assert_cmpint (symlink ("budget.fiscal.json", symbolic), ==, 0);
  g_assert_cmpint (link (f->budget, hard), ==, 0);
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
  g_free (f->other);
  g_free (f->budget_text);
  g_free (f->prior_text);
  g_free (f->other_text);
}

static void
assert_contents (const char *path,
                 const char *expected)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
}

static FiscalWindow *
open_window (GFile *file)
{
  FiscalWindow *window = fiscal_window_new (app);

  g_assert_true (fiscal_window_open (window, file));
  gtk_window_present (GTK_WINDOW (window));
  fiscal_test_iterate ();
  return window;
}

/* An export onto the budget open, by any of its names, or its prior year,
 * or another budget, is refused before it starts; the files are as they
 * were. Onto a new file it is made. */
static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (f->budget);
  FiscalWindow *window = open_window (file);
  static const struct { const char *name; int code; const char *why; } refused[] = {
    { "budget.fiscal.json", FISCAL_ERROR_OUTPUT_IS_INPUT, "it is the budget being read" },
    { "link.json", FISCAL_ERROR_OUTPUT_IS_INPUT, "it is the budget being read" },
    { "hard.json", FISCAL_ERROR_OUTPUT_IS_INPUT, "it is the budget being read" },
    { "changji-liaison-2024.fiscal.json", FISCAL_ERROR_OUTPUT_IS_INPUT, "it is the prior year’s budget being read" },
    { "other.fiscal.json", FISCAL_ERROR_OUTPUT_EXISTS, "it is a Fiscal budget" },
  };
  static const FiscalExportKind kinds[] = { FISCAL_EXPORT_PDF, FISCAL_EXPORT_XLSX, FISCAL_EXPORT_CSV };

  /* The window read the prior year the budget links. */
  g_assert_nonnull (fiscal_document_get_prior_path (fiscal_window_get_document (window)));

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      {
        g_autofree char *path = g_build_filename (f->dir, refused[i].name, NULL);
        g_autoptr(GFile) out = g_file_new_for_path (path);
        g_autoptr(GError) error = NULL;

        g_assert_false (fiscal_window_start_export (window, kinds[k], out, &error));
        g_assert_error (error, FISCAL_ERROR, refused[i].code);
        g_assert_nonnull (strstr (error->message, refused[i].name));
        g_assert_nonnull (strstr (error->message, refused[i].why));
        g_assert_cmpuint (fiscal_window_get_n_exports (window), ==, 0);
      }

  assert_contents (f->budget, f->budget_text);
  assert_contents (f->prior, f->prior_text);
  assert_contents (f->other, f->other_text);

  {
    g_autofree char *path = g_build_filename (f->dir, "公开.csv", NULL);
    g_autoptr(GFile) out = g_file_new_for_path (path);
    g_autoptr(GError) error = NULL;

    g_assert_true (fiscal_window_export_to (window, FISCAL_EXPORT_CSV, out, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  fiscal_test_iterate ();
}

/* Save As never goes over the prior year; over another budget it goes, as
 * the file chooser asked, and that becomes the window's file. */
static void
test_save_as (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (f->budget);
  g_autoptr(GFile) prior = g_file_new_for_path (f->prior);
  g_autoptr(GFile) other = g_file_new_for_path (f->other);
  FiscalWindow *window = open_window (file);

  fiscal_document_set_department_name (fiscal_window_get_document (window), "改过的部门");

  g_assert_false (fiscal_window_save_to (window, prior));
  assert_contents (f->prior, f->prior_text);
  g_assert_true (g_file_equal (fiscal_window_get_file (window), file));
  g_assert_true (fiscal_document_get_modified (fiscal_window_get_document (window)));

  g_assert_true (fiscal_window_save_to (window, other));
  g_assert_true (g_file_equal (fiscal_window_get_file (window), other));
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (f->other, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "改过的部门"));
  }
  assert_contents (f->budget, f->budget_text);

  gtk_window_destroy (GTK_WINDOW (window));
  fiscal_test_iterate ();
}

/* A budget imported from a disclosure: neither Save As, nor an export,
 * nor the report's figures go over the disclosure. */
static void
test_imported (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *published = g_test_build_filename (G_TEST_DIST, "data", "changji-liaison-2025-disclosure.txt", NULL);
  g_autofree char *text = NULL;
  g_autofree char *path = copy_into (published, f->dir, "disclosure.txt", &text);
  g_autofree char *link_path = g_build_filename (f->dir, "disclosure-link.txt", NULL);
  g_autoptr(GFile) disclosure = g_file_new_for_path (path);
  g_autoptr(GFile) link = g_file_new_for_path (link_path);
  FiscalWindow *window = fiscal_window_new (app);
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  g_assert_cmpint (symlink (path, link_path), ==, 0);
  g_assert_true (fiscal_window_import (window, disclosure));
  gtk_window_present (GTK_WINDOW (window));
  fiscal_test_iterate ();

  g_assert_false (fiscal_window_save_to (window, link));
  g_assert_null (fiscal_window_get_file (window));

  g_assert_false (fiscal_window_start_export (window, FISCAL_EXPORT_PDF, disclosure, &error));
  g_assert_error (error, FISCAL_ERROR, FISCAL_ERROR_OUTPUT_IS_INPUT);
  g_assert_nonnull (strstr (error->message, "it is the disclosure being imported"));
  g_clear_error (&error);

  dialog = fiscal_window_show_import_report (window);
  g_assert_nonnull (dialog);
  g_assert_false (fiscal_figures_view_write_csv (fiscal_import_report_dialog_get_figures (dialog), link, &error));
  g_assert_error (error, FISCAL_ERROR, FISCAL_ERROR_OUTPUT_IS_INPUT);
  g_clear_error (&error);

  assert_contents (path, text);

  gtk_window_destroy (GTK_WINDOW (window));
  fiscal_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  const char *localedir = g_getenv ("FISCAL_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_test_init (&argc, &argv, NULL);

  app = fiscal_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/window-outputs/export", test_export);
  ADD ("/window-outputs/save-as", test_save_as);
  ADD ("/window-outputs/imported", test_imported);
#undef ADD

  return g_test_run ();
}
