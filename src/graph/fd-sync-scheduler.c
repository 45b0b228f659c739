/* fd-sync-scheduler.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-sync-scheduler"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-graph-connect.h"
#include "fd-graph-error.h"
#include "fd-insights-store.h"
#include "fd-sync-scheduler.h"

/* FdSyncScheduler syncs a workspace's ad accounts in the background: on
 * demand, and every N seconds while it is started. It is a plain GObject
 * (no GTK) so that the app and flightdeck-cli share it.
 *
 * Each run ("cycle") goes through the accounts one after the other on a
 * worker thread with its own database connection. Everything a view
 * binds to — running, progress, current-account, stage, last-error,
 * next-run — changes on the main context the scheduler was created on,
 * and so do its signals. stop() cancels between pages: what was stored
 * stays, and the next sync resumes. */

#define PROGRESS_EVERY_US (100 * 1000)

struct _FdSyncScheduler
{
  GObject        parent_instance;

  char          *db_path;
  char          *cache_dir;
  FdTokenStore  *tokens;
  GMainContext  *context;

  guint          interval;
  GSource       *timer;
  gint64         next_run;
  gboolean       started;
  char          *since;
  char          *until;
  guint          history_days;
  guint          hourly_days;
  guint          page_size;

  GCancellable  *cancellable;
  GPtrArray     *pending;       /* account ids; "" means all */
  gboolean       running;
  double         progress;
  char          *current_account;
  char          *stage;
  char          *last_error;
};

G_DEFINE_FINAL_TYPE (FdSyncScheduler, fd_sync_scheduler, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_INTERVAL,
  PROP_RUNNING,
  PROP_PROGRESS,
  PROP_CURRENT_ACCOUNT,
  PROP_STAGE,
  PROP_LAST_ERROR,
  PROP_NEXT_RUN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ACCOUNT_STARTED,
  ACCOUNT_FINISHED,
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void start_cycle (FdSyncScheduler *self);

/*
 * What the worker tells the main context
 */

typedef enum
{
  NOTICE_STARTED,
  NOTICE_PROGRESS,
  NOTICE_FINISHED,
} NoticeKind;

typedef struct
{
  FdSyncScheduler       *self;
  NoticeKind             kind;
  char                  *account_id;
  double                 progress;
  char                  *stage;
  gboolean               ok;
  char                  *message;
  FdInsightsSyncSummary  summary;
} Notice;

static void
notice_free (Notice *notice)
{
  g_object_unref (notice->self);
  g_free (notice->account_id);
  g_free (notice->stage);
  g_free (notice->message);
  g_free (notice);
}

static void
set_string (FdSyncScheduler *self,
            char           **field,
            const char      *value,
            guint            prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_progress (FdSyncScheduler *self,
              double           progress)
{
  if (self->progress == progress)
    return;

  self->progress = progress;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

static gboolean
deliver_notice (gpointer data)
{
  Notice *notice = data;
  FdSyncScheduler *self = notice->self;

  switch (notice->kind)
    {
    case NOTICE_STARTED:
      set_string (self, &self->current_account, notice->account_id, PROP_CURRENT_ACCOUNT);
      set_progress (self, notice->progress);
      g_signal_emit (self, signals[ACCOUNT_STARTED], 0, notice->account_id);
      break;

    case NOTICE_PROGRESS:
      set_progress (self, notice->progress);
      set_string (self, &self->stage, notice->stage, PROP_STAGE);
      break;

    case NOTICE_FINISHED:
    default:
      if (!notice->ok)
        set_string (self, &self->last_error, notice->message, PROP_LAST_ERROR);
      set_progress (self, notice->progress);
      g_signal_emit (self, signals[ACCOUNT_FINISHED], 0, notice->account_id, notice->ok,
                     notice->message, &notice->summary);
      break;
    }

  return G_SOURCE_REMOVE;
}

/* Not g_main_context_invoke(): from a worker without a context of its
 * own, it may run the callback right there when the main context is idle
 * and unowned. A source is always dispatched by the owner's loop. */
static void
post (FdSyncScheduler *self,
      Notice          *notice)
{
  GSource *source = g_idle_source_new ();

  notice->self = g_object_ref (self);
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, deliver_notice, notice, (GDestroyNotify)notice_free);
  g_source_set_static_name (source, "[flightdeck] sync notice");
  g_source_attach (source, self->context);
  g_source_unref (source);
}

/*
 * The worker
 */

typedef struct
{
  char          *db_path;
  char          *cache_dir;
  FdTokenStore  *tokens;
  GPtrArray     *accounts;     /* ids, or NULL for all */
  char          *since;
  char          *until;
  guint          history_days;
  guint          hourly_days;
  guint          page_size;

  /* progress, on the worker */
  guint          index;
  guint          count;
  gint64         last_progress;
  char          *last_stage;
} Cycle;

static void
cycle_free (Cycle *cycle)
{
  g_free (cycle->db_path);
  g_free (cycle->cache_dir);
  g_clear_object (&cycle->tokens);
  g_clear_pointer (&cycle->accounts, g_ptr_array_unref);
  g_free (cycle->since);
  g_free (cycle->until);
  g_free (cycle->last_stage);
  g_free (cycle);
}

typedef struct
{
  FdSyncScheduler *self;
  Cycle           *cycle;
} ProgressData;

static void
on_sync_progress (FdInsightsSync *sync,
                  double          fraction,
                  const char     *stage,
                  ProgressData   *data)
{
  Cycle *cycle = data->cycle;
  gint64 now = g_get_monotonic_time ();
  Notice *notice;

  /* Coalesced: a view needs a few updates a second, not one per page. */
  if (now - cycle->last_progress < PROGRESS_EVERY_US && g_strcmp0 (stage, cycle->last_stage) == 0 &&
      fraction < 1)
    return;

  cycle->last_progress = now;
  g_free (cycle->last_stage);
  cycle->last_stage = g_strdup (stage);

  notice = g_new0 (Notice, 1);
  notice->kind = NOTICE_PROGRESS;
  notice->progress = (cycle->index + fraction) / MAX (cycle->count, 1u);
  notice->stage = g_strdup (stage);
  post (data->self, notice);
}

static GPtrArray *
accounts_to_sync (FdStore  *store,
                  Cycle    *cycle,
                  GError  **error)
{
  GPtrArray *accounts;

  if (cycle->accounts == NULL)
    return fd_insights_store_list_accounts (store, error);

  accounts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < cycle->accounts->len; i++)
    {
      FdAdAccount *account = fd_insights_store_get_account (store, g_ptr_array_index (cycle->accounts, i),
                                                            error);

      if (account == NULL)
        {
          g_ptr_array_unref (accounts);
          return NULL;
        }
      g_ptr_array_add (accounts, account);
    }

  return accounts;
}

/* A sync that could not even start (no token, no emulator) is still a
 * failed sync: the triage view must say so. */
static void
record_failure (FdStore      *store,
                FdAdAccount  *account,
                const GError *error)
{
  gint64 run = fd_insights_store_begin_run (store, fd_ad_account_get_id (account),
                                            g_get_real_time (), NULL);

  if (run != 0)
    fd_insights_store_finish_run (store, run, FALSE, 0, error->message,
                                  fd_graph_error_get_kind (error), g_get_real_time (), NULL);
}

static gboolean
sync_account (FdSyncScheduler  *self,
              FdStore          *store,
              Cycle            *cycle,
              FdAdAccount      *account,
              GCancellable     *cancellable,
              FdInsightsSyncSummary *summary,
              GError          **error)
{
  g_autoptr(FdGraphClient) client = NULL;
  g_autoptr(FdInsightsSync) sync = NULL;
  ProgressData data = { self, cycle };
  gboolean ok;

  client = fd_graph_connect (account, cycle->tokens, cycle->cache_dir, error);
  if (client == NULL)
    {
      record_failure (store, account, *error);
      return FALSE;
    }

  sync = fd_insights_sync_new (store, client, account);
  fd_insights_sync_set_range (sync, cycle->since, cycle->until);
  if (cycle->history_days > 0)
    fd_insights_sync_set_history_days (sync, cycle->history_days);
  if (cycle->hourly_days != G_MAXUINT)
    fd_insights_sync_set_hourly_days (sync, cycle->hourly_days);
  if (cycle->page_size > 0)
    fd_insights_sync_set_page_size (sync, cycle->page_size);
  g_signal_connect (sync, "progress", G_CALLBACK (on_sync_progress), &data);

  ok = fd_insights_sync_run (sync, cancellable, error);
  *summary = *fd_insights_sync_get_summary (sync);
  g_signal_handlers_disconnect_by_data (sync, &data);

  return ok;
}

static void
cycle_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  FdSyncScheduler *self = source_object;
  Cycle *cycle = task_data;
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  GError *error = NULL;
  gboolean all_ok = TRUE;

  if (!(store = fd_store_open (cycle->db_path, FD_STORE_OPEN_DEFAULT, &error)) ||
      !(accounts = accounts_to_sync (store, cycle, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  cycle->count = accounts->len;
  for (cycle->index = 0; cycle->index < accounts->len; cycle->index++)
    {
      FdAdAccount *account = g_ptr_array_index (accounts, cycle->index);
      g_autoptr(GError) local_error = NULL;
      Notice *notice;
      FdInsightsSyncSummary summary = { 0 };
      gboolean ok;

      if (g_cancellable_is_cancelled (cancellable))
        break;

      notice = g_new0 (Notice, 1);
      notice->kind = NOTICE_STARTED;
      notice->account_id = g_strdup (fd_ad_account_get_id (account));
      notice->progress = cycle->index / (double)MAX (cycle->count, 1u);
      post (self, notice);

      ok = sync_account (self, store, cycle, account, cancellable, &summary, &local_error);
      all_ok &= ok;

      notice = g_new0 (Notice, 1);
      notice->kind = NOTICE_FINISHED;
      notice->account_id = g_strdup (fd_ad_account_get_id (account));
      notice->progress = (cycle->index + 1) / (double)MAX (cycle->count, 1u);
      notice->ok = ok;
      notice->message = local_error ? g_strdup (local_error->message) : NULL;
      notice->summary = summary;
      post (self, notice);
    }

  g_task_return_boolean (task, all_ok && !g_cancellable_is_cancelled (cancellable));
}

/*
 * Timer and cycles, on the main context
 */

static void
set_running (FdSyncScheduler *self,
             gboolean         running)
{
  if (self->running == running)
    return;

  self->running = running;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static gboolean
timer_cb (gpointer data)
{
  FdSyncScheduler *self = data;

  g_clear_pointer (&self->timer, g_source_unref);
  fd_sync_scheduler_sync_now (self, NULL);

  return G_SOURCE_REMOVE;
}

static void
schedule_next (FdSyncScheduler *self)
{
  if (self->timer != NULL)
    {
      g_source_destroy (self->timer);
      g_clear_pointer (&self->timer, g_source_unref);
    }

  if (!self->started || self->interval == 0)
    {
      if (self->next_run != 0)
        {
          self->next_run = 0;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_RUN]);
        }
      return;
    }

  self->timer = g_timeout_source_new_seconds (self->interval);
  g_source_set_callback (self->timer, timer_cb, self, NULL);
  g_source_set_name (self->timer, "[flightdeck] sync timer");
  g_source_attach (self->timer, self->context);

  self->next_run = g_get_real_time () + (gint64)self->interval * G_USEC_PER_SEC;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_RUN]);
}

static void
cycle_done (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  FdSyncScheduler *self = FD_SYNC_SCHEDULER (object);
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  g_clear_object (&self->cancellable);

  if (error != NULL && !fd_graph_error_is_cancelled (error))
    set_string (self, &self->last_error, error->message, PROP_LAST_ERROR);
  else if (ok)
    set_string (self, &self->last_error, NULL, PROP_LAST_ERROR);

  set_string (self, &self->current_account, NULL, PROP_CURRENT_ACCOUNT);
  set_string (self, &self->stage, NULL, PROP_STAGE);
  set_running (self, FALSE);
  g_signal_emit (self, signals[FINISHED], 0, ok);

  if (self->pending->len > 0)
    start_cycle (self);
  else
    schedule_next (self);
}

static void
start_cycle (FdSyncScheduler *self)
{
  g_autoptr(GTask) task = NULL;
  Cycle *cycle;
  gboolean all = FALSE;

  cycle = g_new0 (Cycle, 1);
  cycle->db_path = g_strdup (self->db_path);
  cycle->cache_dir = g_strdup (self->cache_dir);
  cycle->tokens = g_object_ref (self->tokens);
  cycle->since = g_strdup (self->since);
  cycle->until = g_strdup (self->until);
  cycle->history_days = self->history_days;
  cycle->hourly_days = self->hourly_days;
  cycle->page_size = self->page_size;

  for (guint i = 0; i < self->pending->len; i++)
    all |= (*(char *)g_ptr_array_index (self->pending, i) == '\0');
  if (!all)
    cycle->accounts = g_ptr_array_ref (self->pending);
  g_ptr_array_unref (self->pending);
  self->pending = g_ptr_array_new_with_free_func (g_free);

  self->cancellable = g_cancellable_new ();
  set_string (self, &self->last_error, NULL, PROP_LAST_ERROR);
  set_progress (self, 0);
  set_running (self, TRUE);

  task = g_task_new (self, self->cancellable, cycle_done, NULL);
  g_task_set_source_tag (task, start_cycle);
  g_task_set_task_data (task, cycle, (GDestroyNotify)cycle_free);
  g_task_run_in_thread (task, cycle_thread);
}

/*
 * GObject
 */

static void
fd_sync_scheduler_dispose (GObject *object)
{
  FdSyncScheduler *self = (FdSyncScheduler *)object;

  if (self->timer != NULL)
    {
      g_source_destroy (self->timer);
      g_clear_pointer (&self->timer, g_source_unref);
    }

  G_OBJECT_CLASS (fd_sync_scheduler_parent_class)->dispose (object);
}

static void
fd_sync_scheduler_finalize (GObject *object)
{
  FdSyncScheduler *self = (FdSyncScheduler *)object;

  g_free (self->db_path);
  g_free (self->cache_dir);
  g_clear_object (&self->tokens);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_free (self->since);
  g_free (self->until);
  g_clear_object (&self->cancellable);
  g_ptr_array_unref (self->pending);
  g_free (self->current_account);
  g_free (self->stage);
  g_free (self->last_error);

  G_OBJECT_CLASS (fd_sync_scheduler_parent_class)->finalize (object);
}

static void
fd_sync_scheduler_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  FdSyncScheduler *self = FD_SYNC_SCHEDULER (object);

  switch (prop_id)
    {
    case PROP_INTERVAL:
      g_value_set_uint (value, self->interval);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    case PROP_CURRENT_ACCOUNT:
      g_value_set_string (value, self->current_account);
      break;
    case PROP_STAGE:
      g_value_set_string (value, self->stage);
      break;
    case PROP_LAST_ERROR:
      g_value_set_string (value, self->last_error);
      break;
    case PROP_NEXT_RUN:
      g_value_set_int64 (value, self->next_run);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_sync_scheduler_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  FdSyncScheduler *self = FD_SYNC_SCHEDULER (object);

  switch (prop_id)
    {
    case PROP_INTERVAL:
      fd_sync_scheduler_set_interval (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_sync_scheduler_class_init (FdSyncSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fd_sync_scheduler_dispose;
  object_class->finalize = fd_sync_scheduler_finalize;
  object_class->get_property = fd_sync_scheduler_get_property;
  object_class->set_property = fd_sync_scheduler_set_property;

  /* Seconds between syncs while started; 0 syncs only on demand. */
  properties[PROP_INTERVAL] =
    g_param_spec_uint ("interval", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* Of the whole run over all accounts, 0–1. */
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0, 1, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT_ACCOUNT] =
    g_param_spec_string ("current-account", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* What is being read, in words ("Reading hourly insights"). */
  properties[PROP_STAGE] =
    g_param_spec_string ("stage", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* The last failure of the current or last run; NULL after a clean run. */
  properties[PROP_LAST_ERROR] =
    g_param_spec_string ("last-error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* When the timer fires next, UTC µs; 0 when no timer is set. */
  properties[PROP_NEXT_RUN] =
    g_param_spec_int64 ("next-run", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FdSyncScheduler::account-started:
   * @account_id: the account now being synced
   */
  signals[ACCOUNT_STARTED] =
    g_signal_new ("account-started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * FdSyncScheduler::account-finished:
   * @account_id: the account
   * @ok: whether its sync completed
   * @message: (nullable): why it failed, in words a person can act on
   * @summary: (type gpointer): an FdInsightsSyncSummary, valid during the
   *   emission
   *
   * The account's sync_run row is written by then: reread the account
   * (fd_insights_store_get_account()) for its last-sync state.
   */
  signals[ACCOUNT_FINISHED] =
    g_signal_new ("account-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 4,
                  G_TYPE_STRING, G_TYPE_BOOLEAN, G_TYPE_STRING, G_TYPE_POINTER);

  /**
   * FdSyncScheduler::finished:
   * @ok: whether every account synced (and nothing was cancelled)
   */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
fd_sync_scheduler_init (FdSyncScheduler *self)
{
  self->pending = g_ptr_array_new_with_free_func (g_free);
  self->hourly_days = G_MAXUINT;
  self->context = g_main_context_ref_thread_default ();
}

/**
 * fd_sync_scheduler_new:
 * @workspace: the workspace (on this thread); the scheduler keeps only its
 *   paths and opens its own connection on its worker
 * @tokens: where the accounts' tokens are
 *
 * Returns: (transfer full): a scheduler, stopped
 */
FdSyncScheduler *
fd_sync_scheduler_new (FdWorkspace  *workspace,
                       FdTokenStore *tokens)
{
  FdSyncScheduler *self;

  g_return_val_if_fail (FD_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (FD_IS_TOKEN_STORE (tokens), NULL);

  self = g_object_new (FD_TYPE_SYNC_SCHEDULER, NULL);
  self->db_path = g_strdup (fd_workspace_get_db_path (workspace));
  self->cache_dir = fd_workspace_dup_cache_dir (workspace, NULL);
  self->tokens = g_object_ref (tokens);

  return self;
}

/**
 * fd_sync_scheduler_set_interval:
 * @seconds: between the end of one run and the start of the next; 0 for
 *   no timer
 */
void
fd_sync_scheduler_set_interval (FdSyncScheduler *self,
                                guint            seconds)
{
  g_return_if_fail (FD_IS_SYNC_SCHEDULER (self));

  if (self->interval == seconds)
    return;

  self->interval = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVAL]);
  if (!self->running)
    schedule_next (self);
}

guint
fd_sync_scheduler_get_interval (FdSyncScheduler *self)
{
  g_return_val_if_fail (FD_IS_SYNC_SCHEDULER (self), 0);
  return self->interval;
}

/**
 * fd_sync_scheduler_set_range:
 *
 * Makes every run read these days instead of the automatic window (see
 * fd_insights_sync_set_range()).
 */
void
fd_sync_scheduler_set_range (FdSyncScheduler *self,
                             const char      *since,
                             const char      *until)
{
  g_return_if_fail (FD_IS_SYNC_SCHEDULER (self));

  g_free (self->since);
  g_free (self->until);
  self->since = g_strdup (since);
  self->until = g_strdup (until);
}

void
fd_sync_scheduler_set_history_days (FdSyncScheduler *self,
                                    guint            days)
{
  g_return_if_fail (FD_IS_SYNC_SCHEDULER (self));
  self->history_days = days;
}

void
fd_sync_scheduler_set_hourly_days (FdSyncScheduler *self,
                                   guint            days)
{
  g_return_if_fail (FD_IS_SYNC_SCHEDULER (self));
  self->hourly_days = days;
}

/**
 * fd_sync_scheduler_set_page_size:
 *
 * Insights rows per page (500 by default).
 */
void
fd_sync_scheduler_set_page_size (FdSyncScheduler *self,
                                 guint            rows)
{
  g_return_if_fail (FD_IS_SYNC_SCHEDULER (self));
  self->page_size = rows;
}

/**
 * fd_sync_scheduler_start:
 *
 * Syncs every account now and then every #FdSyncScheduler:interval
 * seconds until stopped.
 */
void
fd_sync_scheduler_start (FdSyncScheduler *self)
{
  g_return_if_fail (FD_IS_SYNC_SCHEDULER (self));

  self->started = TRUE;
  fd_sync_scheduler_sync_now (self, NULL);
}

/**
 * fd_sync_scheduler_resume:
 *
 * Like fd_sync_scheduler_start(), but the first sync waits one interval:
 * for accounts synced recently, which Meta would only answer with the
 * same numbers.
 */
void
fd_sync_scheduler_resume (FdSyncScheduler *self)
{
  g_return_if_fail (FD_IS_SYNC_SCHEDULER (self));

  self->started = TRUE;
  if (!self->running)
    schedule_next (self);
}

/**
 * fd_sync_scheduler_stop:
 *
 * Stops the timer and cancels the running sync, which stops between two
 * pages; ::finished follows when it has.
 */
void
fd_sync_scheduler_stop (FdSyncScheduler *self)
{
  g_return_if_fail (FD_IS_SYNC_SCHEDULER (self));

  self->started = FALSE;
  g_ptr_array_set_size (self->pending, 0);
  schedule_next (self);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

/**
 * fd_sync_scheduler_sync_now:
 * @account_id: (nullable): one account, or %NULL for all
 *
 * Syncs now, or right after the run in progress.
 */
void
fd_sync_scheduler_sync_now (FdSyncScheduler *self,
                            const char      *account_id)
{
  g_return_if_fail (FD_IS_SYNC_SCHEDULER (self));

  g_ptr_array_add (self->pending, g_strdup (account_id ? account_id : ""));
  if (!self->running)
    start_cycle (self);
}

gboolean
fd_sync_scheduler_get_running (FdSyncScheduler *self)
{
  g_return_val_if_fail (FD_IS_SYNC_SCHEDULER (self), FALSE);
  return self->running;
}

double
fd_sync_scheduler_get_progress (FdSyncScheduler *self)
{
  g_return_val_if_fail (FD_IS_SYNC_SCHEDULER (self), 0);
  return self->progress;
}

const char *
fd_sync_scheduler_get_current_account (FdSyncScheduler *self)
{
  g_return_val_if_fail (FD_IS_SYNC_SCHEDULER (self), NULL);
  return self->current_account;
}

const char *
fd_sync_scheduler_get_stage (FdSyncScheduler *self)
{
  g_return_val_if_fail (FD_IS_SYNC_SCHEDULER (self), NULL);
  return self->stage;
}

const char *
fd_sync_scheduler_get_last_error (FdSyncScheduler *self)
{
  g_return_val_if_fail (FD_IS_SYNC_SCHEDULER (self), NULL);
  return self->last_error;
}

gint64
fd_sync_scheduler_get_next_run (FdSyncScheduler *self)
{
  g_return_val_if_fail (FD_IS_SYNC_SCHEDULER (self), 0);
  return self->next_run;
}
