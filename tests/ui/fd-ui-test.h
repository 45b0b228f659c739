/* fd-ui-test.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fd-application.h"
#include "fd-workspace.h"

G_BEGIN_DECLS

/* Helpers for the UI tests: an application per test, waiting on the main
 * loop for something to happen, and workspaces made through the core API. */

void           fd_ui_test_init            (int          *argc,
                                           char       ***argv);
FdApplication *fd_ui_test_app_new         (void);
void           fd_ui_test_app_free        (FdApplication *app);
void           fd_ui_test_iterate         (void);
GtkWindow     *fd_ui_test_find_window     (GType          type);
char          *fd_ui_test_file_digest     (const char    *path);
char          *fd_ui_test_make_workspace  (const char    *parent,
                                           const char    *name,
                                           gboolean       with_team);
FdWindow      *fd_ui_test_open            (FdApplication *app,
                                           const char    *path);
gboolean       fd_ui_test_label_contains  (GtkWidget     *widget,
                                           const char    *text);

/* Runs the main loop until @condition holds; fails the test after ten
 * seconds. */
#define fd_ui_test_wait_for(condition)                                        \
  G_STMT_START {                                                              \
    gint64 fd_deadline_ = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;      \
    while (!(condition))                                                      \
      {                                                                       \
        if (g_get_monotonic_time () > fd_deadline_)                           \
          g_error ("%s:%d: timed out waiting for %s", __FILE__, __LINE__,     \
                   #condition);                                               \
        fd_ui_test_iterate ();                                                \
      }                                                                       \
  } G_STMT_END

G_END_DECLS
