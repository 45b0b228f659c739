/* fd-insights-sync-private.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-graph-pager.h"
#include "fd-insights-store.h"
#include "fd-insights-sync.h"

G_BEGIN_DECLS

/* The most reach windows one request reads (Meta's limit of time_ranges). */
#define FD_SYNC_MAX_REACH_WINDOWS 28

typedef enum
{
  JOB_OBJECTS,
  JOB_DAILY,
  JOB_HOURLY,
  JOB_REACH,
  JOB_MARK,
} JobKind;

/* One unit of a sync, persisted in sync_cursor under its key:
 *   objects:LEVEL             the campaigns, ad sets or ads
 *   daily:LEVEL:SINCE:UNTIL   insights by day
 *   hourly:LEVEL:SINCE:UNTIL  insights by hour
 *   reach:LEVEL:UNTIL:DAYS    deduplicated reach of a trailing window
 *   reach:LEVEL:FIRST:UNTIL:DAYS  …of the windows of DAYS ending on each
 *                             day FIRST … UNTIL (one time_ranges request)
 *   mark:DAY                  the plan completed: days before DAY-27 are final */
typedef struct
{
  char           *key;
  JobKind         kind;
  FdInsightLevel  level;
  char            since[11];
  char            until[11];
  char            first[11];    /* reach: the last day of the first window */
  int             days;
  char           *after;
  char           *report_run_id;
  gint64          rows_done;
  int             seq;
  double          weight;
} Job;

struct _FdInsightsSync
{
  GObject                parent_instance;

  FdStore               *store;
  FdGraphClient         *client;
  FdAdAccount           *account;
  char                  *since;
  char                  *until;
  guint                  history_days;
  guint                  hourly_days;
  guint                  page_size;
  guint                  async_threshold;
  gint64                 now_us;

  FdInsightsSyncSummary  summary;
  GHashTable            *known;        /* object id → FdInsightLevel + 1 */
  GHashTable            *starts;       /* "YYYY-MM-DD" or "YYYY-MM-DD HH" → gint64* */
  double                 total_weight;
  double                 done_weight;
  double                 progress;
  gint64                 synced_us;
};

void      _fd_sync_job_free              (Job             *job);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, _fd_sync_job_free)

/* fd-insights-sync-plan.c */
void      _fd_insights_sync_today        (FdInsightsSync  *self,
                                          char             out[11]);
int       _fd_sync_julian                (const char      *day);
void      _fd_sync_format_julian         (int              day,
                                          char             out[11]);
Job      *_fd_sync_job_parse             (const FdSyncJob *stored);
char     *_fd_sync_job_key               (JobKind          kind,
                                          FdInsightLevel   level,
                                          const char      *since,
                                          const char      *until,
                                          int              days);
int       _fd_sync_job_days              (const Job       *job);
int       _fd_sync_job_windows           (const Job       *job);
double    _fd_insights_sync_estimate     (FdInsightsSync  *self,
                                          const Job       *job);
gboolean  _fd_insights_sync_uses_report  (FdInsightsSync  *self,
                                          Job             *job);
gboolean  _fd_insights_sync_plan         (FdInsightsSync  *self,
                                          GError         **error);
GQueue   *_fd_insights_sync_load_jobs    (FdInsightsSync  *self,
                                          GHashTable      *skip,
                                          GError         **error);

/* fd-insights-sync.c */
void      _fd_insights_sync_report_progress (FdInsightsSync *self,
                                             Job            *job,
                                             double          job_fraction);

/* fd-insights-sync-read.c */
gboolean  _fd_insights_sync_run_objects  (FdInsightsSync  *self,
                                          Job             *job,
                                          GCancellable    *cancellable,
                                          GError         **error);
gboolean  _fd_insights_sync_run_insights (FdInsightsSync  *self,
                                          Job             *job,
                                          GQueue          *jobs,
                                          gboolean        *split,
                                          GCancellable    *cancellable,
                                          GError         **error);
gboolean  _fd_insights_sync_run_mark     (FdInsightsSync  *self,
                                          Job             *job,
                                          GError         **error);
void      _fd_insights_sync_submit_ahead (FdInsightsSync  *self,
                                          GQueue          *jobs,
                                          GCancellable    *cancellable);

/* fd-insights-sync-rows.c */
gboolean  _fd_insights_sync_load_known    (FdInsightsSync  *self,
                                           GError         **error);
gboolean  _fd_insights_sync_store_objects (FdInsightsSync  *self,
                                           Job             *job,
                                           FdGraphResponse *page,
                                           GError         **error);
gboolean  _fd_insights_sync_store_rows    (FdInsightsSync  *self,
                                           Job             *job,
                                           FdGraphResponse *page,
                                           gint64          *n_rows,
                                           GError         **error);
const char *_fd_insights_sync_fields      (JobKind          kind,
                                           FdInsightLevel   level);

G_END_DECLS
