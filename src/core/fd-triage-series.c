/* fd-triage-series.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-triage"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "fd-backtest.h"
#include "fd-core-error.h"
#include "fd-replay.h"
#include "fd-rulebook.h"

/* What a chart of a rule on one object needs: at every checkpoint of a
 * time range (hourly where the object has hourly rows, else daily), the two
 * sides of each comparison in the rule's condition — "cpa(1d)" against
 * "target_cpa * 1.4" — whether the whole rule held there, where it would
 * have fired (its cooldown simulated) and where it did fire (recorded
 * decisions). Values are NAN where there is no data. */

typedef struct
{
  char             *label;
  const char       *role;
  FdRuleUnit        unit;
  const FdRuleExpr *expr;
  GArray           *values;
} Line;

struct _FdTriageSeries
{
  GObject    parent_instance;

  GArray    *times;       /* gint64 */
  GArray    *held;        /* gboolean */
  GPtrArray *lines;       /* Line */
  GArray    *firings;     /* gint64 */
  GArray    *decisions;   /* gint64 */
  char      *currency;
};

G_DEFINE_FINAL_TYPE (FdTriageSeries, fd_triage_series, G_TYPE_OBJECT)

static void
line_free (Line *line)
{
  g_free (line->label);
  g_array_unref (line->values);
  g_free (line);
}

static void
fd_triage_series_finalize (GObject *object)
{
  FdTriageSeries *self = (FdTriageSeries *)object;

  g_array_unref (self->times);
  g_array_unref (self->held);
  g_ptr_array_unref (self->lines);
  g_array_unref (self->firings);
  g_array_unref (self->decisions);
  g_free (self->currency);

  G_OBJECT_CLASS (fd_triage_series_parent_class)->finalize (object);
}

static void
fd_triage_series_class_init (FdTriageSeriesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fd_triage_series_finalize;
}

static void
fd_triage_series_init (FdTriageSeries *self)
{
  self->times = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->held = g_array_new (FALSE, FALSE, sizeof (gboolean));
  self->lines = g_ptr_array_new_with_free_func ((GDestroyNotify)line_free);
  self->firings = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->decisions = g_array_new (FALSE, FALSE, sizeof (gint64));
}

static void
add_line (FdTriageSeries   *self,
          const FdRuleExpr *side,
          const FdRuleExpr *other,
          const char       *role)
{
  Line *line = g_new0 (Line, 1);

  line->label = fd_rule_expr_to_string (side);
  line->role = role;
  line->unit = side->unit != FD_RULE_UNIT_NUMBER ? side->unit : other->unit;
  line->expr = side;
  line->values = g_array_new (FALSE, FALSE, sizeof (double));
  g_ptr_array_add (self->lines, line);
}

static void
collect_lines (FdTriageSeries   *self,
               const FdRuleExpr *expr)
{
  if (expr == NULL)
    return;

  switch (expr->kind)
    {
    case FD_RULE_EXPR_LT:
    case FD_RULE_EXPR_LE:
    case FD_RULE_EXPR_GT:
    case FD_RULE_EXPR_GE:
    case FD_RULE_EXPR_EQ:
    case FD_RULE_EXPR_NE:
      add_line (self, expr->left, expr->right, "value");
      add_line (self, expr->right, expr->left, "threshold");
      break;
    case FD_RULE_EXPR_AND:
    case FD_RULE_EXPR_OR:
    case FD_RULE_EXPR_NOT:
    case FD_RULE_EXPR_FOR:
      collect_lines (self, expr->left);
      collect_lines (self, expr->right);
      break;
    default:
      break;
    }
}

typedef struct
{
  FdTriageSeries *self;
  gint64          since;
  gint64          until;
  gint64          cooldown;
  gint64          quiet_until;
  gboolean        target_missing;
} Chart;

static gboolean
chart_checkpoint (FdReplay *replay,
                  guint     object,
                  gint64    at,
                  gpointer  data)
{
  Chart *chart = data;
  FdTriageSeries *self = chart->self;
  gboolean held;

  if (at < chart->since)
    return TRUE;
  if (at > chart->until)
    return FALSE;

  held = !chart->target_missing && fd_replay_holds (replay, at);
  g_array_append_val (self->times, at);
  g_array_append_val (self->held, held);

  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = g_ptr_array_index (self->lines, i);
      double value = fd_rule_eval_value (fd_replay_get_eval (replay), line->expr, at);

      g_array_append_val (line->values, value);
    }

  if (held && at >= chart->quiet_until)
    {
      g_array_append_val (self->firings, at);
      chart->quiet_until = at + chart->cooldown;
    }

  return TRUE;
}

static gboolean
load_decisions (FdTriageSeries  *self,
                FdStore         *store,
                gint64           rule_id,
                const char      *object_id,
                gint64           since,
                gint64           until,
                GError         **error)
{
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  stmt = fd_store_stmt (store,
                        "SELECT evaluated_us FROM triage_decision WHERE rule_id = ? AND object_id = ? "
                        "AND evaluated_us BETWEEN ? AND ? ORDER BY evaluated_us",
                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, rule_id);
  fd_stmt_bind_text (stmt, 2, object_id);
  sqlite3_bind_int64 (stmt, 3, since);
  sqlite3_bind_int64 (stmt, 4, until);

  for (;;)
    {
      gint64 at;

      if (!fd_store_step (store, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;

      at = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (self->decisions, at);
    }

  return TRUE;
}

/**
 * fd_triage_series_load:
 * @rule_id: a stored rule, at its current version
 * @object_id: a campaign, ad set or ad at the rule's level
 * @since: the first instant to chart (UTC µs)
 * @until: the last
 *
 * Computes the series a chart of @rule_id on @object_id shows. Run it on a
 * worker thread (FdTriageEngine does).
 *
 * Returns: (transfer full): the series, or %NULL with @error set
 */
FdTriageSeries *
fd_triage_series_load (FdStore       *store,
                       gint64         rule_id,
                       const char    *object_id,
                       gint64         since,
                       gint64         until,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(FdTriageSeries) self = g_object_new (FD_TYPE_TRIAGE_SERIES, NULL);
  g_autoptr(FdRule) rule = NULL;
  g_autoptr(FdRuleDef) def = NULL;
  g_autoptr(FdReplay) replay = NULL;
  g_autofree char *missing = NULL;
  Chart chart = { 0 };
  int since_day, until_day;

  g_return_val_if_fail (FD_IS_STORE (store), NULL);
  g_return_val_if_fail (object_id != NULL, NULL);

  if (!(rule = fd_rulebook_get (store, rule_id, error)) ||
      !(def = fd_rule_get_definition (rule, error)))
    return NULL;

  if (until < since || until - since > 400 * G_TIME_SPAN_DAY)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                   _("A chart spans between one hour and 400 days."));
      return NULL;
    }

  /* Local days overlapping the range, whatever the zone. */
  since_day = (int)(since / G_TIME_SPAN_DAY) - 1;
  until_day = (int)(until / G_TIME_SPAN_DAY) + 1;

  if (!(replay = fd_replay_new (store, def, object_id, since_day, until_day, error)))
    return NULL;

  if (fd_insight_cube_get_n_objects (fd_replay_get_cube (replay)) == 0)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_FOUND,
                   _("There is no %s %s for rule “%s” to chart."),
                   fd_rule_level_to_string (def->level), object_id, def->name);
      return NULL;
    }

  collect_lines (self, def->when);
  missing = fd_replay_missing_target (replay, 0);
  self->currency = g_strdup (fd_insight_cube_get_account (fd_replay_get_cube (replay),
                                                          fd_insight_cube_get_object (fd_replay_get_cube (replay), 0)->account)->currency);

  chart.self = self;
  chart.since = since;
  chart.until = until;
  chart.cooldown = fd_rule_def_get_cooldown (def);
  chart.quiet_until = G_MININT64;
  chart.target_missing = missing != NULL;

  if (!fd_replay_each (replay, chart_checkpoint, &chart, cancellable, NULL, error) ||
      !load_decisions (self, store, rule_id, object_id, since, until, error))
    return NULL;

  return g_steal_pointer (&self);
}

guint
fd_triage_series_get_n_points (FdTriageSeries *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_SERIES (self), 0);
  return self->times->len;
}

/**
 * fd_triage_series_get_times:
 *
 * Returns: (array): the checkpoints, UTC µs, one per point
 */
const gint64 *
fd_triage_series_get_times (FdTriageSeries *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_SERIES (self), NULL);
  return (const gint64 *)self->times->data;
}

/**
 * fd_triage_series_get_held:
 *
 * Returns: (array): per point, whether the rule (with its guardrails) held
 */
const gboolean *
fd_triage_series_get_held (FdTriageSeries *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_SERIES (self), NULL);
  return (const gboolean *)self->held->data;
}

/**
 * fd_triage_series_get_n_lines:
 *
 * Returns: the number of lines: two per comparison, its value and its
 *   threshold
 */
guint
fd_triage_series_get_n_lines (FdTriageSeries *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_SERIES (self), 0);
  return self->lines->len;
}

const char *
fd_triage_series_get_line_label (FdTriageSeries *self,
                                 guint           line)
{
  g_return_val_if_fail (line < self->lines->len, NULL);
  return ((Line *)g_ptr_array_index (self->lines, line))->label;
}

/**
 * fd_triage_series_get_line_role:
 *
 * Returns: "value" (the left side of a comparison) or "threshold" (what
 *   it is compared with)
 */
const char *
fd_triage_series_get_line_role (FdTriageSeries *self,
                                guint           line)
{
  g_return_val_if_fail (line < self->lines->len, NULL);
  return ((Line *)g_ptr_array_index (self->lines, line))->role;
}

FdRuleUnit
fd_triage_series_get_line_unit (FdTriageSeries *self,
                                guint           line)
{
  g_return_val_if_fail (line < self->lines->len, FD_RULE_UNIT_NUMBER);
  return ((Line *)g_ptr_array_index (self->lines, line))->unit;
}

/**
 * fd_triage_series_get_line_values:
 *
 * Returns: (array): one value per point; money in major units; NAN for no
 *   data
 */
const double *
fd_triage_series_get_line_values (FdTriageSeries *self,
                                  guint           line)
{
  g_return_val_if_fail (line < self->lines->len, NULL);
  return (const double *)((Line *)g_ptr_array_index (self->lines, line))->values->data;
}

/**
 * fd_triage_series_get_firings:
 *
 * Returns: (transfer none) (element-type gint64): where the rule would
 *   have fired, with its cooldown
 */
GArray *
fd_triage_series_get_firings (FdTriageSeries *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_SERIES (self), NULL);
  return self->firings;
}

/**
 * fd_triage_series_get_decisions:
 *
 * Returns: (transfer none) (element-type gint64): when recorded decisions
 *   of the rule on the object were made
 */
GArray *
fd_triage_series_get_decisions (FdTriageSeries *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_SERIES (self), NULL);
  return self->decisions;
}

const char *
fd_triage_series_get_currency (FdTriageSeries *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_SERIES (self), NULL);
  return self->currency;
}
