/* fiscal-print.h
 *
 * The whole disclosure (部门预算公开) laid out on A4 pages: cover, contents,
 * 第一部分 部门概况, 第二部分 the tables of the budget's disclosure format
 * (the national eleven, Shanghai's nine …, in the format's order, with
 * its titles, units and amounts), 第三部分 情况说明 with the
 * performance-target tables, 第四部分 名词解释 and, if asked, the charts.
 *
 * The layout is made once, measured with one PangoContext, and any page can
 * then be drawn on any cairo_t in points (a PDF surface, or the cairo_t a
 * GtkPrintContext gives with the unit set to points), so what is printed
 * and what is exported are the same pages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pango.h>

#include "fiscal-types.h"

G_BEGIN_DECLS

/* A4 in points. */
#define FISCAL_PRINT_A4_WIDTH  595.28
#define FISCAL_PRINT_A4_HEIGHT 841.89

typedef struct
{
  gboolean include_charts;  /* a part with the charts after 名词解释 */
  double   margin_top;      /* points; 0 takes the default */
  double   margin_bottom;
  double   margin_left;
  double   margin_right;
} FiscalPrintOptions;

/* An entry of the document's outline and contents. */
typedef struct
{
  guint  level;   /* 0 a part, 1 a table or section within it */
  char  *title;
  guint  page;    /* 0-based page where it starts */
} FiscalPrintEntry;

typedef struct _FiscalPrintLayout FiscalPrintLayout;

void                    fiscal_print_options_init              (FiscalPrintOptions       *options);

FiscalPrintLayout      *fiscal_print_layout_new                (FiscalDocument           *document,
                                                                FiscalDocument           *prior,
                                                                const FiscalPrintOptions *options);
FiscalPrintLayout      *fiscal_print_layout_new_full           (FiscalDocument           *document,
                                                                FiscalDocument           *prior,
                                                                const FiscalPrintOptions *options,
                                                                GCancellable             *cancellable,
                                                                GError                  **error);
void                    fiscal_print_layout_free               (FiscalPrintLayout        *self);
void                    fiscal_print_layout_paginate           (FiscalPrintLayout        *self,
                                                                PangoContext             *context);
guint                   fiscal_print_layout_get_n_pages        (FiscalPrintLayout        *self);
gboolean                fiscal_print_layout_page_is_landscape  (FiscalPrintLayout        *self,
                                                                guint                     page);
void                    fiscal_print_layout_get_page_size      (FiscalPrintLayout        *self,
                                                                guint                     page,
                                                                double                   *width,
                                                                double                   *height);
void                    fiscal_print_layout_draw_page          (FiscalPrintLayout        *self,
                                                                cairo_t                  *cr,
                                                                guint                     page);
const char             *fiscal_print_layout_get_title          (FiscalPrintLayout        *self);
const char             *fiscal_print_layout_get_author         (FiscalPrintLayout        *self);
guint                   fiscal_print_layout_get_n_entries      (FiscalPrintLayout        *self);
const FiscalPrintEntry *fiscal_print_layout_get_entry          (FiscalPrintLayout        *self,
                                                                guint                     position);
int                     fiscal_print_layout_find_table         (FiscalPrintLayout        *self,
                                                                guint                     number);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FiscalPrintLayout, fiscal_print_layout_free)

G_END_DECLS
