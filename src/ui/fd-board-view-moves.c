/* fd-board-view-moves.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-board-view"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-board-format.h"
#include "fd-board-view-private.h"
#include "fd-core-error.h"
#include "fd-ui-util.h"

/* Moves and decisions. A drop, a key, a card's menu and the asset page all
 * end in fd_board_view_request_move() or _fd_board_view_review().
 *
 * A request is first checked on the main thread with
 * fd_asset_check_transition() (a few small indexed reads), so that a
 * refused drop flies back at once with the core's reason in a toast. What
 * is allowed then runs on the writer queue, where the core checks again
 * inside the transaction; a refusal there (someone else moved first) is
 * shown the same way. The board changes nothing by itself: the card moves
 * when the model reports the write.
 *
 * Two columns mean a step rather than a state change: a required reviewer
 * who drops a card on Approved records their approval (it is Approved once
 * every required reviewer has), and dropping an approved card on Uploaded
 * runs the upload step, which checks the stored file's hash first. Moves
 * that need words (a request for changes, an archive) ask for them in a
 * small dialog, and nothing happens if it is cancelled. */

typedef enum
{
  MOVE_TRANSITION,
  MOVE_APPROVE,
  MOVE_UPLOAD,
} MoveKind;

/*
 * Deciding what a move means
 */

static gboolean
plan_move (FdBoardView   *self,
           FdAsset       *asset,
           FdAssetState   target,
           MoveKind      *kind,
           gboolean      *needs_text,
           GError       **error)
{
  FdAssetState state = fd_asset_get_state (asset);

  *kind = MOVE_TRANSITION;
  *needs_text = FALSE;

  if (self->workspace == NULL)
    {
      g_set_error_literal (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_ALLOWED,
                           _("No workspace is open."));
      return FALSE;
    }

  if (self->person_id != 0 && target == FD_ASSET_STATE_APPROVED &&
      state == FD_ASSET_STATE_IN_REVIEW && fd_asset_is_waiting_for (asset, self->person_id))
    {
      *kind = MOVE_APPROVE;
      return TRUE;
    }

  if (self->person_id != 0 && target == FD_ASSET_STATE_UPLOADED && state == FD_ASSET_STATE_APPROVED)
    {
      *kind = MOVE_UPLOAD;
      return TRUE;
    }

  return fd_asset_check_transition (fd_workspace_get_store (self->workspace), self->person_id,
                                    fd_asset_get_id (asset), target, needs_text, error);
}

/**
 * _fd_board_view_check_move:
 *
 * Returns: whether dropping @asset on the column of @target would be taken
 *   up (the dragging hint)
 */
gboolean
_fd_board_view_check_move (FdBoardView   *self,
                           FdAsset       *asset,
                           FdAssetState   target,
                           GError       **error)
{
  MoveKind kind;
  gboolean needs_text;

  return plan_move (self, asset, target, &kind, &needs_text, error);
}

/*
 * Writing, and hearing back
 */

typedef struct
{
  GWeakRef      board;
  gint64        asset_id;
  char         *name;
  FdAssetState  target;
  FdReviewDecision decision;
  gint64        version;
} Reply;

static Reply *
reply_new (FdBoardView *self,
           FdAsset     *asset)
{
  Reply *reply = g_new0 (Reply, 1);

  g_weak_ref_init (&reply->board, self);
  reply->asset_id = fd_asset_get_id (asset);
  reply->name = g_strdup (fd_asset_get_name (asset));
  reply->version = fd_asset_get_version (asset);
  _fd_board_view_pending_changed (self, 1);

  return reply;
}

/* Returns the board, if it is still there, with the pending count taken
 * back. */
static FdBoardView *
reply_free (Reply *reply)
{
  FdBoardView *self = g_weak_ref_get (&reply->board);

  if (self != NULL)
    _fd_board_view_pending_changed (self, -1);

  g_weak_ref_clear (&reply->board);
  g_free (reply->name);
  g_free (reply);

  return self;
}

static void
report (FdBoardView  *self,
        const GError *error,
        const char   *success)
{
  if (self == NULL || gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    return;

  if (error != NULL && !fd_ui_error_is_cancelled (error))
    fd_board_toast (GTK_WIDGET (self), error->message, TRUE);
  else if (error == NULL && success != NULL)
    fd_board_toast (GTK_WIDGET (self), success, FALSE);
}

static char *
describe_move (Reply *reply)
{
  switch (reply->target)
    {
    case FD_ASSET_STATE_IN_REVIEW:
      /* Translators: %s is an asset's name */
      return g_strdup_printf (_("“%s” was submitted for review."), reply->name);
    case FD_ASSET_STATE_REVISION_REQUESTED:
      /* Translators: %s is an asset's name */
      return g_strdup_printf (_("Changes were requested on “%s”."), reply->name);
    case FD_ASSET_STATE_ARCHIVED:
      /* Translators: %s is an asset's name */
      return g_strdup_printf (_("“%s” was archived."), reply->name);
    case FD_ASSET_STATE_NONE:
    case FD_ASSET_STATE_DRAFT:
    case FD_ASSET_STATE_APPROVED:
    case FD_ASSET_STATE_UPLOADED:
    default:
      /* Translators: an asset's name, then a column */
      return g_strdup_printf (_("“%s” moved to %s."), reply->name,
                              fd_asset_state_get_display_name (reply->target));
    }
}

static void
on_transitioned (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Reply *reply = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *success = NULL;
  g_autoptr(FdBoardView) self = NULL;

  if (fd_asset_transition_finish (FD_WORKSPACE (source), result, &error))
    success = describe_move (reply);

  self = reply_free (reply);
  report (self, error, success);
}

static void
run_transition (FdBoardView  *self,
                FdAsset      *asset,
                FdAssetState  target,
                const char   *text)
{
  Reply *reply = reply_new (self, asset);

  reply->target = target;
  fd_asset_transition_async (self->workspace, self->person_id, fd_asset_get_id (asset), target,
                             text, self->cancellable, on_transitioned, reply);
}

static char *
describe_review (Reply        *reply,
                 FdAssetState  state)
{
  switch (reply->decision)
    {
    case FD_REVIEW_DECISION_APPROVED:
      if (state == FD_ASSET_STATE_APPROVED)
        /* Translators: %s is an asset's name */
        return g_strdup_printf (_("You approved “%s”; every required reviewer has, so it is Approved."),
                                reply->name);
      /* Translators: a version number, then an asset's name */
      return g_strdup_printf (_("You approved version %lld of “%s”; it stays in review until every "
                                "required reviewer has."),
                              (long long)reply->version, reply->name);
    case FD_REVIEW_DECISION_CHANGES_REQUESTED:
      if (state == FD_ASSET_STATE_REVISION_REQUESTED)
        /* Translators: %s is an asset's name */
        return g_strdup_printf (_("Changes were requested on “%s”."), reply->name);
      /* Translators: %s is an asset's name */
      return g_strdup_printf (_("Your request for changes on “%s” was recorded."), reply->name);
    case FD_REVIEW_DECISION_COMMENT:
      /* Translators: %s is an asset's name */
      return g_strdup_printf (_("Your comment on “%s” was added."), reply->name);
    case FD_REVIEW_DECISION_NONE:
    default:
      return NULL;
    }
}

static void
on_reviewed (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Reply *reply = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *success = NULL;
  g_autoptr(FdBoardView) self = NULL;
  FdAssetState state;

  state = fd_asset_review_finish (FD_WORKSPACE (source), result, &error);
  if (error == NULL)
    success = describe_review (reply, state);

  self = reply_free (reply);
  report (self, error, success);
}

static void
run_review (FdBoardView      *self,
            FdAsset          *asset,
            FdReviewDecision  decision,
            const char       *text)
{
  Reply *reply = reply_new (self, asset);

  reply->decision = decision;
  fd_asset_review_async (self->workspace, self->person_id, fd_asset_get_id (asset), decision,
                         text, self->cancellable, on_reviewed, reply);
}

static void
on_uploaded (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Reply *reply = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *success = NULL;
  g_autoptr(FdBoardView) self = NULL;

  if (fd_asset_mark_uploaded_finish (FD_WORKSPACE (source), result, &error))
    /* Translators: an asset's name, then a version number */
    success = g_strdup_printf (_("“%s” is uploaded: its stored file is still exactly approved "
                                 "version %lld."),
                               reply->name, (long long)reply->version);

  self = reply_free (reply);
  report (self, error, success);
}

/**
 * _fd_board_view_upload:
 *
 * Runs the upload step: the stored file is hashed again, on a thread of
 * its own, and the asset is marked Uploaded only if it is still exactly
 * the approved version.
 */
void
_fd_board_view_upload (FdBoardView *self,
                       gint64       asset_id)
{
  FdAsset *asset = _fd_board_view_find_asset (self, asset_id);

  if (asset == NULL || self->workspace == NULL)
    return;

  fd_asset_mark_uploaded_async (self->workspace, self->person_id, asset_id, self->cancellable,
                                on_uploaded, reply_new (self, asset));
}

/*
 * Asking for words first
 */

typedef struct
{
  GWeakRef          board;
  gint64            asset_id;
  FdAssetState      target;
  FdReviewDecision  decision;
  gboolean          optional;
  GtkTextBuffer    *buffer;
  GtkEditable      *entry;
} Ask;

static void
ask_free (Ask *ask)
{
  g_weak_ref_clear (&ask->board);
  g_clear_object (&ask->buffer);
  g_clear_object (&ask->entry);
  g_free (ask);
}

static char *
ask_dup_text (Ask *ask)
{
  GtkTextIter start;
  GtkTextIter end;

  if (ask->entry != NULL)
    return g_strstrip (g_strdup (gtk_editable_get_text (ask->entry)));

  gtk_text_buffer_get_bounds (ask->buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (ask->buffer, &start, &end, FALSE));
}

static void
on_text_changed (AdwMessageDialog *dialog)
{
  Ask *ask = g_object_get_data (G_OBJECT (dialog), "fd-ask");
  g_autofree char *text = ask_dup_text (ask);

  adw_message_dialog_set_response_enabled (dialog, "ok", ask->optional || *text != '\0');
}

static void
on_ask_response (AdwMessageDialog *dialog,
                 const char       *response,
                 gpointer          user_data)
{
  Ask *ask = g_object_get_data (G_OBJECT (dialog), "fd-ask");
  g_autoptr(FdBoardView) self = g_weak_ref_get (&ask->board);
  g_autofree char *text = ask_dup_text (ask);
  FdAsset *asset;

  if (self == NULL || g_strcmp0 (response, "ok") != 0 ||
      (asset = _fd_board_view_find_asset (self, ask->asset_id)) == NULL)
    return;

  if (ask->decision != FD_REVIEW_DECISION_NONE)
    run_review (self, asset, ask->decision, *text ? text : NULL);
  else
    run_transition (self, asset, ask->target, text);
}

static GtkWidget *
text_area (Ask        *ask,
           const char *label)
{
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  ask->buffer = g_object_ref (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)));

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 96);
  gtk_widget_add_css_class (scroller, "card");
  gtk_widget_add_css_class (scroller, "text-area");

  return scroller;
}

static GtkWidget *
text_entry (Ask        *ask,
            const char *placeholder)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  placeholder, -1);
  ask->entry = g_object_ref (GTK_EDITABLE (entry));

  return entry;
}

typedef struct
{
  const char             *heading;
  char                   *body;
  const char             *accept;
  AdwResponseAppearance   appearance;
  const char             *placeholder;
  gboolean                one_line;
} AskText;

static void
ask (FdBoardView   *self,
     Ask           *ask,
     const AskText *text)
{
  AdwMessageDialog *dialog;
  GtkWidget *input;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (_fd_board_view_get_window (self),
                                                      text->heading, text->body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "ok", text->accept, NULL);
  adw_message_dialog_set_response_appearance (dialog, "ok", text->appearance);
  adw_message_dialog_set_default_response (dialog, "ok");
  adw_message_dialog_set_close_response (dialog, "cancel");

  input = text->one_line ? text_entry (ask, text->placeholder) : text_area (ask, text->placeholder);
  adw_message_dialog_set_extra_child (dialog, input);
  g_object_set_data_full (G_OBJECT (dialog), "fd-ask", ask, (GDestroyNotify)ask_free);

  if (ask->entry != NULL)
    g_signal_connect_object (ask->entry, "changed", G_CALLBACK (on_text_changed), dialog,
                             G_CONNECT_SWAPPED);
  else
    g_signal_connect_object (ask->buffer, "changed", G_CALLBACK (on_text_changed), dialog,
                             G_CONNECT_SWAPPED);
  g_signal_connect (dialog, "response", G_CALLBACK (on_ask_response), NULL);
  on_text_changed (dialog);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (text->one_line ? input : gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (input)));
}

static Ask *
ask_new (FdBoardView *self,
         FdAsset     *asset)
{
  Ask *ask = g_new0 (Ask, 1);

  g_weak_ref_init (&ask->board, self);
  ask->asset_id = fd_asset_get_id (asset);
  return ask;
}

static void
ask_for_move (FdBoardView  *self,
              FdAsset      *asset,
              FdAssetState  target)
{
  const char *name = fd_asset_get_name (asset);
  Ask *request = ask_new (self, asset);
  AskText text = { 0 };

  request->target = target;

  if (target == FD_ASSET_STATE_ARCHIVED)
    {
      text.heading = _("Archive Asset?");
      /* Translators: %s is an asset's name */
      text.body = g_strdup_printf (_("Archived is final: “%s” will take no more versions or moves. "
                                     "Say why it is retired; the reason is kept in its history."),
                                   name);
      text.accept = _("_Archive");
      text.appearance = ADW_RESPONSE_DESTRUCTIVE;
      text.placeholder = _("Reason, for instance: replaced by a new cut");
      text.one_line = TRUE;
    }
  else
    {
      text.heading = _("Request Changes?");
      /* Translators: a version number, then an asset's name */
      text.body = g_strdup_printf (_("Say what should change in version %lld of “%s”. It moves to "
                                     "Revision Requested, and your feedback goes with it."),
                                   (long long)fd_asset_get_review_version (asset), name);
      text.accept = _("_Request Changes");
      text.appearance = ADW_RESPONSE_SUGGESTED;
      text.placeholder = _("Feedback");
    }

  ask (self, request, &text);
  g_free (text.body);
}

static char *
approval_body (FdAsset *asset,
               gint64   person_id)
{
  GPtrArray *reviewers = fd_asset_get_reviewers (asset);
  g_autoptr(GString) others = g_string_new (NULL);

  for (guint i = 0; reviewers != NULL && i < reviewers->len; i++)
    {
      FdAssetReviewer *reviewer = g_ptr_array_index (reviewers, i);

      if (fd_asset_reviewer_get_required (reviewer) &&
          fd_asset_reviewer_get_person_id (reviewer) != person_id &&
          fd_asset_reviewer_get_decision (reviewer) != FD_REVIEW_DECISION_APPROVED)
        {
          if (others->len > 0)
            g_string_append (others, ", ");
          g_string_append (others, fd_asset_reviewer_get_name (reviewer));
        }
    }

  if (others->len == 0)
    /* Translators: a version number, then an asset's name */
    return g_strdup_printf (_("Your approval is recorded for version %lld of “%s”, exactly as it is "
                              "stored. You are the last required reviewer: it moves to Approved."),
                            (long long)fd_asset_get_review_version (asset), fd_asset_get_name (asset));

  /* Translators: a version number, an asset's name, then the reviewers
   * still to decide */
  return g_strdup_printf (_("Your approval is recorded for version %lld of “%s”, exactly as it is "
                            "stored. It moves to Approved once %s approve too."),
                          (long long)fd_asset_get_review_version (asset), fd_asset_get_name (asset),
                          others->str);
}

static void
ask_for_review (FdBoardView      *self,
                FdAsset          *asset,
                FdReviewDecision  decision)
{
  Ask *request = ask_new (self, asset);
  AskText text = { 0 };

  request->decision = decision;
  text.appearance = ADW_RESPONSE_SUGGESTED;

  switch (decision)
    {
    case FD_REVIEW_DECISION_APPROVED:
      text.heading = _("Approve Version?");
      text.body = approval_body (asset, self->person_id);
      text.accept = _("_Approve");
      text.placeholder = _("Note (optional)");
      request->optional = TRUE;
      break;
    case FD_REVIEW_DECISION_CHANGES_REQUESTED:
      text.heading = _("Request Changes?");
      /* Translators: a version number, then an asset's name */
      text.body = g_strdup_printf (_("Say what should change in version %lld of “%s”. A required "
                                     "reviewer’s request sends it to Revision Requested."),
                                   (long long)fd_asset_get_review_version (asset),
                                   fd_asset_get_name (asset));
      text.accept = _("_Request Changes");
      text.placeholder = _("Feedback");
      break;
    case FD_REVIEW_DECISION_COMMENT:
    case FD_REVIEW_DECISION_NONE:
    default:
      text.heading = _("Comment");
      /* Translators: %s is an asset's name */
      text.body = g_strdup_printf (_("Your comment on “%s” is kept in its history. A comment is "
                                     "not a decision: it moves nothing."),
                                   fd_asset_get_name (asset));
      text.accept = _("_Comment");
      text.placeholder = _("Comment");
      break;
    }

  ask (self, request, &text);
  g_free (text.body);
}

/*
 * The entry points
 */

/**
 * fd_board_view_request_move:
 * @target: the column the card goes to
 *
 * What dropping the card of @asset_id on the column of @target does, also
 * reached from the keyboard and the card menu. A refused move shows the
 * core's reason in a toast and changes nothing.
 *
 * Returns: %FALSE if the move was refused at once (a dropped card flies
 *   back), %TRUE if it was taken up: written, or waiting for the words a
 *   dialog asks for; the write may still be refused
 */
gboolean
fd_board_view_request_move (FdBoardView  *self,
                            gint64        asset_id,
                            FdAssetState  target)
{
  g_autoptr(GError) error = NULL;
  FdAsset *asset;
  gboolean needs_text;
  MoveKind kind;

  g_return_val_if_fail (FD_IS_BOARD_VIEW (self), FALSE);

  if ((asset = _fd_board_view_find_asset (self, asset_id)) == NULL)
    return FALSE;

  if (!plan_move (self, asset, target, &kind, &needs_text, &error))
    {
      fd_board_toast (GTK_WIDGET (self), error->message, TRUE);
      return FALSE;
    }

  switch (kind)
    {
    case MOVE_APPROVE:
      ask_for_review (self, asset, FD_REVIEW_DECISION_APPROVED);
      break;
    case MOVE_UPLOAD:
      _fd_board_view_upload (self, asset_id);
      break;
    case MOVE_TRANSITION:
    default:
      if (needs_text)
        ask_for_move (self, asset, target);
      else
        run_transition (self, asset, target, NULL);
      break;
    }

  return TRUE;
}

/**
 * _fd_board_view_review:
 *
 * Approve, request changes or comment, after the dialog that asks for the
 * feedback (or an optional note).
 */
void
_fd_board_view_review (FdBoardView      *self,
                       gint64            asset_id,
                       FdReviewDecision  decision)
{
  FdAsset *asset = _fd_board_view_find_asset (self, asset_id);

  if (asset != NULL && self->workspace != NULL)
    ask_for_review (self, asset, decision);
}
