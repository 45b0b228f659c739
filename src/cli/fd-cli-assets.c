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
#include "fd-cli-private.h"
#include "fd-core-error.h"
#include "fd-demo-creatives.h"
#include "fd-reviewer-policy.h"
#include "fd-roster.h"

/* asset import|create|edit|set|list|show|move|upload|verify|history|group,
 * review, policy set|list. States and kinds are spelled as in the
 * database: draft, in-review, revision-requested, approved, uploaded,
 * archived; video, image, headline, primary-text, script. */

/*
 * Parsing
 */

static gboolean
parse_asset_id (const char *text,
                gint64     *id,
                int        *status)
{
  if (fd_cli_parse_id (text, id))
    return TRUE;

  *status = fd_cli_usage (_("“%s” is not an asset id."), text);
  return FALSE;
}

static gboolean
parse_optional_id (const char *text,
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

static gboolean
parse_kind (const char  *text,
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

static gboolean
parse_state (const char   *text,
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
static gboolean
parse_due (const char *text,
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

static char *
format_day (gint64 us)
{
  g_autoptr(GDateTime) date = NULL;

  if (us == 0)
    return NULL;

  date = g_date_time_new_from_unix_local (us / G_USEC_PER_SEC);
  return date ? g_date_time_format (date, "%Y-%m-%d") : NULL;
}

/* The store and the person acting (--as, or the current person). */
static FdStore *
acting (FdCli    *cli,
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

static char *
read_text (const char  *text,
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
 * JSON
 */

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_optional_int (JsonBuilder *builder,
                  const char  *name,
                  gint64       value)
{
  json_builder_set_member_name (builder, name);
  if (value != 0)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_reviewers (JsonBuilder *builder,
               GPtrArray   *reviewers)
{
  json_builder_set_member_name (builder, "reviewers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < reviewers->len; i++)
    {
      FdAssetReviewer *reviewer = g_ptr_array_index (reviewers, i);
      FdReviewDecision decision = fd_asset_reviewer_get_decision (reviewer);

      json_builder_begin_object (builder);
      add_int (builder, "person_id", fd_asset_reviewer_get_person_id (reviewer));
      add_string (builder, "name", fd_asset_reviewer_get_name (reviewer));
      json_builder_set_member_name (builder, "required");
      json_builder_add_boolean_value (builder, fd_asset_reviewer_get_required (reviewer));
      add_string (builder, "decision",
                  decision != FD_REVIEW_DECISION_NONE ? fd_review_decision_to_string (decision) : NULL);
      add_string (builder, "feedback", fd_asset_reviewer_get_feedback (reviewer));
      add_optional_int (builder, "decided_us", fd_asset_reviewer_get_decided_us (reviewer));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* The members every asset has, in list and show alike. */
static void
add_asset_members (JsonBuilder *builder,
                   FdAsset     *asset)
{
  g_autofree char *due = format_day (fd_asset_get_due (asset));

  add_int (builder, "id", fd_asset_get_id (asset));
  add_string (builder, "kind", fd_asset_kind_to_string (fd_asset_get_kind (asset)));
  add_string (builder, "name", fd_asset_get_name (asset));
  add_string (builder, "state", fd_asset_state_to_string (fd_asset_get_state (asset)));
  add_int (builder, "version", fd_asset_get_version (asset));
  add_string (builder, "sha256", fd_asset_get_sha256 (asset));
  add_optional_int (builder, "brief_id", fd_asset_get_brief_id (asset));
  add_string (builder, "brief", fd_asset_get_brief_title (asset));
  add_optional_int (builder, "group_id", fd_asset_get_group_id (asset));
  add_string (builder, "group", fd_asset_get_group_name (asset));
  add_string (builder, "campaign", fd_asset_get_campaign (asset));
  add_string (builder, "due", due);
  add_optional_int (builder, "due_us", fd_asset_get_due (asset));
  add_string (builder, "state_note", fd_asset_get_state_note (asset));
  add_int (builder, "review_round", fd_asset_get_review_round (asset));
  add_int (builder, "review_version", fd_asset_get_review_version (asset));
  add_optional_int (builder, "created_by", fd_asset_get_created_by (asset));
  add_int (builder, "created_us", fd_asset_get_created (asset));
  add_reviewers (builder, fd_asset_get_reviewers (asset));
}

static void
add_version (JsonBuilder    *builder,
             FdAssetVersion *version,
             const char     *thumbnail_dir)
{
  const FdMediaInfo *info = fd_asset_version_get_media_info (version);

  json_builder_begin_object (builder);
  add_int (builder, "number", fd_asset_version_get_number (version));
  add_string (builder, "sha256", fd_asset_version_get_sha256 (version));
  add_int (builder, "size", fd_asset_version_get_size (version));
  add_string (builder, "filename", fd_asset_version_get_filename (version));
  add_string (builder, "note", fd_asset_version_get_note (version));
  add_string (builder, "created_by", fd_asset_version_get_created_by (version));
  add_string (builder, "created_by_name", fd_asset_version_get_created_by_name (version));
  add_int (builder, "created_us", fd_asset_version_get_created_us (version));

  if (info != NULL)
    {
      g_autofree char *name = g_strconcat (fd_asset_version_get_sha256 (version), ".png", NULL);
      g_autofree char *png = g_build_filename (thumbnail_dir, name, NULL);

      json_builder_set_member_name (builder, "probe");
      json_builder_add_value (builder, fd_media_info_to_json (info));
      add_string (builder, "thumbnail", g_file_test (png, G_FILE_TEST_IS_REGULAR) ? png : NULL);
    }
  else
    add_string (builder, "text", fd_asset_version_get_text (version));

  json_builder_end_object (builder);
}

static void
add_reviews (JsonBuilder *builder,
             GPtrArray   *reviews)
{
  json_builder_set_member_name (builder, "reviews");
  json_builder_begin_array (builder);
  for (guint i = 0; i < reviews->len; i++)
    {
      FdAssetReview *review = g_ptr_array_index (reviews, i);

      json_builder_begin_object (builder);
      add_int (builder, "version", fd_asset_review_get_version (review));
      add_int (builder, "round", fd_asset_review_get_round (review));
      add_int (builder, "person_id", fd_asset_review_get_person_id (review));
      add_string (builder, "name", fd_asset_review_get_person_name (review));
      add_string (builder, "decision",
                  fd_review_decision_to_string (fd_asset_review_get_decision (review)));
      add_string (builder, "feedback", fd_asset_review_get_feedback (review));
      add_int (builder, "at_us", fd_asset_review_get_at_us (review));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
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
      !parse_kind (kind_text, &request->kind, &status) ||
      (asset_text && !parse_asset_id (asset_text, &request->asset_id, &status)) ||
      !parse_optional_id (brief_text, _("brief"), &request->brief_id, &status) ||
      !parse_optional_id (group_text, _("group"), &request->group_id, &status))
    return status;

  if (request->asset_id != 0 && (kind_text || brief_text || group_text || name))
    return fd_cli_usage (_("--asset adds a version: --kind, --brief, --group and --name are for "
                           "a new asset."));

  request->name = g_steal_pointer (&name);
  request->note = g_steal_pointer (&note);

  if (!acting (cli, &request->person_id, &error) ||
      !fd_asset_import_file (fd_cli_open_workspace (cli, NULL), request, argv[1], &result,
                             NULL, &error))
    return fd_cli_fail (g_steal_pointer (&error));

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      add_int (builder, "id", result.asset_id);
      add_int (builder, "version", result.version);
      add_string (builder, "sha256", result.sha256);
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
      !parse_kind (kind_text, &kind, &status) ||
      !parse_optional_id (brief_text, _("brief"), &brief_id, &status) ||
      !parse_optional_id (group_text, _("group"), &group_id, &status) ||
      (due_text && !parse_due (due_text, &changes.due_us, &status)))
    return status;

  if (kind == FD_ASSET_KIND_NONE || name == NULL)
    return fd_cli_usage (_("asset create needs --kind and --name."));
  if (text != NULL && file != NULL)
    return fd_cli_usage (_("Give the text with --text or --file, not both."));

  if ((!(body = read_text (text, file, &error)) && error != NULL) ||
      !(store = acting (cli, &person_id, &error)) ||
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
      !parse_asset_id (argv[1], &asset_id, &status))
    return status;

  if ((text == NULL) == (file == NULL))
    return fd_cli_usage (_("asset edit needs the new text: --text TEXT or --file PATH."));

  if (!(body = read_text (text, file, &error)) ||
      !(store = acting (cli, &person_id, &error)) ||
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
      !parse_asset_id (argv[1], &asset_id, &status) ||
      (due_text && !parse_due (due_text, &changes.due_us, &status)) ||
      !parse_optional_id (brief_text, _("brief"), &changes.brief_id, &status) ||
      !parse_optional_id (group_text, _("group"), &changes.group_id, &status))
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

  if (!(store = acting (cli, &person_id, &error)) ||
      !fd_asset_update (store, person_id, asset_id, &changes, &error))
    return fd_cli_fail (g_steal_pointer (&error));

  return FD_CLI_EXIT_OK;
}

static void
print_asset_line (FdAsset *asset)
{
  GPtrArray *reviewers = fd_asset_get_reviewers (asset);
  GString *dots = g_string_new (NULL);

  for (guint i = 0; i < reviewers->len; i++)
    {
      FdAssetReviewer *reviewer = g_ptr_array_index (reviewers, i);
      FdReviewDecision decision = fd_asset_reviewer_get_decision (reviewer);

      if (!fd_asset_reviewer_get_required (reviewer))
        continue;
      g_string_append_printf (dots, " %s:%s", fd_asset_reviewer_get_name (reviewer),
                              decision == FD_REVIEW_DECISION_APPROVED ? "✓"
                              : decision == FD_REVIEW_DECISION_CHANGES_REQUESTED ? "✗" : "…");
    }

  printf ("%5" G_GINT64_FORMAT "  %-18s %-12s v%-3" G_GINT64_FORMAT " %s%s%s%s\n",
          fd_asset_get_id (asset),
          fd_asset_state_to_string (fd_asset_get_state (asset)),
          fd_asset_kind_to_string (fd_asset_get_kind (asset)),
          fd_asset_get_version (asset),
          fd_asset_get_name (asset),
          fd_asset_get_brief_title (asset) ? "  · " : "",
          fd_asset_get_brief_title (asset) ? fd_asset_get_brief_title (asset) : "",
          dots->str);
  g_string_free (dots, TRUE);
}

static int
cmd_asset_list (FdCli  *cli,
                int     argc,
                char  **argv)
{
  g_autofree char *state_text = NULL;
  g_autofree char *kind_text = NULL;
  g_autofree char *brief_text = NULL;
  g_autoptr(GPtrArray) assets = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  FdAssetState state;
  FdAssetKind kind;
  gint64 brief_id;
  FdStore *store;
  int status;
  const GOptionEntry entries[] = {
    { "state", 0, 0, G_OPTION_ARG_STRING, &state_text, N_("Only assets in this state"), N_("STATE") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text, N_("Only assets of this kind"), N_("KIND") },
    { "brief", 0, 0, G_OPTION_ARG_STRING, &brief_text, N_("Only assets of this brief"), N_("ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  if (!fd_cli_parse (cli, &argc, &argv, entries, "", 0, 0, &status) ||
      !parse_state (state_text, &state, &status) ||
      !parse_kind (kind_text, &kind, &status) ||
      !parse_optional_id (brief_text, _("brief"), &brief_id, &status))
    return status;

  if (!(store = fd_cli_get_store (cli, &error)) ||
      !(assets = fd_asset_list_all (store, &error)))
    return fd_cli_fail (g_steal_pointer (&error));

  json_builder_begin_array (builder);
  for (guint i = 0; i < assets->len; i++)
    {
      FdAsset *asset = g_ptr_array_index (assets, i);

      if ((state && fd_asset_get_state (asset) != state) ||
          (kind && fd_asset_get_kind (asset) != kind) ||
          (brief_id && fd_asset_get_brief_id (asset) != brief_id))
        continue;

      if (!json)
        {
          print_asset_line (asset);
          continue;
        }

      json_builder_begin_object (builder);
      add_asset_members (builder, asset);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (builder);

      fd_cli_print_json (root);
    }

  return FD_CLI_EXIT_OK;
}

static void
print_asset_text (FdAsset   *asset,
                  GPtrArray *versions)
{
  g_autofree char *due = format_day (fd_asset_get_due (asset));

  printf ("%s  (%s %" G_GINT64_FORMAT ")\n", fd_asset_get_name (asset),
          fd_asset_kind_get_display_name (fd_asset_get_kind (asset)), fd_asset_get_id (asset));
  printf (_("  State:     %s"), fd_asset_state_get_display_name (fd_asset_get_state (asset)));
  if (fd_asset_get_state_note (asset))
    printf (" — %s", fd_asset_get_state_note (asset));
  printf ("\n");
  if (fd_asset_get_brief_title (asset))
    printf (_("  Brief:     %s\n"), fd_asset_get_brief_title (asset));
  if (fd_asset_get_campaign (asset))
    printf (_("  Campaign:  %s\n"), fd_asset_get_campaign (asset));
  if (due)
    printf (_("  Due:       %s\n"), due);

  for (guint i = 0; i < fd_asset_get_reviewers (asset)->len; i++)
    {
      FdAssetReviewer *reviewer = g_ptr_array_index (fd_asset_get_reviewers (asset), i);

      printf (_("  Reviewer:  %s (%s): %s\n"), fd_asset_reviewer_get_name (reviewer),
              fd_asset_reviewer_get_required (reviewer) ? _("required") : _("optional"),
              fd_review_decision_get_display_name (fd_asset_reviewer_get_decision (reviewer)));
    }

  for (guint i = 0; i < versions->len; i++)
    {
      FdAssetVersion *version = g_ptr_array_index (versions, i);
      const FdMediaInfo *info = fd_asset_version_get_media_info (version);
      g_autofree char *what = info ? fd_media_info_describe (info)
                                   : g_strdup_printf ("“%s”", fd_asset_version_get_text (version));

      printf (_("  Version %" G_GINT64_FORMAT ": %.12s  %s  by %s\n"),
              fd_asset_version_get_number (version), fd_asset_version_get_sha256 (version),
              what, fd_asset_version_get_created_by_name (version)
                    ? fd_asset_version_get_created_by_name (version)
                    : fd_asset_version_get_created_by (version));
    }
}

static int
cmd_asset_show (FdCli  *cli,
                int     argc,
                char  **argv)
{
  g_autoptr(FdAsset) asset = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *thumbnail_dir = NULL;
  gboolean json = FALSE;
  gint64 asset_id;
  FdStore *store;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  if (!fd_cli_parse (cli, &argc, &argv, entries, "ID", 1, 1, &status) ||
      !parse_asset_id (argv[1], &asset_id, &status))
    return status;

  if (!(store = fd_cli_get_store (cli, &error)) ||
      !(asset = fd_asset_get (store, asset_id, &error)) ||
      !(versions = fd_asset_list_versions (store, asset_id, &error)) ||
      !(reviews = fd_asset_list_reviews (store, asset_id, &error)))
    return fd_cli_fail (g_steal_pointer (&error));

  if (!json)
    {
      print_asset_text (asset, versions);
      return FD_CLI_EXIT_OK;
    }

  thumbnail_dir = fd_workspace_dup_cache_dir (fd_cli_open_workspace (cli, NULL), "thumbnails");

  {
    g_autoptr(JsonBuilder) builder = json_builder_new ();
    g_autoptr(JsonNode) root = NULL;

    json_builder_begin_object (builder);
    add_asset_members (builder, asset);
    json_builder_set_member_name (builder, "versions");
    json_builder_begin_array (builder);
    for (guint i = versions->len; i > 0; i--)
      add_version (builder, g_ptr_array_index (versions, i - 1), thumbnail_dir);
    json_builder_end_array (builder);
    add_reviews (builder, reviews);
    json_builder_end_object (builder);

    root = json_builder_get_root (builder);
    fd_cli_print_json (root);
  }

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
      !parse_asset_id (argv[1], &asset_id, &status) ||
      !parse_state (argv[2], &target, &status))
    return status;

  if (!(store = acting (cli, &person_id, &error)) ||
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
      !parse_asset_id (argv[1], &asset_id, &status))
    return status;

  if (!(store = acting (cli, &person_id, &error)) ||
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
      !parse_asset_id (argv[1], &asset_id, &status))
    return status;

  if (!(store = fd_cli_get_store (cli, &error)) ||
      !fd_asset_verify_for_upload (store, fd_workspace_get_media_store (fd_cli_open_workspace (cli, NULL)),
                                   asset_id, &version, NULL, &error))
    return fd_cli_fail (g_steal_pointer (&error));

  printf (_("Version %" G_GINT64_FORMAT " is approved and intact: %s\n"),
          fd_asset_version_get_number (version), fd_asset_version_get_sha256 (version));
  return FD_CLI_EXIT_OK;
}

static int
cmd_asset_history (FdCli  *cli,
                   int     argc,
                   char  **argv)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FdAsset) asset = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gboolean json = FALSE;
  gint64 asset_id;
  FdStore *store;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  if (!fd_cli_parse (cli, &argc, &argv, entries, "ID", 1, 1, &status) ||
      !parse_asset_id (argv[1], &asset_id, &status))
    return status;

  if (!(store = fd_cli_get_store (cli, &error)) ||
      !(asset = fd_asset_get (store, asset_id, &error)) ||
      !(events = fd_asset_get_history (store, asset_id, &error)))
    return fd_cli_fail (g_steal_pointer (&error));

  json_builder_begin_array (builder);
  for (guint i = 0; i < events->len; i++)
    {
      FdAuditEvent *event = g_ptr_array_index (events, i);
      g_autofree char *line = fd_asset_describe_event (store, event);
      g_autoptr(GDateTime) at = g_date_time_new_from_unix_local (fd_audit_event_get_at (event) / G_USEC_PER_SEC);
      g_autofree char *when = g_date_time_format (at, "%Y-%m-%d %H:%M");

      if (line == NULL)
        continue;

      if (!json)
        {
          printf ("%s  %s\n", when, line);
          continue;
        }

      json_builder_begin_object (builder);
      add_int (builder, "seq", fd_audit_event_get_seq (event));
      add_int (builder, "at_us", fd_audit_event_get_at (event));
      add_string (builder, "actor", fd_audit_event_get_actor (event));
      add_string (builder, "entity_type", fd_audit_event_get_entity_type (event));
      add_string (builder, "entity_id", fd_audit_event_get_entity_id (event));
      add_string (builder, "action", fd_audit_event_get_action (event));
      add_string (builder, "description", line);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (builder);

      fd_cli_print_json (root);
    }

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
      !parse_optional_id (brief_text, _("brief"), &brief_id, &status))
    return status;

  if (g_str_equal (argv[1], "create") && argc == 3)
    {
      if (!(store = acting (cli, &person_id, &error)) ||
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
          add_int (builder, "id", fd_asset_group_get_id (group));
          add_string (builder, "name", fd_asset_group_get_name (group));
          add_optional_int (builder, "brief_id", fd_asset_group_get_brief_id (group));
          add_int (builder, "n_assets", fd_asset_group_get_n_assets (group));
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

static int
cmd_review (FdCli  *cli,
            int     argc,
            char  **argv)
{
  g_autofree char *feedback = NULL;
  g_autoptr(GError) error = NULL;
  FdAssetState state = FD_ASSET_STATE_NONE;
  FdReviewDecision decision;
  gint64 asset_id, person_id;
  FdStore *store;
  int status;
  const GOptionEntry entries[] = {
    { "feedback", 0, 0, G_OPTION_ARG_STRING, &feedback, N_("What should change, or the comment"), N_("TEXT") },
    { NULL }
  };

  if (!fd_cli_parse (cli, &argc, &argv, entries, "ID approve|request-changes|comment", 2, 2, &status) ||
      !parse_asset_id (argv[1], &asset_id, &status))
    return status;

  if (g_str_equal (argv[2], "approve"))
    decision = FD_REVIEW_DECISION_APPROVED;
  else if (g_str_equal (argv[2], "request-changes"))
    decision = FD_REVIEW_DECISION_CHANGES_REQUESTED;
  else if (g_str_equal (argv[2], "comment"))
    decision = FD_REVIEW_DECISION_COMMENT;
  else
    return fd_cli_usage (_("“%s” is not a review; use approve, request-changes or comment."), argv[2]);

  if (!(store = acting (cli, &person_id, &error)) ||
      !fd_asset_review (store, person_id, asset_id, decision, feedback, &state, &error))
    return fd_cli_fail (g_steal_pointer (&error));

  printf ("%" G_GINT64_FORMAT " %s\n", asset_id, fd_asset_state_to_string (state));
  return FD_CLI_EXIT_OK;
}

static gboolean
resolve_people (FdStore     *store,
                const char  *list,
                GArray      *ids,
                GError     **error)
{
  g_auto(GStrv) names = NULL;

  if (list == NULL)
    return TRUE;

  names = g_strsplit (list, ",", -1);
  for (guint i = 0; names[i]; i++)
    {
      g_autoptr(FdPerson) person = NULL;
      gint64 id;

      if (*g_strstrip (names[i]) == '\0')
        continue;
      if (!(person = fd_roster_find (store, names[i], error)))
        return FALSE;

      id = fd_person_get_id (person);
      g_array_append_val (ids, id);
    }

  return TRUE;
}

static int
cmd_policy_set (FdCli  *cli,
                int     argc,
                char  **argv)
{
  g_autofree char *required_text = NULL;
  g_autofree char *optional_text = NULL;
  g_autoptr(GArray) required = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) optional = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  FdAssetKind kind;
  gint64 person_id;
  FdStore *store;
  int status;
  const GOptionEntry entries[] = {
    { "required", 0, 0, G_OPTION_ARG_STRING, &required_text, N_("Whose approval is required (comma list)"), N_("P1,P2") },
    { "optional", 0, 0, G_OPTION_ARG_STRING, &optional_text, N_("Who may review without deciding (comma list)"), N_("P3") },
    { NULL }
  };

  if (!fd_cli_parse (cli, &argc, &argv, entries, "KIND --required P1,P2 [--optional P3]",
                     1, 1, &status) ||
      !parse_kind (argv[1], &kind, &status))
    return status;

  if (required_text == NULL)
    return fd_cli_usage (_("policy set needs --required: whose approval an asset needs."));

  if (!(store = acting (cli, &person_id, &error)) ||
      !resolve_people (store, required_text, required, &error) ||
      !resolve_people (store, optional_text, optional, &error) ||
      !fd_reviewer_policy_set (store, person_id, kind,
                               (const gint64 *)required->data, required->len,
                               (const gint64 *)optional->data, optional->len, &error))
    return fd_cli_fail (g_steal_pointer (&error));

  return FD_CLI_EXIT_OK;
}

static int
cmd_policy_list (FdCli  *cli,
                 int     argc,
                 char  **argv)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
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

  if (!(store = fd_cli_get_store (cli, &error)))
    return fd_cli_fail (g_steal_pointer (&error));

  json_builder_begin_object (builder);
  for (FdAssetKind kind = FD_ASSET_KIND_VIDEO; kind <= FD_ASSET_N_KINDS; kind++)
    {
      g_autoptr(GPtrArray) reviewers = fd_reviewer_policy_get (store, kind, &error);
      g_autofree char *required = NULL;
      g_autofree char *optional = NULL;
      GString *names[2] = { g_string_new (NULL), g_string_new (NULL) };

      if (reviewers == NULL)
        {
          g_string_free (names[0], TRUE);
          g_string_free (names[1], TRUE);
          return fd_cli_fail (g_steal_pointer (&error));
        }

      json_builder_set_member_name (builder, fd_asset_kind_to_string (kind));
      json_builder_begin_object (builder);
      for (int r = 1; r >= 0; r--)
        {
          json_builder_set_member_name (builder, r ? "required" : "optional");
          json_builder_begin_array (builder);
          for (guint i = 0; i < reviewers->len; i++)
            {
              FdAssetReviewer *reviewer = g_ptr_array_index (reviewers, i);

              if (fd_asset_reviewer_get_required (reviewer) != r)
                continue;
              json_builder_begin_object (builder);
              add_int (builder, "person_id", fd_asset_reviewer_get_person_id (reviewer));
              add_string (builder, "name", fd_asset_reviewer_get_name (reviewer));
              json_builder_end_object (builder);
              g_string_append_printf (names[r], "%s%s", names[r]->len ? ", " : "",
                                      fd_asset_reviewer_get_name (reviewer));
            }
          json_builder_end_array (builder);
        }
      json_builder_end_object (builder);

      required = g_string_free (names[1], FALSE);
      optional = g_string_free (names[0], FALSE);
      if (!json)
        printf ("%-14s %s: %s%s%s%s\n", fd_asset_kind_to_string (kind), _("required"),
                *required ? required : "—", *optional ? "; " : "",
                *optional ? _("optional: ") : "", optional);
    }
  json_builder_end_object (builder);

  if (json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (builder);

      fd_cli_print_json (root);
    }

  return FD_CLI_EXIT_OK;
}

/* The demo step: the creatives, and what the board shows of them. */
gboolean
fd_cli_demo_assets (FdWorkspace  *workspace,
                    GError      **error)
{
  g_autoptr(GPtrArray) assets = NULL;
  guint per_state[FD_ASSET_N_STATES + 1] = { 0 };
  guint n_assets = 0;

  if (!fd_demo_creatives_populate (workspace, &n_assets, error) ||
      !(assets = fd_asset_list_all (fd_workspace_get_store (workspace), error)))
    return FALSE;

  for (guint i = 0; i < assets->len; i++)
    per_state[fd_asset_get_state (g_ptr_array_index (assets, i))]++;

  printf (_("  Assets:      %u\n"), assets->len);
  for (FdAssetState state = FD_ASSET_STATE_DRAFT; state <= FD_ASSET_N_STATES; state++)
    printf ("               · %-20s %u\n", fd_asset_state_get_display_name (state), per_state[state]);

  return TRUE;
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
  { "asset", "list", "[--state S] [--kind K] [--brief ID] [--json]", N_("List assets"), cmd_asset_list },
  { "asset", "show", "ID [--json]", N_("Show an asset, its versions and its reviewers"), cmd_asset_show },
  { "asset", "move", "ID STATE [--reason TEXT]", N_("Ask for a state change"), cmd_asset_move },
  { "asset", "upload", "ID", N_("Check the approved file's hash and mark the asset uploaded"), cmd_asset_upload },
  { "asset", "verify", "ID", N_("Check that the approved version's stored file is intact"), cmd_asset_verify },
  { "asset", "history", "ID [--json]", N_("Print an asset's history from the audit log"), cmd_asset_history },
  { "asset", "group", "create NAME [--brief ID] | list [--json]",
    N_("Create or list dynamic-creative groups"), cmd_asset_group },
  { NULL, "review", "ID approve|request-changes|comment [--feedback TEXT]",
    N_("Approve, request changes or comment, as a reviewer"), cmd_review },
  { "policy", "set", "KIND --required P1,P2 [--optional P3]", N_("Set who reviews a kind of asset"), cmd_policy_set },
  { "policy", "list", "[--json]", N_("Show the reviewer policies"), cmd_policy_list },
  { NULL }
};
