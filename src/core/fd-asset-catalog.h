/* fd-asset-catalog.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-asset-enums.h"
#include "fd-asset-group.h"
#include "fd-media-info.h"
#include "fd-media-store.h"
#include "fd-store.h"

G_BEGIN_DECLS

/* Creating assets and adding their versions. Every change is audited:
 * entities "asset", "asset_version" and "asset_group". The state machine
 * is in fd-asset-workflow.h. */

/* The JSON recorded as each record's state in audit events. */
#define FD_ASSET_SNAPSHOT_SQL \
  "SELECT json_object ('id', a.id, 'kind', a.kind, 'name', a.name, " \
  "'brief_id', a.brief_id, 'group_id', a.group_id, 'campaign', a.campaign, " \
  "'state', a.state, 'state_note', a.state_note, " \
  "'current_version', a.current_version, 'review_round', a.review_round, " \
  "'review_version', a.review_version, 'due_us', a.due_us, 'created_by', a.created_by, " \
  "'reviewers', json ((SELECT json_group_array (json_object ('person_id', r.person_id, " \
  "  'required', r.required)) FROM (SELECT person_id, required FROM asset_reviewer " \
  "  WHERE asset_id = a.id AND round = a.review_round ORDER BY person_id) r))) " \
  "FROM asset a WHERE a.id = ?"

#define FD_ASSET_VERSION_SNAPSHOT_SQL \
  "SELECT json_object ('id', id, 'asset_id', asset_id, 'number', number, " \
  "'sha256', sha256, 'text', text, 'size', size_bytes, 'filename', filename, " \
  "'note', note, 'created_by', created_by, 'created_us', created_us) " \
  "FROM asset_version WHERE id = ?"

#define FD_ASSET_REVIEW_SNAPSHOT_SQL \
  "SELECT json_object ('id', id, 'asset_id', asset_id, 'version', version, " \
  "'round', round, 'person_id', person_id, 'decision', decision, " \
  "'feedback', feedback, 'at_us', at_us) FROM review_decision WHERE id = ?"

#define FD_ASSET_GROUP_SNAPSHOT_SQL \
  "SELECT json_object ('id', id, 'name', name, 'brief_id', brief_id, " \
  "'created_by', created_by) FROM asset_group WHERE id = ?"

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

/**
 * FdAssetChangeFlags:
 *
 * Which members of #FdAssetChanges to apply.
 */
typedef enum
{
  FD_ASSET_CHANGE_NAME     = 1 << 0,
  FD_ASSET_CHANGE_DUE      = 1 << 1,
  FD_ASSET_CHANGE_CAMPAIGN = 1 << 2,
  FD_ASSET_CHANGE_BRIEF    = 1 << 3,
  FD_ASSET_CHANGE_GROUP    = 1 << 4,
} FdAssetChangeFlags;

/**
 * FdAssetChanges:
 * @set: which of the members below to apply
 * @name: the new name
 * @due_us: the due date, or 0 for none
 * @campaign: (nullable): the planned campaign, or %NULL for none
 * @brief_id: the brief, or 0 for none
 * @group_id: the dynamic-creative group, or 0 for none
 */
typedef struct
{
  FdAssetChangeFlags  set;
  const char         *name;
  gint64              due_us;
  const char         *campaign;
  gint64              brief_id;
  gint64              group_id;
} FdAssetChanges;

#define FD_TYPE_ASSET_IMPORT_REQUEST (fd_asset_import_request_get_type ())

GType                 fd_asset_import_request_get_type (void) G_GNUC_CONST;
FdAssetImportRequest *fd_asset_import_request_new  (void);
FdAssetImportRequest *fd_asset_import_request_copy (const FdAssetImportRequest *self);
void                  fd_asset_import_request_free (FdAssetImportRequest *self);

gint64      fd_asset_create             (FdStore                     *store,
                                         gint64                       person_id,
                                         FdAssetKind                  kind,
                                         const char                  *name,
                                         gint64                       brief_id,
                                         gint64                       group_id,
                                         const char                  *text,
                                         GError                     **error);
gint64      fd_asset_add_text_version   (FdStore                     *store,
                                         gint64                       person_id,
                                         gint64                       asset_id,
                                         const char                  *text,
                                         const char                  *note,
                                         GError                     **error);
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
gboolean    fd_asset_update             (FdStore                     *store,
                                         gint64                       person_id,
                                         gint64                       asset_id,
                                         const FdAssetChanges        *changes,
                                         GError                     **error);
gint64      fd_asset_group_create       (FdStore                     *store,
                                         gint64                       person_id,
                                         const char                  *name,
                                         gint64                       brief_id,
                                         GError                     **error);
GPtrArray  *fd_asset_group_list         (FdStore                     *store,
                                         GError                     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdAssetImportRequest, fd_asset_import_request_free)

G_END_DECLS
