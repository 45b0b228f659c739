/* fd-safe-zone-overlay.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fd-media-canvas.h"
#include "fd-placement.h"

G_BEGIN_DECLS

#define FD_TYPE_SAFE_ZONE_OVERLAY (fd_safe_zone_overlay_get_type ())

G_DECLARE_FINAL_TYPE (FdSafeZoneOverlay, fd_safe_zone_overlay, FD, SAFE_ZONE_OVERLAY, GtkWidget)

GtkWidget   *fd_safe_zone_overlay_new           (FdMediaCanvas     *canvas);
void         fd_safe_zone_overlay_set_placement (FdSafeZoneOverlay *self,
                                                 int                placement);
int          fd_safe_zone_overlay_get_placement (FdSafeZoneOverlay *self);

G_END_DECLS
