/* fd-asset-diff.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-asset-diff"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-asset-diff.h"
#include "fd-asset-query.h"
#include "fd-core-error.h"

/* Comparing two versions of an asset: their files come from the media
 * store, and the comparison is cached under the versions' SHA-256 (which
 * name their bytes exactly) in the workspace's cache/diff, so a pair of
 * versions is compared once whoever asks — the asset page, the compare
 * view or `asset diff`. */

static FdAssetVersion *
find_media_version (FdStore       *store,
                    FdMediaStore  *media_store,
                    gint64         asset_id,
                    gint64         number,
                    char         **path,
                    GError       **error)
{
  g_autoptr(FdAssetVersion) version = fd_asset_find_version (store, asset_id, number, error);
  const char *sha256;

  if (version == NULL)
    return NULL;

  if (fd_asset_version_get_media_info (version) == NULL)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                   _("Version %lld of asset %lld is text; compare texts with the text "
                     "diff, not the media comparison."),
                   (long long)number, (long long)asset_id);
      return NULL;
    }

  sha256 = fd_asset_version_get_sha256 (version);
  if (!fd_media_store_contains (media_store, sha256))
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_FOUND,
                   _("The file of version %lld of asset %lld (%.12s…) is missing from the "
                     "workspace's media folder."),
                   (long long)number, (long long)asset_id, sha256);
      return NULL;
    }

  *path = fd_media_store_get_path (media_store, sha256);
  return g_steal_pointer (&version);
}

/**
 * fd_asset_diff_new:
 * @store: a connection (two small indexed queries)
 * @cache_dir: (nullable): where comparisons are cached, normally
 *   fd_workspace_dup_cache_dir (workspace, "diff"); %NULL for none
 * @version_a: the earlier version's number (A)
 * @version_b: the later one's (B)
 *
 * Sets up the comparison of two media versions of an asset, keyed by their
 * SHA-256 for the cache. Run it with fd_media_diff_run_async() (or
 * fd_media_diff_run() off the main thread);
 * fd_media_diff_get_from_cache() says afterwards whether it was cached.
 *
 * Returns: (transfer full): the comparison, or %NULL with @error set
 *   (a missing version or file, a text version, the same version twice)
 */
FdMediaDiff *
fd_asset_diff_new (FdStore       *store,
                   FdMediaStore  *media_store,
                   const char    *cache_dir,
                   gint64         asset_id,
                   gint64         version_a,
                   gint64         version_b,
                   GError       **error)
{
  g_autoptr(FdAssetVersion) a = NULL;
  g_autoptr(FdAssetVersion) b = NULL;
  g_autofree char *path_a = NULL;
  g_autofree char *path_b = NULL;
  FdMediaDiff *diff;

  g_return_val_if_fail (FD_IS_STORE (store), NULL);
  g_return_val_if_fail (FD_IS_MEDIA_STORE (media_store), NULL);

  if (version_a == version_b)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                   _("Pick two different versions to compare (both are %lld)."),
                   (long long)version_a);
      return NULL;
    }

  if (!(a = find_media_version (store, media_store, asset_id, version_a, &path_a, error)) ||
      !(b = find_media_version (store, media_store, asset_id, version_b, &path_b, error)))
    return NULL;

  diff = fd_media_diff_new (path_a, path_b);
  fd_media_diff_set_cache (diff, cache_dir, fd_asset_version_get_sha256 (a),
                           fd_asset_version_get_sha256 (b));
  return diff;
}

/**
 * fd_asset_diff_new_for_workspace:
 *
 * fd_asset_diff_new() with the workspace's own connection, media store
 * and diff cache; for the main thread.
 *
 * Returns: (transfer full): the comparison, or %NULL with @error set
 */
FdMediaDiff *
fd_asset_diff_new_for_workspace (FdWorkspace  *workspace,
                                 gint64        asset_id,
                                 gint64        version_a,
                                 gint64        version_b,
                                 GError      **error)
{
  g_autofree char *cache_dir = NULL;

  g_return_val_if_fail (FD_IS_WORKSPACE (workspace), NULL);

  cache_dir = fd_workspace_dup_cache_dir (workspace, "diff");
  return fd_asset_diff_new (fd_workspace_get_store (workspace),
                            fd_workspace_get_media_store (workspace),
                            cache_dir, asset_id, version_a, version_b, error);
}
