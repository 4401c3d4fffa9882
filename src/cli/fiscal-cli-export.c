/* fiscal-cli-export.c
 *
 * fiscal-cli export: the whole disclosure as a PDF document, its tables as
 * an Excel workbook, or its tables as CSV, in the budget's disclosure
 * format or, with --disclosure, in another.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fiscal-cli-export.h"
#include "fiscal-cli-formats.h"
#include "fiscal-cli-load.h"
#include "fiscal-cli-output.h"
#include "fiscal-core.h"

enum {
  EXIT_OK = 0,
  EXIT_TROUBLE = 2,
};

typedef struct
{
  FiscalDocument *document;
  FiscalDocument *prior;
  gboolean        charts;
  gboolean        bom;
} Export;

typedef gboolean (*ExportFunc) (const Export  *export,
                                const char    *path,
                                GError       **error);

static gboolean
export_pdf (const Export  *export,
            const char    *path,
            GError       **error)
{
  FiscalPrintOptions options;

  fiscal_print_options_init (&options);
  options.include_charts = export->charts;
  return fiscal_export_pdf (export->document, export->prior, &options, path, error);
}

static gboolean
export_csv (const Export  *export,
            const char    *path,
            GError       **error)
{
  return fiscal_export_csv (export->document, path, export->bom ? FISCAL_CSV_BOM : FISCAL_CSV_DEFAULT, error);
}

static gboolean
export_xlsx (const Export  *export,
             const char    *path,
             GError       **error)
{
  return fiscal_export_xlsx (export->document, path, error);
}

/* The formats --format takes. Another is one more line here. */
static const struct
{
  const char *name;
  ExportFunc  func;
} formats[] = {
  { "pdf", export_pdf },
  { "csv", export_csv },
  { "xlsx", export_xlsx },
};

/**
 * fiscal_cli_export:
 *
 * `fiscal-cli export FILE --format pdf|xlsx|csv -o OUT [--prior PRIOR]
 * [--charts] [--bom] [--disclosure ID]`. argv[0] is the verb.
 *
 * Returns: the exit status: 0, or 2 for usage and file errors
 */
int
fiscal_cli_export (int    argc,
                   char **argv)
{
  gboolean charts = FALSE;
  gboolean bom = FALSE;
  g_autofree char *format_name = NULL;
  g_autofree char *prior_path = NULL;
  g_autofree char *output = NULL;
  g_autofree char *disclosure = NULL;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, N_("Output format: pdf, xlsx or csv (default: from the output’s extension)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write"), N_("OUT") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Write over an existing Fiscal budget (never over a file the command reads)"), NULL },
    { "prior", 'p', 0, G_OPTION_ARG_FILENAME, &prior_path, N_("The prior year’s budget (default: the one the file links)"), N_("FILE") },
    { "charts", 'c', 0, G_OPTION_ARG_NONE, &charts, N_("Add the charts to the PDF"), NULL },
    { "bom", 0, 0, G_OPTION_ARG_NONE, &bom, N_("Start the CSV with a UTF-8 byte order mark, for Excel"), NULL },
    { "disclosure", 'd', 0, G_OPTION_ARG_STRING, &disclosure, N_("Export the tables of this disclosure format instead of the budget’s own (see “fiscal-cli formats”); the file is not changed"), N_("ID") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE"));
  g_autoptr(FiscalOutputGuard) guard = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FiscalDocument) doc = NULL;
  g_autoptr(FiscalDocument) prior = NULL;
  FiscalFormat *shown = NULL;
  ExportFunc func = NULL;
  Export export = { 0 };

  g_option_context_set_summary (context, _("Export the disclosure: the whole document as PDF, "
                                           "its tables as an Excel workbook, or its tables as CSV, "
                                           "in the budget’s disclosure format or the one --disclosure names"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("fiscal-cli: %s\n", error->message);
      return EXIT_TROUBLE;
    }
  if (argc != 2)
    {
      g_printerr ("fiscal-cli: %s\n", argc < 2 ? _("Name one budget file") : _("Name only one budget file"));
      return EXIT_TROUBLE;
    }
  if (output == NULL)
    {
      g_printerr ("fiscal-cli: %s\n", _("Name the file to write with -o"));
      return EXIT_TROUBLE;
    }
  if (format_name == NULL)
    {
      const char *dot = strrchr (output, '.');
      format_name = g_ascii_strdown (dot ? dot + 1 : "", -1);
    }
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_equal (format_name, formats[i].name))
      func = formats[i].func;
  if (func == NULL)
    {
      g_printerr ("fiscal-cli: %s\n", _("Unknown --format; use pdf, xlsx or csv"));
      return EXIT_TROUBLE;
    }
  if (bom && func != export_csv)
    {
      g_printerr ("fiscal-cli: %s\n", _("--bom is for CSV only"));
      return EXIT_TROUBLE;
    }
  if (charts && func != export_pdf)
    {
      g_printerr ("fiscal-cli: %s\n", _("--charts is for PDF only"));
      return EXIT_TROUBLE;
    }
  if (disclosure != NULL && !(shown = fiscal_cli_find_format (disclosure)))
    return EXIT_TROUBLE;

  if (!(doc = fiscal_cli_load_budget (argv[1], prior_path, &prior)))
    return EXIT_TROUBLE;
  fiscal_cli_apply_disclosure (doc, shown);
  guard = fiscal_cli_guard_new (argv[1], prior_path, prior);
  if (!fiscal_cli_check_output (guard, output, force ? FISCAL_OUTPUT_FORCE : FISCAL_OUTPUT_DEFAULT))
    return EXIT_TROUBLE;

  export.document = doc;
  export.prior = prior;
  export.charts = charts;
  export.bom = bom;

  if (!func (&export, output, &error))
    {
      g_printerr ("fiscal-cli: %s\n", error->message);
      return EXIT_TROUBLE;
    }

  return EXIT_OK;
}
