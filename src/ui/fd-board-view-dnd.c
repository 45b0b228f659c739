/* fd-board-view-dnd.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-board-view"

#include "config.h"

#include "fd-board-view-private.h"

/* Drag and drop on the board. While a card is dragged every column shows
 * whether it would take it (the same check a drop makes, so a hint never
 * promises what the drop refuses); a card dropped on a column asks for the
 * move; files dropped on the board, not on a card, become new assets
 * (a file dropped on a card is a new version: fd-asset-card-drag.c). The
 * card itself tells the board a drag started and ended through
 * "board.drag-started" and "board.drag-ended". */

static void
set_drop_hints (FdBoardView *self,
                FdAsset     *asset)
{
  for (guint i = 0; i < FD_ASSET_N_STATES; i++)
    {
      FdBoardColumn *column = self->columns[i];
      FdAssetState state = fd_board_column_get_state (column);
      FdBoardDropHint hint = FD_BOARD_DROP_HINT_NONE;

      if (asset != NULL && state == fd_asset_get_state (asset))
        hint = FD_BOARD_DROP_HINT_ORIGIN;
      else if (asset != NULL)
        hint = _fd_board_view_check_move (self, asset, state, NULL)
               ? FD_BOARD_DROP_HINT_ALLOWED : FD_BOARD_DROP_HINT_REFUSED;

      fd_board_column_set_drop_hint (column, hint);
    }
}

void
_fd_board_view_drag_started_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  FdBoardView *self = FD_BOARD_VIEW (widget);

  set_drop_hints (self, _fd_board_view_find_asset (self, g_variant_get_int64 (parameter)));
}

void
_fd_board_view_drag_ended_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  set_drop_hints (FD_BOARD_VIEW (widget), NULL);
}

gboolean
_fd_board_view_column_drop (FdBoardColumn *column,
                FdAsset       *asset,
                FdBoardView   *self)
{
  set_drop_hints (self, NULL);

  if (fd_asset_get_state (asset) == fd_board_column_get_state (column))
    return FALSE;

  return fd_board_view_request_move (self, fd_asset_get_id (asset),
                                     fd_board_column_get_state (column));
}

static gboolean
on_files_dropped (GtkDropTarget *target,
                  const GValue  *value,
                  double         x,
                  double         y,
                  FdBoardView   *self)
{
  g_autoptr(GSList) files = NULL;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  return _fd_board_view_drop_files (self, files);
}

void
_fd_board_view_dnd_init (FdBoardView *self)
{
  GtkDropTarget *files_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (files_target, "drop", G_CALLBACK (on_files_dropped), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (files_target));
}
