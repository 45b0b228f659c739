/* fd-ownership-page.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fd-ownership-row.h"
#include "fd-workspace.h"

G_BEGIN_DECLS

#define FD_TYPE_OWNERSHIP_PAGE (fd_ownership_page_get_type ())

G_DECLARE_FINAL_TYPE (FdOwnershipPage, fd_ownership_page, FD, OWNERSHIP_PAGE, AdwPreferencesPage)

FdWorkspace    *fd_ownership_page_get_workspace (FdOwnershipPage *self);
void            fd_ownership_page_set_workspace (FdOwnershipPage *self,
                                                 FdWorkspace     *workspace);
FdOwnershipRow *fd_ownership_page_get_row       (FdOwnershipPage *self,
                                                 const char      *transition);
gboolean        fd_ownership_page_get_loaded    (FdOwnershipPage *self);

G_END_DECLS
