/* fd-frame-grabber.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-frame-grabber"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gst/app/gstappsink.h>
#include <gst/video/video.h>
#include <math.h>

#include "fd-frame-grabber.h"
#include "fd-media.h"

/* Pulls single decoded frames out of a file as RGBA samples: thumbnails,
 * filmstrips, exact frames for tests, and the check that a file is not cut
 * short. One paused pipeline is kept for many grabs, since reopening the
 * file per frame costs far more than a seek.
 *
 *   uridecodebin (video only) ! videoconvert ! videoscale
 *     ! video/x-raw,format=RGBA[,width,height] ! appsink
 *
 * Not thread-safe: use one grabber from one (worker) thread. It needs no
 * main loop; the bus is polled. */

#define STATE_TIMEOUT (15 * GST_SECOND)

/* How far the sound of a complete file may outlast its picture. */
#define SOUND_OVERHANG_US (G_USEC_PER_SEC / 4)

struct _FdFrameGrabber
{
  GObject      parent_instance;

  char        *path;
  FdMediaInfo *info;
  GstElement  *pipeline;
  GstElement  *sink;
  GstSample   *still;
  int          width;
  int          height;
};

G_DEFINE_FINAL_TYPE (FdFrameGrabber, fd_frame_grabber, G_TYPE_OBJECT)

static void
fd_frame_grabber_finalize (GObject *object)
{
  FdFrameGrabber *self = (FdFrameGrabber *)object;

  if (self->pipeline != NULL)
    gst_element_set_state (self->pipeline, GST_STATE_NULL);
  g_clear_pointer (&self->still, gst_sample_unref);
  g_clear_object (&self->sink);
  g_clear_object (&self->pipeline);
  g_clear_pointer (&self->info, fd_media_info_free);
  g_free (self->path);

  G_OBJECT_CLASS (fd_frame_grabber_parent_class)->finalize (object);
}

static void
fd_frame_grabber_class_init (FdFrameGrabberClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fd_frame_grabber_finalize;
}

static void
fd_frame_grabber_init (FdFrameGrabber *self)
{
}

/* The output size: the display size (pixel aspect applied), shrunk to fit
 * in max_size × max_size when asked; even numbers keep scalers happy. */
static void
compute_size (const FdMediaInfo *info,
              int                max_size,
              int               *width,
              int               *height)
{
  double w = fd_media_info_get_display_width (info);
  double h = info->height;
  double scale = 1.0;

  if (max_size > 0 && MAX (w, h) > max_size)
    scale = max_size / MAX (w, h);

  *width = MAX (2, (int)lround (w * scale / 2) * 2);
  *height = MAX (2, (int)lround (h * scale / 2) * 2);

  if (max_size <= 0)
    {
      *width = fd_media_info_get_display_width (info);
      *height = info->height;
    }
}

/* Waits for the pipeline to settle after a state change or a flushing seek.
 * Returns FALSE with @error set on an error message or a timeout. */
static gboolean
wait_settled (FdFrameGrabber  *self,
              GError         **error)
{
  g_autoptr(GstBus) bus = gst_element_get_bus (self->pipeline);
  g_autofree char *name = g_path_get_basename (self->path);

  for (;;)
    {
      g_autoptr(GstMessage) message = NULL;

      message = gst_bus_timed_pop_filtered (bus, STATE_TIMEOUT,
                                            GST_MESSAGE_ASYNC_DONE | GST_MESSAGE_ERROR |
                                            GST_MESSAGE_EOS);
      if (message == NULL)
        {
          g_set_error (error, FD_MEDIA_ERROR, FD_MEDIA_ERROR_TIMEOUT,
                       _("Decoding “%s” took too long; it may be damaged."), name);
          return FALSE;
        }

      switch (GST_MESSAGE_TYPE (message))
        {
        case GST_MESSAGE_ERROR:
          {
            g_autoptr(GError) gst_error = NULL;

            gst_message_parse_error (message, &gst_error, NULL);
            g_set_error (error, FD_MEDIA_ERROR, FD_MEDIA_ERROR_CORRUPT,
                         _("“%s” could not be decoded: %s"), name, gst_error->message);
            return FALSE;
          }

        case GST_MESSAGE_ASYNC_DONE:
        case GST_MESSAGE_EOS:
          return TRUE;

        default:
          break;
        }
    }
}

static gboolean
build_pipeline (FdFrameGrabber  *self,
                int              max_size,
                GError         **error)
{
  g_autoptr(GstElement) src = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *description = NULL;

  if (!(uri = fd_media_path_to_uri (self->path, error)))
    return FALSE;

  compute_size (self->info, max_size, &self->width, &self->height);

  /* Only the picture is decoded: the sound is neither exposed nor decoded. */
  description = g_strdup_printf ("uridecodebin name=src caps=\"video/x-raw(ANY)\" "
                                 "expose-all-streams=false ! videoconvert ! videoscale ! "
                                 "video/x-raw,format=RGBA,width=%d,height=%d,"
                                 "pixel-aspect-ratio=1/1 ! "
                                 "appsink name=sink sync=false max-buffers=1 "
                                 "enable-last-sample=false",
                                 self->width, self->height);

  self->pipeline = gst_parse_launch (description, error);
  if (self->pipeline == NULL)
    return FALSE;
  gst_object_ref_sink (self->pipeline);

  src = gst_bin_get_by_name (GST_BIN (self->pipeline), "src");
  g_object_set (src, "uri", uri, NULL);
  self->sink = gst_bin_get_by_name (GST_BIN (self->pipeline), "sink");

  if (gst_element_set_state (self->pipeline, GST_STATE_PAUSED) == GST_STATE_CHANGE_FAILURE &&
      !wait_settled (self, error))
    return FALSE;

  return wait_settled (self, error);
}

/**
 * fd_frame_grabber_new:
 * @path: a media file the probe accepted
 * @info: what the probe found in it
 * @max_size: the longest side of the frames, or 0 for the display size
 *
 * Returns: (transfer full): a grabber paused on the first frame, or %NULL
 *   with @error set when the file cannot be decoded
 */
FdFrameGrabber *
fd_frame_grabber_new (const char         *path,
                      const FdMediaInfo  *info,
                      int                 max_size,
                      GError            **error)
{
  g_autoptr(FdFrameGrabber) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (info != NULL, NULL);

  if (!fd_media_ensure_init (error))
    return NULL;

  self = g_object_new (FD_TYPE_FRAME_GRABBER, NULL);
  self->path = g_strdup (path);
  self->info = fd_media_info_copy (info);

  if (!build_pipeline (self, max_size, error))
    return NULL;

  return g_steal_pointer (&self);
}

int
fd_frame_grabber_get_width (FdFrameGrabber *self)
{
  g_return_val_if_fail (FD_IS_FRAME_GRABBER (self), 0);
  return self->width;
}

int
fd_frame_grabber_get_height (FdFrameGrabber *self)
{
  g_return_val_if_fail (FD_IS_FRAME_GRABBER (self), 0);
  return self->height;
}

/**
 * fd_frame_grabber_grab_at:
 * @position_us: where, from the start
 *
 * Seeks accurately and returns the frame shown at @position_us.
 *
 * Returns: (transfer full): an RGBA sample, or %NULL with @error set (for
 *   instance when the file ends before @position_us)
 */
GstSample *
fd_frame_grabber_grab_at (FdFrameGrabber  *self,
                          gint64           position_us,
                          GError         **error)
{
  g_autofree char *name = NULL;
  GstSample *sample;

  g_return_val_if_fail (FD_IS_FRAME_GRABBER (self), NULL);

  /* A still image is one frame; it has nothing to seek, and appsink hands
   * out its preroll once: keep it for the next grab. */
  if (self->info->is_image && self->still != NULL)
    return gst_sample_ref (self->still);

  if (!self->info->is_image)
    {
      if (!gst_element_seek_simple (self->pipeline, GST_FORMAT_TIME,
                                    GST_SEEK_FLAG_FLUSH | GST_SEEK_FLAG_ACCURATE,
                                    MAX (0, position_us) * GST_USECOND))
        {
          name = g_path_get_basename (self->path);
          g_set_error (error, FD_MEDIA_ERROR, FD_MEDIA_ERROR_CORRUPT,
                       _("“%s” cannot be searched; it may be damaged."), name);
          return NULL;
        }

      if (!wait_settled (self, error))
        return NULL;
    }

  sample = gst_app_sink_try_pull_preroll (GST_APP_SINK (self->sink), STATE_TIMEOUT);
  if (sample == NULL)
    {
      name = g_path_get_basename (self->path);
      g_set_error (error, FD_MEDIA_ERROR, FD_MEDIA_ERROR_CORRUPT,
                   _("“%s” ends before %.3f s: the file is cut short or damaged."),
                   name, (double)position_us / G_USEC_PER_SEC);
    }
  else if (self->info->is_image)
    self->still = gst_sample_ref (sample);

  return sample;
}

/**
 * fd_frame_grabber_grab_frame:
 * @frame: a frame number, from 0
 *
 * Returns exactly frame @frame. The seek aims a quarter frame past the
 * frame's start, so timestamps rounded by the container still land on it.
 *
 * Returns: (transfer full): an RGBA sample, or %NULL with @error set
 */
GstSample *
fd_frame_grabber_grab_frame (FdFrameGrabber  *self,
                             gint64           frame,
                             GError         **error)
{
  double fps;
  gint64 position;

  g_return_val_if_fail (FD_IS_FRAME_GRABBER (self), NULL);

  fps = fd_media_info_get_fps (self->info);
  if (fps <= 0)
    return fd_frame_grabber_grab_at (self, 0, error);

  position = fd_media_frame_seek_position (fps, frame) / GST_USECOND;
  return fd_frame_grabber_grab_at (self, position, error);
}

/**
 * fd_frame_grabber_get_frame_number:
 * @sample: a sample this grabber returned
 *
 * Returns: the number of the frame in @sample, from its timestamp
 */
gint64
fd_frame_grabber_get_frame_number (FdFrameGrabber *self,
                                   GstSample      *sample)
{
  GstBuffer *buffer = gst_sample_get_buffer (sample);
  GstSegment *segment = gst_sample_get_segment (sample);
  double fps = fd_media_info_get_fps (self->info);
  guint64 stream_time;

  if (buffer == NULL || fps <= 0 || !GST_BUFFER_PTS_IS_VALID (buffer))
    return 0;

  stream_time = gst_segment_to_stream_time (segment, GST_FORMAT_TIME, GST_BUFFER_PTS (buffer));
  return fd_media_frame_at (fps, (gint64)stream_time);
}

/**
 * fd_frame_grabber_check_complete:
 *
 * Decodes the last frame. Headers of a file cut short (a copy interrupted,
 * a download stopped) still promise the full length; this proves it.
 *
 * Returns: %TRUE if the last frame decodes
 */
gboolean
fd_frame_grabber_check_complete (FdFrameGrabber  *self,
                                 GError         **error)
{
  g_autoptr(GstSample) sample = NULL;
  gint64 frames;

  g_return_val_if_fail (FD_IS_FRAME_GRABBER (self), FALSE);

  if (self->info->is_image)
    {
      sample = fd_frame_grabber_grab_at (self, 0, error);
      return sample != NULL;
    }

  frames = fd_media_info_get_frame_count (self->info);
  sample = fd_frame_grabber_grab_frame (self, MAX (0, frames - 1), error);

  /* The frame count comes from the container's duration, which includes
   * sound that may run on a little past the picture (AAC padding, an
   * editor's export): a picture that reaches that close to the end is
   * whole. */
  if (sample == NULL)
    {
      gint64 slack = (gint64)ceil (fd_media_info_get_fps (self->info) * SOUND_OVERHANG_US / G_USEC_PER_SEC);

      g_clear_error (error);
      sample = fd_frame_grabber_grab_frame (self, MAX (0, frames - 1 - slack), error);
    }

  if (sample == NULL)
    {
      g_autofree char *name = g_path_get_basename (self->path);

      g_clear_error (error);
      g_set_error (error, FD_MEDIA_ERROR, FD_MEDIA_ERROR_CORRUPT,
                   _("“%s” is cut short: it ends before its last frame."), name);
      return FALSE;
    }

  return TRUE;
}

/**
 * fd_frame_grabber_save_png:
 * @sample: an RGBA sample
 * @path: where to write the PNG (written to a temporary name, then renamed)
 *
 * Returns: %TRUE on success
 */
gboolean
fd_frame_grabber_save_png (GstSample   *sample,
                           const char  *path,
                           GError     **error)
{
  g_autoptr(GstCaps) caps = gst_caps_new_empty_simple ("image/png");
  g_autoptr(GstSample) png = NULL;
  g_autofree char *tmp = g_strconcat (path, ".part", NULL);
  GstMapInfo map;
  gboolean ok;

  png = gst_video_convert_sample (sample, caps, STATE_TIMEOUT, error);
  if (png == NULL)
    return FALSE;

  if (!gst_buffer_map (gst_sample_get_buffer (png), &map, GST_MAP_READ))
    {
      g_set_error (error, FD_MEDIA_ERROR, FD_MEDIA_ERROR_FAILED, _("Could not read the encoded image."));
      return FALSE;
    }

  ok = g_file_set_contents (tmp, (const char *)map.data, map.size, error) &&
       g_rename (tmp, path) == 0;
  gst_buffer_unmap (gst_sample_get_buffer (png), &map);

  if (!ok && error != NULL && *error == NULL)
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                 _("Could not save “%s”: %s"), path, g_strerror (errno));

  return ok;
}

/**
 * fd_frame_grabber_pick_thumbnail_position:
 *
 * A representative frame: a third of the way in (past a fade from black or
 * a title card), at most ten seconds in.
 *
 * Returns: the position in microseconds
 */
gint64
fd_frame_grabber_pick_thumbnail_position (const FdMediaInfo *info)
{
  if (info->is_image || info->duration_us <= 0)
    return 0;

  return MIN (info->duration_us / 3, 10 * G_USEC_PER_SEC);
}

/**
 * fd_frame_grabber_make_thumbnail:
 * @path: a media file
 * @info: what the probe found in it
 * @max_size: the longest side of the thumbnail
 * @png_path: where to write it
 * @check_complete: also check that the last frame decodes
 *
 * Returns: %TRUE when the thumbnail was written
 */
gboolean
fd_frame_grabber_make_thumbnail (const char         *path,
                                 const FdMediaInfo  *info,
                                 int                 max_size,
                                 const char         *png_path,
                                 gboolean            check_complete,
                                 GError            **error)
{
  g_autoptr(FdFrameGrabber) grabber = NULL;
  g_autoptr(GstSample) sample = NULL;

  grabber = fd_frame_grabber_new (path, info, max_size, error);
  if (grabber == NULL)
    return FALSE;

  if (check_complete && !fd_frame_grabber_check_complete (grabber, error))
    return FALSE;

  sample = fd_frame_grabber_grab_at (grabber, fd_frame_grabber_pick_thumbnail_position (info), error);
  if (sample == NULL)
    return FALSE;

  return fd_frame_grabber_save_png (sample, png_path, error);
}
