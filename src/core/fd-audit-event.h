/* fd-audit-event.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define FD_TYPE_AUDIT_EVENT (fd_audit_event_get_type ())

G_DECLARE_FINAL_TYPE (FdAuditEvent, fd_audit_event, FD, AUDIT_EVENT, GObject)

FdAuditEvent *fd_audit_event_new             (gint64        seq,
                                              gint64        at_us,
                                              const char   *actor,
                                              const char   *entity_type,
                                              const char   *entity_id,
                                              const char   *action,
                                              const char   *before_json,
                                              const char   *after_json,
                                              const char   *hash);
gint64        fd_audit_event_get_seq         (FdAuditEvent *self);
gint64        fd_audit_event_get_at          (FdAuditEvent *self);
const char   *fd_audit_event_get_actor       (FdAuditEvent *self);
const char   *fd_audit_event_get_entity_type (FdAuditEvent *self);
const char   *fd_audit_event_get_entity_id   (FdAuditEvent *self);
const char   *fd_audit_event_get_action      (FdAuditEvent *self);
const char   *fd_audit_event_get_before_json (FdAuditEvent *self);
const char   *fd_audit_event_get_after_json  (FdAuditEvent *self);
const char   *fd_audit_event_get_hash        (FdAuditEvent *self);

G_END_DECLS
