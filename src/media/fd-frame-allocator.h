/* fd-frame-allocator.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gst/gst.h>

G_BEGIN_DECLS

#define FD_TYPE_FRAME_ALLOCATOR (fd_frame_allocator_get_type ())

G_DECLARE_FINAL_TYPE (FdFrameAllocator, fd_frame_allocator, FD, FRAME_ALLOCATOR, GstAllocator)

GstAllocator *fd_frame_allocator_new         (void);
gboolean      fd_frame_allocator_is_alias    (GstMemory *mem);
gboolean      fd_frame_allocator_is_aliased  (GstMemory *mem);

G_END_DECLS
