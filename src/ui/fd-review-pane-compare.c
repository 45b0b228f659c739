/* fd-review-pane-compare.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-review-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-review-pane-private.h"

/* Comparing two versions: the A and B pickers (rebuilt as the versions
 * change, B the selected version and A the one before it by default) and
 * what the compare view is given. Media go to the compare view, which
 * diffs them in the background and caches each change timeline per SHA
 * pair in the workspace's cache/diff (as `asset diff` does); it is only
 * reopened when the picked pair changes. Text goes to the word diff. */

static gint64
picked (FdReviewPane *self,
        GtkDropDown  *dropdown)
{
  guint i = gtk_drop_down_get_selected (dropdown);

  return i < self->numbers->len ? g_array_index (self->numbers, gint64, i) : 0;
}

void
_fd_review_pane_pick (FdReviewPane *self,
                      GtkDropDown  *dropdown,
                      gint64        number)
{
  for (guint i = 0; i < self->numbers->len; i++)
    if (g_array_index (self->numbers, gint64, i) == number)
      gtk_drop_down_set_selected (dropdown, i);
}

/* By default the selected version is B and the one before it A. */
void
_fd_review_pane_pick_defaults (FdReviewPane *self)
{
  gint64 b = self->version;
  gint64 a = 0;

  for (guint i = 0; i < self->numbers->len; i++)
    {
      gint64 number = g_array_index (self->numbers, gint64, i);

      if (number < b && number > a)
        a = number;
    }

  if (a == 0 && self->numbers->len >= 2)
    {
      /* The first version is selected: compare it with the next. */
      a = b;
      b = g_array_index (self->numbers, gint64, self->numbers->len - 2);
    }

  self->syncing++;
  _fd_review_pane_pick (self, self->version_a, a);
  _fd_review_pane_pick (self, self->version_b, b);
  self->syncing--;
}

void
_fd_review_pane_rebuild_pickers (FdReviewPane *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint n = self->versions ? g_list_model_get_n_items (self->versions) : 0;

  g_array_set_size (self->numbers, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FdAssetVersion) version = g_list_model_get_item (self->versions, i);
      gint64 number = fd_asset_version_get_number (version);
      g_autofree char *label = g_strdup_printf (_("Version %lld"), (long long)number);

      g_array_append_val (self->numbers, number);
      gtk_string_list_append (labels, label);
    }

  self->syncing++;
  gtk_drop_down_set_model (self->version_a, G_LIST_MODEL (labels));
  gtk_drop_down_set_model (self->version_b, G_LIST_MODEL (labels));
  self->syncing--;
  _fd_review_pane_pick_defaults (self);
  _fd_review_pane_set_can_compare (self, n >= 2);
}

const char *
_fd_review_pane_show_compare (FdReviewPane *self)
{
  gint64 a = picked (self, self->version_a);
  gint64 b = picked (self, self->version_b);
  g_autoptr(FdAssetVersion) va = _fd_review_pane_find_version (self, a);
  g_autoptr(FdAssetVersion) vb = _fd_review_pane_find_version (self, b);
  g_autofree char *key = g_strdup_printf ("%lld:%lld", (long long)a, (long long)b);
  g_autofree char *path_a = NULL;
  g_autofree char *path_b = NULL;
  g_autofree char *cache_dir = NULL;
  g_autofree char *label_a = NULL;
  g_autofree char *label_b = NULL;

  if (va == NULL || vb == NULL)
    return "none";

  if (!_fd_review_pane_is_media (self))
    {
      fd_text_diff_view_set_texts (self->text_diff, fd_asset_version_get_text (va),
                                   fd_asset_version_get_text (vb));
      return "text-diff";
    }

  if (!(path_a = _fd_review_pane_stored_path (self, va)) ||
      !(path_b = _fd_review_pane_stored_path (self, vb)))
    return "problem";

  if (g_strcmp0 (key, self->compared) != 0)
    {
      label_a = g_strdup_printf ("v%lld", (long long)a);
      label_b = g_strdup_printf ("v%lld", (long long)b);
      cache_dir = fd_workspace_dup_cache_dir (self->workspace, "diff");
      fd_compare_view_set_cache (self->compare_view, cache_dir, fd_asset_version_get_sha256 (va),
                                 fd_asset_version_get_sha256 (vb));
      fd_compare_view_open (self->compare_view, path_a, path_b, label_a, label_b);
      g_free (self->compared);
      self->compared = g_steal_pointer (&key);
    }

  return "compare";
}
