/* fd-comments-panel.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-comments-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-comment-catalog.h"
#include "fd-comment-row.h"
#include "fd-comments-panel.h"
#include "fd-markup-overlay.h"
#include "fd-query-model.h"
#include "fd-review-ask.h"
#include "fd-ui-util.h"

/* The comments of one version, beside its player. The comments are read
 * on the workspace's reader queue (an FdQueryModel over
 * fd_comment_list_for_version(), read again whenever a comment changes
 * anywhere), threads are listed in the core's order (by frame, then those
 * on the whole version) with their replies, and every change goes through
 * the core's audited async API.
 *
 * Activating a thread seeks the player to exactly its first frame and
 * shows its mark on the picture. A new comment is anchored where the
 * player is: the current frame, or the loop range (I/O) while looping,
 * with the rectangle or freehand mark drawn on the frame, if any. */

struct _FdCommentsPanel
{
  GtkWidget           parent_instance;

  FdWorkspace        *workspace;
  gint64              asset_id;
  gint64              version;
  gint64              person_id;
  gboolean            show_resolved;
  FdPlayerView       *player;
  GSignalGroup       *player_signals;
  GSignalGroup       *overlay_signals;
  FdQueryModel       *comments;
  GtkFilterListModel *threads;
  GtkCustomFilter    *filter;
  FdMarkupShape      *pending_mark;
  GListStore         *shown_marks;
  FdComment          *selected;
  GCancellable       *cancellable;
  guint               busy;
  guint               syncing_tool;

  GtkLabel           *count_label;
  GtkDropDown        *filter_dropdown;
  GtkListBox         *list;
  GtkLabel           *anchor_label;
  GtkTextView        *text_view;
  GtkWidget          *mark_box;
  GtkToggleButton    *rectangle_button;
  GtkToggleButton    *freehand_button;
};

G_DEFINE_FINAL_TYPE (FdCommentsPanel, fd_comments_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SHOW_RESOLVED,
  PROP_SELECTED,
  PROP_LOADED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_anchor (FdCommentsPanel *self);

/*
 * The model
 */

static gboolean
same_comment (gconstpointer a,
              gconstpointer b)
{
  FdComment *x = (FdComment *)a;
  FdComment *y = (FdComment *)b;

  return fd_comment_get_id (x) == fd_comment_get_id (y) &&
         fd_comment_get_edited (x) == fd_comment_get_edited (y) &&
         fd_comment_get_resolved (x) == fd_comment_get_resolved (y) &&
         fd_comment_get_n_replies (x) == fd_comment_get_n_replies (y);
}

static gpointer
load_comments (FdStore       *store,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  const gint64 *key = data;

  return fd_comment_list_for_version (store, key[0], key[1], error);
}

static gboolean
filter_thread (gpointer item,
               gpointer user_data)
{
  FdCommentsPanel *self = user_data;

  return !fd_comment_is_reply (item) && (self->show_resolved || !fd_comment_get_resolved (item));
}

static FdComment *
find_comment (FdCommentsPanel *self,
              gint64           id)
{
  GListModel *model = G_LIST_MODEL (self->comments);
  guint n = model ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FdComment) comment = g_list_model_get_item (model, i);

      if (fd_comment_get_id (comment) == id)
        return g_steal_pointer (&comment);
    }

  return NULL;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  FdCommentsPanel *self = user_data;
  GListModel *model = G_LIST_MODEL (self->comments);
  g_autoptr(GPtrArray) replies = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 thread = fd_comment_get_id (item);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(FdComment) comment = g_list_model_get_item (model, i);

      if (fd_comment_is_reply (comment) && fd_comment_get_thread_id (comment) == thread)
        g_ptr_array_add (replies, g_steal_pointer (&comment));
    }

  return fd_comment_row_new (item, replies);
}

static void
update_count (FdCommentsPanel *self)
{
  GListModel *model = self->comments ? G_LIST_MODEL (self->comments) : NULL;
  guint threads = 0;
  guint open = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(FdComment) comment = g_list_model_get_item (model, i);

      if (fd_comment_is_reply (comment))
        continue;
      threads++;
      open += !fd_comment_get_resolved (comment);
    }

  if (threads > 0)
    /* Translators: comment threads: how many are open, of how many */
    text = g_strdup_printf (_("%u open of %u"), open, threads);
  gtk_label_set_label (self->count_label, text ? text : "");
}

static void
on_loaded_changed (FdCommentsPanel *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}

static void
rebuild_model (FdCommentsPanel *self)
{
  static const char * const watched[] = { "comment", NULL };
  gint64 *key;

  if (self->comments != NULL)
    g_signal_handlers_disconnect_by_data (self->comments, self);
  g_clear_object (&self->comments);
  g_clear_object (&self->selected);

  if (self->workspace != NULL && self->asset_id > 0 && self->version > 0)
    {
      key = g_new (gint64, 2);
      key[0] = self->asset_id;
      key[1] = self->version;
      self->comments = fd_query_model_new (FD_TYPE_COMMENT, load_comments, key, g_free,
                                           same_comment, watched);
      g_signal_connect_object (self->comments, "items-changed", G_CALLBACK (update_count), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->comments, "notify::loaded", G_CALLBACK (on_loaded_changed), self,
                               G_CONNECT_SWAPPED);
      fd_query_model_set_workspace (self->comments, self->workspace);
    }

  gtk_filter_list_model_set_model (self->threads, G_LIST_MODEL (self->comments));
  update_count (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}

/*
 * Marks
 */

static FdMarkupOverlay *
overlay (FdCommentsPanel *self)
{
  return self->player ? fd_player_view_get_markup_overlay (self->player) : NULL;
}

static void
show_marks (FdCommentsPanel *self,
            FdMarkupShape   *mark)
{
  g_list_store_remove_all (self->shown_marks);
  if (mark != NULL)
    g_list_store_append (self->shown_marks, mark);
}

static void
set_tool (FdCommentsPanel *self,
          FdMarkupTool     tool)
{
  if (overlay (self) != NULL)
    fd_markup_overlay_set_tool (overlay (self), tool);

  self->syncing_tool++;
  gtk_toggle_button_set_active (self->rectangle_button, tool == FD_MARKUP_TOOL_RECTANGLE);
  gtk_toggle_button_set_active (self->freehand_button, tool == FD_MARKUP_TOOL_FREEHAND);
  self->syncing_tool--;
}

static void
on_tool_toggled (FdCommentsPanel *self)
{
  if (self->syncing_tool > 0)
    return;

  if (gtk_toggle_button_get_active (self->rectangle_button))
    set_tool (self, FD_MARKUP_TOOL_RECTANGLE);
  else if (gtk_toggle_button_get_active (self->freehand_button))
    set_tool (self, FD_MARKUP_TOOL_FREEHAND);
  else
    set_tool (self, FD_MARKUP_TOOL_NONE);
}

/* A mark belongs to the comment being written: it stays on the picture
 * until the comment is added or the mark cleared. */
static void
on_shape_drawn (FdCommentsPanel *self,
                FdMarkupShape   *shape)
{
  g_set_object (&self->pending_mark, shape);
  g_clear_object (&self->selected);
  gtk_list_box_unselect_all (self->list);
  show_marks (self, shape);
  set_tool (self, FD_MARKUP_TOOL_NONE);
  update_anchor (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static void
clear_mark_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  FdCommentsPanel *self = FD_COMMENTS_PANEL (widget);

  g_clear_object (&self->pending_mark);
  show_marks (self, NULL);
  set_tool (self, FD_MARKUP_TOOL_NONE);
  update_anchor (self);
}

/*
 * Where a new comment goes
 */

static gboolean
player_has_frames (FdCommentsPanel *self)
{
  FdPlayer *player = self->player ? fd_player_view_get_player (self->player) : NULL;
  const FdMediaInfo *info = player ? fd_player_get_info (player) : NULL;

  return info != NULL && !info->is_image && fd_player_get_state (player) != FD_PLAYER_STATE_ERROR;
}

static void
current_anchor (FdCommentsPanel *self,
                FdCommentAnchor *anchor)
{
  FdPlayer *player = self->player ? fd_player_view_get_player (self->player) : NULL;

  *anchor = (FdCommentAnchor)FD_COMMENT_ANCHOR_INIT;
  anchor->mark = self->pending_mark;

  if (!player_has_frames (self))
    return;

  if (fd_player_get_loop (player) && fd_player_get_loop_in (player) >= 0 &&
      fd_player_get_loop_out (player) > fd_player_get_loop_in (player))
    {
      anchor->frame_start = fd_player_get_loop_in (player);
      anchor->frame_end = fd_player_get_loop_out (player);
    }
  else
    anchor->frame_start = anchor->frame_end = fd_player_get_frame (player);
}

static void
update_anchor (FdCommentsPanel *self)
{
  FdCommentAnchor anchor;
  g_autofree char *text = NULL;
  const char *marked;

  current_anchor (self, &anchor);
  marked = anchor.mark ? _(", with the mark drawn") : "";

  if (anchor.frame_start < 0)
    /* Translators: %s is ", with the mark drawn" or nothing */
    text = g_strdup_printf (_("On the whole version%s"), marked);
  else if (anchor.frame_end > anchor.frame_start)
    /* Translators: a range of frames (the loop), then ", with the mark drawn" or nothing */
    text = g_strdup_printf (_("On frames %lld–%lld (the loop)%s"), (long long)anchor.frame_start,
                            (long long)anchor.frame_end, marked);
  else
    /* Translators: a frame number, then ", with the mark drawn" or nothing */
    text = g_strdup_printf (_("At frame %lld%s"), (long long)anchor.frame_start, marked);

  gtk_label_set_label (self->anchor_label, text);
  gtk_widget_set_visible (self->mark_box, self->player != NULL &&
                          fd_player_get_info (fd_player_view_get_player (self->player)) != NULL);
}

/*
 * Actions
 */

typedef struct
{
  GWeakRef  panel;
  gboolean  clear;
} Change;

static Change *
change_new (FdCommentsPanel *self,
            gboolean         clear)
{
  Change *change = g_new0 (Change, 1);

  g_weak_ref_init (&change->panel, self);
  change->clear = clear;
  self->busy++;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "comments.add", FALSE);
  return change;
}

static void
on_changed (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Change *change = user_data;
  g_autoptr(FdCommentsPanel) self = g_weak_ref_get (&change->panel);
  g_autoptr(GError) error = NULL;
  gint64 id = fd_comment_change_finish (FD_WORKSPACE (source), result, &error);
  gboolean clear = change->clear;

  g_weak_ref_clear (&change->panel);
  g_free (change);

  if (self == NULL)
    return;

  self->busy--;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "comments.add", self->busy == 0);

  if (id == 0)
    {
      if (!fd_ui_error_is_cancelled (error))
        fd_ui_toast (GTK_WIDGET (self), error->message);
      return;
    }

  if (clear)
    {
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), "", 0);
      g_clear_object (&self->pending_mark);
      show_marks (self, NULL);
      update_anchor (self);
    }
}

static char *
dup_draft (FdCommentsPanel *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  FdCommentsPanel *self = FD_COMMENTS_PANEL (widget);
  g_autofree char *text = dup_draft (self);
  FdCommentAnchor anchor;

  if (self->workspace == NULL || self->version <= 0)
    return;

  if (*text == '\0')
    {
      fd_ui_toast (widget, _("Write the comment first."));
      gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
      return;
    }

  current_anchor (self, &anchor);
  fd_comment_add_async (self->workspace, self->person_id, self->asset_id, self->version, &anchor, text,
                        self->cancellable, on_changed, change_new (self, TRUE));
}

typedef struct
{
  GWeakRef panel;
  gint64   comment_id;
} Reply;

static void
reply_free (Reply *reply)
{
  g_weak_ref_clear (&reply->panel);
  g_free (reply);
}

static void
on_reply_written (const char *text,
                  gpointer    user_data)
{
  Reply *reply = user_data;
  g_autoptr(FdCommentsPanel) self = g_weak_ref_get (&reply->panel);

  if (self != NULL && self->workspace != NULL)
    fd_comment_reply_async (self->workspace, self->person_id, reply->comment_id, text,
                            self->cancellable, on_changed, change_new (self, FALSE));
}

static void
reply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  FdCommentsPanel *self = FD_COMMENTS_PANEL (widget);
  g_autoptr(FdComment) comment = find_comment (self, g_variant_get_int64 (parameter));
  g_autofree char *body = NULL;
  Reply *reply;

  if (comment == NULL)
    return;

  reply = g_new0 (Reply, 1);
  g_weak_ref_init (&reply->panel, self);
  reply->comment_id = fd_comment_get_id (comment);
  /* Translators: an author's name, then their comment */
  body = g_strdup_printf (_("%s wrote: “%s”"), fd_comment_get_author (comment), fd_comment_get_text (comment));
  fd_review_ask_text (widget, _("Reply"), body, _("_Reply"), _("Reply"),
                      on_reply_written, reply, (GDestroyNotify)reply_free);
}

static void
resolve_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FdCommentsPanel *self = FD_COMMENTS_PANEL (widget);

  if (self->workspace == NULL)
    return;

  fd_comment_set_resolved_async (self->workspace, self->person_id, g_variant_get_int64 (parameter),
                                 g_str_equal (action_name, "comments.resolve"), self->cancellable,
                                 on_changed, change_new (self, FALSE));
}

static void
seek_to (FdCommentsPanel *self,
         FdComment       *comment)
{
  g_set_object (&self->selected, comment);
  g_clear_object (&self->pending_mark);
  show_marks (self, fd_comment_get_mark (comment));

  if (self->player != NULL && fd_comment_has_frames (comment) && player_has_frames (self))
    {
      FdPlayer *player = fd_player_view_get_player (self->player);

      fd_player_pause (player);
      fd_player_view_seek_frame (self->player, fd_comment_get_frame_start (comment));
    }

  update_anchor (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static void
seek_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FdCommentsPanel *self = FD_COMMENTS_PANEL (widget);
  g_autoptr(FdComment) comment = find_comment (self, g_variant_get_int64 (parameter));

  if (comment != NULL)
    seek_to (self, comment);
}

static void
on_row_activated (FdCommentsPanel *self,
                  GtkListBoxRow   *row)
{
  if (FD_IS_COMMENT_ROW (row))
    seek_to (self, fd_comment_row_get_comment (FD_COMMENT_ROW (row)));
}

static void
on_filter_selected (FdCommentsPanel *self)
{
  fd_comments_panel_set_show_resolved (self, gtk_drop_down_get_selected (self->filter_dropdown) == 1);
}

/*
 * GObject
 */

static void
fd_comments_panel_dispose (GObject *object)
{
  FdCommentsPanel *self = (FdCommentsPanel *)object;
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  if (self->comments != NULL)
    g_signal_handlers_disconnect_by_data (self->comments, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_COMMENTS_PANEL);
  /* GTK 4.8 unparents only the children bound by name. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->player_signals);
  g_clear_object (&self->overlay_signals);
  g_clear_object (&self->player);
  g_clear_object (&self->workspace);
  g_clear_object (&self->comments);
  g_clear_object (&self->threads);
  g_clear_object (&self->pending_mark);
  g_clear_object (&self->shown_marks);
  g_clear_object (&self->selected);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (fd_comments_panel_parent_class)->dispose (object);
}

static void
fd_comments_panel_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  FdCommentsPanel *self = FD_COMMENTS_PANEL (object);

  switch (prop_id)
    {
    case PROP_SHOW_RESOLVED:
      g_value_set_boolean (value, self->show_resolved);
      break;
    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;
    case PROP_LOADED:
      g_value_set_boolean (value, fd_comments_panel_get_loaded (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_comments_panel_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  FdCommentsPanel *self = FD_COMMENTS_PANEL (object);

  switch (prop_id)
    {
    case PROP_SHOW_RESOLVED:
      fd_comments_panel_set_show_resolved (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_comments_panel_class_init (FdCommentsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_comments_panel_dispose;
  object_class->get_property = fd_comments_panel_get_property;
  object_class->set_property = fd_comments_panel_set_property;

  properties[PROP_SHOW_RESOLVED] =
    g_param_spec_boolean ("show-resolved", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The thread last activated: the player is on its frame. */
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, FD_TYPE_COMMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "fd-comments-panel");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/flightdeck/Flightdeck/media/fd-comments-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, FdCommentsPanel, count_label);
  gtk_widget_class_bind_template_child (widget_class, FdCommentsPanel, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FdCommentsPanel, list);
  gtk_widget_class_bind_template_child (widget_class, FdCommentsPanel, anchor_label);
  gtk_widget_class_bind_template_child (widget_class, FdCommentsPanel, text_view);
  gtk_widget_class_bind_template_child (widget_class, FdCommentsPanel, mark_box);
  gtk_widget_class_bind_template_child (widget_class, FdCommentsPanel, rectangle_button);
  gtk_widget_class_bind_template_child (widget_class, FdCommentsPanel, freehand_button);

  gtk_widget_class_install_action (widget_class, "comments.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "comments.clear-mark", NULL, clear_mark_action);
  gtk_widget_class_install_action (widget_class, "comments.seek", "x", seek_action);
  gtk_widget_class_install_action (widget_class, "comments.reply", "x", reply_action);
  gtk_widget_class_install_action (widget_class, "comments.resolve", "x", resolve_action);
  gtk_widget_class_install_action (widget_class, "comments.reopen", "x", resolve_action);
}

static void
fd_comments_panel_init (FdCommentsPanel *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->shown_marks = g_list_store_new (FD_TYPE_MARKUP_SHAPE);
  self->filter = gtk_custom_filter_new (filter_thread, self, NULL);
  self->threads = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->threads), create_row, self, NULL);

  placeholder = gtk_label_new (_("No open comments. Pause on a frame, write, and press Comment."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_list_box_set_placeholder (self->list, placeholder);

  self->player_signals = g_signal_group_new (FD_TYPE_PLAYER);
  g_signal_group_connect_swapped (self->player_signals, "notify::frame", G_CALLBACK (update_anchor), self);
  g_signal_group_connect_swapped (self->player_signals, "notify::loop", G_CALLBACK (update_anchor), self);
  g_signal_group_connect_swapped (self->player_signals, "notify::loop-in", G_CALLBACK (update_anchor), self);
  g_signal_group_connect_swapped (self->player_signals, "notify::loop-out", G_CALLBACK (update_anchor), self);
  g_signal_group_connect_swapped (self->player_signals, "notify::info", G_CALLBACK (update_anchor), self);
  self->overlay_signals = g_signal_group_new (FD_TYPE_MARKUP_OVERLAY);
  g_signal_group_connect_swapped (self->overlay_signals, "shape-drawn", G_CALLBACK (on_shape_drawn), self);

  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (on_row_activated), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_dropdown, "notify::selected", G_CALLBACK (on_filter_selected), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->rectangle_button, "toggled", G_CALLBACK (on_tool_toggled), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->freehand_button, "toggled", G_CALLBACK (on_tool_toggled), self,
                           G_CONNECT_SWAPPED);
  update_anchor (self);
}

/*
 * Public API
 */

GtkWidget *
fd_comments_panel_new (void)
{
  return g_object_new (FD_TYPE_COMMENTS_PANEL, NULL);
}

void
fd_comments_panel_set_workspace (FdCommentsPanel *self,
                                 FdWorkspace     *workspace)
{
  g_return_if_fail (FD_IS_COMMENTS_PANEL (self));

  if (g_set_object (&self->workspace, workspace))
    rebuild_model (self);
}

/**
 * fd_comments_panel_set_version:
 * @version: the version's number; 0 for none
 */
void
fd_comments_panel_set_version (FdCommentsPanel *self,
                               gint64           asset_id,
                               gint64           version)
{
  g_return_if_fail (FD_IS_COMMENTS_PANEL (self));

  if (self->asset_id == asset_id && self->version == version)
    return;

  self->asset_id = asset_id;
  self->version = version;
  g_clear_object (&self->pending_mark);
  show_marks (self, NULL);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), "", 0);
  rebuild_model (self);
  update_anchor (self);
}

void
fd_comments_panel_set_person_id (FdCommentsPanel *self,
                                 gint64           person_id)
{
  g_return_if_fail (FD_IS_COMMENTS_PANEL (self));
  self->person_id = person_id;
}

/**
 * fd_comments_panel_set_player:
 * @player: (nullable): the player of the version, or %NULL for a text
 *
 * Comments are anchored where @player is, and their marks drawn on it.
 */
void
fd_comments_panel_set_player (FdCommentsPanel *self,
                              FdPlayerView    *player)
{
  g_return_if_fail (FD_IS_COMMENTS_PANEL (self));

  if (self->player != NULL && overlay (self) != NULL)
    fd_markup_overlay_set_shapes (overlay (self), NULL);
  if (!g_set_object (&self->player, player))
    return;

  g_signal_group_set_target (self->player_signals, player ? fd_player_view_get_player (player) : NULL);
  g_signal_group_set_target (self->overlay_signals, overlay (self));
  if (overlay (self) != NULL)
    fd_markup_overlay_set_shapes (overlay (self), G_LIST_MODEL (self->shown_marks));
  update_anchor (self);
}

void
fd_comments_panel_set_show_resolved (FdCommentsPanel *self,
                                     gboolean         show_resolved)
{
  g_return_if_fail (FD_IS_COMMENTS_PANEL (self));

  show_resolved = !!show_resolved;
  if (self->show_resolved == show_resolved)
    return;

  self->show_resolved = show_resolved;
  gtk_drop_down_set_selected (self->filter_dropdown, show_resolved ? 1 : 0);
  gtk_filter_changed (GTK_FILTER (self->filter),
                      show_resolved ? GTK_FILTER_CHANGE_LESS_STRICT : GTK_FILTER_CHANGE_MORE_STRICT);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_RESOLVED]);
}

/**
 * fd_comments_panel_get_comments:
 *
 * Returns: (transfer none) (nullable): every comment of the version,
 *   replies included (#FdComment)
 */
GListModel *
fd_comments_panel_get_comments (FdCommentsPanel *self)
{
  g_return_val_if_fail (FD_IS_COMMENTS_PANEL (self), NULL);
  return G_LIST_MODEL (self->comments);
}

/**
 * fd_comments_panel_get_threads:
 *
 * Returns: (transfer none): the threads listed (#FdComment)
 */
GListModel *
fd_comments_panel_get_threads (FdCommentsPanel *self)
{
  g_return_val_if_fail (FD_IS_COMMENTS_PANEL (self), NULL);
  return G_LIST_MODEL (self->threads);
}

gboolean
fd_comments_panel_get_loaded (FdCommentsPanel *self)
{
  g_return_val_if_fail (FD_IS_COMMENTS_PANEL (self), FALSE);
  return self->comments != NULL && fd_query_model_get_loaded (self->comments);
}

/**
 * fd_comments_panel_get_buffer:
 *
 * Returns: (transfer none): the text of the comment being written
 */
GtkTextBuffer *
fd_comments_panel_get_buffer (FdCommentsPanel *self)
{
  g_return_val_if_fail (FD_IS_COMMENTS_PANEL (self), NULL);
  return gtk_text_view_get_buffer (self->text_view);
}

/**
 * fd_comments_panel_get_selected:
 *
 * Returns: (transfer none) (nullable): the thread last activated
 */
FdComment *
fd_comments_panel_get_selected (FdCommentsPanel *self)
{
  g_return_val_if_fail (FD_IS_COMMENTS_PANEL (self), NULL);
  return self->selected;
}
