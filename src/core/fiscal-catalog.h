/* fiscal-catalog.h
 *
 * A year's classification of expenditure: the 支出功能分类科目 (function,
 * 类/款/项 codes of 3, 5 and 7 digits) or the 部门预算支出经济分类科目
 * (economic, 类/款 codes of 3 and 5 digits).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fiscal-types.h"

G_BEGIN_DECLS

typedef enum
{
  FISCAL_CATALOG_FUNCTION,
  FISCAL_CATALOG_ECONOMIC,
} FiscalCatalogKind;

/* The 三公 items an economic code can stand for. */
typedef enum
{
  FISCAL_SANGONG_NONE,
  FISCAL_SANGONG_ABROAD,
  FISCAL_SANGONG_RECEPTION,
  FISCAL_SANGONG_VEHICLE_OPERATION,
  FISCAL_SANGONG_VEHICLE_PURCHASE,
} FiscalSangong;

typedef struct
{
  const char    *code;     /* interned */
  const char    *name;
  const char    *parent;   /* interned, NULL for a 类 */
  guint          level;    /* 1 类, 2 款, 3 项 */
  FiscalSangong  sangong;
  FiscalBudget   budget;   /* function codes of the fund or state-capital budget */
} FiscalCatalogItem;

#define FISCAL_TYPE_CATALOG (fiscal_catalog_get_type ())

G_DECLARE_FINAL_TYPE (FiscalCatalog, fiscal_catalog, FISCAL, CATALOG, GObject)

FiscalCatalog           *fiscal_catalog_new_from_bytes  (GBytes             *bytes,
                                                         GError            **error);
FiscalCatalog           *fiscal_catalog_get_for_year    (FiscalCatalogKind   kind,
                                                         int                 year,
                                                         GError            **error);
FiscalCatalogKind        fiscal_catalog_get_kind        (FiscalCatalog      *self);
int                      fiscal_catalog_get_year        (FiscalCatalog      *self);
const char              *fiscal_catalog_get_title       (FiscalCatalog      *self);
guint                    fiscal_catalog_get_n_items     (FiscalCatalog      *self);
const FiscalCatalogItem *fiscal_catalog_get_item        (FiscalCatalog      *self,
                                                         guint               position);
const FiscalCatalogItem *fiscal_catalog_lookup          (FiscalCatalog      *self,
                                                         const char         *code);
const char              *fiscal_catalog_get_name        (FiscalCatalog      *self,
                                                         const char         *code);
const FiscalCatalogItem *fiscal_catalog_resolve         (FiscalCatalog      *self,
                                                         const char         *text,
                                                         guint               min_level,
                                                         char              **error_message);
GPtrArray               *fiscal_catalog_get_children    (FiscalCatalog      *self,
                                                         const char         *code);
guint                    fiscal_catalog_code_level      (FiscalCatalogKind   kind,
                                                         const char         *code);
char                    *fiscal_catalog_code_prefix     (const char         *code,
                                                         guint               level);
gboolean                 fiscal_sangong_from_string     (const char         *str,
                                                         FiscalSangong      *out);

G_END_DECLS
