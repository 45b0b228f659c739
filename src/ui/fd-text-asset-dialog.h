/* fd-text-asset-dialog.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fd-asset.h"
#include "fd-workspace.h"

G_BEGIN_DECLS

#define FD_TYPE_TEXT_ASSET_DIALOG (fd_text_asset_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FdTextAssetDialog, fd_text_asset_dialog, FD, TEXT_ASSET_DIALOG, AdwWindow)

FdTextAssetDialog *fd_text_asset_dialog_new_for_kind  (FdWorkspace       *workspace,
                                                       gint64             person_id,
                                                       FdAssetKind        kind,
                                                       GListModel        *briefs,
                                                       gint64             brief_id);
FdTextAssetDialog *fd_text_asset_dialog_new_for_asset (FdWorkspace       *workspace,
                                                       gint64             person_id,
                                                       FdAsset           *asset);
const char        *fd_text_asset_dialog_get_name      (FdTextAssetDialog *self);
void               fd_text_asset_dialog_set_name      (FdTextAssetDialog *self,
                                                       const char        *name);
char              *fd_text_asset_dialog_dup_text      (FdTextAssetDialog *self);
void               fd_text_asset_dialog_set_text      (FdTextAssetDialog *self,
                                                       const char        *text);
void               fd_text_asset_dialog_set_note      (FdTextAssetDialog *self,
                                                       const char        *note);
gboolean           fd_text_asset_dialog_get_ready     (FdTextAssetDialog *self);
const char        *fd_text_asset_dialog_get_error     (FdTextAssetDialog *self);

G_END_DECLS
