/* test-engine.c: the engine the app holds — runs on workers, list models,
 * approvals, chart series, the scheduler
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fd-ownership.h"
#include "fd-rulebook.h"
#include "fd-target.h"
#include "fd-test-util.h"
#include "fd-triage-engine.h"
#include "fd-triage-scheduler.h"
#include "rules-fixture.h"

#define TZ "Europe/Berlin"

typedef struct
{
  char           *dir;
  FdWorkspace    *workspace;
  FdStore        *store;
  FdTriageEngine *engine;
  RfExecutor     *executor;
  GMainLoop      *loop;
  GAsyncResult   *result;
  gint64          leo;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) rules = NULL;

  f->dir = fd_test_tmpdir_new ();
  path = g_build_filename (f->dir, "ws", NULL);
  f->workspace = fd_workspace_create (path, "Engine", &error);
  g_assert_no_error (error);
  f->store = fd_workspace_get_store (f->workspace);
  f->loop = g_main_loop_new (NULL, FALSE);
  f->executor = rf_executor_new ();

  f->leo = rf_person (f->store, "Leo Martins", "leo@example.com", "account-lead");
  rf_account (f->store, "act_1", "EUR", TZ);
  rf_object (f->store, "c1", "act_1", "campaign", NULL, NULL, "Spring", -1, NULL);
  rf_object (f->store, "as_low", "act_1", "adset", "c1", NULL, "Low", 10000, NULL);
  for (int d = 8; d <= 10; d++)
    {
      g_autofree char *day = g_strdup_printf ("2026-03-%02d", d);

      rf_day (f->store, "as_low", TZ, day, &(RfMetrics) { .spend = 10000, .purchases = 1, .purchase_value = 13000 });
    }

  rules = fd_rulebook_add (f->store, "system",
                           "rule \"Low ROAS\" level adset when roas(3d) < 1.4 then pause\n"
                           "  approval by \"account lead\"\n",
                           TRUE, &error);
  g_assert_no_error (error);

  f->engine = fd_triage_engine_new (f->workspace);
  fd_triage_engine_set_executor (f->engine, FD_TRIAGE_EXECUTOR (f->executor));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->engine);
  g_clear_object (&f->executor);
  g_clear_object (&f->workspace);
  g_clear_pointer (&f->loop, g_main_loop_unref);
  fd_test_tmpdir_free (f->dir);
}

static void
got_result (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Fixture *f = user_data;

  f->result = g_object_ref (result);
  g_main_loop_quit (f->loop);
}

static GAsyncResult *
wait_result (Fixture *f)
{
  g_main_loop_run (f->loop);
  return g_steal_pointer (&f->result);
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

/* Spins until @model has @n items (the reload is asynchronous). */
static void
wait_items (Fixture    *f,
            GListModel *model,
            guint       n)
{
  for (int i = 0; i < 100 && g_list_model_get_n_items (model) != n; i++)
    {
      g_timeout_add (50, quit_loop, f->loop);
      g_main_loop_run (f->loop);
    }

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
}

static void
test_run_and_approve (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdTriageReport) report = NULL;
  g_autoptr(FdTriageDecision) listed = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  GListModel *decisions = fd_triage_engine_get_decisions (f->engine);

  fd_triage_engine_run_async (f->engine, rf_local (TZ, "2026-03-10 14:20"), "manual",
                              FD_TRIAGE_RUN_DEFAULT, NULL, got_result, f);
  g_assert_true (fd_triage_engine_get_running (f->engine));
  result = wait_result (f);
  report = fd_triage_engine_run_finish (f->engine, result, &error);
  g_assert_no_error (error);

  g_assert_false (fd_triage_engine_get_running (f->engine));
  g_assert_true (fd_triage_engine_get_last_report (f->engine) == report);
  g_assert_cmpuint (fd_triage_report_get_decisions (report)->len, ==, 1);

  /* The dashboard's model follows. */
  wait_items (f, decisions, 1);
  listed = g_list_model_get_item (decisions, 0);
  g_assert_cmpint (fd_triage_decision_get_state (listed), ==, FD_TRIAGE_STATE_AWAITING_APPROVAL);
  g_clear_object (&listed);

  /* The account lead approves, off the main thread. */
  fd_triage_engine_approve_async (f->engine, 1, f->leo, NULL, NULL, got_result, f);
  g_clear_object (&result);
  result = wait_result (f);
  g_assert_true (fd_triage_engine_approve_finish (f->engine, result, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (g_ptr_array_index (rf_executor_get_calls (f->executor), 0), ==, "status as_low PAUSED");

  /* The change comes back through the workspace's change feed. */
  for (int i = 0; i < 100; i++)
    {
      g_autoptr(FdTriageDecision) first = g_list_model_get_item (decisions, 0);

      if (fd_triage_decision_get_state (first) == FD_TRIAGE_STATE_EXECUTED)
        break;
      g_timeout_add (50, quit_loop, f->loop);
      g_main_loop_run (f->loop);
    }
  listed = g_list_model_get_item (decisions, 0);
  g_assert_cmpint (fd_triage_decision_get_state (listed), ==, FD_TRIAGE_STATE_EXECUTED);
}

static void
test_runs_queue (Fixture       *f,
                 gconstpointer  data)
{
  guint finished = 0;
  g_autoptr(GAsyncResult) result = NULL;

  /* Three runs asked for at once run one after the other; the second and
   * third find the first's decision open and add nothing. */
  g_signal_connect_swapped (f->engine, "run-finished", G_CALLBACK (g_atomic_int_inc), &finished);
  fd_triage_engine_run_async (f->engine, rf_local (TZ, "2026-03-10 14:20"), "manual", 0, NULL, NULL, NULL);
  fd_triage_engine_run_async (f->engine, rf_local (TZ, "2026-03-10 14:25"), "manual", 0, NULL, NULL, NULL);
  fd_triage_engine_run_async (f->engine, rf_local (TZ, "2026-03-10 14:30"), "manual", 0, NULL, got_result, f);
  result = wait_result (f);

  g_assert_cmpuint (finished, ==, 3);
  g_assert_cmpint (rf_query_int (f->store, "SELECT count(*) FROM triage_run"), ==, 3);
  g_assert_cmpint (rf_query_int (f->store, "SELECT count(*) FROM triage_decision"), ==, 1);
}

static void
test_series_and_backtest (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(FdTriageSeries) series = NULL;
  g_autoptr(FdBacktest) backtest = NULL;

  fd_triage_engine_load_series_async (f->engine, 1, "as_low", rf_local (TZ, "2026-03-08 00:00"),
                                      rf_local (TZ, "2026-03-11 00:00"), NULL, got_result, f);
  result = wait_result (f);
  series = fd_triage_engine_load_series_finish (f->engine, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  /* Daily checkpoints at the ends of the 7th … 10th. */
  g_assert_cmpuint (fd_triage_series_get_n_points (series), ==, 4);
  g_assert_cmpstr (fd_triage_series_get_line_label (series, 0), ==, "roas(3d)");
  g_assert_cmpfloat_with_epsilon (fd_triage_series_get_line_values (series, 0)[3], 1.3, 1e-12);

  fd_triage_engine_backtest_async (f->engine, 1, "2026-03-01", "2026-03-10", NULL, got_result, f);
  result = wait_result (f);
  backtest = fd_triage_engine_backtest_finish (f->engine, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fd_backtest_get_firings (backtest)->len, ==, 1);
}

static void
test_scheduler (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(FdTriageScheduler) scheduler = fd_triage_scheduler_new (f->engine);
  gint64 next;
  guint finished = 0;

  g_assert_cmpuint (fd_triage_scheduler_get_interval (scheduler), ==, 15 * 60);
  g_assert_false (fd_triage_scheduler_get_active (scheduler));

  /* On the clock: the next quarter hour. */
  fd_triage_scheduler_start (scheduler);
  g_assert_true (fd_triage_scheduler_get_active (scheduler));
  next = fd_triage_scheduler_get_next_run (scheduler);
  g_assert_cmpint (next % (15 * 60 * G_USEC_PER_SEC), ==, 0);
  g_assert_cmpint (next - g_get_real_time (), <=, 15 * 60 * G_USEC_PER_SEC);

  /* At least hourly, at most every minute. */
  fd_triage_scheduler_set_interval (scheduler, 2 * 3600);
  g_assert_cmpuint (fd_triage_scheduler_get_interval (scheduler), ==, 3600);
  fd_triage_scheduler_set_interval (scheduler, 5);
  g_assert_cmpuint (fd_triage_scheduler_get_interval (scheduler), ==, 60);
  fd_triage_scheduler_stop (scheduler);
  g_assert_false (fd_triage_scheduler_get_active (scheduler));

  /* After a sync, a run follows within seconds; several syncs, one run. */
  g_signal_connect_swapped (f->engine, "run-finished", G_CALLBACK (g_main_loop_quit), f->loop);
  g_signal_connect_swapped (f->engine, "run-finished", G_CALLBACK (g_atomic_int_inc), &finished);
  fd_triage_scheduler_sync_finished (scheduler);
  fd_triage_scheduler_sync_finished (scheduler);
  g_timeout_add_seconds (10, quit_loop, f->loop);
  g_main_loop_run (f->loop);
  g_assert_cmpuint (finished, ==, 1);
  g_assert_cmpint (rf_query_int (f->store, "SELECT count(*) FROM triage_run WHERE trigger = 'sync'"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/rules/engine/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("run-and-approve", test_run_and_approve);
  ADD ("runs-queue", test_runs_queue);
  ADD ("series-and-backtest", test_series_and_backtest);
  ADD ("scheduler", test_scheduler);

#undef ADD

  return g_test_run ();
}
