/* fd-test-media.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gst/gst.h>

G_BEGIN_DECLS

/**
 * FdTestVideo:
 * @container: "mp4" (H.264) or "webm" (VP9)
 * @width: picture width
 * @height: picture height
 * @fps_n: frame rate numerator
 * @fps_d: frame rate denominator
 * @frames: how many frames
 * @audio: add a sound track (AAC in MP4, Opus in WebM)
 * @mark_from: first frame carrying the "changed" mark (a red square in the
 *   middle), or -1 for none
 * @mark_to: last frame carrying it
 * @x264_preset: for MP4, the encoder preset (%NULL: "ultrafast", fastest
 *   to make; benchmarks use a delivery preset such as "veryfast")
 * @faststart: MP4 only: write the index (moov) before the media data
 *
 * Test video whose every frame carries its own number as a row of twelve
 * black/white blocks across the top (bit 11 first), big enough to survive
 * lossy encoding. Two files written with the same values but different
 * marks differ exactly in the marked frames.
 */
typedef struct
{
  const char *container;
  int         width;
  int         height;
  int         fps_n;
  int         fps_d;
  int         frames;
  gboolean    audio;
  int         mark_from;
  int         mark_to;
  const char *x264_preset;
  gboolean    faststart;
} FdTestVideo;

#define FD_TEST_VIDEO_INIT { "mp4", 320, 240, 30, 1, 60, FALSE, -1, -1, NULL, FALSE }

gboolean fd_test_media_write_video   (const char         *path,
                                      const FdTestVideo  *spec,
                                      GError            **error);
char    *fd_test_media_make_video    (const char         *dir,
                                      const char         *name,
                                      const FdTestVideo  *spec);
gboolean fd_test_media_write_image   (const char         *path,
                                      int                 width,
                                      int                 height,
                                      GError            **error);
gboolean fd_test_media_write_still   (const char         *path,
                                      const char         *format,
                                      guint32             argb,
                                      GError            **error);
gboolean fd_test_media_write_audio   (const char         *path,
                                      GError            **error);
int      fd_test_media_read_number   (GstSample          *sample);
gboolean fd_test_media_has_mark      (GstSample          *sample);

G_END_DECLS
