/* fd-asset-workflow.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-asset-workflow"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-asset-catalog.h"
#include "fd-asset-private.h"
#include "fd-asset-query.h"
#include "fd-asset-reviewer.h"
#include "fd-asset-workflow.h"
#include "fd-comment-catalog.h"
#include "fd-core-error.h"
#include "fd-mutation.h"

/* Changing an asset's state, recording decisions, and the upload step.
 * The rules that allow or refuse each move are in fd-asset-rules.c. */

/*
 * Changing state
 */

/* Freezes the round's reviewer list from the policy: active people only. */
static gboolean
start_round (FdStore           *store,
             const FdAssetRow  *row,
             gint64             round,
             GError           **error)
{
  g_auto(FdStmt) stmt = NULL;

  stmt = fd_store_stmt (store,
                        "INSERT INTO asset_reviewer (asset_id, round, person_id, required) "
                        "SELECT ?, ?, r.person_id, r.required FROM reviewer_policy r "
                        "JOIN person p ON p.id = r.person_id WHERE r.kind = ? AND p.active",
                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, row->id);
  sqlite3_bind_int64 (stmt, 2, round);
  fd_stmt_bind_text (stmt, 3, fd_asset_kind_to_string (row->kind));
  return fd_store_run (store, stmt, error);
}

/* The only place where an asset's state changes. Entering In Review
 * starts a new round with the current version under review. */
static gboolean
apply_move (FdMutation   *mutation,
            FdAssetRow   *row,
            FdAssetState  to,
            const char   *note,
            const char   *before_json,
            GError      **error)
{
  FdStore *store = fd_mutation_get_store (mutation);
  g_autofree char *before = before_json ? g_strdup (before_json) : _fd_asset_snapshot (store, row->id, error);
  g_autofree char *clean_note = note ? g_strstrip (g_strdup (note)) : NULL;
  g_auto(FdStmt) stmt = NULL;
  gint64 round = row->review_round;
  gint64 review_version = row->review_version;

  if (before == NULL)
    return FALSE;

  if (to == FD_ASSET_STATE_IN_REVIEW)
    {
      round++;
      review_version = row->current_version;
      if (!start_round (store, row, round, error))
        return FALSE;
    }

  stmt = fd_store_stmt (store,
                        "UPDATE asset SET state = ?, state_note = nullif (?, ''), state_since_us = ?, "
                        "review_round = ?, review_version = ? WHERE id = ?",
                        error);
  if (stmt == NULL)
    return FALSE;

  fd_stmt_bind_text (stmt, 1, fd_asset_state_to_string (to));
  fd_stmt_bind_text (stmt, 2, clean_note);
  sqlite3_bind_int64 (stmt, 3, fd_mutation_get_time (mutation));
  sqlite3_bind_int64 (stmt, 4, round);
  sqlite3_bind_int64 (stmt, 5, review_version);
  sqlite3_bind_int64 (stmt, 6, row->id);
  if (!fd_store_run (store, stmt, error) ||
      !_fd_asset_record (mutation, row->id, "transition", before, error))
    return FALSE;

  row->state = to;
  row->review_round = round;
  row->review_version = review_version;
  return TRUE;
}

gboolean
_fd_asset_reopen_for_new_version (FdMutation  *mutation,
                                  FdAssetRow  *row,
                                  const char  *before_json,
                                  GError     **error)
{
  FdStore *store = fd_mutation_get_store (mutation);

  /* The version was just added: read the row again. */
  if (!_fd_asset_row_load (store, row->id, row, error) ||
      !_fd_asset_check_move (store, row, NULL, FD_ASSET_STATE_IN_REVIEW, NULL, FD_ASSET_CAUSE_NEW_VERSION, FALSE, error))
    return FALSE;

  return apply_move (mutation, row, FD_ASSET_STATE_IN_REVIEW, NULL, before_json, error);
}

static gint64
insert_decision (FdMutation        *mutation,
                 const FdAssetRow  *row,
                 gint64             person_id,
                 gint64             version,
                 FdReviewDecision   decision,
                 const char        *feedback,
                 GError           **error)
{
  FdStore *store = fd_mutation_get_store (mutation);
  g_autofree char *clean = feedback ? g_strstrip (g_strdup (feedback)) : NULL;
  g_autofree char *after = NULL;
  g_autofree char *id_text = NULL;
  g_auto(FdStmt) stmt = NULL;
  gint64 id;

  stmt = fd_store_stmt (store,
                        "INSERT INTO review_decision (asset_id, version, round, person_id, "
                        "decision, feedback, at_us) VALUES (?, ?, ?, ?, ?, nullif (?, ''), ?)",
                        error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, row->id);
  sqlite3_bind_int64 (stmt, 2, version);
  sqlite3_bind_int64 (stmt, 3, row->review_round);
  sqlite3_bind_int64 (stmt, 4, person_id);
  fd_stmt_bind_text (stmt, 5, fd_review_decision_to_string (decision));
  fd_stmt_bind_text (stmt, 6, clean);
  sqlite3_bind_int64 (stmt, 7, fd_mutation_get_time (mutation));
  if (!fd_store_run (store, stmt, error))
    return 0;

  id = fd_store_get_last_insert_id (store);
  after = fd_store_query_text (store, FD_ASSET_REVIEW_SNAPSHOT_SQL, id, error);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  if (after == NULL ||
      !fd_mutation_record (mutation, "review", id_text, fd_review_decision_to_string (decision),
                           NULL, after, error))
    return 0;

  return id;
}

/* After a required reviewer's decision: does the round end? */
static gboolean
settle_round (FdMutation   *mutation,
              FdAssetRow   *row,
              const char   *feedback,
              GError      **error)
{
  FdStore *store = fd_mutation_get_store (mutation);
  g_autoptr(GPtrArray) reviewers = _fd_asset_load_reviewers (store, row, error);
  FdAssetState outcome;

  if (reviewers == NULL)
    return FALSE;

  outcome = _fd_asset_outcome_of (reviewers);
  if (outcome == FD_ASSET_STATE_IN_REVIEW)
    return TRUE;

  return _fd_asset_check_move (store, row, NULL, outcome, feedback, FD_ASSET_CAUSE_REVIEW, FALSE, error) &&
         apply_move (mutation, row, outcome,
                     outcome == FD_ASSET_STATE_REVISION_REQUESTED ? feedback : NULL,
                     NULL, error);
}

static gboolean
record_decision (FdMutation        *mutation,
                 FdAssetRow        *row,
                 FdPerson          *person,
                 FdReviewDecision   decision,
                 const char        *feedback,
                 GError           **error)
{
  FdStore *store = fd_mutation_get_store (mutation);
  g_autoptr(GPtrArray) reviewers = _fd_asset_load_reviewers (store, row, error);
  FdAssetReviewer *reviewer;

  if (reviewers == NULL)
    return FALSE;

  reviewer = _fd_asset_find_reviewer (reviewers, fd_person_get_id (person));
  if (reviewer == NULL)
    {
      g_autofree char *listed = _fd_asset_join_names (reviewers, FD_ASSET_NAMES_ALL);

      return _fd_asset_refuse (error, _("%s is not a reviewer of “%s”: only its listed reviewers (%s) "
                              "can approve or request changes. Anyone may comment."),
                     fd_person_get_name (person), row->name, listed);
    }

  /* The placement gate: no approval of a version that fails a placement
   * its brief requires, unless that was overridden. */
  if (decision == FD_REVIEW_DECISION_APPROVED &&
      !_fd_asset_check_placements (store, row, person, error))
    return FALSE;

  if (!insert_decision (mutation, row, fd_person_get_id (person), row->review_version,
                        decision, feedback, error))
    return FALSE;

  if (!fd_asset_reviewer_get_required (reviewer))
    return TRUE;

  return settle_round (mutation, row, feedback, error);
}

static gboolean
begin_on_asset (FdStore      *store,
                gint64        person_id,
                gint64        asset_id,
                FdPerson    **person,
                FdMutation  **mutation,
                FdAssetRow   *row,
                GError      **error)
{
  g_autofree char *actor = NULL;

  if (!(*person = _fd_asset_require_actor (store, person_id, error)))
    return FALSE;

  actor = fd_person_dup_actor (*person);
  return (*mutation = fd_mutation_begin (store, actor, error)) != NULL &&
         _fd_asset_row_load (store, asset_id, row, error);
}

/*
 * Public API
 */

/**
 * fd_asset_transition:
 * @person_id: who asks for the move
 * @asset_id: the asset
 * @target: the state asked for
 * @text: (nullable): the feedback (to Revision Requested) or the reason
 *   (to Archived); both are required there
 *
 * Asks for a move by hand, as dragging a card to a column does. Allowed:
 *   - Draft → In Review: the asset has a version, its kind's policy names a
 *     required reviewer, and @person_id made it or owns the kind's approval;
 *     the reviewer list is frozen from the policy now;
 *   - In Review → Revision Requested: @person_id is a required reviewer of
 *     the round; records their request (with @text as feedback);
 *   - Revision Requested → In Review: as a submission, and only when a
 *     version was added since the request;
 *   - any state but Archived → Archived, with a reason.
 * Approved is reached through the reviewers' decisions
 * (fd_asset_review()), Uploaded through the upload step
 * (fd_asset_mark_uploaded()), and an approved asset returns to In Review
 * when a version is added; asked for by hand, those moves are refused and
 * the message says how they happen. Any refusal is
 * %FD_CORE_ERROR_NOT_ALLOWED.
 *
 * Returns: %TRUE if the asset moved
 */
gboolean
fd_asset_transition (FdStore       *store,
                     gint64         person_id,
                     gint64         asset_id,
                     FdAssetState   target,
                     const char    *text,
                     GError       **error)
{
  g_autoptr(FdMutation) mutation = NULL;
  g_autoptr(FdPerson) person = NULL;
  g_auto(FdAssetRow) row = { 0 };

  g_return_val_if_fail (FD_IS_STORE (store), FALSE);

  if (!begin_on_asset (store, person_id, asset_id, &person, &mutation, &row, error) ||
      !_fd_asset_check_move (store, &row, person, target, text, FD_ASSET_CAUSE_BY_HAND, FALSE, error))
    return FALSE;

  if (target == FD_ASSET_STATE_REVISION_REQUESTED)
    {
      if (!record_decision (mutation, &row, person, FD_REVIEW_DECISION_CHANGES_REQUESTED,
                            text, error))
        return FALSE;
    }
  else if (!apply_move (mutation, &row, target,
                        target == FD_ASSET_STATE_ARCHIVED ? text : NULL, NULL, error))
    return FALSE;

  return fd_mutation_commit (mutation, error);
}

/**
 * fd_asset_check_transition:
 * @needs_text: (out) (optional): whether the move needs a feedback or
 *   reason text (ask for it before calling fd_asset_transition())
 *
 * Whether fd_asset_transition() would allow the move, without making it:
 * for highlighting the columns a card may be dropped on, and for enabling
 * the card menu's entries. The refusal is the same error.
 *
 * Returns: %TRUE if the move would be allowed (given a text where needed)
 */
gboolean
fd_asset_check_transition (FdStore       *store,
                           gint64         person_id,
                           gint64         asset_id,
                           FdAssetState   target,
                           gboolean      *needs_text,
                           GError       **error)
{
  g_autoptr(FdPerson) person = NULL;
  g_auto(FdAssetRow) row = { 0 };

  g_return_val_if_fail (FD_IS_STORE (store), FALSE);

  if (needs_text != NULL)
    *needs_text = target == FD_ASSET_STATE_REVISION_REQUESTED ||
                  target == FD_ASSET_STATE_ARCHIVED;

  return (person = _fd_asset_require_actor (store, person_id, error)) != NULL &&
         _fd_asset_row_load (store, asset_id, &row, error) &&
         _fd_asset_check_move (store, &row, person, target, NULL, FD_ASSET_CAUSE_BY_HAND, TRUE, error);
}

/**
 * fd_asset_review:
 * @person_id: the reviewer (anyone, for a comment)
 * @decision: approve, request changes, or comment
 * @feedback: (nullable): what should change (required to request
 *   changes), or the comment (required to comment)
 * @new_state: (out) (optional): the asset's state afterwards
 *
 * Records a decision on the version under review, or a comment on the
 * current version. Only the reviewers of the current round decide, and only
 * while the asset is In Review; a required reviewer's decision may end the
 * round (worst decision wins). An approval of a version that fails a
 * placement its brief requires is refused unless a required reviewer
 * overrode that check (fd_asset_override_placement()). Anyone on the roster
 * may comment, at any time: %FD_REVIEW_DECISION_COMMENT adds a comment on
 * the whole current version (fd_comment_add(); frames, marks and replies
 * are there), not a decision.
 *
 * Returns: %TRUE on success
 */
gboolean
fd_asset_review (FdStore           *store,
                 gint64             person_id,
                 gint64             asset_id,
                 FdReviewDecision   decision,
                 const char        *feedback,
                 FdAssetState      *new_state,
                 GError           **error)
{
  g_autoptr(FdMutation) mutation = NULL;
  g_autoptr(FdPerson) person = NULL;
  g_auto(FdAssetRow) row = { 0 };
  g_autofree char *clean = g_strstrip (g_strdup (feedback ? feedback : ""));

  g_return_val_if_fail (FD_IS_STORE (store), FALSE);

  if (decision == FD_REVIEW_DECISION_NONE || decision > FD_REVIEW_DECISION_COMMENT)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                   _("A review is approve, request-changes or comment."));
      return FALSE;
    }

  /* A comment is a comment (fd-comment-catalog.c), on the current version;
   * it changes no state. */
  if (decision == FD_REVIEW_DECISION_COMMENT)
    {
      if (!fd_comment_add (store, person_id, asset_id, 0, NULL, clean, error) ||
          !_fd_asset_row_load (store, asset_id, &row, error))
        return FALSE;

      if (new_state != NULL)
        *new_state = row.state;
      return TRUE;
    }

  if (!begin_on_asset (store, person_id, asset_id, &person, &mutation, &row, error))
    return FALSE;

  if (row.state != FD_ASSET_STATE_IN_REVIEW)
    return _fd_asset_refuse (error, _("“%s” is %s, not In Review: decisions are taken on a version under "
                            "review. Comment instead, or wait for the next version to be "
                            "submitted."),
                   row.name, fd_asset_state_get_display_name (row.state));

  if (decision == FD_REVIEW_DECISION_CHANGES_REQUESTED && *clean == '\0')
    return _fd_asset_refuse (error, _("Requesting changes needs feedback: say what should change in "
                            "version %lld of “%s”."),
                   (long long)row.review_version, row.name);

  if (!record_decision (mutation, &row, person, decision, clean, error))
    return FALSE;

  if (!fd_mutation_commit (mutation, error))
    return FALSE;

  if (new_state != NULL)
    *new_state = row.state;
  return TRUE;
}

static gboolean
verify_text (FdAssetVersion  *version,
             const char      *name,
             GError         **error)
{
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256,
                                                        fd_asset_version_get_text (version), -1);

  if (g_str_equal (sha, fd_asset_version_get_sha256 (version)))
    return TRUE;

  g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_HASH_MISMATCH,
               _("The text of version %lld of “%s” was changed after it was "
                 "approved (it now hashes to %.12s…, not %.12s…). It is not the version that "
                 "was approved."),
               (long long)fd_asset_version_get_number (version), name, sha,
               fd_asset_version_get_sha256 (version));
  return FALSE;
}

/**
 * fd_asset_verify_for_upload:
 * @version: (out) (optional) (transfer full): the approved version
 *
 * The check to make right before sending an asset's bytes anywhere: the
 * asset is Approved (or already Uploaded), every required reviewer of its
 * round approved its current version, and the stored file (or text) still
 * hashes to that version's SHA-256. Reads the whole file; call it off the
 * main thread.
 *
 * Returns: %TRUE if the approved version may be sent; otherwise %FALSE
 *   with %FD_CORE_ERROR_HASH_MISMATCH (the file changed on disk),
 *   %FD_CORE_ERROR_NOT_FOUND (it is missing) or %FD_CORE_ERROR_NOT_ALLOWED
 */
gboolean
fd_asset_verify_for_upload (FdStore          *store,
                            FdMediaStore     *media_store,
                            gint64            asset_id,
                            FdAssetVersion  **version,
                            GCancellable     *cancellable,
                            GError          **error)
{
  g_auto(FdAssetRow) row = { 0 };
  g_autoptr(GPtrArray) reviewers = NULL;
  g_autoptr(FdAssetVersion) approved = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (FD_IS_STORE (store), FALSE);
  g_return_val_if_fail (FD_IS_MEDIA_STORE (media_store), FALSE);

  if (!_fd_asset_row_load (store, asset_id, &row, error))
    return FALSE;

  if (row.state != FD_ASSET_STATE_APPROVED && row.state != FD_ASSET_STATE_UPLOADED)
    return _fd_asset_check_move (store, &row, NULL, FD_ASSET_STATE_UPLOADED, NULL,
                                 FD_ASSET_CAUSE_BY_HAND, FALSE, error);

  if (!(reviewers = _fd_asset_load_reviewers (store, &row, error)))
    return FALSE;

  if (row.review_version != row.current_version ||
      _fd_asset_outcome_of (reviewers) != FD_ASSET_STATE_APPROVED)
    return _fd_asset_refuse (error, _("The approval of “%s” does not hold for its current version %lld; it cannot be uploaded."),
                   row.name, (long long)row.current_version);

  if (!(approved = fd_asset_find_version (store, asset_id, row.current_version, error)))
    return FALSE;

  if (fd_asset_kind_is_text (row.kind))
    {
      if (!verify_text (approved, row.name, error))
        return FALSE;
    }
  else if (!fd_media_store_verify (media_store, fd_asset_version_get_sha256 (approved),
                                   cancellable, &local_error))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("“%s” (version %lld) cannot be uploaded: "),
                                  row.name, (long long)row.current_version);
      return FALSE;
    }

  if (version != NULL)
    *version = g_steal_pointer (&approved);
  return TRUE;
}

/**
 * fd_asset_mark_uploaded:
 *
 * The upload step's transition: verifies the approved version with
 * fd_asset_verify_for_upload() and moves the asset from Approved to
 * Uploaded. A file changed on disk refuses with
 * %FD_CORE_ERROR_HASH_MISMATCH and the state stays Approved. Reads the
 * whole file; call it off the main thread.
 *
 * Returns: %TRUE if the asset is now Uploaded
 */
gboolean
fd_asset_mark_uploaded (FdStore       *store,
                        FdMediaStore  *media_store,
                        gint64         person_id,
                        gint64         asset_id,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(FdMutation) mutation = NULL;
  g_autoptr(FdPerson) person = NULL;
  g_autoptr(FdAssetVersion) version = NULL;
  g_auto(FdAssetRow) row = { 0 };

  g_return_val_if_fail (FD_IS_STORE (store), FALSE);

  /* Refuse early, then hash outside the write transaction: a large file
   * must not hold the workspace's write lock while it is read. */
  if (!(person = _fd_asset_require_actor (store, person_id, error)) ||
      !_fd_asset_row_load (store, asset_id, &row, error) ||
      !_fd_asset_check_move (store, &row, person, FD_ASSET_STATE_UPLOADED, NULL, FD_ASSET_CAUSE_UPLOAD, FALSE, error) ||
      !fd_asset_verify_for_upload (store, media_store, asset_id, &version, cancellable, error))
    return FALSE;

  g_clear_object (&person);
  if (!begin_on_asset (store, person_id, asset_id, &person, &mutation, &row, error) ||
      !_fd_asset_check_move (store, &row, person, FD_ASSET_STATE_UPLOADED, NULL, FD_ASSET_CAUSE_UPLOAD, FALSE, error))
    return FALSE;

  if (row.current_version != fd_asset_version_get_number (version))
    return _fd_asset_refuse (error, _("“%s” changed while its file was being checked; try again."), row.name);

  return apply_move (mutation, &row, FD_ASSET_STATE_UPLOADED, NULL, NULL, error) &&
         fd_mutation_commit (mutation, error);
}

/*
 * On the workspace's writer queue
 */

typedef struct
{
  gint64            person_id;
  gint64            asset_id;
  FdAssetState      target;
  FdReviewDecision  decision;
  char             *text;
} MoveData;

static void
move_data_free (gpointer data)
{
  MoveData *move = data;

  g_free (move->text);
  g_free (move);
}

static gpointer
run_transition (FdStore       *store,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  MoveData *move = data;

  if (!fd_asset_transition (store, move->person_id, move->asset_id, move->target,
                            move->text, error))
    return NULL;

  return GINT_TO_POINTER (move->target);
}

/**
 * fd_asset_transition_async:
 *
 * Runs fd_asset_transition() on the workspace's writer queue.
 */
void
fd_asset_transition_async (FdWorkspace         *workspace,
                           gint64               person_id,
                           gint64               asset_id,
                           FdAssetState         target,
                           const char          *text,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  MoveData *move = g_new0 (MoveData, 1);

  move->person_id = person_id;
  move->asset_id = asset_id;
  move->target = target;
  move->text = g_strdup (text);

  fd_workspace_run_async (workspace, TRUE, run_transition, move, move_data_free, NULL,
                          cancellable, callback, user_data);
}

gboolean
fd_asset_transition_finish (FdWorkspace   *workspace,
                            GAsyncResult  *result,
                            GError       **error)
{
  return fd_workspace_run_finish (workspace, result, error) != NULL;
}

static gpointer
run_review (FdStore       *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  MoveData *move = data;
  FdAssetState state = FD_ASSET_STATE_NONE;

  if (!fd_asset_review (store, move->person_id, move->asset_id, move->decision,
                        move->text, &state, error))
    return NULL;

  return GINT_TO_POINTER (state);
}

/**
 * fd_asset_review_async:
 *
 * Runs fd_asset_review() on the workspace's writer queue.
 */
void
fd_asset_review_async (FdWorkspace         *workspace,
                       gint64               person_id,
                       gint64               asset_id,
                       FdReviewDecision     decision,
                       const char          *feedback,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  MoveData *move = g_new0 (MoveData, 1);

  move->person_id = person_id;
  move->asset_id = asset_id;
  move->decision = decision;
  move->text = g_strdup (feedback);

  fd_workspace_run_async (workspace, TRUE, run_review, move, move_data_free, NULL,
                          cancellable, callback, user_data);
}

/**
 * fd_asset_review_finish:
 *
 * Returns: the asset's state after the review, or %FD_ASSET_STATE_NONE
 *   with @error set
 */
FdAssetState
fd_asset_review_finish (FdWorkspace   *workspace,
                        GAsyncResult  *result,
                        GError       **error)
{
  return GPOINTER_TO_INT (fd_workspace_run_finish (workspace, result, error));
}

typedef struct
{
  gint64        person_id;
  gint64        asset_id;
  FdMediaStore *media_store;
} UploadData;

static void
upload_data_free (gpointer data)
{
  UploadData *upload = data;

  g_clear_object (&upload->media_store);
  g_free (upload);
}

static void
upload_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  UploadData *upload = task_data;
  g_autoptr(FdStore) store = NULL;
  GError *error = NULL;

  /* Not on the writer queue: hashing a large file must not hold up other
   * changes. This thread's connection takes the write lock only at the
   * end, for the transition. */
  if (!(store = fd_workspace_open_store (FD_WORKSPACE (source_object), &error)) ||
      !fd_asset_mark_uploaded (store, upload->media_store, upload->person_id, upload->asset_id,
                               cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * fd_asset_mark_uploaded_async:
 *
 * Runs fd_asset_mark_uploaded() on a thread of its own.
 */
void
fd_asset_mark_uploaded_async (FdWorkspace         *workspace,
                              gint64               person_id,
                              gint64               asset_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  UploadData *upload;

  g_return_if_fail (FD_IS_WORKSPACE (workspace));

  upload = g_new0 (UploadData, 1);
  upload->person_id = person_id;
  upload->asset_id = asset_id;
  upload->media_store = g_object_ref (fd_workspace_get_media_store (workspace));

  task = g_task_new (workspace, cancellable, callback, user_data);
  g_task_set_source_tag (task, fd_asset_mark_uploaded_async);
  g_task_set_task_data (task, upload, upload_data_free);
  g_task_run_in_thread (task, upload_in_thread);
}

gboolean
fd_asset_mark_uploaded_finish (FdWorkspace   *workspace,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, workspace), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
