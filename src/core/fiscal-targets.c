/* fiscal-targets.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-targets"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fiscal-document.h"
#include "fiscal-indicator.h"
#include "fiscal-model-private.h"
#include "fiscal-targets.h"

struct _FiscalTargets
{
  GObject             parent_instance;
  FiscalDocument     *document;
  FiscalTargetsScope  scope;
  char               *goal;
  gint64              funds[FISCAL_N_FUNDS];
  GListStore         *indicators;
};

G_DEFINE_FINAL_TYPE (FiscalTargets, fiscal_targets, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SCOPE,
  PROP_GOAL,
  PROP_FUND0,
  N_PROPS = PROP_FUND0 + FISCAL_N_FUNDS
};

static GParamSpec *properties[N_PROPS];

static const char * const fund_keys[FISCAL_N_FUNDS] = {
  "local", "upper", "other", "total", "fiscal",
};

static const FiscalFund department_funds[] = { FISCAL_FUND_LOCAL, FISCAL_FUND_UPPER, FISCAL_FUND_OTHER, FISCAL_N_FUNDS };
static const FiscalFund project_funds[] = { FISCAL_FUND_TOTAL, FISCAL_FUND_FISCAL, FISCAL_FUND_OTHER, FISCAL_N_FUNDS };

static void
fiscal_targets_dispose (GObject *object)
{
  FiscalTargets *self = (FiscalTargets *)object;

  if (self->indicators != NULL)
    _fiscal_targets_set_document (self, NULL);
  g_clear_object (&self->indicators);

  G_OBJECT_CLASS (fiscal_targets_parent_class)->dispose (object);
}

static void
fiscal_targets_finalize (GObject *object)
{
  FiscalTargets *self = (FiscalTargets *)object;

  g_clear_pointer (&self->goal, g_free);

  G_OBJECT_CLASS (fiscal_targets_parent_class)->finalize (object);
}

static void
fiscal_targets_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FiscalTargets *self = FISCAL_TARGETS (object);

  if (prop_id == PROP_SCOPE)
    g_value_set_int (value, self->scope);
  else if (prop_id == PROP_GOAL)
    g_value_set_string (value, self->goal);
  else
    g_value_set_int64 (value, self->funds[prop_id - PROP_FUND0]);
}

static void
fiscal_targets_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  FiscalTargets *self = FISCAL_TARGETS (object);

  if (prop_id == PROP_SCOPE)
    self->scope = g_value_get_int (value);
  else if (prop_id == PROP_GOAL)
    fiscal_targets_set_goal (self, g_value_get_string (value));
  else
    fiscal_targets_set_fund (self, prop_id - PROP_FUND0, g_value_get_int64 (value));
}

static void
fiscal_targets_class_init (FiscalTargetsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fiscal_targets_dispose;
  object_class->finalize = fiscal_targets_finalize;
  object_class->get_property = fiscal_targets_get_property;
  object_class->set_property = fiscal_targets_set_property;

  properties[PROP_SCOPE] =
    g_param_spec_int ("scope", NULL, NULL,
                      FISCAL_TARGETS_DEPARTMENT, FISCAL_TARGETS_PROJECT, FISCAL_TARGETS_DEPARTMENT,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_GOAL] =
    g_param_spec_string ("goal", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  for (guint i = 0; i < FISCAL_N_FUNDS; i++)
    properties[PROP_FUND0 + i] =
      g_param_spec_int64 (fund_keys[i], NULL, NULL, G_MININT64, G_MAXINT64, 0,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fiscal_targets_init (FiscalTargets *self)
{
  self->indicators = g_list_store_new (FISCAL_TYPE_INDICATOR);
}

FiscalTargets *
fiscal_targets_new (FiscalTargetsScope scope)
{
  return g_object_new (FISCAL_TYPE_TARGETS, "scope", scope, NULL);
}

FiscalTargetsScope
fiscal_targets_get_scope (FiscalTargets *self)
{
  g_return_val_if_fail (FISCAL_IS_TARGETS (self), 0);
  return self->scope;
}

/**
 * fiscal_targets_scope_funds:
 *
 * Returns: the funds a table of @scope states, in published order,
 *   ending with %FISCAL_N_FUNDS
 */
const FiscalFund *
fiscal_targets_scope_funds (FiscalTargetsScope scope)
{
  return scope == FISCAL_TARGETS_PROJECT ? project_funds : department_funds;
}

const char *
fiscal_fund_key (FiscalFund fund)
{
  g_return_val_if_fail (fund < FISCAL_N_FUNDS, NULL);
  return fund_keys[fund];
}

const char *
fiscal_fund_label (FiscalFund fund)
{
  switch (fund)
    {
    case FISCAL_FUND_LOCAL:  return _("Local allocation");
    case FISCAL_FUND_UPPER:  return _("Upper-level allocation");
    case FISCAL_FUND_OTHER:  return _("Other funds");
    case FISCAL_FUND_TOTAL:  return _("Annual budget total");
    case FISCAL_FUND_FISCAL: return _("Fiscal appropriation");
    case FISCAL_N_FUNDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * fiscal_fund_published_label:
 *
 * Returns: the label the published tables give @fund (本级安排), whatever
 *   the user's language
 */
const char *
fiscal_fund_published_label (FiscalFund fund)
{
  static const char * const labels[FISCAL_N_FUNDS] = {
    "本级安排", "上级安排", "其他资金", "年度预算总额", "财政拨款",
  };

  g_return_val_if_fail (fund < FISCAL_N_FUNDS, NULL);
  return labels[fund];
}

const char *
fiscal_targets_get_goal (FiscalTargets *self)
{
  g_return_val_if_fail (FISCAL_IS_TARGETS (self), NULL);
  return self->goal;
}

void
fiscal_targets_set_goal (FiscalTargets *self,
                         const char    *goal)
{
  g_return_if_fail (FISCAL_IS_TARGETS (self));

  if (goal != NULL && *goal == 0)
    goal = NULL;
  if (g_strcmp0 (self->goal, goal) == 0)
    return;

  if (self->document != NULL)
    _fiscal_document_will_change (self->document, G_OBJECT (self), properties[PROP_GOAL]);

  _fiscal_set_string (&self->goal, goal);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GOAL]);
  if (self->document != NULL)
    _fiscal_document_object_changed (self->document, self);
}

/**
 * fiscal_targets_get_fund:
 *
 * Returns: the amount the table states for @fund, in fen
 */
gint64
fiscal_targets_get_fund (FiscalTargets *self,
                         FiscalFund     fund)
{
  g_return_val_if_fail (FISCAL_IS_TARGETS (self), 0);
  g_return_val_if_fail (fund < FISCAL_N_FUNDS, 0);
  return self->funds[fund];
}

void
fiscal_targets_set_fund (FiscalTargets *self,
                         FiscalFund     fund,
                         gint64         amount)
{
  g_return_if_fail (FISCAL_IS_TARGETS (self));
  g_return_if_fail (fund < FISCAL_N_FUNDS);

  if (self->funds[fund] == amount)
    return;

  if (self->document != NULL)
    _fiscal_document_will_change (self->document, G_OBJECT (self), properties[PROP_FUND0 + fund]);

  self->funds[fund] = amount;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FUND0 + fund]);
  if (self->document != NULL)
    _fiscal_document_object_changed (self->document, self);
}

/**
 * fiscal_targets_get_indicators:
 *
 * Returns: (transfer none): a list of #FiscalIndicator
 */
GListModel *
fiscal_targets_get_indicators (FiscalTargets *self)
{
  g_return_val_if_fail (FISCAL_IS_TARGETS (self), NULL);
  return G_LIST_MODEL (self->indicators);
}

void
fiscal_targets_add_indicator (FiscalTargets   *self,
                              FiscalIndicator *indicator)
{
  g_return_if_fail (FISCAL_IS_TARGETS (self));

  fiscal_targets_insert_indicator (self, g_list_model_get_n_items (G_LIST_MODEL (self->indicators)), indicator);
}

/**
 * fiscal_targets_insert_indicator:
 *
 * Inserts @indicator at @position; undoable when the table belongs to a
 * document.
 */
void
fiscal_targets_insert_indicator (FiscalTargets   *self,
                                 guint            position,
                                 FiscalIndicator *indicator)
{
  g_return_if_fail (FISCAL_IS_TARGETS (self));
  g_return_if_fail (FISCAL_IS_INDICATOR (indicator));
  g_return_if_fail (position <= g_list_model_get_n_items (G_LIST_MODEL (self->indicators)));

  if (self->document != NULL)
    _fiscal_document_will_change_indicators (self->document, self, TRUE, position, indicator);

  _fiscal_indicator_set_document (indicator, self->document);
  g_list_store_insert (self->indicators, position, indicator);

  if (self->document != NULL)
    _fiscal_document_object_changed (self->document, self);
}

void
fiscal_targets_remove_indicator (FiscalTargets *self,
                                 guint          position)
{
  g_autoptr(FiscalIndicator) indicator = NULL;

  g_return_if_fail (FISCAL_IS_TARGETS (self));
  g_return_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (self->indicators)));

  indicator = g_list_model_get_item (G_LIST_MODEL (self->indicators), position);

  if (self->document != NULL)
    _fiscal_document_will_change_indicators (self->document, self, FALSE, position, indicator);

  _fiscal_indicator_set_document (indicator, NULL);
  g_list_store_remove (self->indicators, position);

  if (self->document != NULL)
    _fiscal_document_object_changed (self->document, self);
}

/**
 * fiscal_targets_move_indicator:
 * @from: the indicator's position
 * @to: its new position
 *
 * Moves an indicator within the table, one step of undo.
 */
void
fiscal_targets_move_indicator (FiscalTargets *self,
                               guint          from,
                               guint          to)
{
  g_autoptr(FiscalIndicator) indicator = NULL;
  guint n;

  g_return_if_fail (FISCAL_IS_TARGETS (self));
  n = g_list_model_get_n_items (G_LIST_MODEL (self->indicators));
  g_return_if_fail (from < n && to < n);

  if (from == to)
    return;

  indicator = g_list_model_get_item (G_LIST_MODEL (self->indicators), from);
  if (self->document != NULL)
    fiscal_document_begin_action (self->document, _("Move Indicator"));
  fiscal_targets_remove_indicator (self, from);
  fiscal_targets_insert_indicator (self, to, indicator);
  if (self->document != NULL)
    fiscal_document_end_action (self->document);
}

/**
 * fiscal_targets_is_empty:
 *
 * Returns: whether the table has no goal, no funds and no indicators, so
 *   that the file leaves it out
 */
gboolean
fiscal_targets_is_empty (FiscalTargets *self)
{
  g_return_val_if_fail (FISCAL_IS_TARGETS (self), TRUE);

  if (self->goal != NULL || g_list_model_get_n_items (G_LIST_MODEL (self->indicators)) > 0)
    return FALSE;

  for (guint i = 0; i < FISCAL_N_FUNDS; i++)
    if (self->funds[i] != 0)
      return FALSE;

  return TRUE;
}

/**
 * fiscal_targets_copy_into:
 *
 * Gives @dest the goal, funds and copies of the indicators of @self.
 */
void
fiscal_targets_copy_into (FiscalTargets *self,
                          FiscalTargets *dest)
{
  guint n;

  g_return_if_fail (FISCAL_IS_TARGETS (self));
  g_return_if_fail (FISCAL_IS_TARGETS (dest));

  fiscal_targets_set_goal (dest, self->goal);
  for (guint i = 0; i < FISCAL_N_FUNDS; i++)
    fiscal_targets_set_fund (dest, i, self->funds[i]);

  while (g_list_model_get_n_items (G_LIST_MODEL (dest->indicators)) > 0)
    fiscal_targets_remove_indicator (dest, 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->indicators));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FiscalIndicator) indicator = g_list_model_get_item (G_LIST_MODEL (self->indicators), i);
      g_autoptr(FiscalIndicator) copy = fiscal_indicator_copy (indicator);

      fiscal_targets_add_indicator (dest, copy);
    }
}

void
_fiscal_targets_set_document (FiscalTargets  *self,
                              FiscalDocument *document)
{
  guint n;

  g_assert (FISCAL_IS_TARGETS (self));

  self->document = document;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->indicators));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FiscalIndicator) indicator = g_list_model_get_item (G_LIST_MODEL (self->indicators), i);
      _fiscal_indicator_set_document (indicator, document);
    }
}
