/* fuzz-csv.c
 *
 * libFuzzer target: the CSV reader (fiscal_csv_parse()) on any bytes.
 * What it refuses is refused with a message naming a line; what it reads,
 * written again field by field with the writer (fiscal_csv_escape()),
 * reads back as the same records; and a field written with formulas
 * neutralised (an apostrophe before = + - @) gives its text back through
 * fiscal_csv_field_text().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-fuzz"

#include "config.h"

#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

/* The records as the writer writes them: a byte order mark (as for Excel:
 * without it, a first field that begins with U+FEFF would read back
 * without it, the reader taking it for the mark), CRLF after each. */
static char *
write_records (GPtrArray *records,
               gboolean   neutralize)
{
  GString *out = g_string_new ("\xEF\xBB\xBF");

  for (guint r = 0; r < records->len; r++)
    {
      char **fields = g_ptr_array_index (records, r);

      for (guint f = 0; fields[f]; f++)
        {
          g_autofree char *field = fiscal_csv_escape (fields[f], neutralize);

          if (f > 0)
            g_string_append_c (out, ',');
          g_string_append (out, field);
        }
      g_string_append (out, "\r\n");
    }

  return g_string_free (out, FALSE);
}

static void
check_same (GPtrArray *records,
            GPtrArray *again,
            gboolean   neutralized)
{
  if (again->len != records->len)
    fuzz_fail ("%u records written read back as %u", records->len, again->len);

  for (guint r = 0; r < records->len; r++)
    {
      char **fields = g_ptr_array_index (records, r);
      char **read = g_ptr_array_index (again, r);

      if (g_strv_length (fields) != g_strv_length (read))
        fuzz_fail ("record %u: %u fields written read back as %u",
                   r + 1, g_strv_length (fields), g_strv_length (read));
      for (guint f = 0; fields[f]; f++)
        {
          g_autofree char *text = neutralized ? fiscal_csv_field_text (read[f]) : g_strdup (read[f]);

          if (!g_str_equal (fields[f], text))
            fuzz_fail ("record %u, field %u: “%s” written%s read back as “%s”",
                       r + 1, f + 1, fields[f], neutralized ? " neutralised" : "", text);
        }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  records = fiscal_csv_parse ((const char *) data, size, &error);
  if (records == NULL)
    {
      fuzz_check_message (error, "reading the CSV");
      return 0;
    }

  for (gboolean neutralize = FALSE; neutralize <= TRUE; neutralize++)
    {
      g_autofree char *written = write_records (records, neutralize);
      g_autoptr(GPtrArray) again = fiscal_csv_parse (written, strlen (written), &error);

      if (again == NULL)
        fuzz_fail ("the records written again do not read: %s", error->message);
      check_same (records, again, neutralize);
    }

  return 0;
}
