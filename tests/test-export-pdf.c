/* test-export-pdf.c
 *
 * The disclosure as a PDF, read back with poppler: every figure on its
 * table's pages, the contents pointing at the right pages, headers repeated
 * where a table runs on, landscape pages, metadata, the narrative, embedded
 * fonts; and fiscal-cli export as a user runs it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <poppler.h>
#include <string.h>
#include <sys/wait.h>

#include "fiscal-test-util.h"

/* ---- Reading the PDF back ----------------------------------------------- */

/* Names of our own for poppler's objects, whichever poppler declares
 * cleanups for them. */
typedef PopplerPage     TestPage;
typedef PopplerFontInfo TestFontInfo;
typedef PopplerDest     TestDest;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestFontInfo, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestDest, poppler_dest_free)

typedef struct
{
  PopplerDocument *pdf;
  GPtrArray       *texts;   /* each page's text, its footer taken out */
} Pdf;

static void
pdf_clear (Pdf *pdf)
{
  g_clear_object (&pdf->pdf);
  g_clear_pointer (&pdf->texts, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Pdf, pdf_clear)

static void
pdf_open (Pdf        *pdf,
          const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);

  g_assert_no_error (error);
  pdf->pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pdf->pdf);

  pdf->texts = g_ptr_array_new_with_free_func (g_free);
  for (int i = 0; i < poppler_document_get_n_pages (pdf->pdf); i++)
    {
      g_autoptr(TestPage) page = poppler_document_get_page (pdf->pdf, i);
      g_autofree char *text = poppler_page_get_text (page);
      g_autofree char *pattern = g_strdup_printf ("-\\s*%d\\s*-\\s*$", i + 1);
      g_autoptr(GRegex) footer = g_regex_new (pattern, 0, 0, NULL);
      char *body = g_regex_replace (footer, text, -1, 0, "", 0, NULL);

      /* The footer goes, so that a paragraph running on reads whole. */
      g_free (text);
      text = body;
      g_ptr_array_add (pdf->texts, g_steal_pointer (&text));
    }
}

static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (out, *p);

  return g_string_free (out, FALSE);
}

/* The text of pages [first, last), whitespace removed. */
static char *
pages_squeezed (Pdf   *pdf,
                guint  first,
                guint  last)
{
  g_autoptr(GString) all = g_string_new (NULL);

  for (guint i = first; i < last; i++)
    g_string_append (all, pdf->texts->pdata[i]);

  return squeeze (all->str);
}

typedef struct
{
  char   *text;
  double  x1, y1, x2, y2;
} Word;

static void
clear_word (gpointer data)
{
  g_free (((Word *) data)->text);
}

static void
end_word (GArray  *words,
          GString *word,
          double   x1,
          double   y1,
          double   x2,
          double   y2)
{
  Word w = { g_strndup (word->str, word->len), x1, y1, x2, y2 };

  if (word->len > 0)
    g_array_append_val (words, w);
  else
    g_free (w.text);
  g_string_truncate (word, 0);
}

/* The words of a page as its glyphs' positions show them: a word ends at
 * a space, a line's end or a gap between two glyphs, so that two cells of
 * a table are two words however the page's text runs them together. */
static GArray *
page_words (PopplerDocument *document,
            int              index)
{
  g_autoptr(TestPage) page = poppler_document_get_page (document, index);
  g_autofree char *text = poppler_page_get_text (page);
  GArray *words = g_array_new (FALSE, FALSE, sizeof (Word));
  g_autoptr(GString) word = g_string_new (NULL);
  PopplerRectangle *rects = NULL;
  guint n_rects = 0, i = 0;
  const PopplerRectangle *last = NULL;
  double x1 = 0, y1 = 0;

  g_array_set_clear_func (words, clear_word);
  g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));

  for (const char *p = text; *p && i < n_rects; p = g_utf8_next_char (p), i++)
    {
      gunichar c = g_utf8_get_char (p);
      const PopplerRectangle *r = &rects[i];
      gboolean gap = last != NULL &&
                     (r->x1 - last->x2 > 1.5 || r->x1 < last->x1 || fabs (r->y2 - last->y2) > 2);

      if ((g_unichar_isspace (c) || gap) && last != NULL)
        end_word (words, word, x1, y1, last->x2, last->y2);
      if (!g_unichar_isspace (c))
        {
          if (word->len == 0)
            {
              x1 = r->x1;
              y1 = r->y1;
            }
          g_string_append_unichar (word, c);
          last = r;
        }
      else
        last = NULL;
    }
  if (last != NULL)
    end_word (words, word, x1, y1, last->x2, last->y2);

  g_free (rects);
  return words;
}

static guint
count_word (Pdf        *pdf,
            guint       page,
            const char *text)
{
  g_autoptr(GArray) words = page_words (pdf->pdf, page);
  guint n = 0;

  for (guint i = 0; i < words->len; i++)
    n += g_str_equal (g_array_index (words, Word, i).text, text);

  return n;
}

/* How many times each figure (an amount as the tables show it: two
 * decimals) is a word of pages [first, last). */
static GHashTable *
pages_words (Pdf   *pdf,
             guint  first,
             guint  last)
{
  GHashTable *words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GRegex) figure = g_regex_new ("^-?[0-9]+\\.[0-9][0-9]$", 0, 0, NULL);

  for (guint i = first; i < last; i++)
    {
      g_autoptr(GArray) page = page_words (pdf->pdf, i);

      for (guint k = 0; k < page->len; k++)
        {
          const char *text = g_array_index (page, Word, k).text;

          if (g_regex_match (figure, text, 0, NULL))
            {
              guint n = GPOINTER_TO_UINT (g_hash_table_lookup (words, text));
              g_hash_table_insert (words, g_strdup (text), GUINT_TO_POINTER (n + 1));
            }
        }
    }

  return words;
}

/* Where the entry at @position ends: the page the next entry of its level
 * or above starts on. */
static guint
entry_end (FiscalPrintLayout *layout,
           guint              position)
{
  const FiscalPrintEntry *entry = fiscal_print_layout_get_entry (layout, position);

  for (guint i = position + 1; i < fiscal_print_layout_get_n_entries (layout); i++)
    {
      const FiscalPrintEntry *next = fiscal_print_layout_get_entry (layout, i);

      if (next->level <= entry->level)
        return MAX (next->page, entry->page + 1);
    }

  return fiscal_print_layout_get_n_pages (layout);
}

static char *
temp_path (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fiscal-export-XXXXXX", &error);

  g_assert_no_error (error);
  return g_build_filename (dir, name, NULL);
}

static void
remove_temp (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);
      g_unlink (file);
    }
  if (d != NULL)
    g_dir_close (d);
  g_rmdir (dir);
}

static FiscalDocument *
load_example_with_prior (FiscalDocument **prior)
{
  FiscalDocument *doc = fiscal_test_load_example (2025);
  g_autoptr(GError) error = NULL;

  *prior = fiscal_document_load_prior (doc, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*prior);
  return doc;
}

/* ---- The example -------------------------------------------------------- */

/* Every figure of every table is on the pages of that table, as the table
 * displays it, at least as often as the table shows it. */
static void
check_tables (FiscalDocument    *doc,
              FiscalPrintLayout *layout,
              Pdf               *pdf)
{
  g_autoptr(GPtrArray) tables = fiscal_pivot_all (doc);

  g_assert_cmpuint (tables->len, ==, FISCAL_N_TABLES);

  for (guint t = 0; t < tables->len; t++)
    {
      FiscalTable *table = g_ptr_array_index (tables, t);
      guint number = fiscal_table_get_number (table);
      int position = fiscal_print_layout_find_table (layout, number);
      const FiscalPrintEntry *entry;
      g_autoptr(GHashTable) words = NULL;
      g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autofree char *text = NULL;
      g_autofree char *title = NULL;
      g_autofree char *label = g_strdup_printf ("表%u", number);
      GHashTableIter iter;
      gpointer key, value;
      guint end, n_figures = 0;

      g_assert_cmpint (position, >, 0);
      entry = fiscal_print_layout_get_entry (layout, position);
      end = entry_end (layout, position);
      g_assert_cmpuint (end, >, entry->page);

      text = pages_squeezed (pdf, entry->page, end);
      title = squeeze (fiscal_table_get_title (table));
      g_assert_nonnull (strstr (text, title));
      g_assert_nonnull (strstr (text, label));

      for (guint r = 0; r < fiscal_table_get_n_rows (table); r++)
        for (guint c = 0; c < fiscal_table_get_n_columns (table); c++)
          {
            g_autofree char *shown = NULL;

            if (fiscal_table_get_column (table, c)->kind != FISCAL_COLUMN_AMOUNT)
              continue;
            shown = fiscal_table_get_column_text (table, r, c);
            if (*shown == '\0')
              continue;
            value = g_hash_table_lookup (wanted, shown);
            g_hash_table_insert (wanted, g_strdup (shown), GUINT_TO_POINTER (GPOINTER_TO_UINT (value) + 1));
            n_figures++;
          }

      words = pages_words (pdf, entry->page, end);
      g_hash_table_iter_init (&iter, wanted);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          guint found = GPOINTER_TO_UINT (g_hash_table_lookup (words, key));

          if (found < GPOINTER_TO_UINT (value))
            g_error ("表%u shows %s %u times, its pages %u–%u %u times:\n%s", number, (char *) key,
                     GPOINTER_TO_UINT (value), entry->page, end, found, (char *) pdf->texts->pdata[entry->page]);
        }

      /* An empty table states so under its header. */
      if (fiscal_table_get_n_rows (table) == 0)
        {
          g_autofree char *note = squeeze (fiscal_table_get_note (table));
          g_assert_nonnull (strstr (text, note));
        }
      else
        g_assert_cmpuint (n_figures, >, 0);
    }

  /* The published 表1 itself: 318.10 in 本年收入, 收入总计 and 支出总计;
   * 205.10 in 一般公共预算拨款 and 一般财力; 113.00 in 单位资金 and 其他收入. */
  {
    int p1 = fiscal_print_layout_find_table (layout, 1);
    const FiscalPrintEntry *e1 = fiscal_print_layout_get_entry (layout, p1);
    g_autoptr(GHashTable) words = pages_words (pdf, e1->page, entry_end (layout, p1));

    g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (words, "318.10")), ==, 3);
    g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (words, "205.10")), ==, 2);
    g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (words, "113.00")), ==, 2);
  }
}

static int
compare_words (gconstpointer a,
               gconstpointer b)
{
  const Word *wa = a, *wb = b;

  /* Lines first (the glyphs of a line share their bottom), then across. */
  if (fabs (wa->y2 - wb->y2) > 2)
    return wa->y2 < wb->y2 ? -1 : 1;
  return wa->x1 < wb->x1 ? -1 : wa->x1 > wb->x1;
}

/* Each entry of the contents, its title read in the order of its lines up
 * to the page number at the right, points at a page whose text has the
 * title. */
static void
check_contents (FiscalPrintLayout *layout,
                Pdf               *pdf)
{
  const FiscalPrintEntry *contents = fiscal_print_layout_get_entry (layout, 0);
  const FiscalPrintEntry *first_part = fiscal_print_layout_get_entry (layout, 1);
  g_autoptr(GRegex) digits = g_regex_new ("^[0-9]+$", 0, 0, NULL);
  g_autoptr(GRegex) numeral = g_regex_new ("^[一二三四五六七八九十]+、", 0, 0, NULL);
  guint n_matched = 0;

  g_assert_cmpstr (contents->title, ==, "目录");
  g_assert_cmpuint (first_part->level, ==, 0);
  g_assert_cmpuint (first_part->page, >, contents->page);

  for (guint p = contents->page; p < first_part->page; p++)
    {
      g_autoptr(GArray) words = page_words (pdf->pdf, p);
      g_autoptr(GString) title = g_string_new (NULL);
      g_autoptr(TestPage) page = poppler_document_get_page (pdf->pdf, p);
      double width;

      poppler_page_get_size (page, &width, NULL);
      g_array_sort (words, compare_words);

      for (guint i = 0; i < words->len; i++)
        {
          const Word *word = &g_array_index (words, Word, i);
          g_autofree char *bare = NULL;
          g_autofree char *target = NULL;
          guint64 number;

          /* The heading, and the footer below the last entry. */
          if (p == contents->page && title->len == 0 &&
              (g_str_equal (word->text, "目") || g_str_equal (word->text, "录")))
            continue;
          if (!g_regex_match (digits, word->text, 0, NULL) || word->x1 < width * 0.8)
            {
              g_string_append (title, word->text);
              continue;
            }

          number = g_ascii_strtoull (word->text, NULL, 10);
          g_assert_cmpuint (number, >=, 1);
          g_assert_cmpuint (number, <=, fiscal_print_layout_get_n_pages (layout));

          /* A table's entry is numbered 一、… where its page says 表 N. */
          bare = g_regex_replace (numeral, title->str, -1, 0, "", 0, NULL);
          target = squeeze (pdf->texts->pdata[number - 1]);
          if (strstr (target, bare) == NULL)
            g_error ("The contents send “%s” to page %" G_GUINT64_FORMAT ", which does not have it",
                     title->str, number);
          n_matched++;
          g_string_truncate (title, 0);
        }
    }

  /* Every entry but 目录 itself is listed, each with one number. */
  g_assert_cmpuint (n_matched, ==, fiscal_print_layout_get_n_entries (layout) - 1);

  /* Each entry's title and number are links to the page the number says. */
  {
    guint n_links = 0, n_checked = 0;

    for (guint p = contents->page; p < first_part->page; p++)
      {
        g_autoptr(TestPage) page = poppler_document_get_page (pdf->pdf, p);
        GList *mapping = poppler_page_get_link_mapping (page);

        for (GList *l = mapping; l != NULL; l = l->next)
          {
            PopplerLinkMapping *link = l->data;
            g_autoptr(TestDest) dest = NULL;
            g_autoptr(GArray) words = page_words (pdf->pdf, p);
            g_autofree char *number = NULL;
            double height;

            g_assert_cmpint (link->action->type, ==, POPPLER_ACTION_GOTO_DEST);
            dest = link->action->goto_dest.dest->type == POPPLER_DEST_NAMED
                   ? poppler_document_find_dest (pdf->pdf, link->action->goto_dest.dest->named_dest)
                   : poppler_dest_copy (link->action->goto_dest.dest);
            g_assert_nonnull (dest);

            /* The number on the link's line, at the right. */
            poppler_page_get_size (page, NULL, &height);
            for (guint i = 0; i < words->len; i++)
              {
                const Word *w = &g_array_index (words, Word, i);
                double bottom = height - link->area.y1;   /* poppler's link areas start at the foot */

                if (fabs (w->y2 - bottom) < 4 && w->x1 > link->area.x1 - 1 &&
                    g_regex_match_simple ("^[0-9]+$", w->text, 0, 0) && w->x1 > 400)
                  number = g_strdup (w->text);
              }
            if (number != NULL)
              {
                g_assert_cmpint (dest->page_num, ==, (int) g_ascii_strtoull (number, NULL, 10));
                n_checked++;
              }
            n_links++;
          }
        poppler_page_free_link_mapping (mapping);
      }

    g_assert_cmpuint (n_links, ==, 2 * (fiscal_print_layout_get_n_entries (layout) - 1));
    g_assert_cmpuint (n_checked, >=, fiscal_print_layout_get_n_entries (layout) - 1);
  }
}

static void
test_example (void)
{
  g_autoptr(FiscalDocument) prior = NULL;
  g_autoptr(FiscalDocument) doc = load_example_with_prior (&prior);
  g_autoptr(FiscalPrintLayout) layout = fiscal_print_layout_new (doc, prior, NULL);
  g_autoptr(FiscalNarrative) narrative = fiscal_narrative_new (doc, prior);
  g_autofree char *path = temp_path ("disclosure.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *all = NULL;
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  g_autofree char *creator = NULL;
  g_autofree char *functions = NULL;
  g_auto(Pdf) pdf = { 0 };
  guint n_landscape = 0;

  g_assert_true (fiscal_export_pdf (doc, prior, NULL, path, &error));
  g_assert_no_error (error);
  pdf_open (&pdf, path);

  g_assert_cmpint (poppler_document_get_n_pages (pdf.pdf), ==, fiscal_print_layout_get_n_pages (layout));
  g_assert_cmpint (poppler_document_get_n_pages (pdf.pdf), >=, 20);

  /* Metadata */
  title = poppler_document_get_title (pdf.pdf);
  author = poppler_document_get_author (pdf.pdf);
  creator = poppler_document_get_creator (pdf.pdf);
  g_assert_cmpstr (title, ==, "昌吉回族自治州人民政府驻北京联络处 2025 年部门预算公开");
  g_assert_cmpstr (author, ==, "昌吉回族自治州人民政府驻北京联络处");
  g_assert_cmpstr (creator, ==, "Fiscal");

  /* The cover has the department, the year's title and the date, and no
   * page number. */
  g_assert_nonnull (strstr (pdf.texts->pdata[0], "昌吉回族自治州人民政府驻北京联络处"));
  g_assert_nonnull (strstr (pdf.texts->pdata[0], "2025 年部门预算公开"));
  g_assert_nonnull (strstr (pdf.texts->pdata[0], "2025 年 2 月 14 日"));
  {
    g_autoptr(TestPage) cover = poppler_document_get_page (pdf.pdf, 0);
    g_autofree char *raw = poppler_page_get_text (cover);
    g_assert_false (g_regex_match_simple ("-\\s*1\\s*-", raw, 0, 0));
  }
  {
    g_autoptr(TestPage) second = poppler_document_get_page (pdf.pdf, 1);
    g_autofree char *raw = poppler_page_get_text (second);
    g_assert_true (g_regex_match_simple ("-\\s*2\\s*-\\s*$", raw, 0, 0));
  }

  /* Page sizes: A4, landscape where the layout turned the page, and at
   * least 表2 (sixteen columns) is turned. */
  for (int i = 0; i < poppler_document_get_n_pages (pdf.pdf); i++)
    {
      g_autoptr(TestPage) page = poppler_document_get_page (pdf.pdf, i);
      double w, h;

      poppler_page_get_size (page, &w, &h);
      if (fiscal_print_layout_page_is_landscape (layout, i))
        {
          g_assert_cmpfloat_with_epsilon (w, 841.89, 0.01);
          g_assert_cmpfloat_with_epsilon (h, 595.28, 0.01);
          n_landscape++;
        }
      else
        {
          g_assert_cmpfloat_with_epsilon (w, 595.28, 0.01);
          g_assert_cmpfloat_with_epsilon (h, 841.89, 0.01);
        }
    }
  g_assert_true (fiscal_print_layout_page_is_landscape (layout,
                   fiscal_print_layout_get_entry (layout, fiscal_print_layout_find_table (layout, 2))->page));
  g_assert_false (fiscal_print_layout_page_is_landscape (layout,
                    fiscal_print_layout_get_entry (layout, fiscal_print_layout_find_table (layout, 3))->page));
  g_assert_cmpuint (n_landscape, >=, 1);

  check_tables (doc, layout, &pdf);
  check_contents (layout, &pdf);

  /* The outline: 目录 and the four parts at the top, the eleven tables
   * under 第二部分, each sending the reader to its page. */
  {
    PopplerIndexIter *iter = poppler_index_iter_new (pdf.pdf);
    g_autoptr(GPtrArray) top = g_ptr_array_new_with_free_func (g_free);
    guint n_tables = 0;

    g_assert_nonnull (iter);
    do
      {
        PopplerAction *action = poppler_index_iter_get_action (iter);

        g_assert_cmpint (action->type, ==, POPPLER_ACTION_GOTO_DEST);
        g_ptr_array_add (top, g_strdup (action->goto_dest.title));
        if (g_str_has_prefix (action->goto_dest.title, "第二部分"))
          {
            PopplerIndexIter *child = poppler_index_iter_get_child (iter);

            g_assert_nonnull (child);
            do
              {
                PopplerAction *table = poppler_index_iter_get_action (child);
                g_autoptr(TestDest) dest = NULL;
                const FiscalPrintEntry *entry =
                  fiscal_print_layout_get_entry (layout, fiscal_print_layout_find_table (layout, n_tables + 1));

                g_assert_cmpstr (table->goto_dest.title, ==, entry->title);
                dest = table->goto_dest.dest->type == POPPLER_DEST_NAMED
                       ? poppler_document_find_dest (pdf.pdf, table->goto_dest.dest->named_dest)
                       : poppler_dest_copy (table->goto_dest.dest);
                g_assert_nonnull (dest);
                g_assert_cmpint (dest->page_num, ==, entry->page + 1);
                poppler_action_free (table);
                n_tables++;
              }
            while (poppler_index_iter_next (child));
            poppler_index_iter_free (child);
          }
        poppler_action_free (action);
      }
    while (poppler_index_iter_next (iter));
    poppler_index_iter_free (iter);

    g_assert_cmpuint (top->len, ==, 5);
    g_assert_cmpstr (top->pdata[0], ==, "目录");
    g_assert_cmpstr (top->pdata[1], ==, "第一部分 2025 年部门概况");
    g_assert_cmpstr (top->pdata[2], ==, "第二部分 2025 年部门预算公开表");
    g_assert_cmpstr (top->pdata[3], ==, "第三部分 2025 年部门预算情况说明");
    g_assert_cmpstr (top->pdata[4], ==, "第四部分 名词解释");
    g_assert_cmpuint (n_tables, ==, FISCAL_N_TABLES);
  }

  /* 第一部分: the profile's text. */
  all = pages_squeezed (&pdf, 0, pdf.texts->len);
  functions = squeeze (fiscal_profile_get_text (fiscal_document_get_profile (doc), FISCAL_PROFILE_FUNCTIONS));
  g_assert_nonnull (strstr (all, functions));
  g_assert_nonnull (strstr (all, "编制数8，实有人数11人"));
  g_assert_nonnull (strstr (all, "第四部分名词解释"));

  /* 第三部分: every paragraph of the narrative, whole. */
  for (guint s = 0; s < fiscal_narrative_get_n_sections (narrative); s++)
    {
      const FiscalNarrativeSection *section = fiscal_narrative_get_section (narrative, s);
      g_autofree char *heading = g_strdup_printf ("%s、%s", section->number, section->title);
      g_autofree char *squeezed_heading = squeeze (heading);

      g_assert_nonnull (strstr (all, squeezed_heading));
      for (guint p = 0; p < section->paragraphs->len; p++)
        {
          g_autofree char *text = fiscal_narrative_paragraph_text (g_ptr_array_index (section->paragraphs, p));
          g_autofree char *squeezed = squeeze (text);

          if (strstr (all, squeezed) == NULL)
            g_error ("The narrative's paragraph “%s” is not in the PDF", text);
        }
    }
  /* A figure the narrative computes with the prior year. */
  g_assert_nonnull (strstr (all, "比上年预算减少27.21万元"));

  /* The performance targets: the department's and the project's. */
  g_assert_nonnull (strstr (all, "部门整体绩效目标表"));
  g_assert_nonnull (strstr (all, "项目支出绩效目标表（机构运行补助经费）"));
  g_assert_nonnull (strstr (all, "保障办公人员数量"));

  /* Every font is embedded, and the Chinese text has a CJK face. */
  {
    g_autoptr(TestFontInfo) info = poppler_font_info_new (pdf.pdf);
    PopplerFontsIter *iter = NULL;
    guint n_fonts = 0, n_cjk = 0;

    while (poppler_font_info_scan (info, 5, &iter))
      {
        if (iter == NULL)
          continue;
        do
          {
            const char *name = poppler_fonts_iter_get_name (iter);

            g_assert_true (poppler_fonts_iter_is_embedded (iter));
            n_fonts++;
            if (name != NULL && strstr (name, "CJK") != NULL)
              n_cjk++;
          }
        while (poppler_fonts_iter_next (iter));
        poppler_fonts_iter_free (iter);
        iter = NULL;
      }
    g_assert_cmpuint (n_fonts, >, 0);
    g_assert_cmpuint (n_cjk, >, 0);
  }

  remove_temp (path);
}

/* ---- A long table ------------------------------------------------------- */

static void
test_continuation (void)
{
  g_autoptr(FiscalDocument) doc = fiscal_test_load_example (2025);
  g_autoptr(FiscalPrintLayout) layout = NULL;
  g_autoptr(FiscalTable) table7 = NULL;
  g_autofree char *path = temp_path ("long.pdf");
  g_autoptr(GError) error = NULL;
  g_auto(Pdf) pdf = { 0 };
  const FiscalPrintEntry *entry;
  guint end, n_continued = 0;
  int position;
  static const char * const functions[] = { "2010302", "2010350", "2080505", "2101102", "2210201" };

  /* 120 projects, one general-public-budget line each: 表7 gets a row per
   * project and its function's 类, 款 and 项 rows. */
  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *id = g_strdup_printf ("long%u", i);
      g_autofree char *name = g_strdup_printf ("第%u号专项工作经费", i + 1);
      g_autofree char *line_id = fiscal_document_new_line_id (doc);
      g_autoptr(FiscalProject) project = fiscal_project_new (id, name);
      g_autoptr(FiscalLine) line = fiscal_line_new_full (line_id, "main", functions[i % G_N_ELEMENTS (functions)],
                                                         i % 3 ? "30201" : "31002", FISCAL_KIND_PROJECT, id,
                                                         FISCAL_SOURCE_GENERAL, 1000000 + 12345 * (gint64) i);

      fiscal_document_add_project (doc, project);
      fiscal_document_add_line (doc, line);
    }

  table7 = fiscal_pivot_table (doc, 7);
  g_assert_cmpuint (fiscal_table_get_n_rows (table7), >, 120);

  layout = fiscal_print_layout_new (doc, NULL, NULL);
  g_assert_true (fiscal_print_layout_write_pdf (layout, path, &error));
  g_assert_no_error (error);
  pdf_open (&pdf, path);

  position = fiscal_print_layout_find_table (layout, 7);
  entry = fiscal_print_layout_get_entry (layout, position);
  end = entry_end (layout, position);
  g_assert_cmpuint (end - entry->page, >=, 3);

  /* Every page of 表7 has its header and its 编制部门 line; the later ones
   * say it continues. */
  for (guint p = entry->page; p < end; p++)
    {
      g_autofree char *text = pages_squeezed (&pdf, p, p + 1);

      g_assert_true (fiscal_print_layout_page_is_landscape (layout, p));
      g_assert_nonnull (strstr (text, "功能分类科目名称"));
      g_assert_nonnull (strstr (text, "项目名称"));
      g_assert_cmpuint (count_word (&pdf, p, "※"), ==, 5);
      for (guint k = 1; k <= 11; k++)
        {
          g_autofree char *column = g_strdup_printf ("%u", k);
          g_assert_cmpuint (count_word (&pdf, p, column), >=, 1);
        }
      g_assert_nonnull (strstr (text, "编制部门：昌吉回族自治州人民政府驻北京联络处"));
      g_assert_nonnull (strstr (text, "单位：万元"));
      if (p > entry->page)
        {
          g_assert_nonnull (strstr (text, "表7（续）"));
          n_continued++;
        }
      else
        g_assert_null (strstr (text, "（续）"));
    }
  g_assert_cmpuint (n_continued, ==, end - entry->page - 1);

  /* No row is lost or cut: each project's name and every figure are on the
   * table's pages. */
  {
    g_autofree char *text = pages_squeezed (&pdf, entry->page, end);
    g_autoptr(GHashTable) words = pages_words (&pdf, entry->page, end);

    for (guint r = 0; r < fiscal_table_get_n_rows (table7); r++)
      {
        const FiscalTableRow *row = fiscal_table_get_row (table7, r);

        if (row->project != NULL)
          {
            g_autofree char *name = squeeze (row->project);
            g_assert_nonnull (strstr (text, name));
          }
        for (guint c = 0; c < fiscal_table_get_n_columns (table7); c++)
          {
            g_autofree char *shown = NULL;

            if (fiscal_table_get_column (table7, c)->kind != FISCAL_COLUMN_AMOUNT)
              continue;
            shown = fiscal_table_get_column_text (table7, r, c);
            if (*shown != '\0')
              g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (words, shown)), >, 0);
          }
      }
  }

  remove_temp (path);
}

/* ---- The layout on its own ---------------------------------------------- */

static void
test_layout (void)
{
  g_autoptr(FiscalDocument) prior = NULL;
  g_autoptr(FiscalDocument) doc = load_example_with_prior (&prior);
  g_autoptr(FiscalPrintLayout) layout = fiscal_print_layout_new (doc, prior, NULL);
  g_autoptr(FiscalPrintLayout) charts = NULL;
  FiscalPrintOptions options;
  guint n_pages = fiscal_print_layout_get_n_pages (layout);
  cairo_surface_t *surface;
  cairo_t *cr;
  double w, h;

  g_assert_cmpstr (fiscal_print_layout_get_title (layout), ==, "昌吉回族自治州人民政府驻北京联络处 2025 年部门预算公开");
  g_assert_cmpint (fiscal_print_layout_find_table (layout, 0), ==, -1);
  g_assert_cmpint (fiscal_print_layout_find_table (layout, 12), ==, -1);
  g_assert_false (fiscal_print_layout_page_is_landscape (layout, 0));
  fiscal_print_layout_get_page_size (layout, 0, &w, &h);
  g_assert_cmpfloat (w, ==, FISCAL_PRINT_A4_WIDTH);
  g_assert_cmpfloat (h, ==, FISCAL_PRINT_A4_HEIGHT);

  /* The entries are in page order and the parts are the four of the
   * published format. */
  {
    guint n_parts = 0, last = 0;

    for (guint i = 0; i < fiscal_print_layout_get_n_entries (layout); i++)
      {
        const FiscalPrintEntry *e = fiscal_print_layout_get_entry (layout, i);

        g_assert_cmpuint (e->page, >=, last);
        g_assert_cmpuint (e->page, <, n_pages);
        last = e->page;
        if (e->level == 0 && g_str_has_prefix (e->title, "第"))
          n_parts++;
      }
    g_assert_cmpuint (n_parts, ==, 4);
  }

  /* Laid out again with a context made from another surface (as a print
   * dialog's would be), the pages come out the same. */
  {
    cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
    cairo_t *image_cr = cairo_create (image);
    PangoContext *context = pango_cairo_create_context (image_cr);
    cairo_font_options_t *font_options = cairo_font_options_create ();

    pango_cairo_context_set_resolution (context, 72);
    cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
    pango_cairo_context_set_font_options (context, font_options);
    fiscal_print_layout_paginate (layout, context);
    g_assert_cmpuint (fiscal_print_layout_get_n_pages (layout), ==, n_pages);

    cairo_font_options_destroy (font_options);
    g_object_unref (context);
    cairo_destroy (image_cr);
    cairo_surface_destroy (image);
  }

  /* Each page draws, and draws something, on a surface other than PDF. */
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  for (guint p = 0; p < n_pages; p++)
    {
      double x0, y0, ew, eh;

      fiscal_print_layout_draw_page (layout, cr, p);
      cairo_recording_surface_ink_extents (surface, &x0, &y0, &ew, &eh);
      g_assert_cmpfloat (ew, >, 0);
    }
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  /* The charts add a part of their own. */
  fiscal_print_options_init (&options);
  options.include_charts = TRUE;
  charts = fiscal_print_layout_new (doc, prior, &options);
  g_assert_cmpuint (fiscal_print_layout_get_n_pages (charts), >, n_pages);
  g_assert_cmpuint (fiscal_print_layout_get_n_entries (charts), >, fiscal_print_layout_get_n_entries (layout) + 1);
}

/* A budget just begun: no lines, no profile, no targets. Every table is
 * there, with its header and the sentence saying it is empty where the
 * format has one. */
static void
test_blank (void)
{
  g_autoptr(FiscalDocument) doc = fiscal_document_new (2026, "测试部门");
  g_autoptr(FiscalPrintLayout) layout = fiscal_print_layout_new (doc, NULL, NULL);
  g_autoptr(GPtrArray) tables = fiscal_pivot_all (doc);
  g_autofree char *path = temp_path ("blank.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *all = NULL;
  g_auto(Pdf) pdf = { 0 };

  g_assert_true (fiscal_print_layout_write_pdf (layout, path, &error));
  g_assert_no_error (error);
  pdf_open (&pdf, path);
  all = pages_squeezed (&pdf, 0, pdf.texts->len);

  g_assert_nonnull (strstr (all, "测试部门2026年部门预算公开"));
  g_assert_nonnull (strstr (all, "第一部分2026年部门概况"));
  g_assert_nonnull (strstr (all, "第四部分名词解释"));
  for (guint i = 0; i < tables->len; i++)
    {
      FiscalTable *table = g_ptr_array_index (tables, i);
      g_autofree char *title = squeeze (fiscal_table_get_title (table));

      g_assert_cmpint (fiscal_print_layout_find_table (layout, i + 1), >, 0);
      g_assert_nonnull (strstr (all, title));
      if (fiscal_table_get_note (table) != NULL)
        {
          g_autofree char *note = squeeze (fiscal_table_get_note (table));
          g_assert_nonnull (strstr (all, note));
        }
    }
  /* No targets, no target tables. */
  g_assert_null (strstr (all, "绩效目标表"));

  remove_temp (path);
}

/* ---- Writing ------------------------------------------------------------ */

static void
test_write_errors (void)
{
  g_autoptr(FiscalDocument) doc = fiscal_test_load_example (2025);
  g_autofree char *path = temp_path ("out.pdf");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "out.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  GDir *d;
  const char *name;
  guint n_files = 0;

  /* A folder that is not there: a file error naming the path. */
  g_assert_false (fiscal_export_pdf (doc, NULL, NULL, missing, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);

  /* An old file is replaced whole, and nothing else is left beside it. */
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_true (fiscal_export_pdf (doc, NULL, NULL, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_nonnull (g_strrstr_len (contents + length - 64, 64, "%%EOF"));

  d = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_assert_cmpstr (name, ==, "out.pdf");
      n_files++;
    }
  g_dir_close (d);
  g_assert_cmpuint (n_files, ==, 1);

  remove_temp (path);
}

/* ---- fiscal-cli export -------------------------------------------------- */

static void
test_cli_pdf (void)
{
  g_autofree char *example = fiscal_test_example_path (2025);
  g_autofree char *out = temp_path ("cli.pdf");
  g_autofree char *out_charts = NULL;
  g_auto(FiscalCliRun) help = { 0 };
  g_auto(FiscalCliRun) ok = { 0 };
  g_auto(FiscalCliRun) charts = { 0 };
  g_auto(FiscalCliRun) bad_format = { 0 };
  g_auto(FiscalCliRun) xlsx = { 0 };
  g_auto(FiscalCliRun) no_output = { 0 };
  g_auto(FiscalCliRun) bom_pdf = { 0 };
  g_auto(FiscalCliRun) missing = { 0 };
  g_auto(FiscalCliRun) unwritable = { 0 };
  g_auto(Pdf) pdf = { 0 };
  g_auto(Pdf) pdf_charts = { 0 };
  g_autofree char *dir = g_path_get_dirname (out);
  g_autofree char *nowhere = g_build_filename (dir, "missing", "x.pdf", NULL);

  fiscal_test_run_cli (&help, "export", "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--format"));
  g_assert_nonnull (strstr (help.out, "--bom"));
  g_assert_nonnull (strstr (help.out, "--charts"));
  g_assert_nonnull (strstr (help.out, "--prior"));

  /* The linked prior year is found: the narrative states the change. */
  fiscal_test_run_cli (&ok, "export", example, "--format", "pdf", "-o", out, NULL);
  g_assert_cmpint (ok.status, ==, 0);
  g_assert_cmpstr (ok.err, ==, "");
  pdf_open (&pdf, out);
  g_assert_cmpint (poppler_document_get_n_pages (pdf.pdf), >=, 20);
  {
    g_autofree char *all = pages_squeezed (&pdf, 0, pdf.texts->len);
    g_assert_nonnull (strstr (all, "比上年预算减少27.21万元"));
  }

  /* The format from the extension; --charts adds pages. */
  out_charts = g_build_filename (dir, "charts.PDF", NULL);
  fiscal_test_run_cli (&charts, "export", example, "--charts", "-o", out_charts, NULL);
  g_assert_cmpint (charts.status, ==, 0);
  pdf_open (&pdf_charts, out_charts);
  g_assert_cmpint (poppler_document_get_n_pages (pdf_charts.pdf), >, poppler_document_get_n_pages (pdf.pdf));

  fiscal_test_run_cli (&bad_format, "export", example, "--format", "docx", "-o", out, NULL);
  g_assert_cmpint (bad_format.status, ==, 2);
  g_assert_nonnull (strstr (bad_format.err, "--format"));
  /* A workbook from its extension (its cells are checked in export-xlsx). */
  {
    g_autofree char *book = g_build_filename (dir, "cli.xlsx", NULL);
    g_autofree char *bytes = NULL;
    gsize length = 0;

    fiscal_test_run_cli (&xlsx, "export", example, "-o", book, NULL);
    g_assert_cmpint (xlsx.status, ==, 0);
    g_assert_true (g_file_get_contents (book, &bytes, &length, NULL));
    g_assert_cmpuint (length, >, 4);
    g_assert_cmpmem (bytes, 4, "PK\x03\x04", 4);
  }
  fiscal_test_run_cli (&no_output, "export", example, "--format", "pdf", NULL);
  g_assert_cmpint (no_output.status, ==, 2);
  fiscal_test_run_cli (&bom_pdf, "export", example, "--format", "pdf", "--bom", "-o", out, NULL);
  g_assert_cmpint (bom_pdf.status, ==, 2);
  fiscal_test_run_cli (&missing, "export", "/nonexistent.fiscal.json", "-o", out, NULL);
  g_assert_cmpint (missing.status, ==, 2);
  {
    g_autofree char *prior = fiscal_test_example_path (2024);
    g_auto(FiscalCliRun) named = { 0 };
    g_auto(FiscalCliRun) bad_prior = { 0 };

    fiscal_test_run_cli (&named, "export", example, "--prior", prior, "-o", out, NULL);
    g_assert_cmpint (named.status, ==, 0);
    fiscal_test_run_cli (&bad_prior, "export", example, "--prior", "/nonexistent.fiscal.json", "-o", out, NULL);
    g_assert_cmpint (bad_prior.status, ==, 2);
    g_assert_nonnull (strstr (bad_prior.err, "/nonexistent.fiscal.json"));
  }
  fiscal_test_run_cli (&unwritable, "export", example, "-o", nowhere, NULL);
  g_assert_cmpint (unwritable.status, ==, 2);
  g_assert_nonnull (strstr (unwritable.err, nowhere));

  remove_temp (out);
}

static void
test_cli_csv (void)
{
  g_autoptr(FiscalDocument) doc = fiscal_test_load_example (2025);
  g_autofree char *budget = temp_path ("formula.fiscal.json");
  g_autofree char *dir = g_path_get_dirname (budget);
  g_autofree char *with_bom = g_build_filename (dir, "tables.csv", NULL);
  g_autofree char *without_bom = g_build_filename (dir, "plain.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (budget);
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *plain = NULL;
  g_auto(FiscalCliRun) bom = { 0 };
  g_auto(FiscalCliRun) no_bom = { 0 };
  g_auto(FiscalCliRun) charts = { 0 };
  FiscalProject *project;

  /* A project name a spreadsheet would run as a formula. */
  project = fiscal_document_find_project (doc, "p1");
  g_assert_nonnull (project);
  fiscal_project_set_name (project, "=HYPERLINK(\"x\")");
  fiscal_document_set_prior_path (doc, NULL);
  g_assert_true (fiscal_document_save (doc, file, NULL, &error));
  g_assert_no_error (error);

  fiscal_test_run_cli (&bom, "export", budget, "--format", "csv", "--bom", "-o", with_bom, NULL);
  g_assert_cmpint (bom.status, ==, 0);
  g_assert_true (g_file_get_contents (with_bom, &csv, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF"));
  g_assert_true (g_str_has_prefix (csv + 3, "表1 部门收支总体情况表\r\n"));
  g_assert_nonnull (strstr (csv, "表11 上年结转结余情况明细表"));
  g_assert_nonnull (strstr (csv, ",\"'=HYPERLINK(\"\"x\"\")\","));
  g_assert_null (strstr (csv, ",=HYPERLINK"));
  g_assert_null (strstr (csv, ",\"=HYPERLINK"));

  fiscal_test_run_cli (&no_bom, "export", budget, "-o", without_bom, NULL);
  g_assert_cmpint (no_bom.status, ==, 0);
  g_assert_true (g_file_get_contents (without_bom, &plain, NULL, NULL));
  g_assert_true (g_str_has_prefix (plain, "表1 "));
  g_assert_cmpstr (plain, ==, csv + 3);

  fiscal_test_run_cli (&charts, "export", budget, "--format", "csv", "--charts", "-o", without_bom, NULL);
  g_assert_cmpint (charts.status, ==, 2);

  remove_temp (budget);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export-pdf/example", test_example);
  g_test_add_func ("/export-pdf/continuation", test_continuation);
  g_test_add_func ("/export-pdf/layout", test_layout);
  g_test_add_func ("/export-pdf/blank", test_blank);
  g_test_add_func ("/export-pdf/write-errors", test_write_errors);
  g_test_add_func ("/export-pdf/cli-pdf", test_cli_pdf);
  g_test_add_func ("/export-pdf/cli-csv", test_cli_csv);

  return g_test_run ();
}
