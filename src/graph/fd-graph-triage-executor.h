/* fd-graph-triage-executor.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-token-store.h"
#include "fd-triage-executor.h"
#include "fd-workspace.h"

G_BEGIN_DECLS

#define FD_TYPE_GRAPH_TRIAGE_EXECUTOR (fd_graph_triage_executor_get_type ())

G_DECLARE_FINAL_TYPE (FdGraphTriageExecutor, fd_graph_triage_executor, FD, GRAPH_TRIAGE_EXECUTOR, GObject)

FdGraphTriageExecutor *fd_graph_triage_executor_new      (FdWorkspace           *workspace,
                                                          FdTokenStore          *tokens);
void                   fd_graph_triage_executor_forget   (FdGraphTriageExecutor *self,
                                                          const char            *account_id);

G_END_DECLS
