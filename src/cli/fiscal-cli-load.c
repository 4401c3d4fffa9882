/* fiscal-cli-load.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fiscal-cli-load.h"

static FiscalDocument *
load_document (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  FiscalDocument *doc;

  if (!(doc = fiscal_document_load (file, NULL, &error)))
    g_printerr ("fiscal-cli: %s: %s\n", path, error->message);
  return doc;
}

/**
 * fiscal_cli_load_budget:
 * @prior_path: (nullable): the prior year named on the command line
 * @prior: (out) (transfer full) (nullable): the prior year: @prior_path's,
 *   else the one the budget links, else %NULL
 *
 * Returns: (transfer full) (nullable): the budget, or %NULL when it or a
 *   named or linked prior year cannot be read (the reason is printed)
 */
FiscalDocument *
fiscal_cli_load_budget (const char      *path,
                        const char      *prior_path,
                        FiscalDocument **prior)
{
  g_autoptr(FiscalDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  *prior = NULL;
  if (!(doc = load_document (path)))
    return NULL;

  if (prior_path != NULL)
    {
      if (!(*prior = load_document (prior_path)))
        return NULL;
    }
  else
    {
      *prior = fiscal_document_load_prior (doc, &error);
      if (error != NULL)
        {
          g_printerr ("fiscal-cli: %s: %s\n", _("The prior year cannot be read"), error->message);
          return NULL;
        }
    }

  return g_steal_pointer (&doc);
}
