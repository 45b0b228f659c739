/* fd-player-state.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-player"

#include "config.h"

#include "fd-media.h"
#include "fd-player-private.h"

/* What a player shows, read on its owner's thread: the state the engine
 * last published (FdPlayer's "shown" snapshot), and the last frame, which
 * any thread may take. The controls and the engine's messages are in
 * fd-player.c. */

FdPlayerState
fd_player_get_state (FdPlayer *self)
{
  g_return_val_if_fail (FD_IS_PLAYER (self), FD_PLAYER_STATE_EMPTY);
  return self->shown.state;
}

/**
 * fd_player_get_error:
 *
 * Returns: (nullable): why the file cannot be played, in state ERROR
 */
const GError *
fd_player_get_error (FdPlayer *self)
{
  g_return_val_if_fail (FD_IS_PLAYER (self), NULL);
  return self->shown.error;
}

/**
 * fd_player_get_info:
 *
 * Returns: (nullable): what the probe read, once loaded
 */
const FdMediaInfo *
fd_player_get_info (FdPlayer *self)
{
  g_return_val_if_fail (FD_IS_PLAYER (self), NULL);
  return self->shown.info;
}

const char *
fd_player_get_path (FdPlayer *self)
{
  g_return_val_if_fail (FD_IS_PLAYER (self), NULL);
  return self->path;
}

/**
 * fd_player_get_frame:
 *
 * Returns: the number of the frame on screen
 */
gint64
fd_player_get_frame (FdPlayer *self)
{
  g_return_val_if_fail (FD_IS_PLAYER (self), 0);
  return self->shown.frame;
}

/**
 * fd_player_get_position:
 *
 * Returns: the start of the frame on screen, in microseconds
 */
gint64
fd_player_get_position (FdPlayer *self)
{
  g_return_val_if_fail (FD_IS_PLAYER (self), 0);
  return self->shown.position;
}

gint64
fd_player_get_duration (FdPlayer *self)
{
  g_return_val_if_fail (FD_IS_PLAYER (self), 0);
  return self->shown.info ? self->shown.info->duration_us : 0;
}

gint64
fd_player_get_n_frames (FdPlayer *self)
{
  g_return_val_if_fail (FD_IS_PLAYER (self), 0);
  return self->shown.info ? fd_media_info_get_frame_count (self->shown.info) : 0;
}

double
fd_player_get_fps (FdPlayer *self)
{
  g_return_val_if_fail (FD_IS_PLAYER (self), 0);
  return self->shown.info ? fd_media_info_get_fps (self->shown.info) : 0;
}

/**
 * fd_player_get_seeking:
 *
 * Returns: whether a seek or a step is under way (the frame shown is not
 *   yet the one asked for)
 */
gboolean
fd_player_get_seeking (FdPlayer *self)
{
  g_return_val_if_fail (FD_IS_PLAYER (self), FALSE);
  return self->shown.seeking;
}

gboolean
fd_player_get_at_end (FdPlayer *self)
{
  g_return_val_if_fail (FD_IS_PLAYER (self), FALSE);
  return self->shown.at_end;
}

double
fd_player_get_rate (FdPlayer *self)
{
  g_return_val_if_fail (FD_IS_PLAYER (self), 1.0);
  return self->rate;
}

double
fd_player_get_volume (FdPlayer *self)
{
  g_return_val_if_fail (FD_IS_PLAYER (self), 1.0);
  return self->volume;
}

gboolean
fd_player_get_muted (FdPlayer *self)
{
  g_return_val_if_fail (FD_IS_PLAYER (self), FALSE);
  return self->muted;
}

gboolean
fd_player_get_loop (FdPlayer *self)
{
  g_return_val_if_fail (FD_IS_PLAYER (self), FALSE);
  return self->loop;
}

gint64
fd_player_get_loop_in (FdPlayer *self)
{
  g_return_val_if_fail (FD_IS_PLAYER (self), -1);
  return self->loop_in;
}

gint64
fd_player_get_loop_out (FdPlayer *self)
{
  g_return_val_if_fail (FD_IS_PLAYER (self), -1);
  return self->loop_out;
}

/**
 * fd_player_dup_timecode:
 *
 * Returns: (transfer full): "HH:MM:SS:FF" of the frame on screen
 */
char *
fd_player_dup_timecode (FdPlayer *self)
{
  g_return_val_if_fail (FD_IS_PLAYER (self), NULL);
  return fd_media_format_timecode (fd_player_get_fps (self), self->shown.frame);
}

/**
 * fd_player_dup_sample:
 * @frame: (out) (optional): its frame number
 *
 * Thread-safe.
 *
 * Returns: (transfer full) (nullable): the last frame handed out
 */
GstSample *
fd_player_dup_sample (FdPlayer *self,
                      gint64   *frame)
{
  GstSample *sample;

  g_return_val_if_fail (FD_IS_PLAYER (self), NULL);

  g_mutex_lock (&self->lock);
  sample = self->last_sample ? gst_sample_ref (self->last_sample) : NULL;
  if (frame != NULL)
    *frame = self->last_frame;
  g_mutex_unlock (&self->lock);

  return sample;
}
