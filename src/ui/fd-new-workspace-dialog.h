/* fd-new-workspace-dialog.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fd-workspace.h"

G_BEGIN_DECLS

#define FD_TYPE_NEW_WORKSPACE_DIALOG (fd_new_workspace_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FdNewWorkspaceDialog, fd_new_workspace_dialog, FD, NEW_WORKSPACE_DIALOG, AdwWindow)

FdNewWorkspaceDialog *fd_new_workspace_dialog_new        (void);
char                 *fd_new_workspace_dialog_dup_folder (FdNewWorkspaceDialog *self);

G_END_DECLS
