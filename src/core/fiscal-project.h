/* fiscal-project.h
 *
 * A project (项目) with what the disclosure says of it: owner, policy
 * basis, allocation, execution period and overall goal. Its amounts are the
 * lines bound to it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fiscal-types.h"

G_BEGIN_DECLS

/* The text fields of a project, in file order. */
typedef enum
{
  FISCAL_PROJECT_ID,
  FISCAL_PROJECT_NAME,
  FISCAL_PROJECT_UNIT,
  FISCAL_PROJECT_OWNER,
  FISCAL_PROJECT_POLICY_BASIS,
  FISCAL_PROJECT_ALLOCATION,
  FISCAL_PROJECT_PERIOD_START,
  FISCAL_PROJECT_PERIOD_END,
  FISCAL_PROJECT_GOAL,
  FISCAL_N_PROJECT_FIELDS
} FiscalProjectField;

#define FISCAL_TYPE_PROJECT (fiscal_project_get_type ())

G_DECLARE_FINAL_TYPE (FiscalProject, fiscal_project, FISCAL, PROJECT, GObject)

FiscalProject *fiscal_project_new              (const char         *id,
                                                const char         *name);
const char    *fiscal_project_get_field        (FiscalProject      *self,
                                                FiscalProjectField  field);
void           fiscal_project_set_field        (FiscalProject      *self,
                                                FiscalProjectField  field,
                                                const char         *value);
const char    *fiscal_project_field_key        (FiscalProjectField  field);
const char    *fiscal_project_get_id           (FiscalProject      *self);
const char    *fiscal_project_get_name         (FiscalProject      *self);
void           fiscal_project_set_name         (FiscalProject      *self,
                                                const char         *name);
FiscalTargets *fiscal_project_get_targets      (FiscalProject      *self);

G_END_DECLS
