/* fd-comment-row.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fd-comment.h"

G_BEGIN_DECLS

#define FD_TYPE_COMMENT_ROW (fd_comment_row_get_type ())

G_DECLARE_FINAL_TYPE (FdCommentRow, fd_comment_row, FD, COMMENT_ROW, GtkListBoxRow)

GtkWidget *fd_comment_row_new         (FdComment    *thread,
                                       GPtrArray    *replies);
FdComment *fd_comment_row_get_comment (FdCommentRow *self);

G_END_DECLS
