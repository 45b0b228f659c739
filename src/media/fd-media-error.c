/* fd-media-error.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fd-media-error.h"

G_DEFINE_QUARK (fd-media-error-quark, fd_media_error)
