/* fd-asset-page.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-asset-page"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-asset-page-private.h"
#include "fd-asset-review.h"
#include "fd-board-format.h"
#include "fd-thumbnail-loader.h"
#include "fd-ui-util.h"

/* One asset, opened from its card: what it is, a preview of the selected
 * version, its reviewers and their decisions, its versions newest first,
 * and its whole history from the audit log, newest first.
 *
 * The asset itself is the board's FdAsset, which follows the audit log;
 * versions, decisions and history are read on the reader queue when the
 * page opens and again when the asset changes. The buttons ask the board
 * (its "board.*" actions), which owns every write and its dialogs; each is
 * enabled only when the person using the board may do it, and otherwise
 * says why in its tooltip.
 *
 * The review pane (player, frame-accurate comments, comparison, placement
 * checks) sits in `review_slot`, above the preview, and follows
 * "selected-version" (fd-asset-page-review.c); the preview shows only what
 * the pane does not: a text version's text. */

#define NARROW_WIDTH 820

G_DEFINE_FINAL_TYPE (FdAssetPage, fd_asset_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_ASSET,
  PROP_PERSON_ID,
  PROP_SELECTED_VERSION,
  PROP_CAN_COMPARE,
  PROP_LOADED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  COMPARE_VERSIONS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/*
 * The header, details and reviewers
 */

static void
sync_header (FdAssetPage *self)
{
  FdAsset *asset = self->asset;
  FdAssetState state = fd_asset_get_state (asset);
  g_autofree char *subtitle = NULL;
  static const char * const states[] = { "draft", "in-review", "revision-requested",
                                         "approved", "uploaded", "archived" };

  gtk_label_set_label (self->title_label, fd_asset_get_name (asset));
  gtk_label_set_label (self->state_label, fd_asset_state_get_display_name (state));
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), states[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->state_label), fd_asset_state_to_string (state));

  /* Translators: under an asset's name: its kind and current version */
  subtitle = g_strdup_printf (_("%s · version %lld"),
                              fd_asset_kind_get_display_name (fd_asset_get_kind (asset)),
                              (long long)fd_asset_get_version (asset));
  gtk_label_set_label (self->subtitle_label, subtitle);
}

static void
sync_reviewers (FdAssetPage *self)
{
  GPtrArray *reviewers = fd_asset_get_reviewers (self->asset);
  gint64 version = fd_asset_get_review_version (self->asset);
  g_autofree char *description = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->reviewers_list))) != NULL)
    gtk_list_box_remove (self->reviewers_list, child);

  for (guint i = 0; reviewers != NULL && i < reviewers->len; i++)
    gtk_list_box_append (self->reviewers_list,
                         _fd_asset_page_reviewer_row (g_ptr_array_index (reviewers, i), version));

  if (reviewers == NULL || reviewers->len == 0)
    description = g_strdup (_("Nobody yet: the kind’s reviewer policy names them when the asset is "
                              "submitted for review."));
  else
    /* Translators: the review round, and the version it decides on */
    description = g_strdup_printf (_("Round %lld, on version %lld. Required reviewers decide; "
                                     "optional ones are heard."),
                                   (long long)fd_asset_get_review_round (self->asset), (long long)version);
  adw_preferences_group_set_description (self->reviewers_group, description);
  gtk_widget_set_visible (GTK_WIDGET (self->reviewers_list), reviewers != NULL && reviewers->len > 0);
}

static void
sync_all (FdAssetPage *self)
{
  if (self->asset == NULL)
    return;

  sync_header (self);
  sync_reviewers (self);
  _fd_asset_page_fill_details (self->details_list, self->asset, self->creator);
  _fd_asset_page_sync_actions (self);
  _fd_asset_page_sync_preview (self);
}

/* Called by fd-asset-page-load.c once versions, decisions and history are
 * in the page's models. */
void
_fd_asset_page_finish_load (FdAssetPage *self)
{
  _fd_asset_page_rebind_versions (self);
  self->loaded = TRUE;
  sync_all (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}

static void
on_asset_notify (FdAssetPage *self)
{
  sync_all (self);
  _fd_asset_page_queue_reload (self);
}

/*
 * Page actions
 */

static void
copy_sha_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  const char *sha = g_variant_get_string (parameter, NULL);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), sha);
  fd_board_toast (widget, _("The SHA-256 was copied."), FALSE);
}

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FdAssetPage *self = FD_ASSET_PAGE (widget);
  gint64 other = g_variant_get_int64 (parameter);
  gint64 shown = _fd_asset_page_shown_version (self);

  if (self->can_compare && other != shown)
    g_signal_emit (self, signals[COMPARE_VERSIONS], 0, MIN (other, shown), MAX (other, shown));
}

/*
 * Narrow: the side column goes under the preview
 */

/* How wide the buttons are in one line. */
static int
actions_width (FdAssetPage *self)
{
  int width = 0;
  int n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->actions_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int natural;

      if (!gtk_widget_get_visible (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      width += natural;
      n++;
    }

  /* The box's spacing, and the margins around it. */
  return width + MAX (0, n - 1) * 6 + 24;
}

static gboolean
update_layout (gpointer user_data)
{
  FdAssetPage *self = user_data;
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  self->layout_source = 0;
  self->narrow = width < NARROW_WIDTH;
  self->phone = width < actions_width (self);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->top_box),
                                  self->narrow ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  gtk_widget_set_size_request (self->side_box, self->narrow ? -1 : 340, -1);
  adw_clamp_set_maximum_size (self->side_clamp, self->narrow ? G_MAXINT / 2 : 400);
  adw_clamp_set_tightening_threshold (self->side_clamp, self->narrow ? G_MAXINT / 2 : 400);
  /* Buttons that do not fit in a line go one under the other. */
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->actions_box),
                                  self->phone ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);

  return G_SOURCE_REMOVE;
}

static void
queue_layout (FdAssetPage *self)
{
  if (self->layout_source == 0)
    self->layout_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_layout, self, NULL);
}

static void
fd_asset_page_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  gtk_widget_measure (FD_ASSET_PAGE (widget)->page_box, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

/* The layout changes after this allocation, never during it. */
static void
fd_asset_page_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  FdAssetPage *self = FD_ASSET_PAGE (widget);

  gtk_widget_allocate (self->page_box, width, height, baseline, NULL);

  if ((width < NARROW_WIDTH) != self->narrow || (width < actions_width (self)) != self->phone)
    queue_layout (self);
}

static gboolean
fd_asset_page_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (FD_ASSET_PAGE (widget)->back_button);
}

/*
 * GObject
 */

static void
fd_asset_page_dispose (GObject *object)
{
  FdAssetPage *self = (FdAssetPage *)object;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_handle_id (&self->layout_source, g_source_remove);
  g_cancellable_cancel (self->load);
  g_cancellable_cancel (self->preview_load);
  if (self->versions_list != NULL)
    {
      gtk_list_box_bind_model (self->versions_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->history_list, NULL, NULL, NULL, NULL);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_ASSET_PAGE);
  g_clear_object (&self->asset_signals);
  g_clear_object (&self->workspace_signals);
  g_clear_object (&self->asset);
  g_clear_object (&self->workspace);
  g_clear_object (&self->thumbnails);
  g_clear_object (&self->load);
  g_clear_object (&self->preview_load);
  g_clear_object (&self->versions);
  g_clear_object (&self->reviews);
  g_clear_object (&self->history);
  g_clear_pointer (&self->descriptions, g_hash_table_unref);
  g_clear_pointer (&self->actors, g_hash_table_unref);

  G_OBJECT_CLASS (fd_asset_page_parent_class)->dispose (object);
}

static void
fd_asset_page_finalize (GObject *object)
{
  FdAssetPage *self = (FdAssetPage *)object;

  g_free (self->creator);

  G_OBJECT_CLASS (fd_asset_page_parent_class)->finalize (object);
}

static void
fd_asset_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  FdAssetPage *self = FD_ASSET_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    case PROP_ASSET:
      g_value_set_object (value, self->asset);
      break;
    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;
    case PROP_SELECTED_VERSION:
      g_value_set_int64 (value, fd_asset_page_get_selected_version (self));
      break;
    case PROP_CAN_COMPARE:
      g_value_set_boolean (value, self->can_compare);
      break;
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_asset_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  FdAssetPage *self = FD_ASSET_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      fd_asset_page_set_workspace (self, g_value_get_object (value));
      break;
    case PROP_ASSET:
      fd_asset_page_set_asset (self, g_value_get_object (value));
      break;
    case PROP_PERSON_ID:
      fd_asset_page_set_person_id (self, g_value_get_int64 (value));
      break;
    case PROP_SELECTED_VERSION:
      fd_asset_page_select_version (self, g_value_get_int64 (value));
      break;
    case PROP_CAN_COMPARE:
      fd_asset_page_set_can_compare (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_asset_page_class_init (FdAssetPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = fd_asset_page_dispose;
  object_class->finalize = fd_asset_page_finalize;
  object_class->get_property = fd_asset_page_get_property;
  object_class->set_property = fd_asset_page_set_property;
  widget_class->measure = fd_asset_page_measure;
  widget_class->size_allocate = fd_asset_page_size_allocate;
  widget_class->grab_focus = fd_asset_page_grab_focus;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, FD_TYPE_WORKSPACE, flags);
  /* The asset shown: the board's own object, which follows the audit log. */
  properties[PROP_ASSET] =
    g_param_spec_object ("asset", NULL, NULL, FD_TYPE_ASSET, flags);
  /* Who uses the page: what they may do is enabled. */
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  /* The number of the version in the preview (and for the review pane). */
  properties[PROP_SELECTED_VERSION] =
    g_param_spec_int64 ("selected-version", NULL, NULL, 0, G_MAXINT64, 0, flags);
  /* Set by the review pane once it can compare two versions: the version
   * rows then offer "Compare with vN", which emits ::compare-versions. */
  properties[PROP_CAN_COMPARE] =
    g_param_spec_boolean ("can-compare", NULL, NULL, FALSE, flags);
  /* Versions and history of the asset are read. */
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FdAssetPage::compare-versions:
   * @older: the lower version number
   * @newer: the higher version number
   *
   * Someone asked to compare two versions of the asset. Only offered
   * while "can-compare" is set.
   */
  signals[COMPARE_VERSIONS] =
    g_signal_new ("compare-versions",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);

  gtk_widget_class_set_css_name (widget_class, "assetpage");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/flightdeck/Flightdeck/fd-asset-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FdAssetPage, page_box);
  gtk_widget_class_bind_template_child (widget_class, FdAssetPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, FdAssetPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, FdAssetPage, state_label);
  gtk_widget_class_bind_template_child (widget_class, FdAssetPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, FdAssetPage, actions_box);
  gtk_widget_class_bind_template_child (widget_class, FdAssetPage, submit_button);
  gtk_widget_class_bind_template_child (widget_class, FdAssetPage, approve_button);
  gtk_widget_class_bind_template_child (widget_class, FdAssetPage, changes_button);
  gtk_widget_class_bind_template_child (widget_class, FdAssetPage, upload_button);
  gtk_widget_class_bind_template_child (widget_class, FdAssetPage, version_button);
  gtk_widget_class_bind_template_child (widget_class, FdAssetPage, comment_button);
  gtk_widget_class_bind_template_child (widget_class, FdAssetPage, archive_button);
  gtk_widget_class_bind_template_child (widget_class, FdAssetPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, FdAssetPage, top_box);
  gtk_widget_class_bind_template_child (widget_class, FdAssetPage, side_box);
  gtk_widget_class_bind_template_child (widget_class, FdAssetPage, side_clamp);
  gtk_widget_class_bind_template_child (widget_class, FdAssetPage, review_slot);
  gtk_widget_class_bind_template_child (widget_class, FdAssetPage, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, FdAssetPage, preview_picture);
  gtk_widget_class_bind_template_child (widget_class, FdAssetPage, preview_text);
  gtk_widget_class_bind_template_child (widget_class, FdAssetPage, missing_page);
  gtk_widget_class_bind_template_child (widget_class, FdAssetPage, preview_caption);
  gtk_widget_class_bind_template_child (widget_class, FdAssetPage, details_list);
  gtk_widget_class_bind_template_child (widget_class, FdAssetPage, reviewers_group);
  gtk_widget_class_bind_template_child (widget_class, FdAssetPage, reviewers_list);
  gtk_widget_class_bind_template_child (widget_class, FdAssetPage, versions_list);
  gtk_widget_class_bind_template_child (widget_class, FdAssetPage, history_list);

  gtk_widget_class_install_action (widget_class, "page.copy-sha", "s", copy_sha_action);
  gtk_widget_class_install_action (widget_class, "page.compare", "x", compare_action);
}

static void
fd_asset_page_init (FdAssetPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->versions = g_list_store_new (FD_TYPE_ASSET_VERSION);
  self->reviews = g_list_store_new (FD_TYPE_ASSET_REVIEW);
  self->history = g_list_store_new (FD_TYPE_AUDIT_EVENT);
  self->descriptions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->actors = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  self->asset_signals = g_signal_group_new (FD_TYPE_ASSET);
  g_signal_group_connect_swapped (self->asset_signals, "notify", G_CALLBACK (on_asset_notify), self);
  self->workspace_signals = g_signal_group_new (FD_TYPE_WORKSPACE);
  g_signal_group_connect_swapped (self->workspace_signals, "changed::review",
                                  G_CALLBACK (_fd_asset_page_queue_reload), self);
  g_signal_group_connect_swapped (self->workspace_signals, "changed::asset_version",
                                  G_CALLBACK (_fd_asset_page_queue_reload), self);
  g_signal_group_connect_swapped (self->workspace_signals, "changed::comment",
                                  G_CALLBACK (_fd_asset_page_queue_reload), self);
  g_signal_group_connect_swapped (self->workspace_signals, "changed::placement_override",
                                  G_CALLBACK (_fd_asset_page_queue_reload), self);

  _fd_asset_page_actions_init (self);
  _fd_asset_page_bind_history (self);
  _fd_asset_page_attach_review (self);
  _fd_asset_page_versions_init (self);
}

/*
 * Public API
 */

GtkWidget *
fd_asset_page_new (void)
{
  return g_object_new (FD_TYPE_ASSET_PAGE, NULL);
}

/**
 * fd_asset_page_get_workspace:
 *
 * Returns: (transfer none) (nullable): the workspace
 */
FdWorkspace *
fd_asset_page_get_workspace (FdAssetPage *self)
{
  g_return_val_if_fail (FD_IS_ASSET_PAGE (self), NULL);
  return self->workspace;
}

void
fd_asset_page_set_workspace (FdAssetPage *self,
                             FdWorkspace *workspace)
{
  g_return_if_fail (FD_IS_ASSET_PAGE (self));
  g_return_if_fail (workspace == NULL || FD_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  fd_asset_page_set_asset (self, NULL);
  g_set_object (&self->workspace, workspace);
  g_clear_object (&self->thumbnails);
  if (workspace != NULL)
    self->thumbnails = fd_thumbnail_loader_new (workspace, 960, 960);
  g_signal_group_set_target (self->workspace_signals, workspace);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

/**
 * fd_asset_page_get_asset:
 *
 * Returns: (transfer none) (nullable): the asset shown
 */
FdAsset *
fd_asset_page_get_asset (FdAssetPage *self)
{
  g_return_val_if_fail (FD_IS_ASSET_PAGE (self), NULL);
  return self->asset;
}

/**
 * fd_asset_page_set_asset:
 * @asset: (nullable): an asset of the board's model
 *
 * Shows @asset, its current version selected, and reads its versions and
 * history.
 */
void
fd_asset_page_set_asset (FdAssetPage *self,
                         FdAsset     *asset)
{
  g_return_if_fail (FD_IS_ASSET_PAGE (self));
  g_return_if_fail (asset == NULL || FD_IS_ASSET (asset));

  if (self->asset == asset)
    return;

  g_set_object (&self->asset, asset);
  g_signal_group_set_target (self->asset_signals, asset);

  self->loaded = FALSE;
  self->selected_version = 0;
  g_clear_pointer (&self->creator, g_free);
  g_list_store_remove_all (self->versions);
  g_list_store_remove_all (self->reviews);
  g_list_store_remove_all (self->history);
  g_cancellable_cancel (self->preview_load);
  gtk_picture_set_paintable (self->preview_picture, NULL);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);

  sync_all (self);
  _fd_asset_page_reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSET]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_VERSION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}

gint64
fd_asset_page_get_person_id (FdAssetPage *self)
{
  g_return_val_if_fail (FD_IS_ASSET_PAGE (self), 0);
  return self->person_id;
}

void
fd_asset_page_set_person_id (FdAssetPage *self,
                             gint64       person_id)
{
  g_return_if_fail (FD_IS_ASSET_PAGE (self));

  if (self->person_id == person_id)
    return;

  self->person_id = person_id;
  _fd_asset_page_sync_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
}

/**
 * fd_asset_page_get_selected_version:
 *
 * Returns: the number of the version shown in the preview (the current
 *   one unless another was chosen), 0 when the asset has none
 */
gint64
fd_asset_page_get_selected_version (FdAssetPage *self)
{
  g_return_val_if_fail (FD_IS_ASSET_PAGE (self), 0);
  return _fd_asset_page_shown_version (self);
}

/**
 * fd_asset_page_select_version:
 * @number: a version number, or 0 for the current version (followed as
 *   new versions arrive)
 */
void
fd_asset_page_select_version (FdAssetPage *self,
                              gint64       number)
{
  g_return_if_fail (FD_IS_ASSET_PAGE (self));

  if (self->asset != NULL && number == fd_asset_get_version (self->asset))
    number = 0;
  if (self->selected_version == number)
    return;

  self->selected_version = number;
  if (self->asset != NULL)
    {
      _fd_asset_page_rebind_versions (self);
      _fd_asset_page_sync_preview (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_VERSION]);
}

gboolean
fd_asset_page_get_can_compare (FdAssetPage *self)
{
  g_return_val_if_fail (FD_IS_ASSET_PAGE (self), FALSE);
  return self->can_compare;
}

void
fd_asset_page_set_can_compare (FdAssetPage *self,
                               gboolean     can_compare)
{
  g_return_if_fail (FD_IS_ASSET_PAGE (self));

  can_compare = !!can_compare;
  if (self->can_compare == can_compare)
    return;

  self->can_compare = can_compare;
  if (self->asset != NULL)
    _fd_asset_page_rebind_versions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_COMPARE]);
}

gboolean
fd_asset_page_get_loaded (FdAssetPage *self)
{
  g_return_val_if_fail (FD_IS_ASSET_PAGE (self), FALSE);
  return self->loaded;
}

/**
 * fd_asset_page_get_versions:
 *
 * Returns: (transfer none): the versions, newest first (#FdAssetVersion)
 */
GListModel *
fd_asset_page_get_versions (FdAssetPage *self)
{
  g_return_val_if_fail (FD_IS_ASSET_PAGE (self), NULL);
  return G_LIST_MODEL (self->versions);
}

/**
 * fd_asset_page_get_reviews:
 *
 * Returns: (transfer none): every decision and comment (#FdAssetReview)
 */
GListModel *
fd_asset_page_get_reviews (FdAssetPage *self)
{
  g_return_val_if_fail (FD_IS_ASSET_PAGE (self), NULL);
  return G_LIST_MODEL (self->reviews);
}

/**
 * fd_asset_page_get_history:
 *
 * Returns: (transfer none): the audit events shown, newest first
 *   (#FdAuditEvent)
 */
GListModel *
fd_asset_page_get_history (FdAssetPage *self)
{
  g_return_val_if_fail (FD_IS_ASSET_PAGE (self), NULL);
  return G_LIST_MODEL (self->history);
}

/**
 * fd_asset_page_describe_event:
 *
 * Returns: (nullable): how the history says the event of @seq
 */
const char *
fd_asset_page_describe_event (FdAssetPage *self,
                              gint64       seq)
{
  g_return_val_if_fail (FD_IS_ASSET_PAGE (self), NULL);
  return g_hash_table_lookup (self->descriptions, &seq);
}

/**
 * fd_asset_page_get_review_slot:
 *
 * Where the review pane goes: a vertical box above the preview, empty
 * until something is added. Whoever adds a pane there follows
 * "asset" and "selected-version", and may hide the preview
 * (fd_asset_page_get_preview()) while it shows the same version.
 *
 * Returns: (transfer none): the box
 */
GtkBox *
fd_asset_page_get_review_slot (FdAssetPage *self)
{
  g_return_val_if_fail (FD_IS_ASSET_PAGE (self), NULL);
  return self->review_slot;
}

/**
 * fd_asset_page_get_preview:
 *
 * Returns: (transfer none): the preview of the selected version
 */
GtkWidget *
fd_asset_page_get_preview (FdAssetPage *self)
{
  g_return_val_if_fail (FD_IS_ASSET_PAGE (self), NULL);
  return GTK_WIDGET (self->preview_stack);
}
