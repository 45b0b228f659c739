/* fd-player-private.h: what fd-player.c (the owner's side) and
 * fd-player-engine.c (the player thread) share
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-player.h"

G_BEGIN_DECLS

/* What the player thread publishes; guarded by FdPlayer.lock. */
typedef struct
{
  FdPlayerState  state;
  GError        *error;
  FdMediaInfo   *info;
  gint64         frame;
  gint64         position;
  gboolean       seeking;
  gboolean       at_end;
} FdPlayerSnapshot;

typedef enum
{
  REQUEST_OPEN,
  REQUEST_CLOSE,
  REQUEST_PLAY,
  REQUEST_PAUSE,
  REQUEST_SEEK_FRAME,
  REQUEST_STEP,
  REQUEST_RATE,
  REQUEST_VOLUME,
  REQUEST_MUTED,
  REQUEST_LOOP,
  REQUEST_START_AT,
  REQUEST_QUIT,
} RequestKind;

typedef struct
{
  FdPlayer    *player;
  RequestKind  kind;
  gint64       i1;
  gint64       i2;
  double       d;
  char        *s;
} FdPlayerRequest;

struct _FdPlayer
{
  GObject            parent_instance;

  /* The owner's side: read and written on the context that created the
   * player; this is what properties report. */
  GMainContext      *owner_context;
  FdPlayerSnapshot   shown;
  char              *path;
  double             rate;
  double             volume;
  gboolean           muted;
  gboolean           loop;
  gint64             loop_in;
  gint64             loop_out;

  /* The player thread and its context. */
  GThread           *thread;
  GMainContext      *context;
  GMainLoop         *main_loop;

  /* Engine state: touched on the player thread only. */
  GstElement        *pipeline;
  GstElement        *appsink;
  GSource           *bus_source;
  FdMediaInfo       *engine_info;
  char              *engine_path;
  double             engine_volume;
  gboolean           engine_muted;
  double             fps;
  gint64             n_frames;
  double             engine_rate;
  gboolean           engine_loop;
  gint64             engine_loop_in;
  gint64             engine_loop_out;
  gboolean           loaded;
  gboolean           want_playing;
  gboolean           seek_in_flight;
  gint64             pending_seek;
  gboolean           stepped;
  gboolean           loop_pending;
  gint64             target_frame;
  guint              load_timeout_id;
  GstClock          *sync_clock;
  gboolean           external_start;
  gboolean           clock_sync;
  int                out_width;
  int                out_height;
  GstBufferPool     *convert_pool;  /* streaming thread */

  /* Shared between threads, under lock. */
  GMutex             lock;
  FdPlayerSnapshot   snapshot;
  GSource           *notify_source;
  GstSample         *last_sample;
  GstBuffer         *last_buffer;   /* compared only, never dereferenced */
  gint64             last_frame;
  GstClockTime       last_pts;

  /* The frame function, under frame_lock: it is called with the lock held
   * so that it cannot be replaced (and its data freed) while it runs. */
  GMutex             frame_lock;
  FdPlayerFrameFunc  frame_func;
  gpointer           frame_data;
  GDestroyNotify     frame_destroy;
};

void     _fd_player_engine_handle   (FdPlayerRequest *request);
void     _fd_player_engine_teardown (FdPlayer        *self);
void     _fd_player_publish         (FdPlayer        *self);
void     _fd_player_snapshot_clear  (FdPlayerSnapshot *snapshot);

G_END_DECLS
