/* fd-comment.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-comment"

#include "config.h"

#include <string.h>

#include "fd-comment-private.h"
#include "fd-timecode.h"

/* One comment on one version of an asset, as the list beside the player
 * shows it. Frames are exact; the times and the timecode are computed from
 * the version's probed frame rate. A reply shows its thread's resolution.
 * FdCommentList updates these objects in place (properties notify). */

struct _FdComment
{
  GObject        parent_instance;

  FdCommentData  data;
  char          *timecode;
};

G_DEFINE_FINAL_TYPE (FdComment, fd_comment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ASSET_ID,
  PROP_VERSION,
  PROP_PARENT_ID,
  PROP_PERSON_ID,
  PROP_AUTHOR,
  PROP_TEXT,
  PROP_CREATED,
  PROP_EDITED,
  PROP_HAS_FRAMES,
  PROP_FRAME_START,
  PROP_FRAME_END,
  PROP_TIME_START,
  PROP_TIME_END,
  PROP_TIMECODE,
  PROP_TEXT_START,
  PROP_TEXT_END,
  PROP_MARK,
  PROP_RESOLVED,
  PROP_RESOLVED_BY,
  PROP_RESOLVED_BY_NAME,
  PROP_RESOLVED_AT,
  PROP_N_REPLIES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_fd_comment_data_clear (FdCommentData *data)
{
  g_clear_pointer (&data->author, g_free);
  g_clear_pointer (&data->text, g_free);
  g_clear_pointer (&data->resolved_by_name, g_free);
  g_clear_object (&data->mark);
}

static char *
make_timecode (const FdCommentData *data)
{
  double fps;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  if (data->frame_start < 0 || data->fps_n <= 0 || data->fps_d <= 0)
    return NULL;

  fps = (double)data->fps_n / data->fps_d;
  start = fd_timecode_format (fps, data->frame_start);
  if (data->frame_end == data->frame_start)
    return g_steal_pointer (&start);

  end = fd_timecode_format (fps, data->frame_end);
  return g_strconcat (start, "–", end, NULL);
}

FdComment *
_fd_comment_new (FdCommentData *data)
{
  FdComment *self = g_object_new (FD_TYPE_COMMENT, NULL);

  self->data = *data;
  memset (data, 0, sizeof *data);
  self->timecode = make_timecode (&self->data);

  return self;
}

static void
notify_if (FdComment *self,
           gboolean   changed,
           guint      prop)
{
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/* What changes on a comment: its text (edited by its author), its
 * resolution and its replies. The rest is fixed by the schema. */
void
_fd_comment_update_from (FdComment *self,
                         FdComment *fresh)
{
  FdCommentData *mine = &self->data;
  FdCommentData *theirs = &fresh->data;
  gboolean text = g_strcmp0 (mine->text, theirs->text) != 0;
  gboolean edited = mine->edited_us != theirs->edited_us;
  gboolean resolved = (mine->resolved_us != 0) != (theirs->resolved_us != 0);
  gboolean by = mine->resolved_by != theirs->resolved_by;
  gboolean at = mine->resolved_us != theirs->resolved_us;
  gboolean replies = mine->n_replies != theirs->n_replies;

  g_object_freeze_notify (G_OBJECT (self));

  g_free (mine->text);
  mine->text = g_strdup (theirs->text);
  mine->edited_us = theirs->edited_us;
  mine->resolved_by = theirs->resolved_by;
  g_free (mine->resolved_by_name);
  mine->resolved_by_name = g_strdup (theirs->resolved_by_name);
  mine->resolved_us = theirs->resolved_us;
  mine->n_replies = theirs->n_replies;

  notify_if (self, text, PROP_TEXT);
  notify_if (self, edited, PROP_EDITED);
  notify_if (self, resolved, PROP_RESOLVED);
  notify_if (self, by, PROP_RESOLVED_BY);
  notify_if (self, by, PROP_RESOLVED_BY_NAME);
  notify_if (self, at, PROP_RESOLVED_AT);
  notify_if (self, replies, PROP_N_REPLIES);

  g_object_thaw_notify (G_OBJECT (self));
}

static void
fd_comment_finalize (GObject *object)
{
  FdComment *self = (FdComment *)object;

  _fd_comment_data_clear (&self->data);
  g_free (self->timecode);

  G_OBJECT_CLASS (fd_comment_parent_class)->finalize (object);
}

static void
fd_comment_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  FdComment *self = FD_COMMENT (object);
  FdCommentData *data = &self->data;

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, data->id);
      break;
    case PROP_ASSET_ID:
      g_value_set_int64 (value, data->asset_id);
      break;
    case PROP_VERSION:
      g_value_set_int64 (value, data->version);
      break;
    case PROP_PARENT_ID:
      g_value_set_int64 (value, data->parent_id);
      break;
    case PROP_PERSON_ID:
      g_value_set_int64 (value, data->person_id);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, data->author);
      break;
    case PROP_TEXT:
      g_value_set_string (value, data->text);
      break;
    case PROP_CREATED:
      g_value_set_int64 (value, data->created_us);
      break;
    case PROP_EDITED:
      g_value_set_int64 (value, data->edited_us);
      break;
    case PROP_HAS_FRAMES:
      g_value_set_boolean (value, fd_comment_has_frames (self));
      break;
    case PROP_FRAME_START:
      g_value_set_int64 (value, data->frame_start);
      break;
    case PROP_FRAME_END:
      g_value_set_int64 (value, data->frame_end);
      break;
    case PROP_TIME_START:
      g_value_set_int64 (value, fd_comment_get_time_start (self));
      break;
    case PROP_TIME_END:
      g_value_set_int64 (value, fd_comment_get_time_end (self));
      break;
    case PROP_TIMECODE:
      g_value_set_string (value, self->timecode);
      break;
    case PROP_TEXT_START:
      g_value_set_int64 (value, data->text_start);
      break;
    case PROP_TEXT_END:
      g_value_set_int64 (value, data->text_end);
      break;
    case PROP_MARK:
      g_value_set_object (value, data->mark);
      break;
    case PROP_RESOLVED:
      g_value_set_boolean (value, data->resolved_us != 0);
      break;
    case PROP_RESOLVED_BY:
      g_value_set_int64 (value, data->resolved_by);
      break;
    case PROP_RESOLVED_BY_NAME:
      g_value_set_string (value, data->resolved_by_name);
      break;
    case PROP_RESOLVED_AT:
      g_value_set_int64 (value, data->resolved_us);
      break;
    case PROP_N_REPLIES:
      g_value_set_uint (value, data->n_replies);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
int64_property (const char *name,
                gint64      minimum)
{
  return g_param_spec_int64 (name, NULL, NULL, minimum, G_MAXINT64, minimum,
                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
fd_comment_class_init (FdCommentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = fd_comment_finalize;
  object_class->get_property = fd_comment_get_property;

  properties[PROP_ID] = int64_property ("id", 0);
  properties[PROP_ASSET_ID] = int64_property ("asset-id", 0);
  properties[PROP_VERSION] = int64_property ("version", 0);
  /* 0 for the first comment of a thread. */
  properties[PROP_PARENT_ID] = int64_property ("parent-id", 0);
  properties[PROP_PERSON_ID] = int64_property ("person-id", 0);
  properties[PROP_AUTHOR] = g_param_spec_string ("author", NULL, NULL, NULL, ro);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, ro);
  properties[PROP_CREATED] = int64_property ("created", 0);
  /* 0 when never edited. */
  properties[PROP_EDITED] = int64_property ("edited", 0);
  properties[PROP_HAS_FRAMES] = g_param_spec_boolean ("has-frames", NULL, NULL, FALSE, ro);
  /* Frames from 0, inclusive; -1 for a comment on the whole version. */
  properties[PROP_FRAME_START] = int64_property ("frame-start", -1);
  properties[PROP_FRAME_END] = int64_property ("frame-end", -1);
  /* Microseconds: the first whole µs of the first frame, and the end of
   * the last frame; -1 without frames. */
  properties[PROP_TIME_START] = int64_property ("time-start", -1);
  properties[PROP_TIME_END] = int64_property ("time-end", -1);
  /* "HH:MM:SS:FF" or "HH:MM:SS:FF–HH:MM:SS:FF"; NULL without frames. */
  properties[PROP_TIMECODE] = g_param_spec_string ("timecode", NULL, NULL, NULL, ro);
  /* Text versions: characters [text-start, text-end), or -1. */
  properties[PROP_TEXT_START] = int64_property ("text-start", -1);
  properties[PROP_TEXT_END] = int64_property ("text-end", -1);
  properties[PROP_MARK] = g_param_spec_object ("mark", NULL, NULL, FD_TYPE_MARKUP_SHAPE, ro);
  properties[PROP_RESOLVED] = g_param_spec_boolean ("resolved", NULL, NULL, FALSE, ro);
  properties[PROP_RESOLVED_BY] = int64_property ("resolved-by", 0);
  properties[PROP_RESOLVED_BY_NAME] = g_param_spec_string ("resolved-by-name", NULL, NULL, NULL, ro);
  properties[PROP_RESOLVED_AT] = int64_property ("resolved-at", 0);
  properties[PROP_N_REPLIES] = g_param_spec_uint ("n-replies", NULL, NULL, 0, G_MAXUINT, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fd_comment_init (FdComment *self)
{
  self->data.frame_start = self->data.frame_end = -1;
  self->data.text_start = self->data.text_end = -1;
}

gint64
fd_comment_get_id (FdComment *self)
{
  g_return_val_if_fail (FD_IS_COMMENT (self), 0);
  return self->data.id;
}

gint64
fd_comment_get_asset_id (FdComment *self)
{
  g_return_val_if_fail (FD_IS_COMMENT (self), 0);
  return self->data.asset_id;
}

gint64
fd_comment_get_version (FdComment *self)
{
  g_return_val_if_fail (FD_IS_COMMENT (self), 0);
  return self->data.version;
}

/**
 * fd_comment_get_parent_id:
 *
 * Returns: the first comment of the thread this one replies to, or 0 for
 *   the first comment of a thread
 */
gint64
fd_comment_get_parent_id (FdComment *self)
{
  g_return_val_if_fail (FD_IS_COMMENT (self), 0);
  return self->data.parent_id;
}

/**
 * fd_comment_get_thread_id:
 *
 * Returns: the id of the thread's first comment (this one's own id when
 *   it is that comment): what resolve and reopen act on
 */
gint64
fd_comment_get_thread_id (FdComment *self)
{
  g_return_val_if_fail (FD_IS_COMMENT (self), 0);
  return self->data.parent_id ? self->data.parent_id : self->data.id;
}

gboolean
fd_comment_is_reply (FdComment *self)
{
  g_return_val_if_fail (FD_IS_COMMENT (self), FALSE);
  return self->data.parent_id != 0;
}

gint64
fd_comment_get_person_id (FdComment *self)
{
  g_return_val_if_fail (FD_IS_COMMENT (self), 0);
  return self->data.person_id;
}

const char *
fd_comment_get_author (FdComment *self)
{
  g_return_val_if_fail (FD_IS_COMMENT (self), NULL);
  return self->data.author;
}

const char *
fd_comment_get_text (FdComment *self)
{
  g_return_val_if_fail (FD_IS_COMMENT (self), NULL);
  return self->data.text;
}

gint64
fd_comment_get_created (FdComment *self)
{
  g_return_val_if_fail (FD_IS_COMMENT (self), 0);
  return self->data.created_us;
}

gint64
fd_comment_get_edited (FdComment *self)
{
  g_return_val_if_fail (FD_IS_COMMENT (self), 0);
  return self->data.edited_us;
}

gboolean
fd_comment_has_frames (FdComment *self)
{
  g_return_val_if_fail (FD_IS_COMMENT (self), FALSE);
  return self->data.frame_start >= 0;
}

gint64
fd_comment_get_frame_start (FdComment *self)
{
  g_return_val_if_fail (FD_IS_COMMENT (self), -1);
  return self->data.frame_start;
}

gint64
fd_comment_get_frame_end (FdComment *self)
{
  g_return_val_if_fail (FD_IS_COMMENT (self), -1);
  return self->data.frame_end;
}

/**
 * fd_comment_get_time_start:
 *
 * Returns: the first whole microsecond of the first frame (seeking there
 *   shows exactly that frame), or -1 without frames or a frame rate
 */
gint64
fd_comment_get_time_start (FdComment *self)
{
  g_return_val_if_fail (FD_IS_COMMENT (self), -1);

  if (self->data.frame_start < 0)
    return -1;
  return fd_timecode_frame_time_us (self->data.fps_n, self->data.fps_d, self->data.frame_start);
}

/**
 * fd_comment_get_time_end:
 *
 * Returns: where the last frame ends (the next frame's first microsecond),
 *   or -1 without frames or a frame rate
 */
gint64
fd_comment_get_time_end (FdComment *self)
{
  g_return_val_if_fail (FD_IS_COMMENT (self), -1);

  if (self->data.frame_end < 0)
    return -1;
  return fd_timecode_frame_time_us (self->data.fps_n, self->data.fps_d, self->data.frame_end + 1);
}

/**
 * fd_comment_get_timecode:
 *
 * Returns: (nullable): "00:00:04:12", or "00:00:04:12–00:00:05:03" for a
 *   range, at the version's nominal frame rate
 */
const char *
fd_comment_get_timecode (FdComment *self)
{
  g_return_val_if_fail (FD_IS_COMMENT (self), NULL);
  return self->timecode;
}

gint64
fd_comment_get_text_start (FdComment *self)
{
  g_return_val_if_fail (FD_IS_COMMENT (self), -1);
  return self->data.text_start;
}

gint64
fd_comment_get_text_end (FdComment *self)
{
  g_return_val_if_fail (FD_IS_COMMENT (self), -1);
  return self->data.text_end;
}

/**
 * fd_comment_get_mark:
 *
 * Returns: (transfer none) (nullable): the mark drawn on the frame
 */
FdMarkupShape *
fd_comment_get_mark (FdComment *self)
{
  g_return_val_if_fail (FD_IS_COMMENT (self), NULL);
  return self->data.mark;
}

gboolean
fd_comment_get_resolved (FdComment *self)
{
  g_return_val_if_fail (FD_IS_COMMENT (self), FALSE);
  return self->data.resolved_us != 0;
}

gint64
fd_comment_get_resolved_by (FdComment *self)
{
  g_return_val_if_fail (FD_IS_COMMENT (self), 0);
  return self->data.resolved_by;
}

const char *
fd_comment_get_resolved_by_name (FdComment *self)
{
  g_return_val_if_fail (FD_IS_COMMENT (self), NULL);
  return self->data.resolved_by_name;
}

gint64
fd_comment_get_resolved_at (FdComment *self)
{
  g_return_val_if_fail (FD_IS_COMMENT (self), 0);
  return self->data.resolved_us;
}

/**
 * fd_comment_get_n_replies:
 *
 * Returns: how many replies the thread has (0 on a reply)
 */
guint
fd_comment_get_n_replies (FdComment *self)
{
  g_return_val_if_fail (FD_IS_COMMENT (self), 0);
  return self->data.n_replies;
}
