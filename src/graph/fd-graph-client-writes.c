/* fd-graph-client-writes.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-graph"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-graph-client.h"
#include "fd-graph-error.h"

/* FdGraphClient's writes (status, budgets) and the asynchronous variants
 * of its calls, all on top of fd_graph_client_call(). */

/*
 * Writes
 */

static gboolean
expect_success (FdGraphResponse  *response,
                GError          **error)
{
  JsonObject *object = fd_graph_response_get_object (response);
  JsonNode *success = object ? json_object_get_member (object, "success") : NULL;

  if (success != NULL && JSON_NODE_HOLDS_VALUE (success) &&
      json_node_get_value_type (success) == G_TYPE_BOOLEAN && json_node_get_boolean (success))
    return TRUE;

  g_set_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_MALFORMED_RESPONSE,
               _("Meta did not confirm the change."));
  return FALSE;
}

/**
 * fd_graph_client_set_status:
 * @object_id: a campaign, ad set or ad
 * @status: "ACTIVE", "PAUSED", "ARCHIVED" or "DELETED"
 *
 * Returns: %TRUE once Meta confirmed the change
 */
gboolean
fd_graph_client_set_status (FdGraphClient  *self,
                            const char     *object_id,
                            const char     *status,
                            GCancellable   *cancellable,
                            GError        **error)
{
  static const char * const statuses[] = { "ACTIVE", "PAUSED", "ARCHIVED", "DELETED", NULL };
  g_autoptr(FdGraphParams) params = NULL;
  g_autoptr(FdGraphResponse) response = NULL;

  g_return_val_if_fail (FD_IS_GRAPH_CLIENT (self), FALSE);
  g_return_val_if_fail (object_id != NULL, FALSE);

  if (status == NULL || !g_strv_contains (statuses, status))
    {
      g_set_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_INVALID_REQUEST,
                   _("“%s” is not a status Meta accepts: use ACTIVE, PAUSED, ARCHIVED or DELETED."),
                   status ? status : "");
      return FALSE;
    }

  params = fd_graph_params_new ();
  fd_graph_params_set (params, "status", status);
  response = fd_graph_client_call (self, "POST", object_id, params, cancellable, error);

  return response != NULL && expect_success (response, error);
}

/**
 * fd_graph_client_set_budget:
 * @object_id: an ad set, or a campaign with a campaign budget
 * @minor_units: the budget in the minor unit of the account's currency
 *   (2500 = €25.00, but ¥2,500)
 *
 * Meta allows four budget changes per ad set and hour; the fifth fails
 * with %FD_GRAPH_ERROR_BUDGET_LIMIT (613/1487632), which is not retried.
 *
 * Returns: %TRUE once Meta confirmed the change
 */
gboolean
fd_graph_client_set_budget (FdGraphClient  *self,
                            const char     *object_id,
                            FdGraphBudget   kind,
                            gint64          minor_units,
                            GCancellable   *cancellable,
                            GError        **error)
{
  g_autoptr(FdGraphParams) params = NULL;
  g_autoptr(FdGraphResponse) response = NULL;

  g_return_val_if_fail (FD_IS_GRAPH_CLIENT (self), FALSE);
  g_return_val_if_fail (object_id != NULL, FALSE);

  if (minor_units <= 0)
    {
      g_set_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_INVALID_REQUEST,
                   _("A budget must be more than zero."));
      return FALSE;
    }

  params = fd_graph_params_new ();
  fd_graph_params_set_int (params, kind == FD_GRAPH_BUDGET_DAILY ? "daily_budget" : "lifetime_budget",
                           minor_units);
  response = fd_graph_client_call (self, "POST", object_id, params, cancellable, error);

  return response != NULL && expect_success (response, error);
}

/*
 * Asynchronous variants
 */

typedef struct
{
  char          *method;
  char          *path;
  FdGraphParams *params;
  char          *status;
  FdGraphBudget  budget_kind;
  gint64         amount;
} AsyncCall;

static void
async_call_free (AsyncCall *call)
{
  g_free (call->method);
  g_free (call->path);
  g_clear_pointer (&call->params, fd_graph_params_unref);
  g_free (call->status);
  g_free (call);
}

static void
call_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  AsyncCall *call = task_data;
  GError *error = NULL;
  FdGraphResponse *response;

  response = fd_graph_client_call (source_object, call->method, call->path, call->params,
                                   cancellable, &error);
  if (response == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, response, g_object_unref);
}

/**
 * fd_graph_client_call_async:
 *
 * fd_graph_client_call() on a worker thread.
 */
void
fd_graph_client_call_async (FdGraphClient       *self,
                            const char          *method,
                            const char          *path,
                            FdGraphParams       *params,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AsyncCall *call;

  g_return_if_fail (FD_IS_GRAPH_CLIENT (self));

  call = g_new0 (AsyncCall, 1);
  call->method = g_strdup (method);
  call->path = g_strdup (path);
  call->params = params ? fd_graph_params_copy (params) : NULL;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fd_graph_client_call_async);
  g_task_set_task_data (task, call, (GDestroyNotify)async_call_free);
  g_task_run_in_thread (task, call_thread);
}

/**
 * fd_graph_client_call_finish:
 *
 * Returns: (transfer full): the response, or %NULL with @error set
 */
FdGraphResponse *
fd_graph_client_call_finish (FdGraphClient  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
status_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  AsyncCall *call = task_data;
  GError *error = NULL;

  if (fd_graph_client_set_status (source_object, call->path, call->status, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * fd_graph_client_set_status_async:
 *
 * fd_graph_client_set_status() on a worker thread.
 */
void
fd_graph_client_set_status_async (FdGraphClient       *self,
                                  const char          *object_id,
                                  const char          *status,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AsyncCall *call;

  g_return_if_fail (FD_IS_GRAPH_CLIENT (self));

  call = g_new0 (AsyncCall, 1);
  call->path = g_strdup (object_id);
  call->status = g_strdup (status);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fd_graph_client_set_status_async);
  g_task_set_task_data (task, call, (GDestroyNotify)async_call_free);
  g_task_run_in_thread (task, status_thread);
}

gboolean
fd_graph_client_set_status_finish (FdGraphClient  *self,
                                   GAsyncResult   *result,
                                   GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
budget_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  AsyncCall *call = task_data;
  GError *error = NULL;

  if (fd_graph_client_set_budget (source_object, call->path, call->budget_kind, call->amount,
                                  cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
set_budget_async (FdGraphClient       *self,
                  const char          *object_id,
                  FdGraphBudget        kind,
                  gint64               minor_units,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AsyncCall *call;

  call = g_new0 (AsyncCall, 1);
  call->path = g_strdup (object_id);
  call->budget_kind = kind;
  call->amount = minor_units;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, set_budget_async);
  g_task_set_task_data (task, call, (GDestroyNotify)async_call_free);
  g_task_run_in_thread (task, budget_thread);
}

/**
 * fd_graph_client_set_daily_budget_async:
 * @minor_units: the new daily budget in minor units
 *
 * fd_graph_client_set_budget() for daily_budget, on a worker thread;
 * finish with fd_graph_client_set_budget_finish().
 */
void
fd_graph_client_set_daily_budget_async (FdGraphClient       *self,
                                        const char          *object_id,
                                        gint64               minor_units,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (FD_IS_GRAPH_CLIENT (self));
  set_budget_async (self, object_id, FD_GRAPH_BUDGET_DAILY, minor_units,
                    cancellable, callback, user_data);
}

/**
 * fd_graph_client_set_lifetime_budget_async:
 *
 * Like fd_graph_client_set_daily_budget_async(), for lifetime_budget.
 */
void
fd_graph_client_set_lifetime_budget_async (FdGraphClient       *self,
                                           const char          *object_id,
                                           gint64               minor_units,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_return_if_fail (FD_IS_GRAPH_CLIENT (self));
  set_budget_async (self, object_id, FD_GRAPH_BUDGET_LIFETIME, minor_units,
                    cancellable, callback, user_data);
}

gboolean
fd_graph_client_set_budget_finish (FdGraphClient  *self,
                                   GAsyncResult   *result,
                                   GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
