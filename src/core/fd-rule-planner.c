/* fd-rule-planner.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-triage"

#include "config.h"

#include "fd-rule-eval.h"
#include "fd-rule-metric.h"

/* Which insights evaluating a set of rules will read: every window each
 * rule computes — at the evaluation time, at each checkpoint of its "for"
 * clauses, and the window before for decay — becomes an FdCubePlan: the
 * measures, the days, the days that window edges cut (their hourly rows
 * are read) and the lengths of deduplicated reach. */

struct _FdRulePlanner
{
  FdCubePlan  plan;
  GHashTable *edges;            /* gint64 set */
  GHashTable *reach_days;       /* int set */
  GHashTable *visited;          /* (node, end) pairs already planned */
  gint64      earliest;
  gint64      latest;
};

FdRulePlanner *
fd_rule_planner_new (FdRuleLevel level)
{
  FdRulePlanner *planner = g_new0 (FdRulePlanner, 1);

  planner->plan.level = level;
  planner->edges = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  planner->reach_days = g_hash_table_new (g_direct_hash, g_direct_equal);
  planner->visited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  planner->earliest = G_MAXINT64;
  planner->latest = G_MININT64;

  /* Spend is always read: approval thresholds and back-test effects. */
  planner->plan.measures = 1u << FD_MEASURE_SPEND | 1u << FD_MEASURE_PURCHASE_VALUE;

  return planner;
}

void
fd_rule_planner_free (FdRulePlanner *planner)
{
  if (planner == NULL)
    return;

  g_clear_pointer (&planner->edges, g_hash_table_unref);
  g_clear_pointer (&planner->reach_days, g_hash_table_unref);
  g_clear_pointer (&planner->visited, g_hash_table_unref);
  g_clear_pointer (&planner->plan.edges, g_array_unref);
  g_clear_pointer (&planner->plan.reach_days, g_array_unref);
  g_free (planner);
}

static void
add_edge (FdRulePlanner *planner,
          gint64         instant)
{
  if (!g_hash_table_contains (planner->edges, &instant))
    g_hash_table_add (planner->edges, g_memdup2 (&instant, sizeof instant));
}

static void
add_window (FdRulePlanner *planner,
            int            metric,
            gint64         window,
            gint64         end)
{
  const FdRuleMetric *m = fd_rule_metric_get (metric);

  planner->plan.measures |= fd_rule_metric_get_measures (metric);
  planner->earliest = MIN (planner->earliest, end - window);
  planner->latest = MAX (planner->latest, end);

  if (m->deduplicated)
    {
      planner->plan.measures |= 1u << FD_MEASURE_IMPRESSIONS | 1u << FD_MEASURE_REACH;
      g_hash_table_add (planner->reach_days, GINT_TO_POINTER ((int)(window / G_TIME_SPAN_DAY)));
    }

  if (!fd_rule_metric_is_daily_only (metric))
    {
      add_edge (planner, end - window);
      add_edge (planner, end);
    }
}

/**
 * fd_rule_planner_add_spend:
 *
 * Plans the spend of [@start, @end), for approval stakes and effects.
 */
void
fd_rule_planner_add_spend (FdRulePlanner *planner,
                           gint64         start,
                           gint64         end)
{
  add_window (planner, FD_RULE_METRIC_SPEND, end - start, end);
}

static void
plan_expr (FdRulePlanner    *planner,
           const FdRuleExpr *expr,
           gint64            end)
{
  g_autofree char *key = NULL;

  if (expr == NULL)
    return;

  switch (expr->kind)
    {
    case FD_RULE_EXPR_METRIC:
      add_window (planner, expr->metric, expr->duration, end);
      break;

    case FD_RULE_EXPR_DECAY:
      add_window (planner, expr->metric, expr->duration, end);
      add_window (planner, expr->metric, expr->duration, end - expr->duration);
      break;

    case FD_RULE_EXPR_FOR:
      key = g_strdup_printf ("%p@%" G_GINT64_FORMAT, (void *)expr, end);
      if (!g_hash_table_add (planner->visited, g_steal_pointer (&key)))
        break;

      /* Which step applies is known per object only once the data is in:
       * plan both. The days the span touches get hourly rows too, so the
       * check for hourly data sees them. */
      for (gint64 k = 0; k * G_TIME_SPAN_HOUR < expr->duration; k++)
        plan_expr (planner, expr->left, end - k * G_TIME_SPAN_HOUR);
      for (gint64 k = 0; k * G_TIME_SPAN_DAY < expr->duration; k++)
        plan_expr (planner, expr->left, end - k * G_TIME_SPAN_DAY);
      for (gint64 t = end; t > end - expr->duration; t -= 12 * G_TIME_SPAN_HOUR)
        add_edge (planner, t - 1);
      break;

    default:
      plan_expr (planner, expr->left, end);
      plan_expr (planner, expr->right, end);
      break;
    }
}

/**
 * fd_rule_planner_add_rule:
 *
 * Plans what evaluating @def at @at reads.
 */
void
fd_rule_planner_add_rule (FdRulePlanner   *planner,
                          const FdRuleDef *def,
                          gint64           at)
{
  plan_expr (planner, def->when, at);

  for (guint i = 0; i < def->requires->len; i++)
    plan_expr (planner, g_ptr_array_index (def->requires, i), at);

  fd_rule_planner_add_spend (planner, at - G_TIME_SPAN_DAY, at);
}

/**
 * fd_rule_planner_add_range:
 *
 * Plans evaluating @def at any checkpoint in [@since, @until]: every day
 * of the range with its hourly rows.
 */
void
fd_rule_planner_add_range (FdRulePlanner   *planner,
                           const FdRuleDef *def,
                           gint64           since,
                           gint64           until)
{
  gint64 lookback = fd_rule_expr_get_lookback (def->when);

  for (guint i = 0; i < def->requires->len; i++)
    lookback = MAX (lookback, fd_rule_expr_get_lookback (g_ptr_array_index (def->requires, i)));
  lookback = MAX (lookback, G_TIME_SPAN_DAY);

  /* The measures and reach windows: plan the rule once at each end. */
  fd_rule_planner_add_rule (planner, def, since);
  fd_rule_planner_add_rule (planner, def, until);

  planner->plan.hourly_all = TRUE;
  planner->earliest = MIN (planner->earliest, since - lookback - G_TIME_SPAN_DAY);
  planner->latest = MAX (planner->latest, until);
}

/**
 * fd_rule_planner_get_plan:
 *
 * Returns: (transfer none): the plan, valid while @planner lives
 */
FdCubePlan *
fd_rule_planner_get_plan (FdRulePlanner *planner)
{
  GHashTableIter iter;
  gpointer key;

  g_clear_pointer (&planner->plan.edges, g_array_unref);
  g_clear_pointer (&planner->plan.reach_days, g_array_unref);

  planner->plan.edges = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_hash_table_iter_init (&iter, planner->edges);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (planner->plan.edges, *(gint64 *)key);

  planner->plan.reach_days = g_array_new (FALSE, FALSE, sizeof (int));
  g_hash_table_iter_init (&iter, planner->reach_days);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      int days = GPOINTER_TO_INT (key);
      g_array_append_val (planner->plan.reach_days, days);
    }

  planner->plan.earliest = planner->earliest != G_MAXINT64 ? planner->earliest : planner->latest;
  planner->plan.latest = planner->latest;
  if (planner->plan.latest == G_MININT64)
    planner->plan.earliest = planner->plan.latest = 0;

  return &planner->plan;
}
