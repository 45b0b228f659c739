/* fd-graph-report-run.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-graph"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-graph-error.h"
#include "fd-graph-report-run.h"
#include "fd-graph-util.h"

/* Polling starts after a second and backs off to half a minute. A run
 * still at 0 % after five minutes, or unfinished after an hour, is given up
 * (as tap-facebook does), and the caller splits the range. */
#define POLL_FIRST_US      (1 * G_USEC_PER_SEC)
#define POLL_MAX_US        (30 * G_USEC_PER_SEC)
#define STALLED_AFTER_US   ((gint64)5 * 60 * G_USEC_PER_SEC)
#define GIVE_UP_AFTER_US   ((gint64)60 * 60 * G_USEC_PER_SEC)

struct _FdGraphReportRun
{
  GObject              parent_instance;

  FdGraphClient       *client;
  char                *id;
  FdGraphReportStatus  status;
  int                  percent;
  int                  error_code;
  int                  error_subcode;
  char                *error_message;
};

G_DEFINE_FINAL_TYPE (FdGraphReportRun, fd_graph_report_run, G_TYPE_OBJECT)

static const char * const status_names[] = {
  [FD_GRAPH_REPORT_NOT_STARTED] = "Job Not Started",
  [FD_GRAPH_REPORT_STARTED] = "Job Started",
  [FD_GRAPH_REPORT_RUNNING] = "Job Running",
  [FD_GRAPH_REPORT_COMPLETED] = "Job Completed",
  [FD_GRAPH_REPORT_FAILED] = "Job Failed",
  [FD_GRAPH_REPORT_SKIPPED] = "Job Skipped",
};

static void
fd_graph_report_run_finalize (GObject *object)
{
  FdGraphReportRun *self = (FdGraphReportRun *)object;

  g_clear_object (&self->client);
  g_free (self->id);
  g_free (self->error_message);

  G_OBJECT_CLASS (fd_graph_report_run_parent_class)->finalize (object);
}

static void
fd_graph_report_run_class_init (FdGraphReportRunClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fd_graph_report_run_finalize;
}

static void
fd_graph_report_run_init (FdGraphReportRun *self)
{
}

FdGraphReportStatus
fd_graph_report_status_from_string (const char *text)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (status_names); i++)
    if (status_names[i] != NULL && g_str_equal (text, status_names[i]))
      return i;

  return FD_GRAPH_REPORT_UNKNOWN;
}

/**
 * fd_graph_report_run_new_for_id:
 *
 * Returns: (transfer full): a handle on an existing run (one saved by an
 *   interrupted sync, for instance); its status is unknown until polled
 */
FdGraphReportRun *
fd_graph_report_run_new_for_id (FdGraphClient *client,
                                const char    *run_id)
{
  FdGraphReportRun *self;

  g_return_val_if_fail (FD_IS_GRAPH_CLIENT (client), NULL);
  g_return_val_if_fail (run_id != NULL, NULL);

  self = g_object_new (FD_TYPE_GRAPH_REPORT_RUN, NULL);
  self->client = g_object_ref (client);
  self->id = g_strdup (run_id);

  return self;
}

/**
 * fd_graph_report_run_start:
 * @path: the insights edge: "act_123/insights"
 * @params: the same parameters as for a synchronous read
 *
 * Returns: (transfer full): the run, or %NULL with @error set
 */
FdGraphReportRun *
fd_graph_report_run_start (FdGraphClient  *client,
                           const char     *path,
                           FdGraphParams  *params,
                           GCancellable   *cancellable,
                           GError        **error)
{
  g_autoptr(FdGraphResponse) response = NULL;
  g_autofree char *id = NULL;

  response = fd_graph_client_call (client, "POST", path, params, cancellable, error);
  if (response == NULL)
    return NULL;

  /* Documented as a bare number in one sample, a string in practice. */
  id = fd_graph_json_dup_id (fd_graph_response_get_object (response), "report_run_id");
  if (id == NULL)
    {
      g_set_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_MALFORMED_RESPONSE,
                   _("Meta accepted the report but sent no report_run_id."));
      return NULL;
    }

  return fd_graph_report_run_new_for_id (client, id);
}

const char *
fd_graph_report_run_get_id (FdGraphReportRun *self)
{
  g_return_val_if_fail (FD_IS_GRAPH_REPORT_RUN (self), NULL);
  return self->id;
}

FdGraphReportStatus
fd_graph_report_run_get_status (FdGraphReportRun *self)
{
  g_return_val_if_fail (FD_IS_GRAPH_REPORT_RUN (self), FD_GRAPH_REPORT_UNKNOWN);
  return self->status;
}

int
fd_graph_report_run_get_percent (FdGraphReportRun *self)
{
  g_return_val_if_fail (FD_IS_GRAPH_REPORT_RUN (self), 0);
  return self->percent;
}

/**
 * fd_graph_report_run_poll:
 *
 * Reads the run's async_status and async_percent_completion once.
 *
 * Returns: %FALSE with @error set if the run could not be read
 */
gboolean
fd_graph_report_run_poll (FdGraphReportRun  *self,
                          GCancellable      *cancellable,
                          GError           **error)
{
  g_autoptr(FdGraphResponse) response = NULL;
  JsonObject *object;
  const char *status;

  g_return_val_if_fail (FD_IS_GRAPH_REPORT_RUN (self), FALSE);

  response = fd_graph_client_call (self->client, "GET", self->id, NULL, cancellable, error);
  if (response == NULL)
    return FALSE;

  object = fd_graph_response_get_object (response);
  status = fd_graph_json_get_string (object, "async_status");
  if (status == NULL)
    {
      g_set_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_MALFORMED_RESPONSE,
                   _("Meta’s answer about report %s has no async_status."), self->id);
      return FALSE;
    }

  self->status = fd_graph_report_status_from_string (status);
  self->percent = (int)CLAMP (fd_graph_json_get_int (object, "async_percent_completion"), 0, 100);
  self->error_code = (int)fd_graph_json_get_int (object, "error_code");
  self->error_subcode = (int)fd_graph_json_get_int (object, "error_subcode");
  g_free (self->error_message);
  self->error_message = fd_graph_client_redact (self->client,
                                                fd_graph_json_get_string (object, "error_user_msg")
                                                ? fd_graph_json_get_string (object, "error_user_msg")
                                                : fd_graph_json_get_string (object, "error_message"));

  if (self->status == FD_GRAPH_REPORT_UNKNOWN)
    g_warning ("Report %s has an unknown async_status “%s”; waiting on", self->id, status);

  return TRUE;
}

static gboolean
fail_run (FdGraphReportRun  *self,
          const char        *message,
          GError           **error)
{
  GError *local = g_error_new (FD_GRAPH_ERROR, FD_GRAPH_ERROR_REPORT_FAILED,
                               _("Meta’s report %s did not complete: %s"), self->id, message);
  FdGraphErrorInfo *info = fd_graph_error_ensure_info (local);

  info->code = self->error_code;
  info->subcode = self->error_subcode;
  info->graph_message = g_strdup (self->error_message);
  g_propagate_error (error, local);
  return FALSE;
}

/**
 * fd_graph_report_run_wait:
 * @progress: (nullable): told each new percentage
 *
 * Polls until the run completes.
 *
 * Returns: %TRUE once "Job Completed"; %FALSE with
 *   %FD_GRAPH_ERROR_REPORT_FAILED if it failed, was skipped (expired),
 *   stalled at 0 % or took too long; or with the error of a poll
 */
gboolean
fd_graph_report_run_wait (FdGraphReportRun           *self,
                          FdGraphReportProgressFunc   progress,
                          gpointer                    user_data,
                          GCancellable               *cancellable,
                          GError                    **error)
{
  gint64 interval = POLL_FIRST_US;
  gint64 waited = 0;
  int last_percent = -1;

  g_return_val_if_fail (FD_IS_GRAPH_REPORT_RUN (self), FALSE);

  while (TRUE)
    {
      if (!fd_graph_report_run_poll (self, cancellable, error))
        return FALSE;

      if (progress != NULL && self->percent != last_percent)
        progress (self, self->percent, user_data);
      last_percent = self->percent;

      switch (self->status)
        {
        case FD_GRAPH_REPORT_COMPLETED:
          return TRUE;
        case FD_GRAPH_REPORT_FAILED:
          return fail_run (self, self->error_message ? self->error_message : _("the job failed"),
                           error);
        case FD_GRAPH_REPORT_SKIPPED:
          return fail_run (self, _("the job expired before it ran"), error);
        case FD_GRAPH_REPORT_UNKNOWN:
        case FD_GRAPH_REPORT_NOT_STARTED:
        case FD_GRAPH_REPORT_STARTED:
        case FD_GRAPH_REPORT_RUNNING:
        default:
          break;
        }

      if (self->percent == 0 && waited >= STALLED_AFTER_US)
        return fail_run (self, _("it made no progress for five minutes"), error);
      if (waited >= GIVE_UP_AFTER_US)
        return fail_run (self, _("it did not finish within an hour"), error);

      if (!fd_graph_client_wait (self->client, interval, cancellable))
        {
          g_set_error_literal (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_CANCELLED,
                               _("The operation was cancelled."));
          return FALSE;
        }
      waited += interval;
      interval = MIN (interval * 3 / 2, POLL_MAX_US);
    }
}

/**
 * fd_graph_report_run_new_pager:
 * @params: (nullable): paging parameters such as limit
 * @after: (nullable): a saved cursor to resume from
 *
 * Returns: (transfer full): a pager over the run's results
 */
FdGraphPager *
fd_graph_report_run_new_pager (FdGraphReportRun *self,
                               FdGraphParams    *params,
                               const char       *after)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (FD_IS_GRAPH_REPORT_RUN (self), NULL);

  path = g_strdup_printf ("%s/insights", self->id);
  return fd_graph_pager_new (self->client, path, params, after);
}
