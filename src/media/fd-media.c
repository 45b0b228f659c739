/* fd-media.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gst/gst.h>
#include <gst/video/video.h>
#include <math.h>

#include "fd-media.h"
#include "fd-frame-pool.h"
#include "fd-timecode.h"

/**
 * fd_media_ensure_init:
 *
 * Initializes GStreamer once, from whichever thread gets here first.
 */
gboolean
fd_media_ensure_init (GError **error)
{
  static gsize initialized = 0;
  static GError *init_error = NULL;

  if (g_once_init_enter (&initialized))
    {
      if (!gst_init_check (NULL, NULL, &init_error))
        g_prefix_error (&init_error, _("GStreamer could not start: "));
      g_once_init_leave (&initialized, 1);
    }

  if (init_error != NULL)
    {
      g_propagate_error (error, g_error_copy (init_error));
      return FALSE;
    }

  return TRUE;
}

/**
 * fd_media_frame_seek_position:
 * @fps: the file's frame rate
 * @frame: a frame number, from 0
 *
 * Where an accurate seek must aim to show exactly @frame: a quarter frame
 * past its start, so that timestamps the container rounded still land on
 * it. The decoder then delivers @frame first.
 *
 * Returns: the position in nanoseconds
 */
gint64
fd_media_frame_seek_position (double fps,
                              gint64 frame)
{
  if (fps <= 0)
    return 0;

  return (gint64)floor (((double)MAX (frame, 0) + 0.25) * GST_SECOND / fps);
}

/**
 * fd_media_frame_at:
 * @stream_time_ns: a frame's stream time (its timestamp in the file)
 *
 * Returns: the number of the frame that starts at @stream_time_ns
 */
gint64
fd_media_frame_at (double fps,
                   gint64 stream_time_ns)
{
  if (fps <= 0 || stream_time_ns < 0)
    return 0;

  return (gint64)floor ((double)stream_time_ns / GST_SECOND * fps + 0.5);
}

/**
 * fd_media_format_timecode:
 *
 * SMPTE non-drop-frame timecode at the nominal rate (29.97 counts as 30):
 * the numbering editors see in their timelines.
 *
 * Returns: (transfer full): "HH:MM:SS:FF"
 */
char *
fd_media_format_timecode (double fps,
                          gint64 frame)
{
  return fd_timecode_format (fps, frame);
}

/**
 * fd_media_path_to_uri:
 * @path: a file name, relative to the current folder or absolute
 *
 * Returns: (transfer full): its file:// URI, or %NULL with @error set
 */
char *
fd_media_path_to_uri (const char  *path,
                      GError     **error)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);

  return g_filename_to_uri (absolute, NULL, error);
}

/* Every reader of the frames a Flightdeck sink receives maps them with
 * gst_video_frame_map(), which honours GstVideoMeta strides and offsets.
 * Saying so, and offering a video buffer pool the decoder may align to its
 * needs, lets a decoder hand over the padded buffers it decoded into
 * (direct rendering) instead of copying each frame into a tightly packed
 * one, which avdec_h264 does for a sink that does not answer. The pool's
 * memory also spares the copy GStreamer would make of each frame the
 * decoder still holds as a reference (fd-frame-allocator.c). */
static GstPadProbeReturn
on_sink_query (GstPad          *pad,
               GstPadProbeInfo *info,
               gpointer         data)
{
  GstQuery *query = GST_PAD_PROBE_INFO_QUERY (info);
  GstCaps *caps = NULL;
  GstVideoInfo video_info;

  if (GST_QUERY_TYPE (query) != GST_QUERY_ALLOCATION)
    return GST_PAD_PROBE_OK;

  gst_query_parse_allocation (query, &caps, NULL);
  if (caps == NULL || !gst_video_info_from_caps (&video_info, caps))
    return GST_PAD_PROBE_OK;

  if (gst_query_get_n_allocation_pools (query) == 0)
    {
      g_autoptr(GstBufferPool) pool = fd_frame_pool_new ();
      GstStructure *config = gst_buffer_pool_get_config (pool);

      gst_buffer_pool_config_set_params (config, caps, GST_VIDEO_INFO_SIZE (&video_info), 0, 0);
      gst_buffer_pool_config_add_option (config, GST_BUFFER_POOL_OPTION_VIDEO_META);
      if (gst_buffer_pool_set_config (pool, config))
        gst_query_add_allocation_pool (query, pool, GST_VIDEO_INFO_SIZE (&video_info), 0, 0);
    }
  gst_query_add_allocation_meta (query, GST_VIDEO_META_API_TYPE, NULL);
  return GST_PAD_PROBE_HANDLED;
}

/**
 * fd_media_sink_accept_video_meta:
 * @sink: an appsink whose samples are only ever read through
 *   gst_video_frame_map()
 *
 * Makes @sink answer the allocation query, so that decoders upstream can
 * skip a copy of every frame. (Appsink gained its own propose-allocation
 * hook only in GStreamer 1.24; a probe does the same on 1.22.)
 */
void
fd_media_sink_accept_video_meta (GstElement *sink)
{
  g_autoptr(GstPad) pad = gst_element_get_static_pad (sink, "sink");

  g_return_if_fail (pad != NULL);
  gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_QUERY_DOWNSTREAM, on_sink_query, NULL, NULL);
}
