/* fd-asset-enums.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * FdAssetKind:
 * @FD_ASSET_KIND_NONE: no kind (a filter that takes every kind, or "from
 *   the file" when importing)
 * @FD_ASSET_KIND_VIDEO: a video; versions are imported files
 * @FD_ASSET_KIND_IMAGE: a still image; versions are imported files
 * @FD_ASSET_KIND_HEADLINE: a headline; versions are texts
 * @FD_ASSET_KIND_PRIMARY_TEXT: an ad's primary text; versions are texts
 * @FD_ASSET_KIND_SCRIPT: a video script; versions are texts
 *
 * Spelled "video", "image", "headline", "primary-text", "script" on the
 * command line and in the database.
 */
typedef enum
{
  FD_ASSET_KIND_NONE,
  FD_ASSET_KIND_VIDEO,
  FD_ASSET_KIND_IMAGE,
  FD_ASSET_KIND_HEADLINE,
  FD_ASSET_KIND_PRIMARY_TEXT,
  FD_ASSET_KIND_SCRIPT,
} FdAssetKind;

#define FD_ASSET_N_KINDS 5

/**
 * FdAssetState:
 * @FD_ASSET_STATE_NONE: no state (a filter that takes every state)
 * @FD_ASSET_STATE_DRAFT: being made; not yet submitted
 * @FD_ASSET_STATE_IN_REVIEW: waiting for the decisions of its reviewers
 * @FD_ASSET_STATE_REVISION_REQUESTED: a required reviewer asked for changes
 * @FD_ASSET_STATE_APPROVED: every required reviewer approved its version
 * @FD_ASSET_STATE_UPLOADED: the approved version was uploaded, hash checked
 * @FD_ASSET_STATE_ARCHIVED: retired, with a reason; final
 *
 * The six states of the board, in column order. Spelled "draft",
 * "in-review", "revision-requested", "approved", "uploaded", "archived" on
 * the command line and in the database.
 */
typedef enum
{
  FD_ASSET_STATE_NONE,
  FD_ASSET_STATE_DRAFT,
  FD_ASSET_STATE_IN_REVIEW,
  FD_ASSET_STATE_REVISION_REQUESTED,
  FD_ASSET_STATE_APPROVED,
  FD_ASSET_STATE_UPLOADED,
  FD_ASSET_STATE_ARCHIVED,
} FdAssetState;

#define FD_ASSET_N_STATES 6

/**
 * FdReviewDecision:
 * @FD_REVIEW_DECISION_NONE: no decision yet
 * @FD_REVIEW_DECISION_APPROVED: the reviewer approved the version
 * @FD_REVIEW_DECISION_CHANGES_REQUESTED: the reviewer asked for changes
 * @FD_REVIEW_DECISION_COMMENT: a comment, which is not a decision
 *
 * Spelled "approved", "changes-requested", "comment".
 */
typedef enum
{
  FD_REVIEW_DECISION_NONE,
  FD_REVIEW_DECISION_APPROVED,
  FD_REVIEW_DECISION_CHANGES_REQUESTED,
  FD_REVIEW_DECISION_COMMENT,
} FdReviewDecision;

#define FD_TYPE_ASSET_KIND (fd_asset_kind_get_type ())
#define FD_TYPE_ASSET_STATE (fd_asset_state_get_type ())
#define FD_TYPE_REVIEW_DECISION (fd_review_decision_get_type ())

GType            fd_asset_kind_get_type          (void) G_GNUC_CONST;
GType            fd_asset_state_get_type         (void) G_GNUC_CONST;
GType            fd_review_decision_get_type     (void) G_GNUC_CONST;

const char      *fd_asset_kind_to_string         (FdAssetKind       kind);
FdAssetKind      fd_asset_kind_from_string       (const char       *text);
const char      *fd_asset_kind_get_display_name  (FdAssetKind       kind);
const char      *fd_asset_kind_get_plural_name   (FdAssetKind       kind);
gboolean         fd_asset_kind_is_media          (FdAssetKind       kind);
gboolean         fd_asset_kind_is_text           (FdAssetKind       kind);
const char      *fd_asset_kind_get_approval_transition (FdAssetKind kind);
char            *fd_asset_kind_list_names        (void);

const char      *fd_asset_state_to_string        (FdAssetState      state);
FdAssetState     fd_asset_state_from_string      (const char       *text);
const char      *fd_asset_state_get_display_name (FdAssetState      state);
char            *fd_asset_state_list_names       (void);

const char      *fd_review_decision_to_string    (FdReviewDecision  decision);
FdReviewDecision fd_review_decision_from_string  (const char       *text);
const char      *fd_review_decision_get_display_name (FdReviewDecision decision);

G_END_DECLS
