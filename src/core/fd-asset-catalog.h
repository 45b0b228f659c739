/* fd-asset-catalog.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-asset-enums.h"
#include "fd-asset-group.h"
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

G_END_DECLS
