/* fiscal-json-check.h
 *
 * A strict RFC 8259 syntax check that names the line and column of the
 * first fault. json-glib's own parser is lenient (it takes single-quoted
 * strings, for one); a budget file must be plain JSON that any tool reads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean _fiscal_json_check_syntax (const char  *data,
                                    gsize        length,
                                    guint       *line,
                                    guint       *column,
                                    const char **problem);

G_END_DECLS
