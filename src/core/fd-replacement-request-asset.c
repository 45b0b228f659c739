/* fd-replacement-request-asset.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-triage"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-replacement-request.h"

/* The asset side of replacement requests: a request names the asset
 * versions its ad shows (a JSON array of asset_version ids), so an asset
 * is concerned by every open or in-progress request naming one of its
 * versions. The asset page shows them as a banner, the board as a badge. */

#define OPEN_STATE(state) (g_strcmp0 ((state), "open") == 0 || g_strcmp0 ((state), "in_progress") == 0)

static GHashTable *
version_ids_of_asset (FdStore  *store,
                      gint64    asset_id,
                      GError  **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  if (!(stmt = fd_store_stmt (store, "SELECT id FROM asset_version WHERE asset_id = ?", error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, asset_id);
  for (;;)
    {
      gint64 id;

      if (!fd_store_step (store, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_add (ids, g_memdup2 (&id, sizeof id));
    }

  return g_steal_pointer (&ids);
}

/**
 * fd_replacement_request_list_for_asset:
 *
 * Returns: (transfer full) (element-type FdReplacementRequest): the open
 *   and in-progress requests naming a version of @asset_id, oldest first
 */
GPtrArray *
fd_replacement_request_list_for_asset (FdStore  *store,
                                       gint64    asset_id,
                                       GError  **error)
{
  g_autoptr(GHashTable) versions = NULL;
  g_autoptr(GPtrArray) all = NULL;
  GPtrArray *found;

  g_return_val_if_fail (FD_IS_STORE (store), NULL);

  if (!(versions = version_ids_of_asset (store, asset_id, error)) ||
      !(all = fd_replacement_request_list (store, NULL, error)))
    return NULL;

  found = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < all->len; i++)
    {
      FdReplacementRequest *request = g_ptr_array_index (all, i);
      guint n = 0;
      const gint64 *ids = fd_replacement_request_get_version_ids (request, &n);

      if (!OPEN_STATE (fd_replacement_request_get_state (request)))
        continue;

      for (guint j = 0; j < n; j++)
        if (g_hash_table_contains (versions, &ids[j]))
          {
            g_ptr_array_add (found, g_object_ref (request));
            break;
          }
    }

  return found;
}

/**
 * fd_replacement_request_describe:
 *
 * Returns: (transfer full): the request in a sentence: which rule asked,
 *   for which ad, or who did when a person queued it
 */
char *
fd_replacement_request_describe (FdStore               *store,
                                 FdReplacementRequest  *self,
                                 GError               **error)
{
  const char *ad = fd_replacement_request_get_ad_name (self);
  g_autofree char *rule = NULL;
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row = FALSE;

  g_return_val_if_fail (FD_IS_STORE (store), NULL);
  g_return_val_if_fail (FD_IS_REPLACEMENT_REQUEST (self), NULL);

  if (ad == NULL)
    ad = fd_replacement_request_get_ad_id (self);

  if (fd_replacement_request_get_decision_id (self) != 0)
    {
      stmt = fd_store_stmt (store,
                            "SELECT r.name FROM triage_decision d JOIN rule r ON r.id = d.rule_id "
                            "WHERE d.id = ?", error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, fd_replacement_request_get_decision_id (self));
      if (!fd_store_step (store, stmt, &has_row, error))
        return NULL;
      if (has_row)
        rule = fd_stmt_dup_text (stmt, 0);
    }

  return fd_replacement_request_format (rule, ad);
}

/**
 * fd_replacement_request_format:
 * @rule: (nullable): the name of the rule that queued the request, %NULL
 *   when a person did
 * @ad: the ad's name, or its id
 *
 * Says a request in a sentence, as fd_replacement_request_describe() does
 * and the board's cards show it.
 *
 * Returns: (transfer full): the sentence
 */
char *
fd_replacement_request_format (const char *rule,
                               const char *ad)
{
  if (rule != NULL)
    /* Translators: a rule's name, then an ad's name */
    return g_strdup_printf (_("Replacement requested by rule “%s” for ad “%s”"), rule, ad);

  /* Translators: %s is an ad's name */
  return g_strdup_printf (_("Replacement requested for ad “%s”"), ad);
}

/**
 * fd_replacement_request_open_assets:
 *
 * Returns: (transfer full) (element-type gint64 guint): the ids of the
 *   assets with an open or in-progress replacement request, each with
 *   how many requests name it
 */
GHashTable *
fd_replacement_request_open_assets (FdStore  *store,
                                    GError  **error)
{
  g_autoptr(GHashTable) assets = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (FD_IS_STORE (store), NULL);

  stmt = fd_store_stmt (store,
                        "SELECT v.asset_id, count (DISTINCT r.id) "
                        FD_REPLACEMENT_OPEN_VERSIONS_FROM
                        "GROUP BY v.asset_id",
                        error);
  if (stmt == NULL)
    return NULL;

  for (;;)
    {
      gint64 id;

      if (!fd_store_step (store, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_insert (assets, g_memdup2 (&id, sizeof id),
                           GUINT_TO_POINTER ((guint)sqlite3_column_int64 (stmt, 1)));
    }

  return g_steal_pointer (&assets);
}
