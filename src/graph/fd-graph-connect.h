/* fd-graph-connect.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-ad-account.h"
#include "fd-graph-client.h"
#include "fd-token-store.h"

G_BEGIN_DECLS

/* From an ad account's row to a client that can talk to its Graph host
 * with its token. A graph_url of "emulator:" means the local Graph
 * emulator, started in this process on first use with its state in the
 * workspace's cache folder — which is how the demo workspace works
 * without anything running beforehand. */

char          *fd_graph_resolve_url (const char     *graph_url,
                                     const char     *cache_dir,
                                     GError        **error);
FdGraphClient *fd_graph_connect     (FdAdAccount    *account,
                                     FdTokenStore   *tokens,
                                     const char     *cache_dir,
                                     GError        **error);

G_END_DECLS
