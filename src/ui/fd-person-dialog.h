/* fd-person-dialog.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fd-person.h"
#include "fd-workspace.h"

G_BEGIN_DECLS

#define FD_TYPE_PERSON_DIALOG (fd_person_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FdPersonDialog, fd_person_dialog, FD, PERSON_DIALOG, AdwWindow)

FdPersonDialog *fd_person_dialog_new          (FdWorkspace    *workspace,
                                               FdPerson       *person,
                                               gboolean        make_current);
FdPerson       *fd_person_dialog_get_person   (FdPersonDialog *self);
const char     *fd_person_dialog_get_error    (FdPersonDialog *self);

G_END_DECLS
