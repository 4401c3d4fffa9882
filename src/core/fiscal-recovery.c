/* fiscal-recovery.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-recovery"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "fiscal-document.h"
#include "fiscal-document-valid.h"
#include "fiscal-file.h"
#include "fiscal-recovery.h"

static char *
recovery_dir (void)
{
  const char *dir = g_getenv ("FISCAL_RECOVERY_DIR");

  if (dir != NULL && *dir)
    return g_strdup (dir);

  return g_build_filename (g_get_user_state_dir (), "fiscal", "recovery", NULL);
}

/**
 * fiscal_recovery_path:
 *
 * Returns: (transfer full): where the recovery copy of @file is kept
 */
char *
fiscal_recovery_path (GFile *file)
{
  g_autofree char *uri = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *dir = recovery_dir ();
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  uri = g_file_get_uri (file);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);
  name = g_strdup_printf ("%.32s.fiscal.json", hash);

  return g_build_filename (dir, name, NULL);
}

/* Writes @document to @path, whole or not at all. */
static gboolean
write_copy (FiscalDocument  *document,
            const char      *path,
            GError         **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GBytes) bytes = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }

  /* A copy that would not open again would recover nothing. */
  if (!fiscal_document_check_valid (document, error))
    return FALSE;

  /* Replaced whole like a save; the user's alone, like the folder. */
  bytes = fiscal_document_to_bytes (document);
  return fiscal_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                   FISCAL_FILE_PRIVATE, error);
}

/**
 * fiscal_recovery_write:
 *
 * Writes the recovery copy of @document, which must have a file. The copy
 * is written atomically, like a save.
 */
gboolean
fiscal_recovery_write (FiscalDocument  *document,
                       GError         **error)
{
  g_autofree char *path = NULL;
  GFile *file;

  g_return_val_if_fail (FISCAL_IS_DOCUMENT (document), FALSE);

  file = fiscal_document_get_file (document);
  g_return_val_if_fail (file != NULL, FALSE);

  path = fiscal_recovery_path (file);
  return write_copy (document, path, error);
}

FiscalDocument *
fiscal_recovery_find (GFile      *file,
                      GDateTime **written)
{
  g_autofree char *path = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *current = NULL;
  gsize copy_len = 0, current_len = 0;
  FiscalDocument *document;
  GStatBuf st;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = fiscal_recovery_path (file);
  if (!g_file_get_contents (path, &copy, &copy_len, NULL))
    return NULL;

  /* The same as what was saved: nothing to recover. */
  if (g_file_load_contents (file, NULL, &current, &current_len, NULL, NULL) &&
      current_len == copy_len && memcmp (current, copy, copy_len) == 0)
    {
      g_remove (path);
      return NULL;
    }

  document = fiscal_document_load_from_data (copy, copy_len, NULL);
  if (document == NULL)
    return NULL;

  fiscal_document_set_file (document, file);
  fiscal_document_mark_unsaved (document);

  if (written != NULL)
    *written = g_stat (path, &st) == 0 ? g_date_time_new_from_unix_local (st.st_mtime) : NULL;

  return document;
}

/**
 * fiscal_recovery_discard:
 *
 * Removes the recovery copy of @file, after a save or when the user
 * declines it.
 */
void
fiscal_recovery_discard (GFile *file)
{
  g_autofree char *path = NULL;

  g_return_if_fail (G_IS_FILE (file));

  path = fiscal_recovery_path (file);
  g_remove (path);
}

/* A key is what g_uuid_string_random() makes: hex digits and dashes. */
static gboolean
key_is_valid (const char *key)
{
  return key != NULL && *key && strspn (key, "0123456789abcdef-") == strlen (key);
}

static char *
new_copy_path (const char *key)
{
  g_autofree char *dir = recovery_dir ();
  g_autofree char *name = g_strdup_printf ("new-%s.fiscal.json", key);

  return g_build_filename (dir, name, NULL);
}

/**
 * fiscal_recovery_write_new:
 * @key: the key of the copy, from g_uuid_string_random()
 *
 * Writes the recovery copy of a new budget, one that has no file yet.
 */
gboolean
fiscal_recovery_write_new (FiscalDocument  *document,
                           const char      *key,
                           GError         **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (FISCAL_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (key_is_valid (key), FALSE);

  path = new_copy_path (key);
  return write_copy (document, path, error);
}

static int
compare_mtimes (gconstpointer a,
                gconstpointer b,
                gpointer      dir)
{
  g_autofree char *pa = g_build_filename (dir, *(const char * const *) a, NULL);
  g_autofree char *pb = g_build_filename (dir, *(const char * const *) b, NULL);
  GStatBuf sa = { 0 }, sb = { 0 };

  g_stat (pa, &sa);
  g_stat (pb, &sb);
  return (sa.st_mtime > sb.st_mtime) - (sa.st_mtime < sb.st_mtime);
}

/**
 * fiscal_recovery_list_new:
 *
 * Returns: (transfer full): the keys of the recovery copies of new
 *   budgets, the oldest first
 */
GStrv
fiscal_recovery_list_new (void)
{
  g_autofree char *dir = recovery_dir ();
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, "new-") && g_str_has_suffix (name, ".fiscal.json"))
      g_ptr_array_add (names, g_strdup (name));

  g_ptr_array_sort_with_data (names, compare_mtimes, dir);
  for (guint i = 0; i < names->len; i++)
    {
      const char *file_name = g_ptr_array_index (names, i);
      g_autofree char *key = g_strndup (file_name + strlen ("new-"),
                                        strlen (file_name) - strlen ("new-") - strlen (".fiscal.json"));

      if (key_is_valid (key))
        g_strv_builder_add (keys, key);
    }

  return g_strv_builder_end (keys);
}

/**
 * fiscal_recovery_load_new:
 *
 * Returns: (transfer full) (nullable): the new budget of the copy under
 *   @key, with unsaved changes and no file, or %NULL when there is no
 *   readable copy
 */
FiscalDocument *
fiscal_recovery_load_new (const char *key)
{
  g_autofree char *path = NULL;
  g_autofree char *copy = NULL;
  gsize copy_len = 0;
  FiscalDocument *document;

  g_return_val_if_fail (key_is_valid (key), NULL);

  path = new_copy_path (key);
  if (!g_file_get_contents (path, &copy, &copy_len, NULL) ||
      (document = fiscal_document_load_from_data (copy, copy_len, NULL)) == NULL)
    return NULL;

  fiscal_document_mark_unsaved (document);
  return document;
}

/**
 * fiscal_recovery_new_written:
 *
 * Returns: (transfer full) (nullable): when the copy under @key was last
 *   written, or %NULL when there is none
 */
GDateTime *
fiscal_recovery_new_written (const char *key)
{
  g_autofree char *path = NULL;
  GStatBuf st;

  g_return_val_if_fail (key_is_valid (key), NULL);

  path = new_copy_path (key);
  return g_stat (path, &st) == 0 ? g_date_time_new_from_unix_local (st.st_mtime) : NULL;
}

void
fiscal_recovery_discard_new (const char *key)
{
  g_autofree char *path = NULL;

  g_return_if_fail (key_is_valid (key));

  path = new_copy_path (key);
  g_remove (path);
}
