/* fiscal-print.c
 *
 * The disclosure laid out on pages. Paginating turns the document into
 * pages of simple operations (a run of text, a rule, a frame, a chart) with
 * their positions in points; drawing a page replays them on a cairo_t. Text
 * is measured and drawn with the same PangoContext, so a line that fitted
 * when the pages were made fits when they are drawn.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-print"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "fiscal-chart.h"
#include "fiscal-document.h"
#include "fiscal-narrative.h"
#include "fiscal-pivot.h"
#include "fiscal-print.h"
#include "fiscal-profile.h"
#include "fiscal-project.h"
#include "fiscal-table.h"
#include "fiscal-targets.h"

#define SERIF "Noto Serif CJK SC,Source Han Serif SC,Noto Serif CJK,serif"
#define SANS  "Noto Sans CJK SC,Source Han Sans SC,Noto Sans CJK,sans-serif"

#define DEFAULT_MARGIN_TOP    62.0  /* 22 mm */
#define DEFAULT_MARGIN_BOTTOM 62.0
#define DEFAULT_MARGIN_SIDE   51.0  /* 18 mm */

#define PAD_X 3.0    /* inside a table cell */
#define PAD_Y 2.5
#define RULE  0.5    /* a table's inner rules */
#define FRAME 1.0    /* a table's outer frame */

typedef enum
{
  STYLE_BODY,
  STYLE_BODY_BOLD,
  STYLE_PART,
  STYLE_SECTION,
  STYLE_TABLE_TITLE,
  STYLE_TABLE,
  STYLE_TABLE_HEAD,
  STYLE_TABLE_LABEL,
  STYLE_COVER_DEPARTMENT,
  STYLE_COVER_TITLE,
  STYLE_COVER_DATE,
  STYLE_TOC_PART,
  STYLE_TOC,
  STYLE_FOOTER,
  N_STYLES
} Style;

static const struct
{
  const char  *family;
  double       size;
  PangoWeight  weight;
  double       spacing;   /* line spacing factor, 0 for the font's own */
} styles[N_STYLES] = {
  [STYLE_BODY]             = { SERIF, 12.0, PANGO_WEIGHT_NORMAL, 1.45 },
  [STYLE_BODY_BOLD]        = { SERIF, 12.0, PANGO_WEIGHT_BOLD,   1.45 },
  [STYLE_PART]             = { SERIF, 17.0, PANGO_WEIGHT_BOLD,   0 },
  [STYLE_SECTION]          = { SERIF, 12.5, PANGO_WEIGHT_BOLD,   1.3 },
  [STYLE_TABLE_TITLE]      = { SANS,  14.0, PANGO_WEIGHT_BOLD,   0 },
  [STYLE_TABLE]            = { SANS,   9.0, PANGO_WEIGHT_NORMAL, 0 },
  [STYLE_TABLE_HEAD]       = { SANS,   9.0, PANGO_WEIGHT_BOLD,   0 },
  [STYLE_TABLE_LABEL]      = { SANS,   9.5, PANGO_WEIGHT_NORMAL, 0 },
  [STYLE_COVER_DEPARTMENT] = { SERIF, 22.0, PANGO_WEIGHT_BOLD,   1.3 },
  [STYLE_COVER_TITLE]      = { SERIF, 30.0, PANGO_WEIGHT_BOLD,   0 },
  [STYLE_COVER_DATE]       = { SERIF, 15.0, PANGO_WEIGHT_NORMAL, 0 },
  [STYLE_TOC_PART]         = { SERIF, 12.5, PANGO_WEIGHT_BOLD,   1.25 },
  [STYLE_TOC]              = { SERIF, 11.5, PANGO_WEIGHT_NORMAL, 1.25 },
  [STYLE_FOOTER]           = { SERIF, 10.0, PANGO_WEIGHT_NORMAL, 0 },
};

typedef enum
{
  OP_TEXT,
  OP_LINE,
  OP_RECT,
  OP_LEADER,
  OP_CHART,
} OpKind;

typedef struct
{
  OpKind  kind;
  Style   style;
  guint8  align;        /* PangoAlignment */
  guint8  markup;
  double  x, y;
  double  width;        /* a text's wrapping width, or -1 */
  double  x2, y2;       /* a line's end; a rectangle's or chart's size */
  double  indent;       /* a text's first-line indent */
  double  line_width;
  guint   first_line;   /* the part of a text a page shows */
  int     n_lines;      /* -1 for all of it */
  guint   link;         /* the page + 1 a contents entry links to, or 0 */
  guint   chart;        /* index in charts */
  char   *text;
} Op;

typedef struct
{
  gboolean  landscape;
  gboolean  numbered;
  GArray   *ops;        /* Op */
} Page;

struct _FiscalPrintLayout
{
  FiscalDocument        *document;
  FiscalDocument        *prior;
  FiscalPrintOptions     options;
  PangoContext          *context;
  PangoFontDescription  *fonts[N_STYLES];
  char                  *title;
  char                  *author;

  GPtrArray             *pages;    /* Page */
  GArray                *entries;  /* FiscalPrintEntry */
  GPtrArray             *charts;   /* FiscalChart */
  GArray                *table_entries; /* TableEntry: each table of the format's */
  GCancellable          *cancellable;  /* while laid out by fiscal_print_layout_new_full() */

  /* The cursor while paginating */
  GPtrArray             *target;   /* the pages being filled */
  Page                  *page;
  double                 y;
  double                 top, bottom, left, width;
  double                 ch;       /* one CJK character of the table face */
  double                 cell_line; /* one line of the table face */
};

/* Where the outline lists a table of the document's format. */
typedef struct
{
  guint number;     /* the table's number in its format */
  guint position;   /* its entry */
} TableEntry;

typedef struct
{
  FiscalTable *table;
  guint        n_columns;
  double      *x;          /* the column edges from the left margin, n_columns + 1 */
  guint        n_header_rows;
  double      *header_rows;
  double       header_height;
  gboolean     landscape;
} Grid;

static void
clear_op (gpointer data)
{
  g_free (((Op *) data)->text);
}

static void
page_free (gpointer data)
{
  Page *page = data;

  g_array_unref (page->ops);
  g_free (page);
}

static void
clear_entry (gpointer data)
{
  g_free (((FiscalPrintEntry *) data)->title);
}

/**
 * fiscal_print_options_init:
 *
 * Sets @options to the defaults: no charts, the default margins.
 */
void
fiscal_print_options_init (FiscalPrintOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
}

static double
margin_or (double value,
           double fallback)
{
  return value > 0 ? value : fallback;
}

/* ---- Measuring --------------------------------------------------------- */

static PangoLayout *
make_layout (FiscalPrintLayout *self,
             Style              style,
             const char        *text,
             gboolean           markup,
             double             width,
             double             indent,
             PangoAlignment     align)
{
  PangoLayout *layout = pango_layout_new (self->context);

  pango_layout_set_font_description (layout, self->fonts[style]);
  if (width > 0)
    {
      pango_layout_set_width (layout, pango_units_from_double (width));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, align);
  if (indent != 0)
    pango_layout_set_indent (layout, pango_units_from_double (indent));
  if (styles[style].spacing > 0)
    pango_layout_set_line_spacing (layout, styles[style].spacing);
  if (markup)
    pango_layout_set_markup (layout, text, -1);
  else
    pango_layout_set_text (layout, text, -1);

  return layout;
}

static double
text_width (FiscalPrintLayout *self,
            Style              style,
            const char        *text)
{
  g_autoptr(PangoLayout) layout = make_layout (self, style, text, FALSE, -1, 0, PANGO_ALIGN_LEFT);
  int width;

  pango_layout_get_size (layout, &width, NULL);
  return pango_units_to_double (width);
}

static double
text_height (FiscalPrintLayout *self,
             Style              style,
             const char        *text,
             double             width)
{
  g_autoptr(PangoLayout) layout = make_layout (self, style, text, FALSE, width, 0, PANGO_ALIGN_LEFT);
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return pango_units_to_double (height);
}

/* ---- The cursor --------------------------------------------------------- */

static void
page_size (gboolean  landscape,
           double   *width,
           double   *height)
{
  *width = landscape ? FISCAL_PRINT_A4_HEIGHT : FISCAL_PRINT_A4_WIDTH;
  *height = landscape ? FISCAL_PRINT_A4_WIDTH : FISCAL_PRINT_A4_HEIGHT;
}

static void
new_page (FiscalPrintLayout *self,
          gboolean           landscape)
{
  const FiscalPrintOptions *o = &self->options;
  Page *page = g_new0 (Page, 1);
  double pw, ph;

  page->landscape = landscape;
  page->numbered = TRUE;
  page->ops = g_array_new (FALSE, FALSE, sizeof (Op));
  g_array_set_clear_func (page->ops, clear_op);
  g_ptr_array_add (self->target, page);

  page_size (landscape, &pw, &ph);
  self->page = page;
  self->top = margin_or (o->margin_top, DEFAULT_MARGIN_TOP);
  self->bottom = ph - margin_or (o->margin_bottom, DEFAULT_MARGIN_BOTTOM);
  self->left = margin_or (o->margin_left, DEFAULT_MARGIN_SIDE);
  self->width = pw - self->left - margin_or (o->margin_right, DEFAULT_MARGIN_SIDE);
  self->y = self->top;
}

/* A new page unless the current one is still blank and the right way up. */
static void
start_page (FiscalPrintLayout *self,
            gboolean           landscape)
{
  if (self->page != NULL && self->page->ops->len == 0 && self->page->landscape == landscape)
    return;
  new_page (self, landscape);
}

/* Starts a new page unless @height fits below the cursor. */
static void
ensure (FiscalPrintLayout *self,
        double             height)
{
  if (self->y + height > self->bottom && self->y > self->top + 0.01)
    new_page (self, self->page->landscape);
}

static Op *
push_op (FiscalPrintLayout *self,
         OpKind             kind)
{
  Op op = { 0 };

  op.kind = kind;
  op.width = -1;
  op.n_lines = -1;
  op.align = PANGO_ALIGN_LEFT;
  op.line_width = RULE;
  g_array_append_val (self->page->ops, op);

  return &g_array_index (self->page->ops, Op, self->page->ops->len - 1);
}

static Op *
push_text (FiscalPrintLayout *self,
           Style              style,
           const char        *text,
           double             x,
           double             y,
           double             width,
           PangoAlignment     align)
{
  Op *op = push_op (self, OP_TEXT);

  op->style = style;
  op->text = g_strdup (text);
  op->x = x;
  op->y = y;
  op->width = width;
  op->align = align;
  return op;
}

static void
push_line (FiscalPrintLayout *self,
           double             x1,
           double             y1,
           double             x2,
           double             y2,
           double             line_width)
{
  Op *op = push_op (self, OP_LINE);

  op->x = x1;
  op->y = y1;
  op->x2 = x2;
  op->y2 = y2;
  op->line_width = line_width;
}

static void
push_rect (FiscalPrintLayout *self,
           double             x,
           double             y,
           double             width,
           double             height)
{
  Op *op = push_op (self, OP_RECT);

  op->x = x;
  op->y = y;
  op->x2 = width;
  op->y2 = height;
}

static void
add_entry (FiscalPrintLayout *self,
           guint              level,
           const char        *title)
{
  FiscalPrintEntry entry = { level, g_strdup (title), self->target->len - 1 };

  g_array_append_val (self->entries, entry);
}

/* Adds a block of text at the cursor, indented by @dx, splitting it between
 * pages at line breaks where it does not fit. */
static void
add_text_full (FiscalPrintLayout *self,
               Style              style,
               const char        *text,
               gboolean           markup,
               PangoAlignment     align,
               double             dx,
               double             indent,
               double             space_after)
{
  double width = self->width - dx;
  g_autoptr(PangoLayout) layout = make_layout (self, style, text, markup, width, indent, align);
  PangoLayoutIter *iter;
  guint first = 0, i = 0;
  double first_top = 0, end = 0;
  int height;

  pango_layout_get_size (layout, NULL, &height);
  if (self->y + pango_units_to_double (height) > self->bottom)
    {
      iter = pango_layout_get_iter (layout);
      do
        {
          PangoRectangle logical;
          double line_bottom;

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          line_bottom = pango_units_to_double (logical.y + logical.height) - first_top;

          if (self->y + line_bottom > self->bottom)
            {
              if (i > first)
                {
                  Op *op = push_text (self, style, text, self->left + dx, self->y, width, align);
                  op->markup = markup;
                  op->indent = indent;
                  op->first_line = first;
                  op->n_lines = i - first;
                }
              if (i > first || self->y > self->top + 0.01)
                {
                  new_page (self, self->page->landscape);
                  first = i;
                  first_top = pango_units_to_double (logical.y);
                }
            }
          i++;
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);

      if (first > 0)
        {
          Op *op = push_text (self, style, text, self->left + dx, self->y, width, align);
          op->markup = markup;
          op->indent = indent;
          op->first_line = first;
          op->n_lines = i - first;
          end = pango_units_to_double (height) - first_top;
          self->y += end + space_after;
          return;
        }
    }

  {
    Op *op = push_text (self, style, text, self->left + dx, self->y, width, align);
    op->markup = markup;
    op->indent = indent;
    self->y += pango_units_to_double (height) + space_after;
  }
}

static void
add_paragraph (FiscalPrintLayout *self,
               const char        *text)
{
  add_text_full (self, STYLE_BODY, text, FALSE, PANGO_ALIGN_LEFT, 0,
                 2 * styles[STYLE_BODY].size, 5);
}

/* A heading kept with what follows it. */
static void
add_heading (FiscalPrintLayout *self,
             Style              style,
             const char        *text,
             PangoAlignment     align,
             double             space_before,
             double             space_after)
{
  double height = text_height (self, style, text, self->width);

  if (self->y > self->top + 0.01)
    self->y += space_before;
  ensure (self, height + space_after + 3 * styles[STYLE_BODY].size * styles[STYLE_BODY].spacing);
  add_text_full (self, style, text, FALSE, align, 0, 0, space_after);
}

static void
add_part (FiscalPrintLayout *self,
          const char        *title)
{
  start_page (self, FALSE);
  add_entry (self, 0, title);
  self->y += 6;
  add_text_full (self, STYLE_PART, title, FALSE, PANGO_ALIGN_CENTER, 0, 0, 22);
}

/* ---- Words -------------------------------------------------------------- */

static char *
chinese_number (guint n)
{
  static const char * const digits[] = { "零", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

  if (n < 10)
    return g_strdup (digits[n]);
  if (n < 20)
    return g_strconcat ("十", n % 10 ? digits[n % 10] : "", NULL);
  if (n < 100)
    return g_strconcat (digits[n / 10], "十", n % 10 ? digits[n % 10] : "", NULL);
  return g_strdup_printf ("%u", n);
}

/* "2025-02-14" as 2025 年 2 月 14 日; today's date when @iso is unset or
 * not a date. */
static char *
format_date (const char *iso)
{
  int y, m, d;
  char tail;

  if (iso != NULL && sscanf (iso, "%d-%d-%d%c", &y, &m, &d, &tail) == 3 &&
      g_date_valid_dmy (d, m, y))
    return g_strdup_printf ("%d 年 %d 月 %d 日", y, m, d);

  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    return g_strdup_printf ("%d 年 %d 月 %d 日", g_date_time_get_year (now),
                            g_date_time_get_month (now), g_date_time_get_day_of_month (now));
  }
}

static char *
staff_change (gint64 change)
{
  if (change > 0)
    return g_strdup_printf ("比上年增加 %" G_GINT64_FORMAT " 人", change);
  if (change < 0)
    return g_strdup_printf ("比上年减少 %" G_GINT64_FORMAT " 人", -change);
  return g_strdup ("与上年持平");
}

/* ---- Tables ------------------------------------------------------------- */

static void
grid_clear (Grid *grid)
{
  g_free (grid->x);
  g_free (grid->header_rows);
}

static gboolean
column_is_fixed (FiscalColumnKind kind)
{
  return kind == FISCAL_COLUMN_AMOUNT || kind <= FISCAL_COLUMN_CODE_3;
}

/* Widths a column cannot go below (its amounts and codes, a few characters
 * of text) and would like (its longest text on one line). */
static void
grid_measure (FiscalPrintLayout *self,
              Grid              *grid,
              double            *min,
              double            *nat)
{
  FiscalTable *table = grid->table;
  guint n = grid->n_columns;
  guint n_rows = fiscal_table_get_n_rows (table);
  g_autofree double *data = g_new0 (double, n);
  g_autofree double *head = g_new0 (double, n);
  double ch = self->ch;

  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n; c++)
      {
        g_autofree char *text = fiscal_table_get_column_text (table, r, c);

        if (text != NULL && *text != '\0')
          data[c] = MAX (data[c], text_width (self, STYLE_TABLE, text));
      }

  for (guint i = 0; i < fiscal_table_get_n_header_cells (table); i++)
    {
      const FiscalTableHeaderCell *cell = fiscal_table_get_header_cell (table, i);

      if (cell->column_span == 1 && cell->column < n && cell->text != NULL)
        head[cell->column] = MAX (head[cell->column], text_width (self, STYLE_TABLE_HEAD, cell->text));
    }

  for (guint c = 0; c < n; c++)
    {
      FiscalColumnKind kind = fiscal_table_get_column (table, c)->kind;

      if (kind <= FISCAL_COLUMN_CODE_3)
        {
          min[c] = MAX (data[c], 1.5 * ch) + 2 * PAD_X;
          nat[c] = MAX (min[c], MIN (head[c], 2 * ch) + 2 * PAD_X);
        }
      else if (kind == FISCAL_COLUMN_AMOUNT)
        {
          min[c] = MAX (data[c], 2 * ch) + 2 * PAD_X;
          nat[c] = MAX (min[c], MIN (head[c], 4 * ch) + 2 * PAD_X);
        }
      else
        {
          min[c] = MIN (MAX (data[c], head[c]), 4 * ch) + 2 * PAD_X;
          nat[c] = MAX (data[c], MIN (head[c], 8 * ch)) + 2 * PAD_X;
          nat[c] = MAX (nat[c], min[c]);
        }
    }
}

/* Gives the columns their widths in @width: each its natural width and the
 * rest to the text columns; or, when that is too wide, the widest columns
 * narrowed to a common cap but never below their minimum. */
static void
grid_fill (Grid         *grid,
           const double *min,
           const double *nat,
           double        width,
           double       *widths)
{
  guint n = grid->n_columns;
  double sum_nat = 0, sum_min = 0;

  for (guint c = 0; c < n; c++)
    {
      sum_nat += nat[c];
      sum_min += min[c];
    }

  if (sum_nat <= width)
    {
      /* The room left goes to the amounts and the text, the codes keep
       * their width. */
      double extra = width - sum_nat, sum_grow = 0;

      for (guint c = 0; c < n; c++)
        if (fiscal_table_get_column (grid->table, c)->kind > FISCAL_COLUMN_CODE_3)
          sum_grow += nat[c];

      for (guint c = 0; c < n; c++)
        {
          gboolean grow = fiscal_table_get_column (grid->table, c)->kind > FISCAL_COLUMN_CODE_3;

          if (sum_grow > 0)
            widths[c] = nat[c] + (grow ? extra * nat[c] / sum_grow : 0);
          else
            widths[c] = nat[c] + extra * nat[c] / sum_nat;
        }
    }
  else if (sum_min <= width)
    {
      double lo = 0, hi = 0;

      for (guint c = 0; c < n; c++)
        hi = MAX (hi, nat[c]);

      for (guint k = 0; k < 50; k++)
        {
          double cap = (lo + hi) / 2, sum = 0;

          for (guint c = 0; c < n; c++)
            sum += MAX (min[c], MIN (nat[c], cap));
          if (sum > width)
            hi = cap;
          else
            lo = cap;
        }

      {
        double sum = 0, extra;

        for (guint c = 0; c < n; c++)
          sum += widths[c] = MAX (min[c], MIN (nat[c], lo));
        /* What the search left over goes to the capped columns. */
        extra = width - sum;
        for (guint c = 0; c < n; c++)
          if (nat[c] > lo && min[c] < lo)
            {
              widths[c] += extra;
              break;
            }
      }
    }
  else
    for (guint c = 0; c < n; c++)
      widths[c] = min[c] * width / sum_min;
}

static void
grid_init (FiscalPrintLayout *self,
           Grid              *grid,
           FiscalTable       *table)
{
  guint n = fiscal_table_get_n_columns (table);
  g_autofree double *min = g_new0 (double, n);
  g_autofree double *nat = g_new0 (double, n);
  g_autofree double *widths = g_new0 (double, n);
  const FiscalPrintOptions *o = &self->options;
  double portrait, landscape, need = 0;

  memset (grid, 0, sizeof *grid);
  grid->table = table;
  grid->n_columns = n;
  grid_measure (self, grid, min, nat);

  portrait = FISCAL_PRINT_A4_WIDTH - margin_or (o->margin_left, DEFAULT_MARGIN_SIDE)
             - margin_or (o->margin_right, DEFAULT_MARGIN_SIDE);
  landscape = FISCAL_PRINT_A4_HEIGHT - margin_or (o->margin_left, DEFAULT_MARGIN_SIDE)
              - margin_or (o->margin_right, DEFAULT_MARGIN_SIDE);

  /* Too wide for portrait when the codes, amounts and a decent share of the
   * text do not fit across it. */
  for (guint c = 0; c < n; c++)
    need += column_is_fixed (fiscal_table_get_column (table, c)->kind)
            ? nat[c] : MIN (nat[c], 10 * self->ch + 2 * PAD_X);
  grid->landscape = need > portrait;

  grid_fill (grid, min, nat, grid->landscape ? landscape : portrait, widths);

  grid->x = g_new0 (double, n + 1);
  for (guint c = 0; c < n; c++)
    grid->x[c + 1] = grid->x[c] + widths[c];

  /* Header rows: as tall as their single-row cells, then the last row of a
   * spanned cell grows where the cell needs more. */
  grid->n_header_rows = fiscal_table_get_n_header_rows (table);
  grid->header_rows = g_new0 (double, MAX (grid->n_header_rows, 1));
  for (guint r = 0; r < grid->n_header_rows; r++)
    grid->header_rows[r] = self->cell_line + 2 * PAD_Y;

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < fiscal_table_get_n_header_cells (table); i++)
      {
        const FiscalTableHeaderCell *cell = fiscal_table_get_header_cell (table, i);
        guint last_column = MIN (cell->column + MAX (cell->column_span, 1), n);
        guint last_row = MIN (cell->row + MAX (cell->row_span, 1), grid->n_header_rows);
        double w, h, have = 0;

        if ((pass == 0) != (cell->row_span <= 1) || cell->column >= n || cell->row >= grid->n_header_rows)
          continue;

        w = grid->x[last_column] - grid->x[cell->column] - 2 * PAD_X;
        h = text_height (self, STYLE_TABLE_HEAD, cell->text ? cell->text : "", MAX (w, 1)) + 2 * PAD_Y;
        for (guint r = cell->row; r < last_row; r++)
          have += grid->header_rows[r];
        if (h > have)
          grid->header_rows[last_row - 1] += h - have;
      }

  for (guint r = 0; r < grid->n_header_rows; r++)
    grid->header_height += grid->header_rows[r];
}

static void
emit_header (FiscalPrintLayout *self,
             Grid              *grid)
{
  FiscalTable *table = grid->table;
  guint n = grid->n_columns, n_rows = grid->n_header_rows;
  g_autofree gboolean *covered = g_new0 (gboolean, MAX (n * n_rows, 1));
  g_autofree double *row_y = g_new0 (double, n_rows + 1);
  double left = self->left;

  for (guint r = 0; r < n_rows; r++)
    row_y[r + 1] = row_y[r] + grid->header_rows[r];

  for (guint i = 0; i < fiscal_table_get_n_header_cells (table); i++)
    {
      const FiscalTableHeaderCell *cell = fiscal_table_get_header_cell (table, i);
      guint last_column, last_row;
      double x, y, w, h, th;

      if (cell->column >= n || cell->row >= n_rows)
        continue;
      last_column = MIN (cell->column + MAX (cell->column_span, 1), n);
      last_row = MIN (cell->row + MAX (cell->row_span, 1), n_rows);
      for (guint r = cell->row; r < last_row; r++)
        for (guint c = cell->column; c < last_column; c++)
          covered[r * n + c] = TRUE;

      x = left + grid->x[cell->column];
      y = self->y + row_y[cell->row];
      w = grid->x[last_column] - grid->x[cell->column];
      h = row_y[last_row] - row_y[cell->row];
      push_rect (self, x, y, w, h);

      if (cell->text != NULL && *cell->text != '\0')
        {
          th = text_height (self, STYLE_TABLE_HEAD, cell->text, MAX (w - 2 * PAD_X, 1));
          push_text (self, STYLE_TABLE_HEAD, cell->text, x + PAD_X, y + (h - th) / 2,
                     MAX (w - 2 * PAD_X, 1), PANGO_ALIGN_CENTER);
        }
    }

  /* Places no header cell covers keep their rules. */
  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n; c++)
      if (!covered[r * n + c])
        push_rect (self, left + grid->x[c], self->y + row_y[r],
                   grid->x[c + 1] - grid->x[c], grid->header_rows[r]);

  /* The frame around the header. */
  if (n_rows > 0)
    {
      Op *op;

      push_rect (self, left, self->y, grid->x[n], grid->header_height);
      op = &g_array_index (self->page->ops, Op, self->page->ops->len - 1);
      op->line_width = FRAME;
    }

  self->y += grid->header_height;
}

/* 编制部门 on the left and the unit on the right, on one line. */
static void
emit_department_line (FiscalPrintLayout *self,
                      FiscalTable       *table,
                      double             table_width)
{
  g_autofree char *department = g_strdup_printf ("编制部门：%s", fiscal_table_get_department (table) ?: "");
  g_autofree char *unit = g_strdup_printf ("单位：%s", fiscal_table_get_unit (table) ?: "万元");
  double unit_width = text_width (self, STYLE_TABLE_LABEL, unit);
  double w = MAX (table_width - unit_width - 12, 1);
  double h = text_height (self, STYLE_TABLE_LABEL, department, w);

  push_text (self, STYLE_TABLE_LABEL, department, self->left, self->y, w, PANGO_ALIGN_LEFT);
  push_text (self, STYLE_TABLE_LABEL, unit, self->left + table_width - unit_width,
             self->y + h - text_height (self, STYLE_TABLE_LABEL, unit, -1), -1, PANGO_ALIGN_LEFT);
  self->y += h + 4;
}

static void
close_slice (FiscalPrintLayout *self,
             Grid              *grid,
             double             slice_top)
{
  if (self->y <= slice_top)
    return;

  for (guint c = 0; c <= grid->n_columns; c++)
    push_line (self, self->left + grid->x[c], slice_top, self->left + grid->x[c], self->y,
               c == 0 || c == grid->n_columns ? FRAME : RULE);
  push_line (self, self->left, self->y, self->left + grid->x[grid->n_columns], self->y, FRAME);
}

/* Lays out a table: its label and title, the 编制部门 line, the header and
 * the rows. A row is never split; a page break repeats the 编制部门 line and
 * the header. @label is 表 N or NULL; @subtitle and @lead (paragraphs above
 * the table) may be NULL. */
static guint
add_table (FiscalPrintLayout *self,
           FiscalTable       *table,
           const char        *label,
           const char        *subtitle,
           const char        *lead,
           gboolean           department_line,
           gboolean           same_page)
{
  Grid grid;
  guint n_rows = fiscal_table_get_n_rows (table);
  guint n = fiscal_table_get_n_columns (table);
  double table_width, slice_top;
  guint first_page;
  g_autofree char *continued = NULL;
  g_autofree PangoAlignment *aligns = g_new0 (PangoAlignment, MAX (n, 1));
  g_autofree gboolean *wraps = g_new0 (gboolean, MAX (n, 1));
  g_autofree double *heights = g_new0 (double, MAX (n, 1));

  grid_init (self, &grid, table);
  table_width = grid.x[n];

  if (!same_page || self->page == NULL || self->page->landscape != grid.landscape)
    new_page (self, grid.landscape);
  first_page = self->target->len - 1;

  if (label != NULL)
    add_text_full (self, STYLE_TABLE_HEAD, label, FALSE, PANGO_ALIGN_LEFT, 0, 0, 2);
  add_text_full (self, STYLE_TABLE_TITLE, fiscal_table_get_title (table), FALSE,
                 PANGO_ALIGN_CENTER, 0, 0, subtitle ? 3 : 10);
  if (subtitle != NULL)
    add_text_full (self, STYLE_TABLE_LABEL, subtitle, FALSE, PANGO_ALIGN_CENTER, 0, 0, 8);
  if (lead != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (lead, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        add_text_full (self, STYLE_TABLE_LABEL, lines[i], FALSE, PANGO_ALIGN_LEFT, 0, 0, 3);
      self->y += 4;
    }
  if (department_line)
    emit_department_line (self, table, table_width);

  ensure (self, grid.header_height + self->cell_line + 2 * PAD_Y);
  emit_header (self, &grid);
  slice_top = self->y;

  for (guint c = 0; c < n; c++)
    {
      FiscalColumnKind kind = fiscal_table_get_column (table, c)->kind;

      aligns[c] = kind == FISCAL_COLUMN_AMOUNT ? PANGO_ALIGN_RIGHT
                  : kind <= FISCAL_COLUMN_CODE_3 ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT;
      wraps[c] = !column_is_fixed (kind);
    }

  continued = label != NULL ? g_strdup_printf ("%s（续）", label)
                            : g_strdup_printf ("%s（续）", fiscal_table_get_title (table));

  for (guint r = 0; r < n_rows; r++)
    {
      g_autoptr(GPtrArray) texts = g_ptr_array_new_full (n, g_free);
      double height = self->cell_line;

      for (guint c = 0; c < n; c++)
        {
          char *text = fiscal_table_get_column_text (table, r, c);

          g_ptr_array_add (texts, text);
          heights[c] = self->cell_line;
          if (wraps[c] && text != NULL && *text != '\0')
            heights[c] = text_height (self, STYLE_TABLE, text,
                                      MAX (grid.x[c + 1] - grid.x[c] - 2 * PAD_X, 1));
          height = MAX (height, heights[c]);
        }
      height += 2 * PAD_Y;

      if (self->y + height > self->bottom && self->y > slice_top + 0.01)
        {
          close_slice (self, &grid, slice_top);
          new_page (self, grid.landscape);
          add_text_full (self, STYLE_TABLE_HEAD, continued, FALSE, PANGO_ALIGN_LEFT, 0, 0, 4);
          if (department_line)
            emit_department_line (self, table, table_width);
          emit_header (self, &grid);
          slice_top = self->y;
        }

      for (guint c = 0; c < n; c++)
        {
          const char *text = texts->pdata[c];
          double w = grid.x[c + 1] - grid.x[c] - 2 * PAD_X;

          if (text != NULL && *text != '\0')
            push_text (self, STYLE_TABLE, text, self->left + grid.x[c] + PAD_X,
                       self->y + (height - heights[c]) / 2, MAX (w, 1), aligns[c]);
        }

      self->y += height;
      if (r + 1 < n_rows)
        push_line (self, self->left, self->y, self->left + table_width, self->y, RULE);
    }

  close_slice (self, &grid, slice_top);

  if (fiscal_table_get_number (table) > 0 && fiscal_table_get_note (table) != NULL)
    {
      self->y += 10;
      add_paragraph (self, fiscal_table_get_note (table));
    }

  grid_clear (&grid);
  return first_page;
}

/* ---- The parts ---------------------------------------------------------- */

static void
lay_out_cover (FiscalPrintLayout *self)
{
  FiscalDocument *doc = self->document;
  FiscalProfile *profile = fiscal_document_get_profile (doc);
  g_autofree char *title = g_strdup_printf ("%d 年部门预算公开", fiscal_document_get_year (doc));
  g_autofree char *date = format_date (fiscal_profile_is_set (profile, FISCAL_PROFILE_CONTACT_DATE)
                                       ? fiscal_profile_get_text (profile, FISCAL_PROFILE_CONTACT_DATE)
                                       : NULL);

  new_page (self, FALSE);
  self->page->numbered = FALSE;

  self->y = FISCAL_PRINT_A4_HEIGHT * 0.28;
  add_text_full (self, STYLE_COVER_DEPARTMENT, fiscal_document_get_department_name (doc) ?: "",
                 FALSE, PANGO_ALIGN_CENTER, 0, 0, 28);
  add_text_full (self, STYLE_COVER_TITLE, title, FALSE, PANGO_ALIGN_CENTER, 0, 0, 0);

  self->y = FISCAL_PRINT_A4_HEIGHT * 0.72;
  add_text_full (self, STYLE_COVER_DATE, date, FALSE, PANGO_ALIGN_CENTER, 0, 0, 0);
}

static void
lay_out_profile (FiscalPrintLayout *self,
                 const char        *part_title)
{
  FiscalDocument *doc = self->document;
  FiscalProfile *profile = fiscal_document_get_profile (doc);
  const char *department = fiscal_document_get_department_name (doc) ?: "";

  add_part (self, part_title);

  add_heading (self, STYLE_SECTION, "一、主要职能", PANGO_ALIGN_LEFT, 0, 6);
  if (fiscal_profile_is_set (profile, FISCAL_PROFILE_FUNCTIONS))
    {
      g_auto(GStrv) lines = g_strsplit (fiscal_profile_get_text (profile, FISCAL_PROFILE_FUNCTIONS), "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        if (*g_strstrip (lines[i]) != '\0')
          add_paragraph (self, lines[i]);
    }

  add_heading (self, STYLE_SECTION, "二、机构设置及人员情况", PANGO_ALIGN_LEFT, 10, 6);
  if (fiscal_profile_is_set (profile, FISCAL_PROFILE_INSTITUTIONS))
    {
      g_auto(GStrv) lines = g_strsplit (fiscal_profile_get_text (profile, FISCAL_PROFILE_INSTITUTIONS), "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        if (*g_strstrip (lines[i]) != '\0')
          add_paragraph (self, lines[i]);
    }

  if (fiscal_profile_is_set (profile, FISCAL_PROFILE_STAFF_AUTHORIZED) ||
      fiscal_profile_is_set (profile, FISCAL_PROFILE_STAFF_ACTUAL))
    {
      g_autofree char *active = staff_change (fiscal_profile_get_number (profile, FISCAL_PROFILE_STAFF_ACTIVE_CHANGE));
      g_autofree char *retired = staff_change (fiscal_profile_get_number (profile, FISCAL_PROFILE_STAFF_RETIRED_CHANGE));
      g_autofree char *honorary = staff_change (fiscal_profile_get_number (profile, FISCAL_PROFILE_STAFF_HONORARY_CHANGE));
      g_autofree char *text = g_strdup_printf (
        "%s编制数 %" G_GINT64_FORMAT "，实有人数 %" G_GINT64_FORMAT " 人，其中：在职 %" G_GINT64_FORMAT
        " 人，%s；退休 %" G_GINT64_FORMAT " 人，%s；离休 %" G_GINT64_FORMAT " 人，%s。",
        department,
        fiscal_profile_get_number (profile, FISCAL_PROFILE_STAFF_AUTHORIZED),
        fiscal_profile_get_number (profile, FISCAL_PROFILE_STAFF_ACTUAL),
        fiscal_profile_get_number (profile, FISCAL_PROFILE_STAFF_ACTIVE), active,
        fiscal_profile_get_number (profile, FISCAL_PROFILE_STAFF_RETIRED), retired,
        fiscal_profile_get_number (profile, FISCAL_PROFILE_STAFF_HONORARY), honorary);

      add_paragraph (self, text);
    }
}

static void
lay_out_tables (FiscalPrintLayout *self,
                const char        *part_title)
{
  g_autoptr(GPtrArray) tables = fiscal_pivot_all (self->document);

  add_part (self, part_title);

  for (guint i = 0; i < tables->len && !g_cancellable_is_cancelled (self->cancellable); i++)
    {
      FiscalTable *table = g_ptr_array_index (tables, i);
      guint number = fiscal_table_get_number (table);
      g_autofree char *label = g_strdup_printf ("表 %u", number);
      g_autofree char *numeral = chinese_number (number);
      g_autofree char *entry = g_strdup_printf ("%s、%s", numeral, fiscal_table_get_title (table));
      FiscalPrintEntry e = { 1, NULL, 0 };

      e.page = add_table (self, table, label, NULL, NULL, TRUE, i == 0);
      e.title = g_steal_pointer (&entry);
      g_array_append_val (self->entries, e);
      {
        TableEntry t = { number, self->entries->len - 1 };
        g_array_append_val (self->table_entries, t);
      }
    }
}

/* What the published target tables state above their indicators besides
 * the goal and the funds: the department's contact, or the project's
 * responsible person, as label and value. */
static char *
target_table_lead (FiscalDocument *document,
                   FiscalProject  *project,
                   const char     *note)
{
  GString *lead = g_string_new (NULL);

  if (project == NULL)
    {
      FiscalProfile *profile = fiscal_document_get_profile (document);
      const char *name = fiscal_profile_get_text (profile, FISCAL_PROFILE_CONTACT_NAME);
      const char *phone = fiscal_profile_get_text (profile, FISCAL_PROFILE_CONTACT_PHONE);

      if (name != NULL && *name != '\0' && phone != NULL && *phone != '\0')
        g_string_append_printf (lead, "部门联系人 %s    联系电话 %s", name, phone);
      else if (name != NULL && *name != '\0')
        g_string_append_printf (lead, "部门联系人 %s", name);
    }
  else
    {
      const char *owner = fiscal_project_get_field (project, FISCAL_PROJECT_OWNER);

      if (owner != NULL && *owner != '\0')
        g_string_append_printf (lead, "项目负责人 %s", owner);
    }

  if (note != NULL && *note != '\0')
    {
      if (lead->len > 0)
        g_string_append_c (lead, '\n');
      g_string_append (lead, note);
    }

  return g_string_free (lead, lead->len == 0);
}

static void
lay_out_narrative (FiscalPrintLayout *self,
                   const char        *part_title)
{
  g_autoptr(FiscalNarrative) narrative = fiscal_narrative_new (self->document, self->prior);
  FiscalTargets *department_targets = fiscal_document_get_targets (self->document);
  GListModel *projects = fiscal_document_get_projects (self->document);
  g_autofree char *year = g_strdup_printf ("（%d 年）", fiscal_document_get_year (self->document));

  add_part (self, part_title);

  for (guint s = 0; s < fiscal_narrative_get_n_sections (narrative); s++)
    {
      const FiscalNarrativeSection *section = fiscal_narrative_get_section (narrative, s);
      g_autofree char *title = g_strdup_printf ("%s、%s", section->number, section->title);

      add_heading (self, STYLE_SECTION, title, PANGO_ALIGN_LEFT, s > 0 ? 10 : 0, 6);
      add_entry (self, 1, title);

      for (guint p = 0; p < section->paragraphs->len; p++)
        {
          const FiscalNarrativeParagraph *paragraph = g_ptr_array_index (section->paragraphs, p);
          g_autofree char *text = fiscal_narrative_paragraph_text (paragraph);

          if (*text == '\0')
            continue;
          if (paragraph->heading)
            add_heading (self, STYLE_BODY_BOLD, text, PANGO_ALIGN_LEFT, 2, 4);
          else
            add_paragraph (self, text);
        }
    }

  /* The performance targets: the department's, then each project's. */
  for (int i = -1; i < (int) g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(FiscalProject) project = i >= 0 ? g_list_model_get_item (projects, i) : NULL;
      g_autoptr(FiscalTable) table = NULL;
      g_autofree char *lead = NULL;
      FiscalPrintEntry e = { 1, NULL, 0 };

      if (fiscal_targets_is_empty (project ? fiscal_project_get_targets (project) : department_targets))
        continue;

      table = fiscal_targets_to_table (self->document, project);
      lead = target_table_lead (self->document, project, fiscal_table_get_note (table));
      e.page = add_table (self, table, NULL, year, lead, FALSE, FALSE);
      e.title = g_strdup (fiscal_table_get_title (table));
      g_array_append_val (self->entries, e);
    }
}

static const struct
{
  const char *term;
  const char *definition;
} glossary[] = {
  { "财政拨款收入",
    "本级财政当年从一般公共预算、政府性基金预算和国有资本经营预算中拨付给本部门的资金。" },
  { "一般公共预算",
    "以税收为主体的财政收入所编制的收支预算，用于保障和改善民生、推动经济社会发展、维护国家安全和维持国家机构正常运转等方面。" },
  { "政府性基金预算",
    "依照法律、行政法规的规定，在一定期限内向特定对象筹集、专门用于特定公共事业发展的资金所编制的收支预算。" },
  { "国有资本经营预算",
    "对国有资本取得的收益作出支出安排的收支预算。" },
  { "财政专户管理资金",
    "缴入财政专户、实行专户管理的资金，主要是未纳入一般公共预算管理的教育收费等非税收入。" },
  { "单位资金",
    "部门（单位）财政拨款以外的资金，包括事业收入、上级补助收入、附属单位上缴收入、事业单位经营收入和其他收入。" },
  { "上年结转结余",
    "以前年度的预算资金尚未执行完毕，按规定结转到本年度继续使用，或已完成任务后剩余的资金。" },
  { "基本支出",
    "为保障机构正常运转、完成日常工作任务而安排的支出，分为人员经费和公用经费。" },
  { "人员经费",
    "用于在职和离退休人员的支出，按经济分类为工资福利支出和对个人和家庭的补助。" },
  { "公用经费",
    "用于机构日常运转的商品和服务支出，如办公、水电、取暖、差旅和公务用车运行维护等费用。" },
  { "项目支出",
    "在基本支出之外，为完成特定的行政工作任务或事业发展目标而安排的支出。" },
  { "“三公”经费",
    "用财政拨款安排的因公出国（境）费、公务用车购置及运行费和公务接待费。因公出国（境）费是工作人员因公出国（境）的国际旅费、住宿费、伙食费、培训费等支出；"
    "公务用车购置及运行费是公务用车的购置支出（含车辆购置税、牌照费）以及燃料、维修、过路过桥、保险等运行维护支出；"
    "公务接待费是按规定开支的各类公务接待（含外宾接待）支出。" },
  { "机关运行经费",
    "行政单位（含参照公务员法管理的事业单位）为保障机构运行而购买货物和服务的公用经费，主要有办公及印刷、邮电、差旅、会议、福利、日常维修、一般设备购置、"
    "办公用房水电、取暖、物业管理和公务用车运行维护等费用。" },
  { "政府采购",
    "国家机关、事业单位和团体组织使用财政性资金，购买集中采购目录以内或采购限额标准以上的货物、工程和服务。" },
  { "绩效目标",
    "预算资金计划在一定期限内达到的产出和效果，以一级、二级、三级指标和指标值表述，是评价预算执行效果的依据。" },
};

static void
lay_out_glossary (FiscalPrintLayout *self,
                  const char        *part_title)
{
  FiscalDocument *doc = self->document;
  FiscalProfile *profile = fiscal_document_get_profile (doc);
  g_autofree char *date = format_date (fiscal_profile_is_set (profile, FISCAL_PROFILE_CONTACT_DATE)
                                       ? fiscal_profile_get_text (profile, FISCAL_PROFILE_CONTACT_DATE)
                                       : NULL);

  add_part (self, part_title);

  for (guint i = 0; i < G_N_ELEMENTS (glossary); i++)
    {
      g_autofree char *numeral = chinese_number (i + 1);
      g_autofree char *text = g_markup_printf_escaped ("%s、<b>%s</b>：%s", numeral,
                                                       glossary[i].term, glossary[i].definition);

      add_text_full (self, STYLE_BODY, text, TRUE, PANGO_ALIGN_LEFT, 0,
                     2 * styles[STYLE_BODY].size, 5);
    }

  /* Signed and dated, as the office publishes it. */
  self->y += 30;
  ensure (self, 3 * styles[STYLE_BODY].size * styles[STYLE_BODY].spacing);
  add_text_full (self, STYLE_BODY, fiscal_document_get_department_name (doc) ?: "", FALSE,
                 PANGO_ALIGN_RIGHT, 0, 0, 2);
  add_text_full (self, STYLE_BODY, date, FALSE, PANGO_ALIGN_RIGHT, 0, 0, 0);
}

static void
lay_out_charts (FiscalPrintLayout *self,
                const char        *part_title)
{
  guint on_page = 0;
  double slot = 0;

  add_part (self, part_title);

  for (guint k = 0; k < FISCAL_N_CHART_KINDS; k++)
    {
      g_autoptr(FiscalChart) chart = fiscal_chart_new (k, self->document, self->prior);
      const char *title = fiscal_chart_get_title (chart);
      Op *op;

      if (fiscal_chart_get_n_items (chart) == 0)
        continue;

      /* Two charts a page, the first under the part's title. */
      if (on_page == 2)
        {
          new_page (self, FALSE);
          on_page = 0;
        }
      if (on_page == 0)
        slot = (self->bottom - self->y) / 2;

      /* The chart draws its own title; the outline has it too. */
      add_entry (self, 1, title);

      op = push_op (self, OP_CHART);
      op->x = self->left;
      op->y = self->y;
      op->x2 = self->width;
      op->y2 = slot - 18;
      op->chart = self->charts->len;
      g_ptr_array_add (self->charts, g_steal_pointer (&chart));

      self->y += op->y2 + 18;
      on_page++;
    }
}

/* The contents: an entry a line, its page number on the right and a dotted
 * leader between. @first_page is the absolute index of the first body page. */
static void
lay_out_contents (FiscalPrintLayout *self,
                  guint              first_page)
{
  double number_width;

  new_page (self, FALSE);
  self->y += 6;
  add_text_full (self, STYLE_PART, "目  录", FALSE, PANGO_ALIGN_CENTER, 0, 0, 24);
  number_width = text_width (self, STYLE_TOC, "0000");

  for (guint i = 0; i < self->entries->len; i++)
    {
      const FiscalPrintEntry *entry = &g_array_index (self->entries, FiscalPrintEntry, i);
      Style style = entry->level == 0 ? STYLE_TOC_PART : STYLE_TOC;
      double dx = entry->level == 0 ? 0 : 2 * styles[STYLE_TOC].size;
      double w = self->width - dx - number_width - 16;
      const char *comma = strstr (entry->title, "、");
      g_autofree char *prefix = comma ? g_strndup (entry->title, comma - entry->title + strlen ("、")) : NULL;
      /* A wrapped entry's next line starts under its text, not its number. */
      double hang = prefix ? -text_width (self, style, prefix) : 0;
      g_autoptr(PangoLayout) layout = make_layout (self, style, entry->title, FALSE, w, hang, PANGO_ALIGN_LEFT);
      g_autofree char *number = g_strdup_printf ("%u", entry->page + first_page + 1);
      PangoRectangle line_logical;
      int height, baseline;
      double y;
      Op *op;

      pango_layout_get_size (layout, NULL, &height);
      if (entry->level == 0 && i > 0)
        self->y += 8;
      ensure (self, pango_units_to_double (height));
      y = self->y;

      op = push_text (self, style, entry->title, self->left + dx, y, w, PANGO_ALIGN_LEFT);
      op->indent = hang;
      op->link = entry->page + first_page + 1;

      /* The number sits on the baseline of the entry's last line. */
      {
        PangoLayoutIter *iter = pango_layout_get_iter (layout);

        while (!pango_layout_iter_at_last_line (iter))
          pango_layout_iter_next_line (iter);
        baseline = pango_layout_iter_get_baseline (iter);
        pango_layout_iter_get_line_extents (iter, NULL, &line_logical);
        pango_layout_iter_free (iter);
      }

      {
        g_autoptr(PangoLayout) number_layout = make_layout (self, style, number, FALSE, -1, 0, PANGO_ALIGN_LEFT);
        double nw = text_width (self, style, number);
        double number_baseline = pango_units_to_double (pango_layout_get_baseline (number_layout));
        double line_baseline = y + pango_units_to_double (baseline);
        double leader_start = self->left + dx + pango_units_to_double (line_logical.x + line_logical.width) + 6;
        double leader_end = self->left + self->width - nw - 6;

        op = push_text (self, style, number, self->left + self->width - nw, line_baseline - number_baseline,
                        -1, PANGO_ALIGN_LEFT);
        op->link = entry->page + first_page + 1;

        if (leader_end > leader_start)
          {
            op = push_op (self, OP_LEADER);
            op->x = leader_start;
            op->x2 = leader_end;
            op->y = op->y2 = line_baseline - 1;
          }
      }

      self->y += pango_units_to_double (height) + 3;
    }
}

static void
clear_pages (FiscalPrintLayout *self)
{
  g_ptr_array_set_size (self->pages, 0);
  g_array_set_size (self->entries, 0);
  g_ptr_array_set_size (self->charts, 0);
  g_array_set_size (self->table_entries, 0);
}

static void
paginate (FiscalPrintLayout *self)
{
  FiscalDocument *doc = self->document;
  int year = fiscal_document_get_year (doc);
  g_autoptr(GPtrArray) body = g_ptr_array_new_with_free_func (page_free);
  g_autoptr(GPtrArray) cover = g_ptr_array_new_with_free_func (page_free);
  g_autoptr(GPtrArray) contents = NULL;
  g_autofree char *part1 = g_strdup_printf ("第一部分 %d 年部门概况", year);
  g_autofree char *part2 = g_strdup_printf ("第二部分 %d 年部门预算公开表", year);
  g_autofree char *part3 = g_strdup_printf ("第三部分 %d 年部门预算情况说明", year);
  guint n_contents = 1;

  clear_pages (self);

  self->ch = text_width (self, STYLE_TABLE, "汉");
  self->cell_line = text_height (self, STYLE_TABLE, "汉0", -1);

  self->target = cover;
  self->page = NULL;
  lay_out_cover (self);

  self->target = body;
  self->page = NULL;
  lay_out_profile (self, part1);
  lay_out_tables (self, part2);
  /* A cancelled layout stops between parts; it is thrown away. */
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  lay_out_narrative (self, part3);
  lay_out_glossary (self, "第四部分 名词解释");
  if (self->options.include_charts && !g_cancellable_is_cancelled (self->cancellable))
    lay_out_charts (self, "附 预算图表");
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  /* The contents take as many pages as their entries need, whatever the
   * numbers, so laying them out twice puts every number right. */
  for (guint pass = 0; pass < 3; pass++)
    {
      g_clear_pointer (&contents, g_ptr_array_unref);
      contents = g_ptr_array_new_with_free_func (page_free);
      self->target = contents;
      self->page = NULL;
      lay_out_contents (self, cover->len + n_contents);
      if (contents->len == n_contents)
        break;
      n_contents = contents->len;
    }

  for (guint i = 0; i < self->entries->len; i++)
    g_array_index (self->entries, FiscalPrintEntry, i).page += cover->len + contents->len;

  /* 目录 itself is in the outline, before the parts. */
  {
    FiscalPrintEntry entry = { 0, g_strdup ("目录"), cover->len };

    g_array_prepend_val (self->entries, entry);
    for (guint i = 0; i < self->table_entries->len; i++)
      g_array_index (self->table_entries, TableEntry, i).position++;
  }

  g_ptr_array_extend_and_steal (self->pages, g_steal_pointer (&cover));
  g_ptr_array_extend_and_steal (self->pages, g_steal_pointer (&contents));
  g_ptr_array_extend_and_steal (self->pages, g_steal_pointer (&body));

  self->target = NULL;
  self->page = NULL;
}

/* ---- The public API ----------------------------------------------------- */

static PangoContext *
default_context (void)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *font_options = cairo_font_options_create ();

  /* Points, and metrics that do not depend on a device. */
  pango_cairo_context_set_resolution (context, 72);
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, font_options);
  cairo_font_options_destroy (font_options);
  pango_context_set_round_glyph_positions (context, FALSE);

  return context;
}

/**
 * fiscal_print_layout_new:
 * @document: the budget
 * @prior: (nullable): its prior year, for the changes the narrative states
 * @options: (nullable): what to include, the margins
 *
 * Lays out the whole disclosure, measuring text with a context of the
 * default cairo font map at 72 dpi (one unit a point).
 *
 * Returns: (transfer full): the layout
 */
FiscalPrintLayout *
fiscal_print_layout_new (FiscalDocument           *document,
                         FiscalDocument           *prior,
                         const FiscalPrintOptions *options)
{
  g_return_val_if_fail (FISCAL_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (prior == NULL || FISCAL_IS_DOCUMENT (prior), NULL);

  return fiscal_print_layout_new_full (document, prior, options, NULL, NULL);
}

/**
 * fiscal_print_layout_new_full:
 * @cancellable: (nullable): to stop laying out, between tables and parts
 *
 * As fiscal_print_layout_new(), but stops when @cancellable is cancelled.
 * Text is measured with the calling thread's default cairo font map
 * (Pango keeps one for each thread), so a layout can be made, and its
 * pages drawn, on a thread of its own, of documents no other thread uses.
 *
 * Returns: (transfer full) (nullable): the layout, or %NULL with @error
 *   set to %G_IO_ERROR_CANCELLED
 */
FiscalPrintLayout *
fiscal_print_layout_new_full (FiscalDocument           *document,
                              FiscalDocument           *prior,
                              const FiscalPrintOptions *options,
                              GCancellable             *cancellable,
                              GError                  **error)
{
  FiscalPrintLayout *self;
  PangoContext *context;

  g_return_val_if_fail (FISCAL_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (prior == NULL || FISCAL_IS_DOCUMENT (prior), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  self = g_new0 (FiscalPrintLayout, 1);
  self->document = g_object_ref (document);
  self->prior = prior ? g_object_ref (prior) : NULL;
  if (options != NULL)
    self->options = *options;
  else
    fiscal_print_options_init (&self->options);
  self->pages = g_ptr_array_new_with_free_func (page_free);
  self->entries = g_array_new (FALSE, FALSE, sizeof (FiscalPrintEntry));
  g_array_set_clear_func (self->entries, clear_entry);
  self->charts = g_ptr_array_new_with_free_func (g_object_unref);
  self->table_entries = g_array_new (FALSE, FALSE, sizeof (TableEntry));

  for (guint s = 0; s < N_STYLES; s++)
    {
      self->fonts[s] = pango_font_description_new ();
      pango_font_description_set_family (self->fonts[s], styles[s].family);
      pango_font_description_set_size (self->fonts[s], pango_units_from_double (styles[s].size));
      pango_font_description_set_weight (self->fonts[s], styles[s].weight);
    }

  self->title = g_strdup_printf ("%s %d 年部门预算公开",
                                 fiscal_document_get_department_name (document) ?: "",
                                 fiscal_document_get_year (document));
  self->author = g_strdup (fiscal_document_get_department_name (document) ?: "");

  context = default_context ();
  self->cancellable = cancellable;
  fiscal_print_layout_paginate (self, context);
  self->cancellable = NULL;
  g_object_unref (context);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      fiscal_print_layout_free (self);
      return NULL;
    }

  return self;
}

void
fiscal_print_layout_free (FiscalPrintLayout *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->document);
  g_clear_object (&self->prior);
  g_clear_object (&self->context);
  for (guint s = 0; s < N_STYLES; s++)
    pango_font_description_free (self->fonts[s]);
  g_ptr_array_unref (self->pages);
  g_array_unref (self->entries);
  g_ptr_array_unref (self->charts);
  g_array_unref (self->table_entries);
  g_free (self->title);
  g_free (self->author);
  g_free (self);
}

/**
 * fiscal_print_layout_paginate:
 * @context: the context to measure and draw text with
 *
 * Lays the pages out again, measuring with @context: for printing, the one
 * gtk_print_context_create_pango_context() makes, with the print operation's
 * unit set to points. Pages are then drawn with layouts of @context.
 */
void
fiscal_print_layout_paginate (FiscalPrintLayout *self,
                              PangoContext      *context)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (PANGO_IS_CONTEXT (context));

  g_set_object (&self->context, context);
  paginate (self);
}

guint
fiscal_print_layout_get_n_pages (FiscalPrintLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->pages->len;
}

gboolean
fiscal_print_layout_page_is_landscape (FiscalPrintLayout *self,
                                       guint              page)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (page < self->pages->len, FALSE);

  return ((Page *) g_ptr_array_index (self->pages, page))->landscape;
}

/**
 * fiscal_print_layout_get_page_size:
 *
 * The size of @page in points: A4, turned for a landscape page.
 */
void
fiscal_print_layout_get_page_size (FiscalPrintLayout *self,
                                   guint              page,
                                   double            *width,
                                   double            *height)
{
  double w, h;

  g_return_if_fail (self != NULL);
  g_return_if_fail (page < self->pages->len);

  page_size (fiscal_print_layout_page_is_landscape (self, page), &w, &h);
  if (width)
    *width = w;
  if (height)
    *height = h;
}

const char *
fiscal_print_layout_get_title (FiscalPrintLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->title;
}

const char *
fiscal_print_layout_get_author (FiscalPrintLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->author;
}

guint
fiscal_print_layout_get_n_entries (FiscalPrintLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->entries->len;
}

/**
 * fiscal_print_layout_get_entry:
 *
 * Returns: (transfer none): an entry of the outline, in the order of the
 *   pages: 目录, then each part and what it holds
 */
const FiscalPrintEntry *
fiscal_print_layout_get_entry (FiscalPrintLayout *self,
                               guint              position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->entries->len, NULL);

  return &g_array_index (self->entries, FiscalPrintEntry, position);
}

/**
 * fiscal_print_layout_find_table:
 * @number: a table number of the document's disclosure format (1 to 11
 *   in the national one, 1 to 9 in Shanghai's)
 *
 * Returns: the position of the entry of 表 @number, or -1 when the
 *   format has no such table
 */
int
fiscal_print_layout_find_table (FiscalPrintLayout *self,
                                guint              number)
{
  g_return_val_if_fail (self != NULL, -1);

  for (guint i = 0; i < self->table_entries->len; i++)
    {
      const TableEntry *t = &g_array_index (self->table_entries, TableEntry, i);

      if (t->number == number)
        return t->position;
    }
  return -1;
}

static void
draw_text (FiscalPrintLayout *self,
           cairo_t           *cr,
           const Op          *op)
{
  g_autoptr(PangoLayout) layout = make_layout (self, op->style, op->text, op->markup,
                                               op->width, op->indent, op->align);
  g_autofree char *link = NULL;

  if (op->link > 0)
    {
      /* A named destination: cairo writes a page's links with the page,
       * before the later pages it would point at exist. */
      link = g_strdup_printf ("dest='page-%u'", op->link);
      cairo_tag_begin (cr, CAIRO_TAG_LINK, link);
    }

  if (op->n_lines < 0)
    {
      cairo_move_to (cr, op->x, op->y);
      pango_cairo_show_layout (cr, layout);
    }
  else
    {
      PangoLayoutIter *iter = pango_layout_get_iter (layout);
      guint i = 0;
      double first_top = 0;

      do
        {
          PangoRectangle logical;

          if (i >= op->first_line + (guint) op->n_lines)
            break;
          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          if (i == op->first_line)
            first_top = pango_units_to_double (logical.y);
          if (i >= op->first_line)
            {
              double baseline = pango_units_to_double (pango_layout_iter_get_baseline (iter));

              cairo_move_to (cr, op->x + pango_units_to_double (logical.x), op->y + baseline - first_top);
              pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
            }
          i++;
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
    }

  if (link != NULL)
    cairo_tag_end (cr, CAIRO_TAG_LINK);
}

/**
 * fiscal_print_layout_draw_page:
 * @cr: a cairo_t whose user space is the page in points, origin top left
 *
 * Draws @page (0-based): black on what is there already.
 */
void
fiscal_print_layout_draw_page (FiscalPrintLayout *self,
                               cairo_t           *cr,
                               guint              page)
{
  Page *p;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->pages->len);

  p = g_ptr_array_index (self->pages, page);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);

  /* Where the contents' links lead. */
  {
    g_autofree char *dest = g_strdup_printf ("name='page-%u' x=0 y=0", page + 1);

    cairo_tag_begin (cr, CAIRO_TAG_DEST, dest);
    cairo_tag_end (cr, CAIRO_TAG_DEST);
  }

  for (guint i = 0; i < p->ops->len; i++)
    {
      const Op *op = &g_array_index (p->ops, Op, i);

      switch (op->kind)
        {
        case OP_TEXT:
          draw_text (self, cr, op);
          break;

        case OP_LINE:
          cairo_set_line_width (cr, op->line_width);
          cairo_move_to (cr, op->x, op->y);
          cairo_line_to (cr, op->x2, op->y2);
          cairo_stroke (cr);
          break;

        case OP_RECT:
          cairo_set_line_width (cr, op->line_width);
          cairo_rectangle (cr, op->x, op->y, op->x2, op->y2);
          cairo_stroke (cr);
          break;

        case OP_LEADER:
          {
            double dash[] = { 0, 3.5 };

            cairo_save (cr);
            cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
            cairo_set_line_width (cr, 0.9);
            cairo_set_dash (cr, dash, 2, 0);
            cairo_move_to (cr, op->x, op->y);
            cairo_line_to (cr, op->x2, op->y2);
            cairo_stroke (cr);
            cairo_restore (cr);
          }
          break;

        case OP_CHART:
          cairo_save (cr);
          cairo_translate (cr, op->x, op->y);
          fiscal_chart_render (g_ptr_array_index (self->charts, op->chart), cr, op->x2, op->y2);
          cairo_restore (cr);
          cairo_set_source_rgb (cr, 0, 0, 0);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  if (p->numbered)
    {
      g_autofree char *number = g_strdup_printf ("- %u -", page + 1);
      g_autoptr(PangoLayout) layout = make_layout (self, STYLE_FOOTER, number, FALSE, -1, 0, PANGO_ALIGN_LEFT);
      double pw, ph;
      int w, h;

      page_size (p->landscape, &pw, &ph);
      pango_layout_get_size (layout, &w, &h);
      cairo_move_to (cr, (pw - pango_units_to_double (w)) / 2,
                     ph - margin_or (self->options.margin_bottom, DEFAULT_MARGIN_BOTTOM) / 2
                     - pango_units_to_double (h) / 2);
      pango_cairo_show_layout (cr, layout);
    }

  cairo_restore (cr);
}
