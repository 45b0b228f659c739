/* fd-board-view.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fd-workspace.h"

G_BEGIN_DECLS

#define FD_TYPE_BOARD_VIEW (fd_board_view_get_type ())

G_DECLARE_FINAL_TYPE (FdBoardView, fd_board_view, FD, BOARD_VIEW, AdwBin)

FdWorkspace *fd_board_view_get_workspace (FdBoardView *self);
void         fd_board_view_set_workspace (FdBoardView *self,
                                          FdWorkspace *workspace);

G_END_DECLS
