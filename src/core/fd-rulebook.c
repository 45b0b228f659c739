/* fd-rulebook.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-rule"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-core-error.h"
#include "fd-mutation.h"
#include "fd-role.h"
#include "fd-roster.h"
#include "fd-rule-parser.h"
#include "fd-rulebook.h"

#define RULE_COLUMNS \
  "r.id, r.name, r.level, r.enabled, v.version, v.text, r.created_us, v.created_us, v.created_by"

#define RULE_FROM \
  "FROM rule r JOIN rule_version v ON v.rule_id = r.id "

static FdRule *
rule_from_row (sqlite3_stmt *stmt)
{
  return fd_rule_new (sqlite3_column_int64 (stmt, 0),
                      fd_stmt_column_text (stmt, 1),
                      fd_rule_level_from_string (fd_stmt_column_text (stmt, 2)),
                      sqlite3_column_int (stmt, 3) != 0,
                      sqlite3_column_int (stmt, 4),
                      fd_stmt_column_text (stmt, 5),
                      sqlite3_column_int64 (stmt, 6),
                      sqlite3_column_int64 (stmt, 7),
                      fd_stmt_column_text (stmt, 8));
}

static GPtrArray *
collect (FdStore       *store,
         sqlite3_stmt  *stmt,
         GError       **error)
{
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean has_row;

  for (;;)
    {
      if (!fd_store_step (store, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      g_ptr_array_add (rules, rule_from_row (stmt));
    }

  return g_steal_pointer (&rules);
}

/**
 * fd_rulebook_resolve_people:
 * @who: a role ("account lead", "account-lead") or a person (a name, an
 *   email address, an id)
 *
 * Returns: (transfer full) (element-type FdPerson): the active people @who
 *   names — possibly none, when it is a role nobody holds — or %NULL with
 *   @error set when @who is neither a role nor anyone on the roster
 */
GPtrArray *
fd_rulebook_resolve_people (FdStore     *store,
                            const char  *who,
                            GError     **error)
{
  g_autofree char *role = fd_role_normalize (who);
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(FdPerson) person = NULL;
  g_autoptr(GError) local_error = NULL;

  if (role != NULL)
    return fd_roster_list_by_role (store, role, error);

  person = fd_roster_find (store, who, &local_error);
  if (person == NULL)
    {
      if (g_error_matches (local_error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_FOUND))
        g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_FOUND,
                     _("“%s” is neither a role nor anyone on the roster."), who);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  people = g_ptr_array_new_with_free_func (g_object_unref);
  if (fd_person_get_active (person))
    g_ptr_array_add (people, g_steal_pointer (&person));

  return g_steal_pointer (&people);
}

static void
check_who (FdStore           *store,
           const char        *who,
           const FdRuleSpan  *span,
           GPtrArray         *diagnostics)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;

  if (who == NULL)
    return;

  /* A role is valid even before anyone holds it; a name must be someone. */
  if (!(people = fd_rulebook_resolve_people (store, who, &error)))
    _fd_rule_add_diagnostic (diagnostics, span, "%s", error->message);
}

static gint64
find_rule_by_name (FdStore    *store,
                   const char *name,
                   GError    **error)
{
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  stmt = fd_store_stmt (store, "SELECT id FROM rule WHERE name = ? COLLATE NOCASE", error);
  if (stmt == NULL)
    return -1;

  fd_stmt_bind_text (stmt, 1, name);
  if (!fd_store_step (store, stmt, &has_row, error))
    return -1;

  return has_row ? sqlite3_column_int64 (stmt, 0) : 0;
}

/**
 * fd_rulebook_check:
 * @text: rule text, as typed
 * @editing_rule_id: the rule being edited (its own name is not a clash),
 *   or 0 for new rules
 * @diagnostics: (out) (transfer full) (element-type FdRuleDiagnostic):
 *   every problem, with its line and column
 *
 * Everything fd_rule_parse() checks, plus what depends on the workspace:
 * the people a rule names exist, and its name is not another rule's.
 * Cheap enough to run on every keystroke.
 *
 * Returns: (transfer full) (element-type FdRuleDef): the rules
 */
GPtrArray *
fd_rulebook_check (FdStore     *store,
                   const char  *text,
                   gint64       editing_rule_id,
                   GPtrArray  **diagnostics)
{
  g_autoptr(GPtrArray) defs = fd_rule_parse (text, -1, diagnostics);

  for (guint i = 0; i < defs->len; i++)
    {
      FdRuleDef *def = g_ptr_array_index (defs, i);
      gint64 existing;

      if (def->name != NULL &&
          (existing = find_rule_by_name (store, def->name, NULL)) > 0 &&
          existing != editing_rule_id)
        _fd_rule_add_diagnostic (*diagnostics, &def->span,
                                 _("a rule called \"%s\" exists already (rule %lld)"),
                                 def->name, (long long)existing);

      for (guint j = 0; j < def->actions->len; j++)
        {
          FdRuleAction *action = g_ptr_array_index (def->actions, j);

          check_who (store, action->recipient, &action->span, *diagnostics);
        }

      if (def->has_approval)
        check_who (store, def->approver, &def->span, *diagnostics);
    }

  return g_steal_pointer (&defs);
}

static GPtrArray *
check_or_fail (FdStore     *store,
               const char  *text,
               gint64       editing_rule_id,
               GError     **error)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GPtrArray) defs = fd_rulebook_check (store, text ? text : "", editing_rule_id, &diagnostics);

  if (diagnostics->len > 0)
    {
      g_autofree char *first = fd_rule_diagnostic_to_string (g_ptr_array_index (diagnostics, 0));

      g_set_error_literal (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID, first);
      return NULL;
    }

  return g_steal_pointer (&defs);
}

static gboolean
insert_version (FdMutation  *mutation,
                gint64       rule_id,
                int          version,
                const char  *text,
                GError     **error)
{
  FdStore *store = fd_mutation_get_store (mutation);
  g_auto(FdStmt) stmt = NULL;
  g_autofree char *entity = g_strdup_printf ("%" G_GINT64_FORMAT ":%d", rule_id, version);
  g_autofree char *after = NULL;
  g_auto(FdStmt) snapshot = NULL;
  gboolean has_row;

  stmt = fd_store_stmt (store,
                        "INSERT INTO rule_version (rule_id, version, text, created_us, created_by) "
                        "VALUES (?, ?, ?, ?, ?)",
                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, rule_id);
  sqlite3_bind_int (stmt, 2, version);
  fd_stmt_bind_text (stmt, 3, text);
  sqlite3_bind_int64 (stmt, 4, fd_mutation_get_time (mutation));
  fd_stmt_bind_text (stmt, 5, fd_mutation_get_actor (mutation));
  if (!fd_store_run (store, stmt, error))
    return FALSE;

  snapshot = fd_store_stmt (store, FD_RULE_VERSION_SNAPSHOT_SQL, error);
  if (snapshot == NULL)
    return FALSE;
  fd_stmt_bind_text (snapshot, 1, entity);
  if (!fd_store_step (store, snapshot, &has_row, error))
    return FALSE;
  after = fd_stmt_dup_text (snapshot, 0);

  return fd_mutation_record (mutation, "rule-version", entity, "create", NULL, after, error);
}

static gboolean
record_rule (FdMutation  *mutation,
             gint64       rule_id,
             const char  *action,
             const char  *before,
             GError     **error)
{
  FdStore *store = fd_mutation_get_store (mutation);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, rule_id);
  g_autofree char *after = fd_store_query_text (store, FD_RULE_SNAPSHOT_SQL, rule_id, error);

  return after != NULL &&
         fd_mutation_record (mutation, "rule", id, action, before, after, error);
}

/**
 * fd_rulebook_add:
 * @text: one rule or several
 * @enabled: whether they run at once; new rules are best back-tested first
 *
 * Adds every rule in @text, each as version 1 with its own slice of the
 * text, all or none.
 *
 * Returns: (transfer full) (element-type FdRule): the new rules, or %NULL
 *   with @error holding the first problem ("line 3, column 18: …")
 */
GPtrArray *
fd_rulebook_add (FdStore     *store,
                 const char  *actor,
                 const char  *text,
                 gboolean     enabled,
                 GError     **error)
{
  g_autoptr(GPtrArray) defs = NULL;
  g_autoptr(GArray) new_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(FdMutation) mutation = NULL;

  g_return_val_if_fail (FD_IS_STORE (store), NULL);

  if (!(defs = check_or_fail (store, text, 0, error)) ||
      !(mutation = fd_mutation_begin (store, actor, error)))
    return NULL;

  for (guint i = 0; i < defs->len; i++)
    {
      FdRuleDef *def = g_ptr_array_index (defs, i);
      g_auto(FdStmt) stmt = NULL;
      gint64 id;

      stmt = fd_store_stmt (store,
                            "INSERT INTO rule (name, level, enabled, version, created_us, updated_us) "
                            "VALUES (?1, ?2, ?3, 1, ?4, ?4)",
                            error);
      if (stmt == NULL)
        return NULL;

      fd_stmt_bind_text (stmt, 1, def->name);
      fd_stmt_bind_text (stmt, 2, fd_rule_level_to_string (def->level));
      sqlite3_bind_int (stmt, 3, enabled ? 1 : 0);
      sqlite3_bind_int64 (stmt, 4, fd_mutation_get_time (mutation));
      if (!fd_store_run (store, stmt, error))
        return NULL;

      id = fd_store_get_last_insert_id (store);
      g_array_append_val (new_ids, id);

      if (!insert_version (mutation, id, 1, def->source, error) ||
          !record_rule (mutation, id, "create", NULL, error))
        return NULL;
    }

  if (!fd_mutation_commit (mutation, error))
    return NULL;

  for (guint i = 0; i < new_ids->len; i++)
    {
      FdRule *rule = fd_rulebook_get (store, g_array_index (new_ids, gint64, i), error);

      if (rule == NULL)
        return NULL;
      g_ptr_array_add (rules, rule);
    }

  return g_steal_pointer (&rules);
}

/**
 * fd_rulebook_update:
 * @text: the rule's new text: exactly one rule
 *
 * Saves @text as the rule's next version (its name and level may change).
 * Text identical to the current version changes nothing.
 *
 * Returns: (transfer full): the rule at its new version, or %NULL with
 *   @error set
 */
FdRule *
fd_rulebook_update (FdStore     *store,
                    const char  *actor,
                    gint64       rule_id,
                    const char  *text,
                    GError     **error)
{
  g_autoptr(GPtrArray) defs = NULL;
  g_autoptr(FdRule) current = NULL;
  g_autoptr(FdMutation) mutation = NULL;
  g_autofree char *before = NULL;
  g_auto(FdStmt) stmt = NULL;
  FdRuleDef *def;
  int version;

  if (!(current = fd_rulebook_get (store, rule_id, error)) ||
      !(defs = check_or_fail (store, text, rule_id, error)))
    return NULL;

  if (defs->len != 1)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                   _("A rule is edited one at a time; the text holds %u rules."), defs->len);
      return NULL;
    }

  def = g_ptr_array_index (defs, 0);
  if (g_strcmp0 (def->source, fd_rule_get_text (current)) == 0)
    return g_steal_pointer (&current);

  if (!(mutation = fd_mutation_begin (store, actor, error)))
    return NULL;

  before = fd_store_query_text (store, FD_RULE_SNAPSHOT_SQL, rule_id, error);
  version = fd_rule_get_version (current) + 1;

  stmt = fd_store_stmt (store,
                        "UPDATE rule SET name = ?, level = ?, version = ?, updated_us = ? WHERE id = ?",
                        error);
  if (stmt == NULL)
    return NULL;

  fd_stmt_bind_text (stmt, 1, def->name);
  fd_stmt_bind_text (stmt, 2, fd_rule_level_to_string (def->level));
  sqlite3_bind_int (stmt, 3, version);
  sqlite3_bind_int64 (stmt, 4, fd_mutation_get_time (mutation));
  sqlite3_bind_int64 (stmt, 5, rule_id);

  if (!fd_store_run (store, stmt, error) ||
      !insert_version (mutation, rule_id, version, def->source, error) ||
      !record_rule (mutation, rule_id, "update", before, error) ||
      !fd_mutation_commit (mutation, error))
    return NULL;

  return fd_rulebook_get (store, rule_id, error);
}

gboolean
fd_rulebook_set_enabled (FdStore     *store,
                         const char  *actor,
                         gint64       rule_id,
                         gboolean     enabled,
                         GError     **error)
{
  g_autoptr(FdMutation) mutation = NULL;
  g_autoptr(FdRule) rule = NULL;
  g_autofree char *before = NULL;
  g_auto(FdStmt) stmt = NULL;

  if (!(rule = fd_rulebook_get (store, rule_id, error)))
    return FALSE;

  if (fd_rule_get_enabled (rule) == enabled)
    return TRUE;

  if (!(mutation = fd_mutation_begin (store, actor, error)))
    return FALSE;

  before = fd_store_query_text (store, FD_RULE_SNAPSHOT_SQL, rule_id, error);
  stmt = fd_store_stmt (store, "UPDATE rule SET enabled = ?, updated_us = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, enabled ? 1 : 0);
  sqlite3_bind_int64 (stmt, 2, fd_mutation_get_time (mutation));
  sqlite3_bind_int64 (stmt, 3, rule_id);

  return fd_store_run (store, stmt, error) &&
         record_rule (mutation, rule_id, enabled ? "enable" : "disable", before, error) &&
         fd_mutation_commit (mutation, error);
}

FdRule *
fd_rulebook_get (FdStore     *store,
                 gint64       rule_id,
                 GError     **error)
{
  return fd_rulebook_get_version (store, rule_id, 0, error);
}

/**
 * fd_rulebook_get_version:
 * @version: a version number, or 0 for the current one
 *
 * Returns: (transfer full): the rule at that version, or %NULL with @error
 */
FdRule *
fd_rulebook_get_version (FdStore     *store,
                         gint64       rule_id,
                         int          version,
                         GError     **error)
{
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  stmt = fd_store_stmt (store,
                        "SELECT " RULE_COLUMNS " " RULE_FROM
                        "WHERE r.id = ?1 AND v.version = CASE WHEN ?2 > 0 THEN ?2 ELSE r.version END",
                        error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, rule_id);
  sqlite3_bind_int (stmt, 2, version);
  if (!fd_store_step (store, stmt, &has_row, error))
    return NULL;

  if (!has_row)
    {
      if (version > 0)
        g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_FOUND,
                     _("Rule %lld has no version %d."), (long long)rule_id, version);
      else
        g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_FOUND,
                     _("There is no rule %lld."), (long long)rule_id);
      return NULL;
    }

  return rule_from_row (stmt);
}

/**
 * fd_rulebook_find:
 * @query: a rule id ("3") or name (any case)
 *
 * Returns: (transfer full): the rule, or %NULL with @error set
 */
FdRule *
fd_rulebook_find (FdStore     *store,
                  const char  *query,
                  GError     **error)
{
  char *end = NULL;
  gint64 id;

  g_return_val_if_fail (query != NULL, NULL);

  id = g_ascii_strtoll (query, &end, 10);
  if (end != query && *end == '\0' && id > 0)
    return fd_rulebook_get (store, id, error);

  id = find_rule_by_name (store, query, error);
  if (id < 0)
    return NULL;

  if (id == 0)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_FOUND,
                   _("There is no rule called “%s”."), query);
      return NULL;
    }

  return fd_rulebook_get (store, id, error);
}

/**
 * fd_rulebook_list:
 *
 * Returns: (transfer full) (element-type FdRule): every rule at its current
 *   version, by id
 */
GPtrArray *
fd_rulebook_list (FdStore  *store,
                  GError  **error)
{
  g_auto(FdStmt) stmt = NULL;

  stmt = fd_store_stmt (store,
                        "SELECT " RULE_COLUMNS " " RULE_FROM
                        "WHERE v.version = r.version ORDER BY r.id",
                        error);

  return stmt ? collect (store, stmt, error) : NULL;
}

/**
 * fd_rulebook_list_versions:
 *
 * Returns: (transfer full) (element-type FdRule): every version of the
 *   rule, oldest first; each carries the text and author of that version
 */
GPtrArray *
fd_rulebook_list_versions (FdStore     *store,
                           gint64       rule_id,
                           GError     **error)
{
  g_auto(FdStmt) stmt = NULL;

  stmt = fd_store_stmt (store,
                        "SELECT " RULE_COLUMNS " " RULE_FROM
                        "WHERE r.id = ? ORDER BY v.version",
                        error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, rule_id);
  return collect (store, stmt, error);
}
