/* fd-emu-objects.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-graph-emulator"

#include "config.h"

#include <stdlib.h>

#include "fd-currency.h"
#include "fd-emu-request.h"

/* The emulator's account and object nodes, object lists, and writes
 * (status and budgets). */

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
check_fields (FdEmuRequest            *request,
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

        _fd_emu_reply_error_full (request, 400, 100, 0, "OAuthException", message, -1, NULL, NULL, NULL);
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
append_object (FdEmuRequest           *request,
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

void
_fd_emu_handle_list (FdEmuRequest    *request,
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
      !_fd_emu_start_position (request, &start))
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

  _fd_emu_finish_page (request, body, rows, first, last, resume);
  _fd_emu_reply_json (request, 200, body);
}

void
_fd_emu_handle_account_node (FdEmuRequest *request)
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
  _fd_emu_reply_json (request, 200, body);
}

void
_fd_emu_handle_object_node (FdEmuRequest     *request,
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
      _fd_emu_reply_no_object (request, "get", object->id);
      return;
    }

  body = g_string_new (NULL);
  append_object (request, cache, object, fields, body);
  _fd_emu_reply_json (request, 200, body);
}

static gboolean
write_budget (FdEmuRequest     *request,
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
      _fd_emu_reply_error_full (request, 400, 100, 1885621, "OAuthException",
                        "(#100) Budgets are set on ad sets in this account (no campaign budget)",
                        -1, "Budget Not Allowed", "This object does not have a budget of its own.",
                        "{\"blame_field_specs\":[[\"daily_budget\"]]}");
      return FALSE;
    }

  amount = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != '\0')
    {
      _fd_emu_reply_error (request, 400, 100, 0, "(#100) param daily_budget must be an integer");
      return FALSE;
    }

  if (amount < minimum)
    {
      minimum_text = fd_currency_format_decimal (account->currency, minimum);
      user_msg = g_strdup_printf ("Your budget is too low. The minimum daily budget for this "
                                  "ad set is %s %s.", minimum_text, account->currency);
      _fd_emu_reply_error_full (request, 400, 100, 1885272, "OAuthException", "Invalid parameter", 0,
                        "Budget Too Low", user_msg, "{\"blame_field_specs\":[[\"daily_budget\"]]}");
      return FALSE;
    }

  if (fd_emu_model_count_budget_changes (self->model, object,
                                         request->now_us - (gint64)3600 * G_USEC_PER_SEC) >= 4)
    {
      _fd_emu_reply_error_full (request, 400, 613, 1487632, "OAuthException",
                        "(#613) You can only change your ad set budget 4 times per hour. "
                        "Please wait to make more changes.", -1, NULL, NULL, NULL);
      return FALSE;
    }

  fd_emu_model_record_budget (self->model, object, amount, request->now_us);
  return TRUE;
}

void
_fd_emu_handle_write (FdEmuRequest     *request,
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
      _fd_emu_reply_no_object (request, "post", object->id);
      return;
    }

  if (g_hash_table_contains (request->params, "lifetime_budget"))
    {
      _fd_emu_reply_error (request, 400, 100, 1885621,
                   "(#100) The emulated ad sets use daily budgets; lifetime_budget cannot be set");
      return;
    }

  if (current == FD_EMU_STATUS_DELETED || current == FD_EMU_STATUS_ARCHIVED)
    {
      _fd_emu_reply_error (request, 400, 100, 1487056,
                   "(#100) A deleted or archived object can only be renamed");
      return;
    }

  if (status_text == NULL && budget == NULL)
    {
      _fd_emu_reply_error (request, 400, 100, 0, "(#100) Nothing to update: pass status or daily_budget");
      return;
    }

  if (status_text != NULL && !fd_emu_status_from_string (status_text, &status))
    {
      _fd_emu_reply_error (request, 400, 100, 0,
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

  _fd_emu_reply_json (request, 200, g_string_new ("{\"success\":true}"));
}
