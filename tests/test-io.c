/* test-io.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fiscal-json-reader.h"

#include "fiscal-test-util.h"

static FiscalDocument *
load_path (const char  *path,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  return fiscal_document_load (file, NULL, error);
}

static char *
bytes_to_string (GBytes *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  return g_strndup (data, len);
}

static void
test_load_minimal (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "minimal.fiscal.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FiscalDocument) doc = load_path (path, &error);
  GListModel *lines;
  g_autoptr(FiscalLine) first = NULL;
  FiscalProfile *profile;

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_cmpint (fiscal_document_get_year (doc), ==, 2025);
  g_assert_cmpstr (fiscal_document_get_department_name (doc), ==, "示例市财政局");
  g_assert_cmpuint (g_list_model_get_n_items (fiscal_document_get_units (doc)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (fiscal_document_get_projects (doc)), ==, 2);

  lines = fiscal_document_get_lines (doc);
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, 8);
  first = g_list_model_get_item (lines, 0);
  g_assert_cmpstr (fiscal_line_get_unit (first), ==, "u1");
  g_assert_cmpint (fiscal_line_get_amount (first), >, 0);

  profile = fiscal_document_get_profile (doc);
  g_assert_true (fiscal_profile_is_set (profile, FISCAL_PROFILE_STAFF_ACTIVE_CHANGE));
  g_assert_cmpint (fiscal_profile_get_number (profile, FISCAL_PROFILE_STAFF_ACTIVE_CHANGE), ==, -1);
  g_assert_nonnull (fiscal_document_get_explanation (doc, "expenditure.basic"));

  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_assert_true (g_file_equal (fiscal_document_get_file (doc), file));
  }
}

/* load → save → load gives an equal document, and saving is byte-stable. */
static void
round_trip (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FiscalDocument) doc = load_path (path, &error);
  g_autoptr(FiscalDocument) again = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) third = NULL;
  g_autofree char *text = NULL;
  gsize len;
  const char *data;

  g_assert_no_error (error);
  first = fiscal_document_to_bytes (doc);
  data = g_bytes_get_data (first, &len);
  again = fiscal_document_load_from_data (data, len, &error);
  g_assert_no_error (error);
  second = fiscal_document_to_bytes (again);
  third = fiscal_document_to_bytes (doc);

  text = bytes_to_string (second);
  g_assert_true (g_bytes_equal (first, second));
  g_assert_true (g_bytes_equal (first, third));
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_true (g_str_has_prefix (text, "{\n  \"format\": \"fiscal-budget\",\n  \"version\": 1,\n"));

  g_assert_cmpuint (g_list_model_get_n_items (fiscal_document_get_lines (doc)), ==,
                    g_list_model_get_n_items (fiscal_document_get_lines (again)));
}

static void
test_round_trip_minimal (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "minimal.fiscal.json", NULL);
  round_trip (path);
}

static void
test_round_trip_examples (void)
{
  static const char * const names[] = {
    "changji-liaison-2025.fiscal.json", "changji-liaison-2024.fiscal.json",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = fiscal_test_example_path (2025 - i);
      g_assert_true (g_str_has_suffix (path, names[i]));
      round_trip (path);
    }
}

/* Strings that need escaping survive, and amounts stay exact. */
static void
test_round_trip_values (void)
{
  g_autoptr(FiscalDocument) doc = fiscal_document_new (2026, "引号\"与\\反斜杠\n换行\t制表\x01");
  g_autoptr(FiscalDocument) back = NULL;
  g_autoptr(FiscalLine) line = fiscal_line_new ("l1");
  g_autoptr(FiscalLine) read = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *data;

  fiscal_line_set_unit (line, "main");
  fiscal_line_set_function (line, "2010350");
  fiscal_line_set_amount (line, FISCAL_MONEY_MAX);
  fiscal_line_set_note (line, "“全角”");
  fiscal_document_add_line (doc, line);
  fiscal_profile_set_number (fiscal_document_get_profile (doc), FISCAL_PROFILE_ASSETS_BUILDING_AREA, 328752);

  bytes = fiscal_document_to_bytes (doc);
  data = g_bytes_get_data (bytes, &len);
  back = fiscal_document_load_from_data (data, len, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (fiscal_document_get_department_name (back), ==, "引号\"与\\反斜杠\n换行\t制表\x01");
  read = g_list_model_get_item (fiscal_document_get_lines (back), 0);
  g_assert_cmpint (fiscal_line_get_amount (read), ==, FISCAL_MONEY_MAX);
  g_assert_nonnull (strstr (data, "\"amount\": \"1000000000000000.00\""));
  g_assert_cmpstr (fiscal_line_get_note (read), ==, "“全角”");
  g_assert_cmpint (fiscal_profile_get_number (fiscal_document_get_profile (back),
                                              FISCAL_PROFILE_ASSETS_BUILDING_AREA), ==, 328752);
  g_assert_nonnull (strstr (data, "\"building_area\": \"3287.52\""));

  /* New line ids never clash with loaded ones. */
  {
    g_autofree char *id = fiscal_document_new_line_id (back);
    g_assert_cmpstr (id, ==, "l2");
  }
}

static char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

/* Every file of the corpus fails with its own error code, the message
 * names the place, and the file is left as it was. */
static void
test_malformed_corpus (void)
{
  g_autofree char *index = g_test_build_filename (G_TEST_DIST, "malformed", "expected.tsv", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_cases = 0;
  guint codes_seen[32] = { 0 };

  g_assert_true (g_file_get_contents (index, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autofree char *path = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(FiscalDocument) doc = NULL;

      if (lines[i][0] == '#' || lines[i][0] == 0)
        continue;

      fields = g_strsplit (lines[i], "\t", 3);
      g_assert_cmpuint (g_strv_length (fields), ==, 3);
      path = g_test_build_filename (G_TEST_DIST, "malformed", fields[0], NULL);
      before = file_checksum (path);

      doc = load_path (path, &error);
      if (doc != NULL)
        g_error ("%s loaded, but should fail with %s", fields[0], fields[1]);

      g_assert_true (error->domain == FISCAL_ERROR);
      if (!g_str_equal (fiscal_error_code_to_nick (error->code), fields[1]))
        g_error ("%s: expected %s, got %s: %s", fields[0], fields[1],
                 fiscal_error_code_to_nick (error->code), error->message);
      if (strstr (error->message, fields[2]) == NULL)
        g_error ("%s: the message does not name “%s”: %s", fields[0], fields[2], error->message);
      g_assert_true (g_str_has_prefix (error->message, fields[0]));

      after = file_checksum (path);
      g_assert_cmpstr (before, ==, after);

      codes_seen[error->code]++;
      n_cases++;
    }

  g_assert_cmpuint (n_cases, >=, 30);

  /* Each kind of fault is represented. */
  for (int code = FISCAL_ERROR_NOT_UTF8; code <= FISCAL_ERROR_UNKNOWN_REFERENCE; code++)
    if (codes_seen[code] == 0)
      g_error ("no corpus file gives %s", fiscal_error_code_to_nick (code));
}

static void
test_not_json_positions (void)
{
  static const struct { const char *text; const char *message; } cases[] = {
    { "{\n  \"a\": 1,\n}", "line 3, column 1" },
    { "{'a': 1}", "line 1, column 2" },
    { "", "line 1, column 1" },
    { "{\"a\": tru}", "line 1, column 7" },
    { "{\"a\": 1} x", "line 1, column 10" },
    { "{\"a\": \"\t\"}", "line 1, column 8" },
    { "{\"a\": 01}", "line 1, column 8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FiscalDocument) doc = fiscal_document_load_from_data (cases[i].text, strlen (cases[i].text), &error);

      g_assert_null (doc);
      g_assert_error (error, FISCAL_ERROR, FISCAL_ERROR_NOT_JSON);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, error->message, cases[i].message);
    }

  /* Deep nesting is refused, not a stack overflow. */
  {
    g_autoptr(GString) deep = g_string_new ("{\"a\":");
    g_autoptr(GError) error = NULL;
    g_autoptr(FiscalDocument) doc = NULL;

    for (guint i = 0; i < 100000; i++)
      g_string_append_c (deep, '[');
    doc = fiscal_document_load_from_data (deep->str, deep->len, &error);
    g_assert_null (doc);
    g_assert_error (error, FISCAL_ERROR, FISCAL_ERROR_NOT_JSON);
  }
}

static void
test_save_atomic (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fiscal-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "budget.fiscal.json", NULL);
  g_autofree char *blocker = g_build_filename (dir, "not-a-dir", NULL);
  g_autofree char *inside = g_build_filename (blocker, "budget.fiscal.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad = g_file_new_for_path (inside);
  g_autoptr(FiscalDocument) doc = fiscal_document_new (2025, "甲");
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *checksum = NULL;
  g_autoptr(GDir) listing = NULL;
  guint n_entries = 0;

  g_assert_true (fiscal_document_save (doc, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (fiscal_document_get_file (doc), file));

  expected = fiscal_document_to_bytes (doc);
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_cmpstr (saved, ==, g_bytes_get_data (expected, NULL));

  /* A save that cannot complete leaves no file behind and reports why. */
  g_assert_true (g_file_set_contents (blocker, "x", -1, NULL));
  g_assert_false (fiscal_document_save (doc, bad, NULL, &error));
  g_assert_nonnull (error);
  /* It names the budget's file, not the temporary one GLib was writing. */
  g_assert_nonnull (strstr (error->message, inside));
  g_assert_null (strstr (error->message, "budget.fiscal.json."));
  g_clear_error (&error);
  g_assert_true (g_file_equal (fiscal_document_get_file (doc), file));

  /* Saving over an existing file replaces it whole, leaving no temporary
   * files. */
  checksum = file_checksum (path);
  fiscal_document_set_department_name (doc, "乙");
  g_assert_true (fiscal_document_save (doc, file, NULL, &error));
  g_assert_no_error (error);
  {
    g_autofree char *after = file_checksum (path);
    g_autoptr(FiscalDocument) reloaded = load_path (path, &error);

    g_assert_cmpstr (after, !=, checksum);
    g_assert_no_error (error);
    g_assert_cmpstr (fiscal_document_get_department_name (reloaded), ==, "乙");
  }

  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing))
    n_entries++;
  g_assert_cmpuint (n_entries, ==, 2);

  g_remove (path);
  g_remove (blocker);
  g_rmdir (dir);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted, separated by spaces. */
static char *
dir_listing (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      GStatBuf st;

      if (g_lstat (path, &st) == 0 && S_ISDIR (st.st_mode))
        remove_tree (path);
      else
        g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static mode_t
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

static void
save_as (FiscalDocument *doc,
         const char     *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (fiscal_document_save (doc, file, NULL, &error));
  g_assert_no_error (error);
}

static void
assert_saved (FiscalDocument *doc,
              const char     *path)
{
  g_autoptr(GBytes) expected = fiscal_document_to_bytes (doc);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
}

/* A budget kept private stays private; a new one gets the umask's mode. */
static void
test_save_keeps_mode (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fiscal-mode-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "budget.fiscal.json", NULL);
  g_autofree char *fresh = g_build_filename (dir, "new.fiscal.json", NULL);
  g_autoptr(FiscalDocument) doc = fiscal_document_new (2025, "甲");
  mode_t old_umask;

  save_as (doc, path);
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  fiscal_document_set_department_name (doc, "乙");
  save_as (doc, path);
  g_assert_cmpint (file_mode (path), ==, 0600);
  assert_saved (doc, path);

  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  save_as (doc, path);
  g_assert_cmpint (file_mode (path), ==, 0640);

  old_umask = umask (027);
  save_as (doc, fresh);
  umask (old_umask);
  g_assert_cmpint (file_mode (fresh), ==, 0640);

  old_umask = umask (022);
  g_assert_cmpint (g_unlink (fresh), ==, 0);
  save_as (doc, fresh);
  umask (old_umask);
  g_assert_cmpint (file_mode (fresh), ==, 0644);

  remove_tree (dir);
}

/* Saving through a symbolic link (a chain of them, relative and absolute)
 * replaces the file at the end of the chain and leaves the links. */
static void
test_save_through_symlink (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fiscal-link-XXXXXX", NULL);
  g_autofree char *real_dir = g_build_filename (dir, "real", NULL);
  g_autofree char *target = g_build_filename (real_dir, "budget.fiscal.json", NULL);
  g_autofree char *link1 = g_build_filename (dir, "link.fiscal.json", NULL);
  g_autofree char *link2 = g_build_filename (dir, "chain.fiscal.json", NULL);
  g_autofree char *read_back = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *real_listing = NULL;
  g_autoptr(FiscalDocument) doc = fiscal_document_new (2025, "甲");
  g_autoptr(FiscalDocument) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf before, after, st;

  g_assert_cmpint (g_mkdir (real_dir, 0700), ==, 0);
  save_as (doc, target);
  g_assert_cmpint (g_chmod (target, 0600), ==, 0);
  g_assert_cmpint (g_stat (target, &before), ==, 0);
  g_assert_cmpint (symlink ("real/budget.fiscal.json", link1), ==, 0);
  g_assert_cmpint (symlink (link1, link2), ==, 0);

  fiscal_document_set_department_name (doc, "乙");
  save_as (doc, link2);

  g_assert_cmpint (g_lstat (link1, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_cmpint (g_lstat (link2, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  read_back = g_file_read_link (link1, NULL);
  g_assert_cmpstr (read_back, ==, "real/budget.fiscal.json");

  /* The file at the end is a new one, of the old one's mode. */
  g_assert_cmpint (g_lstat (target, &after), ==, 0);
  g_assert_true (S_ISREG (after.st_mode));
  g_assert_cmpuint (after.st_ino, !=, before.st_ino);
  g_assert_cmpint (after.st_mode & 0777, ==, 0600);
  assert_saved (doc, target);
  reloaded = load_path (link2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fiscal_document_get_department_name (reloaded), ==, "乙");
  /* The document still calls its file by the name it was given. */
  g_assert_cmpstr (g_file_peek_path (fiscal_document_get_file (doc)), ==, link2);

  /* Nothing else was made on either side. */
  listing = dir_listing (dir);
  g_assert_cmpstr (listing, ==, "chain.fiscal.json link.fiscal.json real");
  real_listing = dir_listing (real_dir);
  g_assert_cmpstr (real_listing, ==, "budget.fiscal.json");

  /* A link to a file not there yet makes the file, and keeps the link. */
  g_assert_cmpint (g_unlink (target), ==, 0);
  save_as (doc, link1);
  g_assert_cmpint (g_lstat (link1, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  assert_saved (doc, target);

  remove_tree (dir);
}

/* A temporary file left by a save that was killed before its rename is
 * removed by the next save of the same file; one that a live writer holds
 * (its lock), and files that only look alike, are left alone. */
static void
test_save_removes_leftovers (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fiscal-leftover-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "budget.fiscal.json", NULL);
  g_autofree char *dead = g_build_filename (dir, ".budget.fiscal.json.a1B2c3" FISCAL_FILE_TEMP_SUFFIX, NULL);
  g_autofree char *live = g_build_filename (dir, ".budget.fiscal.json.Z9y8X7" FISCAL_FILE_TEMP_SUFFIX, NULL);
  g_autofree char *other = g_build_filename (dir, ".other.fiscal.json.a1B2c3" FISCAL_FILE_TEMP_SUFFIX, NULL);
  g_autofree char *unlike = g_build_filename (dir, ".budget.fiscal.json.a1B2c3.tmp", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(FiscalDocument) doc = fiscal_document_new (2025, "甲");
  int held;

  g_assert_true (fiscal_file_is_temp_name ("budget.fiscal.json", ".budget.fiscal.json.a1B2c3.fiscal-tmp"));
  g_assert_false (fiscal_file_is_temp_name ("budget.fiscal.json", ".budget.fiscal.json.a1B2.fiscal-tmp"));
  g_assert_false (fiscal_file_is_temp_name ("budget.fiscal.json", ".budget.fiscal.json.a1B2c!.fiscal-tmp"));
  g_assert_false (fiscal_file_is_temp_name ("budget.fiscal.json", "budget.fiscal.json"));
  g_assert_false (fiscal_file_is_temp_name ("budget", ".budget.fiscal.json.a1B2c3.fiscal-tmp"));

  save_as (doc, path);
  g_assert_true (g_file_set_contents (dead, "{\"format\": \"fiscal-budget\", \"vers", -1, NULL));
  g_assert_true (g_file_set_contents (live, "being written", -1, NULL));
  g_assert_true (g_file_set_contents (other, "another file's", -1, NULL));
  g_assert_true (g_file_set_contents (unlike, "not ours", -1, NULL));
  held = g_open (live, O_RDWR, 0);
  g_assert_cmpint (held, >=, 0);
  g_assert_cmpint (flock (held, LOCK_EX), ==, 0);

  fiscal_document_set_department_name (doc, "乙");
  save_as (doc, path);
  assert_saved (doc, path);
  listing = dir_listing (dir);
  g_assert_cmpstr (listing, ==, ".budget.fiscal.json.Z9y8X7.fiscal-tmp "
                                ".budget.fiscal.json.a1B2c3.tmp "
                                ".other.fiscal.json.a1B2c3.fiscal-tmp "
                                "budget.fiscal.json");

  /* Once its writer is gone, the next save takes that one too. */
  close (held);
  save_as (doc, path);
  g_free (listing);
  listing = dir_listing (dir);
  g_assert_cmpstr (listing, ==, ".budget.fiscal.json.a1B2c3.tmp "
                                ".other.fiscal.json.a1B2c3.fiscal-tmp "
                                "budget.fiscal.json");

  remove_tree (dir);
}

/* The replacement as the streaming exporters use it: an abort, or a free
 * without a commit, leaves the old file and nothing beside it; a commit
 * replaces it. A device is written as it is, not replaced. */
static void
test_file_replace (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fiscal-replace-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "out.csv", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  FiscalFileReplace *replace;
  GStatBuf st;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));

  replace = fiscal_file_replace_begin (path, FISCAL_FILE_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fiscal_file_replace_get_path (replace), ==, path);
  g_assert_true (fiscal_file_is_temp_name ("out.csv", strrchr (fiscal_file_replace_get_temp_path (replace), '/') + 1));
  g_assert_true (fiscal_file_replace_write (replace, "new, half", 9, &error));
  fiscal_file_replace_abort (replace);
  fiscal_file_replace_free (replace);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  listing = dir_listing (dir);
  g_assert_cmpstr (listing, ==, "out.csv");

  {
    g_autoptr(FiscalFileReplace) dropped = fiscal_file_replace_begin (path, FISCAL_FILE_DEFAULT, &error);

    g_assert_no_error (error);
    g_assert_true (fiscal_file_replace_write (dropped, "never", 5, &error));
  }
  g_free (listing);
  listing = dir_listing (dir);
  g_assert_cmpstr (listing, ==, "out.csv");

  replace = fiscal_file_replace_begin (path, FISCAL_FILE_DEFAULT, &error);
  g_assert_true (fiscal_file_replace_write (replace, "new", 3, &error));
  g_assert_true (fiscal_file_replace_commit (replace, &error));
  g_assert_no_error (error);
  fiscal_file_replace_free (replace);
  g_free (contents);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "new");

  /* A private file is made the owner's alone, whatever the umask. */
  {
    g_autofree char *private = g_build_filename (dir, "copy.fiscal.json", NULL);

    g_assert_true (fiscal_file_set_contents (private, "{}", 2, FISCAL_FILE_PRIVATE, &error));
    g_assert_cmpint (file_mode (private), ==, 0600);
  }

  /* `-o /dev/stdout` into a pipe, whose link names no file (“pipe:[…]”):
   * written to as it is. */
  {
    int fds[2];
    g_autofree char *end = NULL;
    char got[8] = { 0 };

    g_assert_cmpint (pipe (fds), ==, 0);
    end = g_strdup_printf ("/dev/fd/%d", fds[1]);
    g_assert_true (fiscal_file_set_contents (end, "piped", 5, FISCAL_FILE_DEFAULT, &error));
    g_assert_no_error (error);
    g_assert_cmpint (read (fds[0], got, sizeof got - 1), ==, 5);
    g_assert_cmpstr (got, ==, "piped");
    close (fds[0]);
    close (fds[1]);
  }

  /* `-o /dev/null`: written to, and still the device. */
  g_assert_true (fiscal_file_set_contents ("/dev/null", "nothing", 7, FISCAL_FILE_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_lstat ("/dev/null", &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));

  remove_tree (dir);
}

/* A save that cannot be made says which file and why, in the system's
 * words, and leaves the folder as it was. */
static void
test_save_failures (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fiscal-fail-XXXXXX", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder.fiscal.json", NULL);
  g_autofree char *loop = g_build_filename (dir, "loop.fiscal.json", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing", "budget.fiscal.json", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(FiscalDocument) doc = fiscal_document_new (2025, "甲");
  g_autoptr(GError) error = NULL;
  struct { const char *path; int code; int saved_errno; } cases[] = {
    { folder, G_FILE_ERROR_ISDIR, EISDIR },
    { loop, G_FILE_ERROR_LOOP, ELOOP },
    { missing, G_FILE_ERROR_NOENT, ENOENT },
  };

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_cmpint (symlink ("loop.fiscal.json", loop), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (cases[i].path);

      g_assert_false (fiscal_document_save (doc, file, NULL, &error));
      g_assert_error (error, G_FILE_ERROR, cases[i].code);
      expected = g_strdup_printf ("Cannot write “%s”: %s", cases[i].path, g_strerror (cases[i].saved_errno));
      g_assert_cmpstr (error->message, ==, expected);
      g_clear_pointer (&expected, g_free);
      g_clear_error (&error);
      g_assert_null (fiscal_document_get_file (doc));
    }

  listing = dir_listing (dir);
  g_assert_cmpstr (listing, ==, "folder.fiscal.json loop.fiscal.json");
  remove_tree (dir);
}

/* A folder where no file can be made: the budget in it is not touched
 * (GLib's g_file_replace() would write it in place), and the error says
 * why. Root may write anywhere, so this needs another user. */
static void
test_save_read_only_folder (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(FiscalDocument) doc = fiscal_document_new (2025, "甲");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root can write in a read-only folder");
      return;
    }

  dir = g_dir_make_tmp ("fiscal-readonly-XXXXXX", NULL);
  path = g_build_filename (dir, "budget.fiscal.json", NULL);
  file = g_file_new_for_path (path);
  save_as (doc, path);
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);

  fiscal_document_set_department_name (doc, "乙");
  g_assert_false (fiscal_document_save (doc, file, NULL, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ACCES);
  expected = g_strdup_printf ("Cannot write “%s”: %s", path, g_strerror (EACCES));
  g_assert_cmpstr (error->message, ==, expected);

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  listing = dir_listing (dir);
  g_assert_cmpstr (listing, ==, "budget.fiscal.json");

  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
  remove_tree (dir);
}

static void
test_failed_load_leaves_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fiscal-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "broken.fiscal.json", NULL);
  const char *broken = "{\"format\": \"fiscal-budget\", \"version\": 1, \"year\": 2025, ";
  g_autoptr(GError) error = NULL;
  g_autoptr(FiscalDocument) doc = NULL;
  g_autofree char *after = NULL;
  GStatBuf before_stat, after_stat;

  g_assert_true (g_file_set_contents (path, broken, -1, NULL));
  g_assert_cmpint (g_stat (path, &before_stat), ==, 0);

  doc = load_path (path, &error);
  g_assert_null (doc);
  g_assert_error (error, FISCAL_ERROR, FISCAL_ERROR_NOT_JSON);

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, broken);
  g_assert_cmpint (g_stat (path, &after_stat), ==, 0);
  g_assert_cmpint (before_stat.st_mtime, ==, after_stat.st_mtime);
  g_assert_cmpint (before_stat.st_ino, ==, after_stat.st_ino);

  g_remove (path);
  g_rmdir (dir);
}

/* The loader refuses any amount beyond the ceiling of money, 10^15 元,
 * naming the key path and the ceiling: an amount that fits a gint64 but
 * not the ceiling would make every sum of the budget wrap. */
static void
test_money_ceiling (void)
{
  static const struct { const char *from, *to, *where; } cases[] = {
    { "\"amount\": \"317000.00\"", "\"amount\": \"1000000000000000.01\"", "lines[0].amount: " },
    { "\"amount\": \"317000.00\"", "\"amount\": \"92233720368547758.07\"", "lines[0].amount: " },
    { "\"amount\": \"19020.00\"", "\"amount\": \"-1,000,000,000,000,000.01\"", "lines[2].amount: " },
    { "\"building_value\": \"3865000.00\"", "\"building_value\": \"2000000000000000\"", "profile.assets.building_value: " },
    { "\"building_area\": \"1260.50\"", "\"building_area\": \"1000000000000000.01\"", "profile.assets.building_area: " },
    { "\"goods\": \"85000.00\"", "\"goods\": \"92233720368547758.07\"", "profile.procurement.goods: " },
  };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "minimal.fiscal.json", NULL);
  g_autofree char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) changed = g_string_new (text);
      g_autoptr(GError) error = NULL;
      g_autoptr(FiscalDocument) doc = NULL;

      g_assert_cmpuint (g_string_replace (changed, cases[i].from, cases[i].to, 1), ==, 1);
      doc = fiscal_document_load_from_data (changed->str, changed->len, &error);
      g_assert_null (doc);
      g_assert_error (error, FISCAL_ERROR, FISCAL_ERROR_AMOUNT_OVERFLOW);
      if (!g_str_has_prefix (error->message, cases[i].where) ||
          strstr (error->message, "exceeds") == NULL ||
          strstr (error->message, FISCAL_MONEY_MAX_YUAN) == NULL)
        g_error ("case %u: the message does not name %s and the ceiling: %s", i, cases[i].where, error->message);
    }

  /* Up to the ceiling itself, an amount loads, and the budget's whole is
   * the ceiling exactly: 10^15 元 less the other lines' 303,280 元. */
  {
    g_autoptr(GString) changed = g_string_new (text);
    g_autoptr(GError) error = NULL;
    g_autoptr(FiscalDocument) doc = NULL;
    g_autoptr(FiscalLine) line = NULL;

    g_string_replace (changed, "\"amount\": \"317000.00\"", "\"amount\": \"999,999,999,696,720.00\"", 1);
    g_string_replace (changed, "\"building_value\": \"3865000.00\"", "\"building_value\": \"-1000000000000000\"", 1);
    doc = fiscal_document_load_from_data (changed->str, changed->len, &error);
    g_assert_no_error (error);
    line = g_list_model_get_item (fiscal_document_get_lines (doc), 0);
    g_assert_cmpint (fiscal_line_get_amount (line), ==, FISCAL_MONEY_MAX - 30328000);
    g_assert_cmpint (fiscal_profile_get_number (fiscal_document_get_profile (doc), FISCAL_PROFILE_ASSETS_BUILDING_VALUE),
                     ==, -FISCAL_MONEY_MAX);
  }
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FiscalDocument) doc = load_path ("/nonexistent/budget.fiscal.json", &error);

  g_assert_null (doc);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* A byte order mark before a budget is passed over; a fault after it is
 * still named by its line and column. */
static void
test_byte_order_mark (void)
{
  g_autofree char *example = fiscal_test_example_path (2025);
  g_autofree char *dir = g_dir_make_tmp ("fiscal-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bom.fiscal.json", NULL);
  g_autofree char *plain = NULL;
  g_autofree char *with_bom = NULL;
  g_autofree char *broken = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FiscalDocument) doc = NULL;
  g_autoptr(GBytes) saved = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (example, &plain, &length, NULL));
  with_bom = g_strconcat ("\xEF\xBB\xBF", plain, NULL);
  g_assert_true (g_file_set_contents (path, with_bom, -1, NULL));

  doc = load_path (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fiscal_document_get_year (doc), ==, 2025);
  /* Saved, it is the file without the mark. */
  saved = fiscal_document_to_bytes (doc);
  g_assert_cmpmem (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved), plain, length);
  g_clear_object (&doc);

  broken = g_strconcat ("\xEF\xBB\xBF{\n  \"format\": \"fiscal-budget\",\n  \"version\": 1 2\n}", NULL);
  g_assert_true (g_file_set_contents (path, broken, -1, NULL));
  doc = load_path (path, &error);
  g_assert_null (doc);
  g_assert_error (error, FISCAL_ERROR, FISCAL_ERROR_NOT_JSON);
  g_assert_cmpstr (error->message, ==, "bom.fiscal.json: line 3, column 16: not JSON: expected “,” or “}”");

  g_remove (path);
  g_rmdir (dir);
}

/* A file larger than a budget may be is refused by its size, before it is
 * read: with too little memory to read it, the error is still the size. */
static void
test_size_ceiling (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fiscal-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.fiscal.json", NULL);
  int fd;

  /* Sparse: no disk is used. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) FISCAL_JSON_MAX_BYTES + 1), ==, 0);
  g_assert_true (g_close (fd, NULL));

  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FiscalDocument) doc = NULL;
#ifndef __SANITIZE_ADDRESS__
      g_autofree char *statm = NULL;

      /* 256 MiB more address space than the process has now: far from
       * the 513 MiB reading the file would take. */
      if (g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL))
        {
          rlim_t now = g_ascii_strtoull (statm, NULL, 10) * sysconf (_SC_PAGESIZE);
          struct rlimit limit = { now + 256 * 1024 * 1024, now + 256 * 1024 * 1024 };

          g_assert_cmpint (setrlimit (RLIMIT_AS, &limit), ==, 0);
        }
#endif
      doc = load_path (path, &error);
      g_assert_null (doc);
      g_assert_error (error, FISCAL_ERROR, FISCAL_ERROR_TOO_LARGE);
      g_assert_cmpstr (error->message, ==,
                       "huge.fiscal.json: the file has 536870913 bytes, more than the 512 MiB a budget file may have");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();

  /* Given as data, it is refused before a byte of it is copied or read:
   * the length alone decides (the buffer is far shorter). */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(FiscalDocument) doc = fiscal_document_load_from_data ("{}", FISCAL_JSON_MAX_BYTES + 1, &error);

    g_assert_null (doc);
    g_assert_error (error, FISCAL_ERROR, FISCAL_ERROR_TOO_LARGE);
    g_assert_cmpstr (error->message, ==, "the file has 536870913 bytes, more than the 512 MiB a budget file may have");
  }

  g_remove (path);
  g_rmdir (dir);
}

static void
test_prior_link (void)
{
  g_autofree char *path = fiscal_test_example_path (2025);
  g_autoptr(GError) error = NULL;
  g_autoptr(FiscalDocument) doc = load_path (path, &error);
  g_autoptr(FiscalDocument) prior = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (fiscal_document_get_prior_path (doc), ==, "changji-liaison-2024.fiscal.json");

  prior = fiscal_document_load_prior (doc, &error);
  g_assert_no_error (error);
  g_assert_nonnull (prior);
  g_assert_cmpint (fiscal_document_get_year (prior), ==, 2024);
  g_assert_null (fiscal_document_get_prior_path (prior));
  g_assert_null (fiscal_document_load_prior (prior, &error));
  g_assert_no_error (error);

  fiscal_document_set_prior_path (doc, "missing-2024.fiscal.json");
  g_assert_null (fiscal_document_load_prior (doc, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* Saved in another folder, a budget still links the same prior year;
 * saved back beside it, the link is relative again. A save is not a step
 * to undo. */
static void
test_prior_link_moves (void)
{
  g_autofree char *path = fiscal_test_example_path (2025);
  g_autofree char *examples = g_path_get_dirname (path);
  g_autofree char *prior_name = g_build_filename (examples, "changji-liaison-2024.fiscal.json", NULL);
  g_autofree char *prior_path = g_canonicalize_filename (prior_name, NULL);
  g_autofree char *dir = g_dir_make_tmp ("fiscal-prior-XXXXXX", NULL);
  g_autofree char *elsewhere = g_build_filename (dir, "sub", "moved.fiscal.json", NULL);
  g_autofree char *beside = g_build_filename (dir, "beside.fiscal.json", NULL);
  g_autofree char *prior_copy = g_build_filename (dir, "changji-liaison-2024.fiscal.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FiscalDocument) doc = load_path (path, &error);
  g_autoptr(FiscalDocument) reloaded = NULL;
  g_autoptr(FiscalDocument) prior = NULL;
  g_autoptr(GFile) moved = g_file_new_for_path (elsewhere);
  g_autoptr(GFile) next_to = g_file_new_for_path (beside);
  g_autofree char *parent = g_path_get_dirname (elsewhere);
  g_autofree char *contents = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_assert_false (fiscal_document_can_undo (doc));

  g_assert_true (fiscal_document_save (doc, moved, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (fiscal_document_get_prior_path (doc), ==, prior_path);
  g_assert_false (fiscal_document_can_undo (doc));
  g_assert_false (fiscal_document_get_modified (doc));

  reloaded = fiscal_document_load (moved, NULL, &error);
  g_assert_no_error (error);
  prior = fiscal_document_load_prior (reloaded, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fiscal_document_get_year (prior), ==, 2024);

  /* Beside a prior year of its own name, the link is relative. */
  g_assert_true (g_file_get_contents (prior_path, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (prior_copy, contents, -1, NULL));
  fiscal_document_set_prior_path (doc, prior_copy);
  g_assert_true (fiscal_document_save (doc, next_to, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (fiscal_document_get_prior_path (doc), ==, "changji-liaison-2024.fiscal.json");

  g_remove (elsewhere);
  g_rmdir (parent);
  g_remove (beside);
  g_remove (prior_copy);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/io/load-minimal", test_load_minimal);
  g_test_add_func ("/io/round-trip/minimal", test_round_trip_minimal);
  g_test_add_func ("/io/round-trip/examples", test_round_trip_examples);
  g_test_add_func ("/io/round-trip/values", test_round_trip_values);
  g_test_add_func ("/io/malformed-corpus", test_malformed_corpus);
  g_test_add_func ("/io/not-json-positions", test_not_json_positions);
  g_test_add_func ("/io/save-atomic", test_save_atomic);
  g_test_add_func ("/io/save-keeps-mode", test_save_keeps_mode);
  g_test_add_func ("/io/save-through-symlink", test_save_through_symlink);
  g_test_add_func ("/io/save-removes-leftovers", test_save_removes_leftovers);
  g_test_add_func ("/io/save-failures", test_save_failures);
  g_test_add_func ("/io/save-read-only-folder", test_save_read_only_folder);
  g_test_add_func ("/io/file-replace", test_file_replace);
  g_test_add_func ("/io/failed-load-leaves-file", test_failed_load_leaves_file);
  g_test_add_func ("/io/missing-file", test_missing_file);
  g_test_add_func ("/io/byte-order-mark", test_byte_order_mark);
  g_test_add_func ("/io/size-ceiling", test_size_ceiling);
  g_test_add_func ("/io/money-ceiling", test_money_ceiling);
  g_test_add_func ("/io/prior-link", test_prior_link);
  g_test_add_func ("/io/prior-link-moves", test_prior_link_moves);

  return g_test_run ();
}
