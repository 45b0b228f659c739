/* rules-fixture.h: insights built by the tests, and an executor that records
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-store.h"
#include "fd-triage-executor.h"

G_BEGIN_DECLS

/* The measures of one hour or day; money in minor units. */
typedef struct
{
  gint64 impressions;
  gint64 reach;
  gint64 spend;
  gint64 clicks;
  gint64 link_clicks;
  gint64 purchases;
  gint64 purchase_value;
} RfMetrics;

FdStore *rf_store_new        (const char      *dir);
void     rf_account          (FdStore         *store,
                              const char      *id,
                              const char      *currency,
                              const char      *timezone);
void     rf_object           (FdStore         *store,
                              const char      *id,
                              const char      *account,
                              const char      *level,
                              const char      *campaign,
                              const char      *adset,
                              const char      *name,
                              gint64           daily_budget,
                              const char      *status);
gint64   rf_local            (const char      *timezone,
                              const char      *datetime);
void     rf_day              (FdStore         *store,
                              const char      *object,
                              const char      *timezone,
                              const char      *day,
                              const RfMetrics *metrics);
void     rf_hours            (FdStore         *store,
                              const char      *object,
                              const char      *timezone,
                              const char      *from,
                              const char      *to,
                              const RfMetrics *per_hour);
void     rf_reach            (FdStore         *store,
                              const char      *object,
                              const char      *until_day,
                              int              days,
                              gint64           reach,
                              gint64           impressions);
void     rf_link_creative    (FdStore         *store,
                              const char      *ad,
                              gint64           version_id);
gint64   rf_person           (FdStore         *store,
                              const char      *name,
                              const char      *email,
                              const char      *role);
char    *rf_query_text       (FdStore         *store,
                              const char      *sql);
gint64   rf_query_int        (FdStore         *store,
                              const char      *sql);

/* An FdTriageExecutor standing in for Meta inside unit tests: it records
 * every change ("status adset_1 PAUSED", "budget adset_1 7000") and
 * counts reads, keeps what the changes set, and fails the calls for one
 * object on demand. */
#define RF_TYPE_EXECUTOR (rf_executor_get_type ())
G_DECLARE_FINAL_TYPE (RfExecutor, rf_executor, RF, EXECUTOR, GObject)

RfExecutor  *rf_executor_new        (void);
GPtrArray   *rf_executor_get_calls  (RfExecutor  *self);
void         rf_executor_fail_for   (RfExecutor  *self,
                                     const char  *object_id,
                                     const char  *message);
void         rf_executor_set_readable (RfExecutor *self,
                                       gboolean    readable);
guint        rf_executor_get_reads  (RfExecutor  *self);
void         rf_executor_set_object (RfExecutor  *self,
                                     const char  *object_id,
                                     const char  *status,
                                     gint64       daily_budget);

G_END_DECLS
