/* fd-triage.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-triage"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "fd-core-error.h"
#include "fd-currency.h"
#include "fd-json.h"
#include "fd-mutation.h"
#include "fd-rule-eval.h"
#include "fd-rule-metric.h"
#include "fd-rulebook.h"
#include "fd-triage-private.h"
#include "fd-triage.h"

/* A triage run: every enabled rule, every object at its level.
 *
 * Rules are grouped by level. For each level one FdInsightCube is loaded
 * with what all of its rules need (a few set-based queries), then each
 * object is judged by every rule in turn, sharing the window sums. For each
 * rule and object, in order:
 *
 *  1. the rule must be able to act: an object already paused is not paused
 *     again, nor an active one resumed;
 *  2. targets the rule reads must exist (else a "missing-target" notice);
 *  3. the `when` condition must hold;
 *  4. every `require` guardrail must hold (else the pair is held back);
 *  5. a budget change needs a daily budget of the object's own (else a
 *     "no-daily-budget" notice);
 *  6. no decision of this rule on this object may be open (proposed or
 *     awaiting approval), nor younger than the rule's cooldown (one day
 *     unless the rule says otherwise).
 *
 * A firing becomes a decision: the numbers behind it, its actions, and the
 * daily spend at stake — the object's spend over the last 24 hours, or for
 * a budget change the new daily budget if that is higher. Above the rule's
 * approval threshold it waits for approval; otherwise it is carried out
 * right away (decisions whose actions need Meta stay proposed when no
 * executor is available). */

typedef struct
{
  FdRule    *rule;
  FdRuleDef *def;
  gboolean   needs_cpa;
  gboolean   needs_roas;
  gboolean   changes_budget;
  gboolean   remote;
  gint64     cooldown;
} RunRule;

typedef struct
{
  gint64   last_us;
  gboolean open;
} History;

typedef struct
{
  FdStore           *store;
  gint64             at;
  FdTriageRunFlags   flags;
  FdTriageReport    *report;
  FdTriageCounts    *counts;
  GHashTable        *history;       /* "rule\tobject" → History */
  GPtrArray         *pending;       /* PendingDecision */
  GPtrArray         *notices;       /* FdTriageNotice */
} Run;

static void
run_rule_free (RunRule *run_rule)
{
  g_clear_object (&run_rule->rule);
  g_clear_pointer (&run_rule->def, fd_rule_def_free);
  g_free (run_rule);
}

void
_fd_pending_decision_free (FdPendingDecision *pending)
{
  g_clear_object (&pending->decision);
  g_free (pending);
}

/*
 * Money and guardrails
 */

/**
 * fd_triage_compute_budget:
 * @current_minor: the daily budget now, in minor units
 * @action: a budget action: its percentage and caps (major units)
 *
 * The new daily budget: the change rounded to the nearest minor unit
 * (halves away from zero), then held within min and max. A cap never turns
 * an increase into a decrease or the other way round: an increase with
 * "max 500" on a budget already above 500 leaves it as it is.
 *
 * Returns: the new daily budget in minor units (at least 1)
 */
gint64
fd_triage_compute_budget (gint64              current_minor,
                          const FdRuleAction *action,
                          const char         *currency)
{
  /* Multiply before dividing: 1999 × 70 / 100 is exact where 1999 × 0.7
   * is not. */
  double scaled = (double)current_minor * (100 + action->percent) / 100;
  gint64 next = (gint64)llround (scaled + copysign (fabs (scaled) * 1e-12, scaled));

  if (action->has_min)
    next = MAX (next, fd_currency_round_minor (currency, action->min));
  if (action->has_max)
    next = MIN (next, fd_currency_round_minor (currency, action->max));

  if (action->percent > 0)
    next = MAX (next, current_minor);
  else
    next = MIN (next, current_minor);

  return MAX (next, 1);
}

/**
 * fd_triage_default_reason:
 *
 * Returns: the retirement reason a pause by @def records: the rule's
 *   `reason` clause, else creative fatigue for rules that read frequency
 *   or decay, else a budget decision
 */
const char *
fd_triage_default_reason (const FdRuleDef *def)
{
  const FdRuleExpr *stack[128];
  guint n = 0;

  if (def->reason != NULL)
    return def->reason;

  if (fd_rule_def_uses (def, FD_RULE_EXPR_DECAY))
    return "creative-fatigue";

  if (def->when != NULL)
    stack[n++] = def->when;
  while (n > 0)
    {
      const FdRuleExpr *expr = stack[--n];

      if (expr->kind == FD_RULE_EXPR_METRIC && expr->metric == FD_RULE_METRIC_FREQUENCY)
        return "creative-fatigue";
      if (expr->left != NULL && n < G_N_ELEMENTS (stack))
        stack[n++] = expr->left;
      if (expr->right != NULL && n < G_N_ELEMENTS (stack))
        stack[n++] = expr->right;
    }

  return "budget-decision";
}

/*
 * Loading rules and history
 */

static void
add_notice (Run        *run,
            RunRule    *run_rule,
            const char *object_id,
            const char *object_name,
            const char *kind,
            const char *message)
{
  g_ptr_array_add (run->notices,
                   fd_triage_notice_new (run_rule ? fd_rule_get_id (run_rule->rule) : 0,
                                         run_rule ? fd_rule_get_name (run_rule->rule) : NULL,
                                         object_id, object_name, kind, message));
}

static GPtrArray *
load_rules (Run     *run,
            GError **error)
{
  g_autoptr(GPtrArray) rules = fd_rulebook_list (run->store, error);
  g_autoptr(GPtrArray) runnable = g_ptr_array_new_with_free_func ((GDestroyNotify)run_rule_free);

  if (rules == NULL)
    return NULL;

  for (guint i = 0; i < rules->len; i++)
    {
      FdRule *rule = g_ptr_array_index (rules, i);
      g_autoptr(GError) local_error = NULL;
      RunRule *run_rule;

      if (!fd_rule_get_enabled (rule))
        continue;

      run_rule = g_new0 (RunRule, 1);
      run_rule->rule = g_object_ref (rule);
      run_rule->def = fd_rule_get_definition (rule, &local_error);

      if (run_rule->def == NULL)
        {
          add_notice (run, run_rule, "", NULL, FD_TRIAGE_NOTICE_INVALID_RULE, local_error->message);
          run_rule_free (run_rule);
          continue;
        }

      run_rule->needs_cpa = fd_rule_def_uses (run_rule->def, FD_RULE_EXPR_TARGET_CPA);
      run_rule->needs_roas = fd_rule_def_uses (run_rule->def, FD_RULE_EXPR_TARGET_ROAS);
      run_rule->changes_budget = fd_rule_def_has_action (run_rule->def, FD_RULE_ACTION_BUDGET);
      run_rule->cooldown = fd_rule_def_get_cooldown (run_rule->def);
      for (guint a = 0; a < run_rule->def->actions->len; a++)
        run_rule->remote |= fd_rule_action_is_remote (g_ptr_array_index (run_rule->def->actions, a));

      g_ptr_array_add (runnable, run_rule);
    }

  return g_steal_pointer (&runnable);
}

static char *
history_key (gint64      rule_id,
             const char *object_id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "\t%s", rule_id, object_id);
}

static gboolean
load_history (Run      *run,
              GError  **error)
{
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  stmt = fd_store_stmt (run->store,
                        "SELECT rule_id, object_id, max (evaluated_us), "
                        "max (state IN ('proposed', 'awaiting_approval', 'executing')) "
                        "FROM triage_decision GROUP BY rule_id, object_id",
                        error);
  if (stmt == NULL)
    return FALSE;

  for (;;)
    {
      History *history;

      if (!fd_store_step (run->store, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;

      history = g_new0 (History, 1);
      history->last_us = sqlite3_column_int64 (stmt, 2);
      history->open = sqlite3_column_int (stmt, 3) != 0;
      g_hash_table_insert (run->history,
                           history_key (sqlite3_column_int64 (stmt, 0), fd_stmt_column_text (stmt, 1)),
                           history);
    }

  return TRUE;
}

/*
 * Judging
 */

/* A pause on a paused object, or a resume on an active one, would change
 * nothing: such pairs are not judged at all. */
static gboolean
can_act (RunRule            *run_rule,
         const FdCubeObject *object)
{
  FdRuleDef *def = run_rule->def;

  if (fd_rule_def_has_action (def, FD_RULE_ACTION_PAUSE) && g_strcmp0 (object->status, "PAUSED") == 0)
    return FALSE;

  if (fd_rule_def_has_action (def, FD_RULE_ACTION_RESUME) && g_strcmp0 (object->status, "PAUSED") != 0)
    return FALSE;

  return TRUE;
}

/* A rule that holds but cannot change a budget the object does not have
 * says so instead of firing. */
static gboolean
has_budget (Run                *run,
            RunRule            *run_rule,
            const FdCubeObject *object)
{
  g_autofree char *message = NULL;

  if (!run_rule->changes_budget || object->daily_budget > 0)
    return TRUE;

  message = g_strdup_printf (_("Rule “%s” holds for %s “%s”, but it has no daily budget of its own "
                               "to change (a lifetime budget, or its campaign’s budget)."),
                             fd_rule_get_name (run_rule->rule),
                             fd_rule_level_get_title (run_rule->def->level),
                             object->name ? object->name : object->id);
  add_notice (run, run_rule, object->id, object->name, FD_TRIAGE_NOTICE_NO_DAILY_BUDGET, message);
  return FALSE;
}

static gboolean
has_targets (Run                *run,
             RunRule            *run_rule,
             const FdCubeObject *object)
{
  const char *missing = NULL;
  g_autofree char *message = NULL;

  if (run_rule->needs_cpa && object->target_cpa < 0)
    missing = "target_cpa";
  else if (run_rule->needs_roas && isnan (object->target_roas))
    missing = "target_roas";

  if (missing == NULL)
    return TRUE;

  message = g_strdup_printf (run_rule->def->level == FD_RULE_LEVEL_CAMPAIGN
                             ? _("Rule “%s” needs %s, which campaign “%s” does not have. Set one "
                                 "to let the rule judge it.")
                             : _("Rule “%s” needs %s, which ad set “%s” and its campaign do not "
                                 "have. Set one to let the rule judge it."),
                             fd_rule_get_name (run_rule->rule), missing,
                             object->name ? object->name : object->id);
  add_notice (run, run_rule, object->id, object->name, FD_TRIAGE_NOTICE_MISSING_TARGET, message);
  return FALSE;
}

static gboolean
cooling_down (Run                *run,
              RunRule            *run_rule,
              const FdCubeObject *object)
{
  g_autofree char *key = history_key (fd_rule_get_id (run_rule->rule), object->id);
  History *history = g_hash_table_lookup (run->history, key);

  return history != NULL &&
         (history->open || history->last_us + run_rule->cooldown > run->at);
}

/* The daily spend a decision puts at stake, in minor units. */
static gint64
stake_of (RunRule             *run_rule,
          FdRuleEval          *eval,
          const FdCubeObject  *object,
          const FdCubeAccount *account,
          gint64               at)
{
  double spend = fd_rule_eval_spend (eval, at - G_TIME_SPAN_DAY, at);
  gint64 stake = fd_currency_round_minor (account->currency, isnan (spend) ? 0 : spend);

  for (guint i = 0; i < run_rule->def->actions->len; i++)
    {
      FdRuleAction *action = g_ptr_array_index (run_rule->def->actions, i);

      if (action->kind == FD_RULE_ACTION_BUDGET && object->daily_budget > 0)
        stake = MAX (stake, fd_triage_compute_budget (object->daily_budget, action, account->currency));
    }

  return stake;
}

static gboolean
needs_approval (RunRule             *run_rule,
                const FdCubeAccount *account,
                gint64               stake)
{
  FdRuleDef *def = run_rule->def;

  if (!def->has_approval || !run_rule->remote)
    return FALSE;

  return def->approval_always || stake > fd_currency_round_minor (account->currency, def->approval_above);
}

static void
fire (Run           *run,
      RunRule       *run_rule,
      FdInsightCube *cube,
      guint          index,
      FdRuleEval    *eval)
{
  const FdCubeObject *object = fd_insight_cube_get_object (cube, index);
  const FdCubeAccount *account = fd_insight_cube_get_account (cube, object->account);
  g_autoptr(JsonBuilder) metrics = json_builder_new ();
  g_autoptr(GPtrArray) estimates = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *metrics_json = NULL;
  g_autofree char *explanation = NULL;
  g_auto(GStrv) actions = fd_rule_def_dup_actions (run_rule->def);
  FdPendingDecision *pending = g_new0 (FdPendingDecision, 1);
  FdTriageDecisionFields fields = { 0 };
  gint64 stake = stake_of (run_rule, eval, object, account, run->at);
  gboolean approval = needs_approval (run_rule, account, stake);

  json_builder_begin_object (metrics);
  fd_rule_eval_snapshot (eval, run_rule->def, run->at, metrics, estimates);
  json_builder_end_object (metrics);
  metrics_json = fd_json_builder_steal (metrics);
  explanation = fd_rule_eval_explain (eval, run_rule->def, run->at);
  g_ptr_array_add (estimates, NULL);

  fields.rule_id = fd_rule_get_id (run_rule->rule);
  fields.rule_name = fd_rule_get_name (run_rule->rule);
  fields.rule_version = fd_rule_get_version (run_rule->rule);
  fields.object_id = object->id;
  fields.object_name = object->name;
  fields.level = run_rule->def->level;
  fields.account_id = account->id;
  fields.currency = account->currency;
  fields.evaluated_at = run->at;
  fields.state = approval ? FD_TRIAGE_STATE_AWAITING_APPROVAL : FD_TRIAGE_STATE_PROPOSED;
  fields.metrics_json = metrics_json;
  fields.explanation = explanation;
  fields.actions = (const char **)actions;
  fields.estimates = (const char **)estimates->pdata;
  fields.approver = approval ? run_rule->def->approver : NULL;
  fields.stake = stake;

  pending->decision = fd_triage_decision_new (&fields);
  pending->remote = run_rule->remote;
  g_ptr_array_add (run->pending, pending);
  run->counts->fired++;
}

static void
judge (Run           *run,
       RunRule       *run_rule,
       FdInsightCube *cube,
       guint          index,
       FdRuleEval    *eval)
{
  const FdCubeObject *object = fd_insight_cube_get_object (cube, index);
  FdRuleDef *def = run_rule->def;

  run->counts->evaluations++;

  if (!can_act (run_rule, object) || !has_targets (run, run_rule, object))
    {
      run->counts->skipped++;
      return;
    }

  if (!fd_rule_eval_condition (eval, def->when, run->at))
    return;

  for (guint i = 0; i < def->requires->len; i++)
    if (!fd_rule_eval_condition (eval, g_ptr_array_index (def->requires, i), run->at))
      {
        run->counts->held_back++;
        return;
      }

  if (!has_budget (run, run_rule, object))
    {
      run->counts->skipped++;
      return;
    }

  if (cooling_down (run, run_rule, object))
    {
      run->counts->cooling_down++;
      return;
    }

  fire (run, run_rule, cube, index, eval);
}

static void
note_unknown_zones (Run           *run,
                    FdInsightCube *cube)
{
  for (guint i = 0; i < fd_insight_cube_get_n_objects (cube); i++)
    {
      const FdCubeObject *object = fd_insight_cube_get_object (cube, i);
      const FdCubeAccount *account = fd_insight_cube_get_account (cube, object->account);
      g_autofree char *message = NULL;

      if (account->timezone_known)
        continue;

      message = g_strdup_printf (_("The time zone “%s” of ad account %s is unknown; its days are "
                                   "counted in UTC."),
                                 account->timezone, account->id);
      add_notice (run, NULL, account->id, NULL, FD_TRIAGE_NOTICE_UNKNOWN_ZONE, message);
      return;
    }
}

static gboolean
judge_level (Run           *run,
             FdRuleLevel    level,
             GPtrArray     *rules,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(FdRulePlanner) planner = fd_rule_planner_new (level);
  g_autoptr(FdInsightCube) cube = NULL;
  g_autoptr(FdRuleEval) eval = NULL;
  g_autoptr(GPtrArray) level_rules = g_ptr_array_new ();
  const FdCubeStats *stats;
  gint64 started;

  for (guint i = 0; i < rules->len; i++)
    {
      RunRule *run_rule = g_ptr_array_index (rules, i);

      if (run_rule->def->level == level)
        {
          g_ptr_array_add (level_rules, run_rule);
          fd_rule_planner_add_rule (planner, run_rule->def, run->at);
        }
    }

  if (level_rules->len == 0)
    return TRUE;

  started = g_get_monotonic_time ();
  if (!(cube = fd_insight_cube_load (run->store, fd_rule_planner_get_plan (planner), error)))
    return FALSE;

  stats = fd_insight_cube_get_stats (cube);
  run->counts->load_us += g_get_monotonic_time () - started;
  run->counts->daily_rows += stats->daily_rows;
  run->counts->hourly_rows += stats->hourly_rows;
  run->counts->reach_rows += stats->reach_rows;
  run->counts->objects += fd_insight_cube_get_n_objects (cube);
  note_unknown_zones (run, cube);

  started = g_get_monotonic_time ();
  eval = fd_rule_eval_new (cube);

  for (guint o = 0; o < fd_insight_cube_get_n_objects (cube); o++)
    {
      if (o % 256 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      fd_rule_eval_set_object (eval, o);
      for (guint r = 0; r < level_rules->len; r++)
        judge (run, g_ptr_array_index (level_rules, r), cube, o, eval);
    }

  run->counts->window_sums += fd_rule_eval_get_window_computations (eval);
  run->counts->evaluate_us += g_get_monotonic_time () - started;

  return TRUE;
}

/*
 * The run
 */

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->history, g_hash_table_unref);
  g_clear_pointer (&run->pending, g_ptr_array_unref);
  g_clear_pointer (&run->notices, g_ptr_array_unref);
  g_clear_object (&run->report);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/**
 * fd_triage_run:
 * @at: the evaluation time (UTC µs), or 0 for fd_store_now()
 * @trigger: what started the run: "schedule", "sync", "manual"
 * @executor: (nullable): carries out actions on Meta; without one,
 *   decisions that need Meta stay proposed
 *
 * Evaluates every enabled rule on every object at its level, as the
 * comment at the top of this file says, records the decisions (unless
 * @flags has %FD_TRIAGE_RUN_DRY) and carries out those that need no
 * approval (unless %FD_TRIAGE_RUN_NO_EXECUTE or dry). A failing action
 * does not fail the run: it is recorded in its decision.
 *
 * Returns: (transfer full): what the run did, or %NULL with @error set
 */
FdTriageReport *
fd_triage_run (FdStore           *store,
               gint64             at,
               const char        *trigger,
               FdTriageRunFlags   flags,
               FdTriageExecutor  *executor,
               GCancellable      *cancellable,
               GError           **error)
{
  g_auto(Run) run = { 0 };
  g_autoptr(GPtrArray) rules = NULL;
  gint64 started_us;

  g_return_val_if_fail (FD_IS_STORE (store), NULL);
  g_return_val_if_fail (executor == NULL || FD_IS_TRIAGE_EXECUTOR (executor), NULL);

  run.store = store;
  run.at = at != 0 ? at : fd_store_now (store);
  run.flags = flags;
  run.report = fd_triage_report_new (run.at, (flags & FD_TRIAGE_RUN_DRY) != 0);
  run.counts = fd_triage_report_get_counts (run.report);
  run.history = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run.pending = g_ptr_array_new_with_free_func ((GDestroyNotify)_fd_pending_decision_free);
  run.notices = g_ptr_array_new_with_free_func (g_object_unref);
  started_us = g_get_real_time ();

  if (!(rules = load_rules (&run, error)) || !load_history (&run, error))
    return NULL;

  run.counts->rules = rules->len;

  for (FdRuleLevel level = 0; level < FD_RULE_N_LEVELS; level++)
    if (!judge_level (&run, level, rules, cancellable, error))
      return NULL;

  for (guint i = 0; i < run.notices->len; i++)
    g_ptr_array_add (fd_triage_report_get_notices (run.report),
                     g_object_ref (g_ptr_array_index (run.notices, i)));

  if (flags & FD_TRIAGE_RUN_DRY)
    {
      for (guint i = 0; i < run.pending->len; i++)
        {
          FdPendingDecision *pending = g_ptr_array_index (run.pending, i);

          g_ptr_array_add (fd_triage_report_get_decisions (run.report), g_object_ref (pending->decision));
        }
      return g_steal_pointer (&run.report);
    }

  if (!_fd_triage_record (store, run.at, trigger ? trigger : "manual", started_us,
                          run.pending, run.notices, run.counts, error))
    return NULL;

  if (!(flags & FD_TRIAGE_RUN_NO_EXECUTE) &&
      !_fd_triage_execute_pending (store, run.pending, executor, cancellable, run.counts, error))
    return NULL;

  for (guint i = 0; i < run.pending->len; i++)
    {
      FdPendingDecision *pending = g_ptr_array_index (run.pending, i);
      FdTriageDecision *decision = fd_triage_get_decision (store, pending->id, error);

      if (decision == NULL)
        return NULL;
      g_ptr_array_add (fd_triage_report_get_decisions (run.report), decision);
    }

  return g_steal_pointer (&run.report);
}
