/* test-player.c: the player engine — exact frames after seeks and steps,
 * rate, loop range, the end, bad files
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fd-media-error.h"
#include "fd-player.h"
#include "fd-test-media.h"
#include "fd-test-util.h"

static char *media_dir;
static char *mp4_sound;   /* 320×240 H.264 + AAC, 30 fps, 90 frames, keyframe every 30 */
static char *webm_tall;   /* 1080×1920 VP9, 25 fps, 50 frames */
static char *mp4_wide;    /* 1920×1080 H.264, 30 fps, 40 frames */

typedef gboolean (*Predicate) (FdPlayer *player, gconstpointer data);

/* Runs the main context until @predicate holds; fails after 20 s. */
static void
wait_for (FdPlayer      *player,
          Predicate      predicate,
          gconstpointer  data,
          const char    *what)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!predicate (player, data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for %s (state %d, frame %" G_GINT64_FORMAT ", seeking %d)",
                 what, fd_player_get_state (player), fd_player_get_frame (player),
                 fd_player_get_seeking (player));
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
is_ready (FdPlayer      *player,
          gconstpointer  data)
{
  FdPlayerState state = fd_player_get_state (player);

  return state == FD_PLAYER_STATE_PAUSED || state == FD_PLAYER_STATE_ERROR;
}

static gboolean
shows_frame (FdPlayer      *player,
             gconstpointer  data)
{
  return !fd_player_get_seeking (player) && fd_player_get_frame (player) == *(const gint64 *)data;
}

static gboolean
is_state (FdPlayer      *player,
          gconstpointer  data)
{
  return (int)fd_player_get_state (player) == GPOINTER_TO_INT (data);
}

static gboolean
not_seeking (FdPlayer      *player,
             gconstpointer  data)
{
  return !fd_player_get_seeking (player);
}

static gboolean
is_at_end (FdPlayer      *player,
           gconstpointer  data)
{
  return fd_player_get_at_end (player);
}

static FdPlayer *
open_player (const char *path)
{
  FdPlayer *player = fd_player_new ();

  fd_player_open (player, path);
  wait_for (player, is_ready, NULL, "the first frame");
  return player;
}

/* The frame on screen: the number painted in the pixels handed out must
 * be the one the player reports. */
static gint64
assert_frame_shown (FdPlayer *player,
                    gint64    expected)
{
  gint64 frame = -1;
  g_autoptr(GstSample) sample = fd_player_dup_sample (player, &frame);

  g_assert_nonnull (sample);
  g_assert_cmpint (frame, ==, expected);
  g_assert_cmpint (fd_player_get_frame (player), ==, expected);
  g_assert_cmpint (fd_test_media_read_number (sample), ==, expected);

  return frame;
}

static void
seek_and_check (FdPlayer *player,
                gint64    frame)
{
  fd_player_seek_frame (player, frame);
  wait_for (player, shows_frame, &frame, "a seek");
  assert_frame_shown (player, frame);
}

static void
step_and_check (FdPlayer *player,
                int       n,
                gint64    expected)
{
  fd_player_step (player, n);
  wait_for (player, shows_frame, &expected, "a step");
  assert_frame_shown (player, expected);
}

static void
test_open (void)
{
  g_autoptr(FdPlayer) player = open_player (mp4_sound);
  g_autofree char *timecode = NULL;
  const FdMediaInfo *info = fd_player_get_info (player);
  g_autoptr(GstSample) sample = fd_player_dup_sample (player, NULL);
  GstStructure *s = gst_caps_get_structure (gst_sample_get_caps (sample), 0);
  int width = 0;

  g_assert_cmpint (fd_player_get_state (player), ==, FD_PLAYER_STATE_PAUSED);
  g_assert_null (fd_player_get_error (player));
  g_assert_nonnull (info);
  g_assert_cmpint (fd_player_get_n_frames (player), ==, 90);
  g_assert_cmpfloat_with_epsilon (fd_player_get_fps (player), 30.0, 0.001);
  assert_frame_shown (player, 0);

  g_assert_cmpstr (gst_structure_get_string (s, "format"), ==, "RGB");
  g_assert_true (gst_structure_get_int (s, "width", &width));
  g_assert_cmpint (width, ==, 320);

  seek_and_check (player, 75);
  timecode = fd_player_dup_timecode (player);
  g_assert_cmpstr (timecode, ==, "00:00:02:15");
  g_assert_cmpint (fd_player_get_position (player), >=, 2500000 - 1000);
  g_assert_cmpint (fd_player_get_position (player), <=, 2500000 + 1000);
}

static void
check_seeks (const char  *path,
             const gint64 *frames,
             gsize        n)
{
  g_autoptr(FdPlayer) player = open_player (path);

  for (gsize i = 0; i < n; i++)
    seek_and_check (player, frames[i]);
}

static void
test_exact_seeks (void)
{
  /* Across keyframes (every 30), backwards, first and last. */
  const gint64 small[] = { 45, 29, 30, 31, 1, 89, 0, 60, 59 };
  const gint64 tall[] = { 37, 12, 49, 30, 29, 0 };
  const gint64 wide[] = { 39, 17, 30, 1 };

  check_seeks (mp4_sound, small, G_N_ELEMENTS (small));
  check_seeks (webm_tall, tall, G_N_ELEMENTS (tall));
  check_seeks (mp4_wide, wide, G_N_ELEMENTS (wide));
}

static void
test_seek_by_time (void)
{
  g_autoptr(FdPlayer) player = open_player (mp4_sound);
  gint64 expected = 45;

  /* A comment at 1.51 s lands on the frame on screen then: 45 (1.5 s). */
  fd_player_seek (player, 1510000);
  wait_for (player, shows_frame, &expected, "a seek by time");
  assert_frame_shown (player, 45);
}

static void
test_steps (void)
{
  g_autoptr(FdPlayer) player = open_player (mp4_sound);

  seek_and_check (player, 27);
  step_and_check (player, 1, 28);
  step_and_check (player, 1, 29);
  step_and_check (player, 1, 30);   /* onto a keyframe */
  step_and_check (player, 1, 31);
  step_and_check (player, -1, 30);
  step_and_check (player, -1, 29);  /* back across it: decoded from frame 0 */
  step_and_check (player, -5, 24);
  step_and_check (player, 10, 34);

  /* Steps in quick succession (a held key) add up. */
  fd_player_step (player, 1);
  fd_player_step (player, 1);
  fd_player_step (player, 1);
  {
    gint64 expected = 37;

    wait_for (player, shows_frame, &expected, "three quick steps");
    assert_frame_shown (player, 37);
  }

  /* Nothing before the first frame or past the last. */
  seek_and_check (player, 0);
  step_and_check (player, -1, 0);
  seek_and_check (player, 89);
  step_and_check (player, 1, 89);
}

static void
test_step_while_playing (void)
{
  g_autoptr(FdPlayer) player = open_player (webm_tall);
  gint64 before, expected;

  fd_player_play (player);
  wait_for (player, is_state, GINT_TO_POINTER (FD_PLAYER_STATE_PLAYING), "playing");
  fd_test_spin (300);
  before = fd_player_get_frame (player);
  fd_player_step (player, 1);
  wait_for (player, is_state, GINT_TO_POINTER (FD_PLAYER_STATE_PAUSED), "paused by the step");
  wait_for (player, not_seeking, NULL, "the step to settle");
  expected = fd_player_get_frame (player);
  /* The step pauses on the frame after the one on screen when it came. */
  g_assert_cmpint (expected, >=, before + 1);
  wait_for (player, shows_frame, &expected, "the stepped frame");
  assert_frame_shown (player, expected);
}

static void
test_rate (void)
{
  g_autoptr(FdPlayer) player = open_player (mp4_sound);
  gint64 start, advanced;

  fd_player_set_rate (player, 2.0);
  g_assert_cmpfloat (fd_player_get_rate (player), ==, 2.0);
  seek_and_check (player, 0);
  fd_player_play (player);
  wait_for (player, is_state, GINT_TO_POINTER (FD_PLAYER_STATE_PLAYING), "playing at 2×");
  start = fd_player_get_frame (player);
  fd_test_spin (1000);
  advanced = fd_player_get_frame (player) - start;
  /* 2 × 30 fps for one second, with room for a loaded machine. */
  g_assert_cmpint (advanced, >=, 40);
  g_assert_cmpint (advanced, <=, 75);

  fd_player_pause (player);
  fd_player_set_rate (player, 0.25);
  seek_and_check (player, 10);
  fd_player_play (player);
  wait_for (player, is_state, GINT_TO_POINTER (FD_PLAYER_STATE_PLAYING), "playing at 0.25×");
  start = fd_player_get_frame (player);
  fd_test_spin (1000);
  advanced = fd_player_get_frame (player) - start;
  g_assert_cmpint (advanced, >=, 5);
  g_assert_cmpint (advanced, <=, 11);

  /* Backwards (J): the frames go down. */
  fd_player_pause (player);
  seek_and_check (player, 80);
  fd_player_set_rate (player, -1.0);
  fd_player_play (player);
  wait_for (player, is_state, GINT_TO_POINTER (FD_PLAYER_STATE_PLAYING), "playing backwards");
  fd_test_spin (700);
  g_assert_cmpint (fd_player_get_frame (player), <, 75);
  g_assert_cmpint (fd_player_get_frame (player), >, 40);
  fd_player_pause (player);

  /* Out of range rates are clamped. */
  fd_player_set_rate (player, 8.0);
  g_assert_cmpfloat (fd_player_get_rate (player), ==, 2.0);
  fd_player_set_rate (player, 0.01);
  g_assert_cmpfloat (fd_player_get_rate (player), ==, 0.25);
}

static void
on_frame_notify (FdPlayer   *player,
                 GParamSpec *pspec,
                 GArray     *seen)
{
  gint64 frame = fd_player_get_frame (player);

  g_array_append_val (seen, frame);
}

static void
test_loop_range (void)
{
  g_autoptr(FdPlayer) player = open_player (mp4_sound);
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean wrapped = FALSE;

  fd_player_set_rate (player, 2.0);
  fd_player_set_loop_range (player, 10, 20);
  g_assert_true (fd_player_get_loop (player));
  g_assert_cmpint (fd_player_get_loop_in (player), ==, 10);
  g_assert_cmpint (fd_player_get_loop_out (player), ==, 20);
  seek_and_check (player, 10);

  g_signal_connect (player, "notify::frame", G_CALLBACK (on_frame_notify), seen);
  fd_player_play (player);
  fd_test_spin (1500);  /* 90 frames at 2×: the 11-frame range four times */
  fd_player_pause (player);

  g_assert_cmpuint (seen->len, >, 10);
  for (guint i = 0; i < seen->len; i++)
    {
      gint64 frame = g_array_index (seen, gint64, i);

      g_assert_cmpint (frame, >=, 10);
      g_assert_cmpint (frame, <=, 20);
      if (i > 0 && frame < g_array_index (seen, gint64, i - 1))
        wrapped = TRUE;
    }
  g_assert_true (wrapped);
  g_assert_cmpint (fd_player_get_state (player), !=, FD_PLAYER_STATE_ERROR);
  g_signal_handlers_disconnect_by_data (player, seen);

  /* A range so short the demuxer reaches its end while paused: the player
   * must not lock up, and plays it once asked. */
  fd_player_set_loop_range (player, 80, 81);
  seek_and_check (player, 80);
  fd_test_spin (300);
  fd_player_play (player);
  fd_test_spin (300);
  g_assert_cmpint (fd_player_get_frame (player), >=, 80);
  g_assert_cmpint (fd_player_get_frame (player), <=, 81);
  fd_player_pause (player);
  fd_player_set_loop (player, FALSE);
  seek_and_check (player, 10);
}

static void
test_play_to_end (void)
{
  g_autoptr(FdPlayer) player = open_player (webm_tall);
  gint64 last = 49;

  seek_and_check (player, 40);
  fd_player_set_volume (player, 0.3);
  fd_player_set_muted (player, TRUE);
  g_assert_true (fd_player_get_muted (player));
  g_assert_cmpfloat (fd_player_get_volume (player), ==, 0.3);
  fd_player_play (player);
  wait_for (player, is_at_end, NULL, "the end");
  wait_for (player, is_state, GINT_TO_POINTER (FD_PLAYER_STATE_PAUSED), "paused at the end");
  wait_for (player, shows_frame, &last, "the last frame");
  assert_frame_shown (player, 49);

  /* Play again starts over. */
  fd_player_play (player);
  wait_for (player, is_state, GINT_TO_POINTER (FD_PLAYER_STATE_PLAYING), "playing again");
  fd_test_spin (200);
  g_assert_cmpint (fd_player_get_frame (player), <, 20);
}

/* Played as fast as it decodes, to a reader slower than the decoder, every
 * frame handed out still shows its own number. The decoder lets go of its
 * references while earlier frames wait for the reader; the sink's buffers
 * must not be decoded into again while those frames still use them
 * (FdFramePool). */
typedef struct
{
  GMutex  lock;
  guint   n_frames;
  guint   n_wrong;
  gint64  wrong_frame;
  gint64  wrong_number;
} FrameLog;

static void
log_frame (GstSample *sample,
           gint64     frame,
           gpointer   data)
{
  FrameLog *log = data;
  gint64 number = fd_test_media_read_number (sample);

  g_mutex_lock (&log->lock);
  log->n_frames++;
  if (number != frame && log->n_wrong++ == 0)
    {
      log->wrong_frame = frame;
      log->wrong_number = number;
    }
  g_mutex_unlock (&log->lock);
  g_usleep (2000);
}

static void
check_frames_intact (const char *path,
                     guint       n_frames)
{
  FrameLog log = { 0, };
  g_autoptr(FdPlayer) player = fd_player_new ();

  g_mutex_init (&log.lock);
  fd_player_set_clock_sync (player, FALSE);
  fd_player_set_frame_func (player, log_frame, &log, NULL);
  fd_player_open (player, path);
  wait_for (player, is_ready, NULL, "the first frame");
  fd_player_play (player);
  wait_for (player, is_at_end, NULL, "the end");
  fd_player_set_frame_func (player, NULL, NULL, NULL);

  if (log.n_wrong > 0)
    g_error ("%u of %u frames showed another frame's picture, first frame %" G_GINT64_FORMAT
             " showing %" G_GINT64_FORMAT, log.n_wrong, log.n_frames, log.wrong_frame, log.wrong_number);
  /* The paused first frame, then every frame from it to the end. */
  g_assert_cmpuint (log.n_frames, >=, n_frames);
  g_mutex_clear (&log.lock);
}

static void
test_frames_intact (void)
{
  check_frames_intact (mp4_sound, 90);
  check_frames_intact (webm_tall, 50);
  /* Without the pool's care, one pass over this file shows a wrong
   * picture four times in five; three passes, nearly always. */
  for (int pass = 0; pass < 3; pass++)
    check_frames_intact (mp4_wide, 40);
}

static void
test_image (void)
{
  g_autofree char *png = g_build_filename (media_dir, "still.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FdPlayer) player = NULL;
  g_autoptr(GstSample) sample = NULL;
  GstStructure *s;
  int width = 0, height = 0;

  fd_test_media_write_image (png, 1080, 1350, &error);
  g_assert_no_error (error);

  player = open_player (png);
  g_assert_cmpint (fd_player_get_state (player), ==, FD_PLAYER_STATE_PAUSED);
  g_assert_true (fd_player_get_info (player)->is_image);
  sample = fd_player_dup_sample (player, NULL);
  g_assert_nonnull (sample);
  s = gst_caps_get_structure (gst_sample_get_caps (sample), 0);
  gst_structure_get_int (s, "width", &width);
  gst_structure_get_int (s, "height", &height);
  g_assert_cmpint (width, ==, 1080);
  g_assert_cmpint (height, ==, 1350);

  /* Transport requests on a still are harmless. */
  fd_player_play (player);
  fd_player_step (player, 1);
  fd_test_spin (100);
  g_assert_cmpint (fd_player_get_state (player), ==, FD_PLAYER_STATE_PAUSED);
}

static void
assert_open_fails (const char *path,
                   int         code,
                   const char *fragment)
{
  g_autoptr(FdPlayer) player = NULL;
  const GError *error;

  g_test_message ("opening %s", path);
  player = open_player (path);
  error = fd_player_get_error (player);

  g_assert_cmpint (fd_player_get_state (player), ==, FD_PLAYER_STATE_ERROR);
  g_assert_nonnull (error);
  g_assert_error ((GError *)error, FD_MEDIA_ERROR, code);
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, fragment);

  /* The player stays usable: the next file opens. */
  fd_player_open (player, mp4_sound);
  wait_for (player, is_state, GINT_TO_POINTER (FD_PLAYER_STATE_PAUSED), "a good file after a bad one");
  g_assert_cmpint (fd_player_get_state (player), ==, FD_PLAYER_STATE_PAUSED);
  g_assert_null (fd_player_get_error (player));
}

static void
test_bad_files (void)
{
  g_autofree char *empty = g_build_filename (media_dir, "empty.mp4", NULL);
  g_autofree char *text = g_build_filename (media_dir, "notes.mp4", NULL);
  g_autofree char *audio = g_build_filename (media_dir, "voice.ogg", NULL);
  g_autofree char *cut = g_build_filename (media_dir, "cut.mp4", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  g_file_set_contents (empty, "", 0, NULL);
  g_file_set_contents (text, "Notes for the v3 cut: not a video.\n", -1, NULL);
  fd_test_media_write_audio (audio, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (mp4_sound, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (cut, contents, (gssize)(len * 0.6), NULL));

  assert_open_fails (empty, FD_MEDIA_ERROR_EMPTY, "empty");
  assert_open_fails (text, FD_MEDIA_ERROR_NOT_MEDIA, "not a video or an image");
  assert_open_fails (audio, FD_MEDIA_ERROR_NO_PICTURE, "no picture");
  assert_open_fails (cut, FD_MEDIA_ERROR_CORRUPT, NULL);
}

static void
test_unsupported_codec (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(FdPlayer) player = open_player (mp4_sound);

      g_assert_cmpint (fd_player_get_state (player), ==, FD_PLAYER_STATE_ERROR);
      g_assert_error ((GError *)fd_player_get_error (player), FD_MEDIA_ERROR, FD_MEDIA_ERROR_UNSUPPORTED);
      return;
    }

  g_setenv ("GST_PLUGIN_FEATURE_RANK", "avdec_h264:NONE,openh264dec:NONE,vah264dec:NONE,"
            "vaapih264dec:NONE,nvh264dec:NONE,v4l2h264dec:NONE,dfbvideosink:NONE", TRUE);
  g_setenv ("FD_TEST_MEDIA_DIR", media_dir, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_setenv ("GST_PLUGIN_FEATURE_RANK", "dfbvideosink:NONE", TRUE);
  g_test_trap_assert_passed ();
}

static void
test_close_and_dispose_while_playing (void)
{
  FdPlayer *player = open_player (mp4_sound);

  fd_player_play (player);
  fd_test_spin (100);
  fd_player_close (player);
  wait_for (player, is_state, GINT_TO_POINTER (FD_PLAYER_STATE_EMPTY), "closed");
  fd_player_open (player, mp4_sound);
  fd_player_play (player);
  fd_test_spin (50);
  /* Dropping the last reference mid-playback joins the thread cleanly. */
  g_object_unref (player);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  if (g_test_subprocess ())
    {
      media_dir = g_strdup (g_getenv ("FD_TEST_MEDIA_DIR"));
      mp4_sound = g_build_filename (media_dir, "sound.mp4", NULL);
    }
  else
    {
      FdTestVideo sound = { "mp4", 320, 240, 30, 1, 90, TRUE, -1, -1 };
      FdTestVideo tall = { "webm", 1080, 1920, 25, 1, 50, FALSE, -1, -1 };
      FdTestVideo wide = { "mp4", 1920, 1080, 30, 1, 40, FALSE, -1, -1 };

      media_dir = fd_test_tmpdir_new ();
      mp4_sound = fd_test_media_make_video (media_dir, "sound.mp4", &sound);
      webm_tall = fd_test_media_make_video (media_dir, "tall.webm", &tall);
      mp4_wide = fd_test_media_make_video (media_dir, "wide.mp4", &wide);
    }

  g_test_add_func ("/player/open", test_open);
  g_test_add_func ("/player/exact-seeks", test_exact_seeks);
  g_test_add_func ("/player/seek-by-time", test_seek_by_time);
  g_test_add_func ("/player/steps", test_steps);
  g_test_add_func ("/player/step-while-playing", test_step_while_playing);
  g_test_add_func ("/player/rate", test_rate);
  g_test_add_func ("/player/loop-range", test_loop_range);
  g_test_add_func ("/player/play-to-end", test_play_to_end);
  g_test_add_func ("/player/frames-intact", test_frames_intact);
  g_test_add_func ("/player/image", test_image);
  g_test_add_func ("/player/bad-files", test_bad_files);
  g_test_add_func ("/player/unsupported-codec", test_unsupported_codec);
  g_test_add_func ("/player/close-and-dispose", test_close_and_dispose_while_playing);

  status = g_test_run ();

  if (!g_test_subprocess ())
    fd_test_tmpdir_free (media_dir);

  return status;
}
