/* fd-triage-demo.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-triage"

#include "config.h"

#include "fd-rule-parser.h"
#include "fd-rulebook.h"
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
