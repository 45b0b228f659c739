/* fd-board-format.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fd-asset.h"

G_BEGIN_DECLS

/* How the board and the asset page say things: kinds, due dates,
 * decisions, moves. Shared so that a card, its menu and the asset page
 * always use the same words, icons and colours. */

typedef enum
{
  FD_BOARD_DUE_NONE,      /* no due date */
  FD_BOARD_DUE_DONE,      /* past approval: the date no longer presses */
  FD_BOARD_DUE_LATER,
  FD_BOARD_DUE_SOON,      /* today, tomorrow or the day after */
  FD_BOARD_DUE_OVERDUE,
} FdBoardDue;

const char *fd_board_kind_icon_name     (FdAssetKind       kind);
FdBoardDue  fd_board_due_of             (FdAsset          *asset);
char       *fd_board_format_due         (FdAsset          *asset,
                                         FdBoardDue        due);
char       *fd_board_format_date        (gint64            when_us);
char       *fd_board_format_time        (gint64            when_us);
GtkWidget  *fd_board_decision_dot_new   (FdReviewDecision  decision);
char       *fd_board_describe_decision  (FdAssetReviewer  *reviewer,
                                         gint64            version);
const char *fd_board_move_label         (FdAssetState      target,
                                         gboolean          approves);
void        fd_board_toast              (GtkWidget        *widget,
                                         const char       *message,
                                         gboolean          urgent);

G_END_DECLS
