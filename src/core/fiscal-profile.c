/* fiscal-profile.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-profile"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fiscal-model-private.h"
#include "fiscal-profile.h"

struct _FiscalProfile
{
  GObject         parent_instance;
  FiscalDocument *document;
  guint64         set_mask;
  char           *text[FISCAL_N_PROFILE_FIELDS];
  gint64          number[FISCAL_N_PROFILE_FIELDS];
  GPtrArray      *vehicles;
};

G_STATIC_ASSERT (FISCAL_N_PROFILE_FIELDS <= 64);

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (FiscalProfile, fiscal_profile, G_TYPE_OBJECT)

static const FiscalProfileFieldInfo fields[FISCAL_N_PROFILE_FIELDS] = {
  { NULL,          "functions",              FISCAL_FIELD_TEXT,     N_("Main functions") },
  { NULL,          "institutions",           FISCAL_FIELD_TEXT,     N_("Institutions") },
  { "staffing",    "authorized",             FISCAL_FIELD_COUNT,    N_("Authorized staff") },
  { "staffing",    "actual",                 FISCAL_FIELD_COUNT,    N_("Actual staff") },
  { "staffing",    "active",                 FISCAL_FIELD_COUNT,    N_("In service") },
  { "staffing",    "active_change",          FISCAL_FIELD_CHANGE,   N_("Change in service") },
  { "staffing",    "retired",                FISCAL_FIELD_COUNT,    N_("Retired") },
  { "staffing",    "retired_change",         FISCAL_FIELD_CHANGE,   N_("Change retired") },
  { "staffing",    "honorary",               FISCAL_FIELD_COUNT,    N_("Honorary retired") },
  { "staffing",    "honorary_change",        FISCAL_FIELD_CHANGE,   N_("Change honorary retired") },
  { "assets",      "as_of",                  FISCAL_FIELD_DATE,     N_("Assets as of") },
  { "assets",      "building_area",          FISCAL_FIELD_AREA,     N_("Building area") },
  { "assets",      "building_value",         FISCAL_FIELD_MONEY,    N_("Building value") },
  { "assets",      "vehicles",               FISCAL_FIELD_VEHICLES, N_("Vehicles") },
  { "assets",      "furniture_value",        FISCAL_FIELD_MONEY,    N_("Office furniture value") },
  { "assets",      "other_value",            FISCAL_FIELD_MONEY,    N_("Other assets value") },
  { "assets",      "equipment_500k",         FISCAL_FIELD_COUNT,    N_("Equipment over 500,000 yuan") },
  { "assets",      "equipment_1m",           FISCAL_FIELD_COUNT,    N_("Equipment over 1,000,000 yuan") },
  { "assets",      "planned_vehicles",       FISCAL_FIELD_COUNT,    N_("Vehicles to buy this year") },
  { "assets",      "planned_equipment_500k", FISCAL_FIELD_COUNT,    N_("Equipment over 500,000 yuan to buy") },
  { "assets",      "planned_equipment_1m",   FISCAL_FIELD_COUNT,    N_("Equipment over 1,000,000 yuan to buy") },
  { "procurement", "goods",                  FISCAL_FIELD_MONEY,    N_("Procurement of goods") },
  { "procurement", "works",                  FISCAL_FIELD_MONEY,    N_("Procurement of works") },
  { "procurement", "services",               FISCAL_FIELD_MONEY,    N_("Procurement of services") },
  { "procurement", "reserved_sme",           FISCAL_FIELD_MONEY,    N_("Reserved for small and medium firms") },
  { "procurement", "reserved_small",         FISCAL_FIELD_MONEY,    N_("Reserved for small and micro firms") },
  { NULL,          "operating_expenses",     FISCAL_FIELD_MONEY,    N_("Operating expenses") },
  { "contact",     "name",                   FISCAL_FIELD_TEXT,     N_("Contact person") },
  { "contact",     "phone",                  FISCAL_FIELD_TEXT,     N_("Contact phone") },
  { "contact",     "date",                   FISCAL_FIELD_DATE,     N_("Date of publication") },
};

static void
vehicle_free (gpointer data)
{
  FiscalVehicle *vehicle = data;

  g_free (vehicle->kind);
  g_free (vehicle);
}

static void
emit_changed (FiscalProfile      *self,
              FiscalProfileField  field)
{
  g_signal_emit (self, signals[CHANGED], 0, (guint) field);
  if (self->document != NULL)
    _fiscal_document_object_changed (self->document, self);
}

static void
will_change (FiscalProfile      *self,
             FiscalProfileField  field)
{
  if (self->document != NULL)
    _fiscal_document_will_change_profile (self->document, self, field);
}

static void
fiscal_profile_finalize (GObject *object)
{
  FiscalProfile *self = (FiscalProfile *)object;

  for (guint i = 0; i < FISCAL_N_PROFILE_FIELDS; i++)
    g_clear_pointer (&self->text[i], g_free);
  g_clear_pointer (&self->vehicles, g_ptr_array_unref);

  G_OBJECT_CLASS (fiscal_profile_parent_class)->finalize (object);
}

static void
fiscal_profile_class_init (FiscalProfileClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fiscal_profile_finalize;

  /**
   * FiscalProfile::changed:
   * @field: the #FiscalProfileField that changed
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
fiscal_profile_init (FiscalProfile *self)
{
  self->vehicles = g_ptr_array_new_with_free_func (vehicle_free);
}

FiscalProfile *
fiscal_profile_new (void)
{
  return g_object_new (FISCAL_TYPE_PROFILE, NULL);
}

const FiscalProfileFieldInfo *
fiscal_profile_field_info (FiscalProfileField field)
{
  g_return_val_if_fail (field < FISCAL_N_PROFILE_FIELDS, NULL);
  return &fields[field];
}

const char *
fiscal_profile_field_label (FiscalProfileField field)
{
  g_return_val_if_fail (field < FISCAL_N_PROFILE_FIELDS, NULL);
  return _(fields[field].label);
}

gboolean
fiscal_profile_is_set (FiscalProfile      *self,
                       FiscalProfileField  field)
{
  g_return_val_if_fail (FISCAL_IS_PROFILE (self), FALSE);
  g_return_val_if_fail (field < FISCAL_N_PROFILE_FIELDS, FALSE);

  if (fields[field].type == FISCAL_FIELD_VEHICLES)
    return self->vehicles->len > 0;

  return (self->set_mask & (G_GUINT64_CONSTANT (1) << field)) != 0;
}

void
fiscal_profile_unset (FiscalProfile      *self,
                      FiscalProfileField  field)
{
  g_return_if_fail (FISCAL_IS_PROFILE (self));
  g_return_if_fail (field < FISCAL_N_PROFILE_FIELDS);

  if (fields[field].type == FISCAL_FIELD_VEHICLES)
    {
      fiscal_profile_clear_vehicles (self);
      return;
    }

  if (!fiscal_profile_is_set (self, field))
    return;

  will_change (self, field);
  self->set_mask &= ~(G_GUINT64_CONSTANT (1) << field);
  g_clear_pointer (&self->text[field], g_free);
  self->number[field] = 0;
  emit_changed (self, field);
}

/**
 * fiscal_profile_get_text:
 *
 * Returns: (nullable): the text of a text or date field
 */
const char *
fiscal_profile_get_text (FiscalProfile      *self,
                         FiscalProfileField  field)
{
  g_return_val_if_fail (FISCAL_IS_PROFILE (self), NULL);
  g_return_val_if_fail (field < FISCAL_N_PROFILE_FIELDS, NULL);
  g_return_val_if_fail (fields[field].type == FISCAL_FIELD_TEXT ||
                        fields[field].type == FISCAL_FIELD_DATE, NULL);

  return self->text[field];
}

void
fiscal_profile_set_text (FiscalProfile      *self,
                         FiscalProfileField  field,
                         const char         *text)
{
  g_return_if_fail (FISCAL_IS_PROFILE (self));
  g_return_if_fail (field < FISCAL_N_PROFILE_FIELDS);
  g_return_if_fail (fields[field].type == FISCAL_FIELD_TEXT ||
                    fields[field].type == FISCAL_FIELD_DATE);

  if (text == NULL || *text == 0)
    {
      fiscal_profile_unset (self, field);
      return;
    }

  if (g_strcmp0 (self->text[field], text) != 0 || !fiscal_profile_is_set (self, field))
    {
      will_change (self, field);
      _fiscal_set_string (&self->text[field], text);
      self->set_mask |= G_GUINT64_CONSTANT (1) << field;
      emit_changed (self, field);
    }
}

/**
 * fiscal_profile_get_number:
 *
 * Returns: the value of a count, change, money (fen) or area (0.01 m²)
 *   field; 0 when it is not set
 */
gint64
fiscal_profile_get_number (FiscalProfile      *self,
                           FiscalProfileField  field)
{
  g_return_val_if_fail (FISCAL_IS_PROFILE (self), 0);
  g_return_val_if_fail (field < FISCAL_N_PROFILE_FIELDS, 0);

  return self->number[field];
}

void
fiscal_profile_set_number (FiscalProfile      *self,
                           FiscalProfileField  field,
                           gint64              value)
{
  g_return_if_fail (FISCAL_IS_PROFILE (self));
  g_return_if_fail (field < FISCAL_N_PROFILE_FIELDS);
  g_return_if_fail (fields[field].type != FISCAL_FIELD_TEXT &&
                    fields[field].type != FISCAL_FIELD_DATE &&
                    fields[field].type != FISCAL_FIELD_VEHICLES);

  if (self->number[field] != value || !fiscal_profile_is_set (self, field))
    {
      will_change (self, field);
      self->number[field] = value;
      self->set_mask |= G_GUINT64_CONSTANT (1) << field;
      emit_changed (self, field);
    }
}

guint
fiscal_profile_get_n_vehicles (FiscalProfile *self)
{
  g_return_val_if_fail (FISCAL_IS_PROFILE (self), 0);
  return self->vehicles->len;
}

const FiscalVehicle *
fiscal_profile_get_vehicle (FiscalProfile *self,
                            guint          position)
{
  g_return_val_if_fail (FISCAL_IS_PROFILE (self), NULL);
  g_return_val_if_fail (position < self->vehicles->len, NULL);

  return g_ptr_array_index (self->vehicles, position);
}

void
fiscal_profile_add_vehicle (FiscalProfile *self,
                            const char    *kind,
                            gint64         count,
                            gint64         value)
{
  FiscalVehicle *vehicle;

  g_return_if_fail (FISCAL_IS_PROFILE (self));
  g_return_if_fail (kind != NULL);

  will_change (self, FISCAL_PROFILE_ASSETS_VEHICLES);
  vehicle = g_new0 (FiscalVehicle, 1);
  vehicle->kind = g_strdup (kind);
  vehicle->count = count;
  vehicle->value = value;
  g_ptr_array_add (self->vehicles, vehicle);

  emit_changed (self, FISCAL_PROFILE_ASSETS_VEHICLES);
}

void
fiscal_profile_clear_vehicles (FiscalProfile *self)
{
  g_return_if_fail (FISCAL_IS_PROFILE (self));

  if (self->vehicles->len == 0)
    return;

  will_change (self, FISCAL_PROFILE_ASSETS_VEHICLES);
  g_ptr_array_set_size (self->vehicles, 0);
  emit_changed (self, FISCAL_PROFILE_ASSETS_VEHICLES);
}

static gint
vehicle_position (FiscalProfile *self,
                  const char    *kind)
{
  for (guint i = 0; i < self->vehicles->len; i++)
    if (g_strcmp0 (((FiscalVehicle *) g_ptr_array_index (self->vehicles, i))->kind, kind) == 0)
      return i;
  return -1;
}

/**
 * fiscal_profile_find_vehicle:
 *
 * Returns: (nullable): the vehicles of @kind
 */
const FiscalVehicle *
fiscal_profile_find_vehicle (FiscalProfile *self,
                             const char    *kind)
{
  gint position;

  g_return_val_if_fail (FISCAL_IS_PROFILE (self), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  position = vehicle_position (self, kind);
  return position < 0 ? NULL : g_ptr_array_index (self->vehicles, position);
}

/**
 * fiscal_profile_set_vehicle:
 *
 * Sets the count and value (fen) of the vehicles of @kind, adding @kind at
 * the end when it is not in the list; the other kinds keep their places.
 */
void
fiscal_profile_set_vehicle (FiscalProfile *self,
                            const char    *kind,
                            gint64         count,
                            gint64         value)
{
  FiscalVehicle *vehicle;
  gint position;

  g_return_if_fail (FISCAL_IS_PROFILE (self));
  g_return_if_fail (kind != NULL);

  position = vehicle_position (self, kind);
  if (position < 0)
    {
      fiscal_profile_add_vehicle (self, kind, count, value);
      return;
    }

  vehicle = g_ptr_array_index (self->vehicles, position);
  if (vehicle->count == count && vehicle->value == value)
    return;

  will_change (self, FISCAL_PROFILE_ASSETS_VEHICLES);
  vehicle->count = count;
  vehicle->value = value;
  emit_changed (self, FISCAL_PROFILE_ASSETS_VEHICLES);
}

/**
 * fiscal_profile_remove_vehicle:
 *
 * Takes the vehicles of @kind out of the list, if they are in it.
 */
void
fiscal_profile_remove_vehicle (FiscalProfile *self,
                               const char    *kind)
{
  gint position;

  g_return_if_fail (FISCAL_IS_PROFILE (self));
  g_return_if_fail (kind != NULL);

  if ((position = vehicle_position (self, kind)) < 0)
    return;

  will_change (self, FISCAL_PROFILE_ASSETS_VEHICLES);
  g_ptr_array_remove_index (self->vehicles, position);
  emit_changed (self, FISCAL_PROFILE_ASSETS_VEHICLES);
}

/**
 * fiscal_profile_copy_into:
 *
 * Makes @dest hold the same fields as @self.
 */
void
fiscal_profile_copy_into (FiscalProfile *self,
                          FiscalProfile *dest)
{
  g_return_if_fail (FISCAL_IS_PROFILE (self));
  g_return_if_fail (FISCAL_IS_PROFILE (dest));

  for (guint i = 0; i < FISCAL_N_PROFILE_FIELDS; i++)
    {
      if (fields[i].type == FISCAL_FIELD_VEHICLES)
        continue;
      if (!fiscal_profile_is_set (self, i))
        fiscal_profile_unset (dest, i);
      else if (fields[i].type == FISCAL_FIELD_TEXT || fields[i].type == FISCAL_FIELD_DATE)
        fiscal_profile_set_text (dest, i, self->text[i]);
      else
        fiscal_profile_set_number (dest, i, self->number[i]);
    }

  fiscal_profile_clear_vehicles (dest);
  for (guint i = 0; i < self->vehicles->len; i++)
    {
      const FiscalVehicle *v = g_ptr_array_index (self->vehicles, i);
      fiscal_profile_add_vehicle (dest, v->kind, v->count, v->value);
    }
}

void
_fiscal_profile_set_document (FiscalProfile  *self,
                              FiscalDocument *document)
{
  g_assert (FISCAL_IS_PROFILE (self));
  self->document = document;
}
