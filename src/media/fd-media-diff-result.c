/* fd-media-diff-result.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-media-diff"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "fd-media-diff-result.h"
#include "fd-media-error.h"

/* What a comparison of two versions found: the per-frame scores and the
 * changed time ranges, and its JSON form (the CLI's output, the cache's
 * files). */

G_DEFINE_BOXED_TYPE (FdMediaDiffResult, fd_media_diff_result,
                     fd_media_diff_result_copy, fd_media_diff_result_free)

/**
 * fd_media_diff_result_new:
 *
 * Returns: (transfer full): an empty result
 */
FdMediaDiffResult *
fd_media_diff_result_new (void)
{
  FdMediaDiffResult *self = g_new0 (FdMediaDiffResult, 1);

  self->scores = g_array_new (FALSE, FALSE, sizeof (float));
  self->ranges = g_array_new (FALSE, FALSE, sizeof (FdChangeRange));
  return self;
}

FdMediaDiffResult *
fd_media_diff_result_copy (const FdMediaDiffResult *self)
{
  FdMediaDiffResult *copy = g_memdup2 (self, sizeof *self);

  copy->scores = g_array_copy (self->scores);
  copy->ranges = g_array_copy (self->ranges);
  return copy;
}

void
fd_media_diff_result_free (FdMediaDiffResult *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->scores);
  g_array_unref (self->ranges);
  g_free (self);
}

/**
 * fd_media_diff_result_to_json:
 * @with_scores: include the per-frame scores (the cache does; the CLI
 *   does not)
 *
 * Returns: (transfer full): {"fps", "frames_compared", "offset",
 *   "threshold", "block_threshold", "changed": [{"start", "end",
 *   "first_frame", "last_frame", "peak"}], "scores"?}
 */
JsonNode *
fd_media_diff_result_to_json (const FdMediaDiffResult *self,
                              gboolean                 with_scores)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "fps");
  json_builder_add_double_value (builder, self->fps);
  json_builder_set_member_name (builder, "frames_compared");
  json_builder_add_int_value (builder, self->frames_compared);
  json_builder_set_member_name (builder, "offset");
  json_builder_add_int_value (builder, self->offset);
  json_builder_set_member_name (builder, "threshold");
  json_builder_add_double_value (builder, self->threshold);
  json_builder_set_member_name (builder, "block_threshold");
  json_builder_add_int_value (builder, self->block_threshold);
  json_builder_set_member_name (builder, "changed");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->ranges->len; i++)
    {
      const FdChangeRange *r = &g_array_index (self->ranges, FdChangeRange, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "start");
      json_builder_add_double_value (builder, round (r->start * 1e6) / 1e6);
      json_builder_set_member_name (builder, "end");
      json_builder_add_double_value (builder, round (r->end * 1e6) / 1e6);
      json_builder_set_member_name (builder, "first_frame");
      json_builder_add_int_value (builder, r->first_frame);
      json_builder_set_member_name (builder, "last_frame");
      json_builder_add_int_value (builder, r->last_frame);
      json_builder_set_member_name (builder, "peak");
      json_builder_add_double_value (builder, round (r->peak * 1e4) / 1e4);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  if (with_scores)
    {
      json_builder_set_member_name (builder, "scores");
      json_builder_begin_array (builder);
      for (guint i = 0; i < self->scores->len; i++)
        json_builder_add_double_value (builder, g_array_index (self->scores, float, i));
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * fd_media_diff_result_from_json:
 *
 * Reads what fd_media_diff_result_to_json() wrote with the scores.
 *
 * Returns: (transfer full): the result, or %NULL with @error set
 */
FdMediaDiffResult *
fd_media_diff_result_from_json (JsonNode  *node,
                                GError   **error)
{
  g_autoptr(FdMediaDiffResult) self = NULL;
  JsonObject *object;
  JsonArray *changed, *scores;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) ||
      !json_object_has_member (json_node_get_object (node), "changed") ||
      !json_object_has_member (json_node_get_object (node), "scores"))
    {
      g_set_error (error, FD_MEDIA_ERROR, FD_MEDIA_ERROR_FAILED, _("The stored comparison is not valid."));
      return NULL;
    }

  object = json_node_get_object (node);
  self = fd_media_diff_result_new ();
  self->fps = json_object_get_double_member_with_default (object, "fps", 0);
  self->frames_compared = json_object_get_int_member_with_default (object, "frames_compared", 0);
  self->offset = json_object_get_int_member_with_default (object, "offset", 0);
  self->threshold = json_object_get_double_member_with_default (object, "threshold", 0);
  self->block_threshold = json_object_get_int_member_with_default (object, "block_threshold", 0);

  changed = json_object_get_array_member (object, "changed");
  for (guint i = 0; changed && i < json_array_get_length (changed); i++)
    {
      JsonObject *o = json_array_get_object_element (changed, i);
      FdChangeRange r = { 0 };

      if (o == NULL)
        continue;
      r.start = json_object_get_double_member_with_default (o, "start", 0);
      r.end = json_object_get_double_member_with_default (o, "end", 0);
      r.first_frame = json_object_get_int_member_with_default (o, "first_frame", 0);
      r.last_frame = json_object_get_int_member_with_default (o, "last_frame", 0);
      r.peak = json_object_get_double_member_with_default (o, "peak", 0);
      g_array_append_val (self->ranges, r);
    }

  scores = json_object_get_array_member (object, "scores");
  for (guint i = 0; scores && i < json_array_get_length (scores); i++)
    {
      float score = (float)json_array_get_double_element (scores, i);

      g_array_append_val (self->scores, score);
    }

  return g_steal_pointer (&self);
}
