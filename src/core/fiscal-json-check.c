/* fiscal-json-check.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-json"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fiscal-json-check.h"

#define MAX_DEPTH 256

typedef struct
{
  const char *p;
  const char *end;
  const char *start;
  const char *problem;
  guint       depth;
} Scanner;

static gboolean value (Scanner *s);

static void
skip_ws (Scanner *s)
{
  while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
    s->p++;
}

static gboolean
fail (Scanner    *s,
      const char *problem)
{
  s->problem = problem;
  return FALSE;
}

static gboolean
literal (Scanner    *s,
         const char *word)
{
  gsize len = strlen (word);

  if ((gsize) (s->end - s->p) < len || memcmp (s->p, word, len) != 0)
    return fail (s, _("unexpected character"));

  s->p += len;
  return TRUE;
}

static gboolean
string (Scanner *s)
{
  g_assert (*s->p == '"');
  s->p++;

  while (s->p < s->end)
    {
      guchar c = *s->p;

      if (c == '"')
        {
          s->p++;
          return TRUE;
        }
      if (c < 0x20)
        return fail (s, _("control character in a string"));
      if (c == '\\')
        {
          s->p++;
          if (s->p >= s->end)
            break;
          switch (*s->p)
            {
            case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
              s->p++;
              break;
            case 'u':
              s->p++;
              for (guint i = 0; i < 4; i++, s->p++)
                if (s->p >= s->end || !g_ascii_isxdigit (*s->p))
                  return fail (s, _("bad \\u escape in a string"));
              break;
            default:
              return fail (s, _("bad escape in a string"));
            }
          continue;
        }
      s->p++;
    }

  return fail (s, _("unterminated string"));
}

static gboolean
number (Scanner *s)
{
  if (s->p < s->end && *s->p == '-')
    s->p++;

  if (s->p >= s->end || !g_ascii_isdigit (*s->p))
    return fail (s, _("bad number"));

  if (*s->p == '0')
    s->p++;
  else
    while (s->p < s->end && g_ascii_isdigit (*s->p))
      s->p++;

  if (s->p < s->end && *s->p == '.')
    {
      s->p++;
      if (s->p >= s->end || !g_ascii_isdigit (*s->p))
        return fail (s, _("bad number"));
      while (s->p < s->end && g_ascii_isdigit (*s->p))
        s->p++;
    }

  if (s->p < s->end && (*s->p == 'e' || *s->p == 'E'))
    {
      s->p++;
      if (s->p < s->end && (*s->p == '+' || *s->p == '-'))
        s->p++;
      if (s->p >= s->end || !g_ascii_isdigit (*s->p))
        return fail (s, _("bad number"));
      while (s->p < s->end && g_ascii_isdigit (*s->p))
        s->p++;
    }

  return TRUE;
}

static gboolean
container (Scanner *s,
           char     close)
{
  gboolean first = TRUE;

  if (++s->depth > MAX_DEPTH)
    return fail (s, _("nested too deeply"));

  s->p++;
  skip_ws (s);

  if (s->p < s->end && *s->p == close)
    {
      s->p++;
      s->depth--;
      return TRUE;
    }

  for (;;)
    {
      if (!first)
        {
          skip_ws (s);
          if (s->p >= s->end)
            return fail (s, _("unexpected end of file"));
          if (*s->p == close)
            {
              s->p++;
              s->depth--;
              return TRUE;
            }
          if (*s->p != ',')
            return fail (s, close == '}' ? _("expected “,” or “}”") : _("expected “,” or “]”"));
          s->p++;
        }
      first = FALSE;

      skip_ws (s);
      if (close == '}')
        {
          if (s->p >= s->end || *s->p != '"')
            return fail (s, _("expected a quoted key"));
          if (!string (s))
            return FALSE;
          skip_ws (s);
          if (s->p >= s->end || *s->p != ':')
            return fail (s, _("expected “:”"));
          s->p++;
        }

      if (!value (s))
        return FALSE;
    }
}

static gboolean
value (Scanner *s)
{
  skip_ws (s);

  if (s->p >= s->end)
    return fail (s, _("unexpected end of file"));

  switch (*s->p)
    {
    case '{': return container (s, '}');
    case '[': return container (s, ']');
    case '"': return string (s);
    case 't': return literal (s, "true");
    case 'f': return literal (s, "false");
    case 'n': return literal (s, "null");
    default:
      if (*s->p == '-' || g_ascii_isdigit (*s->p))
        return number (s);
      return fail (s, _("unexpected character"));
    }
}

/*
 * Returns TRUE when @data is one JSON value and nothing else; otherwise sets
 * the 1-based @line and @column (in characters) of the fault and a
 * translated @problem.
 */
gboolean
_fiscal_json_check_syntax (const char  *data,
                           gsize        length,
                           guint       *line,
                           guint       *column,
                           const char **problem)
{
  Scanner s = { data, data + length, data, NULL, 0 };

  if (value (&s))
    {
      skip_ws (&s);
      if (s.p == s.end)
        return TRUE;
      s.problem = _("unexpected text after the end");
    }

  *line = 1;
  *column = 1;
  for (const char *q = data; q < s.p && q < s.end; q++)
    {
      if (*q == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if ((*q & 0xC0) != 0x80)
        (*column)++;
    }
  *problem = s.problem;

  return FALSE;
}
