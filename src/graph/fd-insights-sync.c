/* fd-insights-sync.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-insights-sync"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "fd-graph-error.h"
#include "fd-graph-report-run.h"
#include "fd-insights-sync-private.h"

/* FdInsightsSync reads one ad account into the workspace: its campaigns,
 * ad sets and ads; insights by day and by hour at each level; and the
 * deduplicated reach of trailing windows. It runs on the calling thread —
 * a worker thread with its own FdStore — and blocks.
 *
 * A sync is a plan of jobs written to sync_cursor in one transaction. Each
 * page of each job is stored in the same transaction as the job's cursor,
 * so a sync killed at any moment resumes exactly where its last committed
 * page left it, and every row is an upsert keyed by object and day (and
 * hour): nothing is ever duplicated, nothing skipped.
 *
 * Daily rows: the first sync reads the history (90 days by default); later
 * ones re-read the last 28 days, which Meta still revises, and nothing
 * older. Large reads go through async report runs; a run that fails is
 * split in two halves of its range, down to single days.
 *
 * Reach: the deduplicated reach (and impressions) of the windows of 1, 3,
 * 7, 14 and 28 days ending on each day read — insight_reach, until_day
 * inclusive, in the account's zone — with one time_ranges request per
 * level, length and 28 end days; the first sync reads the last 28 end
 * days, later ones those from the previous sync's last day on. */

#define DEFAULT_HISTORY_DAYS    90
#define DEFAULT_HOURLY_DAYS     3
#define DEFAULT_PAGE_SIZE       500
#define DEFAULT_ASYNC_THRESHOLD 20000

G_DEFINE_FINAL_TYPE (FdInsightsSync, fd_insights_sync, G_TYPE_OBJECT)

enum {
  PROGRESS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
fd_insights_sync_finalize (GObject *object)
{
  FdInsightsSync *self = (FdInsightsSync *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->client);
  g_clear_object (&self->account);
  g_free (self->since);
  g_free (self->until);
  g_hash_table_unref (self->known);
  g_hash_table_unref (self->starts);

  G_OBJECT_CLASS (fd_insights_sync_parent_class)->finalize (object);
}

static void
fd_insights_sync_class_init (FdInsightsSyncClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fd_insights_sync_finalize;

  /**
   * FdInsightsSync::progress:
   * @fraction: how much of the sync is done, 0–1
   * @stage: what it is reading, in words
   *
   * Emitted on the thread running the sync after each page.
   */
  signals[PROGRESS] =
    g_signal_new ("progress",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_DOUBLE, G_TYPE_STRING);
}

static void
fd_insights_sync_init (FdInsightsSync *self)
{
  self->history_days = DEFAULT_HISTORY_DAYS;
  self->hourly_days = DEFAULT_HOURLY_DAYS;
  self->page_size = DEFAULT_PAGE_SIZE;
  self->async_threshold = DEFAULT_ASYNC_THRESHOLD;
  self->known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->starts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * fd_insights_sync_new:
 * @store: a connection owned by the calling (worker) thread
 * @client: a client with the account's token
 * @account: the account to read
 *
 * Returns: (transfer full): a sync, ready to run
 */
FdInsightsSync *
fd_insights_sync_new (FdStore       *store,
                      FdGraphClient *client,
                      FdAdAccount   *account)
{
  FdInsightsSync *self;

  g_return_val_if_fail (FD_IS_STORE (store), NULL);
  g_return_val_if_fail (FD_IS_GRAPH_CLIENT (client), NULL);
  g_return_val_if_fail (FD_IS_AD_ACCOUNT (account), NULL);

  self = g_object_new (FD_TYPE_INSIGHTS_SYNC, NULL);
  self->store = g_object_ref (store);
  self->client = g_object_ref (client);
  self->account = g_object_ref (account);

  return self;
}

/**
 * fd_insights_sync_set_range:
 * @since: (nullable): first day, YYYY-MM-DD in the account's time zone
 * @until: (nullable): last day
 *
 * Reads exactly these days instead of the automatic window (the history
 * on a first sync, the last 28 days afterwards).
 */
void
fd_insights_sync_set_range (FdInsightsSync *self,
                            const char     *since,
                            const char     *until)
{
  g_return_if_fail (FD_IS_INSIGHTS_SYNC (self));

  g_free (self->since);
  g_free (self->until);
  self->since = g_strdup (since);
  self->until = g_strdup (until);
}

/**
 * fd_insights_sync_set_history_days:
 *
 * Days of daily rows a first sync reads (90 by default).
 */
void
fd_insights_sync_set_history_days (FdInsightsSync *self,
                                   guint           days)
{
  g_return_if_fail (FD_IS_INSIGHTS_SYNC (self));
  self->history_days = CLAMP (days, 1u, 37 * 30u);
}

/**
 * fd_insights_sync_set_hourly_days:
 *
 * Days of hourly rows each sync reads: the last days of its range, today
 * included for the automatic range (3 by default); 0 reads none.
 */
void
fd_insights_sync_set_hourly_days (FdInsightsSync *self,
                                  guint           days)
{
  g_return_if_fail (FD_IS_INSIGHTS_SYNC (self));
  self->hourly_days = MIN (days, 90u);
}

void
fd_insights_sync_set_page_size (FdInsightsSync *self,
                                guint           rows)
{
  g_return_if_fail (FD_IS_INSIGHTS_SYNC (self));
  self->page_size = CLAMP (rows, 1u, 5000u);
}

/**
 * fd_insights_sync_set_async_threshold:
 *
 * Reads that may return more rows than this use an async report run.
 */
void
fd_insights_sync_set_async_threshold (FdInsightsSync *self,
                                      guint           rows)
{
  g_return_if_fail (FD_IS_INSIGHTS_SYNC (self));
  self->async_threshold = rows;
}

/**
 * fd_insights_sync_set_now:
 * @now_us: what "now" is, UTC µs (for tests against a frozen emulator);
 *   0 for the real time
 */
void
fd_insights_sync_set_now (FdInsightsSync *self,
                          gint64          now_us)
{
  g_return_if_fail (FD_IS_INSIGHTS_SYNC (self));
  self->now_us = now_us;
}

const FdInsightsSyncSummary *
fd_insights_sync_get_summary (FdInsightsSync *self)
{
  g_return_val_if_fail (FD_IS_INSIGHTS_SYNC (self), NULL);
  return &self->summary;
}

double
fd_insights_sync_get_progress (FdInsightsSync *self)
{
  g_return_val_if_fail (FD_IS_INSIGHTS_SYNC (self), 0);
  return self->progress;
}

/*
 * Days
 */

/*
 * Jobs
 */

/*
 * Progress
 */

static const char *
job_stage (const Job *job)
{
  switch (job->kind)
    {
    case JOB_OBJECTS:
      return job->level == FD_INSIGHT_LEVEL_CAMPAIGN ? _("Reading campaigns")
             : job->level == FD_INSIGHT_LEVEL_ADSET ? _("Reading ad sets") : _("Reading ads");
    case JOB_DAILY:
      return _("Reading daily insights");
    case JOB_HOURLY:
      return _("Reading hourly insights");
    case JOB_REACH:
      return _("Reading reach");
    case JOB_MARK:
    default:
      return _("Finishing");
    }
}

void
_fd_insights_sync_report_progress (FdInsightsSync *self,
                 Job            *job,
                 double          job_fraction)
{
  double done = self->done_weight + job->weight * CLAMP (job_fraction, 0, 0.99);

  self->progress = self->total_weight > 0 ? CLAMP (done / self->total_weight, 0, 1) : 0;
  g_signal_emit (self, signals[PROGRESS], 0, self->progress, job_stage (job));
}

static void
weigh_jobs (FdInsightsSync *self,
            GQueue         *jobs)
{
  for (GList *l = jobs->head; l != NULL; l = l->next)
    {
      Job *job = l->data;

      /* A request costs about as much as reading a few hundred rows. */
      job->weight = 1 + _fd_insights_sync_estimate (self, job) / 300.0;
      self->total_weight += job->weight;
    }
}

/*
 * Running jobs
 */

static void
note_range (FdInsightsSync *self,
            Job            *job)
{
  if (job->kind != JOB_DAILY)
    return;

  if (self->summary.since[0] == '\0' || strcmp (job->since, self->summary.since) < 0)
    g_strlcpy (self->summary.since, job->since, sizeof self->summary.since);
  if (strcmp (job->until, self->summary.until) > 0)
    g_strlcpy (self->summary.until, job->until, sizeof self->summary.until);
}

static gboolean
run_job (FdInsightsSync  *self,
         Job             *job,
         GQueue          *jobs,
         GCancellable    *cancellable,
         GError         **error)
{
  gboolean split = FALSE;
  gboolean ok;

  g_debug ("Sync %s: %s", fd_ad_account_get_id (self->account), job->key);
  _fd_insights_sync_report_progress (self, job, 0);
  note_range (self, job);

  switch (job->kind)
    {
    case JOB_OBJECTS:
      ok = _fd_insights_sync_run_objects (self, job, cancellable, error);
      break;
    case JOB_MARK:
      ok = _fd_insights_sync_run_mark (self, job, error);
      break;
    case JOB_DAILY:
    case JOB_HOURLY:
    case JOB_REACH:
    default:
      ok = _fd_insights_sync_run_insights (self, job, jobs, &split, cancellable, error);
      break;
    }

  if (ok && !split)
    self->done_weight += job->weight;

  return ok;
}

static gboolean
run_queue (FdInsightsSync  *self,
           GQueue          *jobs,
           GHashTable      *done,
           GCancellable    *cancellable,
           GError         **error)
{
  Job *job;

  while ((job = g_queue_pop_head (jobs)) != NULL)
    {
      g_autoptr(Job) owned = job;

      if (job->kind != JOB_OBJECTS)
        _fd_insights_sync_submit_ahead (self, jobs, cancellable);

      if (!run_job (self, job, jobs, cancellable, error))
        return FALSE;
      g_hash_table_add (done, g_strdup (job->key));
    }

  return TRUE;
}

static void
free_queue (GQueue *jobs)
{
  if (jobs != NULL)
    g_queue_free_full (jobs, (GDestroyNotify)_fd_sync_job_free);
}

typedef GQueue JobQueue;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JobQueue, free_queue)

/* Runs what an interrupted sync left, then the sync asked for (minus the
 * jobs just done, which the resumed plan may share). */
static gboolean
run_all (FdInsightsSync  *self,
         GCancellable    *cancellable,
         GError         **error)
{
  g_autoptr(GHashTable) done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(JobQueue) pending = NULL;
  g_autoptr(JobQueue) planned = NULL;

  if (!_fd_insights_sync_load_known (self, error) ||
      !(pending = _fd_insights_sync_load_jobs (self, NULL, error)))
    return FALSE;

  self->summary.resumed = pending->length > 0;
  if (self->summary.resumed)
    {
      g_debug ("Resuming an interrupted sync of %s (%u jobs left)",
               fd_ad_account_get_id (self->account), pending->length);
      weigh_jobs (self, pending);
      if (!run_queue (self, pending, done, cancellable, error))
        return FALSE;
    }

  if (!_fd_insights_sync_plan (self, error) || !(planned = _fd_insights_sync_load_jobs (self, done, error)))
    return FALSE;

  weigh_jobs (self, planned);
  return run_queue (self, planned, done, cancellable, error);
}

static const char *
describe_failure (GError *error)
{
  return fd_graph_error_is_cancelled (error) ? "cancelled" : fd_graph_error_get_kind (error);
}

/**
 * fd_insights_sync_run:
 *
 * Runs the sync on the calling thread (blocking). Records a sync_run row:
 * when it ends, how many rows it stored, and if it failed, why, in words
 * a person can act on. A failed or cancelled sync leaves what was stored
 * before intact; the next one resumes where it stopped.
 *
 * Returns: %TRUE if the whole plan was read
 */
gboolean
fd_insights_sync_run (FdInsightsSync  *self,
                      GCancellable    *cancellable,
                      GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *account_id;
  gint64 run_id;
  gint64 rows;
  gboolean ok;

  g_return_val_if_fail (FD_IS_INSIGHTS_SYNC (self), FALSE);

  account_id = fd_ad_account_get_id (self->account);
  memset (&self->summary, 0, sizeof self->summary);
  self->total_weight = self->done_weight = self->progress = 0;
  self->synced_us = g_get_real_time ();

  run_id = fd_insights_store_begin_run (self->store, account_id, self->synced_us, error);
  if (run_id == 0)
    return FALSE;

  /* Rows arrive by day across all objects while the tables are keyed by
   * object: each page touches hundreds of B-tree pages. A larger cache and
   * rarer checkpoints keep them from being written out again and again. */
  fd_store_exec (self->store, "PRAGMA cache_size = -65536", NULL);
  fd_store_exec (self->store, "PRAGMA wal_autocheckpoint = 8192", NULL);
  ok = run_all (self, cancellable, &local_error);
  fd_store_exec (self->store, "PRAGMA cache_size = -2000", NULL);
  fd_store_exec (self->store, "PRAGMA wal_autocheckpoint = 1000", NULL);
  rows = self->summary.objects + self->summary.daily_rows + self->summary.hourly_rows +
         self->summary.reach_rows;

  if (ok)
    {
      self->progress = 1;
      g_signal_emit (self, signals[PROGRESS], 0, 1.0, _("Done"));
      return fd_insights_store_finish_run (self->store, run_id, TRUE, rows, NULL, NULL,
                                           g_get_real_time (), error);
    }

  if (fd_graph_error_is_cancelled (local_error))
    {
      g_clear_error (&local_error);
      g_set_error_literal (&local_error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_CANCELLED,
                           _("The sync was stopped before it finished; the next sync resumes "
                             "where it stopped."));
    }
  else
    {
      char *message = fd_graph_client_redact (self->client, local_error->message);

      g_free (local_error->message);
      local_error->message = message;
    }

  if (fd_store_in_transaction (self->store))
    fd_store_rollback (self->store);
  fd_insights_store_finish_run (self->store, run_id, FALSE, rows, local_error->message,
                                describe_failure (local_error), g_get_real_time (), NULL);

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
