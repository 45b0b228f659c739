/* fd-triage-intent.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-triage"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-core-error.h"
#include "fd-currency.h"
#include "fd-json.h"
#include "fd-triage-private.h"

/* The part of carrying out a decision that changes the ad account, made
 * safe to repeat.
 *
 * Before the first call to Meta, the decision is recorded as "executing"
 * with its intent: the absolute values it writes ({"status": "PAUSED"},
 * {"daily_budget": 7000, "from": 10000}). Whatever happens next — the
 * process dies, Meta times out after applying the change, recording the
 * outcome fails — carrying the decision out again reuses that intent
 * instead of computing a new budget from one that may already have been
 * cut, and first asks Meta what the object is now: a change Meta already
 * has is not made again. */

/*
 * The intent
 */

static void
load_intent (FdExecution *execution)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;

  if (execution->intent_json == NULL ||
      !json_parser_load_from_data (parser, execution->intent_json, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return;

  object = json_node_get_object (json_parser_get_root (parser));
  execution->want_status = g_strdup (json_object_get_string_member_with_default (object, "status", NULL));
  execution->want_budget = json_object_get_int_member_with_default (object, "daily_budget", 0);
  execution->from_budget = json_object_get_int_member_with_default (object, "from", 0);
}

static char *
build_intent (FdExecution *execution)
{
  g_autoptr(JsonBuilder) builder = NULL;

  if (execution->want_status == NULL && execution->want_budget <= 0)
    return NULL;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  if (execution->want_status != NULL)
    {
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, execution->want_status);
    }
  if (execution->want_budget > 0)
    {
      json_builder_set_member_name (builder, "daily_budget");
      json_builder_add_int_value (builder, execution->want_budget);
      json_builder_set_member_name (builder, "from");
      json_builder_add_int_value (builder, execution->from_budget);
    }
  json_builder_end_object (builder);

  return fd_json_builder_steal (builder);
}

static void
plan_status (FdExecution *execution,
             FdOutcome   *outcome,
             const char  *wanted)
{
  if (execution->want_status != NULL)
    return;

  /* Nothing to do when the object is already so — unless this decision
   * was being carried out, when "already" may be our own earlier call:
   * then Meta is asked. */
  if (!execution->resuming && g_strcmp0 (execution->status, wanted) == 0)
    {
      outcome->attempted = outcome->done = TRUE;
      outcome->message = g_strdup (g_str_equal (wanted, "PAUSED") ? _("already paused")
                                                                  : _("already active"));
      return;
    }

  execution->want_status = g_strdup (wanted);
}

static void
plan_budget (FdExecution *execution,
             FdOutcome   *outcome)
{
  g_autofree char *before = NULL;
  gint64 next;

  if (execution->want_budget > 0)
    return;

  if (execution->daily_budget <= 0)
    {
      outcome->attempted = TRUE;
      outcome->message = g_strdup_printf (_("%s has no daily budget of its own (a lifetime budget, "
                                            "or its campaign’s budget)"),
                                          _fd_execution_label (execution));
      return;
    }

  next = fd_triage_compute_budget (execution->daily_budget, outcome->action, execution->currency);
  if (next == execution->daily_budget)
    {
      before = fd_currency_format (execution->currency, execution->daily_budget);
      outcome->attempted = outcome->done = TRUE;
      outcome->message = g_strdup_printf (_("daily budget stays %s: it is at the cap"), before);
      return;
    }

  execution->want_budget = next;
  execution->from_budget = execution->daily_budget;
}

/**
 * _fd_triage_plan_intent:
 *
 * Works out what the decision writes to Meta: the stored intent of an
 * earlier attempt where there is one, else from the object as it is in
 * the workspace. Actions that need no call (already paused, at the cap)
 * or cannot be made (no daily budget) are settled here.
 */
gboolean
_fd_triage_plan_intent (FdStore      *store,
                        FdExecution  *execution,
                        GError      **error)
{
  gint64 id = fd_triage_decision_get_id (execution->decision);

  execution->intent_json = fd_store_query_text (store, "SELECT intent FROM triage_decision WHERE id = ?",
                                                id, NULL);
  if ((execution->state == FD_TRIAGE_STATE_EXECUTING || execution->state == FD_TRIAGE_STATE_FAILED) &&
      execution->intent_json != NULL)
    {
      execution->resuming = TRUE;
      load_intent (execution);
    }

  for (guint i = 0; i < execution->outcomes->len; i++)
    {
      FdOutcome *outcome = &g_array_index (execution->outcomes, FdOutcome, i);

      switch (outcome->action->kind)
        {
        case FD_RULE_ACTION_PAUSE:
          plan_status (execution, outcome, "PAUSED");
          break;
        case FD_RULE_ACTION_RESUME:
          plan_status (execution, outcome, "ACTIVE");
          break;
        case FD_RULE_ACTION_BUDGET:
          plan_budget (execution, outcome);
          break;
        default:
          break;
        }
    }

  g_free (execution->intent_json);
  execution->intent_json = build_intent (execution);
  return TRUE;
}

/**
 * _fd_triage_begin_execution:
 *
 * Records the decision as "executing" with its intent, in an audited
 * mutation of its own, before anything is sent to Meta. Claims the
 * decision too: if it changed since it was read (someone else approved
 * or dismissed it), nothing is sent.
 */
gboolean
_fd_triage_begin_execution (FdStore      *store,
                            FdExecution  *execution,
                            const char   *actor,
                            const char   *decided_by,
                            const char   *note,
                            GError      **error)
{
  g_autoptr(FdMutation) mutation = NULL;
  g_autofree char *before = NULL;
  g_auto(FdStmt) stmt = NULL;
  gint64 id = fd_triage_decision_get_id (execution->decision);

  if (execution->intent_json == NULL)
    return TRUE;

  if (!(mutation = fd_mutation_begin (store, actor, error)) ||
      !(before = fd_store_query_text (store, FD_DECISION_SNAPSHOT_SQL, id, error)))
    return FALSE;

  stmt = fd_store_stmt (store,
                        "UPDATE triage_decision SET state = 'executing', intent = ?1, error = NULL, "
                        "decided_by = coalesce (?2, decided_by), "
                        "decided_us = CASE WHEN ?2 IS NOT NULL THEN ?3 ELSE decided_us END, "
                        "note = coalesce (?4, note) WHERE id = ?5 AND state = ?6",
                        error);
  if (stmt == NULL)
    return FALSE;

  fd_stmt_bind_text (stmt, 1, execution->intent_json);
  fd_stmt_bind_text (stmt, 2, decided_by);
  sqlite3_bind_int64 (stmt, 3, fd_mutation_get_time (mutation));
  fd_stmt_bind_text (stmt, 4, note);
  sqlite3_bind_int64 (stmt, 5, id);
  fd_stmt_bind_text (stmt, 6, fd_triage_state_to_string (execution->state));

  if (!fd_store_run (store, stmt, error))
    return FALSE;

  if (fd_store_get_changes (store) == 0)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_ALLOWED,
                   _("Decision %lld changed while it was being carried out here (someone else "
                     "approved or dismissed it); look at it again."),
                   (long long)id);
      return FALSE;
    }

  if (!_fd_triage_record_row (mutation, "decision", id, "begin", before, FD_DECISION_SNAPSHOT_SQL, error) ||
      !fd_mutation_commit (mutation, error))
    return FALSE;

  execution->began = TRUE;
  return TRUE;
}

/*
 * Talking to Meta
 */

typedef struct
{
  FdExecution      *execution;
  FdTriageExecutor *executor;
  GCancellable     *cancellable;
  FdObjectState     now;        /* Meta's state before writing, on a retry */
  gboolean          read_done;
  gboolean          read_ok;
} Remote;

/* On a retry, what Meta has now; read once. */
static gboolean
meta_now (Remote *remote)
{
  FdTriageDecision *decision = remote->execution->decision;
  g_autoptr(GError) error = NULL;

  if (!remote->execution->resuming || !fd_triage_executor_can_read (remote->executor))
    return FALSE;

  if (!remote->read_done)
    {
      remote->read_done = TRUE;
      remote->read_ok = fd_triage_executor_read_object (remote->executor,
                                                        fd_triage_decision_get_account_id (decision),
                                                        fd_triage_decision_get_object_id (decision),
                                                        fd_triage_decision_get_level (decision),
                                                        &remote->now, remote->cancellable, &error);
      if (!remote->read_ok)
        g_debug ("Could not read %s back before retrying: %s",
                 fd_triage_decision_get_object_id (decision), error->message);
    }

  return remote->read_ok;
}

static void
set_new_status (FdExecution *execution)
{
  g_free (execution->new_status);
  execution->new_status = g_strdup (execution->want_status);
}

static void
write_status (Remote    *remote,
              FdOutcome *outcome)
{
  FdExecution *execution = remote->execution;
  FdTriageDecision *decision = execution->decision;
  gboolean pause = g_str_equal (execution->want_status, "PAUSED");
  g_autoptr(GError) error = NULL;

  outcome->attempted = TRUE;

  if (meta_now (remote) && g_strcmp0 (remote->now.status, execution->want_status) == 0)
    {
      outcome->done = TRUE;
      outcome->message = g_strdup (pause ? _("paused (Meta had it paused already, from the earlier attempt)")
                                         : _("resumed (Meta had it active already, from the earlier attempt)"));
      set_new_status (execution);
      return;
    }

  if (!fd_triage_executor_set_status (remote->executor,
                                      fd_triage_decision_get_account_id (decision),
                                      fd_triage_decision_get_object_id (decision),
                                      fd_triage_decision_get_level (decision),
                                      pause ? FD_OBJECT_STATUS_PAUSED : FD_OBJECT_STATUS_ACTIVE,
                                      remote->cancellable, &error))
    {
      outcome->message = g_strdup (error->message);
      return;
    }

  outcome->done = TRUE;
  outcome->message = g_strdup (pause ? _("paused") : _("resumed"));
  set_new_status (execution);
}

static void
write_budget (Remote    *remote,
              FdOutcome *outcome)
{
  FdExecution *execution = remote->execution;
  FdTriageDecision *decision = execution->decision;
  g_autofree char *before = fd_currency_format (execution->currency, execution->from_budget);
  g_autofree char *after = fd_currency_format (execution->currency, execution->want_budget);
  g_autoptr(GError) error = NULL;

  outcome->attempted = TRUE;

  if (meta_now (remote) && remote->now.daily_budget == execution->want_budget)
    {
      outcome->done = TRUE;
      outcome->message = g_strdup_printf (_("daily budget %s → %s (Meta had it already, from the "
                                            "earlier attempt)"),
                                          before, after);
      execution->new_budget = execution->want_budget;
      return;
    }

  if (!fd_triage_executor_set_daily_budget (remote->executor,
                                            fd_triage_decision_get_account_id (decision),
                                            fd_triage_decision_get_object_id (decision),
                                            fd_triage_decision_get_level (decision),
                                            execution->want_budget, remote->cancellable, &error))
    {
      outcome->message = g_strdup (error->message);
      return;
    }

  outcome->done = TRUE;
  outcome->message = g_strdup_printf (_("daily budget %s → %s"), before, after);
  execution->new_budget = execution->want_budget;
}

/* After a change, what Meta now says goes into meta_object; a failed read
 * is no failure of the decision (the next sync brings it). */
static void
read_back (Remote *remote)
{
  FdExecution *execution = remote->execution;
  FdTriageDecision *decision = execution->decision;
  g_autoptr(GError) error = NULL;

  if ((execution->new_status == NULL && execution->new_budget <= 0) ||
      !fd_triage_executor_can_read (remote->executor))
    return;

  if (!fd_triage_executor_read_object (remote->executor,
                                       fd_triage_decision_get_account_id (decision),
                                       fd_triage_decision_get_object_id (decision),
                                       fd_triage_decision_get_level (decision),
                                       &execution->confirmed, remote->cancellable, &error))
    g_debug ("Could not read %s back after the change: %s",
             fd_triage_decision_get_object_id (decision), error->message);
}

/**
 * _fd_triage_run_remote:
 *
 * Makes the calls the intent asks for, one per action, outside any
 * transaction. A failing call fails its action (its message is kept for
 * the decision); the others still run.
 */
void
_fd_triage_run_remote (FdExecution      *execution,
                       FdTriageExecutor *executor,
                       GCancellable     *cancellable)
{
  Remote remote = { execution, executor, cancellable, { NULL, NULL, -1 }, FALSE, FALSE };

  for (guint i = 0; i < execution->outcomes->len; i++)
    {
      FdOutcome *outcome = &g_array_index (execution->outcomes, FdOutcome, i);

      if (outcome->attempted)
        continue;

      switch (outcome->action->kind)
        {
        case FD_RULE_ACTION_PAUSE:
        case FD_RULE_ACTION_RESUME:
          if (execution->want_status != NULL)
            write_status (&remote, outcome);
          break;
        case FD_RULE_ACTION_BUDGET:
          if (execution->want_budget > 0)
            write_budget (&remote, outcome);
          break;
        default:
          break;
        }
    }

  read_back (&remote);
  fd_object_state_clear (&remote.now);
}
