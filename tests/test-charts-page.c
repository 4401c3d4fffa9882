/* test-charts-page.c
 *
 * The Charts page on the example budget: switching kinds, hovering an item
 * for its tooltip, drilling the donut down and back up, the data table,
 * the copy texture and the export dialog. Runs under Xvfb.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>

#include "fiscal-charts-page.h"
#include "fiscal-test-gui.h"

static FiscalDocument *
load_example (int year)
{
  g_autofree char *name = g_strdup_printf ("changji-liaison-%d.fiscal.json", year);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  FiscalDocument *doc = fiscal_document_load (file, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

static void
wait_for_size (GtkWidget *widget)
{
  for (guint i = 0; i < 200 && gtk_widget_get_width (widget) < 100; i++)
    {
      g_usleep (10000);
      fiscal_test_iterate ();
    }
  g_assert_cmpint (gtk_widget_get_width (widget), >=, 100);
}

static void
test_page (void)
{
  g_autoptr(FiscalDocument) doc = load_example (2025);
  g_autoptr(FiscalDocument) prior = load_example (2024);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  FiscalChartsPage *page = FISCAL_CHARTS_PAGE (fiscal_charts_page_new ());
  FiscalChartView *view = fiscal_charts_page_get_view (page);
  FiscalChart *chart = fiscal_charts_page_get_chart (page);
  double cx, cy, inner, outer, start, end;
  g_autofree char *tooltip = NULL;
  g_autofree char *crumbs = NULL;
  g_autofree char *crumbs2 = NULL;
  g_autofree char *crumbs3 = NULL;
  guint notified = 0;
  int item;

  gtk_window_set_default_size (window, 1000, 700);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  fiscal_charts_page_set_document (page, doc, prior);
  wait_for_size (GTK_WIDGET (view));

  g_signal_connect_swapped (page, "notify::kind", G_CALLBACK (g_atomic_int_inc), &notified);

  /* The table is made when shown, and follows the chart while it shows */
  g_assert_cmpuint (fiscal_charts_page_get_table_rows (page), ==, 0);
  fiscal_charts_page_set_table_visible (page, TRUE);
  g_assert_cmpuint (fiscal_charts_page_get_table_rows (page), ==, fiscal_chart_get_n_items (chart));

  /* Every kind, drawn at the view's size */
  for (guint k = 0; k < FISCAL_N_CHART_KINDS; k++)
    {
      fiscal_charts_page_set_kind (page, k);
      fiscal_test_iterate ();
      g_assert_cmpint (fiscal_chart_get_kind (chart), ==, k);
      g_assert_cmpuint (fiscal_chart_get_n_items (chart), >, 0);
      g_assert_cmpuint (fiscal_charts_page_get_table_rows (page), ==, fiscal_chart_get_n_items (chart));
    }
  g_assert_cmpuint (notified, ==, FISCAL_N_CHART_KINDS - 1);

  /* Hover the donut's first sector: highlighted, with a tooltip */
  fiscal_charts_page_set_kind (page, FISCAL_CHART_FUNCTION_DONUT);
  fiscal_chart_layout (chart, gtk_widget_get_width (GTK_WIDGET (view)), gtk_widget_get_height (GTK_WIDGET (view)));
  g_assert_true (fiscal_chart_get_donut (chart, &cx, &cy, &inner, &outer));
  g_assert_true (fiscal_chart_get_item_angles (chart, 0, &start, &end));
  item = fiscal_chart_view_hover (view, cx + cos ((start + end) / 2) * (inner + outer) / 2,
                                  cy + sin ((start + end) / 2) * (inner + outer) / 2);
  g_assert_cmpint (item, ==, 0);
  g_assert_cmpint (fiscal_chart_get_highlight (chart), ==, 0);
  tooltip = fiscal_chart_view_get_tooltip (view);
  g_assert_cmpstr (tooltip, ==, "一般公共服务支出 278.87 万元，占 87.67%，比上年减少 19.88 万元（6.65%）");
  g_assert_cmpint (fiscal_chart_view_hover (view, cx, cy), ==, -1);
  g_assert_null (fiscal_chart_view_get_tooltip (view));

  /* Keyboard: arrows move the highlight, Enter drills, Backspace goes up */
  fiscal_chart_view_move (view, 1);
  g_assert_cmpint (fiscal_chart_get_highlight (chart), ==, 0);
  fiscal_chart_view_move (view, -1);
  g_assert_cmpint (fiscal_chart_get_highlight (chart), ==, (int) fiscal_chart_get_n_items (chart) - 1);
  fiscal_chart_view_move (view, 1);
  g_assert_true (fiscal_chart_view_activate (view));
  fiscal_test_iterate ();
  g_assert_cmpstr (fiscal_chart_get_focus (chart), ==, "201");
  crumbs = fiscal_charts_page_get_breadcrumb (page);
  g_assert_cmpstr (crumbs, ==, "All classes › 一般公共服务支出");

  fiscal_chart_set_highlight (chart, 0);
  g_assert_true (fiscal_chart_view_activate (view));
  g_assert_cmpuint (strlen (fiscal_chart_get_focus (chart)), ==, 5);
  crumbs2 = fiscal_charts_page_get_breadcrumb (page);
  g_assert_true (g_str_has_prefix (crumbs2, "All classes › 一般公共服务支出 › "));
  /* 项 do not drill further */
  fiscal_chart_set_highlight (chart, 0);
  g_assert_false (fiscal_chart_view_activate (view));

  g_assert_true (fiscal_chart_view_go_up (view));
  g_assert_cmpstr (fiscal_chart_get_focus (chart), ==, "201");
  g_assert_true (fiscal_chart_view_go_up (view));
  g_assert_null (fiscal_chart_get_focus (chart));
  g_assert_false (fiscal_chart_view_go_up (view));
  crumbs3 = fiscal_charts_page_get_breadcrumb (page);
  g_assert_cmpstr (crumbs3, ==, "All classes");

  /* Edits show after refresh */
  {
    g_autoptr(FiscalLine) line = fiscal_line_new_full ("extra", "main", "2130101", "30201", FISCAL_KIND_PUBLIC,
                                                       NULL, FISCAL_SOURCE_GENERAL, 500000000);
    gint64 before = fiscal_chart_get_total (chart);

    fiscal_document_add_line (doc, line);
    fiscal_charts_page_refresh (page);
    g_assert_cmpint (fiscal_chart_get_total (chart), ==, before + 500000000);
    g_assert_cmpstr (fiscal_chart_get_item (chart, 0)->code, ==, "213");
  }

  /* The colour of an increase, as an action */
  g_assert_cmpint (fiscal_chart_get_change_colors (chart), ==, FISCAL_CHART_INCREASE_RED);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "charts.green-increase", NULL));
  g_assert_cmpint (fiscal_chart_get_change_colors (chart), ==, FISCAL_CHART_INCREASE_GREEN);

  /* The data table */
  fiscal_charts_page_set_table_visible (page, TRUE);
  fiscal_test_iterate ();
  g_assert_cmpuint (fiscal_charts_page_get_table_rows (page), ==, fiscal_chart_get_n_items (chart));

  /* Copy renders a texture of the asked size */
  {
    g_autoptr(GdkTexture) texture = fiscal_charts_page_render_texture (page, 640, 400);
    g_assert_nonnull (texture);
    g_assert_cmpint (gdk_texture_get_width (texture), ==, 640);
    g_assert_cmpint (gdk_texture_get_height (texture), ==, 400);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "charts.copy", NULL));
  }

  /* The export dialog opens */
  {
    GtkWindow *dialog = fiscal_charts_page_open_export (page);
    fiscal_test_iterate ();
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
    gtk_window_destroy (dialog);
  }

  /* No document: an empty chart */
  fiscal_charts_page_set_document (page, NULL, NULL);
  fiscal_test_iterate ();
  g_assert_cmpuint (fiscal_chart_get_n_items (chart), ==, 0);

  gtk_window_destroy (window);
  fiscal_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("FISCAL_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/charts-page/page", test_page);

  return g_test_run ();
}
