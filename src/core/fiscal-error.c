/* fiscal-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-error"

#include "config.h"

#include "fiscal-error.h"

G_DEFINE_QUARK (fiscal-error-quark, fiscal_error)

/**
 * fiscal_error_code_to_nick:
 *
 * Returns: the stable name of an error code, as docs/file-format.md lists
 *   them (`"amount-precision"`), for machine-readable output and tests.
 */
const char *
fiscal_error_code_to_nick (int code)
{
  static const char * const nicks[] = {
    [FISCAL_ERROR_FAILED]            = "failed",
    [FISCAL_ERROR_NOT_UTF8]          = "not-utf8",
    [FISCAL_ERROR_NOT_JSON]          = "not-json",
    [FISCAL_ERROR_WRONG_TYPE]        = "wrong-type",
    [FISCAL_ERROR_MISSING_KEY]       = "missing-key",
    [FISCAL_ERROR_UNKNOWN_FORMAT]    = "unknown-format",
    [FISCAL_ERROR_UNKNOWN_VERSION]   = "unknown-version",
    [FISCAL_ERROR_AMOUNT_SYNTAX]     = "amount-syntax",
    [FISCAL_ERROR_AMOUNT_PRECISION]  = "amount-precision",
    [FISCAL_ERROR_AMOUNT_OVERFLOW]   = "amount-overflow",
    [FISCAL_ERROR_DUPLICATE_ID]      = "duplicate-id",
    [FISCAL_ERROR_BAD_VALUE]         = "bad-value",
    [FISCAL_ERROR_UNKNOWN_REFERENCE] = "unknown-reference",
    [FISCAL_ERROR_NO_CATALOG]        = "no-catalog",
    [FISCAL_ERROR_CSV_SYNTAX]        = "csv-syntax",
    [FISCAL_ERROR_EXPORT]            = "export",
    [FISCAL_ERROR_NOT_DISCLOSURE]    = "not-disclosure",
    [FISCAL_ERROR_BAD_PDF]           = "bad-pdf",
    [FISCAL_ERROR_DUPLICATE_KEY]     = "duplicate-key",
    [FISCAL_ERROR_TOO_LARGE]         = "too-large",
    [FISCAL_ERROR_OUTPUT_IS_INPUT]   = "output-is-input",
    [FISCAL_ERROR_OUTPUT_EXISTS]     = "output-exists",
  };

  if (code < 0 || code >= (int) G_N_ELEMENTS (nicks))
    return "failed";

  return nicks[code];
}
