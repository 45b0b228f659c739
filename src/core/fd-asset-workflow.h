/* fd-asset-workflow.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-asset-enums.h"
#include "fd-asset-version.h"
#include "fd-media-store.h"
#include "fd-store.h"
#include "fd-workspace.h"

G_BEGIN_DECLS

/* The approval state machine. Every state change of an asset — from the
 * board, the CLI or the tests — is checked by one set of rules
 * (fd-asset-workflow.c); a refused move fails with
 * %FD_CORE_ERROR_NOT_ALLOWED and a message that says why and what would
 * allow it. Each transition is an audit event (entity "asset", action
 * "transition"): who, when, from and to (the before and after states), the
 * version under review and the feedback or reason (state_note). Decisions
 * and comments are audit events of their own (entity "review"). */

gboolean  fd_asset_transition         (FdStore           *store,
                                       gint64             person_id,
                                       gint64             asset_id,
                                       FdAssetState       target,
                                       const char        *text,
                                       GError           **error);
gboolean  fd_asset_check_transition   (FdStore           *store,
                                       gint64             person_id,
                                       gint64             asset_id,
                                       FdAssetState       target,
                                       gboolean          *needs_text,
                                       GError           **error);
gboolean  fd_asset_review             (FdStore           *store,
                                       gint64             person_id,
                                       gint64             asset_id,
                                       FdReviewDecision   decision,
                                       const char        *feedback,
                                       FdAssetState      *new_state,
                                       GError           **error);
gboolean  fd_asset_verify_for_upload  (FdStore           *store,
                                       FdMediaStore      *media_store,
                                       gint64             asset_id,
                                       FdAssetVersion   **version,
                                       GCancellable      *cancellable,
                                       GError           **error);
gboolean  fd_asset_mark_uploaded      (FdStore           *store,
                                       FdMediaStore      *media_store,
                                       gint64             person_id,
                                       gint64             asset_id,
                                       GCancellable      *cancellable,
                                       GError           **error);

void      fd_asset_transition_async   (FdWorkspace       *workspace,
                                       gint64             person_id,
                                       gint64             asset_id,
                                       FdAssetState       target,
                                       const char        *text,
                                       GCancellable      *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer           user_data);
gboolean  fd_asset_transition_finish  (FdWorkspace       *workspace,
                                       GAsyncResult      *result,
                                       GError           **error);
void      fd_asset_review_async       (FdWorkspace       *workspace,
                                       gint64             person_id,
                                       gint64             asset_id,
                                       FdReviewDecision   decision,
                                       const char        *feedback,
                                       GCancellable      *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer           user_data);
FdAssetState fd_asset_review_finish   (FdWorkspace       *workspace,
                                       GAsyncResult      *result,
                                       GError           **error);
void      fd_asset_mark_uploaded_async (FdWorkspace      *workspace,
                                       gint64             person_id,
                                       gint64             asset_id,
                                       GCancellable      *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer           user_data);
gboolean  fd_asset_mark_uploaded_finish (FdWorkspace     *workspace,
                                       GAsyncResult      *result,
                                       GError           **error);

G_END_DECLS
