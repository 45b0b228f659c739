/* fd-asset-import.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-asset-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-asset-import.h"
#include "fd-asset-private.h"
#include "fd-core-error.h"
#include "fd-mutation.h"

/* The core half of importing a media file: given a file staged in the
 * media store and what the media layer's probe found in it, store the file
 * under its hash and record the version, or refuse and leave nothing
 * behind. The media half is fd_asset_import_file() in src/media. */

G_DEFINE_BOXED_TYPE (FdAssetImportRequest, fd_asset_import_request,
                     fd_asset_import_request_copy, fd_asset_import_request_free)

FdAssetImportRequest *
fd_asset_import_request_new (void)
{
  return g_new0 (FdAssetImportRequest, 1);
}

FdAssetImportRequest *
fd_asset_import_request_copy (const FdAssetImportRequest *self)
{
  FdAssetImportRequest *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->name = g_strdup (self->name);
  copy->note = g_strdup (self->note);

  return copy;
}

void
fd_asset_import_request_free (FdAssetImportRequest *self)
{
  if (self == NULL)
    return;

  g_free (self->name);
  g_free (self->note);
  g_free (self);
}

static char *
name_from_file (const char *filename)
{
  g_autofree char *base = g_path_get_basename (filename);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';

  return g_steal_pointer (&base);
}

static void
refuse_text_kind (FdAssetKind   kind,
                  const char   *filename,
                  GError      **error)
{
  g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
               _("Versions of %s are written, not imported: create the asset with its "
                 "text instead of importing “%s”."),
               fd_asset_kind_get_plural_name (kind), filename);
}

/* For a new asset: the kind the file is. */
static FdAssetKind
resolve_kind (const FdAssetImportRequest  *request,
              const FdMediaInfo           *info,
              const char                  *filename,
              GError                     **error)
{
  FdAssetKind found = info->is_image ? FD_ASSET_KIND_IMAGE : FD_ASSET_KIND_VIDEO;
  FdAssetKind wanted = request->kind;

  if (wanted == FD_ASSET_KIND_NONE || wanted == found)
    return found;

  if (fd_asset_kind_is_text (wanted))
    refuse_text_kind (wanted, filename, error);
  else
    g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                 _("“%s” is %s, not %s."), filename,
                 found == FD_ASSET_KIND_IMAGE ? _("an image") : _("a video"),
                 wanted == FD_ASSET_KIND_IMAGE ? _("an image") : _("a video"));

  return FD_ASSET_KIND_NONE;
}

static gboolean
check_media_target (const FdAssetRow  *row,
                    const FdMediaInfo *info,
                    const char        *filename,
                    GError           **error)
{
  if (!fd_asset_kind_is_media (row->kind))
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                   _("“%s” takes written text as versions, not files: write its next "
                     "version instead."),
                   row->name);
      return FALSE;
    }

  if (info != NULL && (row->kind == FD_ASSET_KIND_IMAGE) != info->is_image)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                   _("“%s” is %s, but “%s” is %s."), filename,
                   info->is_image ? _("an image") : _("a video"), row->name,
                   row->kind == FD_ASSET_KIND_IMAGE ? _("an image") : _("a video"));
      return FALSE;
    }

  return _fd_asset_check_open_for_versions (row, error);
}

/**
 * fd_asset_check_import:
 * @filename: the file's name, for messages
 *
 * The checks of fd_asset_import_media() that need no probe: call it before
 * copying and probing a large file, to refuse early. The import checks
 * everything again.
 *
 * Returns: %TRUE when the import may go ahead
 */
gboolean
fd_asset_check_import (FdStore                     *store,
                       const FdAssetImportRequest  *request,
                       const char                  *filename,
                       GError                     **error)
{
  g_autoptr(FdPerson) person = NULL;
  g_auto(FdAssetRow) row = { 0 };

  g_return_val_if_fail (FD_IS_STORE (store), FALSE);

  if (!(person = _fd_asset_require_actor (store, request->person_id, error)))
    return FALSE;

  if (request->asset_id != 0)
    return _fd_asset_row_load (store, request->asset_id, &row, error) &&
           check_media_target (&row, NULL, filename, error);

  if (fd_asset_kind_is_text (request->kind))
    {
      refuse_text_kind (request->kind, filename, error);
      return FALSE;
    }

  return _fd_asset_check_brief (store, request->brief_id, error) &&
         _fd_asset_check_group (store, request->group_id, error);
}

/* Everything of an import but the file: runs inside the mutation. */
static gboolean
import_rows (FdMutation                  *mutation,
             FdMediaStore                *media_store,
             const FdAssetImportRequest  *request,
             FdMediaStaged               *staged,
             const FdMediaInfo           *info,
             FdAssetImportResult         *result,
             GError                     **error)
{
  FdStore *store = fd_mutation_get_store (mutation);
  const char *filename = fd_media_staged_get_name (staged);
  const char *sha = fd_media_staged_get_sha256 (staged);
  g_auto(FdAssetRow) row = { 0 };
  g_autoptr(JsonNode) probe = NULL;
  g_autofree char *probe_json = NULL;
  g_autofree char *before = NULL;
  g_autofree char *stored = NULL;
  gint64 asset_id = request->asset_id;

  if (asset_id == 0)
    {
      g_autofree char *name = request->name ? g_strdup (request->name) : name_from_file (filename);
      g_autofree char *clean = NULL;
      FdAssetKind kind;

      if ((kind = resolve_kind (request, info, filename, error)) == FD_ASSET_KIND_NONE ||
          !(clean = _fd_asset_clean_name (name, error)) ||
          !_fd_asset_check_brief (store, request->brief_id, error) ||
          !_fd_asset_check_group (store, request->group_id, error) ||
          !(asset_id = _fd_asset_insert_asset (mutation, kind, clean, request->brief_id,
                                     request->group_id, error)) ||
          !_fd_asset_record (mutation, asset_id, "create", NULL, error))
        return FALSE;

      result->new_asset = TRUE;
    }

  if (!_fd_asset_row_load (store, asset_id, &row, error) ||
      !check_media_target (&row, info, filename, error) ||
      !_fd_asset_check_not_duplicate (store, &row, sha, error) ||
      !(before = _fd_asset_snapshot (store, asset_id, error)))
    return FALSE;

  probe = fd_media_info_to_json (info);
  probe_json = json_to_string (probe, FALSE);

  /* The file goes in last: nothing before can fail because of it, and the
   * caller takes it out again if the rows are not committed. */
  if (!(stored = fd_media_store_commit_staged (media_store, staged, &result->new_file, error)))
    return FALSE;
  g_strlcpy (result->sha256, stored, sizeof result->sha256);

  result->asset_id = asset_id;
  result->version = row.current_version + 1;

  return _fd_asset_insert_version (mutation, asset_id, result->version, stored, NULL, probe_json,
                         fd_media_staged_get_size (staged), filename, request->note, error) &&
         _fd_asset_finish_new_version (mutation, &row, before, error);
}

/**
 * fd_asset_import_media:
 * @media_store: the workspace's media folder
 * @request: what to do with the file
 * @staged: the file, staged with fd_media_store_stage_file() and already
 *   probed (and its thumbnail made) by the media layer
 * @info: what the probe found
 * @result: (out caller-allocates): what was done
 *
 * Stores the staged file content-addressed (once, however often the same
 * bytes are imported) and records it as the next version of an asset, or
 * of a new asset. A file that is already a version of that asset is
 * refused. If anything fails, neither rows nor a newly stored file remain.
 *
 * This is the core half of an import; call the media layer's
 * fd_asset_import_file(), which probes the file and makes the thumbnail
 * first.
 *
 * Returns: %TRUE on success
 */
gboolean
fd_asset_import_media (FdStore                     *store,
                       FdMediaStore                *media_store,
                       const FdAssetImportRequest  *request,
                       FdMediaStaged               *staged,
                       const FdMediaInfo           *info,
                       FdAssetImportResult         *result,
                       GError                     **error)
{
  g_autoptr(FdMutation) mutation = NULL;
  g_autoptr(FdPerson) person = NULL;
  g_autofree char *actor = NULL;
  FdAssetImportResult local = { 0 };

  g_return_val_if_fail (FD_IS_STORE (store), FALSE);
  g_return_val_if_fail (FD_IS_MEDIA_STORE (media_store), FALSE);
  g_return_val_if_fail (request != NULL && staged != NULL && info != NULL, FALSE);

  if (!(person = _fd_asset_require_actor (store, request->person_id, error)))
    return FALSE;

  actor = fd_person_dup_actor (person);
  if (!(mutation = fd_mutation_begin (store, actor, error)))
    return FALSE;

  if (!import_rows (mutation, media_store, request, staged, info, &local, error) ||
      !fd_mutation_commit (mutation, error))
    {
      if (local.new_file)
        fd_media_store_discard (media_store, local.sha256);
      return FALSE;
    }

  if (result != NULL)
    *result = local;

  return TRUE;
}
