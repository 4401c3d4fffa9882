/* fiscal-csv.c
 *
 * CSV as Fiscal writes and reads it.
 *
 * Writing: fiscal_csv_escape() makes one RFC 4180 field of a text, and
 * defuses a text that a spreadsheet would take for a formula (“CSV
 * injection”, as OWASP names it: a field that starts with = + - @, a tab
 * or a carriage return) by putting an apostrophe before it. Every CSV
 * Fiscal writes (the tables, the figures, the targets) goes through it.
 *
 * Reading: an RFC 4180 reader, fields separated by commas, records by CRLF
 * (a bare LF or CR is accepted too); a field in double quotes may hold
 * commas, line breaks and doubled quotes. A UTF-8 byte order mark at the
 * start is skipped. What is not CSV is an error that names its line. The
 * text is read once, in time and memory linear in its length: each record
 * is one block of memory, its field pointers followed by its texts, so
 * that a line of a million empty fields costs nine bytes a field and not
 * an allocation each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-csv"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fiscal-csv.h"
#include "fiscal-error.h"

#define BOM "\xEF\xBB\xBF"

/* The first characters that make a spreadsheet take a field for a formula,
 * or for the start of one once it has dropped leading white space. */
static inline gboolean
is_formula_start (char c)
{
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

/**
 * fiscal_csv_needs_apostrophe:
 * @text: a text to be written as a CSV field
 *
 * Whether the writer puts an apostrophe before @text: when a spreadsheet
 * would take it for a formula (it starts with `=`, `+`, `-`, `@`, a tab or
 * a carriage return), and when it is apostrophes followed by one of those,
 * so that taking one apostrophe away from a field of that shape always
 * gives the text back. Writer and reader decide by this one function.
 *
 * Returns: %TRUE if @text is written with an apostrophe before it
 */
gboolean
fiscal_csv_needs_apostrophe (const char *text)
{
  g_return_val_if_fail (text != NULL, FALSE);

  while (*text == '\'')
    text++;

  return is_formula_start (*text);
}

/**
 * fiscal_csv_escape:
 * @text: (nullable): the text of a field; %NULL is an empty one
 * @neutralize: whether to defuse a text that a spreadsheet would take for
 *   a formula (see fiscal_csv_needs_apostrophe()); %FALSE only for a field
 *   that is a number as Fiscal writes amounts, such as `-12.00`
 *
 * Returns: (transfer full): @text as one RFC 4180 field, in double quotes
 *   when it holds a comma, a double quote or a line break
 */
char *
fiscal_csv_escape (const char *text,
                   gboolean    neutralize)
{
  GString *out;
  gboolean apostrophe;

  if (text == NULL)
    text = "";

  apostrophe = neutralize && fiscal_csv_needs_apostrophe (text);

  if (strpbrk (text, ",\"\r\n") == NULL)
    return apostrophe ? g_strconcat ("'", text, NULL) : g_strdup (text);

  out = g_string_sized_new (strlen (text) + 4);
  g_string_append_c (out, '"');
  if (apostrophe)
    g_string_append_c (out, '\'');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');

  return g_string_free (out, FALSE);
}

/**
 * fiscal_csv_field_text:
 *
 * Gives back the text a field was written for: the apostrophe the writer
 * put before it is taken away (see fiscal_csv_needs_apostrophe()); any
 * other field is its own text.
 *
 * Returns: (transfer full): the text @field was written for
 */
char *
fiscal_csv_field_text (const char *field)
{
  g_return_val_if_fail (field != NULL, NULL);

  if (field[0] == '\'' && fiscal_csv_needs_apostrophe (field + 1))
    return g_strdup (field + 1);

  return g_strdup (field);
}

static guint
line_at (const char *text,
         gsize       length,
         gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset && i < length; i++)
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= length || text[i + 1] != '\n')))
      line++;

  return line;
}

/* The record being read: its fields, each ended by a NUL (the text has
 * none of its own: it is valid UTF-8, which holds no NUL). */
typedef struct
{
  GString *fields;
  gsize    n_fields;
} Record;

static inline void
end_field (Record *record)
{
  g_string_append_c (record->fields, 0);
  record->n_fields++;
}

/* Adds the record as one block: the field pointers, NULL, then the texts. */
static void
end_record (GPtrArray *rows,
            Record    *record)
{
  gsize pointers = (record->n_fields + 1) * sizeof (char *);
  char **fields = g_malloc (pointers + record->fields->len);
  char *text = (char *) fields + pointers;

  memcpy (text, record->fields->str, record->fields->len);
  for (gsize f = 0; f < record->n_fields; f++)
    {
      fields[f] = text;
      text += strlen (text) + 1;
    }
  fields[record->n_fields] = NULL;
  g_ptr_array_add (rows, fields);

  g_string_truncate (record->fields, 0);
  record->n_fields = 0;
}

/**
 * fiscal_csv_parse:
 * @text: the CSV, UTF-8, with or without a byte order mark
 * @length: its length in bytes
 *
 * Reads @text into records of fields. A blank line is a record of one
 * empty field; a line break at the very end ends the last record and does
 * not start another. Fields are returned as written: a text that the
 * writer neutralised keeps its apostrophe (see fiscal_csv_field_text()).
 *
 * Returns: (transfer full) (element-type GStrv): the records, or %NULL
 *   with @error set (%FISCAL_ERROR_NOT_UTF8, %FISCAL_ERROR_CSV_SYNTAX).
 *   Each record is one block of memory, freed with the array: read it,
 *   but do not free or steal it with g_strfreev().
 */
GPtrArray *
fiscal_csv_parse (const char  *text,
                  gsize        length,
                  GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) fields = g_string_new (NULL);
  Record record = { fields, 0 };
  const char *invalid = NULL;
  guint line = 1;
  gsize i = 0;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length >= 3 && memcmp (text, BOM, 3) == 0)
    i = 3;

  if (!g_utf8_validate_len (text + i, length - i, &invalid))
    {
      g_set_error (error, FISCAL_ERROR, FISCAL_ERROR_NOT_UTF8,
                   _("CSV line %u: the text is not valid UTF-8"), line_at (text, length, invalid - text));
      return NULL;
    }

  while (i < length)
    {
      /* One field, then what ends it. */
      if (text[i] == '"')
        {
          guint start_line = line;

          for (i++; ; )
            {
              gsize run = i;

              /* The text up to the next quote, passed over whole. */
              while (i < length && text[i] != '"')
                {
                  if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= length || text[i + 1] != '\n')))
                    line++;
                  i++;
                }
              g_string_append_len (fields, text + run, i - run);

              if (i >= length)
                {
                  g_set_error (error, FISCAL_ERROR, FISCAL_ERROR_CSV_SYNTAX,
                               _("CSV line %u: the quoted field that starts there has no closing quote"),
                               start_line);
                  return NULL;
                }

              /* A doubled quote is one quote of the text; a single one
               * ends the field. */
              if (i + 1 < length && text[i + 1] == '"')
                {
                  g_string_append_c (fields, '"');
                  i += 2;
                  continue;
                }
              i++;
              break;
            }

          if (i < length && text[i] != ',' && text[i] != '\r' && text[i] != '\n')
            {
              /* the character whole, or its byte's value where it is no
               * UTF-8 */
              const char *end = NULL;
              gsize take = MIN (length - i, 4);
              g_autofree char *shown = NULL;

              while (take > 1 && !g_utf8_validate_len (text + i, take, &end))
                take--;
              shown = g_utf8_validate_len (text + i, take, NULL) && (guchar) text[i] >= 0x20
                      ? g_strndup (text + i, take)
                      : g_strdup_printf ("\\x%02x", (guchar) text[i]);
              g_set_error (error, FISCAL_ERROR, FISCAL_ERROR_CSV_SYNTAX,
                           _("CSV line %u: a quoted field is followed by “%s” instead of a comma or the end of the line"),
                           line, shown);
              return NULL;
            }
        }
      else
        {
          gsize run = i;

          while (i < length && text[i] != ',' && text[i] != '\r' && text[i] != '\n')
            {
              if (text[i] == '"')
                {
                  g_set_error (error, FISCAL_ERROR, FISCAL_ERROR_CSV_SYNTAX,
                               _("CSV line %u: a field that is not quoted has a quote in it"), line);
                  return NULL;
                }
              i++;
            }
          g_string_append_len (fields, text + run, i - run);
        }

      end_field (&record);

      if (i >= length)
        break;

      if (text[i] == ',')
        {
          i++;
          /* A comma at the very end leaves an empty last field. */
          if (i >= length)
            end_field (&record);
          continue;
        }

      /* CRLF, LF or CR ends the record. */
      if (text[i] == '\r' && i + 1 < length && text[i + 1] == '\n')
        i++;
      i++;
      line++;
      end_record (rows, &record);
    }

  if (record.n_fields > 0)
    end_record (rows, &record);

  return g_steal_pointer (&rows);
}
