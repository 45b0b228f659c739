/* fd-graph-triage-executor.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-graph"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-graph-connect.h"
#include "fd-graph-error.h"
#include "fd-graph-triage-executor.h"
#include "fd-graph-util.h"
#include "fd-insights-store.h"

/* Triage's hands on Meta: FdTriageExecutor over the Graph client. Pause and
 * resume are status writes, budget changes daily_budget writes in the
 * account currency's minor unit, and read_object asks for an object's
 * status and budget (before a retry, and to confirm a change).
 *
 * Calls come from worker threads (a triage run, an approval), possibly
 * several at once. The executor keeps no connection to the workspace:
 * each call reads the account's row with a connection of its own, and
 * keeps one Graph client per account (FdGraphClient is thread-safe) until
 * Meta says its token is no longer good. */

struct _FdGraphTriageExecutor
{
  GObject       parent_instance;

  char         *db_path;
  char         *cache_dir;
  FdTokenStore *tokens;

  GMutex        lock;
  GHashTable   *clients;   /* account id → FdGraphClient */
};

static void fd_graph_triage_executor_iface_init (FdTriageExecutorInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FdGraphTriageExecutor, fd_graph_triage_executor, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (FD_TYPE_TRIAGE_EXECUTOR,
                                                      fd_graph_triage_executor_iface_init))

static FdGraphClient *
dup_client (FdGraphTriageExecutor  *self,
            const char             *account_id,
            GError                **error)
{
  g_autoptr(FdStore) store = NULL;
  g_autoptr(FdAdAccount) account = NULL;
  FdGraphClient *client;

  g_mutex_lock (&self->lock);
  client = g_hash_table_lookup (self->clients, account_id);
  if (client != NULL)
    g_object_ref (client);
  g_mutex_unlock (&self->lock);

  if (client != NULL)
    return client;

  if (!(store = fd_store_open (self->db_path, FD_STORE_OPEN_DEFAULT, error)) ||
      !(account = fd_insights_store_get_account (store, account_id, error)) ||
      !(client = fd_graph_connect (account, self->tokens, self->cache_dir, error)))
    return NULL;

  g_mutex_lock (&self->lock);
  g_hash_table_replace (self->clients, g_strdup (account_id), g_object_ref (client));
  g_mutex_unlock (&self->lock);

  return client;
}

/* Meta's message already says what to do ("Reconnect the account …",
 * "Try again in an hour"); this adds what was being done. A token Meta no
 * longer accepts is not used again: the next call reads the token store,
 * where a reconnected account's new token is. */
static void
explain (FdGraphTriageExecutor  *self,
         const char             *account_id,
         const char             *doing,
         GError                **error)
{
  if (g_error_matches (*error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_RECONNECT))
    fd_graph_triage_executor_forget (self, account_id);

  g_prefix_error (error, "%s", doing);
}

static gboolean
fd_graph_triage_executor_set_status (FdTriageExecutor  *executor,
                                     const char        *account_id,
                                     const char        *object_id,
                                     FdRuleLevel        level,
                                     FdObjectStatus     status,
                                     GCancellable      *cancellable,
                                     GError           **error)
{
  FdGraphTriageExecutor *self = FD_GRAPH_TRIAGE_EXECUTOR (executor);
  g_autoptr(FdGraphClient) client = NULL;
  gboolean pause = status == FD_OBJECT_STATUS_PAUSED;

  if (!(client = dup_client (self, account_id, error)) ||
      !fd_graph_client_set_status (client, object_id, pause ? "PAUSED" : "ACTIVE", cancellable, error))
    {
      explain (self, account_id, pause ? _("Meta did not pause it: ") : _("Meta did not resume it: "),
               error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
fd_graph_triage_executor_set_daily_budget (FdTriageExecutor  *executor,
                                           const char        *account_id,
                                           const char        *object_id,
                                           FdRuleLevel        level,
                                           gint64             minor_units,
                                           GCancellable      *cancellable,
                                           GError           **error)
{
  FdGraphTriageExecutor *self = FD_GRAPH_TRIAGE_EXECUTOR (executor);
  g_autoptr(FdGraphClient) client = NULL;

  if (!(client = dup_client (self, account_id, error)) ||
      !fd_graph_client_set_budget (client, object_id, FD_GRAPH_BUDGET_DAILY, minor_units,
                                   cancellable, error))
    {
      explain (self, account_id, _("Meta did not change the daily budget: "), error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
fd_graph_triage_executor_read_object (FdTriageExecutor  *executor,
                                      const char        *account_id,
                                      const char        *object_id,
                                      FdRuleLevel        level,
                                      FdObjectState     *state,
                                      GCancellable      *cancellable,
                                      GError           **error)
{
  FdGraphTriageExecutor *self = FD_GRAPH_TRIAGE_EXECUTOR (executor);
  g_autoptr(FdGraphClient) client = NULL;
  g_autoptr(FdGraphParams) params = fd_graph_params_new ();
  g_autoptr(FdGraphResponse) response = NULL;
  JsonObject *object;
  const char *status;

  fd_graph_params_set (params, "fields", "id,status,effective_status,daily_budget");

  if (!(client = dup_client (self, account_id, error)) ||
      !(response = fd_graph_client_call (client, "GET", object_id, params, cancellable, error)))
    {
      explain (self, account_id, _("Meta could not be asked about it: "), error);
      return FALSE;
    }

  object = fd_graph_response_get_object (response);
  status = object ? fd_graph_json_get_string (object, "status") : NULL;
  if (status == NULL)
    {
      g_set_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_MALFORMED_RESPONSE,
                   _("Meta answered without the status of %s."), object_id);
      return FALSE;
    }

  state->status = g_strdup (status);
  state->effective_status = g_strdup (fd_graph_json_get_string (object, "effective_status"));
  /* Budgets come as strings of minor units; "0" or none means no daily
   * budget of its own. */
  state->daily_budget = fd_graph_json_get_int (object, "daily_budget") > 0
                        ? fd_graph_json_get_int (object, "daily_budget") : -1;
  return TRUE;
}

static void
fd_graph_triage_executor_iface_init (FdTriageExecutorInterface *iface)
{
  iface->set_status = fd_graph_triage_executor_set_status;
  iface->set_daily_budget = fd_graph_triage_executor_set_daily_budget;
  iface->read_object = fd_graph_triage_executor_read_object;
}

static void
fd_graph_triage_executor_finalize (GObject *object)
{
  FdGraphTriageExecutor *self = (FdGraphTriageExecutor *)object;

  g_free (self->db_path);
  g_free (self->cache_dir);
  g_clear_object (&self->tokens);
  g_hash_table_unref (self->clients);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (fd_graph_triage_executor_parent_class)->finalize (object);
}

static void
fd_graph_triage_executor_class_init (FdGraphTriageExecutorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fd_graph_triage_executor_finalize;
}

static void
fd_graph_triage_executor_init (FdGraphTriageExecutor *self)
{
  g_mutex_init (&self->lock);
  self->clients = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

/**
 * fd_graph_triage_executor_new:
 * @workspace: the workspace whose ad accounts it acts on; only its paths
 *   are kept
 * @tokens: where the accounts' tokens are
 *
 * Returns: (transfer full): an executor for fd_triage_engine_set_executor()
 *   and fd_triage_run()
 */
FdGraphTriageExecutor *
fd_graph_triage_executor_new (FdWorkspace  *workspace,
                              FdTokenStore *tokens)
{
  FdGraphTriageExecutor *self;

  g_return_val_if_fail (FD_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (FD_IS_TOKEN_STORE (tokens), NULL);

  self = g_object_new (FD_TYPE_GRAPH_TRIAGE_EXECUTOR, NULL);
  self->db_path = g_strdup (fd_workspace_get_db_path (workspace));
  self->cache_dir = fd_workspace_dup_cache_dir (workspace, NULL);
  self->tokens = g_object_ref (tokens);

  return self;
}

/**
 * fd_graph_triage_executor_forget:
 * @account_id: (nullable): one account, or %NULL for all
 *
 * Drops the Graph client of @account_id, so that the next call reads its
 * row and token again (after the account was reconnected or edited).
 */
void
fd_graph_triage_executor_forget (FdGraphTriageExecutor *self,
                                 const char            *account_id)
{
  g_return_if_fail (FD_IS_GRAPH_TRIAGE_EXECUTOR (self));

  g_mutex_lock (&self->lock);
  if (account_id != NULL)
    g_hash_table_remove (self->clients, account_id);
  else
    g_hash_table_remove_all (self->clients);
  g_mutex_unlock (&self->lock);
}
