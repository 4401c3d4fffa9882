/* fiscal-figures-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-figures-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "fiscal-figures-view.h"
#include "fiscal-import-report.h"

/* The budget is compared again this long after an edit, so that typing
 * an amount costs one comparison, not one per keystroke. */
#define REFRESH_DELAY_MS 250

/* ---- One row: a figure, copied when the list asks for it -------------- */

#define FIGURE_TYPE_ITEM (figure_item_get_type ())
G_DECLARE_FINAL_TYPE (FigureItem, figure_item, FIGURE, ITEM, GObject)

struct _FigureItem
{
  GObject      parent_instance;
  FiscalFigure figure;   /* its strings are the report's */
};

G_DEFINE_FINAL_TYPE (FigureItem, figure_item, G_TYPE_OBJECT)

static void
figure_item_class_init (FigureItemClass *klass)
{
}

static void
figure_item_init (FigureItem *self)
{
}

/* ---- The list: the figures shown, by their index among all ------------- */

#define FIGURE_TYPE_MODEL (figure_model_get_type ())
G_DECLARE_FINAL_TYPE (FigureModel, figure_model, FIGURE, MODEL, GObject)

struct _FigureModel
{
  GObject  parent_instance;
  GArray  *figures;   /* FiscalFigure, all of them; shared with the view */
  GArray  *shown;     /* guint indices into @figures */
};

static GType
figure_model_get_item_type (GListModel *model)
{
  return FIGURE_TYPE_ITEM;
}

static guint
figure_model_get_n_items (GListModel *model)
{
  return FIGURE_MODEL (model)->shown->len;
}

static gpointer
figure_model_get_item (GListModel *model,
                       guint       position)
{
  FigureModel *self = FIGURE_MODEL (model);
  FigureItem *item;

  if (position >= self->shown->len)
    return NULL;
  item = g_object_new (FIGURE_TYPE_ITEM, NULL);
  item->figure = g_array_index (self->figures, FiscalFigure, g_array_index (self->shown, guint, position));
  return item;
}

static void
figure_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = figure_model_get_item_type;
  iface->get_n_items = figure_model_get_n_items;
  iface->get_item = figure_model_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (FigureModel, figure_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, figure_model_list_model_init))

static void
figure_model_finalize (GObject *object)
{
  FigureModel *self = FIGURE_MODEL (object);

  g_clear_pointer (&self->figures, g_array_unref);
  g_clear_pointer (&self->shown, g_array_unref);
  G_OBJECT_CLASS (figure_model_parent_class)->finalize (object);
}

static void
figure_model_class_init (FigureModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = figure_model_finalize;
}

static void
figure_model_init (FigureModel *self)
{
  self->shown = g_array_new (FALSE, FALSE, sizeof (guint));
}

/* ---- The view ----------------------------------------------------------- */

typedef enum
{
  COLUMN_TABLE,
  COLUMN_CODE,
  COLUMN_NAME,
  COLUMN_TITLE,
  COLUMN_PUBLISHED,
  COLUMN_REBUILT,
  COLUMN_DIFFERENCE,
  COLUMN_STATE,
  COLUMN_SOURCE,
  N_COLUMNS
} Column;

struct _FiscalFiguresView
{
  GtkWidget           parent_instance;

  FiscalImportReport *report;      /* the window's; it outlives the view */
  FiscalDocument     *document;
  GFile              *source;      /* the disclosure the figures were read from */
  FigureModel        *model;
  guint               table;       /* 0 for every table */
  guint               table_numbers[FISCAL_N_TABLES + 1];   /* dropdown position → national number */
  gboolean            differences_only;
  guint               refresh_id;
  char               *summary_text;

  GtkWidget          *toolbar;
  GtkDropDown        *tables;
  GtkCheckButton     *differences;
  GtkLabel           *summary;
  GtkStack           *stack;
  GtkColumnView      *column_view;
};

G_DEFINE_FINAL_TYPE (FiscalFiguresView, fiscal_figures_view, GTK_TYPE_WIDGET)

enum {
  FIGURE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_difference (const FiscalFigure *figure)
{
  return figure->state != FISCAL_FIGURE_SAME;
}

static gboolean
is_shown (FiscalFiguresView  *self,
          const FiscalFigure *figure)
{
  return (self->table == 0 || figure->table == self->table) &&
         (!self->differences_only || is_difference (figure));
}

/* The published blanks stay blank. */
static char *
format_amount (gint64 fen)
{
  return fen == 0 ? g_strdup ("") : fiscal_money_format_wan (fen);
}

/* The difference as the two figures are shown, signed. */
static char *
format_difference (const FiscalFigure *figure)
{
  gint64 off = fiscal_figure_get_difference (figure);
  g_autofree char *text = NULL;

  if (off == 0)
    return g_strdup ("");
  text = fiscal_money_format_wan (ABS (off));
  /* U+2212 MINUS SIGN, as a table sets it */
  return g_strconcat (off > 0 ? "+" : "\u2212", text, NULL);
}

static char *
cell_text (const FiscalFigure *figure,
           Column              column)
{
  switch (column)
    {
    case COLUMN_TABLE:
      return g_strdup_printf ("表%u", figure->published_number ? figure->published_number : figure->table);
    case COLUMN_CODE:
      return g_strdup (figure->code);
    case COLUMN_NAME:
      return g_strdup (figure->project && *figure->project ? figure->project : figure->name);
    case COLUMN_TITLE:
      return g_strdup (figure->column_title);
    case COLUMN_PUBLISHED:
      return format_amount (figure->published);
    case COLUMN_REBUILT:
      return figure->state == FISCAL_FIGURE_UNMATCHED ? g_strdup ("—") : format_amount (figure->rebuilt);
    case COLUMN_DIFFERENCE:
      return figure->state == FISCAL_FIGURE_UNMATCHED ? g_strdup ("") : format_difference (figure);
    case COLUMN_STATE:
      return g_strdup (fiscal_figure_state_describe (figure->state));
    case COLUMN_SOURCE:
      return figure->line > 0 ? fiscal_import_describe_place (figure->line, figure->page) : g_strdup ("");
    case N_COLUMNS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static const char *
state_css_class (FiscalFigureState state)
{
  switch (state)
    {
    case FISCAL_FIGURE_SAME:
      return "success";
    case FISCAL_FIGURE_ROUNDING:
      return "warning";
    case FISCAL_FIGURE_DIFFERENT:
    case FISCAL_FIGURE_UNMATCHED:
    default:
      return "error";
    }
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  switch (column)
    {
    case COLUMN_PUBLISHED:
    case COLUMN_REBUILT:
    case COLUMN_DIFFERENCE:
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_label_set_width_chars (GTK_LABEL (label), 10);   /* columns that keep their width as the list scrolls */
      gtk_widget_add_css_class (label, "numeric");
      break;
    case COLUMN_NAME:
    case COLUMN_TITLE:
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), column == COLUMN_NAME ? 16 : 10);
      break;
    case COLUMN_TABLE:
    case COLUMN_CODE:
    case COLUMN_STATE:
    case COLUMN_SOURCE:
    case N_COLUMNS:
    default:
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      break;
    }
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  FigureItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *text = cell_text (&item->figure, column);

  gtk_label_set_text (GTK_LABEL (label), text);
  if (column == COLUMN_NAME || column == COLUMN_TITLE)
    gtk_widget_set_tooltip_text (label, text);
  if (column == COLUMN_STATE || (column == COLUMN_DIFFERENCE && is_difference (&item->figure)))
    gtk_widget_add_css_class (label, state_css_class (item->figure.state));
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);

  gtk_widget_remove_css_class (label, "success");
  gtk_widget_remove_css_class (label, "warning");
  gtk_widget_remove_css_class (label, "error");
}

static void
update_summary (FiscalFiguresView *self)
{
  guint counts[FISCAL_FIGURE_UNMATCHED + 1] = { 0 };
  GArray *figures = self->model->figures;

  for (guint i = 0; figures && i < figures->len; i++)
    counts[g_array_index (figures, FiscalFigure, i).state]++;

  g_free (self->summary_text);
  self->summary_text = g_strdup_printf (_("%u published figures: %u shown as published, %u within rounding, "
                                          "%u different, %u without a row in the rebuilt budget"),
                                        figures ? figures->len : 0,
                                        counts[FISCAL_FIGURE_SAME], counts[FISCAL_FIGURE_ROUNDING],
                                        counts[FISCAL_FIGURE_DIFFERENT], counts[FISCAL_FIGURE_UNMATCHED]);
  gtk_label_set_text (self->summary, self->summary_text);
}

static void
update_empty (FiscalFiguresView *self)
{
  gtk_stack_set_visible_child_name (self->stack, self->model->shown->len > 0 ? "figures" : "empty");
}

/* Shows the figures the filters let through, from scratch. */
static void
refilter (FiscalFiguresView *self)
{
  GArray *figures = self->model->figures;
  guint removed = self->model->shown->len;

  g_array_set_size (self->model->shown, 0);
  for (guint i = 0; figures && i < figures->len; i++)
    if (is_shown (self, &g_array_index (figures, FiscalFigure, i)))
      g_array_append_val (self->model->shown, i);

  g_list_model_items_changed (G_LIST_MODEL (self->model), 0, removed, self->model->shown->len);
  update_empty (self);
}

static gboolean
same_figure (const FiscalFigure *a,
             const FiscalFigure *b)
{
  return a->rebuilt == b->rebuilt && a->state == b->state && a->row == b->row;
}

/* Compares the budget with the publication again. The published cells do
 * not change, so when the same rows stay shown only the rows whose figure
 * changed are told, and the list keeps its place. */
void
fiscal_figures_view_refresh (FiscalFiguresView *self)
{
  g_autoptr(GArray) old = NULL;
  GArray *figures;
  gboolean same_rows = TRUE;

  g_return_if_fail (FISCAL_IS_FIGURES_VIEW (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  old = g_steal_pointer (&self->model->figures);
  figures = self->report && self->document ? fiscal_import_report_compare (self->report, self->document)
                                           : g_array_new (FALSE, FALSE, sizeof (FiscalFigure));
  self->model->figures = figures;

  if (old == NULL || old->len != figures->len)
    same_rows = FALSE;
  for (guint i = 0; same_rows && i < figures->len; i++)
    same_rows = is_shown (self, &g_array_index (old, FiscalFigure, i)) ==
                is_shown (self, &g_array_index (figures, FiscalFigure, i));

  if (!same_rows)
    refilter (self);
  else
    for (guint p = 0; p < self->model->shown->len; p++)
      {
        guint i = g_array_index (self->model->shown, guint, p);

        if (!same_figure (&g_array_index (old, FiscalFigure, i), &g_array_index (figures, FiscalFigure, i)))
          g_list_model_items_changed (G_LIST_MODEL (self->model), p, 1, 1);
      }

  update_summary (self);
}

static gboolean
refresh_cb (gpointer data)
{
  FiscalFiguresView *self = data;

  self->refresh_id = 0;
  fiscal_figures_view_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
document_changed_cb (FiscalFiguresView *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_timeout_add (REFRESH_DELAY_MS, refresh_cb, self);
}

static void
fill_tables (FiscalFiguresView *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n = 0;

  gtk_string_list_append (names, _("All Tables"));
  self->table_numbers[n++] = 0;
  for (guint number = 1; self->report && number <= FISCAL_N_TABLES; number++)
    {
      FiscalTable *table = fiscal_import_report_get_published_table (self->report, number);
      g_autofree char *name = NULL;

      if (table == NULL)
        continue;
      name = g_strdup_printf ("表%u %s", fiscal_table_get_number (table) ? fiscal_table_get_number (table) : number,
                              fiscal_table_get_title (table));
      gtk_string_list_append (names, name);
      self->table_numbers[n++] = number;
    }
  gtk_drop_down_set_model (self->tables, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->tables, 0);
}

/**
 * fiscal_figures_view_set_report:
 * @report: (nullable): the import's report, which keeps the published
 *   tables; it must outlive the view
 * @document: (nullable): the budget rebuilt from them
 *
 * Shows every published figure beside @document's, and follows
 * @document's edits.
 */
void
fiscal_figures_view_set_report (FiscalFiguresView  *self,
                                FiscalImportReport *report,
                                FiscalDocument     *document)
{
  g_return_if_fail (FISCAL_IS_FIGURES_VIEW (self));
  g_return_if_fail (document == NULL || FISCAL_IS_DOCUMENT (document));

  if (self->document)
    g_signal_handlers_disconnect_by_func (self->document, document_changed_cb, self);
  g_set_object (&self->document, document);
  self->report = report;
  if (document)
    g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);

  self->table = 0;
  fill_tables (self);
  g_clear_pointer (&self->model->figures, g_array_unref);
  fiscal_figures_view_refresh (self);
}

/**
 * fiscal_figures_view_set_source:
 * @source: (nullable): the disclosure the figures were read from
 *
 * fiscal_figures_view_write_csv() never writes over @source.
 */
void
fiscal_figures_view_set_source (FiscalFiguresView *self,
                                GFile             *source)
{
  g_return_if_fail (FISCAL_IS_FIGURES_VIEW (self));
  g_return_if_fail (source == NULL || G_IS_FILE (source));

  g_set_object (&self->source, source);
}

/**
 * fiscal_figures_view_set_table:
 * @number: a table's national number, or 0 for every table
 */
void
fiscal_figures_view_set_table (FiscalFiguresView *self,
                               guint              number)
{
  g_return_if_fail (FISCAL_IS_FIGURES_VIEW (self));
  g_return_if_fail (number <= FISCAL_N_TABLES);

  for (guint p = 0; p < g_list_model_get_n_items (gtk_drop_down_get_model (self->tables)); p++)
    if (self->table_numbers[p] == number)
      {
        gtk_drop_down_set_selected (self->tables, p);   /* → table_selected_cb */
        return;
      }
  g_warning ("表%u was not published", number);
}

static void
table_selected_cb (FiscalFiguresView *self)
{
  guint position = gtk_drop_down_get_selected (self->tables);

  self->table = position <= FISCAL_N_TABLES ? self->table_numbers[position] : 0;
  refilter (self);
}

void
fiscal_figures_view_set_differences_only (FiscalFiguresView *self,
                                          gboolean           differences_only)
{
  g_return_if_fail (FISCAL_IS_FIGURES_VIEW (self));
  gtk_check_button_set_active (self->differences, differences_only);   /* → differences_toggled_cb */
}

static void
differences_toggled_cb (FiscalFiguresView *self)
{
  self->differences_only = gtk_check_button_get_active (self->differences);
  refilter (self);
}

guint
fiscal_figures_view_get_n_shown (FiscalFiguresView *self)
{
  g_return_val_if_fail (FISCAL_IS_FIGURES_VIEW (self), 0);
  return self->model->shown->len;
}

/**
 * fiscal_figures_view_get_shown:
 *
 * Returns: (transfer none): the figure in row @position of the list
 */
const FiscalFigure *
fiscal_figures_view_get_shown (FiscalFiguresView *self,
                               guint              position)
{
  g_return_val_if_fail (FISCAL_IS_FIGURES_VIEW (self), NULL);
  g_return_val_if_fail (position < self->model->shown->len, NULL);
  return &g_array_index (self->model->figures, FiscalFigure, g_array_index (self->model->shown, guint, position));
}

const char *
fiscal_figures_view_get_summary (FiscalFiguresView *self)
{
  g_return_val_if_fail (FISCAL_IS_FIGURES_VIEW (self), NULL);
  return self->summary_text;
}

/**
 * fiscal_figures_view_activate:
 *
 * Emits #FiscalFiguresView::figure-activated for row @position, as
 * double-clicking it or pressing Enter on it does.
 */
void
fiscal_figures_view_activate (FiscalFiguresView *self,
                              guint              position)
{
  const FiscalFigure *figure = fiscal_figures_view_get_shown (self, position);

  g_return_if_fail (figure != NULL);
  g_signal_emit (self, signals[FIGURE_ACTIVATED], 0, figure->table, figure->row, figure->column);
}

static void
activate_cb (FiscalFiguresView *self,
             guint              position)
{
  fiscal_figures_view_activate (self, position);
}

/**
 * fiscal_figures_view_write_csv:
 *
 * Writes the figures shown (the table chosen, the differences only if so)
 * to @file as CSV, the columns of the page with the line and page apart;
 * the file is replaced whole or not at all. It is never the disclosure
 * read (fiscal_figures_view_set_source()), the budget's file, nor another
 * budget (fiscal-output.h).
 */
gboolean
fiscal_figures_view_write_csv (FiscalFiguresView  *self,
                               GFile              *file,
                               GError            **error)
{
  g_autoptr(FiscalOutputGuard) guard = fiscal_output_guard_new ();
  g_autoptr(GArray) shown = NULL;
  g_autoptr(FiscalTable) table = NULL;
  g_autoptr(GPtrArray) tables = g_ptr_array_new ();
  g_autofree char *csv = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (FISCAL_IS_FIGURES_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  fiscal_output_guard_add_file (guard, self->source, FISCAL_INPUT_DISCLOSURE);
  fiscal_output_guard_add_document (guard, self->document, FISCAL_INPUT_BUDGET);
  if (!fiscal_output_guard_check_file (guard, file, FISCAL_OUTPUT_DEFAULT, error))
    return FALSE;

  shown = g_array_sized_new (FALSE, FALSE, sizeof (FiscalFigure), self->model->shown->len);
  for (guint p = 0; p < self->model->shown->len; p++)
    g_array_append_val (shown, *fiscal_figures_view_get_shown (self, p));
  table = fiscal_figures_to_table (shown);
  if (self->document)
    fiscal_table_set_department (table, fiscal_document_get_department_name (self->document));
  g_ptr_array_add (tables, table);
  csv = fiscal_tables_to_csv_full (tables, FISCAL_CSV_BOM);

  path = g_file_get_path (file);
  if (path != NULL)
    return fiscal_file_set_contents (path, csv, strlen (csv), FISCAL_FILE_DEFAULT, error);
  return g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE, G_FILE_CREATE_NONE,
                                  NULL, NULL, error);
}

static void
save_response_cb (GtkFileChooserNative *chooser,
                  int                   response,
                  FiscalFiguresView    *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL && !fiscal_figures_view_write_csv (self, file, &error))
    {
      GtkWidget *dialog;

      /* The error names the file and says why. */
      dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                       _("Could Not Save the Figures"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }

  g_object_unref (chooser);
  g_object_unref (self);
}

static void
save_clicked_cb (FiscalFiguresView *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Save Figures as CSV"), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("CSV Files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Translators: the suggested name of the file of published and rebuilt figures */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("figures.csv"));
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
add_column (FiscalFiguresView *self,
            Column             column,
            const char        *title)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GUINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), GUINT_TO_POINTER (column));
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), GUINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_expand (view_column, column == COLUMN_NAME);
  gtk_column_view_append_column (self->column_view, view_column);
}

static void
fiscal_figures_view_dispose (GObject *object)
{
  FiscalFiguresView *self = FISCAL_FIGURES_VIEW (object);
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->document)
    g_signal_handlers_disconnect_by_func (self->document, document_changed_cb, self);
  g_clear_object (&self->document);
  g_clear_object (&self->source);
  self->report = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (fiscal_figures_view_parent_class)->dispose (object);
}

static void
fiscal_figures_view_finalize (GObject *object)
{
  FiscalFiguresView *self = FISCAL_FIGURES_VIEW (object);

  g_clear_object (&self->model);
  g_free (self->summary_text);
  G_OBJECT_CLASS (fiscal_figures_view_parent_class)->finalize (object);
}

static void
fiscal_figures_view_class_init (FiscalFiguresViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fiscal_figures_view_dispose;
  object_class->finalize = fiscal_figures_view_finalize;

  /**
   * FiscalFiguresView::figure-activated:
   * @table: the table's national number
   * @row: the rebuilt table's row, or %G_MAXUINT when it has none
   * @column: the rebuilt table's column
   */
  signals[FIGURE_ACTIVATED] =
    g_signal_new ("figure-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_INT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "figures");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
fiscal_figures_view_init (FiscalFiguresView *self)
{
  GtkWidget *scrolled, *empty, *spacer;
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  self->model = g_object_new (FIGURE_TYPE_MODEL, NULL);

  self->toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (self->toolbar, 6);
  gtk_widget_set_margin_bottom (self->toolbar, 6);
  gtk_widget_set_margin_start (self->toolbar, 12);
  gtk_widget_set_margin_end (self->toolbar, 12);
  gtk_widget_set_parent (self->toolbar, GTK_WIDGET (self));

  self->tables = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->tables), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Table to compare"), -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->tables), _("Table to compare"));
  g_signal_connect_swapped (self->tables, "notify::selected", G_CALLBACK (table_selected_cb), self);
  gtk_box_append (GTK_BOX (self->toolbar), GTK_WIDGET (self->tables));

  self->differences = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("Only _Differences")));
  g_signal_connect_swapped (self->differences, "toggled", G_CALLBACK (differences_toggled_cb), self);
  gtk_box_append (GTK_BOX (self->toolbar), GTK_WIDGET (self->differences));

  spacer = gtk_label_new (NULL);
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (self->toolbar), spacer);

  {
    GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save as CSV…"));

    gtk_widget_set_tooltip_text (save, _("Save the figures shown as CSV, for a spreadsheet"));
    g_signal_connect_swapped (save, "clicked", G_CALLBACK (save_clicked_cb), self);
    gtk_box_append (GTK_BOX (self->toolbar), save);
  }

  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_label_set_xalign (self->summary, 1);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary), "dim-label");
  gtk_box_append (GTK_BOX (self->toolbar), GTK_WIDGET (self->summary));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));

  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->model)));
  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (g_steal_pointer (&selection))));
  gtk_column_view_set_show_column_separators (self->column_view, TRUE);
  gtk_column_view_set_show_row_separators (self->column_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "data-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Published and rebuilt figures"), -1);
  g_signal_connect_swapped (self->column_view, "activate", G_CALLBACK (activate_cb), self);
  /* Translators: column heads of the published-against-rebuilt figures */
  add_column (self, COLUMN_TABLE, _("Table"));
  add_column (self, COLUMN_CODE, _("Code"));
  add_column (self, COLUMN_NAME, _("Name"));
  add_column (self, COLUMN_TITLE, _("Column"));
  add_column (self, COLUMN_PUBLISHED, _("Published"));
  add_column (self, COLUMN_REBUILT, _("Rebuilt"));
  add_column (self, COLUMN_DIFFERENCE, _("Difference"));
  add_column (self, COLUMN_STATE, _("State"));
  add_column (self, COLUMN_SOURCE, _("Source"));

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->column_view));
  gtk_stack_add_named (self->stack, scrolled, "figures");

  empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "emblem-ok-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Differences"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("The rebuilt budget shows every published figure of these tables as published."));
  gtk_stack_add_named (self->stack, empty, "empty");

  update_summary (self);
  update_empty (self);
}

GtkWidget *
fiscal_figures_view_new (void)
{
  return g_object_new (FISCAL_TYPE_FIGURES_VIEW, NULL);
}
