/* fd-media-probe.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fd-media-info.h"

G_BEGIN_DECLS

FdMediaInfo *fd_media_probe_file (const char    *path,
                                  GCancellable  *cancellable,
                                  GError       **error);

G_END_DECLS
