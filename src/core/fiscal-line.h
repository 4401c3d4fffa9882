/* fiscal-line.h
 *
 * One budget line: an amount with its dimensions (unit, function code,
 * economic code, kind, project, funding source). The eleven tables are
 * pivots of the lines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fiscal-types.h"

G_BEGIN_DECLS

#define FISCAL_TYPE_LINE (fiscal_line_get_type ())

G_DECLARE_FINAL_TYPE (FiscalLine, fiscal_line, FISCAL, LINE, GObject)

FiscalLine   *fiscal_line_new              (const char   *id);
FiscalLine   *fiscal_line_new_full         (const char   *id,
                                            const char   *unit_id,
                                            const char   *function,
                                            const char   *economic,
                                            FiscalKind    kind,
                                            const char   *project_id,
                                            FiscalSource  source,
                                            gint64        fen);
FiscalLine   *fiscal_line_copy             (FiscalLine   *self,
                                            const char   *id);
const char   *fiscal_line_get_id           (FiscalLine   *self);
const char   *fiscal_line_get_unit         (FiscalLine   *self);
void          fiscal_line_set_unit         (FiscalLine   *self,
                                            const char   *unit_id);
const char   *fiscal_line_get_function     (FiscalLine   *self);
void          fiscal_line_set_function     (FiscalLine   *self,
                                            const char   *code);
const char   *fiscal_line_get_economic     (FiscalLine   *self);
void          fiscal_line_set_economic     (FiscalLine   *self,
                                            const char   *code);
FiscalKind    fiscal_line_get_kind         (FiscalLine   *self);
void          fiscal_line_set_kind         (FiscalLine   *self,
                                            FiscalKind    kind);
const char   *fiscal_line_get_project      (FiscalLine   *self);
void          fiscal_line_set_project      (FiscalLine   *self,
                                            const char   *project_id);
FiscalSource  fiscal_line_get_source       (FiscalLine   *self);
void          fiscal_line_set_source       (FiscalLine   *self,
                                            FiscalSource  source);
gint64        fiscal_line_get_amount       (FiscalLine   *self);
void          fiscal_line_set_amount       (FiscalLine   *self,
                                            gint64        fen);
const char   *fiscal_line_get_note         (FiscalLine   *self);
void          fiscal_line_set_note         (FiscalLine   *self,
                                            const char   *note);

G_END_DECLS
