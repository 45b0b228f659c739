/* fd-triage-notice.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Kinds of notice: what kept a rule from judging an object. */
#define FD_TRIAGE_NOTICE_MISSING_TARGET   "missing-target"
#define FD_TRIAGE_NOTICE_NO_DAILY_BUDGET  "no-daily-budget"
#define FD_TRIAGE_NOTICE_INVALID_RULE     "invalid-rule"
#define FD_TRIAGE_NOTICE_UNKNOWN_ZONE     "unknown-time-zone"

#define FD_TYPE_TRIAGE_NOTICE (fd_triage_notice_get_type ())

G_DECLARE_FINAL_TYPE (FdTriageNotice, fd_triage_notice, FD, TRIAGE_NOTICE, GObject)

FdTriageNotice *fd_triage_notice_new             (gint64          rule_id,
                                                  const char     *rule_name,
                                                  const char     *object_id,
                                                  const char     *object_name,
                                                  const char     *kind,
                                                  const char     *message);
gint64          fd_triage_notice_get_rule_id     (FdTriageNotice *self);
const char     *fd_triage_notice_get_rule_name   (FdTriageNotice *self);
const char     *fd_triage_notice_get_object_id   (FdTriageNotice *self);
const char     *fd_triage_notice_get_object_name (FdTriageNotice *self);
const char     *fd_triage_notice_get_kind        (FdTriageNotice *self);
const char     *fd_triage_notice_get_message     (FdTriageNotice *self);

G_END_DECLS
