/* fd-comment-query.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-comment-query"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "fd-comment-catalog.h"
#include "fd-comment-private.h"
#include "fd-core-error.h"
#include "fd-media-info.h"
#include "fd-timecode.h"

/* Reading comments in the order the list beside the player shows them, and
 * telling their audit events in an asset's history.
 *
 * Order: newest version first; within a version, threads on frames (or on
 * characters) by their first frame, then their last, then when they were
 * written; threads on the whole version after them; each thread's replies
 * right after its first comment, oldest first. */

#define COMMENT_SELECT \
  "SELECT c.id, c.asset_id, c.version, c.parent_id, c.person_id, p.name, c.body, " \
  "c.created_us, c.edited_us, c.frame_start, c.frame_end, c.text_start, c.text_end, " \
  "c.mark_json, t.resolved_by, rp.name, t.resolved_us, " \
  "(SELECT count (*) FROM comment x WHERE x.parent_id = c.id), v.probe_json " \
  "FROM comment c " \
  "JOIN comment t ON t.id = coalesce (c.parent_id, c.id) " \
  "JOIN person p ON p.id = c.person_id " \
  "LEFT JOIN person rp ON rp.id = t.resolved_by " \
  "JOIN asset_version v ON v.asset_id = c.asset_id AND v.number = c.version "

#define COMMENT_ORDER \
  " ORDER BY c.version DESC, (t.frame_start IS NULL AND t.text_start IS NULL), " \
  "coalesce (t.frame_start, t.text_start), coalesce (t.frame_end, t.text_end), " \
  "t.created_us, t.id, c.parent_id IS NOT NULL, c.created_us, c.id"

static gint64
column_or (sqlite3_stmt *stmt,
           int           column,
           gint64        fallback)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return fallback;
  return sqlite3_column_int64 (stmt, column);
}

/* The frame rate of the version a row is on; read once per version. */
typedef struct
{
  gint64 asset_id;
  gint64 version;
  int    fps_n;
  int    fps_d;
} RateCache;

static void
read_rate (sqlite3_stmt *stmt,
           RateCache    *cache)
{
  gint64 asset_id = sqlite3_column_int64 (stmt, 1);
  gint64 version = sqlite3_column_int64 (stmt, 2);
  const char *probe = fd_stmt_column_text (stmt, 18);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(FdMediaInfo) info = NULL;

  if (cache->asset_id == asset_id && cache->version == version)
    return;

  cache->asset_id = asset_id;
  cache->version = version;
  cache->fps_n = cache->fps_d = 0;

  if (probe != NULL && (node = json_from_string (probe, NULL)) != NULL &&
      (info = fd_media_info_from_json (node, NULL)) != NULL)
    {
      cache->fps_n = info->fps_n;
      cache->fps_d = info->fps_d;
    }
}

static FdComment *
comment_from_row (sqlite3_stmt *stmt,
                  RateCache    *rates)
{
  g_auto(FdCommentData) data = { 0 };
  const char *mark = fd_stmt_column_text (stmt, 13);

  read_rate (stmt, rates);

  data.id = sqlite3_column_int64 (stmt, 0);
  data.asset_id = sqlite3_column_int64 (stmt, 1);
  data.version = sqlite3_column_int64 (stmt, 2);
  data.parent_id = sqlite3_column_int64 (stmt, 3);
  data.person_id = sqlite3_column_int64 (stmt, 4);
  data.author = fd_stmt_dup_text (stmt, 5);
  data.text = fd_stmt_dup_text (stmt, 6);
  data.created_us = sqlite3_column_int64 (stmt, 7);
  data.edited_us = sqlite3_column_int64 (stmt, 8);
  data.frame_start = column_or (stmt, 9, -1);
  data.frame_end = column_or (stmt, 10, -1);
  data.text_start = column_or (stmt, 11, -1);
  data.text_end = column_or (stmt, 12, -1);
  data.resolved_by = sqlite3_column_int64 (stmt, 14);
  data.resolved_by_name = fd_stmt_dup_text (stmt, 15);
  data.resolved_us = sqlite3_column_int64 (stmt, 16);
  data.n_replies = sqlite3_column_int (stmt, 17);
  data.fps_n = rates->fps_n;
  data.fps_d = rates->fps_d;

  if (mark != NULL)
    {
      g_autoptr(JsonNode) node = json_from_string (mark, NULL);

      /* A damaged mark is dropped; the comment still reads. */
      data.mark = node ? fd_markup_shape_new_from_json (node, NULL) : NULL;
    }

  return _fd_comment_new (&data);
}

static GPtrArray *
read_comments (FdStore     *store,
               const char  *where,
               gint64       first,
               gint64       second,
               GError     **error)
{
  g_autoptr(GPtrArray) comments = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *sql = g_strconcat (COMMENT_SELECT, where, COMMENT_ORDER, NULL);
  g_auto(FdStmt) stmt = NULL;
  RateCache rates = { 0 };
  gboolean has_row;

  if (!(stmt = fd_store_stmt (store, sql, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, first);
  if (second >= 0)
    sqlite3_bind_int64 (stmt, 2, second);

  for (;;)
    {
      if (!fd_store_step (store, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        return g_steal_pointer (&comments);

      g_ptr_array_add (comments, comment_from_row (stmt, &rates));
    }
}

/**
 * fd_comment_get:
 *
 * Returns: (transfer full): the comment, or %NULL with @error set
 */
FdComment *
fd_comment_get (FdStore  *store,
                gint64    comment_id,
                GError  **error)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (FD_IS_STORE (store), NULL);

  if (!(found = read_comments (store, "WHERE c.id = ?", comment_id, -1, error)))
    return NULL;

  if (found->len == 0)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_FOUND,
                   _("There is no comment %lld."), (long long)comment_id);
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (found, 0));
}

/**
 * fd_comment_list_for_version:
 * @version: the version's number
 *
 * Returns: (transfer full) (element-type FdComment): the version's
 *   comments: threads on frames by frame, then threads on the whole
 *   version; each thread's replies after it
 */
GPtrArray *
fd_comment_list_for_version (FdStore  *store,
                             gint64    asset_id,
                             gint64    version,
                             GError  **error)
{
  g_return_val_if_fail (FD_IS_STORE (store), NULL);

  return read_comments (store, "WHERE c.asset_id = ? AND c.version = ?", asset_id, version, error);
}

/**
 * fd_comment_list_for_asset:
 *
 * Returns: (transfer full) (element-type FdComment): the comments on every
 *   version, newest version first, each version's in the order of
 *   fd_comment_list_for_version()
 */
GPtrArray *
fd_comment_list_for_asset (FdStore  *store,
                           gint64    asset_id,
                           GError  **error)
{
  g_return_val_if_fail (FD_IS_STORE (store), NULL);

  return read_comments (store, "WHERE c.asset_id = ?", asset_id, -1, error);
}

/**
 * fd_comment_count:
 * @version: the version's number, or 0 for every version
 * @counts: (out): the counts
 *
 * Returns: %TRUE on success
 */
gboolean
fd_comment_count (FdStore          *store,
                  gint64            asset_id,
                  gint64            version,
                  FdCommentCounts  *counts,
                  GError          **error)
{
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (FD_IS_STORE (store), FALSE);

  stmt = fd_store_stmt (store,
                        "SELECT count (*), count (*) FILTER (WHERE parent_id IS NULL), "
                        "count (*) FILTER (WHERE parent_id IS NULL AND resolved_by IS NULL) "
                        "FROM comment WHERE asset_id = ?1 AND (?2 = 0 OR version = ?2)",
                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, asset_id);
  sqlite3_bind_int64 (stmt, 2, version);
  if (!fd_store_step (store, stmt, &has_row, error))
    return FALSE;

  counts->total = sqlite3_column_int (stmt, 0);
  counts->threads = sqlite3_column_int (stmt, 1);
  counts->open = sqlite3_column_int (stmt, 2);
  counts->resolved = counts->threads - counts->open;
  return TRUE;
}

/*
 * Telling the history
 */

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  return node && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;
}

static gint64
member_int (JsonObject *object,
            const char *name,
            gint64      fallback)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  return node && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_int (node) : fallback;
}

/* "Logo too small", cut at a word near @max characters. */
static char *
excerpt (const char *text,
         glong       max)
{
  g_autofree char *head = NULL;
  const char *cut;
  const char *space;

  if (text == NULL)
    return g_strdup ("");
  if (g_utf8_strlen (text, -1) <= max)
    return g_strdup (text);

  cut = g_utf8_offset_to_pointer (text, max);
  space = g_utf8_strrchr (text, cut - text, ' ');
  if (space != NULL && space > text)
    cut = space;

  head = g_strndup (text, cut - text);
  return g_strconcat (head, "…", NULL);
}

/* " at 00:00:04:12", " at 00:00:04:12–00:00:05:00" or " on “Full grip”". */
static char *
describe_anchor (FdStore    *store,
                 JsonObject *comment)
{
  gint64 frame_start = member_int (comment, "frame_start", -1);
  gint64 frame_end = member_int (comment, "frame_end", -1);
  gint64 text_start = member_int (comment, "text_start", -1);
  gint64 text_end = member_int (comment, "text_end", -1);
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row = FALSE;

  if (frame_start < 0 && text_start < 0)
    return g_strdup ("");

  stmt = fd_store_stmt (store, "SELECT text, probe_json FROM asset_version WHERE asset_id = ? AND number = ?",
                        NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, member_int (comment, "asset_id", 0));
      sqlite3_bind_int64 (stmt, 2, member_int (comment, "version", 0));
      fd_store_step (store, stmt, &has_row, NULL);
    }

  if (text_start >= 0)
    {
      const char *text = has_row ? fd_stmt_column_text (stmt, 0) : NULL;
      g_autofree char *range = NULL;
      g_autofree char *quoted = NULL;

      if (text == NULL || text_end > g_utf8_strlen (text, -1))
        return g_strdup_printf (_(" on characters %lld–%lld"), (long long)text_start, (long long)text_end);

      range = g_utf8_substring (text, text_start, text_end);
      quoted = excerpt (range, 40);
      return g_strdup_printf (_(" on “%s”"), quoted);
    }

  {
    const char *probe = has_row ? fd_stmt_column_text (stmt, 1) : NULL;
    g_autoptr(JsonNode) node = probe ? json_from_string (probe, NULL) : NULL;
    g_autoptr(FdMediaInfo) info = node ? fd_media_info_from_json (node, NULL) : NULL;
    double fps = info ? fd_media_info_get_fps (info) : 0;
    g_autofree char *start = NULL;
    g_autofree char *end = NULL;

    if (fps <= 0)
      return frame_end > frame_start
             ? g_strdup_printf (_(" on frames %lld–%lld"), (long long)frame_start, (long long)frame_end)
             : g_strdup_printf (_(" on frame %lld"), (long long)frame_start);

    start = fd_timecode_format (fps, frame_start);
    if (frame_end <= frame_start)
      return g_strdup_printf (_(" at %s"), start);

    end = fd_timecode_format (fps, frame_end);
    return g_strdup_printf (_(" at %s–%s"), start, end);
  }
}

static char *
thread_author (FdStore *store,
               gint64   comment_id)
{
  g_auto(FdStmt) stmt = fd_store_stmt (store,
                                       "SELECT p.name FROM comment c JOIN person p ON p.id = c.person_id "
                                       "WHERE c.id = ?",
                                       NULL);
  gboolean has_row = FALSE;

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, comment_id);
      fd_store_step (store, stmt, &has_row, NULL);
    }

  return g_strdup (has_row ? fd_stmt_column_text (stmt, 0) : "?");
}

/* One line for the history, or %NULL for an event that is not shown (the
 * copy the upgrade made of a comment the history tells already). */
char *
_fd_comment_describe_event (FdStore    *store,
                            const char *action,
                            const char *actor,
                            JsonObject *after,
                            const char *who)
{
  g_autofree char *author_actor = NULL;
  gint64 version = member_int (after, "version", 0);
  const char *text = member_string (after, "text");
  g_autofree char *where = NULL;
  g_autofree char *author = NULL;
  g_autofree char *quoted = NULL;

  if (after == NULL || g_str_equal (action, "migrate"))
    return NULL;

  if (g_str_equal (action, "create"))
    {
      where = describe_anchor (store, after);
      if (json_object_has_member (after, "mark") && !json_object_get_null_member (after, "mark"))
        return g_strdup_printf (_("%s commented on v%lld%s, with a mark on the frame: “%s”"),
                                who, (long long)version, where, text ? text : "");
      return g_strdup_printf (_("%s commented on v%lld%s: “%s”"),
                              who, (long long)version, where, text ? text : "");
    }

  if (g_str_equal (action, "reply"))
    {
      author = thread_author (store, member_int (after, "parent_id", 0));
      return g_strdup_printf (_("%s replied to %s on v%lld: “%s”"),
                              who, author, (long long)version, text ? text : "");
    }

  if (g_str_equal (action, "edit"))
    return g_strdup_printf (_("%s edited a comment on v%lld: “%s”"),
                            who, (long long)version, text ? text : "");

  where = describe_anchor (store, after);
  author = thread_author (store, member_int (after, "id", 0));
  quoted = excerpt (text, 80);
  author_actor = g_strdup_printf ("person:%lld", (long long)member_int (after, "person_id", 0));

  if (g_strcmp0 (actor, author_actor) == 0)
    {
      if (g_str_equal (action, "resolve"))
        return g_strdup_printf (_("%s resolved their comment on v%lld%s: “%s”"),
                                who, (long long)version, where, quoted);
      if (g_str_equal (action, "reopen"))
        return g_strdup_printf (_("%s reopened their comment on v%lld%s: “%s”"),
                                who, (long long)version, where, quoted);
    }

  if (g_str_equal (action, "resolve"))
    /* Translators: "Maya Lindqvist resolved Grace Okafor’s comment on v3 at 00:00:04:12: “…”" */
    return g_strdup_printf (_("%s resolved %s’s comment on v%lld%s: “%s”"),
                            who, author, (long long)version, where, quoted);
  if (g_str_equal (action, "reopen"))
    return g_strdup_printf (_("%s reopened %s’s comment on v%lld%s: “%s”"),
                            who, author, (long long)version, where, quoted);

  return NULL;
}
