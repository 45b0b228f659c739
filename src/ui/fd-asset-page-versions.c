/* fd-asset-page-versions.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-asset-page"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-asset-page-private.h"
#include "fd-thumbnail-loader.h"

/* The version shown: the preview of the selected version (a picture, or a
 * text version's text), and the versions list that selects it. Kept apart
 * from fd-asset-page.c because it is the one part that follows
 * "selected-version" rather than the asset: the list's rows say which
 * version is shown and offer to compare with it, so they are made again
 * whenever the choice changes. */

static FdAssetVersion *
find_version (FdAssetPage *self,
              gint64       number)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->versions));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FdAssetVersion) version = g_list_model_get_item (G_LIST_MODEL (self->versions), i);

      if (number == 0 || fd_asset_version_get_number (version) == number)
        return g_steal_pointer (&version);
    }

  return NULL;
}

gint64
_fd_asset_page_shown_version (FdAssetPage *self)
{
  if (self->selected_version != 0)
    return self->selected_version;
  return self->asset ? fd_asset_get_version (self->asset) : 0;
}

static void
on_preview_loaded (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(FdAssetPage) self = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  texture = fd_thumbnail_loader_load_finish (FD_THUMBNAIL_LOADER (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (texture != NULL)
    {
      gtk_picture_set_paintable (self->preview_picture, GDK_PAINTABLE (texture));
      gtk_stack_set_visible_child_name (self->preview_stack, "picture");
    }
  else
    {
      adw_status_page_set_title (self->missing_page, _("No Preview"));
      adw_status_page_set_description (self->missing_page, error->message);
      gtk_stack_set_visible_child_name (self->preview_stack, "missing");
    }
}

static void
show_media_preview (FdAssetPage    *self,
                    FdAssetVersion *version)
{
  GdkTexture *texture;

  g_cancellable_cancel (self->preview_load);
  g_clear_object (&self->preview_load);

  texture = fd_thumbnail_loader_lookup (self->thumbnails, fd_asset_version_get_sha256 (version));
  if (texture != NULL)
    {
      gtk_picture_set_paintable (self->preview_picture, GDK_PAINTABLE (texture));
      gtk_stack_set_visible_child_name (self->preview_stack, "picture");
      return;
    }

  gtk_stack_set_visible_child_name (self->preview_stack, "loading");
  self->preview_load = g_cancellable_new ();
  fd_thumbnail_loader_load_async (self->thumbnails, fd_asset_version_get_sha256 (version),
                                  self->preview_load, on_preview_loaded, g_object_ref (self));
}

void
_fd_asset_page_sync_preview (FdAssetPage *self)
{
  g_autoptr(FdAssetVersion) version = find_version (self, _fd_asset_page_shown_version (self));
  g_autofree char *caption = NULL;
  g_autofree char *content = NULL;
  const FdMediaInfo *info;

  if (version == NULL)
    {
      g_cancellable_cancel (self->preview_load);
      adw_status_page_set_title (self->missing_page, self->loaded ? _("No Version Yet") : "");
      adw_status_page_set_description (self->missing_page,
                                       self->loaded && self->asset &&
                                       fd_asset_kind_is_media (fd_asset_get_kind (self->asset))
                                       ? _("Import a file to make version 1.")
                                       : self->loaded ? _("Write its text to make version 1.") : NULL);
      gtk_stack_set_visible_child_name (self->preview_stack, self->loaded ? "missing" : "loading");
      gtk_label_set_label (self->preview_caption, "");
      return;
    }

  info = fd_asset_version_get_media_info (version);
  /* A picture gets room; a text only what it needs. */
  gtk_widget_set_size_request (GTK_WIDGET (self->preview_stack), -1, info != NULL ? 380 : 160);
  if (info != NULL && self->thumbnails != NULL)
    {
      show_media_preview (self, version);
      content = fd_media_info_describe (info);
    }
  else
    {
      const char *text = fd_asset_version_get_text (version);
      glong n = g_utf8_strlen (text ? text : "", -1);

      gtk_label_set_label (self->preview_text, text ? text : "");
      gtk_stack_set_visible_child_name (self->preview_stack, "text");
      content = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%ld character", "%ld characters", n), n);
    }

  /* Translators: the preview's caption: a version, then what it is */
  caption = g_strdup_printf (_("Version %lld · %s"), (long long)fd_asset_version_get_number (version),
                             content);
  gtk_label_set_label (self->preview_caption, caption);
}

static void
select_row_of_version (FdAssetPage *self)
{
  gint64 wanted = _fd_asset_page_shown_version (self);

  self->syncing++;
  gtk_list_box_unselect_all (self->versions_list);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->versions_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && _fd_asset_page_row_version (GTK_LIST_BOX_ROW (child)) == wanted)
      gtk_list_box_select_row (self->versions_list, GTK_LIST_BOX_ROW (child));
  self->syncing--;
}

static GtkWidget *
create_version_row (gpointer item,
                    gpointer user_data)
{
  FdAssetPage *self = user_data;

  return _fd_asset_page_version_row (item, self->asset, self->can_compare, _fd_asset_page_shown_version (self));
}

void
_fd_asset_page_rebind_versions (FdAssetPage *self)
{
  gtk_list_box_bind_model (self->versions_list, G_LIST_MODEL (self->versions),
                           create_version_row, self, NULL);
  select_row_of_version (self);
}

static void
on_version_selected (GtkListBox    *list,
                     GtkListBoxRow *row,
                     FdAssetPage   *self)
{
  if (self->syncing > 0 || row == NULL)
    return;

  fd_asset_page_select_version (self, _fd_asset_page_row_version (row));
}

void
_fd_asset_page_versions_init (FdAssetPage *self)
{
  g_signal_connect_object (self->versions_list, "row-selected", G_CALLBACK (on_version_selected),
                           self, 0);
}
