/* fd-frame-grabber.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gst/gst.h>

#include "fd-media-info.h"

G_BEGIN_DECLS

#define FD_TYPE_FRAME_GRABBER (fd_frame_grabber_get_type ())

G_DECLARE_FINAL_TYPE (FdFrameGrabber, fd_frame_grabber, FD, FRAME_GRABBER, GObject)

FdFrameGrabber *fd_frame_grabber_new                      (const char         *path,
                                                           const FdMediaInfo  *info,
                                                           int                 max_size,
                                                           GError            **error);
int             fd_frame_grabber_get_width                (FdFrameGrabber     *self);
int             fd_frame_grabber_get_height               (FdFrameGrabber     *self);
GstSample      *fd_frame_grabber_grab_at                  (FdFrameGrabber     *self,
                                                           gint64              position_us,
                                                           GError            **error);
GstSample      *fd_frame_grabber_grab_frame               (FdFrameGrabber     *self,
                                                           gint64              frame,
                                                           GError            **error);
gint64          fd_frame_grabber_get_frame_number         (FdFrameGrabber     *self,
                                                           GstSample          *sample);
gboolean        fd_frame_grabber_check_complete           (FdFrameGrabber     *self,
                                                           GError            **error);
gboolean        fd_frame_grabber_save_png                 (GstSample          *sample,
                                                           const char         *path,
                                                           GError            **error);
gint64          fd_frame_grabber_pick_thumbnail_position  (const FdMediaInfo  *info);
gboolean        fd_frame_grabber_make_thumbnail           (const char         *path,
                                                           const FdMediaInfo  *info,
                                                           int                 max_size,
                                                           const char         *png_path,
                                                           gboolean            check_complete,
                                                           GError            **error);

G_END_DECLS
