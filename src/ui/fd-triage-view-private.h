/* fd-triage-view-private.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-account-summary.h"
#include "fd-backtest-page.h"
#include "fd-query-model.h"
#include "fd-rule-editor.h"
#include "fd-triage-view.h"

G_BEGIN_DECLS

/* FdTriageView is split by responsibility:
 *   fd-triage-view.c           the widget: the decisions list, the
 *                              workspace and its services, actions
 *   fd-triage-view-accounts.c  the ad accounts list, sync status, and
 *                              what keeps the numbers fresh: the sync
 *                              and triage clocks, Sync now, Run now
 *   fd-triage-view-detail.c    the decision shown: its numbers, charts
 *                              and creatives; Approve, Dismiss, Open the ad */

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

/* fd-triage-view.c */
const char *_fd_triage_view_state_css       (FdTriageState     state);
void        _fd_triage_view_busy_push       (FdTriageView     *self);
void        _fd_triage_view_busy_pop        (FdTriageView     *self);

/* fd-triage-view-accounts.c */
/* the account's summary (transfer full), or NULL before it is loaded */
FdAccountSummary *_fd_triage_view_find_account (FdTriageView *self,
                                                const char   *account_id);
void        _fd_triage_view_window_changed  (FdTriageView     *self);
void        _fd_triage_view_update_sync     (FdTriageView     *self);
void        _fd_triage_view_sync_finished   (FdTriageView     *self);
void        _fd_triage_view_sync_now        (GtkWidget        *widget,
                                             const char       *action_name,
                                             GVariant         *parameter);
void        _fd_triage_view_run_now         (GtkWidget        *widget,
                                             const char       *action_name,
                                             GVariant         *parameter);

/* fd-triage-view-detail.c */
void        _fd_triage_view_show_decision   (FdTriageView     *self,
                                             FdTriageDecision *decision);
void        _fd_triage_view_update_actions  (FdTriageView     *self);
void        _fd_triage_view_approve         (GtkWidget        *widget,
                                             const char       *action_name,
                                             GVariant         *parameter);
void        _fd_triage_view_dismiss         (GtkWidget        *widget,
                                             const char       *action_name,
                                             GVariant         *parameter);
void        _fd_triage_view_open_ad         (GtkWidget        *widget,
                                             const char       *action_name,
                                             GVariant         *parameter);

G_END_DECLS
