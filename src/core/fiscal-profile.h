/* fiscal-profile.h
 *
 * The department profile: what 第一部分 概况 and 其他重要事项 say of the
 * department besides its budget. The fields are described by a table, which
 * serves the file format, the editors and the checks alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fiscal-types.h"

G_BEGIN_DECLS

typedef enum
{
  FISCAL_FIELD_TEXT,
  FISCAL_FIELD_COUNT,      /* a non-negative integer */
  FISCAL_FIELD_CHANGE,     /* an integer that may be negative */
  FISCAL_FIELD_MONEY,      /* fen */
  FISCAL_FIELD_AREA,       /* hundredths of a square metre */
  FISCAL_FIELD_DATE,       /* YYYY-MM-DD text */
  FISCAL_FIELD_VEHICLES,   /* the vehicle list */
} FiscalFieldType;

typedef enum
{
  FISCAL_PROFILE_FUNCTIONS,
  FISCAL_PROFILE_INSTITUTIONS,
  FISCAL_PROFILE_STAFF_AUTHORIZED,
  FISCAL_PROFILE_STAFF_ACTUAL,
  FISCAL_PROFILE_STAFF_ACTIVE,
  FISCAL_PROFILE_STAFF_ACTIVE_CHANGE,
  FISCAL_PROFILE_STAFF_RETIRED,
  FISCAL_PROFILE_STAFF_RETIRED_CHANGE,
  FISCAL_PROFILE_STAFF_HONORARY,
  FISCAL_PROFILE_STAFF_HONORARY_CHANGE,
  FISCAL_PROFILE_ASSETS_AS_OF,
  FISCAL_PROFILE_ASSETS_BUILDING_AREA,
  FISCAL_PROFILE_ASSETS_BUILDING_VALUE,
  FISCAL_PROFILE_ASSETS_VEHICLES,
  FISCAL_PROFILE_ASSETS_FURNITURE_VALUE,
  FISCAL_PROFILE_ASSETS_OTHER_VALUE,
  FISCAL_PROFILE_ASSETS_EQUIPMENT_500K,
  FISCAL_PROFILE_ASSETS_EQUIPMENT_1M,
  FISCAL_PROFILE_ASSETS_PLANNED_VEHICLES,
  FISCAL_PROFILE_ASSETS_PLANNED_EQUIPMENT_500K,
  FISCAL_PROFILE_ASSETS_PLANNED_EQUIPMENT_1M,
  FISCAL_PROFILE_PROCUREMENT_GOODS,
  FISCAL_PROFILE_PROCUREMENT_WORKS,
  FISCAL_PROFILE_PROCUREMENT_SERVICES,
  FISCAL_PROFILE_PROCUREMENT_RESERVED_SME,
  FISCAL_PROFILE_PROCUREMENT_RESERVED_SMALL,
  FISCAL_PROFILE_OPERATING_EXPENSES,
  FISCAL_PROFILE_CONTACT_NAME,
  FISCAL_PROFILE_CONTACT_PHONE,
  FISCAL_PROFILE_CONTACT_DATE,
  FISCAL_N_PROFILE_FIELDS
} FiscalProfileField;

typedef struct
{
  const char      *group;   /* the sub-object in the file, or NULL */
  const char      *key;
  FiscalFieldType  type;
  const char      *label;   /* untranslated; use fiscal_profile_field_label() */
} FiscalProfileFieldInfo;

typedef struct
{
  char   *kind;    /* 一般公务用车, 执法执勤用车, 其他车辆 … */
  gint64  count;
  gint64  value;   /* fen */
} FiscalVehicle;

#define FISCAL_TYPE_PROFILE (fiscal_profile_get_type ())

G_DECLARE_FINAL_TYPE (FiscalProfile, fiscal_profile, FISCAL, PROFILE, GObject)

FiscalProfile                *fiscal_profile_new               (void);
const FiscalProfileFieldInfo *fiscal_profile_field_info        (FiscalProfileField  field);
const char                   *fiscal_profile_field_label       (FiscalProfileField  field);
gboolean                      fiscal_profile_is_set            (FiscalProfile      *self,
                                                                FiscalProfileField  field);
void                          fiscal_profile_unset             (FiscalProfile      *self,
                                                                FiscalProfileField  field);
const char                   *fiscal_profile_get_text          (FiscalProfile      *self,
                                                                FiscalProfileField  field);
void                          fiscal_profile_set_text          (FiscalProfile      *self,
                                                                FiscalProfileField  field,
                                                                const char         *text);
gint64                        fiscal_profile_get_number        (FiscalProfile      *self,
                                                                FiscalProfileField  field);
void                          fiscal_profile_set_number        (FiscalProfile      *self,
                                                                FiscalProfileField  field,
                                                                gint64              value);
guint                         fiscal_profile_get_n_vehicles    (FiscalProfile      *self);
const FiscalVehicle          *fiscal_profile_get_vehicle       (FiscalProfile      *self,
                                                                guint               position);
void                          fiscal_profile_add_vehicle       (FiscalProfile      *self,
                                                                const char         *kind,
                                                                gint64              count,
                                                                gint64              value);
void                          fiscal_profile_clear_vehicles    (FiscalProfile      *self);
const FiscalVehicle          *fiscal_profile_find_vehicle      (FiscalProfile      *self,
                                                                const char         *kind);
void                          fiscal_profile_set_vehicle       (FiscalProfile      *self,
                                                                const char         *kind,
                                                                gint64              count,
                                                                gint64              value);
void                          fiscal_profile_remove_vehicle    (FiscalProfile      *self,
                                                                const char         *kind);
void                          fiscal_profile_copy_into         (FiscalProfile      *self,
                                                                FiscalProfile      *dest);

G_END_DECLS
