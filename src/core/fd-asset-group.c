/* fd-asset-group.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fd-asset-group.h"

/* A dynamic creative: a named group of component assets (each headline,
 * each image), each approved on its own. */

struct _FdAssetGroup
{
  GObject  parent_instance;

  gint64   id;
  char    *name;
  gint64   brief_id;
  gint64   n_assets;
};

G_DEFINE_FINAL_TYPE (FdAssetGroup, fd_asset_group, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_BRIEF_ID,
  PROP_N_ASSETS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fd_asset_group_finalize (GObject *object)
{
  FdAssetGroup *self = (FdAssetGroup *)object;

  g_free (self->name);

  G_OBJECT_CLASS (fd_asset_group_parent_class)->finalize (object);
}

static void
fd_asset_group_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FdAssetGroup *self = FD_ASSET_GROUP (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_BRIEF_ID:
      g_value_set_int64 (value, self->brief_id);
      break;
    case PROP_N_ASSETS:
      g_value_set_int64 (value, self->n_assets);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_asset_group_class_init (FdAssetGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fd_asset_group_finalize;
  object_class->get_property = fd_asset_group_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BRIEF_ID] =
    g_param_spec_int64 ("brief-id", NULL, NULL, 0, G_MAXINT64, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ASSETS] =
    g_param_spec_int64 ("n-assets", NULL, NULL, 0, G_MAXINT64, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fd_asset_group_init (FdAssetGroup *self)
{
}

FdAssetGroup *
fd_asset_group_new (gint64      id,
                    const char *name,
                    gint64      brief_id,
                    gint64      n_assets)
{
  FdAssetGroup *self = g_object_new (FD_TYPE_ASSET_GROUP, NULL);

  self->id = id;
  self->name = g_strdup (name);
  self->brief_id = brief_id;
  self->n_assets = n_assets;

  return self;
}

gint64
fd_asset_group_get_id (FdAssetGroup *self)
{
  g_return_val_if_fail (FD_IS_ASSET_GROUP (self), 0);
  return self->id;
}

const char *
fd_asset_group_get_name (FdAssetGroup *self)
{
  g_return_val_if_fail (FD_IS_ASSET_GROUP (self), NULL);
  return self->name;
}

gint64
fd_asset_group_get_brief_id (FdAssetGroup *self)
{
  g_return_val_if_fail (FD_IS_ASSET_GROUP (self), 0);
  return self->brief_id;
}

gint64
fd_asset_group_get_n_assets (FdAssetGroup *self)
{
  g_return_val_if_fail (FD_IS_ASSET_GROUP (self), 0);
  return self->n_assets;
}
