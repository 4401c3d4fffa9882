/* fiscal-pivot.c
 *
 * The one interpreter of the disclosure formats (fiscal-format.h): every
 * table of every format is made here from the document's cube of its
 * lines (fiscal-cube.c), by the table's layout —
 *
 *  - hierarchy: a row for every 类, 款 and 项 (function or economic) that
 *    has an amount, in code order, with the total at the top or bottom;
 *  - balance: income items on the left, the expenditure by 类 on the
 *    right, and the totals of both;
 *  - projects: per unit, the function hierarchy with a row per project;
 *  - items: fixed rows, each the sum its filter names;
 *
 * and each amount is the sum of the lines that the table, its row and its
 * column all take (FiscalFilter). The same filters answer which lines are
 * behind a figure (fiscal_pivot_line_in_cell), so a figure and its lines
 * cannot disagree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-pivot"

#include "config.h"

#include "fiscal-cube-private.h"
#include "fiscal-format-private.h"
#include "fiscal-line.h"
#include "fiscal-pivot.h"
#include "fiscal-profile.h"
#include "fiscal-project.h"
#include "fiscal-table.h"
#include "fiscal-unit.h"

typedef FiscalCube Cube;
typedef FiscalCubeCell CubeCell;

/* What a row of a table the pivot made sums, beyond its code: kept on
 * the table for fiscal_pivot_line_in_cell(). */
typedef struct
{
  const FiscalFilter *item;      /* balance: the income item; items: the row's sum */
  const char         *klass;     /* balance: the 类 beside it, interned, or NULL */
  const char         *unit;      /* projects: the unit of the row's block (interned id) */
  const char         *project;   /* projects: the project of a 项 row (interned id) */
  gboolean            total;     /* the total row */
} RowTrace;

typedef struct
{
  const FiscalFormatTable *spec;        /* owned by its format, which lives as long as the program */
  GArray                  *rows;        /* RowTrace, one per row */
  FiscalCatalog           *economics;   /* the “三公” items of the lines' economic codes */
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

  if (trace->rows->len <= row)
    g_array_set_size (trace->rows, row + 1);

  return &g_array_index (trace->rows, RowTrace, row);
}

static FiscalFormat *
national_format (void)
{
  FiscalFormat *format = fiscal_format_get (FISCAL_FORMAT_DEFAULT);

  g_assert (format != NULL);
  return format;
}

/**
 * fiscal_pivot_table_title:
 * @number: 1 to 11
 *
 * Returns: the official title of national table @number
 */
const char *
fiscal_pivot_table_title (guint number)
{
  g_return_val_if_fail (number >= 1 && number <= FISCAL_N_TABLES, NULL);
  return fiscal_format_table_get_title (fiscal_format_find_national (national_format (), number));
}

/* ---- Filters ----------------------------------------------------------- */

static inline gboolean
filter_match_cell (const FiscalFilter *f,
                   const CubeCell     *cell)
{
  return (f->sources >> cell->key.source & 1) && (f->kinds >> cell->key.kind & 1) &&
         (f->klass == NULL || f->klass == cell->economic_class) &&
         (f->sangong == 0 || (f->sangong >> cell->sangong & 1)) &&
         f->profile < 0;
}

/* Whether @line is among the lines @f takes. */
static gboolean
filter_match_line (const FiscalFilter *f,
                   FiscalLine         *line,
                   FiscalCatalog      *economics)
{
  const char *economic = fiscal_line_get_economic (line);
  const FiscalCatalogItem *item;

  if (f->profile >= 0 || !(f->sources >> fiscal_line_get_source (line) & 1) ||
      !(f->kinds >> fiscal_line_get_kind (line) & 1))
    return FALSE;
  if (f->klass != NULL && (economic == NULL || strncmp (economic, f->klass, 3) != 0))
    return FALSE;
  if (f->sangong != 0)
    {
      item = economics ? fiscal_catalog_lookup (economics, economic) : NULL;
      if (item == NULL || !(f->sangong >> item->sangong & 1))
        return FALSE;
    }
  return TRUE;
}

/* Up to 64 filters asked of each cube cell at once: those that name only
 * sources and kinds are answered from a table by the cell's source and
 * kind, the others (a 类, “三公” items) one by one. A table's own filter
 * is folded in, so a cell it does not take gets no bit. */
typedef struct
{
  guint64             fast[FISCAL_N_SOURCES][FISCAL_N_KINDS];
  guint64             slow;           /* the filters asked cell by cell */
  const FiscalFilter *table;          /* the table's */
  gboolean            table_slow;     /* whether it is asked cell by cell */
  const FiscalFilter *filters[64];
  guint               n;
} FilterSet;

static gboolean
filter_is_fast (const FiscalFilter *f)
{
  return f->klass == NULL && f->sangong == 0;
}

static void
filter_set_init (FilterSet           *set,
                 const FiscalFilter  *table,
                 const FiscalFilter **filters,
                 guint                n)
{
  g_assert (n <= G_N_ELEMENTS (set->filters));

  memset (set, 0, sizeof *set);
  set->n = n;
  set->table = table;
  set->table_slow = !filter_is_fast (table);
  for (guint j = 0; j < n; j++)
    {
      const FiscalFilter *f = set->filters[j] = filters[j];

      if (!filter_is_fast (f))
        {
          set->slow |= G_GUINT64_CONSTANT (1) << j;
          continue;
        }
      for (guint s = 0; s < FISCAL_N_SOURCES; s++)
        for (guint k = 0; k < FISCAL_N_KINDS; k++)
          if ((f->sources >> s & 1) && (f->kinds >> k & 1) && f->profile < 0 &&
              (table->sources >> s & 1) && (table->kinds >> k & 1))
            set->fast[s][k] |= G_GUINT64_CONSTANT (1) << j;
    }
}

/* The filters of @set that take @cell, as bits. */
static inline guint64
filter_set_match (const FilterSet *set,
                  const CubeCell  *cell)
{
  guint64 bits = set->fast[cell->key.source][cell->key.kind];
  guint64 slow = set->slow;

  if (set->table_slow && !filter_match_cell (set->table, cell))
    return 0;
  if (slow != 0 && !filter_match_cell (set->table, cell))
    return bits;

  while (slow != 0)
    {
      guint j = __builtin_ctzll (slow);

      if (filter_match_cell (set->filters[j], cell))
        bits |= G_GUINT64_CONSTANT (1) << j;
      slow &= slow - 1;
    }
  return bits;
}

/* Adds @amount to each of @sums that @bits names; clamped to the ceiling
 * when @saturate (no sum of a budget that can be saved needs it). */
static inline void
add_bits (gint64   *sums,
          guint64   bits,
          gint64    amount,
          gboolean  saturate)
{
  if (G_UNLIKELY (saturate))
    {
      for (; bits != 0; bits &= bits - 1)
        fiscal_money_accumulate (&sums[__builtin_ctzll (bits)], amount);
      return;
    }
  for (; bits != 0; bits &= bits - 1)
    sums[__builtin_ctzll (bits)] += amount;
}

/* ---- Making a table ---------------------------------------------------- */

typedef struct
{
  Cube                    *cube;
  const FiscalFormatTable *spec;
  FiscalTable             *table;
  guint                    n;          /* amount cells */
  const FiscalFilter     **sums;       /* the filter of each amount cell */
  FilterSet                columns;    /* the same, asked at once */
  gboolean                 saturate;   /* sums are clamped to the ceiling (fiscal-cube-private.h) */
} Make;

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

/* A text of the format with {department}, {year}, {empty} and {title}
 * filled in. */
static char *
expand (const char              *text,
        Cube                    *cube,
        const FiscalFormatTable *spec,
        const char              *title)
{
  g_autofree char *year = g_strdup_printf ("%d", fiscal_document_get_year (cube->document));
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; )
    {
      const char *value = NULL;
      gsize skip = 0;

      if (g_str_has_prefix (p, "{department}"))
        value = fiscal_document_get_department_name (cube->document), skip = strlen ("{department}");
      else if (g_str_has_prefix (p, "{year}"))
        value = year, skip = strlen ("{year}");
      else if (g_str_has_prefix (p, "{empty}"))
        value = spec->empty, skip = strlen ("{empty}");
      else if (g_str_has_prefix (p, "{title}") && title != NULL)
        value = title, skip = strlen ("{title}");

      if (skip > 0)
        {
          g_string_append (out, value ? value : "");
          p += skip;
        }
      else
        g_string_append_c (out, *p++);
    }

  return g_string_free (out, FALSE);
}

static void
make_init (Make                    *m,
           Cube                    *cube,
           const FiscalFormatTable *spec)
{
  g_autofree char *title = expand (spec->title, cube, spec, NULL);
  TableTrace *trace = g_new0 (TableTrace, 1);
  guint n = 0;

  m->cube = cube;
  m->spec = spec;
  m->saturate = _fiscal_cube_saturates (cube);
  m->table = fiscal_table_new (spec->number, title);
  fiscal_table_set_department (m->table, fiscal_document_get_department_name (cube->document));
  fiscal_table_set_amount_style (m->table, &spec->style);

  for (guint i = 0; i < spec->columns->len; i++)
    {
      const FiscalFormatColumn *column = &g_array_index (spec->columns, FiscalFormatColumn, i);
      fiscal_table_add_column (m->table, column->kind, column->title);
      n += column->kind == FISCAL_COLUMN_AMOUNT;
    }
  for (guint i = 0; i < spec->header->len; i++)
    {
      const FiscalFormatHeader *h = &g_array_index (spec->header, FiscalFormatHeader, i);
      fiscal_table_add_header (m->table, h->row, h->column, h->row_span, h->column_span, h->text);
    }
  if (spec->numbering >= 0)
    fiscal_table_add_numbering (m->table, spec->numbering);

  m->n = n;
  m->sums = g_new0 (const FiscalFilter *, MAX (n, 1));
  for (guint i = 0, cell = 0; i < spec->columns->len; i++)
    {
      const FiscalFormatColumn *column = &g_array_index (spec->columns, FiscalFormatColumn, i);
      if (column->kind == FISCAL_COLUMN_AMOUNT)
        m->sums[cell++] = &column->sum;
    }
  filter_set_init (&m->columns, &spec->filter, m->sums, n);

  trace->spec = spec;
  trace->rows = g_array_new (FALSE, TRUE, sizeof (RowTrace));
  trace->economics = cube->economics ? g_object_ref (cube->economics) : NULL;
  g_object_set_qdata_full (G_OBJECT (m->table), table_trace_quark (), trace, table_trace_free);
}

static FiscalTable *
make_finish (Make *m)
{
  g_free (m->sums);
  return m->table;
}

/* The note of a table with nothing in it, where the format says what an
 * empty table lacks. */
static gboolean
set_empty_note (Make *m)
{
  g_autofree char *note = NULL;

  if (m->spec->empty == NULL)
    return FALSE;

  note = expand (m->spec->empty_note, m->cube, m->spec, fiscal_table_get_title (m->table));
  fiscal_table_set_note (m->table, note);
  return TRUE;
}

static gboolean
all_zero (const gint64 *cells,
          guint         n)
{
  for (guint i = 0; i < n; i++)
    if (cells[i] != 0)
      return FALSE;
  return TRUE;
}

static void
add_to (gint64       *sums,
        const gint64 *more,
        guint         n,
        gboolean      saturate)
{
  if (G_UNLIKELY (saturate))
    {
      for (guint i = 0; i < n; i++)
        fiscal_money_accumulate (&sums[i], more[i]);
      return;
    }
  for (guint i = 0; i < n; i++)
    sums[i] += more[i];
}

static void
add_amounts (FiscalTableRow *row,
             const gint64   *sums,
             guint           first,
             guint           n)
{
  for (guint j = 0; j < n; j++)
    fiscal_table_row_set_amount (row, first + j, sums[j]);
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
add_total_row (Make         *m,
               const gint64 *total)
{
  add_amounts (fiscal_table_add_row (m->table, "", m->spec->total_label, 0), total, 0, m->n);
  trace_last_row (m->table)->total = TRUE;
}

/* A hierarchy: the total, then every 类, 款 and 项 that has an amount, in
 * code order. Sorting the codes as strings puts each parent right before
 * its children. */
static FiscalTable *
make_hierarchy (Cube                    *cube,
                const FiscalFormatTable *spec)
{
  Make m;
  gboolean economic = spec->economic;
  g_autoptr(GHashTable) rows = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GHashTable) prefixes = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) prefix_cache = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autofree gint64 *total = NULL;
  g_autofree const char **codes = NULL;
  gboolean any = FALSE;
  guint n_codes, n;

  make_init (&m, cube, spec);
  n = m.n;
  total = g_new0 (gint64, MAX (n, 1));

  for (guint i = 0; i < cube->list->len; i++)
    {
      const CubeCell *cell = g_ptr_array_index (cube->list, i);
      const char *code = economic ? cell->key.economic : cell->key.function;
      guint64 bits = filter_set_match (&m.columns, cell);
      gint64 amount = _fiscal_cube_cell_amount (cell);

      if (bits == 0 || amount == 0)
        continue;

      any = TRUE;
      add_bits (total, bits, amount, m.saturate);

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
          add_bits (g_ptr_array_index (targets, t), bits, amount, m.saturate);
      }
    }

  if (!any && set_empty_note (&m))
    {
      if (spec->empty_total)
        add_total_row (&m, total);
      return make_finish (&m);
    }

  if (!spec->total_bottom)
    add_total_row (&m, total);

  codes = (const char **) g_hash_table_get_keys_as_array (rows, &n_codes);
  qsort (codes, n_codes, sizeof (char *), compare_codes);

  for (guint i = 0; i < n_codes; i++)
    {
      const gint64 *sums = g_hash_table_lookup (rows, codes[i]);
      const char *name = economic ? economic_name (cube, codes[i]) : function_name (cube, codes[i]);
      g_autofree char *label = (spec->code_in_name && *name) ? g_strdup_printf ("%s %s", codes[i], name) : NULL;
      FiscalTableRow *row;

      row = fiscal_table_add_row (m.table, codes[i], label ? label : (spec->code_in_name ? codes[i] : name),
                                  code_level (codes[i], economic));
      add_amounts (row, sums, 0, n);
      trace_last_row (m.table);
    }

  if (spec->total_bottom)
    add_total_row (&m, total);

  return make_finish (&m);
}

/* ---- Balance ----------------------------------------------------------- */

static const char * const ordinals[] = {
  "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
};

/* "一", "二" … "十", "十一" … "二十" …: the ordinal of a 类 row. */
static char *
chinese_ordinal (guint n)
{
  if (n <= 10)
    return g_strdup (ordinals[n - 1]);
  if (n < 20)
    return g_strconcat ("十", ordinals[n - 11], NULL);
  if (n % 10 == 0 && n < 100)
    return g_strconcat (ordinals[n / 10 - 1], "十", NULL);
  if (n < 100)
    return g_strconcat (ordinals[n / 10 - 1], "十", ordinals[n % 10 - 1], NULL);
  return g_strdup_printf ("%u", n);
}

/* The label of a 类 row: "201 一般公共服务支出" (the bare code when the
 * catalogue lacks it), or "一、一般公共服务支出". */
static char *
class_label (Cube             *cube,
             FiscalClassLabel  style,
             const char       *klass,
             guint             position)
{
  const char *name = function_name (cube, klass);

  if (style == FISCAL_CLASS_LABEL_ORDINAL)
    {
      g_autofree char *ordinal = chinese_ordinal (position + 1);
      return g_strdup_printf ("%s、%s", ordinal, *name ? name : klass);
    }

  return *name ? g_strdup_printf ("%s %s", klass, name) : g_strdup (klass);
}

/* The 类 rows of a balance: every 类 of the catalogue (and any other a
 * line uses, so that nothing is left out of the totals; the checks report
 * the unknown codes), or only those with an amount. */
static GPtrArray *
balance_classes (Cube                    *cube,
                 const FiscalFormatTable *spec,
                 GHashTable              *by_class,
                 guint                    n_right)
{
  GPtrArray *classes = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer klass, sums;

  if (spec->all_classes && cube->functions != NULL)
    {
      g_autoptr(GPtrArray) items = fiscal_catalog_get_children (cube->functions, NULL);

      for (guint i = 0; i < items->len; i++)
        g_ptr_array_add (classes, (gpointer) ((const FiscalCatalogItem *) g_ptr_array_index (items, i))->code);
    }

  g_hash_table_iter_init (&iter, by_class);
  while (g_hash_table_iter_next (&iter, &klass, &sums))
    if ((spec->all_classes || !all_zero (sums, n_right)) &&
        !g_ptr_array_find_with_equal_func (classes, klass, g_str_equal, NULL))
      g_ptr_array_add (classes, klass);

  g_ptr_array_sort (classes, compare_codes);
  return classes;
}

/* Income items beside expenditure by 类: row i has income item i (a name
 * and its figure) and 类 i (a label and its figures), then the totals. */
static FiscalTable *
make_balance (Cube                    *cube,
              const FiscalFormatTable *spec)
{
  Make m;
  guint n_items = spec->items->len;
  guint n_right = spec->class_sums->len;
  g_autoptr(GHashTable) by_class = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autofree gint64 *income = g_new0 (gint64, MAX (n_items, 1));
  g_autofree gint64 *right_total = g_new0 (gint64, MAX (n_right, 1));
  g_autoptr(GPtrArray) classes = NULL;
  const FiscalFilter *filters[64];
  FilterSet items, rights;
  gint64 income_total = 0;
  FiscalTableRow *row;
  guint n_rows;

  make_init (&m, cube, spec);
  g_assert (m.n == 1 + n_right);

  for (guint k = 0; k < n_items; k++)
    filters[k] = &g_array_index (spec->items, FiscalFormatItem, k).sum;
  filter_set_init (&items, &spec->filter, filters, n_items);
  for (guint c = 0; c < n_right; c++)
    filters[c] = &g_array_index (spec->class_sums, FiscalFilter, c);
  filter_set_init (&rights, &spec->filter, filters, n_right);

  for (guint i = 0; i < cube->list->len; i++)
    {
      const CubeCell *cell = g_ptr_array_index (cube->list, i);
      gint64 amount = _fiscal_cube_cell_amount (cell);
      guint64 bits;
      gint64 *sums = NULL;

      if (!filter_match_cell (&spec->filter, cell))
        continue;

      add_bits (income, filter_set_match (&items, cell), amount, m.saturate);
      if (filter_match_cell (&spec->total_sum, cell))
        add_bits (&income_total, 1, amount, m.saturate);

      if (cell->klass != NULL && !(sums = g_hash_table_lookup (by_class, cell->klass)))
        g_hash_table_insert (by_class, (gpointer) cell->klass, (sums = g_new0 (gint64, MAX (n_right, 1))));

      bits = filter_set_match (&rights, cell);
      add_bits (right_total, bits, amount, m.saturate);
      if (sums != NULL)
        add_bits (sums, bits, amount, m.saturate);
    }

  classes = balance_classes (cube, spec, by_class, n_right);
  n_rows = MAX (classes->len, n_items);

  for (guint i = 0; i < n_rows; i++)
    {
      row = fiscal_table_add_row (m.table, "", i < n_items ? g_array_index (spec->items, FiscalFormatItem, i).label : "", 0);
      if (i < n_items)
        {
          fiscal_table_row_set_amount (row, 0, income[i]);
          trace_last_row (m.table)->item = &g_array_index (spec->items, FiscalFormatItem, i).sum;
        }
      if (i < classes->len)
        {
          const char *klass = g_ptr_array_index (classes, i);
          const gint64 *sums = g_hash_table_lookup (by_class, klass);
          g_autofree char *text = class_label (cube, spec->class_label, klass, i);

          fiscal_table_row_set_label (row, 1, text);
          for (guint c = 0; c < n_right; c++)
            fiscal_table_row_set_amount (row, 2 + c, sums ? sums[c] : 0);
          trace_last_row (m.table)->klass = g_intern_string (klass);
        }
      else
        fiscal_table_row_set_label (row, 1, "");
    }

  row = fiscal_table_add_row (m.table, "", spec->total_label, 0);
  trace_last_row (m.table)->item = &spec->total_sum;
  trace_last_row (m.table)->total = TRUE;
  fiscal_table_row_set_amount (row, 0, income_total);
  fiscal_table_row_set_label (row, 1, spec->right_total_label);
  for (guint c = 0; c < n_right; c++)
    fiscal_table_row_set_amount (row, 2 + c, right_total[c]);

  return make_finish (&m);
}

/* ---- Projects ---------------------------------------------------------- */

typedef struct
{
  const char *code;
  guint       project_order;
  const char *project;
  guint       level;
  gint64      sums[];   /* one per amount cell */
} ProjectRow;

static int
compare_project_rows (const void *a,
                      const void *b)
{
  const ProjectRow *x = *(ProjectRow * const *) a;
  const ProjectRow *y = *(ProjectRow * const *) b;
  int c = strcmp (x->code, y->code);

  if (c != 0)
    return c;
  return (int) x->project_order - (int) y->project_order;
}

typedef struct
{
  const char *unit;    /* the unit's id, interned */
  GPtrArray  *rows;    /* ProjectRow, the unit's own row first */
  GHashTable *index;   /* ProjectRow (by code and project) → itself */
} ProjectBlock;

static guint
project_row_hash (gconstpointer data)
{
  const ProjectRow *row = data;
  return _fiscal_mix_pointer (row->code) * 31 + _fiscal_mix_pointer (row->project);
}

static gboolean
project_row_equal (gconstpointer a,
                   gconstpointer b)
{
  const ProjectRow *x = a, *y = b;
  return x->code == y->code && x->project == y->project;
}

static ProjectRow *
project_row_new (guint n)
{
  return g_malloc0 (sizeof (ProjectRow) + n * sizeof (gint64));
}

static void
project_block_free (gpointer data)
{
  ProjectBlock *block = data;

  g_ptr_array_unref (block->rows);
  g_hash_table_unref (block->index);
  g_free (block);
}

/* Where each amount cell of a projects table takes its sum from a
 * project cell: the index of the sum (0 the total, 1 + the 类), and which
 * sources it takes; -1 for a cell that no project cell adds to. */
typedef struct
{
  int     sum[64];
  guint64 columns[FISCAL_N_SOURCES];   /* the amount cells each source adds to */
} ProjectColumns;

static void
project_columns_init (const Make     *m,
                      ProjectColumns *pc)
{
  memset (pc, 0, sizeof *pc);
  for (guint j = 0; j < m->n; j++)
    {
      const FiscalFilter *col = m->sums[j];
      int k = col->klass ? _fiscal_economic_class_index (col->klass) : -1;

      guint32 sources = col->sources & m->spec->filter.sources;

      if (!(col->kinds >> FISCAL_KIND_PROJECT & 1) || !(m->spec->filter.kinds >> FISCAL_KIND_PROJECT & 1) ||
          col->sangong != 0 || col->profile >= 0 || (col->klass != NULL && k < 0))
        continue;
      pc->sum[j] = col->klass ? 1 + k : 0;
      for (guint s = 0; s < FISCAL_N_SOURCES; s++)
        if (sources >> s & 1)
          pc->columns[s] |= G_GUINT64_CONSTANT (1) << j;
    }
}

/* What a project cell adds to each amount cell, into @c; FALSE when it
 * adds nothing. A project cell holds project lines by source, each source
 * summed by economic 类. */
static gboolean
accumulate_project (const Make              *m,
                    const ProjectColumns    *pc,
                    const FiscalProjectCell *cell,
                    gint64                  *c)
{
  memset (c, 0, m->n * sizeof (gint64));
  for (const FiscalProjectSums *s = &cell->by_source; s != NULL; s = s->next)
    for (guint64 bits = pc->columns[s->source]; bits != 0; bits &= bits - 1)
      {
        guint j = __builtin_ctzll (bits);
        fiscal_money_accumulate (&c[j], _fiscal_wide_get (s->sums[pc->sum[j]], s->sums_high[pc->sum[j]]));
      }
  return !all_zero (c, m->n);
}

/* Per unit, in the units' order: the unit's row, then its function
 * hierarchy down to a row per project, in code and project order. */
static FiscalTable *
make_projects (Cube                    *cube,
               const FiscalFormatTable *spec)
{
  Make m;
  GListModel *units = fiscal_document_get_units (cube->document);
  guint projects_n = g_list_model_get_n_items (fiscal_document_get_projects (cube->document));
  g_autoptr(GPtrArray) projects = g_ptr_array_new_full (projects_n, g_object_unref);
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func (project_block_free);
  g_autoptr(GHashTable) unit_blocks = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) project_orders = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) prefix_cache = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autofree gint64 *total = NULL;
  g_autofree gint64 *sums = NULL;
  ProjectColumns pc;
  gboolean any = FALSE;
  guint n;

  make_init (&m, cube, spec);
  n = m.n;
  total = g_new0 (gint64, MAX (n, 1));
  sums = g_new0 (gint64, MAX (n, 1));
  project_columns_init (&m, &pc);

  /* One block of rows per unit; one pass over the cube fills them all. */
  for (guint u = 0; u < g_list_model_get_n_items (units); u++)
    {
      g_autoptr(FiscalUnit) unit = g_list_model_get_item (units, u);
      ProjectBlock *block = g_new0 (ProjectBlock, 1);
      ProjectRow *unit_row = project_row_new (n);

      block->rows = g_ptr_array_new_with_free_func (g_free);
      block->index = g_hash_table_new (project_row_hash, project_row_equal);
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
      const FiscalProjectCell *cell = g_ptr_array_index (cube->project_list, i);
      const char *code = cell->function;
      ProjectBlock *block;
      ProjectRow *unit_row;
      GPtrArray *prefixes;
      guint depth;

      if (!accumulate_project (&m, &pc, cell, sums) ||
          (block = g_hash_table_lookup (unit_blocks, cell->unit)) == NULL)
        continue;

      any = TRUE;
      unit_row = g_ptr_array_index (block->rows, 0);
      add_to (total, sums, n, m.saturate);
      add_to (unit_row->sums, sums, n, m.saturate);

      if (code == NULL)
        continue;

      prefixes = code_prefixes (prefix_cache, code, FALSE);
      depth = prefixes->len;
      for (guint level = 1; level <= depth; level++)
        {
          const char *project = level == depth ? cell->project : NULL;
          struct { const char *code; guint project_order; const char *project; } key = {
            g_ptr_array_index (prefixes, level - 1), 0, project
          };
          ProjectRow *row = g_hash_table_lookup (block->index, &key);

          if (row == NULL)
            {
              row = project_row_new (n);
              row->code = key.code;
              row->level = level;
              row->project = project;
              row->project_order = project ? GPOINTER_TO_UINT (g_hash_table_lookup (project_orders, project)) : 0;
              g_ptr_array_add (block->rows, row);
              g_hash_table_add (block->index, row);
            }

          add_to (row->sums, sums, n, m.saturate);
        }
    }

  for (guint b = 0; b < blocks->len; b++)
    g_ptr_array_sort (((ProjectBlock *) g_ptr_array_index (blocks, b))->rows, compare_project_rows);

  if (!any && set_empty_note (&m))
    {
      if (spec->empty_total)
        add_total_row (&m, total);
      return make_finish (&m);
    }

  if (!spec->total_bottom)
    add_total_row (&m, total);

  for (guint b = 0; b < blocks->len; b++)
    {
      ProjectBlock *block = g_ptr_array_index (blocks, b);
      GPtrArray *rows = block->rows;

      for (guint i = 0; i < rows->len; i++)
        {
          const ProjectRow *r = g_ptr_array_index (rows, i);
          FiscalTableRow *row;
          RowTrace *trace;

          if (all_zero (r->sums, n))
            break;   /* the unit row sorts first; an empty unit has no rows */

          if (r->code[0] == 0)
            row = fiscal_table_add_row (m.table, "", r->project, 0);
          else
            {
              row = fiscal_table_add_row (m.table, r->code, function_name (cube, r->code), r->level);
              if (r->project != NULL)
                {
                  FiscalProject *project = r->project_order > 0 ? g_ptr_array_index (projects, r->project_order - 1) : NULL;
                  fiscal_table_row_set_project (row, project ? fiscal_project_get_name (project) : r->project);
                }
            }
          add_amounts (row, r->sums, 0, n);
          trace = trace_last_row (m.table);
          trace->unit = block->unit;
          trace->project = r->code[0] != 0 ? r->project : NULL;
        }
    }

  if (spec->total_bottom)
    add_total_row (&m, total);

  return make_finish (&m);
}

/* ---- Items ------------------------------------------------------------- */

/* Fixed rows: each sums the lines its filter, the table's and the
 * column's all take; a column of a figure of the profile shows it on the
 * total rows. */
static FiscalTable *
make_items (Cube                    *cube,
            const FiscalFormatTable *spec)
{
  Make m;
  FiscalProfile *profile = fiscal_document_get_profile (cube->document);
  guint n_rows = spec->items->len;
  g_autofree gint64 *sums = NULL;
  const FiscalFilter *filters[64];
  FilterSet rows;
  guint n;

  make_init (&m, cube, spec);
  n = m.n;
  sums = g_new0 (gint64, MAX (n * n_rows, 1));

  for (guint r = 0; r < n_rows; r++)
    filters[r] = &g_array_index (spec->items, FiscalFormatItem, r).sum;
  filter_set_init (&rows, &spec->filter, filters, n_rows);

  for (guint i = 0; i < cube->list->len; i++)
    {
      const CubeCell *cell = g_ptr_array_index (cube->list, i);
      guint64 row_bits = filter_set_match (&rows, cell);
      guint64 bits;

      if (row_bits == 0)
        continue;
      bits = filter_set_match (&m.columns, cell);
      while (row_bits != 0)
        {
          add_bits (sums + __builtin_ctzll (row_bits) * n, bits, _fiscal_cube_cell_amount (cell), m.saturate);
          row_bits &= row_bits - 1;
        }
    }

  for (guint r = 0; r < n_rows; r++)
    {
      const FiscalFormatItem *item = &g_array_index (spec->items, FiscalFormatItem, r);
      FiscalTableRow *row = fiscal_table_add_row (m.table, "", item->label, item->level);
      RowTrace *trace;

      for (guint j = 0; j < n; j++)
        if (m.sums[j]->profile >= 0 && item->total)
          sums[r * n + j] = fiscal_profile_get_number (profile, m.sums[j]->profile);
      add_amounts (row, sums + r * n, 0, n);
      trace = trace_last_row (m.table);
      trace->item = &item->sum;
      trace->total = item->total;
    }

  return make_finish (&m);
}

static FiscalTable *
make_table (Cube                    *cube,
            const FiscalFormatTable *spec)
{
  switch (spec->layout)
    {
    case FISCAL_LAYOUT_HIERARCHY: return make_hierarchy (cube, spec);
    case FISCAL_LAYOUT_BALANCE:   return make_balance (cube, spec);
    case FISCAL_LAYOUT_PROJECTS:  return make_projects (cube, spec);
    case FISCAL_LAYOUT_ITEMS:     return make_items (cube, spec);
    default:                      g_return_val_if_reached (NULL);
    }
}

/* ---- The lines behind a figure ------------------------------------------ */

/* The filters of the amount cells right of a balance's label column. */
static int
balance_right_index (const FiscalFormatTable *spec,
                     int                      column)
{
  int index = -1;
  gboolean right = FALSE;

  for (int i = 0; i < (int) spec->columns->len; i++)
    {
      FiscalColumnKind kind = g_array_index (spec->columns, FiscalFormatColumn, i).kind;

      if (kind == FISCAL_COLUMN_LABEL)
        right = TRUE;
      else if (kind == FISCAL_COLUMN_AMOUNT && right)
        index++;
      if (i == column)
        return kind == FISCAL_COLUMN_AMOUNT && right ? index : -1;
    }
  return -1;
}

static gboolean
balance_is_right (const FiscalFormatTable *spec,
                  int                      column)
{
  for (int i = 0; i < (int) spec->columns->len && i <= column; i++)
    if (g_array_index (spec->columns, FiscalFormatColumn, i).kind == FISCAL_COLUMN_LABEL)
      return TRUE;
  return FALSE;
}

/* Whether @line is in one of the amount columns of @spec, or in @column
 * when it is an amount column. */
static gboolean
line_in_columns (const FiscalFormatTable *spec,
                 int                      column,
                 FiscalLine              *line,
                 FiscalCatalog           *economics)
{
  gboolean any = FALSE;

  if (column >= 0 && column < (int) spec->columns->len &&
      g_array_index (spec->columns, FiscalFormatColumn, column).kind == FISCAL_COLUMN_AMOUNT)
    return filter_match_line (&g_array_index (spec->columns, FiscalFormatColumn, column).sum, line, economics);

  /* A code, name or project column stands for the whole row. */
  for (guint i = 0; i < spec->columns->len && !any; i++)
    {
      const FiscalFormatColumn *c = &g_array_index (spec->columns, FiscalFormatColumn, i);
      any = c->kind == FISCAL_COLUMN_AMOUNT && filter_match_line (&c->sum, line, economics);
    }
  return any;
}

static gboolean
line_in_traced_cell (FiscalTable *table,
                     TableTrace  *table_trace,
                     guint        row,
                     int          column,
                     FiscalLine  *line)
{
  const FiscalFormatTable *spec = table_trace->spec;
  const RowTrace *trace = &g_array_index (table_trace->rows, RowTrace, row);
  FiscalCatalog *economics = table_trace->economics;
  const char *function = fiscal_line_get_function (line);
  const char *code = fiscal_table_get_row (table, row)->code;

  if (!filter_match_line (&spec->filter, line, economics))
    return FALSE;

  switch (spec->layout)
    {
    case FISCAL_LAYOUT_HIERARCHY:
      {
        const char *line_code = spec->economic ? fiscal_line_get_economic (line) : function;

        if (code[0] != 0 && (line_code == NULL || !g_str_has_prefix (line_code, code)))
          return FALSE;
        return line_in_columns (spec, column, line, economics);
      }

    case FISCAL_LAYOUT_BALANCE:
      {
        int right;

        /* The income item left (its name and figure), the 类 right; the
         * whole row is the income item where there is one. */
        if ((column < 0 && trace->item != NULL) || (column >= 0 && !balance_is_right (spec, column)))
          return trace->item != NULL && filter_match_line (trace->item, line, economics);
        if (!trace->total && trace->klass == NULL)
          return FALSE;
        if (!trace->total && (function == NULL || !g_str_has_prefix (function, trace->klass)))
          return FALSE;
        if ((right = balance_right_index (spec, column)) >= 0)
          return filter_match_line (&g_array_index (spec->class_sums, FiscalFilter, right), line, economics);
        for (guint c = 0; c < spec->class_sums->len; c++)
          if (filter_match_line (&g_array_index (spec->class_sums, FiscalFilter, c), line, economics))
            return TRUE;
        return FALSE;
      }

    case FISCAL_LAYOUT_PROJECTS:
      if (fiscal_line_get_kind (line) != FISCAL_KIND_PROJECT || !line_in_columns (spec, column, line, economics))
        return FALSE;
      if (trace->total)
        return TRUE;
      if (trace->unit != fiscal_line_get_unit (line) ||
          (trace->project != NULL && trace->project != fiscal_line_get_project (line)))
        return FALSE;
      return code[0] == 0 || (function != NULL && g_str_has_prefix (function, code));

    case FISCAL_LAYOUT_ITEMS:
      return trace->item != NULL && filter_match_line (trace->item, line, economics) &&
             line_in_columns (spec, column, line, economics);

    default:
      return FALSE;
    }
}

/* The trace of @row, for a table of the pivot; NULL for a table read from
 * a disclosure. */
static const RowTrace *
row_trace (FiscalTable *table,
           guint        row)
{
  TableTrace *trace = get_trace (table);

  if (trace == NULL || row >= trace->rows->len)
    return NULL;
  return &g_array_index (trace->rows, RowTrace, row);
}

/* The layout of a table read from a disclosure: that of the national
 * table of its number. */
static const FiscalFormatTable *
national_spec (FiscalTable *table)
{
  guint number = fiscal_table_get_number (table);

  if (number < 1 || number > FISCAL_N_TABLES)
    return NULL;
  return fiscal_format_find_national (national_format (), number);
}

/**
 * fiscal_pivot_row_traceable:
 *
 * Whether fiscal_pivot_line_in_cell() can name lines behind @row: every
 * row of the tables the pivot makes but the empty rows of a balance, and
 * of a table read from a disclosure the rows of a code hierarchy and
 * those with a function code.
 */
gboolean
fiscal_pivot_row_traceable (FiscalTable *table,
                            guint        row)
{
  const FiscalFormatTable *spec;
  const RowTrace *trace;

  g_return_val_if_fail (FISCAL_IS_TABLE (table), FALSE);
  g_return_val_if_fail (row < fiscal_table_get_n_rows (table), FALSE);

  if ((trace = row_trace (table, row)) != NULL)
    {
      spec = get_trace (table)->spec;
      if (spec->layout == FISCAL_LAYOUT_HIERARCHY)
        return TRUE;
      return trace->item != NULL || trace->klass != NULL || trace->total || trace->unit != NULL;
    }

  spec = national_spec (table);
  return (spec != NULL && spec->layout == FISCAL_LAYOUT_HIERARCHY) ||
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
 * filters the table was made by are asked, so the lines found for a
 * figure are exactly those it sums. A line of amount 0 counts as in the
 * cells it would add to. In a balance the income item's name and figure
 * stand for the income item, the 类 and the figures right of it for the
 * expenditure; elsewhere the columns left of the first figure stand for
 * the whole row. A table read from a disclosure, not made by the pivot,
 * answers as the national table of its number where that is a code
 * hierarchy, and by the row's function code elsewhere.
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
  const FiscalFormatTable *spec;
  const char *function;
  const char *code;

  g_return_val_if_fail (FISCAL_IS_TABLE (table), FALSE);
  g_return_val_if_fail (FISCAL_IS_LINE (line), FALSE);
  g_return_val_if_fail (row < fiscal_table_get_n_rows (table), FALSE);

  if (row_trace (table, row) != NULL)
    return line_in_traced_cell (table, get_trace (table), row, column, line);

  r = fiscal_table_get_row (table, row);
  function = fiscal_line_get_function (line);
  spec = national_spec (table);

  if (spec == NULL || spec->layout != FISCAL_LAYOUT_HIERARCHY)
    return r->code[0] != 0 && function != NULL && g_str_has_prefix (function, r->code);

  code = spec->economic ? fiscal_line_get_economic (line) : function;
  if (r->code[0] != 0 && (code == NULL || !g_str_has_prefix (code, r->code)))
    return FALSE;

  /* The published table's columns are the national table's. */
  return filter_match_line (&spec->filter, line, NULL) &&
         (column < 0 || column >= (int) spec->columns->len ||
          line_in_columns (spec, column, line, NULL));
}

/**
 * fiscal_pivot_describe_cell:
 * @column: a column of @table, or -1 for the whole row
 *
 * Names a figure as a reader finds it in the table: the table, the row's
 * code and name (the 类 beside the income item, for the expenditure side
 * of a balance) and the figure's column, as
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
  const FiscalFormatTable *spec;
  const char *name;
  g_autofree char *label = NULL;
  guint number;

  g_return_val_if_fail (FISCAL_IS_TABLE (table), NULL);
  g_return_val_if_fail (row < fiscal_table_get_n_rows (table), NULL);

  r = fiscal_table_get_row (table, row);
  c = column >= 0 ? fiscal_table_get_column (table, column) : NULL;
  number = fiscal_table_get_number (table);
  name = r->name;
  spec = get_trace (table) ? get_trace (table)->spec : national_spec (table);

  /* The right-hand side of a balance is named by its 类. */
  if (spec != NULL && spec->layout == FISCAL_LAYOUT_BALANCE && column >= 0 && balance_is_right (spec, column))
    for (guint i = 0; i < r->n_cells; i++)
      if (r->cells[i].text != NULL)
        name = r->cells[i].text;

  /* A row named by its code and name already keeps it. */
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

/* ---- The tables ---------------------------------------------------------- */

/**
 * fiscal_pivot_format_tables:
 * @format: the format whose tables to make
 *
 * Makes every table of @format from the document's cube of its lines.
 *
 * Returns: (transfer full) (element-type FiscalTable): the tables, in the
 *   format's order
 */
GPtrArray *
fiscal_pivot_format_tables (FiscalDocument *document,
                            FiscalFormat   *format)
{
  GPtrArray *tables;
  FiscalCube *cube;

  g_return_val_if_fail (FISCAL_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (FISCAL_IS_FORMAT (format), NULL);

  cube = _fiscal_document_get_cube (document);
  tables = g_ptr_array_new_full (fiscal_format_get_n_tables (format), g_object_unref);
  for (guint i = 0; i < fiscal_format_get_n_tables (format); i++)
    g_ptr_array_add (tables, make_table (cube, fiscal_format_get_table (format, i)));

  return tables;
}

/**
 * fiscal_pivot_all:
 *
 * Makes the tables of the document's format (national-11 unless it names
 * another).
 *
 * Returns: (transfer full) (element-type FiscalTable): the tables, in the
 *   format's order
 */
GPtrArray *
fiscal_pivot_all (FiscalDocument *document)
{
  g_return_val_if_fail (FISCAL_IS_DOCUMENT (document), NULL);

  return fiscal_pivot_format_tables (document, fiscal_document_get_format (document));
}

/**
 * fiscal_pivot_table:
 * @number: a table number of the document's format
 *
 * Returns: (transfer full) (nullable): table @number of the document's
 *   format, or %NULL when it has none of that number
 */
FiscalTable *
fiscal_pivot_table (FiscalDocument *document,
                    guint           number)
{
  const FiscalFormatTable *spec;

  g_return_val_if_fail (FISCAL_IS_DOCUMENT (document), NULL);

  spec = fiscal_format_find_table (fiscal_document_get_format (document), number);
  g_return_val_if_fail (spec != NULL, NULL);

  return make_table (_fiscal_document_get_cube (document), spec);
}

/**
 * fiscal_pivot_national:
 * @number: 1 to 11
 *
 * Makes national table @number whatever the document's format: the import
 * and the audit reason in the national tables.
 *
 * Returns: (transfer full): the table
 */
FiscalTable *
fiscal_pivot_national (FiscalDocument *document,
                       guint           number)
{
  g_return_val_if_fail (FISCAL_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (number >= 1 && number <= FISCAL_N_TABLES, NULL);

  return make_table (_fiscal_document_get_cube (document),
                     fiscal_format_find_national (national_format (), number));
}

/**
 * fiscal_pivot_all_national:
 *
 * Returns: (transfer full) (element-type FiscalTable): national tables 1
 *   to 11 of @document, whatever its format
 */
GPtrArray *
fiscal_pivot_all_national (FiscalDocument *document)
{
  GPtrArray *tables;

  g_return_val_if_fail (FISCAL_IS_DOCUMENT (document), NULL);

  tables = g_ptr_array_new_full (FISCAL_N_TABLES, g_object_unref);
  for (guint n = 1; n <= FISCAL_N_TABLES; n++)
    g_ptr_array_add (tables, fiscal_pivot_national (document, n));
  return tables;
}
