/* fd-rule-eval.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-triage"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "fd-currency.h"
#include "fd-rule-eval.h"
#include "fd-rule-metric.h"

/*
 * What a rule means — the semantics the help pages describe.
 *
 * Time. A rule is evaluated at an instant `at` (UTC µs): the time of the
 * run, or the time given with `triage run --at`. Days and hours are those of
 * the ad account's time zone.
 *
 * Windows. metric(W) is the metric over the window of length W (Nh or Nd)
 * that ends at `at`: [at − W, at). Every local day inside the window counts
 * whole (insight_daily). A day the window cuts counts the hours that begin
 * inside the window (insight_hourly) — or, when the object has no hourly
 * rows that day, counts whole if the day begins inside the window, else not
 * at all. With hourly data roas(3d) at 14:20 is therefore the 72 hours
 * before (in hour buckets), and with daily data only it is today so far
 * and the two days before.
 *
 * Metrics. Ratios are computed from sums over the window, never averaged:
 * ROAS = Σ purchase value ÷ Σ spend, CPA = Σ spend ÷ Σ purchases, CTR =
 * Σ link clicks ÷ Σ impressions × 100 (in percent, as Ads Manager shows
 * it), CPC, CPM, CVR, AOV and the video rates likewise (fd-rule-metric.c).
 * Money is in major units of the account currency: cpa(1d) > 25 means
 * 25 euros for a EUR account, 25 yen for a JPY one; targets (stored in
 * minor units) are converted the same way. A ratio whose denominator is
 * zero is "no data"; arithmetic with no data gives no data; a comparison
 * with no data is false (so "not" of it is true — use `require` to demand
 * data). Sums (spend, purchases …) are never "no data": nothing spent is 0.
 *
 * frequency(Nd) = impressions ÷ reach, with the deduplicated reach Meta
 * reports for the N days up to the local day of the window's last instant
 * (insight_reach, with that row's own impressions). Where that row is
 * missing, it falls back to Σ impressions ÷ Σ daily reach over the days that
 * begin in the window — a lower bound, flagged as an estimate in the
 * decision. reach(Nd) likewise (the fallback is then an upper bound).
 * Measures Meta does not report by hour (reach, video quartiles) use whole
 * days only.
 *
 * decay(m, W) = (m over the W before the last W − m over the last W) ÷ m
 * over the W before the last W × 100: the percentage drop. Growth gives a
 * negative decay; no data, or zero, in the earlier window gives no data.
 *
 * Persistence. "C for D" holds when C held at every checkpoint in the last
 * D: the instants at − k·step for every k ≥ 0 with k·step < D. The step is
 * one hour when the object has hourly rows on any day the span (at − D, at]
 * touches, otherwise one day. So "for 48h" checks 48 hourly checkpoints
 * with hourly data and 2 daily ones (at and at − 24h) without. Each
 * checkpoint evaluates C with windows ending at that checkpoint.
 *
 * Targets. target_cpa and target_roas are the ad set's own, else its
 * campaign's (a campaign-level rule reads the campaign's). A rule that
 * reads a target an object lacks does not judge that object; the run
 * reports a "missing target" notice instead. daily_budget is the object's
 * daily budget in major units (no data when it has none).
 *
 * Evaluation is incremental: within one object every window sum is
 * computed once and shared by every rule and checkpoint that needs it.
 */

#define CACHE_SLOTS 4096

typedef struct
{
  gint64  key;
  guint32 generation;
} CacheSlot;

struct _FdRuleEval
{
  FdInsightCube *cube;
  guint          object;
  const FdCubeAccount *account;
  guint          n_measures;
  int            index[FD_N_MEASURES];

  guint32        generation;
  CacheSlot     *slots;
  gint64        *values;        /* CACHE_SLOTS × n_measures */
  gint64        *scratch;

  guint64        computed;      /* window sums computed (not from cache) */
};

/*
 * Evaluation
 */

FdRuleEval *
fd_rule_eval_new (FdInsightCube *cube)
{
  FdRuleEval *eval = g_new0 (FdRuleEval, 1);

  eval->cube = cube;
  eval->n_measures = MAX (fd_insight_cube_get_n_measures (cube), 1);
  for (int m = 0; m < FD_N_MEASURES; m++)
    eval->index[m] = fd_insight_cube_get_measure_index (cube, m);

  eval->slots = g_new0 (CacheSlot, CACHE_SLOTS);
  eval->values = g_new0 (gint64, (gsize)CACHE_SLOTS * eval->n_measures);
  eval->scratch = g_new0 (gint64, eval->n_measures);
  eval->generation = 1;

  return eval;
}

void
fd_rule_eval_free (FdRuleEval *eval)
{
  if (eval == NULL)
    return;

  g_free (eval->slots);
  g_free (eval->values);
  g_free (eval->scratch);
  g_free (eval);
}

/**
 * fd_rule_eval_set_object:
 *
 * Switches to another object; what was cached for the previous one is
 * forgotten.
 */
void
fd_rule_eval_set_object (FdRuleEval *eval,
                         guint       object)
{
  const FdCubeObject *o = fd_insight_cube_get_object (eval->cube, object);

  eval->object = object;
  eval->account = fd_insight_cube_get_account (eval->cube, o->account);

  if (++eval->generation == 0)
    {
      memset (eval->slots, 0, sizeof (CacheSlot) * CACHE_SLOTS);
      eval->generation = 1;
    }
}

guint64
fd_rule_eval_get_window_computations (FdRuleEval *eval)
{
  return eval->computed;
}

/* The sums of one window of the current object: from the cache, or
 * computed and cached. The cache is direct-mapped; a collision only costs
 * a recomputation. */
static const gint64 *
window_sums (FdRuleEval *eval,
             gint64      window,
             gint64      end,
             gboolean    whole_days_only)
{
  gint64 key = (end << 1) ^ (window * 0x9E3779B97F4A7C15ull) ^ (whole_days_only ? 0x5bd1e995 : 0);
  guint slot = (guint)((guint64)(key ^ (key >> 29)) * 0xBF58476D1CE4E5B9ull >> 52) & (CACHE_SLOTS - 1);
  CacheSlot *entry = &eval->slots[slot];
  gint64 *values = eval->values + (gsize)slot * eval->n_measures;

  if (entry->generation == eval->generation && entry->key == key)
    return values;

  fd_insight_cube_sum (eval->cube, eval->object, end - window, end, whole_days_only, values);
  entry->generation = eval->generation;
  entry->key = key;
  eval->computed++;

  return values;
}

static double
measure (FdRuleEval   *eval,
         const gint64 *sums,
         FdMeasure     m)
{
  int i = eval->index[m];

  return i >= 0 ? (double)sums[i] : 0;
}

static double
finish_metric (FdRuleEval         *eval,
               const FdRuleMetric *m,
               double              numerator,
               double              denominator)
{
  return fd_rule_metric_finish (m, numerator, denominator, eval->account->offset);
}

/**
 * fd_rule_eval_metric:
 * @window: the window's length
 * @end: the instant it ends
 * @estimated: (out) (optional): set to %TRUE when the value had to be
 *   estimated (deduplicated reach missing)
 *
 * Returns: the metric of the current object, or NAN for "no data"
 */
double
fd_rule_eval_metric (FdRuleEval *eval,
                     int         metric,
                     gint64      window,
                     gint64      end,
                     gboolean   *estimated)
{
  const FdRuleMetric *m = fd_rule_metric_get (metric);
  const gint64 *sums;

  if (m->deduplicated && window % G_TIME_SPAN_DAY == 0)
    {
      gint64 reach, impressions;

      if (fd_insight_cube_get_reach (eval->cube, eval->object, end, (int)(window / G_TIME_SPAN_DAY),
                                     &reach, &impressions))
        return finish_metric (eval, m,
                              m->numerator == FD_MEASURE_REACH ? reach : impressions,
                              reach);

      if (estimated != NULL)
        *estimated = TRUE;
    }

  sums = window_sums (eval, window, end, fd_rule_metric_is_daily_only (metric));

  return finish_metric (eval, m, measure (eval, sums, m->numerator),
                        m->denominator != FD_MEASURE_NONE ? measure (eval, sums, m->denominator) : 0);
}

/**
 * fd_rule_eval_spend:
 *
 * Returns: the current object's spend in [@start, @end), in major units
 */
double
fd_rule_eval_spend (FdRuleEval *eval,
                    gint64      start,
                    gint64      end)
{
  return fd_rule_eval_metric (eval, FD_RULE_METRIC_SPEND, end - start, end, NULL);
}

double
fd_rule_eval_purchase_value (FdRuleEval *eval,
                             gint64      start,
                             gint64      end)
{
  return fd_rule_eval_metric (eval, FD_RULE_METRIC_PURCHASE_VALUE, end - start, end, NULL);
}

gboolean
fd_rule_eval_has_hourly (FdRuleEval *eval,
                         gint64      start,
                         gint64      end)
{
  return fd_insight_cube_has_hourly (eval->cube, eval->object, start, end);
}

static double
decay (FdRuleEval       *eval,
       const FdRuleExpr *expr,
       gint64            at)
{
  double now = fd_rule_eval_metric (eval, expr->metric, expr->duration, at, NULL);
  double before = fd_rule_eval_metric (eval, expr->metric, expr->duration, at - expr->duration, NULL);

  if (isnan (now) || isnan (before) || before == 0)
    return NAN;

  return (before - now) / before * 100;
}

static double
object_value (FdRuleEval       *eval,
              FdRuleExprKind    kind)
{
  const FdCubeObject *o = fd_insight_cube_get_object (eval->cube, eval->object);

  switch (kind)
    {
    case FD_RULE_EXPR_TARGET_CPA:
      return o->target_cpa >= 0 ? (double)o->target_cpa / eval->account->offset : NAN;
    case FD_RULE_EXPR_TARGET_ROAS:
      return o->target_roas;
    case FD_RULE_EXPR_DAILY_BUDGET:
      return o->daily_budget >= 0 ? (double)o->daily_budget / eval->account->offset : NAN;
    default:
      g_assert_not_reached ();
    }
}

/**
 * fd_rule_eval_value:
 *
 * Returns: the value of a numeric expression at @at, NAN for no data
 */
double
fd_rule_eval_value (FdRuleEval       *eval,
                    const FdRuleExpr *expr,
                    gint64            at)
{
  double a, b;

  switch (expr->kind)
    {
    case FD_RULE_EXPR_NUMBER:
      return expr->factor ? expr->value / 100 : expr->value;

    case FD_RULE_EXPR_METRIC:
      return fd_rule_eval_metric (eval, expr->metric, expr->duration, at, NULL);

    case FD_RULE_EXPR_DECAY:
      return decay (eval, expr, at);

    case FD_RULE_EXPR_TARGET_CPA:
    case FD_RULE_EXPR_TARGET_ROAS:
    case FD_RULE_EXPR_DAILY_BUDGET:
      return object_value (eval, expr->kind);

    case FD_RULE_EXPR_NEG:
      return -fd_rule_eval_value (eval, expr->left, at);

    case FD_RULE_EXPR_ADD:
      return fd_rule_eval_value (eval, expr->left, at) + fd_rule_eval_value (eval, expr->right, at);

    case FD_RULE_EXPR_SUB:
      return fd_rule_eval_value (eval, expr->left, at) - fd_rule_eval_value (eval, expr->right, at);

    case FD_RULE_EXPR_MUL:
      return fd_rule_eval_value (eval, expr->left, at) * fd_rule_eval_value (eval, expr->right, at);

    case FD_RULE_EXPR_DIV:
      a = fd_rule_eval_value (eval, expr->left, at);
      b = fd_rule_eval_value (eval, expr->right, at);
      return b == 0 ? NAN : a / b;

    default:
      return fd_rule_eval_condition (eval, expr, at) ? 1 : 0;
    }
}

static gboolean
compare (FdRuleExprKind kind,
         double         a,
         double         b)
{
  if (isnan (a) || isnan (b))
    return FALSE;

  switch (kind)
    {
    case FD_RULE_EXPR_LT: return a < b;
    case FD_RULE_EXPR_LE: return a <= b;
    case FD_RULE_EXPR_GT: return a > b;
    case FD_RULE_EXPR_GE: return a >= b;
    case FD_RULE_EXPR_EQ: return a == b;
    case FD_RULE_EXPR_NE: return a != b;
    default: g_assert_not_reached ();
    }
}

/* The step between checkpoints of "for D" at @at. */
static gint64
persistence_step (FdRuleEval       *eval,
                  const FdRuleExpr *expr,
                  gint64            at)
{
  return fd_insight_cube_has_hourly (eval->cube, eval->object, at - expr->duration, at)
         ? G_TIME_SPAN_HOUR : G_TIME_SPAN_DAY;
}

/**
 * fd_rule_eval_condition:
 *
 * Returns: whether the condition holds for the current object at @at
 */
gboolean
fd_rule_eval_condition (FdRuleEval       *eval,
                        const FdRuleExpr *expr,
                        gint64            at)
{
  switch (expr->kind)
    {
    case FD_RULE_EXPR_LT:
    case FD_RULE_EXPR_LE:
    case FD_RULE_EXPR_GT:
    case FD_RULE_EXPR_GE:
    case FD_RULE_EXPR_EQ:
    case FD_RULE_EXPR_NE:
      return compare (expr->kind,
                      fd_rule_eval_value (eval, expr->left, at),
                      fd_rule_eval_value (eval, expr->right, at));

    case FD_RULE_EXPR_AND:
      return fd_rule_eval_condition (eval, expr->left, at) &&
             fd_rule_eval_condition (eval, expr->right, at);

    case FD_RULE_EXPR_OR:
      return fd_rule_eval_condition (eval, expr->left, at) ||
             fd_rule_eval_condition (eval, expr->right, at);

    case FD_RULE_EXPR_NOT:
      return !fd_rule_eval_condition (eval, expr->left, at);

    case FD_RULE_EXPR_FOR:
      {
        gint64 step = persistence_step (eval, expr, at);

        for (gint64 k = 0; k * step < expr->duration; k++)
          if (!fd_rule_eval_condition (eval, expr->left, at - k * step))
            return FALSE;
        return TRUE;
      }

    default:
      {
        double value = fd_rule_eval_value (eval, expr, at);

        return !isnan (value) && value != 0;
      }
    }
}

/*
 * Describing a firing
 */

static void
snapshot_expr (FdRuleEval       *eval,
               const FdRuleExpr *expr,
               gint64            at,
               JsonBuilder      *metrics,
               GHashTable       *seen,
               GPtrArray        *estimates)
{
  g_autofree char *name = NULL;
  gboolean estimated = FALSE;
  double value;

  if (expr == NULL)
    return;

  switch (expr->kind)
    {
    case FD_RULE_EXPR_METRIC:
    case FD_RULE_EXPR_DECAY:
    case FD_RULE_EXPR_TARGET_CPA:
    case FD_RULE_EXPR_TARGET_ROAS:
    case FD_RULE_EXPR_DAILY_BUDGET:
      name = fd_rule_expr_to_string (expr);
      if (g_hash_table_contains (seen, name))
        return;

      if (expr->kind == FD_RULE_EXPR_METRIC)
        value = fd_rule_eval_metric (eval, expr->metric, expr->duration, at, &estimated);
      else
        value = fd_rule_eval_value (eval, expr, at);

      json_builder_set_member_name (metrics, name);
      if (isnan (value))
        json_builder_add_null_value (metrics);
      else
        json_builder_add_double_value (metrics, value);

      if (estimated && estimates != NULL)
        g_ptr_array_add (estimates, g_strdup (name));

      g_hash_table_add (seen, g_steal_pointer (&name));
      break;

    default:
      snapshot_expr (eval, expr->left, at, metrics, seen, estimates);
      snapshot_expr (eval, expr->right, at, metrics, seen, estimates);
      break;
    }
}

/**
 * fd_rule_eval_snapshot:
 * @metrics: a builder inside an object: one member per metric, target and
 *   budget the rule reads, by its text ("roas(3d)"), at @at (null for no
 *   data)
 * @estimates: (nullable) (element-type utf8): receives the names of values
 *   that are estimates
 */
void
fd_rule_eval_snapshot (FdRuleEval      *eval,
                       const FdRuleDef *def,
                       gint64           at,
                       JsonBuilder     *metrics,
                       GPtrArray       *estimates)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  snapshot_expr (eval, def->when, at, metrics, seen, estimates);
  for (guint i = 0; i < def->requires->len; i++)
    snapshot_expr (eval, g_ptr_array_index (def->requires, i), at, metrics, seen, estimates);
}

static char *
format_value (FdRuleEval *eval,
              FdRuleUnit  unit,
              double      value)
{
  if (isnan (value))
    return g_strdup (_("no data"));

  switch (unit)
    {
    case FD_RULE_UNIT_MONEY:
      return fd_currency_format_major (eval->account->currency, value);
    case FD_RULE_UNIT_PERCENT:
      return g_strdup_printf ("%.2f%%", value);
    case FD_RULE_UNIT_COUNT:
      return g_strdup_printf ("%.0f", value);
    default:
      return g_strdup_printf ("%.3g", value);
    }
}

static void
explain_side (FdRuleEval       *eval,
              const FdRuleExpr *side,
              FdRuleUnit        unit,
              gint64            at,
              GString          *out)
{
  g_autofree char *text = fd_rule_expr_to_string (side);
  g_autofree char *value = NULL;

  g_string_append (out, text);
  if (side->kind == FD_RULE_EXPR_NUMBER)
    return;

  value = format_value (eval, unit, fd_rule_eval_value (eval, side, at));
  g_string_append_printf (out, " = %s", value);
}

static const char *
operator_text (FdRuleExprKind kind)
{
  switch (kind)
    {
    case FD_RULE_EXPR_LT: return " < ";
    case FD_RULE_EXPR_LE: return " ≤ ";
    case FD_RULE_EXPR_GT: return " > ";
    case FD_RULE_EXPR_GE: return " ≥ ";
    case FD_RULE_EXPR_EQ: return " = ";
    case FD_RULE_EXPR_NE: return " ≠ ";
    default: return " ? ";
    }
}

static void
explain_expr (FdRuleEval       *eval,
              const FdRuleExpr *expr,
              gint64            at,
              GString          *out)
{
  switch (expr->kind)
    {
    case FD_RULE_EXPR_LT:
    case FD_RULE_EXPR_LE:
    case FD_RULE_EXPR_GT:
    case FD_RULE_EXPR_GE:
    case FD_RULE_EXPR_EQ:
    case FD_RULE_EXPR_NE:
      {
        /* A bare number takes its unit from the other side. */
        FdRuleUnit unit = expr->left->unit != FD_RULE_UNIT_NUMBER ? expr->left->unit : expr->right->unit;

        if (out->len > 0)
          g_string_append (out, "; ");
        explain_side (eval, expr->left, unit, at, out);
        g_string_append (out, operator_text (expr->kind));
        explain_side (eval, expr->right, unit, at, out);
        if (!fd_rule_eval_condition (eval, expr, at))
          g_string_append (out, _(" (not met)"));
      }
      break;

    case FD_RULE_EXPR_FOR:
      {
        gint64 step = persistence_step (eval, expr, at);
        gint64 n = (expr->duration + step - 1) / step;
        g_autofree char *span = fd_rule_format_duration (expr->duration, expr->in_hours);

        explain_expr (eval, expr->left, at, out);
        g_string_append_printf (out,
                                step == G_TIME_SPAN_HOUR
                                ? g_dngettext (GETTEXT_PACKAGE, " — held at the %lld hourly checkpoint of the last %s",
                                               " — held at all %lld hourly checkpoints of the last %s", n)
                                : g_dngettext (GETTEXT_PACKAGE, " — held at the %lld daily checkpoint of the last %s",
                                               " — held at all %lld daily checkpoints of the last %s", n),
                                (long long)n, span);
      }
      break;

    case FD_RULE_EXPR_AND:
    case FD_RULE_EXPR_OR:
      explain_expr (eval, expr->left, at, out);
      explain_expr (eval, expr->right, at, out);
      break;

    case FD_RULE_EXPR_NOT:
      {
        g_autofree char *text = fd_rule_expr_to_string (expr);

        if (out->len > 0)
          g_string_append (out, "; ");
        g_string_append (out, text);
      }
      break;

    default:
      break;
    }
}

/**
 * fd_rule_eval_explain:
 *
 * Returns: (transfer full): why @def holds for the current object at @at,
 *   with the numbers: "roas(3d) = 1.21 < 1.4"
 */
char *
fd_rule_eval_explain (FdRuleEval      *eval,
                      const FdRuleDef *def,
                      gint64           at)
{
  GString *out = g_string_new (NULL);

  explain_expr (eval, def->when, at, out);
  return g_string_free (out, FALSE);
}
