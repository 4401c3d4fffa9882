/* fiscal-catalog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-catalog"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "fiscal-catalog.h"
#include "fiscal-error.h"

struct _FiscalCatalog
{
  GObject            parent_instance;

  FiscalCatalogKind  kind;
  int                year;
  char              *title;
  GArray            *items;     /* FiscalCatalogItem, sorted by code */
  GHashTable        *by_code;   /* interned code → index + 1 */
  GStringChunk      *strings;
};

G_DEFINE_FINAL_TYPE (FiscalCatalog, fiscal_catalog, G_TYPE_OBJECT)

#define CATALOG_RESOURCE_DIR "/io/github/fiscalapp/Fiscal/catalogs/"

static void
fiscal_catalog_finalize (GObject *object)
{
  FiscalCatalog *self = (FiscalCatalog *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->by_code, g_hash_table_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);

  G_OBJECT_CLASS (fiscal_catalog_parent_class)->finalize (object);
}

static void
fiscal_catalog_class_init (FiscalCatalogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fiscal_catalog_finalize;
}

static void
fiscal_catalog_init (FiscalCatalog *self)
{
  self->items = g_array_new (FALSE, TRUE, sizeof (FiscalCatalogItem));
  self->by_code = g_hash_table_new (NULL, NULL);
  self->strings = g_string_chunk_new (4096);
}

/**
 * fiscal_catalog_code_level:
 *
 * Returns: 1 for a 类 code, 2 for a 款, 3 for a 项 (function catalogue
 *   only), 0 when @code is not a well-formed code of @kind.
 */
guint
fiscal_catalog_code_level (FiscalCatalogKind  kind,
                           const char        *code)
{
  gsize len;

  if (code == NULL)
    return 0;

  for (len = 0; code[len]; len++)
    if (!g_ascii_isdigit (code[len]))
      return 0;

  switch (len)
    {
    case 3: return 1;
    case 5: return 2;
    case 7: return kind == FISCAL_CATALOG_FUNCTION ? 3 : 0;
    default: return 0;
    }
}

/**
 * fiscal_catalog_code_prefix:
 *
 * Returns: (transfer full) (nullable): the first 3 (@level 1), 5 (@level 2)
 *   or 7 (@level 3) characters of @code, or %NULL if it is shorter.
 */
char *
fiscal_catalog_code_prefix (const char *code,
                            guint       level)
{
  gsize want = 1 + 2 * level;

  g_return_val_if_fail (level >= 1 && level <= 3, NULL);

  if (code == NULL || strlen (code) < want)
    return NULL;

  return g_strndup (code, want);
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  return strcmp (((const FiscalCatalogItem *) a)->code,
                 ((const FiscalCatalogItem *) b)->code);
}

/**
 * fiscal_sangong_from_string:
 * @str: the name a data file gives a “三公” item: "abroad", "reception",
 *   "vehicle-operation" or "vehicle-purchase"
 *
 * Returns: whether @str names one
 */
gboolean
fiscal_sangong_from_string (const char    *str,
                            FiscalSangong *out)
{
  static const char * const names[] = {
    [FISCAL_SANGONG_ABROAD] = "abroad",
    [FISCAL_SANGONG_RECEPTION] = "reception",
    [FISCAL_SANGONG_VEHICLE_OPERATION] = "vehicle-operation",
    [FISCAL_SANGONG_VEHICLE_PURCHASE] = "vehicle-purchase",
  };

  for (guint i = FISCAL_SANGONG_ABROAD; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (str, names[i]) == 0)
      {
        *out = i;
        return TRUE;
      }

  return FALSE;
}

/**
 * fiscal_catalog_new_from_bytes:
 * @bytes: a catalogue in the JSON layout of data/catalogs/
 *
 * Returns: (transfer full): the catalogue, or %NULL with @error set when
 *   the data is not a well-formed catalogue.
 */
FiscalCatalog *
fiscal_catalog_new_from_bytes (GBytes  *bytes,
                               GError **error)
{
  g_autoptr(FiscalCatalog) self = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  JsonObject *root;
  JsonArray *items;
  const char *kind;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  g_return_val_if_fail (bytes != NULL, NULL);

  if (!json_parser_load_from_data (parser, data, len, &local_error))
    {
      g_set_error (error, FISCAL_ERROR, FISCAL_ERROR_NOT_JSON,
                   _("The catalogue is not valid JSON: %s"), local_error->message);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    goto bad;

  root = json_node_get_object (json_parser_get_root (parser));
  kind = json_object_get_string_member_with_default (root, "catalog", NULL);
  if (!json_object_has_member (root, "items") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "items")))
    goto bad;

  self = g_object_new (FISCAL_TYPE_CATALOG, NULL);
  if (g_strcmp0 (kind, "function") == 0)
    self->kind = FISCAL_CATALOG_FUNCTION;
  else if (g_strcmp0 (kind, "economic") == 0)
    self->kind = FISCAL_CATALOG_ECONOMIC;
  else
    goto bad;

  self->year = json_object_get_int_member_with_default (root, "year", 0);
  self->title = g_strdup (json_object_get_string_member_with_default (root, "title", ""));

  items = json_object_get_array_member (root, "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      JsonObject *obj;
      FiscalCatalogItem item = { 0 };
      const char *code;
      const char *name;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        goto bad;

      obj = json_node_get_object (node);
      code = json_object_get_string_member_with_default (obj, "code", NULL);
      name = json_object_get_string_member_with_default (obj, "name", NULL);
      item.level = fiscal_catalog_code_level (self->kind, code);
      if (item.level == 0 || name == NULL)
        {
          g_set_error (error, FISCAL_ERROR, FISCAL_ERROR_BAD_VALUE,
                       _("Catalogue item %u has a bad code or no name"), i);
          return NULL;
        }

      item.code = g_intern_string (code);
      item.name = g_string_chunk_insert (self->strings, name);
      if (item.level > 1)
        {
          g_autofree char *parent = fiscal_catalog_code_prefix (code, item.level - 1);
          item.parent = g_intern_string (parent);
        }

      if (json_object_has_member (obj, "sangong") &&
          !fiscal_sangong_from_string (json_object_get_string_member_with_default (obj, "sangong", NULL),
                                &item.sangong))
        {
          g_set_error (error, FISCAL_ERROR, FISCAL_ERROR_BAD_VALUE,
                       _("Catalogue item %s has an unknown 三公 mark"), code);
          return NULL;
        }

      if (json_object_has_member (obj, "budget"))
        {
          const char *budget = json_object_get_string_member_with_default (obj, "budget", NULL);

          if (g_strcmp0 (budget, "fund") == 0)
            item.budget = FISCAL_BUDGET_FUND;
          else if (g_strcmp0 (budget, "capital") == 0)
            item.budget = FISCAL_BUDGET_CAPITAL;
          else
            {
              g_set_error (error, FISCAL_ERROR, FISCAL_ERROR_BAD_VALUE,
                           _("Catalogue item %s has an unknown budget"), code);
              return NULL;
            }
        }

      g_array_append_val (self->items, item);
    }

  g_array_sort (self->items, compare_items);

  for (guint i = 0; i < self->items->len; i++)
    {
      const FiscalCatalogItem *item = &g_array_index (self->items, FiscalCatalogItem, i);

      if (g_hash_table_contains (self->by_code, item->code))
        {
          g_set_error (error, FISCAL_ERROR, FISCAL_ERROR_DUPLICATE_ID,
                       _("Catalogue code %s is listed twice"), item->code);
          return NULL;
        }
      g_hash_table_insert (self->by_code, (gpointer) item->code, GUINT_TO_POINTER (i + 1));
    }

  for (guint i = 0; i < self->items->len; i++)
    {
      const FiscalCatalogItem *item = &g_array_index (self->items, FiscalCatalogItem, i);

      if (item->parent != NULL && !g_hash_table_contains (self->by_code, item->parent))
        {
          g_set_error (error, FISCAL_ERROR, FISCAL_ERROR_UNKNOWN_REFERENCE,
                       _("Catalogue code %s has no parent %s"), item->code, item->parent);
          return NULL;
        }
    }

  return g_steal_pointer (&self);

bad:
  g_set_error (error, FISCAL_ERROR, FISCAL_ERROR_WRONG_TYPE,
               _("The catalogue does not have the catalogue layout"));
  return NULL;
}

static int
available_year (FiscalCatalogKind kind,
                int               year)
{
  const char *prefix = kind == FISCAL_CATALOG_FUNCTION ? "function-" : "economic-";
  g_auto(GStrv) names = NULL;
  int best_below = 0;
  int best_above = 0;

  names = g_resources_enumerate_children (CATALOG_RESOURCE_DIR, 0, NULL);
  for (guint i = 0; names != NULL && names[i]; i++)
    {
      int y;

      if (!g_str_has_prefix (names[i], prefix) || !g_str_has_suffix (names[i], ".json"))
        continue;

      y = atoi (names[i] + strlen (prefix));
      if (y <= year && y > best_below)
        best_below = y;
      else if (y > year && (best_above == 0 || y < best_above))
        best_above = y;
    }

  return best_below ? best_below : best_above;
}

/**
 * fiscal_catalog_get_for_year:
 *
 * Gets the shipped catalogue of @kind for @year: that year's if Fiscal has
 * it, otherwise the newest earlier one, otherwise the oldest later one.
 * fiscal_catalog_get_year() tells which was taken. Catalogues are loaded
 * once and shared.
 *
 * Returns: (transfer full): the catalogue, or %NULL with @error set
 */
FiscalCatalog *
fiscal_catalog_get_for_year (FiscalCatalogKind   kind,
                             int                 year,
                             GError            **error)
{
  static GHashTable *cache;
  G_LOCK_DEFINE_STATIC (cache);
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  FiscalCatalog *catalog;
  int found;

  found = available_year (kind, year);
  if (found == 0)
    {
      g_set_error (error, FISCAL_ERROR, FISCAL_ERROR_NO_CATALOG,
                   _("No classification catalogue is available for %d"), year);
      return NULL;
    }

  path = g_strdup_printf (CATALOG_RESOURCE_DIR "%s-%d.json",
                          kind == FISCAL_CATALOG_FUNCTION ? "function" : "economic",
                          found);

  G_LOCK (cache);
  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  catalog = g_hash_table_lookup (cache, path);
  if (catalog != NULL)
    {
      g_object_ref (catalog);
      G_UNLOCK (cache);
      return catalog;
    }

  bytes = g_resources_lookup_data (path, 0, error);
  if (bytes != NULL)
    catalog = fiscal_catalog_new_from_bytes (bytes, error);
  if (catalog != NULL)
    g_hash_table_insert (cache, g_strdup (path), g_object_ref (catalog));
  G_UNLOCK (cache);

  return catalog;
}

FiscalCatalogKind
fiscal_catalog_get_kind (FiscalCatalog *self)
{
  g_return_val_if_fail (FISCAL_IS_CATALOG (self), 0);
  return self->kind;
}

int
fiscal_catalog_get_year (FiscalCatalog *self)
{
  g_return_val_if_fail (FISCAL_IS_CATALOG (self), 0);
  return self->year;
}

const char *
fiscal_catalog_get_title (FiscalCatalog *self)
{
  g_return_val_if_fail (FISCAL_IS_CATALOG (self), NULL);
  return self->title;
}

guint
fiscal_catalog_get_n_items (FiscalCatalog *self)
{
  g_return_val_if_fail (FISCAL_IS_CATALOG (self), 0);
  return self->items->len;
}

/**
 * fiscal_catalog_get_item:
 *
 * Returns: (transfer none): the item at @position in code order
 */
const FiscalCatalogItem *
fiscal_catalog_get_item (FiscalCatalog *self,
                         guint          position)
{
  g_return_val_if_fail (FISCAL_IS_CATALOG (self), NULL);
  g_return_val_if_fail (position < self->items->len, NULL);

  return &g_array_index (self->items, FiscalCatalogItem, position);
}

/**
 * fiscal_catalog_lookup:
 *
 * Returns: (transfer none) (nullable): the item with @code, or %NULL if the
 *   catalogue has no such code
 */
const FiscalCatalogItem *
fiscal_catalog_lookup (FiscalCatalog *self,
                       const char    *code)
{
  GQuark quark;
  guint pos;

  g_return_val_if_fail (FISCAL_IS_CATALOG (self), NULL);

  /* Every catalogue code is interned; a string that is not cannot be one,
   * and looking it up must not intern it (completion looks up every
   * prefix the user types). */
  if (code == NULL || (quark = g_quark_try_string (code)) == 0)
    return NULL;

  pos = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_code, g_quark_to_string (quark)));
  if (pos == 0)
    return NULL;

  return &g_array_index (self->items, FiscalCatalogItem, pos - 1);
}

/**
 * fiscal_catalog_get_name:
 *
 * Returns: (nullable): the name of @code, or %NULL if it is unknown
 */
const char *
fiscal_catalog_get_name (FiscalCatalog *self,
                         const char    *code)
{
  const FiscalCatalogItem *item = fiscal_catalog_lookup (self, code);

  return item ? item->name : NULL;
}

/**
 * fiscal_catalog_get_children:
 * @code: (nullable): a code, or %NULL for the 类
 *
 * Returns: (transfer container) (element-type FiscalCatalogItem): the
 *   direct children of @code in code order
 */
GPtrArray *
fiscal_catalog_get_children (FiscalCatalog *self,
                             const char    *code)
{
  GPtrArray *children = g_ptr_array_new ();
  const char *parent = NULL;

  g_return_val_if_fail (FISCAL_IS_CATALOG (self), children);

  if (code != NULL)
    {
      GQuark quark = g_quark_try_string (code);

      if (quark == 0)
        return children;
      parent = g_quark_to_string (quark);
    }

  for (guint i = 0; i < self->items->len; i++)
    {
      const FiscalCatalogItem *item = &g_array_index (self->items, FiscalCatalogItem, i);

      if (item->parent == parent)
        g_ptr_array_add (children, (gpointer) item);
    }

  return children;
}

/**
 * fiscal_catalog_resolve:
 * @text: a code, or the name of one or a unique part of it
 * @min_level: the least level accepted (3 for a function 项)
 * @error_message: (out) (optional): why nothing was found
 *
 * Finds what a user typed: a code, its name, the start of a code or a part
 * of a name, Chinese included, as long as only one item fits.
 *
 * Returns: (nullable): the item
 */
const FiscalCatalogItem *
fiscal_catalog_resolve (FiscalCatalog  *self,
                        const char     *text,
                        guint           min_level,
                        char          **error_message)
{
  const FiscalCatalogItem *item;
  const FiscalCatalogItem *found = NULL;
  guint n_found = 0;
  g_autofree char *message = NULL;

  g_return_val_if_fail (FISCAL_IS_CATALOG (self), NULL);

  if (text == NULL || *text == 0)
    message = g_strdup (_("No code was given"));
  else if ((item = fiscal_catalog_lookup (self, text)) != NULL)
    {
      if (item->level >= min_level)
        return item;
      message = g_strdup_printf (_("%s %s is not at 项 level"), item->code, item->name);
    }
  else
    {
      const FiscalCatalogItem *exact = NULL;
      guint n_exact = 0;

      for (guint i = 0; i < self->items->len; i++)
        {
          const FiscalCatalogItem *candidate = &g_array_index (self->items, FiscalCatalogItem, i);

          if (candidate->level < min_level)
            continue;
          if (g_str_equal (candidate->name, text))
            {
              exact = candidate;
              n_exact++;
            }
          if (strstr (candidate->name, text) != NULL || g_str_has_prefix (candidate->code, text))
            {
              found = candidate;
              n_found++;
            }
        }

      /* A whole name decides unless several items bear it (事业运行 is a
       * 项 of many 款). */
      if (n_exact == 1)
        return exact;
      if (n_exact > 1)
        n_found = n_exact;
      else if (n_found == 1)
        return found;

      if (n_found > 1)
        message = g_strdup_printf (_("“%s” matches %u codes; type more of it"), text, n_found);
      else
        message = g_strdup_printf (_("“%s” is not a code of the %d catalogue"), text, self->year);
    }

  if (error_message != NULL)
    *error_message = g_steal_pointer (&message);
  return NULL;
}
