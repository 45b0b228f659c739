/* fd-triage-demo.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-triage"

#include "config.h"

#include <math.h>

#include "fd-ad-creative-link.h"
#include "fd-currency.h"
#include "fd-rule-parser.h"
#include "fd-rulebook.h"
#include "fd-target.h"
#include "fd-triage-demo.h"

/* The demo workspace's rules: the four of the spec, as the spec writes
 * them, with the guardrails a careful media buyer adds — enough data
 * before judging, a human above a spend threshold, caps on budget moves. */

static const char demo_rules[] =
  "# Pause ad sets that lose money, and tell the account lead.\n"
  "rule \"Low ROAS\"\n"
  "  level adset\n"
  "  when roas(3d) < 1.4\n"
  "  then pause, escalate \"account lead\"\n"
  "  require spend(3d) >= 50\n"
  "  approval above 300 by \"account lead\"\n"
  "\n"
  "# Ask for a new creative when an ad wears out.\n"
  "rule \"Creative fatigue\"\n"
  "  level ad\n"
  "  when frequency(7d) > 4.0 and decay(ctr, 7d) > 25%\n"
  "  then queue_replacement\n"
  "  require impressions(7d) >= 5000\n"
  "  cooldown 7d\n"
  "\n"
  "# Cut the budget where purchases cost far more than planned.\n"
  "rule \"CPA over target\"\n"
  "  level adset\n"
  "  when cpa(1d) > target_cpa * 1.4 for 48h\n"
  "  then budget -30% min 20, notify\n"
  "  require purchases(3d) >= 3\n"
  "\n"
  "# Give more to ad sets that click and convert.\n"
  "rule \"Scale winners\"\n"
  "  level adset\n"
  "  when ctr(1d) > 3.5% for 48h and cpa(1d) < target_cpa\n"
  "  then budget +20% max 500\n"
  "  require purchases(3d) >= 10\n"
  "  approval above 400 by \"account lead\"\n";

/**
 * fd_triage_demo_add_rules:
 * @n_added: (out) (optional): how many rules were new
 *
 * Adds the demo rules, enabled, that the workspace does not have yet (by
 * name). Safe to run again; independent of whether insights exist.
 */
gboolean
fd_triage_demo_add_rules (FdStore  *store,
                          guint    *n_added,
                          GError  **error)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GPtrArray) defs = fd_rule_parse (demo_rules, -1, &diagnostics);
  guint added = 0;

  g_assert (diagnostics->len == 0);

  for (guint i = 0; i < defs->len; i++)
    {
      FdRuleDef *def = g_ptr_array_index (defs, i);
      g_autoptr(FdRule) existing = fd_rulebook_find (store, def->name, NULL);
      g_autoptr(GPtrArray) rules = NULL;

      if (existing != NULL)
        continue;

      if (!(rules = fd_rulebook_add (store, "system", def->source, TRUE, error)))
        return FALSE;
      added++;
    }

  if (n_added != NULL)
    *n_added = added;
  return TRUE;
}

/*
 * The demo account's targets and creatives
 */

/* The account's objects of @level, in the order the emulator made them. */
static GPtrArray *
list_objects (FdStore     *store,
              const char  *account_id,
              const char  *level,
              GError     **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  stmt = fd_store_stmt (store, "SELECT id FROM meta_object WHERE account_id = ? AND level = ? "
                               "ORDER BY length (id), id",
                        error);
  if (stmt == NULL)
    return NULL;

  fd_stmt_bind_text (stmt, 1, account_id);
  fd_stmt_bind_text (stmt, 2, level);
  for (;;)
    {
      if (!fd_store_step (store, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      g_ptr_array_add (ids, fd_stmt_dup_text (stmt, 0));
    }

  return g_steal_pointer (&ids);
}

/* A media buyer's targets on the first three campaigns — the fourth, just
 * launched, has none yet, which the dashboard points out. Targets someone
 * set are kept. */
static gboolean
set_targets (FdStore     *store,
             GPtrArray   *campaigns,
             GError     **error)
{
  for (guint i = 0; i < campaigns->len && i < 3; i++)
    {
      const char *id = g_ptr_array_index (campaigns, i);
      g_autofree char *currency = NULL;
      gint64 cpa;
      double roas;

      if (!fd_target_get (store, id, FALSE, &cpa, &roas, error) ||
          !fd_target_describe_object (store, id, NULL, &currency, error))
        return FALSE;

      if (cpa < 0 && isnan (roas) &&
          !fd_target_set (store, "system", id, FD_TARGET_SET, fd_currency_round_minor (currency, 30),
                          FD_TARGET_SET, 2.0, error))
        return FALSE;
    }

  return TRUE;
}

static const struct
{
  guint       ad;          /* in the order the emulator made them */
  const char *asset;
  int         number;
} demo_links[] = {
  { 4,  "Ridgeline feed 4:5",     1 },
  { 4,  "Headline: grip",         2 },
  { 5,  "Ridgeline cutdown 16:9", 1 },
  { 5,  "Headline: grip",         2 },
  { 28, "Basecamp bundle 1:1",    2 },
};

static gint64
find_version (FdStore    *store,
              const char *asset,
              int         number)
{
  g_auto(FdStmt) stmt = fd_store_stmt (store,
                                       "SELECT v.id FROM asset_version v JOIN asset a ON a.id = v.asset_id "
                                       "WHERE a.name = ? AND v.number = ?",
                                       NULL);
  gboolean has_row = FALSE;

  if (stmt == NULL)
    return 0;

  fd_stmt_bind_text (stmt, 1, asset);
  sqlite3_bind_int (stmt, 2, number);
  if (!fd_store_step (store, stmt, &has_row, NULL) || !has_row)
    return 0;

  return sqlite3_column_int64 (stmt, 0);
}

/**
 * fd_triage_demo_prepare:
 * @account_id: the demo ad account, synced
 *
 * Gives the demo account what its rules read and what their decisions
 * lead to: targets on its campaigns (so "CPA over target" and "Scale
 * winners" can judge them), and links from some of its ads to the demo
 * assets' versions (so a replacement request names them and the dashboard
 * can open them). Safe to run again.
 */
gboolean
fd_triage_demo_prepare (FdStore     *store,
                        const char  *account_id,
                        GError     **error)
{
  g_autoptr(GPtrArray) campaigns = list_objects (store, account_id, "campaign", error);
  g_autoptr(GPtrArray) ads = campaigns ? list_objects (store, account_id, "ad", error) : NULL;

  if (ads == NULL || !set_targets (store, campaigns, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (demo_links); i++)
    {
      gint64 version = find_version (store, demo_links[i].asset, demo_links[i].number);

      /* A workspace without the demo assets has nothing to link. */
      if (version == 0 || demo_links[i].ad >= ads->len)
        continue;

      if (!fd_ad_creative_link_add (store, "system", g_ptr_array_index (ads, demo_links[i].ad), version,
                                    error))
        return FALSE;
    }

  return TRUE;
}
