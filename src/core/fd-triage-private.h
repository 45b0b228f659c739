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

/* Carrying out one decision (fd-triage-execute.c records it; fd-triage-
 * intent.c talks to the ad platform). */
typedef struct
{
  FdRuleAction *action;       /* borrowed from the definition */
  gboolean      done;         /* carried out (or nothing was needed) */
  gboolean      attempted;
  char         *message;
} FdOutcome;

typedef struct
{
  FdTriageDecision *decision;
  FdRuleDef        *def;
  FdTriageState     state;        /* as read */
  char             *status;       /* meta_object's, as read */
  gint64            daily_budget;
  char             *currency;
  GArray           *outcomes;     /* FdOutcome, one per action */

  /* What is written to Meta: recorded before the first call */
  char             *intent_json;  /* as stored, or NULL */
  char             *want_status;  /* "PAUSED", "ACTIVE" or NULL */
  gint64            want_budget;  /* minor units, or 0 */
  gint64            from_budget;
  gboolean          resuming;     /* carried out before, outcome unknown */
  gboolean          began;        /* this attempt recorded "executing" */

  /* What changed, for meta_object */
  char             *new_status;
  gint64            new_budget;
  FdObjectState     confirmed;    /* read back from Meta after the change */
} FdExecution;

void     _fd_execution_clear          (FdExecution        *execution);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FdExecution, _fd_execution_clear)

gboolean _fd_triage_plan_intent       (FdStore            *store,
                                       FdExecution        *execution,
                                       GError            **error);
gboolean _fd_triage_begin_execution   (FdStore            *store,
                                       FdExecution        *execution,
                                       const char         *actor,
                                       const char         *decided_by,
                                       const char         *note,
                                       GError            **error);
void     _fd_triage_run_remote        (FdExecution        *execution,
                                       FdTriageExecutor   *executor,
                                       GCancellable       *cancellable);
const char *_fd_execution_label       (FdExecution        *execution);

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
