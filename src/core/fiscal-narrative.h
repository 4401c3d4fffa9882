/* fiscal-narrative.h
 *
 * 第三部分 情况说明, written from the figures of a budget and its prior
 * year. The text is made of runs: fixed text, and slots for what the
 * officer types (the 主要原因 after a change, what a 类 is 主要用于, a
 * project's policy basis). A slot with nothing typed stays empty and is
 * reported as missing; Fiscal never invents a reason.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fiscal-types.h"

G_BEGIN_DECLS

typedef enum
{
  FISCAL_RUN_TEXT,
  FISCAL_RUN_SLOT,
} FiscalRunKind;

typedef struct
{
  FiscalRunKind  kind;
  char          *text;      /* the text, or the slot's content (NULL when empty) */
  char          *key;       /* a slot's explanation key */
  char          *prefix;    /* a slot's lead-in, printed only when it has text */
  gboolean       required;  /* an empty slot is missing (a change needs its reason) */
  char          *context;   /* a slot's sentence up to it, to name it by */
} FiscalNarrativeRun;

typedef struct
{
  gboolean   heading;       /* a sub-heading such as （一）… */
  GPtrArray *runs;          /* FiscalNarrativeRun */
} FiscalNarrativeParagraph;

typedef struct
{
  char      *number;        /* 一, 二 … 十二 */
  char      *title;
  GPtrArray *paragraphs;    /* FiscalNarrativeParagraph */
} FiscalNarrativeSection;

typedef struct _FiscalNarrative FiscalNarrative;

FiscalNarrative              *fiscal_narrative_new             (FiscalDocument  *document,
                                                                FiscalDocument  *prior);
void                          fiscal_narrative_free            (FiscalNarrative *self);
guint                         fiscal_narrative_get_n_sections  (FiscalNarrative *self);
const FiscalNarrativeSection *fiscal_narrative_get_section     (FiscalNarrative *self,
                                                                guint            position);
char                         *fiscal_narrative_paragraph_text  (const FiscalNarrativeParagraph *paragraph);
char                         *fiscal_narrative_section_text    (const FiscalNarrativeSection   *section);
GPtrArray                    *fiscal_narrative_missing         (FiscalNarrative *self);
char                         *fiscal_narrative_to_text         (FiscalNarrative *self);
char                         *fiscal_narrative_to_markdown     (FiscalNarrative *self);
char                         *fiscal_narrative_to_json         (FiscalNarrative *self);
char                         *fiscal_change_phrase             (gint64           current,
                                                                gint64           prior,
                                                                gboolean         against_last_year);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FiscalNarrative, fiscal_narrative_free)

G_END_DECLS
