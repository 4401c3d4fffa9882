/* fiscal-csv.h
 *
 * CSV fields as Fiscal writes them (RFC 4180, with texts a spreadsheet
 * would take for formulas defused), and reading CSV as written by
 * fiscal_tables_to_csv(): records of fields, quoted where they hold
 * commas, quotes or line breaks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean   fiscal_csv_needs_apostrophe (const char  *text);
char      *fiscal_csv_escape           (const char  *text,
                                        gboolean     neutralize);
char      *fiscal_csv_field_text       (const char  *field);
GPtrArray *fiscal_csv_parse            (const char  *text,
                                        gsize        length,
                                        GError     **error);

G_END_DECLS
