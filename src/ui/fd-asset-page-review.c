/* fd-asset-page-review.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-asset-page"

#include "config.h"

#include "fd-asset-page-private.h"
#include "fd-review-pane.h"

/* The asset page's review pane goes into its review slot and follows the
 * page through bindings: the page knows nothing of players or comments. */

static void
on_compare_versions (FdReviewPane *pane,
                     gint64        older,
                     gint64        newer)
{
  fd_review_pane_compare (pane, older, newer);
}

void
_fd_asset_page_attach_review (FdAssetPage *self)
{
  GtkWidget *pane = fd_review_pane_new ();
  GBindingFlags flags = G_BINDING_SYNC_CREATE;

  gtk_box_append (fd_asset_page_get_review_slot (self), pane);
  fd_review_pane_set_versions (FD_REVIEW_PANE (pane), fd_asset_page_get_versions (self));

  g_object_bind_property (self, "workspace", pane, "workspace", flags);
  g_object_bind_property (self, "asset", pane, "asset", flags);
  g_object_bind_property (self, "person-id", pane, "person-id", flags);
  g_object_bind_property (self, "selected-version", pane, "version", flags);
  g_object_bind_property (pane, "can-compare", self, "can-compare", flags);
  g_object_bind_property (pane, "covers-preview", fd_asset_page_get_preview (self), "visible",
                          flags | G_BINDING_INVERT_BOOLEAN);
  g_signal_connect_object (self, "compare-versions", G_CALLBACK (on_compare_versions), pane,
                           G_CONNECT_SWAPPED);
}

/**
 * fd_asset_page_get_review_pane:
 *
 * Returns: (transfer none): the review pane of the page
 */
FdReviewPane *
fd_asset_page_get_review_pane (FdAssetPage *self)
{
  GtkWidget *child;

  g_return_val_if_fail (FD_IS_ASSET_PAGE (self), NULL);

  child = gtk_widget_get_first_child (GTK_WIDGET (fd_asset_page_get_review_slot (self)));
  return FD_IS_REVIEW_PANE (child) ? FD_REVIEW_PANE (child) : NULL;
}
