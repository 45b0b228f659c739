/* fd-triage-private.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-mutation.h"
#include "fd-triage.h"

G_BEGIN_DECLS

/* A decision made by a run, before and after it is recorded. */
typedef struct
{
  FdTriageDecision *decision;
  gint64            id;
  gboolean          remote;
} FdPendingDecision;

void     _fd_pending_decision_free   (FdPendingDecision  *pending);
gboolean _fd_triage_record           (FdStore            *store,
                                      gint64              at,
                                      const char         *trigger,
                                      gint64              started_us,
                                      GPtrArray          *pending,
                                      GPtrArray          *notices,
                                      FdTriageCounts     *counts,
                                      GError            **error);
gboolean _fd_triage_execute_pending  (FdStore            *store,
                                      GPtrArray          *pending,
                                      FdTriageExecutor   *executor,
                                      GCancellable       *cancellable,
                                      FdTriageCounts     *counts,
                                      GError            **error);

gboolean _fd_triage_execute_full      (FdStore            *store,
                                      gint64              decision_id,
                                      const char         *actor,
                                      const char         *decided_by,
                                      const char         *note,
                                      FdTriageExecutor   *executor,
                                      GCancellable       *cancellable,
                                      GError            **error);
gboolean _fd_triage_record_row        (FdMutation         *mutation,
                                      const char         *entity_type,
                                      gint64              id,
                                      const char         *action,
                                      const char         *before,
                                      const char         *snapshot_sql,
                                      GError            **error);
gboolean _fd_triage_add_notification (FdMutation         *mutation,
                                      gint64              decision_id,
                                      const char         *kind,
                                      const char         *recipient,
                                      gint64              person_id,
                                      const char         *message,
                                      GError            **error);

G_END_DECLS
