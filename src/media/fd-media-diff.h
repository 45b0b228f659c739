/* fd-media-diff.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "fd-media-diff-result.h"

G_BEGIN_DECLS

#define FD_MEDIA_DIFF_DEFAULT_THRESHOLD       0.004
#define FD_MEDIA_DIFF_DEFAULT_BLOCK_THRESHOLD 12

#define FD_TYPE_MEDIA_DIFF (fd_media_diff_get_type ())

G_DECLARE_FINAL_TYPE (FdMediaDiff, fd_media_diff, FD, MEDIA_DIFF, GObject)

FdMediaDiff       *fd_media_diff_new            (const char    *path_a,
                                                 const char    *path_b);
void               fd_media_diff_set_offset     (FdMediaDiff   *self,
                                                 int            offset);
void               fd_media_diff_set_threshold  (FdMediaDiff   *self,
                                                 double         threshold);
void               fd_media_diff_set_cache      (FdMediaDiff   *self,
                                                 const char    *cache_dir,
                                                 const char    *id_a,
                                                 const char    *id_b);
char              *fd_media_diff_dup_cache_key  (FdMediaDiff   *self,
                                                 GError       **error);
double             fd_media_diff_get_progress   (FdMediaDiff   *self);
gboolean           fd_media_diff_get_from_cache (FdMediaDiff   *self);
FdMediaDiffResult *fd_media_diff_run            (FdMediaDiff   *self,
                                                 GCancellable  *cancellable,
                                                 GError       **error);
void               fd_media_diff_run_async      (FdMediaDiff          *self,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
FdMediaDiffResult *fd_media_diff_run_finish     (FdMediaDiff   *self,
                                                 GAsyncResult  *result,
                                                 GError       **error);
char              *fd_media_diff_file_id        (const char    *path,
                                                 GError       **error);

G_END_DECLS
