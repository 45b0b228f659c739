/* fd-cli-media.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "flightdeck-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "fd-asset-diff.h"
#include "fd-cli-private.h"
#include "fd-media-diff.h"
#include "fd-media-probe.h"
#include "fd-placement.h"

/* media probe FILE, media diff A B: what a file holds and how it fares
 * against Meta's placements; where two versions differ in time. Bad media
 * ends with the media layer's one-line message and exit status 1. */

static void
print_checks (GPtrArray *checks)
{
  for (guint i = 0; i < checks->len; i++)
    {
      const FdPlacementCheck *check = g_ptr_array_index (checks, i);

      printf ("  %-8s %s\n", fd_placement_get_title (check->placement),
              fd_placement_result_get_title (check->result));
      for (guint r = 0; r < check->reasons->len; r++)
        printf ("           %s\n", (const char *)g_ptr_array_index (check->reasons, r));
    }
}

static int
cmd_media_probe (FdCli  *cli,
                 int     argc,
                 char  **argv)
{
  g_autoptr(FdMediaInfo) info = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  if (!fd_cli_parse (cli, &argc, &argv, entries, "FILE", 1, 1, &status))
    return status;

  if (!(info = fd_media_probe_file (argv[1], NULL, &error)))
    return fd_cli_fail (g_steal_pointer (&error));

  checks = fd_placement_check_all (info);

  if (json)
    {
      g_autoptr(JsonNode) root = fd_media_info_to_json (info);

      json_object_set_member (json_node_get_object (root), "placements",
                              fd_placement_checks_to_json (checks));
      fd_cli_print_json (root);
    }
  else
    {
      g_autofree char *line = fd_media_info_describe (info);

      printf ("%s\n%s\n", line, _("Placements:"));
      print_checks (checks);
    }

  return FD_CLI_EXIT_OK;
}

static char *
format_seconds (double seconds)
{
  int minutes = (int)(seconds / 60);

  return g_strdup_printf ("%d:%06.3f", minutes, seconds - minutes * 60);
}

static void
print_diff (const FdMediaDiffResult *result)
{
  printf (g_dngettext (GETTEXT_PACKAGE, "Compared %lld frame at %.4g fps: ",
                       "Compared %lld frames at %.4g fps: ", result->frames_compared),
          (long long)result->frames_compared, result->fps);

  if (result->ranges->len == 0)
    {
      printf ("%s\n", _("no changes."));
      return;
    }

  printf (g_dngettext (GETTEXT_PACKAGE, "%u changed range.\n", "%u changed ranges.\n",
                       result->ranges->len), result->ranges->len);
  for (guint i = 0; i < result->ranges->len; i++)
    {
      const FdChangeRange *r = &g_array_index (result->ranges, FdChangeRange, i);
      g_autofree char *start = format_seconds (r->start);
      g_autofree char *end = format_seconds (r->end);

      printf (_("  %s – %s  (frames %lld–%lld, up to %.1f %% of the picture changed)\n"),
              start, end, (long long)r->first_frame, (long long)r->last_frame, r->peak * 100);
    }
}

static int
cmd_media_diff (FdCli  *cli,
                int     argc,
                char  **argv)
{
  g_autoptr(FdMediaDiff) diff = NULL;
  g_autoptr(FdMediaDiffResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cache_dir = NULL;
  gboolean json = FALSE;
  int offset = 0;
  double threshold = FD_MEDIA_DIFF_DEFAULT_THRESHOLD * 100;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "offset", 0, 0, G_OPTION_ARG_INT, &offset, N_("B’s frame shown with A’s first frame"), N_("FRAMES") },
    { "threshold", 0, 0, G_OPTION_ARG_DOUBLE, &threshold,
      N_("Percent of a frame (in 8×8 blocks) that must change (default 0.4)"), N_("PERCENT") },
    { NULL }
  };

  if (!fd_cli_parse (cli, &argc, &argv, entries, "A B", 2, 2, &status))
    return status;

  if (threshold <= 0 || threshold > 100)
    return fd_cli_usage (_("--threshold must be between 0 and 100 percent."));

  diff = fd_media_diff_new (argv[1], argv[2]);
  fd_media_diff_set_offset (diff, offset);
  fd_media_diff_set_threshold (diff, threshold / 100);

  /* With a workspace, results are cached with its other derived data. */
  if (fd_cli_get_workspace_path (cli) != NULL)
    {
      FdWorkspace *workspace = fd_cli_open_workspace (cli, &error);

      if (workspace == NULL)
        return fd_cli_fail (g_steal_pointer (&error));
      cache_dir = fd_workspace_dup_cache_dir (workspace, "diff");
      fd_media_diff_set_cache (diff, cache_dir, NULL, NULL);
    }

  if (!(result = fd_media_diff_run (diff, NULL, &error)))
    return fd_cli_fail (g_steal_pointer (&error));

  if (json)
    {
      g_autoptr(JsonNode) root = fd_media_diff_result_to_json (result, FALSE);

      fd_cli_print_json (root);
    }
  else
    print_diff (result);

  return FD_CLI_EXIT_OK;
}

static gboolean
parse_version_number (const char *text,
                      gint64     *number,
                      int        *status)
{
  if (fd_cli_parse_id (text, number))
    return TRUE;

  *status = fd_cli_usage (_("“%s” is not a version number."), text);
  return FALSE;
}

/* asset diff: media diff on two versions of an asset, cached under their
 * SHA-256 in the workspace (fd-asset-diff.c). */
static int
cmd_asset_diff (FdCli  *cli,
                int     argc,
                char  **argv)
{
  g_autoptr(FdMediaDiff) diff = NULL;
  g_autoptr(FdMediaDiffResult) result = NULL;
  g_autoptr(GError) error = NULL;
  FdWorkspace *workspace;
  gboolean json = FALSE;
  gint64 asset_id, version_a, version_b;
  int offset = 0;
  double threshold = FD_MEDIA_DIFF_DEFAULT_THRESHOLD * 100;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "offset", 0, 0, G_OPTION_ARG_INT, &offset, N_("B’s frame shown with A’s first frame"), N_("FRAMES") },
    { "threshold", 0, 0, G_OPTION_ARG_DOUBLE, &threshold,
      N_("Percent of a frame (in 8×8 blocks) that must change (default 0.4)"), N_("PERCENT") },
    { NULL }
  };

  if (!fd_cli_parse (cli, &argc, &argv, entries, "ID VERSION_A VERSION_B", 3, 3, &status))
    return status;

  if (!fd_cli_parse_id (argv[1], &asset_id))
    return fd_cli_usage (_("“%s” is not an asset id."), argv[1]);
  if (!parse_version_number (argv[2], &version_a, &status) ||
      !parse_version_number (argv[3], &version_b, &status))
    return status;
  if (threshold <= 0 || threshold > 100)
    return fd_cli_usage (_("--threshold must be between 0 and 100 percent."));

  if (!(workspace = fd_cli_open_workspace (cli, &error)) ||
      !(diff = fd_asset_diff_new_for_workspace (workspace, asset_id, version_a, version_b, &error)))
    return fd_cli_fail (g_steal_pointer (&error));

  fd_media_diff_set_offset (diff, offset);
  fd_media_diff_set_threshold (diff, threshold / 100);

  if (!(result = fd_media_diff_run (diff, NULL, &error)))
    return fd_cli_fail (g_steal_pointer (&error));

  if (json)
    {
      g_autoptr(JsonNode) root = fd_media_diff_result_to_json (result, FALSE);

      fd_cli_print_json (root);
    }
  else
    print_diff (result);

  return FD_CLI_EXIT_OK;
}

const FdCliCommand fd_cli_media_commands[] = {
  { "media", "probe", "FILE [--json]", N_("Show what a media file holds and how it fits Meta’s placements"),
    cmd_media_probe },
  { "media", "diff", "A B [--json] [--offset FRAMES] [--threshold PERCENT]",
    N_("List the time ranges where two versions of a video differ"), cmd_media_diff },
  { "asset", "diff", "ID VERSION_A VERSION_B [--json] [--offset FRAMES] [--threshold PERCENT]",
    N_("Compare two versions of an asset (cached by their hashes)"), cmd_asset_diff },
  { NULL }
};
