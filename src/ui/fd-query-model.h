/* fd-query-model.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fd-workspace.h"

G_BEGIN_DECLS

#define FD_TYPE_QUERY_MODEL (fd_query_model_get_type ())

G_DECLARE_FINAL_TYPE (FdQueryModel, fd_query_model, FD, QUERY_MODEL, GObject)

FdQueryModel *fd_query_model_new           (GType                item_type,
                                            FdWorkspaceFunc      load,
                                            gpointer             load_data,
                                            GDestroyNotify       load_data_destroy,
                                            GEqualFunc           same_item,
                                            const char * const  *entity_types);
FdWorkspace  *fd_query_model_get_workspace (FdQueryModel        *self);
void          fd_query_model_set_workspace (FdQueryModel        *self,
                                            FdWorkspace         *workspace);
gboolean      fd_query_model_get_loaded    (FdQueryModel        *self);
void          fd_query_model_reload        (FdQueryModel        *self);

G_END_DECLS
