/* fiscal-chart.c
 *
 * The data of each kind of chart and its description. The layout is in
 * fiscal-chart-layout.c, the drawing in fiscal-chart-render.c and the
 * export in fiscal-chart-export.c. Every sum and difference of money goes
 * through the clamped helpers of fiscal-money.h, so an item's amount, prior
 * and parts are always within ±FISCAL_MONEY_MAX, which the layout relies on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fiscal-catalog.h"
#include "fiscal-chart-private.h"
#include "fiscal-document.h"
#include "fiscal-line.h"
#include "fiscal-money.h"
#include "fiscal-summary.h"

G_DEFINE_FINAL_TYPE (FiscalChart, fiscal_chart, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_FOCUS,
  PROP_PERCENT_MODE,
  PROP_CHANGE_COLORS,
  PROP_DARK,
  PROP_HIGHLIGHT,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const struct {
  const char *name;
  const char *description;
} kinds[FISCAL_N_CHART_KINDS] = {
  { "function-donut",     N_("Spending by function class, drilling down to sections and items") },
  { "hierarchy-treemap",  N_("Classes, sections and items of spending in one treemap") },
  { "basic-project-bars", N_("Basic and project spending by function class") },
  { "economic-bars",      N_("Basic spending by economic class, personnel and public") },
  { "income-donut",       N_("Income by funding source") },
  { "year-comparison",    N_("This year against last year by function class") },
  { "bridge",             N_("From last year’s total to this year’s, class by class") },
  { "sangong",            N_("The “three public” expenses, this year against last year") },
};

/* The published Chinese names of the income rows; chart content is
 * Chinese whatever the interface language. */
static const char * const source_names[FISCAL_N_SOURCES] = {
  "一般公共预算财政拨款",
  "一般公共预算上级转移支付",
  "政府性基金预算财政拨款",
  "政府性基金上级转移支付",
  "国有资本经营预算财政拨款",
  "国有资本经营上级转移支付",
  "财政专户管理资金",
  "事业收入",
  "上级补助收入",
  "附属单位上缴收入",
  "事业单位经营收入",
  "其他收入",
  "上年结转（一般公共预算）",
  "上年结转（政府性基金）",
  "上年结转（国有资本经营）",
  "上年结转（财政专户）",
  "上年结转（单位资金）",
};

static const char * const sangong_names[FISCAL_N_SANGONG_ITEMS] = {
  "合计",
  "因公出国（境）费",
  "公务用车购置费",
  "公务用车运行维护费",
  "公务接待费",
};

/* The most sectors a donut shows before it groups the rest into 其他. */
#define DONUT_MAX_ITEMS 7
/* Sectors below this share (hundredths of a percent) are grouped. */
#define DONUT_MIN_SHARE 150

static void
item_clear (gpointer data)
{
  FiscalChartItem *item = data;

  g_free (item->name);
  g_free (item->code);
}

const char *
fiscal_chart_kind_to_name (FiscalChartKind kind)
{
  g_return_val_if_fail (kind < FISCAL_N_CHART_KINDS, NULL);

  return kinds[kind].name;
}

gboolean
fiscal_chart_kind_from_name (const char      *name,
                             FiscalChartKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; name != NULL && i < FISCAL_N_CHART_KINDS; i++)
    if (g_str_equal (name, kinds[i].name))
      {
        *kind = i;
        return TRUE;
      }

  return FALSE;
}

/**
 * fiscal_chart_describe_kind:
 *
 * Returns: the translated one-line description of @kind
 */
const char *
fiscal_chart_describe_kind (FiscalChartKind kind)
{
  g_return_val_if_fail (kind < FISCAL_N_CHART_KINDS, NULL);

  return _(kinds[kind].description);
}

/* Data */

typedef struct
{
  GHashTable *function;     /* function code prefix (3, 5, 7) → gint64* */
  GHashTable *basic;        /* 类 → gint64* of basic spending */
  GHashTable *project;      /* 类 → gint64* of project spending */
  GHashTable *personnel;    /* economic 款 → gint64* (general, basic) */
  GHashTable *public;       /* economic 款 → gint64* (general, basic) */
  gint64      total;        /* every line */
  FiscalSummary *summary;
} Sums;

static void
sums_clear (Sums *sums)
{
  g_clear_pointer (&sums->function, g_hash_table_unref);
  g_clear_pointer (&sums->basic, g_hash_table_unref);
  g_clear_pointer (&sums->project, g_hash_table_unref);
  g_clear_pointer (&sums->personnel, g_hash_table_unref);
  g_clear_pointer (&sums->public, g_hash_table_unref);
  g_clear_pointer (&sums->summary, fiscal_summary_free);
}

static void
add_prefix (GHashTable *table,
            const char *code,
            guint       length,
            gint64      amount)
{
  char buf[16];
  const char *key;
  gint64 *sum;

  if (code == NULL || strlen (code) < length || length >= sizeof buf)
    return;

  memcpy (buf, code, length);
  buf[length] = '\0';
  key = g_intern_string (buf);
  if (!(sum = g_hash_table_lookup (table, key)))
    g_hash_table_insert (table, (gpointer) key, (sum = g_new0 (gint64, 1)));
  fiscal_money_accumulate (sum, amount);
}

static gint64 *
pair_for (GHashTable *table,
          const char *code)
{
  gint64 *pair = g_hash_table_lookup (table, code);

  if (pair == NULL)
    g_hash_table_insert (table, (gpointer) code, (pair = g_new0 (gint64, 2)));
  return pair;
}

/* One pass over the lines, keyed by their interned codes, then rolled up
 * to the 类, 款 and 项 prefixes: far fewer look-ups than lines. The
 * summary (sources, 三公, totals) only for the kinds that show it. */
static void
sums_init (Sums           *sums,
           FiscalDocument *doc,
           gboolean        with_summary)
{
  GListModel *lines = fiscal_document_get_lines (doc);
  guint n = g_list_model_get_n_items (lines);
  g_autoptr(GHashTable) by_function = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GHashTable) by_economic = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  GHashTableIter iter;
  gpointer key, value;

  sums->function = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  sums->basic = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  sums->project = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  sums->personnel = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  sums->public = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  if (with_summary)
    sums->summary = fiscal_summary_new (doc);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FiscalLine) line = g_list_model_get_item (lines, i);
      const char *function = fiscal_line_get_function (line);   /* interned */
      const char *economic = fiscal_line_get_economic (line);
      FiscalKind kind = fiscal_line_get_kind (line);
      FiscalSource source = fiscal_line_get_source (line);
      gint64 amount = fiscal_line_get_amount (line);

      fiscal_money_accumulate (&sums->total, amount);
      if (function != NULL)
        fiscal_money_accumulate (&pair_for (by_function, function)[kind == FISCAL_KIND_PROJECT], amount);

      if (kind != FISCAL_KIND_PROJECT && economic != NULL &&
          fiscal_source_get_budget (source) == FISCAL_BUDGET_GENERAL &&
          !fiscal_source_is_carryover (source))
        fiscal_money_accumulate (&pair_for (by_economic, economic)[kind == FISCAL_KIND_PUBLIC], amount);
    }

  g_hash_table_iter_init (&iter, by_function);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const gint64 *pair = value;
      gint64 both = fiscal_money_add_clamped (pair[0], pair[1]);

      add_prefix (sums->function, key, 3, both);
      add_prefix (sums->function, key, 5, both);
      add_prefix (sums->function, key, 7, both);
      add_prefix (sums->basic, key, 3, pair[0]);
      add_prefix (sums->project, key, 3, pair[1]);
    }

  g_hash_table_iter_init (&iter, by_economic);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const gint64 *pair = value;

      add_prefix (sums->personnel, key, 5, pair[0]);
      add_prefix (sums->public, key, 5, pair[1]);
    }
}

static gint64
lookup (GHashTable *table,
        const char *code)
{
  return table != NULL ? fiscal_summary_lookup (table, code) : 0;
}

static char *
catalog_name (FiscalCatalog *catalog,
              const char    *code)
{
  const char *name = catalog != NULL ? fiscal_catalog_get_name (catalog, code) : NULL;

  return g_strdup (name != NULL ? name : code);
}

static FiscalChartItem *
append_item (FiscalChart *self,
             const char  *name,
             const char  *code,
             gint64       amount)
{
  FiscalChartItem item = { 0 };

  item.name = g_strdup (name);
  item.code = g_strdup (code);
  item.amount = amount;
  item.has_prior = self->prior != NULL;
  g_array_append_val (self->items, item);

  return &g_array_index (self->items, FiscalChartItem, self->items->len - 1);
}

static int
compare_items_by_amount (gconstpointer a,
                         gconstpointer b)
{
  const FiscalChartItem *ia = a, *ib = b;

  if (ia->amount != ib->amount)
    return ia->amount > ib->amount ? -1 : 1;
  return g_strcmp0 (ia->code, ib->code);
}

/* Keeps a donut readable: sectors are sorted largest first, and beyond
 * DONUT_MAX_ITEMS, or below DONUT_MIN_SHARE when there are two or more of
 * them, they go into one 其他 sector. */
static void
group_small_items (FiscalChart *self)
{
  guint keep = self->items->len;
  gint64 total = 0;

  g_array_sort (self->items, compare_items_by_amount);
  for (guint i = 0; i < self->items->len; i++)
    fiscal_money_accumulate (&total, g_array_index (self->items, FiscalChartItem, i).amount);

  if (keep > DONUT_MAX_ITEMS)
    keep = DONUT_MAX_ITEMS - 1;
  while (keep > 1 && fiscal_ratio_basis_points (g_array_index (self->items, FiscalChartItem, keep - 1).amount, total) < DONUT_MIN_SHARE)
    keep--;

  if (self->items->len - keep >= 2)
    {
      FiscalChartItem other = { 0 };

      other.name = g_strdup ("其他");
      other.has_prior = self->prior != NULL;
      for (guint i = keep; i < self->items->len; i++)
        {
          FiscalChartItem *item = &g_array_index (self->items, FiscalChartItem, i);
          fiscal_money_accumulate (&other.amount, item->amount);
          fiscal_money_accumulate (&other.prior, item->prior);
        }
      g_array_remove_range (self->items, keep, self->items->len - keep);
      g_array_append_val (self->items, other);
    }
}

static GPtrArray *
keys_of_length (GHashTable *table,
                GHashTable *table2,
                const char *prefix,
                guint       length)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GHashTable *tables[2] = { table, table2 };
  GPtrArray *keys;

  for (guint t = 0; t < 2; t++)
    {
      GHashTableIter iter;
      gpointer key;

      if (tables[t] == NULL)
        continue;
      g_hash_table_iter_init (&iter, tables[t]);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (strlen (key) == length && (prefix == NULL || g_str_has_prefix (key, prefix)))
          g_hash_table_add (seen, key);
    }

  keys = fiscal_summary_sorted_keys (seen);
  return keys;
}

static void
build_function_donut (FiscalChart *self,
                      Sums        *cur,
                      Sums        *old,
                      FiscalCatalog *catalog)
{
  guint length = self->focus == NULL ? 3 : strlen (self->focus) + 2;
  g_autoptr(GPtrArray) keys = keys_of_length (cur->function, NULL, self->focus, length);

  for (guint i = 0; i < keys->len; i++)
    {
      const char *code = g_ptr_array_index (keys, i);
      gint64 amount = lookup (cur->function, code);
      g_autofree char *name = NULL;
      FiscalChartItem *item;

      if (amount <= 0)
        continue;
      name = catalog_name (catalog, code);
      item = append_item (self, name, code, amount);
      item->prior = lookup (old->function, code);
      item->drillable = length < 7;
    }
  group_small_items (self);

  if (self->focus != NULL)
    {
      g_autofree char *name = catalog_name (catalog, self->focus);
      self->title = g_strdup_printf ("支出功能分类结构 · %s", name);
    }
  else
    self->title = g_strdup ("支出功能分类结构");
}

static void
build_treemap (FiscalChart   *self,
               Sums          *cur,
               Sums          *old,
               FiscalCatalog *catalog)
{
  g_autoptr(GPtrArray) leaves = keys_of_length (cur->function, NULL, NULL, 7);

  /* Leaves in 类, 款 order, largest first within each 款. */
  for (guint i = 0; i < leaves->len; i++)
    {
      const char *code = g_ptr_array_index (leaves, i);
      gint64 amount = lookup (cur->function, code);
      g_autofree char *name = NULL;
      FiscalChartItem *item;

      if (amount <= 0)
        continue;
      name = catalog_name (catalog, code);
      item = append_item (self, name, code, amount);
      item->prior = lookup (old->function, code);
    }
  self->title = g_strdup ("支出功能分类层级（类·款·项）");
}

static void
build_basic_project (FiscalChart   *self,
                     Sums          *cur,
                     FiscalCatalog *catalog)
{
  g_autoptr(GPtrArray) keys = keys_of_length (cur->function, NULL, NULL, 3);

  for (guint i = 0; i < keys->len; i++)
    {
      const char *code = g_ptr_array_index (keys, i);
      gint64 basic = lookup (cur->basic, code);
      gint64 project = lookup (cur->project, code);
      g_autofree char *name = NULL;
      FiscalChartItem *item;

      if (basic == 0 && project == 0)
        continue;
      name = catalog_name (catalog, code);
      item = append_item (self, name, code, fiscal_money_add_clamped (basic, project));
      item->has_prior = FALSE;
      item->parts[0] = basic;
      item->parts[1] = project;
      item->n_parts = 2;
    }
  self->title = g_strdup ("基本支出与项目支出（按支出功能分类）");
}

static void
build_economic (FiscalChart *self,
                Sums        *cur,
                Sums        *old)
{
  g_autoptr(FiscalCatalog) economics = fiscal_catalog_get_for_year (FISCAL_CATALOG_ECONOMIC, fiscal_document_get_year (self->doc), NULL);
  g_autoptr(GPtrArray) keys = keys_of_length (cur->personnel, cur->public, NULL, 5);

  for (guint i = 0; i < keys->len; i++)
    {
      const char *code = g_ptr_array_index (keys, i);
      gint64 personnel = lookup (cur->personnel, code);
      gint64 public = lookup (cur->public, code);
      g_autofree char *name = catalog_name (economics, code);
      FiscalChartItem *item;

      if (personnel == 0 && public == 0)
        continue;
      item = append_item (self, name, code, fiscal_money_add_clamped (personnel, public));
      item->prior = fiscal_money_add_clamped (lookup (old->personnel, code), lookup (old->public, code));
      item->parts[0] = personnel;
      item->parts[1] = public;
      item->n_parts = 2;
    }
  self->title = g_strdup ("一般公共预算基本支出经济分类");
}

static void
build_income (FiscalChart *self,
              Sums        *cur,
              Sums        *old)
{
  for (guint s = 0; s < FISCAL_N_SOURCES; s++)
    {
      FiscalChartItem *item;

      if (cur->summary->by_source[s] <= 0)
        continue;
      item = append_item (self, source_names[s], fiscal_source_to_string (s), cur->summary->by_source[s]);
      item->prior = old->summary != NULL ? old->summary->by_source[s] : 0;
    }
  group_small_items (self);
  self->title = g_strdup ("收入预算构成");
}

static void
build_year_comparison (FiscalChart   *self,
                       Sums          *cur,
                       Sums          *old,
                       FiscalCatalog *catalog)
{
  g_autoptr(GPtrArray) keys = keys_of_length (cur->function, old->function, NULL, 3);

  for (guint i = 0; i < keys->len; i++)
    {
      const char *code = g_ptr_array_index (keys, i);
      gint64 amount = lookup (cur->function, code);
      gint64 prior = lookup (old->function, code);
      g_autofree char *name = NULL;
      FiscalChartItem *item;

      if (amount == 0 && prior == 0)
        continue;
      name = catalog_name (catalog, code);
      item = append_item (self, name, code, amount);
      item->prior = prior;
    }
  self->title = g_strdup ("本年与上年支出对比（按支出功能分类）");
}

static void
build_bridge (FiscalChart   *self,
              Sums          *cur,
              Sums          *old,
              FiscalCatalog *catalog)
{
  g_autoptr(GPtrArray) keys = keys_of_length (cur->function, old->function, NULL, 3);
  FiscalChartItem *item;
  int year = fiscal_document_get_year (self->doc);
  g_autofree char *first = g_strdup_printf ("%d年合计", self->prior ? fiscal_document_get_year (self->prior) : year - 1);
  g_autofree char *last = g_strdup_printf ("%d年合计", year);

  self->title = g_strdup ("支出变动分解（上年合计至本年合计）");
  if (self->prior == NULL)
    return;

  item = append_item (self, first, NULL, old->total);
  item->is_total = TRUE;
  item->prior = old->total;

  for (guint i = 0; i < keys->len; i++)
    {
      const char *code = g_ptr_array_index (keys, i);
      gint64 amount = lookup (cur->function, code);
      gint64 prior = lookup (old->function, code);
      g_autofree char *name = NULL;

      if (amount == prior)
        continue;
      name = catalog_name (catalog, code);
      item = append_item (self, name, code, fiscal_money_sub_clamped (amount, prior));
      item->prior = prior;
    }

  item = append_item (self, last, NULL, cur->total);
  item->is_total = TRUE;
  item->prior = old->total;
}

static void
build_sangong (FiscalChart *self,
               Sums        *cur,
               Sums        *old)
{
  static const FiscalSangongItem order[] = {
    FISCAL_SANGONG_ITEM_TOTAL,
    FISCAL_SANGONG_ITEM_ABROAD,
    FISCAL_SANGONG_ITEM_VEHICLE_PURCHASE,
    FISCAL_SANGONG_ITEM_VEHICLE_OPERATION,
    FISCAL_SANGONG_ITEM_RECEPTION,
  };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      FiscalChartItem *item = append_item (self, sangong_names[order[i]], NULL, cur->summary->sangong[order[i]]);

      item->prior = old->summary != NULL ? old->summary->sangong[order[i]] : 0;
      item->is_total = order[i] == FISCAL_SANGONG_ITEM_TOTAL;
    }
  self->title = g_strdup ("“三公”经费预算");
}

/**
 * fiscal_chart_rebuild:
 *
 * Builds the chart's items again from its documents, after they changed.
 */
void
fiscal_chart_rebuild (FiscalChart *self)
{
  Sums cur = { 0 }, old = { 0 };
  g_autoptr(FiscalCatalog) catalog = NULL;
  gboolean with_summary;
  gint64 total = 0;

  g_return_if_fail (FISCAL_IS_CHART (self));

  g_array_set_size (self->items, 0);
  g_clear_pointer (&self->title, g_free);
  self->total = 0;
  self->prior_total = 0;

  if (self->doc == NULL)
    {
      self->title = g_strdup (kinds[self->kind].name);
      goto out;
    }

  with_summary = self->kind == FISCAL_CHART_INCOME_DONUT || self->kind == FISCAL_CHART_SANGONG;
  sums_init (&cur, self->doc, with_summary);
  if (self->prior != NULL)
    sums_init (&old, self->prior, with_summary);
  catalog = fiscal_catalog_get_for_year (FISCAL_CATALOG_FUNCTION, fiscal_document_get_year (self->doc), NULL);

  switch (self->kind)
    {
    case FISCAL_CHART_FUNCTION_DONUT:     build_function_donut (self, &cur, &old, catalog); break;
    case FISCAL_CHART_HIERARCHY_TREEMAP:  build_treemap (self, &cur, &old, catalog); break;
    case FISCAL_CHART_BASIC_PROJECT_BARS: build_basic_project (self, &cur, catalog); break;
    case FISCAL_CHART_ECONOMIC_BARS:      build_economic (self, &cur, &old); break;
    case FISCAL_CHART_INCOME_DONUT:       build_income (self, &cur, &old); break;
    case FISCAL_CHART_YEAR_COMPARISON:    build_year_comparison (self, &cur, &old, catalog); break;
    case FISCAL_CHART_BRIDGE:             build_bridge (self, &cur, &old, catalog); break;
    case FISCAL_CHART_SANGONG:            build_sangong (self, &cur, &old); break;
    case FISCAL_N_CHART_KINDS:
    default:                              g_assert_not_reached ();
    }

  for (guint i = 0; i < self->items->len; i++)
    {
      FiscalChartItem *item = &g_array_index (self->items, FiscalChartItem, i);
      if (!item->is_total)
        {
          fiscal_money_accumulate (&total, item->amount);
          fiscal_money_accumulate (&self->prior_total, item->prior);
        }
    }
  if (self->kind == FISCAL_CHART_BRIDGE && self->items->len > 0)
    {
      total = g_array_index (self->items, FiscalChartItem, self->items->len - 1).amount;
      self->prior_total = g_array_index (self->items, FiscalChartItem, 0).amount;
    }
  else if (self->kind == FISCAL_CHART_SANGONG)
    {
      FiscalChartItem *sum = &g_array_index (self->items, FiscalChartItem, 0);
      total = sum->amount;
      self->prior_total = sum->prior;
    }
  self->total = total;

  for (guint i = 0; i < self->items->len; i++)
    {
      FiscalChartItem *item = &g_array_index (self->items, FiscalChartItem, i);
      item->share_bp = fiscal_ratio_basis_points (item->amount, self->kind == FISCAL_CHART_BRIDGE ? self->prior_total : total);
    }

  sums_clear (&cur);
  sums_clear (&old);

out:
  if (self->highlight >= (int) self->items->len)
    {
      self->highlight = -1;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHT]);
    }
  self->layout_valid = FALSE;
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Description */

static void
append_change (GString               *str,
               const FiscalChartItem *item)
{
  gint64 change = fiscal_money_sub_clamped (item->amount, item->prior);
  g_autofree char *wan = fiscal_money_format_wan (change < 0 ? -change : change);

  if (!item->has_prior)
    return;
  if (change == 0)
    g_string_append (str, "，与上年持平");
  else if (item->prior == 0)
    g_string_append_printf (str, "，上年无此项，增加 %s 万元", wan);
  else
    {
      g_autofree char *pct = fiscal_ratio_format_percent (change < 0 ? -change : change, item->prior);
      g_string_append_printf (str, "，比上年%s %s 万元（%s）", change > 0 ? "增加" : "减少", wan, pct);
    }
}

/**
 * fiscal_chart_describe_item:
 *
 * Returns: (transfer full): one item in words: name, amount, share and
 *   change
 */
char *
fiscal_chart_describe_item (FiscalChart *self,
                            guint        position)
{
  const FiscalChartItem *item;
  GString *str;
  g_autofree char *wan = NULL;

  g_return_val_if_fail (FISCAL_IS_CHART (self), NULL);
  g_return_val_if_fail (position < self->items->len, NULL);

  item = &g_array_index (self->items, FiscalChartItem, position);
  str = g_string_new (item->name);

  if (self->kind == FISCAL_CHART_BRIDGE && !item->is_total)
    {
      wan = fiscal_money_format_wan (item->amount < 0 ? -item->amount : item->amount);
      g_string_append_printf (str, " %s %s 万元", item->amount < 0 ? "减少" : "增加", wan);
      if (item->prior != 0)
        {
          g_autofree char *pct = fiscal_ratio_format_percent (item->amount < 0 ? -item->amount : item->amount, item->prior);
          g_string_append_printf (str, "（%s）", pct);
        }
      return g_string_free (str, FALSE);
    }

  wan = fiscal_money_format_wan (item->amount);
  g_string_append_printf (str, " %s 万元", wan);
  if (self->kind != FISCAL_CHART_BRIDGE && !item->is_total && self->total > 0)
    {
      g_autofree char *pct = fiscal_ratio_format_percent (item->amount, self->total);
      g_string_append_printf (str, "，占 %s", pct);
    }
  if (item->n_parts == 2)
    {
      const char *names[2][2] = { { "基本支出", "项目支出" }, { "人员经费", "公用经费" } };
      guint which = self->kind == FISCAL_CHART_ECONOMIC_BARS;

      for (guint p = 0; p < 2; p++)
        if (item->parts[p] != 0)
          {
            g_autofree char *part = fiscal_money_format_wan (item->parts[p]);
            g_string_append_printf (str, "，%s %s 万元", names[which][p], part);
          }
    }
  if (self->kind != FISCAL_CHART_BRIDGE)
    append_change (str, item);

  return g_string_free (str, FALSE);
}

/**
 * fiscal_chart_describe:
 *
 * Returns: (transfer full): the whole chart in words, for screen readers
 *   and as a caption
 */
char *
fiscal_chart_describe (FiscalChart *self)
{
  GString *str;

  g_return_val_if_fail (FISCAL_IS_CHART (self), NULL);

  str = g_string_new (self->title);
  if (self->doc != NULL)
    g_string_append_printf (str, "（%d年，单位：万元）", fiscal_document_get_year (self->doc));

  if (self->items->len == 0)
    {
      g_string_append (str, self->kind == FISCAL_CHART_BRIDGE && self->prior == NULL ? "：无上年数据。" : "：无数据。");
      return g_string_free (str, FALSE);
    }

  if (self->kind != FISCAL_CHART_BRIDGE && self->kind != FISCAL_CHART_SANGONG)
    {
      g_autofree char *wan = fiscal_money_format_wan (self->total);
      g_string_append_printf (str, "：合计 %s 万元。", wan);
    }
  else
    g_string_append (str, "：");

  for (guint i = 0; i < self->items->len; i++)
    {
      g_autofree char *one = fiscal_chart_describe_item (self, i);
      g_string_append (str, one);
      g_string_append (str, i + 1 < self->items->len ? "；" : "。");
    }

  return g_string_free (str, FALSE);
}

/* GObject */

static void
fiscal_chart_finalize (GObject *object)
{
  FiscalChart *self = (FiscalChart *) object;

  g_clear_object (&self->doc);
  g_clear_object (&self->prior);
  g_clear_pointer (&self->focus, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->items, g_array_unref);
  _fiscal_chart_layout_clear (self);
  g_clear_object (&self->pango);

  G_OBJECT_CLASS (fiscal_chart_parent_class)->finalize (object);
}

static void
fiscal_chart_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  FiscalChart *self = FISCAL_CHART (object);

  switch (prop_id)
    {
    case PROP_KIND:          g_value_set_int (value, self->kind); break;
    case PROP_FOCUS:         g_value_set_string (value, self->focus); break;
    case PROP_PERCENT_MODE:  g_value_set_boolean (value, self->percent); break;
    case PROP_CHANGE_COLORS: g_value_set_int (value, self->change_colors); break;
    case PROP_DARK:          g_value_set_boolean (value, self->dark); break;
    case PROP_HIGHLIGHT:     g_value_set_int (value, self->highlight); break;
    default:                 G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fiscal_chart_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  FiscalChart *self = FISCAL_CHART (object);

  switch (prop_id)
    {
    case PROP_KIND:          fiscal_chart_set_kind (self, g_value_get_int (value)); break;
    case PROP_FOCUS:         fiscal_chart_set_focus (self, g_value_get_string (value)); break;
    case PROP_PERCENT_MODE:  fiscal_chart_set_percent_mode (self, g_value_get_boolean (value)); break;
    case PROP_CHANGE_COLORS: fiscal_chart_set_change_colors (self, g_value_get_int (value)); break;
    case PROP_DARK:          fiscal_chart_set_dark (self, g_value_get_boolean (value)); break;
    case PROP_HIGHLIGHT:     fiscal_chart_set_highlight (self, g_value_get_int (value)); break;
    default:                 G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fiscal_chart_class_init (FiscalChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fiscal_chart_finalize;
  object_class->get_property = fiscal_chart_get_property;
  object_class->set_property = fiscal_chart_set_property;

  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, 0, FISCAL_N_CHART_KINDS - 1, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOCUS] =
    g_param_spec_string ("focus", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERCENT_MODE] =
    g_param_spec_boolean ("percent-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHANGE_COLORS] =
    g_param_spec_int ("change-colors", NULL, NULL, 0, FISCAL_CHART_INCREASE_GREEN, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DARK] =
    g_param_spec_boolean ("dark", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIGHLIGHT] =
    g_param_spec_int ("highlight", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FiscalChart::changed:
   *
   * The items changed: the chart needs a new layout and drawing.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
fiscal_chart_init (FiscalChart *self)
{
  self->items = g_array_new (FALSE, TRUE, sizeof (FiscalChartItem));
  g_array_set_clear_func (self->items, item_clear);
  self->highlight = -1;
  _fiscal_chart_layout_init (self);
}

/**
 * fiscal_chart_new:
 * @doc: (nullable): the budget
 * @prior: (nullable): last year's budget
 *
 * Returns: (transfer full): a chart of @kind
 */
FiscalChart *
fiscal_chart_new (FiscalChartKind  kind,
                  FiscalDocument  *doc,
                  FiscalDocument  *prior)
{
  FiscalChart *self;

  g_return_val_if_fail (kind < FISCAL_N_CHART_KINDS, NULL);
  g_return_val_if_fail (doc == NULL || FISCAL_IS_DOCUMENT (doc), NULL);
  g_return_val_if_fail (prior == NULL || FISCAL_IS_DOCUMENT (prior), NULL);

  self = g_object_new (FISCAL_TYPE_CHART, NULL);
  self->kind = kind;
  g_set_object (&self->doc, doc);
  g_set_object (&self->prior, prior);
  fiscal_chart_rebuild (self);

  return self;
}

FiscalChartKind
fiscal_chart_get_kind (FiscalChart *self)
{
  g_return_val_if_fail (FISCAL_IS_CHART (self), 0);

  return self->kind;
}

void
fiscal_chart_set_kind (FiscalChart     *self,
                       FiscalChartKind  kind)
{
  g_return_if_fail (FISCAL_IS_CHART (self));
  g_return_if_fail (kind < FISCAL_N_CHART_KINDS);

  if (self->kind == kind)
    return;

  self->kind = kind;
  if (self->focus != NULL)
    {
      g_clear_pointer (&self->focus, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUS]);
    }
  fiscal_chart_rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

/**
 * fiscal_chart_set_documents:
 * @doc: (nullable): the budget
 * @prior: (nullable): last year's
 */
void
fiscal_chart_set_documents (FiscalChart    *self,
                            FiscalDocument *doc,
                            FiscalDocument *prior)
{
  g_return_if_fail (FISCAL_IS_CHART (self));

  g_set_object (&self->doc, doc);
  g_set_object (&self->prior, prior);
  fiscal_chart_rebuild (self);
}

const char *
fiscal_chart_get_title (FiscalChart *self)
{
  g_return_val_if_fail (FISCAL_IS_CHART (self), NULL);

  return self->title;
}

const char *
fiscal_chart_get_focus (FiscalChart *self)
{
  g_return_val_if_fail (FISCAL_IS_CHART (self), NULL);

  return self->focus;
}

/**
 * fiscal_chart_set_focus:
 * @code: (nullable): a 类 or 款 code to drill into, %NULL for the top
 *
 * Only the function donut drills down; other kinds ignore the focus.
 */
void
fiscal_chart_set_focus (FiscalChart *self,
                        const char  *code)
{
  g_return_if_fail (FISCAL_IS_CHART (self));

  if (code != NULL && strlen (code) != 3 && strlen (code) != 5)
    return;
  if (g_strcmp0 (self->focus, code) != 0)
    {
      g_free (self->focus);
      self->focus = g_strdup (code);
      if (self->kind == FISCAL_CHART_FUNCTION_DONUT)
        fiscal_chart_rebuild (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUS]);
    }
}

/**
 * fiscal_chart_get_parent_focus:
 *
 * Returns: (transfer full) (nullable): the focus one level up
 */
char *
fiscal_chart_get_parent_focus (FiscalChart *self)
{
  g_return_val_if_fail (FISCAL_IS_CHART (self), NULL);

  if (self->focus == NULL || strlen (self->focus) <= 3)
    return NULL;
  return g_strndup (self->focus, 3);
}

gboolean
fiscal_chart_get_percent_mode (FiscalChart *self)
{
  g_return_val_if_fail (FISCAL_IS_CHART (self), FALSE);

  return self->percent;
}

/**
 * fiscal_chart_set_percent_mode:
 *
 * Draws the basic/project bars as shares of each class (100%).
 */
void
fiscal_chart_set_percent_mode (FiscalChart *self,
                               gboolean     percent)
{
  g_return_if_fail (FISCAL_IS_CHART (self));

  percent = !!percent;
  if (self->percent == percent)
    return;
  self->percent = percent;
  self->layout_valid = FALSE;
  g_signal_emit (self, signals[CHANGED], 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERCENT_MODE]);
}

FiscalChartChangeColors
fiscal_chart_get_change_colors (FiscalChart *self)
{
  g_return_val_if_fail (FISCAL_IS_CHART (self), 0);

  return self->change_colors;
}

void
fiscal_chart_set_change_colors (FiscalChart             *self,
                                FiscalChartChangeColors  colors)
{
  g_return_if_fail (FISCAL_IS_CHART (self));

  if (self->change_colors == colors)
    return;
  self->change_colors = colors;
  self->layout_valid = FALSE;
  g_signal_emit (self, signals[CHANGED], 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANGE_COLORS]);
}

gboolean
fiscal_chart_get_dark (FiscalChart *self)
{
  g_return_val_if_fail (FISCAL_IS_CHART (self), FALSE);

  return self->dark;
}

/**
 * fiscal_chart_set_dark:
 *
 * Draws text and lines light on a dark background. Exports ignore it.
 */
void
fiscal_chart_set_dark (FiscalChart *self,
                       gboolean     dark)
{
  g_return_if_fail (FISCAL_IS_CHART (self));

  dark = !!dark;
  if (self->dark == dark)
    return;
  self->dark = dark;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DARK]);
}

int
fiscal_chart_get_highlight (FiscalChart *self)
{
  g_return_val_if_fail (FISCAL_IS_CHART (self), -1);

  return self->highlight;
}

/**
 * fiscal_chart_set_highlight:
 * @item: an item index, or -1 for none
 */
void
fiscal_chart_set_highlight (FiscalChart *self,
                            int          item)
{
  g_return_if_fail (FISCAL_IS_CHART (self));

  if (item < -1 || item >= (int) self->items->len)
    item = -1;
  if (self->highlight == item)
    return;
  self->highlight = item;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHT]);
}

guint
fiscal_chart_get_n_items (FiscalChart *self)
{
  g_return_val_if_fail (FISCAL_IS_CHART (self), 0);

  return self->items->len;
}

const FiscalChartItem *
fiscal_chart_get_item (FiscalChart *self,
                       guint        position)
{
  g_return_val_if_fail (FISCAL_IS_CHART (self), NULL);

  if (position >= self->items->len)
    return NULL;
  return &g_array_index (self->items, FiscalChartItem, position);
}

/**
 * fiscal_chart_get_total:
 *
 * Returns: the total the shares are of, in fen
 */
gint64
fiscal_chart_get_total (FiscalChart *self)
{
  g_return_val_if_fail (FISCAL_IS_CHART (self), 0);

  return self->total;
}
