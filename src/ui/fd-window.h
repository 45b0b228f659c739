/* fd-window.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fd-workspace.h"

G_BEGIN_DECLS

/**
 * FdWindow:
 *
 * The main window: one workspace, shown through the five stage views, or
 * the greeter while no workspace is open.
 *
 * ## The stage view contract
 *
 * A stage view is any #GtkWidget type with a read-write "workspace"
 * property of type #FdWorkspace. The window lists its stages in one table
 * (`stages[]` in fd-window.c: name, title, icon, type), creates one view
 * of each type, and sets "workspace" on every view whenever the workspace
 * changes, %NULL included. A view:
 *
 * - loads what it shows on the workspace's reader queue
 *   (fd_workspace_run_async(), or an #FdQueryModel) and follows the
 *   workspace's #FdWorkspace::changed signal; it never blocks the main loop;
 * - writes through the core API on the writer queue (fd_ui_edit_async());
 * - shows messages as toasts: fd_ui_toast (widget, text), or the action
 *   `win.toast` with a string parameter
 *   (`gtk_widget_activate_action (widget, "win.toast", "s", text)`), or
 *   fd_window_add_toast() for a toast with a button;
 * - may use the window actions below from its own .ui files.
 *
 * Replacing a view means replacing its .c, .h and .ui; adding one means
 * one more line in `stages[]`.
 *
 * ## Window actions
 *
 * - `win.show-stage` (s): shows the stage of that name ("briefs", "board",
 *   "launch", "triage", "learn"); Ctrl+1 … Ctrl+5
 * - `win.toast` (s): shows a toast
 * - `win.preferences`: the preferences (Ctrl+,)
 * - `win.show-preferences` (s): the preferences at a page: "you", "team",
 *   "ownership", "reviewers"
 * - `win.new-workspace`, `win.open-workspace`, `win.open-demo`,
 *   `win.open-recent` (s, a folder)
 */

#define FD_TYPE_WINDOW (fd_window_get_type ())

G_DECLARE_FINAL_TYPE (FdWindow, fd_window, FD, WINDOW, AdwApplicationWindow)

FdWindow    *fd_window_new                (GtkApplication *application);
FdWorkspace *fd_window_get_workspace      (FdWindow       *self);
void         fd_window_set_workspace      (FdWindow       *self,
                                           FdWorkspace    *workspace);
void         fd_window_open_workspace     (FdWindow       *self,
                                           const char     *path);
void         fd_window_restore_workspace  (FdWindow       *self,
                                           const char     *path);
void         fd_window_open_demo          (FdWindow       *self);
gboolean     fd_window_get_busy           (FdWindow       *self);
void         fd_window_add_toast          (FdWindow       *self,
                                           AdwToast       *toast);
const char  *fd_window_get_stage          (FdWindow       *self);
void         fd_window_show_stage         (FdWindow       *self,
                                           const char     *name);
GtkWidget   *fd_window_get_stage_view     (FdWindow       *self,
                                           const char     *name);
const char * const *fd_window_get_stage_names (void);

G_END_DECLS
