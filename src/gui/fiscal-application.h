/* fiscal-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FISCAL_TYPE_APPLICATION (fiscal_application_get_type ())

G_DECLARE_FINAL_TYPE (FiscalApplication, fiscal_application, FISCAL, APPLICATION, AdwApplication)

FiscalApplication *fiscal_application_new          (void);
GSettings         *fiscal_application_get_settings (FiscalApplication *self);
void               fiscal_application_add_recent   (FiscalApplication *self,
                                                    GFile             *file);
GMenuModel        *fiscal_application_get_recent_menu (FiscalApplication *self);
GtkWidget         *fiscal_application_offer_new_copies (FiscalApplication *self,
                                                        GtkWindow         *window);

G_END_DECLS
