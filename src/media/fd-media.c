/* fd-media.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gst/gst.h>
#include <math.h>

#include "fd-media.h"
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
