/* fd-triage-approval.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-triage"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-core-error.h"
#include "fd-ownership.h"
#include "fd-roster.h"
#include "fd-rulebook.h"
#include "fd-triage-private.h"

/* Who may decide a decision, and approving or dismissing it. */

static gboolean
is_named_approver (FdStore          *store,
                   FdTriageDecision *decision,
                   gint64            person_id)
{
  g_autoptr(GPtrArray) people = NULL;

  if (fd_triage_decision_get_approver (decision) == NULL)
    return FALSE;

  people = fd_rulebook_resolve_people (store, fd_triage_decision_get_approver (decision), NULL);
  for (guint i = 0; people != NULL && i < people->len; i++)
    if (fd_person_get_id (g_ptr_array_index (people, i)) == person_id)
      return TRUE;

  return FALSE;
}

/**
 * fd_triage_may_approve:
 *
 * A decision awaiting approval may be approved or dismissed only by the
 * person (or a holder of the role) its rule names, or by the owner (or
 * backup) of daily triage in the ownership matrix. A proposed decision,
 * below any threshold, by anyone on the roster.
 *
 * Returns: %TRUE if @person_id may decide, else %FALSE with @error saying
 *   who may
 */
gboolean
fd_triage_may_approve (FdStore           *store,
                       FdTriageDecision  *decision,
                       gint64             person_id,
                       GError           **error)
{
  g_autoptr(FdPerson) person = fd_roster_get (store, person_id, error);
  g_autoptr(FdOwnershipEntry) entry = NULL;
  FdPerson *owner;

  if (person == NULL)
    return FALSE;

  if (!fd_person_get_active (person))
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_ALLOWED,
                   _("%s is no longer active on the roster."), fd_person_get_name (person));
      return FALSE;
    }

  if (fd_triage_decision_get_state (decision) != FD_TRIAGE_STATE_AWAITING_APPROVAL ||
      is_named_approver (store, decision, person_id) ||
      fd_ownership_may_act (store, "triage.daily", person_id, NULL))
    return TRUE;

  entry = fd_ownership_get (store, "triage.daily", NULL);
  owner = entry ? fd_ownership_entry_get_owner (entry) : NULL;

  if (owner != NULL)
    g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_ALLOWED,
                 _("Decision %lld is above its rule’s approval threshold: only "
                   "“%s” or %s, who owns daily triage, may decide it."),
                 (long long)fd_triage_decision_get_id (decision), fd_triage_decision_get_approver (decision),
                 fd_person_get_name (owner));
  else
    g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_ALLOWED,
                 _("Decision %lld is above its rule’s approval threshold: only "
                   "“%s” may decide it."),
                 (long long)fd_triage_decision_get_id (decision), fd_triage_decision_get_approver (decision));
  return FALSE;
}

/* Approving carries out an open decision, or carries out again one that
 * failed or was interrupted; dismissing needs an open or failed one (an
 * interrupted one may have changed Meta: approve it to find out). */
static gboolean
check_state (FdTriageDecision  *decision,
             gboolean           approving,
             GError           **error)
{
  FdTriageState state = fd_triage_decision_get_state (decision);

  if (state == FD_TRIAGE_STATE_PROPOSED || state == FD_TRIAGE_STATE_AWAITING_APPROVAL ||
      state == FD_TRIAGE_STATE_FAILED || (approving && state == FD_TRIAGE_STATE_EXECUTING))
    return TRUE;

  if (state == FD_TRIAGE_STATE_EXECUTING)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_ALLOWED,
                   _("Decision %lld is being carried out, and may have changed the ad account "
                     "already; approve it again to finish it instead."),
                   (long long)fd_triage_decision_get_id (decision));
      return FALSE;
    }

  {
    g_autofree char *title = g_utf8_strdown (fd_triage_state_get_title (state), -1);

    g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_ALLOWED,
                 _("Decision %lld is %s already; only open decisions can be "
                   "approved or dismissed."),
                 (long long)fd_triage_decision_get_id (decision), title);
  }
  return FALSE;
}

/**
 * fd_triage_approve:
 * @person_id: who approves
 * @note: (nullable): anything they want on record
 *
 * Approves an open decision and carries it out through @executor; for a
 * failed decision, or one whose earlier attempt was interrupted, carries
 * it out again (without applying any change twice, see
 * fd_triage_execute()).
 *
 * Returns: %TRUE if it was carried out (check its state: an action may
 *   still have failed); %FALSE with @error if it could not be approved
 */
gboolean
fd_triage_approve (FdStore           *store,
                   gint64             decision_id,
                   gint64             person_id,
                   const char        *note,
                   FdTriageExecutor  *executor,
                   GCancellable      *cancellable,
                   GError           **error)
{
  g_autoptr(FdTriageDecision) decision = NULL;
  g_autofree char *actor = g_strdup_printf ("person:%" G_GINT64_FORMAT, person_id);

  g_return_val_if_fail (FD_IS_STORE (store), FALSE);

  if (!(decision = fd_triage_get_decision (store, decision_id, error)) ||
      !check_state (decision, TRUE, error) ||
      !fd_triage_may_approve (store, decision, person_id, error))
    return FALSE;

  return _fd_triage_execute_full (store, decision_id, actor, actor, note, executor, cancellable, error);
}

/**
 * fd_triage_dismiss:
 * @note: (nullable): why
 *
 * Decides against an open decision; nothing is carried out. The rule's
 * cooldown runs from the decision as usual.
 */
gboolean
fd_triage_dismiss (FdStore     *store,
                   gint64       decision_id,
                   gint64       person_id,
                   const char  *note,
                   GError     **error)
{
  g_autoptr(FdTriageDecision) decision = NULL;
  g_autoptr(FdMutation) mutation = NULL;
  g_autofree char *actor = g_strdup_printf ("person:%" G_GINT64_FORMAT, person_id);
  g_autofree char *before = NULL;
  g_auto(FdStmt) stmt = NULL;

  g_return_val_if_fail (FD_IS_STORE (store), FALSE);

  if (!(decision = fd_triage_get_decision (store, decision_id, error)) ||
      !check_state (decision, FALSE, error) ||
      !fd_triage_may_approve (store, decision, person_id, error) ||
      !(mutation = fd_mutation_begin (store, actor, error)))
    return FALSE;

  before = fd_store_query_text (store, FD_DECISION_SNAPSHOT_SQL, decision_id, error);
  stmt = fd_store_stmt (store,
                        "UPDATE triage_decision SET state = 'dismissed', decided_by = ?, "
                        "decided_us = ?, note = ? WHERE id = ? "
                        "AND state IN ('proposed', 'awaiting_approval', 'failed')",
                        error);
  if (stmt == NULL || before == NULL)
    return FALSE;

  fd_stmt_bind_text (stmt, 1, actor);
  sqlite3_bind_int64 (stmt, 2, fd_mutation_get_time (mutation));
  fd_stmt_bind_text (stmt, 3, note);
  sqlite3_bind_int64 (stmt, 4, decision_id);

  return fd_store_run (store, stmt, error) &&
         _fd_triage_record_row (mutation, "decision", decision_id, "dismiss", before,
                                FD_DECISION_SNAPSHOT_SQL, error) &&
         fd_mutation_commit (mutation, error);
}
