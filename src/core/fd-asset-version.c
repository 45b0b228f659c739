/* fd-asset-version.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fd-asset-version.h"

/* One immutable version of an asset: a stored file (media kinds) or a
 * text (text kinds), named by its SHA-256. */

struct _FdAssetVersion
{
  GObject      parent_instance;

  gint64       id;
  gint64       asset_id;
  gint64       number;
  char        *sha256;
  char        *text;
  FdMediaInfo *media_info;
  gint64       size;
  char        *filename;
  char        *note;
  char        *created_by;
  char        *created_by_name;
  gint64       created_us;
};

G_DEFINE_FINAL_TYPE (FdAssetVersion, fd_asset_version, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ASSET_ID,
  PROP_NUMBER,
  PROP_SHA256,
  PROP_TEXT,
  PROP_MEDIA_INFO,
  PROP_SIZE,
  PROP_FILENAME,
  PROP_NOTE,
  PROP_CREATED_BY,
  PROP_CREATED_BY_NAME,
  PROP_CREATED_US,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fd_asset_version_finalize (GObject *object)
{
  FdAssetVersion *self = (FdAssetVersion *)object;

  g_free (self->sha256);
  g_free (self->text);
  g_clear_pointer (&self->media_info, fd_media_info_free);
  g_free (self->filename);
  g_free (self->note);
  g_free (self->created_by);
  g_free (self->created_by_name);

  G_OBJECT_CLASS (fd_asset_version_parent_class)->finalize (object);
}

static void
fd_asset_version_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  FdAssetVersion *self = FD_ASSET_VERSION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_ASSET_ID:
      g_value_set_int64 (value, self->asset_id);
      break;
    case PROP_NUMBER:
      g_value_set_int64 (value, self->number);
      break;
    case PROP_SHA256:
      g_value_set_string (value, self->sha256);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_MEDIA_INFO:
      g_value_set_boxed (value, self->media_info);
      break;
    case PROP_SIZE:
      g_value_set_int64 (value, self->size);
      break;
    case PROP_FILENAME:
      g_value_set_string (value, self->filename);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_CREATED_BY:
      g_value_set_string (value, self->created_by);
      break;
    case PROP_CREATED_BY_NAME:
      g_value_set_string (value, self->created_by_name);
      break;
    case PROP_CREATED_US:
      g_value_set_int64 (value, self->created_us);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_asset_version_class_init (FdAssetVersionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fd_asset_version_finalize;
  object_class->get_property = fd_asset_version_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ASSET_ID] =
    g_param_spec_int64 ("asset-id", NULL, NULL, 0, G_MAXINT64, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NUMBER] =
    g_param_spec_int64 ("number", NULL, NULL, 0, G_MAXINT64, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHA256] =
    g_param_spec_string ("sha256", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEDIA_INFO] =
    g_param_spec_boxed ("media-info", NULL, NULL, FD_TYPE_MEDIA_INFO,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIZE] =
    g_param_spec_int64 ("size", NULL, NULL, 0, G_MAXINT64, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILENAME] =
    g_param_spec_string ("filename", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED_BY] =
    g_param_spec_string ("created-by", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED_BY_NAME] =
    g_param_spec_string ("created-by-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED_US] =
    g_param_spec_int64 ("created", NULL, NULL, 0, G_MAXINT64, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fd_asset_version_init (FdAssetVersion *self)
{
}

FdAssetVersion *
fd_asset_version_new (gint64             id,
                      gint64             asset_id,
                      gint64             number,
                      const char        *sha256,
                      const char        *text,
                      const FdMediaInfo *media_info,
                      gint64             size,
                      const char        *filename,
                      const char        *note,
                      const char        *created_by,
                      const char        *created_by_name,
                      gint64             created_us)
{
  FdAssetVersion *self = g_object_new (FD_TYPE_ASSET_VERSION, NULL);

  self->id = id;
  self->asset_id = asset_id;
  self->number = number;
  self->sha256 = g_strdup (sha256);
  self->text = g_strdup (text);
  self->media_info = media_info ? fd_media_info_copy (media_info) : NULL;
  self->size = size;
  self->filename = g_strdup (filename);
  self->note = g_strdup (note);
  self->created_by = g_strdup (created_by);
  self->created_by_name = g_strdup (created_by_name);
  self->created_us = created_us;

  return self;
}

gint64
fd_asset_version_get_id (FdAssetVersion *self)
{
  g_return_val_if_fail (FD_IS_ASSET_VERSION (self), 0);
  return self->id;
}

gint64
fd_asset_version_get_asset_id (FdAssetVersion *self)
{
  g_return_val_if_fail (FD_IS_ASSET_VERSION (self), 0);
  return self->asset_id;
}

gint64
fd_asset_version_get_number (FdAssetVersion *self)
{
  g_return_val_if_fail (FD_IS_ASSET_VERSION (self), 0);
  return self->number;
}

const char *
fd_asset_version_get_sha256 (FdAssetVersion *self)
{
  g_return_val_if_fail (FD_IS_ASSET_VERSION (self), NULL);
  return self->sha256;
}

const char *
fd_asset_version_get_text (FdAssetVersion *self)
{
  g_return_val_if_fail (FD_IS_ASSET_VERSION (self), NULL);
  return self->text;
}

const FdMediaInfo *
fd_asset_version_get_media_info (FdAssetVersion *self)
{
  g_return_val_if_fail (FD_IS_ASSET_VERSION (self), NULL);
  return self->media_info;
}

gint64
fd_asset_version_get_size (FdAssetVersion *self)
{
  g_return_val_if_fail (FD_IS_ASSET_VERSION (self), 0);
  return self->size;
}

const char *
fd_asset_version_get_filename (FdAssetVersion *self)
{
  g_return_val_if_fail (FD_IS_ASSET_VERSION (self), NULL);
  return self->filename;
}

const char *
fd_asset_version_get_note (FdAssetVersion *self)
{
  g_return_val_if_fail (FD_IS_ASSET_VERSION (self), NULL);
  return self->note;
}

const char *
fd_asset_version_get_created_by (FdAssetVersion *self)
{
  g_return_val_if_fail (FD_IS_ASSET_VERSION (self), NULL);
  return self->created_by;
}

const char *
fd_asset_version_get_created_by_name (FdAssetVersion *self)
{
  g_return_val_if_fail (FD_IS_ASSET_VERSION (self), NULL);
  return self->created_by_name;
}

gint64
fd_asset_version_get_created_us (FdAssetVersion *self)
{
  g_return_val_if_fail (FD_IS_ASSET_VERSION (self), 0);
  return self->created_us;
}
