/* fd-asset-importer.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-asset-importer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "fd-asset-importer.h"
#include "fd-frame-grabber.h"
#include "fd-media-probe.h"

/* Importing a media file as an asset version, the media half: the file is
 * copied into the media store's incoming folder (hashed on the way),
 * probed, decoded to its last frame (a file cut short is refused) and
 * thumbnailed; only then does the core store it under its hash and record
 * the version (fd_asset_import_media()). A file refused at any step leaves
 * the workspace as it was: no row, no stored file, no audit event, no
 * thumbnail. Everything here blocks: the app calls the _async variants,
 * which work on a thread of their own with their own database connection.
 *
 * The probe and the frame grabber read the staged copy, which keeps the
 * original file name, so their messages name the file the person chose and
 * what is checked is exactly what gets stored. */

static char *
thumbnail_path (const char *thumbnail_dir,
                const char *sha256)
{
  g_autofree char *name = g_strconcat (sha256, ".png", NULL);

  return g_build_filename (thumbnail_dir, name, NULL);
}

/**
 * fd_asset_import_file_in_store:
 * @store: a connection owned by the calling thread
 * @media_store: the workspace's media folder
 * @thumbnail_dir: the workspace's thumbnail cache folder
 * @request: what to do with the file
 * @path: the file
 * @result: (out caller-allocates) (optional): what was done
 *
 * Imports @path as the next version of an asset, or as a new asset. A
 * file that is empty, not media, sound only, damaged, cut short or in a
 * format no decoder here reads is refused with the media layer's message
 * (%FD_MEDIA_ERROR); a file that is already a version of the asset with
 * %FD_CORE_ERROR_EXISTS. Blocks for as long as reading the file takes.
 *
 * Returns: %TRUE on success
 */
gboolean
fd_asset_import_file_in_store (FdStore                     *store,
                               FdMediaStore                *media_store,
                               const char                  *thumbnail_dir,
                               const FdAssetImportRequest  *request,
                               const char                  *path,
                               FdAssetImportResult         *result,
                               GCancellable                *cancellable,
                               GError                     **error)
{
  g_autoptr(FdMediaStaged) staged = NULL;
  g_autoptr(FdMediaInfo) info = NULL;
  g_autofree char *name = NULL;
  g_autofree char *png = NULL;
  gboolean made_thumbnail = FALSE;

  g_return_val_if_fail (FD_IS_STORE (store), FALSE);
  g_return_val_if_fail (FD_IS_MEDIA_STORE (media_store), FALSE);
  g_return_val_if_fail (thumbnail_dir != NULL && request != NULL && path != NULL, FALSE);

  /* Refuse what the rows would refuse before reading a large file. */
  name = g_path_get_basename (path);
  if (!fd_asset_check_import (store, request, name, error) ||
      !(staged = fd_media_store_stage_file (media_store, path, cancellable, error)) ||
      !(info = fd_media_probe_file (fd_media_staged_get_path (staged), cancellable, error)))
    return FALSE;

  /* The same bytes imported before were checked to their last frame then;
   * their thumbnail is still cached. */
  png = thumbnail_path (thumbnail_dir, fd_media_staged_get_sha256 (staged));
  if (!g_file_test (png, G_FILE_TEST_IS_REGULAR))
    {
      if (g_mkdir_with_parents (thumbnail_dir, 0755) != 0 ||
          !fd_frame_grabber_make_thumbnail (fd_media_staged_get_path (staged), info,
                                            FD_ASSET_THUMBNAIL_SIZE, png, TRUE, error))
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                         _("Could not create the thumbnail folder “%s”."), thumbnail_dir);
          g_unlink (png);
          return FALSE;
        }
      made_thumbnail = TRUE;
    }

  if (!fd_asset_import_media (store, media_store, request, staged, info, result, error))
    {
      if (made_thumbnail)
        g_unlink (png);
      return FALSE;
    }

  return TRUE;
}

/**
 * fd_asset_import_file:
 *
 * fd_asset_import_file_in_store() with the workspace's own connection, for
 * programs without a main loop (the CLI). The app uses
 * fd_asset_import_file_async().
 *
 * Returns: %TRUE on success
 */
gboolean
fd_asset_import_file (FdWorkspace                 *workspace,
                      const FdAssetImportRequest  *request,
                      const char                  *path,
                      FdAssetImportResult         *result,
                      GCancellable                *cancellable,
                      GError                     **error)
{
  g_autofree char *thumbnail_dir = NULL;

  g_return_val_if_fail (FD_IS_WORKSPACE (workspace), FALSE);

  thumbnail_dir = fd_workspace_dup_cache_dir (workspace, "thumbnails");
  return fd_asset_import_file_in_store (fd_workspace_get_store (workspace),
                                        fd_workspace_get_media_store (workspace),
                                        thumbnail_dir, request, path, result,
                                        cancellable, error);
}

typedef struct
{
  FdAssetImportRequest *request;
  char                 *path;
  char                 *sha256;
  char                 *thumbnail_dir;
  FdMediaStore         *media_store;
} ImportData;

static void
import_data_free (gpointer data)
{
  ImportData *import = data;

  g_clear_pointer (&import->request, fd_asset_import_request_free);
  g_free (import->path);
  g_free (import->sha256);
  g_free (import->thumbnail_dir);
  g_clear_object (&import->media_store);
  g_free (import);
}

static void
import_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  FdWorkspace *workspace = source_object;
  ImportData *import = task_data;
  g_autoptr(FdStore) store = NULL;
  g_autofree FdAssetImportResult *result = g_new0 (FdAssetImportResult, 1);
  GError *error = NULL;

  /* A connection of this thread's own; its commits reach the workspace's
   * ::changed like any other. */
  if (!(store = fd_workspace_open_store (workspace, &error)) ||
      !fd_asset_import_file_in_store (store, import->media_store, import->thumbnail_dir,
                                      import->request, import->path, result,
                                      cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&result), g_free);
}

/**
 * fd_asset_import_file_async:
 *
 * Imports a file on a thread of its own (drag and drop, the file chooser).
 * The board follows the new version through the workspace's change feed.
 */
void
fd_asset_import_file_async (FdWorkspace                 *workspace,
                            const FdAssetImportRequest  *request,
                            const char                  *path,
                            GCancellable                *cancellable,
                            GAsyncReadyCallback          callback,
                            gpointer                     user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportData *import;

  g_return_if_fail (FD_IS_WORKSPACE (workspace));
  g_return_if_fail (request != NULL && path != NULL);

  import = g_new0 (ImportData, 1);
  import->request = fd_asset_import_request_copy (request);
  import->path = g_strdup (path);
  import->thumbnail_dir = fd_workspace_dup_cache_dir (workspace, "thumbnails");
  import->media_store = g_object_ref (fd_workspace_get_media_store (workspace));

  task = g_task_new (workspace, cancellable, callback, user_data);
  g_task_set_source_tag (task, fd_asset_import_file_async);
  g_task_set_task_data (task, import, import_data_free);
  g_task_run_in_thread (task, import_in_thread);
}

/**
 * fd_asset_import_file_finish:
 *
 * Returns: (transfer full): what was done (free it with g_free()), or
 *   %NULL with @error set
 */
FdAssetImportResult *
fd_asset_import_file_finish (FdWorkspace   *workspace,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, workspace), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * fd_asset_ensure_thumbnail:
 * @sha256: a stored media file
 *
 * Makes the thumbnail of a stored file again when the cache lost it.
 * Blocks while the file is decoded.
 *
 * Returns: (transfer full): the thumbnail's path, or %NULL with @error set
 */
char *
fd_asset_ensure_thumbnail (FdMediaStore  *media_store,
                           const char    *thumbnail_dir,
                           const char    *sha256,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autofree char *png = NULL;
  g_autofree char *source = NULL;
  g_autoptr(FdMediaInfo) info = NULL;

  g_return_val_if_fail (FD_IS_MEDIA_STORE (media_store), NULL);

  if (!fd_media_store_is_hash (sha256))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a SHA-256 hash."), sha256 ? sha256 : "");
      return NULL;
    }

  png = thumbnail_path (thumbnail_dir, sha256);
  if (g_file_test (png, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&png);

  source = fd_media_store_get_path (media_store, sha256);
  if (g_mkdir_with_parents (thumbnail_dir, 0755) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not create the thumbnail folder “%s”."), thumbnail_dir);
      return NULL;
    }

  if (!(info = fd_media_probe_file (source, cancellable, error)) ||
      !fd_frame_grabber_make_thumbnail (source, info, FD_ASSET_THUMBNAIL_SIZE, png, FALSE, error))
    return NULL;

  return g_steal_pointer (&png);
}

static void
thumbnail_in_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  ImportData *data = task_data;
  GError *error = NULL;
  char *png;

  png = fd_asset_ensure_thumbnail (data->media_store, data->thumbnail_dir, data->sha256,
                                   cancellable, &error);
  if (png == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, png, g_free);
}

/**
 * fd_asset_ensure_thumbnail_async:
 *
 * Runs fd_asset_ensure_thumbnail() on a thread, for a card whose
 * "thumbnail-path" file is missing.
 */
void
fd_asset_ensure_thumbnail_async (FdWorkspace         *workspace,
                                 const char          *sha256,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportData *data;

  g_return_if_fail (FD_IS_WORKSPACE (workspace));

  data = g_new0 (ImportData, 1);
  data->sha256 = g_strdup (sha256);
  data->thumbnail_dir = fd_workspace_dup_cache_dir (workspace, "thumbnails");
  data->media_store = g_object_ref (fd_workspace_get_media_store (workspace));

  task = g_task_new (workspace, cancellable, callback, user_data);
  g_task_set_source_tag (task, fd_asset_ensure_thumbnail_async);
  g_task_set_task_data (task, data, import_data_free);
  g_task_run_in_thread (task, thumbnail_in_thread);
}

/**
 * fd_asset_ensure_thumbnail_finish:
 *
 * Returns: (transfer full): the thumbnail's path, or %NULL with @error set
 */
char *
fd_asset_ensure_thumbnail_finish (FdWorkspace   *workspace,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, workspace), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
