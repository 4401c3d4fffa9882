/* fiscal-test-gui.h
 *
 * What the window tests share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fiscal-lines-view.h"

GFile     *fiscal_test_example_file       (void);
void       fiscal_test_iterate            (void);
void       fiscal_test_wait_for_frame     (GtkWidget       *widget);
typedef gboolean (*FiscalTestMatch) (GtkWidget     *widget,
                                     gconstpointer  data);

GtkWidget *fiscal_test_find_widget        (GtkWidget       *widget,
                                           GType            type);
GtkWidget *fiscal_test_find_widget_where  (GtkWidget       *widget,
                                           FiscalTestMatch  match,
                                           gconstpointer    data);
GtkWidget *fiscal_test_lines_editor       (FiscalLinesView *lines);
void       fiscal_test_assert_lines_focus (FiscalLinesView *lines,
                                           FiscalLine      *line,
                                           const char      *column,
                                           gboolean         editing);
