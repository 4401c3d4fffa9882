/* fiscal-cli-formats.c
 *
 * `fiscal-cli formats` lists the disclosure formats Fiscal has (id, name,
 * number of tables), as text or JSON. fiscal_cli_find_format() and
 * fiscal_cli_apply_disclosure() serve the --disclosure option of `tables`
 * and `export`: the budget read is shown in another format, in memory
 * only; its file is not touched.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "fiscal-cli-formats.h"
#include "fiscal-cli-output.h"

enum {
  EXIT_OK = 0,
  EXIT_TROUBLE = 2,
};

/* The formats' ids, comma-separated, for a message. */
static char *
format_ids (void)
{
  g_autoptr(GPtrArray) formats = fiscal_format_list ();
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < formats->len; i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? ", " : "",
                            fiscal_format_get_id (g_ptr_array_index (formats, i)));

  return g_strdup (ids->str);
}

/**
 * fiscal_cli_find_format:
 * @id: a format's id, as given on the command line
 *
 * Returns: (transfer none) (nullable): the built-in format of that id, or
 *   %NULL after printing that there is none, and which there are
 */
FiscalFormat *
fiscal_cli_find_format (const char *id)
{
  FiscalFormat *format = fiscal_format_get (id);

  if (format == NULL)
    {
      g_autofree char *ids = format_ids ();

      g_printerr ("fiscal-cli: ");
      g_printerr (_("--disclosure: there is no disclosure format “%s”; the formats are %s "
                    "(see “fiscal-cli formats”)"), id, ids);
      g_printerr ("\n");
    }

  return format;
}

/**
 * fiscal_cli_apply_disclosure:
 * @format: (nullable): the format to show @document in; %NULL keeps its own
 *
 * Makes @document, as read, show its tables in @format; nothing is
 * written back to its file.
 */
void
fiscal_cli_apply_disclosure (FiscalDocument *document,
                             FiscalFormat   *format)
{
  g_return_if_fail (FISCAL_IS_DOCUMENT (document));

  if (format != NULL)
    fiscal_document_set_format_id (document, fiscal_format_get_id (format));
}

static char *
formats_to_json (GPtrArray *formats)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "formats");
  json_builder_begin_array (b);
  for (guint i = 0; i < formats->len; i++)
    {
      FiscalFormat *format = g_ptr_array_index (formats, i);
      guint n_tables = fiscal_format_get_n_tables (format);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, fiscal_format_get_id (format));
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, fiscal_format_get_name (format));
      json_builder_set_member_name (b, "description");
      json_builder_add_string_value (b, fiscal_format_get_description (format));
      json_builder_set_member_name (b, "default");
      json_builder_add_boolean_value (b, g_str_equal (fiscal_format_get_id (format), FISCAL_FORMAT_DEFAULT));
      json_builder_set_member_name (b, "n_tables");
      json_builder_add_int_value (b, n_tables);

      json_builder_set_member_name (b, "tables");
      json_builder_begin_array (b);
      for (guint t = 0; t < n_tables; t++)
        {
          const FiscalFormatTable *table = fiscal_format_get_table (format, t);
          const FiscalAmountStyle *style = fiscal_format_table_get_style (table);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "number");
          json_builder_add_int_value (b, fiscal_format_table_get_number (table));
          json_builder_set_member_name (b, "title");
          json_builder_add_string_value (b, fiscal_format_table_get_title (table));
          json_builder_set_member_name (b, "unit");
          json_builder_add_string_value (b, style->unit);
          json_builder_set_member_name (b, "decimals");
          json_builder_add_int_value (b, style->decimals);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);

  return json_generator_to_data (generator, NULL);
}

static char *
formats_to_text (GPtrArray *formats)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GPtrArray) counts = g_ptr_array_new_with_free_func (g_free);
  int id_width = 0, count_width = 0;

  for (guint i = 0; i < formats->len; i++)
    {
      FiscalFormat *format = g_ptr_array_index (formats, i);
      guint n_tables = fiscal_format_get_n_tables (format);
      char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u table", "%u tables", n_tables), n_tables);

      g_ptr_array_add (counts, count);
      id_width = MAX (id_width, (int) strlen (fiscal_format_get_id (format)));
      count_width = MAX (count_width, (int) strlen (count));
    }

  /* id, tables, name: one format a line, in columns. */
  for (guint i = 0; i < formats->len; i++)
    {
      FiscalFormat *format = g_ptr_array_index (formats, i);

      g_string_append_printf (out, "%-*s  %*s  %s", id_width, fiscal_format_get_id (format),
                              count_width, (char *) counts->pdata[i], fiscal_format_get_name (format));
      if (g_str_equal (fiscal_format_get_id (format), FISCAL_FORMAT_DEFAULT))
        g_string_append_printf (out, " %s", _("(default)"));
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

/**
 * fiscal_cli_formats:
 *
 * `fiscal-cli formats [--format text|json]`. argv[0] is the verb.
 *
 * Returns: the exit status: 0, or 2 for a wrong command line
 */
int
fiscal_cli_formats (int    argc,
                    char **argv)
{
  g_autofree char *format_name = NULL;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, N_("Output format: text or json"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GPtrArray) formats = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_option_context_set_summary (context, _("List the disclosure formats Fiscal knows: each one’s id "
                                           "(for a budget’s \"disclosure\" and --disclosure), its "
                                           "name and its number of tables"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("fiscal-cli: %s\n", error->message);
      return EXIT_TROUBLE;
    }
  if (argc > 1)
    {
      g_printerr ("fiscal-cli: %s\n", _("“formats” takes no file"));
      return EXIT_TROUBLE;
    }
  if (format_name != NULL && !g_str_equal (format_name, "text") && !g_str_equal (format_name, "json"))
    {
      g_printerr ("fiscal-cli: %s\n", _("Unknown --format; see --help"));
      return EXIT_TROUBLE;
    }

  formats = fiscal_format_list ();
  if (g_strcmp0 (format_name, "json") == 0)
    {
      g_autofree char *json = formats_to_json (formats);
      text = g_strconcat (json, "\n", NULL);
    }
  else
    text = formats_to_text (formats);

  return fiscal_cli_write_output (NULL, text) ? EXIT_OK : EXIT_TROUBLE;
}
