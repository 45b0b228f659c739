/* fd-person-button.h
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

#define FD_TYPE_PERSON_BUTTON (fd_person_button_get_type ())

G_DECLARE_FINAL_TYPE (FdPersonButton, fd_person_button, FD, PERSON_BUTTON, AdwBin)

FdWorkspace *fd_person_button_get_workspace (FdPersonButton *self);
void         fd_person_button_set_workspace (FdPersonButton *self,
                                             FdWorkspace    *workspace);
FdPerson    *fd_person_button_get_current   (FdPersonButton *self);
gboolean     fd_person_button_get_compact   (FdPersonButton *self);
void         fd_person_button_set_compact   (FdPersonButton *self,
                                             gboolean        compact);

G_END_DECLS
