/* fd-triage-view.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-triage-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "fd-account-summary.h"
#include "fd-ad-creative-link.h"
#include "fd-backtest-page.h"
#include "fd-currency.h"
#include "fd-graph-triage-executor.h"
#include "fd-metric-chart.h"
#include "fd-rule-editor.h"
#include "fd-sync-scheduler.h"
#include "fd-triage-scheduler.h"
#include "fd-triage-engine.h"
#include "fd-triage-view.h"
#include "fd-ui-models.h"
#include "fd-ui-util.h"

/* The performance triage dashboard: the ad accounts (sync, pacing,
 * headline metrics), the decisions the rules took, each with its numbers,
 * a chart of the rule on its object, and Approve / Dismiss / Open the ad;
 * the rules editor and the back-test on their own pages. Everything is
 * read and done off the main loop: FdTriageEngine runs triage, approvals
 * (through FdGraphTriageExecutor, as the CLI does) and chart series on
 * worker threads; FdSyncScheduler syncs; the account summaries load on the
 * workspace's reader queue. */

#define CHART_DAYS 14

/* Meta revises insights through the day, not by the minute: an hourly
 * sync keeps the numbers fresh without spending the account's rate limit.
 * Triage runs on FdTriageScheduler's own clock (15 minutes) and after
 * each sync. */
#define SYNC_INTERVAL_S (60 * 60)

struct _FdTriageView
{
  AdwBin            parent_instance;

  FdWorkspace      *workspace;
  FdTriageEngine   *engine;
  FdSyncScheduler  *sync;
  FdTriageScheduler *triage_clock;
  gboolean          clocks_started;
  FdQueryModel     *accounts;
  FdQueryModel     *current_person;
  GtkFilterListModel *filtered;
  GtkCustomFilter  *filter;
  GCancellable     *series_cancellable;

  gint64            selected_id;
  FdTriageDecision *selected;
  guint             busy;

  /* Template widgets */
  GtkLabel         *sync_label;
  GtkSpinner       *busy_spinner;
  GtkProgressBar   *sync_progress;
  AdwViewStack     *pages;
  GtkStack         *decisions_stack;
  AdwLeaflet       *leaflet;
  GtkWidget        *sidebar;
  GtkDropDown      *window_dropdown;
  GtkListBox       *accounts_list;
  GtkDropDown      *state_dropdown;
  GtkStack         *list_stack;
  GtkListBox       *decisions_list;
  GtkStack         *detail_stack;
  GtkLabel         *detail_title;
  GtkLabel         *detail_subtitle;
  GtkLabel         *detail_explanation;
  GtkLabel         *detail_actions;
  GtkLabel         *detail_state;
  GtkListBox       *creatives_list;
  GtkLabel         *chart_status;
  GtkBox           *charts_box;
  FdRuleEditor     *rule_editor;
  FdBacktestPage   *backtest_page;
};

G_DEFINE_FINAL_TYPE (FdTriageView, fd_triage_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_WORKSPACE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void show_decision (FdTriageView *self, FdTriageDecision *decision);

static const guint window_days[] = { 1, 7, 14, 30 };

/*
 * Formatting
 */

static char *
format_ago (gint64 when)
{
  gint64 seconds = (g_get_real_time () - when) / G_USEC_PER_SEC;

  if (seconds < 60)
    return g_strdup (_("just now"));
  if (seconds < 3600)
    return g_strdup_printf (ngettext ("%d minute ago", "%d minutes ago", (int)(seconds / 60)), (int)(seconds / 60));
  if (seconds < 86400)
    return g_strdup_printf (ngettext ("%d hour ago", "%d hours ago", (int)(seconds / 3600)), (int)(seconds / 3600));
  return g_strdup_printf (ngettext ("%d day ago", "%d days ago", (int)(seconds / 86400)), (int)(seconds / 86400));
}

static char *
format_metric (double      value,
               const char *suffix)
{
  if (!isfinite (value))
    return g_strdup ("—");
  return g_strdup_printf ("%.2f%s", value, suffix);
}

static const char *
state_css (FdTriageState state)
{
  switch (state)
    {
    case FD_TRIAGE_STATE_EXECUTED:
      return "success";
    case FD_TRIAGE_STATE_FAILED:
      return "error";
    case FD_TRIAGE_STATE_AWAITING_APPROVAL:
    case FD_TRIAGE_STATE_PROPOSED:
    case FD_TRIAGE_STATE_EXECUTING:
      return "warning";
    case FD_TRIAGE_STATE_DISMISSED:
    default:
      return "dim-label";
    }
}

static gboolean
state_is_open (FdTriageState state)
{
  return state == FD_TRIAGE_STATE_PROPOSED || state == FD_TRIAGE_STATE_AWAITING_APPROVAL ||
         state == FD_TRIAGE_STATE_FAILED || state == FD_TRIAGE_STATE_EXECUTING;
}

/*
 * Accounts
 */

static gpointer
load_accounts (FdStore       *store,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  return fd_account_summary_list (store, g_get_real_time (), GPOINTER_TO_UINT (data), error);
}

static FdAccountSummary *
find_account (FdTriageView *self,
              const char   *account_id)
{
  guint n = self->accounts ? g_list_model_get_n_items (G_LIST_MODEL (self->accounts)) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FdAccountSummary) summary = g_list_model_get_item (G_LIST_MODEL (self->accounts), i);

      if (g_strcmp0 (fd_ad_account_get_id (fd_account_summary_get_account (summary)), account_id) == 0)
        return g_steal_pointer (&summary);
    }

  return NULL;
}

static char *
sync_text (FdAdAccount *account)
{
  g_autofree char *ago = NULL;

  switch (fd_ad_account_get_sync_state (account))
    {
    case FD_AD_ACCOUNT_SYNC_NEVER:
      return g_strdup (_("Never synced"));
    case FD_AD_ACCOUNT_SYNC_RUNNING:
      return g_strdup (_("Syncing now"));
    case FD_AD_ACCOUNT_SYNC_FAILED:
      ago = format_ago (fd_ad_account_get_last_sync (account));
      return g_strdup_printf (_("The last sync failed (%s): %s"), ago,
                              fd_ad_account_get_last_message (account) ? fd_ad_account_get_last_message (account)
                                                                       : _("no reason given"));
    case FD_AD_ACCOUNT_SYNC_OK:
    default:
      ago = format_ago (fd_ad_account_get_last_success (account));
      return g_strdup_printf (_("Synced %s"), ago);
    }
}

static GtkWidget *
dim_label (const char *text,
           const char *css)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css != NULL)
    gtk_widget_add_css_class (label, css);
  return label;
}

static GtkWidget *
create_account_row (gpointer item,
                    gpointer user_data)
{
  FdAccountSummary *summary = item;
  FdAdAccount *account = fd_account_summary_get_account (summary);
  const char *currency = fd_ad_account_get_currency (account);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *level;
  g_autofree char *sync = sync_text (account);
  g_autofree char *today = fd_currency_format (currency, fd_account_summary_get_spend_today (summary));
  g_autofree char *pacing = NULL;
  g_autofree char *spend = fd_currency_format (currency, fd_account_summary_get_spend (summary));
  g_autofree char *roas = format_metric (fd_account_summary_get_metric (summary, FD_RULE_METRIC_ROAS), "");
  double cpa_value = fd_account_summary_get_metric (summary, FD_RULE_METRIC_CPA);
  g_autofree char *cpa = isfinite (cpa_value) ? fd_currency_format_major (currency, cpa_value) : g_strdup ("—");
  g_autofree char *ctr = format_metric (fd_account_summary_get_metric (summary, FD_RULE_METRIC_CTR), " %");
  g_autofree char *metrics = NULL;
  double share = fd_account_summary_get_pacing (summary);
  guint days = fd_account_summary_get_window_days (summary);

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_box_append (GTK_BOX (box), dim_label (fd_ad_account_get_name (account), "heading"));
  gtk_box_append (GTK_BOX (box), dim_label (sync, fd_ad_account_get_sync_state (account) == FD_AD_ACCOUNT_SYNC_FAILED
                                                   ? "error" : "dim-label"));

  if (isfinite (share))
    {
      g_autofree char *budget = fd_currency_format (currency, fd_account_summary_get_daily_budget (summary));

      /* Translators: spend pacing: "€1,200.00 of €2,000.00 daily budgets today (60 %)" */
      pacing = g_strdup_printf (_("Today %s of %s daily budgets (%.0f %%)"), today, budget, share * 100);
    }
  else
    pacing = g_strdup_printf (_("Today %s; no daily budgets set"), today);
  gtk_box_append (GTK_BOX (box), dim_label (pacing, "caption"));

  level = gtk_level_bar_new_for_interval (0, 1.2);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (level), isfinite (share) ? MIN (share, 1.2) : 0);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (level), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (level), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (level), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_widget_set_visible (level, isfinite (share));
  gtk_box_append (GTK_BOX (box), level);

  metrics = days == 1
    ? g_strdup_printf (_("Today: spend %s · ROAS %s · CPA %s · CTR %s"), spend, roas, cpa, ctr)
    : g_strdup_printf (ngettext ("Last %u day: spend %s · ROAS %s · CPA %s · CTR %s",
                                 "Last %u days: spend %s · ROAS %s · CPA %s · CTR %s", days),
                       days, spend, roas, cpa, ctr);
  gtk_box_append (GTK_BOX (box), dim_label (metrics, "caption"));

  return box;
}

/* Whether some account has not synced cleanly within the interval. */
static gboolean
accounts_are_stale (FdTriageView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->accounts));
  gint64 due = g_get_real_time () - (gint64)SYNC_INTERVAL_S * G_USEC_PER_SEC;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FdAccountSummary) summary = g_list_model_get_item (G_LIST_MODEL (self->accounts), i);
      FdAdAccount *account = fd_account_summary_get_account (summary);

      if (fd_ad_account_get_sync_state (account) != FD_AD_ACCOUNT_SYNC_OK ||
          fd_ad_account_get_last_success (account) < due)
        return TRUE;
    }

  return FALSE;
}

/* Once the workspace's accounts are known: sync on the hour (at once if
 * the numbers are older than that) and run triage on its clock, for as
 * long as the workspace is open. */
static void
start_clocks (FdTriageView *self)
{
  if (self->clocks_started || self->sync == NULL)
    return;

  self->clocks_started = TRUE;
  fd_sync_scheduler_set_interval (self->sync, SYNC_INTERVAL_S);
  if (accounts_are_stale (self))
    fd_sync_scheduler_start (self->sync);
  else
    fd_sync_scheduler_resume (self->sync);
  fd_triage_scheduler_start (self->triage_clock);
}

static void
on_accounts_changed (FdTriageView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->accounts));

  if (!fd_query_model_get_loaded (self->accounts))
    return;

  gtk_stack_set_visible_child_name (self->decisions_stack, n > 0 ? "dashboard" : "no-account");
  if (n > 0)
    start_clocks (self);
}

static FdQueryModel *
accounts_model_new (guint days)
{
  static const char * const watched[] = { "ad_account", "decision", NULL };

  return fd_query_model_new (FD_TYPE_ACCOUNT_SUMMARY, load_accounts, GUINT_TO_POINTER (days), NULL, NULL, watched);
}

static void
on_window_changed (FdTriageView *self)
{
  guint selected = gtk_drop_down_get_selected (self->window_dropdown);
  guint days = window_days[MIN (selected, G_N_ELEMENTS (window_days) - 1)];

  if (self->accounts != NULL)
    fd_query_model_set_workspace (self->accounts, NULL);
  g_clear_object (&self->accounts);

  self->accounts = accounts_model_new (days);
  g_signal_connect_object (self->accounts, "items-changed", G_CALLBACK (on_accounts_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->accounts, "notify::loaded", G_CALLBACK (on_accounts_changed), self,
                           G_CONNECT_SWAPPED);
  gtk_list_box_bind_model (self->accounts_list, G_LIST_MODEL (self->accounts), create_account_row, NULL, NULL);
  fd_query_model_set_workspace (self->accounts, self->workspace);
}

/*
 * Busy, sync
 */

static void
busy_push (FdTriageView *self)
{
  if (self->busy++ == 0)
    gtk_spinner_start (self->busy_spinner);
}

static void
busy_pop (FdTriageView *self)
{
  if (--self->busy == 0)
    gtk_spinner_stop (self->busy_spinner);
}

static void
update_sync (FdTriageView *self)
{
  gboolean running = self->sync && fd_sync_scheduler_get_running (self->sync);

  gtk_widget_set_visible (GTK_WIDGET (self->sync_progress), running);
  if (running)
    {
      const char *account = fd_sync_scheduler_get_current_account (self->sync);
      const char *stage = fd_sync_scheduler_get_stage (self->sync);
      g_autofree char *text = g_strdup_printf (_("Syncing %s: %s"), account ? account : "…", stage ? stage : "…");

      gtk_progress_bar_set_fraction (self->sync_progress, fd_sync_scheduler_get_progress (self->sync));
      gtk_label_set_label (self->sync_label, text);
    }
  else if (self->sync && fd_sync_scheduler_get_last_error (self->sync))
    {
      g_autofree char *text = g_strdup_printf (_("The last sync failed: %s"),
                                               fd_sync_scheduler_get_last_error (self->sync));

      gtk_label_set_label (self->sync_label, text);
    }
  else
    gtk_label_set_label (self->sync_label, "");
}

static void
on_sync_finished (FdTriageView *self)
{
  update_sync (self);
  if (self->triage_clock != NULL)
    fd_triage_scheduler_sync_finished (self->triage_clock);
  if (self->accounts != NULL)
    fd_query_model_reload (self->accounts);
}

static void
sync_now (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  FdTriageView *self = FD_TRIAGE_VIEW (widget);

  if (self->sync == NULL)
    return;

  fd_sync_scheduler_sync_now (self->sync, NULL);
  update_sync (self);
}

static void
run_done (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(FdTriageView) self = user_data;
  g_autoptr(FdTriageReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n;

  busy_pop (self);
  report = fd_triage_engine_run_finish (FD_TRIAGE_ENGINE (object), result, &error);
  if (report == NULL)
    {
      if (!fd_ui_error_is_cancelled (error))
        fd_ui_toast (GTK_WIDGET (self), error->message);
      return;
    }

  n = fd_triage_report_get_decisions (report)->len;
  message = n == 0 ? g_strdup (_("Triage ran: no rule proposes anything new"))
                   : g_strdup_printf (ngettext ("Triage ran: %u new decision", "Triage ran: %u new decisions", n), n);
  fd_ui_toast (GTK_WIDGET (self), message);
  fd_query_model_reload (self->accounts);
}

static void
run_now (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  FdTriageView *self = FD_TRIAGE_VIEW (widget);

  if (self->engine == NULL)
    return;

  busy_push (self);
  fd_triage_engine_run_async (self->engine, 0, "manual", FD_TRIAGE_RUN_DEFAULT, NULL, run_done,
                              g_object_ref (self));
}

/*
 * Decisions
 */

static GtkWidget *
create_decision_row (gpointer item,
                     gpointer user_data)
{
  FdTriageDecision *decision = item;
  FdTriageState state = fd_triage_decision_get_state (decision);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *badge = gtk_label_new (fd_triage_state_get_title (state));
  const char *object = fd_triage_decision_get_object_name (decision);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", fd_rule_level_get_title (fd_triage_decision_get_level (decision)),
                                               object ? object : fd_triage_decision_get_object_id (decision));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fd_triage_decision_get_rule_name (decision));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_widget_add_css_class (badge, "caption-heading");
  gtk_widget_add_css_class (badge, state_css (state));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "decision-id", GSIZE_TO_POINTER ((gsize)fd_triage_decision_get_id (decision)));

  return row;
}

static gboolean
filter_decision (gpointer item,
                 gpointer user_data)
{
  FdTriageView *self = user_data;

  return gtk_drop_down_get_selected (self->state_dropdown) == 1 ||
         state_is_open (fd_triage_decision_get_state (FD_TRIAGE_DECISION (item)));
}

static FdTriageDecision *
find_decision (FdTriageView *self,
               gint64        id)
{
  GListModel *model = self->engine ? fd_triage_engine_get_decisions (self->engine) : NULL;
  guint n = model ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FdTriageDecision) decision = g_list_model_get_item (model, i);

      if (fd_triage_decision_get_id (decision) == id)
        return g_steal_pointer (&decision);
    }

  return NULL;
}

static void
select_row_of (FdTriageView *self,
               gint64        id)
{
  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->decisions_list, i);

      if (row == NULL)
        break;
      if ((gint64)GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "decision-id")) == id)
        {
          gtk_list_box_select_row (self->decisions_list, row);
          return;
        }
    }
}

static void
on_decisions_changed (FdTriageView *self)
{
  g_autoptr(FdTriageDecision) current = self->selected_id ? find_decision (self, self->selected_id) : NULL;

  gtk_stack_set_visible_child_name (self->list_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0 ? "list" : "empty");

  /* The shown decision changed state (approved here or elsewhere). */
  if (current != NULL && (self->selected == NULL ||
                          fd_triage_decision_get_state (current) != fd_triage_decision_get_state (self->selected)))
    show_decision (self, current);

  /* Side by side, an empty detail pane next to a list of decisions is
   * wasted room: show the first one to act on. Folded, the list stays. */
  if (self->selected_id == 0 && !adw_leaflet_get_folded (self->leaflet) &&
      g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    {
      g_autoptr(FdTriageDecision) first = g_list_model_get_item (G_LIST_MODEL (self->filtered), 0);

      show_decision (self, first);
    }

  if (self->selected_id != 0)
    select_row_of (self, self->selected_id);
}

static void
on_state_filter_changed (FdTriageView *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_decision_activated (FdTriageView  *self,
                       GtkListBoxRow *row)
{
  gint64 id = row ? (gint64)GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "decision-id")) : 0;
  g_autoptr(FdTriageDecision) decision = id ? find_decision (self, id) : NULL;

  if (decision == NULL || id == self->selected_id)
    return;

  show_decision (self, decision);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/*
 * The detail pane
 */

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_BOX (box))
        gtk_box_remove (GTK_BOX (box), child);
      else
        gtk_list_box_remove (GTK_LIST_BOX (box), child);
    }
}

static void
series_loaded (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(FdTriageView) self = user_data;
  g_autoptr(FdTriageSeries) series = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FdAccountSummary) summary = NULL;
  guint comparisons;

  series = fd_triage_engine_load_series_finish (FD_TRIAGE_ENGINE (object), result, &error);
  if (series == NULL)
    {
      if (!fd_ui_error_is_cancelled (error))
        gtk_label_set_label (self->chart_status, error->message);
      return;
    }

  if (self->selected != NULL)
    summary = find_account (self, fd_triage_decision_get_account_id (self->selected));

  comparisons = fd_triage_series_get_n_lines (series) / 2;
  gtk_label_set_label (self->chart_status,
                       comparisons > 0 ? _("The rule on this object over the last two weeks: hourly where Meta reports hours, "
                                           "daily before. Outlined markers: where the rule held (its cooldown applied); "
                                           "filled: decisions recorded.")
                                       : _("This rule compares nothing that can be charted."));
  for (guint c = 0; c < comparisons; c++)
    {
      GtkWidget *chart = fd_metric_chart_new ();

      gtk_widget_set_size_request (chart, -1, 220);
      if (summary != NULL)
        fd_metric_chart_set_time_zone (FD_METRIC_CHART (chart),
                                       fd_ad_account_get_time_zone (fd_account_summary_get_account (summary)));
      fd_metric_chart_set_series (FD_METRIC_CHART (chart), series, c);
      gtk_box_append (self->charts_box, chart);
    }
}

static void
load_chart (FdTriageView     *self,
            FdTriageDecision *decision)
{
  gint64 until = MAX (g_get_real_time (), fd_triage_decision_get_evaluated_at (decision));

  g_cancellable_cancel (self->series_cancellable);
  g_clear_object (&self->series_cancellable);
  self->series_cancellable = g_cancellable_new ();

  clear_box (GTK_WIDGET (self->charts_box));
  gtk_label_set_label (self->chart_status, _("Loading the chart…"));
  fd_triage_engine_load_series_async (self->engine, fd_triage_decision_get_rule_id (decision),
                                      fd_triage_decision_get_object_id (decision),
                                      until - CHART_DAYS * G_TIME_SPAN_DAY, until, self->series_cancellable,
                                      series_loaded, g_object_ref (self));
}

static char *
state_text (FdTriageDecision *decision)
{
  FdTriageState state = fd_triage_decision_get_state (decision);

  switch (state)
    {
    case FD_TRIAGE_STATE_AWAITING_APPROVAL:
      return g_strdup_printf (_("Awaiting approval by %s."), fd_triage_decision_get_approver (decision));
    case FD_TRIAGE_STATE_FAILED:
      return g_strdup_printf (_("Failed: %s"), fd_triage_decision_get_error (decision));
    case FD_TRIAGE_STATE_EXECUTED:
    case FD_TRIAGE_STATE_DISMISSED:
      if (fd_triage_decision_get_decided_by (decision) != NULL)
        return g_strdup_printf ("%s (%s)", fd_triage_state_get_title (state), fd_triage_decision_get_decided_by (decision));
      return g_strdup (fd_triage_state_get_title (state));
    case FD_TRIAGE_STATE_PROPOSED:
    case FD_TRIAGE_STATE_EXECUTING:
    default:
      return g_strdup (fd_triage_state_get_title (state));
    }
}

static void
update_actions (FdTriageView *self)
{
  FdTriageState state = self->selected ? fd_triage_decision_get_state (self->selected) : FD_TRIAGE_STATE_DISMISSED;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "triage.approve",
                                 state == FD_TRIAGE_STATE_PROPOSED || state == FD_TRIAGE_STATE_AWAITING_APPROVAL ||
                                 state == FD_TRIAGE_STATE_FAILED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "triage.dismiss",
                                 state == FD_TRIAGE_STATE_PROPOSED || state == FD_TRIAGE_STATE_AWAITING_APPROVAL ||
                                 state == FD_TRIAGE_STATE_FAILED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "triage.open-ad",
                                 self->selected && fd_triage_decision_get_level (self->selected) == FD_RULE_LEVEL_AD);
}

static void
show_decision (FdTriageView     *self,
               FdTriageDecision *decision)
{
  gboolean same_object = self->selected_id == fd_triage_decision_get_id (decision);
  g_autofree char *subtitle = NULL;
  g_autofree char *actions = g_strjoinv (", ", (char **)fd_triage_decision_get_actions (decision));
  g_autofree char *actions_text = g_strdup_printf (_("Proposes: %s"), actions);
  g_autofree char *state = state_text (decision);
  g_autoptr(GDateTime) evaluated = g_date_time_new_from_unix_local (fd_triage_decision_get_evaluated_at (decision) / G_USEC_PER_SEC);
  g_autofree char *when = g_date_time_format (evaluated, "%x %R");
  const char *object = fd_triage_decision_get_object_name (decision);

  g_set_object (&self->selected, decision);
  self->selected_id = fd_triage_decision_get_id (decision);

  gtk_label_set_label (self->detail_title, object ? object : fd_triage_decision_get_object_id (decision));
  /* Translators: "Ad set 1202… · Low ROAS v1 · decision #4 · 24/11/26 14:20" */
  subtitle = g_strdup_printf (_("%s %s · %s v%d · decision #%lld · %s"),
                              fd_rule_level_get_title (fd_triage_decision_get_level (decision)),
                              fd_triage_decision_get_object_id (decision),
                              fd_triage_decision_get_rule_name (decision),
                              fd_triage_decision_get_rule_version (decision),
                              (long long) fd_triage_decision_get_id (decision), when);
  gtk_label_set_label (self->detail_subtitle, subtitle);
  gtk_label_set_label (self->detail_explanation, fd_triage_decision_get_explanation (decision));
  gtk_label_set_label (self->detail_actions, actions_text);
  gtk_label_set_label (self->detail_state, state);
  for (guint i = 0; i < 5; i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->detail_state), state_css (i));
  gtk_widget_add_css_class (GTK_WIDGET (self->detail_state), state_css (fd_triage_decision_get_state (decision)));

  update_actions (self);
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");

  if (!same_object || gtk_widget_get_first_child (GTK_WIDGET (self->charts_box)) == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->creatives_list), FALSE);
      clear_box (GTK_WIDGET (self->creatives_list));
      load_chart (self, decision);
    }
}

/*
 * Approve, dismiss, open the ad
 */

static gint64
current_person_id (FdTriageView *self)
{
  g_autoptr(FdPerson) person = NULL;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->current_person)) == 0)
    return 0;

  person = g_list_model_get_item (G_LIST_MODEL (self->current_person), 0);
  return fd_person_get_id (person);
}

typedef struct
{
  FdTriageView *self;
  gint64        decision_id;
  gboolean      approve;
} DecideJob;

static void
decide_job_free (DecideJob *job)
{
  g_object_unref (job->self);
  g_free (job);
}

static gpointer
load_decision (FdStore       *store,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  return fd_triage_get_decision (store, *(gint64 *)data, error);
}

/* Says how it went, in plain words, once the decision is read back. */
static void
outcome_loaded (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  DecideJob *job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FdTriageDecision) decision = fd_workspace_run_finish (FD_WORKSPACE (object), result, &error);
  g_autofree char *message = NULL;
  const char *object_name;

  if (decision == NULL)
    {
      fd_ui_toast (GTK_WIDGET (job->self), error->message);
      decide_job_free (job);
      return;
    }

  object_name = fd_triage_decision_get_object_name (decision);
  if (object_name == NULL)
    object_name = fd_triage_decision_get_object_id (decision);

  switch (fd_triage_decision_get_state (decision))
    {
    case FD_TRIAGE_STATE_EXECUTED:
      message = g_strdup_printf (_("Done: “%s” on “%s”"), fd_triage_decision_get_rule_name (decision), object_name);
      break;
    case FD_TRIAGE_STATE_FAILED:
      message = g_strdup_printf (_("Meta did not carry it out: %s"), fd_triage_decision_get_error (decision));
      break;
    case FD_TRIAGE_STATE_DISMISSED:
      message = g_strdup_printf (_("Dismissed “%s” on “%s”"), fd_triage_decision_get_rule_name (decision), object_name);
      break;
    case FD_TRIAGE_STATE_PROPOSED:
    case FD_TRIAGE_STATE_AWAITING_APPROVAL:
    case FD_TRIAGE_STATE_EXECUTING:
    default:
      message = g_strdup_printf (_("“%s” on “%s” is %s"), fd_triage_decision_get_rule_name (decision), object_name,
                                 fd_triage_state_get_title (fd_triage_decision_get_state (decision)));
      break;
    }

  fd_ui_toast (GTK_WIDGET (job->self), message);
  fd_triage_engine_reload (job->self->engine);
  decide_job_free (job);
}

static void
decided (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  DecideJob *job = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  busy_pop (job->self);
  ok = job->approve ? fd_triage_engine_approve_finish (FD_TRIAGE_ENGINE (object), result, &error)
                    : fd_triage_engine_dismiss_finish (FD_TRIAGE_ENGINE (object), result, &error);
  update_actions (job->self);
  if (!ok)
    {
      fd_ui_toast (GTK_WIDGET (job->self), error->message);
      decide_job_free (job);
      return;
    }

  fd_workspace_run_async (job->self->workspace, FALSE, load_decision, g_memdup2 (&job->decision_id, sizeof (gint64)),
                          g_free, g_object_unref, NULL, outcome_loaded, job);
}

static void
decide (FdTriageView *self,
        gboolean      approve)
{
  gint64 person = current_person_id (self);
  DecideJob *job;

  if (self->selected == NULL || self->engine == NULL)
    return;

  if (person == 0)
    {
      fd_ui_toast (GTK_WIDGET (self), _("Choose who you are first (the person button in the header bar): "
                                        "decisions are recorded with who took them."));
      return;
    }

  job = g_new0 (DecideJob, 1);
  job->self = g_object_ref (self);
  job->decision_id = self->selected_id;
  job->approve = approve;

  busy_push (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "triage.approve", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "triage.dismiss", FALSE);
  if (approve)
    {
      fd_ui_toast (GTK_WIDGET (self), _("Carrying the decision out at Meta…"));
      fd_triage_engine_approve_async (self->engine, job->decision_id, person, NULL, NULL, decided, job);
    }
  else
    fd_triage_engine_dismiss_async (self->engine, job->decision_id, person, NULL, NULL, decided, job);
}

static void
approve (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  decide (FD_TRIAGE_VIEW (widget), TRUE);
}

static void
dismiss (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  decide (FD_TRIAGE_VIEW (widget), FALSE);
}

static gpointer
load_creatives (FdStore       *store,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  return fd_ad_creative_link_list (store, data, error);
}

static void
creatives_loaded (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(FdTriageView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) creatives = fd_workspace_run_finish (FD_WORKSPACE (object), result, &error);

  clear_box (GTK_WIDGET (self->creatives_list));
  if (creatives == NULL)
    {
      fd_ui_toast (GTK_WIDGET (self), error->message);
      return;
    }

  if (creatives->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No creative is linked to this ad"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Ads launched from Flightdeck are linked to the asset versions they show."));
      gtk_list_box_append (self->creatives_list, row);
    }

  for (guint i = 0; i < creatives->len; i++)
    {
      FdLinkedCreative *creative = g_ptr_array_index (creatives, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *open;
      g_autofree char *subtitle = g_strdup_printf (_("%s · version %d · %s"), creative->kind, creative->number,
                                                   creative->state);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), creative->asset_name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      /* The window opens it on the board (FdWindow's win.open-asset). */
      open = gtk_button_new_from_icon_name ("go-next-symbolic");
      gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (open, "flat");
      gtk_widget_set_tooltip_text (open, _("Open the asset"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "win.open-asset");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (open), "x", creative->asset_id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), open);
      gtk_list_box_append (self->creatives_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->creatives_list), TRUE);
}

static void
open_ad (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  FdTriageView *self = FD_TRIAGE_VIEW (widget);

  if (self->selected == NULL)
    return;

  fd_workspace_run_async (self->workspace, FALSE, load_creatives,
                          g_strdup (fd_triage_decision_get_object_id (self->selected)), g_free,
                          (GDestroyNotify)g_ptr_array_unref, NULL, creatives_loaded, g_object_ref (self));
}

static void
go_back (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  adw_leaflet_navigate (FD_TRIAGE_VIEW (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/*
 * The workspace
 */

static void
drop_services (FdTriageView *self)
{
  if (self->sync != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->sync, self);
      fd_sync_scheduler_stop (self->sync);
    }
  g_clear_object (&self->sync);
  if (self->triage_clock != NULL)
    fd_triage_scheduler_stop (self->triage_clock);
  g_clear_object (&self->triage_clock);
  self->clocks_started = FALSE;
  if (self->engine != NULL)
    g_signal_handlers_disconnect_by_data (fd_triage_engine_get_decisions (self->engine), self);
  g_clear_object (&self->engine);
  g_clear_object (&self->selected);
  self->selected_id = 0;
}

static void
set_up_services (FdTriageView *self)
{
  g_autoptr(FdTokenStore) tokens = fd_token_store_new ();
  g_autoptr(FdGraphTriageExecutor) executor = fd_graph_triage_executor_new (self->workspace, tokens);
  GListModel *decisions;

  self->engine = fd_triage_engine_new (self->workspace);
  fd_triage_engine_set_executor (self->engine, FD_TRIAGE_EXECUTOR (executor));
  decisions = fd_triage_engine_get_decisions (self->engine);

  gtk_filter_list_model_set_model (self->filtered, decisions);
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (on_decisions_changed), self,
                           G_CONNECT_SWAPPED);
  fd_triage_engine_reload (self->engine);
  self->triage_clock = fd_triage_scheduler_new (self->engine);

  self->sync = fd_sync_scheduler_new (self->workspace, tokens);
  g_signal_connect_object (self->sync, "notify::running", G_CALLBACK (update_sync), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sync, "notify::progress", G_CALLBACK (update_sync), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sync, "notify::stage", G_CALLBACK (update_sync), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sync, "finished", G_CALLBACK (on_sync_finished), self, G_CONNECT_SWAPPED);
}

static void
fd_triage_view_dispose (GObject *object)
{
  FdTriageView *self = (FdTriageView *)object;

  g_cancellable_cancel (self->series_cancellable);
  g_clear_object (&self->series_cancellable);
  drop_services (self);
  if (self->accounts != NULL)
    fd_query_model_set_workspace (self->accounts, NULL);
  g_clear_object (&self->accounts);
  g_clear_object (&self->current_person);
  g_clear_object (&self->filtered);
  g_clear_object (&self->workspace);


  G_OBJECT_CLASS (fd_triage_view_parent_class)->dispose (object);
}

static void
fd_triage_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FdTriageView *self = FD_TRIAGE_VIEW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_triage_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  FdTriageView *self = FD_TRIAGE_VIEW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      fd_triage_view_set_workspace (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_triage_view_class_init (FdTriageViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_triage_view_dispose;
  object_class->get_property = fd_triage_view_get_property;
  object_class->set_property = fd_triage_view_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, FD_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FD_TYPE_RULE_EDITOR);
  g_type_ensure (FD_TYPE_BACKTEST_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/flightdeck/Flightdeck/fd-triage-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FdTriageView, sync_label);
  gtk_widget_class_bind_template_child (widget_class, FdTriageView, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, FdTriageView, sync_progress);
  gtk_widget_class_bind_template_child (widget_class, FdTriageView, pages);
  gtk_widget_class_bind_template_child (widget_class, FdTriageView, decisions_stack);
  gtk_widget_class_bind_template_child (widget_class, FdTriageView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, FdTriageView, sidebar);
  gtk_widget_class_bind_template_child (widget_class, FdTriageView, window_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FdTriageView, accounts_list);
  gtk_widget_class_bind_template_child (widget_class, FdTriageView, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FdTriageView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, FdTriageView, decisions_list);
  gtk_widget_class_bind_template_child (widget_class, FdTriageView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, FdTriageView, detail_title);
  gtk_widget_class_bind_template_child (widget_class, FdTriageView, detail_subtitle);
  gtk_widget_class_bind_template_child (widget_class, FdTriageView, detail_explanation);
  gtk_widget_class_bind_template_child (widget_class, FdTriageView, detail_actions);
  gtk_widget_class_bind_template_child (widget_class, FdTriageView, detail_state);
  gtk_widget_class_bind_template_child (widget_class, FdTriageView, creatives_list);
  gtk_widget_class_bind_template_child (widget_class, FdTriageView, chart_status);
  gtk_widget_class_bind_template_child (widget_class, FdTriageView, charts_box);
  gtk_widget_class_bind_template_child (widget_class, FdTriageView, rule_editor);
  gtk_widget_class_bind_template_child (widget_class, FdTriageView, backtest_page);

  gtk_widget_class_install_action (widget_class, "triage.sync-now", NULL, sync_now);
  gtk_widget_class_install_action (widget_class, "triage.run-now", NULL, run_now);
  gtk_widget_class_install_action (widget_class, "triage.approve", NULL, approve);
  gtk_widget_class_install_action (widget_class, "triage.dismiss", NULL, dismiss);
  gtk_widget_class_install_action (widget_class, "triage.open-ad", NULL, open_ad);
  gtk_widget_class_install_action (widget_class, "triage.back", NULL, go_back);
}

static void
fd_triage_view_init (FdTriageView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_decision, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  gtk_list_box_bind_model (self->decisions_list, G_LIST_MODEL (self->filtered), create_decision_row, NULL, NULL);
  g_signal_connect_object (self->decisions_list, "row-activated", G_CALLBACK (on_decision_activated), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state_dropdown, "notify::selected", G_CALLBACK (on_state_filter_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->window_dropdown, "notify::selected", G_CALLBACK (on_window_changed), self,
                           G_CONNECT_SWAPPED);

  self->current_person = fd_current_person_model_new ();
  fd_backtest_page_set_editor (self->backtest_page, self->rule_editor);
  on_window_changed (self);
  update_actions (self);
}

/**
 * fd_triage_view_get_workspace:
 *
 * Returns: (transfer none) (nullable): the workspace shown
 */
FdWorkspace *
fd_triage_view_get_workspace (FdTriageView *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_VIEW (self), NULL);
  return self->workspace;
}

void
fd_triage_view_set_workspace (FdTriageView *self,
                              FdWorkspace  *workspace)
{
  g_return_if_fail (FD_IS_TRIAGE_VIEW (self));
  g_return_if_fail (workspace == NULL || FD_IS_WORKSPACE (workspace));

  if (!g_set_object (&self->workspace, workspace))
    return;

  drop_services (self);
  gtk_filter_list_model_set_model (self->filtered, NULL);
  gtk_stack_set_visible_child_name (self->detail_stack, "none");
  if (workspace != NULL)
    set_up_services (self);

  fd_query_model_set_workspace (self->accounts, workspace);
  fd_query_model_set_workspace (self->current_person, workspace);
  fd_rule_editor_set_workspace (self->rule_editor, workspace);
  fd_backtest_page_set_workspace (self->backtest_page, workspace);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

/**
 * fd_triage_view_get_engine:
 *
 * Returns: (transfer none) (nullable): the engine running triage for the
 *   workspace shown
 */
FdTriageEngine *
fd_triage_view_get_engine (FdTriageView *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_VIEW (self), NULL);
  return self->engine;
}

/**
 * fd_triage_view_get_sync_scheduler:
 *
 * Returns: (transfer none) (nullable): what syncs the workspace's accounts
 *   while the view shows it
 */
FdSyncScheduler *
fd_triage_view_get_sync_scheduler (FdTriageView *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_VIEW (self), NULL);

  return self->sync;
}

/**
 * fd_triage_view_get_triage_scheduler:
 *
 * Returns: (transfer none) (nullable): what runs triage on the clock
 */
FdTriageScheduler *
fd_triage_view_get_triage_scheduler (FdTriageView *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_VIEW (self), NULL);

  return self->triage_clock;
}
