/* fiscal-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

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
