/* fd-asset-card-decisions.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-asset-card"

#include "config.h"

#include "fd-asset-card-private.h"
#include "fd-board-format.h"

/* The decision dots: one per required reviewer of the current round, in
 * the colour of their latest decision on the version under review, with
 * that decision in words as its tooltip. The same sentences make
 * fd_asset_card_dup_decisions(), so what a screen reader hears is what
 * the dots say. The dots are made again only when the asset's reviewers
 * change (the model hands a new array then), not on every notification. */

static void
clear_dots (FdAssetCard *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->dots_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->dots_box), child);
}

void
_fd_asset_card_sync_decisions (FdAssetCard *self)
{
  GPtrArray *reviewers = fd_asset_get_reviewers (self->asset);
  gint64 version = fd_asset_get_review_version (self->asset);

  if (reviewers == self->shown_reviewers)
    return;

  g_clear_pointer (&self->shown_reviewers, g_ptr_array_unref);
  self->shown_reviewers = reviewers ? g_ptr_array_ref (reviewers) : NULL;
  clear_dots (self);

  for (guint i = 0; reviewers != NULL && i < reviewers->len; i++)
    {
      FdAssetReviewer *reviewer = g_ptr_array_index (reviewers, i);
      g_autofree char *tooltip = NULL;
      GtkWidget *dot;

      if (!fd_asset_reviewer_get_required (reviewer))
        continue;

      dot = fd_board_decision_dot_new (fd_asset_reviewer_get_decision (reviewer));
      tooltip = fd_board_describe_decision (reviewer, version);
      gtk_widget_set_tooltip_text (dot, tooltip);
      gtk_box_append (GTK_BOX (self->dots_box), dot);
    }

  gtk_widget_set_visible (self->dots_box, gtk_widget_get_first_child (self->dots_box) != NULL);
}

/**
 * fd_asset_card_dup_decisions:
 *
 * Returns: (transfer full): the required reviewers' decisions, one
 *   sentence each, as their dots' tooltips say them
 */
char *
fd_asset_card_dup_decisions (FdAssetCard *self)
{
  GString *text = g_string_new (NULL);
  GPtrArray *reviewers;

  g_return_val_if_fail (FD_IS_ASSET_CARD (self), NULL);

  reviewers = self->asset ? fd_asset_get_reviewers (self->asset) : NULL;
  for (guint i = 0; reviewers != NULL && i < reviewers->len; i++)
    {
      FdAssetReviewer *reviewer = g_ptr_array_index (reviewers, i);
      g_autofree char *sentence = NULL;

      if (!fd_asset_reviewer_get_required (reviewer))
        continue;

      sentence = fd_board_describe_decision (reviewer, fd_asset_get_review_version (self->asset));
      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append (text, sentence);
    }

  return g_string_free (text, FALSE);
}
