/* fd-insights-sync-plan.c
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
#include "fd-insights-sync-private.h"

/* The plan of a sync: which jobs, over which days, in which order, as
 * written to sync_cursor; and the days' arithmetic it needs. */

#define REVISE_DAYS 28

static const int reach_windows[] = { 1, 3, 7, 14, 28 };

void
_fd_sync_job_free (Job *job)
{
  if (job == NULL)
    return;

  g_free (job->key);
  g_free (job->after);
  g_free (job->report_run_id);
  g_free (job);
}

static gint64
sync_now (FdInsightsSync *self)
{
  return self->now_us != 0 ? self->now_us : g_get_real_time ();
}

void
_fd_insights_sync_today (FdInsightsSync *self,
              char            out[11])
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (sync_now (self) / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, fd_ad_account_get_time_zone (self->account));

  g_snprintf (out, 11, "%04d-%02d-%02d", g_date_time_get_year (local),
              g_date_time_get_month (local), g_date_time_get_day_of_month (local));
}

int
_fd_sync_julian (const char *day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, atoi (day + 8), atoi (day + 5), atoi (day));
  return g_date_valid (&date) ? (int)g_date_get_julian (&date) : 0;
}

void
_fd_sync_format_julian (int  day,
               char out[11])
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  g_snprintf (out, 11, "%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
              g_date_get_day (&date));
}

Job *
_fd_sync_job_parse (const FdSyncJob *stored)
{
  g_auto(GStrv) parts = g_strsplit (stored->job, ":", -1);
  guint n = g_strv_length (parts);
  g_autoptr(Job) job = g_new0 (Job, 1);

  job->key = g_strdup (stored->job);
  job->after = g_strdup (stored->after);
  job->report_run_id = g_strdup (stored->report_run_id);
  job->rows_done = stored->rows_done;
  job->seq = stored->seq;

  if (n == 2 && g_str_equal (parts[0], "mark") && _fd_sync_julian (parts[1]) != 0)
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
           _fd_sync_julian (parts[2]) != 0 && _fd_sync_julian (parts[3]) >= _fd_sync_julian (parts[2]))
    {
      job->kind = g_str_equal (parts[0], "daily") ? JOB_DAILY : JOB_HOURLY;
      g_strlcpy (job->since, parts[2], sizeof job->since);
      g_strlcpy (job->until, parts[3], sizeof job->until);
    }
  else if (n == 4 && g_str_equal (parts[0], "reach") && _fd_sync_julian (parts[2]) != 0 && atoi (parts[3]) > 0)
    {
      job->kind = JOB_REACH;
      job->days = atoi (parts[3]);
      g_strlcpy (job->first, parts[2], sizeof job->first);
      g_strlcpy (job->until, parts[2], sizeof job->until);
      _fd_sync_format_julian (_fd_sync_julian (parts[2]) - job->days + 1, job->since);
    }
  else if (n == 5 && g_str_equal (parts[0], "reach") && _fd_sync_julian (parts[2]) != 0 &&
           _fd_sync_julian (parts[3]) >= _fd_sync_julian (parts[2]) &&
           _fd_sync_julian (parts[3]) - _fd_sync_julian (parts[2]) < FD_SYNC_MAX_REACH_WINDOWS &&
           atoi (parts[4]) > 0)
    {
      job->kind = JOB_REACH;
      job->days = atoi (parts[4]);
      g_strlcpy (job->first, parts[2], sizeof job->first);
      g_strlcpy (job->until, parts[3], sizeof job->until);
      _fd_sync_format_julian (_fd_sync_julian (parts[2]) - job->days + 1, job->since);
    }
  else
    return NULL;

  return g_steal_pointer (&job);
}

char *
_fd_sync_job_key (JobKind         kind,
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
      if (since != NULL && g_strcmp0 (since, until) != 0)
        return g_strdup_printf ("reach:%s:%s:%s:%d", name, since, until, days);
      return g_strdup_printf ("reach:%s:%s:%d", name, until, days);
    case JOB_MARK:
    default:
      return g_strdup_printf ("mark:%s", until);
    }
}

int
_fd_sync_job_days (const Job *job)
{
  return MAX (1, _fd_sync_julian (job->until) - _fd_sync_julian (job->since) + 1);
}

/* How many windows a reach job reads: one per day its windows end on. */
int
_fd_sync_job_windows (const Job *job)
{
  return MAX (1, _fd_sync_julian (job->until) - _fd_sync_julian (job->first) + 1);
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
double
_fd_insights_sync_estimate (FdInsightsSync *self,
              const Job      *job)
{
  switch (job->kind)
    {
    case JOB_OBJECTS:
      return (double)count_objects (self, job->level);
    case JOB_DAILY:
      return (double)_fd_sync_job_days (job) * count_objects (self, job->level);
    case JOB_HOURLY:
      return (double)_fd_sync_job_days (job) * count_objects (self, job->level) * 24;
    case JOB_REACH:
      return (double)_fd_sync_job_windows (job) * count_objects (self, job->level);
    case JOB_MARK:
    default:
      return 0;
    }
}

gboolean
_fd_insights_sync_uses_report (FdInsightsSync *self,
             Job            *job)
{
  double rows = _fd_insights_sync_estimate (self, job);

  /* A report run's cost is that of its longest range (Meta fails long
   * ones), not the number of time_ranges: reach is judged per window. */
  if (job->kind == JOB_REACH)
    rows /= _fd_sync_job_windows (job);

  return (job->kind == JOB_DAILY || job->kind == JOB_HOURLY || job->kind == JOB_REACH) &&
         rows > self->async_threshold;
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
      if (_fd_sync_julian (since) == 0 || _fd_sync_julian (until) == 0 || _fd_sync_julian (since) > _fd_sync_julian (until))
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

  first = _fd_sync_julian (today) - (int)self->history_days + 1;
  if (mark != NULL && _fd_sync_julian (mark) != 0)
    first = MAX (first, MIN (_fd_sync_julian (mark), _fd_sync_julian (today)) - REVISE_DAYS + 1);

  _fd_sync_format_julian (first, since);
  g_strlcpy (until, today, 11);
  return TRUE;
}

/* The last day of the first reach window to read: the range's first day
 * for an explicit range; for an automatic sync the last day the previous
 * one read (its reach then was of a day in progress), or on the first one
 * the last 28 days (a row per window, length and object: reading the
 * whole history's would cost far more than its daily rows). 0 with @error
 * set on failure. */
static int
reach_first_day (FdInsightsSync  *self,
                 const char      *since,
                 const char      *until,
                 gboolean         automatic,
                 GError         **error)
{
  g_autofree char *mark = NULL;
  g_autoptr(GError) local_error = NULL;
  int first = _fd_sync_julian (since);

  if (!automatic)
    return first;

  mark = fd_insights_store_get_watermark (self->store, fd_ad_account_get_id (self->account),
                                          "daily", &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }

  if (mark != NULL && _fd_sync_julian (mark) != 0)
    first = CLAMP (_fd_sync_julian (mark), first, _fd_sync_julian (until));
  else
    first = MAX (first, _fd_sync_julian (until) - REVISE_DAYS + 1);

  return first;
}

/* Writes the plan of a new sync to sync_cursor, in one transaction. */
gboolean
_fd_insights_sync_plan (FdInsightsSync  *self,
      GError         **error)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  char today[11];
  char since[11];
  char until[11];
  gboolean automatic;
  int hourly_first;
  int reach_first;

  _fd_insights_sync_today (self, today);
  if (!plan_daily_range (self, today, since, until, &automatic, error))
    return FALSE;

  if (!fd_store_begin (self->store, error))
    return FALSE;

  for (FdInsightLevel level = FD_INSIGHT_LEVEL_CAMPAIGN; level <= FD_INSIGHT_LEVEL_AD; level++)
    if (!add_job (self, keys, _fd_sync_job_key (JOB_OBJECTS, level, NULL, NULL, 0), error))
      goto failed;

  for (FdInsightLevel level = FD_INSIGHT_LEVEL_CAMPAIGN; level <= FD_INSIGHT_LEVEL_AD; level++)
    if (!add_job (self, keys, _fd_sync_job_key (JOB_DAILY, level, since, until, 0), error))
      goto failed;

  /* Hourly rows for the last days of the range (today's, for the
   * automatic one). */
  hourly_first = MAX (_fd_sync_julian (since), _fd_sync_julian (until) - (int)self->hourly_days + 1);
  if (self->hourly_days > 0)
    {
      char hourly_since[11];

      _fd_sync_format_julian (hourly_first, hourly_since);
      for (FdInsightLevel level = FD_INSIGHT_LEVEL_CAMPAIGN; level <= FD_INSIGHT_LEVEL_AD; level++)
        if (!add_job (self, keys, _fd_sync_job_key (JOB_HOURLY, level, hourly_since, until, 0), error))
          goto failed;
    }

  /* Deduplicated reach of the windows ending on each day whose rows this
   * sync reads or revises (back-tests and "for" checkpoints evaluate
   * windows ending on past days) — except days an earlier completed sync
   * already read whole: from its last day (read then in part) on. */
  reach_first = reach_first_day (self, since, until, automatic, error);
  if (reach_first == 0)
    goto failed;

  for (int first = reach_first; first <= _fd_sync_julian (until); first += FD_SYNC_MAX_REACH_WINDOWS)
    {
      char first_day[11], last_day[11];

      _fd_sync_format_julian (first, first_day);
      _fd_sync_format_julian (MIN (first + FD_SYNC_MAX_REACH_WINDOWS - 1, _fd_sync_julian (until)), last_day);
      for (guint w = 0; w < G_N_ELEMENTS (reach_windows); w++)
        for (FdInsightLevel level = FD_INSIGHT_LEVEL_CAMPAIGN; level <= FD_INSIGHT_LEVEL_AD; level++)
          if (!add_job (self, keys, _fd_sync_job_key (JOB_REACH, level, first_day, last_day, reach_windows[w]),
                        error))
            goto failed;
    }

  if (automatic && !add_job (self, keys, _fd_sync_job_key (JOB_MARK, 0, NULL, today, 0), error))
    goto failed;

  return fd_store_commit (self->store, error);

failed:
  fd_store_rollback (self->store);
  return FALSE;
}

GQueue *
_fd_insights_sync_load_jobs (FdInsightsSync  *self,
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
      Job *job = _fd_sync_job_parse (row);

      if (job == NULL)
        {
          g_warning ("Dropping a sync job that cannot be read: %s", row->job);
          fd_insights_store_remove_job (self->store, fd_ad_account_get_id (self->account), row->job, NULL);
          continue;
        }
      if (skip != NULL && g_hash_table_contains (skip, job->key))
        {
          fd_insights_store_remove_job (self->store, fd_ad_account_get_id (self->account), job->key, NULL);
          _fd_sync_job_free (job);
          continue;
        }
      g_queue_push_tail (jobs, job);
    }

  return jobs;
}
