/* fd-media.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-media-error.h"

G_BEGIN_DECLS

gboolean fd_media_ensure_init (GError **error);

G_END_DECLS
