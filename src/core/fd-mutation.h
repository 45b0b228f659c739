/* fd-mutation.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "fd-store.h"

G_BEGIN_DECLS

/**
 * FdMutation:
 *
 * The one way workflow data changes. A mutation is a write transaction on a
 * store plus the audit events that describe it; it commits only if at least
 * one event was recorded, and the rows and their events land together or
 * not at all.
 *
 *   g_autoptr(FdMutation) m = fd_mutation_begin (store, actor, error);
 *   if (m == NULL)
 *     return FALSE;
 *   … write rows with fd_store_stmt () …
 *   if (!fd_mutation_record (m, "person", id, "create", NULL, after, error))
 *     return FALSE;
 *   return fd_mutation_commit (m, error);
 *
 * Dropping the mutation without committing rolls everything back. Mutations
 * nest: one begun inside another joins its transaction.
 */
typedef struct _FdMutation FdMutation;

FdMutation *fd_mutation_begin       (FdStore      *store,
                                     const char   *actor,
                                     GError      **error);
FdStore    *fd_mutation_get_store   (FdMutation   *self);
const char *fd_mutation_get_actor   (FdMutation   *self);
gint64      fd_mutation_get_time    (FdMutation   *self);
gboolean    fd_mutation_record      (FdMutation   *self,
                                     const char   *entity_type,
                                     const char   *entity_id,
                                     const char   *action,
                                     const char   *before_json,
                                     const char   *after_json,
                                     GError      **error);
gboolean    fd_mutation_record_node (FdMutation   *self,
                                     const char   *entity_type,
                                     const char   *entity_id,
                                     const char   *action,
                                     JsonNode     *before,
                                     JsonNode     *after,
                                     GError      **error);
gboolean    fd_mutation_commit      (FdMutation   *self,
                                     GError      **error);
void        fd_mutation_free        (FdMutation   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdMutation, fd_mutation_free)

G_END_DECLS
