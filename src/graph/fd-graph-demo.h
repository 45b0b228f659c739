/* fd-graph-demo.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-insights-sync.h"
#include "fd-token-store.h"
#include "fd-workspace.h"

G_BEGIN_DECLS

/* The graph part of the demo workspace: Northwind Outdoor's simulated ad
 * account, served by the local Graph emulator ("emulator:"), its token,
 * and its last 30 days of insights. */

#define FD_GRAPH_DEMO_HISTORY_DAYS 30

FdAdAccount *fd_graph_demo_populate (FdWorkspace            *workspace,
                                     FdTokenStore           *tokens,
                                     FdInsightsSyncSummary  *summary,
                                     GError                **error);

G_END_DECLS
