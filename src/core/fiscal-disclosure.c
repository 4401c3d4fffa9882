/* fiscal-disclosure.c
 *
 * Reading a published disclosure into its tables and parts, as published.
 *
 * The text is taken line by line. A table starts at its title (表 N and a
 * name, matched to the national numbering by the keywords of its name
 * first and its number second), ends at the next title or part heading,
 * and its rows are told apart from the repeated headers and page footers by
 * their codes, names and figures. Which column a figure belongs to is
 * decided by the figures of the row: tabs are used when they give exactly
 * the table's columns, else every placement of the figures in order is
 * tried against the sums the table's columns obey (合计 = 基本 + 项目 …).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-disclosure"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <poppler.h>
#include <string.h>

#include "fiscal-disclosure-private.h"
#include "fiscal-document.h"
#include "fiscal-error.h"
#include "fiscal-format-private.h"
#include "fiscal-money.h"
#include "fiscal-pivot.h"

#define MAX_AMOUNTS 16
#define MAX_FORMAT_TABLES 64

struct _FiscalDisclosure
{
  GPtrArray   *lines;          /* char *, as read */
  GPtrArray   *norm;           /* char *, digits and punctuation made ASCII */
  GArray      *pages;          /* guint per line */
  char        *department;
  int          year;
  FiscalFormat *format;        /* the format the tables are published in */
  FiscalTable *published[MAX_FORMAT_TABLES + 1];        /* by the format's numbers */
  gboolean     published_empty[MAX_FORMAT_TABLES + 1];
  FiscalTable *tables[FISCAL_N_TABLES + 1];             /* the national tables, as published or made from the format's */
  gboolean     declared_empty[FISCAL_N_TABLES + 1];
  guint        published_number[FISCAL_N_TABLES + 1];
  GPtrArray   *target_tables;
  guint        part_first[5];
  guint        part_last[5];
  GPtrArray   *projects;
  GPtrArray   *entries;
  gboolean     paged;          /* read from pages (a PDF): lines wrapped at the page's width */
  GPtrArray   *audit_lines;    /* char *: the lines with the narrative's paragraphs whole, or NULL */
};

/* The sums a table's amount columns obey: parent = Σ children. */
typedef struct
{
  int parent;
  int children[17];   /* ended by -1 */
} Relation;

typedef struct
{
  guint           n_relations;
  Relation        relations[8];
  guint           penalty[MAX_AMOUNTS];
} Segment;

void
fiscal_import_entry_free (FiscalImportEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->message);
  g_free (entry->rule);
  g_free (entry);
}

const char *
fiscal_import_severity_to_string (FiscalImportSeverity severity)
{
  switch (severity)
    {
    case FISCAL_IMPORT_INFO:      return "info";
    case FISCAL_IMPORT_INFERENCE: return "inference";
    case FISCAL_IMPORT_WARNING:   return "warning";
    case FISCAL_IMPORT_ERROR:     return "error";
    default:                      return "info";
    }
}

static void
project_free (gpointer data)
{
  FiscalDisclosureProject *p = data;

  g_free (p->name);
  g_free (p->policy_basis);
  g_free (p->owner_unit);
  g_free (p->allocation);
  g_free (p->period);
  g_free (p);
}

void
fiscal_disclosure_free (FiscalDisclosure *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->lines);
  g_ptr_array_unref (self->norm);
  g_array_unref (self->pages);
  g_free (self->department);
  for (guint i = 0; i <= FISCAL_N_TABLES; i++)
    g_clear_object (&self->tables[i]);
  for (guint i = 0; i <= MAX_FORMAT_TABLES; i++)
    g_clear_object (&self->published[i]);
  g_ptr_array_unref (self->target_tables);
  g_ptr_array_unref (self->projects);
  g_ptr_array_unref (self->entries);
  g_clear_pointer (&self->audit_lines, g_ptr_array_unref);
  g_free (self);
}

G_GNUC_PRINTF (4, 5)
static void
note (FiscalDisclosure     *self,
      FiscalImportSeverity  severity,
      guint                 line,
      const char           *format,
      ...)
{
  FiscalImportEntry *entry = g_new0 (FiscalImportEntry, 1);
  va_list args;

  va_start (args, format);
  entry->message = g_strdup_vprintf (format, args);
  va_end (args);
  entry->severity = severity;
  entry->line = line;
  entry->page = line > 0 && line <= self->pages->len ? g_array_index (self->pages, guint, line - 1) : 0;
  g_ptr_array_add (self->entries, entry);
}

/* ---- Text normalisation ------------------------------------------------ */

/* Full-width digits, letters and the punctuation of figures made ASCII;
 * an ideographic or no-break space made a space. Names keep their
 * full-width brackets, as the catalogues write them. */
static char *
normalize_line (const char *line)
{
  GString *out = g_string_sized_new (strlen (line));

  for (const char *p = line; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF10 && c <= 0xFF19)
        g_string_append_c (out, '0' + (c - 0xFF10));
      else if ((c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A))
        g_string_append_c (out, (char) (c - 0xFEE0));
      else if (c == 0xFF0E)
        g_string_append_c (out, '.');
      else if (c == 0xFF05)
        g_string_append_c (out, '%');
      else if (c == 0xFF0D || c == 0x2212)
        g_string_append_c (out, '-');
      else if (c == 0xFF1D)
        g_string_append_c (out, '=');
      else if (c == 0xFF1E)
        g_string_append_c (out, '>');
      else if (c == 0xFF1C)
        g_string_append_c (out, '<');
      else if (c == 0xFF1A)
        g_string_append (out, "：");
      else if (c == 0x3000 || c == 0x00A0 || c == '\r' || c == '\v')
        g_string_append_c (out, ' ');
      else if (c == 0xFF0C && out->len > 0 && g_ascii_isdigit (out->str[out->len - 1]) &&
               g_ascii_isdigit (p[3]))
        g_string_append_c (out, ',');   /* a full-width comma between digits groups thousands */
      else if (c == '(')
        g_string_append (out, "（");
      else if (c == ')')
        g_string_append (out, "）");
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static gboolean
is_blank (const char *s)
{
  for (; *s; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

/* An amount as printed: digits with an optional sign, thousands commas and
 * decimals. */
static gboolean
is_amount (const char *s)
{
  const char *p = s;
  gboolean digits = FALSE;

  if (*p == '-')
    p++;
  for (; *p && (g_ascii_isdigit (*p) || *p == ','); p++)
    digits |= g_ascii_isdigit (*p);
  if (!digits || s[0] == ',')
    return FALSE;
  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  return *p == 0;
}

static gboolean
is_digits (const char *s)
{
  if (*s == 0)
    return FALSE;
  for (; *s; s++)
    if (!g_ascii_isdigit (*s))
      return FALSE;
  return TRUE;
}

/* The fen of an amount printed in @unit_places (0 元, 4 万元, 8 亿元) by
 * moving the decimal point in the text: never through a double. */
static gboolean
parse_amount (const char  *text,
              guint        unit_places,
              gint64      *fen,
              guint       *decimals,
              GError     **error)
{
  GString *digits = g_string_new (NULL);
  g_autofree char *shifted = NULL;
  const char *dot;
  guint n_dec = 0;
  gboolean negative = text[0] == '-';
  gboolean ok;

  for (const char *p = text + negative; *p; p++)
    if (*p != ',')
      g_string_append_c (digits, *p);

  dot = strchr (digits->str, '.');
  if (dot)
    n_dec = strlen (dot + 1);
  if (decimals)
    *decimals = n_dec;

  {
    GString *s = g_string_new (negative ? "-" : "");
    const char *int_part = digits->str;
    gsize int_len = dot ? (gsize) (dot - digits->str) : digits->len;
    const char *frac = dot ? dot + 1 : "";
    gsize frac_len = strlen (frac);

    g_string_append_len (s, int_part, int_len);
    for (guint i = 0; i < unit_places; i++)
      g_string_append_c (s, i < frac_len ? frac[i] : '0');
    if (frac_len > unit_places)
      {
        g_string_append_c (s, '.');
        g_string_append (s, frac + unit_places);
      }
    shifted = g_string_free (s, FALSE);
  }

  g_string_free (digits, TRUE);
  ok = fiscal_money_parse (shifted, fen, error);
  return ok;
}

/* Tokens of a line: by tabs and spaces; a figure run into a label
 * (一般公共服务支出278.87) and a code run into a name (201一般…) are cut
 * apart. */
static GPtrArray *
tokenize (const char *norm)
{
  GPtrArray *tokens = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) words = g_strsplit_set (norm, " \t", -1);

  for (guint i = 0; words[i]; i++)
    {
      char *w = words[i];
      gsize len = strlen (w);
      gsize k;

      if (len == 0)
        continue;

      /* code glued to a name */
      for (k = 0; k < len && g_ascii_isdigit (w[k]); k++)
        ;
      if ((k == 3 || k == 5 || k == 7) && k < len && (guchar) w[k] >= 0x80)
        {
          g_ptr_array_add (tokens, g_strndup (w, k));
          w += k;
          len -= k;
        }

      /* figure glued to a label */
      k = len;
      while (k > 0 && (g_ascii_isdigit (w[k - 1]) || w[k - 1] == '.' || w[k - 1] == ','))
        k--;
      if (k > 0 && k < len && (guchar) w[k - 1] >= 0x80 && is_amount (w + k) &&
          strchr (w + k, '.') != NULL)
        {
          g_ptr_array_add (tokens, g_strndup (w, k));
          g_ptr_array_add (tokens, g_strdup (w + k));
        }
      else
        g_ptr_array_add (tokens, g_strdup (w));
    }

  return tokens;
}

/* Words of a name split by the text extraction are joined again: without
 * a space between Chinese characters, with one where either side is
 * Latin or a figure ("1. 一般公共预算拨款"). */
static void
append_word (GString    *name,
             const char *word)
{
  if (name->len > 0 && ((guchar) name->str[name->len - 1] < 0x80 || (guchar) word[0] < 0x80) &&
      name->str[name->len - 1] != ' ')
    g_string_append_c (name, ' ');
  g_string_append (name, word);
}

/* ---- Tables ------------------------------------------------------------ */

static guint
table_by_name (const char *title)
{
  if (strstr (title, "三公"))
    return 10;
  if (strstr (title, "结转结余") || strstr (title, "上年结转"))
    return 11;
  if (strstr (title, "政府性基金"))
    return 8;
  if (strstr (title, "国有资本"))
    return 9;
  if (strstr (title, "财政拨款收支"))
    return 4;
  if (strstr (title, "项目支出"))
    return 7;
  if (strstr (title, "基本支出"))
    return 6;
  if (strstr (title, "一般公共预算"))
    return 5;
  if (strstr (title, "收入总体") || strstr (title, "收入预算"))
    return 2;
  if (strstr (title, "支出总体") || strstr (title, "支出预算"))
    return 3;
  if (strstr (title, "收支总体") || strstr (title, "收支预算"))
    return 1;
  return 0;
}

static guint
chinese_number (const char *s,
                const char **end)
{
  static const char * const digits[] = { "零", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
  guint value = 0, current = 0;
  gboolean any = FALSE;

  while (*s)
    {
      gboolean matched = FALSE;

      for (guint d = 0; d < 10; d++)
        if (g_str_has_prefix (s, digits[d]))
          {
            current = d;
            s += strlen (digits[d]);
            matched = any = TRUE;
            break;
          }
      if (!matched && g_str_has_prefix (s, "十"))
        {
          value += (current ? current : 1) * 10;
          current = 0;
          s += strlen ("十");
          matched = any = TRUE;
        }
      if (!matched)
        break;
    }

  if (end)
    *end = s;
  return any ? value + current : 0;
}

/* "表 3", "表3：", "表三 …": the number and where the rest starts. */
static gboolean
parse_table_prefix (const char  *norm,
                    guint       *number,
                    const char **rest)
{
  const char *p = norm;

  while (*p == ' ')
    p++;
  if (!g_str_has_prefix (p, "表"))
    return FALSE;
  p += strlen ("表");
  while (*p == ' ')
    p++;
  if (g_ascii_isdigit (*p))
    {
      *number = 0;
      while (g_ascii_isdigit (*p))
        *number = *number * 10 + (*p++ - '0');
    }
  else
    {
      *number = chinese_number (p, &p);
      if (*number == 0)
        return FALSE;
    }
  while (*p == ' ' || g_str_has_prefix (p, "：") || g_str_has_prefix (p, "、") || *p == ':' || *p == '-')
    p += (*p == ' ' || *p == ':' || *p == '-') ? 1 : strlen ("：");
  *rest = p;
  return TRUE;
}

/* “项目支出绩效目标表” or “项目支出绩效目标表（机构运行补助经费）”, the
 * project named in the title. */
static gboolean
is_target_title (const char *text)
{
  const char *open;

  if (g_str_has_suffix (text, "目标表"))
    return TRUE;
  open = strstr (text, "目标表（");
  return open != NULL && g_str_has_suffix (text, "）") && strstr (text, "绩效") != NULL &&
         strstr (open + strlen ("目标表（"), "（") == NULL;
}

static gboolean
looks_like_title (const char *text)
{
  glong len = g_utf8_strlen (text, -1);

  return len >= 4 && len <= 60 &&
         (g_str_has_suffix (text, "情况表") || g_str_has_suffix (text, "明细表") ||
          g_str_has_suffix (text, "预算表") || is_target_title (text)) &&
         strstr (text, "空表") == NULL && strstr (text, "，") == NULL &&
         strstr (text, "。") == NULL && strstr (text, "关于") == NULL;
}

static int
part_heading (const char *norm)
{
  static const char * const parts[] = { "第一部分", "第二部分", "第三部分", "第四部分" };
  const char *p = norm;

  while (*p == ' ')
    p++;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (g_str_has_prefix (p, parts[i]))
      return i + 1;
  return 0;
}

/* What follows “表 N” on the title of a continuation page. */
static gboolean
is_continued (const char *rest)
{
  g_autofree char *s = g_strstrip (g_strdup (rest));

  return g_str_equal (s, "（续）") || g_str_equal (s, "(续)") || g_str_equal (s, "续") ||
         g_str_equal (s, "续表") || g_str_equal (s, "（续表）") || g_str_equal (s, "(续表)");
}

static gboolean
is_page_furniture (const char *norm)
{
  g_autofree char *s = g_strstrip (g_strdup (norm));
  const char *p = s;

  if (*s == 0)
    return TRUE;
  if (g_regex_match_simple ("^[-—– ]*[0-9]+[-—– ]*$", s, 0, 0))
    return TRUE;
  if (g_regex_match_simple ("^第 *[0-9]+ *页( *[，,/]? *共 *[0-9]+ *页)?$", s, 0, 0) ||
      g_regex_match_simple ("^[0-9]+ */ *[0-9]+$", s, 0, 0))
    return TRUE;
  (void) p;
  return FALSE;
}

/* The sums a side of a table obeys, and how seldom each of its columns
 * has a figure: from the format (fiscal-format.c finds the sums from the
 * columns' filters). */
static void
segment_from_sums (Segment     *seg,
                   GArray      *sums,
                   const guint *rarity,
                   guint        n)
{
  memset (seg, 0, sizeof *seg);

  for (guint i = 0; i < sums->len && seg->n_relations < G_N_ELEMENTS (seg->relations); i++)
    {
      const FiscalColumnSum *sum = &g_array_index (sums, FiscalColumnSum, i);
      Relation *r = &seg->relations[seg->n_relations++];
      guint c;

      r->parent = sum->parent;
      for (c = 0; c < sum->n_children && c + 1 < G_N_ELEMENTS (r->children); c++)
        r->children[c] = sum->children[c];
      r->children[c] = -1;
    }
  for (guint i = 0; i < n && i < MAX_AMOUNTS; i++)
    seg->penalty[i] = rarity[i];
}

/* A row whose figures fit several sets of columns: the candidates, best
 * first, to be chosen between by the sums of the rows under a parent. */
typedef struct
{
  guint   row;
  guint   first_cell;
  guint   k;
  guint   line;
  gint64  figures[MAX_AMOUNTS];
  guint   ulp[MAX_AMOUNTS];
  guint   n_candidates;
  guint   chosen;
  int     candidates[32][MAX_AMOUNTS];
} Ambiguity;

typedef struct
{
  guint        number;          /* the format's */
  const FiscalFormatTable *spec;
  FiscalTable *table;
  FiscalTable *shape;           /* the empty pivot, for its columns and fixed rows */
  guint        n_code;          /* code columns */
  gboolean     economic;
  gboolean     has_project;
  guint        n_left;          /* amounts before the label column, or all */
  guint        n_right;         /* amounts after it */
  gboolean     has_label;
  gboolean     has_name;        /* a column for the rows' names */
  Segment      left, right;
  guint        unit_places;
  gboolean     unit_printed;    /* the table prints its unit */
  guint32      total_mask_left; /* columns the total row uses */
  gboolean     have_total;
  GHashTable  *vocabulary;      /* header words */
  gboolean     in_header;
  FiscalTableRow *pending;      /* a row whose label continues */
  GString     *pending_text;    /* code and label waiting for their figures */
  GPtrArray   *ambiguous;       /* Ambiguity: rows whose figures fit more than one set of columns */
  GPtrArray   *last_figures;    /* the figures of the last row, as printed */
  guint        last_line;
  guint        pending_line;
} TableState;

static void
add_vocabulary (GHashTable *vocab,
                const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text, "·  \t", -1);

  for (guint i = 0; parts[i]; i++)
    if (*parts[i])
      g_hash_table_add (vocab, g_strdup (parts[i]));
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

static void
table_state_init (TableState     *st,
                  FiscalDocument *empty,
                  guint           number,
                  const char     *department)
{
  FiscalFormat *format = fiscal_document_get_format (empty);
  guint rarity_left[MAX_AMOUNTS] = { 0 }, rarity_right[MAX_AMOUNTS] = { 0 };
  gboolean after_label = FALSE;

  memset (st, 0, sizeof *st);
  st->number = number;
  st->spec = fiscal_format_find_table (format, number);
  g_assert (st->spec != NULL);
  st->shape = fiscal_pivot_table (empty, number);
  st->table = copy_shape (st->shape, department);
  fiscal_table_set_amount_style (st->table, &st->spec->style);
  st->vocabulary = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* the format's unit until the table prints its own */
  st->unit_places = st->spec->style.divisor == FISCAL_FEN_PER_YUAN ? 0 : 4;
  st->in_header = TRUE;
  st->pending_text = g_string_new (NULL);
  st->ambiguous = g_ptr_array_new_with_free_func (g_free);
  st->last_figures = g_ptr_array_new_with_free_func (g_free);

  for (guint c = 0; c < fiscal_table_get_n_columns (st->shape); c++)
    {
      const FiscalTableColumn *col = fiscal_table_get_column (st->shape, c);

      add_vocabulary (st->vocabulary, col->title);
      switch (col->kind)
        {
        case FISCAL_COLUMN_CODE_1: case FISCAL_COLUMN_CODE_2: case FISCAL_COLUMN_CODE_3:
          st->n_code++;
          break;
        case FISCAL_COLUMN_PROJECT:
          st->has_project = TRUE;
          break;
        case FISCAL_COLUMN_LABEL:
          st->has_label = TRUE;
          after_label = TRUE;
          break;
        case FISCAL_COLUMN_AMOUNT:
          {
            guint rarity = g_array_index (st->spec->columns, FiscalFormatColumn, c).rarity;

            if (after_label && st->n_right < MAX_AMOUNTS)
              rarity_right[st->n_right] = rarity;
            else if (!after_label && st->n_left < MAX_AMOUNTS)
              rarity_left[st->n_left] = rarity;
            *(after_label ? &st->n_right : &st->n_left) += 1;
          }
          break;
        case FISCAL_COLUMN_NAME:
          st->has_name = TRUE;
          break;
        default:
          break;
        }
    }
  st->economic = st->spec->economic;
  for (guint h = 0; h < fiscal_table_get_n_header_cells (st->shape); h++)
    add_vocabulary (st->vocabulary, fiscal_table_get_header_cell (st->shape, h)->text);

  segment_from_sums (&st->left, st->spec->left_sums, rarity_left, st->n_left);
  segment_from_sums (&st->right, st->spec->right_sums, rarity_right, st->n_right);
}

static void
table_state_clear (TableState *st)
{
  g_clear_object (&st->shape);
  g_clear_object (&st->table);
  g_clear_pointer (&st->vocabulary, g_hash_table_unref);
  if (st->pending_text)
    g_string_free (st->pending_text, TRUE);
  st->pending_text = NULL;
  g_clear_pointer (&st->ambiguous, g_ptr_array_unref);
  g_clear_pointer (&st->last_figures, g_ptr_array_unref);
}

static gint64
tolerance (const gint64 *values,
           const guint  *ulp,
           const Relation *r)
{
  gint64 tol = values[r->parent] != 0 ? ulp[r->parent] / 2 : 0;

  for (guint i = 0; r->children[i] >= 0; i++)
    if (values[r->children[i]] != 0)
      fiscal_money_accumulate (&tol, ulp[r->children[i]] / 2);
  return tol;
}

static guint
violations (const Segment *seg,
            const gint64  *values,
            const guint   *ulp)
{
  guint n = 0;

  for (guint i = 0; i < seg->n_relations; i++)
    {
      const Relation *r = &seg->relations[i];
      gint64 sum = 0, diff;

      for (guint c = 0; r->children[c] >= 0; c++)
        fiscal_money_accumulate (&sum, values[r->children[c]]);
      diff = fiscal_money_sub_clamped (values[r->parent], sum);
      if (diff < 0)
        diff = -diff;
      if (diff > tolerance (values, ulp, r))
        n++;
    }
  return n;
}

/* Places @k figures, in order, into @n columns so that the sums hold,
 * preferring the usual columns. Returns the number of sums broken; @ties
 * says whether more than one placement was equally good. */
static guint
fit_figures (const Segment *seg,
             guint          n,
             const gint64  *figures,
             const guint   *figure_ulp,
             guint          k,
             guint32        usual,
             int           *placement,
             gboolean      *ties,
             Ambiguity     *fits)
{
  int idx[MAX_AMOUNTS];
  guint best_viol = G_MAXUINT, best_pen = G_MAXUINT;
  guint fit_pen[32];

  *ties = FALSE;
  if (k > n || n > MAX_AMOUNTS)
    return G_MAXUINT;

  for (guint i = 0; i < k; i++)
    idx[i] = i;

  for (;;)
    {
      gint64 values[MAX_AMOUNTS] = { 0 };
      guint ulp[MAX_AMOUNTS] = { 0 };
      guint viol, pen = 0;

      for (guint i = 0; i < k; i++)
        {
          values[idx[i]] = figures[i];
          ulp[idx[i]] = figure_ulp[i];
          pen += seg->penalty[idx[i]];
          if (usual != 0 && !(usual & (1u << idx[i])))
            pen += 4;
        }
      viol = violations (seg, values, ulp);
      if (viol == 0 && fits != NULL)
        {
          /* kept in order of preference */
          guint at = fits->n_candidates;

          while (at > 0 && fit_pen[at - 1] > pen)
            at--;
          if (at < G_N_ELEMENTS (fits->candidates))
            {
              guint last = MIN (fits->n_candidates, G_N_ELEMENTS (fits->candidates) - 1);

              for (guint j = last; j > at; j--)
                {
                  memcpy (fits->candidates[j], fits->candidates[j - 1], sizeof fits->candidates[0]);
                  fit_pen[j] = fit_pen[j - 1];
                }
              for (guint i = 0; i < k; i++)
                fits->candidates[at][i] = idx[i];
              fit_pen[at] = pen;
              if (fits->n_candidates < G_N_ELEMENTS (fits->candidates))
                fits->n_candidates++;
            }
        }
      if (viol < best_viol || (viol == best_viol && pen < best_pen))
        {
          best_viol = viol;
          best_pen = pen;
          *ties = FALSE;
          for (guint i = 0; i < k; i++)
            placement[i] = idx[i];
        }
      else if (viol == best_viol && pen == best_pen)
        *ties = TRUE;

      /* next combination */
      {
        int i = (int) k - 1;

        while (i >= 0 && idx[i] == (int) (n - k + i))
          i--;
        if (i < 0)
          break;
        idx[i]++;
        for (guint j = i + 1; j < k; j++)
          idx[j] = idx[j - 1] + 1;
      }
    }

  return best_viol;
}

static guint
unit_ulp (guint unit_places,
          guint decimals)
{
  guint64 fen = 100;

  for (guint i = 0; i < unit_places; i++)
    fen *= 10;
  for (guint i = 0; i < decimals && fen > 1; i++)
    fen /= 10;
  return (guint) MIN (fen, G_MAXUINT);
}

/* Reads figures from @tokens[*pos…] into the amount cells of a segment. */
static void
read_segment (FiscalDisclosure *self,
              TableState       *st,
              FiscalTableRow   *row,
              guint             first_cell,
              guint             n_cells,
              const Segment    *seg,
              GPtrArray        *figure_tokens,
              gboolean          is_total,
              guint32          *mask,
              guint             line)
{
  gint64 figures[MAX_AMOUNTS];
  guint ulp[MAX_AMOUNTS];
  int placement[MAX_AMOUNTS];
  guint k = 0;
  gboolean ties;
  guint viol;
  Ambiguity *fits;

  for (guint i = 0; i < figure_tokens->len; i++)
    {
      const char *tok = g_ptr_array_index (figure_tokens, i);
      g_autoptr(GError) error = NULL;
      guint decimals = 0;
      gint64 fen = 0;

      if (k >= MAX_AMOUNTS)
        break;
      if (!parse_amount (tok, st->unit_places, &fen, &decimals, &error))
        {
          note (self, FISCAL_IMPORT_WARNING, line, _("表 %u: the figure “%s” cannot be read (%s); taken as 0"),
                st->number, tok, error->message);
          fen = 0;
        }
      figures[k] = fen;
      ulp[k] = unit_ulp (st->unit_places, decimals);
      k++;
    }

  if (k == 0)
    return;

  if (k > n_cells)
    {
      note (self, FISCAL_IMPORT_WARNING, line,
            _("表 %u: the row has %u figures but the table has %u amount columns; the row is left out"),
            st->number, k, n_cells);
      return;
    }

  fits = g_new0 (Ambiguity, 1);
  viol = fit_figures (seg, n_cells, figures, ulp, k, is_total ? 0 : (mask ? *mask : 0), placement, &ties, fits);
  if (fits->n_candidates > 1 && st->ambiguous != NULL)
    {
      fits->row = fiscal_table_get_n_rows (st->table) - 1;
      fits->first_cell = first_cell;
      fits->k = k;
      fits->line = line;
      memcpy (fits->figures, figures, sizeof figures);
      memcpy (fits->ulp, ulp, sizeof ulp);
      g_ptr_array_add (st->ambiguous, fits);
    }
  else
    g_free (fits);
  if (viol > 0 && viol != G_MAXUINT)
    note (self, FISCAL_IMPORT_WARNING, line,
          _("表 %u: the figures of the row do not fit its columns (%u sums broken); they are placed as best they fit"),
          st->number, viol);
  else if (ties && k < n_cells && seg->n_relations > 0 && st->n_code == 0 && !(st->has_label && first_cell > 0))
    note (self, FISCAL_IMPORT_INFERENCE, line,
          _("表 %u: the figures of the row fit more than one set of columns; the usual columns are taken"),
          st->number);

  for (guint i = 0; i < k; i++)
    {
      fiscal_table_row_set_amount (row, first_cell + placement[i], figures[i]);
      if (is_total && mask)
        *mask |= 1u << placement[i];
    }
}

/* Tabs that give exactly one field per column are trusted. */
static gboolean
read_by_tabs (FiscalDisclosure *self,
              TableState       *st,
              const char       *norm,
              guint             line)
{
  g_auto(GStrv) fields = g_strsplit (norm, "\t", -1);
  guint n_fields = g_strv_length (fields);
  guint n_columns = fiscal_table_get_n_columns (st->table);
  GString *code = g_string_new (NULL);
  g_autofree char *name = NULL;
  g_autofree char *project = NULL;
  FiscalTableRow *row;
  guint cell = 0;

  if (strchr (norm, '\t') == NULL)
    {
      g_string_free (code, TRUE);
      return FALSE;
    }

  while (n_fields > n_columns && is_blank (fields[n_fields - 1]))
    n_fields--;
  if (n_fields != n_columns && !(n_fields < n_columns && n_fields > st->n_code + 1))
    {
      g_string_free (code, TRUE);
      return FALSE;
    }

  /* every field must be of its column's kind */
  for (guint c = 0; c < n_fields; c++)
    {
      const FiscalTableColumn *col = fiscal_table_get_column (st->table, c);
      g_autofree char *f = g_strstrip (g_strdup (fields[c]));

      if ((col->kind == FISCAL_COLUMN_AMOUNT && *f && !is_amount (f)) ||
          (col->kind <= FISCAL_COLUMN_CODE_3 && *f && !is_digits (f)) ||
          (col->kind == FISCAL_COLUMN_NAME && is_amount (f) && *f))
        {
          g_string_free (code, TRUE);
          return FALSE;
        }
    }

  for (guint c = 0; c < n_fields; c++)
    {
      const FiscalTableColumn *col = fiscal_table_get_column (st->table, c);
      g_autofree char *f = g_strstrip (g_strdup (fields[c]));

      if (col->kind <= FISCAL_COLUMN_CODE_3)
        g_string_append (code, f);
      else if (col->kind == FISCAL_COLUMN_NAME)
        name = g_strdup (f);
      else if (col->kind == FISCAL_COLUMN_PROJECT)
        project = g_strdup (f);
    }

  /* a label printed above its figures (and codes), waiting for them */
  if (name != NULL && *name == 0 && st->pending_text->len > 0 && st->pending_text->str[0] == '\x1f' &&
      n_fields == n_columns)
    {
      g_free (name);
      name = g_strdup (st->pending_text->str + 1);
      g_string_truncate (st->pending_text, 0);
      note (self, FISCAL_IMPORT_INFO, line, _("表 %u: the label “%s” runs over two lines; joined"),
            st->number, name);
    }

  if (name == NULL || (*name == 0 && code->len == 0))
    {
      g_string_free (code, TRUE);
      return FALSE;
    }

  {
    guint level = code->len == 3 ? 1 : code->len == 5 ? 2 : code->len == 7 ? 3 : 0;
    row = fiscal_table_add_row (st->table, code->str, name, level);
  }
  row->source_line = line;
  if (st->has_project)
    fiscal_table_row_set_project (row, project && *project ? project : NULL);

  for (guint c = 0; c < n_fields; c++)
    {
      const FiscalTableColumn *col = fiscal_table_get_column (st->table, c);
      g_autofree char *f = g_strstrip (g_strdup (fields[c]));

      if (col->kind == FISCAL_COLUMN_LABEL)
        fiscal_table_row_set_label (row, cell++, f);
      else if (col->kind == FISCAL_COLUMN_AMOUNT)
        {
          g_autoptr(GError) error = NULL;
          gint64 fen = 0;

          if (*f && !parse_amount (f, st->unit_places, &fen, NULL, &error))
            {
              note (self, FISCAL_IMPORT_WARNING, line, _("表 %u: the figure “%s” cannot be read (%s); taken as 0"),
                    st->number, f, error->message);
              fen = 0;
            }
          fiscal_table_row_set_amount (row, cell++, fen);
        }
    }

  /* the sums of the row, as a check */
  {
    gint64 values[MAX_AMOUNTS] = { 0 };
    guint ulp[MAX_AMOUNTS];
    guint n = 0;

    for (guint c = 0; c < row->n_cells && n < MAX_AMOUNTS; c++)
      if (row->cells[c].text == NULL)
        {
          values[n] = row->cells[c].amount;
          ulp[n] = unit_ulp (st->unit_places, 2);
          n++;
        }
    if (!st->has_label && violations (&st->left, values, ulp) > 0)
      note (self, FISCAL_IMPORT_WARNING, line, _("表 %u: the figures of row “%s %s” do not add up across its columns"),
            st->number, code->str, name);
  }

  g_string_free (code, TRUE);
  return TRUE;
}

static gboolean
is_header_line (TableState *st,
                GPtrArray  *tokens)
{
  guint n_numbers = 0, expect = 1;
  gboolean star = FALSE;

  for (guint i = 0; i < tokens->len; i++)
    {
      const char *t = g_ptr_array_index (tokens, i);

      if (g_str_equal (t, "※"))
        star = TRUE;
      else if (is_digits (t) && strlen (t) <= 2 && (guint) atoi (t) == expect)
        {
          n_numbers++;
          expect++;
        }
      else if (!g_hash_table_contains (st->vocabulary, t))
        {
          /* a word of a header cell wrapped over lines: in the header
           * while no figure and no code has come */
          if (is_amount (t) || !st->in_header)
            return FALSE;
        }
    }
  return star || n_numbers == 0 || n_numbers >= 3;
}

/* A line of header words only, at least two or one long one, and no
 * figure: the header a table repeats over a new page. */
static gboolean
is_repeated_header (TableState *st,
                    GPtrArray  *tokens)
{
  if (tokens->len == 0)
    return FALSE;
  for (guint i = 0; i < tokens->len; i++)
    if (!g_hash_table_contains (st->vocabulary, g_ptr_array_index (tokens, i)))
      return FALSE;
  return tokens->len >= 2 || g_utf8_strlen (g_ptr_array_index (tokens, 0), -1) >= 4;
}

static gboolean
is_code_token (TableState *st,
               const char *t)
{
  gsize len = strlen (t);

  if (!is_digits (t))
    return FALSE;
  if (st->economic)
    return len == 3 || len == 2 || len == 5;
  return len == 3 || len == 2 || len == 5 || len == 7;
}

static Ambiguity *find_ambiguity (TableState *st,
                                  guint       row);

/* Whether the next line after @line that is not page furniture has
 * figures and, before them, codes only: the middle line of a row whose
 * label is wrapped around its figures (“昌吉…驻北京” / “60.00 59.70” /
 * “联络处”), as a cell centred vertically prints it. */
static gboolean
next_is_nameless_row (FiscalDisclosure *self,
                      TableState       *st,
                      guint             line)
{
  for (guint i = line; i < self->norm->len; i++)
    {
      const char *norm = g_ptr_array_index (self->norm, i);
      g_autoptr(GPtrArray) tokens = NULL;
      gboolean figures = FALSE;

      if (is_page_furniture (norm))
        continue;
      tokens = tokenize (norm);
      for (guint t = 0; t < tokens->len; t++)
        {
          const char *word = g_ptr_array_index (tokens, t);

          if (is_amount (word) && strchr (word, '.'))
            figures = TRUE;
          else if (figures || !is_code_token (st, word))
            return FALSE;
        }
      return figures;
    }
  return FALSE;
}

/* A data row of a table with codes (表 2, 3, 5–9, 11). Returns FALSE when
 * the line is not a row. */
static gboolean
read_code_row (FiscalDisclosure *self,
               TableState       *st,
               const char       *department,
               GPtrArray        *tokens,
               guint             line)
{
  GString *code = g_string_new (NULL);
  GString *name = g_string_new (NULL);
  g_autoptr(GPtrArray) figures = g_ptr_array_new ();
  g_autofree char *project = NULL;
  FiscalTableRow *row;
  guint i = 0, level;

  /* codes: only before the first word */
  if (st->n_code > 0)
    while (i < tokens->len && is_code_token (st, g_ptr_array_index (tokens, i)) &&
           !(code->len > 0 && strlen (g_ptr_array_index (tokens, i)) != 2))
      g_string_append (code, g_ptr_array_index (tokens, i++));

  for (; i < tokens->len; i++)
    {
      const char *t = g_ptr_array_index (tokens, i);

      if (is_amount (t) && (strchr (t, '.') || figures->len > 0 || name->len > 0))
        g_ptr_array_add (figures, (gpointer) t);
      else if (figures->len == 0)
        {
          if (st->has_project && name->len > 0 && code->len == 7)
            {
              char *joined = project ? g_strconcat (project, t, NULL) : g_strdup (t);
              g_free (project);
              project = joined;
            }
          else
            append_word (name, t);
        }
      else
        {
          /* words after figures: not a row of this table */
          g_string_free (code, TRUE);
          g_string_free (name, TRUE);
          return FALSE;
        }
    }

  /* figures alone on a line: the rest of the row above, which the text
   * extraction broke at a wide gap */
  if (code->len == 0 && name->len == 0 && figures->len > 0 && st->pending_text->len == 0 &&
      fiscal_table_get_n_rows (st->table) > 0 && st->last_line > 0 && line - st->last_line <= 3 &&
      st->last_figures->len + figures->len <= st->n_left)
    {
      FiscalTableRow *last = (FiscalTableRow *) fiscal_table_get_row (st->table, fiscal_table_get_n_rows (st->table) - 1);
      g_autoptr(GPtrArray) all = g_ptr_array_new ();
      Ambiguity *old = find_ambiguity (st, fiscal_table_get_n_rows (st->table) - 1);

      if (old)
        g_ptr_array_remove (st->ambiguous, old);
      for (guint f = 0; f < st->last_figures->len; f++)
        g_ptr_array_add (all, g_ptr_array_index (st->last_figures, f));
      for (guint f = 0; f < figures->len; f++)
        {
          g_ptr_array_add (all, g_ptr_array_index (figures, f));
          g_ptr_array_add (st->last_figures, g_strdup (g_ptr_array_index (figures, f)));
        }
      for (guint c = 0; c < st->n_left; c++)
        fiscal_table_row_set_amount (last, c, 0);
      /* the warnings of the first reading no longer hold */
      while (self->entries->len > 0 &&
             ((FiscalImportEntry *) g_ptr_array_index (self->entries, self->entries->len - 1))->line == st->last_line &&
             ((FiscalImportEntry *) g_ptr_array_index (self->entries, self->entries->len - 1))->severity == FISCAL_IMPORT_WARNING)
        g_ptr_array_remove_index (self->entries, self->entries->len - 1);
      if (last->level == 0 && fiscal_table_get_n_rows (st->table) == 1)
        st->total_mask_left = 0;
      read_segment (self, st, last, 0, st->n_left, &st->left, all,
                    last->level == 0 && fiscal_table_get_n_rows (st->table) == 1, &st->total_mask_left, st->last_line);
      st->last_line = line;
      g_string_free (code, TRUE);
      g_string_free (name, TRUE);
      return TRUE;
    }

  /* a label still waiting for its figures (and, printed above them, for
   * its codes) */
  if (st->pending_text->len > 0 && figures->len > 0 &&
      (code->len == 0 || (name->len == 0 && g_str_has_prefix (st->pending_text->str, "\x1f"))))
    {
      g_autofree char *head = g_string_free (g_string_new (st->pending_text->str), FALSE);
      g_auto(GStrv) parts = g_strsplit (head, "\x1f", 2);

      g_string_prepend (name, parts[1] ? parts[1] : "");
      g_string_append (code, parts[0]);
      g_string_truncate (st->pending_text, 0);
      note (self, FISCAL_IMPORT_INFO, line, _("表 %u: the label “%s” runs over two lines; joined"),
            st->number, name->str);
    }
  else if (st->pending_text->len > 0)
    {
      note (self, FISCAL_IMPORT_WARNING, st->pending_line,
            _("表 %u: a row without figures (%s) is left out"), st->number, st->pending_text->str);
      g_string_truncate (st->pending_text, 0);
    }

  if (name->len == 0 && code->len == 0)
    {
      g_string_free (code, TRUE);
      g_string_free (name, TRUE);
      return figures->len == 0;
    }

  if (figures->len == 0)
    {
      if (code->len > 0 || g_str_equal (name->str, "总计") || g_str_equal (name->str, "合计") ||
          next_is_nameless_row (self, st, line))
        {
          /* the label goes on: keep it for the next line's figures */
          g_string_printf (st->pending_text, "%s\x1f%s", code->str, name->str);
          st->pending_line = line;
          g_string_free (code, TRUE);
          g_string_free (name, TRUE);
          return TRUE;
        }
      /* the end of a wrapped label: add it to the row above */
      if (fiscal_table_get_n_rows (st->table) > 0 && g_utf8_strlen (name->str, -1) <= 20 && st->pending == NULL)
        {
          FiscalTableRow *last = (FiscalTableRow *) fiscal_table_get_row (st->table, fiscal_table_get_n_rows (st->table) - 1);

          if (last->source_line + 1 >= line - 1)
            {
              char *joined;

              if (st->has_project && last->level == 3 && last->project)
                {
                  joined = g_strconcat (last->project, name->str, NULL);
                  fiscal_table_row_set_project (last, joined);
                  g_free (joined);
                }
              else
                {
                  joined = g_strconcat (last->name, name->str, NULL);
                  fiscal_table_row_set_name (last, joined);
                  g_free (joined);
                }
              note (self, FISCAL_IMPORT_INFO, line, _("表 %u: the label “%s” runs over two lines; joined"),
                    st->number, st->has_project && last->project ? last->project : last->name);
              g_string_free (code, TRUE);
              g_string_free (name, TRUE);
              return TRUE;
            }
        }
      g_string_free (code, TRUE);
      g_string_free (name, TRUE);
      return FALSE;
    }

  if (code->len != 0 && code->len != 3 && code->len != 5 && code->len != 7)
    note (self, FISCAL_IMPORT_WARNING, line, _("表 %u: the code “%s” is not a 类, 款 or 项 code"),
          st->number, code->str);
  level = code->len == 3 ? 1 : code->len == 5 ? 2 : code->len == 7 ? 3 : 0;

  /* 表 7 without tabs: the project follows the function name; the
   * name is told by a project row being one level-3 code with two words. */
  row = fiscal_table_add_row (st->table, code->str, name->str, level);
  row->source_line = line;
  if (st->has_project)
    fiscal_table_row_set_project (row, project);

  read_segment (self, st, row, 0, st->n_left, &st->left, figures, level == 0 && !st->have_total,
                &st->total_mask_left, line);
  if (level == 0 && !st->have_total)
    st->have_total = TRUE;

  g_ptr_array_set_size (st->last_figures, 0);
  for (guint f = 0; f < figures->len; f++)
    g_ptr_array_add (st->last_figures, g_strdup (g_ptr_array_index (figures, f)));
  st->last_line = line;

  g_string_free (code, TRUE);
  g_string_free (name, TRUE);
  (void) department;
  return TRUE;
}

/* Whether @t begins the label of a 类 on the right of a balance: its
 * code (“201”) or its ordinal (“三、卫生健康支出”). */
static gboolean
starts_class_label (const char *t,
                    const char *next)
{
  const char *rest = NULL;

  if (is_digits (t) && strlen (t) == 3)
    return next != NULL && !is_amount (next);
  if (chinese_number (t, &rest) > 0 && g_str_has_prefix (rest, "、"))
    return TRUE;
  return FALSE;
}

/* Whether @t begins one of the fixed rows of @st (an income item). */
static gboolean
starts_fixed_row (TableState *st,
                  const char *t)
{
  for (guint r = 0; r < fiscal_table_get_n_rows (st->shape); r++)
    {
      const FiscalTableRow *row = fiscal_table_get_row (st->shape, r);

      if (*row->name && (g_str_has_prefix (row->name, t) || g_str_has_prefix (t, row->name)))
        return TRUE;
    }
  return FALSE;
}

/* A row of a balance (item, amount, 类, amounts; either side may be
 * missing) or of a table of fixed rows (item, amounts; a table without a
 * name column prints its figures alone). */
static gboolean
read_item_row (FiscalDisclosure *self,
               TableState       *st,
               GPtrArray        *tokens,
               guint             line)
{
  GString *name = g_string_new (NULL);
  GString *label = g_string_new (NULL);
  g_autoptr(GPtrArray) left = g_ptr_array_new ();
  g_autoptr(GPtrArray) right = g_ptr_array_new ();
  FiscalTableRow *row;
  guint i = 0;
  int stage = 0;   /* 0 name, 1 left figures, 2 label, 3 right figures */

  for (; i < tokens->len; i++)
    {
      const char *t = g_ptr_array_index (tokens, i);
      const char *next = i + 1 < tokens->len ? g_ptr_array_index (tokens, i + 1) : NULL;
      gboolean code = st->has_label && is_digits (t) && strlen (t) == 3 && next && !is_amount (next);

      /* the 类 after an income item without a figure, or a row with no
       * income item */
      if (st->has_label && stage == 0 && starts_class_label (t, next) &&
          (name->len > 0 || !starts_fixed_row (st, t)))
        code = TRUE;

      if (code || (stage >= 1 && stage < 2 && !is_amount (t)))
        {
          if (!st->has_label)
            break;
          stage = 2;
          append_word (label, t);
          if (code)
            g_string_append_c (label, ' ');
          continue;
        }
      if (is_amount (t) && (strchr (t, '.') || stage == 1 || stage == 3 || name->len > 0 || label->len > 0))
        {
          if (stage <= 1)
            {
              stage = 1;
              g_ptr_array_add (left, (gpointer) t);
            }
          else
            {
              stage = 3;
              g_ptr_array_add (right, (gpointer) t);
            }
          continue;
        }
      if (stage == 0)
        append_word (name, t);
      else if (stage == 2)
        append_word (label, t);
      else
        break;
    }

  /* a table without a name column: the figures are its next fixed row's */
  if (!st->has_name && name->len == 0 && label->len == 0 && left->len > 0 &&
      fiscal_table_get_n_rows (st->table) < fiscal_table_get_n_rows (st->shape))
    g_string_append (name, fiscal_table_get_row (st->shape, fiscal_table_get_n_rows (st->table))->name);

  if (i < tokens->len || (name->len == 0 && label->len == 0 && st->has_name))
    {
      g_string_free (name, TRUE);
      g_string_free (label, TRUE);
      return FALSE;
    }

  row = fiscal_table_add_row (st->table, "", name->str, 0);
  row->source_line = line;
  if (st->has_label)
    {
      fiscal_table_row_set_label (row, st->n_left, g_strstrip (label->str));
      read_segment (self, st, row, 0, st->n_left, &st->left, left, FALSE, NULL, line);
      read_segment (self, st, row, st->n_left + 1, st->n_right, &st->right, right, FALSE, NULL, line);
    }
  else
    read_segment (self, st, row, 0, st->n_left, &st->left, left, FALSE, NULL, line);

  g_string_free (name, TRUE);
  g_string_free (label, TRUE);
  return TRUE;
}

static gboolean
starts_item_row (TableState *st,
                 GPtrArray  *tokens)
{
  const char *first;

  if (tokens->len == 0)
    return FALSE;
  first = g_ptr_array_index (tokens, 0);

  /* a row of figures alone, in a table without a name column */
  if (!st->has_name)
    {
      for (guint i = 0; i < tokens->len; i++)
        if (!is_amount (g_ptr_array_index (tokens, i)))
          return FALSE;
      return TRUE;
    }

  /* a row that begins with its 类, right of a balance */
  if (st->has_label && starts_class_label (first, tokens->len > 1 ? g_ptr_array_index (tokens, 1) : NULL))
    return TRUE;

  /* a table without fixed rows (表 11): any row with a name and figures */
  if (fiscal_table_get_n_rows (st->shape) == 0)
    return (!is_amount (first) || (is_digits (first) && tokens->len > 2 &&
                                   !is_amount (g_ptr_array_index (tokens, 1)))) &&
           tokens->len > 1 && is_amount (g_ptr_array_index (tokens, tokens->len - 1));
  for (guint r = 0; r < fiscal_table_get_n_rows (st->shape); r++)
    {
      const FiscalTableRow *row = fiscal_table_get_row (st->shape, r);

      if (*row->name && (g_str_has_prefix (row->name, first) || g_str_has_prefix (first, row->name)))
        return TRUE;
      if (st->has_label && row->n_cells > st->n_left && row->cells[st->n_left].text &&
          g_str_has_prefix (row->cells[st->n_left].text, first))
        return TRUE;
    }
  return FALSE;
}

/* ---- Target tables ----------------------------------------------------- */

/* Spaces inside a cell of a wrapped target table go, except between a
 * figure and its unit ("=3570 .91 平 方米" → "=3570.91 平方米"). */
static char *
squeeze_cell (const char *text)
{
  GString *out = g_string_new (NULL);
  const char *p = text;

  while (*p == ' ')
    p++;
  for (; *p; p++)
    {
      if (*p == ' ')
        {
          const char *q = p;
          char prev = out->len ? out->str[out->len - 1] : 0;

          while (*q == ' ')
            q++;
          if (*q == 0)
            break;
          if ((g_ascii_isdigit (prev) || prev == '%') && (guchar) *q >= 0x80)
            g_string_append_c (out, ' ');
          p = q - 1;
          continue;
        }
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

typedef struct
{
  FiscalTable *table;
  gboolean     project;
  guint        n_columns;
  gboolean     in_rows;
  GString     *meta;       /* the lines above the indicator rows */
  char        *level1;
  char        *level2;
  char        *title_name; /* the project named in the title, or NULL */
  char        *fragment;   /* a cell's first part printed above its row */
  FiscalTableRow *fragment_row; /* the row the line before completed, for its cell's last part */
  guint        fragment_column;
} TargetState;

static const char * const meta_labels[] = {
  "项目名称", "项目负责人", "联系电话", "主管部门", "实施单位", "预算单位", "项目属性", "项目期", NULL
};

/* The labels that start a row of a target table's head: a wrapped value
 * goes on up to the next of them. */
static const char * const row_labels[] = {
  "部门名称", "部门联系人", "年度绩效目标", "项目总体目标", "年度预算", "项目资金", "资金来源",
  "一级指标", NULL
};

static gboolean
starts_with_label (const char *line)
{
  for (guint i = 0; meta_labels[i]; i++)
    if (g_str_has_prefix (line, meta_labels[i]))
      return TRUE;
  for (guint i = 0; row_labels[i]; i++)
    if (g_str_has_prefix (line, row_labels[i]))
      return TRUE;
  return FALSE;
}

/**
 * fiscal_disclosure_meta_field:
 * @meta: the lines above a target table's indicators
 *   (fiscal_disclosure_target_lines())
 *
 * The first field after @label on its line: up to the next tab, or without
 * tabs (a PDF's blanks) up to the next label of the same line; a value on a
 * line without tabs goes on over the lines after it that have no label of
 * their own (“：”), as a page's width wraps a long goal.
 *
 * Returns: (transfer full) (nullable): the value, or %NULL
 */
char *
fiscal_disclosure_meta_field (const char *meta,
                              const char *label)
{
  const char *p = strstr (meta, label);
  const char *end;
  g_autofree char *line = NULL;
  g_auto(GStrv) fields = NULL;
  gboolean tabs;
  char *value = NULL;

  if (p == NULL)
    return NULL;
  p += strlen (label);
  while (*p == ' ' || *p == ':')
    p++;
  if (g_str_has_prefix (p, "："))
    p += strlen ("：");
  end = strchr (p, '\n');
  line = g_strndup (p, end ? (gsize) (end - p) : strlen (p));
  tabs = strchr (line, '\t') != NULL;
  for (guint i = 0; meta_labels[i]; i++)
    {
      char *next = strstr (line, meta_labels[i]);

      if (next != NULL)
        *next = '\0';
    }
  fields = g_strsplit_set (line, "\t", -1);
  for (guint i = 0; fields[i] && value == NULL; i++)
    {
      g_strstrip (fields[i]);
      if (*fields[i])
        value = g_strdup (fields[i]);
    }
  if (value == NULL || tabs)
    return value;

  while (end != NULL)
    {
      const char *next = end + 1;
      g_autofree char *more = NULL;

      end = strchr (next, '\n');
      more = g_strstrip (g_strndup (next, end ? (gsize) (end - next) : strlen (next)));
      if (*more == 0 || strchr (more, '\t') || strstr (more, "：") || strchr (more, ':') ||
          g_str_has_prefix (more, "（") || g_str_has_prefix (more, "(") || starts_with_label (more))
        break;
      {
        char *joined = g_strconcat (value, more, NULL);
        g_free (value);
        value = joined;
      }
    }
  return value;
}

static void
target_state_close (FiscalDisclosure *self,
                    TargetState      *ts)
{
  static const char * const department_funds[] = { "本级安排", "上级安排", "其他资金", NULL };
  static const char * const project_funds[] = { "年度预算总额", "财政拨款", "其他资金", NULL };
  const char * const *funds;
  g_autofree char *goal = NULL;
  g_autofree char *name = NULL;
  GString *note;

  if (ts->table == NULL)
    return;

  /* shaped as fiscal_targets_to_table() shapes it: the title names the
   * project, the note gives the goal and the stated funds; the lines as
   * published are kept beside */
  funds = ts->project ? project_funds : department_funds;
  goal = fiscal_disclosure_meta_field (ts->meta->str, ts->project ? "项目总体目标" : "年度绩效目标");
  note = g_string_new (NULL);
  g_string_append_printf (note, "%s：%s\n%s：", ts->project ? "项目总体目标" : "年度绩效目标", goal ? goal : "",
                          ts->project ? "项目资金（万元）" : "年度预算（万元）");
  for (guint f = 0; funds[f]; f++)
    {
      g_autofree char *pattern = g_strdup_printf ("%s[^0-9\\n]*([0-9][0-9,]*(\\.[0-9]+)?)", funds[f]);
      g_autoptr(GRegex) re = g_regex_new (pattern, 0, 0, NULL);
      g_autoptr(GMatchInfo) info = NULL;
      gint64 fen = 0;

      if (re && g_regex_match (re, ts->meta->str, 0, &info))
        {
          g_autofree char *figure = g_match_info_fetch (info, 1);
          if (!parse_amount (figure, 4, &fen, NULL, NULL))
            fen = 0;
        }
      {
        g_autofree char *amount = fiscal_money_format_wan (fen);
        g_string_append_printf (note, "%s%s %s", f > 0 ? "；" : "", funds[f], amount);
      }
    }
  fiscal_table_set_note (ts->table, note->str);
  g_string_free (note, TRUE);

  if (ts->project && (name = fiscal_disclosure_meta_field (ts->meta->str, "项目名称")) == NULL && ts->title_name)
    name = g_strdup (ts->title_name);
  if (ts->project && name != NULL)
    {
      g_autofree char *title = g_strdup_printf ("项目支出绩效目标表（%s）", name);
      FiscalTable *titled = fiscal_table_new (0, title);

      /* the title is set at creation: the rows move to a table titled so */
      fiscal_table_set_department (titled, fiscal_table_get_department (ts->table));
      fiscal_table_set_note (titled, fiscal_table_get_note (ts->table));
      fiscal_table_set_source_line (titled, fiscal_table_get_source_line (ts->table));
      for (guint c = 0; c < fiscal_table_get_n_columns (ts->table); c++)
        {
          fiscal_table_add_column (titled, FISCAL_COLUMN_LABEL, fiscal_table_get_column (ts->table, c)->title);
          fiscal_table_add_header (titled, 0, c, 1, 1, fiscal_table_get_column (ts->table, c)->title);
        }
      for (guint r = 0; r < fiscal_table_get_n_rows (ts->table); r++)
        {
          const FiscalTableRow *row = fiscal_table_get_row (ts->table, r);
          FiscalTableRow *copy = fiscal_table_add_row (titled, row->code, row->name, row->level);

          copy->source_line = row->source_line;
          for (guint c = 0; c < row->n_cells; c++)
            fiscal_table_row_set_label (copy, c, row->cells[c].text);
        }
      g_object_unref (ts->table);
      ts->table = titled;
    }

  g_object_set_data_full (G_OBJECT (ts->table), "fiscal-published-lines", g_strdup (ts->meta->str), g_free);
  g_ptr_array_add (self->target_tables, ts->table);
  ts->table = NULL;
  g_string_free (ts->meta, TRUE);
  g_clear_pointer (&ts->level1, g_free);
  g_clear_pointer (&ts->level2, g_free);
  g_clear_pointer (&ts->title_name, g_free);
  g_clear_pointer (&ts->fragment, g_free);
  ts->fragment_row = NULL;
}

static void
target_state_open (FiscalDisclosure *self,
                   TargetState      *ts,
                   const char       *title,
                   guint             line)
{
  static const char * const department_columns[] = {
    "一级指标", "二级指标", "三级指标", "指标值", "指标设定依据", "分值权重", NULL
  };
  static const char * const project_columns[] = {
    "一级指标", "二级指标", "三级指标", "指标值", "指标值设置依据", "上年完成值",
    "指标分值权重", "指标赋分规则", "佐证资料", NULL
  };
  const char * const *columns;

  target_state_close (self, ts);
  ts->project = strstr (title, "项目") != NULL;
  columns = ts->project ? project_columns : department_columns;
  ts->table = fiscal_table_new (0, ts->project ? "项目支出绩效目标表" : "部门整体绩效目标表");
  fiscal_table_set_department (ts->table, self->department);
  fiscal_table_set_source_line (ts->table, line);
  ts->n_columns = 0;
  for (guint c = 0; columns[c]; c++, ts->n_columns++)
    {
      fiscal_table_add_column (ts->table, FISCAL_COLUMN_LABEL, columns[c]);
      fiscal_table_add_header (ts->table, 0, c, 1, 1, columns[c]);
    }
  ts->in_rows = FALSE;
  ts->meta = g_string_new (NULL);

  /* “项目支出绩效目标表（机构运行补助经费）”: the project named in the title */
  {
    const char *open = strstr (title, "（");
    const char *close = open ? strstr (open, "）") : NULL;

    if (ts->project && open && close && close > open + strlen ("（"))
      ts->title_name = g_strndup (open + strlen ("（"), close - open - strlen ("（"));
  }
}

static gboolean
is_weight (const char *t)
{
  return is_amount (t) && strlen (t) <= 6;
}

/* Whether the line after @line (not page furniture) is an indicator row:
 * words, one of them a level “…指标”. */
static gboolean
next_is_target_row (FiscalDisclosure *self,
                    guint             line)
{
  for (guint i = line; i < self->norm->len; i++)
    {
      const char *norm = g_ptr_array_index (self->norm, i);
      g_autoptr(GPtrArray) tokens = NULL;

      if (is_page_furniture (norm))
        continue;
      tokens = tokenize (norm);
      if (tokens->len < 3)
        return FALSE;
      for (guint t = 0; t < tokens->len; t++)
        if (g_str_has_suffix (g_ptr_array_index (tokens, t), "指标"))
          return TRUE;
      return FALSE;
    }
  return FALSE;
}

/* One line of a target table's indicator rows. Tabs are trusted when they
 * give the columns; otherwise the words are told by what they look like. */
static void
target_row (FiscalDisclosure *self,
            TargetState      *ts,
            const char       *norm,
            guint             line)
{
  g_auto(GStrv) fields = NULL;
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  guint n_fields;
  FiscalTableRow *row;
  gboolean continuation;

  if (strchr (norm, '\t'))
    {
      fields = g_strsplit (norm, "\t", -1);
      n_fields = g_strv_length (fields);
      for (guint c = 0; c < ts->n_columns; c++)
        g_ptr_array_add (cells, c < n_fields ? squeeze_cell (fields[c]) : g_strdup (""));
    }
  else
    {
      g_autoptr(GPtrArray) tokens = tokenize (norm);
      guint i = 0, end = tokens->len;

      /* a lone piece of a cell wrapped around its row, as a cell centred
       * vertically prints it: its first part above the row, its last part
       * below */
      if (tokens->len == 1 && !is_weight (g_ptr_array_index (tokens, 0)) &&
          !g_str_has_suffix (g_ptr_array_index (tokens, 0), "指标"))
        {
          const char *piece = g_ptr_array_index (tokens, 0);

          if (ts->fragment_row != NULL && ts->fragment_row->source_line + 1 == line)
            {
              FiscalTableRow *last = ts->fragment_row;
              g_autofree char *joined = g_strconcat (last->cells[ts->fragment_column].text, piece, NULL);

              fiscal_table_row_set_label (last, ts->fragment_column, joined);
              ts->fragment_row = NULL;
              return;
            }
          if (ts->fragment == NULL && next_is_target_row (self, line))
            {
              ts->fragment = g_strdup (piece);
              return;
            }
        }
      GString *value = g_string_new (NULL);
      GString *basis = g_string_new (NULL);
      char *l1 = g_strdup (""), *l2 = g_strdup (""), *name = g_strdup (""), *weight = g_strdup ("");
      char *prior = g_strdup (""), *scoring = g_strdup (""), *evidence = g_strdup ("");

      if (ts->project && end >= 3)
        {
          /* … 上年完成值 分值权重 赋分规则 佐证资料 */
          for (guint w = end; w-- > 1;)
            if (is_weight (g_ptr_array_index (tokens, w)) && w + 2 < end + 1 && w >= 2)
              {
                g_free (weight);
                weight = g_strdup (g_ptr_array_index (tokens, w));
                if (w + 1 < end)
                  {
                    g_free (scoring);
                    scoring = g_strdup (g_ptr_array_index (tokens, w + 1));
                  }
                if (w + 2 < end)
                  {
                    g_free (evidence);
                    evidence = g_strdup (g_ptr_array_index (tokens, w + 2));
                  }
                end = w;
                break;
              }
        }
      else if (end > 0 && is_weight (g_ptr_array_index (tokens, end - 1)))
        {
          g_free (weight);
          weight = g_strdup (g_ptr_array_index (tokens, --end));
        }

      if (i < end && !g_str_has_suffix (g_ptr_array_index (tokens, i), "指标") && i + 1 < end &&
          g_str_has_suffix (g_ptr_array_index (tokens, i + 1), "指标") && tokens->len > 4)
        {
          g_free (l1);
          l1 = g_strdup (g_ptr_array_index (tokens, i++));
        }
      if (i < end && g_str_has_suffix (g_ptr_array_index (tokens, i), "指标"))
        {
          if (i + 1 < end && g_str_has_suffix (g_ptr_array_index (tokens, i + 1), "指标"))
            {
              g_free (l1);
              l1 = g_strdup (g_ptr_array_index (tokens, i++));
            }
          g_free (l2);
          l2 = g_strdup (g_ptr_array_index (tokens, i++));
        }
      if (i < end)
        {
          g_free (name);
          name = g_strdup (g_ptr_array_index (tokens, i++));
        }
      /* the value: an operator or a figure, then its unit */
      while (i < end)
        {
          const char *t = g_ptr_array_index (tokens, i);

          gboolean operator_only = TRUE;

          for (const char *o = value->str; *o; o = g_utf8_next_char (o))
            if (!g_utf8_strchr ("<>=≥≤ ", -1, g_utf8_get_char (o)))
              operator_only = FALSE;
          if (value->len == 0 || strchr ("<>=≥≤", t[0]) ||
              ((g_ascii_isdigit (t[0]) || t[0] == '.') && (operator_only || g_ascii_isdigit (value->str[value->len - 1]))) ||
              (value->len > 0 && g_utf8_strlen (t, -1) <= 3 && !g_str_has_suffix (value->str, " ") &&
               (g_ascii_isdigit (value->str[value->len - 1]) || value->str[value->len - 1] == '%')))
            {
              if (value->len > 0 && g_ascii_isdigit (value->str[value->len - 1]) && (guchar) t[0] >= 0x80)
                g_string_append_c (value, ' ');
              g_string_append (value, t);
              i++;
              if ((guchar) t[0] >= 0x80 && value->len > strlen (t))
                break;
            }
          else
            break;
        }
      if (ts->project && i < end)
        {
          append_word (basis, g_ptr_array_index (tokens, i++));
          while (i < end)
            {
              char *joined = g_strconcat (prior, *prior ? " " : "", (char *) g_ptr_array_index (tokens, i++), NULL);
              g_free (prior);
              prior = joined;
            }
        }
      else
        for (; i < end; i++)
          append_word (basis, g_ptr_array_index (tokens, i));

      g_ptr_array_add (cells, l1);
      g_ptr_array_add (cells, l2);
      g_ptr_array_add (cells, name);
      g_ptr_array_add (cells, squeeze_cell (value->str));
      g_ptr_array_add (cells, g_string_free (basis, FALSE));
      if (ts->project)
        {
          g_ptr_array_add (cells, squeeze_cell (prior));
          g_free (prior);
          g_ptr_array_add (cells, weight);
          g_ptr_array_add (cells, scoring);
          g_ptr_array_add (cells, evidence);
        }
      else
        {
          g_free (prior);
          g_free (scoring);
          g_free (evidence);
          g_ptr_array_add (cells, weight);
        }
      g_string_free (value, TRUE);
    }

  /* a line carrying only the rest of the cells above */
  continuation = *(char *) g_ptr_array_index (cells, 2) == 0 && fiscal_table_get_n_rows (ts->table) > 0;
  if (continuation)
    {
      const FiscalTableRow *last = fiscal_table_get_row (ts->table, fiscal_table_get_n_rows (ts->table) - 1);

      for (guint c = 0; c < ts->n_columns; c++)
        {
          const char *more = g_ptr_array_index (cells, c);

          if (*more && c >= 2)
            {
              g_autofree char *joined = g_strconcat (last->cells[c].text ? last->cells[c].text : "", more, NULL);
              fiscal_table_row_set_label ((FiscalTableRow *) last, c, joined);
            }
        }
      return;
    }

  if (*(char *) g_ptr_array_index (cells, 0))
    {
      g_free (ts->level1);
      ts->level1 = g_strdup (g_ptr_array_index (cells, 0));
    }
  if (*(char *) g_ptr_array_index (cells, 1))
    {
      g_free (ts->level2);
      ts->level2 = g_strdup (g_ptr_array_index (cells, 1));
    }

  row = fiscal_table_add_row (ts->table, "", g_ptr_array_index (cells, 2), 3);
  row->source_line = line;
  for (guint c = 0; c < ts->n_columns; c++)
    {
      const char *text = g_ptr_array_index (cells, c);

      if (c == 0)
        text = ts->level1 ? ts->level1 : "";
      else if (c == 1)
        text = ts->level2 ? ts->level2 : "";
      fiscal_table_row_set_label (row, c, text);
    }

  ts->fragment_row = NULL;
  if (ts->fragment != NULL)
    {
      /* the piece above goes in the row's first empty cell after the
       * indicator's name (its basis, most often) */
      guint weight = ts->project ? 6 : 5;
      guint column = 4;
      g_autofree char *joined = NULL;

      for (guint c = 3; c < ts->n_columns; c++)
        if (c != weight && *row->cells[c].text == 0)
          {
            column = c;
            break;
          }
      joined = g_strconcat (ts->fragment, row->cells[column].text, NULL);
      fiscal_table_row_set_label (row, column, joined);
      g_clear_pointer (&ts->fragment, g_free);
      ts->fragment_row = row;
      ts->fragment_column = column;
    }
}

/* ---- The whole text ---------------------------------------------------- */

static void
find_department_and_year (FiscalDisclosure *self)
{
  g_autoptr(GRegex) year_re = g_regex_new ("(20[0-9][0-9]) *年 *(度)? *(部门|单位)?预算", 0, 0, NULL);

  for (guint i = 0; i < self->norm->len; i++)
    {
      const char *n = g_ptr_array_index (self->norm, i);
      const char *p;

      if (self->department == NULL && (p = strstr (n, "编制部门")) != NULL)
        {
          p += strlen ("编制部门");
          while (*p == ' ' || *p == ':')
            p++;
          if (g_str_has_prefix (p, "："))
            p += strlen ("：");
          if (*p)
            {
              char *department = g_strdup (p);
              char *end;

              /* “编制部门：… 单位：万元” on one line, as a PDF without tabs gives it */
              if ((end = strchr (department, '\t')) != NULL)
                *end = '\0';
              if ((end = strstr (department, "单位：")) != NULL || (end = strstr (department, "单位:")) != NULL ||
                  (end = strstr (department, "单位 ：")) != NULL || (end = strstr (department, "单位 :")) != NULL)
                *end = '\0';
              self->department = g_strstrip (department);
              if (*self->department == 0)
                g_clear_pointer (&self->department, g_free);
            }
        }
      if (self->year == 0)
        {
          g_autoptr(GMatchInfo) info = NULL;

          if (g_regex_match (year_re, n, 0, &info))
            {
              g_autofree char *y = g_match_info_fetch (info, 1);
              self->year = atoi (y);
            }
        }
    }

  if (self->department == NULL)
    for (guint i = 0; i < self->norm->len; i++)
      {
        g_autofree char *s = g_strstrip (g_strdup (g_ptr_array_index (self->norm, i)));

        if (*s && !strstr (s, "预算") && !g_ascii_isdigit (*s) && g_utf8_strlen (s, -1) <= 40)
          {
            self->department = g_steal_pointer (&s);
            break;
          }
      }
}

static void
find_parts (FiscalDisclosure *self)
{
  for (guint i = 0; i < self->norm->len; i++)
    {
      int part = part_heading (g_ptr_array_index (self->norm, i));

      if (part > 0)
        self->part_first[part] = i + 1;   /* the last heading: the table of contents comes first */
    }
  for (guint p = 1; p <= 4; p++)
    {
      guint next = self->norm->len + 1;

      if (self->part_first[p] == 0)
        continue;
      for (guint q = 1; q <= 4; q++)
        if (self->part_first[q] > self->part_first[p] && self->part_first[q] < next)
          next = self->part_first[q];
      self->part_last[p] = next - 1;
    }
}

static gboolean starts_section (const char *s);

/* A field given again takes the place of what it said before. */
static void
set_field (char       **field,
           const char  *value)
{
  g_free (*field);
  *field = g_strstrip (g_strdup (value));
}

/* "项目名称：…" and the lines after it in 第三部分. */
static void
find_projects (FiscalDisclosure *self)
{
  FiscalDisclosureProject *current = NULL;
  char **field = NULL;          /* the text field the last line went to */
  guint field_line = 0;
  guint from = self->part_first[3] ? self->part_first[3] : 1;
  guint to = self->part_last[3] ? self->part_last[3] : self->norm->len;

  for (guint i = from; i <= to && i <= self->norm->len; i++)
    {
      g_autofree char *s = g_strstrip (g_strdup (g_ptr_array_index (self->norm, i - 1)));
      const char *value;

#define FIELD(label) (strstr (s, label) != NULL && (value = strstr (strstr (s, label), "：")) != NULL && (value += strlen ("：")))
      if (strstr (s, "项目名称") && strchr (s, '\t') == NULL && FIELD ("项目名称"))
        {
          current = g_new0 (FiscalDisclosureProject, 1);
          current->name = g_strstrip (g_strdup (value));
          current->amount = -1;
          current->line = i;
          g_ptr_array_add (self->projects, current);
        }
      else if (current == NULL)
        continue;
      else if (strstr (s, "政策依据") && FIELD ("政策依据"))
        {
          set_field (&current->policy_basis, value);
          field = &current->policy_basis;
          field_line = i;
          continue;
        }
      else if (strstr (s, "预算安排规模") && FIELD ("预算安排规模"))
        {
          g_autoptr(GRegex) re = g_regex_new ("([0-9][0-9,]*(\\.[0-9]+)?) *(万元|元)", 0, 0, NULL);
          g_autoptr(GMatchInfo) info = NULL;

          if (g_regex_match (re, value, 0, &info))
            {
              g_autofree char *figure = g_match_info_fetch (info, 1);
              g_autofree char *unit = g_match_info_fetch (info, 3);

              if (!parse_amount (figure, g_str_equal (unit, "万元") ? 4 : 0, &current->amount, NULL, NULL))
                current->amount = -1;
            }
        }
      else if (strstr (s, "承担单位") && FIELD ("承担单位"))
        set_field (&current->owner_unit, value);
      else if (strstr (s, "资金分配") && FIELD ("资金分配"))
        {
          set_field (&current->allocation, value);
          field = &current->allocation;
          field_line = i;
          continue;
        }
      else if (strstr (s, "执行时间") && FIELD ("执行时间"))
        set_field (&current->period, value);
      else if (g_str_has_prefix (s, "八、") || g_str_has_prefix (s, "八 、") || part_heading (s))
        current = NULL;
      else if (field != NULL && field_line == i - 1 && *s && strchr (s, '\t') == NULL && !starts_section (s) &&
               !g_str_has_suffix (*field, "。") && !g_str_has_suffix (*field, "；"))
        {
          /* the field goes on over a line the page's width broke */
          char *joined = g_strconcat (*field, s, NULL);

          g_free (*field);
          *field = joined;
          field_line = i;
          continue;
        }
#undef FIELD
      field = NULL;
    }
}

static gboolean
starts_section (const char *s)
{
  const char *end;

  while (*s == ' ')
    s++;
  if (chinese_number (s, &end) > 0 && (g_str_has_prefix (end, "、") || g_str_has_prefix (end, " 、")))
    return TRUE;
  if ((g_str_has_prefix (s, "（") || *s == '(') &&
      chinese_number (s + (*s == '(' ? 1 : strlen ("（")), &end) > 0 &&
      (g_str_has_prefix (end, "）") || *end == ')'))
    return TRUE;
  return FALSE;
}

static Ambiguity *
find_ambiguity (TableState *st,
                guint       row)
{
  for (guint i = 0; i < st->ambiguous->len; i++)
    {
      Ambiguity *a = g_ptr_array_index (st->ambiguous, i);
      if (a->row == row)
        return a;
    }
  return NULL;
}

static void
apply_candidate (TableState *st,
                 Ambiguity  *a,
                 guint       candidate)
{
  FiscalTableRow *row = (FiscalTableRow *) fiscal_table_get_row (st->table, a->row);
  guint n = a->first_cell > 0 ? st->n_right : st->n_left;

  for (guint c = 0; c < n; c++)
    fiscal_table_row_set_amount (row, a->first_cell + c, 0);
  for (guint i = 0; i < a->k; i++)
    fiscal_table_row_set_amount (row, a->first_cell + a->candidates[candidate][i], a->figures[i]);
  a->chosen = candidate;
}

#define MAX_OPEN 64   /* ambiguities tried together at the most */

/* Whether cells [@from, @to) of row @target are the sums of those of
 * @rows (row indices), each within the rounding of the figures summed. */
static gboolean
rows_add_up (TableState *st,
             guint       target,
             GArray     *rows,
             guint       from,
             guint       to)
{
  const FiscalTableRow *sum_row = fiscal_table_get_row (st->table, target);
  gint64 half = unit_ulp (st->unit_places, 2) / 2;

  for (guint cell = from; cell < to; cell++)
    {
      gint64 sum = 0, tol = sum_row->cells[cell].amount ? half : 0;

      for (guint i = 0; i < rows->len; i++)
        {
          const FiscalTableRow *row = fiscal_table_get_row (st->table, g_array_index (rows, guint, i));

          fiscal_money_accumulate (&sum, row->cells[cell].amount);
          if (row->cells[cell].amount)
            fiscal_money_accumulate (&tol, half);
        }
      if (ABS (fiscal_money_sub_clamped (sum, sum_row->cells[cell].amount)) > tol)
        return FALSE;
    }
  return TRUE;
}

/* Puts the @open ambiguities' candidates in, combination by combination
 * in order of preference, until cells [@from, @to) of row @target are the
 * sums of @rows. Returns: whether one does (it stays put in) */
static gboolean
find_combination (TableState *st,
                  GPtrArray  *open,
                  guint       n_combos,
                  guint       target,
                  GArray     *rows,
                  guint       from,
                  guint       to)
{
  guint counter[MAX_OPEN] = { 0 };

  g_return_val_if_fail (open->len <= MAX_OPEN, FALSE);

  for (guint combo = 0; combo < n_combos; combo++)
    {
      for (guint i = 0; i < open->len; i++)
        apply_candidate (st, g_ptr_array_index (open, i), counter[i]);
      if (rows_add_up (st, target, rows, from, to))
        return TRUE;
      /* the next combination */
      for (guint i = 0; i < open->len; i++)
        {
          Ambiguity *a = g_ptr_array_index (open, i);
          if (++counter[i] < a->n_candidates)
            break;
          counter[i] = 0;
        }
    }
  return FALSE;
}

/* A figure cannot stand in a column where its parent has none (the
 * figures of a budget are not negative): the candidates that put one
 * there go, as long as one stays. */
static void
drop_against_parent (TableState           *st,
                     Ambiguity            *a,
                     const FiscalTableRow *parent)
{
  guint kept = 0;

  for (guint c = 0; c < a->n_candidates; c++)
    {
      gboolean fits = TRUE;

      for (guint i = 0; i < a->k && fits; i++)
        {
          guint cell = a->first_cell + a->candidates[c][i];

          if (a->figures[i] > 0 && cell < parent->n_cells && parent->cells[cell].text == NULL &&
              parent->cells[cell].amount == 0)
            fits = FALSE;
        }
      if (fits)
        {
          if (kept != c)
            memcpy (a->candidates[kept], a->candidates[c], sizeof a->candidates[0]);
          kept++;
        }
    }
  if (kept > 0 && kept < a->n_candidates)
    {
      a->n_candidates = kept;
      apply_candidate (st, a, 0);
    }
}

/* Where a row's figures fit several sets of columns, the rows under one
 * parent must add up to it column by column: the first combination of
 * candidates (in order of preference) that does is taken. */
static void
resolve_by_parents (FiscalDisclosure *self,
                    TableState       *st)
{
  guint n_rows = fiscal_table_get_n_rows (st->table);
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));

  /* Top down: a total printed at the bottom (合计, under its rows) comes
   * first, as a total at the top does, so that it settles the 类 before
   * they settle their own rows. */
  for (guint p = 0; p < n_rows; p++)
    if (fiscal_table_get_row (st->table, p)->level == 0 && p > 0 &&
        fiscal_table_get_row (st->table, p - 1)->level > 0 &&
        (p + 1 == n_rows || fiscal_table_get_row (st->table, p + 1)->level == 0))
      g_array_append_val (order, p);
  for (guint p = 0; p < n_rows; p++)
    if (!(fiscal_table_get_row (st->table, p)->level == 0 && p > 0 &&
          fiscal_table_get_row (st->table, p - 1)->level > 0 &&
          (p + 1 == n_rows || fiscal_table_get_row (st->table, p + 1)->level == 0)))
      g_array_append_val (order, p);

  for (guint i = 0; i < order->len; i++)
    {
      guint p = g_array_index (order, guint, i);
      const FiscalTableRow *parent = fiscal_table_get_row (st->table, p);
      g_autoptr(GArray) children = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(GPtrArray) open = g_ptr_array_new ();
      guint n_combos = 1;
      gboolean found;
      guint first = p + 1;

      /* the rows of a total at the bottom stand above it */
      if (parent->level == 0 && p > 0 && fiscal_table_get_row (st->table, p - 1)->level > 0 &&
          (p + 1 == n_rows || fiscal_table_get_row (st->table, p + 1)->level == 0))
        for (first = p; first > 0 && fiscal_table_get_row (st->table, first - 1)->level > 0; first--)
          ;

      for (guint c = first; c < n_rows; c++)
        {
          const FiscalTableRow *child = fiscal_table_get_row (st->table, c);

          if (c == p)
            break;
          if (c > p && child->level <= parent->level)
            break;
          if (child->level == parent->level + 1)
            {
              g_array_append_val (children, c);
              if (find_ambiguity (st, c))
                {
                  Ambiguity *a = find_ambiguity (st, c);

                  drop_against_parent (st, a, parent);
                  g_ptr_array_add (open, a);
                  if (n_combos <= 65536)
                    n_combos *= a->n_candidates;
                }
            }
        }
      if (open->len == 0 || children->len == 0 || open->len > MAX_OPEN || n_combos > 65536)
        continue;

      found = find_combination (st, open, n_combos, p, children, 0, st->n_left);
      if (!found)
        {
          for (guint i = 0; i < open->len; i++)
            apply_candidate (st, g_ptr_array_index (open, i), 0);
          note (self, FISCAL_IMPORT_WARNING, parent->source_line,
                _("表 %u: the rows under “%s %s” do not add up to it column by column, whichever columns their figures are put in"),
                st->number, parent->code, parent->name);
        }
      for (guint i = 0; i < open->len; i++)
        {
          Ambiguity *a = g_ptr_array_index (open, i);
          a->n_candidates = 1;          /* settled */
          memcpy (a->candidates[0], a->candidates[a->chosen], sizeof a->candidates[0]);
          a->chosen = 0;
        }
    }

  for (guint i = 0; i < st->ambiguous->len; i++)
    {
      Ambiguity *a = g_ptr_array_index (st->ambiguous, i);

      if (a->n_candidates > 1)
        note (self, FISCAL_IMPORT_INFERENCE, a->line,
              _("表 %u: the figures of the row fit more than one set of columns; the usual columns are taken"),
              st->number);
    }
}

/* 表 1 and 表 4 list the expenditure on their right, 类 by 类, down to
 * 支出总计: where a row's figures fit several of its columns, the rows
 * above must add up to the total column by column. The first combination
 * of candidates (in order of preference) that does is taken; if none
 * does, the usual columns stay. */
static void
resolve_by_total (FiscalDisclosure *self,
                  TableState       *st)
{
  guint n_rows = fiscal_table_get_n_rows (st->table);
  guint first = st->n_left + 1;
  const FiscalTableRow *total = NULL;
  guint total_row = 0;
  g_autoptr(GPtrArray) open = g_ptr_array_new ();
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_combos = 1;
  gboolean found;

  for (guint r = 0; r < n_rows && total == NULL; r++)
    {
      const FiscalTableRow *row = fiscal_table_get_row (st->table, r);
      const char *label = row->cells[st->n_left].text;

      if (label != NULL && strstr (label, "支出总计") != NULL)
        {
          total = row;
          total_row = r;
        }
    }
  if (total == NULL)
    return;

  for (guint i = 0; i < st->ambiguous->len; i++)
    {
      Ambiguity *a = g_ptr_array_index (st->ambiguous, i);

      if (a->first_cell == first && a->n_candidates > 1 && a->row != total_row)
        {
          g_ptr_array_add (open, a);
          n_combos *= a->n_candidates;
          if (n_combos > 65536 || open->len > MAX_OPEN)
            return;
        }
    }
  if (open->len == 0)
    return;

  for (guint r = 0; r < n_rows; r++)
    if (r != total_row)
      g_array_append_val (rows, r);
  found = find_combination (st, open, n_combos, total_row, rows, first, first + st->n_right);

  for (guint i = 0; i < open->len; i++)
    {
      Ambiguity *a = g_ptr_array_index (open, i);

      if (!found)
        apply_candidate (st, a, 0);
      else
        {
          note (self, FISCAL_IMPORT_INFO, a->line,
                _("表 %u: the row's figures are put in the columns that make the rows add up to 支出总计"), st->number);
          a->n_candidates = 1;          /* settled */
        }
    }
}

static void
finish_table (FiscalDisclosure *self,
              TableState       *st)
{
  if (st->table == NULL)
    return;

  /* 表 11 names its rows by code and name in one cell (“214 交通运输支出”),
   * as fiscal_pivot_table() does: the code and its level are the row's */
  if (fiscal_table_get_n_rows (st->shape) == 0 && st->n_code == 0)
    for (guint r = 0; r < fiscal_table_get_n_rows (st->table); r++)
      {
        FiscalTableRow *row = (FiscalTableRow *) fiscal_table_get_row (st->table, r);
        gsize digits = strspn (row->name, "0123456789");

        if (*row->code == 0 && (digits == 3 || digits == 5 || digits == 7) && row->name[digits] == ' ')
          {
            g_autofree char *code = g_strndup (row->name, digits);

            fiscal_table_row_set_code (row, code, digits == 3 ? 1 : digits == 5 ? 2 : 3);
          }
      }

  if (st->n_code > 0 && st->ambiguous != NULL && st->ambiguous->len > 0)
    resolve_by_parents (self, st);
  else if (st->has_label && st->ambiguous != NULL && st->ambiguous->len > 0)
    {
      resolve_by_total (self, st);
      for (guint i = 0; i < st->ambiguous->len; i++)
        {
          Ambiguity *a = g_ptr_array_index (st->ambiguous, i);

          if (a->first_cell > 0 && a->n_candidates > 1)
            note (self, FISCAL_IMPORT_INFERENCE, a->line,
                  _("表 %u: the figures of the row fit more than one set of columns; the usual columns are taken"),
                  st->number);
        }
    }

  if (st->pending_text->len > 0)
    note (self, FISCAL_IMPORT_WARNING, st->pending_line,
          _("表 %u: a row without figures (%s) is left out"), st->number, st->pending_text->str);

  if (self->published[st->number] == NULL)
    self->published[st->number] = g_steal_pointer (&st->table);
  table_state_clear (st);
}

/* Where the unit begins in a line that prints it (“单位：元”, “编制部门：…
 * 单位:万元”), or NULL. */
static const char *
find_unit (const char *s)
{
  static const char * const labels[] = { "单位：", "单位:", "单位 ：", "单位 :" };
  const char *found = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (labels) && found == NULL; i++)
    {
      const char *at = strstr (s, labels[i]);

      /* the label starts the line or follows a space or a tab */
      if (at != NULL && (at == s || at[-1] == ' ' || at[-1] == '\t'))
        found = at + strlen (labels[i]);
    }
  if (found == NULL)
    return NULL;
  while (*found == ' ')
    found++;
  return found;
}

/* The unit a table prints its figures in, read from @u. A unit that is
 * none of 元, 万元 and 亿元 is a warning: the figures are then read in the
 * format's unit, and said so. */
static void
read_unit (FiscalDisclosure *self,
           TableState       *st,
           const char       *u,
           guint             line)
{
  const char *format_unit = st->spec->style.unit;

  if (g_str_has_prefix (u, "亿元"))
    st->unit_places = 8;
  else if (g_str_has_prefix (u, "万元"))
    st->unit_places = 4;
  else if (g_str_has_prefix (u, "元"))
    st->unit_places = 0;
  else
    {
      note (self, FISCAL_IMPORT_WARNING, line, _("表 %u: the unit “%s” is not 元, 万元 or 亿元; the figures are read in %s"),
            st->number, u, format_unit);
      return;
    }
  st->unit_printed = TRUE;
  if (!g_str_has_prefix (u, format_unit) || g_str_has_prefix (u, "万元") != g_str_equal (format_unit, "万元"))
    note (self, FISCAL_IMPORT_INFO, line, _("表 %u is in %s; its figures are converted exactly"), st->number, u);
}

/* Whether a line says its table is empty, in one of the format's
 * wordings or the national one. */
static gboolean
says_empty (FiscalFormat *format,
            const char   *s)
{
  const char * const *wordings = fiscal_format_get_empty_wordings (format);

  if (strstr (s, "空表") != NULL)
    return TRUE;
  for (guint i = 0; wordings != NULL && wordings[i]; i++)
    if (strstr (s, wordings[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* A line of the contents: a title followed by its leader dots. */
static gboolean
is_contents_line (const char *s)
{
  return strstr (s, "……") != NULL || strstr (s, "…") != NULL || strstr (s, "....") != NULL ||
         strstr (s, "···") != NULL;
}

/* The bare title: without its number (“1.”, “4．”, “五、”) and year
 * (“2026年”), nor spaces. */
static char *
bare_title (const char *title)
{
  GString *out = g_string_new (NULL);
  const char *p = title;

  while (*p == ' ')
    p++;
  /* a number before the title */
  if (g_ascii_isdigit (*p))
    {
      const char *q = p;

      while (g_ascii_isdigit (*q))
        q++;
      if (*q == '.' || g_str_has_prefix (q, "．") || g_str_has_prefix (q, "、"))
        p = q + (*q == '.' ? 1 : strlen ("．"));
    }
  while (*p == ' ')
    p++;
  /* the year */
  if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3]))
    {
      const char *q = p + 4;

      while (*q == ' ')
        q++;
      if (g_str_has_prefix (q, "年"))
        p = q + strlen ("年");
    }
  for (; *p; p++)
    if (*p != ' ')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* The number of the table of @format that @title names, by its title or
 * one of its aliases, whatever year and number are printed before it;
 * 0 for none. */
static guint
format_table_by_title (FiscalFormat *format,
                       const char   *title)
{
  g_autofree char *bare = bare_title (title);

  for (guint i = 0; i < fiscal_format_get_n_tables (format); i++)
    {
      const FiscalFormatTable *table = fiscal_format_get_table (format, i);
      const char * const *aliases = fiscal_format_table_get_aliases (table);
      g_autofree char *own = bare_title (table->title);
      g_autofree char *without_year = NULL;

      /* “{year}年…” in the format */
      if (g_str_has_prefix (own, "{year}年"))
        without_year = g_strdup (own + strlen ("{year}年"));
      if (g_str_equal (bare, own) || (without_year && g_str_equal (bare, without_year)))
        return table->number;
      for (guint a = 0; aliases != NULL && aliases[a]; a++)
        {
          g_autofree char *alias = bare_title (aliases[a]);

          if (g_str_equal (bare, alias))
            return table->number;
        }
    }
  return 0;
}

/* The format the tables of the text are published in: the one with the
 * most of its titles in the text, where that is at least half of them;
 * otherwise the national format, whose tables are also found by the words
 * of their titles and their numbers (renumbered and shorter publications). */
static FiscalFormat *
detect_format (FiscalDisclosure *self)
{
  g_autoptr(GPtrArray) formats = fiscal_format_list ();
  FiscalFormat *best = fiscal_format_get (FISCAL_FORMAT_DEFAULT);
  guint best_found = 0;

  for (guint f = 0; f < formats->len; f++)
    {
      FiscalFormat *format = g_ptr_array_index (formats, f);
      guint n_tables = fiscal_format_get_n_tables (format);
      g_autofree gboolean *seen = g_new0 (gboolean, MAX_FORMAT_TABLES + 1);
      guint found = 0;

      if (g_str_equal (fiscal_format_get_id (format), FISCAL_FORMAT_DEFAULT))
        continue;
      for (guint i = 0; i < self->norm->len; i++)
        {
          g_autofree char *s = g_strstrip (g_strdup (g_ptr_array_index (self->norm, i)));
          guint number;

          if (*s == 0 || is_contents_line (s) || g_utf8_strlen (s, -1) > 60)
            continue;
          number = format_table_by_title (format, s);
          if (number != 0 && number <= MAX_FORMAT_TABLES && !seen[number])
            {
              seen[number] = TRUE;
              found++;
            }
        }
      if (found * 2 >= n_tables && found > best_found)
        {
          best = format;
          best_found = found;
        }
    }

  return best;
}

static void
parse_lines (FiscalDisclosure *self)
{
  /* the shapes of the tables: any year will do */
  g_autoptr(FiscalDocument) empty = fiscal_document_new (self->year > 0 ? self->year : 2025, self->department);
  gboolean national_format = g_str_equal (fiscal_format_get_id (self->format), FISCAL_FORMAT_DEFAULT);
  TableState st = { 0 };

  fiscal_document_set_format_id (empty, fiscal_format_get_id (self->format));
  TargetState ts = { 0 };
  guint pending_number = 0, pending_line = 0;
  guint last_number = 0;

  for (guint i = 0; i < self->norm->len; i++)
    {
      const char *norm = g_ptr_array_index (self->norm, i);
      g_autofree char *s = g_strstrip (g_strdup (norm));
      guint line = i + 1;
      guint number = 0, national;
      const char *rest = NULL;
      gboolean has_prefix;

      if (*s == 0)
        continue;

      /* a title: 表 N on its line or before the name */
      has_prefix = parse_table_prefix (s, &number, &rest);
      if (has_prefix && st.table != NULL && is_continued (rest))
        {
          /* “表 2（续）” over a continuation page: its header follows */
          st.in_header = TRUE;
          continue;
        }
      if (has_prefix && *rest == 0)
        {
          pending_number = number;
          pending_line = line;
          continue;
        }
      if (!has_prefix)
        rest = s;

      /* a table of another format, by its title */
      if (!national_format && !is_contents_line (s))
        {
          guint found = format_table_by_title (self->format, rest);

          if (found != 0)
            {
              pending_number = 0;
              finish_table (self, &st);
              target_state_close (self, &ts);
              if (self->published[found] != NULL && found == last_number)
                {
                  /* the title repeated over a continuation page */
                  table_state_init (&st, empty, found, self->department);
                  g_clear_object (&st.table);
                  st.table = g_object_ref (self->published[found]);
                  g_clear_object (&self->published[found]);
                  continue;
                }
              if (self->published[found] != NULL)
                {
                  note (self, FISCAL_IMPORT_WARNING, line,
                        _("A second 表 %u (%s) is in the text; the first is kept"), found, rest);
                  continue;
                }
              table_state_init (&st, empty, found, self->department);
              fiscal_table_set_source_line (st.table, line);
              last_number = found;
              continue;
            }
        }

      if (national_format && looks_like_title (rest) &&
          (has_prefix || (pending_number && line - pending_line <= 3) ||
           is_target_title (rest) ||
           (i + 1 < self->norm->len &&
            (strstr (g_ptr_array_index (self->norm, i + 1), "编制部门") ||
             (i + 2 < self->norm->len && strstr (g_ptr_array_index (self->norm, i + 2), "编制部门"))))))
        {
          guint published = has_prefix ? number : pending_number;

          pending_number = 0;
          finish_table (self, &st);
          target_state_close (self, &ts);

          if (is_target_title (rest))
            {
              target_state_open (self, &ts, rest, line);
              continue;
            }

          national = table_by_name (rest);
          if (national == 0 && published >= 1 && published <= FISCAL_N_TABLES)
            {
              national = published;
              note (self, FISCAL_IMPORT_WARNING, line,
                    _("The table “%s” is not known by its name; taken as 表 %u by its number"), rest, published);
            }
          if (national == 0)
            {
              note (self, FISCAL_IMPORT_WARNING, line, _("The table “%s” is not one of the eleven; its rows are skipped"), rest);
              continue;
            }
          if (self->published[national] != NULL && national != last_number)
            {
              note (self, FISCAL_IMPORT_WARNING, line,
                    _("A second 表 %u (%s) is in the text; the first is kept"), national, rest);
              continue;
            }
          if (self->published[national] != NULL && national == last_number)
            {
              /* the title repeated over a continuation page */
              table_state_init (&st, empty, national, self->department);
              g_clear_object (&st.table);
              st.table = g_object_ref (self->published[national]);
              g_clear_object (&self->published[national]);
              continue;
            }
          table_state_init (&st, empty, national, self->department);
          fiscal_table_set_source_line (st.table, line);
          self->published_number[national] = published ? published : national;
          last_number = national;
          if (published && published != national)
            note (self, FISCAL_IMPORT_INFO, line, _("表 %u “%s” is read as 表 %u of the national numbering"),
                  published, rest, national);
          continue;
        }

      if (part_heading (s))
        {
          finish_table (self, &st);
          target_state_close (self, &ts);
          continue;
        }

      if (ts.table != NULL)
        {
          if (starts_section (s) || (strstr (s, "。") != NULL && !ts.in_rows && g_str_has_prefix (s, "本部门")))
            {
              target_state_close (self, &ts);
              continue;
            }
          if (g_str_has_prefix (s, "一级指标"))
            {
              ts.in_rows = TRUE;
              continue;
            }
          if (ts.in_rows && !is_page_furniture (s))
            target_row (self, &ts, norm, line);
          else
            {
              g_string_append (ts.meta, norm);
              g_string_append_c (ts.meta, '\n');
            }
          continue;
        }

      if (st.table == NULL)
        continue;

      if (is_page_furniture (s))
        continue;

      /* the unit: on its own line, or on the 编制部门 line after the
       * department (“编制部门：… 单位：元”) */
      {
        const char *u = find_unit (s);

        if (u != NULL || strstr (s, "编制部门"))
          {
            if (u != NULL)
              read_unit (self, &st, u, line);
            st.in_header = TRUE;
            continue;
          }
      }
      if (strstr (s, "空表") == NULL && i + 1 < self->norm->len &&
          strstr (g_ptr_array_index (self->norm, i + 1), "空表") && strstr (g_ptr_array_index (self->norm, i + 1), "。") &&
          strstr (s, "。") == NULL && strchr (s, '.') == NULL)
        continue;   /* the start of the empty-table sentence, broken over two lines */
      if (says_empty (self->format, s))
        {
          self->published_empty[st.number] = TRUE;
          fiscal_table_set_note (st.table, s);
          continue;
        }
      if (strstr (s, "。") || (starts_section (s) && (strstr (s, "关于") || strstr (s, "说明"))))
        {
          finish_table (self, &st);
          continue;
        }

      {
        g_autoptr(GPtrArray) tokens = tokenize (norm);
        gboolean is_row;

        /* the header repeated at the top of a continuation page */
        if (!st.in_header && is_repeated_header (&st, tokens))
          {
            st.in_header = TRUE;
            continue;
          }

        if (st.n_code > 0)
          {
            const char *first = tokens->len ? g_ptr_array_index (tokens, 0) : "";

            if (st.in_header && !is_code_token (&st, first) && !g_str_equal (first, "总计") &&
                !g_str_equal (first, "合计") && g_strcmp0 (first, self->department) != 0 &&
                !(tokens->len > 1 && is_amount (g_ptr_array_index (tokens, tokens->len - 1)) &&
                  strchr (g_ptr_array_index (tokens, tokens->len - 1), '.')))
              continue;
            if (is_header_line (&st, tokens) && (st.in_header || tokens->len == 0 ||
                                                 strstr (s, "※")))
              continue;
          }
        else
          {
            if (st.in_header && is_header_line (&st, tokens))
              continue;
            /* a table of fixed rows ends with its last row */
            if (st.spec->layout == FISCAL_LAYOUT_ITEMS &&
                fiscal_table_get_n_rows (st.table) >= fiscal_table_get_n_rows (st.shape) &&
                !starts_item_row (&st, tokens))
              {
                finish_table (self, &st);
                continue;
              }
            if (!starts_item_row (&st, tokens))
              {
                if (!st.in_header && !is_header_line (&st, tokens))
                  note (self, FISCAL_IMPORT_WARNING, line, _("表 %u: the line “%s” is not a row of the table; skipped"),
                        st.number, s);
                continue;
              }
          }

        st.in_header = FALSE;
        if (read_by_tabs (self, &st, norm, line))
          continue;
        is_row = st.n_code > 0 ? read_code_row (self, &st, self->department, tokens, line)
                               : read_item_row (self, &st, tokens, line);
        if (!is_row)
          note (self, FISCAL_IMPORT_WARNING, line, _("表 %u: the line “%s” is not a row of the table; skipped"),
                st.number, s);
      }
    }

  finish_table (self, &st);
  target_state_close (self, &ts);
}

static void
note_cb (FiscalImportSeverity  severity,
         guint                 line,
         char                 *message,
         gpointer              data)
{
  note (data, severity, line, "%s", message);
  g_free (message);
}

/* The national tables the import and the audit reason in: the published
 * ones when the format is the national one; otherwise those that the
 * format's tables give (fiscal-disclosure-national.c). */
static void
national_tables (FiscalDisclosure *self)
{
  if (g_str_equal (fiscal_format_get_id (self->format), FISCAL_FORMAT_DEFAULT))
    {
      for (guint n = 1; n <= FISCAL_N_TABLES; n++)
        {
          g_set_object (&self->tables[n], self->published[n]);
          self->declared_empty[n] = self->published_empty[n];
        }
      return;
    }

  _fiscal_disclosure_national_tables (self->format, self->published, self->published_empty, MAX_FORMAT_TABLES,
                                      self->year, self->department, self->tables, note_cb, self);
  for (guint n = 1; n <= FISCAL_N_TABLES; n++)
    {
      self->declared_empty[n] = self->tables[n] != NULL && fiscal_table_get_n_rows (self->tables[n]) <= 1;
      self->published_number[n] = n;
    }
}

static FiscalDisclosure *
disclosure_new (void)
{
  FiscalDisclosure *self = g_new0 (FiscalDisclosure, 1);

  self->lines = g_ptr_array_new_with_free_func (g_free);
  self->norm = g_ptr_array_new_with_free_func (g_free);
  self->pages = g_array_new (FALSE, FALSE, sizeof (guint));
  self->target_tables = g_ptr_array_new_with_free_func (g_object_unref);
  self->projects = g_ptr_array_new_with_free_func (project_free);
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) fiscal_import_entry_free);
  return self;
}

/* Splits @text (pages separated by form feeds) into lines. */
static void
split_lines (FiscalDisclosure *self,
             const char       *text,
             gsize             length,
             gboolean          paged)
{
  const char *p = text, *end = text + length;
  guint page = paged ? 1 : 0;

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *stop = nl ? nl : end;
      GString *line = g_string_new_len (p, stop - p);
      gsize ff;

      while ((ff = strcspn (line->str, "\f")) < line->len)
        {
          g_string_erase (line, ff, 1);
          if (paged)
            page++;
        }
      if (line->len && line->str[line->len - 1] == '\r')
        g_string_truncate (line, line->len - 1);
      g_array_append_val (self->pages, page);
      g_ptr_array_add (self->norm, normalize_line (line->str));
      g_ptr_array_add (self->lines, g_string_free (line, FALSE));
      p = stop + 1;
    }
}

static FiscalDisclosure *
parse_common (const char  *text,
              gsize        length,
              gboolean     paged,
              GError     **error)
{
  g_autoptr(FiscalDisclosure) self = NULL;
  const char *bad;
  guint n_tables = 0;

  if (length == 0 || text == NULL)
    {
      g_set_error (error, FISCAL_ERROR, FISCAL_ERROR_NOT_DISCLOSURE, _("The text is empty: there is no disclosure to read"));
      return NULL;
    }
  if (memchr (text, 0, length) != NULL)
    {
      gsize at = (const char *) memchr (text, 0, length) - text;
      g_set_error (error, FISCAL_ERROR, FISCAL_ERROR_NOT_UTF8,
                   _("This is not a text: a zero byte at byte %lu"), (unsigned long) at);
      return NULL;
    }
  if (!g_utf8_validate (text, length, &bad))
    {
      g_set_error (error, FISCAL_ERROR, FISCAL_ERROR_NOT_UTF8,
                   _("The text is not UTF-8: an invalid byte at byte %lu"), (unsigned long) (bad - text));
      return NULL;
    }

  self = disclosure_new ();
  self->paged = paged;
  split_lines (self, text, length, paged);
  find_department_and_year (self);
  find_parts (self);
  self->format = detect_format (self);
  parse_lines (self);
  find_projects (self);

  for (guint n = 1; n <= MAX_FORMAT_TABLES; n++)
    if (self->published[n] != NULL)
      n_tables++;
  if (n_tables == 0)
    {
      g_set_error (error, FISCAL_ERROR, FISCAL_ERROR_NOT_DISCLOSURE,
                   _("No disclosure table was found in the %u lines of the text (no “表 N” title with a table under it)"),
                   self->lines->len);
      return NULL;
    }

  if (!g_str_equal (fiscal_format_get_id (self->format), FISCAL_FORMAT_DEFAULT))
    note (self, FISCAL_IMPORT_INFO, 0, _("The tables are published in the format “%s”"),
          fiscal_format_get_name (self->format));

  for (guint i = 0; i < fiscal_format_get_n_tables (self->format); i++)
    {
      const FiscalFormatTable *spec = fiscal_format_get_table (self->format, i);
      guint n = spec->number;
      g_autofree char *title = bare_title (spec->title);

      if (n > MAX_FORMAT_TABLES)
        continue;
      if (g_str_has_prefix (title, "{year}年"))
        memmove (title, title + strlen ("{year}年"), strlen (title + strlen ("{year}年")) + 1);
      if (self->published[n] == NULL)
        note (self, FISCAL_IMPORT_WARNING, 0, _("表 %u %s is not in the text"), n, title);
      else if (fiscal_table_get_n_rows (self->published[n]) == 0 && !self->published_empty[n])
        note (self, FISCAL_IMPORT_WARNING, fiscal_table_get_source_line (self->published[n]),
              _("表 %u has no rows and does not say it is empty"), n);
    }

  national_tables (self);
  if (self->year == 0)
    note (self, FISCAL_IMPORT_WARNING, 0, _("The budget year is not stated"));
  if (self->department == NULL)
    note (self, FISCAL_IMPORT_WARNING, 0, _("The department is not named"));

  return g_steal_pointer (&self);
}

/**
 * fiscal_disclosure_parse_text:
 * @text: the text of a disclosure, UTF-8; form feeds separate pages
 * @length: its length in bytes
 *
 * Returns: (transfer full): what the text publishes, or %NULL with
 *   %FISCAL_ERROR_NOT_DISCLOSURE (empty, no table found) or
 *   %FISCAL_ERROR_NOT_UTF8 (binary) set. What is doubtful in a text that
 *   is a disclosure is an entry, not an error.
 */
FiscalDisclosure *
fiscal_disclosure_parse_text (const char  *text,
                              gsize        length,
                              GError     **error)
{
  gboolean paged = text != NULL && memchr (text, '\f', length) != NULL;

  return parse_common (text, length, paged, error);
}

typedef struct
{
  gunichar c;
  gboolean space_before;   /* a space or a line break came before it in poppler's text */
  double   x1, x2, yc, height;
} Glyph;

typedef struct
{
  GString *text;
  double   x1, x2;
  gboolean blank_before;   /* the text has a blank before it, not just a gap */
} Word;

/* A column of a table as its row of column numbers places it:
 * “※ ※ ※ ※ 1 2 3 …”, ※ over the label columns. */
typedef struct
{
  double   x;          /* the centre of its mark */
  gboolean label;      /* ※ */
  gboolean code;       /* a label column of a code's part (类, 款, 项) */
} Column;

/* Whether @words are a row of column numbers (※ for the label columns,
 * then 1, 2, 3, …); if so, @columns are set from it. */
static gboolean
read_column_numbers (GArray *words,
                     GArray *columns)
{
  guint next = 1, n_labels = 0;

  if (words->len < 3)
    return FALSE;
  for (guint k = 0; k < words->len; k++)
    {
      const char *t = g_array_index (words, Word, k).text->str;

      if (g_str_equal (t, "※") && next == 1)
        n_labels++;
      else if (is_digits (t) && strlen (t) <= 2 && (guint) atoi (t) == next)
        next++;
      else
        return FALSE;
    }
  if (next < 3 || n_labels == 0)
    return FALSE;

  /* only the marks of a table's columns: spread out, not a line of text */
  {
    double digit = 0, gap = G_MAXDOUBLE;

    for (guint k = n_labels; k < words->len; k++)
      {
        const Word *w = &g_array_index (words, Word, k);

        if (strlen (w->text->str) == 1)
          digit = MAX (digit, w->x2 - w->x1);
        if (k > n_labels)
          {
            const Word *p = &g_array_index (words, Word, k - 1);
            gap = MIN (gap, (w->x1 + w->x2) / 2 - (p->x1 + p->x2) / 2);
          }
      }
    if (gap < 3 * digit)
      return FALSE;
  }

  /* the label columns: the parts of the code, then the name (and a
   * project's name, in a table of five) */
  g_array_set_size (columns, 0);
  for (guint k = 0; k < words->len; k++)
    {
      const Word *w = &g_array_index (words, Word, k);
      Column c = { (w->x1 + w->x2) / 2, k < n_labels, k < (n_labels >= 5 ? 3 : n_labels - 1) };
      g_array_append_val (columns, c);
    }
  return TRUE;
}

/* A line's words: under a row of column numbers, a row with figures is
 * given a field per column, tab-separated, each word in the column
 * nearest its centre, so that blank cells keep their place; any other
 * line as its words. */
static void
append_words (GString *out,
              GArray  *words,
              GArray  *columns)
{
  gboolean figures = FALSE;

  /* a new table's heading forgets the columns of the one above */
  if (words->len > 0 && (strstr (g_array_index (words, Word, 0).text->str, "编制部门") ||
                         g_str_has_prefix (g_array_index (words, Word, 0).text->str, "表")))
    g_array_set_size (columns, 0);

  /* the row of numbers itself is printed as it is */
  if (!read_column_numbers (words, columns) && columns->len > 0)
    for (guint k = 0; k < words->len && !figures; k++)
      {
        const Word *w = &g_array_index (words, Word, k);
        figures = strchr (w->text->str, '.') != NULL && is_amount (w->text->str) &&
                  (w->x1 + w->x2) / 2 > g_array_index (columns, Column, 0).x;
      }

  if (figures)
    {
      g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);

      for (guint c = 0; c < columns->len; c++)
        g_ptr_array_add (fields, g_strdup (""));
      guint next_text = 0;

      for (guint k = 0; k < words->len; k++)
        {
          const Word *w = &g_array_index (words, Word, k);
          double centre = (w->x1 + w->x2) / 2;
          gboolean number = is_amount (w->text->str) && strchr (w->text->str, '.') != NULL;
          gboolean code = !number && is_digits (w->text->str);
          guint best = G_MAXUINT;

          /* figures go in the number column nearest their centre, the
           * parts of a code in the nearest code column; the other words
           * of the label fill the name columns in order (a name printed
           * from its column's left edge is not centred under its mark) */
          if (!number && !code)
            {
              guint seen = 0;

              for (guint c = 0; c < columns->len; c++)
                {
                  const Column *col = &g_array_index (columns, Column, c);

                  if (!col->label || col->code)
                    continue;
                  best = c;
                  if (seen++ == next_text)
                    break;
                }
              next_text++;
            }
          else
            for (guint c = 0; c < columns->len; c++)
              {
                const Column *col = &g_array_index (columns, Column, c);

                if (number ? col->label : !col->code)
                  continue;
                if (best == G_MAXUINT ||
                    ABS (col->x - centre) < ABS (g_array_index (columns, Column, best).x - centre))
                  best = c;
              }
          if (best == G_MAXUINT)
            best = 0;
          {
            char *old = g_ptr_array_index (fields, best);
            g_ptr_array_index (fields, best) = *old ? g_strconcat (old, " ", w->text->str, NULL) : g_strdup (w->text->str);
            g_free (old);
          }
        }
      for (guint c = 0; c < columns->len; c++)
        {
          if (c > 0)
            g_string_append_c (out, '\t');
          g_string_append (out, g_ptr_array_index (fields, c));
        }
    }
  else
    for (guint k = 0; k < words->len; k++)
      {
        if (k > 0)
          g_string_append_c (out, ' ');
        g_string_append (out, g_array_index (words, Word, k).text->str);
      }
  g_string_append_c (out, '\n');
}

static int
compare_glyphs_y (gconstpointer a,
                  gconstpointer b)
{
  const Glyph *ga = a, *gb = b;

  if (ga->yc != gb->yc)
    return ga->yc < gb->yc ? -1 : 1;
  return ga->x1 < gb->x1 ? -1 : ga->x1 > gb->x1;
}

static int
compare_glyphs_x (gconstpointer a,
                  gconstpointer b)
{
  const Glyph *ga = a, *gb = b;

  return ga->x1 < gb->x1 ? -1 : ga->x1 > gb->x1;
}

/* A line of a page: its words left to right, and where it stands. */
typedef struct
{
  GArray *words;      /* of Word */
  double  y1, y2;     /* the top and bottom of its glyphs */
  double  height;     /* its tallest glyph */
} Line;

static void
line_clear (Line *line)
{
  for (guint k = 0; k < line->words->len; k++)
    g_string_free (g_array_index (line->words, Word, k).text, TRUE);
  g_array_unref (line->words);
}

/* Whether @line has an amount with decimals among its words. */
static gboolean
line_has_figures (const Line *line)
{
  for (guint k = 0; k < line->words->len; k++)
    {
      const char *t = g_array_index (line->words, Word, k).text->str;

      if (is_amount (t) && strchr (t, '.') != NULL)
        return TRUE;
    }
  return FALSE;
}

/* Whether @line's words stand apart as the cells of a table row do: two
 * of them a line's height or more from each other. Running text never
 * has such a gap. */
static gboolean
line_is_row (const Line *line)
{
  for (guint k = 1; k < line->words->len; k++)
    if (g_array_index (line->words, Word, k).x1 - g_array_index (line->words, Word, k - 1).x2 >= line->height)
      return TRUE;
  return FALSE;
}

/* Whether @line is not the heading of a table (表 N, its title, 编制部门)
 * nor its row of column numbers. */
static gboolean
line_is_heading_free (const Line *line)
{
  const char *first = g_array_index (line->words, Word, 0).text->str;

  return !g_str_has_prefix (first, "表") && strstr (first, "编制部门") == NULL &&
         !g_str_has_suffix (first, "表") && !g_str_equal (first, "※");
}

/* Whether @line can be the wrapped part of a cell of a row above or
 * below it: text in one place (no figure, no gap of a row), not the
 * heading of a table. */
static gboolean
line_is_cell_part (const Line *line)
{
  if (line->words->len == 0 || line_has_figures (line) || line_is_row (line))
    return FALSE;
  return line_is_heading_free (line);
}

/* The vertical gap between two lines, @a above @b (negative when they
 * overlap, as the halves of a label centred on its row's figures do). */
static double
line_gap (const Line *a,
          const Line *b)
{
  return b->y1 - a->y2;
}

static gboolean
is_figure (const Word *w)
{
  return is_amount (w->text->str) && strchr (w->text->str, '.') != NULL;
}

/* Adds the words of @from to @into: a word under a word of @into (the
 * same cell) goes on from the last of those it stands under, one over a
 * word of @into leads the first of those it stands over; words of @from
 * that go to the same word keep the blank the text has between them.
 * Another word goes in its place from the left. */
static void
line_absorb (Line *into,
             Line *from)
{
  gboolean above = from->y2 <= into->y2;
  guint n = from->words->len;
  g_autofree guint *target = g_new (guint, n);
  guint n_into = into->words->len;

  for (guint k = 0; k < n; k++)
    {
      const Word *w = &g_array_index (from->words, Word, k);

      target[k] = G_MAXUINT;
      for (guint j = 0; j < n_into; j++)
        {
          const Word *o = &g_array_index (into->words, Word, j);

          if (w->x1 < o->x2 && o->x1 < w->x2 && !is_figure (o) && (above ? target[k] == G_MAXUINT : TRUE))
            target[k] = j;
        }
    }

  /* the joined words, before any word is inserted */
  for (guint i = 0; i < n; i++)
    {
      guint k = above ? n - 1 - i : i;
      Word *w = &g_array_index (from->words, Word, k);
      Word *o;

      if (target[k] == G_MAXUINT)
        continue;
      o = &g_array_index (into->words, Word, target[k]);
      if (above)
        {
          if (k + 1 < n && target[k + 1] == target[k] &&
              g_array_index (from->words, Word, k + 1).blank_before)
            g_string_prepend_c (o->text, ' ');
          g_string_prepend (o->text, w->text->str);
        }
      else
        {
          if (k > 0 && target[k - 1] == target[k] && w->blank_before)
            g_string_append_c (o->text, ' ');
          g_string_append (o->text, w->text->str);
        }
      o->x1 = MIN (o->x1, w->x1);
      o->x2 = MAX (o->x2, w->x2);
      g_string_free (w->text, TRUE);
    }

  for (guint k = 0; k < n; k++)
    {
      Word *w = &g_array_index (from->words, Word, k);
      guint at = 0;

      if (target[k] != G_MAXUINT)
        continue;
      while (at < into->words->len && g_array_index (into->words, Word, at).x1 <= w->x1)
        at++;
      g_array_insert_val (into->words, at, *w);
    }

  /* the row now reaches over the lines it has taken: the next piece of
   * a cell is measured against the one before it */
  g_array_set_size (from->words, 0);
  into->y1 = MIN (into->y1, from->y1);
  into->y2 = MAX (into->y2, from->y2);
}

/* Whether @l, a line without figures, can be part of the row printed on
 * @t: a piece of one cell; or, beside a row with figures, labels none of
 * which stands over a figure (labels and figures aligned differently in
 * their cells); or, beside a row without figures (a header, a target),
 * the wrapped parts of some of its cells. */
static gboolean
line_continues (const Line *l,
                const Line *t)
{
  guint over_text = 0, over_figure = 0;

  if (!line_is_row (t) || !line_is_heading_free (t))
    return FALSE;
  if (line_is_cell_part (l))
    {
      /* within one cell: over one word of @t at most (a line of text
       * under a table stands over several of its cells) */
      double x1 = g_array_index (l->words, Word, 0).x1;
      double x2 = g_array_index (l->words, Word, l->words->len - 1).x2;
      guint n = 0;

      for (guint j = 0; j < t->words->len; j++)
        {
          const Word *o = &g_array_index (t->words, Word, j);

          n += x1 < o->x2 && o->x1 < x2;
        }
      return n <= 1;
    }
  for (guint k = 0; k < l->words->len; k++)
    {
      const Word *w = &g_array_index (l->words, Word, k);
      gboolean text = FALSE, figure = FALSE;

      for (guint j = 0; j < t->words->len; j++)
        {
          const Word *o = &g_array_index (t->words, Word, j);

          if (w->x1 < o->x2 && o->x1 < w->x2)
            {
              if (is_figure (o))
                figure = TRUE;
              else
                text = TRUE;
            }
        }
      over_text += text;
      over_figure += figure;
    }
  if (over_figure > 0)
    return FALSE;
  if (line_has_figures (t))
    return TRUE;
  /* the wrapped halves of the cells of a row centred in its height
   * stand in the cells where @t has nothing */
  if (over_text == 0)
    return TRUE;
  /* the ends of some of @t's cells, each under or over its cell; a line
   * whose words stand over every cell of @t is a row of its own (the
   * entries of a list, a header over its first row) */
  if (over_text == l->words->len)
    {
      guint covered = 0;

      for (guint j = 0; j < t->words->len; j++)
        {
          const Word *o = &g_array_index (t->words, Word, j);

          for (guint k = 0; k < l->words->len; k++)
            {
              const Word *w = &g_array_index (l->words, Word, k);

              if (w->x1 < o->x2 && o->x1 < w->x2)
                {
                  covered++;
                  break;
                }
            }
        }
      return covered < t->words->len && l->words->len < t->words->len;
    }
  return FALSE;
}

typedef struct
{
  const Word *word;
  guint       line;
  double      x1, x2;     /* its cell's */
  guint       column;
} Piece;

static int
compare_pieces (gconstpointer a,
                gconstpointer b)
{
  const Piece *x = a, *y = b;

  if (x->column != y->column)
    return x->column < y->column ? -1 : 1;
  if (x->line != y->line)
    return x->line < y->line ? -1 : 1;
  return x->word->x1 < y->word->x1 ? -1 : x->word->x1 > y->word->x1;
}

static int
compare_words_x (gconstpointer a,
                 gconstpointer b)
{
  const Word *x = a, *y = b;

  return x->x1 < y->x1 ? -1 : x->x1 > y->x1;
}

/* Lines @a to @b made one line: their cells in columns (cells standing
 * over each other); a column's words on its first line as they are, the
 * lines under them going on from its last word. Returns FALSE, the lines
 * untouched, when the cells stand in one column (a paragraph) or in more
 * than @max_columns. */
static gboolean
join_columns (GArray *lines,
              guint   a,
              guint   b,
              guint   max_columns)
{
  g_autoptr(GArray) pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  guint n_columns = 0;
  Line joined = { NULL, G_MAXDOUBLE, -G_MAXDOUBLE, 0 };

  for (guint k = a; k <= b; k++)
    {
      const Line *l = &g_array_index (lines, Line, k);
      guint first = pieces->len;

      for (guint j = 0; j < l->words->len; j++)
        {
          const Word *w = &g_array_index (l->words, Word, j);
          Piece p = { w, k, w->x1, w->x2, G_MAXUINT };

          g_array_append_val (pieces, p);
        }
      /* a code and its name a blank apart are one cell (“223 国有资本经营
       * 预算支出” in the function column of a table of items) */
      for (guint j = first; j + 1 < pieces->len; j++)
        {
          Piece *code = &g_array_index (pieces, Piece, j);
          Piece *name = &g_array_index (pieces, Piece, j + 1);
          gsize len = strlen (code->word->text->str);

          if (is_digits (code->word->text->str) && (len == 3 || len == 5 || len == 7) &&
              !is_digits (name->word->text->str) && !is_figure (name->word) &&
              name->word->x1 - code->word->x2 < l->height / 2)
            {
              code->x2 = name->x2;
              name->x1 = code->x1;
            }
        }
    }
  /* a column: the cells standing over each other, however far down */
  for (guint i = 0; i < pieces->len; i++)
    {
      gboolean grown = TRUE;

      if (g_array_index (pieces, Piece, i).column != G_MAXUINT)
        continue;
      g_array_index (pieces, Piece, i).column = n_columns;
      while (grown)
        {
          grown = FALSE;
          for (guint j = 0; j < pieces->len; j++)
            for (guint m = 0; m < pieces->len; m++)
              {
                Piece *p = &g_array_index (pieces, Piece, j);
                const Piece *q = &g_array_index (pieces, Piece, m);

                if (p->column == G_MAXUINT && q->column == n_columns && p->x1 < q->x2 && q->x1 < p->x2)
                  {
                    p->column = n_columns;
                    grown = TRUE;
                  }
              }
        }
      n_columns++;
    }
  if (n_columns < 2 || n_columns > max_columns)
    return FALSE;

  joined.words = g_array_new (FALSE, FALSE, sizeof (Word));
  g_array_sort (pieces, compare_pieces);
  for (guint i = 0; i < pieces->len; i++)
    {
      const Piece *p = &g_array_index (pieces, Piece, i);
      const Piece *start = p;

      /* the column's first line */
      for (guint j = i; j > 0 && g_array_index (pieces, Piece, j - 1).column == p->column; j--)
        start = &g_array_index (pieces, Piece, j - 1);
      if (p->line == start->line)
        {
          Word w = { g_string_new (p->word->text->str), p->word->x1, p->word->x2, p->word->blank_before };
          g_array_append_val (joined.words, w);
        }
      else
        {
          Word *w = &g_array_index (joined.words, Word, joined.words->len - 1);
          const Piece *prev = &g_array_index (pieces, Piece, i - 1);

          if (prev->line == p->line && p->word->blank_before)
            g_string_append_c (w->text, ' ');
          g_string_append (w->text, p->word->text->str);
          w->x2 = MAX (w->x2, p->word->x2);   /* its place in the line stays */
        }
    }
  /* the columns left to right */
  g_array_sort (joined.words, compare_words_x);

  for (guint k = a; k <= b; k++)
    {
      const Line *l = &g_array_index (lines, Line, k);

      joined.y1 = MIN (joined.y1, l->y1);
      joined.y2 = MAX (joined.y2, l->y2);
      joined.height = MAX (joined.height, l->height);
    }
  g_array_set_size (pieces, 0);
  for (guint k = b + 1; k-- > a;)
    {
      line_clear (&g_array_index (lines, Line, k));
      g_array_remove_index (lines, k);
    }
  g_array_insert_val (lines, a, joined);
  return TRUE;
}

/* Lines that overlap by a third of their height or more are printed in
 * one row of a table: the lines of two cells of a row, centred at
 * different heights (a label of two lines beside a name of one); lines of
 * text, and rows, stand one under the other. Such lines are made one, by
 * their columns. */
static void
join_overlapping (GArray *lines)
{
  for (guint a = 0; a < lines->len; a++)
    {
      guint b = a;
      double bottom = g_array_index (lines, Line, a).y2;

      while (b + 1 < lines->len)
        {
          const Line *next = &g_array_index (lines, Line, b + 1);

          if (next->words->len == 0 || !line_is_heading_free (next) ||
              bottom - next->y1 < next->height / 3)
            break;
          bottom = MAX (bottom, next->y2);
          b++;
        }
      if (b > a && line_is_heading_free (&g_array_index (lines, Line, a)))
        join_columns (lines, a, b, G_MAXUINT);
    }
}

/* Whether @line is a classification code and a name, the label of a
 * row in the function columns of a table of items (“207 文化旅游体育与传媒”). */
static gboolean
line_is_coded_label (const Line *line)
{
  const char *code;

  if (line->words->len != 2)
    return FALSE;
  code = g_array_index (line->words, Word, 0).text->str;
  return is_digits (code) && (strlen (code) == 3 || strlen (code) == 5 || strlen (code) == 7);
}

/* The end of a coded label wrapped in its cell, on a line of its own
 * (“支出” under “207 文化旅游体育与传媒”): a word under the label, nearer
 * to it than the lines around stand (a row's pitch apart), ends the
 * name. */
static void
join_wrapped_names (GArray *lines)
{
  for (guint k = 1; k < lines->len; k++)
    {
      Line *t = &g_array_index (lines, Line, k - 1);
      Line *l = &g_array_index (lines, Line, k);
      const Word *name = t->words->len ? &g_array_index (t->words, Word, t->words->len - 1) : NULL;
      const Word *w = l->words->len == 1 ? &g_array_index (l->words, Word, 0) : NULL;
      double gap = line_gap (t, l);

      if (w == NULL || !line_is_coded_label (t) || !line_is_cell_part (l) ||
          strpbrk (w->text->str, "0123456789") != NULL ||
          w->x1 < g_array_index (t->words, Word, 0).x1 - 1 || w->x1 > name->x2)
        continue;
      if (gap >= 0.7 * MAX (k >= 2 ? line_gap (&g_array_index (lines, Line, k - 2), t) : 0,
                            k + 1 < lines->len ? line_gap (l, &g_array_index (lines, Line, k + 1)) : 0))
        continue;
      g_string_append (((Word *) name)->text, w->text->str);
      t->y2 = MAX (t->y2, l->y2);
      line_clear (l);
      g_array_remove_index (lines, k);
      k--;
    }
}

/* Cells of many lines (a goal, a long basis) beside a row's one line: a
 * run of lines as close as the lines of a cell, pieces of cells and one
 * row line among them (or, without one such line, words in several
 * columns), set apart from the lines around it, is that row. */
static void
join_cell_blocks (GArray *lines)
{
  for (guint a = 0; a < lines->len; a++)
    {
      guint b = a, anchor = G_MAXUINT, n_rows = 0;
      double inner = -G_MAXDOUBLE;
      gboolean ok = TRUE;

      while (b + 1 < lines->len)
        {
          const Line *x = &g_array_index (lines, Line, b);
          const Line *y = &g_array_index (lines, Line, b + 1);

          if (x->words->len == 0 || y->words->len == 0 ||
              line_gap (x, y) >= 0.5 * MIN (x->height, y->height))
            break;
          b++;
        }
      if (b - a < 2)
        continue;

      for (guint k = a; k <= b && ok; k++)
        {
          const Line *l = &g_array_index (lines, Line, k);

          if (k > a)
            inner = MAX (inner, line_gap (&g_array_index (lines, Line, k - 1), l));
          if (line_has_figures (l) || !line_is_heading_free (l))
            ok = FALSE;
          else if (line_is_row (l))
            {
              anchor = k;
              n_rows++;
            }
        }
      /* set apart by more than the cell's own spacing */
      if (ok && a > 0)
        ok = inner < 0.6 * line_gap (&g_array_index (lines, Line, a - 1), &g_array_index (lines, Line, a));
      if (ok && b + 1 < lines->len)
        ok = inner < 0.6 * line_gap (&g_array_index (lines, Line, b), &g_array_index (lines, Line, b + 1));
      if (!ok)
        continue;
      if (n_rows != 1)
        {
          /* no single row line (a label wrapped beside a text): the
           * row's cells are its columns of words */
          join_columns (lines, a, b, 2);
          continue;
        }

      for (guint k = anchor; k-- > a;)
        {
          line_absorb (&g_array_index (lines, Line, anchor), &g_array_index (lines, Line, k));
        }
      for (guint k = anchor + 1; k <= b; k++)
        line_absorb (&g_array_index (lines, Line, anchor), &g_array_index (lines, Line, k));
      for (guint k = b + 1; k-- > a;)
        if (k != anchor)
          {
            line_clear (&g_array_index (lines, Line, k));
            g_array_remove_index (lines, k);
          }
    }
}

/* Puts back together the rows of a table whose cells wrap: a label over
 * two or three lines in its cell prints those lines above, beside or
 * under the line with the row's figures. Each line that is only a piece
 * of a cell goes to the row line nearer to it, when the two are as close
 * as the lines within one cell are (less than half a line apart) and
 * clearly closer than the line on its other side: the rows of a table
 * stand further apart, by their cells' padding. */
static void
join_wrapped_cells (GArray *lines)
{
  gboolean changed = TRUE;

  while (changed)
    {
      changed = FALSE;
      for (guint i = 0; i < lines->len; i++)
        {
          Line *l = &g_array_index (lines, Line, i);
          Line *up = i > 0 ? &g_array_index (lines, Line, i - 1) : NULL;
          Line *down = i + 1 < lines->len ? &g_array_index (lines, Line, i + 1) : NULL;
          double gap_up = G_MAXDOUBLE, gap_down = G_MAXDOUBLE;
          Line *to = NULL;

          if (l->words->len == 0 || line_has_figures (l) || !line_is_heading_free (l))
            continue;
          if (up && line_continues (l, up))
            gap_up = line_gap (up, l);
          if (down && line_continues (l, down))
            gap_down = line_gap (l, down);
          /* the other side as close: a line of a block of text (a
           * header's cell), not one row's */
          if (up && !line_is_row (up) && line_gap (up, l) <= MIN (gap_up, gap_down))
            continue;
          if (down && !line_is_row (down) && line_gap (l, down) <= MIN (gap_up, gap_down))
            continue;
          /* nearer to one side than to the other by the padding of a
           * cell: rows printed one under the other at an even pitch
           * (a row whose figures are blank) are not joined */
          if (gap_up <= gap_down && gap_up < G_MAXDOUBLE && gap_up < 0.5 * MIN (l->height, up->height) &&
              (down == NULL || gap_up < 0.6 * line_gap (l, down)))
            to = up;
          else if (gap_down < gap_up && gap_down < 0.5 * MIN (l->height, down->height) &&
                   (up == NULL || gap_down < 0.6 * line_gap (up, l)))
            to = down;
          if (to == NULL)
            continue;
          line_absorb (to, l);
          line_clear (l);
          g_array_remove_index (lines, i);
          changed = TRUE;
          break;
        }
    }
}

/* What a page's reading hands on to the next: the header of the table
 * read last, as its lines were printed under its heading, down to its
 * first row with figures. */
typedef struct
{
  GPtrArray *header;      /* of char *, each a line's words joined by spaces */
  gboolean   recording;
  gboolean   targets;     /* in a performance-target table (…目标表) */
  GArray    *last;        /* of Word: the page's last line, when a row of a target table */
  gsize      last_start;  /* where that line starts in the text */
} PageState;

static void
words_free (GArray *words)
{
  for (guint k = 0; k < words->len; k++)
    g_string_free (g_array_index (words, Word, k).text, TRUE);
  g_array_unref (words);
}

static GArray *
words_copy (GArray *words)
{
  GArray *copy = g_array_sized_new (FALSE, FALSE, sizeof (Word), words->len);

  for (guint k = 0; k < words->len; k++)
    {
      Word w = g_array_index (words, Word, k);

      w.text = g_string_new (w.text->str);
      g_array_append_val (copy, w);
    }
  return copy;
}

/* Whether each word of @l stands over one word of @t and @l has no
 * figure: the rest of @t's cells, a row broken by the end of a page. */
static gboolean
line_ends_row (const Line *l,
               GArray     *t)
{
  if (l->words->len == 0 || l->words->len >= t->len || line_has_figures (l))
    return FALSE;
  for (guint k = 0; k < l->words->len; k++)
    {
      const Word *w = &g_array_index (l->words, Word, k);
      guint n = 0;

      for (guint j = 0; j < t->len; j++)
        {
          const Word *o = &g_array_index (t, Word, j);

          n += w->x1 < o->x2 && o->x1 < w->x2;
        }
      if (n != 1)
        return FALSE;
    }
  return TRUE;
}

static char *
line_text (const Line *line)
{
  GString *s = g_string_new (NULL);

  for (guint k = 0; k < line->words->len; k++)
    {
      if (k > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, g_array_index (line->words, Word, k).text->str);
    }
  return g_string_free (s, FALSE);
}

/* A page's text in reading order by where its glyphs are: the text
 * poppler gives keeps its blocks together, which breaks a table row whose
 * figures stand far apart; the glyphs of a row share a baseline. */
static void
append_page_text (PopplerPage *page,
                  GString     *out,
                  PageState   *state)
{
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (Column));
  g_autofree char *text = poppler_page_get_text (page);
  PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  g_autoptr(GArray) glyphs = g_array_new (FALSE, FALSE, sizeof (Glyph));
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (Line));
  guint i = 0, first_row = 0;
  gboolean space = TRUE;

  if (text == NULL)
    return;
  if (!poppler_page_get_text_layout (page, &rects, &n_rects) || n_rects < (guint) g_utf8_strlen (text, -1))
    {
      g_free (rects);
      g_string_append (out, text);
      return;
    }

  for (const char *p = text; *p; p = g_utf8_next_char (p), i++)
    {
      gunichar c = g_utf8_get_char (p);
      Glyph g;

      if (g_unichar_isspace (c))
        {
          space = TRUE;
          continue;
        }
      g.c = c;
      g.space_before = space;
      space = FALSE;
      g.x1 = MIN (rects[i].x1, rects[i].x2);
      g.x2 = MAX (rects[i].x1, rects[i].x2);
      g.yc = (rects[i].y1 + rects[i].y2) / 2;
      g.height = ABS (rects[i].y2 - rects[i].y1);
      g_array_append_val (glyphs, g);
    }
  g_free (rects);
  g_array_sort (glyphs, compare_glyphs_y);

  for (guint start = 0; start < glyphs->len;)
    {
      const Glyph *first = &g_array_index (glyphs, Glyph, start);
      double tolerance = MAX (first->height * 0.4, 1.0);
      guint end = start + 1;
      g_autoptr(GArray) line = g_array_new (FALSE, FALSE, sizeof (Glyph));
      Line l = { g_array_new (FALSE, FALSE, sizeof (Word)), G_MAXDOUBLE, -G_MAXDOUBLE, 0 };

      while (end < glyphs->len && g_array_index (glyphs, Glyph, end).yc - first->yc < tolerance)
        end++;
      g_array_append_vals (line, &g_array_index (glyphs, Glyph, start), end - start);
      g_array_sort (line, compare_glyphs_x);
      for (guint k = 0; k < line->len; k++)
        {
          const Glyph *g = &g_array_index (line, Glyph, k);
          Word *w = l.words->len ? &g_array_index (l.words, Word, l.words->len - 1) : NULL;

          if (k > 0)
            {
              const Glyph *prev = &g_array_index (line, Glyph, k - 1);
              /* a gap of a blank's width (about 0.15 of the line's
               * height in a CJK font) is a blank, whether or not the
               * text has one */
              if (g->space_before || g->x1 - prev->x2 > MAX (prev->height, g->height) * 0.12)
                w = NULL;
            }
          if (w == NULL)
            {
              Word fresh = { g_string_new (NULL), g->x1, g->x2, g->space_before };
              g_array_append_val (l.words, fresh);
              w = &g_array_index (l.words, Word, l.words->len - 1);
            }
          g_string_append_unichar (w->text, g->c);
          w->x2 = g->x2;
          l.y1 = MIN (l.y1, g->yc - g->height / 2);
          l.y2 = MAX (l.y2, g->yc + g->height / 2);
          l.height = MAX (l.height, g->height);
        }
      g_array_append_val (lines, l);
      start = end;
    }

  join_overlapping (lines);
  join_cell_blocks (lines);
  join_wrapped_cells (lines);
  join_wrapped_names (lines);

  /* a table running over from the page before prints its header again
   * (an office program repeats a table's header rows on each page): the
   * lines that repeat it are not rows; its row of column numbers is kept
   * for the columns of the page */
  for (guint h = 0; first_row < lines->len && h < state->header->len; h++)
    {
      /* the header printed again may leave out the first lines under the
       * heading (单位) */
      if (first_row == 0)
        {
          g_autofree char *top = line_text (&g_array_index (lines, Line, 0));

          while (h < state->header->len && !g_str_equal (top, g_ptr_array_index (state->header, h)))
            h++;
          if (h == state->header->len)
            break;
        }
      Line *l = &g_array_index (lines, Line, first_row);
      g_autofree char *t = line_text (l);

      if (!g_str_equal (t, g_ptr_array_index (state->header, h)) || line_has_figures (l))
        break;
      if (g_str_equal (g_array_index (l->words, Word, 0).text->str, "※"))
        break;
      first_row++;
    }

  /* a row of a target table broken by the page (its cells of many
   * lines): the rest of its cells, at the top of this page, go back to
   * it */
  if (state->last != NULL && first_row < lines->len &&
      line_ends_row (&g_array_index (lines, Line, first_row), state->last))
    {
      Line row = { state->last, -G_MAXDOUBLE, -G_MAXDOUBLE, 0 };
      Line *rest = &g_array_index (lines, Line, first_row);
      gboolean page_break = out->len > 0 && out->str[out->len - 1] == '\f';

      rest->y1 = rest->y2 = 0;   /* under it */
      line_absorb (&row, rest);
      g_string_truncate (out, state->last_start);
      append_words (out, row.words, columns);
      if (page_break)
        g_string_append_c (out, '\f');
      first_row++;
    }
  g_clear_pointer (&state->last, words_free);

  for (guint k = first_row; k < lines->len; k++)
    {
      Line *l = &g_array_index (lines, Line, k);
      const char *first = l->words->len ? g_array_index (l->words, Word, 0).text->str : "";

      if (g_str_has_suffix (first, "目标表"))
        state->targets = TRUE;
      else if (strstr (first, "编制部门") || g_str_has_prefix (first, "表") || g_str_has_prefix (first, "第"))
        state->targets = FALSE;
      if (k + 1 == lines->len && state->targets && line_is_row (l) && line_is_heading_free (l))
        {
          state->last = words_copy (l->words);
          state->last_start = out->len;
        }

      /* the header of a table: the lines under its heading (编制部门,
       * 单位) down to its first row with figures */
      if (strstr (first, "编制部门") || g_str_has_prefix (first, "表"))
        {
          g_ptr_array_set_size (state->header, 0);
          state->recording = TRUE;
        }
      else if (state->recording && line_has_figures (l))
        state->recording = FALSE;
      else if (state->recording)
        g_ptr_array_add (state->header, line_text (l));
      append_words (out, l->words, columns);
    }
  for (guint k = 0; k < lines->len; k++)
    line_clear (&g_array_index (lines, Line, k));
}

static FiscalDisclosure *
parse_poppler (PopplerDocument *pdf,
               GCancellable    *cancellable,
               GError         **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  PageState state = { g_ptr_array_new_with_free_func (g_free), FALSE, FALSE, NULL, 0 };
  int n_pages = poppler_document_get_n_pages (pdf);

  for (int i = 0; i < n_pages; i++)
    {
      PopplerPage *page;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          g_ptr_array_unref (state.header);
          g_clear_pointer (&state.last, words_free);
          return NULL;
        }
      page = poppler_document_get_page (pdf, i);
      if (i > 0)
        g_string_append_c (text, '\f');
      if (page)
        append_page_text (page, text, &state);
      g_clear_object (&page);
      if (text->len && text->str[text->len - 1] != '\n')
        g_string_append_c (text, '\n');
    }
  g_ptr_array_unref (state.header);
  g_clear_pointer (&state.last, words_free);

  g_autofree char *flat = g_strdelimit (g_strdup (text->str), "\f\n", ' ');

  if (is_blank (flat))
    {
      g_set_error (error, FISCAL_ERROR, FISCAL_ERROR_BAD_PDF,
                   _("The PDF has no text on its %d pages (a scanned document must be read by OCR first)"), n_pages);
      return NULL;
    }

  return parse_common (text->str, text->len, TRUE, error);
}

/**
 * fiscal_disclosure_parse_pdf:
 * @path: a PDF file
 *
 * The text of every page (poppler), read as fiscal_disclosure_parse_text()
 * reads a text, each line remembering its page.
 */
FiscalDisclosure *
fiscal_disclosure_parse_pdf (const char  *path,
                             GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &local))
    {
      g_set_error (error, FISCAL_ERROR, FISCAL_ERROR_FAILED, "%s", local->message);
      return NULL;
    }

  {
    g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
    FiscalDisclosure *self = fiscal_disclosure_parse_pdf_bytes (bytes, &local);

    if (self == NULL)
      g_set_error (error, local->domain, local->code, "%s: %s", path, local->message);
    return self;
  }
}

/* A page is read in about a millisecond: @cancellable is looked at
 * before each. */
static FiscalDisclosure *
parse_pdf_bytes (GBytes        *bytes,
                 GCancellable  *cancellable,
                 GError       **error)
{
  PopplerDocument *pdf = NULL;
  FiscalDisclosure *self;
  g_autoptr(GError) local = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (size < 5 || memcmp (data, "%PDF-", 5) != 0)
    {
      g_set_error (error, FISCAL_ERROR, FISCAL_ERROR_BAD_PDF, _("This is not a PDF: it does not start with “%%PDF-”"));
      return NULL;
    }

  pdf = poppler_document_new_from_bytes (bytes, NULL, &local);
  if (pdf == NULL)
    {
      g_set_error (error, FISCAL_ERROR, FISCAL_ERROR_BAD_PDF, _("The PDF cannot be read: %s"), local->message);
      return NULL;
    }

  self = parse_poppler (pdf, cancellable, error);
  g_object_unref (pdf);
  return self;
}

FiscalDisclosure *
fiscal_disclosure_parse_pdf_bytes (GBytes  *bytes,
                                   GError **error)
{
  return parse_pdf_bytes (bytes, NULL, error);
}

/* ---- Accessors --------------------------------------------------------- */

const char *
fiscal_disclosure_get_department (FiscalDisclosure *self)
{
  return self->department;
}

int
fiscal_disclosure_get_year (FiscalDisclosure *self)
{
  return self->year;
}

/**
 * fiscal_disclosure_get_table:
 * @number: 1…11 in the national numbering
 *
 * Returns: (transfer none) (nullable): the table as published, with the
 *   columns fiscal_pivot_table() gives that number and amounts in fen
 */
FiscalTable *
fiscal_disclosure_get_table (FiscalDisclosure *self,
                             guint             number)
{
  g_return_val_if_fail (number >= 1 && number <= FISCAL_N_TABLES, NULL);
  return self->tables[number];
}

gboolean
fiscal_disclosure_get_declared_empty (FiscalDisclosure *self,
                                      guint             number)
{
  g_return_val_if_fail (number >= 1 && number <= FISCAL_N_TABLES, FALSE);
  return self->declared_empty[number];
}

/* The number the publication gave the table of national number @number. */
guint
fiscal_disclosure_get_published_number (FiscalDisclosure *self,
                                        guint             number)
{
  g_return_val_if_fail (number >= 1 && number <= FISCAL_N_TABLES, 0);
  return self->published_number[number];
}

/* Returns: (transfer none) (element-type FiscalTable): the
 *   performance-target tables, shaped as fiscal_targets_to_table(); the
 *   lines above each table's indicators, as published, are
 *   fiscal_disclosure_target_lines() */
GPtrArray *
fiscal_disclosure_get_target_tables (FiscalDisclosure *self)
{
  return self->target_tables;
}

/* The lines above a target table's indicators (name, leader, funds, goal)
 * as published, tab-separated. */
const char *
fiscal_disclosure_target_lines (FiscalTable *table)
{
  return g_object_get_data (G_OBJECT (table), "fiscal-published-lines");
}

guint
fiscal_disclosure_get_n_lines (FiscalDisclosure *self)
{
  return self->lines->len;
}

/* @line: 1-based. Returns: the line with its digits and punctuation of
 * figures made ASCII. */
const char *
fiscal_disclosure_get_line (FiscalDisclosure *self,
                            guint             line)
{
  g_return_val_if_fail (line >= 1 && line <= self->lines->len, NULL);
  return g_ptr_array_index (self->norm, line - 1);
}

guint
fiscal_disclosure_get_line_page (FiscalDisclosure *self,
                                 guint             line)
{
  g_return_val_if_fail (line >= 1 && line <= self->lines->len, 0);
  return g_array_index (self->pages, guint, line - 1);
}

/* @part: 1 概况, 2 tables, 3 情况说明, 4 名词解释; 0 and 0 when absent. */
void
fiscal_disclosure_get_part (FiscalDisclosure *self,
                            guint             part,
                            guint            *first,
                            guint            *last)
{
  g_return_if_fail (part >= 1 && part <= 4);
  *first = self->part_first[part];
  *last = self->part_last[part];
}

/* The first line in [@from, @to] (1-based; 0 for the end) containing
 * @needle, or 0. */
guint
fiscal_disclosure_find_line (FiscalDisclosure *self,
                             guint             from,
                             guint             to,
                             const char       *needle)
{
  if (from == 0)
    from = 1;
  if (to == 0 || to > self->norm->len)
    to = self->norm->len;
  for (guint i = from; i <= to; i++)
    if (strstr (g_ptr_array_index (self->norm, i - 1), needle))
      return i;
  return 0;
}

/* Returns: (transfer none) (element-type FiscalDisclosureProject) */
GPtrArray *
fiscal_disclosure_get_projects (FiscalDisclosure *self)
{
  return self->projects;
}

/* Returns: (transfer none) (element-type FiscalImportEntry): what reading
 *   found doubtful, in the order found */
GPtrArray *
fiscal_disclosure_get_entries (FiscalDisclosure *self)
{
  return self->entries;
}

/* How wide a line prints: a CJK character takes two places. */
static guint
print_width (const char *s)
{
  guint width = 0;

  for (const char *p = s; *p; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return width;
}

/* A table's title or one of its rows, in the narrative part. */
static gboolean
is_table_like (const char *s)
{
  const char *rest;
  guint number;

  return parse_table_prefix (s, &number, &rest) || looks_like_title (s) ||
         strstr (s, "指标") != NULL || strchr (s, '\t') != NULL;
}

/* Whether @s starts something of its own in the narrative: a heading, a
 * numbered item, a table's title or row. */
static gboolean
starts_own_line (const char *s)
{
  return starts_section (s) || part_heading (s) ||
         g_regex_match_simple ("^([（(][一二三四五六七八九十0-9]+[）)]|[0-9]+ *[、.．]|[^，。；：、 ]{2,10}：)", s, 0, 0) ||
         is_table_like (s);
}

/* The lines of a paged disclosure with the narrative's paragraphs whole:
 * a line printed to the page's full width that does not end a sentence
 * goes on with the next one, which is joined to it and left blank, so that
 * every line keeps its number and a finding names the paragraph's first
 * line. Tables in the narrative are left as they are. */
static GPtrArray *
join_narrative (FiscalDisclosure *self)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  guint first = self->part_first[3], last = self->part_last[3];
  g_autoptr(GHashTable) full = g_hash_table_new (NULL, NULL);   /* page → its widest line of text */
  guint open = 0;       /* the line the paragraph being joined started on */

  g_autofree gboolean *in_table = g_new0 (gboolean, self->lines->len + 2);

  for (guint i = 0; i < self->lines->len; i++)
    g_ptr_array_add (lines, g_strdup (g_ptr_array_index (self->lines, i)));
  if (first == 0 || last < first)
    return lines;

  /* the lines of the target tables, from the title to the last row */
  for (guint t = 0; t < self->target_tables->len; t++)
    {
      FiscalTable *table = g_ptr_array_index (self->target_tables, t);
      guint from = fiscal_table_get_source_line (table), to = from;

      for (guint r = 0; r < fiscal_table_get_n_rows (table); r++)
        to = MAX (to, fiscal_table_get_row (table, r)->source_line);
      for (guint l = from; l > 0 && l <= to && l <= self->lines->len; l++)
        in_table[l] = TRUE;
    }

  /* each page's full width: its widest line of the narrative's text; a
   * table's row, printed without tabs, is given them, as a text has them */
  for (guint l = first; l <= last && l <= lines->len; l++)
    {
      char *s = g_ptr_array_index (lines, l - 1);

      if (in_table[l])
        g_strdelimit (s, " ", '\t');
      else if (!is_table_like (s))
        {
          gpointer page = GUINT_TO_POINTER (fiscal_disclosure_get_line_page (self, l) + 1);
          guint widest = GPOINTER_TO_UINT (g_hash_table_lookup (full, page));

          g_hash_table_insert (full, page, GUINT_TO_POINTER (MAX (widest, print_width (s))));
        }
      else if (strstr (s, "指标") != NULL)
        g_strdelimit (s, " ", '\t');
    }

  for (guint l = first; l <= last && l <= lines->len; l++)
    {
      char *s = g_ptr_array_index (lines, l - 1);
      g_autofree char *stripped = g_strstrip (g_strdup (s));

      if (in_table[l])
        {
          open = 0;
          continue;
        }
      if (open != 0 && is_page_furniture (stripped))
        {
          *s = '\0';
          continue;
        }
      if (open != 0 && *stripped && !starts_own_line (stripped))
        {
          char **head = (char **) &g_ptr_array_index (lines, open - 1);
          char *joined = g_strconcat (*head, stripped, NULL);

          g_free (*head);
          *head = joined;
          *s = '\0';
        }
      else
        open = is_table_like (stripped) ? 0 : l;

      /* the paragraph goes on only past a full line that ends no sentence */
      if (*stripped == 0 ||
          print_width (stripped) * 10 < GPOINTER_TO_UINT (g_hash_table_lookup (full, GUINT_TO_POINTER (fiscal_disclosure_get_line_page (self, l) + 1))) * 9 ||
          g_str_has_suffix (stripped, "。") || g_str_has_suffix (stripped, "："))
        open = 0;
    }
  return lines;
}

/**
 * fiscal_disclosure_read_file:
 * @file: a disclosure's text (UTF-8) or its PDF
 *
 * Reads @file as fiscal_disclosure_parse_pdf_bytes() when it starts as a
 * PDF does (“%PDF-”), whatever it is called, else as
 * fiscal_disclosure_parse_text().
 *
 * Returns: (transfer full): the disclosure, or %NULL with @error set
 */
FiscalDisclosure *
fiscal_disclosure_read_file (GFile         *file,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;
  if (length >= 5 && memcmp (contents, "%PDF-", 5) == 0)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
      return parse_pdf_bytes (bytes, cancellable, error);
    }
  return fiscal_disclosure_parse_text (contents, length, error);
}

/**
 * fiscal_disclosure_fill_audit_input:
 * @input: (out caller-allocates): filled with borrowed pointers, valid
 *   while @self lives
 */
void
fiscal_disclosure_fill_audit_input (FiscalDisclosure *self,
                                    FiscalAuditInput *input)
{
  memset (input, 0, sizeof *input);
  for (guint n = 1; n <= FISCAL_N_TABLES; n++)
    {
      input->tables[n] = self->tables[n];
      input->declared_empty[n] = self->declared_empty[n];
      /* a table another format does not print, nor its tables give */
      input->not_printed[n] = self->tables[n] == NULL &&
                              !g_str_equal (fiscal_format_get_id (self->format), FISCAL_FORMAT_DEFAULT);
    }
  if (self->paged && self->audit_lines == NULL)
    self->audit_lines = join_narrative (self);
  input->lines = (const char * const *) (self->paged ? self->audit_lines : self->lines)->pdata;
  input->n_lines = self->lines->len;
  input->narrative_first = self->part_first[3];
  input->narrative_last = self->part_last[3];
  input->target_tables = self->target_tables;
  input->year = self->year;
}

/**
 * fiscal_disclosure_get_format:
 *
 * Returns: (transfer none): the format the disclosure's tables are
 *   published in
 */
FiscalFormat *
fiscal_disclosure_get_format (FiscalDisclosure *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->format;
}

/**
 * fiscal_disclosure_get_format_table:
 * @number: a table number of the disclosure's format
 *
 * Returns: (transfer none) (nullable): the table as published, or %NULL
 *   when the text does not have it
 */
FiscalTable *
fiscal_disclosure_get_format_table (FiscalDisclosure *self,
                                    guint             number)
{
  g_return_val_if_fail (self != NULL, NULL);
  return number <= MAX_FORMAT_TABLES ? self->published[number] : NULL;
}

/**
 * fiscal_disclosure_get_format_declared_empty:
 *
 * Returns: whether table @number of the disclosure's format says it is empty
 */
gboolean
fiscal_disclosure_get_format_declared_empty (FiscalDisclosure *self,
                                             guint             number)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return number <= MAX_FORMAT_TABLES && self->published_empty[number];
}
