/* fiscal-test-util.h
 *
 * What several test programs share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fiscal-core.h"

char           *fiscal_test_example_path  (int year);
FiscalDocument *fiscal_test_load_example  (int year);
FiscalDocument *fiscal_test_reload        (FiscalDocument *doc);

/* A run of fiscal-cli (the program $FISCAL_CLI names): its exit status and
 * what it printed. */
typedef struct
{
  int   status;
  char *out;
  char *err;
} FiscalCliRun;

void            fiscal_cli_run_clear      (FiscalCliRun *run);
void            fiscal_test_run_cli       (FiscalCliRun *run,
                                           ...) G_GNUC_NULL_TERMINATED;
void            fiscal_test_run_cli_in    (FiscalCliRun *run,
                                           const char   *dir,
                                           ...) G_GNUC_NULL_TERMINATED;

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FiscalCliRun, fiscal_cli_run_clear)
