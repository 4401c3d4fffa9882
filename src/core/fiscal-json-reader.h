/* fiscal-json-reader.h
 *
 * A strict RFC 8259 reader for the budget files. It checks the syntax and
 * builds the values in one pass, naming the line and column of the first
 * fault. json-glib's own parser is lenient (it takes single-quoted strings,
 * for one) and builds a tree of reference-counted nodes and hash tables
 * that costs more than the budget it describes; a budget file must be plain
 * JSON that any tool reads, and a million lines must load in seconds.
 *
 * The values are one array of nodes in document order: a container is
 * followed by its children, each child by its own, so that walking a
 * container's members is walking an array.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  FISCAL_JSON_NULL,
  FISCAL_JSON_BOOLEAN,
  FISCAL_JSON_INTEGER,   /* a number without fraction or exponent that fits a gint64 */
  FISCAL_JSON_NUMBER,    /* any other number; its value is not kept */
  FISCAL_JSON_STRING,
  FISCAL_JSON_ARRAY,
  FISCAL_JSON_OBJECT,
} FiscalJsonType;

typedef struct _FiscalJsonNode FiscalJsonNode;
struct _FiscalJsonNode
{
  const char *key;        /* the member's key in an object; NULL in an array */
  union
  {
    const char *string;   /* UTF-8, without \u0000 */
    gint64      integer;
    gboolean    boolean;
    guint       length;   /* members or elements of a container */
  } v;
  guint32 size;           /* this node and all below it, in nodes */
  guint8  type;           /* a FiscalJsonType */
};

typedef struct _FiscalJsonTree FiscalJsonTree;

FiscalJsonTree       *_fiscal_json_tree_new_take (char            *data,
                                                  gsize            length,
                                                  GError         **error);
void                  _fiscal_json_tree_free     (FiscalJsonTree  *tree);
const FiscalJsonNode *_fiscal_json_tree_root     (FiscalJsonTree  *tree);

const FiscalJsonNode *_fiscal_json_member        (const FiscalJsonNode *object,
                                                  const char           *key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FiscalJsonTree, _fiscal_json_tree_free)

/* The first member or element of @container, or %NULL when it is empty. */
static inline const FiscalJsonNode *
_fiscal_json_first (const FiscalJsonNode *container)
{
  g_assert (container->type == FISCAL_JSON_OBJECT || container->type == FISCAL_JSON_ARRAY);

  return container->size > 1 ? container + 1 : NULL;
}

/* The member or element after @child in @container, or %NULL after the last. */
static inline const FiscalJsonNode *
_fiscal_json_next (const FiscalJsonNode *container,
                   const FiscalJsonNode *child)
{
  const FiscalJsonNode *next = child + child->size;

  return next < container + container->size ? next : NULL;
}

G_END_DECLS
