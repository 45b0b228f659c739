/* fd-asset-page-private.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fd-asset-page.h"
#include "fd-asset-version.h"
#include "fd-audit-event.h"
#include "fd-thumbnail-loader.h"

G_BEGIN_DECLS

/* FdAssetPage is split by responsibility:
 *   fd-asset-page.c           the widget: properties, the header, details
 *                             and reviewers, the narrow layout, public API
 *   fd-asset-page-versions.c  the version shown: its preview, and the
 *                             versions list that selects it
 *   fd-asset-page-load.c      versions, decisions and history, read off
 *                             the main loop; the history list
 *   fd-asset-page-actions.c   the buttons, and why one may not be used
 *   fd-asset-page-rows.c      the rows of its lists (details, reviewers,
 *                             versions, history)
 *   fd-asset-page-review.c    the review pane in the review slot */

struct _FdAssetPage
{
  GtkWidget          parent_instance;

  FdWorkspace       *workspace;
  FdAsset           *asset;
  gint64             person_id;
  gint64             selected_version;  /* 0: the current one */
  gboolean           can_compare;
  gboolean           loaded;
  gboolean           narrow;
  gboolean           phone;
  GSignalGroup      *asset_signals;
  GSignalGroup      *workspace_signals;
  GListStore        *versions;   /* FdAssetVersion, newest first */
  GListStore        *reviews;    /* FdAssetReview */
  GListStore        *history;    /* FdAuditEvent, newest first */
  GHashTable        *descriptions; /* seq → what happened */
  GHashTable        *actors;       /* seq → who */
  char              *creator;
  FdThumbnailLoader *thumbnails;
  GCancellable      *load;
  GCancellable      *preview_load;
  guint              reload_source;
  guint              layout_source;
  guint              syncing;

  GtkWidget         *page_box;
  GtkWidget         *back_button;
  GtkLabel          *title_label;
  GtkLabel          *state_label;
  GtkLabel          *subtitle_label;
  GtkBox            *actions_box;
  GtkWidget         *submit_button;
  GtkWidget         *approve_button;
  GtkWidget         *changes_button;
  GtkWidget         *upload_button;
  GtkWidget         *version_button;
  GtkWidget         *comment_button;
  GtkWidget         *archive_button;
  GtkScrolledWindow *scroller;
  GtkBox            *top_box;
  GtkWidget         *side_box;
  AdwClamp          *side_clamp;
  GtkBox            *review_slot;
  GtkStack          *preview_stack;
  GtkPicture        *preview_picture;
  GtkLabel          *preview_text;
  AdwStatusPage     *missing_page;
  GtkLabel          *preview_caption;
  GtkListBox        *details_list;
  AdwPreferencesGroup *reviewers_group;
  GtkListBox        *reviewers_list;
  GtkListBox        *versions_list;
  GtkListBox        *history_list;
};

/* fd-asset-page.c */
void       _fd_asset_page_finish_load   (FdAssetPage    *self);

/* fd-asset-page-versions.c */
gint64     _fd_asset_page_shown_version (FdAssetPage    *self);
void       _fd_asset_page_sync_preview  (FdAssetPage    *self);
void       _fd_asset_page_rebind_versions (FdAssetPage  *self);
void       _fd_asset_page_versions_init (FdAssetPage    *self);

/* fd-asset-page-load.c */
void       _fd_asset_page_reload        (FdAssetPage    *self);
void       _fd_asset_page_queue_reload  (FdAssetPage    *self);
void       _fd_asset_page_bind_history  (FdAssetPage    *self);

/* fd-asset-page-actions.c */
void       _fd_asset_page_sync_actions  (FdAssetPage    *self);
void       _fd_asset_page_actions_init  (FdAssetPage    *self);

/* fd-asset-page-rows.c */
GtkWidget *_fd_asset_page_version_row   (FdAssetVersion *version,
                                         FdAsset        *asset,
                                         gboolean        can_compare,
                                         gint64          compare_with);
GtkWidget *_fd_asset_page_reviewer_row  (FdAssetReviewer *reviewer,
                                         gint64          version);
GtkWidget *_fd_asset_page_history_row   (FdAuditEvent   *event,
                                         const char     *description,
                                         const char     *actor);
void       _fd_asset_page_fill_details  (GtkListBox     *list,
                                         FdAsset        *asset,
                                         const char     *creator);
gint64     _fd_asset_page_row_version   (GtkListBoxRow  *row);
void       _fd_asset_page_attach_review (FdAssetPage    *self);

G_END_DECLS
