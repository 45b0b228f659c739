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

/**
 * FdMediaStaged:
 *
 * A file copied into the store's incoming folder and hashed, but not yet
 * stored under its hash: what an import checks (probe, thumbnail) before it
 * commits, so that a file refused leaves the store exactly as it was. The
 * copy keeps the original file name, so messages about it name the file
 * the person chose. Freeing an uncommitted stage deletes the copy.
 */
typedef struct _FdMediaStaged FdMediaStaged;

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

FdMediaStaged *fd_media_store_stage_file  (FdMediaStore  *self,
                                           const char    *path,
                                           GCancellable  *cancellable,
                                           GError       **error);
char         *fd_media_store_commit_staged (FdMediaStore *self,
                                           FdMediaStaged *staged,
                                           gboolean      *was_new,
                                           GError       **error);
void          fd_media_store_discard      (FdMediaStore  *self,
                                           const char    *sha256);
const char   *fd_media_staged_get_path    (FdMediaStaged *staged);
const char   *fd_media_staged_get_name    (FdMediaStaged *staged);
const char   *fd_media_staged_get_sha256  (FdMediaStaged *staged);
gint64        fd_media_staged_get_size    (FdMediaStaged *staged);
void          fd_media_staged_free        (FdMediaStaged *staged);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdMediaStaged, fd_media_staged_free)

G_END_DECLS
