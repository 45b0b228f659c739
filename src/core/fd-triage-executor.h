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

/**
 * FdObjectState:
 * @status: Meta's configured status ("ACTIVE", "PAUSED" …)
 * @effective_status: (nullable): whether it delivers ("ACTIVE",
 *   "CAMPAIGN_PAUSED" …), when known
 * @daily_budget: minor units; -1 when the object has no daily budget of
 *   its own
 *
 * What the ad platform says an object is now.
 */
typedef struct
{
  char   *status;
  char   *effective_status;
  gint64  daily_budget;
} FdObjectState;

void fd_object_state_clear (FdObjectState *state);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FdObjectState, fd_object_state_clear)

#define FD_TYPE_TRIAGE_EXECUTOR (fd_triage_executor_get_type ())

G_DECLARE_INTERFACE (FdTriageExecutor, fd_triage_executor, FD, TRIAGE_EXECUTOR, GObject)

/**
 * FdTriageExecutorInterface:
 * @set_status: pause or resume a campaign, ad set or ad
 * @set_daily_budget: set the daily budget of a campaign or ad set, in the
 *   minor unit of the account currency (what Meta's API takes)
 * @read_object: (optional): what the platform says the object is now.
 *   Triage reads it after a change, to record what Meta confirms, and
 *   before carrying out a decision again, so that a change that was made
 *   (but whose outcome was never recorded) is not made twice
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
  gboolean (*read_object)      (FdTriageExecutor  *self,
                                const char        *account_id,
                                const char        *object_id,
                                FdRuleLevel        level,
                                FdObjectState     *state,
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

gboolean fd_triage_executor_can_read        (FdTriageExecutor  *self);
gboolean fd_triage_executor_read_object     (FdTriageExecutor  *self,
                                              const char        *account_id,
                                              const char        *object_id,
                                              FdRuleLevel        level,
                                              FdObjectState     *state,
                                              GCancellable      *cancellable,
                                              GError           **error);

G_END_DECLS
