/* fd-graph-util.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-graph"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "fd-currency.h"
#include "fd-graph-error.h"
#include "fd-graph-util.h"

static JsonNode *
value_member (JsonObject *object,
              const char *member)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;

  node = json_object_get_member (object, member);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  return node;
}

/**
 * fd_graph_json_get_int:
 *
 * Returns: the member as an integer, whether Meta sent a numeric string or
 *   a number; 0 when it is absent (Meta leaves zero metrics out) or not a
 *   number
 */
static gint64
node_to_int (JsonNode *node)
{
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      {
        const char *text = json_node_get_string (node);
        char *end = NULL;
        gint64 value = g_ascii_strtoll (text, &end, 10);

        /* "12.0" happens for counts in some reports. */
        if (end != NULL && (*end == '.' || *end == 'e' || *end == 'E'))
          value = (gint64)g_ascii_strtod (text, NULL);
        return value;
      }
    case G_TYPE_INT64:
      return json_node_get_int (node);
    case G_TYPE_DOUBLE:
      return (gint64)json_node_get_double (node);
    default:
      return 0;
    }
}

/**
 * fd_graph_json_get_int:
 *
 * Returns: the member as an integer, whether Meta sent a numeric string or
 *   a number; 0 when it is absent (Meta leaves zero metrics out) or not a
 *   number
 */
gint64
fd_graph_json_get_int (JsonObject *object,
                       const char *member)
{
  JsonNode *node = value_member (object, member);

  return node ? node_to_int (node) : 0;
}

double
fd_graph_json_get_double (JsonObject *object,
                          const char *member)
{
  JsonNode *node = value_member (object, member);

  if (node == NULL)
    return 0;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return g_ascii_strtod (json_node_get_string (node), NULL);
    case G_TYPE_INT64:
      return (double)json_node_get_int (node);
    case G_TYPE_DOUBLE:
      return json_node_get_double (node);
    default:
      return 0;
    }
}

/**
 * fd_graph_json_get_string:
 *
 * Returns: (nullable): the member if it is a string
 */
const char *
fd_graph_json_get_string (JsonObject *object,
                          const char *member)
{
  JsonNode *node = value_member (object, member);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/**
 * fd_graph_json_dup_id:
 *
 * Ids are strings on the wire, but a few documented samples print them as
 * bare numbers (report_run_id); both are accepted. A number above 2^53 has
 * already lost digits in any JSON parser, so prefer the string form.
 *
 * Returns: (transfer full) (nullable): the id as a string
 */
char *
fd_graph_json_dup_id (JsonObject *object,
                      const char *member)
{
  JsonNode *node = value_member (object, member);

  if (node == NULL)
    return NULL;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return g_strdup (json_node_get_string (node));
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    default:
      return NULL;
    }
}

static gboolean
node_to_minor (JsonNode    *node,
               const char  *currency,
               gint64      *minor_out,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (json_node_get_value_type (node) == G_TYPE_STRING)
    {
      if (fd_currency_parse_wire (currency, json_node_get_string (node), minor_out, &local_error))
        return TRUE;
    }
  else if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      *minor_out = json_node_get_int (node) * fd_currency_get_offset (currency);
      return TRUE;
    }
  else if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      char text[G_ASCII_DTOSTR_BUF_SIZE];

      /* Not what Meta documents; the shortest decimal that round-trips is
       * what the sender wrote. */
      g_ascii_dtostr (text, sizeof text, json_node_get_double (node));
      if (strchr (text, 'e') == NULL &&
          fd_currency_parse_wire (currency, text, minor_out, &local_error))
        return TRUE;
    }

  g_set_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_MALFORMED_RESPONSE,
               _("Meta sent an amount of money that is not a number."));
  return FALSE;
}

/**
 * fd_graph_json_get_money:
 * @member: a major-unit decimal string such as insights' "spend"
 * @currency: its currency
 * @minor_out: (out): the amount in minor units; 0 when absent
 *
 * Returns: %FALSE with %FD_GRAPH_ERROR_MALFORMED_RESPONSE if the member is
 *   there but is not an amount
 */
gboolean
fd_graph_json_get_money (JsonObject  *object,
                         const char  *member,
                         const char  *currency,
                         gint64      *minor_out,
                         GError     **error)
{
  JsonNode *node = value_member (object, member);

  *minor_out = 0;
  if (node == NULL)
    return TRUE;

  return node_to_minor (node, currency, minor_out, error);
}

/**
 * fd_graph_json_find_action:
 * @list_member: a list of AdsActionStats ("actions", "action_values" …)
 * @action_types: the action types wanted, most preferred first
 *
 * Returns: (transfer none) (nullable): the "value" of the first entry of
 *   the most preferred action type present
 */
JsonNode *
fd_graph_json_find_action (JsonObject         *object,
                           const char         *list_member,
                           const char * const *action_types)
{
  JsonNode *list_node = json_object_get_member (object, list_member);
  JsonArray *list;
  guint n;

  if (list_node == NULL || !JSON_NODE_HOLDS_ARRAY (list_node))
    return NULL;

  list = json_node_get_array (list_node);
  n = json_array_get_length (list);

  for (guint t = 0; action_types[t] != NULL; t++)
    for (guint i = 0; i < n; i++)
      {
        JsonNode *entry = json_array_get_element (list, i);
        JsonObject *stats;

        if (!JSON_NODE_HOLDS_OBJECT (entry))
          continue;

        stats = json_node_get_object (entry);
        if (g_strcmp0 (fd_graph_json_get_string (stats, "action_type"), action_types[t]) == 0)
          return value_member (stats, "value");
      }

  return NULL;
}

gint64
fd_graph_json_get_action_int (JsonObject         *object,
                              const char         *list_member,
                              const char * const *action_types)
{
  JsonNode *value = fd_graph_json_find_action (object, list_member, action_types);

  return value ? node_to_int (value) : 0;
}

gboolean
fd_graph_json_get_action_money (JsonObject          *object,
                                const char          *list_member,
                                const char * const  *action_types,
                                const char          *currency,
                                gint64              *minor_out,
                                GError             **error)
{
  JsonNode *value = fd_graph_json_find_action (object, list_member, action_types);

  *minor_out = 0;
  if (value == NULL)
    return TRUE;

  return node_to_minor (value, currency, minor_out, error);
}

/**
 * fd_graph_parse_time:
 * @text: an object time as Meta writes it: "2024-03-12T15:02:47-0700"
 *
 * Returns: UTC µs, or 0 if @text is %NULL or not a time
 */
gint64
fd_graph_parse_time (const char *text)
{
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *fixed = NULL;
  gsize len;

  if (text == NULL || *text == '\0')
    return 0;

  /* ISO 8601 wants a colon in the offset; Meta writes +hhmm. */
  len = strlen (text);
  if (len > 5 && (text[len - 5] == '+' || text[len - 5] == '-') &&
      g_ascii_isdigit (text[len - 4]) && g_ascii_isdigit (text[len - 1]))
    fixed = g_strdup_printf ("%.*s:%s", (int)(len - 2), text, text + len - 2);

  time = g_date_time_new_from_iso8601 (fixed ? fixed : text, NULL);
  return time ? g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time) : 0;
}

/**
 * fd_graph_redact:
 * @text: (nullable): any text: a message, a URL
 * @token: (nullable): a token that must not appear
 *
 * Returns: (transfer full): @text with @token and the value of every
 *   access_token or appsecret_proof parameter replaced by "[redacted]"
 */
char *
fd_graph_redact (const char *text,
                 const char *token)
{
  static const char * const params[] = { "access_token=", "appsecret_proof=", "input_token=" };
  GString *out;

  if (text == NULL)
    return NULL;

  out = g_string_new (text);
  if (token != NULL && strlen (token) >= 4)
    g_string_replace (out, token, "[redacted]", 0);

  for (guint i = 0; i < G_N_ELEMENTS (params); i++)
    {
      gsize from = 0;
      char *found;

      while ((found = strstr (out->str + from, params[i])) != NULL)
        {
          gsize start = (found - out->str) + strlen (params[i]);
          gsize end = start;

          while (end < out->len && !strchr ("&#\"' \t\n<>", out->str[end]))
            end++;

          g_string_erase (out, start, end - start);
          g_string_insert (out, start, "[redacted]");
          from = start + strlen ("[redacted]");
        }
    }

  return g_string_free (out, FALSE);
}

/**
 * fd_graph_strip_query_param:
 *
 * Returns: (transfer full): @url without the query parameter @name
 */
char *
fd_graph_strip_query_param (const char *url,
                            const char *name)
{
  const char *query = strchr (url, '?');
  g_auto(GStrv) parts = NULL;
  GString *out;
  gsize name_len = strlen (name);
  gboolean first = TRUE;

  if (query == NULL)
    return g_strdup (url);

  out = g_string_new_len (url, query - url);
  parts = g_strsplit (query + 1, "&", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0' ||
          (strncmp (parts[i], name, name_len) == 0 && parts[i][name_len] == '='))
        continue;

      g_string_append_c (out, first ? '?' : '&');
      g_string_append (out, parts[i]);
      first = FALSE;
    }

  return g_string_free (out, FALSE);
}
