/* fd-board-column.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fd-asset-card.h"
#include "fd-asset-filter.h"
#include "fd-thumbnail-loader.h"

G_BEGIN_DECLS

/**
 * FdBoardDropHint:
 * @FD_BOARD_DROP_HINT_NONE: nothing is being dragged
 * @FD_BOARD_DROP_HINT_ALLOWED: the card being dragged may move here
 * @FD_BOARD_DROP_HINT_REFUSED: the card being dragged would be refused
 * @FD_BOARD_DROP_HINT_ORIGIN: the card being dragged comes from here
 */
typedef enum
{
  FD_BOARD_DROP_HINT_NONE,
  FD_BOARD_DROP_HINT_ALLOWED,
  FD_BOARD_DROP_HINT_REFUSED,
  FD_BOARD_DROP_HINT_ORIGIN,
} FdBoardDropHint;

#define FD_TYPE_BOARD_COLUMN (fd_board_column_get_type ())

G_DECLARE_FINAL_TYPE (FdBoardColumn, fd_board_column, FD, BOARD_COLUMN, GtkWidget)

GtkWidget     *fd_board_column_new             (FdAssetState       state);
FdAssetState   fd_board_column_get_state       (FdBoardColumn     *self);
void           fd_board_column_set_sources     (FdBoardColumn     *self,
                                                GListModel        *assets,
                                                FdAssetFilter     *filter,
                                                FdThumbnailLoader *thumbnails);
void           fd_board_column_refilter        (FdBoardColumn     *self,
                                                GtkFilterChange    change);
GListModel    *fd_board_column_get_model       (FdBoardColumn     *self);
guint          fd_board_column_get_n_items     (FdBoardColumn     *self);
GtkWidget     *fd_board_column_get_view        (FdBoardColumn     *self);
GtkScrolledWindow *fd_board_column_get_scroller (FdBoardColumn    *self);
GtkDropTarget *fd_board_column_get_drop_target (FdBoardColumn     *self);
void           fd_board_column_set_drop_hint   (FdBoardColumn     *self,
                                                FdBoardDropHint    hint);
void           fd_board_column_set_show_header (FdBoardColumn     *self,
                                                gboolean           show_header);
void           fd_board_column_set_person_id   (FdBoardColumn     *self,
                                                gint64             person_id);
guint          fd_board_column_get_n_cards     (FdBoardColumn     *self);
FdAssetCard   *fd_board_column_find_card       (FdBoardColumn     *self,
                                                gint64             asset_id);
gboolean       fd_board_column_focus_asset     (FdBoardColumn     *self,
                                                gint64             asset_id);

G_END_DECLS
