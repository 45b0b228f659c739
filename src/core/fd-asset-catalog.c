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
#include "fd-brief.h"
#include "fd-core-error.h"
#include "fd-mutation.h"
#include "fd-roster.h"

/* Assets and their versions. A version is immutable and named by the
 * SHA-256 of what was made: the stored file for media kinds, the UTF-8 text
 * for text kinds. Adding a version never changes an earlier one; on an
 * approved asset it starts a new review round (fd-asset-workflow.c), and
 * the approval stays with the version it was given to. */

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

/*
 * Shared with fd-asset-workflow.c
 */

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
                        "a.review_round, a.review_version, a.created_by, v.sha256 "
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
                   _("There is no asset %" G_GINT64_FORMAT "."), asset_id);
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

/*
 * Helpers
 */

static gboolean
check_brief (FdStore  *store,
             gint64    brief_id,
             GError  **error)
{
  g_autoptr(FdBrief) brief = NULL;

  if (brief_id == 0)
    return TRUE;

  brief = fd_brief_get (store, brief_id, error);
  return brief != NULL;
}

static gboolean
check_group (FdStore  *store,
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
                 _("There is no dynamic-creative group %" G_GINT64_FORMAT "."), group_id);
  return FALSE;
}

static char *
clean_name (const char  *name,
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
static gboolean
check_open_for_versions (const FdAssetRow  *row,
                         GError           **error)
{
  if (row->state == FD_ASSET_STATE_UPLOADED)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_ALLOWED,
                   _("“%s” was uploaded with version %" G_GINT64_FORMAT " and takes no new "
                     "versions. Create a new asset for a new cut."),
                   row->name, row->current_version);
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
static gboolean
check_not_duplicate (FdStore           *store,
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
                     _("This is the same text as version %" G_GINT64_FORMAT " of “%s”; "
                       "nothing was added."),
                     number, row->name);
      else
        g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_EXISTS,
                     _("This is the same file as version %" G_GINT64_FORMAT " of “%s”; "
                       "nothing was imported."),
                     number, row->name);
      return FALSE;
    }

  return TRUE;
}

static gint64
insert_version (FdMutation   *mutation,
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
static gboolean
finish_new_version (FdMutation  *mutation,
                    FdAssetRow  *row,
                    const char  *before,
                    GError     **error)
{
  if (row->state == FD_ASSET_STATE_APPROVED)
    return _fd_asset_reopen_for_new_version (mutation, row, before, error);

  return _fd_asset_record (mutation, row->id, "new-version", before, error);
}

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
                   _("A %s cannot be empty."), fd_asset_kind_get_display_name (kind));
      return NULL;
    }

  return g_steal_pointer (&clean);
}

static gint64
insert_asset (FdMutation   *mutation,
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
                   _("%s get their versions by importing files, not from text."),
                   fd_asset_kind_get_display_name (kind));
      return 0;
    }

  if (!(clean = clean_name (name, error)) ||
      (text != NULL && !(body = clean_text (kind, text, error))) ||
      !(person = _fd_asset_require_actor (store, person_id, error)))
    return 0;

  actor = fd_person_dup_actor (person);
  if (!(mutation = fd_mutation_begin (store, actor, error)) ||
      !check_brief (store, brief_id, error) ||
      !check_group (store, group_id, error) ||
      !(id = insert_asset (mutation, kind, clean, brief_id, group_id, error)) ||
      !_fd_asset_record (mutation, id, "create", NULL, error))
    return 0;

  if (body != NULL)
    {
      g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, body, -1);
      g_autofree char *before = _fd_asset_snapshot (store, id, error);

      if (before == NULL ||
          !insert_version (mutation, id, 1, sha, body, NULL, strlen (body), NULL, NULL, error) ||
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
                   _("“%s” is a %s: its versions are imported files, not text."),
                   row.name, fd_asset_kind_get_display_name (row.kind));
      return 0;
    }

  if (!check_open_for_versions (&row, error) ||
      !(body = clean_text (row.kind, text, error)))
    return 0;

  sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, body, -1);
  if (!check_not_duplicate (store, &row, sha, error) ||
      !(before = _fd_asset_snapshot (store, asset_id, error)))
    return 0;

  number = row.current_version + 1;
  if (!insert_version (mutation, asset_id, number, sha, body, NULL, strlen (body),
                       NULL, note, error) ||
      !finish_new_version (mutation, &row, before, error) ||
      !fd_mutation_commit (mutation, error))
    return 0;

  return number;
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
    g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                 _("%s are written, not imported: create one with its text instead of "
                   "importing “%s”."),
                 fd_asset_kind_get_display_name (wanted), filename);
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
                   _("“%s” is a %s: its versions are written as text, not imported "
                     "from files."),
                   row->name, fd_asset_kind_get_display_name (row->kind));
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

  return check_open_for_versions (row, error);
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
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                   _("%s are written, not imported: create one with its text instead of "
                     "importing “%s”."),
                   fd_asset_kind_get_display_name (request->kind), filename);
      return FALSE;
    }

  return check_brief (store, request->brief_id, error) &&
         check_group (store, request->group_id, error);
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
          !(clean = clean_name (name, error)) ||
          !check_brief (store, request->brief_id, error) ||
          !check_group (store, request->group_id, error) ||
          !(asset_id = insert_asset (mutation, kind, clean, request->brief_id,
                                     request->group_id, error)) ||
          !_fd_asset_record (mutation, asset_id, "create", NULL, error))
        return FALSE;

      result->new_asset = TRUE;
    }

  if (!_fd_asset_row_load (store, asset_id, &row, error) ||
      !check_media_target (&row, info, filename, error) ||
      !check_not_duplicate (store, &row, sha, error) ||
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

  return insert_version (mutation, asset_id, result->version, stored, NULL, probe_json,
                         fd_media_staged_get_size (staged), filename, request->note, error) &&
         finish_new_version (mutation, &row, before, error);
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

  if ((changes->set & FD_ASSET_CHANGE_NAME) && !(name = clean_name (changes->name, error)))
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

  if (((changes->set & FD_ASSET_CHANGE_BRIEF) && !check_brief (store, changes->brief_id, error)) ||
      ((changes->set & FD_ASSET_CHANGE_GROUP) && !check_group (store, changes->group_id, error)) ||
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
      !check_brief (store, brief_id, error))
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
