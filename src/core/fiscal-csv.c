/* fiscal-csv.c
 *
 * An RFC 4180 reader: fields separated by commas, records by CRLF (a bare
 * LF or CR is accepted too); a field in double quotes may hold commas, line
 * breaks and doubled quotes. A UTF-8 byte order mark at the start is
 * skipped. What is not CSV is an error that names its line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-csv"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fiscal-csv.h"
#include "fiscal-error.h"

#define BOM "\xEF\xBB\xBF"

static guint
line_at (const char *text,
         gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (text[i] == '\n' || (text[i] == '\r' && text[i + 1] != '\n'))
      line++;

  return line;
}

static void
end_field (GPtrArray *fields,
           GString   *field)
{
  g_ptr_array_add (fields, g_strndup (field->str, field->len));
  g_string_truncate (field, 0);
}

static void
end_record (GPtrArray *rows,
            GPtrArray *fields)
{
  g_ptr_array_add (fields, NULL);
  g_ptr_array_add (rows, g_ptr_array_steal (fields, NULL));
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
 *   with @error set (%FISCAL_ERROR_NOT_UTF8, %FISCAL_ERROR_CSV_SYNTAX)
 */
GPtrArray *
fiscal_csv_parse (const char  *text,
                  gsize        length,
                  GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
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
                   _("CSV line %u: the text is not valid UTF-8"), line_at (text, invalid - text));
      return NULL;
    }

  while (i < length)
    {
      /* One field, then what ends it. */
      if (text[i] == '"')
        {
          guint start_line = line;

          for (i++; ; i++)
            {
              if (i >= length)
                {
                  g_set_error (error, FISCAL_ERROR, FISCAL_ERROR_CSV_SYNTAX,
                               _("CSV line %u: the quoted field that starts there has no closing quote"),
                               start_line);
                  return NULL;
                }
              if (text[i] == '"')
                {
                  if (i + 1 < length && text[i + 1] == '"')
                    {
                      g_string_append_c (field, '"');
                      i++;
                      continue;
                    }
                  i++;
                  break;
                }
              if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= length || text[i + 1] != '\n')))
                line++;
              g_string_append_c (field, text[i]);
            }

          if (i < length && text[i] != ',' && text[i] != '\r' && text[i] != '\n')
            {
              g_set_error (error, FISCAL_ERROR, FISCAL_ERROR_CSV_SYNTAX,
                           _("CSV line %u: a quoted field is followed by “%c” instead of a comma or the end of the line"),
                           line, text[i]);
              return NULL;
            }
        }
      else
        {
          while (i < length && text[i] != ',' && text[i] != '\r' && text[i] != '\n')
            {
              if (text[i] == '"')
                {
                  g_set_error (error, FISCAL_ERROR, FISCAL_ERROR_CSV_SYNTAX,
                               _("CSV line %u: a field that is not quoted has a quote in it"), line);
                  return NULL;
                }
              g_string_append_c (field, text[i++]);
            }
        }

      end_field (fields, field);

      if (i >= length)
        break;

      if (text[i] == ',')
        {
          i++;
          /* A comma at the very end leaves an empty last field. */
          if (i >= length)
            end_field (fields, field);
          continue;
        }

      /* CRLF, LF or CR ends the record. */
      if (text[i] == '\r' && i + 1 < length && text[i + 1] == '\n')
        i++;
      i++;
      line++;
      end_record (rows, fields);
    }

  if (fields->len > 0)
    end_record (rows, fields);

  return g_steal_pointer (&rows);
}

/**
 * fiscal_csv_field_text:
 *
 * The writer puts an apostrophe before a text that a spreadsheet would
 * take for a formula (one starting with = + - or @), and before a text
 * that is apostrophes followed by one of those, so that taking one
 * apostrophe away from a field of that shape always gives the text back.
 *
 * Returns: (transfer full): the text @field was written for
 */
char *
fiscal_csv_field_text (const char *field)
{
  const char *p;

  g_return_val_if_fail (field != NULL, NULL);

  if (field[0] != '\'')
    return g_strdup (field);

  for (p = field + 1; *p == '\''; p++)
    ;
  if (*p != 0 && strchr ("=+-@", *p) != NULL)
    return g_strdup (field + 1);

  return g_strdup (field);
}
