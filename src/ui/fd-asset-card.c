/* fd-asset-card.c
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

/* One asset on the board: its thumbnail (or its text), name, kind,
 * version, brief, campaign, due date and the decision of each required
 * reviewer. The card shows an FdAsset and follows its notifications; it
 * holds no data of its own. The board's list views recycle cards, so a
 * card is given one asset after another and must forget the last one
 * completely, a thumbnail still loading for it included.
 *
 * What a card can do is asked of the board through its actions
 * ("board.open-asset", "board.move" …): the card menu, a right click, a
 * drag and a file dropped on the card all end up there.
 *
 * The decision dots (fd-asset-card-decisions.c), the menu and actions
 * (fd-asset-card-menu.c) and dragging (fd-asset-card-drag.c) have files of
 * their own. */

G_DEFINE_FINAL_TYPE (FdAssetCard, fd_asset_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ASSET,
  PROP_THUMBNAILS,
  PROP_PERSON_ID,
  PROP_HAS_THUMBNAIL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* For the board's benchmark: cards must not grow with the number of assets. */
static guint n_alive;

/*
 * The preview: thumbnail, text or icon
 */

static void
set_has_thumbnail (FdAssetCard *self,
                   gboolean     has_thumbnail)
{
  if (self->has_thumbnail == has_thumbnail)
    return;

  self->has_thumbnail = has_thumbnail;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_THUMBNAIL]);
}

static void
show_icon (FdAssetCard *self,
           const char  *icon_name,
           const char  *tooltip)
{
  gtk_image_set_from_icon_name (self->preview_icon, icon_name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->preview_icon), tooltip);
  gtk_picture_set_paintable (self->picture, NULL);
  gtk_stack_set_visible_child_name (self->preview_stack, "icon");
  set_has_thumbnail (self, FALSE);
}

static void
show_texture (FdAssetCard *self,
              GdkTexture  *texture)
{
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
  gtk_stack_set_visible_child_name (self->preview_stack, "picture");
  set_has_thumbnail (self, TRUE);
}

static void
cancel_load (FdAssetCard *self)
{
  if (self->load != NULL)
    {
      g_cancellable_cancel (self->load);
      g_clear_object (&self->load);
    }
}

static void
on_thumbnail_loaded (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(FdAssetCard) self = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  texture = fd_thumbnail_loader_load_finish (FD_THUMBNAIL_LOADER (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->load);

  if (texture != NULL)
    show_texture (self, texture);
  else
    show_icon (self, "image-missing-symbolic", error->message);
}

static void
sync_media_preview (FdAssetCard *self)
{
  const char *sha = fd_asset_get_sha256 (self->asset);
  FdAssetKind kind = fd_asset_get_kind (self->asset);
  GdkTexture *texture;
  const char *failure;

  if (g_strcmp0 (sha, self->preview_sha) == 0 && (self->has_thumbnail || self->load != NULL))
    return;

  cancel_load (self);
  g_free (self->preview_sha);
  self->preview_sha = g_strdup (sha);

  if (sha == NULL || self->thumbnails == NULL)
    {
      show_icon (self, fd_board_kind_icon_name (kind), _("No version yet"));
      return;
    }

  if ((texture = fd_thumbnail_loader_lookup (self->thumbnails, sha)) != NULL)
    {
      show_texture (self, texture);
      return;
    }

  if ((failure = fd_thumbnail_loader_get_failure (self->thumbnails, sha)) != NULL)
    {
      show_icon (self, "image-missing-symbolic", failure);
      return;
    }

  show_icon (self, fd_board_kind_icon_name (kind), NULL);
  self->load = g_cancellable_new ();
  fd_thumbnail_loader_load_async (self->thumbnails, sha, self->load,
                                  on_thumbnail_loaded, g_object_ref (self));
}

static void
sync_preview (FdAssetCard *self)
{
  FdAssetKind kind = fd_asset_get_kind (self->asset);
  const char *preview = fd_asset_get_preview (self->asset);
  g_autofree char *flat = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self->text_label), "headline");
  if (fd_asset_kind_is_media (kind))
    {
      sync_media_preview (self);
      return;
    }

  cancel_load (self);
  g_clear_pointer (&self->preview_sha, g_free);
  set_has_thumbnail (self, FALSE);

  if (preview == NULL || *preview == '\0')
    {
      show_icon (self, fd_board_kind_icon_name (kind), _("No text yet"));
      return;
    }

  if (kind == FD_ASSET_KIND_HEADLINE)
    gtk_widget_add_css_class (GTK_WIDGET (self->text_label), "headline");

  /* A glimpse: Pango limits lines per paragraph, so the card's four lines
   * hold only if the text is one paragraph. */
  flat = g_strdup (preview);
  g_strdelimit (flat, "\n\r\t", ' ');
  gtk_label_set_label (self->text_label, flat);
  gtk_stack_set_visible_child_name (self->preview_stack, "text");
}

/*
 * Text
 */

static void
set_optional_label (GtkLabel   *label,
                    const char *text)
{
  gtk_label_set_label (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static void
sync_due (FdAssetCard *self)
{
  FdBoardDue due = fd_board_due_of (self->asset);
  g_autofree char *text = fd_board_format_due (self->asset, due);
  GtkWidget *label = GTK_WIDGET (self->due_label);

  set_optional_label (self->due_label, text);
  gtk_widget_remove_css_class (label, "overdue");
  gtk_widget_remove_css_class (label, "due-soon");
  if (due == FD_BOARD_DUE_OVERDUE)
    gtk_widget_add_css_class (label, "overdue");
  else if (due == FD_BOARD_DUE_SOON)
    gtk_widget_add_css_class (label, "due-soon");

  if (fd_asset_get_due_from_brief (self->asset))
    gtk_widget_set_tooltip_text (label, _("The brief’s due date"));
  else
    gtk_widget_set_tooltip_text (label, NULL);
}

/* The oldest request in words, and how many more there are. */
static char *
describe_replacements (FdAsset *asset)
{
  guint more = fd_asset_get_n_replacements (asset) - 1;

  if (more == 0)
    return g_strdup (fd_asset_get_replacement (asset));

  /* Translators: a replacement request in words, then how many more there are */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, and %u more request",
                                       "%s, and %u more requests", more),
                          fd_asset_get_replacement (asset), more);
}

static void
sync_replacement (FdAssetCard *self)
{
  gboolean requested = fd_asset_get_n_replacements (self->asset) > 0;
  g_autofree char *tooltip = requested ? describe_replacements (self->asset) : NULL;

  gtk_widget_set_visible (self->replacement_badge, requested);
  gtk_widget_set_tooltip_text (self->replacement_badge, tooltip);
}

static void
sync_labels (FdAssetCard *self)
{
  FdAsset *asset = self->asset;
  FdAssetKind kind = fd_asset_get_kind (asset);
  g_autofree char *version = NULL;
  g_autofree char *group = NULL;

  gtk_label_set_label (self->name_label, fd_asset_get_name (asset));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->name_label), fd_asset_get_name (asset));
  gtk_image_set_from_icon_name (self->kind_icon, fd_board_kind_icon_name (kind));
  gtk_label_set_label (self->kind_label, fd_asset_kind_get_display_name (kind));

  if (fd_asset_get_version (asset) > 0)
    /* Translators: a version number on a card, as in "v3" */
    version = g_strdup_printf (_("v%lld"), (long long)fd_asset_get_version (asset));
  set_optional_label (self->version_label, version);

  if (fd_asset_get_group_name (asset) != NULL)
    /* Translators: the dynamic creative an asset is part of */
    group = g_strdup_printf (_("· %s"), fd_asset_get_group_name (asset));
  set_optional_label (self->group_label, group);

  set_optional_label (self->brief_label, fd_asset_get_brief_title (asset));
  set_optional_label (self->campaign_label, fd_asset_get_campaign (asset));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->campaign_label), _("Planned campaign"));
}

static void
sync_turn (FdAssetCard *self)
{
  gboolean turn = self->person_id != 0 && fd_asset_is_waiting_for (self->asset, self->person_id);

  gtk_widget_set_visible (GTK_WIDGET (self->turn_label), turn);
  /* A text starts below the badge. */
  gtk_widget_set_margin_top (GTK_WIDGET (self->text_label), turn ? 32 : 10);
  if (turn)
    gtk_widget_add_css_class (GTK_WIDGET (self), "your-turn");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "your-turn");
}

static void
sync_accessible (FdAssetCard *self)
{
  g_autofree char *summary = fd_asset_card_dup_summary (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, summary,
                                  -1);
}

static void
sync_all (FdAssetCard *self)
{
  if (self->asset == NULL)
    return;

  sync_labels (self);
  sync_replacement (self);
  sync_preview (self);
  sync_due (self);
  _fd_asset_card_sync_decisions (self);
  sync_turn (self);
  sync_accessible (self);
}

static void
on_asset_notify (FdAssetCard *self,
                 GParamSpec  *pspec)
{
  sync_all (self);
}

/*
 * GtkWidget: one child, plus the context menu
 */

static void
fd_asset_card_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  FdAssetCard *self = FD_ASSET_CARD (widget);

  gtk_widget_measure (self->box, orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

static void
fd_asset_card_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  FdAssetCard *self = FD_ASSET_CARD (widget);

  gtk_widget_allocate (self->box, width, height, baseline, NULL);
  if (self->context_menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->context_menu));
}

/*
 * GObject
 */

static void
fd_asset_card_dispose (GObject *object)
{
  FdAssetCard *self = (FdAssetCard *)object;

  cancel_load (self);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_ASSET_CARD);
  g_clear_object (&self->asset_signals);
  g_clear_object (&self->asset);
  g_clear_object (&self->thumbnails);
  g_clear_pointer (&self->shown_reviewers, g_ptr_array_unref);

  G_OBJECT_CLASS (fd_asset_card_parent_class)->dispose (object);
}

static void
fd_asset_card_finalize (GObject *object)
{
  FdAssetCard *self = (FdAssetCard *)object;

  g_free (self->preview_sha);
  n_alive--;

  G_OBJECT_CLASS (fd_asset_card_parent_class)->finalize (object);
}

static void
fd_asset_card_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  FdAssetCard *self = FD_ASSET_CARD (object);

  switch (prop_id)
    {
    case PROP_ASSET:
      g_value_set_object (value, self->asset);
      break;
    case PROP_THUMBNAILS:
      g_value_set_object (value, self->thumbnails);
      break;
    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;
    case PROP_HAS_THUMBNAIL:
      g_value_set_boolean (value, self->has_thumbnail);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_asset_card_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  FdAssetCard *self = FD_ASSET_CARD (object);

  switch (prop_id)
    {
    case PROP_ASSET:
      fd_asset_card_set_asset (self, g_value_get_object (value));
      break;
    case PROP_THUMBNAILS:
      fd_asset_card_set_thumbnails (self, g_value_get_object (value));
      break;
    case PROP_PERSON_ID:
      fd_asset_card_set_person_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_asset_card_class_init (FdAssetCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_asset_card_dispose;
  object_class->finalize = fd_asset_card_finalize;
  object_class->get_property = fd_asset_card_get_property;
  object_class->set_property = fd_asset_card_set_property;
  widget_class->measure = fd_asset_card_measure;
  widget_class->size_allocate = fd_asset_card_size_allocate;

  properties[PROP_ASSET] =
    g_param_spec_object ("asset", NULL, NULL, FD_TYPE_ASSET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_THUMBNAILS] =
    g_param_spec_object ("thumbnails", NULL, NULL, FD_TYPE_THUMBNAIL_LOADER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Who uses the board: their pending reviews are marked. */
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether the thumbnail is on screen (not an icon in its place). */
  properties[PROP_HAS_THUMBNAIL] =
    g_param_spec_boolean ("has-thumbnail", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "assetcard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/flightdeck/Flightdeck/fd-asset-card.ui");
  gtk_widget_class_bind_template_child (widget_class, FdAssetCard, box);
  gtk_widget_class_bind_template_child (widget_class, FdAssetCard, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, FdAssetCard, preview_icon);
  gtk_widget_class_bind_template_child (widget_class, FdAssetCard, picture);
  gtk_widget_class_bind_template_child (widget_class, FdAssetCard, text_label);
  gtk_widget_class_bind_template_child (widget_class, FdAssetCard, version_label);
  gtk_widget_class_bind_template_child (widget_class, FdAssetCard, turn_label);
  gtk_widget_class_bind_template_child (widget_class, FdAssetCard, name_label);
  gtk_widget_class_bind_template_child (widget_class, FdAssetCard, menu_button);
  gtk_widget_class_bind_template_child (widget_class, FdAssetCard, kind_icon);
  gtk_widget_class_bind_template_child (widget_class, FdAssetCard, kind_label);
  gtk_widget_class_bind_template_child (widget_class, FdAssetCard, group_label);
  gtk_widget_class_bind_template_child (widget_class, FdAssetCard, brief_label);
  gtk_widget_class_bind_template_child (widget_class, FdAssetCard, campaign_label);
  gtk_widget_class_bind_template_child (widget_class, FdAssetCard, due_label);
  gtk_widget_class_bind_template_child (widget_class, FdAssetCard, dots_box);
  gtk_widget_class_bind_template_child (widget_class, FdAssetCard, replacement_badge);

  _fd_asset_card_menu_class_init (widget_class);
}

static void
fd_asset_card_init (FdAssetCard *self)
{
  n_alive++;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");

  self->asset_signals = g_signal_group_new (FD_TYPE_ASSET);
  g_signal_group_connect_swapped (self->asset_signals, "notify", G_CALLBACK (on_asset_notify), self);

  _fd_asset_card_drag_init (self);
  _fd_asset_card_menu_init (self);
}

/*
 * Public API
 */

GtkWidget *
fd_asset_card_new (void)
{
  return g_object_new (FD_TYPE_ASSET_CARD, NULL);
}

/**
 * fd_asset_card_get_asset:
 *
 * Returns: (transfer none) (nullable): the asset shown
 */
FdAsset *
fd_asset_card_get_asset (FdAssetCard *self)
{
  g_return_val_if_fail (FD_IS_ASSET_CARD (self), NULL);
  return self->asset;
}

/**
 * fd_asset_card_set_asset:
 * @asset: (nullable): the asset to show, or %NULL when the card is recycled
 */
void
fd_asset_card_set_asset (FdAssetCard *self,
                         FdAsset     *asset)
{
  g_return_if_fail (FD_IS_ASSET_CARD (self));
  g_return_if_fail (asset == NULL || FD_IS_ASSET (asset));

  if (self->asset == asset)
    return;

  cancel_load (self);
  g_clear_pointer (&self->preview_sha, g_free);
  g_clear_pointer (&self->shown_reviewers, g_ptr_array_unref);
  if (self->context_menu != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->context_menu));

  g_set_object (&self->asset, asset);
  g_signal_group_set_target (self->asset_signals, asset);

  if (asset == NULL)
    {
      gtk_picture_set_paintable (self->picture, NULL);
      set_has_thumbnail (self, FALSE);
    }
  sync_all (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSET]);
}

/**
 * fd_asset_card_get_thumbnails:
 *
 * Returns: (transfer none) (nullable): where thumbnails come from
 */
FdThumbnailLoader *
fd_asset_card_get_thumbnails (FdAssetCard *self)
{
  g_return_val_if_fail (FD_IS_ASSET_CARD (self), NULL);
  return self->thumbnails;
}

void
fd_asset_card_set_thumbnails (FdAssetCard       *self,
                              FdThumbnailLoader *thumbnails)
{
  g_return_if_fail (FD_IS_ASSET_CARD (self));
  g_return_if_fail (thumbnails == NULL || FD_IS_THUMBNAIL_LOADER (thumbnails));

  if (!g_set_object (&self->thumbnails, thumbnails))
    return;

  cancel_load (self);
  g_clear_pointer (&self->preview_sha, g_free);
  if (self->asset != NULL)
    sync_preview (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THUMBNAILS]);
}

gint64
fd_asset_card_get_person_id (FdAssetCard *self)
{
  g_return_val_if_fail (FD_IS_ASSET_CARD (self), 0);
  return self->person_id;
}

void
fd_asset_card_set_person_id (FdAssetCard *self,
                             gint64       person_id)
{
  g_return_if_fail (FD_IS_ASSET_CARD (self));

  if (self->person_id == person_id)
    return;

  self->person_id = person_id;
  if (self->asset != NULL)
    {
      sync_turn (self);
      sync_accessible (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
}

gboolean
fd_asset_card_get_has_thumbnail (FdAssetCard *self)
{
  g_return_val_if_fail (FD_IS_ASSET_CARD (self), FALSE);
  return self->has_thumbnail;
}

/**
 * fd_asset_card_dup_summary:
 *
 * Returns: (transfer full): the card in one sentence, for screen readers
 */
char *
fd_asset_card_dup_summary (FdAssetCard *self)
{
  g_autofree char *decisions = NULL;
  g_autofree char *due = NULL;
  GString *text;
  FdAsset *asset;

  g_return_val_if_fail (FD_IS_ASSET_CARD (self), NULL);

  if ((asset = self->asset) == NULL)
    return g_strdup ("");

  text = g_string_new (NULL);
  /* Translators: a card: name, kind, version, column, as in
   * "Hero 15s, Video, version 3, In Review" */
  g_string_append_printf (text, _("%s, %s, version %lld, %s"), fd_asset_get_name (asset),
                          fd_asset_kind_get_display_name (fd_asset_get_kind (asset)),
                          (long long)fd_asset_get_version (asset),
                          fd_asset_state_get_display_name (fd_asset_get_state (asset)));

  if ((due = fd_board_format_due (asset, fd_board_due_of (asset))) != NULL)
    g_string_append_printf (text, ", %s", due);
  if (fd_asset_get_brief_title (asset) != NULL)
    /* Translators: part of a card's summary for screen readers */
    g_string_append_printf (text, _(", brief %s"), fd_asset_get_brief_title (asset));
  if (fd_asset_get_campaign (asset) != NULL)
    /* Translators: part of a card's summary for screen readers */
    g_string_append_printf (text, _(", campaign %s"), fd_asset_get_campaign (asset));

  decisions = fd_asset_card_dup_decisions (self);
  if (*decisions != '\0')
    g_string_append_printf (text, ". %s", decisions);
  if (self->person_id != 0 && fd_asset_is_waiting_for (asset, self->person_id))
    g_string_append_printf (text, ". %s", _("Waiting for your review"));
  if (fd_asset_get_n_replacements (asset) > 0)
    {
      g_autofree char *replacements = describe_replacements (asset);

      g_string_append_printf (text, ". %s", replacements);
    }

  return g_string_free (text, FALSE);
}

/**
 * fd_asset_card_get_replacement_badge:
 *
 * Returns: (transfer none): the "Replacement requested" badge, shown while
 *   a replacement request names one of the asset's versions; its tooltip
 *   says which rule asked, for which ad
 */
GtkWidget *
fd_asset_card_get_replacement_badge (FdAssetCard *self)
{
  g_return_val_if_fail (FD_IS_ASSET_CARD (self), NULL);
  return self->replacement_badge;
}

/**
 * fd_asset_card_find:
 * @widget: a widget on the board: a card, something inside one, or the
 *   list row that holds one
 *
 * Returns: (transfer none) (nullable): the card @widget belongs to
 */
FdAssetCard *
fd_asset_card_find (GtkWidget *widget)
{
  GtkWidget *ancestor;

  if (widget == NULL)
    return NULL;

  ancestor = gtk_widget_get_ancestor (widget, FD_TYPE_ASSET_CARD);
  if (ancestor != NULL)
    return FD_ASSET_CARD (ancestor);

  /* A list row has the focus, and the card is its child. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (FD_IS_ASSET_CARD (child))
      return FD_ASSET_CARD (child);

  return NULL;
}

/**
 * fd_asset_card_get_n_alive:
 *
 * Returns: how many cards exist right now, on every board
 */
guint
fd_asset_card_get_n_alive (void)
{
  return n_alive;
}
