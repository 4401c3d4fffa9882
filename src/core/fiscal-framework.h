/* fiscal-framework.h
 *
 * The standard performance-indicator framework (一级 → 二级 指标), a
 * library of common 三级 indicators, and the rule set the checks apply
 * (the weight total, the required 一级 categories), loaded from
 * data/targets/ through the core GResource.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fiscal-types.h"

G_BEGIN_DECLS

typedef struct _FiscalFramework FiscalFramework;

/* The standard 一级 categories. */
typedef enum
{
  FISCAL_CATEGORY_NONE,          /* a nonstandard label, e.g. 履职效能 */
  FISCAL_CATEGORY_OUTPUT,        /* 产出 */
  FISCAL_CATEGORY_COST,          /* 成本 */
  FISCAL_CATEGORY_BENEFIT,       /* 效益 */
  FISCAL_CATEGORY_SATISFACTION,  /* 满意度 */
  FISCAL_N_CATEGORIES
} FiscalCategory;

FiscalFramework *fiscal_framework_get_default        (void);
FiscalFramework *fiscal_framework_new_from_data      (const char       *framework,
                                                      gssize            framework_length,
                                                      const char       *rules,
                                                      gssize            rules_length,
                                                      GError          **error);
void             fiscal_framework_free               (FiscalFramework  *self);

const char      *fiscal_category_name                (FiscalCategory    category);
FiscalCategory   fiscal_framework_classify           (FiscalFramework  *self,
                                                      const char       *level1,
                                                      const char       *level2);
const char * const *fiscal_framework_get_level2      (FiscalFramework  *self,
                                                      FiscalCategory    category);
const char      *fiscal_framework_get_label          (FiscalFramework  *self,
                                                      FiscalCategory    category);
guint            fiscal_framework_get_n_library      (FiscalFramework  *self);
FiscalIndicator *fiscal_framework_new_from_library   (FiscalFramework  *self,
                                                      guint             position);

gint64           fiscal_framework_get_weight_total   (FiscalFramework  *self);
gboolean         fiscal_framework_requires           (FiscalFramework  *self,
                                                      FiscalCategory    category);
void             fiscal_framework_set_requires       (FiscalFramework  *self,
                                                      FiscalCategory    category,
                                                      gboolean          required);
void             fiscal_framework_set_weight_total   (FiscalFramework  *self,
                                                      gint64            micro);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FiscalFramework, fiscal_framework_free)

G_END_DECLS
