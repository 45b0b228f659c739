/* fd-cli-assets.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "flightdeck-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "fd-asset-catalog.h"
#include "fd-asset-importer.h"
#include "fd-asset-query.h"
#include "fd-asset-workflow.h"
#include "fd-cli-assets.h"

/* asset import|create|edit|set|move|upload|verify|group, and the command
 * table of the asset commands (list, show and history are in
 * fd-cli-asset-views.c; review and policy in fd-cli-review.c). States and
 * kinds are spelled as in the database: draft, in-review,
 * revision-requested, approved, uploaded, archived; video, image, headline,
 * primary-text, script. */

/*
 * Shared by the asset commands
 */

gboolean
fd_cli_parse_asset_id (const char *text,
                       gint64     *id,
                       int        *status)
{
  if (fd_cli_parse_id (text, id))
    return TRUE;

  *status = fd_cli_usage (_("“%s” is not an asset id."), text);
  return FALSE;
}

gboolean
fd_cli_parse_optional_id (const char *text,
                          const char *what,
                          gint64     *id,
                          int        *status)
{
  *id = 0;
  if (text == NULL || g_str_equal (text, "0") || g_str_equal (text, "none"))
    return TRUE;

  if (fd_cli_parse_id (text, id))
    return TRUE;

  *status = fd_cli_usage (_("“%s” is not a %s id."), text, what);
  return FALSE;
}

gboolean
fd_cli_parse_kind (const char  *text,
                   FdAssetKind *kind,
                   int         *status)
{
  g_autofree char *known = NULL;

  *kind = FD_ASSET_KIND_NONE;
  if (text == NULL)
    return TRUE;

  if ((*kind = fd_asset_kind_from_string (text)) != FD_ASSET_KIND_NONE)
    return TRUE;

  known = fd_asset_kind_list_names ();
  *status = fd_cli_usage (_("“%s” is not a kind of asset; kinds: %s."), text, known);
  return FALSE;
}

gboolean
fd_cli_parse_state (const char   *text,
                    FdAssetState *state,
                    int          *status)
{
  g_autofree char *known = NULL;

  *state = FD_ASSET_STATE_NONE;
  if (text == NULL)
    return TRUE;

  if ((*state = fd_asset_state_from_string (text)) != FD_ASSET_STATE_NONE)
    return TRUE;

  known = fd_asset_state_list_names ();
  *status = fd_cli_usage (_("“%s” is not a state; states: %s."), text, known);
  return FALSE;
}

/* YYYY-MM-DD, the start of that day in local time; "none" clears. */
gboolean
fd_cli_parse_due (const char *text,
                  gint64     *due_us,
                  int        *status)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month, day;
  char extra;

  *due_us = 0;
  if (text == NULL || g_str_equal (text, "none"))
    return TRUE;

  if (sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &extra) == 3 &&
      g_date_valid_dmy (day, month, year) &&
      (date = g_date_time_new_local (year, month, day, 0, 0, 0)) != NULL)
    {
      *due_us = g_date_time_to_unix (date) * G_USEC_PER_SEC;
      return TRUE;
    }

  *status = fd_cli_usage (_("“%s” is not a date; write it as YYYY-MM-DD."), text);
  return FALSE;
}

char *
fd_cli_format_day (gint64 us)
{
  g_autoptr(GDateTime) date = NULL;

  if (us == 0)
    return NULL;

  date = g_date_time_new_from_unix_local (us / G_USEC_PER_SEC);
  return date ? g_date_time_format (date, "%Y-%m-%d") : NULL;
}

/* The store and the person fd_cli_acting (--as, or the current person). */
FdStore *
fd_cli_acting (FdCli    *cli,
               gint64   *person_id,
               GError  **error)
{
  g_autoptr(FdPerson) person = NULL;
  FdStore *store;

  if (!(store = fd_cli_get_store (cli, error)) ||
      !(person = fd_cli_get_person (cli, error)))
    return NULL;

  *person_id = fd_person_get_id (person);
  return store;
}

char *
fd_cli_read_text (const char  *text,
                  const char  *file,
                  GError     **error)
{
  char *contents = NULL;

  if (text != NULL)
    return g_strdup (text);

  if (file == NULL)
    return NULL;

  if (!g_file_get_contents (file, &contents, NULL, error))
    return NULL;

  return contents;
}


/*
 * Commands
 */

static int
cmd_asset_import (FdCli  *cli,
                  int     argc,
                  char  **argv)
{
  g_autofree char *kind_text = NULL;
  g_autofree char *asset_text = NULL;
  g_autofree char *brief_text = NULL;
  g_autofree char *group_text = NULL;
  g_autofree char *name = NULL;
  g_autofree char *note = NULL;
  g_autoptr(FdAssetImportRequest) request = fd_asset_import_request_new ();
  FdAssetImportResult result = { 0 };
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text, N_("video or image (default: what the file is)"), N_("KIND") },
    { "asset", 0, 0, G_OPTION_ARG_STRING, &asset_text, N_("Add a version to this asset"), N_("ID") },
    { "brief", 0, 0, G_OPTION_ARG_STRING, &brief_text, N_("The new asset's brief"), N_("ID") },
    { "group", 0, 0, G_OPTION_ARG_STRING, &group_text, N_("The new asset's dynamic-creative group"), N_("ID") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The new asset's name (default: the file name)"), N_("NAME") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("What changed in this version"), N_("TEXT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  if (!fd_cli_parse (cli, &argc, &argv, entries, "FILE", 1, 1, &status) ||
      !fd_cli_parse_kind (kind_text, &request->kind, &status) ||
      (asset_text && !fd_cli_parse_asset_id (asset_text, &request->asset_id, &status)) ||
      !fd_cli_parse_optional_id (brief_text, _("brief"), &request->brief_id, &status) ||
      !fd_cli_parse_optional_id (group_text, _("group"), &request->group_id, &status))
    return status;

  if (request->asset_id != 0 && (kind_text || brief_text || group_text || name))
    return fd_cli_usage (_("--asset adds a version: --kind, --brief, --group and --name are for "
                           "a new asset."));

  request->name = g_steal_pointer (&name);
  request->note = g_steal_pointer (&note);

  if (!fd_cli_acting (cli, &request->person_id, &error) ||
      !fd_asset_import_file (fd_cli_open_workspace (cli, NULL), request, argv[1], &result,
                             NULL, &error))
    return fd_cli_fail (g_steal_pointer (&error));

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      fd_cli_json_add_int (builder, "id", result.asset_id);
      fd_cli_json_add_int (builder, "version", result.version);
      fd_cli_json_add_string (builder, "sha256", result.sha256);
      json_builder_set_member_name (builder, "new_asset");
      json_builder_add_boolean_value (builder, result.new_asset);
      json_builder_set_member_name (builder, "new_file");
      json_builder_add_boolean_value (builder, result.new_file);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      fd_cli_print_json (root);
    }
  else
    printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n", result.asset_id, result.version);

  return FD_CLI_EXIT_OK;
}

static int
cmd_asset_create (FdCli  *cli,
                  int     argc,
                  char  **argv)
{
  g_autofree char *kind_text = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autofree char *file = NULL;
  g_autofree char *brief_text = NULL;
  g_autofree char *group_text = NULL;
  g_autofree char *due_text = NULL;
  g_autofree char *campaign = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GError) error = NULL;
  FdAssetChanges changes = { 0 };
  FdAssetKind kind;
  gint64 brief_id, group_id, person_id, id;
  FdStore *store;
  int status;
  const GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text, N_("What it is: video, image, headline, primary-text or script"), N_("KIND") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("What it is called on the board"), N_("NAME") },
    { "text", 0, 0, G_OPTION_ARG_STRING, &text, N_("Text kinds: the text of version 1"), N_("TEXT") },
    { "file", 0, 0, G_OPTION_ARG_FILENAME, &file, N_("Text kinds: read version 1 from a file"), N_("PATH") },
    { "brief", 0, 0, G_OPTION_ARG_STRING, &brief_text, N_("Its brief"), N_("ID") },
    { "group", 0, 0, G_OPTION_ARG_STRING, &group_text, N_("Its dynamic-creative group"), N_("ID") },
    { "due", 0, 0, G_OPTION_ARG_STRING, &due_text, N_("Its due date"), N_("YYYY-MM-DD") },
    { "campaign", 0, 0, G_OPTION_ARG_STRING, &campaign, N_("The campaign it is planned for"), N_("NAME") },
    { NULL }
  };

  if (!fd_cli_parse (cli, &argc, &argv, entries, "", 0, 0, &status) ||
      !fd_cli_parse_kind (kind_text, &kind, &status) ||
      !fd_cli_parse_optional_id (brief_text, _("brief"), &brief_id, &status) ||
      !fd_cli_parse_optional_id (group_text, _("group"), &group_id, &status) ||
      (due_text && !fd_cli_parse_due (due_text, &changes.due_us, &status)))
    return status;

  if (kind == FD_ASSET_KIND_NONE || name == NULL)
    return fd_cli_usage (_("asset create needs --kind and --name."));
  if (text != NULL && file != NULL)
    return fd_cli_usage (_("Give the text with --text or --file, not both."));

  if ((!(body = fd_cli_read_text (text, file, &error)) && error != NULL) ||
      !(store = fd_cli_acting (cli, &person_id, &error)) ||
      !(id = fd_asset_create (store, person_id, kind, name, brief_id, group_id, body, &error)))
    return fd_cli_fail (g_steal_pointer (&error));

  changes.campaign = campaign;
  changes.set = (due_text ? FD_ASSET_CHANGE_DUE : 0) | (campaign ? FD_ASSET_CHANGE_CAMPAIGN : 0);
  if (changes.set != 0 && !fd_asset_update (store, person_id, id, &changes, &error))
    return fd_cli_fail (g_steal_pointer (&error));

  printf ("%" G_GINT64_FORMAT " %d\n", id, body != NULL ? 1 : 0);
  return FD_CLI_EXIT_OK;
}

static int
cmd_asset_edit (FdCli  *cli,
                int     argc,
                char  **argv)
{
  g_autofree char *text = NULL;
  g_autofree char *file = NULL;
  g_autofree char *note = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GError) error = NULL;
  gint64 asset_id, person_id, number;
  FdStore *store;
  int status;
  const GOptionEntry entries[] = {
    { "text", 0, 0, G_OPTION_ARG_STRING, &text, N_("The new text"), N_("TEXT") },
    { "file", 0, 0, G_OPTION_ARG_FILENAME, &file, N_("Read the new text from a file"), N_("PATH") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("What changed in this version"), N_("TEXT") },
    { NULL }
  };

  if (!fd_cli_parse (cli, &argc, &argv, entries, "ID", 1, 1, &status) ||
      !fd_cli_parse_asset_id (argv[1], &asset_id, &status))
    return status;

  if ((text == NULL) == (file == NULL))
    return fd_cli_usage (_("asset edit needs the new text: --text TEXT or --file PATH."));

  if (!(body = fd_cli_read_text (text, file, &error)) ||
      !(store = fd_cli_acting (cli, &person_id, &error)) ||
      !(number = fd_asset_add_text_version (store, person_id, asset_id, body, note, &error)))
    return fd_cli_fail (g_steal_pointer (&error));

  printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n", asset_id, number);
  return FD_CLI_EXIT_OK;
}

static int
cmd_asset_set (FdCli  *cli,
               int     argc,
               char  **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *due_text = NULL;
  g_autofree char *campaign = NULL;
  g_autofree char *brief_text = NULL;
  g_autofree char *group_text = NULL;
  g_autoptr(GError) error = NULL;
  FdAssetChanges changes = { 0 };
  gint64 asset_id, person_id;
  FdStore *store;
  int status;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("A new name"), N_("NAME") },
    { "due", 0, 0, G_OPTION_ARG_STRING, &due_text, N_("The due date, or none"), N_("YYYY-MM-DD") },
    { "campaign", 0, 0, G_OPTION_ARG_STRING, &campaign, N_("The campaign it is planned for (\"\" for none)"), N_("NAME") },
    { "brief", 0, 0, G_OPTION_ARG_STRING, &brief_text, N_("Its brief, or none"), N_("ID") },
    { "group", 0, 0, G_OPTION_ARG_STRING, &group_text, N_("Its dynamic-creative group, or none"), N_("ID") },
    { NULL }
  };

  if (!fd_cli_parse (cli, &argc, &argv, entries, "ID", 1, 1, &status) ||
      !fd_cli_parse_asset_id (argv[1], &asset_id, &status) ||
      (due_text && !fd_cli_parse_due (due_text, &changes.due_us, &status)) ||
      !fd_cli_parse_optional_id (brief_text, _("brief"), &changes.brief_id, &status) ||
      !fd_cli_parse_optional_id (group_text, _("group"), &changes.group_id, &status))
    return status;

  changes.name = name;
  changes.campaign = campaign;
  changes.set = (name ? FD_ASSET_CHANGE_NAME : 0) |
                (due_text ? FD_ASSET_CHANGE_DUE : 0) |
                (campaign ? FD_ASSET_CHANGE_CAMPAIGN : 0) |
                (brief_text ? FD_ASSET_CHANGE_BRIEF : 0) |
                (group_text ? FD_ASSET_CHANGE_GROUP : 0);
  if (changes.set == 0)
    return fd_cli_usage (_("asset set needs --name, --due, --campaign, --brief or --group."));

  if (!(store = fd_cli_acting (cli, &person_id, &error)) ||
      !fd_asset_update (store, person_id, asset_id, &changes, &error))
    return fd_cli_fail (g_steal_pointer (&error));

  return FD_CLI_EXIT_OK;
}

static int
cmd_asset_move (FdCli  *cli,
                int     argc,
                char  **argv)
{
  g_autofree char *reason = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FdAsset) asset = NULL;
  gint64 asset_id, person_id;
  FdAssetState target;
  FdStore *store;
  int status;
  const GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why: required to archive, and the feedback when requesting changes"), N_("TEXT") },
    { NULL }
  };

  if (!fd_cli_parse (cli, &argc, &argv, entries, "ID STATE", 2, 2, &status) ||
      !fd_cli_parse_asset_id (argv[1], &asset_id, &status) ||
      !fd_cli_parse_state (argv[2], &target, &status))
    return status;

  if (!(store = fd_cli_acting (cli, &person_id, &error)) ||
      !fd_asset_transition (store, person_id, asset_id, target, reason, &error) ||
      !(asset = fd_asset_get (store, asset_id, &error)))
    return fd_cli_fail (g_steal_pointer (&error));

  printf ("%" G_GINT64_FORMAT " %s\n", asset_id, fd_asset_state_to_string (fd_asset_get_state (asset)));
  return FD_CLI_EXIT_OK;
}

static int
cmd_asset_upload (FdCli  *cli,
                  int     argc,
                  char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdAsset) asset = NULL;
  gint64 asset_id, person_id;
  FdStore *store;
  int status;

  if (!fd_cli_parse (cli, &argc, &argv, NULL, "ID", 1, 1, &status) ||
      !fd_cli_parse_asset_id (argv[1], &asset_id, &status))
    return status;

  if (!(store = fd_cli_acting (cli, &person_id, &error)) ||
      !fd_asset_mark_uploaded (store, fd_workspace_get_media_store (fd_cli_open_workspace (cli, NULL)),
                               person_id, asset_id, NULL, &error) ||
      !(asset = fd_asset_get (store, asset_id, &error)))
    return fd_cli_fail (g_steal_pointer (&error));

  printf ("%" G_GINT64_FORMAT " %s %s\n", asset_id,
          fd_asset_state_to_string (fd_asset_get_state (asset)), fd_asset_get_sha256 (asset));
  return FD_CLI_EXIT_OK;
}

static int
cmd_asset_verify (FdCli  *cli,
                  int     argc,
                  char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdAssetVersion) version = NULL;
  gint64 asset_id;
  FdStore *store;
  int status;

  if (!fd_cli_parse (cli, &argc, &argv, NULL, "ID", 1, 1, &status) ||
      !fd_cli_parse_asset_id (argv[1], &asset_id, &status))
    return status;

  if (!(store = fd_cli_get_store (cli, &error)) ||
      !fd_asset_verify_for_upload (store, fd_workspace_get_media_store (fd_cli_open_workspace (cli, NULL)),
                                   asset_id, &version, NULL, &error))
    return fd_cli_fail (g_steal_pointer (&error));

  printf (_("Version %lld is approved and intact: %s\n"),
          (long long)fd_asset_version_get_number (version), fd_asset_version_get_sha256 (version));
  return FD_CLI_EXIT_OK;
}

static int
cmd_asset_group (FdCli  *cli,
                 int     argc,
                 char  **argv)
{
  g_autofree char *brief_text = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  gint64 brief_id, person_id, id;
  FdStore *store;
  int status;
  const GOptionEntry entries[] = {
    { "brief", 0, 0, G_OPTION_ARG_STRING, &brief_text, N_("The group's brief"), N_("ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  if (!fd_cli_parse (cli, &argc, &argv, entries, "create NAME [--brief ID] | list [--json]",
                     1, 2, &status) ||
      !fd_cli_parse_optional_id (brief_text, _("brief"), &brief_id, &status))
    return status;

  if (g_str_equal (argv[1], "create") && argc == 3)
    {
      if (!(store = fd_cli_acting (cli, &person_id, &error)) ||
          !(id = fd_asset_group_create (store, person_id, argv[2], brief_id, &error)))
        return fd_cli_fail (g_steal_pointer (&error));

      printf ("%" G_GINT64_FORMAT "\n", id);
      return FD_CLI_EXIT_OK;
    }

  if (g_str_equal (argv[1], "list") && argc == 2)
    {
      g_autoptr(GPtrArray) groups = NULL;
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      if (!(store = fd_cli_get_store (cli, &error)) ||
          !(groups = fd_asset_group_list (store, &error)))
        return fd_cli_fail (g_steal_pointer (&error));

      json_builder_begin_array (builder);
      for (guint i = 0; i < groups->len; i++)
        {
          FdAssetGroup *group = g_ptr_array_index (groups, i);

          if (!json)
            {
              printf ("%5" G_GINT64_FORMAT "  %s (%" G_GINT64_FORMAT ")\n",
                      fd_asset_group_get_id (group), fd_asset_group_get_name (group),
                      fd_asset_group_get_n_assets (group));
              continue;
            }
          json_builder_begin_object (builder);
          fd_cli_json_add_int (builder, "id", fd_asset_group_get_id (group));
          fd_cli_json_add_string (builder, "name", fd_asset_group_get_name (group));
          fd_cli_json_add_optional_int (builder, "brief_id", fd_asset_group_get_brief_id (group));
          fd_cli_json_add_int (builder, "n_assets", fd_asset_group_get_n_assets (group));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      root = json_builder_get_root (builder);
      if (json)
        fd_cli_print_json (root);
      return FD_CLI_EXIT_OK;
    }

  return fd_cli_usage (_("Usage: asset group create NAME [--brief ID] | asset group list [--json]"));
}

const FdCliCommand fd_cli_assets_commands[] = {
  { "asset", "import", "FILE [--kind K] [--asset ID] [--brief ID] [--group ID] [--name NAME] [--note TEXT] [--json]",
    N_("Import a video or image as a new asset or version; prints ID VERSION"), cmd_asset_import },
  { "asset", "create", "--kind K --name NAME [--text TEXT|--file PATH] [--brief ID] [--group ID] [--due DATE] [--campaign NAME]",
    N_("Create an asset (text kinds with their first text); prints ID VERSION"), cmd_asset_create },
  { "asset", "edit", "ID --text TEXT|--file PATH [--note TEXT]",
    N_("Add a version to a headline, primary text or script; prints ID VERSION"), cmd_asset_edit },
  { "asset", "set", "ID [--name NAME] [--due DATE] [--campaign NAME] [--brief ID] [--group ID]",
    N_("Change an asset's name, due date, campaign, brief or group"), cmd_asset_set },
  { "asset", "list", "[--state S] [--kind K] [--brief ID] [--json]", N_("List assets"), fd_cli_asset_list },
  { "asset", "show", "ID [--json]", N_("Show an asset, its versions and its reviewers"), fd_cli_asset_show },
  { "asset", "move", "ID STATE [--reason TEXT]", N_("Ask for a state change"), cmd_asset_move },
  { "asset", "upload", "ID", N_("Check the approved file's hash and mark the asset uploaded"), cmd_asset_upload },
  { "asset", "verify", "ID", N_("Check that the approved version's stored file is intact"), cmd_asset_verify },
  { "asset", "history", "ID [--json]", N_("Print an asset's history from the audit log"), fd_cli_asset_history },
  { "asset", "group", "create NAME [--brief ID] | list [--json]",
    N_("Create or list dynamic-creative groups"), cmd_asset_group },
  { NULL, "review", "ID approve|request-changes [--feedback TEXT]",
    N_("Approve or request changes, as a reviewer"), fd_cli_review },
  { NULL, "review", "ID comment --feedback TEXT [--frame N|--at TC|--range A-B|--chars A-B] [--rect X,Y,W,H|--freehand X,Y,…] [--version N]",
    N_("Comment on a version, a frame or a range, with a mark; prints the comment's id"), fd_cli_review },
  { NULL, "review", "ID reply|edit COMMENT --feedback TEXT",
    N_("Reply to a comment's thread, or edit your own comment"), fd_cli_review },
  { NULL, "review", "ID resolve|reopen COMMENT", N_("Resolve or reopen a comment's thread"), fd_cli_review },
  { NULL, "review", "ID override PLACEMENT --reason TEXT [--version N]",
    N_("As a required reviewer, let a version that fails a placement its brief requires be approved"),
    fd_cli_review },
  { "policy", "set", "KIND --required P1,P2 [--optional P3]", N_("Set who reviews a kind of asset"), fd_cli_policy_set },
  { "policy", "list", "[--json]", N_("Show the reviewer policies"), fd_cli_policy_list },
  { NULL }
};
