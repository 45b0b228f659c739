/* fd-comment-row.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-comment-row"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-board-format.h"
#include "fd-comment-row.h"

/* One thread of the comments panel: who wrote it, where (timecode), what,
 * its replies under it, and whether it is resolved. Activating the row
 * seeks the player to the comment's frame; the buttons name the panel's
 * "comments.*" actions with the thread's id, so the row holds no logic. */

struct _FdCommentRow
{
  GtkListBoxRow  parent_instance;

  FdComment     *comment;

  GtkLabel      *author_label;
  GtkWidget     *mark_icon;
  GtkWidget     *resolved_label;
  GtkLabel      *timecode_label;
  GtkLabel      *text_label;
  GtkBox        *replies_box;
  GtkLabel      *meta_label;
  GtkWidget     *reply_button;
  GtkWidget     *resolve_button;
};

G_DEFINE_FINAL_TYPE (FdCommentRow, fd_comment_row, GTK_TYPE_LIST_BOX_ROW)

static char *
describe_place (FdComment *comment)
{
  gint64 start = fd_comment_get_frame_start (comment);
  gint64 end = fd_comment_get_frame_end (comment);

  if (!fd_comment_has_frames (comment))
    return g_strdup (_("Whole version"));

  if (end > start)
    /* Translators: a range of frames: its timecode, then frame numbers */
    return g_strdup_printf (_("%s · frames %lld–%lld"), fd_comment_get_timecode (comment),
                            (long long)start, (long long)end);

  /* Translators: where a comment is: a timecode, then a frame number */
  return g_strdup_printf (_("%s · frame %lld"), fd_comment_get_timecode (comment), (long long)start);
}

static GtkWidget *
reply_label (FdComment *reply)
{
  g_autofree char *markup = NULL;
  GtkWidget *label;

  markup = g_markup_printf_escaped ("<b>%s</b>  %s", fd_comment_get_author (reply),
                                    fd_comment_get_text (reply));
  label = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  return label;
}

static void
fill (FdCommentRow *self,
      GPtrArray    *replies)
{
  FdComment *comment = self->comment;
  gboolean resolved = fd_comment_get_resolved (comment);
  guint n_replies = fd_comment_get_n_replies (comment);
  g_autofree char *place = describe_place (comment);
  g_autofree char *when = fd_board_format_time (fd_comment_get_created (comment));
  g_autofree char *meta = NULL;
  GVariant *target = g_variant_new_int64 (fd_comment_get_id (comment));

  gtk_label_set_label (self->author_label, fd_comment_get_author (comment));
  gtk_label_set_label (self->timecode_label, place);
  gtk_label_set_label (self->text_label, fd_comment_get_text (comment));
  gtk_widget_set_visible (self->mark_icon, fd_comment_get_mark (comment) != NULL);
  gtk_widget_set_visible (self->resolved_label, resolved);

  if (n_replies > 0)
    /* Translators: when a comment was written, then how many replies it has */
    meta = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u reply", "%s · %u replies", n_replies),
                            when, n_replies);
  gtk_label_set_label (self->meta_label, meta ? meta : when);

  for (guint i = 0; replies != NULL && i < replies->len; i++)
    gtk_box_append (self->replies_box, reply_label (g_ptr_array_index (replies, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->replies_box), replies != NULL && replies->len > 0);

  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->reply_button), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->resolve_button),
                                  resolved ? "comments.reopen" : "comments.resolve");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->resolve_button), target);
  gtk_button_set_label (GTK_BUTTON (self->resolve_button), resolved ? _("Re_open") : _("Re_solve"));

  if (resolved)
    gtk_widget_add_css_class (GTK_WIDGET (self), "dim-label");
}

static void
fd_comment_row_dispose (GObject *object)
{
  FdCommentRow *self = (FdCommentRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_COMMENT_ROW);
  g_clear_object (&self->comment);

  G_OBJECT_CLASS (fd_comment_row_parent_class)->dispose (object);
}

static void
fd_comment_row_class_init (FdCommentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_comment_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/flightdeck/Flightdeck/media/fd-comment-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FdCommentRow, author_label);
  gtk_widget_class_bind_template_child (widget_class, FdCommentRow, mark_icon);
  gtk_widget_class_bind_template_child (widget_class, FdCommentRow, resolved_label);
  gtk_widget_class_bind_template_child (widget_class, FdCommentRow, timecode_label);
  gtk_widget_class_bind_template_child (widget_class, FdCommentRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, FdCommentRow, replies_box);
  gtk_widget_class_bind_template_child (widget_class, FdCommentRow, meta_label);
  gtk_widget_class_bind_template_child (widget_class, FdCommentRow, reply_button);
  gtk_widget_class_bind_template_child (widget_class, FdCommentRow, resolve_button);
}

static void
fd_comment_row_init (FdCommentRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * fd_comment_row_new:
 * @thread: the first comment of a thread
 * @replies: (nullable) (element-type FdComment): its replies, oldest first
 */
GtkWidget *
fd_comment_row_new (FdComment *thread,
                    GPtrArray *replies)
{
  FdCommentRow *self;

  g_return_val_if_fail (FD_IS_COMMENT (thread), NULL);

  self = g_object_new (FD_TYPE_COMMENT_ROW, NULL);
  self->comment = g_object_ref (thread);
  fill (self, replies);
  return GTK_WIDGET (self);
}

/**
 * fd_comment_row_get_comment:
 *
 * Returns: (transfer none): the thread's first comment
 */
FdComment *
fd_comment_row_get_comment (FdCommentRow *self)
{
  g_return_val_if_fail (FD_IS_COMMENT_ROW (self), NULL);
  return self->comment;
}
