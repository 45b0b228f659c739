/* fd-cli-accounts.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "flightdeck-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <termios.h>
#include <unistd.h>

#include "fd-cli-private.h"
#include "fd-core-error.h"
#include "fd-currency.h"
#include "fd-graph-connect.h"
#include "fd-graph-emulator.h"
#include "fd-graph-error.h"
#include "fd-graph-util.h"
#include "fd-insights-store.h"

/* account add, account list; object status, object budget: connecting ad
 * accounts and changing what runs at Meta. */

/* The token comes from $FLIGHTDECK_TOKEN or standard input — never from
 * the command line, where other users and shell histories see it. */
static char *
read_token (const char  *account_id,
            GError     **error)
{
  const char *env = g_getenv ("FLIGHTDECK_TOKEN");
  struct termios saved;
  gboolean tty = isatty (STDIN_FILENO);
  char line[4096];
  char *token;

  if (env != NULL && *env != '\0')
    return g_strstrip (g_strdup (env));

  if (tty)
    {
      struct termios quiet;

      fprintf (stderr, _("Access token for %s: "), account_id);
      tcgetattr (STDIN_FILENO, &saved);
      quiet = saved;
      quiet.c_lflag &= ~(tcflag_t)ECHO;
      tcsetattr (STDIN_FILENO, TCSANOW, &quiet);
    }

  token = fgets (line, sizeof line, stdin) ? g_strstrip (g_strdup (line)) : NULL;

  if (tty)
    {
      tcsetattr (STDIN_FILENO, TCSANOW, &saved);
      fputc ('\n', stderr);
    }
  memset (line, 0, sizeof line);

  if (token == NULL || *token == '\0')
    {
      g_free (token);
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                   _("No access token: set FLIGHTDECK_TOKEN or pass it on standard input."));
      return NULL;
    }

  return token;
}

static void
forget (char *secret)
{
  if (secret != NULL)
    memset (secret, 0, strlen (secret));
  g_free (secret);
}

typedef char *FdSecret;
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (FdSecret, forget, NULL)

/* Asks Meta for the account's name, currency and time zone: the call that
 * proves the token works for it. */
static FdAdAccount *
verify_account (const char  *account_id,
                const char  *graph_url,
                const char  *version,
                const char  *url,
                const char  *token,
                const char  *app_secret,
                GError     **error)
{
  g_autoptr(FdGraphClient) client = fd_graph_client_new (url, version, token);
  g_autoptr(FdGraphResponse) response = NULL;
  JsonObject *object;

  fd_graph_client_set_app_secret (client, app_secret);
  fd_graph_client_set_max_retries (client, 2);

  response = fd_graph_client_get_account (client, account_id, NULL, error);
  if (response == NULL)
    return NULL;

  object = fd_graph_response_get_object (response);
  return fd_ad_account_new (account_id,
                            fd_graph_json_get_string (object, "name"),
                            fd_graph_json_get_string (object, "currency"),
                            fd_graph_json_get_string (object, "timezone_name"),
                            graph_url, version);
}

static int
cmd_account_add (FdCli  *cli,
                 int     argc,
                 char  **argv)
{
  g_autofree char *graph_url = NULL;
  g_autofree char *version = NULL;
  g_autofree char *url = NULL;
  g_autofree char *cache = NULL;
  g_autofree char *actor = NULL;
  g_auto(FdSecret) token = NULL;
  g_auto(FdSecret) app_secret = NULL;
  g_autoptr(FdAdAccount) account = NULL;
  g_autoptr(FdTokenStore) tokens = NULL;
  g_autoptr(GError) error = NULL;
  FdTokenStoreKind used = FD_TOKEN_STORE_NONE;
  FdWorkspace *workspace;
  const char *account_id;
  int status;
  const GOptionEntry entries[] = {
    { "graph-url", 0, 0, G_OPTION_ARG_STRING, &graph_url,
      N_("The Graph API host (default https://graph.facebook.com; “emulator:” for the local emulator)"), N_("URL") },
    { "api-version", 0, 0, G_OPTION_ARG_STRING, &version, N_("The Graph API version (default v25.0)"), N_("vNN.0") },
    { NULL }
  };

  if (!fd_cli_parse (cli, &argc, &argv, entries, "act_ID", 1, 1, &status))
    return status;

  account_id = argv[1];
  if (!fd_insights_store_is_valid_account_id (account_id))
    return fd_cli_usage (_("“%s” is not an ad account id: it looks like act_1234567890."), account_id);

  if (graph_url == NULL)
    graph_url = g_strdup (FD_GRAPH_DEFAULT_URL);
  if (version == NULL)
    version = g_strdup (FD_GRAPH_DEFAULT_VERSION);

  if (!(workspace = fd_cli_open_workspace (cli, &error)) ||
      !(actor = fd_cli_dup_actor (cli, &error)) ||
      !(token = read_token (account_id, &error)))
    return fd_cli_fail (g_steal_pointer (&error));

  app_secret = g_strdup (g_getenv ("FLIGHTDECK_APP_SECRET"));
  cache = fd_workspace_dup_cache_dir (workspace, NULL);

  if (!(url = fd_graph_resolve_url (graph_url, cache, &error)) ||
      !(account = verify_account (account_id, graph_url, version, url, token, app_secret, &error)))
    return fd_cli_fail (g_steal_pointer (&error));

  tokens = fd_token_store_new ();
  if (!fd_token_store_save (tokens, FD_SECRET_TOKEN, account_id, graph_url, token, &used, &error) ||
      (app_secret != NULL && *app_secret != '\0' &&
       !fd_token_store_save (tokens, FD_SECRET_APP_SECRET, account_id, graph_url, app_secret, NULL, &error)) ||
      !fd_insights_store_save_account (fd_workspace_get_store (workspace), actor, account, &error))
    return fd_cli_fail (g_steal_pointer (&error));

  printf (_("Connected %s “%s” (%s, %s) through %s %s.\n"), account_id,
          fd_ad_account_get_name (account), fd_ad_account_get_currency (account),
          fd_ad_account_get_timezone (account),
          g_str_has_prefix (graph_url, FD_GRAPH_EMULATOR_URL_SCHEME) ? _("the local Graph emulator") : graph_url,
          version);
  if (used == FD_TOKEN_STORE_FILE)
    printf (_("The token is stored in %s, in %s (no desktop keyring is available).\n"),
            fd_token_store_kind_describe (used), fd_token_store_get_file_dir (tokens));
  else
    printf (_("The token is stored in %s.\n"), fd_token_store_kind_describe (used));

  return FD_CLI_EXIT_OK;
}

static const char *
state_name (FdAdAccount *account)
{
  switch (fd_ad_account_get_sync_state (account))
    {
    case FD_AD_ACCOUNT_SYNC_RUNNING:
      return "running";
    case FD_AD_ACCOUNT_SYNC_OK:
      return "ok";
    case FD_AD_ACCOUNT_SYNC_FAILED:
      return "failed";
    case FD_AD_ACCOUNT_SYNC_NEVER:
    default:
      return "never";
    }
}

static char *
format_time (gint64 us)
{
  g_autoptr(GDateTime) time = NULL;

  if (us == 0)
    return g_strdup ("—");

  time = g_date_time_new_from_unix_local (us / G_USEC_PER_SEC);
  return g_date_time_format (time, "%Y-%m-%d %H:%M");
}

static JsonNode *
account_to_json (FdAdAccount *account)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, fd_ad_account_get_id (account));
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, fd_ad_account_get_name (account));
  json_builder_set_member_name (builder, "currency");
  json_builder_add_string_value (builder, fd_ad_account_get_currency (account));
  json_builder_set_member_name (builder, "timezone");
  json_builder_add_string_value (builder, fd_ad_account_get_timezone (account));
  json_builder_set_member_name (builder, "graph_url");
  json_builder_add_string_value (builder, fd_ad_account_get_graph_url (account));
  json_builder_set_member_name (builder, "api_version");
  json_builder_add_string_value (builder, fd_ad_account_get_api_version (account));
  json_builder_set_member_name (builder, "sync_state");
  json_builder_add_string_value (builder, state_name (account));
  json_builder_set_member_name (builder, "last_sync_us");
  json_builder_add_int_value (builder, fd_ad_account_get_last_sync (account));
  json_builder_set_member_name (builder, "last_success_us");
  json_builder_add_int_value (builder, fd_ad_account_get_last_success (account));
  json_builder_set_member_name (builder, "last_message");
  json_builder_add_string_value (builder, fd_ad_account_get_last_message (account));
  json_builder_set_member_name (builder, "last_error_kind");
  json_builder_add_string_value (builder, fd_ad_account_get_last_error_kind (account));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static int
cmd_account_list (FdCli  *cli,
                  int     argc,
                  char  **argv)
{
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  FdStore *store;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  if (!fd_cli_parse (cli, &argc, &argv, entries, "", 0, 0, &status))
    return status;

  if (!(store = fd_cli_get_store (cli, &error)) ||
      !(accounts = fd_insights_store_list_accounts (store, &error)))
    return fd_cli_fail (g_steal_pointer (&error));

  if (json)
    {
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
      g_autoptr(JsonArray) array = json_array_new ();

      for (guint i = 0; i < accounts->len; i++)
        json_array_add_element (array, account_to_json (g_ptr_array_index (accounts, i)));
      json_node_set_array (root, array);
      fd_cli_print_json (root);
      return FD_CLI_EXIT_OK;
    }

  for (guint i = 0; i < accounts->len; i++)
    {
      FdAdAccount *account = g_ptr_array_index (accounts, i);
      g_autofree char *last = format_time (fd_ad_account_get_last_sync (account));

      printf ("%-20s %-32s %s  %-16s last sync %s (%s)%s%s\n",
              fd_ad_account_get_id (account), fd_ad_account_get_name (account),
              fd_ad_account_get_currency (account), fd_ad_account_get_timezone (account),
              last, state_name (account),
              fd_ad_account_get_last_message (account) ? ": " : "",
              fd_ad_account_get_last_message (account) ? fd_ad_account_get_last_message (account) : "");
    }

  return FD_CLI_EXIT_OK;
}

/*
 * Changing objects at Meta
 */

typedef struct
{
  char *account_id;
  char *level;
  char *name;
} ObjectInfo;

static void
object_info_clear (ObjectInfo *info)
{
  g_free (info->account_id);
  g_free (info->level);
  g_free (info->name);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ObjectInfo, object_info_clear)

static gboolean
find_object (FdStore     *store,
             const char  *object_id,
             ObjectInfo  *info,
             GError     **error)
{
  g_auto(FdStmt) stmt = fd_store_stmt (store, "SELECT account_id, level, name FROM meta_object WHERE id = ?",
                                       error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;

  fd_stmt_bind_text (stmt, 1, object_id);
  if (!fd_store_step (store, stmt, &has_row, error))
    return FALSE;

  if (!has_row)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_FOUND,
                   _("No campaign, ad set or ad %s has been synced into this workspace."), object_id);
      return FALSE;
    }

  info->account_id = fd_stmt_dup_text (stmt, 0);
  info->level = fd_stmt_dup_text (stmt, 1);
  info->name = fd_stmt_dup_text (stmt, 2);
  return TRUE;
}

static FdGraphClient *
connect_object (FdCli        *cli,
                const char   *object_id,
                ObjectInfo   *info,
                FdAdAccount **account_out,
                GError      **error)
{
  g_autoptr(FdTokenStore) tokens = fd_token_store_new ();
  g_autofree char *cache = NULL;
  FdWorkspace *workspace;
  FdStore *store;

  if (!(workspace = fd_cli_open_workspace (cli, error)))
    return NULL;

  store = fd_workspace_get_store (workspace);
  if (!find_object (store, object_id, info, error) ||
      !(*account_out = fd_insights_store_get_account (store, info->account_id, error)))
    return NULL;

  cache = fd_workspace_dup_cache_dir (workspace, NULL);
  return fd_graph_connect (*account_out, tokens, cache, error);
}

static int
cmd_object_status (FdCli  *cli,
                   int     argc,
                   char  **argv)
{
  g_auto(ObjectInfo) info = { 0 };
  g_autoptr(FdAdAccount) account = NULL;
  g_autoptr(FdGraphClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status_text = NULL;
  int status;

  if (!fd_cli_parse (cli, &argc, &argv, NULL, "OBJECT_ID ACTIVE|PAUSED|ARCHIVED", 2, 2, &status))
    return status;

  status_text = g_ascii_strup (argv[2], -1);
  if (!(client = connect_object (cli, argv[1], &info, &account, &error)) ||
      !fd_graph_client_set_status (client, argv[1], status_text, NULL, &error) ||
      !fd_insights_store_set_object_status (fd_cli_get_store (cli, NULL), argv[1], status_text, &error))
    return fd_cli_fail (g_steal_pointer (&error));

  printf (_("%s %s (“%s”) is now %s at Meta.\n"), info.level, argv[1], info.name ? info.name : "",
          status_text);
  return FD_CLI_EXIT_OK;
}

static int
cmd_object_budget (FdCli  *cli,
                   int     argc,
                   char  **argv)
{
  g_auto(ObjectInfo) info = { 0 };
  g_autoptr(FdAdAccount) account = NULL;
  g_autoptr(FdGraphClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  gboolean lifetime = FALSE;
  gint64 minor;
  int status;
  const GOptionEntry entries[] = {
    { "lifetime", 0, 0, G_OPTION_ARG_NONE, &lifetime, N_("Set the lifetime budget instead of the daily one"), NULL },
    { NULL }
  };

  if (!fd_cli_parse (cli, &argc, &argv, entries, "OBJECT_ID AMOUNT", 2, 2, &status))
    return status;

  if (!(client = connect_object (cli, argv[1], &info, &account, &error)))
    return fd_cli_fail (g_steal_pointer (&error));

  /* The amount is written as a person would: major units of the
   * account's currency ("25.00" €, "2500" ¥). */
  if (!fd_currency_parse_input (fd_ad_account_get_currency (account), argv[2], &minor, &error))
    return fd_cli_usage ("%s", error->message);

  if (!fd_graph_client_set_budget (client, argv[1], lifetime ? FD_GRAPH_BUDGET_LIFETIME : FD_GRAPH_BUDGET_DAILY,
                                   minor, NULL, &error) ||
      !fd_insights_store_set_object_budget (fd_cli_get_store (cli, NULL), argv[1],
                                            lifetime ? -1 : minor, lifetime ? minor : -1, &error))
    return fd_cli_fail (g_steal_pointer (&error));

  shown = fd_currency_format_decimal (fd_ad_account_get_currency (account), minor);
  printf (_("The %s budget of %s %s (“%s”) is now %s %s at Meta.\n"),
          lifetime ? _("lifetime") : _("daily"), info.level, argv[1], info.name ? info.name : "",
          shown, fd_ad_account_get_currency (account));
  return FD_CLI_EXIT_OK;
}

const FdCliCommand fd_cli_accounts_commands[] = {
  { "account", "add", "act_ID [--graph-url URL] [--api-version vNN.0]",
    N_("Connect an ad account (token from $FLIGHTDECK_TOKEN or standard input)"), cmd_account_add },
  { "account", "list", "[--json]", N_("List the ad accounts and how their last sync went"), cmd_account_list },
  { "object", "status", "OBJECT_ID ACTIVE|PAUSED|ARCHIVED",
    N_("Pause or resume a campaign, ad set or ad at Meta"), cmd_object_status },
  { "object", "budget", "OBJECT_ID AMOUNT [--lifetime]",
    N_("Change an ad set's budget at Meta (AMOUNT in the account's currency)"), cmd_object_budget },
  { NULL }
};
