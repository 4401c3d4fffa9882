/* fiscal-import-source.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-import"

#include "config.h"

#include <string.h>

#include "fiscal-import-source.h"

static gboolean
is_pdf (const char *contents,
        gsize       length)
{
  return length >= 5 && memcmp (contents, "%PDF-", 5) == 0;
}

/**
 * fiscal_bytes_are_disclosure:
 *
 * Tells a published disclosure from a budget file by its first bytes: a
 * PDF, or a text that does not begin (after a byte order mark and blanks)
 * with the brace of a JSON object. A budget that is broken JSON still
 * begins with its brace and goes to the budget loader, which says where it
 * is broken.
 *
 * Returns: whether @contents should be imported rather than opened
 */
gboolean
fiscal_bytes_are_disclosure (const char *contents,
                             gsize       length)
{
  gsize i = 0;

  if (is_pdf (contents, length))
    return TRUE;

  if (length >= 3 && memcmp (contents, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (contents[i]))
    i++;

  return i < length && contents[i] != '{';
}
