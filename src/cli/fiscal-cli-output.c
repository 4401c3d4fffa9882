/* fiscal-cli-output.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "fiscal-cli-output.h"

/**
 * fiscal_cli_guard_new:
 * @budget_path: (nullable): the budget named on the command line
 * @prior_path: (nullable): the prior year named with --prior
 * @prior: (nullable): the prior year read, when it was found through the
 *   budget's link
 *
 * Returns: (transfer full): a guard that keeps the outputs off the files
 *   the verb reads
 */
FiscalOutputGuard *
fiscal_cli_guard_new (const char     *budget_path,
                      const char     *prior_path,
                      FiscalDocument *prior)
{
  FiscalOutputGuard *guard = fiscal_output_guard_new ();

  /* By the names typed, which the messages repeat. */
  if (budget_path != NULL)
    fiscal_output_guard_add_input (guard, budget_path, FISCAL_INPUT_BUDGET);
  if (prior_path != NULL)
    fiscal_output_guard_add_input (guard, prior_path, FISCAL_INPUT_PRIOR);
  else
    fiscal_output_guard_add_document (guard, prior, FISCAL_INPUT_PRIOR);

  return guard;
}

/**
 * fiscal_cli_check_output:
 * @output: (nullable): the file named to write; %NULL for standard output
 * @flags: %FISCAL_OUTPUT_FORCE for --force, %FISCAL_OUTPUT_NEW where only
 *   --force replaces an existing file
 *
 * Returns: whether @output may be written; if not, why is printed
 */
gboolean
fiscal_cli_check_output (FiscalOutputGuard *guard,
                         const char        *output,
                         FiscalOutputFlags  flags)
{
  g_autoptr(GError) error = NULL;

  if (output == NULL || fiscal_output_guard_check (guard, output, flags, &error))
    return TRUE;

  g_printerr ("fiscal-cli: %s\n", error->message);
  if (g_error_matches (error, FISCAL_ERROR, FISCAL_ERROR_OUTPUT_EXISTS))
    g_printerr ("fiscal-cli: %s\n", _("Use --force to replace it."));
  return FALSE;
}

/**
 * fiscal_cli_write_output:
 * @output: (nullable): the file to write, replaced whole; %NULL for
 *   standard output
 *
 * Returns: whether @text was written; if not, why is printed
 */
gboolean
fiscal_cli_write_output (const char *output,
                         const char *text)
{
  g_autoptr(GError) error = NULL;

  if (output == NULL)
    {
      fputs (text, stdout);
      return fflush (stdout) == 0;
    }

  if (!fiscal_file_set_contents (output, text, strlen (text), FISCAL_FILE_DEFAULT, &error))
    {
      g_printerr ("fiscal-cli: %s\n", error->message);
      return FALSE;
    }

  return TRUE;
}
