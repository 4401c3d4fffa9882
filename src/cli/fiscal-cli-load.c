/* fiscal-cli-load.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fiscal-cli-load.h"

/**
 * fiscal_cli_load:
 *
 * Returns: (transfer full) (nullable): the budget at @path, or %NULL with
 *   the loader's message (which names the file and the place) printed
 */
FiscalDocument *
fiscal_cli_load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  FiscalDocument *doc;

  if (!(doc = fiscal_document_load (file, NULL, &error)))
    g_printerr ("fiscal-cli: %s\n", error->message);
  return doc;
}

/**
 * fiscal_cli_load_prior:
 * @prior_path: (nullable): the prior year named on the command line
 * @prior: (out) (transfer full) (nullable): @prior_path's budget, else the
 *   one @doc links, else %NULL
 *
 * Returns: whether the named or linked prior year could be read (the
 *   reason is printed when not)
 */
gboolean
fiscal_cli_load_prior (FiscalDocument  *doc,
                       const char      *prior_path,
                       FiscalDocument **prior)
{
  g_autoptr(GError) error = NULL;

  if (prior_path != NULL)
    return (*prior = fiscal_cli_load (prior_path)) != NULL;

  *prior = fiscal_document_load_prior (doc, &error);
  if (error != NULL)
    g_printerr ("fiscal-cli: %s: %s\n", _("The prior year cannot be read"), error->message);
  return error == NULL;
}

/**
 * fiscal_cli_load_budget:
 * @prior_path: (nullable): the prior year named on the command line
 * @prior: (out) (transfer full) (nullable): the prior year, as
 *   fiscal_cli_load_prior() finds it
 *
 * Returns: (transfer full) (nullable): the budget, or %NULL when it or its
 *   prior year cannot be read (the reason is printed)
 */
FiscalDocument *
fiscal_cli_load_budget (const char      *path,
                        const char      *prior_path,
                        FiscalDocument **prior)
{
  g_autoptr(FiscalDocument) doc = NULL;

  *prior = NULL;
  if (!(doc = fiscal_cli_load (path)) || !fiscal_cli_load_prior (doc, prior_path, prior))
    return NULL;

  return g_steal_pointer (&doc);
}
