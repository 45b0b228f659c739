/* bench-triage.c: 200 rules over 2,000 ads × 90 days (+ 14 days hourly),
 * against one full scan of the insights tables
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reference data set of DESIGN.md §4: 40 ad accounts (in 8 time zones,
 * 6 currencies), 80 campaigns, 400 ad sets, 2,000 ads; daily insights for
 * 90 days and hourly insights for the last 14, at every level (as a sync
 * stores them); deduplicated reach for 3- and 7-day windows. Generated
 * with SQL, deterministically.
 *
 * Measured in one process, on one connection, with a warm cache:
 *  - the full scan: every measure column summed over insight_daily, then
 *    over insight_hourly;
 *  - a dry triage run of 200 enabled rules (a mix of metrics, windows,
 *    levels, persistence, decay, targets and guardrails): everything a run
 *    does except writing its decisions;
 *  - a recorded run, once, for the cost of writing decisions.
 * Each timing is the median of 7 runs after one warm-up. The target: the
 * dry run within 1.5× the full scan.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <time.h>

#include "fd-rulebook.h"
#include "fd-test-util.h"
#include "fd-triage.h"

#define N_ACCOUNTS    40
#define N_CAMPAIGNS   2     /* per account */
#define N_ADSETS      5     /* per campaign */
#define N_ADS         5     /* per ad set */
#define N_RULES       200
#define REPEAT        7

/* Zones without daylight-saving time in the benchmark's months, so the
 * generator can compute local hours in SQL with a fixed offset. */
static const struct { const char *name; int offset_s; const char *currency; } zones[] = {
  { "UTC",               0,          "EUR" },
  { "Asia/Tokyo",        9 * 3600,   "JPY" },
  { "Asia/Kolkata",      19800,      "INR" },
  { "America/Sao_Paulo", -3 * 3600,  "BRL" },
  { "Asia/Dubai",        4 * 3600,   "USD" },
  { "Africa/Lagos",      3600,       "GBP" },
  { "Asia/Singapore",    8 * 3600,   "USD" },
  { "Australia/Brisbane", 10 * 3600, "EUR" },
};

/* The evaluation time: 15 June 2026, 12:20 UTC. */
#define AT_UTC "2026-06-15 12:20:00"

static void
exec_or_die (FdStore    *store,
             const char *sql)
{
  g_autoptr(GError) error = NULL;

  if (!fd_store_exec (store, sql, &error))
    g_error ("%s\n%s", error->message, sql);
}

static void
generate_objects (FdStore *store)
{
  GString *sql = g_string_new ("BEGIN;\nCREATE TEMP TABLE bench_zone (name TEXT PRIMARY KEY, offset_s INTEGER, "
                                "money INTEGER);\n");

  /* Money is generated in cents; JPY has no minor unit, so its amounts are
   * divided by 100 to stay comparable. */
  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    g_string_append_printf (sql, "INSERT INTO bench_zone VALUES ('%s', %d, %d);\n", zones[z].name,
                            zones[z].offset_s, g_str_equal (zones[z].currency, "JPY") ? 100 : 1);

  for (int a = 1; a <= N_ACCOUNTS; a++)
    {
      guint z = (a - 1) % G_N_ELEMENTS (zones);

      g_string_append_printf (sql,
                              "INSERT INTO ad_account (id, name, currency, timezone, created_us) "
                              "VALUES ('act_%d', 'Account %d', '%s', '%s', 1);\n",
                              a, a, zones[z].currency, zones[z].name);

      for (int c = 1; c <= N_CAMPAIGNS; c++)
        {
          g_string_append_printf (sql,
                                  "INSERT INTO meta_object (id, account_id, level, name, status, seen_us) "
                                  "VALUES ('c%d_%d', 'act_%d', 'campaign', 'Campaign %d/%d', 'ACTIVE', 1);\n",
                                  a, c, a, a, c);

          /* Three campaigns in four have targets. */
          if ((a + c) % 4 != 0)
            g_string_append_printf (sql, "INSERT INTO object_target VALUES ('c%d_%d', %d, %g);\n",
                                    a, c, 1500 + 500 * (a % 5), 1.5 + 0.25 * (c % 3));

          for (int s = 1; s <= N_ADSETS; s++)
            {
              g_string_append_printf (sql,
                                      "INSERT INTO meta_object (id, account_id, level, campaign_id, name, "
                                      "status, daily_budget, seen_us) VALUES ('s%d_%d_%d', 'act_%d', "
                                      "'adset', 'c%d_%d', 'Ad set %d/%d/%d', 'ACTIVE', %d, 1);\n",
                                      a, c, s, a, a, c, a, c, s, 5000 + 2500 * ((a * s + c) % 20));

              for (int k = 1; k <= N_ADS; k++)
                g_string_append_printf (sql,
                                        "INSERT INTO meta_object (id, account_id, level, campaign_id, "
                                        "adset_id, name, status, seen_us) VALUES ('d%d_%d_%d_%d', "
                                        "'act_%d', 'ad', 'c%d_%d', 's%d_%d_%d', 'Ad %d/%d/%d/%d', "
                                        "'ACTIVE', 1);\n",
                                        a, c, s, k, a, a, c, a, c, s, a, c, s, k);
            }
        }
    }

  g_string_append (sql, "COMMIT;");
  exec_or_die (store, sql->str);
  g_string_free (sql, TRUE);
}

/* Measures per row; the same expressions for days and hours, scaled. */
#define MEASURES(scale) \
  "imp, imp * 6 / 10, (500 + abs (random ()) % 4000) * " scale " / money, imp * lc / 1000 * 13 / 10, " \
  "imp * lc / 1000, p, p * (1500 + abs (random ()) % 6000) / money, imp / 3, imp / 5, imp / 7, imp / 9, " \
  "imp / 12, imp / 12"

static void
generate_insights (FdStore *store)
{
  /* 90 days up to the 15th, local days; imp and lc vary per row. */
  exec_or_die (store,
               "BEGIN;\n"
               "WITH RECURSIVE day (n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM day WHERE n < 89), "
               "row AS MATERIALIZED (SELECT o.id AS object_id, date ('2026-03-18', '+' || day.n || ' days') AS d, "
               "z.offset_s AS offset_s, z.money AS money, 4000 + abs (random ()) % 16000 AS imp, "
               "5 + abs (random ()) % 45 AS lc, "
               "abs (random ()) % 30 AS p "
               "FROM meta_object o JOIN ad_account a ON a.id = o.account_id "
               "JOIN bench_zone z ON z.name = a.timezone, day) "
               "INSERT INTO insight_daily (object_id, day, start_us, impressions, reach, spend, clicks, "
               "link_clicks, purchases, purchase_value, video_plays, video_p25, video_p50, video_p75, "
               "video_p100, thruplays, synced_us) "
               "SELECT object_id, d, (unixepoch (d) - offset_s) * 1000000, " MEASURES ("24") ", 1 FROM row;\n"
               "COMMIT;");

  /* The last 14 days by the hour, up to the local hour of the evaluation
   * time; reach is not reported by hour, nor are video quartiles. */
  exec_or_die (store,
               "BEGIN;\n"
               "WITH RECURSIVE hour (n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM hour WHERE n < 14 * 24 - 1), "
               "row AS MATERIALIZED (SELECT o.id AS object_id, z.offset_s AS offset_s, z.money AS money, "
               "unixepoch ('2026-06-02') - z.offset_s + hour.n * 3600 AS start_s, "
               "170 + abs (random ()) % 660 AS imp, 5 + abs (random ()) % 45 AS lc, abs (random ()) % 3 AS p "
               "FROM meta_object o JOIN ad_account a ON a.id = o.account_id "
               "JOIN bench_zone z ON z.name = a.timezone, hour "
               "WHERE unixepoch ('2026-06-02') - z.offset_s + hour.n * 3600 < unixepoch ('" AT_UTC "')) "
               "INSERT INTO insight_hourly (object_id, day, hour, start_us, impressions, spend, clicks, "
               "link_clicks, purchases, purchase_value, video_plays, thruplays, synced_us) "
               "SELECT object_id, date (start_s + offset_s, 'unixepoch'), "
               "CAST (strftime ('%H', start_s + offset_s, 'unixepoch') AS INTEGER), start_s * 1000000, "
               "imp, (500 + abs (random ()) % 4000) / money, imp * lc / 1000 * 13 / 10, imp * lc / 1000, p, "
               "p * (1500 + abs (random ()) % 6000) / money, imp / 3, imp / 12, 1 FROM row;\n"
               "COMMIT;");

  /* Deduplicated reach of 3- and 7-day windows for the last 14 days. */
  exec_or_die (store,
               "BEGIN;\n"
               "WITH RECURSIVE day (n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM day WHERE n < 13), "
               "len (days) AS (VALUES (3), (7)) "
               "INSERT INTO insight_reach (object_id, until_day, days, reach, impressions, synced_us) "
               "SELECT o.id, date ('2026-06-02', '+' || day.n || ' days'), len.days, "
               "(2000 + abs (random ()) % 8000) * len.days, (8000 + abs (random ()) % 40000) * len.days, 1 "
               "FROM meta_object o, day, len;\n"
               "COMMIT;\n"
               "ANALYZE;");
}

/*
 * The rules
 */

static const char * const ad_metrics[] = { "ctr", "cpc", "cpm", "roas", "cpa", "spend", "hook_rate", "cvr" };
static const char * const windows[] = { "6h", "12h", "24h", "1d", "2d", "3d", "7d", "14d" };

/* A threshold that only outliers cross, in the direction of @op, so that
 * a realistic share of objects fires (a few percent). Spend grows with the
 * window (about 600 a day in the generated data); rates do not. */
static char *
threshold (const char *metric,
           const char *window,
           const char *op,
           GRand      *rand)
{
  char buffer[32];
  double hours = g_ascii_strtod (window, NULL) * (strchr (window, 'd') ? 24 : 1);
  double base;

  /* Typical values of the generated data. */
  if (g_str_equal (metric, "ctr")) base = 2.75;
  else if (g_str_equal (metric, "cpc")) base = 1.8;
  else if (g_str_equal (metric, "cpm")) base = 50;
  else if (g_str_equal (metric, "roas")) base = 1.1;
  else if (g_str_equal (metric, "cpa")) base = 40;
  else if (g_str_equal (metric, "spend")) base = 25 * hours;
  else if (g_str_equal (metric, "hook_rate")) base = 33;
  else base = 4.5;

  base *= op[0] == '>' ? g_rand_double_range (rand, 1.4, 2.0) : g_rand_double_range (rand, 0.3, 0.55);
  g_ascii_formatd (buffer, sizeof buffer, "%.2f", base);
  return g_strdup (buffer);
}

static char *
make_rule (int    i,
           GRand *rand)
{
  GString *text = g_string_new (NULL);
  int kind = g_rand_int_range (rand, 0, 100);
  const char *level = kind < 60 ? "ad" : kind < 95 ? "adset" : "campaign";
  const char *m1 = ad_metrics[g_rand_int_range (rand, 0, G_N_ELEMENTS (ad_metrics))];
  const char *m2 = ad_metrics[g_rand_int_range (rand, 0, G_N_ELEMENTS (ad_metrics))];
  const char *w1 = windows[g_rand_int_range (rand, 0, G_N_ELEMENTS (windows))];
  const char *w2 = windows[g_rand_int_range (rand, 0, G_N_ELEMENTS (windows))];
  const char *op1 = g_rand_boolean (rand) ? ">" : "<";
  const char *op2 = g_rand_boolean (rand) ? ">" : "<";
  g_autofree char *t1 = threshold (m1, w1, op1, rand);
  g_autofree char *t2 = threshold (m2, w2, op2, rand);
  int shape = g_rand_int_range (rand, 0, 10);

  g_string_append_printf (text, "rule \"Bench %03d\"\n  level %s\n  when ", i, level);

  switch (shape)
    {
    case 0:
    case 1:
    case 2:
      /* Persistence, as in the spec's rules. */
      g_string_append_printf (text, "%s(%s) %s %s for %s and %s(%s) %s %s", m1, w1, op1, t1,
                              g_rand_boolean (rand) ? "48h" : "24h", m2, w2, op2, t2);
      break;
    case 3:
      /* Decay, as creative fatigue. */
      g_string_append_printf (text, "frequency(7d) > %.1f and decay(ctr, %s) > 25%%",
                              g_rand_double_range (rand, 4.5, 5.5), g_rand_boolean (rand) ? "7d" : "3d");
      break;
    case 4:
      /* Metric against metric, with arithmetic. */
      g_string_append_printf (text, "%s(1d) > %s(7d) * 1.6 or %s(%s) %s %s", m1, m1, m2, w2, op2, t2);
      break;
    default:
      g_string_append_printf (text, "%s(%s) %s %s and (%s(%s) %s %s or not spend(1d) > 5)", m1, w1, op1,
                              t1, m2, w2, op2, t2);
      break;
    }

  /* Targets where they exist. */
  if (!g_str_equal (level, "ad") && g_rand_int_range (rand, 0, 3) == 0)
    g_string_append (text, " and cpa(3d) > target_cpa");

  if (g_str_equal (level, "ad"))
    g_string_append (text, g_rand_boolean (rand) ? "\n  then pause, notify" : "\n  then queue_replacement");
  else
    g_string_append_printf (text, "\n  then budget %s%d%%, notify", g_rand_boolean (rand) ? "+" : "-",
                            g_rand_int_range (rand, 10, 40));

  if (g_rand_boolean (rand))
    g_string_append_printf (text, "\n  require spend(3d) >= %d", g_rand_int_range (rand, 1000, 2400));
  if (g_rand_int_range (rand, 0, 4) == 0)
    g_string_append (text, "\n  approval above 400 by \"account lead\"");

  g_string_append_c (text, '\n');
  return g_string_free (text, FALSE);
}

static void
add_rules (FdStore *store)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260615);
  g_autoptr(GString) all = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rules = NULL;

  for (int i = 0; i < N_RULES; i++)
    {
      g_autofree char *rule = make_rule (i, rand);

      g_string_append (all, rule);
    }

  rules = fd_rulebook_add (store, "system", all->str, TRUE, &error);
  if (rules == NULL)
    g_error ("%s", error->message);
  g_assert_cmpuint (rules->len, ==, N_RULES);
}

/*
 * Timing
 */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

static guint64 scanned_rows;

/* CPU time of the process, µs: on a shared machine wall time also counts
 * other programs' turns; both are reported. */
static gint64
cpu_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (gint64)ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static double last_cpu_ms;

static double
time_scan (FdStore    *store,
           const char *daily_sql,
           const char *hourly_sql)
{
  const char * const queries[] = { daily_sql, hourly_sql };
  gint64 start = g_get_monotonic_time ();
  gint64 cpu = cpu_now ();

  scanned_rows = 0;
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(GError) error = NULL;
      g_auto(FdStmt) stmt = fd_store_stmt (store, queries[q], &error);
      gboolean has_row;

      g_assert_no_error (error);
      fd_store_step (store, stmt, &has_row, &error);
      g_assert_no_error (error);
      scanned_rows += sqlite3_column_int64 (stmt, 0);
    }

  last_cpu_ms = (cpu_now () - cpu) / 1000.0;
  return (g_get_monotonic_time () - start) / 1000.0;
}

static FdTriageReport *
timed_run (FdStore          *store,
           gint64            at,
           FdTriageRunFlags  flags,
           double           *ms)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 cpu = cpu_now ();
  FdTriageReport *report = fd_triage_run (store, at, "manual", flags, NULL, NULL, &error);

  *ms = (g_get_monotonic_time () - start) / 1000.0;
  last_cpu_ms = (cpu_now () - cpu) / 1000.0;
  g_assert_no_error (error);
  return report;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = fd_test_tmpdir_new ();
  g_autofree char *db = g_build_filename (dir, "flightdeck.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FdStore) store = NULL;
  g_autoptr(FdTriageReport) recorded = NULL;
  g_autoptr(GDateTime) at_time = g_date_time_new_from_iso8601 ("2026-06-15T12:20:00Z", NULL);
  gint64 at = g_date_time_to_unix (at_time) * G_USEC_PER_SEC;
  double scan_all[REPEAT], scan_used[REPEAT], eval[REPEAT];
  double scan_cpu[REPEAT], eval_cpu[REPEAT];
  double scan_ms, used_ms, eval_ms, record_ms, generate_ms, scan_cpu_ms, eval_cpu_ms;
  guint64 daily_rows, hourly_rows;
  FdTriageCounts counts = { 0 };
  guint n_decisions = 0;
  gint64 started;

  store = fd_store_open (db, FD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  started = g_get_monotonic_time ();
  generate_objects (store);
  generate_insights (store);
  add_rules (store);
  generate_ms = (g_get_monotonic_time () - started) / 1000.0;

  {
    g_auto(FdStmt) d = fd_store_stmt (store, "SELECT count(*) FROM insight_daily", NULL);
    g_auto(FdStmt) h = fd_store_stmt (store, "SELECT count(*) FROM insight_hourly", NULL);

    sqlite3_step (d);
    sqlite3_step (h);
    daily_rows = sqlite3_column_int64 (d, 0);
    hourly_rows = sqlite3_column_int64 (h, 0);
  }

#define ALL_DAILY "SELECT count(*), sum (impressions), sum (reach), sum (spend), sum (clicks), " \
  "sum (link_clicks), sum (purchases), sum (purchase_value), sum (video_plays), sum (video_p25), " \
  "sum (video_p50), sum (video_p75), sum (video_p100), sum (thruplays) FROM insight_daily"
#define ALL_HOURLY "SELECT count(*), sum (impressions), sum (spend), sum (clicks), sum (link_clicks), " \
  "sum (purchases), sum (purchase_value), sum (video_plays), sum (thruplays) FROM insight_hourly"
#define USED_DAILY "SELECT count(*), sum (impressions), sum (reach), sum (spend), sum (clicks), " \
  "sum (link_clicks), sum (purchases), sum (purchase_value), sum (video_plays) FROM insight_daily"
#define USED_HOURLY "SELECT count(*), sum (impressions), sum (spend), sum (clicks), sum (link_clicks), " \
  "sum (purchases), sum (purchase_value), sum (video_plays) FROM insight_hourly"

  /* Warm the cache (and the statement caches) once, then measure. */
  time_scan (store, ALL_DAILY, ALL_HOURLY);
  g_object_unref (timed_run (store, at, FD_TRIAGE_RUN_DRY, &eval_ms));

  for (int i = 0; i < REPEAT; i++)
    {
      g_autoptr(FdTriageReport) report = NULL;

      scan_all[i] = time_scan (store, ALL_DAILY, ALL_HOURLY);
      scan_cpu[i] = last_cpu_ms;
      scan_used[i] = time_scan (store, USED_DAILY, USED_HOURLY);
      report = timed_run (store, at, FD_TRIAGE_RUN_DRY, &eval[i]);
      eval_cpu[i] = last_cpu_ms;
      counts = *fd_triage_report_get_counts (report);
      n_decisions = fd_triage_report_get_decisions (report)->len;
    }

  scan_ms = median (scan_all, REPEAT);
  used_ms = median (scan_used, REPEAT);
  eval_ms = median (eval, REPEAT);
  scan_cpu_ms = median (scan_cpu, REPEAT);
  eval_cpu_ms = median (eval_cpu, REPEAT);

  /* Once, for real: the cost of recording the decisions (skipped with
   * --dry-only, for profiling). */
  if (argc > 1 && g_str_equal (argv[1], "--dry-only"))
    recorded = fd_triage_report_new (at, TRUE), record_ms = 0;
  else
    recorded = timed_run (store, at, FD_TRIAGE_RUN_DEFAULT, &record_ms);

  printf ("Reference set: %d accounts, %d campaigns, %d ad sets, %d ads; %" G_GUINT64_FORMAT
          " daily + %" G_GUINT64_FORMAT " hourly insight rows (generated in %.1f s)\n",
          N_ACCOUNTS, N_ACCOUNTS * N_CAMPAIGNS, N_ACCOUNTS * N_CAMPAIGNS * N_ADSETS,
          N_ACCOUNTS * N_CAMPAIGNS * N_ADSETS * N_ADS, daily_rows, hourly_rows, generate_ms / 1000);
  printf ("Full scan of insight_daily + insight_hourly, every measure:  %8.1f ms  (%.2f M rows/s)\n",
          scan_ms, scanned_rows / scan_ms / 1000.0);
  printf ("Full scan, only the measures the rules use:                  %8.1f ms\n", used_ms);
  printf ("Triage, %d rules, dry run (median of %d):                   %8.1f ms  = %.2f × the full scan "
          "(target ≤ 1.5)\n", N_RULES, REPEAT, eval_ms, eval_ms / scan_ms);
  printf ("  in CPU time: scan %.1f ms, triage %.1f ms = %.2f ×\n", scan_cpu_ms, eval_cpu_ms,
          eval_cpu_ms / scan_cpu_ms);
  printf ("  reading insights %.1f ms, evaluating %.1f ms\n",
          counts.load_us / 1000.0, counts.evaluate_us / 1000.0);
  printf ("  rows read: %" G_GUINT64_FORMAT " daily, %" G_GUINT64_FORMAT " hourly, %" G_GUINT64_FORMAT
          " reach (%.0f%% of the table rows)\n",
          counts.daily_rows, counts.hourly_rows, counts.reach_rows,
          100.0 * (counts.daily_rows + counts.hourly_rows) / (daily_rows + hourly_rows));
  printf ("  %u objects × rules: %u evaluations, %" G_GUINT64_FORMAT " window sums computed "
          "(shared by all rules), %u decisions, %u held back, %u skipped\n",
          counts.objects, counts.evaluations, counts.window_sums, n_decisions, counts.held_back,
          counts.skipped);
  printf ("  %.2f M table rows judged per second (table rows ÷ run time)\n",
          (daily_rows + hourly_rows) / eval_ms / 1000.0);
  printf ("Recorded run (decisions written and audited): %.1f ms for %u decisions (%.1f ms writing)\n",
          record_ms, fd_triage_report_get_decisions (recorded)->len,
          fd_triage_report_get_counts (recorded)->record_us / 1000.0);

  g_clear_object (&store);
  if (g_getenv ("FD_BENCH_KEEP") != NULL)
    printf ("Kept the workspace database: %s\n", db);
  else
    fd_test_tmpdir_free (g_steal_pointer (&dir));

  /* The target is judged on CPU time: this machine's wall clock also
   * counts its other programs. */
  if (eval_cpu_ms > 1.5 * scan_cpu_ms)
    {
      printf ("MISSED: triage took %.2f × the full scan (CPU time)\n", eval_cpu_ms / scan_cpu_ms);
      return 1;
    }

  return 0;
}
