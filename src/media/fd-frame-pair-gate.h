/* fd-frame-pair-gate.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-player.h"

G_BEGIN_DECLS

/**
 * FdFramePairFunc:
 * @a: the frame side A presents
 * @b: the frame side B presents with it
 */
typedef void (*FdFramePairFunc) (GstSample *a,
                                 GstSample *b,
                                 gpointer   user_data);

#define FD_TYPE_FRAME_PAIR_GATE (fd_frame_pair_gate_get_type ())

G_DECLARE_FINAL_TYPE (FdFramePairGate, fd_frame_pair_gate, FD, FRAME_PAIR_GATE, GObject)

FdFramePairGate *fd_frame_pair_gate_new           (void);
void             fd_frame_pair_gate_set_output    (FdFramePairGate   *self,
                                                   int                side,
                                                   FdPlayerFrameFunc  func,
                                                   gpointer           user_data,
                                                   GDestroyNotify     destroy);
void             fd_frame_pair_gate_set_pair_output (FdFramePairGate *self,
                                                     FdFramePairFunc  func,
                                                     gpointer         user_data,
                                                     GDestroyNotify   destroy);
void             fd_frame_pair_gate_set_locked    (FdFramePairGate   *self,
                                                   gboolean           locked);
void             fd_frame_pair_gate_flush         (FdFramePairGate   *self);
void             fd_frame_pair_gate_reset         (FdFramePairGate   *self);
void             fd_frame_pair_gate_push          (FdFramePairGate   *self,
                                                   int                side,
                                                   GstSample         *sample,
                                                   gint64             frame,
                                                   gint64             master_frame);
GstSample       *fd_frame_pair_gate_dup_presented (FdFramePairGate   *self,
                                                   int                side,
                                                   gint64            *master_frame);

G_END_DECLS
