/* fd-cli-workspace.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "flightdeck-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "fd-audit-log.h"
#include "fd-brief.h"
#include "fd-cli-private.h"
#include "fd-core-error.h"
#include "fd-demo.h"
#include "fd-graph-demo.h"
#include "fd-ownership.h"
#include "fd-roster.h"
#include "fd-rulebook.h"
#include "fd-triage-demo.h"

/* init, demo: making workspaces. */

static int
cmd_init (FdCli  *cli,
          int     argc,
          char  **argv)
{
  g_autofree char *name = NULL;
  g_autoptr(FdWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  const char *path;
  int status;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("What the workspace is called"), N_("NAME") },
    { NULL }
  };

  if (!fd_cli_parse (cli, &argc, &argv, entries, "", 0, 0, &status))
    return status;

  if (!(path = fd_cli_get_explicit_workspace_path (cli)))
    return fd_cli_usage (_("init needs --workspace DIR: the folder to create."));

  if (!(workspace = fd_workspace_create (path, name, &error)))
    return fd_cli_fail (g_steal_pointer (&error));

  printf ("%s\n", fd_workspace_get_path (workspace));
  return FD_CLI_EXIT_OK;
}

/*
 * The demo is built in steps, one per layer that contributes to it. Each
 * step is safe to run again on an existing demo workspace and prints what
 * it holds.
 */

typedef gboolean (*DemoStep) (FdWorkspace  *workspace,
                              GError      **error);

static gboolean
demo_team (FdWorkspace  *workspace,
           GError      **error)
{
  FdStore *store = fd_workspace_get_store (workspace);
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) owners = NULL;
  g_autoptr(GPtrArray) briefs = NULL;
  g_autoptr(FdPerson) current = NULL;
  guint owned = 0;

  if (!fd_demo_populate_team (store, error) ||
      !(people = fd_roster_list (store, FALSE, error)) ||
      !(owners = fd_ownership_list (store, error)) ||
      !(briefs = fd_brief_list (store, error)))
    return FALSE;

  for (guint i = 0; i < owners->len; i++)
    if (fd_ownership_entry_get_owner (g_ptr_array_index (owners, i)) != NULL)
      owned++;

  current = fd_roster_get_current (store, NULL);

  printf (_("  People:      %u (you are %s, %s)\n"), people->len,
          current ? fd_person_get_name (current) : "—",
          current ? fd_person_get_role_name (current) : "—");
  printf (_("  Ownership:   %u of %u stage transitions have an owner\n"), owned, owners->len);
  printf (_("  Briefs:      %u\n"), briefs->len);

  for (guint i = 0; i < briefs->len; i++)
    printf ("               · %s\n", fd_brief_get_title (g_ptr_array_index (briefs, i)));

  return TRUE;
}

static gboolean
demo_rules (FdWorkspace  *workspace,
            GError      **error)
{
  FdStore *store = fd_workspace_get_store (workspace);
  g_autoptr(GPtrArray) rules = NULL;
  guint enabled = 0;

  if (!fd_triage_demo_add_rules (store, NULL, error) ||
      !(rules = fd_rulebook_list (store, error)))
    return FALSE;

  for (guint i = 0; i < rules->len; i++)
    if (fd_rule_get_enabled (g_ptr_array_index (rules, i)))
      enabled++;

  printf (_("  Rules:       %u (%u enabled)\n"), rules->len, enabled);
  for (guint i = 0; i < rules->len; i++)
    printf ("               · %s\n", fd_rule_get_name (g_ptr_array_index (rules, i)));

  return TRUE;
}

static gboolean
demo_audit (FdWorkspace  *workspace,
            GError      **error)
{
  g_autoptr(FdAuditVerification) report = NULL;

  if (!(report = fd_audit_log_verify (fd_workspace_get_store (workspace), error)))
    return FALSE;

  printf (_("  Audit log:   %lld events, %s\n"), (long long)report->n_events,
          report->ok ? _("chain verified") : report->problem);
  return TRUE;
}

static gboolean
demo_ad_account (FdWorkspace  *workspace,
                 GError      **error)
{
  g_autoptr(FdTokenStore) tokens = fd_token_store_new ();
  g_autoptr(FdAdAccount) account = NULL;
  FdInsightsSyncSummary summary = { 0 };

  if (!(account = fd_graph_demo_populate (workspace, tokens, &summary, error)))
    return FALSE;

  printf (_("  Ad account:  %s “%s” (%s, %s), served by the local Graph emulator\n"),
          fd_ad_account_get_id (account), fd_ad_account_get_name (account),
          fd_ad_account_get_currency (account), fd_ad_account_get_timezone (account));
  printf (_("  Synced:      %lld campaigns, ad sets and ads; %lld daily rows (%s to %s), %lld hourly rows\n"),
          (long long)summary.objects, (long long)summary.daily_rows, summary.since, summary.until, (long long)summary.hourly_rows);
  return TRUE;
}

static const DemoStep demo_steps[] = {
  demo_team,
  fd_cli_demo_assets,
  demo_rules,
  demo_ad_account,
  fd_cli_demo_triage,
  demo_audit,
};

static gboolean
delete_recursively (GFile    *file,
                    GError  **error)
{
  g_autoptr(GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (children != NULL)
    {
      GFile *child;

      while (g_file_enumerator_iterate (children, NULL, &child, NULL, error) && child)
        if (!delete_recursively (child, error))
          return FALSE;
    }

  return g_file_delete (file, NULL, error);
}

static FdWorkspace *
open_or_create_demo (const char  *path,
                     gboolean     reset,
                     GError     **error)
{
  g_autoptr(FdWorkspace) workspace = NULL;

  if (fd_workspace_exists (path))
    {
      if (!(workspace = fd_workspace_open (path, error)))
        return NULL;

      if (!fd_demo_is_demo (fd_workspace_get_store (workspace)))
        {
          g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_ALLOWED,
                       _("“%s” is a real workspace, not the demo; demo data is "
                         "only written to the demo workspace or a new folder."),
                       path);
          return NULL;
        }

      if (!reset)
        return g_steal_pointer (&workspace);

      g_clear_object (&workspace);
      {
        g_autoptr(GFile) folder = g_file_new_for_path (path);

        if (!delete_recursively (folder, error))
          return NULL;
      }
    }

  return fd_workspace_create (path, _("Northwind Outdoor (demo)"), error);
}

static int
cmd_demo (FdCli  *cli,
          int     argc,
          char  **argv)
{
  g_autoptr(FdWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  gboolean reset = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "reset", 0, 0, G_OPTION_ARG_NONE, &reset, N_("Throw the demo workspace away and build it anew"), NULL },
    { NULL }
  };

  if (!fd_cli_parse (cli, &argc, &argv, entries, "", 0, 0, &status))
    return status;

  path = g_strdup (fd_cli_get_explicit_workspace_path (cli));
  if (path == NULL)
    path = fd_workspace_dup_default_demo_path ();

  if (!(workspace = open_or_create_demo (path, reset, &error)))
    return fd_cli_fail (g_steal_pointer (&error));

  name = fd_workspace_dup_name (workspace);
  printf (_("Demo workspace “%s” in %s\n"), name, fd_workspace_get_path (workspace));

  for (guint i = 0; i < G_N_ELEMENTS (demo_steps); i++)
    if (!demo_steps[i] (workspace, &error))
      return fd_cli_fail (g_steal_pointer (&error));

  return FD_CLI_EXIT_OK;
}

const FdCliCommand fd_cli_workspace_commands[] = {
  { NULL, "init", "--workspace DIR [--name NAME]", N_("Create a new, empty workspace"), cmd_init },
  { NULL, "demo", "[--workspace DIR] [--reset]", N_("Build or refresh the demo workspace and show what is in it"), cmd_demo },
  { NULL }
};
