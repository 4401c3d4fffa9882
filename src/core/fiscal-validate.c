/* fiscal-validate.c
 *
 * Each rule is a function that looks at the document and adds findings;
 * the engine runs them in order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-validate"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "fiscal-catalog.h"
#include "fiscal-document.h"
#include "fiscal-line.h"
#include "fiscal-money.h"
#include "fiscal-project.h"
#include "fiscal-validate.h"

typedef struct
{
  FiscalDocument *document;
  FiscalCatalog  *functions;
  FiscalCatalog  *economics;
  GPtrArray      *findings;
} Context;

typedef void (*Rule) (Context *ctx);

void
fiscal_finding_free (FiscalFinding *finding)
{
  if (finding == NULL)
    return;

  g_free (finding->rule);
  g_free (finding->message);
  g_free (finding->where);
  g_free (finding);
}

G_GNUC_PRINTF (5, 6)
static void
add (Context        *ctx,
     const char     *rule,
     FiscalSeverity  severity,
     const char     *where,
     const char     *format,
     ...)
{
  FiscalFinding *finding = g_new0 (FiscalFinding, 1);
  va_list args;

  va_start (args, format);
  finding->message = g_strdup_vprintf (format, args);
  va_end (args);

  finding->rule = g_strdup (rule);
  finding->severity = severity;
  finding->where = g_strdup (where ? where : "");
  g_ptr_array_add (ctx->findings, finding);
}

/* The catalogues: a document of a year Fiscal has no catalogue for is
 * checked against the nearest year it has, and says so. */
static void
rule_catalog_year (Context *ctx)
{
  int year = fiscal_document_get_year (ctx->document);

  if (ctx->functions == NULL || ctx->economics == NULL)
    {
      add (ctx, "catalog.missing", FISCAL_SEVERITY_ERROR, "year",
           _("No classification catalogue is available; codes cannot be checked"));
      return;
    }

  if (fiscal_catalog_get_year (ctx->functions) != year)
    add (ctx, "catalog.other-year", FISCAL_SEVERITY_INFO, "year",
         _("Fiscal has no %d catalogue; codes are checked against the %d one"),
         year, fiscal_catalog_get_year (ctx->functions));
}

static void
rule_line_codes (Context *ctx)
{
  GListModel *lines = fiscal_document_get_lines (ctx->document);
  guint n = g_list_model_get_n_items (lines);
  int year;

  if (ctx->functions == NULL || ctx->economics == NULL)
    return;

  year = fiscal_catalog_get_year (ctx->functions);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FiscalLine) line = g_list_model_get_item (lines, i);
      const char *function = fiscal_line_get_function (line);
      const char *economic = fiscal_line_get_economic (line);
      const FiscalCatalogItem *item;

      if (function == NULL)
        {
          g_autofree char *where = g_strdup_printf ("lines[%u].function", i);
          add (ctx, "code.function-missing", FISCAL_SEVERITY_ERROR, where,
               _("Line %s has no function code"), fiscal_line_get_id (line));
        }
      else if ((item = fiscal_catalog_lookup (ctx->functions, function)) == NULL)
        {
          g_autofree char *where = g_strdup_printf ("lines[%u].function", i);
          add (ctx, "code.function-unknown", FISCAL_SEVERITY_ERROR, where,
               _("Line %s: function code %s is not in the %d catalogue"),
               fiscal_line_get_id (line), function, year);
        }
      else if (item->level < 3)
        {
          g_autoptr(GPtrArray) children = fiscal_catalog_get_children (ctx->functions, function);

          if (children->len > 0)
            {
              g_autofree char *where = g_strdup_printf ("lines[%u].function", i);
              add (ctx, "code.function-level", FISCAL_SEVERITY_ERROR, where,
                   _("Line %s: function code %s (%s) is not at 项 level; choose one of its %u items"),
                   fiscal_line_get_id (line), function, item->name, children->len);
            }
        }

      if (economic != NULL && fiscal_catalog_lookup (ctx->economics, economic) == NULL)
        {
          g_autofree char *where = g_strdup_printf ("lines[%u].economic", i);
          add (ctx, "code.economic-unknown", FISCAL_SEVERITY_ERROR, where,
               _("Line %s: economic code %s is not in the %d catalogue"),
               fiscal_line_get_id (line), economic, fiscal_catalog_get_year (ctx->economics));
        }
    }
}

static void
rule_line_amounts (Context *ctx)
{
  GListModel *lines = fiscal_document_get_lines (ctx->document);
  guint n = g_list_model_get_n_items (lines);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FiscalLine) line = g_list_model_get_item (lines, i);
      gint64 amount = fiscal_line_get_amount (line);
      g_autofree char *where = NULL;
      g_autofree char *yuan = NULL;

      if (amount > 0)
        continue;

      where = g_strdup_printf ("lines[%u].amount", i);
      yuan = fiscal_money_format_yuan (amount);
      if (amount < 0)
        add (ctx, "amount.negative", FISCAL_SEVERITY_ERROR, where,
             _("Line %s has a negative amount, %s yuan"), fiscal_line_get_id (line), yuan);
      else
        add (ctx, "amount.zero", FISCAL_SEVERITY_WARNING, where,
             _("Line %s has an amount of zero"), fiscal_line_get_id (line));
    }
}

static void
rule_line_references (Context *ctx)
{
  GListModel *lines = fiscal_document_get_lines (ctx->document);
  guint n = g_list_model_get_n_items (lines);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FiscalLine) line = g_list_model_get_item (lines, i);
      const char *project = fiscal_line_get_project (line);

      if (fiscal_document_find_unit (ctx->document, fiscal_line_get_unit (line)) == NULL)
        {
          g_autofree char *where = g_strdup_printf ("lines[%u].unit", i);
          add (ctx, "reference.unit", FISCAL_SEVERITY_ERROR, where,
               _("Line %s belongs to no unit of the budget"), fiscal_line_get_id (line));
        }

      if (fiscal_line_get_kind (line) == FISCAL_KIND_PROJECT &&
          (project == NULL || fiscal_document_find_project (ctx->document, project) == NULL))
        {
          g_autofree char *where = g_strdup_printf ("lines[%u].project", i);
          add (ctx, "reference.project", FISCAL_SEVERITY_ERROR, where,
               _("Project line %s belongs to no project of the budget"), fiscal_line_get_id (line));
        }
    }
}

static const Rule rules[] = {
  rule_catalog_year,
  rule_line_codes,
  rule_line_amounts,
  rule_line_references,
};

/**
 * fiscal_document_validate:
 *
 * Runs every rule over @document.
 *
 * Returns: (transfer full) (element-type FiscalFinding): the findings,
 *   errors first, in the order the rules found them within a severity
 */
GPtrArray *
fiscal_document_validate (FiscalDocument *document)
{
  Context ctx = { 0 };
  int year;
  GPtrArray *sorted;

  g_return_val_if_fail (FISCAL_IS_DOCUMENT (document), NULL);

  year = fiscal_document_get_year (document);
  ctx.document = document;
  ctx.functions = fiscal_catalog_get_for_year (FISCAL_CATALOG_FUNCTION, year, NULL);
  ctx.economics = fiscal_catalog_get_for_year (FISCAL_CATALOG_ECONOMIC, year, NULL);
  ctx.findings = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    rules[i] (&ctx);

  /* A stable order: by severity, then as found. */
  sorted = g_ptr_array_new_with_free_func ((GDestroyNotify) fiscal_finding_free);
  for (int s = FISCAL_SEVERITY_ERROR; s >= FISCAL_SEVERITY_INFO; s--)
    for (guint i = 0; i < ctx.findings->len; i++)
      {
        FiscalFinding *finding = g_ptr_array_index (ctx.findings, i);
        if ((int) finding->severity == s)
          g_ptr_array_add (sorted, finding);
      }

  g_ptr_array_unref (ctx.findings);
  g_clear_object (&ctx.functions);
  g_clear_object (&ctx.economics);

  return sorted;
}

guint
fiscal_findings_count (GPtrArray      *findings,
                       FiscalSeverity  severity)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    n += ((FiscalFinding *) g_ptr_array_index (findings, i))->severity == severity;

  return n;
}

/**
 * fiscal_findings_to_json:
 *
 * Returns: (transfer full): `{"findings": [{"rule", "severity", "message",
 *   "where"}]}`
 */
char *
fiscal_findings_to_json (GPtrArray *findings)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "findings");
  json_builder_begin_array (b);
  for (guint i = 0; i < findings->len; i++)
    {
      FiscalFinding *f = g_ptr_array_index (findings, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "rule");
      json_builder_add_string_value (b, f->rule);
      json_builder_set_member_name (b, "severity");
      json_builder_add_string_value (b, fiscal_severity_to_string (f->severity));
      json_builder_set_member_name (b, "message");
      json_builder_add_string_value (b, f->message);
      json_builder_set_member_name (b, "where");
      json_builder_add_string_value (b, f->where);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);

  return json_generator_to_data (generator, NULL);
}
