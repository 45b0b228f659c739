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
