/* fiscal-disclosure-private.h
 *
 * The disclosure reader's parts, for one another.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fiscal-disclosure.h"

G_BEGIN_DECLS

/* Takes @message. */
typedef void (*FiscalNoteFunc) (FiscalImportSeverity  severity,
                                guint                 line,
                                char                 *message,
                                gpointer              data);

void _fiscal_disclosure_national_tables (FiscalFormat      *format,
                                         FiscalTable      **published,
                                         const gboolean    *published_empty,
                                         guint              max_tables,
                                         int                year,
                                         const char        *department,
                                         FiscalTable      **national,
                                         FiscalNoteFunc     note,
                                         gpointer           data);

G_END_DECLS
