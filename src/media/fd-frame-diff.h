/* fd-frame-diff.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void   fd_frame_diff_rgb          (const guint8 *a,
                                   gsize         stride_a,
                                   int           bpp_a,
                                   const guint8 *b,
                                   gsize         stride_b,
                                   int           bpp_b,
                                   guint8       *out,
                                   gsize         stride_out,
                                   int           width,
                                   int           height,
                                   double        gain);
gint64 fd_frame_diff_count_blocks (const guint8 *a,
                                   gsize         stride_a,
                                   const guint8 *b,
                                   gsize         stride_b,
                                   int           width,
                                   int           height,
                                   int           mean_threshold,
                                   gint64       *n_blocks);
gint64 fd_frame_diff_count_plane  (const guint8 *a,
                                   gsize         stride_a,
                                   const guint8 *b,
                                   gsize         stride_b,
                                   int           width,
                                   int           height,
                                   int           threshold);

G_END_DECLS
