/* fd-comment.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fd-markup-shape.h"

G_BEGIN_DECLS

#define FD_TYPE_COMMENT (fd_comment_get_type ())

G_DECLARE_FINAL_TYPE (FdComment, fd_comment, FD, COMMENT, GObject)

gint64         fd_comment_get_id               (FdComment *self);
gint64         fd_comment_get_asset_id         (FdComment *self);
gint64         fd_comment_get_version          (FdComment *self);
gint64         fd_comment_get_parent_id        (FdComment *self);
gint64         fd_comment_get_thread_id        (FdComment *self);
gboolean       fd_comment_is_reply             (FdComment *self);
gint64         fd_comment_get_person_id        (FdComment *self);
const char    *fd_comment_get_author           (FdComment *self);
const char    *fd_comment_get_text             (FdComment *self);
gint64         fd_comment_get_created          (FdComment *self);
gint64         fd_comment_get_edited           (FdComment *self);
gboolean       fd_comment_has_frames           (FdComment *self);
gint64         fd_comment_get_frame_start      (FdComment *self);
gint64         fd_comment_get_frame_end        (FdComment *self);
gint64         fd_comment_get_time_start       (FdComment *self);
gint64         fd_comment_get_time_end         (FdComment *self);
const char    *fd_comment_get_timecode         (FdComment *self);
gint64         fd_comment_get_text_start       (FdComment *self);
gint64         fd_comment_get_text_end         (FdComment *self);
FdMarkupShape *fd_comment_get_mark             (FdComment *self);
gboolean       fd_comment_get_resolved         (FdComment *self);
gint64         fd_comment_get_resolved_by      (FdComment *self);
const char    *fd_comment_get_resolved_by_name (FdComment *self);
gint64         fd_comment_get_resolved_at      (FdComment *self);
guint          fd_comment_get_n_replies        (FdComment *self);

G_END_DECLS
