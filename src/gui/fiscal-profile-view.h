/* fiscal-profile-view.h
 *
 * The Overview page: the department and its profile as forms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fiscal-core.h"

G_BEGIN_DECLS

#define FISCAL_TYPE_PROFILE_VIEW (fiscal_profile_view_get_type ())

G_DECLARE_FINAL_TYPE (FiscalProfileView, fiscal_profile_view, FISCAL, PROFILE_VIEW, GtkWidget)

GtkWidget   *fiscal_profile_view_new               (void);
void         fiscal_profile_view_set_document      (FiscalProfileView  *self,
                                                    FiscalDocument     *document);
GtkEditable *fiscal_profile_view_get_field         (FiscalProfileView  *self,
                                                    int                 field);
GtkWidget   *fiscal_profile_view_get_widget        (FiscalProfileView  *self,
                                                    int                 field);
GtkEditable *fiscal_profile_view_get_vehicle_field (FiscalProfileView  *self,
                                                    const char         *kind,
                                                    gboolean            value);
void         fiscal_profile_view_refresh           (FiscalProfileView  *self);

G_END_DECLS
