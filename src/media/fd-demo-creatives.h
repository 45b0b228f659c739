/* fd-demo-creatives.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-workspace.h"

G_BEGIN_DECLS

/* The creative part of the demo workspace: sample videos and images made
 * with GStreamer when the demo is built (nothing is shipped), headlines,
 * primary texts and a script, the demo team's reviewer policies, and the
 * assets taken through the workflow into every column of the board. Runs
 * after fd_demo_populate_team(). */

gboolean fd_demo_creatives_populate (FdWorkspace  *workspace,
                                     guint        *n_assets,
                                     GError      **error);

G_END_DECLS
