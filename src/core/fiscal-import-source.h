/* fiscal-import-source.h
 *
 * What a file holds, told by its bytes: a budget of ours, a published
 * disclosure as PDF, or a disclosure's text; and the disclosure read from
 * either, so that the command line and the window open the same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fiscal-disclosure.h"

G_BEGIN_DECLS

gboolean          fiscal_bytes_are_disclosure (const char  *contents,
                                               gsize        length);
FiscalDisclosure *fiscal_disclosure_read      (const char  *contents,
                                               gsize        length,
                                               GError     **error);

G_END_DECLS
