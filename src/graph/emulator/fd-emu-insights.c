/* fd-emu-insights.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-graph-emulator"

#include "config.h"

#include <math.h>

#include "fd-emu-insights.h"

/* Insights as Meta writes them: every metric a string, money in major
 * units, zero metrics left out, rows without delivery left out, ids as
 * strings, hourly rows without reach or off-Meta conversions. */

enum {
  F_ACCOUNT_ID, F_ACCOUNT_NAME, F_ACCOUNT_CURRENCY, F_CAMPAIGN_ID, F_CAMPAIGN_NAME,
  F_ADSET_ID, F_ADSET_NAME, F_AD_ID, F_AD_NAME, F_IMPRESSIONS, F_REACH, F_FREQUENCY,
  F_SPEND, F_CLICKS, F_INLINE_LINK_CLICKS, F_CTR, F_CPC, F_CPM, F_ACTIONS, F_ACTION_VALUES,
  F_PURCHASE_ROAS, F_COST_PER_ACTION_TYPE, F_VIDEO_PLAY, F_VIDEO_P25, F_VIDEO_P50, F_VIDEO_P75,
  F_VIDEO_P95, F_VIDEO_P100, F_VIDEO_THRUPLAY, F_DATE_START, F_DATE_STOP, F_OBJECTIVE,
  N_FIELDS
};

static const char * const field_names[N_FIELDS] = {
  "account_id", "account_name", "account_currency", "campaign_id", "campaign_name",
  "adset_id", "adset_name", "ad_id", "ad_name", "impressions", "reach", "frequency",
  "spend", "clicks", "inline_link_clicks", "ctr", "cpc", "cpm", "actions", "action_values",
  "purchase_roas", "cost_per_action_type", "video_play_actions", "video_p25_watched_actions",
  "video_p50_watched_actions", "video_p75_watched_actions", "video_p95_watched_actions",
  "video_p100_watched_actions", "video_thruplay_watched_actions", "date_start", "date_stop",
  "objective",
};

#define HAS(q, f) (((q)->fields >> (f)) & 1)

void
fd_emu_failure_clear (FdEmuFailure *failure)
{
  g_clear_pointer (&failure->message, g_free);
}

static gboolean
fail (FdEmuFailure *failure,
      int           code,
      int           subcode,
      const char   *format,
      ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail (FdEmuFailure *failure,
      int           code,
      int           subcode,
      const char   *format,
      ...)
{
  va_list args;

  va_start (args, format);
  failure->http_status = 400;
  failure->code = code;
  failure->subcode = subcode;
  g_free (failure->message);
  failure->message = g_strdup_vprintf (format, args);
  va_end (args);

  return FALSE;
}

/*
 * Cursors: base64 of the row position with "=" written "ZD", as Meta's
 * look ("MAZDZD" is row 0).
 */

char *
fd_emu_cursor_encode (guint64 position)
{
  char text[24];
  g_autofree char *encoded = NULL;
  GString *out;

  g_snprintf (text, sizeof text, "%" G_GUINT64_FORMAT, position);
  encoded = g_base64_encode ((const guchar *)text, strlen (text));
  out = g_string_new (encoded);
  g_string_replace (out, "=", "ZD", 0);

  return g_string_free (out, FALSE);
}

gboolean
fd_emu_cursor_decode (const char *cursor,
                      guint64    *position)
{
  g_autofree guchar *decoded = NULL;
  g_autofree char *text = NULL;
  GString *padded;
  gsize len = 0;
  char *end = NULL;

  if (cursor == NULL || *cursor == '\0' || strlen (cursor) > 64)
    return FALSE;

  padded = g_string_new (cursor);
  g_string_replace (padded, "ZD", "=", 0);
  decoded = g_base64_decode (padded->str, &len);
  g_string_free (padded, TRUE);

  text = g_strndup ((const char *)decoded, len);
  if (len == 0 || !g_ascii_isdigit (text[0]))
    return FALSE;

  *position = g_ascii_strtoull (text, &end, 10);
  return end != NULL && *end == '\0';
}

/*
 * Parsing the request
 */

static gboolean
parse_fields (FdEmuInsightsQuery *query,
              const char         *text,
              FdEmuFailure       *failure)
{
  g_auto(GStrv) names = NULL;

  query->fields = (1ull << F_DATE_START) | (1ull << F_DATE_STOP);
  if (text == NULL || *text == '\0')
    {
      query->fields |= (1ull << F_IMPRESSIONS) | (1ull << F_SPEND);
      return TRUE;
    }

  names = g_strsplit (text, ",", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = g_strstrip (names[i]);
      gboolean known = FALSE;

      if (*name == '\0')
        continue;

      for (guint f = 0; f < N_FIELDS && !known; f++)
        if (g_str_equal (name, field_names[f]))
          {
            query->fields |= 1ull << f;
            known = TRUE;
          }

      if (!known)
        return fail (failure, 100, 0,
                     "(#100) %s is not valid for fields param. please check "
                     "https://developers.facebook.com/docs/marketing-api/reference/ads-insights/ "
                     "for all valid values", name);
    }

  return TRUE;
}

static gboolean
parse_level (FdEmuInsightsQuery *query,
             const char         *text,
             FdEmuFailure       *failure)
{
  static const char * const names[] = { "account", "campaign", "adset", "ad" };

  if (text == NULL)
    {
      query->level = query->scope ? query->scope->level : FD_EMU_LEVEL_ACCOUNT;
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (text, names[i]))
      {
        query->level = i;
        /* A level above the object read is the object itself. */
        if (query->scope != NULL && query->level < query->scope->level)
          query->level = query->scope->level;
        return TRUE;
      }

  return fail (failure, 100, 0, "(#100) param level must be one of {ad, adset, campaign, account}");
}

/* time_ranges=[{"since":…,"until":…},…]: one row per range and object,
 * each over its own days (Meta ignores time_range, date_preset and
 * time_increment then). [@since, @until] becomes their hull. */
static gboolean
parse_time_ranges (FdEmuInsightsQuery *query,
                   const char         *text,
                   int                 today,
                   FdEmuFailure       *failure)
{
  g_autoptr(JsonNode) node = json_from_string (text, NULL);
  JsonArray *list = node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  guint n = list ? json_array_get_length (list) : 0;

  if (n == 0)
    return fail (failure, 100, 0, "(#100) param time_ranges must be a non-empty array of {since, until}");
  if (n > FD_EMU_MAX_TIME_RANGES)
    return fail (failure, 100, 0, "(#100) param time_ranges may hold at most %d ranges",
                 FD_EMU_MAX_TIME_RANGES);

  query->since = G_MAXINT;
  query->until = G_MININT;
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (list, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      int since = object ? fd_emu_day_from_string (json_object_get_string_member_with_default (object, "since", NULL)) : 0;
      int until = object ? fd_emu_day_from_string (json_object_get_string_member_with_default (object, "until", NULL)) : 0;

      if (since == 0 || until == 0 || since > until)
        return fail (failure, 100, 0, "(#100) each of time_ranges must have since and until as YYYY-MM-DD, "
                     "since first");
      if (since < today - 37 * 31)
        return fail (failure, 3018, 0,
                     "(#3018) The start date of the time range cannot be beyond 37 months from the current date");

      query->range_since[i] = since;
      query->range_until[i] = MIN (until, today);
      query->since = MIN (query->since, since);
      query->until = MAX (query->until, until);
    }
  query->n_ranges = n;

  return TRUE;
}

static gboolean
parse_dates (FdEmuInsightsQuery *query,
             GHashTable         *params,
             int                 today,
             FdEmuFailure       *failure)
{
  const char *range = g_hash_table_lookup (params, "time_range");
  const char *preset = g_hash_table_lookup (params, "date_preset");
  const char *ranges = g_hash_table_lookup (params, "time_ranges");

  if (ranges != NULL)
    return parse_time_ranges (query, ranges, today, failure);

  if (range != NULL)
    {
      g_autoptr(JsonNode) node = json_from_string (range, NULL);
      JsonObject *object = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

      if (object == NULL)
        return fail (failure, 100, 0, "(#100) param time_range must be a JSON object with since and until");

      query->since = fd_emu_day_from_string (json_object_get_string_member_with_default (object, "since", NULL));
      query->until = fd_emu_day_from_string (json_object_get_string_member_with_default (object, "until", NULL));
      if (query->since == 0 || query->until == 0)
        return fail (failure, 100, 0, "(#100) time_range must have since and until as YYYY-MM-DD");
      if (query->since > query->until)
        return fail (failure, 100, 0, "(#100) time_range's since must not be after until");
      if (query->since < today - 37 * 31)
        return fail (failure, 3018, 0,
                     "(#3018) The start date of the time range cannot be beyond 37 months from the current date");
      return TRUE;
    }

  if (preset == NULL || g_str_equal (preset, "last_30d"))
    query->since = today - 30, query->until = today - 1;
  else if (g_str_equal (preset, "today"))
    query->since = query->until = today;
  else if (g_str_equal (preset, "yesterday"))
    query->since = query->until = today - 1;
  else if (g_str_has_prefix (preset, "last_") && g_str_has_suffix (preset, "d") &&
           g_ascii_isdigit (preset[5]))
    {
      int days = atoi (preset + 5);

      if (days <= 0 || days > 90)
        return fail (failure, 100, 0, "(#100) date_preset %s is not supported", preset);
      query->since = today - days;
      query->until = today - 1;
    }
  else if (g_str_equal (preset, "maximum") || g_str_equal (preset, "data_maximum"))
    query->since = today - 37 * 30, query->until = today;
  else
    return fail (failure, 100, 0, "(#100) date_preset must be one of the documented presets");

  return TRUE;
}

static gboolean
parse_breakdowns (FdEmuInsightsQuery *query,
                  const char         *text,
                  FdEmuFailure       *failure)
{
  g_autoptr(JsonNode) node = NULL;
  JsonArray *list;

  if (text == NULL || *text == '\0' || g_str_equal (text, "[]"))
    return TRUE;

  node = json_from_string (text, NULL);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      /* A bare comma list is accepted too. */
      if (g_str_equal (text, "hourly_stats_aggregated_by_advertiser_time_zone") ||
          g_str_equal (text, "hourly_stats_aggregated_by_audience_time_zone"))
        {
          query->hourly = TRUE;
          return TRUE;
        }
      return fail (failure, 100, 0, "(#100) param breakdowns must be an array");
    }

  list = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      const char *name = json_array_get_string_element (list, i);

      if (g_strcmp0 (name, "hourly_stats_aggregated_by_advertiser_time_zone") == 0 ||
          g_strcmp0 (name, "hourly_stats_aggregated_by_audience_time_zone") == 0)
        query->hourly = TRUE;
      else
        return fail (failure, 100, 0,
                     "(#100) The emulator only simulates the hourly breakdowns, not %s",
                     name ? name : "?");
    }

  return TRUE;
}

static void
set_objects (FdEmuInsightsQuery *query)
{
  FdEmuAccount *account = query->account;
  guint per_campaign_ads = account->adsets_per_campaign * account->ads_per_adset;

  query->obj_first = 0;
  switch (query->level)
    {
    case FD_EMU_LEVEL_ACCOUNT:
      query->obj_count = 1;
      return;
    case FD_EMU_LEVEL_CAMPAIGN:
      query->obj_count = account->campaigns->len;
      break;
    case FD_EMU_LEVEL_ADSET:
      query->obj_count = account->adsets->len;
      break;
    case FD_EMU_LEVEL_AD:
    default:
      query->obj_count = account->ads->len;
      break;
    }

  if (query->scope == NULL || query->scope->level == query->level)
    {
      if (query->scope != NULL)
        query->obj_first = query->scope->index, query->obj_count = 1;
      return;
    }

  /* Children are contiguous under their parent. */
  if (query->scope->level == FD_EMU_LEVEL_CAMPAIGN && query->level == FD_EMU_LEVEL_ADSET)
    query->obj_first = query->scope->index * account->adsets_per_campaign,
    query->obj_count = account->adsets_per_campaign;
  else if (query->scope->level == FD_EMU_LEVEL_CAMPAIGN)
    query->obj_first = query->scope->index * per_campaign_ads,
    query->obj_count = per_campaign_ads;
  else
    query->obj_first = query->scope->index * account->ads_per_adset,
    query->obj_count = account->ads_per_adset;
}

/**
 * fd_emu_insights_parse:
 * @params: the request's parameters
 *
 * Returns: %FALSE with @failure set if Meta would refuse the request
 */
gboolean
fd_emu_insights_parse (FdEmuInsightsQuery *query,
                       FdEmuAccount       *account,
                       FdEmuObject        *scope,
                       GHashTable         *params,
                       gint64              now_us,
                       FdEmuFailure       *failure)
{
  const char *increment = g_hash_table_lookup (params, "time_increment");
  const char *limit = g_hash_table_lookup (params, "limit");
  int today = fd_emu_account_day_at (account, now_us, NULL);

  memset (query, 0, sizeof *query);
  query->account = account;
  query->scope = scope;

  if (!parse_fields (query, g_hash_table_lookup (params, "fields"), failure) ||
      !parse_level (query, g_hash_table_lookup (params, "level"), failure) ||
      !parse_dates (query, params, today, failure) ||
      !parse_breakdowns (query, g_hash_table_lookup (params, "breakdowns"), failure))
    return FALSE;

  if (increment == NULL || g_str_equal (increment, "all_days"))
    query->increment = 0;
  else if (g_ascii_isdigit (increment[0]) && atoi (increment) >= 1 && atoi (increment) <= 90)
    query->increment = atoi (increment);
  else
    return fail (failure, 100, 0, "(#100) param time_increment must be 1–90, monthly or all_days");

  query->limit = 25;
  if (limit != NULL)
    query->limit = CLAMP (atoi (limit), 1, 5000);

  /* Nothing happens after today. */
  query->until = MIN (query->until, today);
  if (query->since > query->until)
    query->since = query->until + 1;

  set_objects (query);
  return TRUE;
}

static guint
n_buckets (const FdEmuInsightsQuery *query)
{
  int days = query->until - query->since + 1;

  if (query->n_ranges > 0)
    return query->n_ranges;
  if (days <= 0)
    return 0;
  if (query->increment == 0)
    return 1;

  return (days + query->increment - 1) / query->increment;
}

guint64
fd_emu_insights_count_positions (const FdEmuInsightsQuery *query)
{
  return (guint64)n_buckets (query) * query->obj_count * (query->hourly ? 24 : 1);
}

/*
 * Writing rows
 */

void
fd_emu_append_int (GString *out,
                   gint64   value)
{
  char buffer[24];
  int i = sizeof buffer;
  guint64 magnitude = value < 0 ? (guint64)(-(value + 1)) + 1 : (guint64)value;

  do
    {
      buffer[--i] = (char)('0' + magnitude % 10);
      magnitude /= 10;
    }
  while (magnitude > 0);

  if (value < 0)
    buffer[--i] = '-';

  g_string_append_len (out, buffer + i, sizeof buffer - i);
}

/* Money in major units; @trim drops trailing zeros of the fraction
 * ("149.7"), as Meta does in action values but not in spend ("35.10"). */
void
fd_emu_append_money (GString      *out,
                     FdEmuAccount *account,
                     gint64        minor,
                     gboolean      trim)
{
  gint64 whole = minor / (gint64)account->offset;
  gint64 cents = minor % (gint64)account->offset;

  fd_emu_append_int (out, whole);
  if (account->offset == 1 || (trim && cents == 0))
    return;

  g_string_append_c (out, '.');
  g_string_append_c (out, (char)('0' + cents / 10));
  if (!trim || cents % 10 != 0)
    g_string_append_c (out, (char)('0' + cents % 10));
}

static void
append_ratio (GString *out,
              double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  gsize len;

  g_ascii_formatd (buffer, sizeof buffer, "%.6f", value);
  len = strlen (buffer);
  while (len > 1 && buffer[len - 1] == '0')
    len--;
  if (len > 1 && buffer[len - 1] == '.')
    len--;
  g_string_append_len (out, buffer, len);
}

static void
member_string (GString    *out,
               const char *name,
               const char *value)
{
  g_string_append_c (out, '"');
  g_string_append (out, name);
  g_string_append (out, "\":\"");
  g_string_append (out, value);
  g_string_append (out, "\",");
}

static void
member_count (GString    *out,
              const char *name,
              gint64      value)
{
  if (value == 0)
    return;

  g_string_append_c (out, '"');
  g_string_append (out, name);
  g_string_append (out, "\":\"");
  fd_emu_append_int (out, value);
  g_string_append (out, "\",");
}

/* A JSON string: quotes, backslashes and control characters escaped,
 * UTF-8 left as it is. */
void
fd_emu_append_json_string (GString    *out,
                           const char *value)
{
  g_string_append_c (out, '"');
  for (const char *p = value; *p; p++)
    {
      guchar c = (guchar)*p;

      if (c == '"' || c == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, (char)c);
        }
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char)c);
    }
  g_string_append_c (out, '"');
}

static void
member_name (GString    *out,
             const char *name,
             const char *value)
{
  g_string_append_c (out, '"');
  g_string_append (out, name);
  g_string_append (out, "\":");
  fd_emu_append_json_string (out, value);
  g_string_append_c (out, ',');
}

typedef struct
{
  const char *type;
  gint64      count;
} Action;

/* A list of AdsActionStats, leaving zero entries out (and the whole list
 * when all are zero). */
static void
member_actions (GString      *out,
                const char   *name,
                const Action *actions,
                guint         n_actions)
{
  gboolean any = FALSE;

  for (guint i = 0; i < n_actions; i++)
    {
      if (actions[i].count == 0)
        continue;

      g_string_append (out, any ? ",{\"action_type\":\"" : "\"");
      if (!any)
        {
          g_string_append (out, name);
          g_string_append (out, "\":[{\"action_type\":\"");
        }
      g_string_append (out, actions[i].type);
      g_string_append (out, "\",\"value\":\"");
      fd_emu_append_int (out, actions[i].count);
      g_string_append (out, "\"}");
      any = TRUE;
    }

  if (any)
    g_string_append (out, "],");
}

static void
member_money_actions (GString      *out,
                      FdEmuAccount *account,
                      const char   *name,
                      const char   *const *types,
                      gint64        minor)
{
  if (minor == 0)
    return;

  g_string_append_c (out, '"');
  g_string_append (out, name);
  g_string_append (out, "\":[");
  for (guint i = 0; types[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, "{\"action_type\":\"");
      g_string_append (out, types[i]);
      g_string_append (out, "\",\"value\":\"");
      fd_emu_append_money (out, account, minor, TRUE);
      g_string_append (out, "\"}");
    }
  g_string_append (out, "],");
}

static void
member_single_action (GString    *out,
                      const char *name,
                      const char *type,
                      gint64      count)
{
  Action action = { type, count };

  member_actions (out, name, &action, 1);
}

static void
member_ratio (GString    *out,
              const char *name,
              double      value)
{
  g_string_append_c (out, '"');
  g_string_append (out, name);
  g_string_append (out, "\":\"");
  append_ratio (out, value);
  g_string_append (out, "\",");
}

static void
write_ids (GString                  *out,
           const FdEmuInsightsQuery *query,
           FdEmuObject              *object)
{
  FdEmuAccount *account = query->account;
  FdEmuObject *ad = NULL;
  FdEmuObject *adset = NULL;
  FdEmuObject *campaign = NULL;

  if (object != NULL && object->level == FD_EMU_LEVEL_AD)
    ad = object;
  if (ad != NULL)
    adset = fd_emu_object_get_parent (ad);
  else if (object != NULL && object->level == FD_EMU_LEVEL_ADSET)
    adset = object;
  if (adset != NULL)
    campaign = fd_emu_object_get_parent (adset);
  else if (object != NULL && object->level == FD_EMU_LEVEL_CAMPAIGN)
    campaign = object;

  if (HAS (query, F_ACCOUNT_ID))
    member_string (out, "account_id", account->id + 4);
  if (HAS (query, F_ACCOUNT_NAME))
    member_name (out, "account_name", account->name);
  if (HAS (query, F_ACCOUNT_CURRENCY))
    member_string (out, "account_currency", account->currency);
  if (campaign != NULL && HAS (query, F_CAMPAIGN_ID))
    member_string (out, "campaign_id", campaign->id);
  if (campaign != NULL && HAS (query, F_CAMPAIGN_NAME))
    member_name (out, "campaign_name", campaign->name);
  if (adset != NULL && HAS (query, F_ADSET_ID))
    member_string (out, "adset_id", adset->id);
  if (adset != NULL && HAS (query, F_ADSET_NAME))
    member_name (out, "adset_name", adset->name);
  if (ad != NULL && HAS (query, F_AD_ID))
    member_string (out, "ad_id", ad->id);
  if (ad != NULL && HAS (query, F_AD_NAME))
    member_name (out, "ad_name", ad->name);
  if (campaign != NULL && HAS (query, F_OBJECTIVE))
    member_string (out, "objective", "OUTCOME_SALES");
}

static void
write_metrics (GString                  *out,
               const FdEmuInsightsQuery *query,
               const FdEmuMetrics       *m)
{
  static const char * const purchase_types[] = {
    "offsite_conversion.fb_pixel_purchase", "purchase", "omni_purchase", NULL
  };
  FdEmuAccount *account = query->account;
  gboolean offsite = !query->hourly;  /* hourly breakdowns carry no off-Meta conversions */
  double spend_major = m->spend / (double)account->offset;

  if (HAS (query, F_IMPRESSIONS))
    member_count (out, "impressions", m->impressions);
  if (HAS (query, F_REACH) && !query->hourly)
    member_count (out, "reach", m->reach);
  if (HAS (query, F_FREQUENCY) && !query->hourly && m->reach > 0)
    member_ratio (out, "frequency", m->impressions / (double)m->reach);
  if (HAS (query, F_SPEND) && m->spend != 0)
    {
      g_string_append (out, "\"spend\":\"");
      fd_emu_append_money (out, account, m->spend, FALSE);
      g_string_append (out, "\",");
    }
  if (HAS (query, F_CLICKS))
    member_count (out, "clicks", m->clicks);
  if (HAS (query, F_INLINE_LINK_CLICKS))
    member_count (out, "inline_link_clicks", m->link_clicks);
  if (HAS (query, F_CTR) && m->clicks > 0)
    member_ratio (out, "ctr", 100.0 * m->clicks / m->impressions);
  if (HAS (query, F_CPC) && m->clicks > 0)
    member_ratio (out, "cpc", spend_major / m->clicks);
  if (HAS (query, F_CPM))
    member_ratio (out, "cpm", 1000.0 * spend_major / m->impressions);

  if (HAS (query, F_ACTIONS))
    {
      Action actions[] = {
        { "link_click", m->link_clicks },
        { "landing_page_view", m->landing_page_views },
        { "video_view", m->video_plays },
        { "offsite_conversion.fb_pixel_purchase", offsite ? m->purchases : 0 },
        { "purchase", offsite ? m->purchases : 0 },
        { "omni_purchase", offsite ? m->purchases : 0 },
      };
      member_actions (out, "actions", actions, G_N_ELEMENTS (actions));
    }
  if (HAS (query, F_ACTION_VALUES) && offsite)
    member_money_actions (out, account, "action_values", purchase_types, m->purchase_value);
  if (HAS (query, F_PURCHASE_ROAS) && offsite && m->purchase_value > 0)
    {
      g_string_append (out, "\"purchase_roas\":[{\"action_type\":\"omni_purchase\",\"value\":\"");
      append_ratio (out, m->purchase_value / (double)m->spend);
      g_string_append (out, "\"}],");
    }
  if (HAS (query, F_COST_PER_ACTION_TYPE) && m->link_clicks > 0)
    {
      g_string_append (out, "\"cost_per_action_type\":[{\"action_type\":\"link_click\",\"value\":\"");
      append_ratio (out, spend_major / m->link_clicks);
      if (offsite && m->purchases > 0)
        {
          g_string_append (out, "\"},{\"action_type\":\"purchase\",\"value\":\"");
          append_ratio (out, spend_major / m->purchases);
        }
      g_string_append (out, "\"}],");
    }

  if (HAS (query, F_VIDEO_PLAY))
    member_single_action (out, "video_play_actions", "video_view", m->video_plays);
  if (HAS (query, F_VIDEO_P25))
    member_single_action (out, "video_p25_watched_actions", "video_view", m->video_p25);
  if (HAS (query, F_VIDEO_P50))
    member_single_action (out, "video_p50_watched_actions", "video_view", m->video_p50);
  if (HAS (query, F_VIDEO_P75))
    member_single_action (out, "video_p75_watched_actions", "video_view", m->video_p75);
  if (HAS (query, F_VIDEO_P95))
    member_single_action (out, "video_p95_watched_actions", "video_view", m->video_p95);
  if (HAS (query, F_VIDEO_P100))
    member_single_action (out, "video_p100_watched_actions", "video_view", m->video_p100);
  if (HAS (query, F_VIDEO_THRUPLAY))
    member_single_action (out, "video_thruplay_watched_actions", "video_view", m->thruplays);
}

static FdEmuObject *
object_at (const FdEmuInsightsQuery *query,
           guint                     o)
{
  GPtrArray *objects = fd_emu_account_get_objects (query->account, query->level);

  return objects ? g_ptr_array_index (objects, query->obj_first + o) : NULL;
}

/* One row, if the object delivered; FALSE (and nothing written) if not. */
static gboolean
write_row (const FdEmuInsightsQuery *query,
           FdEmuMetricsCache        *cache,
           guint64                   position,
           gboolean                  first,
           GString                  *out)
{
  guint hours = query->hourly ? 24 : 1;
  guint64 per_bucket = (guint64)query->obj_count * hours;
  guint bucket = (guint)(position / per_bucket);
  guint o = (guint)((position % per_bucket) / hours);
  int hour = query->hourly ? (int)(position % hours) : -1;
  FdEmuObject *object = object_at (query, o);
  int start = query->since + (query->increment ? (int)bucket * query->increment : 0);
  int stop = query->increment ? MIN (start + query->increment - 1, query->until) : query->until;
  FdEmuMetrics m;
  char day[11];
  gboolean delivered;

  if (query->n_ranges > 0)
    start = query->range_since[bucket], stop = query->range_until[bucket];

  if (object != NULL && object->created_us > fd_emu_metrics_cache_get_now (cache))
    return FALSE;
  if (start > stop)
    return FALSE;

  if (query->hourly && start == stop)
    delivered = fd_emu_metrics_hour (cache, query->account, object, start, hour, &m);
  else if (query->hourly)
    delivered = FALSE;  /* hourly rows are only made per day */
  else if (start == stop)
    delivered = fd_emu_metrics_day (cache, query->account, object, start, &m);
  else
    delivered = fd_emu_metrics_range (cache, query->account, object, start, stop, &m);

  if (!delivered)
    return FALSE;

  g_string_append (out, first ? "{" : ",{");
  write_ids (out, query, object);
  write_metrics (out, query, &m);

  fd_emu_day_format (start, day);
  member_string (out, "date_start", day);
  fd_emu_day_format (stop, day);
  member_string (out, "date_stop", day);
  if (query->hourly)
    {
      char range[32];

      g_snprintf (range, sizeof range, "%02d:00:00 - %02d:59:59", hour, hour);
      member_string (out, "hourly_stats_aggregated_by_advertiser_time_zone", range);
    }

  /* Every member wrote a trailing comma; the last one must go. */
  g_string_truncate (out, out->len - 1);
  g_string_append_c (out, '}');
  return TRUE;
}

/**
 * fd_emu_insights_write_page:
 * @start: the first position to consider
 * @out: where the rows go, comma-separated objects
 * @first_row: (out): the position of the first row written
 * @last_row: (out): the position of the last row written
 * @resume: (out): where the next page starts, or G_MAXUINT64 at the end
 *
 * Returns: how many rows were written
 */
guint
fd_emu_insights_write_page (const FdEmuInsightsQuery *query,
                            FdEmuMetricsCache        *cache,
                            guint64                   start,
                            GString                  *out,
                            guint64                  *first_row,
                            guint64                  *last_row,
                            guint64                  *resume)
{
  guint64 end = fd_emu_insights_count_positions (query);
  guint rows = 0;
  guint64 position;

  *first_row = *last_row = start;
  for (position = start; position < end && rows < query->limit; position++)
    if (write_row (query, cache, position, rows == 0, out))
      {
        if (rows == 0)
          *first_row = position;
        *last_row = position;
        rows++;
      }

  /* Look ahead so the last page has no "next", as Meta's has none. */
  while (position < end)
    {
      g_autoptr(GString) probe = g_string_new (NULL);

      if (write_row (query, cache, position, TRUE, probe))
        break;
      position++;
    }

  *resume = position < end ? position : G_MAXUINT64;
  return rows;
}
