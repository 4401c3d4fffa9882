/* fiscal-import-source.h
 *
 * What a file holds, told by its first bytes: a budget of ours, or a
 * published disclosure (its PDF or its text) to be imported.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fiscal-disclosure.h"

G_BEGIN_DECLS

gboolean fiscal_bytes_are_disclosure (const char *contents,
                                      gsize       length);

G_END_DECLS
