/* fd-triage-engine.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fd-backtest.h"
#include "fd-triage.h"
#include "fd-workspace.h"

G_BEGIN_DECLS

#define FD_TYPE_TRIAGE_ENGINE (fd_triage_engine_get_type ())

G_DECLARE_FINAL_TYPE (FdTriageEngine, fd_triage_engine, FD, TRIAGE_ENGINE, GObject)

FdTriageEngine   *fd_triage_engine_new                (FdWorkspace         *workspace);
FdWorkspace      *fd_triage_engine_get_workspace      (FdTriageEngine      *self);
FdTriageExecutor *fd_triage_engine_get_executor       (FdTriageEngine      *self);
void              fd_triage_engine_set_executor       (FdTriageEngine      *self,
                                                       FdTriageExecutor    *executor);
gboolean          fd_triage_engine_get_running        (FdTriageEngine      *self);
FdTriageReport   *fd_triage_engine_get_last_report    (FdTriageEngine      *self);
GListModel       *fd_triage_engine_get_decisions      (FdTriageEngine      *self);
GListModel       *fd_triage_engine_get_notices        (FdTriageEngine      *self);
void              fd_triage_engine_reload             (FdTriageEngine      *self);

void              fd_triage_engine_run_async          (FdTriageEngine      *self,
                                                       gint64               at,
                                                       const char          *trigger,
                                                       FdTriageRunFlags     flags,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
FdTriageReport   *fd_triage_engine_run_finish         (FdTriageEngine      *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

void              fd_triage_engine_approve_async      (FdTriageEngine      *self,
                                                       gint64               decision_id,
                                                       gint64               person_id,
                                                       const char          *note,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean          fd_triage_engine_approve_finish     (FdTriageEngine      *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
void              fd_triage_engine_dismiss_async      (FdTriageEngine      *self,
                                                       gint64               decision_id,
                                                       gint64               person_id,
                                                       const char          *note,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean          fd_triage_engine_dismiss_finish     (FdTriageEngine      *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

void              fd_triage_engine_load_series_async  (FdTriageEngine      *self,
                                                       gint64               rule_id,
                                                       const char          *object_id,
                                                       gint64               since,
                                                       gint64               until,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
FdTriageSeries   *fd_triage_engine_load_series_finish (FdTriageEngine      *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

void              fd_triage_engine_backtest_async     (FdTriageEngine      *self,
                                                       gint64               rule_id,
                                                       const char          *since,
                                                       const char          *until,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
FdBacktest       *fd_triage_engine_backtest_finish    (FdTriageEngine      *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

G_END_DECLS
