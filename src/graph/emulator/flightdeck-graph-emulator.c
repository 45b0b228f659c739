/* flightdeck-graph-emulator.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "flightdeck-graph-emulator"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "fd-graph-emulator.h"

/* flightdeck-graph-emulator: the local Graph API emulator as a program,
 * for trying Flightdeck (or curl, or Meta's SDKs) against simulated ad
 * accounts.
 *
 *   flightdeck-graph-emulator [--port N] [--seed N] [--state FILE]
 *       [--account act_ID:NAME:CUR:TZ:CAMPAIGNS:ADSETS:ADS[:HISTORY[:SPREAD]]]…
 *       [--fault KIND[,count=N|all][,skip=N][,path=TEXT][,param=N]]…
 *
 * While it runs, faults can be added and cleared over HTTP:
 *   curl -d spec=throttle,param=2 http://127.0.0.1:PORT/__emulator/faults
 *   curl -X DELETE http://127.0.0.1:PORT/__emulator/faults
 *   curl http://127.0.0.1:PORT/__emulator/stats */

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FdGraphEmulator) emulator = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) accounts = NULL;
  g_auto(GStrv) faults = NULL;
  g_autofree char *state = NULL;
  g_autofree char *token = NULL;
  g_autofree char *app_secret = NULL;
  g_autofree char *now = NULL;
  g_autofree char *min_version = NULL;
  gint64 seed = 42;
  int port = 0;
  int quota = 0;
  int report_delay = -1;
  int max_report_days = 0;
  gint64 sync_row_limit = 0;
  double time_scale = 1.0;
  GOptionEntry entries[] = {
    { "port", 'p', 0, G_OPTION_ARG_INT, &port, N_("Port on 127.0.0.1 (default: any free one)"), N_("PORT") },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, N_("Seed of the simulation (default 42)"), N_("N") },
    { "state", 0, 0, G_OPTION_ARG_FILENAME, &state, N_("Keep accounts and writes in this file"), N_("FILE") },
    { "account", 'a', 0, G_OPTION_ARG_STRING_ARRAY, &accounts, N_("Simulate this account"), N_("SPEC") },
    { "fault", 'f', 0, G_OPTION_ARG_STRING_ARRAY, &faults, N_("Inject a fault"), N_("SPEC") },
    { "token", 0, 0, G_OPTION_ARG_STRING, &token, N_("Accept only this access token"), N_("TOKEN") },
    { "app-secret", 0, 0, G_OPTION_ARG_STRING, &app_secret, N_("Require appsecret_proof made with this secret"), N_("SECRET") },
    { "now", 0, 0, G_OPTION_ARG_STRING, &now, N_("Freeze the clock at this ISO 8601 time"), N_("TIME") },
    { "time-scale", 0, 0, G_OPTION_ARG_DOUBLE, &time_scale, N_("Run throttle waits faster by this factor"), N_("X") },
    { "quota", 0, 0, G_OPTION_ARG_INT, &quota, N_("Calls per account and hour before throttling"), N_("N") },
    { "report-delay", 0, 0, G_OPTION_ARG_INT, &report_delay, N_("Milliseconds an async report takes"), N_("MS") },
    { "max-report-days", 0, 0, G_OPTION_ARG_INT, &max_report_days, N_("Fail report runs longer than this"), N_("DAYS") },
    { "sync-row-limit", 0, 0, G_OPTION_ARG_INT64, &sync_row_limit, N_("Refuse larger synchronous insights reads"), N_("ROWS") },
    { "min-version", 0, 0, G_OPTION_ARG_STRING, &min_version, N_("Oldest Graph API version served"), N_("vNN.0") },
    { NULL }
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Serve Meta's Graph API for simulated ad accounts on 127.0.0.1."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "flightdeck-graph-emulator: %s\n", error->message);
      return 2;
    }

  emulator = fd_graph_emulator_new ((guint64)seed);

  if (now != NULL)
    {
      g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (now, NULL);

      if (time == NULL)
        {
          fprintf (stderr, "flightdeck-graph-emulator: %s\n", _("--now needs an ISO 8601 time with a zone"));
          return 2;
        }
      fd_graph_emulator_set_now (emulator, g_date_time_to_unix (time) * G_USEC_PER_SEC);
    }

  if (state != NULL && !fd_graph_emulator_set_state_file (emulator, state, &error))
    {
      fprintf (stderr, "flightdeck-graph-emulator: %s\n", error->message);
      return 1;
    }

  for (guint i = 0; accounts != NULL && accounts[i] != NULL; i++)
    if (!fd_graph_emulator_add_account_from_string (emulator, accounts[i], &error))
      {
        fprintf (stderr, "flightdeck-graph-emulator: %s\n", error->message);
        return 2;
      }
  if (accounts == NULL)
    fd_graph_emulator_add_demo_account (emulator);

  for (guint i = 0; faults != NULL && faults[i] != NULL; i++)
    if (!fd_graph_emulator_add_fault_from_string (emulator, faults[i], &error))
      {
        fprintf (stderr, "flightdeck-graph-emulator: %s\n", error->message);
        return 2;
      }

  fd_graph_emulator_set_token (emulator, token);
  fd_graph_emulator_set_app_secret (emulator, app_secret);
  fd_graph_emulator_set_time_scale (emulator, time_scale > 0 ? time_scale : 1.0);
  if (quota > 0)
    fd_graph_emulator_set_quota (emulator, (guint)quota);
  if (report_delay >= 0)
    fd_graph_emulator_set_report_delay (emulator, (guint)report_delay);
  if (max_report_days > 0)
    fd_graph_emulator_set_max_report_days (emulator, (guint)max_report_days);
  if (sync_row_limit > 0)
    fd_graph_emulator_set_sync_row_limit (emulator, (guint64)sync_row_limit);
  if (min_version != NULL)
    fd_graph_emulator_set_min_version (emulator, min_version);

  if (!fd_graph_emulator_start (emulator, (guint)port, &error))
    {
      fprintf (stderr, "flightdeck-graph-emulator: %s\n", error->message);
      return 1;
    }

  printf ("%s\n", fd_graph_emulator_get_url (emulator));
  fflush (stdout);

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, quit_cb, loop);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_main_loop_run (loop);

  fd_graph_emulator_stop (emulator);
  return 0;
}
