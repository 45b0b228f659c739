/* fd-media-info.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-media-info"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "fd-core-error.h"
#include "fd-media-info.h"

G_DEFINE_BOXED_TYPE (FdMediaInfo, fd_media_info, fd_media_info_copy, fd_media_info_free)

FdMediaInfo *
fd_media_info_new (void)
{
  FdMediaInfo *self = g_new0 (FdMediaInfo, 1);

  self->par_n = 1;
  self->par_d = 1;
  self->fps_d = 1;

  return self;
}

FdMediaInfo *
fd_media_info_copy (const FdMediaInfo *self)
{
  FdMediaInfo *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->container = g_strdup (self->container);
  copy->mime_type = g_strdup (self->mime_type);
  copy->video_codec = g_strdup (self->video_codec);
  copy->audio_codec = g_strdup (self->audio_codec);

  return copy;
}

void
fd_media_info_free (FdMediaInfo *self)
{
  if (self == NULL)
    return;

  g_free (self->container);
  g_free (self->mime_type);
  g_free (self->video_codec);
  g_free (self->audio_codec);
  g_free (self);
}

gboolean
fd_media_info_has_audio (const FdMediaInfo *self)
{
  return self->audio_codec != NULL;
}

/**
 * fd_media_info_get_fps:
 *
 * Returns: frames per second, 0 for a still image
 */
double
fd_media_info_get_fps (const FdMediaInfo *self)
{
  if (self->fps_n <= 0 || self->fps_d <= 0)
    return 0;

  return (double)self->fps_n / self->fps_d;
}

/**
 * fd_media_info_get_display_width:
 *
 * Returns: the width as shown, after the pixel aspect ratio
 */
int
fd_media_info_get_display_width (const FdMediaInfo *self)
{
  if (self->par_n <= 0 || self->par_d <= 0)
    return self->width;

  return (int)llround ((double)self->width * self->par_n / self->par_d);
}

/**
 * fd_media_info_get_aspect:
 *
 * Returns: the display aspect ratio (width / height), 0 when unknown
 */
double
fd_media_info_get_aspect (const FdMediaInfo *self)
{
  if (self->height <= 0)
    return 0;

  return (double)fd_media_info_get_display_width (self) / self->height;
}

/**
 * fd_media_info_get_frame_count:
 *
 * Returns: the number of frames the duration holds at the frame rate
 */
gint64
fd_media_info_get_frame_count (const FdMediaInfo *self)
{
  if (self->is_image)
    return 1;
  if (self->fps_n <= 0 || self->fps_d <= 0)
    return 0;

  return (gint64)llround ((double)self->duration_us * self->fps_n /
                          ((double)self->fps_d * G_USEC_PER_SEC));
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value)
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

/**
 * fd_media_info_to_json:
 *
 * The shape `flightdeck-cli media probe --json` prints and versions store:
 * `duration` is in seconds and `size` in bytes; `fps` is rounded for
 * people, `fps_n`/`fps_d` and `duration_us` are exact.
 *
 * Returns: (transfer full): a JSON object
 */
JsonNode *
fd_media_info_to_json (const FdMediaInfo *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_string (builder, "container", self->container);
  add_string (builder, "mime_type", self->mime_type);
  add_string (builder, "video_codec", self->video_codec);
  add_string (builder, "audio_codec", self->audio_codec);
  add_int (builder, "width", self->width);
  add_int (builder, "height", self->height);
  add_int (builder, "par_n", self->par_n);
  add_int (builder, "par_d", self->par_d);
  json_builder_set_member_name (builder, "fps");
  json_builder_add_double_value (builder, round (fd_media_info_get_fps (self) * 1000) / 1000);
  add_int (builder, "fps_n", self->fps_n);
  add_int (builder, "fps_d", self->fps_d);
  json_builder_set_member_name (builder, "duration");
  json_builder_add_double_value (builder, (double)self->duration_us / G_USEC_PER_SEC);
  add_int (builder, "duration_us", self->duration_us);
  add_int (builder, "frames", fd_media_info_get_frame_count (self));
  add_int (builder, "bitrate", self->bitrate);
  add_int (builder, "size", self->size_bytes);
  json_builder_set_member_name (builder, "has_audio");
  json_builder_add_boolean_value (builder, fd_media_info_has_audio (self));
  add_int (builder, "audio_channels", self->audio_channels);
  add_int (builder, "audio_rate", self->audio_rate);
  json_builder_set_member_name (builder, "is_image");
  json_builder_add_boolean_value (builder, self->is_image);
  json_builder_set_member_name (builder, "interlaced");
  json_builder_add_boolean_value (builder, self->interlaced);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static char *
dup_member (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  return g_strdup (json_node_get_string (node));
}

/**
 * fd_media_info_from_json:
 *
 * Reads what fd_media_info_to_json() wrote.
 *
 * Returns: (transfer full): the info, or %NULL with @error set
 */
FdMediaInfo *
fd_media_info_from_json (JsonNode  *node,
                         GError   **error)
{
  g_autoptr(FdMediaInfo) self = NULL;
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                   _("The stored media description is not valid."));
      return NULL;
    }

  object = json_node_get_object (node);
  self = fd_media_info_new ();
  self->container = dup_member (object, "container");
  self->mime_type = dup_member (object, "mime_type");
  self->video_codec = dup_member (object, "video_codec");
  self->audio_codec = dup_member (object, "audio_codec");
  self->width = json_object_get_int_member_with_default (object, "width", 0);
  self->height = json_object_get_int_member_with_default (object, "height", 0);
  self->par_n = json_object_get_int_member_with_default (object, "par_n", 1);
  self->par_d = json_object_get_int_member_with_default (object, "par_d", 1);
  self->fps_n = json_object_get_int_member_with_default (object, "fps_n", 0);
  self->fps_d = json_object_get_int_member_with_default (object, "fps_d", 1);
  self->duration_us = json_object_get_int_member_with_default (object, "duration_us", 0);
  self->bitrate = json_object_get_int_member_with_default (object, "bitrate", 0);
  self->size_bytes = json_object_get_int_member_with_default (object, "size", 0);
  self->audio_channels = json_object_get_int_member_with_default (object, "audio_channels", 0);
  self->audio_rate = json_object_get_int_member_with_default (object, "audio_rate", 0);
  self->is_image = json_object_get_boolean_member_with_default (object, "is_image", FALSE);
  self->interlaced = json_object_get_boolean_member_with_default (object, "interlaced", FALSE);

  return g_steal_pointer (&self);
}

/**
 * fd_media_info_describe:
 *
 * Returns: (transfer full): one line for people: "1080×1920 · H264 · 29.97
 *   fps · 0:15 · AAC · 4.2 MB"
 */
char *
fd_media_info_describe (const FdMediaInfo *self)
{
  GString *text = g_string_new (NULL);
  g_autofree char *size = g_format_size (self->size_bytes);

  g_string_append_printf (text, "%d×%d", self->width, self->height);
  if (self->video_codec)
    {
      g_autofree char *codec = g_ascii_strup (self->video_codec, -1);

      g_string_append_printf (text, " · %s", codec);
    }
  if (!self->is_image && self->fps_n > 0)
    {
      gint64 seconds = (self->duration_us + G_USEC_PER_SEC / 2) / G_USEC_PER_SEC;

      g_string_append_printf (text, " · %.4g fps · %" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT,
                              fd_media_info_get_fps (self), seconds / 60, seconds % 60);
    }
  if (self->audio_codec)
    {
      g_autofree char *codec = g_ascii_strup (self->audio_codec, -1);

      g_string_append_printf (text, " · %s", codec);
    }
  else if (!self->is_image)
    g_string_append_printf (text, " · %s", _("no sound"));

  g_string_append_printf (text, " · %s", size);

  return g_string_free (text, FALSE);
}
