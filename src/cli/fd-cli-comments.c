/* fd-cli-comments.c
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
#include "fd-core-error.h"
#include "fd-placement-gate.h"
#include "fd-timecode.h"

/* review ID comment|reply|edit|resolve|reopen|override, and comment list.
 *
 *   review 3 comment --feedback "Logo too small" --at 00:00:04:12 --rect 0.1,0.1,0.2,0.1
 *   review 3 comment --feedback "Cut this" --range 96-120 --version 2
 *   review 3 reply 12 --feedback "Done in v4"
 *   review 3 resolve 12
 *   review 3 override stories --reason "Feed-only cutdown"
 *   comment list 3 [--version 2] [--json]
 *
 * Frames are numbered from 0; --at and --range take SMPTE timecodes at the
 * version's frame rate (non-drop, 29.97 counts as 30). --rect and
 * --freehand take fractions of the picture (0 at the top left, 1 at the
 * bottom right). comment and reply print the new comment's id. */

void
fd_cli_review_options_clear (FdCliReviewOptions *options)
{
  g_clear_pointer (&options->feedback, g_free);
  g_clear_pointer (&options->frame, g_free);
  g_clear_pointer (&options->at, g_free);
  g_clear_pointer (&options->range, g_free);
  g_clear_pointer (&options->rect, g_free);
  g_clear_pointer (&options->freehand, g_free);
  g_clear_pointer (&options->chars, g_free);
  g_clear_pointer (&options->version, g_free);
  g_clear_pointer (&options->reason, g_free);
}

/*
 * Reading the options
 */

static gboolean
parse_count (const char *text,
             gint64     *value)
{
  char *end = NULL;

  if (text == NULL || !g_ascii_isdigit (*text))
    return FALSE;

  *value = g_ascii_strtoll (text, &end, 10);
  return *end == '\0' && *value >= 0;
}

/* A frame number, or a timecode at @fps. */
static gboolean
parse_frame (const char *text,
             double      fps,
             gint64     *frame)
{
  if (parse_count (text, frame))
    return TRUE;

  return fps > 0 && fd_timecode_parse (text, fps, frame);
}

static gboolean
parse_pair (const char *text,
            double      fps,
            gint64     *first,
            gint64     *last)
{
  g_auto(GStrv) ends = text ? g_strsplit (text, "-", -1) : NULL;

  return ends != NULL && g_strv_length (ends) == 2 &&
         parse_frame (g_strstrip (ends[0]), fps, first) &&
         parse_frame (g_strstrip (ends[1]), fps, last);
}

/* Fractions of the picture, comma-separated: exactly @n of them, or an
 * even number of at least four when @n is 0. */
static GArray *
parse_fractions (const char *text,
                 guint       n)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  for (guint i = 0; parts[i]; i++)
    {
      char *end = NULL;
      double value = g_ascii_strtod (g_strstrip (parts[i]), &end);

      if (end == parts[i] || *end != '\0' || !(value >= 0 && value <= 1))
        return NULL;
      g_array_append_val (values, value);
    }

  if (n ? values->len != n : (values->len < 4 || values->len % 2 != 0))
    return NULL;

  return g_steal_pointer (&values);
}

static FdMarkupShape *
parse_mark (const FdCliReviewOptions  *options,
            int                       *status)
{
  g_autoptr(FdMarkupShape) shape = NULL;
  g_autoptr(GArray) values = NULL;

  if (options->rect && options->freehand)
    {
      *status = fd_cli_usage (_("Draw one mark: --rect or --freehand, not both."));
      return NULL;
    }

  if (options->rect)
    {
      double x, y, w, h;

      if (!(values = parse_fractions (options->rect, 4)))
        {
          *status = fd_cli_usage (_("--rect takes X,Y,W,H as fractions of the picture (0 to 1), "
                                    "for instance 0.1,0.2,0.3,0.25."));
          return NULL;
        }

      x = g_array_index (values, double, 0);
      y = g_array_index (values, double, 1);
      w = g_array_index (values, double, 2);
      h = g_array_index (values, double, 3);
      if (w <= 0 || h <= 0 || x + w > 1.0 + 1e-9 || y + h > 1.0 + 1e-9)
        {
          *status = fd_cli_usage (_("The box %s does not fit in the picture: it needs a width and a "
                                    "height, and X+W and Y+H at most 1."),
                                  options->rect);
          return NULL;
        }

      shape = fd_markup_shape_new (FD_MARKUP_RECTANGLE, NULL);
      fd_markup_shape_add_point (shape, x, y);
      fd_markup_shape_add_point (shape, x + w, y + h);
      return g_steal_pointer (&shape);
    }

  if (!(values = parse_fractions (options->freehand, 0)))
    {
      *status = fd_cli_usage (_("--freehand takes at least two points, X,Y,X,Y…, as fractions of "
                                "the picture (0 to 1)."));
      return NULL;
    }

  shape = fd_markup_shape_new (FD_MARKUP_FREEHAND, NULL);
  for (guint i = 0; i + 1 < values->len; i += 2)
    fd_markup_shape_add_point (shape, g_array_index (values, double, i),
                               g_array_index (values, double, i + 1));
  return g_steal_pointer (&shape);
}

static double
version_fps (FdAssetVersion *version)
{
  const FdMediaInfo *info = version ? fd_asset_version_get_media_info (version) : NULL;

  return info ? fd_media_info_get_fps (info) : 0;
}

/* What --frame, --at, --range, --chars, --rect and --freehand say. Where
 * a frame is past the version's end, fd_comment_add() says so. */
static gboolean
build_anchor (const FdCliReviewOptions  *options,
              FdAssetVersion            *version,
              FdCommentAnchor           *anchor,
              int                       *status)
{
  double fps = version_fps (version);
  int n_frame_options = !!options->frame + !!options->at + !!options->range;

  if (n_frame_options > 1)
    {
      *status = fd_cli_usage (_("Say where once: --frame, --at or --range."));
      return FALSE;
    }

  if (options->frame && !parse_count (options->frame, &anchor->frame_start))
    {
      *status = fd_cli_usage (_("“%s” is not a frame number; frames are counted from 0 (use --at "
                                "for a timecode)."),
                              options->frame);
      return FALSE;
    }

  if (options->at && fps <= 0)
    {
      *status = fd_cli_usage (_("Timecodes need a video with a frame rate; use --frame (a still "
                                "image has frame 0) or --chars on text."));
      return FALSE;
    }

  if (options->at && !parse_frame (options->at, fps, &anchor->frame_start))
    {
      *status = fd_cli_usage (_("“%s” is not a timecode at %.4g fps; write HH:MM:SS:FF."),
                              options->at, fps);
      return FALSE;
    }

  if (options->range && !parse_pair (options->range, fps, &anchor->frame_start, &anchor->frame_end))
    {
      *status = fd_cli_usage (_("--range takes FIRST-LAST, as frame numbers or timecodes: "
                                "96-120, or 00:00:04:00-00:00:05:00."));
      return FALSE;
    }

  if (options->chars && !parse_pair (options->chars, 0, &anchor->text_start, &anchor->text_end))
    {
      *status = fd_cli_usage (_("--chars takes FIRST-END as character positions from 0, the end "
                                "excluded: 0-9 is the first nine characters."));
      return FALSE;
    }

  if ((options->rect || options->freehand) && !(anchor->mark = parse_mark (options, status)))
    return FALSE;

  return TRUE;
}

static gboolean
parse_version (const char  *text,
               gint64      *version,
               int         *status)
{
  *version = 0;
  if (text == NULL || fd_cli_parse_id (text, version))
    return TRUE;

  *status = fd_cli_usage (_("“%s” is not a version number."), text);
  return FALSE;
}

static gboolean
parse_comment_id (const char  *text,
                  const char  *action,
                  gint64      *id,
                  int         *status)
{
  if (text == NULL)
    {
      *status = fd_cli_usage (_("review ID %s needs the comment's id (see “comment list ID”)."), action);
      return FALSE;
    }

  if (fd_cli_parse_id (text, id))
    return TRUE;

  *status = fd_cli_usage (_("“%s” is not a comment id."), text);
  return FALSE;
}

/*
 * The actions
 */

static int
add_comment (FdCli                     *cli,
             gint64                     asset_id,
             const FdCliReviewOptions  *options)
{
  FdCommentAnchor anchor = FD_COMMENT_ANCHOR_INIT;
  g_autoptr(FdAssetVersion) version = NULL;
  g_autoptr(FdAsset) asset = NULL;
  g_autoptr(GError) error = NULL;
  gint64 person_id, number, id;
  FdStore *store;
  int status;

  if (!parse_version (options->version, &number, &status))
    return status;

  if (!(store = fd_cli_acting (cli, &person_id, &error)) ||
      !(asset = fd_asset_get (store, asset_id, &error)))
    return fd_cli_fail (g_steal_pointer (&error));

  if (number == 0)
    number = fd_asset_get_version (asset);
  if (number > 0 && !(version = fd_asset_find_version (store, asset_id, number, &error)))
    return fd_cli_fail (g_steal_pointer (&error));

  if (!build_anchor (options, version, &anchor, &status))
    return status;

  id = fd_comment_add (store, person_id, asset_id, number, &anchor, options->feedback, &error);
  g_clear_object (&anchor.mark);
  if (id == 0)
    return fd_cli_fail (g_steal_pointer (&error));

  printf ("%" G_GINT64_FORMAT "\n", id);
  return FD_CLI_EXIT_OK;
}

static int
override_placement (FdCli                     *cli,
                    gint64                     asset_id,
                    const char                *placement_id,
                    const FdCliReviewOptions  *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdAsset) asset = NULL;
  FdPlacement placement;
  gint64 person_id, version;
  FdStore *store;
  int status;

  if (placement_id == NULL || !fd_placement_from_id (placement_id, &placement))
    return fd_cli_usage (_("review ID override needs a placement: feed, stories or reels."));
  if (options->reason == NULL)
    return fd_cli_usage (_("An override needs --reason: why the failed check may be ignored."));
  if (!parse_version (options->version, &version, &status))
    return status;

  if (!(store = fd_cli_acting (cli, &person_id, &error)) ||
      !fd_asset_override_placement (store, person_id, asset_id, version, placement,
                                    options->reason, &error) ||
      !(asset = fd_asset_get (store, asset_id, &error)))
    return fd_cli_fail (g_steal_pointer (&error));

  printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %s\n", asset_id,
          fd_asset_get_review_version (asset), placement_id);
  return FD_CLI_EXIT_OK;
}

/* reply, edit, resolve, reopen: on a comment of this asset. */
static int
change_comment (FdCli                     *cli,
                gint64                     asset_id,
                const char                *action,
                const char                *arg,
                const FdCliReviewOptions  *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdComment) comment = NULL;
  gboolean with_text = g_str_equal (action, "reply") || g_str_equal (action, "edit");
  gint64 comment_id, person_id, id = 0;
  FdStore *store;
  int status;

  if (!parse_comment_id (arg, action, &comment_id, &status))
    return status;
  if (!with_text && options->feedback)
    return fd_cli_usage (_("review ID %s takes no --feedback; reply to say something."), action);

  if (!(store = fd_cli_acting (cli, &person_id, &error)) ||
      !(comment = fd_comment_get (store, comment_id, &error)))
    return fd_cli_fail (g_steal_pointer (&error));

  if (fd_comment_get_asset_id (comment) != asset_id)
    {
      g_set_error (&error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_FOUND,
                   _("Comment %lld is on asset %lld, not %lld."), (long long)comment_id,
                   (long long)fd_comment_get_asset_id (comment), (long long)asset_id);
      return fd_cli_fail (g_steal_pointer (&error));
    }

  if (g_str_equal (action, "reply"))
    id = fd_comment_reply (store, person_id, comment_id, options->feedback, &error);
  else if (g_str_equal (action, "edit"))
    id = fd_comment_edit (store, person_id, comment_id, options->feedback, &error) ? comment_id : 0;
  else if (g_str_equal (action, "resolve"))
    id = fd_comment_resolve (store, person_id, comment_id, &error) ? fd_comment_get_thread_id (comment) : 0;
  else
    id = fd_comment_reopen (store, person_id, comment_id, &error) ? fd_comment_get_thread_id (comment) : 0;

  if (id == 0)
    return fd_cli_fail (g_steal_pointer (&error));

  if (with_text)
    printf ("%" G_GINT64_FORMAT "\n", id);
  else
    printf ("%" G_GINT64_FORMAT " %s\n", id, g_str_equal (action, "resolve") ? "resolved" : "open");
  return FD_CLI_EXIT_OK;
}

int
fd_cli_review_comments (FdCli                     *cli,
                        gint64                     asset_id,
                        const char                *action,
                        const char                *arg,
                        const FdCliReviewOptions  *options)
{
  gboolean anchored = options->frame || options->at || options->range || options->chars ||
                      options->rect || options->freehand;

  if (g_str_equal (action, "override"))
    {
      if (anchored || options->feedback)
        return fd_cli_usage (_("review ID override takes --reason and --version only."));
      return override_placement (cli, asset_id, arg, options);
    }

  if (options->reason)
    return fd_cli_usage (_("--reason is for overrides; a comment's text is --feedback."));

  if (g_str_equal (action, "comment"))
    {
      if (arg != NULL)
        return fd_cli_usage (_("review ID comment takes no comment id; to answer one, use “review "
                               "ID reply COMMENT”."));
      return add_comment (cli, asset_id, options);
    }

  if (g_str_equal (action, "reply") || g_str_equal (action, "edit") ||
      g_str_equal (action, "resolve") || g_str_equal (action, "reopen"))
    {
      if (anchored || options->version)
        return fd_cli_usage (_("review ID %s points at a comment, not at frames or a version."), action);
      return change_comment (cli, asset_id, action, arg, options);
    }

  return fd_cli_usage (_("“%s” is not a review; use approve, request-changes, comment, reply, edit, "
                         "resolve, reopen or override."),
                       action);
}

/*
 * comment list
 */

static void
add_position (JsonBuilder *builder,
              const char  *name,
              gint64       value)
{
  json_builder_set_member_name (builder, name);
  if (value >= 0)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_comment_json (JsonBuilder *builder,
                  FdComment   *comment)
{
  FdMarkupShape *mark = fd_comment_get_mark (comment);

  json_builder_begin_object (builder);
  fd_cli_json_add_int (builder, "id", fd_comment_get_id (comment));
  fd_cli_json_add_int (builder, "asset_id", fd_comment_get_asset_id (comment));
  fd_cli_json_add_int (builder, "version", fd_comment_get_version (comment));
  fd_cli_json_add_optional_int (builder, "parent_id", fd_comment_get_parent_id (comment));
  fd_cli_json_add_int (builder, "person_id", fd_comment_get_person_id (comment));
  fd_cli_json_add_string (builder, "author", fd_comment_get_author (comment));
  fd_cli_json_add_string (builder, "text", fd_comment_get_text (comment));
  fd_cli_json_add_int (builder, "created_us", fd_comment_get_created (comment));
  fd_cli_json_add_optional_int (builder, "edited_us", fd_comment_get_edited (comment));
  add_position (builder, "frame_start", fd_comment_get_frame_start (comment));
  add_position (builder, "frame_end", fd_comment_get_frame_end (comment));
  add_position (builder, "time_start_us", fd_comment_get_time_start (comment));
  add_position (builder, "time_end_us", fd_comment_get_time_end (comment));
  fd_cli_json_add_string (builder, "timecode", fd_comment_get_timecode (comment));
  add_position (builder, "text_start", fd_comment_get_text_start (comment));
  add_position (builder, "text_end", fd_comment_get_text_end (comment));
  json_builder_set_member_name (builder, "mark");
  if (mark != NULL)
    json_builder_add_value (builder, fd_markup_shape_to_json (mark));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "resolved");
  json_builder_add_boolean_value (builder, fd_comment_get_resolved (comment));
  fd_cli_json_add_optional_int (builder, "resolved_by", fd_comment_get_resolved_by (comment));
  fd_cli_json_add_string (builder, "resolved_by_name", fd_comment_get_resolved_by_name (comment));
  fd_cli_json_add_optional_int (builder, "resolved_us", fd_comment_get_resolved_at (comment));
  fd_cli_json_add_int (builder, "n_replies", fd_comment_get_n_replies (comment));
  json_builder_end_object (builder);
}

static void
print_comment (FdComment *comment)
{
  g_autofree char *where = NULL;
  FdMarkupShape *mark = fd_comment_get_mark (comment);

  if (fd_comment_is_reply (comment))
    {
      printf ("          ↳ #%-4" G_GINT64_FORMAT " %s: %s\n", fd_comment_get_id (comment),
              fd_comment_get_author (comment), fd_comment_get_text (comment));
      return;
    }

  if (fd_comment_get_timecode (comment))
    where = g_strdup (fd_comment_get_timecode (comment));
  else if (fd_comment_get_text_start (comment) >= 0)
    where = g_strdup_printf (_("chars %lld–%lld"), (long long)fd_comment_get_text_start (comment),
                             (long long)fd_comment_get_text_end (comment));
  else if (fd_comment_has_frames (comment))
    where = g_strdup_printf (_("frame %lld"), (long long)fd_comment_get_frame_start (comment));
  else
    where = g_strdup (_("whole version"));

  printf ("v%-3" G_GINT64_FORMAT " #%-4" G_GINT64_FORMAT " %-25s %-9s %s: %s%s\n",
          fd_comment_get_version (comment), fd_comment_get_id (comment), where,
          fd_comment_get_resolved (comment) ? _("resolved") : _("open"),
          fd_comment_get_author (comment), fd_comment_get_text (comment),
          mark == NULL ? ""
          : fd_markup_shape_get_kind (mark) == FD_MARKUP_RECTANGLE ? _("  [box]") : _("  [drawing]"));
}

static int
cmd_comment_list (FdCli  *cli,
                  int     argc,
                  char  **argv)
{
  g_autofree char *version_text = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(FdAsset) asset = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  gboolean open_only = FALSE;
  gint64 asset_id, version;
  FdStore *store;
  int status;
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_STRING, &version_text, N_("Only this version's comments"), N_("N") },
    { "open", 0, 0, G_OPTION_ARG_NONE, &open_only, N_("Only threads not resolved"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  if (!fd_cli_parse (cli, &argc, &argv, entries, "ID", 1, 1, &status) ||
      !fd_cli_parse_asset_id (argv[1], &asset_id, &status) ||
      !parse_version (version_text, &version, &status))
    return status;

  if (!(store = fd_cli_get_store (cli, &error)) ||
      !(asset = fd_asset_get (store, asset_id, &error)) ||
      !(comments = version ? fd_comment_list_for_version (store, asset_id, version, &error)
                           : fd_comment_list_for_asset (store, asset_id, &error)))
    return fd_cli_fail (g_steal_pointer (&error));

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < comments->len; i++)
        if (!open_only || !fd_comment_get_resolved (g_ptr_array_index (comments, i)))
          add_comment_json (builder, g_ptr_array_index (comments, i));
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      fd_cli_print_json (root);
      return FD_CLI_EXIT_OK;
    }

  for (guint i = 0; i < comments->len; i++)
    if (!open_only || !fd_comment_get_resolved (g_ptr_array_index (comments, i)))
      print_comment (g_ptr_array_index (comments, i));

  return FD_CLI_EXIT_OK;
}

const FdCliCommand fd_cli_comments_commands[] = {
  { "comment", "list", "ID [--version N] [--open] [--json]",
    N_("List an asset's comments: by version, then frame; replies under their thread"), cmd_comment_list },
  { NULL }
};
