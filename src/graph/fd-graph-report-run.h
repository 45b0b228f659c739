/* fd-graph-report-run.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-graph-client.h"
#include "fd-graph-pager.h"

G_BEGIN_DECLS

/**
 * FdGraphReportStatus:
 *
 * async_status of an AdReportRun, from Meta's six strings: "Job Not
 * Started", "Job Started", "Job Running", "Job Completed", "Job Failed",
 * "Job Skipped" (the run expired; submit it again).
 */
typedef enum
{
  FD_GRAPH_REPORT_UNKNOWN,
  FD_GRAPH_REPORT_NOT_STARTED,
  FD_GRAPH_REPORT_STARTED,
  FD_GRAPH_REPORT_RUNNING,
  FD_GRAPH_REPORT_COMPLETED,
  FD_GRAPH_REPORT_FAILED,
  FD_GRAPH_REPORT_SKIPPED,
} FdGraphReportStatus;

#define FD_TYPE_GRAPH_REPORT_RUN (fd_graph_report_run_get_type ())

G_DECLARE_FINAL_TYPE (FdGraphReportRun, fd_graph_report_run, FD, GRAPH_REPORT_RUN, GObject)

/**
 * FdGraphReportProgressFunc:
 * @percent: async_percent_completion
 */
typedef void (*FdGraphReportProgressFunc) (FdGraphReportRun *run,
                                           int               percent,
                                           gpointer          user_data);

/* An async insights report: POST the insights query, poll the run until
 * "Job Completed", then page through its results. Blocking: use it on a
 * worker thread. */

FdGraphReportStatus  fd_graph_report_status_from_string (const char       *text);
FdGraphReportRun    *fd_graph_report_run_start      (FdGraphClient             *client,
                                                     const char                *path,
                                                     FdGraphParams             *params,
                                                     GCancellable              *cancellable,
                                                     GError                   **error);
FdGraphReportRun    *fd_graph_report_run_new_for_id (FdGraphClient             *client,
                                                     const char                *run_id);
const char          *fd_graph_report_run_get_id     (FdGraphReportRun          *self);
FdGraphReportStatus  fd_graph_report_run_get_status (FdGraphReportRun          *self);
int                  fd_graph_report_run_get_percent (FdGraphReportRun         *self);
gboolean             fd_graph_report_run_poll       (FdGraphReportRun          *self,
                                                     GCancellable              *cancellable,
                                                     GError                   **error);
gboolean             fd_graph_report_run_wait       (FdGraphReportRun          *self,
                                                     FdGraphReportProgressFunc  progress,
                                                     gpointer                   user_data,
                                                     GCancellable              *cancellable,
                                                     GError                   **error);
FdGraphPager        *fd_graph_report_run_new_pager  (FdGraphReportRun          *self,
                                                     FdGraphParams             *params,
                                                     const char                *after);

G_END_DECLS
