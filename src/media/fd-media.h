/* fd-media.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <gst/gst.h>

#include "fd-media-error.h"

G_BEGIN_DECLS

gboolean  fd_media_ensure_init            (GError     **error);
gint64    fd_media_frame_seek_position    (double       fps,
                                           gint64       frame);
gint64    fd_media_frame_at               (double       fps,
                                           gint64       stream_time_ns);
char     *fd_media_format_timecode        (double       fps,
                                           gint64       frame);
char     *fd_media_path_to_uri            (const char  *path,
                                           GError     **error);
void      fd_media_sink_accept_video_meta (GstElement  *sink);

G_END_DECLS
