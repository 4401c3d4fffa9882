/* fiscal-document-valid.h
 *
 * What a valid budget is: the one definition that the loader applies to
 * every file it reads and that everything writing a budget applies before
 * it writes (saving, the recovery copy, the import). A budget the model
 * can hold but the file format cannot — a project line without its
 * project, a target weight that is no number, two lines with one id, an
 * amount past the ceiling — is refused with the key path of the fault, so
 * that nothing is ever written that would not open again.
 *
 * This is not the reviewer's checks (fiscal-validate.h): a budget full of
 * findings is still a valid file. This is whether it is a file at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fiscal-types.h"

G_BEGIN_DECLS

/* The largest count of the profile (staff, vehicles, equipment); a change
 * in a count is within ±FISCAL_COUNT_MAX. */
#define FISCAL_COUNT_MAX G_MAXINT32

/**
 * FiscalFault:
 * @path: where, as the file's key path: `lines[3].project`
 * @object: the model object at fault: a #FiscalLine, #FiscalProject,
 *   #FiscalIndicator, #FiscalUnit, #FiscalTargets, #FiscalProfile or the
 *   #FiscalDocument itself
 * @key: the key of the faulty value in @object's part of the file
 *   (`"project"`, `"weight"`, `"period_end"`)
 * @code: a #FiscalError code
 * @message: what is wrong, translated
 *
 * One way in which a budget is not valid.
 */
typedef struct
{
  const char *path;
  gpointer    object;
  const char *key;
  int         code;
  const char *message;
} FiscalFault;

/* Returns %FALSE to stop at this fault. */
typedef gboolean (*FiscalFaultFunc) (const FiscalFault *fault,
                                     gpointer           user_data);

guint    fiscal_document_find_faults (FiscalDocument   *self,
                                      FiscalFaultFunc   func,
                                      gpointer          user_data);
gboolean fiscal_document_check_valid (FiscalDocument   *self,
                                      GError          **error);
gboolean fiscal_date_is_valid        (const char       *text);

G_END_DECLS
