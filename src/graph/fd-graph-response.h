/* fd-graph-response.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "fd-graph-row.h"
#include "fd-graph-usage.h"

G_BEGIN_DECLS

#define FD_TYPE_GRAPH_RESPONSE (fd_graph_response_get_type ())

G_DECLARE_FINAL_TYPE (FdGraphResponse, fd_graph_response, FD, GRAPH_RESPONSE, GObject)

/* A parsed Graph API answer: its HTTP status, its JSON (json-glib), the
 * usage headers and, for an error envelope, the error it describes. Read
 * the rows of a page with fd_graph_response_foreach_row(). */

FdGraphResponse    *fd_graph_response_parse      (guint                status,
                                                  SoupMessageHeaders  *headers,
                                                  GBytes              *body,
                                                  GError             **error);
guint               fd_graph_response_get_status (FdGraphResponse     *self);
JsonNode           *fd_graph_response_get_root   (FdGraphResponse     *self);
JsonObject         *fd_graph_response_get_object (FdGraphResponse     *self);
JsonArray          *fd_graph_response_get_data   (FdGraphResponse     *self);
gboolean            fd_graph_response_is_page    (FdGraphResponse     *self);
guint               fd_graph_response_get_n_rows (FdGraphResponse     *self);
gboolean            fd_graph_response_foreach_row (FdGraphResponse    *self,
                                                   FdGraphRowFunc      func,
                                                   gpointer            user_data,
                                                   GError            **error);
const char         *fd_graph_response_get_next   (FdGraphResponse     *self);
const char         *fd_graph_response_get_after  (FdGraphResponse     *self);
const FdGraphUsage *fd_graph_response_get_usage  (FdGraphResponse     *self);
gboolean            fd_graph_response_has_error  (FdGraphResponse     *self);
GError             *fd_graph_response_dup_error  (FdGraphResponse     *self,
                                                  const char          *token,
                                                  const char          *permission_hint);

G_END_DECLS
