/* fd-brief.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-store.h"

G_BEGIN_DECLS

#define FD_TYPE_BRIEF (fd_brief_get_type ())

G_DECLARE_FINAL_TYPE (FdBrief, fd_brief, FD, BRIEF, GObject)

/* A brief, as a bare record for now: the briefing stage adds its structured
 * fields, required-field checks and handoff. Changes are audited (entity
 * "brief"). */

/* The JSON recorded as a brief's state in audit events. */
#define FD_BRIEF_SNAPSHOT_SQL \
  "SELECT json_object ('id', id, 'title', title, 'objective', objective, " \
  "'segment', segment, 'message', message, 'placements', placements, " \
  "'owner_id', owner_id, 'due_us', due_us) FROM brief WHERE id = ?"

gint64       fd_brief_get_id          (FdBrief     *self);
const char  *fd_brief_get_title       (FdBrief     *self);
const char  *fd_brief_get_objective   (FdBrief     *self);
const char  *fd_brief_get_segment     (FdBrief     *self);
const char  *fd_brief_get_message     (FdBrief     *self);
const char  *fd_brief_get_placements  (FdBrief     *self);
gint64       fd_brief_get_owner_id    (FdBrief     *self);
gint64       fd_brief_get_due         (FdBrief     *self);
gboolean     fd_brief_requires_placement (FdBrief  *self,
                                          const char *placement);

FdBrief     *fd_brief_create          (FdStore     *store,
                                       const char  *actor,
                                       const char  *title,
                                       const char  *objective,
                                       const char  *segment,
                                       const char  *message,
                                       const char  *placements,
                                       gint64       owner_id,
                                       gint64       due_us,
                                       GError     **error);
FdBrief     *fd_brief_get             (FdStore     *store,
                                       gint64       brief_id,
                                       GError     **error);
GPtrArray   *fd_brief_list            (FdStore     *store,
                                       GError     **error);

G_END_DECLS
