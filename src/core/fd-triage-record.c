/* fd-triage-record.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-triage"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-core-error.h"
#include "fd-currency.h"
#include "fd-json.h"
#include "fd-rulebook.h"
#include "fd-ownership.h"
#include "fd-triage-private.h"

/* Writing and reading decisions, notices and notifications. */

#define DECISION_COLUMNS \
  "d.id, d.rule_id, r.name, d.rule_version, d.object_id, o.name, d.level, d.account_id, " \
  "a.currency, d.evaluated_us, d.state, d.metrics, d.estimates, d.explanation, d.actions, " \
  "d.approver, d.stake, d.decided_by, d.decided_us, d.executed_us, d.results, d.error, d.note"

#define DECISION_FROM \
  "FROM triage_decision d JOIN rule r ON r.id = d.rule_id " \
  "LEFT JOIN meta_object o ON o.id = d.object_id " \
  "LEFT JOIN ad_account a ON a.id = d.account_id "

/**
 * _fd_triage_record_row:
 * @snapshot_sql: returns the row's audited JSON, given its id
 *
 * Records an audit event for the row @id as it is now.
 */
gboolean
_fd_triage_record_row (FdMutation  *mutation,
                       const char  *entity_type,
                       gint64       id,
                       const char  *action,
                       const char  *before,
                       const char  *snapshot_sql,
                       GError     **error)
{
  g_autofree char *after = fd_store_query_text (fd_mutation_get_store (mutation), snapshot_sql, id, error);
  g_autofree char *entity_id = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  return after != NULL &&
         fd_mutation_record (mutation, entity_type, entity_id, action, before, after, error);
}

/**
 * _fd_triage_add_notification:
 * @kind: "notify", "escalate" or "approval"
 * @recipient: who the rule named ("account lead")
 * @person_id: the person it reached
 */
gboolean
_fd_triage_add_notification (FdMutation  *mutation,
                             gint64       decision_id,
                             const char  *kind,
                             const char  *recipient,
                             gint64       person_id,
                             const char  *message,
                             GError     **error)
{
  FdStore *store = fd_mutation_get_store (mutation);
  g_auto(FdStmt) stmt = NULL;

  stmt = fd_store_stmt (store,
                        "INSERT INTO triage_notification (decision_id, kind, recipient, person_id, "
                        "message, created_us) VALUES (?, ?, ?, ?, ?, ?)",
                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, decision_id);
  fd_stmt_bind_text (stmt, 2, kind);
  fd_stmt_bind_text (stmt, 3, recipient);
  sqlite3_bind_int64 (stmt, 4, person_id);
  fd_stmt_bind_text (stmt, 5, message);
  sqlite3_bind_int64 (stmt, 6, fd_mutation_get_time (mutation));

  return fd_store_run (store, stmt, error) &&
         _fd_triage_record_row (mutation, "notification", fd_store_get_last_insert_id (store),
                                "create", NULL, FD_NOTIFICATION_SNAPSHOT_SQL, error);
}

static char *
strv_to_json (const char * const *strv)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_builder_add_string_value (builder, strv[i]);
  json_builder_end_array (builder);

  return fd_json_builder_steal (builder);
}

/* Whoever must approve hears of it; with nobody behind the name, the
 * owner of daily triage does. */
static gboolean
request_approval (FdMutation        *mutation,
                  gint64             decision_id,
                  FdTriageDecision  *decision,
                  GError           **error)
{
  FdStore *store = fd_mutation_get_store (mutation);
  const char *approver = fd_triage_decision_get_approver (decision);
  g_autoptr(GPtrArray) people = fd_rulebook_resolve_people (store, approver, NULL);
  g_autoptr(FdOwnershipEntry) owner = NULL;
  g_autofree char *actions = g_strjoinv (", ", (char **)fd_triage_decision_get_actions (decision));
  g_autofree char *stake = fd_currency_format (fd_triage_decision_get_currency (decision),
                                               fd_triage_decision_get_stake (decision));
  g_autofree char *message = NULL;

  message = g_strdup_printf (_("Decision %lld awaits your approval: rule “%s” would "
                               "%s on %s “%s” (%s a day at stake). %s"),
                             (long long)decision_id, fd_triage_decision_get_rule_name (decision), actions,
                             fd_rule_level_get_title (fd_triage_decision_get_level (decision)),
                             fd_triage_decision_get_object_name (decision)
                             ? fd_triage_decision_get_object_name (decision)
                             : fd_triage_decision_get_object_id (decision),
                             stake, fd_triage_decision_get_explanation (decision));

  if (people == NULL || people->len == 0)
    {
      FdPerson *person;

      g_clear_pointer (&people, g_ptr_array_unref);
      owner = fd_ownership_get (store, "triage.daily", NULL);
      person = owner ? fd_ownership_entry_get_owner (owner) : NULL;
      if (person == NULL)
        return TRUE;
      people = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (people, g_object_ref (person));
    }

  for (guint i = 0; i < people->len; i++)
    if (!_fd_triage_add_notification (mutation, decision_id, "approval", approver,
                                      fd_person_get_id (g_ptr_array_index (people, i)),
                                      message, error))
      return FALSE;

  return TRUE;
}

static gboolean
insert_decision (FdMutation         *mutation,
                 FdPendingDecision  *pending,
                 GError            **error)
{
  FdStore *store = fd_mutation_get_store (mutation);
  FdTriageDecision *decision = pending->decision;
  g_autofree char *actions = strv_to_json (fd_triage_decision_get_actions (decision));
  g_autofree char *estimates = NULL;
  g_auto(FdStmt) stmt = NULL;

  if (fd_triage_decision_get_estimates (decision)[0] != NULL)
    estimates = strv_to_json (fd_triage_decision_get_estimates (decision));

  stmt = fd_store_stmt (store,
                        "INSERT INTO triage_decision (rule_id, rule_version, object_id, level, "
                        "account_id, evaluated_us, created_us, metrics, estimates, explanation, "
                        "actions, state, approver, stake) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, fd_triage_decision_get_rule_id (decision));
  sqlite3_bind_int (stmt, 2, fd_triage_decision_get_rule_version (decision));
  fd_stmt_bind_text (stmt, 3, fd_triage_decision_get_object_id (decision));
  fd_stmt_bind_text (stmt, 4, fd_rule_level_to_string (fd_triage_decision_get_level (decision)));
  fd_stmt_bind_text (stmt, 5, fd_triage_decision_get_account_id (decision));
  sqlite3_bind_int64 (stmt, 6, fd_triage_decision_get_evaluated_at (decision));
  sqlite3_bind_int64 (stmt, 7, fd_mutation_get_time (mutation));
  fd_stmt_bind_text (stmt, 8, fd_triage_decision_get_metrics_json (decision));
  fd_stmt_bind_text (stmt, 9, estimates);
  fd_stmt_bind_text (stmt, 10, fd_triage_decision_get_explanation (decision));
  fd_stmt_bind_text (stmt, 11, actions);
  fd_stmt_bind_text (stmt, 12, fd_triage_state_to_string (fd_triage_decision_get_state (decision)));
  fd_stmt_bind_text (stmt, 13, fd_triage_decision_get_approver (decision));
  sqlite3_bind_int64 (stmt, 14, fd_triage_decision_get_stake (decision));

  if (!fd_store_run (store, stmt, error))
    return FALSE;

  pending->id = fd_store_get_last_insert_id (store);

  if (!_fd_triage_record_row (mutation, "decision", pending->id, "create", NULL,
                              FD_DECISION_SNAPSHOT_SQL, error))
    return FALSE;

  if (fd_triage_decision_get_state (decision) == FD_TRIAGE_STATE_AWAITING_APPROVAL)
    return request_approval (mutation, pending->id, decision, error);

  return TRUE;
}

static gboolean
replace_notices (FdStore    *store,
                 gint64      at,
                 GPtrArray  *notices,
                 GError    **error)
{
  g_auto(FdStmt) clear = fd_store_stmt (store, "DELETE FROM triage_notice", error);

  if (clear == NULL || !fd_store_run (store, clear, error))
    return FALSE;

  for (guint i = 0; i < notices->len; i++)
    {
      FdTriageNotice *notice = g_ptr_array_index (notices, i);
      g_auto(FdStmt) stmt = NULL;

      stmt = fd_store_stmt (store,
                            "INSERT OR REPLACE INTO triage_notice (rule_id, object_id, kind, message, at_us) "
                            "VALUES (?, ?, ?, ?, ?)",
                            error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, fd_triage_notice_get_rule_id (notice));
      fd_stmt_bind_text (stmt, 2, fd_triage_notice_get_object_id (notice));
      fd_stmt_bind_text (stmt, 3, fd_triage_notice_get_kind (notice));
      fd_stmt_bind_text (stmt, 4, fd_triage_notice_get_message (notice));
      sqlite3_bind_int64 (stmt, 5, at);
      if (!fd_store_run (store, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_run (FdStore         *store,
            gint64           at,
            const char      *trigger,
            gint64           started_us,
            FdTriageCounts  *counts,
            GError         **error)
{
  g_auto(FdStmt) stmt = NULL;

  stmt = fd_store_stmt (store,
                        "INSERT INTO triage_run (at_us, started_us, finished_us, trigger, rules, "
                        "objects, decisions, ok) VALUES (?, ?, ?, ?, ?, ?, ?, 1)",
                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, at);
  sqlite3_bind_int64 (stmt, 2, started_us);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time ());
  fd_stmt_bind_text (stmt, 4, trigger);
  sqlite3_bind_int (stmt, 5, counts->rules);
  sqlite3_bind_int (stmt, 6, counts->objects);
  sqlite3_bind_int (stmt, 7, counts->fired);

  return fd_store_run (store, stmt, error);
}

/**
 * _fd_triage_record:
 *
 * Writes a run's decisions (audited, with approval requests), replaces
 * the notices and records the run, in one transaction.
 */
gboolean
_fd_triage_record (FdStore         *store,
                   gint64           at,
                   const char      *trigger,
                   gint64           started_us,
                   GPtrArray       *pending,
                   GPtrArray       *notices,
                   FdTriageCounts  *counts,
                   GError         **error)
{
  gint64 started = g_get_monotonic_time ();

  if (!fd_store_begin (store, error))
    return FALSE;

  if (pending->len > 0)
    {
      g_autoptr(FdMutation) mutation = fd_mutation_begin (store, "triage", error);

      if (mutation == NULL)
        goto failed;

      for (guint i = 0; i < pending->len; i++)
        if (!insert_decision (mutation, g_ptr_array_index (pending, i), error))
          goto failed;

      if (!fd_mutation_commit (mutation, error))
        goto failed;
    }

  if (!replace_notices (store, at, notices, error) ||
      !insert_run (store, at, trigger, started_us, counts, error))
    goto failed;

  if (!fd_store_commit (store, error))
    return FALSE;

  counts->record_us += g_get_monotonic_time () - started;
  return TRUE;

failed:
  fd_store_rollback (store);
  return FALSE;
}

/*
 * Reading
 */

static char **
json_to_strv (const char *json)
{
  g_autoptr(JsonNode) node = json ? json_from_string (json, NULL) : NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *text = json_array_get_string_element (array, i);

          if (text != NULL)
            g_strv_builder_add (builder, text);
        }
    }

  return g_strv_builder_end (builder);
}

static FdTriageDecision *
decision_from_row (sqlite3_stmt *stmt)
{
  FdTriageDecisionFields fields = { 0 };
  g_auto(GStrv) actions = json_to_strv (fd_stmt_column_text (stmt, 14));
  g_auto(GStrv) estimates = json_to_strv (fd_stmt_column_text (stmt, 12));

  fields.id = sqlite3_column_int64 (stmt, 0);
  fields.rule_id = sqlite3_column_int64 (stmt, 1);
  fields.rule_name = fd_stmt_column_text (stmt, 2);
  fields.rule_version = sqlite3_column_int (stmt, 3);
  fields.object_id = fd_stmt_column_text (stmt, 4);
  fields.object_name = fd_stmt_column_text (stmt, 5);
  fields.level = fd_rule_level_from_string (fd_stmt_column_text (stmt, 6));
  fields.account_id = fd_stmt_column_text (stmt, 7);
  fields.currency = fd_stmt_column_text (stmt, 8);
  fields.evaluated_at = sqlite3_column_int64 (stmt, 9);
  fields.state = fd_triage_state_from_string (fd_stmt_column_text (stmt, 10));
  fields.metrics_json = fd_stmt_column_text (stmt, 11);
  fields.estimates = (const char **)estimates;
  fields.explanation = fd_stmt_column_text (stmt, 13);
  fields.actions = (const char **)actions;
  fields.approver = fd_stmt_column_text (stmt, 15);
  fields.stake = sqlite3_column_int64 (stmt, 16);
  fields.decided_by = fd_stmt_column_text (stmt, 17);
  fields.decided_at = sqlite3_column_int64 (stmt, 18);
  fields.executed_at = sqlite3_column_int64 (stmt, 19);
  fields.results_json = fd_stmt_column_text (stmt, 20);
  fields.error = fd_stmt_column_text (stmt, 21);
  fields.note = fd_stmt_column_text (stmt, 22);

  return fd_triage_decision_new (&fields);
}

/**
 * fd_triage_get_decision:
 *
 * Returns: (transfer full): the decision, or %NULL with @error set
 */
FdTriageDecision *
fd_triage_get_decision (FdStore     *store,
                        gint64       decision_id,
                        GError     **error)
{
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  stmt = fd_store_stmt (store, "SELECT " DECISION_COLUMNS " " DECISION_FROM "WHERE d.id = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, decision_id);
  if (!fd_store_step (store, stmt, &has_row, error))
    return NULL;

  if (!has_row)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_FOUND,
                   _("There is no decision %lld."), (long long)decision_id);
      return NULL;
    }

  return decision_from_row (stmt);
}

/**
 * fd_triage_list_decisions:
 * @state: an #FdTriageState, or -1 for any
 * @object_id: (nullable): only this object's
 * @limit: at most this many, or -1
 *
 * Returns: (transfer full) (element-type FdTriageDecision): newest first
 */
GPtrArray *
fd_triage_list_decisions (FdStore     *store,
                          int          state,
                          const char  *object_id,
                          int          limit,
                          GError     **error)
{
  g_autoptr(GPtrArray) decisions = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  stmt = fd_store_stmt (store,
                        "SELECT " DECISION_COLUMNS " " DECISION_FROM
                        "WHERE (?1 IS NULL OR d.state = ?1) AND (?2 IS NULL OR d.object_id = ?2) "
                        "ORDER BY d.evaluated_us DESC, d.id DESC LIMIT ?3",
                        error);
  if (stmt == NULL)
    return NULL;

  fd_stmt_bind_text (stmt, 1, state >= 0 ? fd_triage_state_to_string (state) : NULL);
  fd_stmt_bind_text (stmt, 2, object_id);
  sqlite3_bind_int (stmt, 3, limit);

  for (;;)
    {
      if (!fd_store_step (store, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      g_ptr_array_add (decisions, decision_from_row (stmt));
    }

  return g_steal_pointer (&decisions);
}

/**
 * fd_triage_list_notices:
 *
 * Returns: (transfer full) (element-type FdTriageNotice): the notices of
 *   the last run that recorded its results
 */
GPtrArray *
fd_triage_list_notices (FdStore  *store,
                        GError  **error)
{
  g_autoptr(GPtrArray) notices = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  stmt = fd_store_stmt (store,
                        "SELECT n.rule_id, r.name, n.object_id, o.name, n.kind, n.message "
                        "FROM triage_notice n LEFT JOIN rule r ON r.id = n.rule_id "
                        "LEFT JOIN meta_object o ON o.id = n.object_id "
                        "ORDER BY n.rule_id, n.object_id",
                        error);
  if (stmt == NULL)
    return NULL;

  for (;;)
    {
      if (!fd_store_step (store, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;

      g_ptr_array_add (notices,
                       fd_triage_notice_new (sqlite3_column_int64 (stmt, 0),
                                             fd_stmt_column_text (stmt, 1),
                                             fd_stmt_column_text (stmt, 2),
                                             fd_stmt_column_text (stmt, 3),
                                             fd_stmt_column_text (stmt, 4),
                                             fd_stmt_column_text (stmt, 5)));
    }

  return g_steal_pointer (&notices);
}
