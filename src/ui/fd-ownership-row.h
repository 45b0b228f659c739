/* fd-ownership-row.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fd-ownership-entry.h"

G_BEGIN_DECLS

#define FD_TYPE_OWNERSHIP_ROW (fd_ownership_row_get_type ())

G_DECLARE_FINAL_TYPE (FdOwnershipRow, fd_ownership_row, FD, OWNERSHIP_ROW, AdwExpanderRow)

FdOwnershipRow   *fd_ownership_row_new        (const char       *transition,
                                               GListModel       *people);
const char       *fd_ownership_row_get_transition (FdOwnershipRow *self);
FdOwnershipEntry *fd_ownership_row_get_entry  (FdOwnershipRow   *self);
void              fd_ownership_row_set_entry  (FdOwnershipRow   *self,
                                               FdOwnershipEntry *entry);
void              fd_ownership_row_sync       (FdOwnershipRow   *self);

G_END_DECLS
