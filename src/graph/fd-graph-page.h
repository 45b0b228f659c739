/* fd-graph-page.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-graph-row.h"

G_BEGIN_DECLS

/**
 * FdGraphPage:
 *
 * A page of an edge read, {"data": [...], "paging": {...}}, scanned in
 * place: the whole body is checked to be well-formed JSON, the rows are
 * located and their members indexed, but no JSON tree is built. Pages of
 * insights are the bulk of a sync, and building a tree of hash tables for
 * each row costs several times more than the rest of storing it.
 * Anything of another shape is left to json-glib.
 */
typedef struct _FdGraphPage FdGraphPage;

FdGraphPage *fd_graph_page_scan        (GBytes          *body);
void         fd_graph_page_free        (FdGraphPage     *self);
gboolean     fd_graph_page_has_error   (FdGraphPage     *self);
guint        fd_graph_page_get_n_rows  (FdGraphPage     *self);
const char  *fd_graph_page_get_next    (FdGraphPage     *self);
const char  *fd_graph_page_get_after   (FdGraphPage     *self);
gboolean     fd_graph_page_foreach_row (FdGraphPage     *self,
                                        FdGraphRowFunc   func,
                                        gpointer         user_data,
                                        GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdGraphPage, fd_graph_page_free)

G_END_DECLS
