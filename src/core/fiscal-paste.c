/* fiscal-paste.c
 *
 * The pasted text is untrusted: a clipboard may hold anything, of any
 * size. It is read in one pass, a row at a time, without splitting it all
 * up first: of each row only the cells the columns need are copied, a
 * cell that should hold a code, a name or an amount is refused past
 * MAX_CELL_CHARS characters before it is looked up, units and projects are
 * found through a table made once, a header is looked for in the first
 * MAX_COLUMNS cells, and the rows refused are counted but only the first
 * MAX_REJECTED are described. Time and memory stay linear in the text,
 * with a small factor.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-paste"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fiscal-catalog.h"
#include "fiscal-document.h"
#include "fiscal-line.h"
#include "fiscal-money.h"
#include "fiscal-paste.h"
#include "fiscal-project.h"
#include "fiscal-unit.h"

/* The longest code, name or amount cell read; a note may be longer. */
#define MAX_CELL_CHARS 200

/* The rows refused that are described one by one. */
#define MAX_REJECTED 1000

/* The columns a header row is read for, as many as a spreadsheet has. */
#define MAX_COLUMNS 16384

typedef enum
{
  COL_UNIT,
  COL_FUNCTION,
  COL_ECONOMIC,
  COL_KIND,
  COL_PROJECT,
  COL_SOURCE,
  COL_AMOUNT,
  COL_NOTE,
  N_COLS
} Column;

/* Words a header cell may hold, checked in this order (资金来源 before
 * 单位, 单位资金 is a source). */
static const struct { Column column; const char *word; } header_words[] = {
  { COL_SOURCE, "来源" }, { COL_SOURCE, "source" },
  { COL_FUNCTION, "功能" }, { COL_FUNCTION, "function" },
  { COL_ECONOMIC, "经济" }, { COL_ECONOMIC, "economic" },
  { COL_AMOUNT, "金额" }, { COL_AMOUNT, "预算数" }, { COL_AMOUNT, "数额" }, { COL_AMOUNT, "amount" },
  { COL_KIND, "类型" }, { COL_KIND, "类别" }, { COL_KIND, "kind" },
  { COL_PROJECT, "项目" }, { COL_PROJECT, "project" },
  { COL_NOTE, "备注" }, { COL_NOTE, "说明" }, { COL_NOTE, "note" },
  { COL_UNIT, "单位" }, { COL_UNIT, "unit" },
};

static const struct { const char *word; FiscalKind kind; } kind_words[] = {
  { "人员经费", FISCAL_KIND_PERSONNEL }, { "公用经费", FISCAL_KIND_PUBLIC }, { "项目支出", FISCAL_KIND_PROJECT },
  { "人员", FISCAL_KIND_PERSONNEL }, { "公用", FISCAL_KIND_PUBLIC }, { "项目", FISCAL_KIND_PROJECT },
};

static const struct { const char *word; FiscalSource source; } source_words[] = {
  { "上级一般公共预算", FISCAL_SOURCE_GENERAL_TRANSFER },
  { "一般公共预算", FISCAL_SOURCE_GENERAL }, { "一般财力", FISCAL_SOURCE_GENERAL },
  { "上级政府性基金", FISCAL_SOURCE_FUND_TRANSFER }, { "政府性基金", FISCAL_SOURCE_FUND },
  { "上级国有资本", FISCAL_SOURCE_CAPITAL_TRANSFER }, { "国有资本", FISCAL_SOURCE_CAPITAL },
  { "财政专户", FISCAL_SOURCE_SPECIAL_ACCOUNT }, { "事业收入", FISCAL_SOURCE_UNIT_BUSINESS },
  { "上级补助", FISCAL_SOURCE_UNIT_SUBSIDY }, { "附属单位", FISCAL_SOURCE_UNIT_AFFILIATE },
  { "经营收入", FISCAL_SOURCE_UNIT_OPERATING }, { "其他收入", FISCAL_SOURCE_UNIT_OTHER },
  { "单位资金", FISCAL_SOURCE_UNIT_OTHER },
};

void
fiscal_paste_result_free (FiscalPasteResult *result)
{
  if (result == NULL)
    return;

  g_ptr_array_unref (result->lines);
  g_ptr_array_unref (result->rejected);
  g_free (result);
}

static gboolean
header_column (const char *cell,
               Column     *column)
{
  g_autofree char *lower = g_utf8_strdown (cell, -1);

  for (guint i = 0; i < G_N_ELEMENTS (header_words); i++)
    if (strstr (lower, header_words[i].word))
      {
        *column = header_words[i].column;
        return TRUE;
      }

  return FALSE;
}

/* Whether @text is @label, ignoring case (an English label typed in
 * lower case is still the label). */
static gboolean
same_label (const char *text,
            const char *label)
{
  g_autofree char *a = g_utf8_casefold (text, -1);
  g_autofree char *b = g_utf8_casefold (label, -1);

  return g_str_equal (a, b);
}

/**
 * fiscal_paste_read_kind:
 * @text: a kind as a person writes it: its label (基本支出·人员经费), its
 *   name (personnel) or a short form (人员经费, 人员, 公用, 项目)
 *
 * Reads a kind of expenditure the way a pasted cell and a typed cell are
 * both read.
 *
 * Returns: %TRUE with @kind set, or %FALSE if @text is no kind
 */
gboolean
fiscal_paste_read_kind (const char *text,
                        FiscalKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  if (text == NULL || *text == 0)
    return FALSE;
  if (fiscal_kind_from_string (text, kind))
    return TRUE;
  for (guint i = 0; i < FISCAL_N_KINDS; i++)
    if (same_label (text, fiscal_kind_label (i)) || same_label (text, fiscal_kind_to_string (i)))
      {
        *kind = i;
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (kind_words); i++)
    if (strstr (text, kind_words[i].word))
      {
        *kind = kind_words[i].kind;
        return TRUE;
      }
  return FALSE;
}

/**
 * fiscal_paste_read_source:
 * @text: a funding source: its label, its name or a short form
 *   (一般公共预算, 财政专户, 单位资金, …)
 *
 * Reads a funding source the way a pasted cell and a typed cell are both
 * read.
 *
 * Returns: %TRUE with @source set, or %FALSE if @text is no source
 */
gboolean
fiscal_paste_read_source (const char   *text,
                          FiscalSource *source)
{
  g_return_val_if_fail (source != NULL, FALSE);

  if (text == NULL || *text == 0)
    return FALSE;
  if (fiscal_source_from_string (text, source))
    return TRUE;
  for (guint i = 0; i < FISCAL_N_SOURCES; i++)
    if (same_label (text, fiscal_source_label (i)) || same_label (text, fiscal_source_to_string (i)))
      {
        *source = i;
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (source_words); i++)
    if (strstr (text, source_words[i].word))
      {
        *source = source_words[i].source;
        return TRUE;
      }
  return FALSE;
}

static const char *
find_id (GListModel *model,
         gboolean    units,
         const char *text)
{
  if (text == NULL || *text == 0)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      const char *id = units ? fiscal_unit_get_id (FISCAL_UNIT (item)) : fiscal_project_get_id (FISCAL_PROJECT (item));
      const char *name = units ? fiscal_unit_get_name (FISCAL_UNIT (item)) : fiscal_project_get_name (FISCAL_PROJECT (item));

      if (g_strcmp0 (text, id) == 0 || g_strcmp0 (text, name) == 0)
        return g_intern_string (id);
    }

  return NULL;
}

/**
 * fiscal_paste_find_unit:
 * @text: a unit's id or name
 *
 * Returns: (nullable): the unit's id (interned), or %NULL if @document
 *   has no such unit
 */
const char *
fiscal_paste_find_unit (FiscalDocument *document,
                        const char     *text)
{
  g_return_val_if_fail (FISCAL_IS_DOCUMENT (document), NULL);
  return find_id (fiscal_document_get_units (document), TRUE, text);
}

/**
 * fiscal_paste_find_project:
 * @text: a project's id or name
 *
 * Returns: (nullable): the project's id (interned), or %NULL if @document
 *   has no such project
 */
const char *
fiscal_paste_find_project (FiscalDocument *document,
                           const char     *text)
{
  g_return_val_if_fail (FISCAL_IS_DOCUMENT (document), NULL);
  return find_id (fiscal_document_get_projects (document), FALSE, text);
}

/* The amount of a cell, read as 万元 or 元, a trailing unit allowed. */
static gboolean
parse_amount (const char  *text,
              gboolean     wan,
              gint64      *fen,
              char       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *copy = g_strstrip (g_strdup (text));

  if (g_str_has_suffix (copy, "万元"))
    {
      copy[strlen (copy) - strlen ("万元")] = 0;
      wan = TRUE;
    }
  else if (g_str_has_suffix (copy, "元"))
    {
      copy[strlen (copy) - strlen ("元")] = 0;
      wan = FALSE;
    }
  g_strstrip (copy);

  if ((wan ? fiscal_money_parse_wan : fiscal_money_parse) (copy, fen, &local_error))
    return TRUE;

  *error = g_strdup (local_error->message);
  return FALSE;
}

/* One row of the text: its bytes, without the line break. */
typedef struct
{
  const char *start;
  gsize       length;
} Span;

/* The first @max_cells cells of @row, or all when it has fewer; returns
 * how many were found. The rest of the row is not looked at. */
static gsize
split_cells (Span   row,
             Span  *cells,
             gsize  max_cells)
{
  const char *p = row.start;
  const char *end = row.start + row.length;
  gsize n = 0;

  while (n < max_cells)
    {
      const char *tab = memchr (p, '\t', end - p);

      cells[n++] = (Span) { p, (tab ? tab : end) - p };
      if (tab == NULL)
        break;
      p = tab + 1;
    }

  return n;
}

/* Whether @row is blank: white space only. */
static gboolean
row_is_blank (Span row)
{
  for (gsize i = 0; i < row.length; i++)
    if (!g_ascii_isspace (row.start[i]))
      return FALSE;

  return TRUE;
}

/* A copy of @cell without the white space around it. */
static char *
cell_text (Span cell)
{
  return g_strstrip (g_strndup (cell.start, cell.length));
}

/* Whether @cell has more than @max characters. */
static gboolean
cell_too_long (Span  cell,
               guint max)
{
  if (cell.length <= max)
    return FALSE;
  if (cell.length > (gsize) max * 6)
    return TRUE;

  return g_utf8_strlen (cell.start, cell.length) > max;
}

/* The units' or projects' ids by id and by name, the first of each as
 * find_id() has it. */
static GHashTable *
id_table (GListModel *model,
          gboolean    units)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      const char *id = units ? fiscal_unit_get_id (FISCAL_UNIT (item)) : fiscal_project_get_id (FISCAL_PROJECT (item));
      const char *name = units ? fiscal_unit_get_name (FISCAL_UNIT (item)) : fiscal_project_get_name (FISCAL_PROJECT (item));
      const char *interned = g_intern_string (id);

      if (id != NULL && !g_hash_table_contains (table, id))
        g_hash_table_insert (table, g_strdup (id), (gpointer) interned);
      if (name != NULL && !g_hash_table_contains (table, name))
        g_hash_table_insert (table, g_strdup (name), (gpointer) interned);
    }

  return table;
}

/* The texts of a row's cells, by column. */
typedef struct
{
  char *v[N_COLS];
} Values;

static void
values_clear (Values *values)
{
  for (guint c = 0; c < N_COLS; c++)
    g_clear_pointer (&values->v[c], g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Values, values_clear)

/* What a paste reads once and looks things up in. */
typedef struct
{
  FiscalDocument *document;
  FiscalCatalog  *functions;
  FiscalCatalog  *economics;
  GHashTable     *units;        /* id or name → id, made when first needed */
  GHashTable     *projects;
  GHashTable     *resolved[2];  /* function, economic: a name → its item */
} Lookup;

static void
lookup_clear (Lookup *lookup)
{
  g_clear_object (&lookup->functions);
  g_clear_object (&lookup->economics);
  g_clear_pointer (&lookup->units, g_hash_table_unref);
  g_clear_pointer (&lookup->projects, g_hash_table_unref);
  g_clear_pointer (&lookup->resolved[0], g_hash_table_unref);
  g_clear_pointer (&lookup->resolved[1], g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Lookup, lookup_clear)

static const char *
lookup_id (Lookup     *lookup,
           gboolean    units,
           const char *text)
{
  GHashTable **table = units ? &lookup->units : &lookup->projects;

  if (*table == NULL)
    *table = id_table (units ? fiscal_document_get_units (lookup->document)
                             : fiscal_document_get_projects (lookup->document), units);

  return g_hash_table_lookup (*table, text);
}

/* fiscal_catalog_resolve(), remembering what a name that is no code
 * resolved to: a budget pasted by names names the same items again and
 * again. At most a few thousand are kept. */
static const FiscalCatalogItem *
lookup_code (Lookup         *lookup,
             gboolean        economic,
             const char     *text,
             guint           min_level,
             char          **error)
{
  FiscalCatalog *catalog = economic ? lookup->economics : lookup->functions;
  GHashTable **resolved = &lookup->resolved[economic];
  const FiscalCatalogItem *item;

  if ((item = fiscal_catalog_lookup (catalog, text)) == NULL && *resolved != NULL &&
      (item = g_hash_table_lookup (*resolved, text)) != NULL)
    return item;

  item = fiscal_catalog_resolve (catalog, text, min_level, error);
  if (item != NULL && !g_str_equal (item->code, text))
    {
      if (*resolved == NULL)
        *resolved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      if (g_hash_table_size (*resolved) < 4096)
        g_hash_table_insert (*resolved, g_strdup (text), (gpointer) item);
    }

  return item;
}

/**
 * fiscal_paste_parse:
 * @wan: read amounts as 万元 unless a header or the cell says otherwise
 * @project_id: (nullable): bind every line to this project
 *
 * Reads tab-separated rows. With a header row the columns are found by
 * their names (功能分类, 经济分类, 金额 (万元), 资金来源, 备注, …); without
 * one, eight columns are read in the order Fiscal copies them, and two to
 * four as function code, [economic code,] amount[, note]. Cells keep their
 * places: an empty first cell is an empty cell, not one to close up.
 *
 * Returns: (transfer full): the lines to add and the rows refused: all are
 *   counted in n_rejected, the first 1000 described in rejected (and a last
 *   entry says how many more there are)
 */
FiscalPasteResult *
fiscal_paste_parse (FiscalDocument *document,
                    const char     *text,
                    gboolean        wan,
                    const char     *project_id)
{
  FiscalPasteResult *result;
  g_auto(Lookup) lookup = { 0 };
  g_autoptr(FiscalUnit) first_unit = NULL;
  g_autofree Span *cells = NULL;
  const char *first_unit_id;
  const char *p, *end;
  int map[N_COLS];
  gsize n_needed = 0;
  guint row_number = 0;
  gboolean first_row = TRUE;
  int year;

  g_return_val_if_fail (FISCAL_IS_DOCUMENT (document), NULL);

  result = g_new0 (FiscalPasteResult, 1);
  result->lines = g_ptr_array_new_with_free_func (g_object_unref);
  result->rejected = g_ptr_array_new_with_free_func (g_free);
  result->wan = wan;

  year = fiscal_document_get_year (document);
  lookup.document = document;
  lookup.functions = fiscal_catalog_get_for_year (FISCAL_CATALOG_FUNCTION, year, NULL);
  lookup.economics = fiscal_catalog_get_for_year (FISCAL_CATALOG_ECONOMIC, year, NULL);
  first_unit = g_list_model_get_item (fiscal_document_get_units (document), 0);
  first_unit_id = first_unit ? fiscal_unit_get_id (first_unit) : "main";

  for (guint c = 0; c < N_COLS; c++)
    map[c] = -1;

  text = text ? text : "";
  end = text + strlen (text);

  for (p = text; p <= end; row_number++)
    {
      const char *newline = memchr (p, '\n', end - p);
      Span row = { p, (newline ? newline : end) - p };
      g_auto(Values) values = { { NULL } };
      char **value = values.v;
      g_autofree char *error = NULL;
      const FiscalCatalogItem *function = NULL;
      const FiscalCatalogItem *economic = NULL;
      const char *unit = NULL;
      const char *project = project_id ? g_intern_string (project_id) : NULL;
      FiscalKind kind;
      FiscalSource source = FISCAL_SOURCE_GENERAL;
      gint64 amount = 0;
      gsize n;

      p = newline ? newline + 1 : end + 1;

      /* Blank rows are passed over; the first other row may be a header. */
      if (row_is_blank (row))
        continue;

      if (first_row)
        {
          const char *cell = row.start;
          gsize n_columns = 0;
          guint found = 0;

          first_row = FALSE;
          for (;;)
            {
              const char *tab = memchr (cell, '\t', row.start + row.length - cell);
              Span span = { cell, (tab ? tab : row.start + row.length) - cell };
              Column column;

              /* A header cell is a short word; a long one is none. */
              if (!cell_too_long (span, MAX_CELL_CHARS))
                {
                  g_autofree char *word = cell_text (span);

                  if (header_column (word, &column) && map[column] < 0)
                    {
                      map[column] = n_columns;
                      found++;
                      if (column == COL_AMOUNT)
                        result->wan = strstr (word, "万") != NULL || strstr (word, "10,000") != NULL
                                      ? TRUE : (strstr (word, "元") || strstr (word, "yuan")) ? FALSE : wan;
                    }
                }
              n_columns++;
              if (tab == NULL)
                break;
              if (n_columns == MAX_COLUMNS)
                {
                  n_columns++;
                  break;
                }
              cell = tab + 1;
            }

          if (found >= 2)
            result->had_header = TRUE;
          else
            {
              for (guint c = 0; c < N_COLS; c++)
                map[c] = -1;

              if (n_columns == 8)
                for (guint c = 0; c < N_COLS; c++)
                  map[c] = c;
              else if (n_columns >= 2 && n_columns <= 4)
                {
                  map[COL_FUNCTION] = 0;
                  map[COL_ECONOMIC] = n_columns >= 3 ? 1 : -1;
                  map[COL_AMOUNT] = n_columns >= 3 ? 2 : 1;
                  map[COL_NOTE] = n_columns == 4 ? 3 : -1;
                }
            }

          /* The cells up to the last one a column needs. */
          for (guint c = 0; c < N_COLS; c++)
            n_needed = MAX (n_needed, (gsize) (map[c] + 1));
          cells = g_new (Span, MAX (n_needed, 1));

          if (result->had_header)
            continue;
        }

      /* Only the cells the columns need are copied. */
      n = split_cells (row, cells, n_needed);
      for (guint c = 0; c < N_COLS && error == NULL; c++)
        if (map[c] >= 0 && (gsize) map[c] < n)
          {
            if (c != COL_NOTE && cell_too_long (cells[map[c]], MAX_CELL_CHARS))
              error = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "the text in column %d is longer than %u character, longer than a code, a name or an amount",
                                                    "the text in column %d is longer than %u characters, longer than a code, a name or an amount",
                                                    MAX_CELL_CHARS),
                                       map[c] + 1, MAX_CELL_CHARS);
            else
              value[c] = cell_text (cells[map[c]]);
          }

      if (error != NULL)
        ;
      else if (map[COL_FUNCTION] < 0 || map[COL_AMOUNT] < 0)
        error = g_strdup (_("the columns cannot be told apart; paste a header row with them"));
      else if (lookup.functions == NULL || !(function = lookup_code (&lookup, FALSE, value[COL_FUNCTION] ? value[COL_FUNCTION] : "", 3, &error)))
        ;
      else if (value[COL_ECONOMIC] && *value[COL_ECONOMIC] && lookup.economics &&
               !(economic = lookup_code (&lookup, TRUE, value[COL_ECONOMIC], 1, &error)))
        ;
      else if (!value[COL_AMOUNT] || !parse_amount (value[COL_AMOUNT], result->wan, &amount, &error))
        {
          if (error == NULL)
            error = g_strdup (_("no amount"));
        }
      else if (value[COL_UNIT] && *value[COL_UNIT] &&
               !(unit = lookup_id (&lookup, TRUE, value[COL_UNIT])))
        error = g_strdup_printf (_("there is no unit “%s”"), value[COL_UNIT]);
      else if (value[COL_PROJECT] && *value[COL_PROJECT] && project_id == NULL &&
               !(project = lookup_id (&lookup, FALSE, value[COL_PROJECT])))
        error = g_strdup_printf (_("there is no project “%s”"), value[COL_PROJECT]);
      else if (value[COL_SOURCE] && *value[COL_SOURCE] && !fiscal_paste_read_source (value[COL_SOURCE], &source))
        error = g_strdup_printf (_("“%s” is not a funding source"), value[COL_SOURCE]);

      if (error == NULL)
        {
          if (project != NULL)
            kind = FISCAL_KIND_PROJECT;
          else if (value[COL_KIND] && *value[COL_KIND])
            {
              if (!fiscal_paste_read_kind (value[COL_KIND], &kind))
                error = g_strdup_printf (_("“%s” is not a kind of expenditure"), value[COL_KIND]);
              else if (kind == FISCAL_KIND_PROJECT)
                error = g_strdup (_("a project line needs its project"));
            }
          else
            kind = economic && (g_str_has_prefix (economic->code, "301") || g_str_has_prefix (economic->code, "303"))
                   ? FISCAL_KIND_PERSONNEL : FISCAL_KIND_PUBLIC;
        }

      if (error != NULL)
        {
          if (result->n_rejected++ < MAX_REJECTED)
            g_ptr_array_add (result->rejected, g_strdup_printf (_("Row %u: %s"), row_number + 1, error));
          continue;
        }

      {
        g_autofree char *id = fiscal_document_new_line_id (document);
        FiscalLine *line = fiscal_line_new_full (id, unit ? unit : first_unit_id,
                                                 function->code, economic ? economic->code : NULL,
                                                 kind, project, source, amount);

        fiscal_line_set_note (line, value[COL_NOTE]);
        g_ptr_array_add (result->lines, line);
      }
    }

  if (result->n_rejected > MAX_REJECTED)
    {
      guint more = result->n_rejected - MAX_REJECTED;

      g_ptr_array_add (result->rejected,
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "…and %u more row is refused",
                                                     "…and %u more rows are refused", more), more));
    }

  return result;
}
