/* fd-cli-triage.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "flightdeck-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <signal.h>
#include <stdio.h>

#include "fd-cli-private.h"
#include "fd-core-error.h"
#include "fd-currency.h"
#include "fd-graph-emulator.h"
#include "fd-graph-triage-executor.h"
#include "fd-insight-cube.h"
#include "fd-json.h"
#include "fd-triage-demo.h"
#include "fd-triage-engine.h"
#include "fd-triage-scheduler.h"
#include "fd-triage.h"

/* triage run, decision list|show|approve|dismiss */

/* What carries decisions out on Meta: the Graph client of each decision's
 * ad account, with the token stored for it. An account whose token is
 * missing or refused fails its decisions with a message that says to
 * reconnect it; the others go on. */
static FdTriageExecutor *
open_executor (FdCli   *cli,
               GError **error)
{
  g_autoptr(FdTokenStore) tokens = fd_token_store_new ();
  FdWorkspace *workspace = fd_cli_open_workspace (cli, error);

  if (workspace == NULL)
    return NULL;

  return FD_TRIAGE_EXECUTOR (fd_graph_triage_executor_new (workspace, tokens));
}

/*
 * --at
 */

/* The time zone "--at" is read in: the ad accounts' when they share one;
 * UTC when there are none. */
static GTimeZone *
accounts_time_zone (FdStore  *store,
                    GError  **error)
{
  g_auto(FdStmt) stmt = NULL;
  g_autoptr(GPtrArray) zones = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;
  gboolean has_row;

  stmt = fd_store_stmt (store, "SELECT DISTINCT timezone FROM ad_account ORDER BY timezone", error);
  if (stmt == NULL)
    return NULL;

  for (;;)
    {
      if (!fd_store_step (store, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      g_ptr_array_add (zones, fd_stmt_dup_text (stmt, 0));
    }

  if (zones->len == 0)
    return g_time_zone_new_utc ();
  if (zones->len == 1)
    return fd_time_zone_new (g_ptr_array_index (zones, 0), NULL);

  g_ptr_array_add (zones, NULL);
  list = g_strjoinv (", ", (char **)zones->pdata);
  g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
               _("The ad accounts are in several time zones (%s); give --at with an offset, "
                 "such as “2026-03-10 14:20 +01:00”."),
               list);
  return NULL;
}

/* "YYYY-MM-DD HH:MM", optionally with ":SS" and an offset ("Z", "+01:00"). */
static gboolean
parse_at (FdStore     *store,
          const char  *text,
          gint64      *at,
          GError     **error)
{
  g_autofree char *iso = g_strstrip (g_strdup (text));
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) time = NULL;
  gsize len = strlen (iso);
  gboolean has_offset;
  GString *normal;

  if (len < 16 || iso[4] != '-' || iso[7] != '-' || (iso[10] != ' ' && iso[10] != 'T') || iso[13] != ':')
    goto invalid;

  /* ISO 8601 wants "T", seconds, and no space before the offset. */
  normal = g_string_new_len (iso, 10);
  g_string_append_c (normal, 'T');
  g_string_append_len (normal, iso + 11, 5);
  g_string_append (normal, len >= 19 && iso[16] == ':' ? "" : ":00");
  if (len >= 19 && iso[16] == ':')
    g_string_append_len (normal, iso + 16, 3);
  {
    const char *rest = iso + (len >= 19 && iso[16] == ':' ? 19 : 16);

    while (*rest == ' ')
      rest++;
    has_offset = *rest != '\0';
    g_string_append (normal, rest);
  }
  g_free (iso);
  iso = g_string_free (normal, FALSE);

  if (!has_offset && !(zone = accounts_time_zone (store, error)))
    return FALSE;

  if (!(time = g_date_time_new_from_iso8601 (iso, zone)))
    goto invalid;

  *at = g_date_time_to_unix (time) * G_USEC_PER_SEC;
  return TRUE;

invalid:
  g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
               _("“%s” is not a time; write it as “YYYY-MM-DD HH:MM”."), text);
  return FALSE;
}

/* "15m", "1h", "30": minutes, from 1 to 60. */
static gboolean
parse_every (const char *text,
             guint      *seconds)
{
  char *end = NULL;
  guint64 n = g_ascii_strtoull (text, &end, 10);

  if (end == text)
    return FALSE;

  if (*end == 'h' && end[1] == '\0')
    n *= 60;
  else if (!((*end == 'm' && end[1] == '\0') || *end == '\0'))
    return FALSE;

  if (n < 1 || n > 60)
    return FALSE;

  *seconds = (guint)n * 60;
  return TRUE;
}

/*
 * Output
 */

static void
print_decisions_json (GPtrArray *decisions,
                      gboolean   pretty)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < decisions->len; i++)
    fd_triage_decision_to_json (g_ptr_array_index (decisions, i), builder);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);

  if (pretty)
    fd_cli_print_json (root);
  else
    {
      g_autofree char *line = fd_json_to_string (root, FALSE);

      puts (line);
      fflush (stdout);
    }
}

static void
print_decision_line (FdTriageDecision *decision)
{
  g_autofree char *actions = g_strjoinv (", ", (char **)fd_triage_decision_get_actions (decision));
  g_autofree char *id = fd_triage_decision_get_id (decision) > 0
                        ? g_strdup_printf ("#%" G_GINT64_FORMAT, fd_triage_decision_get_id (decision))
                        : g_strdup ("—");
  const char *name = fd_triage_decision_get_object_name (decision);

  printf ("%-5s %-22s %s %s%s%s%s: %s [%s]\n    %s\n", id,
          fd_triage_decision_get_rule_name (decision),
          fd_rule_level_get_title (fd_triage_decision_get_level (decision)),
          fd_triage_decision_get_object_id (decision),
          name ? " “" : "", name ? name : "", name ? "”" : "",
          actions, fd_triage_state_get_title (fd_triage_decision_get_state (decision)),
          fd_triage_decision_get_explanation (decision));

  if (fd_triage_decision_get_error (decision) != NULL)
    printf ("    %s\n", fd_triage_decision_get_error (decision));
}

static void
print_report (FdTriageReport *report)
{
  GPtrArray *decisions = fd_triage_report_get_decisions (report);
  GPtrArray *notices = fd_triage_report_get_notices (report);
  FdTriageCounts *counts = fd_triage_report_get_counts (report);

  for (guint i = 0; i < decisions->len; i++)
    print_decision_line (g_ptr_array_index (decisions, i));

  for (guint i = 0; i < notices->len; i++)
    printf (_("notice: %s\n"), fd_triage_notice_get_message (g_ptr_array_index (notices, i)));

  printf (g_dngettext (GETTEXT_PACKAGE, "%u decision", "%u decisions", decisions->len), decisions->len);
  if (fd_triage_report_get_dry_run (report))
    printf ("%s", _(" (dry run: nothing recorded)"));
  printf (_(" · %u rules on %u objects · %u held back by guardrails, %u cooling down · %.1f ms\n"),
          counts->rules, counts->objects, counts->held_back, counts->cooling_down,
          (counts->load_us + counts->evaluate_us + counts->record_us + counts->execute_us) / 1000.0);
}

/*
 * triage run
 */

typedef struct
{
  GMainLoop *loop;
  gboolean   json;
  int        status;
} Every;

static void
on_run_finished (FdTriageEngine *engine,
                 FdTriageReport *report,
                 Every          *every)
{
  if (every->json)
    print_decisions_json (fd_triage_report_get_decisions (report), FALSE);
  else
    {
      print_report (report);
      fflush (stdout);
    }
}

static gboolean
on_signal (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static int
run_every (FdCli      *cli,
           guint       interval,
           gboolean    json,
           gboolean    dry_run)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdTriageEngine) engine = NULL;
  g_autoptr(FdTriageScheduler) scheduler = NULL;
  g_autoptr(FdTriageExecutor) executor = NULL;
  FdWorkspace *workspace;
  Every every = { g_main_loop_new (NULL, FALSE), json, FD_CLI_EXIT_OK };

  if (dry_run)
    {
      g_main_loop_unref (every.loop);
      return fd_cli_usage (_("--every records decisions as it runs; it cannot be combined with --dry-run."));
    }

  if (!(workspace = fd_cli_open_workspace (cli, &error)) ||
      (!(executor = open_executor (cli, &error)) && error != NULL))
    {
      g_main_loop_unref (every.loop);
      return fd_cli_fail (g_steal_pointer (&error));
    }

  engine = fd_triage_engine_new (workspace);
  fd_triage_engine_set_executor (engine, executor);
  scheduler = fd_triage_scheduler_new (engine);
  fd_triage_scheduler_set_interval (scheduler, interval);
  g_signal_connect (engine, "run-finished", G_CALLBACK (on_run_finished), &every);

  /* Now, then on the clock, until stopped. */
  fd_triage_engine_run_async (engine, 0, "schedule", FD_TRIAGE_RUN_DEFAULT, NULL, NULL, NULL);
  fd_triage_scheduler_start (scheduler);

  g_unix_signal_add (SIGINT, on_signal, every.loop);
  g_unix_signal_add (SIGTERM, on_signal, every.loop);
  g_main_loop_run (every.loop);

  fd_triage_scheduler_stop (scheduler);
  g_main_loop_unref (every.loop);
  return every.status;
}

static int
cmd_triage_run (FdCli  *cli,
                int     argc,
                char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdTriageReport) report = NULL;
  g_autoptr(FdTriageExecutor) executor = NULL;
  g_autofree char *at_text = NULL;
  g_autofree char *every_text = NULL;
  gboolean dry_run = FALSE;
  gboolean json = FALSE;
  guint interval = 0;
  gint64 at = 0;
  FdStore *store;
  int status;
  const GOptionEntry entries[] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Evaluate only: record and carry out nothing"), NULL },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at_text, N_("Evaluate as of this time, in the ad accounts’ time zone"), N_("\"YYYY-MM-DD HH:MM\"") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the decisions as one JSON array"), NULL },
    { "every", 0, 0, G_OPTION_ARG_STRING, &every_text, N_("Keep running, every N minutes (1–60)"), N_("15m") },
    { NULL }
  };

  if (!fd_cli_parse (cli, &argc, &argv, entries, "", 0, 0, &status))
    return status;

  if (every_text != NULL)
    {
      if (!parse_every (every_text, &interval))
        return fd_cli_usage (_("--every takes minutes from 1 to 60, such as 15m."));
      if (at_text != NULL)
        return fd_cli_usage (_("--every runs at the current time; it cannot be combined with --at."));
      return run_every (cli, interval, json, dry_run);
    }

  if (!(store = fd_cli_get_store (cli, &error)) ||
      (at_text != NULL && !parse_at (store, at_text, &at, &error)) ||
      (!(executor = open_executor (cli, &error)) && error != NULL))
    return fd_cli_fail (g_steal_pointer (&error));

  report = fd_triage_run (store, at, "manual", dry_run ? FD_TRIAGE_RUN_DRY : FD_TRIAGE_RUN_DEFAULT,
                          executor, NULL, &error);
  if (report == NULL)
    return fd_cli_fail (g_steal_pointer (&error));

  if (json)
    print_decisions_json (fd_triage_report_get_decisions (report), TRUE);
  else
    print_report (report);

  return FD_CLI_EXIT_OK;
}

/*
 * decision …
 */

static gboolean
parse_decision_id (const char  *text,
                   gint64      *id,
                   GError     **error)
{
  if (fd_cli_parse_id (text[0] == '#' ? text + 1 : text, id))
    return TRUE;

  g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
               _("“%s” is not a decision number."), text);
  return FALSE;
}

static int
cmd_decision_list (FdCli  *cli,
                   int     argc,
                   char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  g_autofree char *state_text = NULL;
  g_autofree char *object_id = NULL;
  gboolean json = FALSE;
  int limit = 50;
  int state = -1;
  FdStore *store;
  int status;
  const GOptionEntry entries[] = {
    { "state", 0, 0, G_OPTION_ARG_STRING, &state_text, N_("Only in this state: proposed, awaiting_approval, executed, failed, dismissed"), N_("STATE") },
    { "object", 0, 0, G_OPTION_ARG_STRING, &object_id, N_("Only about this campaign, ad set or ad"), N_("ID") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("At most this many (default 50)"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  if (!fd_cli_parse (cli, &argc, &argv, entries, "", 0, 0, &status))
    return status;

  if (state_text != NULL && (state = fd_triage_state_from_string (state_text)) < 0)
    return fd_cli_usage (_("“%s” is not a state: proposed, awaiting_approval, executed, failed or dismissed."),
                         state_text);

  if (!(store = fd_cli_get_store (cli, &error)) ||
      !(decisions = fd_triage_list_decisions (store, state, object_id, limit, &error)))
    return fd_cli_fail (g_steal_pointer (&error));

  if (json)
    print_decisions_json (decisions, TRUE);
  else
    for (guint i = 0; i < decisions->len; i++)
      print_decision_line (g_ptr_array_index (decisions, i));

  return FD_CLI_EXIT_OK;
}

static int
cmd_decision_show (FdCli  *cli,
                   int     argc,
                   char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdTriageDecision) decision = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  FdStore *store;
  gint64 id;
  int status;

  if (!fd_cli_parse (cli, &argc, &argv, NULL, "ID", 1, 1, &status))
    return status;

  if (!parse_decision_id (argv[1], &id, &error) ||
      !(store = fd_cli_get_store (cli, &error)) ||
      !(decision = fd_triage_get_decision (store, id, &error)))
    return fd_cli_fail (g_steal_pointer (&error));

  fd_triage_decision_to_json (decision, builder);
  root = json_builder_get_root (builder);
  fd_cli_print_json (root);
  return FD_CLI_EXIT_OK;
}

static int
decide (FdCli    *cli,
        int       argc,
        char    **argv,
        gboolean  approve)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdPerson) person = NULL;
  g_autoptr(FdTriageDecision) decision = NULL;
  g_autoptr(FdTriageExecutor) executor = NULL;
  g_autofree char *note = NULL;
  FdStore *store;
  gint64 id;
  int status;
  const GOptionEntry entries[] = {
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("Why, for the record"), N_("TEXT") },
    { NULL }
  };

  if (!fd_cli_parse (cli, &argc, &argv, entries, "ID [--note TEXT]", 1, 1, &status))
    return status;

  if (!parse_decision_id (argv[1], &id, &error) ||
      !(store = fd_cli_get_store (cli, &error)) ||
      !(person = fd_cli_get_person (cli, &error)) ||
      (approve && !(executor = open_executor (cli, &error)) && error != NULL))
    return fd_cli_fail (g_steal_pointer (&error));

  if (approve
      ? !fd_triage_approve (store, id, fd_person_get_id (person), note, executor, NULL, &error)
      : !fd_triage_dismiss (store, id, fd_person_get_id (person), note, &error))
    return fd_cli_fail (g_steal_pointer (&error));

  if (!(decision = fd_triage_get_decision (store, id, &error)))
    return fd_cli_fail (g_steal_pointer (&error));

  print_decision_line (decision);

  /* Approved but an action failed: the command did not do what was asked. */
  return fd_triage_decision_get_state (decision) == FD_TRIAGE_STATE_FAILED ? FD_CLI_EXIT_FAILED
                                                                           : FD_CLI_EXIT_OK;
}

static int
cmd_decision_approve (FdCli  *cli,
                      int     argc,
                      char  **argv)
{
  return decide (cli, argc, argv, TRUE);
}

static int
cmd_decision_dismiss (FdCli  *cli,
                      int     argc,
                      char  **argv)
{
  return decide (cli, argc, argv, FALSE);
}

/*
 * The demo's triage cycle
 */

static void
print_demo_decision (FdTriageDecision *decision)
{
  g_autofree char *actions = g_strjoinv (", ", (char **)fd_triage_decision_get_actions (decision));
  FdTriageState state = fd_triage_decision_get_state (decision);

  printf ("               · %s on “%s”: %s — %s\n", fd_triage_decision_get_rule_name (decision),
          fd_triage_decision_get_object_name (decision) ? fd_triage_decision_get_object_name (decision)
                                                        : fd_triage_decision_get_object_id (decision),
          actions, fd_triage_decision_get_explanation (decision));
  if (state == FD_TRIAGE_STATE_AWAITING_APPROVAL)
    printf (_("                 waits for %s to approve it\n"), fd_triage_decision_get_approver (decision));
  else if (state == FD_TRIAGE_STATE_FAILED)
    printf (_("                 failed: %s\n"), fd_triage_decision_get_error (decision));
  else
    printf ("                 %s\n", fd_triage_state_get_title (state));
}

/**
 * fd_cli_demo_triage:
 *
 * The demo's triage: targets and creative links for the demo account,
 * then one triage cycle carried out on the emulator, as the app's
 * scheduler would run it.
 */
gboolean
fd_cli_demo_triage (FdWorkspace  *workspace,
                    GError      **error)
{
  FdStore *store = fd_workspace_get_store (workspace);
  g_autoptr(FdTokenStore) tokens = fd_token_store_new ();
  g_autoptr(FdGraphTriageExecutor) executor = NULL;
  g_autoptr(FdTriageReport) report = NULL;
  g_autoptr(GPtrArray) open = NULL;
  GPtrArray *decisions;

  if (!fd_triage_demo_prepare (store, FD_GRAPH_EMULATOR_DEMO_ACCOUNT, error))
    return FALSE;

  executor = fd_graph_triage_executor_new (workspace, tokens);
  if (!(report = fd_triage_run (store, 0, "sync", FD_TRIAGE_RUN_DEFAULT, FD_TRIAGE_EXECUTOR (executor),
                                NULL, error)) ||
      !(open = fd_triage_list_decisions (store, FD_TRIAGE_STATE_AWAITING_APPROVAL, NULL, 50, error)))
    return FALSE;

  decisions = fd_triage_report_get_decisions (report);
  printf (g_dngettext (GETTEXT_PACKAGE, "  Triage:      %u new decision", "  Triage:      %u new decisions",
                       decisions->len),
          decisions->len);
  printf (g_dngettext (GETTEXT_PACKAGE, ", %u awaiting approval", ", %u awaiting approval", open->len),
          open->len);
  printf (g_dngettext (GETTEXT_PACKAGE, ", %u notice\n", ", %u notices\n",
                       fd_triage_report_get_notices (report)->len),
          fd_triage_report_get_notices (report)->len);

  for (guint i = 0; i < decisions->len; i++)
    print_demo_decision (g_ptr_array_index (decisions, i));

  return TRUE;
}

const FdCliCommand fd_cli_triage_commands[] = {
  { "triage", "run", "[--dry-run] [--at \"YYYY-MM-DD HH:MM\"] [--json] [--every 15m]", N_("Run every enabled rule now (or on a schedule)"), cmd_triage_run },
  { "decision", "list", "[--state STATE] [--object ID] [--json]", N_("List triage decisions, newest first"), cmd_decision_list },
  { "decision", "show", "ID", N_("Show a decision with its numbers, as JSON"), cmd_decision_show },
  { "decision", "approve", "ID [--note TEXT]", N_("Approve a decision and carry it out"), cmd_decision_approve },
  { "decision", "dismiss", "ID [--note TEXT]", N_("Decide against a decision"), cmd_decision_dismiss },
  { NULL }
};
