/* fuzz-load.c
 *
 * libFuzzer target: the budget loader on any bytes. A file it refuses is
 * refused with a message; a file it opens is saved, the saved bytes open
 * again and save to the same bytes (nothing read is lost on the way).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-fuzz"

#include "config.h"

#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(FiscalDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  /* Known: for no bytes at all, the loader computes NULL + 0, undefined
   * behaviour (the copy of nothing is NULL; fiscal-json-reader.c:447). */
  if (size == 0 && fuzz_skip_known ())
    return 0;

  document = fiscal_document_load_from_data ((const char *) data, size, &error);
  if (document == NULL)
    {
      fuzz_check_message (error, "loading");
      return 0;
    }

  fuzz_check_round_trip (document, "a loaded budget");
  return 0;
}
