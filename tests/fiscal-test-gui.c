/* fiscal-test-gui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fiscal-test-gui.h"

/* The example budget, as the sources have it. */
GFile *
fiscal_test_example_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 "changji-liaison-2025.fiscal.json", NULL);
  return g_file_new_for_path (path);
}

/* Runs the main loop until nothing is pending. */
void
fiscal_test_iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

/* Runs the main loop until @widget is on screen and its window has laid
 * out and painted a frame. (A frame can pass before the window is mapped,
 * with nothing laid out.) */
void
fiscal_test_wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gulong id;

  while (!gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);

  clock = gtk_widget_get_frame_clock (widget);
  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (widget);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
  fiscal_test_iterate ();
}

/* The first widget at or under @widget, depth first, that @match takes. */
GtkWidget *
fiscal_test_find_widget_where (GtkWidget       *widget,
                               FiscalTestMatch  match,
                               gconstpointer    data)
{
  if (match (widget, data))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = fiscal_test_find_widget_where (child, match, data);
      if (found)
        return found;
    }

  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return g_type_is_a (G_OBJECT_TYPE (widget), GPOINTER_TO_SIZE (type));
}

/* The first widget of @type at or under @widget. */
GtkWidget *
fiscal_test_find_widget (GtkWidget *widget,
                         GType      type)
{
  return fiscal_test_find_widget_where (widget, is_of_type, GSIZE_TO_POINTER (type));
}

/* The text field of the lines editor's cell being edited, or NULL. */
GtkWidget *
fiscal_test_lines_editor (FiscalLinesView *lines)
{
  return fiscal_test_find_widget (fiscal_test_find_widget (GTK_WIDGET (lines), GTK_TYPE_COLUMN_VIEW),
                                  GTK_TYPE_TEXT);
}

/* Lets the lines editor lay out (a few frames at most), then asserts
 * which cell has the focus and whether it is being edited. */
void
fiscal_test_assert_lines_focus (FiscalLinesView *lines,
                                FiscalLine      *line,
                                const char      *column,
                                gboolean         editing)
{
  FiscalLine *focus_line = NULL;
  const char *focus_column = NULL;
  gboolean focus_editing = FALSE;

  for (guint frame = 0; frame < 10; frame++)
    {
      if (fiscal_lines_view_get_focus_cell (lines, &focus_line, &focus_column, &focus_editing) &&
          focus_line == line && g_strcmp0 (focus_column, column) == 0)
        break;
      fiscal_test_wait_for_frame (GTK_WIDGET (lines));
    }

  g_assert_true (fiscal_lines_view_get_focus_cell (lines, &focus_line, &focus_column, &focus_editing));
  g_assert_true (focus_line == line);
  g_assert_cmpstr (focus_column, ==, column);
  g_assert_cmpint (focus_editing, ==, editing);
}
