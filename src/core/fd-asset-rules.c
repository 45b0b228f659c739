/* fd-asset-rules.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-asset-rules"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-asset-private.h"
#include "fd-asset-reviewer.h"
#include "fd-core-error.h"
#include "fd-ownership.h"
#include "fd-roster.h"

/* The approval state machine.
 *
 *   Draft ──submit──► In Review ──a required reviewer requests changes──► Revision Requested
 *                       │   ▲                                                  │
 *                       │   └────────── resubmit, once a new version exists ◄──┘
 *                       │   ▲
 *     every required    │   └── a new version of an Approved asset
 *     reviewer approved ▼   │
 *                      Approved ──upload step (hash re-checked)──► Uploaded
 *
 *   Draft, In Review, Revision Requested, Approved, Uploaded ──archive, with a reason──► Archived (final)
 *
 * Each move has exactly one cause, so the audit log's before and after
 * states say what happened. check_move() holds every rule; apply_move() is
 * the only code that changes an asset's state.
 *
 * Who may do what:
 *   - submit (Draft → In Review) and resubmit (Revision Requested → In
 *     Review): the people who made the asset (its creator and anyone who
 *     added a version) and the owner or backup of the kind's approval in
 *     the ownership matrix;
 *   - approve or request changes: the reviewers of the current round, while
 *     the asset is In Review; only required reviewers' decisions move it,
 *     optional reviewers' are recorded;
 *   - comment: anyone on the roster, at any time;
 *   - archive: anyone on the roster, with a reason;
 *   - upload: anyone on the roster, through the upload step (Stage 3 adds
 *     the launch sign-off in front of it).
 * Inactive roster members can do none of it.
 *
 * The placement gate: a video or image whose version under review fails a
 * placement its brief requires, without a required reviewer's override,
 * takes no approval and cannot reach Approved (fd-placement-gate.c).
 *
 * Rounds: every entry into In Review starts a round whose reviewer list is
 * frozen from the kind's policy (only active people). Decisions bind to
 * (asset, version): a version added during review becomes the version under
 * review, and the decisions on the older one stop counting. Worst decision
 * wins: one required "changes requested" ends the round in Revision
 * Requested; the round ends Approved when every required reviewer approved
 * the version under review. */

/*
 * Reading what the rules need
 */

GPtrArray *
_fd_asset_load_reviewers (FdStore           *store,
                          const FdAssetRow  *row,
                          GError           **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) cards = NULL;
  FdAsset *card;

  g_array_append_val (ids, row->id);
  if (!(cards = _fd_asset_load_cards (store, ids, NULL, error)))
    return NULL;

  if (cards->len == 0)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_FOUND,
                   _("There is no asset %lld."), (long long)row->id);
      return NULL;
    }

  card = g_ptr_array_index (cards, 0);
  return g_ptr_array_ref (fd_asset_get_reviewers (card));
}

char *
_fd_asset_join_names (GPtrArray          *reviewers,
                      FdAssetNamesFilter  filter)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; reviewers && i < reviewers->len; i++)
    {
      FdAssetReviewer *reviewer = g_ptr_array_index (reviewers, i);
      gboolean required = fd_asset_reviewer_get_required (reviewer);
      FdReviewDecision decision = fd_asset_reviewer_get_decision (reviewer);

      if ((filter == FD_ASSET_NAMES_REQUIRED && !required) ||
          (filter == FD_ASSET_NAMES_WAITING && (!required || decision == FD_REVIEW_DECISION_APPROVED)))
        continue;

      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, fd_asset_reviewer_get_name (reviewer));
    }

  return g_string_free (text, FALSE);
}

FdAssetReviewer *
_fd_asset_find_reviewer (GPtrArray *reviewers,
                         gint64     person_id)
{
  for (guint i = 0; i < reviewers->len; i++)
    if (fd_asset_reviewer_get_person_id (g_ptr_array_index (reviewers, i)) == person_id)
      return g_ptr_array_index (reviewers, i);

  return NULL;
}

/* Worst decision wins. */
FdAssetState
_fd_asset_outcome_of (GPtrArray *reviewers)
{
  guint n_required = 0;
  guint n_approved = 0;

  for (guint i = 0; i < reviewers->len; i++)
    {
      FdAssetReviewer *reviewer = g_ptr_array_index (reviewers, i);

      if (!fd_asset_reviewer_get_required (reviewer))
        continue;

      n_required++;
      switch (fd_asset_reviewer_get_decision (reviewer))
        {
        case FD_REVIEW_DECISION_CHANGES_REQUESTED:
          return FD_ASSET_STATE_REVISION_REQUESTED;
        case FD_REVIEW_DECISION_APPROVED:
          n_approved++;
          break;
        case FD_REVIEW_DECISION_NONE:
        case FD_REVIEW_DECISION_COMMENT:
        default:
          break;
        }
    }

  /* A round without required reviewers is never approved by default. */
  if (n_required > 0 && n_approved == n_required)
    return FD_ASSET_STATE_APPROVED;

  return FD_ASSET_STATE_IN_REVIEW;
}

static gboolean
count_policy_reviewers (FdStore      *store,
                        FdAssetKind   kind,
                        gint64       *n_required,
                        GError      **error)
{
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  stmt = fd_store_stmt (store,
                        "SELECT count (*) FROM reviewer_policy r JOIN person p ON p.id = r.person_id "
                        "WHERE r.kind = ? AND r.required = 1 AND p.active",
                        error);
  if (stmt == NULL)
    return FALSE;

  fd_stmt_bind_text (stmt, 1, fd_asset_kind_to_string (kind));
  if (!fd_store_step (store, stmt, &has_row, error))
    return FALSE;

  *n_required = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* The last request for changes of the round, for messages. */
static FdAssetReviewer *
find_request (GPtrArray *reviewers)
{
  FdAssetReviewer *found = NULL;

  for (guint i = 0; reviewers && i < reviewers->len; i++)
    {
      FdAssetReviewer *reviewer = g_ptr_array_index (reviewers, i);

      if (fd_asset_reviewer_get_decision (reviewer) == FD_REVIEW_DECISION_CHANGES_REQUESTED &&
          (found == NULL ||
           fd_asset_reviewer_get_decided_us (reviewer) > fd_asset_reviewer_get_decided_us (found)))
        found = reviewer;
    }

  return found;
}

/* The creator and everyone who added a version, by name. */
static char *
describe_makers (FdStore           *store,
                 const FdAssetRow  *row)
{
  g_auto(FdStmt) stmt = NULL;
  GString *names = g_string_new (NULL);
  gboolean has_row;

  stmt = fd_store_stmt (store,
                        "SELECT created_by FROM asset WHERE id = ?1 UNION "
                        "SELECT created_by FROM asset_version WHERE asset_id = ?1",
                        NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, row->id);
      while (fd_store_step (store, stmt, &has_row, NULL) && has_row)
        {
          g_autofree char *name = fd_roster_describe_actor (store, fd_stmt_column_text (stmt, 0));

          if (names->len > 0)
            g_string_append (names, ", ");
          g_string_append (names, name);
        }
    }

  return g_string_free (names, FALSE);
}

static gboolean
is_maker (FdStore           *store,
          const FdAssetRow  *row,
          const char        *actor)
{
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row = FALSE;

  if (g_strcmp0 (row->created_by, actor) == 0)
    return TRUE;

  stmt = fd_store_stmt (store,
                        "SELECT 1 FROM asset_version WHERE asset_id = ? AND created_by = ? LIMIT 1",
                        NULL);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, row->id);
  fd_stmt_bind_text (stmt, 2, actor);
  return fd_store_step (store, stmt, &has_row, NULL) && has_row;
}

static gboolean
check_may_submit (FdStore           *store,
                  const FdAssetRow  *row,
                  FdPerson          *person,
                  GError           **error)
{
  const char *transition = fd_asset_kind_get_approval_transition (row->kind);
  g_autofree char *actor = fd_person_dup_actor (person);
  g_autoptr(FdOwnershipEntry) entry = NULL;
  g_autofree char *makers = NULL;
  FdPerson *owner;

  if (is_maker (store, row, actor) ||
      fd_ownership_may_act (store, transition, fd_person_get_id (person), NULL))
    return TRUE;

  makers = describe_makers (store, row);
  entry = fd_ownership_get (store, transition, NULL);
  owner = entry ? fd_ownership_entry_get_owner (entry) : NULL;

  if (owner != NULL)
    g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_ALLOWED,
                 _("Only the people who made “%s” (%s) or the owner of “%s” (%s) may "
                   "submit it for review."),
                 row->name, makers, fd_ownership_get_transition_title (transition),
                 fd_person_get_name (owner));
  else
    g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_ALLOWED,
                 _("Only the people who made “%s” (%s) may submit it for review, or the "
                   "owner of “%s” once one is named."),
                 row->name, makers, fd_ownership_get_transition_title (transition));
  return FALSE;
}

/*
 * The rules
 */

gboolean
_fd_asset_refuse (GError     **error,
                  const char  *format,
                  ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_ALLOWED, message);
  return FALSE;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static gboolean
check_to_draft (const FdAssetRow  *row,
                GError           **error)
{
  const char *hint = NULL;

  switch (row->state)
    {
    case FD_ASSET_STATE_IN_REVIEW:
      hint = _("A required reviewer can request changes instead, or it can be archived.");
      break;
    case FD_ASSET_STATE_REVISION_REQUESTED:
      hint = _("Add a new version and send it back to In Review, or archive it.");
      break;
    case FD_ASSET_STATE_APPROVED:
      hint = _("A new version sends it back to In Review; or archive it.");
      break;
    case FD_ASSET_STATE_UPLOADED:
    default:
      hint = _("It was uploaded; archive it when it is retired.");
      break;
    }

  return _fd_asset_refuse (error, _("“%s” cannot go back to Draft: once submitted for review, an asset "
                          "stays in the review cycle. %s"),
                 row->name, hint);
}

static gboolean
check_submission (FdStore           *store,
                  const FdAssetRow  *row,
                  FdPerson          *person,
                  GError           **error)
{
  gint64 n_required = 0;

  if (row->current_version == 0)
    return _fd_asset_refuse (error, _("“%s” needs a version before it can be submitted for review: %s "
                            "first."),
                   row->name,
                   fd_asset_kind_is_media (row->kind) ? _("import a file") : _("write its text"));

  if (!count_policy_reviewers (store, row->kind, &n_required, error))
    return FALSE;

  if (n_required == 0)
    return _fd_asset_refuse (error, _("Nobody is listed as a required reviewer for %s, so “%s” could never "
                            "be approved. Set the reviewer policy first (Preferences › Reviewers, "
                            "or “policy set %s --required …”)."),
                   fd_asset_kind_get_plural_name (row->kind), row->name,
                   fd_asset_kind_to_string (row->kind));

  return person == NULL || check_may_submit (store, row, person, error);
}

static gboolean
check_to_review (FdStore           *store,
                 const FdAssetRow  *row,
                 FdPerson          *person,
                 FdAssetCause       cause,
                 GError           **error)
{
  switch (row->state)
    {
    case FD_ASSET_STATE_DRAFT:
      return check_submission (store, row, person, error);

    case FD_ASSET_STATE_REVISION_REQUESTED:
      if (row->current_version <= row->review_version)
        {
          g_autoptr(GPtrArray) reviewers = _fd_asset_load_reviewers (store, row, NULL);
          FdAssetReviewer *request = find_request (reviewers);

          if (request != NULL)
            return _fd_asset_refuse (error, _("“%s” cannot go back to In Review yet: %s requested changes "
                                    "on version %lld (“%s”). Add a new version "
                                    "first; then it can be resubmitted."),
                           row->name, fd_asset_reviewer_get_name (request), (long long)row->review_version,
                           fd_asset_reviewer_get_feedback (request));

          return _fd_asset_refuse (error, _("“%s” cannot go back to In Review yet: changes were requested "
                                  "on version %lld. Add a new version first; "
                                  "then it can be resubmitted."),
                         row->name, (long long)row->review_version);
        }
      return check_submission (store, row, person, error);

    case FD_ASSET_STATE_APPROVED:
      if (cause == FD_ASSET_CAUSE_NEW_VERSION)
        return check_submission (store, row, NULL, error);
      return _fd_asset_refuse (error, _("“%s” is approved (version %lld); it goes back to "
                              "In Review when a new version is added, not by hand."),
                     row->name, (long long)row->current_version);

    case FD_ASSET_STATE_UPLOADED:
    default:
      return _fd_asset_refuse (error, _("“%s” was uploaded and stays Uploaded; create a new asset for a "
                              "new cut, or archive this one."),
                     row->name);
    }
}

static gboolean
check_to_revision (FdStore           *store,
                   const FdAssetRow  *row,
                   FdPerson          *person,
                   const char        *text,
                   FdAssetCause       cause,
                   gboolean           dry_run,
                   GError           **error)
{
  g_autoptr(GPtrArray) reviewers = NULL;
  FdAssetReviewer *reviewer;

  switch (row->state)
    {
    case FD_ASSET_STATE_IN_REVIEW:
      break;

    case FD_ASSET_STATE_DRAFT:
      return _fd_asset_refuse (error, _("“%s” is a draft: changes are requested during review. Submit it "
                              "for review first."),
                     row->name);

    case FD_ASSET_STATE_APPROVED:
      return _fd_asset_refuse (error, _("“%s” is approved (version %lld); changes can no "
                              "longer be requested. Add a new version to send it back to In "
                              "Review, or archive it."),
                     row->name, (long long)row->current_version);

    case FD_ASSET_STATE_UPLOADED:
    default:
      return _fd_asset_refuse (error, _("“%s” was uploaded; changes can no longer be requested. Create a "
                              "new asset for a new cut, or archive this one."),
                     row->name);
    }

  if (cause == FD_ASSET_CAUSE_REVIEW)
    return TRUE;

  if (!(reviewers = _fd_asset_load_reviewers (store, row, error)))
    return FALSE;

  reviewer = _fd_asset_find_reviewer (reviewers, fd_person_get_id (person));
  if (reviewer == NULL || !fd_asset_reviewer_get_required (reviewer))
    {
      g_autofree char *required = _fd_asset_join_names (reviewers, FD_ASSET_NAMES_REQUIRED);

      if (reviewer != NULL)
        return _fd_asset_refuse (error, _("%s is an optional reviewer of “%s”: a request for changes "
                                "from them is recorded but does not send it back. Only a "
                                "required reviewer (%s) can."),
                       fd_person_get_name (person), row->name, required);

      return _fd_asset_refuse (error, _("Only a required reviewer of “%s” (%s) can request changes; "
                              "anyone may comment."),
                     row->name, required);
    }

  if (!dry_run && is_blank (text))
    return _fd_asset_refuse (error, _("Requesting changes needs feedback: say what should change in "
                            "version %lld of “%s”."),
                   (long long)row->review_version, row->name);

  return TRUE;
}

static gboolean
check_to_approved (FdStore           *store,
                   const FdAssetRow  *row,
                   FdPerson          *person,
                   FdAssetCause       cause,
                   GError           **error)
{
  g_autoptr(GPtrArray) reviewers = NULL;
  g_autofree char *required = NULL;
  g_autofree char *waiting = NULL;
  FdAssetReviewer *reviewer;

  switch (row->state)
    {
    case FD_ASSET_STATE_IN_REVIEW:
      break;

    case FD_ASSET_STATE_DRAFT:
      return _fd_asset_refuse (error, _("“%s” cannot go to Approved by hand: it must be submitted for "
                              "review, and it is approved when every required reviewer has "
                              "approved its version."),
                     row->name);

    case FD_ASSET_STATE_REVISION_REQUESTED:
      return _fd_asset_refuse (error, _("“%s” cannot go to Approved: changes were requested on version "
                              "%lld. Add a new version and send it back to In "
                              "Review."),
                     row->name, (long long)row->review_version);

    case FD_ASSET_STATE_UPLOADED:
    default:
      return _fd_asset_refuse (error, _("“%s” was uploaded, which is past approval; archive it when it "
                              "is retired."),
                     row->name);
    }

  /* Settled by the decisions: the version must also pass the placements
   * its brief requires, or have them overridden (fd-placement-gate.c). */
  if (cause == FD_ASSET_CAUSE_REVIEW)
    return _fd_asset_check_placements (store, row, person, error);

  if (!(reviewers = _fd_asset_load_reviewers (store, row, error)))
    return FALSE;

  required = _fd_asset_join_names (reviewers, FD_ASSET_NAMES_REQUIRED);
  waiting = _fd_asset_join_names (reviewers, FD_ASSET_NAMES_WAITING);
  reviewer = person ? _fd_asset_find_reviewer (reviewers, fd_person_get_id (person)) : NULL;

  if (reviewer != NULL && fd_asset_reviewer_get_required (reviewer) &&
      fd_asset_reviewer_get_decision (reviewer) != FD_REVIEW_DECISION_APPROVED)
    return _fd_asset_refuse (error, _("“%s” cannot go to Approved by hand: it is approved when every "
                            "required reviewer (%s) has approved version %lld. "
                            "Waiting for: %s. You are one of them: record your approval in "
                            "the review."),
                   row->name, required, (long long)row->review_version, waiting);

  return _fd_asset_refuse (error, _("“%s” cannot go to Approved by hand: it is approved when every "
                          "required reviewer (%s) has approved version %lld. "
                          "Waiting for: %s."),
                 row->name, required, (long long)row->review_version, waiting);
}

static gboolean
check_to_uploaded (FdStore           *store,
                   const FdAssetRow  *row,
                   FdAssetCause       cause,
                   GError           **error)
{
  g_autoptr(GPtrArray) reviewers = NULL;
  g_autofree char *waiting = NULL;

  switch (row->state)
    {
    case FD_ASSET_STATE_APPROVED:
      if (cause == FD_ASSET_CAUSE_UPLOAD)
        return TRUE;
      return _fd_asset_refuse (error, _("“%s” is uploaded only through the upload step, which first checks "
                              "that the stored file is still exactly the approved version %lld. Use Upload (or “asset upload %lld”)."),
                     row->name, (long long)row->current_version, (long long)row->id);

    case FD_ASSET_STATE_IN_REVIEW:
      reviewers = _fd_asset_load_reviewers (store, row, NULL);
      waiting = _fd_asset_join_names (reviewers, FD_ASSET_NAMES_WAITING);
      return _fd_asset_refuse (error, _("“%s” is not approved yet, and only an approved version can be "
                              "uploaded. Waiting for: %s."),
                     row->name, waiting);

    case FD_ASSET_STATE_REVISION_REQUESTED:
      return _fd_asset_refuse (error, _("“%s” is not approved: changes were requested on version %lld, and only an approved version can be uploaded."),
                     row->name, (long long)row->review_version);

    case FD_ASSET_STATE_DRAFT:
    default:
      return _fd_asset_refuse (error, _("“%s” is a draft, and only an approved version can be uploaded. "
                              "Submit it for review first."),
                     row->name);
    }
}

static gboolean
check_to_archived (const FdAssetRow  *row,
                   const char        *text,
                   gboolean           dry_run,
                   GError           **error)
{
  if (!dry_run && is_blank (text))
    return _fd_asset_refuse (error, _("Archiving “%s” needs a reason (for instance: replaced by a new cut, "
                            "off-brief, seasonal end)."),
                   row->name);

  return TRUE;
}

/* Every rule of the state machine. @person is who asks (%NULL for moves
 * with another cause); in a dry run a missing text is not an error. */
gboolean
_fd_asset_check_move (FdStore           *store,
                      const FdAssetRow  *row,
                      FdPerson          *person,
                      FdAssetState       to,
                      const char        *text,
                      FdAssetCause       cause,
                      gboolean           dry_run,
                      GError           **error)
{
  if (to <= FD_ASSET_STATE_NONE || to > FD_ASSET_N_STATES)
    {
      g_autofree char *known = fd_asset_state_list_names ();

      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                   _("That is not a state. States: %s."), known);
      return FALSE;
    }

  if (row->state == to)
    return _fd_asset_refuse (error, _("“%s” is already %s."), row->name, fd_asset_state_get_display_name (to));

  if (row->state == FD_ASSET_STATE_ARCHIVED)
    return _fd_asset_refuse (error, _("“%s” is archived, and Archived is final: it cannot move to %s. "
                            "Create a new asset to work on it again."),
                   row->name, fd_asset_state_get_display_name (to));

  switch (to)
    {
    case FD_ASSET_STATE_DRAFT:
      return check_to_draft (row, error);
    case FD_ASSET_STATE_IN_REVIEW:
      return check_to_review (store, row, person, cause, error);
    case FD_ASSET_STATE_REVISION_REQUESTED:
      return check_to_revision (store, row, person, text, cause, dry_run, error);
    case FD_ASSET_STATE_APPROVED:
      return check_to_approved (store, row, person, cause, error);
    case FD_ASSET_STATE_UPLOADED:
      return check_to_uploaded (store, row, cause, error);
    case FD_ASSET_STATE_ARCHIVED:
      return check_to_archived (row, text, dry_run, error);
    case FD_ASSET_STATE_NONE:
    default:
      g_assert_not_reached ();
    }
}
