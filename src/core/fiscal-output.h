/* fiscal-output.h
 *
 * Outputs never destroy inputs: the one rule every command and window
 * applies before it writes a file. An output is never the file of an
 * input (the budget, its prior year, the disclosure imported) nor of
 * another output of the same command, whatever its name (compared by
 * device and inode: `./a.json`, a hard link and a symbolic link are the
 * same file); it replaces an existing Fiscal budget only when forced; and
 * an output that must be new replaces nothing unless forced.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fiscal-types.h"

G_BEGIN_DECLS

/**
 * FiscalInputRole:
 * @FISCAL_INPUT_BUDGET: the budget read
 * @FISCAL_INPUT_PRIOR: the prior year's budget read
 * @FISCAL_INPUT_DISCLOSURE: the published disclosure imported
 * @FISCAL_INPUT_OUTPUT: another output of the same command
 *
 * What a file being read is to the command, for the message that refuses
 * to write over it.
 */
typedef enum
{
  FISCAL_INPUT_BUDGET,
  FISCAL_INPUT_PRIOR,
  FISCAL_INPUT_DISCLOSURE,
  FISCAL_INPUT_OUTPUT,
} FiscalInputRole;

/**
 * FiscalOutputFlags:
 * @FISCAL_OUTPUT_DEFAULT: any existing file but an input or a budget may
 *   be replaced
 * @FISCAL_OUTPUT_FORCE: an existing budget (or, with %FISCAL_OUTPUT_NEW,
 *   any existing file) may be replaced: `--force`, or a window's Save As
 *   whose file chooser asked
 * @FISCAL_OUTPUT_NEW: the output must not exist unless forced
 */
typedef enum
{
  FISCAL_OUTPUT_DEFAULT = 0,
  FISCAL_OUTPUT_FORCE   = 1 << 0,
  FISCAL_OUTPUT_NEW     = 1 << 1,
} FiscalOutputFlags;

typedef struct _FiscalOutputGuard FiscalOutputGuard;

FiscalOutputGuard *fiscal_output_guard_new          (void);
void               fiscal_output_guard_free         (FiscalOutputGuard  *self);
void               fiscal_output_guard_add_input    (FiscalOutputGuard  *self,
                                                     const char         *path,
                                                     FiscalInputRole     role);
void               fiscal_output_guard_add_file     (FiscalOutputGuard  *self,
                                                     GFile              *file,
                                                     FiscalInputRole     role);
void               fiscal_output_guard_add_document (FiscalOutputGuard  *self,
                                                     FiscalDocument     *document,
                                                     FiscalInputRole     role);
gboolean           fiscal_output_guard_check        (FiscalOutputGuard  *self,
                                                     const char         *output,
                                                     FiscalOutputFlags   flags,
                                                     GError            **error);
gboolean           fiscal_output_guard_check_file   (FiscalOutputGuard  *self,
                                                     GFile              *output,
                                                     FiscalOutputFlags   flags,
                                                     GError            **error);

gboolean           fiscal_file_is_budget            (const char         *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FiscalOutputGuard, fiscal_output_guard_free)

G_END_DECLS
