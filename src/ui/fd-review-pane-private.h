/* fd-review-pane-private.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fd-asset-version.h"
#include "fd-review-pane.h"

G_BEGIN_DECLS

/* FdReviewPane is split by responsibility:
 *   fd-review-pane.c          the widget: properties, signals, the wide
 *                             and narrow layouts, public API
 *   fd-review-pane-view.c     what the pane shows: the selected version,
 *                             the comparison, a problem, or nothing
 *   fd-review-pane-compare.c  comparing two versions: the A/B pickers and
 *                             what the compare view or text diff is given
 *   fd-review-pane-banner.c   the replacement requests' banner, read off
 *                             the main loop */

struct _FdReviewPane
{
  GtkWidget         parent_instance;

  FdWorkspace      *workspace;
  FdAsset          *asset;
  GListModel       *versions;
  gint64            version;
  gint64            person_id;
  gboolean          comparing;
  gboolean          can_compare;
  gboolean          covers_preview;
  gboolean          narrow;
  GArray           *numbers;       /* the pickers' versions, newest first */
  char             *compared;      /* "a:b" of what the compare view shows */
  char             *banner_text;
  char             *problem;
  GCancellable     *banner_load;
  GSignalGroup     *workspace_signals;
  GSignalGroup     *asset_signals;
  guint             syncing;
  guint             layout_source;

  GtkWidget        *banner;
  GtkLabel         *banner_label;
  GtkWidget        *toolbar;
  GtkToggleButton  *compare_button;
  GtkWidget        *pickers;
  GtkDropDown      *version_a;
  GtkDropDown      *version_b;
  GtkStack         *stack;
  GtkBox           *review_box;
  FdPlayerView     *player;
  FdCommentsPanel  *comments;
  FdCompareView    *compare_view;
  FdTextDiffView   *text_diff;
  AdwStatusPage    *problem_page;
  FdPlacementPanel *placements;
};

/* fd-review-pane.c */
void            _fd_review_pane_set_covers_preview (FdReviewPane *self,
                                                    gboolean      covers);
void            _fd_review_pane_set_can_compare    (FdReviewPane *self,
                                                    gboolean      can_compare);

/* fd-review-pane-view.c */
FdAssetVersion *_fd_review_pane_find_version       (FdReviewPane   *self,
                                                    gint64          number);
gboolean        _fd_review_pane_is_media           (FdReviewPane   *self);
char           *_fd_review_pane_stored_path        (FdReviewPane   *self,
                                                    FdAssetVersion *version);
void            _fd_review_pane_sync_view          (FdReviewPane   *self);

/* fd-review-pane-compare.c */
void            _fd_review_pane_pick               (FdReviewPane *self,
                                                    GtkDropDown  *dropdown,
                                                    gint64        number);
void            _fd_review_pane_pick_defaults      (FdReviewPane *self);
void            _fd_review_pane_rebuild_pickers    (FdReviewPane *self);
const char     *_fd_review_pane_show_compare       (FdReviewPane *self);

/* fd-review-pane-banner.c */
void            _fd_review_pane_reload_banner      (FdReviewPane *self);

G_END_DECLS
