/* test-placement.c: Meta placement checks on probe data
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fd-placement.h"

static FdMediaInfo *
video (int    width,
       int    height,
       double seconds)
{
  FdMediaInfo *info = fd_media_info_new ();

  info->container = g_strdup ("mp4");
  info->video_codec = g_strdup ("h264");
  info->audio_codec = g_strdup ("aac");
  info->width = width;
  info->height = height;
  info->fps_n = 30;
  info->fps_d = 1;
  info->duration_us = (gint64)(seconds * G_USEC_PER_SEC);
  info->size_bytes = 20 * 1000 * 1000;

  return info;
}

static FdMediaInfo *
image (int width,
       int height)
{
  FdMediaInfo *info = fd_media_info_new ();

  info->container = g_strdup ("png");
  info->video_codec = g_strdup ("png");
  info->width = width;
  info->height = height;
  info->is_image = TRUE;
  info->size_bytes = 2 * 1000 * 1000;

  return info;
}

static void
assert_result (const FdMediaInfo *info,
               FdPlacement        placement,
               FdPlacementResult  expected,
               const char        *reason_fragment)
{
  g_autoptr(FdPlacementCheck) check = fd_placement_check (placement, info);
  g_autoptr(GString) all = g_string_new (NULL);

  for (guint i = 0; i < check->reasons->len; i++)
    g_string_append_printf (all, "%s; ", (char *)g_ptr_array_index (check->reasons, i));

  if (check->result != expected)
    g_error ("%s on %d×%d: expected %s, got %s (%s)", fd_placement_get_id (placement),
             info->width, info->height, fd_placement_result_get_id (expected),
             fd_placement_result_get_id (check->result), all->str);

  if (expected == FD_PLACEMENT_PASS)
    g_assert_cmpuint (check->reasons->len, ==, 0);
  if (reason_fragment != NULL && strstr (all->str, reason_fragment) == NULL)
    g_error ("“%s” does not mention “%s”", all->str, reason_fragment);
}

static void
test_video_sizes (void)
{
  g_autoptr(FdMediaInfo) portrait = video (1080, 1920, 15);
  g_autoptr(FdMediaInfo) landscape = video (1920, 1080, 15);
  g_autoptr(FdMediaInfo) square = video (1080, 1080, 15);
  g_autoptr(FdMediaInfo) four_five = video (1080, 1350, 15);

  assert_result (portrait, FD_PLACEMENT_FEED, FD_PLACEMENT_FAIL,
                 "Between 4:5 and 1.91:1 needed (±3 %), this is 9:16");
  assert_result (portrait, FD_PLACEMENT_STORIES, FD_PLACEMENT_PASS, NULL);
  assert_result (portrait, FD_PLACEMENT_REELS, FD_PLACEMENT_PASS, NULL);

  assert_result (landscape, FD_PLACEMENT_FEED, FD_PLACEMENT_WARN,
                 "4:5 or 1:1 recommended, this is 16:9");
  assert_result (landscape, FD_PLACEMENT_STORIES, FD_PLACEMENT_FAIL,
                 "9:16 needed (±1 %), this is 16:9");
  assert_result (landscape, FD_PLACEMENT_REELS, FD_PLACEMENT_FAIL, "9:16 needed");

  assert_result (square, FD_PLACEMENT_FEED, FD_PLACEMENT_PASS, NULL);
  assert_result (square, FD_PLACEMENT_STORIES, FD_PLACEMENT_FAIL, "this is 1:1");
  assert_result (four_five, FD_PLACEMENT_FEED, FD_PLACEMENT_PASS, NULL);
  assert_result (four_five, FD_PLACEMENT_REELS, FD_PLACEMENT_FAIL, "this is 4:5");
}

static void
test_image_sizes (void)
{
  g_autoptr(FdMediaInfo) portrait = image (1080, 1920);
  g_autoptr(FdMediaInfo) landscape = image (1920, 1080);
  g_autoptr(FdMediaInfo) square = image (1080, 1080);
  g_autoptr(FdMediaInfo) four_five = image (1080, 1350);
  g_autoptr(FdMediaInfo) link = image (1200, 628);

  assert_result (portrait, FD_PLACEMENT_STORIES, FD_PLACEMENT_PASS, NULL);
  assert_result (portrait, FD_PLACEMENT_FEED, FD_PLACEMENT_FAIL, "this is 9:16");
  assert_result (landscape, FD_PLACEMENT_FEED, FD_PLACEMENT_WARN, "this is 16:9");
  assert_result (square, FD_PLACEMENT_FEED, FD_PLACEMENT_PASS, NULL);
  assert_result (four_five, FD_PLACEMENT_FEED, FD_PLACEMENT_PASS, NULL);
  assert_result (four_five, FD_PLACEMENT_STORIES, FD_PLACEMENT_FAIL, "this is 4:5");
  /* 1200×628 is 1.91:1, the widest Feed allows. */
  assert_result (link, FD_PLACEMENT_FEED, FD_PLACEMENT_WARN, "this is 1.91:1");
}

static void
test_tolerance (void)
{
  /* 1080×1900 is 0.568, 1.1 % off 9:16: outside Stories' 1 %. */
  g_autoptr(FdMediaInfo) off = video (1080, 1900, 10);
  /* 1080×1910 is 0.5654, 0.5 % off: inside. */
  g_autoptr(FdMediaInfo) near = video (1080, 1910, 10);
  /* 1080×1380 is 2.2 % taller than 4:5: inside Feed's 3 %. */
  g_autoptr(FdMediaInfo) feed_near = image (1080, 1380);

  assert_result (off, FD_PLACEMENT_STORIES, FD_PLACEMENT_FAIL, "(±1 %)");
  assert_result (near, FD_PLACEMENT_STORIES, FD_PLACEMENT_PASS, NULL);
  assert_result (feed_near, FD_PLACEMENT_FEED, FD_PLACEMENT_PASS, NULL);
}

static void
test_limits (void)
{
  g_autoptr(FdMediaInfo) short_clip = video (1080, 1920, 0.4);
  g_autoptr(FdMediaInfo) long_story = video (1080, 1920, 5 * 60);
  g_autoptr(FdMediaInfo) long_reel = video (1080, 1920, 120);
  g_autoptr(FdMediaInfo) huge = video (1080, 1920, 30);
  g_autoptr(FdMediaInfo) small = video (522, 928, 10);
  g_autoptr(FdMediaInfo) tiny = video (360, 640, 10);
  g_autoptr(FdMediaInfo) vp9 = video (1080, 1920, 10);
  g_autoptr(FdMediaInfo) slow = video (1080, 1920, 10);
  g_autoptr(FdMediaInfo) big_image = image (1080, 1920);
  g_autoptr(FdMediaInfo) small_image = image (400, 400);

  assert_result (short_clip, FD_PLACEMENT_STORIES, FD_PLACEMENT_FAIL, "1 s to 60 min allowed, this is 0.4 s");
  assert_result (short_clip, FD_PLACEMENT_REELS, FD_PLACEMENT_FAIL, "0.5 s to 15 min allowed");
  assert_result (long_story, FD_PLACEMENT_STORIES, FD_PLACEMENT_WARN, "1 s to 2 min recommended, this is 5 min");
  assert_result (long_reel, FD_PLACEMENT_REELS, FD_PLACEMENT_WARN, "3 s to 90 s recommended, this is 2 min");

  huge->size_bytes = 5LL * 1000 * 1000 * 1000;
  assert_result (huge, FD_PLACEMENT_REELS, FD_PLACEMENT_FAIL, "At most 4.0\u00a0GB allowed, this is 5.0\u00a0GB");

  assert_result (small, FD_PLACEMENT_STORIES, FD_PLACEMENT_WARN, "At least 1080 px on the shorter side");
  assert_result (small, FD_PLACEMENT_REELS, FD_PLACEMENT_FAIL, "At least 540×960 needed, this is 522×928");
  assert_result (tiny, FD_PLACEMENT_STORIES, FD_PLACEMENT_FAIL, "At least 500 px wide needed");

  g_free (vp9->video_codec);
  vp9->video_codec = g_strdup ("vp9");
  assert_result (vp9, FD_PLACEMENT_STORIES, FD_PLACEMENT_WARN, "H.264 recommended, this is VP9");
  assert_result (vp9, FD_PLACEMENT_REELS, FD_PLACEMENT_WARN, "H.264 or H.265 recommended");

  slow->fps_n = 15;
  assert_result (slow, FD_PLACEMENT_REELS, FD_PLACEMENT_WARN, "24 to 60 fps recommended, this is 15 fps");

  big_image->size_bytes = 31 * 1000 * 1000;
  assert_result (big_image, FD_PLACEMENT_STORIES, FD_PLACEMENT_FAIL, "At most 30.0\u00a0MB allowed");
  assert_result (small_image, FD_PLACEMENT_FEED, FD_PLACEMENT_FAIL, "At least 600×600 needed, this is 400×400");
}

static void
test_non_square_pixels (void)
{
  /* 1440×1080 stored with 4:3 pixels shows as 1920×1080. */
  g_autoptr(FdMediaInfo) anamorphic = video (1440, 1080, 10);

  anamorphic->par_n = 4;
  anamorphic->par_d = 3;
  assert_result (anamorphic, FD_PLACEMENT_FEED, FD_PLACEMENT_WARN, "this is 16:9");
}

static void
test_safe_zones_and_json (void)
{
  g_autoptr(FdMediaInfo) portrait = video (1080, 1920, 15);
  g_autoptr(GPtrArray) checks = fd_placement_check_all (portrait);
  g_autoptr(JsonNode) node = fd_placement_checks_to_json (checks);
  JsonArray *array = json_node_get_array (node);
  JsonObject *feed = json_array_get_object_element (array, 0);
  const FdSafeZone *reels = fd_placement_get_safe_zone (FD_PLACEMENT_REELS);
  const FdSafeZone *stories = fd_placement_get_safe_zone (FD_PLACEMENT_STORIES);
  FdPlacement placement;

  g_assert_null (fd_placement_get_safe_zone (FD_PLACEMENT_FEED));
  g_assert_cmpfloat (stories->top, ==, 0.14);
  g_assert_cmpfloat (stories->bottom, ==, 0.20);
  g_assert_cmpfloat (reels->bottom, ==, 0.35);
  g_assert_cmpfloat (reels->left, ==, 0.06);

  g_assert_cmpuint (json_array_get_length (array), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (feed, "placement"), ==, "feed");
  g_assert_cmpstr (json_object_get_string_member (feed, "result"), ==, "fail");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (feed, "reasons")), ==, 1);

  g_assert_true (fd_placement_from_id ("reels", &placement));
  g_assert_cmpint (placement, ==, FD_PLACEMENT_REELS);
  g_assert_false (fd_placement_from_id ("banner", &placement));
}

static void
test_describe_aspect (void)
{
  const struct { int w, h; const char *text; } cases[] = {
    { 1920, 1080, "16:9" }, { 1080, 1920, "9:16" }, { 1080, 1350, "4:5" },
    { 1000, 1000, "1:1" }, { 1200, 628, "1.91:1" }, { 1000, 1230, "1:1.23" },
    { 2390, 1000, "2.39:1" }, { 1280, 720, "16:9" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = fd_placement_describe_aspect (cases[i].w, cases[i].h);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/placement/video-sizes", test_video_sizes);
  g_test_add_func ("/placement/image-sizes", test_image_sizes);
  g_test_add_func ("/placement/tolerance", test_tolerance);
  g_test_add_func ("/placement/limits", test_limits);
  g_test_add_func ("/placement/non-square-pixels", test_non_square_pixels);
  g_test_add_func ("/placement/safe-zones-and-json", test_safe_zones_and_json);
  g_test_add_func ("/placement/describe-aspect", test_describe_aspect);

  return g_test_run ();
}
