/* fd-triage.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fd-store.h"
#include "fd-triage-decision.h"
#include "fd-triage-executor.h"
#include "fd-triage-notice.h"
#include "fd-triage-report.h"

G_BEGIN_DECLS

/* Triage: evaluating the enabled rules, recording what they decide, and
 * carrying decisions out. Synchronous; call it on a worker thread with a
 * store of that thread (FdTriageEngine does this for the app). */

/* The JSON recorded in audit events for what decisions lead to. */
#define FD_REPLACEMENT_SNAPSHOT_SQL \
  "SELECT json_object ('id', id, 'ad_id', ad_id, 'decision_id', decision_id, " \
  "'version_ids', json (version_ids), 'state', state, 'note', note) " \
  "FROM replacement_request WHERE id = ?"

#define FD_RETIREMENT_SNAPSHOT_SQL \
  "SELECT json_object ('id', id, 'object_id', object_id, 'level', level, 'reason', reason, " \
  "'rule_id', rule_id, 'rule_version', rule_version, 'decision_id', decision_id, " \
  "'metrics', json (metrics), 'note', note, 'retired_by', retired_by, 'retired_us', retired_us) " \
  "FROM retirement WHERE id = ?"

#define FD_NOTIFICATION_SNAPSHOT_SQL \
  "SELECT json_object ('id', id, 'decision_id', decision_id, 'kind', kind, " \
  "'recipient', recipient, 'person_id', person_id, 'message', message, 'read_us', read_us) " \
  "FROM triage_notification WHERE id = ?"

/**
 * FdTriageRunFlags:
 * @FD_TRIAGE_RUN_DEFAULT: record decisions and carry out those that need
 *   no approval
 * @FD_TRIAGE_RUN_DRY: evaluate only: write nothing, carry out nothing
 * @FD_TRIAGE_RUN_NO_EXECUTE: record decisions, carry out nothing (they
 *   stay proposed)
 */
typedef enum
{
  FD_TRIAGE_RUN_DEFAULT    = 0,
  FD_TRIAGE_RUN_DRY        = 1 << 0,
  FD_TRIAGE_RUN_NO_EXECUTE = 1 << 1,
} FdTriageRunFlags;

FdTriageReport   *fd_triage_run             (FdStore           *store,
                                             gint64             at,
                                             const char        *trigger,
                                             FdTriageRunFlags   flags,
                                             FdTriageExecutor  *executor,
                                             GCancellable      *cancellable,
                                             GError           **error);

gboolean          fd_triage_execute         (FdStore           *store,
                                             gint64             decision_id,
                                             const char        *actor,
                                             FdTriageExecutor  *executor,
                                             GCancellable      *cancellable,
                                             GError           **error);
gboolean          fd_triage_may_approve     (FdStore           *store,
                                             FdTriageDecision  *decision,
                                             gint64             person_id,
                                             GError           **error);
gboolean          fd_triage_approve         (FdStore           *store,
                                             gint64             decision_id,
                                             gint64             person_id,
                                             const char        *note,
                                             FdTriageExecutor  *executor,
                                             GCancellable      *cancellable,
                                             GError           **error);
gboolean          fd_triage_dismiss         (FdStore           *store,
                                             gint64             decision_id,
                                             gint64             person_id,
                                             const char        *note,
                                             GError           **error);

FdTriageDecision *fd_triage_get_decision    (FdStore           *store,
                                             gint64             decision_id,
                                             GError           **error);
GPtrArray        *fd_triage_list_decisions  (FdStore           *store,
                                             int                state,
                                             const char        *object_id,
                                             int                limit,
                                             GError           **error);
GPtrArray        *fd_triage_list_notices    (FdStore           *store,
                                             GError           **error);

gint64            fd_triage_compute_budget  (gint64             current_minor,
                                             const FdRuleAction *action,
                                             const char        *currency);
const char       *fd_triage_default_reason  (const FdRuleDef   *def);

G_END_DECLS
