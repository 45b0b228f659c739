/* fd-review-pane.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fd-asset.h"
#include "fd-comments-panel.h"
#include "fd-compare-view.h"
#include "fd-placement-panel.h"
#include "fd-player-view.h"
#include "fd-text-diff-view.h"
#include "fd-workspace.h"

G_BEGIN_DECLS

#define FD_TYPE_REVIEW_PANE (fd_review_pane_get_type ())

G_DECLARE_FINAL_TYPE (FdReviewPane, fd_review_pane, FD, REVIEW_PANE, GtkWidget)

GtkWidget        *fd_review_pane_new                (void);
void              fd_review_pane_set_workspace      (FdReviewPane *self,
                                                     FdWorkspace  *workspace);
void              fd_review_pane_set_asset          (FdReviewPane *self,
                                                     FdAsset      *asset);
void              fd_review_pane_set_versions       (FdReviewPane *self,
                                                     GListModel   *versions);
void              fd_review_pane_set_version        (FdReviewPane *self,
                                                     gint64        version);
void              fd_review_pane_set_person_id      (FdReviewPane *self,
                                                     gint64        person_id);
void              fd_review_pane_compare            (FdReviewPane *self,
                                                     gint64        version_a,
                                                     gint64        version_b);
void              fd_review_pane_set_comparing      (FdReviewPane *self,
                                                     gboolean      comparing);
gboolean          fd_review_pane_get_comparing      (FdReviewPane *self);
gboolean          fd_review_pane_get_can_compare    (FdReviewPane *self);
const char       *fd_review_pane_get_visible_view   (FdReviewPane *self);
FdPlayerView     *fd_review_pane_get_player         (FdReviewPane *self);
FdCommentsPanel  *fd_review_pane_get_comments       (FdReviewPane *self);
FdCompareView    *fd_review_pane_get_compare_view   (FdReviewPane *self);
FdTextDiffView   *fd_review_pane_get_text_diff      (FdReviewPane *self);
FdPlacementPanel *fd_review_pane_get_placements     (FdReviewPane *self);
const char       *fd_review_pane_get_banner         (FdReviewPane *self);
const char       *fd_review_pane_get_problem        (FdReviewPane *self);

G_END_DECLS
