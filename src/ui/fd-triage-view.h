/* fd-triage-view.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fd-triage-engine.h"
#include "fd-workspace.h"

#include "fd-sync-scheduler.h"
#include "fd-triage-scheduler.h"

G_BEGIN_DECLS

#define FD_TYPE_TRIAGE_VIEW (fd_triage_view_get_type ())

G_DECLARE_FINAL_TYPE (FdTriageView, fd_triage_view, FD, TRIAGE_VIEW, AdwBin)

FdWorkspace *fd_triage_view_get_workspace (FdTriageView *self);
void         fd_triage_view_set_workspace (FdTriageView *self,
                                           FdWorkspace  *workspace);
FdTriageEngine *fd_triage_view_get_engine (FdTriageView *self);
FdSyncScheduler *fd_triage_view_get_sync_scheduler (FdTriageView *self);
FdTriageScheduler *fd_triage_view_get_triage_scheduler (FdTriageView *self);

G_END_DECLS
