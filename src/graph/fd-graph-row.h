/* fd-graph-row.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * FdGraphRow:
 *
 * One element of a page's "data" list, read the way Meta writes it:
 * numbers as strings, zero metrics left out, lists of AdsActionStats.
 * Valid only during the callback that received it.
 */
typedef struct _FdGraphRow FdGraphRow;

typedef gboolean (*FdGraphRowFunc) (FdGraphRow  *row,
                                    gpointer     user_data,
                                    GError     **error);

const char *fd_graph_row_get_string       (FdGraphRow         *row,
                                           const char         *member);
gboolean    fd_graph_row_has              (FdGraphRow         *row,
                                           const char         *member);
gint64      fd_graph_row_get_int          (FdGraphRow         *row,
                                           const char         *member);
double      fd_graph_row_get_double       (FdGraphRow         *row,
                                           const char         *member);
gboolean    fd_graph_row_get_money        (FdGraphRow         *row,
                                           const char         *member,
                                           const char         *currency,
                                           gint64             *minor_out,
                                           GError            **error);
gint64      fd_graph_row_get_action_int   (FdGraphRow         *row,
                                           const char         *list_member,
                                           const char * const *action_types);
gboolean    fd_graph_row_get_action_money (FdGraphRow         *row,
                                           const char         *list_member,
                                           const char * const *action_types,
                                           const char         *currency,
                                           gint64             *minor_out,
                                           GError            **error);

G_END_DECLS
