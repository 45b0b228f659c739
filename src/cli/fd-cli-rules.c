/* fd-cli-rules.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "flightdeck-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "fd-backtest.h"
#include "fd-cli-private.h"
#include "fd-core-error.h"
#include "fd-currency.h"
#include "fd-insight-cube.h"
#include "fd-rule-parser.h"
#include "fd-rulebook.h"
#include "fd-target.h"

/* rule add|edit|check|list|show|history|enable|disable|backtest,
 * target set|show */

static char *
read_rule_file (const char  *path,
                GError     **error)
{
  g_autofree char *text = NULL;
  gsize length;

  if (g_str_equal (path, "-"))
    {
      GString *in = g_string_new (NULL);
      char buffer[4096];
      gsize n;

      while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
        g_string_append_len (in, buffer, n);
      return g_string_free (in, FALSE);
    }

  if (!g_file_get_contents (path, &text, &length, error))
    return NULL;

  return g_steal_pointer (&text);
}

static gboolean
parse_rule_id (FdStore     *store,
               const char  *text,
               FdRule     **rule,
               GError     **error)
{
  return (*rule = fd_rulebook_find (store, text, error)) != NULL;
}

static void
add_rule_json (JsonBuilder *builder,
               FdRule      *rule,
               gboolean     with_text)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, fd_rule_get_id (rule));
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, fd_rule_get_name (rule));
  json_builder_set_member_name (builder, "level");
  json_builder_add_string_value (builder, fd_rule_level_to_string (fd_rule_get_level (rule)));
  json_builder_set_member_name (builder, "enabled");
  json_builder_add_boolean_value (builder, fd_rule_get_enabled (rule));
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, fd_rule_get_version (rule));
  json_builder_set_member_name (builder, "author");
  json_builder_add_string_value (builder, fd_rule_get_author (rule));
  if (with_text)
    {
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, fd_rule_get_text (rule));
    }
  json_builder_end_object (builder);
}

static void
print_rules_json (GPtrArray *rules,
                  gboolean   with_text)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < rules->len; i++)
    add_rule_json (builder, g_ptr_array_index (rules, i), with_text);
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  fd_cli_print_json (root);
}

/* "rules.txt: line 3, column 18: …" */
static int
fail_in_file (const char *path,
              GError     *error)
{
  g_prefix_error (&error, "%s: ", path);
  return fd_cli_fail (error);
}

static int
cmd_rule_add (FdCli  *cli,
              int     argc,
              char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  g_autofree char *text = NULL;
  g_autofree char *actor = NULL;
  gboolean enable = FALSE;
  gboolean json = FALSE;
  FdStore *store;
  int status;
  const GOptionEntry entries[] = {
    { "enable", 0, 0, G_OPTION_ARG_NONE, &enable, N_("Enable the rules at once (default: disabled, to back-test first)"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  if (!fd_cli_parse (cli, &argc, &argv, entries, "FILE", 1, 1, &status))
    return status;

  if (!(text = read_rule_file (argv[1], &error)))
    return fd_cli_fail (g_steal_pointer (&error));

  if (!(store = fd_cli_get_store (cli, &error)) ||
      !(actor = fd_cli_dup_actor (cli, &error)))
    return fd_cli_fail (g_steal_pointer (&error));

  if (!(rules = fd_rulebook_add (store, actor, text, enable, &error)))
    return fail_in_file (argv[1], g_steal_pointer (&error));

  if (json)
    {
      print_rules_json (rules, FALSE);
      return FD_CLI_EXIT_OK;
    }

  for (guint i = 0; i < rules->len; i++)
    {
      FdRule *rule = g_ptr_array_index (rules, i);

      long long id = fd_rule_get_id (rule);

      if (enable)
        printf (_("Added rule %lld “%s” (enabled)\n"), id, fd_rule_get_name (rule));
      else
        printf (_("Added rule %lld “%s” (disabled: back-test it, then “rule enable %lld”)\n"),
                id, fd_rule_get_name (rule), id);
    }

  return FD_CLI_EXIT_OK;
}

static int
cmd_rule_edit (FdCli  *cli,
               int     argc,
               char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdRule) rule = NULL;
  g_autoptr(FdRule) edited = NULL;
  g_autofree char *text = NULL;
  g_autofree char *actor = NULL;
  FdStore *store;
  int status;

  if (!fd_cli_parse (cli, &argc, &argv, NULL, "RULE FILE", 2, 2, &status))
    return status;

  if (!(text = read_rule_file (argv[2], &error)) ||
      !(store = fd_cli_get_store (cli, &error)) ||
      !(actor = fd_cli_dup_actor (cli, &error)) ||
      !parse_rule_id (store, argv[1], &rule, &error))
    return fd_cli_fail (g_steal_pointer (&error));

  if (!(edited = fd_rulebook_update (store, actor, fd_rule_get_id (rule), text, &error)))
    return fail_in_file (argv[2], g_steal_pointer (&error));

  if (fd_rule_get_version (edited) == fd_rule_get_version (rule))
    printf (_("Rule %lld “%s” is unchanged (version %d)\n"),
            (long long)fd_rule_get_id (edited), fd_rule_get_name (edited), fd_rule_get_version (edited));
  else
    printf (_("Rule %lld “%s” is now at version %d\n"),
            (long long)fd_rule_get_id (edited), fd_rule_get_name (edited), fd_rule_get_version (edited));

  return FD_CLI_EXIT_OK;
}

static int
cmd_rule_check (FdCli  *cli,
                int     argc,
                char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GPtrArray) defs = NULL;
  g_autofree char *text = NULL;
  FdStore *store = NULL;
  int status;

  if (!fd_cli_parse (cli, &argc, &argv, NULL, "FILE", 1, 1, &status))
    return status;

  if (!(text = read_rule_file (argv[1], &error)))
    return fd_cli_fail (g_steal_pointer (&error));

  /* With a workspace, the names of people are checked too. */
  if (fd_cli_get_workspace_path (cli) != NULL && !(store = fd_cli_get_store (cli, &error)))
    return fd_cli_fail (g_steal_pointer (&error));

  defs = store ? fd_rulebook_check (store, text, 0, &diagnostics) : fd_rule_parse (text, -1, &diagnostics);

  /* FILE:LINE:COLUMN: message — the form editors jump to. */
  for (guint i = 0; i < diagnostics->len; i++)
    {
      FdRuleDiagnostic *d = g_ptr_array_index (diagnostics, i);

      printf ("%s:%u:%u: %s\n", argv[1], d->line, d->column, d->message);
    }

  if (diagnostics->len > 0)
    return FD_CLI_EXIT_FAILED;

  for (guint i = 0; i < defs->len; i++)
    printf (_("%s: rule “%s” is valid\n"), argv[1], ((FdRuleDef *)g_ptr_array_index (defs, i))->name);

  return FD_CLI_EXIT_OK;
}

static int
cmd_rule_list (FdCli  *cli,
               int     argc,
               char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rules = NULL;
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
      !(rules = fd_rulebook_list (store, &error)))
    return fd_cli_fail (g_steal_pointer (&error));

  if (json)
    {
      print_rules_json (rules, TRUE);
      return FD_CLI_EXIT_OK;
    }

  for (guint i = 0; i < rules->len; i++)
    {
      FdRule *rule = g_ptr_array_index (rules, i);

      printf ("%3" G_GINT64_FORMAT "  %-8s %-30s %-9s v%d\n",
              fd_rule_get_id (rule),
              fd_rule_get_enabled (rule) ? _("enabled") : _("disabled"),
              fd_rule_get_name (rule),
              fd_rule_level_to_string (fd_rule_get_level (rule)),
              fd_rule_get_version (rule));
    }

  return FD_CLI_EXIT_OK;
}

static int
cmd_rule_show (FdCli  *cli,
               int     argc,
               char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdRule) rule = NULL;
  g_autoptr(FdRule) version = NULL;
  FdStore *store;
  int number = 0;
  int status;
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_INT, &number, N_("Show this version instead of the current one"), N_("N") },
    { NULL }
  };

  if (!fd_cli_parse (cli, &argc, &argv, entries, "RULE", 1, 1, &status))
    return status;

  if (!(store = fd_cli_get_store (cli, &error)) ||
      !parse_rule_id (store, argv[1], &rule, &error) ||
      !(version = fd_rulebook_get_version (store, fd_rule_get_id (rule), number, &error)))
    return fd_cli_fail (g_steal_pointer (&error));

  fputs (fd_rule_get_text (version), stdout);
  return FD_CLI_EXIT_OK;
}

static int
cmd_rule_history (FdCli  *cli,
                  int     argc,
                  char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdRule) rule = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  gboolean json = FALSE;
  FdStore *store;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  if (!fd_cli_parse (cli, &argc, &argv, entries, "RULE", 1, 1, &status))
    return status;

  if (!(store = fd_cli_get_store (cli, &error)) ||
      !parse_rule_id (store, argv[1], &rule, &error) ||
      !(versions = fd_rulebook_list_versions (store, fd_rule_get_id (rule), &error)))
    return fd_cli_fail (g_steal_pointer (&error));

  if (json)
    {
      print_rules_json (versions, TRUE);
      return FD_CLI_EXIT_OK;
    }

  for (guint i = 0; i < versions->len; i++)
    {
      FdRule *version = g_ptr_array_index (versions, i);
      g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (fd_rule_get_updated (version) / G_USEC_PER_SEC);
      g_autofree char *when = g_date_time_format (time, "%Y-%m-%d %H:%M");

      printf ("v%-3d %s  %s\n", fd_rule_get_version (version), when, fd_rule_get_author (version));
    }

  return FD_CLI_EXIT_OK;
}

static int
set_enabled (FdCli    *cli,
             int       argc,
             char    **argv,
             gboolean  enabled)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdRule) rule = NULL;
  g_autofree char *actor = NULL;
  FdStore *store;
  int status;

  if (!fd_cli_parse (cli, &argc, &argv, NULL, "RULE", 1, 1, &status))
    return status;

  if (!(store = fd_cli_get_store (cli, &error)) ||
      !parse_rule_id (store, argv[1], &rule, &error) ||
      !(actor = fd_cli_dup_actor (cli, &error)) ||
      !fd_rulebook_set_enabled (store, actor, fd_rule_get_id (rule), enabled, &error))
    return fd_cli_fail (g_steal_pointer (&error));

  return FD_CLI_EXIT_OK;
}

static int
cmd_rule_enable (FdCli  *cli,
                 int     argc,
                 char  **argv)
{
  return set_enabled (cli, argc, argv, TRUE);
}

static int
cmd_rule_disable (FdCli  *cli,
                  int     argc,
                  char  **argv)
{
  return set_enabled (cli, argc, argv, FALSE);
}

static void
print_backtest (FdBacktest *result)
{
  GPtrArray *firings = fd_backtest_get_firings (result);
  const FdBacktestTotal *totals;
  guint n_totals;

  for (guint i = 0; i < firings->len; i++)
    {
      FdBacktestFiring *firing = g_ptr_array_index (firings, i);
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (fd_backtest_firing_get_at (firing) / G_USEC_PER_SEC);
      g_autofree char *when = g_date_time_format_iso8601 (utc);
      g_autofree char *actions = g_strjoinv (", ", (char **)fd_backtest_firing_get_actions (firing));
      g_autofree char *effect = fd_currency_format_major (fd_backtest_firing_get_currency (firing),
                                                          fd_backtest_firing_get_spend_effect (firing));

      printf ("%s  %-20s %s — %s (spend %s)\n", when, fd_backtest_firing_get_object_id (firing),
              actions, fd_backtest_firing_get_explanation (firing), effect);
    }

  totals = fd_backtest_get_totals (result, &n_totals);
  printf (_("%u firings on %u objects, %lld checkpoints replayed\n"),
          firings->len, fd_backtest_get_n_objects (result), (long long)fd_backtest_get_checkpoints (result));

  for (guint i = 0; i < n_totals; i++)
    {
      g_autofree char *avoided = fd_currency_format_major (totals[i].currency, totals[i].spend_avoided);
      g_autofree char *added = fd_currency_format_major (totals[i].currency, totals[i].spend_added);
      g_autofree char *removed = fd_currency_format_major (totals[i].currency, totals[i].spend_removed);
      g_autofree char *forgone = fd_currency_format_major (totals[i].currency, totals[i].value_forgone);

      printf (_("  %s: spend avoided %s, added %s, cut %s; purchase value forgone %s\n"),
              totals[i].currency, avoided, added, removed, forgone);
    }
}

static int
cmd_rule_backtest (FdCli  *cli,
                   int     argc,
                   char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdRule) rule = NULL;
  g_autoptr(FdBacktest) result = NULL;
  g_autofree char *since = NULL;
  g_autofree char *until = NULL;
  gboolean json = FALSE;
  FdStore *store;
  int status;
  const GOptionEntry entries[] = {
    { "since", 0, 0, G_OPTION_ARG_STRING, &since, N_("The first day replayed"), N_("YYYY-MM-DD") },
    { "until", 0, 0, G_OPTION_ARG_STRING, &until, N_("The last day replayed"), N_("YYYY-MM-DD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  if (!fd_cli_parse (cli, &argc, &argv, entries, "RULE", 1, 1, &status))
    return status;

  if (since == NULL || until == NULL)
    return fd_cli_usage (_("rule backtest needs --since DATE and --until DATE."));

  if (fd_civil_day_from_text (since) == G_MININT || fd_civil_day_from_text (until) == G_MININT)
    return fd_cli_usage (_("Dates are written YYYY-MM-DD, such as 2026-03-01."));

  if (!(store = fd_cli_get_store (cli, &error)) ||
      !parse_rule_id (store, argv[1], &rule, &error) ||
      !(result = fd_backtest_run_rule (store, fd_rule_get_id (rule), since, until, NULL, &error)))
    return fd_cli_fail (g_steal_pointer (&error));

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      fd_backtest_to_json (result, builder);
      root = json_builder_get_root (builder);
      fd_cli_print_json (root);
      return FD_CLI_EXIT_OK;
    }

  print_backtest (result);
  return FD_CLI_EXIT_OK;
}

/*
 * Targets
 */

static gboolean
parse_cpa (const char      *text,
           const char      *currency,
           FdTargetChange  *change,
           gint64          *minor,
           GError         **error)
{
  if (text == NULL)
    return TRUE;

  if (g_str_equal (text, "none"))
    {
      *change = FD_TARGET_CLEAR;
      return TRUE;
    }

  *change = FD_TARGET_SET;
  return fd_currency_parse_input (currency, text, minor, error);
}

static gboolean
parse_roas (const char      *text,
            FdTargetChange  *change,
            double          *roas,
            GError         **error)
{
  char *end = NULL;

  if (text == NULL)
    return TRUE;

  if (g_str_equal (text, "none"))
    {
      *change = FD_TARGET_CLEAR;
      return TRUE;
    }

  *roas = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !(*roas > 0) || !isfinite (*roas))
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                   _("“%s” is not a ROAS; write it as a ratio, like 2.5."), text);
      return FALSE;
    }

  *change = FD_TARGET_SET;
  return TRUE;
}

static void
print_targets (FdStore    *store,
               const char *object_id,
               const char *currency)
{
  gint64 own_cpa, cpa;
  double own_roas, roas;
  g_autofree char *cpa_text = NULL;
  g_autofree char *roas_text = NULL;

  if (!fd_target_get (store, object_id, FALSE, &own_cpa, &own_roas, NULL) ||
      !fd_target_get (store, object_id, TRUE, &cpa, &roas, NULL))
    return;

  cpa_text = cpa >= 0 ? fd_currency_format (currency, cpa) : g_strdup (_("none"));
  roas_text = !isnan (roas) ? g_strdup_printf ("%g", roas) : g_strdup (_("none"));

  printf (_("%s: target CPA %s%s, target ROAS %s%s\n"), object_id,
          cpa_text, cpa >= 0 && own_cpa < 0 ? _(" (its campaign’s)") : "",
          roas_text, !isnan (roas) && isnan (own_roas) ? _(" (its campaign’s)") : "");
}

static int
cmd_target_set (FdCli  *cli,
                int     argc,
                char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cpa = NULL;
  g_autofree char *roas = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *actor = NULL;
  FdTargetChange cpa_change = FD_TARGET_KEEP, roas_change = FD_TARGET_KEEP;
  gint64 cpa_minor = 0;
  double roas_value = 0;
  FdStore *store;
  int status;
  const GOptionEntry entries[] = {
    { "cpa", 0, 0, G_OPTION_ARG_STRING, &cpa, N_("Target cost per purchase, in the account currency (or “none”)"), N_("AMOUNT") },
    { "roas", 0, 0, G_OPTION_ARG_STRING, &roas, N_("Target return on ad spend, such as 2.5 (or “none”)"), N_("X") },
    { NULL }
  };

  if (!fd_cli_parse (cli, &argc, &argv, entries, "OBJECT_ID", 1, 1, &status))
    return status;

  if (cpa == NULL && roas == NULL)
    return fd_cli_usage (_("target set needs --cpa AMOUNT, --roas X, or both."));

  if (!(store = fd_cli_get_store (cli, &error)) ||
      !fd_target_describe_object (store, argv[1], NULL, &currency, &error) ||
      !parse_cpa (cpa, currency, &cpa_change, &cpa_minor, &error) ||
      !parse_roas (roas, &roas_change, &roas_value, &error) ||
      !(actor = fd_cli_dup_actor (cli, &error)) ||
      !fd_target_set (store, actor, argv[1], cpa_change, cpa_minor, roas_change, roas_value, &error))
    return fd_cli_fail (g_steal_pointer (&error));

  print_targets (store, argv[1], currency);
  return FD_CLI_EXIT_OK;
}

static int
cmd_target_show (FdCli  *cli,
                 int     argc,
                 char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *currency = NULL;
  FdStore *store;
  int status;

  if (!fd_cli_parse (cli, &argc, &argv, NULL, "OBJECT_ID", 1, 1, &status))
    return status;

  if (!(store = fd_cli_get_store (cli, &error)) ||
      !fd_target_describe_object (store, argv[1], NULL, &currency, &error))
    return fd_cli_fail (g_steal_pointer (&error));

  print_targets (store, argv[1], currency);
  return FD_CLI_EXIT_OK;
}

const FdCliCommand fd_cli_rules_commands[] = {
  { "rule", "add", "FILE [--enable] [--json]", N_("Add the rules in FILE (“-” for standard input)"), cmd_rule_add },
  { "rule", "edit", "RULE FILE", N_("Save FILE as the rule’s next version"), cmd_rule_edit },
  { "rule", "check", "FILE", N_("Check rules without saving them; problems as FILE:LINE:COLUMN"), cmd_rule_check },
  { "rule", "list", "[--json]", N_("List the rules"), cmd_rule_list },
  { "rule", "show", "RULE [--version N]", N_("Print a rule’s text"), cmd_rule_show },
  { "rule", "history", "RULE [--json]", N_("List a rule’s versions"), cmd_rule_history },
  { "rule", "enable", "RULE", N_("Let triage run a rule"), cmd_rule_enable },
  { "rule", "disable", "RULE", N_("Stop triage from running a rule"), cmd_rule_disable },
  { "rule", "backtest", "RULE --since DATE --until DATE [--json]", N_("Replay a rule over stored insights"), cmd_rule_backtest },
  { "target", "set", "OBJECT_ID [--cpa AMOUNT] [--roas X]", N_("Set an ad set’s or campaign’s targets"), cmd_target_set },
  { "target", "show", "OBJECT_ID", N_("Show the targets rules use for an object"), cmd_target_show },
  { NULL }
};
