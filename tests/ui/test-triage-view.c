/* test-triage-view.c: the triage dashboard on a demo workspace (its ad account
 * served by the Graph emulator): decisions listed, one approved and carried
 * out at Meta, one dismissed, a broken rule pointed at by line and column,
 * a back-test with firings; and FdMetricChart's data→geometry mapping.
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fd-backtest-page.h"
#include "fd-metric-chart.h"
#include "fd-roster.h"
#include "fd-rule-editor.h"
#include "fd-test-util.h"
#include "fd-triage-view.h"
#include "fd-ui-test.h"
#include "fd-window-private.h"

/*
 * The chart's geometry (no display needed)
 */

static void
test_chart_axis (void)
{
  FdChartAxis axis;

  fd_chart_axis_compute (0.3, 4.7, 6, &axis);
  g_assert_cmpfloat (axis.min, ==, 0);
  g_assert_cmpfloat (axis.max, ==, 5);
  g_assert_cmpfloat (axis.step, ==, 1);
  g_assert_cmpuint (axis.n_ticks, ==, 6);
  g_assert_cmpfloat (axis.ticks[3], ==, 3);

  /* Money: 18.40 to 91.20 EUR in at most 6 ticks: 0, 20 … 100. */
  fd_chart_axis_compute (18.4, 91.2, 6, &axis);
  g_assert_cmpfloat (axis.step, ==, 20);
  g_assert_cmpfloat (axis.min, ==, 0);
  g_assert_cmpfloat (axis.max, ==, 100);

  /* Small rates: 1.1 % to 1.45 %. */
  fd_chart_axis_compute (1.1, 1.45, 5, &axis);
  g_assert_cmpfloat_with_epsilon (axis.step, 0.1, 1e-12);
  g_assert_cmpfloat_with_epsilon (axis.min, 1.1, 1e-9);
  g_assert_cmpfloat_with_epsilon (axis.max, 1.5, 1e-9);
  g_assert_cmpuint (axis.n_ticks, <=, 5);

  /* One value, and no values, still give an axis. */
  fd_chart_axis_compute (2, 2, 6, &axis);
  g_assert_cmpfloat (axis.min, <, 2);
  g_assert_cmpfloat (axis.max, >, 2);
  fd_chart_axis_compute (NAN, NAN, 6, &axis);
  g_assert_cmpfloat (axis.min, ==, 0);
  g_assert_cmpfloat (axis.max, ==, 1);
}

static void
test_chart_mapping (void)
{
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) start_dt = g_date_time_new (berlin, 2026, 3, 1, 0, 0, 0);
  gint64 start = g_date_time_to_unix (start_dt) * G_USEC_PER_SEC;
  FdChartAxis axis;
  FdChartTimeAxis time;

  /* A threshold of 1.4 on a 0–2 axis drawn in 200 px from y = 20. */
  fd_chart_axis_compute (0, 2, 5, &axis);
  g_assert_cmpfloat_with_epsilon (fd_chart_value_to_y (&axis, 1.4, 20, 200), 20 + 200 * 0.3, 1e-9);
  g_assert_cmpfloat (fd_chart_value_to_y (&axis, axis.max, 20, 200), ==, 20);
  g_assert_cmpfloat (fd_chart_value_to_y (&axis, axis.min, 20, 200), ==, 220);

  /* Fourteen days: ticks every other day at local midnight; a firing at
   * noon of day 7 sits a half-day past the middle. */
  fd_chart_time_axis_compute (start, start + 14 * G_TIME_SPAN_DAY, berlin, 8, &time);
  g_assert_cmpint (time.step, ==, 2 * G_TIME_SPAN_DAY);
  g_assert_cmpuint (time.n_ticks, ==, 8);
  g_assert_cmpint (time.ticks[0], ==, start);
  g_assert_cmpfloat_with_epsilon (fd_chart_time_to_x (&time, start + 7 * G_TIME_SPAN_DAY + 12 * G_TIME_SPAN_HOUR, 50, 700),
                                  50 + 700 * 7.5 / 14, 1e-6);

  /* Two days in hours: every 6 hours, on whole local hours. */
  fd_chart_time_axis_compute (start + 90 * G_TIME_SPAN_MINUTE, start + 2 * G_TIME_SPAN_DAY, berlin, 10, &time);
  g_assert_cmpint (time.step, ==, 6 * G_TIME_SPAN_HOUR);
  g_assert_cmpint (time.ticks[0], ==, start + 6 * G_TIME_SPAN_HOUR);
}

/* A decision taken now, after the last hour Meta reported, stays on the
 * chart's time axis. */
static void
test_chart_span (void)
{
  GtkWidget *chart = g_object_ref_sink (fd_metric_chart_new ());
  g_autoptr(GArray) fired = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 times[3] = { 0, G_TIME_SPAN_HOUR, 2 * G_TIME_SPAN_HOUR };
  double values[3] = { 1.0, 1.2, 0.9 };
  gint64 now = 2 * G_TIME_SPAN_HOUR + 40 * G_TIME_SPAN_MINUTE;
  gint64 start, end;

  g_assert_false (fd_metric_chart_get_time_span (FD_METRIC_CHART (chart), &start, &end));
  fd_metric_chart_set_points (FD_METRIC_CHART (chart), times, 3);
  fd_metric_chart_set_value_line (FD_METRIC_CHART (chart), "roas(3d)", values);
  g_assert_true (fd_metric_chart_get_time_span (FD_METRIC_CHART (chart), &start, &end));
  g_assert_cmpint (end, ==, 2 * G_TIME_SPAN_HOUR);

  g_array_append_val (fired, now);
  fd_metric_chart_add_markers (FD_METRIC_CHART (chart), "Fired", fired, FALSE);
  g_assert_true (fd_metric_chart_get_time_span (FD_METRIC_CHART (chart), &start, &end));
  g_assert_cmpint (start, ==, 0);
  g_assert_cmpint (end, ==, now);
  g_object_unref (chart);
}

/*
 * The dashboard
 */

typedef struct
{
  char          *dir;
  char          *path;
  FdApplication *app;
  FdWindow      *window;
  FdTriageView  *view;
} Fixture;

static void
become (const char *path,
        const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdWorkspace) workspace = fd_workspace_open (path, &error);
  g_autoptr(GPtrArray) people = NULL;

  g_assert_no_error (error);
  people = fd_roster_list (fd_workspace_get_store (workspace), FALSE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < people->len; i++)
    if (g_str_equal (fd_person_get_name (g_ptr_array_index (people, i)), name))
      {
        g_assert_true (fd_roster_set_current (fd_workspace_get_store (workspace), "system",
                                              fd_person_get_id (g_ptr_array_index (people, i)), &error));
        g_assert_no_error (error);
        return;
      }
  g_assert_not_reached ();
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *out = NULL;
  int status;

  f->dir = fd_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "demo", NULL);
  out = fd_test_run_cli (f->path, &status, NULL, "demo", NULL);
  g_assert_cmpint (status, ==, 0);
  become (f->path, "Leo Martins");

  f->app = fd_ui_test_app_new ();
  f->window = fd_ui_test_open (f->app, f->path);
  fd_window_show_stage (f->window, "triage");
  f->view = FD_TRIAGE_VIEW (fd_window_get_stage_view (f->window, "triage"));
  g_assert_nonnull (f->view);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  fd_ui_test_app_free (f->app);
  g_free (f->path);
  fd_test_tmpdir_free (f->dir);
}

static GtkWidget *
find_child (GtkWidget  *widget,
            const char *name)
{
  return gtk_widget_get_template_child (widget, G_OBJECT_TYPE (widget), name) ?
         GTK_WIDGET (gtk_widget_get_template_child (widget, G_OBJECT_TYPE (widget), name)) : NULL;
}

/* The decision row whose rule is @rule, among the listed ones. */
static GtkListBoxRow *
find_row (Fixture    *f,
          const char *rule)
{
  GtkListBox *list = GTK_LIST_BOX (find_child (GTK_WIDGET (f->view), "decisions_list"));

  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);

      if (row == NULL)
        return NULL;
      if (g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), rule))
        return row;
    }
}

static FdTriageDecision *
decision_of (Fixture *f,
             gint64   id)
{
  GListModel *decisions = fd_triage_engine_get_decisions (fd_triage_view_get_engine (f->view));

  for (guint i = 0; i < g_list_model_get_n_items (decisions); i++)
    {
      g_autoptr(FdTriageDecision) decision = g_list_model_get_item (decisions, i);

      if (fd_triage_decision_get_id (decision) == id)
        return g_steal_pointer (&decision);
    }

  return NULL;
}

static int
state_of (Fixture *f,
          gint64   id)
{
  g_autoptr(FdTriageDecision) decision = decision_of (f, id);

  return decision ? (int)fd_triage_decision_get_state (decision) : -1;
}

static gint64
open_decision (Fixture    *f,
               const char *rule)
{
  GtkListBoxRow *row;

  fd_ui_test_wait_for ((row = find_row (f, rule)) != NULL);
  g_signal_emit_by_name (find_child (GTK_WIDGET (f->view), "decisions_list"), "row-activated", row);
  fd_ui_test_wait_for (g_str_equal (gtk_stack_get_visible_child_name (GTK_STACK (find_child (GTK_WIDGET (f->view), "detail_stack"))), "detail"));

  return (gint64)GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "decision-id"));
}

static void
test_decisions (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *charts = find_child (GTK_WIDGET (f->view), "charts_box");
  GtkWidget *accounts = find_child (GTK_WIDGET (f->view), "accounts_list");
  FdMetricChart *chart;
  gint64 low_roas, winners;

  /* The account is shown, with its sync and metrics. */
  fd_ui_test_wait_for (gtk_list_box_get_row_at_index (GTK_LIST_BOX (accounts), 0) != NULL);
  g_assert_true (fd_ui_test_label_contains (accounts, "Northwind Outdoor"));
  g_assert_true (fd_ui_test_label_contains (accounts, "ROAS"));
  g_assert_true (fd_ui_test_label_contains (accounts, "daily budgets"));

  /* While the workspace is open, triage runs on its clock and the account
   * syncs on the hour — not at once, the demo synced a moment ago. */
  fd_ui_test_wait_for (fd_triage_scheduler_get_active (fd_triage_view_get_triage_scheduler (f->view)));
  g_assert_false (fd_sync_scheduler_get_running (fd_triage_view_get_sync_scheduler (f->view)));
  g_assert_cmpint (fd_sync_scheduler_get_next_run (fd_triage_view_get_sync_scheduler (f->view)), >,
                   g_get_real_time () + 50 * G_TIME_SPAN_MINUTE);

  /* The two awaiting approval are listed; the chart of the first shows its
   * threshold and where the rule fired. */
  low_roas = open_decision (f, "Low ROAS");
  g_assert_cmpint (state_of (f, low_roas), ==, FD_TRIAGE_STATE_AWAITING_APPROVAL);
  fd_ui_test_wait_for (gtk_widget_get_first_child (charts) != NULL);
  chart = FD_METRIC_CHART (gtk_widget_get_first_child (charts));
  g_assert_true (fd_metric_chart_get_has_data (chart));
  g_assert_cmpuint (fd_metric_chart_get_n_markers (chart), >=, 1);
  g_assert_cmpfloat (fd_metric_chart_get_axis (chart)->max, >=, 1.4);

  /* Approving pauses the ad set at Meta (the emulator). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "triage.approve", NULL));
  fd_ui_test_wait_for (state_of (f, low_roas) == FD_TRIAGE_STATE_EXECUTED);
  fd_ui_test_wait_for (fd_ui_test_label_contains (GTK_WIDGET (f->view), "Executed"));

  /* Dismissing the other. */
  winners = open_decision (f, "Scale winners");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "triage.dismiss", NULL));
  fd_ui_test_wait_for (state_of (f, winners) == FD_TRIAGE_STATE_DISMISSED);

  /* Nothing left to act on: the list says so. */
  fd_ui_test_wait_for (g_str_equal (gtk_stack_get_visible_child_name (GTK_STACK (find_child (GTK_WIDGET (f->view), "list_stack"))), "empty"));
}

static void
test_rule_editor (Fixture       *f,
                  gconstpointer  data)
{
  FdRuleEditor *editor = FD_RULE_EDITOR (find_child (GTK_WIDGET (f->view), "rule_editor"));
  FdBacktestPage *backtest = FD_BACKTEST_PAGE (find_child (GTK_WIDGET (f->view), "backtest_page"));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) start = g_date_time_add_days (now, -20);
  g_autofree char *since = g_date_time_format (start, "%Y-%m-%d");
  g_autofree char *until = g_date_time_format (now, "%Y-%m-%d");
  GListModel *rules = fd_rule_editor_get_rules (editor);

  fd_ui_test_wait_for (g_list_model_get_n_items (rules) == 4);

  /* A typo in the metric, on line 3: pointed at by line and column. */
  fd_rule_editor_set_text (editor, "rule \"Broken\"\n  level adset\n  when roaz(3d) < 1.4\n  then pause\n");
  fd_ui_test_wait_for (!fd_rule_editor_get_checking (editor) && fd_rule_editor_get_problem (editor) != NULL);
  g_test_message ("problem: %s", fd_rule_editor_get_problem (editor));
  g_assert_true (g_str_has_prefix (fd_rule_editor_get_problem (editor), "line 3, column 8:"));
  g_assert_nonnull (strstr (fd_rule_editor_get_problem (editor), "roaz"));

  /* Fixed, it is valid. */
  fd_rule_editor_set_text (editor, "rule \"Broken\"\n  level adset\n  when roas(3d) < 1.4\n  then pause\n");
  fd_ui_test_wait_for (!fd_rule_editor_get_checking (editor));
  g_assert_null (fd_rule_editor_get_problem (editor));

  /* The editor's unsaved text, back-tested over the last 20 days. */
  fd_backtest_page_set_range (backtest, since, until);
  fd_backtest_page_select_rule (backtest, g_list_model_get_n_items (rules));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (backtest), "backtest.run", NULL));
  fd_ui_test_wait_for (!fd_backtest_page_get_running (backtest));
  g_assert_nonnull (fd_backtest_page_get_result (backtest));
  g_assert_cmpuint (fd_backtest_get_firings (fd_backtest_page_get_result (backtest))->len, >, 0);
  g_assert_true (fd_ui_test_label_contains (GTK_WIDGET (backtest), "would have fired"));

  /* A bad date is a plain message, not a crash. */
  fd_backtest_page_set_range (backtest, "yesterday", until);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (backtest), "backtest.run", NULL));
  fd_ui_test_wait_for (!fd_backtest_page_get_running (backtest));
  g_assert_true (fd_ui_test_label_contains (GTK_WIDGET (backtest), "is not a date"));
}

/* For screenshots: FD_TRIAGE_SHOT=seconds keeps the dashboard on screen,
 * a decision open, for that long. */
static void
test_hold (Fixture       *f,
           gconstpointer  data)
{
  const char *seconds = g_getenv ("FD_TRIAGE_SHOT");
  const char *page = g_getenv ("FD_TRIAGE_SHOT_PAGE");
  gint64 until;

  if (seconds == NULL)
    {
      g_test_skip ("FD_TRIAGE_SHOT is not set");
      return;
    }

  gtk_window_set_default_size (GTK_WINDOW (f->window), atoi (g_getenv ("FD_TRIAGE_SHOT_WIDTH") ? g_getenv ("FD_TRIAGE_SHOT_WIDTH") : "1280"), 800);
  gtk_window_present (GTK_WINDOW (f->window));
  if (page == NULL || !g_str_equal (page, "detail-first"))
    open_decision (f, "Low ROAS");
  if (page != NULL && !g_str_equal (page, "detail-first"))
    gtk_stack_set_visible_child_name (GTK_STACK (find_child (GTK_WIDGET (f->view), "pages")), page);
  if (page != NULL && g_str_equal (page, "backtest"))
    {
      FdRuleEditor *editor = FD_RULE_EDITOR (find_child (GTK_WIDGET (f->view), "rule_editor"));
      FdBacktestPage *backtest = FD_BACKTEST_PAGE (find_child (GTK_WIDGET (f->view), "backtest_page"));

      fd_ui_test_wait_for (g_list_model_get_n_items (fd_rule_editor_get_rules (editor)) == 4);
      fd_backtest_page_select_rule (backtest, 3);
      gtk_widget_activate_action (GTK_WIDGET (backtest), "backtest.run", NULL);
    }
  if (page != NULL && g_str_equal (page, "rules"))
    {
      FdRuleEditor *editor = FD_RULE_EDITOR (find_child (GTK_WIDGET (f->view), "rule_editor"));

      fd_ui_test_wait_for (g_list_model_get_n_items (fd_rule_editor_get_rules (editor)) == 4);
      fd_test_spin (300);
      fd_rule_editor_set_text (editor, "rule \"Low ROAS\"\n  level adset\n  when roaz(3d) < 1.4\n  then pause, escalate \"account lead\"\n  require spend(3d) >= 50\n");
    }

  until = g_get_monotonic_time () + atoi (seconds) * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < until)
    fd_ui_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  fd_ui_test_init (&argc, &argv);

  g_test_add_func ("/triage/chart/axis", test_chart_axis);
  g_test_add_func ("/triage/chart/mapping", test_chart_mapping);
  g_test_add_func ("/triage/chart/span", test_chart_span);
  g_test_add ("/triage/dashboard/decisions", Fixture, NULL, fixture_set_up, test_decisions, fixture_tear_down);
  g_test_add ("/triage/dashboard/rules", Fixture, NULL, fixture_set_up, test_rule_editor, fixture_tear_down);
  g_test_add ("/triage/dashboard/hold", Fixture, NULL, fixture_set_up, test_hold, fixture_tear_down);

  return g_test_run ();
}
