/* fiscal-keypath-private.h
 *
 * Where a value stands in a budget file, as the key path an error names
 * (`lines[3].project`, `profile.staffing.active`). A path is a chain of
 * structs on the stack, one per level, formatted only when an error
 * needs it: reading or checking a million lines builds no strings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _FiscalKeyPath FiscalKeyPath;
struct _FiscalKeyPath
{
  const FiscalKeyPath *parent;
  const char          *key;      /* NULL for an array element */
  guint                index;
};

#define FISCAL_KEY_PATH_KEY(p, k)   ((FiscalKeyPath) { (p), (k), 0 })
#define FISCAL_KEY_PATH_INDEX(p, i) ((FiscalKeyPath) { (p), NULL, (i) })

void     _fiscal_key_path_append (GString              *str,
                                  const FiscalKeyPath  *path);
gboolean _fiscal_key_path_fail   (GError              **error,
                                  int                   code,
                                  const FiscalKeyPath  *path,
                                  const char           *format,
                                  ...) G_GNUC_PRINTF (4, 5);

G_END_DECLS
