/* fiscal-cli-import.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int fiscal_cli_import (int    argc,
                       char **argv);

G_END_DECLS
