/* test-rule-eval.c: what rules mean — windows, metrics, persistence, decay,
 * and the four rules of the spec on insights with known answers
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "fd-insight-cube.h"
#include "fd-ownership.h"
#include "fd-rule-eval.h"
#include "fd-rule-parser.h"
#include "fd-rulebook.h"
#include "fd-target.h"
#include "fd-test-util.h"
#include "fd-triage.h"
#include "rules-fixture.h"

#define TZ "Europe/Berlin"
#define AT "2026-03-10 14:20"

typedef struct
{
  char    *dir;
  FdStore *store;
  gint64   at;
  gint64   leo;
  gint64   dana;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = fd_test_tmpdir_new ();
  f->store = rf_store_new (f->dir);
  f->at = rf_local (TZ, AT);
  f->leo = rf_person (f->store, "Leo Martins", "leo@example.com", "account-lead");
  f->dana = rf_person (f->store, "Dana Whitfield", "dana@example.com", "media-buyer");
  fd_ownership_set (f->store, "system", "triage.daily", f->dana, 0, &error);
  g_assert_no_error (error);

  rf_account (f->store, "act_1", "EUR", TZ);
  rf_object (f->store, "c1", "act_1", "campaign", NULL, NULL, "Spring", -1, NULL);
  rf_object (f->store, "c2", "act_1", "campaign", NULL, NULL, "Untargeted", -1, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  fd_test_tmpdir_free (f->dir);
}

static void
add_rules (Fixture    *f,
           const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rules = fd_rulebook_add (f->store, "system", text, TRUE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rules);
}

static void
set_cpa_target (Fixture    *f,
                const char *object,
                gint64      minor)
{
  g_autoptr(GError) error = NULL;

  fd_target_set (f->store, "system", object, FD_TARGET_SET, minor, FD_TARGET_KEEP, 0, &error);
  g_assert_no_error (error);
}

static FdTriageReport *
dry_run (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  FdTriageReport *report = fd_triage_run (f->store, f->at, "manual", FD_TRIAGE_RUN_DRY, NULL, NULL, &error);

  g_assert_no_error (error);
  return report;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* "a,b,c": the objects a report's decisions are about, sorted. */
static char *
fired_on (FdTriageReport *report)
{
  GPtrArray *decisions = fd_triage_report_get_decisions (report);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; i < decisions->len; i++)
    g_ptr_array_add (ids, (char *)fd_triage_decision_get_object_id (g_ptr_array_index (decisions, i)));
  g_ptr_array_sort (ids, compare_strings);
  g_ptr_array_add (ids, NULL);

  return g_strjoinv (",", (char **)ids->pdata);
}

static FdTriageDecision *
decision_for (FdTriageReport *report,
              const char     *object_id)
{
  GPtrArray *decisions = fd_triage_report_get_decisions (report);

  for (guint i = 0; i < decisions->len; i++)
    if (g_str_equal (fd_triage_decision_get_object_id (g_ptr_array_index (decisions, i)), object_id))
      return g_ptr_array_index (decisions, i);

  g_assert_not_reached ();
}

static double
metric (FdTriageDecision *decision,
        const char       *name)
{
  JsonObject *metrics = fd_triage_decision_get_metrics (decision);

  g_assert_true (json_object_has_member (metrics, name));
  return json_object_get_double_member (metrics, name);
}

static gboolean
has_notice (FdTriageReport *report,
            const char     *object_id,
            const char     *kind)
{
  GPtrArray *notices = fd_triage_report_get_notices (report);

  for (guint i = 0; i < notices->len; i++)
    if (g_strcmp0 (fd_triage_notice_get_object_id (g_ptr_array_index (notices, i)), object_id) == 0 &&
        g_str_equal (fd_triage_notice_get_kind (g_ptr_array_index (notices, i)), kind))
      return TRUE;

  return FALSE;
}

static void
adset (Fixture    *f,
       const char *id,
       const char *campaign,
       const char *status)
{
  rf_object (f->store, id, "act_1", "adset", campaign, NULL, id, 10000, status);
}

static void
days (Fixture    *f,
      const char *object,
      int         first,
      int         last,
      RfMetrics   m)
{
  for (int d = first; d <= last; d++)
    {
      g_autofree char *day = g_strdup_printf ("2026-03-%02d", d);

      rf_day (f->store, object, TZ, day, &m);
    }
}

/*
 * Windows
 */

static FdInsightCube *
load_cube (Fixture     *f,
           FdRuleLevel  level,
           gint64       at,
           const char  *rule_text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdRuleDef) def = fd_rule_parse_one (rule_text, &error);
  g_autoptr(FdRulePlanner) planner = fd_rule_planner_new (level);
  FdInsightCube *cube;

  g_assert_no_error (error);
  fd_rule_planner_add_rule (planner, def, at);
  cube = fd_insight_cube_load (f->store, fd_rule_planner_get_plan (planner), &error);
  g_assert_no_error (error);

  return cube;
}

static double
spend_at (FdInsightCube *cube,
          const char    *object,
          gint64         window,
          gint64         at)
{
  g_autoptr(FdRuleEval) eval = fd_rule_eval_new (cube);

  fd_rule_eval_set_object (eval, fd_insight_cube_find_object (cube, object));
  return fd_rule_eval_metric (eval, 0 /* spend */, window, at, NULL);
}

static void
test_windows (Fixture       *f,
              gconstpointer  data)
{
  RfMetrics hour = { .impressions = 10, .spend = 100 };
  RfMetrics day = { .impressions = 240, .spend = 10000 };
  const char *rule = "rule \"W\" level adset when spend(3d) > 0 and spend(1d) > 0 and spend(2d) > 0 then notify";
  g_autoptr(FdInsightCube) cube = NULL;
  g_autoptr(FdInsightCube) midnight = NULL;
  gint64 at_midnight = rf_local (TZ, "2026-03-10 00:00");

  adset (f, "hourly", "c1", NULL);
  adset (f, "daily", "c1", NULL);
  adset (f, "today", "c1", NULL);

  /* 1.00 an hour, every hour up to 15:00 today. */
  rf_hours (f->store, "hourly", TZ, "2026-03-01 00:00", "2026-03-10 15:00", &hour);
  /* 100.00 a day, daily rows only. */
  days (f, "daily", 1, 10, day);
  /* Daily rows before today; hourly rows for today only. */
  days (f, "today", 1, 9, day);
  rf_hours (f->store, "today", TZ, "2026-03-10 00:00", "2026-03-10 15:00", &hour);

  cube = load_cube (f, FD_RULE_LEVEL_ADSET, f->at, rule);

  /* With hourly data a window is the hours that began inside it: the 72
   * hours before 14:20 are 15:00 three days ago … 14:00 today. */
  g_assert_cmpfloat (spend_at (cube, "hourly", 3 * G_TIME_SPAN_DAY, f->at), ==, 72);
  g_assert_cmpfloat (spend_at (cube, "hourly", G_TIME_SPAN_DAY, f->at), ==, 24);
  g_assert_cmpfloat (spend_at (cube, "hourly", 2 * G_TIME_SPAN_DAY, f->at), ==, 48);

  /* With daily data only: the days that began inside it (today so far and
   * the days before). */
  g_assert_cmpfloat (spend_at (cube, "daily", 3 * G_TIME_SPAN_DAY, f->at), ==, 300);
  g_assert_cmpfloat (spend_at (cube, "daily", G_TIME_SPAN_DAY, f->at), ==, 100);

  /* Mixed: the day cut at the start has no hourly rows and began before
   * the window (left out); whole days from daily rows; today by the hour. */
  g_assert_cmpfloat (spend_at (cube, "today", 3 * G_TIME_SPAN_DAY, f->at), ==, 200 + 15);

  /* At midnight every window is whole days. */
  midnight = load_cube (f, FD_RULE_LEVEL_ADSET, at_midnight, rule);
  g_assert_cmpfloat (spend_at (midnight, "hourly", 3 * G_TIME_SPAN_DAY, at_midnight), ==, 72);
  g_assert_cmpfloat (spend_at (midnight, "daily", 3 * G_TIME_SPAN_DAY, at_midnight), ==, 300);
  g_assert_cmpfloat (spend_at (midnight, "today", G_TIME_SPAN_DAY, at_midnight), ==, 100);
}

static void
test_windows_across_dst (Fixture       *f,
                         gconstpointer  data)
{
  RfMetrics hour = { .impressions = 10, .spend = 100 };
  const char *rule = "rule \"W\" level adset when spend(1d) > 0 and spend(2d) > 0 then notify";
  gint64 at = rf_local (TZ, "2026-03-30 00:00");
  g_autoptr(FdInsightCube) cube = NULL;

  adset (f, "dst", "c1", NULL);

  /* 29 March 2026 has 23 hours in Berlin: clocks jump from 02:00 to 03:00. */
  rf_hours (f->store, "dst", TZ, "2026-03-28 00:00", "2026-03-30 00:00", &hour);
  g_assert_cmpint (rf_query_int (f->store, "SELECT count(*) FROM insight_hourly WHERE day = '2026-03-29'"), ==, 23);

  cube = load_cube (f, FD_RULE_LEVEL_ADSET, at, rule);

  /* A day in a window is 24 hours: at midnight after the short day, 1d
   * reaches back to 23:00 on the 28th … */
  g_assert_cmpfloat (spend_at (cube, "dst", G_TIME_SPAN_DAY, at), ==, 24);
  /* … and 2d holds every hour there is: 24 + 23. */
  g_assert_cmpfloat (spend_at (cube, "dst", 2 * G_TIME_SPAN_DAY, at), ==, 47);
}

/*
 * The four rules of the spec
 */

static const char low_roas[] =
  "rule \"Low ROAS\"\n"
  "  level adset\n"
  "  when roas(3d) < 1.4\n"
  "  then pause, escalate \"account lead\"\n";

static void
test_low_roas (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(FdTriageReport) report = NULL;
  g_autofree char *fired = NULL;
  FdTriageDecision *d;

  add_rules (f, low_roas);

  /* ROAS 1.3 over the three days; the day before is a windfall that a
   * window too wide would include. */
  adset (f, "a_low", "c1", NULL);
  days (f, "a_low", 7, 7, (RfMetrics) { .spend = 10000, .purchase_value = 1000000 });
  days (f, "a_low", 8, 10, (RfMetrics) { .spend = 10000, .purchase_value = 13000 });

  /* Exactly 1.4: not below. */
  adset (f, "b_edge", "c1", NULL);
  days (f, "b_edge", 8, 10, (RfMetrics) { .spend = 10000, .purchase_value = 14000 });

  /* Nothing spent: ROAS has no data, and no data compares false. */
  adset (f, "c_nospend", "c1", NULL);
  days (f, "c_nospend", 8, 10, (RfMetrics) { .impressions = 500 });

  /* Hourly data: the hours of the 7th before 14:20 sold a lot, but they
   * lie outside the 72 hours; inside, ROAS is 1.3. */
  adset (f, "d_hourly", "c1", NULL);
  rf_hours (f->store, "d_hourly", TZ, "2026-03-06 00:00", "2026-03-07 15:00",
            &(RfMetrics) { .spend = 100, .purchase_value = 10000 });
  rf_hours (f->store, "d_hourly", TZ, "2026-03-07 15:00", "2026-03-10 15:00",
            &(RfMetrics) { .spend = 100, .purchase_value = 130 });

  /* Already paused: nothing to pause. */
  adset (f, "e_paused", "c1", "PAUSED");
  days (f, "e_paused", 8, 10, (RfMetrics) { .spend = 10000, .purchase_value = 5000 });

  /* An ad and a campaign with low ROAS: not the rule's level. */
  rf_object (f->store, "f_ad", "act_1", "ad", "c1", "a_low", "Ad", -1, NULL);
  days (f, "f_ad", 8, 10, (RfMetrics) { .spend = 10000, .purchase_value = 1000 });
  days (f, "c1", 8, 10, (RfMetrics) { .spend = 10000, .purchase_value = 1000 });

  report = dry_run (f);
  fired = fired_on (report);
  g_assert_cmpstr (fired, ==, "a_low,d_hourly");

  d = decision_for (report, "a_low");
  g_assert_cmpfloat_with_epsilon (metric (d, "roas(3d)"), 1.3, 1e-12);
  g_assert_cmpstr (fd_triage_decision_get_rule_name (d), ==, "Low ROAS");
  g_assert_cmpstr (fd_triage_decision_get_actions (d)[0], ==, "pause");
  g_assert_cmpstr (fd_triage_decision_get_actions (d)[1], ==, "escalate \"account lead\"");
  g_assert_null (fd_triage_decision_get_actions (d)[2]);
  g_assert_cmpint (fd_triage_decision_get_state (d), ==, FD_TRIAGE_STATE_PROPOSED);
  g_assert_cmpstr (fd_triage_decision_get_explanation (d), ==, "roas(3d) = 1.3 < 1.4");

  d = decision_for (report, "d_hourly");
  g_assert_cmpfloat_with_epsilon (metric (d, "roas(3d)"), 1.3, 1e-12);
}

static const char creative_fatigue[] =
  "rule \"Creative fatigue\"\n"
  "  level ad\n"
  "  when frequency(7d) > 4.0 and decay(ctr, 7d) > 25%\n"
  "  then queue_replacement\n";

/* Daily rows for an ad: an old stretch (a decoy), the 7 days before the
 * last 7 (CTR before), the last 7 (CTR now). */
static void
fatigue_ad (Fixture *f,
            const char *id,
            gint64      clicks_before,
            gint64      impressions_before,
            gint64      clicks_now,
            gint64      reach_per_day)
{
  static const char * const before[] = { "02-25", "02-26", "02-27", "02-28", "03-01", "03-02", "03-03" };

  rf_object (f->store, id, "act_1", "ad", "c1", "as1", id, -1, NULL);

  for (int d = 18; d <= 24; d++)
    {
      g_autofree char *day = g_strdup_printf ("2026-02-%02d", d);

      rf_day (f->store, id, TZ, day, &(RfMetrics) { .impressions = 1000, .link_clicks = 900, .reach = 900 });
    }

  for (guint i = 0; i < G_N_ELEMENTS (before); i++)
    {
      g_autofree char *day = g_strdup_printf ("2026-%s", before[i]);

      rf_day (f->store, id, TZ, day, &(RfMetrics) { .impressions = impressions_before,
                                                    .link_clicks = clicks_before,
                                                    .reach = reach_per_day });
    }

  days (f, id, 4, 10, (RfMetrics) { .impressions = 1000, .link_clicks = clicks_now, .reach = reach_per_day });
}

static void
test_creative_fatigue (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(FdTriageReport) report = NULL;
  g_autofree char *fired = NULL;
  FdTriageDecision *d;

  add_rules (f, creative_fatigue);
  rf_object (f->store, "as1", "act_1", "adset", "c1", NULL, "Set", 10000, NULL);

  /* CTR 2% → 1.4%: a 30% decay; Meta's deduplicated reach gives 4.5. */
  fatigue_ad (f, "ad1", 20, 1000, 14, 200);
  rf_reach (f->store, "ad1", "2026-03-10", 7, 1000, 4500);

  /* Frequency 4.5 but only 20% decay. */
  fatigue_ad (f, "ad2", 20, 1000, 16, 200);
  rf_reach (f->store, "ad2", "2026-03-10", 7, 1000, 4500);

  /* 30% decay but frequency 3.9. */
  fatigue_ad (f, "ad3", 20, 1000, 14, 200);
  rf_reach (f->store, "ad3", "2026-03-10", 7, 1000, 3900);

  /* No deduplicated reach: Σ impressions ÷ Σ daily reach = 7000 ÷ 1498,
   * a lower bound — an estimate. */
  fatigue_ad (f, "ad4", 20, 1000, 14, 214);

  /* Nothing shown the week before: CTR then has no data, nor has decay. */
  fatigue_ad (f, "ad5", 0, 0, 14, 200);
  rf_reach (f->store, "ad5", "2026-03-10", 7, 1000, 4500);

  report = dry_run (f);
  fired = fired_on (report);
  g_assert_cmpstr (fired, ==, "ad1,ad4");

  d = decision_for (report, "ad1");
  g_assert_cmpfloat_with_epsilon (metric (d, "frequency(7d)"), 4.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (metric (d, "decay(ctr, 7d)"), 30, 1e-9);
  g_assert_null (fd_triage_decision_get_estimates (d)[0]);

  d = decision_for (report, "ad4");
  g_assert_cmpfloat_with_epsilon (metric (d, "frequency(7d)"), 7000.0 / 1498, 1e-12);
  g_assert_cmpstr (fd_triage_decision_get_estimates (d)[0], ==, "frequency(7d)");
  g_assert_cmpstr (fd_triage_decision_get_actions (d)[0], ==, "queue_replacement");
}

static const char cpa_over_target[] =
  "rule \"CPA over target\"\n"
  "  level adset\n"
  "  when cpa(1d) > target_cpa * 1.4 for 48h\n"
  "  then budget -30%, notify\n";

static void
test_cpa_over_target (Fixture       *f,
                      gconstpointer  data)
{
  RfMetrics hot = { .impressions = 1000, .spend = 3000, .purchases = 1 };
  g_autoptr(FdTriageReport) report = NULL;
  g_autofree char *fired = NULL;
  FdTriageDecision *d;

  add_rules (f, cpa_over_target);
  set_cpa_target (f, "c1", 2000);   /* 20.00 EUR: the threshold is 28.00 */

  /* CPA 30.00 at every hour. */
  adset (f, "g_hot", "c1", NULL);
  rf_hours (f->store, "g_hot", TZ, "2026-03-07 00:00", "2026-03-10 15:00", &hot);

  /* The same, except that at the checkpoint 04:20 today (10 hours ago) the
   * last 24 hours hold ten extra purchases at 04:00 and not yet the extra
   * spend of 05:00: CPA 21.18 there, above 28 everywhere else. One hour
   * breaks the 48. */
  adset (f, "h_broken", "c1", NULL);
  rf_hours (f->store, "h_broken", TZ, "2026-03-07 00:00", "2026-03-10 15:00", &hot);
  rf_hours (f->store, "h_broken", TZ, "2026-03-10 04:00", "2026-03-10 05:00", &(RfMetrics) { .purchases = 10 });
  rf_hours (f->store, "h_broken", TZ, "2026-03-10 05:00", "2026-03-10 06:00", &(RfMetrics) { .spend = 30000 });

  /* No target on the ad set or its campaign. */
  adset (f, "i_notarget", "c2", NULL);
  rf_hours (f->store, "i_notarget", TZ, "2026-03-07 00:00", "2026-03-10 15:00", &hot);

  /* Daily data only: daily checkpoints now and 24 hours ago, i.e. today
   * and yesterday; both at CPA 30. */
  adset (f, "j_daily", "c1", NULL);
  days (f, "j_daily", 8, 8, (RfMetrics) { .spend = 10000, .purchases = 10 });
  days (f, "j_daily", 9, 10, (RfMetrics) { .spend = 30000, .purchases = 10 });

  /* Daily only, but yesterday's CPA was 10. */
  adset (f, "k_daily", "c1", NULL);
  days (f, "k_daily", 9, 9, (RfMetrics) { .spend = 10000, .purchases = 10 });
  days (f, "k_daily", 10, 10, (RfMetrics) { .spend = 30000, .purchases = 10 });

  report = dry_run (f);
  fired = fired_on (report);
  g_assert_cmpstr (fired, ==, "g_hot,j_daily");

  d = decision_for (report, "g_hot");
  g_assert_cmpfloat_with_epsilon (metric (d, "cpa(1d)"), 30, 1e-12);
  g_assert_cmpfloat_with_epsilon (metric (d, "target_cpa"), 20, 1e-12);
  g_assert_cmpstr (fd_triage_decision_get_actions (d)[0], ==, "budget -30%");
  g_assert_cmpstr (fd_triage_decision_get_actions (d)[1], ==, "notify");
  g_assert_cmpstr (fd_triage_decision_get_explanation (d), ==,
                   "cpa(1d) = 30.00 EUR > target_cpa * 1.4 = 28.00 EUR — held at all 48 hourly "
                   "checkpoints of the last 48h");

  d = decision_for (report, "j_daily");
  g_assert_nonnull (strstr (fd_triage_decision_get_explanation (d), "all 2 daily checkpoints"));

  /* The missing target is a notice, not a firing. */
  g_assert_true (has_notice (report, "i_notarget", FD_TRIAGE_NOTICE_MISSING_TARGET));
  g_assert_false (has_notice (report, "g_hot", FD_TRIAGE_NOTICE_MISSING_TARGET));
}

static void
test_broken_hour_leaves_the_span (Fixture       *f,
                                  gconstpointer  data)
{
  RfMetrics hot = { .impressions = 1000, .spend = 3000, .purchases = 1 };
  g_autoptr(FdTriageReport) report = NULL;
  g_autofree char *fired = NULL;

  /* Only the last 6 hours must hold: the broken checkpoint (04:20) is
   * older, so the same data fires. */
  add_rules (f, "rule \"CPA 6h\" level adset when cpa(1d) > target_cpa * 1.4 for 6h then notify");
  set_cpa_target (f, "c1", 2000);
  adset (f, "h_broken", "c1", NULL);
  rf_hours (f->store, "h_broken", TZ, "2026-03-07 00:00", "2026-03-10 15:00", &hot);
  rf_hours (f->store, "h_broken", TZ, "2026-03-10 04:00", "2026-03-10 05:00", &(RfMetrics) { .purchases = 10 });
  rf_hours (f->store, "h_broken", TZ, "2026-03-10 05:00", "2026-03-10 06:00", &(RfMetrics) { .spend = 30000 });

  report = dry_run (f);
  fired = fired_on (report);
  g_assert_cmpstr (fired, ==, "h_broken");
}

static const char scale_winners[] =
  "rule \"Scale winners\"\n"
  "  level adset\n"
  "  when ctr(1d) > 3.5% for 48h and cpa(1d) < target_cpa\n"
  "  then budget +20%\n";

static void
test_scale_winners (Fixture       *f,
                    gconstpointer  data)
{
  RfMetrics good = { .impressions = 1000, .link_clicks = 40, .spend = 1000, .purchases = 1 };
  RfMetrics dear = { .impressions = 1000, .link_clicks = 40, .spend = 2500, .purchases = 1 };
  g_autoptr(FdTriageReport) report = NULL;
  g_autofree char *fired = NULL;
  FdTriageDecision *d;

  add_rules (f, scale_winners);
  set_cpa_target (f, "c1", 2000);

  /* CTR 4%, CPA 10.00 at every hour. */
  adset (f, "k_winner", "c1", NULL);
  rf_hours (f->store, "k_winner", TZ, "2026-03-07 00:00", "2026-03-10 15:00", &good);

  /* CTR drops to 2.82% at one checkpoint (04:20): 10 000 impressions
   * without a click at 04:00, 500 clicks only at 05:00. */
  adset (f, "l_dip", "c1", NULL);
  rf_hours (f->store, "l_dip", TZ, "2026-03-07 00:00", "2026-03-10 15:00", &good);
  rf_hours (f->store, "l_dip", TZ, "2026-03-10 04:00", "2026-03-10 05:00", &(RfMetrics) { .impressions = 10000 });
  rf_hours (f->store, "l_dip", TZ, "2026-03-10 05:00", "2026-03-10 06:00", &(RfMetrics) { .link_clicks = 500 });

  /* CTR fine, but CPA 25.00 is above the 20.00 target. */
  adset (f, "m_dear", "c1", NULL);
  rf_hours (f->store, "m_dear", TZ, "2026-03-07 00:00", "2026-03-10 15:00", &dear);

  /* Fine on both, but its campaign has no target. */
  adset (f, "n_notarget", "c2", NULL);
  rf_hours (f->store, "n_notarget", TZ, "2026-03-07 00:00", "2026-03-10 15:00", &good);

  report = dry_run (f);
  fired = fired_on (report);
  g_assert_cmpstr (fired, ==, "k_winner");

  d = decision_for (report, "k_winner");
  g_assert_cmpfloat_with_epsilon (metric (d, "ctr(1d)"), 4, 1e-12);
  g_assert_cmpfloat_with_epsilon (metric (d, "cpa(1d)"), 10, 1e-12);
  g_assert_cmpstr (fd_triage_decision_get_actions (d)[0], ==, "budget +20%");
  g_assert_true (has_notice (report, "n_notarget", FD_TRIAGE_NOTICE_MISSING_TARGET));
}

/*
 * The language beyond the spec's rules
 */

static void
test_operators (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(FdTriageReport) report = NULL;
  g_autofree char *fired = NULL;

  /* o1: CPC today 2.00 vs 1.00 over the week before — metric vs metric;
   * o2: CPC steady, ROAS 0.5; o3: nothing spent (no data). */
  add_rules (f,
             "rule \"CPC spike\" level adset\n"
             "  when cpc(1d) > cpc(7d) * 150% and not (roas(3d) < 1 or spend(1d) = 0)\n"
             "  then notify\n"
             "rule \"Negative\" level adset\n"
             "  when -roas(1d) + 2 * roas(1d) - roas(1d) / 2 < 0.3 and cvr(1d) >= 5%\n"
             "  then notify\n"
             "rule \"No data is false\" level adset\n"
             "  when roas(3d) < 1000\n"
             "  then notify\n"
             "rule \"Not of no data is true\" level adset\n"
             "  when not roas(3d) >= 0 and spend(3d) == 0\n"
             "  then notify\n");

  adset (f, "o1", "c1", NULL);
  days (f, "o1", 3, 9, (RfMetrics) { .spend = 10000, .link_clicks = 100, .purchases = 10, .purchase_value = 40000 });
  days (f, "o1", 10, 10, (RfMetrics) { .spend = 20000, .link_clicks = 100, .purchases = 10, .purchase_value = 40000 });

  adset (f, "o2", "c1", NULL);
  days (f, "o2", 3, 10, (RfMetrics) { .spend = 10000, .link_clicks = 100, .purchases = 5, .purchase_value = 5000 });

  adset (f, "o3", "c1", NULL);
  days (f, "o3", 3, 10, (RfMetrics) { .impressions = 100 });

  report = dry_run (f);
  g_assert_cmpuint (fd_triage_report_get_decisions (report)->len, ==, 5);

  /* o1: CPC(1d) 2.00 > CPC(7d) 1.14 × 1.5 = 1.71; ROAS(3d) 1.6. */
  for (guint i = 0; i < fd_triage_report_get_decisions (report)->len; i++)
    {
      FdTriageDecision *d = g_ptr_array_index (fd_triage_report_get_decisions (report), i);
      const char *rule = fd_triage_decision_get_rule_name (d);
      const char *object = fd_triage_decision_get_object_id (d);

      if (g_str_equal (rule, "CPC spike"))
        g_assert_cmpstr (object, ==, "o1");
      else if (g_str_equal (rule, "Negative"))
        /* ½·ROAS < 0.3 ⇔ ROAS < 0.6, and CVR 5% — o2 only. */
        g_assert_cmpstr (object, ==, "o2");
      else if (g_str_equal (rule, "No data is false"))
        g_assert_true (g_str_equal (object, "o1") || g_str_equal (object, "o2"));
      else
        g_assert_cmpstr (object, ==, "o3");
    }

  fired = fired_on (report);
  g_assert_cmpstr (fired, ==, "o1,o1,o2,o2,o3");
}

static void
test_jpy_money (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(FdTriageReport) report = NULL;
  FdTriageDecision *d;

  rf_account (f->store, "act_392", "JPY", "Asia/Tokyo");
  rf_object (f->store, "jc", "act_392", "campaign", NULL, NULL, "Tokyo", -1, NULL);
  rf_object (f->store, "jas", "act_392", "adset", "jc", NULL, "Tokyo set", 5000, NULL);
  rf_object (f->store, "jas2", "act_392", "adset", "jc", NULL, "Tokyo set 2", 5000, NULL);
  set_cpa_target (f, "jc", 2500);    /* ¥2,500: JPY has no minor unit */

  /* CPA ¥3,000 today (Tokyo's day), ¥2,000 for the other set. */
  rf_day (f->store, "jas", "Asia/Tokyo", "2026-03-10", &(RfMetrics) { .spend = 300000, .purchases = 100 });
  rf_day (f->store, "jas2", "Asia/Tokyo", "2026-03-10", &(RfMetrics) { .spend = 200000, .purchases = 100 });

  add_rules (f, "rule \"Yen\" level adset when cpa(1d) > target_cpa and cpa(1d) > 2999.5 then notify");

  report = dry_run (f);
  g_assert_cmpuint (fd_triage_report_get_decisions (report)->len, ==, 1);
  d = g_ptr_array_index (fd_triage_report_get_decisions (report), 0);
  g_assert_cmpstr (fd_triage_decision_get_object_id (d), ==, "jas");
  g_assert_cmpfloat (metric (d, "cpa(1d)"), ==, 3000);
  g_assert_cmpfloat (metric (d, "target_cpa"), ==, 2500);
  g_assert_cmpstr (fd_triage_decision_get_currency (d), ==, "JPY");
  g_assert_cmpstr (fd_triage_decision_get_explanation (d), ==,
                   "cpa(1d) = 3000 JPY > target_cpa = 2500 JPY; cpa(1d) = 3000 JPY > 2999.5");
}

static void
test_require_guardrail (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(FdTriageReport) report = NULL;
  g_autofree char *fired = NULL;

  add_rules (f,
             "rule \"Low ROAS, with enough data\" level adset\n"
             "  when roas(3d) < 1.4\n"
             "  then notify\n"
             "  require spend(3d) >= 50 and purchases(3d) >= 10\n");

  adset (f, "enough", "c1", NULL);
  days (f, "enough", 8, 10, (RfMetrics) { .spend = 10000, .purchases = 4, .purchase_value = 10000 });
  adset (f, "thin", "c1", NULL);
  days (f, "thin", 8, 10, (RfMetrics) { .spend = 1000, .purchases = 4, .purchase_value = 1000 });

  report = dry_run (f);
  fired = fired_on (report);
  g_assert_cmpstr (fired, ==, "enough");
  g_assert_cmpuint (fd_triage_report_get_counts (report)->held_back, ==, 1);
}

static void
test_campaign_level_and_time_zones (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(FdTriageReport) report = NULL;
  g_autofree char *fired = NULL;

  /* 14:20 in Berlin is 05:20 in Los Angeles: spend(1d) there is the 10th
   * so far, with daily data only. */
  rf_account (f->store, "act_840", "USD", "America/Los_Angeles");
  rf_object (f->store, "la", "act_840", "campaign", NULL, NULL, "LA", 50000, NULL);
  rf_day (f->store, "la", "America/Los_Angeles", "2026-03-09", &(RfMetrics) { .spend = 90000 });
  rf_day (f->store, "la", "America/Los_Angeles", "2026-03-10", &(RfMetrics) { .spend = 1000 });
  days (f, "c1", 10, 10, (RfMetrics) { .spend = 90000 });

  add_rules (f, "rule \"Campaign pacing\" level campaign when spend(1d) > 500 then notify");

  report = dry_run (f);
  fired = fired_on (report);
  g_assert_cmpstr (fired, ==, "c1");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/rules/eval/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("windows", test_windows);
  ADD ("windows-across-dst", test_windows_across_dst);
  ADD ("spec/low-roas", test_low_roas);
  ADD ("spec/creative-fatigue", test_creative_fatigue);
  ADD ("spec/cpa-over-target", test_cpa_over_target);
  ADD ("spec/broken-hour-leaves-the-span", test_broken_hour_leaves_the_span);
  ADD ("spec/scale-winners", test_scale_winners);
  ADD ("operators", test_operators);
  ADD ("jpy-money", test_jpy_money);
  ADD ("require", test_require_guardrail);
  ADD ("campaign-level-and-time-zones", test_campaign_level_and_time_zones);

#undef ADD

  return g_test_run ();
}
