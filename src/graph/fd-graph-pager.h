/* fd-graph-pager.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-graph-client.h"

G_BEGIN_DECLS

#define FD_TYPE_GRAPH_PAGER (fd_graph_pager_get_type ())

G_DECLARE_FINAL_TYPE (FdGraphPager, fd_graph_pager, FD, GRAPH_PAGER, GObject)

/* Reads an edge page by page, following paging.next until it is absent
 * (paging.cursors.after is there on the last page too, so it proves
 * nothing). A pager can start after a saved cursor, which is how an
 * interrupted sync resumes. Blocking: use it on a worker thread. */

FdGraphPager    *fd_graph_pager_new       (FdGraphClient  *client,
                                           const char     *path,
                                           FdGraphParams  *params,
                                           const char     *after);
void             fd_graph_pager_start_prefetch (FdGraphPager *self,
                                                guint         depth,
                                                GCancellable *cancellable);
FdGraphResponse *fd_graph_pager_next      (FdGraphPager   *self,
                                           GCancellable   *cancellable,
                                           GError        **error);
gboolean         fd_graph_pager_is_done   (FdGraphPager   *self);
const char      *fd_graph_pager_get_after (FdGraphPager   *self);
guint            fd_graph_pager_get_pages (FdGraphPager   *self);

G_END_DECLS
