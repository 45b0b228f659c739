/* fd-graph-demo.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-graph"

#include "config.h"

#include "fd-graph-connect.h"
#include "fd-graph-demo.h"
#include "fd-graph-emulator.h"
#include "fd-insights-store.h"

static char *
ensure_token (FdTokenStore  *tokens,
              const char    *account_id,
              GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  char *token;

  token = fd_token_store_lookup (tokens, FD_SECRET_TOKEN, account_id, FD_GRAPH_EMULATOR_URL_SCHEME,
                                 NULL, &local_error);
  if (token != NULL)
    return token;

  /* The emulator behind "emulator:" takes any token; a random one keeps
   * the habit of never reusing secrets. */
  token = g_strdup_printf ("EAADemo%08x%08x", g_random_int (), g_random_int ());
  if (!fd_token_store_save (tokens, FD_SECRET_TOKEN, account_id, FD_GRAPH_EMULATOR_URL_SCHEME,
                            token, NULL, error))
    {
      g_free (token);
      return NULL;
    }

  return token;
}

/**
 * fd_graph_demo_populate:
 * @summary: (out): what the sync read
 *
 * Adds (or refreshes) the demo ad account and syncs it. Safe to run again:
 * a second run re-reads the days Meta still revises.
 *
 * Returns: (transfer full): the account, or %NULL with @error set
 */
FdAdAccount *
fd_graph_demo_populate (FdWorkspace            *workspace,
                        FdTokenStore           *tokens,
                        FdInsightsSyncSummary  *summary,
                        GError                **error)
{
  g_autoptr(FdAdAccount) account = NULL;
  g_autoptr(FdGraphClient) client = NULL;
  g_autoptr(FdInsightsSync) sync = NULL;
  g_autofree char *token = NULL;
  g_autofree char *cache = NULL;
  FdStore *store = fd_workspace_get_store (workspace);

  account = fd_ad_account_new (FD_GRAPH_EMULATOR_DEMO_ACCOUNT, "Northwind Outdoor — EUR", "EUR",
                               "Europe/Berlin", FD_GRAPH_EMULATOR_URL_SCHEME, FD_GRAPH_DEFAULT_VERSION);

  if (!(token = ensure_token (tokens, FD_GRAPH_EMULATOR_DEMO_ACCOUNT, error)) ||
      !fd_insights_store_save_account (store, "system", account, error))
    return NULL;

  cache = fd_workspace_dup_cache_dir (workspace, NULL);
  if (!(client = fd_graph_connect (account, tokens, cache, error)))
    return NULL;

  sync = fd_insights_sync_new (store, client, account);
  fd_insights_sync_set_history_days (sync, FD_GRAPH_DEMO_HISTORY_DAYS);
  if (!fd_insights_sync_run (sync, NULL, error))
    return NULL;

  *summary = *fd_insights_sync_get_summary (sync);
  return fd_insights_store_get_account (store, FD_GRAPH_EMULATOR_DEMO_ACCOUNT, error);
}
