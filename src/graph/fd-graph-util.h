/* fd-graph-util.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Reading Meta's JSON, where numbers arrive as strings, zero metrics are
 * left out and ids must stay strings; and keeping tokens out of text. */

gint64       fd_graph_json_get_int      (JsonObject          *object,
                                         const char          *member);
double       fd_graph_json_get_double   (JsonObject          *object,
                                         const char          *member);
const char  *fd_graph_json_get_string   (JsonObject          *object,
                                         const char          *member);
char        *fd_graph_json_dup_id       (JsonObject          *object,
                                         const char          *member);
gboolean     fd_graph_json_get_money    (JsonObject          *object,
                                         const char          *member,
                                         const char          *currency,
                                         gint64              *minor_out,
                                         GError             **error);
JsonNode    *fd_graph_json_find_action  (JsonObject          *object,
                                         const char          *list_member,
                                         const char * const  *action_types);
gint64       fd_graph_json_get_action_int (JsonObject        *object,
                                           const char        *list_member,
                                           const char * const *action_types);
gboolean     fd_graph_json_get_action_money (JsonObject      *object,
                                             const char      *list_member,
                                             const char * const *action_types,
                                             const char      *currency,
                                             gint64          *minor_out,
                                             GError         **error);
gint64       fd_graph_parse_time        (const char          *text);

char        *fd_graph_redact            (const char          *text,
                                         const char          *token);
char        *fd_graph_strip_query_param (const char          *url,
                                         const char          *name);

G_END_DECLS
