/* fd-audit-log.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-audit-event.h"
#include "fd-store.h"

G_BEGIN_DECLS

/**
 * FdAuditVerification:
 * @ok: whether the whole chain verified
 * @n_events: events read
 * @head_seq: sequence number of the newest event
 * @head_hash: (nullable): its hash; noting it lets a later check prove that
 *   nothing was rewritten since
 * @first_broken_seq: the first event that fails, 0 when @ok
 * @problem: (nullable): what is wrong with it, in a sentence
 * @entity: (nullable): "type:id" of a record whose row no longer matches
 *   its last audited state, or that has no audit record at all
 *
 * The chain is checked first; when it holds, every audited record is
 * compared with the state its newest event recorded, so a workflow row
 * edited, added or deleted outside Flightdeck is found too.
 */
typedef struct
{
  gboolean  ok;
  gint64    n_events;
  gint64    head_seq;
  char     *head_hash;
  gint64    first_broken_seq;
  char     *problem;
  char     *entity;
} FdAuditVerification;

void                 fd_audit_verification_free (FdAuditVerification *self);

char                *fd_audit_log_compute_hash  (gint64       seq,
                                                 gint64       at_us,
                                                 const char  *actor,
                                                 const char  *entity_type,
                                                 const char  *entity_id,
                                                 const char  *action,
                                                 const char  *before_json,
                                                 const char  *after_json,
                                                 const char  *prev_hash);
FdAuditVerification *fd_audit_log_verify        (FdStore     *store,
                                                 GError     **error);
GPtrArray           *fd_audit_log_list          (FdStore     *store,
                                                 const char  *entity_type,
                                                 const char  *entity_id,
                                                 gint64       after_seq,
                                                 int          limit,
                                                 GError     **error);
gint64               fd_audit_log_get_head_seq  (FdStore     *store,
                                                 GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdAuditVerification, fd_audit_verification_free)

G_END_DECLS
