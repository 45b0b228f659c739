/* fd-placement-gate.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-placement.h"
#include "fd-placement-status.h"
#include "fd-store.h"
#include "fd-workspace.h"

G_BEGIN_DECLS

/* The placement approval gate: a version of a video or image that fails a
 * placement its brief requires cannot be approved, unless a required
 * reviewer of the round records an override for that version and
 * placement with a written reason (entity "placement_override"). The rule
 * itself is part of the state machine (fd-asset-rules.c); here is what the
 * asset page shows and how an override is recorded. */

/* The JSON recorded as an override's state in audit events. */
#define FD_PLACEMENT_OVERRIDE_SNAPSHOT_SQL \
  "SELECT json_object ('id', id, 'asset_id', asset_id, 'version', version, " \
  "'sha256', sha256, 'placement', placement, 'round', round, " \
  "'person_id', person_id, 'reason', reason, 'at_us', at_us) " \
  "FROM placement_override WHERE id = ?"

GPtrArray *fd_asset_get_placement_status      (FdStore             *store,
                                               gint64               asset_id,
                                               gint64               version,
                                               GError             **error);
gboolean   fd_asset_override_placement        (FdStore             *store,
                                               gint64               person_id,
                                               gint64               asset_id,
                                               gint64               version,
                                               FdPlacement          placement,
                                               const char          *reason,
                                               GError             **error);
void       fd_asset_override_placement_async  (FdWorkspace         *workspace,
                                               gint64               person_id,
                                               gint64               asset_id,
                                               gint64               version,
                                               FdPlacement          placement,
                                               const char          *reason,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean   fd_asset_override_placement_finish (FdWorkspace         *workspace,
                                               GAsyncResult        *result,
                                               GError             **error);

G_END_DECLS
