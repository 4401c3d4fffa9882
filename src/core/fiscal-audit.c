/* fiscal-audit.c
 *
 * The audit of a published disclosure against itself (docs/audit.md lists
 * every rule and its tolerance). Three parts:
 *
 *  - the tables against each other, from data tables of relations: a row's
 *    total against its columns, a parent row against its children, one
 *    table's figure against another's, and each function code's figure in
 *    one table against the same code in another;
 *  - the 情况说明 against the tables: every amount in 万元 is resolved by
 *    its subject to a table figure, every share and change is recomputed
 *    from the figures the sentence prints, and listed parts are summed;
 *  - the performance-target tables against the budget.
 *
 * Published figures are rounded to 0.01 万元 each on its own, so a sum of
 * n shown figures may differ from its shown total by up to (n + 1) × 0.005
 * 万元 without anything being wrong: such a difference is reported as
 * information, a larger one as an error.
 *
 * Sums and differences of figures go through the clamped helpers of
 * fiscal-money.h: a disclosure whose figures add up beyond the ceiling of
 * money gets the ceiling in its messages, never a wrapped figure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-audit"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fiscal-audit.h"
#include "fiscal-framework.h"
#include "fiscal-indicator.h"
#include "fiscal-money.h"
#include "fiscal-pivot.h"
#include "fiscal-targets.h"

/* Half of 0.01 万元, the rounding of one published figure, in fen. */
#define HALF_CENT_WAN G_GINT64_CONSTANT (5000)
/* How far a narrative amount may be from the table figure it names. */
#define NARRATIVE_TOLERANCE G_GINT64_CONSTANT (50000)

typedef struct
{
  const FiscalAuditInput *in;
  GPtrArray              *findings;
  GHashTable             *seen;       /* "rule|where|message" already added */
  GHashTable             *projects;   /* see project_sums() */
} Audit;

static void add (Audit          *a,
                 const char     *rule,
                 FiscalSeverity  severity,
                 guint           line,
                 const char     *format,
                 ...) G_GNUC_PRINTF (5, 6);

static void
add (Audit          *a,
     const char     *rule,
     FiscalSeverity  severity,
     guint           line,
     const char     *format,
     ...)
{
  FiscalFinding *finding;
  va_list args;
  char *key;

  finding = g_new0 (FiscalFinding, 1);
  va_start (args, format);
  finding->message = g_strdup_vprintf (format, args);
  va_end (args);
  finding->rule = g_strdup (rule);
  finding->severity = severity;
  finding->where = line > 0 ? g_strdup_printf ("line %u", line) : g_strdup ("");

  /* Rounding is told once a line, for its first column: the same
   * rounding shows again in the columns beside it. */
  if (severity == FISCAL_SEVERITY_INFO && line > 0)
    key = g_strconcat (finding->rule, "|", finding->where, NULL);
  else
    key = g_strconcat (finding->rule, "|", finding->where, "|", finding->message, NULL);
  if (!g_hash_table_add (a->seen, key))
    {
      fiscal_finding_free (finding);
      return;
    }
  g_ptr_array_add (a->findings, finding);
}

static char *
wan (gint64 fen)
{
  return fiscal_money_format_wan (fen);
}

static gint64
abs64 (gint64 v)
{
  return v < 0 ? fiscal_money_negate (v) : v;
}

/* Tables */

static FiscalTable *
table_of (Audit *a,
          guint  number)
{
  return number >= 1 && number <= FISCAL_N_TABLES ? a->in->tables[number] : NULL;
}

/* A table the relations can read: present, or declared empty (all zero). */
static gboolean
table_known (Audit *a,
             guint  number)
{
  return table_of (a, number) != NULL || a->in->declared_empty[number];
}

static guint
table_line (Audit *a,
            guint  number)
{
  FiscalTable *table = table_of (a, number);
  return table ? fiscal_table_get_source_line (table) : 0;
}

/* The cell of the amount column titled @title, or -1. */
static int
amount_cell (FiscalTable *table,
             const char  *title)
{
  guint n = fiscal_table_get_n_cells (table);

  for (guint i = 0; i < n; i++)
    {
      int column = fiscal_table_cell_to_column (table, i);
      const FiscalTableColumn *c = fiscal_table_get_column (table, column);

      if (c->kind == FISCAL_COLUMN_AMOUNT && g_strcmp0 (c->title, title) == 0)
        return i;
    }
  return -1;
}

static int
label_cell (FiscalTable *table)
{
  guint n = fiscal_table_get_n_cells (table);

  for (guint i = 0; i < n; i++)
    if (fiscal_table_get_column (table, fiscal_table_cell_to_column (table, i))->kind == FISCAL_COLUMN_LABEL)
      return i;
  return -1;
}

static guint
row_line (Audit                *a,
          guint                 number,
          const FiscalTableRow *row)
{
  return row && row->source_line ? row->source_line : table_line (a, number);
}

/* The function code of a row: its code, or in 表1 and 表4, the code that
 * starts its expenditure label ("201 一般公共服务支出"). */
static char *
row_function_code (FiscalTable          *table,
                   const FiscalTableRow *row)
{
  int label;
  const char *text;
  gsize n = 0;

  if (row->code != NULL && row->code[0] != 0)
    return g_strdup (row->code);

  label = label_cell (table);
  if (label < 0 || (text = row->cells[label].text) == NULL)
    return NULL;
  while (g_ascii_isdigit (text[n]))
    n++;
  return n >= 3 ? g_strndup (text, n) : NULL;
}

/* The name of a row of function codes, without the code 表1 and 表4 put
 * before it. */
static const char *
row_function_name (FiscalTable          *table,
                   const FiscalTableRow *row)
{
  int label;
  const char *text;

  if (row->code != NULL && row->code[0] != 0)
    {
      const char *name = row->name;
      const char *space = strchr (name, ' ');

      return g_str_has_prefix (name, row->code) && space ? space + 1 : name;
    }

  label = label_cell (table);
  if (label < 0 || (text = row->cells[label].text) == NULL)
    return NULL;
  text = strchr (text, ' ');
  return text ? text + 1 : NULL;
}

/* A figure named by table, row and column. */
typedef struct
{
  guint       table;
  const char *row;      /* the row's name, or its code when it starts with a digit */
  const char *column;   /* the amount column's title */
} Ref;

typedef struct
{
  gint64 amount;
  guint  line;
  char  *label;         /* “表3 总计 · 基本支出” */
} Figure;

static void
figure_clear (Figure *f)
{
  g_clear_pointer (&f->label, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Figure, figure_clear)

static gboolean
is_code (const char *text)
{
  gsize n = 0;

  while (g_ascii_isdigit (text[n]))
    n++;
  return n > 0 && text[n] == 0;
}

/* A name without the “其中：” a reader may or may not have kept. */
static const char *
bare_name (const char *name)
{
  return g_str_has_prefix (name, "其中：") ? name + strlen ("其中：") : name;
}

static const FiscalTableRow *
find_row (FiscalTable *table,
          const char  *row)
{
  const FiscalTableRow *found;

  if (is_code (row))
    return fiscal_table_find_row (table, row, NULL);
  if ((found = fiscal_table_find_row (table, NULL, row)) != NULL)
    return found;

  for (guint r = 0; r < fiscal_table_get_n_rows (table); r++)
    {
      const FiscalTableRow *candidate = fiscal_table_get_row (table, r);

      if (g_str_equal (bare_name (candidate->name), bare_name (row)))
        return candidate;
    }
  return NULL;
}

/* Reads @ref. A table declared empty reads 0; a code row a table leaves
 * out (tables of codes list only rows with an amount) reads 0. FALSE when
 * the table is not there at all, has no such column, or lacks a named row
 * (the reader did not find it: nothing can be said of it). */
static gboolean
figure_get (Audit     *a,
            const Ref *ref,
            Figure    *out)
{
  FiscalTable *table = table_of (a, ref->table);
  const FiscalTableRow *row;
  int cell;

  out->amount = 0;
  out->line = 0;
  out->label = g_strdup_printf (_("table %u %s · %s"), ref->table, ref->row, ref->column);

  if (table == NULL)
    return a->in->declared_empty[ref->table];

  cell = amount_cell (table, ref->column);
  if (cell < 0)
    return FALSE;

  row = find_row (table, ref->row);
  if (row == NULL && !is_code (ref->row))
    return FALSE;
  out->line = row_line (a, ref->table, row);
  if (row != NULL)
    out->amount = row->cells[cell].amount;
  return TRUE;
}

/* Reports a difference between two sides made of @n_figures published
 * figures: nothing when equal, information when rounding explains it, an
 * error otherwise (or @severity). */
static void
compare (Audit          *a,
         const char     *rule,
         FiscalSeverity  severity,
         guint           line,
         gint64          left,
         gint64          right,
         guint           n_figures,
         const char     *left_label,
         const char     *right_label)
{
  gint64 diff = fiscal_money_sub_clamped (left, right);
  gint64 tolerance = n_figures > 2 ? fiscal_money_mul_clamped (HALF_CENT_WAN, n_figures) : 0;
  g_autofree char *l = wan (left);
  g_autofree char *r = wan (right);
  g_autofree char *d = wan (abs64 (diff));

  /* What the published figures cannot show is no difference. */
  if (diff == 0 || fiscal_money_round_wan (left) == fiscal_money_round_wan (right))
    return;

  if (abs64 (diff) <= tolerance)
    add (a, "audit-rounding", FISCAL_SEVERITY_INFO, line,
         _("%s is %s 万元 and %s is %s 万元: a difference of %s 万元, within the rounding of %u figures"),
         left_label, l, right_label, r, d, n_figures);
  else
    add (a, rule, severity, line,
         _("%s is %s 万元 but %s is %s 万元 (a difference of %s 万元)"),
         left_label, l, right_label, r, d);
}

/* Relations between figures: the first equals the sum of the others. */

#define MAX_PARTS 6

typedef struct
{
  Ref left;
  Ref right[MAX_PARTS];   /* up to MAX_PARTS, ended by table 0 */
} Relation;

static const Relation relations[] = {
  /* 表1: income total = expenditure total, and its items add up. */
  { { 1, "收入总计", "支出预算数" }, { { 1, "收入总计", "收入预算数" } } },
  { { 1, "收入总计", "收入预算数" }, { { 1, "一、本年收入", "收入预算数" }, { 1, "二、上年结转结余", "收入预算数" } } },
  { { 1, "一、本年收入", "收入预算数" },
    { { 1, "1. 一般公共预算拨款", "收入预算数" }, { 1, "2. 政府性基金预算拨款", "收入预算数" },
      { 1, "3. 国有资本经营预算拨款", "收入预算数" }, { 1, "4. 财政专户核拨", "收入预算数" },
      { 1, "5. 单位资金", "收入预算数" } } },
  { { 1, "1. 一般公共预算拨款", "收入预算数" },
    { { 1, "其中：一般财力", "收入预算数" }, { 1, "上级一般公共预算安排转移支付", "收入预算数" } } },
  { { 1, "2. 政府性基金预算拨款", "收入预算数" },
    { { 1, "其中：政府性基金收入", "收入预算数" }, { 1, "上级政府性基金安排转移支付", "收入预算数" } } },
  { { 1, "3. 国有资本经营预算拨款", "收入预算数" },
    { { 1, "其中：国有资本经营收入", "收入预算数" }, { 1, "上级国有资本经营预算安排转移支付", "收入预算数" } } },
  { { 1, "5. 单位资金", "收入预算数" },
    { { 1, "其中：事业收入", "收入预算数" }, { 1, "上级补助收入", "收入预算数" },
      { 1, "附属单位上缴收入", "收入预算数" }, { 1, "事业单位经营收入", "收入预算数" },
      { 1, "其他收入", "收入预算数" } } },
  { { 1, "二、上年结转结余", "收入预算数" },
    { { 1, "1. 财政拨款结转", "收入预算数" }, { 1, "2. 非财政拨款结转结余", "收入预算数" } } },
  { { 1, "1. 财政拨款结转", "收入预算数" },
    { { 1, "其中：一般公共预算拨款", "收入预算数" }, { 1, "政府性基金预算拨款", "收入预算数" },
      { 1, "国有资本经营预算拨款", "收入预算数" } } },
  { { 1, "2. 非财政拨款结转结余", "收入预算数" },
    { { 1, "其中：财政专户核拨", "收入预算数" }, { 1, "单位资金", "收入预算数" } } },

  /* 表2 by source = 表1 income. */
  { { 2, "总计", "总计" }, { { 1, "收入总计", "收入预算数" } } },
  { { 2, "总计", "一般公共预算" }, { { 1, "其中：一般财力", "收入预算数" } } },
  { { 2, "总计", "上级一般公共预算安排的转移支付" }, { { 1, "上级一般公共预算安排转移支付", "收入预算数" } } },
  { { 2, "总计", "政府性基金预算" }, { { 1, "其中：政府性基金收入", "收入预算数" } } },
  { { 2, "总计", "上级政府性基金安排的转移支付" }, { { 1, "上级政府性基金安排转移支付", "收入预算数" } } },
  { { 2, "总计", "国有资本经营预算" }, { { 1, "其中：国有资本经营收入", "收入预算数" } } },
  { { 2, "总计", "上级国有资本经营预算安排的转移支付" }, { { 1, "上级国有资本经营预算安排转移支付", "收入预算数" } } },
  { { 2, "总计", "财政专户（教育收费）" }, { { 1, "4. 财政专户核拨", "收入预算数" } } },
  { { 2, "总计", "单位资金" }, { { 1, "5. 单位资金", "收入预算数" } } },
  { { 2, "总计", "财政拨款结转" }, { { 1, "1. 财政拨款结转", "收入预算数" } } },
  { { 2, "总计", "非财政拨款结转结余" }, { { 1, "2. 非财政拨款结转结余", "收入预算数" } } },

  /* 表3 = 表1 expenditure. */
  { { 3, "总计", "合计" }, { { 1, "收入总计", "支出预算数" } } },

  /* 表4: income = expenditure; its income = 表1's appropriations; each
   * budget's expenditure = its own table. */
  { { 4, "收入总计", "支出合计" }, { { 4, "收入总计", "财政拨款收入合计" } } },
  { { 4, "收入总计", "财政拨款收入合计" }, { { 4, "一、财政拨款（补助）", "财政拨款收入合计" } } },
  { { 4, "一、财政拨款（补助）", "财政拨款收入合计" },
    { { 4, "一般公共预算", "财政拨款收入合计" }, { 4, "政府性基金预算", "财政拨款收入合计" },
      { 4, "国有资本经营预算", "财政拨款收入合计" } } },
  { { 4, "一般公共预算", "财政拨款收入合计" }, { { 1, "1. 一般公共预算拨款", "收入预算数" } } },
  { { 4, "政府性基金预算", "财政拨款收入合计" }, { { 1, "2. 政府性基金预算拨款", "收入预算数" } } },
  { { 4, "国有资本经营预算", "财政拨款收入合计" }, { { 1, "3. 国有资本经营预算拨款", "收入预算数" } } },
  { { 4, "一般公共预算", "财政拨款收入合计" }, { { 4, "收入总计", "一般公共预算" } } },
  { { 4, "政府性基金预算", "财政拨款收入合计" }, { { 4, "收入总计", "政府性基金预算" } } },
  { { 4, "国有资本经营预算", "财政拨款收入合计" }, { { 4, "收入总计", "国有资本经营预算" } } },
  { { 4, "收入总计", "一般公共预算" }, { { 5, "总计", "合计" } } },
  { { 4, "收入总计", "政府性基金预算" }, { { 8, "总计", "合计" } } },
  { { 4, "收入总计", "国有资本经营预算" }, { { 9, "总计", "合计" } } },

  /* 表5 = 表2's general budget columns; 表6 and 表7 = its two parts. */
  { { 5, "总计", "合计" },
    { { 2, "总计", "一般公共预算" }, { 2, "总计", "上级一般公共预算安排的转移支付" } } },
  { { 6, "总计", "合计" }, { { 5, "总计", "基本支出" } } },
  { { 7, "总计", "项目支出合计" }, { { 5, "总计", "项目支出" } } },

  /* 表8 and 表9 = 表2's fund and capital columns. */
  { { 8, "总计", "合计" },
    { { 2, "总计", "政府性基金预算" }, { 2, "总计", "上级政府性基金安排的转移支付" } } },
  { { 9, "总计", "合计" },
    { { 2, "总计", "国有资本经营预算" }, { 2, "总计", "上级国有资本经营预算安排的转移支付" } } },

  /* 表10: 三公 = its three items; vehicles = purchase + operation. */
  { { 10, "合计", "合计" },
    { { 10, "因公出国（境）费", "合计" }, { 10, "公务接待费", "合计" },
      { 10, "公务用车购置及运行费（小计）", "合计" } } },
  { { 10, "合计", "一般公共预算" },
    { { 10, "因公出国（境）费", "一般公共预算" }, { 10, "公务接待费", "一般公共预算" },
      { 10, "公务用车购置及运行费（小计）", "一般公共预算" } } },
  { { 10, "合计", "政府性基金" },
    { { 10, "因公出国（境）费", "政府性基金" }, { 10, "公务接待费", "政府性基金" },
      { 10, "公务用车购置及运行费（小计）", "政府性基金" } } },
  { { 10, "合计", "国有资本经营预算" },
    { { 10, "因公出国（境）费", "国有资本经营预算" }, { 10, "公务接待费", "国有资本经营预算" },
      { 10, "公务用车购置及运行费（小计）", "国有资本经营预算" } } },
  { { 10, "公务用车购置及运行费（小计）", "合计" },
    { { 10, "其中：公务用车购置费", "合计" }, { 10, "公务用车运行费", "合计" } } },
  { { 10, "公务用车购置及运行费（小计）", "一般公共预算" },
    { { 10, "其中：公务用车购置费", "一般公共预算" }, { 10, "公务用车运行费", "一般公共预算" } } },
  { { 10, "公务用车购置及运行费（小计）", "政府性基金" },
    { { 10, "其中：公务用车购置费", "政府性基金" }, { 10, "公务用车运行费", "政府性基金" } } },
  { { 10, "公务用车购置及运行费（小计）", "国有资本经营预算" },
    { { 10, "其中：公务用车购置费", "国有资本经营预算" }, { 10, "公务用车运行费", "国有资本经营预算" } } },

  /* 表11 = 表1's carry-over. */
  { { 11, "合计", "合计" }, { { 1, "二、上年结转结余", "收入预算数" } } },
  { { 11, "合计", "财政拨款小计" }, { { 1, "1. 财政拨款结转", "收入预算数" } } },
  { { 11, "合计", "非财政拨款小计" }, { { 1, "2. 非财政拨款结转结余", "收入预算数" } } },
};

static void
check_relations (Audit *a)
{
  for (guint i = 0; i < G_N_ELEMENTS (relations); i++)
    {
      const Relation *r = &relations[i];
      g_auto(Figure) left = { 0 };
      g_autoptr(GString) label = g_string_new (NULL);
      gint64 sum = 0;
      guint n = 0, line;
      gboolean ok;
      guint empty = 0;

      if (!figure_get (a, &r->left, &left))
        continue;
      if (table_of (a, r->left.table) == NULL)
        empty = r->left.table;

      ok = TRUE;
      for (n = 0; n < MAX_PARTS && r->right[n].table != 0; n++)
        {
          g_auto(Figure) part = { 0 };

          if (!figure_get (a, &r->right[n], &part))
            {
              ok = FALSE;
              break;
            }
          if (table_of (a, r->right[n].table) == NULL)
            empty = r->right[n].table;
          fiscal_money_accumulate (&sum, part.amount);
          g_string_append_printf (label, "%s%s", n ? " + " : "", part.label);
        }
      if (!ok)
        continue;

      line = left.line;
      if (line == 0)
        {
          g_auto(Figure) first = { 0 };
          figure_get (a, &r->right[0], &first);
          line = first.line;
        }

      if (empty != 0 && left.amount != sum)
        {
          g_autofree char *l = wan (left.amount);
          g_autofree char *s = wan (sum);

          add (a, "audit-empty-table", FISCAL_SEVERITY_ERROR, line,
               _("Table %u is declared empty, but %s is %s 万元 and %s is %s 万元"),
               empty, left.label, l, label->str, s);
          continue;
        }

      compare (a, "audit-tables", FISCAL_SEVERITY_ERROR, line, left.amount, sum, n + 1,
               left.label, label->str);
    }
}

/* Within a row: a total column = the sum of other columns. */

typedef struct
{
  guint       table;
  const char *total;
  const char *parts[11];   /* ended by NULL */
} ColumnSum;

static const ColumnSum column_sums[] = {
  { 2, "总计", { "财政拨款（补助）小计", "财政专户（教育收费）", "单位资金", "财政拨款结转", "非财政拨款结转结余" } },
  { 2, "财政拨款（补助）小计", { "一般公共预算", "上级一般公共预算安排的转移支付", "政府性基金预算",
                                "上级政府性基金安排的转移支付", "国有资本经营预算",
                                "上级国有资本经营预算安排的转移支付" } },
  { 3, "合计", { "基本支出", "项目支出" } },
  { 4, "支出合计", { "一般公共预算", "政府性基金预算", "国有资本经营预算" } },
  { 5, "合计", { "基本支出", "项目支出" } },
  { 6, "合计", { "人员经费", "公用经费" } },
  { 7, "项目支出合计", { "工资福利支出", "商品和服务支出", "对个人和家庭的补助", "债务利息及费用支出",
                         "资本性支出（基本建设）", "资本性支出", "对企业补助（基本建设）", "对企业补助",
                         "对社会保障基金补助", "其他支出" } },
  { 8, "合计", { "基本支出·人员经费", "基本支出·公用经费", "项目支出" } },
  { 9, "合计", { "基本支出·人员经费", "基本支出·公用经费", "项目支出" } },
  { 10, "合计", { "一般公共预算", "政府性基金", "国有资本经营预算" } },
  { 11, "合计", { "财政拨款小计", "非财政拨款小计" } },
  { 11, "财政拨款小计", { "财政拨款·基本支出·人员经费", "财政拨款·基本支出·公用经费", "财政拨款·项目支出" } },
  { 11, "非财政拨款小计", { "非财政拨款·基本支出·人员经费", "非财政拨款·基本支出·公用经费", "非财政拨款·项目支出" } },
};

static char *
row_label (FiscalTable          *table,
           const FiscalTableRow *row)
{
  if (row->project != NULL)
    return g_strdup_printf ("%s %s", row->code, row->project);
  if (row->code != NULL && row->code[0] != 0 && !g_str_has_prefix (row->name, row->code))
    return g_strdup_printf ("%s %s", row->code, row->name);
  return g_strdup (row->name);
}

static void
check_column_sums (Audit *a)
{
  for (guint i = 0; i < G_N_ELEMENTS (column_sums); i++)
    {
      const ColumnSum *s = &column_sums[i];
      FiscalTable *table = table_of (a, s->table);
      int total, parts[11];
      guint n = 0;
      gboolean ok = TRUE;

      if (table == NULL || (total = amount_cell (table, s->total)) < 0)
        continue;
      for (n = 0; s->parts[n] != NULL; n++)
        if ((parts[n] = amount_cell (table, s->parts[n])) < 0)
          ok = FALSE;
      if (!ok)
        continue;

      for (guint r = 0; r < fiscal_table_get_n_rows (table); r++)
        {
          const FiscalTableRow *row = fiscal_table_get_row (table, r);
          gint64 sum = 0;
          g_autofree char *name = NULL;
          g_autofree char *left = NULL;
          g_autofree char *right = NULL;

          for (guint p = 0; p < n; p++)
            fiscal_money_accumulate (&sum, row->cells[parts[p]].amount);
          if (sum == row->cells[total].amount)
            continue;

          name = row_label (table, row);
          left = g_strdup_printf (_("table %u %s · %s"), s->table, name, s->total);
          right = g_strdup_printf (_("the sum of its %u columns"), n);
          compare (a, "audit-column-sum", FISCAL_SEVERITY_ERROR, row_line (a, s->table, row),
                   row->cells[total].amount, sum, n + 1, left, right);
        }
    }
}

/* Parent rows against their children, in every table of codes: 类 = Σ 款,
 * 款 = Σ 项 (表7: Σ its project rows), the total = Σ 类 (表7: Σ units, and
 * each unit = Σ 类). */

static const guint hierarchy_tables[] = { 2, 3, 5, 6, 7, 8, 9, 11 };

static void
check_hierarchy (Audit *a)
{
  for (guint t = 0; t < G_N_ELEMENTS (hierarchy_tables); t++)
    {
      guint number = hierarchy_tables[t];
      FiscalTable *table = table_of (a, number);
      guint n_rows, n_cells;

      if (table == NULL)
        continue;
      n_rows = fiscal_table_get_n_rows (table);
      n_cells = fiscal_table_get_n_cells (table);

      for (guint r = 0; r < n_rows; r++)
        {
          const FiscalTableRow *parent = fiscal_table_get_row (table, r);
          guint child_level = parent->level + 1;
          g_autofree gint64 *sums = g_new0 (gint64, n_cells);
          guint n_children = 0;
          guint end;

          /* The rows under @parent: up to the next row of its level or
           * above. A total followed by units sums the units instead. */
          for (end = r + 1; end < n_rows; end++)
            if (fiscal_table_get_row (table, end)->level <= parent->level)
              break;
          if (end == r + 1 && parent->level == 0 && r == 0)
            {
              child_level = 0;
              end = n_rows;
            }

          for (guint c = r + 1; c < end; c++)
            {
              const FiscalTableRow *child = fiscal_table_get_row (table, c);

              if (child->level != child_level)
                continue;
              n_children++;
              for (guint k = 0; k < n_cells; k++)
                fiscal_money_accumulate (&sums[k], child->cells[k].amount);
            }
          if (n_children == 0)
            continue;

          for (guint k = 0; k < n_cells; k++)
            {
              const FiscalTableColumn *column;
              g_autofree char *name = NULL;
              g_autofree char *left = NULL;
              g_autofree char *right = NULL;

              if (parent->cells[k].text != NULL || sums[k] == parent->cells[k].amount)
                continue;

              column = fiscal_table_get_column (table, fiscal_table_cell_to_column (table, k));
              name = row_label (table, parent);
              left = g_strdup_printf (_("table %u %s · %s"), number, name, column->title);
              right = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "its %u row below", "the sum of its %u rows below",
                                                    n_children), n_children);
              compare (a, "audit-hierarchy", FISCAL_SEVERITY_ERROR, row_line (a, number, parent),
                       parent->cells[k].amount, sums[k], n_children + 1, left, right);
            }
        }
    }
}

/* 表1 and 表4: the expenditure total = Σ its 类 rows, column by column. */
static void
check_class_totals (Audit *a)
{
  static const struct { guint table; const char *columns[4]; } specs[] = {
    { 1, { "支出预算数" } },
    { 4, { "支出合计", "一般公共预算", "政府性基金预算", "国有资本经营预算" } },
  };

  for (guint s = 0; s < G_N_ELEMENTS (specs); s++)
    {
      FiscalTable *table = table_of (a, specs[s].table);
      const FiscalTableRow *total;

      if (table == NULL || (total = fiscal_table_find_row (table, NULL, "收入总计")) == NULL)
        continue;

      for (guint c = 0; c < G_N_ELEMENTS (specs[s].columns) && specs[s].columns[c]; c++)
        {
          int cell = amount_cell (table, specs[s].columns[c]);
          gint64 sum = 0;
          guint n = 0;
          g_autofree char *left = NULL;
          g_autofree char *right = NULL;

          if (cell < 0)
            continue;
          for (guint r = 0; r < fiscal_table_get_n_rows (table); r++)
            {
              const FiscalTableRow *row = fiscal_table_get_row (table, r);
              g_autofree char *code = row == total ? NULL : row_function_code (table, row);

              if (code == NULL)
                continue;
              fiscal_money_accumulate (&sum, row->cells[cell].amount);
              if (row->cells[cell].amount != 0)
                n++;
            }

          left = g_strdup_printf (_("table %u 支出总计 · %s"), specs[s].table, specs[s].columns[c]);
          right = g_strdup_printf (_("the sum of its 类 rows"));
          compare (a, "audit-hierarchy", FISCAL_SEVERITY_ERROR, row_line (a, specs[s].table, total),
                   total->cells[cell].amount, sum, n + 1, left, right);
        }
    }
}

/* By function code: one table's columns against another's, code by code. */

typedef struct
{
  guint       left;
  const char *left_columns[3];
  guint       right;
  const char *right_columns[3];
  gboolean    at_most;          /* left ≤ right rather than = */
  gboolean    classes;          /* only 类 codes (one side is 表1 or 表4) */
} ByCode;

static const ByCode by_code[] = {
  { 1, { "支出预算数" }, 3, { "合计" }, FALSE, TRUE },
  { 2, { "总计" }, 3, { "合计" }, FALSE, FALSE },
  { 4, { "一般公共预算" }, 5, { "合计" }, FALSE, TRUE },
  { 4, { "政府性基金预算" }, 8, { "合计" }, FALSE, TRUE },
  { 4, { "国有资本经营预算" }, 9, { "合计" }, FALSE, TRUE },
  { 5, { "合计" }, 2, { "一般公共预算", "上级一般公共预算安排的转移支付" }, FALSE, FALSE },
  { 5, { "基本支出" }, 3, { "基本支出" }, TRUE, FALSE },
  { 5, { "项目支出" }, 3, { "项目支出" }, TRUE, FALSE },
  { 7, { "项目支出合计" }, 5, { "项目支出" }, FALSE, FALSE },
  { 8, { "合计" }, 2, { "政府性基金预算", "上级政府性基金安排的转移支付" }, FALSE, FALSE },
  { 9, { "合计" }, 2, { "国有资本经营预算", "上级国有资本经营预算安排的转移支付" }, FALSE, FALSE },
};

typedef struct
{
  gint64 amount;
  guint  n_figures;
  guint  line;
  char  *name;
} CodeSum;

static void
code_sum_free (gpointer data)
{
  CodeSum *s = data;

  g_free (s->name);
  g_free (s);
}

/* 表7's project name → CodeSum of its rows' 项目支出合计 (a project may
 * have rows under several codes or units); NULL without 表7. */
static GHashTable *
project_sums (Audit *a)
{
  FiscalTable *table = table_of (a, 7);
  int cell;

  if (a->projects != NULL || !table_known (a, 7))
    return a->projects;

  a->projects = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, code_sum_free);
  if (table == NULL || (cell = amount_cell (table, "项目支出合计")) < 0)
    return a->projects;

  for (guint r = 0; r < fiscal_table_get_n_rows (table); r++)
    {
      const FiscalTableRow *row = fiscal_table_get_row (table, r);
      CodeSum *sum;

      if (row->project == NULL)
        continue;
      if ((sum = g_hash_table_lookup (a->projects, row->project)) == NULL)
        {
          sum = g_new0 (CodeSum, 1);
          sum->line = row_line (a, 7, row);
          g_hash_table_insert (a->projects, row->project, sum);
        }
      fiscal_money_accumulate (&sum->amount, row->cells[cell].amount);
      sum->n_figures++;
    }

  return a->projects;
}

/* Code → CodeSum of @columns over the rows with that code; NULL when the
 * table is unknown or lacks a column. A declared-empty table gives an
 * empty map. */
static GHashTable *
sums_by_code (Audit              *a,
              guint               number,
              const char * const *columns,
              gboolean            classes)
{
  FiscalTable *table = table_of (a, number);
  GHashTable *map;
  int cells[3];
  guint n = 0;

  if (!table_known (a, number))
    return NULL;
  map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, code_sum_free);
  if (table == NULL)
    return map;

  for (n = 0; n < 3 && columns[n] != NULL; n++)
    if ((cells[n] = amount_cell (table, columns[n])) < 0)
      {
        g_hash_table_unref (map);
        return NULL;
      }

  for (guint r = 0; r < fiscal_table_get_n_rows (table); r++)
    {
      const FiscalTableRow *row = fiscal_table_get_row (table, r);
      g_autofree char *code = row_function_code (table, row);
      CodeSum *sum;

      if (code == NULL || (classes && strlen (code) != 3))
        continue;
      if (row->cells[cells[0]].text != NULL)
        continue;

      sum = g_hash_table_lookup (map, code);
      if (sum == NULL)
        {
          sum = g_new0 (CodeSum, 1);
          sum->line = row_line (a, number, row);
          sum->name = g_strdup (row_function_name (table, row));
          g_hash_table_insert (map, g_strdup (code), sum);
        }
      for (guint c = 0; c < n; c++)
        fiscal_money_accumulate (&sum->amount, row->cells[cells[c]].amount);
      sum->n_figures += n;
    }

  return map;
}

static char *
columns_label (const char * const *columns)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < 3 && columns[i] != NULL; i++)
    g_string_append_printf (out, "%s%s", i ? " + " : "", columns[i]);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
check_by_code (Audit *a)
{
  for (guint i = 0; i < G_N_ELEMENTS (by_code); i++)
    {
      const ByCode *b = &by_code[i];
      g_autoptr(GHashTable) left = sums_by_code (a, b->left, b->left_columns, b->classes);
      g_autoptr(GHashTable) right = sums_by_code (a, b->right, b->right_columns, b->classes);
      g_autoptr(GHashTable) codes = NULL;
      g_autoptr(GPtrArray) sorted = NULL;
      g_autofree char *left_columns = NULL;
      g_autofree char *right_columns = NULL;
      GHashTableIter iter;
      gpointer key;

      if (left == NULL || right == NULL)
        continue;

      codes = g_hash_table_new (g_str_hash, g_str_equal);
      g_hash_table_iter_init (&iter, left);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_hash_table_add (codes, key);
      g_hash_table_iter_init (&iter, right);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (!b->classes || strlen (key) == 3)
          g_hash_table_add (codes, key);

      sorted = g_ptr_array_new ();
      g_hash_table_iter_init (&iter, codes);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_ptr_array_add (sorted, key);
      g_ptr_array_sort (sorted, compare_strings);

      left_columns = columns_label (b->left_columns);
      right_columns = columns_label (b->right_columns);

      for (guint c = 0; c < sorted->len; c++)
        {
          const char *code = g_ptr_array_index (sorted, c);
          const CodeSum *l = g_hash_table_lookup (left, code);
          const CodeSum *r = g_hash_table_lookup (right, code);
          gint64 lv = l ? l->amount : 0, rv = r ? r->amount : 0;
          const char *name = l && l->name ? l->name : (r && r->name ? r->name : "");
          guint line = l && l->line ? l->line : (r ? r->line : 0);
          guint n_figures = MAX (1, l ? l->n_figures : 1) + MAX (1, r ? r->n_figures : 1);
          g_autofree char *left_label = NULL;
          g_autofree char *right_label = NULL;
          guint empty = table_of (a, b->left) == NULL ? b->left : table_of (a, b->right) == NULL ? b->right : 0;

          if (lv == rv || (b->at_most && lv <= rv))
            continue;

          left_label = g_strdup_printf (_("table %u %s %s · %s"), b->left, code, name, left_columns);
          right_label = g_strdup_printf (_("table %u %s · %s"), b->right, code, right_columns);

          if (empty != 0)
            {
              g_autofree char *lt = wan (lv);
              g_autofree char *rt = wan (rv);

              add (a, "audit-empty-table", FISCAL_SEVERITY_ERROR, line,
                   _("Table %u is declared empty, but %s is %s 万元 and %s is %s 万元"),
                   empty, left_label, lt, right_label, rt);
              continue;
            }

          if (b->at_most)
            {
              g_autofree char *lt = wan (lv);
              g_autofree char *rt = wan (rv);

              if (fiscal_money_sub_clamped (lv, rv) <= fiscal_money_mul_clamped (HALF_CENT_WAN, n_figures))
                add (a, "audit-rounding", FISCAL_SEVERITY_INFO, line,
                     _("%s is %s 万元, over %s %s 万元 by no more than rounding"),
                     left_label, lt, right_label, rt);
              else
                add (a, "audit-by-function", FISCAL_SEVERITY_ERROR, line,
                     _("%s is %s 万元, more than %s %s 万元, of which it is a part"),
                     left_label, lt, right_label, rt);
              continue;
            }

          compare (a, "audit-by-function", FISCAL_SEVERITY_ERROR, line, lv, rv, n_figures,
                   left_label, right_label);
        }
    }
}

/* Every table of the format is there, or declared empty. */
static void
check_presence (Audit *a)
{
  gboolean any = FALSE;

  for (guint n = 1; n <= FISCAL_N_TABLES; n++)
    any |= table_known (a, n);
  if (!any)
    return;

  for (guint n = 1; n <= FISCAL_N_TABLES; n++)
    if (!table_known (a, n) && !a->in->not_printed[n])
      add (a, "audit-missing-table", FISCAL_SEVERITY_WARNING, 0,
           _("Table %u %s is neither published nor declared empty"), n, fiscal_pivot_table_title (n));
}

/* The narrative */

typedef enum
{
  TOKEN_AMOUNT,
  TOKEN_PERCENT,
} TokenKind;

typedef struct
{
  TokenKind kind;
  gsize     start;       /* byte offsets of the number in the line */
  gsize     end;         /* after its unit */
  gint64    value;       /* fen, or 0.0001 % */
  gint64    half;        /* half a unit of its last printed digit, same unit */
  char     *text;        /* as printed, without separators */
  int       direction;   /* +1 after 增加/增长, -1 after 减少/下降, 0 */
  gboolean  prior;       /* the year before's figure */
  gboolean  share;       /* a percentage after 占 */
  gboolean  skip;        /* a threshold (“50 万元以上”) */
} Token;

static void
token_clear (gpointer data)
{
  Token *t = data;
  g_free (t->text);
}

static gboolean
has_prefix_at (const char *line,
               gsize       pos,
               const char *prefix)
{
  return strncmp (line + pos, prefix, strlen (prefix)) == 0;
}

static gboolean
ends_with_at (const char *line,
              gsize       end,
              const char *suffix)
{
  gsize n = strlen (suffix);
  return end >= n && strncmp (line + end - n, suffix, n) == 0;
}

/* Where the text before @pos ends, spaces left out. */
static gsize
trim_back (const char *line,
           gsize       pos)
{
  while (pos > 0 && (line[pos - 1] == ' ' || line[pos - 1] == '\t'))
    pos--;
  return pos;
}

static const char * const delimiters[] = {
  "，", "。", "；", "：", "、", "！", ",", ";", ":", NULL,
};

/* The start of the clause that ends at @end: after the last delimiter. */
static gsize
clause_start (const char *line,
              gsize       end,
              gsize      *delimiter)
{
  for (gsize p = end; p > 0; p--)
    for (guint d = 0; delimiters[d] != NULL; d++)
      if (ends_with_at (line, p, delimiters[d]))
        {
          if (delimiter)
            *delimiter = p - strlen (delimiters[d]);
          return p;
        }
  if (delimiter)
    *delimiter = 0;
  return 0;
}

/* The clause before the figure at @pos: its subject. An empty clause
 * (“预算安排规模：60.00 万元”) gives the one before it. */
static char *
subject_before (const char *line,
                gsize       pos)
{
  gsize delimiter;
  gsize end = trim_back (line, pos);
  gsize start = clause_start (line, end, &delimiter);

  if (start == end && delimiter > 0)
    {
      end = trim_back (line, delimiter);
      start = clause_start (line, end, NULL);
    }
  return g_strndup (line + start, end - start);
}

/* The sentence up to @pos: from after the last “。”. */
static char *
sentence_before (const char *line,
                 gsize       pos)
{
  gsize start = 0;

  for (gsize p = pos; p > 0; p--)
    if (ends_with_at (line, p, "。"))
      {
        start = p;
        break;
      }
  return g_strndup (line + start, pos - start);
}

static gint64
power_of_ten (guint n)
{
  gint64 v = 1;

  while (n-- > 0)
    v *= 10;
  return v;
}

/* The amounts in 万元 and the percentages of @line, with what stands
 * before them. */
static GArray *
tokenize (const char *line)
{
  GArray *tokens = g_array_new (FALSE, TRUE, sizeof (Token));
  gsize len = strlen (line);

  g_array_set_clear_func (tokens, token_clear);

  for (gsize p = 0; p < len; p++)
    {
      g_autoptr(GString) number = NULL;
      Token t = { 0 };
      gsize q = p, after;
      guint decimals = 0;
      gboolean point = FALSE;

      if (!g_ascii_isdigit (line[p]) || (p > 0 && (g_ascii_isdigit (line[p - 1]) || line[p - 1] == '.')))
        continue;

      number = g_string_new (NULL);
      while (q < len)
        {
          if (g_ascii_isdigit (line[q]))
            {
              g_string_append_c (number, line[q]);
              decimals += point;
            }
          else if (line[q] == ',' && !point && q + 3 < len && g_ascii_isdigit (line[q + 1]) &&
                   g_ascii_isdigit (line[q + 2]) && g_ascii_isdigit (line[q + 3]) &&
                   (q + 4 >= len || !g_ascii_isdigit (line[q + 4])))
            ;
          else if (line[q] == '.' && !point && q + 1 < len && g_ascii_isdigit (line[q + 1]))
            {
              point = TRUE;
              g_string_append_c (number, '.');
            }
          else
            break;
          q++;
        }

      after = q;
      while (after < len && line[after] == ' ')
        after++;

      if (has_prefix_at (line, after, "万元") && decimals <= 6)
        {
          t.kind = TOKEN_AMOUNT;
          if (!fiscal_money_parse_wan (number->str, &t.value, NULL))
            {
              p = q;
              continue;
            }
          t.half = decimals >= 6 ? 0 : 5 * power_of_ten (5 - decimals);
          t.end = after + strlen ("万元");
          t.skip = has_prefix_at (line, t.end, "以上") || has_prefix_at (line, t.end, "以下");
        }
      else if ((has_prefix_at (line, after, "%") || has_prefix_at (line, after, "％")) && decimals <= 4)
        {
          gint64 micro;

          if (!fiscal_decimal_parse (number->str, &micro))
            {
              p = q;
              continue;
            }
          t.kind = TOKEN_PERCENT;
          t.value = micro / 100;
          t.half = decimals == 4 ? 0 : 5 * power_of_ten (3 - decimals);
          t.end = after + (line[after] == '%' ? 1 : strlen ("％"));
        }
      else
        {
          p = q;
          continue;
        }

      t.start = p;
      t.text = g_strdup (number->str);
      {
        gsize before = trim_back (line, p);

        if (ends_with_at (line, before, "增加") || ends_with_at (line, before, "增长"))
          t.direction = 1;
        else if (ends_with_at (line, before, "减少") || ends_with_at (line, before, "下降"))
          t.direction = -1;
        t.share = t.kind == TOKEN_PERCENT && ends_with_at (line, before, "占");
        if (t.kind == TOKEN_AMOUNT && t.direction == 0)
          {
            g_autofree char *subject = subject_before (line, p);
            t.prior = strstr (subject, "上年") != NULL && strstr (subject, "上年结转") == NULL;
          }
      }
      g_array_append_val (tokens, t);
      p = t.end - 1;
    }

  return tokens;
}

/* What a figure's subject names. */

typedef enum
{
  SUBJECT_FIGURE,       /* the figures in plus[] less minus */
  SUBJECT_CLASS,        /* a 类 by name, in plus[0].table and .column */
  SUBJECT_ITEM,         /* a 类（类）款（款）项（项） path, same */
  SUBJECT_PROJECT,      /* the current project in 表7 */
  SUBJECT_OUTSIDE,      /* not in the tables (procurement, assets) */
} SubjectKind;

#define S(n) (1u << (n))
#define ANY_SECTION 0

typedef struct
{
  const char     *alias;       /* what the subject contains */
  guint           sections;    /* the sections it applies in, 0 for all */
  SubjectKind     kind;
  FiscalSeverity  severity;    /* of a mismatch */
  Ref             plus[2];
  Ref             minus;
} Subject;

static const Subject subjects[] = {
  /* 一 */
  { "收支总预算", S (1), SUBJECT_FIGURE, FISCAL_SEVERITY_ERROR, { { 1, "收入总计", "收入预算数" } } },
  /* 二 */
  { "收入预算", S (2), SUBJECT_FIGURE, FISCAL_SEVERITY_ERROR, { { 1, "收入总计", "收入预算数" } } },
  /* The narrative gives each source apart from its transfers. */
  { "一般公共预算", S (2), SUBJECT_FIGURE, FISCAL_SEVERITY_ERROR, { { 1, "其中：一般财力", "收入预算数" } } },
  { "上级一般公共预算安排的转移支付", S (2), SUBJECT_FIGURE, FISCAL_SEVERITY_ERROR,
    { { 1, "上级一般公共预算安排转移支付", "收入预算数" } } },
  { "政府性基金预算", S (2), SUBJECT_FIGURE, FISCAL_SEVERITY_ERROR, { { 1, "其中：政府性基金收入", "收入预算数" } } },
  { "上级政府性基金安排的转移支付", S (2), SUBJECT_FIGURE, FISCAL_SEVERITY_ERROR,
    { { 1, "上级政府性基金安排转移支付", "收入预算数" } } },
  { "国有资本经营预算", S (2), SUBJECT_FIGURE, FISCAL_SEVERITY_ERROR, { { 1, "其中：国有资本经营收入", "收入预算数" } } },
  { "上级国有资本经营预算安排的转移支付", S (2), SUBJECT_FIGURE, FISCAL_SEVERITY_ERROR,
    { { 1, "上级国有资本经营预算安排转移支付", "收入预算数" } } },
  { "财政专户管理资金", S (2), SUBJECT_FIGURE, FISCAL_SEVERITY_ERROR, { { 1, "4. 财政专户核拨", "收入预算数" } } },
  { "单位资金", S (2), SUBJECT_FIGURE, FISCAL_SEVERITY_ERROR, { { 1, "5. 单位资金", "收入预算数" } } },
  { "上年结转结余", S (2), SUBJECT_FIGURE, FISCAL_SEVERITY_ERROR, { { 1, "二、上年结转结余", "收入预算数" } } },
  /* 三 */
  { "支出预算", S (3), SUBJECT_FIGURE, FISCAL_SEVERITY_ERROR, { { 1, "收入总计", "支出预算数" } } },
  { "基本支出", S (3), SUBJECT_FIGURE, FISCAL_SEVERITY_ERROR, { { 3, "总计", "基本支出" } } },
  { "项目支出", S (3), SUBJECT_FIGURE, FISCAL_SEVERITY_ERROR, { { 3, "总计", "项目支出" } } },
  /* 四 */
  { "财政拨款收支总预算", S (4), SUBJECT_FIGURE, FISCAL_SEVERITY_ERROR, { { 4, "收入总计", "财政拨款收入合计" } } },
  { "一般公共预算拨款", S (4), SUBJECT_FIGURE, FISCAL_SEVERITY_ERROR, { { 4, "一般公共预算", "财政拨款收入合计" } } },
  { "政府性基金预算拨款", S (4), SUBJECT_FIGURE, FISCAL_SEVERITY_ERROR, { { 4, "政府性基金预算", "财政拨款收入合计" } } },
  { "国有资本经营预算拨款", S (4), SUBJECT_FIGURE, FISCAL_SEVERITY_ERROR, { { 4, "国有资本经营预算", "财政拨款收入合计" } } },
  { "", S (4), SUBJECT_CLASS, FISCAL_SEVERITY_ERROR, { { 4, NULL, "一般公共预算" } } },
  /* 五 */
  { "一般公共预算拨款", S (5), SUBJECT_FIGURE, FISCAL_SEVERITY_ERROR, { { 5, "总计", "合计" } } },
  { "基本支出", S (5), SUBJECT_FIGURE, FISCAL_SEVERITY_ERROR, { { 5, "总计", "基本支出" } } },
  { "项目支出", S (5), SUBJECT_FIGURE, FISCAL_SEVERITY_ERROR, { { 5, "总计", "项目支出" } } },
  { "（项）", S (5), SUBJECT_ITEM, FISCAL_SEVERITY_ERROR, { { 5, NULL, "合计" } } },
  { "（类）", S (5), SUBJECT_CLASS, FISCAL_SEVERITY_ERROR, { { 5, NULL, "合计" } } },
  /* 六 */
  { "一般公共预算基本支出", S (6), SUBJECT_FIGURE, FISCAL_SEVERITY_ERROR, { { 6, "总计", "合计" } } },
  { "人员经费", S (6), SUBJECT_FIGURE, FISCAL_SEVERITY_ERROR, { { 6, "总计", "人员经费" } } },
  { "公用经费", S (6), SUBJECT_FIGURE, FISCAL_SEVERITY_ERROR, { { 6, "总计", "公用经费" } } },
  /* 七 */
  { "预算安排规模", S (7), SUBJECT_PROJECT, FISCAL_SEVERITY_ERROR, { { 7, NULL, "项目支出合计" } } },
  /* 八、九 */
  { "安排的支出", S (8), SUBJECT_FIGURE, FISCAL_SEVERITY_ERROR, { { 8, "总计", "合计" } } },
  { "基本支出", S (8), SUBJECT_FIGURE, FISCAL_SEVERITY_ERROR,
    { { 8, "总计", "基本支出·人员经费" }, { 8, "总计", "基本支出·公用经费" } } },
  { "项目支出", S (8), SUBJECT_FIGURE, FISCAL_SEVERITY_ERROR, { { 8, "总计", "项目支出" } } },
  { "安排的支出", S (9), SUBJECT_FIGURE, FISCAL_SEVERITY_ERROR, { { 9, "总计", "合计" } } },
  { "基本支出", S (9), SUBJECT_FIGURE, FISCAL_SEVERITY_ERROR,
    { { 9, "总计", "基本支出·人员经费" }, { 9, "总计", "基本支出·公用经费" } } },
  { "项目支出", S (9), SUBJECT_FIGURE, FISCAL_SEVERITY_ERROR, { { 9, "总计", "项目支出" } } },
  /* 十 */
  { "三公", S (10), SUBJECT_FIGURE, FISCAL_SEVERITY_ERROR, { { 10, "合计", "合计" } } },
  { "因公出国（境）费", S (10), SUBJECT_FIGURE, FISCAL_SEVERITY_ERROR, { { 10, "因公出国（境）费", "合计" } } },
  { "公务接待费", S (10), SUBJECT_FIGURE, FISCAL_SEVERITY_ERROR, { { 10, "公务接待费", "合计" } } },
  { "公务用车购置及运行费", S (10), SUBJECT_FIGURE, FISCAL_SEVERITY_ERROR,
    { { 10, "公务用车购置及运行费（小计）", "合计" } } },
  { "公务用车购置费", S (10), SUBJECT_FIGURE, FISCAL_SEVERITY_ERROR, { { 10, "其中：公务用车购置费", "合计" } } },
  { "公务用车运行费", S (10), SUBJECT_FIGURE, FISCAL_SEVERITY_ERROR, { { 10, "公务用车运行费", "合计" } } },
  /* 十一 */
  { "上年结转结余预算安排的支出", S (11), SUBJECT_FIGURE, FISCAL_SEVERITY_ERROR, { { 11, "合计", "合计" } } },
  { "财政拨款结转", S (11), SUBJECT_FIGURE, FISCAL_SEVERITY_ERROR, { { 11, "合计", "财政拨款小计" } } },
  { "非财政拨款结转结余", S (11), SUBJECT_FIGURE, FISCAL_SEVERITY_ERROR, { { 11, "合计", "非财政拨款小计" } } },
  /* 十二: 机关运行经费 is by default the general budget's 公用经费, but a
   * department may define it otherwise: a difference is a warning. */
  { "运行经费", S (12), SUBJECT_FIGURE, FISCAL_SEVERITY_WARNING, { { 6, "总计", "公用经费" } } },
  { "涉及预算金额", S (12), SUBJECT_FIGURE, FISCAL_SEVERITY_ERROR, { { 1, "收入总计", "收入预算数" } } },
  { "财政拨款项目涉及预算金额", S (12), SUBJECT_FIGURE, FISCAL_SEVERITY_ERROR, { { 5, "总计", "项目支出" } } },
  { "非财政拨款项目涉及预算金额", S (12), SUBJECT_FIGURE, FISCAL_SEVERITY_ERROR,
    { { 3, "总计", "项目支出" } }, { 5, "总计", "项目支出" } },
  { "采购", S (12), SUBJECT_OUTSIDE },
  { "价值", S (12), SUBJECT_OUTSIDE },
  { "资产", S (12), SUBJECT_OUTSIDE },
};

/* The subject that @clause names in @section: the longest alias it
 * contains. A bracketed level (“（项）”) is looked for in all of @head, the
 * sentence up to the figure. */
static const Subject *
find_subject (const char *clause,
              const char *head,
              guint       section)
{
  const Subject *best = NULL;
  gsize best_len = 0;

  for (guint i = 0; i < G_N_ELEMENTS (subjects); i++)
    {
      const Subject *s = &subjects[i];
      gsize len = strlen (s->alias);

      if (s->sections != ANY_SECTION && !(s->sections & S (section)))
        continue;
      if (len == 0 || strstr (g_str_has_prefix (s->alias, "（") ? head : clause, s->alias) == NULL)
        continue;
      if (best == NULL || len > best_len)
        {
          best = s;
          best_len = len;
        }
    }

  /* A bare class name (四: “一般公共服务支出 165.87 万元”). */
  if (best == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (subjects); i++)
      if (subjects[i].kind == SUBJECT_CLASS && subjects[i].alias[0] == 0 &&
          (subjects[i].sections & S (section)))
        return &subjects[i];

  return best;
}

typedef struct
{
  Audit      *a;
  guint       section;        /* 1 … 12, 0 before the first */
  char       *project;        /* 七: the project being described */
  gint64      project_scale;  /* its 预算安排规模, -1 if not given */
  /* The total the last 其中 breaks down, and its parts so far. */
  gboolean    list_open;
  gboolean    list_inline;    /* the parts are on the 其中 line */
  gint64      list_total;
  gint64      list_total_half;
  char       *list_total_text;
  guint       list_line;
  gint64      list_sum;
  gint64      list_half;
  guint       list_n;
  /* The whole the shares refer to. */
  gboolean    whole_known;
  gint64      whole;
  gint64      whole_half;
  /* Every table figure, for amounts whose subject names none. */
  GArray     *all_figures;
  GHashTable *named[12];      /* see named_rows() */
} Narrative;

typedef struct
{
  gint64  amount;
  guint   table;
  guint   row;
  int     cell;
} AnyFigure;

static int
compare_any_figures (gconstpointer a,
                     gconstpointer b)
{
  const AnyFigure *x = a, *y = b;

  if (x->amount != y->amount)
    return x->amount < y->amount ? -1 : 1;
  if (x->table != y->table)
    return x->table < y->table ? -1 : 1;
  if (x->row != y->row)
    return x->row < y->row ? -1 : 1;
  return x->cell - y->cell;
}

static GArray *
collect_figures (Audit *a)
{
  GArray *all = g_array_new (FALSE, FALSE, sizeof (AnyFigure));

  for (guint t = 1; t <= FISCAL_N_TABLES; t++)
    {
      FiscalTable *table = table_of (a, t);

      if (table == NULL)
        continue;
      for (guint r = 0; r < fiscal_table_get_n_rows (table); r++)
        {
          const FiscalTableRow *row = fiscal_table_get_row (table, r);

          for (guint c = 0; c < row->n_cells; c++)
            if (row->cells[c].text == NULL)
              {
                AnyFigure f = { row->cells[c].amount, t, r, c };
                g_array_append_val (all, f);
              }
        }
    }

  g_array_sort (all, compare_any_figures);
  return all;
}

static char *
any_figure_label (Audit           *a,
                  const AnyFigure *f)
{
  FiscalTable *table = table_of (a, f->table);
  const FiscalTableRow *row = fiscal_table_get_row (table, f->row);
  const FiscalTableColumn *column = fiscal_table_get_column (table, fiscal_table_cell_to_column (table, f->cell));
  int label = label_cell (table);
  g_autofree char *name = NULL;
  g_autofree char *amount = wan (f->amount);

  /* 表1 and 表4 have two sides: the right one is named by its label. */
  if (label >= 0 && f->cell > label && row->cells[label].text != NULL)
    name = g_strdup (row->cells[label].text);
  else
    name = row_label (table, row);

  return g_strdup_printf (_("table %u %s · %s %s 万元"), f->table, name, column->title, amount);
}

/* The first figure of @all not below @amount. */
static guint
lower_bound (GArray *all,
             gint64  amount)
{
  guint lo = 0, hi = all->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (all, AnyFigure, mid).amount < amount)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* A figure no subject resolves: any table figure within the tolerance
 * will do; otherwise the nearest amount below it and the nearest above are
 * named, each at its first place (the lowest table, row and column). */
static void
match_anywhere (Narrative   *n,
                const Token *t,
                guint        line)
{
  GArray *all = n->all_figures;
  guint lo = lower_bound (all, fiscal_money_sub_clamped (t->value, NARRATIVE_TOLERANCE));
  const AnyFigure *near[2] = { NULL, NULL };
  g_autoptr(GString) text = g_string_new (NULL);

  if (lo < all->len && g_array_index (all, AnyFigure, lo).amount <= fiscal_money_add_clamped (t->value, NARRATIVE_TOLERANCE))
    return;

  if (lo > 0)
    near[0] = &g_array_index (all, AnyFigure, lower_bound (all, g_array_index (all, AnyFigure, lo - 1).amount));
  if (lo < all->len)
    near[1] = &g_array_index (all, AnyFigure, lo);
  /* The nearer first. */
  if (near[0] && near[1] &&
      fiscal_money_sub_clamped (near[1]->amount, t->value) < fiscal_money_sub_clamped (t->value, near[0]->amount))
    {
      const AnyFigure *swap = near[0];
      near[0] = near[1];
      near[1] = swap;
    }

  for (guint i = 0; i < 2; i++)
    if (near[i] != NULL)
      {
        g_autofree char *label = any_figure_label (n->a, near[i]);
        g_string_append_printf (text, "%s%s", text->len ? "; " : "", label);
      }

  if (text->len == 0)
    add (n->a, "audit-narrative-unmatched", FISCAL_SEVERITY_WARNING, line,
         _("The narrative’s %s 万元 matches no figure of the tables"), t->text);
  else
    add (n->a, "audit-narrative-unmatched", FISCAL_SEVERITY_WARNING, line,
         _("The narrative’s %s 万元 matches no figure of the tables; the nearest are %s"),
         t->text, text->str);
}

/* The rows of a table of function codes by name: “类” for a 类, and
 * “类/款/项” for a 项 (the names of its 类 and 款 before its own), made
 * once per table. The value is the row's index + 1. */
static GHashTable *
named_rows (Narrative *n,
            guint      number)
{
  FiscalTable *table = table_of (n->a, number);
  const char *klass = NULL, *kuan = NULL;
  GHashTable *index;

  if (n->named[number] != NULL)
    return n->named[number];

  index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint r = 0; r < fiscal_table_get_n_rows (table); r++)
    {
      const FiscalTableRow *row = fiscal_table_get_row (table, r);
      g_autofree char *code = row_function_code (table, row);
      const char *name = row_function_name (table, row);
      char *key;

      if (code == NULL || name == NULL)
        continue;
      switch (strlen (code))
        {
        case 3:
          klass = name;
          kuan = NULL;
          key = g_strdup (name);
          break;
        case 5:
          kuan = name;
          continue;
        case 7:
          if (klass == NULL || kuan == NULL)
            continue;
          key = g_strdup_printf ("%s/%s/%s", klass, kuan, name);
          break;
        default:
          continue;
        }
      if (!g_hash_table_contains (index, key))
        g_hash_table_insert (index, key, GUINT_TO_POINTER (r + 1));
      else
        g_free (key);
    }

  n->named[number] = index;
  return index;
}

/* The name between @open's end and @close in @text: “…（类）X（款）”. */
static char *
name_between (const char *text,
              const char *open,
              const char *close)
{
  const char *start = open ? strstr (text, open) : text;
  const char *end;

  if (start == NULL)
    return NULL;
  if (open)
    start += strlen (open);
  end = strstr (start, close);
  if (end == NULL)
    return NULL;
  return g_strstrip (g_strndup (start, end - start));
}

/* Resolves the subject @s of a figure to a table figure. */
static gboolean
resolve (Narrative     *n,
         const Subject *s,
         const char    *line,
         const Token   *t,
         Figure        *out)
{
  Audit *a = n->a;

  out->amount = 0;
  out->line = 0;
  out->label = NULL;

  switch (s->kind)
    {
    case SUBJECT_FIGURE:
      {
        g_autoptr(GString) label = g_string_new (NULL);

        for (guint i = 0; i < G_N_ELEMENTS (s->plus) && s->plus[i].table; i++)
          {
            g_auto(Figure) f = { 0 };

            if (!figure_get (a, &s->plus[i], &f))
              return FALSE;
            fiscal_money_accumulate (&out->amount, f.amount);
            out->line = out->line ? out->line : f.line;
            g_string_append_printf (label, "%s%s", i ? " + " : "", f.label);
          }
        if (s->minus.table)
          {
            g_auto(Figure) f = { 0 };

            if (!figure_get (a, &s->minus, &f))
              return FALSE;
            fiscal_money_accumulate (&out->amount, fiscal_money_negate (f.amount));
            g_string_append_printf (label, " − %s", f.label);
          }
        out->label = g_string_free (g_steal_pointer (&label), FALSE);
        return TRUE;
      }

    case SUBJECT_CLASS:
    case SUBJECT_ITEM:
      {
        FiscalTable *table = table_of (a, s->plus[0].table);
        g_autofree char *before = g_strndup (line, t->start);
        g_autofree char *klass = NULL;
        const FiscalTableRow *row;
        int cell, r;

        if (table == NULL || (cell = amount_cell (table, s->plus[0].column)) < 0)
          return FALSE;

        if (s->kind == SUBJECT_CLASS)
          {
            g_autofree char *clause = subject_before (line, t->start);
            char *mark = strstr (clause, "（类）");

            if (mark)
              *mark = 0;
            klass = g_strdup (g_strstrip (clause));
            r = (int) GPOINTER_TO_UINT (g_hash_table_lookup (named_rows (n, s->plus[0].table), klass)) - 1;
          }
        else
          {
            const char *mark = strstr (before, "（类）");
            const char *path;
            g_autofree char *kuan = NULL;
            g_autofree char *item = NULL;

            if (mark == NULL)
              return FALSE;
            /* The 类's name starts after the list number (“1、”). */
            path = before + clause_start (before, mark - before, NULL);
            klass = name_between (path, NULL, "（类）");
            kuan = name_between (path, "（类）", "（款）");
            item = name_between (path, "（款）", "（项）");
            if (klass == NULL || kuan == NULL || item == NULL)
              return FALSE;

            {
              char *path_name = g_strdup_printf ("%s/%s/%s", klass, kuan, item);
              g_free (klass);
              klass = path_name;
            }
            r = (int) GPOINTER_TO_UINT (g_hash_table_lookup (named_rows (n, s->plus[0].table), klass)) - 1;
          }

        if (r < 0)
          {
            /* A bare clause that names no class is not a class. */
            if (s->alias[0] == 0 || *klass == 0)
              return FALSE;
            out->label = g_strdup_printf (_("table %u %s (no such row)"), s->plus[0].table, klass);
            return TRUE;
          }
        row = fiscal_table_get_row (table, r);
        out->amount = row->cells[cell].amount;
        out->line = row_line (a, s->plus[0].table, row);
        out->label = g_strdup_printf (_("table %u %s · %s"), s->plus[0].table,
                                      row_function_name (table, row), s->plus[0].column);
        return TRUE;
      }

    case SUBJECT_PROJECT:
      {
        GHashTable *projects = project_sums (a);
        const CodeSum *sum;

        if (n->project == NULL || projects == NULL)
          return FALSE;
        if ((sum = g_hash_table_lookup (projects, n->project)) != NULL)
          {
            out->amount = sum->amount;
            out->line = sum->line;
          }
        out->label = sum ? g_strdup_printf (_("table 7 project %s · 项目支出合计"), n->project)
                         : g_strdup_printf (_("table 7 project %s (no such row)"), n->project);
        return TRUE;
      }

    case SUBJECT_OUTSIDE:
    default:
      return FALSE;
    }
}

/* Whether part / whole, both printed to ± their half unit, may round to
 * the printed percentage p ± its half unit (0.0001 % units). */
static gboolean
ratio_possible (gint64 part,
                gint64 part_half,
                gint64 whole,
                gint64 whole_half,
                gint64 p,
                gint64 p_half)
{
  __int128 n_lo = MAX (0, (__int128) part - part_half), n_hi = (__int128) part + part_half;
  __int128 d_lo = (__int128) whole - whole_half, d_hi = (__int128) whole + whole_half;
  __int128 p_lo = (__int128) p - p_half, p_hi = (__int128) p + p_half;

  if (d_lo <= 0)
    return TRUE;
  /* min ratio n_lo / d_hi ≤ p_hi and max ratio n_hi / d_lo ≥ p_lo, with
   * ratios in 0.0001 % (× 1000000). */
  return n_lo * 1000000 <= p_hi * d_hi && n_hi * 1000000 >= p_lo * d_lo;
}

static char *
percent_text (gint64 part,
              gint64 whole)
{
  /* Two decimals, as published. */
  return fiscal_ratio_format_percent (part, whole);
}

static void
close_list (Narrative *n)
{
  if (n->list_open && n->list_n >= 2 &&
      abs64 (fiscal_money_sub_clamped (n->list_sum, n->list_total)) >
      fiscal_money_add_clamped (n->list_half, n->list_total_half))
    {
      g_autofree char *sum = wan (n->list_sum);

      add (n->a, "audit-narrative-parts", FISCAL_SEVERITY_ERROR, n->list_line,
           _("The narrative gives %s 万元 and then %u parts of it that add up to %s 万元"),
           n->list_total_text, n->list_n, sum);
    }
  n->list_open = FALSE;
  g_clear_pointer (&n->list_total_text, g_free);
}

static void
list_add (Narrative   *n,
          const Token *t)
{
  fiscal_money_accumulate (&n->list_sum, t->value);
  fiscal_money_accumulate (&n->list_half, t->half);
  n->list_n++;
}

/* The section a heading line starts: “三、…” → 3; 0 if none. */
static guint
section_number (const char *line)
{
  static const char * const numerals[] = {
    "十二", "十一", "十", "一", "二", "三", "四", "五", "六", "七", "八", "九",
  };
  static const guint values[] = { 12, 11, 10, 1, 2, 3, 4, 5, 6, 7, 8, 9 };

  while (*line == ' ' || *line == '-')
    line++;
  for (guint i = 0; i < G_N_ELEMENTS (numerals); i++)
    if (g_str_has_prefix (line, numerals[i]) && g_str_has_prefix (line + strlen (numerals[i]), "、"))
      return values[i];
  return 0;
}

static gboolean
is_subheading (const char *line)
{
  while (*line == ' ')
    line++;
  return g_str_has_prefix (line, "（") || g_str_has_prefix (line, "(");
}

/* A figure against the table figure its subject names. */
static void
check_figure (Narrative   *n,
              const char  *line,
              const Token *t,
              guint        number)
{
  g_autofree char *clause = subject_before (line, t->start);
  g_autofree char *head = sentence_before (line, t->start);
  const Subject *s = find_subject (clause, head, n->section);
  g_auto(Figure) figure = { 0 };

  if (s != NULL && s->kind == SUBJECT_OUTSIDE)
    return;

  if (s == NULL || !resolve (n, s, line, t, &figure))
    {
      match_anywhere (n, t, number);
      return;
    }

  if (abs64 (fiscal_money_sub_clamped (t->value, figure.amount)) > NARRATIVE_TOLERANCE)
    {
      g_autofree char *shown = wan (figure.amount);
      g_autofree char *subject = g_strstrip (g_strdup (clause));

      add (n->a, "audit-narrative-figure", s->severity, number,
           _("The narrative gives %s as %s 万元, but %s is %s 万元"),
           subject, t->text, figure.label, shown);
    }

  if (s->kind == SUBJECT_PROJECT)
    n->project_scale = t->value;
}

/* The change before a 增长/下降 percentage, and the figure it changes. */
static void
check_change (Narrative *n,
              const char *line,
              GArray     *tokens,
              guint       index,
              guint       number)
{
  const Token *pct = &g_array_index (tokens, Token, index);
  const Token *change = NULL, *current = NULL, *prior = NULL;
  gint64 now, now_half, before, before_half;
  g_autofree char *now_text = NULL;
  const char *word;

  /* Back to the previous change: its figures are not this one's. */
  for (guint i = index; i-- > 0;)
    {
      const Token *t = &g_array_index (tokens, Token, i);

      if (t->kind == TOKEN_PERCENT && t->direction != 0)
        break;
      if (t->kind != TOKEN_AMOUNT || t->skip)
        continue;
      if (t->direction != 0 && change == NULL && current == NULL)
        change = t;
      else if (t->direction == 0 && t->prior && prior == NULL)
        prior = t;
      else if (t->direction == 0 && !t->prior && current == NULL)
        current = t;
    }

  /* “X 万元，其中：a 万元，b 万元，比上年预算增加 …”: the change is X's,
   * not the last part's. One figure after 其中 with its own change is that
   * figure's (“其中：一般公共预算 205.10 万元，占 …，比上年预算减少 …”). */
  if (current != NULL)
    {
      const char *qizhong = g_strstr_len (line, current->start, "其中");
      gsize at = qizhong ? (gsize) (qizhong - line) : 0;
      const Token *total = NULL;
      guint parts = 0;

      for (guint i = 0; qizhong != NULL && i < index; i++)
        {
          const Token *t = &g_array_index (tokens, Token, i);

          if (t->kind != TOKEN_AMOUNT || t->direction != 0 || t->skip || t->prior)
            continue;
          if (t->start < at)
            total = t;
          else if (t->start < pct->start)
            parts++;
        }
      if (total != NULL && parts >= 2)
        current = total;
    }

  if (change != NULL && change->direction != pct->direction)
    {
      add (n->a, "audit-narrative-direction", FISCAL_SEVERITY_ERROR, number,
           _("The narrative says %s %s 万元 but %s %s%%: the two words disagree"),
           change->direction > 0 ? "增加" : "减少", change->text,
           pct->direction > 0 ? "增长" : "下降", pct->text);
      return;
    }

  if (current == NULL)
    {
      /* “三公”经费预算比上年预算增加 …: the figure is named, not given. */
      gsize at = change ? change->start : pct->start;
      g_autofree char *clause = subject_before (line, at);
      static const char * const leads[] = { "增加", "减少", "增长", "下降", "比上年预算", "比上年", "较上年" };
      const Subject *s;
      g_auto(Figure) figure = { 0 };

      for (guint i = 0; i < G_N_ELEMENTS (leads); i++)
        if (g_str_has_suffix (g_strchomp (clause), leads[i]))
          clause[strlen (clause) - strlen (leads[i])] = 0;
      s = find_subject (clause, clause, n->section);
      if (s == NULL || s->kind != SUBJECT_FIGURE || !resolve (n, s, line, pct, &figure))
        return;
      now = figure.amount;
      now_half = 0;
      now_text = wan (now);
    }
  else
    {
      now = current->value;
      now_half = current->half;
      now_text = g_strdup (current->text);
    }

  if (prior != NULL)
    {
      gint64 diff = fiscal_money_sub_clamped (now, prior->value);

      before = prior->value;
      before_half = prior->half;
      if ((diff > now_half + before_half && pct->direction < 0) ||
          (diff < -(now_half + before_half) && pct->direction > 0))
        {
          g_autofree char *d = wan (abs64 (diff));

          add (n->a, "audit-narrative-direction", FISCAL_SEVERITY_ERROR, number,
               _("The narrative says %s from %s 万元 to %s 万元, which is a change of %s%s 万元"),
               pct->direction > 0 ? "增长" : "下降", prior->text, now_text,
               diff > 0 ? "+" : "−", d);
          return;
        }
      /* The halves are each at most half a unit of the last digit printed. */
      if (change != NULL &&
          abs64 (fiscal_money_sub_clamped (abs64 (diff), change->value)) > now_half + before_half + change->half)
        {
          g_autofree char *d = wan (abs64 (diff));

          add (n->a, "audit-narrative-change", FISCAL_SEVERITY_ERROR, number,
               _("The narrative gives a change of %s 万元 from %s 万元 to %s 万元, which is %s 万元"),
               change->text, prior->text, now_text, d);
        }
    }
  else if (change != NULL)
    {
      before = fiscal_money_sub_clamped (now, fiscal_money_mul_clamped (change->value, change->direction));
      before_half = now_half + change->half;
    }
  else
    return;

  {
    /* From the two years' figures where the sentence gives both. */
    gboolean from_change = change != NULL && prior == NULL;
    gint64 diff = from_change ? change->value : abs64 (fiscal_money_sub_clamped (now, before));
    gint64 diff_half = from_change ? change->half : now_half + before_half;

    if (before <= 0)
      return;
    if (!ratio_possible (diff, diff_half, before, before_half, pct->value, pct->half))
      {
        g_autofree char *b = wan (before);
        g_autofree char *c = from_change ? g_strdup (change->text) : wan (diff);
        g_autofree char *expected = percent_text (diff, before);

        word = pct->direction > 0 ? "增长" : "下降";
        add (n->a, "audit-narrative-change", FISCAL_SEVERITY_ERROR, number,
             _("The narrative says %s %s%%, but a change of %s 万元 on last year’s %s 万元 is %s"),
             word, pct->text, c, b, expected);
      }
  }
}

static void
check_share (Narrative   *n,
             GArray      *tokens,
             guint        index,
             guint        number)
{
  const Token *pct = &g_array_index (tokens, Token, index);
  const Token *part = NULL;

  for (guint i = index; i-- > 0;)
    {
      const Token *t = &g_array_index (tokens, Token, i);

      if (t->kind == TOKEN_AMOUNT && t->direction == 0 && !t->skip)
        {
          part = t;
          break;
        }
    }

  if (part == NULL || !n->whole_known)
    return;

  if (!ratio_possible (part->value, part->half, n->whole, n->whole_half, pct->value, pct->half))
    {
      g_autofree char *whole = wan (n->whole);
      g_autofree char *expected = percent_text (part->value, n->whole);

      add (n->a, "audit-narrative-share", FISCAL_SEVERITY_ERROR, number,
           _("The narrative says %s 万元 is %s%% of %s 万元, but it is %s"),
           part->text, pct->text, whole, expected);
    }
}

/* “资金分配情况：… 18 万元；… 8 万元” within a project: the allocations add
 * up to its 预算安排规模. */
static void
check_allocation (Narrative *n,
                  GArray    *tokens,
                  guint      number)
{
  gint64 sum = 0, half = 0;
  guint count = 0;

  for (guint i = 0; i < tokens->len; i++)
    {
      const Token *t = &g_array_index (tokens, Token, i);

      if (t->kind == TOKEN_AMOUNT && !t->skip)
        {
          fiscal_money_accumulate (&sum, t->value);
          fiscal_money_accumulate (&half, t->half);
          count++;
        }
    }

  if (count > 0 && n->project_scale >= 0 &&
      abs64 (fiscal_money_sub_clamped (sum, n->project_scale)) > fiscal_money_add_clamped (half, HALF_CENT_WAN))
    {
      g_autofree char *s = wan (sum);
      g_autofree char *scale = wan (n->project_scale);

      add (n->a, "audit-narrative-parts", FISCAL_SEVERITY_ERROR, number,
           _("The allocations of project %s add up to %s 万元, but its 预算安排规模 is %s 万元"),
           n->project ? n->project : "", s, scale);
    }
}

/* “政府性基金预算未安排。”, “…没有使用政府性基金预算拨款安排的支出，…为空表。”:
 * the tables must have nothing there either. */
static void
check_absent (Narrative  *n,
              const char *line,
              guint       number)
{
  static const struct { guint section; Ref ref; } empty_sections[] = {
    { 7, { 5, "总计", "项目支出" } },
    { 8, { 8, "总计", "合计" } },
    { 9, { 9, "总计", "合计" } },
    { 11, { 11, "合计", "合计" } },
  };
  const char *absent = strstr (line, "未安排");
  g_autofree char *what = NULL;
  g_auto(Figure) figure = { 0 };
  gboolean found = FALSE;

  if (absent != NULL && n->section == 2)
    {
      g_autofree char *clause = subject_before (line, absent - line);
      const Subject *s = find_subject (clause, clause, n->section);

      found = s != NULL && s->kind == SUBJECT_FIGURE && resolve (n, s, line, NULL, &figure);
      what = g_strstrip (g_steal_pointer (&clause));
    }
  else if (strstr (line, "没有") != NULL && (strstr (line, "为空表") != NULL || n->section == 7))
    {
      for (guint i = 0; i < G_N_ELEMENTS (empty_sections); i++)
        if (empty_sections[i].section == n->section)
          found = figure_get (n->a, &empty_sections[i].ref, &figure);
      what = g_strdup (line);
      if (found)
        {
          /* The sentence up to its first comma names what there is none of. */
          char *comma = strstr (what, "，");
          if (comma != NULL)
            *comma = 0;
        }
    }

  if (found && fiscal_money_round_wan (figure.amount) != 0)
    {
      g_autofree char *amount = wan (figure.amount);

      add (n->a, "audit-narrative-absent", FISCAL_SEVERITY_ERROR, number,
           _("The narrative says “%s” has nothing, but %s is %s 万元"), what, figure.label, amount);
    }
}

static void
audit_line (Narrative  *n,
            const char *line,
            guint       number)
{
  g_autoptr(GArray) tokens = NULL;
  guint section = section_number (line);
  const char *qizhong;
  const char *name;
  gsize first_sentence_end;

  if (section != 0)
    {
      close_list (n);
      n->section = section;
      n->whole_known = FALSE;
      g_clear_pointer (&n->project, g_free);
      n->project_scale = -1;
      return;
    }
  if (strchr (line, '\t') != NULL)
    return;   /* a table's row */

  if (is_subheading (line))
    {
      close_list (n);
      if ((name = strstr (line, "项目名称：")) != NULL)
        {
          g_free (n->project);
          n->project = g_strstrip (g_strdup (name + strlen ("项目名称：")));
          n->project_scale = -1;
        }
      return;
    }

  tokens = tokenize (line);
  check_absent (n, line, number);

  if (n->section == 7 && strstr (line, "资金分配情况") != NULL)
    {
      check_allocation (n, tokens, number);
      return;
    }

  qizhong = strstr (line, "其中");
  first_sentence_end = strlen (line);
  if (qizhong != NULL)
    {
      const char *stop = strstr (qizhong, "。");
      first_sentence_end = stop ? (gsize) (stop - line) : strlen (line);
    }

  /* A list that runs over the lines takes each sentence's first figure. */
  if (n->list_open && !n->list_inline && (qizhong == NULL))
    {
      for (guint i = 0; i < tokens->len; i++)
        {
          const Token *t = &g_array_index (tokens, Token, i);

          if (t->kind == TOKEN_AMOUNT && t->direction == 0 && !t->skip && !t->prior)
            {
              list_add (n, t);
              break;
            }
        }
    }

  if (qizhong != NULL)
    {
      gsize at = qizhong - line;
      gsize end = trim_back (line, at);
      const Token *total = NULL;
      gsize clause_from;
      guint inline_parts = 0;

      /* The total is in the clause right before 其中 (“… 318.10 万元，其中”). */
      for (guint d = 0; delimiters[d] != NULL; d++)
        if (ends_with_at (line, end, delimiters[d]))
          {
            end = trim_back (line, end - strlen (delimiters[d]));
            break;
          }
      clause_from = clause_start (line, end, NULL);
      for (guint i = 0; i < tokens->len; i++)
        {
          const Token *t = &g_array_index (tokens, Token, i);

          if (t->kind == TOKEN_AMOUNT && t->direction == 0 && !t->skip && !t->prior &&
              t->start < end && t->start >= clause_from)
            total = t;
        }

      if (total != NULL)
        {
          close_list (n);
          n->list_open = TRUE;
          n->list_total = total->value;
          n->list_total_half = total->half;
          n->list_total_text = g_strdup (total->text);
          n->list_line = number;
          n->list_sum = 0;
          n->list_half = 0;
          n->list_n = 0;
          n->whole_known = TRUE;
          n->whole = total->value;
          n->whole_half = total->half;

          for (guint i = 0; i < tokens->len; i++)
            {
              const Token *t = &g_array_index (tokens, Token, i);

              if (t->kind == TOKEN_AMOUNT && t->direction == 0 && !t->skip && !t->prior &&
                  t->start > at && t->start < first_sentence_end)
                inline_parts++;
            }
          n->list_inline = inline_parts >= 2;
          for (guint i = 0, taken = 0; i < tokens->len; i++)
            {
              const Token *t = &g_array_index (tokens, Token, i);

              if (t->kind == TOKEN_AMOUNT && t->direction == 0 && !t->skip && !t->prior &&
                  t->start > at && t->start < first_sentence_end && (n->list_inline || taken == 0))
                {
                  list_add (n, t);
                  taken++;
                }
            }
          if (n->list_inline)
            close_list (n);
        }
      else if (n->list_open && !n->list_inline)
        {
          /* “… 项目共 1 个，其中：…” breaks down no figure of the list. */
          close_list (n);
        }
    }

  for (guint i = 0; i < tokens->len; i++)
    {
      const Token *t = &g_array_index (tokens, Token, i);

      if (t->kind == TOKEN_AMOUNT)
        {
          if (t->direction == 0 && !t->skip && !t->prior)
            check_figure (n, line, t, number);
        }
      else if (t->share)
        check_share (n, tokens, i, number);
      else if (t->direction != 0)
        check_change (n, line, tokens, i, number);
    }

  /* “持平” beside a change that is not nothing, in the same part of the
   * sentence (parts are set off by “；”, “。” and “其中”). */
  for (const char *flat = strstr (line, "持平"); flat != NULL; flat = strstr (flat + 1, "持平"))
    {
      gsize at = flat - line, from = 0, to = strlen (line);
      static const char * const bounds[] = { "；", "。", "其中", ";" };

      for (guint b = 0; b < G_N_ELEMENTS (bounds); b++)
        {
          const char *before = g_strrstr_len (line, at, bounds[b]);
          const char *after = strstr (flat, bounds[b]);

          if (before != NULL && (gsize) (before - line) + strlen (bounds[b]) > from)
            from = before - line + strlen (bounds[b]);
          if (after != NULL && (gsize) (after - line) < to)
            to = after - line;
        }

      for (guint i = 0; i < tokens->len; i++)
        {
          const Token *t = &g_array_index (tokens, Token, i);

          if (t->kind == TOKEN_AMOUNT && t->direction != 0 && t->value > t->half &&
              t->start >= from && t->start < to)
            add (n->a, "audit-narrative-direction", FISCAL_SEVERITY_ERROR, number,
                 _("The narrative says 持平 beside a change of %s 万元"), t->text);
        }
    }
}

static void
check_narrative (Audit *a)
{
  const FiscalAuditInput *in = a->in;
  Narrative n = { 0 };

  if (in->lines == NULL || in->narrative_first == 0)
    return;

  n.a = a;
  n.project_scale = -1;
  n.all_figures = collect_figures (a);

  for (guint l = in->narrative_first; l <= in->narrative_last && l <= in->n_lines; l++)
    {
      const char *line = in->lines[l - 1];

      if (line == NULL || *line == 0)
        continue;
      audit_line (&n, line, l);
    }
  close_list (&n);

  g_free (n.project);
  g_array_unref (n.all_figures);
  for (guint i = 0; i < G_N_ELEMENTS (n.named); i++)
    g_clear_pointer (&n.named[i], g_hash_table_unref);
}

/* The performance-target tables */

/* The amount after @label in the funds line of a target table's note. */
static gboolean
note_fund (const char *note,
           const char *label,
           gint64     *fen)
{
  const char *funds = strrchr (note, '\n');
  const char *p;
  g_autoptr(GString) number = g_string_new (NULL);

  funds = funds ? funds + 1 : note;
  for (p = strstr (funds, label); p != NULL; p = strstr (p + 1, label))
    {
      const char *q = p + strlen (label);

      while (*q == ' ')
        q++;
      if (!g_ascii_isdigit (*q))
        continue;
      while (g_ascii_isdigit (*q) || *q == '.' || *q == ',')
        {
          if (*q != ',')
            g_string_append_c (number, *q);
          q++;
        }
      return fiscal_money_parse_wan (number->str, fen, NULL);
    }
  return FALSE;
}

static char *
title_project (const char *title)
{
  const char *open = strstr (title, "（");
  const char *close = open ? g_strrstr (open, "）") : NULL;

  if (open == NULL || close == NULL)
    return NULL;
  open += strlen ("（");
  return g_strndup (open, close - open);
}

static void
format_micro (GString *out,
              gint64   micro)
{
  gint64 whole = micro / FISCAL_DECIMAL_ONE;
  gint64 frac = abs64 (micro % FISCAL_DECIMAL_ONE);

  g_string_append_printf (out, "%" G_GINT64_FORMAT, whole);
  if (frac != 0)
    {
      char digits[8];
      int len;

      g_snprintf (digits, sizeof digits, "%06" G_GINT64_FORMAT, frac);
      len = strlen (digits);
      while (len > 0 && digits[len - 1] == '0')
        digits[--len] = 0;
      g_string_append_printf (out, ".%s", digits);
    }
}

static void
check_weights (Audit       *a,
               FiscalTable *table,
               guint        line)
{
  gint64 expected = fiscal_framework_get_weight_total (fiscal_framework_get_default ());
  gint64 sum = 0;
  guint weighted = 0;
  int cell = -1;
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GString) e = g_string_new (NULL);

  for (guint i = 0; i < fiscal_table_get_n_cells (table); i++)
    {
      const char *title = fiscal_table_get_column (table, fiscal_table_cell_to_column (table, i))->title;

      if (g_strcmp0 (title, "分值权重") == 0 || g_strcmp0 (title, "指标分值权重") == 0)
        cell = i;
    }
  if (cell < 0 || expected == 0)
    return;

  for (guint r = 0; r < fiscal_table_get_n_rows (table); r++)
    {
      const FiscalTableRow *row = fiscal_table_get_row (table, r);
      gint64 weight;

      if (row->cells[cell].text != NULL && fiscal_decimal_parse (row->cells[cell].text, &weight))
        {
          /* Weights are decimals, not money: a sum beyond a gint64 stays
           * at its end instead of wrapping. */
          if (__builtin_add_overflow (sum, weight, &sum))
            sum = weight > 0 ? G_MAXINT64 : G_MININT64;
          weighted++;
        }
    }

  if (weighted == 0 || sum == expected)
    return;

  format_micro (s, sum);
  format_micro (e, expected);
  add (a, "audit-targets-weights", FISCAL_SEVERITY_WARNING, line,
       _("The weights of %s add up to %s, not %s"), fiscal_table_get_title (table), s->str, e->str);
}

static void
check_fund (Audit      *a,
            guint       line,
            const char *title,
            const char *what,
            gint64      stated,
            gint64      expected,
            guint       n_figures,
            const char *expected_label)
{
  g_autofree char *left = g_strdup_printf (_("%s’s %s"), title, what);

  compare (a, "audit-targets-funds", FISCAL_SEVERITY_ERROR, line, stated, expected, n_figures,
           left, expected_label);
}

static void
check_targets (Audit *a)
{
  GPtrArray *tables = a->in->target_tables;

  if (tables == NULL)
    return;

  for (guint i = 0; i < tables->len; i++)
    {
      FiscalTable *table = g_ptr_array_index (tables, i);
      const char *title = fiscal_table_get_title (table);
      const char *note = fiscal_table_get_note (table);
      guint line = fiscal_table_get_source_line (table);
      g_autofree char *project = title_project (title);

      check_weights (a, table, line);
      if (note == NULL)
        continue;

      if (project != NULL)
        {
          gint64 total, fiscal, other;

          if (!note_fund (note, fiscal_fund_published_label (FISCAL_FUND_TOTAL), &total) ||
              !note_fund (note, fiscal_fund_published_label (FISCAL_FUND_FISCAL), &fiscal) ||
              !note_fund (note, fiscal_fund_published_label (FISCAL_FUND_OTHER), &other))
            continue;

          check_fund (a, line, title, "年度预算总额", total, fiscal + other, 3,
                      _("its 财政拨款 + 其他资金"));

          if (project_sums (a) != NULL)
            {
              const CodeSum *sum = g_hash_table_lookup (project_sums (a), project);
              g_autofree char *label = g_strdup_printf (_("table 7 project %s · 项目支出合计"), project);

              check_fund (a, line, title, "财政拨款", fiscal, sum ? sum->amount : 0,
                          1 + (sum ? MAX (sum->n_figures, 1) : 1), label);
            }
        }
      else
        {
          gint64 local, upper, other;
          Ref total_ref = { 1, "收入总计", "收入预算数" };
          Ref fiscal_ref = { 4, "收入总计", "财政拨款收入合计" };
          g_auto(Figure) total = { 0 };
          g_auto(Figure) fiscal = { 0 };

          if (!note_fund (note, fiscal_fund_published_label (FISCAL_FUND_LOCAL), &local) ||
              !note_fund (note, fiscal_fund_published_label (FISCAL_FUND_UPPER), &upper) ||
              !note_fund (note, fiscal_fund_published_label (FISCAL_FUND_OTHER), &other))
            continue;

          if (figure_get (a, &total_ref, &total))
            check_fund (a, line, title, "本级安排 + 上级安排 + 其他资金", local + upper + other,
                        total.amount, 4, total.label);
          if (figure_get (a, &fiscal_ref, &fiscal))
            check_fund (a, line, title, "本级安排 + 上级安排", local + upper, fiscal.amount, 3,
                        fiscal.label);
        }
    }
}

/**
 * fiscal_audit_disclosure:
 * @input: the tables, text and target tables read from a disclosure
 *
 * Checks a published disclosure against itself: its tables against each
 * other, its narrative against its tables, and its performance-target
 * tables against the budget.
 *
 * Returns: (transfer full) (element-type FiscalFinding): the findings, in
 *   the order the checks run (tables, narrative, targets)
 */
GPtrArray *
fiscal_audit_disclosure (const FiscalAuditInput *input)
{
  Audit a = { 0 };

  g_return_val_if_fail (input != NULL, NULL);
  for (guint n = 1; n <= FISCAL_N_TABLES; n++)
    g_return_val_if_fail (input->tables[n] == NULL || FISCAL_IS_TABLE (input->tables[n]), NULL);

  a.in = input;
  a.findings = g_ptr_array_new_with_free_func ((GDestroyNotify) fiscal_finding_free);
  a.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  check_presence (&a);
  check_relations (&a);
  check_column_sums (&a);
  check_hierarchy (&a);
  check_class_totals (&a);
  check_by_code (&a);
  check_narrative (&a);
  check_targets (&a);

  g_hash_table_unref (a.seen);
  g_clear_pointer (&a.projects, g_hash_table_unref);
  return a.findings;
}

/**
 * fiscal_audit_to_text:
 * @findings: (element-type FiscalFinding): what fiscal_audit_disclosure() found
 *
 * Returns: (transfer full): one finding a line: place, severity, rule and
 *   message; a line saying so when there is none
 */
char *
fiscal_audit_to_text (GPtrArray *findings)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (findings != NULL, NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      const FiscalFinding *f = g_ptr_array_index (findings, i);

      g_string_append_printf (out, "%s%s%s: %s: %s\n", f->where, *f->where ? ": " : "",
                              fiscal_severity_to_string (f->severity), f->rule, f->message);
    }
  if (findings->len == 0)
    g_string_append_printf (out, "%s\n", _("The disclosure agrees with itself."));

  return g_string_free (out, FALSE);
}
