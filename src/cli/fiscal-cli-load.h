/* fiscal-cli-load.h
 *
 * Reading the budget a verb works on, and its prior year, with the error
 * printed as the other verbs print it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fiscal-core.h"

G_BEGIN_DECLS

FiscalDocument *fiscal_cli_load        (const char      *path);
gboolean        fiscal_cli_load_prior  (FiscalDocument  *doc,
                                        const char      *prior_path,
                                        FiscalDocument **prior);
FiscalDocument *fiscal_cli_load_budget (const char      *path,
                                        const char      *prior_path,
                                        FiscalDocument **prior);

G_END_DECLS
