/* fd-json.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-json"

#include "config.h"

#include <math.h>

#include "fd-json.h"

/* JSON text with numbers as a person reads them. json-glib 1.6 prints
 * doubles with 17 significant digits (31.2 comes out as
 * 31.199999999999999); metrics are read by people, so doubles are printed
 * here in the shortest form that reads back as the same number. The layout
 * of pretty output follows json-glib's. */

static void print_node (GString *out, JsonNode *node, gboolean pretty, guint depth);

static void
print_string (GString    *out,
              const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      guchar c = (guchar)*p;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20 || c == 0x7f)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char)c);
        }
    }
  g_string_append_c (out, '"');
}

static void
print_double (GString *out,
              double   value)
{
  static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      g_string_append (out, "null");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buffer, sizeof buffer, formats[i], value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }

  g_string_append (out, buffer);

  /* Keep it a number JSON readers take for a double, as json-glib does. */
  if (strpbrk (buffer, ".eEn") == NULL && fabs (value) >= 1e15)
    g_string_append (out, ".0");
}

static void
indent (GString  *out,
        gboolean  pretty,
        guint     depth)
{
  if (!pretty)
    return;

  g_string_append_c (out, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

static void
print_value (GString  *out,
             JsonNode *node)
{
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
      break;
    case G_TYPE_DOUBLE:
      print_double (out, json_node_get_double (node));
      break;
    case G_TYPE_BOOLEAN:
      g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
      break;
    case G_TYPE_STRING:
      print_string (out, json_node_get_string (node));
      break;
    default:
      g_string_append (out, "null");
      break;
    }
}

static void
print_node (GString  *out,
            JsonNode *node,
            gboolean  pretty,
            guint     depth)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);

        if (members == NULL)
          {
            g_string_append (out, "{}");
            break;
          }

        g_string_append_c (out, '{');
        for (GList *l = members; l; l = l->next)
          {
            indent (out, pretty, depth + 1);
            print_string (out, l->data);
            g_string_append (out, pretty ? " : " : ":");
            print_node (out, json_object_get_member (object, l->data), pretty, depth + 1);
            if (l->next)
              g_string_append_c (out, ',');
          }
        indent (out, pretty, depth);
        g_string_append_c (out, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        if (n == 0)
          {
            g_string_append (out, "[]");
            break;
          }

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            indent (out, pretty, depth + 1);
            print_node (out, json_array_get_element (array, i), pretty, depth + 1);
            if (i + 1 < n)
              g_string_append_c (out, ',');
          }
        indent (out, pretty, depth);
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_VALUE:
      print_value (out, node);
      break;

    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

/**
 * fd_json_to_string:
 * @pretty: indented, one member per line (json-glib's layout)
 *
 * Returns: (transfer full): @node as JSON text
 */
char *
fd_json_to_string (JsonNode *node,
                   gboolean  pretty)
{
  GString *out = g_string_new (NULL);

  if (node == NULL)
    g_string_append (out, "null");
  else
    print_node (out, node, pretty, 0);

  return g_string_free (out, FALSE);
}

/**
 * fd_json_builder_steal:
 *
 * Returns: (transfer full): the builder's root as compact JSON text
 */
char *
fd_json_builder_steal (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  return fd_json_to_string (root, FALSE);
}

/**
 * fd_json_builder_add_time:
 * @us: UTC µs, or 0 for none
 *
 * Adds @member as an ISO 8601 UTC time ("2026-03-10T13:20:00Z"), or null.
 */
void
fd_json_builder_add_time (JsonBuilder *builder,
                          const char  *member,
                          gint64       us)
{
  json_builder_set_member_name (builder, member);
  if (us > 0)
    {
      g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (us / G_USEC_PER_SEC);
      g_autofree char *text = g_date_time_format_iso8601 (time);

      json_builder_add_string_value (builder, text);
    }
  else
    json_builder_add_null_value (builder);
}
