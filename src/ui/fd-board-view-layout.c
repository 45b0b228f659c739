/* fd-board-view-layout.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-board-view"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-board-view-private.h"

/* Narrow windows. Below NARROW_WIDTH the board shows one column at a time,
 * picked from a drop-down that also gives every column's count, so a card
 * has the whole width and a phone-sized window still reaches every column;
 * below COMPACT_FILTERS_WIDTH the filters move into a popover so the
 * toolbar fits. The layout is decided after an allocation, never during
 * one. */

#define NARROW_WIDTH 560
#define COMPACT_FILTERS_WIDTH 1080

static gboolean
column_title (GBinding     *binding,
              const GValue *from,
              GValue       *to,
              gpointer      user_data)
{
  FdBoardColumn *column = FD_BOARD_COLUMN (g_binding_dup_source (binding));

  /* Translators: a column in the column picker, and how many cards it has */
  g_value_take_string (to, g_strdup_printf (_("%s · %u"),
                                            fd_asset_state_get_display_name (fd_board_column_get_state (column)),
                                            g_value_get_uint (from)));
  g_object_unref (column);
  return TRUE;
}

static void
setup_column_title (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

/* The count follows the column while the item is shown. */
static void
bind_column_title (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  GBinding *binding = g_object_bind_property_full (gtk_list_item_get_item (item), "n-items",
                                                   gtk_list_item_get_child (item), "label",
                                                   G_BINDING_SYNC_CREATE, column_title,
                                                   NULL, NULL, NULL);

  g_object_set_data_full (G_OBJECT (item), "fd-binding", g_object_ref (binding),
                          (GDestroyNotify)g_binding_unbind);
}

static void
unbind_column_title (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  g_object_set_data (G_OBJECT (item), "fd-binding", NULL);
}

static void
show_narrow_column (FdBoardView *self)
{
  guint selected = gtk_drop_down_get_selected (self->column_dropdown);

  for (guint i = 0; i < FD_ASSET_N_STATES; i++)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->columns[i]), !self->narrow || i == selected);
      fd_board_column_set_show_header (self->columns[i], !self->narrow);
    }
}

static void
apply_layout (FdBoardView *self,
              gboolean     narrow,
              gboolean     compact)
{
  if (compact != self->compact_filters)
    {
      self->compact_filters = compact;
      _fd_board_view_filters_set_compact (self, compact);
    }

  if (narrow == self->narrow)
    return;

  self->narrow = narrow;
  gtk_widget_set_visible (self->narrow_bar, narrow);
  /* Only the icon where there is no room for the label. */
  if (narrow)
    adw_split_button_set_icon_name (self->import_button, "list-add-symbolic");
  else
    adw_split_button_set_child (self->import_button, GTK_WIDGET (self->import_content));
  gtk_box_set_homogeneous (self->columns_box, !narrow);
  gtk_scrolled_window_set_policy (self->columns_scroller,
                                  narrow ? GTK_POLICY_NEVER : GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_NEVER);
  show_narrow_column (self);
  g_object_notify (G_OBJECT (self), "narrow");
}

static gboolean
update_layout (gpointer user_data)
{
  FdBoardView *self = user_data;
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  self->layout_source = 0;
  apply_layout (self, width < NARROW_WIDTH, width < COMPACT_FILTERS_WIDTH);

  return G_SOURCE_REMOVE;
}

/* Called from each allocation: the layout changes after it if @width
 * crossed a threshold. */
void
_fd_board_view_queue_layout (FdBoardView *self,
                             int          width)
{
  if (self->layout_source == 0 &&
      ((width < NARROW_WIDTH) != self->narrow ||
       (width < COMPACT_FILTERS_WIDTH) != self->compact_filters))
    self->layout_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_layout, self, NULL);
}

void
_fd_board_view_show_column_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  FdBoardView *self = FD_BOARD_VIEW (widget);
  int state = g_variant_get_int32 (parameter);

  if (state >= FD_ASSET_STATE_DRAFT && state <= FD_ASSET_STATE_ARCHIVED)
    gtk_drop_down_set_selected (self->column_dropdown, state - FD_ASSET_STATE_DRAFT);
}

void
_fd_board_view_column_picker_init (FdBoardView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_column_title), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_column_title), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_column_title), NULL);
  gtk_drop_down_set_factory (self->column_dropdown, factory);
  gtk_drop_down_set_model (self->column_dropdown, G_LIST_MODEL (self->column_store));
  g_signal_connect_object (self->column_dropdown, "notify::selected",
                           G_CALLBACK (show_narrow_column), self, G_CONNECT_SWAPPED);
}
