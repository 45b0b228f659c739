/* fd-graph-emulator.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fd-emu-model.h"

G_BEGIN_DECLS

/**
 * FdEmuFaultKind:
 * @FD_EMU_FAULT_THROTTLE: HTTP 400 with a throttle code (17, or 80000 on
 *   insights) and usage headers at 100 %; access returns after @param
 *   minutes (default 1) of the emulator's clock, earlier calls are
 *   throttled again
 * @FD_EMU_FAULT_SERVER_ERROR: HTTP 500, code 2, is_transient
 * @FD_EMU_FAULT_UNAVAILABLE: HTTP 503 with an HTML page
 * @FD_EMU_FAULT_TIMEOUT: no answer for @param ms (default 30 s)
 * @FD_EMU_FAULT_MALFORMED: HTTP 200 with a body cut in the middle of its
 *   JSON (but a matching Content-Length)
 * @FD_EMU_FAULT_TRUNCATED: the connection closes before the announced
 *   Content-Length was sent
 * @FD_EMU_FAULT_EXPIRED_TOKEN: 190/463 with WWW-Authenticate
 * @FD_EMU_FAULT_PERMISSION: 200 "Requires ads_read permission", HTTP 403
 * @FD_EMU_FAULT_STALL: no answer until the faults are cleared
 * @FD_EMU_FAULT_TOO_MUCH_DATA: 100/1487534
 * @FD_EMU_FAULT_REPORT_FAILED: report runs created now end "Job Failed"
 * @FD_EMU_FAULT_REPORT_SKIPPED: report runs created now end "Job Skipped"
 */
typedef enum
{
  FD_EMU_FAULT_THROTTLE,
  FD_EMU_FAULT_SERVER_ERROR,
  FD_EMU_FAULT_UNAVAILABLE,
  FD_EMU_FAULT_TIMEOUT,
  FD_EMU_FAULT_MALFORMED,
  FD_EMU_FAULT_TRUNCATED,
  FD_EMU_FAULT_EXPIRED_TOKEN,
  FD_EMU_FAULT_PERMISSION,
  FD_EMU_FAULT_STALL,
  FD_EMU_FAULT_TOO_MUCH_DATA,
  FD_EMU_FAULT_REPORT_FAILED,
  FD_EMU_FAULT_REPORT_SKIPPED,
} FdEmuFaultKind;

/**
 * FdGraphEmulatorStats:
 * @requests: Graph requests received
 * @insights_pages: pages of insights answered
 * @rows: insights rows answered
 * @report_runs: async report runs created
 * @throttled: answers that said a rate limit was reached
 * @early_calls: calls made while access was still blocked after a
 *   throttle (a client that waits as told makes none)
 * @faults: requests answered by an injected fault
 * @writes: status and budget changes accepted
 * @held: requests being held by a stall or timeout fault right now
 */
typedef struct
{
  guint64 requests;
  guint64 insights_pages;
  guint64 rows;
  guint64 report_runs;
  guint64 throttled;
  guint64 early_calls;
  guint64 faults;
  guint64 writes;
  guint64 held;
} FdGraphEmulatorStats;

#define FD_GRAPH_EMULATOR_DEMO_ACCOUNT "act_1000000000001"
#define FD_GRAPH_EMULATOR_URL_SCHEME   "emulator:"

#define FD_TYPE_GRAPH_EMULATOR (fd_graph_emulator_get_type ())

G_DECLARE_FINAL_TYPE (FdGraphEmulator, fd_graph_emulator, FD, GRAPH_EMULATOR, GObject)

FdGraphEmulator *fd_graph_emulator_new            (guint64                  seed);
FdGraphEmulator *fd_graph_emulator_get_shared     (const char              *state_file,
                                                   GError                 **error);
gboolean         fd_graph_emulator_add_account    (FdGraphEmulator         *self,
                                                   const FdEmuAccountSpec  *spec,
                                                   GError                 **error);
gboolean         fd_graph_emulator_add_account_from_string (FdGraphEmulator *self,
                                                            const char     *spec,
                                                            GError        **error);
void             fd_graph_emulator_add_demo_account (FdGraphEmulator       *self);
void             fd_graph_emulator_set_now        (FdGraphEmulator         *self,
                                                   gint64                   now_us);
gint64           fd_graph_emulator_get_now        (FdGraphEmulator         *self);
void             fd_graph_emulator_set_time_scale (FdGraphEmulator         *self,
                                                   double                   scale);
void             fd_graph_emulator_set_token      (FdGraphEmulator         *self,
                                                   const char              *token);
void             fd_graph_emulator_set_app_secret (FdGraphEmulator         *self,
                                                   const char              *app_secret);
void             fd_graph_emulator_set_quota      (FdGraphEmulator         *self,
                                                   guint                    calls_per_hour);
void             fd_graph_emulator_set_report_delay (FdGraphEmulator       *self,
                                                     guint                  ms);
void             fd_graph_emulator_set_max_report_days (FdGraphEmulator    *self,
                                                        guint               days);
void             fd_graph_emulator_set_sync_row_limit (FdGraphEmulator     *self,
                                                       guint64             rows);
void             fd_graph_emulator_set_min_version (FdGraphEmulator        *self,
                                                    const char             *version);
gboolean         fd_graph_emulator_set_state_file (FdGraphEmulator         *self,
                                                   const char              *path,
                                                   GError                 **error);

gboolean         fd_graph_emulator_start          (FdGraphEmulator         *self,
                                                   guint                    port,
                                                   GError                 **error);
const char      *fd_graph_emulator_get_url        (FdGraphEmulator         *self);
void             fd_graph_emulator_stop           (FdGraphEmulator         *self);

void             fd_graph_emulator_add_fault      (FdGraphEmulator         *self,
                                                   FdEmuFaultKind           kind,
                                                   const char              *path_match,
                                                   int                      skip,
                                                   int                      count,
                                                   int                      param);
gboolean         fd_graph_emulator_add_fault_from_string (FdGraphEmulator  *self,
                                                          const char       *spec,
                                                          GError          **error);
void             fd_graph_emulator_clear_faults   (FdGraphEmulator         *self);
void             fd_graph_emulator_record_requests (FdGraphEmulator    *self,
                                                    gboolean            record);
GPtrArray       *fd_graph_emulator_take_requests  (FdGraphEmulator     *self);
void             fd_graph_emulator_get_stats      (FdGraphEmulator         *self,
                                                   FdGraphEmulatorStats    *stats);
GPtrArray       *fd_graph_emulator_list_objects   (FdGraphEmulator         *self,
                                                   const char              *account_id,
                                                   FdEmuLevel               level);
gboolean         fd_graph_emulator_get_day        (FdGraphEmulator         *self,
                                                   const char              *object_id,
                                                   const char              *day,
                                                   gint64                  *impressions,
                                                   gint64                  *spend,
                                                   gint64                  *purchases,
                                                   gint64                  *purchase_value);

G_END_DECLS
