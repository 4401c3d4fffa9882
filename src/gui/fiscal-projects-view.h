/* fiscal-projects-view.h
 *
 * The Projects page: the projects with their totals, the selected one's
 * form, and its lines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fiscal-core.h"

G_BEGIN_DECLS

#define FISCAL_TYPE_PROJECTS_VIEW (fiscal_projects_view_get_type ())

G_DECLARE_FINAL_TYPE (FiscalProjectsView, fiscal_projects_view, FISCAL, PROJECTS_VIEW, GtkWidget)

GtkWidget     *fiscal_projects_view_new             (void);
void           fiscal_projects_view_set_document    (FiscalProjectsView *self,
                                                     FiscalDocument     *document);
void           fiscal_projects_view_select          (FiscalProjectsView *self,
                                                     guint               position);
FiscalProject *fiscal_projects_view_get_selected    (FiscalProjectsView *self);
FiscalProject *fiscal_projects_view_add_project     (FiscalProjectsView *self);
GtkWidget     *fiscal_projects_view_delete_selected (FiscalProjectsView *self);
GtkWidget     *fiscal_projects_view_get_lines_view  (FiscalProjectsView *self);
GtkEditable   *fiscal_projects_view_get_field       (FiscalProjectsView *self,
                                                     FiscalProjectField  field);
AdwComboRow   *fiscal_projects_view_get_unit_row    (FiscalProjectsView *self);

G_END_DECLS
