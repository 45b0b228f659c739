/* fd-triage-executor.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fd-rule-syntax.h"

G_BEGIN_DECLS

/**
 * FdObjectStatus:
 * @FD_OBJECT_STATUS_ACTIVE: delivering (Meta's status=ACTIVE)
 * @FD_OBJECT_STATUS_PAUSED: paused (status=PAUSED)
 */
typedef enum
{
  FD_OBJECT_STATUS_ACTIVE,
  FD_OBJECT_STATUS_PAUSED,
} FdObjectStatus;

#define FD_TYPE_TRIAGE_EXECUTOR (fd_triage_executor_get_type ())

G_DECLARE_INTERFACE (FdTriageExecutor, fd_triage_executor, FD, TRIAGE_EXECUTOR, GObject)

/**
 * FdTriageExecutorInterface:
 * @set_status: pause or resume a campaign, ad set or ad
 * @set_daily_budget: set the daily budget of a campaign or ad set, in the
 *   minor unit of the account currency (what Meta's API takes)
 *
 * What triage needs from the ad platform to carry out a decision. The core
 * does no HTTP; the graph layer implements this with its Graph client.
 *
 * Both calls are synchronous and are made on a worker thread (the thread
 * running the triage cycle, or approving a decision), never on the main
 * thread: an implementation may block on the network, must be callable
 * from a thread other than the one that created it, and should honour
 * @cancellable. On failure it returns %FALSE with @error saying, for a
 * person, what went wrong ("Meta refused the budget: it is below the
 * minimum of 1.00 EUR"); that message is stored with the decision.
 */
struct _FdTriageExecutorInterface
{
  GTypeInterface parent_iface;

  gboolean (*set_status)       (FdTriageExecutor  *self,
                                const char        *account_id,
                                const char        *object_id,
                                FdRuleLevel        level,
                                FdObjectStatus     status,
                                GCancellable      *cancellable,
                                GError           **error);
  gboolean (*set_daily_budget) (FdTriageExecutor  *self,
                                const char        *account_id,
                                const char        *object_id,
                                FdRuleLevel        level,
                                gint64             minor_units,
                                GCancellable      *cancellable,
                                GError           **error);
};

gboolean fd_triage_executor_set_status       (FdTriageExecutor  *self,
                                              const char        *account_id,
                                              const char        *object_id,
                                              FdRuleLevel        level,
                                              FdObjectStatus     status,
                                              GCancellable      *cancellable,
                                              GError           **error);
gboolean fd_triage_executor_set_daily_budget (FdTriageExecutor  *self,
                                              const char        *account_id,
                                              const char        *object_id,
                                              FdRuleLevel        level,
                                              gint64             minor_units,
                                              GCancellable      *cancellable,
                                              GError           **error);

G_END_DECLS
