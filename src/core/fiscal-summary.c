/* fiscal-summary.c
 *
 * Every sum here goes through fiscal_money_accumulate(): one that would
 * leave ±FISCAL_MONEY_MAX is clamped. That is possible only when the
 * magnitudes of the lines add up to more than the ceiling (a budget held in
 * memory; none can be saved so), and the summary's clamped field says so
 * for the checks and the narrative.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-summary"

#include "config.h"

#include "fiscal-catalog.h"
#include "fiscal-document.h"
#include "fiscal-line.h"
#include "fiscal-money.h"
#include "fiscal-profile.h"
#include "fiscal-summary.h"

static GHashTable *
sums_new (void)
{
  return g_hash_table_new_full (NULL, NULL, NULL, g_free);
}

static void
add_to (GHashTable *table,
        const char *key,
        gint64      amount)
{
  gint64 *sum;

  if (key == NULL)
    return;

  key = g_intern_string (key);
  if (!(sum = g_hash_table_lookup (table, key)))
    g_hash_table_insert (table, (gpointer) key, (sum = g_new0 (gint64, 1)));
  fiscal_money_accumulate (sum, amount);
}

static void
add_class (GHashTable *table,
           const char *function,
           gint64      amount)
{
  g_autofree char *klass = NULL;

  if (function == NULL || strlen (function) < 3)
    return;
  klass = g_strndup (function, 3);
  add_to (table, klass, amount);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * fiscal_summary_sorted_keys:
 *
 * Returns: (transfer container): the keys of a table of sums, sorted
 */
GPtrArray *
fiscal_summary_sorted_keys (GHashTable *table)
{
  GPtrArray *keys = g_ptr_array_sized_new (g_hash_table_size (table));
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);

  g_ptr_array_sort (keys, compare_strings);
  return keys;
}

static void
add_unique (GPtrArray  *codes,
            const char *code)
{
  if (code != NULL && !g_ptr_array_find (codes, code, NULL))
    g_ptr_array_add (codes, (gpointer) code);
}

/**
 * fiscal_summary_new:
 *
 * Returns: (transfer full): the figures of @document
 */
FiscalSummary *
fiscal_summary_new (FiscalDocument *document)
{
  FiscalSummary *s = g_new0 (FiscalSummary, 1);
  GListModel *lines = fiscal_document_get_lines (document);
  guint n = g_list_model_get_n_items (lines);
  g_autoptr(FiscalCatalog) economics = NULL;
  FiscalProfile *profile = fiscal_document_get_profile (document);
  gint64 magnitude = 0;

  economics = fiscal_catalog_get_for_year (FISCAL_CATALOG_ECONOMIC, fiscal_document_get_year (document), NULL);

  s->all_by_class = sums_new ();
  s->general_by_class = sums_new ();
  s->general_by_function = sums_new ();
  s->general_by_project = sums_new ();
  s->all_by_project = sums_new ();
  s->personnel_economics = g_ptr_array_new ();
  s->public_economics = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FiscalLine) line = g_list_model_get_item (lines, i);
      FiscalSource source = fiscal_line_get_source (line);
      FiscalKind kind = fiscal_line_get_kind (line);
      FiscalBudget budget = fiscal_source_get_budget (source);
      gboolean carryover = fiscal_source_is_carryover (source);
      const char *function = fiscal_line_get_function (line);
      const char *economic = fiscal_line_get_economic (line);
      const char *project = fiscal_line_get_project (line);
      gint64 amount = fiscal_line_get_amount (line);
      const FiscalCatalogItem *item;

      if (!fiscal_money_accumulate (&magnitude, amount < 0 ? fiscal_money_negate (amount) : amount))
        s->clamped = TRUE;
      fiscal_money_accumulate (&s->total, amount);
      fiscal_money_accumulate (&s->by_source[source], amount);
      fiscal_money_accumulate (&s->by_kind[kind], amount);
      add_class (s->all_by_class, function, amount);
      if (kind == FISCAL_KIND_PROJECT)
        add_to (s->all_by_project, project, amount);

      if (carryover)
        fiscal_money_accumulate (&s->carryover_by_kind[kind], amount);
      else if (budget == FISCAL_BUDGET_GENERAL)
        {
          fiscal_money_accumulate (&s->general_by_kind[kind], amount);
          add_class (s->general_by_class, function, amount);
          add_to (s->general_by_function, function, amount);
          if (kind == FISCAL_KIND_PROJECT)
            add_to (s->general_by_project, project, amount);
          else if (economic != NULL)
            add_unique (kind == FISCAL_KIND_PERSONNEL ? s->personnel_economics : s->public_economics,
                        economic);
        }
      else if (budget == FISCAL_BUDGET_FUND)
        fiscal_money_accumulate (&s->fund_by_kind[kind], amount);
      else if (budget == FISCAL_BUDGET_CAPITAL)
        fiscal_money_accumulate (&s->capital_by_kind[kind], amount);

      if (!carryover && budget != FISCAL_BUDGET_NONE && economics != NULL &&
          (item = fiscal_catalog_lookup (economics, economic)) != NULL && item->sangong != FISCAL_SANGONG_NONE)
        {
          FiscalSangongItem which = FISCAL_SANGONG_ITEM_TOTAL;

          switch (item->sangong)
            {
            case FISCAL_SANGONG_ABROAD:            which = FISCAL_SANGONG_ITEM_ABROAD; break;
            case FISCAL_SANGONG_RECEPTION:         which = FISCAL_SANGONG_ITEM_RECEPTION; break;
            case FISCAL_SANGONG_VEHICLE_PURCHASE:  which = FISCAL_SANGONG_ITEM_VEHICLE_PURCHASE; break;
            case FISCAL_SANGONG_VEHICLE_OPERATION: which = FISCAL_SANGONG_ITEM_VEHICLE_OPERATION; break;
            case FISCAL_SANGONG_NONE:
            default:                               g_assert_not_reached ();
            }
          fiscal_money_accumulate (&s->sangong[which], amount);
          fiscal_money_accumulate (&s->sangong[FISCAL_SANGONG_ITEM_TOTAL], amount);
        }
    }

  g_ptr_array_sort (s->personnel_economics, compare_strings);
  g_ptr_array_sort (s->public_economics, compare_strings);

  if (fiscal_profile_is_set (profile, FISCAL_PROFILE_OPERATING_EXPENSES))
    s->operating_expenses = fiscal_profile_get_number (profile, FISCAL_PROFILE_OPERATING_EXPENSES);
  else
    s->operating_expenses = s->general_by_kind[FISCAL_KIND_PUBLIC];

  return s;
}

void
fiscal_summary_free (FiscalSummary *s)
{
  if (s == NULL)
    return;

  g_hash_table_unref (s->all_by_class);
  g_hash_table_unref (s->general_by_class);
  g_hash_table_unref (s->general_by_function);
  g_hash_table_unref (s->general_by_project);
  g_hash_table_unref (s->all_by_project);
  g_ptr_array_unref (s->personnel_economics);
  g_ptr_array_unref (s->public_economics);
  g_free (s);
}

/**
 * fiscal_summary_lookup:
 *
 * Returns: the sum under @key, 0 when there is none
 */
gint64
fiscal_summary_lookup (GHashTable *table,
                       const char *key)
{
  GQuark quark;
  gint64 *sum;

  if (key == NULL || (quark = g_quark_try_string (key)) == 0)
    return 0;

  sum = g_hash_table_lookup (table, g_quark_to_string (quark));
  return sum ? *sum : 0;
}

/* 一般公共预算: this year's appropriation with the transfers from above. */
gint64
fiscal_summary_general (FiscalSummary *s)
{
  return fiscal_money_add_clamped (s->by_source[FISCAL_SOURCE_GENERAL],
                                   s->by_source[FISCAL_SOURCE_GENERAL_TRANSFER]);
}

gint64
fiscal_summary_unit_funds (FiscalSummary *s)
{
  gint64 sum = 0;

  for (guint i = FISCAL_SOURCE_UNIT_BUSINESS; i <= FISCAL_SOURCE_UNIT_OTHER; i++)
    fiscal_money_accumulate (&sum, s->by_source[i]);
  return sum;
}

gint64
fiscal_summary_carryover (FiscalSummary *s)
{
  gint64 sum = 0;

  for (guint i = FISCAL_SOURCE_CARRYOVER_GENERAL; i <= FISCAL_SOURCE_CARRYOVER_UNIT; i++)
    fiscal_money_accumulate (&sum, s->by_source[i]);
  return sum;
}
