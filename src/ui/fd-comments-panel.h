/* fd-comments-panel.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fd-comment.h"
#include "fd-player-view.h"
#include "fd-workspace.h"

G_BEGIN_DECLS

#define FD_TYPE_COMMENTS_PANEL (fd_comments_panel_get_type ())

G_DECLARE_FINAL_TYPE (FdCommentsPanel, fd_comments_panel, FD, COMMENTS_PANEL, GtkWidget)

GtkWidget    *fd_comments_panel_new            (void);
void          fd_comments_panel_set_workspace  (FdCommentsPanel *self,
                                                FdWorkspace     *workspace);
void          fd_comments_panel_set_version    (FdCommentsPanel *self,
                                                gint64           asset_id,
                                                gint64           version);
void          fd_comments_panel_set_person_id  (FdCommentsPanel *self,
                                                gint64           person_id);
void          fd_comments_panel_set_player     (FdCommentsPanel *self,
                                                FdPlayerView    *player);
void          fd_comments_panel_set_show_resolved (FdCommentsPanel *self,
                                                gboolean         show_resolved);
GListModel   *fd_comments_panel_get_comments   (FdCommentsPanel *self);
GListModel   *fd_comments_panel_get_threads    (FdCommentsPanel *self);
gboolean      fd_comments_panel_get_loaded     (FdCommentsPanel *self);
GtkTextBuffer *fd_comments_panel_get_buffer    (FdCommentsPanel *self);
FdComment    *fd_comments_panel_get_selected   (FdCommentsPanel *self);

G_END_DECLS
