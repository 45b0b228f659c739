/* fd-comment-private.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "fd-comment.h"
#include "fd-mutation.h"
#include "fd-store.h"

G_BEGIN_DECLS

/* What a comment row holds, as read (fd-comment-catalog.c) and as handed to
 * an FdComment. Frames and text positions are -1 when absent. */
typedef struct
{
  gint64         id;
  gint64         asset_id;
  gint64         version;
  gint64         parent_id;
  gint64         person_id;
  char          *author;
  char          *text;
  gint64         created_us;
  gint64         edited_us;
  gint64         frame_start;
  gint64         frame_end;
  gint64         text_start;
  gint64         text_end;
  FdMarkupShape *mark;
  gint64         resolved_by;
  char          *resolved_by_name;
  gint64         resolved_us;
  guint          n_replies;
  int            fps_n;
  int            fps_d;
} FdCommentData;

void       _fd_comment_data_clear   (FdCommentData *data);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FdCommentData, _fd_comment_data_clear)

FdComment *_fd_comment_new          (FdCommentData *data);  /* steals its members */
void       _fd_comment_update_from  (FdComment     *self,
                                     FdComment     *fresh);

/* One line of an asset's history for a "comment" event, or %NULL for one
 * not shown (fd-asset-query.c). */
char      *_fd_comment_describe_event (FdStore     *store,
                                       const char  *action,
                                       const char  *actor,
                                       JsonObject  *after,
                                       const char  *who);

/* The upgrade to schema 5 (fd-schema.c). */
gboolean   _fd_comment_migrate_legacy (FdStore     *store,
                                       GError     **error);

G_END_DECLS
