/* fd-triage-executor.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-triage"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-core-error.h"
#include "fd-triage-executor.h"

G_DEFINE_INTERFACE (FdTriageExecutor, fd_triage_executor, G_TYPE_OBJECT)

static void
fd_triage_executor_default_init (FdTriageExecutorInterface *iface)
{
}

static gboolean
check_result (gboolean   ok,
              GError   **error,
              GError    *local_error)
{
  if (ok)
    {
      g_clear_error (&local_error);
      return TRUE;
    }

  /* An implementation that fails must say why; never store a silent
   * failure in a decision. */
  if (local_error == NULL)
    g_set_error (&local_error, FD_CORE_ERROR, FD_CORE_ERROR_FAILED,
                 _("The ad platform refused the change without saying why."));
  g_propagate_error (error, local_error);
  return FALSE;
}

/**
 * fd_triage_executor_set_status:
 * @account_id: the object's ad account ("act_…")
 * @object_id: the campaign, ad set or ad
 * @level: which of those it is
 * @status: what to set
 *
 * Returns: %TRUE once the platform confirmed the change
 */
gboolean
fd_triage_executor_set_status (FdTriageExecutor  *self,
                               const char        *account_id,
                               const char        *object_id,
                               FdRuleLevel        level,
                               FdObjectStatus     status,
                               GCancellable      *cancellable,
                               GError           **error)
{
  FdTriageExecutorInterface *iface;
  GError *local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (FD_IS_TRIAGE_EXECUTOR (self), FALSE);
  g_return_val_if_fail (object_id != NULL, FALSE);

  iface = FD_TRIAGE_EXECUTOR_GET_IFACE (self);
  g_return_val_if_fail (iface->set_status != NULL, FALSE);

  ok = iface->set_status (self, account_id, object_id, level, status, cancellable, &local_error);
  return check_result (ok, error, local_error);
}

/**
 * fd_triage_executor_set_daily_budget:
 * @minor_units: the new daily budget, in the account currency's minor unit
 *
 * Returns: %TRUE once the platform confirmed the change
 */
gboolean
fd_triage_executor_set_daily_budget (FdTriageExecutor  *self,
                                     const char        *account_id,
                                     const char        *object_id,
                                     FdRuleLevel        level,
                                     gint64             minor_units,
                                     GCancellable      *cancellable,
                                     GError           **error)
{
  FdTriageExecutorInterface *iface;
  GError *local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (FD_IS_TRIAGE_EXECUTOR (self), FALSE);
  g_return_val_if_fail (object_id != NULL, FALSE);
  g_return_val_if_fail (minor_units > 0, FALSE);

  iface = FD_TRIAGE_EXECUTOR_GET_IFACE (self);
  g_return_val_if_fail (iface->set_daily_budget != NULL, FALSE);

  ok = iface->set_daily_budget (self, account_id, object_id, level, minor_units, cancellable, &local_error);
  return check_result (ok, error, local_error);
}

void
fd_object_state_clear (FdObjectState *state)
{
  g_clear_pointer (&state->status, g_free);
  g_clear_pointer (&state->effective_status, g_free);
  state->daily_budget = -1;
}

/**
 * fd_triage_executor_can_read:
 *
 * Returns: whether @self implements read_object
 */
gboolean
fd_triage_executor_can_read (FdTriageExecutor *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_EXECUTOR (self), FALSE);

  return FD_TRIAGE_EXECUTOR_GET_IFACE (self)->read_object != NULL;
}

/**
 * fd_triage_executor_read_object:
 * @state: (out caller-allocates): filled on success; clear it with
 *   fd_object_state_clear()
 *
 * Returns: %TRUE with @state filled, %FALSE with @error set (also when
 *   @self cannot read objects)
 */
gboolean
fd_triage_executor_read_object (FdTriageExecutor  *self,
                                const char        *account_id,
                                const char        *object_id,
                                FdRuleLevel        level,
                                FdObjectState     *state,
                                GCancellable      *cancellable,
                                GError           **error)
{
  FdTriageExecutorInterface *iface;
  GError *local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (FD_IS_TRIAGE_EXECUTOR (self), FALSE);
  g_return_val_if_fail (object_id != NULL, FALSE);
  g_return_val_if_fail (state != NULL, FALSE);

  state->status = NULL;
  state->effective_status = NULL;
  state->daily_budget = -1;

  iface = FD_TRIAGE_EXECUTOR_GET_IFACE (self);
  if (iface->read_object == NULL)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_ALLOWED,
                   _("This connection cannot read objects back from the ad platform."));
      return FALSE;
    }

  ok = iface->read_object (self, account_id, object_id, level, state, cancellable, &local_error);
  if (ok && state->status == NULL)
    {
      ok = FALSE;
      g_set_error (&local_error, FD_CORE_ERROR, FD_CORE_ERROR_FAILED,
                   _("The ad platform did not say what %s is now."), object_id);
    }
  if (!ok)
    fd_object_state_clear (state);
  return check_result (ok, error, local_error);
}
