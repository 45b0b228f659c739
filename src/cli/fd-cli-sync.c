/* fd-cli-sync.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "flightdeck-cli"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <unistd.h>

#include "fd-cli-private.h"
#include "fd-core-error.h"
#include "fd-currency.h"
#include "fd-insights-store.h"
#include "fd-sync-scheduler.h"

/* sync, insights export: reading Meta into the workspace, and the rows out
 * again. */

typedef struct
{
  GMainLoop       *loop;
  FdSyncScheduler *scheduler;
  gboolean         every;
  gboolean         stopping;
  gboolean         failed;
  gboolean         tty;
  gint64           started;
} SyncRun;

static gboolean
parse_interval (const char *text,
                guint      *seconds)
{
  char *end = NULL;
  guint64 value;

  if (text == NULL || !g_ascii_isdigit (*text))
    return FALSE;

  value = g_ascii_strtoull (text, &end, 10);
  if (g_str_equal (end, "") || g_str_equal (end, "s"))
    *seconds = (guint)value;
  else if (g_str_equal (end, "m"))
    *seconds = (guint)(value * 60);
  else if (g_str_equal (end, "h"))
    *seconds = (guint)(value * 3600);
  else
    return FALSE;

  return *seconds > 0 && value < 100000;
}

static gboolean
valid_day (const char *text)
{
  GDate date;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  g_date_clear (&date, 1);
  g_date_set_parse (&date, text);
  return g_date_valid (&date);
}

static void
on_account_started (FdSyncScheduler *scheduler,
                    const char      *account_id,
                    SyncRun         *run)
{
  run->started = g_get_monotonic_time ();
}

static void
on_account_finished (FdSyncScheduler             *scheduler,
                     const char                  *account_id,
                     gboolean                     ok,
                     const char                  *message,
                     const FdInsightsSyncSummary *summary,
                     SyncRun                     *run)
{
  double seconds = (g_get_monotonic_time () - run->started) / (double)G_USEC_PER_SEC;

  if (run->tty)
    fprintf (stderr, "\r\033[K");

  if (!ok)
    {
      run->failed = TRUE;
      fprintf (stderr, "flightdeck-cli: %s: %s\n", account_id, message ? message : _("the sync failed"));
      return;
    }

  printf (_("%s: %lld objects, %lld daily rows (%s to %s), %lld hourly rows, %lld reach rows; %lld pages, %lld report runs, %.1f s%s\n"),
          account_id, (long long)summary->objects, (long long)summary->daily_rows,
          summary->since[0] ? summary->since : "—", summary->until[0] ? summary->until : "—",
          (long long)summary->hourly_rows, (long long)summary->reach_rows, (long long)summary->pages, (long long)summary->report_runs, seconds,
          summary->resumed ? _(" (resumed an interrupted sync)") : "");
  fflush (stdout);
}

static void
on_progress (FdSyncScheduler *scheduler,
             GParamSpec      *pspec,
             SyncRun         *run)
{
  if (!run->tty || fd_sync_scheduler_get_current_account (scheduler) == NULL)
    return;

  fprintf (stderr, "\r\033[K%s: %s… %3.0f %%", fd_sync_scheduler_get_current_account (scheduler),
           fd_sync_scheduler_get_stage (scheduler) ? fd_sync_scheduler_get_stage (scheduler) : "",
           100 * fd_sync_scheduler_get_progress (scheduler));
}

static void
on_finished (FdSyncScheduler *scheduler,
             gboolean         ok,
             SyncRun         *run)
{
  if (!ok && !run->stopping && fd_sync_scheduler_get_last_error (scheduler) != NULL && !run->failed)
    {
      fprintf (stderr, "flightdeck-cli: %s\n", fd_sync_scheduler_get_last_error (scheduler));
      run->failed = TRUE;
    }

  if (!run->every || run->stopping)
    g_main_loop_quit (run->loop);
}

static gboolean
on_signal (gpointer data)
{
  SyncRun *run = data;

  /* Stops between pages: what is stored stays, the next sync resumes. */
  run->stopping = TRUE;
  fd_sync_scheduler_stop (run->scheduler);
  if (!fd_sync_scheduler_get_running (run->scheduler))
    g_main_loop_quit (run->loop);

  return G_SOURCE_CONTINUE;
}

static int
cmd_sync (FdCli  *cli,
          int     argc,
          char  **argv)
{
  g_autofree char *account_id = NULL;
  g_autofree char *since = NULL;
  g_autofree char *until = NULL;
  g_autofree char *every = NULL;
  g_autoptr(FdSyncScheduler) scheduler = NULL;
  g_autoptr(FdTokenStore) tokens = NULL;
  g_autoptr(FdAdAccount) account = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  FdWorkspace *workspace;
  SyncRun run = { 0 };
  guint interval = 0;
  int history_days = 0;
  int hourly_days = -1;
  int page_size = 0;
  guint sigint;
  guint sigterm;
  int status;
  const GOptionEntry entries[] = {
    { "account", 0, 0, G_OPTION_ARG_STRING, &account_id, N_("Only this ad account"), N_("act_ID") },
    { "since", 0, 0, G_OPTION_ARG_STRING, &since, N_("First day to read (account time zone)"), N_("YYYY-MM-DD") },
    { "until", 0, 0, G_OPTION_ARG_STRING, &until, N_("Last day to read"), N_("YYYY-MM-DD") },
    { "every", 0, 0, G_OPTION_ARG_STRING, &every, N_("Sync again at this interval until interrupted (15m, 1h, 90s)"), N_("INTERVAL") },
    { "history-days", 0, 0, G_OPTION_ARG_INT, &history_days, N_("Days a first sync reads (default 90)"), N_("N") },
    { "hourly-days", 0, 0, G_OPTION_ARG_INT, &hourly_days, N_("Days of hourly rows (default 3)"), N_("N") },
    { "page-size", 0, 0, G_OPTION_ARG_INT, &page_size, N_("Insights rows per page (default 500)"), N_("N") },
    { NULL }
  };

  if (!fd_cli_parse (cli, &argc, &argv, entries, "", 0, 0, &status))
    return status;

  if ((since != NULL && !valid_day (since)) || (until != NULL && !valid_day (until)))
    return fd_cli_usage (_("--since and --until take a day as YYYY-MM-DD."));
  if (since != NULL && until != NULL && strcmp (since, until) > 0)
    return fd_cli_usage (_("--since must not be after --until."));
  if (every != NULL && !parse_interval (every, &interval))
    return fd_cli_usage (_("--every takes an interval such as 15m, 1h or 90s."));
  if (history_days < 0 || hourly_days < -1)
    return fd_cli_usage (_("--history-days and --hourly-days take a number of days."));
  if (page_size < 0 || page_size > 5000)
    return fd_cli_usage (_("--page-size takes a number of rows up to 5000."));

  if (!(workspace = fd_cli_open_workspace (cli, &error)))
    return fd_cli_fail (g_steal_pointer (&error));

  if (account_id != NULL &&
      !(account = fd_insights_store_get_account (fd_workspace_get_store (workspace), account_id, &error)))
    return fd_cli_fail (g_steal_pointer (&error));

  tokens = fd_token_store_new ();
  scheduler = fd_sync_scheduler_new (workspace, tokens);
  fd_sync_scheduler_set_range (scheduler, since, until);
  fd_sync_scheduler_set_history_days (scheduler, (guint)history_days);
  if (hourly_days >= 0)
    fd_sync_scheduler_set_hourly_days (scheduler, (guint)hourly_days);
  fd_sync_scheduler_set_page_size (scheduler, (guint)page_size);
  fd_sync_scheduler_set_interval (scheduler, interval);

  loop = g_main_loop_new (NULL, FALSE);
  run.loop = loop;
  run.scheduler = scheduler;
  run.every = interval > 0;
  run.tty = isatty (STDERR_FILENO);

  g_signal_connect (scheduler, "account-started", G_CALLBACK (on_account_started), &run);
  g_signal_connect (scheduler, "account-finished", G_CALLBACK (on_account_finished), &run);
  g_signal_connect (scheduler, "notify::progress", G_CALLBACK (on_progress), &run);
  g_signal_connect (scheduler, "finished", G_CALLBACK (on_finished), &run);
  sigint = g_unix_signal_add (SIGINT, on_signal, &run);
  sigterm = g_unix_signal_add (SIGTERM, on_signal, &run);

  if (run.every && account_id == NULL)
    fd_sync_scheduler_start (scheduler);
  else if (run.every)
    {
      /* One account on a timer: the timer syncs all, so drive it here. */
      fd_sync_scheduler_sync_now (scheduler, account_id);
    }
  else
    fd_sync_scheduler_sync_now (scheduler, account_id);

  g_main_loop_run (loop);

  g_source_remove (sigint);
  g_source_remove (sigterm);
  g_signal_handlers_disconnect_by_data (scheduler, &run);

  if (run.stopping)
    {
      fprintf (stderr, "%s\n", _("Stopped; the next sync resumes where this one stopped."));
      return FD_CLI_EXIT_OK;
    }

  return run.failed ? FD_CLI_EXIT_FAILED : FD_CLI_EXIT_OK;
}

/*
 * insights export
 */

typedef struct
{
  FdInsightLevel  level;
  gboolean        csv;
  gboolean        hourly;
  guint64         rows;
  GString        *line;
} Export;

static const char * const daily_keys[] = {
  "account_id", "campaign_id", "adset_id", "ad_id", "date_start", "hour", "impressions",
  "reach", "frequency", "clicks", "inline_link_clicks", "spend", "purchases",
  "purchase_value", "account_currency", NULL
};

static gboolean
key_applies (const Export *export,
             const char   *key)
{
  if (g_str_equal (key, "adset_id"))
    return export->level >= FD_INSIGHT_LEVEL_ADSET;
  if (g_str_equal (key, "ad_id"))
    return export->level == FD_INSIGHT_LEVEL_AD;
  if (g_str_equal (key, "hour"))
    return export->hourly;
  if (g_str_equal (key, "reach") || g_str_equal (key, "frequency"))
    return !export->hourly;

  return TRUE;
}

static void
write_header (Export *export)
{
  gboolean first = TRUE;

  if (!export->csv)
    {
      fputc ('[', stdout);
      return;
    }

  for (guint i = 0; daily_keys[i] != NULL; i++)
    if (key_applies (export, daily_keys[i]))
      {
        printf ("%s%s", first ? "" : ",", daily_keys[i]);
        first = FALSE;
      }
  fputc ('\n', stdout);
}

static void
add_value (Export     *export,
           const char *key,
           const char *value,
           gboolean    quoted)
{
  GString *line = export->line;

  if (export->csv)
    {
      if (line->len > 0)
        g_string_append_c (line, ',');
      g_string_append (line, value ? value : "");
      return;
    }

  g_string_append_printf (line, "%s\"%s\":", line->len > 1 ? "," : "", key);
  if (value == NULL)
    g_string_append (line, "null");
  else if (quoted)
    g_string_append_printf (line, "\"%s\"", value);
  else
    g_string_append (line, value);
}

static void
add_int (Export     *export,
         const char *key,
         gint64      value)
{
  char text[32];

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
  add_value (export, key, text, FALSE);
}

static gboolean
write_row (const FdInsightRow *row,
           const char         *campaign_id,
           const char         *adset_id,
           const char         *account_id,
           const char         *currency,
           gpointer            user_data)
{
  Export *export = user_data;
  g_autofree char *spend = fd_currency_format_decimal (currency, row->spend);
  g_autofree char *value = fd_currency_format_decimal (currency, row->purchase_value);
  char frequency[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_truncate (export->line, 0);
  if (!export->csv)
    g_string_append_c (export->line, '{');

  add_value (export, "account_id", account_id, TRUE);
  add_value (export, "campaign_id", campaign_id, TRUE);
  if (key_applies (export, "adset_id"))
    add_value (export, "adset_id", adset_id, TRUE);
  if (key_applies (export, "ad_id"))
    add_value (export, "ad_id", row->object_id, TRUE);
  add_value (export, "date_start", row->day, TRUE);
  if (export->hourly)
    add_int (export, "hour", row->hour);
  add_int (export, "impressions", row->impressions);
  if (!export->hourly)
    {
      add_int (export, "reach", row->reach);
      g_ascii_formatd (frequency, sizeof frequency, "%.6f", row->frequency);
      add_value (export, "frequency", frequency, FALSE);
    }
  add_int (export, "clicks", row->clicks);
  add_int (export, "inline_link_clicks", row->link_clicks);
  add_value (export, "spend", spend, FALSE);
  add_int (export, "purchases", row->purchases);
  add_value (export, "purchase_value", value, FALSE);
  add_value (export, "account_currency", currency, TRUE);

  if (export->csv)
    printf ("%s\n", export->line->str);
  else
    printf ("%s\n%s}", export->rows > 0 ? "," : "", export->line->str);

  export->rows++;
  return TRUE;
}

static int
cmd_insights_export (FdCli  *cli,
                     int     argc,
                     char  **argv)
{
  g_autofree char *level = NULL;
  g_autofree char *account_id = NULL;
  g_autofree char *since = NULL;
  g_autofree char *until = NULL;
  g_autoptr(GError) error = NULL;
  gboolean hourly = FALSE;
  gboolean json = FALSE;
  gboolean csv = FALSE;
  FdInsightQuery query = { 0 };
  Export export = { 0 };
  FdStore *store;
  int status;
  const GOptionEntry entries[] = {
    { "level", 0, 0, G_OPTION_ARG_STRING, &level, N_("ad, adset or campaign"), N_("LEVEL") },
    { "account", 0, 0, G_OPTION_ARG_STRING, &account_id, N_("Only this ad account"), N_("act_ID") },
    { "since", 0, 0, G_OPTION_ARG_STRING, &since, N_("First day"), N_("YYYY-MM-DD") },
    { "until", 0, 0, G_OPTION_ARG_STRING, &until, N_("Last day"), N_("YYYY-MM-DD") },
    { "hourly", 0, 0, G_OPTION_ARG_NONE, &hourly, N_("Hourly rows instead of daily ones"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("One JSON array (the default)"), NULL },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("CSV with a header line"), NULL },
    { NULL }
  };

  if (!fd_cli_parse (cli, &argc, &argv, entries, "", 0, 0, &status))
    return status;

  if (level == NULL || !fd_insight_level_from_string (level, &query.level))
    return fd_cli_usage (_("insights export needs --level ad, adset or campaign."));
  if (json && csv)
    return fd_cli_usage (_("Choose one of --json and --csv."));
  if ((since != NULL && !valid_day (since)) || (until != NULL && !valid_day (until)))
    return fd_cli_usage (_("--since and --until take a day as YYYY-MM-DD."));

  if (!(store = fd_cli_get_store (cli, &error)))
    return fd_cli_fail (g_steal_pointer (&error));

  query.account_id = account_id;
  query.since = since;
  query.until = until;
  query.hourly = hourly;
  export.level = query.level;
  export.csv = csv;
  export.hourly = hourly;
  export.line = g_string_new (NULL);

  write_header (&export);
  if (!fd_insights_store_foreach_row (store, &query, write_row, &export, &error))
    {
      g_string_free (export.line, TRUE);
      if (!csv)
        printf ("]\n");
      return fd_cli_fail (g_steal_pointer (&error));
    }

  if (!csv)
    printf ("%s]\n", export.rows > 0 ? "\n" : "");
  g_string_free (export.line, TRUE);

  return FD_CLI_EXIT_OK;
}

const FdCliCommand fd_cli_sync_commands[] = {
  { NULL, "sync", "[--account act_ID] [--since YYYY-MM-DD --until YYYY-MM-DD] [--every 15m]",
    N_("Read the ad accounts’ objects and insights from Meta"), cmd_sync },
  { "insights", "export", "--level ad|adset|campaign [--since --until] [--hourly] [--json|--csv]",
    N_("Print the stored insights, one row per object and day (or hour)"), cmd_insights_export },
  { NULL }
};
