/* fd-test-util.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <glib/gstdio.h>

G_BEGIN_DECLS

/* A fresh temporary folder for one test, removed with its contents by
 * fd_test_tmpdir_free(). */
char     *fd_test_tmpdir_new         (void);
void      fd_test_tmpdir_free        (char        *path);
gboolean  fd_test_delete_recursively (const char  *path);
void      fd_test_spin               (int          ms);
char     *fd_test_run_cli            (const char  *workspace,
                                      int         *exit_status,
                                      char       **err,
                                      ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
