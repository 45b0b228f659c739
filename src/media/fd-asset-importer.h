/* fd-asset-importer.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fd-asset-catalog.h"
#include "fd-asset-import.h"
#include "fd-workspace.h"

G_BEGIN_DECLS

/* The longest side of an asset's thumbnail, in pixels. */
#define FD_ASSET_THUMBNAIL_SIZE 480

gboolean             fd_asset_import_file_in_store (FdStore                     *store,
                                                    FdMediaStore                *media_store,
                                                    const char                  *thumbnail_dir,
                                                    const FdAssetImportRequest  *request,
                                                    const char                  *path,
                                                    FdAssetImportResult         *result,
                                                    GCancellable                *cancellable,
                                                    GError                     **error);
gboolean             fd_asset_import_file          (FdWorkspace                 *workspace,
                                                    const FdAssetImportRequest  *request,
                                                    const char                  *path,
                                                    FdAssetImportResult         *result,
                                                    GCancellable                *cancellable,
                                                    GError                     **error);
void                 fd_asset_import_file_async    (FdWorkspace                 *workspace,
                                                    const FdAssetImportRequest  *request,
                                                    const char                  *path,
                                                    GCancellable                *cancellable,
                                                    GAsyncReadyCallback          callback,
                                                    gpointer                     user_data);
FdAssetImportResult *fd_asset_import_file_finish   (FdWorkspace                 *workspace,
                                                    GAsyncResult                *result,
                                                    GError                     **error);

char                *fd_asset_ensure_thumbnail     (FdMediaStore                *media_store,
                                                    const char                  *thumbnail_dir,
                                                    const char                  *sha256,
                                                    GCancellable                *cancellable,
                                                    GError                     **error);
void                 fd_asset_ensure_thumbnail_async (FdWorkspace               *workspace,
                                                    const char                  *sha256,
                                                    GCancellable                *cancellable,
                                                    GAsyncReadyCallback          callback,
                                                    gpointer                     user_data);
char                *fd_asset_ensure_thumbnail_finish (FdWorkspace              *workspace,
                                                    GAsyncResult                *result,
                                                    GError                     **error);

G_END_DECLS
