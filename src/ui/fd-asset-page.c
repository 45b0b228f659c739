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
#include "fd-asset-query.h"
#include "fd-asset-workflow.h"
#include "fd-board-format.h"
#include "fd-roster.h"
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
#define RELOAD_DELAY_MS 60

struct _FdAssetPage
{
  GtkWidget          parent_instance;

  FdWorkspace       *workspace;
  FdAsset           *asset;
  gint64             person_id;
  gint64             selected_version;  /* 0: the current one */
  gboolean           can_compare;
  gboolean           loaded;
  gboolean           narrow;
  gboolean           phone;
  GSignalGroup      *asset_signals;
  GSignalGroup      *workspace_signals;
  GListStore        *versions;   /* FdAssetVersion, newest first */
  GListStore        *reviews;    /* FdAssetReview */
  GListStore        *history;    /* FdAuditEvent, newest first */
  GHashTable        *descriptions; /* seq → what happened */
  GHashTable        *actors;       /* seq → who */
  char              *creator;
  FdThumbnailLoader *thumbnails;
  GCancellable      *load;
  GCancellable      *preview_load;
  guint              reload_source;
  guint              layout_source;
  guint              syncing;

  GtkWidget         *page_box;
  GtkWidget         *back_button;
  GtkLabel          *title_label;
  GtkLabel          *state_label;
  GtkLabel          *subtitle_label;
  GtkBox            *actions_box;
  GtkWidget         *submit_button;
  GtkWidget         *approve_button;
  GtkWidget         *changes_button;
  GtkWidget         *upload_button;
  GtkWidget         *version_button;
  GtkWidget         *comment_button;
  GtkWidget         *archive_button;
  GtkScrolledWindow *scroller;
  GtkBox            *top_box;
  GtkWidget         *side_box;
  AdwClamp          *side_clamp;
  GtkBox            *review_slot;
  GtkStack          *preview_stack;
  GtkPicture        *preview_picture;
  GtkLabel          *preview_text;
  AdwStatusPage     *missing_page;
  GtkLabel          *preview_caption;
  GtkListBox        *details_list;
  AdwPreferencesGroup *reviewers_group;
  GtkListBox        *reviewers_list;
  GtkListBox        *versions_list;
  GtkListBox        *history_list;
};

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

static void sync_all (FdAssetPage *self);

/*
 * The version shown
 */

static FdAssetVersion *
find_version (FdAssetPage *self,
              gint64       number)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->versions));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FdAssetVersion) version = g_list_model_get_item (G_LIST_MODEL (self->versions), i);

      if (number == 0 || fd_asset_version_get_number (version) == number)
        return g_steal_pointer (&version);
    }

  return NULL;
}

static gint64
shown_version (FdAssetPage *self)
{
  if (self->selected_version != 0)
    return self->selected_version;
  return self->asset ? fd_asset_get_version (self->asset) : 0;
}

static void
on_preview_loaded (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(FdAssetPage) self = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  texture = fd_thumbnail_loader_load_finish (FD_THUMBNAIL_LOADER (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (texture != NULL)
    {
      gtk_picture_set_paintable (self->preview_picture, GDK_PAINTABLE (texture));
      gtk_stack_set_visible_child_name (self->preview_stack, "picture");
    }
  else
    {
      adw_status_page_set_title (self->missing_page, _("No Preview"));
      adw_status_page_set_description (self->missing_page, error->message);
      gtk_stack_set_visible_child_name (self->preview_stack, "missing");
    }
}

static void
show_media_preview (FdAssetPage    *self,
                    FdAssetVersion *version)
{
  GdkTexture *texture;

  g_cancellable_cancel (self->preview_load);
  g_clear_object (&self->preview_load);

  texture = fd_thumbnail_loader_lookup (self->thumbnails, fd_asset_version_get_sha256 (version));
  if (texture != NULL)
    {
      gtk_picture_set_paintable (self->preview_picture, GDK_PAINTABLE (texture));
      gtk_stack_set_visible_child_name (self->preview_stack, "picture");
      return;
    }

  gtk_stack_set_visible_child_name (self->preview_stack, "loading");
  self->preview_load = g_cancellable_new ();
  fd_thumbnail_loader_load_async (self->thumbnails, fd_asset_version_get_sha256 (version),
                                  self->preview_load, on_preview_loaded, g_object_ref (self));
}

static void
sync_preview (FdAssetPage *self)
{
  g_autoptr(FdAssetVersion) version = find_version (self, shown_version (self));
  g_autofree char *caption = NULL;
  g_autofree char *content = NULL;
  const FdMediaInfo *info;

  if (version == NULL)
    {
      g_cancellable_cancel (self->preview_load);
      adw_status_page_set_title (self->missing_page, self->loaded ? _("No Version Yet") : "");
      adw_status_page_set_description (self->missing_page,
                                       self->loaded && self->asset &&
                                       fd_asset_kind_is_media (fd_asset_get_kind (self->asset))
                                       ? _("Import a file to make version 1.")
                                       : self->loaded ? _("Write its text to make version 1.") : NULL);
      gtk_stack_set_visible_child_name (self->preview_stack, self->loaded ? "missing" : "loading");
      gtk_label_set_label (self->preview_caption, "");
      return;
    }

  info = fd_asset_version_get_media_info (version);
  /* A picture gets room; a text only what it needs. */
  gtk_widget_set_size_request (GTK_WIDGET (self->preview_stack), -1, info != NULL ? 380 : 160);
  if (info != NULL && self->thumbnails != NULL)
    {
      show_media_preview (self, version);
      content = fd_media_info_describe (info);
    }
  else
    {
      const char *text = fd_asset_version_get_text (version);
      glong n = g_utf8_strlen (text ? text : "", -1);

      gtk_label_set_label (self->preview_text, text ? text : "");
      gtk_stack_set_visible_child_name (self->preview_stack, "text");
      content = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%ld character", "%ld characters", n), n);
    }

  /* Translators: the preview's caption: a version, then what it is */
  caption = g_strdup_printf (_("Version %lld · %s"), (long long)fd_asset_version_get_number (version),
                             content);
  gtk_label_set_label (self->preview_caption, caption);
}

static void
select_row_of_version (FdAssetPage *self)
{
  gint64 wanted = shown_version (self);

  self->syncing++;
  gtk_list_box_unselect_all (self->versions_list);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->versions_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && _fd_asset_page_row_version (GTK_LIST_BOX_ROW (child)) == wanted)
      gtk_list_box_select_row (self->versions_list, GTK_LIST_BOX_ROW (child));
  self->syncing--;
}

/*
 * The actions, and why not
 */

static char *
require_person_reason (void)
{
  return g_strdup (_("Only someone on the roster can change assets; choose who you are first."));
}

static char *
check_move (FdAssetPage   *self,
            FdAssetState   target)
{
  g_autoptr(GError) error = NULL;

  if (fd_asset_check_transition (fd_workspace_get_store (self->workspace), self->person_id,
                                 fd_asset_get_id (self->asset), target, NULL, &error))
    return NULL;

  return g_strdup (error->message);
}

static FdAssetReviewer *
find_reviewer (FdAssetPage *self)
{
  GPtrArray *reviewers = fd_asset_get_reviewers (self->asset);

  for (guint i = 0; reviewers != NULL && i < reviewers->len; i++)
    if (fd_asset_reviewer_get_person_id (g_ptr_array_index (reviewers, i)) == self->person_id)
      return g_ptr_array_index (reviewers, i);

  return NULL;
}

static char *
check_decision (FdAssetPage      *self,
                FdReviewDecision  decision)
{
  FdAssetReviewer *reviewer;
  GPtrArray *reviewers = fd_asset_get_reviewers (self->asset);
  g_autoptr(GString) names = g_string_new (NULL);

  if (self->person_id == 0)
    return require_person_reason ();

  if ((reviewer = find_reviewer (self)) == NULL)
    {
      for (guint i = 0; reviewers != NULL && i < reviewers->len; i++)
        {
          if (names->len > 0)
            g_string_append (names, ", ");
          g_string_append (names, fd_asset_reviewer_get_name (g_ptr_array_index (reviewers, i)));
        }
      /* Translators: %s lists the reviewers of the current round */
      return g_strdup_printf (_("Only the reviewers of this round decide: %s. Anyone may comment."),
                              names->str);
    }

  if (decision == FD_REVIEW_DECISION_APPROVED &&
      fd_asset_reviewer_get_decision (reviewer) == FD_REVIEW_DECISION_APPROVED)
    /* Translators: %lld is a version number */
    return g_strdup_printf (_("You approved version %lld already."),
                            (long long)fd_asset_get_review_version (self->asset));

  return NULL;
}

static void
set_action (GtkWidget  *button,
            gboolean    visible,
            char       *refusal,
            const char *tooltip)
{
  g_autofree char *why = refusal;

  gtk_widget_set_visible (button, visible);
  gtk_widget_set_sensitive (button, visible && why == NULL);
  gtk_widget_set_tooltip_text (button, why ? why : tooltip);
}

static void
sync_actions (FdAssetPage *self)
{
  FdAssetState state;
  gboolean media;
  gboolean closed;
  g_autofree char *submit_tip = NULL;
  g_autofree char *upload_tip = NULL;

  if (self->asset == NULL || self->workspace == NULL)
    return;

  state = fd_asset_get_state (self->asset);
  media = fd_asset_kind_is_media (fd_asset_get_kind (self->asset));
  closed = state == FD_ASSET_STATE_UPLOADED || state == FD_ASSET_STATE_ARCHIVED;

  /* Translators: a button's tooltip; %lld is a version number */
  submit_tip = g_strdup_printf (_("Send version %lld to its reviewers"),
                                (long long)fd_asset_get_version (self->asset));
  /* Translators: a button's tooltip; %lld is a version number */
  upload_tip = g_strdup_printf (_("Check that the stored file is still exactly version %lld, then "
                                  "mark it Uploaded"),
                                (long long)fd_asset_get_review_version (self->asset));

  set_action (self->submit_button,
              state == FD_ASSET_STATE_DRAFT || state == FD_ASSET_STATE_REVISION_REQUESTED,
              check_move (self, FD_ASSET_STATE_IN_REVIEW), submit_tip);
  set_action (self->approve_button, state == FD_ASSET_STATE_IN_REVIEW,
              check_decision (self, FD_REVIEW_DECISION_APPROVED),
              _("Approve the version under review"));
  set_action (self->changes_button, state == FD_ASSET_STATE_IN_REVIEW,
              check_decision (self, FD_REVIEW_DECISION_CHANGES_REQUESTED),
              _("Say what should change; a required reviewer’s request sends it back"));
  set_action (self->upload_button, state == FD_ASSET_STATE_APPROVED,
              self->person_id ? NULL : require_person_reason (), upload_tip);
  gtk_button_set_label (GTK_BUTTON (self->version_button), media ? _("Add _Version…") : _("_Edit Text…"));
  set_action (self->version_button, !closed,
              self->person_id ? NULL : require_person_reason (),
              media ? _("Import the file of the next version") : _("Write the next version"));
  set_action (self->comment_button, TRUE,
              self->person_id ? NULL : require_person_reason (),
              _("A comment is kept in the history and decides nothing"));
  set_action (self->archive_button, state != FD_ASSET_STATE_ARCHIVED,
              check_move (self, FD_ASSET_STATE_ARCHIVED),
              _("Retire it, with a reason; Archived is final"));
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
on_action_clicked (GtkButton   *button,
                   FdAssetPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gint64 id;

  if (self->asset == NULL)
    return;

  id = fd_asset_get_id (self->asset);
  if ((GtkWidget *)button == self->submit_button)
    gtk_widget_activate_action (widget, "board.move", "(xi)", id, FD_ASSET_STATE_IN_REVIEW);
  else if ((GtkWidget *)button == self->approve_button)
    gtk_widget_activate_action (widget, "board.review", "(xi)", id, FD_REVIEW_DECISION_APPROVED);
  else if ((GtkWidget *)button == self->changes_button)
    gtk_widget_activate_action (widget, "board.review", "(xi)", id, FD_REVIEW_DECISION_CHANGES_REQUESTED);
  else if ((GtkWidget *)button == self->comment_button)
    gtk_widget_activate_action (widget, "board.review", "(xi)", id, FD_REVIEW_DECISION_COMMENT);
  else if ((GtkWidget *)button == self->upload_button)
    gtk_widget_activate_action (widget, "board.upload", "x", id);
  else if ((GtkWidget *)button == self->version_button)
    gtk_widget_activate_action (widget, "board.add-version", "x", id);
  else if ((GtkWidget *)button == self->archive_button)
    gtk_widget_activate_action (widget, "board.move", "(xi)", id, FD_ASSET_STATE_ARCHIVED);
}

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
rebind_versions (FdAssetPage *self);

static void
sync_all (FdAssetPage *self)
{
  if (self->asset == NULL)
    return;

  sync_header (self);
  sync_reviewers (self);
  _fd_asset_page_fill_details (self->details_list, self->asset, self->creator);
  sync_actions (self);
  sync_preview (self);
}

/*
 * Loading versions, decisions and history
 */

typedef struct
{
  GPtrArray  *versions;
  GPtrArray  *reviews;
  GPtrArray  *events;        /* newest first, only those with a description */
  GHashTable *descriptions;
  GHashTable *actors;
  char       *creator;
} PageData;

static void
page_data_free (PageData *data)
{
  g_clear_pointer (&data->versions, g_ptr_array_unref);
  g_clear_pointer (&data->reviews, g_ptr_array_unref);
  g_clear_pointer (&data->events, g_ptr_array_unref);
  g_clear_pointer (&data->descriptions, g_hash_table_unref);
  g_clear_pointer (&data->actors, g_hash_table_unref);
  g_free (data->creator);
  g_free (data);
}

static gpointer
load_page (FdStore       *store,
           gpointer       user_data,
           GCancellable  *cancellable,
           GError       **error)
{
  gint64 asset_id = *(gint64 *)user_data;
  g_autoptr(GPtrArray) history = NULL;
  PageData *data = g_new0 (PageData, 1);

  if (!(data->versions = fd_asset_list_versions (store, asset_id, error)) ||
      !(data->reviews = fd_asset_list_reviews (store, asset_id, error)) ||
      !(history = fd_asset_get_history (store, asset_id, error)))
    {
      page_data_free (data);
      return NULL;
    }

  data->events = g_ptr_array_new_with_free_func (g_object_unref);
  data->descriptions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  data->actors = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  for (guint i = history->len; i > 0; i--)
    {
      FdAuditEvent *event = g_ptr_array_index (history, i - 1);
      char *description = fd_asset_describe_event (store, event);
      gint64 seq = fd_audit_event_get_seq (event);

      if (g_strcmp0 (fd_audit_event_get_entity_type (event), "asset") == 0 &&
          g_strcmp0 (fd_audit_event_get_action (event), "create") == 0)
        {
          g_free (data->creator);
          data->creator = fd_roster_describe_actor (store, fd_audit_event_get_actor (event));
        }

      if (description == NULL)
        continue;

      g_ptr_array_add (data->events, g_object_ref (event));
      g_hash_table_insert (data->descriptions, g_memdup2 (&seq, sizeof seq), description);
      g_hash_table_insert (data->actors, g_memdup2 (&seq, sizeof seq),
                           fd_roster_describe_actor (store, fd_audit_event_get_actor (event)));
    }

  return data;
}

static void
replace_all (GListStore *store,
             GPtrArray  *items)
{
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       items->pdata, items->len);
}

typedef struct
{
  GWeakRef page;
  gint64   asset_id;
} LoadRequest;

static void
on_page_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  LoadRequest *request = user_data;
  g_autoptr(FdAssetPage) self = g_weak_ref_get (&request->page);
  gint64 asset_id = request->asset_id;
  g_autoptr(GError) error = NULL;
  PageData *data;

  g_weak_ref_clear (&request->page);
  g_free (request);

  data = fd_workspace_run_finish (FD_WORKSPACE (source), result, &error);
  if (self == NULL || self->asset == NULL || fd_asset_get_id (self->asset) != asset_id)
    {
      g_clear_pointer (&data, page_data_free);
      return;
    }

  if (data == NULL)
    {
      if (!fd_ui_error_is_cancelled (error))
        fd_board_toast (GTK_WIDGET (self), error->message, TRUE);
      return;
    }

  g_clear_pointer (&self->descriptions, g_hash_table_unref);
  g_clear_pointer (&self->actors, g_hash_table_unref);
  self->descriptions = g_hash_table_ref (data->descriptions);
  self->actors = g_hash_table_ref (data->actors);
  g_free (self->creator);
  self->creator = g_strdup (data->creator);

  replace_all (self->versions, data->versions);
  replace_all (self->reviews, data->reviews);
  replace_all (self->history, data->events);
  page_data_free (data);

  rebind_versions (self);
  self->loaded = TRUE;
  sync_all (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}

static void
reload (FdAssetPage *self)
{
  LoadRequest *request;
  gint64 *asset_id;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_cancellable_cancel (self->load);
  g_clear_object (&self->load);

  if (self->asset == NULL || self->workspace == NULL)
    return;

  self->load = g_cancellable_new ();
  request = g_new0 (LoadRequest, 1);
  g_weak_ref_init (&request->page, self);
  request->asset_id = fd_asset_get_id (self->asset);
  asset_id = g_memdup2 (&request->asset_id, sizeof *asset_id);

  fd_workspace_run_async (self->workspace, FALSE, load_page, asset_id, g_free,
                          (GDestroyNotify)page_data_free, self->load, on_page_loaded, request);
}

static gboolean
reload_later (gpointer user_data)
{
  FdAssetPage *self = user_data;

  self->reload_source = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

/* A decision changes the asset and its history together; both are read
 * again once the changes of one commit have all arrived. */
static void
queue_reload (FdAssetPage *self)
{
  if (self->asset != NULL && self->reload_source == 0)
    self->reload_source = g_timeout_add (RELOAD_DELAY_MS, reload_later, self);
}

static void
on_asset_notify (FdAssetPage *self)
{
  sync_all (self);
  queue_reload (self);
}

/*
 * Lists
 */

static GtkWidget *
create_version_row (gpointer item,
                    gpointer user_data)
{
  FdAssetPage *self = user_data;

  return _fd_asset_page_version_row (item, self->asset, self->can_compare, shown_version (self));
}

static GtkWidget *
create_history_row (gpointer item,
                    gpointer user_data)
{
  FdAssetPage *self = user_data;
  gint64 seq = fd_audit_event_get_seq (item);

  return _fd_asset_page_history_row (item, g_hash_table_lookup (self->descriptions, &seq),
                                     g_hash_table_lookup (self->actors, &seq));
}

static void
rebind_versions (FdAssetPage *self)
{
  gtk_list_box_bind_model (self->versions_list, G_LIST_MODEL (self->versions),
                           create_version_row, self, NULL);
  select_row_of_version (self);
}

static void
on_version_selected (GtkListBox    *list,
                     GtkListBoxRow *row,
                     FdAssetPage   *self)
{
  if (self->syncing > 0 || row == NULL)
    return;

  fd_asset_page_select_version (self, _fd_asset_page_row_version (row));
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
  gint64 shown = shown_version (self);

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
  GtkWidget *buttons[7];

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
                                  G_CALLBACK (queue_reload), self);
  g_signal_group_connect_swapped (self->workspace_signals, "changed::asset_version",
                                  G_CALLBACK (queue_reload), self);
  g_signal_group_connect_swapped (self->workspace_signals, "changed::comment",
                                  G_CALLBACK (queue_reload), self);
  g_signal_group_connect_swapped (self->workspace_signals, "changed::placement_override",
                                  G_CALLBACK (queue_reload), self);

  buttons[0] = self->submit_button;
  buttons[1] = self->approve_button;
  buttons[2] = self->changes_button;
  buttons[3] = self->upload_button;
  buttons[4] = self->version_button;
  buttons[5] = self->comment_button;
  buttons[6] = self->archive_button;
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    g_signal_connect_object (buttons[i], "clicked", G_CALLBACK (on_action_clicked), self, 0);

  gtk_list_box_bind_model (self->history_list, G_LIST_MODEL (self->history),
                           create_history_row, self, NULL);
  _fd_asset_page_attach_review (self);
  g_signal_connect_object (self->versions_list, "row-selected", G_CALLBACK (on_version_selected),
                           self, 0);
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
  reload (self);

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
  sync_actions (self);
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
  return shown_version (self);
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
      rebind_versions (self);
      sync_preview (self);
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
    rebind_versions (self);
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

/**
 * fd_asset_page_get_action_button:
 * @action: "submit", "approve", "request-changes", "upload", "version",
 *   "comment" or "archive"
 *
 * Returns: (transfer none) (nullable): that button
 */
GtkWidget *
fd_asset_page_get_action_button (FdAssetPage *self,
                                 const char  *action)
{
  struct { const char *name; GtkWidget *button; } buttons[] = {
    { "submit", self->submit_button },
    { "approve", self->approve_button },
    { "request-changes", self->changes_button },
    { "upload", self->upload_button },
    { "version", self->version_button },
    { "comment", self->comment_button },
    { "archive", self->archive_button },
  };

  g_return_val_if_fail (FD_IS_ASSET_PAGE (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    if (g_strcmp0 (buttons[i].name, action) == 0)
      return buttons[i].button;

  return NULL;
}
