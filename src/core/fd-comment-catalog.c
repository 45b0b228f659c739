/* fd-comment-catalog.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-comment-catalog"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "fd-asset-private.h"
#include "fd-comment-catalog.h"
#include "fd-comment-private.h"
#include "fd-core-error.h"
#include "fd-media-info.h"

/* Writing comments. Every change is one mutation with its audit event
 * (entity "comment"): "create" for the first comment of a thread, "reply",
 * "edit" (the earlier text is the event's "before"), "resolve" and
 * "reopen" (on the thread's first comment), and "migrate" for the comments
 * the upgrade to schema 5 copied from review_decision. Reading is in
 * fd-comment-query.c. */

/*
 * What a comment is checked against
 */

typedef struct
{
  gint64       number;
  char        *text;
  FdMediaInfo *info;
} VersionFacts;

static void
version_facts_clear (VersionFacts *facts)
{
  g_clear_pointer (&facts->text, g_free);
  g_clear_pointer (&facts->info, fd_media_info_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (VersionFacts, version_facts_clear)

static gboolean
load_version (FdStore           *store,
              const FdAssetRow  *row,
              gint64             number,
              VersionFacts      *facts,
              GError           **error)
{
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;
  const char *probe;

  if (number == 0)
    number = row->current_version;
  if (number == 0)
    return _fd_asset_refuse (error, _("“%s” has no version yet to comment on."), row->name);

  stmt = fd_store_stmt (store,
                        "SELECT text, probe_json FROM asset_version WHERE asset_id = ? AND number = ?",
                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, row->id);
  sqlite3_bind_int64 (stmt, 2, number);
  if (!fd_store_step (store, stmt, &has_row, error))
    return FALSE;

  if (!has_row)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_FOUND,
                   _("“%s” has no version %lld; its versions are 1 to %lld."),
                   row->name, (long long)number, (long long)row->current_version);
      return FALSE;
    }

  facts->number = number;
  facts->text = fd_stmt_dup_text (stmt, 0);
  if ((probe = fd_stmt_column_text (stmt, 1)) != NULL)
    {
      g_autoptr(JsonNode) node = json_from_string (probe, error);

      if (node == NULL || !(facts->info = fd_media_info_from_json (node, error)))
        return FALSE;
    }

  return TRUE;
}

static gboolean
invalid (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
check_text_anchor (const FdAssetRow       *row,
                   const VersionFacts     *facts,
                   const FdCommentAnchor  *anchor,
                   GError                **error)
{
  gint64 length = g_utf8_strlen (facts->text, -1);

  if (anchor->mark != NULL)
    return invalid (error, _("Marks are drawn on a picture, and “%s” is text: point at a range of "
                             "its characters instead."),
                    row->name);

  if (anchor->frame_start >= 0 || anchor->frame_end >= 0)
    return invalid (error, _("“%s” is text: comment on the whole text or on a range of its "
                             "characters, not on frames."),
                    row->name);

  if (anchor->text_start < 0 && anchor->text_end < 0)
    return TRUE;

  if (anchor->text_start < 0 || anchor->text_end <= anchor->text_start)
    return invalid (error, _("A range of characters runs forward and holds at least one: "
                             "%lld–%lld does not."),
                    (long long)anchor->text_start, (long long)anchor->text_end);

  if (anchor->text_end > length)
    return invalid (error, _("Version %lld of “%s” has %lld characters; the range %lld–%lld "
                             "runs past its end."),
                    (long long)facts->number, row->name, (long long)length,
                    (long long)anchor->text_start, (long long)anchor->text_end);

  return TRUE;
}

static gboolean
check_mark (FdMarkupShape  *mark,
            GError        **error)
{
  guint n = fd_markup_shape_get_n_points (mark);

  if (fd_markup_shape_get_kind (mark) == FD_MARKUP_RECTANGLE && n != 2)
    return invalid (error, _("A rectangle mark needs its two opposite corners."));
  if (fd_markup_shape_get_kind (mark) == FD_MARKUP_FREEHAND && n < 2)
    return invalid (error, _("A freehand mark needs at least two points."));

  return TRUE;
}

/* Fills in what the anchor leaves implicit: the end of a one-frame comment,
 * frame 0 of a still image that was marked. */
static gboolean
check_media_anchor (const FdAssetRow       *row,
                    const VersionFacts     *facts,
                    FdCommentAnchor        *anchor,
                    GError                **error)
{
  gint64 n_frames = fd_media_info_get_frame_count (facts->info);

  if (anchor->text_start >= 0 || anchor->text_end >= 0)
    return invalid (error, _("Character ranges are for text; on “%s”, comment on a frame or a "
                             "range of frames."),
                    row->name);

  if (anchor->mark != NULL && !check_mark (anchor->mark, error))
    return FALSE;

  if (anchor->frame_start < 0 && anchor->mark != NULL)
    {
      if (!facts->info->is_image)
        return invalid (error, _("A mark is drawn on a frame: say which frame of “%s” it is "
                                 "on."),
                        row->name);
      anchor->frame_start = 0;
    }

  if (anchor->frame_start < 0)
    {
      if (anchor->frame_end >= 0)
        return invalid (error, _("A range of frames needs its first frame too."));
      return TRUE;
    }

  if (anchor->frame_end < 0)
    anchor->frame_end = anchor->frame_start;

  if (anchor->frame_end < anchor->frame_start)
    return invalid (error, _("A range of frames runs forward: %lld to %lld is backwards."),
                    (long long)anchor->frame_start, (long long)anchor->frame_end);

  if (n_frames <= 0)
    return invalid (error, _("The frame rate of version %lld of “%s” is unknown, so its frames "
                             "cannot be counted; comment on the whole version."),
                    (long long)facts->number, row->name);

  if (facts->info->is_image && anchor->frame_end > 0)
    return invalid (error, _("Version %lld of “%s” is a still image: its one frame is frame 0."),
                    (long long)facts->number, row->name);

  if (anchor->frame_end >= n_frames)
    return invalid (error, _("Version %lld of “%s” has %lld frames (0 to %lld); frame %lld is "
                             "past its end."),
                    (long long)facts->number, row->name, (long long)n_frames,
                    (long long)(n_frames - 1), (long long)anchor->frame_end);

  return TRUE;
}

static char *
clean_text (const char  *text,
            GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (text ? text : ""));

  if (*clean == '\0')
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID, _("A comment needs text."));
      return NULL;
    }

  return g_steal_pointer (&clean);
}

/*
 * Writing
 */

static gboolean
record (FdMutation  *mutation,
        gint64       comment_id,
        const char  *action,
        const char  *before_json,
        GError     **error)
{
  g_autofree char *after = fd_store_query_text (fd_mutation_get_store (mutation),
                                                FD_COMMENT_SNAPSHOT_SQL, comment_id, error);
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, comment_id);

  return after != NULL &&
         fd_mutation_record (mutation, "comment", id_text, action, before_json, after, error);
}

static void
bind_optional (sqlite3_stmt *stmt,
               int           index,
               gint64        value)
{
  if (value >= 0)
    sqlite3_bind_int64 (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

static gint64
insert_comment (FdMutation             *mutation,
                gint64                  asset_id,
                gint64                  version,
                gint64                  parent_id,
                gint64                  person_id,
                const FdCommentAnchor  *anchor,
                const char             *text,
                GError                **error)
{
  FdStore *store = fd_mutation_get_store (mutation);
  g_auto(FdStmt) stmt = NULL;
  g_autofree char *mark = NULL;
  gint64 id;

  if (anchor->mark != NULL)
    {
      g_autoptr(JsonNode) node = fd_markup_shape_to_json (anchor->mark);

      mark = json_to_string (node, FALSE);
    }

  stmt = fd_store_stmt (store,
                        "INSERT INTO comment (asset_id, version, parent_id, person_id, body, "
                        "frame_start, frame_end, text_start, text_end, mark_json, created_us) "
                        "VALUES (?, ?, nullif (?, 0), ?, ?, ?, ?, ?, ?, ?, ?)",
                        error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, asset_id);
  sqlite3_bind_int64 (stmt, 2, version);
  sqlite3_bind_int64 (stmt, 3, parent_id);
  sqlite3_bind_int64 (stmt, 4, person_id);
  fd_stmt_bind_text (stmt, 5, text);
  bind_optional (stmt, 6, anchor->frame_start);
  bind_optional (stmt, 7, anchor->frame_end);
  bind_optional (stmt, 8, anchor->text_start);
  bind_optional (stmt, 9, anchor->text_end);
  fd_stmt_bind_text (stmt, 10, mark);
  sqlite3_bind_int64 (stmt, 11, fd_mutation_get_time (mutation));
  if (!fd_store_run (store, stmt, error))
    return 0;

  id = fd_store_get_last_insert_id (store);
  return record (mutation, id, parent_id ? "reply" : "create", NULL, error) ? id : 0;
}

static FdMutation *
begin_as (FdStore   *store,
          FdPerson  *person,
          GError   **error)
{
  g_autofree char *actor = fd_person_dup_actor (person);

  return fd_mutation_begin (store, actor, error);
}

/**
 * fd_comment_add:
 * @person_id: who comments (anyone active on the roster)
 * @version: the version's number, or 0 for the asset's current version
 * @anchor: (nullable): where the comment points; %NULL for the whole
 *   version
 * @text: what they say
 *
 * Starts a thread on a version. Frames must lie within the version (its
 * probed frame count), a range runs forward, marks go on media versions
 * (and need a frame, except on a still image), character ranges on text
 * versions; refusals are %FD_CORE_ERROR_INVALID and say what to change.
 *
 * Returns: the new comment's id, or 0 with @error set
 */
gint64
fd_comment_add (FdStore                *store,
                gint64                  person_id,
                gint64                  asset_id,
                gint64                  version,
                const FdCommentAnchor  *anchor,
                const char             *text,
                GError                **error)
{
  FdCommentAnchor where = FD_COMMENT_ANCHOR_INIT;
  g_autoptr(FdPerson) person = NULL;
  g_autoptr(FdMutation) mutation = NULL;
  g_autofree char *clean = NULL;
  g_auto(FdAssetRow) row = { 0 };
  g_auto(VersionFacts) facts = { 0 };
  gint64 id;

  g_return_val_if_fail (FD_IS_STORE (store), 0);

  if (anchor != NULL)
    where = *anchor;

  if (!(person = _fd_asset_require_actor (store, person_id, error)) ||
      !(clean = clean_text (text, error)) ||
      !_fd_asset_row_load (store, asset_id, &row, error) ||
      !load_version (store, &row, version, &facts, error))
    return 0;

  if (facts.info != NULL ? !check_media_anchor (&row, &facts, &where, error)
                         : !check_text_anchor (&row, &facts, &where, error))
    return 0;

  if (!(mutation = begin_as (store, person, error)) ||
      !(id = insert_comment (mutation, asset_id, facts.number, 0, person_id, &where, clean, error)) ||
      !fd_mutation_commit (mutation, error))
    return 0;

  return id;
}

typedef struct
{
  gint64  id;
  gint64  asset_id;
  gint64  version;
  gint64  parent_id;
  gint64  person_id;
  char   *author;
  char   *text;
  gint64  resolved_by;
  char   *resolved_by_name;
} CommentFacts;

static void
comment_facts_clear (CommentFacts *facts)
{
  g_clear_pointer (&facts->author, g_free);
  g_clear_pointer (&facts->text, g_free);
  g_clear_pointer (&facts->resolved_by_name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CommentFacts, comment_facts_clear)

static gboolean
load_comment (FdStore       *store,
              gint64         comment_id,
              CommentFacts  *facts,
              GError       **error)
{
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  stmt = fd_store_stmt (store,
                        "SELECT c.id, c.asset_id, c.version, c.parent_id, c.person_id, p.name, "
                        "c.body, c.resolved_by, r.name FROM comment c "
                        "JOIN person p ON p.id = c.person_id "
                        "LEFT JOIN person r ON r.id = c.resolved_by WHERE c.id = ?",
                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, comment_id);
  if (!fd_store_step (store, stmt, &has_row, error))
    return FALSE;

  if (!has_row)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_FOUND,
                   _("There is no comment %lld."), (long long)comment_id);
      return FALSE;
    }

  comment_facts_clear (facts);
  facts->id = sqlite3_column_int64 (stmt, 0);
  facts->asset_id = sqlite3_column_int64 (stmt, 1);
  facts->version = sqlite3_column_int64 (stmt, 2);
  facts->parent_id = sqlite3_column_int64 (stmt, 3);
  facts->person_id = sqlite3_column_int64 (stmt, 4);
  facts->author = fd_stmt_dup_text (stmt, 5);
  facts->text = fd_stmt_dup_text (stmt, 6);
  facts->resolved_by = sqlite3_column_int64 (stmt, 7);
  facts->resolved_by_name = fd_stmt_dup_text (stmt, 8);
  return TRUE;
}

/**
 * fd_comment_reply:
 * @comment_id: any comment of the thread
 *
 * Adds a reply at the end of the thread @comment_id belongs to (threads
 * are one level deep: a reply to a reply joins the same thread). A reply
 * points at nothing of its own; a resolved thread takes replies and stays
 * resolved until someone reopens it.
 *
 * Returns: the reply's id, or 0 with @error set
 */
gint64
fd_comment_reply (FdStore     *store,
                  gint64       person_id,
                  gint64       comment_id,
                  const char  *text,
                  GError     **error)
{
  const FdCommentAnchor nowhere = FD_COMMENT_ANCHOR_INIT;
  g_autoptr(FdPerson) person = NULL;
  g_autoptr(FdMutation) mutation = NULL;
  g_autofree char *clean = NULL;
  g_auto(CommentFacts) parent = { 0 };
  gint64 id;

  g_return_val_if_fail (FD_IS_STORE (store), 0);

  if (!(person = _fd_asset_require_actor (store, person_id, error)) ||
      !(clean = clean_text (text, error)) ||
      !load_comment (store, comment_id, &parent, error))
    return 0;

  if (!(mutation = begin_as (store, person, error)) ||
      !(id = insert_comment (mutation, parent.asset_id, parent.version,
                             parent.parent_id ? parent.parent_id : parent.id,
                             person_id, &nowhere, clean, error)) ||
      !fd_mutation_commit (mutation, error))
    return 0;

  return id;
}

/**
 * fd_comment_edit:
 *
 * Changes the text of a comment; only its author may. The earlier text
 * stays in the audit log (the event's "before"). The same text again
 * changes nothing and records nothing.
 *
 * Returns: %TRUE on success
 */
gboolean
fd_comment_edit (FdStore     *store,
                 gint64       person_id,
                 gint64       comment_id,
                 const char  *text,
                 GError     **error)
{
  g_autoptr(FdPerson) person = NULL;
  g_autoptr(FdMutation) mutation = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *before = NULL;
  g_auto(CommentFacts) comment = { 0 };
  g_auto(FdStmt) stmt = NULL;

  g_return_val_if_fail (FD_IS_STORE (store), FALSE);

  if (!(person = _fd_asset_require_actor (store, person_id, error)) ||
      !(clean = clean_text (text, error)) ||
      !load_comment (store, comment_id, &comment, error))
    return FALSE;

  if (comment.person_id != person_id)
    return _fd_asset_refuse (error, _("Only %s, who wrote comment %lld, can edit it; reply to it "
                                      "instead."),
                             comment.author, (long long)comment_id);

  if (g_str_equal (comment.text, clean))
    return TRUE;

  if (!(mutation = begin_as (store, person, error)) ||
      !(before = fd_store_query_text (store, FD_COMMENT_SNAPSHOT_SQL, comment_id, error)) ||
      !(stmt = fd_store_stmt (store, "UPDATE comment SET body = ?, edited_us = ? WHERE id = ?", error)))
    return FALSE;

  fd_stmt_bind_text (stmt, 1, clean);
  sqlite3_bind_int64 (stmt, 2, fd_mutation_get_time (mutation));
  sqlite3_bind_int64 (stmt, 3, comment_id);

  return fd_store_run (store, stmt, error) &&
         record (mutation, comment_id, "edit", before, error) &&
         fd_mutation_commit (mutation, error);
}

static gboolean
set_resolved (FdStore   *store,
              gint64     person_id,
              gint64     comment_id,
              gboolean   resolved,
              GError   **error)
{
  g_autoptr(FdPerson) person = NULL;
  g_autoptr(FdMutation) mutation = NULL;
  g_autofree char *before = NULL;
  g_auto(CommentFacts) thread = { 0 };
  g_auto(FdStmt) stmt = NULL;
  gint64 thread_id;

  g_return_val_if_fail (FD_IS_STORE (store), FALSE);

  if (!(person = _fd_asset_require_actor (store, person_id, error)) ||
      !load_comment (store, comment_id, &thread, error))
    return FALSE;

  /* Threads are resolved as a whole, on their first comment. */
  if (thread.parent_id != 0 && !load_comment (store, thread.parent_id, &thread, error))
    return FALSE;
  thread_id = thread.id;

  if (resolved && thread.resolved_by != 0)
    return _fd_asset_refuse (error, _("The thread of comment %lld is already resolved (by %s)."),
                             (long long)comment_id, thread.resolved_by_name);
  if (!resolved && thread.resolved_by == 0)
    return _fd_asset_refuse (error, _("The thread of comment %lld is open; there is nothing to "
                                      "reopen."),
                             (long long)comment_id);

  if (!(mutation = begin_as (store, person, error)) ||
      !(before = fd_store_query_text (store, FD_COMMENT_SNAPSHOT_SQL, thread_id, error)) ||
      !(stmt = fd_store_stmt (store,
                              "UPDATE comment SET resolved_by = ?, resolved_us = ? WHERE id = ?",
                              error)))
    return FALSE;

  if (resolved)
    {
      sqlite3_bind_int64 (stmt, 1, person_id);
      sqlite3_bind_int64 (stmt, 2, fd_mutation_get_time (mutation));
    }
  sqlite3_bind_int64 (stmt, 3, thread_id);

  return fd_store_run (store, stmt, error) &&
         record (mutation, thread_id, resolved ? "resolve" : "reopen", before, error) &&
         fd_mutation_commit (mutation, error);
}

/**
 * fd_comment_resolve:
 * @comment_id: any comment of the thread
 *
 * Marks the thread @comment_id belongs to resolved, by @person_id (anyone
 * active on the roster), now.
 *
 * Returns: %TRUE on success; refused when the thread is resolved already
 */
gboolean
fd_comment_resolve (FdStore  *store,
                    gint64    person_id,
                    gint64    comment_id,
                    GError  **error)
{
  return set_resolved (store, person_id, comment_id, TRUE, error);
}

/**
 * fd_comment_reopen:
 * @comment_id: any comment of the thread
 *
 * Opens a resolved thread again.
 *
 * Returns: %TRUE on success; refused when the thread is open
 */
gboolean
fd_comment_reopen (FdStore  *store,
                   gint64    person_id,
                   gint64    comment_id,
                   GError  **error)
{
  return set_resolved (store, person_id, comment_id, FALSE, error);
}

/*
 * The upgrade to schema 5
 */

static gboolean
migrate_one (FdMutation  *mutation,
             gint64       review_id,
             GError     **error)
{
  FdStore *store = fd_mutation_get_store (mutation);
  g_auto(FdStmt) stmt = NULL;

  stmt = fd_store_stmt (store,
                        "INSERT INTO comment (asset_id, version, person_id, body, created_us, review_id) "
                        "SELECT asset_id, version, person_id, "
                        "coalesce (nullif (trim (feedback), ''), '…'), at_us, id "
                        "FROM review_decision WHERE id = ?",
                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, review_id);
  return fd_store_run (store, stmt, error) &&
         record (mutation, fd_store_get_last_insert_id (store), "migrate", NULL, error);
}

/* Before schema 5, a comment was a review_decision with decision
 * 'comment'. Each becomes a comment (audited, linked by review_id); the
 * decision rows are append-only and stay. */
gboolean
_fd_comment_migrate_legacy (FdStore  *store,
                            GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(FdMutation) mutation = NULL;
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  stmt = fd_store_stmt (store,
                        "SELECT id FROM review_decision WHERE decision = 'comment' "
                        "AND id NOT IN (SELECT review_id FROM comment WHERE review_id IS NOT NULL) "
                        "ORDER BY id",
                        error);
  if (stmt == NULL)
    return FALSE;

  for (;;)
    {
      gint64 id;

      if (!fd_store_step (store, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }

  if (ids->len == 0)
    return TRUE;

  if (!(mutation = fd_mutation_begin (store, "system", error)))
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    if (!migrate_one (mutation, g_array_index (ids, gint64, i), error))
      return FALSE;

  return fd_mutation_commit (mutation, error);
}

/*
 * On the workspace's writer queue
 */

typedef enum
{
  CHANGE_ADD,
  CHANGE_REPLY,
  CHANGE_EDIT,
  CHANGE_RESOLVE,
  CHANGE_REOPEN,
} ChangeKind;

typedef struct
{
  ChangeKind       kind;
  gint64           person_id;
  gint64           target_id;  /* the asset (add) or the comment */
  gint64           version;
  FdCommentAnchor  anchor;
  char            *text;
} Change;

static void
change_free (gpointer data)
{
  Change *change = data;

  g_clear_object (&change->anchor.mark);
  g_free (change->text);
  g_free (change);
}

static gpointer
run_change (FdStore       *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  Change *change = data;
  gint64 result = 0;

  switch (change->kind)
    {
    case CHANGE_ADD:
      result = fd_comment_add (store, change->person_id, change->target_id, change->version,
                               &change->anchor, change->text, error);
      break;
    case CHANGE_REPLY:
      result = fd_comment_reply (store, change->person_id, change->target_id, change->text, error);
      break;
    case CHANGE_EDIT:
      result = fd_comment_edit (store, change->person_id, change->target_id, change->text, error);
      break;
    case CHANGE_RESOLVE:
      result = fd_comment_resolve (store, change->person_id, change->target_id, error);
      break;
    case CHANGE_REOPEN:
      result = fd_comment_reopen (store, change->person_id, change->target_id, error);
      break;
    default:
      g_assert_not_reached ();
    }

  if (result == 0)
    return NULL;

  return g_memdup2 (&result, sizeof result);
}

static void
queue_change (FdWorkspace          *workspace,
              Change               *change,
              GCancellable         *cancellable,
              GAsyncReadyCallback   callback,
              gpointer              user_data)
{
  fd_workspace_run_async (workspace, TRUE, run_change, change, change_free, g_free,
                          cancellable, callback, user_data);
}

static Change *
change_new (ChangeKind  kind,
            gint64      person_id,
            gint64      target_id,
            const char *text)
{
  Change *change = g_new0 (Change, 1);
  const FdCommentAnchor nowhere = FD_COMMENT_ANCHOR_INIT;

  change->kind = kind;
  change->person_id = person_id;
  change->target_id = target_id;
  change->anchor = nowhere;
  change->text = g_strdup (text);

  return change;
}

/**
 * fd_comment_add_async:
 *
 * Runs fd_comment_add() on the workspace's writer queue; @anchor is copied
 * (its mark is referenced). Finish with fd_comment_change_finish().
 */
void
fd_comment_add_async (FdWorkspace            *workspace,
                      gint64                  person_id,
                      gint64                  asset_id,
                      gint64                  version,
                      const FdCommentAnchor  *anchor,
                      const char             *text,
                      GCancellable           *cancellable,
                      GAsyncReadyCallback     callback,
                      gpointer                user_data)
{
  Change *change = change_new (CHANGE_ADD, person_id, asset_id, text);

  change->version = version;
  if (anchor != NULL)
    {
      change->anchor = *anchor;
      if (anchor->mark != NULL)
        change->anchor.mark = g_object_ref (anchor->mark);
    }

  queue_change (workspace, change, cancellable, callback, user_data);
}

void
fd_comment_reply_async (FdWorkspace          *workspace,
                        gint64                person_id,
                        gint64                comment_id,
                        const char           *text,
                        GCancellable         *cancellable,
                        GAsyncReadyCallback   callback,
                        gpointer              user_data)
{
  queue_change (workspace, change_new (CHANGE_REPLY, person_id, comment_id, text),
                cancellable, callback, user_data);
}

void
fd_comment_edit_async (FdWorkspace          *workspace,
                       gint64                person_id,
                       gint64                comment_id,
                       const char           *text,
                       GCancellable         *cancellable,
                       GAsyncReadyCallback   callback,
                       gpointer              user_data)
{
  queue_change (workspace, change_new (CHANGE_EDIT, person_id, comment_id, text),
                cancellable, callback, user_data);
}

/**
 * fd_comment_set_resolved_async:
 * @resolved: %TRUE to resolve the thread, %FALSE to reopen it
 */
void
fd_comment_set_resolved_async (FdWorkspace          *workspace,
                               gint64                person_id,
                               gint64                comment_id,
                               gboolean              resolved,
                               GCancellable         *cancellable,
                               GAsyncReadyCallback   callback,
                               gpointer              user_data)
{
  queue_change (workspace,
                change_new (resolved ? CHANGE_RESOLVE : CHANGE_REOPEN, person_id, comment_id, NULL),
                cancellable, callback, user_data);
}

/**
 * fd_comment_change_finish:
 *
 * Returns: the new comment's id (add, reply), 1 (edit, resolve, reopen),
 *   or 0 with @error set
 */
gint64
fd_comment_change_finish (FdWorkspace   *workspace,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_autofree gint64 *value = fd_workspace_run_finish (workspace, result, error);

  return value != NULL ? *value : 0;
}
