/* fd-asset-query.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-asset.h"
#include "fd-asset-review.h"
#include "fd-asset-version.h"
#include "fd-audit-event.h"
#include "fd-store.h"

G_BEGIN_DECLS

/* Reading assets: one asset as a card, all of them, and what the asset
 * page shows (versions, decisions, history). For the board, use
 * FdAssetList, which loads off the main thread and keeps itself current. */

FdAsset        *fd_asset_get              (FdStore       *store,
                                           gint64         asset_id,
                                           GError       **error);
GPtrArray      *fd_asset_list_all         (FdStore       *store,
                                           GError       **error);
FdAssetVersion *fd_asset_find_version     (FdStore       *store,
                                           gint64         asset_id,
                                           gint64         number,
                                           GError       **error);
GPtrArray      *fd_asset_list_versions    (FdStore       *store,
                                           gint64         asset_id,
                                           GError       **error);
GPtrArray      *fd_asset_list_reviews     (FdStore       *store,
                                           gint64         asset_id,
                                           GError       **error);
GPtrArray      *fd_asset_get_history      (FdStore       *store,
                                           gint64         asset_id,
                                           GError       **error);
char           *fd_asset_describe_event   (FdStore       *store,
                                           FdAuditEvent  *event);

G_END_DECLS
