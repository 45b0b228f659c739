/* fd-replay.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-triage"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "fd-replay.h"

/* Checkpoints of a replay, per object and local day: every hour's end on
 * days the object has hourly rows for, else the day's end. The rule is
 * evaluated at each as if a run had happened then, with the same window
 * semantics (fd-rule-eval.c). */

struct _FdReplay
{
  const FdRuleDef *def;
  FdInsightCube   *cube;
  FdRuleEval      *eval;
  int              since_day;
  int              until_day;
};

void
fd_replay_free (FdReplay *replay)
{
  if (replay == NULL)
    return;

  g_clear_pointer (&replay->eval, fd_rule_eval_free);
  g_clear_pointer (&replay->cube, fd_insight_cube_free);
  g_free (replay);
}

/**
 * fd_replay_new:
 * @object_id: (nullable): only this object
 * @since_day: the first day (civil day number)
 * @until_day: the last day, included
 *
 * Loads what replaying @def over the days needs, for every zone.
 */
FdReplay *
fd_replay_new (FdStore          *store,
               const FdRuleDef  *def,
               const char       *object_id,
               int               since_day,
               int               until_day,
               GError          **error)
{
  g_autoptr(FdReplay) replay = g_new0 (FdReplay, 1);
  g_autoptr(FdRulePlanner) planner = fd_rule_planner_new (def->level);
  FdCubePlan *plan;

  replay->def = def;
  replay->since_day = since_day;
  replay->until_day = until_day;

  /* Days are local: ±14 hours covers every zone's version of them. */
  fd_rule_planner_add_range (planner, def,
                             (gint64)since_day * G_TIME_SPAN_DAY - 14 * G_TIME_SPAN_HOUR,
                             (gint64)(until_day + 1) * G_TIME_SPAN_DAY + 14 * G_TIME_SPAN_HOUR);
  plan = fd_rule_planner_get_plan (planner);
  plan->object_id = object_id;

  if (!(replay->cube = fd_insight_cube_load (store, plan, error)))
    return NULL;

  replay->eval = fd_rule_eval_new (replay->cube);
  return g_steal_pointer (&replay);
}

FdInsightCube *
fd_replay_get_cube (FdReplay *replay)
{
  return replay->cube;
}

FdRuleEval *
fd_replay_get_eval (FdReplay *replay)
{
  return replay->eval;
}

const FdRuleDef *
fd_replay_get_def (FdReplay *replay)
{
  return replay->def;
}

static void
day_range (FdReplay *replay,
           guint    *first,
           guint    *after)
{
  int day0 = fd_insight_cube_get_day0 (replay->cube);
  int n = fd_insight_cube_get_n_days (replay->cube);

  *first = (guint)CLAMP (replay->since_day - day0, 0, n);
  *after = (guint)CLAMP (replay->until_day - day0 + 1, 0, n);
}

/**
 * fd_replay_get_end:
 *
 * Returns: the end of the replayed range for @object: the end of the last
 *   day in its account's zone
 */
gint64
fd_replay_get_end (FdReplay *replay,
                   guint     object)
{
  const FdCubeObject *o = fd_insight_cube_get_object (replay->cube, object);
  const FdCubeAccount *account = fd_insight_cube_get_account (replay->cube, o->account);
  guint first, after;

  day_range (replay, &first, &after);
  return account->day_start[after];
}

/**
 * fd_replay_missing_target:
 *
 * Returns: (transfer full) (nullable): the target the rule reads and
 *   @object lacks ("target_cpa"), or %NULL
 */
char *
fd_replay_missing_target (FdReplay *replay,
                          guint     object)
{
  const FdCubeObject *o = fd_insight_cube_get_object (replay->cube, object);

  if (fd_rule_def_uses (replay->def, FD_RULE_EXPR_TARGET_CPA) && o->target_cpa < 0)
    return g_strdup ("target_cpa");
  if (fd_rule_def_uses (replay->def, FD_RULE_EXPR_TARGET_ROAS) && isnan (o->target_roas))
    return g_strdup ("target_roas");

  return NULL;
}

/**
 * fd_replay_holds:
 *
 * Returns: whether the rule's condition and every guardrail hold for the
 *   current object at @at
 */
gboolean
fd_replay_holds (FdReplay *replay,
                 gint64    at)
{
  if (!fd_rule_eval_condition (replay->eval, replay->def->when, at))
    return FALSE;

  for (guint i = 0; i < replay->def->requires->len; i++)
    if (!fd_rule_eval_condition (replay->eval, g_ptr_array_index (replay->def->requires, i), at))
      return FALSE;

  return TRUE;
}

static gboolean
replay_object (FdReplay     *replay,
               guint         object,
               FdReplayFunc  func,
               gpointer      data,
               guint64      *checkpoints)
{
  const FdCubeObject *o = fd_insight_cube_get_object (replay->cube, object);
  const gint64 *S = fd_insight_cube_get_account (replay->cube, o->account)->day_start;
  guint first, after;

  day_range (replay, &first, &after);
  fd_rule_eval_set_object (replay->eval, object);

  for (guint d = first; d < after; d++)
    {
      if (fd_insight_cube_has_hourly (replay->cube, object, S[d], S[d + 1]))
        for (gint64 t = S[d] + G_TIME_SPAN_HOUR; t < S[d + 1]; t += G_TIME_SPAN_HOUR)
          {
            (*checkpoints)++;
            if (!func (replay, object, t, data))
              return TRUE;
          }

      (*checkpoints)++;
      if (!func (replay, object, S[d + 1], data))
        return TRUE;
    }

  return TRUE;
}

/**
 * fd_replay_each:
 * @checkpoints: (out) (optional): how many checkpoints were replayed
 *
 * Calls @func at every checkpoint of every object, object by object, in
 * time order.
 */
gboolean
fd_replay_each (FdReplay      *replay,
                FdReplayFunc   func,
                gpointer       data,
                GCancellable  *cancellable,
                guint64       *checkpoints,
                GError       **error)
{
  guint64 count = 0;

  for (guint o = 0; o < fd_insight_cube_get_n_objects (replay->cube); o++)
    {
      if (o % 64 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      replay_object (replay, o, func, data, &count);
    }

  if (checkpoints != NULL)
    *checkpoints = count;
  return TRUE;
}
