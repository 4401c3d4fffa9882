/* fiscal-csv.h
 *
 * Reading CSV (RFC 4180) as written by fiscal_tables_to_csv(): records of
 * fields, quoted where they hold commas, quotes or line breaks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

GPtrArray *fiscal_csv_parse      (const char  *text,
                                  gsize        length,
                                  GError     **error);
char      *fiscal_csv_field_text (const char  *field);

G_END_DECLS
