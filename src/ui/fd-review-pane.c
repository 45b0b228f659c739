/* fd-review-pane.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-review-pane"

#include "config.h"

#include "fd-review-pane-private.h"
#include "fd-wrap-box.h"

/* The review pane of the asset page: the selected version in the player
 * with its comments beside it (under it when narrow), its placement
 * checks under both, and, with "Compare", two versions side by side, as a
 * wipe or as their difference (media) or as a word diff (text). A banner
 * says when triage asked for a replacement of the asset.
 *
 * It follows the page: the workspace, the asset, its versions (the
 * page's model, newest first), the selected version and who uses the
 * page. The player reads the stored file by its SHA-256; every
 * comparison's change timeline is cached per SHA pair by the compare
 * view, in the workspace's cache/diff, as `asset diff` does.
 *
 * This file holds the widget itself; fd-review-pane-private.h lists the
 * files holding the rest, one responsibility each. */

/* Comments go beside the player from this width of the page on. */
#define WIDE_WIDTH 1180

G_DEFINE_FINAL_TYPE (FdReviewPane, fd_review_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_ASSET,
  PROP_VERSION,
  PROP_PERSON_ID,
  PROP_COMPARING,
  PROP_CAN_COMPARE,
  PROP_COVERS_PREVIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/*
 * Read-only properties that follow what the pane shows
 */

void
_fd_review_pane_set_covers_preview (FdReviewPane *self,
                                    gboolean      covers)
{
  if (self->covers_preview == covers)
    return;

  self->covers_preview = covers;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COVERS_PREVIEW]);
}

void
_fd_review_pane_set_can_compare (FdReviewPane *self,
                                 gboolean      can_compare)
{
  if (can_compare != self->can_compare)
    {
      self->can_compare = can_compare;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_COMPARE]);
    }
}

/*
 * Signals
 */

static void
on_compare_toggled (FdReviewPane *self)
{
  fd_review_pane_set_comparing (self, gtk_toggle_button_get_active (self->compare_button));
}

static void
on_picked (FdReviewPane *self)
{
  if (self->syncing == 0 && self->comparing)
    _fd_review_pane_sync_view (self);
}

static void
on_versions_changed (FdReviewPane *self)
{
  _fd_review_pane_rebuild_pickers (self);
  _fd_review_pane_sync_view (self);
}

static void
on_asset_notify (FdReviewPane *self)
{
  fd_placement_panel_set_version (self->placements, self->asset, self->version);
}

/* The width the page offers, not the pane's own: beside each other the
 * player and comments ask for more than a narrow page has, and the pane
 * would never learn that it must stack them. */
static int
offered_width (FdReviewPane *self)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);

  return scroller ? gtk_widget_get_width (scroller) : gtk_widget_get_width (GTK_WIDGET (self));
}

static gboolean
update_layout (gpointer user_data)
{
  FdReviewPane *self = user_data;

  self->layout_source = 0;
  self->narrow = offered_width (self) < WIDE_WIDTH;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->review_box),
                                  self->narrow ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  gtk_widget_set_size_request (GTK_WIDGET (self->comments), self->narrow ? -1 : 300, -1);
  return G_SOURCE_REMOVE;
}

/* The layout changes after this allocation, never during it. */
static void
fd_review_pane_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  FdReviewPane *self = FD_REVIEW_PANE (widget);

  GTK_WIDGET_CLASS (fd_review_pane_parent_class)->size_allocate (widget, width, height, baseline);

  if ((offered_width (self) < WIDE_WIDTH) != self->narrow && self->layout_source == 0)
    self->layout_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_layout, self, NULL);
}

/*
 * GObject
 */

static void
fd_review_pane_dispose (GObject *object)
{
  FdReviewPane *self = (FdReviewPane *)object;
  GtkWidget *child;

  g_clear_handle_id (&self->layout_source, g_source_remove);
  g_cancellable_cancel (self->banner_load);
  if (self->versions != NULL)
    g_signal_handlers_disconnect_by_data (self->versions, self);
  if (self->player != NULL)
    fd_player_close (fd_player_view_get_player (self->player));
  if (self->comments != NULL)
    fd_comments_panel_set_player (self->comments, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_REVIEW_PANE);
  /* GTK 4.8 unparents only the children bound by name. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->workspace_signals);
  g_clear_object (&self->asset_signals);
  g_clear_object (&self->workspace);
  g_clear_object (&self->asset);
  g_clear_object (&self->versions);
  g_clear_object (&self->banner_load);
  g_clear_pointer (&self->numbers, g_array_unref);

  G_OBJECT_CLASS (fd_review_pane_parent_class)->dispose (object);
}

static void
fd_review_pane_finalize (GObject *object)
{
  FdReviewPane *self = (FdReviewPane *)object;

  g_free (self->compared);
  g_free (self->banner_text);
  g_free (self->problem);

  G_OBJECT_CLASS (fd_review_pane_parent_class)->finalize (object);
}

static void
fd_review_pane_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FdReviewPane *self = FD_REVIEW_PANE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    case PROP_ASSET:
      g_value_set_object (value, self->asset);
      break;
    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;
    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;
    case PROP_COMPARING:
      g_value_set_boolean (value, self->comparing);
      break;
    case PROP_CAN_COMPARE:
      g_value_set_boolean (value, self->can_compare);
      break;
    case PROP_COVERS_PREVIEW:
      g_value_set_boolean (value, self->covers_preview);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_review_pane_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  FdReviewPane *self = FD_REVIEW_PANE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      fd_review_pane_set_workspace (self, g_value_get_object (value));
      break;
    case PROP_ASSET:
      fd_review_pane_set_asset (self, g_value_get_object (value));
      break;
    case PROP_VERSION:
      fd_review_pane_set_version (self, g_value_get_int64 (value));
      break;
    case PROP_PERSON_ID:
      fd_review_pane_set_person_id (self, g_value_get_int64 (value));
      break;
    case PROP_COMPARING:
      fd_review_pane_set_comparing (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_review_pane_class_init (FdReviewPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = fd_review_pane_dispose;
  object_class->finalize = fd_review_pane_finalize;
  object_class->get_property = fd_review_pane_get_property;
  object_class->set_property = fd_review_pane_set_property;
  widget_class->size_allocate = fd_review_pane_size_allocate;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, FD_TYPE_WORKSPACE, flags);
  properties[PROP_ASSET] =
    g_param_spec_object ("asset", NULL, NULL, FD_TYPE_ASSET, flags);
  /* The number of the version reviewed (B when comparing). */
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_COMPARING] =
    g_param_spec_boolean ("comparing", NULL, NULL, FALSE, flags);
  /* The asset has two versions or more. */
  properties[PROP_CAN_COMPARE] =
    g_param_spec_boolean ("can-compare", NULL, NULL, FALSE, ro);
  /* The pane shows the selected version itself: the page's static
   * preview would repeat it. */
  properties[PROP_COVERS_PREVIEW] =
    g_param_spec_boolean ("covers-preview", NULL, NULL, FALSE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FD_TYPE_PLAYER_VIEW);
  g_type_ensure (FD_TYPE_COMMENTS_PANEL);
  g_type_ensure (FD_TYPE_COMPARE_VIEW);
  g_type_ensure (FD_TYPE_TEXT_DIFF_VIEW);
  g_type_ensure (FD_TYPE_PLACEMENT_PANEL);
  g_type_ensure (FD_TYPE_WRAP_BOX);

  gtk_widget_class_set_css_name (widget_class, "fd-review-pane");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/flightdeck/Flightdeck/media/fd-review-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, FdReviewPane, banner);
  gtk_widget_class_bind_template_child (widget_class, FdReviewPane, banner_label);
  gtk_widget_class_bind_template_child (widget_class, FdReviewPane, toolbar);
  gtk_widget_class_bind_template_child (widget_class, FdReviewPane, compare_button);
  gtk_widget_class_bind_template_child (widget_class, FdReviewPane, pickers);
  gtk_widget_class_bind_template_child (widget_class, FdReviewPane, version_a);
  gtk_widget_class_bind_template_child (widget_class, FdReviewPane, version_b);
  gtk_widget_class_bind_template_child (widget_class, FdReviewPane, stack);
  gtk_widget_class_bind_template_child (widget_class, FdReviewPane, review_box);
  gtk_widget_class_bind_template_child (widget_class, FdReviewPane, player);
  gtk_widget_class_bind_template_child (widget_class, FdReviewPane, comments);
  gtk_widget_class_bind_template_child (widget_class, FdReviewPane, compare_view);
  gtk_widget_class_bind_template_child (widget_class, FdReviewPane, text_diff);
  gtk_widget_class_bind_template_child (widget_class, FdReviewPane, problem_page);
  gtk_widget_class_bind_template_child (widget_class, FdReviewPane, placements);
}

static void
fd_review_pane_init (FdReviewPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->numbers = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->narrow = TRUE;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->review_box), GTK_ORIENTATION_VERTICAL);
  fd_comments_panel_set_player (self->comments, self->player);

  self->workspace_signals = g_signal_group_new (FD_TYPE_WORKSPACE);
  g_signal_group_connect_swapped (self->workspace_signals, "changed::replacement",
                                  G_CALLBACK (_fd_review_pane_reload_banner), self);
  self->asset_signals = g_signal_group_new (FD_TYPE_ASSET);
  g_signal_group_connect_swapped (self->asset_signals, "notify", G_CALLBACK (on_asset_notify), self);

  g_signal_connect_object (self->compare_button, "toggled", G_CALLBACK (on_compare_toggled), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->version_a, "notify::selected", G_CALLBACK (on_picked), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->version_b, "notify::selected", G_CALLBACK (on_picked), self,
                           G_CONNECT_SWAPPED);
  _fd_review_pane_sync_view (self);
}

/*
 * Public API
 */

GtkWidget *
fd_review_pane_new (void)
{
  return g_object_new (FD_TYPE_REVIEW_PANE, NULL);
}

void
fd_review_pane_set_workspace (FdReviewPane *self,
                              FdWorkspace  *workspace)
{
  g_return_if_fail (FD_IS_REVIEW_PANE (self));

  if (!g_set_object (&self->workspace, workspace))
    return;

  g_signal_group_set_target (self->workspace_signals, workspace);
  fd_comments_panel_set_workspace (self->comments, workspace);
  fd_placement_panel_set_workspace (self->placements, workspace);
  _fd_review_pane_reload_banner (self);
  _fd_review_pane_sync_view (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

/**
 * fd_review_pane_set_asset:
 * @asset: (nullable): the asset reviewed; %NULL stops the player
 */
void
fd_review_pane_set_asset (FdReviewPane *self,
                          FdAsset      *asset)
{
  g_return_if_fail (FD_IS_REVIEW_PANE (self));

  if (!g_set_object (&self->asset, asset))
    return;

  g_signal_group_set_target (self->asset_signals, asset);
  g_clear_pointer (&self->compared, g_free);
  fd_review_pane_set_comparing (self, FALSE);
  _fd_review_pane_reload_banner (self);
  _fd_review_pane_sync_view (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSET]);
}

/**
 * fd_review_pane_set_versions:
 * @versions: (nullable): the asset's versions, newest first
 *   (#FdAssetVersion); followed as they change
 */
void
fd_review_pane_set_versions (FdReviewPane *self,
                             GListModel   *versions)
{
  g_return_if_fail (FD_IS_REVIEW_PANE (self));

  if (self->versions != NULL)
    g_signal_handlers_disconnect_by_data (self->versions, self);
  if (!g_set_object (&self->versions, versions))
    return;

  if (versions != NULL)
    g_signal_connect_object (versions, "items-changed", G_CALLBACK (on_versions_changed), self,
                             G_CONNECT_SWAPPED);
  on_versions_changed (self);
}

void
fd_review_pane_set_version (FdReviewPane *self,
                            gint64        version)
{
  g_return_if_fail (FD_IS_REVIEW_PANE (self));

  if (self->version == version)
    return;

  self->version = version;
  _fd_review_pane_pick_defaults (self);
  _fd_review_pane_sync_view (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

void
fd_review_pane_set_person_id (FdReviewPane *self,
                              gint64        person_id)
{
  g_return_if_fail (FD_IS_REVIEW_PANE (self));

  if (self->person_id == person_id)
    return;

  self->person_id = person_id;
  fd_comments_panel_set_person_id (self->comments, person_id);
  fd_placement_panel_set_person_id (self->placements, person_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
}

/**
 * fd_review_pane_compare:
 * @version_a: the earlier version (A)
 * @version_b: the later one (B)
 *
 * Compares two versions (as the versions list's "Compare with vN" asks).
 */
void
fd_review_pane_compare (FdReviewPane *self,
                        gint64        version_a,
                        gint64        version_b)
{
  g_return_if_fail (FD_IS_REVIEW_PANE (self));

  self->syncing++;
  _fd_review_pane_pick (self, self->version_a, version_a);
  _fd_review_pane_pick (self, self->version_b, version_b);
  self->syncing--;

  if (self->comparing)
    _fd_review_pane_sync_view (self);
  else
    fd_review_pane_set_comparing (self, TRUE);
}

void
fd_review_pane_set_comparing (FdReviewPane *self,
                              gboolean      comparing)
{
  g_return_if_fail (FD_IS_REVIEW_PANE (self));

  comparing = !!comparing;
  if (self->comparing == comparing)
    return;

  self->comparing = comparing;
  if (gtk_toggle_button_get_active (self->compare_button) != comparing)
    gtk_toggle_button_set_active (self->compare_button, comparing);
  _fd_review_pane_sync_view (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARING]);
}

gboolean
fd_review_pane_get_comparing (FdReviewPane *self)
{
  g_return_val_if_fail (FD_IS_REVIEW_PANE (self), FALSE);
  return self->comparing;
}

gboolean
fd_review_pane_get_can_compare (FdReviewPane *self)
{
  g_return_val_if_fail (FD_IS_REVIEW_PANE (self), FALSE);
  return self->can_compare;
}

/**
 * fd_review_pane_get_visible_view:
 *
 * Returns: "review" (player and comments), "compare", "text-diff",
 *   "problem" (the file cannot be read) or "none"
 */
const char *
fd_review_pane_get_visible_view (FdReviewPane *self)
{
  g_return_val_if_fail (FD_IS_REVIEW_PANE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * fd_review_pane_get_player:
 *
 * Returns: (transfer none): the player
 */
FdPlayerView *
fd_review_pane_get_player (FdReviewPane *self)
{
  g_return_val_if_fail (FD_IS_REVIEW_PANE (self), NULL);
  return self->player;
}

/**
 * fd_review_pane_get_comments:
 *
 * Returns: (transfer none): the comments beside the player
 */
FdCommentsPanel *
fd_review_pane_get_comments (FdReviewPane *self)
{
  g_return_val_if_fail (FD_IS_REVIEW_PANE (self), NULL);
  return self->comments;
}

/**
 * fd_review_pane_get_compare_view:
 *
 * Returns: (transfer none): the media comparison
 */
FdCompareView *
fd_review_pane_get_compare_view (FdReviewPane *self)
{
  g_return_val_if_fail (FD_IS_REVIEW_PANE (self), NULL);
  return self->compare_view;
}

/**
 * fd_review_pane_get_text_diff:
 *
 * Returns: (transfer none): the text comparison
 */
FdTextDiffView *
fd_review_pane_get_text_diff (FdReviewPane *self)
{
  g_return_val_if_fail (FD_IS_REVIEW_PANE (self), NULL);
  return self->text_diff;
}

/**
 * fd_review_pane_get_placements:
 *
 * Returns: (transfer none): the placement checks
 */
FdPlacementPanel *
fd_review_pane_get_placements (FdReviewPane *self)
{
  g_return_val_if_fail (FD_IS_REVIEW_PANE (self), NULL);
  return self->placements;
}

/**
 * fd_review_pane_get_banner:
 *
 * Returns: (nullable): the replacement requests' banner, when shown
 */
const char *
fd_review_pane_get_banner (FdReviewPane *self)
{
  g_return_val_if_fail (FD_IS_REVIEW_PANE (self), NULL);
  return self->banner_text;
}

/**
 * fd_review_pane_get_problem:
 *
 * Returns: (nullable): why the version cannot be shown: its file is
 *   missing, or the player could not read it
 */
const char *
fd_review_pane_get_problem (FdReviewPane *self)
{
  FdPlayer *player;

  g_return_val_if_fail (FD_IS_REVIEW_PANE (self), NULL);

  player = fd_player_view_get_player (self->player);
  if (self->problem == NULL && fd_player_get_state (player) == FD_PLAYER_STATE_ERROR &&
      fd_player_get_error (player) != NULL)
    return fd_player_get_error (player)->message;

  return self->problem;
}
