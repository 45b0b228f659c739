/* bench-playback.c: 1080p playback through the review pane's sink against
 * the decoder alone
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <gtk/gtk.h>
#include <sys/resource.h>

#include "fd-player.h"
#include "fd-test-media.h"
#include "fd-test-util.h"
#include "fd-video-paintable.h"

/* Both sides decode the same 10 s of 1080p30 H.264 (x264 "veryfast",
 * CABAC, a keyframe a second: a typical export) as fast as they can:
 *
 *   decoder alone: filesrc ! decodebin ! fakesink sync=false
 *   pane:          FdPlayer (playbin, videoscale ! videoconvert ! RGBA !
 *                  appsink) → FdVideoPaintable (GdkMemoryTexture per frame,
 *                  handed to the main context), with clock sync off
 *
 * Each runs five times, interleaved; the best run counts. Target: pane ≥ 0.8×. The
 * machine is shared, so frames per second of CPU time (user + system,
 * all threads) are reported too: they do not depend on what else runs. */

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

#define FRAMES 300
#define RUNS 5

static double
decoder_alone (const char *path,
               guint64    *frames,
               double     *per_cpu)
{
  double cpu = cpu_seconds ();
  g_autofree char *description = g_strdup_printf ("filesrc location=\"%s\" ! decodebin ! "
                                                  "fakesink name=sink sync=false signal-handoffs=false",
                                                  path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GstElement) pipeline = gst_parse_launch (description, &error);
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) message = NULL;
  g_autoptr(GstElement) sink = NULL;
  g_autoptr(GstStructure) stats = NULL;
  gint64 start;
  double seconds;

  g_assert_no_error (error);
  gst_object_ref_sink (pipeline);
  bus = gst_element_get_bus (pipeline);
  sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");

  start = g_get_monotonic_time ();
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  message = gst_bus_timed_pop_filtered (bus, 120 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_assert_nonnull (message);
  g_assert_cmpint (GST_MESSAGE_TYPE (message), ==, GST_MESSAGE_EOS);

  g_object_get (sink, "stats", &stats, NULL);
  gst_structure_get_uint64 (stats, "rendered", frames);
  *per_cpu = *frames / (cpu_seconds () - cpu);
  gst_element_set_state (pipeline, GST_STATE_NULL);

  return *frames / seconds;
}

static gboolean
at_end (FdPlayer *player)
{
  return fd_player_get_at_end (player) || fd_player_get_state (player) == FD_PLAYER_STATE_ERROR;
}

static double
pane (const char *path,
      guint64    *frames,
      double     *per_cpu)
{
  double cpu = cpu_seconds ();
  g_autoptr(FdPlayer) player = fd_player_new ();
  g_autoptr(FdVideoPaintable) paintable = fd_video_paintable_new (player);
  gint64 start;
  double seconds;

  /* From opening the file (probe included) to the last frame, as the
   * decoder's pipeline is timed from its start. */
  start = g_get_monotonic_time ();
  fd_player_set_clock_sync (player, FALSE);
  fd_player_open (player, path);
  fd_player_play (player);
  while (!at_end (player))
    g_main_context_iteration (NULL, TRUE);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  *per_cpu = fd_video_paintable_get_frames_received (paintable) / (cpu_seconds () - cpu);

  g_assert_cmpint (fd_player_get_state (player), !=, FD_PLAYER_STATE_ERROR);
  *frames = fd_video_paintable_get_frames_received (paintable);
  g_print ("    (pane: %" G_GUINT64_FORMAT " textures made, %" G_GUINT64_FORMAT " reached the main loop)\n",
           fd_video_paintable_get_frames_received (paintable),
           fd_video_paintable_get_frames_shown (paintable));
  return *frames / seconds;
}

int
main (int   argc,
      char *argv[])
{
  FdTestVideo spec = { "mp4", 1920, 1080, 30, 1, FRAMES, FALSE, -1, -1, "veryfast" };
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  double best_decoder = 0, best_pane = 0, best_decoder_cpu = 0, best_pane_cpu = 0;

  setlocale (LC_ALL, "");
  gtk_init ();
  /* FD_BENCH_DIR keeps the media, to rerun other tools on it. */
  dir = g_getenv ("FD_BENCH_DIR") ? g_strdup (g_getenv ("FD_BENCH_DIR")) : fd_test_tmpdir_new ();
  path = g_build_filename (dir, "1080p.mp4", NULL);
  g_print ("Encoding %d frames of 1080p30 H.264…\n", FRAMES);
  if (!fd_test_media_write_video (path, &spec, &error))
    g_error ("%s", error->message);

  for (int run = 0; run < RUNS; run++)
    {
      guint64 n_decoder = 0, n_pane = 0;
      double d_cpu = 0, p_cpu = 0;
      double d = decoder_alone (path, &n_decoder, &d_cpu);
      double p = pane (path, &n_pane, &p_cpu);

      g_print ("  run %d: decoder alone %.1f fps (%" G_GUINT64_FORMAT " frames, %.1f per CPU-second), "
               "pane sink %.1f fps (%" G_GUINT64_FORMAT " frames, %.1f per CPU-second)\n",
               run + 1, d, n_decoder, d_cpu, p, n_pane, p_cpu);
      best_decoder_cpu = MAX (best_decoder_cpu, d_cpu);
      best_pane_cpu = MAX (best_pane_cpu, p_cpu);
      g_assert_cmpuint (n_pane, ==, n_decoder);
      best_decoder = MAX (best_decoder, d);
      best_pane = MAX (best_pane, p);
    }

  g_print ("playback 1080p H.264: decoder alone %.1f fps, pane sink %.1f fps, ratio %.2f× (target ≥ 0.80×)\n",
           best_decoder, best_pane, best_pane / best_decoder);
  g_print ("playback 1080p H.264, per CPU-second: decoder alone %.1f, pane sink %.1f, ratio %.2f×\n",
           best_decoder_cpu, best_pane_cpu, best_pane_cpu / best_decoder_cpu);

  if (g_getenv ("FD_BENCH_DIR") == NULL)
    fd_test_tmpdir_free (g_steal_pointer (&dir));
  return 0;
}
