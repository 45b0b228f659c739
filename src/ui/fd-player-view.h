/* fd-player-view.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fd-filmstrip.h"
#include "fd-markup-overlay.h"
#include "fd-media-canvas.h"
#include "fd-player.h"
#include "fd-video-paintable.h"

G_BEGIN_DECLS

#define FD_TYPE_PLAYER_VIEW (fd_player_view_get_type ())

G_DECLARE_FINAL_TYPE (FdPlayerView, fd_player_view, FD, PLAYER_VIEW, GtkWidget)

GtkWidget        *fd_player_view_new                (void);
void              fd_player_view_open               (FdPlayerView *self,
                                                     const char   *path);
void              fd_player_view_seek_frame         (FdPlayerView *self,
                                                     gint64        frame);
FdPlayer         *fd_player_view_get_player         (FdPlayerView *self);
FdVideoPaintable *fd_player_view_get_paintable      (FdPlayerView *self);
FdMediaCanvas    *fd_player_view_get_canvas         (FdPlayerView *self);
FdFilmstrip      *fd_player_view_get_filmstrip      (FdPlayerView *self);
FdMarkupOverlay  *fd_player_view_get_markup_overlay (FdPlayerView *self);
void              fd_player_view_set_safe_zone      (FdPlayerView *self,
                                                     int           placement);
void              fd_player_view_set_markers        (FdPlayerView *self,
                                                     GArray       *frames);

G_END_DECLS
