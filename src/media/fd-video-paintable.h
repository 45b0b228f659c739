/* fd-video-paintable.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gdk/gdk.h>

#include "fd-player.h"

G_BEGIN_DECLS

#define FD_TYPE_VIDEO_PAINTABLE (fd_video_paintable_get_type ())

G_DECLARE_FINAL_TYPE (FdVideoPaintable, fd_video_paintable, FD, VIDEO_PAINTABLE, GObject)

FdVideoPaintable *fd_video_paintable_new                 (FdPlayer         *player);
FdVideoPaintable *fd_video_paintable_new_fed             (FdPlayer         *player);
void              fd_video_paintable_push_frame          (FdVideoPaintable *self,
                                                          GstSample        *sample,
                                                          gint64            frame);
FdPlayer         *fd_video_paintable_get_player          (FdVideoPaintable *self);
GdkTexture       *fd_video_paintable_get_texture         (FdVideoPaintable *self);
GstSample        *fd_video_paintable_get_sample          (FdVideoPaintable *self);
gint64            fd_video_paintable_get_frame           (FdVideoPaintable *self);
guint64           fd_video_paintable_get_frames_received (FdVideoPaintable *self);
guint64           fd_video_paintable_get_frames_shown    (FdVideoPaintable *self);
GdkTexture       *fd_video_paintable_texture_for_sample  (GstSample        *sample);

G_END_DECLS
