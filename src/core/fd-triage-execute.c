/* fd-triage-execute.c
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
#include "fd-ownership.h"
#include "fd-roster.h"
#include "fd-rulebook.h"
#include "fd-triage-private.h"

/* Carrying decisions out, approving and dismissing them.
 *
 * Actions that change the ad account (pause, resume, budget) go through the
 * FdTriageExecutor, one call each, outside any transaction — a network call
 * must never hold the workspace's write lock. Before the first call the
 * decision is recorded as "executing" with what it writes
 * (fd-triage-intent.c), so that carrying it out again never applies a
 * change twice. Then one audited mutation records everything: the
 * decision's new state with a result per action, the retirement record of
 * a pause, the notifications, the replacement request, and the object's
 * status or budget in meta_object as Meta confirmed it (so the next run
 * judges the object as it now is, before the next sync). A decision is
 * executed when every action succeeded, failed when any did; the results
 * say which. When a change on Meta failed, the local actions (messages,
 * replacement requests) wait for the attempt that succeeds: nothing is
 * left half done. */

static void
clear_outcome (gpointer data)
{
  FdOutcome *outcome = data;

  g_free (outcome->message);
}

void
_fd_execution_clear (FdExecution *execution)
{
  g_clear_object (&execution->decision);
  g_clear_pointer (&execution->def, fd_rule_def_free);
  g_clear_pointer (&execution->status, g_free);
  g_clear_pointer (&execution->currency, g_free);
  g_clear_pointer (&execution->outcomes, g_array_unref);
  g_clear_pointer (&execution->intent_json, g_free);
  g_clear_pointer (&execution->want_status, g_free);
  g_clear_pointer (&execution->new_status, g_free);
  fd_object_state_clear (&execution->confirmed);
}

const char *
_fd_execution_label (FdExecution *execution)
{
  const char *name = fd_triage_decision_get_object_name (execution->decision);

  return name ? name : fd_triage_decision_get_object_id (execution->decision);
}

static gboolean
load_object (FdStore      *store,
             FdExecution  *execution,
             GError      **error)
{
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  stmt = fd_store_stmt (store,
                        "SELECT o.status, o.daily_budget, a.currency FROM meta_object o "
                        "JOIN ad_account a ON a.id = o.account_id WHERE o.id = ?",
                        error);
  if (stmt == NULL)
    return FALSE;

  fd_stmt_bind_text (stmt, 1, fd_triage_decision_get_object_id (execution->decision));
  if (!fd_store_step (store, stmt, &has_row, error))
    return FALSE;

  if (!has_row)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_FOUND,
                   _("%s is no longer in the workspace; the decision cannot be carried out."),
                   fd_triage_decision_get_object_id (execution->decision));
      return FALSE;
    }

  execution->status = fd_stmt_dup_text (stmt, 0);
  execution->daily_budget = sqlite3_column_type (stmt, 1) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 1);
  execution->currency = fd_stmt_dup_text (stmt, 2);
  return TRUE;
}

/* Open decisions, and those to carry out again: failed ones, and those
 * whose earlier attempt never recorded its outcome. */
static gboolean
may_carry_out (FdTriageState state)
{
  return state == FD_TRIAGE_STATE_PROPOSED || state == FD_TRIAGE_STATE_AWAITING_APPROVAL ||
         state == FD_TRIAGE_STATE_EXECUTING || state == FD_TRIAGE_STATE_FAILED;
}

static gboolean
prepare (FdStore      *store,
         gint64        decision_id,
         FdExecution  *execution,
         GError      **error)
{
  g_autoptr(FdRule) rule = NULL;

  if (!(execution->decision = fd_triage_get_decision (store, decision_id, error)))
    return FALSE;

  execution->state = fd_triage_decision_get_state (execution->decision);
  if (!may_carry_out (execution->state))
    {
      g_autofree char *title = g_utf8_strdown (fd_triage_state_get_title (execution->state), -1);

      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_ALLOWED,
                   _("Decision %lld is %s already."), (long long)decision_id, title);
      return FALSE;
    }

  if (!(rule = fd_rulebook_get_version (store, fd_triage_decision_get_rule_id (execution->decision),
                                        fd_triage_decision_get_rule_version (execution->decision),
                                        error)) ||
      !(execution->def = fd_rule_get_definition (rule, error)) ||
      !load_object (store, execution, error))
    return FALSE;

  execution->outcomes = g_array_new (FALSE, TRUE, sizeof (FdOutcome));
  g_array_set_clear_func (execution->outcomes, clear_outcome);
  for (guint i = 0; i < execution->def->actions->len; i++)
    {
      FdOutcome outcome = { g_ptr_array_index (execution->def->actions, i), FALSE, FALSE, NULL };

      g_array_append_val (execution->outcomes, outcome);
    }

  return TRUE;
}

/*
 * Local actions, inside the recording mutation
 */

static char *
describe_decision (FdExecution *execution)
{
  g_autofree char *actions = g_strjoinv (", ", (char **)fd_triage_decision_get_actions (execution->decision));

  return g_strdup_printf (_("Rule “%s” on %s “%s” (%s): %s"),
                          fd_triage_decision_get_rule_name (execution->decision),
                          fd_rule_level_get_title (fd_triage_decision_get_level (execution->decision)),
                          _fd_execution_label (execution), actions,
                          fd_triage_decision_get_explanation (execution->decision));
}

static gboolean
send_messages (FdMutation   *mutation,
               FdExecution  *execution,
               FdOutcome    *outcome,
               GError      **error)
{
  FdStore *store = fd_mutation_get_store (mutation);
  const char *kind = outcome->action->kind == FD_RULE_ACTION_ESCALATE ? "escalate" : "notify";
  const char *who = outcome->action->recipient;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *message = describe_decision (execution);
  g_autoptr(GString) names = g_string_new (NULL);

  outcome->attempted = TRUE;

  if (who != NULL)
    people = fd_rulebook_resolve_people (store, who, &local_error);
  else
    {
      /* A bare "notify" tells the owner of daily triage. */
      g_autoptr(FdOwnershipEntry) entry = fd_ownership_get (store, "triage.daily", &local_error);
      FdPerson *owner = entry ? fd_ownership_entry_get_owner (entry) : NULL;

      who = "triage.daily";
      people = g_ptr_array_new_with_free_func (g_object_unref);
      if (owner != NULL)
        g_ptr_array_add (people, g_object_ref (owner));
    }

  if (people == NULL || people->len == 0)
    {
      outcome->message = local_error != NULL
                         ? g_strdup (local_error->message)
                         : outcome->action->recipient != NULL
                         ? g_strdup_printf (_("nobody on the roster is “%s”; add someone with "
                                              "that role, or change the rule"), who)
                         : g_strdup (_("nobody owns daily triage, so there is nobody to notify; "
                                       "name an owner"));
      return TRUE;
    }

  for (guint i = 0; i < people->len; i++)
    {
      FdPerson *person = g_ptr_array_index (people, i);

      if (!_fd_triage_add_notification (mutation, fd_triage_decision_get_id (execution->decision),
                                        kind, who, fd_person_get_id (person), message, error))
        return FALSE;
      g_string_append_printf (names, "%s%s", i ? ", " : "", fd_person_get_name (person));
    }

  outcome->done = TRUE;
  outcome->message = g_strdup_printf (_("sent to %s"), names->str);
  return TRUE;
}

static gboolean
queue_replacement (FdMutation   *mutation,
                   FdExecution  *execution,
                   FdOutcome    *outcome,
                   GError      **error)
{
  FdStore *store = fd_mutation_get_store (mutation);
  const char *ad_id = fd_triage_decision_get_object_id (execution->decision);
  g_autofree char *note = describe_decision (execution);
  g_auto(FdStmt) open = NULL;
  g_auto(FdStmt) insert = NULL;
  gboolean has_row;

  outcome->attempted = TRUE;

  open = fd_store_stmt (store,
                        "SELECT id FROM replacement_request WHERE ad_id = ? "
                        "AND state IN ('open', 'in_progress') ORDER BY id LIMIT 1",
                        error);
  if (open == NULL)
    return FALSE;

  fd_stmt_bind_text (open, 1, ad_id);
  if (!fd_store_step (store, open, &has_row, error))
    return FALSE;

  if (has_row)
    {
      outcome->done = TRUE;
      outcome->message = g_strdup_printf (_("already requested (request %lld)"),
                                          (long long)(gint64)sqlite3_column_int64 (open, 0));
      return TRUE;
    }

  insert = fd_store_stmt (store,
                          "INSERT INTO replacement_request (ad_id, decision_id, version_ids, note, "
                          "created_us, created_by) "
                          "SELECT ?1, ?2, (SELECT json_group_array (version_id) FROM "
                          "(SELECT version_id FROM ad_creative_link WHERE ad_id = ?1 ORDER BY version_id)), "
                          "?3, ?4, ?5",
                          error);
  if (insert == NULL)
    return FALSE;

  fd_stmt_bind_text (insert, 1, ad_id);
  sqlite3_bind_int64 (insert, 2, fd_triage_decision_get_id (execution->decision));
  fd_stmt_bind_text (insert, 3, note);
  sqlite3_bind_int64 (insert, 4, fd_mutation_get_time (mutation));
  fd_stmt_bind_text (insert, 5, fd_mutation_get_actor (mutation));

  if (!fd_store_run (store, insert, error) ||
      !_fd_triage_record_row (mutation, "replacement", fd_store_get_last_insert_id (store),
                              "create", NULL, FD_REPLACEMENT_SNAPSHOT_SQL, error))
    return FALSE;

  outcome->done = TRUE;
  outcome->message = g_strdup_printf (_("replacement requested (request %lld)"),
                                      (long long)fd_store_get_last_insert_id (store));
  return TRUE;
}

static gboolean
record_retirement (FdMutation   *mutation,
                   FdExecution  *execution,
                   GError      **error)
{
  FdStore *store = fd_mutation_get_store (mutation);
  FdTriageDecision *decision = execution->decision;
  g_auto(FdStmt) stmt = NULL;

  stmt = fd_store_stmt (store,
                        "INSERT INTO retirement (object_id, level, reason, rule_id, rule_version, "
                        "decision_id, metrics, note, retired_by, retired_us) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        error);
  if (stmt == NULL)
    return FALSE;

  fd_stmt_bind_text (stmt, 1, fd_triage_decision_get_object_id (decision));
  fd_stmt_bind_text (stmt, 2, fd_rule_level_to_string (fd_triage_decision_get_level (decision)));
  fd_stmt_bind_text (stmt, 3, fd_triage_default_reason (execution->def));
  sqlite3_bind_int64 (stmt, 4, fd_triage_decision_get_rule_id (decision));
  sqlite3_bind_int (stmt, 5, fd_triage_decision_get_rule_version (decision));
  sqlite3_bind_int64 (stmt, 6, fd_triage_decision_get_id (decision));
  fd_stmt_bind_text (stmt, 7, fd_triage_decision_get_metrics_json (decision));
  fd_stmt_bind_text (stmt, 8, fd_triage_decision_get_explanation (decision));
  fd_stmt_bind_text (stmt, 9, fd_mutation_get_actor (mutation));
  sqlite3_bind_int64 (stmt, 10, fd_mutation_get_time (mutation));

  return fd_store_run (store, stmt, error) &&
         _fd_triage_record_row (mutation, "retirement", fd_store_get_last_insert_id (store),
                                "create", NULL, FD_RETIREMENT_SNAPSHOT_SQL, error);
}

/* The object as Meta confirmed it, else as the change made it. */
static gboolean
update_object (FdStore      *store,
               FdExecution  *execution,
               GError      **error)
{
  FdObjectState *confirmed = &execution->confirmed;
  g_auto(FdStmt) stmt = NULL;
  gint64 budget = execution->new_budget;

  if (execution->new_status == NULL && execution->new_budget <= 0)
    return TRUE;

  if (confirmed->status != NULL && confirmed->daily_budget > 0)
    budget = confirmed->daily_budget;

  stmt = fd_store_stmt (store,
                        "UPDATE meta_object SET status = coalesce (?1, status), "
                        "effective_status = coalesce (?2, CASE WHEN ?1 IS NULL THEN effective_status END), "
                        "daily_budget = CASE WHEN ?3 > 0 THEN ?3 ELSE daily_budget END WHERE id = ?4",
                        error);
  if (stmt == NULL)
    return FALSE;

  fd_stmt_bind_text (stmt, 1, confirmed->status ? confirmed->status : execution->new_status);
  fd_stmt_bind_text (stmt, 2, confirmed->status ? confirmed->effective_status : execution->new_status);
  sqlite3_bind_int64 (stmt, 3, budget);
  fd_stmt_bind_text (stmt, 4, fd_triage_decision_get_object_id (execution->decision));
  return fd_store_run (store, stmt, error);
}

static char *
results_json (FdExecution  *execution,
              const char  **first_error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *local_error = NULL;

  *first_error = NULL;
  json_builder_begin_array (builder);

  for (guint i = 0; i < execution->outcomes->len; i++)
    {
      FdOutcome *outcome = &g_array_index (execution->outcomes, FdOutcome, i);
      g_autofree char *text = fd_rule_action_to_string (outcome->action);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "action");
      json_builder_add_string_value (builder, text);
      json_builder_set_member_name (builder, "ok");
      json_builder_add_boolean_value (builder, outcome->done);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, outcome->message ? outcome->message : "");
      json_builder_end_object (builder);

      /* What failed on Meta is the decision's error, before what waited
       * for it. */
      if (!outcome->done && fd_rule_action_is_remote (outcome->action) && *first_error == NULL)
        *first_error = outcome->message;
      else if (!outcome->done && local_error == NULL)
        local_error = outcome->message;
    }

  if (*first_error == NULL)
    *first_error = local_error;

  json_builder_end_array (builder);
  return fd_json_builder_steal (builder);
}

static gboolean
finish_decision (FdMutation   *mutation,
                 FdExecution  *execution,
                 const char   *decided_by,
                 const char   *note,
                 GError      **error)
{
  FdStore *store = fd_mutation_get_store (mutation);
  gint64 id = fd_triage_decision_get_id (execution->decision);
  g_autofree char *before = fd_store_query_text (store, FD_DECISION_SNAPSHOT_SQL, id, error);
  const char *first_error = NULL;
  g_autofree char *results = results_json (execution, &first_error);
  g_auto(FdStmt) stmt = NULL;

  stmt = fd_store_stmt (store,
                        "UPDATE triage_decision SET state = ?, executed_us = ?, results = ?, error = ?, "
                        "decided_by = coalesce (?, decided_by), "
                        "decided_us = CASE WHEN ? IS NOT NULL THEN ? ELSE decided_us END, "
                        "note = coalesce (?, note) WHERE id = ? AND state = ?",
                        error);
  if (stmt == NULL || before == NULL)
    return FALSE;

  fd_stmt_bind_text (stmt, 1, first_error ? "failed" : "executed");
  sqlite3_bind_int64 (stmt, 2, fd_mutation_get_time (mutation));
  fd_stmt_bind_text (stmt, 3, results);
  fd_stmt_bind_text (stmt, 4, first_error);
  fd_stmt_bind_text (stmt, 5, decided_by);
  fd_stmt_bind_text (stmt, 6, decided_by);
  sqlite3_bind_int64 (stmt, 7, fd_mutation_get_time (mutation));
  fd_stmt_bind_text (stmt, 8, note);
  sqlite3_bind_int64 (stmt, 9, id);
  fd_stmt_bind_text (stmt, 10, fd_triage_state_to_string (execution->began ? FD_TRIAGE_STATE_EXECUTING
                                                                            : execution->state));

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

  return _fd_triage_record_row (mutation, "decision", id, first_error ? "fail" : "execute",
                                before, FD_DECISION_SNAPSHOT_SQL, error);
}

static const char *
remote_failure (FdExecution *execution)
{
  for (guint i = 0; i < execution->outcomes->len; i++)
    {
      FdOutcome *outcome = &g_array_index (execution->outcomes, FdOutcome, i);

      if (fd_rule_action_is_remote (outcome->action) && outcome->attempted && !outcome->done)
        return outcome->message;
    }

  return NULL;
}

/* Messages and replacement requests follow the change on Meta; when that
 * failed they wait for the attempt that succeeds. */
static gboolean
run_local_actions (FdMutation   *mutation,
                   FdExecution  *execution,
                   GError      **error)
{
  const char *failure = remote_failure (execution);

  for (guint i = 0; i < execution->outcomes->len; i++)
    {
      FdOutcome *outcome = &g_array_index (execution->outcomes, FdOutcome, i);

      if (fd_rule_action_is_remote (outcome->action))
        continue;

      if (failure != NULL)
        {
          g_free (outcome->message);
          outcome->message = g_strdup (_("not done: it waits for the change on Meta to succeed"));
          continue;
        }

      if (outcome->action->kind == FD_RULE_ACTION_QUEUE_REPLACEMENT)
        {
          if (!queue_replacement (mutation, execution, outcome, error))
            return FALSE;
        }
      else if (!send_messages (mutation, execution, outcome, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
record_outcome (FdStore      *store,
                FdExecution  *execution,
                const char   *actor,
                const char   *decided_by,
                const char   *note,
                GError      **error)
{
  g_autoptr(FdMutation) mutation = fd_mutation_begin (store, actor, error);
  gboolean paused = FALSE;

  if (mutation == NULL || !run_local_actions (mutation, execution, error))
    return FALSE;

  for (guint i = 0; i < execution->outcomes->len; i++)
    {
      FdOutcome *outcome = &g_array_index (execution->outcomes, FdOutcome, i);

      if (outcome->action->kind == FD_RULE_ACTION_PAUSE)
        paused = outcome->done && g_strcmp0 (execution->new_status, "PAUSED") == 0;
    }

  return (!paused || record_retirement (mutation, execution, error)) &&
         update_object (store, execution, error) &&
         finish_decision (mutation, execution, decided_by, note, error) &&
         fd_mutation_commit (mutation, error);
}

static gboolean
needs_executor (FdRuleDef *def)
{
  for (guint i = 0; i < def->actions->len; i++)
    if (fd_rule_action_is_remote (g_ptr_array_index (def->actions, i)))
      return TRUE;

  return FALSE;
}

/* Carries out a decision; @decided_by and @note are recorded with it when
 * a person approved it. */
gboolean
_fd_triage_execute_full (FdStore           *store,
                         gint64             decision_id,
                         const char        *actor,
                         const char        *decided_by,
                         const char        *note,
                         FdTriageExecutor  *executor,
                         GCancellable      *cancellable,
                         GError           **error)
{
  g_auto(FdExecution) execution = { 0 };

  execution.confirmed.daily_budget = -1;
  if (!prepare (store, decision_id, &execution, error))
    return FALSE;

  if (executor == NULL && needs_executor (execution.def))
    {
      g_autofree char *actions = g_strjoinv (", ", (char **)fd_triage_decision_get_actions (execution.decision));

      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_ALLOWED,
                   _("Decision %lld (%s) needs a connection to Meta, and none is "
                     "available here; it stays as it is."),
                   (long long)decision_id, actions);
      return FALSE;
    }

  if (executor != NULL)
    {
      if (!_fd_triage_plan_intent (store, &execution, error) ||
          !_fd_triage_begin_execution (store, &execution, actor, decided_by, note, error))
        return FALSE;
      _fd_triage_run_remote (&execution, executor, cancellable);
    }

  return record_outcome (store, &execution, actor, decided_by, note, error);
}

/**
 * fd_triage_execute:
 * @actor: who carries it out, for the audit log ("rule:3", "person:2")
 * @executor: (nullable): needed when the decision pauses, resumes or
 *   changes a budget
 *
 * Carries out a proposed or approved decision — or, again, one that failed
 * or whose earlier attempt never recorded its outcome (state executing):
 * then the values recorded before that attempt are written, and only
 * where Meta does not have them yet. Failing actions do not make this
 * fail: the decision ends up failed, with the reason in its results.
 *
 * Returns: %FALSE with @error set when the decision could not be carried
 *   out at all (not open any more, no executor, workspace error)
 */
gboolean
fd_triage_execute (FdStore           *store,
                   gint64             decision_id,
                   const char        *actor,
                   FdTriageExecutor  *executor,
                   GCancellable      *cancellable,
                   GError           **error)
{
  g_return_val_if_fail (FD_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);

  return _fd_triage_execute_full (store, decision_id, actor, NULL, NULL, executor, cancellable, error);
}

gboolean
_fd_triage_execute_pending (FdStore           *store,
                            GPtrArray         *pending,
                            FdTriageExecutor  *executor,
                            GCancellable      *cancellable,
                            FdTriageCounts    *counts,
                            GError           **error)
{
  gint64 started = g_get_monotonic_time ();

  for (guint i = 0; i < pending->len; i++)
    {
      FdPendingDecision *p = g_ptr_array_index (pending, i);
      g_autofree char *actor = NULL;

      if (fd_triage_decision_get_state (p->decision) != FD_TRIAGE_STATE_PROPOSED ||
          (p->remote && executor == NULL))
        continue;

      actor = g_strdup_printf ("rule:%" G_GINT64_FORMAT, fd_triage_decision_get_rule_id (p->decision));
      if (!fd_triage_execute (store, p->id, actor, executor, cancellable, error))
        return FALSE;
    }

  counts->execute_us += g_get_monotonic_time () - started;
  return TRUE;
}
