/* fd-ownership-entry.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-person.h"

G_BEGIN_DECLS

#define FD_TYPE_OWNERSHIP_ENTRY (fd_ownership_entry_get_type ())

G_DECLARE_FINAL_TYPE (FdOwnershipEntry, fd_ownership_entry, FD, OWNERSHIP_ENTRY, GObject)

FdOwnershipEntry *fd_ownership_entry_new            (const char       *transition,
                                                     FdPerson         *owner,
                                                     FdPerson         *backup);
const char       *fd_ownership_entry_get_transition (FdOwnershipEntry *self);
const char       *fd_ownership_entry_get_title      (FdOwnershipEntry *self);
FdPerson         *fd_ownership_entry_get_owner      (FdOwnershipEntry *self);
FdPerson         *fd_ownership_entry_get_backup     (FdOwnershipEntry *self);

G_END_DECLS
