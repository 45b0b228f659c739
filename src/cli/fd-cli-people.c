/* fd-cli-people.c
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
#include "fd-ownership.h"
#include "fd-role.h"
#include "fd-roster.h"

/* person add|list|current|deactivate, owner set|list|clear */

static void
add_person_json (JsonBuilder *builder,
                 FdPerson    *person)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, fd_person_get_id (person));
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, fd_person_get_name (person));
  json_builder_set_member_name (builder, "email");
  json_builder_add_string_value (builder, fd_person_get_email (person));
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, fd_person_get_role (person));
  json_builder_set_member_name (builder, "active");
  json_builder_add_boolean_value (builder, fd_person_get_active (person));
  json_builder_end_object (builder);
}

static int
cmd_person_add (FdCli  *cli,
                int     argc,
                char  **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;
  g_autofree char *role = NULL;
  g_autofree char *actor = NULL;
  g_autoptr(FdPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  FdStore *store;
  int status;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Full name"), N_("NAME") },
    { "email", 0, 0, G_OPTION_ARG_STRING, &email, N_("Email address"), N_("EMAIL") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role, N_("Role, such as creative-director or media-buyer"), N_("ROLE") },
    { NULL }
  };

  if (!fd_cli_parse (cli, &argc, &argv, entries, "", 0, 0, &status))
    return status;

  if (name == NULL || email == NULL || role == NULL)
    return fd_cli_usage (_("person add needs --name, --email and --role."));

  if (!(store = fd_cli_get_store (cli, &error)) ||
      !(actor = fd_cli_dup_actor (cli, &error)) ||
      !(person = fd_roster_add (store, actor, name, email, role, &error)))
    return fd_cli_fail (g_steal_pointer (&error));

  printf ("%" G_GINT64_FORMAT "\n", fd_person_get_id (person));
  return FD_CLI_EXIT_OK;
}

static int
cmd_person_list (FdCli  *cli,
                 int     argc,
                 char  **argv)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FdPerson) current = NULL;
  gboolean json = FALSE;
  gboolean all = FALSE;
  FdStore *store;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Include people who are no longer active"), NULL },
    { NULL }
  };

  if (!fd_cli_parse (cli, &argc, &argv, entries, "", 0, 0, &status))
    return status;

  if (!(store = fd_cli_get_store (cli, &error)) ||
      !(people = fd_roster_list (store, all, &error)))
    return fd_cli_fail (g_steal_pointer (&error));

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < people->len; i++)
        add_person_json (builder, g_ptr_array_index (people, i));
      json_builder_end_array (builder);

      root = json_builder_get_root (builder);
      fd_cli_print_json (root);
      return FD_CLI_EXIT_OK;
    }

  current = fd_roster_get_current (store, NULL);

  for (guint i = 0; i < people->len; i++)
    {
      FdPerson *person = g_ptr_array_index (people, i);
      gboolean is_current = current && fd_person_get_id (current) == fd_person_get_id (person);

      printf ("%c %3" G_GINT64_FORMAT "  %-22s %-28s %s%s\n",
              is_current ? '*' : ' ',
              fd_person_get_id (person),
              fd_person_get_name (person),
              fd_person_get_email (person),
              fd_person_get_role_name (person),
              fd_person_get_active (person) ? "" : _(" (inactive)"));
    }

  return FD_CLI_EXIT_OK;
}

static int
cmd_person_current (FdCli  *cli,
                    int     argc,
                    char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdPerson) person = NULL;
  g_autofree char *actor = NULL;
  FdStore *store;
  int status;

  if (!fd_cli_parse (cli, &argc, &argv, NULL, "[PERSON]", 0, 1, &status))
    return status;

  if (!(store = fd_cli_get_store (cli, &error)))
    return fd_cli_fail (g_steal_pointer (&error));

  if (argc == 2)
    {
      if (!(person = fd_roster_find (store, argv[1], &error)) ||
          !(actor = fd_cli_dup_actor (cli, &error)) ||
          !fd_roster_set_current (store, actor, fd_person_get_id (person), &error))
        return fd_cli_fail (g_steal_pointer (&error));
    }
  else if (!(person = fd_roster_get_current (store, &error)))
    {
      if (error != NULL)
        return fd_cli_fail (g_steal_pointer (&error));
      printf ("%s\n", _("No current person is set."));
      return FD_CLI_EXIT_OK;
    }

  printf ("%s <%s>, %s\n", fd_person_get_name (person),
          fd_person_get_email (person), fd_person_get_role_name (person));
  return FD_CLI_EXIT_OK;
}

static int
cmd_person_deactivate (FdCli  *cli,
                       int     argc,
                       char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdPerson) person = NULL;
  g_autofree char *actor = NULL;
  FdStore *store;
  int status;

  if (!fd_cli_parse (cli, &argc, &argv, NULL, "PERSON", 1, 1, &status))
    return status;

  if (!(store = fd_cli_get_store (cli, &error)) ||
      !(person = fd_roster_find (store, argv[1], &error)) ||
      !(actor = fd_cli_dup_actor (cli, &error)) ||
      !fd_roster_set_active (store, actor, fd_person_get_id (person), FALSE, &error))
    return fd_cli_fail (g_steal_pointer (&error));

  return FD_CLI_EXIT_OK;
}

static int
cmd_owner_set (FdCli  *cli,
               int     argc,
               char  **argv)
{
  g_autofree char *backup_query = NULL;
  g_autofree char *actor = NULL;
  g_autoptr(FdPerson) owner = NULL;
  g_autoptr(FdPerson) backup = NULL;
  g_autoptr(GError) error = NULL;
  FdStore *store;
  int status;
  const GOptionEntry entries[] = {
    { "backup", 0, 0, G_OPTION_ARG_STRING, &backup_query, N_("Who stands in for the owner"), N_("PERSON") },
    { NULL }
  };

  if (!fd_cli_parse (cli, &argc, &argv, entries, "TRANSITION PERSON", 2, 2, &status))
    return status;

  if (!(store = fd_cli_get_store (cli, &error)) ||
      !(owner = fd_roster_find (store, argv[2], &error)) ||
      (backup_query && !(backup = fd_roster_find (store, backup_query, &error))) ||
      !(actor = fd_cli_dup_actor (cli, &error)) ||
      !fd_ownership_set (store, actor, argv[1], fd_person_get_id (owner),
                         backup ? fd_person_get_id (backup) : 0, &error))
    return fd_cli_fail (g_steal_pointer (&error));

  return FD_CLI_EXIT_OK;
}

static int
cmd_owner_clear (FdCli  *cli,
                 int     argc,
                 char  **argv)
{
  g_autofree char *actor = NULL;
  g_autoptr(GError) error = NULL;
  FdStore *store;
  int status;

  if (!fd_cli_parse (cli, &argc, &argv, NULL, "TRANSITION", 1, 1, &status))
    return status;

  if (!(store = fd_cli_get_store (cli, &error)) ||
      !(actor = fd_cli_dup_actor (cli, &error)) ||
      !fd_ownership_clear (store, actor, argv[1], &error))
    return fd_cli_fail (g_steal_pointer (&error));

  return FD_CLI_EXIT_OK;
}

static void
add_optional_person (JsonBuilder *builder,
                     const char  *member,
                     FdPerson    *person)
{
  json_builder_set_member_name (builder, member);
  if (person != NULL)
    add_person_json (builder, person);
  else
    json_builder_add_null_value (builder);
}

static int
cmd_owner_list (FdCli  *cli,
                int     argc,
                char  **argv)
{
  g_autoptr(GPtrArray) entries_list = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  FdStore *store;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  if (!fd_cli_parse (cli, &argc, &argv, entries, "", 0, 0, &status))
    return status;

  if (!(store = fd_cli_get_store (cli, &error)) ||
      !(entries_list = fd_ownership_list (store, &error)))
    return fd_cli_fail (g_steal_pointer (&error));

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < entries_list->len; i++)
        {
          FdOwnershipEntry *entry = g_ptr_array_index (entries_list, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "transition");
          json_builder_add_string_value (builder, fd_ownership_entry_get_transition (entry));
          add_optional_person (builder, "owner", fd_ownership_entry_get_owner (entry));
          add_optional_person (builder, "backup", fd_ownership_entry_get_backup (entry));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      root = json_builder_get_root (builder);
      fd_cli_print_json (root);
      return FD_CLI_EXIT_OK;
    }

  for (guint i = 0; i < entries_list->len; i++)
    {
      FdOwnershipEntry *entry = g_ptr_array_index (entries_list, i);
      FdPerson *owner = fd_ownership_entry_get_owner (entry);
      FdPerson *backup = fd_ownership_entry_get_backup (entry);
      g_autofree char *backup_text = NULL;

      if (backup != NULL)
        backup_text = g_strdup_printf (_(" (backup: %s)"), fd_person_get_name (backup));

      printf ("%-30s %s%s\n", fd_ownership_entry_get_transition (entry),
              owner ? fd_person_get_name (owner) : _("— nobody —"),
              backup_text ? backup_text : "");
    }

  return FD_CLI_EXIT_OK;
}

const FdCliCommand fd_cli_people_commands[] = {
  { "person", "add", "--name NAME --email EMAIL --role ROLE", N_("Add someone to the roster"), cmd_person_add },
  { "person", "list", "[--json] [--all]", N_("List the roster"), cmd_person_list },
  { "person", "current", "[PERSON]", N_("Show or choose who is using this workspace"), cmd_person_current },
  { "person", "deactivate", "PERSON", N_("Mark someone as no longer on the team"), cmd_person_deactivate },
  { "owner", "set", "TRANSITION PERSON [--backup PERSON]", N_("Name who owns a stage transition"), cmd_owner_set },
  { "owner", "clear", "TRANSITION", N_("Remove the owner of a stage transition"), cmd_owner_clear },
  { "owner", "list", "[--json]", N_("Show the ownership matrix"), cmd_owner_list },
  { NULL }
};
