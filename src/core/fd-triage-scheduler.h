/* fd-triage-scheduler.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-triage-engine.h"

G_BEGIN_DECLS

#define FD_TRIAGE_DEFAULT_INTERVAL (15 * 60)

#define FD_TYPE_TRIAGE_SCHEDULER (fd_triage_scheduler_get_type ())

G_DECLARE_FINAL_TYPE (FdTriageScheduler, fd_triage_scheduler, FD, TRIAGE_SCHEDULER, GObject)

FdTriageScheduler *fd_triage_scheduler_new           (FdTriageEngine    *engine);
FdTriageEngine    *fd_triage_scheduler_get_engine    (FdTriageScheduler *self);
guint              fd_triage_scheduler_get_interval  (FdTriageScheduler *self);
void               fd_triage_scheduler_set_interval  (FdTriageScheduler *self,
                                                      guint              seconds);
gboolean           fd_triage_scheduler_get_active    (FdTriageScheduler *self);
void               fd_triage_scheduler_start         (FdTriageScheduler *self);
void               fd_triage_scheduler_stop          (FdTriageScheduler *self);
gint64             fd_triage_scheduler_get_next_run  (FdTriageScheduler *self);
void               fd_triage_scheduler_sync_finished (FdTriageScheduler *self);

G_END_DECLS
