/* graph-test-util.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "fd-graph-error.h"
#include "fd-graph-util.h"
#include "fd-test-util.h"
#include "graph-test-util.h"

void
graph_fixture_set_up (GraphFixture  *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-11-24T15:30:00+01:00", NULL);
  g_autofree char *ws = NULL;
  FdEmuAccountSpec eur = { TEST_EUR_ACCOUNT, "Test shop — EUR", "EUR", "Europe/Berlin", 2, 2, 3, 120, 40 };
  FdEmuAccountSpec jpy = { TEST_JPY_ACCOUNT, "Test shop — JPY", "JPY", "Asia/Tokyo", 1, 2, 2, 120, 40 };

  f->dir = fd_test_tmpdir_new ();
  f->now = g_date_time_to_unix (now) * G_USEC_PER_SEC;
  f->token = g_strdup_printf ("EAATestToken%08x%08xZZ", g_random_int (), g_random_int ());

  f->emulator = fd_graph_emulator_new (7);
  fd_graph_emulator_set_now (f->emulator, f->now);
  fd_graph_emulator_set_token (f->emulator, f->token);
  fd_graph_emulator_set_time_scale (f->emulator, TEST_TIME_SCALE);
  fd_graph_emulator_set_report_delay (f->emulator, 30);
  g_assert_true (fd_graph_emulator_add_account (f->emulator, &eur, &error));
  g_assert_no_error (error);
  g_assert_true (fd_graph_emulator_add_account (f->emulator, &jpy, &error));
  g_assert_no_error (error);
  g_assert_true (fd_graph_emulator_start (f->emulator, 0, &error));
  g_assert_no_error (error);

  ws = g_build_filename (f->dir, "ws", NULL);
  f->workspace = fd_workspace_create (ws, "Test", &error);
  g_assert_no_error (error);
  f->store = fd_workspace_get_store (f->workspace);
}

void
graph_fixture_tear_down (GraphFixture  *f,
                         gconstpointer  data)
{
  fd_graph_emulator_stop (f->emulator);
  g_clear_object (&f->emulator);
  g_clear_object (&f->workspace);
  fd_test_tmpdir_free (f->dir);
  g_free (f->token);
}

/**
 * graph_fixture_client:
 *
 * Returns: (transfer full): a client for the emulator with the right
 *   token, a short timeout and compressed waits
 */
FdGraphClient *
graph_fixture_client (GraphFixture *f)
{
  FdGraphClient *client = fd_graph_client_new (fd_graph_emulator_get_url (f->emulator), "v25.0",
                                               f->token);

  fd_graph_client_set_time_scale (client, TEST_TIME_SCALE);
  fd_graph_client_set_timeout (client, 1);
  return client;
}

/**
 * graph_fixture_add_account:
 *
 * Reads the account from the emulator and saves it in the workspace.
 *
 * Returns: (transfer full): the account
 */
FdAdAccount *
graph_fixture_add_account (GraphFixture *f,
                           const char   *account_id)
{
  g_autoptr(FdGraphClient) client = graph_fixture_client (f);
  g_autoptr(FdGraphResponse) response = NULL;
  g_autoptr(FdAdAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  response = fd_graph_client_get_account (client, account_id, NULL, &error);
  g_assert_no_error (error);
  object = fd_graph_response_get_object (response);

  account = fd_ad_account_new (account_id, fd_graph_json_get_string (object, "name"),
                               fd_graph_json_get_string (object, "currency"),
                               fd_graph_json_get_string (object, "timezone_name"),
                               fd_graph_emulator_get_url (f->emulator), "v25.0");
  g_assert_true (fd_insights_store_save_account (f->store, "system", account, &error));
  g_assert_no_error (error);

  return fd_insights_store_get_account (f->store, account_id, NULL);
}

gint64
graph_count (FdStore    *store,
             const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (fd_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

/* A digest of every synced row and value: equal digests, equal data. */
char *
graph_checksum (FdStore *store)
{
  static const char * const queries[] = {
    "SELECT object_id, day, start_us, impressions, reach, frequency, spend, clicks, link_clicks, "
    "purchases, purchase_value, video_plays, video_p25, video_p50, video_p75, video_p100, "
    "thruplays FROM insight_daily ORDER BY object_id, day",
    "SELECT object_id, day, hour, start_us, impressions, spend, clicks, link_clicks, purchases, "
    "purchase_value, video_plays, thruplays FROM insight_hourly ORDER BY object_id, day, hour",
    "SELECT object_id, until_day, days, reach, impressions FROM insight_reach "
    "ORDER BY object_id, until_day, days",
    "SELECT id, account_id, level, campaign_id, adset_id, name, status, daily_budget "
    "FROM meta_object ORDER BY id",
  };
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (fd_store_get_db (store), queries[q], -1, &stmt, NULL),
                       ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          {
            const unsigned char *text = sqlite3_column_text (stmt, c);

            g_checksum_update (checksum, text ? text : (const guchar *)"∅", -1);
            g_checksum_update (checksum, (const guchar *)"|", 1);
          }
      sqlite3_finalize (stmt);
    }

  return g_strdup (g_checksum_get_string (checksum));
}

/**
 * graph_day:
 *
 * Returns: (transfer full): the day @days_ago before the fixture's "now"
 *   in the account's time zone, YYYY-MM-DD
 */
char *
graph_day (GraphFixture *f,
           const char   *account_id,
           int           days_ago)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (g_str_equal (account_id, TEST_JPY_ACCOUNT)
                                                        ? "Asia/Tokyo" : "Europe/Berlin");
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (f->now / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);
  g_autoptr(GDateTime) day = g_date_time_add_days (local, -days_ago);

  return g_date_time_format (day, "%Y-%m-%d");
}

static char *data_home;

static void
remove_data_home (void)
{
  fd_test_tmpdir_free (g_steal_pointer (&data_home));
}

/**
 * graph_test_init:
 *
 * g_test_init() for the graph suite: tokens in private files under a
 * temporary $XDG_DATA_HOME of this test program (which the flightdeck-cli
 * children inherit), never in a keyring of the session, and no proxy
 * lookups for 127.0.0.1. Call first thing in main(), before any thread.
 */
void
graph_test_init (int    *argc,
                 char ***argv)
{
  data_home = fd_test_tmpdir_new ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("FLIGHTDECK_TOKEN_STORE", "file", TRUE);
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_unsetenv ("FLIGHTDECK_TOKEN");
  atexit (remove_data_home);

  g_test_init (argc, argv, NULL);
}

void
graph_wait_until (gboolean (*condition) (gpointer),
                  gpointer  data,
                  guint     timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64)timeout_ms * 1000;

  while (!condition (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
}
