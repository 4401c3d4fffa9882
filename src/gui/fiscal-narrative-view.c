/* fiscal-narrative-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-narrative-view"

#include "config.h"

#include <glib/gi18n.h>

#include "fiscal-narrative-view.h"

struct _FiscalNarrativeView
{
  GtkWidget        parent_instance;

  FiscalDocument  *document;
  FiscalDocument  *prior;
  FiscalNarrative *narrative;

  GtkWidget       *scroller;
  GtkBox          *box;
  GtkLabel        *summary;
  char            *shape;        /* the slot keys of the built view */
  GPtrArray       *labels;       /* a GtkLabel per paragraph, in order */
  GPtrArray       *headings;     /* a GtkLabel per section, in order */
  GHashTable      *entries;      /* slot key → GtkEntry */
  guint            updating : 1;
};

G_DEFINE_FINAL_TYPE (FiscalNarrativeView, fiscal_narrative_view, GTK_TYPE_WIDGET)

/* The paragraph as Pango markup, an empty slot that needs text shown as a
 * highlighted gap. */
static char *
paragraph_markup (const FiscalNarrativeParagraph *paragraph)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < paragraph->runs->len; i++)
    {
      const FiscalNarrativeRun *run = g_ptr_array_index (paragraph->runs, i);
      g_autofree char *escaped = NULL;

      if (run->kind == FISCAL_RUN_TEXT)
        {
          escaped = g_markup_escape_text (run->text, -1);
          g_string_append (out, escaped);
        }
      else if (run->text != NULL)
        {
          g_autofree char *prefix = g_markup_escape_text (run->prefix ? run->prefix : "", -1);

          escaped = g_markup_escape_text (run->text, -1);
          g_string_append_printf (out, "%s<span underline=\"single\">%s</span>", prefix, escaped);
        }
      else if (run->required)
        {
          g_autofree char *prefix = g_markup_escape_text (run->prefix ? run->prefix : "", -1);
          g_autofree char *gap = g_markup_escape_text (_("〔reason missing〕"), -1);

          g_string_append_printf (out, "%s<span weight=\"bold\" foreground=\"#c01c28\">%s</span>", prefix, gap);
        }
    }

  return g_string_free (out, FALSE);
}

static char *
narrative_shape (FiscalNarrative *narrative)
{
  GString *shape = g_string_new (NULL);

  for (guint s = 0; s < fiscal_narrative_get_n_sections (narrative); s++)
    {
      const FiscalNarrativeSection *section = fiscal_narrative_get_section (narrative, s);

      g_string_append_c (shape, '#');
      for (guint p = 0; p < section->paragraphs->len; p++)
        {
          const FiscalNarrativeParagraph *paragraph = g_ptr_array_index (section->paragraphs, p);

          g_string_append_c (shape, '|');
          for (guint r = 0; r < paragraph->runs->len; r++)
            {
              const FiscalNarrativeRun *run = g_ptr_array_index (paragraph->runs, r);

              if (run->kind == FISCAL_RUN_SLOT)
                g_string_append_printf (shape, "%s;", run->key);
            }
        }
    }

  return g_string_free (shape, FALSE);
}

static void
entry_changed_cb (GtkEditable         *entry,
                  FiscalNarrativeView *self)
{
  const char *key = g_object_get_data (G_OBJECT (entry), "fiscal-slot");
  const char *text = gtk_editable_get_text (entry);

  if (self->updating || self->document == NULL)
    return;

  if (g_str_has_prefix (key, "projects."))
    {
      g_auto(GStrv) parts = g_strsplit (key, ".", 3);
      FiscalProject *project = fiscal_document_find_project (self->document, parts[1]);

      for (guint f = 0; project != NULL && f < FISCAL_N_PROJECT_FIELDS; f++)
        if (g_strcmp0 (fiscal_project_field_key (f), parts[2]) == 0)
          fiscal_project_set_field (project, f, text);
    }
  else
    fiscal_document_set_explanation (self->document, key, *text ? text : NULL);
}

static const char *
slot_label (const FiscalNarrativeRun *run)
{
  if (g_str_has_prefix (run->key, "usage."))
    return _("Mainly used for");
  if (g_str_has_suffix (run->key, ".policy_basis"))
    return _("Policy basis");
  if (g_str_has_suffix (run->key, ".allocation"))
    return _("Allocation of funds");
  if (g_str_equal (run->key, "other"))
    return _("Other matters");
  return _("Main reason");
}

static GtkWidget *
make_entry (FiscalNarrativeView      *self,
            const FiscalNarrativeRun *run)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), slot_label (run));
  gtk_editable_set_text (GTK_EDITABLE (entry), run->text ? run->text : "");
  gtk_widget_set_tooltip_text (entry, _("What you type here completes the sentence above, and is kept with the budget"));
  gtk_widget_set_margin_start (entry, 24);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, slot_label (run),
                                  -1);
  gtk_widget_add_css_class (entry, "narrative-slot");
  if (run->required && run->text == NULL)
    gtk_widget_add_css_class (entry, "warning");

  g_object_set_data_full (G_OBJECT (entry), "fiscal-slot", g_strdup (run->key), g_free);
  g_signal_connect (entry, "changed", G_CALLBACK (entry_changed_cb), self);
  g_hash_table_insert (self->entries, g_strdup (run->key), entry);

  return entry;
}

static void
clear_box (FiscalNarrativeView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->box))))
    gtk_box_remove (self->box, child);

  g_ptr_array_set_size (self->labels, 0);
  g_ptr_array_set_size (self->headings, 0);
  g_hash_table_remove_all (self->entries);
}

static void
build (FiscalNarrativeView *self)
{
  clear_box (self);

  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary, 0);
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary), "dim-label");
  gtk_box_append (self->box, GTK_WIDGET (self->summary));

  for (guint s = 0; s < fiscal_narrative_get_n_sections (self->narrative); s++)
    {
      GtkWidget *heading = gtk_label_new (NULL);
      const FiscalNarrativeSection *section = fiscal_narrative_get_section (self->narrative, s);

      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
      gtk_widget_add_css_class (heading, "title-4");
      gtk_widget_set_margin_top (heading, s ? 18 : 6);
      gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
      gtk_box_append (self->box, heading);
      g_ptr_array_add (self->headings, heading);

      for (guint p = 0; p < section->paragraphs->len; p++)
        {
          const FiscalNarrativeParagraph *paragraph = g_ptr_array_index (section->paragraphs, p);
          GtkWidget *label = gtk_label_new (NULL);

          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
          gtk_label_set_selectable (GTK_LABEL (label), TRUE);
          gtk_widget_add_css_class (label, paragraph->heading ? "heading" : "narrative-paragraph");
          gtk_box_append (self->box, label);
          g_ptr_array_add (self->labels, label);

          for (guint r = 0; r < paragraph->runs->len; r++)
            {
              const FiscalNarrativeRun *run = g_ptr_array_index (paragraph->runs, r);

              if (run->kind == FISCAL_RUN_SLOT)
                gtk_box_append (self->box, make_entry (self, run));
            }
        }
    }
}

/* Puts the current narrative into the widgets; the entry being typed in is
 * left alone so that typing is never interrupted. */
static void
update (FiscalNarrativeView *self)
{
  guint i = 0;
  g_autoptr(GPtrArray) missing = fiscal_narrative_missing (self->narrative);
  g_autofree char *summary = NULL;

  self->updating = TRUE;

  for (guint s = 0; s < fiscal_narrative_get_n_sections (self->narrative); s++)
    {
      const FiscalNarrativeSection *section = fiscal_narrative_get_section (self->narrative, s);
      g_autofree char *title = g_strdup_printf ("%s、%s", section->number, section->title);

      /* The titles name the department and the year, which can change. */
      gtk_label_set_label (g_ptr_array_index (self->headings, s), title);

      for (guint p = 0; p < section->paragraphs->len; p++, i++)
        {
          const FiscalNarrativeParagraph *paragraph = g_ptr_array_index (section->paragraphs, p);
          g_autofree char *markup = paragraph_markup (paragraph);

          gtk_label_set_markup (g_ptr_array_index (self->labels, i), markup);

          for (guint r = 0; r < paragraph->runs->len; r++)
            {
              const FiscalNarrativeRun *run = g_ptr_array_index (paragraph->runs, r);
              GtkWidget *entry;

              if (run->kind != FISCAL_RUN_SLOT || !(entry = g_hash_table_lookup (self->entries, run->key)))
                continue;

              if (!gtk_widget_has_focus (entry) && !gtk_widget_is_focus (entry) &&
                  g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), run->text ? run->text : "") != 0)
                gtk_editable_set_text (GTK_EDITABLE (entry), run->text ? run->text : "");

              if (run->required && run->text == NULL)
                gtk_widget_add_css_class (entry, "warning");
              else
                gtk_widget_remove_css_class (entry, "warning");
            }
        }
    }

  if (self->prior == NULL)
    summary = g_strdup (_("No prior year is linked, so the text makes no comparison with last year."));
  else if (missing->len == 0)
    summary = g_strdup (_("Every change from last year has its reason."));
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change from last year still needs its reason.",
                                            "%u changes from last year still need their reasons.", missing->len),
                               missing->len);
  gtk_label_set_label (self->summary, summary);

  self->updating = FALSE;
}

/**
 * fiscal_narrative_view_refresh:
 *
 * Writes the narrative again from the document's current figures.
 */
void
fiscal_narrative_view_refresh (FiscalNarrativeView *self)
{
  g_autofree char *shape = NULL;

  g_return_if_fail (FISCAL_IS_NARRATIVE_VIEW (self));

  g_clear_pointer (&self->narrative, fiscal_narrative_free);
  if (self->document == NULL)
    {
      clear_box (self);
      g_clear_pointer (&self->shape, g_free);
      return;
    }

  self->narrative = fiscal_narrative_new (self->document, self->prior);
  shape = narrative_shape (self->narrative);

  if (g_strcmp0 (shape, self->shape) != 0)
    {
      build (self);
      g_free (self->shape);
      self->shape = g_steal_pointer (&shape);
    }

  update (self);
}

void
fiscal_narrative_view_set_document (FiscalNarrativeView *self,
                                    FiscalDocument      *document,
                                    FiscalDocument      *prior)
{
  g_return_if_fail (FISCAL_IS_NARRATIVE_VIEW (self));

  g_set_object (&self->document, document);
  g_set_object (&self->prior, prior);
  g_clear_pointer (&self->shape, g_free);
  fiscal_narrative_view_refresh (self);
}

/**
 * fiscal_narrative_view_get_slot_entry:
 *
 * Returns: (transfer none) (nullable): the field for the text stored under
 *   @key
 */
GtkEditable *
fiscal_narrative_view_get_slot_entry (FiscalNarrativeView *self,
                                      const char          *key)
{
  g_return_val_if_fail (FISCAL_IS_NARRATIVE_VIEW (self), NULL);
  return g_hash_table_lookup (self->entries, key);
}

/**
 * fiscal_narrative_view_focus_slot:
 *
 * Scrolls to the field of @key and puts the cursor in it.
 *
 * Returns: %TRUE if the narrative has such a field
 */
gboolean
fiscal_narrative_view_focus_slot (FiscalNarrativeView *self,
                                  const char          *key)
{
  GtkWidget *entry;

  g_return_val_if_fail (FISCAL_IS_NARRATIVE_VIEW (self), FALSE);

  if (!(entry = g_hash_table_lookup (self->entries, key)))
    return FALSE;

  return gtk_widget_grab_focus (entry);
}

guint
fiscal_narrative_view_get_n_missing (FiscalNarrativeView *self)
{
  g_autoptr(GPtrArray) missing = NULL;

  g_return_val_if_fail (FISCAL_IS_NARRATIVE_VIEW (self), 0);

  if (self->narrative == NULL)
    return 0;
  missing = fiscal_narrative_missing (self->narrative);
  return missing->len;
}

/**
 * fiscal_narrative_view_get_text:
 *
 * Returns: (transfer full) (nullable): the narrative as plain text
 */
char *
fiscal_narrative_view_get_text (FiscalNarrativeView *self)
{
  g_return_val_if_fail (FISCAL_IS_NARRATIVE_VIEW (self), NULL);
  return self->narrative ? fiscal_narrative_to_text (self->narrative) : NULL;
}

static void
fiscal_narrative_view_dispose (GObject *object)
{
  FiscalNarrativeView *self = (FiscalNarrativeView *)object;

  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_object (&self->document);
  g_clear_object (&self->prior);
  g_clear_pointer (&self->narrative, fiscal_narrative_free);
  g_clear_pointer (&self->shape, g_free);
  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->headings, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_hash_table_unref);

  G_OBJECT_CLASS (fiscal_narrative_view_parent_class)->dispose (object);
}

static void
fiscal_narrative_view_class_init (FiscalNarrativeViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fiscal_narrative_view_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "narrative");
}

static void
fiscal_narrative_view_init (FiscalNarrativeView *self)
{
  GtkWidget *clamp;

  self->labels = g_ptr_array_new ();
  self->headings = g_ptr_array_new ();
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 860);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), clamp);

  self->box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 8));
  gtk_widget_set_margin_start (GTK_WIDGET (self->box), 24);
  gtk_widget_set_margin_end (GTK_WIDGET (self->box), 24);
  gtk_widget_set_margin_top (GTK_WIDGET (self->box), 18);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->box), 24);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->box));
}

GtkWidget *
fiscal_narrative_view_new (void)
{
  return g_object_new (FISCAL_TYPE_NARRATIVE_VIEW, NULL);
}
