/* fiscal-bench-gui.h
 *
 * What the window benchmarks share: waiting for a painted frame and
 * finding a widget.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

double     fiscal_bench_wait_for_frame    (GtkWidget     *window);
GtkWidget *fiscal_bench_find_widget       (GtkWidget     *root,
                                           GType          type);
int        fiscal_bench_compare_doubles   (gconstpointer  a,
                                           gconstpointer  b);
