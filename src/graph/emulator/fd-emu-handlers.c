/* fd-emu-handlers.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-graph-emulator"

#include "config.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdlib.h>

#include "fd-currency.h"
#include "fd-graph-emulator-private.h"

/* What the emulator answers, request by request. Handlers build a Reply;
 * faults then corrupt, cut or hold it; the server thread sends it. The
 * emulator's lock is held for the whole request. */

typedef struct
{
  guint       status;
  GString    *body;
  GPtrArray  *headers;   /* name, value, name, value … */
} Reply;

typedef struct
{
  FdGraphEmulator   *self;
  SoupServerMessage *message;
  GHashTable        *params;
  const char        *token;
  char              *rest;      /* the path after the version */
  char              *version;   /* "v25.0" */
  FdEmuAccount      *account;   /* for usage accounting */
  gboolean           insights;
  gint64             now_us;
  Reply              reply;
} Request;

#define CONTENT_TYPE "application/json; charset=UTF-8"
#define DEFAULT_TIMEOUT_MS 30000

static gint64
emulator_now (FdGraphEmulator *self)
{
  return self->fixed_now != 0 ? self->fixed_now : g_get_real_time ();
}

static gint64
scaled_us (FdGraphEmulator *self,
           gint64           us)
{
  return (gint64)(us * self->time_scale);
}

static void
reply_header (Request    *request,
              const char *name,
              const char *value)
{
  g_ptr_array_add (request->reply.headers, g_strdup (name));
  g_ptr_array_add (request->reply.headers, g_strdup (value));
}

static void
reply_json (Request *request,
            guint    status,
            GString *body)
{
  request->reply.status = status;
  if (request->reply.body != NULL)
    g_string_free (request->reply.body, TRUE);
  request->reply.body = body;
}

static char *
new_trace_id (FdGraphEmulator *self)
{
  guint64 value = fd_emu_hash (self->next_trace++, 0x7ace, 0, 0);
  g_autofree char *encoded = g_base64_encode ((const guchar *)&value, sizeof value);

  return g_strdup_printf ("A%s", g_strdelimit (encoded, "+/=", 'x'));
}

/**
 * reply_error:
 * @error_data: (nullable): JSON text sent as a string, as Meta sometimes does
 *
 * The error envelope.
 */
static void
reply_error_full (Request    *request,
                  guint       http_status,
                  int         code,
                  int         subcode,
                  const char *type,
                  const char *message,
                  int         is_transient,
                  const char *user_title,
                  const char *user_msg,
                  const char *error_data)
{
  GString *body = g_string_new ("{\"error\":{\"message\":");
  g_autofree char *trace = new_trace_id (request->self);

  fd_emu_append_json_string (body, message);
  g_string_append (body, ",\"type\":");
  fd_emu_append_json_string (body, type ? type : "OAuthException");
  if (is_transient >= 0)
    g_string_append_printf (body, ",\"is_transient\":%s", is_transient ? "true" : "false");
  g_string_append_printf (body, ",\"code\":%d", code);
  if (subcode != 0)
    g_string_append_printf (body, ",\"error_subcode\":%d", subcode);
  if (user_title != NULL)
    {
      g_string_append (body, ",\"error_user_title\":");
      fd_emu_append_json_string (body, user_title);
    }
  if (user_msg != NULL)
    {
      g_string_append (body, ",\"error_user_msg\":");
      fd_emu_append_json_string (body, user_msg);
    }
  if (error_data != NULL)
    {
      g_string_append (body, ",\"error_data\":");
      fd_emu_append_json_string (body, error_data);
    }
  g_string_append (body, ",\"fbtrace_id\":");
  fd_emu_append_json_string (body, trace);
  g_string_append (body, "}}");

  reply_json (request, http_status, body);
}

static void
reply_error (Request    *request,
             guint       http_status,
             int         code,
             int         subcode,
             const char *message)
{
  reply_error_full (request, http_status, code, subcode, "OAuthException", message, -1,
                    NULL, NULL, NULL);
}

static void
reply_failure (Request      *request,
               FdEmuFailure *failure)
{
  reply_error (request, failure->http_status ? failure->http_status : 400,
               failure->code, failure->subcode, failure->message);
}

static void
reply_no_object (Request    *request,
                 const char *method,
                 const char *id)
{
  g_autofree char *message =
    g_strdup_printf ("Unsupported %s request. Object with ID '%s' does not exist, cannot be "
                     "loaded due to missing permissions, or does not support this operation. "
                     "Please read the Graph API documentation at "
                     "https://developers.facebook.com/docs/graph-api",
                     method, id);

  reply_error_full (request, 400, 100, 33, "GraphMethodException", message, -1, NULL, NULL, NULL);
}

/*
 * Usage and throttling
 */

static FdEmuUsage *
usage_for (FdGraphEmulator *self,
           FdEmuAccount    *account)
{
  FdEmuUsage *usage = g_hash_table_lookup (self->usage, account->id);
  gint64 now = g_get_monotonic_time ();
  gint64 window = scaled_us (self, (gint64)3600 * G_USEC_PER_SEC);

  if (usage == NULL)
    {
      usage = g_new0 (FdEmuUsage, 1);
      usage->window_start = now;
      g_hash_table_insert (self->usage, account->id, usage);
    }

  if (now - usage->window_start >= window)
    {
      usage->window_start = now;
      usage->calls = 0;
    }

  return usage;
}

static int
usage_percent (FdGraphEmulator *self,
               FdEmuUsage      *usage)
{
  if (usage->blocked_until > g_get_monotonic_time ())
    return 100;

  return (int)MIN (100, (guint64)usage->calls * 100 / MAX (self->quota, 1u));
}

static int
minutes_left (FdGraphEmulator *self,
              gint64           until)
{
  gint64 left = until - g_get_monotonic_time ();
  gint64 minute = scaled_us (self, 60 * G_USEC_PER_SEC);

  if (left <= 0)
    return 0;

  return (int)((left + minute - 1) / MAX (minute, 1));
}

static void
add_usage_headers (Request *request)
{
  FdGraphEmulator *self = request->self;
  FdEmuUsage *usage;
  g_autofree char *buc = NULL;
  g_autofree char *account_usage = NULL;
  g_autofree char *app = NULL;
  int pct;
  int regain;

  if (request->account == NULL)
    {
      app = g_strdup ("{\"call_count\":1,\"total_cputime\":1,\"total_time\":1}");
      reply_header (request, "X-App-Usage", app);
      return;
    }

  usage = usage_for (self, request->account);
  pct = usage_percent (self, usage);
  regain = minutes_left (self, usage->blocked_until);

  buc = g_strdup_printf ("{\"%s\":[{\"type\":\"%s\",\"call_count\":%d,\"total_cputime\":%d,"
                         "\"total_time\":%d,\"estimated_time_to_regain_access\":%d,"
                         "\"ads_api_access_tier\":\"standard_access\"}]}",
                         request->account->id + 4,
                         request->insights ? "ads_insights" : "ads_management",
                         pct, pct / 3, pct / 2, regain);
  reply_header (request, "X-Business-Use-Case-Usage", buc);

  app = g_strdup_printf ("{\"call_count\":%d,\"total_cputime\":%d,\"total_time\":%d}",
                         pct / 4, pct / 10, pct / 8);
  reply_header (request, "X-App-Usage", app);

  account_usage = g_strdup_printf ("{\"acc_id_util_pct\":%d,\"reset_time_duration\":%d,"
                                   "\"ads_api_access_tier\":\"standard_access\"}",
                                   pct, regain * 60);
  reply_header (request, "X-Ad-Account-Usage", account_usage);

  if (request->insights)
    {
      g_autofree char *throttle =
        g_strdup_printf ("{\"app_id_util_pct\":%d,\"acc_id_util_pct\":%d,"
                         "\"ads_api_access_tier\":\"standard_access\"}", pct / 4, pct);

      reply_header (request, "X-FB-Ads-Insights-Throttle", throttle);
    }
}

static void
reply_throttled (Request *request)
{
  if (request->insights)
    reply_error_full (request, 400, 80000, 2446079, "OAuthException",
                      "(#80000) There have been too many calls from this ad-account. Wait a bit "
                      "and try again. For more info, please refer to "
                      "https://developers.facebook.com/docs/graph-api/overview/rate-limiting.",
                      1, NULL, NULL, NULL);
  else
    reply_error_full (request, 400, 17, 2446079, "OAuthException",
                      "(#17) User request limit reached", 1, NULL, NULL, NULL);

  request->self->stats.throttled++;
}

static void
block_account (Request *request,
               int      minutes)
{
  FdEmuUsage *usage = usage_for (request->self, request->account);

  usage->blocked_until = g_get_monotonic_time () +
                         scaled_us (request->self, (gint64)MAX (minutes, 1) * 60 * G_USEC_PER_SEC);
}

/* Counts the call. Returns FALSE (with the reply set) if the account is
 * over its quota or still blocked. */
static gboolean
check_rate (Request *request)
{
  FdGraphEmulator *self = request->self;
  FdEmuUsage *usage;

  if (request->account == NULL)
    return TRUE;

  usage = usage_for (self, request->account);
  if (usage->blocked_until > g_get_monotonic_time ())
    {
      self->stats.early_calls++;
      reply_throttled (request);
      return FALSE;
    }

  usage->calls++;
  if (usage->calls > self->quota)
    {
      gint64 window_end = usage->window_start + scaled_us (self, (gint64)3600 * G_USEC_PER_SEC);

      usage->blocked_until = window_end;
      reply_throttled (request);
      return FALSE;
    }

  return TRUE;
}

/*
 * Paging
 */

static char *
next_url (Request    *request,
          const char *cursor)
{
  g_autoptr(GString) url = g_string_new (request->self->url);
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  g_string_append_printf (url, "/%s/%s?", request->version, request->rest);
  g_hash_table_iter_init (&iter, request->params);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (g_str_equal (key, "after") || g_str_equal (key, "access_token") ||
          g_str_equal (key, "before"))
        continue;
      g_string_append_uri_escaped (url, key, NULL, FALSE);
      g_string_append_c (url, '=');
      g_string_append_uri_escaped (url, value, NULL, FALSE);
      g_string_append_c (url, '&');
    }

  /* Like Meta's, the link carries the caller's token. */
  g_string_append (url, "access_token=");
  g_string_append_uri_escaped (url, request->token, NULL, FALSE);
  g_string_append (url, "&after=");
  g_string_append (url, cursor);

  return g_string_free (g_steal_pointer (&url), FALSE);
}

/* Closes a {"data":[ … page with its paging object. */
static void
finish_page (Request *request,
             GString *body,
             guint    rows,
             guint64  first_row,
             guint64  last_row,
             guint64  resume)
{
  g_string_append_c (body, ']');

  if (rows > 0)
    {
      g_autofree char *before = fd_emu_cursor_encode (first_row);
      g_autofree char *after = fd_emu_cursor_encode (last_row);

      g_string_append_printf (body, ",\"paging\":{\"cursors\":{\"before\":\"%s\",\"after\":\"%s\"}",
                              before, after);
      if (resume != G_MAXUINT64)
        {
          g_autofree char *next = next_url (request, after);

          g_string_append (body, ",\"next\":");
          fd_emu_append_json_string (body, next);
        }
      g_string_append_c (body, '}');
    }

  g_string_append_c (body, '}');
}

static gboolean
start_position (Request *request,
                guint64 *start)
{
  const char *after = g_hash_table_lookup (request->params, "after");
  guint64 position;

  *start = 0;
  if (after == NULL)
    return TRUE;

  if (!fd_emu_cursor_decode (after, &position))
    {
      reply_error (request, 400, 100, 0, "(#100) The after cursor is not valid");
      return FALSE;
    }

  *start = position + 1;
  return TRUE;
}

/*
 * Objects
 */

static void
append_time (GString      *out,
             FdEmuAccount *account,
             const char   *name,
             gint64        at_us)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (at_us / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, account->tz);
  g_autofree char *text = g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%z");

  g_string_append_printf (out, "\"%s\":\"%s\",", name, text);
}

static const char *
effective_status (FdEmuObject *object,
                  gint64       now_us)
{
  FdEmuStatus own = fd_emu_object_status_at (object, now_us);
  FdEmuObject *parent = fd_emu_object_get_parent (object);

  if (own != FD_EMU_STATUS_ACTIVE)
    return fd_emu_status_to_string (own);

  for (; parent != NULL; parent = fd_emu_object_get_parent (parent))
    if (fd_emu_object_status_at (parent, now_us) != FD_EMU_STATUS_ACTIVE)
      return parent->level == FD_EMU_LEVEL_CAMPAIGN ? "CAMPAIGN_PAUSED" : "ADSET_PAUSED";

  return "ACTIVE";
}

static gint64
updated_us (FdEmuObject *object)
{
  gint64 updated = object->created_us;

  if (object->status_changes->len > 0)
    updated = MAX (updated, g_array_index (object->status_changes, FdEmuChange,
                                           object->status_changes->len - 1).at_us);
  if (object->budget_changes->len > 0)
    updated = MAX (updated, g_array_index (object->budget_changes, FdEmuChange,
                                           object->budget_changes->len - 1).at_us);
  if (object->pause_us != 0)
    updated = MAX (updated, object->pause_us);

  return updated;
}

static void
append_targeting (GString      *out,
                  FdEmuObject  *adset)
{
  gboolean jp = g_str_equal (adset->account->currency, "JPY");

  g_string_append_printf (out, "\"targeting\":{\"age_min\":%d,\"age_max\":%d,"
                          "\"geo_locations\":{\"countries\":%s,\"location_types\":[\"home\",\"recent\"]},",
                          adset->index % 2 ? 25 : 18, adset->index % 3 ? 54 : 65,
                          jp ? "[\"JP\"]" : "[\"DE\",\"AT\"]");
  if (adset->retargeting)
    g_string_append_printf (out, "\"custom_audiences\":[{\"id\":\"238500000000%05u\",\"name\":"
                            "\"Website visitors 30d\"}],", adset->index);
  g_string_append (out, "\"excluded_custom_audiences\":[{\"id\":\"23850000000000222\",\"name\":"
                   "\"Purchasers 180d\"}],\"publisher_platforms\":[\"facebook\",\"instagram\"],"
                   "\"targeting_automation\":{\"advantage_audience\":0}},");
}

static const char * const object_fields[] = {
  "id", "name", "account_id", "campaign_id", "adset_id", "status", "configured_status",
  "effective_status", "objective", "daily_budget", "lifetime_budget", "budget_remaining",
  "bid_strategy", "bid_amount", "billing_event", "optimization_goal", "promoted_object",
  "targeting", "creative", "created_time", "updated_time", "start_time", "end_time",
  "stop_time", "buying_type", "special_ad_categories", NULL
};

static gboolean
check_fields (Request            *request,
              const char         *fields,
              const char * const *known,
              const char         *node_type)
{
  g_auto(GStrv) names = NULL;

  if (fields == NULL)
    return TRUE;

  names = g_strsplit (fields, ",", -1);
  for (guint i = 0; names[i] != NULL; i++)
    if (*g_strstrip (names[i]) != '\0' && !g_strv_contains (known, names[i]))
      {
        g_autofree char *message =
          g_strdup_printf ("(#100) Tried accessing nonexisting field (%s) on node type (%s)",
                           names[i], node_type);

        reply_error_full (request, 400, 100, 0, "OAuthException", message, -1, NULL, NULL, NULL);
        return FALSE;
      }

  return TRUE;
}

static gboolean
wants (const char *fields,
       const char *name)
{
  g_auto(GStrv) names = NULL;

  if (fields == NULL)
    return FALSE;

  names = g_strsplit (fields, ",", -1);
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (g_strstrip (names[i]), name))
      return TRUE;

  return FALSE;
}

static void
append_object (Request           *request,
               FdEmuMetricsCache *cache,
               FdEmuObject       *object,
               const char        *fields,
               GString           *out)
{
  FdEmuAccount *account = object->account;
  FdEmuObject *parent = fd_emu_object_get_parent (object);
  gint64 now = request->now_us;
  const char *status = fd_emu_status_to_string (fd_emu_object_status_at (object, now));
  gboolean cost_cap = object->level == FD_EMU_LEVEL_ADSET && object->index % 5 == 2;

  g_string_append_printf (out, "{\"id\":\"%s\",", object->id);
  if (wants (fields, "name"))
    {
      g_string_append (out, "\"name\":");
      fd_emu_append_json_string (out, object->name);
      g_string_append_c (out, ',');
    }
  if (wants (fields, "account_id"))
    g_string_append_printf (out, "\"account_id\":\"%s\",", account->id + 4);
  if (wants (fields, "campaign_id") && object->level != FD_EMU_LEVEL_CAMPAIGN)
    g_string_append_printf (out, "\"campaign_id\":\"%s\",",
                            object->level == FD_EMU_LEVEL_ADSET ? parent->id
                            : fd_emu_object_get_parent (parent)->id);
  if (wants (fields, "adset_id") && object->level == FD_EMU_LEVEL_AD)
    g_string_append_printf (out, "\"adset_id\":\"%s\",", parent->id);
  if (wants (fields, "status"))
    g_string_append_printf (out, "\"status\":\"%s\",", status);
  if (wants (fields, "configured_status"))
    g_string_append_printf (out, "\"configured_status\":\"%s\",", status);
  if (wants (fields, "effective_status"))
    g_string_append_printf (out, "\"effective_status\":\"%s\",", effective_status (object, now));
  if (wants (fields, "objective") && object->level == FD_EMU_LEVEL_CAMPAIGN)
    g_string_append (out, "\"objective\":\"OUTCOME_SALES\",");
  if (wants (fields, "buying_type") && object->level == FD_EMU_LEVEL_CAMPAIGN)
    g_string_append (out, "\"buying_type\":\"AUCTION\",");
  if (wants (fields, "special_ad_categories") && object->level == FD_EMU_LEVEL_CAMPAIGN)
    g_string_append (out, "\"special_ad_categories\":[],");

  if (object->level == FD_EMU_LEVEL_ADSET)
    {
      gint64 budget = fd_emu_object_budget_at (object, now);

      if (wants (fields, "daily_budget"))
        g_string_append_printf (out, "\"daily_budget\":\"%" G_GINT64_FORMAT "\",", budget);
      if (wants (fields, "lifetime_budget"))
        g_string_append (out, "\"lifetime_budget\":\"0\",");
      if (wants (fields, "budget_remaining"))
        {
          FdEmuMetrics today;
          int day = fd_emu_account_day_at (account, now, NULL);

          if (!fd_emu_metrics_day (cache, account, object, day, &today))
            today.spend = 0;
          g_string_append_printf (out, "\"budget_remaining\":\"%" G_GINT64_FORMAT "\",",
                                  MAX (0, budget - today.spend));
        }
      if (wants (fields, "bid_strategy"))
        g_string_append_printf (out, "\"bid_strategy\":\"%s\",",
                                cost_cap ? "COST_CAP" : "LOWEST_COST_WITHOUT_CAP");
      if (wants (fields, "bid_amount") && cost_cap)
        g_string_append_printf (out, "\"bid_amount\":%" G_GINT64_FORMAT ",",
                                (gint64)(30 * account->money_scale) * account->offset);
      if (wants (fields, "billing_event"))
        g_string_append (out, "\"billing_event\":\"IMPRESSIONS\",");
      if (wants (fields, "optimization_goal"))
        g_string_append (out, "\"optimization_goal\":\"OFFSITE_CONVERSIONS\",");
      if (wants (fields, "promoted_object"))
        g_string_append (out, "\"promoted_object\":{\"pixel_id\":\"998877665544\","
                         "\"custom_event_type\":\"PURCHASE\"},");
      if (wants (fields, "targeting"))
        append_targeting (out, object);
    }

  if (wants (fields, "creative") && object->level == FD_EMU_LEVEL_AD)
    g_string_append_printf (out, "\"creative\":{\"id\":\"%" G_GUINT64_FORMAT "\"},",
                            (guint64)(g_ascii_strtoull (object->id, NULL, 10) + G_GUINT64_CONSTANT (500000000000)));
  if (wants (fields, "created_time"))
    append_time (out, account, "created_time", object->created_us);
  if (wants (fields, "updated_time"))
    append_time (out, account, "updated_time", updated_us (object));
  if (wants (fields, "start_time") && object->level != FD_EMU_LEVEL_AD)
    append_time (out, account, "start_time", fd_emu_account_day_start (account, object->launch_day));

  g_string_truncate (out, out->len - 1);
  g_string_append_c (out, '}');
}

static gboolean
listed (FdEmuObject *object,
        gint64       now_us)
{
  return object->created_us <= now_us &&
         fd_emu_object_status_at (object, now_us) != FD_EMU_STATUS_DELETED;
}

static void
handle_list (Request    *request,
             FdEmuLevel  level)
{
  GPtrArray *objects = fd_emu_account_get_objects (request->account, level);
  const char *fields = g_hash_table_lookup (request->params, "fields");
  const char *limit_text = g_hash_table_lookup (request->params, "limit");
  guint limit = limit_text ? CLAMP (atoi (limit_text), 1, 500) : 25;
  g_autoptr(FdEmuMetricsCache) cache = fd_emu_metrics_cache_new (request->now_us);
  GString *body;
  guint64 start;
  guint64 position;
  guint64 first = 0;
  guint64 last = 0;
  guint64 resume = G_MAXUINT64;
  guint rows = 0;

  if (!check_fields (request, fields, object_fields,
                     level == FD_EMU_LEVEL_CAMPAIGN ? "Campaign" :
                     level == FD_EMU_LEVEL_ADSET ? "AdSet" : "Ad") ||
      !start_position (request, &start))
    return;

  body = g_string_new ("{\"data\":[");
  for (position = start; position < objects->len; position++)
    {
      FdEmuObject *object = g_ptr_array_index (objects, position);

      if (!listed (object, request->now_us))
        continue;
      if (rows == limit)
        {
          resume = position;
          break;
        }
      if (rows > 0)
        g_string_append_c (body, ',');
      append_object (request, cache, object, fields, body);
      if (rows == 0)
        first = position;
      last = position;
      rows++;
    }

  finish_page (request, body, rows, first, last, resume);
  reply_json (request, 200, body);
}

static void
handle_account_node (Request *request)
{
  static const char * const fields_known[] = {
    "id", "account_id", "name", "currency", "timezone_name", "account_status",
    "timezone_offset_hours_utc", "min_daily_budget", NULL
  };
  const char *fields = g_hash_table_lookup (request->params, "fields");
  FdEmuAccount *account = request->account;
  GString *body;

  if (!check_fields (request, fields, fields_known, "AdAccount"))
    return;

  body = g_string_new (NULL);
  g_string_append_printf (body, "{\"id\":\"%s\",", account->id);
  if (wants (fields, "account_id"))
    g_string_append_printf (body, "\"account_id\":\"%s\",", account->id + 4);
  if (wants (fields, "name"))
    {
      g_string_append (body, "\"name\":");
      fd_emu_append_json_string (body, account->name);
      g_string_append_c (body, ',');
    }
  if (wants (fields, "currency"))
    g_string_append_printf (body, "\"currency\":\"%s\",", account->currency);
  if (wants (fields, "timezone_name"))
    g_string_append_printf (body, "\"timezone_name\":\"%s\",", account->timezone);
  if (wants (fields, "timezone_offset_hours_utc"))
    {
      gint32 offset = g_time_zone_get_offset (account->tz, 0);

      g_string_append_printf (body, "\"timezone_offset_hours_utc\":%d,", offset / 3600);
    }
  if (wants (fields, "account_status"))
    g_string_append (body, "\"account_status\":1,");
  if (wants (fields, "min_daily_budget"))
    g_string_append_printf (body, "\"min_daily_budget\":%u,", account->offset == 1 ? 100u : 100u);

  g_string_truncate (body, body->len - 1);
  g_string_append_c (body, '}');
  reply_json (request, 200, body);
}

static void
handle_object_node (Request     *request,
                    FdEmuObject *object)
{
  const char *fields = g_hash_table_lookup (request->params, "fields");
  g_autoptr(FdEmuMetricsCache) cache = fd_emu_metrics_cache_new (request->now_us);
  GString *body;

  if (!check_fields (request, fields, object_fields,
                     object->level == FD_EMU_LEVEL_CAMPAIGN ? "Campaign" :
                     object->level == FD_EMU_LEVEL_ADSET ? "AdSet" : "Ad"))
    return;

  if (object->created_us > request->now_us)
    {
      reply_no_object (request, "get", object->id);
      return;
    }

  body = g_string_new (NULL);
  append_object (request, cache, object, fields, body);
  reply_json (request, 200, body);
}

/*
 * Writes
 */

static gboolean
write_budget (Request     *request,
              FdEmuObject *object,
              const char  *text)
{
  FdGraphEmulator *self = request->self;
  FdEmuAccount *account = object->account;
  gint64 minimum = (gint64)(1 * account->money_scale) * account->offset;
  g_autofree char *minimum_text = NULL;
  g_autofree char *user_msg = NULL;
  char *end = NULL;
  gint64 amount;

  if (object->level != FD_EMU_LEVEL_ADSET)
    {
      reply_error_full (request, 400, 100, 1885621, "OAuthException",
                        "(#100) Budgets are set on ad sets in this account (no campaign budget)",
                        -1, "Budget Not Allowed", "This object does not have a budget of its own.",
                        "{\"blame_field_specs\":[[\"daily_budget\"]]}");
      return FALSE;
    }

  amount = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != '\0')
    {
      reply_error (request, 400, 100, 0, "(#100) param daily_budget must be an integer");
      return FALSE;
    }

  if (amount < minimum)
    {
      minimum_text = fd_currency_format_major (account->currency, minimum);
      user_msg = g_strdup_printf ("Your budget is too low. The minimum daily budget for this "
                                  "ad set is %s %s.", minimum_text, account->currency);
      reply_error_full (request, 400, 100, 1885272, "OAuthException", "Invalid parameter", 0,
                        "Budget Too Low", user_msg, "{\"blame_field_specs\":[[\"daily_budget\"]]}");
      return FALSE;
    }

  if (fd_emu_model_count_budget_changes (self->model, object,
                                         request->now_us - (gint64)3600 * G_USEC_PER_SEC) >= 4)
    {
      reply_error_full (request, 400, 613, 1487632, "OAuthException",
                        "(#613) You can only change your ad set budget 4 times per hour. "
                        "Please wait to make more changes.", -1, NULL, NULL, NULL);
      return FALSE;
    }

  fd_emu_model_record_budget (self->model, object, amount, request->now_us);
  return TRUE;
}

static void
handle_write (Request     *request,
              FdEmuObject *object)
{
  FdGraphEmulator *self = request->self;
  const char *status_text = g_hash_table_lookup (request->params, "status");
  const char *budget = g_hash_table_lookup (request->params, "daily_budget");
  FdEmuStatus current = fd_emu_object_status_at (object, request->now_us);
  FdEmuStatus status;
  g_autoptr(GError) error = NULL;

  if (object->created_us > request->now_us)
    {
      reply_no_object (request, "post", object->id);
      return;
    }

  if (g_hash_table_contains (request->params, "lifetime_budget"))
    {
      reply_error (request, 400, 100, 1885621,
                   "(#100) The emulated ad sets use daily budgets; lifetime_budget cannot be set");
      return;
    }

  if (current == FD_EMU_STATUS_DELETED || current == FD_EMU_STATUS_ARCHIVED)
    {
      reply_error (request, 400, 100, 1487056,
                   "(#100) A deleted or archived object can only be renamed");
      return;
    }

  if (status_text == NULL && budget == NULL)
    {
      reply_error (request, 400, 100, 0, "(#100) Nothing to update: pass status or daily_budget");
      return;
    }

  if (status_text != NULL && !fd_emu_status_from_string (status_text, &status))
    {
      reply_error (request, 400, 100, 0,
                   "(#100) Param status must be one of {ACTIVE, PAUSED, DELETED, ARCHIVED}");
      return;
    }

  if (budget != NULL && !write_budget (request, object, budget))
    return;

  if (status_text != NULL)
    fd_emu_model_record_status (self->model, object, status, request->now_us);

  self->stats.writes++;
  if (!_fd_graph_emulator_save_state (self, &error))
    g_warning ("Could not save the emulator state: %s", error->message);

  reply_json (request, 200, g_string_new ("{\"success\":true}"));
}

/*
 * Insights and report runs
 */

static void
write_insights_page (Request                  *request,
                     const FdEmuInsightsQuery *query)
{
  g_autoptr(FdEmuMetricsCache) cache = fd_emu_metrics_cache_new (request->now_us);
  GString *body = g_string_new ("{\"data\":[");
  guint64 start;
  guint64 first;
  guint64 last;
  guint64 resume;
  guint rows;

  if (!start_position (request, &start))
    {
      g_string_free (body, TRUE);
      return;
    }

  rows = fd_emu_insights_write_page (query, cache, start, body, &first, &last, &resume);
  finish_page (request, body, rows, first, last, resume);

  request->self->stats.insights_pages++;
  request->self->stats.rows += rows;
  reply_json (request, 200, body);
}

static void
handle_insights (Request     *request,
                 FdEmuObject *scope)
{
  FdGraphEmulator *self = request->self;
  FdEmuInsightsQuery query;
  FdEmuFailure failure = { 0 };

  if (!fd_emu_insights_parse (&query, request->account, scope, request->params,
                              request->now_us, &failure))
    {
      reply_failure (request, &failure);
      fd_emu_failure_clear (&failure);
      return;
    }

  if (fd_emu_insights_count_positions (&query) > self->sync_row_limit)
    {
      reply_error_full (request, 400, 100, 1487534, "OAuthException",
                        "Please reduce the amount of data you're asking for, then retry your request",
                        -1, "Too much data", "Please reduce the amount of data you're asking for, "
                        "then retry your request", NULL);
      return;
    }

  write_insights_page (request, &query);
}

void
_fd_emu_report_run_free (FdEmuReportRun *run)
{
  g_free (run->id);
  g_free (run);
}

static void
handle_report_create (Request     *request,
                      FdEmuObject *scope)
{
  FdGraphEmulator *self = request->self;
  g_autoptr(FdEmuFault) fault = NULL;
  FdEmuFailure failure = { 0 };
  FdEmuReportRun *run;
  GString *body;

  run = g_new0 (FdEmuReportRun, 1);
  if (!fd_emu_insights_parse (&run->query, request->account, scope, request->params,
                              request->now_us, &failure))
    {
      reply_failure (request, &failure);
      fd_emu_failure_clear (&failure);
      _fd_emu_report_run_free (run);
      return;
    }

  run->id = g_strdup_printf ("%" G_GUINT64_FORMAT, (guint64)(G_GUINT64_CONSTANT (1029384756000000) + self->next_run++));
  run->created_mono = g_get_monotonic_time ();
  run->created_us = request->now_us;
  run->outcome = FD_EMU_FAULT_THROTTLE;

  fault = _fd_emu_faults_take (self->faults, request->rest, TRUE);
  if (fault != NULL)
    {
      run->outcome = fault->kind;
      self->stats.faults++;
    }
  else if (self->max_report_days > 0 &&
           run->query.until - run->query.since + 1 > (int)self->max_report_days)
    run->outcome = FD_EMU_FAULT_REPORT_FAILED;

  g_hash_table_insert (self->runs, run->id, run);
  self->stats.report_runs++;

  body = g_string_new (NULL);
  g_string_append_printf (body, "{\"report_run_id\":\"%s\"}", run->id);
  reply_json (request, 200, body);
}

static void
handle_report_status (Request        *request,
                      FdEmuReportRun *run)
{
  gint64 elapsed = g_get_monotonic_time () - run->created_mono;
  gint64 delay = MAX ((gint64)request->self->report_delay_ms * 1000, 1);
  int percent = (int)MIN (100, elapsed * 100 / delay);
  const char *status;
  char since[11];
  char until[11];
  GString *body = g_string_new (NULL);

  if (run->outcome == FD_EMU_FAULT_REPORT_SKIPPED && percent >= 15)
    status = "Job Skipped";
  else if (run->outcome == FD_EMU_FAULT_REPORT_FAILED && percent >= 50)
    status = "Job Failed";
  else if (percent < 15)
    status = "Job Not Started", percent = 0;
  else if (percent < 30)
    status = "Job Started";
  else if (percent < 100)
    status = "Job Running";
  else
    status = "Job Completed";

  if (run->outcome != FD_EMU_FAULT_THROTTLE && !g_str_equal (status, "Job Not Started") &&
      !g_str_equal (status, "Job Started") && !g_str_equal (status, "Job Running"))
    percent = 0;

  fd_emu_day_format (run->query.since, since);
  fd_emu_day_format (run->query.until, until);
  g_string_append_printf (body, "{\"id\":\"%s\",\"account_id\":\"%s\",\"time_ref\":%" G_GINT64_FORMAT
                          ",\"async_status\":\"%s\",\"async_percent_completion\":%d,"
                          "\"date_start\":\"%s\",\"date_stop\":\"%s\"",
                          run->id, run->query.account->id + 4, run->created_us / G_USEC_PER_SEC,
                          status, percent, since, until);
  if (g_str_equal (status, "Job Completed"))
    g_string_append_printf (body, ",\"time_completed\":%" G_GINT64_FORMAT,
                            run->created_us / G_USEC_PER_SEC + delay / G_USEC_PER_SEC + 1);
  if (g_str_equal (status, "Job Failed"))
    g_string_append (body, ",\"error_code\":-2,\"error_subcode\":2490547,"
                     "\"error_message\":\"Report Failed\",\"error_user_title\":\"Report Failed\","
                     "\"error_user_msg\":\"Generating the report failed. Try again later.\"");
  g_string_append_c (body, '}');

  reply_json (request, 200, body);
}

static void
handle_report_results (Request        *request,
                       FdEmuReportRun *run)
{
  gint64 elapsed = g_get_monotonic_time () - run->created_mono;
  FdEmuInsightsQuery query = run->query;
  const char *limit = g_hash_table_lookup (request->params, "limit");

  if (run->outcome != FD_EMU_FAULT_THROTTLE ||
      elapsed < (gint64)request->self->report_delay_ms * 1000)
    {
      reply_error (request, 400, 100, 0, "(#100) The report is not ready; poll its async_status");
      return;
    }

  query.limit = limit ? CLAMP (atoi (limit), 1, 5000) : 25;
  write_insights_page (request, &query);
}

static void
handle_me (Request *request)
{
  reply_json (request, 200,
              g_string_new ("{\"id\":\"100000000000001\",\"name\":\"Emulated system user\"}"));
}

static void
handle_library (Request *request)
{
  FdGraphEmulator *self = request->self;
  const char *limit_text = g_hash_table_lookup (request->params, "limit");
  guint limit = limit_text ? CLAMP (atoi (limit_text), 1, 1000) : 25;
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (request->now_us / G_USEC_PER_SEC);
  GDate date;
  FdEmuFailure failure = { 0 };
  GString *body;
  guint64 start;
  guint64 last;
  guint64 resume;

  if (!start_position (request, &start))
    return;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));

  body = g_string_new ("{\"data\":[");
  if (!_fd_emu_library_write_page (fd_emu_model_get_seed (self->model), request->params,
                                   request->token, (int)g_date_get_julian (&date), start, limit,
                                   body, &last, &resume, &failure))
    {
      g_string_free (body, TRUE);
      reply_failure (request, &failure);
      fd_emu_failure_clear (&failure);
      return;
    }

  /* An empty result is {"data":[]} with no paging at all. */
  finish_page (request, body, body->len > strlen ("{\"data\":[") ? 1 : 0, start, last, resume);
  reply_json (request, 200, body);
}

/*
 * Routing
 */

static void
route (Request *request)
{
  FdGraphEmulator *self = request->self;
  const char *method = soup_server_message_get_method (request->message);
  gboolean get = g_str_equal (method, "GET");
  gboolean post = g_str_equal (method, "POST");
  g_auto(GStrv) parts = g_strsplit (request->rest, "/", -1);
  guint n = g_strv_length (parts);
  FdEmuObject *object = NULL;
  FdEmuReportRun *run = NULL;

  if (n == 1 && g_str_equal (parts[0], "me"))
    {
      handle_me (request);
      return;
    }
  if (n == 1 && g_str_equal (parts[0], "ads_archive") && get)
    {
      handle_library (request);
      return;
    }

  if (n >= 1 && g_str_has_prefix (parts[0], "act_"))
    request->account = fd_emu_model_find_account (self->model, parts[0]);
  else if (n >= 1 && (run = g_hash_table_lookup (self->runs, parts[0])) != NULL)
    request->account = run->query.account;
  else if (n >= 1 && (object = fd_emu_model_find_object (self->model, parts[0])) != NULL)
    request->account = object->account;

  if (request->account == NULL)
    {
      reply_no_object (request, get ? "get" : "post", n > 0 ? parts[0] : "");
      return;
    }

  request->insights = (n == 2 && g_str_equal (parts[1], "insights"));
  if (!check_rate (request))
    return;

  if (n == 1 && get && run != NULL)
    handle_report_status (request, run);
  else if (n == 2 && get && run != NULL && request->insights)
    handle_report_results (request, run);
  else if (n == 1 && get && object == NULL && run == NULL)
    handle_account_node (request);
  else if (n == 1 && get && object != NULL)
    handle_object_node (request, object);
  else if (n == 1 && post && object != NULL)
    handle_write (request, object);
  else if (n == 2 && request->insights && get && run == NULL)
    handle_insights (request, object);
  else if (n == 2 && request->insights && post && run == NULL)
    handle_report_create (request, object);
  else if (n == 2 && get && object == NULL && run == NULL && g_str_equal (parts[1], "campaigns"))
    handle_list (request, FD_EMU_LEVEL_CAMPAIGN);
  else if (n == 2 && get && object == NULL && run == NULL && g_str_equal (parts[1], "adsets"))
    handle_list (request, FD_EMU_LEVEL_ADSET);
  else if (n == 2 && get && object == NULL && run == NULL && g_str_equal (parts[1], "ads"))
    handle_list (request, FD_EMU_LEVEL_AD);
  else
    reply_error_full (request, 400, 2500, 0, "OAuthException",
                      "Unknown path components: the emulator does not serve this edge", -1,
                      NULL, NULL, NULL);
}

/*
 * Authentication and versions
 */

static const char *
find_token (SoupServerMessage *message,
            GHashTable        *params)
{
  const char *header = soup_message_headers_get_one (soup_server_message_get_request_headers (message),
                                                     "Authorization");

  if (header != NULL && g_str_has_prefix (header, "Bearer "))
    return header + strlen ("Bearer ");
  if (header != NULL && g_str_has_prefix (header, "OAuth "))
    return header + strlen ("OAuth ");

  return g_hash_table_lookup (params, "access_token");
}

static gboolean
authenticate (Request *request)
{
  FdGraphEmulator *self = request->self;

  if (request->token == NULL || *request->token == '\0')
    {
      reply_error (request, 400, 104, 0, "An access token is required to request this resource.");
      return FALSE;
    }

  if (self->token != NULL && !g_str_equal (request->token, self->token))
    {
      reply_header (request, "WWW-Authenticate",
                    "OAuth \"Facebook Platform\" \"invalid_token\" \"Invalid OAuth access token - "
                    "Cannot parse access token\"");
      reply_error (request, 400, 190, 0, "Invalid OAuth access token - Cannot parse access token");
      return FALSE;
    }

  if (self->app_secret != NULL)
    {
      const char *proof = g_hash_table_lookup (request->params, "appsecret_proof");
      g_autofree char *expected = g_compute_hmac_for_string (G_CHECKSUM_SHA256,
                                                             (const guchar *)self->app_secret,
                                                             strlen (self->app_secret),
                                                             request->token, -1);

      if (proof == NULL)
        {
          reply_error_full (request, 400, 100, 0, "GraphMethodException",
                            "API calls from the server require an appsecret_proof argument",
                            -1, NULL, NULL, NULL);
          return FALSE;
        }
      if (!g_str_equal (proof, expected))
        {
          reply_error_full (request, 400, 100, 0, "GraphMethodException",
                            "Invalid appsecret_proof provided in the API argument",
                            -1, NULL, NULL, NULL);
          return FALSE;
        }
    }

  return TRUE;
}

/* "/v25.0/act_1/insights" → version "v25.0", rest "act_1/insights". */
static gboolean
split_path (Request    *request,
            const char *path)
{
  const char *p = path;
  const char *slash;
  int major;

  while (*p == '/')
    p++;

  if (p[0] != 'v' || !g_ascii_isdigit (p[1]))
    {
      request->version = g_strdup_printf ("v%d.0", request->self->min_version);
      request->rest = g_strdup (p);
      return TRUE;
    }

  slash = strchr (p, '/');
  request->version = slash ? g_strndup (p, slash - p) : g_strdup (p);
  request->rest = g_strdup (slash ? slash + 1 : "");
  while (g_str_has_suffix (request->rest, "/"))
    request->rest[strlen (request->rest) - 1] = '\0';

  major = atoi (request->version + 1);
  if (major < request->self->min_version)
    {
      g_autofree char *message =
        g_strdup_printf ("(#2635) You are calling a deprecated version of the Ads API. Please "
                         "update to the latest version: v%d.0.", request->self->min_version);

      reply_error (request, 400, 2635, 0, message);
      return FALSE;
    }

  return TRUE;
}

static GHashTable *
collect_params (SoupServerMessage *message,
                GHashTable        *query)
{
  GHashTable *params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  SoupMessageBody *body = soup_server_message_get_request_body (message);
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  if (query != NULL)
    {
      g_hash_table_iter_init (&iter, query);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (params, g_strdup (key), g_strdup (value));
    }

  if (body != NULL && body->length > 0 &&
      g_strcmp0 (soup_server_message_get_method (message), "POST") == 0)
    {
      g_autofree char *text = g_strndup (body->data, body->length);
      g_autoptr(GHashTable) form = soup_form_decode (text);

      g_hash_table_iter_init (&iter, form);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (params, g_strdup (key), g_strdup (value));
    }

  return params;
}

/*
 * Faults and sending
 */

typedef struct
{
  FdGraphEmulator   *self;
  SoupServerMessage *message;
  gboolean           finished;
  guint              timeout_id;
} Held;

static void
held_finished (SoupServerMessage *message,
               Held              *held)
{
  held->finished = TRUE;
}

static void
held_free (Held *held)
{
  if (held->timeout_id != 0)
    {
      GSource *source = g_main_context_find_source_by_id (held->self->context, held->timeout_id);

      if (source != NULL)
        g_source_destroy (source);
    }
  g_signal_handlers_disconnect_by_func (held->message, held_finished, held);
  g_object_unref (held->message);
  g_free (held);
}

static void
release (Held *held)
{
  if (!held->finished)
    {
      soup_server_message_set_status (held->message, 503, NULL);
      soup_server_message_set_response (held->message, "text/html", SOUP_MEMORY_STATIC,
                                        "<html><body>Service Unavailable</body></html>", 45);
      soup_server_message_unpause (held->message);
    }
}

static gboolean
held_timeout_cb (gpointer data)
{
  Held *held = data;
  FdGraphEmulator *self = held->self;

  held->timeout_id = 0;
  g_mutex_lock (&self->lock);
  release (held);
  g_ptr_array_remove (self->held, held);
  self->stats.held = self->held->len;
  g_mutex_unlock (&self->lock);

  return G_SOURCE_REMOVE;
}

static void
hold (Request *request,
      guint    timeout_ms)
{
  FdGraphEmulator *self = request->self;
  Held *held = g_new0 (Held, 1);

  held->self = self;
  held->message = g_object_ref (request->message);
  g_signal_connect (held->message, "finished", G_CALLBACK (held_finished), held);
  g_signal_connect (held->message, "disconnected", G_CALLBACK (held_finished), held);
  if (timeout_ms > 0)
    {
      GSource *source = g_timeout_source_new (timeout_ms);

      g_source_set_callback (source, held_timeout_cb, held, NULL);
      held->timeout_id = g_source_attach (source, self->context);
      g_source_unref (source);
    }

  soup_server_message_pause (request->message);
  g_ptr_array_add (self->held, held);
  self->stats.held = self->held->len;
}

/**
 * _fd_graph_emulator_release_held:
 *
 * Answers every held request with a 503 (lock held).
 */
void
_fd_graph_emulator_release_held (FdGraphEmulator *self)
{
  for (guint i = 0; i < self->held->len; i++)
    release (g_ptr_array_index (self->held, i));

  g_ptr_array_set_size (self->held, 0);
  self->stats.held = 0;
}

GPtrArray *
_fd_emu_new_held_array (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify)held_free);
}

static void
send_truncated (Request *request)
{
  GIOStream *stream = soup_server_message_steal_connection (request->message);
  GOutputStream *out;
  g_autofree char *head = NULL;
  gsize half = request->reply.body->len / 2;

  if (stream == NULL)
    return;

  head = g_strdup_printf ("HTTP/1.1 200 OK\r\nContent-Type: " CONTENT_TYPE "\r\n"
                          "Content-Length: %" G_GSIZE_FORMAT "\r\nConnection: close\r\n\r\n",
                          request->reply.body->len);
  out = g_io_stream_get_output_stream (stream);
  g_output_stream_write_all (out, head, strlen (head), NULL, NULL, NULL);
  g_output_stream_write_all (out, request->reply.body->str, half, NULL, NULL, NULL);
  g_io_stream_close (stream, NULL, NULL);
  g_object_unref (stream);
}

static void
send_reply (Request *request)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (request->message);
  gsize len = request->reply.body->len;
  char *data = g_string_free (g_steal_pointer (&request->reply.body), FALSE);

  for (guint i = 0; i + 1 < request->reply.headers->len; i += 2)
    soup_message_headers_append (headers, g_ptr_array_index (request->reply.headers, i),
                                 g_ptr_array_index (request->reply.headers, i + 1));

  soup_server_message_set_status (request->message, request->reply.status, NULL);
  soup_server_message_set_response (request->message, CONTENT_TYPE, SOUP_MEMORY_TAKE, data, len);
}

/* Applies a fault that answers for the server. Returns TRUE if the
 * request is answered (or held) by it. */
static gboolean
apply_fault_before (Request    *request,
                    FdEmuFault *fault)
{
  switch (fault->kind)
    {
    case FD_EMU_FAULT_THROTTLE:
      if (request->account == NULL)
        return FALSE;
      block_account (request, fault->param > 0 ? fault->param : 1);
      reply_throttled (request);
      add_usage_headers (request);
      send_reply (request);
      return TRUE;

    case FD_EMU_FAULT_SERVER_ERROR:
      reply_error_full (request, 500, 2, 0, "OAuthException",
                        "An unexpected error has occurred. Please retry your request later.",
                        1, NULL, NULL, NULL);
      send_reply (request);
      return TRUE;

    case FD_EMU_FAULT_UNAVAILABLE:
      soup_server_message_set_status (request->message, 503, NULL);
      soup_server_message_set_response (request->message, "text/html", SOUP_MEMORY_STATIC,
                                        "<html><body>Service Unavailable</body></html>", 45);
      return TRUE;

    case FD_EMU_FAULT_TIMEOUT:
      hold (request, fault->param > 0 ? (guint)fault->param : DEFAULT_TIMEOUT_MS);
      return TRUE;

    case FD_EMU_FAULT_STALL:
      hold (request, 0);
      return TRUE;

    case FD_EMU_FAULT_EXPIRED_TOKEN:
      reply_header (request, "WWW-Authenticate",
                    "OAuth \"Facebook Platform\" \"invalid_token\" \"Error validating access "
                    "token: Session has expired\"");
      reply_error (request, 400, 190, 463,
                   "Error validating access token: Session has expired. The current time is "
                   "after the token's expiry.");
      send_reply (request);
      return TRUE;

    case FD_EMU_FAULT_PERMISSION:
      reply_error (request, 403, 200, 0,
                   "(#200) Requires ads_read permission to manage the object");
      send_reply (request);
      return TRUE;

    case FD_EMU_FAULT_TOO_MUCH_DATA:
      reply_error (request, 400, 100, 1487534,
                   "Please reduce the amount of data you're asking for, then retry your request");
      send_reply (request);
      return TRUE;

    case FD_EMU_FAULT_MALFORMED:
    case FD_EMU_FAULT_TRUNCATED:
    case FD_EMU_FAULT_REPORT_FAILED:
    case FD_EMU_FAULT_REPORT_SKIPPED:
    default:
      return FALSE;
    }
}

static void
request_clear (Request *request)
{
  g_clear_pointer (&request->params, g_hash_table_unref);
  g_free (request->rest);
  g_free (request->version);
  if (request->reply.body != NULL)
    g_string_free (request->reply.body, TRUE);
  g_ptr_array_unref (request->reply.headers);
}

static void
handle_control (FdGraphEmulator   *self,
                SoupServerMessage *message,
                const char        *path,
                GHashTable        *params);

/**
 * _fd_graph_emulator_handle:
 *
 * The SoupServer handler, on the server thread.
 */
void
_fd_graph_emulator_handle (SoupServer        *server,
                           SoupServerMessage *message,
                           const char        *path,
                           GHashTable        *query,
                           gpointer           user_data)
{
  FdGraphEmulator *self = user_data;
  g_autoptr(FdEmuFault) fault = NULL;
  Request request = { 0 };

  /* Answers are written in several pieces; without this, Nagle's
   * algorithm and the client's delayed ACK add 40 ms to many of them. */
  if (soup_server_message_get_socket (message) != NULL)
    g_socket_set_option (soup_server_message_get_socket (message), IPPROTO_TCP, TCP_NODELAY, 1, NULL);

  request.self = self;
  request.message = message;
  request.params = collect_params (message, query);
  request.reply.headers = g_ptr_array_new_with_free_func (g_free);

  g_mutex_lock (&self->lock);

  if (g_str_has_prefix (path, "/__emulator/"))
    {
      handle_control (self, message, path, request.params);
      goto out;
    }

  _fd_graph_emulator_reload_state (self);
  self->stats.requests++;
  if (self->requests != NULL)
    {
      GUri *uri = soup_server_message_get_uri (message);

      g_ptr_array_add (self->requests,
                       g_strdup_printf ("%s %s%s%s", soup_server_message_get_method (message), path,
                                        g_uri_get_query (uri) ? "?" : "",
                                        g_uri_get_query (uri) ? g_uri_get_query (uri) : ""));
    }
  request.now_us = emulator_now (self);
  request.token = find_token (message, request.params);

  if (!split_path (&request, path))
    {
      send_reply (&request);
      goto out;
    }

  fault = _fd_emu_faults_take (self->faults, request.rest, FALSE);
  if (fault != NULL)
    {
      /* Throttling needs to know the account. */
      g_auto(GStrv) parts = g_strsplit (request.rest, "/", 2);
      FdEmuObject *object = fd_emu_model_find_object (self->model, parts[0]);

      request.account = g_str_has_prefix (parts[0], "act_")
                        ? fd_emu_model_find_account (self->model, parts[0])
                        : object ? object->account : NULL;
      request.insights = strstr (request.rest, "insights") != NULL;
      self->stats.faults++;
      if (apply_fault_before (&request, fault))
        goto out;
      request.account = NULL;
    }

  if (!authenticate (&request))
    {
      send_reply (&request);
      goto out;
    }

  route (&request);
  if (request.reply.body == NULL)
    reply_error (&request, 500, 1, 0, "An unknown error occurred");

  add_usage_headers (&request);

  if (fault != NULL && fault->kind == FD_EMU_FAULT_TRUNCATED)
    send_truncated (&request);
  else
    {
      if (fault != NULL && fault->kind == FD_EMU_FAULT_MALFORMED)
        g_string_truncate (request.reply.body, request.reply.body->len * 3 / 5);
      send_reply (&request);
    }

out:
  g_mutex_unlock (&self->lock);
  request_clear (&request);
}

/*
 * Control endpoints, for the standalone program: /__emulator/…
 */

static void
control_reply (SoupServerMessage *message,
               guint              status,
               const char        *text)
{
  soup_server_message_set_status (message, status, NULL);
  soup_server_message_set_response (message, CONTENT_TYPE, SOUP_MEMORY_COPY, text, strlen (text));
}

static void
handle_control (FdGraphEmulator   *self,
                SoupServerMessage *message,
                const char        *path,
                GHashTable        *params)
{
  const char *method = soup_server_message_get_method (message);

  if (g_str_equal (path, "/__emulator/faults") && g_str_equal (method, "POST"))
    {
      FdEmuFault parsed;
      g_autoptr(GError) error = NULL;

      if (!_fd_emu_fault_parse (g_hash_table_lookup (params, "spec"), &parsed, &error))
        {
          g_autofree char *text = g_strdup_printf ("{\"error\":\"%s\"}", error->message);

          control_reply (message, 400, text);
          return;
        }
      g_ptr_array_add (self->faults, g_memdup2 (&parsed, sizeof parsed));
      control_reply (message, 200, "{\"success\":true}");
    }
  else if (g_str_equal (path, "/__emulator/faults") && g_str_equal (method, "DELETE"))
    {
      g_ptr_array_set_size (self->faults, 0);
      _fd_graph_emulator_release_held (self);
      control_reply (message, 200, "{\"success\":true}");
    }
  else if (g_str_equal (path, "/__emulator/stats"))
    {
      g_autofree char *text =
        g_strdup_printf ("{\"requests\":%" G_GUINT64_FORMAT ",\"insights_pages\":%" G_GUINT64_FORMAT
                         ",\"rows\":%" G_GUINT64_FORMAT ",\"report_runs\":%" G_GUINT64_FORMAT
                         ",\"throttled\":%" G_GUINT64_FORMAT ",\"early_calls\":%" G_GUINT64_FORMAT
                         ",\"faults\":%" G_GUINT64_FORMAT ",\"writes\":%" G_GUINT64_FORMAT
                         ",\"held\":%" G_GUINT64_FORMAT "}",
                         self->stats.requests, self->stats.insights_pages, self->stats.rows,
                         self->stats.report_runs, self->stats.throttled, self->stats.early_calls,
                         self->stats.faults, self->stats.writes, self->stats.held);

      control_reply (message, 200, text);
    }
  else if (g_str_equal (path, "/__emulator/now") && g_str_equal (method, "POST"))
    {
      const char *text = g_hash_table_lookup (params, "now");
      g_autoptr(GDateTime) time = text ? g_date_time_new_from_iso8601 (text, NULL) : NULL;

      if (time == NULL && g_strcmp0 (text, "real") != 0)
        {
          control_reply (message, 400, "{\"error\":\"now must be an ISO 8601 time or real\"}");
          return;
        }
      self->fixed_now = time ? g_date_time_to_unix (time) * G_USEC_PER_SEC : 0;
      control_reply (message, 200, "{\"success\":true}");
    }
  else
    control_reply (message, 404, "{\"error\":\"unknown control endpoint\"}");
}
