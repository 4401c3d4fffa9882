/* fiscal-cli-chart.c
 *
 * fiscal-cli chart: a chart of a budget as PNG, SVG or PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fiscal-cli-chart.h"
#include "fiscal-cli-load.h"
#include "fiscal-cli-output.h"
#include "fiscal-core.h"

enum {
  EXIT_OK = 0,
  EXIT_TROUBLE = 2,
};

static void
list_kinds (void)
{
  for (guint k = 0; k < FISCAL_N_CHART_KINDS; k++)
    g_print ("%-20s %s\n", fiscal_chart_kind_to_name (k), fiscal_chart_describe_kind (k));
}

/**
 * fiscal_cli_chart:
 *
 * `fiscal-cli chart --list` and
 * `fiscal-cli chart FILE --kind KIND --format png|svg|pdf -o OUT`.
 * argv[0] is the verb.
 *
 * Returns: the exit status: 0, or 2 for usage and file errors
 */
int
fiscal_cli_chart (int    argc,
                  char **argv)
{
  gboolean list = FALSE;
  gboolean transparent = FALSE;
  g_autofree char *kind_name = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *prior_path = NULL;
  g_autofree char *output = NULL;
  gboolean force = FALSE;
  g_autofree char *focus = NULL;
  g_autofree char *increase = NULL;
  int width = 1200, height = 800;
  double dpi = 96;
  const GOptionEntry entries[] = {
    { "list", 'l', 0, G_OPTION_ARG_NONE, &list, N_("List the kinds of chart"), NULL },
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind_name, N_("The kind of chart (see --list)"), N_("KIND") },
    { "prior", 'p', 0, G_OPTION_ARG_FILENAME, &prior_path, N_("The prior year’s budget (default: the one the file links)"), N_("FILE") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, N_("Output format: png, svg or pdf (default: from the output’s extension)"), N_("FORMAT") },
    { "width", 'W', 0, G_OPTION_ARG_INT, &width, N_("Width in pixels (default 1200)"), N_("PX") },
    { "height", 'H', 0, G_OPTION_ARG_INT, &height, N_("Height in pixels (default 800)"), N_("PX") },
    { "dpi", 'd', 0, G_OPTION_ARG_DOUBLE, &dpi, N_("Resolution in dots per inch (default 96)"), N_("N") },
    { "transparent", 't', 0, G_OPTION_ARG_NONE, &transparent, N_("No background (PNG and SVG)"), NULL },
    { "increase", 0, 0, G_OPTION_ARG_STRING, &increase, N_("Colour of an increase: red (the default) or green"), N_("COLOUR") },
    { "focus", 0, 0, G_OPTION_ARG_STRING, &focus, N_("Drill the function donut down to a class or section code"), N_("CODE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write"), N_("OUT") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Write over an existing Fiscal budget (never over a file the command reads)"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE"));
  g_autoptr(FiscalOutputGuard) guard = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FiscalDocument) doc = NULL;
  g_autoptr(FiscalDocument) prior = NULL;
  g_autoptr(FiscalChart) chart = NULL;
  FiscalChartKind kind;
  FiscalChartFormat format;

  g_option_context_set_summary (context, _("Draw a chart of a budget’s structure"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("fiscal-cli: %s\n", error->message);
      return EXIT_TROUBLE;
    }

  if (list)
    {
      list_kinds ();
      return EXIT_OK;
    }

  if (argc != 2)
    {
      g_printerr ("fiscal-cli: %s\n", argc < 2 ? _("Name one budget file") : _("Name only one budget file"));
      return EXIT_TROUBLE;
    }
  if (kind_name == NULL || !fiscal_chart_kind_from_name (kind_name, &kind))
    {
      g_printerr ("fiscal-cli: %s\n", kind_name == NULL ? _("Name a kind of chart with --kind (see --list)")
                                                        : _("Unknown --kind; see --list"));
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
      format_name = g_strdup (dot ? dot + 1 : "");
    }
  if (!fiscal_chart_format_from_name (format_name, &format))
    {
      g_printerr ("fiscal-cli: %s\n", _("Unknown --format; use png, svg or pdf"));
      return EXIT_TROUBLE;
    }
  if (width < 16 || height < 16 || width > 20000 || height > 20000)
    {
      g_printerr ("fiscal-cli: %s\n", _("--width and --height must be between 16 and 20000 pixels"));
      return EXIT_TROUBLE;
    }
  if (increase != NULL && !g_str_equal (increase, "red") && !g_str_equal (increase, "green"))
    {
      g_printerr ("fiscal-cli: %s\n", _("Unknown --increase; use red or green"));
      return EXIT_TROUBLE;
    }
  if (dpi < 72 || dpi > 1200)
    {
      g_printerr ("fiscal-cli: %s\n", _("--dpi must be between 72 and 1200"));
      return EXIT_TROUBLE;
    }

  if (!(doc = fiscal_cli_load_budget (argv[1], prior_path, &prior)))
    return EXIT_TROUBLE;
  guard = fiscal_cli_guard_new (argv[1], prior_path, prior);
  if (!fiscal_cli_check_output (guard, output, force ? FISCAL_OUTPUT_FORCE : FISCAL_OUTPUT_DEFAULT))
    return EXIT_TROUBLE;

  chart = fiscal_chart_new (kind, doc, prior);
  if (focus != NULL)
    fiscal_chart_set_focus (chart, focus);
  if (g_strcmp0 (increase, "green") == 0)
    fiscal_chart_set_change_colors (chart, FISCAL_CHART_INCREASE_GREEN);

  if (!fiscal_chart_export (chart, format, output, width, height, dpi, transparent, &error))
    {
      /* A file's error names the file already. */
      if (error->domain == G_FILE_ERROR)
        g_printerr ("fiscal-cli: %s\n", error->message);
      else
        g_printerr ("fiscal-cli: %s: %s\n", output, error->message);
      return EXIT_TROUBLE;
    }

  return EXIT_OK;
}
