/* fd-asset-card-menu.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-asset-card"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-asset-card-private.h"
#include "fd-board-format.h"

/* The card menu (its menu button, a right click, Shift+F10 or Menu) and
 * the card's actions. The menu is built when it opens, so it offers what
 * the asset's state allows at that moment; every action only forwards to
 * the board's ("board.open-asset", "board.move" …), which decides and
 * writes. */

static GMenuModel *
build_menu (FdAssetCard *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) first = g_menu_new ();
  g_autoptr(GMenu) moves = g_menu_new ();
  FdAssetState state;
  gboolean waiting;

  if (self->asset == NULL)
    return G_MENU_MODEL (g_steal_pointer (&menu));

  state = fd_asset_get_state (self->asset);
  waiting = self->person_id != 0 && fd_asset_is_waiting_for (self->asset, self->person_id);

  g_menu_append (first, _("_Open"), "card.open");
  if (state != FD_ASSET_STATE_ARCHIVED && state != FD_ASSET_STATE_UPLOADED)
    g_menu_append (first, fd_asset_kind_is_media (fd_asset_get_kind (self->asset))
                          ? _("Add _Version…") : _("_Edit Text…"),
                   "card.add-version");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (first));

  for (FdAssetState target = FD_ASSET_STATE_DRAFT; target <= FD_ASSET_STATE_ARCHIVED; target++)
    {
      g_autoptr(GMenuItem) item = NULL;

      if (target == state)
        continue;

      item = g_menu_item_new (fd_board_move_label (target, waiting), NULL);
      g_menu_item_set_action_and_target_value (item, "card.move", g_variant_new_int32 (target));
      g_menu_append_item (moves, item);
    }
  g_menu_append_section (menu, _("Move To"), G_MENU_MODEL (moves));

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static void
create_popup (GtkMenuButton *button,
              gpointer       user_data)
{
  FdAssetCard *self = user_data;
  g_autoptr(GMenuModel) menu = build_menu (self);

  gtk_menu_button_set_menu_model (button, menu);
}

/**
 * fd_asset_card_popup_menu:
 * @x: where to point, or a negative value to point at the card's menu button
 *
 * Shows the card menu, as a right click or the Menu key does.
 */
void
fd_asset_card_popup_menu (FdAssetCard *self,
                          double       x,
                          double       y)
{
  g_autoptr(GMenuModel) menu = NULL;
  GdkRectangle rect = { (int)x, (int)y, 1, 1 };

  g_return_if_fail (FD_IS_ASSET_CARD (self));

  if (x < 0 || y < 0)
    {
      gtk_menu_button_popup (self->menu_button);
      return;
    }

  menu = build_menu (self);
  if (self->context_menu == NULL)
    {
      self->context_menu = gtk_popover_menu_new_from_model (menu);
      gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
      gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
      gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
    }
  else
    gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->context_menu), menu);

  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), &rect);
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

static void
on_secondary_click (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    FdAssetCard     *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  fd_asset_card_popup_menu (self, x, y);
}

/*
 * Actions: all of them are the board's
 */

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FdAssetCard *self = FD_ASSET_CARD (widget);

  if (self->asset != NULL)
    gtk_widget_activate_action (widget, "board.open-asset", "x", fd_asset_get_id (self->asset));
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FdAssetCard *self = FD_ASSET_CARD (widget);

  if (self->asset != NULL)
    gtk_widget_activate_action (widget, "board.move", "(xi)", fd_asset_get_id (self->asset),
                                g_variant_get_int32 (parameter));
}

static void
add_version_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  FdAssetCard *self = FD_ASSET_CARD (widget);

  if (self->asset != NULL)
    gtk_widget_activate_action (widget, "board.add-version", "x", fd_asset_get_id (self->asset));
}

void
_fd_asset_card_menu_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "card.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "card.move", "i", move_action);
  gtk_widget_class_install_action (widget_class, "card.add-version", NULL, add_version_action);
}

void
_fd_asset_card_menu_init (FdAssetCard *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_menu_button_set_create_popup_func (self->menu_button, create_popup, self, NULL);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_secondary_click), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}
