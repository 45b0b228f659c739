/* fd-graph-params.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define FD_TYPE_GRAPH_PARAMS (fd_graph_params_get_type ())

/**
 * FdGraphParams:
 *
 * The parameters of a Graph API call, in order. Values that are objects,
 * lists or booleans travel as compact JSON text in one parameter, the way
 * Meta's SDKs send them (time_range={"since":…}, breakdowns=["…"]).
 * Never put the access token here: FdGraphClient adds it itself.
 */
typedef struct _FdGraphParams FdGraphParams;

GType          fd_graph_params_get_type   (void) G_GNUC_CONST;
FdGraphParams *fd_graph_params_new        (void);
FdGraphParams *fd_graph_params_copy       (const FdGraphParams *self);
FdGraphParams *fd_graph_params_ref        (FdGraphParams       *self);
void           fd_graph_params_unref      (FdGraphParams       *self);
void           fd_graph_params_set        (FdGraphParams       *self,
                                           const char          *key,
                                           const char          *value);
void           fd_graph_params_set_int    (FdGraphParams       *self,
                                           const char          *key,
                                           gint64               value);
void           fd_graph_params_set_json   (FdGraphParams       *self,
                                           const char          *key,
                                           JsonNode            *value);
void           fd_graph_params_set_strv_json (FdGraphParams    *self,
                                              const char       *key,
                                              const char * const *values);
void           fd_graph_params_set_time_range (FdGraphParams   *self,
                                               const char      *since,
                                               const char      *until);
void           fd_graph_params_remove     (FdGraphParams       *self,
                                           const char          *key);
const char    *fd_graph_params_get        (const FdGraphParams *self,
                                           const char          *key);
guint          fd_graph_params_get_size   (const FdGraphParams *self);
void           fd_graph_params_encode     (const FdGraphParams *self,
                                           GString             *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdGraphParams, fd_graph_params_unref)

G_END_DECLS
