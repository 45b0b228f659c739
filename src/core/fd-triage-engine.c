/* fd-triage-engine.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-triage"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-triage-engine.h"

/* FdTriageEngine is what the app (and `triage run --every`) holds: it runs
 * triage cycles, approvals, back-tests and chart series on worker threads,
 * each with a connection of its own, and keeps two list models the
 * dashboard binds to — the recent decisions and the notices of the last
 * run — fresh as decisions change, here or in another process.
 *
 * Runs never overlap: a run asked for while one is going starts when it
 * ends. Everything else may run alongside (the database is in WAL mode). */

#define RECENT_DECISIONS 500
#define RELOAD_DELAY_MS  200

struct _FdTriageEngine
{
  GObject           parent_instance;

  FdWorkspace      *workspace;
  FdTriageExecutor *executor;
  GListStore       *decisions;
  GListStore       *notices;
  FdTriageReport   *last_report;

  gboolean          running;
  GQueue            waiting;       /* GTask: runs asked for during a run */
  guint             reload_source;
  GCancellable     *cancellable;   /* cancelled on dispose */
};

G_DEFINE_FINAL_TYPE (FdTriageEngine, fd_triage_engine, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_EXECUTOR,
  PROP_RUNNING,
  PROP_LAST_REPORT,
  PROP_DECISIONS,
  PROP_NOTICES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  RUN_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef enum
{
  JOB_RUN,
  JOB_APPROVE,
  JOB_DISMISS,
  JOB_SERIES,
  JOB_BACKTEST,
  JOB_RELOAD,
} JobKind;

typedef struct
{
  JobKind           kind;
  FdWorkspace      *workspace;
  FdTriageExecutor *executor;
  gint64            at;
  char             *trigger;
  FdTriageRunFlags  flags;
  gint64            id;
  gint64            person_id;
  char             *text;
  char             *object_id;
  gint64            since;
  gint64            until;
  char             *since_day;
  char             *until_day;
} Job;

typedef struct
{
  GPtrArray *decisions;
  GPtrArray *notices;
} Reloaded;

static void
job_free (Job *job)
{
  g_clear_object (&job->workspace);
  g_clear_object (&job->executor);
  g_free (job->trigger);
  g_free (job->text);
  g_free (job->object_id);
  g_free (job->since_day);
  g_free (job->until_day);
  g_free (job);
}

static void
reloaded_free (Reloaded *reloaded)
{
  g_clear_pointer (&reloaded->decisions, g_ptr_array_unref);
  g_clear_pointer (&reloaded->notices, g_ptr_array_unref);
  g_free (reloaded);
}

static Job *
job_new (FdTriageEngine *self,
         JobKind         kind)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->workspace = g_object_ref (self->workspace);
  job->executor = self->executor ? g_object_ref (self->executor) : NULL;
  return job;
}

/*
 * Work on the worker thread
 */

static gpointer
run_job (FdStore       *store,
         Job           *job,
         GCancellable  *cancellable,
         GError       **error)
{
  switch (job->kind)
    {
    case JOB_RUN:
      return fd_triage_run (store, job->at, job->trigger, job->flags, job->executor, cancellable, error);

    case JOB_APPROVE:
      return fd_triage_approve (store, job->id, job->person_id, job->text, job->executor,
                                cancellable, error) ? GINT_TO_POINTER (TRUE) : NULL;

    case JOB_DISMISS:
      return fd_triage_dismiss (store, job->id, job->person_id, job->text, error)
             ? GINT_TO_POINTER (TRUE) : NULL;

    case JOB_SERIES:
      return fd_triage_series_load (store, job->id, job->object_id, job->since, job->until,
                                    cancellable, error);

    case JOB_BACKTEST:
      return fd_backtest_run_rule (store, job->id, job->since_day, job->until_day, cancellable, error);

    case JOB_RELOAD:
      {
        g_autoptr(GPtrArray) decisions = fd_triage_list_decisions (store, -1, NULL, RECENT_DECISIONS, error);
        g_autoptr(GPtrArray) notices = decisions ? fd_triage_list_notices (store, error) : NULL;
        Reloaded *reloaded;

        if (notices == NULL)
          return NULL;

        reloaded = g_new0 (Reloaded, 1);
        reloaded->decisions = g_steal_pointer (&decisions);
        reloaded->notices = g_steal_pointer (&notices);
        return reloaded;
      }

    default:
      g_assert_not_reached ();
    }
}

static void
job_thread (GTask        *task,
            gpointer      source,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(FdStore) store = NULL;
  GError *error = NULL;
  gpointer result;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (!(store = fd_workspace_open_store (job->workspace, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  result = run_job (store, job, cancellable, &error);
  if (result == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  switch (job->kind)
    {
    case JOB_APPROVE:
    case JOB_DISMISS:
      g_task_return_boolean (task, TRUE);
      break;
    case JOB_RELOAD:
      g_task_return_pointer (task, result, (GDestroyNotify)reloaded_free);
      break;
    default:
      g_task_return_pointer (task, result, g_object_unref);
      break;
    }
}

static GTask *
start_job (FdTriageEngine      *self,
           Job                 *job,
           gpointer             source_tag,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, (GDestroyNotify)job_free);
  return task;
}

/*
 * Models
 */

static void
replace_items (GListStore *store,
               GPtrArray  *items)
{
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       items->pdata, items->len);
}

/* The engine starts reloads by itself; they must not keep it alive (or
 * report on a workspace its owner has closed), so they hold it weakly. */
static void
reload_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(FdTriageEngine) self = g_weak_ref_get (weak);
  g_autoptr(GError) error = NULL;
  Reloaded *reloaded = g_task_propagate_pointer (G_TASK (result), &error);

  g_weak_ref_clear (weak);
  g_free (weak);

  if (reloaded == NULL)
    {
      if (self != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read the triage decisions: %s", error->message);
      return;
    }

  if (self != NULL)
    {
      replace_items (self->decisions, reloaded->decisions);
      replace_items (self->notices, reloaded->notices);
    }
  reloaded_free (reloaded);
}

/**
 * fd_triage_engine_reload:
 *
 * Reads the decisions and notices again, off the main thread; the list
 * models change when they are in.
 */
void
fd_triage_engine_reload (FdTriageEngine *self)
{
  g_autoptr(GTask) task = NULL;
  GWeakRef *weak;

  g_return_if_fail (FD_IS_TRIAGE_ENGINE (self));

  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);
  task = g_task_new (NULL, self->cancellable, reload_done, weak);
  g_task_set_source_tag (task, fd_triage_engine_reload);
  g_task_set_task_data (task, job_new (self, JOB_RELOAD), (GDestroyNotify)job_free);
  g_task_run_in_thread (task, job_thread);
}

static gboolean
reload_cb (gpointer data)
{
  FdTriageEngine *self = data;

  self->reload_source = 0;
  fd_triage_engine_reload (self);
  return G_SOURCE_REMOVE;
}

/* Coalesces bursts (a run records many decisions) into one reload. */
static void
schedule_reload (FdTriageEngine *self)
{
  if (self->reload_source == 0)
    self->reload_source = g_timeout_add (RELOAD_DELAY_MS, reload_cb, self);
}

static void
on_workspace_changed (FdTriageEngine *self,
                      const char     *entity_type,
                      const char     *entity_id,
                      const char     *action)
{
  schedule_reload (self);
}

/*
 * Runs
 */

static void start_run (FdTriageEngine *self, GTask *task);

static void
run_done (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  FdTriageEngine *self = FD_TRIAGE_ENGINE (source);
  g_autoptr(GTask) caller = user_data;
  g_autoptr(GError) error = NULL;
  FdTriageReport *report = g_task_propagate_pointer (G_TASK (result), &error);
  GTask *next;

  self->running = FALSE;

  if (report != NULL)
    {
      if (!fd_triage_report_get_dry_run (report))
        {
          g_set_object (&self->last_report, report);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_REPORT]);
          schedule_reload (self);
        }
      g_signal_emit (self, signals[RUN_FINISHED], 0, report);
      g_task_return_pointer (caller, report, g_object_unref);
    }
  else
    g_task_return_error (caller, g_steal_pointer (&error));

  if ((next = g_queue_pop_head (&self->waiting)) != NULL)
    start_run (self, next);
  else
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

/* @task is the caller's task; the work runs in a task of its own so that
 * the caller's cancellable cancels the work too. */
static void
start_run (FdTriageEngine *self,
           GTask          *task)
{
  Job *job = g_task_get_task_data (task);
  Job *copy = job_new (self, JOB_RUN);
  g_autoptr(GTask) work = NULL;

  copy->at = job->at;
  copy->trigger = g_strdup (job->trigger);
  copy->flags = job->flags;

  if (!self->running)
    {
      self->running = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
    }

  work = start_job (self, copy, start_run, g_task_get_cancellable (task), run_done, task);
  g_task_run_in_thread (work, job_thread);
}

/**
 * fd_triage_engine_run_async:
 * @at: the evaluation time, or 0 for now
 * @trigger: "schedule", "sync" or "manual"
 *
 * Runs triage (fd_triage_run()) on a worker thread with the engine's
 * executor. A run asked for while another goes starts after it.
 */
void
fd_triage_engine_run_async (FdTriageEngine      *self,
                            gint64               at,
                            const char          *trigger,
                            FdTriageRunFlags     flags,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  Job *job;
  GTask *task;

  g_return_if_fail (FD_IS_TRIAGE_ENGINE (self));

  job = job_new (self, JOB_RUN);
  job->at = at;
  job->trigger = g_strdup (trigger ? trigger : "manual");
  job->flags = flags;
  task = start_job (self, job, fd_triage_engine_run_async, cancellable, callback, user_data);

  if (self->running)
    g_queue_push_tail (&self->waiting, task);
  else
    start_run (self, task);
}

/**
 * fd_triage_engine_run_finish:
 *
 * Returns: (transfer full): what the run did, or %NULL with @error set
 */
FdTriageReport *
fd_triage_engine_run_finish (FdTriageEngine  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/*
 * Decisions, series, back-tests
 */

static void
decided (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) caller = user_data;
  GError *error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_boolean (caller, TRUE);
  else
    g_task_return_error (caller, error);
}

static void
decide_async (FdTriageEngine      *self,
              JobKind              kind,
              gpointer             source_tag,
              gint64               decision_id,
              gint64               person_id,
              const char          *note,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  Job *job = job_new (self, kind);
  GTask *caller = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GTask) work = NULL;

  g_task_set_source_tag (caller, source_tag);
  job->id = decision_id;
  job->person_id = person_id;
  job->text = g_strdup (note);

  work = start_job (self, job, source_tag, cancellable, decided, caller);
  g_task_run_in_thread (work, job_thread);
}

/**
 * fd_triage_engine_approve_async:
 * @person_id: who approves (see fd_triage_may_approve())
 * @note: (nullable): anything they want on record
 *
 * Approves a decision and carries it out with the engine's executor.
 */
void
fd_triage_engine_approve_async (FdTriageEngine      *self,
                                gint64               decision_id,
                                gint64               person_id,
                                const char          *note,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (FD_IS_TRIAGE_ENGINE (self));

  decide_async (self, JOB_APPROVE, fd_triage_engine_approve_async, decision_id, person_id, note,
                cancellable, callback, user_data);
}

gboolean
fd_triage_engine_approve_finish (FdTriageEngine  *self,
                                 GAsyncResult    *result,
                                 GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
fd_triage_engine_dismiss_async (FdTriageEngine      *self,
                                gint64               decision_id,
                                gint64               person_id,
                                const char          *note,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (FD_IS_TRIAGE_ENGINE (self));

  decide_async (self, JOB_DISMISS, fd_triage_engine_dismiss_async, decision_id, person_id, note,
                cancellable, callback, user_data);
}

gboolean
fd_triage_engine_dismiss_finish (FdTriageEngine  *self,
                                 GAsyncResult    *result,
                                 GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * fd_triage_engine_load_series_async:
 *
 * Computes, off the main thread, the series a chart of @rule_id on
 * @object_id shows between @since and @until (fd_triage_series_load()).
 */
void
fd_triage_engine_load_series_async (FdTriageEngine      *self,
                                    gint64               rule_id,
                                    const char          *object_id,
                                    gint64               since,
                                    gint64               until,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  Job *job;
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (FD_IS_TRIAGE_ENGINE (self));

  job = job_new (self, JOB_SERIES);
  job->id = rule_id;
  job->object_id = g_strdup (object_id);
  job->since = since;
  job->until = until;

  task = start_job (self, job, fd_triage_engine_load_series_async, cancellable, callback, user_data);
  g_task_run_in_thread (task, job_thread);
}

/**
 * fd_triage_engine_load_series_finish:
 *
 * Returns: (transfer full): the series, or %NULL with @error set
 */
FdTriageSeries *
fd_triage_engine_load_series_finish (FdTriageEngine  *self,
                                     GAsyncResult    *result,
                                     GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * fd_triage_engine_backtest_async:
 * @since: "YYYY-MM-DD"
 * @until: "YYYY-MM-DD", included
 *
 * Back-tests a stored rule off the main thread (fd_backtest_run_rule()).
 */
void
fd_triage_engine_backtest_async (FdTriageEngine      *self,
                                 gint64               rule_id,
                                 const char          *since,
                                 const char          *until,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  Job *job;
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (FD_IS_TRIAGE_ENGINE (self));

  job = job_new (self, JOB_BACKTEST);
  job->id = rule_id;
  job->since_day = g_strdup (since);
  job->until_day = g_strdup (until);

  task = start_job (self, job, fd_triage_engine_backtest_async, cancellable, callback, user_data);
  g_task_run_in_thread (task, job_thread);
}

/**
 * fd_triage_engine_backtest_finish:
 *
 * Returns: (transfer full): the back-test, or %NULL with @error set
 */
FdBacktest *
fd_triage_engine_backtest_finish (FdTriageEngine  *self,
                                  GAsyncResult    *result,
                                  GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/*
 * GObject
 */

static void
fd_triage_engine_dispose (GObject *object)
{
  FdTriageEngine *self = (FdTriageEngine *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->reload_source, g_source_remove);

  G_OBJECT_CLASS (fd_triage_engine_parent_class)->dispose (object);
}

static void
fd_triage_engine_finalize (GObject *object)
{
  FdTriageEngine *self = (FdTriageEngine *)object;

  g_queue_clear_full (&self->waiting, g_object_unref);
  g_clear_object (&self->workspace);
  g_clear_object (&self->executor);
  g_clear_object (&self->decisions);
  g_clear_object (&self->notices);
  g_clear_object (&self->last_report);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (fd_triage_engine_parent_class)->finalize (object);
}

static void
fd_triage_engine_constructed (GObject *object)
{
  FdTriageEngine *self = (FdTriageEngine *)object;

  G_OBJECT_CLASS (fd_triage_engine_parent_class)->constructed (object);

  g_return_if_fail (FD_IS_WORKSPACE (self->workspace));

  g_signal_connect_object (self->workspace, "changed::decision",
                           G_CALLBACK (on_workspace_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->workspace, "changed::rule",
                           G_CALLBACK (on_workspace_changed), self, G_CONNECT_SWAPPED);
  fd_triage_engine_reload (self);
}

static void
fd_triage_engine_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  FdTriageEngine *self = FD_TRIAGE_ENGINE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    case PROP_EXECUTOR:
      g_value_set_object (value, self->executor);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    case PROP_LAST_REPORT:
      g_value_set_object (value, self->last_report);
      break;
    case PROP_DECISIONS:
      g_value_set_object (value, self->decisions);
      break;
    case PROP_NOTICES:
      g_value_set_object (value, self->notices);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_triage_engine_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  FdTriageEngine *self = FD_TRIAGE_ENGINE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      self->workspace = g_value_dup_object (value);
      break;
    case PROP_EXECUTOR:
      fd_triage_engine_set_executor (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_triage_engine_class_init (FdTriageEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = fd_triage_engine_constructed;
  object_class->dispose = fd_triage_engine_dispose;
  object_class->finalize = fd_triage_engine_finalize;
  object_class->get_property = fd_triage_engine_get_property;
  object_class->set_property = fd_triage_engine_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, FD_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXECUTOR] =
    g_param_spec_object ("executor", NULL, NULL, FD_TYPE_TRIAGE_EXECUTOR,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_REPORT] =
    g_param_spec_object ("last-report", NULL, NULL, FD_TYPE_TRIAGE_REPORT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DECISIONS] =
    g_param_spec_object ("decisions", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTICES] =
    g_param_spec_object ("notices", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FdTriageEngine::run-finished:
   * @report: what the run did
   *
   * Emitted on the main context after every run, dry or not.
   */
  signals[RUN_FINISHED] =
    g_signal_new ("run-finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, FD_TYPE_TRIAGE_REPORT);
}

static void
fd_triage_engine_init (FdTriageEngine *self)
{
  self->decisions = g_list_store_new (FD_TYPE_TRIAGE_DECISION);
  self->notices = g_list_store_new (FD_TYPE_TRIAGE_NOTICE);
  self->cancellable = g_cancellable_new ();
  g_queue_init (&self->waiting);
}

/**
 * fd_triage_engine_new:
 * @workspace: the workspace; the engine lives on its thread
 *
 * Returns: (transfer full): a new engine, with no executor (decisions that
 *   need Meta stay proposed until one is set)
 */
FdTriageEngine *
fd_triage_engine_new (FdWorkspace *workspace)
{
  g_return_val_if_fail (FD_IS_WORKSPACE (workspace), NULL);

  return g_object_new (FD_TYPE_TRIAGE_ENGINE, "workspace", workspace, NULL);
}

FdWorkspace *
fd_triage_engine_get_workspace (FdTriageEngine *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_ENGINE (self), NULL);
  return self->workspace;
}

FdTriageExecutor *
fd_triage_engine_get_executor (FdTriageEngine *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_ENGINE (self), NULL);
  return self->executor;
}

/**
 * fd_triage_engine_set_executor:
 * @executor: (nullable): what carries out pauses and budget changes; the
 *   graph layer's Graph client
 */
void
fd_triage_engine_set_executor (FdTriageEngine   *self,
                               FdTriageExecutor *executor)
{
  g_return_if_fail (FD_IS_TRIAGE_ENGINE (self));
  g_return_if_fail (executor == NULL || FD_IS_TRIAGE_EXECUTOR (executor));

  if (g_set_object (&self->executor, executor))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXECUTOR]);
}

gboolean
fd_triage_engine_get_running (FdTriageEngine *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_ENGINE (self), FALSE);
  return self->running;
}

/**
 * fd_triage_engine_get_last_report:
 *
 * Returns: (transfer none) (nullable): the last run that was not dry
 */
FdTriageReport *
fd_triage_engine_get_last_report (FdTriageEngine *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_ENGINE (self), NULL);
  return self->last_report;
}

/**
 * fd_triage_engine_get_decisions:
 *
 * Returns: (transfer none): the 500 most recent decisions, newest first,
 *   as #FdTriageDecision items
 */
GListModel *
fd_triage_engine_get_decisions (FdTriageEngine *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_ENGINE (self), NULL);
  return G_LIST_MODEL (self->decisions);
}

/**
 * fd_triage_engine_get_notices:
 *
 * Returns: (transfer none): the notices of the last recorded run, as
 *   #FdTriageNotice items ("rule needs a missing target" …)
 */
GListModel *
fd_triage_engine_get_notices (FdTriageEngine *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_ENGINE (self), NULL);
  return G_LIST_MODEL (self->notices);
}
