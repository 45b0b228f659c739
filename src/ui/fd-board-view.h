/* fd-board-view.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fd-asset-filter.h"
#include "fd-asset-list.h"
#include "fd-asset-page.h"
#include "fd-board-column.h"
#include "fd-workspace.h"

G_BEGIN_DECLS

#define FD_TYPE_BOARD_VIEW (fd_board_view_get_type ())

G_DECLARE_FINAL_TYPE (FdBoardView, fd_board_view, FD, BOARD_VIEW, AdwBin)

FdWorkspace   *fd_board_view_get_workspace  (FdBoardView   *self);
void           fd_board_view_set_workspace  (FdBoardView   *self,
                                             FdWorkspace   *workspace);
FdAssetList   *fd_board_view_get_assets     (FdBoardView   *self);
FdAssetFilter *fd_board_view_get_filter     (FdBoardView   *self);
FdBoardColumn *fd_board_view_get_column     (FdBoardView   *self,
                                             FdAssetState   state);
FdAssetPage   *fd_board_view_get_asset_page (FdBoardView   *self);
gint64         fd_board_view_get_person_id  (FdBoardView   *self);
gboolean       fd_board_view_get_narrow     (FdBoardView   *self);
guint          fd_board_view_get_n_pending  (FdBoardView   *self);

gboolean       fd_board_view_request_move   (FdBoardView   *self,
                                             gint64         asset_id,
                                             FdAssetState   target);
gboolean       fd_board_view_open_asset     (FdBoardView   *self,
                                             gint64         asset_id);
void           fd_board_view_close_asset    (FdBoardView   *self);
void           fd_board_view_import_files   (FdBoardView   *self,
                                             GFile * const *files,
                                             guint          n_files,
                                             gint64         asset_id,
                                             gint64         brief_id);

G_END_DECLS
