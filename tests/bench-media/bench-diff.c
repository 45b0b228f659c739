/* bench-diff.c: the change timeline of two 1080p versions against
 * ffmpeg's difference blend, and the difference kernel of the view
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <gio/gio.h>
#include <sys/resource.h>

#include "fd-frame-diff.h"
#include "fd-media-diff.h"
#include "fd-test-media.h"
#include "fd-test-util.h"

/* The same pair of 10 s 1080p30 H.264 files (differing in frames
 * 120–149) goes through:
 *
 *   flightdeck: FdMediaDiff — decode both, compare every frame pair,
 *               produce the changed ranges (no cache)
 *   ffmpeg:     ffmpeg -i A -i B -filter_complex blend=all_mode=difference
 *               -f null -
 *
 * Each runs five times, interleaved; the best run counts. Target: ≥ 1× ffmpeg. Frame
 * pairs per second of CPU time are reported too (the machine is shared).
 * Then the view's full-resolution |A − B| × gain kernel is timed alone. */

static double
cpu_seconds (int who)
{
  struct rusage usage;

  getrusage (who, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

#define FRAMES 300
#define RUNS 5

static double
run_flightdeck (const char *a,
                const char *b,
                gint64     *frames,
                double     *per_cpu)
{
  double cpu = cpu_seconds (RUSAGE_SELF);
  g_autoptr(FdMediaDiff) diff = fd_media_diff_new (a, b);
  g_autoptr(FdMediaDiffResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double seconds;

  result = fd_media_diff_run (diff, NULL, &error);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_assert_no_error (error);
  g_assert_cmpuint (result->ranges->len, ==, 1);
  g_assert_cmpint (g_array_index (result->ranges, FdChangeRange, 0).first_frame, ==, 120);
  g_assert_cmpint (g_array_index (result->ranges, FdChangeRange, 0).last_frame, ==, 149);

  *frames = result->frames_compared;
  *per_cpu = *frames / (cpu_seconds (RUSAGE_SELF) - cpu);
  return *frames / seconds;
}

static double
run_ffmpeg (const char *ffmpeg,
            const char *a,
            const char *b,
            double     *per_cpu)
{
  double cpu = cpu_seconds (RUSAGE_CHILDREN);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double seconds;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                              ffmpeg, "-v", "error", "-nostdin", "-i", a, "-i", b,
                              "-filter_complex", "blend=all_mode=difference", "-f", "null", "-", NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check (process, NULL, &error);
  g_assert_no_error (error);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  *per_cpu = FRAMES / (cpu_seconds (RUSAGE_CHILDREN) - cpu);

  return FRAMES / seconds;
}

static void
time_kernel (void)
{
  const int w = 1920, h = 1080, n = 200;
  gsize stride = (gsize)w * 3;
  g_autofree guint8 *a = g_malloc (stride * h);
  g_autofree guint8 *b = g_malloc (stride * h);
  g_autofree guint8 *out = g_malloc (stride * h);
  gint64 start;
  double seconds;

  for (gsize i = 0; i < stride * h; i++)
    {
      a[i] = (guint8)(i * 31);
      b[i] = (guint8)(i * 17);
    }

  start = g_get_monotonic_time ();
  for (int i = 0; i < n; i++)
    fd_frame_diff_rgb (a, stride, 3, b, stride, 3, out, stride, w, h, 1 + i % 8);
  seconds = (g_get_monotonic_time () - start) / 1e6;

  g_print ("difference kernel (|A − B| × gain, 1920×1080 RGB): %.2f ms a frame, %.0f frames/s\n",
           seconds * 1000 / n, n / seconds);
}

int
main (int   argc,
      char *argv[])
{
  FdTestVideo spec_a = { "mp4", 1920, 1080, 30, 1, FRAMES, FALSE, -1, -1, "veryfast" };
  FdTestVideo spec_b = { "mp4", 1920, 1080, 30, 1, FRAMES, FALSE, 120, 149, "veryfast" };
  g_autofree char *dir = g_getenv ("FD_BENCH_DIR") ? g_strdup (g_getenv ("FD_BENCH_DIR")) : fd_test_tmpdir_new ();
  g_autofree char *a = g_build_filename (dir, "a.mp4", NULL);
  g_autofree char *b = g_build_filename (dir, "b.mp4", NULL);
  g_autofree char *ffmpeg = g_find_program_in_path ("ffmpeg");
  g_autoptr(GError) error = NULL;
  double best_ours = 0, best_ffmpeg = 0, best_ours_cpu = 0, best_ffmpeg_cpu = 0;

  setlocale (LC_ALL, "");
  g_print ("Encoding two versions, %d frames of 1080p30 H.264 each…\n", FRAMES);
  if (!fd_test_media_write_video (a, &spec_a, &error) || !fd_test_media_write_video (b, &spec_b, &error))
    g_error ("%s", error->message);

  for (int run = 0; run < RUNS; run++)
    {
      gint64 frames = 0;
      double ours_cpu = 0, theirs_cpu = 0;
      double ours = run_flightdeck (a, b, &frames, &ours_cpu);
      double theirs = ffmpeg ? run_ffmpeg (ffmpeg, a, b, &theirs_cpu) : 0;

      g_print ("  run %d: flightdeck %.1f frame pairs/s (%" G_GINT64_FORMAT " pairs, %.1f per CPU-second)",
               run + 1, ours, frames, ours_cpu);
      if (ffmpeg)
        g_print (", ffmpeg blend %.1f frame pairs/s (%.1f per CPU-second)", theirs, theirs_cpu);
      best_ours_cpu = MAX (best_ours_cpu, ours_cpu);
      best_ffmpeg_cpu = MAX (best_ffmpeg_cpu, theirs_cpu);
      g_print ("\n");
      best_ours = MAX (best_ours, ours);
      best_ffmpeg = MAX (best_ffmpeg, theirs);
    }

  if (ffmpeg)
    g_print ("diff 1080p pair: flightdeck %.1f frame pairs/s, ffmpeg blend=difference %.1f, ratio %.2f× "
             "(target ≥ 1.00×)\n", best_ours, best_ffmpeg, best_ours / best_ffmpeg);
  if (ffmpeg)
    g_print ("diff 1080p pair, per CPU-second: flightdeck %.1f, ffmpeg %.1f, ratio %.2f×\n",
             best_ours_cpu, best_ffmpeg_cpu, best_ours_cpu / best_ffmpeg_cpu);
  else
    g_print ("diff 1080p pair: flightdeck %.1f frame pairs/s; ffmpeg is not installed, so no comparison "
             "(./build-aux/dev bench installs it)\n", best_ours);

  time_kernel ();

  if (g_getenv ("FD_BENCH_DIR") == NULL)
    fd_test_tmpdir_free (g_steal_pointer (&dir));
  return 0;
}
