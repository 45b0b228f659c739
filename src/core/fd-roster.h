/* fd-roster.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-person.h"
#include "fd-store.h"

G_BEGIN_DECLS

/* The people of a workspace. Every change is audited (entity "person"). */

/* The JSON recorded as a person's state in audit events. */
#define FD_PERSON_SNAPSHOT_SQL \
  "SELECT json_object ('id', id, 'name', name, 'email', email, " \
  "'role', role, 'active', active) FROM person WHERE id = ?"

FdPerson  *fd_roster_add          (FdStore     *store,
                                   const char  *actor,
                                   const char  *name,
                                   const char  *email,
                                   const char  *role,
                                   GError     **error);
gboolean   fd_roster_update       (FdStore     *store,
                                   const char  *actor,
                                   gint64       person_id,
                                   const char  *name,
                                   const char  *email,
                                   const char  *role,
                                   GError     **error);
gboolean   fd_roster_set_active   (FdStore     *store,
                                   const char  *actor,
                                   gint64       person_id,
                                   gboolean     active,
                                   GError     **error);
FdPerson  *fd_roster_get          (FdStore     *store,
                                   gint64       person_id,
                                   GError     **error);
FdPerson  *fd_roster_find         (FdStore     *store,
                                   const char  *query,
                                   GError     **error);
GPtrArray *fd_roster_list         (FdStore     *store,
                                   gboolean     include_inactive,
                                   GError     **error);
GPtrArray *fd_roster_list_by_role (FdStore     *store,
                                   const char  *role,
                                   GError     **error);
FdPerson  *fd_roster_get_current  (FdStore     *store,
                                   GError     **error);
gboolean   fd_roster_set_current  (FdStore     *store,
                                   const char  *actor,
                                   gint64       person_id,
                                   GError     **error);
char      *fd_roster_describe_actor (FdStore   *store,
                                     const char *actor);
char      *fd_roster_dup_current_actor (FdStore *store);

G_END_DECLS
