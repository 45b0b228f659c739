/* test-board.c: the approval board, its cards, moves, filters, imports,
 * the asset page and the reviewer policies in the preferences
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "fd-asset-catalog.h"
#include "fd-asset-query.h"
#include "fd-asset-workflow.h"
#include "fd-audit-log.h"
#include "fd-board-view.h"
#include "fd-brief.h"
#include "fd-ownership.h"
#include "fd-preferences-window.h"
#include "fd-replacement-request.h"
#include "fd-reviewer-policy.h"
#include "fd-roster.h"
#include "fd-rulebook.h"
#include "fd-test-media.h"
#include "fd-test-util.h"
#include "fd-text-asset-dialog.h"
#include "fd-triage.h"
#include "fd-ui-test.h"
#include "rules-fixture.h"

/* The workspace every test starts from, made through the core API: Maya
 * (current), Grace and Dana; headlines and primary texts reviewed by Maya
 * and Grace (required), scripts by Maya; and text assets in five columns:
 *
 *   Draft               "Trail grip"        (headline, brief "Spring")
 *                       "Rain shell story"  (primary text, no brief)
 *                       "Hero voice-over"   (script, brief "Spring")
 *   In Review           "Wet rock"          (headline, campaign "Spring DE")
 *   Revision Requested  "Dry inside"        (headline, Grace asked for changes)
 *   Approved            "Full grip"         (headline, two versions)
 *   Archived            "Conquer"           (headline, "Off-brief") */

typedef struct
{
  char          *dir;
  char          *path;
  FdApplication *app;
  FdWindow      *window;
  FdBoardView   *board;
  FdStore       *store;      /* a connection of the test's own */
  gint64         maya;
  gint64         grace;
  gint64         dana;
  gint64         brief;
  gint64         draft;
  gint64         text;
  gint64         script;
  gint64         review;
  gint64         revision;
  gint64         approved;
  gint64         archived;
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

static gint64
create (Fixture     *f,
        FdAssetKind  kind,
        const char  *name,
        gint64       brief,
        const char  *text)
{
  g_autoptr(GError) error = NULL;
  gint64 id = fd_asset_create (f->store, f->maya, kind, name, brief, 0, text, &error);

  g_assert_no_error (error);
  return id;
}

static void
move (Fixture      *f,
      gint64        person,
      gint64        asset,
      FdAssetState  target,
      const char   *text)
{
  g_autoptr(GError) error = NULL;

  fd_asset_transition (f->store, person, asset, target, text, &error);
  g_assert_no_error (error);
}

static void
review (Fixture          *f,
        gint64            person,
        gint64            asset,
        FdReviewDecision  decision,
        const char       *feedback)
{
  g_autoptr(GError) error = NULL;

  fd_asset_review (f->store, person, asset, decision, feedback, NULL, &error);
  g_assert_no_error (error);
}

static void
make_assets (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdBrief) brief = NULL;
  gint64 pair[] = { f->maya, f->grace };
  FdAssetChanges campaign = { FD_ASSET_CHANGE_CAMPAIGN, NULL, 0, "Spring DE", 0, 0 };

  fd_reviewer_policy_set (f->store, f->maya, FD_ASSET_KIND_HEADLINE, pair, 2, NULL, 0, &error);
  g_assert_no_error (error);
  fd_reviewer_policy_set (f->store, f->maya, FD_ASSET_KIND_PRIMARY_TEXT, pair, 2, NULL, 0, &error);
  g_assert_no_error (error);
  fd_reviewer_policy_set (f->store, f->maya, FD_ASSET_KIND_SCRIPT, &f->maya, 1, NULL, 0, &error);
  g_assert_no_error (error);

  brief = fd_brief_create (f->store, "system", "Spring", "OUTCOME_SALES", "Hikers", "Grip",
                           "feed", 0, 0, &error);
  g_assert_no_error (error);
  f->brief = fd_brief_get_id (brief);

  f->draft = create (f, FD_ASSET_KIND_HEADLINE, "Trail grip", f->brief, "Grip that holds");
  f->text = create (f, FD_ASSET_KIND_PRIMARY_TEXT, "Rain shell story", 0, "Still dry inside.");
  f->script = create (f, FD_ASSET_KIND_SCRIPT, "Hero voice-over", f->brief, "0–2 s: rain on granite");

  f->review = create (f, FD_ASSET_KIND_HEADLINE, "Wet rock", f->brief, "Wet rock. Full grip.");
  fd_asset_update (f->store, f->maya, f->review, &campaign, &error);
  g_assert_no_error (error);
  move (f, f->maya, f->review, FD_ASSET_STATE_IN_REVIEW, NULL);

  f->revision = create (f, FD_ASSET_KIND_HEADLINE, "Dry inside", f->brief, "Dry inside, always");
  move (f, f->maya, f->revision, FD_ASSET_STATE_IN_REVIEW, NULL);
  review (f, f->grace, f->revision, FD_REVIEW_DECISION_CHANGES_REQUESTED, "Say what keeps it dry");

  f->approved = create (f, FD_ASSET_KIND_HEADLINE, "Full grip", f->brief, "Full grip");
  fd_asset_add_text_version (f->store, f->maya, f->approved, "Full grip on wet rock", "Longer", &error);
  g_assert_no_error (error);
  move (f, f->maya, f->approved, FD_ASSET_STATE_IN_REVIEW, NULL);
  review (f, f->maya, f->approved, FD_REVIEW_DECISION_APPROVED, NULL);
  review (f, f->grace, f->approved, FD_REVIEW_DECISION_APPROVED, NULL);

  f->archived = create (f, FD_ASSET_KIND_HEADLINE, "Conquer", f->brief, "Conquer every trail");
  move (f, f->maya, f->archived, FD_ASSET_STATE_ARCHIVED, "Off-brief");
}

static gboolean
board_loaded (Fixture *f)
{
  FdAssetList *assets = fd_board_view_get_assets (f->board);

  return assets != NULL && fd_asset_list_is_loaded (assets) &&
         g_list_model_get_n_items (G_LIST_MODEL (assets)) == 7 &&
         fd_board_view_get_person_id (f->board) == f->maya;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *db = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = fd_test_tmpdir_new ();
  f->path = fd_ui_test_make_workspace (f->dir, "Board test", TRUE);

  db = g_build_filename (f->path, "flightdeck.db", NULL);
  f->store = fd_store_open (db, FD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->maya = find_person (f->store, "maya@example.com");
  f->grace = find_person (f->store, "grace@example.com");
  f->dana = find_person (f->store, "dana@example.com");
  make_assets (f);

  f->app = fd_ui_test_app_new ();
  f->window = fd_ui_test_open (f->app, f->path);
  fd_window_show_stage (f->window, "board");
  f->board = FD_BOARD_VIEW (fd_window_get_stage_view (f->window, "board"));
  fd_ui_test_wait_for (board_loaded (f));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  fd_ui_test_app_free (f->app);
  g_clear_object (&f->store);
  fd_test_tmpdir_free (f->dir);
  g_free (f->path);
}

/*
 * Helpers
 */

static FdBoardColumn *
column (Fixture      *f,
        FdAssetState  state)
{
  return fd_board_view_get_column (f->board, state);
}

static guint
count (Fixture      *f,
       FdAssetState  state)
{
  return fd_board_column_get_n_items (column (f, state));
}

static gboolean
column_has (Fixture      *f,
            FdAssetState  state,
            gint64        asset_id)
{
  GListModel *model = fd_board_column_get_model (column (f, state));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(FdAsset) asset = g_list_model_get_item (model, i);

      if (fd_asset_get_id (asset) == asset_id)
        return TRUE;
    }

  return FALSE;
}

static FdAssetState
stored_state (Fixture *f,
              gint64   asset_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdAsset) asset = fd_asset_get (f->store, asset_id, &error);

  g_assert_no_error (error);
  return fd_asset_get_state (asset);
}

static gint64
head_seq (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 seq = fd_audit_log_get_head_seq (f->store, &error);

  g_assert_no_error (error);
  return seq;
}

static guint
n_assets_stored (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = fd_asset_list_all (f->store, &error);

  g_assert_no_error (error);
  return all->len;
}

static FdAuditEvent *
last_event (Fixture    *f,
            const char *entity_type,
            gint64      entity_id)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, entity_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = fd_audit_log_list (f->store, entity_type, id, 0, -1, &error);

  g_assert_no_error (error);
  return events->len ? g_object_ref (g_ptr_array_index (events, events->len - 1)) : NULL;
}

static gboolean
shows_toast (Fixture    *f,
             const char *text)
{
  return fd_ui_test_label_contains (GTK_WIDGET (f->window), text);
}

static FdAssetCard *
card_of (Fixture      *f,
         FdAssetState  state,
         gint64        asset_id)
{
  return fd_board_column_find_card (column (f, state), asset_id);
}

static gboolean
drop_on_column (Fixture      *f,
                gint64        asset_id,
                FdAssetState  target)
{
  GtkDropTarget *drop = fd_board_column_get_drop_target (column (f, target));
  FdAsset *asset = fd_asset_list_find (fd_board_view_get_assets (f->board), asset_id, NULL);
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_assert_nonnull (asset);
  g_value_init (&value, FD_TYPE_ASSET);
  g_value_set_object (&value, asset);
  g_signal_emit_by_name (drop, "drop", &value, 20.0, 20.0, &accepted);
  g_value_unset (&value);

  return accepted;
}

static gboolean
card_says (Fixture      *f,
           FdAssetState  state,
           gint64        asset_id,
           const char   *text)
{
  FdAssetCard *card = card_of (f, state, asset_id);
  g_autofree char *summary = card ? fd_asset_card_dup_summary (card) : NULL;

  return summary != NULL && strstr (summary, text) != NULL;
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

  if (text != NULL && GTK_IS_EDITABLE (input))
    gtk_editable_set_text (GTK_EDITABLE (input), text);
  else if (text != NULL && GTK_IS_SCROLLED_WINDOW (input))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (input)))),
                              text, -1);

  g_assert_true (adw_message_dialog_get_response_enabled (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  fd_ui_test_wait_for (fd_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG) == NULL);
}

/*
 * The columns and the cards
 */

static void
test_columns (Fixture       *f,
              gconstpointer  data)
{
  FdAssetCard *card;
  g_autofree char *summary = NULL;

  g_assert_cmpuint (count (f, FD_ASSET_STATE_DRAFT), ==, 3);
  g_assert_cmpuint (count (f, FD_ASSET_STATE_IN_REVIEW), ==, 1);
  g_assert_cmpuint (count (f, FD_ASSET_STATE_REVISION_REQUESTED), ==, 1);
  g_assert_cmpuint (count (f, FD_ASSET_STATE_APPROVED), ==, 1);
  g_assert_cmpuint (count (f, FD_ASSET_STATE_UPLOADED), ==, 0);
  g_assert_cmpuint (count (f, FD_ASSET_STATE_ARCHIVED), ==, 1);
  g_assert_true (column_has (f, FD_ASSET_STATE_REVISION_REQUESTED, f->revision));

  /* A card says what it is, and each required reviewer's decision. */
  fd_ui_test_wait_for (card_of (f, FD_ASSET_STATE_REVISION_REQUESTED, f->revision) != NULL);
  card = card_of (f, FD_ASSET_STATE_REVISION_REQUESTED, f->revision);
  summary = fd_asset_card_dup_summary (card);
  g_assert_nonnull (strstr (summary, "Dry inside, Headline, version 1, Revision Requested"));
  g_assert_nonnull (strstr (summary, "brief Spring"));
  g_assert_nonnull (strstr (summary, "Grace Okafor requested changes: “Say what keeps it dry”"));
  g_assert_nonnull (strstr (summary, "Maya Lindqvist has not decided on version 1 yet"));

  /* Cards exist for what is on screen, not for every asset. */
  g_assert_cmpuint (fd_board_column_get_n_cards (column (f, FD_ASSET_STATE_UPLOADED)), ==, 0);
}

/* A decision made elsewhere (another connection, as another program or
 * person would) reaches its card through the model. */
static void
test_decision_reaches_card (Fixture       *f,
                            gconstpointer  data)
{
  fd_ui_test_wait_for (card_says (f, FD_ASSET_STATE_IN_REVIEW, f->review,
                                  "Grace Okafor has not decided on version 1 yet"));

  review (f, f->grace, f->review, FD_REVIEW_DECISION_APPROVED, NULL);
  fd_workspace_refresh (fd_window_get_workspace (f->window));

  fd_ui_test_wait_for (card_says (f, FD_ASSET_STATE_IN_REVIEW, f->review,
                                  "Grace Okafor approved version 1"));
}

/*
 * Replacement requests
 */

static gboolean
badge_shown (Fixture *f,
             gint64   asset_id,
             gboolean shown)
{
  FdAssetCard *card = card_of (f, FD_ASSET_STATE_APPROVED, asset_id);

  return card != NULL &&
         gtk_widget_get_visible (fd_asset_card_get_replacement_badge (card)) == shown;
}

/* Triage's queue_replacement names the versions an ad runs; the card of
 * their asset says so, with the rule and the ad in its tooltip, until the
 * request is done. */
static void
test_replacement_badge (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(FdTriageReport) report = NULL;
  g_autoptr(FdAssetVersion) version = fd_asset_find_version (f->store, f->approved, 2, &error);
  g_autoptr(FdAsset) asset = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *actor = g_strdup_printf ("person:%lld", (long long)f->maya);
  gint64 at = rf_local ("Europe/Berlin", "2026-03-10 14:20");
  FdAssetCard *card;
  const char *tooltip;

  g_assert_no_error (error);
  fd_ui_test_wait_for (badge_shown (f, f->approved, FALSE));

  /* An ad running version 2 of "Full grip", seen 4.5 times a person. */
  fd_store_set_now (f->store, at + 5 * G_TIME_SPAN_MINUTE);
  rf_account (f->store, "act_1", "EUR", "Europe/Berlin");
  rf_object (f->store, "as1", "act_1", "adset", "c1", NULL, "Set", 10000, NULL);
  rf_object (f->store, "ad1", "act_1", "ad", "c1", "as1", "Hero video", -1, NULL);
  rf_reach (f->store, "ad1", "2026-03-10", 7, 1000, 4500);
  rf_link_creative (f->store, "ad1", fd_asset_version_get_id (version));
  rules = fd_rulebook_add (f->store, actor, "rule \"Fatigue\" level ad when frequency(7d) > 4.0 "
                           "then queue_replacement", TRUE, &error);
  g_assert_no_error (error);
  report = fd_triage_run (f->store, at, "manual", FD_TRIAGE_RUN_DEFAULT, NULL, NULL, &error);
  g_assert_no_error (error);

  /* The model reads it with the cards, in the same query. */
  asset = fd_asset_get (f->store, f->approved, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fd_asset_get_n_replacements (asset), ==, 1);
  g_assert_cmpstr (fd_asset_get_replacement (asset), ==,
                   "Replacement requested by rule “Fatigue” for ad “Hero video”");

  fd_workspace_refresh (fd_window_get_workspace (f->window));
  fd_ui_test_wait_for (badge_shown (f, f->approved, TRUE));
  card = card_of (f, FD_ASSET_STATE_APPROVED, f->approved);
  tooltip = gtk_widget_get_tooltip_text (fd_asset_card_get_replacement_badge (card));
  g_assert_cmpstr (tooltip, ==, "Replacement requested by rule “Fatigue” for ad “Hero video”");
  summary = fd_asset_card_dup_summary (card);
  g_assert_nonnull (strstr (summary, "Replacement requested by rule “Fatigue”"));
  /* Only the asset whose version the ad runs. */
  g_assert_false (gtk_widget_get_visible (fd_asset_card_get_replacement_badge (
                    card_of (f, FD_ASSET_STATE_IN_REVIEW, f->review))));

  /* Done: the badge goes, through the change feed alone. */
  requests = fd_replacement_request_list (f->store, "open", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (requests->len, ==, 1);
  g_assert_true (fd_replacement_request_set_state (f->store, actor,
                                                   fd_replacement_request_get_id (g_ptr_array_index (requests, 0)),
                                                   "done", &error));
  g_assert_no_error (error);
  fd_workspace_refresh (fd_window_get_workspace (f->window));
  fd_ui_test_wait_for (badge_shown (f, f->approved, FALSE));
}

/*
 * Moves
 */

/* Dropping a draft on Approved: the column's drop target refuses it at
 * once, so the card flies back; the toast says the core's reason, and
 * nothing is written. */
static void
test_refused_drop (Fixture       *f,
                   gconstpointer  data)
{
  gint64 seq = head_seq (f);

  g_assert_false (drop_on_column (f, f->draft, FD_ASSET_STATE_APPROVED));
  fd_ui_test_wait_for (shows_toast (f, "“Trail grip” cannot go to Approved by hand"));

  g_assert_true (column_has (f, FD_ASSET_STATE_DRAFT, f->draft));
  g_assert_false (column_has (f, FD_ASSET_STATE_APPROVED, f->draft));
  g_assert_cmpint (stored_state (f, f->draft), ==, FD_ASSET_STATE_DRAFT);
  g_assert_cmpint (head_seq (f), ==, seq);
  g_assert_cmpuint (fd_board_view_get_n_pending (f->board), ==, 0);
}

/* Back to Draft from review, through the card's own menu action. */
static void
test_refused_from_menu (Fixture       *f,
                        gconstpointer  data)
{
  gint64 seq = head_seq (f);
  FdAssetCard *card;

  fd_ui_test_wait_for (card_of (f, FD_ASSET_STATE_IN_REVIEW, f->review) != NULL);
  card = card_of (f, FD_ASSET_STATE_IN_REVIEW, f->review);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "card.move", "i", FD_ASSET_STATE_DRAFT));

  fd_ui_test_wait_for (shows_toast (f, "“Wet rock” cannot go back to Draft"));
  g_assert_true (column_has (f, FD_ASSET_STATE_IN_REVIEW, f->review));
  g_assert_cmpint (head_seq (f), ==, seq);
}

/* Draft → In Review lands in the store with its audit event, and the card
 * changes column. */
static void
test_allowed_drop (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(FdAuditEvent) event = NULL;
  g_autofree char *maya = g_strdup_printf ("person:%" G_GINT64_FORMAT, f->maya);

  g_assert_true (drop_on_column (f, f->draft, FD_ASSET_STATE_IN_REVIEW));

  fd_ui_test_wait_for (column_has (f, FD_ASSET_STATE_IN_REVIEW, f->draft));
  g_assert_false (column_has (f, FD_ASSET_STATE_DRAFT, f->draft));
  g_assert_cmpuint (count (f, FD_ASSET_STATE_DRAFT), ==, 2);
  g_assert_cmpuint (count (f, FD_ASSET_STATE_IN_REVIEW), ==, 2);
  g_assert_cmpint (stored_state (f, f->draft), ==, FD_ASSET_STATE_IN_REVIEW);

  event = last_event (f, "asset", f->draft);
  g_assert_cmpstr (fd_audit_event_get_action (event), ==, "transition");
  g_assert_cmpstr (fd_audit_event_get_actor (event), ==, maya);
  g_assert_nonnull (strstr (fd_audit_event_get_after_json (event), "\"state\":\"in-review\""));

  fd_ui_test_wait_for (shows_toast (f, "“Trail grip” was submitted for review."));
  fd_ui_test_wait_for (fd_board_view_get_n_pending (f->board) == 0);
}

/* Archiving asks for a reason first; cancelling changes nothing, and the
 * reason given is recorded with the move. */
static void
test_move_asks_reason (Fixture       *f,
                       gconstpointer  data)
{
  gint64 seq = head_seq (f);
  g_autoptr(FdAsset) stored = NULL;

  g_assert_true (fd_board_view_request_move (f->board, f->text, FD_ASSET_STATE_ARCHIVED));
  answer_dialog (wait_for_dialog (), NULL, "cancel");
  fd_ui_test_wait_for (fd_board_view_get_n_pending (f->board) == 0);
  g_assert_cmpint (head_seq (f), ==, seq);
  g_assert_true (column_has (f, FD_ASSET_STATE_DRAFT, f->text));

  /* No reason, no archive: the button waits for one. */
  g_assert_true (fd_board_view_request_move (f->board, f->text, FD_ASSET_STATE_ARCHIVED));
  {
    AdwMessageDialog *dialog = wait_for_dialog ();

    g_assert_false (adw_message_dialog_get_response_enabled (dialog, "ok"));
    answer_dialog (dialog, "Replaced by the long cut", "ok");
  }

  fd_ui_test_wait_for (column_has (f, FD_ASSET_STATE_ARCHIVED, f->text));
  stored = fd_asset_get (f->store, f->text, NULL);
  g_assert_cmpint (fd_asset_get_state (stored), ==, FD_ASSET_STATE_ARCHIVED);
  g_assert_cmpstr (fd_asset_get_state_note (stored), ==, "Replaced by the long cut");
}

/* A required reviewer who drops a card on Approved records an approval;
 * the card stays in review until the other required reviewer approves. */
static void
test_drop_on_approved_approves (Fixture       *f,
                                gconstpointer  data)
{
  g_assert_true (drop_on_column (f, f->review, FD_ASSET_STATE_APPROVED));
  answer_dialog (wait_for_dialog (), "Sharp", "ok");

  fd_ui_test_wait_for (card_says (f, FD_ASSET_STATE_IN_REVIEW, f->review,
                                  "Maya Lindqvist approved version 1"));
  g_assert_cmpint (stored_state (f, f->review), ==, FD_ASSET_STATE_IN_REVIEW);
  fd_ui_test_wait_for (shows_toast (f, "it stays in review until every required reviewer has"));
}

/*
 * Filters
 */

static guint
total (Fixture *f)
{
  guint n = 0;

  for (FdAssetState state = FD_ASSET_STATE_DRAFT; state <= FD_ASSET_STATE_ARCHIVED; state++)
    n += count (f, state);
  return n;
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  FdAssetFilter *filter = fd_board_view_get_filter (f->board);

  g_assert_cmpuint (total (f), ==, 7);

  /* Text search folds case and accents. */
  fd_asset_filter_set_text (filter, "GRIP");
  g_assert_cmpuint (total (f), ==, 3);
  g_assert_true (column_has (f, FD_ASSET_STATE_DRAFT, f->draft));
  g_assert_true (column_has (f, FD_ASSET_STATE_APPROVED, f->approved));
  fd_asset_filter_set_text (filter, NULL);

  fd_asset_filter_set_kind (filter, FD_ASSET_KIND_SCRIPT);
  g_assert_cmpuint (total (f), ==, 1);
  g_assert_cmpuint (count (f, FD_ASSET_STATE_DRAFT), ==, 1);
  fd_asset_filter_set_kind (filter, FD_ASSET_KIND_NONE);

  fd_asset_filter_set_brief_id (filter, f->brief);
  g_assert_cmpuint (total (f), ==, 6);
  g_assert_false (column_has (f, FD_ASSET_STATE_DRAFT, f->text));
  fd_asset_filter_set_brief_id (filter, 0);

  fd_asset_filter_set_campaign (filter, "Spring DE");
  g_assert_cmpuint (total (f), ==, 1);
  g_assert_true (column_has (f, FD_ASSET_STATE_IN_REVIEW, f->review));
  fd_asset_filter_set_campaign (filter, NULL);

  /* Grace reviews the three headlines that went to review. */
  fd_asset_filter_set_person_id (filter, f->grace);
  g_assert_cmpuint (total (f), ==, 3);
  fd_asset_filter_set_waiting (filter, TRUE);
  g_assert_cmpuint (total (f), ==, 1);
  g_assert_true (column_has (f, FD_ASSET_STATE_IN_REVIEW, f->review));

  /* The toolbar's Clear Filters lets everything through again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->board), "board.clear-filters", NULL));
  g_assert_true (fd_asset_filter_is_empty (filter));
  g_assert_cmpuint (total (f), ==, 7);
}

/*
 * The asset page
 */

static void
test_asset_page (Fixture       *f,
                 gconstpointer  data)
{
  FdAssetPage *page = fd_board_view_get_asset_page (f->board);
  GListModel *versions;
  GListModel *history;
  g_autoptr(FdAssetVersion) newest = NULL;
  g_autoptr(FdAssetVersion) oldest = NULL;
  g_autoptr(FdAuditEvent) first = NULL;
  g_autoptr(FdAuditEvent) last = NULL;
  GtkWidget *approve;
  guint n;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->board), "board.open-asset", "x", f->approved));
  fd_ui_test_wait_for (fd_asset_page_get_loaded (page));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));

  /* Versions, newest first. */
  versions = fd_asset_page_get_versions (page);
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 2);
  newest = g_list_model_get_item (versions, 0);
  oldest = g_list_model_get_item (versions, 1);
  g_assert_cmpint (fd_asset_version_get_number (newest), ==, 2);
  g_assert_cmpint (fd_asset_version_get_number (oldest), ==, 1);
  g_assert_cmpstr (fd_asset_version_get_text (newest), ==, "Full grip on wet rock");
  g_assert_cmpint (fd_asset_page_get_selected_version (page), ==, 2);

  /* The whole history, newest first, said in words. */
  history = fd_asset_page_get_history (page);
  n = g_list_model_get_n_items (history);
  g_assert_cmpuint (n, >=, 5);
  first = g_list_model_get_item (history, 0);
  last = g_list_model_get_item (history, n - 1);
  g_assert_cmpint (fd_audit_event_get_seq (first), >, fd_audit_event_get_seq (last));
  g_assert_nonnull (strstr (fd_asset_page_describe_event (page, fd_audit_event_get_seq (first)),
                            "Approved: every required reviewer approved version 2"));
  {
    g_autoptr(FdAuditEvent) second = g_list_model_get_item (history, 1);

    g_assert_nonnull (strstr (fd_asset_page_describe_event (page, fd_audit_event_get_seq (second)),
                              "Grace Okafor approved version 2"));
  }
  g_assert_nonnull (strstr (fd_asset_page_describe_event (page, fd_audit_event_get_seq (last)),
                            "created"));

  /* Nothing to approve any more: the button says why not. */
  approve = fd_asset_page_get_action_button (page, "approve");
  g_assert_false (gtk_widget_get_visible (approve));
  g_assert_true (gtk_widget_get_visible (fd_asset_page_get_action_button (page, "upload")));
  g_assert_true (gtk_widget_get_sensitive (fd_asset_page_get_action_button (page, "upload")));

  /* An older version can be looked at. */
  fd_asset_page_select_version (page, 1);
  g_assert_cmpint (fd_asset_page_get_selected_version (page), ==, 1);
  g_assert_true (fd_ui_test_label_contains (fd_asset_page_get_preview (page), "Full grip"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->board), "board.close-asset", NULL));
  fd_ui_test_wait_for (!gtk_widget_get_mapped (GTK_WIDGET (page)));
}

/* Whoever may not approve sees why; a decision from the page lands. */
static void
test_asset_page_actions (Fixture       *f,
                         gconstpointer  data)
{
  FdAssetPage *page = fd_board_view_get_asset_page (f->board);
  GtkWidget *approve;
  GtkWidget *submit;

  g_assert_true (fd_board_view_open_asset (f->board, f->revision));
  fd_ui_test_wait_for (fd_asset_page_get_loaded (page));

  /* Changes were requested on version 1: resubmitting needs a new one. */
  submit = fd_asset_page_get_action_button (page, "submit");
  g_assert_true (gtk_widget_get_visible (submit));
  g_assert_false (gtk_widget_get_sensitive (submit));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (submit), "Add a new version first"));

  fd_board_view_close_asset (f->board);
  g_assert_true (fd_board_view_open_asset (f->board, f->review));
  fd_ui_test_wait_for (fd_asset_page_get_loaded (page));
  approve = fd_asset_page_get_action_button (page, "approve");
  g_assert_true (gtk_widget_get_sensitive (approve));

  gtk_widget_activate (approve);
  answer_dialog (wait_for_dialog (), NULL, "ok");
  fd_ui_test_wait_for (!gtk_widget_get_sensitive (approve));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (approve), "You approved version 1 already"));
}

/*
 * New assets and versions
 */

static char *
media_files (Fixture *f)
{
  g_autofree char *media = g_build_filename (f->path, "media", NULL);
  g_autofree char *out = NULL;
  g_autofree char *command = g_strdup_printf ("find '%s' -type f", media);

  g_assert_true (g_spawn_command_line_sync (command, &out, NULL, NULL, NULL));
  return g_steal_pointer (&out);
}

/* A file that is not media is refused with the media layer's message, and
 * nothing changes: no asset, no audit event, no stored file. */
static void
test_bad_import (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *before = media_files (f);
  g_autofree char *after = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gint64 seq = head_seq (f);

  g_assert_true (g_file_set_contents (path, "Shot list: rain, granite, logo.\n", -1, NULL));

  fd_board_view_import_files (f->board, &file, 1, 0, f->brief);
  fd_ui_test_wait_for (fd_board_view_get_n_pending (f->board) == 0 &&
                       shows_toast (f, "“notes.txt” was not imported:"));
  g_assert_true (shows_toast (f, "not a video or an image") || shows_toast (f, "not media"));

  g_assert_cmpint (head_seq (f), ==, seq);
  g_assert_cmpuint (n_assets_stored (f), ==, 7);
  g_assert_cmpuint (total (f), ==, 7);
  after = media_files (f);
  g_assert_cmpstr (after, ==, before);
}

/* A picture dropped on the board becomes a draft with its thumbnail on
 * its card; dropped on that card, another becomes version 2. */
static void
test_import_files (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *first_path = g_build_filename (f->dir, "basecamp-square.png", NULL);
  g_autofree char *second_path = g_build_filename (f->dir, "basecamp-square-v2.png", NULL);
  g_autoptr(GFile) first = g_file_new_for_path (first_path);
  g_autoptr(GFile) second = g_file_new_for_path (second_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(FdAsset) imported = NULL;
  GtkDropTarget *card_target = NULL;
  GListModel *controllers;
  FdAssetCard *card;
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;
  gint64 id;

  g_assert_true (fd_test_media_write_image (first_path, 640, 640, &error));
  g_assert_true (fd_test_media_write_image (second_path, 800, 800, &error));
  g_assert_no_error (error);

  fd_board_view_import_files (f->board, &first, 1, 0, f->brief);
  fd_ui_test_wait_for (fd_board_view_get_n_pending (f->board) == 0 && count (f, FD_ASSET_STATE_DRAFT) == 4);
  fd_ui_test_wait_for (shows_toast (f, "was imported as a new draft"));

  {
    g_autoptr(GPtrArray) all = fd_asset_list_all (f->store, &error);

    g_assert_no_error (error);
    imported = g_object_ref (g_ptr_array_index (all, all->len - 1));
  }
  id = fd_asset_get_id (imported);
  g_assert_cmpint (fd_asset_get_kind (imported), ==, FD_ASSET_KIND_IMAGE);
  g_assert_cmpint (fd_asset_get_brief_id (imported), ==, f->brief);

  /* Its card shows the thumbnail, made off the main thread. */
  fd_board_column_focus_asset (column (f, FD_ASSET_STATE_DRAFT), id);
  fd_ui_test_wait_for ((card = card_of (f, FD_ASSET_STATE_DRAFT, id)) != NULL &&
                       fd_asset_card_get_has_thumbnail (card));

  /* A file dropped on the card is its next version. */
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (card));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        card_target = GTK_DROP_TARGET (controller);
    }
  g_object_unref (controllers);
  g_assert_nonnull (card_target);

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_array (&second, 1));
  g_signal_emit_by_name (card_target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_assert_true (accepted);

  fd_ui_test_wait_for (fd_board_view_get_n_pending (f->board) == 0 &&
                       shows_toast (f, "Version 2 of “basecamp-square” was added."));
  g_clear_object (&imported);
  imported = fd_asset_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fd_asset_get_version (imported), ==, 2);
}

/* A new headline, written in its dialog, is a draft with version 1. */
static void
test_new_headline (Fixture       *f,
                   gconstpointer  data)
{
  FdTextAssetDialog *dialog;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  FdAsset *created;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->board), "board.new-text", "i",
                                             FD_ASSET_KIND_HEADLINE));
  fd_ui_test_wait_for (fd_ui_test_find_window (FD_TYPE_TEXT_ASSET_DIALOG) != NULL);
  dialog = FD_TEXT_ASSET_DIALOG (fd_ui_test_find_window (FD_TYPE_TEXT_ASSET_DIALOG));

  /* The core's refusal shows in the dialog, which keeps what was typed. */
  fd_text_asset_dialog_set_text (dialog, "Grip where it counts");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "text.save", NULL));
  fd_ui_test_wait_for (fd_text_asset_dialog_get_error (dialog) != NULL);
  g_assert_cmpuint (n_assets_stored (f), ==, 7);

  fd_text_asset_dialog_set_name (dialog, "Grip where it counts");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "text.save", NULL));
  fd_ui_test_wait_for (fd_ui_test_find_window (FD_TYPE_TEXT_ASSET_DIALOG) == NULL);

  all = fd_asset_list_all (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 8);
  created = g_ptr_array_index (all, all->len - 1);
  g_assert_cmpstr (fd_asset_get_name (created), ==, "Grip where it counts");
  g_assert_cmpstr (fd_asset_get_preview (created), ==, "Grip where it counts");
  fd_ui_test_wait_for (column_has (f, FD_ASSET_STATE_DRAFT, fd_asset_get_id (created)));
}

/*
 * Reviewer policies in the preferences
 */

static FdReviewersPage *
show_reviewers (Fixture *f)
{
  FdPreferencesWindow *prefs;
  FdReviewersPage *page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-preferences", "s", "reviewers"));
  fd_ui_test_wait_for (fd_ui_test_find_window (FD_TYPE_PREFERENCES_WINDOW) != NULL);
  prefs = FD_PREFERENCES_WINDOW (fd_ui_test_find_window (FD_TYPE_PREFERENCES_WINDOW));
  g_assert_cmpstr (adw_preferences_window_get_visible_page_name (ADW_PREFERENCES_WINDOW (prefs)), ==, "reviewers");
  page = fd_preferences_window_get_reviewers_page (prefs);
  fd_ui_test_wait_for (fd_reviewers_page_get_loaded (page));

  return page;
}

static gboolean
policy_has (FdReviewersPage *page,
            FdAssetKind      kind,
            gint64           person_id,
            gboolean         required)
{
  GPtrArray *reviewers = fd_reviewers_page_get_policy (page, kind);

  for (guint i = 0; reviewers != NULL && i < reviewers->len; i++)
    {
      FdAssetReviewer *reviewer = g_ptr_array_index (reviewers, i);

      if (fd_asset_reviewer_get_person_id (reviewer) == person_id)
        return fd_asset_reviewer_get_required (reviewer) == required;
    }

  return FALSE;
}

static void
test_policy_edit (Fixture       *f,
                  gconstpointer  data)
{
  FdReviewersPage *page = show_reviewers (f);
  g_autofree char *maya = g_strdup_printf ("person:%" G_GINT64_FORMAT, f->maya);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GError) error = NULL;
  FdAuditEvent *event;

  g_assert_true (policy_has (page, FD_ASSET_KIND_SCRIPT, f->maya, TRUE));
  g_assert_true (fd_reviewers_page_get_editable (page, FD_ASSET_KIND_SCRIPT));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "reviewers.set", "(sxs)",
                                             "script", f->dana, "optional"));
  fd_ui_test_wait_for (policy_has (page, FD_ASSET_KIND_SCRIPT, f->dana, FALSE));

  /* Stored, and audited for Maya. */
  stored = fd_reviewer_policy_get (f->store, FD_ASSET_KIND_SCRIPT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 2);
  events = fd_audit_log_list (f->store, "policy", "script", 0, -1, &error);
  g_assert_no_error (error);
  event = g_ptr_array_index (events, events->len - 1);
  g_assert_cmpstr (fd_audit_event_get_action (event), ==, "update");
  g_assert_cmpstr (fd_audit_event_get_actor (event), ==, maya);
  g_assert_nonnull (strstr (fd_audit_event_get_after_json (event), "\"optional\":["));
}

/* Once Grace owns the approval of scripts, Maya may not change who
 * reviews them: the page says so, and the core refuses. */
static void
test_policy_edit_refused (Fixture       *f,
                          gconstpointer  data)
{
  FdReviewersPage *page = show_reviewers (f);
  g_autoptr(GError) error = NULL;
  gint64 seq;

  fd_ownership_set (f->store, "system", "creative.approve.script", f->grace, 0, &error);
  g_assert_no_error (error);
  fd_workspace_refresh (fd_window_get_workspace (f->window));
  fd_ui_test_wait_for (!fd_reviewers_page_get_editable (page, FD_ASSET_KIND_SCRIPT));
  seq = head_seq (f);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "reviewers.set", "(sxs)",
                                             "script", f->maya, "none"));
  fd_ui_test_wait_for (fd_ui_test_label_contains (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (page))),
                                                  "are set by the owner of their approval"));
  g_assert_cmpint (head_seq (f), ==, seq);
  g_assert_true (policy_has (page, FD_ASSET_KIND_SCRIPT, f->maya, TRUE));
}

int
main (int   argc,
      char *argv[])
{
  fd_ui_test_init (&argc, &argv);

#define BOARD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  BOARD_TEST ("/board/columns", test_columns);
  BOARD_TEST ("/board/decision-reaches-card", test_decision_reaches_card);
  BOARD_TEST ("/board/replacement-badge", test_replacement_badge);
  BOARD_TEST ("/board/move/refused-drop", test_refused_drop);
  BOARD_TEST ("/board/move/refused-from-menu", test_refused_from_menu);
  BOARD_TEST ("/board/move/allowed-drop", test_allowed_drop);
  BOARD_TEST ("/board/move/asks-reason", test_move_asks_reason);
  BOARD_TEST ("/board/move/drop-on-approved", test_drop_on_approved_approves);
  BOARD_TEST ("/board/filters", test_filters);
  BOARD_TEST ("/board/page/versions-history", test_asset_page);
  BOARD_TEST ("/board/page/actions", test_asset_page_actions);
  BOARD_TEST ("/board/import/bad-file", test_bad_import);
  BOARD_TEST ("/board/import/files", test_import_files);
  BOARD_TEST ("/board/new-headline", test_new_headline);
  BOARD_TEST ("/board/policy/edit", test_policy_edit);
  BOARD_TEST ("/board/policy/refused", test_policy_edit_refused);

  return g_test_run ();
}
