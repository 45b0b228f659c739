/* fd-triage-view-accounts.c
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
#include "fd-currency.h"
#include "fd-triage-view-private.h"
#include "fd-ui-util.h"

/* The dashboard's sidebar and its clocks: the ad accounts with their sync
 * state, pacing and headline metrics over the chosen window, loaded on the
 * workspace's reader queue; the sync status line; and what keeps the
 * numbers fresh, the hourly sync and triage on FdTriageScheduler's clock,
 * started once the workspace's accounts are known, with Sync now and Run
 * now beside them. Kept apart from the decisions, which only read the
 * accounts (for a chart's time zone). */

/* Meta revises insights through the day, not by the minute: an hourly
 * sync keeps the numbers fresh without spending the account's rate limit.
 * Triage runs on FdTriageScheduler's own clock (15 minutes) and after
 * each sync. */
#define SYNC_INTERVAL_S (60 * 60)

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

FdAccountSummary *
_fd_triage_view_find_account (FdTriageView *self,
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
      FdAdAccountSyncState state = fd_ad_account_get_sync_state (account);

      /* Another process (flightdeck-cli on a timer) syncing it right now
       * is not a reason to sync it a second time; if that process died,
       * the hourly sync picks the account up. */
      if (state == FD_AD_ACCOUNT_SYNC_RUNNING)
        continue;
      if (state != FD_AD_ACCOUNT_SYNC_OK || fd_ad_account_get_last_success (account) < due)
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

void
_fd_triage_view_window_changed (FdTriageView *self)
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
 * Sync, run
 */

void
_fd_triage_view_update_sync (FdTriageView *self)
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

void
_fd_triage_view_sync_finished (FdTriageView *self)
{
  _fd_triage_view_update_sync (self);
  if (self->triage_clock != NULL)
    fd_triage_scheduler_sync_finished (self->triage_clock);
  if (self->accounts != NULL)
    fd_query_model_reload (self->accounts);
}

void
_fd_triage_view_sync_now (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  FdTriageView *self = FD_TRIAGE_VIEW (widget);

  if (self->sync == NULL)
    return;

  fd_sync_scheduler_sync_now (self->sync, NULL);
  _fd_triage_view_update_sync (self);
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

  _fd_triage_view_busy_pop (self);
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
  /* The accounts model follows the decisions' audit events by itself. */
  fd_ui_toast (GTK_WIDGET (self), message);
}

void
_fd_triage_view_run_now (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  FdTriageView *self = FD_TRIAGE_VIEW (widget);

  if (self->engine == NULL)
    return;

  _fd_triage_view_busy_push (self);
  fd_triage_engine_run_async (self->engine, 0, "manual", FD_TRIAGE_RUN_DEFAULT, NULL, run_done,
                              g_object_ref (self));
}
