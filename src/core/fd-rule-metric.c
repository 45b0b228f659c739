/* fd-rule-metric.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-rule"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "fd-rule-metric.h"

/* The metrics a rule can name. Ratios are computed from sums over the
 * window, never averaged from daily ratios: ROAS(3d) = Σ purchase value /
 * Σ spend. A zero denominator makes the value "no data". */

#define M(m) FD_MEASURE_##m

static const FdRuleMetric metrics[FD_RULE_N_METRICS] = {
  [FD_RULE_METRIC_SPEND] =
    { "spend", N_("Spend"), FD_RULE_UNIT_MONEY, M (SPEND), M (NONE), 1, 1, FALSE,
      N_("Amount spent, in the account currency") },
  [FD_RULE_METRIC_IMPRESSIONS] =
    { "impressions", N_("Impressions"), FD_RULE_UNIT_COUNT, M (IMPRESSIONS), M (NONE), 1, 0, FALSE,
      N_("Times the ads were on screen") },
  [FD_RULE_METRIC_REACH] =
    { "reach", N_("Reach"), FD_RULE_UNIT_COUNT, M (REACH), M (NONE), 1, 0, TRUE,
      N_("People who saw the ads at least once (deduplicated over the window when Meta reported it)") },
  [FD_RULE_METRIC_CLICKS] =
    { "clicks", N_("Clicks (all)"), FD_RULE_UNIT_COUNT, M (CLICKS), M (NONE), 1, 0, FALSE,
      N_("All clicks") },
  [FD_RULE_METRIC_LINK_CLICKS] =
    { "link_clicks", N_("Link clicks"), FD_RULE_UNIT_COUNT, M (LINK_CLICKS), M (NONE), 1, 0, FALSE,
      N_("Clicks on links to the destination") },
  [FD_RULE_METRIC_PURCHASES] =
    { "purchases", N_("Purchases"), FD_RULE_UNIT_COUNT, M (PURCHASES), M (NONE), 1, 0, FALSE,
      N_("Purchases attributed to the ads") },
  [FD_RULE_METRIC_PURCHASE_VALUE] =
    { "purchase_value", N_("Purchase value"), FD_RULE_UNIT_MONEY, M (PURCHASE_VALUE), M (NONE), 1, 1, FALSE,
      N_("Value of the purchases attributed to the ads") },
  [FD_RULE_METRIC_VIDEO_PLAYS] =
    { "video_plays", N_("Video plays"), FD_RULE_UNIT_COUNT, M (VIDEO_PLAYS), M (NONE), 1, 0, FALSE,
      N_("Times a video started to play") },
  [FD_RULE_METRIC_THRUPLAYS] =
    { "thruplays", N_("ThruPlays"), FD_RULE_UNIT_COUNT, M (THRUPLAYS), M (NONE), 1, 0, FALSE,
      N_("Video plays to completion or for at least 15 seconds") },
  [FD_RULE_METRIC_ROAS] =
    { "roas", N_("ROAS"), FD_RULE_UNIT_RATIO, M (PURCHASE_VALUE), M (SPEND), 1, 0, FALSE,
      N_("Return on ad spend: purchase value ÷ spend") },
  [FD_RULE_METRIC_CPA] =
    { "cpa", N_("CPA"), FD_RULE_UNIT_MONEY, M (SPEND), M (PURCHASES), 1, 1, FALSE,
      N_("Cost per purchase: spend ÷ purchases") },
  [FD_RULE_METRIC_CTR] =
    { "ctr", N_("CTR (link)"), FD_RULE_UNIT_PERCENT, M (LINK_CLICKS), M (IMPRESSIONS), 100, 0, FALSE,
      N_("Link click-through rate: link clicks ÷ impressions, in percent") },
  [FD_RULE_METRIC_CTR_ALL] =
    { "ctr_all", N_("CTR (all)"), FD_RULE_UNIT_PERCENT, M (CLICKS), M (IMPRESSIONS), 100, 0, FALSE,
      N_("Click-through rate of all clicks: clicks ÷ impressions, in percent") },
  [FD_RULE_METRIC_CPC] =
    { "cpc", N_("CPC (link)"), FD_RULE_UNIT_MONEY, M (SPEND), M (LINK_CLICKS), 1, 1, FALSE,
      N_("Cost per link click: spend ÷ link clicks") },
  [FD_RULE_METRIC_CPM] =
    { "cpm", N_("CPM"), FD_RULE_UNIT_MONEY, M (SPEND), M (IMPRESSIONS), 1000, 1, FALSE,
      N_("Cost per thousand impressions") },
  [FD_RULE_METRIC_CVR] =
    { "cvr", N_("Conversion rate"), FD_RULE_UNIT_PERCENT, M (PURCHASES), M (LINK_CLICKS), 100, 0, FALSE,
      N_("Purchases ÷ link clicks, in percent") },
  [FD_RULE_METRIC_AOV] =
    { "aov", N_("Average order value"), FD_RULE_UNIT_MONEY, M (PURCHASE_VALUE), M (PURCHASES), 1, 1, FALSE,
      N_("Purchase value ÷ purchases") },
  [FD_RULE_METRIC_FREQUENCY] =
    { "frequency", N_("Frequency"), FD_RULE_UNIT_RATIO, M (IMPRESSIONS), M (REACH), 1, 0, TRUE,
      N_("Impressions ÷ reach: how often each person saw the ads") },
  [FD_RULE_METRIC_HOOK_RATE] =
    { "hook_rate", N_("Hook rate"), FD_RULE_UNIT_PERCENT, M (VIDEO_PLAYS), M (IMPRESSIONS), 100, 0, FALSE,
      N_("Video plays ÷ impressions, in percent") },
  [FD_RULE_METRIC_HOLD_RATE] =
    { "hold_rate", N_("Hold rate"), FD_RULE_UNIT_PERCENT, M (THRUPLAYS), M (VIDEO_PLAYS), 100, 0, FALSE,
      N_("ThruPlays ÷ video plays, in percent") },
  [FD_RULE_METRIC_COMPLETION_RATE] =
    { "completion_rate", N_("Completion rate"), FD_RULE_UNIT_PERCENT, M (VIDEO_P100), M (VIDEO_PLAYS), 100, 0, FALSE,
      N_("Plays watched to the end ÷ video plays, in percent") },
};

#undef M

static const struct { const char *alias; FdRuleMetricId id; } aliases[] = {
  { "revenue",      FD_RULE_METRIC_PURCHASE_VALUE },
  { "conversions",  FD_RULE_METRIC_PURCHASES },
  { "cost",         FD_RULE_METRIC_SPEND },
  { "link_ctr",     FD_RULE_METRIC_CTR },
  { "cost_per_purchase", FD_RULE_METRIC_CPA },
};

static const char * const measure_columns[FD_N_MEASURES] = {
  "impressions", "reach", "spend", "clicks", "link_clicks", "purchases",
  "purchase_value", "video_plays", "video_p25", "video_p50", "video_p75",
  "video_p100", "thruplays",
};

const FdRuleMetric *
fd_rule_metric_get (FdRuleMetricId id)
{
  g_return_val_if_fail (id >= 0 && id < FD_RULE_N_METRICS, NULL);

  return &metrics[id];
}

/**
 * fd_rule_metric_lookup:
 * @name: a metric name as written, in any case
 *
 * Returns: an #FdRuleMetricId, or -1 if @name is no metric
 */
int
fd_rule_metric_lookup (const char *name)
{
  for (int i = 0; i < FD_RULE_N_METRICS; i++)
    if (g_ascii_strcasecmp (metrics[i].name, name) == 0)
      return i;

  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (g_ascii_strcasecmp (aliases[i].alias, name) == 0)
      return aliases[i].id;

  return -1;
}

/* Optimal string alignment distance: a swap of two neighbours ("rosa" for
 * "roas") costs one edit, like an insertion or a deletion. */
static guint
edit_distance (const char *a,
               const char *b)
{
  guint la = strlen (a), lb = strlen (b);
  guint width = lb + 1;
  g_autofree guint *d = g_new (guint, (la + 1) * width);

  for (guint i = 0; i <= la; i++)
    d[i * width] = i;
  for (guint j = 0; j <= lb; j++)
    d[j] = j;

  for (guint i = 1; i <= la; i++)
    for (guint j = 1; j <= lb; j++)
      {
        guint cost = g_ascii_tolower (a[i - 1]) == g_ascii_tolower (b[j - 1]) ? 0 : 1;
        guint best = MIN (MIN (d[(i - 1) * width + j] + 1, d[i * width + j - 1] + 1),
                          d[(i - 1) * width + j - 1] + cost);

        if (i > 1 && j > 1 &&
            g_ascii_tolower (a[i - 1]) == g_ascii_tolower (b[j - 2]) &&
            g_ascii_tolower (a[i - 2]) == g_ascii_tolower (b[j - 1]))
          best = MIN (best, d[(i - 2) * width + j - 2] + 1);

        d[i * width + j] = best;
      }

  return d[la * width + lb];
}

/**
 * fd_rule_metric_suggest:
 * @name: a word that is not a metric
 *
 * Returns: (transfer full) (nullable): the metric name closest to @name, if
 *   it is close enough to be a likely typo
 */
char *
fd_rule_metric_suggest (const char *name)
{
  const char *best = NULL;
  guint best_distance = G_MAXUINT;
  guint limit;

  if (strlen (name) > 64)
    return NULL;

  limit = strlen (name) <= 4 ? 1 : 2;

  for (int i = 0; i < FD_RULE_N_METRICS; i++)
    {
      guint d = edit_distance (name, metrics[i].name);

      if (d < best_distance)
        {
          best_distance = d;
          best = metrics[i].name;
        }
    }

  return best_distance <= limit ? g_strdup (best) : NULL;
}

/**
 * fd_rule_metric_get_measures:
 *
 * Returns: the bit set (1 << #FdMeasure) of the measures @id is computed from
 */
guint
fd_rule_metric_get_measures (FdRuleMetricId id)
{
  const FdRuleMetric *metric = fd_rule_metric_get (id);
  guint mask = 1u << metric->numerator;

  if (metric->denominator != FD_MEASURE_NONE)
    mask |= 1u << metric->denominator;

  return mask;
}

gboolean
fd_measure_is_hourly (FdMeasure measure)
{
  switch (measure)
    {
    case FD_MEASURE_REACH:
    case FD_MEASURE_VIDEO_P25:
    case FD_MEASURE_VIDEO_P50:
    case FD_MEASURE_VIDEO_P75:
    case FD_MEASURE_VIDEO_P100:
      return FALSE;
    default:
      return TRUE;
    }
}

/**
 * fd_rule_metric_is_daily_only:
 *
 * Returns: %TRUE if @id needs a measure Meta does not report by hour; its
 *   windows are then made of whole days only
 */
gboolean
fd_rule_metric_is_daily_only (FdRuleMetricId id)
{
  const FdRuleMetric *metric = fd_rule_metric_get (id);

  return !fd_measure_is_hourly (metric->numerator) ||
         (metric->denominator != FD_MEASURE_NONE && !fd_measure_is_hourly (metric->denominator));
}

const char *
fd_measure_get_column (FdMeasure measure)
{
  g_return_val_if_fail (measure >= 0 && measure < FD_N_MEASURES, NULL);

  return measure_columns[measure];
}

const char *
fd_rule_unit_describe (FdRuleUnit unit)
{
  switch (unit)
    {
    case FD_RULE_UNIT_NUMBER:
      return _("a number");
    case FD_RULE_UNIT_PERCENT:
      return _("a percentage");
    case FD_RULE_UNIT_MONEY:
      return _("an amount of money");
    case FD_RULE_UNIT_COUNT:
      return _("a count");
    case FD_RULE_UNIT_RATIO:
      return _("a ratio");
    case FD_RULE_UNIT_BOOL:
      return _("a condition");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * fd_rule_metric_finish:
 * @numerator: the sum of @metric's numerator over a window
 * @denominator: the sum of its denominator (ignored for sums)
 * @offset: the currency's minor units per major unit
 *
 * Turns a window's sums into @metric's value, as rules see it: a ratio
 * scaled (percentages, per mille), money in major units.
 *
 * Returns: the value, or NAN when the denominator is zero
 */
double
fd_rule_metric_finish (const FdRuleMetric *metric,
                       double              numerator,
                       double              denominator,
                       int                 offset)
{
  double value;

  if (metric->denominator == FD_MEASURE_NONE)
    value = numerator;
  else if (denominator == 0)
    return NAN;
  else
    value = numerator / denominator;

  value *= metric->scale;
  if (metric->money_power == 1)
    value /= offset;

  return value;
}
