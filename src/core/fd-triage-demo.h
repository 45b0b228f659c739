/* fd-triage-demo.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-store.h"

G_BEGIN_DECLS

gboolean fd_triage_demo_add_rules (FdStore     *store,
                                   guint       *n_added,
                                   GError     **error);
gboolean fd_triage_demo_prepare   (FdStore     *store,
                                   const char  *account_id,
                                   GError     **error);

G_END_DECLS
