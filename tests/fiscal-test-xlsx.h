/* fiscal-test-xlsx.h
 *
 * Reading a workbook back: what the tables say it should hold, written
 * as JSON for tests/check-xlsx.py, which compares it with the workbook's
 * XML cell by cell. Shared by the workbook tests of every format.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fiscal-core.h"

/* A wrong expectation, to show that the checker notices each kind of
 * difference. */
typedef enum
{
  FISCAL_TEST_TAMPER_NONE,
  FISCAL_TEST_TAMPER_AMOUNT,   /* one amount of the first sheet off by one unit of its last digit */
  FISCAL_TEST_TAMPER_KIND,     /* a code column taken for an amount column */
  FISCAL_TEST_TAMPER_SPAN,     /* a merged header cell one column narrower */
  FISCAL_TEST_TAMPER_TEXT,     /* a name with a trailing space */
  FISCAL_TEST_TAMPER_FORMAT,   /* the amounts of a sheet expected in another number format */
  FISCAL_TEST_TAMPER_UNIT,     /* a sheet's unit expected as another */
  FISCAL_TEST_N_TAMPERS
} FiscalTestTamper;

char     *fiscal_test_table_heading         (FiscalTable        *table);
char     *fiscal_test_number_format         (const FiscalAmountStyle *style,
                                             gboolean            zero);
void      fiscal_test_xlsx_write_expected   (GPtrArray          *tables,
                                             const char * const *names,
                                             const char         *department,
                                             const char         *path,
                                             FiscalTestTamper    tamper);
gboolean  fiscal_test_xlsx_check            (const char         *workbook,
                                             const char         *expected,
                                             gboolean            ok);
void      fiscal_test_xlsx_export_and_check (FiscalDocument     *doc,
                                             gboolean            tamper_too);
guint     fiscal_test_count_files           (const char         *dir);
void      fiscal_test_remove_dir            (const char         *dir);
