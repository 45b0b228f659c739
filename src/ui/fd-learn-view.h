/* fd-learn-view.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fd-workspace.h"

G_BEGIN_DECLS

#define FD_TYPE_LEARN_VIEW (fd_learn_view_get_type ())

G_DECLARE_FINAL_TYPE (FdLearnView, fd_learn_view, FD, LEARN_VIEW, AdwBin)

FdWorkspace *fd_learn_view_get_workspace (FdLearnView *self);
void         fd_learn_view_set_workspace (FdLearnView *self,
                                          FdWorkspace *workspace);

G_END_DECLS
