/* fd-review-pane-view.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-review-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-media-store.h"
#include "fd-review-pane-private.h"

/* What the pane shows, and the one place that decides it: the selected
 * version in the player, the comparison, the text diff, why a version
 * cannot be shown, or nothing. Every change of the asset, its versions,
 * the selection or the Compare toggle ends in _fd_review_pane_sync_view(),
 * so the stack, the toolbar, the comments and the placement checks never
 * disagree about which version is on screen. */

FdAssetVersion *
_fd_review_pane_find_version (FdReviewPane *self,
                              gint64        number)
{
  guint n = self->versions ? g_list_model_get_n_items (self->versions) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FdAssetVersion) version = g_list_model_get_item (self->versions, i);

      if (fd_asset_version_get_number (version) == number)
        return g_steal_pointer (&version);
    }

  return NULL;
}

gboolean
_fd_review_pane_is_media (FdReviewPane *self)
{
  return self->asset != NULL && fd_asset_kind_is_media (fd_asset_get_kind (self->asset));
}

static void
set_problem (FdReviewPane *self,
             const char   *problem)
{
  g_free (self->problem);
  self->problem = g_strdup (problem);
  adw_status_page_set_description (self->problem_page, problem);
}

char *
_fd_review_pane_stored_path (FdReviewPane   *self,
                             FdAssetVersion *version)
{
  FdMediaStore *media = fd_workspace_get_media_store (self->workspace);
  const char *sha = fd_asset_version_get_sha256 (version);
  g_autofree char *problem = NULL;

  if (sha != NULL && fd_media_store_contains (media, sha))
    return fd_media_store_get_path (media, sha);

  /* Translators: a version number, then the start of its SHA-256 */
  problem = g_strdup_printf (_("The file of version %lld (%.12s…) is missing from the workspace’s "
                               "media folder. Import it again as a new version."),
                             (long long)fd_asset_version_get_number (version), sha ? sha : "");
  set_problem (self, problem);
  return NULL;
}

static const char *
show_version (FdReviewPane   *self,
              FdAssetVersion *version)
{
  FdPlayer *player = fd_player_view_get_player (self->player);
  g_autofree char *path = NULL;

  if (!_fd_review_pane_is_media (self))
    return "none";

  if (!(path = _fd_review_pane_stored_path (self, version)))
    {
      fd_player_close (player);
      return "problem";
    }

  if (g_strcmp0 (fd_player_get_path (player), path) != 0)
    fd_player_view_open (self->player, path);

  return "review";
}

void
_fd_review_pane_sync_view (FdReviewPane *self)
{
  g_autoptr(FdAssetVersion) version = NULL;
  const char *page = "none";
  gboolean comparing;

  if (self->asset != NULL && self->workspace != NULL)
    version = _fd_review_pane_find_version (self, self->version);

  comparing = self->comparing && self->can_compare;
  set_problem (self, NULL);

  if (version != NULL && comparing)
    {
      fd_player_pause (fd_player_view_get_player (self->player));
      page = _fd_review_pane_show_compare (self);
    }
  else if (version != NULL)
    page = show_version (self, version);
  else
    fd_player_close (fd_player_view_get_player (self->player));

  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_widget_set_visible (GTK_WIDGET (self->stack), !g_str_equal (page, "none"));
  gtk_widget_set_visible (self->toolbar, self->can_compare);
  gtk_widget_set_visible (self->pickers, comparing);
  _fd_review_pane_set_covers_preview (self, version != NULL &&
                                            (_fd_review_pane_is_media (self) || comparing));

  fd_comments_panel_set_version (self->comments, self->asset ? fd_asset_get_id (self->asset) : 0,
                                 version && _fd_review_pane_is_media (self) ? self->version : 0);
  fd_placement_panel_set_version (self->placements, self->asset, version ? self->version : 0);
}
