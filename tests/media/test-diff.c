/* test-diff.c: the change timeline of two versions, its cache, and the
 * media commands of flightdeck-cli (bad media included)
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gst/video/video.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "fd-frame-convert.h"
#include "fd-frame-diff.h"
#include "fd-media-diff.h"
#include "fd-media-error.h"
#include "fd-test-media.h"
#include "fd-test-util.h"

static char *media_dir;
static char *plain_mp4;      /* 320×180, 30 fps, 60 frames, no mark */
static char *plain_copy;     /* the same again, encoded separately */
static char *plain_webm;     /* the same content as VP9 */
static char *marked_mp4;     /* mark on frames 20–31 */
static char *tall_a;         /* 1080×1920 with sound, 25 fps, 40 frames */
static char *tall_b;         /* the same with a mark on frames 10–14 */
static char *tall_webm;      /* tall_a's pictures as VP9 */

static FdMediaDiffResult *
run_diff (const char *a,
          const char *b,
          int         offset)
{
  g_autoptr(FdMediaDiff) diff = fd_media_diff_new (a, b);
  g_autoptr(GError) error = NULL;
  FdMediaDiffResult *result;

  fd_media_diff_set_offset (diff, offset);
  result = fd_media_diff_run (diff, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static float
max_score (const FdMediaDiffResult *result)
{
  float peak = 0;

  for (guint i = 0; i < result->scores->len; i++)
    peak = MAX (peak, g_array_index (result->scores, float, i));
  return peak;
}

static void
test_identical (void)
{
  g_autoptr(FdMediaDiffResult) same = run_diff (plain_mp4, plain_mp4, 0);
  g_autoptr(FdMediaDiffResult) copy = run_diff (plain_mp4, plain_copy, 0);

  g_assert_cmpint (same->frames_compared, ==, 60);
  g_assert_cmpuint (same->ranges->len, ==, 0);
  g_assert_cmpfloat (max_score (same), ==, 0);
  g_assert_cmpfloat_with_epsilon (same->fps, 30, 0.001);

  g_assert_cmpint (copy->frames_compared, ==, 60);
  g_assert_cmpuint (copy->ranges->len, ==, 0);
}

static void
test_codecs_of_same_content (void)
{
  g_autoptr(FdMediaDiffResult) result = run_diff (plain_mp4, plain_webm, 0);

  /* H.264 against VP9 of the same frames: codec noise only, well under
   * the threshold. */
  g_autoptr(FdMediaDiffResult) tall = run_diff (tall_a, tall_webm, 0);

  g_test_message ("largest share of changed blocks, MP4 vs WebM: %.5f at 320×180, %.5f at 1080×1920",
                  max_score (result), max_score (tall));
  g_assert_cmpint (result->frames_compared, ==, 60);
  g_assert_cmpuint (result->ranges->len, ==, 0);
  g_assert_cmpfloat (max_score (result), <, FD_MEDIA_DIFF_DEFAULT_THRESHOLD / 4);
  g_assert_cmpint (tall->frames_compared, ==, 40);
  g_assert_cmpuint (tall->ranges->len, ==, 0);
  g_assert_cmpfloat (max_score (tall), <, FD_MEDIA_DIFF_DEFAULT_THRESHOLD / 4);
}

static void
assert_one_range (const FdMediaDiffResult *result,
                  gint64                   first,
                  gint64                   last)
{
  const FdChangeRange *range;

  g_assert_cmpuint (result->ranges->len, ==, 1);
  range = &g_array_index (result->ranges, FdChangeRange, 0);
  g_assert_cmpint (range->first_frame, ==, first);
  g_assert_cmpint (range->last_frame, ==, last);
  g_assert_cmpfloat_with_epsilon (range->start, first / result->fps, 1e-6);
  g_assert_cmpfloat_with_epsilon (range->end, (last + 1) / result->fps, 1e-6);
  g_assert_cmpfloat (range->peak, >, 0.03);
}

static void
test_one_segment (void)
{
  g_autoptr(FdMediaDiffResult) result = run_diff (plain_mp4, marked_mp4, 0);
  g_autoptr(FdMediaDiffResult) reverse = run_diff (marked_mp4, plain_webm, 0);
  g_autoptr(FdMediaDiffResult) tall = run_diff (tall_a, tall_b, 0);

  assert_one_range (result, 20, 31);
  assert_one_range (reverse, 20, 31);
  assert_one_range (tall, 10, 14);
  g_assert_cmpint (tall->frames_compared, ==, 40);
}

static void
test_offset (void)
{
  /* B shown 5 frames ahead: frames 0–54 of A compare with 5–59 of B, and
   * every picture differs (the frame numbers differ). */
  g_autoptr(FdMediaDiffResult) shifted = run_diff (plain_mp4, plain_copy, 5);

  g_assert_cmpint (shifted->frames_compared, ==, 55);
  g_assert_cmpuint (shifted->ranges->len, ==, 1);
  g_assert_cmpint (g_array_index (shifted->ranges, FdChangeRange, 0).first_frame, ==, 0);
  g_assert_cmpint (g_array_index (shifted->ranges, FdChangeRange, 0).last_frame, ==, 54);
}

static void
on_done (GObject      *source,
         GAsyncResult *res,
         gpointer      data)
{
  FdMediaDiffResult **out = data;
  g_autoptr(GError) error = NULL;

  *out = fd_media_diff_run_finish (FD_MEDIA_DIFF (source), res, &error);
  g_assert_no_error (error);
}

static void
test_async_and_cache (void)
{
  g_autofree char *cache = g_build_filename (media_dir, "cache", NULL);
  g_autoptr(FdMediaDiff) diff = fd_media_diff_new (plain_mp4, marked_mp4);
  g_autoptr(FdMediaDiff) again = fd_media_diff_new (plain_mp4, marked_mp4);
  g_autoptr(FdMediaDiff) by_hash = fd_media_diff_new (plain_mp4, marked_mp4);
  FdMediaDiffResult *result = NULL;
  g_autoptr(FdMediaDiffResult) cached = NULL;
  g_autoptr(FdMediaDiffResult) hashed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *hash_key = NULL;

  fd_media_diff_set_cache (diff, cache, NULL, NULL);
  fd_media_diff_run_async (diff, NULL, on_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  /* Progress reached the caller's context. */
  while (fd_media_diff_get_progress (diff) < 1.0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (fd_media_diff_get_from_cache (diff));
  assert_one_range (result, 20, 31);

  fd_media_diff_set_cache (again, cache, NULL, NULL);
  cached = fd_media_diff_run (again, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (fd_media_diff_get_from_cache (again));
  assert_one_range (cached, 20, 31);
  g_assert_cmpuint (cached->scores->len, ==, result->scores->len);

  /* The asset page passes content hashes: a different key. */
  fd_media_diff_set_cache (by_hash, cache, "a1b2", "c3d4");
  key = fd_media_diff_dup_cache_key (again, &error);
  hash_key = fd_media_diff_dup_cache_key (by_hash, &error);
  g_assert_cmpstr (key, !=, hash_key);
  hashed = fd_media_diff_run (by_hash, NULL, &error);
  g_assert_false (fd_media_diff_get_from_cache (by_hash));

  fd_media_diff_result_free (result);
}

static void
test_bad_inputs (void)
{
  g_autofree char *empty = g_build_filename (media_dir, "empty.mp4", NULL);
  g_autoptr(FdMediaDiff) diff = NULL;
  g_autoptr(FdMediaDiffResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (empty, "", 0, NULL);
  diff = fd_media_diff_new (plain_mp4, empty);
  result = fd_media_diff_run (diff, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, FD_MEDIA_ERROR, FD_MEDIA_ERROR_EMPTY);
}

static void
test_kernels (void)
{
  guint8 a[64 * 4], b[64 * 4], out[64 * 3];

  for (int i = 0; i < 64 * 4; i++)
    {
      a[i] = (guint8)(60 + (i * 7) % 120);
      b[i] = (guint8)(a[i] + (i % 5) * 9 - 18);
    }

  /* RGB against RGB (the vector path, 64 pixels: 192 bytes, whole vectors
   * and a tail), at gain 1 and 8. */
  fd_frame_diff_rgb (a, sizeof a, 3, b, sizeof b, 3, out, sizeof out, 63, 1, 1.0);
  for (int i = 0; i < 63 * 3; i++)
    g_assert_cmpint (out[i], ==, ABS ((int)a[i] - (int)b[i]));
  fd_frame_diff_rgb (a, sizeof a, 3, b, sizeof b, 3, out, sizeof out, 63, 1, 8.0);
  for (int i = 0; i < 63 * 3; i++)
    g_assert_cmpint (out[i], ==, MIN (255, ABS ((int)a[i] - (int)b[i]) * 8));

  /* RGBA against RGB (an image with transparency against a flattened
   * one): colours compared, alpha ignored. */
  fd_frame_diff_rgb (a, sizeof a, 4, b, sizeof b, 3, out, sizeof out, 64, 1, 2.0);
  for (int x = 0; x < 64; x++)
    for (int c = 0; c < 3; c++)
      g_assert_cmpint (out[x * 3 + c], ==, MIN (255, ABS ((int)a[x * 4 + c] - (int)b[x * 3 + c]) * 2));

  /* Blocks: a 37×21 plane (vector blocks, a ragged edge column and row)
   * with one 8×8 block changed by 20 levels and noise of ±3 elsewhere. */
  {
    guint8 pa[21 * 40], pb[21 * 40];
    gint64 n_blocks = 0;

    for (int i = 0; i < 21 * 40; i++)
      {
        pa[i] = (guint8)(100 + i % 13);
        pb[i] = (guint8)(pa[i] + (i % 7) - 3);
      }
    for (int y = 8; y < 16; y++)
      for (int x = 16; x < 24; x++)
        pb[y * 40 + x] = (guint8)(pa[y * 40 + x] + 20);

    g_assert_cmpint (fd_frame_diff_count_blocks (pa, 40, pb, 40, 37, 21, 12, &n_blocks), ==, 1);
    g_assert_cmpint (n_blocks, ==, 5 * 3);
    g_assert_cmpint (fd_frame_diff_count_blocks (pa, 40, pb, 40, 37, 21, 1, NULL), >=, 14);
    g_assert_cmpint (fd_frame_diff_count_blocks (pa, 40, pa, 40, 37, 21, 0, NULL), ==, 0);
  }

  /* Differences are 0, 9 or 18: the vector path and the tail agree with
   * a plain count at every threshold. */
  for (int t = 0; t < 20; t++)
    {
      gint64 expected = 0;

      for (int i = 0; i < 250; i++)
        expected += ABS ((int)a[i] - (int)b[i]) > t;
      g_assert_cmpint (fd_frame_diff_count_plane (a, 250, b, 250, 250, 1, t), ==, expected);
    }
}

/* The pane's I420 → RGB kernel against the exact BT.601 / BT.709
 * formulas in double precision, for both ranges, on a frame sweeping the
 * whole colour plane at an odd size. (videoconvert is no reference here:
 * its fast path centres luma on 128 and is itself 2–3 levels off.) */
static void
check_convert (const char   *colorimetry,
               const double  m[6])
{
  const int w = 243, h = 97;  /* AVX2 to 224, SSSE3 to 240, then plain C */
  g_autofree char *caps_text = g_strdup_printf ("video/x-raw,format=I420,width=%d,height=%d,"
                                                "framerate=30/1,colorimetry=%s", w, h, colorimetry);
  g_autoptr(GstCaps) caps = gst_caps_from_string (caps_text);
  g_autoptr(GstSample) i420 = NULL;
  g_autoptr(GstSample) ours = NULL;
  GstBufferPool *pool = NULL;
  GstVideoInfo info;
  GstVideoFrame frame, out;
  GstBuffer *buffer;
  double worst = 0;

  g_assert_true (gst_video_info_from_caps (&info, caps));
  buffer = gst_buffer_new_allocate (NULL, GST_VIDEO_INFO_SIZE (&info), NULL);
  g_assert_true (gst_video_frame_map (&frame, &info, buffer, GST_MAP_WRITE));
  for (int plane = 0; plane < 3; plane++)
    for (int y = 0; y < GST_VIDEO_FRAME_COMP_HEIGHT (&frame, plane); y++)
      for (int x = 0; x < GST_VIDEO_FRAME_COMP_WIDTH (&frame, plane); x++)
        ((guint8 *)GST_VIDEO_FRAME_PLANE_DATA (&frame, plane))[y * GST_VIDEO_FRAME_PLANE_STRIDE (&frame, plane) + x] =
          (guint8)(plane == 0 ? (x * 255) / w : plane == 1 ? (x * 255) / GST_VIDEO_FRAME_COMP_WIDTH (&frame, plane)
                                                          : 255 - (y * 255) / GST_VIDEO_FRAME_COMP_HEIGHT (&frame, plane));
  i420 = gst_sample_new (buffer, caps, NULL, NULL);

  ours = fd_frame_convert_sample (i420, &pool);
  g_assert_nonnull (ours);
  g_assert_true (gst_video_info_from_caps (&info, gst_sample_get_caps (ours)));
  g_assert_cmpint (GST_VIDEO_INFO_FORMAT (&info), ==, GST_VIDEO_FORMAT_RGB);
  g_assert_true (gst_video_frame_map (&out, &info, gst_sample_get_buffer (ours), GST_MAP_READ));

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        const guint8 *yp = GST_VIDEO_FRAME_PLANE_DATA (&frame, 0);
        const guint8 *up = GST_VIDEO_FRAME_PLANE_DATA (&frame, 1);
        const guint8 *vp = GST_VIDEO_FRAME_PLANE_DATA (&frame, 2);
        double yy = (yp[y * GST_VIDEO_FRAME_PLANE_STRIDE (&frame, 0) + x] - m[0]) * m[1];
        double uu = up[(y / 2) * GST_VIDEO_FRAME_PLANE_STRIDE (&frame, 1) + x / 2] - 128.0;
        double vv = vp[(y / 2) * GST_VIDEO_FRAME_PLANE_STRIDE (&frame, 2) + x / 2] - 128.0;
        double expected[3] = { yy + m[2] * vv, yy - m[3] * uu - m[4] * vv, yy + m[5] * uu };
        const guint8 *p = (const guint8 *)GST_VIDEO_FRAME_PLANE_DATA (&out, 0) +
                          y * GST_VIDEO_FRAME_PLANE_STRIDE (&out, 0) + x * 3;

        for (int c = 0; c < 3; c++)
          worst = MAX (worst, fabs (p[c] - CLAMP (expected[c], 0, 255)));
      }

  gst_video_frame_unmap (&out);
  gst_video_frame_unmap (&frame);
  gst_buffer_unref (buffer);
  gst_buffer_pool_set_active (pool, FALSE);
  gst_object_unref (pool);

  g_test_message ("%s: largest error %.2f levels", colorimetry, worst);
  g_assert_cmpfloat (worst, <, 2.0);
}

static void
test_convert (void)
{
  /* Luma offset and scale, then the R, G (U, V) and B chroma factors. */
  const double bt709[6] = { 16, 255.0 / 219, 1.792741, 0.213249, 0.532909, 2.112402 };
  const double bt601[6] = { 16, 255.0 / 219, 1.596027, 0.391762, 0.812968, 2.017232 };
  const double jpeg[6] = { 0, 1, 1.402, 0.344136, 0.714136, 1.772 };

  check_convert ("bt709", bt709);
  check_convert ("bt601", bt601);
  check_convert ("1:4:0:0", jpeg);  /* full range, BT.601 matrix (JPEG) */
}

/* The same with the AVX2 path turned off, in a process of its own (the
 * CPU check runs once). */
static void
test_convert_sse2 (void)
{
  if (g_test_subprocess ())
    {
      test_convert ();
      return;
    }

  g_setenv ("FD_NO_AVX2", "1", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("FD_NO_AVX2");
  g_test_trap_assert_passed ();
}

/* flightdeck-cli media … */

static JsonObject *
parse_object (const char *text,
              JsonParser *parser)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_cli_probe (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *human = NULL;
  JsonObject *object;
  JsonArray *placements;
  int status;

  out = fd_test_run_cli (NULL, &status, NULL, "media", "probe", tall_a, "--json", NULL);
  g_assert_cmpint (status, ==, 0);
  object = parse_object (out, parser);
  g_assert_cmpstr (json_object_get_string_member (object, "container"), ==, "mp4");
  g_assert_cmpstr (json_object_get_string_member (object, "video_codec"), ==, "h264");
  g_assert_cmpstr (json_object_get_string_member (object, "audio_codec"), ==, "aac");
  g_assert_cmpint (json_object_get_int_member (object, "width"), ==, 1080);
  g_assert_cmpint (json_object_get_int_member (object, "height"), ==, 1920);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (object, "fps"), 25, 0.001);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (object, "duration"), 1.6, 0.05);
  g_assert_cmpint (json_object_get_int_member (object, "size"), >, 0);

  placements = json_object_get_array_member (object, "placements");
  g_assert_cmpuint (json_array_get_length (placements), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (placements, 0), "result"), ==, "fail");
  /* 1.6 s is under Reels' recommended 3 s: a warning, Stories pass. */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (placements, 1), "result"), ==, "pass");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (placements, 2), "result"), ==, "warn");

  human = fd_test_run_cli (NULL, &status, NULL, "media", "probe", tall_a, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (human, "1080×1920"));
  g_assert_nonnull (strstr (human, "Reels"));
}

static void
test_cli_diff (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) parser2 = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *same = NULL;
  g_autofree char *human = NULL;
  g_autofree char *ws = g_build_filename (media_dir, "ws", NULL);
  g_autofree char *created = NULL;
  g_autofree char *cached = NULL;
  JsonObject *object, *range;
  JsonArray *changed;
  int status;

  out = fd_test_run_cli (NULL, &status, NULL, "media", "diff", plain_mp4, marked_mp4, "--json", NULL);
  g_assert_cmpint (status, ==, 0);
  object = parse_object (out, parser);
  g_assert_cmpint (json_object_get_int_member (object, "frames_compared"), ==, 60);
  changed = json_object_get_array_member (object, "changed");
  g_assert_cmpuint (json_array_get_length (changed), ==, 1);
  range = json_array_get_object_element (changed, 0);
  /* Frames 20–31 at 30 fps: 0.667 s to 1.067 s. */
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (range, "start"), 20.0 / 30, 1e-5);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (range, "end"), 32.0 / 30, 1e-5);

  same = fd_test_run_cli (NULL, &status, NULL, "media", "diff", plain_mp4, plain_webm, "--json", NULL);
  g_assert_cmpint (status, ==, 0);
  object = parse_object (same, parser2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "changed")), ==, 0);

  human = fd_test_run_cli (NULL, &status, NULL, "media", "diff", plain_mp4, marked_mp4, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (human, "1 changed range"));
  g_assert_nonnull (strstr (human, "frames 20–31"));

  /* With a workspace the result lands in its cache. */
  created = fd_test_run_cli (ws, &status, NULL, "init", "--name", "Diff test", NULL);
  g_assert_cmpint (status, ==, 0);
    {
      g_autofree char *diff_dir = g_build_filename (ws, "cache", "diff", NULL);
      g_autoptr(GDir) dir = NULL;

      cached = fd_test_run_cli (ws, &status, NULL, "media", "diff", plain_mp4, marked_mp4, "--json", NULL);
      g_assert_cmpint (status, ==, 0);
      dir = g_dir_open (diff_dir, 0, NULL);
      g_assert_nonnull (dir);
      g_assert_nonnull (g_dir_read_name (dir));
    }
}

static void
assert_cli_fails (const char *fragment,
                  ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *arg;
  int status;
  va_list ap;

  va_start (ap, fragment);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (char *)arg);
  va_end (ap);
  while (args->len < 4)
    g_ptr_array_add (args, NULL);

  out = fd_test_run_cli (NULL, &status, &err, g_ptr_array_index (args, 0), g_ptr_array_index (args, 1),
                         g_ptr_array_index (args, 2), g_ptr_array_index (args, 3), NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_cmpstr (out, ==, "");
  /* One line, from the media layer. */
  g_assert_true (g_str_has_suffix (err, "\n"));
  g_assert_null (strchr (err, '\n') == err + strlen (err) - 1 ? NULL : "more than one line");
  if (strstr (err, fragment) == NULL)
    g_error ("“%s” does not mention “%s”", err, fragment);
}

static void
test_cli_bad_media (void)
{
  g_autofree char *empty = g_build_filename (media_dir, "zero.mp4", NULL);
  g_autofree char *text = g_build_filename (media_dir, "brief.mp4", NULL);
  g_autofree char *audio = g_build_filename (media_dir, "sound.ogg", NULL);
  g_autofree char *cut = g_build_filename (media_dir, "cut.mp4", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;
  int status;
  g_autofree char *usage = NULL;

  g_file_set_contents (empty, "", 0, NULL);
  g_file_set_contents (text, "Brief: launch the summer sale on Reels.\n", -1, NULL);
  fd_test_media_write_audio (audio, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (plain_mp4, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (cut, contents, (gssize)(len * 0.5), NULL));

  assert_cli_fails ("empty (0 bytes)", "media", "probe", empty, "--json", NULL);
  assert_cli_fails ("not a video or an image", "media", "probe", text, NULL);
  assert_cli_fails ("has sound but no picture", "media", "probe", audio, NULL);
  assert_cli_fails ("cut.mp4", "media", "probe", cut, NULL);
  assert_cli_fails ("No such file", "media", "probe", "/nonexistent/cut.mp4", NULL);
  assert_cli_fails ("empty (0 bytes)", "media", "diff", plain_mp4, empty, NULL);
  assert_cli_fails ("no picture", "media", "diff", audio, plain_mp4, NULL);
  assert_cli_fails ("cut.mp4", "media", "diff", cut, plain_mp4, NULL);

  g_free (fd_test_run_cli (NULL, &status, &usage, "media", "diff", plain_mp4, NULL));
  g_assert_cmpint (status, ==, 2);
}

static void
test_cli_unsupported_codec (void)
{
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  int status;

  g_setenv ("GST_PLUGIN_FEATURE_RANK", "avdec_h264:NONE,openh264dec:NONE,vah264dec:NONE,"
            "vaapih264dec:NONE,nvh264dec:NONE,v4l2h264dec:NONE,dfbvideosink:NONE", TRUE);
  out = fd_test_run_cli (NULL, &status, &err, "media", "probe", plain_mp4, NULL);
  g_setenv ("GST_PLUGIN_FEATURE_RANK", "dfbvideosink:NONE", TRUE);

  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "cannot decode"));
}

int
main (int   argc,
      char *argv[])
{
  FdTestVideo plain = { "mp4", 320, 180, 30, 1, 60, FALSE, -1, -1 };
  FdTestVideo webm = { "webm", 320, 180, 30, 1, 60, FALSE, -1, -1 };
  FdTestVideo marked = { "mp4", 320, 180, 30, 1, 60, FALSE, 20, 31 };
  FdTestVideo tall = { "mp4", 1080, 1920, 25, 1, 40, TRUE, -1, -1 };
  FdTestVideo tall_marked = { "mp4", 1080, 1920, 25, 1, 40, TRUE, 10, 14 };
  FdTestVideo tall_vp9 = { "webm", 1080, 1920, 25, 1, 40, FALSE, -1, -1 };
  int status;

  g_test_init (&argc, &argv, NULL);
  gst_init (NULL, NULL);

  media_dir = fd_test_tmpdir_new ();
  /* The subprocess of convert-sse2 needs no media. */
  if (!g_test_subprocess ())
    {
      plain_mp4 = fd_test_media_make_video (media_dir, "plain.mp4", &plain);
      plain_copy = fd_test_media_make_video (media_dir, "plain-copy.mp4", &plain);
      plain_webm = fd_test_media_make_video (media_dir, "plain.webm", &webm);
      marked_mp4 = fd_test_media_make_video (media_dir, "marked.mp4", &marked);
      tall_a = fd_test_media_make_video (media_dir, "tall-a.mp4", &tall);
      tall_b = fd_test_media_make_video (media_dir, "tall-b.mp4", &tall_marked);
      tall_webm = fd_test_media_make_video (media_dir, "tall.webm", &tall_vp9);
    }

  g_test_add_func ("/diff/kernels", test_kernels);
  g_test_add_func ("/diff/convert", test_convert);
  g_test_add_func ("/diff/convert-sse2", test_convert_sse2);
  g_test_add_func ("/diff/identical", test_identical);
  g_test_add_func ("/diff/codecs-of-same-content", test_codecs_of_same_content);
  g_test_add_func ("/diff/one-segment", test_one_segment);
  g_test_add_func ("/diff/offset", test_offset);
  g_test_add_func ("/diff/async-and-cache", test_async_and_cache);
  g_test_add_func ("/diff/bad-inputs", test_bad_inputs);
  g_test_add_func ("/cli/media-probe", test_cli_probe);
  g_test_add_func ("/cli/media-diff", test_cli_diff);
  g_test_add_func ("/cli/media-bad-media", test_cli_bad_media);
  g_test_add_func ("/cli/media-unsupported-codec", test_cli_unsupported_codec);

  status = g_test_run ();
  fd_test_tmpdir_free (media_dir);
  return status;
}
