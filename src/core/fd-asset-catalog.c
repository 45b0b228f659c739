/* fd-asset-catalog.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-asset-catalog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-asset-catalog.h"
#include "fd-asset-private.h"
#include "fd-core-error.h"
#include "fd-mutation.h"

/* Assets and their versions. A version is immutable and named by the
 * SHA-256 of what was made: the stored file for media kinds (see
 * fd-asset-import.c), the UTF-8 text for text kinds. Adding a version never
 * changes an earlier one; on an approved asset it starts a new review round
 * (fd-asset-workflow.c), and the approval stays with the version it was
 * given to. */

static char *
clean_text (FdAssetKind   kind,
            const char   *text,
            GError      **error)
{
  g_autofree char *clean = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                   _("The text is not valid UTF-8."));
      return NULL;
    }

  clean = g_strstrip (g_strdup (text));
  if (*clean == '\0')
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                   _("The text of a version cannot be empty."));
      return NULL;
    }

  return g_steal_pointer (&clean);
}

/*
 * Public API
 */

/**
 * fd_asset_create:
 * @person_id: who creates it
 * @kind: what it is
 * @name: what it is called on the board
 * @brief_id: its brief, or 0
 * @group_id: its dynamic-creative group, or 0
 * @text: (nullable): for text kinds, the text of version 1
 *
 * Creates an asset in Draft. Media assets get their versions by importing
 * files (fd_asset_import_media(), through the media layer's importer).
 *
 * Returns: the new asset's id, or 0 with @error set
 */
gint64
fd_asset_create (FdStore      *store,
                 gint64        person_id,
                 FdAssetKind   kind,
                 const char   *name,
                 gint64        brief_id,
                 gint64        group_id,
                 const char   *text,
                 GError      **error)
{
  g_autoptr(FdMutation) mutation = NULL;
  g_autoptr(FdPerson) person = NULL;
  g_autofree char *actor = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *body = NULL;
  gint64 id;

  g_return_val_if_fail (FD_IS_STORE (store), 0);

  if (kind == FD_ASSET_KIND_NONE)
    {
      g_autofree char *known = fd_asset_kind_list_names ();

      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                   _("An asset needs a kind: %s."), known);
      return 0;
    }

  if (text != NULL && !fd_asset_kind_is_text (kind))
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                   _("Versions of %s are imported files, not text."),
                   fd_asset_kind_get_plural_name (kind));
      return 0;
    }

  if (!(clean = _fd_asset_clean_name (name, error)) ||
      (text != NULL && !(body = clean_text (kind, text, error))) ||
      !(person = _fd_asset_require_actor (store, person_id, error)))
    return 0;

  actor = fd_person_dup_actor (person);
  if (!(mutation = fd_mutation_begin (store, actor, error)) ||
      !_fd_asset_check_brief (store, brief_id, error) ||
      !_fd_asset_check_group (store, group_id, error) ||
      !(id = _fd_asset_insert_asset (mutation, kind, clean, brief_id, group_id, error)) ||
      !_fd_asset_record (mutation, id, "create", NULL, error))
    return 0;

  if (body != NULL)
    {
      g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, body, -1);
      g_autofree char *before = _fd_asset_snapshot (store, id, error);

      if (before == NULL ||
          !_fd_asset_insert_version (mutation, id, 1, sha, body, NULL, strlen (body), NULL, NULL, error) ||
          !_fd_asset_record (mutation, id, "new-version", before, error))
        return 0;
    }

  if (!fd_mutation_commit (mutation, error))
    return 0;

  return id;
}

/**
 * fd_asset_add_text_version:
 * @text: the new text; leading and trailing white space is dropped
 * @note: (nullable): what changed, for the reviewers
 *
 * Adds a version to a headline, primary text or script. The same text as
 * an existing version is refused. On an approved asset this starts a new
 * review round.
 *
 * Returns: the new version's number, or 0 with @error set
 */
gint64
fd_asset_add_text_version (FdStore     *store,
                           gint64       person_id,
                           gint64       asset_id,
                           const char  *text,
                           const char  *note,
                           GError     **error)
{
  g_autoptr(FdMutation) mutation = NULL;
  g_autoptr(FdPerson) person = NULL;
  g_auto(FdAssetRow) row = { 0 };
  g_autofree char *actor = NULL;
  g_autofree char *before = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *body = NULL;
  gint64 number;

  g_return_val_if_fail (FD_IS_STORE (store), 0);

  if (!(person = _fd_asset_require_actor (store, person_id, error)))
    return 0;

  actor = fd_person_dup_actor (person);
  if (!(mutation = fd_mutation_begin (store, actor, error)) ||
      !_fd_asset_row_load (store, asset_id, &row, error))
    return 0;

  if (!fd_asset_kind_is_text (row.kind))
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                   _("“%s” takes imported files as versions, not text: import a file "
                     "instead."),
                   row.name);
      return 0;
    }

  if (!_fd_asset_check_open_for_versions (&row, error) ||
      !(body = clean_text (row.kind, text, error)))
    return 0;

  sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, body, -1);
  if (!_fd_asset_check_not_duplicate (store, &row, sha, error) ||
      !(before = _fd_asset_snapshot (store, asset_id, error)))
    return 0;

  number = row.current_version + 1;
  if (!_fd_asset_insert_version (mutation, asset_id, number, sha, body, NULL, strlen (body),
                       NULL, note, error) ||
      !_fd_asset_finish_new_version (mutation, &row, before, error) ||
      !fd_mutation_commit (mutation, error))
    return 0;

  return number;
}

/**
 * fd_asset_update:
 * @changes: what to change
 *
 * Renames an asset, or sets its due date, planned campaign, brief or
 * group. An archived asset is final and refuses changes.
 *
 * Returns: %TRUE on success
 */
gboolean
fd_asset_update (FdStore               *store,
                 gint64                 person_id,
                 gint64                 asset_id,
                 const FdAssetChanges  *changes,
                 GError               **error)
{
  g_autoptr(FdMutation) mutation = NULL;
  g_autoptr(FdPerson) person = NULL;
  g_auto(FdAssetRow) row = { 0 };
  g_autofree char *actor = NULL;
  g_autofree char *before = NULL;
  g_autofree char *name = NULL;
  g_autofree char *campaign = NULL;
  g_auto(FdStmt) stmt = NULL;

  g_return_val_if_fail (FD_IS_STORE (store), FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);

  if ((changes->set & FD_ASSET_CHANGE_NAME) && !(name = _fd_asset_clean_name (changes->name, error)))
    return FALSE;

  if (changes->campaign != NULL)
    campaign = g_strstrip (g_strdup (changes->campaign));

  if (!(person = _fd_asset_require_actor (store, person_id, error)))
    return FALSE;

  actor = fd_person_dup_actor (person);
  if (!(mutation = fd_mutation_begin (store, actor, error)) ||
      !_fd_asset_row_load (store, asset_id, &row, error))
    return FALSE;

  if (row.state == FD_ASSET_STATE_ARCHIVED)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_ALLOWED,
                   _("“%s” is archived, and Archived is final: it can no longer be changed."),
                   row.name);
      return FALSE;
    }

  if (((changes->set & FD_ASSET_CHANGE_BRIEF) && !_fd_asset_check_brief (store, changes->brief_id, error)) ||
      ((changes->set & FD_ASSET_CHANGE_GROUP) && !_fd_asset_check_group (store, changes->group_id, error)) ||
      !(before = _fd_asset_snapshot (store, asset_id, error)))
    return FALSE;

  stmt = fd_store_stmt (store,
                        "UPDATE asset SET "
                        "name = CASE WHEN ?1 THEN ?2 ELSE name END, "
                        "due_us = CASE WHEN ?3 THEN nullif (?4, 0) ELSE due_us END, "
                        "campaign = CASE WHEN ?5 THEN nullif (?6, '') ELSE campaign END, "
                        "brief_id = CASE WHEN ?7 THEN nullif (?8, 0) ELSE brief_id END, "
                        "group_id = CASE WHEN ?9 THEN nullif (?10, 0) ELSE group_id END "
                        "WHERE id = ?11",
                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, (changes->set & FD_ASSET_CHANGE_NAME) != 0);
  fd_stmt_bind_text (stmt, 2, name);
  sqlite3_bind_int (stmt, 3, (changes->set & FD_ASSET_CHANGE_DUE) != 0);
  sqlite3_bind_int64 (stmt, 4, changes->due_us);
  sqlite3_bind_int (stmt, 5, (changes->set & FD_ASSET_CHANGE_CAMPAIGN) != 0);
  fd_stmt_bind_text (stmt, 6, campaign);
  sqlite3_bind_int (stmt, 7, (changes->set & FD_ASSET_CHANGE_BRIEF) != 0);
  sqlite3_bind_int64 (stmt, 8, changes->brief_id);
  sqlite3_bind_int (stmt, 9, (changes->set & FD_ASSET_CHANGE_GROUP) != 0);
  sqlite3_bind_int64 (stmt, 10, changes->group_id);
  sqlite3_bind_int64 (stmt, 11, asset_id);

  return fd_store_run (store, stmt, error) &&
         _fd_asset_record (mutation, asset_id, "update", before, error) &&
         fd_mutation_commit (mutation, error);
}

/**
 * fd_asset_group_create:
 * @name: what the dynamic creative is called
 * @brief_id: its brief, or 0
 *
 * Returns: the new group's id, or 0 with @error set
 */
gint64
fd_asset_group_create (FdStore     *store,
                       gint64       person_id,
                       const char  *name,
                       gint64       brief_id,
                       GError     **error)
{
  g_autoptr(FdMutation) mutation = NULL;
  g_autoptr(FdPerson) person = NULL;
  g_autofree char *actor = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (name ? name : ""));
  g_autofree char *after = NULL;
  g_autofree char *id_text = NULL;
  g_auto(FdStmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (FD_IS_STORE (store), 0);

  if (*clean == '\0')
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                   _("A dynamic-creative group needs a name."));
      return 0;
    }

  if (!(person = _fd_asset_require_actor (store, person_id, error)))
    return 0;

  actor = fd_person_dup_actor (person);
  if (!(mutation = fd_mutation_begin (store, actor, error)) ||
      !_fd_asset_check_brief (store, brief_id, error))
    return 0;

  stmt = fd_store_stmt (store,
                        "INSERT INTO asset_group (name, brief_id, created_us, created_by) "
                        "VALUES (?, nullif (?, 0), ?, ?)",
                        error);
  if (stmt == NULL)
    return 0;

  fd_stmt_bind_text (stmt, 1, clean);
  sqlite3_bind_int64 (stmt, 2, brief_id);
  sqlite3_bind_int64 (stmt, 3, fd_mutation_get_time (mutation));
  fd_stmt_bind_text (stmt, 4, actor);
  if (!fd_store_run (store, stmt, error))
    return 0;

  id = fd_store_get_last_insert_id (store);
  after = fd_store_query_text (store, FD_ASSET_GROUP_SNAPSHOT_SQL, id, error);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  if (after == NULL ||
      !fd_mutation_record (mutation, "asset_group", id_text, "create", NULL, after, error) ||
      !fd_mutation_commit (mutation, error))
    return 0;

  return id;
}

/**
 * fd_asset_group_list:
 *
 * Returns: (transfer full) (element-type FdAssetGroup): every group, by id
 */
GPtrArray *
fd_asset_group_list (FdStore  *store,
                     GError  **error)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  stmt = fd_store_stmt (store,
                        "SELECT g.id, g.name, g.brief_id, "
                        "(SELECT count (*) FROM asset a WHERE a.group_id = g.id) "
                        "FROM asset_group g ORDER BY g.id",
                        error);
  if (stmt == NULL)
    return NULL;

  for (;;)
    {
      if (!fd_store_step (store, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;

      g_ptr_array_add (groups, fd_asset_group_new (sqlite3_column_int64 (stmt, 0),
                                                   fd_stmt_column_text (stmt, 1),
                                                   sqlite3_column_int64 (stmt, 2),
                                                   sqlite3_column_int64 (stmt, 3)));
    }

  return g_steal_pointer (&groups);
}
