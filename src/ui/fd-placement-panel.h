/* fd-placement-panel.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fd-asset.h"
#include "fd-placement.h"
#include "fd-workspace.h"

G_BEGIN_DECLS

#define FD_TYPE_PLACEMENT_PANEL (fd_placement_panel_get_type ())

G_DECLARE_FINAL_TYPE (FdPlacementPanel, fd_placement_panel, FD, PLACEMENT_PANEL, AdwPreferencesGroup)

GtkWidget  *fd_placement_panel_new             (void);
void        fd_placement_panel_set_workspace   (FdPlacementPanel *self,
                                                FdWorkspace      *workspace);
void        fd_placement_panel_set_version     (FdPlacementPanel *self,
                                                FdAsset          *asset,
                                                gint64            version);
void        fd_placement_panel_set_person_id   (FdPlacementPanel *self,
                                                gint64            person_id);
GListModel *fd_placement_panel_get_statuses    (FdPlacementPanel *self);
gboolean    fd_placement_panel_get_loaded      (FdPlacementPanel *self);
GtkWidget  *fd_placement_panel_get_override_button (FdPlacementPanel *self,
                                                FdPlacement       placement);

G_END_DECLS
