/* test-save-kill.c
 *
 * A save killed at any moment leaves the budget whole: fiscal-save-helper
 * saves a 100,000-line budget over and over, two versions in turn, and is
 * killed (SIGKILL) 200 times at random moments spread over a save (fewer
 * under the sanitizers: $FISCAL_SAVE_KILLS, see tests/meson.build). After
 * each kill the file is byte for byte one version or the other and loads;
 * beside it is at most the one temporary file of the save that was killed,
 * and the next save removes it. The kills run in two streams at once
 * (one per processor, at most two), each with its own helper and file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fiscal-test-util.h"

#define N_KILLS 200

/* How far past a save's measured time a kill may come: the rename, the
 * folder's sync and the next save's start are moments too. */
#define WINDOW 1.2

/* One kill in this many waits for the temporary file to appear first, so
 * that kills between its creation and its rename are certain to happen. */
#define AIMED_EVERY 8

typedef struct
{
  guint   n_kills;      /* asked of this stream */
  double  save_ms;
  double  seconds;
  guint   n_leftovers;
  guint   n_removed_checked;
  guint   n_found[2];
  char   *dir_name;
} Stream;

typedef struct
{
  GPid   pid;
  FILE  *in;    /* the helper's standard input */
  FILE  *out;   /* its standard output */
  char  *dir;
  char  *target_dir;
  char  *target;
  GBytes *versions[2];
  gboolean loaded[2];
  char  *buffer;
  gsize  buffer_size;
} Run;

static char *
ask (Run        *run,
     const char *command)
{
  char answer[128];

  g_assert_cmpint (fputs (command, run->in), >=, 0);
  g_assert_cmpint (fflush (run->in), ==, 0);
  g_assert_nonnull (fgets (answer, sizeof answer, run->out));
  return g_strstrip (g_strdup (answer));
}

/* The temporary files beside the target; anything else there fails. */
static GPtrArray *
temporary_files (Run *run)
{
  g_autoptr(GDir) listing = g_dir_open (run->target_dir, 0, NULL);
  GPtrArray *temps = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      if (g_str_equal (name, "budget.fiscal.json"))
        continue;
      if (!fiscal_file_is_temp_name ("budget.fiscal.json", name))
        g_error ("%s is beside the budget", name);
      g_ptr_array_add (temps, g_strdup (name));
    }

  return temps;
}

/* The file is one version or the other, whole; returns which. The first
 * time each is found, the file is loaded too. */
static int
assert_whole (Run *run)
{
  gsize length = 0;
  int found = -1;
  int fd = g_open (run->target, O_RDONLY, 0);
  gssize n;

  /* Into the same buffer each time: one byte more than the longer
   * version, to see a file longer than both. */
  g_assert_cmpint (fd, >=, 0);
  while ((n = read (fd, run->buffer + length, run->buffer_size - length)) > 0)
    length += n;
  g_assert_cmpint (n, ==, 0);
  close (fd);

  for (int v = 0; v < 2; v++)
    if (length == g_bytes_get_size (run->versions[v]) &&
        memcmp (run->buffer, g_bytes_get_data (run->versions[v], NULL), length) == 0)
      found = v;
  if (found < 0)
    g_error ("after a kill, %s is neither version (%" G_GSIZE_FORMAT " bytes)", run->target, length);

  /* Being either version byte for byte, it loads as that version did. */
  if (!run->loaded[found])
    {
      g_autoptr(GFile) file = g_file_new_for_path (run->target);
      g_autoptr(GError) error = NULL;
      g_autoptr(FiscalDocument) doc = fiscal_document_load (file, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (fiscal_document_get_lines (doc)), ==, 100000);
      run->loaded[found] = TRUE;
    }

  return found;
}

static void
wait_for_temporary (Run *run)
{
  /* The child makes its bytes first, then the file; give up after a save's
   * worth of polls would be far too many. */
  for (guint i = 0; i < 20000; i++)
    {
      g_autoptr(GPtrArray) temps = temporary_files (run);

      if (temps->len > 0)
        return;
      g_usleep (200);
    }
}

/* A folder in memory where there is one (/dev/shm): a kill tests what a
 * process that dies leaves, which the page cache keeps whatever the
 * disk, so a sync there (which costs more than the rest of a save on a
 * busy disk, and matters only when the machine itself stops) would only
 * make the kills fewer per second. */
static char *
kill_dir (void)
{
  char *dir = NULL;

  if (g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) && access ("/dev/shm", W_OK) == 0)
    {
      dir = g_strdup ("/dev/shm/fiscal-kill-XXXXXX");
      if (g_mkdtemp_full (dir, 0700) == NULL)
        g_clear_pointer (&dir, g_free);
    }
  if (dir == NULL)
    dir = g_dir_make_tmp ("fiscal-kill-XXXXXX", NULL);
  g_assert_nonnull (dir);

  return dir;
}

/* One helper, killed @stream->n_kills times. */
static gpointer
run_stream (gpointer data)
{
  Stream *stream = data;
  const char *helper = g_getenv ("FISCAL_SAVE_HELPER");
  Run run = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *ready = NULL;
  g_autoptr(GRand) rand = g_rand_new ();
  const char *argv[3];
  int in_fd, out_fd, status, on_disk;
  double save_ms, start = g_get_monotonic_time ();
  guint n_leftovers = 0, n_removed_checked = 0, n_found[2] = { 0, 0 };

  g_assert_nonnull (helper);
  run.dir = kill_dir ();
  stream->dir_name = g_strdup (run.dir);
  run.target_dir = g_build_filename (run.dir, "target", NULL);
  run.target = g_build_filename (run.target_dir, "budget.fiscal.json", NULL);

  argv[0] = helper;
  argv[1] = run.dir;
  argv[2] = NULL;
  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                           &run.pid, &in_fd, &out_fd, NULL, &error));
  g_assert_no_error (error);
  run.in = fdopen (in_fd, "w");
  run.out = fdopen (out_fd, "r");

  ready = ask (&run, "");
  g_assert_true (g_str_has_prefix (ready, "ready "));
  save_ms = g_ascii_strtod (ready + strlen ("ready "), NULL);
  g_assert_cmpfloat (save_ms, >, 0);
  stream->save_ms = save_ms;

  for (int v = 0; v < 2; v++)
    {
      g_autofree char *name = g_strdup_printf ("%c.ref", 'a' + v);
      g_autofree char *ref = g_build_filename (run.dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (ref, &contents, &length, NULL));
      run.versions[v] = g_bytes_new_take (g_steal_pointer (&contents), length);
    }
  g_assert_false (g_bytes_equal (run.versions[0], run.versions[1]));
  run.buffer_size = MAX (g_bytes_get_size (run.versions[0]), g_bytes_get_size (run.versions[1])) + 1;
  run.buffer = g_malloc (run.buffer_size);
  on_disk = assert_whole (&run);
  g_assert_cmpint (on_disk, ==, 0);

  for (guint k = 0; k < stream->n_kills; k++)
    {
      g_autofree char *started = ask (&run, on_disk == 0 ? "run a\n" : "run b\n");
      g_autofree char *reaped = NULL;
      g_autoptr(GPtrArray) temps = NULL;
      int pid;

      g_assert_true (g_str_has_prefix (started, "pid "));
      pid = atoi (started + strlen ("pid "));
      g_assert_cmpint (pid, >, 0);

      /* Anywhere in a save (making the bytes, writing, syncing,
       * renaming) and just after; now and then once the temporary file
       * is there. */
      if (k % AIMED_EVERY == AIMED_EVERY - 1)
        wait_for_temporary (&run);
      else
        g_usleep (g_rand_double_range (rand, 0, WINDOW * save_ms * 1000));
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);

      reaped = ask (&run, "wait\n");
      g_assert_cmpstr (reaped, ==, "killed 9");

      on_disk = assert_whole (&run);
      n_found[on_disk]++;
      temps = temporary_files (&run);
      /* Each save removes the one before it left: never more than one. */
      g_assert_cmpuint (temps->len, <=, 1);

      if (temps->len == 1)
        {
          n_leftovers++;
          /* The next save removes it: checked outright for the first
           * few (after those, that there is never more than one shows
           * that each child's save removed the one before). */
          if (n_removed_checked < 3)
            {
              g_autofree char *saved = ask (&run, on_disk == 0 ? "save a\n" : "save b\n");
              g_autoptr(GPtrArray) after = temporary_files (&run);

              g_assert_cmpstr (saved, ==, on_disk == 0 ? "saved b" : "saved a");
              g_assert_cmpuint (after->len, ==, 0);
              on_disk = assert_whole (&run);
              g_assert_cmpint (on_disk, ==, saved[6] - 'a');
              n_removed_checked++;
            }
        }
    }

  stream->seconds = (g_get_monotonic_time () - start) / 1e6;
  stream->n_leftovers = n_leftovers;
  stream->n_removed_checked = n_removed_checked;
  stream->n_found[0] = n_found[0];
  stream->n_found[1] = n_found[1];

  /* The last kill's leftover, if any, goes with the next save. */
  {
    g_autofree char *saved = ask (&run, on_disk == 0 ? "save a\n" : "save b\n");
    g_autoptr(GPtrArray) after = temporary_files (&run);

    g_assert_cmpstr (saved, ==, on_disk == 0 ? "saved b" : "saved a");
    g_assert_cmpuint (after->len, ==, 0);
    g_assert_cmpint (assert_whole (&run), ==, 1 - on_disk);
  }

  fclose (run.in);
  g_assert_cmpint (waitpid (run.pid, &status, 0), ==, run.pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  fclose (run.out);
  g_spawn_close_pid (run.pid);

  for (int v = 0; v < 2; v++)
    {
      g_autofree char *name = g_strdup_printf ("%c.ref", 'a' + v);
      g_autofree char *ref = g_build_filename (run.dir, name, NULL);

      g_assert_cmpint (g_unlink (ref), ==, 0);
      g_bytes_unref (run.versions[v]);
    }
  g_assert_cmpint (g_unlink (run.target), ==, 0);
  g_assert_cmpint (g_rmdir (run.target_dir), ==, 0);
  g_assert_cmpint (g_rmdir (run.dir), ==, 0);
  g_free (run.buffer);
  g_free (run.target);
  g_free (run.target_dir);
  g_free (run.dir);

  return NULL;
}

static void
test_save_kill (void)
{
  guint n_kills = N_KILLS, n_streams = CLAMP (g_get_num_processors (), 1, 2);
  guint n_leftovers = 0, n_removed_checked = 0, n_found[2] = { 0, 0 };
  Stream streams[2] = { { 0 } };
  GThread *threads[2];
  double start = g_get_monotonic_time ();

  if (g_getenv ("FISCAL_SAVE_KILLS") != NULL)
    n_kills = atoi (g_getenv ("FISCAL_SAVE_KILLS"));
  g_assert_cmpuint (n_kills, >=, n_streams * AIMED_EVERY);

  for (guint i = 0; i < n_streams; i++)
    {
      streams[i].n_kills = n_kills / n_streams + (i < n_kills % n_streams);
      threads[i] = g_thread_new ("kills", run_stream, &streams[i]);
    }

  for (guint i = 0; i < n_streams; i++)
    {
      g_thread_join (threads[i]);
      g_test_message ("stream %u in %s: one save of 100,000 lines takes %.0f ms; %u kills in %.1f s",
                      i, streams[i].dir_name, streams[i].save_ms, streams[i].n_kills, streams[i].seconds);
      n_leftovers += streams[i].n_leftovers;
      n_removed_checked += streams[i].n_removed_checked;
      n_found[0] += streams[i].n_found[0];
      n_found[1] += streams[i].n_found[1];
      g_free (streams[i].dir_name);
    }

  g_test_message ("%u kills in %.1f s: %u left a temporary file; the file was version a %u times, b %u times",
                  n_kills, (g_get_monotonic_time () - start) / 1e6, n_leftovers, n_found[0], n_found[1]);
  g_assert_cmpuint (n_found[0] + n_found[1], ==, n_kills);
  /* The aimed kills made some, and both versions were on disk at times. */
  g_assert_cmpuint (n_removed_checked, >, 0);
  g_assert_cmpuint (n_found[0], >, 0);
  g_assert_cmpuint (n_found[1], >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/save/kill", test_save_kill);

  return g_test_run ();
}
