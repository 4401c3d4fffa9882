/* fiscal-summary.h
 *
 * The figures the narrative and the checks speak of, summed from the lines
 * in one pass: totals by source, kind, 类, 项, project and 三公 item.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fiscal-types.h"

G_BEGIN_DECLS

typedef enum
{
  FISCAL_SANGONG_ITEM_TOTAL,
  FISCAL_SANGONG_ITEM_ABROAD,
  FISCAL_SANGONG_ITEM_VEHICLE_PURCHASE,
  FISCAL_SANGONG_ITEM_VEHICLE_OPERATION,
  FISCAL_SANGONG_ITEM_RECEPTION,
  FISCAL_N_SANGONG_ITEMS
} FiscalSangongItem;

typedef struct
{
  gint64      total;
  gint64      by_source[FISCAL_N_SOURCES];
  gint64      by_kind[FISCAL_N_KINDS];
  gint64      general_by_kind[FISCAL_N_KINDS];    /* 一般公共预算, with transfers */
  gint64      fund_by_kind[FISCAL_N_KINDS];       /* current year */
  gint64      capital_by_kind[FISCAL_N_KINDS];
  gint64      carryover_by_kind[FISCAL_N_KINDS];
  gint64      sangong[FISCAL_N_SANGONG_ITEMS];    /* fiscal money, current year */
  gint64      operating_expenses;                 /* as stated, or general public */
  GHashTable *all_by_class;          /* 类 → gint64* */
  GHashTable *general_by_class;      /* 类 → gint64* */
  GHashTable *general_by_function;   /* 项 code → gint64* */
  GHashTable *general_by_project;    /* project id → gint64* */
  GHashTable *all_by_project;        /* project id → gint64* */
  GPtrArray  *personnel_economics;   /* 款 codes of general personnel, sorted */
  GPtrArray  *public_economics;      /* 款 codes of general public, sorted */
  gboolean    clamped;               /* the lines' magnitudes add up to more than
                                      * FISCAL_MONEY_MAX: a sum beyond it holds
                                      * the ceiling instead */
} FiscalSummary;

FiscalSummary *fiscal_summary_new          (FiscalDocument *document);
void           fiscal_summary_free         (FiscalSummary  *summary);
gint64         fiscal_summary_lookup       (GHashTable     *table,
                                            const char     *key);
GPtrArray     *fiscal_summary_sorted_keys  (GHashTable     *table);
gint64         fiscal_summary_general      (FiscalSummary  *summary);
gint64         fiscal_summary_unit_funds   (FiscalSummary  *summary);
gint64         fiscal_summary_carryover    (FiscalSummary  *summary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FiscalSummary, fiscal_summary_free)

G_END_DECLS
