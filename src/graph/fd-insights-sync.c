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
 * split in two halves of its range, down to single days. */

#define DEFAULT_HISTORY_DAYS    90
#define DEFAULT_HOURLY_DAYS     3
#define DEFAULT_PAGE_SIZE       500
#define DEFAULT_ASYNC_THRESHOLD 20000
#define REVISE_DAYS             28
#define OBJECT_PAGE_SIZE        200
#define REPORTS_AHEAD           2

static const int reach_windows[] = { 1, 3, 7, 14, 28 };

G_DEFINE_FINAL_TYPE (FdInsightsSync, fd_insights_sync, G_TYPE_OBJECT)

enum {
  PROGRESS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
job_free (Job *job)
{
  if (job == NULL)
    return;

  g_free (job->key);
  g_free (job->after);
  g_free (job->report_run_id);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

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

static gint64
now_us (FdInsightsSync *self)
{
  return self->now_us != 0 ? self->now_us : g_get_real_time ();
}

static void
today_string (FdInsightsSync *self,
              char            out[11])
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (now_us (self) / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, fd_ad_account_get_time_zone (self->account));

  g_snprintf (out, 11, "%04d-%02d-%02d", g_date_time_get_year (local),
              g_date_time_get_month (local), g_date_time_get_day_of_month (local));
}

static int
julian (const char *day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, atoi (day + 8), atoi (day + 5), atoi (day));
  return g_date_valid (&date) ? (int)g_date_get_julian (&date) : 0;
}

static void
format_julian (int  day,
               char out[11])
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  g_snprintf (out, 11, "%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
              g_date_get_day (&date));
}

/*
 * Jobs
 */

static Job *
job_parse (const FdSyncJob *stored)
{
  g_auto(GStrv) parts = g_strsplit (stored->job, ":", -1);
  guint n = g_strv_length (parts);
  g_autoptr(Job) job = g_new0 (Job, 1);

  job->key = g_strdup (stored->job);
  job->after = g_strdup (stored->after);
  job->report_run_id = g_strdup (stored->report_run_id);
  job->rows_done = stored->rows_done;
  job->seq = stored->seq;

  if (n == 2 && g_str_equal (parts[0], "mark") && julian (parts[1]) != 0)
    {
      job->kind = JOB_MARK;
      g_strlcpy (job->until, parts[1], sizeof job->until);
      return g_steal_pointer (&job);
    }

  if (n < 2 || !fd_insight_level_from_string (parts[1], &job->level))
    return NULL;

  if (n == 2 && g_str_equal (parts[0], "objects"))
    job->kind = JOB_OBJECTS;
  else if (n == 4 && (g_str_equal (parts[0], "daily") || g_str_equal (parts[0], "hourly")) &&
           julian (parts[2]) != 0 && julian (parts[3]) >= julian (parts[2]))
    {
      job->kind = g_str_equal (parts[0], "daily") ? JOB_DAILY : JOB_HOURLY;
      g_strlcpy (job->since, parts[2], sizeof job->since);
      g_strlcpy (job->until, parts[3], sizeof job->until);
    }
  else if (n == 4 && g_str_equal (parts[0], "reach") && julian (parts[2]) != 0 && atoi (parts[3]) > 0)
    {
      job->kind = JOB_REACH;
      job->days = atoi (parts[3]);
      g_strlcpy (job->until, parts[2], sizeof job->until);
      format_julian (julian (parts[2]) - job->days + 1, job->since);
    }
  else
    return NULL;

  return g_steal_pointer (&job);
}

static char *
job_key (JobKind         kind,
         FdInsightLevel  level,
         const char     *since,
         const char     *until,
         int             days)
{
  const char *name = fd_insight_level_to_string (level);

  switch (kind)
    {
    case JOB_OBJECTS:
      return g_strdup_printf ("objects:%s", name);
    case JOB_DAILY:
      return g_strdup_printf ("daily:%s:%s:%s", name, since, until);
    case JOB_HOURLY:
      return g_strdup_printf ("hourly:%s:%s:%s", name, since, until);
    case JOB_REACH:
      return g_strdup_printf ("reach:%s:%s:%d", name, until, days);
    case JOB_MARK:
    default:
      return g_strdup_printf ("mark:%s", until);
    }
}

static int
job_days (const Job *job)
{
  return MAX (1, julian (job->until) - julian (job->since) + 1);
}

static gint64
count_objects (FdInsightsSync *self,
               FdInsightLevel  level)
{
  gint64 n = fd_insights_store_count_objects (self->store, fd_ad_account_get_id (self->account),
                                              level, NULL);

  return MAX (n, 1);
}

/* How many rows a job may return, for async decisions and progress. */
static double
job_estimate (FdInsightsSync *self,
              const Job      *job)
{
  switch (job->kind)
    {
    case JOB_OBJECTS:
      return (double)count_objects (self, job->level);
    case JOB_DAILY:
      return (double)job_days (job) * count_objects (self, job->level);
    case JOB_HOURLY:
      return (double)job_days (job) * count_objects (self, job->level) * 24;
    case JOB_REACH:
      return (double)count_objects (self, job->level);
    case JOB_MARK:
    default:
      return 0;
    }
}

static gboolean
uses_report (FdInsightsSync *self,
             Job            *job)
{
  return (job->kind == JOB_DAILY || job->kind == JOB_HOURLY || job->kind == JOB_REACH) &&
         job_estimate (self, job) > self->async_threshold;
}

static gboolean
add_job (FdInsightsSync  *self,
         GPtrArray       *keys,
         char            *key,
         GError         **error)
{
  g_autofree char *owned = key;

  if (!fd_insights_store_add_job (self->store, fd_ad_account_get_id (self->account), key,
                                  (int)keys->len, self->synced_us, error))
    return FALSE;

  g_ptr_array_add (keys, g_steal_pointer (&owned));
  return TRUE;
}

static gboolean
plan_daily_range (FdInsightsSync  *self,
                  const char      *today,
                  char             since[11],
                  char             until[11],
                  gboolean        *automatic,
                  GError         **error)
{
  g_autofree char *mark = NULL;
  int first;

  *automatic = (self->since == NULL && self->until == NULL);
  if (!*automatic)
    {
      g_strlcpy (since, self->since ? self->since : today, 11);
      g_strlcpy (until, self->until ? self->until : today, 11);
      if (julian (since) == 0 || julian (until) == 0 || julian (since) > julian (until))
        {
          g_set_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_INVALID_REQUEST,
                       _("The range %s to %s is not a range of days (YYYY-MM-DD, first day first)."),
                       since, until);
          return FALSE;
        }
      return TRUE;
    }

  /* Days more than 28 days older than the last completed sync were final
   * when it read them. */
  mark = fd_insights_store_get_watermark (self->store, fd_ad_account_get_id (self->account),
                                          "daily", error);
  if (mark == NULL && error != NULL && *error != NULL)
    return FALSE;

  first = julian (today) - (int)self->history_days + 1;
  if (mark != NULL && julian (mark) != 0)
    first = MAX (first, MIN (julian (mark), julian (today)) - REVISE_DAYS + 1);

  format_julian (first, since);
  g_strlcpy (until, today, 11);
  return TRUE;
}

/* Writes the plan of a new sync to sync_cursor, in one transaction. */
static gboolean
plan (FdInsightsSync  *self,
      GError         **error)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  char today[11];
  char since[11];
  char until[11];
  gboolean automatic;
  int hourly_first;

  today_string (self, today);
  if (!plan_daily_range (self, today, since, until, &automatic, error))
    return FALSE;

  if (!fd_store_begin (self->store, error))
    return FALSE;

  for (FdInsightLevel level = FD_INSIGHT_LEVEL_CAMPAIGN; level <= FD_INSIGHT_LEVEL_AD; level++)
    if (!add_job (self, keys, job_key (JOB_OBJECTS, level, NULL, NULL, 0), error))
      goto failed;

  for (FdInsightLevel level = FD_INSIGHT_LEVEL_CAMPAIGN; level <= FD_INSIGHT_LEVEL_AD; level++)
    if (!add_job (self, keys, job_key (JOB_DAILY, level, since, until, 0), error))
      goto failed;

  /* Hourly rows for the last days of the range (today's, for the
   * automatic one). */
  hourly_first = MAX (julian (since), julian (until) - (int)self->hourly_days + 1);
  if (self->hourly_days > 0)
    {
      char hourly_since[11];

      format_julian (hourly_first, hourly_since);
      for (FdInsightLevel level = FD_INSIGHT_LEVEL_CAMPAIGN; level <= FD_INSIGHT_LEVEL_AD; level++)
        if (!add_job (self, keys, job_key (JOB_HOURLY, level, hourly_since, until, 0), error))
          goto failed;
    }

  for (guint w = 0; w < G_N_ELEMENTS (reach_windows); w++)
    for (FdInsightLevel level = FD_INSIGHT_LEVEL_CAMPAIGN; level <= FD_INSIGHT_LEVEL_AD; level++)
      if (!add_job (self, keys, job_key (JOB_REACH, level, NULL, until, reach_windows[w]), error))
        goto failed;

  if (automatic && !add_job (self, keys, job_key (JOB_MARK, 0, NULL, today, 0), error))
    goto failed;

  return fd_store_commit (self->store, error);

failed:
  fd_store_rollback (self->store);
  return FALSE;
}

static GQueue *
load_jobs (FdInsightsSync  *self,
           GHashTable      *skip,
           GError         **error)
{
  g_autoptr(GPtrArray) stored = NULL;
  GQueue *jobs;

  stored = fd_insights_store_list_jobs (self->store, fd_ad_account_get_id (self->account), error);
  if (stored == NULL)
    return NULL;

  jobs = g_queue_new ();
  for (guint i = 0; i < stored->len; i++)
    {
      FdSyncJob *row = g_ptr_array_index (stored, i);
      Job *job = job_parse (row);

      if (job == NULL)
        {
          g_warning ("Dropping a sync job that cannot be read: %s", row->job);
          fd_insights_store_remove_job (self->store, fd_ad_account_get_id (self->account), row->job, NULL);
          continue;
        }
      if (skip != NULL && g_hash_table_contains (skip, job->key))
        {
          fd_insights_store_remove_job (self->store, fd_ad_account_get_id (self->account), job->key, NULL);
          job_free (job);
          continue;
        }
      g_queue_push_tail (jobs, job);
    }

  return jobs;
}

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

static void
report_progress (FdInsightsSync *self,
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
      job->weight = 1 + job_estimate (self, job) / 300.0;
      self->total_weight += job->weight;
    }
}

/*
 * Running jobs
 */

static FdGraphParams *
insights_params (FdInsightsSync *self,
                 Job            *job)
{
  FdGraphParams *params = fd_graph_params_new ();

  fd_graph_params_set (params, "level", fd_insight_level_to_string (job->level));
  fd_graph_params_set (params, "fields", _fd_insights_sync_fields (job->kind, job->level));
  fd_graph_params_set_time_range (params, job->since, job->until);
  fd_graph_params_set (params, "time_increment", job->kind == JOB_REACH ? "all_days" : "1");
  if (job->kind == JOB_HOURLY)
    fd_graph_params_set (params, "breakdowns", "[\"hourly_stats_aggregated_by_advertiser_time_zone\"]");

  return params;
}

/* Pages are stored in transactions of up to a second's worth, each ending
 * with the cursor of its last page: one page per transaction would write
 * the same B-tree pages out again and again (rows come by day across all
 * objects, the tables are keyed by object), and an interrupted sync loses
 * at most that second. */
#define BATCH_US    (1 * G_USEC_PER_SEC)
#define BATCH_PAGES 64

typedef struct
{
  gboolean  open;
  gint64    started;
  guint     pages;
  gint64    rows;
  char     *committed_after;
  gint64    committed_rows;
} Batch;

/* Writes a page's rows and the job's new cursor, inside the batch's
 * transaction. */
static gboolean
store_page (FdInsightsSync   *self,
            Job              *job,
            FdGraphPager     *pager,
            FdGraphResponse  *page,
            gint64           *rows,
            GError          **error)
{
  const char *account_id = fd_ad_account_get_id (self->account);

  self->synced_us = g_get_real_time ();
  *rows = 0;

  if (job->kind == JOB_OBJECTS)
    {
      if (!_fd_insights_sync_store_objects (self, job, page, error))
        return FALSE;
      *rows = json_array_get_length (fd_graph_response_get_data (page));
    }
  else if (!_fd_insights_sync_store_rows (self, job, page, rows, error))
    return FALSE;

  job->rows_done += *rows;
  g_free (job->after);
  job->after = g_strdup (fd_graph_pager_get_after (pager));

  if (fd_graph_pager_is_done (pager))
    return fd_insights_store_remove_job (self->store, account_id, job->key, error);

  return fd_insights_store_update_job (self->store, account_id, job->key, job->after,
                                       job->rows_done, job->report_run_id, error);
}

static gboolean
batch_commit (FdInsightsSync  *self,
              Job             *job,
              Batch           *batch,
              GError         **error)
{
  if (!batch->open)
    return TRUE;

  batch->open = FALSE;
  if (!fd_store_commit (self->store, error))
    return FALSE;

  self->summary.pages += batch->pages;
  if (job->kind == JOB_DAILY)
    self->summary.daily_rows += batch->rows;
  else if (job->kind == JOB_HOURLY)
    self->summary.hourly_rows += batch->rows;
  else if (job->kind == JOB_REACH)
    self->summary.reach_rows += batch->rows;

  g_free (batch->committed_after);
  batch->committed_after = g_strdup (job->after);
  batch->committed_rows = job->rows_done;
  batch->pages = 0;
  batch->rows = 0;
  return TRUE;
}

/* Undoes the batch, in the database and in the job's cursor. */
static void
batch_rollback (FdInsightsSync *self,
                Job            *job,
                Batch          *batch)
{
  if (!batch->open)
    return;

  batch->open = FALSE;
  fd_store_rollback (self->store);
  g_free (job->after);
  job->after = g_strdup (batch->committed_after);
  job->rows_done = batch->committed_rows;
}

static gboolean
batch_add (FdInsightsSync   *self,
           Job              *job,
           Batch            *batch,
           FdGraphPager     *pager,
           FdGraphResponse  *page,
           GError          **error)
{
  gint64 rows;

  if (!batch->open)
    {
      if (!fd_store_begin (self->store, error))
        return FALSE;
      batch->open = TRUE;
      batch->started = g_get_monotonic_time ();
    }

  if (!store_page (self, job, pager, page, &rows, error))
    {
      batch_rollback (self, job, batch);
      return FALSE;
    }

  batch->pages++;
  batch->rows += rows;

  if (fd_graph_pager_is_done (pager) || batch->pages >= BATCH_PAGES ||
      g_get_monotonic_time () - batch->started >= BATCH_US)
    return batch_commit (self, job, batch, error);

  return TRUE;
}

static gboolean
read_pages (FdInsightsSync  *self,
            Job             *job,
            FdGraphPager    *pager,
            GCancellable    *cancellable,
            GError         **error)
{
  double estimate = MAX (job_estimate (self, job), 1);
  Batch batch = { 0 };
  gboolean ok = TRUE;

  batch.committed_after = g_strdup (job->after);
  batch.committed_rows = job->rows_done;

  /* Meta prepares the next page while this one is stored. */
  fd_graph_pager_start_prefetch (pager, 2, cancellable);

  while (ok && !fd_graph_pager_is_done (pager))
    {
      g_autoptr(FdGraphResponse) page = NULL;
      GError *local_error = NULL;
      gint64 start = g_get_monotonic_time ();

      if (g_cancellable_is_cancelled (cancellable))
        page = NULL;
      else
        page = fd_graph_pager_next (pager, cancellable, &local_error);
      self->summary.fetch_us += g_get_monotonic_time () - start;

      if (page == NULL)
        {
          /* What was read before the failure is good: keep it. */
          ok = batch_commit (self, job, &batch, error);
          if (ok && g_cancellable_set_error_if_cancelled (cancellable, error))
            ok = FALSE;
          else if (ok && local_error != NULL)
            {
              g_propagate_error (error, local_error);
              local_error = NULL;
              ok = FALSE;
            }
          g_clear_error (&local_error);
          break;
        }

      start = g_get_monotonic_time ();
      ok = batch_add (self, job, &batch, pager, page, error);
      self->summary.store_us += g_get_monotonic_time () - start;

      if (ok)
        report_progress (self, job, job->rows_done / estimate);
    }

  if (ok)
    ok = batch_commit (self, job, &batch, error);
  else
    batch_rollback (self, job, &batch);

  g_free (batch.committed_after);
  return ok;
}

static gboolean
run_objects (FdInsightsSync  *self,
             Job             *job,
             GCancellable    *cancellable,
             GError         **error)
{
  static const char * const edges[] = { "campaigns", "adsets", "ads" };
  g_autoptr(FdGraphParams) params = fd_graph_params_new ();
  g_autoptr(FdGraphPager) pager = NULL;
  g_autofree char *path = g_strdup_printf ("%s/%s", fd_ad_account_get_id (self->account),
                                           edges[job->level]);

  fd_graph_params_set (params, "fields", _fd_insights_sync_fields (JOB_OBJECTS, job->level));
  fd_graph_params_set_int (params, "limit", OBJECT_PAGE_SIZE);
  pager = fd_graph_pager_new (self->client, path, params, job->after);

  return read_pages (self, job, pager, cancellable, error);
}

static gboolean
save_run_id (FdInsightsSync  *self,
             Job             *job,
             const char      *run_id,
             GError         **error)
{
  g_free (job->report_run_id);
  job->report_run_id = g_strdup (run_id);
  g_clear_pointer (&job->after, g_free);
  job->rows_done = 0;

  return fd_insights_store_update_job (self->store, fd_ad_account_get_id (self->account),
                                       job->key, NULL, 0, run_id, error);
}

typedef struct
{
  FdInsightsSync *self;
  Job            *job;
} WaitData;

static void
run_progress (FdGraphReportRun *run,
              int               percent,
              gpointer          user_data)
{
  WaitData *data = user_data;

  /* Waiting for Meta is about a third of a report's cost. */
  report_progress (data->self, data->job, percent / 300.0);
}

/* Reads an insights job through an async report run: the saved one when
 * resuming, else a new one. */
static gboolean
run_report (FdInsightsSync  *self,
            Job             *job,
            GCancellable    *cancellable,
            GError         **error)
{
  g_autoptr(FdGraphReportRun) run = NULL;
  g_autoptr(FdGraphPager) pager = NULL;
  g_autoptr(FdGraphParams) page_params = fd_graph_params_new ();
  g_autoptr(GError) local_error = NULL;
  WaitData data = { self, job };

  if (job->report_run_id != NULL)
    {
      run = fd_graph_report_run_new_for_id (self->client, job->report_run_id);
      if (!fd_graph_report_run_wait (run, run_progress, &data, cancellable, &local_error))
        {
          if (fd_graph_error_is_cancelled (local_error))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          /* Expired, unknown or failed: submit the job again. */
          g_debug ("Report %s cannot be read any more (%s); starting over", job->report_run_id,
                   local_error->message);
          g_clear_error (&local_error);
          g_clear_object (&run);
        }
    }

  if (run == NULL)
    {
      g_autoptr(FdGraphParams) params = insights_params (self, job);
      g_autofree char *path = g_strdup_printf ("%s/insights", fd_ad_account_get_id (self->account));

      run = fd_graph_report_run_start (self->client, path, params, cancellable, error);
      if (run == NULL || !save_run_id (self, job, fd_graph_report_run_get_id (run), error))
        return FALSE;
      self->summary.report_runs++;

      if (!fd_graph_report_run_wait (run, run_progress, &data, cancellable, error))
        return FALSE;
    }

  fd_graph_params_set_int (page_params, "limit", self->page_size);
  pager = fd_graph_report_run_new_pager (run, page_params, job->after);
  return read_pages (self, job, pager, cancellable, error);
}

static gboolean
run_direct (FdInsightsSync  *self,
            Job             *job,
            GCancellable    *cancellable,
            GError         **error)
{
  g_autoptr(FdGraphParams) params = insights_params (self, job);
  g_autoptr(FdGraphPager) pager = NULL;
  g_autofree char *path = g_strdup_printf ("%s/insights", fd_ad_account_get_id (self->account));

  fd_graph_params_set_int (params, "limit", self->page_size);
  pager = fd_graph_pager_new (self->client, path, params, job->after);

  return read_pages (self, job, pager, cancellable, error);
}

/* Replaces @job by two jobs over the halves of its range, in the database
 * and at the head of @jobs. */
static gboolean
split_job (FdInsightsSync  *self,
           Job             *job,
           GQueue          *jobs,
           GError         **error)
{
  const char *account_id = fd_ad_account_get_id (self->account);
  int first = julian (job->since);
  int last = julian (job->until);
  int middle = first + (last - first) / 2;
  char mid[11];
  char next[11];
  FdSyncJob halves[2] = { { 0 }, { 0 } };

  format_julian (middle, mid);
  format_julian (middle + 1, next);
  halves[0].job = job_key (job->kind, job->level, job->since, mid, 0);
  halves[1].job = job_key (job->kind, job->level, next, job->until, 0);
  halves[0].seq = halves[1].seq = job->seq;

  if (!fd_store_begin (self->store, error))
    goto out;
  if (!fd_insights_store_remove_job (self->store, account_id, job->key, error) ||
      !fd_insights_store_add_job (self->store, account_id, halves[0].job, job->seq, self->synced_us, error) ||
      !fd_insights_store_add_job (self->store, account_id, halves[1].job, job->seq, self->synced_us, error))
    {
      fd_store_rollback (self->store);
      goto out;
    }
  if (!fd_store_commit (self->store, error))
    goto out;

  for (int i = 1; i >= 0; i--)
    {
      Job *half = job_parse (&halves[i]);

      half->weight = job->weight / 2;
      g_queue_push_head (jobs, half);
    }

out:
  g_free (halves[0].job);
  g_free (halves[1].job);
  return error == NULL || *error == NULL;
}

static gboolean
run_insights (FdInsightsSync  *self,
              Job             *job,
              GQueue          *jobs,
              gboolean        *split,
              GCancellable    *cancellable,
              GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean use_report;
  gboolean ok;

  *split = FALSE;
  use_report = job->report_run_id != NULL || uses_report (self, job);

  if (!use_report)
    {
      if (run_direct (self, job, cancellable, &local_error))
        return TRUE;
      if (!g_error_matches (local_error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_TOO_MUCH_DATA))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_debug ("Meta wants less data for %s; using a report run", job->key);
      g_clear_error (&local_error);
    }

  ok = run_report (self, job, cancellable, &local_error);
  if (ok)
    return TRUE;

  if ((g_error_matches (local_error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_REPORT_FAILED) ||
       g_error_matches (local_error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_TOO_MUCH_DATA)) &&
      job->kind != JOB_REACH && job_days (job) > 1)
    {
      g_debug ("Splitting %s after: %s", job->key, local_error->message);
      *split = TRUE;
      return split_job (self, job, jobs, error);
    }

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
run_mark (FdInsightsSync  *self,
          Job             *job,
          GError         **error)
{
  const char *account_id = fd_ad_account_get_id (self->account);

  if (!fd_store_begin (self->store, error))
    return FALSE;

  if (!fd_insights_store_set_watermark (self->store, account_id, "daily", job->until,
                                        g_get_real_time (), error) ||
      !fd_insights_store_remove_job (self->store, account_id, job->key, error))
    {
      fd_store_rollback (self->store);
      return FALSE;
    }

  return fd_store_commit (self->store, error);
}

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
  report_progress (self, job, 0);
  note_range (self, job);

  switch (job->kind)
    {
    case JOB_OBJECTS:
      ok = run_objects (self, job, cancellable, error);
      break;
    case JOB_MARK:
      ok = run_mark (self, job, error);
      break;
    case JOB_DAILY:
    case JOB_HOURLY:
    case JOB_REACH:
    default:
      ok = run_insights (self, job, jobs, &split, cancellable, error);
      break;
    }

  if (ok && !split)
    self->done_weight += job->weight;

  return ok;
}

/* Meta prepares report runs side by side: submit the next ones while this
 * job reads its pages, and each finds its run ready. A run that cannot be
 * submitted now is submitted by its own job later. */
static void
submit_ahead (FdInsightsSync *self,
              GQueue         *jobs,
              GCancellable   *cancellable)
{
  guint submitted = 0;

  for (GList *l = jobs->head; l != NULL && submitted < REPORTS_AHEAD; l = l->next)
    {
      Job *job = l->data;
      g_autoptr(FdGraphReportRun) run = NULL;
      g_autoptr(FdGraphParams) params = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *path = NULL;

      if (job->kind == JOB_OBJECTS)
        return;  /* the estimates need the objects */
      if (!uses_report (self, job))
        continue;
      if (job->report_run_id != NULL)
        {
          submitted++;
          continue;
        }

      params = insights_params (self, job);
      path = g_strdup_printf ("%s/insights", fd_ad_account_get_id (self->account));
      run = fd_graph_report_run_start (self->client, path, params, cancellable, &error);
      if (run == NULL || !save_run_id (self, job, fd_graph_report_run_get_id (run), &error))
        {
          g_debug ("Could not submit the report for %s ahead: %s", job->key, error->message);
          return;
        }
      self->summary.report_runs++;
      submitted++;
    }
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
        submit_ahead (self, jobs, cancellable);

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
    g_queue_free_full (jobs, (GDestroyNotify)job_free);
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
      !(pending = load_jobs (self, NULL, error)))
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

  if (!plan (self, error) || !(planned = load_jobs (self, done, error)))
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
