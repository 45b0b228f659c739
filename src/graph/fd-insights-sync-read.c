/* fd-insights-sync-read.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-insights-sync"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-graph-error.h"
#include "fd-graph-report-run.h"
#include "fd-insights-sync-private.h"

/* Running one job: reading its pages (directly or through an async report
 * run) and storing them with its cursor; splitting it when Meta cannot
 * produce its report. */

#define OBJECT_PAGE_SIZE 200
#define REPORTS_AHEAD    2

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

/* time_ranges: the job's windows of job->days days, one ending on each
 * day from job->first to job->until. */
static void
set_reach_ranges (FdGraphParams *params,
                  Job           *job)
{
  g_autoptr(GString) ranges = g_string_new ("[");
  int last = _fd_sync_julian (job->until);

  for (int day = _fd_sync_julian (job->first); day <= last; day++)
    {
      char since[11], until[11];

      _fd_sync_format_julian (day - job->days + 1, since);
      _fd_sync_format_julian (day, until);
      g_string_append_printf (ranges, "%s{\"since\":\"%s\",\"until\":\"%s\"}",
                              ranges->len > 1 ? "," : "", since, until);
    }
  g_string_append_c (ranges, ']');

  fd_graph_params_set (params, "time_ranges", ranges->str);
}

static FdGraphParams *
insights_params (FdInsightsSync *self,
                 Job            *job)
{
  FdGraphParams *params = fd_graph_params_new ();

  fd_graph_params_set (params, "level", fd_insight_level_to_string (job->level));
  fd_graph_params_set (params, "fields", _fd_insights_sync_fields (job->kind, job->level));
  if (job->kind == JOB_REACH && _fd_sync_job_windows (job) > 1)
    set_reach_ranges (params, job);
  else
    fd_graph_params_set_time_range (params, job->since, job->until);
  fd_graph_params_set (params, "time_increment", job->kind == JOB_REACH ? "all_days" : "1");
  if (job->kind == JOB_HOURLY)
    fd_graph_params_set (params, "breakdowns", "[\"hourly_stats_aggregated_by_advertiser_time_zone\"]");

  return params;
}

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
  double estimate = MAX (_fd_insights_sync_estimate (self, job), 1);
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
        _fd_insights_sync_report_progress (self, job, job->rows_done / estimate);
    }

  if (ok)
    ok = batch_commit (self, job, &batch, error);
  else
    batch_rollback (self, job, &batch);

  g_free (batch.committed_after);
  return ok;
}

gboolean
_fd_insights_sync_run_objects (FdInsightsSync  *self,
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
  _fd_insights_sync_report_progress (data->self, data->job, percent / 300.0);
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
  /* A reach job splits the days its windows end on, not the days. */
  const char *since = job->kind == JOB_REACH ? job->first : job->since;
  int first = _fd_sync_julian (since);
  int last = _fd_sync_julian (job->until);
  int middle = first + (last - first) / 2;
  char mid[11];
  char next[11];
  FdSyncJob halves[2] = { { 0 }, { 0 } };

  _fd_sync_format_julian (middle, mid);
  _fd_sync_format_julian (middle + 1, next);
  halves[0].job = _fd_sync_job_key (job->kind, job->level, since, mid, job->days);
  halves[1].job = _fd_sync_job_key (job->kind, job->level, next, job->until, job->days);
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
      Job *half = _fd_sync_job_parse (&halves[i]);

      half->weight = job->weight / 2;
      g_queue_push_head (jobs, half);
    }

out:
  g_free (halves[0].job);
  g_free (halves[1].job);
  return error == NULL || *error == NULL;
}

gboolean
_fd_insights_sync_run_insights (FdInsightsSync  *self,
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
  use_report = job->report_run_id != NULL || _fd_insights_sync_uses_report (self, job);

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
      (job->kind == JOB_REACH ? _fd_sync_job_windows (job) : _fd_sync_job_days (job)) > 1)
    {
      g_debug ("Splitting %s after: %s", job->key, local_error->message);
      *split = TRUE;
      return split_job (self, job, jobs, error);
    }

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
_fd_insights_sync_run_mark (FdInsightsSync  *self,
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

/* Meta prepares report runs side by side: submit the next ones while this
 * job reads its pages, and each finds its run ready. A run that cannot be
 * submitted now is submitted by its own job later. */
void
_fd_insights_sync_submit_ahead (FdInsightsSync *self,
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
      if (!_fd_insights_sync_uses_report (self, job))
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
