/* fd-board-view-private.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-asset-workflow.h"
#include "fd-board-view.h"
#include "fd-query-model.h"
#include "fd-thumbnail-loader.h"

G_BEGIN_DECLS

/* FdBoardView is split by responsibility:
 *   fd-board-view.c          the widget: models, columns, the asset page,
 *                            actions
 *   fd-board-view-layout.c   narrow windows: one column at a time, the
 *                            column picker, the compact filter bar
 *   fd-board-view-dnd.c      drag and drop: drop hints, cards dropped on
 *                            columns, files dropped on the board
 *   fd-board-view-keys.c     the keyboard: moving and opening the focused
 *                            card, the board's shortcuts
 *   fd-board-view-moves.c    moves and decisions: what a drop means, the
 *                            dialogs that ask for a reason, the writes
 *   fd-board-view-import.c   new assets and versions: files (chooser, drag
 *                            and drop) and texts
 *   fd-board-view-filters.c  the filter bar */

typedef struct _FdBoardImport FdBoardImport;

struct _FdBoardView
{
  AdwBin             parent_instance;

  FdWorkspace       *workspace;
  FdAssetList       *assets;
  FdAssetFilter     *filter;
  FdThumbnailLoader *thumbnails;
  FdQueryModel      *current;     /* the person using the board */
  FdQueryModel      *people;      /* active roster, for the person filter */
  FdQueryModel      *briefs;
  GCancellable      *cancellable;
  FdBoardColumn     *columns[FD_ASSET_N_STATES];
  GListStore        *column_store;
  gint64             person_id;
  guint              n_pending;   /* moves, decisions and imports under way */
  gboolean           narrow;
  gboolean           compact_filters;
  guint              layout_source;
  gint64             returning_to; /* the card to focus when the page closes */
  gboolean           asset_open;
  gint64             refocus_asset; /* moved from the keyboard: follow it */
  FdAssetState       refocus_state;

  /* the filter bar's choices, parallel to their drop-downs' items */
  GArray            *brief_ids;
  GArray            *person_ids;
  GPtrArray         *campaigns;
  guint              campaigns_source;
  guint              syncing_filters;

  FdBoardImport     *import;
  gint64             last_brief_id;

  GtkStack          *page_stack;
  GtkStack          *content_stack;
  GtkWidget         *toolbar;
  GtkSearchEntry    *search_entry;
  GtkScrolledWindow *filters_scroller;
  GtkWidget         *filters_box;
  GtkWidget         *filters_popover_box;
  GtkMenuButton     *filters_button;
  GtkDropDown       *brief_dropdown;
  GtkDropDown       *campaign_dropdown;
  GtkDropDown       *kind_dropdown;
  GtkDropDown       *person_dropdown;
  GtkToggleButton   *waiting_button;
  GtkWidget         *clear_filters_button;
  AdwSplitButton    *import_button;
  AdwButtonContent  *import_content;   /* held: the narrow board shows an icon */
  GtkWidget         *narrow_bar;
  GtkDropDown       *column_dropdown;
  GtkRevealer       *import_revealer;
  GtkLabel          *import_label;
  GtkProgressBar    *import_progress;
  AdwStatusPage     *error_page;
  GtkScrolledWindow *columns_scroller;
  GtkBox            *columns_box;
  FdAssetPage       *asset_page;
};

/* fd-board-view.c */
FdAsset  *_fd_board_view_find_asset      (FdBoardView  *self,
                                          gint64        asset_id);
void      _fd_board_view_pending_changed (FdBoardView  *self,
                                          int           delta);
GtkWindow *_fd_board_view_get_window     (FdBoardView  *self);

/* fd-board-view-moves.c */
gboolean  _fd_board_view_check_move      (FdBoardView  *self,
                                          FdAsset      *asset,
                                          FdAssetState  target,
                                          GError      **error);
void      _fd_board_view_review          (FdBoardView  *self,
                                          gint64        asset_id,
                                          FdReviewDecision decision);
void      _fd_board_view_upload          (FdBoardView  *self,
                                          gint64        asset_id);

/* fd-board-view-import.c */
void      _fd_board_view_import_init     (FdBoardView  *self);
void      _fd_board_view_import_clear    (FdBoardView  *self);
void      _fd_board_view_choose_files    (FdBoardView  *self,
                                          gint64        asset_id);
void      _fd_board_view_import_uris     (FdBoardView  *self,
                                          const char * const *uris,
                                          gint64        asset_id);
gboolean  _fd_board_view_drop_files      (FdBoardView  *self,
                                          GSList       *files);
void      _fd_board_view_add_version     (FdBoardView  *self,
                                          gint64        asset_id);
void      _fd_board_view_new_text        (FdBoardView  *self,
                                          FdAssetKind   kind);
void      _fd_board_view_cancel_imports  (FdBoardView  *self);

/* fd-board-view-filters.c */
void      _fd_board_view_filters_init    (FdBoardView  *self);
void      _fd_board_view_filters_reset   (FdBoardView  *self);
void      _fd_board_view_filters_follow  (FdBoardView  *self,
                                          FdAssetList  *assets);
void      _fd_board_view_filters_set_compact (FdBoardView *self,
                                          gboolean      compact);
void      _fd_board_view_clear_filters   (FdBoardView  *self);

/* fd-board-view-layout.c */
void      _fd_board_view_queue_layout    (FdBoardView  *self,
                                          int           width);
void      _fd_board_view_column_picker_init (FdBoardView *self);
void      _fd_board_view_show_column_action (GtkWidget  *widget,
                                          const char   *action_name,
                                          GVariant     *parameter);

/* fd-board-view-dnd.c */
void      _fd_board_view_dnd_init        (FdBoardView  *self);
gboolean  _fd_board_view_column_drop     (FdBoardColumn *column,
                                          FdAsset      *asset,
                                          FdBoardView  *self);
void      _fd_board_view_drag_started_action (GtkWidget *widget,
                                          const char   *action_name,
                                          GVariant     *parameter);
void      _fd_board_view_drag_ended_action (GtkWidget  *widget,
                                          const char   *action_name,
                                          GVariant     *parameter);

/* fd-board-view-keys.c */
void      _fd_board_view_keys_init       (FdBoardView  *self);
void      _fd_board_view_follow_refocus  (FdBoardView  *self,
                                          guint         position,
                                          guint         removed,
                                          guint         added);

G_END_DECLS
