/* fiscal-cli-output.h
 *
 * What every verb that writes a file does first: the rule of
 * fiscal-output.h (never over a file the command reads, nor over a budget
 * without --force), with the refusal printed as the other errors are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fiscal-core.h"

G_BEGIN_DECLS

FiscalOutputGuard *fiscal_cli_guard_new    (const char         *budget_path,
                                            const char         *prior_path,
                                            FiscalDocument     *prior);
gboolean           fiscal_cli_check_output (FiscalOutputGuard  *guard,
                                            const char         *output,
                                            FiscalOutputFlags   flags);
gboolean           fiscal_cli_write_output (const char         *output,
                                            const char         *text);

G_END_DECLS
