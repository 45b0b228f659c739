/* fd-asset-reviewer.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fd-asset-reviewer.h"

/* One reviewer of an asset: who, whether their approval is required, and
 * their decision on the version under review. The entries of a reviewer
 * policy are reviewers too, with no decision. */

struct _FdAssetReviewer
{
  GObject           parent_instance;

  gint64            person_id;
  char             *name;
  gboolean          required;
  FdReviewDecision  decision;
  char             *feedback;
  gint64            decided_us;
};

G_DEFINE_FINAL_TYPE (FdAssetReviewer, fd_asset_reviewer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PERSON_ID,
  PROP_NAME,
  PROP_REQUIRED,
  PROP_DECISION,
  PROP_FEEDBACK,
  PROP_DECIDED_US,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fd_asset_reviewer_finalize (GObject *object)
{
  FdAssetReviewer *self = (FdAssetReviewer *)object;

  g_free (self->name);
  g_free (self->feedback);

  G_OBJECT_CLASS (fd_asset_reviewer_parent_class)->finalize (object);
}

static void
fd_asset_reviewer_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  FdAssetReviewer *self = FD_ASSET_REVIEWER (object);

  switch (prop_id)
    {
    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_REQUIRED:
      g_value_set_boolean (value, self->required);
      break;
    case PROP_DECISION:
      g_value_set_enum (value, self->decision);
      break;
    case PROP_FEEDBACK:
      g_value_set_string (value, self->feedback);
      break;
    case PROP_DECIDED_US:
      g_value_set_int64 (value, self->decided_us);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_asset_reviewer_class_init (FdAssetReviewerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fd_asset_reviewer_finalize;
  object_class->get_property = fd_asset_reviewer_get_property;

  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REQUIRED] =
    g_param_spec_boolean ("required", NULL, NULL, FALSE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DECISION] =
    g_param_spec_enum ("decision", NULL, NULL, FD_TYPE_REVIEW_DECISION, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FEEDBACK] =
    g_param_spec_string ("feedback", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DECIDED_US] =
    g_param_spec_int64 ("decided", NULL, NULL, 0, G_MAXINT64, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fd_asset_reviewer_init (FdAssetReviewer *self)
{
}

FdAssetReviewer *
fd_asset_reviewer_new (gint64            person_id,
                       const char       *name,
                       gboolean          required,
                       FdReviewDecision  decision,
                       const char       *feedback,
                       gint64            decided_us)
{
  FdAssetReviewer *self = g_object_new (FD_TYPE_ASSET_REVIEWER, NULL);

  self->person_id = person_id;
  self->name = g_strdup (name);
  self->required = required;
  self->decision = decision;
  self->feedback = g_strdup (feedback);
  self->decided_us = decided_us;

  return self;
}

gint64
fd_asset_reviewer_get_person_id (FdAssetReviewer *self)
{
  g_return_val_if_fail (FD_IS_ASSET_REVIEWER (self), 0);
  return self->person_id;
}

const char *
fd_asset_reviewer_get_name (FdAssetReviewer *self)
{
  g_return_val_if_fail (FD_IS_ASSET_REVIEWER (self), NULL);
  return self->name;
}

gboolean
fd_asset_reviewer_get_required (FdAssetReviewer *self)
{
  g_return_val_if_fail (FD_IS_ASSET_REVIEWER (self), 0);
  return self->required;
}

FdReviewDecision
fd_asset_reviewer_get_decision (FdAssetReviewer *self)
{
  g_return_val_if_fail (FD_IS_ASSET_REVIEWER (self), 0);
  return self->decision;
}

const char *
fd_asset_reviewer_get_feedback (FdAssetReviewer *self)
{
  g_return_val_if_fail (FD_IS_ASSET_REVIEWER (self), NULL);
  return self->feedback;
}

gint64
fd_asset_reviewer_get_decided_us (FdAssetReviewer *self)
{
  g_return_val_if_fail (FD_IS_ASSET_REVIEWER (self), 0);
  return self->decided_us;
}
