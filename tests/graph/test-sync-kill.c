/* test-sync-kill.c: a sync killed at any moment, then resumed, ends with
 * exactly the rows of a sync that was never interrupted
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>

#include "fd-test-util.h"
#include "graph-test-util.h"

/* flightdeck-cli runs the sync in a child process and is killed with
 * SIGKILL — once while the emulator holds its seventh insights request, a
 * few times at random moments — then run again. */

#define KILL_ACCOUNT "act_5000000000005"

typedef struct
{
  char            *dir;
  char            *token;
  char            *since;
  char            *until;
  FdGraphEmulator *emulator;
} KillFixture;

static void
kill_set_up (KillFixture   *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) since = g_date_time_add_days (now, -40);
  g_autoptr(GDateTime) until = g_date_time_add_days (now, -10);
  FdEmuAccountSpec spec = { KILL_ACCOUNT, "Kill test", "EUR", "UTC", 3, 2, 5, 120, 30 };

  f->dir = fd_test_tmpdir_new ();
  f->token = g_strdup_printf ("EAAKillTest%08x", g_random_int ());
  /* Days long past: the emulator's numbers for them no longer move. */
  f->since = g_date_time_format (since, "%Y-%m-%d");
  f->until = g_date_time_format (until, "%Y-%m-%d");

  f->emulator = fd_graph_emulator_new (11);
  fd_graph_emulator_set_token (f->emulator, f->token);
  fd_graph_emulator_set_report_delay (f->emulator, 20);
  g_assert_true (fd_graph_emulator_add_account (f->emulator, &spec, &error));
  g_assert_true (fd_graph_emulator_start (f->emulator, 0, &error));
  g_assert_no_error (error);
}

static void
kill_tear_down (KillFixture   *f,
                gconstpointer  data)
{
  fd_graph_emulator_stop (f->emulator);
  g_clear_object (&f->emulator);
  fd_test_tmpdir_free (f->dir);
  g_free (f->token);
  g_free (f->since);
  g_free (f->until);
}

static char *
make_workspace (KillFixture *f,
                const char  *name)
{
  char *ws = g_build_filename (f->dir, name, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  out = fd_test_run_cli (ws, &status, NULL, "init", NULL);
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&out, g_free);

  /* The token goes in on standard input, as a person would paste it. */
  {
    g_autoptr(GSubprocess) add = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *input = g_strdup_printf ("%s\n", f->token);

    add = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                            G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                            g_getenv ("FLIGHTDECK_CLI"), "--workspace", ws, "account", "add", KILL_ACCOUNT,
                            "--graph-url", fd_graph_emulator_get_url (f->emulator), NULL);
    g_assert_no_error (error);
    g_subprocess_communicate_utf8 (add, input, NULL, NULL, &err, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (err, ==, "");
    g_assert_true (g_subprocess_get_successful (add));
  }

  return ws;
}

static GSubprocess *
spawn_sync (KillFixture *f,
            const char  *ws,
            int          page_size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *since = g_strdup_printf ("--since=%s", f->since);
  g_autofree char *until = g_strdup_printf ("--until=%s", f->until);
  g_autofree char *pages = g_strdup_printf ("--page-size=%d", page_size);
  GSubprocess *process;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                              g_getenv ("FLIGHTDECK_CLI"), "--workspace", ws, "sync", since, until,
                              "--hourly-days=2", pages, NULL);
  g_assert_no_error (error);
  return process;
}

static char *
run_sync (KillFixture *f,
          const char  *ws,
          int          page_size)
{
  g_autoptr(GSubprocess) process = spawn_sync (f, ws, page_size);
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;

  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_subprocess_get_successful (process));

  return out;
}

/* Returns FALSE if the child had already finished, successfully. */
static gboolean
kill_now (GSubprocess *process)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;

  g_subprocess_send_signal (process, SIGKILL);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);

  if (!g_subprocess_get_if_signaled (process))
    {
      g_assert_cmpstr (err, ==, "");
      g_assert_true (g_subprocess_get_successful (process));
      return FALSE;
    }

  g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);
  return TRUE;
}

static FdStore *
open_store (const char *ws)
{
  g_autofree char *path = g_build_filename (ws, "flightdeck.db", NULL);
  g_autoptr(GError) error = NULL;
  FdStore *store = fd_store_open (path, FD_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return store;
}

static char *
checksum_of (const char *ws)
{
  g_autoptr(FdStore) store = open_store (ws);

  return graph_checksum (store);
}

static gboolean
request_held (gpointer data)
{
  FdGraphEmulatorStats stats;

  fd_graph_emulator_get_stats (data, &stats);
  return stats.held > 0;
}

static void
test_kill_while_held (KillFixture   *f,
                      gconstpointer  data)
{
  g_autofree char *clean_ws = make_workspace (f, "clean");
  g_autofree char *killed_ws = make_workspace (f, "killed");
  g_autofree char *clean_out = run_sync (f, clean_ws, 500);
  g_autofree char *clean = checksum_of (clean_ws);
  g_autofree char *resumed_out = NULL;
  g_autofree char *resumed = NULL;
  g_autoptr(GSubprocess) child = NULL;

  /* The seventh insights request is held; the child is killed then. */
  fd_graph_emulator_add_fault (f->emulator, FD_EMU_FAULT_STALL, "insights", 6, -1, 0);
  child = spawn_sync (f, killed_ws, 40);
  graph_wait_until (request_held, f->emulator, 60000);
  g_assert_true (kill_now (child));
  fd_graph_emulator_clear_faults (f->emulator);

  {
    g_autoptr(FdStore) store = open_store (killed_ws);

    /* Half done: pages stored, cursors saved, the run still open. */
    g_assert_cmpint (graph_count (store, "SELECT count(*) FROM sync_cursor"), >, 0);
    g_assert_cmpint (graph_count (store, "SELECT count(*) FROM insight_daily"), >, 0);
    g_assert_cmpint (graph_count (store, "SELECT count(*) FROM insight_daily"), <,
                     graph_count (store, "SELECT 1000000"));
    g_assert_cmpint (graph_count (store, "SELECT count(*) FROM sync_run WHERE ok IS NULL"), ==, 1);
  }

  resumed_out = run_sync (f, killed_ws, 40);
  g_assert_nonnull (strstr (resumed_out, "resumed"));
  resumed = checksum_of (killed_ws);
  g_assert_cmpstr (resumed, ==, clean);

  {
    g_autoptr(FdStore) clean_store = open_store (clean_ws);
    g_autoptr(FdStore) store = open_store (killed_ws);
    const char *counts[] = {
      "SELECT count(*) FROM insight_daily", "SELECT count(*) FROM insight_hourly",
      "SELECT count(*) FROM insight_reach", "SELECT count(*) FROM meta_object",
    };

    for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
      g_assert_cmpint (graph_count (store, counts[i]), ==, graph_count (clean_store, counts[i]));

    g_assert_cmpint (graph_count (store, "SELECT count(*) FROM sync_cursor"), ==, 0);
    /* The killed run is closed as interrupted, the resumed one succeeded. */
    g_assert_cmpint (graph_count (store, "SELECT count(*) FROM sync_run WHERE ok = 0 "
                                  "AND message LIKE '%interrupted%'"), ==, 1);
    g_assert_cmpint (graph_count (store, "SELECT count(*) FROM sync_run WHERE ok = 1"), ==, 1);
  }
}

static gboolean
is_interrupted (const char *ws)
{
  g_autoptr(FdStore) store = open_store (ws);

  return graph_count (store, "SELECT count(*) FROM sync_run WHERE ok IS NULL") > 0;
}

static void
test_kill_at_random (KillFixture   *f,
                     gconstpointer  data)
{
  g_autofree char *clean_ws = make_workspace (f, "clean");
  g_autofree char *killed_ws = make_workspace (f, "killed");
  g_autofree char *clean_out = run_sync (f, clean_ws, 500);
  g_autofree char *clean = checksum_of (clean_ws);
  g_autofree char *final_out = NULL;
  g_autofree char *result = NULL;
  guint interrupted = 0;

  /* Each round kills the child either at a random moment (in the middle
   * of a page or of its commit) or while the emulator holds a random
   * request; each restart resumes what the last one left. */
  for (int i = 0; i < 6; i++)
    {
      g_autoptr(GSubprocess) child = NULL;

      if (i % 2 == 1)
        fd_graph_emulator_add_fault (f->emulator, FD_EMU_FAULT_STALL, NULL, g_random_int_range (1, 40), -1, 0);

      child = spawn_sync (f, killed_ws, 8);
      if (i % 2 == 1)
        graph_wait_until (request_held, f->emulator, 60000);
      else
        g_usleep (g_random_int_range (40, 300) * 1000);

      kill_now (child);
      fd_graph_emulator_clear_faults (f->emulator);
      interrupted += is_interrupted (killed_ws);
    }

  g_test_message ("%u of 6 kills interrupted a sync", interrupted);
  g_assert_cmpuint (interrupted, >=, 3);

  final_out = run_sync (f, killed_ws, 8);
  result = checksum_of (killed_ws);
  g_assert_cmpstr (result, ==, clean);
}

int
main (int   argc,
      char *argv[])
{
  graph_test_init (&argc, &argv);

  g_test_add ("/sync-kill/while-held", KillFixture, NULL, kill_set_up, test_kill_while_held, kill_tear_down);
  g_test_add ("/sync-kill/at-random", KillFixture, NULL, kill_set_up, test_kill_at_random, kill_tear_down);

  return g_test_run ();
}
