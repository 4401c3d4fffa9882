/* fiscal-pivot.c
 *
 * Every table is a pivot of the lines (docs/tables.md gives the rules). The
 * lines are first folded into a cube, one cell for each distinct
 * combination of unit, function code, economic code, project, kind and
 * source; each table is then made from the cube, whose size depends on how
 * many codes a budget uses, not on how many lines it has.
 *
 * No figure wraps. The cube's sums are exact (two words, see wide_add()),
 * so that it comes back exact when an edit that took a sum beyond the
 * ceiling of money is undone, and it keeps the exact sum of the magnitudes
 * of all lines. While that is within FISCAL_MONEY_MAX, as in every budget
 * that can be saved, no sum of lines can leave ±FISCAL_MONEY_MAX and the
 * tables add in plain gint64, as fast as ever; otherwise every sum is
 * clamped to the ceiling (see add_to()), and the checks report the budget.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-pivot"

#include "config.h"

#include "fiscal-catalog.h"
#include "fiscal-document-private.h"
#include "fiscal-line.h"
#include "fiscal-money.h"
#include "fiscal-pivot.h"
#include "fiscal-project.h"
#include "fiscal-table.h"
#include "fiscal-unit.h"

/* The codes, kind and source of lines: all that ten of the tables ask
 * for. */
typedef struct
{
  const char *function;
  const char *economic;
  guint8      kind;
  guint8      source;
} CubeKey;

/* The economic 类 that 表 7 gives a column each. */
static const char * const economic_classes[] = {
  "301", "302", "303", "307", "309", "310", "311", "312", "313", "399",
};

#define N_PROJECT_SUMS (1 + G_N_ELEMENTS (economic_classes))

typedef struct
{
  CubeKey     key;
  gint64      amount;           /* with amount_high, exact: see wide_add() */
  gint64      amount_high;
  const char *klass;            /* the 类 of the function code, interned, or NULL */
  int         economic_class;   /* index in economic_classes, or -1 */
} CubeCell;

/* What the general-budget project spending of one unit, function code and
 * project adds up to: the total, then one sum per economic 类 (表 7). */
typedef struct
{
  const char *unit;
  const char *function;
  const char *project;
  gint64      sums[N_PROJECT_SUMS];        /* with sums_high, exact */
  gint64      sums_high[N_PROJECT_SUMS];
} ProjectCell;

/* The cube is kept by the document and follows each edit of a line (see
 * _fiscal_cube_add_line), so the tables after an edit need no pass over the
 * lines. It has two parts: the sums by codes, kind and source (no unit, no
 * project), from which ten of the tables are made, and 表 7's sums by
 * unit, function code and project. A budget has far fewer of those than
 * lines, so a table is made from a few hundred or thousand sums whatever
 * the number of lines. Sums are never removed; one whose lines went
 * elsewhere holds 0. */
struct _FiscalCube
{
  FiscalDocument *document;
  FiscalCatalog  *functions;
  FiscalCatalog  *economics;
  GHashTable     *cells;           /* CubeKey* → CubeCell* (the key is inside) */
  GPtrArray      *list;            /* CubeCell*, owns them */
  GHashTable     *project_cells;   /* ProjectCell* → itself */
  GPtrArray      *project_list;    /* ProjectCell*, owns them */
  FiscalMoneySum  magnitude;       /* the sum of |amount| of all lines, exact */
};

/* The cube's sums are kept exact in two words, @low and @high, the value
 * being @high × 2^64 + @low taken as unsigned: adding an amount and taking
 * it away again always gives back the sum before, whatever happened in
 * between. While the value is within ±FISCAL_MONEY_MAX, @high is only the
 * sign of @low, and @low is the sum: the tables read it as it is. */
static inline void
wide_add (gint64 *low,
          gint64 *high,
          gint64  fen)
{
  guint64 before = (guint64) *low;
  guint64 after = before + (guint64) fen;

  *low = (gint64) after;
  *high += (fen < 0 ? -1 : 0) + (after < before ? 1 : 0);
}

/* The value of a two-word sum as money, clamped to the ceiling. */
static inline gint64
wide_get (gint64 low,
          gint64 high)
{
  if (G_LIKELY (high == (low < 0 ? -1 : 0)))
    return fiscal_money_clamp (low);
  return high < 0 ? -FISCAL_MONEY_MAX : FISCAL_MONEY_MAX;
}

typedef FiscalCube Cube;

static int
economic_class (const char *code)
{
  if (code == NULL || strlen (code) < 3)
    return -1;

  for (guint i = 0; i < G_N_ELEMENTS (economic_classes); i++)
    if (strncmp (code, economic_classes[i], 3) == 0)
      return i;

  return -1;
}

/* What a row of 表 1, 4, 7 or 10 sums, kept on the table for
 * fiscal_pivot_line_in_cell(): these tables are not a code hierarchy, and
 * their rows name units and projects by name, not by id. */
typedef struct
{
  guint32     sources;   /* 表 1, 4: the sources of the income item, or 0 */
  const char *klass;     /* 表 1, 4: the 类 beside it, interned, or NULL */
  const char *unit;      /* 表 7: the unit of the row's block (interned id) */
  const char *project;   /* 表 7: the project of a 项 row (interned id) */
  guint       sangong;   /* 表 10: a bit for each FiscalSangong of the row */
  gboolean    total;     /* the total row */
} RowTrace;

typedef struct
{
  GArray        *rows;        /* RowTrace, one per row */
  FiscalCatalog *economics;   /* 表 10: the 三公 codes */
} TableTrace;

static void
table_trace_free (gpointer data)
{
  TableTrace *trace = data;

  g_array_unref (trace->rows);
  g_clear_object (&trace->economics);
  g_free (trace);
}

static GQuark
table_trace_quark (void)
{
  static GQuark quark;

  if (quark == 0)
    quark = g_quark_from_static_string ("fiscal-pivot-trace");
  return quark;
}

static TableTrace *
get_trace (FiscalTable *table)
{
  return g_object_get_qdata (G_OBJECT (table), table_trace_quark ());
}

/* The trace of the row last added to @table. */
static RowTrace *
trace_last_row (FiscalTable *table)
{
  TableTrace *trace = get_trace (table);
  guint row = fiscal_table_get_n_rows (table) - 1;

  if (trace == NULL)
    {
      trace = g_new0 (TableTrace, 1);
      trace->rows = g_array_new (FALSE, TRUE, sizeof (RowTrace));
      g_object_set_qdata_full (G_OBJECT (table), table_trace_quark (), trace, table_trace_free);
    }
  if (trace->rows->len <= row)
    g_array_set_size (trace->rows, row + 1);

  return &g_array_index (trace->rows, RowTrace, row);
}

static const char * const titles[FISCAL_N_TABLES] = {
  "部门收支总体情况表",
  "部门收入总体情况表",
  "部门支出总体情况表",
  "财政拨款收支预算总体情况表",
  "一般公共预算支出情况表",
  "一般公共预算基本支出情况表",
  "一般公共预算项目支出情况表",
  "政府性基金预算支出情况表",
  "国有资本经营预算支出情况表",
  "财政拨款“三公”经费支出情况表",
  "上年结转结余情况明细表",
};

/* What an empty table says it lacks, or NULL where it is never empty. */
static const char * const empty_phrases[FISCAL_N_TABLES] = {
  NULL, NULL, NULL, NULL,
  "使用一般公共预算拨款安排的支出",
  "使用一般公共预算拨款安排的基本支出",
  "使用一般公共预算拨款安排的项目支出",
  "使用政府性基金预算拨款安排的支出",
  "使用国有资本经营预算拨款安排的支出",
  NULL,
  "上年结转结余预算安排的支出",
};

/**
 * fiscal_pivot_table_title:
 * @number: 1 to 11
 *
 * Returns: the official title of table @number
 */
const char *
fiscal_pivot_table_title (guint number)
{
  g_return_val_if_fail (number >= 1 && number <= FISCAL_N_TABLES, NULL);
  return titles[number - 1];
}

/* Interned strings are aligned pointers: mix all their bits. */
static inline guint
mix (gconstpointer p)
{
  guint64 x = GPOINTER_TO_SIZE (p);

  x ^= x >> 33;
  x *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  x ^= x >> 33;
  return (guint) x;
}

static guint
cube_key_hash (gconstpointer data)
{
  const CubeKey *k = data;

  return (mix (k->function) * 31 + mix (k->economic)) * 31 + (k->kind << 8 | k->source);
}

static gboolean
cube_key_equal (gconstpointer a,
                gconstpointer b)
{
  const CubeKey *x = a;
  const CubeKey *y = b;

  return x->function == y->function && x->economic == y->economic &&
         x->kind == y->kind && x->source == y->source;
}

static guint
project_cell_hash (gconstpointer data)
{
  const ProjectCell *c = data;

  return (mix (c->unit) * 31 + mix (c->function)) * 31 + mix (c->project);
}

static gboolean
project_cell_equal (gconstpointer a,
                    gconstpointer b)
{
  const ProjectCell *x = a, *y = b;

  return x->unit == y->unit && x->function == y->function && x->project == y->project;
}

static gboolean
is_general_source (FiscalSource source)
{
  return source == FISCAL_SOURCE_GENERAL || source == FISCAL_SOURCE_GENERAL_TRANSFER;
}

/* The cell of @key, made (with no amount) when missing. */
static CubeCell *
cube_cell (Cube          *cube,
           const CubeKey *key)
{
  CubeCell *cell = g_hash_table_lookup (cube->cells, key);

  if (cell == NULL)
    {
      cell = g_new0 (CubeCell, 1);
      cell->key = *key;
      if (key->function != NULL && strlen (key->function) >= 3)
        {
          g_autofree char *klass = g_strndup (key->function, 3);
          cell->klass = g_intern_string (klass);
        }
      cell->economic_class = economic_class (key->economic);
      g_hash_table_insert (cube->cells, &cell->key, cell);
      g_ptr_array_add (cube->list, cell);
    }

  return cell;
}

/* 表 7's sums of @unit, @function and @project, made when missing. */
static ProjectCell *
project_cell (Cube       *cube,
              const char *unit,
              const char *function,
              const char *project)
{
  ProjectCell probe = { unit, function, project, { 0 } };
  ProjectCell *cell = g_hash_table_lookup (cube->project_cells, &probe);

  if (cell == NULL)
    {
      cell = g_memdup2 (&probe, sizeof probe);
      g_hash_table_add (cube->project_cells, cell);
      g_ptr_array_add (cube->project_list, cell);
    }

  return cell;
}

/**
 * _fiscal_cube_add_line:
 * @sign: 1 to add the line, -1 to take it away
 *
 * Adds or takes away what @line contributes to the cube.
 */
void
_fiscal_cube_add_line (FiscalCube *cube,
                       FiscalLine *line,
                       int         sign)
{
  CubeKey key = {
    fiscal_line_get_function (line),
    fiscal_line_get_economic (line),
    fiscal_line_get_kind (line),
    fiscal_line_get_source (line),
  };
  CubeCell *cell = cube_cell (cube, &key);
  gint64 amount = fiscal_line_get_amount (line);   /* within ±FISCAL_MONEY_MAX */
  guint64 magnitude = amount < 0 ? -(guint64) amount : (guint64) amount;

  if (sign < 0)
    {
      amount = -amount;
      cube->magnitude -= magnitude;
    }
  else
    cube->magnitude += magnitude;

  wide_add (&cell->amount, &cell->amount_high, amount);

  if (key.kind == FISCAL_KIND_PROJECT && is_general_source (key.source))
    {
      ProjectCell *sums = project_cell (cube, fiscal_line_get_unit (line), key.function,
                                        fiscal_line_get_project (line));

      wide_add (&sums->sums[0], &sums->sums_high[0], amount);
      if (cell->economic_class >= 0)
        wide_add (&sums->sums[1 + cell->economic_class], &sums->sums_high[1 + cell->economic_class], amount);
    }
}

/**
 * _fiscal_cube_new:
 *
 * Folds every line of @document into a new cube.
 */
FiscalCube *
_fiscal_cube_new (FiscalDocument *document)
{
  FiscalCube *cube = g_new0 (FiscalCube, 1);
  GListModel *lines = fiscal_document_get_lines (document);
  guint n = g_list_model_get_n_items (lines);
  int year = fiscal_document_get_year (document);

  cube->document = document;
  cube->functions = fiscal_catalog_get_for_year (FISCAL_CATALOG_FUNCTION, year, NULL);
  cube->economics = fiscal_catalog_get_for_year (FISCAL_CATALOG_ECONOMIC, year, NULL);
  cube->cells = g_hash_table_new (cube_key_hash, cube_key_equal);
  cube->list = g_ptr_array_new_with_free_func (g_free);
  cube->project_cells = g_hash_table_new (project_cell_hash, project_cell_equal);
  cube->project_list = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FiscalLine) line = g_list_model_get_item (lines, i);
      _fiscal_cube_add_line (cube, line, 1);
    }

  return cube;
}

void
_fiscal_cube_free (FiscalCube *cube)
{
  if (cube == NULL)
    return;

  g_clear_object (&cube->functions);
  g_clear_object (&cube->economics);
  g_clear_pointer (&cube->cells, g_hash_table_unref);
  g_clear_pointer (&cube->list, g_ptr_array_unref);
  g_clear_pointer (&cube->project_cells, g_hash_table_unref);
  g_clear_pointer (&cube->project_list, g_ptr_array_unref);
  g_free (cube);
}

static const char *
function_name (Cube       *cube,
               const char *code)
{
  const char *name = cube->functions ? fiscal_catalog_get_name (cube->functions, code) : NULL;
  return name ? name : "";
}

static const char *
economic_name (Cube       *cube,
               const char *code)
{
  const char *name = cube->economics ? fiscal_catalog_get_name (cube->economics, code) : NULL;
  return name ? name : "";
}

static FiscalTable *
table_new (Cube  *cube,
           guint  number)
{
  FiscalTable *table = fiscal_table_new (number, titles[number - 1]);

  fiscal_table_set_department (table, fiscal_document_get_department_name (cube->document));
  return table;
}

static void
set_empty_note (FiscalTable *table,
                Cube        *cube)
{
  guint number = fiscal_table_get_number (table);
  g_autofree char *note = NULL;

  if (empty_phrases[number - 1] == NULL)
    return;

  note = g_strdup_printf ("%s %d 年没有%s，%s为空表。",
                          fiscal_document_get_department_name (cube->document) ?: "",
                          fiscal_document_get_year (cube->document),
                          empty_phrases[number - 1],
                          titles[number - 1]);
  fiscal_table_set_note (table, note);
}

/* Whether the tables' sums must be clamped: only when the lines' magnitudes
 * add up to more than the ceiling. Otherwise every sum of lines, and every
 * running sum on the way, is within ±FISCAL_MONEY_MAX and plain gint64
 * arithmetic is exact. */
static gboolean
cube_saturates (Cube *cube)
{
  return G_UNLIKELY (cube->magnitude > FISCAL_MONEY_MAX);
}

/* A cell's amount as money: exact while the cube does not saturate, the
 * ceiling otherwise. */
static inline gint64
cell_amount (const CubeCell *cell)
{
  return wide_get (cell->amount, cell->amount_high);
}

/* Adds what a cube cell contributes to a row's cells; returns FALSE when
 * the cell does not belong to the table. Each of @cells gets the cell's
 * amount at most once, so nothing here can overflow. */
typedef gboolean (*Accumulate) (gint64         *cells,
                                const CubeCell *cell);

static gboolean
all_zero (const gint64 *cells,
          guint         n)
{
  for (guint i = 0; i < n; i++)
    if (cells[i] != 0)
      return FALSE;
  return TRUE;
}

/* Adds @more into @sums: plainly (the loop vectorises) unless @saturate,
 * when each sum is clamped to the ceiling instead of overflowing. */
static inline void
add_to (gint64       *sums,
        const gint64 *more,
        guint         n,
        gboolean      saturate)
{
  if (G_LIKELY (!saturate))
    {
      for (guint i = 0; i < n; i++)
        sums[i] += more[i];
    }
  else
    {
      for (guint i = 0; i < n; i++)
        fiscal_money_accumulate (&sums[i], more[i]);
    }
}

static guint
code_level (const char *code,
            gboolean    economic)
{
  gsize len = strlen (code);

  if (len <= 3)
    return 1;
  if (len <= 5 || economic)
    return 2;
  return 3;
}

static int
compare_codes (const void *a,
               const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static guint
prefix_length (guint level)
{
  return 1 + 2 * level;
}

/*
 * Builds the rows of a table by code hierarchy: the total, then every 类,
 * 款 and 项 that has an amount, in code order. Sorting the codes as strings
 * puts each parent right before its children.
 */
/* The interned 类, 款 and full code of @code (a function code, or an
 * economic one when @economic), made once per code. */
static GPtrArray *
code_prefixes (GHashTable *cache,
               const char *code,
               gboolean    economic)
{
  GPtrArray *prefixes = g_hash_table_lookup (cache, code);

  if (prefixes == NULL)
    {
      guint depth = code_level (code, economic);

      prefixes = g_ptr_array_new ();
      for (guint level = 1; level <= depth; level++)
        {
          gsize len = level == depth ? strlen (code) : prefix_length (level);
          g_autofree char *prefix = g_strndup (code, len);
          g_ptr_array_add (prefixes, (gpointer) g_intern_string (prefix));
        }
      g_hash_table_insert (cache, (gpointer) code, prefixes);
    }

  return prefixes;
}

static void
add_hierarchy_rows (FiscalTable *table,
                    Cube        *cube,
                    gboolean     economic,
                    Accumulate   accumulate,
                    const char  *total_name,
                    gboolean     code_in_name)
{
  guint n = fiscal_table_get_n_cells (table);
  g_autoptr(GHashTable) rows = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GHashTable) prefixes = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) prefix_cache = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autofree gint64 *total = g_new0 (gint64, n);
  g_autofree gint64 *tmp = g_new0 (gint64, n);
  g_autofree const char **codes = NULL;
  gboolean saturate = cube_saturates (cube);
  gboolean any = FALSE;
  guint n_codes;

  for (guint i = 0; i < cube->list->len; i++)
    {
      const CubeCell *cell = g_ptr_array_index (cube->list, i);
      const char *code = economic ? cell->key.economic : cell->key.function;

      memset (tmp, 0, n * sizeof (gint64));
      if (!accumulate (tmp, cell) || all_zero (tmp, n))
        continue;

      any = TRUE;
      add_to (total, tmp, n, saturate);

      if (code == NULL)
        continue;

      /* The rows a code adds to, worked out once per distinct code. */
      {
        GPtrArray *targets = g_hash_table_lookup (prefixes, code);

        if (targets == NULL)
          {
            GPtrArray *keys = code_prefixes (prefix_cache, code, economic);

            targets = g_ptr_array_new ();
            for (guint k = 0; k < keys->len; k++)
              {
                const char *key = g_ptr_array_index (keys, k);
                gint64 *sums = g_hash_table_lookup (rows, key);

                if (sums == NULL)
                  g_hash_table_insert (rows, (gpointer) key, (sums = g_new0 (gint64, n)));
                g_ptr_array_add (targets, sums);
              }
            g_hash_table_insert (prefixes, (gpointer) code, targets);
          }

        for (guint t = 0; t < targets->len; t++)
          {
            add_to (g_ptr_array_index (targets, t), tmp, n, saturate);
          }
      }
    }

  if (!any)
    {
      set_empty_note (table, cube);
      if (fiscal_table_get_note (table) != NULL)
        return;
    }

  {
    FiscalTableRow *row = fiscal_table_add_row (table, "", total_name, 0);
    for (guint j = 0; j < n; j++)
      fiscal_table_row_set_amount (row, j, total[j]);
  }

  codes = (const char **) g_hash_table_get_keys_as_array (rows, &n_codes);
  qsort (codes, n_codes, sizeof (char *), compare_codes);

  for (guint i = 0; i < n_codes; i++)
    {
      const gint64 *sums = g_hash_table_lookup (rows, codes[i]);
      const char *name = economic ? economic_name (cube, codes[i]) : function_name (cube, codes[i]);
      g_autofree char *label = (code_in_name && *name) ? g_strdup_printf ("%s %s", codes[i], name) : NULL;
      FiscalTableRow *row;

      row = fiscal_table_add_row (table, codes[i], label ? label : (code_in_name ? codes[i] : name),
                                  code_level (codes[i], economic));
      for (guint j = 0; j < n; j++)
        fiscal_table_row_set_amount (row, j, sums[j]);
    }
}

/* Headers shared by the tables whose rows are function codes: a code group
 * over 类/款/项, the name, and the amount columns; @top, when given, is a
 * row above them all ("科目" over the codes and names, @top over the
 * amounts), as 表 3, 5, 8 and 9 have it. Returns the next header row. */
static guint
add_function_columns (FiscalTable *table,
                      const char  *top,
                      const char  *code_title)
{
  guint row = 0;

  fiscal_table_add_column (table, FISCAL_COLUMN_CODE_1, "类");
  fiscal_table_add_column (table, FISCAL_COLUMN_CODE_2, "款");
  fiscal_table_add_column (table, FISCAL_COLUMN_CODE_3, "项");
  fiscal_table_add_column (table, FISCAL_COLUMN_NAME, "功能分类科目名称");

  if (top != NULL)
    {
      fiscal_table_add_header (table, 0, 0, 1, 4, "科目");
      row = 1;
    }

  fiscal_table_add_header (table, row, 0, 1, 3, code_title);
  fiscal_table_add_header (table, row + 1, 0, 1, 1, "类");
  fiscal_table_add_header (table, row + 1, 1, 1, 1, "款");
  fiscal_table_add_header (table, row + 1, 2, 1, 1, "项");

  return row;
}

/* 表 2 部门收入总体情况表: function × every source. */

enum {
  T2_TOTAL, T2_FISCAL, T2_GENERAL, T2_GENERAL_TRANSFER, T2_FUND, T2_FUND_TRANSFER,
  T2_CAPITAL, T2_CAPITAL_TRANSFER, T2_SPECIAL, T2_UNIT, T2_CARRYOVER_FISCAL,
  T2_CARRYOVER_OTHER, T2_N
};

static gboolean
accumulate_income (gint64         *c,
                   const CubeCell *cell)
{
  FiscalSource source = cell->key.source;
  gint64 a = cell_amount (cell);

  c[T2_TOTAL] += a;
  if (source <= FISCAL_SOURCE_CAPITAL_TRANSFER)
    {
      c[T2_FISCAL] += a;
      c[T2_GENERAL + source] += a;
    }
  else if (source == FISCAL_SOURCE_SPECIAL_ACCOUNT)
    c[T2_SPECIAL] += a;
  else if (fiscal_source_is_unit_funds (source))
    c[T2_UNIT] += a;
  else if (fiscal_source_get_budget (source) != FISCAL_BUDGET_NONE)
    c[T2_CARRYOVER_FISCAL] += a;
  else
    c[T2_CARRYOVER_OTHER] += a;

  return TRUE;
}

static FiscalTable *
make_table_2 (Cube *cube)
{
  static const char * const columns[T2_N] = {
    "总计", "财政拨款（补助）小计", "一般公共预算", "上级一般公共预算安排的转移支付",
    "政府性基金预算", "上级政府性基金安排的转移支付", "国有资本经营预算",
    "上级国有资本经营预算安排的转移支付", "财政专户（教育收费）", "单位资金",
    "财政拨款结转", "非财政拨款结转结余",
  };
  FiscalTable *table = table_new (cube, 2);

  add_function_columns (table, NULL, "功能分类科目编码");
  for (guint i = 0; i < T2_N; i++)
    fiscal_table_add_column (table, FISCAL_COLUMN_AMOUNT, columns[i]);

  fiscal_table_add_header (table, 0, 3, 2, 1, "功能分类科目名称");
  fiscal_table_add_header (table, 0, 4, 2, 1, "总计");
  fiscal_table_add_header (table, 0, 5, 1, 7, "财政拨款（补助）");
  fiscal_table_add_header (table, 1, 5, 1, 1, "小计");
  for (guint i = T2_GENERAL; i <= T2_CAPITAL_TRANSFER; i++)
    fiscal_table_add_header (table, 1, 4 + i, 1, 1, columns[i]);
  for (guint i = T2_SPECIAL; i < T2_N; i++)
    fiscal_table_add_header (table, 0, 4 + i, 2, 1, columns[i]);
  fiscal_table_add_numbering (table, 2);

  add_hierarchy_rows (table, cube, FALSE, accumulate_income, "总计", FALSE);
  return table;
}

/* 表 3, 5: function × basic/project. */

static void
accumulate_basic_project (gint64         *c,
                          const CubeCell *cell)
{
  gint64 a = cell_amount (cell);

  c[0] += a;
  c[cell->key.kind == FISCAL_KIND_PROJECT ? 2 : 1] += a;
}

static gboolean
accumulate_all_spending (gint64         *c,
                         const CubeCell *cell)
{
  accumulate_basic_project (c, cell);
  return TRUE;
}

static gboolean
accumulate_general_spending (gint64         *c,
                             const CubeCell *cell)
{
  if (!is_general_source (cell->key.source))
    return FALSE;
  accumulate_basic_project (c, cell);
  return TRUE;
}

static FiscalTable *
make_spending_table (Cube       *cube,
                     guint       number,
                     const char *top,
                     Accumulate  accumulate)
{
  FiscalTable *table = table_new (cube, number);
  guint row = add_function_columns (table, top, "功能分类科目编码");

  fiscal_table_add_column (table, FISCAL_COLUMN_AMOUNT, "合计");
  fiscal_table_add_column (table, FISCAL_COLUMN_AMOUNT, "基本支出");
  fiscal_table_add_column (table, FISCAL_COLUMN_AMOUNT, "项目支出");

  fiscal_table_add_header (table, 0, 4, 1, 3, top);
  fiscal_table_add_header (table, row, 3, 2, 1, "功能分类科目名称");
  fiscal_table_add_header (table, row, 4, 2, 1, "合计");
  fiscal_table_add_header (table, row, 5, 2, 1, "基本支出");
  fiscal_table_add_header (table, row, 6, 2, 1, "项目支出");
  fiscal_table_add_numbering (table, row + 2);

  add_hierarchy_rows (table, cube, FALSE, accumulate, "总计", FALSE);
  return table;
}

/* 表 8, 9: function × personnel/public/project for one budget. */

static void
accumulate_kinds (gint64         *c,
                  const CubeCell *cell)
{
  gint64 a = cell_amount (cell);

  c[0] += a;
  c[1 + cell->key.kind] += a;
}

static gboolean
is_current (const CubeCell *cell,
            FiscalBudget    budget)
{
  return fiscal_source_get_budget (cell->key.source) == budget &&
         !fiscal_source_is_carryover (cell->key.source);
}

static gboolean
accumulate_fund (gint64         *c,
                 const CubeCell *cell)
{
  if (!is_current (cell, FISCAL_BUDGET_FUND))
    return FALSE;
  accumulate_kinds (c, cell);
  return TRUE;
}

static gboolean
accumulate_capital (gint64         *c,
                    const CubeCell *cell)
{
  if (!is_current (cell, FISCAL_BUDGET_CAPITAL))
    return FALSE;
  accumulate_kinds (c, cell);
  return TRUE;
}

static FiscalTable *
make_budget_table (Cube       *cube,
                   guint       number,
                   const char *top,
                   Accumulate  accumulate)
{
  FiscalTable *table = table_new (cube, number);
  guint row = add_function_columns (table, top, "功能分类科目编码");

  fiscal_table_add_column (table, FISCAL_COLUMN_AMOUNT, "合计");
  fiscal_table_add_column (table, FISCAL_COLUMN_AMOUNT, "基本支出·人员经费");
  fiscal_table_add_column (table, FISCAL_COLUMN_AMOUNT, "基本支出·公用经费");
  fiscal_table_add_column (table, FISCAL_COLUMN_AMOUNT, "项目支出");

  fiscal_table_add_header (table, 0, 4, 1, 4, top);
  fiscal_table_add_header (table, row, 3, 2, 1, "功能分类科目名称");
  fiscal_table_add_header (table, row, 4, 2, 1, "合计");
  fiscal_table_add_header (table, row, 5, 1, 2, "基本支出");
  fiscal_table_add_header (table, row + 1, 5, 1, 1, "人员经费");
  fiscal_table_add_header (table, row + 1, 6, 1, 1, "公用经费");
  fiscal_table_add_header (table, row, 7, 2, 1, "项目支出");
  fiscal_table_add_numbering (table, row + 2);

  add_hierarchy_rows (table, cube, FALSE, accumulate, "总计", FALSE);
  return table;
}

/* 表 6 一般公共预算基本支出情况表: economic × personnel/public. */

static gboolean
accumulate_general_basic (gint64         *c,
                          const CubeCell *cell)
{
  if (!is_general_source (cell->key.source) || cell->key.kind == FISCAL_KIND_PROJECT)
    return FALSE;
  c[0] += cell_amount (cell);
  c[1 + cell->key.kind] += cell_amount (cell);
  return TRUE;
}

static FiscalTable *
make_table_6 (Cube *cube)
{
  FiscalTable *table = table_new (cube, 6);

  fiscal_table_add_column (table, FISCAL_COLUMN_CODE_1, "类");
  fiscal_table_add_column (table, FISCAL_COLUMN_CODE_2, "款");
  fiscal_table_add_column (table, FISCAL_COLUMN_NAME, "经济分类科目名称");
  fiscal_table_add_column (table, FISCAL_COLUMN_AMOUNT, "合计");
  fiscal_table_add_column (table, FISCAL_COLUMN_AMOUNT, "人员经费");
  fiscal_table_add_column (table, FISCAL_COLUMN_AMOUNT, "公用经费");

  fiscal_table_add_header (table, 0, 0, 1, 3, "科目");
  fiscal_table_add_header (table, 0, 3, 1, 3, "一般公共预算基本支出");
  fiscal_table_add_header (table, 1, 0, 1, 2, "经济分类科目编码");
  fiscal_table_add_header (table, 1, 2, 2, 1, "经济分类科目名称");
  fiscal_table_add_header (table, 1, 3, 2, 1, "合计");
  fiscal_table_add_header (table, 1, 4, 2, 1, "人员经费");
  fiscal_table_add_header (table, 1, 5, 2, 1, "公用经费");
  fiscal_table_add_header (table, 2, 0, 1, 1, "类");
  fiscal_table_add_header (table, 2, 1, 1, 1, "款");
  fiscal_table_add_numbering (table, 3);

  add_hierarchy_rows (table, cube, TRUE, accumulate_general_basic, "总计", FALSE);
  return table;
}

/* 表 11 上年结转结余情况明细表: function × fiscal/non-fiscal × kind. */

static gboolean
accumulate_carryover (gint64         *c,
                      const CubeCell *cell)
{
  guint base;

  if (!fiscal_source_is_carryover (cell->key.source))
    return FALSE;

  base = fiscal_source_get_budget (cell->key.source) != FISCAL_BUDGET_NONE ? 1 : 5;
  c[0] += cell_amount (cell);
  c[base] += cell_amount (cell);
  c[base + 1 + cell->key.kind] += cell_amount (cell);
  return TRUE;
}

static FiscalTable *
make_table_11 (Cube *cube)
{
  static const char * const columns[] = {
    "合计", "财政拨款小计", "财政拨款·基本支出·人员经费", "财政拨款·基本支出·公用经费",
    "财政拨款·项目支出", "非财政拨款小计", "非财政拨款·基本支出·人员经费",
    "非财政拨款·基本支出·公用经费", "非财政拨款·项目支出",
  };
  FiscalTable *table = table_new (cube, 11);

  fiscal_table_add_column (table, FISCAL_COLUMN_NAME, "项目");
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    fiscal_table_add_column (table, FISCAL_COLUMN_AMOUNT, columns[i]);

  fiscal_table_add_header (table, 0, 0, 3, 1, "项目");
  fiscal_table_add_header (table, 0, 1, 3, 1, "合计");
  for (guint g = 0; g < 2; g++)
    {
      guint col = 2 + 4 * g;

      fiscal_table_add_header (table, 0, col, 1, 4, g == 0 ? "财政拨款" : "非财政拨款");
      fiscal_table_add_header (table, 1, col, 2, 1, "小计");
      fiscal_table_add_header (table, 1, col + 1, 1, 2, "基本支出");
      fiscal_table_add_header (table, 2, col + 1, 1, 1, "人员经费");
      fiscal_table_add_header (table, 2, col + 2, 1, 1, "公用经费");
      fiscal_table_add_header (table, 1, col + 3, 2, 1, "项目支出");
    }
  fiscal_table_add_numbering (table, 3);

  add_hierarchy_rows (table, cube, FALSE, accumulate_carryover, "合计", TRUE);
  return table;
}

/* 表 7 一般公共预算项目支出情况表: per unit, function × project × the
 * economic 类 of the government budget (one column per department 类). */

typedef struct
{
  const char *code;
  guint       project_order;
  const char *project;
  guint       level;
  gint64      sums[N_PROJECT_SUMS];
} Table7Row;

static int
compare_table7_rows (const void *a,
                     const void *b)
{
  const Table7Row *x = *(Table7Row * const *) a;
  const Table7Row *y = *(Table7Row * const *) b;
  int c = strcmp (x->code, y->code);

  if (c != 0)
    return c;
  return (int) x->project_order - (int) y->project_order;
}

typedef struct
{
  const char *unit;    /* the unit's id, interned */
  GPtrArray  *rows;    /* Table7Row, the unit's own row first */
  GHashTable *index;   /* Table7Row (by code and project) → itself */
} Table7Block;

/* Rows are found by their interned code and project. */
static guint
table7_row_hash (gconstpointer data)
{
  const Table7Row *row = data;
  return mix (row->code) * 31 + mix (row->project);
}

static gboolean
table7_row_equal (gconstpointer a,
                  gconstpointer b)
{
  const Table7Row *x = a, *y = b;
  return x->code == y->code && x->project == y->project;
}

static void
table7_block_free (gpointer data)
{
  Table7Block *block = data;

  g_ptr_array_unref (block->rows);
  g_hash_table_unref (block->index);
  g_free (block);
}

static void
add_sums (FiscalTableRow *row,
          const gint64   *sums,
          guint           n)
{
  for (guint j = 0; j < n; j++)
    fiscal_table_row_set_amount (row, j, sums[j]);
}

static FiscalTable *
make_table_7 (Cube *cube)
{
  static const char * const headers[] = {
    "工资福利支出", "商品和服务支出", "对个人和家庭的补助", "债务利息及费用支出",
    "资本性支出（基本建设）", "资本性支出", "对企业补助（基本建设）", "对企业补助",
    "对社会保障基金补助", "其他支出",
  };
  const guint n = N_PROJECT_SUMS;
  FiscalTable *table = table_new (cube, 7);
  GListModel *units = fiscal_document_get_units (cube->document);
  gint64 total[N_PROJECT_SUMS] = { 0 };
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func (table7_block_free);
  g_autoptr(GHashTable) unit_blocks = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) project_orders = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) prefix_cache = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  guint projects_n = g_list_model_get_n_items (fiscal_document_get_projects (cube->document));
  g_autoptr(GPtrArray) projects = g_ptr_array_new_full (projects_n, g_object_unref);
  gboolean saturate = cube_saturates (cube);
  gboolean any = FALSE;

  add_function_columns (table, NULL, "科目编码");
  fiscal_table_add_column (table, FISCAL_COLUMN_PROJECT, "项目名称");
  fiscal_table_add_column (table, FISCAL_COLUMN_AMOUNT, "项目支出合计");
  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    fiscal_table_add_column (table, FISCAL_COLUMN_AMOUNT, headers[i]);

  fiscal_table_add_header (table, 0, 3, 2, 1, "功能分类科目名称");
  fiscal_table_add_header (table, 0, 4, 2, 1, "项目名称");
  fiscal_table_add_header (table, 0, 5, 2, 1, "项目支出合计");
  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    fiscal_table_add_header (table, 0, 6 + i, 2, 1, headers[i]);
  fiscal_table_add_numbering (table, 2);

  /* One block of rows per unit, in the units' order; one pass over the
   * cube fills them all. */
  for (guint u = 0; u < g_list_model_get_n_items (units); u++)
    {
      g_autoptr(FiscalUnit) unit = g_list_model_get_item (units, u);
      Table7Block *block = g_new0 (Table7Block, 1);
      Table7Row *unit_row = g_new0 (Table7Row, 1);

      block->rows = g_ptr_array_new_with_free_func (g_free);
      block->index = g_hash_table_new (table7_row_hash, table7_row_equal);
      unit_row->code = "";
      unit_row->project = fiscal_unit_get_name (unit);
      g_ptr_array_add (block->rows, unit_row);
      block->unit = g_intern_string (fiscal_unit_get_id (unit));
      g_ptr_array_add (blocks, block);
      g_hash_table_insert (unit_blocks, (gpointer) block->unit, block);
    }

  for (guint i = 0; i < projects_n; i++)
    {
      FiscalProject *project = g_list_model_get_item (fiscal_document_get_projects (cube->document), i);

      g_ptr_array_add (projects, project);
      g_hash_table_insert (project_orders, (gpointer) g_intern_string (fiscal_project_get_id (project)),
                           GUINT_TO_POINTER (i + 1));
    }

  for (guint i = 0; i < cube->project_list->len; i++)
    {
      const ProjectCell *cell = g_ptr_array_index (cube->project_list, i);
      const char *code = cell->function;
      const gint64 *sums = cell->sums;   /* the sums as they are, within the ceiling */
      gint64 clamped[N_PROJECT_SUMS];
      Table7Block *block;
      Table7Row *unit_row;
      GPtrArray *prefixes;
      guint depth;

      if (G_UNLIKELY (saturate))
        {
          for (guint j = 0; j < n; j++)
            clamped[j] = wide_get (cell->sums[j], cell->sums_high[j]);
          sums = clamped;
        }

      if (all_zero (sums, n) ||
          (block = g_hash_table_lookup (unit_blocks, cell->unit)) == NULL)
        continue;

      any = TRUE;
      unit_row = g_ptr_array_index (block->rows, 0);
      add_to (total, sums, n, saturate);
      add_to (unit_row->sums, sums, n, saturate);

      if (code == NULL)
        continue;

      prefixes = code_prefixes (prefix_cache, code, FALSE);
      depth = prefixes->len;
      for (guint level = 1; level <= depth; level++)
        {
          const char *project = level == depth ? cell->project : NULL;
          Table7Row probe = { .code = g_ptr_array_index (prefixes, level - 1), .project = project };
          Table7Row *row = g_hash_table_lookup (block->index, &probe);

          if (row == NULL)
            {
              row = g_new0 (Table7Row, 1);
              row->code = probe.code;
              row->level = level;
              row->project = project;
              row->project_order = project ? GPOINTER_TO_UINT (g_hash_table_lookup (project_orders, project)) : 0;
              g_ptr_array_add (block->rows, row);
              g_hash_table_add (block->index, row);
            }

          add_to (row->sums, sums, n, saturate);
        }
    }

  for (guint b = 0; b < blocks->len; b++)
    g_ptr_array_sort (((Table7Block *) g_ptr_array_index (blocks, b))->rows, compare_table7_rows);

  if (!any)
    {
      set_empty_note (table, cube);
      return table;
    }

  add_sums (fiscal_table_add_row (table, "", "总计", 0), total, n);
  trace_last_row (table)->total = TRUE;

  for (guint b = 0; b < blocks->len; b++)
    {
      Table7Block *block = g_ptr_array_index (blocks, b);
      GPtrArray *rows = block->rows;

      for (guint i = 0; i < rows->len; i++)
        {
          const Table7Row *r = g_ptr_array_index (rows, i);
          FiscalTableRow *row;
          RowTrace *trace;

          if (all_zero (r->sums, n))
            break;   /* the unit row sorts first; an empty unit has no rows */

          if (r->code[0] == 0)
            row = fiscal_table_add_row (table, "", r->project, 0);
          else
            {
              row = fiscal_table_add_row (table, r->code, function_name (cube, r->code), r->level);
              if (r->project != NULL)
                {
                  FiscalProject *project = r->project_order > 0 ? g_ptr_array_index (projects, r->project_order - 1) : NULL;
                  fiscal_table_row_set_project (row, project ? fiscal_project_get_name (project) : r->project);
                }
            }
          add_sums (row, r->sums, n);
          trace = trace_last_row (table);
          trace->unit = block->unit;
          trace->project = r->code[0] != 0 ? r->project : NULL;
        }
    }

  return table;
}

/* 表 1 and 表 4: income items beside expenditure by 类. */

/* "201 一般公共服务支出", or the bare code when the catalogue lacks it. */
static char *
class_label (Cube       *cube,
             const char *klass)
{
  const char *name = function_name (cube, klass);

  return *name ? g_strdup_printf ("%s %s", klass, name) : g_strdup (klass);
}

/* Sums by 类 (the first three digits of the function code) and source,
 * made in one pass over the cube for 表 1 and 表 4. */
typedef struct
{
  GHashTable *by_class;              /* interned 类 → gint64[FISCAL_N_SOURCES] */
  gint64      all[FISCAL_N_SOURCES];
} ClassSums;

static void
class_sums_init (ClassSums *sums,
                 Cube      *cube)
{
  sums->by_class = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  memset (sums->all, 0, sizeof sums->all);

  for (guint i = 0; i < cube->list->len; i++)
    {
      const CubeCell *cell = g_ptr_array_index (cube->list, i);
      const char *klass = cell->klass;
      gint64 amount = cell_amount (cell);
      gint64 *by_source;

      fiscal_money_accumulate (&sums->all[cell->key.source], amount);
      if (klass == NULL)
        continue;

      if (!(by_source = g_hash_table_lookup (sums->by_class, klass)))
        g_hash_table_insert (sums->by_class, (gpointer) klass,
                             (by_source = g_new0 (gint64, FISCAL_N_SOURCES)));
      fiscal_money_accumulate (&by_source[cell->key.source], amount);
    }
}

static void
class_sums_clear (ClassSums *sums)
{
  g_clear_pointer (&sums->by_class, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ClassSums, class_sums_clear)

static gint64
masked_sum (const gint64 *by_source,
            guint32       mask)
{
  gint64 sum = 0;

  for (guint s = 0; by_source != NULL && s < FISCAL_N_SOURCES; s++)
    if (mask & (1u << s))
      fiscal_money_accumulate (&sum, by_source[s]);

  return sum;
}

static gint64
class_sum (ClassSums  *sums,
           const char *klass,
           guint32     mask)
{
  return masked_sum (g_hash_table_lookup (sums->by_class, klass), mask);
}

static gint64
source_sum (ClassSums *sums,
            guint32    mask)
{
  return masked_sum (sums->all, mask);
}

#define SOURCE_BIT(s) (1u << (FISCAL_SOURCE_##s))

/* The 类 rows of 表 1 and 表 4: every 类 of the catalogue, and any other 类
 * a line uses, so that nothing is left out of the totals (the checks report
 * the unknown codes). */
static GPtrArray *
function_classes (Cube      *cube,
                  ClassSums *sums)
{
  GPtrArray *classes = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer klass;

  if (cube->functions != NULL)
    {
      g_autoptr(GPtrArray) items = fiscal_catalog_get_children (cube->functions, NULL);

      for (guint i = 0; i < items->len; i++)
        g_ptr_array_add (classes, (gpointer) ((const FiscalCatalogItem *) g_ptr_array_index (items, i))->code);
    }

  g_hash_table_iter_init (&iter, sums->by_class);
  while (g_hash_table_iter_next (&iter, &klass, NULL))
    if (!g_ptr_array_find (classes, klass, NULL))
      g_ptr_array_add (classes, klass);

  g_ptr_array_sort (classes, compare_codes);
  return classes;
}

static const guint32 current_general = SOURCE_BIT (GENERAL) | SOURCE_BIT (GENERAL_TRANSFER);
static const guint32 current_fund = SOURCE_BIT (FUND) | SOURCE_BIT (FUND_TRANSFER);
static const guint32 current_capital = SOURCE_BIT (CAPITAL) | SOURCE_BIT (CAPITAL_TRANSFER);
static const guint32 unit_funds = SOURCE_BIT (UNIT_BUSINESS) | SOURCE_BIT (UNIT_SUBSIDY) |
                                  SOURCE_BIT (UNIT_AFFILIATE) | SOURCE_BIT (UNIT_OPERATING) |
                                  SOURCE_BIT (UNIT_OTHER);
static const guint32 carryover_fiscal = SOURCE_BIT (CARRYOVER_GENERAL) | SOURCE_BIT (CARRYOVER_FUND) |
                                        SOURCE_BIT (CARRYOVER_CAPITAL);
static const guint32 carryover_other = SOURCE_BIT (CARRYOVER_SPECIAL_ACCOUNT) | SOURCE_BIT (CARRYOVER_UNIT);

static FiscalTable *
make_table_1 (Cube *cube)
{
  const guint32 fiscal = current_general | current_fund | current_capital;
  const guint32 current = fiscal | SOURCE_BIT (SPECIAL_ACCOUNT) | unit_funds;
  const struct { const char *label; guint32 mask; } income[] = {
    { "一、本年收入", current },
    { "1. 一般公共预算拨款", current_general },
    { "其中：一般财力", SOURCE_BIT (GENERAL) },
    { "上级一般公共预算安排转移支付", SOURCE_BIT (GENERAL_TRANSFER) },
    { "2. 政府性基金预算拨款", current_fund },
    { "其中：政府性基金收入", SOURCE_BIT (FUND) },
    { "上级政府性基金安排转移支付", SOURCE_BIT (FUND_TRANSFER) },
    { "3. 国有资本经营预算拨款", current_capital },
    { "其中：国有资本经营收入", SOURCE_BIT (CAPITAL) },
    { "上级国有资本经营预算安排转移支付", SOURCE_BIT (CAPITAL_TRANSFER) },
    { "4. 财政专户核拨", SOURCE_BIT (SPECIAL_ACCOUNT) },
    { "5. 单位资金", unit_funds },
    { "其中：事业收入", SOURCE_BIT (UNIT_BUSINESS) },
    { "上级补助收入", SOURCE_BIT (UNIT_SUBSIDY) },
    { "附属单位上缴收入", SOURCE_BIT (UNIT_AFFILIATE) },
    { "事业单位经营收入", SOURCE_BIT (UNIT_OPERATING) },
    { "其他收入", SOURCE_BIT (UNIT_OTHER) },
    { "二、上年结转结余", carryover_fiscal | carryover_other },
    { "1. 财政拨款结转", carryover_fiscal },
    { "其中：一般公共预算拨款", SOURCE_BIT (CARRYOVER_GENERAL) },
    { "政府性基金预算拨款", SOURCE_BIT (CARRYOVER_FUND) },
    { "国有资本经营预算拨款", SOURCE_BIT (CARRYOVER_CAPITAL) },
    { "2. 非财政拨款结转结余", carryover_other },
    { "其中：财政专户核拨", SOURCE_BIT (CARRYOVER_SPECIAL_ACCOUNT) },
    { "单位资金", SOURCE_BIT (CARRYOVER_UNIT) },
  };
  FiscalTable *table = table_new (cube, 1);
  g_autoptr(GPtrArray) classes = NULL;
  g_auto(ClassSums) sums = { 0 };
  FiscalTableRow *row;
  guint n_rows;
  gint64 total;

  class_sums_init (&sums, cube);
  classes = function_classes (cube, &sums);
  n_rows = MAX (classes->len, G_N_ELEMENTS (income));
  total = source_sum (&sums, ~0u);

  fiscal_table_add_column (table, FISCAL_COLUMN_NAME, "收入项目");
  fiscal_table_add_column (table, FISCAL_COLUMN_AMOUNT, "收入预算数");
  fiscal_table_add_column (table, FISCAL_COLUMN_LABEL, "支出功能分类");
  fiscal_table_add_column (table, FISCAL_COLUMN_AMOUNT, "支出预算数");

  fiscal_table_add_header (table, 0, 0, 1, 2, "收入");
  fiscal_table_add_header (table, 0, 2, 1, 2, "支出");
  fiscal_table_add_header (table, 1, 0, 1, 1, "项目");
  fiscal_table_add_header (table, 1, 1, 1, 1, "预算数");
  fiscal_table_add_header (table, 1, 2, 1, 1, "功能分类");
  fiscal_table_add_header (table, 1, 3, 1, 1, "预算数");

  for (guint i = 0; i < n_rows; i++)
    {
      const char *label = i < G_N_ELEMENTS (income) ? income[i].label : "";

      row = fiscal_table_add_row (table, "", label, 0);
      if (i < G_N_ELEMENTS (income))
        {
          fiscal_table_row_set_amount (row, 0, source_sum (&sums, income[i].mask));
          trace_last_row (table)->sources = income[i].mask;
        }
      if (i < classes->len)
        {
          const char *klass = g_ptr_array_index (classes, i);
          g_autofree char *text = class_label (cube, klass);

          fiscal_table_row_set_label (row, 1, text);
          fiscal_table_row_set_amount (row, 2, class_sum (&sums, klass, ~0u));
          trace_last_row (table)->klass = g_intern_string (klass);
        }
      else
        fiscal_table_row_set_label (row, 1, "");
    }

  row = fiscal_table_add_row (table, "", "收入总计", 0);
  trace_last_row (table)->sources = ~0u;
  trace_last_row (table)->total = TRUE;
  fiscal_table_row_set_amount (row, 0, total);
  fiscal_table_row_set_label (row, 1, "支出总计");
  fiscal_table_row_set_amount (row, 2, total);

  return table;
}

static FiscalTable *
make_table_4 (Cube *cube)
{
  const guint32 fiscal = current_general | current_fund | current_capital;
  const struct { const char *label; guint32 mask; } income[] = {
    { "一、财政拨款（补助）", fiscal },
    { "一般公共预算", current_general },
    { "政府性基金预算", current_fund },
    { "国有资本经营预算", current_capital },
  };
  const guint32 columns[] = { fiscal, current_general, current_fund, current_capital };
  FiscalTable *table = table_new (cube, 4);
  g_auto(ClassSums) sums = { 0 };
  g_autoptr(GPtrArray) classes = NULL;
  FiscalTableRow *row;

  class_sums_init (&sums, cube);
  classes = function_classes (cube, &sums);

  fiscal_table_add_column (table, FISCAL_COLUMN_NAME, "财政拨款收入项目");
  fiscal_table_add_column (table, FISCAL_COLUMN_AMOUNT, "财政拨款收入合计");
  fiscal_table_add_column (table, FISCAL_COLUMN_LABEL, "支出功能分类");
  fiscal_table_add_column (table, FISCAL_COLUMN_AMOUNT, "支出合计");
  fiscal_table_add_column (table, FISCAL_COLUMN_AMOUNT, "一般公共预算");
  fiscal_table_add_column (table, FISCAL_COLUMN_AMOUNT, "政府性基金预算");
  fiscal_table_add_column (table, FISCAL_COLUMN_AMOUNT, "国有资本经营预算");

  fiscal_table_add_header (table, 0, 0, 1, 2, "财政拨款收入");
  fiscal_table_add_header (table, 0, 2, 1, 5, "财政拨款支出");
  fiscal_table_add_header (table, 1, 0, 1, 1, "项目");
  fiscal_table_add_header (table, 1, 1, 1, 1, "合计");
  fiscal_table_add_header (table, 1, 2, 1, 1, "功能分类");
  fiscal_table_add_header (table, 1, 3, 1, 1, "合计");
  fiscal_table_add_header (table, 1, 4, 1, 1, "一般公共预算");
  fiscal_table_add_header (table, 1, 5, 1, 1, "政府性基金预算");
  fiscal_table_add_header (table, 1, 6, 1, 1, "国有资本经营预算");

  for (guint i = 0; i < MAX (classes->len, G_N_ELEMENTS (income)); i++)
    {
      row = fiscal_table_add_row (table, "", i < G_N_ELEMENTS (income) ? income[i].label : "", 0);
      if (i < G_N_ELEMENTS (income))
        {
          fiscal_table_row_set_amount (row, 0, source_sum (&sums, income[i].mask));
          trace_last_row (table)->sources = income[i].mask;
        }
      if (i < classes->len)
        {
          const char *klass = g_ptr_array_index (classes, i);
          g_autofree char *text = class_label (cube, klass);

          trace_last_row (table)->klass = g_intern_string (klass);
          fiscal_table_row_set_label (row, 1, text);
          for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
            fiscal_table_row_set_amount (row, 2 + c,
                                         class_sum (&sums, klass, columns[c]));
        }
      else
        fiscal_table_row_set_label (row, 1, "");
    }

  row = fiscal_table_add_row (table, "", "收入总计", 0);
  trace_last_row (table)->sources = fiscal;
  trace_last_row (table)->total = TRUE;
  fiscal_table_row_set_amount (row, 0, source_sum (&sums, fiscal));
  fiscal_table_row_set_label (row, 1, "支出总计");
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    fiscal_table_row_set_amount (row, 2 + c, source_sum (&sums, columns[c]));

  return table;
}

/* 表 10 财政拨款“三公”经费支出情况表. */

static FiscalTable *
make_table_10 (Cube *cube)
{
  enum { ROW_TOTAL, ROW_ABROAD, ROW_RECEPTION, ROW_VEHICLES, ROW_PURCHASE, ROW_OPERATION, N_ROWS };
  static const char * const labels[N_ROWS] = {
    "合计", "因公出国（境）费", "公务接待费", "公务用车购置及运行费（小计）",
    "其中：公务用车购置费", "公务用车运行费",
  };
  FiscalTable *table = table_new (cube, 10);
  gint64 sums[N_ROWS][4] = { { 0 } };

  fiscal_table_add_column (table, FISCAL_COLUMN_NAME, "“三公”经费支出内容");
  fiscal_table_add_column (table, FISCAL_COLUMN_AMOUNT, "合计");
  fiscal_table_add_column (table, FISCAL_COLUMN_AMOUNT, "一般公共预算");
  fiscal_table_add_column (table, FISCAL_COLUMN_AMOUNT, "政府性基金");
  fiscal_table_add_column (table, FISCAL_COLUMN_AMOUNT, "国有资本经营预算");

  fiscal_table_add_header (table, 0, 0, 2, 1, "“三公”经费支出内容");
  fiscal_table_add_header (table, 0, 1, 2, 1, "合计");
  fiscal_table_add_header (table, 0, 2, 1, 3, "资金来源");
  fiscal_table_add_header (table, 1, 2, 1, 1, "一般公共预算");
  fiscal_table_add_header (table, 1, 3, 1, 1, "政府性基金");
  fiscal_table_add_header (table, 1, 4, 1, 1, "国有资本经营预算");
  fiscal_table_add_numbering (table, 2);

  for (guint i = 0; cube->economics != NULL && i < cube->list->len; i++)
    {
      const CubeCell *cell = g_ptr_array_index (cube->list, i);
      const FiscalCatalogItem *item = fiscal_catalog_lookup (cube->economics, cell->key.economic);
      FiscalBudget budget = fiscal_source_get_budget (cell->key.source);
      guint rows[3] = { ROW_TOTAL, 0, 0 };

      if (item == NULL || item->sangong == FISCAL_SANGONG_NONE ||
          budget == FISCAL_BUDGET_NONE || fiscal_source_is_carryover (cell->key.source))
        continue;

      switch (item->sangong)
        {
        case FISCAL_SANGONG_ABROAD:            rows[1] = ROW_ABROAD; break;
        case FISCAL_SANGONG_RECEPTION:         rows[1] = ROW_RECEPTION; break;
        case FISCAL_SANGONG_VEHICLE_PURCHASE:  rows[1] = ROW_VEHICLES; rows[2] = ROW_PURCHASE; break;
        case FISCAL_SANGONG_VEHICLE_OPERATION: rows[1] = ROW_VEHICLES; rows[2] = ROW_OPERATION; break;
        case FISCAL_SANGONG_NONE:
        default:                               g_assert_not_reached ();
        }

      for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
        if (r == 0 || rows[r] != 0)
          {
            fiscal_money_accumulate (&sums[rows[r]][0], cell_amount (cell));
            fiscal_money_accumulate (&sums[rows[r]][budget], cell_amount (cell));
          }
    }

  for (guint r = 0; r < N_ROWS; r++)
    {
      static const guint sangong[N_ROWS] = {
        [ROW_TOTAL] = 1u << FISCAL_SANGONG_ABROAD | 1u << FISCAL_SANGONG_RECEPTION |
                      1u << FISCAL_SANGONG_VEHICLE_PURCHASE | 1u << FISCAL_SANGONG_VEHICLE_OPERATION,
        [ROW_ABROAD] = 1u << FISCAL_SANGONG_ABROAD,
        [ROW_RECEPTION] = 1u << FISCAL_SANGONG_RECEPTION,
        [ROW_VEHICLES] = 1u << FISCAL_SANGONG_VEHICLE_PURCHASE | 1u << FISCAL_SANGONG_VEHICLE_OPERATION,
        [ROW_PURCHASE] = 1u << FISCAL_SANGONG_VEHICLE_PURCHASE,
        [ROW_OPERATION] = 1u << FISCAL_SANGONG_VEHICLE_OPERATION,
      };

      add_sums (fiscal_table_add_row (table, "", labels[r], r == ROW_TOTAL ? 0 : 1), sums[r], 4);
      trace_last_row (table)->sangong = sangong[r];
      trace_last_row (table)->total = r == ROW_TOTAL;
    }
  if (cube->economics != NULL)
    get_trace (table)->economics = g_object_ref (cube->economics);

  return table;
}

static FiscalTable *
make_table (Cube  *cube,
            guint  number)
{
  switch (number)
    {
    case 1:  return make_table_1 (cube);
    case 2:  return make_table_2 (cube);
    case 3:  return make_spending_table (cube, 3, "支出预算", accumulate_all_spending);
    case 4:  return make_table_4 (cube);
    case 5:  return make_spending_table (cube, 5, "一般公共预算支出", accumulate_general_spending);
    case 6:  return make_table_6 (cube);
    case 7:  return make_table_7 (cube);
    case 8:  return make_budget_table (cube, 8, "政府性基金预算支出", accumulate_fund);
    case 9:  return make_budget_table (cube, 9, "国有资本经营预算支出", accumulate_capital);
    case 10: return make_table_10 (cube);
    case 11: return make_table_11 (cube);
    default: g_return_val_if_reached (NULL);
    }
}

/* The accumulation of the tables whose rows are a code hierarchy. */
static gboolean
hierarchy_of (guint       number,
              Accumulate *accumulate,
              gboolean   *economic)
{
  *economic = FALSE;
  switch (number)
    {
    case 2:  *accumulate = accumulate_income; break;
    case 3:  *accumulate = accumulate_all_spending; break;
    case 5:  *accumulate = accumulate_general_spending; break;
    case 6:  *accumulate = accumulate_general_basic; *economic = TRUE; break;
    case 8:  *accumulate = accumulate_fund; break;
    case 9:  *accumulate = accumulate_capital; break;
    case 11: *accumulate = accumulate_carryover; break;
    default: return FALSE;
    }
  return TRUE;
}

/* The sources a column of 表 4's expenditure side sums. */
static guint32
table4_column_sources (int column)
{
  switch (column)
    {
    case 4:  return current_general;
    case 5:  return current_fund;
    case 6:  return current_capital;
    default: return current_general | current_fund | current_capital;
    }
}

/* Whether @line adds to @column of a row of 表 1, 4, 7 or 10 (@trace). */
static gboolean
line_in_traced_cell (FiscalTable *table,
                     TableTrace  *table_trace,
                     guint        row,
                     int          column,
                     FiscalLine  *line)
{
  const RowTrace *trace = &g_array_index (table_trace->rows, RowTrace, row);
  guint number = fiscal_table_get_number (table);
  FiscalSource source = fiscal_line_get_source (line);
  const char *function = fiscal_line_get_function (line);
  const char *economic = fiscal_line_get_economic (line);

  switch (number)
    {
    case 1:
    case 4:
      {
        /* The income item left (its name and figure), the 类 right; the
         * whole row is the income item where there is one. */
        gboolean income = column == 0 || column == 1 || (column < 0 && trace->sources != 0);

        if (income)
          return (trace->sources & (1u << source)) != 0;
        if (!trace->total && trace->klass == NULL)
          return FALSE;
        if (!trace->total && (function == NULL || !g_str_has_prefix (function, trace->klass)))
          return FALSE;
        return number == 1 || (table4_column_sources (column) & (1u << source)) != 0;
      }

    case 7:
      {
        int klass = economic_class (economic);
        const char *code;

        if (fiscal_line_get_kind (line) != FISCAL_KIND_PROJECT || !is_general_source (source))
          return FALSE;
        /* 项目支出合计 and the columns left of it stand for the whole row;
         * then one column per economic 类. */
        if (column > 5 && klass != column - 6)
          return FALSE;
        if (trace->total)
          return TRUE;
        if (trace->unit != fiscal_line_get_unit (line) ||
            (trace->project != NULL && trace->project != fiscal_line_get_project (line)))
          return FALSE;
        code = fiscal_table_get_row (table, row)->code;
        return code[0] == 0 || (function != NULL && g_str_has_prefix (function, code));
      }

    case 10:
      {
        const FiscalCatalogItem *item;
        FiscalBudget budget = fiscal_source_get_budget (source);

        if (table_trace->economics == NULL || budget == FISCAL_BUDGET_NONE || fiscal_source_is_carryover (source))
          return FALSE;
        item = fiscal_catalog_lookup (table_trace->economics, economic);
        if (item == NULL || !(trace->sangong & (1u << item->sangong)))
          return FALSE;
        /* 合计 and the name stand for every budget, then one column each. */
        return column < 2 || (int) budget == column - 1;
      }

    default:
      return FALSE;
    }
}

/* The trace of @row, for a table of the pivot that is not a code
 * hierarchy; NULL for other tables (and tables read from a disclosure). */
static const RowTrace *
row_trace (FiscalTable *table,
           guint        row)
{
  TableTrace *trace = get_trace (table);

  if (trace == NULL || row >= trace->rows->len)
    return NULL;
  return &g_array_index (trace->rows, RowTrace, row);
}

/**
 * fiscal_pivot_row_traceable:
 *
 * Whether fiscal_pivot_line_in_cell() can name lines behind @row: every
 * row of the tables the pivot makes but the empty rows of 表 1 and 表 4,
 * and of a table read from a disclosure the rows of a code hierarchy and
 * those with a function code.
 */
gboolean
fiscal_pivot_row_traceable (FiscalTable *table,
                            guint        row)
{
  Accumulate accumulate;
  gboolean economic;
  const RowTrace *trace;

  g_return_val_if_fail (FISCAL_IS_TABLE (table), FALSE);
  g_return_val_if_fail (row < fiscal_table_get_n_rows (table), FALSE);

  if ((trace = row_trace (table, row)) != NULL)
    return trace->sources != 0 || trace->klass != NULL || trace->total ||
           trace->unit != NULL || trace->sangong != 0;

  return hierarchy_of (fiscal_table_get_number (table), &accumulate, &economic) ||
         fiscal_table_get_row (table, row)->code[0] != 0;
}

/**
 * fiscal_pivot_line_in_cell:
 * @table: a table made by the pivot
 * @row: a row of @table
 * @column: a column of @table; -1, or a code or name column, for the
 *   whole row
 * @line: a line
 *
 * Whether @line adds to the figure in @row and @column of @table: the
 * table's own accumulation is asked where the line would go, so the lines
 * found for a figure are exactly those it sums. A line of amount 0 counts as
 * in the cells it would add to. In 表 1 and 表 4 the income item's name
 * and figure stand for the income item, the 类 and the figures right of
 * it for the expenditure; in 表 7 and 表 10 the columns left of the first
 * figure stand for the whole row. A table read from a disclosure, not made
 * by the pivot, answers by the row's function code where it is not a code
 * hierarchy.
 *
 * Returns: %TRUE if @line is behind that figure
 */
gboolean
fiscal_pivot_line_in_cell (FiscalTable *table,
                           guint        row,
                           int          column,
                           FiscalLine  *line)
{
  const FiscalTableRow *r;
  const char *function;
  const char *code;
  Accumulate accumulate;
  gboolean economic;
  gint64 c[16] = { 0 };   /* the widest table of codes, 表 2, has 12 figures */
  guint n;
  int cell = -1;
  CubeCell probe = { 0 };

  g_return_val_if_fail (FISCAL_IS_TABLE (table), FALSE);
  g_return_val_if_fail (FISCAL_IS_LINE (line), FALSE);
  g_return_val_if_fail (row < fiscal_table_get_n_rows (table), FALSE);

  if (row_trace (table, row) != NULL)
    return line_in_traced_cell (table, get_trace (table), row, column, line);

  r = fiscal_table_get_row (table, row);
  function = fiscal_line_get_function (line);

  if (!hierarchy_of (fiscal_table_get_number (table), &accumulate, &economic))
    return r->code[0] != 0 && function != NULL && g_str_has_prefix (function, r->code);

  code = economic ? fiscal_line_get_economic (line) : function;
  if (r->code[0] != 0 && (code == NULL || !g_str_has_prefix (code, r->code)))
    return FALSE;

  n = fiscal_table_get_n_cells (table);
  g_return_val_if_fail (n <= G_N_ELEMENTS (c), FALSE);
  for (guint i = 0; column >= 0 && i < n; i++)
    if (fiscal_table_cell_to_column (table, i) == column)
      cell = i;
  /* A code or name column stands for the whole row. */
  probe.key.kind = fiscal_line_get_kind (line);
  probe.key.source = fiscal_line_get_source (line);
  probe.amount = 1;
  if (!accumulate (c, &probe))
    return FALSE;

  return cell < 0 ? !all_zero (c, n) : c[cell] != 0;
}

/**
 * fiscal_pivot_describe_cell:
 * @column: a column of @table, or -1 for the whole row
 *
 * Names a figure as a reader finds it in the table: the table, the row's
 * code and name (the 类 beside the income item, for the expenditure side
 * of 表 1 and 表 4) and the figure's column, as
 * “表3 · 2010302 一般行政管理事务 · 项目支出”.
 *
 * Returns: (transfer full): the name of the figure
 */
char *
fiscal_pivot_describe_cell (FiscalTable *table,
                            guint        row,
                            int          column)
{
  const FiscalTableRow *r;
  const FiscalTableColumn *c;
  const char *name;
  g_autofree char *label = NULL;
  guint number;

  g_return_val_if_fail (FISCAL_IS_TABLE (table), NULL);
  g_return_val_if_fail (row < fiscal_table_get_n_rows (table), NULL);

  r = fiscal_table_get_row (table, row);
  c = column >= 0 ? fiscal_table_get_column (table, column) : NULL;
  number = fiscal_table_get_number (table);
  name = r->name;

  /* The right-hand side of 表 1 and 表 4 is named by its 类. */
  if ((number == 1 || number == 4) && column >= 2)
    for (guint i = 0; i < r->n_cells; i++)
      if (r->cells[i].text != NULL)
        name = r->cells[i].text;

  /* 表 11 names its rows by code and name already. */
  if (*r->code && name != r->name)
    label = g_strdup (name);
  else if (*r->code && !g_str_has_prefix (name, r->code))
    label = g_strdup_printf ("%s %s", r->code, name);
  else
    label = g_strdup (name);

  if (r->project != NULL && *r->project)
    {
      char *with_project = g_strdup_printf ("%s · %s", label, r->project);
      g_free (label);
      label = with_project;
    }

  if (c != NULL && c->kind == FISCAL_COLUMN_AMOUNT)
    return g_strdup_printf ("表%u · %s · %s", number, label, c->title);
  return g_strdup_printf ("表%u · %s", number, label);
}

/**
 * fiscal_pivot_all:
 *
 * Makes the eleven tables from the document's cube of the lines.
 *
 * Returns: (transfer full) (element-type FiscalTable): tables 1 to 11
 */
GPtrArray *
fiscal_pivot_all (FiscalDocument *document)
{
  GPtrArray *tables;
  FiscalCube *cube;

  g_return_val_if_fail (FISCAL_IS_DOCUMENT (document), NULL);

  cube = _fiscal_document_get_cube (document);
  tables = g_ptr_array_new_full (FISCAL_N_TABLES, g_object_unref);
  for (guint i = 1; i <= FISCAL_N_TABLES; i++)
    g_ptr_array_add (tables, make_table (cube, i));

  return tables;
}

/**
 * fiscal_pivot_table:
 * @number: 1 to 11
 *
 * Returns: (transfer full): table @number
 */
FiscalTable *
fiscal_pivot_table (FiscalDocument *document,
                    guint           number)
{
  g_return_val_if_fail (FISCAL_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (number >= 1 && number <= FISCAL_N_TABLES, NULL);

  return make_table (_fiscal_document_get_cube (document), number);
}
