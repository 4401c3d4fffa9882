/* fiscal-synthetic.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fiscal-synthetic.h"

/* Codes that departments use, with the kinds they go with. */
static const struct {
  const char *function;
  const char *economic;
  FiscalKind  kind;
} patterns[] = {
  { "2010101", "30101", FISCAL_KIND_PERSONNEL },
  { "2010101", "30102", FISCAL_KIND_PERSONNEL },
  { "2010101", "30107", FISCAL_KIND_PERSONNEL },
  { "2010101", "30201", FISCAL_KIND_PUBLIC },
  { "2010101", "30211", FISCAL_KIND_PUBLIC },
  { "2010350", "30101", FISCAL_KIND_PERSONNEL },
  { "2010350", "30205", FISCAL_KIND_PUBLIC },
  { "2010350", "30217", FISCAL_KIND_PUBLIC },
  { "2010350", "30231", FISCAL_KIND_PUBLIC },
  { "2010302", "30227", FISCAL_KIND_PROJECT },
  { "2010302", "31002", FISCAL_KIND_PROJECT },
  { "2050201", "30101", FISCAL_KIND_PERSONNEL },
  { "2050202", "30201", FISCAL_KIND_PUBLIC },
  { "2050299", "30299", FISCAL_KIND_PROJECT },
  { "2080505", "30108", FISCAL_KIND_PERSONNEL },
  { "2080506", "30109", FISCAL_KIND_PERSONNEL },
  { "2080502", "30302", FISCAL_KIND_PERSONNEL },
  { "2101101", "30110", FISCAL_KIND_PERSONNEL },
  { "2101103", "30111", FISCAL_KIND_PERSONNEL },
  { "2120501", "30213", FISCAL_KIND_PROJECT },
  { "2120803", "31005", FISCAL_KIND_PROJECT },
  { "2130101", "30201", FISCAL_KIND_PUBLIC },
  { "2130119", "30299", FISCAL_KIND_PROJECT },
  { "2210201", "30113", FISCAL_KIND_PERSONNEL },
};

static const FiscalSource sources[] = {
  FISCAL_SOURCE_GENERAL, FISCAL_SOURCE_GENERAL, FISCAL_SOURCE_GENERAL, FISCAL_SOURCE_GENERAL,
  FISCAL_SOURCE_GENERAL_TRANSFER, FISCAL_SOURCE_FUND, FISCAL_SOURCE_UNIT_OTHER,
  FISCAL_SOURCE_UNIT_BUSINESS, FISCAL_SOURCE_CARRYOVER_GENERAL,
};

/**
 * fiscal_synthetic_budget:
 *
 * Returns: (transfer full): a budget of @n_units units with @n_lines lines
 *   spread over them, ten projects per unit, made the same way for the
 *   same @seed
 */
FiscalDocument *
fiscal_synthetic_budget (guint   n_units,
                         guint   n_lines,
                         guint32 seed)
{
  FiscalDocument *doc = fiscal_document_new (2025, "基准测试部门");
  GRand *rand = g_rand_new_with_seed (seed);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_full (n_lines, g_object_unref);
  g_autoptr(GPtrArray) unit_ids = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (unit_ids, g_strdup ("main"));
  for (guint u = 1; u < n_units; u++)
    {
      g_autofree char *id = g_strdup_printf ("u%u", u);
      g_autofree char *name = g_strdup_printf ("基准测试下属单位%u", u);
      g_autoptr(FiscalUnit) unit = fiscal_unit_new (id, name);

      fiscal_document_add_unit (doc, unit);
      g_ptr_array_add (unit_ids, g_strdup (id));
    }

  for (guint p = 0; p < 10 * n_units; p++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", p);
      g_autofree char *name = g_strdup_printf ("专项业务经费%u", p);
      g_autoptr(FiscalProject) project = fiscal_project_new (id, name);

      fiscal_project_set_field (project, FISCAL_PROJECT_UNIT, g_ptr_array_index (unit_ids, p / 10));
      fiscal_document_add_project (doc, project);
    }

  for (guint i = 0; i < n_lines; i++)
    {
      guint pattern = g_rand_int_range (rand, 0, G_N_ELEMENTS (patterns));
      guint unit = i % n_units;
      FiscalLine *line;
      g_autofree char *id = g_strdup_printf ("l%u", i + 1);
      g_autofree char *project = NULL;

      if (patterns[pattern].kind == FISCAL_KIND_PROJECT)
        project = g_strdup_printf ("p%u", unit * 10 + g_rand_int_range (rand, 0, 10));

      line = fiscal_line_new_full (id, g_ptr_array_index (unit_ids, unit),
                                   patterns[pattern].function, patterns[pattern].economic,
                                   patterns[pattern].kind, project,
                                   sources[g_rand_int_range (rand, 0, G_N_ELEMENTS (sources))],
                                   (gint64) g_rand_int_range (rand, 100, 50000000));
      g_ptr_array_add (lines, line);
    }

  fiscal_document_insert_lines (doc, 0, (FiscalLine **) lines->pdata, lines->len);
  g_rand_free (rand);

  return doc;
}

/* Milliseconds on the monotonic clock. */
double
fiscal_bench_now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* The median of @n timings; sorts @values. */
double
fiscal_bench_median (double *values,
                     guint   n)
{
  for (guint i = 1; i < n; i++)
    for (guint j = i; j > 0 && values[j - 1] > values[j]; j--)
      {
        double t = values[j];
        values[j] = values[j - 1];
        values[j - 1] = t;
      }

  return values[n / 2];
}
