/* fiscal-format.c
 *
 * Reading a disclosure format (docs/formats.md) and the built-in formats
 * of data/formats/, kept once read. A format that names a thing it does
 * not define — a source group, a kind, a column role, a header cell
 * outside the table — is refused with the key path of the fault, so a
 * mistake in a region's file is found when it is loaded, not when its
 * tables come out wrong.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-format"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fiscal-catalog.h"
#include "fiscal-error.h"
#include "fiscal-format-private.h"
#include "fiscal-json-reader.h"
#include "fiscal-keypath-private.h"
#include "fiscal-money.h"
#include "fiscal-profile.h"

#define FORMAT_RESOURCE_DIR "/io/github/fiscalapp/Fiscal/formats"
#define FORMAT_FILE_FORMAT  "fiscal-disclosure-format"

/* The interpreter asks up to 64 filters of a cell at once. */
#define MAX_ROWS_OR_COLUMNS 64

typedef FiscalKeyPath Where;
#define WHERE_KEY   FISCAL_KEY_PATH_KEY
#define WHERE_INDEX FISCAL_KEY_PATH_INDEX
#define fail        _fiscal_key_path_fail

struct _FiscalFormat
{
  GObject     parent_instance;
  char       *id;
  char       *name;
  char       *description;
  GPtrArray  *tables;          /* FiscalFormatTable */
  char      **empty_wordings;  /* what an empty table may say, for the importer */
  GHashTable *source_groups;   /* name → guint32 of source bits, as a pointer */
};

G_DEFINE_FINAL_TYPE (FiscalFormat, fiscal_format, G_TYPE_OBJECT)

static void
format_table_free (gpointer data)
{
  FiscalFormatTable *t = data;

  for (guint i = 0; t->columns && i < t->columns->len; i++)
    g_free (g_array_index (t->columns, FiscalFormatColumn, i).title);
  for (guint i = 0; t->header && i < t->header->len; i++)
    g_free (g_array_index (t->header, FiscalFormatHeader, i).text);
  for (guint i = 0; t->items && i < t->items->len; i++)
    g_free (g_array_index (t->items, FiscalFormatItem, i).label);
  g_clear_pointer (&t->columns, g_array_unref);
  g_clear_pointer (&t->header, g_array_unref);
  g_clear_pointer (&t->items, g_array_unref);
  g_clear_pointer (&t->class_sums, g_array_unref);
  g_clear_pointer (&t->left_sums, g_array_unref);
  g_clear_pointer (&t->right_sums, g_array_unref);
  g_strfreev (t->aliases);
  g_free (t->title);
  g_free (t->total_label);
  g_free (t->right_total_label);
  g_free (t->empty);
  g_free (t->empty_note);
  g_free ((char *) t->style.unit);
  g_free (t);
}

static void
fiscal_format_finalize (GObject *object)
{
  FiscalFormat *self = FISCAL_FORMAT (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->description);
  g_clear_pointer (&self->tables, g_ptr_array_unref);
  g_clear_pointer (&self->source_groups, g_hash_table_unref);
  g_strfreev (self->empty_wordings);

  G_OBJECT_CLASS (fiscal_format_parent_class)->finalize (object);
}

static void
fiscal_format_class_init (FiscalFormatClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fiscal_format_finalize;
}

static void
fiscal_format_init (FiscalFormat *self)
{
  self->tables = g_ptr_array_new_with_free_func (format_table_free);
  self->source_groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* ---- Reading ----------------------------------------------------------- */

static const char *
type_name (const FiscalJsonNode *node)
{
  switch (node->type)
    {
    case FISCAL_JSON_OBJECT:  return _("an object");
    case FISCAL_JSON_ARRAY:   return _("an array");
    case FISCAL_JSON_NULL:    return _("null");
    case FISCAL_JSON_STRING:  return _("a string");
    case FISCAL_JSON_BOOLEAN: return _("true or false");
    default:                  return _("a number");
    }
}

/* @key of @object, which must have @type (or be absent when not
 * @required: then *node is NULL). */
static gboolean
member (const FiscalJsonNode  *object,
        const Where           *parent,
        const char            *key,
        FiscalJsonType         type,
        gboolean               required,
        const FiscalJsonNode **node,
        GError               **error)
{
  Where where = WHERE_KEY (parent, key);
  static const char * const names[] = {
    [FISCAL_JSON_STRING] = N_("a string"), [FISCAL_JSON_INTEGER] = N_("a whole number"),
    [FISCAL_JSON_ARRAY] = N_("an array"), [FISCAL_JSON_OBJECT] = N_("an object"),
    [FISCAL_JSON_BOOLEAN] = N_("true or false"),
  };

  *node = _fiscal_json_member (object, key);
  if (*node == NULL)
    return required ? fail (error, FISCAL_ERROR_MISSING_KEY, &where, _("required key is missing")) : TRUE;
  if ((*node)->type != type)
    return fail (error, FISCAL_ERROR_WRONG_TYPE, &where, _("expected %s, found %s"),
                 _(names[type]), type_name (*node));
  return TRUE;
}

static gboolean
get_string (const FiscalJsonNode  *object,
            const Where           *parent,
            const char            *key,
            gboolean               required,
            const char           **out,
            GError               **error)
{
  const FiscalJsonNode *node;

  if (!member (object, parent, key, FISCAL_JSON_STRING, required, &node, error))
    return FALSE;
  *out = node ? node->v.string : NULL;
  return TRUE;
}

static gboolean
get_uint (const FiscalJsonNode  *object,
          const Where           *parent,
          const char            *key,
          gboolean               required,
          guint                 max,
          guint                 *out,
          GError               **error)
{
  Where where = WHERE_KEY (parent, key);
  const FiscalJsonNode *node;

  if (!member (object, parent, key, FISCAL_JSON_INTEGER, required, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (node->v.integer < 0 || node->v.integer > max)
    return fail (error, FISCAL_ERROR_BAD_VALUE, &where, _("%" G_GINT64_FORMAT " is outside 0–%u"),
                 node->v.integer, max);
  *out = node->v.integer;
  return TRUE;
}

static gboolean
get_bool (const FiscalJsonNode  *object,
          const Where           *parent,
          const char            *key,
          gboolean              *out,
          GError               **error)
{
  const FiscalJsonNode *node;

  if (!member (object, parent, key, FISCAL_JSON_BOOLEAN, FALSE, &node, error))
    return FALSE;
  if (node != NULL)
    *out = node->v.boolean;
  return TRUE;
}

/* Refuses keys the format does not have: a misspelt key is a fault. */
static gboolean
check_keys (const FiscalJsonNode  *object,
            const Where           *where,
            const char * const    *known,
            GError               **error)
{
  for (const FiscalJsonNode *child = _fiscal_json_first (object); child; child = _fiscal_json_next (object, child))
    if (!g_strv_contains (known, child->key))
      {
        Where here = WHERE_KEY (where, child->key);
        return fail (error, FISCAL_ERROR_BAD_VALUE, &here, _("unknown key"));
      }
  return TRUE;
}

/* The names of an array of strings, each passed to @name_bits. */
typedef gboolean (*NameBits) (FiscalFormat *self,
                              const char   *name,
                              guint32      *bits,
                              guint8       *first);

/* The names at @key of @object as bits, and in *@first the first thing
 * named (the first source of the first group). */
static gboolean
get_names (FiscalFormat          *self,
           const FiscalJsonNode  *object,
           const Where           *parent,
           const char            *key,
           NameBits               name_bits,
           guint32               *bits,
           guint8                *first,
           GError               **error)
{
  Where where = WHERE_KEY (parent, key);
  const FiscalJsonNode *array, *element;
  guint i;

  if (!member (object, parent, key, FISCAL_JSON_ARRAY, FALSE, &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;

  *bits = 0;
  for (element = _fiscal_json_first (array), i = 0; element; element = _fiscal_json_next (array, element), i++)
    {
      Where item = WHERE_INDEX (&where, i);
      guint32 more = 0;
      guint8 one = 0;

      if (element->type != FISCAL_JSON_STRING)
        return fail (error, FISCAL_ERROR_WRONG_TYPE, &item, _("expected %s, found %s"),
                     _("a string"), type_name (element));
      if (!name_bits (self, element->v.string, &more, &one))
        return fail (error, FISCAL_ERROR_BAD_VALUE, &item, _("“%s” is not known here"), element->v.string);
      if (*bits == 0 && first != NULL)
        *first = one;
      *bits |= more;
    }

  if (*bits == 0)
    return fail (error, FISCAL_ERROR_BAD_VALUE, &where, _("names nothing"));
  return TRUE;
}

/* A group is kept as its sources' bits with its first source above them. */
#define GROUP_FIRST_SHIFT 24

static gboolean
source_bits (FiscalFormat *self,
             const char   *name,
             guint32      *bits,
             guint8       *first)
{
  FiscalSource source;
  gpointer group;

  if (fiscal_source_from_string (name, &source))
    {
      *bits = 1u << source;
      *first = source;
      return TRUE;
    }
  if (g_hash_table_lookup_extended (self->source_groups, name, NULL, &group))
    {
      *bits = GPOINTER_TO_UINT (group) & ((1u << GROUP_FIRST_SHIFT) - 1);
      *first = GPOINTER_TO_UINT (group) >> GROUP_FIRST_SHIFT;
      return TRUE;
    }
  return FALSE;
}

static gboolean
kind_bits (FiscalFormat *self,
           const char   *name,
           guint32      *bits,
           guint8       *first)
{
  FiscalKind kind;

  if (!fiscal_kind_from_string (name, &kind))
    return FALSE;
  *bits = 1u << kind;
  *first = kind;
  return TRUE;
}

static gboolean
sangong_bits (FiscalFormat *self,
              const char   *name,
              guint32      *bits,
              guint8       *first)
{
  FiscalSangong item;

  if (!fiscal_sangong_from_string (name, &item))
    return FALSE;
  *bits = 1u << item;
  *first = item;
  return TRUE;
}

static void
filter_init (FiscalFilter *filter)
{
  filter->sources = FISCAL_FILTER_ALL_SOURCES;
  filter->kinds = FISCAL_FILTER_ALL_KINDS;
  filter->sangong = 0;
  filter->klass = NULL;
  filter->profile = -1;
  filter->first_source = 0;
  filter->first_kind = 0;
}

/* A filter: { "sources": [...], "kinds": [...], "class": "301",
 * "sangong": [...], "profile": "operating_expenses" }, at @where. */
static gboolean
read_filter_node (FiscalFormat          *self,
                  const FiscalJsonNode  *node,
                  const Where           *where,
                  FiscalFilter          *filter,
                  GError               **error)
{
  static const char * const keys[] = { "sources", "kinds", "class", "sangong", "profile", NULL };
  guint32 sources = FISCAL_FILTER_ALL_SOURCES, kinds = FISCAL_FILTER_ALL_KINDS, sangong = 0;
  guint8 first_source = 0, first_kind = 0;
  const char *klass = NULL, *profile = NULL;

  filter_init (filter);

  if (node->type != FISCAL_JSON_OBJECT)
    return fail (error, FISCAL_ERROR_WRONG_TYPE, where, _("expected %s, found %s"),
                 _("an object"), type_name (node));

  if (!check_keys (node, where, keys, error) ||
      !get_names (self, node, where, "sources", source_bits, &sources, &first_source, error) ||
      !get_names (self, node, where, "kinds", kind_bits, &kinds, &first_kind, error) ||
      !get_names (self, node, where, "sangong", sangong_bits, &sangong, NULL, error) ||
      !get_string (node, where, "class", FALSE, &klass, error) ||
      !get_string (node, where, "profile", FALSE, &profile, error))
    return FALSE;

  if (klass != NULL && (strlen (klass) != 3 || strspn (klass, "0123456789") != 3))
    {
      Where field = WHERE_KEY (where, "class");
      return fail (error, FISCAL_ERROR_BAD_VALUE, &field, _("“%s” is not an economic 类 code"), klass);
    }

  if (profile != NULL)
    {
      Where field = WHERE_KEY (where, "profile");

      for (guint f = 0; f < FISCAL_N_PROFILE_FIELDS; f++)
        if (g_str_equal (fiscal_profile_field_info (f)->key, profile) &&
            fiscal_profile_field_info (f)->type == FISCAL_FIELD_MONEY)
          filter->profile = f;
      if (filter->profile < 0)
        return fail (error, FISCAL_ERROR_BAD_VALUE, &field, _("“%s” is not an amount of the profile"), profile);
    }

  filter->sources = sources;
  filter->kinds = kinds;
  filter->sangong = sangong;
  filter->klass = klass ? g_intern_string (klass) : NULL;
  filter->first_source = first_source;
  filter->first_kind = first_kind;
  return TRUE;
}

/* The filter @key of @object; every line when it is absent. */
static gboolean
read_filter (FiscalFormat          *self,
             const FiscalJsonNode  *object,
             const Where           *parent,
             const char            *key,
             FiscalFilter          *filter,
             GError               **error)
{
  Where where = WHERE_KEY (parent, key);
  const FiscalJsonNode *node = _fiscal_json_member (object, key);

  if (node == NULL)
    {
      filter_init (filter);
      return TRUE;
    }
  return read_filter_node (self, node, &where, filter, error);
}

/* The amount style of the format, or of a table that changes it. */
static gboolean
read_style (const FiscalJsonNode  *object,
            const Where           *parent,
            FiscalAmountStyle     *style,
            GError               **error)
{
  const char *unit = NULL, *zero = NULL;
  Where unit_where = WHERE_KEY (parent, "unit");
  Where zero_where = WHERE_KEY (parent, "zero");
  Where decimals_where = WHERE_KEY (parent, "decimals");

  if (!get_string (object, parent, "unit", FALSE, &unit, error) ||
      !get_uint (object, parent, "decimals", FALSE, 6, &style->decimals, error) ||
      !get_bool (object, parent, "grouping", &style->grouping, error) ||
      !get_string (object, parent, "zero", FALSE, &zero, error))
    return FALSE;

  if (unit != NULL)
    {
      if (g_str_equal (unit, "万元"))
        style->divisor = FISCAL_FEN_PER_WAN;
      else if (g_str_equal (unit, "元"))
        style->divisor = FISCAL_FEN_PER_YUAN;
      else
        return fail (error, FISCAL_ERROR_BAD_VALUE, &unit_where, _("“%s” is not a unit (元 or 万元)"), unit);
      g_free ((char *) style->unit);
      style->unit = g_strdup (unit);
    }

  /* No decimal finer than a fen. */
  {
    gint64 scale = 1;

    for (guint i = 0; i < style->decimals; i++)
      scale *= 10;
    if (scale > style->divisor)
      return fail (error, FISCAL_ERROR_BAD_VALUE, &decimals_where,
                   _("%u decimals of %s are finer than a fen"), style->decimals, style->unit);
  }

  if (zero != NULL)
    {
      if (g_str_equal (zero, "blank"))
        style->zero = FISCAL_ZERO_BLANK;
      else if (g_str_equal (zero, "0"))
        style->zero = FISCAL_ZERO_DIGIT;
      else if (g_str_equal (zero, "decimals"))
        style->zero = FISCAL_ZERO_DECIMALS;
      else
        return fail (error, FISCAL_ERROR_BAD_VALUE, &zero_where,
                     _("“%s” is not blank, 0 or decimals"), zero);
    }

  return TRUE;
}

static gboolean
read_columns (FiscalFormat          *self,
              FiscalFormatTable     *table,
              const FiscalJsonNode  *object,
              const Where           *parent,
              GError               **error)
{
  static const char * const keys[] = { "role", "title", "sum", "rarity", NULL };
  static const struct { const char *name; FiscalColumnKind kind; } roles[] = {
    { "code1", FISCAL_COLUMN_CODE_1 }, { "code2", FISCAL_COLUMN_CODE_2 }, { "code3", FISCAL_COLUMN_CODE_3 },
    { "name", FISCAL_COLUMN_NAME }, { "project", FISCAL_COLUMN_PROJECT }, { "label", FISCAL_COLUMN_LABEL },
    { "amount", FISCAL_COLUMN_AMOUNT },
  };
  Where where = WHERE_KEY (parent, "columns");
  const FiscalJsonNode *array, *element;
  guint i;

  if (!member (object, parent, "columns", FISCAL_JSON_ARRAY, TRUE, &array, error))
    return FALSE;

  for (element = _fiscal_json_first (array), i = 0; element; element = _fiscal_json_next (array, element), i++)
    {
      Where item = WHERE_INDEX (&where, i);
      Where role_where = WHERE_KEY (&item, "role");
      FiscalFormatColumn column = { 0 };
      const char *role, *title;
      gboolean known = FALSE;

      if (element->type != FISCAL_JSON_OBJECT)
        return fail (error, FISCAL_ERROR_WRONG_TYPE, &item, _("expected %s, found %s"),
                     _("an object"), type_name (element));
      if (!check_keys (element, &item, keys, error) ||
          !get_string (element, &item, "role", TRUE, &role, error) ||
          !get_string (element, &item, "title", TRUE, &title, error) ||
          !read_filter (self, element, &item, "sum", &column.sum, error) ||
          !get_uint (element, &item, "rarity", FALSE, 3, &column.rarity, error))
        return FALSE;

      for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
        if (g_str_equal (role, roles[r].name))
          {
            column.kind = roles[r].kind;
            known = TRUE;
          }
      if (!known)
        return fail (error, FISCAL_ERROR_BAD_VALUE, &role_where, _("“%s” is not a column role"), role);

      column.title = g_strdup (title);
      g_array_append_val (table->columns, column);
    }

  if (table->columns->len == 0)
    return fail (error, FISCAL_ERROR_BAD_VALUE, &where, _("a table needs columns"));
  if (table->columns->len > MAX_ROWS_OR_COLUMNS)
    return fail (error, FISCAL_ERROR_BAD_VALUE, &where, _("a table has at most %u columns"), MAX_ROWS_OR_COLUMNS);
  return TRUE;
}

static gboolean
read_header (FiscalFormatTable     *table,
             const FiscalJsonNode  *object,
             const Where           *parent,
             GError               **error)
{
  Where where = WHERE_KEY (parent, "header");
  const FiscalJsonNode *array, *element;
  guint i;

  if (!member (object, parent, "header", FISCAL_JSON_ARRAY, FALSE, &array, error))
    return FALSE;

  for (element = array ? _fiscal_json_first (array) : NULL, i = 0; element;
       element = _fiscal_json_next (array, element), i++)
    {
      Where item = WHERE_INDEX (&where, i);
      FiscalFormatHeader cell = { 0 };
      const FiscalJsonNode *part = element->type == FISCAL_JSON_ARRAY ? _fiscal_json_first (element) : NULL;
      guint numbers[4];

      if (element->type != FISCAL_JSON_ARRAY || element->v.length != 5)
        return fail (error, FISCAL_ERROR_WRONG_TYPE, &item,
                     _("a header cell is [row, column, rows, columns, text]"));
      for (guint k = 0; k < 4; k++, part = _fiscal_json_next (element, part))
        {
          if (part->type != FISCAL_JSON_INTEGER || part->v.integer < 0 || part->v.integer > 64 ||
              (k >= 2 && part->v.integer == 0))
            return fail (error, FISCAL_ERROR_BAD_VALUE, &item,
                         _("a header cell is [row, column, rows, columns, text]"));
          numbers[k] = part->v.integer;
        }
      if (part->type != FISCAL_JSON_STRING)
        return fail (error, FISCAL_ERROR_WRONG_TYPE, &item,
                     _("a header cell is [row, column, rows, columns, text]"));
      if (numbers[1] + numbers[3] > table->columns->len)
        return fail (error, FISCAL_ERROR_BAD_VALUE, &item,
                     _("the cell goes beyond the table’s %u columns"), table->columns->len);

      cell.row = numbers[0];
      cell.column = numbers[1];
      cell.row_span = numbers[2];
      cell.column_span = numbers[3];
      cell.text = g_strdup (part->v.string);
      g_array_append_val (table->header, cell);
    }

  return TRUE;
}

/* Fixed rows: a balance's income items, an items table's rows. */
static gboolean
read_items (FiscalFormat          *self,
            FiscalFormatTable     *table,
            const FiscalJsonNode  *object,
            const Where           *parent,
            const char            *key,
            GError               **error)
{
  static const char * const keys[] = { "label", "level", "total", "sum", NULL };
  Where where = WHERE_KEY (parent, key);
  const FiscalJsonNode *array, *element;
  guint i;

  if (!member (object, parent, key, FISCAL_JSON_ARRAY, TRUE, &array, error))
    return FALSE;

  for (element = _fiscal_json_first (array), i = 0; element; element = _fiscal_json_next (array, element), i++)
    {
      Where item = WHERE_INDEX (&where, i);
      FiscalFormatItem row = { 0 };
      const char *label;

      if (element->type != FISCAL_JSON_OBJECT)
        return fail (error, FISCAL_ERROR_WRONG_TYPE, &item, _("expected %s, found %s"),
                     _("an object"), type_name (element));
      if (!check_keys (element, &item, keys, error) ||
          !get_string (element, &item, "label", TRUE, &label, error) ||
          !get_uint (element, &item, "level", FALSE, 3, &row.level, error) ||
          !get_bool (element, &item, "total", &row.total, error) ||
          !read_filter (self, element, &item, "sum", &row.sum, error))
        return FALSE;

      row.label = g_strdup (label);
      g_array_append_val (table->items, row);
    }

  if (table->items->len > MAX_ROWS_OR_COLUMNS)
    return fail (error, FISCAL_ERROR_BAD_VALUE, &where, _("a table has at most %u fixed rows"), MAX_ROWS_OR_COLUMNS);
  return TRUE;
}

/* A balance's right side: the 类 of the expenditure and their sums. */
static gboolean
read_classes (FiscalFormat          *self,
              FiscalFormatTable     *table,
              const FiscalJsonNode  *object,
              const Where           *parent,
              GError               **error)
{
  static const char * const keys[] = { "show", "label", "sums", NULL };
  Where where = WHERE_KEY (parent, "classes");
  Where show_where = WHERE_KEY (&where, "show");
  Where label_where = WHERE_KEY (&where, "label");
  Where sums_where = WHERE_KEY (&where, "sums");
  const FiscalJsonNode *node, *sums;
  const char *show, *label;
  guint n_amounts = 0;

  if (!member (object, parent, "classes", FISCAL_JSON_OBJECT, TRUE, &node, error) ||
      !check_keys (node, &where, keys, error) ||
      !get_string (node, &where, "show", TRUE, &show, error) ||
      !get_string (node, &where, "label", TRUE, &label, error) ||
      !member (node, &where, "sums", FISCAL_JSON_ARRAY, TRUE, &sums, error))
    return FALSE;

  if (g_str_equal (show, "catalogue"))
    table->all_classes = TRUE;
  else if (!g_str_equal (show, "used"))
    return fail (error, FISCAL_ERROR_BAD_VALUE, &show_where, _("“%s” is not catalogue or used"), show);

  if (g_str_equal (label, "code-name"))
    table->class_label = FISCAL_CLASS_LABEL_CODE_NAME;
  else if (g_str_equal (label, "ordinal-name"))
    table->class_label = FISCAL_CLASS_LABEL_ORDINAL;
  else
    return fail (error, FISCAL_ERROR_BAD_VALUE, &label_where, _("“%s” is not code-name or ordinal-name"), label);

  for (guint i = 0, seen_label = 0; i < table->columns->len; i++)
    {
      FiscalColumnKind kind = g_array_index (table->columns, FiscalFormatColumn, i).kind;

      if (kind == FISCAL_COLUMN_LABEL)
        seen_label = TRUE;
      else if (kind == FISCAL_COLUMN_AMOUNT && seen_label)
        n_amounts++;
    }

  {
    guint i = 0;

    for (const FiscalJsonNode *element = _fiscal_json_first (sums); element; element = _fiscal_json_next (sums, element), i++)
      {
        Where item = WHERE_INDEX (&sums_where, i);
        FiscalFilter filter;

        if (!read_filter_node (self, element, &item, &filter, error))
          return FALSE;
        g_array_append_val (table->class_sums, filter);
      }

    if (i != n_amounts)
      return fail (error, FISCAL_ERROR_BAD_VALUE, &sums_where,
                   _("%u sums for %u amount columns right of the label"), i, n_amounts);
  }

  return TRUE;
}

/* ---- The sums between columns ------------------------------------------ */

/**
 * _fiscal_filter_is_within:
 *
 * Returns: whether every line @inner takes, @outer takes too
 */
gboolean
_fiscal_filter_is_within (const FiscalFilter *inner,
                          const FiscalFilter *outer)
{
  if (inner->profile >= 0 || outer->profile >= 0)
    return FALSE;
  return (inner->sources & ~outer->sources) == 0 && (inner->kinds & ~outer->kinds) == 0 &&
         (outer->klass == NULL || inner->klass == outer->klass) &&
         (outer->sangong == 0 || (inner->sangong != 0 && (inner->sangong & ~outer->sangong) == 0));
}

static gboolean
filters_overlap (const FiscalFilter *a,
                 const FiscalFilter *b)
{
  return (a->sources & b->sources) != 0 && (a->kinds & b->kinds) != 0 &&
         (a->klass == NULL || b->klass == NULL || a->klass == b->klass) &&
         (a->sangong == 0 || b->sangong == 0 || (a->sangong & b->sangong) != 0);
}

/* How many kinds of line a filter takes, counting the economic 类 of the
 * project columns as ten (the 类 a table gives a column each) and the
 * “三公” item as five (none and the four items). */
static guint64
filter_size (const FiscalFilter *f)
{
  return (guint64) __builtin_popcount (f->sources) * __builtin_popcount (f->kinds) *
         (f->klass ? 1 : 10) * (f->sangong ? __builtin_popcount (f->sangong) : 5);
}

/* @column's filter within @table's: the lines the column sums. */
FiscalFilter
_fiscal_filter_within_table (const FiscalFilter *column,
                             const FiscalFilter *table)
{
  FiscalFilter f = *column;

  f.sources &= table->sources;
  f.kinds &= table->kinds;
  if (f.klass == NULL)
    f.klass = table->klass;
  if (table->sangong != 0)
    f.sangong = f.sangong ? (f.sangong & table->sangong) : table->sangong;
  return f;
}

static int
compare_by_size (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  const FiscalFilter *filters = data;
  guint x = *(const guint *) a, y = *(const guint *) b;
  guint64 sx = filter_size (&filters[x]), sy = filter_size (&filters[y]);

  if (sx != sy)
    return sx > sy ? -1 : 1;
  return (int) x - (int) y;
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  return (int) *(const guint *) a - (int) *(const guint *) b;
}

/* The sums that hold between @n amount cells: for each cell, the fewest,
 * largest other cells whose lines together are exactly its own. */
static GArray *
find_sums (const FiscalFilter *filters,
           guint               n)
{
  GArray *sums = g_array_new (FALSE, TRUE, sizeof (FiscalColumnSum));

  for (guint p = 0; p < n; p++)
    {
      g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (guint));
      FiscalColumnSum sum = { p, 0, { 0 } };
      guint64 covered = 0;

      if (filters[p].profile >= 0)
        continue;
      for (guint c = 0; c < n; c++)
        if (c != p && _fiscal_filter_is_within (&filters[c], &filters[p]) &&
            filter_size (&filters[c]) < filter_size (&filters[p]))
          g_array_append_val (candidates, c);
      g_array_sort_with_data (candidates, compare_by_size, (gpointer) filters);

      for (guint i = 0; i < candidates->len && sum.n_children < G_N_ELEMENTS (sum.children); i++)
        {
          guint c = g_array_index (candidates, guint, i);
          gboolean overlaps = FALSE;

          for (guint k = 0; k < sum.n_children && !overlaps; k++)
            overlaps = filters_overlap (&filters[c], &filters[sum.children[k]]);
          if (overlaps)
            continue;
          sum.children[sum.n_children++] = c;
          covered += filter_size (&filters[c]);
        }

      if (sum.n_children >= 2 && covered == filter_size (&filters[p]))
        {
          qsort (sum.children, sum.n_children, sizeof (guint), compare_uint);
          g_array_append_val (sums, sum);
        }
    }

  return sums;
}

/* The sums between a table's columns, from their filters. */
static void
table_find_sums (FiscalFormatTable *table)
{
  FiscalFilter filters[MAX_ROWS_OR_COLUMNS];
  guint n = 0;

  if (table->layout == FISCAL_LAYOUT_BALANCE)
    {
      for (guint c = 0; c < table->class_sums->len; c++)
        filters[n++] = _fiscal_filter_within_table (&g_array_index (table->class_sums, FiscalFilter, c), &table->filter);
      table->left_sums = g_array_new (FALSE, TRUE, sizeof (FiscalColumnSum));
      table->right_sums = find_sums (filters, n);
      return;
    }

  for (guint i = 0; i < table->columns->len; i++)
    {
      const FiscalFormatColumn *column = &g_array_index (table->columns, FiscalFormatColumn, i);

      if (column->kind == FISCAL_COLUMN_AMOUNT)
        filters[n++] = _fiscal_filter_within_table (&column->sum, &table->filter);
    }
  table->left_sums = find_sums (filters, n);
  table->right_sums = g_array_new (FALSE, TRUE, sizeof (FiscalColumnSum));
}

static gboolean
read_table (FiscalFormat             *self,
            const FiscalJsonNode     *object,
            const Where              *where,
            const FiscalAmountStyle  *style,
            const char               *empty_note,
            gboolean                  empty_total,
            FiscalFormatTable       **out,
            GError                  **error)
{
  static const char * const keys[] = {
    "number", "national", "title", "aliases", "layout", "by", "code_in_name", "filter", "columns",
    "header", "numbering", "total", "income", "classes", "items", "empty", "empty_note",
    "empty_total", "unit", "decimals", "grouping", "zero", NULL
  };
  static const char * const layouts[] = {
    [FISCAL_LAYOUT_HIERARCHY] = "hierarchy", [FISCAL_LAYOUT_BALANCE] = "balance",
    [FISCAL_LAYOUT_PROJECTS] = "projects", [FISCAL_LAYOUT_ITEMS] = "items",
  };
  g_autoptr(GPtrArray) aliases = g_ptr_array_new_with_free_func (g_free);
  FiscalFormatTable *table = g_new0 (FiscalFormatTable, 1);
  Where layout_where = WHERE_KEY (where, "layout");
  Where by_where = WHERE_KEY (where, "by");
  Where total_where = WHERE_KEY (where, "total");
  Where aliases_where = WHERE_KEY (where, "aliases");
  const FiscalJsonNode *node;
  const char *title, *layout, *by = NULL, *empty = NULL, *note = NULL;
  guint numbering = G_MAXUINT;
  gboolean known = FALSE;

  table->columns = g_array_new (FALSE, TRUE, sizeof (FiscalFormatColumn));
  table->header = g_array_new (FALSE, TRUE, sizeof (FiscalFormatHeader));
  table->items = g_array_new (FALSE, TRUE, sizeof (FiscalFormatItem));
  table->class_sums = g_array_new (FALSE, TRUE, sizeof (FiscalFilter));
  table->style = *style;
  table->style.unit = g_strdup (style->unit);
  table->numbering = -1;
  table->empty_total = empty_total;
  *out = table;   /* freed by the caller on failure too */

  if (!check_keys (object, where, keys, error) ||
      !get_uint (object, where, "number", TRUE, 99, &table->number, error) ||
      !get_uint (object, where, "national", FALSE, 11, &table->national, error) ||
      !get_string (object, where, "title", TRUE, &title, error) ||
      !get_string (object, where, "layout", TRUE, &layout, error) ||
      !get_string (object, where, "by", FALSE, &by, error) ||
      !get_bool (object, where, "code_in_name", &table->code_in_name, error) ||
      !read_filter (self, object, where, "filter", &table->filter, error) ||
      !read_style (object, where, &table->style, error) ||
      !read_columns (self, table, object, where, error) ||
      !read_header (table, object, where, error) ||
      !get_uint (object, where, "numbering", FALSE, 16, &numbering, error) ||
      !get_string (object, where, "empty", FALSE, &empty, error) ||
      !get_string (object, where, "empty_note", FALSE, &note, error) ||
      !get_bool (object, where, "empty_total", &table->empty_total, error))
    return FALSE;

  table->title = g_strdup (title);
  table->empty = g_strdup (empty);
  table->empty_note = g_strdup (note ? note : empty_note);
  table->numbering = numbering == G_MAXUINT ? -1 : (int) numbering;

  for (guint l = 0; l < G_N_ELEMENTS (layouts); l++)
    if (g_str_equal (layout, layouts[l]))
      {
        table->layout = l;
        known = TRUE;
      }
  if (!known)
    return fail (error, FISCAL_ERROR_BAD_VALUE, &layout_where,
                 _("“%s” is not a layout (hierarchy, balance, projects or items)"), layout);

  if (by != NULL && !g_str_equal (by, "function") && !g_str_equal (by, "economic"))
    return fail (error, FISCAL_ERROR_BAD_VALUE, &by_where, _("“%s” is not function or economic"), by);
  table->economic = g_strcmp0 (by, "economic") == 0;

  if (!member (object, where, "aliases", FISCAL_JSON_ARRAY, FALSE, &node, error))
    return FALSE;
  for (const FiscalJsonNode *a = node ? _fiscal_json_first (node) : NULL; a; a = _fiscal_json_next (node, a))
    {
      if (a->type != FISCAL_JSON_STRING)
        return fail (error, FISCAL_ERROR_WRONG_TYPE, &aliases_where, _("expected %s, found %s"),
                     _("a string"), type_name (a));
      g_ptr_array_add (aliases, g_strdup (a->v.string));
    }
  g_ptr_array_add (aliases, NULL);
  table->aliases = (char **) g_ptr_array_steal (aliases, NULL);

  /* the total row: { "label", "position" } or a balance's
   * { "label", "sum", "right_label" } */
  if (!member (object, where, "total", FISCAL_JSON_OBJECT, table->layout != FISCAL_LAYOUT_ITEMS, &node, error))
    return FALSE;
  if (node != NULL)
    {
      static const char * const total_keys[] = { "label", "position", "sum", "right_label", NULL };
      const char *label, *position = NULL, *right = NULL;
      Where position_where = WHERE_KEY (&total_where, "position");

      if (!check_keys (node, &total_where, total_keys, error) ||
          !get_string (node, &total_where, "label", TRUE, &label, error) ||
          !get_string (node, &total_where, "position", FALSE, &position, error) ||
          !get_string (node, &total_where, "right_label", table->layout == FISCAL_LAYOUT_BALANCE, &right, error) ||
          !read_filter (self, node, &total_where, "sum", &table->total_sum, error))
        return FALSE;
      if (position != NULL && !g_str_equal (position, "top") && !g_str_equal (position, "bottom"))
        return fail (error, FISCAL_ERROR_BAD_VALUE, &position_where, _("“%s” is not top or bottom"), position);
      table->total_label = g_strdup (label);
      table->total_bottom = g_strcmp0 (position, "bottom") == 0;
      table->right_total_label = g_strdup (right);
    }

  switch (table->layout)
    {
    case FISCAL_LAYOUT_BALANCE:
      if (!read_items (self, table, object, where, "income", error) ||
          !read_classes (self, table, object, where, error))
        return FALSE;
      break;
    case FISCAL_LAYOUT_ITEMS:
      if (!read_items (self, table, object, where, "items", error))
        return FALSE;
      break;
    case FISCAL_LAYOUT_HIERARCHY:
    case FISCAL_LAYOUT_PROJECTS:
    default:
      break;
    }

  table_find_sums (table);
  return TRUE;
}

static gboolean
read_source_groups (FiscalFormat          *self,
                    const FiscalJsonNode  *root,
                    GError               **error)
{
  Where where = WHERE_KEY (NULL, "source_groups");
  const FiscalJsonNode *groups;

  if (!member (root, NULL, "source_groups", FISCAL_JSON_OBJECT, FALSE, &groups, error))
    return FALSE;

  for (const FiscalJsonNode *g = groups ? _fiscal_json_first (groups) : NULL; g; g = _fiscal_json_next (groups, g))
    {
      Where item = WHERE_KEY (&where, g->key);
      guint32 bits = 0, first = G_MAXUINT32;
      FiscalSource source;
      guint i = 0;

      if (g->type != FISCAL_JSON_ARRAY)
        return fail (error, FISCAL_ERROR_WRONG_TYPE, &item, _("expected %s, found %s"),
                     _("an array"), type_name (g));
      for (const FiscalJsonNode *s = _fiscal_json_first (g); s; s = _fiscal_json_next (g, s), i++)
        {
          Where element = WHERE_INDEX (&item, i);

          if (s->type != FISCAL_JSON_STRING || !fiscal_source_from_string (s->v.string, &source))
            return fail (error, FISCAL_ERROR_BAD_VALUE, &element, _("not a funding source"));
          bits |= 1u << source;
          if (first == G_MAXUINT32)
            first = source;
        }
      if (bits == 0)
        return fail (error, FISCAL_ERROR_BAD_VALUE, &item, _("names nothing"));
      if (fiscal_source_from_string (g->key, &source))
        return fail (error, FISCAL_ERROR_BAD_VALUE, &item, _("a group cannot be named as a source"));
      g_hash_table_insert (self->source_groups, g_strdup (g->key),
                           GUINT_TO_POINTER (bits | first << GROUP_FIRST_SHIFT));
    }

  return TRUE;
}

/* What an empty table says of itself, for the importer to know it. */
static gboolean
read_wordings (FiscalFormat          *self,
               const FiscalJsonNode  *root,
               GError               **error)
{
  Where where = WHERE_KEY (NULL, "empty_wordings");
  g_autoptr(GPtrArray) wordings = g_ptr_array_new_with_free_func (g_free);
  const FiscalJsonNode *array;
  guint i = 0;

  if (!member (root, NULL, "empty_wordings", FISCAL_JSON_ARRAY, FALSE, &array, error))
    return FALSE;
  for (const FiscalJsonNode *w = array ? _fiscal_json_first (array) : NULL; w; w = _fiscal_json_next (array, w), i++)
    {
      Where item = WHERE_INDEX (&where, i);

      if (w->type != FISCAL_JSON_STRING || *w->v.string == 0)
        return fail (error, FISCAL_ERROR_BAD_VALUE, &item, _("expected a wording"));
      g_ptr_array_add (wordings, g_strdup (w->v.string));
    }
  g_ptr_array_add (wordings, NULL);
  self->empty_wordings = (char **) g_ptr_array_steal (wordings, NULL);
  return TRUE;
}

static gboolean
read_format (FiscalFormat          *self,
             const FiscalJsonNode  *root,
             GError               **error)
{
  static const char * const keys[] = {
    "format", "version", "id", "name", "description", "unit", "decimals", "grouping", "zero",
    "empty_note", "empty_total", "empty_wordings", "source_groups", "tables", NULL
  };
  FiscalAmountStyle style = { NULL, FISCAL_FEN_PER_WAN, 2, FALSE, FISCAL_ZERO_BLANK };
  Where format_where = WHERE_KEY (NULL, "format");
  Where version_where = WHERE_KEY (NULL, "version");
  Where tables_where = WHERE_KEY (NULL, "tables");
  const FiscalJsonNode *tables, *element;
  const char *format, *id, *name, *description = NULL, *empty_note = NULL;
  guint version = 0, i;
  gboolean empty_total = FALSE;
  gboolean ok;

  if (root->type != FISCAL_JSON_OBJECT)
    return fail (error, FISCAL_ERROR_WRONG_TYPE, NULL, _("a format is a JSON object"));

  if (!get_string (root, NULL, "format", TRUE, &format, error))
    return FALSE;
  if (!g_str_equal (format, FORMAT_FILE_FORMAT))
    return fail (error, FISCAL_ERROR_UNKNOWN_FORMAT, &format_where, _("“%s” is not a disclosure format"), format);
  if (!get_uint (root, NULL, "version", TRUE, G_MAXINT, &version, error))
    return FALSE;
  if (version != 1)
    return fail (error, FISCAL_ERROR_UNKNOWN_VERSION, &version_where,
                 _("version %u cannot be read; this Fiscal reads version %d"), version, 1);

  style.unit = g_strdup ("万元");
  ok = check_keys (root, NULL, keys, error) &&
       get_string (root, NULL, "id", TRUE, &id, error) &&
       get_string (root, NULL, "name", TRUE, &name, error) &&
       get_string (root, NULL, "description", FALSE, &description, error) &&
       get_string (root, NULL, "empty_note", FALSE, &empty_note, error) &&
       get_bool (root, NULL, "empty_total", &empty_total, error) &&
       read_wordings (self, root, error) &&
       read_style (root, NULL, &style, error) &&
       read_source_groups (self, root, error) &&
       member (root, NULL, "tables", FISCAL_JSON_ARRAY, TRUE, &tables, error);
  if (!ok)
    {
      g_free ((char *) style.unit);
      return FALSE;
    }

  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->description = g_strdup (description);

  for (element = _fiscal_json_first (tables), i = 0; element; element = _fiscal_json_next (tables, element), i++)
    {
      Where item = WHERE_INDEX (&tables_where, i);
      FiscalFormatTable *table = NULL;

      if (element->type != FISCAL_JSON_OBJECT)
        ok = fail (error, FISCAL_ERROR_WRONG_TYPE, &item, _("expected %s, found %s"),
                   _("an object"), type_name (element));
      else
        ok = read_table (self, element, &item, &style, empty_note ? empty_note : "", empty_total, &table, error);

      if (table != NULL)
        g_ptr_array_add (self->tables, table);
      if (ok && fiscal_format_find_table (self, table->number) != table)
        ok = fail (error, FISCAL_ERROR_DUPLICATE_ID, &item, _("table %u is given twice"), table->number);
      if (!ok)
        break;
    }

  g_free ((char *) style.unit);
  if (ok && self->tables->len == 0)
    ok = fail (error, FISCAL_ERROR_BAD_VALUE, &tables_where, _("a format needs tables"));
  return ok;
}

/**
 * fiscal_format_new_from_data:
 * @data: the text of a format file
 *
 * Returns: (transfer full): the format, or %NULL with @error set in the
 *   %FISCAL_ERROR domain, its message naming the key path of the fault
 */
FiscalFormat *
fiscal_format_new_from_data (const char  *data,
                             gsize        length,
                             GError     **error)
{
  g_autoptr(FiscalFormat) self = NULL;
  g_autoptr(FiscalJsonTree) tree = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_set_error_literal (error, FISCAL_ERROR, FISCAL_ERROR_NOT_UTF8, _("the text is not UTF-8"));
      return NULL;
    }

  tree = _fiscal_json_tree_new_take (g_memdup2 (data ? data : "", length + 1), length, error);
  if (tree == NULL)
    return NULL;

  self = g_object_new (FISCAL_TYPE_FORMAT, NULL);
  if (!read_format (self, _fiscal_json_tree_root (tree), error))
    return NULL;

  return g_steal_pointer (&self);
}

/* ---- The built-in formats --------------------------------------------- */

static GHashTable *
builtin_formats (void)
{
  static GHashTable *formats;

  if (g_once_init_enter (&formats))
    {
      GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
      g_auto(GStrv) names = g_resources_enumerate_children (FORMAT_RESOURCE_DIR, 0, NULL);

      for (guint i = 0; names != NULL && names[i]; i++)
        {
          g_autofree char *path = g_build_path ("/", FORMAT_RESOURCE_DIR, names[i], NULL);
          g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
          g_autoptr(GError) error = NULL;
          FiscalFormat *format;
          gsize length;
          const char *data = bytes ? g_bytes_get_data (bytes, &length) : NULL;

          if (data == NULL)
            continue;
          format = fiscal_format_new_from_data (data, length, &error);
          /* The shipped formats are checked by the tests; one that is
           * broken is a bug, not a user's mistake. */
          if (format == NULL)
            g_critical ("%s: %s", names[i], error->message);
          else
            g_hash_table_insert (table, format->id, format);
        }

      g_once_init_leave (&formats, table);
    }

  return formats;
}

/**
 * fiscal_format_get:
 * @id: a built-in format's id, such as "national-11"
 *
 * Returns: (transfer none) (nullable): the format, kept for the life of
 *   the program, or %NULL when there is none of that id
 */
FiscalFormat *
fiscal_format_get (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (builtin_formats (), id);
}

static int
compare_formats (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 ((*(FiscalFormat **) a)->id, (*(FiscalFormat **) b)->id);
}

/**
 * fiscal_format_list:
 *
 * Returns: (transfer container) (element-type FiscalFormat): the built-in
 *   formats, by id
 */
GPtrArray *
fiscal_format_list (void)
{
  GPtrArray *list = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer format;

  g_hash_table_iter_init (&iter, builtin_formats ());
  while (g_hash_table_iter_next (&iter, NULL, &format))
    g_ptr_array_add (list, format);
  g_ptr_array_sort (list, compare_formats);
  return list;
}

const char *
fiscal_format_get_id (FiscalFormat *self)
{
  g_return_val_if_fail (FISCAL_IS_FORMAT (self), NULL);
  return self->id;
}

const char *
fiscal_format_get_name (FiscalFormat *self)
{
  g_return_val_if_fail (FISCAL_IS_FORMAT (self), NULL);
  return self->name;
}

const char *
fiscal_format_get_description (FiscalFormat *self)
{
  g_return_val_if_fail (FISCAL_IS_FORMAT (self), NULL);
  return self->description;
}

/* The wordings an empty table of this format may use ("本表无数据"). */
const char * const *
fiscal_format_get_empty_wordings (FiscalFormat *self)
{
  g_return_val_if_fail (FISCAL_IS_FORMAT (self), NULL);
  return (const char * const *) self->empty_wordings;
}

guint
fiscal_format_get_n_tables (FiscalFormat *self)
{
  g_return_val_if_fail (FISCAL_IS_FORMAT (self), 0);
  return self->tables->len;
}

/* The table at @index, in the order the format publishes them. */
const FiscalFormatTable *
fiscal_format_get_table (FiscalFormat *self,
                         guint         index)
{
  g_return_val_if_fail (FISCAL_IS_FORMAT (self), NULL);
  g_return_val_if_fail (index < self->tables->len, NULL);
  return g_ptr_array_index (self->tables, index);
}

/* The table the format numbers @number, or NULL. */
const FiscalFormatTable *
fiscal_format_find_table (FiscalFormat *self,
                          guint         number)
{
  g_return_val_if_fail (FISCAL_IS_FORMAT (self), NULL);

  for (guint i = 0; i < self->tables->len; i++)
    if (((FiscalFormatTable *) g_ptr_array_index (self->tables, i))->number == number)
      return g_ptr_array_index (self->tables, i);
  return NULL;
}

/* The table that stands for national table @national, or NULL. */
const FiscalFormatTable *
fiscal_format_find_national (FiscalFormat *self,
                             guint         national)
{
  g_return_val_if_fail (FISCAL_IS_FORMAT (self), NULL);

  for (guint i = 0; i < self->tables->len; i++)
    if (((FiscalFormatTable *) g_ptr_array_index (self->tables, i))->national == national)
      return g_ptr_array_index (self->tables, i);
  return NULL;
}

guint
fiscal_format_table_get_number (const FiscalFormatTable *table)
{
  return table->number;
}

guint
fiscal_format_table_get_national (const FiscalFormatTable *table)
{
  return table->national;
}

const char *
fiscal_format_table_get_title (const FiscalFormatTable *table)
{
  return table->title;
}

FiscalLayout
fiscal_format_table_get_layout (const FiscalFormatTable *table)
{
  return table->layout;
}

const FiscalAmountStyle *
fiscal_format_table_get_style (const FiscalFormatTable *table)
{
  return &table->style;
}

const char * const *
fiscal_format_table_get_aliases (const FiscalFormatTable *table)
{
  return (const char * const *) table->aliases;
}

/**
 * fiscal_amount_style_format:
 *
 * Returns: (transfer full): @fen as @style prints it: in its unit, rounded
 *   half away from zero to its decimals, grouped by thousands if it
 *   groups, and for zero "", "0" or "0.00" as it says
 */
char *
fiscal_amount_style_format (const FiscalAmountStyle *style,
                            gint64                   fen)
{
  g_return_val_if_fail (style != NULL, NULL);

  if (fen == 0)
    switch (style->zero)
      {
      case FISCAL_ZERO_BLANK: return g_strdup ("");
      case FISCAL_ZERO_DIGIT: return g_strdup ("0");
      case FISCAL_ZERO_DECIMALS:
      default:                break;
      }

  return fiscal_money_format_scaled (fen, style->divisor, style->decimals, style->grouping);
}
