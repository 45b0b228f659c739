/* fd-window-private.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-greeter.h"
#include "fd-person-button.h"
#include "fd-window.h"

G_BEGIN_DECLS

/* FdWindow is split by responsibility: fd-window.c holds the widget, its
 * stages, actions and window state; fd-window-workspace.c opens, creates
 * and remembers workspaces, builds the demo, and reports what fails. */

struct _FdWindow
{
  AdwApplicationWindow  parent_instance;

  FdWorkspace          *workspace;
  GSettings            *settings;
  GCancellable         *cancellable;
  GtkWindow            *preferences;
  gboolean              busy;
  guint                 compact_source;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  FdGreeter            *greeter;
  AdwStatusPage        *busy_page;
  GtkSpinner           *busy_spinner;
  AdwHeaderBar         *header_bar;
  GtkMenuButton        *workspace_button;
  GtkWidget            *workspace_icon;
  GtkLabel             *workspace_label;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *view_stack;
  AdwViewSwitcherBar   *switcher_bar;
  FdPersonButton       *person_button;
};

void _fd_window_set_busy            (FdWindow   *self,
                                     const char *title,
                                     const char *description);
void _fd_window_show_error          (FdWindow   *self,
                                     const char *heading,
                                     const char *body,
                                     const char *details);
void _fd_window_remember_workspace  (FdWindow   *self);
void _fd_window_update_recent_menu  (FdWindow   *self);
void _fd_window_new_workspace       (FdWindow   *self);
void _fd_window_choose_workspace    (FdWindow   *self);
void _fd_window_show_folder         (FdWindow   *self);

G_END_DECLS
