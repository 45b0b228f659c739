/* flightdeck-cli.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "flightdeck-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "fd-cli-private.h"

/* flightdeck-cli: the workspace without a window, for scripts, timers and
 * tests.
 *
 *   flightdeck-cli [--workspace DIR] [--as PERSON] GROUP COMMAND [ARGS…]
 *
 * The global options may appear anywhere on the line. */

static const FdCliCommand * const modules[] = {
  fd_cli_workspace_commands,
  fd_cli_people_commands,
  fd_cli_audit_commands,
  fd_cli_assets_commands,
  fd_cli_comments_commands,
  fd_cli_media_commands,
  fd_cli_rules_commands,
  fd_cli_triage_commands,
  fd_cli_accounts_commands,
  fd_cli_sync_commands,
  fd_cli_library_commands,
};

static void
print_help (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: flightdeck-cli [--workspace DIR] [--as PERSON] COMMAND [ARGS…]"));
  fprintf (out, "%s\n", _("Commands:"));

  for (guint m = 0; m < G_N_ELEMENTS (modules); m++)
    for (const FdCliCommand *c = modules[m]; c->name != NULL; c++)
      {
        g_autofree char *words = c->group ? g_strdup_printf ("%s %s", c->group, c->name)
                                          : g_strdup (c->name);
        g_autofree char *line = g_strdup_printf ("%s %s", words, c->params ? c->params : "");

        fprintf (out, "  %-44s %s\n", line, g_dgettext (GETTEXT_PACKAGE, c->summary));
      }

  fprintf (out, "\n%s\n", _("Global options:"));
  fprintf (out, "  %-44s %s\n", "--workspace DIR",
           _("The workspace folder (default: $FLIGHTDECK_WORKSPACE)"));
  fprintf (out, "  %-44s %s\n", "--as PERSON",
           _("Act as this roster member (id, email or name)"));
  fprintf (out, "\n%s\n", _("Exit status: 0 on success, 1 when the command failed, 2 for a usage error."));
}

/* Takes --workspace and --as out of argv, wherever they are. */
static gboolean
take_global_options (GPtrArray  *args,
                     char      **workspace,
                     char      **as_person,
                     int        *exit_status)
{
  static const struct { const char *name; gsize offset; } options[] = {
    { "--workspace", 0 },
    { "--as", 1 },
  };

  for (guint i = 0; i < args->len;)
    {
      const char *arg = g_ptr_array_index (args, i);
      gboolean taken = FALSE;

      for (guint o = 0; o < G_N_ELEMENTS (options) && !taken; o++)
        {
          char **target = options[o].offset == 0 ? workspace : as_person;
          gsize len = strlen (options[o].name);

          if (g_str_equal (arg, options[o].name))
            {
              if (i + 1 >= args->len)
                {
                  *exit_status = fd_cli_usage (_("%s needs a value"), options[o].name);
                  return FALSE;
                }
              g_free (*target);
              *target = g_strdup (g_ptr_array_index (args, i + 1));
              g_ptr_array_remove_range (args, i, 2);
              taken = TRUE;
            }
          else if (g_str_has_prefix (arg, options[o].name) && arg[len] == '=')
            {
              g_free (*target);
              *target = g_strdup (arg + len + 1);
              g_ptr_array_remove_index (args, i);
              taken = TRUE;
            }
        }

      if (!taken)
        i++;
    }

  return TRUE;
}

static const FdCliCommand *
find_command (GPtrArray *args,
              guint     *n_words)
{
  const char *first = args->len > 0 ? g_ptr_array_index (args, 0) : NULL;
  const char *second = args->len > 1 ? g_ptr_array_index (args, 1) : NULL;

  for (guint m = 0; m < G_N_ELEMENTS (modules); m++)
    for (const FdCliCommand *c = modules[m]; c->name != NULL; c++)
      {
        if (c->group == NULL && g_strcmp0 (first, c->name) == 0)
          {
            *n_words = 1;
            return c;
          }
        if (c->group != NULL && g_strcmp0 (first, c->group) == 0 &&
            g_strcmp0 (second, c->name) == 0)
          {
            *n_words = 2;
            return c;
          }
      }

  return NULL;
}

static gboolean
is_group (const char *word)
{
  for (guint m = 0; m < G_N_ELEMENTS (modules); m++)
    for (const FdCliCommand *c = modules[m]; c->name != NULL; c++)
      if (g_strcmp0 (c->group, word) == 0)
        return TRUE;

  return FALSE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) sub_argv = NULL;
  g_autofree char *workspace = NULL;
  g_autofree char *as_person = NULL;
  g_autofree char *title = NULL;
  g_autoptr(FdCli) cli = NULL;
  const FdCliCommand *command;
  const char *first;
  guint n_words = 0;
  gboolean from_env;
  int exit_status = FD_CLI_EXIT_OK;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  for (int i = 1; i < argc; i++)
    g_ptr_array_add (args, g_strdup (argv[i]));

  if (!take_global_options (args, &workspace, &as_person, &exit_status))
    return exit_status;

  from_env = (workspace == NULL && g_strcmp0 (g_getenv ("FLIGHTDECK_WORKSPACE"), "") > 0);
  if (from_env)
    workspace = g_strdup (g_getenv ("FLIGHTDECK_WORKSPACE"));

  first = args->len > 0 ? g_ptr_array_index (args, 0) : NULL;
  if (first == NULL || g_str_equal (first, "--help") || g_str_equal (first, "-h") ||
      g_str_equal (first, "help"))
    {
      print_help (first ? stdout : stderr);
      return first ? FD_CLI_EXIT_OK : FD_CLI_EXIT_USAGE;
    }

  if (g_str_equal (first, "--version"))
    {
      printf ("flightdeck-cli %s\n", PACKAGE_VERSION);
      return FD_CLI_EXIT_OK;
    }

  if (!(command = find_command (args, &n_words)))
    {
      if (is_group (first))
        return fd_cli_usage (_("“%s” needs a command; run “flightdeck-cli --help” for the list."),
                             first);
      return fd_cli_usage (_("Unknown command “%s”; run “flightdeck-cli --help” for the list."),
                           first);
    }

  /* GOptionContext wants the program name first: use the command words. */
  title = n_words == 2 ? g_strdup_printf ("flightdeck-cli %s %s", command->group, command->name)
                       : g_strdup_printf ("flightdeck-cli %s", command->name);
  sub_argv = g_ptr_array_new ();
  g_ptr_array_add (sub_argv, title);
  for (guint i = n_words; i < args->len; i++)
    g_ptr_array_add (sub_argv, g_ptr_array_index (args, i));
  g_ptr_array_add (sub_argv, NULL);

  cli = fd_cli_new (workspace, from_env, as_person);
  status = command->func (cli, sub_argv->len - 1, (char **)sub_argv->pdata);

  return status;
}
