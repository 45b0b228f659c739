/* fd-comment-catalog.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-comment.h"
#include "fd-markup-shape.h"
#include "fd-store.h"
#include "fd-workspace.h"

G_BEGIN_DECLS

/* Comments on asset versions: adding, replying, editing, resolving and
 * reopening (each an audited mutation, entity "comment"), and reading them
 * in the order the list beside the player shows. Anyone active on the
 * roster may comment, reply, resolve and reopen, at any time; only its
 * author edits a comment. */

/* The JSON recorded as a comment's state in audit events. */
#define FD_COMMENT_SNAPSHOT_SQL \
  "SELECT json_object ('id', id, 'asset_id', asset_id, 'version', version, " \
  "'parent_id', parent_id, 'person_id', person_id, 'text', body, " \
  "'frame_start', frame_start, 'frame_end', frame_end, " \
  "'text_start', text_start, 'text_end', text_end, 'mark', json (mark_json), " \
  "'created_us', created_us, 'edited_us', edited_us, " \
  "'resolved_by', resolved_by, 'resolved_us', resolved_us, 'review_id', review_id) " \
  "FROM comment WHERE id = ?"

/**
 * FdCommentAnchor:
 * @frame_start: media: the first frame (from 0), or -1 for a comment on
 *   the whole version
 * @frame_end: the last frame, inclusive; -1 (or @frame_start) for one frame
 * @text_start: text kinds: the first character of a range (Unicode
 *   characters from 0), or -1 for the whole text
 * @text_end: one past the range's last character
 * @mark: (nullable): a rectangle or freehand mark on the frame (media; on
 *   a still image without a frame, frame 0 is assumed)
 *
 * Where on a version a comment points. Start from %FD_COMMENT_ANCHOR_INIT.
 */
typedef struct
{
  gint64         frame_start;
  gint64         frame_end;
  gint64         text_start;
  gint64         text_end;
  FdMarkupShape *mark;
} FdCommentAnchor;

#define FD_COMMENT_ANCHOR_INIT { -1, -1, -1, -1, NULL }

/**
 * FdCommentCounts:
 * @total: comments, replies included
 * @threads: first comments of threads
 * @open: threads not resolved
 * @resolved: threads resolved
 */
typedef struct
{
  guint total;
  guint threads;
  guint open;
  guint resolved;
} FdCommentCounts;

gint64      fd_comment_add              (FdStore                *store,
                                         gint64                  person_id,
                                         gint64                  asset_id,
                                         gint64                  version,
                                         const FdCommentAnchor  *anchor,
                                         const char             *text,
                                         GError                **error);
gint64      fd_comment_reply            (FdStore                *store,
                                         gint64                  person_id,
                                         gint64                  comment_id,
                                         const char             *text,
                                         GError                **error);
gboolean    fd_comment_edit             (FdStore                *store,
                                         gint64                  person_id,
                                         gint64                  comment_id,
                                         const char             *text,
                                         GError                **error);
gboolean    fd_comment_resolve          (FdStore                *store,
                                         gint64                  person_id,
                                         gint64                  comment_id,
                                         GError                **error);
gboolean    fd_comment_reopen           (FdStore                *store,
                                         gint64                  person_id,
                                         gint64                  comment_id,
                                         GError                **error);

FdComment  *fd_comment_get              (FdStore                *store,
                                         gint64                  comment_id,
                                         GError                **error);
GPtrArray  *fd_comment_list_for_version (FdStore                *store,
                                         gint64                  asset_id,
                                         gint64                  version,
                                         GError                **error);
GPtrArray  *fd_comment_list_for_asset   (FdStore                *store,
                                         gint64                  asset_id,
                                         GError                **error);
gboolean    fd_comment_count            (FdStore                *store,
                                         gint64                  asset_id,
                                         gint64                  version,
                                         FdCommentCounts        *counts,
                                         GError                **error);

/* The same, on the workspace's writer queue; the finish functions return
 * the new comment's id (add, reply) or 1 (the others), 0 with @error set. */
void        fd_comment_add_async        (FdWorkspace            *workspace,
                                         gint64                  person_id,
                                         gint64                  asset_id,
                                         gint64                  version,
                                         const FdCommentAnchor  *anchor,
                                         const char             *text,
                                         GCancellable           *cancellable,
                                         GAsyncReadyCallback     callback,
                                         gpointer                user_data);
void        fd_comment_reply_async      (FdWorkspace            *workspace,
                                         gint64                  person_id,
                                         gint64                  comment_id,
                                         const char             *text,
                                         GCancellable           *cancellable,
                                         GAsyncReadyCallback     callback,
                                         gpointer                user_data);
void        fd_comment_edit_async       (FdWorkspace            *workspace,
                                         gint64                  person_id,
                                         gint64                  comment_id,
                                         const char             *text,
                                         GCancellable           *cancellable,
                                         GAsyncReadyCallback     callback,
                                         gpointer                user_data);
void        fd_comment_set_resolved_async (FdWorkspace          *workspace,
                                         gint64                  person_id,
                                         gint64                  comment_id,
                                         gboolean                resolved,
                                         GCancellable           *cancellable,
                                         GAsyncReadyCallback     callback,
                                         gpointer                user_data);
gint64      fd_comment_change_finish    (FdWorkspace            *workspace,
                                         GAsyncResult           *result,
                                         GError                **error);

G_END_DECLS
