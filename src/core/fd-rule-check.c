/* fd-rule-check.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-rule"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-rule-metric.h"
#include "fd-rule-parser.h"

/* The checker: what parses but cannot mean anything. Units first — every
 * value is money, a count, a ratio or a percentage, and a comparison must
 * compare like with like (a bare number adapts) — then what a rule at its
 * level may read and do, then the guardrails' ranges.
 *
 * Percent literals: compared with a percentage (ctr(1d) > 3.5%) or added
 * to one, 3.5% is the number 3.5 (CTR is in percent, as Ads Manager shows
 * it). Multiplying or dividing, 140% is the factor 1.4, so
 * "target_cpa * 140%" and "target_cpa * 1.4" are the same. */

#define MAX_WINDOW    (365 * G_TIME_SPAN_DAY)
#define MAX_FOR       (30 * G_TIME_SPAN_DAY)
#define MAX_COOLDOWN  (90 * G_TIME_SPAN_DAY)

typedef struct
{
  FdRuleDef *def;
  GPtrArray *diagnostics;
  guint      errors;
} Checker;

static void check_error (Checker *c, const FdRuleSpan *span, const char *format, ...) G_GNUC_PRINTF (3, 4);

static void
check_error (Checker          *c,
             const FdRuleSpan *span,
             const char       *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  _fd_rule_add_diagnostic (c->diagnostics, span, "%s", message);
  c->errors++;
}

static char *
quote_expr (const FdRuleExpr *expr)
{
  g_autofree char *text = fd_rule_expr_to_string (expr);

  if (g_utf8_strlen (text, -1) > 40)
    return g_strdup (_("this value"));

  return g_strdup_printf ("\"%s\"", text);
}

static gboolean
is_numeric (FdRuleUnit unit)
{
  return unit != FD_RULE_UNIT_BOOL;
}

static FdRuleUnit check_expr (Checker *c, FdRuleExpr *expr);

static gboolean
require_condition (Checker          *c,
                   FdRuleExpr       *operand,
                   FdRuleUnit        unit,
                   const char       *word)
{
  g_autofree char *what = NULL;

  if (unit == FD_RULE_UNIT_BOOL)
    return TRUE;

  what = quote_expr (operand);
  check_error (c, &operand->span,
               _("\"%s\" works on conditions, but %s is a value: compare it, as in roas(3d) < 1.4"),
               word, what);
  return FALSE;
}

static gboolean
require_value (Checker    *c,
               FdRuleExpr *operand,
               FdRuleUnit  unit)
{
  if (is_numeric (unit))
    return TRUE;

  check_error (c, &operand->span,
               _("a condition cannot be used as a value here; compare metrics and numbers"));
  return FALSE;
}

/* In products and quotients a percent literal is a factor: 140% = 1.4. */
static FdRuleUnit
as_factor (FdRuleExpr *operand,
           FdRuleUnit  unit)
{
  if (operand->kind == FD_RULE_EXPR_NUMBER && operand->percent)
    {
      operand->factor = TRUE;
      operand->unit = FD_RULE_UNIT_NUMBER;
      return FD_RULE_UNIT_NUMBER;
    }

  return unit;
}

typedef enum
{
  MISMATCH_ADD,
  MISMATCH_MUL,
  MISMATCH_DIV,
  MISMATCH_COMPARE,
} Mismatch;

static FdRuleUnit
mismatch (Checker    *c,
          FdRuleExpr *expr,
          Mismatch    what)
{
  g_autofree char *a = quote_expr (expr->left);
  g_autofree char *b = quote_expr (expr->right);
  const char *ua = fd_rule_unit_describe (expr->left->unit);
  const char *ub = fd_rule_unit_describe (expr->right->unit);

  switch (what)
    {
    case MISMATCH_ADD:
      check_error (c, &expr->span, _("cannot add or subtract %s (%s) and %s (%s)"), a, ua, b, ub);
      break;
    case MISMATCH_MUL:
      check_error (c, &expr->span, _("cannot multiply %s (%s) by %s (%s)"), a, ua, b, ub);
      break;
    case MISMATCH_DIV:
      check_error (c, &expr->span, _("cannot divide %s (%s) by %s (%s)"), a, ua, b, ub);
      break;
    case MISMATCH_COMPARE:
      check_error (c, &expr->span, _("this compares %s (%s) with %s (%s)"), a, ua, b, ub);
      break;
    default:
      g_assert_not_reached ();
    }

  return FD_RULE_UNIT_NUMBER;
}

static FdRuleUnit
check_arithmetic (Checker    *c,
                  FdRuleExpr *expr,
                  FdRuleUnit  a,
                  FdRuleUnit  b)
{
  switch (expr->kind)
    {
    case FD_RULE_EXPR_ADD:
    case FD_RULE_EXPR_SUB:
      if (a == FD_RULE_UNIT_NUMBER)
        return b;
      if (b == FD_RULE_UNIT_NUMBER || a == b)
        return a;
      return mismatch (c, expr, MISMATCH_ADD);

    case FD_RULE_EXPR_MUL:
      a = as_factor (expr->left, a);
      b = as_factor (expr->right, b);
      if (a == FD_RULE_UNIT_NUMBER || a == FD_RULE_UNIT_RATIO)
        return b;
      if (b == FD_RULE_UNIT_NUMBER || b == FD_RULE_UNIT_RATIO)
        return a;
      return mismatch (c, expr, MISMATCH_MUL);

    case FD_RULE_EXPR_DIV:
      a = as_factor (expr->left, a);
      b = as_factor (expr->right, b);
      if (b == FD_RULE_UNIT_NUMBER || b == FD_RULE_UNIT_RATIO)
        return a;
      if (a == b)
        return FD_RULE_UNIT_RATIO;
      if (a == FD_RULE_UNIT_MONEY && b == FD_RULE_UNIT_COUNT)
        return FD_RULE_UNIT_MONEY;
      return mismatch (c, expr, MISMATCH_DIV);

    default:
      g_assert_not_reached ();
    }
}

static void
check_comparison (Checker    *c,
                  FdRuleExpr *expr,
                  FdRuleUnit  a,
                  FdRuleUnit  b)
{
  FdRuleExpr *ratio = NULL;
  FdRuleExpr *percent = NULL;

  if (a == FD_RULE_UNIT_NUMBER || b == FD_RULE_UNIT_NUMBER || a == b)
    return;

  if (a == FD_RULE_UNIT_RATIO && expr->right->kind == FD_RULE_EXPR_NUMBER && expr->right->percent)
    ratio = expr->left, percent = expr->right;
  else if (b == FD_RULE_UNIT_RATIO && expr->left->kind == FD_RULE_EXPR_NUMBER && expr->left->percent)
    ratio = expr->right, percent = expr->left;

  if (ratio != NULL)
    {
      g_autofree char *what = quote_expr (ratio);
      g_autofree char *plain = fd_rule_format_number (percent->value / 100);
      g_autofree char *written = fd_rule_format_number (percent->value);

      check_error (c, &percent->span,
                   _("%s is a ratio, not a percentage: write %s instead of %s%%"),
                   what, plain, written);
      return;
    }

  mismatch (c, expr, MISMATCH_COMPARE);
}

static void
check_window (Checker    *c,
              FdRuleExpr *expr)
{
  const FdRuleMetric *metric = fd_rule_metric_get (expr->metric);

  if (expr->duration < G_TIME_SPAN_HOUR)
    check_error (c, &expr->span, _("a window is at least one hour long"));
  else if (expr->duration > MAX_WINDOW)
    check_error (c, &expr->span, _("a window is at most 365 days long"));
  else if (fd_rule_metric_is_daily_only (expr->metric) && expr->duration % G_TIME_SPAN_DAY != 0)
    check_error (c, &expr->span,
                 _("Meta reports %s by day only: use a window of whole days, such as %s(7d)"),
                 metric->name, metric->name);
}

static FdRuleUnit
check_leaf (Checker    *c,
            FdRuleExpr *expr)
{
  FdRuleLevel level = c->def->level;

  switch (expr->kind)
    {
    case FD_RULE_EXPR_NUMBER:
      return expr->percent ? FD_RULE_UNIT_PERCENT : FD_RULE_UNIT_NUMBER;

    case FD_RULE_EXPR_METRIC:
      check_window (c, expr);
      return fd_rule_metric_get (expr->metric)->unit;

    case FD_RULE_EXPR_DECAY:
      check_window (c, expr);
      return FD_RULE_UNIT_PERCENT;

    case FD_RULE_EXPR_TARGET_CPA:
    case FD_RULE_EXPR_TARGET_ROAS:
      if (level == FD_RULE_LEVEL_AD)
        check_error (c, &expr->span,
                     _("targets are set on ad sets and campaigns; a rule at level ad cannot "
                       "use %s"),
                     expr->kind == FD_RULE_EXPR_TARGET_CPA ? "target_cpa" : "target_roas");
      return expr->kind == FD_RULE_EXPR_TARGET_CPA ? FD_RULE_UNIT_MONEY : FD_RULE_UNIT_RATIO;

    case FD_RULE_EXPR_DAILY_BUDGET:
      if (level == FD_RULE_LEVEL_AD)
        check_error (c, &expr->span,
                     _("ads have no budget of their own; daily_budget needs level adset or campaign"));
      return FD_RULE_UNIT_MONEY;

    default:
      g_assert_not_reached ();
    }
}

static FdRuleUnit
check_expr (Checker    *c,
            FdRuleExpr *expr)
{
  FdRuleUnit a, b;

  switch (expr->kind)
    {
    case FD_RULE_EXPR_NUMBER:
    case FD_RULE_EXPR_METRIC:
    case FD_RULE_EXPR_DECAY:
    case FD_RULE_EXPR_TARGET_CPA:
    case FD_RULE_EXPR_TARGET_ROAS:
    case FD_RULE_EXPR_DAILY_BUDGET:
      return expr->unit = check_leaf (c, expr);

    case FD_RULE_EXPR_NEG:
      a = check_expr (c, expr->left);
      require_value (c, expr->left, a);
      return expr->unit = a;

    case FD_RULE_EXPR_ADD:
    case FD_RULE_EXPR_SUB:
    case FD_RULE_EXPR_MUL:
    case FD_RULE_EXPR_DIV:
      a = check_expr (c, expr->left);
      b = check_expr (c, expr->right);
      if (!require_value (c, expr->left, a) || !require_value (c, expr->right, b))
        return expr->unit = FD_RULE_UNIT_NUMBER;
      return expr->unit = check_arithmetic (c, expr, a, b);

    case FD_RULE_EXPR_LT:
    case FD_RULE_EXPR_LE:
    case FD_RULE_EXPR_GT:
    case FD_RULE_EXPR_GE:
    case FD_RULE_EXPR_EQ:
    case FD_RULE_EXPR_NE:
      a = check_expr (c, expr->left);
      b = check_expr (c, expr->right);
      if (require_value (c, expr->left, a) && require_value (c, expr->right, b))
        check_comparison (c, expr, a, b);
      return expr->unit = FD_RULE_UNIT_BOOL;

    case FD_RULE_EXPR_AND:
    case FD_RULE_EXPR_OR:
      a = check_expr (c, expr->left);
      b = check_expr (c, expr->right);
      if (require_condition (c, expr->left, a, expr->kind == FD_RULE_EXPR_AND ? "and" : "or"))
        require_condition (c, expr->right, b, expr->kind == FD_RULE_EXPR_AND ? "and" : "or");
      return expr->unit = FD_RULE_UNIT_BOOL;

    case FD_RULE_EXPR_NOT:
      a = check_expr (c, expr->left);
      require_condition (c, expr->left, a, "not");
      return expr->unit = FD_RULE_UNIT_BOOL;

    case FD_RULE_EXPR_FOR:
      a = check_expr (c, expr->left);
      require_condition (c, expr->left, a, "for");
      if (fd_rule_expr_uses (expr->left, FD_RULE_EXPR_FOR))
        check_error (c, &expr->span,
                     _("\"for\" cannot hold another \"for\"; write one persistence per comparison"));
      if (expr->duration < G_TIME_SPAN_HOUR)
        check_error (c, &expr->span, _("\"for\" needs at least one hour, such as for 48h"));
      else if (expr->duration > MAX_FOR)
        check_error (c, &expr->span, _("\"for\" spans at most 30 days"));
      return expr->unit = FD_RULE_UNIT_BOOL;

    default:
      g_assert_not_reached ();
    }
}

static void
check_condition (Checker    *c,
                 FdRuleExpr *condition,
                 const char *clause)
{
  g_autofree char *what = NULL;

  if (check_expr (c, condition) == FD_RULE_UNIT_BOOL)
    return;

  what = fd_rule_expr_to_string (condition);
  check_error (c, &condition->span,
               _("\"%s\" needs a condition, but \"%s\" is a value: compare it, as in %s < 1.4"),
               clause, what, what);
}

static void
check_budget (Checker      *c,
              FdRuleAction *action)
{
  if (action->percent == 0)
    check_error (c, &action->span, _("a budget change of 0%% changes nothing"));
  else if (action->percent <= -100)
    check_error (c, &action->span, _("a budget cannot drop by 100%% or more; to stop spending, use pause"));
  else if (action->percent > 1000)
    check_error (c, &action->span, _("a budget can grow by at most 1000%% at a time"));

  if (action->has_min && action->has_max && action->min > action->max)
    check_error (c, &action->span, _("min is above max"));

  if ((action->has_min && action->min <= 0) || (action->has_max && action->max <= 0))
    check_error (c, &action->span, _("min and max are daily budgets above zero"));
}

static const FdRuleSpan *
action_span (FdRuleDef        *def,
             FdRuleActionKind  kind)
{
  for (guint i = 0; i < def->actions->len; i++)
    {
      FdRuleAction *action = g_ptr_array_index (def->actions, i);

      if (action->kind == kind)
        return &action->span;
    }

  return &def->span;
}

static void
check_actions (Checker *c)
{
  FdRuleDef *def = c->def;
  guint seen = 0;

  for (guint i = 0; i < def->actions->len; i++)
    {
      FdRuleAction *action = g_ptr_array_index (def->actions, i);
      g_autofree char *text = fd_rule_action_to_string (action);

      if (seen & (1u << action->kind) && action->kind != FD_RULE_ACTION_NOTIFY &&
          action->kind != FD_RULE_ACTION_ESCALATE)
        check_error (c, &action->span, _("this rule already has a %s action"),
                     action->kind == FD_RULE_ACTION_BUDGET ? "budget" : text);
      seen |= 1u << action->kind;

      switch (action->kind)
        {
        case FD_RULE_ACTION_BUDGET:
          if (def->level == FD_RULE_LEVEL_AD)
            check_error (c, &action->span,
                         _("ads have no budget of their own; change budgets in a rule at level "
                           "adset or campaign"));
          check_budget (c, action);
          break;

        case FD_RULE_ACTION_QUEUE_REPLACEMENT:
          if (def->level != FD_RULE_LEVEL_AD && def->level != FD_RULE_LEVEL_NONE)
            check_error (c, &action->span,
                         _("queue_replacement replaces an ad's creative; use it in a rule at level ad"));
          break;

        case FD_RULE_ACTION_ESCALATE:
        case FD_RULE_ACTION_NOTIFY:
          if (action->recipient != NULL && g_strstrip (action->recipient)[0] == '\0')
            check_error (c, &action->span, _("name a role or a person in the quotes"));
          break;

        default:
          break;
        }
    }

  if ((seen & (1u << FD_RULE_ACTION_PAUSE)) && (seen & (1u << FD_RULE_ACTION_RESUME)))
    check_error (c, action_span (def, FD_RULE_ACTION_RESUME), _("a rule cannot both pause and resume"));
  if ((seen & (1u << FD_RULE_ACTION_PAUSE)) && (seen & (1u << FD_RULE_ACTION_BUDGET)))
    check_error (c, action_span (def, FD_RULE_ACTION_BUDGET),
                 _("a rule that pauses has no use for a budget change"));
}

static void
check_guardrails (Checker *c)
{
  FdRuleDef *def = c->def;

  if (def->has_cooldown && def->cooldown > MAX_COOLDOWN)
    check_error (c, &def->span, _("a cooldown is at most 90 days"));

  if (def->has_approval)
    {
      if (def->approver == NULL || g_strstrip (def->approver)[0] == '\0')
        check_error (c, &def->span, _("name who approves, such as by \"account lead\""));
    }
}

/**
 * _fd_rule_check:
 *
 * Checks a rule that parsed, annotating its expressions with their units.
 * Problems are appended to @diagnostics.
 */
void
_fd_rule_check (FdRuleDef *def,
                GPtrArray *diagnostics)
{
  Checker c = { def, diagnostics, 0 };

  if (def->when != NULL)
    check_condition (&c, def->when, "when");

  for (guint i = 0; i < def->requires->len; i++)
    check_condition (&c, g_ptr_array_index (def->requires, i), "require");

  check_actions (&c);
  check_guardrails (&c);
}
