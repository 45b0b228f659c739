/* fd-triage-decision.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "fd-rule-syntax.h"

G_BEGIN_DECLS

/**
 * FdTriageState:
 * @FD_TRIAGE_STATE_PROPOSED: made, not carried out yet (no connection to
 *   Meta was available, or the run was told not to execute)
 * @FD_TRIAGE_STATE_AWAITING_APPROVAL: above the rule's approval threshold;
 *   waits for the named approver or the triage owner
 * @FD_TRIAGE_STATE_EXECUTED: every action was carried out
 * @FD_TRIAGE_STATE_FAILED: at least one action failed (see the results)
 * @FD_TRIAGE_STATE_DISMISSED: a person decided against it
 * @FD_TRIAGE_STATE_EXECUTING: being carried out: what is written to Meta
 *   was recorded before the first call; a decision left in this state (the
 *   process died, or recording the outcome failed) is carried out again
 *   by approving it, which first compares with what Meta has
 */
typedef enum
{
  FD_TRIAGE_STATE_PROPOSED,
  FD_TRIAGE_STATE_AWAITING_APPROVAL,
  FD_TRIAGE_STATE_EXECUTED,
  FD_TRIAGE_STATE_FAILED,
  FD_TRIAGE_STATE_DISMISSED,
  FD_TRIAGE_STATE_EXECUTING,
} FdTriageState;

/* The JSON recorded as a decision's state in audit events. */
#define FD_DECISION_SNAPSHOT_SQL \
  "SELECT json_object ('id', id, 'rule_id', rule_id, 'rule_version', rule_version, " \
  "'object_id', object_id, 'level', level, 'evaluated_us', evaluated_us, " \
  "'metrics', json (metrics), 'estimates', json (estimates), 'explanation', explanation, " \
  "'actions', json (actions), " \
  "'state', state, 'approver', approver, 'stake', stake, 'decided_by', decided_by, " \
  "'decided_us', decided_us, 'executed_us', executed_us, 'results', json (results), " \
  "'error', error, 'note', note, 'intent', json (intent)) FROM triage_decision WHERE id = ?"

#define FD_TYPE_TRIAGE_DECISION (fd_triage_decision_get_type ())

G_DECLARE_FINAL_TYPE (FdTriageDecision, fd_triage_decision, FD, TRIAGE_DECISION, GObject)

const char         *fd_triage_state_to_string          (FdTriageState     state);
FdTriageState       fd_triage_state_from_string        (const char       *text);
const char         *fd_triage_state_get_title          (FdTriageState     state);

gint64              fd_triage_decision_get_id          (FdTriageDecision *self);
gint64              fd_triage_decision_get_rule_id     (FdTriageDecision *self);
const char         *fd_triage_decision_get_rule_name   (FdTriageDecision *self);
int                 fd_triage_decision_get_rule_version (FdTriageDecision *self);
const char         *fd_triage_decision_get_object_id   (FdTriageDecision *self);
const char         *fd_triage_decision_get_object_name (FdTriageDecision *self);
FdRuleLevel         fd_triage_decision_get_level       (FdTriageDecision *self);
const char         *fd_triage_decision_get_account_id  (FdTriageDecision *self);
const char         *fd_triage_decision_get_currency    (FdTriageDecision *self);
gint64              fd_triage_decision_get_evaluated_at (FdTriageDecision *self);
FdTriageState       fd_triage_decision_get_state       (FdTriageDecision *self);
const char         *fd_triage_decision_get_metrics_json (FdTriageDecision *self);
JsonObject         *fd_triage_decision_get_metrics     (FdTriageDecision *self);
const char         *fd_triage_decision_get_explanation (FdTriageDecision *self);
const char * const *fd_triage_decision_get_actions     (FdTriageDecision *self);
const char * const *fd_triage_decision_get_estimates   (FdTriageDecision *self);
const char         *fd_triage_decision_get_approver    (FdTriageDecision *self);
gint64              fd_triage_decision_get_stake       (FdTriageDecision *self);
const char         *fd_triage_decision_get_decided_by  (FdTriageDecision *self);
gint64              fd_triage_decision_get_decided_at  (FdTriageDecision *self);
gint64              fd_triage_decision_get_executed_at (FdTriageDecision *self);
const char         *fd_triage_decision_get_results_json (FdTriageDecision *self);
const char         *fd_triage_decision_get_error       (FdTriageDecision *self);
const char         *fd_triage_decision_get_note        (FdTriageDecision *self);

void                fd_triage_decision_to_json         (FdTriageDecision *self,
                                                        JsonBuilder      *builder);

/* Used by the triage engine to build decisions. */
typedef struct
{
  gint64         id;
  gint64         rule_id;
  const char    *rule_name;
  int            rule_version;
  const char    *object_id;
  const char    *object_name;
  FdRuleLevel    level;
  const char    *account_id;
  const char    *currency;
  gint64         evaluated_at;
  FdTriageState  state;
  const char    *metrics_json;
  const char    *explanation;
  const char   **actions;
  const char   **estimates;
  const char    *approver;
  gint64         stake;
  const char    *decided_by;
  gint64         decided_at;
  gint64         executed_at;
  const char    *results_json;
  const char    *error;
  const char    *note;
} FdTriageDecisionFields;

FdTriageDecision   *fd_triage_decision_new             (const FdTriageDecisionFields *fields);

G_END_DECLS
