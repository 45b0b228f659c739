/* fd-schema.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-store.h"

G_BEGIN_DECLS

/* "FDK1" in PRAGMA application_id: marks a file as a Flightdeck workspace. */
#define FD_SCHEMA_APPLICATION_ID 0x46444B31

int      fd_schema_get_latest_version (void);
gboolean fd_schema_migrate            (FdStore  *store,
                                       int       from_version,
                                       int       to_version,
                                       GError  **error);

G_END_DECLS
