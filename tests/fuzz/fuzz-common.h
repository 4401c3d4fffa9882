/* fuzz-common.h
 *
 * What the libFuzzer targets of tests/fuzz share: making GLib's criticals
 * and warnings crashes, and the check that a budget survives being saved
 * and opened again, byte for byte.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stddef.h>
#include <stdint.h>

#include "fiscal-core.h"

G_BEGIN_DECLS

/* libFuzzer's entry points, which it calls and no header declares. */
int  LLVMFuzzerInitialize   (int            *argc,
                             char         ***argv);
int  LLVMFuzzerTestOneInput (const uint8_t  *data,
                             size_t          size);
const char *__ubsan_default_options (void);

void fuzz_init              (void);
void fuzz_fail              (const char     *format,
                             ...) G_GNUC_PRINTF (1, 2) G_GNUC_NORETURN;
void fuzz_check_message     (const GError   *error,
                             const char     *what);
void fuzz_check_round_trip  (FiscalDocument *document,
                             const char     *what);

G_END_DECLS
