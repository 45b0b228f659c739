/* fd-sync-scheduler.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-insights-sync.h"
#include "fd-token-store.h"
#include "fd-workspace.h"

G_BEGIN_DECLS

#define FD_TYPE_SYNC_SCHEDULER (fd_sync_scheduler_get_type ())

G_DECLARE_FINAL_TYPE (FdSyncScheduler, fd_sync_scheduler, FD, SYNC_SCHEDULER, GObject)

FdSyncScheduler *fd_sync_scheduler_new              (FdWorkspace      *workspace,
                                                     FdTokenStore     *tokens);
void             fd_sync_scheduler_set_interval     (FdSyncScheduler  *self,
                                                     guint             seconds);
guint            fd_sync_scheduler_get_interval     (FdSyncScheduler  *self);
void             fd_sync_scheduler_set_range        (FdSyncScheduler  *self,
                                                     const char       *since,
                                                     const char       *until);
void             fd_sync_scheduler_set_history_days (FdSyncScheduler  *self,
                                                     guint             days);
void             fd_sync_scheduler_set_hourly_days  (FdSyncScheduler  *self,
                                                     guint             days);
void             fd_sync_scheduler_set_page_size    (FdSyncScheduler  *self,
                                                     guint             rows);
void             fd_sync_scheduler_start            (FdSyncScheduler  *self);
void             fd_sync_scheduler_resume           (FdSyncScheduler  *self);
void             fd_sync_scheduler_stop             (FdSyncScheduler  *self);
void             fd_sync_scheduler_sync_now         (FdSyncScheduler  *self,
                                                     const char       *account_id);
gboolean         fd_sync_scheduler_get_running      (FdSyncScheduler  *self);
double           fd_sync_scheduler_get_progress     (FdSyncScheduler  *self);
const char      *fd_sync_scheduler_get_current_account (FdSyncScheduler *self);
const char      *fd_sync_scheduler_get_stage        (FdSyncScheduler  *self);
const char      *fd_sync_scheduler_get_last_error   (FdSyncScheduler  *self);
gint64           fd_sync_scheduler_get_next_run     (FdSyncScheduler  *self);

G_END_DECLS
