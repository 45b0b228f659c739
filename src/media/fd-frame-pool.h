/* fd-frame-pool.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gst/video/video.h>

G_BEGIN_DECLS

#define FD_TYPE_FRAME_POOL (fd_frame_pool_get_type ())

G_DECLARE_FINAL_TYPE (FdFramePool, fd_frame_pool, FD, FRAME_POOL, GstVideoBufferPool)

GstBufferPool *fd_frame_pool_new (void);

G_END_DECLS
