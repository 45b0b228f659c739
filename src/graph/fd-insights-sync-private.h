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
 *   mark:DAY                  the plan completed: days before DAY-27 are final */
typedef struct
{
  char           *key;
  JobKind         kind;
  FdInsightLevel  level;
  char            since[11];
  char            until[11];
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
