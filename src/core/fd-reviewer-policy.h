/* fd-reviewer-policy.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-asset-enums.h"
#include "fd-store.h"

G_BEGIN_DECLS

/* Who reviews each kind of asset: required reviewers, whose approval makes
 * an asset Approved, and optional ones, whose decisions are recorded but
 * decide nothing. An asset's list is frozen from the policy each time it
 * enters review. Every edit is audited (entity "policy", id = the kind). */

/* The JSON recorded as a kind's policy in audit events. */
#define FD_REVIEWER_POLICY_SNAPSHOT_SQL \
  "SELECT json_object ('kind', ?1, " \
  "'required', json ((SELECT json_group_array (person_id) FROM (SELECT person_id " \
  "  FROM reviewer_policy WHERE kind = ?1 AND required = 1 ORDER BY person_id))), " \
  "'optional', json ((SELECT json_group_array (person_id) FROM (SELECT person_id " \
  "  FROM reviewer_policy WHERE kind = ?1 AND required = 0 ORDER BY person_id))))"

gboolean   fd_reviewer_policy_set      (FdStore        *store,
                                        gint64          person_id,
                                        FdAssetKind     kind,
                                        const gint64   *required,
                                        guint           n_required,
                                        const gint64   *optional,
                                        guint           n_optional,
                                        GError        **error);
GPtrArray *fd_reviewer_policy_get      (FdStore        *store,
                                        FdAssetKind     kind,
                                        GError        **error);
gboolean   fd_reviewer_policy_may_edit (FdStore        *store,
                                        gint64          person_id,
                                        FdAssetKind     kind,
                                        GError        **error);

G_END_DECLS
