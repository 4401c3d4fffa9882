/* fiscal-error.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define FISCAL_ERROR (fiscal_error_quark ())

typedef enum
{
  FISCAL_ERROR_FAILED,
  FISCAL_ERROR_NOT_UTF8,
  FISCAL_ERROR_NOT_JSON,
  FISCAL_ERROR_WRONG_TYPE,
  FISCAL_ERROR_MISSING_KEY,
  FISCAL_ERROR_UNKNOWN_FORMAT,
  FISCAL_ERROR_UNKNOWN_VERSION,
  FISCAL_ERROR_AMOUNT_SYNTAX,
  FISCAL_ERROR_AMOUNT_PRECISION,
  FISCAL_ERROR_AMOUNT_OVERFLOW,
  FISCAL_ERROR_DUPLICATE_ID,
  FISCAL_ERROR_BAD_VALUE,
  FISCAL_ERROR_UNKNOWN_REFERENCE,
  FISCAL_ERROR_NO_CATALOG,
} FiscalError;

GQuark      fiscal_error_quark        (void);
const char *fiscal_error_code_to_nick (int code);

G_END_DECLS
