/* fd-player-engine.c: the player thread
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-player"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gst/app/gstappsink.h>
#include <gst/video/video.h>

#include "fd-frame-convert.h"
#include "fd-media.h"
#include "fd-media-probe.h"
#include "fd-player-private.h"

/* Everything here runs on the player thread, except the appsink callbacks
 * (streaming threads).
 *
 *   playbin (video, audio when there is sound)
 *     video-sink: videoscale ! videoconvert ! I420, RGB or RGBA, square
 *                 pixels ! appsink (which offers the decoder its buffers'
 *                 layout, so decoded frames need not be copied)
 *
 * 4:2:0 video (nearly every cut) reaches the appsink as I420 and is turned
 * into packed RGB by fd_frame_convert (AVX2, a fraction of videoconvert's
 * cost); anything else is converted by videoconvert.
 *     audio-sink: autoaudiosink (fakesink when no output is available)
 *
 * Exact frames: a seek to frame N is a flushing accurate seek a quarter
 * frame past N's start (fd_media_frame_seek_position), so the decoder
 * drops everything before N and N is the first frame shown. A step forward
 * while paused is a step event (no decoding from the keyframe again); a
 * step back is an exact seek. The frame number reported is always read
 * from the timestamp of the frame handed out, never computed from the
 * request, so what the properties say is what is on screen.
 *
 * Looping uses segment seeks: at the end of the range the pipeline posts
 * SEGMENT_DONE and a non-flushing seek goes back to its start, with no
 * gap. Seeks that arrive while one is under way are merged (scrubbing
 * sends many): the last one runs when the current one is done. */

#define LOAD_TIMEOUT_SECONDS 20

/* playbin's GstPlayFlags, which are not in a public header. */
#define PLAY_FLAG_VIDEO        (1 << 0)
#define PLAY_FLAG_AUDIO        (1 << 1)
#define PLAY_FLAG_SOFT_VOLUME  (1 << 4)
#define PLAY_FLAG_NATIVE_VIDEO (1 << 6)

static void do_seek (FdPlayer *self,
                     gint64    frame);

/* Publishing to the owner */

static void
set_state (FdPlayer      *self,
           FdPlayerState  state)
{
  g_mutex_lock (&self->lock);
  self->snapshot.state = state;
  _fd_player_publish (self);
  g_mutex_unlock (&self->lock);
}

static void
set_seeking (FdPlayer *self,
             gboolean  seeking)
{
  g_mutex_lock (&self->lock);
  self->snapshot.seeking = seeking;
  if (seeking)
    self->snapshot.at_end = FALSE;
  _fd_player_publish (self);
  g_mutex_unlock (&self->lock);
}

static void
set_at_end (FdPlayer *self)
{
  g_mutex_lock (&self->lock);
  self->snapshot.at_end = TRUE;
  _fd_player_publish (self);
  g_mutex_unlock (&self->lock);
}

static void
fail (FdPlayer *self,
      GError   *error)
{
  if (self->pipeline != NULL)
    gst_element_set_state (self->pipeline, GST_STATE_NULL);
  self->loaded = FALSE;
  g_clear_handle_id (&self->load_timeout_id, g_source_remove);

  g_mutex_lock (&self->lock);
  g_clear_error (&self->snapshot.error);
  self->snapshot.error = error;
  self->snapshot.state = FD_PLAYER_STATE_ERROR;
  self->snapshot.seeking = FALSE;
  _fd_player_publish (self);
  g_mutex_unlock (&self->lock);
}

/* Frames (streaming threads) */

static void
deliver (FdPlayer  *self,
         GstSample *sample)
{
  g_autoptr(GstSample) converted = NULL;
  GstBuffer *buffer = gst_sample_get_buffer (sample);
  const GstSegment *segment = gst_sample_get_segment (sample);
  GstClockTime pts = buffer ? GST_BUFFER_PTS (buffer) : GST_CLOCK_TIME_NONE;
  gint64 stream_time = 0;
  gint64 frame = 0;
  gboolean repeat;

  if (GST_CLOCK_TIME_IS_VALID (pts) && segment != NULL)
    {
      guint64 st = gst_segment_to_stream_time (segment, GST_FORMAT_TIME, pts);

      stream_time = GST_CLOCK_TIME_IS_VALID (st) ? (gint64)st : (gint64)pts;
      frame = fd_media_frame_at (self->fps, stream_time);
    }

  g_mutex_lock (&self->lock);
  /* The frame a pause prerolled is handed out again when playing resumes. */
  repeat = self->last_sample != NULL && self->last_pts == pts && GST_CLOCK_TIME_IS_VALID (pts) &&
           self->last_buffer == buffer;
  if (!repeat)
    self->last_buffer = buffer;
  g_mutex_unlock (&self->lock);

  if (repeat)
    return;

  if ((converted = fd_frame_convert_sample (sample, &self->convert_pool)) != NULL)
    sample = converted;

  g_mutex_lock (&self->lock);
    {
      g_clear_pointer (&self->last_sample, gst_sample_unref);
      self->last_sample = gst_sample_ref (sample);
      self->last_frame = frame;
      self->last_pts = pts;
      self->snapshot.frame = frame;
      /* The frame's start: decoders clip the first frame after an accurate
       * seek to the seek position, a quarter frame in. */
      self->snapshot.position = self->fps > 0 ? (gint64)(frame * G_USEC_PER_SEC / self->fps)
                                              : stream_time / 1000;
      _fd_player_publish (self);
    }
  g_mutex_unlock (&self->lock);

  g_mutex_lock (&self->frame_lock);
  if (self->frame_func != NULL)
    self->frame_func (sample, frame, self->frame_data);
  g_mutex_unlock (&self->frame_lock);
}

static GstFlowReturn
on_new_preroll (GstAppSink *sink,
                gpointer    data)
{
  g_autoptr(GstSample) sample = gst_app_sink_pull_preroll (sink);

  if (sample != NULL)
    deliver (data, sample);
  return GST_FLOW_OK;
}

static GstFlowReturn
on_new_sample (GstAppSink *sink,
               gpointer    data)
{
  g_autoptr(GstSample) sample = gst_app_sink_pull_sample (sink);

  if (sample == NULL)
    return GST_FLOW_EOS;
  deliver (data, sample);
  return GST_FLOW_OK;
}

/* The pipeline */

static GstElement *
make_video_sink (FdPlayer  *self,
                 GError   **error)
{
  g_autoptr(GstElement) bin = NULL;
  g_autoptr(GstElement) caps_filter = NULL;
  g_autoptr(GstCaps) caps = NULL;
  GstAppSinkCallbacks callbacks = { 0 };

  bin = gst_parse_bin_from_description ("videoscale ! videoconvert ! capsfilter name=caps ! "
                                        "appsink name=sink", TRUE, error);
  if (bin == NULL)
    return NULL;
  gst_object_ref_sink (bin);

  /* videoconvert picks the least lossy of these: RGB for opaque non-4:2:0
   * sources, RGBA only where there is alpha to keep. */
  caps = gst_caps_from_string ("video/x-raw,format=I420,pixel-aspect-ratio=1/1;"
                               "video/x-raw,format=RGB,pixel-aspect-ratio=1/1;"
                               "video/x-raw,format=RGBA,pixel-aspect-ratio=1/1");
  if (self->out_width > 0 && self->out_height > 0)
    gst_caps_set_simple (caps,
                         "width", G_TYPE_INT, self->out_width,
                         "height", G_TYPE_INT, self->out_height,
                         NULL);

  caps_filter = gst_bin_get_by_name (GST_BIN (bin), "caps");
  g_object_set (caps_filter, "caps", caps, NULL);

  self->appsink = gst_bin_get_by_name (GST_BIN (bin), "sink");
  fd_media_sink_accept_video_meta (self->appsink);
  /* Late frames are dropped rather than shown late: the picture keeps up
   * with the sound and the clock. */
  g_object_set (self->appsink,
                "sync", self->clock_sync,
                "qos", self->clock_sync,
                "max-lateness", (gint64)(self->clock_sync ? 20 * GST_MSECOND : -1),
                "max-buffers", 1,
                "enable-last-sample", FALSE,
                NULL);

  callbacks.new_preroll = on_new_preroll;
  callbacks.new_sample = on_new_sample;
  gst_app_sink_set_callbacks (GST_APP_SINK (self->appsink), &callbacks, self, NULL);

  return g_steal_pointer (&bin);
}

/* A machine without a sound server or device still plays the picture. */
static GstElement *
make_audio_sink (void)
{
  GstElement *sink = gst_element_factory_make ("autoaudiosink", NULL);

  if (sink != NULL && gst_element_set_state (sink, GST_STATE_READY) != GST_STATE_CHANGE_FAILURE)
    {
      gst_element_set_state (sink, GST_STATE_NULL);
      return sink;
    }

  if (sink != NULL)
    {
      gst_element_set_state (sink, GST_STATE_NULL);
      gst_object_unref (sink);
    }
  sink = gst_element_factory_make ("fakesink", NULL);
  g_object_set (sink, "sync", TRUE, NULL);
  return sink;
}

static GError *
error_from_message (FdPlayer   *self,
                    GstMessage *message)
{
  g_autoptr(GError) gst_error = NULL;
  g_autofree char *name = g_path_get_basename (self->engine_path);
  int code = FD_MEDIA_ERROR_CORRUPT;

  gst_message_parse_error (message, &gst_error, NULL);
  if (g_error_matches (gst_error, GST_CORE_ERROR, GST_CORE_ERROR_MISSING_PLUGIN) ||
      g_error_matches (gst_error, GST_STREAM_ERROR, GST_STREAM_ERROR_CODEC_NOT_FOUND))
    code = FD_MEDIA_ERROR_UNSUPPORTED;

  return g_error_new (FD_MEDIA_ERROR, code, _("“%s” could not be played: %s"),
                      name, gst_error ? gst_error->message : _("unknown error"));
}

static void
finish_loading (FdPlayer *self)
{
  self->loaded = TRUE;
  g_clear_handle_id (&self->load_timeout_id, g_source_remove);

  if (self->want_playing && !self->external_start && !self->engine_info->is_image)
    gst_element_set_state (self->pipeline, GST_STATE_PLAYING);
  else
    set_state (self, FD_PLAYER_STATE_PAUSED);

  /* A seek or a loop asked for before the file was ready runs now. */
  if (self->pending_seek >= 0 && !self->engine_info->is_image)
    {
      gint64 frame = self->pending_seek;

      self->pending_seek = -1;
      do_seek (self, frame);
    }
  else if (self->engine_loop && !self->engine_info->is_image)
    do_seek (self, self->engine_loop_in >= 0 ? self->engine_loop_in : 0);
}

static void
operation_done (FdPlayer *self)
{
  gint64 pending = self->pending_seek;

  self->seek_in_flight = FALSE;
  if (pending >= 0)
    {
      self->pending_seek = -1;
      do_seek (self, pending);
      return;
    }

  set_seeking (self, FALSE);
}

static gint64
range_start (FdPlayer *self)
{
  return self->engine_loop && self->engine_loop_in >= 0 ? self->engine_loop_in : 0;
}

static gint64
range_end (FdPlayer *self)
{
  if (self->engine_loop && self->engine_loop_out >= 0)
    return MIN (self->engine_loop_out, self->n_frames - 1);
  return self->n_frames - 1;
}

static void
loop_back (FdPlayer *self)
{
  gint64 start = fd_media_frame_seek_position (self->fps, range_start (self));
  gint64 stop = (gint64)((range_end (self) + 0.75) * GST_SECOND / self->fps);

  gst_element_seek (self->pipeline, self->engine_rate, GST_FORMAT_TIME,
                      GST_SEEK_FLAG_SEGMENT | GST_SEEK_FLAG_ACCURATE,
                      GST_SEEK_TYPE_SET, start, GST_SEEK_TYPE_SET, stop);
}

static void
reached_end (FdPlayer *self)
{
  self->seek_in_flight = FALSE;
  self->pending_seek = -1;
  set_seeking (self, FALSE);

  if (self->engine_loop && !self->external_start)
    {
      do_seek (self, self->engine_rate < 0 ? range_end (self) : range_start (self));
      return;
    }

  self->want_playing = FALSE;
  gst_element_set_state (self->pipeline, GST_STATE_PAUSED);
  set_state (self, FD_PLAYER_STATE_PAUSED);
  set_at_end (self);
}

static gboolean
on_bus_message (GstBus     *bus,
                GstMessage *message,
                gpointer    data)
{
  FdPlayer *self = data;

  switch (GST_MESSAGE_TYPE (message))
    {
    case GST_MESSAGE_ERROR:
      fail (self, error_from_message (self, message));
      break;

    case GST_MESSAGE_ASYNC_DONE:
      if (!self->loaded)
        finish_loading (self);
      else if (self->seek_in_flight)
        operation_done (self);
      break;

    case GST_MESSAGE_STEP_DONE:
      if (self->seek_in_flight)
        operation_done (self);
      break;

    case GST_MESSAGE_SEGMENT_DONE:
      /* Paused, the sink holds the streaming thread in preroll: a
       * non-flushing seek would wait for it for ever. The demuxer reads
       * ahead, so a short range ends while paused; play goes back to the
       * start then. */
      if (self->engine_loop && !self->external_start && self->want_playing)
        loop_back (self);
      else if (self->engine_loop && !self->external_start)
        self->loop_pending = TRUE;
      else
        reached_end (self);
      break;

    case GST_MESSAGE_EOS:
      reached_end (self);
      break;

    case GST_MESSAGE_STATE_CHANGED:
      if (GST_MESSAGE_SRC (message) == GST_OBJECT (self->pipeline) && self->loaded)
        {
          GstState new_state;

          gst_message_parse_state_changed (message, NULL, &new_state, NULL);
          if (new_state == GST_STATE_PLAYING)
            set_state (self, FD_PLAYER_STATE_PLAYING);
          else if (new_state == GST_STATE_PAUSED)
            set_state (self, FD_PLAYER_STATE_PAUSED);
        }
      break;

    default:
      break;
    }

  return G_SOURCE_CONTINUE;
}

static gboolean
on_load_timeout (gpointer data)
{
  FdPlayer *self = data;
  g_autofree char *name = g_path_get_basename (self->engine_path);

  self->load_timeout_id = 0;
  fail (self, g_error_new (FD_MEDIA_ERROR, FD_MEDIA_ERROR_TIMEOUT,
                           _("“%s” took too long to open; it may be damaged."), name));
  return G_SOURCE_REMOVE;
}

void
_fd_player_engine_teardown (FdPlayer *self)
{
  g_clear_handle_id (&self->load_timeout_id, g_source_remove);

  if (self->pipeline != NULL)
    gst_element_set_state (self->pipeline, GST_STATE_NULL);

  if (self->bus_source != NULL)
    {
      g_source_destroy (self->bus_source);
      g_clear_pointer (&self->bus_source, g_source_unref);
    }

  g_clear_object (&self->appsink);
  g_clear_object (&self->pipeline);
  if (self->convert_pool != NULL)
    {
      gst_buffer_pool_set_active (self->convert_pool, FALSE);
      gst_clear_object (&self->convert_pool);
    }
  g_clear_pointer (&self->engine_info, fd_media_info_free);
  self->loaded = FALSE;
  self->seek_in_flight = FALSE;
  self->pending_seek = -1;
  self->stepped = FALSE;
  self->want_playing = FALSE;

  g_mutex_lock (&self->lock);
  g_clear_pointer (&self->last_sample, gst_sample_unref);
  self->last_buffer = NULL;
  self->last_frame = -1;
  self->last_pts = GST_CLOCK_TIME_NONE;
  g_mutex_unlock (&self->lock);
}

static void
reset_snapshot (FdPlayer      *self,
                FdPlayerState  state)
{
  g_mutex_lock (&self->lock);
  _fd_player_snapshot_clear (&self->snapshot);
  self->snapshot.state = state;
  self->snapshot.frame = 0;
  self->snapshot.position = 0;
  self->snapshot.seeking = FALSE;
  self->snapshot.at_end = FALSE;
  _fd_player_publish (self);
  g_mutex_unlock (&self->lock);
}

static gboolean
build_pipeline (FdPlayer    *self,
                const char  *path,
                GError     **error)
{
  g_autoptr(GstElement) video_sink = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autofree char *uri = NULL;
  gboolean audio = fd_media_info_has_audio (self->engine_info) && !self->engine_info->is_image;
  guint flags = PLAY_FLAG_VIDEO | PLAY_FLAG_NATIVE_VIDEO;

  if (!(uri = fd_media_path_to_uri (path, error)))
    return FALSE;
  if (!(video_sink = make_video_sink (self, error)))
    return FALSE;

  self->pipeline = gst_element_factory_make ("playbin", NULL);
  if (self->pipeline == NULL)
    {
      g_set_error (error, FD_MEDIA_ERROR, FD_MEDIA_ERROR_FAILED,
                   _("GStreamer’s playbin is missing; install gstreamer1.0-plugins-base."));
      return FALSE;
    }
  gst_object_ref_sink (self->pipeline);

  if (audio)
    {
      GstElement *tempo = gst_element_factory_make ("scaletempo", NULL);

      flags |= PLAY_FLAG_AUDIO | PLAY_FLAG_SOFT_VOLUME;
      g_object_set (self->pipeline, "audio-sink", make_audio_sink (), NULL);
      /* Speech stays at its pitch at 0.5× and 2×. */
      if (tempo != NULL)
        g_object_set (self->pipeline, "audio-filter", tempo, NULL);
    }

  g_object_set (self->pipeline,
                "uri", uri,
                "flags", flags,
                "video-sink", video_sink,
                "volume", 1.0,
                NULL);

  if (self->sync_clock != NULL)
    gst_pipeline_use_clock (GST_PIPELINE (self->pipeline), self->sync_clock);

  bus = gst_element_get_bus (self->pipeline);
  self->bus_source = gst_bus_create_watch (bus);
  g_source_set_callback (self->bus_source, (GSourceFunc)(GCallback)on_bus_message, self, NULL);
  g_source_attach (self->bus_source, self->context);

  return TRUE;
}

static void
do_open (FdPlayer   *self,
         const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdMediaInfo) info = NULL;

  _fd_player_engine_teardown (self);
  reset_snapshot (self, FD_PLAYER_STATE_LOADING);
  g_free (self->engine_path);
  self->engine_path = g_strdup (path);

  if (!fd_media_ensure_init (&error) ||
      !(info = fd_media_probe_file (path, NULL, &error)))
    {
      fail (self, g_steal_pointer (&error));
      return;
    }

  self->engine_info = fd_media_info_copy (info);
  self->fps = fd_media_info_get_fps (info);
  self->n_frames = MAX (1, fd_media_info_get_frame_count (info));
  self->target_frame = 0;

  g_mutex_lock (&self->lock);
  self->snapshot.info = g_steal_pointer (&info);
  _fd_player_publish (self);
  g_mutex_unlock (&self->lock);

  if (!build_pipeline (self, path, &error))
    {
      fail (self, g_steal_pointer (&error));
      return;
    }
  g_object_set (self->pipeline, "volume", self->engine_volume, "mute", self->engine_muted, NULL);

  self->load_timeout_id = g_timeout_add_seconds (LOAD_TIMEOUT_SECONDS, on_load_timeout, self);
  if (gst_element_set_state (self->pipeline, GST_STATE_PAUSED) == GST_STATE_CHANGE_FAILURE)
    {
      /* The bus holds the reason; let its handler report it. */
      g_autoptr(GstBus) bus = gst_element_get_bus (self->pipeline);
      g_autoptr(GstMessage) message = gst_bus_pop_filtered (bus, GST_MESSAGE_ERROR);

      if (message != NULL)
        fail (self, error_from_message (self, message));
      else
        fail (self, g_error_new (FD_MEDIA_ERROR, FD_MEDIA_ERROR_FAILED,
                                 _("The file could not be opened for playback.")));
    }
}

/* Seeking and stepping */

static void
do_seek (FdPlayer *self,
         gint64    frame)
{
  GstSeekFlags flags = GST_SEEK_FLAG_FLUSH | GST_SEEK_FLAG_ACCURATE;
  gint64 start, stop = -1;

  /* A seek asked for while the file loads runs once it has loaded. */
  if (!self->loaded && self->pipeline != NULL)
    {
      self->pending_seek = MAX (frame, 0);
      return;
    }
  if (!self->loaded || self->engine_info->is_image)
    return;

  frame = CLAMP (frame, 0, self->n_frames - 1);
  self->target_frame = frame;

  if (self->seek_in_flight)
    {
      self->pending_seek = frame;
      return;
    }

  if (self->engine_loop)
    {
      frame = CLAMP (frame, range_start (self), range_end (self));
      flags |= GST_SEEK_FLAG_SEGMENT;
      stop = (gint64)((range_end (self) + 0.75) * GST_SECOND / self->fps);
    }

  start = fd_media_frame_seek_position (self->fps, frame);

  if (self->engine_rate < 0)
    {
      /* Backwards: the segment ends just past the frame, which is shown
       * first. */
      gint64 end = (gint64)((frame + 0.75) * GST_SECOND / self->fps);
      gint64 begin = self->engine_loop ? fd_media_frame_seek_position (self->fps, range_start (self)) : 0;

      if (!gst_element_seek (self->pipeline, self->engine_rate, GST_FORMAT_TIME, flags,
                             GST_SEEK_TYPE_SET, begin, GST_SEEK_TYPE_SET, end))
        return;
    }
  else if (!gst_element_seek (self->pipeline, self->engine_rate, GST_FORMAT_TIME, flags,
                              GST_SEEK_TYPE_SET, start,
                              stop >= 0 ? GST_SEEK_TYPE_SET : GST_SEEK_TYPE_NONE, stop))
    return;

  self->seek_in_flight = TRUE;
  self->stepped = FALSE;
  self->loop_pending = FALSE;
  set_seeking (self, TRUE);
}

static gint64
current_frame (FdPlayer *self)
{
  gint64 frame;

  if (self->seek_in_flight)
    return self->pending_seek >= 0 ? self->pending_seek : self->target_frame;

  g_mutex_lock (&self->lock);
  frame = MAX (self->last_frame, 0);
  g_mutex_unlock (&self->lock);

  return frame;
}

static void
do_step (FdPlayer *self,
         int       n)
{
  GstState state = GST_STATE_VOID_PENDING;
  gint64 base;

  if (!self->loaded || self->engine_info->is_image || n == 0)
    return;

  base = current_frame (self);
  gst_element_get_state (self->pipeline, &state, NULL, 0);
  self->want_playing = FALSE;

  if (state == GST_STATE_PLAYING)
    {
      gst_element_set_state (self->pipeline, GST_STATE_PAUSED);
      do_seek (self, base + n);
      return;
    }

  if (n == 1 && !self->seek_in_flight && self->engine_rate > 0 && base + 1 < range_end (self) + 1 &&
      base + 1 < self->n_frames - 1)
    {
      if (gst_element_send_event (self->pipeline,
                                  gst_event_new_step (GST_FORMAT_BUFFERS, 1, 1.0, TRUE, FALSE)))
        {
          self->seek_in_flight = TRUE;
          self->stepped = TRUE;
          self->target_frame = base + 1;
          set_seeking (self, TRUE);
          return;
        }
    }

  do_seek (self, base + n);
}

static void
do_play (FdPlayer *self)
{
  gboolean at_end;

  if (!self->loaded || self->engine_info->is_image)
    {
      self->want_playing = TRUE;
      return;
    }

  g_mutex_lock (&self->lock);
  at_end = self->snapshot.at_end;
  g_mutex_unlock (&self->lock);

  self->want_playing = TRUE;
  /* After a step the video sink ran ahead of the sound: re-align both. */
  if (self->loop_pending && self->engine_loop)
    do_seek (self, current_frame (self) >= range_end (self) ? range_start (self) : current_frame (self));
  else if (at_end)
    do_seek (self, self->engine_rate < 0 ? range_end (self) : range_start (self));
  else if (self->stepped)
    do_seek (self, current_frame (self));

  if (!self->external_start)
    gst_element_set_state (self->pipeline, GST_STATE_PLAYING);
}

static void
do_pause (FdPlayer *self)
{
  self->want_playing = FALSE;
  if (self->loaded)
    gst_element_set_state (self->pipeline, GST_STATE_PAUSED);
}

static void
do_start_at (FdPlayer     *self,
             GstClockTime  base_time)
{
  if (!self->loaded || self->engine_info->is_image)
    return;

  self->want_playing = TRUE;
  gst_element_set_start_time (self->pipeline, GST_CLOCK_TIME_NONE);
  gst_element_set_base_time (self->pipeline, base_time);
  gst_element_set_state (self->pipeline, GST_STATE_PLAYING);
}

static void
do_loop (FdPlayer *self,
         gboolean  loop,
         gint64    in_frame,
         gint64    out_frame)
{
  self->engine_loop = loop;
  self->engine_loop_in = in_frame;
  self->engine_loop_out = out_frame;

  if (self->loaded && !self->engine_info->is_image)
    do_seek (self, current_frame (self));
}

void
_fd_player_engine_handle (FdPlayerRequest *request)
{
  FdPlayer *self = request->player;

  switch (request->kind)
    {
    case REQUEST_OPEN:
      do_open (self, request->s);
      break;
    case REQUEST_CLOSE:
      _fd_player_engine_teardown (self);
      reset_snapshot (self, FD_PLAYER_STATE_EMPTY);
      break;
    case REQUEST_PLAY:
      do_play (self);
      break;
    case REQUEST_PAUSE:
      do_pause (self);
      break;
    case REQUEST_SEEK_FRAME:
      do_seek (self, request->i1);
      break;
    case REQUEST_STEP:
      do_step (self, (int)request->i1);
      break;
    case REQUEST_RATE:
      self->engine_rate = request->d;
      if (self->loaded)
        do_seek (self, current_frame (self));
      break;
    case REQUEST_VOLUME:
      self->engine_volume = request->d;
      if (self->pipeline != NULL)
        g_object_set (self->pipeline, "volume", request->d, NULL);
      break;
    case REQUEST_MUTED:
      self->engine_muted = (gboolean)request->i1;
      if (self->pipeline != NULL)
        g_object_set (self->pipeline, "mute", (gboolean)request->i1, NULL);
      break;
    case REQUEST_LOOP:
      do_loop (self, request->d != 0, request->i1, request->i2);
      break;
    case REQUEST_START_AT:
      do_start_at (self, (GstClockTime)request->i1);
      break;
    case REQUEST_QUIT:
    default:
      g_main_loop_quit (self->main_loop);
      break;
    }
}
