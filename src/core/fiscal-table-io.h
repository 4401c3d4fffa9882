/* fiscal-table-io.h
 *
 * Tables written as CSV and JSON.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "fiscal-table.h"

G_BEGIN_DECLS

typedef enum
{
  FISCAL_CSV_DEFAULT = 0,
  FISCAL_CSV_BOM     = 1 << 0,  /* start with a UTF-8 byte order mark */
} FiscalCsvFlags;

JsonNode *fiscal_table_to_json      (FiscalTable     *table);
char     *fiscal_tables_to_json     (GPtrArray       *tables);
void      fiscal_table_append_csv   (FiscalTable     *table,
                                     GString         *out);
char     *fiscal_tables_to_csv      (GPtrArray       *tables);
char     *fiscal_tables_to_csv_full (GPtrArray       *tables,
                                     FiscalCsvFlags   flags);

G_END_DECLS
