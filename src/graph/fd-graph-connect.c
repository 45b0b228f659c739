/* fd-graph-connect.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-graph"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-graph-connect.h"
#include "fd-graph-emulator.h"
#include "fd-graph-error.h"

/**
 * fd_graph_resolve_url:
 * @graph_url: an account's graph_url
 * @cache_dir: (nullable): the workspace's cache folder, needed for
 *   "emulator:" URLs (the emulator keeps its state in
 *   @cache_dir/graph-emulator/state.json)
 *
 * Returns: (transfer full): the base URL to send requests to, or %NULL
 *   with @error set
 */
char *
fd_graph_resolve_url (const char  *graph_url,
                      const char  *cache_dir,
                      GError     **error)
{
  g_autofree char *state = NULL;
  FdGraphEmulator *emulator;

  g_return_val_if_fail (graph_url != NULL, NULL);

  if (!g_str_has_prefix (graph_url, FD_GRAPH_EMULATOR_URL_SCHEME))
    return g_strdup (graph_url);

  if (cache_dir == NULL)
    {
      g_set_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_FAILED,
                   _("The local Graph emulator needs a workspace to keep its state in."));
      return NULL;
    }

  state = g_build_filename (cache_dir, "graph-emulator", "state.json", NULL);
  emulator = fd_graph_emulator_get_shared (state, error);
  if (emulator == NULL)
    return NULL;

  return g_strdup (fd_graph_emulator_get_url (emulator));
}

/**
 * fd_graph_connect:
 * @tokens: where the account's token is
 * @cache_dir: (nullable): the workspace's cache folder
 *
 * Returns: (transfer full): a client for the account, or %NULL with
 *   %FD_GRAPH_ERROR_RECONNECT when no token is stored for it
 */
FdGraphClient *
fd_graph_connect (FdAdAccount   *account,
                  FdTokenStore  *tokens,
                  const char    *cache_dir,
                  GError       **error)
{
  g_autofree char *token = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *url = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *id;
  const char *graph_url;
  FdGraphClient *client;

  g_return_val_if_fail (FD_IS_AD_ACCOUNT (account), NULL);
  g_return_val_if_fail (FD_IS_TOKEN_STORE (tokens), NULL);

  id = fd_ad_account_get_id (account);
  graph_url = fd_ad_account_get_graph_url (account);

  token = fd_token_store_lookup (tokens, FD_SECRET_TOKEN, id, graph_url, NULL, &local_error);
  if (token == NULL)
    {
      g_set_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_RECONNECT,
                   _("No access token for %s is stored on this computer%s%s. Connect the "
                     "account again (flightdeck-cli account add %s)."),
                   id, local_error ? ": " : "", local_error ? local_error->message : "", id);
      return NULL;
    }

  secret = fd_token_store_lookup (tokens, FD_SECRET_APP_SECRET, id, graph_url, NULL, NULL);

  if (!(url = fd_graph_resolve_url (graph_url, cache_dir, error)))
    return NULL;

  client = fd_graph_client_new (url, fd_ad_account_get_api_version (account), token);
  fd_graph_client_set_app_secret (client, secret);
  memset (token, 0, strlen (token));

  return client;
}
