/* fd-asset-card-private.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-asset-card.h"

G_BEGIN_DECLS

/* FdAssetCard is split by responsibility:
 *   fd-asset-card.c            the widget: preview, labels, properties,
 *                              public API
 *   fd-asset-card-decisions.c  the required reviewers' decision dots
 *   fd-asset-card-menu.c       the card menu and the card's actions
 *   fd-asset-card-drag.c       dragging the card, and files dropped on it */

struct _FdAssetCard
{
  GtkWidget          parent_instance;

  FdAsset           *asset;
  FdThumbnailLoader *thumbnails;
  gint64             person_id;
  GSignalGroup      *asset_signals;
  GCancellable      *load;
  char              *preview_sha;
  GPtrArray         *shown_reviewers;
  gboolean           has_thumbnail;
  GtkWidget         *context_menu;

  GtkWidget         *box;
  GtkStack          *preview_stack;
  GtkImage          *preview_icon;
  GtkPicture        *picture;
  GtkLabel          *text_label;
  GtkLabel          *version_label;
  GtkLabel          *turn_label;
  GtkLabel          *name_label;
  GtkMenuButton     *menu_button;
  GtkImage          *kind_icon;
  GtkLabel          *kind_label;
  GtkLabel          *group_label;
  GtkLabel          *brief_label;
  GtkLabel          *campaign_label;
  GtkLabel          *due_label;
  GtkWidget         *dots_box;
  GtkWidget         *replacement_badge;
};
/* fd-asset-card-decisions.c */
void  _fd_asset_card_sync_decisions  (FdAssetCard    *self);

/* fd-asset-card-menu.c */
void  _fd_asset_card_menu_class_init (GtkWidgetClass *widget_class);
void  _fd_asset_card_menu_init       (FdAssetCard    *self);

/* fd-asset-card-drag.c */
void  _fd_asset_card_drag_init       (FdAssetCard    *self);

G_END_DECLS
