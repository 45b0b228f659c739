/* fd-asset-reviewer.h
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

#define FD_TYPE_ASSET_REVIEWER (fd_asset_reviewer_get_type ())

G_DECLARE_FINAL_TYPE (FdAssetReviewer, fd_asset_reviewer, FD, ASSET_REVIEWER, GObject)

FdAssetReviewer *fd_asset_reviewer_new (gint64            person_id,
                                        const char       *name,
                                        gboolean          required,
                                        FdReviewDecision  decision,
                                        const char       *feedback,
                                        gint64            decided_us);

gint64            fd_asset_reviewer_get_person_id (FdAssetReviewer *self);
const char       *fd_asset_reviewer_get_name      (FdAssetReviewer *self);
gboolean          fd_asset_reviewer_get_required  (FdAssetReviewer *self);
FdReviewDecision  fd_asset_reviewer_get_decision  (FdAssetReviewer *self);
const char       *fd_asset_reviewer_get_feedback  (FdAssetReviewer *self);
gint64            fd_asset_reviewer_get_decided_us (FdAssetReviewer *self);

G_END_DECLS
