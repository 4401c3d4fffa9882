/* fiscal-question.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkWidget *fiscal_question_new (GtkWindow             *parent,
                                const char            *heading,
                                const char            *body,
                                const char            *no,
                                const char            *no_label,
                                const char            *yes,
                                const char            *yes_label,
                                AdwResponseAppearance  appearance);

G_END_DECLS
