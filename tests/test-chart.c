/* test-chart.c
 *
 * Charts: their data, their geometry (angles and bars proportional to the
 * amounts, hit-testing, labels that do not overlap), awkward data, and the
 * three export formats.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "fiscal-core.h"
#include "fiscal-chart-private.h"   /* _fiscal_chart_get_n_ticks() */

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

/* A budget of general basic lines, one per (function, economic, fen). */
static FiscalDocument *
make_budget (const char * const *functions,
             const gint64       *amounts,
             guint               n)
{
  FiscalDocument *doc = fiscal_document_new (2025, "测试单位");

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("l%u", i + 1);
      g_autoptr(FiscalLine) line = fiscal_line_new_full (id, NULL, functions[i], "30201",
                                                         FISCAL_KIND_PUBLIC, NULL,
                                                         FISCAL_SOURCE_GENERAL, amounts[i]);
      fiscal_document_add_line (doc, line);
    }
  return doc;
}

static gboolean
rects_overlap (const FiscalChartRect *a,
               const FiscalChartRect *b)
{
  const double eps = 0.5;

  return a->x + eps < b->x + b->width && b->x + eps < a->x + a->width &&
         a->y + eps < b->y + b->height && b->y + eps < a->y + a->height;
}

static void
assert_labels_apart (FiscalChart *chart,
                     double       width,
                     double       height)
{
  guint n;

  fiscal_chart_layout (chart, width, height);
  n = fiscal_chart_get_n_labels (chart);
  g_assert_cmpuint (n, >, 0);

  for (guint i = 0; i < n; i++)
    {
      FiscalChartRect a;
      const char *ta = fiscal_chart_get_label (chart, i, &a);

      /* Inside the picture */
      if (a.x < -0.5 || a.y < -0.5 || a.x + a.width > width + 0.5 || a.y + a.height > height + 0.5)
        g_error ("%s at %g×%g: label “%s” (%g,%g %g×%g) leaves the picture",
                 fiscal_chart_kind_to_name (fiscal_chart_get_kind (chart)), width, height,
                 ta, a.x, a.y, a.width, a.height);

      for (guint j = i + 1; j < n; j++)
        {
          FiscalChartRect b;
          const char *tb = fiscal_chart_get_label (chart, j, &b);

          if (rects_overlap (&a, &b))
            g_error ("(%g,%g %g×%g) (%g,%g %g×%g) "
                     "%s at %g×%g: labels “%s” and “%s” overlap", a.x, a.y, a.width, a.height, b.x, b.y, b.width, b.height,
                     fiscal_chart_kind_to_name (fiscal_chart_get_kind (chart)), width, height, ta, tb);
        }
    }
}

static gboolean
has_label (FiscalChart *chart,
           const char  *text)
{
  for (guint i = 0; i < fiscal_chart_get_n_labels (chart); i++)
    if (strstr (fiscal_chart_get_label (chart, i, NULL), text) != NULL)
      return TRUE;
  return FALSE;
}

static cairo_surface_t *
render (FiscalChart *chart,
        int          width,
        int          height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  fiscal_chart_render (chart, cr, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
pixel (cairo_surface_t *surface,
       int              x,
       int              y,
       double           rgb[3])
{
  guint32 p = *(guint32 *) (cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface) + 4 * x);

  rgb[0] = ((p >> 16) & 0xff) / 255.;
  rgb[1] = ((p >> 8) & 0xff) / 255.;
  rgb[2] = (p & 0xff) / 255.;
}

static gboolean
color_near (const double a[3],
            const double b[3])
{
  return fabs (a[0] - b[0]) < 0.04 && fabs (a[1] - b[1]) < 0.04 && fabs (a[2] - b[2]) < 0.04;
}

static void
test_kind_names (void)
{
  for (guint k = 0; k < FISCAL_N_CHART_KINDS; k++)
    {
      FiscalChartKind back;

      g_assert_true (fiscal_chart_kind_from_name (fiscal_chart_kind_to_name (k), &back));
      g_assert_cmpint (back, ==, k);
      g_assert_nonnull (fiscal_chart_describe_kind (k));
    }
  {
    FiscalChartKind back = 0;
    g_assert_false (fiscal_chart_kind_from_name ("pie", &back));
    g_assert_false (fiscal_chart_kind_from_name (NULL, &back));
  }
}

/* Sectors' angles are proportional to the amounts, and the drawn pixels
 * at each sector's middle angle have its colour. */
static void
test_donut_angles (void)
{
  const char *functions[] = { "2010350", "2080505", "2210201", "2101102" };
  const gint64 amounts[] = { 500000000, 250000000, 150000000, 100000000 };
  g_autoptr(FiscalDocument) doc = make_budget (functions, amounts, 4);
  g_autoptr(FiscalChart) chart = fiscal_chart_new (FISCAL_CHART_FUNCTION_DONUT, doc, NULL);
  cairo_surface_t *surface;
  double cx, cy, inner, outer, total = 0;

  g_assert_cmpuint (fiscal_chart_get_n_items (chart), ==, 4);
  g_assert_cmpint (fiscal_chart_get_total (chart), ==, 1000000000);
  g_assert_cmpstr (fiscal_chart_get_item (chart, 0)->code, ==, "201");
  g_assert_cmpint (fiscal_chart_get_item (chart, 0)->share_bp, ==, 5000);

  surface = render (chart, 900, 600);
  g_assert_true (fiscal_chart_get_donut (chart, &cx, &cy, &inner, &outer));
  g_assert_cmpfloat (inner, <, outer);

  for (guint i = 0; i < 4; i++)
    {
      const FiscalChartItem *item = fiscal_chart_get_item (chart, i);
      double start, end, mid, r = (inner + outer) / 2, rgb[3], want[3];
      gboolean found = FALSE;

      g_assert_true (fiscal_chart_get_item_angles (chart, i, &start, &end));
      g_assert_cmpfloat_with_epsilon ((end - start) / (2 * G_PI), (double) item->amount / 1e9, 1e-9);
      total += end - start;

      /* The pixels of the sector's middle are its colour (hatching may
       * cross some of them) */
      g_assert_true (fiscal_chart_get_item_color (chart, i, want));
      mid = (start + end) / 2;
      for (int d = -3; d <= 3 && !found; d++)
        for (int k = -2; k <= 2 && !found; k++)
          {
            double a = mid + k * 0.01, rr = r + d * 3;
            pixel (surface, (int) (cx + cos (a) * rr), (int) (cy + sin (a) * rr), rgb);
            found = color_near (rgb, want);
          }
      g_assert_true (found);

      /* And hit-testing finds it there */
      g_assert_cmpint (fiscal_chart_hit_test (chart, cx + cos (mid) * r, cy + sin (mid) * r), ==, i);
    }
  g_assert_cmpfloat_with_epsilon (total, 2 * G_PI, 1e-9);

  /* Not in the hole, not outside */
  g_assert_cmpint (fiscal_chart_hit_test (chart, cx, cy), ==, -1);
  g_assert_cmpint (fiscal_chart_hit_test (chart, 2, 2), ==, -1);
  cairo_surface_destroy (surface);
}

static void
test_drill_down (void)
{
  g_autoptr(FiscalDocument) doc = load_example (2025);
  g_autoptr(FiscalChart) chart = fiscal_chart_new (FISCAL_CHART_FUNCTION_DONUT, doc, NULL);
  g_autofree char *parent = NULL;
  gint64 sum = 0;

  g_assert_true (fiscal_chart_get_item (chart, 0)->drillable);
  fiscal_chart_set_focus (chart, "208");
  g_assert_cmpstr (fiscal_chart_get_focus (chart), ==, "208");
  for (guint i = 0; i < fiscal_chart_get_n_items (chart); i++)
    {
      const FiscalChartItem *item = fiscal_chart_get_item (chart, i);
      g_assert_true (g_str_has_prefix (item->code, "208"));
      g_assert_cmpuint (strlen (item->code), ==, 5);
      sum += item->amount;
    }
  g_assert_cmpint (sum, ==, 20808400);   /* 社会保障和就业支出 20.81 万元 */

  fiscal_chart_set_focus (chart, "20805");
  g_assert_cmpuint (strlen (fiscal_chart_get_item (chart, 0)->code), ==, 7);
  g_assert_false (fiscal_chart_get_item (chart, 0)->drillable);
  parent = fiscal_chart_get_parent_focus (chart);
  g_assert_cmpstr (parent, ==, "208");
  g_assert_true (g_str_has_prefix (fiscal_chart_get_title (chart), "支出功能分类结构 · "));

  fiscal_chart_set_focus (chart, NULL);
  g_assert_cmpuint (strlen (fiscal_chart_get_item (chart, 0)->code), ==, 3);
}

/* Year comparison: bar heights proportional to this and last year's
 * amounts, on one baseline; variance printed. */
static void
test_year_bars (void)
{
  g_autoptr(FiscalDocument) doc = load_example (2025);
  g_autoptr(FiscalDocument) prior = load_example (2024);
  g_autoptr(FiscalChart) chart = fiscal_chart_new (FISCAL_CHART_YEAR_COMPARISON, doc, prior);
  FiscalChartRect first[2];
  double unit;

  fiscal_chart_layout (chart, 1000, 600);
  g_assert_cmpuint (fiscal_chart_get_item_rects (chart, 0, first, 2), ==, 2);
  unit = first[1].height / (double) fiscal_chart_get_item (chart, 0)->amount;

  for (guint i = 0; i < fiscal_chart_get_n_items (chart); i++)
    {
      const FiscalChartItem *item = fiscal_chart_get_item (chart, i);
      FiscalChartRect r[2];

      g_assert_cmpuint (fiscal_chart_get_item_rects (chart, i, r, 2), ==, 2);
      g_assert_cmpfloat_with_epsilon (r[0].height, item->prior * unit, 1e-6);
      g_assert_cmpfloat_with_epsilon (r[1].height, item->amount * unit, 1e-6);
      g_assert_cmpfloat_with_epsilon (r[0].y + r[0].height, first[0].y + first[0].height, 1e-6);
      g_assert_cmpint (fiscal_chart_hit_test (chart, r[1].x + r[1].width / 2, r[1].y + r[1].height / 2), ==, i);
      g_assert_cmpint (fiscal_chart_hit_test (chart, r[0].x + 1, r[0].y + r[0].height - 1), ==, i);
    }

  /* 一般公共服务支出 298.75 → 278.87 */
  g_assert_true (has_label (chart, "−19.88"));
  g_assert_true (has_label (chart, "−6.65%"));
}

static void
test_stacked_bars (void)
{
  g_autoptr(FiscalDocument) doc = load_example (2025);
  g_autoptr(FiscalChart) chart = fiscal_chart_new (FISCAL_CHART_BASIC_PROJECT_BARS, doc, NULL);
  const FiscalChartItem *item = fiscal_chart_get_item (chart, 0);
  FiscalChartRect r[2];
  double unit;

  g_assert_cmpstr (item->code, ==, "201");
  g_assert_cmpint (item->parts[0], ==, 105874400);   /* basic 105.87 万元 */
  g_assert_cmpint (item->parts[1], ==, 173000000);               /* project 173.00 万元 */

  fiscal_chart_layout (chart, 900, 600);
  g_assert_cmpuint (fiscal_chart_get_item_rects (chart, 0, r, 2), ==, 2);
  unit = r[0].height / (double) item->parts[0];
  g_assert_cmpfloat_with_epsilon (r[1].height, item->parts[1] * unit, 1e-6);
  /* Project sits on basic */
  g_assert_cmpfloat_with_epsilon (r[1].y + r[1].height, r[0].y, 1e-6);

  /* 100%: every bar is as tall as every other */
  fiscal_chart_set_percent_mode (chart, TRUE);
  fiscal_chart_layout (chart, 900, 600);
  {
    double full = -1;
    for (guint i = 0; i < fiscal_chart_get_n_items (chart); i++)
      {
        double h;
        g_assert_cmpuint (fiscal_chart_get_item_rects (chart, i, r, 2), ==, 2);
        h = r[0].height + r[1].height;
        if (full < 0)
          full = h;
        g_assert_cmpfloat_with_epsilon (h, full, 1e-6);
      }
  }
  assert_labels_apart (chart, 900, 600);
}

static void
test_economic_bars (void)
{
  g_autoptr(FiscalDocument) doc = load_example (2025);
  g_autoptr(FiscalChart) chart = fiscal_chart_new (FISCAL_CHART_ECONOMIC_BARS, doc, NULL);
  FiscalChartRect first;
  double unit;

  fiscal_chart_layout (chart, 900, 700);
  fiscal_chart_get_item_rects (chart, 0, &first, 1);
  unit = first.width / (double) fiscal_chart_get_item (chart, 0)->parts[0];
  for (guint i = 0; i < fiscal_chart_get_n_items (chart); i++)
    {
      const FiscalChartItem *item = fiscal_chart_get_item (chart, i);
      FiscalChartRect r[2];

      g_assert_cmpuint (fiscal_chart_get_item_rects (chart, i, r, 2), ==, 2);
      g_assert_cmpfloat_with_epsilon (r[0].width + r[1].width, item->amount * unit, 1e-6);
      g_assert_cmpfloat_with_epsilon (r[0].x, first.x, 1e-6);
      g_assert_cmpint (fiscal_chart_hit_test (chart, r[0].x + 0.5, r[0].y + r[0].height / 2), ==, i);
    }
}

static void
test_bridge (void)
{
  g_autoptr(FiscalDocument) doc = load_example (2025);
  g_autoptr(FiscalDocument) prior = load_example (2024);
  g_autoptr(FiscalChart) chart = fiscal_chart_new (FISCAL_CHART_BRIDGE, doc, prior);
  g_autoptr(FiscalChart) lonely = fiscal_chart_new (FISCAL_CHART_BRIDGE, doc, NULL);
  guint n = fiscal_chart_get_n_items (chart);
  gint64 running;
  FiscalChartRect r, last;
  double unit, y;

  g_assert_cmpuint (n, >=, 3);
  g_assert_true (fiscal_chart_get_item (chart, 0)->is_total);
  g_assert_true (fiscal_chart_get_item (chart, n - 1)->is_total);

  /* The steps add up from one total to the other */
  running = fiscal_chart_get_item (chart, 0)->amount;
  for (guint i = 1; i + 1 < n; i++)
    running += fiscal_chart_get_item (chart, i)->amount;
  g_assert_cmpint (running, ==, fiscal_chart_get_item (chart, n - 1)->amount);

  /* Each step's bar is as tall as its change and starts where the last ended */
  fiscal_chart_layout (chart, 1000, 600);
  fiscal_chart_get_item_rects (chart, 1, &r, 1);
  unit = r.height / fabs ((double) fiscal_chart_get_item (chart, 1)->amount);
  fiscal_chart_get_item_rects (chart, 0, &last, 1);
  y = last.y;
  for (guint i = 1; i + 1 < n; i++)
    {
      const FiscalChartItem *item = fiscal_chart_get_item (chart, i);

      fiscal_chart_get_item_rects (chart, i, &r, 1);
      g_assert_cmpfloat_with_epsilon (r.height, MAX (fabs ((double) item->amount) * unit, 1), 1e-6);
      g_assert_cmpfloat_with_epsilon (item->amount < 0 ? r.y : r.y + r.height, y, 1e-6);
      y = item->amount < 0 ? r.y + r.height : r.y;
    }

  g_assert_cmpuint (fiscal_chart_get_n_items (lonely), ==, 0);
  fiscal_chart_layout (lonely, 600, 400);
  g_assert_true (has_label (lonely, "无上年数据"));
}

static void
test_treemap (void)
{
  g_autoptr(FiscalDocument) doc = load_example (2025);
  g_autoptr(FiscalDocument) prior = load_example (2024);
  g_autoptr(FiscalChart) chart = fiscal_chart_new (FISCAL_CHART_HIERARCHY_TREEMAP, doc, prior);
  double area = 0;
  gint64 total = fiscal_chart_get_total (chart);
  FiscalChartRect r0;

  fiscal_chart_layout (chart, 1000, 700);
  fiscal_chart_get_item_rects (chart, 0, &r0, 1);
  for (guint i = 0; i < fiscal_chart_get_n_items (chart); i++)
    {
      FiscalChartRect r;

      g_assert_cmpuint (strlen (fiscal_chart_get_item (chart, i)->code), ==, 7);
      fiscal_chart_get_item_rects (chart, i, &r, 1);
      area += r.width * r.height;
      if (r.width > 2 && r.height > 2)
        g_assert_cmpint (fiscal_chart_hit_test (chart, r.x + r.width / 2, r.y + r.height / 2), ==, i);
    }
  g_assert_cmpfloat (area, >, 0);
  g_assert_cmpint (total, ==, 318096000);
  /* Decreases are coloured, and labelled with their change */
  g_assert_true (has_label (chart, "−4.95%"));
}

/* Every kind, at small, medium and large sizes: labels inside the picture
 * and never on top of one another. */
static void
test_labels_apart (void)
{
  g_autoptr(FiscalDocument) doc = load_example (2025);
  g_autoptr(FiscalDocument) prior = load_example (2024);
  const double sizes[][2] = { { 480, 320 }, { 800, 600 }, { 1920, 1080 }, { 600, 900 } };

  for (guint k = 0; k < FISCAL_N_CHART_KINDS; k++)
    {
      g_autoptr(FiscalChart) chart = fiscal_chart_new (k, doc, prior);

      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          cairo_surface_t *surface;

          assert_labels_apart (chart, sizes[s][0], sizes[s][1]);
          g_assert_true (has_label (chart, "单位：万元"));
          g_assert_true (has_label (chart, "2025年"));
          surface = render (chart, sizes[s][0], sizes[s][1]);
          cairo_surface_destroy (surface);
        }
    }
}

static void
test_empty_single_zero_unequal (void)
{
  g_autoptr(FiscalDocument) empty = fiscal_document_new (2025, "空");
  const char *one_f[] = { "2010350" };
  const gint64 one_a[] = { 123450000 };
  g_autoptr(FiscalDocument) single = make_budget (one_f, one_a, 1);
  const gint64 zero_a[] = { 0 };
  g_autoptr(FiscalDocument) zero = make_budget (one_f, zero_a, 1);
  const char *many_f[] = { "2010350", "2080505", "2080506", "2101102", "2101103", "2210201", "2130101", "2050101", "2120101", "2240101" };
  const gint64 many_a[] = { G_GINT64_CONSTANT (100000000000000), 1, 2, 3, 4, 5, 6, 7, 8, 9 };
  g_autoptr(FiscalDocument) unequal = make_budget (many_f, many_a, G_N_ELEMENTS (many_f));

  for (guint k = 0; k < FISCAL_N_CHART_KINDS; k++)
    {
      g_autoptr(FiscalChart) c1 = fiscal_chart_new (k, empty, NULL);
      g_autoptr(FiscalChart) c2 = fiscal_chart_new (k, single, NULL);
      g_autoptr(FiscalChart) c3 = fiscal_chart_new (k, zero, NULL);
      g_autoptr(FiscalChart) c4 = fiscal_chart_new (k, unequal, single);
      g_autoptr(FiscalChart) c5 = fiscal_chart_new (k, NULL, NULL);
      FiscalChart *all[] = { c1, c2, c3, c4, c5 };

      for (guint i = 0; i < G_N_ELEMENTS (all); i++)
        {
          cairo_surface_t *surface = render (all[i], 640, 400);
          g_autofree char *text = fiscal_chart_describe (all[i]);

          g_assert_nonnull (text);
          cairo_surface_destroy (surface);
          assert_labels_apart (all[i], 640, 400);
          assert_labels_apart (all[i], 200, 150);
        }

      if (k != FISCAL_CHART_SANGONG)
        {
          g_assert_true (has_label (c1, "无数据") || has_label (c1, "无上年数据"));
        }
      if (k == FISCAL_CHART_FUNCTION_DONUT || k == FISCAL_CHART_INCOME_DONUT || k == FISCAL_CHART_HIERARCHY_TREEMAP)
        g_assert_true (has_label (c3, "无数据"));
    }

  /* One item fills the ring */
  {
    g_autoptr(FiscalChart) chart = fiscal_chart_new (FISCAL_CHART_FUNCTION_DONUT, single, NULL);
    double start, end;

    fiscal_chart_layout (chart, 640, 400);
    g_assert_cmpuint (fiscal_chart_get_n_items (chart), ==, 1);
    g_assert_true (fiscal_chart_get_item_angles (chart, 0, &start, &end));
    g_assert_cmpfloat_with_epsilon (end - start, 2 * G_PI, 1e-9);
  }

  /* The crumbs of a very unequal budget go into 其他 */
  {
    g_autoptr(FiscalChart) chart = fiscal_chart_new (FISCAL_CHART_FUNCTION_DONUT, unequal, NULL);
    const FiscalChartItem *last;

    g_assert_cmpuint (fiscal_chart_get_n_items (chart), ==, 2);
    last = fiscal_chart_get_item (chart, 1);
    g_assert_cmpstr (last->name, ==, "其他");
    g_assert_null (last->code);
    g_assert_cmpint (last->amount, ==, 1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9);
  }
}

/* Many classes, sections and items with amounts from crumbs to millions,
 * at many sizes: labels still never overlap nor leave the picture. */
static void
stress (guint32 seed,
        guint   one_in)
{
  g_autoptr(FiscalCatalog) catalog = fiscal_catalog_get_for_year (FISCAL_CATALOG_FUNCTION, 2025, NULL);
  g_autoptr(FiscalCatalog) economics = fiscal_catalog_get_for_year (FISCAL_CATALOG_ECONOMIC, 2025, NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  FiscalDocument *docs[2];
  guint n_lines = 0;

  g_assert_nonnull (catalog);
  g_assert_nonnull (economics);

  for (guint d = 0; d < 2; d++)
    {
      docs[d] = fiscal_document_new (2025 - d, "压力测试单位名称很长很长很长的一个部门");
      for (guint i = 0; i < fiscal_catalog_get_n_items (catalog); i++)
        {
          const FiscalCatalogItem *item = fiscal_catalog_get_item (catalog, i);
          const FiscalCatalogItem *econ;
          g_autofree char *id = NULL;
          g_autoptr(FiscalLine) line = NULL;
          gint64 amount;

          if (item->level != 3 || g_rand_int_range (rand, 0, one_in) != 0)
            continue;
          econ = fiscal_catalog_get_item (economics, g_rand_int_range (rand, 0, fiscal_catalog_get_n_items (economics)));
          if (econ->level != 2)
            continue;
          amount = (gint64) g_rand_int_range (rand, 1, 1000) * (gint64) pow (10, g_rand_int_range (rand, 0, 9));
          id = g_strdup_printf ("s%u", ++n_lines);
          line = fiscal_line_new_full (id, NULL, item->code, econ->code,
                                       g_rand_int_range (rand, 0, FISCAL_N_KINDS), NULL,
                                       g_rand_int_range (rand, 0, FISCAL_N_SOURCES), amount);
          fiscal_document_add_line (docs[d], line);
        }
    }

  for (guint k = 0; k < FISCAL_N_CHART_KINDS; k++)
    {
      g_autoptr(FiscalChart) chart = fiscal_chart_new (k, docs[0], docs[1]);

      for (guint s = 0; s < 12; s++)
        {
          double w = g_rand_int_range (rand, 160, 2400);
          double h = g_rand_int_range (rand, 120, 1600);

          assert_labels_apart (chart, w, h);
          if (k == FISCAL_CHART_BASIC_PROJECT_BARS)
            {
              fiscal_chart_set_percent_mode (chart, s % 2);
              assert_labels_apart (chart, w, h);
            }
        }
    }

  g_object_unref (docs[0]);
  g_object_unref (docs[1]);
}

static void
test_stress (void)
{
  const guint sparseness[] = { 6, 1, 40, 200 };

  for (guint32 seed = 1; seed <= 8; seed++)
    stress (seed, sparseness[seed % G_N_ELEMENTS (sparseness)]);
}

/* A budget with a line of @amount on each of @functions (general, basic). */
static FiscalDocument *
extreme_budget (int                 year,
                const char * const *functions,
                const gint64       *amounts,
                guint               n,
                guint               repeat)
{
  FiscalDocument *doc = fiscal_document_new (year, "上限部门");
  guint id = 0;

  for (guint r = 0; r < repeat; r++)
    for (guint i = 0; i < n; i++)
      {
        g_autofree char *name = g_strdup_printf ("l%u", ++id);
        g_autoptr(FiscalLine) line = fiscal_line_new_full (name, NULL, functions[i], i % 2 ? "30217" : "30101",
                                                           i % 3 == 2 ? FISCAL_KIND_PROJECT : i % 2 ? FISCAL_KIND_PUBLIC : FISCAL_KIND_PERSONNEL,
                                                           NULL, i % 4 == 3 ? FISCAL_SOURCE_UNIT_OTHER : FISCAL_SOURCE_GENERAL,
                                                           amounts[i]);
        fiscal_document_add_line (doc, line);
      }
  return doc;
}

/* Budgets at the ceiling of money and at its extremes (+max this year
 * against −max last year, a hundred lines at the ceiling, whose sums are
 * clamped): every kind of chart is laid out and drawn at once, with a
 * bounded axis, where the bridge and the comparison used to loop about
 * 10^19 times on a range that overflowed. */
static void
test_extremes (void)
{
  const char *functions[] = { "2010350", "2080505", "2101102", "2210201" };
  const gint64 max[] = { FISCAL_MONEY_MAX, FISCAL_MONEY_MAX, FISCAL_MONEY_MAX, FISCAL_MONEY_MAX };
  const gint64 min[] = { -FISCAL_MONEY_MAX, -FISCAL_MONEY_MAX, -FISCAL_MONEY_MAX, -FISCAL_MONEY_MAX };
  const gint64 mixed[] = { FISCAL_MONEY_MAX, -FISCAL_MONEY_MAX, 1, -1 };
  const gint64 zero[] = { 0, 0, 0, 0 };
  FiscalDocument *docs[] = {
    extreme_budget (2025, functions, max, 1, 1),
    extreme_budget (2025, functions, max, 4, 1),
    extreme_budget (2025, functions, max, 4, 25),
    extreme_budget (2025, functions, min, 4, 1),
    extreme_budget (2025, functions, mixed, 4, 1),
    extreme_budget (2025, functions, zero, 4, 1),
  };
  FiscalDocument *priors[] = {
    extreme_budget (2024, functions, min, 1, 1),
    extreme_budget (2024, functions, mixed, 4, 1),
    extreme_budget (2024, functions, min, 4, 25),
    extreme_budget (2024, functions, max, 4, 1),
    extreme_budget (2024, functions, max, 4, 1),
    NULL,
  };
  gint64 start = g_get_monotonic_time ();

  for (guint d = 0; d < G_N_ELEMENTS (docs); d++)
    for (guint k = 0; k < FISCAL_N_CHART_KINDS; k++)
      {
        g_autoptr(FiscalChart) chart = fiscal_chart_new (k, docs[d], priors[d]);
        g_autoptr(FiscalChart) alone = fiscal_chart_new (k, docs[d], NULL);
        FiscalChart *both[] = { chart, alone };

        for (guint c = 0; c < G_N_ELEMENTS (both); c++)
          {
            cairo_surface_t *surface;
            g_autofree char *text = fiscal_chart_describe (both[c]);

            /* Every figure the chart has is within the ceiling. */
            for (guint i = 0; i < fiscal_chart_get_n_items (both[c]); i++)
              {
                const FiscalChartItem *item = fiscal_chart_get_item (both[c], i);

                g_assert_cmpint (item->amount, <=, FISCAL_MONEY_MAX);
                g_assert_cmpint (item->amount, >=, -FISCAL_MONEY_MAX);
                g_assert_cmpint (item->prior, <=, FISCAL_MONEY_MAX);
                g_assert_cmpint (item->prior, >=, -FISCAL_MONEY_MAX);
              }

            surface = render (both[c], 800, 500);
            g_assert_cmpuint (_fiscal_chart_get_n_ticks (both[c]), <=, FISCAL_CHART_MAX_TICKS);
            if ((k == FISCAL_CHART_BRIDGE || k == FISCAL_CHART_YEAR_COMPARISON) && c == 0 &&
                fiscal_chart_get_n_items (both[c]) > 0)
              g_assert_cmpuint (_fiscal_chart_get_n_ticks (both[c]), >=, 2);
            cairo_surface_destroy (surface);

            fiscal_chart_layout (both[c], 200, 150);
            g_assert_cmpuint (_fiscal_chart_get_n_ticks (both[c]), <=, FISCAL_CHART_MAX_TICKS);
            if (k == FISCAL_CHART_BASIC_PROJECT_BARS)
              {
                fiscal_chart_set_percent_mode (both[c], TRUE);
                fiscal_chart_layout (both[c], 640, 400);
                g_assert_cmpuint (_fiscal_chart_get_n_ticks (both[c]), <=, FISCAL_CHART_MAX_TICKS);
              }
          }
      }

  /* The bridge from −max to +max: ticks across the whole range. */
  {
    g_autoptr(FiscalChart) bridge = fiscal_chart_new (FISCAL_CHART_BRIDGE, docs[1], priors[0]);
    const FiscalChartItem *first, *last;

    fiscal_chart_layout (bridge, 800, 500);
    first = fiscal_chart_get_item (bridge, 0);
    last = fiscal_chart_get_item (bridge, fiscal_chart_get_n_items (bridge) - 1);
    g_assert_cmpint (first->amount, ==, -FISCAL_MONEY_MAX);
    g_assert_cmpint (last->amount, ==, FISCAL_MONEY_MAX);   /* 4 × max, clamped */
    g_assert_cmpuint (_fiscal_chart_get_n_ticks (bridge), >=, 3);
    g_assert_cmpuint (_fiscal_chart_get_n_ticks (bridge), <=, FISCAL_CHART_MAX_TICKS);
  }

  /* Well within the time a test has: each chart takes milliseconds. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 20 * G_USEC_PER_SEC);

  for (guint d = 0; d < G_N_ELEMENTS (docs); d++)
    {
      g_object_unref (docs[d]);
      g_clear_object (&priors[d]);
    }
}

static void
test_describe (void)
{
  g_autoptr(FiscalDocument) doc = load_example (2025);
  g_autoptr(FiscalDocument) prior = load_example (2024);
  g_autoptr(FiscalChart) chart = fiscal_chart_new (FISCAL_CHART_FUNCTION_DONUT, doc, prior);
  g_autoptr(FiscalChart) sangong = fiscal_chart_new (FISCAL_CHART_SANGONG, doc, prior);
  g_autofree char *text = fiscal_chart_describe (chart);
  g_autofree char *text2 = fiscal_chart_describe (sangong);

  g_assert_nonnull (strstr (text, "支出功能分类结构（2025年，单位：万元）"));
  g_assert_nonnull (strstr (text, "一般公共服务支出 278.87 万元，占 87.67%"));
  g_assert_nonnull (strstr (text, "比上年减少 19.88 万元（6.65%）"));
  g_assert_nonnull (strstr (text2, "公务用车运行维护费 4.80 万元"));
}

static void
test_highlight_notify (void)
{
  g_autoptr(FiscalDocument) doc = load_example (2025);
  g_autoptr(FiscalChart) chart = fiscal_chart_new (FISCAL_CHART_FUNCTION_DONUT, doc, NULL);
  guint count = 0;

  g_signal_connect_swapped (chart, "notify::highlight", G_CALLBACK (g_atomic_int_inc), &count);
  fiscal_chart_set_highlight (chart, 1);
  fiscal_chart_set_highlight (chart, 1);
  fiscal_chart_set_highlight (chart, 99);
  g_assert_cmpuint (count, ==, 2);
  g_assert_cmpint (fiscal_chart_get_highlight (chart), ==, -1);
}

static guint32
read_be32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

/* The PNG CRC-32, bit by bit: slow and obviously right */
static guint32
png_crc (const guint8 *data,
         gsize         length)
{
  guint32 crc = 0xffffffffu;

  for (gsize i = 0; i < length; i++)
    {
      crc ^= data[i];
      for (int k = 0; k < 8; k++)
        crc = crc & 1 ? 0xedb88320u ^ (crc >> 1) : crc >> 1;
    }
  return crc ^ 0xffffffffu;
}

static void
test_export_png (void)
{
  g_autoptr(FiscalDocument) doc = load_example (2025);
  g_autoptr(FiscalChart) chart = fiscal_chart_new (FISCAL_CHART_FUNCTION_DONUT, doc, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fiscal-chart-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "donut.png", NULL);
  g_autofree char *data = NULL;
  gsize length;
  const guint8 *p;
  gboolean found = FALSE;

  g_assert_no_error (error);
  g_assert_true (fiscal_chart_export (chart, FISCAL_CHART_FORMAT_PNG, path, 1234, 567, 300, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  p = (const guint8 *) data;

  g_assert_cmpmem (p, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpmem (p + 12, 4, "IHDR", 4);
  g_assert_cmpuint (read_be32 (p + 16), ==, 1234);
  g_assert_cmpuint (read_be32 (p + 20), ==, 567);

  /* Walk the chunks; pHYs comes before the image data, with a good CRC */
  for (gsize off = 8; off + 12 <= length;)
    {
      guint32 len = read_be32 (p + off);

      if (memcmp (p + off + 4, "IDAT", 4) == 0)
        g_assert_true (found);
      if (memcmp (p + off + 4, "pHYs", 4) == 0)
        {
          g_assert_cmpuint (png_crc (p + off + 4, len + 4), ==, read_be32 (p + off + 8 + len));
          g_assert_cmpuint (len, ==, 9);
          g_assert_cmpuint (read_be32 (p + off + 8), ==, 11811);   /* 300 DPI */
          g_assert_cmpuint (read_be32 (p + off + 12), ==, 11811);
          g_assert_cmpuint (p[off + 16], ==, 1);
          found = TRUE;
        }
      off += 12 + len;
    }
  g_assert_true (found);

  /* cairo reads it back: the image is whole */
  {
    cairo_surface_t *back = cairo_image_surface_create_from_png (path);
    g_assert_cmpint (cairo_surface_status (back), ==, CAIRO_STATUS_SUCCESS);
    g_assert_cmpint (cairo_image_surface_get_width (back), ==, 1234);
    g_assert_cmpint (cairo_image_surface_get_height (back), ==, 567);
    cairo_surface_destroy (back);
  }

  /* Transparent: the corner is clear; otherwise it is white */
  for (guint t = 0; t < 2; t++)
    {
      cairo_surface_t *back;
      guint32 corner;

      g_assert_true (fiscal_chart_export (chart, FISCAL_CHART_FORMAT_PNG, path, 300, 200, 96, t, &error));
      back = cairo_image_surface_create_from_png (path);
      cairo_surface_flush (back);
      corner = *(guint32 *) cairo_image_surface_get_data (back);
      g_assert_cmphex (corner, ==, t ? 0x00000000 : 0xffffffff);
      cairo_surface_destroy (back);
    }

  g_unlink (path);
  g_rmdir (dir);
}

typedef struct
{
  GString *text;
  guint    n_text;
  gboolean in_text;
} SvgState;

static void
svg_start (GMarkupParseContext *context,
           const char          *element,
           const char         **names,
           const char         **values,
           gpointer             data,
           GError             **error)
{
  SvgState *state = data;

  state->in_text = g_str_equal (element, "text");
  state->n_text += state->in_text;
}

static void
svg_text (GMarkupParseContext *context,
          const char          *text,
          gsize                length,
          gpointer             data,
          GError             **error)
{
  SvgState *state = data;

  if (state->in_text)
    g_string_append_len (state->text, text, length);
}

static void
svg_end (GMarkupParseContext *context,
         const char          *element,
         gpointer             data,
         GError             **error)
{
  ((SvgState *) data)->in_text = FALSE;
}

static void
test_export_svg (void)
{
  g_autoptr(FiscalDocument) doc = load_example (2025);
  g_autoptr(FiscalDocument) prior = load_example (2024);
  g_autoptr(FiscalChart) chart = fiscal_chart_new (FISCAL_CHART_YEAR_COMPARISON, doc, prior);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = fiscal_chart_export_bytes (chart, FISCAL_CHART_FORMAT_SVG, 800, 500, 96, TRUE, &error);
  GMarkupParser parser = { svg_start, svg_end, svg_text, NULL, NULL };
  SvgState state = { g_string_new (NULL), 0, FALSE };
  GMarkupParseContext *context = g_markup_parse_context_new (&parser, 0, &state, NULL);
  gsize size;
  const char *data;

  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &size);
  g_assert_true (g_markup_parse_context_parse (context, data, size, &error));
  g_assert_no_error (error);
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_markup_parse_context_free (context);

  g_assert_cmpuint (state.n_text, >=, 10);
  g_assert_nonnull (strstr (state.text->str, "本年与上年支出对比"));
  g_assert_nonnull (strstr (state.text->str, "一般公共服务支出"));
  g_assert_nonnull (strstr (state.text->str, "278.87"));
  g_assert_nonnull (g_strstr_len (data, size, "fill-opacity=\"0\""));
  g_string_free (state.text, TRUE);
}

/* strstr through bytes that may hold NULs */
static const char *
find_bytes (const char *data,
            gsize       size,
            const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= size; i++)
    if (memcmp (data + i, needle, n) == 0)
      return data + i;
  return NULL;
}

static void
test_export_pdf (void)
{
  g_autoptr(FiscalDocument) doc = load_example (2025);
  g_autoptr(FiscalChart) chart = fiscal_chart_new (FISCAL_CHART_INCOME_DONUT, doc, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = fiscal_chart_export_bytes (chart, FISCAL_CHART_FORMAT_PDF, 1200, 800, 150, FALSE, &error);
  gsize size;
  const char *data;

  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &size);
  g_assert_true (size > 1000);
  g_assert_cmpmem (data, 5, "%PDF-", 5);
  g_assert_nonnull (find_bytes (data, size, "/FontFile"));
  /* 1200 px at 150 DPI is 576 pt */
  g_assert_nonnull (find_bytes (data, size, "576 384"));
}

static void
test_export_errors (void)
{
  g_autoptr(FiscalDocument) doc = load_example (2025);
  g_autoptr(FiscalChart) chart = fiscal_chart_new (FISCAL_CHART_SANGONG, doc, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (fiscal_chart_export (chart, FISCAL_CHART_FORMAT_PNG, "/nonexistent/dir/x.png", 100, 100, 96, FALSE, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);
  g_assert_null (fiscal_chart_export_bytes (chart, FISCAL_CHART_FORMAT_PNG, 0, 100, 96, FALSE, &error));
  g_assert_error (error, FISCAL_ERROR, FISCAL_ERROR_BAD_VALUE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/kind-names", test_kind_names);
  g_test_add_func ("/chart/donut-angles", test_donut_angles);
  g_test_add_func ("/chart/drill-down", test_drill_down);
  g_test_add_func ("/chart/year-bars", test_year_bars);
  g_test_add_func ("/chart/stacked-bars", test_stacked_bars);
  g_test_add_func ("/chart/economic-bars", test_economic_bars);
  g_test_add_func ("/chart/bridge", test_bridge);
  g_test_add_func ("/chart/treemap", test_treemap);
  g_test_add_func ("/chart/labels-apart", test_labels_apart);
  g_test_add_func ("/chart/awkward-data", test_empty_single_zero_unequal);
  g_test_add_func ("/chart/stress", test_stress);
  g_test_add_func ("/chart/extremes", test_extremes);
  g_test_add_func ("/chart/describe", test_describe);
  g_test_add_func ("/chart/highlight-notify", test_highlight_notify);
  g_test_add_func ("/chart/export-png", test_export_png);
  g_test_add_func ("/chart/export-svg", test_export_svg);
  g_test_add_func ("/chart/export-pdf", test_export_pdf);
  g_test_add_func ("/chart/export-errors", test_export_errors);

  return g_test_run ();
}
