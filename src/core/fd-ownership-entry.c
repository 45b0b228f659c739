/* fd-ownership-entry.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fd-ownership.h"
#include "fd-ownership-entry.h"

/* One row of the ownership matrix; owner and backup may be unset. */
struct _FdOwnershipEntry
{
  GObject   parent_instance;

  char     *transition;
  FdPerson *owner;
  FdPerson *backup;
};

G_DEFINE_FINAL_TYPE (FdOwnershipEntry, fd_ownership_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TRANSITION,
  PROP_TITLE,
  PROP_OWNER,
  PROP_BACKUP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fd_ownership_entry_finalize (GObject *object)
{
  FdOwnershipEntry *self = (FdOwnershipEntry *)object;

  g_free (self->transition);
  g_clear_object (&self->owner);
  g_clear_object (&self->backup);

  G_OBJECT_CLASS (fd_ownership_entry_parent_class)->finalize (object);
}

static void
fd_ownership_entry_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  FdOwnershipEntry *self = FD_OWNERSHIP_ENTRY (object);

  switch (prop_id)
    {
    case PROP_TRANSITION:
      g_value_set_string (value, self->transition);
      break;
    case PROP_TITLE:
      g_value_set_string (value, fd_ownership_entry_get_title (self));
      break;
    case PROP_OWNER:
      g_value_set_object (value, self->owner);
      break;
    case PROP_BACKUP:
      g_value_set_object (value, self->backup);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_ownership_entry_class_init (FdOwnershipEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fd_ownership_entry_finalize;
  object_class->get_property = fd_ownership_entry_get_property;

  properties[PROP_TRANSITION] =
    g_param_spec_string ("transition", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OWNER] =
    g_param_spec_object ("owner", NULL, NULL, FD_TYPE_PERSON,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BACKUP] =
    g_param_spec_object ("backup", NULL, NULL, FD_TYPE_PERSON,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fd_ownership_entry_init (FdOwnershipEntry *self)
{
}

FdOwnershipEntry *
fd_ownership_entry_new (const char *transition,
                        FdPerson   *owner,
                        FdPerson   *backup)
{
  FdOwnershipEntry *self = g_object_new (FD_TYPE_OWNERSHIP_ENTRY, NULL);

  self->transition = g_strdup (transition);
  g_set_object (&self->owner, owner);
  g_set_object (&self->backup, backup);

  return self;
}

const char *
fd_ownership_entry_get_transition (FdOwnershipEntry *self)
{
  g_return_val_if_fail (FD_IS_OWNERSHIP_ENTRY (self), NULL);
  return self->transition;
}

const char *
fd_ownership_entry_get_title (FdOwnershipEntry *self)
{
  g_return_val_if_fail (FD_IS_OWNERSHIP_ENTRY (self), NULL);
  return fd_ownership_get_transition_title (self->transition);
}

/**
 * fd_ownership_entry_get_owner:
 *
 * Returns: (transfer none) (nullable): the owner
 */
FdPerson *
fd_ownership_entry_get_owner (FdOwnershipEntry *self)
{
  g_return_val_if_fail (FD_IS_OWNERSHIP_ENTRY (self), NULL);
  return self->owner;
}

/**
 * fd_ownership_entry_get_backup:
 *
 * Returns: (transfer none) (nullable): the backup
 */
FdPerson *
fd_ownership_entry_get_backup (FdOwnershipEntry *self)
{
  g_return_val_if_fail (FD_IS_OWNERSHIP_ENTRY (self), NULL);
  return self->backup;
}
