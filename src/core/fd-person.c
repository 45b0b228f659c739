/* fd-person.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fd-person.h"
#include "fd-role.h"

/* A member of the workspace roster, as an immutable snapshot of its row. */
struct _FdPerson
{
  GObject   parent_instance;

  gint64    id;
  char     *name;
  char     *email;
  char     *role;
  gboolean  active;
};

G_DEFINE_FINAL_TYPE (FdPerson, fd_person, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_EMAIL,
  PROP_ROLE,
  PROP_ROLE_NAME,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fd_person_finalize (GObject *object)
{
  FdPerson *self = (FdPerson *)object;

  g_free (self->name);
  g_free (self->email);
  g_free (self->role);

  G_OBJECT_CLASS (fd_person_parent_class)->finalize (object);
}

static void
fd_person_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  FdPerson *self = FD_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;
    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;
    case PROP_ROLE_NAME:
      g_value_set_string (value, fd_person_get_role_name (self));
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_person_class_init (FdPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fd_person_finalize;
  object_class->get_property = fd_person_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLE_NAME] =
    g_param_spec_string ("role-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fd_person_init (FdPerson *self)
{
}

FdPerson *
fd_person_new (gint64      id,
               const char *name,
               const char *email,
               const char *role,
               gboolean    active)
{
  FdPerson *self = g_object_new (FD_TYPE_PERSON, NULL);

  self->id = id;
  self->name = g_strdup (name);
  self->email = g_strdup (email);
  self->role = g_strdup (role);
  self->active = active;

  return self;
}

gint64
fd_person_get_id (FdPerson *self)
{
  g_return_val_if_fail (FD_IS_PERSON (self), 0);
  return self->id;
}

const char *
fd_person_get_name (FdPerson *self)
{
  g_return_val_if_fail (FD_IS_PERSON (self), NULL);
  return self->name;
}

const char *
fd_person_get_email (FdPerson *self)
{
  g_return_val_if_fail (FD_IS_PERSON (self), NULL);
  return self->email;
}

const char *
fd_person_get_role (FdPerson *self)
{
  g_return_val_if_fail (FD_IS_PERSON (self), NULL);
  return self->role;
}

const char *
fd_person_get_role_name (FdPerson *self)
{
  g_return_val_if_fail (FD_IS_PERSON (self), NULL);
  return fd_role_get_display_name (self->role);
}

gboolean
fd_person_get_active (FdPerson *self)
{
  g_return_val_if_fail (FD_IS_PERSON (self), FALSE);
  return self->active;
}

/**
 * fd_person_dup_actor:
 *
 * Returns: (transfer full): the actor string audit events record for this
 *   person ("person:ID")
 */
char *
fd_person_dup_actor (FdPerson *self)
{
  g_return_val_if_fail (FD_IS_PERSON (self), NULL);
  return g_strdup_printf ("person:%" G_GINT64_FORMAT, self->id);
}
