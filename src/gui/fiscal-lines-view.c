/* fiscal-lines-view.c
 *
 * Cells are edited in place: Enter, F2, typing or a double click edits,
 * Enter or leaving the cell commits, Escape cancels; the keyboard moves a
 * cursor cell as in a spreadsheet (see "Keyboard" below). A value that does not fit — an
 * unknown code, an amount that is not a number — is refused with the error
 * bell and a tooltip that says why, and the cell shows the stored value
 * again. Every commit goes through fiscal_lines_view_commit(), which is
 * also what paste and the tests use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-lines-view"

#include "config.h"

#include <glib/gi18n.h>

#include "fiscal-lines-view.h"

struct _FiscalLinesView
{
  GtkWidget           parent_instance;

  FiscalDocument     *document;
  FiscalCatalog      *functions;
  FiscalCatalog      *economics;
  char               *project_id;     /* only this project's lines, or NULL */
  char               *filter_text;
  FiscalTable        *cell_table;     /* only the lines behind a figure of this table, */
  guint               cell_row;       /* in this row */
  int                 cell_column;    /* and column, or -1 for the whole row */
  gboolean            wan;

  GtkWidget          *box;
  GtkSearchEntry     *search;
  GtkLabel           *subtotals_unit;
  GtkColumnView      *column_view;
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;
  GtkMultiSelection  *selection;
  GtkCustomFilter    *filter;
  GtkLabel           *totals;
  GHashTable         *cells;          /* "line/column" → the bound FiscalLineCell */
  GtkDropDown        *group_by;
  GtkListBox         *subtotals;

  GtkWidget          *list_view;      /* the column view's list of rows */
  FiscalLine         *pending_line;   /* a cell to focus once its row is bound, */
  const char         *pending_column; /* in this column */
  guint               pending_idle;
  guint               anchor;         /* where Shift+Up/Down extends the selection from */
  const char         *cursor_column;  /* the column last moved to or clicked */
  GHashTable         *units_by_id;    /* id → FiscalUnit, made when first asked */
  GHashTable         *projects_by_id; /* id → FiscalProject, made when first asked */
  GtkWidget          *refused;        /* the cell marked with a refused value, or NULL */
  GSettings          *settings;       /* where the columns' widths are kept, or NULL */
  guint               save_widths_id;
};

G_DEFINE_FINAL_TYPE (FiscalLinesView, fiscal_lines_view, GTK_TYPE_WIDGET)

enum {
  SELECTION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const columns[] = {
  "unit", "function", "economic", "kind", "project", "source", "amount", "note",
};

/* Units and projects by id: a row shows the names of its unit and
 * project, and a page of new rows asks for dozens of them. The tables
 * are made again after any change of the units, the projects or the
 * document. */

static void
forget_ids (FiscalLinesView *self)
{
  g_clear_pointer (&self->units_by_id, g_hash_table_unref);
  g_clear_pointer (&self->projects_by_id, g_hash_table_unref);
}

static gpointer
find_by_id (FiscalLinesView *self,
            gboolean         units,
            const char      *id)
{
  GHashTable **table = units ? &self->units_by_id : &self->projects_by_id;
  const char *(*get_id) (gpointer) = units ? (gpointer) fiscal_unit_get_id : (gpointer) fiscal_project_get_id;
  gpointer found;

  if (id == NULL || self->document == NULL)
    return NULL;

  if (*table == NULL)
    {
      GListModel *model = units ? fiscal_document_get_units (self->document)
                                : fiscal_document_get_projects (self->document);
      guint n = g_list_model_get_n_items (model);

      *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
      for (guint i = 0; i < n; i++)
        {
          GObject *item = g_list_model_get_item (model, i);
          const char *item_id = get_id (item);

          /* The first of two with one id, as the document finds it. */
          if (item_id != NULL && !g_hash_table_contains (*table, item_id))
            g_hash_table_insert (*table, g_strdup (item_id), item);
          else
            g_object_unref (item);
        }
    }

  found = g_hash_table_lookup (*table, id);
  if (found != NULL && g_strcmp0 (get_id (found), id) == 0)
    return found;

  /* Not there, or its id has changed since. */
  found = units ? (gpointer) fiscal_document_find_unit (self->document, id)
                : (gpointer) fiscal_document_find_project (self->document, id);
  if (found != NULL)
    g_clear_pointer (table, g_hash_table_unref);
  return found;
}

/* Display */

static char *
amount_text (FiscalLinesView *self,
             gint64           fen)
{
  if (self->wan)
    {
      /* Exact to the fen: 万元 with as many decimals as the amount needs. */
      guint64 mag = fen < 0 ? -(guint64) fen : (guint64) fen;
      g_autofree char *frac = g_strdup_printf ("%06u", (guint) (mag % FISCAL_FEN_PER_WAN));
      gsize len = strlen (frac);

      while (len > 2 && frac[len - 1] == '0')
        frac[--len] = 0;
      return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%s", fen < 0 ? "-" : "", mag / FISCAL_FEN_PER_WAN, frac);
    }

  return fiscal_money_format_yuan_grouped (fen);
}

static char *
cell_text (FiscalLinesView *self,
           FiscalLine      *line,
           const char      *column)
{
  if (g_str_equal (column, "function"))
    return g_strdup (fiscal_line_get_function (line));
  if (g_str_equal (column, "economic"))
    return g_strdup (fiscal_line_get_economic (line));
  if (g_str_equal (column, "amount"))
    return amount_text (self, fiscal_line_get_amount (line));
  if (g_str_equal (column, "note"))
    return g_strdup (fiscal_line_get_note (line));
  if (g_str_equal (column, "kind"))
    return g_strdup (fiscal_kind_label (fiscal_line_get_kind (line)));
  if (g_str_equal (column, "source"))
    return g_strdup (fiscal_source_label (fiscal_line_get_source (line)));
  if (g_str_equal (column, "unit"))
    {
      FiscalUnit *unit = find_by_id (self, TRUE, fiscal_line_get_unit (line));
      return g_strdup (unit ? fiscal_unit_get_name (unit) : fiscal_line_get_unit (line));
    }
  if (g_str_equal (column, "project"))
    {
      FiscalProject *project = find_by_id (self, FALSE, fiscal_line_get_project (line));
      return g_strdup (project ? fiscal_project_get_name (project) : fiscal_line_get_project (line));
    }

  g_return_val_if_reached (NULL);
}

static const char *
code_name (FiscalLinesView *self,
           FiscalLine      *line,
           const char      *column)
{
  FiscalCatalog *catalog = g_str_equal (column, "function") ? self->functions : self->economics;
  const char *code = g_str_equal (column, "function") ? fiscal_line_get_function (line)
                                                      : fiscal_line_get_economic (line);
  const char *name = catalog && code ? fiscal_catalog_get_name (catalog, code) : NULL;

  return name ? name : "";
}

/* Commit */

/* What a refusal says may be typed: the labels of @n values, or the
 * names of the first of a long list. */
static char *
valid_values (guint        n,
              const char *(*label) (gpointer, guint),
              gpointer     data)
{
  GString *out = g_string_new (NULL);
  guint shown = MIN (n, 12);

  for (guint i = 0; i < shown; i++)
    {
      /* Translators: between the values a refused cell lists as valid */
      g_string_append (out, i > 0 ? _(", ") : "");
      g_string_append (out, label (data, i));
    }
  if (shown < n)
    g_string_append (out, "…");

  return g_string_free (out, FALSE);
}

static const char *kind_label (gpointer data, guint i)   { return fiscal_kind_label (i); }
static const char *source_label (gpointer data, guint i) { return fiscal_source_label (i); }

static const char *
model_name (gpointer data,
            guint    i)
{
  g_autoptr(GObject) item = g_list_model_get_item (data, i);

  /* The document keeps its units and projects, so the name outlives the
   * reference dropped here. */
  return FISCAL_IS_UNIT (item) ? fiscal_unit_get_name (FISCAL_UNIT (item))
                               : fiscal_project_get_name (FISCAL_PROJECT (item));
}

/**
 * fiscal_lines_view_commit:
 * @column: "unit", "function", "economic", "kind", "project", "source",
 *   "amount" or "note"
 * @text: what was typed (a code or a name, an amount in the view's unit, a
 *   label or name)
 * @error_message: (out) (optional): why @text was refused
 *
 * Stores @text into @line's @column, as one step of the history.
 *
 * Returns: %TRUE if stored; %FALSE, with nothing changed, if refused
 */
gboolean
fiscal_lines_view_commit (FiscalLinesView  *self,
                          FiscalLine       *line,
                          const char       *column,
                          const char       *text,
                          char            **error_message)
{
  g_autofree char *error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  g_return_val_if_fail (FISCAL_IS_LINES_VIEW (self), FALSE);
  g_return_val_if_fail (FISCAL_IS_LINE (line), FALSE);

  if (g_str_equal (column, "function"))
    {
      const FiscalCatalogItem *item = (self->functions ? fiscal_catalog_resolve (self->functions, stripped, 3, &error) : NULL);
      if (item)
        fiscal_line_set_function (line, item->code);
    }
  else if (g_str_equal (column, "economic"))
    {
      if (*stripped == 0)
        fiscal_line_set_economic (line, NULL);
      else
        {
          const FiscalCatalogItem *item = (self->economics ? fiscal_catalog_resolve (self->economics, stripped, 1, &error) : NULL);
          if (item)
            fiscal_line_set_economic (line, item->code);
        }
    }
  else if (g_str_equal (column, "amount"))
    {
      g_autoptr(GError) parse_error = NULL;
      gint64 fen;

      if ((self->wan ? fiscal_money_parse_wan : fiscal_money_parse) (stripped, &fen, &parse_error))
        fiscal_line_set_amount (line, fen);
      else
        error = g_strdup (parse_error->message);
    }
  else if (g_str_equal (column, "note"))
    fiscal_line_set_note (line, stripped);
  else if (g_str_equal (column, "kind"))
    {
      FiscalKind kind;

      if (!fiscal_paste_read_kind (stripped, &kind))
        {
          g_autofree char *valid = valid_values (FISCAL_N_KINDS, kind_label, NULL);
          /* Translators: the second %s lists the kinds, as 基本支出·人员经费, 基本支出·公用经费, 项目支出 */
          error = g_strdup_printf (_("“%s” is not a kind of expenditure; type one of: %s"), stripped, valid);
        }
      else if (kind == FISCAL_KIND_PROJECT && fiscal_line_get_project (line) == NULL)
        error = g_strdup (_("Choose the line’s project; that makes it a project line"));
      else
        {
          fiscal_document_begin_action (self->document, _("Line Change"));
          fiscal_line_set_kind (line, kind);
          if (kind != FISCAL_KIND_PROJECT)
            fiscal_line_set_project (line, NULL);
          fiscal_document_end_action (self->document);
        }
    }
  else if (g_str_equal (column, "source"))
    {
      FiscalSource source;

      if (fiscal_paste_read_source (stripped, &source))
        fiscal_line_set_source (line, source);
      else
        {
          g_autofree char *valid = valid_values (FISCAL_N_SOURCES, source_label, NULL);
          error = g_strdup_printf (_("“%s” is not a funding source; type one of: %s"), stripped, valid);
        }
    }
  else if (g_str_equal (column, "unit") || g_str_equal (column, "project"))
    {
      gboolean units = g_str_equal (column, "unit");
      GListModel *model = units ? fiscal_document_get_units (self->document)
                                : fiscal_document_get_projects (self->document);
      const char *id = units ? fiscal_paste_find_unit (self->document, stripped)
                             : fiscal_paste_find_project (self->document, stripped);

      if (units && id != NULL)
        fiscal_line_set_unit (line, id);
      else if (!units && (id != NULL || *stripped == 0))
        {
          fiscal_document_begin_action (self->document, _("Line Change"));
          fiscal_line_set_project (line, id);
          if (id != NULL)
            fiscal_line_set_kind (line, FISCAL_KIND_PROJECT);
          else if (fiscal_line_get_kind (line) == FISCAL_KIND_PROJECT)
            fiscal_line_set_kind (line, FISCAL_KIND_PUBLIC);
          fiscal_document_end_action (self->document);
        }
      else if (g_list_model_get_n_items (model) == 0)
        error = g_strdup_printf (units ? _("There is no unit “%s”") : _("There is no project “%s”"), stripped);
      else
        {
          g_autofree char *valid = valid_values (g_list_model_get_n_items (model), model_name, model);

          error = g_strdup_printf (units ? _("There is no unit “%s”; type one of: %s")
                                         : _("There is no project “%s”; type one of: %s"), stripped, valid);
        }
    }
  else
    g_return_val_if_reached (FALSE);

  if (error_message != NULL)
    *error_message = g_steal_pointer (&error);

  return error == NULL && (error_message == NULL || *error_message == NULL);
}

/* Cells: each is a light widget that draws its value (and beside a code
 * the code's name) itself, and takes the keyboard focus as the cursor.
 * Its size does not depend on its text, one line high and as wide as its
 * column makes it, so showing another line in it only redraws it: rows
 * bound as the list scrolls are not measured again. The text field that
 * edits a value, with the completion of a code, is made when a cell starts
 * being edited and goes when the edit ends. */

/* What a column's cells show, shaped once and shared by them all: a page
 * of rows shows mostly texts shown before (the same codes and names,
 * kinds, sources, units and projects), and shaping text is what showing
 * a new row costs most. Each text is kept whole (unbroken), and, if it is
 * wider than its column, also cut short with "…" to the width it had
 * last, which is the same for all the column's cells. */
typedef struct
{
  char        *key;        /* the text */
  PangoLayout *whole;
  int          width;      /* of @whole, in pixels */
  int          baseline;   /* of @whole, in pixels */
  PangoLayout *cut;        /* cut short to @cut_width, or NULL */
  int          cut_width;
  GList        link;       /* in the column's texts, the least recently shown first */
} ShapedText;

/* Per column. Past that, the text shown least recently is dropped, one
 * for each new one: dropping many at once would stall a frame. */
#define MAX_SHAPED_TEXTS 1024

typedef struct
{
  FiscalLinesView      *view;
  const char           *column;
  const char           *title;     /* the column's title, translated */
  int                   width;     /* the column's usual width */

  GHashTable           *shaped;    /* text → ShapedText */
  GQueue                recent;    /* of the ShapedTexts, the least recently shown first */
  PangoFontDescription *font;      /* what the shapes and sizes are for, */
  double                resolution;    /* at this resolution */
  cairo_font_options_t *options;       /* and with these options */
  int                   line_height;   /* of a line of digits and Chinese */
  int                   line_baseline;
  int                   digit_width;
} ColumnData;

static void
shaped_text_free (gpointer data)
{
  ShapedText *shaped = data;

  g_clear_object (&shaped->whole);
  g_clear_object (&shaped->cut);
  g_free (shaped->key);
  g_free (shaped);
}

static void
column_data_free (gpointer user_data)
{
  ColumnData *data = user_data;

  g_clear_pointer (&data->shaped, g_hash_table_unref);
  g_clear_pointer (&data->font, pango_font_description_free);
  g_clear_pointer (&data->options, cairo_font_options_destroy);
  g_free (data);
}

#define FISCAL_TYPE_LINE_CELL (fiscal_line_cell_get_type ())
G_DECLARE_FINAL_TYPE (FiscalLineCell, fiscal_line_cell, FISCAL, LINE_CELL, GtkWidget)

#define CELL_SPACING 6          /* between a code and its name */
#define DIM_OPACITY  0.55       /* a code's name, as a dimmed label */

struct _FiscalLineCell
{
  GtkWidget             parent_instance;

  GtkListItem          *item;          /* the list item this cell is the child of */
  ColumnData           *data;
  float                 xalign;        /* of the value: 0 left, 1 right */
  int                   width_chars;   /* the value's least width, in digits */
  gboolean              has_name;      /* a code, its name beside it */
  gboolean              has_choices;   /* one of a list of values (a kind, a source, a unit, a project) */
  gboolean              cut;           /* the value or the name was cut short when last drawn */
  char                 *text;          /* the value */
  char                 *shown;         /* its first line, with "…" if it has more, or NULL if one line */
  char                 *name;          /* a code's name, or NULL */
  gulong                notify_id;     /* of the bound line's "notify" */

  GtkWidget            *editor;        /* the GtkText while the cell is edited, or NULL */
  GtkWidget            *completion;    /* the editor's code completion, or NULL */
  gboolean              composing;     /* the editor's input method has a preedit */
  guint                 leave_id;      /* ends the edit a little after the focus left */
};

G_DEFINE_FINAL_TYPE (FiscalLineCell, fiscal_line_cell, GTK_TYPE_WIDGET)

/* Takes away a refused value's mark and reason; the cell still offers the
 * whole of a value it cuts short. */
static void
clear_refusal (GtkWidget *cell)
{
  gtk_widget_set_tooltip_text (cell, NULL);
  gtk_widget_set_has_tooltip (cell, TRUE);
  gtk_widget_remove_css_class (cell, "error");
}

/* A refused value's mark: one cell at a time has it, until the edit is
 * cancelled, another value is stored, or the cursor leaves the cell. */
static void
cell_unmark (FiscalLineCell *cell)
{
  if (cell->data != NULL && cell->data->view->refused == GTK_WIDGET (cell))
    cell->data->view->refused = NULL;
  if (gtk_widget_has_css_class (GTK_WIDGET (cell), "error"))
    clear_refusal (GTK_WIDGET (cell));
}

static void
cell_mark_refused (FiscalLineCell *cell,
                   const char     *reason)
{
  FiscalLinesView *view = cell->data->view;
  GtkWidget *widget = GTK_WIDGET (cell);

  if (view->refused != NULL && view->refused != widget)
    cell_unmark (FISCAL_LINE_CELL (view->refused));
  view->refused = widget;
  gtk_widget_error_bell (widget);
  gtk_widget_set_tooltip_text (widget, reason);
  gtk_widget_add_css_class (widget, "error");
}

/* Drops the editor, without storing what it holds, and shows the value. */
static void
remove_editor (FiscalLineCell *cell)
{
  g_clear_handle_id (&cell->leave_id, g_source_remove);
  g_clear_pointer (&cell->completion, gtk_widget_unparent);
  cell->composing = FALSE;
  if (cell->editor != NULL)
    {
      g_clear_pointer (&cell->editor, gtk_widget_unparent);
      gtk_widget_remove_css_class (GTK_WIDGET (cell), "editing");
      gtk_widget_queue_resize (GTK_WIDGET (cell));
    }
}

/* The sizes of a line in the cells' font, measured once per column and
 * font; text shaped for another font is dropped. */
static void
ensure_metrics (FiscalLineCell *cell)
{
  ColumnData *data = cell->data;
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (cell));
  const PangoFontDescription *font = pango_context_get_font_description (context);
  g_autoptr(PangoLayout) sample = NULL;
  PangoFontMetrics *metrics;
  PangoRectangle logical;

  const cairo_font_options_t *options = pango_cairo_context_get_font_options (context);
  double resolution = pango_cairo_context_get_resolution (context);

  if (data->font != NULL && font != NULL && pango_font_description_equal (data->font, font) &&
      data->resolution == resolution &&
      (options == NULL ? data->options == NULL
                       : data->options != NULL && cairo_font_options_equal (data->options, options)))
    return;

  g_clear_pointer (&data->font, pango_font_description_free);
  data->font = font ? pango_font_description_copy (font) : pango_font_description_new ();
  data->resolution = resolution;
  g_clear_pointer (&data->options, cairo_font_options_destroy);
  data->options = options ? cairo_font_options_copy (options) : NULL;

  /* Digits and Chinese: a fallback font for the one may be taller. */
  sample = pango_layout_new (context);
  pango_layout_set_text (sample, "0123456789 国库集中支付", -1);
  pango_layout_get_pixel_extents (sample, NULL, &logical);
  data->line_height = logical.height;
  data->line_baseline = PANGO_PIXELS (pango_layout_get_baseline (sample));
  metrics = pango_context_get_metrics (context, font, NULL);
  data->digit_width = PANGO_PIXELS_CEIL (pango_font_metrics_get_approximate_digit_width (metrics));
  pango_font_metrics_unref (metrics);

  if (data->shaped == NULL)
    data->shaped = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, shaped_text_free);
  else
    g_hash_table_remove_all (data->shaped);
  g_queue_init (&data->recent);
}

static PangoLayout *
make_layout (FiscalLineCell *cell,
             const char     *text,
             int             width)
{
  PangoLayout *layout = pango_layout_new (gtk_widget_get_pango_context (GTK_WIDGET (cell)));

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (layout, width < 0 ? -1 : width * PANGO_SCALE);
  /* Amounts in figures of one width, as the "numeric" style has it. */
  if (cell->xalign > 0)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  return layout;
}

/* @text shaped for @cell's column, whole; shaped anew only the first time
 * it is shown there. Valid until the next call. */
static ShapedText *
shape_text (FiscalLineCell *cell,
            const char     *text)
{
  ColumnData *data = cell->data;
  ShapedText *shaped = g_hash_table_lookup (data->shaped, text);
  PangoRectangle logical;

  if (shaped != NULL)
    {
      g_queue_unlink (&data->recent, &shaped->link);
      g_queue_push_tail_link (&data->recent, &shaped->link);
      return shaped;
    }

  if (data->recent.length >= MAX_SHAPED_TEXTS)
    {
      GList *oldest = g_queue_pop_head_link (&data->recent);

      g_hash_table_remove (data->shaped, ((ShapedText *) oldest->data)->key);
    }

  shaped = g_new0 (ShapedText, 1);
  shaped->key = g_strdup (text);
  shaped->link.data = shaped;
  shaped->whole = make_layout (cell, text, -1);
  pango_layout_get_pixel_extents (shaped->whole, NULL, &logical);
  shaped->width = logical.width;
  shaped->baseline = PANGO_PIXELS (pango_layout_get_baseline (shaped->whole));
  g_hash_table_insert (data->shaped, shaped->key, shaped);
  g_queue_push_tail_link (&data->recent, &shaped->link);
  return shaped;
}

/* What to draw of @shaped in @width pixels: the whole text, or the text
 * cut short to that width. */
static PangoLayout *
fit_text (FiscalLineCell *cell,
          ShapedText     *shaped,
          const char     *text,
          int             width)
{
  if (shaped->width <= width)
    return shaped->whole;

  if (shaped->cut == NULL || shaped->cut_width != width)
    {
      g_clear_object (&shaped->cut);
      shaped->cut = make_layout (cell, text, width);
      shaped->cut_width = width;
    }
  return shaped->cut;
}

/* Shows @text (and @name, for a code). Only redraws: the cell's size does
 * not depend on them. */
static void
fiscal_line_cell_set_text (FiscalLineCell *cell,
                           const char     *text,
                           const char     *name)
{
  gboolean changed = FALSE;

  if (g_strcmp0 (cell->text, text) != 0)
    {
      const char *end = text ? strpbrk (text, "\r\n") : NULL;

      g_free (cell->text);
      cell->text = g_strdup (text);
      /* A note of several lines: its first line, and "…" for the rest. */
      g_clear_pointer (&cell->shown, g_free);
      if (end != NULL)
        cell->shown = g_strdup_printf ("%.*s…", (int) (end - text), text);
      changed = TRUE;
    }
  if (cell->has_name && g_strcmp0 (cell->name, name) != 0)
    {
      g_free (cell->name);
      cell->name = g_strdup (name);
      changed = TRUE;
    }

  if (changed)
    {
      g_autofree char *label = cell->has_name && cell->name && *cell->name
                               ? g_strdup_printf ("%s %s", cell->text, cell->name) : NULL;

      gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label ? label : cell->text, -1);
      gtk_widget_queue_draw (GTK_WIDGET (cell));
    }
}

static void
fiscal_line_cell_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  FiscalLineCell *cell = FISCAL_LINE_CELL (widget);

  ensure_metrics (cell);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = cell->width_chars * cell->data->digit_width;
  else
    {
      *minimum = *natural = cell->data->line_height;
      *minimum_baseline = *natural_baseline = cell->data->line_baseline;
    }

  if (cell->editor != NULL)
    {
      int editor_min, editor_nat;

      gtk_widget_measure (cell->editor, orientation, for_size, &editor_min, &editor_nat, NULL, NULL);
      *minimum = MAX (*minimum, editor_min);
      *natural = MAX (*natural, editor_nat);
      if (orientation == GTK_ORIENTATION_VERTICAL)
        *minimum_baseline = *natural_baseline = -1;
    }
}

static void
fiscal_line_cell_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  FiscalLineCell *cell = FISCAL_LINE_CELL (widget);

  if (cell->editor != NULL)
    gtk_widget_allocate (cell->editor, width, height, -1, NULL);
  if (cell->completion != NULL && gtk_widget_get_visible (cell->completion))
    gtk_popover_present (GTK_POPOVER (cell->completion));
}

static void
append_layout (GtkSnapshot   *snapshot,
               PangoLayout   *layout,
               int            x,
               int            y,
               const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
fiscal_line_cell_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  FiscalLineCell *cell = FISCAL_LINE_CELL (widget);
  ColumnData *data = cell->data;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int top, value_width, x;
  const char *value;
  ShapedText *shaped;
  GdkRGBA color;

  ensure_metrics (cell);

  if (cell->editor != NULL)
    {
      gtk_widget_snapshot_child (widget, cell->editor, snapshot);
      return;
    }

  cell->cut = FALSE;
  if (width <= 0 || cell->text == NULL)
    return;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  top = (height - data->line_height) / 2 + data->line_baseline;

  value = cell->shown ? cell->shown : cell->text;
  shaped = shape_text (cell, value);
  value_width = MIN (shaped->width, width);
  cell->cut = shaped->width > width || cell->shown != NULL;
  append_layout (snapshot, fit_text (cell, shaped, value, width),
                 (int) ((width - value_width) * cell->xalign), top - shaped->baseline, &color);

  if (!cell->has_name || cell->name == NULL || *cell->name == 0)
    return;

  x = MAX (value_width, cell->width_chars * data->digit_width) + CELL_SPACING;
  if (x >= width)
    {
      cell->cut = TRUE;
      return;
    }
  shaped = shape_text (cell, cell->name);
  cell->cut |= shaped->width > width - x;
  color.alpha *= DIM_OPACITY;
  append_layout (snapshot, fit_text (cell, shaped, cell->name, width - x),
                 x, top - shaped->baseline, &color);
}

static gboolean
fiscal_line_cell_grab_focus (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (root == NULL || !gtk_widget_get_focusable (widget))
    return FALSE;

  gtk_root_set_focus (root, widget);
  return TRUE;
}

static gboolean
fiscal_line_cell_focus (GtkWidget        *widget,
                        GtkDirectionType  direction)
{
  FiscalLineCell *cell = FISCAL_LINE_CELL (widget);

  if (cell->editor != NULL)
    return gtk_widget_child_focus (cell->editor, direction);
  if (gtk_widget_is_focus (widget))
    return FALSE;

  return gtk_widget_grab_focus (widget);
}

static void
fiscal_line_cell_dispose (GObject *object)
{
  FiscalLineCell *cell = FISCAL_LINE_CELL (object);

  remove_editor (cell);
  if (cell->data != NULL && cell->data->view->refused == GTK_WIDGET (cell))
    cell->data->view->refused = NULL;

  G_OBJECT_CLASS (fiscal_line_cell_parent_class)->dispose (object);
}

static void
fiscal_line_cell_finalize (GObject *object)
{
  FiscalLineCell *cell = FISCAL_LINE_CELL (object);

  g_free (cell->text);
  g_free (cell->shown);
  g_free (cell->name);

  G_OBJECT_CLASS (fiscal_line_cell_parent_class)->finalize (object);
}

/* A refused value's reason, else the whole value (and a code's name) when
 * the cell cuts it short. */
static gboolean
fiscal_line_cell_query_tooltip (GtkWidget  *widget,
                                int         x,
                                int         y,
                                gboolean    keyboard,
                                GtkTooltip *tooltip)
{
  FiscalLineCell *cell = FISCAL_LINE_CELL (widget);

  if (GTK_WIDGET_CLASS (fiscal_line_cell_parent_class)->query_tooltip (widget, x, y, keyboard, tooltip))
    return TRUE;
  if (cell->editor != NULL || cell->text == NULL)
    return FALSE;

  if (!cell->cut)
    return FALSE;

  if (cell->has_name && cell->name != NULL && *cell->name)
    {
      g_autofree char *whole = g_strdup_printf ("%s %s", cell->text, cell->name);
      gtk_tooltip_set_text (tooltip, whole);
    }
  else
    gtk_tooltip_set_text (tooltip, cell->text);
  return TRUE;
}

static void
fiscal_line_cell_class_init (FiscalLineCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fiscal_line_cell_dispose;
  object_class->finalize = fiscal_line_cell_finalize;
  widget_class->measure = fiscal_line_cell_measure;
  widget_class->size_allocate = fiscal_line_cell_size_allocate;
  widget_class->snapshot = fiscal_line_cell_snapshot;
  widget_class->grab_focus = fiscal_line_cell_grab_focus;
  widget_class->focus = fiscal_line_cell_focus;
  widget_class->query_tooltip = fiscal_line_cell_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "linecell");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID_CELL);
}

static void
fiscal_line_cell_init (FiscalLineCell *cell)
{
  /* a value cut short is shown whole in a tooltip (query_tooltip) */
  gtk_widget_set_has_tooltip (GTK_WIDGET (cell), TRUE);
  gtk_widget_set_focusable (GTK_WIDGET (cell), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (cell), TRUE);
}

static void
refresh_cell (FiscalLineCell *cell)
{
  FiscalLine *line = gtk_list_item_get_item (cell->item);
  g_autofree char *text = NULL;

  if (line == NULL)
    return;

  text = cell_text (cell->data->view, line, cell->data->column);
  fiscal_line_cell_set_text (cell, text ? text : "",
                             cell->has_name ? code_name (cell->data->view, line, cell->data->column) : NULL);
}

static gboolean
editor_has_focus (FiscalLineCell *cell)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (cell));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return cell->editor != NULL && focus != NULL &&
         (focus == cell->editor || gtk_widget_is_ancestor (focus, cell->editor) ||
          (cell->completion != NULL && gtk_widget_is_ancestor (focus, cell->completion)));
}

/* Ends editing @cell. With @commit, what was typed is stored if it is not
 * what the cell shows; a refused value is marked on the cell, with the
 * error bell and the reason in its tooltip, and the cell shows the stored
 * value again. The focus, if it was in the editor, stays on the cell.
 * Returns %FALSE if the cell is marked as refused. */
static gboolean
cell_stop_editing (FiscalLineCell *cell,
                   gboolean        commit)
{
  g_autoptr(FiscalLineCell) hold = g_object_ref (cell);
  g_autoptr(FiscalLine) line = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *error = NULL;
  GtkWidget *widget = GTK_WIDGET (cell);

  if (cell->editor == NULL)
    return !gtk_widget_has_css_class (widget, "error");

  typed = g_strdup (gtk_editable_get_text (GTK_EDITABLE (cell->editor)));
  if (gtk_list_item_get_item (cell->item) != NULL)
    line = g_object_ref (gtk_list_item_get_item (cell->item));

  /* The editor goes before the line changes: the change may sort or
   * filter the row away. */
  if (editor_has_focus (cell))
    gtk_widget_grab_focus (widget);
  remove_editor (cell);

  if (commit && line != NULL)
    {
      shown = cell_text (cell->data->view, line, cell->data->column);
      if (g_strcmp0 (typed, shown ? shown : "") != 0)
        {
          if (!fiscal_lines_view_commit (cell->data->view, line, cell->data->column, typed, &error))
            cell_mark_refused (cell, error);
          else
            cell_unmark (cell);
        }
    }
  else if (!commit)
    cell_unmark (cell);

  refresh_cell (cell);
  return !gtk_widget_has_css_class (widget, "error");
}

/* Completion: while a code cell is edited, the codes and names that
 * match what is typed (by code prefix, or by any part of the name) are
 * offered below it; while a kind, source, unit or project is edited, the
 * values whose label holds what is typed (or which it names in short, as
 * pasted cells are read). Down and Up choose, Enter or Tab takes one and
 * moves on as they do without it, a click takes one. */

#define MAX_COMPLETIONS 8

static GtkListBox *
completion_list (FiscalLineCell *cell)
{
  return GTK_LIST_BOX (g_object_get_data (G_OBJECT (cell->completion), "fiscal-list"));
}

static void
completion_activated_cb (GtkListBox     *list,
                         GtkListBoxRow  *row,
                         FiscalLineCell *cell)
{
  /* A copy: setting the text makes the rows again. */
  g_autofree char *code = g_strdup (g_object_get_data (G_OBJECT (row), "fiscal-code"));

  if (cell->editor == NULL)
    return;

  gtk_editable_set_text (GTK_EDITABLE (cell->editor), code);
  gtk_popover_popdown (GTK_POPOVER (cell->completion));
  cell_stop_editing (cell, TRUE);
}

/* Puts the completion chosen into the editor, and closes the completion.
 * Returns %FALSE if none was open. */
static gboolean
completion_take (FiscalLineCell *cell)
{
  GtkListBoxRow *selected;

  if (cell->completion == NULL || !gtk_widget_get_visible (cell->completion))
    return FALSE;

  selected = gtk_list_box_get_selected_row (completion_list (cell));
  if (selected != NULL)
    {
      /* A copy: setting the text makes the rows again. */
      g_autofree char *value = g_strdup (g_object_get_data (G_OBJECT (selected), "fiscal-code"));

      gtk_editable_set_text (GTK_EDITABLE (cell->editor), value);
      gtk_editable_set_position (GTK_EDITABLE (cell->editor), -1);
    }
  gtk_popover_popdown (GTK_POPOVER (cell->completion));
  return selected != NULL;
}

static void
completion_add (GtkListBox *list,
                const char *value,
                const char *label)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *child = gtk_label_new (label);

  gtk_widget_set_halign (child, GTK_ALIGN_START);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), child);
  g_object_set_data_full (G_OBJECT (row), "fiscal-code", g_strdup (value), g_free);
  gtk_list_box_append (list, row);
}

/* Whether @folded (what was typed, case-folded) is part of @label. */
static gboolean
label_holds (const char *label,
             const char *folded)
{
  g_autofree char *folded_label = label ? g_utf8_casefold (label, -1) : NULL;

  return folded_label != NULL && strstr (folded_label, folded) != NULL;
}

/* The values of a kind, source, unit or project cell that match @text;
 * Returns the number offered, or 0 if @text is one of them already. */
static guint
completion_fill_choices (FiscalLineCell *cell,
                         GtkListBox     *list,
                         const char     *text)
{
  FiscalLinesView *view = cell->data->view;
  const char *column = cell->data->column;
  g_autofree char *folded = g_utf8_casefold (text, -1);
  guint n = 0;

  if (g_str_equal (column, "kind") || g_str_equal (column, "source"))
    {
      gboolean kinds = g_str_equal (column, "kind");
      guint n_values = kinds ? FISCAL_N_KINDS : FISCAL_N_SOURCES;
      guint read = G_MAXUINT;
      FiscalKind kind;
      FiscalSource source;

      if (kinds && fiscal_paste_read_kind (text, &kind))
        read = kind;
      else if (!kinds && fiscal_paste_read_source (text, &source))
        read = source;

      for (guint i = 0; i < n_values; i++)
        {
          const char *label = kinds ? fiscal_kind_label (i) : fiscal_source_label (i);
          const char *name = kinds ? fiscal_kind_to_string (i) : fiscal_source_to_string (i);

          if (g_str_equal (text, label))
            return 0;
          if (i == read || label_holds (label, folded) || label_holds (name, folded))
            {
              completion_add (list, label, label);
              n++;
            }
        }
    }
  else if (view->document != NULL)
    {
      gboolean units = g_str_equal (column, "unit");
      GListModel *model = units ? fiscal_document_get_units (view->document)
                                : fiscal_document_get_projects (view->document);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (model, i);
          const char *id = units ? fiscal_unit_get_id (FISCAL_UNIT (item)) : fiscal_project_get_id (FISCAL_PROJECT (item));
          const char *name = units ? fiscal_unit_get_name (FISCAL_UNIT (item)) : fiscal_project_get_name (FISCAL_PROJECT (item));

          if (name == NULL)
            continue;
          if (g_str_equal (text, name))
            return 0;
          if (label_holds (name, folded) || label_holds (id, folded))
            {
              completion_add (list, name, name);
              n++;
            }
        }
    }

  return n;
}

static void
completion_update (FiscalLineCell *cell)
{
  ColumnData *data = cell->data;
  GtkListBox *list = completion_list (cell);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (cell->editor));
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, child);

  if (*text == 0)
    {
      gtk_popover_popdown (GTK_POPOVER (cell->completion));
      return;
    }

  if (cell->has_choices)
    n = completion_fill_choices (cell, list, text);
  else
    {
      FiscalCatalog *catalog = g_str_equal (data->column, "function") ? data->view->functions : data->view->economics;
      guint min_level = g_str_equal (data->column, "function") ? 3 : 2;

      if (catalog == NULL ||
          (fiscal_catalog_lookup (catalog, text) != NULL && fiscal_catalog_lookup (catalog, text)->level >= min_level))
        {
          gtk_popover_popdown (GTK_POPOVER (cell->completion));
          return;
        }

      for (guint i = 0; i < fiscal_catalog_get_n_items (catalog) && n < MAX_COMPLETIONS; i++)
        {
          const FiscalCatalogItem *item = fiscal_catalog_get_item (catalog, i);
          g_autofree char *label = NULL;

          if (item->level < min_level ||
              !(g_str_has_prefix (item->code, text) || strstr (item->name, text) != NULL))
            continue;

          label = g_strdup_printf ("%s  %s", item->code, item->name);
          completion_add (list, item->code, label);
          n++;
        }
    }

  if (n > 0)
    {
      gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, 0));
      gtk_popover_popup (GTK_POPOVER (cell->completion));
    }
  else
    gtk_popover_popdown (GTK_POPOVER (cell->completion));
}

static void
completion_text_changed_cb (GtkEditable    *editor,
                            FiscalLineCell *cell)
{
  if (cell->editor == GTK_WIDGET (editor))
    completion_update (cell);
}

/* Up and Down choose among the completions, scrolling the one chosen
 * into sight. Enter, Tab and Escape are the view's (see
 * cell_key_pressed_cb). */
static gboolean
completion_key_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   FiscalLineCell        *cell)
{
  GtkListBox *list = completion_list (cell);
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (list);
  int index = selected ? gtk_list_box_row_get_index (selected) : -1;
  GtkListBoxRow *next;

  if (!gtk_widget_get_visible (cell->completion) || selected == NULL)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_Up:
      next = gtk_list_box_get_row_at_index (list, index + (keyval == GDK_KEY_Down ? 1 : -1));
      if (next != NULL)
        {
          GtkWidget *scroller = gtk_popover_get_child (GTK_POPOVER (cell->completion));
          GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
          graphene_rect_t bounds;

          gtk_list_box_select_row (list, next);
          if (gtk_widget_compute_bounds (GTK_WIDGET (next), GTK_WIDGET (list), &bounds))
            gtk_adjustment_clamp_page (vadj, bounds.origin.y, bounds.origin.y + bounds.size.height);
        }
      return TRUE;

    default:
      return FALSE;
    }
}

/* The completion of the cell's editor. It points at the cell, which has
 * its place already when the first letter typed opens the completion (the
 * editor gets its place only in the next frame). */
static void
add_completion (FiscalLineCell *cell)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  cell->completion = gtk_popover_new ();
  gtk_popover_set_autohide (GTK_POPOVER (cell->completion), FALSE);
  gtk_popover_set_has_arrow (GTK_POPOVER (cell->completion), FALSE);
  gtk_popover_set_position (GTK_POPOVER (cell->completion), GTK_POS_BOTTOM);
  gtk_widget_add_css_class (list, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  cell->has_choices ? _("Matching values") : _("Matching codes"), -1);
  /* A long list of sources or projects scrolls. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  g_object_set_data (G_OBJECT (cell->completion), "fiscal-list", list);
  gtk_popover_set_child (GTK_POPOVER (cell->completion), scroller);
  gtk_widget_set_parent (cell->completion, GTK_WIDGET (cell));
  g_signal_connect (list, "row-activated", G_CALLBACK (completion_activated_cb), cell);
  g_signal_connect (cell->editor, "changed", G_CALLBACK (completion_text_changed_cb), cell);

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (completion_key_cb), cell);
  gtk_widget_add_controller (cell->editor, keys);
}

/* Leaving the editor commits the edit, a little later, so that the
 * completion may take the focus for a moment. */
static gboolean
leave_timeout_cb (gpointer user_data)
{
  FiscalLineCell *cell = user_data;

  cell->leave_id = 0;
  if (cell->editor != NULL && !editor_has_focus (cell))
    cell_stop_editing (cell, TRUE);

  return G_SOURCE_REMOVE;
}

static void
editor_leave_cb (GtkEventController *focus,
                 FiscalLineCell     *cell)
{
  if (cell->leave_id == 0)
    cell->leave_id = g_timeout_add (100, leave_timeout_cb, cell);
}

static void
editor_activate_cb (GtkText        *editor,
                    FiscalLineCell *cell)
{
  cell_stop_editing (cell, TRUE);
}

static void
editor_preedit_changed_cb (GtkText        *editor,
                           const char     *preedit,
                           FiscalLineCell *cell)
{
  cell->composing = preedit != NULL && *preedit != '\0';
}

/* Starts editing @cell with what it holds, all selected, or with @typed
 * in place of it. */
static void
cell_start_editing (FiscalLineCell *cell,
                    const char     *typed)
{
  ColumnData *data = cell->data;
  FiscalLine *line = gtk_list_item_get_item (cell->item);

  if (line == NULL)
    return;

  if (cell->editor == NULL)
    {
      g_autofree char *text = cell_text (data->view, line, data->column);
      GtkEventController *focus = gtk_event_controller_focus_new ();

      cell->editor = gtk_text_new ();
      gtk_editable_set_text (GTK_EDITABLE (cell->editor), text ? text : "");
      gtk_widget_set_hexpand (cell->editor, TRUE);
      if (g_str_equal (data->column, "amount"))
        {
          gtk_editable_set_alignment (GTK_EDITABLE (cell->editor), 1.0);
          gtk_widget_add_css_class (cell->editor, "numeric");
        }
      gtk_accessible_update_property (GTK_ACCESSIBLE (cell->editor),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, data->title, -1);
      g_signal_connect (focus, "leave", G_CALLBACK (editor_leave_cb), cell);
      gtk_widget_add_controller (cell->editor, focus);
      g_signal_connect (cell->editor, "activate", G_CALLBACK (editor_activate_cb), cell);
      g_signal_connect (cell->editor, "preedit-changed", G_CALLBACK (editor_preedit_changed_cb), cell);

      gtk_widget_set_parent (cell->editor, GTK_WIDGET (cell));
      if (cell->has_name || cell->has_choices)
        add_completion (cell);
      gtk_widget_add_css_class (GTK_WIDGET (cell), "editing");
    }

  gtk_widget_grab_focus (cell->editor);
  if (typed != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (cell->editor), typed);
      gtk_editable_set_position (GTK_EDITABLE (cell->editor), -1);
    }
}

/* A click gives the focus to the row; the cursor goes to the clicked cell
 * once the row has taken it. */
static gboolean
focus_clicked_cb (gpointer user_data)
{
  FiscalLineCell *cell = user_data;

  if (gtk_widget_get_root (GTK_WIDGET (cell)) != NULL && cell->editor == NULL)
    gtk_widget_grab_focus (GTK_WIDGET (cell));

  return G_SOURCE_REMOVE;
}

static void
cell_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 FiscalLineCell  *cell)
{
  cell->data->view->cursor_column = cell->data->column;
  g_idle_add_full (G_PRIORITY_DEFAULT, focus_clicked_cb, g_object_ref (cell), g_object_unref);
}

/* The cursor leaving a marked cell takes the mark away; the cursor coming
 * to another cell takes away a mark left where it was not (a value
 * refused as the cursor left its cell). */
static void
cell_focus_leave_cb (GtkEventControllerFocus *focus,
                     FiscalLineCell          *cell)
{
  cell_unmark (cell);
}

static void
cell_focus_enter_cb (GtkEventControllerFocus *focus,
                     FiscalLineCell          *cell)
{
  FiscalLinesView *view = cell->data->view;

  if (view->refused != NULL && view->refused != GTK_WIDGET (cell))
    cell_unmark (FISCAL_LINE_CELL (view->refused));
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          ColumnData               *data)
{
  FiscalLineCell *cell = g_object_new (FISCAL_TYPE_LINE_CELL, NULL);
  GtkEventController *focus;
  GtkGesture *click;

  g_object_set_data (G_OBJECT (item), "fiscal-column", data);
  cell->item = item;
  cell->data = data;
  cell->width_chars = 4;

  if (g_str_equal (data->column, "amount"))
    {
      cell->xalign = 1.0;
      gtk_widget_add_css_class (GTK_WIDGET (cell), "numeric");
    }
  else if (g_str_equal (data->column, "function") || g_str_equal (data->column, "economic"))
    {
      cell->has_name = TRUE;
      cell->width_chars = g_str_equal (data->column, "function") ? 7 : 5;
    }
  else if (!g_str_equal (data->column, "note"))
    cell->has_choices = TRUE;

  /* Read as its value (a code with its name), in its column. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, data->title, -1);

  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (cell_pressed_cb), cell);
  gtk_widget_add_controller (GTK_WIDGET (cell), GTK_EVENT_CONTROLLER (click));

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "enter", G_CALLBACK (cell_focus_enter_cb), cell);
  g_signal_connect (focus, "leave", G_CALLBACK (cell_focus_leave_cb), cell);
  gtk_widget_add_controller (GTK_WIDGET (cell), focus);
  gtk_list_item_set_child (item, GTK_WIDGET (cell));
}

static void pending_bound (FiscalLinesView *self,
                           FiscalLine      *line,
                           const char      *column);

static void
line_notify_cb (FiscalLine     *line,
                GParamSpec     *pspec,
                FiscalLineCell *cell)
{
  refresh_cell (cell);
}

static char *
cell_key (FiscalLine *line,
          const char *column)
{
  return g_strdup_printf ("%p/%s", (gpointer) line, column);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         ColumnData               *data)
{
  FiscalLine *line = gtk_list_item_get_item (item);
  FiscalLineCell *cell = FISCAL_LINE_CELL (gtk_list_item_get_child (item));
  GtkWidget *widget = GTK_WIDGET (cell);

  g_hash_table_insert (data->view->cells, cell_key (line, data->column), cell);

  /* Only a cell left marked by a refused value is cleared: setting even an
   * empty tooltip asks the display where the pointer is, a round trip per
   * cell that made scrolling slow. */
  if (gtk_widget_has_css_class (widget, "error"))
    cell_unmark (cell);
  cell->notify_id = g_signal_connect (line, "notify", G_CALLBACK (line_notify_cb), cell);
  refresh_cell (cell);
  pending_bound (data->view, line, data->column);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           ColumnData               *data)
{
  FiscalLine *line = gtk_list_item_get_item (item);
  FiscalLineCell *cell = FISCAL_LINE_CELL (gtk_list_item_get_child (item));

  /* An edit of a line the cell no longer shows is dropped. */
  remove_editor (cell);

  if (line != NULL)
    {
      g_autofree char *key = cell_key (line, data->column);

      g_clear_signal_handler (&cell->notify_id, line);
      g_hash_table_remove (data->view->cells, key);
    }
}

/**
 * fiscal_lines_view_edit:
 * @column: (nullable): the column to edit, or %NULL for the function code
 *
 * Starts editing @line's cell in place, as Enter or a double click on a
 * row does.
 *
 * Returns: %TRUE if the cell is shown and now edited
 */
gboolean
fiscal_lines_view_edit (FiscalLinesView *self,
                        FiscalLine      *line,
                        const char      *column)
{
  g_autofree char *key = cell_key (line, column ? column : "function");
  FiscalLineCell *cell = g_hash_table_lookup (self->cells, key);

  if (cell == NULL)
    return FALSE;

  cell_start_editing (cell, NULL);
  return cell->editor != NULL;
}

static void
row_activated_cb (FiscalLinesView *self,
                  guint            position)
{
  FiscalLine *line = fiscal_lines_view_get_shown (self, position);

  if (line != NULL)
    fiscal_lines_view_edit (self, line, self->cursor_column);
}

/* Keyboard: one cell has the focus, as in a spreadsheet. The arrows, Home
 * and End, Page Up and Page Down move it (Ctrl+Home and Ctrl+End to the
 * first and last line; Shift with a vertical move extends the selection of
 * lines); the selected line follows it, so Delete, Ctrl+D and Ctrl+C act on
 * the line the cursor is on. Typing starts editing with what was typed,
 * Enter or F2 edits what is there. While editing, Enter commits and moves
 * down, Shift+Enter up, Tab and Shift+Tab commit and move across, Up and
 * Down commit and move, Escape cancels and leaves the focus on the cell.
 * The column view only knows rows, so the cell to focus in a row that is
 * not yet made is remembered and focused once the row is bound. */

static GtkListItem *
item_of_widget (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (FISCAL_IS_LINE_CELL (widget))
      return FISCAL_LINE_CELL (widget)->item;

  return NULL;
}

/* The cell of @column among @widget's descendants (a row's cells). */
static GtkListItem *
item_in_row (GtkWidget  *widget,
             const char *column)
{
  GtkListItem *item;

  if (FISCAL_IS_LINE_CELL (widget))
    {
      FiscalLineCell *cell = FISCAL_LINE_CELL (widget);
      return g_str_equal (cell->data->column, column) ? cell->item : NULL;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if ((item = item_in_row (child, column)) != NULL)
      return item;

  return NULL;
}

static const char *view_column (FiscalLinesView *self,
                                guint            index);

/* The cell (its list item) that has the focus, or whose editor has it; when a row has the focus (a click gives it to the row), its cell in
 * the column last moved to or clicked. %NULL if the focus is elsewhere. */
static GtkListItem *
focused_item (FiscalLinesView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->column_view)))
    return NULL;

  if (gtk_widget_get_parent (focus) == self->list_view)
    return item_in_row (focus, self->cursor_column ? self->cursor_column : view_column (self, 0));

  return item_of_widget (focus);
}

static FiscalLineCell *
item_cell (GtkListItem *item)
{
  return FISCAL_LINE_CELL (gtk_list_item_get_child (item));
}

/* The columns as shown, left to right. */
static guint
n_view_columns (FiscalLinesView *self)
{
  return g_list_model_get_n_items (gtk_column_view_get_columns (self->column_view));
}

static const char *
view_column (FiscalLinesView *self,
             guint            index)
{
  g_autoptr(GtkColumnViewColumn) col = g_list_model_get_item (gtk_column_view_get_columns (self->column_view), index);
  ColumnData *data;

  g_assert (col != NULL);
  data = g_object_get_data (G_OBJECT (gtk_column_view_column_get_factory (col)), "fiscal-column");
  return data->column;
}

static guint
view_column_index (FiscalLinesView *self,
                   const char      *column)
{
  for (guint i = 0; i < n_view_columns (self); i++)
    if (g_str_equal (view_column (self, i), column))
      return i;

  g_return_val_if_reached (0);
}

/* Where @line is shown, or -1. */
static int
shown_position (FiscalLinesView *self,
                FiscalLine      *line)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

  for (guint i = 0; i < n; i++)
    if (fiscal_lines_view_get_shown (self, i) == line)
      return i;

  return -1;
}

/* Focuses @line_cell, scrolling sideways the least that shows it (the
 * list only scrolls up and down to a focused row). */
static void
grab_cell (FiscalLinesView *self,
           FiscalLineCell  *line_cell)
{
  GtkAdjustment *hadj = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->column_view));
  GtkWidget *cell = gtk_widget_get_parent (GTK_WIDGET (line_cell));
  int width = gtk_widget_get_width (GTK_WIDGET (self->column_view));
  graphene_rect_t bounds;

  if (hadj != NULL && cell != NULL && width > 0 &&
      gtk_widget_compute_bounds (cell, GTK_WIDGET (self->column_view), &bounds))
    {
      double value = gtk_adjustment_get_value (hadj);

      if (bounds.origin.x < 0)
        gtk_adjustment_set_value (hadj, value + bounds.origin.x);
      else if (bounds.origin.x + bounds.size.width > width)
        gtk_adjustment_set_value (hadj, value + MIN (bounds.origin.x, bounds.origin.x + bounds.size.width - width));
    }

  gtk_widget_grab_focus (GTK_WIDGET (line_cell));
}

static gboolean
focus_pending_cb (gpointer user_data)
{
  FiscalLinesView *self = user_data;
  g_autofree char *key = NULL;
  FiscalLineCell *cell;

  self->pending_idle = 0;
  if (self->pending_line == NULL)
    return G_SOURCE_REMOVE;

  key = cell_key (self->pending_line, self->pending_column);
  cell = g_hash_table_lookup (self->cells, key);
  if (cell != NULL)
    {
      g_clear_object (&self->pending_line);
      grab_cell (self, cell);
    }

  return G_SOURCE_REMOVE;
}

/* Called as a cell is bound: the cell waited for gets the focus once the
 * list has finished laying out. */
static void
pending_bound (FiscalLinesView *self,
               FiscalLine      *line,
               const char      *column)
{
  if (self->pending_line == line && g_str_equal (self->pending_column, column) && self->pending_idle == 0)
    self->pending_idle = g_idle_add (focus_pending_cb, self);
}

/* Scrolls the least that shows the row at @position whole. The rows are
 * all one line high, so a row's place is its position times the height
 * (the list estimates the rows it has not made as high as those it has).
 * The list's own "list.scroll-to-item" does not move the view in GTK 4.8
 * when the row is far off. */
static void
scroll_to_position (FiscalLinesView *self,
                    guint            position)
{
  GtkAdjustment *vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  double value, page, row, top;

  if (vadj == NULL || n == 0)
    return;

  value = gtk_adjustment_get_value (vadj);
  page = gtk_adjustment_get_page_size (vadj);
  row = gtk_adjustment_get_upper (vadj) / n;
  top = position * row;

  if (top < value)
    gtk_adjustment_set_value (vadj, top);
  else if (top + row > value + page)
    gtk_adjustment_set_value (vadj, top + row - page);
}

/* Focuses the cell at @position, @column of the shown lines; a row out of
 * sight is scrolled to first, and its cell focused when it is bound. */
static void
focus_position (FiscalLinesView *self,
                guint            position,
                const char      *column)
{
  FiscalLine *line = fiscal_lines_view_get_shown (self, position);
  g_autofree char *key = NULL;
  FiscalLineCell *cell;

  g_assert (line != NULL);

  g_clear_object (&self->pending_line);
  g_clear_handle_id (&self->pending_idle, g_source_remove);
  self->cursor_column = column;

  scroll_to_position (self, position);

  key = cell_key (line, column);
  cell = g_hash_table_lookup (self->cells, key);
  if (cell != NULL)
    grab_cell (self, cell);
  else
    {
      self->pending_line = g_object_ref (line);
      self->pending_column = column;
    }
}

typedef enum {
  SELECT_KEEP,
  SELECT_ONE,
  SELECT_EXTEND,
} SelectHow;

static void
move_to (FiscalLinesView *self,
         int              position,
         int              column,
         SelectHow        how)
{
  GtkSelectionModel *model = GTK_SELECTION_MODEL (self->selection);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

  if (n == 0)
    return;

  position = CLAMP (position, 0, (int) n - 1);
  column = CLAMP (column, 0, (int) n_view_columns (self) - 1);

  switch (how)
    {
    case SELECT_ONE:
      gtk_selection_model_select_item (model, position, TRUE);
      self->anchor = position;
      break;

    case SELECT_EXTEND:
      if (self->anchor >= n || !gtk_selection_model_is_selected (model, self->anchor))
        self->anchor = position;
      gtk_selection_model_select_range (model, MIN (self->anchor, (guint) position),
                                        ABS ((int) self->anchor - position) + 1, TRUE);
      break;

    case SELECT_KEEP:
    default:
      break;
    }

  focus_position (self, position, view_column (self, column));
}

/* How many rows a page holds, from the height of @item's row. */
static int
rows_per_page (FiscalLinesView *self,
               GtkListItem     *item)
{
  GtkWidget *row = GTK_WIDGET (item_cell (item));
  GtkAdjustment *vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));

  while (row != NULL && gtk_widget_get_parent (row) != self->list_view)
    row = gtk_widget_get_parent (row);

  if (row == NULL || gtk_widget_get_height (row) <= 0 || vadj == NULL)
    return 10;

  return MAX (1, (int) (gtk_adjustment_get_page_size (vadj) / gtk_widget_get_height (row)) - 1);
}

static gboolean
cell_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     FiscalLinesView       *self)
{
  GtkListItem *item = focused_item (self);
  FiscalLineCell *cell;
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;
  gboolean ctrl = (state & GDK_CONTROL_MASK) != 0;
  gboolean other = (state & (GDK_ALT_MASK | GDK_SUPER_MASK | GDK_META_MASK)) != 0;
  int row, column, last_column;

  if (item == NULL || gtk_list_item_get_item (item) == NULL || other)
    return FALSE;

  cell = item_cell (item);
  row = gtk_list_item_get_position (item);
  column = view_column_index (self, cell->data->column);
  last_column = n_view_columns (self) - 1;

  if (cell->editor != NULL)
    {
      /* The input method takes the keys while it composes (Enter takes
       * the letters as typed, Escape drops them), and the completion while
       * it is open; but Enter and Tab take the value chosen in it and go
       * on as they do without it, one key. */
      if (cell->composing)
        return FALSE;
      if (cell->completion != NULL && gtk_widget_get_visible (cell->completion))
        {
          gboolean takes = !ctrl && (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter ||
                                     keyval == GDK_KEY_ISO_Enter || keyval == GDK_KEY_Tab ||
                                     keyval == GDK_KEY_ISO_Left_Tab);

          /* Escape closes the completion, a second one ends the edit. */
          if (keyval == GDK_KEY_Escape)
            {
              gtk_popover_popdown (GTK_POPOVER (cell->completion));
              return TRUE;
            }
          if (!takes)
            return FALSE;
          completion_take (cell);
        }

      switch (keyval)
        {
        case GDK_KEY_Return:
        case GDK_KEY_KP_Enter:
        case GDK_KEY_ISO_Enter:
        case GDK_KEY_Up:
        case GDK_KEY_Down:
          if (ctrl)
            return FALSE;
          {
            gboolean up = keyval == GDK_KEY_Up || (keyval != GDK_KEY_Down && shift);
            int target = row + (up ? -1 : 1);
            g_autoptr(FiscalLine) next = NULL;

            /* The line that is below (above) now, wherever the commit
             * puts the edited one. */
            if (target >= 0)
              next = g_list_model_get_item (G_LIST_MODEL (self->selection), target);
            if (cell_stop_editing (cell, TRUE) && next != NULL)
              {
                if (fiscal_lines_view_get_shown (self, target) != next)
                  target = shown_position (self, next);
                if (target >= 0)
                  move_to (self, target, column, SELECT_ONE);
              }
          }
          return TRUE;

        case GDK_KEY_Tab:
        case GDK_KEY_ISO_Left_Tab:
          if (ctrl)
            return FALSE;
          if (cell_stop_editing (cell, TRUE))
            {
              gboolean back = shift || keyval == GDK_KEY_ISO_Left_Tab;

              /* Past either end of a row, to the next (previous) row. */
              if (!back && column == last_column && row + 1 < (int) fiscal_lines_view_get_n_shown (self))
                move_to (self, row + 1, 0, SELECT_ONE);
              else if (back && column == 0 && row > 0)
                move_to (self, row - 1, last_column, SELECT_ONE);
              else
                move_to (self, row, column + (back ? -1 : 1), SELECT_KEEP);
            }
          return TRUE;

        case GDK_KEY_Escape:
          cell_stop_editing (cell, FALSE);
          gtk_widget_grab_focus (GTK_WIDGET (cell));
          return TRUE;

        default:
          return FALSE;
        }
    }

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      move_to (self, row, column - 1, SELECT_KEEP);
      return TRUE;

    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      move_to (self, row, column + 1, SELECT_KEEP);
      return TRUE;

    case GDK_KEY_Tab:
    case GDK_KEY_ISO_Left_Tab:
      /* Past the end of a row, to the start of the next one (and back),
       * scrolled into sight; past the first and the last cell, Tab leaves
       * the table. */
      if (ctrl)
        return FALSE;
      if (shift || keyval == GDK_KEY_ISO_Left_Tab)
        {
          if (column > 0)
            move_to (self, row, column - 1, SELECT_KEEP);
          else if (row > 0)
            move_to (self, row - 1, last_column, SELECT_ONE);
          else
            return FALSE;
        }
      else
        {
          if (column < last_column)
            move_to (self, row, column + 1, SELECT_KEEP);
          else if (row + 1 < (int) fiscal_lines_view_get_n_shown (self))
            move_to (self, row + 1, 0, SELECT_ONE);
          else
            return FALSE;
        }
      return TRUE;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_to (self, row - 1, column, shift ? SELECT_EXTEND : SELECT_ONE);
      return TRUE;

    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_to (self, row + 1, column, shift ? SELECT_EXTEND : SELECT_ONE);
      return TRUE;

    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      move_to (self, row - rows_per_page (self, item), column, shift ? SELECT_EXTEND : SELECT_ONE);
      return TRUE;

    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      move_to (self, row + rows_per_page (self, item), column, shift ? SELECT_EXTEND : SELECT_ONE);
      return TRUE;

    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      if (ctrl)
        move_to (self, 0, column, shift ? SELECT_EXTEND : SELECT_ONE);
      else
        move_to (self, row, 0, SELECT_KEEP);
      return TRUE;

    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      if (ctrl)
        move_to (self, G_MAXINT, column, shift ? SELECT_EXTEND : SELECT_ONE);
      else
        move_to (self, row, last_column, SELECT_KEEP);
      return TRUE;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_F2:
      if (ctrl)
        return FALSE;
      cell_start_editing (cell, NULL);
      return TRUE;

    default:
      {
        gunichar c = gdk_keyval_to_unicode (keyval);
        char typed[8] = { 0 };

        if (ctrl || c == 0 || !g_unichar_isprint (c))
          return FALSE;

        /* The key itself goes to the new text field, so that an input
         * method (pinyin) sees it from the first key; a key sent without
         * an event, or one the field does not take, is put in as typed. */
        if (gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller)) != NULL)
          {
            cell_start_editing (cell, "");
            if (cell->editor != NULL && gtk_event_controller_key_forward (controller, cell->editor))
              return TRUE;
          }
        g_unichar_to_utf8 (c, typed);
        cell_start_editing (cell, typed);
        return TRUE;
      }
    }
}

/**
 * fiscal_lines_view_get_cell_text:
 * @column: "unit", "function", "economic", "kind", "project", "source",
 *   "amount" or "note"
 *
 * What @line's cell in @column shows on screen now (a code without its
 * name), as a screen reader and a test see it.
 *
 * Returns: (nullable): the text, or %NULL if the cell is not made (its row
 *   is out of sight)
 */
const char *
fiscal_lines_view_get_cell_text (FiscalLinesView *self,
                                 FiscalLine      *line,
                                 const char      *column)
{
  g_autofree char *key = NULL;
  FiscalLineCell *cell;

  g_return_val_if_fail (FISCAL_IS_LINES_VIEW (self), NULL);
  g_return_val_if_fail (FISCAL_IS_LINE (line), NULL);

  key = cell_key (line, column);
  cell = g_hash_table_lookup (self->cells, key);
  return cell != NULL ? cell->text : NULL;
}

/**
 * fiscal_lines_view_focus_cell:
 * @column: (nullable): the column, or %NULL for the first one shown
 *
 * Moves the keyboard focus to @line's cell in @column, scrolling the line
 * into view; a line whose row is not made yet gets the focus as soon as the
 * list has made it.
 *
 * Returns: %TRUE if @line is shown
 */
gboolean
fiscal_lines_view_focus_cell (FiscalLinesView *self,
                              FiscalLine      *line,
                              const char      *column)
{
  int position;

  g_return_val_if_fail (FISCAL_IS_LINES_VIEW (self), FALSE);
  g_return_val_if_fail (FISCAL_IS_LINE (line), FALSE);

  position = shown_position (self, line);
  if (position < 0)
    return FALSE;

  focus_position (self, position, view_column (self, column ? view_column_index (self, column) : 0));
  return TRUE;
}

/**
 * fiscal_lines_view_get_focus_cell:
 * @line: (out) (optional) (transfer none): the line of the focused cell
 * @column: (out) (optional) (transfer none): its column
 * @editing: (out) (optional): whether the cell is being edited
 *
 * Returns: %TRUE if a cell of the lines has the keyboard focus
 */
gboolean
fiscal_lines_view_get_focus_cell (FiscalLinesView  *self,
                                  FiscalLine      **line,
                                  const char      **column,
                                  gboolean         *editing)
{
  GtkListItem *item;
  ColumnData *data;

  g_return_val_if_fail (FISCAL_IS_LINES_VIEW (self), FALSE);

  item = focused_item (self);
  if (item == NULL || gtk_list_item_get_item (item) == NULL)
    return FALSE;

  data = g_object_get_data (G_OBJECT (item), "fiscal-column");
  if (line != NULL)
    *line = gtk_list_item_get_item (item);
  if (column != NULL)
    *column = data->column;
  if (editing != NULL)
    *editing = item_cell (item)->editor != NULL;
  return TRUE;
}

/* Filter, sort */

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  FiscalLinesView *self = user_data;
  FiscalLine *line = item;
  const char *fields[4];
  FiscalProject *project;

  if (self->project_id != NULL && g_strcmp0 (fiscal_line_get_project (line), self->project_id) != 0)
    return FALSE;

  if (self->cell_table != NULL &&
      !fiscal_pivot_line_in_cell (self->cell_table, self->cell_row, self->cell_column, line))
    return FALSE;

  if (self->filter_text == NULL || *self->filter_text == 0)
    return TRUE;

  project = find_by_id (self, FALSE, fiscal_line_get_project (line));
  fields[0] = fiscal_line_get_function (line);
  fields[1] = fiscal_line_get_economic (line);
  fields[2] = fiscal_line_get_note (line);
  fields[3] = project ? fiscal_project_get_name (project) : NULL;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i] && strstr (fields[i], self->filter_text))
      return TRUE;

  for (guint i = 0; i < 2; i++)
    {
      FiscalCatalog *catalog = i == 0 ? self->functions : self->economics;
      const char *name = catalog && fields[i] ? fiscal_catalog_get_name (catalog, fields[i]) : NULL;

      if (name && strstr (name, self->filter_text))
        return TRUE;
    }

  return FALSE;
}

static int
compare_lines (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  ColumnData *data = user_data;
  FiscalLine *x = (FiscalLine *) a;
  FiscalLine *y = (FiscalLine *) b;

  if (g_str_equal (data->column, "amount"))
    {
      gint64 p = fiscal_line_get_amount (x), q = fiscal_line_get_amount (y);
      return p < q ? GTK_ORDERING_SMALLER : p > q ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
    }
  else
    {
      g_autofree char *p = cell_text (data->view, x, data->column);
      g_autofree char *q = cell_text (data->view, y, data->column);
      int c = g_strcmp0 (p, q);

      return c < 0 ? GTK_ORDERING_SMALLER : c > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
    }
}

/* Totals */

char *
fiscal_lines_view_get_totals_text (FiscalLinesView *self)
{
  g_autoptr(FiscalSummary) s = NULL;
  g_autofree char *all = NULL, *basic = NULL, *project = NULL, *general = NULL, *unit = NULL;
  char *(*format) (gint64);
  const char *unit_name;
  char *text;
  guint n_all, n_shown;

  g_return_val_if_fail (FISCAL_IS_LINES_VIEW (self), NULL);

  if (self->document == NULL)
    return g_strdup ("");

  s = fiscal_summary_new (self->document);
  format = self->wan ? fiscal_money_format_wan : fiscal_money_format_yuan_grouped;
  /* Translators: the unit of the totals under the lines editor */
  unit_name = self->wan ? _("(10,000 yuan)") : _("(yuan)");
  all = format (s->total);
  basic = format (s->by_kind[FISCAL_KIND_PERSONNEL] + s->by_kind[FISCAL_KIND_PUBLIC]);
  project = format (s->by_kind[FISCAL_KIND_PROJECT]);
  general = format (fiscal_summary_general (s));
  unit = format (fiscal_summary_unit_funds (s));

  /* Translators: the totals under the lines editor; the last %s is the
   * unit, as (10,000 yuan) */
  text = g_strdup_printf (_("Total %s · Basic %s · Project %s · General public budget %s · Unit funds %s %s"),
                          all, basic, project, general, unit, unit_name);

  /* A filtered view also says what the shown lines add up to, so a figure
   * traced from a table can be checked against them. */
  n_all = g_list_model_get_n_items (fiscal_document_get_lines (self->document));
  n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  if (n_shown != n_all)
    {
      g_autofree char *sum = NULL;
      gint64 fen = 0;
      char *both;

      for (guint i = 0; i < n_shown; i++)
        {
          g_autoptr(FiscalLine) line = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);
          fiscal_money_accumulate (&fen, fiscal_line_get_amount (line));
        }
      sum = format (fen);
      /* Translators: the second line of the totals when the lines are
       * filtered; the last %s is the unit, as (10,000 yuan) */
      both = g_strdup_printf (_("%s\n%u of %u lines shown, adding up to %s %s"), text, n_shown, n_all, sum, unit_name);
      g_free (text);
      text = both;
    }

  return text;
}

static void
update_totals (FiscalLinesView *self)
{
  g_autofree char *text = fiscal_lines_view_get_totals_text (self);
  gtk_label_set_label (self->totals, text);
}

static void update_subtotals (FiscalLinesView *self);
static void save_widths      (FiscalLinesView *self);

/* The unit and project cells shown, again: a unit or project may have
 * been renamed (the document says so by "changed"), and the rows are not
 * bound again for that. Only the cells bound are asked, a page or so. */
static void
refresh_names (FiscalLinesView *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      FiscalLineCell *cell = value;

      if (cell->has_choices && (g_str_equal (cell->data->column, "unit") ||
                                g_str_equal (cell->data->column, "project")))
        refresh_cell (cell);
    }
}

static void
document_changed_cb (FiscalLinesView *self)
{
  forget_ids (self);
  refresh_names (self);
  update_totals (self);
  update_subtotals (self);
}

static void
selection_changed_cb (FiscalLinesView *self)
{
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

/* Says in the search entry which figure the lines are filtered to. */
static void
set_cell_table (FiscalLinesView *self,
                FiscalTable     *table,
                guint            row,
                int              column)
{
  g_autofree char *hint = NULL;

  g_set_object (&self->cell_table, table);
  self->cell_row = row;
  self->cell_column = column;

  if (table != NULL)
    {
      g_autofree char *place = fiscal_pivot_describe_cell (table, row, column);

      /* Translators: %s names a figure of a table, as 表3 · 2010302 一般行政管理事务 · 项目支出 */
      hint = g_strdup_printf (_("Lines behind %s — type to search all, Escape shows all"), place);
    }

  g_object_set (self->search, "placeholder-text",
                hint ? hint : _("Filter by code, name, note or project"), NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->search), hint);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* Escape in the filter shows every line again: the text typed and the
 * figure the lines were narrowed to both go. */
static void
stop_search_cb (FiscalLinesView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search), "");
  if (self->cell_table != NULL)
    set_cell_table (self, NULL, 0, -1);
}

static void
search_changed_cb (FiscalLinesView *self,
                   GtkSearchEntry  *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  /* Typing replaces a filter set from a table. */
  if (*text && self->cell_table)
    set_cell_table (self, NULL, 0, -1);
  fiscal_lines_view_set_filter_text (self, text);
}

/* Editing the lines */

static FiscalDocument *
document_of (FiscalLinesView *self)
{
  g_return_val_if_fail (self->document != NULL, NULL);
  return self->document;
}

static guint
document_position (FiscalLinesView *self,
                   FiscalLine      *line)
{
  GListModel *lines = fiscal_document_get_lines (self->document);
  guint position;

  if (g_list_store_find (G_LIST_STORE (lines), line, &position))
    return position;
  return g_list_model_get_n_items (lines);
}

/**
 * fiscal_lines_view_get_selected:
 *
 * Returns: (transfer container) (element-type FiscalLine): the selected
 *   lines in document order
 */
GPtrArray *
fiscal_lines_view_get_selected (FiscalLinesView *self)
{
  g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_object_unref);
  GtkBitsetIter iter;
  guint position;

  if (gtk_bitset_iter_init_first (&iter, set, &position))
    do
      g_ptr_array_add (lines, g_list_model_get_item (G_LIST_MODEL (self->selection), position));
    while (gtk_bitset_iter_next (&iter, &position));

  return lines;
}

/* The column the cursor is in (or was last in), to keep when the cursor
 * goes to another line. */
static const char *
cursor_column (FiscalLinesView *self)
{
  GtkListItem *item = focused_item (self);

  if (item != NULL)
    return item_cell (item)->data->column;
  return self->cursor_column ? self->cursor_column : view_column (self, 0);
}

/* Ends an edit in progress, storing it, before the lines change under it. */
static void
finish_edit (FiscalLinesView *self)
{
  GtkListItem *item = focused_item (self);

  if (item != NULL && item_cell (item)->editor != NULL)
    cell_stop_editing (item_cell (item), TRUE);
}

/**
 * fiscal_lines_view_add_line:
 *
 * Adds a line below the cursor's line (or else the last selected one),
 * like it but for its amount and note (or a first line of the document),
 * selects it and moves the cursor to
 * it, in the column the cursor was in.
 *
 * Returns: (transfer none): the new line
 */
FiscalLine *
fiscal_lines_view_add_line (FiscalLinesView *self)
{
  FiscalDocument *doc = document_of (self);
  g_autoptr(GPtrArray) selected = fiscal_lines_view_get_selected (self);
  g_autofree char *id = fiscal_document_new_line_id (doc);
  g_autoptr(FiscalLine) line = NULL;
  guint position = g_list_model_get_n_items (fiscal_document_get_lines (doc));
  const char *column = cursor_column (self);
  int shown;

  finish_edit (self);

  /* Below the cursor's line, or the last selected. */
  if (focused_item (self) != NULL && gtk_list_item_get_item (focused_item (self)) != NULL)
    g_ptr_array_add (selected, g_object_ref (gtk_list_item_get_item (focused_item (self))));

  if (selected->len > 0)
    {
      FiscalLine *like = g_ptr_array_index (selected, selected->len - 1);

      line = fiscal_line_copy (like, id);
      fiscal_line_set_amount (line, 0);
      fiscal_line_set_note (line, NULL);
      position = document_position (self, like) + 1;
    }
  else
    {
      GListModel *units = fiscal_document_get_units (doc);
      g_autoptr(FiscalUnit) unit = g_list_model_get_item (units, 0);

      line = fiscal_line_new_full (id, unit ? fiscal_unit_get_id (unit) : "main",
                                   self->project_id ? "2010302" : "2010350", NULL,
                                   self->project_id ? FISCAL_KIND_PROJECT : FISCAL_KIND_PUBLIC,
                                   self->project_id, FISCAL_SOURCE_GENERAL, 0);
    }

  /* A line added among a project's lines belongs to that project. */
  if (self->project_id != NULL)
    {
      fiscal_line_set_kind (line, FISCAL_KIND_PROJECT);
      fiscal_line_set_project (line, self->project_id);
    }

  fiscal_document_begin_action (doc, _("Add Line"));
  fiscal_document_insert_lines (doc, position, (FiscalLine *[]) { line }, 1);
  fiscal_document_end_action (doc);

  shown = shown_position (self, line);
  if (shown >= 0)
    move_to (self, shown, view_column_index (self, column), SELECT_ONE);
  return line;
}

static void
remove_lines (FiscalLinesView *self,
              GPtrArray       *lines)
{
  FiscalDocument *doc = document_of (self);
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < lines->len; i++)
    {
      guint position = document_position (self, g_ptr_array_index (lines, i));
      g_array_append_val (positions, position);
    }

  /* From the end, so positions stay right; runs go in one splice. */
  for (guint i = 1; i < positions->len; i++)
    for (guint j = i; j > 0 && g_array_index (positions, guint, j - 1) > g_array_index (positions, guint, j); j--)
      {
        guint t = g_array_index (positions, guint, j);
        g_array_index (positions, guint, j) = g_array_index (positions, guint, j - 1);
        g_array_index (positions, guint, j - 1) = t;
      }

  fiscal_document_begin_action (doc, g_dngettext (GETTEXT_PACKAGE, "Delete Line", "Delete Lines", lines->len));
  for (guint i = positions->len; i > 0; )
    {
      guint end = g_array_index (positions, guint, i - 1);
      guint start = end;

      i--;
      while (i > 0 && g_array_index (positions, guint, i - 1) == start - 1)
        start = g_array_index (positions, guint, --i);
      fiscal_document_remove_lines (doc, start, end - start + 1);
    }
  fiscal_document_end_action (doc);
}

void
fiscal_lines_view_delete_selected (FiscalLinesView *self)
{
  g_autoptr(GPtrArray) selected = fiscal_lines_view_get_selected (self);

  if (selected->len > 0)
    remove_lines (self, selected);
}

void
fiscal_lines_view_duplicate_selected (FiscalLinesView *self)
{
  FiscalDocument *doc = document_of (self);
  g_autoptr(GPtrArray) selected = NULL;
  guint position;
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);
  const char *column = cursor_column (self);

  finish_edit (self);
  selected = fiscal_lines_view_get_selected (self);
  if (selected->len == 0)
    return;

  position = document_position (self, g_ptr_array_index (selected, selected->len - 1)) + 1;
  for (guint i = 0; i < selected->len; i++)
    {
      g_autofree char *id = fiscal_document_new_line_id (doc);
      g_ptr_array_add (copies, fiscal_line_copy (g_ptr_array_index (selected, i), id));
    }

  fiscal_document_begin_action (doc, _("Duplicate Lines"));
  fiscal_document_insert_lines (doc, position, (FiscalLine **) copies->pdata, copies->len);
  fiscal_document_end_action (doc);

  /* The copies are selected, the cursor on the first of them. */
  {
    g_autoptr(GHashTable) wanted = g_hash_table_new (NULL, NULL);
    GtkSelectionModel *model = GTK_SELECTION_MODEL (self->selection);
    guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
    int first = -1;

    for (guint i = 0; i < copies->len; i++)
      g_hash_table_add (wanted, g_ptr_array_index (copies, i));

    gtk_selection_model_unselect_all (model);
    for (guint i = 0; i < n && g_hash_table_size (wanted) > 0; i++)
      {
        FiscalLine *line = fiscal_lines_view_get_shown (self, i);

        if (g_hash_table_remove (wanted, line))
          {
            gtk_selection_model_select_item (model, i, FALSE);
            if (first < 0 || line == g_ptr_array_index (copies, 0))
              first = i;
          }
      }

    if (first >= 0)
      {
        self->anchor = first;
        move_to (self, first, view_column_index (self, column), SELECT_KEEP);
      }
  }
}

/**
 * fiscal_lines_view_copy_tsv:
 *
 * Returns: (transfer full): the selected lines as tab-separated text for a
 *   spreadsheet, with a header row, amounts in the view's unit
 */
char *
fiscal_lines_view_copy_tsv (FiscalLinesView *self)
{
  g_autoptr(GPtrArray) selected = fiscal_lines_view_get_selected (self);
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n",
                          _("Unit"), _("Function code"), _("Economic code"), _("Kind"),
                          _("Project"), _("Funding source"),
                          self->wan ? _("Amount (10,000 yuan)") : _("Amount (yuan)"), _("Note"));

  for (guint i = 0; i < selected->len; i++)
    for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
      {
        g_autofree char *text = cell_text (self, g_ptr_array_index (selected, i), columns[c]);

        /* Amounts without separators, so a spreadsheet reads numbers. */
        if (g_str_equal (columns[c], "amount") && !self->wan)
          {
            g_free (text);
            text = fiscal_money_format_yuan (fiscal_line_get_amount (g_ptr_array_index (selected, i)));
          }
        if (text)
          g_strdelimit (text, "\t\n", ' ');
        g_string_append_printf (out, "%s%c", text ? text : "", c + 1 < G_N_ELEMENTS (columns) ? '\t' : '\n');
      }

  return g_string_free (out, FALSE);
}

/* Subtotals of the shown lines, by function 类 or 款, by kind or by
 * source. */

static char *
group_of (FiscalLinesView *self,
          FiscalLine      *line,
          guint            grouping)
{
  const char *function = fiscal_line_get_function (line) ? fiscal_line_get_function (line) : "";

  switch (grouping)
    {
    case 0:
    case 1:
      {
        g_autofree char *code = g_strndup (function, grouping == 0 ? 3 : 5);
        const char *name = self->functions ? fiscal_catalog_get_name (self->functions, code) : NULL;
        return g_strdup_printf ("%s %s", code, name ? name : "");
      }
    case 2:
      return g_strdup (fiscal_kind_label (fiscal_line_get_kind (line)));
    case 3:
    default:
      return g_strdup (fiscal_source_label (fiscal_line_get_source (line)));
    }
}

static int
compare_group_names (gconstpointer a,
                     gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char *subtotals_text (FiscalLinesView *self,
                             guint            grouping,
                             char          *(*format) (gint64 fen));

static void
update_subtotals (FiscalLinesView *self)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) rows = NULL;
  GtkWidget *child;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self->subtotals)))
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->subtotals))))
    gtk_list_box_remove (self->subtotals, child);

  /* In the unit the lines are shown in, said under the list. */
  text = subtotals_text (self, gtk_drop_down_get_selected (self->group_by),
                         self->wan ? fiscal_money_format_wan : fiscal_money_format_yuan_grouped);
  gtk_label_set_label (self->subtotals_unit, self->wan ? _("(10,000 yuan)") : _("(yuan)"));
  rows = g_strsplit (text, "\n", -1);
  for (guint i = 0; rows[i] && *rows[i]; i++)
    {
      g_auto(GStrv) parts = g_strsplit (rows[i], "\t", 2);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_markup_escape_text (parts[0], -1);
      GtkWidget *label = gtk_label_new (parts[1]);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      gtk_list_box_append (self->subtotals, row);
    }
}

/**
 * fiscal_lines_view_get_subtotals:
 * @grouping: 0 by function 类, 1 by 款, 2 by kind, 3 by source
 *
 * Returns: (transfer full): the subtotals of the shown lines, one
 *   "group<TAB>万元" line each, sorted by group
 */
char *
fiscal_lines_view_get_subtotals (FiscalLinesView *self,
                                 guint            grouping)
{
  return subtotals_text (self, grouping, fiscal_money_format_wan);
}

/* The subtotals of the shown lines, one "group<TAB>amount" line each,
 * sorted by group, the amounts written by @format. */
static char *
subtotals_text (FiscalLinesView *self,
                guint            grouping,
                char          *(*format) (gint64 fen))
{
  g_autoptr(GHashTable) sums = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GString *out = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < fiscal_lines_view_get_n_shown (self); i++)
    {
      FiscalLine *line = fiscal_lines_view_get_shown (self, i);
      char *group = group_of (self, line, grouping);
      gint64 *sum = g_hash_table_lookup (sums, group);

      if (sum == NULL)
        g_hash_table_insert (sums, group, (sum = g_new0 (gint64, 1)));
      else
        g_free (group);
      fiscal_money_accumulate (sum, fiscal_line_get_amount (line));
    }

  g_hash_table_iter_init (&iter, sums);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (names, key);
  g_ptr_array_sort (names, compare_group_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *amount = format (*(gint64 *) g_hash_table_lookup (sums, names->pdata[i]));
      g_string_append_printf (out, "%s\t%s\n", (char *) names->pdata[i], amount);
    }

  return g_string_free (out, FALSE);
}

/* Paste */

/**
 * fiscal_lines_view_parse_paste:
 *
 * Returns: (transfer full): what pasting @text would add and refuse
 */
FiscalPasteResult *
fiscal_lines_view_parse_paste (FiscalLinesView *self,
                               const char      *text)
{
  g_return_val_if_fail (FISCAL_IS_LINES_VIEW (self), NULL);
  return fiscal_paste_parse (document_of (self), text, self->wan, self->project_id);
}

/**
 * fiscal_lines_view_insert_pasted:
 *
 * Adds the pasted lines below the selection (or at the end) as one step.
 */
void
fiscal_lines_view_insert_pasted (FiscalLinesView   *self,
                                 FiscalPasteResult *result)
{
  FiscalDocument *doc = document_of (self);
  g_autoptr(GPtrArray) selected = fiscal_lines_view_get_selected (self);
  guint position = g_list_model_get_n_items (fiscal_document_get_lines (doc));

  if (result->lines->len == 0)
    return;

  if (selected->len > 0)
    position = document_position (self, g_ptr_array_index (selected, selected->len - 1)) + 1;

  fiscal_document_begin_action (doc, _("Paste"));
  fiscal_document_insert_lines (doc, position, (FiscalLine **) result->lines->pdata, result->lines->len);
  fiscal_document_end_action (doc);
}

static void
paste_add_cb (GtkButton *button,
              GtkWindow *dialog)
{
  FiscalLinesView *self = g_object_get_data (G_OBJECT (dialog), "fiscal-lines-view");
  FiscalPasteResult *result = g_object_get_data (G_OBJECT (dialog), "fiscal-paste");

  if (self != NULL && self->document != NULL)
    fiscal_lines_view_insert_pasted (self, result);
  gtk_window_close (dialog);
}

static GtkWidget *
dim_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* A row of the preview's lists, holding @child with room around it, read
 * out as @name. */
static GtkWidget *
paste_row (GtkWidget  *child,
           int         margin,
           const char *name)
{
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_widget_set_margin_start (child, 12);
  gtk_widget_set_margin_end (child, 12);
  gtk_widget_set_margin_top (child, margin);
  gtk_widget_set_margin_bottom (child, margin);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), child);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

  return row;
}

/* A line to be added: its codes and their names, then what else it is,
 * and its amount at the end. */
static GtkWidget *
paste_line_row (FiscalLinesView *self,
                FiscalLine      *line)
{
  GtkWidget *row;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  const char *economic = fiscal_line_get_economic (line);
  FiscalProject *project = find_by_id (self, FALSE, fiscal_line_get_project (line));
  FiscalUnit *unit = find_by_id (self, TRUE, fiscal_line_get_unit (line));
  g_autofree char *codes = NULL;
  g_autofree char *details = NULL;
  g_autofree char *amount = amount_text (self, fiscal_line_get_amount (line));
  g_autofree char *accessible = NULL;
  GtkWidget *title;
  GtkWidget *figure;
  GString *more = g_string_new (fiscal_kind_label (fiscal_line_get_kind (line)));

  if (economic != NULL)
    codes = g_strdup_printf ("%s %s · %s %s", fiscal_line_get_function (line), code_name (self, line, "function"),
                             economic, code_name (self, line, "economic"));
  else
    codes = g_strdup_printf ("%s %s", fiscal_line_get_function (line), code_name (self, line, "function"));

  if (fiscal_line_get_project (line) != NULL)
    g_string_append_printf (more, " · %s", project ? fiscal_project_get_name (project) : fiscal_line_get_project (line));
  g_string_append_printf (more, " · %s", fiscal_source_label (fiscal_line_get_source (line)));
  g_string_append_printf (more, " · %s", unit ? fiscal_unit_get_name (unit) : fiscal_line_get_unit (line));
  if (fiscal_line_get_note (line) != NULL && *fiscal_line_get_note (line))
    g_string_append_printf (more, " · %s", fiscal_line_get_note (line));
  details = g_string_free (more, FALSE);

  title = gtk_label_new (codes);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), dim_label (details));
  gtk_widget_set_hexpand (text, TRUE);

  figure = gtk_label_new (amount);
  gtk_label_set_xalign (GTK_LABEL (figure), 1);
  gtk_widget_set_valign (figure, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (figure, "numeric");

  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), figure);

  accessible = g_strdup_printf ("%s, %s, %s", codes, details, amount);
  row = paste_row (box, 6, accessible);
  g_object_set_data_full (G_OBJECT (row), "fiscal-amount", g_strdup (amount), g_free);
  return row;
}

static GtkWidget *
paste_refused_row (const char *reason)
{
  GtkWidget *label = gtk_label_new (reason);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  return paste_row (label, 8, reason);
}

/* A heading over a list, and the list in a box that scrolls, with its
 * scroll bar always shown: a long list does not look like a short one. */
static GtkWidget *
paste_section (GtkWidget  *content,
               const char *heading,
               const char *name,
               int         min_height,
               GtkWidget **list_out)
{
  GtkWidget *label = gtk_label_new (heading);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (content), label);

  gtk_widget_set_name (list, name);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_margin_end (list, 6);   /* clear of the scroll bar */
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_overlay_scrolling (GTK_SCROLLED_WINDOW (scroller), FALSE);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), min_height);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (content), scroller);

  *list_out = list;
  return scroller;
}

/**
 * fiscal_lines_view_paste_text:
 *
 * Shows what pasting @text would add — each line, with its codes and
 * names, kind, project, source and amount in the view's unit — and which
 * rows it refuses and why, in a dialog; adds the lines when the user
 * agrees. The list of lines is named "paste-lines", that of the rows
 * refused "paste-refused".
 *
 * Returns: (transfer none): the preview dialog
 */
GtkWidget *
fiscal_lines_view_paste_text (FiscalLinesView *self,
                              const char      *text)
{
  FiscalPasteResult *result = fiscal_lines_view_parse_paste (self, text);
  g_autofree char *sum = NULL;
  g_autofree char *lines_heading = NULL;
  GtkWidget *dialog, *view, *header, *content, *cancel, *add, *list;
  GtkEventController *shortcuts;
  gint64 total = 0;

  for (guint i = 0; i < result->lines->len; i++)
    fiscal_money_accumulate (&total, fiscal_line_get_amount (g_ptr_array_index (result->lines, i)));
  sum = amount_text (self, total);

  dialog = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (dialog), _("Paste Budget Lines"));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 760, result->rejected->len > 0 ? 620 : 520);
  g_object_set_data_full (G_OBJECT (dialog), "fiscal-paste", result, (GDestroyNotify) fiscal_paste_result_free);
  g_object_set_data_full (G_OBJECT (dialog), "fiscal-lines-view", g_object_ref (self), g_object_unref);

  view = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  add = gtk_button_new_with_mnemonic (_("_Add Lines"));
  gtk_widget_add_css_class (add, "suggested-action");
  gtk_widget_set_sensitive (add, result->lines->len > 0);
  g_signal_connect (add, "clicked", G_CALLBACK (paste_add_cb), dialog);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), add);
  gtk_box_append (GTK_BOX (view), header);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 12);
  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_vexpand (content, TRUE);
  gtk_box_append (GTK_BOX (view), content);

  lines_heading = g_strdup_printf (self->wan
                                   ? g_dngettext (GETTEXT_PACKAGE, "%u line will be added, %s in all (10,000 yuan):",
                                                  "%u lines will be added, %s in all (10,000 yuan):", result->lines->len)
                                   : g_dngettext (GETTEXT_PACKAGE, "%u line will be added, %s in all (yuan):",
                                                  "%u lines will be added, %s in all (yuan):", result->lines->len),
                                   result->lines->len, sum);
  paste_section (content, lines_heading, "paste-lines", 160, &list);
  for (guint i = 0; i < result->lines->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), paste_line_row (self, g_ptr_array_index (result->lines, i)));
  if (result->lines->len == 0)
    {
      GtkWidget *none = paste_refused_row (_("No line can be added from what was pasted."));
      gtk_list_box_append (GTK_LIST_BOX (list), none);
      g_object_set_data (G_OBJECT (none), "fiscal-placeholder", GINT_TO_POINTER (TRUE));
    }

  if (result->rejected->len > 0)
    {
      g_autofree char *refused_heading =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row is refused:", "%u rows are refused:",
                                      result->n_rejected), result->n_rejected);

      paste_section (content, refused_heading, "paste-refused", 120, &list);
      for (guint i = 0; i < result->rejected->len; i++)
        gtk_list_box_append (GTK_LIST_BOX (list), paste_refused_row (g_ptr_array_index (result->rejected, i)));
    }

  adw_window_set_content (ADW_WINDOW (dialog), view);
  gtk_window_set_default_widget (GTK_WINDOW (dialog), add);
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (dialog, shortcuts);
  gtk_window_present (GTK_WINDOW (dialog));
  if (result->lines->len > 0)
    gtk_widget_grab_focus (add);
  else
    gtk_widget_grab_focus (cancel);

  return dialog;
}

static void
clipboard_text_cb (GObject      *source,
                   GAsyncResult *res,
                   gpointer      user_data)
{
  g_autoptr(FiscalLinesView) self = user_data;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), res, NULL);

  if (text != NULL && self->document != NULL)
    fiscal_lines_view_paste_text (self, text);
  else
    gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
action_paste (GtkWidget *widget, const char *name, GVariant *param)
{
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, clipboard_text_cb, g_object_ref (widget));
}

/* Public */

guint
fiscal_lines_view_get_n_shown (FiscalLinesView *self)
{
  g_return_val_if_fail (FISCAL_IS_LINES_VIEW (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->selection));
}

/**
 * fiscal_lines_view_get_shown:
 *
 * Returns: (transfer none): the line shown at @position
 */
FiscalLine *
fiscal_lines_view_get_shown (FiscalLinesView *self,
                             guint            position)
{
  FiscalLine *line;

  g_return_val_if_fail (FISCAL_IS_LINES_VIEW (self), NULL);

  line = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  if (line != NULL)
    g_object_unref (line);
  return line;
}

void
fiscal_lines_view_select (FiscalLinesView *self,
                          FiscalLine      *line)
{
  guint n;

  g_return_if_fail (FISCAL_IS_LINES_VIEW (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  for (guint i = 0; i < n; i++)
    if (fiscal_lines_view_get_shown (self, i) == line)
      {
        gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), i, TRUE);
        gtk_widget_activate_action (GTK_WIDGET (self->column_view), "list.scroll-to-item", "u", i);
        return;
      }
}

void
fiscal_lines_view_set_filter_text (FiscalLinesView *self,
                                   const char      *text)
{
  g_return_if_fail (FISCAL_IS_LINES_VIEW (self));

  g_free (self->filter_text);
  self->filter_text = g_strdup (text);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/**
 * fiscal_lines_view_set_cell_filter:
 * @table: (nullable): a table of the document, or %NULL to show all lines
 * @row: a row of @table
 * @column: a column of @table, or -1 for the whole row
 *
 * Shows only the lines behind one figure (or one row) of @table: exactly
 * the lines the table sums there.
 */
void
fiscal_lines_view_set_cell_filter (FiscalLinesView *self,
                                   FiscalTable     *table,
                                   guint            row,
                                   int              column)
{
  g_return_if_fail (FISCAL_IS_LINES_VIEW (self));
  g_return_if_fail (table == NULL || row < fiscal_table_get_n_rows (table));

  gtk_editable_set_text (GTK_EDITABLE (self->search), "");
  set_cell_table (self, table, row, column);
}

void
fiscal_lines_view_set_project (FiscalLinesView *self,
                               const char      *project_id)
{
  g_return_if_fail (FISCAL_IS_LINES_VIEW (self));

  g_free (self->project_id);
  self->project_id = g_strdup (project_id);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

void
fiscal_lines_view_set_wan (FiscalLinesView *self,
                           gboolean         wan)
{
  GHashTableIter iter;
  gpointer value;
  gboolean was;

  g_return_if_fail (FISCAL_IS_LINES_VIEW (self));

  was = self->wan;
  self->wan = !!wan;
  if (was == self->wan)
    return;

  /* The amounts shown now, in the new unit; an amount being typed is
   * read in the old unit and shown in the new one, or, if it is no
   * amount yet, the edit is dropped. */
  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      FiscalLineCell *cell = value;

      if (!g_str_equal (cell->data->column, "amount"))
        continue;

      if (cell->editor != NULL)
        {
          const char *typed = gtk_editable_get_text (GTK_EDITABLE (cell->editor));
          g_autofree char *stripped = g_strstrip (g_strdup (typed));
          gint64 fen;

          if (*stripped != 0 && (was ? fiscal_money_parse_wan : fiscal_money_parse) (stripped, &fen, NULL))
            {
              g_autofree char *text = amount_text (self, fen);
              gtk_editable_set_text (GTK_EDITABLE (cell->editor), text);
              gtk_editable_set_position (GTK_EDITABLE (cell->editor), -1);
            }
          else
            cell_stop_editing (cell, FALSE);
        }
      refresh_cell (cell);
    }

  update_totals (self);
  update_subtotals (self);
}

void
fiscal_lines_view_set_document (FiscalLinesView *self,
                                FiscalDocument  *document)
{
  g_return_if_fail (FISCAL_IS_LINES_VIEW (self));

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->document, document_changed_cb, self);
      g_signal_handlers_disconnect_by_func (fiscal_document_get_units (self->document), forget_ids, self);
      g_signal_handlers_disconnect_by_func (fiscal_document_get_projects (self->document), forget_ids, self);
    }

  forget_ids (self);
  g_set_object (&self->document, document);
  g_clear_object (&self->functions);
  g_clear_object (&self->economics);

  if (document != NULL)
    {
      int year = fiscal_document_get_year (document);

      self->functions = fiscal_catalog_get_for_year (FISCAL_CATALOG_FUNCTION, year, NULL);
      self->economics = fiscal_catalog_get_for_year (FISCAL_CATALOG_ECONOMIC, year, NULL);
      g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (fiscal_document_get_units (document), "items-changed",
                               G_CALLBACK (forget_ids), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (fiscal_document_get_projects (document), "items-changed",
                               G_CALLBACK (forget_ids), self, G_CONNECT_SWAPPED);
    }

  /* The totals once, not once more for the model's items-changed. */
  g_signal_handlers_block_by_func (self->filtered, update_totals, self);
  gtk_filter_list_model_set_model (self->filtered, document ? fiscal_document_get_lines (document) : NULL);
  g_signal_handlers_unblock_by_func (self->filtered, update_totals, self);
  update_totals (self);
}

static void
fiscal_lines_view_dispose (GObject *object)
{
  FiscalLinesView *self = (FiscalLinesView *)object;

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->document, document_changed_cb, self);
      g_signal_handlers_disconnect_by_func (fiscal_document_get_units (self->document), forget_ids, self);
      g_signal_handlers_disconnect_by_func (fiscal_document_get_projects (self->document), forget_ids, self);
    }
  forget_ids (self);
  if (self->save_widths_id != 0)
    save_widths (self);
  g_clear_object (&self->settings);
  if (self->filtered != NULL)
    g_signal_handlers_disconnect_by_func (self->filtered, update_totals, self);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->document);
  g_clear_object (&self->functions);
  g_clear_object (&self->economics);
  g_clear_pointer (&self->project_id, g_free);
  g_clear_pointer (&self->filter_text, g_free);
  g_clear_object (&self->cell_table);
  g_clear_pointer (&self->cells, g_hash_table_unref);
  g_clear_object (&self->pending_line);
  g_clear_handle_id (&self->pending_idle, g_source_remove);
  self->refused = NULL;

  G_OBJECT_CLASS (fiscal_lines_view_parent_class)->dispose (object);
}

static void
action_add (GtkWidget *widget, const char *name, GVariant *param)
{
  fiscal_lines_view_add_line (FISCAL_LINES_VIEW (widget));
}

static void
action_delete (GtkWidget *widget, const char *name, GVariant *param)
{
  fiscal_lines_view_delete_selected (FISCAL_LINES_VIEW (widget));
}

static void
action_duplicate (GtkWidget *widget, const char *name, GVariant *param)
{
  fiscal_lines_view_duplicate_selected (FISCAL_LINES_VIEW (widget));
}

static void
action_copy (GtkWidget *widget, const char *name, GVariant *param)
{
  g_autofree char *text = fiscal_lines_view_copy_tsv (FISCAL_LINES_VIEW (widget));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
}

static void
action_find (GtkWidget *widget, const char *name, GVariant *param)
{
  gtk_widget_grab_focus (GTK_WIDGET (FISCAL_LINES_VIEW (widget)->search));
}

static void
fiscal_lines_view_class_init (FiscalLinesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fiscal_lines_view_dispose;

  /**
   * FiscalLinesView::selection-changed:
   *
   * The selected lines changed.
   */
  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "linesview");

  gtk_widget_class_install_action (widget_class, "lines.add", NULL, action_add);
  gtk_widget_class_install_action (widget_class, "lines.delete", NULL, action_delete);
  gtk_widget_class_install_action (widget_class, "lines.duplicate", NULL, action_duplicate);
  gtk_widget_class_install_action (widget_class, "lines.copy", NULL, action_copy);
  gtk_widget_class_install_action (widget_class, "lines.find", NULL, action_find);
  gtk_widget_class_install_action (widget_class, "lines.paste", NULL, action_paste);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "lines.paste", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "lines.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "lines.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "lines.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "lines.duplicate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "lines.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "lines.find", NULL);
}

/* Columns' widths: those a user gave by dragging are kept in the
 * settings, as column → width, and given again to the next view. */

#define MIN_KEPT_WIDTH 24
#define MAX_KEPT_WIDTH 4000

static ColumnData *
column_data (GtkColumnViewColumn *col)
{
  return g_object_get_data (G_OBJECT (gtk_column_view_column_get_factory (col)), "fiscal-column");
}

static void
save_widths (FiscalLinesView *self)
{
  GListModel *cols = gtk_column_view_get_columns (self->column_view);
  GVariantBuilder builder;

  g_clear_handle_id (&self->save_widths_id, g_source_remove);
  if (self->settings == NULL)
    return;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{si}"));
  for (guint i = 0; i < g_list_model_get_n_items (cols); i++)
    {
      g_autoptr(GtkColumnViewColumn) col = g_list_model_get_item (cols, i);
      ColumnData *data = column_data (col);
      int width = gtk_column_view_column_get_fixed_width (col);

      if (width > 0 && width != data->width)
        g_variant_builder_add (&builder, "{si}", data->column, width);
    }
  g_settings_set_value (self->settings, "lines-column-widths", g_variant_builder_end (&builder));
}

static gboolean
save_widths_cb (gpointer user_data)
{
  FiscalLinesView *self = user_data;

  self->save_widths_id = 0;
  save_widths (self);
  return G_SOURCE_REMOVE;
}

/* A drag changes the width many times a second: kept once it rests. */
static void
column_resized_cb (FiscalLinesView *self)
{
  if (self->settings != NULL && self->box != NULL && self->save_widths_id == 0)
    self->save_widths_id = g_timeout_add (500, save_widths_cb, self);
}

static void
restore_widths (FiscalLinesView *self)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GVariant) widths = NULL;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  GListModel *cols = gtk_column_view_get_columns (self->column_view);

  /* Without the installed schema (a test, a benchmark) nothing is kept. */
  schema = source ? g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE) : NULL;
  if (schema == NULL || !g_settings_schema_has_key (schema, "lines-column-widths"))
    return;

  self->settings = g_settings_new (APPLICATION_ID);
  widths = g_settings_get_value (self->settings, "lines-column-widths");

  for (guint i = 0; i < g_list_model_get_n_items (cols); i++)
    {
      g_autoptr(GtkColumnViewColumn) col = g_list_model_get_item (cols, i);
      int width;

      if (g_variant_lookup (widths, column_data (col)->column, "i", &width) &&
          width >= MIN_KEPT_WIDTH && width <= MAX_KEPT_WIDTH)
        {
          g_signal_handlers_block_by_func (col, column_resized_cb, self);
          gtk_column_view_column_set_fixed_width (col, width);
          g_signal_handlers_unblock_by_func (col, column_resized_cb, self);
        }
    }
}

static void
add_column (FiscalLinesView *self,
            const char      *column,
            const char      *title,
            int              width,
            gboolean         expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  ColumnData *data = g_new0 (ColumnData, 1);
  GtkColumnViewColumn *col;
  GtkSorter *sorter;

  data->view = self;
  data->column = column;
  data->title = g_intern_string (title);
  data->width = width;
  g_object_set_data_full (G_OBJECT (factory), "fiscal-column", data, column_data_free);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), data);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), data);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), data);

  col = gtk_column_view_column_new (title, factory);
  /* Fixed widths keep long unit names from pushing the amounts out of
   * sight; the note, readable even in a narrow window, takes what is
   * left in a wide one. Each can be made wider or
   * narrower by dragging its header's edge; a table wider than the
   * window then scrolls sideways. */
  gtk_column_view_column_set_fixed_width (col, width);
  gtk_column_view_column_set_expand (col, expand);
  gtk_column_view_column_set_resizable (col, TRUE);
  g_signal_connect_swapped (col, "notify::fixed-width", G_CALLBACK (column_resized_cb), self);
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_lines, data, NULL));
  gtk_column_view_column_set_sorter (col, sorter);
  g_object_unref (sorter);
  gtk_column_view_append_column (self->column_view, col);
  g_object_unref (col);
}

/* A button showing an icon alone: its name, for a screen reader, is
 * @label, its tooltip @tooltip (the name and the shortcut). */
static GtkWidget *
icon_button (const char *icon,
             const char *label,
             const char *tooltip,
             const char *shortcuts,
             const char *action)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_KEY_SHORTCUTS, shortcuts,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);

  return button;
}

/* The rules between rows and between columns are borders of one side.
 * The theme gives the other sides, which have no width, another color,
 * and a border of mixed colors is drawn, by the software renderer, as a
 * gradient mesh: the most costly part of a frame that shows a new page
 * of rows. With one color on all sides the same rules are drawn as plain
 * rectangles. */
static const char lines_css[] =
  "linesview columnview.column-separators > listview > row > cell,\n"
  "linesview columnview.column-separators > header > button {\n"
  "  border-color: alpha(currentColor, 0.15);\n"
  "}\n"
  "linesview columnview > listview.separators > row:not(.separator) {\n"
  "  border-color: alpha(currentColor, 0.15);\n"
  "}\n";

static void
ensure_css (GdkDisplay *display)
{
  g_autoptr(GtkCssProvider) provider = NULL;

  if (display == NULL || g_object_get_data (G_OBJECT (display), "fiscal-lines-css") != NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, lines_css, -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "fiscal-lines-css", g_steal_pointer (&provider), g_object_unref);
}

static void
fiscal_lines_view_init (FiscalLinesView *self)
{
  GtkWidget *scroller;
  GtkWidget *bar;
  GtkEventController *keys;

  ensure_css (gdk_display_get_default ());
  self->wan = TRUE;
  self->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_set_margin_bottom (bar, 6);
  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search, "placeholder-text", _("Filter by code, name, note or project"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Filter the lines"), -1);
  gtk_widget_set_hexpand (GTK_WIDGET (self->search), TRUE);
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->search, "stop-search", G_CALLBACK (stop_search_cb), self);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->search));

  {
    static const char * const groupings[] = {
      N_("By function 类"), N_("By function 款"), N_("By kind"), N_("By funding source"), NULL
    };
    const char *translated[G_N_ELEMENTS (groupings)];
    GtkWidget *menu_button = gtk_menu_button_new ();
    GtkWidget *popover = gtk_popover_new ();
    GtkWidget *pbox = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
    GtkWidget *scroller = gtk_scrolled_window_new ();

    for (guint i = 0; i < G_N_ELEMENTS (groupings); i++)
      translated[i] = groupings[i] ? _(groupings[i]) : NULL;

    gtk_menu_button_set_label (GTK_MENU_BUTTON (menu_button), "Σ");
    gtk_widget_set_name (menu_button, "subtotals-button");
    gtk_widget_set_tooltip_text (menu_button, _("Subtotals of the Lines Shown"));
    gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Subtotals of the Lines Shown"), -1);
    self->group_by = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (translated));
    g_signal_connect_swapped (self->group_by, "notify::selected", G_CALLBACK (update_subtotals), self);
    self->subtotals = GTK_LIST_BOX (gtk_list_box_new ());
    gtk_list_box_set_selection_mode (self->subtotals, GTK_SELECTION_NONE);
    gtk_widget_add_css_class (GTK_WIDGET (self->subtotals), "boxed-list");
    g_signal_connect_swapped (self->subtotals, "map", G_CALLBACK (update_subtotals), self);
    gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
    gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
    gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 420);
    gtk_widget_set_size_request (scroller, 360, -1);
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->subtotals));
    gtk_box_append (GTK_BOX (pbox), GTK_WIDGET (self->group_by));
    gtk_box_append (GTK_BOX (pbox), scroller);
    self->subtotals_unit = GTK_LABEL (gtk_label_new (NULL));
    gtk_label_set_xalign (self->subtotals_unit, 1);
    gtk_widget_add_css_class (GTK_WIDGET (self->subtotals_unit), "dim-label");
    gtk_box_append (GTK_BOX (pbox), GTK_WIDGET (self->subtotals_unit));
    gtk_popover_set_child (GTK_POPOVER (popover), pbox);
    gtk_menu_button_set_popover (GTK_MENU_BUTTON (menu_button), popover);
    gtk_box_append (GTK_BOX (bar), menu_button);
  }

  gtk_box_append (GTK_BOX (bar), icon_button ("list-add-symbolic", _("Add a Line Below"),
                                              _("Add a Line Below (Ctrl+Enter)"), "Control+Return", "lines.add"));
  gtk_box_append (GTK_BOX (bar), icon_button ("edit-copy-symbolic", _("Duplicate the Selected Lines"),
                                              _("Duplicate the Selected Lines (Ctrl+D)"), "Control+d", "lines.duplicate"));
  gtk_box_append (GTK_BOX (bar), icon_button ("user-trash-symbolic", _("Delete the Selected Lines"),
                                              _("Delete the Selected Lines (Delete)"), "Delete", "lines.delete"));
  gtk_box_append (GTK_BOX (self->box), bar);

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->filter)));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)), NULL);
  g_signal_connect_swapped (self->filtered, "items-changed", G_CALLBACK (update_totals), self);
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self);

  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection))));
  gtk_column_view_set_show_column_separators (self->column_view, TRUE);
  gtk_column_view_set_show_row_separators (self->column_view, TRUE);
  gtk_column_view_set_reorderable (self->column_view, FALSE);
  g_signal_connect_swapped (self->column_view, "activate", G_CALLBACK (row_activated_cb), self);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view)); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      self->list_view = child;
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (keys, "fiscal-cell-keys");
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (cell_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), keys);
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "data-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Budget lines"), -1);

  /* Codes and amount first: what a finance officer reads a line by. */
  add_column (self, "function", _("Function code"), 190, FALSE);
  add_column (self, "economic", _("Economic code"), 150, FALSE);
  add_column (self, "amount", _("Amount"), 110, FALSE);
  add_column (self, "kind", _("Kind"), 120, FALSE);
  add_column (self, "source", _("Funding source"), 130, FALSE);
  add_column (self, "project", _("Project"), 130, FALSE);
  add_column (self, "unit", _("Unit"), 110, FALSE);
  add_column (self, "note", _("Note"), 240, TRUE);
  restore_widths (self);

  gtk_sort_list_model_set_sorter (self->sorted, gtk_column_view_get_sorter (self->column_view));

  scroller = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->column_view));
  gtk_box_append (GTK_BOX (self->box), scroller);

  self->totals = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->totals, 0);
  gtk_label_set_wrap (self->totals, TRUE);
  gtk_widget_set_margin_start (GTK_WIDGET (self->totals), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->totals), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->totals), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->totals), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self->totals), "numeric");
  gtk_box_append (GTK_BOX (self->box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->totals));
}

GtkWidget *
fiscal_lines_view_new (void)
{
  return g_object_new (FISCAL_TYPE_LINES_VIEW, NULL);
}
