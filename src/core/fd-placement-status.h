/* fd-placement-status.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fd-placement.h"

G_BEGIN_DECLS

#define FD_TYPE_PLACEMENT_STATUS (fd_placement_status_get_type ())

G_DECLARE_FINAL_TYPE (FdPlacementStatus, fd_placement_status, FD, PLACEMENT_STATUS, GObject)

FdPlacementStatus  *fd_placement_status_new                  (const FdPlacementCheck *check,
                                                              gboolean                required);
void                fd_placement_status_set_override         (FdPlacementStatus      *self,
                                                              gint64                  person_id,
                                                              const char             *person_name,
                                                              const char             *reason,
                                                              gint64                  at_us);

FdPlacement         fd_placement_status_get_placement        (FdPlacementStatus      *self);
FdPlacementResult   fd_placement_status_get_result           (FdPlacementStatus      *self);
const char * const *fd_placement_status_get_reasons          (FdPlacementStatus      *self);
gboolean            fd_placement_status_get_required         (FdPlacementStatus      *self);
gboolean            fd_placement_status_get_blocking         (FdPlacementStatus      *self);
gboolean            fd_placement_status_get_overridden       (FdPlacementStatus      *self);
gint64              fd_placement_status_get_override_person_id (FdPlacementStatus    *self);
const char         *fd_placement_status_get_override_by      (FdPlacementStatus      *self);
const char         *fd_placement_status_get_override_reason  (FdPlacementStatus      *self);
gint64              fd_placement_status_get_override_at      (FdPlacementStatus      *self);
JsonNode           *fd_placement_status_to_json              (FdPlacementStatus      *self);

G_END_DECLS
