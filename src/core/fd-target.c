/* fd-target.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-triage"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "fd-core-error.h"
#include "fd-mutation.h"
#include "fd-target.h"

/**
 * fd_target_describe_object:
 * @level: (out) (optional): campaign, adset or ad
 * @currency: (out) (optional) (transfer full): its account's currency
 *
 * Returns: %TRUE if @object_id is a synced campaign, ad set or ad;
 *   otherwise %FALSE with @error set
 */
gboolean
fd_target_describe_object (FdStore      *store,
                           const char   *object_id,
                           FdRuleLevel  *level,
                           char        **currency,
                           GError      **error)
{
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  stmt = fd_store_stmt (store,
                        "SELECT o.level, a.currency FROM meta_object o "
                        "JOIN ad_account a ON a.id = o.account_id WHERE o.id = ?",
                        error);
  if (stmt == NULL)
    return FALSE;

  fd_stmt_bind_text (stmt, 1, object_id);
  if (!fd_store_step (store, stmt, &has_row, error))
    return FALSE;

  if (!has_row)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_FOUND,
                   _("There is no campaign, ad set or ad %s in this workspace; sync the "
                     "ad account first."),
                   object_id);
      return FALSE;
    }

  if (level != NULL)
    *level = fd_rule_level_from_string (fd_stmt_column_text (stmt, 0));
  if (currency != NULL)
    *currency = fd_stmt_dup_text (stmt, 1);

  return TRUE;
}

/* The audited state of a target, NULL (with no error) when it has none. */
static gboolean
target_json (FdStore     *store,
             const char  *object_id,
             char       **json,
             GError     **error)
{
  g_auto(FdStmt) snapshot = fd_store_stmt (store, FD_TARGET_SNAPSHOT_SQL, error);
  gboolean has_row;

  if (snapshot == NULL)
    return FALSE;

  fd_stmt_bind_text (snapshot, 1, object_id);
  if (!fd_store_step (store, snapshot, &has_row, error))
    return FALSE;

  *json = has_row ? fd_stmt_dup_text (snapshot, 0) : NULL;
  return TRUE;
}

static gboolean
write_row (FdStore         *store,
           const char      *object_id,
           FdTargetChange   cpa_change,
           gint64           cpa_minor,
           FdTargetChange   roas_change,
           double           roas,
           GError         **error)
{
  g_auto(FdStmt) upsert = NULL;
  g_auto(FdStmt) prune = NULL;

  upsert = fd_store_stmt (store,
                          "INSERT INTO object_target (object_id, target_cpa, target_roas) "
                          "VALUES (?1, CASE ?2 WHEN 1 THEN ?3 END, CASE ?4 WHEN 1 THEN ?5 END) "
                          "ON CONFLICT (object_id) DO UPDATE SET "
                          "target_cpa = CASE ?2 WHEN 0 THEN target_cpa WHEN 1 THEN ?3 END, "
                          "target_roas = CASE ?4 WHEN 0 THEN target_roas WHEN 1 THEN ?5 END",
                          error);
  if (upsert == NULL)
    return FALSE;

  fd_stmt_bind_text (upsert, 1, object_id);
  sqlite3_bind_int (upsert, 2, cpa_change);
  sqlite3_bind_int64 (upsert, 3, cpa_minor);
  sqlite3_bind_int (upsert, 4, roas_change);
  sqlite3_bind_double (upsert, 5, roas);
  if (!fd_store_run (store, upsert, error))
    return FALSE;

  /* A row with no target left is no row. */
  prune = fd_store_stmt (store,
                         "DELETE FROM object_target WHERE object_id = ? "
                         "AND target_cpa IS NULL AND target_roas IS NULL",
                         error);
  if (prune == NULL)
    return FALSE;

  fd_stmt_bind_text (prune, 1, object_id);
  return fd_store_run (store, prune, error);
}

/**
 * fd_target_set:
 * @object_id: an ad set or a campaign
 * @cpa_minor: the target cost per purchase, in the account currency's minor
 *   unit, when @cpa_change is %FD_TARGET_SET
 * @roas: the target ROAS (purchase value ÷ spend), when @roas_change is
 *   %FD_TARGET_SET
 *
 * Changes an object's targets, audited.
 */
gboolean
fd_target_set (FdStore         *store,
               const char      *actor,
               const char      *object_id,
               FdTargetChange   cpa_change,
               gint64           cpa_minor,
               FdTargetChange   roas_change,
               double           roas,
               GError         **error)
{
  g_autoptr(FdMutation) mutation = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  FdRuleLevel level;

  g_return_val_if_fail (FD_IS_STORE (store), FALSE);
  g_return_val_if_fail (object_id != NULL, FALSE);

  if (!fd_target_describe_object (store, object_id, &level, NULL, error))
    return FALSE;

  if (level == FD_RULE_LEVEL_AD)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                   _("%s is an ad; targets are set on ad sets and campaigns."), object_id);
      return FALSE;
    }

  if ((cpa_change == FD_TARGET_SET && cpa_minor <= 0) ||
      (roas_change == FD_TARGET_SET && !(roas > 0 && isfinite (roas))))
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                   _("A target must be above zero."));
      return FALSE;
    }

  if (cpa_change == FD_TARGET_KEEP && roas_change == FD_TARGET_KEEP)
    return TRUE;

  if (!(mutation = fd_mutation_begin (store, actor, error)))
    return FALSE;

  if (!target_json (store, object_id, &before, error) ||
      !write_row (store, object_id, cpa_change, cpa_minor, roas_change, roas, error) ||
      !target_json (store, object_id, &after, error))
    return FALSE;

  if (g_strcmp0 (before, after) == 0)
    return TRUE;

  return fd_mutation_record (mutation, "target", object_id,
                             before == NULL ? "create" : after == NULL ? "delete" : "update",
                             before, after, error) &&
         fd_mutation_commit (mutation, error);
}

/**
 * fd_target_get:
 * @inherited: fall back to the campaign's targets, as rules do
 * @cpa_minor: (out): the target CPA in minor units, or -1 when none
 * @roas: (out): the target ROAS, or NAN when none
 */
gboolean
fd_target_get (FdStore     *store,
               const char  *object_id,
               gboolean     inherited,
               gint64      *cpa_minor,
               double      *roas,
               GError     **error)
{
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  stmt = fd_store_stmt (store,
                        "SELECT coalesce (t.target_cpa, CASE WHEN ?2 THEN c.target_cpa END), "
                        "coalesce (t.target_roas, CASE WHEN ?2 THEN c.target_roas END) "
                        "FROM meta_object o "
                        "LEFT JOIN object_target t ON t.object_id = o.id "
                        "LEFT JOIN object_target c ON c.object_id = o.campaign_id AND o.level <> 'campaign' "
                        "WHERE o.id = ?1",
                        error);
  if (stmt == NULL)
    return FALSE;

  fd_stmt_bind_text (stmt, 1, object_id);
  sqlite3_bind_int (stmt, 2, inherited ? 1 : 0);
  if (!fd_store_step (store, stmt, &has_row, error))
    return FALSE;

  *cpa_minor = has_row && sqlite3_column_type (stmt, 0) != SQLITE_NULL ? sqlite3_column_int64 (stmt, 0) : -1;
  *roas = has_row && sqlite3_column_type (stmt, 1) != SQLITE_NULL ? sqlite3_column_double (stmt, 1) : NAN;

  return TRUE;
}
