/* fd-compare-transport.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-frame-pair-gate.h"
#include "fd-player.h"

G_BEGIN_DECLS

/**
 * FdCompareSide:
 * @FD_COMPARE_SIDE_A: the earlier version (left, or under the wipe)
 * @FD_COMPARE_SIDE_B: the later version
 */
typedef enum
{
  FD_COMPARE_SIDE_A,
  FD_COMPARE_SIDE_B,
} FdCompareSide;

#define FD_TYPE_COMPARE_TRANSPORT (fd_compare_transport_get_type ())

G_DECLARE_FINAL_TYPE (FdCompareTransport, fd_compare_transport, FD, COMPARE_TRANSPORT, GObject)

FdCompareTransport *fd_compare_transport_new            (void);
FdPlayer           *fd_compare_transport_get_player     (FdCompareTransport *self,
                                                         FdCompareSide       side);
void                fd_compare_transport_set_frame_func (FdCompareTransport *self,
                                                         FdCompareSide       side,
                                                         FdPlayerFrameFunc   func,
                                                         gpointer            user_data,
                                                         GDestroyNotify      destroy);
void                fd_compare_transport_set_pair_func  (FdCompareTransport *self,
                                                         FdFramePairFunc     func,
                                                         gpointer            user_data,
                                                         GDestroyNotify      destroy);
GstSample          *fd_compare_transport_dup_presented  (FdCompareTransport *self,
                                                         FdCompareSide       side,
                                                         gint64             *frame);
void                fd_compare_transport_open           (FdCompareTransport *self,
                                                         const char         *path_a,
                                                         const char         *path_b);
void                fd_compare_transport_play           (FdCompareTransport *self);
void                fd_compare_transport_pause          (FdCompareTransport *self);
void                fd_compare_transport_toggle         (FdCompareTransport *self);
void                fd_compare_transport_seek_frame     (FdCompareTransport *self,
                                                         gint64              frame);
void                fd_compare_transport_step           (FdCompareTransport *self,
                                                         int                 frames);
void                fd_compare_transport_set_rate       (FdCompareTransport *self,
                                                         double              rate);
void                fd_compare_transport_set_offset     (FdCompareTransport *self,
                                                         FdCompareSide       side,
                                                         int                 frames);
int                 fd_compare_transport_get_offset     (FdCompareTransport *self,
                                                         FdCompareSide       side);
void                fd_compare_transport_set_audio_side (FdCompareTransport *self,
                                                         FdCompareSide       side);
FdCompareSide       fd_compare_transport_get_audio_side (FdCompareTransport *self);
void                fd_compare_transport_set_loop       (FdCompareTransport *self,
                                                         gboolean            loop);
gboolean            fd_compare_transport_get_playing    (FdCompareTransport *self);
gint64              fd_compare_transport_get_frame      (FdCompareTransport *self);
gint64              fd_compare_transport_get_n_frames   (FdCompareTransport *self);
double              fd_compare_transport_get_fps        (FdCompareTransport *self);
double              fd_compare_transport_get_rate       (FdCompareTransport *self);

G_END_DECLS
