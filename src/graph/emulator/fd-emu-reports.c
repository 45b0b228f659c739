/* fd-emu-reports.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-graph-emulator"

#include "config.h"

#include <stdlib.h>

#include "fd-emu-request.h"

/* The emulator's insights (synchronous and as async report runs), the user
 * node, and the Ad Library. */

static void
write_insights_page (FdEmuRequest                  *request,
                     const FdEmuInsightsQuery *query)
{
  g_autoptr(FdEmuMetricsCache) cache = fd_emu_metrics_cache_new (request->now_us);
  GString *body = g_string_new ("{\"data\":[");
  guint64 start;
  guint64 first;
  guint64 last;
  guint64 resume;
  guint rows;

  if (!_fd_emu_start_position (request, &start))
    {
      g_string_free (body, TRUE);
      return;
    }

  rows = fd_emu_insights_write_page (query, cache, start, body, &first, &last, &resume);
  _fd_emu_finish_page (request, body, rows, first, last, resume);

  request->self->stats.insights_pages++;
  request->self->stats.rows += rows;
  _fd_emu_reply_json (request, 200, body);
}

void
_fd_emu_handle_insights (FdEmuRequest     *request,
                 FdEmuObject *scope)
{
  FdGraphEmulator *self = request->self;
  FdEmuInsightsQuery query;
  FdEmuFailure failure = { 0 };

  if (!fd_emu_insights_parse (&query, request->account, scope, request->params,
                              request->now_us, &failure))
    {
      _fd_emu_reply_failure (request, &failure);
      fd_emu_failure_clear (&failure);
      return;
    }

  if (fd_emu_insights_count_positions (&query) > self->sync_row_limit)
    {
      _fd_emu_reply_error_full (request, 400, 100, 1487534, "OAuthException",
                        "Please reduce the amount of data you're asking for, then retry your request",
                        -1, "Too much data", "Please reduce the amount of data you're asking for, "
                        "then retry your request", NULL);
      return;
    }

  write_insights_page (request, &query);
}

void
_fd_emu_report_run_free (FdEmuReportRun *run)
{
  g_free (run->id);
  g_free (run);
}

void
_fd_emu_handle_report_create (FdEmuRequest     *request,
                      FdEmuObject *scope)
{
  FdGraphEmulator *self = request->self;
  g_autoptr(FdEmuFault) fault = NULL;
  FdEmuFailure failure = { 0 };
  FdEmuReportRun *run;
  GString *body;

  run = g_new0 (FdEmuReportRun, 1);
  if (!fd_emu_insights_parse (&run->query, request->account, scope, request->params,
                              request->now_us, &failure))
    {
      _fd_emu_reply_failure (request, &failure);
      fd_emu_failure_clear (&failure);
      _fd_emu_report_run_free (run);
      return;
    }

  run->id = g_strdup_printf ("%" G_GUINT64_FORMAT, (guint64)(G_GUINT64_CONSTANT (1029384756000000) + self->next_run++));
  run->created_mono = g_get_monotonic_time ();
  run->created_us = request->now_us;
  run->outcome = FD_EMU_FAULT_THROTTLE;

  fault = _fd_emu_faults_take (self->faults, request->rest, TRUE);
  if (fault != NULL)
    {
      run->outcome = fault->kind;
      self->stats.faults++;
    }
  else if (self->max_report_days > 0 &&
           run->query.until - run->query.since + 1 > (int)self->max_report_days)
    run->outcome = FD_EMU_FAULT_REPORT_FAILED;

  g_hash_table_insert (self->runs, run->id, run);
  self->stats.report_runs++;

  body = g_string_new (NULL);
  g_string_append_printf (body, "{\"report_run_id\":\"%s\"}", run->id);
  _fd_emu_reply_json (request, 200, body);
}

void
_fd_emu_handle_report_status (FdEmuRequest        *request,
                      FdEmuReportRun *run)
{
  gint64 elapsed = g_get_monotonic_time () - run->created_mono;
  gint64 delay = MAX ((gint64)request->self->report_delay_ms * 1000, 1);
  int percent = (int)MIN (100, elapsed * 100 / delay);
  const char *status;
  char since[11];
  char until[11];
  GString *body = g_string_new (NULL);

  if (run->outcome == FD_EMU_FAULT_REPORT_SKIPPED && percent >= 15)
    status = "Job Skipped";
  else if (run->outcome == FD_EMU_FAULT_REPORT_FAILED && percent >= 50)
    status = "Job Failed";
  else if (percent < 15)
    status = "Job Not Started", percent = 0;
  else if (percent < 30)
    status = "Job Started";
  else if (percent < 100)
    status = "Job Running";
  else
    status = "Job Completed";

  if (run->outcome != FD_EMU_FAULT_THROTTLE && !g_str_equal (status, "Job Not Started") &&
      !g_str_equal (status, "Job Started") && !g_str_equal (status, "Job Running"))
    percent = 0;

  fd_emu_day_format (run->query.since, since);
  fd_emu_day_format (run->query.until, until);
  g_string_append_printf (body, "{\"id\":\"%s\",\"account_id\":\"%s\",\"time_ref\":%" G_GINT64_FORMAT
                          ",\"async_status\":\"%s\",\"async_percent_completion\":%d,"
                          "\"date_start\":\"%s\",\"date_stop\":\"%s\"",
                          run->id, run->query.account->id + 4, run->created_us / G_USEC_PER_SEC,
                          status, percent, since, until);
  if (g_str_equal (status, "Job Completed"))
    g_string_append_printf (body, ",\"time_completed\":%" G_GINT64_FORMAT,
                            run->created_us / G_USEC_PER_SEC + delay / G_USEC_PER_SEC + 1);
  if (g_str_equal (status, "Job Failed"))
    g_string_append (body, ",\"error_code\":-2,\"error_subcode\":2490547,"
                     "\"error_message\":\"Report Failed\",\"error_user_title\":\"Report Failed\","
                     "\"error_user_msg\":\"Generating the report failed. Try again later.\"");
  g_string_append_c (body, '}');

  _fd_emu_reply_json (request, 200, body);
}

void
_fd_emu_handle_report_results (FdEmuRequest        *request,
                       FdEmuReportRun *run)
{
  gint64 elapsed = g_get_monotonic_time () - run->created_mono;
  FdEmuInsightsQuery query = run->query;
  const char *limit = g_hash_table_lookup (request->params, "limit");

  if (run->outcome != FD_EMU_FAULT_THROTTLE ||
      elapsed < (gint64)request->self->report_delay_ms * 1000)
    {
      _fd_emu_reply_error (request, 400, 100, 0, "(#100) The report is not ready; poll its async_status");
      return;
    }

  query.limit = limit ? CLAMP (atoi (limit), 1, 5000) : 25;
  write_insights_page (request, &query);
}

void
_fd_emu_handle_me (FdEmuRequest *request)
{
  _fd_emu_reply_json (request, 200,
              g_string_new ("{\"id\":\"100000000000001\",\"name\":\"Emulated system user\"}"));
}

void
_fd_emu_handle_library (FdEmuRequest *request)
{
  FdGraphEmulator *self = request->self;
  const char *limit_text = g_hash_table_lookup (request->params, "limit");
  guint limit = limit_text ? CLAMP (atoi (limit_text), 1, 1000) : 25;
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (request->now_us / G_USEC_PER_SEC);
  GDate date;
  FdEmuFailure failure = { 0 };
  GString *body;
  guint64 start;
  guint64 last;
  guint64 resume;

  if (!_fd_emu_start_position (request, &start))
    return;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));

  body = g_string_new ("{\"data\":[");
  if (!_fd_emu_library_write_page (fd_emu_model_get_seed (self->model), request->params,
                                   request->token, (int)g_date_get_julian (&date), start, limit,
                                   body, &last, &resume, &failure))
    {
      g_string_free (body, TRUE);
      _fd_emu_reply_failure (request, &failure);
      fd_emu_failure_clear (&failure);
      return;
    }

  /* An empty result is {"data":[]} with no paging at all. */
  _fd_emu_finish_page (request, body, body->len > strlen ("{\"data\":[") ? 1 : 0, start, last, resume);
  _fd_emu_reply_json (request, 200, body);
}
