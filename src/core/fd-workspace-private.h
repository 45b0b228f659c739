/* fd-workspace-private.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean fd_workspace_create_database (const char  *folder,
                                       const char  *name,
                                       GError     **error);

G_END_DECLS
