/* fd-audit-event.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fd-audit-event.h"

/* One row of the audit log, as an immutable object for list models. */
struct _FdAuditEvent
{
  GObject  parent_instance;

  gint64   seq;
  gint64   at_us;
  char    *actor;
  char    *entity_type;
  char    *entity_id;
  char    *action;
  char    *before_json;
  char    *after_json;
  char    *hash;
};

G_DEFINE_FINAL_TYPE (FdAuditEvent, fd_audit_event, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SEQ,
  PROP_AT,
  PROP_ACTOR,
  PROP_ENTITY_TYPE,
  PROP_ENTITY_ID,
  PROP_ACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fd_audit_event_finalize (GObject *object)
{
  FdAuditEvent *self = (FdAuditEvent *)object;

  g_free (self->actor);
  g_free (self->entity_type);
  g_free (self->entity_id);
  g_free (self->action);
  g_free (self->before_json);
  g_free (self->after_json);
  g_free (self->hash);

  G_OBJECT_CLASS (fd_audit_event_parent_class)->finalize (object);
}

static void
fd_audit_event_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FdAuditEvent *self = FD_AUDIT_EVENT (object);

  switch (prop_id)
    {
    case PROP_SEQ:
      g_value_set_int64 (value, self->seq);
      break;
    case PROP_AT:
      g_value_set_int64 (value, self->at_us);
      break;
    case PROP_ACTOR:
      g_value_set_string (value, self->actor);
      break;
    case PROP_ENTITY_TYPE:
      g_value_set_string (value, self->entity_type);
      break;
    case PROP_ENTITY_ID:
      g_value_set_string (value, self->entity_id);
      break;
    case PROP_ACTION:
      g_value_set_string (value, self->action);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_audit_event_class_init (FdAuditEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fd_audit_event_finalize;
  object_class->get_property = fd_audit_event_get_property;

  properties[PROP_SEQ] =
    g_param_spec_int64 ("seq", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AT] =
    g_param_spec_int64 ("at", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTOR] =
    g_param_spec_string ("actor", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENTITY_TYPE] =
    g_param_spec_string ("entity-type", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENTITY_ID] =
    g_param_spec_string ("entity-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTION] =
    g_param_spec_string ("action", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fd_audit_event_init (FdAuditEvent *self)
{
}

FdAuditEvent *
fd_audit_event_new (gint64      seq,
                    gint64      at_us,
                    const char *actor,
                    const char *entity_type,
                    const char *entity_id,
                    const char *action,
                    const char *before_json,
                    const char *after_json,
                    const char *hash)
{
  FdAuditEvent *self = g_object_new (FD_TYPE_AUDIT_EVENT, NULL);

  self->seq = seq;
  self->at_us = at_us;
  self->actor = g_strdup (actor);
  self->entity_type = g_strdup (entity_type);
  self->entity_id = g_strdup (entity_id);
  self->action = g_strdup (action);
  self->before_json = g_strdup (before_json);
  self->after_json = g_strdup (after_json);
  self->hash = g_strdup (hash);

  return self;
}

gint64
fd_audit_event_get_seq (FdAuditEvent *self)
{
  g_return_val_if_fail (FD_IS_AUDIT_EVENT (self), 0);
  return self->seq;
}

gint64
fd_audit_event_get_at (FdAuditEvent *self)
{
  g_return_val_if_fail (FD_IS_AUDIT_EVENT (self), 0);
  return self->at_us;
}

const char *
fd_audit_event_get_actor (FdAuditEvent *self)
{
  g_return_val_if_fail (FD_IS_AUDIT_EVENT (self), NULL);
  return self->actor;
}

const char *
fd_audit_event_get_entity_type (FdAuditEvent *self)
{
  g_return_val_if_fail (FD_IS_AUDIT_EVENT (self), NULL);
  return self->entity_type;
}

const char *
fd_audit_event_get_entity_id (FdAuditEvent *self)
{
  g_return_val_if_fail (FD_IS_AUDIT_EVENT (self), NULL);
  return self->entity_id;
}

const char *
fd_audit_event_get_action (FdAuditEvent *self)
{
  g_return_val_if_fail (FD_IS_AUDIT_EVENT (self), NULL);
  return self->action;
}

const char *
fd_audit_event_get_before_json (FdAuditEvent *self)
{
  g_return_val_if_fail (FD_IS_AUDIT_EVENT (self), NULL);
  return self->before_json;
}

const char *
fd_audit_event_get_after_json (FdAuditEvent *self)
{
  g_return_val_if_fail (FD_IS_AUDIT_EVENT (self), NULL);
  return self->after_json;
}

const char *
fd_audit_event_get_hash (FdAuditEvent *self)
{
  g_return_val_if_fail (FD_IS_AUDIT_EVENT (self), NULL);
  return self->hash;
}
