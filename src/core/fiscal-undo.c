/* fiscal-undo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-undo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fiscal-document-private.h"
#include "fiscal-indicator.h"
#include "fiscal-line.h"
#include "fiscal-profile.h"
#include "fiscal-project.h"
#include "fiscal-targets.h"
#include "fiscal-undo.h"

/* Typing pauses longer than this start a new step. */
#define MERGE_INTERVAL_USEC (2 * G_USEC_PER_SEC)
#define MAX_STEPS 1000

typedef enum
{
  CHANGE_PROPERTY,
  CHANGE_LINES,
  CHANGE_PROJECT,
  CHANGE_EXPLANATION,
  CHANGE_PROFILE,
  CHANGE_INDICATORS,
} ChangeKind;

typedef struct
{
  ChangeKind     kind;
  gboolean       inserted;     /* lines and projects: inserted, or removed */
  gboolean       borrowed;     /* object is the document itself, not held */
  GObject       *object;
  GParamSpec    *pspec;
  GValue         before;
  GValue         after;
  guint          position;
  GPtrArray     *items;        /* lines or the project */
  char          *key;
  char          *text_before;
  char          *text_after;
  FiscalProfile *profile_before;
  FiscalProfile *profile_after;
} Change;

typedef struct
{
  guint64    id;
  char      *label;
  GPtrArray *changes;
  gint64     time;
  gboolean   sealed;
  gpointer   merge_object;
  gconstpointer merge_what;
} Step;

struct _FiscalUndo
{
  FiscalDocument *document;
  GQueue          undo;        /* Step*, newest at the head */
  GQueue          redo;
  Step           *action;      /* the open explicit action */
  guint           action_depth;
  guint64         next_id;
  gboolean        replaying;
};

static void
change_free (gpointer data)
{
  Change *c = data;

  if (c->borrowed)
    c->object = NULL;
  g_clear_object (&c->object);
  if (G_IS_VALUE (&c->before))
    g_value_unset (&c->before);
  if (G_IS_VALUE (&c->after))
    g_value_unset (&c->after);
  g_clear_pointer (&c->items, g_ptr_array_unref);
  g_free (c->key);
  g_free (c->text_before);
  g_free (c->text_after);
  g_clear_object (&c->profile_before);
  g_clear_object (&c->profile_after);
  g_free (c);
}

static void
step_free (gpointer data)
{
  Step *step = data;

  g_free (step->label);
  g_ptr_array_unref (step->changes);
  g_free (step);
}

FiscalUndo *
_fiscal_undo_new (FiscalDocument *document)
{
  FiscalUndo *undo = g_new0 (FiscalUndo, 1);

  undo->document = document;
  undo->next_id = 1;
  return undo;
}

void
_fiscal_undo_clear (FiscalUndo *undo)
{
  g_queue_clear_full (&undo->undo, step_free);
  g_queue_clear_full (&undo->redo, step_free);
  undo->action = NULL;
  undo->action_depth = 0;
}

void
_fiscal_undo_free (FiscalUndo *undo)
{
  if (undo == NULL)
    return;

  if (undo->action != NULL && g_queue_find (&undo->undo, undo->action) == NULL)
    step_free (undo->action);
  _fiscal_undo_clear (undo);
  g_free (undo);
}

static Step *
step_new (FiscalUndo *undo,
          const char *label)
{
  Step *step = g_new0 (Step, 1);

  step->id = undo->next_id++;
  step->label = g_strdup (label);
  step->changes = g_ptr_array_new_with_free_func (change_free);
  step->time = g_get_monotonic_time ();

  return step;
}

static void
push (FiscalUndo *undo,
      Step       *step)
{
  g_queue_push_head (&undo->undo, step);
  g_queue_clear_full (&undo->redo, step_free);

  while (undo->undo.length > MAX_STEPS)
    step_free (g_queue_pop_tail (&undo->undo));
}

/* The step a new change goes into: the open action, the last step when the
 * change continues it (the same field, soon after), or a new step. */
static Step *
current_step (FiscalUndo    *undo,
              gpointer       object,
              gconstpointer  what,
              const char    *label,
              gboolean      *merged)
{
  Step *last = g_queue_peek_head (&undo->undo);
  gint64 now = g_get_monotonic_time ();

  *merged = FALSE;

  if (undo->action != NULL)
    return undo->action;

  if (last != NULL && !last->sealed && object != NULL &&
      last->merge_object == object && last->merge_what == what &&
      now - last->time < MERGE_INTERVAL_USEC && g_queue_is_empty (&undo->redo))
    {
      last->time = now;
      *merged = TRUE;
      return last;
    }

  if (last != NULL)
    last->sealed = TRUE;

  last = step_new (undo, label);
  last->merge_object = object;
  last->merge_what = what;
  push (undo, last);

  return last;
}

static gboolean
recording (FiscalUndo *undo)
{
  return undo != NULL && !undo->replaying;
}

static const char *
property_label (GParamSpec *pspec)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "amount"))
    return _("Amount Change");
  if (g_str_equal (name, "function") || g_str_equal (name, "economic"))
    return _("Code Change");
  if (g_str_equal (name, "note"))
    return _("Note Change");
  if (g_str_equal (name, "kind") || g_str_equal (name, "source") || g_str_equal (name, "project") ||
      g_str_equal (name, "unit"))
    return _("Line Change");
  return _("Edit");
}

void
_fiscal_undo_record_property (FiscalUndo *undo,
                              GObject    *object,
                              GParamSpec *pspec)
{
  Change *change;
  Step *step;
  gboolean merged;

  if (!recording (undo))
    return;

  step = current_step (undo, object, pspec, property_label (pspec), &merged);

  /* A field already in this step keeps its first value. */
  for (guint i = 0; i < step->changes->len; i++)
    {
      Change *c = g_ptr_array_index (step->changes, i);
      if (c->kind == CHANGE_PROPERTY && c->object == object && c->pspec == pspec)
        return;
    }

  change = g_new0 (Change, 1);
  change->kind = CHANGE_PROPERTY;
  /* The document's own properties: the history belongs to the document and
   * must not keep it alive. */
  change->borrowed = (object == G_OBJECT (undo->document));
  change->object = change->borrowed ? object : g_object_ref (object);
  change->pspec = pspec;
  g_value_init (&change->before, G_PARAM_SPEC_VALUE_TYPE (pspec));
  g_object_get_property (object, g_param_spec_get_name (pspec), &change->before);
  g_ptr_array_add (step->changes, change);
}

/* Items inserted into, or removed from, a list at @position: the lines,
 * the projects, or the indicators of @object (a FiscalTargets). */
static void
record_items (FiscalUndo  *undo,
              ChangeKind   kind,
              const char  *label,
              gboolean     inserted,
              guint        position,
              GObject     *object,
              gpointer    *items,
              guint        n_items)
{
  Change *change;
  Step *step;
  gboolean merged;

  if (!recording (undo))
    return;

  step = current_step (undo, NULL, NULL, label, &merged);
  change = g_new0 (Change, 1);
  change->kind = kind;
  change->inserted = inserted;
  change->position = position;
  change->object = object ? g_object_ref (object) : NULL;
  change->items = g_ptr_array_new_full (n_items, g_object_unref);
  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (change->items, g_object_ref (items[i]));
  g_ptr_array_add (step->changes, change);
}

void
_fiscal_undo_record_lines (FiscalUndo  *undo,
                           gboolean     inserted,
                           guint        position,
                           FiscalLine **lines,
                           guint        n_lines)
{
  record_items (undo, CHANGE_LINES, inserted ? _("Add Lines") : _("Delete Lines"),
                inserted, position, NULL, (gpointer *) lines, n_lines);
}

void
_fiscal_undo_record_project (FiscalUndo    *undo,
                             gboolean       inserted,
                             guint          position,
                             FiscalProject *project)
{
  record_items (undo, CHANGE_PROJECT, inserted ? _("Add Project") : _("Delete Project"),
                inserted, position, NULL, (gpointer *) &project, 1);
}

void
_fiscal_undo_record_indicators (FiscalUndo      *undo,
                                FiscalTargets   *targets,
                                gboolean         inserted,
                                guint            position,
                                FiscalIndicator *indicator)
{
  record_items (undo, CHANGE_INDICATORS, inserted ? _("Add Indicator") : _("Delete Indicator"),
                inserted, position, G_OBJECT (targets), (gpointer *) &indicator, 1);
}

void
_fiscal_undo_record_explanation (FiscalUndo *undo,
                                 const char *key,
                                 const char *old_text)
{
  Change *change;
  Step *step;
  gboolean merged;

  if (!recording (undo))
    return;

  step = current_step (undo, undo->document, g_intern_string (key), _("Text Change"), &merged);
  for (guint i = 0; i < step->changes->len; i++)
    {
      Change *c = g_ptr_array_index (step->changes, i);
      if (c->kind == CHANGE_EXPLANATION && g_str_equal (c->key, key))
        return;
    }

  change = g_new0 (Change, 1);
  change->kind = CHANGE_EXPLANATION;
  change->key = g_strdup (key);
  change->text_before = g_strdup (old_text);
  g_ptr_array_add (step->changes, change);
}

void
_fiscal_undo_record_profile (FiscalUndo    *undo,
                             FiscalProfile *profile,
                             guint          field)
{
  Change *change;
  Step *step;
  gboolean merged;

  if (!recording (undo))
    return;

  step = current_step (undo, profile, GUINT_TO_POINTER (field + 1), _("Profile Change"), &merged);
  for (guint i = 0; i < step->changes->len; i++)
    if (((Change *) g_ptr_array_index (step->changes, i))->kind == CHANGE_PROFILE)
      return;

  /* The profile is small: keep it whole. */
  change = g_new0 (Change, 1);
  change->kind = CHANGE_PROFILE;
  change->object = g_object_ref (G_OBJECT (profile));
  change->profile_before = fiscal_profile_new ();
  fiscal_profile_copy_into (profile, change->profile_before);
  g_ptr_array_add (step->changes, change);
}

void
_fiscal_undo_begin (FiscalUndo *undo,
                    const char *label)
{
  Step *last;

  if (undo->action_depth++ > 0)
    return;

  if ((last = g_queue_peek_head (&undo->undo)))
    last->sealed = TRUE;

  undo->action = step_new (undo, label);
}

void
_fiscal_undo_end (FiscalUndo *undo)
{
  Step *step;

  g_return_if_fail (undo->action_depth > 0);

  if (--undo->action_depth > 0)
    return;

  step = g_steal_pointer (&undo->action);
  if (step->changes->len == 0)
    {
      step_free (step);
      return;
    }

  step->sealed = TRUE;
  push (undo, step);
}

/* No later change merges into the steps so far (after a save). */
void
_fiscal_undo_seal (FiscalUndo *undo)
{
  Step *last = g_queue_peek_head (&undo->undo);

  if (last != NULL)
    last->sealed = TRUE;
}

gboolean
_fiscal_undo_can_undo (FiscalUndo *undo)
{
  return !g_queue_is_empty (&undo->undo);
}

gboolean
_fiscal_undo_can_redo (FiscalUndo *undo)
{
  return !g_queue_is_empty (&undo->redo);
}

const char *
_fiscal_undo_get_undo_label (FiscalUndo *undo)
{
  Step *step = g_queue_peek_head (&undo->undo);
  return step ? step->label : NULL;
}

const char *
_fiscal_undo_get_redo_label (FiscalUndo *undo)
{
  Step *step = g_queue_peek_head (&undo->redo);
  return step ? step->label : NULL;
}

/* A number that names the state the history is in: the id of the newest
 * step done, 0 for none. Saving remembers it; the document is modified while
 * the state differs. */
guint64
_fiscal_undo_get_state (FiscalUndo *undo)
{
  Step *step = g_queue_peek_head (&undo->undo);
  return step ? step->id : 0;
}

gboolean
_fiscal_undo_is_replaying (FiscalUndo *undo)
{
  return undo->replaying;
}

static void
apply (FiscalUndo *undo,
       Change     *c,
       gboolean    backwards)
{
  FiscalDocument *doc = undo->document;

  switch (c->kind)
    {
    case CHANGE_PROPERTY:
      if (backwards)
        {
          if (!G_IS_VALUE (&c->after))
            g_value_init (&c->after, G_PARAM_SPEC_VALUE_TYPE (c->pspec));
          g_object_get_property (c->object, g_param_spec_get_name (c->pspec), &c->after);
          g_object_set_property (c->object, g_param_spec_get_name (c->pspec), &c->before);
        }
      else
        g_object_set_property (c->object, g_param_spec_get_name (c->pspec), &c->after);
      break;

    case CHANGE_LINES:
      if (c->inserted == backwards)
        fiscal_document_remove_lines (doc, c->position, c->items->len);
      else
        fiscal_document_insert_lines (doc, c->position, (FiscalLine **) c->items->pdata, c->items->len);
      break;

    case CHANGE_PROJECT:
      if (c->inserted == backwards)
        _fiscal_document_remove_project (doc, c->position);
      else
        _fiscal_document_insert_project (doc, c->position, g_ptr_array_index (c->items, 0));
      break;

    case CHANGE_INDICATORS:
      if (c->inserted == backwards)
        fiscal_targets_remove_indicator (FISCAL_TARGETS (c->object), c->position);
      else
        fiscal_targets_insert_indicator (FISCAL_TARGETS (c->object), c->position,
                                         g_ptr_array_index (c->items, 0));
      break;

    case CHANGE_EXPLANATION:
      if (backwards)
        {
          g_free (c->text_after);
          c->text_after = g_strdup (fiscal_document_get_explanation (doc, c->key));
        }
      fiscal_document_set_explanation (doc, c->key, backwards ? c->text_before : c->text_after);
      break;

    case CHANGE_PROFILE:
      if (backwards)
        {
          g_clear_object (&c->profile_after);
          c->profile_after = fiscal_profile_new ();
          fiscal_profile_copy_into (FISCAL_PROFILE (c->object), c->profile_after);
        }
      fiscal_profile_copy_into (backwards ? c->profile_before : c->profile_after, FISCAL_PROFILE (c->object));
      break;

    default:
      g_assert_not_reached ();
    }
}

static gboolean
replay (FiscalUndo *undo,
        GQueue     *from,
        GQueue     *to,
        gboolean    backwards)
{
  Step *step;

  if (undo->action != NULL || (step = g_queue_pop_head (from)) == NULL)
    return FALSE;

  undo->replaying = TRUE;
  fiscal_document_freeze_changed (undo->document);

  if (backwards)
    for (guint i = step->changes->len; i > 0; i--)
      apply (undo, g_ptr_array_index (step->changes, i - 1), TRUE);
  else
    for (guint i = 0; i < step->changes->len; i++)
      apply (undo, g_ptr_array_index (step->changes, i), FALSE);

  step->sealed = TRUE;
  g_queue_push_head (to, step);

  fiscal_document_thaw_changed (undo->document);
  undo->replaying = FALSE;

  return TRUE;
}

gboolean
_fiscal_undo_undo (FiscalUndo *undo)
{
  return replay (undo, &undo->undo, &undo->redo, TRUE);
}

gboolean
_fiscal_undo_redo (FiscalUndo *undo)
{
  return replay (undo, &undo->redo, &undo->undo, FALSE);
}
