/* fiscal-recovery.h
 *
 * Recovery copies: while a budget has unsaved changes, the window writes a
 * copy of it now and then to the user's state folder; if Fiscal stops
 * without saving (a crash, a power cut, a killed process), opening the
 * budget again offers the copy. A new budget, which has no file yet, has
 * its copy under a key of its window's; the copies of new budgets are
 * offered when Fiscal starts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fiscal-types.h"

G_BEGIN_DECLS

char           *fiscal_recovery_path    (GFile          *file);
gboolean        fiscal_recovery_write   (FiscalDocument *document,
                                         GError        **error);
FiscalDocument *fiscal_recovery_find    (GFile          *file,
                                         GDateTime     **written);
void            fiscal_recovery_discard (GFile          *file);

gboolean        fiscal_recovery_write_new   (FiscalDocument *document,
                                             const char     *key,
                                             GError        **error);
GStrv           fiscal_recovery_list_new    (void);
FiscalDocument *fiscal_recovery_load_new    (const char     *key);
GDateTime      *fiscal_recovery_new_written (const char     *key);
void            fiscal_recovery_discard_new (const char     *key);

G_END_DECLS
