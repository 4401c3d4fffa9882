/* fiscal-recovery.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-recovery"

#include "config.h"

#include <glib/gstdio.h>

#include "fiscal-document.h"
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
  g_autofree char *dir = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GFile *file;

  g_return_val_if_fail (FISCAL_IS_DOCUMENT (document), FALSE);

  file = fiscal_document_get_file (document);
  g_return_val_if_fail (file != NULL, FALSE);

  path = fiscal_recovery_path (file);
  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }

  bytes = fiscal_document_to_bytes (document);
  return g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

/**
 * fiscal_recovery_find:
 * @written: (out) (optional) (transfer full): when the copy was written
 *
 * Looks for a recovery copy of @file that holds something the file does
 * not.
 *
 * Returns: (transfer full) (nullable): the recovered budget, its file
 *   @file and marked unsaved; %NULL when there is nothing to recover
 */
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
