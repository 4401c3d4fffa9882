/* fiscal-unit.h
 *
 * A budget unit (预算单位): the department itself or one of its
 * subordinate units.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fiscal-types.h"

G_BEGIN_DECLS

#define FISCAL_TYPE_UNIT (fiscal_unit_get_type ())

G_DECLARE_FINAL_TYPE (FiscalUnit, fiscal_unit, FISCAL, UNIT, GObject)

FiscalUnit *fiscal_unit_new      (const char *id,
                                  const char *name);
const char *fiscal_unit_get_id   (FiscalUnit *self);
const char *fiscal_unit_get_name (FiscalUnit *self);
void        fiscal_unit_set_name (FiscalUnit *self,
                                  const char *name);
const char *fiscal_unit_get_code (FiscalUnit *self);
void        fiscal_unit_set_code (FiscalUnit *self,
                                  const char *code);

G_END_DECLS
