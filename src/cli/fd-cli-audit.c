/* fd-cli-audit.c
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
#include "fd-cli-private.h"
#include "fd-core-error.h"
#include "fd-roster.h"

/* audit verify, audit log */

static int
cmd_audit_verify (FdCli  *cli,
                  int     argc,
                  char  **argv)
{
  g_autoptr(FdAuditVerification) report = NULL;
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
      !(report = fd_audit_log_verify (store, &error)))
    return fd_cli_fail (g_steal_pointer (&error));

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "ok");
      json_builder_add_boolean_value (builder, report->ok);
      json_builder_set_member_name (builder, "events");
      json_builder_add_int_value (builder, report->n_events);
      json_builder_set_member_name (builder, "head_seq");
      json_builder_add_int_value (builder, report->head_seq);
      json_builder_set_member_name (builder, "head_hash");
      json_builder_add_string_value (builder, report->head_hash);
      json_builder_set_member_name (builder, "first_broken_seq");
      if (report->ok)
        json_builder_add_null_value (builder);
      else
        json_builder_add_int_value (builder, report->first_broken_seq);
      json_builder_set_member_name (builder, "problem");
      json_builder_add_string_value (builder, report->problem);
      json_builder_set_member_name (builder, "entity");
      json_builder_add_string_value (builder, report->entity);
      json_builder_end_object (builder);

      root = json_builder_get_root (builder);
      fd_cli_print_json (root);
    }

  if (!report->ok)
    {
      g_set_error (&error, FD_CORE_ERROR, FD_CORE_ERROR_TAMPERED,
                   _("The audit log does not verify; the first broken event is %lld. %s"),
                   (long long)report->first_broken_seq, report->problem);
      return fd_cli_fail (g_steal_pointer (&error));
    }

  if (!json)
    printf (_("The audit log verifies: %lld events, newest %lld, hash %s\n"),
            (long long)report->n_events, (long long)report->head_seq,
            report->head_hash ? report->head_hash : "—");

  return FD_CLI_EXIT_OK;
}

static char *
format_time (gint64 at_us)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (at_us / G_USEC_PER_SEC);

  return time ? g_date_time_format_iso8601 (time) : g_strdup ("?");
}

static void
add_json_member (JsonBuilder *builder,
                 const char  *member,
                 const char  *json_text)
{
  g_autoptr(JsonNode) node = NULL;

  json_builder_set_member_name (builder, member);
  node = json_text ? json_from_string (json_text, NULL) : NULL;
  if (node != NULL)
    json_builder_add_value (builder, g_steal_pointer (&node));
  else
    json_builder_add_null_value (builder);
}

static void
add_event_json (JsonBuilder  *builder,
                FdStore      *store,
                FdAuditEvent *event)
{
  g_autofree char *at = format_time (fd_audit_event_get_at (event));
  g_autofree char *actor_name = fd_roster_describe_actor (store, fd_audit_event_get_actor (event));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "seq");
  json_builder_add_int_value (builder, fd_audit_event_get_seq (event));
  json_builder_set_member_name (builder, "at");
  json_builder_add_string_value (builder, at);
  json_builder_set_member_name (builder, "at_us");
  json_builder_add_int_value (builder, fd_audit_event_get_at (event));
  json_builder_set_member_name (builder, "actor");
  json_builder_add_string_value (builder, fd_audit_event_get_actor (event));
  json_builder_set_member_name (builder, "actor_name");
  json_builder_add_string_value (builder, actor_name);
  json_builder_set_member_name (builder, "entity_type");
  json_builder_add_string_value (builder, fd_audit_event_get_entity_type (event));
  json_builder_set_member_name (builder, "entity_id");
  json_builder_add_string_value (builder, fd_audit_event_get_entity_id (event));
  json_builder_set_member_name (builder, "action");
  json_builder_add_string_value (builder, fd_audit_event_get_action (event));
  add_json_member (builder, "before", fd_audit_event_get_before_json (event));
  add_json_member (builder, "after", fd_audit_event_get_after_json (event));
  json_builder_set_member_name (builder, "hash");
  json_builder_add_string_value (builder, fd_audit_event_get_hash (event));
  json_builder_end_object (builder);
}

static int
cmd_audit_log (FdCli  *cli,
               int     argc,
               char  **argv)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *entity = NULL;
  g_autofree char *entity_type = NULL;
  char *entity_id = NULL;
  gboolean json = FALSE;
  int limit = -1;
  FdStore *store;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "entity", 0, 0, G_OPTION_ARG_STRING, &entity, N_("Only events about TYPE or TYPE:ID"), N_("TYPE[:ID]") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("At most N events"), N_("N") },
    { NULL }
  };

  if (!fd_cli_parse (cli, &argc, &argv, entries, "", 0, 0, &status))
    return status;

  if (entity != NULL)
    {
      entity_type = g_strdup (entity);
      if ((entity_id = strchr (entity_type, ':')) != NULL)
        *entity_id++ = '\0';
    }

  if (!(store = fd_cli_get_store (cli, &error)) ||
      !(events = fd_audit_log_list (store, entity_type, entity_id, 0, limit, &error)))
    return fd_cli_fail (g_steal_pointer (&error));

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < events->len; i++)
        add_event_json (builder, store, g_ptr_array_index (events, i));
      json_builder_end_array (builder);

      root = json_builder_get_root (builder);
      fd_cli_print_json (root);
      return FD_CLI_EXIT_OK;
    }

  for (guint i = 0; i < events->len; i++)
    {
      FdAuditEvent *event = g_ptr_array_index (events, i);
      g_autofree char *at = format_time (fd_audit_event_get_at (event));
      g_autofree char *who = fd_roster_describe_actor (store, fd_audit_event_get_actor (event));

      printf ("%6" G_GINT64_FORMAT "  %s  %-20s %s %s:%s\n",
              fd_audit_event_get_seq (event), at, who,
              fd_audit_event_get_action (event),
              fd_audit_event_get_entity_type (event),
              fd_audit_event_get_entity_id (event));
    }

  return FD_CLI_EXIT_OK;
}

const FdCliCommand fd_cli_audit_commands[] = {
  { "audit", "verify", "[--json]", N_("Check that the audit log was not edited behind Flightdeck’s back"), cmd_audit_verify },
  { "audit", "log", "[--json] [--entity TYPE[:ID]] [--limit N]", N_("Print the audit log"), cmd_audit_log },
  { NULL }
};
