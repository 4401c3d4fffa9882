/* test-catalog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fiscal-core.h"

static void
test_function_catalog (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FiscalCatalog) catalog = fiscal_catalog_get_for_year (FISCAL_CATALOG_FUNCTION, 2025, &error);
  g_autoptr(GPtrArray) classes = NULL;
  g_autoptr(GPtrArray) children = NULL;
  const FiscalCatalogItem *item;
  static const char * const required[] = {
    "201", "205", "206", "207", "208", "210", "212", "213", "221",
  };

  g_assert_no_error (error);
  g_assert_nonnull (catalog);
  g_assert_cmpint (fiscal_catalog_get_year (catalog), ==, 2025);
  g_assert_cmpint (fiscal_catalog_get_kind (catalog), ==, FISCAL_CATALOG_FUNCTION);

  item = fiscal_catalog_lookup (catalog, "2010302");
  g_assert_nonnull (item);
  g_assert_cmpstr (item->name, ==, "一般行政管理事务");
  g_assert_cmpuint (item->level, ==, 3);
  g_assert_cmpstr (item->parent, ==, "20103");
  g_assert_cmpstr (fiscal_catalog_get_name (catalog, "20103"), ==, "政府办公厅（室）及相关机构事务");
  g_assert_cmpstr (fiscal_catalog_get_name (catalog, "2080505"), ==, "机关事业单位基本养老保险缴费支出");
  g_assert_cmpstr (fiscal_catalog_get_name (catalog, "2210201"), ==, "住房公积金");

  /* Every 类 of the published 表 1, in its order. */
  classes = fiscal_catalog_get_children (catalog, NULL);
  g_assert_cmpuint (classes->len, ==, 29);
  g_assert_cmpstr (((FiscalCatalogItem *) classes->pdata[0])->code, ==, "201");
  g_assert_cmpstr (((FiscalCatalogItem *) classes->pdata[17])->code, ==, "219");
  g_assert_cmpstr (((FiscalCatalogItem *) classes->pdata[28])->code, ==, "233");

  /* The 类 the foundation needs come with their 项: every 项 sits under a
   * 款 of its own 类, and the 款 that carry departments' spending have
   * their full lists. */
  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      g_autoptr(GPtrArray) kuan = fiscal_catalog_get_children (catalog, required[i]);
      guint n_xiang = 0;

      g_assert_cmpuint (kuan->len, >, 0);
      for (guint k = 0; k < kuan->len; k++)
        {
          const FiscalCatalogItem *ki = kuan->pdata[k];
          g_autoptr(GPtrArray) xiang = fiscal_catalog_get_children (catalog, ki->code);

          g_assert_cmpstr (ki->parent, ==, required[i]);
          for (guint x = 0; x < xiang->len; x++)
            g_assert_cmpstr (((FiscalCatalogItem *) xiang->pdata[x])->parent, ==, ki->code);
          n_xiang += xiang->len;
        }
      if (n_xiang < kuan->len)
        g_error ("类 %s has %u 款 but only %u 项", required[i], kuan->len, n_xiang);
    }

  {
    static const struct { const char *code; guint min_items; } full[] = {
      { "20101", 8 }, { "20103", 8 }, { "20501", 4 }, { "20502", 6 }, { "20805", 7 },
      { "21011", 4 }, { "21201", 4 }, { "21301", 20 }, { "22102", 3 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (full); i++)
      {
        g_autoptr(GPtrArray) xiang = fiscal_catalog_get_children (catalog, full[i].code);
        if (xiang->len < full[i].min_items)
          g_error ("款 %s has %u 项, expected at least %u", full[i].code, xiang->len, full[i].min_items);
      }
  }

  children = fiscal_catalog_get_children (catalog, "20805");
  g_assert_cmpuint (children->len, >=, 6);

  /* Unknown and malformed codes are not found, and looking them up does
   * not crash or intern them. */
  g_assert_null (fiscal_catalog_lookup (catalog, "2019898"));
  g_assert_null (fiscal_catalog_lookup (catalog, "not-a-code-xyz"));
  g_assert_null (fiscal_catalog_lookup (catalog, ""));
  g_assert_null (fiscal_catalog_lookup (catalog, NULL));
  g_assert_null (fiscal_catalog_get_name (catalog, "999"));
  g_assert_cmpuint (g_quark_try_string ("not-a-code-xyz"), ==, 0);
}

static void
test_economic_catalog (void)
{
  g_autoptr(FiscalCatalog) catalog = fiscal_catalog_get_for_year (FISCAL_CATALOG_ECONOMIC, 2025, NULL);
  g_autoptr(GPtrArray) classes = NULL;
  static const char * const expected_classes[] = {
    "301", "302", "303", "307", "309", "310", "311", "312", "313", "399",
  };
  static const struct { const char *code; FiscalSangong sangong; } sangong[] = {
    { "30212", FISCAL_SANGONG_ABROAD },
    { "30217", FISCAL_SANGONG_RECEPTION },
    { "30231", FISCAL_SANGONG_VEHICLE_OPERATION },
    { "30913", FISCAL_SANGONG_VEHICLE_PURCHASE },
    { "31013", FISCAL_SANGONG_VEHICLE_PURCHASE },
    { "30201", FISCAL_SANGONG_NONE },
    { "30101", FISCAL_SANGONG_NONE },
  };

  g_assert_nonnull (catalog);
  classes = fiscal_catalog_get_children (catalog, NULL);
  g_assert_cmpuint (classes->len, ==, G_N_ELEMENTS (expected_classes));
  for (guint i = 0; i < classes->len; i++)
    {
      const FiscalCatalogItem *item = classes->pdata[i];
      g_autoptr(GPtrArray) kuan = fiscal_catalog_get_children (catalog, item->code);

      g_assert_cmpstr (item->code, ==, expected_classes[i]);
      g_assert_cmpuint (kuan->len, >, 0);
    }

  for (guint i = 0; i < G_N_ELEMENTS (sangong); i++)
    {
      const FiscalCatalogItem *item = fiscal_catalog_lookup (catalog, sangong[i].code);
      g_assert_nonnull (item);
      g_assert_cmpint (item->sangong, ==, sangong[i].sangong);
    }

  g_assert_cmpstr (fiscal_catalog_get_name (catalog, "30101"), ==, "基本工资");
  g_assert_cmpstr (fiscal_catalog_get_name (catalog, "30231"), ==, "公务用车运行维护费");
  g_assert_null (fiscal_catalog_lookup (catalog, "2010302"));
}

static void
test_year_fallback (void)
{
  g_autoptr(FiscalCatalog) older = fiscal_catalog_get_for_year (FISCAL_CATALOG_FUNCTION, 2024, NULL);
  g_autoptr(FiscalCatalog) newer = fiscal_catalog_get_for_year (FISCAL_CATALOG_FUNCTION, 2031, NULL);
  g_autoptr(FiscalCatalog) same = fiscal_catalog_get_for_year (FISCAL_CATALOG_FUNCTION, 2025, NULL);

  /* The nearest catalogue is taken, and catalogues are shared. */
  g_assert_cmpint (fiscal_catalog_get_year (older), ==, 2025);
  g_assert_cmpint (fiscal_catalog_get_year (newer), ==, 2025);
  g_assert_true (older == same);
}

static void
test_levels (void)
{
  g_autofree char *k = fiscal_catalog_code_prefix ("2010302", 2);
  g_autofree char *l = fiscal_catalog_code_prefix ("2010302", 1);
  g_autofree char *none = fiscal_catalog_code_prefix ("20", 1);

  g_assert_cmpuint (fiscal_catalog_code_level (FISCAL_CATALOG_FUNCTION, "201"), ==, 1);
  g_assert_cmpuint (fiscal_catalog_code_level (FISCAL_CATALOG_FUNCTION, "20103"), ==, 2);
  g_assert_cmpuint (fiscal_catalog_code_level (FISCAL_CATALOG_FUNCTION, "2010302"), ==, 3);
  g_assert_cmpuint (fiscal_catalog_code_level (FISCAL_CATALOG_ECONOMIC, "2010302"), ==, 0);
  g_assert_cmpuint (fiscal_catalog_code_level (FISCAL_CATALOG_FUNCTION, "20a"), ==, 0);
  g_assert_cmpuint (fiscal_catalog_code_level (FISCAL_CATALOG_FUNCTION, "2010"), ==, 0);
  g_assert_cmpstr (k, ==, "20103");
  g_assert_cmpstr (l, ==, "201");
  g_assert_null (none);
}

static void
test_bad_catalog (void)
{
  static const struct { const char *json; int code; } cases[] = {
    { "[", FISCAL_ERROR_NOT_JSON },
    { "{\"catalog\":\"nope\",\"items\":[]}", FISCAL_ERROR_WRONG_TYPE },
    { "{\"catalog\":\"function\",\"items\":[{\"code\":\"20x\",\"name\":\"a\"}]}", FISCAL_ERROR_BAD_VALUE },
    { "{\"catalog\":\"function\",\"items\":[{\"code\":\"201\",\"name\":\"a\"},{\"code\":\"201\",\"name\":\"b\"}]}", FISCAL_ERROR_DUPLICATE_ID },
    { "{\"catalog\":\"function\",\"items\":[{\"code\":\"20101\",\"name\":\"a\"}]}", FISCAL_ERROR_UNKNOWN_REFERENCE },
    { "{\"catalog\":\"economic\",\"items\":[{\"code\":\"302\",\"name\":\"a\",\"sangong\":\"x\"}]}", FISCAL_ERROR_BAD_VALUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].json, strlen (cases[i].json));
      g_autoptr(GError) error = NULL;
      g_autoptr(FiscalCatalog) catalog = fiscal_catalog_new_from_bytes (bytes, &error);

      g_assert_null (catalog);
      g_assert_error (error, FISCAL_ERROR, cases[i].code);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalog/function", test_function_catalog);
  g_test_add_func ("/catalog/economic", test_economic_catalog);
  g_test_add_func ("/catalog/year-fallback", test_year_fallback);
  g_test_add_func ("/catalog/levels", test_levels);
  g_test_add_func ("/catalog/bad", test_bad_catalog);

  return g_test_run ();
}
