/* fd-replacement-request.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-store.h"

G_BEGIN_DECLS

#define FD_TYPE_REPLACEMENT_REQUEST (fd_replacement_request_get_type ())

G_DECLARE_FINAL_TYPE (FdReplacementRequest, fd_replacement_request, FD, REPLACEMENT_REQUEST, GObject)

/* A request for a new creative for an ad, shown on the board: queued by a
 * rule's queue_replacement, with the asset versions the ad shows. States:
 * open → in_progress → done, or cancelled. Audited as "replacement". */

gint64        fd_replacement_request_get_id          (FdReplacementRequest *self);
const char   *fd_replacement_request_get_ad_id       (FdReplacementRequest *self);
const char   *fd_replacement_request_get_ad_name     (FdReplacementRequest *self);
gint64        fd_replacement_request_get_decision_id (FdReplacementRequest *self);
const gint64 *fd_replacement_request_get_version_ids (FdReplacementRequest *self,
                                                      guint                *n_versions);
const char   *fd_replacement_request_get_state       (FdReplacementRequest *self);
const char   *fd_replacement_request_get_note        (FdReplacementRequest *self);
gint64        fd_replacement_request_get_created     (FdReplacementRequest *self);

GPtrArray    *fd_replacement_request_list            (FdStore     *store,
                                                      const char  *state,
                                                      GError     **error);
gboolean      fd_replacement_request_set_state       (FdStore     *store,
                                                      const char  *actor,
                                                      gint64       request_id,
                                                      const char  *state,
                                                      GError     **error);

/* The asset versions that requests name: one row per request (r) and
 * version (v), for queries that add their own SELECT, conditions and
 * GROUP BY. A request whose version_ids is not valid JSON names nothing
 * rather than failing the query. */
#define FD_REPLACEMENT_VERSIONS_FROM \
  "FROM replacement_request r, " \
  "json_each (CASE WHEN json_valid (r.version_ids) THEN r.version_ids ELSE '[]' END) j " \
  "JOIN asset_version v ON v.id = j.value "

/* The same, for the open and in-progress requests only. */
#define FD_REPLACEMENT_OPEN_VERSIONS_FROM \
  FD_REPLACEMENT_VERSIONS_FROM "WHERE r.state IN ('open', 'in_progress') "

/* fd-replacement-request-asset.c: the requests that concern an asset. */
GPtrArray    *fd_replacement_request_list_for_asset  (FdStore     *store,
                                                      gint64       asset_id,
                                                      GError     **error);
char         *fd_replacement_request_describe        (FdStore              *store,
                                                      FdReplacementRequest *self,
                                                      GError              **error);
GHashTable   *fd_replacement_request_open_assets     (FdStore     *store,
                                                      GError     **error);
char         *fd_replacement_request_format          (const char  *rule,
                                                      const char  *ad);

G_END_DECLS
