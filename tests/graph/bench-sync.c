/* bench-sync.c: syncing a large simulated account, against curl fetching
 * the same pages
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE  /* RUSAGE_THREAD */

#include "config.h"

#include <stdio.h>
#include <sys/resource.h>

#include "fd-graph-util.h"
#include "fd-insights-sync.h"
#include "fd-test-util.h"
#include "graph-test-util.h"

/* DESIGN.md §4's insights target on its reference account: 2,000 ads
 * (40 campaigns × 5 ad sets × 10 ads), 90 days of daily rows and 14 days
 * of hourly rows at every level, plus the windowed reach.
 *
 * 1. Flightdeck's sync into a fresh workspace, every page read directly:
 *    rows per second, wall and CPU.
 * 2. curl fetching exactly those pages — started from the first page of
 *    each read and following paging.next, one process per page as a small
 *    shell loop would, bodies discarded.
 * 3. For information: the same sync with async report runs (the default).
 * 4. If $FLIGHTDECK_NODE_SDK names a folder holding an install of
 *    facebook-nodejs-business-sdk, Meta's Node SDK paging the same reads.
 *
 * BENCH_CAMPAIGNS (default 40), BENCH_DAYS (90), BENCH_HOURLY_DAYS (14)
 * scale it down. */

#define ACCOUNT "act_8000000000008"

typedef struct
{
  char            *dir;
  char            *token;
  gint64           now;
  guint            days;
  guint            hourly_days;
  FdGraphEmulator *emulator;
} Bench;

static double
thread_cpu (void)
{
  struct rusage usage;

  getrusage (RUSAGE_THREAD, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static double
children_cpu (void)
{
  struct rusage usage;

  getrusage (RUSAGE_CHILDREN, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/* Bytes this process caused to be written to storage. */
static gint64
io_written (void)
{
  g_autofree char *io = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/io", &io, NULL, NULL) ||
      (line = strstr (io, "\nwrite_bytes: ")) == NULL)
    return 0;

  return g_ascii_strtoll (line + strlen ("\nwrite_bytes: "), NULL, 10);
}

static guint
env_uint (const char *name,
          guint       fallback)
{
  const char *value = g_getenv (name);

  return value && *value ? (guint)atoi (value) : fallback;
}

/* One sync into a new workspace; returns the rows it stored. */
static gint64
run_sync (Bench      *bench,
          const char *name,
          gboolean    direct,
          double     *wall,
          double     *cpu,
          gint64     *pages)
{
  g_autofree char *path = g_build_filename (bench->dir, name, NULL);
  g_autoptr(FdWorkspace) workspace = NULL;
  g_autoptr(FdGraphClient) client = NULL;
  g_autoptr(FdGraphResponse) response = NULL;
  g_autoptr(FdAdAccount) account = NULL;
  g_autoptr(FdInsightsSync) sync = NULL;
  g_autoptr(GError) error = NULL;
  const FdInsightsSyncSummary *summary;
  JsonObject *object;
  gint64 start;
  gint64 written_start;
  double cpu_start;

  workspace = fd_workspace_create (path, name, &error);
  g_assert_no_error (error);
  client = fd_graph_client_new (fd_graph_emulator_get_url (bench->emulator), "v25.0", bench->token);

  response = fd_graph_client_get_account (client, ACCOUNT, NULL, &error);
  g_assert_no_error (error);
  object = fd_graph_response_get_object (response);
  account = fd_ad_account_new (ACCOUNT, fd_graph_json_get_string (object, "name"),
                               fd_graph_json_get_string (object, "currency"),
                               fd_graph_json_get_string (object, "timezone_name"),
                               fd_graph_emulator_get_url (bench->emulator), "v25.0");
  g_assert_true (fd_insights_store_save_account (fd_workspace_get_store (workspace), "system", account, &error));

  sync = fd_insights_sync_new (fd_workspace_get_store (workspace), client, account);
  fd_insights_sync_set_now (sync, bench->now);
  fd_insights_sync_set_history_days (sync, bench->days);
  fd_insights_sync_set_hourly_days (sync, bench->hourly_days);
  if (direct)
    fd_insights_sync_set_async_threshold (sync, G_MAXUINT);

  fd_graph_emulator_take_requests (bench->emulator);
  written_start = io_written ();
  start = g_get_monotonic_time ();
  cpu_start = thread_cpu ();
  g_assert_true (fd_insights_sync_run (sync, NULL, &error));
  g_assert_no_error (error);
  *wall = (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;
  *cpu = thread_cpu () - cpu_start;

  summary = fd_insights_sync_get_summary (sync);
  *pages = summary->pages;
  g_printerr ("  (%s: %" G_GINT64_FORMAT " MB written to disk)\n", name, (io_written () - written_start) / 1000000);
  g_printerr ("  (%s: fetching %.2f s, storing %.2f s)\n", name, summary->fetch_us / 1e6, summary->store_us / 1e6);
  {
    FdGraphClientStats stats;

    fd_graph_client_get_stats (client, &stats);
    g_printerr ("  (%s: %" G_GUINT64_FORMAT " requests, %" G_GUINT64_FORMAT " MB, waited %.2f s, paced %"
                G_GUINT64_FORMAT ", retries %" G_GUINT64_FORMAT ")\n", name, stats.requests,
                stats.bytes / 1000000, stats.waited_us / 1e6, stats.paced, stats.retries);
  }
  return summary->objects + summary->daily_rows + summary->hourly_rows + summary->reach_rows;
}

/* paging.next of a body, without parsing it. */
static char *
find_next (const char *body)
{
  const char *start = strstr (body, "\"next\":\"");
  GString *url;

  if (start == NULL)
    return NULL;

  url = g_string_new (NULL);
  for (const char *p = start + strlen ("\"next\":\""); *p && *p != '"'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        p++;
      g_string_append_c (url, *p);
    }

  return g_string_free (url, FALSE);
}

static gboolean
curl_page (Bench       *bench,
           const char  *url,
           char       **next)
{
  g_autoptr(GSubprocess) curl = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *auth = g_strdup_printf ("Authorization: Bearer %s", bench->token);
  g_autoptr(GBytes) body = NULL;
  g_autofree char *text = NULL;

  curl = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, "curl", "-s", "-S", "-H", auth, url, NULL);
  if (curl == NULL)
    return FALSE;

  g_subprocess_communicate (curl, NULL, NULL, &body, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (curl));

  text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  *next = find_next (text);
  return TRUE;
}

/* Replays the reads the sync made: from each first page, following
 * paging.next. Returns the pages fetched, or -1 without curl. */
static gint64
run_curl (Bench     *bench,
          GPtrArray *requests,
          double    *wall,
          double    *cpu)
{
  gint64 start = g_get_monotonic_time ();
  double cpu_start = children_cpu ();
  gint64 pages = 0;

  for (guint i = 0; i < requests->len; i++)
    {
      const char *request = g_ptr_array_index (requests, i);
      g_autofree char *url = NULL;

      /* First pages of edges only: the rest is found through next. */
      if (!g_str_has_prefix (request, "GET ") || strstr (request, "after=") != NULL ||
          strchr (request, '?') == NULL || strstr (request, "fields=name%2Ccurrency") != NULL)
        continue;

      url = g_strdup_printf ("%s%s", fd_graph_emulator_get_url (bench->emulator), request + 4);
      while (url != NULL)
        {
          char *next = NULL;

          if (!curl_page (bench, url, &next))
            return -1;
          pages++;
          g_free (url);
          url = next;
        }
    }

  *wall = (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;
  *cpu = children_cpu () - cpu_start;
  return pages;
}

static void
run_node (Bench     *bench,
          gint64     rows)
{
  const char *sdk = g_getenv ("FLIGHTDECK_NODE_SDK");
  g_autofree char *script = NULL;
  g_autofree char *since = NULL;
  g_autofree char *until = NULL;
  g_autofree char *hourly_since = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gint64 start;
  double wall;

  if (sdk == NULL || *sdk == '\0')
    {
      printf ("node-sdk: not measured (set FLIGHTDECK_NODE_SDK to a folder with facebook-nodejs-business-sdk)\n");
      return;
    }

  script = g_build_filename (g_getenv ("G_TEST_SRCDIR") ? g_getenv ("G_TEST_SRCDIR") : ".", "graph",
                             "bench-node-sdk.js", NULL);
  {
    g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Berlin");
    g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (bench->now / G_USEC_PER_SEC);
    g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);
    g_autoptr(GDateTime) first = g_date_time_add_days (local, -(int)bench->days + 1);
    g_autoptr(GDateTime) hourly = g_date_time_add_days (local, -(int)bench->hourly_days + 1);

    since = g_date_time_format (first, "%Y-%m-%d");
    until = g_date_time_format (local, "%Y-%m-%d");
    hourly_since = g_date_time_format (hourly, "%Y-%m-%d");
  }

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "NODE_PATH", sdk, TRUE);
  start = g_get_monotonic_time ();
  node = g_subprocess_launcher_spawn (launcher, &error, "node", script, fd_graph_emulator_get_url (bench->emulator),
                                      bench->token, ACCOUNT, since, until, hourly_since, NULL);
  if (node == NULL)
    {
      printf ("node-sdk: could not run node: %s\n", error->message);
      return;
    }
  g_subprocess_communicate_utf8 (node, NULL, NULL, &out, &err, &error);
  wall = (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;

  if (!g_subprocess_get_successful (node))
    {
      printf ("node-sdk: failed: %s\n", err ? err : "");
      return;
    }

  printf ("node-sdk: %s", out);
  printf ("node-sdk: %.1f s wall for the insights reads\n", wall);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-11-24T18:00:00+01:00", NULL);
  g_autoptr(GPtrArray) requests = NULL;
  Bench bench = { 0 };
  guint campaigns = env_uint ("BENCH_CAMPAIGNS", 40);
  FdEmuAccountSpec spec = { ACCOUNT, "Agency reference", "EUR", "Europe/Berlin", campaigns, 5, 10, 0, 0 };
  double sync_wall, sync_cpu, report_wall, report_cpu, curl_wall, curl_cpu;
  gint64 rows, report_rows, pages, report_pages, curl_pages;

  g_setenv ("FLIGHTDECK_TOKEN_STORE", "file", TRUE);
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);

  bench.dir = fd_test_tmpdir_new ();
  bench.token = g_strdup ("EAABenchToken0123456789");
  bench.now = g_date_time_to_unix (now) * G_USEC_PER_SEC;
  bench.days = env_uint ("BENCH_DAYS", 90);
  bench.hourly_days = env_uint ("BENCH_HOURLY_DAYS", 14);
  spec.history_days = bench.days + 10;

  bench.emulator = fd_graph_emulator_new (5);
  fd_graph_emulator_set_now (bench.emulator, bench.now);
  fd_graph_emulator_set_token (bench.emulator, bench.token);
  fd_graph_emulator_set_sync_row_limit (bench.emulator, G_MAXUINT64);
  fd_graph_emulator_set_report_delay (bench.emulator, 100);
  g_assert_true (fd_graph_emulator_add_account (bench.emulator, &spec, &error));
  g_assert_true (fd_graph_emulator_start (bench.emulator, 0, &error));
  g_assert_no_error (error);
  fd_graph_emulator_record_requests (bench.emulator, TRUE);

  printf ("account: %u ads, %u days daily, %u days hourly, every level\n",
          campaigns * 50, bench.days, bench.hourly_days);

  rows = run_sync (&bench, "direct", TRUE, &sync_wall, &sync_cpu, &pages);
  requests = fd_graph_emulator_take_requests (bench.emulator);
  printf ("sync: %" G_GINT64_FORMAT " rows, %" G_GINT64_FORMAT " pages in %.2f s = %.0f rows/s "
          "(client CPU %.2f s)\n", rows, pages, sync_wall, rows / sync_wall, sync_cpu);

  curl_pages = run_curl (&bench, requests, &curl_wall, &curl_cpu);
  if (curl_pages < 0)
    printf ("curl: not measured (curl is not installed)\n");
  else
    {
      printf ("curl: the same %" G_GINT64_FORMAT " pages in %.2f s = %.0f rows/s (curl CPU %.2f s)\n",
              curl_pages, curl_wall, rows / curl_wall, curl_cpu);
      printf ("ratio: sync takes %.2f× curl's time (target: at most 1.5×)\n", sync_wall / curl_wall);
    }

  report_rows = run_sync (&bench, "reports", FALSE, &report_wall, &report_cpu, &report_pages);
  printf ("sync with report runs (the default): %" G_GINT64_FORMAT " rows in %.2f s = %.0f rows/s\n",
          report_rows, report_wall, report_rows / report_wall);

  run_node (&bench, rows);

  fd_graph_emulator_stop (bench.emulator);
  g_clear_object (&bench.emulator);
  fd_test_tmpdir_free (bench.dir);
  g_free (bench.token);
  return 0;
}
