/* fd-preferences-window.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fd-ownership-page.h"
#include "fd-reviewers-page.h"
#include "fd-workspace.h"

G_BEGIN_DECLS

#define FD_TYPE_PREFERENCES_WINDOW (fd_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (FdPreferencesWindow, fd_preferences_window, FD, PREFERENCES_WINDOW, AdwPreferencesWindow)

FdPreferencesWindow *fd_preferences_window_new                (FdWorkspace         *workspace);
FdWorkspace         *fd_preferences_window_get_workspace      (FdPreferencesWindow *self);
void                 fd_preferences_window_show_page          (FdPreferencesWindow *self,
                                                               const char          *name);
FdOwnershipPage     *fd_preferences_window_get_ownership_page (FdPreferencesWindow *self);
GListModel          *fd_preferences_window_get_people         (FdPreferencesWindow *self);
FdReviewersPage     *fd_preferences_window_get_reviewers_page (FdPreferencesWindow *self);

G_END_DECLS
