/* fd-account-summary.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-triage"

#include "config.h"

#include <math.h>

#include "fd-account-summary.h"
#include "fd-insight-cube.h"
#include "fd-insights-store.h"

/* What the dashboard says about each ad account: its sync, its spend today
 * against its daily budgets, and its headline metrics over the last days.
 * The sums come from the insight cube the rules read, and the metrics are
 * finished by fd_rule_metric_finish(), so "ROAS 2.1" here is what a rule
 * would see for roas(7d) over the account's campaigns. Windows are whole
 * local days of the account, today (so far) included. */

#define SUMMARY_MEASURES ((1u << FD_MEASURE_SPEND) | (1u << FD_MEASURE_IMPRESSIONS) | \
                          (1u << FD_MEASURE_CLICKS) | (1u << FD_MEASURE_LINK_CLICKS) | \
                          (1u << FD_MEASURE_PURCHASES) | (1u << FD_MEASURE_PURCHASE_VALUE))

struct _FdAccountSummary
{
  GObject      parent_instance;

  FdAdAccount *account;
  guint        window_days;
  int          offset;
  gint64       sums[FD_N_MEASURES];   /* by FdMeasure, over the window */
  gint64       spend_today;
  gint64       daily_budget;          /* -1: none set */
};

G_DEFINE_FINAL_TYPE (FdAccountSummary, fd_account_summary, G_TYPE_OBJECT)

static void
fd_account_summary_finalize (GObject *object)
{
  FdAccountSummary *self = (FdAccountSummary *)object;

  g_clear_object (&self->account);

  G_OBJECT_CLASS (fd_account_summary_parent_class)->finalize (object);
}

static void
fd_account_summary_class_init (FdAccountSummaryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fd_account_summary_finalize;
}

static void
fd_account_summary_init (FdAccountSummary *self)
{
  self->daily_budget = -1;
  self->offset = 1;
}

/* Meta sets a daily budget either on a campaign or on its ad sets, never
 * both: the sum over delivering objects of both levels is the account's. */
static gboolean
load_budget (FdStore          *store,
             FdAccountSummary *self,
             GError          **error)
{
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  stmt = fd_store_stmt (store,
                        "SELECT SUM (o.daily_budget) FROM meta_object o "
                        "LEFT JOIN meta_object c ON c.id = o.campaign_id "
                        "WHERE o.account_id = ? AND o.level IN ('campaign', 'adset') "
                        "AND o.daily_budget > 0 AND o.status = 'ACTIVE' "
                        "AND (c.id IS NULL OR c.status = 'ACTIVE')",
                        error);
  if (stmt == NULL)
    return FALSE;

  fd_stmt_bind_text (stmt, 1, fd_ad_account_get_id (self->account));
  if (!fd_store_step (store, stmt, &has_row, error))
    return FALSE;

  if (has_row && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    self->daily_budget = sqlite3_column_int64 (stmt, 0);

  return TRUE;
}

static FdAccountSummary *
find_summary (GPtrArray  *summaries,
              const char *account_id)
{
  for (guint i = 0; i < summaries->len; i++)
    {
      FdAccountSummary *summary = g_ptr_array_index (summaries, i);

      if (g_str_equal (fd_ad_account_get_id (summary->account), account_id))
        return summary;
    }

  return NULL;
}

/* Adds each campaign's window and today to its account. */
static void
add_campaigns (FdInsightCube *cube,
               GPtrArray     *summaries,
               gint64         now,
               guint          window_days)
{
  for (guint i = 0; i < fd_insight_cube_get_n_objects (cube); i++)
    {
      const FdCubeObject *object = fd_insight_cube_get_object (cube, i);
      const FdCubeAccount *account = fd_insight_cube_get_account (cube, object->account);
      FdAccountSummary *summary = find_summary (summaries, account->id);
      gint64 tomorrow = fd_insight_cube_day_start (cube, i, now, 1);
      gint64 sums[FD_N_MEASURES];

      if (summary == NULL)
        continue;

      summary->offset = account->offset;
      fd_insight_cube_sum (cube, i, fd_insight_cube_day_start (cube, i, now, 1 - (int)window_days), tomorrow,
                           FALSE, sums);
      for (int m = 0; m < FD_N_MEASURES; m++)
        {
          int index = fd_insight_cube_get_measure_index (cube, m);

          if (index >= 0)
            summary->sums[m] += sums[index];
        }

      fd_insight_cube_sum (cube, i, fd_insight_cube_day_start (cube, i, now, 0), tomorrow, FALSE, sums);
      summary->spend_today += sums[fd_insight_cube_get_measure_index (cube, FD_MEASURE_SPEND)];
    }
}

/**
 * fd_account_summary_list:
 * @now: the instant the summaries are for (UTC µs)
 * @window_days: the headline metrics' window, in local days ending today
 *
 * Summarises every ad account of the workspace. Reads insights: call it on
 * a worker thread.
 *
 * Returns: (transfer container) (element-type FdAccountSummary): one per
 *   account, by name; or %NULL with @error set
 */
GPtrArray *
fd_account_summary_list (FdStore  *store,
                         gint64    now,
                         guint     window_days,
                         GError  **error)
{
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GPtrArray) summaries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(FdInsightCube) cube = NULL;
  FdCubePlan plan = { 0 };

  g_return_val_if_fail (FD_IS_STORE (store), NULL);
  g_return_val_if_fail (window_days > 0, NULL);

  if (!(accounts = fd_insights_store_list_accounts (store, error)))
    return NULL;

  for (guint i = 0; i < accounts->len; i++)
    {
      FdAccountSummary *summary = g_object_new (FD_TYPE_ACCOUNT_SUMMARY, NULL);

      summary->account = g_object_ref (g_ptr_array_index (accounts, i));
      summary->window_days = window_days;
      g_ptr_array_add (summaries, summary);
      if (!load_budget (store, summary, error))
        return NULL;
    }

  if (summaries->len == 0)
    return g_steal_pointer (&summaries);

  /* A day of margin on each side for time zones. */
  plan.level = FD_RULE_LEVEL_CAMPAIGN;
  plan.measures = SUMMARY_MEASURES;
  plan.earliest = now - (gint64)(window_days + 1) * G_TIME_SPAN_DAY;
  plan.latest = now + 2 * G_TIME_SPAN_DAY;
  if (!(cube = fd_insight_cube_load (store, &plan, error)))
    return NULL;

  add_campaigns (cube, summaries, now, window_days);

  return g_steal_pointer (&summaries);
}

/**
 * fd_account_summary_get_account:
 *
 * Returns: (transfer none): the account, with the state of its last sync
 */
FdAdAccount *
fd_account_summary_get_account (FdAccountSummary *self)
{
  g_return_val_if_fail (FD_IS_ACCOUNT_SUMMARY (self), NULL);
  return self->account;
}

guint
fd_account_summary_get_window_days (FdAccountSummary *self)
{
  g_return_val_if_fail (FD_IS_ACCOUNT_SUMMARY (self), 0);
  return self->window_days;
}

/**
 * fd_account_summary_get_spend:
 *
 * Returns: what the account spent over the window, in minor units
 */
gint64
fd_account_summary_get_spend (FdAccountSummary *self)
{
  g_return_val_if_fail (FD_IS_ACCOUNT_SUMMARY (self), 0);
  return self->sums[FD_MEASURE_SPEND];
}

/**
 * fd_account_summary_get_spend_today:
 *
 * Returns: what it spent today so far (its time zone), in minor units
 */
gint64
fd_account_summary_get_spend_today (FdAccountSummary *self)
{
  g_return_val_if_fail (FD_IS_ACCOUNT_SUMMARY (self), 0);
  return self->spend_today;
}

/**
 * fd_account_summary_get_daily_budget:
 *
 * Returns: the daily budgets of its delivering campaigns and ad sets,
 *   summed, in minor units; -1 when none has one
 */
gint64
fd_account_summary_get_daily_budget (FdAccountSummary *self)
{
  g_return_val_if_fail (FD_IS_ACCOUNT_SUMMARY (self), -1);
  return self->daily_budget;
}

/**
 * fd_account_summary_get_metric:
 * @metric: a metric summed from daily measures (ROAS, CPA, CTR, CPC, CPM …)
 *
 * Returns: its value over the window, as a rule would compute it; NAN when
 *   undefined (no purchases for a CPA)
 */
double
fd_account_summary_get_metric (FdAccountSummary *self,
                               FdRuleMetricId    metric)
{
  const FdRuleMetric *m;

  g_return_val_if_fail (FD_IS_ACCOUNT_SUMMARY (self), NAN);

  m = fd_rule_metric_get (metric);
  if (m == NULL || m->deduplicated || (fd_rule_metric_get_measures (metric) & ~SUMMARY_MEASURES) != 0)
    return NAN;

  return fd_rule_metric_finish (m, (double)self->sums[m->numerator],
                                m->denominator != FD_MEASURE_NONE ? (double)self->sums[m->denominator] : 0,
                                self->offset);
}

/**
 * fd_account_summary_get_pacing:
 *
 * Returns: today's spend as a share of the daily budgets (1.0 = on
 *   budget), or NAN without budgets
 */
double
fd_account_summary_get_pacing (FdAccountSummary *self)
{
  g_return_val_if_fail (FD_IS_ACCOUNT_SUMMARY (self), NAN);

  if (self->daily_budget <= 0)
    return NAN;

  return (double)self->spend_today / (double)self->daily_budget;
}
