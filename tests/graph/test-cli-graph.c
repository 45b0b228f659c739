/* test-cli-graph.c: flightdeck-cli's account, sync, insights, object and
 * library commands as a script would use them
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sys/stat.h>

#include "fd-test-util.h"
#include "graph-test-util.h"

#define ACCOUNT "act_6000000000006"

typedef struct
{
  char            *dir;
  char            *ws;
  char            *token;
  FdGraphEmulator *emulator;
} CliFixture;

static void
cli_set_up (CliFixture    *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  FdEmuAccountSpec spec = { ACCOUNT, "CLI shop", "EUR", "Europe/Berlin", 2, 2, 3, 120, 30 };
  int status;

  f->dir = fd_test_tmpdir_new ();
  f->ws = g_build_filename (f->dir, "ws", NULL);
  f->token = g_strdup_printf ("EAACliToken%08x%08x", g_random_int (), g_random_int ());

  f->emulator = fd_graph_emulator_new (3);
  fd_graph_emulator_set_token (f->emulator, f->token);
  g_assert_true (fd_graph_emulator_add_account (f->emulator, &spec, &error));
  g_assert_true (fd_graph_emulator_start (f->emulator, 0, &error));
  g_assert_no_error (error);

  out = fd_test_run_cli (f->ws, &status, NULL, "init", "--name", "CLI", NULL);
  g_assert_cmpint (status, ==, 0);
}

static void
cli_tear_down (CliFixture    *f,
               gconstpointer  data)
{
  fd_graph_emulator_stop (f->emulator);
  g_clear_object (&f->emulator);
  fd_test_tmpdir_free (f->dir);
  g_free (f->ws);
  g_free (f->token);
}

/* Runs flightdeck-cli with @input on its standard input and, if @env is
 * "NAME=VALUE", that in its environment. */
static char *
run_full (const char  *ws,
          const char  *env,
          const char  *input,
          int         *status,
          char       **err,
          ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *)g_getenv ("FLIGHTDECK_CLI"));
  g_ptr_array_add (argv, (char *)"--workspace");
  g_ptr_array_add (argv, (char *)ws);
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  if (env != NULL)
    {
      g_auto(GStrv) pair = g_strsplit (env, "=", 2);

      g_subprocess_launcher_setenv (launcher, pair[0], pair[1], TRUE);
    }
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, &out, err, &error);
  g_assert_no_error (error);
  *status = g_subprocess_get_exit_status (process);

  return out;
}

static void
add_account (CliFixture *f)
{
  g_autofree char *input = g_strdup_printf ("%s\n", f->token);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  out = run_full (f->ws, NULL, input, &status, &err, "account", "add", ACCOUNT,
                        "--graph-url", fd_graph_emulator_get_url (f->emulator), NULL);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize len;

  gsize n = strlen (needle);

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return FALSE;

  /* Binary files (the database) hold NUL bytes: compare bytes. */
  for (gsize i = 0; i + n <= len; i++)
    if (contents[i] == needle[0] && memcmp (contents + i, needle, n) == 0)
      return TRUE;

  return FALSE;
}

/* Whether @needle is in any file under @dir. */
static gboolean
tree_contains (const char *dir,
               const char *needle)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) ? tree_contains (path, needle)
                                                 : file_contains (path, needle))
        return TRUE;
    }

  return FALSE;
}

static void
test_account_add (CliFixture    *f,
                  gconstpointer  data)
{
  g_autofree char *input = g_strdup_printf ("%s\n", f->token);
  g_autofree char *tokens_dir = g_build_filename (g_get_user_data_dir (), "flightdeck", "tokens", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) list = NULL;
  JsonObject *account;
  int status;

  out = run_full (f->ws, NULL, input, &status, &err, "account", "add", ACCOUNT,
                        "--graph-url", fd_graph_emulator_get_url (f->emulator), NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "Connected " ACCOUNT " “CLI shop” (EUR, Europe/Berlin)"));
  /* It says which store it used, and where. */
  g_assert_nonnull (strstr (out, "a file only you can read"));
  g_assert_nonnull (strstr (out, tokens_dir));
  g_assert_null (strstr (out, f->token));

  /* The token is in the private file, not in the workspace. */
  g_assert_true (tree_contains (tokens_dir, f->token));
  g_assert_false (tree_contains (f->ws, f->token));

  g_clear_pointer (&out, g_free);
  out = fd_test_run_cli (f->ws, &status, NULL, "account", "list", "--json", NULL);
  list = json_from_string (out, NULL);
  account = json_array_get_object_element (json_node_get_array (list), 0);
  g_assert_cmpstr (json_object_get_string_member (account, "id"), ==, ACCOUNT);
  g_assert_cmpstr (json_object_get_string_member (account, "currency"), ==, "EUR");
  g_assert_cmpstr (json_object_get_string_member (account, "sync_state"), ==, "never");

  /* The account row is audited. */
  g_clear_pointer (&out, g_free);
  out = fd_test_run_cli (f->ws, &status, NULL, "audit", "verify", NULL);
  g_assert_cmpint (status, ==, 0);
}

static void
test_account_add_errors (CliFixture    *f,
                         gconstpointer  data)
{
  g_autofree char *env = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  out = run_full (f->ws, NULL, "EAAWrongToken\n", &status, &err, "account", "add", ACCOUNT,
                        "--graph-url", fd_graph_emulator_get_url (f->emulator), NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_true (g_str_has_prefix (err, "flightdeck-cli: "));
  g_assert_nonnull (strstr (err, "Reconnect"));
  g_assert_null (strstr (err, "EAAWrongToken"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  out = run_full (f->ws, NULL, "", &status, &err, "account", "add", ACCOUNT,
                        "--graph-url", fd_graph_emulator_get_url (f->emulator), NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "FLIGHTDECK_TOKEN"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  out = run_full (f->ws, NULL, "x\n", &status, &err, "account", "add", "1234", NULL);
  g_assert_cmpint (status, ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  out = run_full (f->ws, NULL, "x\n", &status, &err, "account", "add", ACCOUNT,
                        "--graph-url", "ftp://nowhere", NULL);
  g_assert_cmpint (status, ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* From the environment. */
  env = g_strdup_printf ("FLIGHTDECK_TOKEN=%s", f->token);
  out = run_full (f->ws, env, "", &status, &err, "account", "add", ACCOUNT,
                  "--graph-url", fd_graph_emulator_get_url (f->emulator), "--api-version", "v26.0", NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "v26.0"));
}

static void
test_sync_keeps_token_out (CliFixture    *f,
                           gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  add_account (f);

  /* Debug logging on (to standard output): the log must not carry the
   * token either. */
  out = run_full (f->ws, "G_MESSAGES_DEBUG=all", NULL, &status, &err, "sync", "--history-days=20",
                  "--page-size=30", NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, ACCOUNT ": 18 objects"));
  g_assert_nonnull (strstr (out, "fd-graph-DEBUG"));
  g_assert_null (strstr (out, f->token));
  g_assert_null (strstr (err, f->token));

  /* Nor the database, its WAL, or anything else in the workspace. */
  g_assert_false (tree_contains (f->ws, f->token));
  {
    g_autofree char *token_start = g_strndup (f->token, 16);

    g_assert_false (tree_contains (f->ws, token_start));
  }
}

static void
test_sync_failure (CliFixture    *f,
                   gconstpointer  data)
{
  g_autoptr(JsonNode) list = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  JsonObject *account;
  int status;

  add_account (f);
  fd_graph_emulator_add_fault (f->emulator, FD_EMU_FAULT_EXPIRED_TOKEN, NULL, 0, -1, 0);

  out = fd_test_run_cli (f->ws, &status, &err, "sync", NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_true (g_str_has_prefix (err, "flightdeck-cli: " ACCOUNT ": "));
  g_assert_nonnull (strstr (err, "Reconnect"));
  g_assert_null (strstr (err, f->token));

  g_clear_pointer (&out, g_free);
  out = fd_test_run_cli (f->ws, &status, NULL, "account", "list", "--json", NULL);
  list = json_from_string (out, NULL);
  account = json_array_get_object_element (json_node_get_array (list), 0);
  g_assert_cmpstr (json_object_get_string_member (account, "sync_state"), ==, "failed");
  g_assert_cmpstr (json_object_get_string_member (account, "last_error_kind"), ==, "reconnect");
}

static void
test_usage (CliFixture    *f,
            gconstpointer  data)
{
  const char *bad[][4] = {
    { "sync", "--since", "yesterday", NULL },
    { "sync", "--since", "2026-05-02", "--until=2026-05-01" },
    { "sync", "--every", "soon", NULL },
    { "insights", "export", NULL, NULL },
    { "insights", "export", "--level", "keyword" },
    { "library", "search", "--terms", "x" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status;

      out = fd_test_run_cli (f->ws, &status, &err, bad[i][0], bad[i][1], bad[i][2], bad[i][3], NULL);
      g_assert_cmpint (status, ==, 2);
      g_assert_true (g_str_has_prefix (err, "flightdeck-cli: "));
    }
}

static void
assert_export_row (JsonObject *row,
                   gboolean    hourly)
{
  static const char * const numbers[] = {
    "impressions", "clicks", "inline_link_clicks", "spend", "purchases", "purchase_value", NULL
  };

  g_assert_cmpint (json_node_get_value_type (json_object_get_member (row, "ad_id")), ==, G_TYPE_STRING);
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (row, "adset_id")), ==, G_TYPE_STRING);
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (row, "campaign_id")), ==, G_TYPE_STRING);
  g_assert_cmpint (strlen (json_object_get_string_member (row, "date_start")), ==, 10);

  for (guint i = 0; numbers[i] != NULL; i++)
    {
      JsonNode *node = json_object_get_member (row, numbers[i]);

      g_assert_nonnull (node);
      g_assert_true (json_node_get_value_type (node) == G_TYPE_INT64 ||
                     json_node_get_value_type (node) == G_TYPE_DOUBLE);
    }

  g_assert_true (json_object_has_member (row, "hour") == hourly);
  g_assert_true (json_object_has_member (row, "reach") == !hourly);
  g_assert_true (json_object_has_member (row, "frequency") == !hourly);
}

static void
test_insights_export (CliFixture    *f,
                      gconstpointer  data)
{
  g_autoptr(JsonNode) daily = NULL;
  g_autoptr(JsonNode) hourly = NULL;
  g_autoptr(JsonNode) campaigns = NULL;
  g_autoptr(FdStore) store = NULL;
  g_autofree char *db = g_build_filename (f->ws, "flightdeck.db", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  JsonArray *rows;
  double spend = 0;
  int status;

  add_account (f);
  out = fd_test_run_cli (f->ws, &status, NULL, "sync", "--history-days=10", "--hourly-days=1", NULL);
  g_assert_cmpint (status, ==, 0);
  store = fd_store_open (db, FD_STORE_OPEN_READ_ONLY, NULL);

  g_clear_pointer (&out, g_free);
  out = fd_test_run_cli (f->ws, &status, &err, "insights", "export", "--level", "ad", "--json", NULL);
  g_assert_cmpint (status, ==, 0);
  daily = json_from_string (out, NULL);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (daily));
  rows = json_node_get_array (daily);
  g_assert_cmpint (json_array_get_length (rows), ==,
                   graph_count (store, "SELECT count(*) FROM insight_daily i JOIN meta_object o "
                                "ON o.id = i.object_id WHERE o.level = 'ad'"));
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      assert_export_row (json_array_get_object_element (rows, i), FALSE);
      spend += json_object_get_double_member (json_array_get_object_element (rows, i), "spend");
    }
  /* Spend in major units, exactly what is stored in minor units. */
  g_assert_cmpfloat_with_epsilon (spend * 100,
                                  (double)graph_count (store, "SELECT sum (spend) FROM insight_daily i "
                                                       "JOIN meta_object o ON o.id = i.object_id "
                                                       "WHERE o.level = 'ad'"), 0.5);

  g_clear_pointer (&out, g_free);
  out = fd_test_run_cli (f->ws, &status, NULL, "insights", "export", "--level", "ad", "--hourly", NULL);
  hourly = json_from_string (out, NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (hourly)), >, 0);
  assert_export_row (json_array_get_object_element (json_node_get_array (hourly), 0), TRUE);

  g_clear_pointer (&out, g_free);
  out = fd_test_run_cli (f->ws, &status, NULL, "insights", "export", "--level", "campaign", NULL);
  campaigns = json_from_string (out, NULL);
  g_assert_false (json_object_has_member (json_array_get_object_element (json_node_get_array (campaigns), 0),
                                          "adset_id"));

  g_clear_pointer (&out, g_free);
  out = fd_test_run_cli (f->ws, &status, NULL, "insights", "export", "--level", "adset", "--csv", NULL);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "account_id,campaign_id,adset_id,date_start,impressions,reach,frequency,"
                   "clicks,inline_link_clicks,spend,purchases,purchase_value,account_currency");
  g_assert_cmpint (g_strv_length (lines) - 2, ==,
                   graph_count (store, "SELECT count(*) FROM insight_daily i JOIN meta_object o "
                                "ON o.id = i.object_id WHERE o.level = 'adset'"));

  /* An empty range is an empty array. */
  g_clear_pointer (&out, g_free);
  out = fd_test_run_cli (f->ws, &status, NULL, "insights", "export", "--level", "ad", "--since", "2001-01-01",
                         "--until", "2001-01-02", NULL);
  g_assert_cmpstr (out, ==, "[]\n");
}

static void
test_object_writes (CliFixture    *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) adsets = fd_graph_emulator_list_objects (f->emulator, ACCOUNT, FD_EMU_LEVEL_ADSET);
  const char *adset = g_ptr_array_index (adsets, 0);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  FdGraphEmulatorStats stats;
  int status;

  add_account (f);
  out = fd_test_run_cli (f->ws, &status, NULL, "sync", "--history-days=5", "--hourly-days=0", NULL);
  g_assert_cmpint (status, ==, 0);

  g_clear_pointer (&out, g_free);
  out = fd_test_run_cli (f->ws, &status, &err, "object", "status", adset, "paused", NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "is now PAUSED at Meta"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = fd_test_run_cli (f->ws, &status, &err, "object", "budget", adset, "42.50", NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "42.50 EUR"));

  fd_graph_emulator_get_stats (f->emulator, &stats);
  g_assert_cmpuint (stats.writes, ==, 2);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = fd_test_run_cli (f->ws, &status, &err, "object", "budget", adset, "0.10", NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "too low"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = fd_test_run_cli (f->ws, &status, &err, "object", "status", "999", "PAUSED", NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "No campaign, ad set or ad 999"));
}

static void
test_library (CliFixture    *f,
              gconstpointer  data)
{
  g_autoptr(JsonNode) ads = NULL;
  g_autoptr(JsonNode) long_running = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  JsonArray *array;
  int status;

  add_account (f);
  out = fd_test_run_cli (f->ws, &status, &err, "library", "search", "--terms", "rain jacket",
                         "--country", "DE", "--json", NULL);
  g_assert_cmpint (status, ==, 0);
  ads = json_from_string (out, NULL);
  array = json_node_get_array (ads);
  g_assert_cmpuint (json_array_get_length (array), >=, 12);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *ad = json_array_get_object_element (array, i);
      const char *url = json_object_get_string_member (ad, "ad_snapshot_url");

      g_assert_nonnull (strstr (url, "render_ad/?id="));
      g_assert_null (strstr (url, "access_token"));
      g_assert_cmpint (json_object_get_int_member (ad, "eu_total_reach"), >, 0);
    }
  g_assert_null (strstr (out, f->token));
  g_assert_false (tree_contains (f->ws, f->token));

  /* "Running for 30 days or more" is a filter over what was found. */
  g_clear_pointer (&out, g_free);
  out = fd_test_run_cli (f->ws, &status, NULL, "library", "list", "--min-days", "30", "--json", NULL);
  long_running = json_from_string (out, NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (long_running)), <, json_array_get_length (array));
  for (guint i = 0; i < json_array_get_length (json_node_get_array (long_running)); i++)
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (json_node_get_array (long_running), i),
                                                 "days_running"), >=, 30);
}

static void
test_sync_every_stops_cleanly (CliFixture    *f,
                               gconstpointer  data)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(FdStore) store = NULL;
  g_autofree char *db = g_build_filename (f->ws, "flightdeck.db", NULL);

  add_account (f);
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                              g_getenv ("FLIGHTDECK_CLI"), "--workspace", f->ws, "sync", "--every", "1h",
                              "--history-days=5", NULL);
  g_assert_no_error (error);

  /* Wait for the first run to finish, then interrupt. */
  {
    gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

    while (TRUE)
      {
        g_autoptr(FdStore) probe = fd_store_open (db, FD_STORE_OPEN_READ_ONLY, NULL);

        if (probe != NULL && graph_count (probe, "SELECT count(*) FROM sync_run WHERE ok = 1") == 1)
          break;
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        g_usleep (50000);
      }
  }

  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  g_assert_nonnull (strstr (out, ACCOUNT ": "));
  g_assert_nonnull (strstr (err, "Stopped"));

  store = fd_store_open (db, FD_STORE_OPEN_READ_ONLY, NULL);
  g_assert_cmpint (graph_count (store, "SELECT count(*) FROM sync_run WHERE ok IS NULL"), ==, 0);
}

#define ADD(name, func) \
  g_test_add (name, CliFixture, NULL, cli_set_up, func, cli_tear_down)

int
main (int   argc,
      char *argv[])
{
  graph_test_init (&argc, &argv);

  ADD ("/cli-graph/account-add", test_account_add);
  ADD ("/cli-graph/account-add-errors", test_account_add_errors);
  ADD ("/cli-graph/sync-keeps-token-out", test_sync_keeps_token_out);
  ADD ("/cli-graph/sync-failure", test_sync_failure);
  ADD ("/cli-graph/usage", test_usage);
  ADD ("/cli-graph/insights-export", test_insights_export);
  ADD ("/cli-graph/object-writes", test_object_writes);
  ADD ("/cli-graph/library", test_library);
  ADD ("/cli-graph/sync-every-stops-cleanly", test_sync_every_stops_cleanly);

  return g_test_run ();
}
