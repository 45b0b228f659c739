/* fd-asset-page.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fd-asset.h"
#include "fd-workspace.h"

G_BEGIN_DECLS

#define FD_TYPE_ASSET_PAGE (fd_asset_page_get_type ())

G_DECLARE_FINAL_TYPE (FdAssetPage, fd_asset_page, FD, ASSET_PAGE, GtkWidget)

typedef struct _FdReviewPane FdReviewPane;

GtkWidget   *fd_asset_page_new                  (void);
FdWorkspace *fd_asset_page_get_workspace        (FdAssetPage *self);
void         fd_asset_page_set_workspace        (FdAssetPage *self,
                                                 FdWorkspace *workspace);
FdAsset     *fd_asset_page_get_asset            (FdAssetPage *self);
void         fd_asset_page_set_asset            (FdAssetPage *self,
                                                 FdAsset     *asset);
gint64       fd_asset_page_get_person_id        (FdAssetPage *self);
void         fd_asset_page_set_person_id        (FdAssetPage *self,
                                                 gint64       person_id);
gint64       fd_asset_page_get_selected_version (FdAssetPage *self);
void         fd_asset_page_select_version       (FdAssetPage *self,
                                                 gint64       number);
gboolean     fd_asset_page_get_can_compare      (FdAssetPage *self);
void         fd_asset_page_set_can_compare      (FdAssetPage *self,
                                                 gboolean     can_compare);
gboolean     fd_asset_page_get_loaded           (FdAssetPage *self);
GListModel  *fd_asset_page_get_versions         (FdAssetPage *self);
GListModel  *fd_asset_page_get_reviews          (FdAssetPage *self);
GListModel  *fd_asset_page_get_history          (FdAssetPage *self);
const char  *fd_asset_page_describe_event       (FdAssetPage *self,
                                                 gint64       seq);
GtkBox      *fd_asset_page_get_review_slot      (FdAssetPage *self);
GtkWidget   *fd_asset_page_get_preview          (FdAssetPage *self);
FdReviewPane *fd_asset_page_get_review_pane     (FdAssetPage *self);
GtkWidget   *fd_asset_page_get_action_button    (FdAssetPage *self,
                                                 const char  *action);

G_END_DECLS
