/* fd-audit-log.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-audit-log"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "fd-ad-creative-link.h"
#include "fd-asset-catalog.h"
#include "fd-audit-log.h"
#include "fd-brief.h"
#include "fd-comment-catalog.h"
#include "fd-insights-store.h"
#include "fd-ownership.h"
#include "fd-placement-gate.h"
#include "fd-reviewer-policy.h"
#include "fd-roster.h"
#include "fd-rulebook.h"
#include "fd-store-private.h"
#include "fd-target.h"
#include "fd-triage.h"

/* Reading and verifying the audit log. Writing happens in fd-mutation.c. */

/* Audited records whose current row can be compared with the state their
 * newest event recorded. @snapshot_sql takes the entity id and returns the
 * same JSON the module records as "after"; @ids_sql lists every id. */
typedef struct
{
  const char *entity_type;
  const char *snapshot_sql;
  const char *ids_sql;
} FdAuditedTable;

static const FdAuditedTable audited_tables[] = {
  { "person",    FD_PERSON_SNAPSHOT_SQL,    "SELECT CAST (id AS TEXT) FROM person" },
  { "ownership", FD_OWNERSHIP_SNAPSHOT_SQL, "SELECT transition FROM ownership" },
  { "brief",     FD_BRIEF_SNAPSHOT_SQL,     "SELECT CAST (id AS TEXT) FROM brief" },
  { "asset",         FD_ASSET_SNAPSHOT_SQL,           "SELECT CAST (id AS TEXT) FROM asset" },
  { "asset_version", FD_ASSET_VERSION_SNAPSHOT_SQL,   "SELECT CAST (id AS TEXT) FROM asset_version" },
  { "asset_group",   FD_ASSET_GROUP_SNAPSHOT_SQL,     "SELECT CAST (id AS TEXT) FROM asset_group" },
  { "review",        FD_ASSET_REVIEW_SNAPSHOT_SQL,    "SELECT CAST (id AS TEXT) FROM review_decision" },
  { "policy",        FD_REVIEWER_POLICY_SNAPSHOT_SQL, "SELECT DISTINCT kind FROM reviewer_policy" },
  { "comment",       FD_COMMENT_SNAPSHOT_SQL,         "SELECT CAST (id AS TEXT) FROM comment" },
  { "placement_override", FD_PLACEMENT_OVERRIDE_SNAPSHOT_SQL, "SELECT CAST (id AS TEXT) FROM placement_override" },
  { "rule",         FD_RULE_SNAPSHOT_SQL,         "SELECT CAST (id AS TEXT) FROM rule" },
  { "rule-version", FD_RULE_VERSION_SNAPSHOT_SQL, "SELECT rule_id || ':' || version FROM rule_version" },
  { "target",       FD_TARGET_SNAPSHOT_SQL,       "SELECT object_id FROM object_target" },
  { "decision",     FD_DECISION_SNAPSHOT_SQL,     "SELECT CAST (id AS TEXT) FROM triage_decision" },
  { "replacement",  FD_REPLACEMENT_SNAPSHOT_SQL,  "SELECT CAST (id AS TEXT) FROM replacement_request" },
  { "retirement",   FD_RETIREMENT_SNAPSHOT_SQL,   "SELECT CAST (id AS TEXT) FROM retirement" },
  { "notification", FD_NOTIFICATION_SNAPSHOT_SQL, "SELECT CAST (id AS TEXT) FROM triage_notification" },
  { "ad_account", FD_AD_ACCOUNT_SNAPSHOT_SQL, "SELECT id FROM ad_account" },
  { "ad_creative_link", FD_AD_CREATIVE_LINK_SNAPSHOT_SQL, "SELECT DISTINCT ad_id FROM ad_creative_link" },
};

void
fd_audit_verification_free (FdAuditVerification *self)
{
  if (self == NULL)
    return;

  g_free (self->head_hash);
  g_free (self->problem);
  g_free (self->entity);
  g_free (self);
}

/* Each field is fed as "<length>:<bytes>" and a missing one as "-", so no
 * two different events can produce the same input. */
static void
feed (GChecksum  *checksum,
      const char *value)
{
  char prefix[32];

  if (value == NULL)
    {
      g_checksum_update (checksum, (const guchar *)"-", 1);
      return;
    }

  g_snprintf (prefix, sizeof prefix, "%zu:", strlen (value));
  g_checksum_update (checksum, (const guchar *)prefix, -1);
  g_checksum_update (checksum, (const guchar *)value, -1);
}

/**
 * fd_audit_log_compute_hash:
 *
 * Returns: (transfer full): the lowercase hex SHA-256 of an event
 */
char *
fd_audit_log_compute_hash (gint64      seq,
                           gint64      at_us,
                           const char *actor,
                           const char *entity_type,
                           const char *entity_id,
                           const char *action,
                           const char *before_json,
                           const char *after_json,
                           const char *prev_hash)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  char number[32];

  g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, seq);
  feed (checksum, number);
  g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, at_us);
  feed (checksum, number);
  feed (checksum, actor);
  feed (checksum, entity_type);
  feed (checksum, entity_id);
  feed (checksum, action);
  feed (checksum, before_json);
  feed (checksum, after_json);
  feed (checksum, prev_hash);

  return g_strdup (g_checksum_get_string (checksum));
}

static void
mark_broken (FdAuditVerification *report,
             gint64               seq,
             char                *problem)
{
  report->ok = FALSE;
  report->first_broken_seq = seq;
  report->problem = problem;
}

static gboolean
check_head (FdStore              *store,
            FdAuditVerification  *report,
            gint64                last_seq,
            const char           *last_hash,
            GError              **error)
{
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;
  gint64 head_seq = 0;
  const char *head_hash = FD_AUDIT_GENESIS_HASH;

  stmt = fd_store_stmt (store, "SELECT seq, hash FROM audit_head WHERE id = 1", error);
  if (stmt == NULL || !fd_store_step (store, stmt, &has_row, error))
    return FALSE;

  if (has_row)
    {
      head_seq = sqlite3_column_int64 (stmt, 0);
      head_hash = fd_stmt_column_text (stmt, 1);
    }

  if (head_seq > last_seq)
    mark_broken (report, last_seq + 1,
                 g_strdup_printf (_("Events %lld to %lld were deleted from the end of the log."),
                                  (long long)(last_seq + 1), (long long)head_seq));
  else if (head_seq != last_seq || g_strcmp0 (head_hash, last_hash) != 0)
    mark_broken (report, head_seq + 1,
                 g_strdup_printf (_("The log does not end where it was last written "
                                    "(event %lld): events were added "
                                    "or replaced behind Flightdeck’s back."),
                                  (long long)head_seq));

  return TRUE;
}

/* Whether every member of the recorded state still has the same value.
 * Members added to the snapshot by later versions are not compared. */
static gboolean
state_matches (const char *recorded,
               const char *current)
{
  g_autoptr(JsonNode) a = recorded ? json_from_string (recorded, NULL) : NULL;
  g_autoptr(JsonNode) b = current ? json_from_string (current, NULL) : NULL;
  JsonObject *ra;
  JsonObject *cb;
  g_autoptr(GList) members = NULL;

  if (a == NULL || b == NULL)
    return a == NULL && b == NULL;

  if (!JSON_NODE_HOLDS_OBJECT (a) || !JSON_NODE_HOLDS_OBJECT (b))
    return json_node_equal (a, b);

  ra = json_node_get_object (a);
  cb = json_node_get_object (b);
  members = json_object_get_members (ra);

  for (const GList *l = members; l; l = l->next)
    {
      JsonNode *value = json_object_get_member (cb, l->data);

      if (value == NULL || !json_node_equal (json_object_get_member (ra, l->data), value))
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_recorded_states (FdStore               *store,
                       const FdAuditedTable  *table,
                       GHashTable            *audited_ids,
                       FdAuditVerification   *report,
                       GError               **error)
{
  g_auto(FdStmt) latest = NULL;
  gboolean has_row;

  latest = fd_store_stmt (store,
                          "SELECT entity_id, after_json, max (seq) FROM audit_event "
                          "WHERE entity_type = ? GROUP BY entity_id",
                          error);
  if (latest == NULL)
    return FALSE;

  fd_stmt_bind_text (latest, 1, table->entity_type);

  while (report->ok)
    {
      const char *id;
      g_autofree char *current = NULL;
      g_autoptr(GError) local_error = NULL;

      if (!fd_store_step (store, latest, &has_row, error))
        return FALSE;
      if (!has_row)
        break;

      id = fd_stmt_column_text (latest, 0);
      g_hash_table_add (audited_ids, g_strdup (id));

      {
        g_auto(FdStmt) snapshot = fd_store_stmt (store, table->snapshot_sql, error);

        if (snapshot == NULL)
          return FALSE;
        fd_stmt_bind_text (snapshot, 1, id);
        if (!fd_store_step (store, snapshot, &has_row, error))
          return FALSE;
        current = has_row ? fd_stmt_dup_text (snapshot, 0) : NULL;
      }

      if (!state_matches (fd_stmt_column_text (latest, 1), current))
        {
          gint64 seq = sqlite3_column_int64 (latest, 2);

          report->entity = g_strdup_printf ("%s:%s", table->entity_type, id);
          mark_broken (report, seq,
                       g_strdup_printf (current
                                        ? _("%s %s was changed outside Flightdeck: it no longer "
                                            "matches what event %lld recorded.")
                                        : _("%s %s was deleted outside Flightdeck after event "
                                            "%lld recorded it."),
                                        table->entity_type, id, (long long)seq));
        }
    }

  return TRUE;
}

static gboolean
check_unaudited_rows (FdStore               *store,
                      const FdAuditedTable  *table,
                      GHashTable            *audited_ids,
                      FdAuditVerification   *report,
                      GError               **error)
{
  g_auto(FdStmt) ids = fd_store_stmt (store, table->ids_sql, error);
  gboolean has_row;

  if (ids == NULL)
    return FALSE;

  while (report->ok)
    {
      const char *id;

      if (!fd_store_step (store, ids, &has_row, error))
        return FALSE;
      if (!has_row)
        break;

      id = fd_stmt_column_text (ids, 0);
      if (!g_hash_table_contains (audited_ids, id))
        {
          report->entity = g_strdup_printf ("%s:%s", table->entity_type, id);
          mark_broken (report, report->head_seq + 1,
                       g_strdup_printf (_("%s %s has no audit record: it was added outside "
                                          "Flightdeck."),
                                        table->entity_type, id));
        }
    }

  return TRUE;
}

static gboolean
check_table (FdStore               *store,
             const FdAuditedTable  *table,
             FdAuditVerification   *report,
             GError               **error)
{
  g_autoptr(GHashTable) audited_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  return check_recorded_states (store, table, audited_ids, report, error) &&
         (!report->ok || check_unaudited_rows (store, table, audited_ids, report, error));
}

/**
 * fd_audit_log_verify:
 *
 * Walks the whole log, recomputing every hash and checking every link, and
 * reports the first event that does not verify.
 *
 * Returns: (transfer full): the verification report, or %NULL with @error
 *   set if the log could not be read at all
 */
FdAuditVerification *
fd_audit_log_verify (FdStore  *store,
                     GError  **error)
{
  g_autoptr(FdAuditVerification) report = g_new0 (FdAuditVerification, 1);
  g_auto(FdStmt) stmt = NULL;
  g_autofree char *expected_prev = g_strdup (FD_AUDIT_GENESIS_HASH);
  gint64 expected_seq = 1;
  gboolean has_row;

  g_return_val_if_fail (FD_IS_STORE (store), NULL);

  report->ok = TRUE;

  stmt = fd_store_stmt (store,
                        "SELECT seq, at_us, actor, entity_type, entity_id, action, "
                        "before_json, after_json, prev_hash, hash "
                        "FROM audit_event ORDER BY seq",
                        error);
  if (stmt == NULL)
    return NULL;

  while (report->ok)
    {
      g_autofree char *hash = NULL;
      gint64 seq;

      if (!fd_store_step (store, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;

      seq = sqlite3_column_int64 (stmt, 0);

      if (seq != expected_seq)
        {
          mark_broken (report, expected_seq,
                       g_strdup_printf (_("Event %lld is missing: events %lld to %lld were deleted."),
                                        (long long)expected_seq, (long long)expected_seq,
                                        (long long)(seq - 1)));
          break;
        }

      if (g_strcmp0 (fd_stmt_column_text (stmt, 8), expected_prev) != 0)
        {
          mark_broken (report, seq,
                       g_strdup_printf (_("Event %lld does not link to "
                                          "the event before it: the chain was rewritten."),
                                        (long long)seq));
          break;
        }

      hash = fd_audit_log_compute_hash (seq,
                                        sqlite3_column_int64 (stmt, 1),
                                        fd_stmt_column_text (stmt, 2),
                                        fd_stmt_column_text (stmt, 3),
                                        fd_stmt_column_text (stmt, 4),
                                        fd_stmt_column_text (stmt, 5),
                                        fd_stmt_column_text (stmt, 6),
                                        fd_stmt_column_text (stmt, 7),
                                        fd_stmt_column_text (stmt, 8));

      if (g_strcmp0 (hash, fd_stmt_column_text (stmt, 9)) != 0)
        {
          mark_broken (report, seq,
                       g_strdup_printf (_("Event %lld (%s %s %s by %s) was "
                                          "changed after it was written."),
                                        (long long)seq,
                                        fd_stmt_column_text (stmt, 5),
                                        fd_stmt_column_text (stmt, 3),
                                        fd_stmt_column_text (stmt, 4),
                                        fd_stmt_column_text (stmt, 2)));
          break;
        }

      g_free (expected_prev);
      expected_prev = g_steal_pointer (&hash);
      report->n_events++;
      report->head_seq = seq;
      expected_seq = seq + 1;
    }

  if (report->ok && !check_head (store, report, expected_seq - 1, expected_prev, error))
    return NULL;

  for (guint i = 0; report->ok && i < G_N_ELEMENTS (audited_tables); i++)
    if (!check_table (store, &audited_tables[i], report, error))
      return NULL;

  if (report->n_events > 0)
    report->head_hash = g_strdup (expected_prev);

  return g_steal_pointer (&report);
}

/**
 * fd_audit_log_list:
 * @entity_type: (nullable): only events about this kind of record
 * @entity_id: (nullable): only events about this record
 * @after_seq: only events newer than this
 * @limit: at most this many, or -1
 *
 * Returns: (transfer full) (element-type FdAuditEvent): events, oldest first
 */
GPtrArray *
fd_audit_log_list (FdStore     *store,
                   const char  *entity_type,
                   const char  *entity_id,
                   gint64       after_seq,
                   int          limit,
                   GError     **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (FD_IS_STORE (store), NULL);

  stmt = fd_store_stmt (store,
                        "SELECT seq, at_us, actor, entity_type, entity_id, action, "
                        "before_json, after_json, hash FROM audit_event "
                        "WHERE seq > ?1 AND (?2 IS NULL OR entity_type = ?2) "
                        "AND (?3 IS NULL OR entity_id = ?3) "
                        "ORDER BY seq LIMIT ?4",
                        error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, after_seq);
  fd_stmt_bind_text (stmt, 2, entity_type);
  fd_stmt_bind_text (stmt, 3, entity_id);
  sqlite3_bind_int (stmt, 4, limit);

  for (;;)
    {
      if (!fd_store_step (store, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;

      g_ptr_array_add (events,
                       fd_audit_event_new (sqlite3_column_int64 (stmt, 0),
                                           sqlite3_column_int64 (stmt, 1),
                                           fd_stmt_column_text (stmt, 2),
                                           fd_stmt_column_text (stmt, 3),
                                           fd_stmt_column_text (stmt, 4),
                                           fd_stmt_column_text (stmt, 5),
                                           fd_stmt_column_text (stmt, 6),
                                           fd_stmt_column_text (stmt, 7),
                                           fd_stmt_column_text (stmt, 8)));
    }

  return g_steal_pointer (&events);
}

/**
 * fd_audit_log_get_head_seq:
 *
 * Returns: the sequence number of the newest event, 0 for an empty log, or
 *   -1 with @error set
 */
gint64
fd_audit_log_get_head_seq (FdStore  *store,
                           GError  **error)
{
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  stmt = fd_store_stmt (store, "SELECT seq FROM audit_head WHERE id = 1", error);
  if (stmt == NULL || !fd_store_step (store, stmt, &has_row, error))
    return -1;

  return has_row ? sqlite3_column_int64 (stmt, 0) : 0;
}
