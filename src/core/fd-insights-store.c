/* fd-insights-store.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-insights-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-core-error.h"
#include "fd-currency.h"
#include "fd-insights-store.h"
#include "fd-mutation.h"

static const char * const level_names[] = { "campaign", "adset", "ad" };

const char *
fd_insight_level_to_string (FdInsightLevel level)
{
  g_return_val_if_fail (level <= FD_INSIGHT_LEVEL_AD, NULL);

  return level_names[level];
}

gboolean
fd_insight_level_from_string (const char     *text,
                              FdInsightLevel *level)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (level_names); i++)
    if (g_str_equal (text, level_names[i]))
      {
        *level = i;
        return TRUE;
      }

  return FALSE;
}

static void
bind_optional_int64 (sqlite3_stmt *stmt,
                     int           index,
                     gint64        value,
                     gint64        unset)
{
  if (value == unset)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, value);
}

/*
 * Accounts
 */

/**
 * fd_insights_store_is_valid_account_id:
 *
 * Returns: whether @account_id is "act_" followed by digits
 */
gboolean
fd_insights_store_is_valid_account_id (const char *account_id)
{
  if (account_id == NULL || !g_str_has_prefix (account_id, "act_") || account_id[4] == '\0')
    return FALSE;

  for (const char *p = account_id + 4; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  return strlen (account_id) <= 40;
}

static gboolean
is_valid_api_version (const char *version)
{
  const char *p = version;

  if (p == NULL || *p++ != 'v' || !g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  if (*p++ != '.' || !g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;

  return *p == '\0';
}

static gboolean
validate_account (FdAdAccount  *account,
                  GError      **error)
{
  const char *id = fd_ad_account_get_id (account);
  const char *url = fd_ad_account_get_graph_url (account);
  g_autoptr(GTimeZone) tz = NULL;

  if (!fd_insights_store_is_valid_account_id (id))
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                   _("“%s” is not an ad account id: it looks like act_1234567890."),
                   id ? id : "");
      return FALSE;
    }

  if (!fd_currency_is_valid_code (fd_ad_account_get_currency (account)))
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                   _("“%s” is not a currency code."),
                   fd_ad_account_get_currency (account) ? fd_ad_account_get_currency (account) : "");
      return FALSE;
    }

  tz = g_time_zone_new_identifier (fd_ad_account_get_timezone (account));
  if (tz == NULL)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                   _("“%s” is not a time zone this computer knows."),
                   fd_ad_account_get_timezone (account) ? fd_ad_account_get_timezone (account) : "");
      return FALSE;
    }

  if (url == NULL || !(g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://") ||
                       g_str_has_prefix (url, "emulator:")))
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                   _("“%s” is not a Graph API address: it should start with https://."),
                   url ? url : "");
      return FALSE;
    }

  if (!is_valid_api_version (fd_ad_account_get_api_version (account)))
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                   _("“%s” is not a Graph API version: it looks like v25.0."),
                   fd_ad_account_get_api_version (account) ? fd_ad_account_get_api_version (account) : "");
      return FALSE;
    }

  return TRUE;
}

static char *
account_snapshot (FdStore     *store,
                  const char  *id,
                  GError     **error)
{
  g_auto(FdStmt) stmt = fd_store_stmt (store, FD_AD_ACCOUNT_SNAPSHOT_SQL, error);
  gboolean has_row;

  if (stmt == NULL)
    return NULL;

  fd_stmt_bind_text (stmt, 1, id);
  if (!fd_store_step (store, stmt, &has_row, error) || !has_row)
    return NULL;

  return fd_stmt_dup_text (stmt, 0);
}

/**
 * fd_insights_store_save_account:
 * @actor: who adds or changes the account
 * @account: the account as it should be stored
 *
 * Adds the account, or updates its name, currency, time zone, Graph URL and
 * version if it exists; audited as entity "ad_account". Saving an
 * unchanged account records nothing.
 */
gboolean
fd_insights_store_save_account (FdStore      *store,
                                const char   *actor,
                                FdAdAccount  *account,
                                GError      **error)
{
  g_autoptr(FdMutation) mutation = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(FdStmt) stmt = NULL;
  const char *id;

  g_return_val_if_fail (FD_IS_STORE (store), FALSE);
  g_return_val_if_fail (FD_IS_AD_ACCOUNT (account), FALSE);

  if (!validate_account (account, error))
    return FALSE;

  id = fd_ad_account_get_id (account);
  if (!(mutation = fd_mutation_begin (store, actor, error)))
    return FALSE;

  before = account_snapshot (store, id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  stmt = fd_store_stmt (store,
                        "INSERT INTO ad_account (id, name, currency, timezone, graph_url, "
                        "api_version, created_us) VALUES (?, ?, ?, ?, ?, ?, ?) "
                        "ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
                        "currency = excluded.currency, timezone = excluded.timezone, "
                        "graph_url = excluded.graph_url, api_version = excluded.api_version",
                        error);
  if (stmt == NULL)
    return FALSE;

  fd_stmt_bind_text (stmt, 1, id);
  fd_stmt_bind_text (stmt, 2, fd_ad_account_get_name (account));
  fd_stmt_bind_text (stmt, 3, fd_ad_account_get_currency (account));
  fd_stmt_bind_text (stmt, 4, fd_ad_account_get_timezone (account));
  fd_stmt_bind_text (stmt, 5, fd_ad_account_get_graph_url (account));
  fd_stmt_bind_text (stmt, 6, fd_ad_account_get_api_version (account));
  sqlite3_bind_int64 (stmt, 7, fd_mutation_get_time (mutation));
  if (!fd_store_run (store, stmt, error))
    return FALSE;

  if (!(after = account_snapshot (store, id, error)))
    return FALSE;

  if (g_strcmp0 (before, after) == 0)
    return TRUE;  /* nothing changed: the mutation rolls back unrecorded */

  return fd_mutation_record (mutation, "ad_account", id, before ? "update" : "create",
                             before, after, error) &&
         fd_mutation_commit (mutation, error);
}

#define ACCOUNT_QUERY \
  "SELECT a.id, a.name, a.currency, a.timezone, a.graph_url, a.api_version, a.created_us, " \
  "r.started_us, r.finished_us, r.ok, r.rows, r.message, r.error_kind, " \
  "(SELECT max (finished_us) FROM sync_run s WHERE s.account_id = a.id AND s.ok = 1) " \
  "FROM ad_account a LEFT JOIN sync_run r ON r.id = " \
  "(SELECT id FROM sync_run WHERE account_id = a.id ORDER BY started_us DESC, id DESC LIMIT 1) "

static FdAdAccount *
account_from_row (sqlite3_stmt *stmt)
{
  FdAdAccount *account = fd_ad_account_new (fd_stmt_column_text (stmt, 0),
                                            fd_stmt_column_text (stmt, 1),
                                            fd_stmt_column_text (stmt, 2),
                                            fd_stmt_column_text (stmt, 3),
                                            fd_stmt_column_text (stmt, 4),
                                            fd_stmt_column_text (stmt, 5));
  FdAdAccountSyncState state;
  gint64 last_sync = 0;

  if (sqlite3_column_type (stmt, 7) == SQLITE_NULL)
    state = FD_AD_ACCOUNT_SYNC_NEVER;
  else if (sqlite3_column_type (stmt, 9) == SQLITE_NULL)
    state = FD_AD_ACCOUNT_SYNC_RUNNING;
  else if (sqlite3_column_int (stmt, 9))
    state = FD_AD_ACCOUNT_SYNC_OK;
  else
    state = FD_AD_ACCOUNT_SYNC_FAILED;

  if (state != FD_AD_ACCOUNT_SYNC_NEVER)
    last_sync = sqlite3_column_type (stmt, 8) != SQLITE_NULL ? sqlite3_column_int64 (stmt, 8)
                                                             : sqlite3_column_int64 (stmt, 7);

  _fd_ad_account_set_sync (account,
                           sqlite3_column_int64 (stmt, 6),
                           state,
                           last_sync,
                           sqlite3_column_int64 (stmt, 13),
                           sqlite3_column_int64 (stmt, 10),
                           state == FD_AD_ACCOUNT_SYNC_FAILED ? fd_stmt_column_text (stmt, 11) : NULL,
                           state == FD_AD_ACCOUNT_SYNC_FAILED ? fd_stmt_column_text (stmt, 12) : NULL);
  return account;
}

/**
 * fd_insights_store_get_account:
 *
 * Returns: (transfer full): the account with the state of its last sync,
 *   or %NULL with %FD_CORE_ERROR_NOT_FOUND
 */
FdAdAccount *
fd_insights_store_get_account (FdStore     *store,
                               const char  *account_id,
                               GError     **error)
{
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (FD_IS_STORE (store), NULL);

  stmt = fd_store_stmt (store, ACCOUNT_QUERY "WHERE a.id = ?", error);
  if (stmt == NULL)
    return NULL;

  fd_stmt_bind_text (stmt, 1, account_id);
  if (!fd_store_step (store, stmt, &has_row, error))
    return NULL;

  if (!has_row)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_FOUND,
                   _("The ad account %s is not in this workspace; add it with "
                     "“account add %s”."),
                   account_id, account_id);
      return NULL;
    }

  return account_from_row (stmt);
}

/**
 * fd_insights_store_list_accounts:
 *
 * Returns: (transfer container) (element-type FdAdAccount): every account,
 *   by name, each with the state of its last sync
 */
GPtrArray *
fd_insights_store_list_accounts (FdStore  *store,
                                 GError  **error)
{
  g_autoptr(GPtrArray) accounts = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (FD_IS_STORE (store), NULL);

  stmt = fd_store_stmt (store, ACCOUNT_QUERY "ORDER BY a.name COLLATE NOCASE, a.id", error);
  if (stmt == NULL)
    return NULL;

  while (TRUE)
    {
      if (!fd_store_step (store, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      g_ptr_array_add (accounts, account_from_row (stmt));
    }

  return g_steal_pointer (&accounts);
}

/*
 * Objects
 */

/**
 * fd_insights_store_upsert_object:
 * @seen_us: when the object was read
 *
 * Stores a campaign, ad set or ad as read from Meta, replacing what was
 * known of it. A row with only @id, @account_id, @level and the parent ids
 * set (an object met in insights but not listed, such as a deleted ad)
 * never overwrites what a listing stored.
 */
gboolean
fd_insights_store_upsert_object (FdStore                *store,
                                 const FdMetaObjectRow  *row,
                                 gint64                  seen_us,
                                 GError                **error)
{
  g_auto(FdStmt) stmt = NULL;
  gboolean stub = (row->name == NULL && row->status == NULL);

  g_return_val_if_fail (FD_IS_STORE (store), FALSE);

  if (stub)
    stmt = fd_store_stmt (store,
                          "INSERT INTO meta_object (id, account_id, level, campaign_id, adset_id, "
                          "seen_us) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                          error);
  else
    stmt = fd_store_stmt (store,
                          "INSERT INTO meta_object (id, account_id, level, campaign_id, adset_id, "
                          "seen_us, name, status, effective_status, objective, daily_budget, "
                          "lifetime_budget, bid_strategy, bid_amount, optimization_goal, "
                          "promoted_event, targeting, creative_id, created_time_us, start_time_us, "
                          "stop_time_us, updated_time_us) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                          "ON CONFLICT (id) DO UPDATE SET account_id = excluded.account_id, "
                          "level = excluded.level, campaign_id = excluded.campaign_id, "
                          "adset_id = excluded.adset_id, seen_us = excluded.seen_us, "
                          "name = excluded.name, status = excluded.status, "
                          "effective_status = excluded.effective_status, "
                          "objective = excluded.objective, daily_budget = excluded.daily_budget, "
                          "lifetime_budget = excluded.lifetime_budget, "
                          "bid_strategy = excluded.bid_strategy, bid_amount = excluded.bid_amount, "
                          "optimization_goal = excluded.optimization_goal, "
                          "promoted_event = excluded.promoted_event, targeting = excluded.targeting, "
                          "creative_id = excluded.creative_id, "
                          "created_time_us = excluded.created_time_us, "
                          "start_time_us = excluded.start_time_us, "
                          "stop_time_us = excluded.stop_time_us, "
                          "updated_time_us = excluded.updated_time_us",
                          error);
  if (stmt == NULL)
    return FALSE;

  fd_stmt_bind_text (stmt, 1, row->id);
  fd_stmt_bind_text (stmt, 2, row->account_id);
  fd_stmt_bind_text (stmt, 3, fd_insight_level_to_string (row->level));
  fd_stmt_bind_text (stmt, 4, row->campaign_id);
  fd_stmt_bind_text (stmt, 5, row->adset_id);
  sqlite3_bind_int64 (stmt, 6, seen_us);

  if (!stub)
    {
      fd_stmt_bind_text (stmt, 7, row->name);
      fd_stmt_bind_text (stmt, 8, row->status);
      fd_stmt_bind_text (stmt, 9, row->effective_status);
      fd_stmt_bind_text (stmt, 10, row->objective);
      bind_optional_int64 (stmt, 11, row->daily_budget, -1);
      bind_optional_int64 (stmt, 12, row->lifetime_budget, -1);
      fd_stmt_bind_text (stmt, 13, row->bid_strategy);
      bind_optional_int64 (stmt, 14, row->bid_amount, -1);
      fd_stmt_bind_text (stmt, 15, row->optimization_goal);
      fd_stmt_bind_text (stmt, 16, row->promoted_event);
      fd_stmt_bind_text (stmt, 17, row->targeting);
      fd_stmt_bind_text (stmt, 18, row->creative_id);
      bind_optional_int64 (stmt, 19, row->created_time_us, 0);
      bind_optional_int64 (stmt, 20, row->start_time_us, 0);
      bind_optional_int64 (stmt, 21, row->stop_time_us, 0);
      bind_optional_int64 (stmt, 22, row->updated_time_us, 0);
    }

  return fd_store_run (store, stmt, error);
}

/**
 * fd_insights_store_count_objects:
 *
 * Returns: how many objects of @level the account has, or -1 with @error
 */
gint64
fd_insights_store_count_objects (FdStore         *store,
                                 const char      *account_id,
                                 FdInsightLevel   level,
                                 GError         **error)
{
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  stmt = fd_store_stmt (store,
                        "SELECT count(*) FROM meta_object WHERE account_id = ? AND level = ?",
                        error);
  if (stmt == NULL)
    return -1;

  fd_stmt_bind_text (stmt, 1, account_id);
  fd_stmt_bind_text (stmt, 2, fd_insight_level_to_string (level));
  if (!fd_store_step (store, stmt, &has_row, error))
    return -1;

  return sqlite3_column_int64 (stmt, 0);
}

/**
 * fd_insights_store_set_object_status:
 *
 * Records a status Flightdeck has just set at Meta, so that views and rules
 * see it before the next sync reads it back.
 */
gboolean
fd_insights_store_set_object_status (FdStore     *store,
                                     const char  *object_id,
                                     const char  *status,
                                     GError     **error)
{
  g_auto(FdStmt) stmt = NULL;

  stmt = fd_store_stmt (store, "UPDATE meta_object SET status = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  fd_stmt_bind_text (stmt, 1, status);
  fd_stmt_bind_text (stmt, 2, object_id);
  return fd_store_run (store, stmt, error);
}

/**
 * fd_insights_store_set_object_budget:
 * @daily_budget: minor units, or -1 to leave it
 * @lifetime_budget: minor units, or -1 to leave it
 *
 * Records a budget Flightdeck has just set at Meta.
 */
gboolean
fd_insights_store_set_object_budget (FdStore     *store,
                                     const char  *object_id,
                                     gint64       daily_budget,
                                     gint64       lifetime_budget,
                                     GError     **error)
{
  g_auto(FdStmt) stmt = NULL;

  stmt = fd_store_stmt (store,
                        "UPDATE meta_object SET "
                        "daily_budget = CASE WHEN ?1 < 0 THEN daily_budget ELSE ?1 END, "
                        "lifetime_budget = CASE WHEN ?2 < 0 THEN lifetime_budget ELSE ?2 END "
                        "WHERE id = ?3",
                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, daily_budget);
  sqlite3_bind_int64 (stmt, 2, lifetime_budget);
  fd_stmt_bind_text (stmt, 3, object_id);
  return fd_store_run (store, stmt, error);
}

/*
 * Insights
 */

/**
 * fd_insights_store_upsert_insight:
 * @row: a daily (@hour < 0) or hourly row
 *
 * Stores the row, replacing the one for the same object and day (and
 * hour): syncing a range again never duplicates rows.
 */
gboolean
fd_insights_store_upsert_insight (FdStore             *store,
                                  const FdInsightRow  *row,
                                  gint64               synced_us,
                                  GError             **error)
{
  g_auto(FdStmt) stmt = NULL;

  if (row->hour < 0)
    {
      stmt = fd_store_stmt (store,
                            "INSERT INTO insight_daily (object_id, day, start_us, impressions, "
                            "reach, frequency, spend, clicks, link_clicks, purchases, "
                            "purchase_value, video_plays, video_p25, video_p50, video_p75, "
                            "video_p100, thruplays, synced_us) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                            "ON CONFLICT (object_id, day) DO UPDATE SET "
                            "start_us = excluded.start_us, impressions = excluded.impressions, "
                            "reach = excluded.reach, frequency = excluded.frequency, "
                            "spend = excluded.spend, clicks = excluded.clicks, "
                            "link_clicks = excluded.link_clicks, purchases = excluded.purchases, "
                            "purchase_value = excluded.purchase_value, "
                            "video_plays = excluded.video_plays, video_p25 = excluded.video_p25, "
                            "video_p50 = excluded.video_p50, video_p75 = excluded.video_p75, "
                            "video_p100 = excluded.video_p100, thruplays = excluded.thruplays, "
                            "synced_us = excluded.synced_us",
                            error);
      if (stmt == NULL)
        return FALSE;

      fd_stmt_bind_text (stmt, 1, row->object_id);
      sqlite3_bind_text (stmt, 2, row->day, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, row->start_us);
      sqlite3_bind_int64 (stmt, 4, row->impressions);
      sqlite3_bind_int64 (stmt, 5, row->reach);
      sqlite3_bind_double (stmt, 6, row->frequency);
      sqlite3_bind_int64 (stmt, 7, row->spend);
      sqlite3_bind_int64 (stmt, 8, row->clicks);
      sqlite3_bind_int64 (stmt, 9, row->link_clicks);
      sqlite3_bind_int64 (stmt, 10, row->purchases);
      sqlite3_bind_int64 (stmt, 11, row->purchase_value);
      sqlite3_bind_int64 (stmt, 12, row->video_plays);
      sqlite3_bind_int64 (stmt, 13, row->video_p25);
      sqlite3_bind_int64 (stmt, 14, row->video_p50);
      sqlite3_bind_int64 (stmt, 15, row->video_p75);
      sqlite3_bind_int64 (stmt, 16, row->video_p100);
      sqlite3_bind_int64 (stmt, 17, row->thruplays);
      sqlite3_bind_int64 (stmt, 18, synced_us);
      return fd_store_run (store, stmt, error);
    }

  stmt = fd_store_stmt (store,
                        "INSERT INTO insight_hourly (object_id, day, hour, start_us, impressions, "
                        "spend, clicks, link_clicks, purchases, purchase_value, video_plays, "
                        "thruplays, synced_us) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        "ON CONFLICT (object_id, day, hour) DO UPDATE SET "
                        "start_us = excluded.start_us, impressions = excluded.impressions, "
                        "spend = excluded.spend, clicks = excluded.clicks, "
                        "link_clicks = excluded.link_clicks, purchases = excluded.purchases, "
                        "purchase_value = excluded.purchase_value, "
                        "video_plays = excluded.video_plays, thruplays = excluded.thruplays, "
                        "synced_us = excluded.synced_us",
                        error);
  if (stmt == NULL)
    return FALSE;

  fd_stmt_bind_text (stmt, 1, row->object_id);
  sqlite3_bind_text (stmt, 2, row->day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, row->hour);
  sqlite3_bind_int64 (stmt, 4, row->start_us);
  sqlite3_bind_int64 (stmt, 5, row->impressions);
  sqlite3_bind_int64 (stmt, 6, row->spend);
  sqlite3_bind_int64 (stmt, 7, row->clicks);
  sqlite3_bind_int64 (stmt, 8, row->link_clicks);
  sqlite3_bind_int64 (stmt, 9, row->purchases);
  sqlite3_bind_int64 (stmt, 10, row->purchase_value);
  sqlite3_bind_int64 (stmt, 11, row->video_plays);
  sqlite3_bind_int64 (stmt, 12, row->thruplays);
  sqlite3_bind_int64 (stmt, 13, synced_us);
  return fd_store_run (store, stmt, error);
}

/**
 * fd_insights_store_upsert_reach:
 * @until_day: the last day of the window
 * @days: its length
 *
 * Stores the deduplicated reach of a trailing window.
 */
gboolean
fd_insights_store_upsert_reach (FdStore     *store,
                                const char  *object_id,
                                const char  *until_day,
                                int          days,
                                gint64       reach,
                                gint64       impressions,
                                gint64       synced_us,
                                GError     **error)
{
  g_auto(FdStmt) stmt = NULL;

  stmt = fd_store_stmt (store,
                        "INSERT INTO insight_reach (object_id, until_day, days, reach, "
                        "impressions, synced_us) VALUES (?, ?, ?, ?, ?, ?) "
                        "ON CONFLICT (object_id, until_day, days) DO UPDATE SET "
                        "reach = excluded.reach, impressions = excluded.impressions, "
                        "synced_us = excluded.synced_us",
                        error);
  if (stmt == NULL)
    return FALSE;

  fd_stmt_bind_text (stmt, 1, object_id);
  fd_stmt_bind_text (stmt, 2, until_day);
  sqlite3_bind_int (stmt, 3, days);
  sqlite3_bind_int64 (stmt, 4, reach);
  sqlite3_bind_int64 (stmt, 5, impressions);
  sqlite3_bind_int64 (stmt, 6, synced_us);
  return fd_store_run (store, stmt, error);
}

#define ROW_FILTER \
  "JOIN meta_object o ON o.id = i.object_id JOIN ad_account a ON a.id = o.account_id " \
  "WHERE o.level = ?1 AND (?2 IS NULL OR o.account_id = ?2) " \
  "AND (?3 IS NULL OR i.day >= ?3) AND (?4 IS NULL OR i.day <= ?4) "

/**
 * fd_insights_store_foreach_row:
 *
 * Calls @func for each stored row the query selects, by day (and hour),
 * then object.
 */
gboolean
fd_insights_store_foreach_row (FdStore               *store,
                               const FdInsightQuery  *query,
                               FdInsightRowFunc       func,
                               gpointer               user_data,
                               GError               **error)
{
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (FD_IS_STORE (store), FALSE);

  if (query->hourly)
    stmt = fd_store_stmt (store,
                          "SELECT i.object_id, i.day, i.hour, i.start_us, i.impressions, 0, 0, "
                          "i.spend, i.clicks, i.link_clicks, i.purchases, i.purchase_value, "
                          "i.video_plays, 0, 0, 0, 0, i.thruplays, o.campaign_id, o.adset_id, "
                          "o.account_id, a.currency FROM insight_hourly i " ROW_FILTER
                          "ORDER BY i.day, i.hour, i.object_id",
                          error);
  else
    stmt = fd_store_stmt (store,
                          "SELECT i.object_id, i.day, -1, i.start_us, i.impressions, i.reach, "
                          "i.frequency, i.spend, i.clicks, i.link_clicks, i.purchases, "
                          "i.purchase_value, i.video_plays, i.video_p25, i.video_p50, "
                          "i.video_p75, i.video_p100, i.thruplays, o.campaign_id, o.adset_id, "
                          "o.account_id, a.currency FROM insight_daily i " ROW_FILTER
                          "ORDER BY i.day, i.object_id",
                          error);
  if (stmt == NULL)
    return FALSE;

  fd_stmt_bind_text (stmt, 1, fd_insight_level_to_string (query->level));
  fd_stmt_bind_text (stmt, 2, query->account_id);
  fd_stmt_bind_text (stmt, 3, query->since);
  fd_stmt_bind_text (stmt, 4, query->until);

  while (TRUE)
    {
      FdInsightRow row = { 0 };
      const char *campaign_id;
      const char *adset_id;

      if (!fd_store_step (store, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;

      row.object_id = fd_stmt_column_text (stmt, 0);
      g_strlcpy (row.day, fd_stmt_column_text (stmt, 1), sizeof row.day);
      row.hour = sqlite3_column_int (stmt, 2);
      row.start_us = sqlite3_column_int64 (stmt, 3);
      row.impressions = sqlite3_column_int64 (stmt, 4);
      row.reach = sqlite3_column_int64 (stmt, 5);
      row.frequency = sqlite3_column_double (stmt, 6);
      row.spend = sqlite3_column_int64 (stmt, 7);
      row.clicks = sqlite3_column_int64 (stmt, 8);
      row.link_clicks = sqlite3_column_int64 (stmt, 9);
      row.purchases = sqlite3_column_int64 (stmt, 10);
      row.purchase_value = sqlite3_column_int64 (stmt, 11);
      row.video_plays = sqlite3_column_int64 (stmt, 12);
      row.video_p25 = sqlite3_column_int64 (stmt, 13);
      row.video_p50 = sqlite3_column_int64 (stmt, 14);
      row.video_p75 = sqlite3_column_int64 (stmt, 15);
      row.video_p100 = sqlite3_column_int64 (stmt, 16);
      row.thruplays = sqlite3_column_int64 (stmt, 17);

      campaign_id = query->level == FD_INSIGHT_LEVEL_CAMPAIGN ? row.object_id
                                                              : fd_stmt_column_text (stmt, 18);
      adset_id = query->level == FD_INSIGHT_LEVEL_ADSET ? row.object_id
                                                        : fd_stmt_column_text (stmt, 19);

      if (!func (&row, campaign_id, adset_id, fd_stmt_column_text (stmt, 20),
                 fd_stmt_column_text (stmt, 21), user_data))
        break;
    }

  return TRUE;
}

