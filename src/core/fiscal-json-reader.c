/* fiscal-json-reader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-json"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fiscal-error.h"
#include "fiscal-json-reader.h"

#define MAX_DEPTH 256

struct _FiscalJsonTree
{
  char           *data;      /* the text; unescaped strings end in place */
  FiscalJsonNode *nodes;
  guint           n_nodes;
  GStringChunk   *escaped;   /* strings that held escapes, unescaped */
};

typedef struct
{
  FiscalJsonTree *tree;
  guint           allocated;
  char           *p;
  char           *end;
  const char     *problem;
  guint           depth;
} Reader;

static gboolean value (Reader     *r,
                       const char *key);

static inline void
skip_ws (Reader *r)
{
  while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r'))
    r->p++;
}

static gboolean
fail (Reader     *r,
      const char *problem)
{
  r->problem = problem;
  return FALSE;
}

/* Appends a node and returns its index; the array may move. */
static inline guint
add_node (Reader         *r,
          FiscalJsonType  type,
          const char     *key)
{
  FiscalJsonTree *tree = r->tree;
  FiscalJsonNode *node;

  if (G_UNLIKELY (tree->n_nodes == r->allocated))
    {
      r->allocated = MAX (64, r->allocated * 2);
      tree->nodes = g_renew (FiscalJsonNode, tree->nodes, r->allocated);
    }

  node = &tree->nodes[tree->n_nodes];
  node->key = key;
  node->v.integer = 0;
  node->size = 1;
  node->type = type;

  return tree->n_nodes++;
}

static gboolean
literal (Reader     *r,
         const char *word,
         const char *key)
{
  gsize len = strlen (word);
  guint index;

  if ((gsize) (r->end - r->p) < len || memcmp (r->p, word, len) != 0)
    return fail (r, _("unexpected character"));

  r->p += len;
  if (word[0] == 'n')
    add_node (r, FISCAL_JSON_NULL, key);
  else
    {
      index = add_node (r, FISCAL_JSON_BOOLEAN, key);
      r->tree->nodes[index].v.boolean = word[0] == 't';
    }

  return TRUE;
}

static int
hex4 (const char *p)
{
  int value = 0;

  for (guint i = 0; i < 4; i++)
    value = value * 16 + g_ascii_xdigit_value (p[i]);

  return value;
}

/* Reads four hex digits at r->p into *unit; fails at the first bad one. */
static gboolean
escape_unit (Reader *r,
             int    *unit)
{
  for (guint i = 0; i < 4; i++)
    if (r->p + i >= r->end || !g_ascii_isxdigit (r->p[i]))
      {
        r->p += i;
        return fail (r, _("bad \\u escape in a string"));
      }

  *unit = hex4 (r->p);
  r->p += 4;
  return TRUE;
}

/* The rest of a string that has an escape at r->p; @start is its first
 * character. Unescaped into the tree's chunk. */
static gboolean
escaped_string (Reader      *r,
                char        *start,
                const char **out)
{
  g_autoptr(GString) text = g_string_new_len (start, r->p - start);

  while (r->p < r->end)
    {
      guchar c = *r->p;

      if (c == '"')
        {
          r->p++;
          *out = g_string_chunk_insert_len (r->tree->escaped, text->str, text->len);
          return TRUE;
        }
      if (c < 0x20)
        return fail (r, _("control character in a string"));
      if (c != '\\')
        {
          g_string_append_c (text, c);
          r->p++;
          continue;
        }

      r->p++;
      if (r->p >= r->end)
        break;

      switch (*r->p)
        {
        case '"':  g_string_append_c (text, '"');  r->p++; break;
        case '\\': g_string_append_c (text, '\\'); r->p++; break;
        case '/':  g_string_append_c (text, '/');  r->p++; break;
        case 'b':  g_string_append_c (text, '\b'); r->p++; break;
        case 'f':  g_string_append_c (text, '\f'); r->p++; break;
        case 'n':  g_string_append_c (text, '\n'); r->p++; break;
        case 'r':  g_string_append_c (text, '\r'); r->p++; break;
        case 't':  g_string_append_c (text, '\t'); r->p++; break;
        case 'u':
          {
            char *escape = r->p - 1;
            int unit, low;

            r->p++;
            if (!escape_unit (r, &unit))
              return FALSE;

            /* A character beyond the BMP is a pair of escapes, high then
             * low; a half of a pair alone is no character, and U+0000
             * cannot be held in the budget's text. */
            if (unit >= 0xD800 && unit <= 0xDBFF)
              {
                if (r->end - r->p < 2 || r->p[0] != '\\' || r->p[1] != 'u')
                  {
                    r->p = escape;
                    return fail (r, _("bad \\u escape in a string"));
                  }
                r->p += 2;
                if (!escape_unit (r, &low))
                  return FALSE;
                if (low < 0xDC00 || low > 0xDFFF)
                  {
                    r->p = escape;
                    return fail (r, _("bad \\u escape in a string"));
                  }
                unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
              }
            else if ((unit >= 0xDC00 && unit <= 0xDFFF) || unit == 0)
              {
                r->p = escape;
                return fail (r, _("bad \\u escape in a string"));
              }

            g_string_append_unichar (text, unit);
          }
          break;
        default:
          return fail (r, _("bad escape in a string"));
        }
    }

  return fail (r, _("unterminated string"));
}

/* The bytes that end a run of plain text in a string: the quote, the
 * backslash and the control characters. */
static const guint8 string_stop[256] = {
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  ['"'] = 1,
  ['\\'] = 1,
};

/* A string at r->p (its opening quote). Without escapes it ends in place:
 * its closing quote becomes its NUL, which keeps every later line and
 * column where it was. */
static gboolean
string (Reader      *r,
        const char **out)
{
  char *start;

  g_assert (*r->p == '"');
  start = ++r->p;

  /* Most bytes are plain text: passed over on one test each. */
  while (r->p < r->end && !string_stop[(guchar) *r->p])
    r->p++;

  if (r->p == r->end)
    return fail (r, _("unterminated string"));

  if (*r->p == '"')
    {
      *r->p++ = 0;
      *out = start;
      return TRUE;
    }

  if (*r->p == '\\')
    return escaped_string (r, start, out);

  return fail (r, _("control character in a string"));
}

static gboolean
number (Reader     *r,
        const char *key)
{
  gboolean negative = FALSE, whole = TRUE;
  guint64 magnitude = 0;
  guint index;

  if (r->p < r->end && *r->p == '-')
    {
      negative = TRUE;
      r->p++;
    }

  if (r->p >= r->end || !g_ascii_isdigit (*r->p))
    return fail (r, _("bad number"));

  if (*r->p == '0')
    r->p++;
  else
    while (r->p < r->end && g_ascii_isdigit (*r->p))
      {
        guint digit = *r->p++ - '0';

        /* Past 2⁶³ it is no gint64: kept as a number, not a wrong one. */
        if (magnitude > (G_MAXUINT64 - digit) / 10)
          whole = FALSE;
        else
          magnitude = magnitude * 10 + digit;
      }

  if (r->p < r->end && *r->p == '.')
    {
      whole = FALSE;
      r->p++;
      if (r->p >= r->end || !g_ascii_isdigit (*r->p))
        return fail (r, _("bad number"));
      while (r->p < r->end && g_ascii_isdigit (*r->p))
        r->p++;
    }

  if (r->p < r->end && (*r->p == 'e' || *r->p == 'E'))
    {
      whole = FALSE;
      r->p++;
      if (r->p < r->end && (*r->p == '+' || *r->p == '-'))
        r->p++;
      if (r->p >= r->end || !g_ascii_isdigit (*r->p))
        return fail (r, _("bad number"));
      while (r->p < r->end && g_ascii_isdigit (*r->p))
        r->p++;
    }

  if (whole && magnitude > (negative ? (guint64) G_MAXINT64 + 1 : (guint64) G_MAXINT64))
    whole = FALSE;

  if (!whole)
    {
      add_node (r, FISCAL_JSON_NUMBER, key);
      return TRUE;
    }

  index = add_node (r, FISCAL_JSON_INTEGER, key);
  r->tree->nodes[index].v.integer = negative ? (gint64) (0 - magnitude) : (gint64) magnitude;
  return TRUE;
}

static gboolean
container (Reader     *r,
           char        close,
           const char *key)
{
  guint index = add_node (r, close == '}' ? FISCAL_JSON_OBJECT : FISCAL_JSON_ARRAY, key);
  guint length = 0;

  if (++r->depth > MAX_DEPTH)
    return fail (r, _("nested too deeply"));

  r->p++;
  skip_ws (r);

  if (r->p < r->end && *r->p == close)
    {
      r->p++;
      r->depth--;
      return TRUE;
    }

  for (;;)
    {
      const char *member_key = NULL;

      if (length > 0)
        {
          skip_ws (r);
          if (r->p >= r->end)
            return fail (r, _("unexpected end of file"));
          if (*r->p == close)
            {
              r->p++;
              r->depth--;
              r->tree->nodes[index].v.length = length;
              r->tree->nodes[index].size = r->tree->n_nodes - index;
              return TRUE;
            }
          if (*r->p != ',')
            return fail (r, close == '}' ? _("expected “,” or “}”") : _("expected “,” or “]”"));
          r->p++;
        }

      skip_ws (r);
      if (close == '}')
        {
          if (r->p >= r->end || *r->p != '"')
            return fail (r, _("expected a quoted key"));
          if (!string (r, &member_key))
            return FALSE;
          skip_ws (r);
          if (r->p >= r->end || *r->p != ':')
            return fail (r, _("expected “:”"));
          r->p++;
        }

      if (!value (r, member_key))
        return FALSE;
      length++;
    }
}

static gboolean
value (Reader     *r,
       const char *key)
{
  const char *text;
  guint index;

  skip_ws (r);

  if (r->p >= r->end)
    return fail (r, _("unexpected end of file"));

  switch (*r->p)
    {
    case '{': return container (r, '}', key);
    case '[': return container (r, ']', key);
    case '"':
      if (!string (r, &text))
        return FALSE;
      index = add_node (r, FISCAL_JSON_STRING, key);
      r->tree->nodes[index].v.string = text;
      return TRUE;
    case 't': return literal (r, "true", key);
    case 'f': return literal (r, "false", key);
    case 'n': return literal (r, "null", key);
    default:
      if (*r->p == '-' || g_ascii_isdigit (*r->p))
        return number (r, key);
      return fail (r, _("unexpected character"));
    }
}

/**
 * _fiscal_json_tree_new_take:
 * @data: (transfer full): UTF-8 text, already validated; freed with the tree
 *
 * Reads @data as one JSON value and nothing else. Strings without escapes
 * are left where they are in @data, so the text is changed and belongs to
 * the tree.
 *
 * Returns: (transfer full): the values, or %NULL with a %FISCAL_ERROR_NOT_JSON
 *   error that names the 1-based line and column (in characters) of the
 *   first fault
 */
FiscalJsonTree *
_fiscal_json_tree_new_take (char    *data,
                            gsize    length,
                            GError **error)
{
  g_autoptr(FiscalJsonTree) tree = g_new0 (FiscalJsonTree, 1);
  Reader r = { 0 };
  guint line = 1, column = 1;

  tree->data = data;
  tree->escaped = g_string_chunk_new (4096);

  /* About one node for every 12 to 16 bytes of a budget's lines. */
  r.tree = tree;
  r.allocated = MAX (64, length / 12);
  tree->nodes = g_new (FiscalJsonNode, r.allocated);
  r.p = data;
  r.end = data + length;

  if (value (&r, NULL))
    {
      skip_ws (&r);
      if (r.p == r.end)
        {
          tree->nodes = g_renew (FiscalJsonNode, tree->nodes, tree->n_nodes);
          return g_steal_pointer (&tree);
        }
      r.problem = _("unexpected text after the end");
    }

  for (const char *q = data; q < r.p && q < r.end; q++)
    {
      if (*q == '\n')
        {
          line++;
          column = 1;
        }
      else if ((*q & 0xC0) != 0x80)
        column++;
    }

  g_set_error (error, FISCAL_ERROR, FISCAL_ERROR_NOT_JSON,
               _("line %u, column %u: not JSON: %s"), line, column, r.problem);
  return NULL;
}

void
_fiscal_json_tree_free (FiscalJsonTree *tree)
{
  if (tree == NULL)
    return;

  g_free (tree->data);
  g_free (tree->nodes);
  g_string_chunk_free (tree->escaped);
  g_free (tree);
}

const FiscalJsonNode *
_fiscal_json_tree_root (FiscalJsonTree *tree)
{
  g_assert (tree != NULL && tree->n_nodes > 0);

  return &tree->nodes[0];
}

/* The member @key of @object; of a key given twice, the last, as in
 * json-glib. */
const FiscalJsonNode *
_fiscal_json_member (const FiscalJsonNode *object,
                     const char           *key)
{
  const FiscalJsonNode *found = NULL;

  g_assert (object->type == FISCAL_JSON_OBJECT);

  /* The keys of a budget line differ in their first letter: most members
   * are passed over on one byte. */
  for (const FiscalJsonNode *child = _fiscal_json_first (object); child; child = _fiscal_json_next (object, child))
    if (child->key[0] == key[0] && strcmp (child->key, key) == 0)
      found = child;

  return found;
}
