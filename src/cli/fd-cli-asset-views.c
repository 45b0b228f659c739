/* fd-cli-asset-views.c
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
#include "fd-cli-assets.h"
#include "fd-comment-catalog.h"
#include "fd-placement-gate.h"

/* asset list, show, history: what scripts read, as text or JSON. */

void
fd_cli_json_add_string (JsonBuilder *builder,
                        const char  *name,
                        const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
fd_cli_json_add_int (JsonBuilder *builder,
                     const char  *name,
                     gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

void
fd_cli_json_add_optional_int (JsonBuilder *builder,
                              const char  *name,
                              gint64       value)
{
  json_builder_set_member_name (builder, name);
  if (value != 0)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
fd_cli_json_add_reviewers (JsonBuilder *builder,
                           GPtrArray   *reviewers)
{
  json_builder_set_member_name (builder, "reviewers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < reviewers->len; i++)
    {
      FdAssetReviewer *reviewer = g_ptr_array_index (reviewers, i);
      FdReviewDecision decision = fd_asset_reviewer_get_decision (reviewer);

      json_builder_begin_object (builder);
      fd_cli_json_add_int (builder, "person_id", fd_asset_reviewer_get_person_id (reviewer));
      fd_cli_json_add_string (builder, "name", fd_asset_reviewer_get_name (reviewer));
      json_builder_set_member_name (builder, "required");
      json_builder_add_boolean_value (builder, fd_asset_reviewer_get_required (reviewer));
      fd_cli_json_add_string (builder, "decision",
                  decision != FD_REVIEW_DECISION_NONE ? fd_review_decision_to_string (decision) : NULL);
      fd_cli_json_add_string (builder, "feedback", fd_asset_reviewer_get_feedback (reviewer));
      fd_cli_json_add_optional_int (builder, "decided_us", fd_asset_reviewer_get_decided_us (reviewer));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* The members every asset has, in list and show alike. */
void
fd_cli_json_add_asset (JsonBuilder *builder,
                       FdAsset     *asset)
{
  g_autofree char *due = fd_cli_format_day (fd_asset_get_due (asset));

  fd_cli_json_add_int (builder, "id", fd_asset_get_id (asset));
  fd_cli_json_add_string (builder, "kind", fd_asset_kind_to_string (fd_asset_get_kind (asset)));
  fd_cli_json_add_string (builder, "name", fd_asset_get_name (asset));
  fd_cli_json_add_string (builder, "state", fd_asset_state_to_string (fd_asset_get_state (asset)));
  fd_cli_json_add_int (builder, "version", fd_asset_get_version (asset));
  fd_cli_json_add_string (builder, "sha256", fd_asset_get_sha256 (asset));
  fd_cli_json_add_optional_int (builder, "brief_id", fd_asset_get_brief_id (asset));
  fd_cli_json_add_string (builder, "brief", fd_asset_get_brief_title (asset));
  fd_cli_json_add_optional_int (builder, "group_id", fd_asset_get_group_id (asset));
  fd_cli_json_add_string (builder, "group", fd_asset_get_group_name (asset));
  fd_cli_json_add_string (builder, "campaign", fd_asset_get_campaign (asset));
  fd_cli_json_add_string (builder, "due", due);
  fd_cli_json_add_optional_int (builder, "due_us", fd_asset_get_due (asset));
  fd_cli_json_add_string (builder, "state_note", fd_asset_get_state_note (asset));
  fd_cli_json_add_int (builder, "review_round", fd_asset_get_review_round (asset));
  fd_cli_json_add_int (builder, "review_version", fd_asset_get_review_version (asset));
  fd_cli_json_add_optional_int (builder, "created_by", fd_asset_get_created_by (asset));
  fd_cli_json_add_int (builder, "created_us", fd_asset_get_created (asset));
  fd_cli_json_add_reviewers (builder, fd_asset_get_reviewers (asset));
}

/* Per version: how it fares on each placement (media), and its comments. */
static gboolean
add_review_state (JsonBuilder     *builder,
                  FdStore         *store,
                  FdAssetVersion  *version,
                  GError         **error)
{
  gint64 asset_id = fd_asset_version_get_asset_id (version);
  gint64 number = fd_asset_version_get_number (version);
  g_autoptr(GPtrArray) statuses = fd_asset_get_placement_status (store, asset_id, number, error);
  FdCommentCounts counts = { 0 };

  if (statuses == NULL || !fd_comment_count (store, asset_id, number, &counts, error))
    return FALSE;

  json_builder_set_member_name (builder, "placements");
  json_builder_begin_array (builder);
  for (guint i = 0; i < statuses->len; i++)
    json_builder_add_value (builder, fd_placement_status_to_json (g_ptr_array_index (statuses, i)));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "comments");
  json_builder_begin_object (builder);
  fd_cli_json_add_int (builder, "total", counts.total);
  fd_cli_json_add_int (builder, "threads", counts.threads);
  fd_cli_json_add_int (builder, "open", counts.open);
  fd_cli_json_add_int (builder, "resolved", counts.resolved);
  json_builder_end_object (builder);
  return TRUE;
}

static gboolean
add_version (JsonBuilder     *builder,
             FdStore         *store,
             FdAssetVersion  *version,
             const char      *thumbnail_dir,
             GError         **error)
{
  const FdMediaInfo *info = fd_asset_version_get_media_info (version);

  json_builder_begin_object (builder);
  fd_cli_json_add_int (builder, "number", fd_asset_version_get_number (version));
  fd_cli_json_add_string (builder, "sha256", fd_asset_version_get_sha256 (version));
  fd_cli_json_add_int (builder, "size", fd_asset_version_get_size (version));
  fd_cli_json_add_string (builder, "filename", fd_asset_version_get_filename (version));
  fd_cli_json_add_string (builder, "note", fd_asset_version_get_note (version));
  fd_cli_json_add_string (builder, "created_by", fd_asset_version_get_created_by (version));
  fd_cli_json_add_string (builder, "created_by_name", fd_asset_version_get_created_by_name (version));
  fd_cli_json_add_int (builder, "created_us", fd_asset_version_get_created_us (version));

  if (info != NULL)
    {
      g_autofree char *name = g_strconcat (fd_asset_version_get_sha256 (version), ".png", NULL);
      g_autofree char *png = g_build_filename (thumbnail_dir, name, NULL);

      json_builder_set_member_name (builder, "probe");
      json_builder_add_value (builder, fd_media_info_to_json (info));
      fd_cli_json_add_string (builder, "thumbnail", g_file_test (png, G_FILE_TEST_IS_REGULAR) ? png : NULL);
    }
  else
    fd_cli_json_add_string (builder, "text", fd_asset_version_get_text (version));

  if (!add_review_state (builder, store, version, error))
    return FALSE;

  json_builder_end_object (builder);
  return TRUE;
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
      fd_cli_json_add_int (builder, "version", fd_asset_review_get_version (review));
      fd_cli_json_add_int (builder, "round", fd_asset_review_get_round (review));
      fd_cli_json_add_int (builder, "person_id", fd_asset_review_get_person_id (review));
      fd_cli_json_add_string (builder, "name", fd_asset_review_get_person_name (review));
      fd_cli_json_add_string (builder, "decision",
                  fd_review_decision_to_string (fd_asset_review_get_decision (review)));
      fd_cli_json_add_string (builder, "feedback", fd_asset_review_get_feedback (review));
      fd_cli_json_add_int (builder, "at_us", fd_asset_review_get_at_us (review));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
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

int
fd_cli_asset_list (FdCli  *cli,
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
      !fd_cli_parse_state (state_text, &state, &status) ||
      !fd_cli_parse_kind (kind_text, &kind, &status) ||
      !fd_cli_parse_optional_id (brief_text, _("brief"), &brief_id, &status))
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
      fd_cli_json_add_asset (builder, asset);
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
print_review_state (FdStore        *store,
                    FdAssetVersion *version)
{
  gint64 asset_id = fd_asset_version_get_asset_id (version);
  gint64 number = fd_asset_version_get_number (version);
  g_autoptr(GPtrArray) statuses = fd_asset_get_placement_status (store, asset_id, number, NULL);
  FdCommentCounts counts = { 0 };

  for (guint i = 0; statuses && i < statuses->len; i++)
    {
      FdPlacementStatus *status = g_ptr_array_index (statuses, i);
      const char * const *reasons = fd_placement_status_get_reasons (status);
      g_autofree char *why = g_strjoinv ("; ", (char **)reasons);

      printf ("             %-8s %-8s%s%s%s\n",
              fd_placement_get_title (fd_placement_status_get_placement (status)),
              fd_placement_result_get_title (fd_placement_status_get_result (status)),
              fd_placement_status_get_required (status) ? _(" (required by the brief)") : "",
              *why ? " — " : "", why);
      if (fd_placement_status_get_overridden (status))
        printf (_("                      overridden by %s: “%s”\n"),
                fd_placement_status_get_override_by (status),
                fd_placement_status_get_override_reason (status));
      else if (fd_placement_status_get_blocking (status))
        printf ("                      %s\n", _("blocks the approval"));
    }

  if (fd_comment_count (store, asset_id, number, &counts, NULL) && counts.total > 0)
    printf (_("             Comments: %u (%u open, %u resolved threads)\n"),
            counts.total, counts.open, counts.resolved);
}

static void
print_asset_text (FdStore   *store,
                  FdAsset   *asset,
                  GPtrArray *versions)
{
  g_autofree char *due = fd_cli_format_day (fd_asset_get_due (asset));

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

      printf (_("  Version %lld: %.12s  %s  by %s\n"),
              (long long)fd_asset_version_get_number (version), fd_asset_version_get_sha256 (version),
              what, fd_asset_version_get_created_by_name (version)
                    ? fd_asset_version_get_created_by_name (version)
                    : fd_asset_version_get_created_by (version));
      print_review_state (store, version);
    }
}

int
fd_cli_asset_show (FdCli  *cli,
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
      !fd_cli_parse_asset_id (argv[1], &asset_id, &status))
    return status;

  if (!(store = fd_cli_get_store (cli, &error)) ||
      !(asset = fd_asset_get (store, asset_id, &error)) ||
      !(versions = fd_asset_list_versions (store, asset_id, &error)) ||
      !(reviews = fd_asset_list_reviews (store, asset_id, &error)))
    return fd_cli_fail (g_steal_pointer (&error));

  if (!json)
    {
      print_asset_text (store, asset, versions);
      return FD_CLI_EXIT_OK;
    }

  thumbnail_dir = fd_workspace_dup_cache_dir (fd_cli_open_workspace (cli, NULL), "thumbnails");

  {
    g_autoptr(JsonBuilder) builder = json_builder_new ();
    g_autoptr(JsonNode) root = NULL;

    json_builder_begin_object (builder);
    fd_cli_json_add_asset (builder, asset);
    json_builder_set_member_name (builder, "versions");
    json_builder_begin_array (builder);
    for (guint i = versions->len; i > 0; i--)
      if (!add_version (builder, store, g_ptr_array_index (versions, i - 1), thumbnail_dir, &error))
        return fd_cli_fail (g_steal_pointer (&error));
    json_builder_end_array (builder);
    add_reviews (builder, reviews);
    json_builder_end_object (builder);

    root = json_builder_get_root (builder);
    fd_cli_print_json (root);
  }

  return FD_CLI_EXIT_OK;
}

int
fd_cli_asset_history (FdCli  *cli,
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
      !fd_cli_parse_asset_id (argv[1], &asset_id, &status))
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
      fd_cli_json_add_int (builder, "seq", fd_audit_event_get_seq (event));
      fd_cli_json_add_int (builder, "at_us", fd_audit_event_get_at (event));
      fd_cli_json_add_string (builder, "actor", fd_audit_event_get_actor (event));
      fd_cli_json_add_string (builder, "entity_type", fd_audit_event_get_entity_type (event));
      fd_cli_json_add_string (builder, "entity_id", fd_audit_event_get_entity_id (event));
      fd_cli_json_add_string (builder, "action", fd_audit_event_get_action (event));
      fd_cli_json_add_string (builder, "description", line);
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
