/* fd-backtest.c
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
#include "fd-replay.h"
#include "fd-rulebook.h"
#include "fd-triage.h"
#include "fd-backtest.h"
#include "fd-rule-parser.h"

/* A back-test replays a rule at every checkpoint of a date range (hourly
 * where the object has hourly rows that day, else daily) with the run's
 * semantics, and simulates its guardrails: the cooldown, the `require`
 * clauses, and an object paused by the rule staying paused. It reads
 * today's targets and budgets (their history is not kept), and treats every
 * object as able to act: Meta's status history is not kept either.
 *
 * The effect on spend is estimated from the stored actuals after each
 * firing, to the end of the range:
 *  - a pause avoids the object's actual spend from the firing on, and gives
 *    up its actual purchase value;
 *  - a budget change of p% changes that spend by p% of it, compounding with
 *    the rule's later changes on the object and held within the caps
 *    (from today's daily budget) — assuming spend follows the budget, an
 *    upper bound: delivery rarely scales linearly;
 *  - notifications, escalations and replacement requests cost nothing.
 * The effects of a firing are counted only once: each firing carries the
 * change it makes on top of the rule's earlier ones. */

/*
 * FdBacktestFiring
 */

struct _FdBacktestFiring
{
  GObject     parent_instance;

  gint64      at;
  char       *object_id;
  char       *object_name;
  FdRuleLevel level;
  char       *metrics_json;
  char       *explanation;
  char      **actions;
  char       *currency;
  double      spend_effect;
  double      value_effect;
  char       *effect_note;
};

G_DEFINE_FINAL_TYPE (FdBacktestFiring, fd_backtest_firing, G_TYPE_OBJECT)

enum {
  FIRING_PROP_0,
  FIRING_PROP_AT,
  FIRING_PROP_OBJECT_ID,
  FIRING_PROP_OBJECT_NAME,
  FIRING_PROP_EXPLANATION,
  FIRING_PROP_CURRENCY,
  FIRING_PROP_SPEND_EFFECT,
  FIRING_PROP_VALUE_EFFECT,
  FIRING_N_PROPS
};

static GParamSpec *firing_properties[FIRING_N_PROPS];

static void
fd_backtest_firing_finalize (GObject *object)
{
  FdBacktestFiring *self = (FdBacktestFiring *)object;

  g_free (self->object_id);
  g_free (self->object_name);
  g_free (self->metrics_json);
  g_free (self->explanation);
  g_strfreev (self->actions);
  g_free (self->currency);
  g_free (self->effect_note);

  G_OBJECT_CLASS (fd_backtest_firing_parent_class)->finalize (object);
}

static void
fd_backtest_firing_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  FdBacktestFiring *self = FD_BACKTEST_FIRING (object);

  switch (prop_id)
    {
    case FIRING_PROP_AT:
      g_value_set_int64 (value, self->at);
      break;
    case FIRING_PROP_OBJECT_ID:
      g_value_set_string (value, self->object_id);
      break;
    case FIRING_PROP_OBJECT_NAME:
      g_value_set_string (value, self->object_name);
      break;
    case FIRING_PROP_EXPLANATION:
      g_value_set_string (value, self->explanation);
      break;
    case FIRING_PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;
    case FIRING_PROP_SPEND_EFFECT:
      g_value_set_double (value, self->spend_effect);
      break;
    case FIRING_PROP_VALUE_EFFECT:
      g_value_set_double (value, self->value_effect);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_backtest_firing_class_init (FdBacktestFiringClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fd_backtest_firing_finalize;
  object_class->get_property = fd_backtest_firing_get_property;

  firing_properties[FIRING_PROP_AT] =
    g_param_spec_int64 ("at", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  firing_properties[FIRING_PROP_OBJECT_ID] =
    g_param_spec_string ("object-id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  firing_properties[FIRING_PROP_OBJECT_NAME] =
    g_param_spec_string ("object-name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  firing_properties[FIRING_PROP_EXPLANATION] =
    g_param_spec_string ("explanation", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  firing_properties[FIRING_PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  firing_properties[FIRING_PROP_SPEND_EFFECT] =
    g_param_spec_double ("spend-effect", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  firing_properties[FIRING_PROP_VALUE_EFFECT] =
    g_param_spec_double ("value-effect", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, FIRING_N_PROPS, firing_properties);
}

static void
fd_backtest_firing_init (FdBacktestFiring *self)
{
}

gint64
fd_backtest_firing_get_at (FdBacktestFiring *self)
{
  g_return_val_if_fail (FD_IS_BACKTEST_FIRING (self), 0);
  return self->at;
}

const char *
fd_backtest_firing_get_object_id (FdBacktestFiring *self)
{
  g_return_val_if_fail (FD_IS_BACKTEST_FIRING (self), NULL);
  return self->object_id;
}

const char *
fd_backtest_firing_get_object_name (FdBacktestFiring *self)
{
  g_return_val_if_fail (FD_IS_BACKTEST_FIRING (self), NULL);
  return self->object_name;
}

FdRuleLevel
fd_backtest_firing_get_level (FdBacktestFiring *self)
{
  g_return_val_if_fail (FD_IS_BACKTEST_FIRING (self), FD_RULE_LEVEL_NONE);
  return self->level;
}

const char *
fd_backtest_firing_get_metrics_json (FdBacktestFiring *self)
{
  g_return_val_if_fail (FD_IS_BACKTEST_FIRING (self), NULL);
  return self->metrics_json;
}

const char *
fd_backtest_firing_get_explanation (FdBacktestFiring *self)
{
  g_return_val_if_fail (FD_IS_BACKTEST_FIRING (self), NULL);
  return self->explanation;
}

const char * const *
fd_backtest_firing_get_actions (FdBacktestFiring *self)
{
  g_return_val_if_fail (FD_IS_BACKTEST_FIRING (self), NULL);
  return (const char * const *)self->actions;
}

const char *
fd_backtest_firing_get_currency (FdBacktestFiring *self)
{
  g_return_val_if_fail (FD_IS_BACKTEST_FIRING (self), NULL);
  return self->currency;
}

/**
 * fd_backtest_firing_get_spend_effect:
 *
 * Returns: the estimated change in spend from this firing to the end of
 *   the range, in major units: negative for spend avoided or removed
 */
double
fd_backtest_firing_get_spend_effect (FdBacktestFiring *self)
{
  g_return_val_if_fail (FD_IS_BACKTEST_FIRING (self), 0);
  return self->spend_effect;
}

/**
 * fd_backtest_firing_get_value_effect:
 *
 * Returns: the estimated change in purchase value (negative: forgone)
 */
double
fd_backtest_firing_get_value_effect (FdBacktestFiring *self)
{
  g_return_val_if_fail (FD_IS_BACKTEST_FIRING (self), 0);
  return self->value_effect;
}

/**
 * fd_backtest_firing_get_effect_note:
 *
 * Returns: (nullable): why an action had no estimated effect, if so
 */
const char *
fd_backtest_firing_get_effect_note (FdBacktestFiring *self)
{
  g_return_val_if_fail (FD_IS_BACKTEST_FIRING (self), NULL);
  return self->effect_note;
}

/*
 * FdBacktest
 */

struct _FdBacktest
{
  GObject     parent_instance;

  char       *rule_name;
  gint64      rule_id;
  int         since_day;
  int         until_day;
  GPtrArray  *firings;
  GPtrArray  *notices;
  GArray     *totals;
  guint64     checkpoints;
  guint       n_objects;
};

G_DEFINE_FINAL_TYPE (FdBacktest, fd_backtest, G_TYPE_OBJECT)

static void
fd_backtest_finalize (GObject *object)
{
  FdBacktest *self = (FdBacktest *)object;

  g_free (self->rule_name);
  g_ptr_array_unref (self->firings);
  g_ptr_array_unref (self->notices);
  g_array_unref (self->totals);

  G_OBJECT_CLASS (fd_backtest_parent_class)->finalize (object);
}

static void
fd_backtest_class_init (FdBacktestClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fd_backtest_finalize;
}

static void
fd_backtest_init (FdBacktest *self)
{
  self->firings = g_ptr_array_new_with_free_func (g_object_unref);
  self->notices = g_ptr_array_new_with_free_func (g_object_unref);
  self->totals = g_array_new (FALSE, TRUE, sizeof (FdBacktestTotal));
}

const char *
fd_backtest_get_rule_name (FdBacktest *self)
{
  g_return_val_if_fail (FD_IS_BACKTEST (self), NULL);
  return self->rule_name;
}

/**
 * fd_backtest_get_firings:
 *
 * Returns: (transfer none) (element-type FdBacktestFiring): in order of
 *   object, then time
 */
GPtrArray *
fd_backtest_get_firings (FdBacktest *self)
{
  g_return_val_if_fail (FD_IS_BACKTEST (self), NULL);
  return self->firings;
}

/**
 * fd_backtest_get_notices:
 *
 * Returns: (transfer none) (element-type FdTriageNotice): objects the rule
 *   could not judge (a missing target)
 */
GPtrArray *
fd_backtest_get_notices (FdBacktest *self)
{
  g_return_val_if_fail (FD_IS_BACKTEST (self), NULL);
  return self->notices;
}

/**
 * fd_backtest_get_totals:
 * @n_totals: (out): how many: one per currency
 *
 * Returns: (array length=n_totals): the estimated effects, by currency
 */
const FdBacktestTotal *
fd_backtest_get_totals (FdBacktest *self,
                        guint      *n_totals)
{
  g_return_val_if_fail (FD_IS_BACKTEST (self), NULL);

  *n_totals = self->totals->len;
  return (const FdBacktestTotal *)self->totals->data;
}

guint64
fd_backtest_get_checkpoints (FdBacktest *self)
{
  g_return_val_if_fail (FD_IS_BACKTEST (self), 0);
  return self->checkpoints;
}

guint
fd_backtest_get_n_objects (FdBacktest *self)
{
  g_return_val_if_fail (FD_IS_BACKTEST (self), 0);
  return self->n_objects;
}

/*
 * The replay
 */

typedef struct
{
  FdBacktest *result;
  gint64      cooldown;
  guint       object;
  gint64      quiet_until;
  gboolean    paused;
  gint64      budget;       /* the simulated daily budget, minor units */
  double      factor;       /* simulated budget ÷ today's */
} Simulation;

static FdBacktestTotal *
total_for (FdBacktest *self,
           const char *currency)
{
  FdBacktestTotal total = { 0 };

  for (guint i = 0; i < self->totals->len; i++)
    {
      FdBacktestTotal *t = &g_array_index (self->totals, FdBacktestTotal, i);

      if (g_str_equal (t->currency, currency))
        return t;
    }

  g_strlcpy (total.currency, currency, sizeof total.currency);
  g_array_append_val (self->totals, total);
  return &g_array_index (self->totals, FdBacktestTotal, self->totals->len - 1);
}

static void
estimate_effect (FdReplay         *replay,
                 Simulation       *sim,
                 FdBacktestFiring *firing,
                 gint64            at)
{
  FdInsightCube *cube = fd_replay_get_cube (replay);
  FdRuleEval *eval = fd_replay_get_eval (replay);
  const FdRuleDef *def = fd_replay_get_def (replay);
  const FdCubeObject *o = fd_insight_cube_get_object (cube, sim->object);
  FdBacktestTotal *total = total_for (sim->result, firing->currency);
  gint64 end = fd_replay_get_end (replay, sim->object);
  double spend = at < end ? fd_rule_eval_spend (eval, at, end) : 0;
  double value = at < end ? fd_rule_eval_purchase_value (eval, at, end) : 0;

  total->firings++;

  for (guint i = 0; i < def->actions->len; i++)
    {
      FdRuleAction *action = g_ptr_array_index (def->actions, i);

      if (action->kind == FD_RULE_ACTION_PAUSE)
        {
          firing->spend_effect -= spend * sim->factor;
          firing->value_effect -= value * sim->factor;
          total->spend_avoided += spend * sim->factor;
          total->value_forgone += value * sim->factor;
          sim->paused = TRUE;
        }
      else if (action->kind == FD_RULE_ACTION_BUDGET && o->daily_budget <= 0)
        {
          g_free (firing->effect_note);
          firing->effect_note = g_strdup (_("no daily budget of its own to change"));
        }
      else if (action->kind == FD_RULE_ACTION_BUDGET)
        {
          gint64 next = fd_triage_compute_budget (sim->budget, action, firing->currency);
          double factor = (double)next / o->daily_budget;
          double change = spend * (factor - sim->factor);

          firing->spend_effect += change;
          if (change > 0)
            total->spend_added += change;
          else
            total->spend_removed -= change;

          sim->budget = next;
          sim->factor = factor;
        }
    }
}

static gboolean
replay_checkpoint (FdReplay *replay,
                   guint     object,
                   gint64    at,
                   gpointer  data)
{
  Simulation *sim = data;
  FdInsightCube *cube = fd_replay_get_cube (replay);
  const FdCubeObject *o = fd_insight_cube_get_object (cube, object);
  const FdCubeAccount *account = fd_insight_cube_get_account (cube, o->account);
  g_autoptr(JsonBuilder) metrics = NULL;
  FdBacktestFiring *firing;

  if (object != sim->object || sim->quiet_until == G_MININT64)
    {
      g_autofree char *missing = fd_replay_missing_target (replay, object);

      sim->object = object;
      sim->quiet_until = G_MININT64 + 1;
      sim->paused = FALSE;
      sim->budget = o->daily_budget;
      sim->factor = 1;
      sim->result->n_objects++;

      if (missing != NULL)
        {
          g_autofree char *message =
            g_strdup_printf (_("Rule “%s” needs %s, which “%s” does not have; it was not replayed there."),
                             sim->result->rule_name, missing, o->name ? o->name : o->id);

          g_ptr_array_add (sim->result->notices,
                           fd_triage_notice_new (sim->result->rule_id, sim->result->rule_name,
                                                 o->id, o->name, "missing-target", message));
          return FALSE;
        }
    }

  if (sim->paused)
    return FALSE;

  if (at < sim->quiet_until || !fd_replay_holds (replay, at))
    return TRUE;

  firing = g_object_new (FD_TYPE_BACKTEST_FIRING, NULL);
  firing->at = at;
  firing->object_id = g_strdup (o->id);
  firing->object_name = g_strdup (o->name);
  firing->level = fd_replay_get_def (replay)->level;
  firing->currency = g_strdup (account->currency);
  firing->actions = fd_rule_def_dup_actions (fd_replay_get_def (replay));
  firing->explanation = fd_rule_eval_explain (fd_replay_get_eval (replay), fd_replay_get_def (replay), at);

  metrics = json_builder_new ();
  json_builder_begin_object (metrics);
  fd_rule_eval_snapshot (fd_replay_get_eval (replay), fd_replay_get_def (replay), at, metrics, NULL);
  json_builder_end_object (metrics);
  firing->metrics_json = fd_json_builder_steal (metrics);

  estimate_effect (replay, sim, firing, at);
  g_ptr_array_add (sim->result->firings, firing);

  sim->quiet_until = at + sim->cooldown;
  return TRUE;
}

/**
 * fd_backtest_run:
 * @def: the rule, which need not be stored (a draft can be back-tested)
 * @rule_id: its id, or 0
 * @since_day: the first day replayed (civil day number, local days)
 * @until_day: the last day, included
 *
 * Replays @def over stored insights, as the comment at the top of this
 * file says.
 *
 * Returns: (transfer full): the result, or %NULL with @error set
 */
FdBacktest *
fd_backtest_run (FdStore          *store,
                 const FdRuleDef  *def,
                 gint64            rule_id,
                 int               since_day,
                 int               until_day,
                 GCancellable     *cancellable,
                 GError          **error)
{
  g_autoptr(FdBacktest) self = NULL;
  g_autoptr(FdReplay) replay = NULL;
  Simulation sim = { 0 };

  g_return_val_if_fail (FD_IS_STORE (store), NULL);
  g_return_val_if_fail (def != NULL, NULL);

  if (until_day < since_day)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                   _("The back-test ends before it begins."));
      return NULL;
    }

  if (until_day - since_day > 400)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                   _("A back-test covers at most 400 days."));
      return NULL;
    }

  self = g_object_new (FD_TYPE_BACKTEST, NULL);
  self->rule_name = g_strdup (def->name);
  self->rule_id = rule_id;
  self->since_day = since_day;
  self->until_day = until_day;

  if (!(replay = fd_replay_new (store, def, NULL, since_day, until_day, error)))
    return NULL;

  sim.result = self;
  sim.cooldown = fd_rule_def_get_cooldown (def);
  sim.object = G_MAXUINT;
  sim.quiet_until = G_MININT64;

  if (!fd_replay_each (replay, replay_checkpoint, &sim, cancellable, &self->checkpoints, error))
    return NULL;

  return g_steal_pointer (&self);
}

static gboolean
parse_range (const char  *since,
             const char  *until,
             int         *since_day,
             int         *until_day,
             GError     **error)
{
  *since_day = fd_civil_day_from_text (since);
  *until_day = fd_civil_day_from_text (until);

  if (*since_day == G_MININT || *until_day == G_MININT)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                   _("“%s” is not a date; write it as YYYY-MM-DD."),
                   *since_day == G_MININT ? since : until);
      return FALSE;
    }

  return TRUE;
}

/**
 * fd_backtest_run_rule:
 * @since: the first day, "YYYY-MM-DD"
 * @until: the last day, included
 *
 * Back-tests a stored rule at its current version.
 */
FdBacktest *
fd_backtest_run_rule (FdStore       *store,
                      gint64         rule_id,
                      const char    *since,
                      const char    *until,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(FdRule) rule = NULL;
  g_autoptr(FdRuleDef) def = NULL;
  int since_day, until_day;

  if (!parse_range (since, until, &since_day, &until_day, error) ||
      !(rule = fd_rulebook_get (store, rule_id, error)) ||
      !(def = fd_rule_get_definition (rule, error)))
    return NULL;

  return fd_backtest_run (store, def, rule_id, since_day, until_day, cancellable, error);
}

static void
firing_to_json (FdBacktestFiring *firing,
                JsonBuilder      *builder)
{
  g_autoptr(JsonNode) metrics = json_from_string (firing->metrics_json, NULL);

  json_builder_begin_object (builder);
  fd_json_builder_add_time (builder, "at", firing->at);
  json_builder_set_member_name (builder, "object_id");
  json_builder_add_string_value (builder, firing->object_id);
  json_builder_set_member_name (builder, "object_name");
  json_builder_add_string_value (builder, firing->object_name);
  json_builder_set_member_name (builder, "level");
  json_builder_add_string_value (builder, fd_rule_level_to_string (firing->level));
  json_builder_set_member_name (builder, "metrics");
  json_builder_add_value (builder, g_steal_pointer (&metrics));
  json_builder_set_member_name (builder, "actions");
  json_builder_begin_array (builder);
  for (guint i = 0; firing->actions[i]; i++)
    json_builder_add_string_value (builder, firing->actions[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "explanation");
  json_builder_add_string_value (builder, firing->explanation);
  json_builder_set_member_name (builder, "currency");
  json_builder_add_string_value (builder, firing->currency);
  json_builder_set_member_name (builder, "spend_effect");
  json_builder_add_double_value (builder, firing->spend_effect);
  json_builder_set_member_name (builder, "value_effect");
  json_builder_add_double_value (builder, firing->value_effect);
  if (firing->effect_note != NULL)
    {
      json_builder_set_member_name (builder, "effect_note");
      json_builder_add_string_value (builder, firing->effect_note);
    }
  json_builder_end_object (builder);
}

/**
 * fd_backtest_to_json:
 * @builder: where a value is expected
 *
 * Adds the result as an object: rule, since, until, checkpoints, objects,
 * firings (each with at, object_id, level, metrics, actions, spend_effect
 * …), totals (per currency) and notices.
 */
void
fd_backtest_to_json (FdBacktest  *self,
                     JsonBuilder *builder)
{
  g_autofree char *since = fd_civil_day_to_text (self->since_day);
  g_autofree char *until = fd_civil_day_to_text (self->until_day);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "rule");
  json_builder_add_string_value (builder, self->rule_name);
  json_builder_set_member_name (builder, "rule_id");
  json_builder_add_int_value (builder, self->rule_id);
  json_builder_set_member_name (builder, "since");
  json_builder_add_string_value (builder, since);
  json_builder_set_member_name (builder, "until");
  json_builder_add_string_value (builder, until);
  json_builder_set_member_name (builder, "checkpoints");
  json_builder_add_int_value (builder, self->checkpoints);
  json_builder_set_member_name (builder, "objects");
  json_builder_add_int_value (builder, self->n_objects);

  json_builder_set_member_name (builder, "firings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->firings->len; i++)
    firing_to_json (g_ptr_array_index (self->firings, i), builder);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "totals");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->totals->len; i++)
    {
      FdBacktestTotal *t = &g_array_index (self->totals, FdBacktestTotal, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "currency");
      json_builder_add_string_value (builder, t->currency);
      json_builder_set_member_name (builder, "firings");
      json_builder_add_int_value (builder, t->firings);
      json_builder_set_member_name (builder, "spend_avoided");
      json_builder_add_double_value (builder, t->spend_avoided);
      json_builder_set_member_name (builder, "spend_added");
      json_builder_add_double_value (builder, t->spend_added);
      json_builder_set_member_name (builder, "spend_removed");
      json_builder_add_double_value (builder, t->spend_removed);
      json_builder_set_member_name (builder, "value_forgone");
      json_builder_add_double_value (builder, t->value_forgone);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "notices");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->notices->len; i++)
    {
      FdTriageNotice *notice = g_ptr_array_index (self->notices, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "object_id");
      json_builder_add_string_value (builder, fd_triage_notice_get_object_id (notice));
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, fd_triage_notice_get_kind (notice));
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, fd_triage_notice_get_message (notice));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
}

/**
 * fd_backtest_run_text:
 * @text: one rule, as typed (saved or not)
 * @since: the first day, "YYYY-MM-DD"
 * @until: the last day
 *
 * Back-tests a rule that may not be saved: what the editor holds.
 *
 * Returns: (transfer full): the result, or %NULL with @error set (the
 *   text's first problem, with its line and column, or a bad date)
 */
FdBacktest *
fd_backtest_run_text (FdStore       *store,
                      const char    *text,
                      const char    *since,
                      const char    *until,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(FdRuleDef) def = NULL;
  int since_day, until_day;

  if (!parse_range (since, until, &since_day, &until_day, error) ||
      !(def = fd_rule_parse_one (text, error)))
    return NULL;

  return fd_backtest_run (store, def, 0, since_day, until_day, cancellable, error);
}
