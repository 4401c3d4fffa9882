/* fiscal-output.c
 *
 * The rule of fiscal-output.h. A guard holds the files a command reads;
 * each output it is asked about is checked against them, against the
 * outputs before it, and against what is at its name now, and is then
 * held like an input, so that two outputs of one command never share a
 * file. A budget is told by its content, not its name: a JSON object
 * whose "format" is FISCAL_DOCUMENT_FORMAT, read from the start of the
 * file only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fiscal-output"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "fiscal-document.h"
#include "fiscal-error.h"
#include "fiscal-file.h"
#include "fiscal-output.h"

/* How much of a file is read to tell a budget: the writer puts "format"
 * first; a hand-edited file may have a few keys before it. */
#define SNIFF_LENGTH 16384

typedef struct
{
  char            *path;
  FiscalInputRole  role;
} Input;

struct _FiscalOutputGuard
{
  GArray *inputs;   /* of Input */
};

static void
input_clear (gpointer data)
{
  Input *input = data;

  g_free (input->path);
}

/**
 * fiscal_output_guard_new:
 *
 * Returns: (transfer full): a guard with no inputs yet
 */
FiscalOutputGuard *
fiscal_output_guard_new (void)
{
  FiscalOutputGuard *self = g_new0 (FiscalOutputGuard, 1);

  self->inputs = g_array_new (FALSE, TRUE, sizeof (Input));
  g_array_set_clear_func (self->inputs, input_clear);
  return self;
}

void
fiscal_output_guard_free (FiscalOutputGuard *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->inputs);
  g_free (self);
}

/**
 * fiscal_output_guard_add_input:
 * @path: a file the command reads
 *
 * No output may be @path's file.
 */
void
fiscal_output_guard_add_input (FiscalOutputGuard *self,
                               const char        *path,
                               FiscalInputRole    role)
{
  Input input;

  g_return_if_fail (self != NULL);
  g_return_if_fail (path != NULL);

  input.path = g_strdup (path);
  input.role = role;
  g_array_append_val (self->inputs, input);
}

/**
 * fiscal_output_guard_add_file:
 * @file: (nullable): a file the command reads; ignored when %NULL or not
 *   local
 */
void
fiscal_output_guard_add_file (FiscalOutputGuard *self,
                              GFile             *file,
                              FiscalInputRole    role)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (file != NULL && g_file_peek_path (file) != NULL)
    fiscal_output_guard_add_input (self, g_file_peek_path (file), role);
}

/**
 * fiscal_output_guard_add_document:
 * @document: (nullable): a budget read, whose file no output may be
 */
void
fiscal_output_guard_add_document (FiscalOutputGuard *self,
                                  FiscalDocument    *document,
                                  FiscalInputRole    role)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (document == NULL || FISCAL_IS_DOCUMENT (document));

  if (document != NULL)
    fiscal_output_guard_add_file (self, fiscal_document_get_file (document), role);
}

/* Where @path's data is, as a name: its links followed, made absolute
 * and without “.” and “..”. For files that are not there yet. */
static char *
canonical (const char *path)
{
  g_autofree char *resolved = fiscal_file_resolve_links (path, NULL);

  return g_canonicalize_filename (resolved != NULL ? resolved : path, NULL);
}

/* Whether @a and @b are one file: by device and inode where both exist
 * (a hard link, a symbolic link, another spelling), else by name. */
static gboolean
same_file (const char *a,
           const char *b)
{
  g_autofree char *ca = NULL;
  g_autofree char *cb = NULL;
  GStatBuf sa, sb;
  gboolean a_exists = g_stat (a, &sa) == 0;
  gboolean b_exists = g_stat (b, &sb) == 0;

  if (a_exists && b_exists)
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
  if (a_exists != b_exists)
    return FALSE;

  ca = canonical (a);
  cb = canonical (b);
  return g_str_equal (ca, cb);
}

static void
set_is_input_error (GError      **error,
                    const char   *output,
                    const Input  *input)
{
  const char *format;

  switch (input->role)
    {
    case FISCAL_INPUT_BUDGET:
      /* Translators: the first %s is the output named, the second the budget's file */
      format = _("Will not write “%s”: it is the budget being read (“%s”)");
      break;
    case FISCAL_INPUT_PRIOR:
      /* Translators: the first %s is the output named, the second the prior year's file */
      format = _("Will not write “%s”: it is the prior year’s budget being read (“%s”)");
      break;
    case FISCAL_INPUT_DISCLOSURE:
      /* Translators: the first %s is the output named, the second the disclosure's file */
      format = _("Will not write “%s”: it is the disclosure being imported (“%s”)");
      break;
    case FISCAL_INPUT_OUTPUT:
    default:
      /* Translators: the first %s is the output named, the second another output's file */
      format = _("Will not write “%s”: it is already an output of this command (“%s”)");
      break;
    }

  g_set_error (error, FISCAL_ERROR, FISCAL_ERROR_OUTPUT_IS_INPUT, format, output, input->path);
}

/* A JSON string at @p (after its opening quote): moves past its closing
 * quote. Returns FALSE when the text ends first. */
static gboolean
skip_string (const char **p,
             const char  *end)
{
  for (const char *q = *p; q < end; q++)
    if (*q == '\\')
      q++;
    else if (*q == '"')
      {
        *p = q + 1;
        return TRUE;
      }

  return FALSE;
}

static const char *
skip_space (const char *p,
            const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
    p++;
  return p;
}

/* Moves past one JSON value; a value cut off by the end is FALSE. */
static gboolean
skip_value (const char **p,
            const char  *end)
{
  const char *q = *p;
  guint depth = 0;

  do
    {
      if (q >= end)
        return FALSE;
      switch (*q)
        {
        case '"':
          q++;
          if (!skip_string (&q, end))
            return FALSE;
          continue;
        case '{':
        case '[':
          depth++;
          break;
        case '}':
        case ']':
          if (depth == 0)   /* the end of the enclosing object */
            {
              *p = q;
              return TRUE;
            }
          depth--;
          break;
        case ',':
          if (depth == 0)
            {
              *p = q;
              return TRUE;
            }
          break;
        default:
          break;
        }
      q++;
    }
  while (depth > 0 || (q < end && *q != ',' && *q != '}'));

  *p = q;
  return TRUE;
}

/* Whether @text begins a JSON object whose "format" is a budget's. */
static gboolean
begins_budget (const char *text,
               gsize       length)
{
  const char *p = text, *end = text + length;
  const char *format = FISCAL_DOCUMENT_FORMAT;

  if (length >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  p = skip_space (p, end);
  if (p >= end || *p++ != '{')
    return FALSE;

  for (;;)
    {
      const char *key;
      gsize key_length;

      p = skip_space (p, end);
      if (p >= end || *p++ != '"')
        return FALSE;
      key = p;
      if (!skip_string (&p, end))
        return FALSE;
      key_length = p - 1 - key;
      p = skip_space (p, end);
      if (p >= end || *p++ != ':')
        return FALSE;
      p = skip_space (p, end);

      if (key_length == strlen ("format") && memcmp (key, "format", key_length) == 0)
        {
          const char *value;

          if (p >= end || *p++ != '"')
            return FALSE;
          value = p;
          if (!skip_string (&p, end))
            return FALSE;
          return (gsize) (p - 1 - value) == strlen (format) && memcmp (value, format, strlen (format)) == 0;
        }

      if (!skip_value (&p, end))
        return FALSE;
      p = skip_space (p, end);
      if (p >= end || *p++ != ',')
        return FALSE;
    }
}

/**
 * fiscal_file_is_budget:
 *
 * Reads the start of @path (a regular file; a device or pipe is not read).
 *
 * Returns: whether @path is a Fiscal budget: a JSON object whose "format"
 *   is FISCAL_DOCUMENT_FORMAT. A file too damaged to load may still be one.
 */
gboolean
fiscal_file_is_budget (const char *path)
{
  g_autofree char *buffer = NULL;
  struct stat st;
  gssize n;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    return FALSE;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      return FALSE;
    }

  buffer = g_malloc (SNIFF_LENGTH);
  do
    n = read (fd, buffer, SNIFF_LENGTH);
  while (n < 0 && errno == EINTR);
  close (fd);

  return n > 0 && begins_budget (buffer, n);
}

/**
 * fiscal_output_guard_check:
 * @output: the file about to be written
 *
 * Applies the rule of fiscal-output.h to @output. When it may be written,
 * @output is held as an input from then on: no later output may be it.
 *
 * Returns: %TRUE when @output may be written; %FALSE with @error
 *   (%FISCAL_ERROR_OUTPUT_IS_INPUT or %FISCAL_ERROR_OUTPUT_EXISTS) naming
 *   it and saying why not
 */
gboolean
fiscal_output_guard_check (FiscalOutputGuard  *self,
                           const char         *output,
                           FiscalOutputFlags   flags,
                           GError            **error)
{
  GStatBuf st;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (output != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < self->inputs->len; i++)
    {
      const Input *input = &g_array_index (self->inputs, Input, i);

      if (same_file (output, input->path))
        {
          set_is_input_error (error, output, input);
          return FALSE;
        }
    }

  if (!(flags & FISCAL_OUTPUT_FORCE) && g_stat (output, &st) == 0 && S_ISREG (st.st_mode))
    {
      if (flags & FISCAL_OUTPUT_NEW)
        {
          g_set_error (error, FISCAL_ERROR, FISCAL_ERROR_OUTPUT_EXISTS,
                       _("Will not write over “%s”: it exists already"), output);
          return FALSE;
        }
      if (fiscal_file_is_budget (output))
        {
          g_set_error (error, FISCAL_ERROR, FISCAL_ERROR_OUTPUT_EXISTS,
                       _("Will not write over “%s”: it is a Fiscal budget"), output);
          return FALSE;
        }
    }

  fiscal_output_guard_add_input (self, output, FISCAL_INPUT_OUTPUT);
  return TRUE;
}

/**
 * fiscal_output_guard_check_file:
 *
 * As fiscal_output_guard_check(), for a #GFile; a file that is not local
 * is compared with nothing and may be written.
 */
gboolean
fiscal_output_guard_check_file (FiscalOutputGuard  *self,
                                GFile              *output,
                                FiscalOutputFlags   flags,
                                GError            **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (output), FALSE);

  if (g_file_peek_path (output) == NULL)
    return TRUE;

  return fiscal_output_guard_check (self, g_file_peek_path (output), flags, error);
}
