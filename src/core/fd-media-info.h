/* fd-media-info.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * FdMediaInfo:
 * @container: short container name: "mp4", "quicktime", "webm", "matroska",
 *   "png", "jpeg", "gif", "webp" …
 * @mime_type: the container's MIME type ("video/mp4")
 * @video_codec: short codec name: "h264", "hevc", "vp8", "vp9", "av1",
 *   "png", "jpeg" …, or %NULL when there is no picture
 * @audio_codec: "aac", "opus", "vorbis", "mp3" …, or %NULL without sound
 * @width: picture width in pixels (as stored)
 * @height: picture height in pixels
 * @par_n: pixel aspect ratio numerator (1 for square pixels)
 * @par_d: pixel aspect ratio denominator
 * @fps_n: frame rate numerator (0 for a still image)
 * @fps_d: frame rate denominator
 * @duration_us: duration in microseconds (0 for a still image)
 * @bitrate: overall bits per second (0 when unknown)
 * @size_bytes: file size in bytes
 * @audio_channels: channels of the first audio stream (0 without sound)
 * @audio_rate: its sample rate in Hz
 * @is_image: whether this is a still image
 * @interlaced: whether the video is interlaced
 *
 * What the media probe found in a file. Plain data, so that the core can
 * store it and check it against placement specs without GStreamer.
 */
typedef struct
{
  char     *container;
  char     *mime_type;
  char     *video_codec;
  char     *audio_codec;
  int       width;
  int       height;
  int       par_n;
  int       par_d;
  int       fps_n;
  int       fps_d;
  gint64    duration_us;
  gint64    bitrate;
  gint64    size_bytes;
  int       audio_channels;
  int       audio_rate;
  gboolean  is_image;
  gboolean  interlaced;
} FdMediaInfo;

#define FD_TYPE_MEDIA_INFO (fd_media_info_get_type ())

GType        fd_media_info_get_type       (void) G_GNUC_CONST;
FdMediaInfo *fd_media_info_new            (void);
FdMediaInfo *fd_media_info_copy           (const FdMediaInfo *self);
void         fd_media_info_free           (FdMediaInfo       *self);
gboolean     fd_media_info_has_audio      (const FdMediaInfo *self);
double       fd_media_info_get_fps        (const FdMediaInfo *self);
double       fd_media_info_get_aspect     (const FdMediaInfo *self);
int          fd_media_info_get_display_width (const FdMediaInfo *self);
gint64       fd_media_info_get_frame_count (const FdMediaInfo *self);
JsonNode    *fd_media_info_to_json        (const FdMediaInfo *self);
FdMediaInfo *fd_media_info_from_json      (JsonNode          *node,
                                           GError           **error);
char        *fd_media_info_describe       (const FdMediaInfo *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdMediaInfo, fd_media_info_free)

G_END_DECLS
