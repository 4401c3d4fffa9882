/* fiscal-cube-private.h
 *
 * The lines of a document folded into sums, from which every table of
 * every format is made (fiscal-pivot.c). The document keeps its cube and
 * updates it as each line changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fiscal-catalog.h"
#include "fiscal-document-private.h"
#include "fiscal-money.h"

G_BEGIN_DECLS

/* The economic 类 that a project's sums are kept by (表 7 gives each a
 * column). */
extern const char * const _fiscal_economic_classes[];
#define FISCAL_N_ECONOMIC_CLASSES 10
#define FISCAL_N_PROJECT_SUMS     (1 + FISCAL_N_ECONOMIC_CLASSES)

/* The codes, kind and source of lines. */
typedef struct
{
  const char *function;
  const char *economic;
  guint8      kind;
  guint8      source;
} FiscalCubeKey;

typedef struct
{
  FiscalCubeKey  key;
  gint64         amount;           /* with amount_high, exact: see _fiscal_wide_add() */
  gint64         amount_high;
  const char    *klass;            /* the 类 of the function code, interned, or NULL */
  const char    *economic_class;   /* the 类 of the economic code, interned, or NULL */
  int            class_index;      /* in _fiscal_economic_classes, or -1 */
  guint8         sangong;          /* the FiscalSangong of the economic code */
} FiscalCubeCell;

/* The project spending of one source: the total, then one sum per
 * economic 类. */
typedef struct _FiscalProjectSums FiscalProjectSums;
struct _FiscalProjectSums
{
  FiscalProjectSums *next;
  guint8             source;
  gint64             sums[FISCAL_N_PROJECT_SUMS];        /* with sums_high, exact */
  gint64             sums_high[FISCAL_N_PROJECT_SUMS];
};

/* The project spending of one unit, function code and project, by source:
 * the first source's sums in the cell, any other's chained after them
 * (most projects have one). */
typedef struct
{
  const char        *unit;
  const char        *function;
  const char        *project;
  FiscalProjectSums  by_source;
} FiscalProjectCell;

struct _FiscalCube
{
  FiscalDocument *document;
  FiscalCatalog  *functions;
  FiscalCatalog  *economics;
  GHashTable     *cells;           /* FiscalCubeKey* → FiscalCubeCell* (the key is inside) */
  GPtrArray      *list;            /* FiscalCubeCell*, owns them */
  GHashTable     *project_cells;   /* FiscalProjectCell* → itself */
  GPtrArray      *project_list;    /* FiscalProjectCell*, owns them */
  FiscalMoneySum  magnitude;       /* the sum of |amount| of all lines, exact */
};

/* The cube's sums are kept exact in two words, @low and @high, the value
 * being @high × 2^64 + @low taken as unsigned: adding an amount and taking
 * it away again always gives back the sum before, whatever happened in
 * between. While the value is within ±FISCAL_MONEY_MAX, @high is only the
 * sign of @low, and @low is the sum. */
static inline void
_fiscal_wide_add (gint64 *low,
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
_fiscal_wide_get (gint64 low,
                  gint64 high)
{
  if (G_LIKELY (high == (low < 0 ? -1 : 0)))
    return fiscal_money_clamp (low);
  return high < 0 ? -FISCAL_MONEY_MAX : FISCAL_MONEY_MAX;
}

/* Whether the tables' sums must be clamped: only when the lines'
 * magnitudes add up to more than the ceiling. Otherwise every sum of
 * lines, and every running sum on the way, is within ±FISCAL_MONEY_MAX
 * and plain gint64 arithmetic is exact. */
static inline gboolean
_fiscal_cube_saturates (FiscalCube *cube)
{
  return G_UNLIKELY (cube->magnitude > FISCAL_MONEY_MAX);
}

/* A cell's amount as money. */
static inline gint64
_fiscal_cube_cell_amount (const FiscalCubeCell *cell)
{
  return _fiscal_wide_get (cell->amount, cell->amount_high);
}

int  _fiscal_economic_class_index (const char *code);

/* A hash of a pointer: interned strings are aligned pointers, so all
 * their bits are mixed. */
static inline guint
_fiscal_mix_pointer (gconstpointer p)
{
  guint64 x = GPOINTER_TO_SIZE (p);

  x ^= x >> 33;
  x *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  x ^= x >> 33;
  return (guint) x;
}

G_END_DECLS
