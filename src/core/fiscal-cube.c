/* fiscal-cube.c
 *
 * The lines folded into a cube of sums, one cell for each distinct
 * combination of function code, economic code, kind and source, and one
 * project cell for each unit, function code, project and source of the
 * project lines. The document keeps it and follows each edit of a line
 * (see _fiscal_cube_add_line), so the tables after an edit need no pass
 * over the lines: a table is made from a few hundred or thousand sums
 * whatever the number of lines. Sums are never removed; one whose lines
 * went elsewhere holds 0.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-pivot"

#include "config.h"

#include "fiscal-cube-private.h"
#include "fiscal-line.h"

const char * const _fiscal_economic_classes[FISCAL_N_ECONOMIC_CLASSES] = {
  "301", "302", "303", "307", "309", "310", "311", "312", "313", "399",
};

/* The index of @code's economic 类 among those kept by project, or -1. */
int
_fiscal_economic_class_index (const char *code)
{
  if (code == NULL || strlen (code) < 3)
    return -1;

  for (guint i = 0; i < FISCAL_N_ECONOMIC_CLASSES; i++)
    if (strncmp (code, _fiscal_economic_classes[i], 3) == 0)
      return i;

  return -1;
}

#define mix _fiscal_mix_pointer

static guint
cube_key_hash (gconstpointer data)
{
  const FiscalCubeKey *k = data;

  return (mix (k->function) * 31 + mix (k->economic)) * 31 + (k->kind << 8 | k->source);
}

static gboolean
cube_key_equal (gconstpointer a,
                gconstpointer b)
{
  const FiscalCubeKey *x = a;
  const FiscalCubeKey *y = b;

  return x->function == y->function && x->economic == y->economic &&
         x->kind == y->kind && x->source == y->source;
}

static guint
project_cell_hash (gconstpointer data)
{
  const FiscalProjectCell *c = data;

  return (mix (c->unit) * 31 + mix (c->function)) * 31 + mix (c->project);
}

static gboolean
project_cell_equal (gconstpointer a,
                    gconstpointer b)
{
  const FiscalProjectCell *x = a, *y = b;

  return x->unit == y->unit && x->function == y->function && x->project == y->project;
}

static const char *
prefix3 (const char *code)
{
  g_autofree char *klass = NULL;

  if (code == NULL || strlen (code) < 3)
    return NULL;
  klass = g_strndup (code, 3);
  return g_intern_string (klass);
}

/* The cell of @key, made (with no amount) when missing. */
static FiscalCubeCell *
cube_cell (FiscalCube          *cube,
           const FiscalCubeKey *key)
{
  FiscalCubeCell *cell = g_hash_table_lookup (cube->cells, key);

  if (cell == NULL)
    {
      const FiscalCatalogItem *item;

      cell = g_new0 (FiscalCubeCell, 1);
      cell->key = *key;
      cell->klass = prefix3 (key->function);
      cell->economic_class = prefix3 (key->economic);
      cell->class_index = _fiscal_economic_class_index (key->economic);
      item = cube->economics ? fiscal_catalog_lookup (cube->economics, key->economic) : NULL;
      cell->sangong = item ? item->sangong : FISCAL_SANGONG_NONE;
      g_hash_table_insert (cube->cells, &cell->key, cell);
      g_ptr_array_add (cube->list, cell);
    }

  return cell;
}

/* The sums of @unit, @function, @project and @source, made when missing. */
static FiscalProjectSums *
project_sums (FiscalCube *cube,
              const char *unit,
              const char *function,
              const char *project,
              guint8      source)
{
  FiscalProjectCell probe = { unit, function, project, { NULL, source, { 0 }, { 0 } } };
  FiscalProjectCell *cell = g_hash_table_lookup (cube->project_cells, &probe);
  FiscalProjectSums *sums;

  if (cell == NULL)
    {
      cell = g_memdup2 (&probe, sizeof probe);
      g_hash_table_add (cube->project_cells, cell);
      g_ptr_array_add (cube->project_list, cell);
      return &cell->by_source;
    }

  for (sums = &cell->by_source; sums != NULL; sums = sums->next)
    if (sums->source == source)
      return sums;

  sums = g_new0 (FiscalProjectSums, 1);
  sums->source = source;
  sums->next = cell->by_source.next;
  cell->by_source.next = sums;
  return sums;
}

static void
project_cell_free (gpointer data)
{
  FiscalProjectCell *cell = data;

  while (cell->by_source.next != NULL)
    {
      FiscalProjectSums *next = cell->by_source.next->next;

      g_free (cell->by_source.next);
      cell->by_source.next = next;
    }
  g_free (cell);
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
  FiscalCubeKey key = {
    fiscal_line_get_function (line),
    fiscal_line_get_economic (line),
    fiscal_line_get_kind (line),
    fiscal_line_get_source (line),
  };
  FiscalCubeCell *cell = cube_cell (cube, &key);
  gint64 amount = fiscal_line_get_amount (line);   /* within ±FISCAL_MONEY_MAX */
  guint64 magnitude = amount < 0 ? -(guint64) amount : (guint64) amount;

  if (sign < 0)
    {
      amount = -amount;
      cube->magnitude -= magnitude;
    }
  else
    cube->magnitude += magnitude;

  _fiscal_wide_add (&cell->amount, &cell->amount_high, amount);

  if (key.kind == FISCAL_KIND_PROJECT)
    {
      FiscalProjectSums *sums = project_sums (cube, fiscal_line_get_unit (line), key.function,
                                              fiscal_line_get_project (line), key.source);

      _fiscal_wide_add (&sums->sums[0], &sums->sums_high[0], amount);
      if (cell->class_index >= 0)
        _fiscal_wide_add (&sums->sums[1 + cell->class_index], &sums->sums_high[1 + cell->class_index], amount);
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
  cube->project_list = g_ptr_array_new_with_free_func (project_cell_free);

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
