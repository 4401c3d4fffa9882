/* fiscal-question.c
 *
 * The questions the window asks: a heading, a sentence and two answers,
 * the one that holds back and the one that acts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fiscal-question.h"

/**
 * fiscal_question_new:
 * @no: the id of the answer that holds back (also what closing the
 *   dialog means)
 * @yes: the id of the answer that acts
 * @appearance: how @yes looks; a destructive one is not the default
 *
 * Returns: (transfer none): a new #AdwMessageDialog over @parent, not yet
 *   shown
 */
GtkWidget *
fiscal_question_new (GtkWindow             *parent,
                     const char            *heading,
                     const char            *body,
                     const char            *no,
                     const char            *no_label,
                     const char            *yes,
                     const char            *yes_label,
                     AdwResponseAppearance  appearance)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), no, no_label, yes, yes_label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), yes, appearance);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog),
                                           appearance == ADW_RESPONSE_DESTRUCTIVE ? no : yes);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), no);

  return dialog;
}
