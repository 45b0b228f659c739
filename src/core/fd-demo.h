/* fd-demo.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-store.h"

G_BEGIN_DECLS

/* The core part of the demo workspace: the Northwind Outdoor team, its
 * ownership matrix and its briefs. The media and ad-account parts are added
 * by the media and graph layers. */

gboolean fd_demo_is_demo        (FdStore     *store);
gboolean fd_demo_populate_team  (FdStore     *store,
                                 GError     **error);
gint64   fd_demo_find_person    (FdStore     *store,
                                 const char  *email);

G_END_DECLS
