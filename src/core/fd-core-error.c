/* fd-core-error.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "fd-core-error.h"

G_DEFINE_QUARK (fd-core-error-quark, fd_core_error)
