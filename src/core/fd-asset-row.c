/* fd-asset-row.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-asset-row"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-asset-catalog.h"
#include "fd-asset-private.h"
#include "fd-brief.h"
#include "fd-core-error.h"
#include "fd-roster.h"

/* The asset row and its versions: reading the row the rules check, and the
 * writes every change of an asset shares (inserting the row or a version,
 * recording the audit event with the row's snapshot). */

void
_fd_asset_row_clear (FdAssetRow *row)
{
  g_clear_pointer (&row->name, g_free);
  g_clear_pointer (&row->created_by, g_free);
  g_clear_pointer (&row->current_sha256, g_free);
}

gboolean
_fd_asset_row_load (FdStore     *store,
                    gint64       asset_id,
                    FdAssetRow  *row,
                    GError     **error)
{
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  stmt = fd_store_stmt (store,
                        "SELECT a.id, a.kind, a.state, a.name, a.current_version, "
                        "a.review_round, a.review_version, a.created_by, v.sha256, a.brief_id "
                        "FROM asset a LEFT JOIN asset_version v "
                        "ON v.asset_id = a.id AND v.number = a.current_version "
                        "WHERE a.id = ?",
                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, asset_id);
  if (!fd_store_step (store, stmt, &has_row, error))
    return FALSE;

  if (!has_row)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_FOUND,
                   _("There is no asset %lld."), (long long)asset_id);
      return FALSE;
    }

  _fd_asset_row_clear (row);
  row->id = sqlite3_column_int64 (stmt, 0);
  row->kind = fd_asset_kind_from_string (fd_stmt_column_text (stmt, 1));
  row->state = fd_asset_state_from_string (fd_stmt_column_text (stmt, 2));
  row->name = fd_stmt_dup_text (stmt, 3);
  row->current_version = sqlite3_column_int64 (stmt, 4);
  row->review_round = sqlite3_column_int64 (stmt, 5);
  row->review_version = sqlite3_column_int64 (stmt, 6);
  row->created_by = fd_stmt_dup_text (stmt, 7);
  row->current_sha256 = fd_stmt_dup_text (stmt, 8);
  row->brief_id = sqlite3_column_int64 (stmt, 9);

  return TRUE;
}

/**
 * _fd_asset_require_actor:
 *
 * Returns: (transfer full): the acting person, who must be an active
 *   roster member; %NULL with @error set otherwise
 */
FdPerson *
_fd_asset_require_actor (FdStore  *store,
                         gint64    person_id,
                         GError  **error)
{
  g_autoptr(FdPerson) person = NULL;

  if (person_id <= 0)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_ALLOWED,
                   _("Only someone on the roster can change assets; choose who you are first."));
      return NULL;
    }

  if (!(person = fd_roster_get (store, person_id, error)))
    return NULL;

  if (!fd_person_get_active (person))
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_ALLOWED,
                   _("%s is no longer active on the roster and cannot change assets."),
                   fd_person_get_name (person));
      return NULL;
    }

  return g_steal_pointer (&person);
}

char *
_fd_asset_snapshot (FdStore     *store,
                    gint64       asset_id,
                    GError     **error)
{
  return fd_store_query_text (store, FD_ASSET_SNAPSHOT_SQL, asset_id, error);
}

/**
 * _fd_asset_record:
 * @before_json: (nullable): the asset's state before the change
 *
 * Records an event about the asset with its current row as the "after"
 * state.
 */
gboolean
_fd_asset_record (FdMutation  *mutation,
                  gint64       asset_id,
                  const char  *action,
                  const char  *before_json,
                  GError     **error)
{
  g_autofree char *after = _fd_asset_snapshot (fd_mutation_get_store (mutation), asset_id, error);
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, asset_id);

  if (after == NULL)
    return FALSE;

  return fd_mutation_record (mutation, "asset", id_text, action, before_json, after, error);
}

gboolean
_fd_asset_check_brief (FdStore  *store,
                       gint64    brief_id,
                       GError  **error)
{
  g_autoptr(FdBrief) brief = NULL;

  if (brief_id == 0)
    return TRUE;

  brief = fd_brief_get (store, brief_id, error);
  return brief != NULL;
}

gboolean
_fd_asset_check_group (FdStore  *store,
                       gint64    group_id,
                       GError  **error)
{
  g_autofree char *json = NULL;
  g_autoptr(GError) local_error = NULL;

  if (group_id == 0)
    return TRUE;

  json = fd_store_query_text (store, FD_ASSET_GROUP_SNAPSHOT_SQL, group_id, &local_error);
  if (json != NULL)
    return TRUE;

  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_FOUND,
                 _("There is no dynamic-creative group %lld."), (long long)group_id);
  return FALSE;
}

char *
_fd_asset_clean_name (const char  *name,
                      GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (name ? name : ""));

  if (*clean == '\0')
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID, _("An asset needs a name."));
      return NULL;
    }

  return g_steal_pointer (&clean);
}

/* Versions are added to what is still being worked on or reviewed; an
 * uploaded or archived asset keeps the version it ended with. */
gboolean
_fd_asset_check_open_for_versions (const FdAssetRow  *row,
                                   GError           **error)
{
  if (row->state == FD_ASSET_STATE_UPLOADED)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_ALLOWED,
                   _("“%s” was uploaded with version %lld and takes no new "
                     "versions. Create a new asset for a new cut."),
                   row->name, (long long)row->current_version);
      return FALSE;
    }

  if (row->state == FD_ASSET_STATE_ARCHIVED)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_ALLOWED,
                   _("“%s” is archived, and Archived is final: it takes no new versions. "
                     "Create a new asset to work on it again."),
                   row->name);
      return FALSE;
    }

  return TRUE;
}

/* Refuses bytes or text that are already a version of this asset: a
 * version is something new to review. */
gboolean
_fd_asset_check_not_duplicate (FdStore           *store,
                               const FdAssetRow  *row,
                               const char        *sha256,
                               GError           **error)
{
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  stmt = fd_store_stmt (store,
                        "SELECT number FROM asset_version WHERE asset_id = ? AND sha256 = ? "
                        "ORDER BY number DESC LIMIT 1",
                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, row->id);
  fd_stmt_bind_text (stmt, 2, sha256);
  if (!fd_store_step (store, stmt, &has_row, error))
    return FALSE;

  if (has_row)
    {
      gint64 number = sqlite3_column_int64 (stmt, 0);

      if (fd_asset_kind_is_text (row->kind))
        g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_EXISTS,
                     _("This is the same text as version %lld of “%s”; "
                       "nothing was added."),
                     (long long)number, row->name);
      else
        g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_EXISTS,
                     _("This is the same file as version %lld of “%s”; "
                       "nothing was imported."),
                     (long long)number, row->name);
      return FALSE;
    }

  return TRUE;
}

gint64
_fd_asset_insert_version (FdMutation   *mutation,
                          gint64        asset_id,
                          gint64        number,
                          const char   *sha256,
                          const char   *text,
                          const char   *probe_json,
                          gint64        size,
                          const char   *filename,
                          const char   *note,
                          GError      **error)
{
  FdStore *store = fd_mutation_get_store (mutation);
  g_auto(FdStmt) insert = NULL;
  g_auto(FdStmt) update = NULL;
  g_autofree char *clean_note = note ? g_strstrip (g_strdup (note)) : NULL;
  g_autofree char *after = NULL;
  g_autofree char *id_text = NULL;
  gint64 id;

  insert = fd_store_stmt (store,
                          "INSERT INTO asset_version (asset_id, number, sha256, text, probe_json, "
                          "size_bytes, filename, note, created_us, created_by) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, nullif (?, ''), ?, ?)",
                          error);
  if (insert == NULL)
    return 0;

  sqlite3_bind_int64 (insert, 1, asset_id);
  sqlite3_bind_int64 (insert, 2, number);
  fd_stmt_bind_text (insert, 3, sha256);
  fd_stmt_bind_text (insert, 4, text);
  fd_stmt_bind_text (insert, 5, probe_json);
  sqlite3_bind_int64 (insert, 6, size);
  fd_stmt_bind_text (insert, 7, filename);
  fd_stmt_bind_text (insert, 8, clean_note);
  sqlite3_bind_int64 (insert, 9, fd_mutation_get_time (mutation));
  fd_stmt_bind_text (insert, 10, fd_mutation_get_actor (mutation));
  if (!fd_store_run (store, insert, error))
    return 0;

  id = fd_store_get_last_insert_id (store);

  /* In review, the new version is the one under review: decisions on the
   * old one no longer count towards approval. */
  update = fd_store_stmt (store,
                          "UPDATE asset SET current_version = ?1, "
                          "review_version = CASE WHEN state = 'in-review' THEN ?1 "
                          "ELSE review_version END WHERE id = ?2",
                          error);
  if (update == NULL)
    return 0;

  sqlite3_bind_int64 (update, 1, number);
  sqlite3_bind_int64 (update, 2, asset_id);
  if (!fd_store_run (store, update, error))
    return 0;

  after = fd_store_query_text (store, FD_ASSET_VERSION_SNAPSHOT_SQL, id, error);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  if (after == NULL ||
      !fd_mutation_record (mutation, "asset_version", id_text, "create", NULL, after, error))
    return 0;

  return id;
}

/* After a version row was added: the asset event, and on an approved asset
 * the return to review. */
gboolean
_fd_asset_finish_new_version (FdMutation  *mutation,
                              FdAssetRow  *row,
                              const char  *before,
                              GError     **error)
{
  if (row->state == FD_ASSET_STATE_APPROVED)
    return _fd_asset_reopen_for_new_version (mutation, row, before, error);

  return _fd_asset_record (mutation, row->id, "new-version", before, error);
}

gint64
_fd_asset_insert_asset (FdMutation   *mutation,
                        FdAssetKind   kind,
                        const char   *name,
                        gint64        brief_id,
                        gint64        group_id,
                        GError      **error)
{
  FdStore *store = fd_mutation_get_store (mutation);
  g_auto(FdStmt) stmt = NULL;

  stmt = fd_store_stmt (store,
                        "INSERT INTO asset (kind, name, brief_id, group_id, state, state_since_us, "
                        "created_us, created_by) "
                        "VALUES (?, ?, nullif (?, 0), nullif (?, 0), 'draft', ?5, ?5, ?)",
                        error);
  if (stmt == NULL)
    return 0;

  fd_stmt_bind_text (stmt, 1, fd_asset_kind_to_string (kind));
  fd_stmt_bind_text (stmt, 2, name);
  sqlite3_bind_int64 (stmt, 3, brief_id);
  sqlite3_bind_int64 (stmt, 4, group_id);
  sqlite3_bind_int64 (stmt, 5, fd_mutation_get_time (mutation));
  fd_stmt_bind_text (stmt, 6, fd_mutation_get_actor (mutation));
  if (!fd_store_run (store, stmt, error))
    return 0;

  return fd_store_get_last_insert_id (store);
}
