/* test-insights-sync.c: syncing simulated accounts into a workspace
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fd-currency.h"
#include "fd-graph-error.h"
#include "fd-insights-sync.h"
#include "fd-sync-scheduler.h"
#include "graph-test-util.h"

static FdInsightsSync *
new_sync (GraphFixture  *f,
          FdGraphClient *client,
          FdAdAccount   *account)
{
  FdInsightsSync *sync = fd_insights_sync_new (f->store, client, account);

  fd_insights_sync_set_now (sync, f->now);
  fd_insights_sync_set_history_days (sync, 40);
  fd_insights_sync_set_hourly_days (sync, 2);
  return sync;
}

static void
sync_ok (GraphFixture  *f,
         FdGraphClient *client,
         FdAdAccount   *account,
         guint          page_size,
         guint          async_threshold)
{
  g_autoptr(FdInsightsSync) sync = new_sync (f, client, account);
  g_autoptr(GError) error = NULL;

  if (page_size > 0)
    fd_insights_sync_set_page_size (sync, page_size);
  if (async_threshold > 0)
    fd_insights_sync_set_async_threshold (sync, async_threshold);

  g_assert_true (fd_insights_sync_run (sync, NULL, &error));
  g_assert_no_error (error);
}

/* Every stored daily row of @account is what the emulator reports, to
 * the minor unit, and every row the emulator has is stored. */
static void
assert_daily_rows_exact (GraphFixture *f,
                         const char   *account_id,
                         int           days)
{
  g_autoptr(GPtrArray) ads = fd_graph_emulator_list_objects (f->emulator, account_id, FD_EMU_LEVEL_AD);
  guint delivered = 0;
  guint zero_purchases = 0;

  for (int d = 0; d < days; d++)
    {
      g_autofree char *day = graph_day (f, account_id, d);

      for (guint i = 0; i < ads->len; i++)
        {
          const char *ad = g_ptr_array_index (ads, i);
          gint64 impressions, spend, purchases, value;
          g_autofree char *sql = NULL;
          gboolean has;

          has = fd_graph_emulator_get_day (f->emulator, ad, day, &impressions, &spend, &purchases, &value);
          sql = g_strdup_printf ("SELECT count(*) FROM insight_daily WHERE object_id = '%s' AND day = '%s' "
                                 "AND impressions = %" G_GINT64_FORMAT " AND spend = %" G_GINT64_FORMAT
                                 " AND purchases = %" G_GINT64_FORMAT " AND purchase_value = %" G_GINT64_FORMAT,
                                 ad, day, impressions, spend, purchases, value);
          g_assert_cmpint (graph_count (f->store, sql), ==, has ? 1 : 0);
          if (has)
            delivered++;

          g_free (sql);
          sql = g_strdup_printf ("SELECT count(*) FROM insight_daily WHERE object_id = '%s' AND day = '%s' "
                                 "AND purchases = 0 AND purchase_value = 0", ad, day);
          zero_purchases += graph_count (f->store, sql);
        }
    }

  /* Meta leaves zero metrics out (no purchase actions on most days of
   * small ads): they must be stored as 0, and were compared above. */
  g_assert_cmpuint (delivered, >, 0);
  g_assert_cmpuint (zero_purchases, >, 0);
  g_test_message ("%u ad days compared exactly, %u of them without purchases", delivered, zero_purchases);
}

static void
test_multipage (GraphFixture  *f,
                gconstpointer  data)
{
  g_autoptr(FdAdAccount) account = graph_fixture_add_account (f, TEST_EUR_ACCOUNT);
  g_autoptr(FdGraphClient) client = graph_fixture_client (f);
  g_autoptr(FdInsightsSync) sync = new_sync (f, client, account);
  g_autoptr(GError) error = NULL;
  const FdInsightsSyncSummary *summary;
  g_autofree char *since = graph_day (f, TEST_EUR_ACCOUNT, 39);
  g_autofree char *today = graph_day (f, TEST_EUR_ACCOUNT, 0);

  fd_insights_sync_set_page_size (sync, 7);
  g_assert_true (fd_insights_sync_run (sync, NULL, &error));
  g_assert_no_error (error);

  summary = fd_insights_sync_get_summary (sync);
  g_assert_cmpint (summary->objects, ==, 2 + 4 + 12);
  g_assert_cmpint (summary->pages, >, summary->daily_rows / 7);
  g_assert_cmpstr (summary->since, ==, since);
  g_assert_cmpstr (summary->until, ==, today);
  g_assert_false (summary->resumed);
  g_assert_cmpint (summary->daily_rows, ==, graph_count (f->store, "SELECT count(*) FROM insight_daily"));
  g_assert_cmpint (summary->hourly_rows, ==, graph_count (f->store, "SELECT count(*) FROM insight_hourly"));

  assert_daily_rows_exact (f, TEST_EUR_ACCOUNT, 40);

  /* Nothing left to resume; the run is recorded. */
  g_assert_cmpint (graph_count (f->store, "SELECT count(*) FROM sync_cursor"), ==, 0);
  g_assert_cmpint (graph_count (f->store, "SELECT count(*) FROM sync_run WHERE ok = 1"), ==, 1);
  g_assert_cmpint (fd_insights_store_count_objects (f->store, TEST_EUR_ACCOUNT, FD_INSIGHT_LEVEL_AD, NULL), ==, 12);

  /* Hours without clicks came without a clicks key and are stored as 0. */
  g_assert_cmpint (graph_count (f->store, "SELECT count(*) FROM insight_hourly WHERE clicks = 0"), >, 0);

  /* Ad set rows are the sum of their ads' rows. */
  g_assert_cmpint (graph_count (f->store,
                                "SELECT count(*) FROM insight_daily s JOIN meta_object o ON o.id = s.object_id "
                                "WHERE o.level = 'adset' AND s.spend <> (SELECT sum (a.spend) FROM insight_daily a "
                                "JOIN meta_object ao ON ao.id = a.object_id WHERE ao.adset_id = s.object_id "
                                "AND a.day = s.day)"), ==, 0);

  /* Hours add up to their day. */
  g_assert_cmpint (graph_count (f->store,
                                "SELECT count(*) FROM insight_daily d WHERE d.day IN (SELECT DISTINCT day FROM "
                                "insight_hourly) AND d.impressions <> (SELECT sum (h.impressions) FROM "
                                "insight_hourly h WHERE h.object_id = d.object_id AND h.day = d.day)"), ==, 0);
}

static void
test_currency_offset (GraphFixture  *f,
                      gconstpointer  data)
{
  g_autoptr(FdAdAccount) account = graph_fixture_add_account (f, TEST_JPY_ACCOUNT);
  g_autoptr(FdGraphClient) client = graph_fixture_client (f);

  g_assert_cmpstr (fd_ad_account_get_currency (account), ==, "JPY");
  g_assert_cmpstr (fd_ad_account_get_timezone (account), ==, "Asia/Tokyo");
  sync_ok (f, client, account, 0, 0);

  /* Yen have no minor unit: what Meta writes as "1234" is stored as 1234. */
  assert_daily_rows_exact (f, TEST_JPY_ACCOUNT, 40);
  g_assert_cmpint (graph_count (f->store, "SELECT min (daily_budget) FROM meta_object WHERE level = 'adset'"),
                   >=, 1000);

  /* Days are counted in Tokyo: a day starts at 15:00 UTC the day before. */
  g_assert_cmpint (graph_count (f->store, "SELECT count(*) FROM insight_daily WHERE "
                                "(start_us / 1000000 + 9 * 3600) % 86400 <> 0"), ==, 0);
  g_assert_cmpint (graph_count (f->store, "SELECT count(*) FROM insight_hourly WHERE "
                                "(start_us / 1000000 + 9 * 3600) % 86400 <> hour * 3600"), ==, 0);
}

static void
test_resync_upserts (GraphFixture  *f,
                     gconstpointer  data)
{
  g_autoptr(FdAdAccount) account = graph_fixture_add_account (f, TEST_EUR_ACCOUNT);
  g_autoptr(FdGraphClient) client = graph_fixture_client (f);
  g_autoptr(FdInsightsSync) again = NULL;
  g_autoptr(FdInsightsSync) range = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gint64 spend;
  g_autofree char *revise_from = graph_day (f, TEST_EUR_ACCOUNT, 27);
  g_autofree char *old_since = graph_day (f, TEST_EUR_ACCOUNT, 35);
  g_autofree char *old_until = graph_day (f, TEST_EUR_ACCOUNT, 30);
  gint64 daily;

  sync_ok (f, client, account, 0, 0);
  first = graph_checksum (f->store);
  daily = graph_count (f->store, "SELECT count(*) FROM insight_daily");
  spend = graph_count (f->store, "SELECT sum (spend) FROM insight_daily");

  /* The second sync re-reads only the last 28 days: older ones are final. */
  again = new_sync (f, client, account);
  g_assert_true (fd_insights_sync_run (again, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (fd_insights_sync_get_summary (again)->since, ==, revise_from);
  second = graph_checksum (f->store);
  g_assert_cmpstr (first, ==, second);
  g_assert_cmpint (graph_count (f->store, "SELECT count(*) FROM insight_daily"), ==, daily);

  /* An explicit range re-reads old days too, and still duplicates nothing. */
  range = new_sync (f, client, account);
  fd_insights_sync_set_range (range, old_since, old_until);
  g_assert_true (fd_insights_sync_run (range, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fd_insights_sync_get_summary (range)->daily_rows, >, 0);
  g_assert_cmpint (graph_count (f->store, "SELECT count(*) FROM insight_daily"), ==, daily);
  g_assert_cmpint (graph_count (f->store, "SELECT sum (spend) FROM insight_daily"), ==, spend);
  g_assert_cmpint (graph_count (f->store, "SELECT count(*) FROM sync_run WHERE ok = 1"), ==, 3);
}

static void
test_revisions (GraphFixture  *f,
                gconstpointer  data)
{
  g_autoptr(FdAdAccount) account = graph_fixture_add_account (f, TEST_EUR_ACCOUNT);
  g_autoptr(FdGraphClient) client = graph_fixture_client (f);
  g_autofree char *yesterday = graph_day (f, TEST_EUR_ACCOUNT, 1);
  g_autofree char *sql = g_strdup_printf ("SELECT sum (purchases) FROM insight_daily i JOIN meta_object o "
                                          "ON o.id = i.object_id WHERE o.level = 'ad' AND i.day = '%s'",
                                          yesterday);
  gint64 before;
  gint64 after;

  sync_ok (f, client, account, 0, 0);
  before = graph_count (f->store, sql);

  /* A week later Meta has attributed the late conversions of that day;
   * the next sync reads them (the day is within the last 28). */
  f->now += (gint64)7 * 24 * 3600 * G_USEC_PER_SEC;
  fd_graph_emulator_set_now (f->emulator, f->now);
  sync_ok (f, client, account, 0, 0);
  after = graph_count (f->store, sql);

  g_assert_cmpint (after, >, before);
  g_assert_cmpint (graph_count (f->store, "SELECT count(*) FROM insight_daily i JOIN meta_object o "
                                "ON o.id = i.object_id WHERE o.level = 'campaign' GROUP BY i.object_id "
                                "ORDER BY 1 DESC LIMIT 1"), ==, 47);
}

static void
test_report_runs (GraphFixture  *f,
                  gconstpointer  data)
{
  g_autoptr(FdAdAccount) account = graph_fixture_add_account (f, TEST_EUR_ACCOUNT);
  g_autoptr(FdGraphClient) client = graph_fixture_client (f);
  g_autoptr(FdInsightsSync) sync = NULL;
  g_autoptr(GError) error = NULL;
  FdGraphEmulatorStats stats;

  /* Large reads go through report runs; runs over more than 8 days fail
   * and are split until they succeed. */
  fd_graph_emulator_set_max_report_days (f->emulator, 8);
  sync = new_sync (f, client, account);
  fd_insights_sync_set_async_threshold (sync, 30);
  fd_insights_sync_set_page_size (sync, 50);
  g_assert_true (fd_insights_sync_run (sync, NULL, &error));
  g_assert_no_error (error);

  fd_graph_emulator_get_stats (f->emulator, &stats);
  g_assert_cmpint (fd_insights_sync_get_summary (sync)->report_runs, >, 6);
  g_assert_cmpuint (stats.report_runs, >=, (guint64)fd_insights_sync_get_summary (sync)->report_runs);
  g_assert_cmpint (graph_count (f->store, "SELECT count(*) FROM sync_cursor"), ==, 0);
  assert_daily_rows_exact (f, TEST_EUR_ACCOUNT, 40);
}

static void
test_reach_windows (GraphFixture  *f,
                    gconstpointer  data)
{
  g_autoptr(FdAdAccount) account = graph_fixture_add_account (f, TEST_EUR_ACCOUNT);
  g_autoptr(FdGraphClient) client = graph_fixture_client (f);
  g_autofree char *today = graph_day (f, TEST_EUR_ACCOUNT, 0);
  g_autofree char *sql = NULL;

  sync_ok (f, client, account, 0, 0);

  sql = g_strdup_printf ("SELECT count(DISTINCT days) FROM insight_reach WHERE until_day = '%s'", today);
  g_assert_cmpint (graph_count (f->store, sql), ==, 5);
  g_assert_cmpint (graph_count (f->store, "SELECT count(DISTINCT o.level) FROM insight_reach r "
                                "JOIN meta_object o ON o.id = r.object_id"), ==, 3);

  /* Deduplicated: a window's reach is at most the sum of its days' reach
   * and at least the largest day's; frequency(7d) follows. */
  g_assert_cmpint (graph_count (f->store,
                                "SELECT count(*) FROM insight_reach r WHERE r.days = 7 AND (r.reach > "
                                "(SELECT sum (d.reach) FROM insight_daily d WHERE d.object_id = r.object_id "
                                "AND d.day > date (r.until_day, '-7 days') AND d.day <= r.until_day) OR r.reach < "
                                "(SELECT max (d.reach) FROM insight_daily d WHERE d.object_id = r.object_id "
                                "AND d.day > date (r.until_day, '-7 days') AND d.day <= r.until_day))"), ==, 0);
  g_assert_cmpint (graph_count (f->store, "SELECT count(*) FROM insight_reach WHERE days = 7 AND "
                                "impressions < reach"), ==, 0);
}

static void
test_failure_keeps_data (GraphFixture  *f,
                         gconstpointer  data)
{
  FdEmuFaultKind kind = GPOINTER_TO_INT (data);
  g_autoptr(FdAdAccount) account = graph_fixture_add_account (f, TEST_EUR_ACCOUNT);
  g_autoptr(FdGraphClient) client = graph_fixture_client (f);
  g_autoptr(FdInsightsSync) failing = NULL;
  g_autoptr(FdInsightsSync) resumed = NULL;
  g_autoptr(FdAdAccount) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *now = NULL;

  sync_ok (f, client, account, 20, 0);
  clean = graph_checksum (f->store);

  /* From the fourth insights page on, every answer is corrupt or cut. */
  fd_graph_client_set_max_retries (client, 1);
  fd_graph_emulator_add_fault (f->emulator, kind, "insights", 3, -1, 0);
  failing = new_sync (f, client, account);
  fd_insights_sync_set_page_size (failing, 20);
  g_assert_false (fd_insights_sync_run (failing, NULL, &error));
  g_assert_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_MALFORMED_RESPONSE);
  g_test_message ("%s", error->message);

  /* What was stored stays, the failure is on record in plain words. */
  now = graph_checksum (f->store);
  g_assert_cmpstr (now, ==, clean);
  after = fd_insights_store_get_account (f->store, TEST_EUR_ACCOUNT, NULL);
  g_assert_cmpint (fd_ad_account_get_sync_state (after), ==, FD_AD_ACCOUNT_SYNC_FAILED);
  g_assert_cmpstr (fd_ad_account_get_last_error_kind (after), ==, "malformed");
  g_assert_cmpstr (fd_ad_account_get_last_message (after), ==, error->message);
  g_assert_cmpint (graph_count (f->store, "SELECT count(*) FROM sync_cursor"), >, 0);
  g_clear_error (&error);

  /* The next sync resumes and ends with the same rows. */
  fd_graph_emulator_clear_faults (f->emulator);
  resumed = new_sync (f, client, account);
  g_assert_true (fd_insights_sync_run (resumed, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (fd_insights_sync_get_summary (resumed)->resumed);
  g_free (now);
  now = graph_checksum (f->store);
  g_assert_cmpstr (now, ==, clean);
}

static void
test_expired_token (GraphFixture  *f,
                    gconstpointer  data)
{
  g_autoptr(FdAdAccount) account = graph_fixture_add_account (f, TEST_EUR_ACCOUNT);
  g_autoptr(FdGraphClient) client = graph_fixture_client (f);
  g_autoptr(FdInsightsSync) sync = NULL;
  g_autoptr(FdAdAccount) after = NULL;
  g_autoptr(GError) error = NULL;
  FdGraphEmulatorStats stats;

  fd_graph_emulator_add_fault (f->emulator, FD_EMU_FAULT_EXPIRED_TOKEN, NULL, 0, -1, 0);
  sync = new_sync (f, client, account);
  g_assert_false (fd_insights_sync_run (sync, NULL, &error));
  g_assert_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_RECONNECT);
  g_assert_null (strstr (error->message, f->token));

  /* One request, no retry loop. */
  fd_graph_emulator_get_stats (f->emulator, &stats);
  g_assert_cmpuint (stats.requests, ==, 2);  /* the account read, then the refusal */

  after = fd_insights_store_get_account (f->store, TEST_EUR_ACCOUNT, NULL);
  g_assert_cmpstr (fd_ad_account_get_last_error_kind (after), ==, "reconnect");
  g_assert_nonnull (strstr (fd_ad_account_get_last_message (after), "Reconnect"));
}

static void
test_throttled_sync (GraphFixture  *f,
                     gconstpointer  data)
{
  g_autoptr(FdAdAccount) account = graph_fixture_add_account (f, TEST_EUR_ACCOUNT);
  g_autoptr(FdGraphClient) client = graph_fixture_client (f);
  g_autoptr(GError) error = NULL;
  FdGraphEmulatorStats stats;
  FdGraphClientStats client_stats;

  fd_graph_emulator_add_fault (f->emulator, FD_EMU_FAULT_THROTTLE, "insights", 2, 2, 1);
  fd_graph_emulator_add_fault (f->emulator, FD_EMU_FAULT_SERVER_ERROR, "insights", 5, 2, 0);
  fd_graph_emulator_add_fault (f->emulator, FD_EMU_FAULT_TIMEOUT, "ads", 0, 1, 3000);
  sync_ok (f, client, account, 20, 0);

  fd_graph_emulator_get_stats (f->emulator, &stats);
  fd_graph_client_get_stats (client, &client_stats);
  g_assert_cmpuint (client_stats.throttled, ==, 2);
  g_assert_cmpuint (stats.early_calls, ==, 0);
  g_assert_cmpuint (client_stats.retries, >=, 3);
  assert_daily_rows_exact (f, TEST_EUR_ACCOUNT, 40);
}

static void
cancel_on_progress (FdInsightsSync *sync,
                    double          fraction,
                    const char     *stage,
                    GCancellable   *cancellable)
{
  if (fraction > 0.3)
    g_cancellable_cancel (cancellable);
}

static void
test_cancel_and_resume (GraphFixture  *f,
                        gconstpointer  data)
{
  g_autoptr(FdAdAccount) account = graph_fixture_add_account (f, TEST_EUR_ACCOUNT);
  g_autoptr(FdGraphClient) client = graph_fixture_client (f);
  g_autoptr(FdInsightsSync) sync = NULL;
  g_autoptr(FdInsightsSync) resumed = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(FdAdAccount) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *interrupted = NULL;
  g_autofree char *done = NULL;
  g_autofree char *clean = NULL;

  sync = new_sync (f, client, account);
  fd_insights_sync_set_page_size (sync, 10);
  g_signal_connect (sync, "progress", G_CALLBACK (cancel_on_progress), cancellable);
  g_assert_false (fd_insights_sync_run (sync, cancellable, &error));
  g_assert_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_CANCELLED);
  g_clear_error (&error);
  interrupted = graph_checksum (f->store);

  after = fd_insights_store_get_account (f->store, TEST_EUR_ACCOUNT, NULL);
  g_assert_cmpstr (fd_ad_account_get_last_error_kind (after), ==, "cancelled");

  resumed = new_sync (f, client, account);
  g_assert_true (fd_insights_sync_run (resumed, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (fd_insights_sync_get_summary (resumed)->resumed);
  done = graph_checksum (f->store);
  g_assert_cmpstr (interrupted, !=, done);

  /* The same as a sync that was never interrupted, into a second workspace. */
  {
    g_autofree char *path = g_build_filename (f->dir, "clean", NULL);
    g_autoptr(FdWorkspace) other = fd_workspace_create (path, "Clean", &error);
    FdStore *store = fd_workspace_get_store (other);
    g_autoptr(FdInsightsSync) fresh = NULL;

    g_assert_no_error (error);
    g_assert_true (fd_insights_store_save_account (store, "system", account, &error));
    fresh = fd_insights_sync_new (store, client, account);
    fd_insights_sync_set_now (fresh, f->now);
    fd_insights_sync_set_history_days (fresh, 40);
    fd_insights_sync_set_hourly_days (fresh, 2);
    g_assert_true (fd_insights_sync_run (fresh, NULL, &error));
    g_assert_no_error (error);
    clean = graph_checksum (store);
  }

  g_assert_cmpstr (done, ==, clean);
}

static void
test_writes_change_insights (GraphFixture  *f,
                             gconstpointer  data)
{
  g_autoptr(FdAdAccount) account = graph_fixture_add_account (f, TEST_EUR_ACCOUNT);
  g_autoptr(FdGraphClient) client = graph_fixture_client (f);
  g_autoptr(GPtrArray) adsets = fd_graph_emulator_list_objects (f->emulator, TEST_EUR_ACCOUNT, FD_EMU_LEVEL_ADSET);
  const char *paused = g_ptr_array_index (adsets, 0);
  const char *doubled = g_ptr_array_index (adsets, 1);
  g_autofree char *yesterday = graph_day (f, TEST_EUR_ACCOUNT, 1);
  g_autofree char *today = graph_day (f, TEST_EUR_ACCOUNT, 0);
  g_autofree char *tomorrow = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  gint64 budget;
  gint64 spend_before;
  gint64 spend_after;

  sync_ok (f, client, account, 0, 0);

  /* At 15:30, pause one ad set and double another's budget. */
  g_assert_true (fd_graph_client_set_status (client, paused, "PAUSED", NULL, &error));
  g_assert_no_error (error);
  sql = g_strdup_printf ("SELECT daily_budget FROM meta_object WHERE id = '%s'", doubled);
  budget = graph_count (f->store, sql);
  g_assert_true (fd_graph_client_set_budget (client, doubled, FD_GRAPH_BUDGET_DAILY, budget * 2, NULL, &error));
  g_assert_no_error (error);
  g_free (sql);
  sql = g_strdup_printf ("SELECT spend FROM insight_daily WHERE object_id = '%s' AND day = '%s'", doubled, yesterday);
  spend_before = graph_count (f->store, sql);

  /* Two days later. */
  f->now += (gint64)2 * 24 * 3600 * G_USEC_PER_SEC;
  fd_graph_emulator_set_now (f->emulator, f->now);
  tomorrow = graph_day (f, TEST_EUR_ACCOUNT, 1);
  sync_ok (f, client, account, 0, 0);

  /* The paused ad set spent nothing after 15:00 that day, nor since… */
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM insight_hourly WHERE object_id = '%s' AND "
                         "((day = '%s' AND hour >= 16) OR day > '%s') AND spend > 0", paused, today, today);
  g_assert_cmpint (graph_count (f->store, sql), ==, 0);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM insight_daily WHERE object_id = '%s' AND day > '%s'", paused, today);
  g_assert_cmpint (graph_count (f->store, sql), ==, 0);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM meta_object WHERE id = '%s' AND status = 'PAUSED' "
                         "AND effective_status = 'PAUSED'", paused);
  g_assert_cmpint (graph_count (f->store, sql), ==, 1);

  /* …while the doubled one spends about twice what it did. */
  g_free (sql);
  sql = g_strdup_printf ("SELECT spend FROM insight_daily WHERE object_id = '%s' AND day = '%s'", doubled, tomorrow);
  spend_after = graph_count (f->store, sql);
  g_assert_cmpint (spend_before, >, budget / 2);
  g_assert_cmpint (spend_after, >, spend_before * 3 / 2);
  g_assert_cmpint (spend_after, <=, budget * 2);
  g_free (sql);
  sql = g_strdup_printf ("SELECT daily_budget FROM meta_object WHERE id = '%s'", doubled);
  g_assert_cmpint (graph_count (f->store, sql), ==, budget * 2);
}

/*
 * The scheduler
 */

typedef struct
{
  guint    running_changes;
  gboolean finished;
  gboolean ok;
  double   last_progress;
  GThread  *thread;
  GPtrArray *accounts;
} SchedulerLog;

static void
on_running (FdSyncScheduler *scheduler,
            GParamSpec      *pspec,
            SchedulerLog    *log)
{
  log->running_changes++;
  if (fd_sync_scheduler_get_running (scheduler))
    log->last_progress = 0;
}

static void
on_progress (FdSyncScheduler *scheduler,
             GParamSpec      *pspec,
             SchedulerLog    *log)
{
  double progress = fd_sync_scheduler_get_progress (scheduler);

  /* Bindable: notified on the thread that made the scheduler. */
  g_assert_true (g_thread_self () == log->thread);
  /* Only a new run starts over (from 0). */
  if (progress != 0)
    g_assert_cmpfloat (progress, >=, log->last_progress);
  log->last_progress = progress;
}

static void
on_account_finished (FdSyncScheduler             *scheduler,
                     const char                  *account_id,
                     gboolean                     ok,
                     const char                  *message,
                     const FdInsightsSyncSummary *summary,
                     SchedulerLog                *log)
{
  g_ptr_array_add (log->accounts, g_strdup_printf ("%s:%s", account_id, ok ? "ok" : message));
}

static void
on_finished (FdSyncScheduler *scheduler,
             gboolean         ok,
             SchedulerLog    *log)
{
  log->finished = TRUE;
  log->ok = ok;
}

static gboolean
scheduler_finished (gpointer data)
{
  return ((SchedulerLog *)data)->finished;
}

static void
test_scheduler (GraphFixture  *f,
                gconstpointer  data)
{
  g_autoptr(FdAdAccount) eur = graph_fixture_add_account (f, TEST_EUR_ACCOUNT);
  g_autoptr(FdAdAccount) jpy = graph_fixture_add_account (f, TEST_JPY_ACCOUNT);
  g_autoptr(FdTokenStore) tokens = fd_token_store_new ();
  g_autoptr(FdSyncScheduler) scheduler = NULL;
  g_autoptr(FdAdAccount) after = NULL;
  g_autoptr(GError) error = NULL;
  SchedulerLog log = { 0 };

  log.accounts = g_ptr_array_new_with_free_func (g_free);
  log.thread = g_thread_self ();
  g_assert_true (fd_token_store_save (tokens, FD_SECRET_TOKEN, TEST_EUR_ACCOUNT,
                                      fd_graph_emulator_get_url (f->emulator), f->token, NULL, &error));
  g_assert_no_error (error);

  /* The scheduler reads "today" from the real clock: let the emulator
   * follow it too. */
  fd_graph_emulator_set_now (f->emulator, 0);
  scheduler = fd_sync_scheduler_new (f->workspace, tokens);
  fd_sync_scheduler_set_history_days (scheduler, 10);
  fd_sync_scheduler_set_hourly_days (scheduler, 1);
  g_signal_connect (scheduler, "notify::running", G_CALLBACK (on_running), &log);
  g_signal_connect (scheduler, "notify::progress", G_CALLBACK (on_progress), &log);
  g_signal_connect (scheduler, "account-finished", G_CALLBACK (on_account_finished), &log);
  g_signal_connect (scheduler, "finished", G_CALLBACK (on_finished), &log);

  fd_sync_scheduler_sync_now (scheduler, NULL);
  g_assert_true (fd_sync_scheduler_get_running (scheduler));
  graph_wait_until (scheduler_finished, &log, 60000);

  /* The EUR account synced; the JPY one has no token on this computer. */
  g_assert_false (log.ok);
  g_assert_false (fd_sync_scheduler_get_running (scheduler));
  g_assert_cmpuint (log.running_changes, ==, 2);
  log.running_changes = 0;
  g_assert_cmpfloat (log.last_progress, ==, 1.0);
  g_assert_cmpuint (log.accounts->len, ==, 2);
  g_assert_true (g_ptr_array_find_with_equal_func (log.accounts, TEST_EUR_ACCOUNT ":ok", g_str_equal, NULL));
  g_assert_nonnull (strstr (fd_sync_scheduler_get_last_error (scheduler), "No access token"));

  after = fd_insights_store_get_account (f->store, TEST_JPY_ACCOUNT, NULL);
  g_assert_cmpint (fd_ad_account_get_sync_state (after), ==, FD_AD_ACCOUNT_SYNC_FAILED);
  g_assert_cmpstr (fd_ad_account_get_last_error_kind (after), ==, "reconnect");
  g_clear_object (&after);
  after = fd_insights_store_get_account (f->store, TEST_EUR_ACCOUNT, NULL);
  g_assert_cmpint (fd_ad_account_get_sync_state (after), ==, FD_AD_ACCOUNT_SYNC_OK);
  g_assert_cmpint (fd_ad_account_get_last_success (after), >, 0);

  /* On a timer: started, it runs now and then every interval; stopped, it
   * cancels and sets no timer. */
  log.finished = FALSE;
  fd_sync_scheduler_set_interval (scheduler, 3600);
  fd_sync_scheduler_start (scheduler);
  g_assert_true (fd_sync_scheduler_get_running (scheduler));
  graph_wait_until (scheduler_finished, &log, 60000);
  g_assert_cmpint (fd_sync_scheduler_get_next_run (scheduler), >, g_get_real_time () + (gint64)3500 * G_USEC_PER_SEC);
  fd_sync_scheduler_stop (scheduler);
  g_assert_cmpint (fd_sync_scheduler_get_next_run (scheduler), ==, 0);

  g_ptr_array_unref (log.accounts);
}

#define ADD(name, func, data) \
  g_test_add (name, GraphFixture, data, graph_fixture_set_up, func, graph_fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  graph_test_init (&argc, &argv);

  ADD ("/sync/multipage", test_multipage, NULL);
  ADD ("/sync/currency-offset", test_currency_offset, NULL);
  ADD ("/sync/resync-upserts", test_resync_upserts, NULL);
  ADD ("/sync/revisions", test_revisions, NULL);
  ADD ("/sync/report-runs", test_report_runs, NULL);
  ADD ("/sync/reach-windows", test_reach_windows, NULL);
  ADD ("/sync/malformed-keeps-data", test_failure_keeps_data, GINT_TO_POINTER (FD_EMU_FAULT_MALFORMED));
  ADD ("/sync/truncated-keeps-data", test_failure_keeps_data, GINT_TO_POINTER (FD_EMU_FAULT_TRUNCATED));
  ADD ("/sync/expired-token", test_expired_token, NULL);
  ADD ("/sync/throttled", test_throttled_sync, NULL);
  ADD ("/sync/cancel-and-resume", test_cancel_and_resume, NULL);
  ADD ("/sync/writes-change-insights", test_writes_change_insights, NULL);
  ADD ("/sync/scheduler", test_scheduler, NULL);

  return g_test_run ();
}
