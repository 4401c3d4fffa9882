/* fiscal-synthetic.h
 *
 * Large synthetic budgets with realistic codes, for benchmarks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fiscal-core.h"

FiscalDocument *fiscal_synthetic_budget (guint  n_units,
                                         guint  n_lines,
                                         guint32 seed);

double          fiscal_bench_now_ms     (void);
double          fiscal_bench_median     (double *values,
                                         guint   n);
