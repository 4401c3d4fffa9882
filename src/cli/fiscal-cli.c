/* fiscal-cli.c
 *
 * fiscal-cli: the core from the command line, no display needed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "fiscal-cli-chart.h"
#include "fiscal-cli-export.h"
#include "fiscal-cli-formats.h"
#include "fiscal-cli-import.h"
#include "fiscal-cli-load.h"
#include "fiscal-cli-output.h"
#include "fiscal-core.h"

enum {
  EXIT_OK = 0,
  EXIT_FINDINGS = 1,
  EXIT_TROUBLE = 2,
};

typedef int (*VerbFunc) (int argc, char **argv);

typedef struct
{
  const char *name;
  VerbFunc    func;
  const char *summary;
} Verb;

static int verb_validate (int argc, char **argv);
static int verb_tables   (int argc, char **argv);
static int verb_narrative (int argc, char **argv);
static int verb_targets  (int argc, char **argv);

static const Verb verbs[] = {
  { "validate", verb_validate, N_("Check a budget and list its findings") },
  { "tables",   verb_tables,   N_("Write the disclosure tables as CSV or JSON") },
  { "narrative", verb_narrative, N_("Write the explanatory part (情况说明) from the figures") },
  { "chart",    fiscal_cli_chart, N_("Draw a chart as PNG, SVG or PDF") },
  { "targets",  verb_targets,  N_("Write the performance-target tables as CSV or JSON") },
  { "export",   fiscal_cli_export, N_("Export the disclosure as a PDF document, or its tables as a workbook or CSV") },
  { "import",   fiscal_cli_import, N_("Rebuild a budget from a published disclosure (text or PDF)") },
  { "formats",  fiscal_cli_formats, N_("List the disclosure formats (their tables) Fiscal knows") },
};

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n  fiscal-cli %s\n\n%s\n",
           _("Usage:"), _("COMMAND [OPTION…] FILE"), _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    fprintf (stream, "  %-10s %s\n", verbs[i].name, _(verbs[i].summary));
  fprintf (stream, "\n%s\n", _("Run “fiscal-cli COMMAND --help” for the options of a command."));
}

static GOptionContext *
verb_context (const char         *verb,
              const char         *parameter,
              const GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (parameter);
  g_autofree char *summary = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    if (g_str_equal (verbs[i].name, verb))
      summary = g_strdup (_(verbs[i].summary));

  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  return context;
}

/* Parses the options of a verb; the verb's own name is argv[0]. Returns
 * the one file argument, or NULL after printing why there is none. */
static const char *
parse_verb (GOptionContext  *context,
            int             *argc,
            char          ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("fiscal-cli: %s\n", error->message);
      return NULL;
    }

  if (*argc != 2)
    {
      g_printerr ("fiscal-cli: %s\n", *argc < 2 ? _("Name one budget file") : _("Name only one budget file"));
      return NULL;
    }

  return (*argv)[1];
}

/* @format is one of the NULL-terminated choices, or an error is printed. */
static gboolean
check_format (const char *format,
              ...)
{
  const char *choice;
  va_list args;

  va_start (args, format);
  while ((choice = va_arg (args, const char *)))
    if (g_strcmp0 (format, choice) == 0)
      {
        va_end (args);
        return TRUE;
      }
  va_end (args);

  g_printerr ("fiscal-cli: %s\n", _("Unknown --format; see --help"));
  return FALSE;
}

static int
verb_validate (int    argc,
               char **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *prior_path = NULL;
  g_autofree char *weight_total = NULL;
  const GOptionEntry entries[] = {
    { "prior", 'p', 0, G_OPTION_ARG_FILENAME, &prior_path, N_("The prior year’s budget (default: the one the file links)"), N_("FILE") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output format: text or json"), N_("FORMAT") },
    { "weight-total", 0, 0, G_OPTION_ARG_STRING, &weight_total, N_("What the weights of a target table must add up to (default 100; 0 leaves them unchecked)"), N_("N") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = verb_context ("validate", _("FILE"), entries);
  g_autoptr(FiscalDocument) doc = NULL;
  g_autoptr(FiscalDocument) prior = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  const char *path;

  g_option_context_set_description (context,
    _("Exit status: 0 when no finding is an error, 1 when one is, 2 when the file cannot be read or the command is wrong."));

  if (!(path = parse_verb (context, &argc, &argv)) ||
      !check_format (format ? format : "text", "text", "json", NULL))
    return EXIT_TROUBLE;

  if (weight_total != NULL)
    {
      gint64 micro;

      if (!fiscal_decimal_parse (weight_total, &micro) || micro < 0)
        {
          g_printerr (_("--weight-total: “%s” is not a number of points\n"), weight_total);
          return EXIT_TROUBLE;
        }
      fiscal_framework_set_weight_total (fiscal_framework_get_default (), micro);
    }

  if (!(doc = fiscal_cli_load (path)))
    return EXIT_TROUBLE;

  /* A named prior year must be readable; a linked one that is not is a
   * finding of its own. */
  if (prior_path != NULL)
    {
      if (!(prior = fiscal_cli_load (prior_path)))
        return EXIT_TROUBLE;
      findings = fiscal_document_validate_with_prior (doc, prior);
    }
  else
    findings = fiscal_document_validate (doc);

  if (g_strcmp0 (format, "json") == 0)
    {
      g_autofree char *json = fiscal_findings_to_json (findings);
      g_print ("%s\n", json);
    }
  else
    {
      for (guint i = 0; i < findings->len; i++)
        {
          FiscalFinding *f = g_ptr_array_index (findings, i);
          const char *severity = f->severity == FISCAL_SEVERITY_ERROR ? _("error")
                               : f->severity == FISCAL_SEVERITY_WARNING ? _("warning") : _("info");

          g_print ("%s: %s: %s [%s]\n", f->where, severity, f->message, f->rule);
        }
      g_print (_("%u errors, %u warnings, %u notes\n"),
               fiscal_findings_count (findings, FISCAL_SEVERITY_ERROR),
               fiscal_findings_count (findings, FISCAL_SEVERITY_WARNING),
               fiscal_findings_count (findings, FISCAL_SEVERITY_INFO));
    }

  return fiscal_findings_count (findings, FISCAL_SEVERITY_ERROR) > 0 ? EXIT_FINDINGS : EXIT_OK;
}

static int
verb_tables (int    argc,
             char **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *disclosure = NULL;
  gboolean force = FALSE;
  int number = 0;
  const GOptionEntry entries[] = {
    { "table", 't', 0, G_OPTION_ARG_INT, &number, N_("Only table N of the budget’s disclosure format (1–11 in the national one)"), N_("N") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output format: csv or json"), N_("FORMAT") },
    { "disclosure", 'd', 0, G_OPTION_ARG_STRING, &disclosure, N_("Make the tables of this disclosure format instead of the budget’s own (see “fiscal-cli formats”); the file is not changed"), N_("ID") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE instead of standard output"), N_("FILE") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Write over an existing Fiscal budget (never over a file the command reads)"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = verb_context ("tables", _("FILE"), entries);
  g_autoptr(FiscalOutputGuard) guard = NULL;
  g_autoptr(FiscalDocument) doc = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  FiscalFormat *shown = NULL;
  const char *path;

  if (!(path = parse_verb (context, &argc, &argv)) ||
      !check_format (format ? format : "json", "json", "csv", NULL))
    return EXIT_TROUBLE;

  if (number < 0)
    {
      g_printerr ("fiscal-cli: %s\n", _("--table takes the number of a table, 1 or more"));
      return EXIT_TROUBLE;
    }
  if (disclosure != NULL && !(shown = fiscal_cli_find_format (disclosure)))
    return EXIT_TROUBLE;

  if (!(doc = fiscal_cli_load (path)))
    return EXIT_TROUBLE;
  fiscal_cli_apply_disclosure (doc, shown);

  /* The numbers are the format's: 1 to 11 in the national one, 1 to 9 in
   * Shanghai's. */
  if (number > 0 && fiscal_format_find_table (fiscal_document_get_format (doc), number) == NULL)
    {
      FiscalFormat *own = fiscal_document_get_format (doc);
      guint n_tables = fiscal_format_get_n_tables (own);

      g_printerr ("fiscal-cli: ");
      g_printerr (_("--table: the disclosure format “%s” has no table %d; its tables are numbered %u to %u"),
                  fiscal_format_get_id (own), number,
                  fiscal_format_table_get_number (fiscal_format_get_table (own, 0)),
                  fiscal_format_table_get_number (fiscal_format_get_table (own, n_tables - 1)));
      g_printerr ("\n");
      return EXIT_TROUBLE;
    }

  guard = fiscal_cli_guard_new (path, NULL, NULL);
  if (!fiscal_cli_check_output (guard, output, force ? FISCAL_OUTPUT_FORCE : FISCAL_OUTPUT_DEFAULT))
    return EXIT_TROUBLE;

  if (number > 0)
    {
      tables = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (tables, fiscal_pivot_table (doc, number));
    }
  else
    tables = fiscal_pivot_all (doc);

  if (g_strcmp0 (format, "csv") == 0)
    text = fiscal_tables_to_csv (tables);
  else
    {
      g_autofree char *json = fiscal_tables_to_json (tables);
      text = g_strconcat (json, "\n", NULL);
    }

  return fiscal_cli_write_output (output, text) ? EXIT_OK : EXIT_TROUBLE;
}

static int
verb_targets (int    argc,
              char **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *project_name = NULL;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "project", 'p', 0, G_OPTION_ARG_STRING, &project_name, N_("Only the targets of the project with this name or id"), N_("NAME") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output format: csv or json"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE instead of standard output"), N_("FILE") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Write over an existing Fiscal budget (never over a file the command reads)"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = verb_context ("targets", _("FILE"), entries);
  g_autoptr(FiscalOutputGuard) guard = NULL;
  g_autoptr(FiscalDocument) doc = NULL;
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *text = NULL;
  GListModel *projects;
  const char *path;

  if (!(path = parse_verb (context, &argc, &argv)) ||
      !check_format (format ? format : "json", "json", "csv", NULL))
    return EXIT_TROUBLE;

  if (!(doc = fiscal_cli_load (path)))
    return EXIT_TROUBLE;
  guard = fiscal_cli_guard_new (path, NULL, NULL);
  if (!fiscal_cli_check_output (guard, output, force ? FISCAL_OUTPUT_FORCE : FISCAL_OUTPUT_DEFAULT))
    return EXIT_TROUBLE;

  projects = fiscal_document_get_projects (doc);

  if (project_name == NULL)
    g_ptr_array_add (tables, fiscal_targets_to_table (doc, NULL));

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(FiscalProject) project = g_list_model_get_item (projects, i);

      if (project_name != NULL
          ? (g_strcmp0 (project_name, fiscal_project_get_name (project)) == 0 ||
             g_strcmp0 (project_name, fiscal_project_get_id (project)) == 0)
          : !fiscal_targets_is_empty (fiscal_project_get_targets (project)))
        g_ptr_array_add (tables, fiscal_targets_to_table (doc, project));
    }

  if (project_name != NULL && tables->len == 0)
    {
      g_printerr ("fiscal-cli: %s\n", _("There is no project of that name or id"));
      return EXIT_TROUBLE;
    }

  if (g_strcmp0 (format, "csv") == 0)
    text = fiscal_tables_to_csv (tables);
  else
    {
      g_autofree char *json = fiscal_tables_to_json (tables);
      text = g_strconcat (json, "\n", NULL);
    }

  return fiscal_cli_write_output (output, text) ? EXIT_OK : EXIT_TROUBLE;
}

static int
verb_narrative (int    argc,
                char **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *prior_path = NULL;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "prior", 'p', 0, G_OPTION_ARG_FILENAME, &prior_path, N_("The prior year’s budget (default: the one the file links)"), N_("FILE") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output format: text, markdown or json"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE instead of standard output"), N_("FILE") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Write over an existing Fiscal budget (never over a file the command reads)"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = verb_context ("narrative", _("FILE"), entries);
  g_autoptr(FiscalOutputGuard) guard = NULL;
  g_autoptr(FiscalDocument) doc = NULL;
  g_autoptr(FiscalDocument) prior = NULL;
  g_autoptr(FiscalNarrative) narrative = NULL;
  g_autofree char *text = NULL;
  const char *path;

  if (!(path = parse_verb (context, &argc, &argv)))
    return EXIT_TROUBLE;

  if (!check_format (format ? format : "text", "text", "markdown", "json", NULL))
    return EXIT_TROUBLE;

  if (!(doc = fiscal_cli_load (path)) || !fiscal_cli_load_prior (doc, prior_path, &prior))
    return EXIT_TROUBLE;
  guard = fiscal_cli_guard_new (path, prior_path, prior);
  if (!fiscal_cli_check_output (guard, output, force ? FISCAL_OUTPUT_FORCE : FISCAL_OUTPUT_DEFAULT))
    return EXIT_TROUBLE;

  narrative = fiscal_narrative_new (doc, prior);
  if (g_strcmp0 (format, "json") == 0)
    {
      g_autofree char *json = fiscal_narrative_to_json (narrative);
      text = g_strconcat (json, "\n", NULL);
    }
  else if (g_strcmp0 (format, "markdown") == 0)
    text = fiscal_narrative_to_markdown (narrative);
  else
    text = fiscal_narrative_to_text (narrative);

  return fiscal_cli_write_output (output, text) ? EXIT_OK : EXIT_TROUBLE;
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("FISCAL_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_usage (stderr);
      return EXIT_TROUBLE;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      print_usage (stdout);
      return EXIT_OK;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("fiscal-cli %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    if (g_str_equal (argv[1], verbs[i].name))
      {
        g_autofree char *prgname = g_strdup_printf ("fiscal-cli %s", verbs[i].name);
        g_set_prgname (prgname);
        return verbs[i].func (argc - 1, argv + 1);
      }

  g_printerr ("fiscal-cli: %s\n\n", _("Unknown command"));
  print_usage (stderr);
  return EXIT_TROUBLE;
}
