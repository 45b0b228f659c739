/* test-rules-cli.c: rule, target, triage and decision commands as a script
 * or a systemd timer uses them, JSON shapes included
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "fd-ownership.h"
#include "fd-test-util.h"
#include "rules-fixture.h"

#define TZ "Europe/Berlin"

typedef struct
{
  char *dir;
  char *ws;
  char *rules;
} Fixture;

#define RUN(f, status, err, ...) fd_test_run_cli ((f)->ws, status, err, __VA_ARGS__, NULL)

static const char spec_rules[] =
  "rule \"Low ROAS\"\n"
  "  level adset\n"
  "  when roas(3d) < 1.4\n"
  "  then pause, escalate \"account lead\"\n"
  "\n"
  "rule \"Creative fatigue\"\n"
  "  level ad\n"
  "  when frequency(7d) > 4.0 and decay(ctr, 7d) > 25%\n"
  "  then queue_replacement\n"
  "\n"
  "rule \"CPA over target\"\n"
  "  level adset\n"
  "  when cpa(1d) > target_cpa * 1.4 for 48h\n"
  "  then budget -30%, notify\n"
  "\n"
  "rule \"Scale winners\"\n"
  "  level adset\n"
  "  when ctr(1d) > 3.5% for 48h and cpa(1d) < target_cpa\n"
  "  then budget +20%\n"
  "  approval above 50 by \"account lead\"\n";

static void
write_file (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

/* A workspace with one EUR account in Berlin and one JPY account, people,
 * and insights on which "Low ROAS" and "CPA over target" fire. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *db = NULL;
  g_autoptr(FdStore) store = NULL;
  int status;

  f->dir = fd_test_tmpdir_new ();
  f->ws = g_build_filename (f->dir, "ws", NULL);
  f->rules = g_build_filename (f->dir, "spec.rules", NULL);
  write_file (f->rules, spec_rules);

  out = RUN (f, &status, NULL, "init", "--name", "Rules");
  g_assert_cmpint (status, ==, 0);

  db = g_build_filename (f->ws, "flightdeck.db", NULL);
  store = fd_store_open (db, FD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  rf_person (store, "Leo Martins", "leo@example.com", "account-lead");
  rf_person (store, "Dana Whitfield", "dana@example.com", "media-buyer");
  rf_person (store, "Grace Okafor", "grace@example.com", "legal");
  fd_ownership_set (store, "system", "triage.daily", 2, 0, &error);
  g_assert_no_error (error);

  rf_account (store, "act_1", "EUR", TZ);
  rf_account (store, "act_392", "JPY", TZ);
  rf_object (store, "c1", "act_1", "campaign", NULL, NULL, "Spring", -1, NULL);
  rf_object (store, "c_jp", "act_392", "campaign", NULL, NULL, "Tokyo", -1, NULL);
  rf_object (store, "as_low", "act_1", "adset", "c1", NULL, "Low ROAS set", 10000, NULL);
  rf_object (store, "as_ok", "act_1", "adset", "c1", NULL, "Fine set", 10000, NULL);
  rf_object (store, "ad_1", "act_1", "ad", "c1", "as_ok", "An ad", -1, NULL);

  /* ROAS 1.3 and CPA 65.00 (one purchase a day) on as_low; ROAS 3 and CPA
   * 10.00 on as_ok. */
  for (int d = 8; d <= 10; d++)
    {
      g_autofree char *day = g_strdup_printf ("2026-03-%02d", d);

      rf_day (store, "as_low", TZ, day, &(RfMetrics) { .spend = 6500, .purchases = 1, .purchase_value = 8450 });
      rf_day (store, "as_ok", TZ, day, &(RfMetrics) { .spend = 3000, .purchases = 3, .purchase_value = 9000 });
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  fd_test_tmpdir_free (f->dir);
  g_free (f->ws);
  g_free (f->rules);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  return node;
}

static void
add_spec_rules (Fixture *f)
{
  g_autofree char *out = NULL;
  int status;

  out = RUN (f, &status, NULL, "rule", "add", f->rules);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "Added rule 1 “Low ROAS” (disabled"));
  g_assert_nonnull (strstr (out, "Added rule 4 “Scale winners”"));
}

static void
test_rule_commands (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autofree char *bad = g_build_filename (f->dir, "bad.rules", NULL);
  g_autofree char *edit = g_build_filename (f->dir, "edit.rules", NULL);
  JsonObject *first;
  int status;

  add_spec_rules (f);

  /* rule list --json: id, name, level, enabled, version, text. */
  out = RUN (f, &status, NULL, "rule", "list", "--json");
  g_assert_cmpint (status, ==, 0);
  list = parse_json (out);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (list));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), ==, 4);
  first = json_array_get_object_element (json_node_get_array (list), 0);
  g_assert_cmpint (json_object_get_int_member (first, "id"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (first, "name"), ==, "Low ROAS");
  g_assert_cmpstr (json_object_get_string_member (first, "level"), ==, "adset");
  g_assert_false (json_object_get_boolean_member (first, "enabled"));
  g_assert_cmpint (json_object_get_int_member (first, "version"), ==, 1);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (first, "text"), "rule \"Low ROAS\"\n"));
  g_clear_pointer (&out, g_free);

  /* enable / disable, by id or name. */
  out = RUN (f, &status, NULL, "rule", "enable", "1");
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&out, g_free);
  out = RUN (f, &status, NULL, "rule", "enable", "creative fatigue");
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&out, g_free);
  out = RUN (f, &status, NULL, "rule", "disable", "2");
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&out, g_free);
  out = RUN (f, &status, NULL, "rule", "list");
  g_assert_nonnull (strstr (out, "  1  enabled  Low ROAS"));
  g_assert_nonnull (strstr (out, "  2  disabled Creative fatigue"));
  g_clear_pointer (&out, g_free);

  /* A syntax error: one line on stderr, with the line and column. */
  write_file (bad, "rule \"Broken\"\n  level adset\n  when roas( < 1.4\n  then pause\n");
  out = RUN (f, &status, &err, "rule", "add", bad);
  g_assert_cmpint (status, ==, 1);
  g_assert_true (g_str_has_suffix (err, "bad.rules: line 3, column 14: expected a window such as 3d or 48h "
                                        "after \"roas(\"\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* rule check: every problem, FILE:LINE:COLUMN. */
  write_file (bad, "rule \"Broken\"\n  level adsets\n  when roas(3d) < 140%\n  then stop\n");
  out = RUN (f, &status, NULL, "rule", "check", bad);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (out, "bad.rules:2:9: expected a level"));
  g_assert_nonnull (strstr (out, "bad.rules:4:8: unknown action \"stop\""));
  g_clear_pointer (&out, g_free);

  /* rule edit makes version 2; show and history see both. */
  write_file (edit, "rule \"Low ROAS\"\n  level adset\n  when roas(3d) < 1.2\n  then pause\n  cooldown 2d\n");
  out = RUN (f, &status, NULL, "rule", "edit", "Low ROAS", edit);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "now at version 2"));
  g_clear_pointer (&out, g_free);
  out = RUN (f, &status, NULL, "rule", "show", "1", "--version", "1");
  g_assert_nonnull (strstr (out, "roas(3d) < 1.4"));
  g_clear_pointer (&out, g_free);
  out = RUN (f, &status, NULL, "rule", "history", "1");
  g_assert_nonnull (strstr (out, "v1 "));
  g_assert_nonnull (strstr (out, "v2 "));
  g_clear_pointer (&out, g_free);

  /* Names must stay unique. */
  out = RUN (f, &status, &err, "rule", "add", f->rules);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "a rule called \"Low ROAS\" exists already (rule 1)"));
}

static void
test_targets (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *db = g_build_filename (f->ws, "flightdeck.db", NULL);
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  /* Major units of the account currency: 19.99 EUR is 1999 cents… */
  out = RUN (f, &status, NULL, "target", "set", "c1", "--cpa", "19.99", "--roas", "2.5");
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, "c1: target CPA 19.99 EUR, target ROAS 2.5\n");
  g_clear_pointer (&out, g_free);

  /* … and 2500 yen is 2500 (JPY has no minor unit). */
  out = RUN (f, &status, NULL, "target", "set", "c_jp", "--cpa", "2500");
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&out, g_free);
  out = RUN (f, &status, &err, "target", "set", "c_jp", "--cpa", "2500.5");
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "JPY has no minor unit"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  store = fd_store_open (db, FD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rf_query_int (store, "SELECT target_cpa FROM object_target WHERE object_id = 'c1'"), ==, 1999);
  g_assert_cmpint (rf_query_int (store, "SELECT target_cpa FROM object_target WHERE object_id = 'c_jp'"), ==, 2500);

  /* Ad sets inherit; ads have none; unknown objects are refused. */
  out = RUN (f, &status, NULL, "target", "show", "as_low");
  g_assert_cmpstr (out, ==, "as_low: target CPA 19.99 EUR (its campaign’s), target ROAS 2.5 (its campaign’s)\n");
  g_clear_pointer (&out, g_free);
  out = RUN (f, &status, &err, "target", "set", "ad_1", "--cpa", "5");
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "ad_1 is an ad; targets are set on ad sets and campaigns."));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = RUN (f, &status, &err, "target", "set", "nope", "--cpa", "5");
  g_assert_cmpint (status, ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = RUN (f, &status, &err, "target", "set", "c1");
  g_assert_cmpint (status, ==, 2);

  /* Every change is audited and the log verifies. */
  g_clear_pointer (&out, g_free);
  out = RUN (f, &status, NULL, "audit", "verify");
  g_assert_cmpint (status, ==, 0);
}

static void
test_triage_run_json (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) dry = NULL;
  g_autoptr(JsonNode) real = NULL;
  JsonArray *decisions;
  int status;

  add_spec_rules (f);
  g_free (RUN (f, &status, NULL, "target", "set", "c1", "--cpa", "20"));
  for (int id = 1; id <= 4; id++)
    {
      g_autofree char *text = g_strdup_printf ("%d", id);

      g_free (RUN (f, &status, NULL, "rule", "enable", text));
    }

  /* --dry-run: the decisions that would be made, nothing recorded. */
  out = RUN (f, &status, NULL, "triage", "run", "--dry-run", "--at", "2026-03-10 14:20", "--json");
  g_assert_cmpint (status, ==, 0);
  dry = parse_json (out);
  decisions = json_node_get_array (dry);
  g_assert_cmpuint (json_array_get_length (decisions), ==, 2);

  for (guint i = 0; i < 2; i++)
    {
      JsonObject *d = json_array_get_object_element (decisions, i);
      JsonObject *metrics = json_object_get_object_member (d, "metrics");
      JsonArray *actions = json_object_get_array_member (d, "actions");
      const char *rule = json_object_get_string_member (d, "rule");

      /* The shape the issue asks for. */
      g_assert_cmpstr (json_object_get_string_member (d, "object_id"), ==, "as_low");
      g_assert_cmpstr (json_object_get_string_member (d, "level"), ==, "adset");
      g_assert_cmpstr (json_object_get_string_member (d, "state"), ==, "proposed");
      g_assert_true (json_object_get_null_member (d, "id"));

      if (g_str_equal (rule, "Low ROAS"))
        {
          g_assert_cmpfloat (json_object_get_double_member (metrics, "roas(3d)"), ==, 1.3);
          g_assert_cmpuint (json_array_get_length (actions), ==, 2);
          g_assert_cmpstr (json_array_get_string_element (actions, 0), ==, "pause");
          g_assert_cmpstr (json_array_get_string_element (actions, 1), ==, "escalate \"account lead\"");
        }
      else
        {
          /* Daily data: CPA 65.00 today and yesterday, above 28.00. */
          g_assert_cmpstr (rule, ==, "CPA over target");
          g_assert_cmpfloat (json_object_get_double_member (metrics, "cpa(1d)"), ==, 65);
          g_assert_cmpfloat (json_object_get_double_member (metrics, "target_cpa"), ==, 20);
          g_assert_cmpstr (json_array_get_string_element (actions, 0), ==, "budget -30%");
          g_assert_cmpstr (json_array_get_string_element (actions, 1), ==, "notify");
        }
    }

  /* Numbers print as people read them. */
  g_assert_true (strstr (out, "\"roas(3d)\" : 1.3,") != NULL || strstr (out, "\"roas(3d)\" : 1.3\n") != NULL);
  g_clear_pointer (&out, g_free);

  out = RUN (f, &status, NULL, "decision", "list", "--json");
  g_assert_cmpstr (out, ==, "[]\n");
  g_clear_pointer (&out, g_free);

  /* For real: recorded, with ids; Meta is not connected in this build, so
   * both wait as proposed. */
  out = RUN (f, &status, NULL, "triage", "run", "--at", "2026-03-10 14:20", "--json");
  g_assert_cmpint (status, ==, 0);
  real = parse_json (out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (real)), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (json_node_get_array (real), 0), "id"), ==, 1);
  g_clear_pointer (&out, g_free);

  /* Run again: the open decisions are not repeated. */
  out = RUN (f, &status, NULL, "triage", "run", "--at", "2026-03-10 14:35", "--json");
  g_assert_cmpstr (out, ==, "[]\n");
  g_clear_pointer (&out, g_free);

  /* Bad --at values. */
  out = RUN (f, &status, &err, "triage", "run", "--at", "yesterday");
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "write it as “YYYY-MM-DD HH:MM”"));
}

static void
test_at_with_offset (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *out_utc = NULL;
  g_autoptr(JsonNode) a = NULL;
  g_autoptr(JsonNode) b = NULL;
  int status;

  add_spec_rules (f);
  g_free (RUN (f, &status, NULL, "rule", "enable", "1"));

  /* 14:20 in Berlin is 13:20 UTC. */
  out = RUN (f, &status, NULL, "triage", "run", "--dry-run", "--at", "2026-03-10 14:20", "--json");
  out_utc = RUN (f, &status, NULL, "triage", "run", "--dry-run", "--at", "2026-03-10 13:20Z", "--json");
  a = parse_json (out);
  b = parse_json (out_utc);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_node_get_array (a), 0),
                                                  "evaluated_at"), ==, "2026-03-10T13:20:00Z");
  g_assert_true (json_node_equal (a, b));
}

static void
test_decisions (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) shown = NULL;
  int status;

  add_spec_rules (f);
  g_free (RUN (f, &status, NULL, "rule", "enable", "1"));
  g_free (RUN (f, &status, NULL, "triage", "run", "--at", "2026-03-10 14:20"));

  /* Approving needs a person… */
  out = RUN (f, &status, &err, "decision", "approve", "1");
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "Who is acting?"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* … and a connection to Meta to pause; without a token the pause fails
   * with what to do about it, and nothing was changed at Meta. */
  out = fd_test_run_cli (f->ws, &status, &err, "--as", "Leo Martins", "decision", "approve", "#1", NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (out, "[Failed]"));
  g_assert_nonnull (strstr (out, "Connect the account again"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Dismissing is recorded with who and why. */
  out = fd_test_run_cli (f->ws, &status, &err, "--as", "dana@example.com", "decision", "dismiss", "1",
                         "--note", "Offer changes Monday.", NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "[Dismissed]"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  out = RUN (f, &status, NULL, "decision", "show", "1");
  shown = parse_json (out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (shown), "state"), ==, "dismissed");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (shown), "decided_by"), ==, "person:2");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (shown), "note"), ==, "Offer changes Monday.");
  g_clear_pointer (&out, g_free);

  /* Decided is decided; unknown ids and states are clear errors. */
  out = fd_test_run_cli (f->ws, &status, &err, "--as", "2", "decision", "dismiss", "1", NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "is dismissed already"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = RUN (f, &status, &err, "decision", "show", "99");
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "There is no decision 99."));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = RUN (f, &status, &err, "decision", "list", "--state", "pending");
  g_assert_cmpint (status, ==, 2);
}

static void
test_approval_permissions (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *db = g_build_filename (f->ws, "flightdeck.db", NULL);
  g_autoptr(GError) error = NULL;
  int status;

  /* Scale winners with an approval above 50.00: as_ok's budget would go
   * from 100.00 to 120.00. Hourly data, CTR 4% and CPA 10.00. */
  {
    g_autoptr(FdStore) store = fd_store_open (db, FD_STORE_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    rf_hours (store, "as_ok", TZ, "2026-03-07 00:00", "2026-03-10 15:00",
              &(RfMetrics) { .impressions = 1000, .link_clicks = 40, .spend = 1000, .purchases = 1 });
  }

  add_spec_rules (f);
  g_free (RUN (f, &status, NULL, "target", "set", "c1", "--cpa", "20"));
  g_free (RUN (f, &status, NULL, "rule", "enable", "4"));
  out = RUN (f, &status, NULL, "triage", "run", "--at", "2026-03-10 14:20");
  g_assert_nonnull (strstr (out, "Scale winners"));
  g_assert_nonnull (strstr (out, "[Awaiting approval]"));
  g_clear_pointer (&out, g_free);

  /* Grace is neither an account lead nor the triage owner. */
  out = fd_test_run_cli (f->ws, &status, &err, "--as", "Grace Okafor", "decision", "approve", "1", NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "only “account lead” or Dana Whitfield, who owns daily triage, may decide it"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  out = RUN (f, &status, NULL, "decision", "list", "--state", "awaiting_approval", "--json");
  g_assert_nonnull (strstr (out, "\"approver\" : \"account lead\""));
}

static void
test_backtest_json (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) result = NULL;
  JsonObject *root;
  JsonObject *firing;
  JsonObject *total;
  int status;

  add_spec_rules (f);

  out = RUN (f, &status, NULL, "rule", "backtest", "1", "--since", "2026-03-01", "--until", "2026-03-10", "--json");
  g_assert_cmpint (status, ==, 0);
  result = parse_json (out);
  root = json_node_get_object (result);

  g_assert_cmpstr (json_object_get_string_member (root, "rule"), ==, "Low ROAS");
  g_assert_cmpstr (json_object_get_string_member (root, "since"), ==, "2026-03-01");
  g_assert_cmpstr (json_object_get_string_member (root, "until"), ==, "2026-03-10");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "firings")), ==, 1);

  /* Data starts on the 8th, at ROAS 1.3: the rule fires at the end of
   * that day (midnight in Berlin is 23:00 UTC). */
  firing = json_array_get_object_element (json_object_get_array_member (root, "firings"), 0);
  g_assert_cmpstr (json_object_get_string_member (firing, "object_id"), ==, "as_low");
  g_assert_cmpstr (json_object_get_string_member (firing, "at"), ==, "2026-03-08T23:00:00Z");
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (firing, "metrics"), "roas(3d)"), ==, 1.3);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (firing, "actions"), 0), ==, "pause");

  /* Pausing at the end of the 8th avoids the 9th and 10th: 130.00. */
  g_assert_cmpfloat (json_object_get_double_member (firing, "spend_effect"), ==, -130);
  total = json_array_get_object_element (json_object_get_array_member (root, "totals"), 0);
  g_assert_cmpstr (json_object_get_string_member (total, "currency"), ==, "EUR");
  g_assert_cmpfloat (json_object_get_double_member (total, "spend_avoided"), ==, 130);
  g_clear_pointer (&out, g_free);

  out = RUN (f, &status, &err, "rule", "backtest", "1", "--since", "2026-03-01");
  g_assert_cmpint (status, ==, 2);
}

static void
test_every_runs_until_stopped (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *cli = g_getenv ("FLIGHTDECK_CLI");

  add_spec_rules (f);

  /* --every runs at once, then on the clock; SIGTERM ends it cleanly. */
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                              cli, "--workspace", f->ws, "triage", "run", "--every", "15m", "--json", NULL);
  g_assert_no_error (error);

  g_usleep (1500 * 1000);
  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);

  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  g_assert_cmpstr (out, ==, "[]\n");
}

static void
test_usage (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  out = RUN (f, &status, &err, "triage", "run", "--every", "2h");
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, "minutes from 1 to 60"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  out = RUN (f, &status, &err, "rule", "add");
  g_assert_cmpint (status, ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  out = RUN (f, &status, &err, "rule", "enable", "42");
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "There is no rule 42."));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/rules/cli/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("rule-commands", test_rule_commands);
  ADD ("targets", test_targets);
  ADD ("triage-run-json", test_triage_run_json);
  ADD ("at-with-offset", test_at_with_offset);
  ADD ("decisions", test_decisions);
  ADD ("approval-permissions", test_approval_permissions);
  ADD ("backtest-json", test_backtest_json);
  ADD ("every", test_every_runs_until_stopped);
  ADD ("usage", test_usage);

#undef ADD

  return g_test_run ();
}
