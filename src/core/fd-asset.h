/* fd-asset.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fd-asset-enums.h"
#include "fd-asset-reviewer.h"

G_BEGIN_DECLS

#define FD_TYPE_ASSET (fd_asset_get_type ())

G_DECLARE_FINAL_TYPE (FdAsset, fd_asset, FD, ASSET, GObject)

gint64        fd_asset_get_id               (FdAsset      *self);
FdAssetKind   fd_asset_get_kind             (FdAsset      *self);
FdAssetState  fd_asset_get_state            (FdAsset      *self);
const char   *fd_asset_get_name             (FdAsset      *self);
gint64        fd_asset_get_version          (FdAsset      *self);
const char   *fd_asset_get_sha256           (FdAsset      *self);
const char   *fd_asset_get_preview          (FdAsset      *self);
char         *fd_asset_dup_thumbnail_path   (FdAsset      *self);
gint64        fd_asset_get_due              (FdAsset      *self);
gboolean      fd_asset_get_due_from_brief   (FdAsset      *self);
gint64        fd_asset_get_brief_id         (FdAsset      *self);
const char   *fd_asset_get_brief_title      (FdAsset      *self);
const char   *fd_asset_get_campaign         (FdAsset      *self);
gint64        fd_asset_get_group_id         (FdAsset      *self);
const char   *fd_asset_get_group_name       (FdAsset      *self);
gint64        fd_asset_get_created_by       (FdAsset      *self);
gint64        fd_asset_get_created          (FdAsset      *self);
gint64        fd_asset_get_state_since      (FdAsset      *self);
const char   *fd_asset_get_state_note       (FdAsset      *self);
gint64        fd_asset_get_review_round     (FdAsset      *self);
gint64        fd_asset_get_review_version   (FdAsset      *self);
GPtrArray    *fd_asset_get_reviewers        (FdAsset      *self);
guint         fd_asset_get_n_required       (FdAsset      *self);
guint         fd_asset_get_n_approved       (FdAsset      *self);
guint         fd_asset_get_n_replacements   (FdAsset      *self);
const char   *fd_asset_get_replacement      (FdAsset      *self);

gboolean      fd_asset_involves_person      (FdAsset      *self,
                                             gint64        person_id);
gboolean      fd_asset_is_waiting_for       (FdAsset      *self,
                                             gint64        person_id);
gboolean      fd_asset_matches_words        (FdAsset      *self,
                                             const char * const *folded_words);
int           fd_asset_compare_for_board    (FdAsset      *a,
                                             FdAsset      *b);

char         *fd_asset_fold_text            (const char   *text);

G_END_DECLS
