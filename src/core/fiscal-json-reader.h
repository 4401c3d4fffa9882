/* fiscal-json-reader.h
 *
 * A strict RFC 8259 reader for the budget files. It checks the syntax and
 * builds the values in one pass, naming the line and column of the first
 * fault. json-glib's own parser is lenient (it takes single-quoted strings,
 * for one) and builds a tree of reference-counted nodes and hash tables
 * that costs more than the budget it describes; a budget file must be plain
 * JSON that any tool reads, and a million lines must load in seconds.
 *
 * Stricter than RFC 8259 where a budget needs it: a key given twice in one
 * object is refused (the RFC only says keys SHOULD be unique; a second
 * "year" must not silently change the year), and so is a file beyond the
 * ceilings below. A UTF-8 byte order mark at the start is passed over, as
 * the RFC allows.
 *
 * The ceilings bound what an untrusted file can make the reader allocate.
 * A budget of a million lines, as bench/fiscal-generate writes it, is
 * 150 MiB and 8.3 million values; the ceilings admit three times as much
 * and more. Reading holds the text, 20 bytes for each value (every number,
 * string, true, false, null, object and array is one; at most 640 MB), the
 * strings that held escapes once more, and for an object of more than 16
 * members a table of 6 to 11 bytes a member: for a budget about twice the
 * file, and for any file a few times the ceilings at most.
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

/* The largest budget file read, in MiB and bytes. */
#define FISCAL_JSON_MAX_MIB   512u
#define FISCAL_JSON_MAX_BYTES ((gsize) FISCAL_JSON_MAX_MIB * 1024 * 1024)

/* The most values a budget file may hold. */
#define FISCAL_JSON_MAX_NODES 32000000u

typedef enum
{
  FISCAL_JSON_NULL,
  FISCAL_JSON_BOOLEAN,
  FISCAL_JSON_INTEGER,   /* a number without fraction or exponent that fits a gint64 */
  FISCAL_JSON_NUMBER,    /* any other number; only v.overflow is kept */
  FISCAL_JSON_STRING,
  FISCAL_JSON_ARRAY,
  FISCAL_JSON_OBJECT,
} FiscalJsonType;

/* 20 bytes where the compiler packs it: a million-line budget has eight
 * million nodes. */
typedef struct _FiscalJsonNode FiscalJsonNode;
struct
#if defined(__GNUC__)
__attribute__ ((packed, aligned (4)))
#endif
_FiscalJsonNode
{
  const char *key;        /* the member's key in an object; NULL in an array */
  union
  {
    const char *string;   /* UTF-8, without \u0000 */
    gint64      integer;
    gboolean    boolean;
    guint       length;   /* members or elements of a container */
    int         overflow; /* of a FISCAL_JSON_NUMBER: 1 for a whole number
                           * above G_MAXINT64, -1 for one below G_MININT64,
                           * 0 for one with a fraction or an exponent */
  } v;
  guint32 size : 28;      /* this node and all below it, in nodes */
  guint32 type : 4;       /* a FiscalJsonType */
};

typedef struct _FiscalJsonTree FiscalJsonTree;

FiscalJsonTree       *_fiscal_json_tree_new_take      (char            *data,
                                                       gsize            length,
                                                       GError         **error);
FiscalJsonTree       *_fiscal_json_tree_new_take_full (char            *data,
                                                       gsize            length,
                                                       guint            max_nodes,
                                                       GError         **error);
void                  _fiscal_json_tree_free          (FiscalJsonTree  *tree);
const FiscalJsonNode *_fiscal_json_tree_root          (FiscalJsonTree  *tree);
gboolean              _fiscal_json_check_size         (guint64          size,
                                                       GError         **error);

const FiscalJsonNode *_fiscal_json_member             (const FiscalJsonNode *object,
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
