/* test-compare.c: two versions on one transport stay within one frame
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fd-compare-transport.h"
#include "fd-test-media.h"
#include "fd-test-util.h"

static char *media_dir;
static char *path_a;   /* 640×360 H.264 + AAC, 30 fps, 150 frames */
static char *path_b;   /* the same with a mark, as VP9 WebM + Opus */

/* The frame a side shows, read from its pixels. */
static gint64
shown (FdCompareTransport *transport,
       FdCompareSide       side)
{
  gint64 frame = -1;
  g_autoptr(GstSample) sample = fd_player_dup_sample (fd_compare_transport_get_player (transport, side), &frame);

  g_assert_nonnull (sample);
  g_assert_cmpint (fd_test_media_read_number (sample), ==, frame);
  return frame;
}

static gboolean
both_show (FdCompareTransport *transport,
           gint64              a,
           gint64              b)
{
  FdPlayer *pa = fd_compare_transport_get_player (transport, FD_COMPARE_SIDE_A);
  FdPlayer *pb = fd_compare_transport_get_player (transport, FD_COMPARE_SIDE_B);

  return fd_player_get_state (pa) == FD_PLAYER_STATE_PAUSED &&
         fd_player_get_state (pb) == FD_PLAYER_STATE_PAUSED &&
         !fd_player_get_seeking (pa) && !fd_player_get_seeking (pb) &&
         fd_player_get_frame (pa) == a && fd_player_get_frame (pb) == b;
}

static void
wait_both (FdCompareTransport *transport,
           gint64              a,
           gint64              b)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!both_show (transport, a, b))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for frames %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT, a, b);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_cmpint (shown (transport, FD_COMPARE_SIDE_A), ==, a);
  g_assert_cmpint (shown (transport, FD_COMPARE_SIDE_B), ==, b);
}

/* The frame a side has on screen, read from its pixels. */
static gint64
presented (FdCompareTransport *transport,
           FdCompareSide       side)
{
  gint64 master = -1;
  g_autoptr(GstSample) sample = fd_compare_transport_dup_presented (transport, side, &master);

  g_assert_nonnull (sample);
  return fd_test_media_read_number (sample);
}

/* Samples what both sides show while playing: B less its offset never
 * strays more than one frame from A, however loaded the machine. */
static void
assert_in_step (FdCompareTransport *transport,
                int                 offset_b,
                int                 duration_ms)
{
  gint64 end = g_get_monotonic_time () + duration_ms * 1000;
  gint64 first = presented (transport, FD_COMPARE_SIDE_A);
  int checks = 0;
  int worst = 0;

  while (g_get_monotonic_time () < end)
    {
      gint64 a, a_again, b;

      /* A consistent reading: A did not move while B was read (on a loaded
       * machine this thread can sleep between the two reads). */
      do
        {
          a = presented (transport, FD_COMPARE_SIDE_A);
          b = presented (transport, FD_COMPARE_SIDE_B) - offset_b;
          a_again = presented (transport, FD_COMPARE_SIDE_A);
        }
      while (a != a_again);

      worst = MAX (worst, (int)ABS (a - b));
      g_assert_cmpint (ABS (a - b), <=, 1);
      checks++;
      fd_test_spin (37);
    }

  g_test_message ("%d checks, largest gap %d frame(s)", checks, worst);
  g_assert_cmpint (checks, >, 10);
  /* And it was really playing. */
  g_assert_cmpint (presented (transport, FD_COMPARE_SIDE_A), >, first + 5);
}

static FdCompareTransport *
open_pair (void)
{
  FdCompareTransport *transport = fd_compare_transport_new ();

  fd_compare_transport_open (transport, path_a, path_b);
  wait_both (transport, 0, 0);
  g_assert_cmpint (fd_compare_transport_get_n_frames (transport), ==, 150);
  return transport;
}

static void
test_seek_and_step (void)
{
  g_autoptr(FdCompareTransport) transport = open_pair ();

  fd_compare_transport_seek_frame (transport, 50);
  wait_both (transport, 50, 50);
  fd_compare_transport_step (transport, 1);
  wait_both (transport, 51, 51);
  fd_compare_transport_step (transport, -1);
  wait_both (transport, 50, 50);

  /* A re-cut B: its frame 12 goes with A's frame 0. */
  fd_compare_transport_set_offset (transport, FD_COMPARE_SIDE_B, 12);
  wait_both (transport, 50, 62);
  fd_compare_transport_seek_frame (transport, 3);
  wait_both (transport, 3, 15);
  fd_compare_transport_step (transport, 1);
  wait_both (transport, 4, 16);
  g_assert_cmpint (fd_compare_transport_get_frame (transport), ==, 4);
}

static void
test_play_in_step (void)
{
  g_autoptr(FdCompareTransport) transport = open_pair ();

  fd_compare_transport_play (transport);
  g_assert_true (fd_compare_transport_get_playing (transport));
  fd_test_spin (300);
  assert_in_step (transport, 0, 1200);

  /* A seek while playing restarts both together. */
  fd_compare_transport_seek_frame (transport, 20);
  fd_test_spin (300);
  assert_in_step (transport, 0, 800);

  /* So does an offset and a rate change. */
  fd_compare_transport_set_offset (transport, FD_COMPARE_SIDE_B, 7);
  fd_compare_transport_set_rate (transport, 2.0);
  fd_test_spin (300);
  assert_in_step (transport, 7, 800);

  fd_compare_transport_pause (transport);
  g_assert_false (fd_compare_transport_get_playing (transport));
}

static void
test_audio_side (void)
{
  g_autoptr(FdCompareTransport) transport = fd_compare_transport_new ();
  FdPlayer *a = fd_compare_transport_get_player (transport, FD_COMPARE_SIDE_A);
  FdPlayer *b = fd_compare_transport_get_player (transport, FD_COMPARE_SIDE_B);

  g_assert_false (fd_player_get_muted (a));
  g_assert_true (fd_player_get_muted (b));
  fd_compare_transport_set_audio_side (transport, FD_COMPARE_SIDE_B);
  g_assert_true (fd_player_get_muted (a));
  g_assert_false (fd_player_get_muted (b));
}

static void
test_bad_side (void)
{
  g_autofree char *empty = g_build_filename (media_dir, "empty.webm", NULL);
  g_autoptr(FdCompareTransport) transport = fd_compare_transport_new ();
  FdPlayer *a = fd_compare_transport_get_player (transport, FD_COMPARE_SIDE_A);
  FdPlayer *b = fd_compare_transport_get_player (transport, FD_COMPARE_SIDE_B);
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  g_file_set_contents (empty, "", 0, NULL);
  fd_compare_transport_open (transport, path_a, empty);
  while (fd_player_get_state (a) != FD_PLAYER_STATE_PAUSED || fd_player_get_state (b) != FD_PLAYER_STATE_ERROR)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  /* A still plays on its own: frames keep coming (however loaded the
   * machine, within the deadline). */
  fd_compare_transport_play (transport);
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (shown (transport, FD_COMPARE_SIDE_A) <= 5)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      fd_test_spin (50);
    }
  g_assert_nonnull (strstr (fd_player_get_error (b)->message, "empty"));
}

int
main (int   argc,
      char *argv[])
{
  FdTestVideo a = { "mp4", 640, 360, 30, 1, 150, TRUE, -1, -1 };
  FdTestVideo b = { "webm", 640, 360, 30, 1, 150, TRUE, 40, 60 };
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  media_dir = fd_test_tmpdir_new ();
  path_a = g_build_filename (media_dir, "a.mp4", NULL);
  path_b = g_build_filename (media_dir, "b.webm", NULL);
  fd_test_media_write_video (path_a, &a, &error);
  g_assert_no_error (error);
  fd_test_media_write_video (path_b, &b, &error);
  g_assert_no_error (error);

  g_test_add_func ("/compare/seek-and-step", test_seek_and_step);
  g_test_add_func ("/compare/play-in-step", test_play_in_step);
  g_test_add_func ("/compare/audio-side", test_audio_side);
  g_test_add_func ("/compare/bad-side", test_bad_side);

  status = g_test_run ();
  fd_test_tmpdir_free (media_dir);
  return status;
}
