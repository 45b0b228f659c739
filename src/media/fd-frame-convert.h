/* fd-frame-convert.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gst/gst.h>

G_BEGIN_DECLS

/**
 * FdYuvMatrix:
 * @FD_YUV_BT601: standard definition
 * @FD_YUV_BT709: high definition, what ad cuts use
 */
typedef enum
{
  FD_YUV_BT601,
  FD_YUV_BT709,
} FdYuvMatrix;

void       fd_frame_convert_i420_to_rgb (const guint8   *y,
                                         gsize           stride_y,
                                         const guint8   *u,
                                         gsize           stride_u,
                                         const guint8   *v,
                                         gsize           stride_v,
                                         guint8         *out,
                                         gsize           stride_out,
                                         int             width,
                                         int             height,
                                         FdYuvMatrix     matrix,
                                         gboolean        full_range);
GstSample *fd_frame_convert_sample      (GstSample      *i420,
                                         GstBufferPool **pool);

G_END_DECLS
