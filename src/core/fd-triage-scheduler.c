/* fd-triage-scheduler.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-triage"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-triage-scheduler.h"

/* When triage runs: on the clock (every 15 minutes by default, on the
 * quarter hours: :00, :15, :30, :45) and shortly after each sync. Plain
 * GLib timeouts on the thread-default main context: no GTK, so the app
 * and `flightdeck-cli triage run --every 15m` share it. A tick that comes
 * while a run is going is folded into the engine's queue. */

#define MIN_INTERVAL   60
#define MAX_INTERVAL   3600
#define AFTER_SYNC_S   2

struct _FdTriageScheduler
{
  GObject          parent_instance;

  FdTriageEngine  *engine;
  guint            interval;
  guint            timer;
  guint            after_sync;
  gint64           next_run;
  gboolean         waiting;     /* a run asked for by us has not finished */
};

G_DEFINE_FINAL_TYPE (FdTriageScheduler, fd_triage_scheduler, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ENGINE,
  PROP_INTERVAL,
  PROP_ACTIVE,
  PROP_NEXT_RUN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void arm (FdTriageScheduler *self);

static void
run_done (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(FdTriageScheduler) self = user_data;
  g_autoptr(FdTriageReport) report = NULL;
  g_autoptr(GError) error = NULL;

  self->waiting = FALSE;
  report = fd_triage_engine_run_finish (FD_TRIAGE_ENGINE (source), result, &error);

  /* A failed run (locked database, disk full) is tried again at the next
   * tick; the app shows the error through the engine's report. */
  if (report == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Scheduled triage failed: %s", error->message);
}

static void
request_run (FdTriageScheduler *self,
             const char        *trigger)
{
  if (self->waiting)
    return;

  self->waiting = TRUE;
  fd_triage_engine_run_async (self->engine, 0, trigger, FD_TRIAGE_RUN_DEFAULT, NULL,
                              run_done, g_object_ref (self));
}

static gboolean
tick (gpointer data)
{
  FdTriageScheduler *self = data;

  self->timer = 0;
  request_run (self, "schedule");
  arm (self);
  return G_SOURCE_REMOVE;
}

/* The next tick falls on a multiple of the interval, on the wall clock. */
static void
arm (FdTriageScheduler *self)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  guint delay = self->interval - (guint)(now % self->interval);

  g_clear_handle_id (&self->timer, g_source_remove);
  self->timer = g_timeout_add_seconds (delay, tick, self);
  self->next_run = (now + delay) * G_USEC_PER_SEC;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_RUN]);
}

static gboolean
after_sync (gpointer data)
{
  FdTriageScheduler *self = data;

  self->after_sync = 0;
  request_run (self, "sync");
  return G_SOURCE_REMOVE;
}

/**
 * fd_triage_scheduler_sync_finished:
 *
 * Tells the scheduler that insights were synced: a run follows shortly
 * (several syncs in a row make one run). Works whether or not the clock
 * is started.
 */
void
fd_triage_scheduler_sync_finished (FdTriageScheduler *self)
{
  g_return_if_fail (FD_IS_TRIAGE_SCHEDULER (self));

  if (self->after_sync == 0)
    self->after_sync = g_timeout_add_seconds (AFTER_SYNC_S, after_sync, self);
}

/**
 * fd_triage_scheduler_start:
 *
 * Starts the clock. The first run is at the next multiple of the interval.
 */
void
fd_triage_scheduler_start (FdTriageScheduler *self)
{
  g_return_if_fail (FD_IS_TRIAGE_SCHEDULER (self));

  if (self->timer != 0)
    return;

  arm (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

void
fd_triage_scheduler_stop (FdTriageScheduler *self)
{
  g_return_if_fail (FD_IS_TRIAGE_SCHEDULER (self));

  if (self->timer == 0)
    return;

  g_clear_handle_id (&self->timer, g_source_remove);
  self->next_run = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_RUN]);
}

gboolean
fd_triage_scheduler_get_active (FdTriageScheduler *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_SCHEDULER (self), FALSE);
  return self->timer != 0;
}

/**
 * fd_triage_scheduler_get_next_run:
 *
 * Returns: when the clock next runs triage (UTC µs), 0 when stopped
 */
gint64
fd_triage_scheduler_get_next_run (FdTriageScheduler *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_SCHEDULER (self), 0);
  return self->next_run;
}

guint
fd_triage_scheduler_get_interval (FdTriageScheduler *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_SCHEDULER (self), 0);
  return self->interval;
}

/**
 * fd_triage_scheduler_set_interval:
 * @seconds: from 60 to 3600: triage runs at least every hour
 */
void
fd_triage_scheduler_set_interval (FdTriageScheduler *self,
                                  guint              seconds)
{
  g_return_if_fail (FD_IS_TRIAGE_SCHEDULER (self));

  seconds = CLAMP (seconds, MIN_INTERVAL, MAX_INTERVAL);
  if (seconds == self->interval)
    return;

  self->interval = seconds;
  if (self->timer != 0)
    arm (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVAL]);
}

FdTriageEngine *
fd_triage_scheduler_get_engine (FdTriageScheduler *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_SCHEDULER (self), NULL);
  return self->engine;
}

static void
fd_triage_scheduler_dispose (GObject *object)
{
  FdTriageScheduler *self = (FdTriageScheduler *)object;

  g_clear_handle_id (&self->timer, g_source_remove);
  g_clear_handle_id (&self->after_sync, g_source_remove);

  G_OBJECT_CLASS (fd_triage_scheduler_parent_class)->dispose (object);
}

static void
fd_triage_scheduler_finalize (GObject *object)
{
  FdTriageScheduler *self = (FdTriageScheduler *)object;

  g_clear_object (&self->engine);

  G_OBJECT_CLASS (fd_triage_scheduler_parent_class)->finalize (object);
}

static void
fd_triage_scheduler_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  FdTriageScheduler *self = FD_TRIAGE_SCHEDULER (object);

  switch (prop_id)
    {
    case PROP_ENGINE:
      g_value_set_object (value, self->engine);
      break;
    case PROP_INTERVAL:
      g_value_set_uint (value, self->interval);
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->timer != 0);
      break;
    case PROP_NEXT_RUN:
      g_value_set_int64 (value, self->next_run);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_triage_scheduler_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  FdTriageScheduler *self = FD_TRIAGE_SCHEDULER (object);

  switch (prop_id)
    {
    case PROP_ENGINE:
      self->engine = g_value_dup_object (value);
      break;
    case PROP_INTERVAL:
      fd_triage_scheduler_set_interval (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_triage_scheduler_class_init (FdTriageSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fd_triage_scheduler_dispose;
  object_class->finalize = fd_triage_scheduler_finalize;
  object_class->get_property = fd_triage_scheduler_get_property;
  object_class->set_property = fd_triage_scheduler_set_property;

  properties[PROP_ENGINE] =
    g_param_spec_object ("engine", NULL, NULL, FD_TYPE_TRIAGE_ENGINE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INTERVAL] =
    g_param_spec_uint ("interval", NULL, NULL, MIN_INTERVAL, MAX_INTERVAL, FD_TRIAGE_DEFAULT_INTERVAL,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NEXT_RUN] =
    g_param_spec_int64 ("next-run", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fd_triage_scheduler_init (FdTriageScheduler *self)
{
  self->interval = FD_TRIAGE_DEFAULT_INTERVAL;
}

/**
 * fd_triage_scheduler_new:
 *
 * Returns: (transfer full): a stopped scheduler for @engine
 */
FdTriageScheduler *
fd_triage_scheduler_new (FdTriageEngine *engine)
{
  g_return_val_if_fail (FD_IS_TRIAGE_ENGINE (engine), NULL);

  return g_object_new (FD_TYPE_TRIAGE_SCHEDULER, "engine", engine, NULL);
}
