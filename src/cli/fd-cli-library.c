/* fd-cli-library.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "flightdeck-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "fd-ad-library.h"
#include "fd-cli-private.h"
#include "fd-core-error.h"
#include "fd-graph-connect.h"
#include "fd-insights-store.h"

/* library search, library list: competitors' ads from Meta's Ad Library. */

static JsonNode *
strv_node (const char * const *values)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);
  JsonArray *array = json_array_new ();

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_array_add_string_element (array, values[i]);
  json_node_take_array (node, array);

  return node;
}

static JsonNode *
ad_to_json (FdLibraryAd *ad)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, fd_library_ad_get_id (ad));
  json_builder_set_member_name (builder, "page_id");
  json_builder_add_string_value (builder, fd_library_ad_get_page_id (ad));
  json_builder_set_member_name (builder, "page_name");
  json_builder_add_string_value (builder, fd_library_ad_get_page_name (ad));
  json_builder_set_member_name (builder, "ad_delivery_start_time");
  json_builder_add_string_value (builder, fd_library_ad_get_start_day (ad));
  json_builder_set_member_name (builder, "ad_delivery_stop_time");
  json_builder_add_string_value (builder, fd_library_ad_get_stop_day (ad));
  json_builder_set_member_name (builder, "days_running");
  json_builder_add_int_value (builder, fd_library_ad_get_days_running (ad));
  json_builder_set_member_name (builder, "ad_creative_bodies");
  json_builder_add_value (builder, strv_node (fd_library_ad_get_bodies (ad)));
  json_builder_set_member_name (builder, "ad_creative_link_titles");
  json_builder_add_value (builder, strv_node (fd_library_ad_get_titles (ad)));
  json_builder_set_member_name (builder, "publisher_platforms");
  json_builder_add_value (builder, strv_node (fd_library_ad_get_platforms (ad)));
  json_builder_set_member_name (builder, "ad_snapshot_url");
  json_builder_add_string_value (builder, fd_library_ad_get_snapshot_url (ad));
  if (fd_library_ad_get_eu_total_reach (ad) > 0)
    {
      json_builder_set_member_name (builder, "eu_total_reach");
      json_builder_add_int_value (builder, fd_library_ad_get_eu_total_reach (ad));
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
print_ads (GPtrArray *ads,
           gboolean   json)
{
  if (json)
    {
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
      JsonArray *array = json_array_new ();

      for (guint i = 0; i < ads->len; i++)
        json_array_add_element (array, ad_to_json (g_ptr_array_index (ads, i)));
      json_node_take_array (root, array);
      fd_cli_print_json (root);
      return;
    }

  for (guint i = 0; i < ads->len; i++)
    {
      FdLibraryAd *ad = g_ptr_array_index (ads, i);
      const char * const *bodies = fd_library_ad_get_bodies (ad);

      printf (_("%-18s %-24s %3d days (%s → %s)  %s\n"), fd_library_ad_get_id (ad),
              fd_library_ad_get_page_name (ad), fd_library_ad_get_days_running (ad),
              fd_library_ad_get_start_day (ad),
              fd_library_ad_get_stop_day (ad) ? fd_library_ad_get_stop_day (ad) : _("running"),
              bodies && bodies[0] ? bodies[0] : "");
    }
}

static FdAdAccount *
pick_account (FdStore     *store,
              const char  *account_id,
              GError     **error)
{
  g_autoptr(GPtrArray) accounts = NULL;

  if (account_id != NULL)
    return fd_insights_store_get_account (store, account_id, error);

  if (!(accounts = fd_insights_store_list_accounts (store, error)))
    return NULL;

  if (accounts->len == 0)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_FOUND,
                   _("The Ad Library is searched with an ad account’s token; connect one first "
                     "(flightdeck-cli account add)."));
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (accounts, 0));
}

static int
cmd_library_search (FdCli  *cli,
                    int     argc,
                    char  **argv)
{
  g_autofree char *terms = NULL;
  g_autofree char *account_id = NULL;
  g_autofree char *active = NULL;
  g_autofree char *cache = NULL;
  g_auto(GStrv) page_ids = NULL;
  g_auto(GStrv) countries = NULL;
  g_autoptr(FdAdAccount) account = NULL;
  g_autoptr(FdTokenStore) tokens = NULL;
  g_autoptr(FdGraphClient) client = NULL;
  g_autoptr(GPtrArray) ads = NULL;
  g_autoptr(GError) error = NULL;
  FdAdLibraryQuery query = { 0 };
  FdWorkspace *workspace;
  FdStore *store;
  gboolean json = FALSE;
  int min_days = 0;
  int limit = 0;
  gint64 search_id;
  int status;
  const GOptionEntry entries[] = {
    { "terms", 0, 0, G_OPTION_ARG_STRING, &terms, N_("Search terms"), N_("TEXT") },
    { "page-id", 0, 0, G_OPTION_ARG_STRING_ARRAY, &page_ids, N_("A Facebook page id (up to 10)"), N_("ID") },
    { "country", 0, 0, G_OPTION_ARG_STRING_ARRAY, &countries, N_("A country the ads reached (DE, US…)"), N_("CC") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &active, N_("ACTIVE, INACTIVE or ALL (default)"), N_("STATUS") },
    { "min-days", 0, 0, G_OPTION_ARG_INT, &min_days, N_("Show only ads that ran at least this many days"), N_("N") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("Stop after this many ads (default 500)"), N_("N") },
    { "account", 0, 0, G_OPTION_ARG_STRING, &account_id, N_("Search with this account's token"), N_("act_ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  if (!fd_cli_parse (cli, &argc, &argv, entries, "", 0, 0, &status))
    return status;

  if ((terms == NULL || *terms == '\0') && page_ids == NULL)
    return fd_cli_usage (_("library search needs --terms TEXT or --page-id ID."));
  if (countries == NULL)
    return fd_cli_usage (_("library search needs at least one --country."));
  if (active != NULL && !g_strv_contains ((const char * const[]){ "ACTIVE", "INACTIVE", "ALL", NULL }, active))
    return fd_cli_usage (_("--status takes ACTIVE, INACTIVE or ALL."));
  if (min_days < 0 || limit < 0)
    return fd_cli_usage (_("--min-days and --limit take positive numbers."));

  if (!(workspace = fd_cli_open_workspace (cli, &error)))
    return fd_cli_fail (g_steal_pointer (&error));

  store = fd_workspace_get_store (workspace);
  tokens = fd_token_store_new ();
  cache = fd_workspace_dup_cache_dir (workspace, NULL);
  if (!(account = pick_account (store, account_id, &error)) ||
      !(client = fd_graph_connect (account, tokens, cache, &error)))
    return fd_cli_fail (g_steal_pointer (&error));

  query.terms = terms;
  query.page_ids = (const char * const *)page_ids;
  query.countries = (const char * const *)countries;
  query.active_status = active;
  query.max_results = (guint)limit;

  if (!(search_id = fd_ad_library_search (store, client, &query, NULL, &error)) ||
      !(ads = fd_ad_library_list (store, search_id, min_days, NULL, &error)))
    return fd_cli_fail (g_steal_pointer (&error));

  print_ads (ads, json);
  return FD_CLI_EXIT_OK;
}

static int
cmd_library_list (FdCli  *cli,
                  int     argc,
                  char  **argv)
{
  g_autoptr(GPtrArray) ads = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  int min_days = 0;
  gint64 search_id = 0;
  FdStore *store;
  int status;
  const GOptionEntry entries[] = {
    { "min-days", 0, 0, G_OPTION_ARG_INT, &min_days, N_("Only ads that ran at least this many days"), N_("N") },
    { "search", 0, 0, G_OPTION_ARG_INT64, &search_id, N_("Only the ads of this search"), N_("ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  if (!fd_cli_parse (cli, &argc, &argv, entries, "", 0, 0, &status))
    return status;

  if (!(store = fd_cli_get_store (cli, &error)) ||
      !(ads = fd_ad_library_list (store, search_id, MAX (min_days, 0), NULL, &error)))
    return fd_cli_fail (g_steal_pointer (&error));

  print_ads (ads, json);
  return FD_CLI_EXIT_OK;
}

const FdCliCommand fd_cli_library_commands[] = {
  { "library", "search", "(--terms TEXT | --page-id ID…) --country CC… [--min-days 30] [--json]",
    N_("Search Meta’s Ad Library and keep what it finds"), cmd_library_search },
  { "library", "list", "[--min-days N] [--search ID] [--json]",
    N_("List the Ad Library ads found so far"), cmd_library_list },
  { NULL }
};
