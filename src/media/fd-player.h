/* fd-player.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gst/gst.h>

#include "fd-media-info.h"

G_BEGIN_DECLS

/**
 * FdPlayerState:
 * @FD_PLAYER_STATE_EMPTY: no file
 * @FD_PLAYER_STATE_LOADING: reading the file and decoding its first frame
 * @FD_PLAYER_STATE_PAUSED: showing one frame
 * @FD_PLAYER_STATE_PLAYING: playing
 * @FD_PLAYER_STATE_ERROR: the file cannot be played; see FdPlayer:error
 */
typedef enum
{
  FD_PLAYER_STATE_EMPTY,
  FD_PLAYER_STATE_LOADING,
  FD_PLAYER_STATE_PAUSED,
  FD_PLAYER_STATE_PLAYING,
  FD_PLAYER_STATE_ERROR,
} FdPlayerState;

#define FD_PLAYER_MIN_RATE 0.25
#define FD_PLAYER_MAX_RATE 2.0

/**
 * FdPlayerFrameFunc:
 * @sample: (transfer none): the frame, packed RGB (RGBA where the source has
 *   alpha), square pixels
 * @frame: its number in the file, from 0
 * @user_data: the data given with the function
 *
 * Receives every frame the player shows, on a GStreamer streaming thread,
 * at the moment it is due on screen. It must return quickly.
 */
typedef void (*FdPlayerFrameFunc) (GstSample *sample,
                                   gint64     frame,
                                   gpointer   user_data);

#define FD_TYPE_PLAYER (fd_player_get_type ())

G_DECLARE_FINAL_TYPE (FdPlayer, fd_player, FD, PLAYER, GObject)

FdPlayer          *fd_player_new               (void);

void               fd_player_set_frame_func    (FdPlayer          *self,
                                                FdPlayerFrameFunc  func,
                                                gpointer           user_data,
                                                GDestroyNotify     destroy);
void               fd_player_set_clock_sync    (FdPlayer          *self,
                                                gboolean           clock_sync);
void               fd_player_set_output_size   (FdPlayer          *self,
                                                int                width,
                                                int                height);

void               fd_player_open              (FdPlayer          *self,
                                                const char        *path);
void               fd_player_close             (FdPlayer          *self);
void               fd_player_play              (FdPlayer          *self);
void               fd_player_pause             (FdPlayer          *self);
void               fd_player_toggle            (FdPlayer          *self);
void               fd_player_seek_frame        (FdPlayer          *self,
                                                gint64             frame);
void               fd_player_seek              (FdPlayer          *self,
                                                gint64             position_us);
void               fd_player_step              (FdPlayer          *self,
                                                int                frames);
void               fd_player_set_rate          (FdPlayer          *self,
                                                double             rate);
void               fd_player_set_volume        (FdPlayer          *self,
                                                double             volume);
void               fd_player_set_muted         (FdPlayer          *self,
                                                gboolean           muted);
void               fd_player_set_loop          (FdPlayer          *self,
                                                gboolean           loop);
void               fd_player_set_loop_range    (FdPlayer          *self,
                                                gint64             in_frame,
                                                gint64             out_frame);
void               fd_player_clear_loop_range  (FdPlayer          *self);

FdPlayerState      fd_player_get_state         (FdPlayer          *self);
const GError      *fd_player_get_error         (FdPlayer          *self);
const FdMediaInfo *fd_player_get_info          (FdPlayer          *self);
const char        *fd_player_get_path          (FdPlayer          *self);
gint64             fd_player_get_frame         (FdPlayer          *self);
gint64             fd_player_get_position      (FdPlayer          *self);
gint64             fd_player_get_duration      (FdPlayer          *self);
gint64             fd_player_get_n_frames      (FdPlayer          *self);
double             fd_player_get_fps           (FdPlayer          *self);
gboolean           fd_player_get_seeking       (FdPlayer          *self);
gboolean           fd_player_get_at_end        (FdPlayer          *self);
double             fd_player_get_rate          (FdPlayer          *self);
double             fd_player_get_volume        (FdPlayer          *self);
gboolean           fd_player_get_muted         (FdPlayer          *self);
gboolean           fd_player_get_loop          (FdPlayer          *self);
gint64             fd_player_get_loop_in       (FdPlayer          *self);
gint64             fd_player_get_loop_out      (FdPlayer          *self);
char              *fd_player_dup_timecode      (FdPlayer          *self);
GstSample         *fd_player_dup_sample        (FdPlayer          *self,
                                                gint64            *frame);

/* Slaving, for FdCompareTransport: several players on one clock. */
void               fd_player_set_external_start (FdPlayer         *self,
                                                 GstClock         *clock);
void               fd_player_start_at           (FdPlayer         *self,
                                                 GstClockTime      base_time);

G_END_DECLS
