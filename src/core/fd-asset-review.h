/* fd-asset-review.h
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

#define FD_TYPE_ASSET_REVIEW (fd_asset_review_get_type ())

G_DECLARE_FINAL_TYPE (FdAssetReview, fd_asset_review, FD, ASSET_REVIEW, GObject)

FdAssetReview *fd_asset_review_new (gint64            id,
                                    gint64            asset_id,
                                    gint64            version,
                                    gint64            round,
                                    gint64            person_id,
                                    const char       *person_name,
                                    FdReviewDecision  decision,
                                    const char       *feedback,
                                    gint64            at_us);

gint64            fd_asset_review_get_id          (FdAssetReview *self);
gint64            fd_asset_review_get_asset_id    (FdAssetReview *self);
gint64            fd_asset_review_get_version     (FdAssetReview *self);
gint64            fd_asset_review_get_round       (FdAssetReview *self);
gint64            fd_asset_review_get_person_id   (FdAssetReview *self);
const char       *fd_asset_review_get_person_name (FdAssetReview *self);
FdReviewDecision  fd_asset_review_get_decision    (FdAssetReview *self);
const char       *fd_asset_review_get_feedback    (FdAssetReview *self);
gint64            fd_asset_review_get_at_us       (FdAssetReview *self);

G_END_DECLS
