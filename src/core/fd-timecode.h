/* fd-timecode.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Frame numbers, times and SMPTE timecodes, without GStreamer: the core
 * stores frames (exact) and computes what a player seeks to. */

char     *fd_timecode_format        (double       fps,
                                     gint64       frame);
gboolean  fd_timecode_parse         (const char  *text,
                                     double       fps,
                                     gint64      *frame);
gint64    fd_timecode_frame_time_us (int          fps_n,
                                     int          fps_d,
                                     gint64       frame);

G_END_DECLS
