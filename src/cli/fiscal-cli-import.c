/* fiscal-cli-import.c
 *
 * fiscal-cli import: a budget rebuilt from a published disclosure (its
 * text, or the PDF itself), with the report of how.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "fiscal-cli-import.h"
#include "fiscal-cli-output.h"
#include "fiscal-core.h"

enum {
  EXIT_OK = 0,
  EXIT_FINDINGS = 1,
  EXIT_TROUBLE = 2,
};

/* A PDF is told by its first bytes, whatever its name. */
static FiscalDisclosure *
read_input (const char  *path,
            GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  return fiscal_disclosure_read_file (file, NULL, error);
}

/* Every published figure beside the rebuilt budget's, as CSV. */
static gboolean
write_figures (FiscalImportReport  *report,
               FiscalDocument      *doc,
               const char          *path,
               GError             **error)
{
  g_autoptr(GArray) figures = fiscal_import_report_compare (report, doc);
  g_autoptr(FiscalTable) table = fiscal_figures_to_table (figures);
  g_autoptr(GPtrArray) tables = g_ptr_array_new ();
  g_autofree char *csv = NULL;

  fiscal_table_set_department (table, fiscal_document_get_department_name (doc));
  g_ptr_array_add (tables, table);
  csv = fiscal_tables_to_csv_full (tables, 0);
  return fiscal_file_set_contents (path, csv, strlen (csv), FISCAL_FILE_DEFAULT, error);
}

/**
 * fiscal_cli_import:
 *
 * `fiscal-cli import INPUT -o OUT [--report FILE] [--format text|json]
 * [--figures FILE.csv] [--force]`. argv[0] is the verb.
 *
 * Returns: 0 when every published cell is reproduced and nothing is
 *   doubtful, 1 when the budget was written but the report has warnings or
 *   errors — of the rebuild, or of the audit of the publication against
 *   itself —, 2 when nothing was written
 */
int
fiscal_cli_import (int    argc,
                   char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *report_path = NULL;
  g_autofree char *figures_path = NULL;
  g_autofree char *format = NULL;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the budget to FILE (required)"), N_("FILE") },
    { "report", 'r', 0, G_OPTION_ARG_FILENAME, &report_path, N_("Write the import report to FILE instead of standard output"), N_("FILE") },
    { "figures", 0, 0, G_OPTION_ARG_FILENAME, &figures_path, N_("Write every published figure beside the rebuilt budget's to FILE (CSV)"), N_("FILE") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Report format: text or json"), N_("FORMAT") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Replace the files named by -o, --report and --figures if they exist (never the disclosure read)"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("INPUT"));
  g_autoptr(GError) error = NULL;
  g_autoptr(FiscalDisclosure) disclosure = NULL;
  g_autoptr(FiscalImportReport) report = NULL;
  g_autoptr(FiscalDocument) doc = NULL;
  g_autoptr(GFile) out_file = NULL;
  g_autoptr(FiscalOutputGuard) guard = NULL;
  g_autofree char *text = NULL;
  FiscalOutputFlags flags;
  const char *input;

  g_option_context_set_summary (context, _("Rebuild a budget from a published disclosure (its text or PDF)"));
  g_option_context_set_description (context,
    _("The report lists what reading and rebuilding found, then what the publication "
      "contradicts in itself (the audit: its tables against each other, its narrative and "
      "its target tables against the tables).\n\n"
      "Exit status: 0 when every published figure is reproduced and nothing is doubtful, "
      "1 when the budget was written but the report has warnings or errors, in the rebuild "
      "or in the audit (audit notes on rounding alone do not count), "
      "2 when nothing was written (the input cannot be read, is not a disclosure, "
      "a file to write exists without --force or is the input, or the command is wrong)."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("fiscal-cli: %s\n", error->message);
      return EXIT_TROUBLE;
    }
  if (argc != 2)
    {
      g_printerr ("fiscal-cli: %s\n", argc < 2 ? _("Name one disclosure to import") : _("Name only one disclosure to import"));
      return EXIT_TROUBLE;
    }
  input = argv[1];
  if (output == NULL)
    {
      g_printerr ("fiscal-cli: %s\n", _("Name the budget file to write with -o"));
      return EXIT_TROUBLE;
    }
  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "json"))
    {
      g_printerr ("fiscal-cli: %s\n", _("Unknown --format; see --help"));
      return EXIT_TROUBLE;
    }

  /* Every output is new unless --force says otherwise, none is the
   * disclosure read nor another output: checked before anything is. */
  guard = fiscal_output_guard_new ();
  fiscal_output_guard_add_input (guard, input, FISCAL_INPUT_DISCLOSURE);
  flags = FISCAL_OUTPUT_NEW | (force ? FISCAL_OUTPUT_FORCE : 0);
  if (!fiscal_cli_check_output (guard, output, flags) ||
      !fiscal_cli_check_output (guard, report_path, flags) ||
      !fiscal_cli_check_output (guard, figures_path, flags))
    return EXIT_TROUBLE;

  if (!(disclosure = read_input (input, &error)))
    {
      g_printerr ("fiscal-cli: %s: %s\n", input, error->message);
      return EXIT_TROUBLE;
    }
  if (!(doc = fiscal_import_disclosure (disclosure, &report, &error)))
    {
      g_printerr ("fiscal-cli: %s: %s\n", input, error->message);
      return EXIT_TROUBLE;
    }

  /* The errors of the files written name them. */
  out_file = g_file_new_for_commandline_arg (output);
  if (!fiscal_document_save (doc, out_file, NULL, &error))
    {
      g_printerr ("fiscal-cli: %s\n", error->message);
      return EXIT_TROUBLE;
    }

  if (figures_path != NULL && !write_figures (report, doc, figures_path, &error))
    {
      g_printerr ("fiscal-cli: %s\n", error->message);
      return EXIT_FINDINGS;
    }

  if (g_strcmp0 (format, "json") == 0)
    {
      g_autofree char *json = fiscal_import_report_to_json (report);
      text = g_strconcat (json, "\n", NULL);
    }
  else
    text = fiscal_import_report_to_text (report);

  if (!fiscal_cli_write_output (report_path, text) && report_path != NULL)
    return EXIT_FINDINGS;

  return fiscal_import_report_count (report, FISCAL_IMPORT_ERROR) > 0 ||
         fiscal_import_report_count (report, FISCAL_IMPORT_WARNING) > 0 ? EXIT_FINDINGS : EXIT_OK;
}
