/* test-json-reader.c
 *
 * The budget file's JSON reader: the values it gives for valid text are
 * json-glib's (compared value by value), every fault is named by its line
 * and column, and a budget loads the same whatever its layout or escapes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "fiscal-error.h"
#include "fiscal-json-reader.h"
#include "fiscal-test-util.h"

static FiscalJsonTree *
read_text (const char  *text,
           gssize       length,
           GError     **error)
{
  gsize len = length < 0 ? strlen (text) : (gsize) length;

  return _fiscal_json_tree_new_take (g_strndup (text, len), len, error);
}

/* Asserts that @ours holds the same value as json-glib's @theirs. */
static void
assert_same_value (const FiscalJsonNode *ours,
                   JsonNode             *theirs)
{
  switch (json_node_get_node_type (theirs))
    {
    case JSON_NODE_NULL:
      g_assert_cmpint (ours->type, ==, FISCAL_JSON_NULL);
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (theirs))
        {
        case G_TYPE_STRING:
          g_assert_cmpint (ours->type, ==, FISCAL_JSON_STRING);
          g_assert_cmpstr (ours->v.string, ==, json_node_get_string (theirs));
          break;
        case G_TYPE_BOOLEAN:
          g_assert_cmpint (ours->type, ==, FISCAL_JSON_BOOLEAN);
          g_assert_cmpint (!!ours->v.boolean, ==, !!json_node_get_boolean (theirs));
          break;
        case G_TYPE_INT64:
          g_assert_cmpint (ours->type, ==, FISCAL_JSON_INTEGER);
          g_assert_cmpint (ours->v.integer, ==, json_node_get_int (theirs));
          break;
        case G_TYPE_DOUBLE:
          g_assert_cmpint (ours->type, ==, FISCAL_JSON_NUMBER);
          break;
        default:
          g_assert_not_reached ();
        }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (theirs);
        const FiscalJsonNode *element = _fiscal_json_first (ours);

        g_assert_cmpint (ours->type, ==, FISCAL_JSON_ARRAY);
        g_assert_cmpuint (ours->v.length, ==, json_array_get_length (array));
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            g_assert_nonnull (element);
            g_assert_null (element->key);
            assert_same_value (element, json_array_get_element (array, i));
            element = _fiscal_json_next (ours, element);
          }
        g_assert_null (element);
      }
      break;

    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (theirs);
        g_autoptr(GList) members = json_object_get_members (object);
        guint n = 0;

        g_assert_cmpint (ours->type, ==, FISCAL_JSON_OBJECT);
        for (GList *l = members; l; l = l->next)
          {
            const FiscalJsonNode *member = _fiscal_json_member (ours, l->data);

            g_assert_nonnull (member);
            g_assert_cmpstr (member->key, ==, l->data);
            assert_same_value (member, json_object_get_member (object, l->data));
          }
        for (const FiscalJsonNode *child = _fiscal_json_first (ours); child; child = _fiscal_json_next (ours, child))
          {
            g_assert_nonnull (child->key);
            g_assert_true (json_object_has_member (object, child->key));
            n++;
          }
        g_assert_cmpuint (n, ==, ours->v.length);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
assert_same_as_json_glib (const char *text,
                          gssize      length)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(FiscalJsonTree) tree = NULL;
  g_autoptr(GError) error = NULL;

  tree = read_text (text, length, &error);
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, text, length, &error));
  g_assert_no_error (error);
  assert_same_value (_fiscal_json_tree_root (tree), json_parser_get_root (parser));
}

static void
test_values (void)
{
  static const char * const texts[] = {
    "{}",
    "[]",
    "  \n\t{ }\r\n",
    "0",
    "-0",
    "\"\"",
    "true",
    "false",
    "null",
    "[1, -2, 3.5, -0.25, 1e3, 2E-2, 1.5e+10, 0.0]",
    "{\"a\": 1, \"b\": [true, false, null], \"c\": {\"d\": \"e\"}, \"\": \"empty key\"}",
    "{\"escapes\": \"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"}",
    "{\"units\": \"\\u4e2d\\u6587 \\u00e9 \\u0041\\u007f \\u20AC\"}",
    "{\"pair\": \"\\ud83d\\ude00 and \\uD834\\uDD1E\"}",
    "{\"raw\": \"中文 ☃ 😀 in place\", \"键\": \"值\"}",
    "{\"\\u952e\": \"an escaped key\", \"k\\\"q\": 1}",
    "[[], {}, [[]], [{}], {\"a\": []}]",
    "{\"same\": {\"same\": 1}, \"other\": [{\"same\": 2}, {\"same\": 3}]}",
    "{\"lines\": [{\"id\": \"l1\", \"amount\": \"1.00\"}, {\"id\": \"l2\", \"amount\": \"-0.01\"}]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_test_message ("%s", texts[i]);
      assert_same_as_json_glib (texts[i], -1);
    }
}

static void
assert_fault (const char *text,
              gssize      length,
              int         code,
              const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FiscalJsonTree) tree = read_text (text, length, &error);

  g_assert_null (tree);
  g_assert_error (error, FISCAL_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

/* A key given twice in one object is refused at the second, in objects of
 * a few members (compared one by one) and of many (through a hash); the
 * same key in different objects is no fault. */
static void
test_duplicate_key (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FiscalJsonTree) tree = read_text ("{\"a\": 1, \"b\": 2, \"ab\": {\"a\": 3}, \"\": 4}", -1, &error);
  const FiscalJsonNode *root;

  g_assert_no_error (error);
  root = _fiscal_json_tree_root (tree);
  g_assert_cmpuint (root->v.length, ==, 4);
  g_assert_cmpint (_fiscal_json_member (root, "a")->v.integer, ==, 1);
  g_assert_cmpint (_fiscal_json_member (root, "b")->v.integer, ==, 2);
  g_assert_cmpint (_fiscal_json_member (_fiscal_json_member (root, "ab"), "a")->v.integer, ==, 3);
  g_assert_cmpint (_fiscal_json_member (root, "")->v.integer, ==, 4);
  g_assert_null (_fiscal_json_member (root, "c"));

  assert_fault ("{\"a\": 1, \"b\": 2, \"a\": 3}", -1, FISCAL_ERROR_DUPLICATE_KEY,
                "line 1, column 18: the key “a” is given a second time in the same object");
  assert_fault ("{\n  \"year\": 2024,\n  \"year\": 2025\n}", -1, FISCAL_ERROR_DUPLICATE_KEY,
                "line 3, column 3: the key “year” is given a second time in the same object");
  assert_fault ("{\"\": 1, \"\": 2}", -1, FISCAL_ERROR_DUPLICATE_KEY,
                "line 1, column 9: the key “” is given a second time in the same object");
  /* The same key however it is written; the column is the second's as
   * written. */
  assert_fault ("{\"预算\": 1, \"\\u9884\\u7b97\": 2}", -1, FISCAL_ERROR_DUPLICATE_KEY,
                "line 1, column 11: the key “预算” is given a second time in the same object");
  /* In an inner object, before a fault later in the text. */
  assert_fault ("[{\"x\": {\"k\": [], \"k\": {}}}, oops]", -1, FISCAL_ERROR_DUPLICATE_KEY,
                "line 1, column 18: the key “k” is given a second time in the same object");
  /* A key as long as a line is shown by its start. */
  {
    g_autoptr(GString) long_key = g_string_new (NULL);
    g_autofree char *text = NULL;
    g_autofree char *message = NULL;

    for (guint i = 0; i < 1000; i++)
      g_string_append (long_key, "键");
    text = g_strdup_printf ("{\"%s\": 1, \"%s\": 2}", long_key->str, long_key->str);
    g_string_truncate (long_key, 60 * strlen ("键"));
    message = g_strdup_printf ("line 1, column 1009: the key “%s…” is given a second time in the same object",
                               long_key->str);
    assert_fault (text, -1, FISCAL_ERROR_DUPLICATE_KEY, message);
  }

  /* Objects of many members, the second of a key at each place. */
  for (guint n = 15; n <= 1000; n = n < 40 ? n + 1 : n * 5)
    {
      g_autoptr(GString) text = g_string_new ("{");
      g_autoptr(FiscalJsonTree) many = NULL;

      for (guint i = 0; i < n; i++)
        g_string_append_printf (text, "%s\n\"k%u\": %u", i ? "," : "", i, i);
      g_string_append (text, "}");

      g_clear_error (&error);
      many = read_text (text->str, text->len, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (_fiscal_json_tree_root (many)->v.length, ==, n);
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *key = g_strdup_printf ("k%u", i);
          g_assert_cmpint (_fiscal_json_member (_fiscal_json_tree_root (many), key)->v.integer, ==, i);
        }

      for (guint twice = 0; twice < n; twice += 1 + n / 7)
        {
          g_autoptr(GString) dup = g_string_new (text->str);
          g_autofree char *message = g_strdup_printf ("line %u, column 1: the key “k%u” is given a second time in the same object",
                                                      n + 2, twice);

          g_string_truncate (dup, dup->len - 1);
          g_string_append_printf (dup, ",\n\"k%u\": 0,\n\"k%u\": 0}", twice, n + twice);
          g_test_message ("%u members, k%u twice", n, twice);
          assert_fault (dup->str, dup->len, FISCAL_ERROR_DUPLICATE_KEY, message);
        }
    }
}

/* A byte order mark at the start is passed over, and lines and columns
 * count from after it; anywhere else it is a fault. */
static void
test_byte_order_mark (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FiscalJsonTree) tree = read_text ("\xEF\xBB\xBF{\"a\": [1]}", -1, &error);

  g_assert_no_error (error);
  g_assert_cmpint (_fiscal_json_first (_fiscal_json_member (_fiscal_json_tree_root (tree), "a"))->v.integer, ==, 1);

  assert_fault ("\xEF\xBB\xBF[1 2]", -1, FISCAL_ERROR_NOT_JSON, "line 1, column 4: not JSON: expected “,” or “]”");
  assert_fault ("\xEF\xBB\xBF{\n \"a\": 1,\n \"a\": 2}", -1, FISCAL_ERROR_DUPLICATE_KEY,
                "line 3, column 2: the key “a” is given a second time in the same object");
  assert_fault ("\xEF\xBB\xBF", -1, FISCAL_ERROR_NOT_JSON, "line 1, column 1: not JSON: unexpected end of file");
  assert_fault ("\xEF\xBB\xBF\xEF\xBB\xBF[]", -1, FISCAL_ERROR_NOT_JSON, "line 1, column 1: not JSON: unexpected character");
  assert_fault ("[\xEF\xBB\xBF]", -1, FISCAL_ERROR_NOT_JSON, "line 1, column 2: not JSON: unexpected character");
  assert_fault ("\xEF\xBB", -1, FISCAL_ERROR_NOT_JSON, "line 1, column 1: not JSON: unexpected character");
}

/* No more values are read than the ceiling; the fault is at the first
 * value past it, whatever kind it is. */
static void
test_node_ceiling (void)
{
  static const char * const values[] = { "0", "-12.5", "\"x\"", "\"\\u0041\"", "true", "null", "[]", "{}" };

  for (guint v = 0; v < G_N_ELEMENTS (values); v++)
    {
      g_autoptr(GString) text = g_string_new ("[");
      g_autoptr(GError) error = NULL;
      g_autoptr(FiscalJsonTree) tree = NULL;
      g_autofree char *message = NULL;
      gsize fault_column;

      /* The array and 999 values: just the ceiling. */
      for (guint i = 0; i < 999; i++)
        g_string_append_printf (text, "%s%s", i ? "," : "", values[v]);
      g_string_append_c (text, ']');

      tree = _fiscal_json_tree_new_take_full (g_strndup (text->str, text->len), text->len, 1000, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (_fiscal_json_tree_root (tree)->size, ==, 1000);
      g_assert_cmpuint (_fiscal_json_tree_root (tree)->v.length, ==, 999);
      g_clear_pointer (&tree, _fiscal_json_tree_free);

      /* One more is refused where it starts. */
      g_string_truncate (text, text->len - 1);
      g_string_append_c (text, ',');
      fault_column = text->len + 1;
      g_string_append_printf (text, "%s]", values[v]);
      tree = _fiscal_json_tree_new_take_full (g_strndup (text->str, text->len), text->len, 1000, &error);
      g_assert_null (tree);
      g_assert_error (error, FISCAL_ERROR, FISCAL_ERROR_TOO_LARGE);
      message = g_strdup_printf ("line 1, column %" G_GSIZE_FORMAT ": the file has more than 1000 values "
                                 "(numbers, texts, objects and arrays), more than a budget file may have",
                                 fault_column);
      g_assert_cmpstr (error->message, ==, message);
    }

  /* Members of objects count as well. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(FiscalJsonTree) tree = _fiscal_json_tree_new_take_full (g_strdup ("{\"a\": {\"b\": 1}}"), 15, 2, &error);

    g_assert_null (tree);
    g_assert_error (error, FISCAL_ERROR, FISCAL_ERROR_TOO_LARGE);
    g_assert_true (g_str_has_prefix (error->message, "line 1, column 13: the file has more than 2 values"));
  }
}

/* A text larger than a budget file may be is refused by its length. */
static void
test_size_ceiling (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  g_assert_cmpuint (FISCAL_JSON_MAX_BYTES, ==, 512 * 1024 * 1024);
  g_assert_true (_fiscal_json_check_size (FISCAL_JSON_MAX_BYTES, &error));
  g_assert_no_error (error);
  g_assert_true (_fiscal_json_check_size (0, &error));
  g_assert_false (_fiscal_json_check_size (FISCAL_JSON_MAX_BYTES + 1, &error));
  g_assert_error (error, FISCAL_ERROR, FISCAL_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "the file has 536870913 bytes, more than the 512 MiB a budget file may have");
  g_clear_error (&error);

  g_assert_false (_fiscal_json_check_size (G_MAXUINT64, &error));
  g_assert_error (error, FISCAL_ERROR, FISCAL_ERROR_TOO_LARGE);
  message = g_strdup_printf ("the file has %" G_GUINT64_FORMAT " bytes, more than the 512 MiB a budget file may have",
                             G_MAXUINT64);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_numbers (void)
{
  /* @value is the overflow of what is no integer: 1 or -1 for a whole
   * number beyond a gint64, 0 for one with a fraction or exponent. */
  static const struct {
    const char *text;
    gboolean    integer;
    gint64      value;
  } cases[] = {
    { "9223372036854775807",   TRUE,  G_MAXINT64 },
    { "-9223372036854775808",  TRUE,  G_MININT64 },
    { "9223372036854775808",   FALSE, 1 },
    { "-9223372036854775809",  FALSE, -1 },
    { "18446744073709551615",  FALSE, 1 },
    { "18446744073709551616",  FALSE, 1 },
    { "99999999999999999999999999999", FALSE, 1 },
    { "-1234567890123456789012345678901234567890", FALSE, -1 },
    { "-0",                    TRUE,  0 },
    { "0",                     TRUE,  0 },
    { "2025",                  TRUE,  2025 },
    { "-17",                   TRUE,  -17 },
    { "2025.0",                FALSE, 0 },
    { "2025e0",                FALSE, 0 },
    { "1E400",                 FALSE, 0 },
    { "99999999999999999999.5", FALSE, 0 },
    { "-99999999999999999999e1", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("[%s]", cases[i].text);
      g_autoptr(GError) error = NULL;
      g_autoptr(FiscalJsonTree) tree = read_text (text, -1, &error);
      const FiscalJsonNode *number;

      g_test_message ("%s", cases[i].text);
      g_assert_no_error (error);
      number = _fiscal_json_first (_fiscal_json_tree_root (tree));
      if (cases[i].integer)
        {
          g_assert_cmpint (number->type, ==, FISCAL_JSON_INTEGER);
          g_assert_cmpint (number->v.integer, ==, cases[i].value);
        }
      else
        {
          g_assert_cmpint (number->type, ==, FISCAL_JSON_NUMBER);
          g_assert_cmpint (number->v.overflow, ==, cases[i].value);
        }
    }
}

static void
test_deep_nesting (void)
{
  g_autoptr(GString) ok = g_string_new (NULL);
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(FiscalJsonTree) tree = NULL;
  g_autoptr(GError) error = NULL;
  const FiscalJsonNode *node;
  guint depth = 0;

  /* 256 levels are read, 257 are not. */
  for (guint i = 0; i < 256; i++)
    g_string_append (ok, i % 2 ? "{\"k\": " : "[");
  g_string_append (ok, "null");
  for (guint i = 256; i-- > 0;)
    g_string_append (ok, i % 2 ? "}" : "]");

  assert_same_as_json_glib (ok->str, ok->len);
  tree = read_text (ok->str, ok->len, &error);
  g_assert_no_error (error);
  for (node = _fiscal_json_tree_root (tree); node->type != FISCAL_JSON_NULL; node = _fiscal_json_first (node))
    {
      depth++;
      g_assert_cmpuint (node->size, ==, 258 - depth);
      g_assert_cmpuint (node->v.length, ==, 1);
    }
  g_assert_cmpuint (depth, ==, 256);
  g_assert_cmpstr (node->key, ==, "k");

  g_string_append (deep, "\n  ");
  for (guint i = 0; i < 257; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 257; i++)
    g_string_append_c (deep, ']');
  g_clear_pointer (&tree, _fiscal_json_tree_free);
  tree = read_text (deep->str, deep->len, &error);
  g_assert_null (tree);
  g_assert_error (error, FISCAL_ERROR, FISCAL_ERROR_NOT_JSON);
  g_assert_cmpstr (error->message, ==, "line 2, column 259: not JSON: nested too deeply");
}

static void
test_huge_string (void)
{
  g_autoptr(GString) text = g_string_new ("{\"note\": \"");
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(FiscalJsonTree) tree = NULL;
  g_autoptr(GError) error = NULL;

  /* Four megabytes of text, half of it escaped. */
  for (guint i = 0; i < 200000; i++)
    {
      g_string_append (text, "预算\\u9884\\u7b97\\n");
      g_string_append (expected, "预算预算\n");
    }
  g_string_append (text, "\", \"after\": [1]}");

  tree = read_text (text->str, text->len, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (_fiscal_json_member (_fiscal_json_tree_root (tree), "note")->v.string, ==, expected->str);
  g_assert_cmpint (_fiscal_json_member (_fiscal_json_tree_root (tree), "after")->type, ==, FISCAL_JSON_ARRAY);
  assert_same_as_json_glib (text->str, text->len);
}

static void
test_many_values (void)
{
  g_autoptr(GString) text = g_string_new ("[");
  g_autoptr(FiscalJsonTree) tree = NULL;
  g_autoptr(GError) error = NULL;
  const FiscalJsonNode *root, *element;
  guint i = 0;

  /* Far more values than the first guess of the node array holds. */
  for (guint n = 0; n < 100000; n++)
    g_string_append_printf (text, "%s%u", n ? "," : "", n);
  g_string_append_c (text, ']');

  tree = read_text (text->str, text->len, &error);
  g_assert_no_error (error);
  root = _fiscal_json_tree_root (tree);
  g_assert_cmpuint (root->v.length, ==, 100000);
  g_assert_cmpuint (root->size, ==, 100001);
  for (element = _fiscal_json_first (root); element; element = _fiscal_json_next (root, element))
    g_assert_cmpint (element->v.integer, ==, i++);
  g_assert_cmpuint (i, ==, 100000);
}

static void
test_faults (void)
{
  static const struct {
    const char *text;
    const char *message;
  } cases[] = {
    { "",                           "line 1, column 1: not JSON: unexpected end of file" },
    { "   \n  ",                    "line 2, column 3: not JSON: unexpected end of file" },
    { "{\"a\": 1,}",                "line 1, column 9: not JSON: expected a quoted key" },
    { "[1, 2,]",                    "line 1, column 7: not JSON: unexpected character" },
    { "{\"a\" 1}",                  "line 1, column 6: not JSON: expected “:”" },
    { "{\"a\": 1 \"b\": 2}",        "line 1, column 9: not JSON: expected “,” or “}”" },
    { "[1 2]",                      "line 1, column 4: not JSON: expected “,” or “]”" },
    { "{'a': 1}",                   "line 1, column 2: not JSON: expected a quoted key" },
    { "[tru]",                      "line 1, column 2: not JSON: unexpected character" },
    { "[nul",                       "line 1, column 2: not JSON: unexpected character" },
    { "[01]",                       "line 1, column 3: not JSON: expected “,” or “]”" },
    { "[-]",                        "line 1, column 3: not JSON: bad number" },
    { "[1.]",                       "line 1, column 4: not JSON: bad number" },
    { "[1e]",                       "line 1, column 4: not JSON: bad number" },
    { "[+1]",                       "line 1, column 2: not JSON: unexpected character" },
    { "{} {}",                      "line 1, column 4: not JSON: unexpected text after the end" },
    { "[\"abc",                     "line 1, column 6: not JSON: unterminated string" },
    { "[\"a\\",                     "line 1, column 5: not JSON: unterminated string" },
    { "[\"a\tb\"]",                 "line 1, column 4: not JSON: control character in a string" },
    { "[\"a\nb\"]",                 "line 1, column 4: not JSON: control character in a string" },
    { "[\"a\\qb\"]",                "line 1, column 5: not JSON: bad escape in a string" },
    { "[\"\\u12G4\"]",              "line 1, column 7: not JSON: bad \\u escape in a string" },
    { "[\"\\u12\"]",                "line 1, column 7: not JSON: bad \\u escape in a string" },
    { "[\"x\\u0000y\"]",            "line 1, column 4: not JSON: bad \\u escape in a string" },
    { "[\"x\\ud800y\"]",            "line 1, column 4: not JSON: bad \\u escape in a string" },
    { "[\"x\\udc00\"]",             "line 1, column 4: not JSON: bad \\u escape in a string" },
    { "[\"x\\ud800\\u0041\"]",      "line 1, column 4: not JSON: bad \\u escape in a string" },
    { "[\"x\\ud800\\uzzzz\"]",      "line 1, column 12: not JSON: bad \\u escape in a string" },
    /* Columns count characters, not bytes; escaped and plain strings
     * before the fault count as they are written. */
    { "{\"部门\": \"预算\", x}",    "line 1, column 14: not JSON: expected a quoted key" },
    { "{\"a\": \"\\u9884\\n\",\n  \"b\": ]", "line 2, column 8: not JSON: unexpected character" },
    { "[\"😀\" 1]",                 "line 1, column 6: not JSON: expected “,” or “]”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FiscalJsonTree) tree = read_text (cases[i].text, -1, &error);

      g_test_message ("%s", cases[i].text);
      g_assert_null (tree);
      g_assert_error (error, FISCAL_ERROR, FISCAL_ERROR_NOT_JSON);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

/* Every non-ASCII character of @text written as \u escapes (pairs beyond
 * the BMP), and every '/' as "\/". */
static char *
escape_all (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean in_string = FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '"' && (p == text || p[-1] != '\\'))
        in_string = !in_string;

      if (in_string && c == '/')
        g_string_append (out, "\\/");
      else if (c < 0x80)
        g_string_append_c (out, c);
      else if (c < 0x10000)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_printf (out, "\\u%04X\\u%04X",
                                0xD800 + ((c - 0x10000) >> 10), 0xDC00 + ((c - 0x10000) & 0x3FF));
    }

  return g_string_free (out, FALSE);
}

/* Spaces, tabs and newlines taken out between the values. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean in_string = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (*p == '"' && (p == text || p[-1] != '\\'))
        in_string = !in_string;
      if (in_string || !g_ascii_isspace (*p))
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static GBytes *
load_and_write (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FiscalDocument) doc = fiscal_document_load_from_data (text, strlen (text), &error);

  g_assert_no_error (error);
  return fiscal_document_to_bytes (doc);
}

/* A budget reads the same written plainly, squeezed onto one line, and
 * with every character escaped; the plain one is what saving writes. */
static void
test_budget_layouts (void)
{
  g_autofree char *path = fiscal_test_example_path (2025);
  g_autofree char *plain = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *squeezed = NULL;
  g_autoptr(GBytes) from_plain = NULL;
  g_autoptr(GBytes) from_escaped = NULL;
  g_autoptr(GBytes) from_squeezed = NULL;
  g_autoptr(GBytes) file_bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &plain, &length, &error));
  g_assert_no_error (error);
  escaped = escape_all (plain);
  squeezed = squeeze (escaped);
  g_assert_cmpstr (escaped, !=, plain);
  g_assert_null (strstr (escaped, "部门"));

  from_plain = load_and_write (plain);
  from_escaped = load_and_write (escaped);
  from_squeezed = load_and_write (squeezed);
  file_bytes = g_bytes_new_static (plain, length);

  g_assert_true (g_bytes_equal (from_plain, file_bytes));
  g_assert_true (g_bytes_equal (from_escaped, file_bytes));
  g_assert_true (g_bytes_equal (from_squeezed, file_bytes));

  /* The escaped text is still json-glib's text, value by value. */
  assert_same_as_json_glib (escaped, -1);
  assert_same_as_json_glib (squeezed, -1);
}

/* A fault in a budget keeps its position in the file, after strings that
 * were ended in place and strings that held escapes. */
static void
test_budget_fault_position (void)
{
  static const char text[] =
    "{\n"
    "  \"format\": \"fiscal-budget\",\n"
    "  \"version\": 1,\n"
    "  \"department\": { \"name\": \"\\u90e8\\u95e8\" },\n"
    "  \"year\": 2025,\n"
    "  \"units\": [ { \"id\": \"u1\", \"name\": \"单位\" } ],\n"
    "  \"lines\": [ { \"id\": \"l1\" \"unit\": \"u1\" } ]\n"
    "}\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(FiscalDocument) doc = fiscal_document_load_from_data (text, strlen (text), &error);

  g_assert_null (doc);
  g_assert_error (error, FISCAL_ERROR, FISCAL_ERROR_NOT_JSON);
  g_assert_cmpstr (error->message, ==, "line 7, column 27: not JSON: expected “,” or “}”");
}

/* What the loader makes of values json-glib took without a word. */
static void
test_budget_strictness (void)
{
  g_autofree char *path = fiscal_test_example_path (2025);
  g_autofree char *plain = NULL;
  static const struct {
    const char *from;
    const char *to;
    int         code;
    const char *message;
  } cases[] = {
    /* Past a gint64: too large a whole number, never a wrapped one, nor
     * one mistaken for a fraction. */
    { "\"year\": 2025", "\"year\": 99999999999999999999", FISCAL_ERROR_BAD_VALUE,
      "year: the number is too large; a whole number within 1990–2200 is expected" },
    { "\"year\": 2025", "\"year\": 9223372036854775808", FISCAL_ERROR_BAD_VALUE,
      "year: the number is too large; a whole number within 1990–2200 is expected" },
    { "\"year\": 2025", "\"year\": -9223372036854775809", FISCAL_ERROR_BAD_VALUE,
      "year: the number is too small; a whole number within 1990–2200 is expected" },
    { "\"year\": 2025", "\"year\": -9223372036854775808", FISCAL_ERROR_BAD_VALUE,
      "year: -9223372036854775808 is outside 1990–2200" },
    { "\"year\": 2025", "\"year\": 2025.0", FISCAL_ERROR_WRONG_TYPE,
      "year: expected a whole number, found a number" },
    { "\"year\": 2025", "\"year\": 99999999999999999999.0", FISCAL_ERROR_WRONG_TYPE,
      "year: expected a whole number, found a number" },
    { "\"version\": 1,", "\"version\": 12345678901234567890123,", FISCAL_ERROR_BAD_VALUE,
      "version: the number is too large; a whole number within -9223372036854775808–9223372036854775807 is expected" },
    { "\"count\": 2,", "\"count\": 1234567890123456789012345678901234567890,", FISCAL_ERROR_BAD_VALUE,
      "profile.assets.vehicles[0].count: the number is too large; a whole number within 0–2147483647 is expected" },
    /* A key given twice is no longer the last one silently. */
    { "\"year\": 2025", "\"year\": 2024, \"year\": 2025", FISCAL_ERROR_DUPLICATE_KEY,
      "line 4, column 17: the key “year” is given a second time in the same object" },
    { "\"year\": 2025", "\"year\": 2025, \"year\": 1800", FISCAL_ERROR_DUPLICATE_KEY,
      "line 4, column 17: the key “year” is given a second time in the same object" },
    { "\"count\": 2,", "\"count\": 2, \"count\": 3,", FISCAL_ERROR_DUPLICATE_KEY,
      "line 30, column 41: the key “count” is given a second time in the same object" },
    /* A byte order mark before the text is passed over. */
    { "{\n", "\xEF\xBB\xBF{\n", 0, NULL },
    { "{\n", "\xEF\xBB\xBF{\n \"x\": 1, \"x\": 2,", FISCAL_ERROR_DUPLICATE_KEY,
      "line 2, column 10: the key “x” is given a second time in the same object" },
    /* Half a surrogate pair is no character. */
    { "\"version\": 1,", "\"version\": 1, \"prior\": \"a\\ud800b\",", FISCAL_ERROR_NOT_JSON,
      "line 3, column 28: not JSON: bad \\u escape in a string" },
    { "\"version\": 1,", "\"version\": 1, \"prior\": \"a\\u0000b\",", FISCAL_ERROR_NOT_JSON,
      "line 3, column 28: not JSON: bad \\u escape in a string" },
  };

  g_assert_true (g_file_get_contents (path, &plain, NULL, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FiscalDocument) doc = NULL;
      g_autofree char *text = NULL;
      const char *at = strstr (plain, cases[i].from);

      g_assert_nonnull (at);
      text = g_strdup_printf ("%.*s%s%s", (int) (at - plain), plain, cases[i].to, at + strlen (cases[i].from));
      doc = fiscal_document_load_from_data (text, strlen (text), &error);

      g_test_message ("%s", cases[i].to);
      if (cases[i].message == NULL)
        {
          g_assert_no_error (error);
          g_assert_cmpint (fiscal_document_get_year (doc), ==, 2025);
        }
      else
        {
          g_assert_null (doc);
          g_assert_error (error, FISCAL_ERROR, cases[i].code);
          g_assert_cmpstr (error->message, ==, cases[i].message);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-reader/values", test_values);
  g_test_add_func ("/json-reader/duplicate-key", test_duplicate_key);
  g_test_add_func ("/json-reader/byte-order-mark", test_byte_order_mark);
  g_test_add_func ("/json-reader/node-ceiling", test_node_ceiling);
  g_test_add_func ("/json-reader/size-ceiling", test_size_ceiling);
  g_test_add_func ("/json-reader/numbers", test_numbers);
  g_test_add_func ("/json-reader/deep-nesting", test_deep_nesting);
  g_test_add_func ("/json-reader/huge-string", test_huge_string);
  g_test_add_func ("/json-reader/many-values", test_many_values);
  g_test_add_func ("/json-reader/faults", test_faults);
  g_test_add_func ("/json-reader/budget-layouts", test_budget_layouts);
  g_test_add_func ("/json-reader/budget-fault-position", test_budget_fault_position);
  g_test_add_func ("/json-reader/budget-strictness", test_budget_strictness);

  return g_test_run ();
}
