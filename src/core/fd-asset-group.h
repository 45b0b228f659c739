/* fd-asset-group.h
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

#define FD_TYPE_ASSET_GROUP (fd_asset_group_get_type ())

G_DECLARE_FINAL_TYPE (FdAssetGroup, fd_asset_group, FD, ASSET_GROUP, GObject)

FdAssetGroup *fd_asset_group_new (gint64      id,
                                  const char *name,
                                  gint64      brief_id,
                                  gint64      n_assets);

gint64      fd_asset_group_get_id      (FdAssetGroup *self);
const char *fd_asset_group_get_name    (FdAssetGroup *self);
gint64      fd_asset_group_get_brief_id (FdAssetGroup *self);
gint64      fd_asset_group_get_n_assets (FdAssetGroup *self);

G_END_DECLS
