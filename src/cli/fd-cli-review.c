/* fd-cli-review.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "flightdeck-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "fd-asset-query.h"
#include "fd-asset-workflow.h"
#include "fd-cli-assets.h"
#include "fd-demo-creatives.h"
#include "fd-reviewer-policy.h"
#include "fd-roster.h"

/* review, policy set|list, and the demo step of the creatives. */

static gboolean
uses_comment_options (const FdCliReviewOptions *options)
{
  return options->frame || options->range || options->at || options->rect ||
         options->freehand || options->chars || options->version || options->reason;
}

int
fd_cli_review (FdCli  *cli,
               int     argc,
               char  **argv)
{
  g_auto(FdCliReviewOptions) options = { 0 };
  g_autoptr(GError) error = NULL;
  FdAssetState state = FD_ASSET_STATE_NONE;
  FdReviewDecision decision;
  gint64 asset_id, person_id;
  FdStore *store;
  int status;
  const GOptionEntry entries[] = {
    { "feedback", 0, 0, G_OPTION_ARG_STRING, &options.feedback, N_("What should change, or the comment"), N_("TEXT") },
    { "frame", 0, 0, G_OPTION_ARG_STRING, &options.frame, N_("Comment: on this frame (from 0)"), N_("N") },
    { "at", 0, 0, G_OPTION_ARG_STRING, &options.at, N_("Comment: on the frame at this timecode"), N_("HH:MM:SS:FF") },
    { "range", 0, 0, G_OPTION_ARG_STRING, &options.range, N_("Comment: on these frames (numbers or timecodes)"), N_("A-B") },
    { "rect", 0, 0, G_OPTION_ARG_STRING, &options.rect, N_("Comment: a box on the frame (0–1 of the picture)"), N_("X,Y,W,H") },
    { "freehand", 0, 0, G_OPTION_ARG_STRING, &options.freehand, N_("Comment: a stroke on the frame (0–1)"), N_("X,Y,X,Y…") },
    { "chars", 0, 0, G_OPTION_ARG_STRING, &options.chars, N_("Comment on text: these characters, from 0, end excluded"), N_("A-B") },
    { "version", 0, 0, G_OPTION_ARG_STRING, &options.version, N_("Comment or override: this version (default: current / under review)"), N_("N") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &options.reason, N_("Override: why the failed check may be ignored"), N_("TEXT") },
    { NULL }
  };

  if (!fd_cli_parse (cli, &argc, &argv, entries,
                     "ID approve|request-changes|comment|reply|edit|resolve|reopen|override [COMMENT|PLACEMENT]",
                     2, 3, &status) ||
      !fd_cli_parse_asset_id (argv[1], &asset_id, &status))
    return status;

  if (g_str_equal (argv[2], "approve"))
    decision = FD_REVIEW_DECISION_APPROVED;
  else if (g_str_equal (argv[2], "request-changes"))
    decision = FD_REVIEW_DECISION_CHANGES_REQUESTED;
  else
    return fd_cli_review_comments (cli, asset_id, argv[2], argc > 3 ? argv[3] : NULL, &options);

  if (argc > 3 || uses_comment_options (&options))
    return fd_cli_usage (_("review %s takes only --feedback."), argv[2]);

  if (!(store = fd_cli_acting (cli, &person_id, &error)) ||
      !fd_asset_review (store, person_id, asset_id, decision, options.feedback, &state, &error))
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

int
fd_cli_policy_set (FdCli  *cli,
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
      !fd_cli_parse_kind (argv[1], &kind, &status))
    return status;

  if (required_text == NULL)
    return fd_cli_usage (_("policy set needs --required: whose approval an asset needs."));

  if (!(store = fd_cli_acting (cli, &person_id, &error)) ||
      !resolve_people (store, required_text, required, &error) ||
      !resolve_people (store, optional_text, optional, &error) ||
      !fd_reviewer_policy_set (store, person_id, kind,
                               (const gint64 *)required->data, required->len,
                               (const gint64 *)optional->data, optional->len, &error))
    return fd_cli_fail (g_steal_pointer (&error));

  return FD_CLI_EXIT_OK;
}

int
fd_cli_policy_list (FdCli  *cli,
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
              fd_cli_json_add_int (builder, "person_id", fd_asset_reviewer_get_person_id (reviewer));
              fd_cli_json_add_string (builder, "name", fd_asset_reviewer_get_name (reviewer));
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
