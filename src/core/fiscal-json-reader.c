/* fiscal-json-reader.c
 *
 * See fiscal-json-reader.h. The node array grows by half at a time, and
 * never past the most nodes the rest of the text could make (each takes at
 * least two bytes) or the ceiling, so that what a file makes the reader
 * allocate stays a small multiple of the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-json"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fiscal-error.h"
#include "fiscal-json-reader.h"

#define MAX_DEPTH 256

/* An object's keys are compared one by one up to this many members, and
 * through a hash of them beyond. */
#define FEW_MEMBERS 16

/* A key longer than this is shortened in a message. */
#define MAX_KEY_SHOWN 60

#define BOM "\xEF\xBB\xBF"

#if defined(__GNUC__)
/* Packed: 20 bytes where pointers have 64 bits. */
G_STATIC_ASSERT (sizeof (FiscalJsonNode) == sizeof (const char *) + sizeof (gint64) + sizeof (guint32));
#endif

struct _FiscalJsonTree
{
  char           *data;      /* the text; unescaped strings end in place */
  FiscalJsonNode *nodes;
  guint           n_nodes;
  GStringChunk   *escaped;   /* strings that held escapes, unescaped */
};

typedef enum
{
  FAULT_SYNTAX,          /* not JSON: the problem says why */
  FAULT_DUPLICATE_KEY,   /* the key at r->p was given before */
  FAULT_TOO_MANY_NODES,  /* the value at r->p is one too many */
} Fault;

typedef struct
{
  FiscalJsonTree *tree;
  guint           allocated;
  guint           max_nodes;
  char           *p;
  char           *end;
  Fault           fault;
  const char     *problem;
  const char     *key;       /* the key given twice */
  guint           depth;
  guint64         seed;      /* of the hash of keys; 0 until needed */
} Reader;

/* The members of one large object, as the indices of their nodes in an
 * open-addressed table; 0 is a free slot (no member is the root). */
typedef struct
{
  guint32 *slots;
  guint    mask;
  guint    count;
} KeySet;

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
  r->fault = FAULT_SYNTAX;
  r->problem = problem;
  return FALSE;
}

/* The most nodes the text from r->p on could still make: a value takes at
 * least one byte and is parted from the next by at least one more. */
static inline gsize
nodes_possible (Reader *r)
{
  return (gsize) (r->end - r->p) / 2 + 2;
}

/* Makes room for one more node, or fails at the ceiling. */
static G_GNUC_NO_INLINE gboolean
grow (Reader *r)
{
  FiscalJsonTree *tree = r->tree;
  gsize wanted;

  if (tree->n_nodes >= r->max_nodes)
    {
      r->fault = FAULT_TOO_MANY_NODES;
      return FALSE;
    }

  wanted = MAX (64, (gsize) r->allocated + r->allocated / 2);
  wanted = MIN (wanted, tree->n_nodes + nodes_possible (r));
  wanted = MIN (wanted, r->max_nodes);
  g_assert (wanted > tree->n_nodes);

  r->allocated = wanted;
  tree->nodes = g_renew (FiscalJsonNode, tree->nodes, r->allocated);
  return TRUE;
}

/* Appends a node and sets *index to it; the array may move. Fails when
 * the file holds more values than the reader takes. */
static inline gboolean
add_node (Reader         *r,
          FiscalJsonType  type,
          const char     *key,
          guint          *index)
{
  FiscalJsonTree *tree = r->tree;
  FiscalJsonNode *node;

  if (G_UNLIKELY (tree->n_nodes == r->allocated) && !grow (r))
    return FALSE;

  node = &tree->nodes[tree->n_nodes];
  node->key = key;
  node->v.integer = 0;
  node->size = 1;
  node->type = type;

  *index = tree->n_nodes++;
  return TRUE;
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

  if (!add_node (r, word[0] == 'n' ? FISCAL_JSON_NULL : FISCAL_JSON_BOOLEAN, key, &index))
    return FALSE;
  r->tree->nodes[index].v.boolean = word[0] == 't';
  r->p += len;

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
  gboolean negative = FALSE, fraction = FALSE, overflow = FALSE;
  guint64 magnitude = 0;
  FiscalJsonNode *node;
  guint index;

  if (!add_node (r, FISCAL_JSON_INTEGER, key, &index))
    return FALSE;

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

        /* Past 2⁶⁴ it is no gint64: kept as too large, not as a wrong one. */
        if (magnitude > (G_MAXUINT64 - digit) / 10)
          overflow = TRUE;
        else
          magnitude = magnitude * 10 + digit;
      }

  if (r->p < r->end && *r->p == '.')
    {
      fraction = TRUE;
      r->p++;
      if (r->p >= r->end || !g_ascii_isdigit (*r->p))
        return fail (r, _("bad number"));
      while (r->p < r->end && g_ascii_isdigit (*r->p))
        r->p++;
    }

  if (r->p < r->end && (*r->p == 'e' || *r->p == 'E'))
    {
      fraction = TRUE;
      r->p++;
      if (r->p < r->end && (*r->p == '+' || *r->p == '-'))
        r->p++;
      if (r->p >= r->end || !g_ascii_isdigit (*r->p))
        return fail (r, _("bad number"));
      while (r->p < r->end && g_ascii_isdigit (*r->p))
        r->p++;
    }

  if (magnitude > (negative ? (guint64) G_MAXINT64 + 1 : (guint64) G_MAXINT64))
    overflow = TRUE;

  node = &r->tree->nodes[index];
  if (fraction)
    node->type = FISCAL_JSON_NUMBER;
  else if (overflow)
    {
      /* A whole number too large to hold: it says so, not that it is no
       * whole number. */
      node->type = FISCAL_JSON_NUMBER;
      node->v.overflow = negative ? -1 : 1;
    }
  else
    node->v.integer = negative ? (gint64) (0 - magnitude) : (gint64) magnitude;

  return TRUE;
}

/* A hash of @key that a file cannot be made to collide on: it is keyed by
 * a number drawn when the first large object is read. */
static guint64
mix (guint64 x)
{
  x ^= x >> 32;
  x *= G_GUINT64_CONSTANT (0xd6e8feb86659fd93);
  x ^= x >> 32;
  x *= G_GUINT64_CONSTANT (0xd6e8feb86659fd93);
  x ^= x >> 32;
  return x;
}

static guint64
key_hash (Reader     *r,
          const char *key)
{
  gsize len = strlen (key);
  guint64 h = r->seed;
  gsize i;

  for (i = 0; i + 8 <= len; i += 8)
    {
      guint64 word;

      memcpy (&word, key + i, 8);
      h = mix (h ^ word);
    }
  if (i < len)
    {
      guint64 word = 0;

      memcpy (&word, key + i, len - i);
      h = mix (h ^ word);
    }

  return mix (h ^ len);
}

static void
key_set_clear (KeySet *set)
{
  g_clear_pointer (&set->slots, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KeySet, key_set_clear)

/* The slot of @key in @set: where it is, or the free one where it goes. */
static guint
key_set_find (Reader     *r,
              KeySet     *set,
              const char *key,
              guint64     hash)
{
  guint i = hash & set->mask;

  while (set->slots[i] != 0)
    {
      const char *other = r->tree->nodes[set->slots[i]].key;

      if (other[0] == key[0] && strcmp (other, key) == 0)
        break;
      i = (i + 1) & set->mask;
    }

  return i;
}

/* Adds the member whose node will be @index, with @key; FALSE when the
 * object has the key already. */
static gboolean
key_set_add (Reader     *r,
             KeySet     *set,
             const char *key,
             guint       index)
{
  guint slot;

  /* Kept under three quarters full. */
  if ((set->count + 1) * 4 > (set->mask + 1) * 3)
    {
      guint32 *old = set->slots;
      guint old_size = set->slots ? set->mask + 1 : 0;

      set->mask = old_size ? old_size * 2 - 1 : 4 * FEW_MEMBERS - 1;
      set->slots = g_new0 (guint32, set->mask + 1);
      for (guint i = 0; i < old_size; i++)
        if (old[i] != 0)
          {
            const char *other = r->tree->nodes[old[i]].key;
            set->slots[key_set_find (r, set, other, key_hash (r, other))] = old[i];
          }
      g_free (old);
    }

  slot = key_set_find (r, set, key, key_hash (r, key));
  if (set->slots[slot] != 0)
    return FALSE;

  set->slots[slot] = index;
  set->count++;
  return TRUE;
}

/* Whether @key is new among the members of the object at @object, of which
 * @length are read; the member being read will be the next node. */
static gboolean
key_is_new (Reader      *r,
            guint        object,
            guint        length,
            KeySet      *set,
            const char  *key)
{
  const FiscalJsonNode *nodes = r->tree->nodes;

  if (length < FEW_MEMBERS)
    {
      /* Few members: each is looked at, most on their first byte. */
      for (guint i = object + 1; i < r->tree->n_nodes; i += nodes[i].size)
        if (nodes[i].key[0] == key[0] && strcmp (nodes[i].key, key) == 0)
          return FALSE;
      return TRUE;
    }

  if (set->slots == NULL)
    {
      while (r->seed == 0)
        r->seed = (guint64) g_random_int () << 32 | g_random_int ();
      for (guint i = object + 1; i < r->tree->n_nodes; i += nodes[i].size)
        key_set_add (r, set, nodes[i].key, i);
    }

  return key_set_add (r, set, key, r->tree->n_nodes);
}

static gboolean
container (Reader     *r,
           char        close,
           const char *key)
{
  g_auto(KeySet) keys = { NULL, 0, 0 };
  guint length = 0;
  guint index;

  if (!add_node (r, close == '}' ? FISCAL_JSON_OBJECT : FISCAL_JSON_ARRAY, key, &index))
    return FALSE;

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
          char *key_start = r->p;

          if (r->p >= r->end || *r->p != '"')
            return fail (r, _("expected a quoted key"));
          if (!string (r, &member_key))
            return FALSE;
          if (!key_is_new (r, index, length, &keys, member_key))
            {
              r->p = key_start;
              r->fault = FAULT_DUPLICATE_KEY;
              r->key = member_key;
              return FALSE;
            }
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
      if (!add_node (r, FISCAL_JSON_STRING, key, &index) ||
          !string (r, &text))
        return FALSE;
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

/* @key as a message quotes it: its start only, when it is long. */
static char *
key_shown (const char *key)
{
  const char *cut;

  if (g_utf8_strlen (key, MAX_KEY_SHOWN * 4 + 4) <= MAX_KEY_SHOWN)
    return g_strdup (key);

  cut = g_utf8_offset_to_pointer (key, MAX_KEY_SHOWN);
  return g_strdup_printf ("%.*s…", (int) (cut - key), key);
}

/**
 * _fiscal_json_check_size:
 * @size: the length of a budget file, in bytes
 *
 * Returns: %TRUE if a budget file of @size bytes may be read; otherwise
 *   %FALSE with a %FISCAL_ERROR_TOO_LARGE error that names the ceiling
 */
gboolean
_fiscal_json_check_size (guint64   size,
                         GError  **error)
{
  g_autofree char *bytes = NULL;

  if (size <= FISCAL_JSON_MAX_BYTES)
    return TRUE;

  bytes = g_strdup_printf ("%" G_GUINT64_FORMAT, size);
  g_set_error (error, FISCAL_ERROR, FISCAL_ERROR_TOO_LARGE,
               /* Translators: the first is the file's size in bytes, the second the ceiling in MiB */
               _("the file has %s bytes, more than the %u MiB a budget file may have"),
               bytes, FISCAL_JSON_MAX_MIB);
  return FALSE;
}

/**
 * _fiscal_json_tree_new_take:
 * @data: (transfer full): UTF-8 text, already validated; freed with the tree
 *
 * Reads @data as one JSON value and nothing else, after a byte order mark
 * if there is one. Strings without escapes are left where they are in
 * @data, so the text is changed and belongs to the tree.
 *
 * Returns: (transfer full): the values, or %NULL with an error that names
 *   the 1-based line and column (in characters) of the first fault:
 *   %FISCAL_ERROR_NOT_JSON, %FISCAL_ERROR_DUPLICATE_KEY for a key given
 *   twice in one object (at the second), %FISCAL_ERROR_TOO_LARGE for a
 *   text longer than %FISCAL_JSON_MAX_BYTES or with more values than
 *   %FISCAL_JSON_MAX_NODES
 */
FiscalJsonTree *
_fiscal_json_tree_new_take (char    *data,
                            gsize    length,
                            GError **error)
{
  return _fiscal_json_tree_new_take_full (data, length, FISCAL_JSON_MAX_NODES, error);
}

/**
 * _fiscal_json_tree_new_take_full:
 * @max_nodes: the most values read, at most %FISCAL_JSON_MAX_NODES
 *
 * As _fiscal_json_tree_new_take(), with another ceiling of values (for
 * tests).
 */
FiscalJsonTree *
_fiscal_json_tree_new_take_full (char    *data,
                                 gsize    length,
                                 guint    max_nodes,
                                 GError **error)
{
  g_autoptr(FiscalJsonTree) tree = g_new0 (FiscalJsonTree, 1);
  Reader r = { 0 };
  const char *text = data;
  guint line = 1, column = 1;

  g_assert (max_nodes >= 1 && max_nodes <= FISCAL_JSON_MAX_NODES);

  tree->data = data;
  tree->escaped = g_string_chunk_new (4096);

  if (!_fiscal_json_check_size (length, error))
    return NULL;

  /* The byte order mark some editors write is no character of the text:
   * lines and columns count from after it. */
  if (length >= 3 && memcmp (data, BOM, 3) == 0)
    text += 3;

  /* About one node for every 16 to 20 bytes of a budget's lines; never
   * more than the text or the ceiling could hold. */
  r.tree = tree;
  r.max_nodes = max_nodes;
  r.p = (char *) text;
  r.end = data + length;
  r.allocated = MIN (MAX (64, length / 16), MIN (nodes_possible (&r), max_nodes));
  tree->nodes = g_new (FiscalJsonNode, r.allocated);

  if (value (&r, NULL))
    {
      skip_ws (&r);
      if (r.p == r.end)
        {
          tree->nodes = g_renew (FiscalJsonNode, tree->nodes, tree->n_nodes);
          return g_steal_pointer (&tree);
        }
      r.fault = FAULT_SYNTAX;
      r.problem = _("unexpected text after the end");
    }

  for (const char *q = text; q < r.p && q < r.end; q++)
    {
      if (*q == '\n')
        {
          line++;
          column = 1;
        }
      else if ((*q & 0xC0) != 0x80)
        column++;
    }

  switch (r.fault)
    {
    case FAULT_DUPLICATE_KEY:
      {
        g_autofree char *shown = key_shown (r.key);

        g_set_error (error, FISCAL_ERROR, FISCAL_ERROR_DUPLICATE_KEY,
                     _("line %u, column %u: the key “%s” is given a second time in the same object"),
                     line, column, shown);
      }
      break;

    case FAULT_TOO_MANY_NODES:
      g_set_error (error, FISCAL_ERROR, FISCAL_ERROR_TOO_LARGE,
                   _("line %u, column %u: the file has more than %u values (numbers, texts, objects and arrays), more than a budget file may have"),
                   line, column, max_nodes);
      break;

    case FAULT_SYNTAX:
    default:
      g_set_error (error, FISCAL_ERROR, FISCAL_ERROR_NOT_JSON,
                   _("line %u, column %u: not JSON: %s"), line, column, r.problem);
      break;
    }

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

/* The member @key of @object; the reader lets no key be given twice. */
const FiscalJsonNode *
_fiscal_json_member (const FiscalJsonNode *object,
                     const char           *key)
{
  g_assert (object->type == FISCAL_JSON_OBJECT);

  /* The keys of a budget line differ in their first letter: most members
   * are passed over on one byte. */
  for (const FiscalJsonNode *child = _fiscal_json_first (object); child; child = _fiscal_json_next (object, child))
    if (child->key[0] == key[0] && strcmp (child->key, key) == 0)
      return child;

  return NULL;
}
