/* fd-person.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define FD_TYPE_PERSON (fd_person_get_type ())

G_DECLARE_FINAL_TYPE (FdPerson, fd_person, FD, PERSON, GObject)

FdPerson   *fd_person_new           (gint64      id,
                                     const char *name,
                                     const char *email,
                                     const char *role,
                                     gboolean    active);
gint64      fd_person_get_id        (FdPerson   *self);
const char *fd_person_get_name      (FdPerson   *self);
const char *fd_person_get_email     (FdPerson   *self);
const char *fd_person_get_role      (FdPerson   *self);
const char *fd_person_get_role_name (FdPerson   *self);
gboolean    fd_person_get_active    (FdPerson   *self);
char       *fd_person_dup_actor     (FdPerson   *self);

G_END_DECLS
