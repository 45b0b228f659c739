/* test-review.c: the review pane in the asset page: the player, comments
 * on frames with marks, comparing versions, placement checks and their
 * overrides, replacement requests and unreadable files
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "fd-asset-catalog.h"
#include "fd-asset-importer.h"
#include "fd-asset-query.h"
#include "fd-asset-workflow.h"
#include "fd-audit-log.h"
#include "fd-board-view.h"
#include "fd-brief.h"
#include "fd-comment-catalog.h"
#include "fd-comment-row.h"
#include "fd-markup-overlay.h"
#include "fd-placement-status.h"
#include "fd-replacement-request.h"
#include "fd-review-pane.h"
#include "fd-reviewer-policy.h"
#include "fd-roster.h"
#include "fd-test-media.h"
#include "fd-test-util.h"
#include "fd-ui-test.h"

/* The workspace: Maya (current) and Grace review videos, both required;
 * the brief "Spring" requires Stories. Assets:
 *
 *   "Trail cut"   video 320×240, v1 and v2 (v2 marks frames 20–30); in review
 *   "Tall cut"    video 1080×1920 (9:16), v1
 *   "Grip line"   headline, two versions
 *   "Broken cut"  video whose stored file is cut short after import */

typedef struct
{
  char          *dir;
  char          *path;
  FdApplication *app;
  FdWindow      *window;
  FdBoardView   *board;
  FdAssetPage   *page;
  FdStore       *store;
  FdMediaStore  *media;
  gint64         maya;
  gint64         grace;
  gint64         brief;
  gint64         trail;
  gint64         tall;
  gint64         headline;
  gint64         broken;
  char          *broken_sha;
} Fixture;

static gint64
find_person (FdStore    *store,
             const char *email)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdPerson) person = fd_roster_find (store, email, &error);

  g_assert_no_error (error);
  return fd_person_get_id (person);
}

static FdAssetImportResult
import_video (Fixture           *f,
              gint64             asset_id,
              const char        *name,
              const FdTestVideo *spec)
{
  g_autoptr(FdAssetImportRequest) request = fd_asset_import_request_new ();
  g_autofree char *file = fd_test_media_make_video (f->dir, name, spec);
  g_autofree char *thumbs = g_build_filename (f->path, "cache", "thumbnails", NULL);
  FdAssetImportResult result = { 0 };
  g_autoptr(GError) error = NULL;

  request->person_id = f->maya;
  request->asset_id = asset_id;
  request->kind = FD_ASSET_KIND_VIDEO;
  request->brief_id = asset_id ? 0 : f->brief;
  request->name = g_strdup (name);
  fd_asset_import_file_in_store (f->store, f->media, thumbs, request, file, &result, NULL, &error);
  g_assert_no_error (error);
  return result;
}

static void
make_assets (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdBrief) brief = NULL;
  gint64 pair[] = { f->maya, f->grace };
  FdTestVideo small = FD_TEST_VIDEO_INIT;
  FdTestVideo changed = FD_TEST_VIDEO_INIT;
  FdTestVideo tall = FD_TEST_VIDEO_INIT;
  FdAssetImportResult result;
  g_autofree char *broken_path = NULL;

  fd_reviewer_policy_set (f->store, f->maya, FD_ASSET_KIND_VIDEO, pair, 2, NULL, 0, &error);
  g_assert_no_error (error);
  fd_reviewer_policy_set (f->store, f->maya, FD_ASSET_KIND_HEADLINE, &f->maya, 1, NULL, 0, &error);
  g_assert_no_error (error);
  brief = fd_brief_create (f->store, "system", "Spring", "OUTCOME_SALES", "Hikers", "Grip",
                           "stories", 0, 0, &error);
  g_assert_no_error (error);
  f->brief = fd_brief_get_id (brief);

  small.frames = 45;
  f->trail = import_video (f, 0, "Trail cut", &small).asset_id;
  changed.frames = 45;
  changed.mark_from = 20;
  changed.mark_to = 30;
  import_video (f, f->trail, "Trail cut v2", &changed);
  fd_asset_transition (f->store, f->maya, f->trail, FD_ASSET_STATE_IN_REVIEW, NULL, &error);
  g_assert_no_error (error);

  tall.width = 1080;
  tall.height = 1920;
  tall.frames = 36;
  tall.x264_preset = "ultrafast";
  f->tall = import_video (f, 0, "Tall cut", &tall).asset_id;

  f->headline = fd_asset_create (f->store, f->maya, FD_ASSET_KIND_HEADLINE, "Grip line", f->brief, 0,
                                 "Grip that holds on rock", &error);
  g_assert_no_error (error);
  fd_asset_add_text_version (f->store, f->maya, f->headline, "Grip that holds on wet rock", NULL, &error);
  g_assert_no_error (error);

  small.frames = 30;
  result = import_video (f, 0, "Broken cut", &small);
  f->broken = result.asset_id;
  f->broken_sha = g_strdup (result.sha256);
  /* The stored file is cut short behind the app's back: a disk error, a
   * sync tool. The page must say so and carry on. */
  broken_path = fd_media_store_get_path (f->media, f->broken_sha);
  g_chmod (broken_path, 0644);
  g_assert_true (g_file_set_contents (broken_path, "\0\0\0\x18" "ftypmp42", 12, NULL));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *db = NULL;
  g_autofree char *media = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = fd_test_tmpdir_new ();
  f->path = fd_ui_test_make_workspace (f->dir, "Review test", TRUE);

  db = g_build_filename (f->path, "flightdeck.db", NULL);
  media = g_build_filename (f->path, "media", NULL);
  f->store = fd_store_open (db, FD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->media = fd_media_store_new (media);
  f->maya = find_person (f->store, "maya@example.com");
  f->grace = find_person (f->store, "grace@example.com");
  make_assets (f);

  f->app = fd_ui_test_app_new ();
  f->window = fd_ui_test_open (f->app, f->path);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  fd_window_show_stage (f->window, "board");
  f->board = FD_BOARD_VIEW (fd_window_get_stage_view (f->window, "board"));
  f->page = fd_board_view_get_asset_page (f->board);
  fd_ui_test_wait_for (fd_board_view_get_person_id (f->board) == f->maya &&
                       fd_asset_list_is_loaded (fd_board_view_get_assets (f->board)));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  fd_ui_test_app_free (f->app);
  g_clear_object (&f->store);
  g_clear_object (&f->media);
  fd_test_tmpdir_free (f->dir);
  g_free (f->path);
  g_free (f->broken_sha);
}

/*
 * Helpers
 */

static FdReviewPane *
open_asset (Fixture *f,
            gint64   asset_id)
{
  FdReviewPane *pane;

  g_assert_true (fd_board_view_open_asset (f->board, asset_id));
  fd_ui_test_wait_for (fd_asset_page_get_loaded (f->page));
  pane = fd_asset_page_get_review_pane (f->page);
  g_assert_nonnull (pane);
  return pane;
}

static FdPlayer *
player_of (FdReviewPane *pane)
{
  return fd_player_view_get_player (fd_review_pane_get_player (pane));
}

static gboolean
player_ready (FdReviewPane *pane)
{
  FdPlayer *player = player_of (pane);

  return fd_player_get_state (player) == FD_PLAYER_STATE_PAUSED && !fd_player_get_seeking (player);
}

/* The frame number painted into the picture shown. */
static int
painted_frame (FdReviewPane *pane)
{
  g_autoptr(GstSample) sample = fd_player_dup_sample (player_of (pane), NULL);

  return sample ? fd_test_media_read_number (sample) : -1;
}

static gboolean
at_frame (FdReviewPane *pane,
          gint64        frame)
{
  return player_ready (pane) && fd_player_get_frame (player_of (pane)) == frame &&
         painted_frame (pane) == frame;
}

static GPtrArray *
stored_comments (Fixture *f,
                 gint64   asset_id,
                 gint64   version)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *comments = fd_comment_list_for_version (f->store, asset_id, version, &error);

  g_assert_no_error (error);
  return comments;
}

static guint
n_items (GListModel *model)
{
  return model ? g_list_model_get_n_items (model) : 0;
}

static AdwMessageDialog *
wait_for_dialog (void)
{
  fd_ui_test_wait_for (fd_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  return ADW_MESSAGE_DIALOG (fd_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
}

static void
answer_dialog (AdwMessageDialog *dialog,
               const char       *text,
               const char       *response)
{
  GtkWidget *input = adw_message_dialog_get_extra_child (dialog);
  GtkTextView *view = GTK_TEXT_VIEW (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (input)));

  g_assert_false (adw_message_dialog_get_response_enabled (dialog, response));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  fd_ui_test_wait_for (fd_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG) == NULL);
}

/* The board confirms an approval in a dialog (with an optional comment). */
static void
approve (Fixture *f)
{
  AdwMessageDialog *dialog;

  gtk_widget_activate (fd_asset_page_get_action_button (f->page, "approve"));
  dialog = wait_for_dialog ();
  adw_message_dialog_response (dialog, "ok");
  gtk_window_close (GTK_WINDOW (dialog));
  fd_ui_test_wait_for (fd_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG) == NULL);
}

static GtkListBoxRow *
first_comment_row (FdCommentsPanel *panel)
{
  GtkWidget *widget = GTK_WIDGET (panel);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *stack[64];
      guint n = 0;

      stack[n++] = child;
      while (n > 0)
        {
          GtkWidget *w = stack[--n];

          if (FD_IS_COMMENT_ROW (w))
            return GTK_LIST_BOX_ROW (w);
          for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL && n < G_N_ELEMENTS (stack);
               c = gtk_widget_get_next_sibling (c))
            stack[n++] = c;
        }
    }

  return NULL;
}

static gboolean
history_says (Fixture    *f,
              const char *text)
{
  GListModel *history = fd_asset_page_get_history (f->page);

  for (guint i = 0; i < n_items (history); i++)
    {
      g_autoptr(FdAuditEvent) event = g_list_model_get_item (history, i);
      const char *said = fd_asset_page_describe_event (f->page, fd_audit_event_get_seq (event));

      if (said != NULL && strstr (said, text) != NULL)
        return TRUE;
    }

  return FALSE;
}

/*
 * The player and comments
 */

static void
test_player_comments (Fixture       *f,
                      gconstpointer  data)
{
  FdReviewPane *pane = open_asset (f, f->trail);
  FdCommentsPanel *panel = fd_review_pane_get_comments (pane);
  FdMarkupOverlay *overlay = fd_player_view_get_markup_overlay (fd_review_pane_get_player (pane));
  g_autoptr(FdMarkupShape) rect = fd_markup_shape_new (FD_MARKUP_RECTANGLE, "#e01b24");
  g_autoptr(GPtrArray) comments = NULL;
  GtkListBoxRow *row;
  FdComment *comment;
  FdMarkupShape *mark;
  double x, y;

  /* The player shows the current version, v2, in place of the preview. */
  g_assert_cmpstr (fd_review_pane_get_visible_view (pane), ==, "review");
  g_assert_false (gtk_widget_get_visible (fd_asset_page_get_preview (f->page)));
  fd_ui_test_wait_for (player_ready (pane));
  g_assert_cmpint (fd_player_get_n_frames (player_of (pane)), ==, 45);
  fd_ui_test_wait_for (fd_comments_panel_get_loaded (panel));
  g_assert_cmpuint (n_items (fd_comments_panel_get_threads (panel)), ==, 0);

  /* A comment at frame 17 with a rectangle drawn on the frame. */
  fd_player_view_seek_frame (fd_review_pane_get_player (pane), 17);
  fd_ui_test_wait_for (at_frame (pane, 17));
  fd_markup_shape_add_point (rect, 0.25, 0.125);
  fd_markup_shape_add_point (rect, 0.75, 0.5);
  g_signal_emit_by_name (overlay, "shape-drawn", rect);
  gtk_text_buffer_set_text (fd_comments_panel_get_buffer (panel), "Logo too close to the edge", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "comments.add", NULL));
  fd_ui_test_wait_for (n_items (fd_comments_panel_get_threads (panel)) == 1);

  comments = stored_comments (f, f->trail, 2);
  g_assert_cmpuint (comments->len, ==, 1);
  comment = g_ptr_array_index (comments, 0);
  g_assert_cmpstr (fd_comment_get_text (comment), ==, "Logo too close to the edge");
  g_assert_cmpint (fd_comment_get_frame_start (comment), ==, 17);
  g_assert_cmpint (fd_comment_get_frame_end (comment), ==, 17);
  mark = fd_comment_get_mark (comment);
  g_assert_nonnull (mark);
  g_assert_cmpint (fd_markup_shape_get_kind (mark), ==, FD_MARKUP_RECTANGLE);
  g_assert_cmpuint (fd_markup_shape_get_n_points (mark), ==, 2);
  fd_markup_shape_get_point (mark, 0, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 0.25, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, 0.125, 1e-9);
  fd_markup_shape_get_point (mark, 1, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 0.75, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, 0.5, 1e-9);
  /* The composer is empty again, the mark gone with it. */
  g_assert_cmpint (gtk_text_buffer_get_char_count (fd_comments_panel_get_buffer (panel)), ==, 0);
  g_assert_cmpuint (n_items (fd_markup_overlay_get_shapes (overlay)), ==, 0);

  /* Clicking the comment brings the player back to exactly frame 17 and
   * shows its mark. */
  fd_player_view_seek_frame (fd_review_pane_get_player (pane), 3);
  fd_ui_test_wait_for (at_frame (pane, 3));
  row = first_comment_row (panel);
  g_assert_nonnull (row);
  g_signal_emit_by_name (gtk_widget_get_parent (GTK_WIDGET (row)), "row-activated", row);
  fd_ui_test_wait_for (at_frame (pane, 17));
  g_assert_nonnull (fd_comments_panel_get_selected (panel));
  g_assert_cmpuint (n_items (fd_markup_overlay_get_shapes (overlay)), ==, 1);

  /* The history tells it in words. */
  fd_ui_test_wait_for (history_says (f, "with a mark on the frame: “Logo too close to the edge”"));

  /* Resolved, it leaves the unresolved list and stays under "All". */
  gtk_widget_activate_action (GTK_WIDGET (panel), "comments.resolve", "x",
                              fd_comment_get_id (comment));
  fd_ui_test_wait_for (n_items (fd_comments_panel_get_threads (panel)) == 0);
  g_clear_pointer (&comments, g_ptr_array_unref);
  comments = stored_comments (f, f->trail, 2);
  g_assert_true (fd_comment_get_resolved (g_ptr_array_index (comments, 0)));
  fd_comments_panel_set_show_resolved (panel, TRUE);
  fd_ui_test_wait_for (n_items (fd_comments_panel_get_threads (panel)) == 1);
}

static void
test_reply (Fixture       *f,
            gconstpointer  data)
{
  FdReviewPane *pane = open_asset (f, f->trail);
  FdCommentsPanel *panel = fd_review_pane_get_comments (pane);
  g_autoptr(GPtrArray) comments = NULL;
  gint64 id;

  fd_ui_test_wait_for (player_ready (pane) && fd_comments_panel_get_loaded (panel));
  gtk_text_buffer_set_text (fd_comments_panel_get_buffer (panel), "Cut the pause", -1);
  gtk_widget_activate_action (GTK_WIDGET (panel), "comments.add", NULL);
  fd_ui_test_wait_for (n_items (fd_comments_panel_get_threads (panel)) == 1);
  comments = stored_comments (f, f->trail, 2);
  id = fd_comment_get_id (g_ptr_array_index (comments, 0));
  g_assert_cmpint (fd_comment_get_frame_start (g_ptr_array_index (comments, 0)), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (panel), "comments.reply", "x", id);
  answer_dialog (wait_for_dialog (), "Done in v3", "ok");
  fd_ui_test_wait_for (n_items (fd_comments_panel_get_comments (panel)) == 2);
  g_clear_pointer (&comments, g_ptr_array_unref);
  comments = stored_comments (f, f->trail, 2);
  g_assert_cmpuint (fd_comment_get_n_replies (g_ptr_array_index (comments, 0)), ==, 1);
  g_assert_cmpstr (fd_comment_get_text (g_ptr_array_index (comments, 1)), ==, "Done in v3");
  g_assert_true (fd_ui_test_label_contains (GTK_WIDGET (panel), "1 reply"));
}

/*
 * Comparing
 */

static void
test_compare_media (Fixture       *f,
                    gconstpointer  data)
{
  FdReviewPane *pane = open_asset (f, f->trail);
  FdCompareView *view = fd_review_pane_get_compare_view (pane);
  const FdMediaDiffResult *result;
  g_autofree char *cache = g_build_filename (f->path, "cache", "diff", NULL);
  g_autoptr(GDir) dir = NULL;
  const FdChangeRange *range;

  g_assert_true (fd_review_pane_get_can_compare (pane));
  g_assert_true (fd_asset_page_get_can_compare (f->page));

  /* The versions list's "Compare with v1" asks the pane. */
  g_signal_emit_by_name (f->page, "compare-versions", (gint64)1, (gint64)2);
  g_assert_true (fd_review_pane_get_comparing (pane));
  g_assert_cmpstr (fd_review_pane_get_visible_view (pane), ==, "compare");
  fd_ui_test_wait_for (fd_compare_transport_get_n_frames (fd_compare_view_get_transport (view)) == 45);

  /* The change timeline: frames 20–30 differ, computed in the background
   * and cached under the pair's SHA-256. */
  fd_ui_test_wait_for (fd_compare_view_get_diff_result (view) != NULL);
  result = fd_compare_view_get_diff_result (view);
  g_assert_cmpuint (result->ranges->len, ==, 1);
  range = &g_array_index (result->ranges, FdChangeRange, 0);
  g_assert_cmpint (range->first_frame, ==, 20);
  g_assert_cmpint (range->last_frame, ==, 30);
  dir = g_dir_open (cache, 0, NULL);
  g_assert_nonnull (dir);
  g_assert_nonnull (g_dir_read_name (dir));

  fd_compare_view_set_mode (view, "difference");
  g_assert_cmpstr (fd_compare_view_get_mode (view), ==, "difference");

  /* Back to the player. */
  fd_review_pane_set_comparing (pane, FALSE);
  g_assert_cmpstr (fd_review_pane_get_visible_view (pane), ==, "review");
}

static void
test_compare_text (Fixture       *f,
                   gconstpointer  data)
{
  FdReviewPane *pane = open_asset (f, f->headline);
  GtkTextBuffer *buffer;
  GtkTextTagTable *tags;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  /* A text shows no player; its text stays in the page's preview. */
  g_assert_cmpstr (fd_review_pane_get_visible_view (pane), ==, "none");
  g_assert_true (gtk_widget_get_visible (fd_asset_page_get_preview (f->page)));

  fd_review_pane_set_comparing (pane, TRUE);
  g_assert_cmpstr (fd_review_pane_get_visible_view (pane), ==, "text-diff");
  buffer = fd_text_diff_view_get_buffer (fd_review_pane_get_text_diff (pane));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_nonnull (strstr (text, "wet"));
  tags = gtk_text_buffer_get_tag_table (buffer);
  g_assert_nonnull (gtk_text_tag_table_lookup (tags, "inserted"));
  g_assert_nonnull (strstr (fd_text_diff_view_get_summary (fd_review_pane_get_text_diff (pane)), "1"));

  /* The inserted word carries the "inserted" tag. */
  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, "wet", 0, &start, NULL, NULL));
  g_assert_true (gtk_text_iter_has_tag (&start, gtk_text_tag_table_lookup (tags, "inserted")));
}

/*
 * Placements
 */

static FdPlacementStatus *
status_of (FdPlacementPanel *panel,
           FdPlacement       placement)
{
  return g_list_model_get_item (fd_placement_panel_get_statuses (panel), placement);
}

static void
test_placements (Fixture       *f,
                 gconstpointer  data)
{
  FdReviewPane *pane = open_asset (f, f->tall);
  FdPlacementPanel *panel = fd_review_pane_get_placements (pane);
  g_autoptr(FdPlacementStatus) stories = NULL;
  g_autoptr(FdPlacementStatus) small_stories = NULL;

  fd_ui_test_wait_for (fd_placement_panel_get_loaded (panel));
  g_assert_cmpuint (n_items (fd_placement_panel_get_statuses (panel)), ==, FD_N_PLACEMENTS);
  stories = status_of (panel, FD_PLACEMENT_STORIES);
  g_assert_cmpint (fd_placement_status_get_result (stories), ==, FD_PLACEMENT_PASS);
  g_assert_true (fd_placement_status_get_required (stories));
  g_assert_false (fd_placement_status_get_blocking (stories));
  g_assert_null (fd_placement_panel_get_override_button (panel, FD_PLACEMENT_STORIES));
  g_assert_true (fd_ui_test_label_contains (GTK_WIDGET (panel), "required by the brief"));

  open_asset (f, f->trail);
  fd_ui_test_wait_for (fd_placement_panel_get_loaded (panel));
  small_stories = status_of (panel, FD_PLACEMENT_STORIES);
  g_assert_cmpint (fd_placement_status_get_result (small_stories), ==, FD_PLACEMENT_FAIL);
  g_assert_true (fd_placement_status_get_blocking (small_stories));
  g_assert_nonnull (fd_placement_status_get_reasons (small_stories)[0]);
}

static gboolean
overridden (FdPlacementPanel *panel,
            FdPlacement       placement)
{
  g_autoptr(FdPlacementStatus) status = NULL;

  if (!fd_placement_panel_get_loaded (panel) ||
      n_items (fd_placement_panel_get_statuses (panel)) <= placement)
    return FALSE;

  status = status_of (panel, placement);
  return fd_placement_status_get_overridden (status);
}

static gboolean
has_event (Fixture    *f,
           const char *entity_type)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = fd_audit_log_list (f->store, entity_type, NULL, 0, -1, &error);

  g_assert_no_error (error);
  return events->len > 0;
}

static void
test_override (Fixture       *f,
               gconstpointer  data)
{
  FdReviewPane *pane = open_asset (f, f->trail);
  FdPlacementPanel *panel = fd_review_pane_get_placements (pane);
  GtkWidget *approve_button = fd_asset_page_get_action_button (f->page, "approve");
  GtkWidget *button;
  g_autoptr(FdPlacementStatus) status = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FdAsset) asset = NULL;

  fd_ui_test_wait_for (fd_placement_panel_get_loaded (panel));

  /* Approving is refused with the gate's reason, in a toast. */
  g_assert_true (gtk_widget_get_sensitive (approve_button));
  approve (f);
  fd_ui_test_wait_for (fd_ui_test_label_contains (GTK_WIDGET (f->window), "Stories"));
  g_assert_false (has_event (f, "review"));

  /* Maya is a required reviewer: she may override, with a reason. */
  button = fd_placement_panel_get_override_button (panel, FD_PLACEMENT_STORIES);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  gtk_widget_activate (button);
  answer_dialog (wait_for_dialog (), "Feed-only cutdown; Stories gets the 9:16 cut", "ok");
  fd_ui_test_wait_for (overridden (panel, FD_PLACEMENT_STORIES));
  status = status_of (panel, FD_PLACEMENT_STORIES);
  g_assert_false (fd_placement_status_get_blocking (status));
  g_assert_cmpstr (fd_placement_status_get_override_reason (status), ==,
                   "Feed-only cutdown; Stories gets the 9:16 cut");
  g_assert_true (has_event (f, "placement_override"));
  g_assert_null (fd_placement_panel_get_override_button (panel, FD_PLACEMENT_STORIES));

  /* Now the approvals go through. */
  approve (f);
  fd_ui_test_wait_for (has_event (f, "review"));
  g_assert_true (fd_asset_review (f->store, f->grace, f->trail, FD_REVIEW_DECISION_APPROVED, NULL, NULL,
                                  &error));
  g_assert_no_error (error);
  asset = fd_asset_get (f->store, f->trail, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fd_asset_get_state (asset), ==, FD_ASSET_STATE_APPROVED);
}

static void
test_override_refused (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 dana = find_person (f->store, "dana@example.com");
  FdReviewPane *pane;
  FdPlacementPanel *panel;
  GtkWidget *button;

  /* Dana reviews nothing: the button is there, disabled, and says why. */
  g_assert_true (fd_roster_set_current (f->store, "system", dana, &error));
  g_assert_no_error (error);
  fd_ui_test_wait_for (fd_board_view_get_person_id (f->board) == dana);
  pane = open_asset (f, f->trail);
  panel = fd_review_pane_get_placements (pane);
  fd_ui_test_wait_for (fd_placement_panel_get_loaded (panel));
  button = fd_placement_panel_get_override_button (panel, FD_PLACEMENT_STORIES);
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (button), "required reviewer"));
}

/*
 * Replacement requests and bad files
 */

static void
test_replacement_banner (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdAssetVersion) version = fd_asset_find_version (f->store, f->trail, 2, &error);
  g_autofree char *sql = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GHashTable) open = NULL;
  FdReviewPane *pane;

  g_assert_no_error (error);
  /* What triage's queue_replacement leaves (its own tests cover how). */
  sql = g_strdup_printf ("INSERT INTO replacement_request (ad_id, version_ids, note, created_us, "
                         "created_by) VALUES ('23851', '[%lld]', 'CTR fell below 0.6%%', 1, 'system')",
                         (long long)fd_asset_version_get_id (version));
  g_assert_true (fd_store_exec (f->store, sql, &error));
  g_assert_no_error (error);

  requests = fd_replacement_request_list_for_asset (f->store, f->trail, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (requests->len, ==, 1);
  open = fd_replacement_request_open_assets (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (open, &f->trail)), ==, 1);
  g_assert_false (g_hash_table_contains (open, &f->tall));

  pane = open_asset (f, f->trail);
  fd_ui_test_wait_for (fd_review_pane_get_banner (pane) != NULL);
  g_assert_nonnull (strstr (fd_review_pane_get_banner (pane), "Replacement requested"));
  g_assert_nonnull (strstr (fd_review_pane_get_banner (pane), "23851"));
  g_assert_nonnull (strstr (fd_review_pane_get_banner (pane), "CTR fell"));

  open_asset (f, f->tall);
  fd_ui_test_wait_for (fd_review_pane_get_banner (pane) == NULL);
}

static void
test_bad_media (Fixture       *f,
                gconstpointer  data)
{
  FdReviewPane *pane = open_asset (f, f->broken);
  g_autofree char *path = fd_media_store_get_path (f->media, f->broken_sha);

  fd_ui_test_wait_for (fd_review_pane_get_problem (pane) != NULL);
  g_assert_cmpint (fd_player_get_state (player_of (pane)), ==, FD_PLAYER_STATE_ERROR);

  /* A file missing altogether is said so, before the player tries. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  open_asset (f, f->trail);
  fd_ui_test_wait_for (player_ready (pane));
  open_asset (f, f->broken);
  g_assert_cmpstr (fd_review_pane_get_visible_view (pane), ==, "problem");
  g_assert_nonnull (strstr (fd_review_pane_get_problem (pane), "missing"));

  /* And the app carries on with the next asset. */
  open_asset (f, f->trail);
  fd_ui_test_wait_for (player_ready (pane));
  g_assert_cmpstr (fd_review_pane_get_visible_view (pane), ==, "review");
}

/*
 * Narrow windows
 */

static int
minimum_width (GtkWidget *widget)
{
  int minimum = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return minimum;
}

/* A phone-sized window: the asset page with the player, then comparing
 * two versions, then a text diff, never asks for more than 400 pixels. */
static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  FdReviewPane *pane = open_asset (f, f->trail);
  FdCompareView *view = fd_review_pane_get_compare_view (pane);

  fd_ui_test_wait_for (player_ready (pane));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 800);
  /* The page and pane switch layouts after an allocation at the width. */
  fd_ui_test_wait_for (minimum_width (GTK_WIDGET (f->window)) <= 400);

  fd_review_pane_set_comparing (pane, TRUE);
  g_assert_cmpstr (fd_review_pane_get_visible_view (pane), ==, "compare");
  fd_ui_test_wait_for (fd_compare_transport_get_n_frames (fd_compare_view_get_transport (view)) == 45);
  for (const char *mode = "side-by-side"; mode != NULL;
       mode = g_str_equal (mode, "side-by-side") ? "difference" : NULL)
    {
      fd_compare_view_set_mode (view, mode);
      fd_ui_test_iterate ();
      g_assert_cmpint (minimum_width (GTK_WIDGET (f->window)), <=, 400);
    }

  pane = open_asset (f, f->headline);
  fd_review_pane_set_comparing (pane, TRUE);
  g_assert_cmpstr (fd_review_pane_get_visible_view (pane), ==, "text-diff");
  fd_ui_test_iterate ();
  g_assert_cmpint (minimum_width (GTK_WIDGET (f->window)), <=, 400);
}

int
main (int   argc,
      char *argv[])
{
  fd_ui_test_init (&argc, &argv);
  gst_init (&argc, &argv);

#define REVIEW_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  REVIEW_TEST ("/review/player-comments", test_player_comments);
  REVIEW_TEST ("/review/reply", test_reply);
  REVIEW_TEST ("/review/compare-media", test_compare_media);
  REVIEW_TEST ("/review/compare-text", test_compare_text);
  REVIEW_TEST ("/review/placements", test_placements);
  REVIEW_TEST ("/review/override", test_override);
  REVIEW_TEST ("/review/override-refused", test_override_refused);
  REVIEW_TEST ("/review/replacement-banner", test_replacement_banner);
  REVIEW_TEST ("/review/bad-media", test_bad_media);
  REVIEW_TEST ("/review/narrow", test_narrow);

  return g_test_run ();
}
