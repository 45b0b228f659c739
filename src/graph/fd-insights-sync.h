/* fd-insights-sync.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-ad-account.h"
#include "fd-graph-client.h"
#include "fd-store.h"

G_BEGIN_DECLS

#define FD_TYPE_INSIGHTS_SYNC (fd_insights_sync_get_type ())

G_DECLARE_FINAL_TYPE (FdInsightsSync, fd_insights_sync, FD, INSIGHTS_SYNC, GObject)

/**
 * FdInsightsSyncSummary:
 * @objects: campaigns, ad sets and ads read
 * @daily_rows: daily insights rows stored (all levels)
 * @hourly_rows: hourly rows stored
 * @reach_rows: windowed reach rows stored
 * @pages: pages read
 * @report_runs: async report runs used
 * @since: (nullable): first day of daily rows read
 * @until: (nullable): last day
 * @resumed: whether the sync continued an interrupted one
 * @fetch_us: time spent waiting for and parsing Meta's pages
 * @store_us: time spent storing them
 */
typedef struct
{
  gint64    objects;
  gint64    daily_rows;
  gint64    hourly_rows;
  gint64    reach_rows;
  gint64    pages;
  gint64    report_runs;
  char      since[11];
  char      until[11];
  gboolean  resumed;
  gint64    fetch_us;
  gint64    store_us;
} FdInsightsSyncSummary;

FdInsightsSync *fd_insights_sync_new             (FdStore               *store,
                                                  FdGraphClient         *client,
                                                  FdAdAccount           *account);
void            fd_insights_sync_set_range       (FdInsightsSync        *self,
                                                  const char            *since,
                                                  const char            *until);
void            fd_insights_sync_set_history_days (FdInsightsSync       *self,
                                                   guint                 days);
void            fd_insights_sync_set_hourly_days (FdInsightsSync        *self,
                                                  guint                  days);
void            fd_insights_sync_set_page_size   (FdInsightsSync        *self,
                                                  guint                  rows);
void            fd_insights_sync_set_async_threshold (FdInsightsSync    *self,
                                                      guint              rows);
void            fd_insights_sync_set_now         (FdInsightsSync        *self,
                                                  gint64                 now_us);
gboolean        fd_insights_sync_run             (FdInsightsSync        *self,
                                                  GCancellable          *cancellable,
                                                  GError               **error);
const FdInsightsSyncSummary *fd_insights_sync_get_summary (FdInsightsSync *self);
double          fd_insights_sync_get_progress    (FdInsightsSync        *self);

G_END_DECLS
