/* fd-board-view.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-board-view"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-board-format.h"
#include "fd-board-view-private.h"
#include "fd-ui-models.h"
#include "fd-ui-util.h"

/* The creative approval stage: six columns over one FdAssetList, a filter
 * bar, and the asset page that opens from a card.
 *
 * Every column is a list view (a GtkGridView of one column) over a
 * filtered, sorted view of the same model, so 10,000 assets cost one model
 * and the cards near the screen. The
 * board never changes an asset itself: moves, decisions and imports go
 * through the core (fd-board-view-moves.c, fd-board-view-import.c) on the
 * workspace's worker threads, and what changed comes back through the
 * model, which follows the audit log.
 *
 * The narrow layout (fd-board-view-layout.c), drag and drop
 * (fd-board-view-dnd.c) and the keyboard (fd-board-view-keys.c) have files
 * of their own. */

G_DEFINE_FINAL_TYPE (FdBoardView, fd_board_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_NARROW,
  PROP_N_PENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/*
 * Helpers for the other parts
 */

/**
 * _fd_board_view_find_asset:
 *
 * Returns: (transfer none) (nullable): the asset with @asset_id
 */
FdAsset *
_fd_board_view_find_asset (FdBoardView *self,
                           gint64       asset_id)
{
  if (self->assets == NULL)
    return NULL;

  return fd_asset_list_find (self->assets, asset_id, NULL);
}

void
_fd_board_view_pending_changed (FdBoardView *self,
                                int          delta)
{
  g_assert (delta > 0 || self->n_pending >= (guint)-delta);

  self->n_pending += delta;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PENDING]);
}

/**
 * _fd_board_view_get_window:
 *
 * Returns: (transfer none) (nullable): the window the board is in
 */
GtkWindow *
_fd_board_view_get_window (FdBoardView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/*
 * What the board shows: loading, an error, nothing yet, or the columns
 */

static void
update_content (FdBoardView *self)
{
  const GError *error;
  const char *page;

  if (self->assets == NULL)
    page = "loading";
  else if ((error = fd_asset_list_get_error (self->assets)) != NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      page = "error";
    }
  else if (!fd_asset_list_is_loaded (self->assets))
    page = "loading";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->assets)) == 0)
    page = "empty";
  else
    page = "board";

  gtk_stack_set_visible_child_name (self->content_stack, page);
}

/*
 * The person using the board
 */

static void
on_current_changed (FdBoardView *self)
{
  g_autoptr(FdPerson) person = g_list_model_get_item (G_LIST_MODEL (self->current), 0);
  gint64 person_id = person ? fd_person_get_id (person) : 0;

  if (person_id == self->person_id)
    return;

  self->person_id = person_id;
  for (guint i = 0; i < FD_ASSET_N_STATES; i++)
    fd_board_column_set_person_id (self->columns[i], person_id);
  fd_asset_page_set_person_id (self->asset_page, person_id);
}

/*
 * The asset page
 */

/**
 * fd_board_view_open_asset:
 *
 * Shows the asset page of @asset_id in place of the columns.
 *
 * Returns: whether the board has that asset
 */
gboolean
fd_board_view_open_asset (FdBoardView *self,
                          gint64       asset_id)
{
  FdAsset *asset;

  g_return_val_if_fail (FD_IS_BOARD_VIEW (self), FALSE);

  if ((asset = _fd_board_view_find_asset (self, asset_id)) == NULL)
    return FALSE;

  self->returning_to = asset_id;
  self->asset_open = TRUE;
  fd_asset_page_set_asset (self->asset_page, asset);
  gtk_stack_set_visible_child_name (self->page_stack, "asset");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.close-asset", TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->asset_page));

  return TRUE;
}

/**
 * fd_board_view_close_asset:
 *
 * Goes back from the asset page to the columns, to the card it came from.
 */
void
fd_board_view_close_asset (FdBoardView *self)
{
  FdAsset *asset;

  g_return_if_fail (FD_IS_BOARD_VIEW (self));

  self->asset_open = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.close-asset", FALSE);
  gtk_stack_set_visible_child_name (self->page_stack, "board");
  fd_asset_page_set_asset (self->asset_page, NULL);

  asset = _fd_board_view_find_asset (self, self->returning_to);
  if (asset != NULL)
    fd_board_column_focus_asset (fd_board_view_get_column (self, fd_asset_get_state (asset)),
                                 fd_asset_get_id (asset));
  self->returning_to = 0;
}

static void
on_column_activate (FdBoardColumn *column,
                    FdAsset       *asset,
                    FdBoardView   *self)
{
  fd_board_view_open_asset (self, fd_asset_get_id (asset));
}

/*
 * Size: the board lays out its one child itself (AdwBin would leave that
 * to a layout manager), to see its width
 */

static void
fd_board_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  gtk_widget_measure (GTK_WIDGET (FD_BOARD_VIEW (widget)->page_stack), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

/* The layout changes after this allocation, never during it. */
static void
fd_board_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  FdBoardView *self = FD_BOARD_VIEW (widget);

  gtk_widget_allocate (GTK_WIDGET (self->page_stack), width, height, baseline, NULL);
  _fd_board_view_queue_layout (self, width);
}

static void
setup_columns (FdBoardView *self)
{
  self->column_store = g_list_store_new (FD_TYPE_BOARD_COLUMN);

  for (guint i = 0; i < FD_ASSET_N_STATES; i++)
    {
      GtkWidget *column = fd_board_column_new (FD_ASSET_STATE_DRAFT + i);

      self->columns[i] = FD_BOARD_COLUMN (column);
      gtk_widget_set_hexpand (column, TRUE);
      g_signal_connect_object (column, "drop-asset", G_CALLBACK (_fd_board_view_column_drop), self, 0);
      g_signal_connect_object (column, "activate-asset", G_CALLBACK (on_column_activate), self, 0);
      gtk_box_append (self->columns_box, column);
      g_list_store_append (self->column_store, column);
    }

  _fd_board_view_column_picker_init (self);
}

/*
 * The workspace
 */

static void
connect_sources (FdBoardView *self)
{
  for (guint i = 0; i < FD_ASSET_N_STATES; i++)
    fd_board_column_set_sources (self->columns[i], G_LIST_MODEL (self->assets), self->filter,
                                 self->thumbnails);
}

static void
clear_workspace (FdBoardView *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  _fd_board_view_cancel_imports (self);

  if (self->asset_open)
    fd_board_view_close_asset (self);

  if (self->assets != NULL)
    g_signal_handlers_disconnect_by_data (self->assets, self);
  g_clear_object (&self->assets);
  g_clear_object (&self->thumbnails);
  connect_sources (self);
}

static void
load_workspace (FdBoardView *self)
{
  self->cancellable = g_cancellable_new ();
  self->assets = fd_asset_list_new (self->workspace);
  self->thumbnails = fd_thumbnail_loader_new (self->workspace, 560, 320);

  g_signal_connect_object (self->assets, "notify::loaded", G_CALLBACK (update_content),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->assets, "notify::loading", G_CALLBACK (update_content),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->assets, "notify::n-items", G_CALLBACK (update_content),
                           self, G_CONNECT_SWAPPED);
  _fd_board_view_filters_follow (self, self->assets);
  connect_sources (self);
  /* After the columns, which take the asset in first. */
  g_signal_connect_object (self->assets, "items-changed", G_CALLBACK (_fd_board_view_follow_refocus),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

/*
 * Actions
 */

static void
open_asset_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  fd_board_view_open_asset (FD_BOARD_VIEW (widget), g_variant_get_int64 (parameter));
}

static void
close_asset_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  fd_board_view_close_asset (FD_BOARD_VIEW (widget));
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gint64 asset_id;
  int target;

  g_variant_get (parameter, "(xi)", &asset_id, &target);
  if (target >= FD_ASSET_STATE_DRAFT && target <= FD_ASSET_STATE_ARCHIVED)
    fd_board_view_request_move (FD_BOARD_VIEW (widget), asset_id, target);
}

static void
review_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gint64 asset_id;
  int decision;

  g_variant_get (parameter, "(xi)", &asset_id, &decision);
  if (decision >= FD_REVIEW_DECISION_APPROVED && decision <= FD_REVIEW_DECISION_COMMENT)
    _fd_board_view_review (FD_BOARD_VIEW (widget), asset_id, decision);
}

static void
upload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _fd_board_view_upload (FD_BOARD_VIEW (widget), g_variant_get_int64 (parameter));
}

static void
add_version_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _fd_board_view_add_version (FD_BOARD_VIEW (widget), g_variant_get_int64 (parameter));
}

static void
import_version_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_autofree const char **uris = NULL;
  gint64 asset_id;

  g_variant_get (parameter, "(x^a&s)", &asset_id, &uris);
  _fd_board_view_import_uris (FD_BOARD_VIEW (widget), uris, asset_id);
}

static void
import_files_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  _fd_board_view_choose_files (FD_BOARD_VIEW (widget), 0);
}

static void
new_text_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  FdAssetKind kind = g_variant_get_int32 (parameter);

  if (fd_asset_kind_is_text (kind))
    _fd_board_view_new_text (FD_BOARD_VIEW (widget), kind);
}

static void
stop_imports_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  _fd_board_view_cancel_imports (FD_BOARD_VIEW (widget));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _fd_board_view_clear_filters (FD_BOARD_VIEW (widget));
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  FdBoardView *self = FD_BOARD_VIEW (widget);

  if (self->asset_open)
    fd_board_view_close_asset (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FdBoardView *self = FD_BOARD_VIEW (widget);

  if (self->assets != NULL)
    fd_asset_list_reload (self->assets);
}

static void
install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "board.open-asset", "x", open_asset_action);
  gtk_widget_class_install_action (widget_class, "board.close-asset", NULL, close_asset_action);
  gtk_widget_class_install_action (widget_class, "board.move", "(xi)", move_action);
  gtk_widget_class_install_action (widget_class, "board.review", "(xi)", review_action);
  gtk_widget_class_install_action (widget_class, "board.upload", "x", upload_action);
  gtk_widget_class_install_action (widget_class, "board.add-version", "x", add_version_action);
  gtk_widget_class_install_action (widget_class, "board.import-version", "(xas)", import_version_action);
  gtk_widget_class_install_action (widget_class, "board.import-files", NULL, import_files_action);
  gtk_widget_class_install_action (widget_class, "board.new-text", "i", new_text_action);
  gtk_widget_class_install_action (widget_class, "board.stop-imports", NULL, stop_imports_action);
  gtk_widget_class_install_action (widget_class, "board.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "board.focus-search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "board.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "board.show-column", "i", _fd_board_view_show_column_action);
  gtk_widget_class_install_action (widget_class, "board.drag-started", "x", _fd_board_view_drag_started_action);
  gtk_widget_class_install_action (widget_class, "board.drag-ended", NULL, _fd_board_view_drag_ended_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "board.close-asset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "board.close-asset", NULL);
  for (guint i = 0; i < FD_ASSET_N_STATES; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "board.show-column", "i", FD_ASSET_STATE_DRAFT + i);
}

/*
 * GObject
 */

static void
fd_board_view_dispose (GObject *object)
{
  FdBoardView *self = (FdBoardView *)object;

  g_clear_handle_id (&self->layout_source, g_source_remove);
  g_clear_handle_id (&self->campaigns_source, g_source_remove);
  clear_workspace (self);
  _fd_board_view_import_clear (self);
  g_clear_object (&self->column_store);
  g_clear_object (&self->import_content);
  g_clear_object (&self->current);
  g_clear_object (&self->people);
  g_clear_object (&self->briefs);
  g_clear_object (&self->filter);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (fd_board_view_parent_class)->dispose (object);
}

static void
fd_board_view_finalize (GObject *object)
{
  FdBoardView *self = (FdBoardView *)object;

  g_clear_pointer (&self->brief_ids, g_array_unref);
  g_clear_pointer (&self->person_ids, g_array_unref);
  g_clear_pointer (&self->campaigns, g_ptr_array_unref);

  G_OBJECT_CLASS (fd_board_view_parent_class)->finalize (object);
}

static void
fd_board_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  FdBoardView *self = FD_BOARD_VIEW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    case PROP_NARROW:
      g_value_set_boolean (value, self->narrow);
      break;
    case PROP_N_PENDING:
      g_value_set_uint (value, self->n_pending);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_board_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  FdBoardView *self = FD_BOARD_VIEW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      fd_board_view_set_workspace (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_board_view_class_init (FdBoardViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_board_view_dispose;
  object_class->finalize = fd_board_view_finalize;
  object_class->get_property = fd_board_view_get_property;
  object_class->set_property = fd_board_view_set_property;
  widget_class->measure = fd_board_view_measure;
  widget_class->size_allocate = fd_board_view_size_allocate;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, FD_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* One column at a time. */
  properties[PROP_NARROW] =
    g_param_spec_boolean ("narrow", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* Moves, decisions and imports still on their way. */
  properties[PROP_N_PENDING] =
    g_param_spec_uint ("n-pending", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FD_TYPE_ASSET_PAGE);

  gtk_widget_class_set_css_name (widget_class, "board");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/flightdeck/Flightdeck/fd-board-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FdBoardView, page_stack);
  gtk_widget_class_bind_template_child (widget_class, FdBoardView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, FdBoardView, toolbar);
  gtk_widget_class_bind_template_child (widget_class, FdBoardView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FdBoardView, filters_scroller);
  gtk_widget_class_bind_template_child (widget_class, FdBoardView, filters_box);
  gtk_widget_class_bind_template_child (widget_class, FdBoardView, import_button);
  gtk_widget_class_bind_template_child (widget_class, FdBoardView, import_content);
  gtk_widget_class_bind_template_child (widget_class, FdBoardView, filters_popover_box);
  gtk_widget_class_bind_template_child (widget_class, FdBoardView, filters_button);
  gtk_widget_class_bind_template_child (widget_class, FdBoardView, brief_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FdBoardView, campaign_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FdBoardView, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FdBoardView, person_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FdBoardView, waiting_button);
  gtk_widget_class_bind_template_child (widget_class, FdBoardView, clear_filters_button);
  gtk_widget_class_bind_template_child (widget_class, FdBoardView, narrow_bar);
  gtk_widget_class_bind_template_child (widget_class, FdBoardView, column_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FdBoardView, import_revealer);
  gtk_widget_class_bind_template_child (widget_class, FdBoardView, import_label);
  gtk_widget_class_bind_template_child (widget_class, FdBoardView, import_progress);
  gtk_widget_class_bind_template_child (widget_class, FdBoardView, error_page);
  gtk_widget_class_bind_template_child (widget_class, FdBoardView, columns_scroller);
  gtk_widget_class_bind_template_child (widget_class, FdBoardView, columns_box);
  gtk_widget_class_bind_template_child (widget_class, FdBoardView, asset_page);

  install_actions (widget_class);
}

static void
fd_board_view_init (FdBoardView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
  g_object_ref_sink (self->import_content);

  self->filter = fd_asset_filter_new ();
  self->current = fd_current_person_model_new ();
  self->people = fd_roster_model_new (FALSE);
  self->briefs = fd_brief_model_new ();

  setup_columns (self);
  _fd_board_view_filters_init (self);
  _fd_board_view_import_init (self);
  _fd_board_view_keys_init (self);
  _fd_board_view_dnd_init (self);

  g_signal_connect_object (self->current, "items-changed", G_CALLBACK (on_current_changed),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.close-asset", FALSE);

  update_content (self);
}

/*
 * Public API
 */

/**
 * fd_board_view_get_workspace:
 *
 * Returns: (transfer none) (nullable): the workspace shown
 */
FdWorkspace *
fd_board_view_get_workspace (FdBoardView *self)
{
  g_return_val_if_fail (FD_IS_BOARD_VIEW (self), NULL);
  return self->workspace;
}

void
fd_board_view_set_workspace (FdBoardView *self,
                             FdWorkspace *workspace)
{
  g_return_if_fail (FD_IS_BOARD_VIEW (self));
  g_return_if_fail (workspace == NULL || FD_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  clear_workspace (self);
  g_set_object (&self->workspace, workspace);
  _fd_board_view_filters_reset (self);

  fd_query_model_set_workspace (self->current, workspace);
  fd_query_model_set_workspace (self->people, workspace);
  fd_query_model_set_workspace (self->briefs, workspace);
  fd_asset_page_set_workspace (self->asset_page, workspace);

  if (workspace != NULL)
    load_workspace (self);

  update_content (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

/**
 * fd_board_view_get_assets:
 *
 * Returns: (transfer none) (nullable): the one model every column filters
 */
FdAssetList *
fd_board_view_get_assets (FdBoardView *self)
{
  g_return_val_if_fail (FD_IS_BOARD_VIEW (self), NULL);
  return self->assets;
}

/**
 * fd_board_view_get_filter:
 *
 * Returns: (transfer none): the filter of every column
 */
FdAssetFilter *
fd_board_view_get_filter (FdBoardView *self)
{
  g_return_val_if_fail (FD_IS_BOARD_VIEW (self), NULL);
  return self->filter;
}

/**
 * fd_board_view_get_column:
 *
 * Returns: (transfer none): the column of @state
 */
FdBoardColumn *
fd_board_view_get_column (FdBoardView  *self,
                          FdAssetState  state)
{
  g_return_val_if_fail (FD_IS_BOARD_VIEW (self), NULL);
  g_return_val_if_fail (state >= FD_ASSET_STATE_DRAFT && state <= FD_ASSET_STATE_ARCHIVED, NULL);

  return self->columns[state - FD_ASSET_STATE_DRAFT];
}

/**
 * fd_board_view_get_asset_page:
 *
 * Returns: (transfer none): the asset page
 */
FdAssetPage *
fd_board_view_get_asset_page (FdBoardView *self)
{
  g_return_val_if_fail (FD_IS_BOARD_VIEW (self), NULL);
  return self->asset_page;
}

/**
 * fd_board_view_get_person_id:
 *
 * Returns: the person using the board (the workspace's current person),
 *   or 0 while nobody is chosen
 */
gint64
fd_board_view_get_person_id (FdBoardView *self)
{
  g_return_val_if_fail (FD_IS_BOARD_VIEW (self), 0);
  return self->person_id;
}

gboolean
fd_board_view_get_narrow (FdBoardView *self)
{
  g_return_val_if_fail (FD_IS_BOARD_VIEW (self), FALSE);
  return self->narrow;
}

/**
 * fd_board_view_get_n_pending:
 *
 * Returns: how many moves, decisions and imports are on their way
 */
guint
fd_board_view_get_n_pending (FdBoardView *self)
{
  g_return_val_if_fail (FD_IS_BOARD_VIEW (self), 0);
  return self->n_pending;
}
