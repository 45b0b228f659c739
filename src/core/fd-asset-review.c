/* fd-asset-review.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fd-asset-review.h"

/* One decision or comment on one version of an asset. */

struct _FdAssetReview
{
  GObject           parent_instance;

  gint64            id;
  gint64            asset_id;
  gint64            version;
  gint64            round;
  gint64            person_id;
  char             *person_name;
  FdReviewDecision  decision;
  char             *feedback;
  gint64            at_us;
};

G_DEFINE_FINAL_TYPE (FdAssetReview, fd_asset_review, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ASSET_ID,
  PROP_VERSION,
  PROP_ROUND,
  PROP_PERSON_ID,
  PROP_PERSON_NAME,
  PROP_DECISION,
  PROP_FEEDBACK,
  PROP_AT_US,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fd_asset_review_finalize (GObject *object)
{
  FdAssetReview *self = (FdAssetReview *)object;

  g_free (self->person_name);
  g_free (self->feedback);

  G_OBJECT_CLASS (fd_asset_review_parent_class)->finalize (object);
}

static void
fd_asset_review_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  FdAssetReview *self = FD_ASSET_REVIEW (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_ASSET_ID:
      g_value_set_int64 (value, self->asset_id);
      break;
    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;
    case PROP_ROUND:
      g_value_set_int64 (value, self->round);
      break;
    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;
    case PROP_PERSON_NAME:
      g_value_set_string (value, self->person_name);
      break;
    case PROP_DECISION:
      g_value_set_enum (value, self->decision);
      break;
    case PROP_FEEDBACK:
      g_value_set_string (value, self->feedback);
      break;
    case PROP_AT_US:
      g_value_set_int64 (value, self->at_us);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_asset_review_class_init (FdAssetReviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fd_asset_review_finalize;
  object_class->get_property = fd_asset_review_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ASSET_ID] =
    g_param_spec_int64 ("asset-id", NULL, NULL, 0, G_MAXINT64, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROUND] =
    g_param_spec_int64 ("round", NULL, NULL, 0, G_MAXINT64, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON_NAME] =
    g_param_spec_string ("person-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DECISION] =
    g_param_spec_enum ("decision", NULL, NULL, FD_TYPE_REVIEW_DECISION, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FEEDBACK] =
    g_param_spec_string ("feedback", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AT_US] =
    g_param_spec_int64 ("at", NULL, NULL, 0, G_MAXINT64, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fd_asset_review_init (FdAssetReview *self)
{
}

FdAssetReview *
fd_asset_review_new (gint64            id,
                     gint64            asset_id,
                     gint64            version,
                     gint64            round,
                     gint64            person_id,
                     const char       *person_name,
                     FdReviewDecision  decision,
                     const char       *feedback,
                     gint64            at_us)
{
  FdAssetReview *self = g_object_new (FD_TYPE_ASSET_REVIEW, NULL);

  self->id = id;
  self->asset_id = asset_id;
  self->version = version;
  self->round = round;
  self->person_id = person_id;
  self->person_name = g_strdup (person_name);
  self->decision = decision;
  self->feedback = g_strdup (feedback);
  self->at_us = at_us;

  return self;
}

gint64
fd_asset_review_get_id (FdAssetReview *self)
{
  g_return_val_if_fail (FD_IS_ASSET_REVIEW (self), 0);
  return self->id;
}

gint64
fd_asset_review_get_asset_id (FdAssetReview *self)
{
  g_return_val_if_fail (FD_IS_ASSET_REVIEW (self), 0);
  return self->asset_id;
}

gint64
fd_asset_review_get_version (FdAssetReview *self)
{
  g_return_val_if_fail (FD_IS_ASSET_REVIEW (self), 0);
  return self->version;
}

gint64
fd_asset_review_get_round (FdAssetReview *self)
{
  g_return_val_if_fail (FD_IS_ASSET_REVIEW (self), 0);
  return self->round;
}

gint64
fd_asset_review_get_person_id (FdAssetReview *self)
{
  g_return_val_if_fail (FD_IS_ASSET_REVIEW (self), 0);
  return self->person_id;
}

const char *
fd_asset_review_get_person_name (FdAssetReview *self)
{
  g_return_val_if_fail (FD_IS_ASSET_REVIEW (self), NULL);
  return self->person_name;
}

FdReviewDecision
fd_asset_review_get_decision (FdAssetReview *self)
{
  g_return_val_if_fail (FD_IS_ASSET_REVIEW (self), 0);
  return self->decision;
}

const char *
fd_asset_review_get_feedback (FdAssetReview *self)
{
  g_return_val_if_fail (FD_IS_ASSET_REVIEW (self), NULL);
  return self->feedback;
}

gint64
fd_asset_review_get_at_us (FdAssetReview *self)
{
  g_return_val_if_fail (FD_IS_ASSET_REVIEW (self), 0);
  return self->at_us;
}
