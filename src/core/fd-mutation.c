/* fd-mutation.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-mutation"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-audit-log.h"
#include "fd-core-error.h"
#include "fd-mutation.h"
#include "fd-store-private.h"

struct _FdMutation
{
  FdStore  *store;
  char     *actor;
  gint64    at_us;
  guint     n_events;
  gboolean  finished;
};

/**
 * fd_mutation_begin:
 * @actor: who makes the change: "person:ID", "rule:ID", "system" …
 *
 * Returns: (transfer full): a mutation, or %NULL with @error set (for
 *   instance when the database is locked)
 */
FdMutation *
fd_mutation_begin (FdStore     *store,
                   const char  *actor,
                   GError     **error)
{
  FdMutation *self;

  g_return_val_if_fail (FD_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL && *actor != '\0', NULL);

  if (!fd_store_begin (store, error))
    return NULL;

  self = g_new0 (FdMutation, 1);
  self->store = g_object_ref (store);
  self->actor = g_strdup (actor);
  self->at_us = fd_store_now (store);

  return self;
}

FdStore *
fd_mutation_get_store (FdMutation *self)
{
  return self->store;
}

const char *
fd_mutation_get_actor (FdMutation *self)
{
  return self->actor;
}

/**
 * fd_mutation_get_time:
 *
 * Returns: the time of the change; every event of one mutation carries it
 */
gint64
fd_mutation_get_time (FdMutation *self)
{
  return self->at_us;
}

static gboolean
read_head (FdStore  *store,
           gint64   *seq,
           char    **hash,
           GError  **error)
{
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  stmt = fd_store_stmt (store, "SELECT seq, hash FROM audit_head WHERE id = 1", error);
  if (stmt == NULL || !fd_store_step (store, stmt, &has_row, error))
    return FALSE;

  if (has_row)
    {
      *seq = sqlite3_column_int64 (stmt, 0);
      *hash = fd_stmt_dup_text (stmt, 1);
    }
  else
    {
      *seq = 0;
      *hash = g_strdup (FD_AUDIT_GENESIS_HASH);
    }

  return TRUE;
}

/**
 * fd_mutation_record:
 * @entity_type: the kind of record ("person", "asset", …)
 * @entity_id: its id
 * @action: what happened ("create", "update", "transition", …)
 * @before_json: (nullable): the record before, as JSON text
 * @after_json: (nullable): the record after, as JSON text
 *
 * Appends one event to the audit log, chained to the previous one.
 */
gboolean
fd_mutation_record (FdMutation  *self,
                    const char  *entity_type,
                    const char  *entity_id,
                    const char  *action,
                    const char  *before_json,
                    const char  *after_json,
                    GError     **error)
{
  g_auto(FdStmt) insert = NULL;
  g_auto(FdStmt) head = NULL;
  g_autofree char *prev_hash = NULL;
  g_autofree char *hash = NULL;
  gint64 prev_seq;
  gint64 seq;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->finished, FALSE);
  g_return_val_if_fail (entity_type != NULL && entity_id != NULL && action != NULL, FALSE);

  if (!read_head (self->store, &prev_seq, &prev_hash, error))
    return FALSE;

  seq = prev_seq + 1;
  hash = fd_audit_log_compute_hash (seq, self->at_us, self->actor,
                                    entity_type, entity_id, action,
                                    before_json, after_json, prev_hash);

  insert = fd_store_stmt (self->store,
                          "INSERT INTO audit_event (seq, at_us, actor, entity_type, "
                          "entity_id, action, before_json, after_json, prev_hash, hash) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                          error);
  if (insert == NULL)
    return FALSE;

  sqlite3_bind_int64 (insert, 1, seq);
  sqlite3_bind_int64 (insert, 2, self->at_us);
  fd_stmt_bind_text (insert, 3, self->actor);
  fd_stmt_bind_text (insert, 4, entity_type);
  fd_stmt_bind_text (insert, 5, entity_id);
  fd_stmt_bind_text (insert, 6, action);
  fd_stmt_bind_text (insert, 7, before_json);
  fd_stmt_bind_text (insert, 8, after_json);
  fd_stmt_bind_text (insert, 9, prev_hash);
  fd_stmt_bind_text (insert, 10, hash);

  if (!fd_store_run (self->store, insert, error))
    return FALSE;

  head = fd_store_stmt (self->store,
                        "INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?) "
                        "ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash",
                        error);
  if (head == NULL)
    return FALSE;

  sqlite3_bind_int64 (head, 1, seq);
  fd_stmt_bind_text (head, 2, hash);
  if (!fd_store_run (self->store, head, error))
    return FALSE;

  self->n_events++;
  _fd_store_note_audit_event (self->store, seq);

  return TRUE;
}

static char *
node_to_json (JsonNode *node)
{
  if (node == NULL)
    return NULL;

  return json_to_string (node, FALSE);
}

/**
 * fd_mutation_record_node:
 *
 * Like fd_mutation_record(), with the before and after states as JSON nodes.
 */
gboolean
fd_mutation_record_node (FdMutation  *self,
                         const char  *entity_type,
                         const char  *entity_id,
                         const char  *action,
                         JsonNode    *before,
                         JsonNode    *after,
                         GError     **error)
{
  g_autofree char *before_json = node_to_json (before);
  g_autofree char *after_json = node_to_json (after);

  return fd_mutation_record (self, entity_type, entity_id, action,
                             before_json, after_json, error);
}

/**
 * fd_mutation_commit:
 *
 * Commits the rows and their audit events. A mutation that recorded no
 * event is refused and rolled back: an unaudited change is a bug.
 */
gboolean
fd_mutation_commit (FdMutation  *self,
                    GError     **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->finished, FALSE);

  self->finished = TRUE;

  if (self->n_events == 0)
    {
      g_critical ("A mutation by %s recorded no audit event; rolling back", self->actor);
      fd_store_rollback (self->store);
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_FAILED,
                   _("Internal error: a change without an audit record was refused."));
      return FALSE;
    }

  return fd_store_commit (self->store, error);
}

void
fd_mutation_free (FdMutation *self)
{
  if (self == NULL)
    return;

  if (!self->finished)
    fd_store_rollback (self->store);

  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, g_free);
  g_free (self);
}
