/* fd-cli-private.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-cli.h"

G_BEGIN_DECLS

FdCli *fd_cli_new  (const char *workspace_path,
                    gboolean    workspace_from_env,
                    const char *as_person);
void   fd_cli_free (FdCli      *cli);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdCli, fd_cli_free)

/* The command tables of the modules. */
extern const FdCliCommand fd_cli_workspace_commands[];
extern const FdCliCommand fd_cli_people_commands[];
extern const FdCliCommand fd_cli_audit_commands[];
extern const FdCliCommand fd_cli_assets_commands[];
extern const FdCliCommand fd_cli_comments_commands[];

/* Steps of the demo, contributed by modules. */
gboolean fd_cli_demo_assets (FdWorkspace  *workspace,
                             GError      **error);
gboolean fd_cli_demo_triage (FdWorkspace  *workspace,
                             GError      **error);
extern const FdCliCommand fd_cli_media_commands[];
extern const FdCliCommand fd_cli_rules_commands[];
extern const FdCliCommand fd_cli_triage_commands[];
extern const FdCliCommand fd_cli_accounts_commands[];
extern const FdCliCommand fd_cli_sync_commands[];
extern const FdCliCommand fd_cli_library_commands[];

G_END_DECLS
