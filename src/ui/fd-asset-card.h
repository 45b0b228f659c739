/* fd-asset-card.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fd-asset.h"
#include "fd-thumbnail-loader.h"

G_BEGIN_DECLS

#define FD_TYPE_ASSET_CARD (fd_asset_card_get_type ())

G_DECLARE_FINAL_TYPE (FdAssetCard, fd_asset_card, FD, ASSET_CARD, GtkWidget)

GtkWidget         *fd_asset_card_new            (void);
FdAsset           *fd_asset_card_get_asset      (FdAssetCard       *self);
void               fd_asset_card_set_asset      (FdAssetCard       *self,
                                                 FdAsset           *asset);
FdThumbnailLoader *fd_asset_card_get_thumbnails (FdAssetCard       *self);
void               fd_asset_card_set_thumbnails (FdAssetCard       *self,
                                                 FdThumbnailLoader *thumbnails);
gint64             fd_asset_card_get_person_id  (FdAssetCard       *self);
void               fd_asset_card_set_person_id  (FdAssetCard       *self,
                                                 gint64             person_id);
gboolean           fd_asset_card_get_has_thumbnail (FdAssetCard    *self);
GtkWidget         *fd_asset_card_get_replacement_badge (FdAssetCard *self);
char              *fd_asset_card_dup_summary    (FdAssetCard       *self);
char              *fd_asset_card_dup_decisions  (FdAssetCard       *self);
void               fd_asset_card_popup_menu     (FdAssetCard       *self,
                                                 double             x,
                                                 double             y);
FdAssetCard       *fd_asset_card_find           (GtkWidget         *widget);

guint              fd_asset_card_get_n_alive    (void);

G_END_DECLS
