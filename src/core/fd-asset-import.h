/* fd-asset-import.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-asset-enums.h"
#include "fd-media-info.h"
#include "fd-media-store.h"
#include "fd-store.h"

G_BEGIN_DECLS

/**
 * FdAssetImportRequest:
 * @person_id: who imports (an active roster member)
 * @asset_id: the asset that gets a new version, or 0 to create an asset
 * @kind: for a new asset, %FD_ASSET_KIND_VIDEO or %FD_ASSET_KIND_IMAGE, or
 *   %FD_ASSET_KIND_NONE to take it from the file
 * @name: (nullable): for a new asset; %NULL names it after the file
 * @brief_id: for a new asset: its brief, or 0
 * @group_id: for a new asset: its dynamic-creative group, or 0
 * @note: (nullable): the version's note
 *
 * What to do with an imported file. The media layer's importer probes the
 * file first; see fd_asset_import_media().
 */
typedef struct
{
  gint64       person_id;
  gint64       asset_id;
  FdAssetKind  kind;
  char        *name;
  gint64       brief_id;
  gint64       group_id;
  char        *note;
} FdAssetImportRequest;

/**
 * FdAssetImportResult:
 * @asset_id: the asset
 * @version: the number of the new version
 * @sha256: the hash of the stored file
 * @new_asset: whether the asset was created
 * @new_file: %FALSE when the same bytes were stored already (for another
 *   asset); they are stored once
 */
typedef struct
{
  gint64    asset_id;
  gint64    version;
  char      sha256[65];
  gboolean  new_asset;
  gboolean  new_file;
} FdAssetImportResult;

#define FD_TYPE_ASSET_IMPORT_REQUEST (fd_asset_import_request_get_type ())

GType                 fd_asset_import_request_get_type (void) G_GNUC_CONST;
FdAssetImportRequest *fd_asset_import_request_new  (void);
FdAssetImportRequest *fd_asset_import_request_copy (const FdAssetImportRequest *self);
void                  fd_asset_import_request_free (FdAssetImportRequest *self);

gboolean    fd_asset_import_media       (FdStore                     *store,
                                         FdMediaStore                *media_store,
                                         const FdAssetImportRequest  *request,
                                         FdMediaStaged               *staged,
                                         const FdMediaInfo           *info,
                                         FdAssetImportResult         *result,
                                         GError                     **error);
gboolean    fd_asset_check_import       (FdStore                     *store,
                                         const FdAssetImportRequest  *request,
                                         const char                  *filename,
                                         GError                     **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdAssetImportRequest, fd_asset_import_request_free)

G_END_DECLS
