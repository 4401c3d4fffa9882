/* fiscal-disclosure-national.c
 *
 * The national tables of a disclosure published in another format: the
 * import and the audit reason in the national tables (表 2 function ×
 * source, 表 3 function × basic/project, …), so a publication in Shanghai's
 * nine tables, say, is first turned into the national tables its figures
 * give.
 *
 * Each figure of a code hierarchy is the sum of a row's money over a set
 * of sources and kinds (its column's filter). Per row (a code), the money
 * of each source and kind is worked out from the published figures, the
 * finest first: a figure's money beyond what finer figures already placed
 * goes to the source and kind its column names first (the usual one:
 * 一般公共预算 for the general budget, 人员经费 for basic money), and the
 * rest of its sources and kinds get none. Where the tables tell sources
 * apart this is exact; where they do not, it is an assumption, which the
 * import reports. The national tables are then the sums of that money by
 * their own columns. A national column that no published figure speaks
 * for (carry-over, in a format that publishes none) is 0 and said so; a
 * national table none of whose columns any figure speaks for is not made.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-disclosure"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fiscal-disclosure-private.h"
#include "fiscal-document.h"
#include "fiscal-format-private.h"
#include "fiscal-pivot.h"

typedef struct
{
  gint64   money[FISCAL_N_SOURCES][FISCAL_N_KINDS];
  gboolean said[FISCAL_N_SOURCES][FISCAL_N_KINDS];   /* a published figure speaks for it */
  char    *name;                                      /* as published */
  guint    line;
} Row;

/* One published figure of a row. */
typedef struct
{
  FiscalFilter filter;
  gint64       value;
} Figure;

typedef struct
{
  GHashTable *rows;       /* code ("" for the total) → Row */
  GHashTable *figures;    /* code → GArray of Figure */
} Dimension;

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->name);
  g_free (row);
}

static void
dimension_init (Dimension *d)
{
  d->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, row_free);
  d->figures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
}

static void
dimension_clear (Dimension *d)
{
  g_clear_pointer (&d->rows, g_hash_table_unref);
  g_clear_pointer (&d->figures, g_hash_table_unref);
}

static guint
filter_size (const FiscalFilter *f)
{
  return __builtin_popcount (f->sources) * __builtin_popcount (f->kinds);
}

/* Whether the money of a filter is told by sources and kinds alone. */
static gboolean
is_plain (const FiscalFilter *f)
{
  return f->klass == NULL && f->sangong == 0 && f->profile < 0 && f->sources != 0 && f->kinds != 0;
}

static void
add_figure (Dimension          *d,
            const char         *code,
            const char         *name,
            guint               line,
            const FiscalFilter *filter,
            gint64              value)
{
  GArray *figures = g_hash_table_lookup (d->figures, code);
  Figure f = { *filter, value };

  if (figures == NULL)
    {
      figures = g_array_new (FALSE, FALSE, sizeof (Figure));
      g_hash_table_insert (d->figures, g_strdup (code), figures);
    }
  g_array_append_val (figures, f);

  if (!g_hash_table_contains (d->rows, code))
    {
      Row *row = g_new0 (Row, 1);

      row->name = g_strdup (name);
      row->line = line;
      g_hash_table_insert (d->rows, g_strdup (code), row);
    }
}

static int
compare_figures (gconstpointer a,
                 gconstpointer b)
{
  guint x = filter_size (&((const Figure *) a)->filter);
  guint y = filter_size (&((const Figure *) b)->filter);

  return x < y ? -1 : x > y;
}

/* The money of one row by source and kind, from its figures, the finest
 * first. */
static void
place_row (Row    *row,
           GArray *figures)
{
  g_array_sort (figures, compare_figures);

  for (guint i = 0; i < figures->len; i++)
    {
      const Figure *f = &g_array_index (figures, Figure, i);
      gint64 rest = f->value;
      int to_s = -1, to_k = -1;

      for (guint s = 0; s < FISCAL_N_SOURCES; s++)
        for (guint k = 0; k < FISCAL_N_KINDS; k++)
          if ((f->filter.sources >> s & 1) && (f->filter.kinds >> k & 1) && row->said[s][k])
            rest -= row->money[s][k];

      /* the rest to the source and kind named first, else the first not
       * yet placed */
      if ((f->filter.sources >> f->filter.first_source & 1) && (f->filter.kinds >> f->filter.first_kind & 1) &&
          !row->said[f->filter.first_source][f->filter.first_kind])
        {
          to_s = f->filter.first_source;
          to_k = f->filter.first_kind;
        }
      for (guint s = 0; to_s < 0 && s < FISCAL_N_SOURCES; s++)
        for (guint k = 0; to_s < 0 && k < FISCAL_N_KINDS; k++)
          if ((f->filter.sources >> s & 1) && (f->filter.kinds >> k & 1) && !row->said[s][k])
            {
              to_s = s;
              to_k = k;
            }

      for (guint s = 0; s < FISCAL_N_SOURCES; s++)
        for (guint k = 0; k < FISCAL_N_KINDS; k++)
          if ((f->filter.sources >> s & 1) && (f->filter.kinds >> k & 1))
            row->said[s][k] = TRUE;
      if (to_s >= 0)
        row->money[to_s][to_k] += rest;
    }
}

static gint64
row_sum (const Row          *row,
         const FiscalFilter *f,
         gboolean           *said)
{
  gint64 sum = 0;

  for (guint s = 0; s < FISCAL_N_SOURCES; s++)
    for (guint k = 0; k < FISCAL_N_KINDS; k++)
      if ((f->sources >> s & 1) && (f->kinds >> k & 1))
        {
          sum += row->money[s][k];
          if (said != NULL && row->said[s][k])
            *said = TRUE;
        }
  return sum;
}

/* The published figures of the code hierarchies, by dimension. */
static void
gather (FiscalFormat  *format,
        FiscalTable  **published,
        const gboolean *published_empty,
        guint           max_tables,
        Dimension      *function,
        Dimension      *economic)
{
  for (guint i = 0; i < fiscal_format_get_n_tables (format); i++)
    {
      const FiscalFormatTable *spec = fiscal_format_get_table (format, i);
      FiscalTable *table = spec->number <= max_tables ? published[spec->number] : NULL;
      Dimension *d = spec->economic ? economic : function;
      g_autofree FiscalFilter *filters = g_new0 (FiscalFilter, spec->columns->len + 1);
      guint n = 0;

      if (table == NULL || spec->layout != FISCAL_LAYOUT_HIERARCHY)
        continue;

      for (guint c = 0; c < spec->columns->len; c++)
        {
          const FiscalFormatColumn *column = &g_array_index (spec->columns, FiscalFormatColumn, c);

          if (column->kind == FISCAL_COLUMN_AMOUNT)
            filters[n++] = _fiscal_filter_within_table (&column->sum, &spec->filter);
        }

      for (guint r = 0; r < fiscal_table_get_n_rows (table); r++)
        {
          const FiscalTableRow *row = fiscal_table_get_row (table, r);
          guint cell = 0;

          for (guint c = 0; c < row->n_cells; c++)
            {
              if (row->cells[c].text != NULL)
                continue;
              if (cell < n && is_plain (&filters[cell]))
                add_figure (d, row->code, row->name, row->source_line, &filters[cell], row->cells[c].amount);
              cell++;
            }
        }

      /* an empty table speaks for its money too: there is none */
      if (fiscal_table_get_n_rows (table) == 0 && published_empty[spec->number])
        for (guint k = 0; k < n; k++)
          if (is_plain (&filters[k]))
            add_figure (d, "", NULL, fiscal_table_get_source_line (table), &filters[k], 0);
    }

  for (guint p = 0; p < 2; p++)
    {
      Dimension *d = p == 0 ? function : economic;
      GHashTableIter iter;
      gpointer code, row;

      g_hash_table_iter_init (&iter, d->rows);
      while (g_hash_table_iter_next (&iter, &code, &row))
        {
          GArray *figures = g_hash_table_lookup (d->figures, code);

          /* a code's row is also spoken for by the empty tables, through
           * the total's figures */
          if (*(const char *) code != 0)
            {
              GArray *total = g_hash_table_lookup (d->figures, "");

              for (guint i = 0; total != NULL && i < total->len; i++)
                if (g_array_index (total, Figure, i).value == 0)
                  {
                    Figure zero = g_array_index (total, Figure, i);
                    gboolean have = FALSE;

                    for (guint j = 0; j < figures->len && !have; j++)
                      have = g_array_index (figures, Figure, j).filter.sources == zero.filter.sources &&
                             g_array_index (figures, Figure, j).filter.kinds == zero.filter.kinds;
                    if (!have)
                      g_array_append_val (figures, zero);
                  }
            }
          place_row (row, figures);
        }
    }
}

static int
compare_codes (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static FiscalTable *
copy_shape (FiscalTable *shape,
            const char  *department)
{
  FiscalTable *table = fiscal_table_new (fiscal_table_get_number (shape), fiscal_table_get_title (shape));

  fiscal_table_set_department (table, department);
  for (guint c = 0; c < fiscal_table_get_n_columns (shape); c++)
    {
      const FiscalTableColumn *col = fiscal_table_get_column (shape, c);
      fiscal_table_add_column (table, col->kind, col->title);
    }
  for (guint h = 0; h < fiscal_table_get_n_header_cells (shape); h++)
    {
      const FiscalTableHeaderCell *cell = fiscal_table_get_header_cell (shape, h);
      fiscal_table_add_header (table, cell->row, cell->column, cell->row_span, cell->column_span, cell->text);
    }
  return table;
}

static guint
code_level (const char *code)
{
  gsize len = strlen (code);

  return len == 0 ? 0 : len <= 3 ? 1 : len <= 5 ? 2 : 3;
}

/* A national code hierarchy from the money of @d's rows. Returns NULL
 * when no published figure speaks for any of its columns; *@unsaid names
 * the columns none speaks for. */
static FiscalTable *
make_hierarchy (const FiscalFormatTable *spec,
                FiscalTable             *shape,
                Dimension               *d,
                const char              *department,
                GString                 *unsaid)
{
  g_autoptr(FiscalTable) table = copy_shape (shape, department);
  g_autofree FiscalFilter *filters = g_new0 (FiscalFilter, spec->columns->len + 1);
  g_autofree const char **codes = NULL;
  g_autofree gboolean *said = NULL;
  gboolean any_said = FALSE;
  guint n = 0, n_codes;

  for (guint c = 0; c < spec->columns->len; c++)
    {
      const FiscalFormatColumn *column = &g_array_index (spec->columns, FiscalFormatColumn, c);

      if (column->kind == FISCAL_COLUMN_AMOUNT)
        filters[n++] = _fiscal_filter_within_table (&column->sum, &spec->filter);
    }
  said = g_new0 (gboolean, MAX (n, 1));

  codes = (const char **) g_hash_table_get_keys_as_array (d->rows, &n_codes);
  qsort (codes, n_codes, sizeof (char *), compare_codes);

  for (guint i = 0; i < n_codes; i++)
    {
      const Row *row = g_hash_table_lookup (d->rows, codes[i]);
      g_autofree gint64 *values = g_new0 (gint64, MAX (n, 1));
      gboolean nonzero = FALSE;
      FiscalTableRow *out;
      const char *name;

      for (guint k = 0; k < n; k++)
        {
          values[k] = row_sum (row, &filters[k], &said[k]);
          nonzero |= values[k] != 0;
        }
      if (!nonzero && *codes[i] != 0)
        continue;

      name = *codes[i] ? row->name : spec->total_label;
      if (spec->code_in_name && *codes[i] && row->name && !g_str_has_prefix (row->name, codes[i]))
        {
          g_autofree char *both = g_strdup_printf ("%s %s", codes[i], row->name);
          out = fiscal_table_add_row (table, codes[i], both, code_level (codes[i]));
        }
      else
        out = fiscal_table_add_row (table, codes[i], name ? name : "", code_level (codes[i]));
      out->source_line = row->line;
      for (guint k = 0; k < n; k++)
        fiscal_table_row_set_amount (out, k, values[k]);
    }

  for (guint k = 0; k < n; k++)
    {
      any_said |= said[k];
      if (!said[k])
        {
          guint cell = 0;

          for (guint c = 0; c < fiscal_table_get_n_columns (table); c++)
            if (fiscal_table_get_column (table, c)->kind == FISCAL_COLUMN_AMOUNT && cell++ == k)
              g_string_append_printf (unsaid, "%s%s", unsaid->len ? "、" : "", fiscal_table_get_column (table, c)->title);
        }
    }

  return any_said ? g_steal_pointer (&table) : NULL;
}

/* A national balance (income items beside the 类) from the money of the
 * total and of the 类 rows of the function hierarchy. */
static FiscalTable *
make_balance (const FiscalFormatTable *spec,
              FiscalTable             *shape,
              Dimension               *d,
              const char              *department,
              GString                 *unsaid)
{
  g_autoptr(FiscalTable) table = copy_shape (shape, department);
  const Row *total = g_hash_table_lookup (d->rows, "");
  g_autoptr(GPtrArray) classes = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer code;
  gboolean any_said = FALSE;
  FiscalTableRow *row;
  guint n_items = spec->items->len, n_right = spec->class_sums->len, n_rows;

  if (total == NULL)
    return NULL;

  g_hash_table_iter_init (&iter, d->rows);
  while (g_hash_table_iter_next (&iter, &code, NULL))
    if (strlen (code) == 3)
      g_ptr_array_add (classes, code);
  g_ptr_array_sort (classes, compare_codes);
  n_rows = MAX (n_items, classes->len);

  for (guint i = 0; i < n_rows; i++)
    {
      FiscalFilter f;

      row = fiscal_table_add_row (table, "", i < n_items ? g_array_index (spec->items, FiscalFormatItem, i).label : "", 0);
      if (i < n_items)
        {
          gboolean said = FALSE;

          f = _fiscal_filter_within_table (&g_array_index (spec->items, FiscalFormatItem, i).sum, &spec->filter);
          fiscal_table_row_set_amount (row, 0, row_sum (total, &f, &said));
          any_said |= said;
          if (!said)
            g_string_append_printf (unsaid, "%s%s", unsaid->len ? "、" : "",
                                    g_array_index (spec->items, FiscalFormatItem, i).label);
        }
      if (i < classes->len)
        {
          const char *klass = g_ptr_array_index (classes, i);
          const Row *class_row = g_hash_table_lookup (d->rows, klass);
          g_autofree char *label = class_row->name ? g_strdup_printf ("%s %s", klass, class_row->name)
                                                   : g_strdup (klass);

          fiscal_table_row_set_label (row, 1, label);
          for (guint c = 0; c < n_right; c++)
            {
              f = _fiscal_filter_within_table (&g_array_index (spec->class_sums, FiscalFilter, c), &spec->filter);
              fiscal_table_row_set_amount (row, 2 + c, row_sum (class_row, &f, NULL));
            }
        }
      else
        fiscal_table_row_set_label (row, 1, "");
    }

  row = fiscal_table_add_row (table, "", spec->total_label, 0);
  {
    FiscalFilter f = _fiscal_filter_within_table (&spec->total_sum, &spec->filter);
    fiscal_table_row_set_amount (row, 0, row_sum (total, &f, NULL));
  }
  fiscal_table_row_set_label (row, 1, spec->right_total_label);
  for (guint c = 0; c < n_right; c++)
    {
      FiscalFilter f = _fiscal_filter_within_table (&g_array_index (spec->class_sums, FiscalFilter, c), &spec->filter);
      fiscal_table_row_set_amount (row, 2 + c, row_sum (total, &f, NULL));
    }

  return any_said ? g_steal_pointer (&table) : NULL;
}

/**
 * _fiscal_disclosure_national_tables:
 * @format: the format the tables are published in, not the national one
 * @published: (array length=max_tables): the published tables by number
 * @national: (out) (array fixed-size=12): the national tables made
 * @note: called with each thing assumed or left out
 *
 * Makes the national tables the published ones give.
 */
void
_fiscal_disclosure_national_tables (FiscalFormat      *format,
                                    FiscalTable      **published,
                                    const gboolean    *published_empty,
                                    guint              max_tables,
                                    int                year,
                                    const char        *department,
                                    FiscalTable      **national,
                                    FiscalNoteFunc     note,
                                    gpointer           data)
{
  FiscalFormat *national_format = fiscal_format_get (FISCAL_FORMAT_DEFAULT);
  g_autoptr(FiscalDocument) empty = fiscal_document_new (year > 0 ? year : 2025, department);
  const FiscalAmountStyle *style = NULL;
  Dimension function, economic;

  /* the national tables print what the published ones print */
  for (guint i = 0; i < fiscal_format_get_n_tables (format) && style == NULL; i++)
    {
      const FiscalFormatTable *spec = fiscal_format_get_table (format, i);

      if (spec->layout == FISCAL_LAYOUT_HIERARCHY && spec->number <= max_tables && published[spec->number] != NULL)
        style = fiscal_table_get_amount_style (published[spec->number]);
    }

  dimension_init (&function);
  dimension_init (&economic);
  gather (format, published, published_empty, max_tables, &function, &economic);

  for (guint n = 1; n <= FISCAL_N_TABLES; n++)
    {
      const FiscalFormatTable *spec = fiscal_format_find_national (national_format, n);
      g_autoptr(FiscalTable) shape = fiscal_pivot_national (empty, n);
      g_autoptr(GString) unsaid = g_string_new (NULL);
      FiscalTable *made = NULL;

      if (spec->layout == FISCAL_LAYOUT_HIERARCHY)
        made = make_hierarchy (spec, shape, spec->economic ? &economic : &function, department, unsaid);
      else if (spec->layout == FISCAL_LAYOUT_BALANCE)
        made = make_balance (spec, shape, &function, department, unsaid);

      if (made == NULL)
        continue;
      if (style != NULL)
        fiscal_table_set_amount_style (made, style);
      national[n] = made;
      note (FISCAL_IMPORT_INFERENCE, 0,
            unsaid->len == 0
            ? g_strdup_printf (_("表 %u of the national numbering is made from the published tables"), n)
            : g_strdup_printf (_("表 %u of the national numbering is made from the published tables; "
                                 "none of them gives %s, which is taken as 0"), n, unsaid->str),
            data);
    }

  dimension_clear (&function);
  dimension_clear (&economic);
}
