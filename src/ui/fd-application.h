/* fd-application.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fd-window.h"

G_BEGIN_DECLS

#define FD_TYPE_APPLICATION (fd_application_get_type ())

G_DECLARE_FINAL_TYPE (FdApplication, fd_application, FD, APPLICATION, AdwApplication)

FdApplication *fd_application_new            (GApplicationFlags  flags);
FdWindow      *fd_application_open_workspace (FdApplication     *self,
                                              const char        *path);
char          *fd_application_dup_help_uri   (void);

G_END_DECLS
