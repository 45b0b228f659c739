/* fd-account-summary.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-ad-account.h"
#include "fd-rule-metric.h"
#include "fd-store.h"

G_BEGIN_DECLS

#define FD_TYPE_ACCOUNT_SUMMARY (fd_account_summary_get_type ())

G_DECLARE_FINAL_TYPE (FdAccountSummary, fd_account_summary, FD, ACCOUNT_SUMMARY, GObject)

GPtrArray   *fd_account_summary_list             (FdStore          *store,
                                                  gint64            now,
                                                  guint             window_days,
                                                  GError          **error);
FdAdAccount *fd_account_summary_get_account      (FdAccountSummary *self);
guint        fd_account_summary_get_window_days  (FdAccountSummary *self);
gint64       fd_account_summary_get_spend        (FdAccountSummary *self);
gint64       fd_account_summary_get_spend_today  (FdAccountSummary *self);
gint64       fd_account_summary_get_daily_budget (FdAccountSummary *self);
double       fd_account_summary_get_metric       (FdAccountSummary *self,
                                                  FdRuleMetricId    metric);
double       fd_account_summary_get_pacing       (FdAccountSummary *self);

G_END_DECLS
