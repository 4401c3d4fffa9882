/* fiscal-bench-gui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fiscal-bench-gui.h"
#include "fiscal-synthetic.h"

typedef struct
{
  gboolean painted;
  double   start;   /* when the frame began its work */
  double   work;    /* from then to the end of its painting */
} Frame;

static void
before_paint_cb (GdkFrameClock *clock,
                 Frame         *frame)
{
  frame->start = fiscal_bench_now_ms ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                Frame         *frame)
{
  frame->painted = TRUE;
  frame->work = fiscal_bench_now_ms () - frame->start;
}

/**
 * fiscal_bench_wait_for_frame:
 *
 * Runs the main loop until @window has painted a frame.
 *
 * Returns: the milliseconds the frame worked (update, layout and paint,
 *   from before-paint to after-paint), without the wait for the frame clock
 */
double
fiscal_bench_wait_for_frame (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  Frame frame = { FALSE, fiscal_bench_now_ms (), 0 };
  gulong before = g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), &frame);
  gulong after = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &frame);

  gtk_widget_queue_draw (window);
  while (!frame.painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, before);
  g_signal_handler_disconnect (clock, after);

  return frame.work;
}

/* The first widget of @type at or under @root, depth first. */
GtkWidget *
fiscal_bench_find_widget (GtkWidget *root,
                          GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = fiscal_bench_find_widget (child, type);

      if (found)
        return found;
    }

  return NULL;
}

/* For qsort() and g_array_sort() of doubles. */
int
fiscal_bench_compare_doubles (gconstpointer a,
                              gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}
