/* fd-board-column.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-board-column"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-board-column.h"

/* One column of the board: the assets in one state that pass the board's
 * filter, in board order (due date, then longest waiting), shown by a
 * GtkGridView of one column. Every column filters the same FdAssetList, so
 * a change of state is one items-changed of that list, which takes the
 * asset out of one column and into another; the views create cards only
 * around what is on screen and recycle them while scrolling.
 *
 * A grid view rather than a list view: GTK 4.8's GtkListView keeps up to
 * 200 rows alive whatever it shows, which is 1,200 cards for six columns
 * and most of the time a frame takes; its GtkGridView keeps 30 rows.
 *
 * The column is also where a dragged card is dropped. It does not decide
 * anything: it asks the board through ::drop-asset, and shows the hint the
 * board gives it while a card is being dragged. */

struct _FdBoardColumn
{
  GtkWidget          parent_instance;

  FdAssetState       state;
  FdAssetFilter     *filter;
  FdThumbnailLoader *thumbnails;
  GtkCustomFilter   *column_filter;
  GtkFilterListModel *filtered;
  GtkSortListModel  *sorted;
  GPtrArray         *cards;      /* every card the list view made, unowned */
  GtkDropTarget     *drop_target;
  gint64             person_id;
  gint64             focus_wanted;
  guint              focus_source;

  GtkWidget         *header;
  GtkImage          *state_icon;
  GtkLabel          *title_label;
  GtkLabel          *count_label;
  GtkStack          *stack;
  GtkScrolledWindow *scroller;
  GtkGridView       *view;
  GtkLabel          *empty_label;
};

G_DEFINE_FINAL_TYPE (FdBoardColumn, fd_board_column, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STATE,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  DROP_ASSET,
  ACTIVATE_ASSET,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
empty_text (FdBoardColumn *self)
{
  if (self->filter != NULL && !fd_asset_filter_is_empty (self->filter))
    return _("No matches");

  switch (self->state)
    {
    case FD_ASSET_STATE_DRAFT:
      return _("Import files or write a text to start");
    case FD_ASSET_STATE_IN_REVIEW:
      return _("Nothing is waiting for review");
    case FD_ASSET_STATE_REVISION_REQUESTED:
      return _("No changes requested");
    case FD_ASSET_STATE_APPROVED:
      return _("Nothing approved yet");
    case FD_ASSET_STATE_UPLOADED:
      return _("Nothing uploaded yet");
    case FD_ASSET_STATE_ARCHIVED:
      return _("Nothing archived");
    case FD_ASSET_STATE_NONE:
    default:
      return "";
    }
}

static void
update_count (FdBoardColumn *self)
{
  guint n = fd_board_column_get_n_items (self);
  g_autofree char *count = g_strdup_printf ("%u", n);
  g_autofree char *accessible = NULL;

  gtk_label_set_label (self->count_label, count);
  gtk_label_set_label (self->empty_label, empty_text (self));
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");

  /* Translators: a board column for screen readers: its name, and how
   * many cards it shows */
  accessible = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u asset", "%s, %u assets", n),
                                fd_asset_state_get_display_name (self->state), n);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
on_items_changed (FdBoardColumn *self)
{
  update_count (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/*
 * Filtering and sorting
 */

static gboolean
match (gpointer item,
       gpointer user_data)
{
  FdBoardColumn *self = user_data;
  FdAsset *asset = item;

  return fd_asset_get_state (asset) == self->state &&
         (self->filter == NULL || fd_asset_filter_match (self->filter, asset));
}

static int
compare (gconstpointer a,
         gconstpointer b,
         gpointer      user_data)
{
  return fd_asset_compare_for_board ((FdAsset *)a, (FdAsset *)b);
}

/*
 * Cards
 */

/* However the list view lets go of a card, it is forgotten here. */
static void
on_card_destroyed (GtkWidget     *card,
                   FdBoardColumn *self)
{
  g_ptr_array_remove_fast (self->cards, card);
}

static void
setup_card (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            FdBoardColumn            *self)
{
  GtkWidget *card = fd_asset_card_new ();

  fd_asset_card_set_thumbnails (FD_ASSET_CARD (card), self->thumbnails);
  fd_asset_card_set_person_id (FD_ASSET_CARD (card), self->person_id);
  gtk_list_item_set_child (item, card);
  g_ptr_array_add (self->cards, card);
  g_signal_connect_object (card, "destroy", G_CALLBACK (on_card_destroyed), self, 0);
}

static void
bind_card (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           FdBoardColumn            *self)
{
  FdAssetCard *card = FD_ASSET_CARD (gtk_list_item_get_child (item));

  fd_asset_card_set_thumbnails (card, self->thumbnails);
  fd_asset_card_set_asset (card, gtk_list_item_get_item (item));
}

static void
unbind_card (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             FdBoardColumn            *self)
{
  FdAssetCard *card = FD_ASSET_CARD (gtk_list_item_get_child (item));

  if (card != NULL)
    fd_asset_card_set_asset (card, NULL);
}

static void
teardown_card (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               FdBoardColumn            *self)
{
  gtk_list_item_set_child (item, NULL);
}

static void
on_activate (GtkGridView   *view,
             guint          position,
             FdBoardColumn *self)
{
  g_autoptr(FdAsset) asset = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (asset != NULL)
    g_signal_emit (self, signals[ACTIVATE_ASSET], 0, asset);
}

/*
 * Dropping a card
 */

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         FdBoardColumn *self)
{
  gboolean accepted = FALSE;

  if (!G_VALUE_HOLDS (value, FD_TYPE_ASSET) || g_value_get_object (value) == NULL)
    return FALSE;

  g_signal_emit (self, signals[DROP_ASSET], 0, g_value_get_object (value), &accepted);
  return accepted;
}

/*
 * Focus after a move
 */

static gboolean
focus_wanted_card (gpointer user_data)
{
  FdBoardColumn *self = user_data;
  FdAssetCard *card = fd_board_column_find_card (self, self->focus_wanted);

  self->focus_source = 0;
  if (card != NULL)
    gtk_widget_grab_focus (gtk_widget_get_parent (GTK_WIDGET (card)));
  self->focus_wanted = 0;

  return G_SOURCE_REMOVE;
}

/*
 * GObject
 */

static void
fd_board_column_dispose (GObject *object)
{
  FdBoardColumn *self = (FdBoardColumn *)object;

  g_clear_handle_id (&self->focus_source, g_source_remove);
  if (self->view != NULL)
    gtk_grid_view_set_model (self->view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_BOARD_COLUMN);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->column_filter);
  g_clear_object (&self->filter);
  g_clear_object (&self->thumbnails);

  G_OBJECT_CLASS (fd_board_column_parent_class)->dispose (object);
}

static void
fd_board_column_finalize (GObject *object)
{
  FdBoardColumn *self = (FdBoardColumn *)object;

  g_ptr_array_unref (self->cards);

  G_OBJECT_CLASS (fd_board_column_parent_class)->finalize (object);
}

static void
fd_board_column_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  FdBoardColumn *self = FD_BOARD_COLUMN (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, fd_board_column_get_n_items (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_board_column_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  FdBoardColumn *self = FD_BOARD_COLUMN (object);

  switch (prop_id)
    {
    case PROP_STATE:
      self->state = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_board_column_constructed (GObject *object)
{
  FdBoardColumn *self = (FdBoardColumn *)object;
  GtkWidget *widget = GTK_WIDGET (self);
  const char *name = fd_asset_state_to_string (self->state);

  G_OBJECT_CLASS (fd_board_column_parent_class)->constructed (object);

  gtk_label_set_label (self->title_label, fd_asset_state_get_display_name (self->state));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), fd_asset_state_get_display_name (self->state));
  gtk_widget_add_css_class (widget, name);
  gtk_widget_set_name (widget, name);
  update_count (self);
}

static void
fd_board_column_class_init (FdBoardColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = fd_board_column_constructed;
  object_class->dispose = fd_board_column_dispose;
  object_class->finalize = fd_board_column_finalize;
  object_class->get_property = fd_board_column_get_property;
  object_class->set_property = fd_board_column_set_property;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, FD_TYPE_ASSET_STATE, FD_ASSET_STATE_DRAFT,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* How many cards the column shows, filters applied. */
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FdBoardColumn::drop-asset:
   * @asset: the card dropped on the column
   *
   * Returns: %TRUE if the move was taken up (it may still be refused
   *   later), %FALSE if it was refused at once, so the card flies back
   */
  signals[DROP_ASSET] =
    g_signal_new ("drop-asset",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, g_signal_accumulator_first_wins, NULL, NULL,
                  G_TYPE_BOOLEAN, 1, FD_TYPE_ASSET);

  /**
   * FdBoardColumn::activate-asset:
   * @asset: the card activated (double click, Enter)
   */
  signals[ACTIVATE_ASSET] =
    g_signal_new ("activate-asset",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, FD_TYPE_ASSET);

  gtk_widget_class_set_css_name (widget_class, "boardcolumn");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/flightdeck/Flightdeck/fd-board-column.ui");
  gtk_widget_class_bind_template_child (widget_class, FdBoardColumn, header);
  gtk_widget_class_bind_template_child (widget_class, FdBoardColumn, state_icon);
  gtk_widget_class_bind_template_child (widget_class, FdBoardColumn, title_label);
  gtk_widget_class_bind_template_child (widget_class, FdBoardColumn, count_label);
  gtk_widget_class_bind_template_child (widget_class, FdBoardColumn, stack);
  gtk_widget_class_bind_template_child (widget_class, FdBoardColumn, scroller);
  gtk_widget_class_bind_template_child (widget_class, FdBoardColumn, view);
  gtk_widget_class_bind_template_child (widget_class, FdBoardColumn, empty_label);
}

static void
fd_board_column_init (FdBoardColumn *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GListStore *nothing = g_list_store_new (FD_TYPE_ASSET);

  self->cards = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_image_set_from_icon_name (self->state_icon, "fd-state-symbolic");

  self->column_filter = gtk_custom_filter_new (match, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (nothing),
                                              g_object_ref (GTK_FILTER (self->column_filter)));
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                          GTK_SORTER (gtk_custom_sorter_new (compare, NULL, NULL)));
  g_signal_connect_object (self->sorted, "items-changed", G_CALLBACK (on_items_changed),
                           self, G_CONNECT_SWAPPED);

  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_card), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_card), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_card), self, 0);
  g_signal_connect_object (factory, "teardown", G_CALLBACK (teardown_card), self, 0);
  gtk_grid_view_set_factory (self->view, factory);
  g_object_unref (factory);

  {
    g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));

    gtk_grid_view_set_model (self->view, GTK_SELECTION_MODEL (selection));
  }
  g_signal_connect_object (self->view, "activate", G_CALLBACK (on_activate), self, 0);

  self->drop_target = gtk_drop_target_new (FD_TYPE_ASSET, GDK_ACTION_MOVE);
  g_signal_connect_object (self->drop_target, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drop_target));
}

/*
 * Public API
 */

GtkWidget *
fd_board_column_new (FdAssetState state)
{
  return g_object_new (FD_TYPE_BOARD_COLUMN, "state", state, NULL);
}

FdAssetState
fd_board_column_get_state (FdBoardColumn *self)
{
  g_return_val_if_fail (FD_IS_BOARD_COLUMN (self), FD_ASSET_STATE_NONE);
  return self->state;
}

/**
 * fd_board_column_set_sources:
 * @assets: (nullable): the board's one model of #FdAsset
 * @filter: (nullable): the board's filter
 * @thumbnails: (nullable): where cards get their thumbnails
 */
void
fd_board_column_set_sources (FdBoardColumn     *self,
                             GListModel        *assets,
                             FdAssetFilter     *filter,
                             FdThumbnailLoader *thumbnails)
{
  g_autoptr(GListModel) nothing = NULL;

  g_return_if_fail (FD_IS_BOARD_COLUMN (self));

  g_set_object (&self->filter, filter);
  g_set_object (&self->thumbnails, thumbnails);

  for (guint i = 0; i < self->cards->len; i++)
    fd_asset_card_set_thumbnails (g_ptr_array_index (self->cards, i), thumbnails);

  if (assets == NULL)
    assets = nothing = G_LIST_MODEL (g_list_store_new (FD_TYPE_ASSET));
  gtk_filter_list_model_set_model (self->filtered, assets);
  update_count (self);
}

/**
 * fd_board_column_refilter:
 *
 * Applies a change of the board's filter.
 */
void
fd_board_column_refilter (FdBoardColumn   *self,
                          GtkFilterChange  change)
{
  g_return_if_fail (FD_IS_BOARD_COLUMN (self));

  gtk_filter_changed (GTK_FILTER (self->column_filter), change);
  update_count (self);
}

/**
 * fd_board_column_get_model:
 *
 * Returns: (transfer none): the assets the column shows, in order
 */
GListModel *
fd_board_column_get_model (FdBoardColumn *self)
{
  g_return_val_if_fail (FD_IS_BOARD_COLUMN (self), NULL);
  return G_LIST_MODEL (self->sorted);
}

guint
fd_board_column_get_n_items (FdBoardColumn *self)
{
  g_return_val_if_fail (FD_IS_BOARD_COLUMN (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
}

/**
 * fd_board_column_get_view:
 *
 * Returns: (transfer none): the view of the cards (a #GtkGridView of one
 *   column)
 */
GtkWidget *
fd_board_column_get_view (FdBoardColumn *self)
{
  g_return_val_if_fail (FD_IS_BOARD_COLUMN (self), NULL);
  return GTK_WIDGET (self->view);
}

/**
 * fd_board_column_get_scroller:
 *
 * Returns: (transfer none): the scrolled window around the list view
 */
GtkScrolledWindow *
fd_board_column_get_scroller (FdBoardColumn *self)
{
  g_return_val_if_fail (FD_IS_BOARD_COLUMN (self), NULL);
  return self->scroller;
}

/**
 * fd_board_column_get_drop_target:
 *
 * Returns: (transfer none): the drop target cards are dropped on
 */
GtkDropTarget *
fd_board_column_get_drop_target (FdBoardColumn *self)
{
  g_return_val_if_fail (FD_IS_BOARD_COLUMN (self), NULL);
  return self->drop_target;
}

void
fd_board_column_set_drop_hint (FdBoardColumn   *self,
                               FdBoardDropHint  hint)
{
  static const char * const styles[] = { NULL, "drop-allowed", "drop-refused", "drop-origin" };
  GtkWidget *widget = GTK_WIDGET (self);

  g_return_if_fail (FD_IS_BOARD_COLUMN (self));

  for (guint i = 1; i < G_N_ELEMENTS (styles); i++)
    gtk_widget_remove_css_class (widget, styles[i]);
  if (hint != FD_BOARD_DROP_HINT_NONE)
    gtk_widget_add_css_class (widget, styles[hint]);
}

void
fd_board_column_set_person_id (FdBoardColumn *self,
                               gint64         person_id)
{
  g_return_if_fail (FD_IS_BOARD_COLUMN (self));

  self->person_id = person_id;
  for (guint i = 0; i < self->cards->len; i++)
    fd_asset_card_set_person_id (g_ptr_array_index (self->cards, i), person_id);
}

/**
 * fd_board_column_set_show_header:
 *
 * Hides the column's title and count where the board says them already
 * (the column picker of a narrow window).
 */
void
fd_board_column_set_show_header (FdBoardColumn *self,
                                 gboolean       show_header)
{
  g_return_if_fail (FD_IS_BOARD_COLUMN (self));
  gtk_widget_set_visible (self->header, show_header);
}

/**
 * fd_board_column_get_n_cards:
 *
 * Returns: how many card widgets the column's list view holds
 */
guint
fd_board_column_get_n_cards (FdBoardColumn *self)
{
  g_return_val_if_fail (FD_IS_BOARD_COLUMN (self), 0);
  return self->cards->len;
}

/**
 * fd_board_column_find_card:
 *
 * Returns: (transfer none) (nullable): the card showing @asset_id, if one
 *   does (the list view only makes cards near what is on screen)
 */
FdAssetCard *
fd_board_column_find_card (FdBoardColumn *self,
                           gint64         asset_id)
{
  g_return_val_if_fail (FD_IS_BOARD_COLUMN (self), NULL);

  for (guint i = 0; i < self->cards->len; i++)
    {
      FdAssetCard *card = g_ptr_array_index (self->cards, i);
      FdAsset *asset = fd_asset_card_get_asset (card);

      if (asset != NULL && fd_asset_get_id (asset) == asset_id)
        return card;
    }

  return NULL;
}

/**
 * fd_board_column_focus_asset:
 *
 * Scrolls to the card of @asset_id and gives it the keyboard focus.
 *
 * Returns: whether the column shows that asset
 */
gboolean
fd_board_column_focus_asset (FdBoardColumn *self,
                             gint64         asset_id)
{
  GListModel *model;
  guint n;

  g_return_val_if_fail (FD_IS_BOARD_COLUMN (self), FALSE);

  model = G_LIST_MODEL (self->sorted);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FdAsset) asset = g_list_model_get_item (model, i);

      if (fd_asset_get_id (asset) != asset_id)
        continue;

      gtk_widget_activate_action (GTK_WIDGET (self->view), "list.scroll-to-item", "u", i);
      /* The card is made when the list view lays out again. */
      self->focus_wanted = asset_id;
      if (self->focus_source == 0)
        self->focus_source = g_idle_add_full (G_PRIORITY_LOW, focus_wanted_card, self, NULL);
      return TRUE;
    }

  return FALSE;
}
