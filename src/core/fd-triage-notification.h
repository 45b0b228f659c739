/* fd-triage-notification.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-store.h"

G_BEGIN_DECLS

#define FD_TYPE_TRIAGE_NOTIFICATION (fd_triage_notification_get_type ())

G_DECLARE_FINAL_TYPE (FdTriageNotification, fd_triage_notification, FD, TRIAGE_NOTIFICATION, GObject)

/* A message triage left for a person: "notify", "escalate", or "approval"
 * (a decision waits for them). Audited as entity "notification". */

gint64      fd_triage_notification_get_id          (FdTriageNotification *self);
gint64      fd_triage_notification_get_decision_id (FdTriageNotification *self);
const char *fd_triage_notification_get_kind        (FdTriageNotification *self);
const char *fd_triage_notification_get_recipient   (FdTriageNotification *self);
gint64      fd_triage_notification_get_person_id   (FdTriageNotification *self);
const char *fd_triage_notification_get_message     (FdTriageNotification *self);
gint64      fd_triage_notification_get_created     (FdTriageNotification *self);
gboolean    fd_triage_notification_get_read        (FdTriageNotification *self);

GPtrArray  *fd_triage_notification_list            (FdStore     *store,
                                                    gint64       person_id,
                                                    gboolean     unread_only,
                                                    GError     **error);
gboolean    fd_triage_notification_mark_read       (FdStore     *store,
                                                    const char  *actor,
                                                    gint64       notification_id,
                                                    GError     **error);

G_END_DECLS
