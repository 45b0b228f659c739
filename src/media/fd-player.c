/* fd-player.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-player"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-media.h"
#include "fd-player-private.h"

/* FdPlayer: the review player's engine, without GTK.
 *
 * GStreamer runs on a thread of the player's own, with its own
 * GMainContext (Clapper's threaded-object pattern). Public methods never
 * touch the pipeline: they post a request to that thread and return. The
 * thread publishes what changed (state, frame, errors) into a snapshot
 * under a lock and schedules one idle on the owner's context, which turns
 * the differences into property notifications: widgets bind to "frame" or
 * "state" as to any GObject, and the main loop never waits on the
 * pipeline. Frames themselves go to the frame function, on the streaming
 * thread, for a paintable to turn into textures.
 *
 * The engine (fd-player-engine.c) explains seeking, stepping and looping. */

G_DEFINE_FINAL_TYPE (FdPlayer, fd_player, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  PROP_ERROR,
  PROP_INFO,
  PROP_PATH,
  PROP_FRAME,
  PROP_POSITION,
  PROP_DURATION,
  PROP_N_FRAMES,
  PROP_FPS,
  PROP_SEEKING,
  PROP_AT_END,
  PROP_TIMECODE,
  PROP_RATE,
  PROP_VOLUME,
  PROP_MUTED,
  PROP_LOOP,
  PROP_LOOP_IN,
  PROP_LOOP_OUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_fd_player_snapshot_clear (FdPlayerSnapshot *snapshot)
{
  g_clear_error (&snapshot->error);
  g_clear_pointer (&snapshot->info, fd_media_info_free);
}

static void
request_free (gpointer data)
{
  FdPlayerRequest *request = data;

  g_free (request->s);
  g_free (request);
}

static gboolean
request_dispatch (gpointer data)
{
  _fd_player_engine_handle (data);
  return G_SOURCE_REMOVE;
}

/* Requests run in order on the player thread. They carry no reference:
 * dispose joins the thread after the last one ran. */
static void
post (FdPlayer    *self,
      RequestKind  kind,
      gint64       i1,
      gint64       i2,
      double       d,
      const char  *s)
{
  FdPlayerRequest *request = g_new0 (FdPlayerRequest, 1);

  request->player = self;
  request->kind = kind;
  request->i1 = i1;
  request->i2 = i2;
  request->d = d;
  request->s = g_strdup (s);

  g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, request_dispatch,
                              request, request_free);
}

static gpointer
thread_main (gpointer data)
{
  FdPlayer *self = data;

  g_main_context_push_thread_default (self->context);
  g_main_loop_run (self->main_loop);
  _fd_player_engine_teardown (self);
  g_main_context_pop_thread_default (self->context);

  return NULL;
}

/* On the owner's context: apply the snapshot, notify what changed. */
static gboolean
apply_snapshot (gpointer data)
{
  FdPlayer *self = data;
  FdPlayerSnapshot next = { 0 };
  FdPlayerSnapshot *shown = &self->shown;
  gboolean error_changed, info_changed, frame_changed;

  g_mutex_lock (&self->lock);
  next = self->snapshot;
  next.error = self->snapshot.error ? g_error_copy (self->snapshot.error) : NULL;
  next.info = self->snapshot.info ? fd_media_info_copy (self->snapshot.info) : NULL;
  g_clear_pointer (&self->notify_source, g_source_unref);
  g_mutex_unlock (&self->lock);

  g_object_freeze_notify (G_OBJECT (self));

  error_changed = (shown->error == NULL) != (next.error == NULL) ||
                  (shown->error && g_strcmp0 (shown->error->message, next.error->message) != 0);
  info_changed = (shown->info == NULL) != (next.info == NULL);
  frame_changed = shown->frame != next.frame;

  g_clear_error (&shown->error);
  shown->error = g_steal_pointer (&next.error);
  g_clear_pointer (&shown->info, fd_media_info_free);
  shown->info = g_steal_pointer (&next.info);

  if (error_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
  if (info_changed)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INFO]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FRAMES]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FPS]);
    }
  if (frame_changed)
    {
      shown->frame = next.frame;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRAME]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMECODE]);
    }
  if (shown->position != next.position)
    {
      shown->position = next.position;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
    }
  if (shown->seeking != next.seeking)
    {
      shown->seeking = next.seeking;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEEKING]);
    }
  if (shown->at_end != next.at_end)
    {
      shown->at_end = next.at_end;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AT_END]);
    }
  /* State last: a handler of "state" sees the frame and error that go
   * with it. */
  if (shown->state != next.state)
    {
      shown->state = next.state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }

  g_object_thaw_notify (G_OBJECT (self));

  return G_SOURCE_REMOVE;
}

/* Called with the lock held, from any thread: at most one idle is
 * pending, however many frames arrive before the owner's loop runs. */
void
_fd_player_publish (FdPlayer *self)
{
  if (self->notify_source != NULL)
    return;

  self->notify_source = g_idle_source_new ();
  g_source_set_priority (self->notify_source, G_PRIORITY_DEFAULT);
  g_source_set_callback (self->notify_source, apply_snapshot, self, NULL);
  g_source_attach (self->notify_source, self->owner_context);
}

static void
fd_player_dispose (GObject *object)
{
  FdPlayer *self = (FdPlayer *)object;

  if (self->thread != NULL)
    {
      post (self, REQUEST_QUIT, 0, 0, 0, NULL);
      g_thread_join (g_steal_pointer (&self->thread));
    }

  g_mutex_lock (&self->lock);
  if (self->notify_source != NULL)
    {
      g_source_destroy (self->notify_source);
      g_clear_pointer (&self->notify_source, g_source_unref);
    }
  g_clear_pointer (&self->last_sample, gst_sample_unref);
  g_mutex_unlock (&self->lock);

  fd_player_set_frame_func (self, NULL, NULL, NULL);

  G_OBJECT_CLASS (fd_player_parent_class)->dispose (object);
}

static void
fd_player_finalize (GObject *object)
{
  FdPlayer *self = (FdPlayer *)object;

  _fd_player_snapshot_clear (&self->snapshot);
  _fd_player_snapshot_clear (&self->shown);
  g_clear_pointer (&self->main_loop, g_main_loop_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->owner_context, g_main_context_unref);
  g_clear_object (&self->sync_clock);
  g_free (self->path);
  g_free (self->engine_path);
  g_mutex_clear (&self->lock);
  g_mutex_clear (&self->frame_lock);

  G_OBJECT_CLASS (fd_player_parent_class)->finalize (object);
}

static void
fd_player_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  FdPlayer *self = FD_PLAYER (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_int (value, self->shown.state);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->shown.error);
      break;
    case PROP_INFO:
      g_value_set_boxed (value, self->shown.info);
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_FRAME:
      g_value_set_int64 (value, self->shown.frame);
      break;
    case PROP_POSITION:
      g_value_set_int64 (value, self->shown.position);
      break;
    case PROP_DURATION:
      g_value_set_int64 (value, fd_player_get_duration (self));
      break;
    case PROP_N_FRAMES:
      g_value_set_int64 (value, fd_player_get_n_frames (self));
      break;
    case PROP_FPS:
      g_value_set_double (value, fd_player_get_fps (self));
      break;
    case PROP_SEEKING:
      g_value_set_boolean (value, self->shown.seeking);
      break;
    case PROP_AT_END:
      g_value_set_boolean (value, self->shown.at_end);
      break;
    case PROP_TIMECODE:
      g_value_take_string (value, fd_player_dup_timecode (self));
      break;
    case PROP_RATE:
      g_value_set_double (value, self->rate);
      break;
    case PROP_VOLUME:
      g_value_set_double (value, self->volume);
      break;
    case PROP_MUTED:
      g_value_set_boolean (value, self->muted);
      break;
    case PROP_LOOP:
      g_value_set_boolean (value, self->loop);
      break;
    case PROP_LOOP_IN:
      g_value_set_int64 (value, self->loop_in);
      break;
    case PROP_LOOP_OUT:
      g_value_set_int64 (value, self->loop_out);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_player_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  FdPlayer *self = FD_PLAYER (object);

  switch (prop_id)
    {
    case PROP_RATE:
      fd_player_set_rate (self, g_value_get_double (value));
      break;
    case PROP_VOLUME:
      fd_player_set_volume (self, g_value_get_double (value));
      break;
    case PROP_MUTED:
      fd_player_set_muted (self, g_value_get_boolean (value));
      break;
    case PROP_LOOP:
      fd_player_set_loop (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_player_class_init (FdPlayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = fd_player_dispose;
  object_class->finalize = fd_player_finalize;
  object_class->get_property = fd_player_get_property;
  object_class->set_property = fd_player_set_property;

  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, FD_PLAYER_STATE_EMPTY, FD_PLAYER_STATE_ERROR,
                      FD_PLAYER_STATE_EMPTY, ro);
  properties[PROP_ERROR] = g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR, ro);
  properties[PROP_INFO] = g_param_spec_boxed ("info", NULL, NULL, FD_TYPE_MEDIA_INFO, ro);
  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, ro);
  properties[PROP_FRAME] = g_param_spec_int64 ("frame", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_POSITION] = g_param_spec_int64 ("position", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_DURATION] = g_param_spec_int64 ("duration", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_N_FRAMES] = g_param_spec_int64 ("n-frames", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_FPS] = g_param_spec_double ("fps", NULL, NULL, 0, G_MAXDOUBLE, 0, ro);
  properties[PROP_SEEKING] = g_param_spec_boolean ("seeking", NULL, NULL, FALSE, ro);
  properties[PROP_AT_END] = g_param_spec_boolean ("at-end", NULL, NULL, FALSE, ro);
  properties[PROP_TIMECODE] = g_param_spec_string ("timecode", NULL, NULL, NULL, ro);
  properties[PROP_RATE] =
    g_param_spec_double ("rate", NULL, NULL, -FD_PLAYER_MAX_RATE, FD_PLAYER_MAX_RATE, 1.0, rw);
  properties[PROP_VOLUME] = g_param_spec_double ("volume", NULL, NULL, 0, 1, 1, rw);
  properties[PROP_MUTED] = g_param_spec_boolean ("muted", NULL, NULL, FALSE, rw);
  properties[PROP_LOOP] = g_param_spec_boolean ("loop", NULL, NULL, FALSE, rw);
  properties[PROP_LOOP_IN] = g_param_spec_int64 ("loop-in", NULL, NULL, -1, G_MAXINT64, -1, ro);
  properties[PROP_LOOP_OUT] = g_param_spec_int64 ("loop-out", NULL, NULL, -1, G_MAXINT64, -1, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fd_player_init (FdPlayer *self)
{
  g_mutex_init (&self->lock);
  g_mutex_init (&self->frame_lock);
  self->owner_context = g_main_context_ref_thread_default ();
  self->context = g_main_context_new ();
  self->main_loop = g_main_loop_new (self->context, FALSE);
  self->rate = 1.0;
  self->volume = 1.0;
  self->loop_in = -1;
  self->loop_out = -1;
  self->engine_rate = 1.0;
  self->engine_volume = 1.0;
  self->engine_loop_in = -1;
  self->engine_loop_out = -1;
  self->pending_seek = -1;
  self->clock_sync = TRUE;
  self->last_frame = -1;
  self->last_pts = GST_CLOCK_TIME_NONE;
  self->thread = g_thread_new ("fd-player", thread_main, self);
}

/**
 * fd_player_new:
 *
 * Creates a player; its notifications arrive on the thread-default main
 * context of the caller.
 */
FdPlayer *
fd_player_new (void)
{
  return g_object_new (FD_TYPE_PLAYER, NULL);
}

/**
 * fd_player_set_frame_func:
 *
 * Sets where frames go (one function; a paintable). See FdPlayerFrameFunc.
 */
void
fd_player_set_frame_func (FdPlayer          *self,
                          FdPlayerFrameFunc  func,
                          gpointer           user_data,
                          GDestroyNotify     destroy)
{
  GDestroyNotify old_destroy;
  gpointer old_data;

  g_return_if_fail (FD_IS_PLAYER (self));

  g_mutex_lock (&self->frame_lock);
  old_destroy = self->frame_destroy;
  old_data = self->frame_data;
  self->frame_func = func;
  self->frame_data = user_data;
  self->frame_destroy = destroy;
  g_mutex_unlock (&self->frame_lock);

  if (old_destroy != NULL)
    old_destroy (old_data);
}

/**
 * fd_player_set_clock_sync:
 * @clock_sync: %FALSE to show frames as fast as they decode
 *
 * Only benchmarks turn this off. Takes effect at the next open.
 */
void
fd_player_set_clock_sync (FdPlayer *self,
                          gboolean  clock_sync)
{
  g_return_if_fail (FD_IS_PLAYER (self));
  g_return_if_fail (self->shown.state == FD_PLAYER_STATE_EMPTY);

  self->clock_sync = clock_sync;
}

/**
 * fd_player_set_output_size:
 * @width: frame width, or 0 for the file's display size
 * @height: frame height, or 0
 *
 * Scales every frame to this size (compare uses it to bring B to A's
 * size). Takes effect at the next open.
 */
void
fd_player_set_output_size (FdPlayer *self,
                           int       width,
                           int       height)
{
  g_return_if_fail (FD_IS_PLAYER (self));

  self->out_width = MAX (0, width);
  self->out_height = MAX (0, height);
}

/**
 * fd_player_open:
 * @path: a local file
 *
 * Probes @path and shows its first frame (state LOADING, then PAUSED), or
 * goes to ERROR with a message that says what is wrong with the file.
 */
void
fd_player_open (FdPlayer   *self,
                const char *path)
{
  g_return_if_fail (FD_IS_PLAYER (self));
  g_return_if_fail (path != NULL);

  g_free (self->path);
  self->path = g_strdup (path);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);

  post (self, REQUEST_OPEN, 0, 0, 0, path);
}

void
fd_player_close (FdPlayer *self)
{
  g_return_if_fail (FD_IS_PLAYER (self));

  g_clear_pointer (&self->path, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
  post (self, REQUEST_CLOSE, 0, 0, 0, NULL);
}

void
fd_player_play (FdPlayer *self)
{
  g_return_if_fail (FD_IS_PLAYER (self));
  post (self, REQUEST_PLAY, 0, 0, 0, NULL);
}

void
fd_player_pause (FdPlayer *self)
{
  g_return_if_fail (FD_IS_PLAYER (self));
  post (self, REQUEST_PAUSE, 0, 0, 0, NULL);
}

void
fd_player_toggle (FdPlayer *self)
{
  g_return_if_fail (FD_IS_PLAYER (self));

  if (self->shown.state == FD_PLAYER_STATE_PLAYING)
    fd_player_pause (self);
  else
    fd_player_play (self);
}

/**
 * fd_player_seek_frame:
 * @frame: a frame number, from 0 (clamped to the file)
 *
 * Shows exactly @frame: the frame whose number is painted in it, not a
 * keyframe nearby. While playing, playback goes on from there. Seeks
 * that arrive while one is under way are merged: only the last one runs.
 */
void
fd_player_seek_frame (FdPlayer *self,
                      gint64    frame)
{
  g_return_if_fail (FD_IS_PLAYER (self));
  post (self, REQUEST_SEEK_FRAME, MAX (frame, 0), 0, 0, NULL);
}

/**
 * fd_player_seek:
 * @position_us: a time from the start
 *
 * Shows the frame on screen at @position_us (a comment's time).
 */
void
fd_player_seek (FdPlayer *self,
                gint64    position_us)
{
  double fps;

  g_return_if_fail (FD_IS_PLAYER (self));

  fps = fd_player_get_fps (self);
  fd_player_seek_frame (self, fps > 0 ? (gint64)((double)MAX (position_us, 0) * fps / G_USEC_PER_SEC + 1e-6) : 0);
}

/**
 * fd_player_step:
 * @frames: how many frames forward (negative: back)
 *
 * Pauses and shows the frame @frames away from the one shown.
 */
void
fd_player_step (FdPlayer *self,
                int       frames)
{
  g_return_if_fail (FD_IS_PLAYER (self));
  post (self, REQUEST_STEP, frames, 0, 0, NULL);
}

/**
 * fd_player_set_rate:
 * @rate: 0.25 to 2 (negative plays backwards, as J does)
 */
void
fd_player_set_rate (FdPlayer *self,
                    double    rate)
{
  g_return_if_fail (FD_IS_PLAYER (self));

  if (rate >= 0)
    rate = CLAMP (rate, FD_PLAYER_MIN_RATE, FD_PLAYER_MAX_RATE);
  else
    rate = CLAMP (rate, -FD_PLAYER_MAX_RATE, -FD_PLAYER_MIN_RATE);

  if (rate == self->rate)
    return;

  self->rate = rate;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RATE]);
  post (self, REQUEST_RATE, 0, 0, rate, NULL);
}

void
fd_player_set_volume (FdPlayer *self,
                      double    volume)
{
  g_return_if_fail (FD_IS_PLAYER (self));

  volume = CLAMP (volume, 0.0, 1.0);
  if (volume == self->volume)
    return;

  self->volume = volume;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VOLUME]);
  post (self, REQUEST_VOLUME, 0, 0, volume, NULL);
}

void
fd_player_set_muted (FdPlayer *self,
                     gboolean  muted)
{
  g_return_if_fail (FD_IS_PLAYER (self));

  muted = !!muted;
  if (muted == self->muted)
    return;

  self->muted = muted;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MUTED]);
  post (self, REQUEST_MUTED, muted, 0, 0, NULL);
}

static void
post_loop (FdPlayer *self)
{
  post (self, REQUEST_LOOP, self->loop_in, self->loop_out, self->loop ? 1 : 0, NULL);
}

/**
 * fd_player_set_loop:
 *
 * Plays the loop range (or the whole file) over and over.
 */
void
fd_player_set_loop (FdPlayer *self,
                    gboolean  loop)
{
  g_return_if_fail (FD_IS_PLAYER (self));

  loop = !!loop;
  if (loop == self->loop)
    return;

  self->loop = loop;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOOP]);
  post_loop (self);
}

/**
 * fd_player_set_loop_range:
 * @in_frame: first frame of the range
 * @out_frame: last frame of the range (shown, then back to @in_frame)
 *
 * Sets the range and turns looping on.
 */
void
fd_player_set_loop_range (FdPlayer *self,
                          gint64    in_frame,
                          gint64    out_frame)
{
  g_return_if_fail (FD_IS_PLAYER (self));

  in_frame = MAX (in_frame, 0);
  out_frame = MAX (out_frame, in_frame);

  g_object_freeze_notify (G_OBJECT (self));
  self->loop_in = in_frame;
  self->loop_out = out_frame;
  self->loop = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOOP_IN]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOOP_OUT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOOP]);
  g_object_thaw_notify (G_OBJECT (self));
  post_loop (self);
}

void
fd_player_clear_loop_range (FdPlayer *self)
{
  g_return_if_fail (FD_IS_PLAYER (self));

  if (self->loop_in < 0)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  self->loop_in = -1;
  self->loop_out = -1;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOOP_IN]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOOP_OUT]);
  g_object_thaw_notify (G_OBJECT (self));
  post_loop (self);
}

/**
 * fd_player_set_external_start:
 * @clock: the clock all players of the group share
 *
 * From the next open, the player runs on @clock and never starts playing
 * by itself: fd_player_start_at() starts it. Call before fd_player_open().
 */
void
fd_player_set_external_start (FdPlayer *self,
                              GstClock *clock)
{
  g_return_if_fail (FD_IS_PLAYER (self));
  g_return_if_fail (GST_IS_CLOCK (clock));
  g_return_if_fail (self->shown.state == FD_PLAYER_STATE_EMPTY);

  g_set_object (&self->sync_clock, clock);
  self->external_start = TRUE;
}

/**
 * fd_player_start_at:
 * @base_time: the clock time at which the frame on screen is due
 *
 * Starts playback from the frame on screen so that it is due at
 * @base_time on the shared clock. Players started with one base time
 * after a seek play in step.
 */
void
fd_player_start_at (FdPlayer     *self,
                    GstClockTime  base_time)
{
  g_return_if_fail (FD_IS_PLAYER (self));
  g_return_if_fail (self->external_start);

  post (self, REQUEST_START_AT, (gint64)base_time, 0, 0, NULL);
}
