/* fd-triage-notice.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-triage"

#include "config.h"

#include "fd-triage-notice.h"

/* Something a triage run could not judge, for the dashboard: "Rule “CPA
 * over target” needs target_cpa, which ad set “Spring — DE” and its
 * campaign lack." */

struct _FdTriageNotice
{
  GObject  parent_instance;

  gint64   rule_id;
  char    *rule_name;
  char    *object_id;
  char    *object_name;
  char    *kind;
  char    *message;
};

G_DEFINE_FINAL_TYPE (FdTriageNotice, fd_triage_notice, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RULE_ID,
  PROP_RULE_NAME,
  PROP_OBJECT_ID,
  PROP_OBJECT_NAME,
  PROP_KIND,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fd_triage_notice_finalize (GObject *object)
{
  FdTriageNotice *self = (FdTriageNotice *)object;

  g_free (self->rule_name);
  g_free (self->object_id);
  g_free (self->object_name);
  g_free (self->kind);
  g_free (self->message);

  G_OBJECT_CLASS (fd_triage_notice_parent_class)->finalize (object);
}

static void
fd_triage_notice_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  FdTriageNotice *self = FD_TRIAGE_NOTICE (object);

  switch (prop_id)
    {
    case PROP_RULE_ID:
      g_value_set_int64 (value, self->rule_id);
      break;
    case PROP_RULE_NAME:
      g_value_set_string (value, self->rule_name);
      break;
    case PROP_OBJECT_ID:
      g_value_set_string (value, self->object_id);
      break;
    case PROP_OBJECT_NAME:
      g_value_set_string (value, self->object_name);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_triage_notice_class_init (FdTriageNoticeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fd_triage_notice_finalize;
  object_class->get_property = fd_triage_notice_get_property;

  properties[PROP_RULE_ID] =
    g_param_spec_int64 ("rule-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RULE_NAME] =
    g_param_spec_string ("rule-name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OBJECT_ID] =
    g_param_spec_string ("object-id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OBJECT_NAME] =
    g_param_spec_string ("object-name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fd_triage_notice_init (FdTriageNotice *self)
{
}

FdTriageNotice *
fd_triage_notice_new (gint64      rule_id,
                      const char *rule_name,
                      const char *object_id,
                      const char *object_name,
                      const char *kind,
                      const char *message)
{
  FdTriageNotice *self = g_object_new (FD_TYPE_TRIAGE_NOTICE, NULL);

  self->rule_id = rule_id;
  self->rule_name = g_strdup (rule_name);
  self->object_id = g_strdup (object_id);
  self->object_name = g_strdup (object_name);
  self->kind = g_strdup (kind);
  self->message = g_strdup (message);

  return self;
}

gint64
fd_triage_notice_get_rule_id (FdTriageNotice *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_NOTICE (self), 0);
  return self->rule_id;
}

const char *
fd_triage_notice_get_rule_name (FdTriageNotice *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_NOTICE (self), NULL);
  return self->rule_name;
}

const char *
fd_triage_notice_get_object_id (FdTriageNotice *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_NOTICE (self), NULL);
  return self->object_id;
}

const char *
fd_triage_notice_get_object_name (FdTriageNotice *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_NOTICE (self), NULL);
  return self->object_name;
}

const char *
fd_triage_notice_get_kind (FdTriageNotice *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_NOTICE (self), NULL);
  return self->kind;
}

const char *
fd_triage_notice_get_message (FdTriageNotice *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_NOTICE (self), NULL);
  return self->message;
}
