/* fd-asset-page-private.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fd-asset-page.h"
#include "fd-asset-version.h"
#include "fd-audit-event.h"

G_BEGIN_DECLS

/* FdAssetPage is split by responsibility: fd-asset-page.c holds the
 * widget, loading, the preview and the actions; fd-asset-page-rows.c
 * makes the rows of its lists (details, reviewers, versions, history);
 * fd-asset-page-review.c puts the review pane in the review slot. */

GtkWidget *_fd_asset_page_version_row   (FdAssetVersion *version,
                                         FdAsset        *asset,
                                         gboolean        can_compare,
                                         gint64          compare_with);
GtkWidget *_fd_asset_page_reviewer_row  (FdAssetReviewer *reviewer,
                                         gint64          version);
GtkWidget *_fd_asset_page_history_row   (FdAuditEvent   *event,
                                         const char     *description,
                                         const char     *actor);
void       _fd_asset_page_fill_details  (GtkListBox     *list,
                                         FdAsset        *asset,
                                         const char     *creator);
gint64     _fd_asset_page_row_version   (GtkListBoxRow  *row);
void       _fd_asset_page_attach_review (FdAssetPage    *self);

G_END_DECLS
