/* fiscal-import-private.h
 *
 * The import's parts, for one another.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fiscal-import.h"

G_BEGIN_DECLS

gboolean _fiscal_import_mend (FiscalDocument      *doc,
                              FiscalImportReport  *report,
                              GError             **error);

G_END_DECLS
