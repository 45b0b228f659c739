/* fd-test-media.c: media the tests make for themselves
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <gst/app/gstappsrc.h>
#include <gst/video/video.h>

#include "fd-test-media.h"

#define N_BITS 12

static void
ensure_gst (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      gst_init (NULL, NULL);
      g_once_init_leave (&done, 1);
    }
}

/* Paints frame @n: a soft gradient that drifts with time, the frame number
 * as blocks across the top, and the red mark when asked. */
static GstBuffer *
paint_frame (const FdTestVideo *spec,
             int                n)
{
  int w = spec->width;
  int h = spec->height;
  int block_w = w / N_BITS;
  int block_h = MAX (8, h / 8);
  GstBuffer *buffer = gst_buffer_new_allocate (NULL, (gsize)w * h * 4, NULL);
  gboolean marked = n >= spec->mark_from && n <= spec->mark_to;
  GstMapInfo map;

  gst_buffer_map (buffer, &map, GST_MAP_WRITE);

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint8 *p = map.data + ((gsize)y * w + x) * 4;
        gboolean in_bar = y < block_h && x < block_w * N_BITS;
        gboolean in_mark = marked && x > w * 3 / 8 && x < w * 5 / 8 && y > h * 3 / 8 && y < h * 5 / 8;

        if (in_bar)
          {
            int bit = N_BITS - 1 - x / block_w;
            guint8 v = (n >> bit) & 1 ? 235 : 16;

            p[0] = p[1] = p[2] = v;
          }
        else if (in_mark)
          {
            p[0] = 230;
            p[1] = 20;
            p[2] = 20;
          }
        else
          {
            p[0] = (guint8)(40 + (x * 120) / w);
            p[1] = (guint8)(60 + (y * 100) / h);
            p[2] = (guint8)(90 + ((x + y + n * 2) % 64));
          }
        p[3] = 255;
      }

  gst_buffer_unmap (buffer, &map);

  GST_BUFFER_PTS (buffer) = gst_util_uint64_scale (n, GST_SECOND * spec->fps_d, spec->fps_n);
  GST_BUFFER_DURATION (buffer) = gst_util_uint64_scale (1, GST_SECOND * spec->fps_d, spec->fps_n);

  return buffer;
}

static gboolean
run_to_eos (GstElement  *pipeline,
            GError     **error)
{
  g_autoptr(GstBus) bus = gst_element_get_bus (pipeline);
  g_autoptr(GstMessage) message = NULL;

  message = gst_bus_timed_pop_filtered (bus, 120 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  gst_element_set_state (pipeline, GST_STATE_NULL);

  if (message == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "encoding timed out");
      return FALSE;
    }

  if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_ERROR)
    {
      gst_message_parse_error (message, error, NULL);
      return FALSE;
    }

  return TRUE;
}

/**
 * fd_test_media_write_video:
 *
 * Encodes the test video described by @spec to @path.
 */
gboolean
fd_test_media_write_video (const char         *path,
                           const FdTestVideo  *spec,
                           GError            **error)
{
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstElement) src = NULL;
  g_autoptr(GstCaps) caps = NULL;
  g_autofree char *description = NULL;
  gboolean webm = g_strcmp0 (spec->container, "webm") == 0;
  g_autofree char *audio = NULL;
  g_autofree char *encoder = NULL;
  double seconds = (double)spec->frames * spec->fps_d / spec->fps_n;
  int samples = webm ? 960 : 1024;

  ensure_gst ();

  /* vp9enc's default 256 kb/s would turn a 1080p picture into blocks; a
   * delivery-grade rate (about 0.1 bit a pixel) keeps it comparable to
   * the H.264 encode, as real versions of a cut are. */
  if (webm)
    encoder = g_strdup_printf ("vp9enc deadline=1 cpu-used=8 keyframe-max-dist=30 target-bitrate=%d ! "
                               "webmmux name=mux",
                               MAX (256000, (int)((double)spec->width * spec->height * spec->fps_n / spec->fps_d / 10)));
  else
    encoder = g_strdup_printf ("x264enc speed-preset=%s key-int-max=30 ! h264parse ! "
                               "mp4mux name=mux faststart=%s",
                               spec->x264_preset ? spec->x264_preset : "ultrafast",
                               spec->faststart ? "true" : "false");
  if (spec->audio)
    audio = g_strdup_printf ("audiotestsrc wave=sine num-buffers=%d samplesperbuffer=%d ! "
                             "audio/x-raw,rate=48000,channels=2 ! audioconvert ! %s ! mux.",
                             (int)(seconds * 48000 / samples), samples,
                             webm ? "opusenc" : "avenc_aac");

  description = g_strdup_printf ("appsrc name=src format=time ! videoconvert ! "
                                 "video/x-raw,format=I420 ! %s ! filesink location=\"%s\" %s",
                                 encoder, path, audio ? audio : "");

  pipeline = gst_parse_launch (description, error);
  if (pipeline == NULL)
    return FALSE;
  gst_object_ref_sink (pipeline);

  src = gst_bin_get_by_name (GST_BIN (pipeline), "src");
  caps = gst_caps_new_simple ("video/x-raw",
                              "format", G_TYPE_STRING, "RGBA",
                              "width", G_TYPE_INT, spec->width,
                              "height", G_TYPE_INT, spec->height,
                              "framerate", GST_TYPE_FRACTION, spec->fps_n, spec->fps_d,
                              "pixel-aspect-ratio", GST_TYPE_FRACTION, 1, 1,
                              NULL);
  g_object_set (src, "caps", caps, NULL);

  gst_element_set_state (pipeline, GST_STATE_PLAYING);

  for (int n = 0; n < spec->frames; n++)
    if (gst_app_src_push_buffer (GST_APP_SRC (src), paint_frame (spec, n)) != GST_FLOW_OK)
      break;
  gst_app_src_end_of_stream (GST_APP_SRC (src));

  return run_to_eos (pipeline, error);
}

/**
 * fd_test_media_make_video:
 * @dir: a folder
 * @name: the file name in it
 *
 * Writes the test video, failing the test if it cannot.
 *
 * Returns: (transfer full): its path
 */
char *
fd_test_media_make_video (const char        *dir,
                          const char        *name,
                          const FdTestVideo *spec)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  fd_test_media_write_video (path, spec, &error);
  g_assert_no_error (error);
  return path;
}

/**
 * fd_test_media_write_image:
 *
 * Writes a PNG (or a JPEG when @path ends in .jpg) of the given size.
 */
gboolean
fd_test_media_write_image (const char  *path,
                           int          width,
                           int          height,
                           GError     **error)
{
  g_autoptr(GstElement) pipeline = NULL;
  g_autofree char *description = NULL;
  const char *encoder = g_str_has_suffix (path, ".jpg") ? "jpegenc" : "pngenc";

  ensure_gst ();

  description = g_strdup_printf ("videotestsrc num-buffers=1 pattern=smpte ! "
                                 "video/x-raw,width=%d,height=%d ! videoconvert ! %s ! "
                                 "filesink location=\"%s\"",
                                 width, height, encoder, path);
  pipeline = gst_parse_launch (description, error);
  if (pipeline == NULL)
    return FALSE;
  gst_object_ref_sink (pipeline);

  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  return run_to_eos (pipeline, error);
}

/**
 * fd_test_media_write_still:
 * @format: the PNG's pixel format, "RGB" or "RGBA"
 * @argb: its one colour, 0xAARRGGBB
 *
 * Writes a 64×48 PNG of one colour, translucent when @argb's alpha is.
 */
gboolean
fd_test_media_write_still (const char  *path,
                           const char  *format,
                           guint32      argb,
                           GError     **error)
{
  g_autoptr(GstElement) pipeline = NULL;
  g_autofree char *description = NULL;

  ensure_gst ();

  description = g_strdup_printf ("videotestsrc num-buffers=1 pattern=solid-color foreground-color=%u ! "
                                 "video/x-raw,format=%s,width=64,height=48 ! pngenc ! "
                                 "filesink location=\"%s\"",
                                 argb, format, path);
  pipeline = gst_parse_launch (description, error);
  if (pipeline == NULL)
    return FALSE;
  gst_object_ref_sink (pipeline);

  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  return run_to_eos (pipeline, error);
}

/**
 * fd_test_media_write_audio:
 *
 * Writes two seconds of sound only, as Ogg Vorbis.
 */
gboolean
fd_test_media_write_audio (const char  *path,
                           GError     **error)
{
  g_autoptr(GstElement) pipeline = NULL;
  g_autofree char *description = NULL;

  ensure_gst ();

  description = g_strdup_printf ("audiotestsrc num-buffers=90 ! audioconvert ! vorbisenc ! "
                                 "oggmux ! filesink location=\"%s\"", path);
  pipeline = gst_parse_launch (description, error);
  if (pipeline == NULL)
    return FALSE;
  gst_object_ref_sink (pipeline);

  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  return run_to_eos (pipeline, error);
}

static const guint8 *
pixel (GstVideoFrame *frame,
       int            x,
       int            y)
{
  const guint8 *data = GST_VIDEO_FRAME_PLANE_DATA (frame, 0);

  return data + (gsize)y * GST_VIDEO_FRAME_PLANE_STRIDE (frame, 0) + x * GST_VIDEO_FRAME_COMP_PSTRIDE (frame, 0);
}

/**
 * fd_test_media_read_number:
 * @sample: a decoded RGB or RGBA frame of a test video, at any scale
 *
 * Returns: the frame number painted into it
 */
int
fd_test_media_read_number (GstSample *sample)
{
  GstVideoInfo info;
  GstVideoFrame frame;
  int number = 0;
  int block_w;
  int y;

  g_assert_true (gst_video_info_from_caps (&info, gst_sample_get_caps (sample)));
  g_assert_true (gst_video_frame_map (&frame, &info, gst_sample_get_buffer (sample), GST_MAP_READ));

  block_w = GST_VIDEO_INFO_WIDTH (&info) / N_BITS;
  y = MAX (4, GST_VIDEO_INFO_HEIGHT (&info) / 8) / 2;

  for (int bit = 0; bit < N_BITS; bit++)
    {
      int x = bit * block_w + block_w / 2;

      number = (number << 1) | (pixel (&frame, x, y)[1] > 128 ? 1 : 0);
    }

  gst_video_frame_unmap (&frame);
  return number;
}

/**
 * fd_test_media_has_mark:
 *
 * Returns: whether the frame carries the red "changed" mark
 */
gboolean
fd_test_media_has_mark (GstSample *sample)
{
  GstVideoInfo info;
  GstVideoFrame frame;
  const guint8 *p;
  gboolean marked;

  g_assert_true (gst_video_info_from_caps (&info, gst_sample_get_caps (sample)));
  g_assert_true (gst_video_frame_map (&frame, &info, gst_sample_get_buffer (sample), GST_MAP_READ));

  p = pixel (&frame, GST_VIDEO_INFO_WIDTH (&info) / 2, GST_VIDEO_INFO_HEIGHT (&info) / 2);
  marked = p[0] > 150 && p[1] < 90;

  gst_video_frame_unmap (&frame);
  return marked;
}
