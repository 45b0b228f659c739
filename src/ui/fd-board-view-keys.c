/* fd-board-view-keys.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-board-view"

#include "config.h"

#include "fd-asset-card.h"
#include "fd-board-view-private.h"

/* The keyboard on the board. Ctrl+Shift+Left/Right moves the focused card
 * to the next column (the same request a drop makes) and the focus follows
 * it once the model reports the move; Shift+F10 and Menu open its menu.
 * Ctrl+F and Ctrl+I work wherever the focus is while the board is shown.
 * Moving between columns and cards is the list views' own. */

static FdAssetCard *
focused_card (FdBoardView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  FdAssetCard *card;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->columns_box)))
    return NULL;

  card = fd_asset_card_find (focus);
  return card != NULL && fd_asset_card_get_asset (card) != NULL ? card : NULL;
}

static gboolean
move_focused (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  FdBoardView *self = FD_BOARD_VIEW (widget);
  FdAssetCard *card = focused_card (self);
  FdAssetState state;
  int step = g_variant_get_int32 (args);

  if (card == NULL)
    return FALSE;

  state = fd_asset_get_state (fd_asset_card_get_asset (card)) + step;
  if (state < FD_ASSET_STATE_DRAFT || state > FD_ASSET_STATE_ARCHIVED)
    {
      gtk_widget_error_bell (widget);
      return TRUE;
    }

  if (fd_board_view_request_move (self, fd_asset_get_id (fd_asset_card_get_asset (card)), state))
    {
      self->refocus_asset = fd_asset_get_id (fd_asset_card_get_asset (card));
      self->refocus_state = state;
    }
  return TRUE;
}

/* The focus follows a card moved from the keyboard into its new column,
 * once the model says it is there. */
void
_fd_board_view_follow_refocus (FdBoardView *self,
                               guint        position,
                               guint        removed,
                               guint        added)
{
  FdAsset *asset;

  if (self->refocus_asset == 0 || added == 0 ||
      (asset = _fd_board_view_find_asset (self, self->refocus_asset)) == NULL ||
      fd_asset_get_state (asset) != self->refocus_state)
    return;

  fd_board_column_focus_asset (fd_board_view_get_column (self, self->refocus_state),
                               self->refocus_asset);
  self->refocus_asset = 0;
}

static gboolean
menu_focused (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  FdAssetCard *card = focused_card (FD_BOARD_VIEW (widget));

  if (card == NULL)
    return FALSE;

  fd_asset_card_popup_menu (card, -1, -1);
  return TRUE;
}

static void
add_card_shortcuts (FdBoardView *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  struct {
    guint            key;
    GdkModifierType  mods;
    GtkShortcutFunc  func;
    int              step;
  } keys[] = {
    { GDK_KEY_Left, GDK_CONTROL_MASK | GDK_SHIFT_MASK, move_focused, -1 },
    { GDK_KEY_Right, GDK_CONTROL_MASK | GDK_SHIFT_MASK, move_focused, 1 },
    { GDK_KEY_F10, GDK_SHIFT_MASK, menu_focused, 0 },
    { GDK_KEY_Menu, 0, menu_focused, 0 },
  };

  /* Before the columns' views, which take arrows with any modifiers; a key
   * pressed anywhere else goes on its way. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, keys[i].mods),
                                                gtk_callback_action_new (keys[i].func, NULL, NULL));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (keys[i].step));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
add_global_shortcuts (FdBoardView *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  struct {
    guint            key;
    GdkModifierType  mods;
    const char      *action;
  } keys[] = {
    { GDK_KEY_f, GDK_CONTROL_MASK, "board.focus-search" },
    { GDK_KEY_i, GDK_CONTROL_MASK, "board.import-files" },
  };

  /* Wherever the focus is in the window, while the board is shown. */
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_GLOBAL);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, keys[i].mods),
                                                            gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

void
_fd_board_view_keys_init (FdBoardView *self)
{
  add_card_shortcuts (self);
  add_global_shortcuts (self);
}
