/* fd-graph-row.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-graph"

#include "config.h"

#include "fd-graph-row-private.h"
#include "fd-graph-util.h"

/* A row of a page is read with the same rules as any other object Meta
 * sends (fd-graph-util): numbers arrive as strings, missing metrics are
 * zero, money is in major units. The row type only keeps the callers of
 * fd_graph_response_foreach_row() away from json-glib's types. */

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
  return fd_graph_json_get_string (row->object, member);
}

gboolean
fd_graph_row_has (FdGraphRow *row,
                  const char *member)
{
  return json_object_has_member (row->object, member);
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
  return fd_graph_json_get_int (row->object, member);
}

double
fd_graph_row_get_double (FdGraphRow *row,
                         const char *member)
{
  return fd_graph_json_get_double (row->object, member);
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
  return fd_graph_json_get_money (row->object, member, currency, minor_out, error);
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
  return fd_graph_json_get_action_int (row->object, list_member, action_types);
}

gboolean
fd_graph_row_get_action_money (FdGraphRow          *row,
                               const char          *list_member,
                               const char * const  *action_types,
                               const char          *currency,
                               gint64              *minor_out,
                               GError             **error)
{
  return fd_graph_json_get_action_money (row->object, list_member, action_types, currency,
                                         minor_out, error);
}
