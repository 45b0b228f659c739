/* fd-graph-row-private.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-graph-row.h"

G_BEGIN_DECLS

/* One element of a page's "data" list, as json-glib parsed it; handed to
 * an FdGraphRowFunc for the length of the call. */
struct _FdGraphRow
{
  JsonObject *object;
};

G_END_DECLS
