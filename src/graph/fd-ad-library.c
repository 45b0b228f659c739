/* fd-ad-library.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-ad-library"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-ad-library.h"
#include "fd-core-error.h"
#include "fd-graph-error.h"
#include "fd-graph-pager.h"
#include "fd-graph-util.h"

/* Searches of Meta's Ad Library, stored with their start and stop days so
 * that "running for 30 days or more" — a sign an ad works for whoever
 * pays for it — is a filter. Meta puts the caller's access token into
 * every ad_snapshot_url; it is removed before anything is stored. */

#define DEFAULT_MAX_RESULTS 500
#define PAGE_SIZE           100

#define FIELDS \
  "id,page_id,page_name,ad_creation_time,ad_delivery_start_time,ad_delivery_stop_time," \
  "ad_creative_bodies,ad_creative_link_titles,ad_creative_link_captions," \
  "ad_creative_link_descriptions,ad_snapshot_url,publisher_platforms,languages,currency," \
  "impressions,spend,eu_total_reach"

static char *
json_list (const char * const *values)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static gint64
begin_search (FdStore                 *store,
              const FdAdLibraryQuery  *query,
              GError                 **error)
{
  g_auto(FdStmt) stmt = NULL;
  g_autofree char *pages = json_list (query->page_ids);
  g_autofree char *countries = json_list (query->countries);

  stmt = fd_store_stmt (store,
                        "INSERT INTO library_search (terms, page_ids, countries, active_status, run_us) "
                        "VALUES (?, ?, ?, ?, ?)",
                        error);
  if (stmt == NULL)
    return 0;

  fd_stmt_bind_text (stmt, 1, query->terms);
  fd_stmt_bind_text (stmt, 2, pages);
  fd_stmt_bind_text (stmt, 3, countries);
  fd_stmt_bind_text (stmt, 4, query->active_status ? query->active_status : "ALL");
  sqlite3_bind_int64 (stmt, 5, g_get_real_time ());
  if (!fd_store_run (store, stmt, error))
    return 0;

  return fd_store_get_last_insert_id (store);
}

/* "2026-04-19" or "2026-04-19T07:00:00+0000" → "2026-04-19" */
static char *
day_of (JsonObject *object,
        const char *member)
{
  const char *text = fd_graph_json_get_string (object, member);

  if (text == NULL || strlen (text) < 10 || text[4] != '-' || text[7] != '-')
    return NULL;

  return g_strndup (text, 10);
}

static char *
member_json (JsonObject *object,
             const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node && JSON_NODE_HOLDS_ARRAY (node) ? json_to_string (node, FALSE) : NULL;
}

static void
bind_range (sqlite3_stmt *stmt,
            int           index,
            JsonObject   *object,
            const char   *member)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonObject *range;

  sqlite3_bind_null (stmt, index);
  sqlite3_bind_null (stmt, index + 1);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return;

  range = json_node_get_object (node);
  if (json_object_has_member (range, "lower_bound"))
    sqlite3_bind_int64 (stmt, index, fd_graph_json_get_int (range, "lower_bound"));
  if (json_object_has_member (range, "upper_bound"))
    sqlite3_bind_int64 (stmt, index + 1, fd_graph_json_get_int (range, "upper_bound"));
}

static gboolean
store_ad (FdStore        *store,
          FdGraphClient  *client,
          gint64          search_id,
          JsonObject     *ad,
          GError        **error)
{
  g_auto(FdStmt) stmt = NULL;
  g_auto(FdStmt) hit = NULL;
  const char *id = fd_graph_json_get_string (ad, "id");
  g_autofree char *created = day_of (ad, "ad_creation_time");
  g_autofree char *start = day_of (ad, "ad_delivery_start_time");
  g_autofree char *stop = day_of (ad, "ad_delivery_stop_time");
  g_autofree char *bodies = member_json (ad, "ad_creative_bodies");
  g_autofree char *titles = member_json (ad, "ad_creative_link_titles");
  g_autofree char *captions = member_json (ad, "ad_creative_link_captions");
  g_autofree char *descriptions = member_json (ad, "ad_creative_link_descriptions");
  g_autofree char *platforms = member_json (ad, "publisher_platforms");
  g_autofree char *languages = member_json (ad, "languages");
  g_autofree char *without_token = NULL;
  g_autofree char *snapshot = NULL;
  gint64 now = g_get_real_time ();

  if (id == NULL)
    {
      g_set_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_MALFORMED_RESPONSE,
                   _("Meta’s Ad Library sent an ad without an id."));
      return FALSE;
    }

  /* The snapshot URL carries the caller's token: take it out, and redact
   * anything token-like that remains. */
  without_token = fd_graph_strip_query_param (fd_graph_json_get_string (ad, "ad_snapshot_url")
                                              ? fd_graph_json_get_string (ad, "ad_snapshot_url") : "",
                                              "access_token");
  snapshot = fd_graph_client_redact (client, without_token);

  stmt = fd_store_stmt (store,
                        "INSERT INTO library_ad (id, page_id, page_name, created_day, start_day, "
                        "stop_day, bodies, link_titles, link_captions, link_descriptions, "
                        "snapshot_url, platforms, languages, currency, impressions_lower, "
                        "impressions_upper, spend_lower, spend_upper, eu_total_reach, "
                        "first_seen_us, last_seen_us) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        "ON CONFLICT (id) DO UPDATE SET page_id = excluded.page_id, "
                        "page_name = excluded.page_name, created_day = excluded.created_day, "
                        "start_day = excluded.start_day, stop_day = excluded.stop_day, "
                        "bodies = excluded.bodies, link_titles = excluded.link_titles, "
                        "link_captions = excluded.link_captions, "
                        "link_descriptions = excluded.link_descriptions, "
                        "snapshot_url = excluded.snapshot_url, platforms = excluded.platforms, "
                        "languages = excluded.languages, currency = excluded.currency, "
                        "impressions_lower = excluded.impressions_lower, "
                        "impressions_upper = excluded.impressions_upper, "
                        "spend_lower = excluded.spend_lower, spend_upper = excluded.spend_upper, "
                        "eu_total_reach = excluded.eu_total_reach, "
                        "last_seen_us = excluded.last_seen_us",
                        error);
  if (stmt == NULL)
    return FALSE;

  fd_stmt_bind_text (stmt, 1, id);
  fd_stmt_bind_text (stmt, 2, fd_graph_json_get_string (ad, "page_id"));
  fd_stmt_bind_text (stmt, 3, fd_graph_json_get_string (ad, "page_name"));
  fd_stmt_bind_text (stmt, 4, created);
  fd_stmt_bind_text (stmt, 5, start);
  fd_stmt_bind_text (stmt, 6, stop);
  fd_stmt_bind_text (stmt, 7, bodies);
  fd_stmt_bind_text (stmt, 8, titles);
  fd_stmt_bind_text (stmt, 9, captions);
  fd_stmt_bind_text (stmt, 10, descriptions);
  fd_stmt_bind_text (stmt, 11, *snapshot ? snapshot : NULL);
  fd_stmt_bind_text (stmt, 12, platforms);
  fd_stmt_bind_text (stmt, 13, languages);
  fd_stmt_bind_text (stmt, 14, fd_graph_json_get_string (ad, "currency"));
  bind_range (stmt, 15, ad, "impressions");
  bind_range (stmt, 17, ad, "spend");
  if (json_object_has_member (ad, "eu_total_reach"))
    sqlite3_bind_int64 (stmt, 19, fd_graph_json_get_int (ad, "eu_total_reach"));
  else
    sqlite3_bind_null (stmt, 19);
  sqlite3_bind_int64 (stmt, 20, now);
  sqlite3_bind_int64 (stmt, 21, now);
  if (!fd_store_run (store, stmt, error))
    return FALSE;

  hit = fd_store_stmt (store, "INSERT OR IGNORE INTO library_hit (search_id, ad_id) VALUES (?, ?)", error);
  if (hit == NULL)
    return FALSE;

  sqlite3_bind_int64 (hit, 1, search_id);
  fd_stmt_bind_text (hit, 2, id);
  return fd_store_run (store, hit, error);
}

static gboolean
store_page (FdStore          *store,
            FdGraphClient    *client,
            gint64            search_id,
            FdGraphResponse  *page,
            guint            *count,
            guint             max,
            GError          **error)
{
  JsonArray *data = fd_graph_response_get_data (page);
  g_auto(FdStmt) update = NULL;

  if (!fd_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (data) && *count < max; i++)
    {
      JsonNode *element = json_array_get_element (data, i);

      if (!JSON_NODE_HOLDS_OBJECT (element) ||
          !store_ad (store, client, search_id, json_node_get_object (element), error))
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_MALFORMED_RESPONSE,
                         _("Meta’s Ad Library sent an entry that is not an ad."));
          fd_store_rollback (store);
          return FALSE;
        }
      (*count)++;
    }

  update = fd_store_stmt (store, "UPDATE library_search SET n_ads = ? WHERE id = ?", error);
  if (update == NULL)
    {
      fd_store_rollback (store);
      return FALSE;
    }
  sqlite3_bind_int64 (update, 1, *count);
  sqlite3_bind_int64 (update, 2, search_id);
  if (!fd_store_run (store, update, error))
    {
      fd_store_rollback (store);
      return FALSE;
    }

  return fd_store_commit (store, error);
}

/**
 * fd_ad_library_search:
 * @store: a connection of the calling (worker) thread
 *
 * Runs the search at Meta page by page and stores what it finds. Blocking.
 *
 * Returns: the id of the stored search (see fd_ad_library_list()), or 0
 *   with @error set
 */
gint64
fd_ad_library_search (FdStore                 *store,
                      FdGraphClient           *client,
                      const FdAdLibraryQuery  *query,
                      GCancellable            *cancellable,
                      GError                 **error)
{
  g_autoptr(FdGraphParams) params = fd_graph_params_new ();
  g_autoptr(FdGraphPager) pager = NULL;
  guint max = query->max_results ? query->max_results : DEFAULT_MAX_RESULTS;
  guint count = 0;
  gint64 search_id;

  g_return_val_if_fail (FD_IS_STORE (store), 0);
  g_return_val_if_fail (FD_IS_GRAPH_CLIENT (client), 0);

  if (query->countries == NULL || query->countries[0] == NULL)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                   _("An Ad Library search needs at least one country the ads reached."));
      return 0;
    }
  if ((query->terms == NULL || *query->terms == '\0') &&
      (query->page_ids == NULL || query->page_ids[0] == NULL))
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                   _("An Ad Library search needs search terms or page ids."));
      return 0;
    }
  if (query->page_ids != NULL && g_strv_length ((char **)query->page_ids) > 10)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                   _("The Ad Library takes at most 10 page ids per search."));
      return 0;
    }

  if (query->terms != NULL && *query->terms != '\0')
    fd_graph_params_set (params, "search_terms", query->terms);
  if (query->page_ids != NULL && query->page_ids[0] != NULL)
    fd_graph_params_set_strv_json (params, "search_page_ids", query->page_ids);
  fd_graph_params_set_strv_json (params, "ad_reached_countries", query->countries);
  fd_graph_params_set (params, "ad_active_status", query->active_status ? query->active_status : "ALL");
  fd_graph_params_set (params, "ad_type", "ALL");
  fd_graph_params_set (params, "fields", FIELDS);
  fd_graph_params_set_int (params, "limit", PAGE_SIZE);

  if (!(search_id = begin_search (store, query, error)))
    return 0;

  pager = fd_graph_pager_new (client, "ads_archive", params, NULL);
  while (count < max)
    {
      g_autoptr(FdGraphResponse) page = NULL;
      GError *local_error = NULL;

      page = fd_graph_pager_next (pager, cancellable, &local_error);
      if (page == NULL)
        {
          if (local_error == NULL)
            break;
          g_propagate_error (error, local_error);
          return 0;
        }

      if (!store_page (store, client, search_id, page, &count, max, error))
        return 0;
    }

  return search_id;
}

/**
 * fd_ad_library_list:
 * @search_id: one search's ads, or 0 for every ad ever found
 * @min_days_running: only ads that ran (or run) at least this long
 * @today: (nullable): YYYY-MM-DD to count running ads up to; today (UTC)
 *   by default
 *
 * Returns: (transfer container) (element-type FdLibraryAd): the ads, those
 *   running longest first
 */
GPtrArray *
fd_ad_library_list (FdStore     *store,
                    gint64       search_id,
                    int          min_days_running,
                    const char  *today,
                    GError     **error)
{
  g_autoptr(GPtrArray) ads = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *default_today = g_date_time_format (now, "%Y-%m-%d");
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  stmt = fd_store_stmt (store,
                        "SELECT id, page_id, page_name, start_day, stop_day, bodies, link_titles, "
                        "snapshot_url, platforms, eu_total_reach, days FROM ("
                        "SELECT *, CAST (julianday (coalesce (stop_day, ?1)) - julianday (start_day) "
                        "+ 1 AS INTEGER) AS days FROM library_ad "
                        "WHERE ?2 = 0 OR id IN (SELECT ad_id FROM library_hit WHERE search_id = ?2)) "
                        "WHERE days >= ?3 ORDER BY days DESC, id",
                        error);
  if (stmt == NULL)
    return NULL;

  fd_stmt_bind_text (stmt, 1, today ? today : default_today);
  sqlite3_bind_int64 (stmt, 2, search_id);
  sqlite3_bind_int (stmt, 3, min_days_running);

  while (TRUE)
    {
      if (!fd_store_step (store, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;

      g_ptr_array_add (ads, fd_library_ad_new (fd_stmt_column_text (stmt, 0),
                                               fd_stmt_column_text (stmt, 1),
                                               fd_stmt_column_text (stmt, 2),
                                               fd_stmt_column_text (stmt, 3),
                                               fd_stmt_column_text (stmt, 4),
                                               fd_stmt_column_text (stmt, 5),
                                               fd_stmt_column_text (stmt, 6),
                                               fd_stmt_column_text (stmt, 7),
                                               fd_stmt_column_text (stmt, 8),
                                               sqlite3_column_int64 (stmt, 9),
                                               sqlite3_column_int (stmt, 10)));
    }

  return g_steal_pointer (&ads);
}
