/* fd-timecode.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-timecode"

#include "config.h"

#include <math.h>
#include <stdio.h>

#include "fd-timecode.h"

/* SMPTE non-drop-frame timecode counts frames at the nominal rate (29.97
 * counts as 30): the numbering editors see in their timelines, and what a
 * reviewer types. */

static gint64
nominal_rate (double fps)
{
  return MAX (1, (gint64)llround (fps));
}

/**
 * fd_timecode_format:
 * @fps: the frame rate
 * @frame: a frame number, from 0
 *
 * Returns: (transfer full): "HH:MM:SS:FF"
 */
char *
fd_timecode_format (double fps,
                    gint64 frame)
{
  gint64 nominal = nominal_rate (fps);
  gint64 seconds;

  frame = MAX (frame, 0);
  seconds = frame / nominal;

  return g_strdup_printf ("%02lld:%02lld:%02lld:%02lld",
                          (long long)(seconds / 3600), (long long)((seconds / 60) % 60),
                          (long long)(seconds % 60), (long long)(frame % nominal));
}

/**
 * fd_timecode_parse:
 * @text: "HH:MM:SS:FF" (the hours may be left out: "MM:SS:FF")
 * @frame: (out): the frame it names, from 0
 *
 * Returns: whether @text is a timecode at @fps (FF below the nominal rate,
 *   minutes and seconds below 60)
 */
gboolean
fd_timecode_parse (const char *text,
                   double      fps,
                   gint64     *frame)
{
  gint64 nominal = nominal_rate (fps);
  unsigned int parts[4] = { 0 };
  int n = 0;
  int used = 0;

  if (text == NULL || fps <= 0)
    return FALSE;

  if (sscanf (text, "%2u:%2u:%2u:%3u%n", &parts[0], &parts[1], &parts[2], &parts[3], &used) == 4 &&
      text[used] == '\0')
    n = 4;
  else if (sscanf (text, "%2u:%2u:%3u%n", &parts[1], &parts[2], &parts[3], &used) == 3 &&
           text[used] == '\0')
    n = 3;

  /* sscanf takes signs and spaces; a timecode has digits and colons only. */
  for (const char *p = text; n > 0 && *p; p++)
    if (!g_ascii_isdigit (*p) && *p != ':')
      n = 0;

  if (n == 0 || parts[1] >= 60 || parts[2] >= 60 || parts[3] >= nominal)
    return FALSE;

  *frame = ((gint64)parts[0] * 3600 + parts[1] * 60 + parts[2]) * nominal + parts[3];
  return TRUE;
}

/**
 * fd_timecode_frame_time_us:
 * @fps_n: the frame rate's numerator
 * @fps_d: its denominator
 *
 * The first whole microsecond inside @frame: its presentation time rounded
 * up, so that seeking there shows that frame and not the one before
 * (frame 1 at 29.97 fps starts at 33366.67 µs: 33367).
 *
 * Returns: the time, or -1 without a frame rate
 */
gint64
fd_timecode_frame_time_us (int    fps_n,
                           int    fps_d,
                           gint64 frame)
{
  if (fps_n <= 0 || fps_d <= 0 || frame < 0)
    return -1;

  return (frame * fps_d * G_USEC_PER_SEC + fps_n - 1) / fps_n;
}
