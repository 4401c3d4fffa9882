/* fuzz-common.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-fuzz"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"

/**
 * fuzz_init:
 *
 * Called once, from LLVMFuzzerInitialize(). A critical (a g_return_if_fail()
 * that failed) or a warning on any input is a bug, so both abort, and
 * GLib's slice allocator, which hides memory errors from AddressSanitizer
 * (GLib 2.74), gives way to malloc.
 */
void
fuzz_init (void)
{
  setenv ("G_SLICE", "always-malloc", 0);
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}

/* UBSan reports a fault and goes on by default, which libFuzzer would not
 * notice: in a fuzz target it stops, as AddressSanitizer does. Read by
 * the sanitizer runtime, before UBSAN_OPTIONS. */
const char *
__ubsan_default_options (void)
{
  return "halt_on_error=1:print_stacktrace=1";
}

/**
 * fuzz_fail:
 *
 * Says what went wrong and aborts, which libFuzzer reports as a crash and
 * saves the input for.
 */
void
fuzz_fail (const char *format,
           ...)
{
  va_list args;

  va_start (args, format);
  fputs ("fuzz: ", stderr);
  vfprintf (stderr, format, args);
  fputc ('\n', stderr);
  va_end (args);
  fflush (stderr);
  abort ();
}

/**
 * fuzz_check_message:
 *
 * An input that is refused must be refused with a message a window can
 * show: set, not empty, valid UTF-8 (GTK refuses to show anything else).
 */
void
fuzz_check_message (const GError *error,
                    const char   *what)
{
  if (error == NULL || error->message == NULL || error->message[0] == 0)
    fuzz_fail ("%s failed without saying why", what);
  if (!g_utf8_validate (error->message, -1, NULL))
    fuzz_fail ("%s failed with a message that is not UTF-8: %s", what, error->message);
}

static void
print_excerpt (const char *label,
               GBytes     *bytes,
               gsize       at)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  gsize from = at > 120 ? at - 120 : 0;
  gsize to = MIN (size, at + 120);

  fprintf (stderr, "---- %s (%" G_GSIZE_FORMAT " bytes), around byte %" G_GSIZE_FORMAT ":\n%.*s\n",
           label, size, at, (int) (to - from), data + from);
}

/**
 * fuzz_check_round_trip:
 * @what: what made @document, for the messages
 *
 * Saves @document (fiscal_document_to_bytes()), opens what was saved and
 * saves that again. Aborts when the saved budget does not open — the
 * loader's message printed — or when the second save differs from the
 * first: something was lost or changed on the way.
 */
void
fuzz_check_round_trip (FiscalDocument *document,
                       const char     *what)
{
  g_autoptr(GBytes) first = fiscal_document_to_bytes (document);
  g_autoptr(GBytes) second = NULL;
  g_autoptr(FiscalDocument) again = NULL;
  g_autoptr(GError) error = NULL;
  const char *a, *b;
  gsize a_len, b_len, i;

  a = g_bytes_get_data (first, &a_len);
  again = fiscal_document_load_from_data (a, a_len, &error);
  if (again == NULL)
    {
      fprintf (stderr, "---- the budget as saved:\n%.*s\n", (int) MIN (a_len, 65536), a);
      fuzz_fail ("%s: the saved budget does not open again: %s",
                 what, error && error->message ? error->message : "(no message)");
    }

  second = fiscal_document_to_bytes (again);
  b = g_bytes_get_data (second, &b_len);
  if (g_bytes_equal (first, second))
    return;

  for (i = 0; i < a_len && i < b_len && a[i] == b[i]; i++)
    ;
  print_excerpt ("saved", first, i);
  print_excerpt ("opened and saved again", second, i);
  fuzz_fail ("%s: the budget saved, opened and saved again differs from the first save at byte %" G_GSIZE_FORMAT,
             what, i);
}
