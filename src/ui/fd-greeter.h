/* fd-greeter.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FD_TYPE_GREETER (fd_greeter_get_type ())

G_DECLARE_FINAL_TYPE (FdGreeter, fd_greeter, FD, GREETER, AdwBin)

const char *fd_greeter_get_notice (FdGreeter  *self);
void        fd_greeter_set_notice (FdGreeter  *self,
                                   const char *notice);

G_END_DECLS
