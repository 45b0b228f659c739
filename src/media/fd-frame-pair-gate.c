/* fd-frame-pair-gate.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-frame-pair-gate"

#include "config.h"

#include "fd-frame-pair-gate.h"

/* Keeps the two sides of a comparison in step on screen.
 *
 * Both players run on one clock from one base time, so in a quiet machine
 * their frames arrive together. When one decoder is starved of CPU its
 * frames arrive late, and showing each side as it comes would put the two
 * pictures several frames apart. The gate holds the last few frames of
 * each side and, while locked, presents a side's frame only once the other
 * side has reached the frame before it: what is shown stays within one
 * frame, and a starved side slows both down together instead of drifting.
 *
 * After a reset (a seek, a step, an offset change) the first frames are
 * also shown as a pair, so a difference is never taken between a new frame
 * and an old one. A side that sends nothing new (a seek to where it already
 * was) is covered by fd_frame_pair_gate_flush(), called once both sides
 * have settled.
 *
 * Frames are pushed from the players' streaming threads; outputs are
 * called from there too, outside the lock. Unlocked (a side ended or
 * broken) every frame passes straight through. */

#define MAX_HELD 8

typedef struct
{
  GstSample *sample;
  gint64     frame;
  gint64     master;
} Held;

typedef struct
{
  FdPlayerFrameFunc func;
  gpointer          data;
  GDestroyNotify    destroy;
} Output;

struct _FdFramePairGate
{
  GObject   parent_instance;

  GMutex    lock;
  gboolean  locked;
  GQueue    held[2];        /* of Held*, oldest first */
  gint64    newest[2];      /* master frame of the newest pushed, or -1 */
  Held     *presented[2];
  Output    outputs[2];

  FdFramePairFunc pair_func;
  gpointer        pair_data;
  GDestroyNotify  pair_destroy;
};

G_DEFINE_FINAL_TYPE (FdFramePairGate, fd_frame_pair_gate, G_TYPE_OBJECT)

static void
held_free (Held *held)
{
  if (held == NULL)
    return;

  gst_sample_unref (held->sample);
  g_free (held);
}

static Held *
held_copy (const Held *held)
{
  Held *copy = g_memdup2 (held, sizeof *held);

  gst_sample_ref (copy->sample);
  return copy;
}

static void
clear_held_locked (FdFramePairGate *self)
{
  for (int side = 0; side < 2; side++)
    {
      g_queue_clear_full (&self->held[side], (GDestroyNotify)held_free);
      self->newest[side] = -1;
    }
}

static void
fd_frame_pair_gate_finalize (GObject *object)
{
  FdFramePairGate *self = (FdFramePairGate *)object;

  clear_held_locked (self);
  for (int side = 0; side < 2; side++)
    {
      g_clear_pointer (&self->presented[side], held_free);
      if (self->outputs[side].destroy != NULL)
        self->outputs[side].destroy (self->outputs[side].data);
    }
  if (self->pair_destroy != NULL)
    self->pair_destroy (self->pair_data);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (fd_frame_pair_gate_parent_class)->finalize (object);
}

static void
fd_frame_pair_gate_class_init (FdFramePairGateClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fd_frame_pair_gate_finalize;
}

static void
fd_frame_pair_gate_init (FdFramePairGate *self)
{
  g_mutex_init (&self->lock);
  for (int side = 0; side < 2; side++)
    {
      g_queue_init (&self->held[side]);
      self->newest[side] = -1;
    }
}

FdFramePairGate *
fd_frame_pair_gate_new (void)
{
  return g_object_new (FD_TYPE_FRAME_PAIR_GATE, NULL);
}

/**
 * fd_frame_pair_gate_set_output:
 * @side: 0 (A) or 1 (B)
 * @func: (nullable): receives the frames to show for @side
 *
 * Call before frames flow (the output is read without the lock held).
 */
void
fd_frame_pair_gate_set_output (FdFramePairGate   *self,
                               int                side,
                               FdPlayerFrameFunc  func,
                               gpointer           user_data,
                               GDestroyNotify     destroy)
{
  Output old;

  g_return_if_fail (FD_IS_FRAME_PAIR_GATE (self));
  g_return_if_fail (side == 0 || side == 1);

  g_mutex_lock (&self->lock);
  old = self->outputs[side];
  self->outputs[side] = (Output) { func, user_data, destroy };
  g_mutex_unlock (&self->lock);

  if (old.destroy != NULL)
    old.destroy (old.data);
}

/**
 * fd_frame_pair_gate_set_locked:
 *
 * Locked while both sides play; unlocked otherwise.
 */
void
fd_frame_pair_gate_set_locked (FdFramePairGate *self,
                               gboolean         locked)
{
  g_return_if_fail (FD_IS_FRAME_PAIR_GATE (self));

  g_mutex_lock (&self->lock);
  if (self->locked == locked)
    {
      g_mutex_unlock (&self->lock);
      return;
    }
  self->locked = locked;
  g_mutex_unlock (&self->lock);

  /* What was held for a partner that will not come is shown now. */
  if (!locked)
    fd_frame_pair_gate_flush (self);
}

/**
 * fd_frame_pair_gate_reset:
 *
 * Forgets the held frames: after a seek the old ones mean nothing.
 */
void
fd_frame_pair_gate_reset (FdFramePairGate *self)
{
  g_return_if_fail (FD_IS_FRAME_PAIR_GATE (self));

  g_mutex_lock (&self->lock);
  clear_held_locked (self);
  g_mutex_unlock (&self->lock);
}

/**
 * fd_frame_pair_gate_set_pair_output:
 * @func: (nullable): receives both presented frames each time either
 *   changes, taken together, on a streaming thread
 *
 * For consumers of the pair itself, such as the difference of the two
 * sides: they must never combine a side's new frame with the other's old
 * one, which separate per-side outputs cannot promise.
 */
void
fd_frame_pair_gate_set_pair_output (FdFramePairGate *self,
                                    FdFramePairFunc  func,
                                    gpointer         user_data,
                                    GDestroyNotify   destroy)
{
  GDestroyNotify old_destroy;
  gpointer old_data;

  g_return_if_fail (FD_IS_FRAME_PAIR_GATE (self));

  g_mutex_lock (&self->lock);
  old_destroy = self->pair_destroy;
  old_data = self->pair_data;
  self->pair_func = func;
  self->pair_data = user_data;
  self->pair_destroy = destroy;
  g_mutex_unlock (&self->lock);

  if (old_destroy != NULL)
    old_destroy (old_data);
}

typedef struct
{
  FdFramePairFunc func;
  gpointer        data;
  GstSample      *samples[2];
} PairDelivery;

/* Under the lock: what the pair output should get, if anything changed. */
static void
take_pair_locked (FdFramePairGate *self,
                  Held            *to_show[2],
                  PairDelivery    *pair)
{
  *pair = (PairDelivery) { NULL, NULL, { NULL, NULL } };

  if (self->pair_func == NULL || (to_show[0] == NULL && to_show[1] == NULL) ||
      self->presented[0] == NULL || self->presented[1] == NULL)
    return;

  pair->func = self->pair_func;
  pair->data = self->pair_data;
  pair->samples[0] = gst_sample_ref (self->presented[0]->sample);
  pair->samples[1] = gst_sample_ref (self->presented[1]->sample);
}

static void
deliver_pair (PairDelivery *pair)
{
  if (pair->func == NULL)
    return;

  pair->func (pair->samples[0], pair->samples[1], pair->data);
  gst_sample_unref (pair->samples[0]);
  gst_sample_unref (pair->samples[1]);
}

/* Shows @to_show[side] through the outputs; frees them. Unlocked. */
static void
deliver (Output  outputs[2],
         Held   *to_show[2])
{
  for (int s = 0; s < 2; s++)
    if (to_show[s] != NULL)
      {
        if (outputs[s].func != NULL)
          outputs[s].func (to_show[s]->sample, to_show[s]->frame, outputs[s].data);
        held_free (to_show[s]);
      }
}

static void
set_presented_locked (FdFramePairGate *self,
                      Held            *to_show[2])
{
  for (int s = 0; s < 2; s++)
    if (to_show[s] != NULL)
      {
        g_clear_pointer (&self->presented[s], held_free);
        self->presented[s] = held_copy (to_show[s]);
      }
}

/**
 * fd_frame_pair_gate_flush:
 *
 * Shows each side's newest held frame and forgets the rest. For when no
 * partner frame will come: the sides settled, or the gate was unlocked.
 */
void
fd_frame_pair_gate_flush (FdFramePairGate *self)
{
  Held *to_show[2] = { NULL, NULL };
  Output outputs[2];
  PairDelivery pair;

  g_return_if_fail (FD_IS_FRAME_PAIR_GATE (self));

  g_mutex_lock (&self->lock);
  outputs[0] = self->outputs[0];
  outputs[1] = self->outputs[1];
  for (int s = 0; s < 2; s++)
    {
      Held *newest = g_queue_peek_tail (&self->held[s]);

      if (newest != NULL &&
          (self->presented[s] == NULL || self->presented[s]->sample != newest->sample))
        to_show[s] = held_copy (newest);
      g_queue_clear_full (&self->held[s], (GDestroyNotify)held_free);
    }
  set_presented_locked (self, to_show);
  take_pair_locked (self, to_show, &pair);
  g_mutex_unlock (&self->lock);

  deliver (outputs, to_show);
  deliver_pair (&pair);
}

/* The newest held frame of @side that is at most one frame past @limit;
 * older held frames are dropped. */
static Held *
take_presentable_locked (FdFramePairGate *self,
                         int              side,
                         gint64           limit)
{
  Held *pick = NULL;

  for (GList *l = self->held[side].head; l != NULL; l = l->next)
    {
      Held *held = l->data;

      if (held->master <= limit + 1)
        pick = held;
    }

  if (pick == NULL)
    return NULL;

  while (self->held[side].head->data != pick)
    held_free (g_queue_pop_head (&self->held[side]));

  return pick;
}

static void
hold_locked (FdFramePairGate *self,
             int              side,
             GstSample       *sample,
             gint64           frame,
             gint64           master)
{
  Held *held;

  /* Going backwards means a seek or a loop: start over. */
  if (master < self->newest[side])
    g_queue_clear_full (&self->held[side], (GDestroyNotify)held_free);

  held = g_new0 (Held, 1);
  held->sample = gst_sample_ref (sample);
  held->frame = frame;
  held->master = master;
  g_queue_push_tail (&self->held[side], held);
  self->newest[side] = master;

  while (g_queue_get_length (&self->held[side]) > MAX_HELD)
    held_free (g_queue_pop_head (&self->held[side]));
}

/**
 * fd_frame_pair_gate_push:
 * @side: the side the frame belongs to
 * @frame: its number in that side's file
 * @master_frame: its number on the shared timeline (frame less the side's
 *   offset)
 *
 * Called from a streaming thread when a frame is due on screen.
 */
void
fd_frame_pair_gate_push (FdFramePairGate *self,
                         int              side,
                         GstSample       *sample,
                         gint64           frame,
                         gint64           master_frame)
{
  Held *to_show[2] = { NULL, NULL };
  Output outputs[2];

  PairDelivery pair;

  g_return_if_fail (FD_IS_FRAME_PAIR_GATE (self));
  g_return_if_fail (side == 0 || side == 1);

  g_mutex_lock (&self->lock);

  outputs[0] = self->outputs[0];
  outputs[1] = self->outputs[1];

  if (!self->locked)
    {
      Held pass = { sample, frame, master_frame };

      self->newest[side] = master_frame;
      to_show[side] = held_copy (&pass);
    }
  else
    {
      hold_locked (self, side, sample, frame, master_frame);

      /* Until both sides have a frame since the reset, hold. */
      if (self->newest[!side] >= 0)
        for (int s = 0; s < 2; s++)
          {
            Held *pick = take_presentable_locked (self, s, self->newest[!s]);

            if (pick != NULL &&
                (self->presented[s] == NULL || self->presented[s]->sample != pick->sample))
              to_show[s] = held_copy (pick);
          }
    }

  set_presented_locked (self, to_show);
  take_pair_locked (self, to_show, &pair);
  g_mutex_unlock (&self->lock);

  deliver (outputs, to_show);
  deliver_pair (&pair);
}

/**
 * fd_frame_pair_gate_dup_presented:
 * @master_frame: (out) (optional): its frame on the shared timeline
 *
 * Thread-safe.
 *
 * Returns: (transfer full) (nullable): the frame last presented for @side
 */
GstSample *
fd_frame_pair_gate_dup_presented (FdFramePairGate *self,
                                  int              side,
                                  gint64          *master_frame)
{
  GstSample *sample = NULL;

  g_return_val_if_fail (FD_IS_FRAME_PAIR_GATE (self), NULL);

  g_mutex_lock (&self->lock);
  if (self->presented[side] != NULL)
    {
      sample = gst_sample_ref (self->presented[side]->sample);
      if (master_frame != NULL)
        *master_frame = self->presented[side]->master;
    }
  g_mutex_unlock (&self->lock);

  return sample;
}
