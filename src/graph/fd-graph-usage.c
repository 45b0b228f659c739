/* fd-graph-usage.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-graph"

#include "config.h"

#include <json-glib/json-glib.h>

#include "fd-graph-usage.h"

/* Every value of these headers is a JSON document in a string. */

static double
member_number (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return 0;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      return (double)json_node_get_int (node);
    case G_TYPE_DOUBLE:
      return json_node_get_double (node);
    case G_TYPE_STRING:
      return g_ascii_strtod (json_node_get_string (node), NULL);
    default:
      return 0;
    }
}

static void
note (FdGraphUsage *usage,
      double        pct,
      const char   *what,
      const char   *member)
{
  if (pct > usage->max_pct || usage->worst[0] == '\0')
    {
      usage->max_pct = MAX (usage->max_pct, pct);
      g_snprintf (usage->worst, sizeof usage->worst, "%s %s", what, member);
    }
}

static void
note_members (FdGraphUsage       *usage,
              JsonObject         *object,
              const char         *what,
              const char * const *members)
{
  for (guint i = 0; members[i] != NULL; i++)
    if (json_object_has_member (object, members[i]))
      note (usage, member_number (object, members[i]), what, members[i]);
}

static JsonNode *
parse_header (SoupMessageHeaders *headers,
              const char         *name)
{
  const char *value = soup_message_headers_get_one (headers, name);

  if (value == NULL)
    return NULL;

  return json_from_string (value, NULL);
}

static const char * const buc_members[] = { "call_count", "total_cputime", "total_time", NULL };

static void
parse_buc (FdGraphUsage       *usage,
           SoupMessageHeaders *headers)
{
  g_autoptr(JsonNode) root = parse_header (headers, "X-Business-Use-Case-Usage");
  JsonObjectIter iter;
  JsonNode *entries;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return;

  usage->present = TRUE;
  json_object_iter_init (&iter, json_node_get_object (root));
  while (json_object_iter_next (&iter, NULL, &entries))
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (entries))
        continue;

      array = json_node_get_array (entries);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *entry = json_array_get_element (array, i);
          JsonObject *object;
          const char *type;

          if (!JSON_NODE_HOLDS_OBJECT (entry))
            continue;

          object = json_node_get_object (entry);
          type = json_object_get_string_member_with_default (object, "type", "business use case");
          note_members (usage, object, type, buc_members);
          usage->regain_s = MAX (usage->regain_s,
                                 (gint64)(member_number (object, "estimated_time_to_regain_access") * 60));
        }
    }
}

static void
parse_flat (FdGraphUsage       *usage,
            SoupMessageHeaders *headers,
            const char         *header,
            const char         *what,
            const char * const *members)
{
  g_autoptr(JsonNode) root = parse_header (headers, header);

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return;

  usage->present = TRUE;
  note_members (usage, json_node_get_object (root), what, members);

  if (json_object_has_member (json_node_get_object (root), "reset_time_duration"))
    usage->reset_s = MAX (usage->reset_s,
                          (gint64)member_number (json_node_get_object (root), "reset_time_duration"));
}

/**
 * fd_graph_usage_parse:
 *
 * Reads the usage headers of a response into @usage.
 */
void
fd_graph_usage_parse (FdGraphUsage       *usage,
                      SoupMessageHeaders *headers)
{
  static const char * const app_members[] = { "call_count", "total_cputime", "total_time", NULL };
  static const char * const account_members[] = { "acc_id_util_pct", NULL };
  static const char * const insights_members[] = { "app_id_util_pct", "acc_id_util_pct", NULL };

  memset (usage, 0, sizeof *usage);
  if (headers == NULL)
    return;

  parse_buc (usage, headers);
  parse_flat (usage, headers, "X-App-Usage", "app", app_members);
  parse_flat (usage, headers, "X-Ad-Account-Usage", "ad account", account_members);
  parse_flat (usage, headers, "X-FB-Ads-Insights-Throttle", "insights", insights_members);
}

/**
 * fd_graph_usage_get_pacing_delay:
 *
 * How long to wait before the next call so as not to reach 100 %: nothing
 * below 75 %, then a delay that grows to a minute at 100 %, as long as Meta
 * says access takes to come back, or the ad account's reset time.
 *
 * Returns: the delay in microseconds
 */
gint64
fd_graph_usage_get_pacing_delay (const FdGraphUsage *usage)
{
  gint64 delay = 0;
  double pct = usage->max_pct;

  if (pct >= 100)
    delay = MAX (60, usage->reset_s) * G_USEC_PER_SEC;
  else if (pct >= 90)
    delay = (gint64)((10 + (pct - 90) * 5) * G_USEC_PER_SEC);
  else if (pct >= 75)
    delay = (gint64)((1 + (pct - 75) * 0.6) * G_USEC_PER_SEC);

  return MAX (delay, usage->regain_s * G_USEC_PER_SEC);
}
