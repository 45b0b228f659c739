/* fd-thumbnail-loader.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fd-workspace.h"

G_BEGIN_DECLS

#define FD_TYPE_THUMBNAIL_LOADER (fd_thumbnail_loader_get_type ())

G_DECLARE_FINAL_TYPE (FdThumbnailLoader, fd_thumbnail_loader, FD, THUMBNAIL_LOADER, GObject)

FdThumbnailLoader *fd_thumbnail_loader_new          (FdWorkspace        *workspace,
                                                     int                 max_width,
                                                     int                 max_height);
FdWorkspace       *fd_thumbnail_loader_get_workspace (FdThumbnailLoader *self);
GdkTexture        *fd_thumbnail_loader_lookup       (FdThumbnailLoader  *self,
                                                     const char         *sha256);
const char        *fd_thumbnail_loader_get_failure  (FdThumbnailLoader  *self,
                                                     const char         *sha256);
void               fd_thumbnail_loader_load_async   (FdThumbnailLoader  *self,
                                                     const char         *sha256,
                                                     GCancellable       *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer            user_data);
GdkTexture        *fd_thumbnail_loader_load_finish  (FdThumbnailLoader  *self,
                                                     GAsyncResult       *result,
                                                     GError            **error);
guint              fd_thumbnail_loader_get_n_loads  (FdThumbnailLoader  *self);

G_END_DECLS
