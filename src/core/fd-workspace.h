/* fd-workspace.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fd-media-store.h"
#include "fd-store.h"

G_BEGIN_DECLS

#define FD_WORKSPACE_DB_NAME "flightdeck.db"

#define FD_TYPE_WORKSPACE (fd_workspace_get_type ())

G_DECLARE_FINAL_TYPE (FdWorkspace, fd_workspace, FD, WORKSPACE, GObject)

/**
 * FdWorkspaceFunc:
 * @store: a connection owned by the worker thread running the function
 * @data: the data given to fd_workspace_run_async()
 *
 * Work to do off the main thread.
 *
 * Returns: a non-%NULL result on success, %NULL with @error set on failure
 */
typedef gpointer (*FdWorkspaceFunc) (FdStore       *store,
                                     gpointer       data,
                                     GCancellable  *cancellable,
                                     GError       **error);

FdWorkspace  *fd_workspace_create          (const char           *path,
                                            const char           *name,
                                            GError              **error);
FdWorkspace  *fd_workspace_open            (const char           *path,
                                            GError              **error);
char         *fd_workspace_dup_default_demo_path (void);
gboolean      fd_workspace_exists          (const char           *path);
const char   *fd_workspace_get_path        (FdWorkspace          *self);
const char   *fd_workspace_get_db_path     (FdWorkspace          *self);
char         *fd_workspace_dup_name        (FdWorkspace          *self);
char         *fd_workspace_dup_cache_dir   (FdWorkspace          *self,
                                            const char           *what);
FdStore      *fd_workspace_get_store       (FdWorkspace          *self);
FdMediaStore *fd_workspace_get_media_store (FdWorkspace          *self);
FdStore      *fd_workspace_open_store      (FdWorkspace          *self,
                                            GError              **error);
void          fd_workspace_refresh         (FdWorkspace          *self);

void          fd_workspace_run_async       (FdWorkspace          *self,
                                            gboolean              writes,
                                            FdWorkspaceFunc       func,
                                            gpointer              data,
                                            GDestroyNotify        data_destroy,
                                            GDestroyNotify        result_destroy,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gpointer      fd_workspace_run_finish      (FdWorkspace          *self,
                                            GAsyncResult         *result,
                                            GError              **error);

void          fd_workspace_open_async      (const char           *path,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
FdWorkspace  *fd_workspace_open_finish     (GAsyncResult         *result,
                                            GError              **error);
void          fd_workspace_create_async    (const char           *path,
                                            const char           *name,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
FdWorkspace  *fd_workspace_create_finish   (GAsyncResult         *result,
                                            GError              **error);

G_END_DECLS
