/* fd-asset-filter.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fd-asset.h"

G_BEGIN_DECLS

/**
 * FdAssetFilterChange:
 * @FD_ASSET_FILTER_CHANGE_DIFFERENT: anything may match differently now
 * @FD_ASSET_FILTER_CHANGE_LESS_STRICT: everything that matched still does
 * @FD_ASSET_FILTER_CHANGE_MORE_STRICT: nothing that did not match does now
 *
 * How a change of the filter affects matches. The values are those of
 * GtkFilterChange, so the board can pass them on to gtk_filter_changed().
 */
typedef enum
{
  FD_ASSET_FILTER_CHANGE_DIFFERENT,
  FD_ASSET_FILTER_CHANGE_LESS_STRICT,
  FD_ASSET_FILTER_CHANGE_MORE_STRICT,
} FdAssetFilterChange;

#define FD_TYPE_ASSET_FILTER (fd_asset_filter_get_type ())

G_DECLARE_FINAL_TYPE (FdAssetFilter, fd_asset_filter, FD, ASSET_FILTER, GObject)

FdAssetFilter *fd_asset_filter_new            (void);
gboolean       fd_asset_filter_match          (FdAssetFilter  *self,
                                               FdAsset        *asset);
gboolean       fd_asset_filter_is_empty       (FdAssetFilter  *self);

const char    *fd_asset_filter_get_text       (FdAssetFilter  *self);
void           fd_asset_filter_set_text       (FdAssetFilter  *self,
                                               const char     *text);
FdAssetKind    fd_asset_filter_get_kind       (FdAssetFilter  *self);
void           fd_asset_filter_set_kind       (FdAssetFilter  *self,
                                               FdAssetKind     kind);
FdAssetState   fd_asset_filter_get_state      (FdAssetFilter  *self);
void           fd_asset_filter_set_state      (FdAssetFilter  *self,
                                               FdAssetState    state);
gint64         fd_asset_filter_get_brief_id   (FdAssetFilter  *self);
void           fd_asset_filter_set_brief_id   (FdAssetFilter  *self,
                                               gint64          brief_id);
const char    *fd_asset_filter_get_campaign   (FdAssetFilter  *self);
void           fd_asset_filter_set_campaign   (FdAssetFilter  *self,
                                               const char     *campaign);
gint64         fd_asset_filter_get_person_id  (FdAssetFilter  *self);
void           fd_asset_filter_set_person_id  (FdAssetFilter  *self,
                                               gint64          person_id);
gboolean       fd_asset_filter_get_waiting    (FdAssetFilter  *self);
void           fd_asset_filter_set_waiting    (FdAssetFilter  *self,
                                               gboolean        waiting);

G_END_DECLS
