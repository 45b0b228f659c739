/* fd-media-store.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define FD_TYPE_MEDIA_STORE (fd_media_store_get_type ())

G_DECLARE_FINAL_TYPE (FdMediaStore, fd_media_store, FD, MEDIA_STORE, GObject)

FdMediaStore *fd_media_store_new          (const char    *root);
const char   *fd_media_store_get_root     (FdMediaStore  *self);
char         *fd_media_store_get_path     (FdMediaStore  *self,
                                           const char    *sha256);
gboolean      fd_media_store_contains     (FdMediaStore  *self,
                                           const char    *sha256);
char         *fd_media_store_import_file  (FdMediaStore  *self,
                                           const char    *path,
                                           gint64        *size,
                                           gboolean      *was_new,
                                           GCancellable  *cancellable,
                                           GError       **error);
char         *fd_media_store_import_bytes (FdMediaStore  *self,
                                           GBytes        *bytes,
                                           gboolean      *was_new,
                                           GError       **error);
gboolean      fd_media_store_verify       (FdMediaStore  *self,
                                           const char    *sha256,
                                           GCancellable  *cancellable,
                                           GError       **error);
char         *fd_media_store_hash_file    (const char    *path,
                                           gint64        *size,
                                           GCancellable  *cancellable,
                                           GError       **error);
gboolean      fd_media_store_is_hash      (const char    *text);

G_END_DECLS
