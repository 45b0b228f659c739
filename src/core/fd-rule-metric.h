/* fd-rule-metric.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-rule-syntax.h"

G_BEGIN_DECLS

/* The measures stored per object and day (insight_daily) or hour
 * (insight_hourly); every metric is computed from sums of these. */
typedef enum
{
  FD_MEASURE_IMPRESSIONS,
  FD_MEASURE_REACH,             /* daily rows only */
  FD_MEASURE_SPEND,             /* minor units */
  FD_MEASURE_CLICKS,
  FD_MEASURE_LINK_CLICKS,
  FD_MEASURE_PURCHASES,
  FD_MEASURE_PURCHASE_VALUE,    /* minor units */
  FD_MEASURE_VIDEO_PLAYS,
  FD_MEASURE_VIDEO_P25,         /* daily rows only */
  FD_MEASURE_VIDEO_P50,         /* daily rows only */
  FD_MEASURE_VIDEO_P75,         /* daily rows only */
  FD_MEASURE_VIDEO_P100,        /* daily rows only */
  FD_MEASURE_THRUPLAYS,
  FD_N_MEASURES,
  FD_MEASURE_NONE = -1,
} FdMeasure;

typedef enum
{
  FD_RULE_METRIC_SPEND,
  FD_RULE_METRIC_IMPRESSIONS,
  FD_RULE_METRIC_REACH,
  FD_RULE_METRIC_CLICKS,
  FD_RULE_METRIC_LINK_CLICKS,
  FD_RULE_METRIC_PURCHASES,
  FD_RULE_METRIC_PURCHASE_VALUE,
  FD_RULE_METRIC_VIDEO_PLAYS,
  FD_RULE_METRIC_THRUPLAYS,
  FD_RULE_METRIC_ROAS,
  FD_RULE_METRIC_CPA,
  FD_RULE_METRIC_CTR,
  FD_RULE_METRIC_CTR_ALL,
  FD_RULE_METRIC_CPC,
  FD_RULE_METRIC_CPM,
  FD_RULE_METRIC_CVR,
  FD_RULE_METRIC_AOV,
  FD_RULE_METRIC_FREQUENCY,
  FD_RULE_METRIC_HOOK_RATE,
  FD_RULE_METRIC_HOLD_RATE,
  FD_RULE_METRIC_COMPLETION_RATE,
  FD_RULE_N_METRICS,
} FdRuleMetricId;

/**
 * FdRuleMetric:
 * @name: as written in rules
 * @title: (translatable) as shown to people
 * @unit: what the value measures
 * @numerator: the measure summed over the window
 * @denominator: the measure it is divided by, or %FD_MEASURE_NONE for a sum
 * @scale: the ratio is multiplied by this (100 for percentages, 1000 for CPM)
 * @money_power: 1 if the value is money (divided by the currency's minor
 *   units per major unit), 0 otherwise
 * @deduplicated: reach-based: read from insight_reach when possible
 * @description: (translatable) how it is computed, for help and tooltips
 */
typedef struct
{
  const char *name;
  const char *title;
  FdRuleUnit  unit;
  FdMeasure   numerator;
  FdMeasure   denominator;
  double      scale;
  int         money_power;
  gboolean    deduplicated;
  const char *description;
} FdRuleMetric;

const FdRuleMetric *fd_rule_metric_get            (FdRuleMetricId  id);
double              fd_rule_metric_finish         (const FdRuleMetric *metric,
                                                   double              numerator,
                                                   double              denominator,
                                                   int                 offset);
int                 fd_rule_metric_lookup         (const char     *name);
char               *fd_rule_metric_suggest        (const char     *name);
gboolean            fd_rule_metric_is_daily_only  (FdRuleMetricId  id);
guint               fd_rule_metric_get_measures   (FdRuleMetricId  id);
const char         *fd_rule_unit_describe         (FdRuleUnit      unit);

const char         *fd_measure_get_column         (FdMeasure       measure);
gboolean            fd_measure_is_hourly          (FdMeasure       measure);

G_END_DECLS
