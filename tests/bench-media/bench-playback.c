/* bench-playback.c: 1080p playback through the review pane's sink against
 * the decoder alone
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include <gtk/gtk.h>
#include <sys/resource.h>

#include "fd-frame-convert.h"
#include "fd-player.h"
#include "fd-test-media.h"
#include "fd-test-util.h"
#include "fd-video-paintable.h"

/* Both sides decode the same 10 s of 1080p30 H.264 (x264 "veryfast",
 * CABAC, a keyframe a second: a typical export) as fast as they can:
 *
 *   decoder alone: filesrc ! decodebin ! fakesink sync=false
 *   pane:          FdPlayer (playbin, videoscale ! videoconvert ! I420 !
 *                  appsink with FdFramePool, I420 → RGB conversion) →
 *                  FdVideoPaintable (GdkMemoryTexture per frame, handed to
 *                  the main context), with clock sync off
 *
 * Each runs seven times, interleaved, and the best run counts; the median
 * of the runs' own ratios is reported too. Throughput is
 * timed from each side's first frame to its last, so that the pane's
 * opening (it probes the file before building its pipeline) does not
 * count as playback; the time from opening is reported too. Target: pane
 * ≥ 0.8×. The machine is shared, so frames per second of CPU time (user +
 * system, all threads, opening included) are reported too: they do not
 * depend on what else runs. */

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

#define FRAMES 300
#define RUNS 7

/* The first buffer's arrival, to time the steady state from it. */
static GstPadProbeReturn
first_buffer (GstPad          *pad,
              GstPadProbeInfo *info,
              gpointer         data)
{
  g_atomic_pointer_set ((gpointer *)data, GSIZE_TO_POINTER ((gsize)g_get_monotonic_time ()));
  return GST_PAD_PROBE_REMOVE;
}

static double
decoder_alone (const char *path,
               guint64    *frames,
               double     *per_cpu,
               double     *steady)
{
  gpointer first = NULL;
  g_autoptr(GstPad) sink_pad = NULL;
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
  gint64 start, end;
  double seconds;

  g_assert_no_error (error);
  gst_object_ref_sink (pipeline);
  bus = gst_element_get_bus (pipeline);
  sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  sink_pad = gst_element_get_static_pad (sink, "sink");
  gst_pad_add_probe (sink_pad, GST_PAD_PROBE_TYPE_BUFFER, first_buffer, &first, NULL);

  start = g_get_monotonic_time ();
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  message = gst_bus_timed_pop_filtered (bus, 120 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  end = g_get_monotonic_time ();
  seconds = (end - start) / 1e6;
  g_assert_nonnull (message);
  g_assert_cmpint (GST_MESSAGE_TYPE (message), ==, GST_MESSAGE_EOS);

  g_object_get (sink, "stats", &stats, NULL);
  gst_structure_get_uint64 (stats, "rendered", frames);
  *per_cpu = *frames / (cpu_seconds () - cpu);
  *steady = (*frames - 1) / ((end - (gint64)GPOINTER_TO_SIZE (g_atomic_pointer_get (&first))) / 1e6);
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
      double     *per_cpu,
      double     *steady)
{
  gint64 first = 0, end;
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
    {
      g_main_context_iteration (NULL, TRUE);
      if (first == 0 && fd_video_paintable_get_frames_received (paintable) > 0)
        first = g_get_monotonic_time ();
    }
  end = g_get_monotonic_time ();
  seconds = (end - start) / 1e6;
  *per_cpu = fd_video_paintable_get_frames_received (paintable) / (cpu_seconds () - cpu);

  g_assert_cmpint (fd_player_get_state (player), !=, FD_PLAYER_STATE_ERROR);
  *frames = fd_video_paintable_get_frames_received (paintable);
  *steady = (*frames - 1) / ((end - first) / 1e6);
  g_print ("    (pane: %" G_GUINT64_FORMAT " textures made, %" G_GUINT64_FORMAT " reached the main loop)\n",
           fd_video_paintable_get_frames_received (paintable),
           fd_video_paintable_get_frames_shown (paintable));
  return *frames / seconds;
}

/* The conversion GTK 4.8 needs (it takes no YUV textures) on its own,
 * with the frame in cache: what it costs when nothing else competes for
 * memory bandwidth. */
static void
time_conversion (void)
{
  const int w = 1920, h = 1080, n = 200;
  g_autofree guint8 *y = g_malloc ((gsize)w * h);
  g_autofree guint8 *uv = g_malloc ((gsize)w * h / 2);
  guint8 *out = NULL;
  gint64 start;
  double ms;

  g_assert_cmpint (posix_memalign ((void **)&out, 64, (gsize)w * 3 * h), ==, 0);
  for (gsize i = 0; i < (gsize)w * h; i++)
    y[i] = (guint8)(i * 13);
  for (gsize i = 0; i < (gsize)w * h / 2; i++)
    uv[i] = (guint8)(i * 7);

  start = g_get_monotonic_time ();
  for (int i = 0; i < n; i++)
    fd_frame_convert_i420_to_rgb (y, w, uv, w / 2, uv + (gsize)w * h / 4, w / 2, out, (gsize)w * 3, w, h,
                                  FD_YUV_BT709, FALSE);
  ms = (g_get_monotonic_time () - start) / 1000.0 / n;
  free (out);

  g_print ("I420 → RGB conversion alone, 1080p: %.2f ms a frame (%.1f GB/s read and written)\n",
           ms, (w * h * 1.5 + w * h * 3.0) / (ms / 1000) / 1e9);
}

/* GTK's side of each frame shown: the software renderer turns a texture
 * into a cairo surface (gdk_texture_download) every time it draws a new
 * one, on the main thread. Packed RGB, what the pane hands over, against
 * straight RGBA, what it handed over before. */
static double
download_ms (GdkMemoryFormat format,
             int             bytes_per_pixel)
{
  const int w = 1920, h = 1080, n = 30;
  gsize stride = (gsize)w * bytes_per_pixel;
  g_autofree guint8 *target = g_malloc ((gsize)w * h * 4);
  guint8 *pixels = g_malloc (stride * h);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  gint64 start;

  for (gsize i = 0; i < stride * h; i++)
    pixels[i] = (bytes_per_pixel == 4 && i % 4 == 3) ? 255 : (guint8)(i * 11);
  bytes = g_bytes_new_take (pixels, stride * h);
  texture = gdk_memory_texture_new (w, h, format, bytes, stride);

  start = g_get_monotonic_time ();
  for (int i = 0; i < n; i++)
    gdk_texture_download (texture, target, (gsize)w * 4);
  return (g_get_monotonic_time () - start) / 1000.0 / n;
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
  double best_decoder_steady = 0, best_pane_steady = 0;
  double pair_ratios[RUNS];

  setlocale (LC_ALL, "");
  gtk_init ();
  gst_init (&argc, &argv);
  /* FD_BENCH_DIR keeps the media, to rerun other tools on it. */
  dir = g_getenv ("FD_BENCH_DIR") ? g_strdup (g_getenv ("FD_BENCH_DIR")) : fd_test_tmpdir_new ();
  path = g_build_filename (dir, "1080p.mp4", NULL);
  /* A profiling run reuses the media of an earlier one. */
  if (g_getenv ("FD_BENCH_PROFILE") == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_print ("Encoding %d frames of 1080p30 H.264…\n", FRAMES);
      if (!fd_test_media_write_video (path, &spec, &error))
        g_error ("%s", error->message);
    }

  /* FD_BENCH_PROFILE=pane (or decoder) runs one side alone, over and
   * over, for a profiler (perf record) to see what each side spends. */
  if (g_getenv ("FD_BENCH_PROFILE") != NULL)
    {
      gboolean only_pane = g_str_equal (g_getenv ("FD_BENCH_PROFILE"), "pane");

      for (int run = 0; run < 4 * RUNS; run++)
        {
          guint64 n = 0;
          double cpu = 0, steady = 0;

          if (only_pane)
            pane (path, &n, &cpu, &steady);
          else
            decoder_alone (path, &n, &cpu, &steady);
        }
      return 0;
    }

  for (int run = 0; run < RUNS; run++)
    {
      guint64 n_decoder = 0, n_pane = 0;
      double d_cpu = 0, p_cpu = 0, d_steady = 0, p_steady = 0;
      double d = 0, p = 0;

      /* Each side goes first every other run, so neither always finds the
       * file in the page cache warmer than the other. */
      if (run % 2 == 0)
        {
          d = decoder_alone (path, &n_decoder, &d_cpu, &d_steady);
          p = pane (path, &n_pane, &p_cpu, &p_steady);
        }
      else
        {
          p = pane (path, &n_pane, &p_cpu, &p_steady);
          d = decoder_alone (path, &n_decoder, &d_cpu, &d_steady);
        }
      pair_ratios[run] = p_steady / d_steady;

      g_print ("  run %d: decoder alone %.1f fps playing, %.1f from start (%" G_GUINT64_FORMAT " frames, "
               "%.1f per CPU-second), pane sink %.1f fps playing, %.1f from opening (%" G_GUINT64_FORMAT
               " frames, %.1f per CPU-second)\n",
               run + 1, d_steady, d, n_decoder, d_cpu, p_steady, p, n_pane, p_cpu);
      best_decoder_steady = MAX (best_decoder_steady, d_steady);
      best_pane_steady = MAX (best_pane_steady, p_steady);
      best_decoder_cpu = MAX (best_decoder_cpu, d_cpu);
      best_pane_cpu = MAX (best_pane_cpu, p_cpu);
      g_assert_cmpuint (n_pane, ==, n_decoder);
      best_decoder = MAX (best_decoder, d);
      best_pane = MAX (best_pane, p);
    }

  g_print ("playback 1080p H.264, throughput from the first frame to the last: decoder alone %.1f fps, "
           "pane sink %.1f fps, ratio %.2f× (target ≥ 0.80×)\n",
           best_decoder_steady, best_pane_steady, best_pane_steady / best_decoder_steady);
  /* The load of a shared machine drifts; a run's two sides are seconds
   * apart, so the ratio within each pair is steadier than the ratio of
   * two best runs that may come from different moments. */
  qsort (pair_ratios, RUNS, sizeof (double), compare_doubles);
  g_print ("playback 1080p H.264, median of the %d runs' ratios (each run times both sides back to back): "
           "%.2f× (lowest %.2f×, highest %.2f×)\n",
           RUNS, pair_ratios[RUNS / 2], pair_ratios[0], pair_ratios[RUNS - 1]);
  g_print ("playback 1080p H.264, from opening (the pane probes the file first) to the last frame: "
           "decoder alone %.1f fps, pane sink %.1f fps, ratio %.2f×\n",
           best_decoder, best_pane, best_pane / best_decoder);
  g_print ("playback 1080p H.264, per CPU-second: decoder alone %.1f, pane sink %.1f, ratio %.2f×\n",
           best_decoder_cpu, best_pane_cpu, best_pane_cpu / best_decoder_cpu);

  time_conversion ();
  g_print ("GTK's software renderer drawing a new 1080p frame (gdk_texture_download): "
           "packed RGB %.2f ms, straight RGBA %.2f ms\n",
           download_ms (GDK_MEMORY_R8G8B8, 3), download_ms (GDK_MEMORY_R8G8B8A8, 4));

  if (g_getenv ("FD_BENCH_DIR") == NULL)
    fd_test_tmpdir_free (g_steal_pointer (&dir));
  return 0;
}
