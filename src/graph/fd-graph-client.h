/* fd-graph-client.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fd-graph-params.h"
#include "fd-graph-response.h"

G_BEGIN_DECLS

#define FD_TYPE_GRAPH_CLIENT (fd_graph_client_get_type ())

G_DECLARE_FINAL_TYPE (FdGraphClient, fd_graph_client, FD, GRAPH_CLIENT, GObject)

/**
 * FdGraphBudget:
 * @FD_GRAPH_BUDGET_DAILY: daily_budget
 * @FD_GRAPH_BUDGET_LIFETIME: lifetime_budget
 */
typedef enum
{
  FD_GRAPH_BUDGET_DAILY,
  FD_GRAPH_BUDGET_LIFETIME,
} FdGraphBudget;

/**
 * FdGraphClientStats:
 * @requests: HTTP requests sent
 * @retries: requests sent again after a transient failure
 * @throttled: answers that said a rate limit was reached
 * @paced: times the client slowed down because usage neared 100 %
 * @waited_us: total time spent waiting (backoff, throttling, pacing)
 * @bytes: response bytes read
 */
typedef struct
{
  guint64 requests;
  guint64 retries;
  guint64 throttled;
  guint64 paced;
  gint64  waited_us;
  guint64 bytes;
} FdGraphClientStats;

FdGraphClient   *fd_graph_client_new             (const char          *base_url,
                                                  const char          *api_version,
                                                  const char          *token);
const char      *fd_graph_client_get_base_url    (FdGraphClient       *self);
const char      *fd_graph_client_get_api_version (FdGraphClient       *self);
void             fd_graph_client_set_app_secret  (FdGraphClient       *self,
                                                  const char          *app_secret);
void             fd_graph_client_set_timeout     (FdGraphClient       *self,
                                                  guint                seconds);
void             fd_graph_client_set_max_retries (FdGraphClient       *self,
                                                  guint                max_retries);
void             fd_graph_client_set_max_wait    (FdGraphClient       *self,
                                                  guint                seconds);
void             fd_graph_client_set_time_scale  (FdGraphClient       *self,
                                                  double               scale);
void             fd_graph_client_get_stats       (FdGraphClient       *self,
                                                  FdGraphClientStats  *stats);
char            *fd_graph_client_redact          (FdGraphClient       *self,
                                                  const char          *text);
gboolean         fd_graph_client_wait            (FdGraphClient       *self,
                                                  gint64               us,
                                                  GCancellable        *cancellable);

/* Blocking calls, for worker threads. */
FdGraphResponse *fd_graph_client_call            (FdGraphClient       *self,
                                                  const char          *method,
                                                  const char          *path,
                                                  FdGraphParams       *params,
                                                  GCancellable        *cancellable,
                                                  GError             **error);
FdGraphResponse *fd_graph_client_get_url         (FdGraphClient       *self,
                                                  const char          *url,
                                                  GCancellable        *cancellable,
                                                  GError             **error);
FdGraphResponse *fd_graph_client_get_account     (FdGraphClient       *self,
                                                  const char          *account_id,
                                                  GCancellable        *cancellable,
                                                  GError             **error);
gboolean         fd_graph_client_set_status      (FdGraphClient       *self,
                                                  const char          *object_id,
                                                  const char          *status,
                                                  GCancellable        *cancellable,
                                                  GError             **error);
gboolean         fd_graph_client_set_budget      (FdGraphClient       *self,
                                                  const char          *object_id,
                                                  FdGraphBudget        kind,
                                                  gint64               minor_units,
                                                  GCancellable        *cancellable,
                                                  GError             **error);

/* The same, asynchronous: the work runs on a thread of GTask's pool and
 * the callback on the caller's thread-default main context. */
void             fd_graph_client_call_async      (FdGraphClient       *self,
                                                  const char          *method,
                                                  const char          *path,
                                                  FdGraphParams       *params,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
FdGraphResponse *fd_graph_client_call_finish     (FdGraphClient       *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);
void             fd_graph_client_set_status_async (FdGraphClient      *self,
                                                   const char         *object_id,
                                                   const char         *status,
                                                   GCancellable       *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer            user_data);
gboolean         fd_graph_client_set_status_finish (FdGraphClient     *self,
                                                    GAsyncResult      *result,
                                                    GError           **error);
void             fd_graph_client_set_daily_budget_async (FdGraphClient       *self,
                                                         const char          *object_id,
                                                         gint64               minor_units,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
void             fd_graph_client_set_lifetime_budget_async (FdGraphClient       *self,
                                                            const char          *object_id,
                                                            gint64               minor_units,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
gboolean         fd_graph_client_set_budget_finish (FdGraphClient     *self,
                                                    GAsyncResult      *result,
                                                    GError           **error);

G_END_DECLS
