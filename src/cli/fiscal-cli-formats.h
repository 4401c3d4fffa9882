/* fiscal-cli-formats.h
 *
 * The disclosure formats from the command line: `fiscal-cli formats`, and
 * the --disclosure option with which `tables` and `export` show a budget
 * in another format than its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fiscal-core.h"

G_BEGIN_DECLS

int           fiscal_cli_formats          (int             argc,
                                           char          **argv);
FiscalFormat *fiscal_cli_find_format      (const char     *id);
void          fiscal_cli_apply_disclosure (FiscalDocument *document,
                                           FiscalFormat   *format);

G_END_DECLS
