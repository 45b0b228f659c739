/* fd-reviewers-page.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fd-asset-enums.h"
#include "fd-workspace.h"

G_BEGIN_DECLS

#define FD_TYPE_REVIEWERS_PAGE (fd_reviewers_page_get_type ())

G_DECLARE_FINAL_TYPE (FdReviewersPage, fd_reviewers_page, FD, REVIEWERS_PAGE, AdwPreferencesPage)

FdWorkspace *fd_reviewers_page_get_workspace (FdReviewersPage *self);
void         fd_reviewers_page_set_workspace (FdReviewersPage *self,
                                              FdWorkspace     *workspace);
gboolean     fd_reviewers_page_get_loaded    (FdReviewersPage *self);
GPtrArray   *fd_reviewers_page_get_policy    (FdReviewersPage *self,
                                              FdAssetKind      kind);
gboolean     fd_reviewers_page_get_editable  (FdReviewersPage *self,
                                              FdAssetKind      kind);

G_END_DECLS
