/* test-backtest.c: replaying rules over a constructed history, and the
 * series a chart of a rule shows
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "fd-backtest.h"
#include "fd-insight-cube.h"
#include "fd-rulebook.h"
#include "fd-target.h"
#include "fd-test-util.h"
#include "fd-triage.h"
#include "rules-fixture.h"

#define TZ "Europe/Berlin"

typedef struct
{
  char    *dir;
  FdStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = fd_test_tmpdir_new ();
  f->store = rf_store_new (f->dir);
  rf_account (f->store, "act_1", "EUR", TZ);
  rf_object (f->store, "c1", "act_1", "campaign", NULL, NULL, "Spring", -1, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  fd_test_tmpdir_free (f->dir);
}

static gint64
add_rule (Fixture    *f,
          const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rules = fd_rulebook_add (f->store, "system", text, FALSE, &error);

  g_assert_no_error (error);
  return fd_rule_get_id (g_ptr_array_index (rules, 0));
}

/* Daily rows for February: spend 100.00 a day, purchase value as given. */
static void
february (Fixture    *f,
          const char *id,
          gint64      daily_budget,
          gint64      (*value_on) (int day))
{
  rf_object (f->store, id, "act_1", "adset", "c1", NULL, id, daily_budget, NULL);

  for (int d = 1; d <= 28; d++)
    {
      g_autofree char *day = g_strdup_printf ("2026-02-%02d", d);

      rf_day (f->store, id, TZ, day, &(RfMetrics) { .spend = 10000, .purchases = 1,
                                                    .purchase_value = value_on (d) });
    }
}

static gint64
dip_on_10_to_12 (int day)
{
  return day >= 10 && day <= 12 ? 10000 : 20000;
}

static gint64
always_good (int day)
{
  return 20000;
}

static gint64
strong_from_20 (int day)
{
  return day >= 20 ? 40000 : 20000;
}

static FdBacktest *
backtest (Fixture    *f,
          gint64      rule_id,
          const char *since,
          const char *until)
{
  g_autoptr(GError) error = NULL;
  FdBacktest *result = fd_backtest_run_rule (f->store, rule_id, since, until, NULL, &error);

  g_assert_no_error (error);
  return result;
}

static void
test_pause_history (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(FdBacktest) result = NULL;
  FdBacktestFiring *firing;
  const FdBacktestTotal *totals;
  guint n_totals;
  gint64 rule = add_rule (f, "rule \"Low ROAS\" level adset when roas(3d) < 1.4 then pause, "
                             "escalate \"account lead\"");

  february (f, "as_dip", 10000, dip_on_10_to_12);
  february (f, "as_fine", 10000, always_good);

  result = backtest (f, rule, "2026-02-05", "2026-02-28");

  /* Daily data: one checkpoint per day and object, at the day's end —
   * 24 for the fine ad set, 7 for the other until its pause (and the one
   * after that ends its replay). */
  g_assert_cmpuint (fd_backtest_get_checkpoints (result), ==, 24 + 8);
  g_assert_cmpuint (fd_backtest_get_n_objects (result), ==, 2);

  /* At the end of the 11th the last three days (9–11) return 400 on 300:
   * 1.33. Paused, the ad set fires no more. */
  g_assert_cmpuint (fd_backtest_get_firings (result)->len, ==, 1);
  firing = g_ptr_array_index (fd_backtest_get_firings (result), 0);
  g_assert_cmpstr (fd_backtest_firing_get_object_id (firing), ==, "as_dip");
  g_assert_cmpint (fd_backtest_firing_get_at (firing), ==, rf_local (TZ, "2026-02-12 00:00"));
  g_assert_cmpstr (fd_backtest_firing_get_explanation (firing), ==, "roas(3d) = 1.33 < 1.4");

  /* The spend it would have avoided: 12–28 February, 17 days of 100.00;
   * the value forgone: 100.00 on the 12th and 200.00 on 16 more days. */
  g_assert_cmpfloat_with_epsilon (fd_backtest_firing_get_spend_effect (firing), -1700, 1e-9);
  g_assert_cmpfloat_with_epsilon (fd_backtest_firing_get_value_effect (firing), -3300, 1e-9);

  totals = fd_backtest_get_totals (result, &n_totals);
  g_assert_cmpuint (n_totals, ==, 1);
  g_assert_cmpstr (totals[0].currency, ==, "EUR");
  g_assert_cmpuint (totals[0].firings, ==, 1);
  g_assert_cmpfloat_with_epsilon (totals[0].spend_avoided, 1700, 1e-9);
  g_assert_cmpfloat_with_epsilon (totals[0].value_forgone, 3300, 1e-9);
  g_assert_cmpfloat (totals[0].spend_added, ==, 0);
}

static void
test_budget_history (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(FdBacktest) result = NULL;
  GPtrArray *firings;
  const FdBacktestTotal *totals;
  guint n_totals;
  static const char * const when[] = {
    "2026-02-21 00:00", "2026-02-23 00:00", "2026-02-25 00:00", "2026-02-27 00:00", "2026-03-01 00:00",
  };
  static const double effect[] = { 160, 144, 24, 0, 0 };
  gint64 rule = add_rule (f, "rule \"Scale\" level adset when roas(1d) > 3 then budget +20% max 150 "
                             "cooldown 2d");

  february (f, "as_strong", 10000, strong_from_20);
  result = backtest (f, rule, "2026-02-01", "2026-02-28");
  firings = fd_backtest_get_firings (result);

  /* From the 20th, every two days (the cooldown). The budget goes
   * 100 → 120 → 144 → 150 (capped) and stays; each firing adds its change
   * on the actual spend to the end: 20% of 800, 24% of 600, 6% of 400. */
  g_assert_cmpuint (firings->len, ==, G_N_ELEMENTS (when));
  for (guint i = 0; i < firings->len; i++)
    {
      FdBacktestFiring *firing = g_ptr_array_index (firings, i);

      g_assert_cmpint (fd_backtest_firing_get_at (firing), ==, rf_local (TZ, when[i]));
      g_assert_cmpfloat_with_epsilon (fd_backtest_firing_get_spend_effect (firing), effect[i], 1e-9);
      g_assert_cmpstr (fd_backtest_firing_get_actions (firing)[0], ==, "budget +20% max 150");
    }

  totals = fd_backtest_get_totals (result, &n_totals);
  g_assert_cmpfloat_with_epsilon (totals[0].spend_added, 328, 1e-9);
  g_assert_cmpfloat (totals[0].spend_avoided, ==, 0);
}

static void
test_hourly_checkpoints (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(FdBacktest) result = NULL;
  gint64 rule = add_rule (f, "rule \"Hot hour\" level adset when spend(1h) > 10 then notify cooldown 0h");

  rf_object (f->store, "as_h", "act_1", "adset", "c1", NULL, "Hourly", 10000, NULL);
  for (int d = 20; d <= 26; d++)
    {
      g_autofree char *day = g_strdup_printf ("2026-02-%02d", d);

      rf_day (f->store, "as_h", TZ, day, &(RfMetrics) { .spend = 2400 });
    }
  /* Two days by the hour; at 09:00–10:00 on the 28th it spent 50.00. */
  rf_hours (f->store, "as_h", TZ, "2026-02-27 00:00", "2026-03-01 00:00", &(RfMetrics) { .spend = 100 });
  rf_hours (f->store, "as_h", TZ, "2026-02-28 09:00", "2026-02-28 10:00", &(RfMetrics) { .spend = 4900 });

  result = backtest (f, rule, "2026-02-20", "2026-02-28");

  /* 7 daily checkpoints, then 24 hourly ones on each of the last two days;
   * only the hour ending at 10:00 on the 28th fires. */
  g_assert_cmpuint (fd_backtest_get_checkpoints (result), ==, 7 + 48);
  g_assert_cmpuint (fd_backtest_get_firings (result)->len, ==, 1);
  g_assert_cmpint (fd_backtest_firing_get_at (g_ptr_array_index (fd_backtest_get_firings (result), 0)),
                   ==, rf_local (TZ, "2026-02-28 10:00"));
}

static void
test_missing_target (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(FdBacktest) result = NULL;
  gint64 rule = add_rule (f, "rule \"CPA\" level adset when cpa(1d) > target_cpa then notify");

  february (f, "as_dip", 10000, dip_on_10_to_12);
  result = backtest (f, rule, "2026-02-01", "2026-02-28");

  g_assert_cmpuint (fd_backtest_get_firings (result)->len, ==, 0);
  g_assert_cmpuint (fd_backtest_get_notices (result)->len, ==, 1);
  g_assert_cmpstr (fd_triage_notice_get_kind (g_ptr_array_index (fd_backtest_get_notices (result), 0)),
                   ==, "missing-target");
}

static void
test_bad_range (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 rule = add_rule (f, "rule \"CPA\" level adset when cpa(1d) > 5 then notify");

  g_assert_null (fd_backtest_run_rule (f->store, rule, "2026-02-10", "2026-02-01", NULL, &error));
  g_assert_nonnull (strstr (error->message, "ends before it begins"));
  g_clear_error (&error);
  g_assert_null (fd_backtest_run_rule (f->store, rule, "2026-02-30", "2026-03-01", NULL, &error));
  g_assert_nonnull (strstr (error->message, "“2026-02-30” is not a date"));
}

static void
test_series (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdTriageSeries) series = NULL;
  g_autoptr(FdTriageReport) report = NULL;
  gint64 rule = add_rule (f, "rule \"CPA over target\" level adset when cpa(1d) > target_cpa * 1.4 for 48h "
                             "then notify");
  const double *cpa, *threshold;
  const gboolean *held;
  guint n;

  fd_target_set (f->store, "system", "c1", FD_TARGET_SET, 2000, FD_TARGET_KEEP, 0, &error);
  g_assert_no_error (error);
  rf_object (f->store, "as_s", "act_1", "adset", "c1", NULL, "Charted", 10000, NULL);

  /* CPA 20.00 until the 24th, 30.00 from the 25th. */
  for (int d = 20; d <= 28; d++)
    {
      g_autofree char *day = g_strdup_printf ("2026-02-%02d", d);

      rf_day (f->store, "as_s", TZ, day, &(RfMetrics) { .spend = d < 25 ? 2000 : 3000, .purchases = 1 });
    }

  fd_rulebook_set_enabled (f->store, "system", rule, TRUE, &error);
  report = fd_triage_run (f->store, rf_local (TZ, "2026-02-27 00:00"), "manual", FD_TRIAGE_RUN_DEFAULT,
                          NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fd_triage_report_get_decisions (report)->len, ==, 1);

  series = fd_triage_series_load (f->store, rule, "as_s", rf_local (TZ, "2026-02-22 00:00"),
                                  rf_local (TZ, "2026-03-01 00:00"), NULL, &error);
  g_assert_no_error (error);

  /* Daily checkpoints from the 22nd to the 1st: 8 points, two lines. */
  n = fd_triage_series_get_n_points (series);
  g_assert_cmpuint (n, ==, 8);
  g_assert_cmpuint (fd_triage_series_get_n_lines (series), ==, 2);
  g_assert_cmpstr (fd_triage_series_get_line_label (series, 0), ==, "cpa(1d)");
  g_assert_cmpstr (fd_triage_series_get_line_role (series, 0), ==, "value");
  g_assert_cmpstr (fd_triage_series_get_line_label (series, 1), ==, "target_cpa * 1.4");
  g_assert_cmpstr (fd_triage_series_get_line_role (series, 1), ==, "threshold");
  g_assert_cmpint (fd_triage_series_get_line_unit (series, 1), ==, FD_RULE_UNIT_MONEY);
  g_assert_cmpstr (fd_triage_series_get_currency (series), ==, "EUR");

  cpa = fd_triage_series_get_line_values (series, 0);
  threshold = fd_triage_series_get_line_values (series, 1);
  held = fd_triage_series_get_held (series);

  /* Point i is the end of day 21 + i: CPA is that day's. The rule holds
   * once two days in a row are above 28.00: at the end of the 26th. */
  for (guint i = 0; i < n; i++)
    {
      int day = 21 + (int)i;

      g_assert_cmpint (fd_triage_series_get_times (series)[i], ==,
                       rf_local (TZ, "2026-02-22 00:00") + (gint64)i * G_TIME_SPAN_DAY);
      g_assert_cmpfloat_with_epsilon (threshold[i], 28, 1e-12);
      if (day <= 28)
        g_assert_cmpfloat_with_epsilon (cpa[i], day < 25 ? 20 : 30, 1e-12);
      else
        g_assert_true (isnan (cpa[i]));   /* no data on 1 March */
      g_assert_cmpint (held[i], ==, day >= 26 && day <= 28);
    }

  /* Would fire at the end of the 26th, 27th and 28th (the cooldown is a
   * day); did fire once, at the run above. */
  g_assert_cmpuint (fd_triage_series_get_firings (series)->len, ==, 3);
  g_assert_cmpuint (fd_triage_series_get_decisions (series)->len, ==, 1);
  g_assert_cmpint (g_array_index (fd_triage_series_get_decisions (series), gint64, 0), ==,
                   rf_local (TZ, "2026-02-27 00:00"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/rules/backtest/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("pause-history", test_pause_history);
  ADD ("budget-history", test_budget_history);
  ADD ("hourly-checkpoints", test_hourly_checkpoints);
  ADD ("missing-target", test_missing_target);
  ADD ("bad-range", test_bad_range);
  ADD ("series", test_series);

#undef ADD

  return g_test_run ();
}
