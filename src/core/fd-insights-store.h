/* fd-insights-store.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-ad-account.h"
#include "fd-store.h"

G_BEGIN_DECLS

/* The storage side of insights sync (schema 3): ad accounts (workflow data,
 * audited as entity "ad_account"), the Meta objects, insights by day and by
 * hour, windowed reach, and the sync bookkeeping (cursors, watermarks,
 * runs). Everything but the accounts is data read from Meta: it is written
 * with fd_store_begin()/fd_store_commit(), not through FdMutation. No HTTP
 * here; src/graph fills these tables. */

/* The JSON recorded as an ad account's state in audit events. */
#define FD_AD_ACCOUNT_SNAPSHOT_SQL \
  "SELECT json_object ('id', id, 'name', name, 'currency', currency, " \
  "'timezone', timezone, 'graph_url', graph_url, 'api_version', api_version) " \
  "FROM ad_account WHERE id = ?"

/* What a new account talks to unless told otherwise. */
#define FD_GRAPH_DEFAULT_URL     "https://graph.facebook.com"
#define FD_GRAPH_DEFAULT_VERSION "v25.0"

typedef enum
{
  FD_INSIGHT_LEVEL_CAMPAIGN,
  FD_INSIGHT_LEVEL_ADSET,
  FD_INSIGHT_LEVEL_AD,
} FdInsightLevel;

const char *fd_insight_level_to_string   (FdInsightLevel  level);
gboolean    fd_insight_level_from_string (const char     *text,
                                          FdInsightLevel *level);

/**
 * FdMetaObjectRow:
 *
 * A campaign, ad set or ad as read from Meta. Money in minor units; -1 for
 * an unset budget or bid; 0 for an unknown time.
 */
typedef struct
{
  const char     *id;
  const char     *account_id;
  FdInsightLevel  level;
  const char     *campaign_id;
  const char     *adset_id;
  const char     *name;
  const char     *status;
  const char     *effective_status;
  const char     *objective;
  gint64          daily_budget;
  gint64          lifetime_budget;
  const char     *bid_strategy;
  gint64          bid_amount;
  const char     *optimization_goal;
  const char     *promoted_event;
  const char     *targeting;
  const char     *creative_id;
  gint64          created_time_us;
  gint64          start_time_us;
  gint64          stop_time_us;
  gint64          updated_time_us;
} FdMetaObjectRow;

/**
 * FdInsightRow:
 * @day: YYYY-MM-DD in the account's time zone
 * @hour: 0–23 for an hourly row, -1 for a daily row
 * @start_us: the start of the day or hour, UTC µs
 *
 * One row of insights. Money (@spend, @purchase_value) in minor units of
 * the account's currency; metrics Meta left out are 0.
 */
typedef struct
{
  const char *object_id;
  char        day[11];
  int         hour;
  gint64      start_us;
  gint64      impressions;
  gint64      reach;
  double      frequency;
  gint64      spend;
  gint64      clicks;
  gint64      link_clicks;
  gint64      purchases;
  gint64      purchase_value;
  gint64      video_plays;
  gint64      video_p25;
  gint64      video_p50;
  gint64      video_p75;
  gint64      video_p100;
  gint64      thruplays;
} FdInsightRow;

/**
 * FdSyncJob:
 * @job: what the job reads, e.g. "daily:ad:2026-08-27:2026-11-24"
 * @after: (nullable): the paging cursor of the next page to read
 * @rows_done: rows stored so far
 * @seq: its place in the sync's plan
 * @report_run_id: (nullable): the async report run it is reading
 *
 * A job of a sync that has not finished, as committed with its last page.
 */
typedef struct
{
  char   *job;
  char   *after;
  gint64  rows_done;
  int     seq;
  char   *report_run_id;
  gint64  started_us;
} FdSyncJob;

void fd_sync_job_free (FdSyncJob *job);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdSyncJob, fd_sync_job_free)

/**
 * FdInsightQuery:
 * @account_id: (nullable): one account, or all
 * @since: (nullable): first day, YYYY-MM-DD
 * @until: (nullable): last day, inclusive
 * @hourly: hourly rows instead of daily ones
 */
typedef struct
{
  const char     *account_id;
  FdInsightLevel  level;
  const char     *since;
  const char     *until;
  gboolean        hourly;
} FdInsightQuery;

/**
 * FdInsightRowFunc:
 * @row: the row (reach and frequency are 0 for hourly rows)
 * @campaign_id: (nullable): the object's campaign (itself for campaigns)
 * @adset_id: (nullable): the object's ad set (itself for ad sets)
 * @account_id: the object's account
 * @currency: the account's currency
 *
 * Returns: %FALSE to stop
 */
typedef gboolean (*FdInsightRowFunc) (const FdInsightRow *row,
                                      const char         *campaign_id,
                                      const char         *adset_id,
                                      const char         *account_id,
                                      const char         *currency,
                                      gpointer            user_data);

/* Accounts */
gboolean     fd_insights_store_save_account    (FdStore              *store,
                                                const char           *actor,
                                                FdAdAccount          *account,
                                                GError              **error);
FdAdAccount *fd_insights_store_get_account     (FdStore              *store,
                                                const char           *account_id,
                                                GError              **error);
GPtrArray   *fd_insights_store_list_accounts   (FdStore              *store,
                                                GError              **error);
gboolean     fd_insights_store_is_valid_account_id (const char       *account_id);

/* Objects */
gboolean     fd_insights_store_upsert_object   (FdStore              *store,
                                                const FdMetaObjectRow *row,
                                                gint64                seen_us,
                                                GError              **error);
gint64       fd_insights_store_count_objects   (FdStore              *store,
                                                const char           *account_id,
                                                FdInsightLevel        level,
                                                GError              **error);
gboolean     fd_insights_store_set_object_status (FdStore            *store,
                                                  const char         *object_id,
                                                  const char         *status,
                                                  GError            **error);
gboolean     fd_insights_store_set_object_budget (FdStore            *store,
                                                  const char         *object_id,
                                                  gint64              daily_budget,
                                                  gint64              lifetime_budget,
                                                  GError            **error);

/* Insights */
gboolean     fd_insights_store_upsert_insight  (FdStore              *store,
                                                const FdInsightRow   *row,
                                                gint64                synced_us,
                                                GError              **error);
gboolean     fd_insights_store_upsert_reach    (FdStore              *store,
                                                const char           *object_id,
                                                const char           *until_day,
                                                int                   days,
                                                gint64                reach,
                                                gint64                impressions,
                                                gint64                synced_us,
                                                GError              **error);
gboolean     fd_insights_store_foreach_row     (FdStore              *store,
                                                const FdInsightQuery *query,
                                                FdInsightRowFunc      func,
                                                gpointer              user_data,
                                                GError              **error);

/* Sync bookkeeping */
GPtrArray   *fd_insights_store_list_jobs       (FdStore              *store,
                                                const char           *account_id,
                                                GError              **error);
gboolean     fd_insights_store_add_job         (FdStore              *store,
                                                const char           *account_id,
                                                const char           *job,
                                                int                   seq,
                                                gint64                started_us,
                                                GError              **error);
gboolean     fd_insights_store_update_job      (FdStore              *store,
                                                const char           *account_id,
                                                const char           *job,
                                                const char           *after,
                                                gint64                rows_done,
                                                const char           *report_run_id,
                                                GError              **error);
gboolean     fd_insights_store_remove_job      (FdStore              *store,
                                                const char           *account_id,
                                                const char           *job,
                                                GError              **error);
char        *fd_insights_store_get_watermark   (FdStore              *store,
                                                const char           *account_id,
                                                const char           *kind,
                                                GError              **error);
gboolean     fd_insights_store_set_watermark   (FdStore              *store,
                                                const char           *account_id,
                                                const char           *kind,
                                                const char           *until_day,
                                                gint64                synced_us,
                                                GError              **error);
gint64       fd_insights_store_begin_run       (FdStore              *store,
                                                const char           *account_id,
                                                gint64                started_us,
                                                GError              **error);
gboolean     fd_insights_store_finish_run      (FdStore              *store,
                                                gint64                run_id,
                                                gboolean              ok,
                                                gint64                rows,
                                                const char           *message,
                                                const char           *error_kind,
                                                gint64                finished_us,
                                                GError              **error);

G_END_DECLS
