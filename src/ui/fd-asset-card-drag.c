/* fd-asset-card-drag.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-asset-card"

#include "config.h"

#include "fd-asset-card-private.h"

/* The card as a drag source and a drop target. Dragged, it carries its
 * FdAsset (the columns take that type) with the card itself as the drag
 * icon, held where the pointer took it, and tells the board the drag
 * started and ended so the columns can show where it may go. Files
 * dropped on it become the asset's next version through
 * "board.import-version". */

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 FdAssetCard   *self)
{
  if (self->asset == NULL)
    return NULL;

  g_object_set_data (G_OBJECT (source), "fd-hot-x", GINT_TO_POINTER ((int)x));
  g_object_set_data (G_OBJECT (source), "fd-hot-y", GINT_TO_POINTER ((int)y));
  return gdk_content_provider_new_typed (FD_TYPE_ASSET, self->asset);
}

static void
on_drag_begin (GtkDragSource *source,
               GdkDrag       *drag,
               FdAssetCard   *self)
{
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (GTK_WIDGET (self));
  int x = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (source), "fd-hot-x"));
  int y = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (source), "fd-hot-y"));

  gtk_drag_source_set_icon (source, icon, x, y);
  gtk_widget_add_css_class (GTK_WIDGET (self), "dragged");
  if (self->asset != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "board.drag-started", "x",
                                fd_asset_get_id (self->asset));
}

static void
on_drag_end (GtkDragSource *source,
             GdkDrag       *drag,
             gboolean       delete_data,
             FdAssetCard   *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "dragged");
  gtk_widget_activate_action (GTK_WIDGET (self), "board.drag-ended", NULL);
}

static gboolean
on_files_dropped (GtkDropTarget *target,
                  const GValue  *value,
                  double         x,
                  double         y,
                  FdAssetCard   *self)
{
  g_autoptr(GPtrArray) uris = g_ptr_array_new_with_free_func (g_free);
  GSList *files;

  if (self->asset == NULL || !G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = files; l != NULL; l = l->next)
    g_ptr_array_add (uris, g_file_get_uri (l->data));
  g_slist_free (files);
  g_ptr_array_add (uris, NULL);

  return gtk_widget_activate_action (GTK_WIDGET (self), "board.import-version", "(x^as)",
                                     fd_asset_get_id (self->asset), (char **)uris->pdata);
}

void
_fd_asset_card_drag_init (FdAssetCard *self)
{
  GtkDragSource *drag = gtk_drag_source_new ();
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect_object (drag, "prepare", G_CALLBACK (on_drag_prepare), self, 0);
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (on_drag_begin), self, 0);
  g_signal_connect_object (drag, "drag-end", G_CALLBACK (on_drag_end), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  g_signal_connect_object (drop, "drop", G_CALLBACK (on_files_dropped), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}
