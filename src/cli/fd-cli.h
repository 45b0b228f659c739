/* fd-cli.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "fd-person.h"
#include "fd-workspace.h"

G_BEGIN_DECLS

/* Exit statuses of flightdeck-cli. */
#define FD_CLI_EXIT_OK      0
#define FD_CLI_EXIT_FAILED  1
#define FD_CLI_EXIT_USAGE   2

/**
 * FdCli:
 *
 * What every command gets: the global options (--workspace, --as) and the
 * workspace, opened on first use.
 */
typedef struct _FdCli FdCli;

typedef int (*FdCliFunc) (FdCli  *cli,
                          int     argc,
                          char  **argv);

/**
 * FdCliCommand:
 * @group: the first word ("person"), or %NULL for a one-word command
 * @name: the command word ("add")
 * @params: the positional parameters, as shown in usage
 * @summary: one line for the command list
 * @func: the implementation; receives argv with the command words removed
 *   (argv[0] is "flightdeck-cli GROUP NAME" for GOptionContext)
 *
 * Each command module exports a table ending with an entry whose @name is
 * %NULL.
 */
typedef struct
{
  const char *group;
  const char *name;
  const char *params;
  const char *summary;
  FdCliFunc   func;
} FdCliCommand;

const char  *fd_cli_get_workspace_path (FdCli        *cli);
const char  *fd_cli_get_explicit_workspace_path (FdCli *cli);
FdWorkspace *fd_cli_open_workspace     (FdCli        *cli,
                                        GError      **error);
FdStore     *fd_cli_get_store          (FdCli        *cli,
                                        GError      **error);
char        *fd_cli_dup_actor          (FdCli        *cli,
                                        GError      **error);
FdPerson    *fd_cli_get_person         (FdCli        *cli,
                                        GError      **error);

gboolean     fd_cli_parse              (FdCli        *cli,
                                        int          *argc,
                                        char       ***argv,
                                        const GOptionEntry *entries,
                                        const char   *params,
                                        int           min_args,
                                        int           max_args,
                                        int          *exit_status);
int          fd_cli_fail               (GError       *error);
int          fd_cli_usage              (const char   *format,
                                        ...) G_GNUC_PRINTF (1, 2);
void         fd_cli_print_json         (JsonNode     *node);
gboolean     fd_cli_parse_id           (const char   *text,
                                        gint64       *id);

G_END_DECLS
