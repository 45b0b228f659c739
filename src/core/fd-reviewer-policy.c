/* fd-reviewer-policy.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-reviewer-policy"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-asset-private.h"
#include "fd-asset-reviewer.h"
#include "fd-core-error.h"
#include "fd-mutation.h"
#include "fd-ownership.h"
#include "fd-reviewer-policy.h"
#include "fd-roster.h"

static gboolean
check_kind (FdAssetKind   kind,
            GError      **error)
{
  g_autofree char *known = NULL;

  if (kind > FD_ASSET_KIND_NONE && kind <= FD_ASSET_N_KINDS)
    return TRUE;

  known = fd_asset_kind_list_names ();
  g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
               _("A reviewer policy is set per kind of asset: %s."), known);
  return FALSE;
}

/**
 * fd_reviewer_policy_may_edit:
 *
 * The policy of a kind is edited by the owner (or backup) of that kind's
 * approval in the ownership matrix, so that nobody takes a reviewer off
 * behind their back. While nobody owns it, any active roster member may.
 *
 * Returns: %TRUE if @person_id may edit the policy of @kind
 */
gboolean
fd_reviewer_policy_may_edit (FdStore      *store,
                             gint64        person_id,
                             FdAssetKind   kind,
                             GError      **error)
{
  g_autoptr(FdPerson) person = NULL;
  g_autoptr(FdOwnershipEntry) entry = NULL;
  const char *transition;

  if (!check_kind (kind, error) ||
      !(person = _fd_asset_require_actor (store, person_id, error)))
    return FALSE;

  transition = fd_asset_kind_get_approval_transition (kind);
  if (!(entry = fd_ownership_get (store, transition, error)))
    return FALSE;

  if (fd_ownership_entry_get_owner (entry) == NULL)
    return TRUE;

  if (!fd_ownership_may_act (store, transition, person_id, error))
    {
      g_prefix_error (error, _("The reviewers of %s are set by the owner of their approval. "),
                      fd_asset_kind_get_plural_name (kind));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_people (FdStore       *store,
              const gint64  *ids,
              guint          n,
              GHashTable    *seen,
              GError       **error)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FdPerson) person = fd_roster_get (store, ids[i], error);

      if (person == NULL)
        return FALSE;

      if (!fd_person_get_active (person))
        {
          g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                       _("%s is no longer active and cannot review."),
                       fd_person_get_name (person));
          return FALSE;
        }

      if (!g_hash_table_add (seen, (gpointer)&ids[i]))
        {
          g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                       _("%s is listed twice; a reviewer is either required or optional."),
                       fd_person_get_name (person));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
insert_people (FdStore       *store,
               FdAssetKind    kind,
               const gint64  *ids,
               guint          n,
               gboolean       required,
               GError       **error)
{
  g_auto(FdStmt) stmt = NULL;

  stmt = fd_store_stmt (store,
                        "INSERT INTO reviewer_policy (kind, person_id, required) VALUES (?, ?, ?)",
                        error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      fd_stmt_bind_text (stmt, 1, fd_asset_kind_to_string (kind));
      sqlite3_bind_int64 (stmt, 2, ids[i]);
      sqlite3_bind_int (stmt, 3, required ? 1 : 0);
      if (!fd_store_run (store, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static char *
policy_json (FdStore     *store,
             FdAssetKind  kind,
             GError     **error)
{
  g_auto(FdStmt) stmt = fd_store_stmt (store, FD_REVIEWER_POLICY_SNAPSHOT_SQL, error);
  gboolean has_row;

  if (stmt == NULL)
    return NULL;

  fd_stmt_bind_text (stmt, 1, fd_asset_kind_to_string (kind));
  if (!fd_store_step (store, stmt, &has_row, error) || !has_row)
    return NULL;

  return fd_stmt_dup_text (stmt, 0);
}

/**
 * fd_reviewer_policy_set:
 * @person_id: who edits the policy (see fd_reviewer_policy_may_edit())
 * @kind: the kind of asset
 * @required: (array length=n_required): the required reviewers
 * @optional: (array length=n_optional) (nullable): the optional reviewers
 *
 * Replaces the reviewers of @kind. Assets already in review keep the list
 * they were submitted with; the new one applies from their next round.
 *
 * Returns: %TRUE on success
 */
gboolean
fd_reviewer_policy_set (FdStore       *store,
                        gint64         person_id,
                        FdAssetKind    kind,
                        const gint64  *required,
                        guint          n_required,
                        const gint64  *optional,
                        guint          n_optional,
                        GError       **error)
{
  g_autoptr(FdMutation) mutation = NULL;
  g_autoptr(FdPerson) person = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *actor = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(FdStmt) clear = NULL;

  g_return_val_if_fail (FD_IS_STORE (store), FALSE);

  if (!fd_reviewer_policy_may_edit (store, person_id, kind, error) ||
      !(person = fd_roster_get (store, person_id, error)))
    return FALSE;

  actor = fd_person_dup_actor (person);
  if (!(mutation = fd_mutation_begin (store, actor, error)) ||
      !check_people (store, required, n_required, seen, error) ||
      !check_people (store, optional, n_optional, seen, error) ||
      !(before = policy_json (store, kind, error)))
    return FALSE;

  clear = fd_store_stmt (store, "DELETE FROM reviewer_policy WHERE kind = ?", error);
  if (clear == NULL)
    return FALSE;
  fd_stmt_bind_text (clear, 1, fd_asset_kind_to_string (kind));

  if (!fd_store_run (store, clear, error) ||
      !insert_people (store, kind, required, n_required, TRUE, error) ||
      !insert_people (store, kind, optional, n_optional, FALSE, error) ||
      !(after = policy_json (store, kind, error)))
    return FALSE;

  return fd_mutation_record (mutation, "policy", fd_asset_kind_to_string (kind), "update",
                             before, after, error) &&
         fd_mutation_commit (mutation, error);
}

/**
 * fd_reviewer_policy_get:
 *
 * Returns: (transfer full) (element-type FdAssetReviewer): the reviewers
 *   of @kind, required ones first, then by name; their decision is
 *   %FD_REVIEW_DECISION_NONE
 */
GPtrArray *
fd_reviewer_policy_get (FdStore      *store,
                        FdAssetKind   kind,
                        GError      **error)
{
  g_autoptr(GPtrArray) reviewers = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  if (!check_kind (kind, error))
    return NULL;

  stmt = fd_store_stmt (store,
                        "SELECT r.person_id, p.name, r.required FROM reviewer_policy r "
                        "JOIN person p ON p.id = r.person_id WHERE r.kind = ? "
                        "ORDER BY r.required DESC, p.name COLLATE NOCASE, p.id",
                        error);
  if (stmt == NULL)
    return NULL;

  fd_stmt_bind_text (stmt, 1, fd_asset_kind_to_string (kind));

  for (;;)
    {
      if (!fd_store_step (store, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;

      g_ptr_array_add (reviewers,
                       fd_asset_reviewer_new (sqlite3_column_int64 (stmt, 0),
                                              fd_stmt_column_text (stmt, 1),
                                              sqlite3_column_int (stmt, 2) != 0,
                                              FD_REVIEW_DECISION_NONE, NULL, 0));
    }

  return g_steal_pointer (&reviewers);
}
