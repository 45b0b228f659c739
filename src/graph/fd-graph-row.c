/* fd-graph-row.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-graph"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-currency.h"
#include "fd-graph-error.h"
#include "fd-graph-row-private.h"
#include "fd-graph-util.h"

static int
hex_digit (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gunichar
read_hex4 (const char *p)
{
  gunichar value = 0;

  for (int i = 0; i < 4; i++)
    value = value * 16 + (gunichar)hex_digit (p[i]);

  return value;
}

/* Decodes a JSON string's contents (already validated by the scanner). */
static void
decode_span (const FdSpan *span,
             GString      *out)
{
  const char *p = span->start;
  const char *end = span->start + span->len;

  if (!span->escaped)
    {
      g_string_append_len (out, span->start, span->len);
      return;
    }

  while (p < end)
    {
      if (*p != '\\')
        {
          g_string_append_c (out, *p++);
          continue;
        }

      p++;
      switch (*p)
        {
        case 'b': g_string_append_c (out, '\b'); p++; break;
        case 'f': g_string_append_c (out, '\f'); p++; break;
        case 'n': g_string_append_c (out, '\n'); p++; break;
        case 'r': g_string_append_c (out, '\r'); p++; break;
        case 't': g_string_append_c (out, '\t'); p++; break;
        case 'u':
          {
            gunichar c = read_hex4 (p + 1);

            p += 5;
            if (c >= 0xD800 && c <= 0xDBFF && p + 6 <= end && p[0] == '\\' && p[1] == 'u')
              {
                gunichar low = read_hex4 (p + 2);

                if (low >= 0xDC00 && low <= 0xDFFF)
                  {
                    c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
                    p += 6;
                  }
              }
            if (c >= 0xD800 && c <= 0xDFFF)
              c = 0xFFFD;
            g_string_append_unichar (out, c);
            break;
          }
        default:  /* " \ / */
          g_string_append_c (out, *p++);
          break;
        }
    }
}

char *
_fd_span_dup (const FdSpan *span)
{
  GString *out = g_string_sized_new (span->len + 1);

  decode_span (span, out);
  return g_string_free (out, FALSE);
}

static gboolean
span_equal (const FdSpan *span,
            const char   *text)
{
  gsize len = strlen (text);

  return !span->escaped && span->len == len && memcmp (span->start, text, len) == 0;
}

/* The last member of that name wins, as in json-glib. */
static const FdRowMember *
find_member (FdGraphRow *row,
             const char *name)
{
  for (guint i = row->n_members; i > 0; i--)
    if (span_equal (&row->members[i - 1].name, name))
      return &row->members[i - 1];

  return NULL;
}

/* The text of a scalar, NUL-terminated, in @buffer when it fits. */
static const char *
span_text (const FdSpan *span,
           char         *buffer,
           gsize         size)
{
  if (span->escaped || span->len >= size)
    return NULL;

  memcpy (buffer, span->start, span->len);
  buffer[span->len] = '\0';
  return buffer;
}

static gint64
span_int (const FdSpan *span)
{
  char buffer[64];
  const char *text = span_text (span, buffer, sizeof buffer);
  char *end = NULL;
  gint64 value;

  if (text == NULL)
    return 0;

  value = g_ascii_strtoll (text, &end, 10);
  if (end != NULL && (*end == '.' || *end == 'e' || *end == 'E'))
    value = (gint64)g_ascii_strtod (text, NULL);
  return value;
}

static gboolean
span_money (const FdSpan  *span,
            const char    *currency,
            gint64        *minor_out,
            GError       **error)
{
  char buffer[64];
  const char *text = span_text (span, buffer, sizeof buffer);

  if (text != NULL && strpbrk (text, "eE") == NULL &&
      fd_currency_parse_wire (currency, text, minor_out, NULL))
    return TRUE;

  g_set_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_MALFORMED_RESPONSE,
               _("Meta sent an amount of money that is not a number."));
  return FALSE;
}

/**
 * fd_graph_row_get_string:
 *
 * Returns: (nullable): the member if it is a string, valid as long as the
 *   row is
 */
const char *
fd_graph_row_get_string (FdGraphRow *row,
                         const char *member)
{
  const FdRowMember *found;
  g_autoptr(GString) decoded = NULL;

  if (row->object != NULL)
    return fd_graph_json_get_string (row->object, member);

  found = find_member (row, member);
  if (found == NULL || found->kind != ROW_VALUE_STRING)
    return NULL;

  decoded = g_string_sized_new (found->value.len + 1);
  decode_span (&found->value, decoded);
  return g_string_chunk_insert_len (row->scratch, decoded->str, decoded->len);
}

gboolean
fd_graph_row_has (FdGraphRow *row,
                  const char *member)
{
  if (row->object != NULL)
    return json_object_has_member (row->object, member);

  return find_member (row, member) != NULL;
}

/**
 * fd_graph_row_get_int:
 *
 * Returns: the member as an integer from a numeric string or a number; 0
 *   when absent (Meta leaves zero metrics out)
 */
gint64
fd_graph_row_get_int (FdGraphRow *row,
                      const char *member)
{
  const FdRowMember *found;

  if (row->object != NULL)
    return fd_graph_json_get_int (row->object, member);

  found = find_member (row, member);
  if (found == NULL || (found->kind != ROW_VALUE_STRING && found->kind != ROW_VALUE_NUMBER))
    return 0;

  return span_int (&found->value);
}

double
fd_graph_row_get_double (FdGraphRow *row,
                         const char *member)
{
  const FdRowMember *found;
  char buffer[64];
  const char *text;

  if (row->object != NULL)
    return fd_graph_json_get_double (row->object, member);

  found = find_member (row, member);
  if (found == NULL || (found->kind != ROW_VALUE_STRING && found->kind != ROW_VALUE_NUMBER))
    return 0;

  text = span_text (&found->value, buffer, sizeof buffer);
  return text ? g_ascii_strtod (text, NULL) : 0;
}

/**
 * fd_graph_row_get_money:
 * @minor_out: (out): minor units; 0 when absent
 *
 * Returns: %FALSE with %FD_GRAPH_ERROR_MALFORMED_RESPONSE if the member is
 *   there but is not an amount
 */
gboolean
fd_graph_row_get_money (FdGraphRow  *row,
                        const char  *member,
                        const char  *currency,
                        gint64      *minor_out,
                        GError     **error)
{
  const FdRowMember *found;

  if (row->object != NULL)
    return fd_graph_json_get_money (row->object, member, currency, minor_out, error);

  *minor_out = 0;
  found = find_member (row, member);
  if (found == NULL)
    return TRUE;

  if (found->kind != ROW_VALUE_STRING && found->kind != ROW_VALUE_NUMBER)
    {
      g_set_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_MALFORMED_RESPONSE,
                   _("Meta sent an amount of money that is not a number."));
      return FALSE;
    }

  if (found->kind == ROW_VALUE_NUMBER && memchr (found->value.start, '.', found->value.len) == NULL)
    {
      /* A bare integer is major units, like the strings. */
      *minor_out = span_int (&found->value) * fd_currency_get_offset (currency);
      return TRUE;
    }

  return span_money (&found->value, currency, minor_out, error);
}

static const FdRowAction *
find_action (FdGraphRow         *row,
             const char         *list_member,
             const char * const *action_types)
{
  const FdRowMember *list = find_member (row, list_member);

  if (list == NULL || list->kind != ROW_VALUE_ACTIONS)
    return NULL;

  for (guint t = 0; action_types[t] != NULL; t++)
    for (guint i = 0; i < list->n_actions; i++)
      {
        const FdRowAction *action = &row->actions[list->first_action + i];

        if (span_equal (&action->type, action_types[t]))
          return action;
      }

  return NULL;
}

/**
 * fd_graph_row_get_action_int:
 * @action_types: the action types wanted, most preferred first
 *
 * Returns: the value of the most preferred action type in the list, 0
 *   when none is there
 */
gint64
fd_graph_row_get_action_int (FdGraphRow         *row,
                             const char         *list_member,
                             const char * const *action_types)
{
  const FdRowAction *action;

  if (row->object != NULL)
    return fd_graph_json_get_action_int (row->object, list_member, action_types);

  action = find_action (row, list_member, action_types);
  return action ? span_int (&action->value) : 0;
}

gboolean
fd_graph_row_get_action_money (FdGraphRow          *row,
                               const char          *list_member,
                               const char * const  *action_types,
                               const char          *currency,
                               gint64              *minor_out,
                               GError             **error)
{
  const FdRowAction *action;

  if (row->object != NULL)
    return fd_graph_json_get_action_money (row->object, list_member, action_types, currency,
                                           minor_out, error);

  *minor_out = 0;
  action = find_action (row, list_member, action_types);
  if (action == NULL)
    return TRUE;

  return span_money (&action->value, currency, minor_out, error);
}
