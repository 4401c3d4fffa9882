/* fiscal-import.c
 *
 * A budget rebuilt from a published disclosure.
 *
 * The published tables are pivots of budget lines that are not published.
 * They are rebuilt from the marginal totals the tables give, in this order:
 *
 *  1. 表 2 gives each 项-level function code by funding source; 表 1 splits
 *     单位资金 and the carry-over between their sources.
 *  2. 表 3 (all), 表 5 (general budget), 表 8 and 表 9 (fund and capital)
 *     split each function's sources into basic and project money.
 *  3. 表 6 gives the general-budget basic money by economic code and
 *     personnel/public; it is placed on the functions, the standard
 *     correspondences first (30108 → 2080505 …), then the largest remaining
 *     economic amount onto the function with basic money left, 行政运行 and
 *     事业运行 before others.
 *  4. 表 7 gives the general-budget project money by function, project and
 *     economic 类; project money of other sources goes to the project whose
 *     target table states other funds, with the project's main 类.
 *  5. 表 10 is checked against the lines on the “三公” economic codes; what
 *     is not there is carved from project money of the matching 类.
 *  6. The published figures are rounded to 0.01 万元 each, so a published
 *     parent need not equal the sum of its published children. The lines
 *     are then moved within their rounding (less than half a displayed
 *     unit each) until every published cell is reproduced, where the
 *     tables allow it; the cells that stay different are reported with
 *     both figures.
 *
 * Every inference is an entry of the report, with the lines it rests on.
 *
 * The sums and differences of published figures go through add() and
 * sub(), which clamp to the ceiling of money instead of wrapping; a
 * disclosure whose figures would go beyond it gets one warning.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "fiscal-catalog.h"
#include "fiscal-document.h"
#include "fiscal-error.h"
#include "fiscal-format-private.h"
#include "fiscal-import.h"
#include "fiscal-import-private.h"
#include "fiscal-indicator.h"
#include "fiscal-line.h"
#include "fiscal-money.h"
#include "fiscal-pivot.h"
#include "fiscal-profile.h"
#include "fiscal-project.h"
#include "fiscal-table.h"
#include "fiscal-targets.h"
#include "fiscal-unit.h"
#include "fiscal-validate.h"

#define UNIT_ID "main"

/* The most tables of a format the report keeps. */
#define MAX_TABLES 64

struct _FiscalImportReport
{
  GPtrArray    *entries;
  guint         n_cells;
  guint         n_mismatches;
  guint         n_close;

  /* the published tables, by their numbers in the format they are
   * published in, kept to compare the budget with as it is edited */
  FiscalFormat *format;
  FiscalTable  *published[MAX_TABLES + 1];
  guint         published_number[MAX_TABLES + 1];
  GHashTable   *row_pages;   /* a table row's source line → its page */
};

/* ---- Report ------------------------------------------------------------ */

FiscalImportReport *
fiscal_import_report_new (void)
{
  FiscalImportReport *self = g_new0 (FiscalImportReport, 1);

  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) fiscal_import_entry_free);
  return self;
}

void
fiscal_import_report_free (FiscalImportReport *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->entries);
  for (guint n = 0; n <= MAX_TABLES; n++)
    g_clear_object (&self->published[n]);
  g_clear_pointer (&self->row_pages, g_hash_table_unref);
  g_clear_object (&self->format);
  g_free (self);
}

static void
report_addv (FiscalImportReport   *self,
             FiscalImportSeverity  severity,
             guint                 line,
             guint                 page,
             const char           *format,
             va_list               args)
{
  FiscalImportEntry *entry = g_new0 (FiscalImportEntry, 1);

  entry->severity = severity;
  entry->line = line;
  entry->page = page;
  entry->message = g_strdup_vprintf (format, args);
  g_ptr_array_add (self->entries, entry);
}

void
fiscal_import_report_add (FiscalImportReport   *self,
                          FiscalImportSeverity  severity,
                          guint                 line,
                          guint                 page,
                          const char           *format,
                          ...)
{
  va_list args;

  g_return_if_fail (self != NULL);
  va_start (args, format);
  report_addv (self, severity, line, page, format, args);
  va_end (args);
}

guint
fiscal_import_report_get_n_entries (FiscalImportReport *self)
{
  return self->entries->len;
}

const FiscalImportEntry *
fiscal_import_report_get_entry (FiscalImportReport *self,
                                guint               position)
{
  g_return_val_if_fail (position < self->entries->len, NULL);
  return g_ptr_array_index (self->entries, position);
}

/* The entries of @severity in both sections. */
guint
fiscal_import_report_count (FiscalImportReport   *self,
                            FiscalImportSeverity  severity)
{
  guint n = 0;

  for (guint i = 0; i < self->entries->len; i++)
    if (((FiscalImportEntry *) g_ptr_array_index (self->entries, i))->severity == severity)
      n++;
  return n;
}

/* The entries of @severity in @section only. */
guint
fiscal_import_report_count_in (FiscalImportReport   *self,
                               FiscalImportSection   section,
                               FiscalImportSeverity  severity)
{
  guint n = 0;

  for (guint i = 0; i < self->entries->len; i++)
    {
      const FiscalImportEntry *e = g_ptr_array_index (self->entries, i);
      n += e->section == section && e->severity == severity;
    }
  return n;
}

static FiscalImportSeverity
import_severity (FiscalSeverity severity)
{
  switch (severity)
    {
    case FISCAL_SEVERITY_ERROR:   return FISCAL_IMPORT_ERROR;
    case FISCAL_SEVERITY_WARNING: return FISCAL_IMPORT_WARNING;
    case FISCAL_SEVERITY_INFO:
    default:                      return FISCAL_IMPORT_INFO;
    }
}

/**
 * fiscal_import_report_add_audit:
 * @findings: (element-type FiscalFinding): what fiscal_audit_disclosure()
 *   found in @disclosure
 *
 * Puts each finding in the report's audit section, with its rule, its
 * severity, the line its where names (“line N”) and that line's page.
 */
void
fiscal_import_report_add_audit (FiscalImportReport *self,
                                FiscalDisclosure   *disclosure,
                                GPtrArray          *findings)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (findings != NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      const FiscalFinding *f = g_ptr_array_index (findings, i);
      FiscalImportEntry *entry = g_new0 (FiscalImportEntry, 1);
      guint line = 0;

      if (f->where != NULL && g_str_has_prefix (f->where, "line "))
        {
          guint64 n;

          if (g_ascii_string_to_unsigned (f->where + strlen ("line "), 10, 1, G_MAXUINT, &n, NULL))
            line = (guint) n;
        }
      entry->severity = import_severity (f->severity);
      entry->message = g_strdup (f->message);
      entry->line = line;
      entry->page = line > 0 && disclosure != NULL && line <= fiscal_disclosure_get_n_lines (disclosure)
                    ? fiscal_disclosure_get_line_page (disclosure, line) : 0;
      entry->section = FISCAL_IMPORT_SECTION_AUDIT;
      entry->rule = g_strdup (f->rule);
      g_ptr_array_add (self->entries, entry);
    }
}

/* The published amount cells compared with the rebuilt budget's tables. */
guint
fiscal_import_report_get_n_cells (FiscalImportReport *self)
{
  return self->n_cells;
}

/* Of those, the ones more than 0.01 万元 from the published figure. */
guint
fiscal_import_report_get_n_mismatches (FiscalImportReport *self)
{
  return self->n_mismatches;
}

/* Of those, the ones shown 0.01 万元 from the published figure: within the
 * rounding of figures published each to 0.01 万元. */
guint
fiscal_import_report_get_n_close (FiscalImportReport *self)
{
  return self->n_close;
}

static const char *
severity_label (FiscalImportSeverity severity)
{
  switch (severity)
    {
    case FISCAL_IMPORT_INFO:      return _("info");
    case FISCAL_IMPORT_INFERENCE: return _("inference");
    case FISCAL_IMPORT_WARNING:   return _("warning");
    case FISCAL_IMPORT_ERROR:     return _("error");
    default:                      return _("info");
    }
}

static void
append_entry (GString                 *out,
              const FiscalImportEntry *e)
{
  if (e->line > 0 && e->page > 0)
    g_string_append_printf (out, _("line %u (page %u)"), e->line, e->page);
  else if (e->line > 0)
    g_string_append_printf (out, _("line %u"), e->line);
  else
    g_string_append (out, "-");
  if (e->rule != NULL)
    g_string_append_printf (out, ": %s [%s]: %s\n", severity_label (e->severity), e->rule, e->message);
  else
    g_string_append_printf (out, ": %s: %s\n", severity_label (e->severity), e->message);
}

/* What reading and rebuilding found, then the audit's section, then the
 * counts of each. */
char *
fiscal_import_report_to_text (FiscalImportReport *self)
{
  GString *out = g_string_new (NULL);
  guint n_audit = 0;

  for (guint i = 0; i < self->entries->len; i++)
    {
      FiscalImportEntry *e = g_ptr_array_index (self->entries, i);

      if (e->section == FISCAL_IMPORT_SECTION_AUDIT)
        n_audit++;
      else
        append_entry (out, e);
    }
  g_string_append_printf (out, "\n%s\n", _("Audit: what the publication contradicts in itself"));
  for (guint i = 0; i < self->entries->len; i++)
    {
      FiscalImportEntry *e = g_ptr_array_index (self->entries, i);

      if (e->section == FISCAL_IMPORT_SECTION_AUDIT)
        append_entry (out, e);
    }
  if (n_audit == 0)
    g_string_append_printf (out, "%s\n", _("nothing"));

  g_string_append_c (out, '\n');
  g_string_append_printf (out, _("%u of %u published cells reproduced (%u of them 0.01 万元 off); %u errors, %u warnings, %u inferences, %u notes\n"),
                          self->n_cells - self->n_mismatches, self->n_cells, self->n_close,
                          fiscal_import_report_count_in (self, FISCAL_IMPORT_SECTION_REBUILD, FISCAL_IMPORT_ERROR),
                          fiscal_import_report_count_in (self, FISCAL_IMPORT_SECTION_REBUILD, FISCAL_IMPORT_WARNING),
                          fiscal_import_report_count_in (self, FISCAL_IMPORT_SECTION_REBUILD, FISCAL_IMPORT_INFERENCE),
                          fiscal_import_report_count_in (self, FISCAL_IMPORT_SECTION_REBUILD, FISCAL_IMPORT_INFO));
  g_string_append_printf (out, _("Audit of the publication: %u errors, %u warnings, %u notes\n"),
                          fiscal_import_report_count_in (self, FISCAL_IMPORT_SECTION_AUDIT, FISCAL_IMPORT_ERROR),
                          fiscal_import_report_count_in (self, FISCAL_IMPORT_SECTION_AUDIT, FISCAL_IMPORT_WARNING),
                          fiscal_import_report_count_in (self, FISCAL_IMPORT_SECTION_AUDIT, FISCAL_IMPORT_INFO));
  return g_string_free (out, FALSE);
}

static void
add_entries_json (JsonBuilder         *b,
                  FiscalImportReport  *self,
                  FiscalImportSection  section)
{
  json_builder_begin_array (b);
  for (guint i = 0; i < self->entries->len; i++)
    {
      FiscalImportEntry *e = g_ptr_array_index (self->entries, i);

      if (e->section != section)
        continue;
      json_builder_begin_object (b);
      if (e->rule != NULL)
        {
          json_builder_set_member_name (b, "rule");
          json_builder_add_string_value (b, e->rule);
        }
      json_builder_set_member_name (b, "severity");
      json_builder_add_string_value (b, fiscal_import_severity_to_string (e->severity));
      json_builder_set_member_name (b, "message");
      json_builder_add_string_value (b, e->message);
      json_builder_set_member_name (b, "line");
      json_builder_add_int_value (b, e->line);
      json_builder_set_member_name (b, "page");
      json_builder_add_int_value (b, e->page);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

/* {cells, mismatches, close, entries: [what reading and rebuilding
 * found], audit: [the audit's findings, each with its rule]} */
char *
fiscal_import_report_to_json (FiscalImportReport *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "cells");
  json_builder_add_int_value (b, self->n_cells);
  json_builder_set_member_name (b, "mismatches");
  json_builder_add_int_value (b, self->n_mismatches);
  json_builder_set_member_name (b, "close");
  json_builder_add_int_value (b, self->n_close);
  json_builder_set_member_name (b, "entries");
  add_entries_json (b, self, FISCAL_IMPORT_SECTION_REBUILD);
  json_builder_set_member_name (b, "audit");
  add_entries_json (b, self, FISCAL_IMPORT_SECTION_AUDIT);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  return json_generator_to_data (gen, NULL);
}

/* ---- Rebuilding -------------------------------------------------------- */

typedef struct
{
  FiscalDisclosure   *disclosure;
  FiscalImportReport *report;
  FiscalDocument     *doc;
  FiscalCatalog      *functions;
  FiscalCatalog      *economics;
  GHashTable         *fns;         /* code → Fn */
  GPtrArray          *fn_order;    /* Fn, in published order */
  GPtrArray          *lines;       /* Draft */
  GPtrArray          *scratch;     /* strings for messages */
  const char         *unit;        /* the unit lines are made for */
  GHashTable         *projects;    /* name → GPtrArray of FiscalProject (borrowed), in the order made */
  GHashTable         *project_ids; /* id → FiscalProject (borrowed) */
  GCancellable       *cancellable;
  gboolean            clamped;     /* a sum went beyond the ceiling of money */
  gint64              ulp;         /* the fen of the finest digit the tables print: 10000 for 0.01 万元 */
  FiscalAmountStyle   style;       /* how the tables print amounts, for messages */
} Ctx;

/* @a + @b and @a − @b of money, clamped to ±FISCAL_MONEY_MAX; a clamp is
 * noted for the report. */
static gint64
add (Ctx    *ctx,
     gint64  a,
     gint64  b)
{
  if (!fiscal_money_accumulate (&a, b))
    ctx->clamped = TRUE;
  return a;
}

static gint64
sub (Ctx    *ctx,
     gint64  a,
     gint64  b)
{
  gint64 d;

  if (__builtin_sub_overflow (a, b, &d) || d > FISCAL_MONEY_MAX || d < -FISCAL_MONEY_MAX)
    ctx->clamped = TRUE;
  return fiscal_money_sub_clamped (a, b);
}

typedef struct
{
  char   *code;
  gint64  source[FISCAL_N_SOURCES];
  gint64  basic, project;           /* 表 3 */
  gint64  gbasic, gproject;         /* 表 5 */
  gint64  fund[3], capital[3];      /* 表 8, 9: personnel, public, project */
  gboolean have_t3, have_t5;
  guint   line_t2, line_t3, line_t5;
} Fn;

typedef struct
{
  char        *unit;
  char        *function;
  char        *economic;
  FiscalKind   kind;
  char        *project;
  FiscalSource source;
  gint64       amount;
  gint64       base;        /* as placed, before the rounding moves */
  gint64       slack;       /* how far it may move either way */
  char        *note;
} Draft;

/* The fen of one unit of the last digit @table prints: 10000 for 万元
 * with two decimals, 100 for whole 元. */
static gint64
table_ulp (FiscalTable *table)
{
  const FiscalAmountStyle *style = fiscal_table_get_amount_style (table);
  gint64 ulp = style->divisor;

  for (guint i = 0; i < style->decimals && ulp > 1; i++)
    ulp /= 10;
  return ulp;
}

/* A difference between sums of published figures, each rounded on its own
 * to the finest digit the tables print (0.01 万元), that their rounding
 * explains: at most one such digit. */
static gboolean
within_rounding (Ctx    *ctx,
                 gint64  difference)
{
  return ABS (difference) <= ctx->ulp;
}

static void
fn_free (gpointer data)
{
  Fn *fn = data;

  g_free (fn->code);
  g_free (fn);
}

static void
draft_free (gpointer data)
{
  Draft *d = data;

  g_free (d->unit);
  g_free (d->function);
  g_free (d->economic);
  g_free (d->project);
  g_free (d->note);
  g_free (d);
}

G_GNUC_PRINTF (4, 5)
static void
report (Ctx                  *ctx,
        FiscalImportSeverity  severity,
        guint                 line,
        const char           *format,
        ...)
{
  va_list args;
  guint page = line > 0 && line <= fiscal_disclosure_get_n_lines (ctx->disclosure)
             ? fiscal_disclosure_get_line_page (ctx->disclosure, line) : 0;

  va_start (args, format);
  report_addv (ctx->report, severity, line, page, format, args);
  va_end (args);
}

/* An amount for a message as the tables print it (in 万元 with two
 * decimals, or whole 元 grouped); freed with the context. */
static const char *
wan (Ctx    *ctx,
     gint64  fen)
{
  char *text = ctx->style.divisor == FISCAL_FEN_PER_WAN && ctx->style.decimals == 2 && !ctx->style.grouping
             ? fiscal_money_format_wan (fen)
             : fiscal_money_format_scaled (fen, ctx->style.divisor, ctx->style.decimals, ctx->style.grouping);

  g_ptr_array_add (ctx->scratch, text);
  return text;
}

static Fn *
get_fn (Ctx        *ctx,
        const char *code)
{
  Fn *fn = g_hash_table_lookup (ctx->fns, code);

  if (fn == NULL)
    {
      fn = g_new0 (Fn, 1);
      fn->code = g_strdup (code);
      g_hash_table_insert (ctx->fns, fn->code, fn);
      g_ptr_array_add (ctx->fn_order, fn);
    }
  return fn;
}

static gint64
cell (const FiscalTableRow *row,
      guint                 c)
{
  return c < row->n_cells && row->cells[c].text == NULL ? row->cells[c].amount : 0;
}

static const char *
function_name (Ctx        *ctx,
               const char *code)
{
  const char *name = ctx->functions ? fiscal_catalog_get_name (ctx->functions, code) : NULL;
  return name ? name : "";
}

static const char *
economic_name (Ctx        *ctx,
               const char *code)
{
  const char *name = ctx->economics ? fiscal_catalog_get_name (ctx->economics, code) : NULL;
  return name ? name : "";
}

static Draft *
add_draft (Ctx          *ctx,
           const char   *function,
           const char   *economic,
           FiscalKind    kind,
           const char   *project,
           FiscalSource  source,
           gint64        amount)
{
  Draft *d;

  if (amount == 0)
    return NULL;

  /* the same dimensions make one line */
  for (guint i = 0; i < ctx->lines->len; i++)
    {
      d = g_ptr_array_index (ctx->lines, i);
      if (g_strcmp0 (d->unit, ctx->unit) == 0 &&
          g_strcmp0 (d->function, function) == 0 && g_strcmp0 (d->economic, economic) == 0 &&
          d->kind == kind && g_strcmp0 (d->project, project) == 0 && d->source == source)
        {
          d->amount = add (ctx, d->amount, amount);
          d->base = d->amount;
          return d;
        }
    }

  d = g_new0 (Draft, 1);
  d->unit = g_strdup (ctx->unit);
  d->function = g_strdup (function);
  d->economic = g_strdup (economic);
  d->kind = kind;
  d->project = g_strdup (project);
  d->source = source;
  d->amount = d->base = amount;
  g_ptr_array_add (ctx->lines, d);
  return d;
}

/* -- 1. Functions by source (表 2, 表 1) -- */

static const char * const unit_rows[] = { "事业收入", "上级补助收入", "附属单位上缴收入", "事业单位经营收入", "其他收入" };
static const FiscalSource unit_sources[] = {
  FISCAL_SOURCE_UNIT_BUSINESS, FISCAL_SOURCE_UNIT_SUBSIDY, FISCAL_SOURCE_UNIT_AFFILIATE,
  FISCAL_SOURCE_UNIT_OPERATING, FISCAL_SOURCE_UNIT_OTHER,
};

/* How 表 1 splits 单位资金 between its five sources (fen each). */
static gboolean
unit_split (Ctx    *ctx,
            gint64 *shares,
            guint  *line)
{
  FiscalTable *t1 = fiscal_disclosure_get_table (ctx->disclosure, 1);
  gboolean in_unit = FALSE, any = FALSE;

  memset (shares, 0, sizeof (gint64) * G_N_ELEMENTS (unit_rows));
  if (t1 == NULL)
    return FALSE;

  for (guint r = 0; r < fiscal_table_get_n_rows (t1); r++)
    {
      const FiscalTableRow *row = fiscal_table_get_row (t1, r);

      if (strstr (row->name, "单位资金") && !strstr (row->name, "结转"))
        {
          in_unit = TRUE;
          *line = row->source_line;
          continue;
        }
      if (!in_unit)
        continue;
      if (strstr (row->name, "、") || strstr (row->name, "结转"))
        break;
      for (guint u = 0; u < G_N_ELEMENTS (unit_rows); u++)
        if (strstr (row->name, unit_rows[u]))
          {
            shares[u] = cell (row, 0);
            any |= shares[u] != 0;
          }
    }
  return any;
}

static void
split_unit_funds (Ctx    *ctx,
                  Fn     *fn,
                  gint64  amount)
{
  gint64 shares[G_N_ELEMENTS (unit_rows)];
  gint64 total = 0, given = 0;
  guint line = 0, largest = G_N_ELEMENTS (unit_rows) - 1;

  if (amount == 0)
    return;

  if (!unit_split (ctx, shares, &line))
    {
      fn->source[FISCAL_SOURCE_UNIT_OTHER] = add (ctx, fn->source[FISCAL_SOURCE_UNIT_OTHER], amount);
      report (ctx, FISCAL_IMPORT_INFERENCE, fn->line_t2,
              _("表 2 %s 单位资金 %s: 表 1 does not split 单位资金; taken as 其他收入"),
              fn->code, wan (ctx, amount));
      return;
    }

  for (guint u = 0; u < G_N_ELEMENTS (unit_rows); u++)
    {
      total = add (ctx, total, shares[u]);
      if (shares[u] > shares[largest])
        largest = u;
    }
  for (guint u = 0; u < G_N_ELEMENTS (unit_rows); u++)
    {
      gint64 part = total ? (gint64) ((__int128) amount * shares[u] / total) : 0;

      fn->source[unit_sources[u]] = add (ctx, fn->source[unit_sources[u]], part);
      given = add (ctx, given, part);
    }
  fn->source[unit_sources[largest]] = add (ctx, fn->source[unit_sources[largest]], sub (ctx, amount, given));

  {
    guint n = 0;
    for (guint u = 0; u < G_N_ELEMENTS (unit_rows); u++)
      n += shares[u] != 0;
    if (n > 1)
      report (ctx, FISCAL_IMPORT_INFERENCE, fn->line_t2,
              _("表 2 %s 单位资金 %s split between the sources of 单位资金 in the shares of 表 1 (line %u)"),
              fn->code, wan (ctx, amount), line);
  }
}

static void
read_functions (Ctx *ctx)
{
  FiscalTable *t2 = fiscal_disclosure_get_table (ctx->disclosure, 2);
  FiscalTable *t3 = fiscal_disclosure_get_table (ctx->disclosure, 3);
  FiscalTable *t5 = fiscal_disclosure_get_table (ctx->disclosure, 5);

  if (t2 != NULL)
    for (guint r = 0; r < fiscal_table_get_n_rows (t2); r++)
      {
        const FiscalTableRow *row = fiscal_table_get_row (t2, r);
        static const FiscalSource direct[] = {
          FISCAL_SOURCE_GENERAL, FISCAL_SOURCE_GENERAL_TRANSFER, FISCAL_SOURCE_FUND,
          FISCAL_SOURCE_FUND_TRANSFER, FISCAL_SOURCE_CAPITAL, FISCAL_SOURCE_CAPITAL_TRANSFER,
          FISCAL_SOURCE_SPECIAL_ACCOUNT,
        };
        Fn *fn;

        if (row->level != 3)
          continue;
        fn = get_fn (ctx, row->code);
        fn->line_t2 = row->source_line;
        for (guint s = 0; s < G_N_ELEMENTS (direct); s++)
          fn->source[direct[s]] = add (ctx, fn->source[direct[s]], cell (row, 2 + s));
        split_unit_funds (ctx, fn, cell (row, 9));
        if (cell (row, 10) != 0)
          {
            fn->source[FISCAL_SOURCE_CARRYOVER_GENERAL] = add (ctx, fn->source[FISCAL_SOURCE_CARRYOVER_GENERAL], cell (row, 10));
            report (ctx, FISCAL_IMPORT_INFERENCE, row->source_line,
                    _("表 2 %s 财政拨款结转 %s taken as carry-over of the general budget"), row->code, wan (ctx, cell (row, 10)));
          }
        if (cell (row, 11) != 0)
          {
            fn->source[FISCAL_SOURCE_CARRYOVER_UNIT] = add (ctx, fn->source[FISCAL_SOURCE_CARRYOVER_UNIT], cell (row, 11));
            report (ctx, FISCAL_IMPORT_INFERENCE, row->source_line,
                    _("表 2 %s 非财政拨款结转结余 %s taken as carry-over of unit funds"), row->code, wan (ctx, cell (row, 11)));
          }
      }

  if (t3 != NULL)
    for (guint r = 0; r < fiscal_table_get_n_rows (t3); r++)
      {
        const FiscalTableRow *row = fiscal_table_get_row (t3, r);
        Fn *fn;

        if (row->level != 3)
          continue;
        if (t2 != NULL && !g_hash_table_contains (ctx->fns, row->code))
          report (ctx, FISCAL_IMPORT_WARNING, row->source_line,
                  _("表 3 has %s %s, which 表 2 has not; its sources are unknown"), row->code, row->name);
        fn = get_fn (ctx, row->code);
        fn->basic = cell (row, 1);
        fn->project = cell (row, 2);
        fn->have_t3 = TRUE;
        fn->line_t3 = row->source_line;
      }

  if (t5 != NULL)
    for (guint r = 0; r < fiscal_table_get_n_rows (t5); r++)
      {
        const FiscalTableRow *row = fiscal_table_get_row (t5, r);
        Fn *fn;

        if (row->level != 3)
          continue;
        fn = get_fn (ctx, row->code);
        fn->gbasic = cell (row, 1);
        fn->gproject = cell (row, 2);
        fn->have_t5 = TRUE;
        fn->line_t5 = row->source_line;
      }

  for (guint n = 8; n <= 9; n++)
    {
      FiscalTable *t = fiscal_disclosure_get_table (ctx->disclosure, n);

      if (t == NULL)
        continue;
      for (guint r = 0; r < fiscal_table_get_n_rows (t); r++)
        {
          const FiscalTableRow *row = fiscal_table_get_row (t, r);
          Fn *fn;

          if (row->level != 3)
            continue;
          fn = get_fn (ctx, row->code);
          for (guint k = 0; k < 3; k++)
            (n == 8 ? fn->fund : fn->capital)[k] = cell (row, 1 + k);
        }
    }

  /* Without 表 2, a function's money is taken from 表 3 and 表 5. */
  for (guint i = 0; i < ctx->fn_order->len; i++)
    {
      Fn *fn = g_ptr_array_index (ctx->fn_order, i);
      gint64 general = add (ctx, fn->source[FISCAL_SOURCE_GENERAL], fn->source[FISCAL_SOURCE_GENERAL_TRANSFER]);
      gint64 general_t5 = add (ctx, fn->gbasic, fn->gproject);
      gint64 total_t3 = add (ctx, fn->basic, fn->project);
      gint64 total = 0;

      for (guint s = 0; s < FISCAL_N_SOURCES; s++)
        total = add (ctx, total, fn->source[s]);

      if (t2 == NULL)
        {
          fn->source[FISCAL_SOURCE_GENERAL] = general_t5;
          fn->source[FISCAL_SOURCE_UNIT_OTHER] = MAX (0, sub (ctx, total_t3, general_t5));
          report (ctx, FISCAL_IMPORT_INFERENCE, fn->line_t3,
                  _("%s: without 表 2, the general budget is taken from 表 5 and the rest of 表 3 as 其他收入"), fn->code);
          continue;
        }
      if (!fn->have_t5)
        {
          /* the general money's split from 表 3, basic first */
          fn->gbasic = MIN (general, fn->basic);
          fn->gproject = sub (ctx, general, fn->gbasic);
          if (general != 0)
            report (ctx, FISCAL_IMPORT_INFERENCE, fn->line_t2,
                    _("%s: 表 5 does not give its general budget %s; split as basic %s and project %s"),
                    fn->code, wan (ctx, general), wan (ctx, fn->gbasic), wan (ctx, fn->gproject));
        }
      else if (general != general_t5)
        report (ctx, within_rounding (ctx, sub (ctx, general, general_t5)) ? FISCAL_IMPORT_INFO : FISCAL_IMPORT_WARNING,
                fn->line_t5,
                within_rounding (ctx, sub (ctx, general, general_t5))
                ? _("%s: 表 5 gives %s of general budget, 表 2 (line %u) %s; within the rounding of the published figures")
                : _("%s: 表 5 gives %s of general budget, 表 2 (line %u) %s; the tables disagree"),
                fn->code, wan (ctx, general_t5), fn->line_t2, wan (ctx, general));
      if (!fn->have_t3)
        {
          fn->basic = fn->gbasic;
          fn->project = sub (ctx, total, fn->basic);
        }
      else if (total != total_t3)
        report (ctx, within_rounding (ctx, sub (ctx, total, total_t3)) ? FISCAL_IMPORT_INFO : FISCAL_IMPORT_WARNING,
                fn->line_t3,
                within_rounding (ctx, sub (ctx, total, total_t3))
                ? _("%s: 表 3 gives %s in all, 表 2 (line %u) %s; within the rounding of the published figures")
                : _("%s: 表 3 gives %s in all, 表 2 (line %u) %s; the tables disagree"),
                fn->code, wan (ctx, total_t3), fn->line_t2, wan (ctx, total));
    }
}

/* -- 3. General basic money by economic code (表 6) -- */

typedef struct
{
  Fn          *fn;
  FiscalSource source;
  gint64       left;
} Pool;

static const struct { const char *economic; const char *functions[3]; } standard[] = {
  { "30108", { "2080505" } },
  { "30109", { "2080506" } },
  { "30110", { "2101101", "2101102" } },
  { "30111", { "2101103" } },
  { "30112", { "2101199" } },
  { "30113", { "2210201" } },
  { "30302", { "2080501", "2080502" } },
};

static gboolean
is_operation (const char *function)
{
  gsize len = strlen (function);

  return len == 7 && (g_str_has_suffix (function, "01") || g_str_has_suffix (function, "50"));
}

static gboolean
is_standard_target (const char *function)
{
  for (guint s = 0; s < G_N_ELEMENTS (standard); s++)
    for (guint f = 0; f < 3 && standard[s].functions[f]; f++)
      if (g_str_equal (standard[s].functions[f], function))
        return TRUE;
  return FALSE;
}

static void
place (Ctx          *ctx,
       Pool         *pool,
       const char   *economic,
       FiscalKind    kind,
       gint64        amount,
       guint         line,
       const char   *why)
{
  add_draft (ctx, pool->fn->code, economic, kind, NULL, pool->source, amount);
  pool->left = sub (ctx, pool->left, amount);
  report (ctx, FISCAL_IMPORT_INFERENCE, line,
          _("表 6 %s %s %s placed on %s %s (表 5 line %u) — %s"),
          economic, economic_name (ctx, economic), wan (ctx, amount), pool->fn->code,
          function_name (ctx, pool->fn->code), pool->fn->line_t5, why);
}

static gint
compare_pools (gconstpointer a,
               gconstpointer b)
{
  const Pool *pa = *(Pool * const *) a, *pb = *(Pool * const *) b;
  gboolean oa = is_operation (pa->fn->code), ob = is_operation (pb->fn->code);
  gboolean sa = is_standard_target (pa->fn->code), sb = is_standard_target (pb->fn->code);

  if (oa != ob)
    return oa ? -1 : 1;
  if (sa != sb)
    return sa ? 1 : -1;
  if (pa->left != pb->left)
    return pa->left > pb->left ? -1 : 1;
  return strcmp (pa->fn->code, pb->fn->code);
}

typedef struct
{
  char      *economic;
  FiscalKind kind;
  gint64     left;
  guint      line;
} Item;

static gint
compare_items (gconstpointer a,
               gconstpointer b)
{
  const Item *ia = *(Item * const *) a, *ib = *(Item * const *) b;

  if (ia->left != ib->left)
    return ia->left > ib->left ? -1 : 1;
  return strcmp (ia->economic, ib->economic);
}

static void
item_free (gpointer data)
{
  Item *item = data;

  g_free (item->economic);
  g_free (item);
}

static void
place_general_basic (Ctx *ctx)
{
  FiscalTable *t6 = fiscal_disclosure_get_table (ctx->disclosure, 6);
  g_autoptr(GPtrArray) pools = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (item_free);
  gint64 pool_total = 0, item_total = 0;

  /* the general basic money of each function, 本级 before 上级 */
  for (guint i = 0; i < ctx->fn_order->len; i++)
    {
      Fn *fn = g_ptr_array_index (ctx->fn_order, i);
      gint64 own = MIN (fn->gbasic, fn->source[FISCAL_SOURCE_GENERAL]);
      Pool *pool;

      if (fn->gbasic <= 0)
        continue;
      pool = g_new0 (Pool, 1);
      pool->fn = fn;
      pool->source = FISCAL_SOURCE_GENERAL;
      pool->left = own;
      g_ptr_array_add (pools, pool);
      if (fn->gbasic > own)
        {
          pool = g_new0 (Pool, 1);
          pool->fn = fn;
          pool->source = FISCAL_SOURCE_GENERAL_TRANSFER;
          pool->left = sub (ctx, fn->gbasic, own);
          g_ptr_array_add (pools, pool);
        }
      pool_total = add (ctx, pool_total, fn->gbasic);
    }

  if (t6 != NULL)
    for (guint r = 0; r < fiscal_table_get_n_rows (t6); r++)
      {
        const FiscalTableRow *row = fiscal_table_get_row (t6, r);

        if (row->level != 2)
          continue;
        for (guint k = 0; k < 2; k++)
          if (cell (row, 1 + k) != 0)
            {
              Item *item = g_new0 (Item, 1);

              item->economic = g_strdup (row->code);
              item->kind = k == 0 ? FISCAL_KIND_PERSONNEL : FISCAL_KIND_PUBLIC;
              item->left = cell (row, 1 + k);
              item->line = row->source_line;
              item_total = add (ctx, item_total, item->left);
              g_ptr_array_add (items, item);
            }
      }
  else if (pool_total != 0)
    report (ctx, FISCAL_IMPORT_WARNING, 0,
            _("表 6 is missing: the general basic money (%s) is placed as 30299 其他商品和服务支出"), wan (ctx, pool_total));

  if (t6 == NULL)
    {
      for (guint p = 0; p < pools->len; p++)
        {
          Pool *pool = g_ptr_array_index (pools, p);
          add_draft (ctx, pool->fn->code, "30299", FISCAL_KIND_PUBLIC, NULL, pool->source, pool->left);
        }
      return;
    }

  if (item_total != pool_total)
    report (ctx, FISCAL_IMPORT_INFO, fiscal_table_get_source_line (t6),
            _("The rows of 表 6 add up to %s and the basic general money of 表 5 to %s; the difference is rounding and is absorbed"),
            wan (ctx, item_total), wan (ctx, pool_total));

  /* 1. the standard correspondences */
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = g_ptr_array_index (items, i);

      for (guint s = 0; s < G_N_ELEMENTS (standard); s++)
        {
          if (!g_str_equal (standard[s].economic, item->economic))
            continue;
          for (guint f = 0; f < 3 && standard[s].functions[f] && item->left > 0; f++)
            for (guint p = 0; p < pools->len && item->left > 0; p++)
              {
                Pool *pool = g_ptr_array_index (pools, p);
                gint64 amount;

                if (!g_str_equal (pool->fn->code, standard[s].functions[f]) || pool->left <= 0)
                  continue;
                amount = MIN (item->left, pool->left);
                place (ctx, pool, item->economic, item->kind, amount, item->line,
                       _("the standard function of this economic code"));
                item->left = sub (ctx, item->left, amount);
              }
        }
    }

  /* 2. the rest, largest first, onto 行政运行/事业运行 first */
  g_ptr_array_sort (items, compare_items);
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = g_ptr_array_index (items, i);

      g_ptr_array_sort (pools, compare_pools);
      for (guint p = 0; p < pools->len && item->left > 0; p++)
        {
          Pool *pool = g_ptr_array_index (pools, p);
          gint64 amount;

          if (pool->left <= 0)
            continue;
          amount = MIN (item->left, pool->left);
          place (ctx, pool, item->economic, item->kind, amount, item->line,
                 is_operation (pool->fn->code)
                 ? _("the running costs of the office go on its 行政运行/事业运行 function")
                 : _("the function with the most basic money left"));
          item->left = sub (ctx, item->left, amount);
        }
    }

  /* 3. what rounding left over */
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = g_ptr_array_index (items, i);
      Draft *largest = NULL;

      if (item->left == 0)
        continue;
      for (guint l = 0; l < ctx->lines->len; l++)
        {
          Draft *d = g_ptr_array_index (ctx->lines, l);
          if (g_strcmp0 (d->economic, item->economic) == 0 && d->kind == item->kind &&
              (largest == NULL || d->amount > largest->amount))
            largest = d;
        }
      if (largest == NULL && pools->len > 0)
        {
          Pool *pool = g_ptr_array_index (pools, 0);
          largest = add_draft (ctx, pool->fn->code, item->economic, item->kind, NULL, pool->source, item->left);
        }
      else if (largest != NULL)
        {
          largest->amount = add (ctx, largest->amount, item->left);
          largest->base = largest->amount;
        }
      report (ctx, FISCAL_IMPORT_INFERENCE, item->line,
              _("表 6 %s %s: %s more than the functions' basic money; added to its line on %s (rounding of the published figures)"),
              item->economic, economic_name (ctx, item->economic), wan (ctx, item->left),
              largest ? largest->function : "-");
    }
  for (guint p = 0; p < pools->len; p++)
    {
      Pool *pool = g_ptr_array_index (pools, p);
      Draft *largest = NULL;

      if (pool->left == 0)
        continue;
      for (guint l = 0; l < ctx->lines->len; l++)
        {
          Draft *d = g_ptr_array_index (ctx->lines, l);
          if (g_strcmp0 (d->function, pool->fn->code) == 0 && d->kind != FISCAL_KIND_PROJECT &&
              d->source == pool->source && (largest == NULL || d->amount > largest->amount))
            largest = d;
        }
      if (largest == NULL)
        largest = add_draft (ctx, pool->fn->code, "30299", FISCAL_KIND_PUBLIC, NULL, pool->source, pool->left);
      else
        {
          largest->amount = add (ctx, largest->amount, pool->left);
          largest->base = largest->amount;
        }
      report (ctx, FISCAL_IMPORT_INFERENCE, pool->fn->line_t5,
              _("%s %s: %s of basic money left after 表 6; added to its line %s"),
              pool->fn->code, function_name (ctx, pool->fn->code), wan (ctx, pool->left), largest->economic);
    }
}

/* -- 4. Projects (表 7, the target tables, 第三部分) -- */

static const char * const class_codes[] = { "301", "302", "303", "307", "309", "310", "311", "312", "313", "399" };

static FiscalProject *
find_or_add_project (Ctx        *ctx,
                     const char *name)
{
  guint n = g_list_model_get_n_items (fiscal_document_get_projects (ctx->doc));
  GPtrArray *same = g_hash_table_lookup (ctx->projects, name);
  g_autofree char *id = NULL;
  g_autoptr(FiscalProject) project = NULL;

  /* the projects of that name, in the order they were made (a hash, not a
   * walk over every project: a large publication has thousands) */
  for (guint i = 0; same != NULL && i < same->len; i++)
    {
      FiscalProject *p = g_ptr_array_index (same, i);
      const char *unit = fiscal_project_get_field (p, FISCAL_PROJECT_UNIT);

      /* units may have projects of the same name */
      if (unit == NULL || ctx->unit == NULL || g_str_equal (unit, ctx->unit))
        return p;   /* the document holds a reference */
    }
  id = g_strdup_printf ("p%u", n + 1);
  project = fiscal_project_new (id, name);
  fiscal_project_set_field (project, FISCAL_PROJECT_UNIT, ctx->unit ? ctx->unit : UNIT_ID);
  fiscal_document_add_project (ctx->doc, project);
  if (same == NULL)
    {
      same = g_ptr_array_new ();
      g_hash_table_insert (ctx->projects, g_strdup (name), same);
    }
  g_ptr_array_add (same, project);
  g_hash_table_insert (ctx->project_ids, g_strdup (id), project);
  return project;
}

/* A project the import made, by its id. */
static FiscalProject *
project_by_id (Ctx        *ctx,
               const char *id)
{
  return id ? g_hash_table_lookup (ctx->project_ids, id) : NULL;
}

/* The economic 类 a project's money mostly goes to, from its 表 7 lines. */
static const char *
main_class (Ctx        *ctx,
            const char *project_id)
{
  gint64 best = 0;
  const char *klass = NULL;

  for (guint c = 0; c < G_N_ELEMENTS (class_codes); c++)
    {
      gint64 sum = 0;

      for (guint l = 0; l < ctx->lines->len; l++)
        {
          Draft *d = g_ptr_array_index (ctx->lines, l);
          if (g_strcmp0 (d->project, project_id) == 0 && g_strcmp0 (d->economic, class_codes[c]) == 0)
            sum = add (ctx, sum, d->amount);
        }
      if (sum > best)
        {
          best = sum;
          klass = class_codes[c];
        }
    }
  return klass;
}

/* The funds a project target table states: [total, fiscal, other]. */
static gboolean
target_funds (Ctx        *ctx,
              const char *project_name,
              gint64     *other,
              guint      *line)
{
  GPtrArray *tables = fiscal_disclosure_get_target_tables (ctx->disclosure);

  for (guint t = 0; t < tables->len; t++)
    {
      FiscalTable *table = g_ptr_array_index (tables, t);
      const char *meta = fiscal_disclosure_target_lines (table);
      g_autoptr(GRegex) re = g_regex_new ("其他资金[^0-9\\n]*([0-9][0-9,]*(\\.[0-9]+)?)", 0, 0, NULL);
      g_autoptr(GMatchInfo) info = NULL;

      if (!g_str_has_prefix (fiscal_table_get_title (table), "项目支出绩效目标表") || meta == NULL ||
          strstr (meta, project_name) == NULL)
        continue;
      if (g_regex_match (re, meta, 0, &info))
        {
          g_autofree char *figure = g_match_info_fetch (info, 1);
          g_autofree char *plain = g_strdup (figure);
          char *w = plain;

          for (const char *p = figure; *p; p++)
            if (*p != ',')
              *w++ = *p;
          *w = 0;
          *line = fiscal_table_get_source_line (table);
          return fiscal_money_parse_wan (plain, other, NULL);
        }
    }
  return FALSE;
}

/* 表 11's row for @function: personnel, public and project money carried
 * over, of fiscal (@fiscal) or other funds. Its rows are named with their
 * code (“2010302 一般行政管理事务”). */
static gboolean
carryover_split (Ctx        *ctx,
                 const char *function,
                 gboolean    fiscal,
                 gint64     *split,
                 guint      *line)
{
  FiscalTable *t11 = fiscal_disclosure_get_table (ctx->disclosure, 11);
  gsize len = strlen (function);

  if (t11 == NULL)
    return FALSE;
  for (guint r = 0; r < fiscal_table_get_n_rows (t11); r++)
    {
      const FiscalTableRow *row = fiscal_table_get_row (t11, r);

      if (g_str_has_prefix (row->name, function) && (row->name[len] == ' ' || row->name[len] == 0))
        {
          for (guint k = 0; k < 3; k++)
            split[k] = cell (row, (fiscal ? 2 : 6) + k);
          *line = row->source_line;
          return TRUE;
        }
    }
  return FALSE;
}

/* The project that takes @fn's project money that no table gives to a
 * project: the one of this function whose target table states other funds
 * (*@other, on *@line), else the function's first project; NULL when the
 * function has none. */
static FiscalProject *
project_for_money (Ctx    *ctx,
                   Fn     *fn,
                   gint64 *other,
                   guint  *line)
{
  FiscalProject *project = NULL;

  for (guint l = 0; l < ctx->lines->len && project == NULL; l++)
    {
      Draft *d = g_ptr_array_index (ctx->lines, l);

      if (d->project && g_strcmp0 (d->function, fn->code) == 0)
        {
          FiscalProject *p = project_by_id (ctx, d->project);
          if (p && target_funds (ctx, fiscal_project_get_name (p), other, line) && *other > 0)
            project = p;
        }
    }
  if (project == NULL)
    {
      *other = 0;
      for (guint l = 0; l < ctx->lines->len && project == NULL; l++)
        {
          Draft *d = g_ptr_array_index (ctx->lines, l);
          if (d->project && g_strcmp0 (d->function, fn->code) == 0)
            project = project_by_id (ctx, d->project);
        }
    }
  return project;
}

/* The project made to hold @fn's project money that belongs to no project
 * the publication names. */
static FiscalProject *
function_project (Ctx *ctx,
                  Fn  *fn)
{
  g_autofree char *name = g_strdup_printf ("%s %s", fn->code, function_name (ctx, fn->code));

  return find_or_add_project (ctx, name);
}

static void
place_projects (Ctx *ctx)
{
  FiscalTable *t7 = fiscal_disclosure_get_table (ctx->disclosure, 7);
  g_autoptr(GHashTable) t7_general = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* general project money, by 表 7 */
  if (t7 != NULL)
    for (guint r = 0; r < fiscal_table_get_n_rows (t7); r++)
      {
        const FiscalTableRow *row = fiscal_table_get_row (t7, r);
        FiscalProject *project;
        Fn *fn;
        gint64 sum = 0;

        if (row->level == 0 && r > 0)
          {
            /* a unit's block: the department itself, or one of its units */
            if (g_strcmp0 (row->name, fiscal_document_get_department_name (ctx->doc)) == 0)
              ctx->unit = UNIT_ID;
            else
              {
                GListModel *units = fiscal_document_get_units (ctx->doc);
                guint n_units = g_list_model_get_n_items (units);

                ctx->unit = NULL;
                for (guint u = 0; u < n_units && ctx->unit == NULL; u++)
                  {
                    g_autoptr(FiscalUnit) unit = g_list_model_get_item (units, u);
                    if (g_strcmp0 (fiscal_unit_get_name (unit), row->name) == 0)
                      ctx->unit = fiscal_unit_get_id (unit);
                  }
                if (ctx->unit == NULL)
                  {
                    g_autofree char *id = g_strdup_printf ("u%u", n_units);
                    g_autoptr(FiscalUnit) unit = fiscal_unit_new (id, row->name);

                    fiscal_document_add_unit (ctx->doc, unit);
                    ctx->unit = fiscal_unit_get_id (unit);
                    report (ctx, FISCAL_IMPORT_INFO, row->source_line,
                            _("表 7 has a block for the unit “%s”; its projects are put under it"), row->name);
                  }
              }
            continue;
          }
        if (row->level != 3)
          continue;
        if (row->project == NULL || *row->project == 0)
          {
            report (ctx, FISCAL_IMPORT_WARNING, row->source_line,
                    _("表 7 %s %s has no project name; a project is named after the function"), row->code, row->name);
          }
        project = find_or_add_project (ctx, row->project && *row->project ? row->project : row->name);
        if (ctx->unit != NULL)
          fiscal_project_set_field (project, FISCAL_PROJECT_UNIT, ctx->unit);
        fn = get_fn (ctx, row->code);
        for (guint c = 0; c < G_N_ELEMENTS (class_codes); c++)
          {
            gint64 amount = cell (row, 1 + c);
            gint64 placed = (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (t7_general, row->code));
            gint64 from_general = MIN (amount, MAX ((gint64) 0, sub (ctx, sub (ctx, fn->source[FISCAL_SOURCE_GENERAL], fn->gbasic), placed)));

            if (amount == 0)
              continue;
            add_draft (ctx, row->code, class_codes[c], FISCAL_KIND_PROJECT, fiscal_project_get_id (project),
                       FISCAL_SOURCE_GENERAL, from_general);
            if (amount > from_general)
              add_draft (ctx, row->code, class_codes[c], FISCAL_KIND_PROJECT, fiscal_project_get_id (project),
                         FISCAL_SOURCE_GENERAL_TRANSFER, sub (ctx, amount, from_general));
            sum = add (ctx, sum, amount);
            g_hash_table_insert (t7_general, g_strdup (row->code), GSIZE_TO_POINTER ((gsize) add (ctx, placed, amount)));
          }
        if (ABS (sub (ctx, sum, cell (row, 0))) > FISCAL_FEN_PER_WAN / 200 * (gint64) (G_N_ELEMENTS (class_codes) + 1))
          report (ctx, FISCAL_IMPORT_WARNING, row->source_line,
                  _("表 7 %s %s: the economic columns add up to %s, the row's total is %s"),
                  row->code, row->project ? row->project : "", wan (ctx, sum), wan (ctx, cell (row, 0)));
      }

  ctx->unit = UNIT_ID;

  /* the rest of each function's project money, by source */
  for (guint i = 0; i < ctx->fn_order->len; i++)
    {
      Fn *fn = g_ptr_array_index (ctx->fn_order, i);
      gint64 placed_general = GPOINTER_TO_SIZE (g_hash_table_lookup (t7_general, fn->code));
      gint64 general_project = fn->gproject;
      gint64 remaining[FISCAL_N_SOURCES];
      gint64 basic_left, project_left;

      /* what the basic and general-project lines took of each source */
      memcpy (remaining, fn->source, sizeof remaining);
      {
        gint64 gb = fn->gbasic;
        gint64 take = MIN (gb, remaining[FISCAL_SOURCE_GENERAL]);
        remaining[FISCAL_SOURCE_GENERAL] = sub (ctx, remaining[FISCAL_SOURCE_GENERAL], take);
        remaining[FISCAL_SOURCE_GENERAL_TRANSFER] = sub (ctx, remaining[FISCAL_SOURCE_GENERAL_TRANSFER], sub (ctx, gb, take));
        take = MIN (placed_general, remaining[FISCAL_SOURCE_GENERAL]);
        remaining[FISCAL_SOURCE_GENERAL] = sub (ctx, remaining[FISCAL_SOURCE_GENERAL], take);
        remaining[FISCAL_SOURCE_GENERAL_TRANSFER] = sub (ctx, remaining[FISCAL_SOURCE_GENERAL_TRANSFER], sub (ctx, placed_general, take));
      }

      if (general_project != placed_general)
        {
          gint64 missing = sub (ctx, general_project, placed_general);

          if (missing > 0)
            {
              FiscalProject *project = find_or_add_project (ctx, function_name (ctx, fn->code)[0] ? function_name (ctx, fn->code) : fn->code);
              add_draft (ctx, fn->code, NULL, FISCAL_KIND_PROJECT, fiscal_project_get_id (project),
                         FISCAL_SOURCE_GENERAL, missing);
              remaining[FISCAL_SOURCE_GENERAL] = sub (ctx, remaining[FISCAL_SOURCE_GENERAL], missing);
            }
          /* a publication without 表 7 names no project: a project made
           * for the function holds its money, as inferred */
          if (t7 == NULL && missing > 0)
            report (ctx, FISCAL_IMPORT_INFERENCE, fn->line_t5,
                    _("%s: the publication has no table of projects; its general project money %s is held by the project “%s”"),
                    fn->code, wan (ctx, general_project),
                    function_name (ctx, fn->code)[0] ? function_name (ctx, fn->code) : fn->code);
          else
            report (ctx, FISCAL_IMPORT_WARNING, fn->line_t5,
                    _("%s: 表 5 gives %s of general project money, 表 7 %s"),
                    fn->code, wan (ctx, general_project), wan (ctx, placed_general));
        }

      /* fund and capital money by 表 8 and 表 9 */
      for (guint b = 0; b < 2; b++)
        {
          gint64 *k = b == 0 ? fn->fund : fn->capital;
          FiscalSource src = b == 0 ? FISCAL_SOURCE_FUND : FISCAL_SOURCE_CAPITAL;

          for (guint kind = 0; kind < 3; kind++)
            if (k[kind] != 0)
              {
                FiscalProject *project = NULL;
                gint64 other = 0;
                guint line = 0;

                /* A project line is a project's, and 表 8 and 表 9 name
                 * none: a project of the function, or one made for it. */
                if (kind == FISCAL_KIND_PROJECT &&
                    (project = project_for_money (ctx, fn, &other, &line)) == NULL)
                  {
                    project = function_project (ctx, fn);
                    report (ctx, FISCAL_IMPORT_INFERENCE, fn->line_t2,
                            _("%s: 表 %u project money %s is given to no project; a project “%s” holds it"),
                            fn->code, b == 0 ? 8 : 9, wan (ctx, k[kind]), fiscal_project_get_name (project));
                  }
                add_draft (ctx, fn->code, kind == FISCAL_KIND_PROJECT ? NULL : (kind == 0 ? "30199" : "30299"),
                           kind, project ? fiscal_project_get_id (project) : NULL, src, k[kind]);
                remaining[src] = sub (ctx, remaining[src], k[kind]);
                report (ctx, FISCAL_IMPORT_INFERENCE, fn->line_t2,
                        _("%s: 表 %u %s %s put on one line; the table gives no economic code"),
                        fn->code, b == 0 ? 8 : 9, fiscal_kind_label (kind), wan (ctx, k[kind]));
              }
        }

      /* the other sources: basic money first, then projects */
      gint64 split[3];
      guint t11_line = 0;

      basic_left = sub (ctx, sub (ctx, sub (ctx, sub (ctx, sub (ctx, fn->basic, fn->gbasic), fn->fund[0]), fn->fund[1]),
                                      fn->capital[0]), fn->capital[1]);
      project_left = sub (ctx, sub (ctx, sub (ctx, fn->project, fn->gproject), fn->fund[2]), fn->capital[2]);
      for (guint s = 0; s < FISCAL_N_SOURCES; s++)
        {
          gint64 amount = remaining[s];

          if (amount <= 0 || s == FISCAL_SOURCE_GENERAL || s == FISCAL_SOURCE_GENERAL_TRANSFER ||
              s == FISCAL_SOURCE_FUND || s == FISCAL_SOURCE_CAPITAL)
            {
              if (amount != 0 && (s == FISCAL_SOURCE_GENERAL || s == FISCAL_SOURCE_GENERAL_TRANSFER))
                report (ctx, within_rounding (ctx, amount) ? FISCAL_IMPORT_INFO : FISCAL_IMPORT_WARNING, fn->line_t2,
                        within_rounding (ctx, amount)
                        ? _("%s: %s of %s left over after 表 5; within the rounding of the published figures")
                        : _("%s: %s of %s left over after 表 5; the tables disagree"),
                        fn->code, wan (ctx, amount), fiscal_source_label (s));
              continue;
            }

          /* carry-over: 表 11 splits it by kind */
          if (fiscal_source_is_carryover (s) && carryover_split (ctx, fn->code, fiscal_source_get_budget (s) != FISCAL_BUDGET_NONE, split, &t11_line))
            {
              for (guint k = 0; k < 2 && amount > 0; k++)
                {
                  gint64 part = MIN (amount, split[k]);
                  const char *economic = k == 0 ? "30199" : "30299";

                  if (part <= 0)
                    continue;
                  for (guint l = 0; l < ctx->lines->len; l++)
                    {
                      Draft *d = g_ptr_array_index (ctx->lines, l);
                      if (g_strcmp0 (d->function, fn->code) == 0 && d->kind == (FiscalKind) k && d->economic &&
                          strlen (d->economic) == 5)
                        economic = d->economic;
                    }
                  add_draft (ctx, fn->code, economic, k, NULL, s, part);
                  report (ctx, FISCAL_IMPORT_INFERENCE, t11_line,
                          _("%s: carry-over of %s %s (表 11) placed on economic code %s"),
                          fn->code, fiscal_kind_label (k), wan (ctx, part), economic);
                  basic_left = sub (ctx, basic_left, part);
                  amount = sub (ctx, amount, part);
                }
              if (amount != split[2])
                report (ctx, FISCAL_IMPORT_WARNING, t11_line,
                        _("%s: 表 11 gives %s of carried-over project money, 表 2 leaves %s"),
                        fn->code, wan (ctx, split[2]), wan (ctx, amount));
            }
          else if (basic_left > 0)
            {
              gint64 part = MIN (amount, basic_left);
              Draft *largest = NULL;

              for (guint l = 0; l < ctx->lines->len; l++)
                {
                  Draft *d = g_ptr_array_index (ctx->lines, l);
                  if (g_strcmp0 (d->function, fn->code) == 0 && d->kind != FISCAL_KIND_PROJECT &&
                      (largest == NULL || d->amount > largest->amount))
                    largest = d;
                }
              add_draft (ctx, fn->code, largest ? largest->economic : "30299",
                         largest ? largest->kind : FISCAL_KIND_PUBLIC, NULL, s, part);
              report (ctx, FISCAL_IMPORT_INFERENCE, fn->line_t3,
                      _("%s: basic money of %s %s placed on economic code %s, the function's largest basic line (no table gives its economic code)"),
                      fn->code, fiscal_source_label (s), wan (ctx, part), largest ? largest->economic : "30299");
              basic_left = sub (ctx, basic_left, part);
              amount = sub (ctx, amount, part);
            }
          if (amount > 0)
            {
              const char *klass;
              gint64 other = 0;
              guint line = 0;
              FiscalProject *project = project_for_money (ctx, fn, &other, &line);

              if (project == NULL)
                {
                  project = function_project (ctx, fn);
                  report (ctx, FISCAL_IMPORT_WARNING, fn->line_t3,
                          _("%s: project money of %s %s belongs to no named project; a project “%s” holds it"),
                          fn->code, fiscal_source_label (s), wan (ctx, amount), fiscal_project_get_name (project));
                }

              klass = main_class (ctx, fiscal_project_get_id (project));
              add_draft (ctx, fn->code, klass, FISCAL_KIND_PROJECT, fiscal_project_get_id (project), s, amount);
              report (ctx, FISCAL_IMPORT_INFERENCE, line ? line : fn->line_t3,
                      _("%s: project money of %s %s given to project “%s”%s, economic 类 %s (its main 类 in 表 7)"),
                      fn->code, fiscal_source_label (s), wan (ctx, amount), fiscal_project_get_name (project),
                      other > 0 ? _(" whose target table states other funds") : "", klass ? klass : "-");
              project_left = sub (ctx, project_left, amount);
            }
        }
    }
}

/* -- 5. “三公” (表 10) -- */

static void
check_sangong (Ctx *ctx)
{
  FiscalTable *t10 = fiscal_disclosure_get_table (ctx->disclosure, 10);
  static const struct { const char *row; FiscalSangong kind; const char *klass; } items[] = {
    { "因公出国", FISCAL_SANGONG_ABROAD, "302" },
    { "公务接待", FISCAL_SANGONG_RECEPTION, "302" },
    { "购置费", FISCAL_SANGONG_VEHICLE_PURCHASE, "310" },
    { "运行费", FISCAL_SANGONG_VEHICLE_OPERATION, "302" },
  };

  if (t10 == NULL || ctx->economics == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      const FiscalTableRow *row = NULL;
      const char *code = NULL;
      gint64 have = 0, want;

      for (guint r = 0; r < fiscal_table_get_n_rows (t10); r++)
        {
          const FiscalTableRow *candidate = fiscal_table_get_row (t10, r);
          if (strstr (candidate->name, items[i].row) && !strstr (candidate->name, "小计"))
            row = candidate;
        }
      if (row == NULL)
        continue;
      want = cell (row, 1);   /* the general budget */

      for (guint c = 0; c < fiscal_catalog_get_n_items (ctx->economics); c++)
        {
          const FiscalCatalogItem *item = fiscal_catalog_get_item (ctx->economics, c);
          if (item->sangong == items[i].kind && strlen (item->code) == 5)
            code = item->code;
        }
      if (code == NULL)
        continue;

      for (guint l = 0; l < ctx->lines->len; l++)
        {
          Draft *d = g_ptr_array_index (ctx->lines, l);
          if (g_strcmp0 (d->economic, code) == 0 && fiscal_source_get_budget (d->source) == FISCAL_BUDGET_GENERAL)
            have = add (ctx, have, d->amount);
        }

      if (want > have)
        {
          gint64 need = sub (ctx, want, have);

          /* basic money without an economic code of its own (表 6
           * missing) first, then project money of the 类 */
          for (guint pass = 0; pass < 2 && need > 0; pass++)
            for (guint l = 0; l < ctx->lines->len && need > 0; l++)
              {
                Draft *d = g_ptr_array_index (ctx->lines, l);
                gint64 take;

                if (fiscal_source_get_budget (d->source) != FISCAL_BUDGET_GENERAL || d->amount <= 0)
                  continue;
                if (pass == 0 ? (d->kind != FISCAL_KIND_PUBLIC || g_strcmp0 (d->economic, "30299") != 0 ||
                                 fiscal_disclosure_get_table (ctx->disclosure, 6) != NULL)
                              : (d->kind != FISCAL_KIND_PROJECT || g_strcmp0 (d->economic, items[i].klass) != 0))
                  continue;
                take = MIN (need, d->amount);
                d->amount = sub (ctx, d->amount, take);
                d->base = d->amount;
                add_draft (ctx, d->function, code, d->kind, d->project, d->source, take);
                need = sub (ctx, need, take);
                report (ctx, FISCAL_IMPORT_INFERENCE, row->source_line,
                        _("表 10 %s %s: %s of %s money on %s given economic code %s"),
                        row->name, wan (ctx, want), wan (ctx, take), fiscal_kind_label (d->kind), d->function, code);
              }
          if (need > 0)
            report (ctx, FISCAL_IMPORT_WARNING, row->source_line,
                    _("表 10 %s is %s, but only %s can be found in 表 6 and 表 7"),
                    row->name, wan (ctx, want), wan (ctx, sub (ctx, want, need)));
        }
      else if (want < have)
        report (ctx, FISCAL_IMPORT_WARNING, row->source_line,
                _("表 10 %s is %s, but 表 6 has %s on %s"), row->name, wan (ctx, want), wan (ctx, have), code);
    }
}

/* -- 6. Reproducing the published cells -- */

static gboolean
same_name (const char *a,
           const char *b)
{
  return g_strcmp0 (a, b) == 0;
}

/* The rebuilt row that shows the published row @published (at @index in
 * its table): the same place first, else the same code (and project), else
 * the same name. *@position: its index. */
static const FiscalTableRow *
match_row (FiscalTable          *made,
           FiscalTable          *table,
           const FiscalTableRow *published,
           guint                 index,
           guint                *position)
{
  guint n = fiscal_table_get_n_rows (made);
  guint from = 0, to = n;

  *position = G_MAXUINT;

  /* 表 7 has a block of rows per unit, each under its unit's row: a code
   * is looked for in its own block */
  if (*published->code)
    {
      const char *block = NULL;

      for (guint r = index; r-- > 1;)
        if (fiscal_table_get_row (table, r)->level == 0)
          {
            block = fiscal_table_get_row (table, r)->name;
            break;
          }
      if (block != NULL)
        for (guint r = 1; r < n; r++)
          {
            const FiscalTableRow *row = fiscal_table_get_row (made, r);

            if (row->level == 0 && g_strcmp0 (row->name, block) == 0)
              {
                from = r;
                for (to = r + 1; to < n && fiscal_table_get_row (made, to)->level != 0; to++)
                  ;
                break;
              }
          }
    }

  if (index < n)
    {
      const FiscalTableRow *row = fiscal_table_get_row (made, index);

      if (g_str_equal (row->code, published->code) && same_name (row->name, published->name) &&
          g_strcmp0 (row->project, published->project) == 0)
        return *position = index, row;
    }
  if (*published->code)
    {
      for (guint r = from; r < to; r++)
        {
          const FiscalTableRow *row = fiscal_table_get_row (made, r);
          if (g_str_equal (row->code, published->code) &&
              (published->project == NULL || g_strcmp0 (row->project, published->project) == 0))
            return *position = r, row;
        }
      return NULL;
    }
  if (index < n && same_name (fiscal_table_get_row (made, index)->name, published->name))
    return *position = index, fiscal_table_get_row (made, index);
  for (guint r = 0; r < n; r++)
    {
      const FiscalTableRow *row = fiscal_table_get_row (made, r);
      if (!*row->code && same_name (row->name, published->name))
        return *position = r, row;
    }
  /* 表 7's department row and totals */
  if (index < n && !*fiscal_table_get_row (made, index)->code)
    return *position = index, fiscal_table_get_row (made, index);
  return NULL;
}

typedef struct
{
  guint  table;
  guint  published_row;
  guint  row;      /* in the rebuilt table, G_MAXUINT if none matches */
  guint  column;   /* amount cell index */
  gint64 published;
  gint64 made;
  guint  line;
} Miss;

/* @fen as @table prints it, in units of its last digit, rounded half
 * away from zero. */
static gint64
displayed (FiscalTable *table,
           gint64       fen)
{
  gint64 ulp = table_ulp (table);
  guint64 m = fen < 0 ? -(guint64) fen : (guint64) fen;
  guint64 q = (m + ulp / 2) / ulp;

  return fen < 0 ? -(gint64) q : (gint64) q;
}

/* The rebuilt table of number @number, or NULL. */
static FiscalTable *
made_table (GPtrArray *made,
            guint      number)
{
  for (guint i = 0; i < made->len; i++)
    if (fiscal_table_get_number (g_ptr_array_index (made, i)) == number)
      return g_ptr_array_index (made, i);
  return NULL;
}

/* The published amount cells (@published is indexed by the tables'
 * numbers, up to @max), each with what @made (the rebuilt tables, of the
 * same format) shows in its place: all of them, or only those the rebuilt
 * tables do not show as published. */
static GArray *
compare_cells (FiscalTable *const *published,
               guint               max,
               GPtrArray          *made,
               gboolean            all,
               guint              *n_cells)
{
  GArray *cells = g_array_new (FALSE, FALSE, sizeof (Miss));

  *n_cells = 0;
  for (guint n = 1; n <= max; n++)
    {
      FiscalTable *table = made_table (made, n);

      if (published[n] == NULL || table == NULL)
        continue;
      for (guint r = 0; r < fiscal_table_get_n_rows (published[n]); r++)
        {
          const FiscalTableRow *prow = fiscal_table_get_row (published[n], r);
          guint position = G_MAXUINT;
          const FiscalTableRow *mrow = match_row (table, published[n], prow, r, &position);

          for (guint c = 0; c < prow->n_cells; c++)
            {
              Miss miss = { n, r, mrow ? position : G_MAXUINT, c, 0, 0, prow->source_line };

              if (prow->cells[c].text != NULL)
                continue;
              (*n_cells)++;
              miss.published = prow->cells[c].amount;
              miss.made = mrow && c < mrow->n_cells ? mrow->cells[c].amount : 0;
              if (all || displayed (published[n], miss.made) != displayed (published[n], miss.published))
                g_array_append_val (cells, miss);
            }
        }
    }
  return cells;
}

/* The published amount cells that the document's tables, in the format
 * of the publication, do not show as published. */
static GArray *
mismatches (FiscalDisclosure *disclosure,
            FiscalDocument   *document,
            guint            *n_cells)
{
  FiscalTable *published[MAX_TABLES + 1] = { NULL };
  g_autoptr(GPtrArray) made = fiscal_pivot_format_tables (document, fiscal_disclosure_get_format (disclosure));

  for (guint n = 1; n <= MAX_TABLES; n++)
    published[n] = fiscal_disclosure_get_format_table (disclosure, n);
  return compare_cells (published, MAX_TABLES, made, FALSE, n_cells);
}

/* Moves lines within their rounding so that every published cell shows
 * what was published. Each published cell knows the lines it sums; a cell
 * outside its rounding window [P − ½, P + ½) pulls its lines towards P, each
 * line moving no further than its slack and no further than every other
 * cell it is in allows (a cell that is right stays right; one that is wrong
 * may only get better). A few rounds of this settle the parents whose
 * published figure is not the sum of the published children. */
typedef struct
{
  gint64   published;
  gint64   current;
  GArray  *lines;        /* guint line indices */
  gboolean valid;        /* its lines are told exactly */
  guint    table;
  guint    row;          /* in the rebuilt table */
  guint    cell;
  int      column;
  gint64   made;         /* the rebuilt table's figure */
  gint64   half;         /* half the last digit its table prints */
} Target;


#define MAX_STEPS      G_GUINT64_CONSTANT (200000000)   /* cells touched by moving lines */

static gint64
window_lo (const Target *t)
{
  return t->published - t->half;
}

static gint64
window_hi (const Target *t)
{
  return t->published + t->half - 1;
}

/* The unit of a line, to find the rows of 表 7 that can hold it: those
 * of the block with the unit's name (or the department's, for its own). */
typedef struct
{
  const char *unit_name;    /* the name of the line's unit, or NULL */
  gboolean    main_unit;    /* the line is the department's own */
} LineKeys;

static void
line_keys (Ctx        *ctx,
           FiscalLine *line,
           LineKeys   *keys)
{
  const char *unit_id = fiscal_line_get_unit (line) ? fiscal_line_get_unit (line) : UNIT_ID;
  FiscalUnit *unit = fiscal_document_find_unit (ctx->doc, unit_id);

  keys->unit_name = unit ? fiscal_unit_get_name (unit) : NULL;
  keys->main_unit = g_strcmp0 (fiscal_line_get_unit (line), UNIT_ID) == 0;
}

/* The unit block of each row of 表 7: the name of the nearest row of
 * level 0 at or above it, past the 总计 of row 0; NULL where there is
 * none. */
static const char **
table7_blocks (FiscalTable *table)
{
  guint n_rows = fiscal_table_get_n_rows (table);
  const char **blocks = g_new0 (const char *, n_rows + 1);
  const char *block = NULL;

  for (guint r = 1; r < n_rows; r++)
    {
      const FiscalTableRow *row = fiscal_table_get_row (table, r);

      if (row->level == 0)
        block = row->name;
      blocks[r] = block;
    }
  return blocks;
}

/* The rows whose figures the lines are moved to reproduce: every row of
 * a code hierarchy, and the rows with a code of the other tables (their
 * totals, and 表 1, 4 and 10, follow from those). */
static gboolean
is_target_row (FiscalTable *table,
               guint        row)
{
  guint n = fiscal_table_get_number (table);

  if (n == 1 || n == 4 || n == 7 || n == 10)
    return fiscal_table_get_row (table, row)->code[0] != 0;
  return fiscal_pivot_row_traceable (table, row);
}

static void
reproduce_rounding (Ctx *ctx)
{
  GListModel *model = fiscal_document_get_lines (ctx->doc);
  guint n_lines = g_list_model_get_n_items (model);
  g_autoptr(GPtrArray) made = fiscal_pivot_all_national (ctx->doc);
  g_autoptr(GArray) targets = g_array_new (FALSE, TRUE, sizeof (Target));
  g_autoptr(GPtrArray) line_objs = g_ptr_array_new_with_free_func (g_object_unref);
  GArray **memberships;
  GArray *row_targets[FISCAL_N_TABLES + 1] = { NULL };   /* per published row: its first target, or G_MAXUINT */
  GHashTable *by_code[FISCAL_N_TABLES + 1] = { NULL };   /* code → published rows (tables with codes) */
  guint64 work = 0;
  guint64 steps = 0;
  const char **blocks7 = NULL;

  for (guint l = 0; l < n_lines; l++)
    g_ptr_array_add (line_objs, g_list_model_get_item (model, l));

  /* a target for every published amount cell of a row the rebuilt table
   * has and can trace */
  for (guint n = 1; n <= FISCAL_N_TABLES; n++)
    {
      FiscalTable *published = fiscal_disclosure_get_table (ctx->disclosure, n);
      FiscalTable *table = g_ptr_array_index (made, n - 1);

      if (published == NULL)
        continue;
      row_targets[n] = g_array_new (FALSE, FALSE, sizeof (guint));
      by_code[n] = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref);
      for (guint r = 0; r < fiscal_table_get_n_rows (published); r++)
        {
          const FiscalTableRow *prow = fiscal_table_get_row (published, r);
          guint row_index, first = G_MAXUINT;
          const FiscalTableRow *mrow = match_row (table, published, prow, r, &row_index);
          GArray *same;

          if (mrow != NULL && is_target_row (table, row_index))
            {
              first = targets->len;
              for (guint c = 0; c < prow->n_cells; c++)
                {
                  Target t = { prow->cells[c].amount, 0, NULL, FALSE, n, row_index, c };

                  t.half = table_ulp (published) / 2;

                  t.column = fiscal_table_cell_to_column (table, c);
                  t.valid = prow->cells[c].text == NULL && t.column >= 0 && c < mrow->n_cells;
                  t.made = t.valid ? mrow->cells[c].amount : 0;
                  t.lines = g_array_new (FALSE, FALSE, sizeof (guint));
                  g_array_append_val (targets, t);
                }
            }
          g_array_append_val (row_targets[n], first);

          same = g_hash_table_lookup (by_code[n], prow->code);
          if (same == NULL)
            {
              same = g_array_new (FALSE, FALSE, sizeof (guint));
              g_hash_table_insert (by_code[n], prow->code, same);
            }
          g_array_append_val (same, r);
        }
    }

  /* the cost of finding each cell's lines: a line is looked for only in
   * the rows of its codes, and in the tables without codes */
  for (guint n = 1; n <= FISCAL_N_TABLES; n++)
    {
      FiscalTable *published = fiscal_disclosure_get_table (ctx->disclosure, n);

      if (published && fiscal_table_get_n_rows (published) > 0)
        {
          gboolean coded = g_hash_table_size (by_code[n]) > 2;

          work += (guint64) (coded ? 8 : fiscal_table_get_n_rows (published)) * fiscal_table_get_n_cells (published) * n_lines;
        }
    }
  if (work > G_GUINT64_CONSTANT (400000000))
    {
      report (ctx, FISCAL_IMPORT_INFO, 0,
              _("The budget is too large to move its lines within the rounding of the published figures; parents are left as the sums of their rows"));
      goto out;
    }

  blocks7 = table7_blocks (g_ptr_array_index (made, 6));
  memberships = g_new0 (GArray *, n_lines);
  for (guint l = 0; l < n_lines; l++)
    {
      FiscalLine *line = g_ptr_array_index (line_objs, l);
      Draft *d = g_ptr_array_index (ctx->lines, l);
      LineKeys keys;

      line_keys (ctx, line, &keys);

      memberships[l] = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint n = 1; n <= FISCAL_N_TABLES; n++)
        {
          FiscalTable *published = fiscal_disclosure_get_table (ctx->disclosure, n);
          FiscalTable *table = g_ptr_array_index (made, n - 1);
          const char *code = n == 6 ? fiscal_line_get_economic (line) : fiscal_line_get_function (line);
          g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (guint));
          gboolean coded;

          if (published == NULL || fiscal_table_get_n_rows (published) == 0)
            continue;
          coded = g_hash_table_size (by_code[n]) > 2;
          if (coded)
            {
              static const guint lengths[] = { 0, 3, 5, 7 };

              for (guint k = 0; k < G_N_ELEMENTS (lengths); k++)
                {
                  g_autofree char *prefix = NULL;
                  GArray *rows;

                  if (code == NULL ? k > 0 : strlen (code) < lengths[k])
                    continue;
                  prefix = g_strndup (code ? code : "", lengths[k]);
                  rows = g_hash_table_lookup (by_code[n], prefix);
                  if (rows)
                    g_array_append_vals (candidates, rows->data, rows->len);
                }
            }
          else
            for (guint r = 0; r < fiscal_table_get_n_rows (published); r++)
              g_array_append_val (candidates, r);

          for (guint k = 0; k < candidates->len; k++)
            {
              guint r = g_array_index (candidates, guint, k);
              guint first = g_array_index (row_targets[n], guint, r);
              const FiscalTableRow *prow = fiscal_table_get_row (published, r);

              if (first == G_MAXUINT)
                continue;
              /* 表 7: only the rows of the line's own unit block */
              if (n == 7 && prow->n_cells > 0)
                {
                  const Target *t0 = &g_array_index (targets, Target, first);
                  const char *block = t0->row > 0 ? blocks7[t0->row] : NULL;

                  if (block != NULL && g_strcmp0 (keys.unit_name, block) != 0 &&
                      !(keys.main_unit && g_strcmp0 (block, fiscal_document_get_department_name (ctx->doc)) == 0))
                    continue;
                }
              for (guint c = 0; c < prow->n_cells; c++)
                {
                  guint index = first + c;
                  Target *t = &g_array_index (targets, Target, index);

                  if (!t->valid || !fiscal_pivot_line_in_cell (table, t->row, t->column, line))
                    continue;
                  g_array_append_val (t->lines, l);
                  g_array_append_val (memberships[l], index);
                  t->current = add (ctx, t->current, d->amount);
                }
            }
        }
    }

  /* only cells whose lines are told exactly take part */
  for (guint i = 0; i < targets->len; i++)
    {
      Target *t = &g_array_index (targets, Target, i);

      if (t->valid && t->current != t->made)
        t->valid = FALSE;
    }

  /* Cyclic projection: each cell outside its window has the difference
   * to a point inside it shared evenly over its lines that can still move;
   * what that does to other cells is put right when their turn comes. */
  for (guint round = 0, best = G_MAXUINT, stale = 0;
       round < 400 && stale < 40 && steps < MAX_STEPS && !g_cancellable_is_cancelled (ctx->cancellable);
       round++)
    {
      gboolean violated = FALSE;
      guint n_violated = 0;

      for (guint i = 0; i < targets->len; i++)
        {
          Target *t = &g_array_index (targets, Target, i);
          gint64 goal, need;

          if (!t->valid || (t->current >= window_lo (t) && t->current <= window_hi (t)))
            continue;
          violated = TRUE;
          n_violated++;
          goal = t->current < window_lo (t) ? window_lo (t) + t->half / 2 : window_hi (t) - t->half / 2;
          need = sub (ctx, goal, t->current);

          for (guint pass = 0; pass < 4 && need != 0; pass++)
            {
              guint n_free = 0;

              for (guint k = 0; k < t->lines->len; k++)
                {
                  Draft *d = g_ptr_array_index (ctx->lines, g_array_index (t->lines, guint, k));
                  if (need > 0 ? d->amount < d->base + d->slack : d->amount > d->base - d->slack)
                    n_free++;
                }
              if (n_free == 0)
                break;

              for (guint k = 0; k < t->lines->len && need != 0; k++)
                {
                  guint l = g_array_index (t->lines, guint, k);
                  Draft *d = g_ptr_array_index (ctx->lines, l);
                  gint64 share = need / (gint64) n_free;
                  gint64 delta;

                  if (share == 0)
                    share = need;
                  /* base and amount are money and slack under half a printed digit */
                  delta = sub (ctx, CLAMP (add (ctx, d->amount, share), d->base - d->slack, d->base + d->slack), d->amount);
                  if (delta == 0)
                    continue;
                  d->amount = add (ctx, d->amount, delta);
                  need = sub (ctx, need, delta);
                  steps += memberships[l]->len;
                  for (guint m = 0; m < memberships[l]->len; m++)
                    {
                      Target *moved = &g_array_index (targets, Target, g_array_index (memberships[l], guint, m));
                      moved->current = add (ctx, moved->current, delta);
                    }
                }
            }
        }
      if (!violated)
        break;
      /* the tables may not allow every cell: stop when it no longer helps */
      if (n_violated < best)
        {
          best = n_violated;
          stale = 0;
        }
      else
        stale++;
    }

  for (guint l = 0; l < n_lines; l++)
    {
      Draft *d = g_ptr_array_index (ctx->lines, l);

      if (d->amount != d->base)
        {
          g_autofree char *from = NULL;

          fiscal_line_set_amount (g_ptr_array_index (line_objs, l), d->amount);
          from = fiscal_money_format_yuan (d->base);
          g_autofree char *to = fiscal_money_format_yuan (d->amount);

          report (ctx, FISCAL_IMPORT_INFERENCE, 0,
                  _("Line %s %s %s moved from %s to %s 元, within the rounding of its published figure, so that the published totals are reproduced"),
                  d->function, d->economic ? d->economic : "", d->project ? d->project : "", from, to);
        }
      g_array_unref (memberships[l]);
    }
  g_free (memberships);
  g_free (blocks7);

out:
  for (guint i = 0; i < targets->len; i++)
    g_array_unref (g_array_index (targets, Target, i).lines);
  for (guint n = 1; n <= FISCAL_N_TABLES; n++)
    {
      g_clear_pointer (&row_targets[n], g_array_unref);
      g_clear_pointer (&by_code[n], g_hash_table_unref);
    }
}

/* -- Profile, targets, explanations -- */

static gint64
match_int (GMatchInfo *info,
           int         group)
{
  g_autofree char *s = g_match_info_fetch (info, group);
  return s && *s ? g_ascii_strtoll (s, NULL, 10) : 0;
}

static gboolean
match_money (GMatchInfo *info,
             int         group,
             gint64     *fen)
{
  g_autofree char *s = g_match_info_fetch (info, group);
  GString *plain = g_string_new (NULL);
  gboolean ok;

  for (const char *p = s; p && *p; p++)
    if (*p != ',')
      g_string_append_c (plain, *p);
  ok = fiscal_money_parse_wan (plain->str, fen, NULL);
  g_string_free (plain, TRUE);
  return ok;
}

/* Is @s a heading: “五、关于…”, “（一）…”, “1、…”, “第三部分…”? */
static gboolean
is_heading (const char *s)
{
  return g_regex_match_simple ("^([一二三四五六七八九十]+ *、|[（(][一二三四五六七八九十]+[）)]|[0-9]+ *(、|[.．](?![0-9]))|第[一二三四]部分)", s, 0, 0);
}

static gboolean
is_page_number (const char *s)
{
  return g_regex_match_simple ("^[-—– ]*[0-9]+[-—– ]*$", s, 0, 0);
}

/* The paragraph that starts at line @i: lines a page's width broke are
 * joined again, up to a line that ends a sentence, a blank line or a
 * heading. *@last: the last line taken. */
static char *
logical_line (Ctx   *ctx,
              guint  i,
              guint  to,
              guint *last)
{
  GString *out = g_string_new (NULL);
  guint n = fiscal_disclosure_get_n_lines (ctx->disclosure);

  *last = i;
  for (guint j = i; j <= to && j <= n && j < i + 12; j++)
    {
      g_autofree char *s = g_strstrip (g_strdup (fiscal_disclosure_get_line (ctx->disclosure, j)));

      /* a page number between the lines of a paragraph broken over pages */
      if (is_page_number (s))
        {
          *last = j;
          continue;
        }
      if (j > i && (*s == 0 || is_heading (s) || strchr (fiscal_disclosure_get_line (ctx->disclosure, j), '\t')))
        break;
      g_string_append (out, s);
      *last = j;
      /* a line ending in “：” goes on unless a heading follows, as in
       * “3、…（项）：” broken before “2025 年预算数为 …” */
      if (*s == 0 || g_str_has_suffix (s, "。") || (j == i && is_heading (s) && !g_ascii_isdigit (*s)) ||
          (g_str_has_suffix (s, "：") && !is_heading (out->str)) ||
          strchr (fiscal_disclosure_get_line (ctx->disclosure, j), '\t'))
        break;
    }
  return g_string_free (out, FALSE);
}

/* The text from the line after @heading up to the next numbered heading. */
static char *
paragraphs_after (Ctx        *ctx,
                  guint       from,
                  guint       to,
                  const char *heading,
                  guint      *line)
{
  guint start = fiscal_disclosure_find_line (ctx->disclosure, from, to, heading);
  GString *out = g_string_new (NULL);

  *line = start;
  if (start == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  for (guint i = start + 1; i <= to && i <= fiscal_disclosure_get_n_lines (ctx->disclosure); i++)
    {
      g_autofree char *s = logical_line (ctx, i, to, &i);

      if (*s == 0)
        continue;
      if (g_regex_match_simple ("^[一二三四五六七八九十]+ *、", s, 0, 0) || g_str_has_prefix (s, "第"))
        break;
      if (out->len)
        g_string_append_c (out, '\n');
      g_string_append (out, s);
    }
  return g_string_free (out, FALSE);
}

static void
read_profile (Ctx *ctx)
{
  FiscalProfile *profile = fiscal_document_get_profile (ctx->doc);
  guint first, last, line;
  g_autofree char *functions = NULL;
  g_autofree char *institutions = NULL;
  guint n = fiscal_disclosure_get_n_lines (ctx->disclosure);

  fiscal_disclosure_get_part (ctx->disclosure, 1, &first, &last);
  if (first == 0)
    {
      report (ctx, FISCAL_IMPORT_WARNING, 0, _("第一部分 (the profile) is not in the text"));
    }
  else
    {
      functions = paragraphs_after (ctx, first, last, "主要职能", &line);
      if (functions && *functions)
        fiscal_profile_set_text (profile, FISCAL_PROFILE_FUNCTIONS, functions);
      institutions = paragraphs_after (ctx, first, last, "机构设置", &line);
      if (institutions && *institutions)
        {
          g_auto(GStrv) paras = g_strsplit (institutions, "\n", -1);
          g_autoptr(GRegex) re = g_regex_new ("编制数 *([0-9]+).*?实有人数 *([0-9]+) *人.*?在职 *([0-9]+) *人.*?(减少|增加|持平)(?: *([0-9]+) *人)?.*?"
                                              "退休 *([0-9]+) *人.*?(减少|增加|持平)(?: *([0-9]+) *人)?.*?离休 *([0-9]+) *人.*?(减少|增加|持平)(?: *([0-9]+) *人)?",
                                              0, 0, NULL);
          GString *text = g_string_new (NULL);

          for (guint p = 0; paras[p]; p++)
            {
              g_autoptr(GMatchInfo) info = NULL;

              if (g_regex_match (re, paras[p], 0, &info))
                {
                  static const FiscalProfileField counts[] = {
                    FISCAL_PROFILE_STAFF_AUTHORIZED, FISCAL_PROFILE_STAFF_ACTUAL, FISCAL_PROFILE_STAFF_ACTIVE,
                  };
                  for (guint c = 0; c < 3; c++)
                    fiscal_profile_set_number (profile, counts[c], match_int (info, 1 + c));
                  for (guint g = 0; g < 3; g++)
                    {
                      g_autofree char *dir = g_match_info_fetch (info, 4 + 3 * g);
                      gint64 change = match_int (info, 5 + 3 * g);
                      static const FiscalProfileField changes[] = {
                        FISCAL_PROFILE_STAFF_ACTIVE_CHANGE, FISCAL_PROFILE_STAFF_RETIRED_CHANGE,
                        FISCAL_PROFILE_STAFF_HONORARY_CHANGE,
                      };
                      static const FiscalProfileField totals[] = {
                        0, FISCAL_PROFILE_STAFF_RETIRED, FISCAL_PROFILE_STAFF_HONORARY,
                      };
                      fiscal_profile_set_number (profile, changes[g], g_str_equal (dir, "减少") ? -change : change);
                      if (g > 0)
                        fiscal_profile_set_number (profile, totals[g], match_int (info, 3 + 3 * g));
                    }
                }
              else
                {
                  if (text->len)
                    g_string_append_c (text, '\n');
                  g_string_append (text, paras[p]);
                }
            }
          if (text->len)
            fiscal_profile_set_text (profile, FISCAL_PROFILE_INSTITUTIONS, text->str);
          g_string_free (text, TRUE);
          if (!fiscal_profile_is_set (profile, FISCAL_PROFILE_STAFF_ACTUAL))
            report (ctx, FISCAL_IMPORT_WARNING, line, _("The staffing sentence (编制数 … 实有人数 …) is not recognised"));
        }
    }

  /* 其他重要事项: operating expenses, procurement, assets, contact; each
   * paragraph whole, as a page's width may have broken it */
  for (guint i = 1; i <= n; i++)
    {
      guint start = i;
      g_autofree char *s = logical_line (ctx, i, n, &i);
      static const struct { const char *pattern; FiscalProfileField field; } money[] = {
        { "运行经费财政拨款预算 *([0-9][0-9,]*\\.?[0-9]*) *万元", FISCAL_PROFILE_OPERATING_EXPENSES },
        { "政府采购货物预算 *([0-9][0-9,]*\\.?[0-9]*) *万元", FISCAL_PROFILE_PROCUREMENT_GOODS },
        { "政府采购工程预算 *([0-9][0-9,]*\\.?[0-9]*) *万元", FISCAL_PROFILE_PROCUREMENT_WORKS },
        { "政府采购服务预算 *([0-9][0-9,]*\\.?[0-9]*) *万元", FISCAL_PROFILE_PROCUREMENT_SERVICES },
        { "面向中小企业预留政府采购项目预算金额 *([0-9][0-9,]*\\.?[0-9]*) *万元", FISCAL_PROFILE_PROCUREMENT_RESERVED_SME },
        { "小微企业预留政府采购项目预算金额 *([0-9][0-9,]*\\.?[0-9]*) *万元", FISCAL_PROFILE_PROCUREMENT_RESERVED_SMALL },
        { "房屋 *[0-9,.]+ *平方米[，,]? *价值 *([0-9][0-9,]*\\.?[0-9]*) *万元", FISCAL_PROFILE_ASSETS_BUILDING_VALUE },
        { "办公家具价值 *([0-9][0-9,]*\\.?[0-9]*) *万元", FISCAL_PROFILE_ASSETS_FURNITURE_VALUE },
        { "其他资产价值 *([0-9][0-9,]*\\.?[0-9]*) *万元", FISCAL_PROFILE_ASSETS_OTHER_VALUE },
      };

      for (guint m = 0; m < G_N_ELEMENTS (money); m++)
        {
          g_autoptr(GRegex) re = g_regex_new (money[m].pattern, 0, 0, NULL);
          g_autoptr(GMatchInfo) info = NULL;
          gint64 fen;

          if (!fiscal_profile_is_set (profile, money[m].field) && g_regex_match (re, s, 0, &info) &&
              match_money (info, 1, &fen))
            fiscal_profile_set_number (profile, money[m].field, fen);
        }

      {
        g_autoptr(GRegex) re = g_regex_new ("房屋 *([0-9][0-9,]*\\.?[0-9]*) *平方米", 0, 0, NULL);
        g_autoptr(GMatchInfo) info = NULL;
        gint64 hundredths;

        /* an area in hundredths of a square metre: the money parser reads
         * two decimals exactly */
        if (g_regex_match (re, s, 0, &info))
          {
            g_autofree char *figure = g_match_info_fetch (info, 1);
            GString *plain = g_string_new (NULL);

            for (const char *p = figure; *p; p++)
              if (*p != ',')
                g_string_append_c (plain, *p);
            if (fiscal_money_parse (plain->str, &hundredths, NULL))
              fiscal_profile_set_number (profile, FISCAL_PROFILE_ASSETS_BUILDING_AREA, hundredths);
            g_string_free (plain, TRUE);
          }
      }
      {
        /* large equipment held, and what the budget buys */
        g_autoptr(GRegex) held = g_regex_new ("^部门价值 *50 *万元以上大型设备 *([0-9]+) *台.*100 *万元以上大型设备 *([0-9]+) *台", 0, 0, NULL);
        g_autoptr(GRegex) bought = g_regex_new ("(未安排购置车辆|购置车辆 *([0-9]+) *辆).*50 *万元以上大型设备 *([0-9]+) *台.*100 *万元以上大型设备 *([0-9]+) *台", 0, 0, NULL);
        g_autoptr(GMatchInfo) info = NULL;
        g_autoptr(GMatchInfo) info2 = NULL;

        if (g_regex_match (held, s, 0, &info))
          {
            fiscal_profile_set_number (profile, FISCAL_PROFILE_ASSETS_EQUIPMENT_500K, match_int (info, 1));
            fiscal_profile_set_number (profile, FISCAL_PROFILE_ASSETS_EQUIPMENT_1M, match_int (info, 2));
          }
        if (g_regex_match (bought, s, 0, &info2))
          {
            fiscal_profile_set_number (profile, FISCAL_PROFILE_ASSETS_PLANNED_VEHICLES, match_int (info2, 2));
            fiscal_profile_set_number (profile, FISCAL_PROFILE_ASSETS_PLANNED_EQUIPMENT_500K, match_int (info2, 3));
            fiscal_profile_set_number (profile, FISCAL_PROFILE_ASSETS_PLANNED_EQUIPMENT_1M, match_int (info2, 4));
          }
      }
      {
        g_autoptr(GRegex) re = g_regex_new ("截至 *(20[0-9][0-9]) *年底", 0, 0, NULL);
        g_autoptr(GMatchInfo) info = NULL;

        if (g_regex_match (re, s, 0, &info))
          {
            g_autofree char *y = g_match_info_fetch (info, 1);
            g_autofree char *date = g_strdup_printf ("%s-12-31", y);
            fiscal_profile_set_text (profile, FISCAL_PROFILE_ASSETS_AS_OF, date);
          }
      }
      {
        g_autoptr(GRegex) re = g_regex_new ("(一般公务用车|执法执勤用车|其他车辆) *([0-9]+) *辆[，,]? *价值 *([0-9][0-9,]*\\.?[0-9]*) *万元", 0, 0, NULL);
        g_autoptr(GMatchInfo) info = NULL;

        if (strstr (s, "车辆") && g_regex_match (re, s, 0, &info) && fiscal_profile_get_n_vehicles (profile) == 0)
          {
            do
              {
                g_autofree char *kind = g_match_info_fetch (info, 1);
                gint64 value = 0;

                match_money (info, 3, &value);
                fiscal_profile_add_vehicle (profile, kind, match_int (info, 2), value);
              }
            while (g_match_info_next (info, NULL));
          }
      }
      {
        /* the number ends where its digits do, or where a year (“2025
         * 年”) begins: a cell printed under it may follow it on the
         * joined line */
        g_autoptr(GRegex) re = g_regex_new ("部门联系人[ \\t]*([^ \\t]+)[ \\t]+联系电话[ \\t]*([0-9-]+?)(?:(?=20[0-9]{2} *年)|(?![0-9-]))",
                                            0, 0, NULL);
        g_autoptr(GMatchInfo) info = NULL;

        if (g_regex_match (re, s, 0, &info))
          {
            g_autofree char *name = g_match_info_fetch (info, 1);
            g_autofree char *phone = g_match_info_fetch (info, 2);
            fiscal_profile_set_text (profile, FISCAL_PROFILE_CONTACT_NAME, name);
            fiscal_profile_set_text (profile, FISCAL_PROFILE_CONTACT_PHONE, phone);
          }
      }
      {
        g_autoptr(GRegex) re = g_regex_new ("^ *(20[0-9][0-9]) *年 *([0-9]{1,2}) *月 *([0-9]{1,2}) *日 *$", 0, 0, NULL);
        g_autoptr(GMatchInfo) info = NULL;

        /* a date on a line of its own */
        for (guint k = start; k <= i && info == NULL; k++)
          if (!g_regex_match (re, fiscal_disclosure_get_line (ctx->disclosure, k), 0, &info))
            g_clear_pointer (&info, g_match_info_free);
        if (info != NULL)
          {
            g_autofree char *date = g_strdup_printf ("%04d-%02d-%02d", (int) match_int (info, 1),
                                                     (int) match_int (info, 2), (int) match_int (info, 3));
            fiscal_profile_set_text (profile, FISCAL_PROFILE_CONTACT_DATE, date);
          }
      }
    }
}

/* ">=6 人" → operator, value, unit; a text without a figure is qualitative. */
static void
set_target (FiscalIndicator *indicator,
            const char      *text)
{
  static const struct { const char *symbol; const char *op; } ops[] = {
    { ">=", ">=" }, { "≥", ">=" }, { "<=", "<=" }, { "≤", "<=" }, { "=", "=" }, { ">", ">" }, { "<", "<" },
  };
  const char *p = text;
  const char *op = NULL;
  GString *value = g_string_new (NULL);
  g_autofree char *unit = NULL;
  gint64 micro;

  while (*p == ' ')
    p++;
  for (guint i = 0; i < G_N_ELEMENTS (ops); i++)
    if (g_str_has_prefix (p, ops[i].symbol))
      {
        op = ops[i].op;
        p += strlen (ops[i].symbol);
        break;
      }
  while (*p == ' ')
    p++;
  while (g_ascii_isdigit (*p) || *p == '.' || *p == ',')
    {
      if (*p != ',')
        g_string_append_c (value, *p);
      p++;
    }
  unit = g_strstrip (g_strdup (p));

  if (value->len > 0 && fiscal_decimal_parse (value->str, &micro))
    {
      fiscal_indicator_set_field (indicator, FISCAL_INDICATOR_OPERATOR, op ? op : "=");
      fiscal_indicator_set_field (indicator, FISCAL_INDICATOR_VALUE, value->str);
      if (*unit)
        fiscal_indicator_set_field (indicator, FISCAL_INDICATOR_UNIT, unit);
    }
  else if (*text)
    fiscal_indicator_set_field (indicator, FISCAL_INDICATOR_QUALITATIVE, text);
  g_string_free (value, TRUE);
}

static char *
meta_value (const char *meta,
            const char *label)
{
  return fiscal_disclosure_meta_field (meta, label);
}

static gint64
meta_money (const char *meta,
            const char *label)
{
  g_autoptr(GRegex) re = NULL;
  g_autoptr(GMatchInfo) info = NULL;
  g_autofree char *pattern = g_strdup_printf ("%s[^0-9\\n]*([0-9][0-9,]*(\\.[0-9]+)?)", label);
  gint64 fen = 0;

  re = g_regex_new (pattern, 0, 0, NULL);
  if (re && g_regex_match (re, meta, 0, &info))
    match_money (info, 1, &fen);
  return fen;
}

static void
read_targets (Ctx *ctx)
{
  GPtrArray *tables = fiscal_disclosure_get_target_tables (ctx->disclosure);

  for (guint t = 0; t < tables->len; t++)
    {
      FiscalTable *table = g_ptr_array_index (tables, t);
      const char *meta = fiscal_disclosure_target_lines (table) ? fiscal_disclosure_target_lines (table) : "";
      gboolean is_project = g_str_has_prefix (fiscal_table_get_title (table), "项目支出绩效目标表");
      FiscalTargets *targets;
      FiscalProject *project = NULL;

      if (is_project)
        {
          g_autofree char *name = meta_value (meta, "项目名称");
          const char *title = fiscal_table_get_title (table);
          const char *open = strstr (title, "（");

          /* “项目支出绩效目标表（机构运行补助经费）”: the name in the title */
          if (name == NULL && open != NULL && g_str_has_suffix (title, "）") &&
              strlen (open) > strlen ("（）"))
            name = g_strndup (open + strlen ("（"), strlen (open) - strlen ("（）"));
          g_autofree char *owner = NULL;
          g_autofree char *goal = meta_value (meta, "项目总体目标");

          if (name == NULL)
            {
              report (ctx, FISCAL_IMPORT_WARNING, fiscal_table_get_source_line (table),
                      _("A project target table names no project; it is left out"));
              continue;
            }
          /* "机构运行补助经费 … 项目负责人 王跃东" */
          {
            const char *lead = strstr (meta, "项目负责人");
            if (lead)
              owner = meta_value (lead, "项目负责人");
          }
          project = find_or_add_project (ctx, name);
          if (owner)
            fiscal_project_set_field (project, FISCAL_PROJECT_OWNER, owner);
          if (goal)
            fiscal_project_set_field (project, FISCAL_PROJECT_GOAL, goal);
          targets = fiscal_project_get_targets (project);
          fiscal_targets_set_fund (targets, FISCAL_FUND_TOTAL, meta_money (meta, "年度预算总额"));
          fiscal_targets_set_fund (targets, FISCAL_FUND_FISCAL, meta_money (meta, "财政拨款"));
          fiscal_targets_set_fund (targets, FISCAL_FUND_OTHER, meta_money (meta, "其他资金"));
        }
      else
        {
          g_autofree char *goal = meta_value (meta, "年度绩效目标");

          targets = fiscal_document_get_targets (ctx->doc);
          if (goal)
            fiscal_targets_set_goal (targets, goal);
          fiscal_targets_set_fund (targets, FISCAL_FUND_UPPER, meta_money (meta, "上级安排"));
          fiscal_targets_set_fund (targets, FISCAL_FUND_LOCAL, meta_money (meta, "本级安排"));
          fiscal_targets_set_fund (targets, FISCAL_FUND_OTHER, meta_money (meta, "其他资金[^\\n]*其他"));
          if (fiscal_targets_get_fund (targets, FISCAL_FUND_OTHER) == 0)
            fiscal_targets_set_fund (targets, FISCAL_FUND_OTHER, meta_money (meta, "其他"));
        }

      for (guint r = 0; r < fiscal_table_get_n_rows (table); r++)
        {
          const FiscalTableRow *row = fiscal_table_get_row (table, r);
          g_autoptr(FiscalIndicator) indicator = fiscal_indicator_new (row->cells[0].text, row->cells[1].text,
                                                                        row->cells[2].text);

          set_target (indicator, row->cells[3].text);
          if (*row->cells[4].text)
            fiscal_indicator_set_field (indicator, FISCAL_INDICATOR_BASIS, row->cells[4].text);
          if (is_project)
            {
              static const FiscalIndicatorField rest[] = {
                FISCAL_INDICATOR_PRIOR, FISCAL_INDICATOR_WEIGHT, FISCAL_INDICATOR_SCORING, FISCAL_INDICATOR_EVIDENCE,
              };
              for (guint c = 0; c < G_N_ELEMENTS (rest); c++)
                if (*row->cells[5 + c].text)
                  fiscal_indicator_set_field (indicator, rest[c], row->cells[5 + c].text);
            }
          else if (*row->cells[5].text)
            fiscal_indicator_set_field (indicator, FISCAL_INDICATOR_WEIGHT, row->cells[5].text);
          fiscal_targets_add_indicator (targets, indicator);
        }
    }
}

/* Figures of the profile that a format prints in a table (Shanghai's
 * 机关运行经费 beside its “三公” figures): taken from the table's total row
 * where the profile does not give them. */
static void
read_profile_figures (Ctx *ctx)
{
  FiscalFormat *format = fiscal_disclosure_get_format (ctx->disclosure);
  FiscalProfile *profile = fiscal_document_get_profile (ctx->doc);

  for (guint i = 0; i < fiscal_format_get_n_tables (format); i++)
    {
      const FiscalFormatTable *spec = fiscal_format_get_table (format, i);
      FiscalTable *table = fiscal_disclosure_get_format_table (ctx->disclosure, spec->number);

      if (table == NULL || spec->layout != FISCAL_LAYOUT_ITEMS)
        continue;
      for (guint r = 0; r < fiscal_table_get_n_rows (table) && r < spec->items->len; r++)
        {
          const FiscalTableRow *row = fiscal_table_get_row (table, r);
          guint cell = 0;

          if (!g_array_index (spec->items, FiscalFormatItem, r).total)
            continue;
          for (guint c = 0; c < spec->columns->len; c++)
            {
              const FiscalFormatColumn *column = &g_array_index (spec->columns, FiscalFormatColumn, c);

              if (column->kind != FISCAL_COLUMN_AMOUNT)
                continue;
              if (column->sum.profile >= 0 && cell < row->n_cells &&
                  !fiscal_profile_is_set (profile, column->sum.profile))
                {
                  fiscal_profile_set_number (profile, column->sum.profile, row->cells[cell].amount);
                  report (ctx, FISCAL_IMPORT_INFO, row->source_line, _("%s %s read from 表 %u"),
                          fiscal_profile_field_label (column->sum.profile), wan (ctx, row->cells[cell].amount),
                          spec->number);
                }
              cell++;
            }
        }
    }
}

static void
read_projects_text (Ctx *ctx)
{
  GPtrArray *projects = fiscal_disclosure_get_projects (ctx->disclosure);

  for (guint i = 0; i < projects->len; i++)
    {
      FiscalDisclosureProject *dp = g_ptr_array_index (projects, i);
      FiscalProject *project = find_or_add_project (ctx, dp->name);
      g_autoptr(GRegex) re = g_regex_new ("(20[0-9][0-9]) *年 *([0-9]{1,2}) *月 *([0-9]{1,2}) *日", 0, 0, NULL);
      g_autoptr(GMatchInfo) info = NULL;

      if (dp->policy_basis)
        fiscal_project_set_field (project, FISCAL_PROJECT_POLICY_BASIS, dp->policy_basis);
      if (dp->allocation)
        fiscal_project_set_field (project, FISCAL_PROJECT_ALLOCATION, dp->allocation);
      if (dp->period && g_regex_match (re, dp->period, 0, &info))
        {
          for (guint k = 0; k < 2; k++)
            {
              g_autofree char *date = g_strdup_printf ("%04d-%02d-%02d", (int) match_int (info, 1),
                                                       (int) match_int (info, 2), (int) match_int (info, 3));
              fiscal_project_set_field (project, k == 0 ? FISCAL_PROJECT_PERIOD_START : FISCAL_PROJECT_PERIOD_END, date);
              if (!g_match_info_next (info, NULL))
                break;
            }
        }
    }
}

/* The officer's clauses: “…，主要原因是X。” keyed as the narrative keys
 * its slots. */
static void
set_reason (Ctx        *ctx,
            const char *key,
            const char *text,
            guint       line)
{
  g_autofree char *reason = g_strstrip (g_strdup (text));
  gsize len = strlen (reason);

  while (len > 0 && (g_str_has_suffix (reason, "。") || g_str_has_suffix (reason, "；")))
    {
      len -= strlen ("。");
      reason[len] = 0;
    }
  if (*reason == 0 || fiscal_document_get_explanation (ctx->doc, key) != NULL)
    return;
  fiscal_document_set_explanation (ctx->doc, key, reason);
  report (ctx, FISCAL_IMPORT_INFO, line, _("Reason “%s” read for %s"), reason, key);
}

/* "五、关于…" → the Chinese number before 、, in @number (imports may
 * run on several threads at once, so no static buffer). */
static const char *
section_of (const char *s,
            char        number[16])
{
  const char *p = strstr (s, "、");

  if (p == NULL || p - s > 9 || p == s)
    return NULL;
  memcpy (number, s, p - s);
  number[p - s] = 0;
  return number;
}

static void
read_reasons (Ctx *ctx)
{
  guint first, last;
  const char *section = "";
  g_autofree char *current = g_strdup ("");
  g_autoptr(GRegex) reason_re = g_regex_new ("主要原因是([^；。]*(；[^；。主]*)*)", 0, 0, NULL);

  fiscal_disclosure_get_part (ctx->disclosure, 3, &first, &last);
  if (first == 0)
    return;

  for (guint i = first + 1; i <= last; i++)
    {
      guint start = i;
      g_autofree char *s = logical_line (ctx, start, last, &i);
      char number[16];
      const char *sec = section_of (s, number);

      if (sec && strstr (s, "关于"))
        {
          g_free (current);
          current = g_strdup (sec);
          section = current;
          continue;
        }
      if (sec && strstr (s, "其他重要事项"))
        {
          g_free (current);
          current = g_strdup ("十二");
          section = current;
          continue;
        }

      /* 四: “一般公共服务支出 165.87 万元，主要用于X；” */
      if (g_str_equal (section, "四") && strstr (s, "主要用于"))
        {
          g_autoptr(GRegex) re = g_regex_new ("([^：；，0-9 ]+支出) *[0-9.,]+ *万元[，,]主要用于([^；。]+)", 0, 0, NULL);
          g_autoptr(GMatchInfo) info = NULL;

          if (g_regex_match (re, s, 0, &info))
            do
              {
                g_autofree char *name = g_match_info_fetch (info, 1);
                g_autofree char *usage = g_match_info_fetch (info, 2);
                const char *klass = NULL;

                for (guint c = 0; ctx->functions && c < fiscal_catalog_get_n_items (ctx->functions); c++)
                  {
                    const FiscalCatalogItem *item = fiscal_catalog_get_item (ctx->functions, c);
                    if (strlen (item->code) == 3 && g_str_has_suffix (name, item->name))
                      klass = item->code;
                  }
                if (klass)
                  {
                    g_autofree char *key = g_strconcat ("usage.", klass, NULL);
                    set_reason (ctx, key, usage, start);
                  }
              }
            while (g_match_info_next (info, NULL));
          continue;
        }

      if (!strstr (s, "主要原因是"))
        continue;

      if (g_str_equal (section, "十"))
        {
          static const struct { const char *item; const char *key; } items[] = {
            { "因公出国（境）费", "sangong.abroad" }, { "公务用车购置费", "sangong.vehicle-purchase" },
            { "公务用车运行费", "sangong.vehicle-operation" }, { "公务接待费", "sangong.reception" },
          };
          g_auto(GStrv) clauses = g_strsplit (s, "；", -1);

          for (guint c = 0; clauses[c]; c++)
            for (guint k = 0; k < G_N_ELEMENTS (items); k++)
              {
                const char *at = strstr (clauses[c], items[k].item);
                const char *why = strstr (clauses[c], "主要原因是");

                if (at && why && at < why)
                  set_reason (ctx, items[k].key, why + strlen ("主要原因是"), start);
              }
          continue;
        }

      {
        g_autoptr(GMatchInfo) info = NULL;
        g_autofree char *why = NULL;
        const char *key = NULL;
        g_autofree char *owned = NULL;

        if (!g_regex_match (reason_re, s, 0, &info))
          continue;
        why = g_match_info_fetch (info, 1);

        if (g_str_equal (section, "二"))
          {
            static const struct { const char *lead; const char *key; } incomes[] = {
              { "上级一般公共预算", "income.general-transfer" }, { "上级政府性基金", "income.fund-transfer" },
              { "上级国有资本经营预算", "income.capital-transfer" }, { "一般公共预算", "income.general" },
              { "政府性基金预算", "income.fund" }, { "国有资本经营预算", "income.capital" },
              { "财政专户管理资金", "income.special-account" }, { "单位资金", "income.unit" },
              { "上年结转结余", "income.carryover" },
            };
            const char *body = strstr (s, "其中：") ? strstr (s, "其中：") + strlen ("其中：") : s;

            for (guint k = 0; k < G_N_ELEMENTS (incomes) && key == NULL; k++)
              if (g_str_has_prefix (body, incomes[k].lead))
                key = incomes[k].key;
          }
        else if (g_str_equal (section, "三"))
          key = g_str_has_prefix (s, "基本支出") ? "expenditure.basic" : g_str_has_prefix (s, "项目支出") ? "expenditure.project" : NULL;
        else if (g_str_equal (section, "五") && (g_str_has_prefix (s, "基本支出") || g_str_has_prefix (s, "项目支出")))
          key = g_str_has_prefix (s, "基本支出") ? "general.basic" : "general.project";
        else if (g_str_equal (section, "五") && strstr (s, "（项）"))
          {
            /* 类(类)款(款)项(项): the 项 name under the 款 name */
            g_autoptr(GRegex) re = g_regex_new ("^[0-9]+、(.+)（类）(.+)（款）(.+)（项）", 0, 0, NULL);
            g_autoptr(GMatchInfo) names = NULL;

            if (g_regex_match (re, s, 0, &names) && ctx->functions)
              {
                g_autofree char *k1 = g_match_info_fetch (names, 1);
                g_autofree char *k2 = g_match_info_fetch (names, 2);
                g_autofree char *k3 = g_match_info_fetch (names, 3);

                for (guint f = 0; f < ctx->fn_order->len && owned == NULL; f++)
                  {
                    Fn *fn = g_ptr_array_index (ctx->fn_order, f);
                    g_autofree char *c1 = g_strndup (fn->code, 3);
                    g_autofree char *c2 = g_strndup (fn->code, 5);

                    if (g_strcmp0 (fiscal_catalog_get_name (ctx->functions, fn->code), k3) == 0 &&
                        g_strcmp0 (fiscal_catalog_get_name (ctx->functions, c2), k2) == 0 &&
                        g_strcmp0 (fiscal_catalog_get_name (ctx->functions, c1), k1) == 0)
                      owned = g_strconcat ("function.", fn->code, NULL);
                  }
                if (owned == NULL)
                  report (ctx, FISCAL_IMPORT_WARNING, start, _("The function “%s/%s/%s” of this reason is not in the tables"), k1, k2, k3);
                key = owned;
              }
          }
        else if (g_str_equal (section, "十二") && strstr (s, "运行经费"))
          key = "operating-expenses";

        if (key)
          set_reason (ctx, key, why, start);
        else
          report (ctx, FISCAL_IMPORT_WARNING, start, _("A reason (“%s”) whose figure is not recognised is not kept"), why);
      }
    }
}

/* ---- Published and rebuilt figures ------------------------------------ */

/* Keeps the published tables in @self, and the page of each of their
 * rows, so that the budget can be compared with them as it is edited. */
static void
keep_published (FiscalImportReport *self,
                FiscalDisclosure   *disclosure)
{
  gboolean national = g_str_equal (fiscal_format_get_id (fiscal_disclosure_get_format (disclosure)), FISCAL_FORMAT_DEFAULT);

  g_clear_pointer (&self->row_pages, g_hash_table_unref);
  self->row_pages = g_hash_table_new (NULL, NULL);
  g_set_object (&self->format, fiscal_disclosure_get_format (disclosure));
  for (guint n = 1; n <= MAX_TABLES; n++)
    {
      FiscalTable *table = fiscal_disclosure_get_format_table (disclosure, n);

      g_set_object (&self->published[n], table);
      /* a national table may be printed under another number */
      self->published_number[n] = table == NULL ? 0 : national ? fiscal_disclosure_get_published_number (disclosure, n) : n;
      for (guint r = 0; table && r < fiscal_table_get_n_rows (table); r++)
        {
          guint line = fiscal_table_get_row (table, r)->source_line;

          if (line > 0 && line <= fiscal_disclosure_get_n_lines (disclosure))
            g_hash_table_insert (self->row_pages, GUINT_TO_POINTER (line),
                                 GUINT_TO_POINTER (fiscal_disclosure_get_line_page (disclosure, line)));
        }
    }
}

/**
 * fiscal_import_report_get_format:
 *
 * Returns: (transfer none) (nullable): the format the publication's tables
 *   are printed in, or %NULL before they were compared
 */
FiscalFormat *
fiscal_import_report_get_format (FiscalImportReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->format;
}

/**
 * fiscal_import_report_get_published_table:
 * @number: a table's number in the format of the publication (for the
 *   national format, the national number)
 *
 * Returns: (transfer none) (nullable): the table @number as the
 *   publication printed it, or %NULL when it did not
 */
FiscalTable *
fiscal_import_report_get_published_table (FiscalImportReport *self,
                                          guint               number)
{
  g_return_val_if_fail (self != NULL, NULL);
  return number >= 1 && number <= MAX_TABLES ? self->published[number] : NULL;
}

/**
 * fiscal_import_report_compare:
 * @document: the budget rebuilt from the publication, as it is now
 *
 * Puts each published amount beside what @document's tables show in its
 * place, in the publication's order (by table, row and column). The
 * figures point into the published tables that @self keeps: they are valid
 * as long as @self is.
 *
 * Returns: (transfer full) (element-type FiscalFigure): the figures; empty
 *   when the report has no published tables
 */
GArray *
fiscal_import_report_compare (FiscalImportReport *self,
                              FiscalDocument     *document)
{
  g_autoptr(GPtrArray) made = NULL;
  g_autoptr(GArray) cells = NULL;
  GArray *figures;
  guint n_cells;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (FISCAL_IS_DOCUMENT (document), NULL);

  if (self->format == NULL)
    return g_array_new (FALSE, TRUE, sizeof (FiscalFigure));
  made = fiscal_pivot_format_tables (document, self->format);
  cells = compare_cells (self->published, MAX_TABLES, made, TRUE, &n_cells);
  figures = g_array_sized_new (FALSE, TRUE, sizeof (FiscalFigure), cells->len);

  for (guint i = 0; i < cells->len; i++)
    {
      const Miss *cell = &g_array_index (cells, Miss, i);
      FiscalTable *published = self->published[cell->table];
      FiscalTable *table = made_table (made, cell->table);
      const FiscalTableRow *prow = fiscal_table_get_row (published, cell->published_row);
      int column = fiscal_table_cell_to_column (table, cell->column);
      FiscalFigure figure = { 0 };
      gint64 off = ABS (displayed (published, cell->made) - displayed (published, cell->published));

      figure.table = cell->table;
      figure.published_number = self->published_number[cell->table];
      figure.published_row = cell->published_row;
      figure.row = cell->row;
      figure.cell = cell->column;
      figure.column = column;
      figure.code = prow->code;
      figure.name = prow->name;
      /* a two-sided table (表 1, 表 4) names its right-hand amounts in a
       * label cell of the row */
      for (guint c = cell->column; c-- > 0;)
        if (prow->cells[c].text != NULL)
          {
            figure.name = prow->cells[c].text;
            break;
          }
      figure.project = prow->project;
      if (column < 0)
        column = fiscal_table_cell_to_column (published, cell->column);
      /* interned: the rebuilt tables go when this returns */
      figure.column_title = column >= 0 ? g_intern_string (fiscal_table_get_column (column == figure.column ? table : published, column)->title) : "";
      figure.published = cell->published;
      figure.rebuilt = cell->made;
      figure.ulp = table_ulp (published);
      figure.line = cell->line;
      figure.page = GPOINTER_TO_UINT (g_hash_table_lookup (self->row_pages, GUINT_TO_POINTER (cell->line)));
      if (cell->row == G_MAXUINT)
        figure.state = FISCAL_FIGURE_UNMATCHED;
      else if (off == 0)
        figure.state = FISCAL_FIGURE_SAME;
      else if (off <= 1)
        figure.state = FISCAL_FIGURE_ROUNDING;
      else
        figure.state = FISCAL_FIGURE_DIFFERENT;
      g_array_append_val (figures, figure);
    }

  return figures;
}

/**
 * fiscal_figure_get_difference:
 *
 * Returns: rebuilt less published, in fen, as the two figures are shown
 *   (each rounded to the last digit its table prints)
 */
gint64
fiscal_figure_get_difference (const FiscalFigure *figure)
{
  gint64 ulp = figure->ulp > 0 ? figure->ulp : FISCAL_FEN_PER_WAN / 100;
  guint64 r = figure->rebuilt < 0 ? -(guint64) figure->rebuilt : (guint64) figure->rebuilt;
  guint64 p = figure->published < 0 ? -(guint64) figure->published : (guint64) figure->published;
  gint64 rq = (gint64) ((r + ulp / 2) / ulp), pq = (gint64) ((p + ulp / 2) / ulp);

  return ((figure->rebuilt < 0 ? -rq : rq) - (figure->published < 0 ? -pq : pq)) * ulp;
}

const char *
fiscal_figure_state_to_string (FiscalFigureState state)
{
  switch (state)
    {
    case FISCAL_FIGURE_SAME:
      return "same";
    case FISCAL_FIGURE_ROUNDING:
      return "rounding";
    case FISCAL_FIGURE_DIFFERENT:
      return "different";
    case FISCAL_FIGURE_UNMATCHED:
      return "unmatched";
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * fiscal_figure_state_describe:
 *
 * Returns: what @state means, in the user's language
 */
const char *
fiscal_figure_state_describe (FiscalFigureState state)
{
  switch (state)
    {
    case FISCAL_FIGURE_SAME:
      /* Translators: a published figure the rebuilt budget shows as published */
      return _("Same");
    case FISCAL_FIGURE_ROUNDING:
      /* Translators: a published figure the rebuilt budget misses by 0.01 万元 */
      return _("Within rounding");
    case FISCAL_FIGURE_DIFFERENT:
      return _("Different");
    case FISCAL_FIGURE_UNMATCHED:
      /* Translators: a published row the rebuilt table has no row for */
      return _("No such row");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * fiscal_figures_to_table:
 * @figures: (element-type FiscalFigure): from fiscal_import_report_compare()
 *
 * The figures as one table — table, code, name, column, published, rebuilt,
 * difference (万元), state, line and page — for CSV and the window.
 *
 * Returns: (transfer full): the table
 */
FiscalTable *
fiscal_figures_to_table (GArray *figures)
{
  FiscalTable *table = fiscal_table_new (0, _("Published and Rebuilt Figures"));

  fiscal_table_add_column (table, FISCAL_COLUMN_LABEL, _("Table"));
  fiscal_table_add_column (table, FISCAL_COLUMN_LABEL, _("Code"));
  fiscal_table_add_column (table, FISCAL_COLUMN_LABEL, _("Name"));
  fiscal_table_add_column (table, FISCAL_COLUMN_LABEL, _("Column"));
  fiscal_table_add_column (table, FISCAL_COLUMN_AMOUNT, _("Published"));
  fiscal_table_add_column (table, FISCAL_COLUMN_AMOUNT, _("Rebuilt"));
  fiscal_table_add_column (table, FISCAL_COLUMN_AMOUNT, _("Difference"));
  fiscal_table_add_column (table, FISCAL_COLUMN_LABEL, _("State"));
  fiscal_table_add_column (table, FISCAL_COLUMN_LABEL, _("Line"));
  fiscal_table_add_column (table, FISCAL_COLUMN_LABEL, _("Page"));
  for (guint c = 0; c < fiscal_table_get_n_columns (table); c++)
    fiscal_table_add_header (table, 0, c, 1, 1, fiscal_table_get_column (table, c)->title);

  for (guint i = 0; i < figures->len; i++)
    {
      const FiscalFigure *f = &g_array_index (figures, FiscalFigure, i);
      FiscalTableRow *row = fiscal_table_add_row (table, "", f->name, 3);
      g_autofree char *number = g_strdup_printf ("表%u", f->published_number ? f->published_number : f->table);
      g_autofree char *line = f->line ? g_strdup_printf ("%u", f->line) : g_strdup ("");
      g_autofree char *page = f->page ? g_strdup_printf ("%u", f->page) : g_strdup ("");

      fiscal_table_row_set_label (row, 0, number);
      fiscal_table_row_set_label (row, 1, f->code);
      fiscal_table_row_set_label (row, 2, f->project && *f->project ? f->project : f->name);
      fiscal_table_row_set_label (row, 3, f->column_title);
      fiscal_table_row_set_amount (row, 4, f->published);
      fiscal_table_row_set_amount (row, 5, f->rebuilt);
      fiscal_table_row_set_amount (row, 6, fiscal_figure_get_difference (f));
      fiscal_table_row_set_label (row, 7, fiscal_figure_state_describe (f->state));
      fiscal_table_row_set_label (row, 8, line);
      fiscal_table_row_set_label (row, 9, page);
    }

  return table;
}

/* ---- The import -------------------------------------------------------- */

/**
 * fiscal_import_compare_tables:
 * @n_cells: (out) (optional): the published amount cells compared
 *
 * Compares the published tables with @document's and reports each cell not
 * reproduced. Returns: the number of such cells
 */
guint
fiscal_import_compare_tables (FiscalDisclosure   *disclosure,
                              FiscalDocument     *document,
                              FiscalImportReport *report_,
                              guint              *n_cells)
{
  guint cells, n_close = 0;
  g_autoptr(GArray) misses = mismatches (disclosure, document, &cells);

  for (guint m = 0; m < misses->len; m++)
    {
      Miss *miss = &g_array_index (misses, Miss, m);
      FiscalTable *published = fiscal_disclosure_get_format_table (disclosure, miss->table);
      FiscalTableCell published_cell = { NULL, miss->published }, made_cell = { NULL, miss->made };
      gboolean close = ABS (displayed (published, miss->made) - displayed (published, miss->published)) <= 1 &&
                       miss->row != G_MAXUINT;

      n_close += close;
      if (report_ == NULL)
        continue;
      if (close)
        {
          const FiscalTableRow *prow = fiscal_table_get_row (published, miss->published_row);
          g_autofree char *a = fiscal_table_format_cell (published, &published_cell);
          g_autofree char *b = fiscal_table_format_cell (published, &made_cell);

          fiscal_import_report_add (report_, FISCAL_IMPORT_INFO, miss->line,
                                    miss->line ? fiscal_disclosure_get_line_page (disclosure, miss->line) : 0,
                                    _("表 %u row “%s %s” column %u: published %s, the rebuilt budget gives %s — within the rounding of the published figures"),
                                    miss->table, prow->code, prow->name, miss->column + 1, a, b);
          continue;
        }
      {
      const FiscalTableRow *prow = fiscal_table_get_row (published, miss->published_row);
      g_autofree char *a = fiscal_table_format_cell (published, &published_cell);
      g_autofree char *b = fiscal_table_format_cell (published, &made_cell);

      fiscal_import_report_add (report_, FISCAL_IMPORT_ERROR, miss->line,
                                miss->line ? fiscal_disclosure_get_line_page (disclosure, miss->line) : 0,
                                _("表 %u row “%s %s” column %u: published %s, the rebuilt budget gives %s — %s"),
                                miss->table, prow ? prow->code : "", prow ? prow->name : "", miss->column + 1, a, b,
                                miss->row == G_MAXUINT
                                ? _("no line can make this row: the other tables give it no money")
                                : _("the published tables disagree here beyond their rounding, or no placement of the lines within their rounding was found"));
      }
    }
  if (report_)
    {
      report_->n_cells = cells;
      report_->n_mismatches = misses->len - n_close;
      report_->n_close = n_close;
      keep_published (report_, disclosure);
    }
  if (n_cells)
    *n_cells = cells;
  return misses->len - n_close;
}

/**
 * fiscal_import_file:
 * @file: a published disclosure: its text (UTF-8) or its PDF, told by its
 *   content
 * @report: (out) (optional) (transfer full): what was read, inferred and
 *   could not be reproduced, and what the publication contradicts in
 *   itself (the audit)
 *
 * Reads @file (fiscal_disclosure_read_file()) and rebuilds its budget
 * (fiscal_import_disclosure_full()). @cancellable is looked at while the
 * file is read, before each page of a PDF and while the budget is rebuilt;
 * cancelled, it gives %NULL and %G_IO_ERROR_CANCELLED.
 *
 * Returns: (transfer full): the rebuilt budget, or %NULL with @error set
 *   when @file cannot be read or is not a disclosure
 */
FiscalDocument *
fiscal_import_file (GFile               *file,
                    GCancellable        *cancellable,
                    FiscalImportReport **report,
                    GError             **error)
{
  g_autoptr(FiscalDisclosure) disclosure = fiscal_disclosure_read_file (file, cancellable, error);

  if (disclosure == NULL)
    return NULL;
  return fiscal_import_disclosure_full (disclosure, cancellable, report, error);
}

/**
 * fiscal_import_disclosure:
 * @report: (out) (optional) (transfer full): what was read, inferred and
 *   could not be reproduced
 *
 * Returns: (transfer full): a budget whose tables reproduce the published
 *   ones as far as they agree with each other, or %NULL with @error set
 *   when there is nothing to rebuild from
 */
FiscalDocument *
fiscal_import_disclosure (FiscalDisclosure    *disclosure,
                          FiscalImportReport **report_out,
                          GError             **error)
{
  return fiscal_import_disclosure_full (disclosure, NULL, report_out, error);
}

/**
 * fiscal_import_disclosure_full:
 * @cancellable: (nullable): stops the rebuild: the placing of lines
 *   within their rounding, the comparison and the audit are cut short
 * @report: (out) (optional) (transfer full): what was read, inferred and
 *   could not be reproduced
 *
 * As fiscal_import_disclosure(), or %NULL with %G_IO_ERROR_CANCELLED.
 */
FiscalDocument *
fiscal_import_disclosure_full (FiscalDisclosure    *disclosure,
                               GCancellable        *cancellable,
                               FiscalImportReport **report_out,
                               GError             **error)
{
  g_autoptr(FiscalImportReport) rep = fiscal_import_report_new ();
  g_autoptr(FiscalDocument) doc = NULL;
  g_autoptr(FiscalUnit) unit = NULL;
  GPtrArray *entries;
  Ctx ctx = { 0 };
  gboolean valid;
  int year;

  g_return_val_if_fail (disclosure != NULL, NULL);

  year = fiscal_disclosure_get_year (disclosure);
  if (fiscal_disclosure_get_table (disclosure, 2) == NULL && fiscal_disclosure_get_table (disclosure, 3) == NULL &&
      fiscal_disclosure_get_table (disclosure, 5) == NULL)
    {
      g_set_error (error, FISCAL_ERROR, FISCAL_ERROR_NOT_DISCLOSURE,
                   _("Neither 表 2, 表 3 nor 表 5 is in the text: there are no budget lines to rebuild"));
      return NULL;
    }

  entries = fiscal_disclosure_get_entries (disclosure);
  for (guint i = 0; i < entries->len; i++)
    {
      FiscalImportEntry *e = g_ptr_array_index (entries, i);
      fiscal_import_report_add (rep, e->severity, e->line, e->page, "%s", e->message);
    }

  doc = fiscal_document_new (year > 0 ? year : 2025, fiscal_disclosure_get_department (disclosure));
  if (year <= 0)
    fiscal_import_report_add (rep, FISCAL_IMPORT_WARNING, 0, 0,
                              _("The budget year is not stated; the budget is made for %d"), fiscal_document_get_year (doc));
  fiscal_document_freeze_changed (doc);
  if (fiscal_document_find_unit (doc, UNIT_ID) == NULL)
    {
      unit = fiscal_unit_new (UNIT_ID, fiscal_disclosure_get_department (disclosure));
      fiscal_document_add_unit (doc, unit);
    }

  ctx.disclosure = disclosure;
  ctx.report = rep;
  ctx.doc = doc;
  ctx.functions = fiscal_catalog_get_for_year (FISCAL_CATALOG_FUNCTION, fiscal_document_get_year (doc), NULL);
  ctx.economics = fiscal_catalog_get_for_year (FISCAL_CATALOG_ECONOMIC, fiscal_document_get_year (doc), NULL);
  ctx.fns = g_hash_table_new (g_str_hash, g_str_equal);
  ctx.fn_order = g_ptr_array_new_with_free_func (fn_free);
  ctx.lines = g_ptr_array_new_with_free_func (draft_free);
  ctx.scratch = g_ptr_array_new_with_free_func (g_free);
  ctx.unit = UNIT_ID;
  ctx.projects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  ctx.project_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx.cancellable = cancellable;

  /* the finest digit the tables print: the lines move within half of it */
  ctx.ulp = FISCAL_FEN_PER_WAN / 100;
  ctx.style = (FiscalAmountStyle) { "万元", FISCAL_FEN_PER_WAN, 2, FALSE, FISCAL_ZERO_DECIMALS };
  for (guint n = 1; n <= FISCAL_N_TABLES; n++)
    if (fiscal_disclosure_get_table (disclosure, n) != NULL &&
        table_ulp (fiscal_disclosure_get_table (disclosure, n)) < ctx.ulp)
      {
        ctx.ulp = table_ulp (fiscal_disclosure_get_table (disclosure, n));
        ctx.style = *fiscal_table_get_amount_style (fiscal_disclosure_get_table (disclosure, n));
      }

  if (ctx.functions == NULL || ctx.economics == NULL)
    report (&ctx, FISCAL_IMPORT_WARNING, 0, _("There is no classification catalogue for %d; names and “三公” codes are not checked"),
            fiscal_document_get_year (doc));

  read_profile (&ctx);
  read_profile_figures (&ctx);
  read_projects_text (&ctx);
  read_targets (&ctx);
  read_functions (&ctx);
  place_general_basic (&ctx);
  place_projects (&ctx);
  check_sangong (&ctx);

  /* the lines, each allowed to move within the rounding of its figure */
  for (guint i = 0; i < ctx.lines->len; i++)
    {
      Draft *d = g_ptr_array_index (ctx.lines, i);
      g_autofree char *id = fiscal_document_new_line_id (doc);
      g_autoptr(FiscalLine) line = NULL;

      if (d->amount == 0)
        {
          g_ptr_array_remove_index (ctx.lines, i--);
          continue;
        }
      line = fiscal_line_new_full (id, d->unit ? d->unit : UNIT_ID, d->function, d->economic, d->kind, d->project, d->source, d->amount);
      d->base = d->amount;
      d->slack = ctx.ulp / 2 - 1;   /* just under half of the finest digit printed (0.01 万元) */
      fiscal_document_add_line (doc, line);
    }

  reproduce_rounding (&ctx);
  read_reasons (&ctx);

  if (ctx.clamped)
    report (&ctx, FISCAL_IMPORT_WARNING, 0,
            _("The published figures add up to more than %s 元, the largest sum Fiscal keeps; the lines made from them are limited to it"),
            FISCAL_MONEY_MAX_YUAN);

  /* Nothing the loader would refuse is handed on to be saved. */
  valid = _fiscal_import_mend (doc, rep, error);

  if (valid && !g_cancellable_is_cancelled (cancellable))
    fiscal_import_compare_tables (disclosure, doc, rep, NULL);

  /* what the publication contradicts in itself, as published */
  if (valid && !g_cancellable_is_cancelled (cancellable))
  {
    FiscalAuditInput input;
    g_autoptr(GPtrArray) findings = NULL;

    fiscal_disclosure_fill_audit_input (disclosure, &input);
    findings = fiscal_audit_disclosure (&input);
    fiscal_import_report_add_audit (rep, disclosure, findings);
  }

  fiscal_document_thaw_changed (doc);
  fiscal_document_clear_history (doc);

  g_clear_object (&ctx.functions);
  g_clear_object (&ctx.economics);
  g_hash_table_unref (ctx.fns);
  g_ptr_array_unref (ctx.fn_order);
  g_ptr_array_unref (ctx.lines);
  g_ptr_array_unref (ctx.scratch);
  g_hash_table_unref (ctx.projects);
  g_hash_table_unref (ctx.project_ids);

  if (!valid)
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (report_out)
    *report_out = g_steal_pointer (&rep);
  return g_steal_pointer (&doc);
}
