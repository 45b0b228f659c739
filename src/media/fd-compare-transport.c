/* fd-compare-transport.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-compare-transport"

#include "config.h"

#include <math.h>

#include "fd-compare-transport.h"
#include "fd-frame-pair-gate.h"

/* One transport for two versions.
 *
 * Each side is a whole FdPlayer (its own pipeline and thread), rather than
 * two branches of one pipeline. A re-cut version needs its own position
 * (the per-side offset is just a different seek target), its own frame
 * rate and length, and a damaged B must not stop A. What keeps them
 * together is time: both pipelines run on one GstSystemClock, never start
 * by themselves (fd_player_set_external_start), and are started with the
 * same base time after both have prerolled their exact frames. After a
 * flushing seek a pipeline's running time starts at zero at the seek
 * target, so from that base time on both show frame target + k at the
 * same clock instant. Pausing, seeking or a rate change stops both and
 * restarts them the same way, so they cannot drift.
 *
 * The master timeline is A's, minus A's offset: frame F shows A's frame
 * F + offset_a and B's frame F + offset_b.
 *
 * Frames reach the screen through an FdFramePairGate, which keeps what is
 * shown within one frame even when one side's decoder is starved of CPU. */

/* Time between "both prerolled" and the first frame: enough for the two
 * pipelines to reach PLAYING. */
#define START_DELAY (40 * GST_MSECOND)
#define START_TIMEOUT_MS 5000

/* How a side's frames reach the gate; owned by the player's frame function,
 * so it lives exactly as long as the player may call it. */
typedef struct
{
  FdFramePairGate *gate;
  int              side;
  int              offset;   /* atomic: set on the main thread */
} FrameRoute;

struct _FdCompareTransport
{
  GObject          parent_instance;

  FdPlayer        *players[2];
  FrameRoute      *routes[2];
  FdFramePairGate *gate;
  GstClock      *clock;
  int            offsets[2];
  FdCompareSide  audio_side;
  double         rate;
  gboolean       loop;
  gboolean       playing;
  gboolean       start_pending;
  gint64         targets[2];
  guint          start_timeout_id;
  gint64         frame;
};

G_DEFINE_FINAL_TYPE (FdCompareTransport, fd_compare_transport, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PLAYING,
  PROP_FRAME,
  PROP_N_FRAMES,
  PROP_RATE,
  PROP_OFFSET_A,
  PROP_OFFSET_B,
  PROP_AUDIO_SIDE,
  PROP_LOOP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
frame_route_free (gpointer data)
{
  FrameRoute *route = data;

  g_clear_object (&route->gate);
  g_free (route);
}

/* Streaming thread of one side. */
static void
on_player_frame (GstSample *sample,
                 gint64     frame,
                 gpointer   data)
{
  FrameRoute *route = data;

  fd_frame_pair_gate_push (route->gate, route->side, sample, frame,
                           frame - g_atomic_int_get (&route->offset));
}

/* The gate pairs the two sides' frames; with a side ended or broken, the
 * other shows its frames as they come. Once both sides have settled on a
 * paused frame, whatever waits for a partner is shown. */
static void
update_gate (FdCompareTransport *self)
{
  gboolean locked = TRUE;
  gboolean settled = TRUE;

  for (int side = 0; side < 2; side++)
    {
      FdPlayer *player = self->players[side];

      if (fd_player_get_state (player) == FD_PLAYER_STATE_ERROR ||
          (self->playing && fd_player_get_at_end (player)))
        locked = FALSE;
      if (fd_player_get_state (player) != FD_PLAYER_STATE_PAUSED || fd_player_get_seeking (player))
        settled = FALSE;
    }

  fd_frame_pair_gate_set_locked (self->gate, locked);
  if (settled && !self->playing)
    fd_frame_pair_gate_flush (self->gate);
}

static void
set_playing (FdCompareTransport *self,
             gboolean            playing)
{
  if (self->playing == playing)
    return;

  self->playing = playing;
  update_gate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
}

static gint64
side_frames (FdCompareTransport *self,
             int                 side)
{
  return fd_player_get_n_frames (self->players[side]);
}

static gint64
clamp_side (FdCompareTransport *self,
            int                 side,
            gint64              frame)
{
  gint64 n = side_frames (self, side);

  /* Before a side has loaded its length is unknown; its player clamps. */
  return n > 0 ? CLAMP (frame, 0, n - 1) : MAX (frame, 0);
}

static gboolean
side_ready (FdCompareTransport *self,
            int                 side)
{
  FdPlayer *player = self->players[side];

  return fd_player_get_state (player) == FD_PLAYER_STATE_ERROR ||
         (!fd_player_get_seeking (player) && fd_player_get_frame (player) == self->targets[side]);
}

static void
start_both (FdCompareTransport *self)
{
  GstClockTime base = gst_clock_get_time (self->clock) + START_DELAY;

  self->start_pending = FALSE;
  g_clear_handle_id (&self->start_timeout_id, g_source_remove);

  fd_frame_pair_gate_reset (self->gate);
  update_gate (self);

  for (int side = 0; side < 2; side++)
    if (fd_player_get_state (self->players[side]) != FD_PLAYER_STATE_ERROR)
      fd_player_start_at (self->players[side], base);
}

static gboolean
on_start_timeout (gpointer data)
{
  FdCompareTransport *self = data;

  /* A side that cannot reach its frame (a file shorter than announced)
   * must not hold the other back. */
  self->start_timeout_id = 0;
  if (self->start_pending)
    start_both (self);
  return G_SOURCE_REMOVE;
}

static void
maybe_start (FdCompareTransport *self)
{
  if (self->start_pending && side_ready (self, 0) && side_ready (self, 1))
    start_both (self);
}

/* Pauses both and shows master frame @frame on each side. */
static void
seek_both (FdCompareTransport *self,
           gint64              frame)
{
  fd_frame_pair_gate_reset (self->gate);

  for (int side = 0; side < 2; side++)
    {
      fd_player_pause (self->players[side]);
      self->targets[side] = clamp_side (self, side, frame + self->offsets[side]);
      fd_player_seek_frame (self->players[side], self->targets[side]);
    }
}

static void
set_frame (FdCompareTransport *self,
           gint64              frame)
{
  if (frame == self->frame)
    return;

  self->frame = frame;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRAME]);
}

static void
on_player_changed (FdPlayer           *player,
                   GParamSpec         *pspec,
                   FdCompareTransport *self)
{
  /* While A seeks, the frame it still shows is not the one asked for. */
  if (!fd_player_get_seeking (self->players[0]) &&
      fd_player_get_state (self->players[0]) != FD_PLAYER_STATE_LOADING)
    set_frame (self, fd_player_get_frame (self->players[0]) - self->offsets[0]);

  maybe_start (self);
  update_gate (self);

  /* The end of A ends the comparison, or starts it over. */
  if (player == self->players[0] && fd_player_get_at_end (player) && self->playing &&
      !self->start_pending)
    {
      if (self->loop)
        fd_compare_transport_play (self);
      else
        {
          fd_player_pause (self->players[1]);
          set_playing (self, FALSE);
        }
    }
}

static void
on_info_changed (FdPlayer           *player,
                 GParamSpec         *pspec,
                 FdCompareTransport *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FRAMES]);
}

static void
apply_audio (FdCompareTransport *self)
{
  fd_player_set_muted (self->players[0], self->audio_side != FD_COMPARE_SIDE_A);
  fd_player_set_muted (self->players[1], self->audio_side != FD_COMPARE_SIDE_B);
}

static void
fd_compare_transport_dispose (GObject *object)
{
  FdCompareTransport *self = (FdCompareTransport *)object;

  g_clear_handle_id (&self->start_timeout_id, g_source_remove);
  for (int side = 0; side < 2; side++)
    {
      if (self->players[side] != NULL)
        {
          g_signal_handlers_disconnect_by_data (self->players[side], self);
          /* Frees the route: a paintable may keep the player alive. */
          fd_player_set_frame_func (self->players[side], NULL, NULL, NULL);
          self->routes[side] = NULL;
        }
      g_clear_object (&self->players[side]);
    }
  g_clear_object (&self->gate);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (fd_compare_transport_parent_class)->dispose (object);
}

static void
fd_compare_transport_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  FdCompareTransport *self = FD_COMPARE_TRANSPORT (object);

  switch (prop_id)
    {
    case PROP_PLAYING:
      g_value_set_boolean (value, self->playing);
      break;
    case PROP_FRAME:
      g_value_set_int64 (value, self->frame);
      break;
    case PROP_N_FRAMES:
      g_value_set_int64 (value, fd_compare_transport_get_n_frames (self));
      break;
    case PROP_RATE:
      g_value_set_double (value, self->rate);
      break;
    case PROP_OFFSET_A:
      g_value_set_int (value, self->offsets[0]);
      break;
    case PROP_OFFSET_B:
      g_value_set_int (value, self->offsets[1]);
      break;
    case PROP_AUDIO_SIDE:
      g_value_set_int (value, self->audio_side);
      break;
    case PROP_LOOP:
      g_value_set_boolean (value, self->loop);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_compare_transport_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  FdCompareTransport *self = FD_COMPARE_TRANSPORT (object);

  switch (prop_id)
    {
    case PROP_RATE:
      fd_compare_transport_set_rate (self, g_value_get_double (value));
      break;
    case PROP_OFFSET_A:
      fd_compare_transport_set_offset (self, FD_COMPARE_SIDE_A, g_value_get_int (value));
      break;
    case PROP_OFFSET_B:
      fd_compare_transport_set_offset (self, FD_COMPARE_SIDE_B, g_value_get_int (value));
      break;
    case PROP_AUDIO_SIDE:
      fd_compare_transport_set_audio_side (self, g_value_get_int (value));
      break;
    case PROP_LOOP:
      fd_compare_transport_set_loop (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_compare_transport_class_init (FdCompareTransportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = fd_compare_transport_dispose;
  object_class->get_property = fd_compare_transport_get_property;
  object_class->set_property = fd_compare_transport_set_property;

  properties[PROP_PLAYING] = g_param_spec_boolean ("playing", NULL, NULL, FALSE, ro);
  properties[PROP_FRAME] = g_param_spec_int64 ("frame", NULL, NULL, G_MININT64, G_MAXINT64, 0, ro);
  properties[PROP_N_FRAMES] = g_param_spec_int64 ("n-frames", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_RATE] =
    g_param_spec_double ("rate", NULL, NULL, FD_PLAYER_MIN_RATE, FD_PLAYER_MAX_RATE, 1.0, rw);
  properties[PROP_OFFSET_A] = g_param_spec_int ("offset-a", NULL, NULL, -100000, 100000, 0, rw);
  properties[PROP_OFFSET_B] = g_param_spec_int ("offset-b", NULL, NULL, -100000, 100000, 0, rw);
  properties[PROP_AUDIO_SIDE] =
    g_param_spec_int ("audio-side", NULL, NULL, FD_COMPARE_SIDE_A, FD_COMPARE_SIDE_B, FD_COMPARE_SIDE_A, rw);
  properties[PROP_LOOP] = g_param_spec_boolean ("loop", NULL, NULL, FALSE, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fd_compare_transport_init (FdCompareTransport *self)
{
  self->clock = gst_system_clock_obtain ();
  self->rate = 1.0;
  self->gate = fd_frame_pair_gate_new ();

  for (int side = 0; side < 2; side++)
    {
      self->players[side] = fd_player_new ();
      self->routes[side] = g_new0 (FrameRoute, 1);
      self->routes[side]->gate = g_object_ref (self->gate);
      self->routes[side]->side = side;
      fd_player_set_frame_func (self->players[side], on_player_frame,
                                self->routes[side], frame_route_free);
      fd_player_set_external_start (self->players[side], self->clock);
      g_signal_connect_object (self->players[side], "notify::frame", G_CALLBACK (on_player_changed), self, 0);
      g_signal_connect_object (self->players[side], "notify::seeking", G_CALLBACK (on_player_changed), self, 0);
      g_signal_connect_object (self->players[side], "notify::at-end", G_CALLBACK (on_player_changed), self, 0);
      g_signal_connect_object (self->players[side], "notify::state", G_CALLBACK (on_player_changed), self, 0);
      g_signal_connect_object (self->players[side], "notify::info", G_CALLBACK (on_info_changed), self, 0);
    }
  apply_audio (self);
}

FdCompareTransport *
fd_compare_transport_new (void)
{
  return g_object_new (FD_TYPE_COMPARE_TRANSPORT, NULL);
}

/**
 * fd_compare_transport_get_player:
 *
 * Returns: (transfer none): the player of @side, for its paintable
 */
FdPlayer *
fd_compare_transport_get_player (FdCompareTransport *self,
                                 FdCompareSide       side)
{
  g_return_val_if_fail (FD_IS_COMPARE_TRANSPORT (self), NULL);
  g_return_val_if_fail (side <= FD_COMPARE_SIDE_B, NULL);

  return self->players[side];
}

/**
 * fd_compare_transport_set_frame_func:
 * @func: (nullable): receives the frames to show for @side, on a
 *   streaming thread (see FdPlayerFrameFunc)
 *
 * Where a side's frames go. They pass through the transport's pairing
 * gate, which keeps the two sides within one frame on screen; use this
 * rather than fd_player_set_frame_func() on the sides' players.
 */
void
fd_compare_transport_set_frame_func (FdCompareTransport *self,
                                     FdCompareSide       side,
                                     FdPlayerFrameFunc   func,
                                     gpointer            user_data,
                                     GDestroyNotify      destroy)
{
  g_return_if_fail (FD_IS_COMPARE_TRANSPORT (self));
  g_return_if_fail (side <= FD_COMPARE_SIDE_B);

  fd_frame_pair_gate_set_output (self->gate, side, func, user_data, destroy);
}

/**
 * fd_compare_transport_set_pair_func:
 * @func: (nullable): receives the two frames on screen each time either
 *   changes, on a streaming thread
 *
 * For what combines the two sides, such as their difference.
 */
void
fd_compare_transport_set_pair_func (FdCompareTransport *self,
                                    FdFramePairFunc     func,
                                    gpointer            user_data,
                                    GDestroyNotify      destroy)
{
  g_return_if_fail (FD_IS_COMPARE_TRANSPORT (self));

  fd_frame_pair_gate_set_pair_output (self->gate, func, user_data, destroy);
}

/**
 * fd_compare_transport_dup_presented:
 * @frame: (out) (optional): its frame on the master timeline
 *
 * Thread-safe.
 *
 * Returns: (transfer full) (nullable): the frame last sent to the screen
 *   for @side
 */
GstSample *
fd_compare_transport_dup_presented (FdCompareTransport *self,
                                    FdCompareSide       side,
                                    gint64             *frame)
{
  g_return_val_if_fail (FD_IS_COMPARE_TRANSPORT (self), NULL);

  return fd_frame_pair_gate_dup_presented (self->gate, side, frame);
}

/**
 * fd_compare_transport_open:
 *
 * Opens both versions; each side reports its own errors (FdPlayer:error).
 * Call fd_player_set_output_size() on B first to bring it to A's size.
 */
void
fd_compare_transport_open (FdCompareTransport *self,
                           const char         *path_a,
                           const char         *path_b)
{
  g_return_if_fail (FD_IS_COMPARE_TRANSPORT (self));

  set_playing (self, FALSE);
  self->start_pending = FALSE;
  fd_player_open (self->players[0], path_a);
  fd_player_open (self->players[1], path_b);
}

void
fd_compare_transport_play (FdCompareTransport *self)
{
  gint64 frame;

  g_return_if_fail (FD_IS_COMPARE_TRANSPORT (self));

  frame = self->frame;
  if (fd_player_get_at_end (self->players[0]) || frame + self->offsets[0] >= side_frames (self, 0) - 1)
    frame = -self->offsets[0];

  seek_both (self, frame);
  self->start_pending = TRUE;
  g_clear_handle_id (&self->start_timeout_id, g_source_remove);
  self->start_timeout_id = g_timeout_add (START_TIMEOUT_MS, on_start_timeout, self);
  set_playing (self, TRUE);
}

void
fd_compare_transport_pause (FdCompareTransport *self)
{
  g_return_if_fail (FD_IS_COMPARE_TRANSPORT (self));

  self->start_pending = FALSE;
  g_clear_handle_id (&self->start_timeout_id, g_source_remove);
  for (int side = 0; side < 2; side++)
    fd_player_pause (self->players[side]);
  set_playing (self, FALSE);
}

void
fd_compare_transport_toggle (FdCompareTransport *self)
{
  if (self->playing)
    fd_compare_transport_pause (self);
  else
    fd_compare_transport_play (self);
}

/**
 * fd_compare_transport_seek_frame:
 * @frame: a frame of the master timeline (A's numbering, less A's offset)
 *
 * Shows exactly that frame on both sides; playback resumes in step when
 * it was playing.
 */
void
fd_compare_transport_seek_frame (FdCompareTransport *self,
                                 gint64              frame)
{
  g_return_if_fail (FD_IS_COMPARE_TRANSPORT (self));

  set_frame (self, frame);
  if (self->playing)
    {
      seek_both (self, frame);
      self->start_pending = TRUE;
      g_clear_handle_id (&self->start_timeout_id, g_source_remove);
      self->start_timeout_id = g_timeout_add (START_TIMEOUT_MS, on_start_timeout, self);
    }
  else
    seek_both (self, frame);
}

/**
 * fd_compare_transport_step:
 *
 * Pauses and moves both sides by @frames, each to its exact frame.
 */
void
fd_compare_transport_step (FdCompareTransport *self,
                           int                 frames)
{
  g_return_if_fail (FD_IS_COMPARE_TRANSPORT (self));

  if (self->playing)
    fd_compare_transport_pause (self);
  set_frame (self, self->frame + frames);
  seek_both (self, self->frame);
}

void
fd_compare_transport_set_rate (FdCompareTransport *self,
                               double              rate)
{
  gboolean was_playing;

  g_return_if_fail (FD_IS_COMPARE_TRANSPORT (self));

  rate = CLAMP (rate, FD_PLAYER_MIN_RATE, FD_PLAYER_MAX_RATE);
  if (rate == self->rate)
    return;

  was_playing = self->playing;
  if (was_playing)
    fd_compare_transport_pause (self);

  self->rate = rate;
  for (int side = 0; side < 2; side++)
    fd_player_set_rate (self->players[side], rate);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RATE]);

  if (was_playing)
    fd_compare_transport_play (self);
}

/**
 * fd_compare_transport_set_offset:
 * @frames: that side's frame shown at master frame 0
 *
 * Aligns a re-cut version: with B's offset at 12, B's frame 12 shows
 * next to A's frame 0.
 */
void
fd_compare_transport_set_offset (FdCompareTransport *self,
                                 FdCompareSide       side,
                                 int                 frames)
{
  g_return_if_fail (FD_IS_COMPARE_TRANSPORT (self));
  g_return_if_fail (side <= FD_COMPARE_SIDE_B);

  if (self->offsets[side] == frames)
    return;

  self->offsets[side] = frames;
  g_atomic_int_set (&self->routes[side]->offset, frames);
  g_object_notify_by_pspec (G_OBJECT (self), properties[side == FD_COMPARE_SIDE_A ? PROP_OFFSET_A : PROP_OFFSET_B]);
  fd_compare_transport_seek_frame (self, self->frame);
}

int
fd_compare_transport_get_offset (FdCompareTransport *self,
                                 FdCompareSide       side)
{
  g_return_val_if_fail (FD_IS_COMPARE_TRANSPORT (self), 0);
  return self->offsets[side];
}

/**
 * fd_compare_transport_set_audio_side:
 *
 * Plays the sound of @side; the other side is muted.
 */
void
fd_compare_transport_set_audio_side (FdCompareTransport *self,
                                     FdCompareSide       side)
{
  g_return_if_fail (FD_IS_COMPARE_TRANSPORT (self));

  if (self->audio_side == side)
    return;

  self->audio_side = side;
  apply_audio (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUDIO_SIDE]);
}

FdCompareSide
fd_compare_transport_get_audio_side (FdCompareTransport *self)
{
  g_return_val_if_fail (FD_IS_COMPARE_TRANSPORT (self), FD_COMPARE_SIDE_A);
  return self->audio_side;
}

void
fd_compare_transport_set_loop (FdCompareTransport *self,
                               gboolean            loop)
{
  g_return_if_fail (FD_IS_COMPARE_TRANSPORT (self));

  loop = !!loop;
  if (self->loop == loop)
    return;

  self->loop = loop;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOOP]);
}

gboolean
fd_compare_transport_get_playing (FdCompareTransport *self)
{
  g_return_val_if_fail (FD_IS_COMPARE_TRANSPORT (self), FALSE);
  return self->playing;
}

/**
 * fd_compare_transport_get_frame:
 *
 * Returns: the master frame on screen (A's frame less A's offset)
 */
gint64
fd_compare_transport_get_frame (FdCompareTransport *self)
{
  g_return_val_if_fail (FD_IS_COMPARE_TRANSPORT (self), 0);
  return self->frame;
}

/**
 * fd_compare_transport_get_n_frames:
 *
 * Returns: the length of the master timeline: A's frames less A's offset
 */
gint64
fd_compare_transport_get_n_frames (FdCompareTransport *self)
{
  g_return_val_if_fail (FD_IS_COMPARE_TRANSPORT (self), 0);
  return MAX (0, side_frames (self, 0) - MAX (self->offsets[0], 0));
}

double
fd_compare_transport_get_fps (FdCompareTransport *self)
{
  g_return_val_if_fail (FD_IS_COMPARE_TRANSPORT (self), 0);
  return fd_player_get_fps (self->players[0]);
}

double
fd_compare_transport_get_rate (FdCompareTransport *self)
{
  g_return_val_if_fail (FD_IS_COMPARE_TRANSPORT (self), 1.0);
  return self->rate;
}
