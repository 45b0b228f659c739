/* fd-emu-profile.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-graph-emulator"

#include "config.h"

#include <math.h>

#include "fd-emu-model.h"

/* Profiles: adjustments to a generated account, applied the same way every
 * time the account is made (from its spec or its state file), so that its
 * insights stay a pure function of the seed, the day and the writes.
 *
 * "demo" is Northwind Outdoor, the demo workspace's account (4 campaigns ×
 * 3 ad sets × 4 ads). A healthy account — ads tire slowly, warm audiences
 * convert — in which four objects behave the way the spec's four rules
 * are written for, day after day:
 *
 * - ad set 1 (Lookalike — Ridgeline trail shoe), a winner: link CTR near
 *   4.5 %, CPA near 14 € against a 30 € target (the day in progress,
 *   its conversions still arriving, reads dearer), €420 a day, so that
 *   "Scale winners" proposes +20 % (capped at €500) for the account lead;
 * - ad set 4 (Broad — Stormfront rain shell): CPA near 90 € against a
 *   30 € target while ROAS stays above 2 (a €200 shell), so that "CPA over
 *   target" holds for 48 hours and cuts the budget;
 * - ad set 9 (Lookalike — Summit down jacket): ROAS near 1.1 on €380 a
 *   day, so that "Low ROAS" asks the account lead to pause it;
 * - ad 28, the hero video of the Basecamp retargeting ad set: launched 16
 *   days before the account was made, in a small audience, tiring fast —
 *   frequency above 5 and CTR down more than a third week on week, so that
 *   "Creative fatigue" queues a replacement.
 *
 * The targets those rules read are set by the demo workspace (not
 * here: Meta has no targets). */

#define DEMO_WINNER_ADSET   1
#define DEMO_COSTLY_ADSET   4
#define DEMO_FATIGUE_ADSET  7
#define DEMO_FATIGUE_AD     28
#define DEMO_LOSING_ADSET   9

static const char * const profiles[] = { "demo" };

gboolean
fd_emu_profile_is_known (const char *profile)
{
  for (guint i = 0; i < G_N_ELEMENTS (profiles); i++)
    if (g_strcmp0 (profile, profiles[i]) == 0)
      return TRUE;

  return FALSE;
}

static gint64
minor (FdEmuAccount *account,
       double        major)
{
  return (gint64)round (major * account->money_scale) * account->offset;
}

static double
money (FdEmuAccount *account,
       double        major)
{
  return major * account->money_scale * account->offset;
}

static FdEmuObject *
adset_at (FdEmuAccount *account,
          guint         index)
{
  return index < account->adsets->len ? g_ptr_array_index (account->adsets, index) : NULL;
}

/* Sets every ad of @adset with @func. */
static void
each_ad (FdEmuAccount *account,
         FdEmuObject  *adset,
         void        (*func) (FdEmuAccount *, FdEmuObject *))
{
  for (guint i = 0; i < account->ads->len; i++)
    {
      FdEmuObject *ad = g_ptr_array_index (account->ads, i);

      if (ad->parent == adset->index)
        func (account, ad);
    }
}

/* CPA ≈ CPM / (1000 × CTR × link share × CVR): the CVR giving @cpa. */
static double
cvr_for (FdEmuObject *ad,
         double       cpa_minor)
{
  double fat = 1.0 - ad->fatigue_max;

  return ad->cpm / (1000.0 * ad->base_ctr * fat * ad->link_ratio * sqrt (fat) * cpa_minor);
}

static void
healthy_ad (FdEmuAccount *account,
            FdEmuObject  *ad)
{
  FdEmuObject *adset = g_ptr_array_index (account->adsets, ad->parent);

  /* Ads tire, but a team that watches them rotates creatives: less
   * fatigue than a neglected account. Warm audiences buy more often. */
  ad->fatigue_max *= 0.4;
  if (adset->retargeting)
    ad->cvr = MIN (ad->cvr * 2.5, 0.2);
}

/* Names that say what the demo's creatives are (the demo workspace links
 * some of them to its assets). */
static const char * const winner_names[] = {
  "Ridgeline — feed image 4:5", "Ridgeline — cutdown video 16:9", "Ridgeline — UGC try-on video",
  "Ridgeline — review quote card",
};
static const char * const costly_names[] = {
  "Stormfront — story video 9:16", "Stormfront — downpour demo video", "Stormfront — static product shot",
  "Stormfront — offer banner",
};
static const char * const losing_names[] = {
  "Summit — static product shot", "Summit — carousel of colours", "Summit — founder story video",
  "Summit — lifestyle video",
};
static const char * const basecamp_names[] = {
  "Basecamp bundle — square image v2", "Basecamp — offer banner", "Basecamp — review quote card",
  "Basecamp — carousel",
};

static void
rename_ad (FdEmuAccount       *account,
           FdEmuObject        *ad,
           const char * const *names)
{
  guint first = ad->parent * account->ads_per_adset;

  if (ad->index - first < 4)
    {
      g_free (ad->name);
      ad->name = g_strdup (names[ad->index - first]);
    }
}

static void
winner_ad (FdEmuAccount *account,
           FdEmuObject  *ad)
{
  rename_ad (account, ad, winner_names);
  ad->quality = 1.5;
  ad->base_ctr = 0.055;
  ad->link_ratio = 0.85;
  ad->fatigue_max = 0.05;
  ad->pause_day = 0;
  ad->cvr = cvr_for (ad, money (account, 14));
  ad->aov = money (account, 60);
}

static void
costly_ad (FdEmuAccount *account,
           FdEmuObject  *ad)
{
  rename_ad (account, ad, costly_names);
  ad->quality = 1.0;
  ad->base_ctr = 0.014;
  ad->link_ratio = 0.77;
  ad->fatigue_max = 0.1;
  ad->pause_day = 0;
  ad->cvr = cvr_for (ad, money (account, 90));
  ad->aov = money (account, 200);
}

static void
losing_ad (FdEmuAccount *account,
           FdEmuObject  *ad)
{
  rename_ad (account, ad, losing_names);
  ad->quality = 1.0;
  ad->base_ctr = 0.016;
  ad->link_ratio = 0.77;
  ad->fatigue_max = 0.1;
  ad->pause_day = 0;
  ad->cvr = cvr_for (ad, money (account, 35));
  ad->aov = money (account, 38);
}

/* The other ads of the retargeting ad set: weak, so that the tiring hero
 * keeps most of the delivery. */
static void
supporting_ad (FdEmuAccount *account,
               FdEmuObject  *ad)
{
  rename_ad (account, ad, basecamp_names);
  if (ad->index != DEMO_FATIGUE_AD)
    ad->quality = 0.35;
}

static void
tiring_ad (FdEmuAccount *account,
           FdEmuObject  *ad,
           FdEmuObject  *adset)
{
  int made = account->epoch_day + (int)account->history_days;

  ad->launch_day = MAX (adset->launch_day, made - 16);
  ad->pause_day = 0;
  ad->quality = 4.0;
  ad->base_ctr = 0.03;
  ad->link_ratio = 0.8;
  ad->fatigue_max = 0.75;
  ad->fatigue_tau = 7;
  ad->cvr = 0.1;
  ad->aov = money (account, 90);
  ad->video_rate = 0.35;
}

static void
apply_demo (FdEmuAccount *account)
{
  FdEmuObject *winner = adset_at (account, DEMO_WINNER_ADSET);
  FdEmuObject *costly = adset_at (account, DEMO_COSTLY_ADSET);
  FdEmuObject *losing = adset_at (account, DEMO_LOSING_ADSET);
  FdEmuObject *tiring = adset_at (account, DEMO_FATIGUE_ADSET);

  for (guint i = 0; i < account->ads->len; i++)
    healthy_ad (account, g_ptr_array_index (account->ads, i));

  /* Smaller accounts (tests) have what fits. */
  if (winner != NULL)
    {
      winner->daily_budget = minor (account, 420);
      winner->pause_day = 0;
      each_ad (account, winner, winner_ad);
    }

  if (costly != NULL)
    {
      costly->daily_budget = minor (account, 450);
      costly->pause_day = 0;
      each_ad (account, costly, costly_ad);
    }

  if (losing != NULL)
    {
      losing->daily_budget = minor (account, 380);
      losing->pause_day = 0;
      each_ad (account, losing, losing_ad);
    }

  if (tiring != NULL && DEMO_FATIGUE_AD < account->ads->len &&
      ((FdEmuObject *)g_ptr_array_index (account->ads, DEMO_FATIGUE_AD))->parent == tiring->index)
    {
      tiring->audience = 4000;
      tiring->daily_budget = minor (account, 60);
      tiring->pause_day = 0;
      each_ad (account, tiring, supporting_ad);
      tiring_ad (account, g_ptr_array_index (account->ads, DEMO_FATIGUE_AD), tiring);
    }
}

/**
 * fd_emu_profile_apply:
 *
 * Adjusts the objects of @account, just generated, as its profile says.
 * Runs before their creation times are set (from their launch days).
 */
void
fd_emu_profile_apply (FdEmuAccount *account)
{
  if (g_strcmp0 (account->profile, "demo") == 0)
    apply_demo (account);
}
