/* fd-asset-page-actions.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-asset-page"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-asset-page-private.h"
#include "fd-asset-workflow.h"

/* The page's buttons: submit, approve, request changes, upload, add a
 * version, comment, archive. Each asks the board (its "board.*" actions),
 * which owns every write and its dialogs; here is only whether a button
 * shows, and when the person using the page may not use it, why not, in
 * its tooltip. The checks are the core's own (fd_asset_check_transition()),
 * so the page and the board refuse for the same reasons. */

static char *
require_person_reason (void)
{
  return g_strdup (_("Only someone on the roster can change assets; choose who you are first."));
}

static char *
check_move (FdAssetPage   *self,
            FdAssetState   target)
{
  g_autoptr(GError) error = NULL;

  if (fd_asset_check_transition (fd_workspace_get_store (self->workspace), self->person_id,
                                 fd_asset_get_id (self->asset), target, NULL, &error))
    return NULL;

  return g_strdup (error->message);
}

static FdAssetReviewer *
find_reviewer (FdAssetPage *self)
{
  GPtrArray *reviewers = fd_asset_get_reviewers (self->asset);

  for (guint i = 0; reviewers != NULL && i < reviewers->len; i++)
    if (fd_asset_reviewer_get_person_id (g_ptr_array_index (reviewers, i)) == self->person_id)
      return g_ptr_array_index (reviewers, i);

  return NULL;
}

static char *
check_decision (FdAssetPage      *self,
                FdReviewDecision  decision)
{
  FdAssetReviewer *reviewer;
  GPtrArray *reviewers = fd_asset_get_reviewers (self->asset);
  g_autoptr(GString) names = g_string_new (NULL);

  if (self->person_id == 0)
    return require_person_reason ();

  if ((reviewer = find_reviewer (self)) == NULL)
    {
      for (guint i = 0; reviewers != NULL && i < reviewers->len; i++)
        {
          if (names->len > 0)
            g_string_append (names, ", ");
          g_string_append (names, fd_asset_reviewer_get_name (g_ptr_array_index (reviewers, i)));
        }
      /* Translators: %s lists the reviewers of the current round */
      return g_strdup_printf (_("Only the reviewers of this round decide: %s. Anyone may comment."),
                              names->str);
    }

  if (decision == FD_REVIEW_DECISION_APPROVED &&
      fd_asset_reviewer_get_decision (reviewer) == FD_REVIEW_DECISION_APPROVED)
    /* Translators: %lld is a version number */
    return g_strdup_printf (_("You approved version %lld already."),
                            (long long)fd_asset_get_review_version (self->asset));

  return NULL;
}

static void
set_action (GtkWidget  *button,
            gboolean    visible,
            char       *refusal,
            const char *tooltip)
{
  g_autofree char *why = refusal;

  gtk_widget_set_visible (button, visible);
  gtk_widget_set_sensitive (button, visible && why == NULL);
  gtk_widget_set_tooltip_text (button, why ? why : tooltip);
}

void
_fd_asset_page_sync_actions (FdAssetPage *self)
{
  FdAssetState state;
  gboolean media;
  gboolean closed;
  g_autofree char *submit_tip = NULL;
  g_autofree char *upload_tip = NULL;

  if (self->asset == NULL || self->workspace == NULL)
    return;

  state = fd_asset_get_state (self->asset);
  media = fd_asset_kind_is_media (fd_asset_get_kind (self->asset));
  closed = state == FD_ASSET_STATE_UPLOADED || state == FD_ASSET_STATE_ARCHIVED;

  /* Translators: a button's tooltip; %lld is a version number */
  submit_tip = g_strdup_printf (_("Send version %lld to its reviewers"),
                                (long long)fd_asset_get_version (self->asset));
  /* Translators: a button's tooltip; %lld is a version number */
  upload_tip = g_strdup_printf (_("Check that the stored file is still exactly version %lld, then "
                                  "mark it Uploaded"),
                                (long long)fd_asset_get_review_version (self->asset));

  set_action (self->submit_button,
              state == FD_ASSET_STATE_DRAFT || state == FD_ASSET_STATE_REVISION_REQUESTED,
              check_move (self, FD_ASSET_STATE_IN_REVIEW), submit_tip);
  set_action (self->approve_button, state == FD_ASSET_STATE_IN_REVIEW,
              check_decision (self, FD_REVIEW_DECISION_APPROVED),
              _("Approve the version under review"));
  set_action (self->changes_button, state == FD_ASSET_STATE_IN_REVIEW,
              check_decision (self, FD_REVIEW_DECISION_CHANGES_REQUESTED),
              _("Say what should change; a required reviewer’s request sends it back"));
  set_action (self->upload_button, state == FD_ASSET_STATE_APPROVED,
              self->person_id ? NULL : require_person_reason (), upload_tip);
  gtk_button_set_label (GTK_BUTTON (self->version_button), media ? _("Add _Version…") : _("_Edit Text…"));
  set_action (self->version_button, !closed,
              self->person_id ? NULL : require_person_reason (),
              media ? _("Import the file of the next version") : _("Write the next version"));
  set_action (self->comment_button, TRUE,
              self->person_id ? NULL : require_person_reason (),
              _("A comment is kept in the history and decides nothing"));
  set_action (self->archive_button, state != FD_ASSET_STATE_ARCHIVED,
              check_move (self, FD_ASSET_STATE_ARCHIVED),
              _("Retire it, with a reason; Archived is final"));
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
on_action_clicked (GtkButton   *button,
                   FdAssetPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gint64 id;

  if (self->asset == NULL)
    return;

  id = fd_asset_get_id (self->asset);
  if ((GtkWidget *)button == self->submit_button)
    gtk_widget_activate_action (widget, "board.move", "(xi)", id, FD_ASSET_STATE_IN_REVIEW);
  else if ((GtkWidget *)button == self->approve_button)
    gtk_widget_activate_action (widget, "board.review", "(xi)", id, FD_REVIEW_DECISION_APPROVED);
  else if ((GtkWidget *)button == self->changes_button)
    gtk_widget_activate_action (widget, "board.review", "(xi)", id, FD_REVIEW_DECISION_CHANGES_REQUESTED);
  else if ((GtkWidget *)button == self->comment_button)
    gtk_widget_activate_action (widget, "board.review", "(xi)", id, FD_REVIEW_DECISION_COMMENT);
  else if ((GtkWidget *)button == self->upload_button)
    gtk_widget_activate_action (widget, "board.upload", "x", id);
  else if ((GtkWidget *)button == self->version_button)
    gtk_widget_activate_action (widget, "board.add-version", "x", id);
  else if ((GtkWidget *)button == self->archive_button)
    gtk_widget_activate_action (widget, "board.move", "(xi)", id, FD_ASSET_STATE_ARCHIVED);
}

void
_fd_asset_page_actions_init (FdAssetPage *self)
{
  GtkWidget *buttons[] = {
    self->submit_button, self->approve_button, self->changes_button, self->upload_button,
    self->version_button, self->comment_button, self->archive_button,
  };

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    g_signal_connect_object (buttons[i], "clicked", G_CALLBACK (on_action_clicked), self, 0);
}

/**
 * fd_asset_page_get_action_button:
 * @action: "submit", "approve", "request-changes", "upload", "version",
 *   "comment" or "archive"
 *
 * Returns: (transfer none) (nullable): that button
 */
GtkWidget *
fd_asset_page_get_action_button (FdAssetPage *self,
                                 const char  *action)
{
  struct { const char *name; GtkWidget *button; } buttons[] = {
    { "submit", self->submit_button },
    { "approve", self->approve_button },
    { "request-changes", self->changes_button },
    { "upload", self->upload_button },
    { "version", self->version_button },
    { "comment", self->comment_button },
    { "archive", self->archive_button },
  };

  g_return_val_if_fail (FD_IS_ASSET_PAGE (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    if (g_strcmp0 (buttons[i].name, action) == 0)
      return buttons[i].button;

  return NULL;
}
