/* fd-triage-view-detail.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-triage-view"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-account-summary.h"
#include "fd-ad-creative-link.h"
#include "fd-metric-chart.h"
#include "fd-triage-view-private.h"
#include "fd-ui-models.h"
#include "fd-ui-util.h"

/* The decision shown in the detail pane: what the rule saw and proposes,
 * its state, a chart of the rule on its object over the last two weeks
 * (series loaded on a worker thread by FdTriageEngine), the asset versions
 * an ad shows, and Approve / Dismiss, which the engine carries out off the
 * main loop before the outcome is read back and said in plain words. Kept
 * apart from the list and the accounts: it is the one place a decision is
 * acted on. */

#define CHART_DAYS 14

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
    summary = _fd_triage_view_find_account (self, fd_triage_decision_get_account_id (self->selected));

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

void
_fd_triage_view_update_actions (FdTriageView *self)
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

void
_fd_triage_view_show_decision (FdTriageView     *self,
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
    gtk_widget_remove_css_class (GTK_WIDGET (self->detail_state), _fd_triage_view_state_css (i));
  gtk_widget_add_css_class (GTK_WIDGET (self->detail_state),
                            _fd_triage_view_state_css (fd_triage_decision_get_state (decision)));

  _fd_triage_view_update_actions (self);
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

  _fd_triage_view_busy_pop (job->self);
  ok = job->approve ? fd_triage_engine_approve_finish (FD_TRIAGE_ENGINE (object), result, &error)
                    : fd_triage_engine_dismiss_finish (FD_TRIAGE_ENGINE (object), result, &error);
  _fd_triage_view_update_actions (job->self);
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

  _fd_triage_view_busy_push (self);
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

void
_fd_triage_view_approve (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  decide (FD_TRIAGE_VIEW (widget), TRUE);
}

void
_fd_triage_view_dismiss (GtkWidget  *widget,
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

void
_fd_triage_view_open_ad (GtkWidget  *widget,
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
