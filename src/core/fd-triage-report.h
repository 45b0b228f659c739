/* fd-triage-report.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * FdTriageCounts:
 * @rules: enabled rules evaluated
 * @objects: objects looked at (over all levels)
 * @evaluations: rule × object pairs judged
 * @fired: decisions made
 * @held_back: pairs whose condition held but a `require` guardrail did not
 * @cooling_down: pairs that would have fired again within their cooldown,
 *   or while an earlier decision is still open
 * @skipped: pairs not judged (missing target, nothing to pause …)
 * @load_us: time spent reading insights
 * @evaluate_us: time spent evaluating
 * @record_us: time spent writing decisions
 * @execute_us: time spent carrying them out
 * @daily_rows: insight_daily rows read
 * @hourly_rows: insight_hourly rows read
 * @reach_rows: insight_reach rows read
 * @window_sums: window sums computed (each shared by every rule needing it)
 */
typedef struct
{
  guint   rules;
  guint   objects;
  guint   evaluations;
  guint   fired;
  guint   held_back;
  guint   cooling_down;
  guint   skipped;
  gint64  load_us;
  gint64  evaluate_us;
  gint64  record_us;
  gint64  execute_us;
  guint64 daily_rows;
  guint64 hourly_rows;
  guint64 reach_rows;
  guint64 window_sums;
} FdTriageCounts;

#define FD_TYPE_TRIAGE_REPORT (fd_triage_report_get_type ())

G_DECLARE_FINAL_TYPE (FdTriageReport, fd_triage_report, FD, TRIAGE_REPORT, GObject)

FdTriageReport       *fd_triage_report_new            (gint64          at,
                                                       gboolean        dry_run);
gint64                fd_triage_report_get_at         (FdTriageReport *self);
gboolean              fd_triage_report_get_dry_run    (FdTriageReport *self);
GPtrArray            *fd_triage_report_get_decisions  (FdTriageReport *self);
GPtrArray            *fd_triage_report_get_notices    (FdTriageReport *self);
FdTriageCounts       *fd_triage_report_get_counts     (FdTriageReport *self);

G_END_DECLS
