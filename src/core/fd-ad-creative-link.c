/* fd-ad-creative-link.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-triage"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-ad-creative-link.h"
#include "fd-core-error.h"
#include "fd-mutation.h"

void
fd_linked_creative_free (FdLinkedCreative *creative)
{
  if (creative == NULL)
    return;

  g_free (creative->asset_name);
  g_free (creative->kind);
  g_free (creative->state);
  g_free (creative);
}

/* The audited state of an ad's links; NULL (with no error) when it has none. */
static gboolean
links_json (FdStore     *store,
            const char  *ad_id,
            char       **json,
            GError     **error)
{
  g_auto(FdStmt) stmt = fd_store_stmt (store, FD_AD_CREATIVE_LINK_SNAPSHOT_SQL, error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;

  fd_stmt_bind_text (stmt, 1, ad_id);
  if (!fd_store_step (store, stmt, &has_row, error))
    return FALSE;

  *json = has_row ? fd_stmt_dup_text (stmt, 0) : NULL;
  return TRUE;
}

static gboolean
check_ad (FdStore     *store,
          const char  *ad_id,
          GError     **error)
{
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  stmt = fd_store_stmt (store, "SELECT 1 FROM meta_object WHERE id = ? AND level = 'ad'", error);
  if (stmt == NULL)
    return FALSE;

  fd_stmt_bind_text (stmt, 1, ad_id);
  if (!fd_store_step (store, stmt, &has_row, error))
    return FALSE;

  if (!has_row)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_FOUND,
                   _("There is no ad %s in this workspace; sync its ad account first."), ad_id);
      return FALSE;
    }

  return TRUE;
}

/**
 * fd_ad_creative_link_add:
 * @actor: who links them, for the audit log
 *
 * Records that @ad_id, a synced ad, shows the asset version @version_id.
 * Linking twice changes nothing.
 */
gboolean
fd_ad_creative_link_add (FdStore     *store,
                         const char  *actor,
                         const char  *ad_id,
                         gint64       version_id,
                         GError     **error)
{
  g_autoptr(FdMutation) mutation = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(FdStmt) stmt = NULL;

  g_return_val_if_fail (FD_IS_STORE (store), FALSE);
  g_return_val_if_fail (ad_id != NULL, FALSE);

  if (!(mutation = fd_mutation_begin (store, actor, error)) ||
      !check_ad (store, ad_id, error) ||
      !links_json (store, ad_id, &before, error))
    return FALSE;

  stmt = fd_store_stmt (store, "INSERT OR IGNORE INTO ad_creative_link (ad_id, version_id) VALUES (?, ?)",
                        error);
  if (stmt == NULL)
    return FALSE;

  fd_stmt_bind_text (stmt, 1, ad_id);
  sqlite3_bind_int64 (stmt, 2, version_id);
  if (!fd_store_run (store, stmt, error) ||
      !links_json (store, ad_id, &after, error))
    return FALSE;

  if (g_strcmp0 (before, after) == 0)
    return TRUE;

  return fd_mutation_record (mutation, "ad_creative_link", ad_id, before ? "update" : "create",
                             before, after, error) &&
         fd_mutation_commit (mutation, error);
}

/**
 * fd_ad_creative_link_list:
 *
 * Returns: (transfer full) (element-type FdLinkedCreative): the versions
 *   @ad_id shows, with their assets, by asset name; or %NULL with @error
 */
GPtrArray *
fd_ad_creative_link_list (FdStore     *store,
                          const char  *ad_id,
                          GError     **error)
{
  g_autoptr(GPtrArray) creatives = g_ptr_array_new_with_free_func ((GDestroyNotify)fd_linked_creative_free);
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (FD_IS_STORE (store), NULL);

  stmt = fd_store_stmt (store,
                        "SELECT v.id, a.id, a.name, a.kind, v.number, a.state FROM ad_creative_link l "
                        "JOIN asset_version v ON v.id = l.version_id JOIN asset a ON a.id = v.asset_id "
                        "WHERE l.ad_id = ? ORDER BY a.name COLLATE NOCASE, v.number",
                        error);
  if (stmt == NULL)
    return NULL;

  fd_stmt_bind_text (stmt, 1, ad_id);
  for (;;)
    {
      FdLinkedCreative *creative;

      if (!fd_store_step (store, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;

      creative = g_new0 (FdLinkedCreative, 1);
      creative->version_id = sqlite3_column_int64 (stmt, 0);
      creative->asset_id = sqlite3_column_int64 (stmt, 1);
      creative->asset_name = fd_stmt_dup_text (stmt, 2);
      creative->kind = fd_stmt_dup_text (stmt, 3);
      creative->number = sqlite3_column_int (stmt, 4);
      creative->state = fd_stmt_dup_text (stmt, 5);
      g_ptr_array_add (creatives, creative);
    }

  return g_steal_pointer (&creatives);
}
