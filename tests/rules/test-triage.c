/* test-triage.c: decisions — recording, carrying out, approval, cooldown,
 * budgets in minor units, what decisions leave behind, and the audit trail
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fd-audit-log.h"
#include "fd-core-error.h"
#include "fd-ownership.h"
#include "fd-replacement-request.h"
#include "fd-rule-parser.h"
#include "fd-rulebook.h"
#include "fd-target.h"
#include "fd-test-util.h"
#include "fd-triage.h"
#include "fd-triage-notification.h"
#include "rules-fixture.h"

#define TZ "Europe/Berlin"

typedef struct
{
  char       *dir;
  FdStore    *store;
  RfExecutor *executor;
  gint64      at;
  gint64      leo;
  gint64      dana;
  gint64      grace;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = fd_test_tmpdir_new ();
  f->store = rf_store_new (f->dir);
  f->executor = rf_executor_new ();
  f->at = rf_local (TZ, "2026-03-10 14:20");
  fd_store_set_now (f->store, f->at + 5 * G_TIME_SPAN_MINUTE);

  f->leo = rf_person (f->store, "Leo Martins", "leo@example.com", "account-lead");
  f->dana = rf_person (f->store, "Dana Whitfield", "dana@example.com", "media-buyer");
  f->grace = rf_person (f->store, "Grace Okafor", "grace@example.com", "legal");
  fd_ownership_set (f->store, "system", "triage.daily", f->dana, 0, &error);
  g_assert_no_error (error);

  rf_account (f->store, "act_1", "EUR", TZ);
  rf_object (f->store, "c1", "act_1", "campaign", NULL, NULL, "Spring", -1, NULL);
  fd_target_set (f->store, "system", "c1", FD_TARGET_SET, 2000, FD_TARGET_SET, 2.5, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->executor);
  g_clear_object (&f->store);
  fd_test_tmpdir_free (f->dir);
}

static gint64
add_rule (Fixture    *f,
          const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rules = fd_rulebook_add (f->store, "person:1", text, TRUE, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rules->len, ==, 1);
  return fd_rule_get_id (g_ptr_array_index (rules, 0));
}

/* An ad set whose ROAS over the last three days is 1.3. */
static void
low_roas_adset (Fixture    *f,
                const char *id,
                gint64      daily_budget)
{
  rf_object (f->store, id, "act_1", "adset", "c1", NULL, id, daily_budget, NULL);
  for (int d = 8; d <= 10; d++)
    {
      g_autofree char *day = g_strdup_printf ("2026-03-%02d", d);

      rf_day (f->store, id, TZ, day, &(RfMetrics) { .spend = 10000, .purchases = 2, .purchase_value = 13000 });
    }
}

static FdTriageReport *
run_at (Fixture          *f,
        gint64            at,
        FdTriageExecutor *executor)
{
  g_autoptr(GError) error = NULL;
  FdTriageReport *report = fd_triage_run (f->store, at, "manual", FD_TRIAGE_RUN_DEFAULT,
                                          executor, NULL, &error);

  g_assert_no_error (error);
  return report;
}

static FdTriageDecision *
only_decision (FdTriageReport *report)
{
  g_assert_cmpuint (fd_triage_report_get_decisions (report)->len, ==, 1);
  return g_ptr_array_index (fd_triage_report_get_decisions (report), 0);
}

static void
assert_calls (Fixture    *f,
              const char *expected)
{
  GPtrArray *calls = rf_executor_get_calls (f->executor);
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; i < calls->len; i++)
    g_string_append_printf (joined, "%s%s", i ? "; " : "", (char *)g_ptr_array_index (calls, i));

  g_assert_cmpstr (joined->str, ==, expected);
}

static void
assert_audit_ok (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdAuditVerification) report = fd_audit_log_verify (f->store, &error);

  g_assert_no_error (error);
  if (!report->ok)
    g_test_message ("audit: %s", report->problem);
  g_assert_true (report->ok);
}

static void
test_pause_and_escalate (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(FdTriageReport) report = NULL;
  g_autofree char *status = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *metrics = NULL;
  FdTriageDecision *d;

  add_rule (f, "rule \"Low ROAS\"\n  level adset\n  when roas(3d) < 1.4\n  then pause, escalate \"account lead\"\n");
  low_roas_adset (f, "as_low", 10000);

  report = run_at (f, f->at, FD_TRIAGE_EXECUTOR (f->executor));
  d = only_decision (report);

  g_assert_cmpint (fd_triage_decision_get_id (d), >, 0);
  g_assert_cmpint (fd_triage_decision_get_state (d), ==, FD_TRIAGE_STATE_EXECUTED);
  g_assert_cmpint (fd_triage_decision_get_rule_version (d), ==, 1);
  assert_calls (f, "status as_low PAUSED");

  /* The object is paused in the workspace too, with a retirement record
   * holding the rule and the numbers. */
  status = rf_query_text (f->store, "SELECT status FROM meta_object WHERE id = 'as_low'");
  g_assert_cmpstr (status, ==, "PAUSED");
  reason = rf_query_text (f->store, "SELECT reason || ' ' || rule_id || ' ' || retired_by FROM retirement");
  g_assert_cmpstr (reason, ==, "budget-decision 1 rule:1");
  metrics = rf_query_text (f->store, "SELECT metrics FROM retirement");
  g_assert_cmpstr (metrics, ==, "{\"roas(3d)\":1.3}");

  /* The account lead heard of it. */
  g_assert_cmpint (rf_query_int (f->store, "SELECT person_id FROM triage_notification WHERE kind = 'escalate'"),
                   ==, f->leo);

  g_assert_nonnull (strstr (fd_triage_decision_get_results_json (d), "\"ok\":true"));
  assert_audit_ok (f);
}

static void
test_without_executor (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(FdTriageReport) report = NULL;
  g_autoptr(GError) error = NULL;
  FdTriageDecision *d;
  GPtrArray *decisions;

  add_rule (f, "rule \"Low ROAS\" level adset when roas(3d) < 1.4 then pause");
  add_rule (f, "rule \"Tell me\" level adset when roas(3d) < 1.4 then notify");
  low_roas_adset (f, "as_low", 10000);

  report = run_at (f, f->at, NULL);
  decisions = fd_triage_report_get_decisions (report);
  g_assert_cmpuint (decisions->len, ==, 2);

  /* Pausing needs Meta: it waits. Notifying does not: it is done. */
  for (guint i = 0; i < decisions->len; i++)
    {
      d = g_ptr_array_index (decisions, i);
      if (g_str_equal (fd_triage_decision_get_rule_name (d), "Low ROAS"))
        g_assert_cmpint (fd_triage_decision_get_state (d), ==, FD_TRIAGE_STATE_PROPOSED);
      else
        g_assert_cmpint (fd_triage_decision_get_state (d), ==, FD_TRIAGE_STATE_EXECUTED);
    }

  /* Executing later without a connection fails clearly and changes
   * nothing; with one, it goes through. */
  g_assert_false (fd_triage_execute (f->store, 1, "person:2", NULL, NULL, &error));
  g_assert_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  g_assert_true (fd_triage_approve (f->store, 1, f->grace, NULL, FD_TRIAGE_EXECUTOR (f->executor),
                                    NULL, &error));
  g_assert_no_error (error);
  assert_calls (f, "status as_low PAUSED");

  /* The notification of a bare "notify" went to the triage owner. */
  g_assert_cmpint (rf_query_int (f->store, "SELECT person_id FROM triage_notification WHERE kind = 'notify'"),
                   ==, f->dana);
  assert_audit_ok (f);
}

static void
test_cooldown (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(FdTriageReport) first = NULL;
  g_autoptr(FdTriageReport) soon = NULL;
  g_autoptr(FdTriageReport) later = NULL;
  g_autoptr(FdTriageReport) other = NULL;

  add_rule (f, "rule \"Tell me\" level adset when roas(3d) < 1.4 then notify cooldown 12h");
  low_roas_adset (f, "as_low", 10000);

  first = run_at (f, f->at, NULL);
  g_assert_cmpuint (fd_triage_report_get_decisions (first)->len, ==, 1);

  /* Within 12 hours of the decision: quiet. */
  soon = run_at (f, f->at + 11 * G_TIME_SPAN_HOUR, NULL);
  g_assert_cmpuint (fd_triage_report_get_decisions (soon)->len, ==, 0);
  g_assert_cmpuint (fd_triage_report_get_counts (soon)->cooling_down, ==, 1);

  /* After: it fires again (the data still says so). */
  later = run_at (f, f->at + 13 * G_TIME_SPAN_HOUR, NULL);
  g_assert_cmpuint (fd_triage_report_get_decisions (later)->len, ==, 1);

  /* The cooldown is per rule and object: another ad set fires at once. */
  low_roas_adset (f, "as_other", 10000);
  other = run_at (f, f->at + 14 * G_TIME_SPAN_HOUR, NULL);
  g_assert_cmpuint (fd_triage_report_get_decisions (other)->len, ==, 1);
  g_assert_cmpstr (fd_triage_decision_get_object_id (only_decision (other)), ==, "as_other");
}

static void
test_open_decision_blocks (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(FdTriageReport) first = NULL;
  g_autoptr(FdTriageReport) later = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FdTriageReport) after = NULL;

  add_rule (f, "rule \"Low ROAS\" level adset when roas(3d) < 1.4 then pause cooldown 1h");
  low_roas_adset (f, "as_low", 10000);

  /* No executor: the decision stays proposed, and while it is open the
   * rule does not propose the same again, cooldown or not. */
  first = run_at (f, f->at, NULL);
  g_assert_cmpuint (fd_triage_report_get_decisions (first)->len, ==, 1);
  later = run_at (f, f->at + 5 * G_TIME_SPAN_HOUR, NULL);
  g_assert_cmpuint (fd_triage_report_get_decisions (later)->len, ==, 0);

  /* Dismissed, it is closed: after the cooldown the rule speaks again. */
  g_assert_true (fd_triage_dismiss (f->store, 1, f->grace, "We are testing a new offer.", &error));
  g_assert_no_error (error);
  after = run_at (f, f->at + 6 * G_TIME_SPAN_HOUR, NULL);
  g_assert_cmpuint (fd_triage_report_get_decisions (after)->len, ==, 1);
}

/* An ad set with CTR 4% and CPA 10.00 every hour for three days. */
static void
winner_adset (Fixture    *f,
              const char *id,
              gint64      daily_budget)
{
  RfMetrics good = { .impressions = 1000, .link_clicks = 40, .spend = 1000, .purchases = 1 };

  rf_object (f->store, id, "act_1", "adset", "c1", NULL, id, daily_budget, NULL);
  rf_hours (f->store, id, TZ, "2026-03-07 00:00", "2026-03-10 15:00", &good);
}

static const char scale_with_approval[] =
  "rule \"Scale winners\"\n"
  "  level adset\n"
  "  when ctr(1d) > 3.5% for 48h and cpa(1d) < target_cpa\n"
  "  then budget +20%\n"
  "  approval above 500 by \"account lead\"\n";

static void
test_approval_threshold (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(FdTriageReport) report = NULL;
  g_autoptr(FdTriageDecision) approved = NULL;
  g_autoptr(FdTriageDecision) dismissed = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *decisions;
  gint64 big = 0, bigger = 0;

  add_rule (f, scale_with_approval);
  winner_adset (f, "as_small", 30000);    /* 300.00 → 360.00: below 500 */
  winner_adset (f, "as_big", 45000);      /* 450.00 → 540.00: above */
  winner_adset (f, "as_bigger", 80000);   /* 800.00 → 960.00: above */

  report = run_at (f, f->at, FD_TRIAGE_EXECUTOR (f->executor));
  decisions = fd_triage_report_get_decisions (report);
  g_assert_cmpuint (decisions->len, ==, 3);

  for (guint i = 0; i < decisions->len; i++)
    {
      FdTriageDecision *d = g_ptr_array_index (decisions, i);
      const char *object = fd_triage_decision_get_object_id (d);

      if (g_str_equal (object, "as_small"))
        g_assert_cmpint (fd_triage_decision_get_state (d), ==, FD_TRIAGE_STATE_EXECUTED);
      else
        {
          g_assert_cmpint (fd_triage_decision_get_state (d), ==, FD_TRIAGE_STATE_AWAITING_APPROVAL);
          g_assert_cmpstr (fd_triage_decision_get_approver (d), ==, "account lead");
          if (g_str_equal (object, "as_big"))
            {
              big = fd_triage_decision_get_id (d);
              g_assert_cmpint (fd_triage_decision_get_stake (d), ==, 54000);
            }
          else
            bigger = fd_triage_decision_get_id (d);
        }
    }

  /* Only the small one went to Meta; the account lead was asked about
   * the others. */
  assert_calls (f, "budget as_small 36000");
  g_assert_cmpint (rf_query_int (f->store, "SELECT count(*) FROM triage_notification "
                                           "WHERE kind = 'approval' AND person_id = 2"), ==, 0);
  g_assert_cmpint (rf_query_int (f->store, "SELECT count(*) FROM triage_notification "
                                           "WHERE kind = 'approval' AND person_id = 1"), ==, 2);

  /* Someone who is neither the named approver nor the triage owner may
   * not decide. */
  g_assert_false (fd_triage_approve (f->store, big, f->grace, NULL, FD_TRIAGE_EXECUTOR (f->executor),
                                     NULL, &error));
  g_assert_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_ALLOWED);
  g_assert_cmpstr (error->message, ==,
                   "Decision 2 is above its rule’s approval threshold: only “account lead” or "
                   "Dana Whitfield, who owns daily triage, may decide it.");
  g_clear_error (&error);
  g_assert_false (fd_triage_dismiss (f->store, big, f->grace, NULL, &error));
  g_clear_error (&error);

  /* The account lead approves: it is carried out. */
  g_assert_true (fd_triage_approve (f->store, big, f->leo, "Good week.", FD_TRIAGE_EXECUTOR (f->executor),
                                    NULL, &error));
  g_assert_no_error (error);
  assert_calls (f, "budget as_small 36000; budget as_big 54000");
  approved = fd_triage_get_decision (f->store, big, &error);
  g_assert_cmpint (fd_triage_decision_get_state (approved), ==, FD_TRIAGE_STATE_EXECUTED);
  g_assert_cmpstr (fd_triage_decision_get_decided_by (approved), ==, "person:1");
  g_assert_cmpstr (fd_triage_decision_get_note (approved), ==, "Good week.");
  g_assert_cmpint (rf_query_int (f->store, "SELECT daily_budget FROM meta_object WHERE id = 'as_big'"), ==, 54000);

  /* The triage owner dismisses the other: nothing goes to Meta. */
  g_assert_true (fd_triage_dismiss (f->store, bigger, f->dana, "Season ends Friday.", &error));
  g_assert_no_error (error);
  dismissed = fd_triage_get_decision (f->store, bigger, &error);
  g_assert_cmpint (fd_triage_decision_get_state (dismissed), ==, FD_TRIAGE_STATE_DISMISSED);
  g_assert_cmpstr (fd_triage_decision_get_decided_by (dismissed), ==, "person:2");
  assert_calls (f, "budget as_small 36000; budget as_big 54000");

  /* Decided decisions stay decided. */
  g_assert_false (fd_triage_approve (f->store, bigger, f->dana, NULL, FD_TRIAGE_EXECUTOR (f->executor),
                                     NULL, &error));
  g_assert_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_ALLOWED);

  assert_audit_ok (f);
}

static void
test_approval_always (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(FdTriageReport) report = NULL;

  /* "approval by" without a threshold: every decision that touches Meta;
   * a person's name works as well as a role. */
  add_rule (f, "rule \"Ask Leo\" level adset when roas(3d) < 1.4 then pause approval by \"Leo Martins\"");
  low_roas_adset (f, "as_low", 10000);

  report = run_at (f, f->at, FD_TRIAGE_EXECUTOR (f->executor));
  g_assert_cmpint (fd_triage_decision_get_state (only_decision (report)), ==, FD_TRIAGE_STATE_AWAITING_APPROVAL);
  assert_calls (f, "");
}

static void
test_budget_rounding (void)
{
  static const struct
  {
    gint64      current;
    const char *action;
    const char *currency;
    gint64      expected;
  } cases[] = {
    { 1999, "budget -30%", "EUR", 1399 },              /* 1399.3 */
    { 1999, "budget +50%", "EUR", 2999 },              /* 2998.5: halves away from zero */
    { 1001, "budget -50%", "EUR", 501 },               /* 500.5 */
    { 10000, "budget +20%", "EUR", 12000 },
    { 10000, "budget +20% max 110", "EUR", 11000 },    /* capped at 110.00 */
    { 12000, "budget +20% max 110", "EUR", 12000 },    /* above the cap already: unchanged, never lowered */
    { 3000, "budget -30% min 25", "EUR", 2500 },       /* floor 25.00 */
    { 2000, "budget -30% min 25", "EUR", 2000 },       /* below the floor already: unchanged */
    { 10000, "budget +12.5%", "EUR", 11250 },
    { 2999, "budget -30%", "JPY", 2099 },              /* ¥2,099.3 → ¥2,099 */
    { 2999, "budget -30% min 2500", "JPY", 2500 },     /* min is ¥2,500, not 25.00 */
    { 5000, "budget +20% max 5500", "JPY", 5500 },
    { 1, "budget -90%", "EUR", 1 },                    /* never zero */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("rule \"B\" level adset when spend(1d) > 0 then %s",
                                               cases[i].action);
      g_autoptr(GError) error = NULL;
      g_autoptr(FdRuleDef) def = fd_rule_parse_one (text, &error);

      g_assert_no_error (error);
      g_assert_cmpint (fd_triage_compute_budget (cases[i].current, g_ptr_array_index (def->actions, 0),
                                                 cases[i].currency),
                       ==, cases[i].expected);
    }
}

static void
test_budget_execution_jpy (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(FdTriageReport) report = NULL;
  g_autoptr(GError) error = NULL;
  FdTriageDecision *d;

  rf_account (f->store, "act_392", "JPY", "Asia/Tokyo");
  rf_object (f->store, "jc", "act_392", "campaign", NULL, NULL, "Tokyo", -1, NULL);
  rf_object (f->store, "jas", "act_392", "adset", "jc", NULL, "Tokyo set", 2999, NULL);
  fd_target_set (f->store, "system", "jc", FD_TARGET_SET, 2500, FD_TARGET_KEEP, 0, &error);
  g_assert_no_error (error);
  rf_day (f->store, "jas", "Asia/Tokyo", "2026-03-10", &(RfMetrics) { .spend = 300000, .purchases = 100 });

  add_rule (f, "rule \"Cool down\" level adset when cpa(1d) > target_cpa then budget -30% min 2000");

  report = run_at (f, f->at, FD_TRIAGE_EXECUTOR (f->executor));
  d = only_decision (report);
  g_assert_cmpint (fd_triage_decision_get_state (d), ==, FD_TRIAGE_STATE_EXECUTED);
  assert_calls (f, "budget jas 2099");
  g_assert_nonnull (strstr (fd_triage_decision_get_results_json (d), "daily budget 2999 JPY → 2099 JPY"));
}

static void
test_executor_failure (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(FdTriageReport) report = NULL;
  g_autoptr(FdTriageDecision) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  g_autofree char *intent = NULL;
  FdTriageDecision *d;

  add_rule (f, "rule \"Low ROAS\" level adset when roas(3d) < 1.4 then pause, notify");
  low_roas_adset (f, "as_low", 10000);
  rf_executor_fail_for (f->executor, "as_low", "Meta refused: the ad set is being reviewed.");

  report = run_at (f, f->at, FD_TRIAGE_EXECUTOR (f->executor));
  d = only_decision (report);

  /* The run does not fail; the decision does, saying why. Nothing is half
   * done: no message went out, nothing was retired, the object is as it
   * was; what it meant to write is on record. */
  g_assert_cmpint (fd_triage_decision_get_state (d), ==, FD_TRIAGE_STATE_FAILED);
  g_assert_cmpstr (fd_triage_decision_get_error (d), ==, "Meta refused: the ad set is being reviewed.");
  status = rf_query_text (f->store, "SELECT status FROM meta_object WHERE id = 'as_low'");
  g_assert_cmpstr (status, ==, "ACTIVE");
  g_assert_cmpint (rf_query_int (f->store, "SELECT count(*) FROM retirement"), ==, 0);
  g_assert_cmpint (rf_query_int (f->store, "SELECT count(*) FROM triage_notification"), ==, 0);
  g_assert_nonnull (strstr (fd_triage_decision_get_results_json (d), "waits for the change on Meta"));
  intent = rf_query_text (f->store, "SELECT intent FROM triage_decision");
  g_assert_cmpstr (intent, ==, "{\"status\":\"PAUSED\"}");

  /* Once Meta accepts, carrying it out again finishes everything. */
  rf_executor_fail_for (f->executor, NULL, NULL);
  g_assert_true (fd_triage_approve (f->store, fd_triage_decision_get_id (d), f->dana, "retry",
                                    FD_TRIAGE_EXECUTOR (f->executor), NULL, &error));
  g_assert_no_error (error);

  again = fd_triage_get_decision (f->store, fd_triage_decision_get_id (d), &error);
  g_assert_cmpint (fd_triage_decision_get_state (again), ==, FD_TRIAGE_STATE_EXECUTED);
  g_assert_null (fd_triage_decision_get_error (again));
  assert_calls (f, "status as_low PAUSED; status as_low PAUSED");
  g_assert_cmpint (rf_query_int (f->store, "SELECT count(*) FROM retirement"), ==, 1);
  g_assert_cmpint (rf_query_int (f->store, "SELECT count(*) FROM triage_notification"), ==, 1);
  assert_audit_ok (f);
}

/* The outcome of a budget change that Meta made cannot be recorded (the
 * database refuses the write): the decision stays "executing" with the
 * budget it meant to set, and carrying it out again never cuts twice. */
static void
test_execute_idempotent (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(FdTriageReport) report = NULL;
  g_autoptr(FdTriageDecision) d = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *intent = NULL;
  gboolean readable = GPOINTER_TO_INT (data);
  gint64 id;

  rf_executor_set_readable (f->executor, readable);
  rf_executor_set_object (f->executor, "as_cpa", "ACTIVE", 10000);
  add_rule (f, "rule \"CPA over target\" level adset when cpa(1d) > target_cpa * 1.4 "
               "then budget -30%, notify");
  rf_object (f->store, "as_cpa", "act_1", "adset", "c1", NULL, "Costly", 10000, NULL);
  rf_day (f->store, "as_cpa", TZ, "2026-03-10", &(RfMetrics) { .spend = 9000, .purchases = 2 });
  g_assert_true (fd_store_exec (f->store,
                                "CREATE TEMP TRIGGER full_disk BEFORE UPDATE OF state ON triage_decision "
                                "WHEN NEW.state IN ('executed', 'failed') "
                                "BEGIN SELECT RAISE (ABORT, 'database or disk is full'); END",
                                NULL));

  report = fd_triage_run (f->store, f->at, "manual", FD_TRIAGE_RUN_DEFAULT,
                          FD_TRIAGE_EXECUTOR (f->executor), NULL, &error);
  g_assert_null (report);
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Meta has the new budget; the workspace knows what was meant. */
  assert_calls (f, "budget as_cpa 7000");
  id = rf_query_int (f->store, "SELECT id FROM triage_decision");
  d = fd_triage_get_decision (f->store, id, &error);
  g_assert_cmpint (fd_triage_decision_get_state (d), ==, FD_TRIAGE_STATE_EXECUTING);
  intent = rf_query_text (f->store, "SELECT intent FROM triage_decision");
  g_assert_cmpstr (intent, ==, "{\"daily_budget\":7000,\"from\":10000}");
  g_assert_cmpint (rf_query_int (f->store, "SELECT count(*) FROM triage_notification"), ==, 0);
  g_clear_object (&d);

  /* The next sync brought Meta's budget into the workspace: computing
   * -30% again from it would set 4900. */
  g_assert_true (fd_store_exec (f->store, "DROP TRIGGER full_disk; "
                                "UPDATE meta_object SET daily_budget = 7000 WHERE id = 'as_cpa'", NULL));

  /* Neither a new run nor the cooldown makes a second decision. */
  g_clear_object (&report);
  report = run_at (f, f->at + G_TIME_SPAN_HOUR, FD_TRIAGE_EXECUTOR (f->executor));
  g_assert_cmpuint (fd_triage_report_get_decisions (report)->len, ==, 0);

  g_assert_true (fd_triage_approve (f->store, id, f->dana, NULL, FD_TRIAGE_EXECUTOR (f->executor),
                                    NULL, &error));
  g_assert_no_error (error);
  d = fd_triage_get_decision (f->store, id, &error);
  g_assert_cmpint (fd_triage_decision_get_state (d), ==, FD_TRIAGE_STATE_EXECUTED);

  /* Asked first, Meta had it: no second call. Unable to ask, the same
   * budget is written again — never a second cut. */
  assert_calls (f, readable ? "budget as_cpa 7000" : "budget as_cpa 7000; budget as_cpa 7000");
  g_assert_cmpint (rf_query_int (f->store, "SELECT daily_budget FROM meta_object WHERE id = 'as_cpa'"),
                   ==, 7000);
  g_assert_cmpint (rf_query_int (f->store, "SELECT count(*) FROM triage_notification"), ==, 1);
  g_assert_nonnull (strstr (fd_triage_decision_get_results_json (d), "daily budget 100.00 EUR → 70.00 EUR"));
  assert_audit_ok (f);
}

/* After a change, meta_object holds what Meta says, not what was asked. */
static void
test_execute_reads_back (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(FdTriageReport) report = NULL;
  g_autofree char *row = NULL;

  rf_executor_set_readable (f->executor, TRUE);
  add_rule (f, "rule \"Low ROAS\" level adset when roas(3d) < 1.4 then pause");
  low_roas_adset (f, "as_low", 10000);
  g_assert_true (fd_store_exec (f->store, "UPDATE meta_object SET effective_status = 'ACTIVE' "
                                "WHERE id = 'as_low'", NULL));

  report = run_at (f, f->at, FD_TRIAGE_EXECUTOR (f->executor));
  g_assert_cmpint (fd_triage_decision_get_state (only_decision (report)), ==, FD_TRIAGE_STATE_EXECUTED);
  g_assert_cmpuint (rf_executor_get_reads (f->executor), ==, 1);
  row = rf_query_text (f->store, "SELECT status || ' ' || effective_status FROM meta_object WHERE id = 'as_low'");
  g_assert_cmpstr (row, ==, "PAUSED PAUSED");
}

static void
test_queue_replacement (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(FdTriageReport) first = NULL;
  g_autoptr(FdTriageReport) second = NULL;
  g_autofree char *versions = NULL;
  g_autofree char *results = NULL;

  add_rule (f, "rule \"Creative fatigue\" level ad when frequency(7d) > 4.0 then queue_replacement, pause "
               "cooldown 1h");
  rf_object (f->store, "as1", "act_1", "adset", "c1", NULL, "Set", 10000, NULL);
  rf_object (f->store, "ad1", "act_1", "ad", "c1", "as1", "Hero video", -1, NULL);
  rf_reach (f->store, "ad1", "2026-03-10", 7, 1000, 4500);
  rf_link_creative (f->store, "ad1", 12);
  rf_link_creative (f->store, "ad1", 11);

  first = run_at (f, f->at, FD_TRIAGE_EXECUTOR (f->executor));
  g_assert_cmpint (fd_triage_decision_get_state (only_decision (first)), ==, FD_TRIAGE_STATE_EXECUTED);

  /* A request on the board, naming the ad's asset versions. */
  versions = rf_query_text (f->store, "SELECT version_ids || ' ' || state || ' ' || decision_id "
                                      "FROM replacement_request WHERE ad_id = 'ad1'");
  g_assert_cmpstr (versions, ==, "[11,12] open 1");

  /* The pause of an ad reading frequency retires it for creative fatigue. */
  g_assert_cmpint (rf_query_int (f->store, "SELECT count(*) FROM retirement "
                                           "WHERE object_id = 'ad1' AND reason = 'creative-fatigue'"), ==, 1);

  /* Resumed by hand and firing again: the request is not duplicated. */
  fd_store_exec (f->store, "UPDATE meta_object SET status = 'ACTIVE' WHERE id = 'ad1'", NULL);
  second = run_at (f, f->at + 2 * G_TIME_SPAN_HOUR, FD_TRIAGE_EXECUTOR (f->executor));
  results = g_strdup (fd_triage_decision_get_results_json (only_decision (second)));
  g_assert_nonnull (strstr (results, "already requested (request 1)"));
  g_assert_cmpint (rf_query_int (f->store, "SELECT count(*) FROM replacement_request"), ==, 1);
  assert_audit_ok (f);
}

static void
test_board_and_inbox (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(FdTriageReport) report = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GPtrArray) inbox = NULL;
  g_autoptr(GPtrArray) unread = NULL;
  g_autoptr(GError) error = NULL;
  FdReplacementRequest *request;
  FdTriageNotification *note;
  const gint64 *versions;
  guint n_versions;

  add_rule (f, "rule \"Fatigue\" level ad when frequency(7d) > 4.0 then queue_replacement, "
               "escalate \"account lead\"");
  rf_object (f->store, "as1", "act_1", "adset", "c1", NULL, "Set", 10000, NULL);
  rf_object (f->store, "ad1", "act_1", "ad", "c1", "as1", "Hero video", -1, NULL);
  rf_reach (f->store, "ad1", "2026-03-10", 7, 1000, 4500);
  rf_link_creative (f->store, "ad1", 7);
  report = run_at (f, f->at, NULL);

  /* The board's queue. */
  requests = fd_replacement_request_list (f->store, "open", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (requests->len, ==, 1);
  request = g_ptr_array_index (requests, 0);
  g_assert_cmpstr (fd_replacement_request_get_ad_name (request), ==, "Hero video");
  g_assert_cmpint (fd_replacement_request_get_decision_id (request), ==, 1);
  versions = fd_replacement_request_get_version_ids (request, &n_versions);
  g_assert_cmpuint (n_versions, ==, 1);
  g_assert_cmpint (versions[0], ==, 7);

  g_assert_true (fd_replacement_request_set_state (f->store, "person:2", 1, "in_progress", &error));
  g_assert_true (fd_replacement_request_set_state (f->store, "person:2", 1, "done", &error));
  g_assert_no_error (error);
  g_assert_false (fd_replacement_request_set_state (f->store, "person:2", 1, "open", &error));
  g_assert_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_false (fd_replacement_request_set_state (f->store, "person:2", 1, "shipped", &error));
  g_assert_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID);
  g_clear_error (&error);

  /* The account lead's inbox. */
  inbox = fd_triage_notification_list (f->store, f->leo, FALSE, &error);
  g_assert_cmpuint (inbox->len, ==, 1);
  note = g_ptr_array_index (inbox, 0);
  g_assert_cmpstr (fd_triage_notification_get_kind (note), ==, "escalate");
  g_assert_cmpstr (fd_triage_notification_get_recipient (note), ==, "account lead");
  g_assert_nonnull (strstr (fd_triage_notification_get_message (note), "Rule “Fatigue” on Ad “Hero video”"));
  g_assert_true (fd_triage_notification_mark_read (f->store, "person:1", fd_triage_notification_get_id (note),
                                                   &error));
  g_assert_no_error (error);
  unread = fd_triage_notification_list (f->store, f->leo, TRUE, &error);
  g_assert_cmpuint (unread->len, ==, 0);

  assert_audit_ok (f);
}

static void
test_recipients (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(FdTriageReport) report = NULL;
  FdTriageDecision *d;

  /* A name nobody has is refused when the rule is saved, with its place. */
  rules = fd_rulebook_add (f->store, "system",
                           "rule \"E\" level adset when roas(3d) < 1.4\n  then escalate \"Leo Martinez\"",
                           TRUE, &error);
  g_assert_null (rules);
  g_assert_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "line 2, column 8: “Leo Martinez” is neither a role nor anyone on the roster.");
  g_clear_error (&error);

  /* A role is fine even when nobody holds it yet; the decision says so. */
  add_rule (f, "rule \"E\" level adset when roas(3d) < 1.4 then escalate \"analyst\"");
  low_roas_adset (f, "as_low", 10000);
  report = run_at (f, f->at, NULL);
  d = only_decision (report);
  g_assert_cmpint (fd_triage_decision_get_state (d), ==, FD_TRIAGE_STATE_FAILED);
  g_assert_cmpstr (fd_triage_decision_get_error (d), ==,
                   "nobody on the roster is “analyst”; add someone with that role, or change the rule");
}

static void
test_rule_versions (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdRule) edited = NULL;
  g_autoptr(FdRule) first = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(FdAuditVerification) tampered = NULL;
  gint64 id = add_rule (f, "rule \"Low ROAS\" level adset when roas(3d) < 1.4 then pause");

  edited = fd_rulebook_update (f->store, "person:2", id,
                               "# Stricter after the March review.\n"
                               "rule \"Low ROAS\" level adset when roas(3d) < 1.2 then pause", &error);
  g_assert_no_error (error);
  g_assert_cmpint (fd_rule_get_version (edited), ==, 2);
  g_assert_cmpstr (fd_rule_get_author (edited), ==, "person:2");
  g_assert_true (g_str_has_prefix (fd_rule_get_text (edited), "# Stricter"));

  /* The old text is kept; decisions name the version that made them. */
  first = fd_rulebook_get_version (f->store, id, 1, &error);
  g_assert_true (g_str_has_suffix (fd_rule_get_text (first), "< 1.4 then pause\n"));
  versions = fd_rulebook_list_versions (f->store, id, &error);
  g_assert_cmpuint (versions->len, ==, 2);

  /* Saving the same text again makes no version; a bad edit changes
   * nothing. */
  g_clear_object (&edited);
  edited = fd_rulebook_update (f->store, "person:2", id,
                               "# Stricter after the March review.\n"
                               "rule \"Low ROAS\" level adset when roas(3d) < 1.2 then pause", &error);
  g_assert_cmpint (fd_rule_get_version (edited), ==, 2);
  g_assert_null (fd_rulebook_update (f->store, "person:2", id, "rule \"Low ROAS\" level adset", &error));
  g_assert_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (fd_rulebook_set_enabled (f->store, "person:1", id, FALSE, &error));

  /* Every edit is in the audit log. */
  events = fd_audit_log_list (f->store, "rule", NULL, 0, -1, &error);
  g_assert_cmpuint (events->len, ==, 3);   /* create, update, disable */
  g_clear_pointer (&events, g_ptr_array_unref);
  events = fd_audit_log_list (f->store, "rule-version", NULL, 0, -1, &error);
  g_assert_cmpuint (events->len, ==, 2);
  assert_audit_ok (f);

  /* Rewriting an old version behind the app's back is detected. */
  fd_store_exec (f->store, "UPDATE rule_version SET text = 'rule \"x\"' WHERE version = 1", NULL);
  tampered = fd_audit_log_verify (f->store, &error);
  g_assert_false (tampered->ok);
  g_assert_cmpstr (tampered->entity, ==, "rule-version:1:1");
}

static void
test_notices_recorded (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(FdTriageReport) report = NULL;
  g_autoptr(GPtrArray) notices = NULL;
  g_autoptr(GError) error = NULL;

  add_rule (f, "rule \"CPA\" level adset when cpa(1d) > target_cpa then notify");
  rf_object (f->store, "c2", "act_1", "campaign", NULL, NULL, "No targets", -1, NULL);
  rf_object (f->store, "as_x", "act_1", "adset", "c2", NULL, "Orphan", 10000, NULL);
  rf_object (f->store, "as_cbo", "act_1", "adset", "c1", NULL, "CBO", -1, NULL);
  add_rule (f, "rule \"Cut\" level adset when spend(1d) > 1 then budget -10%");
  rf_day (f->store, "as_cbo", TZ, "2026-03-10", &(RfMetrics) { .spend = 10000 });

  report = run_at (f, f->at, NULL);
  g_assert_cmpuint (fd_triage_report_get_decisions (report)->len, ==, 0);

  /* Stored for the dashboard: as_x cannot be judged without a target;
   * as_cbo would be cut but has no budget of its own. */
  notices = fd_triage_list_notices (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notices->len, ==, 2);
  g_assert_cmpstr (fd_triage_notice_get_object_id (g_ptr_array_index (notices, 0)), ==, "as_x");
  g_assert_cmpstr (fd_triage_notice_get_kind (g_ptr_array_index (notices, 0)), ==, "missing-target");
  g_assert_cmpstr (fd_triage_notice_get_message (g_ptr_array_index (notices, 0)), ==,
                   "Rule “CPA” needs target_cpa, which ad set “Orphan” and its campaign do not have. "
                   "Set one to let the rule judge it.");
  g_assert_cmpstr (fd_triage_notice_get_object_id (g_ptr_array_index (notices, 1)), ==, "as_cbo");
  g_assert_cmpstr (fd_triage_notice_get_kind (g_ptr_array_index (notices, 1)), ==, "no-daily-budget");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/rules/triage/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("pause-and-escalate", test_pause_and_escalate);
  ADD ("without-executor", test_without_executor);
  ADD ("cooldown", test_cooldown);
  ADD ("open-decision-blocks", test_open_decision_blocks);
  ADD ("approval-threshold", test_approval_threshold);
  ADD ("approval-always", test_approval_always);
  g_test_add_func ("/rules/triage/budget-rounding", test_budget_rounding);
  g_test_add ("/rules/triage/execute-idempotent", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_execute_idempotent, fixture_tear_down);
  g_test_add ("/rules/triage/execute-idempotent-unreadable", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_execute_idempotent, fixture_tear_down);
  ADD ("budget-execution-jpy", test_budget_execution_jpy);
  ADD ("executor-failure", test_executor_failure);
  ADD ("execute-reads-back", test_execute_reads_back);
  ADD ("queue-replacement", test_queue_replacement);
  ADD ("board-and-inbox", test_board_and_inbox);
  ADD ("recipients", test_recipients);
  ADD ("rule-versions", test_rule_versions);
  ADD ("notices-recorded", test_notices_recorded);

#undef ADD

  return g_test_run ();
}
