/* fd-asset-version.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fd-asset-enums.h"
#include "fd-media-info.h"

G_BEGIN_DECLS

#define FD_TYPE_ASSET_VERSION (fd_asset_version_get_type ())

G_DECLARE_FINAL_TYPE (FdAssetVersion, fd_asset_version, FD, ASSET_VERSION, GObject)

FdAssetVersion *fd_asset_version_new (gint64             id,
                                      gint64             asset_id,
                                      gint64             number,
                                      const char        *sha256,
                                      const char        *text,
                                      const FdMediaInfo *media_info,
                                      gint64             size,
                                      const char        *filename,
                                      const char        *note,
                                      const char        *created_by,
                                      const char        *created_by_name,
                                      gint64             created_us);

gint64             fd_asset_version_get_id              (FdAssetVersion *self);
gint64             fd_asset_version_get_asset_id        (FdAssetVersion *self);
gint64             fd_asset_version_get_number          (FdAssetVersion *self);
const char        *fd_asset_version_get_sha256          (FdAssetVersion *self);
const char        *fd_asset_version_get_text            (FdAssetVersion *self);
const FdMediaInfo *fd_asset_version_get_media_info      (FdAssetVersion *self);
gint64             fd_asset_version_get_size            (FdAssetVersion *self);
const char        *fd_asset_version_get_filename        (FdAssetVersion *self);
const char        *fd_asset_version_get_note            (FdAssetVersion *self);
const char        *fd_asset_version_get_created_by      (FdAssetVersion *self);
const char        *fd_asset_version_get_created_by_name (FdAssetVersion *self);
gint64             fd_asset_version_get_created_us      (FdAssetVersion *self);

G_END_DECLS
