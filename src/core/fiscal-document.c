/* fiscal-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fiscal-document-private.h"
#include "fiscal-line.h"
#include "fiscal-money.h"
#include "fiscal-model-private.h"
#include "fiscal-profile.h"
#include "fiscal-project.h"
#include "fiscal-targets.h"
#include "fiscal-undo.h"
#include "fiscal-unit.h"

struct _FiscalDocument
{
  GObject        parent_instance;

  GFile         *file;
  int            year;
  char          *department_name;
  char          *department_code;
  char          *prior_path;
  char          *format_id;     /* the disclosure format, or NULL for the default */
  FiscalProfile *profile;
  GListStore    *units;
  GListStore    *projects;
  FiscalTargets *targets;
  GListStore    *lines;
  GHashTable    *explanations;

  FiscalUndo    *undo;
  FiscalCube    *cube;          /* the lines folded for the tables, kept current */
  FiscalLine    *cube_pending;  /* a line taken out of the cube while it changes */
  guint64        saved_state;
  gboolean       can_undo;
  gboolean       can_redo;
  gboolean       modified;

  guint64        serial;
  guint64        next_line_id;
  guint64        next_project_id;
  guint          freeze_count;
  guint          changed_while_frozen : 1;
};

enum {
  PROP_0,
  PROP_FILE,
  PROP_YEAR,
  PROP_DEPARTMENT_NAME,
  PROP_DEPARTMENT_CODE,
  PROP_PRIOR_PATH,
  PROP_FORMAT_ID,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (FiscalDocument, fiscal_document, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

gboolean
_fiscal_set_string (char       **slot,
                    const char  *value)
{
  if (value != NULL && *value == 0)
    value = NULL;

  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;

  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

static void
update_history_state (FiscalDocument *self)
{
  gboolean can_undo = _fiscal_undo_can_undo (self->undo);
  gboolean can_redo = _fiscal_undo_can_redo (self->undo);
  gboolean modified = _fiscal_undo_get_state (self->undo) != self->saved_state;

  if (can_undo != self->can_undo)
    {
      self->can_undo = can_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }
  if (can_redo != self->can_redo)
    {
      self->can_redo = can_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
    }
  if (modified != self->modified)
    {
      self->modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
}

static void
emit_changed (FiscalDocument *self)
{
  self->serial++;
  update_history_state (self);

  if (self->freeze_count > 0)
    {
      self->changed_while_frozen = TRUE;
      return;
    }

  g_signal_emit (self, signals[CHANGED], 0);
}

void
_fiscal_document_will_change (FiscalDocument *self,
                              GObject        *object,
                              GParamSpec     *pspec)
{
  g_assert (FISCAL_IS_DOCUMENT (self));
  _fiscal_undo_record_property (self->undo, object, pspec);

  /* A line's dimensions or amount: out of the cube now, back in once
   * changed (in _fiscal_document_object_changed). */
  if (self->cube != NULL && FISCAL_IS_LINE (object) &&
      !g_str_equal (g_param_spec_get_name (pspec), "note"))
    {
      g_assert (self->cube_pending == NULL);
      _fiscal_cube_add_line (self->cube, FISCAL_LINE (object), -1);
      self->cube_pending = FISCAL_LINE (object);
    }
}

/**
 * _fiscal_document_get_cube:
 *
 * Returns: (transfer none): the document's cube, made on first use
 */
FiscalCube *
_fiscal_document_get_cube (FiscalDocument *self)
{
  g_assert (FISCAL_IS_DOCUMENT (self));

  if (self->cube == NULL)
    self->cube = _fiscal_cube_new (self);

  return self->cube;
}

void
_fiscal_document_will_change_profile (FiscalDocument *self,
                                      FiscalProfile  *profile,
                                      guint           field)
{
  g_assert (FISCAL_IS_DOCUMENT (self));
  _fiscal_undo_record_profile (self->undo, profile, field);
}

void
_fiscal_document_will_change_indicators (FiscalDocument  *self,
                                         FiscalTargets   *targets,
                                         gboolean         inserted,
                                         guint            position,
                                         FiscalIndicator *indicator)
{
  g_assert (FISCAL_IS_DOCUMENT (self));
  _fiscal_undo_record_indicators (self->undo, targets, inserted, position, indicator);
}

/**
 * fiscal_document_get_targets:
 *
 * Returns: (transfer none): the department's performance targets
 *   (部门整体绩效目标)
 */
FiscalTargets *
fiscal_document_get_targets (FiscalDocument *self)
{
  g_return_val_if_fail (FISCAL_IS_DOCUMENT (self), NULL);
  return self->targets;
}

void
_fiscal_document_object_changed (FiscalDocument *self,
                                 gpointer        object)
{
  g_assert (FISCAL_IS_DOCUMENT (self));

  if (self->cube_pending != NULL && self->cube_pending == object)
    {
      _fiscal_cube_add_line (self->cube, self->cube_pending, 1);
      self->cube_pending = NULL;
    }

  emit_changed (self);
}

static void
detach_all (GListStore *store,
            void      (*detach) (gpointer, FiscalDocument *))
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i);
      detach (item, NULL);
    }
}

static void
fiscal_document_dispose (GObject *object)
{
  FiscalDocument *self = (FiscalDocument *)object;

  g_clear_pointer (&self->undo, _fiscal_undo_free);
  g_clear_pointer (&self->cube, _fiscal_cube_free);

  if (self->lines != NULL)
    {
      detach_all (self->lines, (gpointer) _fiscal_line_set_document);
      detach_all (self->projects, (gpointer) _fiscal_project_set_document);
      detach_all (self->units, (gpointer) _fiscal_unit_set_document);
      _fiscal_profile_set_document (self->profile, NULL);
      _fiscal_targets_set_document (self->targets, NULL);
    }

  g_clear_object (&self->lines);
  g_clear_object (&self->projects);
  g_clear_object (&self->units);
  g_clear_object (&self->profile);
  g_clear_object (&self->targets);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (fiscal_document_parent_class)->dispose (object);
}

static void
fiscal_document_finalize (GObject *object)
{
  FiscalDocument *self = (FiscalDocument *)object;

  g_clear_pointer (&self->department_name, g_free);
  g_clear_pointer (&self->department_code, g_free);
  g_clear_pointer (&self->prior_path, g_free);
  g_clear_pointer (&self->format_id, g_free);
  g_clear_pointer (&self->explanations, g_hash_table_unref);

  G_OBJECT_CLASS (fiscal_document_parent_class)->finalize (object);
}

static void
fiscal_document_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  FiscalDocument *self = FISCAL_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_FILE:            g_value_set_object (value, self->file); break;
    case PROP_YEAR:            g_value_set_int (value, self->year); break;
    case PROP_DEPARTMENT_NAME: g_value_set_string (value, self->department_name); break;
    case PROP_DEPARTMENT_CODE: g_value_set_string (value, self->department_code); break;
    case PROP_PRIOR_PATH:      g_value_set_string (value, self->prior_path); break;
    case PROP_FORMAT_ID:       g_value_set_string (value, fiscal_document_get_format_id (self)); break;
    case PROP_CAN_UNDO:        g_value_set_boolean (value, self->can_undo); break;
    case PROP_CAN_REDO:        g_value_set_boolean (value, self->can_redo); break;
    case PROP_MODIFIED:        g_value_set_boolean (value, self->modified); break;
    default:                   G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fiscal_document_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  FiscalDocument *self = FISCAL_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_FILE:            fiscal_document_set_file (self, g_value_get_object (value)); break;
    case PROP_YEAR:            fiscal_document_set_year (self, g_value_get_int (value)); break;
    case PROP_DEPARTMENT_NAME: fiscal_document_set_department_name (self, g_value_get_string (value)); break;
    case PROP_DEPARTMENT_CODE: fiscal_document_set_department_code (self, g_value_get_string (value)); break;
    case PROP_PRIOR_PATH:      fiscal_document_set_prior_path (self, g_value_get_string (value)); break;
    case PROP_FORMAT_ID:       fiscal_document_set_format_id (self, g_value_get_string (value)); break;
    default:                   G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fiscal_document_class_init (FiscalDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = fiscal_document_dispose;
  object_class->finalize = fiscal_document_finalize;
  object_class->get_property = fiscal_document_get_property;
  object_class->set_property = fiscal_document_set_property;

  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, flags);
  properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL,
                                            FISCAL_YEAR_MIN, FISCAL_YEAR_MAX, 2025, flags);
  properties[PROP_DEPARTMENT_NAME] = g_param_spec_string ("department-name", NULL, NULL, NULL, flags);
  properties[PROP_DEPARTMENT_CODE] = g_param_spec_string ("department-code", NULL, NULL, NULL, flags);
  properties[PROP_PRIOR_PATH] = g_param_spec_string ("prior-path", NULL, NULL, NULL, flags);
  properties[PROP_FORMAT_ID] = g_param_spec_string ("format-id", NULL, NULL, FISCAL_FORMAT_DEFAULT, flags);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FiscalDocument::changed:
   *
   * Emitted once for each edit of the document's content (not for a new
   * file location), or once on thaw for all the edits made while frozen.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
fiscal_document_init (FiscalDocument *self)
{
  self->year = 2025;
  self->undo = _fiscal_undo_new (self);
  self->profile = fiscal_profile_new ();
  _fiscal_profile_set_document (self->profile, self);
  self->targets = fiscal_targets_new (FISCAL_TARGETS_DEPARTMENT);
  _fiscal_targets_set_document (self->targets, self);
  self->units = g_list_store_new (FISCAL_TYPE_UNIT);
  self->projects = g_list_store_new (FISCAL_TYPE_PROJECT);
  self->lines = g_list_store_new (FISCAL_TYPE_LINE);
  self->explanations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * fiscal_document_new:
 * @department: (nullable): the department's name
 *
 * Returns: (transfer full): an empty budget with one unit, the department
 *   itself
 */
FiscalDocument *
fiscal_document_new (int         year,
                     const char *department)
{
  FiscalDocument *self;
  g_autoptr(FiscalUnit) unit = NULL;

  self = g_object_new (FISCAL_TYPE_DOCUMENT,
                       "year", year,
                       "department-name", department,
                       NULL);
  unit = fiscal_unit_new ("main", department);
  fiscal_document_add_unit (self, unit);
  fiscal_document_clear_history (self);

  return self;
}

/**
 * fiscal_document_get_file:
 *
 * Returns: (transfer none) (nullable): where the document was loaded from
 *   or last saved
 */
GFile *
fiscal_document_get_file (FiscalDocument *self)
{
  g_return_val_if_fail (FISCAL_IS_DOCUMENT (self), NULL);
  return self->file;
}

void
fiscal_document_set_file (FiscalDocument *self,
                          GFile          *file)
{
  g_return_if_fail (FISCAL_IS_DOCUMENT (self));
  g_return_if_fail (!file || G_IS_FILE (file));

  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

int
fiscal_document_get_year (FiscalDocument *self)
{
  g_return_val_if_fail (FISCAL_IS_DOCUMENT (self), 0);
  return self->year;
}

void
fiscal_document_set_year (FiscalDocument *self,
                          int             year)
{
  g_return_if_fail (FISCAL_IS_DOCUMENT (self));
  g_return_if_fail (year >= FISCAL_YEAR_MIN && year <= FISCAL_YEAR_MAX);

  if (self->year != year)
    {
      _fiscal_undo_record_property (self->undo, G_OBJECT (self), properties[PROP_YEAR]);
      self->year = year;
      g_clear_pointer (&self->cube, _fiscal_cube_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
      emit_changed (self);
    }
}

const char *
fiscal_document_get_department_name (FiscalDocument *self)
{
  g_return_val_if_fail (FISCAL_IS_DOCUMENT (self), NULL);
  return self->department_name;
}

void
fiscal_document_set_department_name (FiscalDocument *self,
                                     const char     *name)
{
  g_return_if_fail (FISCAL_IS_DOCUMENT (self));

  if (name != NULL && *name == 0)
    name = NULL;
  if (g_strcmp0 (self->department_name, name) != 0)
    _fiscal_undo_record_property (self->undo, G_OBJECT (self), properties[PROP_DEPARTMENT_NAME]);

  if (_fiscal_set_string (&self->department_name, name))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEPARTMENT_NAME]);
      emit_changed (self);
    }
}

const char *
fiscal_document_get_department_code (FiscalDocument *self)
{
  g_return_val_if_fail (FISCAL_IS_DOCUMENT (self), NULL);
  return self->department_code;
}

void
fiscal_document_set_department_code (FiscalDocument *self,
                                     const char     *code)
{
  g_return_if_fail (FISCAL_IS_DOCUMENT (self));

  if (code != NULL && *code == 0)
    code = NULL;
  if (g_strcmp0 (self->department_code, code) != 0)
    _fiscal_undo_record_property (self->undo, G_OBJECT (self), properties[PROP_DEPARTMENT_CODE]);

  if (_fiscal_set_string (&self->department_code, code))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEPARTMENT_CODE]);
      emit_changed (self);
    }
}

/**
 * fiscal_document_get_prior_path:
 *
 * Returns: (nullable): the prior year's document, relative to this one's
 *   folder, as the file stores it
 */
const char *
fiscal_document_get_prior_path (FiscalDocument *self)
{
  g_return_val_if_fail (FISCAL_IS_DOCUMENT (self), NULL);
  return self->prior_path;
}

void
fiscal_document_set_prior_path (FiscalDocument *self,
                                const char     *path)
{
  g_return_if_fail (FISCAL_IS_DOCUMENT (self));

  if (path != NULL && *path == 0)
    path = NULL;
  if (g_strcmp0 (self->prior_path, path) != 0)
    _fiscal_undo_record_property (self->undo, G_OBJECT (self), properties[PROP_PRIOR_PATH]);

  if (_fiscal_set_string (&self->prior_path, path))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRIOR_PATH]);
      emit_changed (self);
    }
}

/**
 * fiscal_document_get_format_id:
 *
 * Returns: the id of the disclosure format the budget is published in
 *   (fiscal-format.h); %FISCAL_FORMAT_DEFAULT unless it names another
 */
const char *
fiscal_document_get_format_id (FiscalDocument *self)
{
  g_return_val_if_fail (FISCAL_IS_DOCUMENT (self), NULL);
  return self->format_id ? self->format_id : FISCAL_FORMAT_DEFAULT;
}

/**
 * fiscal_document_set_format_id:
 * @id: (nullable): a format's id; %NULL for the default
 *
 * Publishes the budget in another format: its tables, and all that is
 * made from them, follow. A step that can be undone. An id that names no
 * format Fiscal has makes the budget not valid (fiscal-document-valid.h).
 */
void
fiscal_document_set_format_id (FiscalDocument *self,
                               const char     *id)
{
  g_return_if_fail (FISCAL_IS_DOCUMENT (self));

  if (id != NULL && (*id == 0 || g_str_equal (id, FISCAL_FORMAT_DEFAULT)))
    id = NULL;
  if (g_strcmp0 (self->format_id, id) != 0)
    _fiscal_undo_record_property (self->undo, G_OBJECT (self), properties[PROP_FORMAT_ID]);

  if (_fiscal_set_string (&self->format_id, id))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORMAT_ID]);
      emit_changed (self);
    }
}

/**
 * fiscal_document_get_format:
 *
 * Returns: (transfer none): the budget's disclosure format; the default
 *   one when it names a format Fiscal does not have
 */
FiscalFormat *
fiscal_document_get_format (FiscalDocument *self)
{
  FiscalFormat *format;

  g_return_val_if_fail (FISCAL_IS_DOCUMENT (self), NULL);

  format = fiscal_format_get (fiscal_document_get_format_id (self));
  return format ? format : fiscal_format_get (FISCAL_FORMAT_DEFAULT);
}

/* Names the same prior year by another path, as a save to another folder
 * needs: not an edit, so no step to undo. */
void
_fiscal_document_relink_prior (FiscalDocument *self,
                               const char     *path)
{
  if (_fiscal_set_string (&self->prior_path, path))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRIOR_PATH]);
}

/**
 * fiscal_document_load_prior:
 *
 * Loads the prior-year document the link names, resolved against this
 * document's folder.
 *
 * Returns: (transfer full) (nullable): the prior year, or %NULL when there
 *   is no link (without error) or it cannot be loaded (with @error set)
 */
FiscalDocument *
fiscal_document_load_prior (FiscalDocument  *self,
                            GError         **error)
{
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GFile) prior = NULL;

  g_return_val_if_fail (FISCAL_IS_DOCUMENT (self), NULL);

  if (self->prior_path == NULL)
    return NULL;

  if (self->file != NULL)
    dir = g_file_get_parent (self->file);
  else
    dir = g_file_new_for_path (".");

  prior = g_file_resolve_relative_path (dir, self->prior_path);

  return fiscal_document_load (prior, NULL, error);
}

/**
 * fiscal_document_get_profile:
 *
 * Returns: (transfer none): the department profile
 */
FiscalProfile *
fiscal_document_get_profile (FiscalDocument *self)
{
  g_return_val_if_fail (FISCAL_IS_DOCUMENT (self), NULL);
  return self->profile;
}

/**
 * fiscal_document_get_units:
 *
 * Returns: (transfer none): a #GListModel of #FiscalUnit
 */
GListModel *
fiscal_document_get_units (FiscalDocument *self)
{
  g_return_val_if_fail (FISCAL_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->units);
}

/**
 * fiscal_document_get_projects:
 *
 * Returns: (transfer none): a #GListModel of #FiscalProject
 */
GListModel *
fiscal_document_get_projects (FiscalDocument *self)
{
  g_return_val_if_fail (FISCAL_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->projects);
}

/**
 * fiscal_document_get_lines:
 *
 * Returns: (transfer none): a #GListModel of #FiscalLine
 */
GListModel *
fiscal_document_get_lines (FiscalDocument *self)
{
  g_return_val_if_fail (FISCAL_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->lines);
}

void
fiscal_document_add_unit (FiscalDocument *self,
                          FiscalUnit     *unit)
{
  g_return_if_fail (FISCAL_IS_DOCUMENT (self));
  g_return_if_fail (FISCAL_IS_UNIT (unit));

  _fiscal_unit_set_document (unit, self);
  g_list_store_append (self->units, unit);
  emit_changed (self);
}

/* Whether the line at @position belongs to the project @id. */
static gboolean
line_in_project (GListModel *lines,
                 guint       position,
                 const char *id)
{
  g_autoptr(FiscalLine) line = g_list_model_get_item (lines, position);

  return g_strcmp0 (fiscal_line_get_project (line), id) == 0;
}

static gpointer
find_by_id (GListStore  *store,
            const char  *id,
            const char *(*get_id) (gpointer))
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  if (id == NULL)
    return NULL;

  for (guint i = 0; i < n; i++)
    {
      gpointer item = g_list_model_get_item (G_LIST_MODEL (store), i);

      g_object_unref (item);
      if (g_strcmp0 (get_id (item), id) == 0)
        return item;
    }

  return NULL;
}

/**
 * fiscal_document_find_unit:
 *
 * Returns: (transfer none) (nullable): the unit with @id
 */
FiscalUnit *
fiscal_document_find_unit (FiscalDocument *self,
                           const char     *id)
{
  g_return_val_if_fail (FISCAL_IS_DOCUMENT (self), NULL);
  return find_by_id (self->units, id, (gpointer) fiscal_unit_get_id);
}

void
fiscal_document_add_project (FiscalDocument *self,
                             FiscalProject  *project)
{
  g_return_if_fail (FISCAL_IS_DOCUMENT (self));
  g_return_if_fail (FISCAL_IS_PROJECT (project));

  _fiscal_document_insert_project (self, g_list_model_get_n_items (G_LIST_MODEL (self->projects)), project);
}

/* Keeps new project ids clear of @id when it is of the form p<number>. */
static void
note_project_id (FiscalDocument *self,
                 const char     *id)
{
  guint64 n;

  if (id != NULL && id[0] == 'p' && g_ascii_string_to_unsigned (id + 1, 10, 0, G_MAXUINT64, &n, NULL))
    self->next_project_id = MAX (self->next_project_id, n);
}

void
_fiscal_document_insert_project (FiscalDocument *self,
                                 guint           position,
                                 FiscalProject  *project)
{
  _fiscal_undo_record_project (self->undo, TRUE, position, project);
  _fiscal_project_set_document (project, self);
  note_project_id (self, fiscal_project_get_id (project));
  g_list_store_insert (self->projects, position, project);
  emit_changed (self);
}

/* The project at @position out of the list, and nothing else: what undo
 * and redo replay, the lines having their own steps. */
void
_fiscal_document_remove_project (FiscalDocument *self,
                                 guint           position)
{
  g_autoptr(FiscalProject) project = NULL;

  project = g_list_model_get_item (G_LIST_MODEL (self->projects), position);
  _fiscal_undo_record_project (self->undo, FALSE, position, project);
  _fiscal_project_set_document (project, NULL);
  g_list_store_remove (self->projects, position);
  emit_changed (self);
}

/**
 * fiscal_document_remove_project:
 *
 * Removes the project at @position together with its lines, as one step of
 * the history (“Delete Project”), so that no line is left behind naming a
 * project the budget no longer has; undo brings the project and its lines
 * back as they were, in their places.
 */
void
fiscal_document_remove_project (FiscalDocument *self,
                                guint           position)
{
  g_autoptr(FiscalProject) project = NULL;
  GListModel *lines;
  const char *id;
  guint end;

  g_return_if_fail (FISCAL_IS_DOCUMENT (self));
  g_return_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (self->projects)));

  project = g_list_model_get_item (G_LIST_MODEL (self->projects), position);
  id = fiscal_project_get_id (project);
  lines = G_LIST_MODEL (self->lines);

  fiscal_document_begin_action (self, _("Delete Project"));

  /* The project's lines, a run of neighbours at a time and from the end,
   * so that the positions still to come stay where they were. */
  end = g_list_model_get_n_items (lines);
  while (end > 0)
    {
      guint start;

      while (end > 0 && !line_in_project (lines, end - 1, id))
        end--;
      for (start = end; start > 0 && line_in_project (lines, start - 1, id); start--)
        ;
      if (start < end)
        fiscal_document_remove_lines (self, start, end - start);
      end = start;
    }

  _fiscal_document_remove_project (self, position);
  fiscal_document_end_action (self);
}

/**
 * fiscal_document_new_project_id:
 *
 * An id for a new project: one no project of the document has or had
 * since it was loaded, and no line names, so that a new project never
 * takes over lines, and a deleted one brought back by undo keeps its own.
 *
 * Returns: (transfer full): the id, as “p12”
 */
char *
fiscal_document_new_project_id (FiscalDocument *self)
{
  GListModel *lines;
  guint n;

  g_return_val_if_fail (FISCAL_IS_DOCUMENT (self), NULL);

  lines = G_LIST_MODEL (self->lines);
  n = g_list_model_get_n_items (lines);

  for (;;)
    {
      g_autofree char *id = g_strdup_printf ("p%" G_GUINT64_FORMAT, ++self->next_project_id);
      gboolean used = fiscal_document_find_project (self, id) != NULL;

      for (guint i = 0; i < n && !used; i++)
        used = line_in_project (lines, i, id);

      if (!used)
        return g_steal_pointer (&id);
    }
}

/**
 * fiscal_document_find_project:
 *
 * Returns: (transfer none) (nullable): the project with @id
 */
FiscalProject *
fiscal_document_find_project (FiscalDocument *self,
                              const char     *id)
{
  g_return_val_if_fail (FISCAL_IS_DOCUMENT (self), NULL);
  return find_by_id (self->projects, id, (gpointer) fiscal_project_get_id);
}

void
fiscal_document_add_line (FiscalDocument *self,
                          FiscalLine     *line)
{
  g_return_if_fail (FISCAL_IS_DOCUMENT (self));
  g_return_if_fail (FISCAL_IS_LINE (line));

  fiscal_document_insert_lines (self,
                                g_list_model_get_n_items (G_LIST_MODEL (self->lines)),
                                &line, 1);
}

/**
 * fiscal_document_insert_lines:
 * @lines: (array length=n_lines): lines that belong to no document yet
 *
 * Inserts @lines at @position with one items-changed and one "changed".
 */
void
fiscal_document_insert_lines (FiscalDocument  *self,
                              guint            position,
                              FiscalLine     **lines,
                              guint            n_lines)
{
  g_return_if_fail (FISCAL_IS_DOCUMENT (self));
  g_return_if_fail (position <= g_list_model_get_n_items (G_LIST_MODEL (self->lines)));

  if (n_lines == 0)
    return;

  _fiscal_undo_record_lines (self->undo, TRUE, position, lines, n_lines);

  for (guint i = 0; i < n_lines; i++)
    {
      _fiscal_line_set_document (lines[i], self);
      note_project_id (self, fiscal_line_get_project (lines[i]));
      if (self->cube != NULL)
        _fiscal_cube_add_line (self->cube, lines[i], 1);
    }

  g_list_store_splice (self->lines, position, 0, (gpointer *) lines, n_lines);
  emit_changed (self);
}

void
fiscal_document_remove_lines (FiscalDocument *self,
                              guint           position,
                              guint           n_lines)
{
  g_return_if_fail (FISCAL_IS_DOCUMENT (self));
  g_return_if_fail (position + n_lines <= g_list_model_get_n_items (G_LIST_MODEL (self->lines)));

  if (n_lines == 0)
    return;

  {
    g_autoptr(GPtrArray) removed = g_ptr_array_new_full (n_lines, g_object_unref);

    for (guint i = position; i < position + n_lines; i++)
      g_ptr_array_add (removed, g_list_model_get_item (G_LIST_MODEL (self->lines), i));

    _fiscal_undo_record_lines (self->undo, FALSE, position, (FiscalLine **) removed->pdata, n_lines);

    for (guint i = 0; i < n_lines; i++)
      {
        if (self->cube != NULL)
          _fiscal_cube_add_line (self->cube, g_ptr_array_index (removed, i), -1);
        _fiscal_line_set_document (g_ptr_array_index (removed, i), NULL);
      }
  }

  g_list_store_splice (self->lines, position, n_lines, NULL, 0);
  emit_changed (self);
}

/**
 * fiscal_document_new_line_id:
 *
 * Returns: (transfer full): an id no line of the document has
 */
char *
fiscal_document_new_line_id (FiscalDocument *self)
{
  g_return_val_if_fail (FISCAL_IS_DOCUMENT (self), NULL);

  return g_strdup_printf ("l%" G_GUINT64_FORMAT, ++self->next_line_id);
}

void
_fiscal_document_note_line_id (FiscalDocument *self,
                               const char     *id)
{
  guint64 n;

  /* Keep new ids clear of loaded ones of the form l<number>: new ids count
   * on from the largest. A number in the upper half of the range is left
   * out, so that the count never wraps round to l0, l1, … (which a budget
   * may have); new ids would take 2^63 steps to reach it. */
  if (id[0] == 'l' && g_ascii_string_to_unsigned (id + 1, 10, 0, G_MAXINT64, &n, NULL))
    self->next_line_id = MAX (self->next_line_id, n);
}

/**
 * fiscal_document_get_explanation:
 *
 * Returns: (nullable): the 主要原因 text stored under @key
 */
const char *
fiscal_document_get_explanation (FiscalDocument *self,
                                 const char     *key)
{
  g_return_val_if_fail (FISCAL_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return g_hash_table_lookup (self->explanations, key);
}

void
fiscal_document_set_explanation (FiscalDocument *self,
                                 const char     *key,
                                 const char     *text)
{
  g_return_if_fail (FISCAL_IS_DOCUMENT (self));
  g_return_if_fail (key != NULL);

  if (text != NULL && *text == 0)
    text = NULL;
  if (g_strcmp0 (g_hash_table_lookup (self->explanations, key), text) == 0)
    return;

  _fiscal_undo_record_explanation (self->undo, key, g_hash_table_lookup (self->explanations, key));

  if (text == NULL)
    g_hash_table_remove (self->explanations, key);
  else
    g_hash_table_insert (self->explanations, g_strdup (key), g_strdup (text));

  emit_changed (self);
}

/**
 * fiscal_document_list_explanations:
 *
 * Returns: (transfer full): the keys of the stored explanations, sorted
 */
GStrv
fiscal_document_list_explanations (FiscalDocument *self)
{
  guint n;
  GStrv keys;

  g_return_val_if_fail (FISCAL_IS_DOCUMENT (self), NULL);

  keys = (GStrv) g_hash_table_get_keys_as_array (self->explanations, &n);
  for (guint i = 0; i < n; i++)
    keys[i] = g_strdup (keys[i]);
  qsort (keys, n, sizeof (char *), _fiscal_strv_compare);

  return keys;
}

int
_fiscal_strv_compare (const void *a,
                      const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/**
 * fiscal_document_freeze_changed:
 *
 * Holds back "changed" until the matching thaw, which then emits it once
 * if anything changed.
 */
void
fiscal_document_freeze_changed (FiscalDocument *self)
{
  g_return_if_fail (FISCAL_IS_DOCUMENT (self));
  self->freeze_count++;
}

void
fiscal_document_thaw_changed (FiscalDocument *self)
{
  g_return_if_fail (FISCAL_IS_DOCUMENT (self));
  g_return_if_fail (self->freeze_count > 0);

  if (--self->freeze_count == 0 && self->changed_while_frozen)
    {
      self->changed_while_frozen = FALSE;
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

/**
 * fiscal_document_get_serial:
 *
 * Returns: a number that grows with every change, so that derived results
 *   (tables, findings) can tell whether they are current
 */
guint64
fiscal_document_get_serial (FiscalDocument *self)
{
  g_return_val_if_fail (FISCAL_IS_DOCUMENT (self), 0);
  return self->serial;
}

/* The history */

gboolean
fiscal_document_can_undo (FiscalDocument *self)
{
  g_return_val_if_fail (FISCAL_IS_DOCUMENT (self), FALSE);
  return _fiscal_undo_can_undo (self->undo);
}

gboolean
fiscal_document_can_redo (FiscalDocument *self)
{
  g_return_val_if_fail (FISCAL_IS_DOCUMENT (self), FALSE);
  return _fiscal_undo_can_redo (self->undo);
}

/**
 * fiscal_document_get_undo_label:
 *
 * Returns: (nullable): the name of the step undo would take back, such as
 *   “Amount Change”, for the menu
 */
const char *
fiscal_document_get_undo_label (FiscalDocument *self)
{
  g_return_val_if_fail (FISCAL_IS_DOCUMENT (self), NULL);
  return _fiscal_undo_get_undo_label (self->undo);
}

const char *
fiscal_document_get_redo_label (FiscalDocument *self)
{
  g_return_val_if_fail (FISCAL_IS_DOCUMENT (self), NULL);
  return _fiscal_undo_get_redo_label (self->undo);
}

gboolean
fiscal_document_undo (FiscalDocument *self)
{
  gboolean done;

  g_return_val_if_fail (FISCAL_IS_DOCUMENT (self), FALSE);

  done = _fiscal_undo_undo (self->undo);
  update_history_state (self);
  return done;
}

gboolean
fiscal_document_redo (FiscalDocument *self)
{
  gboolean done;

  g_return_val_if_fail (FISCAL_IS_DOCUMENT (self), FALSE);

  done = _fiscal_undo_redo (self->undo);
  update_history_state (self);
  return done;
}

/**
 * fiscal_document_begin_action:
 * @label: the name of the step, for the Undo menu item
 *
 * Makes every change until the matching fiscal_document_end_action() one
 * step of the history. Actions nest; the outermost names the step.
 */
void
fiscal_document_begin_action (FiscalDocument *self,
                              const char     *label)
{
  g_return_if_fail (FISCAL_IS_DOCUMENT (self));

  _fiscal_undo_begin (self->undo, label);
  fiscal_document_freeze_changed (self);
}

void
fiscal_document_end_action (FiscalDocument *self)
{
  g_return_if_fail (FISCAL_IS_DOCUMENT (self));

  _fiscal_undo_end (self->undo);
  fiscal_document_thaw_changed (self);
  update_history_state (self);
}

/**
 * fiscal_document_clear_history:
 *
 * Forgets the history and takes the document as it is for saved.
 */
void
fiscal_document_clear_history (FiscalDocument *self)
{
  g_return_if_fail (FISCAL_IS_DOCUMENT (self));

  _fiscal_undo_clear (self->undo);
  self->saved_state = 0;
  update_history_state (self);
}

/**
 * fiscal_document_set_saved:
 *
 * Takes the document as it is for what its file holds: not modified, until
 * the next change or an undo past this point.
 */
void
fiscal_document_set_saved (FiscalDocument *self)
{
  g_return_if_fail (FISCAL_IS_DOCUMENT (self));

  _fiscal_undo_seal (self->undo);
  self->saved_state = _fiscal_undo_get_state (self->undo);
  update_history_state (self);
}

gboolean
fiscal_document_get_modified (FiscalDocument *self)
{
  g_return_val_if_fail (FISCAL_IS_DOCUMENT (self), FALSE);
  return self->modified;
}

static gint64
scale_amount (gint64 fen,
              gint64 per_10000)
{
  /* fen × per_10000 / 10000, half away from zero, without overflow, and
   * within the ceiling of money. */
  __int128 n = (__int128) fen * per_10000;
  __int128 q = (n >= 0 ? n + 5000 : n - 5000) / 10000;

  if (q > FISCAL_MONEY_MAX)
    return FISCAL_MONEY_MAX;
  if (q < -FISCAL_MONEY_MAX)
    return -FISCAL_MONEY_MAX;
  return (gint64) q;
}

/* Last year's targets as a start: the same indicators, the stated funds
 * scaled like the lines. */
static void
copy_targets (FiscalTargets *from,
              FiscalTargets *to,
              gint64         per_10000)
{
  fiscal_targets_copy_into (from, to);
  for (guint f = 0; f < FISCAL_N_FUNDS; f++)
    fiscal_targets_set_fund (to, f, scale_amount (fiscal_targets_get_fund (from, f), per_10000));
}

/**
 * fiscal_document_new_from_prior:
 * @prior: last year's budget
 * @per_10000: what to scale every amount to, in ten-thousandths: 10000
 *   keeps them, 10500 adds 5%, 9000 takes 10% off
 *
 * Starts next year's budget from last year's: the same department, units,
 * profile and projects, the same lines with their amounts scaled (rounded
 * half up to the fen, each on its own), linked to @prior as its prior year.
 * The reasons are not carried over: they explain a year's changes, and
 * next year's are still to be written. Projects' execution periods move on
 * a year. Of the profile, the staffing's changes start at 0, procurement
 * and running costs are scaled like the lines, the contact's date is left
 * to fill in; the assets stay as they were counted, with their date.
 *
 * Returns: (transfer full): the new, unsaved budget
 */
FiscalDocument *
fiscal_document_new_from_prior (FiscalDocument *prior,
                                gint64          per_10000)
{
  FiscalDocument *self;
  GListModel *model;
  g_autoptr(GPtrArray) lines = NULL;
  FiscalProfile *profile;

  g_return_val_if_fail (FISCAL_IS_DOCUMENT (prior), NULL);
  g_return_val_if_fail (per_10000 >= 0, NULL);

  self = g_object_new (FISCAL_TYPE_DOCUMENT,
                       "year", MIN (prior->year + 1, FISCAL_YEAR_MAX),
                       "department-name", prior->department_name,
                       "department-code", prior->department_code,
                       "format-id", prior->format_id,
                       NULL);

  if (prior->file != NULL)
    {
      g_autofree char *path = g_file_get_path (prior->file);
      fiscal_document_set_prior_path (self, path);
    }

  model = G_LIST_MODEL (prior->units);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(FiscalUnit) unit = g_list_model_get_item (model, i);
      g_autoptr(FiscalUnit) copy = fiscal_unit_new (fiscal_unit_get_id (unit), fiscal_unit_get_name (unit));

      fiscal_unit_set_code (copy, fiscal_unit_get_code (unit));
      fiscal_document_add_unit (self, copy);
    }

  model = G_LIST_MODEL (prior->projects);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(FiscalProject) project = g_list_model_get_item (model, i);
      g_autoptr(FiscalProject) copy = fiscal_project_new (fiscal_project_get_id (project), fiscal_project_get_name (project));

      for (guint f = FISCAL_PROJECT_NAME + 1; f < FISCAL_N_PROJECT_FIELDS; f++)
        {
          const char *value = fiscal_project_get_field (project, f);
          g_autofree char *moved = NULL;

          /* 2025-01-01 becomes 2026-01-01. */
          if ((f == FISCAL_PROJECT_PERIOD_START || f == FISCAL_PROJECT_PERIOD_END) && value && strlen (value) == 10)
            moved = g_strdup_printf ("%04d%s", atoi (value) + 1, value + 4);
          fiscal_project_set_field (copy, f, moved ? moved : value);
        }
      copy_targets (fiscal_project_get_targets (project), fiscal_project_get_targets (copy), per_10000);
      fiscal_document_add_project (self, copy);
    }

  profile = fiscal_document_get_profile (self);
  fiscal_profile_copy_into (prior->profile, profile);
  for (FiscalProfileField f = 0; f < FISCAL_N_PROFILE_FIELDS; f++)
    {
      FiscalFieldType type = fiscal_profile_field_info (f)->type;

      if (!fiscal_profile_is_set (profile, f))
        continue;
      /* Staffing is last year's, so it has not changed yet. */
      if (type == FISCAL_FIELD_CHANGE)
        fiscal_profile_set_number (profile, f, 0);
      /* The year's procurement and running costs follow the lines. */
      else if (f == FISCAL_PROFILE_OPERATING_EXPENSES ||
               (f >= FISCAL_PROFILE_PROCUREMENT_GOODS && f <= FISCAL_PROFILE_PROCUREMENT_RESERVED_SMALL))
        fiscal_profile_set_number (profile, f, scale_amount (fiscal_profile_get_number (profile, f), per_10000));
      /* The contact's date is the publication's, still to come. */
      else if (f == FISCAL_PROFILE_CONTACT_DATE)
        fiscal_profile_unset (profile, f);
    }
  copy_targets (prior->targets, self->targets, per_10000);

  model = G_LIST_MODEL (prior->lines);
  lines = g_ptr_array_new_full (g_list_model_get_n_items (model), g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(FiscalLine) line = g_list_model_get_item (model, i);
      FiscalLine *copy = fiscal_line_copy (line, fiscal_line_get_id (line));

      fiscal_line_set_amount (copy, scale_amount (fiscal_line_get_amount (line), per_10000));
      g_ptr_array_add (lines, copy);
      _fiscal_document_note_line_id (self, fiscal_line_get_id (line));
    }
  fiscal_document_insert_lines (self, 0, (FiscalLine **) lines->pdata, lines->len);

  /* A new budget: nothing to undo, and not saved anywhere yet. */
  _fiscal_undo_clear (self->undo);
  fiscal_document_mark_unsaved (self);

  return self;
}

/**
 * fiscal_document_copy:
 *
 * Makes a deep copy of @self: the same year, department, file, prior-year
 * link, units, profile, projects with their targets, lines (with their
 * ids), explanations and department targets, sharing nothing that changes
 * with @self. The copy has no history and is modified when @self is.
 *
 * A copy is a snapshot another thread may read, write out or export while
 * @self goes on being edited: it is made on the thread that owns @self and
 * then belongs to whoever takes it.
 *
 * Returns: (transfer full): the copy
 */
FiscalDocument *
fiscal_document_copy (FiscalDocument *self)
{
  FiscalDocument *copy;
  GListModel *model;
  g_autoptr(GPtrArray) lines = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint n;

  g_return_val_if_fail (FISCAL_IS_DOCUMENT (self), NULL);

  copy = g_object_new (FISCAL_TYPE_DOCUMENT, NULL);
  copy->year = self->year;
  copy->department_name = g_strdup (self->department_name);
  copy->department_code = g_strdup (self->department_code);
  copy->prior_path = g_strdup (self->prior_path);
  copy->format_id = g_strdup (self->format_id);
  copy->file = self->file ? g_file_dup (self->file) : NULL;
  copy->next_line_id = self->next_line_id;
  copy->next_project_id = self->next_project_id;

  model = G_LIST_MODEL (self->units);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FiscalUnit) unit = g_list_model_get_item (model, i);
      g_autoptr(FiscalUnit) unit_copy = fiscal_unit_new (fiscal_unit_get_id (unit), fiscal_unit_get_name (unit));

      fiscal_unit_set_code (unit_copy, fiscal_unit_get_code (unit));
      _fiscal_unit_set_document (unit_copy, copy);
      g_list_store_append (copy->units, unit_copy);
    }

  fiscal_profile_copy_into (self->profile, copy->profile);

  model = G_LIST_MODEL (self->projects);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FiscalProject) project = g_list_model_get_item (model, i);
      g_autoptr(FiscalProject) project_copy = fiscal_project_new (fiscal_project_get_id (project),
                                                                  fiscal_project_get_name (project));

      for (guint f = 0; f < FISCAL_N_PROJECT_FIELDS; f++)
        if (f != FISCAL_PROJECT_ID)
          fiscal_project_set_field (project_copy, f, fiscal_project_get_field (project, f));
      fiscal_targets_copy_into (fiscal_project_get_targets (project), fiscal_project_get_targets (project_copy));
      _fiscal_project_set_document (project_copy, copy);
      g_list_store_append (copy->projects, project_copy);
    }

  /* The lines in one splice, and not through the history. */
  model = G_LIST_MODEL (self->lines);
  n = g_list_model_get_n_items (model);
  lines = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      FiscalLine *line = g_list_model_get_item (model, i);
      FiscalLine *line_copy = fiscal_line_copy (line, fiscal_line_get_id (line));

      _fiscal_line_set_document (line_copy, copy);
      g_ptr_array_add (lines, line_copy);
      g_object_unref (line);
    }
  g_list_store_splice (copy->lines, 0, 0, lines->pdata, lines->len);

  g_hash_table_iter_init (&iter, self->explanations);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->explanations, g_strdup (key), g_strdup (value));

  fiscal_targets_copy_into (self->targets, copy->targets);

  _fiscal_undo_clear (copy->undo);
  copy->saved_state = 0;
  if (self->modified)
    copy->saved_state = G_MAXUINT64;
  update_history_state (copy);

  return copy;
}

/**
 * fiscal_document_mark_unsaved:
 *
 * Takes the document as different from what any file holds (a recovered
 * copy, a budget made from another).
 */
void
fiscal_document_mark_unsaved (FiscalDocument *self)
{
  g_return_if_fail (FISCAL_IS_DOCUMENT (self));

  self->saved_state = G_MAXUINT64;
  update_history_state (self);
}
