/* fd-cli.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "flightdeck-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "fd-cli-private.h"
#include "fd-core-error.h"
#include "fd-json.h"
#include "fd-roster.h"

struct _FdCli
{
  char        *workspace_path;
  char        *as_person;
  FdWorkspace *workspace;
  gboolean     workspace_from_env;
};

FdCli *
fd_cli_new (const char *workspace_path,
            gboolean    workspace_from_env,
            const char *as_person)
{
  FdCli *cli = g_new0 (FdCli, 1);

  cli->workspace_path = g_strdup (workspace_path);
  cli->workspace_from_env = workspace_from_env;
  cli->as_person = g_strdup (as_person);

  return cli;
}

void
fd_cli_free (FdCli *cli)
{
  g_clear_object (&cli->workspace);
  g_free (cli->workspace_path);
  g_free (cli->as_person);
  g_free (cli);
}

/**
 * fd_cli_get_workspace_path:
 *
 * Returns: (nullable): the workspace named by --workspace or
 *   $FLIGHTDECK_WORKSPACE
 */
const char *
fd_cli_get_workspace_path (FdCli *cli)
{
  return cli->workspace_path;
}

/**
 * fd_cli_get_explicit_workspace_path:
 *
 * Returns: (nullable): the workspace named by --workspace only; commands
 *   that create or overwrite data ignore $FLIGHTDECK_WORKSPACE
 */
const char *
fd_cli_get_explicit_workspace_path (FdCli *cli)
{
  return cli->workspace_from_env ? NULL : cli->workspace_path;
}

/**
 * fd_cli_open_workspace:
 *
 * Returns: (transfer none): the workspace, opened on first use
 */
FdWorkspace *
fd_cli_open_workspace (FdCli   *cli,
                       GError **error)
{
  if (cli->workspace != NULL)
    return cli->workspace;

  if (cli->workspace_path == NULL)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                   _("No workspace given: pass --workspace DIR or set FLIGHTDECK_WORKSPACE."));
      return NULL;
    }

  cli->workspace = fd_workspace_open (cli->workspace_path, error);
  return cli->workspace;
}

FdStore *
fd_cli_get_store (FdCli   *cli,
                  GError **error)
{
  FdWorkspace *workspace = fd_cli_open_workspace (cli, error);

  return workspace ? fd_workspace_get_store (workspace) : NULL;
}

/**
 * fd_cli_get_person:
 *
 * Returns: (transfer full): the person acting: the one named by --as, or the
 *   workspace's current person; %NULL with @error set if neither exists
 */
FdPerson *
fd_cli_get_person (FdCli   *cli,
                   GError **error)
{
  FdStore *store = fd_cli_get_store (cli, error);
  g_autoptr(GError) local_error = NULL;
  FdPerson *person;

  if (store == NULL)
    return NULL;

  if (cli->as_person != NULL)
    return fd_roster_find (store, cli->as_person, error);

  person = fd_roster_get_current (store, &local_error);
  if (person == NULL && local_error == NULL)
    g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                 _("Who is acting? Pass --as PERSON, or choose the current person "
                   "with “person current PERSON”."));
  else if (person == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));

  return person;
}

/**
 * fd_cli_dup_actor:
 *
 * Returns: (transfer full): the actor for audit events: the acting person
 *   when there is one, otherwise the operating-system user running the
 *   command ("os-user:NAME")
 */
char *
fd_cli_dup_actor (FdCli   *cli,
                  GError **error)
{
  FdStore *store = fd_cli_get_store (cli, error);
  g_autoptr(FdPerson) person = NULL;

  if (store == NULL)
    return NULL;

  if (cli->as_person != NULL)
    {
      person = fd_roster_find (store, cli->as_person, error);
      return person ? fd_person_dup_actor (person) : NULL;
    }

  return fd_roster_dup_current_actor (store);
}

/* One clear line on stderr, whatever the message holds. */
int
fd_cli_fail (GError *error)
{
  g_autofree char *message = g_strdup (error ? error->message : _("Failed."));

  g_strdelimit (message, "\n\r", ' ');
  fprintf (stderr, "flightdeck-cli: %s\n", message);
  g_clear_error (&error);

  return FD_CLI_EXIT_FAILED;
}

int
fd_cli_usage (const char *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_strdelimit (message, "\n\r", ' ');
  fprintf (stderr, "flightdeck-cli: %s\n", message);

  return FD_CLI_EXIT_USAGE;
}

/**
 * fd_cli_parse:
 * @entries: the command's options
 * @params: positional parameters for --help ("FILE")
 * @min_args: how many positional arguments are required
 * @max_args: how many are allowed, or -1 for any number
 * @exit_status: (out): set when %FALSE is returned
 *
 * Parses the command's own options; afterwards (*argv)[1…] hold the
 * positional arguments.
 */
gboolean
fd_cli_parse (FdCli               *cli,
              int                 *argc,
              char              ***argv,
              const GOptionEntry  *entries,
              const char          *params,
              int                  min_args,
              int                  max_args,
              int                 *exit_status)
{
  g_autoptr(GOptionContext) context = g_option_context_new (params);
  g_autoptr(GError) error = NULL;
  int n_args;

  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *exit_status = fd_cli_usage ("%s", error->message);
      return FALSE;
    }

  n_args = *argc - 1;
  if (n_args < min_args || (max_args >= 0 && n_args > max_args))
    {
      *exit_status = fd_cli_usage (_("Usage: %s %s"), (*argv)[0], params ? params : "");
      return FALSE;
    }

  return TRUE;
}

/* Pretty JSON on stdout, with numbers as people read them (fd-json.c:
 * json-glib would print 31.2 as 31.199999999999999). */
void
fd_cli_print_json (JsonNode *node)
{
  g_autofree char *text = fd_json_to_string (node, TRUE);

  fputs (text, stdout);
  fputc ('\n', stdout);
}

gboolean
fd_cli_parse_id (const char *text,
                 gint64     *id)
{
  char *end = NULL;

  if (text == NULL || !g_ascii_isdigit (*text))
    return FALSE;

  *id = g_ascii_strtoll (text, &end, 10);
  return *end == '\0' && *id > 0;
}
