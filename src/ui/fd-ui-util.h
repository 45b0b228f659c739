/* fd-ui-util.h
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
 * FdEditFunc:
 * @store: the writer queue's connection
 * @actor: who the change is recorded for: the workspace's current person,
 *   read at the moment of the write
 * @data: the data given to fd_ui_edit_async()
 *
 * One edit of workflow data, made through the core API (which audits it).
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
typedef gboolean (*FdEditFunc) (FdStore     *store,
                                const char  *actor,
                                gpointer     data,
                                GError     **error);

void      fd_ui_edit_async            (FdWorkspace          *workspace,
                                       FdEditFunc            func,
                                       gpointer              data,
                                       GDestroyNotify        data_destroy,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
gboolean  fd_ui_edit_finish           (FdWorkspace          *workspace,
                                       GAsyncResult         *result,
                                       GError              **error);

void      fd_ui_toast                 (GtkWidget            *widget,
                                       const char           *message);
void      fd_ui_add_toast             (GtkWidget            *widget,
                                       AdwToast             *toast);

void      fd_ui_choose_folder_async   (GtkWindow            *parent,
                                       const char           *title,
                                       const char           *accept_label,
                                       GFile                *initial_folder,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
GFile    *fd_ui_choose_folder_finish  (GAsyncResult         *result,
                                       GError              **error);

void      fd_ui_show_uri              (GtkWindow            *parent,
                                       const char           *uri,
                                       const char           *failure_message);

GWeakRef *fd_ui_weak_ref_new          (gpointer              object);
gpointer  fd_ui_weak_ref_steal        (GWeakRef             *ref);

char     *fd_ui_dup_display_path      (const char           *path);
gboolean  fd_ui_error_is_cancelled    (const GError         *error);

G_END_DECLS
