/* fd-ownership.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-ownership-entry.h"
#include "fd-store.h"

G_BEGIN_DECLS

/* The ownership matrix: who owns each stage transition of the workspace.
 *
 * Transition keys:
 *   brief.submit                 brief submission (stage 1 → 2)
 *   creative.approve.<kind>      creative approval per asset kind: video,
 *                                image, headline, primary-text, script
 *   launch                       launch sign-off (owner, and a backup)
 *   triage.daily                 daily performance triage
 *   report.weekly                weekly reporting and learning capture
 */

/* The JSON recorded as an ownership entry's state in audit events. */
#define FD_OWNERSHIP_SNAPSHOT_SQL \
  "SELECT json_object ('transition', transition, 'owner_id', owner_id, " \
  "'backup_id', backup_id) FROM ownership WHERE transition = ?"

const char * const *fd_ownership_get_transitions     (void);
gboolean            fd_ownership_is_transition       (const char   *transition);
const char         *fd_ownership_get_transition_title (const char  *transition);

gboolean            fd_ownership_set                 (FdStore      *store,
                                                      const char   *actor,
                                                      const char   *transition,
                                                      gint64        owner_id,
                                                      gint64        backup_id,
                                                      GError      **error);
gboolean            fd_ownership_clear               (FdStore      *store,
                                                      const char   *actor,
                                                      const char   *transition,
                                                      GError      **error);
FdOwnershipEntry   *fd_ownership_get                 (FdStore      *store,
                                                      const char   *transition,
                                                      GError      **error);
GPtrArray          *fd_ownership_list                (FdStore      *store,
                                                      GError      **error);
gboolean            fd_ownership_may_act             (FdStore      *store,
                                                      const char   *transition,
                                                      gint64        person_id,
                                                      GError      **error);

G_END_DECLS
