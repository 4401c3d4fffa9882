/* fiscal-save-helper.c
 *
 * The process test-save-kill kills: it makes two versions of a
 * 100,000-line budget, writes each one's bytes to DIR/a.ref and DIR/b.ref,
 * saves version a to DIR/target/budget.fiscal.json and says
 * “ready MILLISECONDS” (the time of one save in a forked child). Then,
 * one command a line on standard input:
 *
 *   run V   forks a child that saves the two versions in turn, starting
 *           with the one that is not V (the one on disk, a or b), until
 *           it is killed; says “pid PID”
 *   wait    waits for that child; says “killed SIGNAL” or “exited STATUS”
 *   save V  saves the version that is not V, whole; says “saved a” or
 *           “saved b”
 *
 * A forked child has the budgets made already, so each kill costs a save,
 * not the making of two budgets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "fiscal-synthetic.h"

#define N_LINES 100000

typedef struct
{
  FiscalDocument *versions[2];
  GFile          *target;
  char           *target_path;
} Helper;

static void
save (Helper *h,
      int     v)
{
  g_autoptr(GError) error = NULL;

  if (!fiscal_document_save (h->versions[v], h->target, NULL, &error))
    g_error ("%s", error->message);
}

G_GNUC_NORETURN static void
save_forever (Helper *h,
              int     first)
{
  for (int v = first;; v = 1 - v)
    save (h, v);
}

int
main (int   argc,
      char *argv[])
{
  Helper h = { 0 };
  g_autofree char *target_dir = NULL;
  char command[64];
  pid_t child = 0;
  double start;

  if (argc != 2)
    {
      g_printerr ("usage: fiscal-save-helper DIR\n");
      return 2;
    }

  /* Line by line to the test, which waits for each answer. */
  setvbuf (stdout, NULL, _IOLBF, 0);

  target_dir = g_build_filename (argv[1], "target", NULL);
  g_assert_cmpint (g_mkdir_with_parents (target_dir, 0700), ==, 0);
  h.target_path = g_build_filename (target_dir, "budget.fiscal.json", NULL);
  h.target = g_file_new_for_path (h.target_path);

  for (int v = 0; v < 2; v++)
    {
      g_autofree char *name = g_strdup_printf ("%c.ref", 'a' + v);
      g_autofree char *ref = g_build_filename (argv[1], name, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;

      /* Made from different seeds, the two differ all through: a file
       * torn between them (the new one's start on the old one's end) is
       * neither, where two versions that differed in one early field
       * could not tell it from the new one. */
      h.versions[v] = fiscal_synthetic_budget (N_LINES / 1000, N_LINES, v + 1);
      /* As a save writes it: the file names this one. */
      fiscal_document_set_file (h.versions[v], h.target);
      bytes = fiscal_document_to_bytes (h.versions[v]);
      if (!g_file_set_contents (ref, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
        g_error ("%s", error->message);
    }

  /* A save's time as the killed children take it: forked, their first
   * touch of each page of the budget copies it. The file stays a. */
  save (&h, 0);
  start = fiscal_bench_now_ms ();
  child = fork ();
  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    {
      save (&h, 0);
      _exit (0);
    }
  g_assert_cmpint (waitpid (child, NULL, 0), ==, child);
  child = 0;
  printf ("ready %.0f\n", fiscal_bench_now_ms () - start);

  while (fgets (command, sizeof command, stdin) != NULL)
    {
      if (g_str_equal (command, "run a\n") || g_str_equal (command, "run b\n"))
        {
          int first = command[4] == 'a' ? 1 : 0;

          fflush (stdout);
          child = fork ();
          g_assert_cmpint (child, >=, 0);
          if (child == 0)
            {
#ifdef __linux__
              /* Never left saving if the helper goes. */
              prctl (PR_SET_PDEATHSIG, SIGKILL);
#endif
              save_forever (&h, first);
            }
          printf ("pid %d\n", (int) child);
        }
      else if (g_str_equal (command, "wait\n"))
        {
          int status;

          g_assert_cmpint (child, >, 0);
          g_assert_cmpint (waitpid (child, &status, 0), ==, child);
          child = 0;
          if (WIFSIGNALED (status))
            printf ("killed %d\n", WTERMSIG (status));
          else
            printf ("exited %d\n", WEXITSTATUS (status));
        }
      else if (g_str_equal (command, "save a\n") || g_str_equal (command, "save b\n"))
        {
          int v = command[5] == 'a' ? 1 : 0;

          save (&h, v);
          printf ("saved %c\n", 'a' + v);
        }
      else
        g_error ("unknown command %s", command);
    }

  /* The test is gone, or done: so is any child. */
  if (child > 0)
    {
      kill (child, SIGKILL);
      waitpid (child, NULL, 0);
    }

  for (int v = 0; v < 2; v++)
    {
      g_object_unref (h.versions[v]);
    }
  g_object_unref (h.target);
  g_free (h.target_path);
  return 0;
}
