/* fd-asset-list.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fd-asset.h"
#include "fd-workspace.h"

G_BEGIN_DECLS

#define FD_TYPE_ASSET_LIST (fd_asset_list_get_type ())

G_DECLARE_FINAL_TYPE (FdAssetList, fd_asset_list, FD, ASSET_LIST, GObject)

FdAssetList  *fd_asset_list_new        (FdWorkspace  *workspace);
FdWorkspace  *fd_asset_list_get_workspace (FdAssetList *self);
gboolean      fd_asset_list_is_loading (FdAssetList  *self);
gboolean      fd_asset_list_is_loaded  (FdAssetList  *self);
const GError *fd_asset_list_get_error  (FdAssetList  *self);
FdAsset      *fd_asset_list_find       (FdAssetList  *self,
                                        gint64        asset_id,
                                        guint        *position);
void          fd_asset_list_reload     (FdAssetList  *self);

G_END_DECLS
