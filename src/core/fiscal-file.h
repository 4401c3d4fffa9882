/* fiscal-file.h
 *
 * Replacing a file whole or not at all: every file Fiscal writes — the
 * budget, its recovery copy, each export, the command line's outputs —
 * goes through one mechanism. The data is written to a temporary file of
 * ours beside the target, synced, and renamed over it; the target's mode
 * is kept, and a symbolic link stays a link to the replaced file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * FiscalFileFlags:
 * @FISCAL_FILE_DEFAULT: a new file gets the usual mode (0666 less the umask)
 * @FISCAL_FILE_PRIVATE: a new file is readable by its owner alone (0600)
 */
typedef enum
{
  FISCAL_FILE_DEFAULT = 0,
  FISCAL_FILE_PRIVATE = 1 << 0,
} FiscalFileFlags;

/* The end of our temporary files' names: “.NAME.XXXXXX.fiscal-tmp”. */
#define FISCAL_FILE_TEMP_SUFFIX ".fiscal-tmp"

typedef struct _FiscalFileReplace FiscalFileReplace;

FiscalFileReplace *fiscal_file_replace_begin         (const char         *path,
                                                      FiscalFileFlags     flags,
                                                      GError            **error);
const char        *fiscal_file_replace_get_path      (FiscalFileReplace  *self);
const char        *fiscal_file_replace_get_temp_path (FiscalFileReplace  *self);
int                fiscal_file_replace_get_fd        (FiscalFileReplace  *self);
gboolean           fiscal_file_replace_write         (FiscalFileReplace  *self,
                                                      const void         *data,
                                                      gsize               length,
                                                      GError            **error);
void               fiscal_file_replace_set_error     (FiscalFileReplace  *self,
                                                      int                 saved_errno,
                                                      GError            **error);
gboolean           fiscal_file_replace_commit        (FiscalFileReplace  *self,
                                                      GError            **error);
void               fiscal_file_replace_abort         (FiscalFileReplace  *self);
void               fiscal_file_replace_free          (FiscalFileReplace  *self);

gboolean           fiscal_file_set_contents          (const char         *path,
                                                      const void         *data,
                                                      gsize               length,
                                                      FiscalFileFlags     flags,
                                                      GError            **error);

char              *fiscal_file_resolve_links         (const char         *path,
                                                      GError            **error);
gboolean           fiscal_file_is_temp_name          (const char         *target_name,
                                                      const char         *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FiscalFileReplace, fiscal_file_replace_free)

G_END_DECLS
