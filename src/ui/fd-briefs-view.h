/* fd-briefs-view.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fd-workspace.h"

G_BEGIN_DECLS

#define FD_TYPE_BRIEFS_VIEW (fd_briefs_view_get_type ())

G_DECLARE_FINAL_TYPE (FdBriefsView, fd_briefs_view, FD, BRIEFS_VIEW, AdwBin)

FdWorkspace *fd_briefs_view_get_workspace (FdBriefsView *self);
void         fd_briefs_view_set_workspace (FdBriefsView *self,
                                           FdWorkspace  *workspace);

G_END_DECLS
