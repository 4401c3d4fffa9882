/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "fiscal-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(FiscalApplication) app = NULL;
  const char *localedir = g_getenv ("FISCAL_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = fiscal_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
