/* fiscal-import-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-import-report"

#include "config.h"

#include <glib/gi18n.h>

#include "fiscal-checks-view.h"
#include "fiscal-figures-view.h"
#include "fiscal-import-report.h"

/**
 * fiscal_import_describe_place:
 * @line: a line of the source text, 1-based
 * @page: its page in a PDF, or 0
 *
 * Returns: (transfer full): where in the source text, for the user
 */
char *
fiscal_import_describe_place (guint line,
                              guint page)
{
  if (page > 0)
    /* Translators: where an import finding is in the source text */
    return g_strdup_printf (_("line %u, page %u"), line, page);
  return g_strdup_printf (_("line %u"), line);
}

/**
 * fiscal_import_report_findings:
 *
 * The entries of @report as findings, so that the list the Checks page
 * uses shows them: errors and warnings as such, inferences and notes
 * under Notes, each with its line and page.
 *
 * Returns: (transfer full) (element-type FiscalFinding): the findings
 */
GPtrArray *
fiscal_import_report_findings (FiscalImportReport *report)
{
  GPtrArray *findings = g_ptr_array_new_with_free_func ((GDestroyNotify) fiscal_finding_free);

  for (guint i = 0; i < fiscal_import_report_get_n_entries (report); i++)
    {
      const FiscalImportEntry *entry = fiscal_import_report_get_entry (report, i);
      FiscalFinding *finding = g_new0 (FiscalFinding, 1);

      switch (entry->severity)
        {
        case FISCAL_IMPORT_ERROR:
          finding->severity = FISCAL_SEVERITY_ERROR;
          break;
        case FISCAL_IMPORT_WARNING:
          finding->severity = FISCAL_SEVERITY_WARNING;
          break;
        case FISCAL_IMPORT_INFERENCE:
        case FISCAL_IMPORT_INFO:
        default:
          finding->severity = FISCAL_SEVERITY_INFO;
          break;
        }

      /* The audit's findings keep their rule; the rebuild's say what they are. */
      finding->rule = g_strdup (entry->rule ? entry->rule : fiscal_import_severity_to_string (entry->severity));
      finding->message = g_strdup (entry->message);
      finding->where = entry->line > 0 ? fiscal_import_describe_place (entry->line, entry->page)
                                       : g_strdup (_("whole document"));

      g_ptr_array_add (findings, finding);
    }

  return findings;
}

/**
 * fiscal_import_report_summary:
 *
 * Returns: (transfer full): one sentence on what the import reproduced
 */
char *
fiscal_import_report_summary (FiscalImportReport *report)
{
  guint cells = fiscal_import_report_get_n_cells (report);
  guint off = fiscal_import_report_get_n_mismatches (report);
  guint close = fiscal_import_report_get_n_close (report);
  guint inferences = fiscal_import_report_count_in (report, FISCAL_IMPORT_SECTION_REBUILD, FISCAL_IMPORT_INFERENCE);
  guint warnings = fiscal_import_report_count_in (report, FISCAL_IMPORT_SECTION_REBUILD, FISCAL_IMPORT_WARNING);
  guint errors = fiscal_import_report_count_in (report, FISCAL_IMPORT_SECTION_REBUILD, FISCAL_IMPORT_ERROR);
  guint audit_errors = fiscal_import_report_count_in (report, FISCAL_IMPORT_SECTION_AUDIT, FISCAL_IMPORT_ERROR);
  guint audit_warnings = fiscal_import_report_count_in (report, FISCAL_IMPORT_SECTION_AUDIT, FISCAL_IMPORT_WARNING);
  g_autofree char *rebuilt = NULL;
  g_autofree char *audit = NULL;

  rebuilt = g_strdup_printf (_("The rebuilt budget reproduces %u of the %u published figures exactly "
                               "(%u within 0.01 in 10,000 yuan, %u further off). "
                               "%u inferences, %u warnings, %u errors."),
                             cells - off - close, cells, close, off, inferences, warnings, errors);
  audit = g_strdup_printf (_("The publication contradicts itself in %u places (errors) and is doubtful in %u (warnings)."),
                           audit_errors, audit_warnings);

  return g_strconcat (rebuilt, "\n", audit, NULL);
}

/**
 * fiscal_import_report_dialog_new:
 * @source: the file imported, which the figures' CSV never replaces
 * @document: the budget rebuilt, as it is now
 *
 * A window with two pages: the findings (what was inferred and what the
 * publication contradicts in itself), and every published figure beside
 * @document's (fiscal_import_report_dialog_get_figures()), which follows
 * the budget as it is edited. @report must outlive the window.
 *
 * Returns: (transfer full): a window showing @report
 */
GtkWidget *
fiscal_import_report_dialog_new (GtkWindow          *parent,
                                 GFile              *source,
                                 FiscalImportReport *report,
                                 FiscalDocument     *document)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *findings_page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *title = adw_view_switcher_title_new ();
  GtkWidget *stack = adw_view_stack_new ();
  GtkWidget *switcher_bar = adw_view_switcher_bar_new ();
  GtkWidget *summary = gtk_label_new (NULL);
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *checks = fiscal_checks_view_new ();
  GtkWidget *figures = fiscal_figures_view_new ();
  AdwViewStackPage *page;
  g_autoptr(GPtrArray) findings = fiscal_import_report_findings (report);
  g_autofree char *text = fiscal_import_report_summary (report);
  g_autofree char *source_name = g_file_get_basename (source);

  gtk_window_set_title (GTK_WINDOW (window), _("Import Report"));
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_default_size (GTK_WINDOW (window), 1040, 680);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);

  adw_view_switcher_title_set_stack (ADW_VIEW_SWITCHER_TITLE (title), ADW_VIEW_STACK (stack));
  adw_view_switcher_title_set_title (ADW_VIEW_SWITCHER_TITLE (title), _("Import Report"));
  adw_view_switcher_title_set_subtitle (ADW_VIEW_SWITCHER_TITLE (title), source_name);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  gtk_box_append (GTK_BOX (box), header);

  gtk_label_set_text (GTK_LABEL (summary), text);
  gtk_label_set_wrap (GTK_LABEL (summary), TRUE);
  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  gtk_widget_add_css_class (summary, "import-summary");
  gtk_widget_set_margin_top (summary, 18);
  gtk_widget_set_margin_start (summary, 12);
  gtk_widget_set_margin_end (summary, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), summary);
  gtk_box_append (GTK_BOX (findings_page), clamp);

  fiscal_checks_view_set_activatable (FISCAL_CHECKS_VIEW (checks), FALSE);
  fiscal_checks_view_set_findings (FISCAL_CHECKS_VIEW (checks), findings);
  gtk_widget_set_vexpand (checks, TRUE);
  gtk_box_append (GTK_BOX (findings_page), checks);

  page = adw_view_stack_add_titled (ADW_VIEW_STACK (stack), findings_page, "findings", _("Findings"));
  adw_view_stack_page_set_icon_name (page, "dialog-warning-symbolic");
  fiscal_figures_view_set_report (FISCAL_FIGURES_VIEW (figures), report, document);
  fiscal_figures_view_set_source (FISCAL_FIGURES_VIEW (figures), source);
  /* Translators: the page of the import report that puts each published
   * figure beside the rebuilt budget's */
  page = adw_view_stack_add_titled (ADW_VIEW_STACK (stack), figures, "figures", _("Figures"));
  adw_view_stack_page_set_icon_name (page, "view-list-symbolic");
  gtk_widget_set_vexpand (stack, TRUE);
  gtk_box_append (GTK_BOX (box), stack);

  /* on a narrow window the pages are switched at the bottom */
  adw_view_switcher_bar_set_stack (ADW_VIEW_SWITCHER_BAR (switcher_bar), ADW_VIEW_STACK (stack));
  g_object_bind_property (title, "title-visible", switcher_bar, "reveal", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (box), switcher_bar);

  adw_window_set_content (ADW_WINDOW (window), box);
  g_object_set_data_full (G_OBJECT (window), "fiscal-findings", g_ptr_array_ref (findings),
                          (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data (G_OBJECT (window), "fiscal-figures", figures);
  g_object_set_data (G_OBJECT (window), "fiscal-stack", stack);

  return window;
}

/**
 * fiscal_import_report_dialog_get_figures:
 *
 * Returns: (transfer none): the page of @dialog that puts the published
 *   figures beside the rebuilt budget's
 */
FiscalFiguresView *
fiscal_import_report_dialog_get_figures (GtkWidget *dialog)
{
  return FISCAL_FIGURES_VIEW (g_object_get_data (G_OBJECT (dialog), "fiscal-figures"));
}

/**
 * fiscal_import_report_dialog_show_page:
 * @name: "findings" or "figures"
 */
void
fiscal_import_report_dialog_show_page (GtkWidget  *dialog,
                                       const char *name)
{
  adw_view_stack_set_visible_child_name (g_object_get_data (G_OBJECT (dialog), "fiscal-stack"), name);
}
