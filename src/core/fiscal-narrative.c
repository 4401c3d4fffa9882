/* fiscal-narrative.c
 *
 * The sentences follow the published 情况说明: amounts in 万元 with two
 * decimals, shares and changes as percentages with two decimals, all
 * rounded half up from exact fen; 增加/减少 for amounts and 增长/下降 for
 * percentages; 与上年预算持平 for no change; no percentage for a change
 * from nothing.
 *
 * Every sum and difference of money goes through the clamped helpers of
 * fiscal-money.h: a budget held in memory whose lines add up to more than
 * the ceiling of money gets the ceiling in its sentences, never a wrapped
 * figure (the checks report it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-narrative"

#include "config.h"

#include <json-glib/json-glib.h>

#include "fiscal-catalog.h"
#include "fiscal-document.h"
#include "fiscal-format.h"
#include "fiscal-money.h"
#include "fiscal-narrative.h"
#include "fiscal-profile.h"
#include "fiscal-project.h"
#include "fiscal-summary.h"
#include "fiscal-unit.h"

struct _FiscalNarrative
{
  GPtrArray *sections;
};

typedef struct
{
  FiscalDocument         *doc;
  FiscalDocument         *prior;
  FiscalSummary          *cur;
  FiscalSummary          *old;      /* NULL without a prior year */
  FiscalCatalog          *functions;
  FiscalCatalog          *economics;
  const char             *dept;
  int                     year;
  FiscalNarrativeSection *section;
  FiscalNarrativeParagraph *paragraph;
  GPtrArray              *sections;
} Builder;

#define REASON_PREFIX "，主要原因是"

static const char * const numerals[] = {
  "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二",
  "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十",
};

static void
run_free (gpointer data)
{
  FiscalNarrativeRun *run = data;

  g_free (run->text);
  g_free (run->key);
  g_free (run->prefix);
  g_free (run->context);
  g_free (run);
}

static void
paragraph_free (gpointer data)
{
  FiscalNarrativeParagraph *p = data;

  g_ptr_array_unref (p->runs);
  g_free (p);
}

static void
section_free (gpointer data)
{
  FiscalNarrativeSection *s = data;

  g_free (s->number);
  g_free (s->title);
  g_ptr_array_unref (s->paragraphs);
  g_free (s);
}

/* Building */

G_GNUC_PRINTF (2, 3)
static void
section (Builder    *b,
         const char *format,
         ...)
{
  FiscalNarrativeSection *s = g_new0 (FiscalNarrativeSection, 1);
  va_list args;

  va_start (args, format);
  s->title = g_strdup_vprintf (format, args);
  va_end (args);

  s->number = g_strdup (numerals[MIN (b->sections->len, G_N_ELEMENTS (numerals) - 1)]);
  s->paragraphs = g_ptr_array_new_with_free_func (paragraph_free);
  g_ptr_array_add (b->sections, s);
  b->section = s;
  b->paragraph = NULL;
}

static void
paragraph (Builder  *b,
           gboolean  heading)
{
  FiscalNarrativeParagraph *p = g_new0 (FiscalNarrativeParagraph, 1);

  p->heading = heading;
  p->runs = g_ptr_array_new_with_free_func (run_free);
  g_ptr_array_add (b->section->paragraphs, p);
  b->paragraph = p;
}

static void
text (Builder    *b,
      const char *str)
{
  FiscalNarrativeRun *run;

  if (str == NULL || *str == 0)
    return;

  /* Runs of text merge, so a paragraph alternates text and slots. */
  if (b->paragraph->runs->len > 0)
    {
      run = g_ptr_array_index (b->paragraph->runs, b->paragraph->runs->len - 1);
      if (run->kind == FISCAL_RUN_TEXT)
        {
          char *joined = g_strconcat (run->text, str, NULL);
          g_free (run->text);
          run->text = joined;
          return;
        }
    }

  run = g_new0 (FiscalNarrativeRun, 1);
  run->kind = FISCAL_RUN_TEXT;
  run->text = g_strdup (str);
  g_ptr_array_add (b->paragraph->runs, run);
}

G_GNUC_PRINTF (2, 3)
static void
textf (Builder    *b,
       const char *format,
       ...)
{
  g_autofree char *str = NULL;
  va_list args;

  va_start (args, format);
  str = g_strdup_vprintf (format, args);
  va_end (args);

  text (b, str);
}

G_GNUC_PRINTF (3, 4)
static void
para (Builder    *b,
      gboolean    heading,
      const char *format,
      ...)
{
  g_autofree char *str = NULL;
  va_list args;

  va_start (args, format);
  str = g_strdup_vprintf (format, args);
  va_end (args);

  paragraph (b, heading);
  text (b, str);
}

static void
slot (Builder    *b,
      const char *key,
      const char *prefix,
      gboolean    required)
{
  FiscalNarrativeRun *run = g_new0 (FiscalNarrativeRun, 1);
  const char *stored = fiscal_document_get_explanation (b->doc, key);

  run->kind = FISCAL_RUN_SLOT;
  run->key = g_strdup (key);
  run->prefix = g_strdup (prefix);
  run->text = (stored && *stored) ? g_strdup (stored) : NULL;
  run->required = required;
  run->context = fiscal_narrative_paragraph_text (b->paragraph);
  g_ptr_array_add (b->paragraph->runs, run);
}

/* Figures */

static char *
wan (gint64 fen)
{
  g_autofree char *number = fiscal_money_format_wan (fen);
  return g_strconcat (number, " 万元", NULL);
}

static char *
percent (gint64 part,
         gint64 whole)
{
  return fiscal_ratio_format_percent (part, whole);
}

/**
 * fiscal_change_phrase:
 * @against_last_year: whether to say “比上年预算” before the change
 *
 * Returns: (transfer full): how @current compares with @prior: “比上年预算
 *   减少 27.21 万元，下降 11.71%”, “与上年预算持平”, or, from nothing,
 *   “比上年预算增加 0.30 万元” without a percentage
 */
char *
fiscal_change_phrase (gint64   current,
                      gint64   prior,
                      gboolean against_last_year)
{
  const char *lead = against_last_year ? "比上年预算" : "";
  gint64 diff = fiscal_money_sub_clamped (current, prior);
  g_autofree char *amount = NULL;
  g_autofree char *pct = NULL;

  if (diff == 0)
    return g_strdup ("与上年预算持平");

  amount = wan (diff < 0 ? -diff : diff);
  if (prior == 0)
    return g_strdup_printf ("%s增加 %s", lead, amount);

  pct = percent (diff < 0 ? -diff : diff, prior);
  return g_strdup_printf ("%s%s %s，%s %s", lead, diff > 0 ? "增加" : "减少", amount,
                          diff > 0 ? "增长" : "下降", pct);
}

/* “，比上年预算减少 …” and the reason slot, when there is a prior year. */
static void
change (Builder    *b,
        gint64      current,
        gint64      prior,
        const char *key,
        gboolean    against_last_year)
{
  g_autofree char *phrase = NULL;

  if (b->old == NULL)
    return;

  phrase = fiscal_change_phrase (current, prior, against_last_year);
  if (against_last_year)
    text (b, "，");
  text (b, phrase);
  slot (b, key, REASON_PREFIX, current != prior);
}

static const char *
function_name (Builder    *b,
               const char *code)
{
  const char *name = b->functions ? fiscal_catalog_get_name (b->functions, code) : NULL;
  return name ? name : code;
}

static const char *
economic_name (Builder    *b,
               const char *code)
{
  const char *name = b->economics ? fiscal_catalog_get_name (b->economics, code) : NULL;
  return name ? name : code;
}

static GPtrArray *
union_keys (GHashTable *a,
            GHashTable *b)
{
  g_autoptr(GHashTable) all = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (all, key);
  if (b != NULL)
    {
      g_hash_table_iter_init (&iter, b);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_hash_table_add (all, key);
    }

  return fiscal_summary_sorted_keys (all);
}

static gint64
old_lookup (Builder    *b,
            GHashTable *(*table) (FiscalSummary *),
            const char *key)
{
  return b->old ? fiscal_summary_lookup (table (b->old), key) : 0;
}

static GHashTable *general_by_function (FiscalSummary *s) { return s->general_by_function; }

/* 一、收支总体 */
static void
write_overview (Builder *b)
{
  g_autofree char *total = wan (b->cur->total);
  g_autoptr(GPtrArray) incomes = g_ptr_array_new ();
  g_autoptr(GPtrArray) classes = fiscal_summary_sorted_keys (b->cur->all_by_class);
  g_autoptr(GString) list = g_string_new (NULL);

  section (b, "关于%s %d 年收支预算情况的总体说明", b->dept, b->year);
  para (b, FALSE, "按照全口径预算的原则，%s %d 年所有收入和支出均纳入部门预算管理。收支总预算 %s。",
        b->dept, b->year, total);

  if (fiscal_summary_general (b->cur) != 0)
    g_ptr_array_add (incomes, "一般公共预算");
  if (fiscal_money_add_clamped (b->cur->by_source[FISCAL_SOURCE_FUND], b->cur->by_source[FISCAL_SOURCE_FUND_TRANSFER]) != 0)
    g_ptr_array_add (incomes, "政府性基金预算");
  if (fiscal_money_add_clamped (b->cur->by_source[FISCAL_SOURCE_CAPITAL], b->cur->by_source[FISCAL_SOURCE_CAPITAL_TRANSFER]) != 0)
    g_ptr_array_add (incomes, "国有资本经营预算");
  if (b->cur->by_source[FISCAL_SOURCE_SPECIAL_ACCOUNT] != 0)
    g_ptr_array_add (incomes, "财政专户管理资金");
  if (fiscal_summary_unit_funds (b->cur) != 0)
    g_ptr_array_add (incomes, "单位资金");
  if (fiscal_summary_carryover (b->cur) != 0)
    g_ptr_array_add (incomes, "上年结转结余");

  for (guint i = 0; i < incomes->len; i++)
    g_string_append_printf (list, "%s%s", i ? "、" : "", (char *) incomes->pdata[i]);
  para (b, FALSE, "收入预算包括：%s。", incomes->len ? list->str : "无");

  g_string_truncate (list, 0);
  for (guint i = 0; i < classes->len; i++)
    g_string_append_printf (list, "%s%s", i ? "、" : "", function_name (b, classes->pdata[i]));
  para (b, FALSE, "支出预算包括：%s。", classes->len ? list->str : "无");
}

/* 二、收入 */
static void
write_income (Builder *b)
{
  static const struct {
    const char *label;
    const char *absent;
    const char *key;
    guint32     sources;
    gboolean    always;
  } items[] = {
    { "一般公共预算", "一般公共预算未安排。", "income.general", 1u << FISCAL_SOURCE_GENERAL, TRUE },
    { "上级一般公共预算安排的转移支付资金", "上级一般公共预算安排的转移支付资金未安排。",
      "income.general-transfer", 1u << FISCAL_SOURCE_GENERAL_TRANSFER, TRUE },
    { "政府性基金预算", "政府性基金预算未安排。", "income.fund", 1u << FISCAL_SOURCE_FUND, TRUE },
    { "上级政府性基金安排的转移支付资金", "上级政府性基金安排的转移支付资金未安排。",
      "income.fund-transfer", 1u << FISCAL_SOURCE_FUND_TRANSFER, TRUE },
    { "国有资本经营预算", "国有资本经营预算未安排。", "income.capital", 1u << FISCAL_SOURCE_CAPITAL, TRUE },
    { "上级国有资本经营预算安排的转移支付资金", "上级国有资本经营预算安排的转移支付资金未安排。",
      "income.capital-transfer", 1u << FISCAL_SOURCE_CAPITAL_TRANSFER, TRUE },
    { "财政专户管理资金", "财政专户管理资金未安排。", "income.special-account",
      1u << FISCAL_SOURCE_SPECIAL_ACCOUNT, FALSE },
    { "单位资金", "单位资金未安排。", "income.unit",
      (1u << FISCAL_SOURCE_UNIT_BUSINESS) | (1u << FISCAL_SOURCE_UNIT_SUBSIDY) |
      (1u << FISCAL_SOURCE_UNIT_AFFILIATE) | (1u << FISCAL_SOURCE_UNIT_OPERATING) |
      (1u << FISCAL_SOURCE_UNIT_OTHER), TRUE },
    { "上年结转结余", "上年结转结余未安排。", "income.carryover",
      (1u << FISCAL_SOURCE_CARRYOVER_GENERAL) | (1u << FISCAL_SOURCE_CARRYOVER_FUND) |
      (1u << FISCAL_SOURCE_CARRYOVER_CAPITAL) | (1u << FISCAL_SOURCE_CARRYOVER_SPECIAL_ACCOUNT) |
      (1u << FISCAL_SOURCE_CARRYOVER_UNIT), FALSE },
  };
  g_autofree char *total = wan (b->cur->total);

  section (b, "关于%s %d 年收入预算情况说明", b->dept, b->year);
  para (b, FALSE, "%s部门收入预算 %s，其中：", b->dept, total);

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      gint64 now = 0, before = 0;

      for (guint s = 0; s < FISCAL_N_SOURCES; s++)
        if (items[i].sources & (1u << s))
          {
            fiscal_money_accumulate (&now, b->cur->by_source[s]);
            fiscal_money_accumulate (&before, b->old ? b->old->by_source[s] : 0);
          }

      if (now == 0 && before == 0)
        {
          if (items[i].always)
            para (b, FALSE, "%s", items[i].absent);
          continue;
        }

      paragraph (b, FALSE);
      if (now == 0)
        textf (b, "%s未安排", items[i].label);
      else
        {
          g_autofree char *amount = wan (now);
          g_autofree char *share = percent (now, b->cur->total);
          textf (b, "%s %s，占 %s", items[i].label, amount, share);
        }
      change (b, now, before, items[i].key, TRUE);
      text (b, "。");
    }
}

/* 三、支出 */
static void
write_expenditure (Builder *b)
{
  g_autofree char *total = wan (b->cur->total);
  const struct { const char *label; gint64 now; gint64 before; const char *key; } items[] = {
    { "基本支出", fiscal_money_add_clamped (b->cur->by_kind[FISCAL_KIND_PERSONNEL], b->cur->by_kind[FISCAL_KIND_PUBLIC]),
      b->old ? fiscal_money_add_clamped (b->old->by_kind[FISCAL_KIND_PERSONNEL], b->old->by_kind[FISCAL_KIND_PUBLIC]) : 0,
      "expenditure.basic" },
    { "项目支出", b->cur->by_kind[FISCAL_KIND_PROJECT],
      b->old ? b->old->by_kind[FISCAL_KIND_PROJECT] : 0, "expenditure.project" },
  };

  section (b, "关于%s %d 年支出预算情况说明", b->dept, b->year);
  para (b, FALSE, "%s %d 年支出预算 %s，其中：", b->dept, b->year, total);

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autofree char *amount = wan (items[i].now);
      g_autofree char *share = percent (items[i].now, b->cur->total);

      paragraph (b, FALSE);
      textf (b, "%s %s，占 %s", items[i].label, amount, share);
      change (b, items[i].now, items[i].before, items[i].key, TRUE);
      text (b, "。");
    }
}

/* 四、财政拨款收支总体 */
static void
write_fiscal_overview (Builder *b)
{
  gint64 general = fiscal_summary_general (b->cur);
  gint64 fund = fiscal_money_add_clamped (b->cur->by_source[FISCAL_SOURCE_FUND], b->cur->by_source[FISCAL_SOURCE_FUND_TRANSFER]);
  gint64 capital = fiscal_money_add_clamped (b->cur->by_source[FISCAL_SOURCE_CAPITAL], b->cur->by_source[FISCAL_SOURCE_CAPITAL_TRANSFER]);
  g_autofree char *total = wan (fiscal_money_add_clamped (fiscal_money_add_clamped (general, fund), capital));
  g_autoptr(GPtrArray) classes = fiscal_summary_sorted_keys (b->cur->general_by_class);
  g_autoptr(GString) list = g_string_new (NULL);
  const struct { const char *label; gint64 amount; } parts[] = {
    { "一般公共预算拨款", general },
    { "政府性基金预算拨款", fund },
    { "国有资本经营预算拨款", capital },
  };

  section (b, "关于%s %d 年财政拨款收支预算情况的总体说明", b->dept, b->year);
  para (b, FALSE, "%d 年财政拨款收支总预算 %s。", b->year, total);

  if (general != 0 && fund == 0 && capital == 0)
    para (b, FALSE, "收入全部为一般公共预算拨款，无政府性基金预算拨款和国有资本经营预算。");
  else if (general == 0 && fund == 0 && capital == 0)
    para (b, FALSE, "本年度没有财政拨款收入。");

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i].amount != 0)
      {
        g_autofree char *amount = wan (parts[i].amount);
        g_string_append_printf (list, "%s%s %s", list->len ? "、" : "", parts[i].label, amount);
      }
  if (list->len > 0)
    para (b, FALSE, "收入预算包括：%s。", list->str);

  if (classes->len > 0)
    {
      paragraph (b, FALSE);
      text (b, "一般公共预算支出包括：");
      for (guint i = 0; i < classes->len; i++)
        {
          const char *klass = classes->pdata[i];
          g_autofree char *amount = wan (fiscal_summary_lookup (b->cur->general_by_class, klass));
          g_autofree char *key = g_strconcat ("usage.", klass, NULL);

          textf (b, "%s%s %s", i ? "；" : "", function_name (b, klass), amount);
          slot (b, key, "，主要用于", FALSE);
        }
      text (b, "。");
    }
}

/* 五、一般公共预算当年拨款 */
static void
write_general (Builder *b)
{
  gint64 general = fiscal_summary_general (b->cur);
  g_autofree char *total = wan (general);
  g_autoptr(GPtrArray) classes = fiscal_summary_sorted_keys (b->cur->general_by_class);
  g_autoptr(GPtrArray) items = union_keys (b->cur->general_by_function, b->old ? b->old->general_by_function : NULL);
  const struct { const char *label; FiscalKind kind; const char *key; } parts[] = {
    { "基本支出", FISCAL_KIND_PERSONNEL, "general.basic" },
    { "项目支出", FISCAL_KIND_PROJECT, "general.project" },
  };

  section (b, "关于%s %d 年一般公共预算当年拨款情况说明", b->dept, b->year);

  para (b, TRUE, "（一）一般公共预算当年拨款规模变化情况");
  para (b, FALSE, "%s %d 年一般公共预算拨款合计 %s，其中：", b->dept, b->year, total);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      gint64 now = b->cur->general_by_kind[parts[i].kind];
      gint64 before = b->old ? b->old->general_by_kind[parts[i].kind] : 0;
      g_autofree char *amount = NULL;

      if (parts[i].kind == FISCAL_KIND_PERSONNEL)
        {
          fiscal_money_accumulate (&now, b->cur->general_by_kind[FISCAL_KIND_PUBLIC]);
          fiscal_money_accumulate (&before, b->old ? b->old->general_by_kind[FISCAL_KIND_PUBLIC] : 0);
        }

      amount = wan (now);
      paragraph (b, FALSE);
      textf (b, "%s %s", parts[i].label, amount);
      change (b, now, before, parts[i].key, TRUE);
      text (b, "。");
    }

  para (b, TRUE, "（二）一般公共预算当年拨款结构情况");
  for (guint i = 0; i < classes->len; i++)
    {
      gint64 amount = fiscal_summary_lookup (b->cur->general_by_class, classes->pdata[i]);
      g_autofree char *figure = wan (amount);
      g_autofree char *share = percent (amount, general);

      para (b, FALSE, "%u、%s（类）%s，占 %s。", i + 1, function_name (b, classes->pdata[i]), figure, share);
    }
  if (classes->len == 0)
    para (b, FALSE, "本年度没有一般公共预算当年拨款。");

  para (b, TRUE, "（三）一般公共预算当年拨款具体使用情况");
  for (guint i = 0; i < items->len; i++)
    {
      const char *code = items->pdata[i];
      gint64 now = fiscal_summary_lookup (b->cur->general_by_function, code);
      gint64 before = old_lookup (b, general_by_function, code);
      g_autofree char *klass = g_strndup (code, 3);
      g_autofree char *kuan = g_strndup (code, 5);
      g_autofree char *amount = wan (now);
      g_autofree char *key = g_strconcat ("function.", code, NULL);

      paragraph (b, FALSE);
      textf (b, "%u、%s（类）%s（款）%s（项）：%d 年预算数为 %s", i + 1,
             function_name (b, klass), function_name (b, kuan), function_name (b, code), b->year, amount);
      change (b, now, before, key, TRUE);
      text (b, "。");
    }
}

static void
economic_list (Builder   *b,
               GPtrArray *codes,
               GString   *out)
{
  for (guint i = 0; i < codes->len; i++)
    g_string_append_printf (out, "%s%s", i ? "、" : "", economic_name (b, codes->pdata[i]));
}

/* 六、基本支出 */
static void
write_basic (Builder *b)
{
  gint64 personnel = b->cur->general_by_kind[FISCAL_KIND_PERSONNEL];
  gint64 public = b->cur->general_by_kind[FISCAL_KIND_PUBLIC];
  g_autofree char *total = wan (fiscal_money_add_clamped (personnel, public));
  g_autofree char *p = wan (personnel);
  g_autofree char *q = wan (public);
  g_autoptr(GString) list = g_string_new (NULL);

  section (b, "关于%s %d 年一般公共预算基本支出情况说明", b->dept, b->year);
  para (b, FALSE, "%s %d 年一般公共预算基本支出 %s，其中：", b->dept, b->year, total);

  economic_list (b, b->cur->personnel_economics, list);
  if (list->len)
    para (b, FALSE, "人员经费 %s，主要包括：%s。", p, list->str);
  else
    para (b, FALSE, "人员经费 %s。", p);

  g_string_truncate (list, 0);
  economic_list (b, b->cur->public_economics, list);
  if (list->len)
    para (b, FALSE, "公用经费 %s，主要包括：%s。", q, list->str);
  else
    para (b, FALSE, "公用经费 %s。", q);
}

static char *
chinese_date (const char *iso)
{
  guint64 y, m, d;
  g_auto(GStrv) parts = NULL;

  if (iso == NULL)
    return NULL;

  parts = g_strsplit (iso, "-", 3);
  if (g_strv_length (parts) != 3 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 1, 9999, &y, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, 12, &m, NULL) ||
      !g_ascii_string_to_unsigned (parts[2], 10, 1, 31, &d, NULL))
    return g_strdup (iso);

  return g_strdup_printf ("%u 年 %u 月 %u 日", (guint) y, (guint) m, (guint) d);
}

static void
project_field (Builder       *b,
               FiscalProject *project,
               const char    *label,
               FiscalProjectField field)
{
  g_autofree char *key = g_strdup_printf ("projects.%s.%s", fiscal_project_get_id (project),
                                          fiscal_project_field_key (field));
  FiscalNarrativeRun *run;

  paragraph (b, FALSE);
  textf (b, "%s：", label);

  run = g_new0 (FiscalNarrativeRun, 1);
  run->kind = FISCAL_RUN_SLOT;
  run->key = g_steal_pointer (&key);
  run->text = g_strdup (fiscal_project_get_field (project, field));
  run->required = TRUE;
  g_ptr_array_add (b->paragraph->runs, run);
}

/* 七、项目支出 */
static void
write_projects (Builder *b)
{
  GListModel *projects = fiscal_document_get_projects (b->doc);
  guint n = 0;

  section (b, "关于%s %d 年一般公共预算项目支出情况说明", b->dept, b->year);

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(FiscalProject) project = g_list_model_get_item (projects, i);
      gint64 amount = fiscal_summary_lookup (b->cur->general_by_project, fiscal_project_get_id (project));
      FiscalUnit *unit = fiscal_document_find_unit (b->doc, fiscal_project_get_field (project, FISCAL_PROJECT_UNIT));
      g_autofree char *scale = NULL;
      g_autofree char *start = NULL;
      g_autofree char *end = NULL;

      if (amount == 0)
        continue;

      scale = wan (amount);
      para (b, TRUE, "（%s）项目名称：%s", numerals[MIN (n, G_N_ELEMENTS (numerals) - 1)],
            fiscal_project_get_name (project));
      n++;
      project_field (b, project, "设立的政策依据", FISCAL_PROJECT_POLICY_BASIS);
      para (b, FALSE, "预算安排规模：%s", scale);
      if (fiscal_project_get_field (project, FISCAL_PROJECT_OWNER) != NULL && unit == NULL)
        unit = fiscal_document_find_unit (b->doc, "main");
      para (b, FALSE, "项目承担单位：%s",
            unit ? fiscal_unit_get_name (unit) : b->dept);
      project_field (b, project, "资金分配情况", FISCAL_PROJECT_ALLOCATION);

      start = chinese_date (fiscal_project_get_field (project, FISCAL_PROJECT_PERIOD_START));
      end = chinese_date (fiscal_project_get_field (project, FISCAL_PROJECT_PERIOD_END));
      if (start || end)
        para (b, FALSE, "资金执行时间：%s—%s", start ? start : "", end ? end : "");
    }

  if (n == 0)
    para (b, FALSE, "%s %d 年没有使用一般公共预算拨款安排的项目支出。", b->dept, b->year);
}

/* The sum of the three kinds, clamped. */
static gint64
sum3 (const gint64 *by_kind)
{
  gint64 sum = 0;

  for (guint i = 0; i < FISCAL_N_KINDS; i++)
    fiscal_money_accumulate (&sum, by_kind[i]);
  return sum;
}

/* “，{title}为空表”, naming the empty table by its title in the budget's
 * disclosure format: the table that stands for national table @national
 * there. "" where the format has none, so that a budget published in
 * another format never names a national table it does not print. */
static char *
empty_table_clause (Builder *b,
                    guint    national)
{
  const FiscalFormatTable *table = fiscal_format_find_national (fiscal_document_get_format (b->doc), national);
  g_autofree char *year = NULL;
  g_autoptr(GString) title = NULL;

  if (table == NULL)
    return g_strdup ("");

  year = g_strdup_printf ("%d", b->year);
  title = g_string_new (fiscal_format_table_get_title (table));
  g_string_replace (title, "{year}", year, 0);
  return g_strdup_printf ("，%s为空表", title->str);
}

/* 八、九 */
static void
write_budget (Builder      *b,
              const char   *name,
              guint         national,
              const gint64 *now,
              const gint64 *before,
              const char   *key)
{
  gint64 total = sum3 (now);

  section (b, "关于%s %d 年%s拨款情况说明", b->dept, b->year, name);

  if (total == 0)
    {
      g_autofree char *empty = empty_table_clause (b, national);

      para (b, FALSE, "%s %d 年没有使用%s拨款安排的支出%s。", b->dept, b->year, name, empty);
      return;
    }

  {
    g_autofree char *amount = wan (total);
    g_autofree char *basic = wan (fiscal_money_add_clamped (now[FISCAL_KIND_PERSONNEL], now[FISCAL_KIND_PUBLIC]));
    g_autofree char *project = wan (now[FISCAL_KIND_PROJECT]);

    paragraph (b, FALSE);
    textf (b, "%s %d 年%s拨款安排的支出 %s，其中：基本支出 %s，项目支出 %s", b->dept, b->year, name,
           amount, basic, project);
    change (b, total, before ? sum3 (before) : 0, key, TRUE);
    text (b, "。");
  }
}

/* 十、三公 */
static void
write_sangong (Builder *b)
{
  static const struct { FiscalSangongItem item; const char *label; const char *key; } items[] = {
    { FISCAL_SANGONG_ITEM_ABROAD, "因公出国（境）费", "sangong.abroad" },
    { FISCAL_SANGONG_ITEM_VEHICLE_PURCHASE, "公务用车购置费", "sangong.vehicle-purchase" },
    { FISCAL_SANGONG_ITEM_VEHICLE_OPERATION, "公务用车运行费", "sangong.vehicle-operation" },
    { FISCAL_SANGONG_ITEM_RECEPTION, "公务接待费", "sangong.reception" },
  };
  g_autofree char *total = wan (b->cur->sangong[FISCAL_SANGONG_ITEM_TOTAL]);

  section (b, "关于%s %d 年财政拨款“三公”经费预算情况说明", b->dept, b->year);

  paragraph (b, FALSE);
  textf (b, "%s %d 年财政拨款“三公”经费数为 %s，其中：", b->dept, b->year, total);
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autofree char *amount = wan (b->cur->sangong[items[i].item]);
      textf (b, "%s%s %s", i ? "，" : "", items[i].label, amount);
    }
  text (b, "。");

  if (b->old == NULL)
    return;

  paragraph (b, FALSE);
  {
    g_autofree char *phrase = fiscal_change_phrase (b->cur->sangong[FISCAL_SANGONG_ITEM_TOTAL],
                                                    b->old->sangong[FISCAL_SANGONG_ITEM_TOTAL], TRUE);
    textf (b, "%d 年财政拨款“三公”经费预算%s，其中：", b->year, phrase);
  }
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      gint64 now = b->cur->sangong[items[i].item];
      gint64 before = b->old->sangong[items[i].item];

      textf (b, "%s%s", i ? "；" : "", items[i].label);
      change (b, now, before, items[i].key, FALSE);
    }
  text (b, "。");
}

/* 十一、上年结转结余 */
static void
write_carryover (Builder *b)
{
  gint64 total = fiscal_summary_carryover (b->cur);

  section (b, "关于%s %d 年上年结转结余预算情况说明", b->dept, b->year);

  if (total == 0)
    {
      g_autofree char *empty = empty_table_clause (b, 11);

      para (b, FALSE, "%s %d 年没有上年结转结余预算安排的支出%s。", b->dept, b->year, empty);
      return;
    }

  {
    gint64 fiscal = 0;
    g_autofree char *amount = NULL;
    g_autofree char *f = NULL;
    g_autofree char *o = NULL;

    fiscal_money_accumulate (&fiscal, b->cur->by_source[FISCAL_SOURCE_CARRYOVER_GENERAL]);
    fiscal_money_accumulate (&fiscal, b->cur->by_source[FISCAL_SOURCE_CARRYOVER_FUND]);
    fiscal_money_accumulate (&fiscal, b->cur->by_source[FISCAL_SOURCE_CARRYOVER_CAPITAL]);
    amount = wan (total);
    f = wan (fiscal);
    o = wan (fiscal_money_sub_clamped (total, fiscal));

    para (b, FALSE, "%s %d 年上年结转结余预算安排的支出 %s，其中：财政拨款结转 %s，非财政拨款结转结余 %s。",
          b->dept, b->year, amount, f, o);
  }
}

static gint64
profile_number (Builder            *b,
                FiscalProfileField  field)
{
  return fiscal_profile_get_number (fiscal_document_get_profile (b->doc), field);
}

/* 十二、其他重要事项 */
static void
write_other (Builder *b)
{
  FiscalProfile *profile = fiscal_document_get_profile (b->doc);
  gint64 goods = profile_number (b, FISCAL_PROFILE_PROCUREMENT_GOODS);
  gint64 works = profile_number (b, FISCAL_PROFILE_PROCUREMENT_WORKS);
  gint64 services = profile_number (b, FISCAL_PROFILE_PROCUREMENT_SERVICES);
  const char *as_of = fiscal_profile_get_text (profile, FISCAL_PROFILE_ASSETS_AS_OF);
  int as_of_year = as_of ? atoi (as_of) : b->year - 1;
  gint64 vehicles_value = 0, vehicles_count = 0;
  guint n_projects = 0;
  gint64 fiscal_projects = 0, other_projects = 0;

  section (b, "其他重要事项的情况说明");

  {
    g_autofree char *amount = wan (b->cur->operating_expenses);

    para (b, TRUE, "（一）机关运行经费情况");
    paragraph (b, FALSE);
    textf (b, "%s %d 年的机关运行经费财政拨款预算 %s", b->dept, b->year, amount);
    change (b, b->cur->operating_expenses, b->old ? b->old->operating_expenses : 0, "operating-expenses", TRUE);
    text (b, "。");
  }

  {
    g_autofree char *sum = wan (fiscal_money_add_clamped (fiscal_money_add_clamped (goods, works), services));
    g_autofree char *g = wan (goods);
    g_autofree char *w = wan (works);
    g_autofree char *s = wan (services);
    g_autofree char *sme = wan (profile_number (b, FISCAL_PROFILE_PROCUREMENT_RESERVED_SME));
    g_autofree char *small = wan (profile_number (b, FISCAL_PROFILE_PROCUREMENT_RESERVED_SMALL));

    para (b, TRUE, "（二）政府采购情况");
    para (b, FALSE, "%d 年，%s政府采购预算 %s，其中：政府采购货物预算 %s，政府采购工程预算 %s，政府采购服务预算 %s。",
          b->year, b->dept, sum, g, w, s);
    para (b, FALSE, "%d 年，%s面向中小企业预留政府采购项目预算金额 %s，小微企业预留政府采购项目预算金额 %s。",
          b->year, b->dept, sme, small);
  }

  para (b, TRUE, "（三）国有资产占用使用情况");
  para (b, FALSE, "截至 %d 年底，%s占用使用国有资产总体情况为：", as_of_year, b->dept);
  {
    g_autofree char *area = fiscal_money_format_yuan_grouped (profile_number (b, FISCAL_PROFILE_ASSETS_BUILDING_AREA));
    g_autofree char *value = wan (profile_number (b, FISCAL_PROFILE_ASSETS_BUILDING_VALUE));
    g_autoptr(GString) kinds = g_string_new (NULL);
    g_autofree char *furniture = wan (profile_number (b, FISCAL_PROFILE_ASSETS_FURNITURE_VALUE));
    g_autofree char *other = wan (profile_number (b, FISCAL_PROFILE_ASSETS_OTHER_VALUE));

    para (b, FALSE, "1. 房屋 %s 平方米，价值 %s。", area, value);

    for (guint i = 0; i < fiscal_profile_get_n_vehicles (profile); i++)
      {
        const FiscalVehicle *v = fiscal_profile_get_vehicle (profile, i);
        g_autofree char *vv = wan (v->value);

        vehicles_count += v->count;
        fiscal_money_accumulate (&vehicles_value, v->value);
        g_string_append_printf (kinds, "%s%s %" G_GINT64_FORMAT " 辆，价值 %s", i ? "；" : "", v->kind, v->count, vv);
      }
    {
      g_autofree char *total_value = wan (vehicles_value);

      if (kinds->len > 0)
        para (b, FALSE, "2. 车辆 %" G_GINT64_FORMAT " 辆，价值 %s；其中：%s。", vehicles_count, total_value, kinds->str);
      else
        para (b, FALSE, "2. 车辆 0 辆，价值 0.00 万元。");
    }
    para (b, FALSE, "3. 办公家具价值 %s。", furniture);
    para (b, FALSE, "4. 其他资产价值 %s。", other);
    para (b, FALSE, "部门价值 50 万元以上大型设备 %" G_GINT64_FORMAT " 台，部门价值 100 万元以上大型设备 %" G_GINT64_FORMAT " 台。",
          profile_number (b, FISCAL_PROFILE_ASSETS_EQUIPMENT_500K),
          profile_number (b, FISCAL_PROFILE_ASSETS_EQUIPMENT_1M));

    paragraph (b, FALSE);
    if (profile_number (b, FISCAL_PROFILE_ASSETS_PLANNED_VEHICLES) > 0)
      textf (b, "%d 年部门预算安排购置车辆 %" G_GINT64_FORMAT " 辆", b->year,
             profile_number (b, FISCAL_PROFILE_ASSETS_PLANNED_VEHICLES));
    else
      textf (b, "%d 年部门预算未安排购置车辆经费", b->year);
    textf (b, "，安排购置 50 万元以上大型设备 %" G_GINT64_FORMAT " 台，单位价值 100 万元以上大型设备 %" G_GINT64_FORMAT " 台。",
           profile_number (b, FISCAL_PROFILE_ASSETS_PLANNED_EQUIPMENT_500K),
           profile_number (b, FISCAL_PROFILE_ASSETS_PLANNED_EQUIPMENT_1M));
  }

  para (b, TRUE, "（四）预算绩效情况");
  {
    GListModel *projects = fiscal_document_get_projects (b->doc);
    g_autofree char *total = wan (b->cur->total);
    g_autofree char *fiscal = NULL;
    g_autofree char *other = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
      {
        g_autoptr(FiscalProject) project = g_list_model_get_item (projects, i);
        const char *id = fiscal_project_get_id (project);
        gint64 all = fiscal_summary_lookup (b->cur->all_by_project, id);
        gint64 general = fiscal_summary_lookup (b->cur->general_by_project, id);

        if (all == 0)
          continue;
        n_projects++;
        fiscal_money_accumulate (&fiscal_projects, general);
        fiscal_money_accumulate (&other_projects, fiscal_money_sub_clamped (all, general));
      }

    fiscal = wan (fiscal_projects);
    other = wan (other_projects);
    para (b, FALSE, "%d 年，本部门预算绩效管理整体预算绩效目标 1 个，涉及预算金额 %s；当年预算安排项目共 %u 个，其中：财政拨款项目涉及预算金额 %s；非财政拨款项目涉及预算金额 %s。",
          b->year, total, n_projects, fiscal, other);
  }

  para (b, TRUE, "（五）其他需说明的事项");
  paragraph (b, FALSE);
  if (fiscal_document_get_explanation (b->doc, "other") != NULL)
    slot (b, "other", NULL, FALSE);
  else
    text (b, "本部门无其他需说明事项。");
}

/**
 * fiscal_narrative_new:
 * @prior: (nullable): the prior year's budget
 *
 * Writes the 情况说明 of @document.
 *
 * Returns: (transfer full): the narrative
 */
FiscalNarrative *
fiscal_narrative_new (FiscalDocument *document,
                      FiscalDocument *prior)
{
  FiscalNarrative *self = g_new0 (FiscalNarrative, 1);
  Builder b = { 0 };
  gint64 fund_now[FISCAL_N_KINDS], capital_now[FISCAL_N_KINDS];

  g_return_val_if_fail (FISCAL_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (!prior || FISCAL_IS_DOCUMENT (prior), NULL);

  b.doc = document;
  b.prior = prior;
  b.cur = fiscal_summary_new (document);
  b.old = prior ? fiscal_summary_new (prior) : NULL;
  b.year = fiscal_document_get_year (document);
  b.dept = fiscal_document_get_department_name (document) ?: "";
  b.functions = fiscal_catalog_get_for_year (FISCAL_CATALOG_FUNCTION, b.year, NULL);
  b.economics = fiscal_catalog_get_for_year (FISCAL_CATALOG_ECONOMIC, b.year, NULL);
  b.sections = g_ptr_array_new_with_free_func (section_free);

  memcpy (fund_now, b.cur->fund_by_kind, sizeof fund_now);
  memcpy (capital_now, b.cur->capital_by_kind, sizeof capital_now);

  write_overview (&b);
  write_income (&b);
  write_expenditure (&b);
  write_fiscal_overview (&b);
  write_general (&b);
  write_basic (&b);
  write_projects (&b);
  write_budget (&b, "政府性基金预算", 8, fund_now, b.old ? b.old->fund_by_kind : NULL, "fund");
  write_budget (&b, "国有资本经营预算", 9, capital_now, b.old ? b.old->capital_by_kind : NULL, "capital");
  write_sangong (&b);
  write_carryover (&b);
  write_other (&b);

  self->sections = b.sections;
  fiscal_summary_free (b.cur);
  fiscal_summary_free (b.old);
  g_clear_object (&b.functions);
  g_clear_object (&b.economics);

  return self;
}

void
fiscal_narrative_free (FiscalNarrative *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->sections);
  g_free (self);
}

guint
fiscal_narrative_get_n_sections (FiscalNarrative *self)
{
  return self->sections->len;
}

const FiscalNarrativeSection *
fiscal_narrative_get_section (FiscalNarrative *self,
                              guint            position)
{
  g_return_val_if_fail (position < self->sections->len, NULL);
  return g_ptr_array_index (self->sections, position);
}

/**
 * fiscal_narrative_paragraph_text:
 *
 * Returns: (transfer full): the paragraph as it reads, slots filled in and
 *   empty slots left out
 */
char *
fiscal_narrative_paragraph_text (const FiscalNarrativeParagraph *paragraph)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < paragraph->runs->len; i++)
    {
      const FiscalNarrativeRun *run = g_ptr_array_index (paragraph->runs, i);

      if (run->kind == FISCAL_RUN_SLOT && run->text == NULL)
        continue;
      if (run->kind == FISCAL_RUN_SLOT && run->prefix)
        g_string_append (out, run->prefix);
      g_string_append (out, run->text);
    }

  return g_string_free (out, FALSE);
}

/**
 * fiscal_narrative_section_text:
 *
 * Returns: (transfer full): the section's title and paragraphs, one a line
 */
char *
fiscal_narrative_section_text (const FiscalNarrativeSection *section)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%s、%s\n", section->number, section->title);
  for (guint i = 0; i < section->paragraphs->len; i++)
    {
      g_autofree char *text = fiscal_narrative_paragraph_text (g_ptr_array_index (section->paragraphs, i));
      g_string_append_printf (out, "%s\n", text);
    }

  return g_string_free (out, FALSE);
}

/**
 * fiscal_narrative_missing:
 *
 * Returns: (transfer container) (element-type FiscalNarrativeRun): the
 *   slots that need the officer's text and have none
 */
GPtrArray *
fiscal_narrative_missing (FiscalNarrative *self)
{
  GPtrArray *missing = g_ptr_array_new ();

  for (guint s = 0; s < self->sections->len; s++)
    {
      FiscalNarrativeSection *section = g_ptr_array_index (self->sections, s);

      for (guint p = 0; p < section->paragraphs->len; p++)
        {
          FiscalNarrativeParagraph *paragraph = g_ptr_array_index (section->paragraphs, p);

          for (guint r = 0; r < paragraph->runs->len; r++)
            {
              FiscalNarrativeRun *run = g_ptr_array_index (paragraph->runs, r);

              if (run->kind == FISCAL_RUN_SLOT && run->required && run->text == NULL)
                g_ptr_array_add (missing, run);
            }
        }
    }

  return missing;
}

char *
fiscal_narrative_to_text (FiscalNarrative *self)
{
  GString *out = g_string_new (NULL);

  for (guint s = 0; s < self->sections->len; s++)
    {
      g_autofree char *text = fiscal_narrative_section_text (g_ptr_array_index (self->sections, s));

      if (s > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, text);
    }

  return g_string_free (out, FALSE);
}

char *
fiscal_narrative_to_markdown (FiscalNarrative *self)
{
  GString *out = g_string_new (NULL);

  for (guint s = 0; s < self->sections->len; s++)
    {
      FiscalNarrativeSection *section = g_ptr_array_index (self->sections, s);

      g_string_append_printf (out, "%s## %s、%s\n", s ? "\n" : "", section->number, section->title);
      for (guint p = 0; p < section->paragraphs->len; p++)
        {
          FiscalNarrativeParagraph *paragraph = g_ptr_array_index (section->paragraphs, p);

          g_string_append (out, paragraph->heading ? "\n### " : "\n");
          for (guint r = 0; r < paragraph->runs->len; r++)
            {
              FiscalNarrativeRun *run = g_ptr_array_index (paragraph->runs, r);

              if (run->kind == FISCAL_RUN_TEXT)
                g_string_append (out, run->text);
              else if (run->text != NULL)
                g_string_append_printf (out, "%s%s", run->prefix ? run->prefix : "", run->text);
              else if (run->required)
                g_string_append_printf (out, "%s**〔缺：%s〕**", run->prefix ? run->prefix : "", run->key);
            }
          g_string_append_c (out, '\n');
        }
    }

  return g_string_free (out, FALSE);
}

char *
fiscal_narrative_to_json (FiscalNarrative *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) missing = fiscal_narrative_missing (self);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "sections");
  json_builder_begin_array (b);
  for (guint s = 0; s < self->sections->len; s++)
    {
      FiscalNarrativeSection *section = g_ptr_array_index (self->sections, s);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "number");
      json_builder_add_string_value (b, section->number);
      json_builder_set_member_name (b, "title");
      json_builder_add_string_value (b, section->title);
      json_builder_set_member_name (b, "paragraphs");
      json_builder_begin_array (b);
      for (guint p = 0; p < section->paragraphs->len; p++)
        {
          FiscalNarrativeParagraph *paragraph = g_ptr_array_index (section->paragraphs, p);
          g_autofree char *text = fiscal_narrative_paragraph_text (paragraph);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "heading");
          json_builder_add_boolean_value (b, paragraph->heading);
          json_builder_set_member_name (b, "text");
          json_builder_add_string_value (b, text);
          json_builder_set_member_name (b, "runs");
          json_builder_begin_array (b);
          for (guint r = 0; r < paragraph->runs->len; r++)
            {
              FiscalNarrativeRun *run = g_ptr_array_index (paragraph->runs, r);

              json_builder_begin_object (b);
              if (run->kind == FISCAL_RUN_TEXT)
                {
                  json_builder_set_member_name (b, "text");
                  json_builder_add_string_value (b, run->text);
                }
              else
                {
                  json_builder_set_member_name (b, "slot");
                  json_builder_add_string_value (b, run->key);
                  json_builder_set_member_name (b, "prefix");
                  json_builder_add_string_value (b, run->prefix ? run->prefix : "");
                  json_builder_set_member_name (b, "text");
                  if (run->text)
                    json_builder_add_string_value (b, run->text);
                  else
                    json_builder_add_null_value (b);
                  json_builder_set_member_name (b, "required");
                  json_builder_add_boolean_value (b, run->required);
                }
              json_builder_end_object (b);
            }
          json_builder_end_array (b);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "missing");
  json_builder_begin_array (b);
  for (guint i = 0; i < missing->len; i++)
    json_builder_add_string_value (b, ((FiscalNarrativeRun *) missing->pdata[i])->key);
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);

  return json_generator_to_data (generator, NULL);
}
