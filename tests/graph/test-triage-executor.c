/* test-triage-executor.c: triage carrying decisions out on the Graph
 * emulator — pauses and budgets written, audited and retired, Meta's
 * refusals kept with the decision, nothing applied twice
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <stdlib.h>

#include "fd-audit-log.h"
#include "fd-graph-triage-executor.h"
#include "fd-insights-sync.h"
#include "fd-ownership.h"
#include "fd-roster.h"
#include "fd-rulebook.h"
#include "fd-target.h"
#include "fd-test-util.h"
#include "fd-triage.h"
#include "graph-test-util.h"

typedef struct
{
  GraphFixture           graph;
  FdAdAccount           *account;
  FdTokenStore          *tokens;
  FdGraphTriageExecutor *executor;
  gint64                 leo;
  char                  *adset;     /* the first ad set of the account */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(FdGraphClient) client = NULL;
  g_autoptr(FdInsightsSync) sync = NULL;
  g_autoptr(FdPerson) leo = NULL;
  g_autoptr(FdPerson) dana = NULL;
  g_autoptr(GPtrArray) adsets = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token_dir = NULL;

  graph_fixture_set_up (&f->graph, data);
  f->account = graph_fixture_add_account (&f->graph, TEST_EUR_ACCOUNT);

  token_dir = g_build_filename (f->graph.dir, "tokens", NULL);
  f->tokens = fd_token_store_new_full (FD_TOKEN_STORE_MODE_FILE, token_dir);
  g_assert_true (fd_token_store_save (f->tokens, FD_SECRET_TOKEN, TEST_EUR_ACCOUNT,
                                      fd_graph_emulator_get_url (f->graph.emulator), f->graph.token,
                                      NULL, &error));
  g_assert_no_error (error);

  client = graph_fixture_client (&f->graph);
  sync = fd_insights_sync_new (f->graph.store, client, f->account);
  fd_insights_sync_set_now (sync, f->graph.now);
  fd_insights_sync_set_history_days (sync, 10);
  fd_insights_sync_set_hourly_days (sync, 0);
  g_assert_true (fd_insights_sync_run (sync, NULL, &error));
  g_assert_no_error (error);

  leo = fd_roster_add (f->graph.store, "system", "Leo Martins", "leo@example.com", "account-lead", &error);
  dana = fd_roster_add (f->graph.store, "system", "Dana Whitfield", "dana@example.com", "media-buyer", &error);
  g_assert_no_error (error);
  f->leo = fd_person_get_id (leo);
  g_assert_true (fd_ownership_set (f->graph.store, "system", "triage.daily", fd_person_get_id (dana), 0, &error));

  adsets = fd_graph_emulator_list_objects (f->graph.emulator, TEST_EUR_ACCOUNT, FD_EMU_LEVEL_ADSET);
  f->adset = g_strdup (g_ptr_array_index (adsets, 0));

  f->executor = fd_graph_triage_executor_new (f->graph.workspace, f->tokens);
  fd_store_set_now (f->graph.store, f->graph.now);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->executor);
  g_clear_object (&f->tokens);
  g_clear_object (&f->account);
  g_free (f->adset);
  graph_fixture_tear_down (&f->graph, data);
}

static gint64
add_rule (Fixture    *f,
          const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rules = fd_rulebook_add (f->graph.store, "system", text, TRUE, &error);

  g_assert_no_error (error);
  return fd_rule_get_id (g_ptr_array_index (rules, 0));
}

/* Runs triage now and returns the id of the decision on @object_id. */
static gint64
run_for (Fixture    *f,
         const char *object_id)
{
  g_autoptr(FdTriageReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *decisions;

  report = fd_triage_run (f->graph.store, f->graph.now, "manual", FD_TRIAGE_RUN_DEFAULT,
                          FD_TRIAGE_EXECUTOR (f->executor), NULL, &error);
  g_assert_no_error (error);

  decisions = fd_triage_report_get_decisions (report);
  for (guint i = 0; i < decisions->len; i++)
    if (g_str_equal (fd_triage_decision_get_object_id (g_ptr_array_index (decisions, i)), object_id))
      return fd_triage_decision_get_id (g_ptr_array_index (decisions, i));

  g_assert_not_reached ();
}

static FdTriageDecision *
get_decision (Fixture *f,
              gint64   id)
{
  g_autoptr(GError) error = NULL;
  FdTriageDecision *decision = fd_triage_get_decision (f->graph.store, id, &error);

  g_assert_no_error (error);
  return decision;
}

/* What the emulator says about @object_id now. */
static char *
emulator_field (Fixture    *f,
                const char *object_id,
                const char *field)
{
  g_autoptr(FdGraphClient) client = graph_fixture_client (&f->graph);
  g_autoptr(FdGraphParams) params = fd_graph_params_new ();
  g_autoptr(FdGraphResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  fd_graph_params_set (params, "fields", field);
  response = fd_graph_client_call (client, "GET", object_id, params, NULL, &error);
  g_assert_no_error (error);
  node = json_object_get_member (fd_graph_response_get_object (response), field);
  return node ? g_strdup (json_node_get_string (node)) : NULL;
}

static void
assert_audit_ok (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdAuditVerification) report = fd_audit_log_verify (f->graph.store, &error);

  g_assert_no_error (error);
  if (!report->ok)
    g_test_message ("audit: %s", report->problem);
  g_assert_true (report->ok);
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  return graph_count (f->graph.store, sql);
}

/* Above the threshold a pause waits for the account lead; approved, it
 * goes to Meta, which stops delivering the ad set from then on. */
static void
test_approve_pause (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(FdTriageDecision) decision = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  g_autofree char *tomorrow = NULL;
  g_autofree char *sql = NULL;
  gint64 spend = -1, other_spend = -1, unused;
  g_autoptr(GPtrArray) adsets = NULL;
  gint64 id;

  add_rule (f, "rule \"Stop\" level adset when spend(3d) > 0 then pause, notify "
               "approval by \"account lead\" reason \"test loss\"");
  id = run_for (f, f->adset);

  decision = get_decision (f, id);
  g_assert_cmpint (fd_triage_decision_get_state (decision), ==, FD_TRIAGE_STATE_AWAITING_APPROVAL);
  status = emulator_field (f, f->adset, "status");
  g_assert_cmpstr (status, ==, "ACTIVE");
  g_clear_pointer (&status, g_free);
  g_clear_object (&decision);

  g_assert_true (fd_triage_approve (f->graph.store, id, f->leo, "clear loser",
                                    FD_TRIAGE_EXECUTOR (f->executor), NULL, &error));
  g_assert_no_error (error);

  decision = get_decision (f, id);
  g_assert_cmpint (fd_triage_decision_get_state (decision), ==, FD_TRIAGE_STATE_EXECUTED);
  g_assert_cmpstr (fd_triage_decision_get_decided_by (decision), ==, "person:1");

  /* Meta has it paused, and so has the workspace, as Meta confirmed. */
  status = emulator_field (f, f->adset, "status");
  g_assert_cmpstr (status, ==, "PAUSED");
  sql = g_strdup_printf ("SELECT count(*) FROM meta_object WHERE id = '%s' AND status = 'PAUSED' "
                         "AND effective_status = 'PAUSED'", f->adset);
  g_assert_cmpint (count (f, sql), ==, 1);
  g_clear_pointer (&sql, g_free);

  /* The retirement record has the rule's reason and the numbers. */
  sql = g_strdup_printf ("SELECT count(*) FROM retirement WHERE object_id = '%s' AND reason = 'test-loss' "
                         "AND decision_id = %" G_GINT64_FORMAT " AND metrics LIKE '{\"spend(3d)\":%%'",
                         f->adset, id);
  g_assert_cmpint (count (f, sql), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM triage_notification WHERE kind = 'notify'"), ==, 1);

  /* Audited: begun, then carried out, by the approver. */
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM audit_event WHERE entity_type = 'decision' "
                         "AND entity_id = '%" G_GINT64_FORMAT "' AND action IN ('begin', 'execute') "
                         "AND actor = 'person:1'", id);
  g_assert_cmpint (count (f, sql), ==, 2);
  assert_audit_ok (f);

  /* Later insights follow: tomorrow the paused ad set spends nothing,
   * another one does. */
  fd_graph_emulator_set_now (f->graph.emulator, f->graph.now + 2 * G_TIME_SPAN_DAY);
  tomorrow = graph_day (&f->graph, TEST_EUR_ACCOUNT, -1);
  adsets = fd_graph_emulator_list_objects (f->graph.emulator, TEST_EUR_ACCOUNT, FD_EMU_LEVEL_ADSET);
  fd_graph_emulator_get_day (f->graph.emulator, f->adset, tomorrow, &unused, &spend, &unused, &unused);
  fd_graph_emulator_get_day (f->graph.emulator, g_ptr_array_index (adsets, 1), tomorrow,
                             &unused, &other_spend, &unused, &unused);
  g_assert_cmpint (spend, ==, 0);
  g_assert_cmpint (other_spend, >, 0);
}

/* A budget change refused because the ad set had its four changes this
 * hour fails the decision with Meta's reason; nothing else happens. An
 * hour later, carrying it out again changes the budget once. */
static void
test_budget_limit (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(FdGraphClient) client = graph_fixture_client (&f->graph);
  g_autoptr(FdTriageDecision) decision = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = emulator_field (f, f->adset, "daily_budget");
  g_autofree char *after = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *sql = NULL;
  gint64 budget = g_ascii_strtoll (before, NULL, 10);
  gint64 id;

  add_rule (f, "rule \"Trim\" level adset when spend(3d) > 0 then budget -20%, notify "
               "approval by \"account lead\"");
  id = run_for (f, f->adset);

  /* Someone else made four changes within the hour. */
  for (int i = 0; i < 4; i++)
    {
      g_assert_true (fd_graph_client_set_budget (client, f->adset, FD_GRAPH_BUDGET_DAILY,
                                                 budget + (i % 2), NULL, &error));
      g_assert_no_error (error);
    }
  g_free (before);
  before = emulator_field (f, f->adset, "daily_budget");

  g_assert_true (fd_triage_approve (f->graph.store, id, f->leo, NULL, FD_TRIAGE_EXECUTOR (f->executor),
                                    NULL, &error));
  g_assert_no_error (error);

  decision = get_decision (f, id);
  g_assert_cmpint (fd_triage_decision_get_state (decision), ==, FD_TRIAGE_STATE_FAILED);
  g_assert_nonnull (strstr (fd_triage_decision_get_error (decision), "four budget changes per ad set"));
  g_assert_nonnull (strstr (fd_triage_decision_get_error (decision), "Try again in an hour"));
  after = emulator_field (f, f->adset, "daily_budget");
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (count (f, "SELECT count(*) FROM triage_notification WHERE kind = 'notify'"), ==, 0);
  sql = g_strdup_printf ("SELECT daily_budget FROM meta_object WHERE id = '%s'", f->adset);
  g_assert_cmpint (count (f, sql), ==, budget);
  g_clear_object (&decision);
  g_clear_pointer (&after, g_free);

  /* An hour later it goes through: -20 % of what it was when decided. */
  fd_graph_emulator_set_now (f->graph.emulator, f->graph.now + 61 * G_TIME_SPAN_MINUTE);
  g_assert_true (fd_triage_approve (f->graph.store, id, f->leo, NULL, FD_TRIAGE_EXECUTOR (f->executor),
                                    NULL, &error));
  g_assert_no_error (error);
  decision = get_decision (f, id);
  g_assert_cmpint (fd_triage_decision_get_state (decision), ==, FD_TRIAGE_STATE_EXECUTED);
  after = emulator_field (f, f->adset, "daily_budget");
  expected = g_strdup_printf ("%" G_GINT64_FORMAT, fd_triage_compute_budget (budget, &(FdRuleAction) {
                                .kind = FD_RULE_ACTION_BUDGET, .percent = -20 }, "EUR"));
  g_assert_cmpstr (after, ==, expected);
  g_assert_cmpint (count (f, sql), ==, g_ascii_strtoll (expected, NULL, 10));
  g_assert_cmpint (count (f, "SELECT count(*) FROM triage_notification WHERE kind = 'notify'"), ==, 1);
  assert_audit_ok (f);
}

/* Meta no longer takes the token: the decision fails saying to reconnect
 * the account, and nothing changed anywhere. */
static void
test_expired_token (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(FdTriageDecision) decision = NULL;
  g_autofree char *status = NULL;
  g_autofree char *sql = NULL;
  gint64 id;

  fd_graph_emulator_add_fault (f->graph.emulator, FD_EMU_FAULT_EXPIRED_TOKEN, f->adset, 0, 1, 0);
  add_rule (f, "rule \"Stop\" level adset when spend(3d) > 0 then pause, notify");
  id = run_for (f, f->adset);

  decision = get_decision (f, id);
  g_assert_cmpint (fd_triage_decision_get_state (decision), ==, FD_TRIAGE_STATE_FAILED);
  g_assert_nonnull (strstr (fd_triage_decision_get_error (decision), "Meta did not pause it"));
  g_assert_nonnull (strstr (fd_triage_decision_get_error (decision), "Reconnect the account"));

  status = emulator_field (f, f->adset, "status");
  g_assert_cmpstr (status, ==, "ACTIVE");
  sql = g_strdup_printf ("SELECT count(*) FROM retirement WHERE object_id = '%s'", f->adset);
  g_assert_cmpint (count (f, sql), ==, 0);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM meta_object WHERE id = '%s' AND status = 'ACTIVE'", f->adset);
  g_assert_cmpint (count (f, sql), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM triage_notification WHERE decision_id = "
                             "(SELECT min (id) FROM triage_decision WHERE state = 'failed')"), ==, 0);
  assert_audit_ok (f);
}

/* Meta paused the ad set but the outcome could not be recorded: approving
 * again asks Meta, finds it paused, and records it without a second
 * write. */
static void
test_interrupted (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(FdTriageDecision) decision = NULL;
  g_autoptr(FdTriageReport) report = NULL;
  g_autoptr(GError) error = NULL;
  FdGraphEmulatorStats stats;
  guint64 writes;
  gint64 id;

  add_rule (f, "rule \"Stop\" level adset when spend(3d) > 0 then pause");
  g_assert_true (fd_store_exec (f->graph.store,
                                "CREATE TEMP TRIGGER full_disk BEFORE UPDATE OF state ON triage_decision "
                                "WHEN NEW.state IN ('executed', 'failed') "
                                "BEGIN SELECT RAISE (ABORT, 'database or disk is full'); END",
                                NULL));
  report = fd_triage_run (f->graph.store, f->graph.now, "manual", FD_TRIAGE_RUN_DEFAULT,
                          FD_TRIAGE_EXECUTOR (f->executor), NULL, &error);
  g_assert_null (report);
  g_clear_error (&error);

  fd_graph_emulator_get_stats (f->graph.emulator, &stats);
  writes = stats.writes;
  g_assert_cmpuint (writes, ==, 1);
  id = count (f, "SELECT id FROM triage_decision WHERE state = 'executing'");

  g_assert_true (fd_store_exec (f->graph.store, "DROP TRIGGER full_disk", NULL));
  g_assert_true (fd_triage_approve (f->graph.store, id, f->leo, NULL, FD_TRIAGE_EXECUTOR (f->executor),
                                    NULL, &error));
  g_assert_no_error (error);

  decision = get_decision (f, id);
  g_assert_cmpint (fd_triage_decision_get_state (decision), ==, FD_TRIAGE_STATE_EXECUTED);
  g_assert_nonnull (strstr (fd_triage_decision_get_results_json (decision), "Meta had it paused already"));
  fd_graph_emulator_get_stats (f->graph.emulator, &stats);
  g_assert_cmpuint (stats.writes, ==, writes);
  g_assert_cmpint (count (f, "SELECT count(*) FROM retirement"), ==, 1);
  assert_audit_ok (f);
}

/* The same through flightdeck-cli: `triage run`, then `decision approve`
 * by the account lead. */
static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *id_text = NULL;
  g_autofree char *status = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *ws = fd_workspace_get_path (f->graph.workspace);
  JsonArray *decisions;
  int exit_status;

  /* The CLI reads tokens from the default store of this test program. */
  {
    g_autoptr(FdTokenStore) tokens = fd_token_store_new ();

    g_assert_true (fd_token_store_save (tokens, FD_SECRET_TOKEN, TEST_EUR_ACCOUNT,
                                        fd_graph_emulator_get_url (f->graph.emulator), f->graph.token,
                                        NULL, &error));
    g_assert_no_error (error);
  }
  add_rule (f, "rule \"Stop\" level adset when spend(3d) > 0 then pause approval by \"account lead\"");
  g_assert_true (fd_roster_set_current (f->graph.store, "system", f->leo, &error));

  out = fd_test_run_cli (ws, &exit_status, &err, "triage", "run", "--json", NULL);
  g_assert_cmpint (exit_status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  decisions = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (decisions), >, 0);
  for (guint i = 0; i < json_array_get_length (decisions); i++)
    {
      JsonObject *decision = json_array_get_object_element (decisions, i);

      if (g_str_equal (json_object_get_string_member (decision, "object_id"), f->adset))
        {
          g_assert_cmpstr (json_object_get_string_member (decision, "state"), ==, "awaiting_approval");
          id_text = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (decision, "id"));
        }
    }
  g_assert_nonnull (id_text);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = fd_test_run_cli (ws, &exit_status, &err, "decision", "approve", id_text, NULL);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (exit_status, ==, 0);
  g_assert_nonnull (strstr (out, "[Executed]"));

  status = emulator_field (f, f->adset, "status");
  g_assert_cmpstr (status, ==, "PAUSED");
  g_assert_cmpint (count (f, "SELECT count(*) FROM retirement"), ==, 1);
}

/* Local midnight at the start of the day @days_ago before now. */
static gint64
day_start (Fixture *f,
           int      days_ago)
{
  g_autofree char *day = graph_day (&f->graph, TEST_EUR_ACCOUNT, days_ago);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) midnight = g_date_time_new (tz, atoi (day), atoi (day + 5), atoi (day + 8), 0, 0, 0);

  return g_date_time_to_unix (midnight) * G_USEC_PER_SEC;
}

/* frequency(7d) of every ad judged at @at, checked against the stored
 * deduplicated reach of the 7 days up to @last_day: impressions ÷ reach of
 * that row, not an estimate. Returns the number of ads checked. */
static guint
check_frequency (Fixture    *f,
                 gint64      at,
                 const char *last_day)
{
  g_autoptr(FdTriageReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(FdStmt) stmt = NULL;
  GPtrArray *decisions;
  guint checked = 0;

  report = fd_triage_run (f->graph.store, at, "manual", FD_TRIAGE_RUN_DRY, NULL, NULL, &error);
  g_assert_no_error (error);

  stmt = fd_store_stmt (f->graph.store,
                        "SELECT r.reach, r.impressions, "
                        "(SELECT sum (d.impressions) FROM insight_daily d WHERE d.object_id = r.object_id "
                        "AND d.day > date (?2, '-7 days') AND d.day <= ?2), "
                        "(SELECT sum (d.reach) FROM insight_daily d WHERE d.object_id = r.object_id "
                        "AND d.day > date (?2, '-7 days') AND d.day <= ?2) "
                        "FROM insight_reach r WHERE r.object_id = ?1 AND r.until_day = ?2 AND r.days = 7",
                        &error);
  g_assert_no_error (error);

  decisions = fd_triage_report_get_decisions (report);
  for (guint i = 0; i < decisions->len; i++)
    {
      FdTriageDecision *decision = g_ptr_array_index (decisions, i);
      JsonObject *metrics = fd_triage_decision_get_metrics (decision);
      const char * const *estimates = fd_triage_decision_get_estimates (decision);
      double reach, impressions, frequency;
      gboolean has_row;

      sqlite3_reset (stmt);
      fd_stmt_bind_text (stmt, 1, fd_triage_decision_get_object_id (decision));
      fd_stmt_bind_text (stmt, 2, last_day);
      g_assert_true (fd_store_step (f->graph.store, stmt, &has_row, &error));
      g_assert_no_error (error);
      g_assert_true (has_row);

      reach = sqlite3_column_double (stmt, 0);
      impressions = sqlite3_column_double (stmt, 1);
      g_assert_cmpfloat (reach, >, 0);

      /* The row covers the window's days: its impressions are theirs. */
      g_assert_cmpfloat (impressions, ==, sqlite3_column_double (stmt, 2));

      frequency = json_object_get_double_member (metrics, "frequency(7d)");
      g_assert_cmpfloat_with_epsilon (frequency, impressions / reach, 1e-9);
      g_assert_true (estimates == NULL || estimates[0] == NULL);

      /* Deduplicated reach is at most the sum of the days' reach. */
      g_assert_cmpfloat (frequency, >=, impressions / sqlite3_column_double (stmt, 3) - 1e-9);
      checked++;
    }

  return checked;
}

/* The ads with a 7-day window of reach up to @last_day: every one must be
 * judged (only ads that delivered nothing lack a frequency). */
static guint
ads_reached (Fixture    *f,
             const char *last_day)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM insight_reach r JOIN meta_object o "
                                          "ON o.id = r.object_id AND o.level = 'ad' "
                                          "AND coalesce (o.status, '') NOT IN ('DELETED', 'ARCHIVED') "
                                          "WHERE r.until_day = '%s' AND r.days = 7 AND r.reach > 0",
                                          last_day);
  gint64 n = count (f, sql);

  g_assert_cmpint (n, >, 0);
  return (guint)n;
}

static void
test_frequency_from_reach (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *today = graph_day (&f->graph, TEST_EUR_ACCOUNT, 0);

  add_rule (f, "rule \"Frequency seen\"\n"
               "  level ad\n"
               "  when frequency(7d) > 0\n"
               "  then notify\n");

  /* Now: the window ends today, the sync's last day. */
  g_assert_cmpuint (check_frequency (f, f->graph.now, today), ==, ads_reached (f, today));

  /* A day's end in the past, as back-tests and "triage run --at" evaluate:
   * the sync stored the reach of the windows ending on each day it read. */
  for (int days_ago = 1; days_ago <= 3; days_ago++)
    {
      g_autofree char *day = graph_day (&f->graph, TEST_EUR_ACCOUNT, days_ago);

      g_assert_cmpuint (check_frequency (f, day_start (f, days_ago - 1), day), ==, ads_reached (f, day));
      g_assert_cmpuint (check_frequency (f, day_start (f, days_ago - 1) - 6 * G_TIME_SPAN_HOUR, day), ==,
                        ads_reached (f, day));
    }
}

int
main (int   argc,
      char *argv[])
{
  graph_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/graph/triage-executor/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("approve-pause", test_approve_pause);
  ADD ("budget-limit", test_budget_limit);
  ADD ("expired-token", test_expired_token);
  ADD ("interrupted", test_interrupted);
  ADD ("cli", test_cli);
  ADD ("frequency-from-reach", test_frequency_from_reach);

#undef ADD

  return g_test_run ();
}
