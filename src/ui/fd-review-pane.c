/* fd-review-pane.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-review-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-asset-version.h"
#include "fd-media-store.h"
#include "fd-replacement-request.h"
#include "fd-review-pane.h"
#include "fd-ui-util.h"
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
 * view, in the workspace's cache/diff, as `asset diff` does. */

/* Comments go beside the player from this width of the page on. */
#define WIDE_WIDTH 1180

struct _FdReviewPane
{
  GtkWidget         parent_instance;

  FdWorkspace      *workspace;
  FdAsset          *asset;
  GListModel       *versions;
  gint64            version;
  gint64            person_id;
  gboolean          comparing;
  gboolean          can_compare;
  gboolean          covers_preview;
  gboolean          narrow;
  GArray           *numbers;       /* the pickers' versions, newest first */
  char             *compared;      /* "a:b" of what the compare view shows */
  char             *banner_text;
  char             *problem;
  GCancellable     *banner_load;
  GSignalGroup     *workspace_signals;
  GSignalGroup     *asset_signals;
  guint             syncing;
  guint             layout_source;

  GtkWidget        *banner;
  GtkLabel         *banner_label;
  GtkWidget        *toolbar;
  GtkToggleButton  *compare_button;
  GtkWidget        *pickers;
  GtkDropDown      *version_a;
  GtkDropDown      *version_b;
  GtkStack         *stack;
  GtkBox           *review_box;
  FdPlayerView     *player;
  FdCommentsPanel  *comments;
  FdCompareView    *compare_view;
  FdTextDiffView   *text_diff;
  AdwStatusPage    *problem_page;
  FdPlacementPanel *placements;
};

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

static void sync_view (FdReviewPane *self);

/*
 * Versions
 */

static FdAssetVersion *
find_version (FdReviewPane *self,
              gint64        number)
{
  guint n = self->versions ? g_list_model_get_n_items (self->versions) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FdAssetVersion) version = g_list_model_get_item (self->versions, i);

      if (fd_asset_version_get_number (version) == number)
        return g_steal_pointer (&version);
    }

  return NULL;
}

static gboolean
is_media (FdReviewPane *self)
{
  return self->asset != NULL && fd_asset_kind_is_media (fd_asset_get_kind (self->asset));
}

static gint64
picked (FdReviewPane *self,
        GtkDropDown  *dropdown)
{
  guint i = gtk_drop_down_get_selected (dropdown);

  return i < self->numbers->len ? g_array_index (self->numbers, gint64, i) : 0;
}

static void
pick (FdReviewPane *self,
      GtkDropDown  *dropdown,
      gint64        number)
{
  for (guint i = 0; i < self->numbers->len; i++)
    if (g_array_index (self->numbers, gint64, i) == number)
      gtk_drop_down_set_selected (dropdown, i);
}

/* By default the selected version is B and the one before it A. */
static void
pick_defaults (FdReviewPane *self)
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
  pick (self, self->version_a, a);
  pick (self, self->version_b, b);
  self->syncing--;
}

static void
rebuild_pickers (FdReviewPane *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint n = self->versions ? g_list_model_get_n_items (self->versions) : 0;
  gboolean can_compare;

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
  pick_defaults (self);

  can_compare = n >= 2;
  if (can_compare != self->can_compare)
    {
      self->can_compare = can_compare;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_COMPARE]);
    }
}

/*
 * What the pane shows
 */

static void
set_problem (FdReviewPane *self,
             const char   *problem)
{
  g_free (self->problem);
  self->problem = g_strdup (problem);
  adw_status_page_set_description (self->problem_page, problem);
}

static void
set_covers_preview (FdReviewPane *self,
                    gboolean      covers)
{
  if (self->covers_preview == covers)
    return;

  self->covers_preview = covers;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COVERS_PREVIEW]);
}

static char *
stored_path (FdReviewPane   *self,
             FdAssetVersion *version)
{
  FdMediaStore *media = fd_workspace_get_media_store (self->workspace);
  const char *sha = fd_asset_version_get_sha256 (version);
  g_autofree char *problem = NULL;

  if (sha != NULL && fd_media_store_contains (media, sha))
    return fd_media_store_get_path (media, sha);

  /* Translators: a version number, then the start of its SHA-256 */
  problem = g_strdup_printf (_("The file of version %lld (%.12s…) is missing from the workspace’s "
                               "media folder. Import it again as a new version."),
                             (long long)fd_asset_version_get_number (version), sha ? sha : "");
  set_problem (self, problem);
  return NULL;
}

static const char *
show_compare (FdReviewPane *self)
{
  gint64 a = picked (self, self->version_a);
  gint64 b = picked (self, self->version_b);
  g_autoptr(FdAssetVersion) va = find_version (self, a);
  g_autoptr(FdAssetVersion) vb = find_version (self, b);
  g_autofree char *key = g_strdup_printf ("%lld:%lld", (long long)a, (long long)b);
  g_autofree char *path_a = NULL;
  g_autofree char *path_b = NULL;
  g_autofree char *cache_dir = NULL;
  g_autofree char *label_a = NULL;
  g_autofree char *label_b = NULL;

  if (va == NULL || vb == NULL)
    return "none";

  if (!is_media (self))
    {
      fd_text_diff_view_set_texts (self->text_diff, fd_asset_version_get_text (va),
                                   fd_asset_version_get_text (vb));
      return "text-diff";
    }

  if (!(path_a = stored_path (self, va)) || !(path_b = stored_path (self, vb)))
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

static const char *
show_version (FdReviewPane   *self,
              FdAssetVersion *version)
{
  FdPlayer *player = fd_player_view_get_player (self->player);
  g_autofree char *path = NULL;

  if (!is_media (self))
    return "none";

  if (!(path = stored_path (self, version)))
    {
      fd_player_close (player);
      return "problem";
    }

  if (g_strcmp0 (fd_player_get_path (player), path) != 0)
    fd_player_view_open (self->player, path);

  return "review";
}

static void
sync_view (FdReviewPane *self)
{
  g_autoptr(FdAssetVersion) version = NULL;
  const char *page = "none";
  gboolean comparing;

  if (self->asset != NULL && self->workspace != NULL)
    version = find_version (self, self->version);

  comparing = self->comparing && self->can_compare;
  set_problem (self, NULL);

  if (version != NULL && comparing)
    {
      fd_player_pause (fd_player_view_get_player (self->player));
      page = show_compare (self);
    }
  else if (version != NULL)
    page = show_version (self, version);
  else
    fd_player_close (fd_player_view_get_player (self->player));

  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_widget_set_visible (GTK_WIDGET (self->stack), !g_str_equal (page, "none"));
  gtk_widget_set_visible (self->toolbar, self->can_compare);
  gtk_widget_set_visible (self->pickers, comparing);
  set_covers_preview (self, version != NULL && (is_media (self) || comparing));

  fd_comments_panel_set_version (self->comments, self->asset ? fd_asset_get_id (self->asset) : 0,
                                 version && is_media (self) ? self->version : 0);
  fd_placement_panel_set_version (self->placements, self->asset, version ? self->version : 0);
}

/*
 * The replacement banner
 */

typedef struct
{
  GWeakRef pane;
  gint64   asset_id;
} BannerLoad;

static gpointer
load_banner (FdStore       *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  BannerLoad *load = data;
  g_autoptr(GPtrArray) requests = fd_replacement_request_list_for_asset (store, load->asset_id, error);
  g_autoptr(GString) text = g_string_new (NULL);

  if (requests == NULL)
    return NULL;

  for (guint i = 0; i < requests->len; i++)
    {
      FdReplacementRequest *request = g_ptr_array_index (requests, i);
      g_autofree char *line = fd_replacement_request_describe (store, request, error);
      const char *note = fd_replacement_request_get_note (request);

      if (line == NULL)
        return NULL;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
      if (note != NULL && *note != '\0')
        g_string_append_printf (text, " — %s", note);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
banner_load_free (BannerLoad *load)
{
  g_weak_ref_clear (&load->pane);
  g_free (load);
}

static void
on_banner_loaded (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(FdReviewPane) self = g_weak_ref_get (user_data);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = fd_workspace_run_finish (FD_WORKSPACE (source), result, &error);

  g_weak_ref_clear (user_data);
  g_free (user_data);

  if (self == NULL || fd_ui_error_is_cancelled (error))
    return;

  if (text == NULL)
    g_warning ("Cannot read the replacement requests: %s", error->message);

  g_free (self->banner_text);
  self->banner_text = text && *text ? g_strdup (text) : NULL;
  gtk_label_set_label (self->banner_label, self->banner_text ? self->banner_text : "");
  gtk_widget_set_visible (self->banner, self->banner_text != NULL);
}

static void
reload_banner (FdReviewPane *self)
{
  BannerLoad *load;
  GWeakRef *ref;

  g_cancellable_cancel (self->banner_load);
  g_clear_object (&self->banner_load);
  g_clear_pointer (&self->banner_text, g_free);
  gtk_widget_set_visible (self->banner, FALSE);

  if (self->workspace == NULL || self->asset == NULL)
    return;

  self->banner_load = g_cancellable_new ();
  load = g_new0 (BannerLoad, 1);
  load->asset_id = fd_asset_get_id (self->asset);
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  fd_workspace_run_async (self->workspace, FALSE, load_banner, load, (GDestroyNotify)banner_load_free,
                          g_free, self->banner_load, on_banner_loaded, ref);
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
    sync_view (self);
}

static void
on_versions_changed (FdReviewPane *self)
{
  rebuild_pickers (self);
  sync_view (self);
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
                                  G_CALLBACK (reload_banner), self);
  self->asset_signals = g_signal_group_new (FD_TYPE_ASSET);
  g_signal_group_connect_swapped (self->asset_signals, "notify", G_CALLBACK (on_asset_notify), self);

  g_signal_connect_object (self->compare_button, "toggled", G_CALLBACK (on_compare_toggled), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->version_a, "notify::selected", G_CALLBACK (on_picked), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->version_b, "notify::selected", G_CALLBACK (on_picked), self,
                           G_CONNECT_SWAPPED);
  sync_view (self);
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
  reload_banner (self);
  sync_view (self);
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
  reload_banner (self);
  sync_view (self);
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
  pick_defaults (self);
  sync_view (self);
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
  pick (self, self->version_a, version_a);
  pick (self, self->version_b, version_b);
  self->syncing--;

  if (self->comparing)
    sync_view (self);
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
  sync_view (self);
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
