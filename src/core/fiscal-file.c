/* fiscal-file.c
 *
 * One way to replace a file, for every file Fiscal writes.
 *
 * fiscal_file_replace_begin() resolves the target's chain of symbolic
 * links (the link stays; the file it names is replaced), removes the
 * temporary files that earlier writers of the same target left behind,
 * and creates a temporary file of ours in the target's folder:
 * “.NAME.XXXXXX.fiscal-tmp”. The caller writes to its descriptor, or lets a
 * library write to its path; fiscal_file_replace_commit() gives it the
 * target's mode (and owner, where it may), syncs it, renames it over the
 * target and syncs the folder; fiscal_file_replace_abort() removes it. A
 * file in a folder where no new file can be made is not written at all
 * (GLib's g_file_replace() would truncate it and write it in place, which
 * a crash leaves half-written).
 *
 * While it writes, a writer holds a lock (flock) on its temporary file.
 * A temporary file nobody holds is what a writer killed between creating
 * and renaming it left; the next replacement of the same target removes
 * it. It is not offered back: it holds at most an unfinished save that was
 * never reported done, and the budget's recovery copy is what keeps unsaved
 * work (fiscal-recovery.h). Another process saving the same file at the
 * same moment holds its lock, and its temporary file is left alone.
 *
 * A target that is not a regular file (a terminal, a pipe: `-o
 * /dev/stdout`) is written directly; there is nothing to rename over it.
 *
 * Why not GLib's g_file_replace() (GLib 2.74.6, traced with strace): over
 * a symbolic link it opens the file the link names and truncates it in
 * place (with G_FILE_CREATE_REPLACE_DESTINATION it replaces the link by a
 * 0644 file instead); a new file is written at its own name, so a killed
 * first save leaves half a file there; in a folder where no file can be
 * made it truncates the old file and writes it in place; its temporary
 * “.goutputstream-XXXXXX” files are nobody's to clean; and a library that
 * writes by name (libxlsxwriter) cannot use it. It keeps a regular file's
 * mode, as this does. g_file_set_contents() renames over a link and gives
 * the file the mode it is told.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "fiscal-file.h"

/* As the kernel follows them (MAXSYMLINKS). */
#define MAX_LINKS 40

/* The longest file name most file systems take (NAME_MAX). */
#define MAX_NAME 255

/* “.” NAME “.” XXXXXX FISCAL_FILE_TEMP_SUFFIX */
#define TEMP_EXTRA (1 + 1 + 6 + strlen (FISCAL_FILE_TEMP_SUFFIX))

struct _FiscalFileReplace
{
  char     *path;       /* the target as the caller named it: for messages */
  char     *target;     /* where the data goes: @path, its links followed */
  char     *temp_path;  /* our temporary file; NULL when writing @target directly */
  int       fd;
  gboolean  existed;    /* @target was a regular file: keep its mode and owner */
  mode_t    mode;
  uid_t     uid;
  gid_t     gid;
};

static void
set_errno_error (GError     **error,
                 const char  *path,
                 int          saved_errno)
{
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               /* Translators: the first %s is a file, the second the system's reason */
               _("Cannot write “%s”: %s"), path, g_strerror (saved_errno));
}

/**
 * fiscal_file_resolve_links:
 *
 * Follows @path while it is a symbolic link, as opening it would, relative
 * links from the folder of the link that holds them.
 *
 * Returns: (transfer full) (nullable): the file @path finally names, which
 *   may not exist yet; %NULL with @error naming @path when the chain
 *   cannot be followed (a loop, a folder that is not one)
 */
char *
fiscal_file_resolve_links (const char  *path,
                           GError     **error)
{
  g_autofree char *current = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  current = g_strdup (path);
  for (guint i = 0; i <= MAX_LINKS; i++)
    {
      g_autoptr(GError) local = NULL;
      g_autofree char *link = NULL;
      GStatBuf st;

      if (g_lstat (current, &st) != 0)
        {
          int saved_errno = errno;

          /* Not there yet: it is made where the last link points. */
          if (saved_errno == ENOENT)
            return g_steal_pointer (&current);
          set_errno_error (error, path, saved_errno);
          return NULL;
        }
      if (!S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);

      if (!(link = g_file_read_link (current, &local)))
        {
          g_set_error (error, G_FILE_ERROR, local->code, _("Cannot write “%s”: %s"), path, local->message);
          return NULL;
        }
      if (!g_path_is_absolute (link))
        {
          g_autofree char *dir = g_path_get_dirname (current);
          g_autofree char *joined = g_build_filename (dir, link, NULL);

          g_free (g_steal_pointer (&link));
          link = g_steal_pointer (&joined);
        }
      g_free (current);
      current = g_steal_pointer (&link);
    }

  set_errno_error (error, path, ELOOP);
  return NULL;
}

/* The part of @target_name that our temporary files' names repeat: all of
 * it, unless the temporary name would be too long. */
static gsize
temp_stem_length (const char *target_name)
{
  return MIN (strlen (target_name), MAX_NAME - TEMP_EXTRA);
}

/**
 * fiscal_file_is_temp_name:
 * @target_name: the base name of a file
 * @name: the base name of another file in its folder
 *
 * Returns: whether @name is one of our temporary files for @target_name
 */
gboolean
fiscal_file_is_temp_name (const char *target_name,
                          const char *name)
{
  gsize stem;
  const char *random;

  g_return_val_if_fail (target_name != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  stem = temp_stem_length (target_name);
  if (strlen (name) != stem + TEMP_EXTRA ||
      name[0] != '.' ||
      strncmp (name + 1, target_name, stem) != 0 ||
      name[1 + stem] != '.' ||
      !g_str_has_suffix (name, FISCAL_FILE_TEMP_SUFFIX))
    return FALSE;

  /* The six letters and digits g_mkstemp() puts in place of XXXXXX. */
  random = name + 1 + stem + 1;
  for (guint i = 0; i < 6; i++)
    if (!g_ascii_isalnum (random[i]))
      return FALSE;

  return strcmp (random + 6, FISCAL_FILE_TEMP_SUFFIX) == 0;
}

/* Removes the temporary files of @target in @dir that no writer holds. */
static void
remove_leftovers (const char *dir,
                  const char *target_name)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf by_name;
      struct stat held;
      int fd;

      if (!fiscal_file_is_temp_name (target_name, name))
        continue;

      path = g_build_filename (dir, name, NULL);
      fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0);
      if (fd < 0)
        continue;

      /* A writer that still runs holds its lock; only a file nobody holds
       * is a leftover, and only if the name still is that file. */
      if (flock (fd, LOCK_EX | LOCK_NB) == 0 &&
          fstat (fd, &held) == 0 && S_ISREG (held.st_mode) &&
          g_lstat (path, &by_name) == 0 &&
          by_name.st_dev == held.st_dev && by_name.st_ino == held.st_ino)
        {
          if (g_unlink (path) == 0)
            g_debug ("Removed %s, left by a writer that stopped", path);
        }
      close (fd);
    }
}

/* Creates our temporary file beside @self->target, locked. */
static gboolean
create_temp (FiscalFileReplace  *self,
             FiscalFileFlags     flags,
             GError            **error)
{
  g_autofree char *dir = g_path_get_dirname (self->target);
  g_autofree char *name = g_path_get_basename (self->target);
  g_autofree char *stem = g_strndup (name, temp_stem_length (name));
  /* A new file's mode is the umask's, as the kernel applies it to
   * 0666; the mode of a file that is there is given it at the end. */
  int mode = self->existed || (flags & FISCAL_FILE_PRIVATE) ? 0600 : 0666;

  remove_leftovers (dir, name);

  for (guint attempt = 0; attempt < 8; attempt++)
    {
      g_autofree char *temp = g_strdup_printf ("%s%c.%s.XXXXXX%s", dir, G_DIR_SEPARATOR, stem,
                                               FISCAL_FILE_TEMP_SUFFIX);
      GStatBuf by_name;
      struct stat held;
      int fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, mode);

      if (fd < 0)
        {
          set_errno_error (error, self->path, errno);
          return FALSE;
        }

      /* Locked, and still ours: another writer's cleaning may have taken
       * it in the moment before the lock. (Where the file system has no
       * locks, nobody can tell a leftover, and nobody removes it.) */
      if (flock (fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK)
        {
          close (fd);
          continue;
        }
      if (fstat (fd, &held) != 0 || g_lstat (temp, &by_name) != 0 ||
          by_name.st_dev != held.st_dev || by_name.st_ino != held.st_ino)
        {
          close (fd);
          continue;
        }

      self->fd = fd;
      self->temp_path = g_steal_pointer (&temp);
      return TRUE;
    }

  set_errno_error (error, self->path, EEXIST);
  return FALSE;
}

/**
 * fiscal_file_replace_begin:
 * @path: the file to replace or create
 * @flags: the mode of a new file
 *
 * Starts replacing @path. Write to fiscal_file_replace_get_fd(), or have a
 * library write to fiscal_file_replace_get_temp_path(); then
 * fiscal_file_replace_commit() or fiscal_file_replace_abort(), and
 * fiscal_file_replace_free() (which aborts what was not committed). @path
 * is untouched until the commit.
 *
 * Returns: (transfer full) (nullable): the replacement, or %NULL with
 *   @error (in %G_FILE_ERROR) naming @path and the system's reason
 */
FiscalFileReplace *
fiscal_file_replace_begin (const char       *path,
                           FiscalFileFlags   flags,
                           GError          **error)
{
  g_autoptr(FiscalFileReplace) self = NULL;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (FiscalFileReplace, 1);
  self->fd = -1;
  self->path = g_strdup (path);

  /* A device or a pipe (`/dev/stdout`, whose link may name no file, as
   * “pipe:[…]”): written as it is, nothing to rename. */
  if (g_stat (path, &st) == 0 && !S_ISREG (st.st_mode) && !S_ISDIR (st.st_mode))
    {
      self->target = g_strdup (path);
      if ((self->fd = g_open (path, O_WRONLY | O_NOCTTY | O_CLOEXEC, 0)) < 0)
        {
          set_errno_error (error, path, errno);
          return NULL;
        }
      return g_steal_pointer (&self);
    }

  if (!(self->target = fiscal_file_resolve_links (path, error)))
    return NULL;

  if (g_stat (self->target, &st) == 0)
    {
      if (S_ISDIR (st.st_mode))
        {
          set_errno_error (error, path, EISDIR);
          return NULL;
        }
      self->existed = TRUE;
      self->mode = st.st_mode & 0777;
      self->uid = st.st_uid;
      self->gid = st.st_gid;
    }

  if (!create_temp (self, flags, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * fiscal_file_replace_get_path:
 *
 * Returns: the target as it was named to fiscal_file_replace_begin()
 */
const char *
fiscal_file_replace_get_path (FiscalFileReplace *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->path;
}

/**
 * fiscal_file_replace_get_temp_path:
 *
 * Returns: the file the data goes to until the commit, for a library that
 *   opens a file by its name and writes it (it may truncate it; it must not
 *   remove or rename it)
 */
const char *
fiscal_file_replace_get_temp_path (FiscalFileReplace *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->temp_path != NULL ? self->temp_path : self->target;
}

/**
 * fiscal_file_replace_get_fd:
 *
 * Returns: the open descriptor of the file the data goes to; it stays the
 *   replacement's (fiscal_file_replace_commit() closes it)
 */
int
fiscal_file_replace_get_fd (FiscalFileReplace *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return self->fd;
}

/**
 * fiscal_file_replace_set_error:
 * @saved_errno: what a write to the descriptor failed with
 *
 * Sets @error as the replacement's own failures read: the target's name
 * and the system's reason.
 */
void
fiscal_file_replace_set_error (FiscalFileReplace  *self,
                               int                 saved_errno,
                               GError            **error)
{
  g_return_if_fail (self != NULL);
  set_errno_error (error, self->path, saved_errno);
}

/**
 * fiscal_file_replace_write:
 *
 * Writes all of @data at the descriptor's position.
 *
 * Returns: %TRUE, or %FALSE with @error naming the target
 */
gboolean
fiscal_file_replace_write (FiscalFileReplace  *self,
                           const void         *data,
                           gsize               length,
                           GError            **error)
{
  const char *at = data;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->fd >= 0, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  while (length > 0)
    {
      gssize n = write (self->fd, at, MIN (length, G_MAXSSIZE));

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          set_errno_error (error, self->path, errno);
          return FALSE;
        }
      at += n;
      length -= n;
    }

  return TRUE;
}

static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  /* The rename is on disk too. Where a folder cannot be synced, the file
   * is in place all the same: nothing to report. */
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/**
 * fiscal_file_replace_commit:
 *
 * Gives the new file the old one's mode, syncs it and renames it over the
 * target. On failure the target is as it was and the temporary file is
 * gone.
 *
 * Returns: %TRUE, or %FALSE with @error naming the target
 */
gboolean
fiscal_file_replace_commit (FiscalFileReplace  *self,
                            GError            **error)
{
  int fd;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->fd >= 0, FALSE);

  fd = self->fd;
  self->fd = -1;

  if (self->temp_path == NULL)
    {
      /* A device or a pipe: what was written is gone already. */
      if (close (fd) != 0 && errno != EINTR)
        {
          set_errno_error (error, self->path, errno);
          return FALSE;
        }
      return TRUE;
    }

  if (self->existed)
    {
      struct stat st;

      /* The owner where the process may give it (root, or a group of its
       * own); the mode after it, as changing the owner may clear bits. */
      if (fstat (fd, &st) == 0 && (st.st_uid != self->uid || st.st_gid != self->gid) &&
          fchown (fd, self->uid, self->gid) != 0)
        (void) fchown (fd, -1, self->gid);
      if (fchmod (fd, self->mode) != 0)
        {
          int saved_errno = errno;

          close (fd);
          fiscal_file_replace_abort (self);
          set_errno_error (error, self->path, saved_errno);
          return FALSE;
        }
    }

  /* On disk before it takes the old file's place; a file system that
   * cannot sync (EINVAL) has nothing more to do. A network file system
   * may report a failed write only when the file is closed. */
  {
    int saved_errno = 0;

    if (fsync (fd) != 0 && errno != EINVAL)
      saved_errno = errno;
    if (close (fd) != 0 && errno != EINTR && saved_errno == 0)
      saved_errno = errno;
    if (saved_errno != 0)
      {
        fiscal_file_replace_abort (self);
        set_errno_error (error, self->path, saved_errno);
        return FALSE;
      }
  }

  if (g_rename (self->temp_path, self->target) != 0)
    {
      int saved_errno = errno;

      fiscal_file_replace_abort (self);
      set_errno_error (error, self->path, saved_errno);
      return FALSE;
    }
  g_clear_pointer (&self->temp_path, g_free);

  sync_folder (self->target);
  return TRUE;
}

/**
 * fiscal_file_replace_abort:
 *
 * Stops the replacement: the temporary file is removed and the target is
 * as it was. Nothing happens when it was committed or aborted already.
 */
void
fiscal_file_replace_abort (FiscalFileReplace *self)
{
  g_return_if_fail (self != NULL);

  if (self->fd >= 0)
    {
      close (self->fd);
      self->fd = -1;
    }
  if (self->temp_path != NULL)
    {
      g_unlink (self->temp_path);
      g_clear_pointer (&self->temp_path, g_free);
    }
}

/**
 * fiscal_file_replace_free:
 *
 * Aborts the replacement if it was not committed, and frees it.
 */
void
fiscal_file_replace_free (FiscalFileReplace *self)
{
  if (self == NULL)
    return;

  fiscal_file_replace_abort (self);
  g_free (self->path);
  g_free (self->target);
  g_free (self);
}

/**
 * fiscal_file_set_contents:
 * @flags: the mode of a new file
 *
 * Replaces @path with @data, whole or not at all (see
 * fiscal_file_replace_begin()).
 *
 * Returns: %TRUE, or %FALSE with @error (in %G_FILE_ERROR) naming @path
 *   and the system's reason
 */
gboolean
fiscal_file_set_contents (const char       *path,
                          const void       *data,
                          gsize             length,
                          FiscalFileFlags   flags,
                          GError          **error)
{
  g_autoptr(FiscalFileReplace) replace = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  return (replace = fiscal_file_replace_begin (path, flags, error)) != NULL &&
         fiscal_file_replace_write (replace, data, length, error) &&
         fiscal_file_replace_commit (replace, error);
}
