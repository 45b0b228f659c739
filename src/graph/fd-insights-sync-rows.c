/* fd-insights-sync-rows.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-insights-sync"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-graph-error.h"
#include "fd-graph-row.h"
#include "fd-graph-util.h"
#include "fd-insights-sync-private.h"

/* From Meta's pages to typed rows: numbers arrive as strings, missing
 * metrics are zero, spend and purchase values are major-unit decimals
 * turned into minor units exactly, ids stay strings, days and hours are
 * bucketed in the account's time zone. */

/* Purchases: omni_purchase is what Ads Manager reports as "Purchases" and
 * what purchase_roas is computed on (website, app, offline and on-Meta
 * shops together); older reports only have the pixel's. */
static const char * const purchase_types[] = {
  "omni_purchase", "purchase", "offsite_conversion.fb_pixel_purchase", NULL
};
static const char * const video_types[] = { "video_view", NULL };

#define ID_FIELDS_CAMPAIGN "campaign_id"
#define ID_FIELDS_ADSET    "campaign_id,adset_id"
#define ID_FIELDS_AD       "campaign_id,adset_id,ad_id"

#define DAILY_METRICS \
  "impressions,reach,frequency,spend,clicks,inline_link_clicks,actions,action_values," \
  "video_play_actions,video_p25_watched_actions,video_p50_watched_actions," \
  "video_p75_watched_actions,video_p100_watched_actions,video_thruplay_watched_actions"
#define HOURLY_METRICS \
  "impressions,spend,clicks,inline_link_clicks,actions,action_values,video_play_actions," \
  "video_thruplay_watched_actions"
#define REACH_METRICS "impressions,reach"

const char *
_fd_insights_sync_fields (JobKind        kind,
                          FdInsightLevel level)
{
  static const char * const fields[3][3] = {
    { ID_FIELDS_CAMPAIGN "," DAILY_METRICS, ID_FIELDS_ADSET "," DAILY_METRICS, ID_FIELDS_AD "," DAILY_METRICS },
    { ID_FIELDS_CAMPAIGN "," HOURLY_METRICS, ID_FIELDS_ADSET "," HOURLY_METRICS, ID_FIELDS_AD "," HOURLY_METRICS },
    { ID_FIELDS_CAMPAIGN "," REACH_METRICS, ID_FIELDS_ADSET "," REACH_METRICS, ID_FIELDS_AD "," REACH_METRICS },
  };
  static const char * const object_fields[3] = {
    "id,name,status,effective_status,objective,daily_budget,lifetime_budget,bid_strategy,"
    "created_time,updated_time,start_time,stop_time",
    "id,name,campaign_id,status,effective_status,daily_budget,lifetime_budget,bid_strategy,"
    "bid_amount,optimization_goal,promoted_object,targeting,created_time,updated_time,"
    "start_time,end_time",
    "id,name,campaign_id,adset_id,status,effective_status,creative,created_time,updated_time",
  };

  switch (kind)
    {
    case JOB_OBJECTS:
      return object_fields[level];
    case JOB_DAILY:
      return fields[0][level];
    case JOB_HOURLY:
      return fields[1][level];
    case JOB_REACH:
      return fields[2][level];
    case JOB_MARK:
    default:
      return NULL;
    }
}

static gboolean
malformed (GError     **error,
           const char  *what)
{
  g_set_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_MALFORMED_RESPONSE,
               _("Meta sent a row that cannot be read (%s); nothing from its page was stored."),
               what);
  return FALSE;
}

gboolean
_fd_insights_sync_load_known (FdInsightsSync  *self,
                              GError         **error)
{
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  g_hash_table_remove_all (self->known);
  stmt = fd_store_stmt (self->store, "SELECT id, level FROM meta_object WHERE account_id = ?", error);
  if (stmt == NULL)
    return FALSE;

  fd_stmt_bind_text (stmt, 1, fd_ad_account_get_id (self->account));
  while (TRUE)
    {
      FdInsightLevel level;

      if (!fd_store_step (self->store, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      if (fd_insight_level_from_string (fd_stmt_column_text (stmt, 1), &level))
        g_hash_table_insert (self->known, fd_stmt_dup_text (stmt, 0), GINT_TO_POINTER (level + 1));
    }

  return TRUE;
}

/*
 * Objects
 */

static gint64
budget_member (JsonObject *object,
               const char *member)
{
  const char *text = fd_graph_json_get_string (object, member);

  /* "0" means "not set" for budgets. */
  if (text == NULL && !json_object_has_member (object, member))
    return -1;

  return fd_graph_json_get_int (object, member) > 0 ? fd_graph_json_get_int (object, member) : -1;
}

static char *
member_json (JsonObject *object,
             const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node && !JSON_NODE_HOLDS_NULL (node) ? json_to_string (node, FALSE) : NULL;
}

static const char *
nested_string (JsonObject *object,
               const char *member,
               const char *inner)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  return fd_graph_json_get_string (json_node_get_object (node), inner);
}

static gboolean
store_object (FdInsightsSync  *self,
              FdInsightLevel   level,
              JsonObject      *object,
              GError         **error)
{
  g_autofree char *targeting = member_json (object, "targeting");
  FdMetaObjectRow row = { 0 };

  row.id = fd_graph_json_get_string (object, "id");
  if (row.id == NULL)
    return malformed (error, _("an object without an id"));

  row.account_id = fd_ad_account_get_id (self->account);
  row.level = level;
  row.campaign_id = level == FD_INSIGHT_LEVEL_CAMPAIGN ? NULL : fd_graph_json_get_string (object, "campaign_id");
  row.adset_id = level == FD_INSIGHT_LEVEL_AD ? fd_graph_json_get_string (object, "adset_id") : NULL;
  row.name = fd_graph_json_get_string (object, "name");
  row.status = fd_graph_json_get_string (object, "status");
  row.effective_status = fd_graph_json_get_string (object, "effective_status");
  row.objective = fd_graph_json_get_string (object, "objective");
  row.daily_budget = budget_member (object, "daily_budget");
  row.lifetime_budget = budget_member (object, "lifetime_budget");
  row.bid_strategy = fd_graph_json_get_string (object, "bid_strategy");
  row.bid_amount = json_object_has_member (object, "bid_amount") ? fd_graph_json_get_int (object, "bid_amount") : -1;
  row.optimization_goal = fd_graph_json_get_string (object, "optimization_goal");
  row.promoted_event = nested_string (object, "promoted_object", "custom_event_type");
  row.targeting = targeting;
  row.creative_id = nested_string (object, "creative", "id");
  row.created_time_us = fd_graph_parse_time (fd_graph_json_get_string (object, "created_time"));
  row.updated_time_us = fd_graph_parse_time (fd_graph_json_get_string (object, "updated_time"));
  row.start_time_us = fd_graph_parse_time (fd_graph_json_get_string (object, "start_time"));
  row.stop_time_us = fd_graph_parse_time (fd_graph_json_get_string (object, "end_time")
                                          ? fd_graph_json_get_string (object, "end_time")
                                          : fd_graph_json_get_string (object, "stop_time"));
  if (row.name == NULL)
    row.name = "";  /* a listed object is never a stub */

  if (!fd_insights_store_upsert_object (self->store, &row, self->synced_us, error))
    return FALSE;

  g_hash_table_insert (self->known, g_strdup (row.id), GINT_TO_POINTER (level + 1));
  return TRUE;
}

gboolean
_fd_insights_sync_store_objects (FdInsightsSync   *self,
                                 Job              *job,
                                 FdGraphResponse  *page,
                                 GError          **error)
{
  JsonArray *data = fd_graph_response_get_data (page);

  for (guint i = 0; i < json_array_get_length (data); i++)
    {
      JsonNode *element = json_array_get_element (data, i);

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return malformed (error, _("an object that is not a JSON object"));
      if (!store_object (self, job->level, json_node_get_object (element), error))
        return FALSE;
    }

  self->summary.objects += json_array_get_length (data);
  return TRUE;
}

/*
 * Insights rows
 */

static gboolean
valid_day (const char *day)
{
  GDate date;

  if (day == NULL || strlen (day) != 10 || day[4] != '-' || day[7] != '-')
    return FALSE;

  g_date_clear (&date, 1);
  g_date_set_parse (&date, day);
  return g_date_valid (&date) &&
         g_ascii_isdigit (day[0]) && g_ascii_isdigit (day[5]) && g_ascii_isdigit (day[8]);
}

/* The start of a day (@hour < 0) or an hour in the account's time zone. */
static gint64
bucket_start (FdInsightsSync *self,
              const char     *day,
              int             hour)
{
  char key[16];
  gint64 *cached;
  g_autoptr(GDateTime) start = NULL;
  int y, m, d;

  g_snprintf (key, sizeof key, "%s %d", day, hour);
  cached = g_hash_table_lookup (self->starts, key);
  if (cached != NULL)
    return *cached;

  y = atoi (day);
  m = atoi (day + 5);
  d = atoi (day + 8);
  start = g_date_time_new (fd_ad_account_get_time_zone (self->account), y, m, d,
                           MAX (hour, 0), 0, 0);
  cached = g_new (gint64, 1);
  *cached = start ? g_date_time_to_unix (start) * G_USEC_PER_SEC : 0;
  g_hash_table_insert (self->starts, g_strdup (key), cached);

  return *cached;
}

/* "13:00:00 - 13:59:59" → 13 */
static int
parse_hour (const char *text)
{
  if (text == NULL || !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) || text[2] != ':')
    return -1;

  return (text[0] - '0') * 10 + (text[1] - '0');
}

static const char *
row_object_id (FdGraphRow     *row,
               FdInsightLevel  level)
{
  static const char * const members[] = { "campaign_id", "adset_id", "ad_id" };

  return fd_graph_row_get_string (row, members[level]);
}

/* An object met in insights but not listed (deleted, archived) still
 * needs its row so views can join on it. */
static gboolean
ensure_object (FdInsightsSync  *self,
               FdGraphRow      *row,
               FdInsightLevel   level,
               const char      *id,
               GError         **error)
{
  FdMetaObjectRow stub = { 0 };

  if (g_hash_table_contains (self->known, id))
    return TRUE;

  stub.id = id;
  stub.account_id = fd_ad_account_get_id (self->account);
  stub.level = level;
  stub.campaign_id = level > FD_INSIGHT_LEVEL_CAMPAIGN ? fd_graph_row_get_string (row, "campaign_id") : NULL;
  stub.adset_id = level > FD_INSIGHT_LEVEL_ADSET ? fd_graph_row_get_string (row, "adset_id") : NULL;
  stub.daily_budget = stub.lifetime_budget = stub.bid_amount = -1;

  if (!fd_insights_store_upsert_object (self->store, &stub, self->synced_us, error))
    return FALSE;

  g_hash_table_insert (self->known, g_strdup (id), GINT_TO_POINTER (level + 1));
  return TRUE;
}

static gboolean
read_metrics (FdInsightsSync  *self,
              FdGraphRow      *object,
              FdInsightRow    *row,
              GError         **error)
{
  const char *currency = fd_ad_account_get_currency (self->account);

  row->impressions = fd_graph_row_get_int (object, "impressions");
  row->reach = fd_graph_row_get_int (object, "reach");
  row->frequency = fd_graph_row_get_double (object, "frequency");
  row->clicks = fd_graph_row_get_int (object, "clicks");
  row->link_clicks = fd_graph_row_get_int (object, "inline_link_clicks");
  row->purchases = fd_graph_row_get_action_int (object, "actions", purchase_types);
  row->video_plays = fd_graph_row_get_action_int (object, "video_play_actions", video_types);
  row->video_p25 = fd_graph_row_get_action_int (object, "video_p25_watched_actions", video_types);
  row->video_p50 = fd_graph_row_get_action_int (object, "video_p50_watched_actions", video_types);
  row->video_p75 = fd_graph_row_get_action_int (object, "video_p75_watched_actions", video_types);
  row->video_p100 = fd_graph_row_get_action_int (object, "video_p100_watched_actions", video_types);
  row->thruplays = fd_graph_row_get_action_int (object, "video_thruplay_watched_actions", video_types);

  if (row->frequency == 0 && row->reach > 0)
    row->frequency = row->impressions / (double)row->reach;

  return fd_graph_row_get_money (object, "spend", currency, &row->spend, error) &&
         fd_graph_row_get_action_money (object, "action_values", purchase_types, currency,
                                        &row->purchase_value, error);
}

typedef struct
{
  FdInsightsSync *self;
  Job            *job;
  gint64          rows;
} StoreRows;

static gboolean
store_row (FdGraphRow  *object,
           gpointer     user_data,
           GError     **error)
{
  StoreRows *data = user_data;
  FdInsightsSync *self = data->self;
  Job *job = data->job;
  FdInsightRow row = { 0 };
  const char *day = fd_graph_row_get_string (object, "date_start");

  data->rows++;
  row.object_id = row_object_id (object, job->level);
  if (row.object_id == NULL)
    return malformed (error, _("a row without its object’s id"));
  if (!valid_day (day))
    return malformed (error, _("a row without a valid date_start"));

  if (!ensure_object (self, object, job->level, row.object_id, error) ||
      !read_metrics (self, object, &row, error))
    return FALSE;

  if (job->kind == JOB_REACH)
    {
      /* Each of time_ranges answers with its own days. */
      const char *stop = fd_graph_row_get_string (object, "date_stop");

      if (stop == NULL && _fd_sync_job_windows (job) == 1)
        stop = job->until;
      if (!valid_day (stop) || _fd_sync_julian (stop) < _fd_sync_julian (job->first) ||
          _fd_sync_julian (stop) > _fd_sync_julian (job->until))
        return malformed (error, _("a reach row whose date_stop is none of the windows asked for"));

      return fd_insights_store_upsert_reach (self->store, row.object_id, stop, job->days,
                                             row.reach, row.impressions, self->synced_us, error);
    }

  g_strlcpy (row.day, day, sizeof row.day);
  row.hour = -1;
  if (job->kind == JOB_HOURLY)
    {
      row.hour = parse_hour (fd_graph_row_get_string (object, "hourly_stats_aggregated_by_advertiser_time_zone"));
      if (row.hour < 0 || row.hour > 23)
        return malformed (error, _("an hourly row without a valid hour"));
      row.reach = 0;
      row.frequency = 0;
    }
  row.start_us = bucket_start (self, day, row.hour);

  return fd_insights_store_upsert_insight (self->store, &row, self->synced_us, error);
}

/**
 * _fd_insights_sync_store_rows:
 * @n_rows: (out): rows stored
 *
 * Stores a page of insights rows; call inside the page's transaction.
 */
gboolean
_fd_insights_sync_store_rows (FdInsightsSync   *self,
                              Job              *job,
                              FdGraphResponse  *page,
                              gint64           *n_rows,
                              GError          **error)
{
  StoreRows data = { self, job, 0 };

  if (!fd_graph_response_foreach_row (page, store_row, &data, error))
    return FALSE;

  *n_rows = data.rows;
  return TRUE;
}
