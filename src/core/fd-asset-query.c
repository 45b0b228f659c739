/* fd-asset-query.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-asset-query"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "fd-asset-private.h"
#include "fd-asset-query.h"
#include "fd-audit-log.h"
#include "fd-comment-private.h"
#include "fd-core-error.h"
#include "fd-roster.h"

/*
 * Cards
 */

/* Ids as a JSON array, for json_each (?). */
char *
_fd_asset_ids_to_json (GArray *ids)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i ? "," : "",
                            g_array_index (ids, gint64, i));
  g_string_append_c (json, ']');

  return g_string_free (json, FALSE);
}

static gboolean
read_cards (FdStore     *store,
            const char  *ids_json,
            GRefString  *thumbnail_dir,
            GHashTable  *strings,
            GPtrArray   *cards,
            GError     **error)
{
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  stmt = fd_store_stmt (store,
                        ids_json == NULL
                        ? FD_ASSET_CARD_SELECT "ORDER BY a.id"
                        : FD_ASSET_CARD_SELECT
                          "WHERE a.id IN (SELECT value FROM json_each (?)) ORDER BY a.id",
                        error);
  if (stmt == NULL)
    return FALSE;

  if (ids_json != NULL)
    fd_stmt_bind_text (stmt, 1, ids_json);

  for (;;)
    {
      if (!fd_store_step (store, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        return TRUE;

      g_ptr_array_add (cards, _fd_asset_new_from_row (stmt, thumbnail_dir, strings));
    }
}

/* Hands each card its reviewers; both lists are ordered by asset id. */
static gboolean
read_reviewers (FdStore     *store,
                const char  *ids_json,
                GPtrArray   *cards,
                GError     **error)
{
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;
  guint card = 0;
  gint64 pending_id = 0;

  stmt = fd_store_stmt (store,
                        ids_json == NULL
                        ? FD_ASSET_REVIEWERS_SELECT FD_ASSET_REVIEWERS_ORDER
                        : FD_ASSET_REVIEWERS_SELECT
                          "WHERE a.id IN (SELECT value FROM json_each (?))"
                          FD_ASSET_REVIEWERS_ORDER,
                        error);
  if (stmt == NULL)
    return FALSE;

  if (ids_json != NULL)
    fd_stmt_bind_text (stmt, 1, ids_json);

  for (;;)
    {
      gint64 asset_id = 0;

      if (!fd_store_step (store, stmt, &has_row, error))
        return FALSE;

      if (has_row)
        asset_id = sqlite3_column_int64 (stmt, 0);

      if (pending->len > 0 && (!has_row || asset_id != pending_id))
        {
          while (card < cards->len && fd_asset_get_id (g_ptr_array_index (cards, card)) < pending_id)
            card++;
          if (card < cards->len && fd_asset_get_id (g_ptr_array_index (cards, card)) == pending_id)
            _fd_asset_take_reviewers (g_ptr_array_index (cards, card), g_steal_pointer (&pending));
          else
            g_ptr_array_unref (g_steal_pointer (&pending));
          pending = g_ptr_array_new_with_free_func (g_object_unref);
        }

      if (!has_row)
        return TRUE;

      pending_id = asset_id;
      g_ptr_array_add (pending,
                       fd_asset_reviewer_new (sqlite3_column_int64 (stmt, 1),
                                              fd_stmt_column_text (stmt, 2),
                                              sqlite3_column_int (stmt, 3) != 0,
                                              fd_review_decision_from_string (fd_stmt_column_text (stmt, 4)),
                                              fd_stmt_column_text (stmt, 5),
                                              sqlite3_column_int64 (stmt, 6)));
    }
}

/**
 * _fd_asset_load_cards:
 * @ids: (nullable) (element-type gint64): the assets to read, or %NULL for
 *   all
 * @thumbnail_dir: (nullable): the thumbnail cache folder
 *
 * Returns: (transfer full) (element-type FdAsset): the cards, by id
 */
GPtrArray *
_fd_asset_load_cards (FdStore     *store,
                      GArray      *ids,
                      GRefString  *thumbnail_dir,
                      GError     **error)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) strings = _fd_asset_new_string_table ();
  g_autofree char *ids_json = ids ? _fd_asset_ids_to_json (ids) : NULL;

  if (!read_cards (store, ids_json, thumbnail_dir, strings, cards, error) ||
      !read_reviewers (store, ids_json, cards, error))
    return NULL;

  for (guint i = 0; i < cards->len; i++)
    _fd_asset_build_search_key (g_ptr_array_index (cards, i));

  return g_steal_pointer (&cards);
}

/**
 * fd_asset_get:
 *
 * Returns: (transfer full): the asset as a card shows it (without a
 *   thumbnail path), or %NULL with @error set
 */
FdAsset *
fd_asset_get (FdStore  *store,
              gint64    asset_id,
              GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) cards = NULL;

  g_return_val_if_fail (FD_IS_STORE (store), NULL);

  g_array_append_val (ids, asset_id);
  if (!(cards = _fd_asset_load_cards (store, ids, NULL, error)))
    return NULL;

  if (cards->len == 0)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_FOUND,
                   _("There is no asset %lld."), (long long)asset_id);
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (cards, 0));
}

/**
 * fd_asset_list_all:
 *
 * Reads every asset in two queries. The board uses FdAssetList instead.
 *
 * Returns: (transfer full) (element-type FdAsset): the assets, by id
 */
GPtrArray *
fd_asset_list_all (FdStore  *store,
                   GError  **error)
{
  g_return_val_if_fail (FD_IS_STORE (store), NULL);

  return _fd_asset_load_cards (store, NULL, NULL, error);
}

/*
 * The asset page
 */

#define VERSION_SELECT \
  "SELECT v.id, v.asset_id, v.number, v.sha256, v.text, v.probe_json, v.size_bytes, " \
  "v.filename, v.note, v.created_by, p.name, v.created_us FROM asset_version v " \
  "LEFT JOIN person p ON v.created_by = 'person:' || p.id "

static FdAssetVersion *
version_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(FdMediaInfo) info = NULL;
  const char *probe = fd_stmt_column_text (stmt, 5);

  if (probe != NULL)
    {
      g_autoptr(JsonNode) node = json_from_string (probe, NULL);

      if (node != NULL)
        info = fd_media_info_from_json (node, NULL);
    }

  return fd_asset_version_new (sqlite3_column_int64 (stmt, 0),
                               sqlite3_column_int64 (stmt, 1),
                               sqlite3_column_int64 (stmt, 2),
                               fd_stmt_column_text (stmt, 3),
                               fd_stmt_column_text (stmt, 4),
                               info,
                               sqlite3_column_int64 (stmt, 6),
                               fd_stmt_column_text (stmt, 7),
                               fd_stmt_column_text (stmt, 8),
                               fd_stmt_column_text (stmt, 9),
                               fd_stmt_column_text (stmt, 10),
                               sqlite3_column_int64 (stmt, 11));
}

/**
 * fd_asset_find_version:
 * @number: the version's number, from 1
 *
 * Returns: (transfer full): the version, or %NULL with @error set
 */
FdAssetVersion *
fd_asset_find_version (FdStore  *store,
                       gint64    asset_id,
                       gint64    number,
                       GError  **error)
{
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (FD_IS_STORE (store), NULL);

  stmt = fd_store_stmt (store, VERSION_SELECT "WHERE v.asset_id = ? AND v.number = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, asset_id);
  sqlite3_bind_int64 (stmt, 2, number);
  if (!fd_store_step (store, stmt, &has_row, error))
    return NULL;

  if (!has_row)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_FOUND,
                   _("Asset %lld has no version %lld."),
                   (long long)asset_id, (long long)number);
      return NULL;
    }

  return version_from_row (stmt);
}

/**
 * fd_asset_list_versions:
 *
 * Returns: (transfer full) (element-type FdAssetVersion): the versions,
 *   newest first
 */
GPtrArray *
fd_asset_list_versions (FdStore  *store,
                        gint64    asset_id,
                        GError  **error)
{
  g_autoptr(GPtrArray) versions = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (FD_IS_STORE (store), NULL);

  stmt = fd_store_stmt (store, VERSION_SELECT "WHERE v.asset_id = ? ORDER BY v.number DESC", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, asset_id);
  for (;;)
    {
      if (!fd_store_step (store, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      g_ptr_array_add (versions, version_from_row (stmt));
    }

  return g_steal_pointer (&versions);
}

/**
 * fd_asset_list_reviews:
 *
 * Comments are not decisions: read them with fd_comment_list_for_asset()
 * (those made before schema 5 were copied there).
 *
 * Returns: (transfer full) (element-type FdAssetReview): every decision on
 *   the asset (approvals and requests for changes), oldest first
 */
GPtrArray *
fd_asset_list_reviews (FdStore  *store,
                       gint64    asset_id,
                       GError  **error)
{
  g_autoptr(GPtrArray) reviews = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (FD_IS_STORE (store), NULL);

  stmt = fd_store_stmt (store,
                        "SELECT d.id, d.asset_id, d.version, d.round, d.person_id, p.name, "
                        "d.decision, d.feedback, d.at_us FROM review_decision d "
                        "JOIN person p ON p.id = d.person_id "
                        "WHERE d.asset_id = ? AND d.decision <> 'comment' ORDER BY d.id",
                        error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, asset_id);
  for (;;)
    {
      if (!fd_store_step (store, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;

      g_ptr_array_add (reviews,
                       fd_asset_review_new (sqlite3_column_int64 (stmt, 0),
                                            sqlite3_column_int64 (stmt, 1),
                                            sqlite3_column_int64 (stmt, 2),
                                            sqlite3_column_int64 (stmt, 3),
                                            sqlite3_column_int64 (stmt, 4),
                                            fd_stmt_column_text (stmt, 5),
                                            fd_review_decision_from_string (fd_stmt_column_text (stmt, 6)),
                                            fd_stmt_column_text (stmt, 7),
                                            sqlite3_column_int64 (stmt, 8)));
    }

  return g_steal_pointer (&reviews);
}

static gint
compare_seq (gconstpointer a,
             gconstpointer b)
{
  gint64 x = fd_audit_event_get_seq (*(FdAuditEvent **)a);
  gint64 y = fd_audit_event_get_seq (*(FdAuditEvent **)b);

  return (x > y) - (x < y);
}

/* Appends the events of each record @ids_sql lists for the asset. */
static gboolean
add_events_of (FdStore     *store,
               GPtrArray   *events,
               const char  *entity_type,
               const char  *ids_sql,
               gint64       asset_id,
               GError     **error)
{
  g_auto(FdStmt) stmt = fd_store_stmt (store, ids_sql, error);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;

  /* Read the ids first: fd_audit_log_list() uses this connection too. */
  sqlite3_bind_int64 (stmt, 1, asset_id);
  for (;;)
    {
      if (!fd_store_step (store, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      g_ptr_array_add (ids, fd_stmt_dup_text (stmt, 0));
    }

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GPtrArray) more = fd_audit_log_list (store, entity_type, g_ptr_array_index (ids, i),
                                                     0, -1, error);

      if (more == NULL)
        return FALSE;
      g_ptr_array_extend_and_steal (events, g_steal_pointer (&more));
    }

  return TRUE;
}

/**
 * fd_asset_get_history:
 *
 * The asset's full history from the audit log: its own events, its
 * versions', its reviews', its comments' and its placement overrides',
 * oldest first. Describe each with
 * fd_asset_describe_event().
 *
 * Returns: (transfer full) (element-type FdAuditEvent): the events
 */
GPtrArray *
fd_asset_get_history (FdStore  *store,
                      gint64    asset_id,
                      GError  **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (FD_IS_STORE (store), NULL);

  if (!add_events_of (store, events, "asset", "SELECT CAST (?1 AS TEXT)", asset_id, error) ||
      !add_events_of (store, events, "asset_version",
                      "SELECT CAST (id AS TEXT) FROM asset_version WHERE asset_id = ?", asset_id, error) ||
      !add_events_of (store, events, "review",
                      "SELECT CAST (id AS TEXT) FROM review_decision WHERE asset_id = ?", asset_id, error) ||
      !add_events_of (store, events, "comment",
                      "SELECT CAST (id AS TEXT) FROM comment WHERE asset_id = ?", asset_id, error) ||
      !add_events_of (store, events, "placement_override",
                      "SELECT CAST (id AS TEXT) FROM placement_override WHERE asset_id = ?", asset_id, error))
    return NULL;

  g_ptr_array_sort (events, compare_seq);
  return g_steal_pointer (&events);
}

/*
 * Describing events
 */

static JsonObject *
parse_object (const char *json,
              JsonNode  **holder)
{
  *holder = json ? json_from_string (json, NULL) : NULL;

  if (*holder == NULL || !JSON_NODE_HOLDS_OBJECT (*holder))
    return NULL;

  return json_node_get_object (*holder);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  return node && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;
}

static gint64
member_int (JsonObject *object,
            const char *name)
{
  return object ? json_object_get_int_member_with_default (object, name, 0) : 0;
}

static char *
describe_transition (JsonObject *before,
                     JsonObject *after,
                     const char *who)
{
  FdAssetState from = fd_asset_state_from_string (member_string (before, "state"));
  FdAssetState to = fd_asset_state_from_string (member_string (after, "state"));
  gint64 version = member_int (after, "review_version");
  const char *note = member_string (after, "state_note");

  if (to == FD_ASSET_STATE_ARCHIVED)
    return g_strdup_printf (_("%s archived it: “%s”"), who, note ? note : "");
  if (to == FD_ASSET_STATE_UPLOADED)
    return g_strdup_printf (_("%s uploaded version %lld; its hash was verified first"),
                            who, (long long)member_int (after, "current_version"));
  if (to == FD_ASSET_STATE_APPROVED)
    return g_strdup_printf (_("Approved: every required reviewer approved version %lld"),
                            (long long)version);
  if (to == FD_ASSET_STATE_REVISION_REQUESTED)
    return g_strdup_printf (_("Revision requested on version %lld"), (long long)version);
  if (to == FD_ASSET_STATE_IN_REVIEW && from == FD_ASSET_STATE_DRAFT)
    return g_strdup_printf (_("%s submitted version %lld for review"), who, (long long)version);
  if (to == FD_ASSET_STATE_IN_REVIEW && from == FD_ASSET_STATE_REVISION_REQUESTED)
    return g_strdup_printf (_("%s resubmitted it with version %lld"), who, (long long)version);
  if (to == FD_ASSET_STATE_IN_REVIEW && from == FD_ASSET_STATE_APPROVED)
    return g_strdup_printf (_("Back in review: %s added version %lld"), who, (long long)version);

  return g_strdup_printf (_("%s moved it from %s to %s"), who,
                          from ? fd_asset_state_get_display_name (from) : "?",
                          to ? fd_asset_state_get_display_name (to) : "?");
}

static char *
describe_review (const char *action,
                 JsonObject *after,
                 const char *who)
{
  gint64 version = member_int (after, "version");
  const char *feedback = member_string (after, "feedback");

  switch (fd_review_decision_from_string (action))
    {
    case FD_REVIEW_DECISION_APPROVED:
      if (feedback != NULL)
        return g_strdup_printf (_("%s approved version %lld: “%s”"),
                                who, (long long)version, feedback);
      return g_strdup_printf (_("%s approved version %lld"), who, (long long)version);
    case FD_REVIEW_DECISION_CHANGES_REQUESTED:
      return g_strdup_printf (_("%s requested changes on version %lld: “%s”"),
                              who, (long long)version, feedback ? feedback : "");
    case FD_REVIEW_DECISION_COMMENT:
      return g_strdup_printf (_("%s commented on version %lld: “%s”"),
                              who, (long long)version, feedback ? feedback : "");
    case FD_REVIEW_DECISION_NONE:
    default:
      return NULL;
    }
}

static char *
describe_version (JsonObject *after,
                  const char *who)
{
  gint64 number = member_int (after, "number");
  const char *filename = member_string (after, "filename");
  const char *note = member_string (after, "note");
  g_autofree char *what = filename ? g_strdup_printf (" (%s)", filename) : g_strdup ("");

  if (note != NULL)
    return g_strdup_printf (_("%s added version %lld%s: “%s”"),
                            who, (long long)number, what, note);
  return g_strdup_printf (_("%s added version %lld%s"), who, (long long)number, what);
}

/**
 * fd_asset_describe_event:
 * @event: an event of fd_asset_get_history()
 *
 * Returns: (transfer full) (nullable): one line for people ("Grace Okafor
 *   requested changes on version 3: “…”"), or %NULL for an event that only
 *   accompanies another one (the asset's own record of a new version) and
 *   need not be shown
 */
char *
fd_asset_describe_event (FdStore      *store,
                         FdAuditEvent *event)
{
  g_autoptr(JsonNode) before_node = NULL;
  g_autoptr(JsonNode) after_node = NULL;
  JsonObject *before = parse_object (fd_audit_event_get_before_json (event), &before_node);
  JsonObject *after = parse_object (fd_audit_event_get_after_json (event), &after_node);
  const char *type = fd_audit_event_get_entity_type (event);
  const char *action = fd_audit_event_get_action (event);
  g_autofree char *who = fd_roster_describe_actor (store, fd_audit_event_get_actor (event));

  if (g_str_equal (type, "review"))
    return describe_review (action, after, who);

  if (g_str_equal (type, "asset_version"))
    return describe_version (after, who);

  if (g_str_equal (type, "comment"))
    return _fd_comment_describe_event (store, action, fd_audit_event_get_actor (event), after, who);

  if (g_str_equal (type, "placement_override"))
    return _fd_placement_override_describe (after, who);

  if (!g_str_equal (type, "asset"))
    return NULL;

  if (g_str_equal (action, "transition"))
    return describe_transition (before, after, who);
  if (g_str_equal (action, "create"))
    return g_strdup_printf (_("%s created it"), who);
  if (g_str_equal (action, "update"))
    return g_strdup_printf (_("%s changed its details"), who);

  return NULL;
}
