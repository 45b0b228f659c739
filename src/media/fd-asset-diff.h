/* fd-asset-diff.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-media-diff.h"
#include "fd-workspace.h"

G_BEGIN_DECLS

FdMediaDiff *fd_asset_diff_new                (FdStore       *store,
                                               FdMediaStore  *media_store,
                                               const char    *cache_dir,
                                               gint64         asset_id,
                                               gint64         version_a,
                                               gint64         version_b,
                                               GError       **error);
FdMediaDiff *fd_asset_diff_new_for_workspace  (FdWorkspace   *workspace,
                                               gint64         asset_id,
                                               gint64         version_a,
                                               gint64         version_b,
                                               GError       **error);

G_END_DECLS
