/* fd-launch-view.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fd-workspace.h"

G_BEGIN_DECLS

#define FD_TYPE_LAUNCH_VIEW (fd_launch_view_get_type ())

G_DECLARE_FINAL_TYPE (FdLaunchView, fd_launch_view, FD, LAUNCH_VIEW, AdwBin)

FdWorkspace *fd_launch_view_get_workspace (FdLaunchView *self);
void         fd_launch_view_set_workspace (FdLaunchView *self,
                                           FdWorkspace  *workspace);

G_END_DECLS
