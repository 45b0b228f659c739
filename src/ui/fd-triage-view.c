/* fd-triage-view.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-triage-view"

#include "config.h"

#include "fd-graph-triage-executor.h"
#include "fd-triage-view-private.h"
#include "fd-ui-models.h"

/* The performance triage dashboard: the ad accounts (sync, pacing,
 * headline metrics), the decisions the rules took, each with its numbers,
 * a chart of the rule on its object, and Approve / Dismiss / Open the ad;
 * the rules editor and the back-test on their own pages. Everything is
 * read and done off the main loop: FdTriageEngine runs triage, approvals
 * (through FdGraphTriageExecutor, as the CLI does) and chart series on
 * worker threads; FdSyncScheduler syncs; the account summaries load on the
 * workspace's reader queue. */

G_DEFINE_FINAL_TYPE (FdTriageView, fd_triage_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_WORKSPACE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/*
 * Formatting
 */

const char *
_fd_triage_view_state_css (FdTriageState state)
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
 * Busy
 */

void
_fd_triage_view_busy_push (FdTriageView *self)
{
  if (self->busy++ == 0)
    gtk_spinner_start (self->busy_spinner);
}

void
_fd_triage_view_busy_pop (FdTriageView *self)
{
  if (--self->busy == 0)
    gtk_spinner_stop (self->busy_spinner);
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
  gtk_widget_add_css_class (badge, _fd_triage_view_state_css (state));
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
    _fd_triage_view_show_decision (self, current);

  /* Side by side, an empty detail pane next to a list of decisions is
   * wasted room: show the first one to act on. Folded, the list stays. */
  if (self->selected_id == 0 && !adw_leaflet_get_folded (self->leaflet) &&
      g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    {
      g_autoptr(FdTriageDecision) first = g_list_model_get_item (G_LIST_MODEL (self->filtered), 0);

      _fd_triage_view_show_decision (self, first);
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

  _fd_triage_view_show_decision (self, decision);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
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
  /* The engine loaded its decisions when it was made. */
  self->triage_clock = fd_triage_scheduler_new (self->engine);

  self->sync = fd_sync_scheduler_new (self->workspace, tokens);
  g_signal_connect_object (self->sync, "notify::running", G_CALLBACK (_fd_triage_view_update_sync), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sync, "notify::progress", G_CALLBACK (_fd_triage_view_update_sync), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sync, "notify::stage", G_CALLBACK (_fd_triage_view_update_sync), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sync, "finished", G_CALLBACK (_fd_triage_view_sync_finished), self,
                           G_CONNECT_SWAPPED);
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

  gtk_widget_class_install_action (widget_class, "triage.sync-now", NULL, _fd_triage_view_sync_now);
  gtk_widget_class_install_action (widget_class, "triage.run-now", NULL, _fd_triage_view_run_now);
  gtk_widget_class_install_action (widget_class, "triage.approve", NULL, _fd_triage_view_approve);
  gtk_widget_class_install_action (widget_class, "triage.dismiss", NULL, _fd_triage_view_dismiss);
  gtk_widget_class_install_action (widget_class, "triage.open-ad", NULL, _fd_triage_view_open_ad);
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
  g_signal_connect_object (self->window_dropdown, "notify::selected", G_CALLBACK (_fd_triage_view_window_changed), self,
                           G_CONNECT_SWAPPED);

  self->current_person = fd_current_person_model_new ();
  fd_backtest_page_set_editor (self->backtest_page, self->rule_editor);
  _fd_triage_view_window_changed (self);
  _fd_triage_view_update_actions (self);
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
