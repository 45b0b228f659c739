/* fd-rule-parse-expr.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-rule"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-rule-metric.h"
#include "fd-rule-parser-private.h"

/* The conditions of the rule language: "or" binds loosest, then "and",
 * "not", "for" (after one comparison), comparisons, sums, products, unary
 * minus, and the atoms — see the grammar in fd-rule-parser.c. */

/* Bounds on a condition's tree, so that everything that walks it
 * recursively (checker, printer, evaluator) stays shallow. */
#define MAX_DEPTH          64
#define MAX_OPERATORS      256

static FdRuleExpr *parse_or (FdParser *p);

static FdRuleExpr *
binary (FdRuleExprKind  kind,
        FdRuleExpr     *left,
        FdRuleExpr     *right)
{
  FdRuleSpan span = _fd_parser_span_between (&left->span, &right->span);
  FdRuleExpr *expr = fd_rule_expr_new (kind, &span);

  expr->left = left;
  expr->right = right;
  return expr;
}

static FdRuleExpr *
parse_metric_call (FdParser  *p,
                   FdToken *name,
                   int      metric)
{
  g_autoptr(FdRuleExpr) expr = NULL;
  g_autofree char *before = NULL;
  FdRuleSpan span;

  if (_fd_parser_peek (p)->kind != FD_TOKEN_LPAREN)
    {
      _fd_parser_fail (p, name, _("\"%s\" needs a window: write %s(3d) for the last three days"),
            name->text, fd_rule_metric_get (metric)->name);
      return NULL;
    }
  _fd_parser_next (p);

  before = g_strdup_printf ("%s(", name->text);
  expr = fd_rule_expr_new (FD_RULE_EXPR_METRIC, &name->span);
  expr->metric = metric;

  if (!_fd_parser_parse_window (p, before, &expr->duration, &expr->in_hours))
    return NULL;

  if (!_fd_parser_expect (p, FD_TOKEN_RPAREN, _("expected \")\" after the window")))
    return NULL;

  span = _fd_parser_span_between (&name->span, _fd_parser_previous_span (p));
  expr->span = span;
  return g_steal_pointer (&expr);
}

static FdRuleExpr *
parse_decay (FdParser  *p,
             FdToken *name)
{
  g_autoptr(FdRuleExpr) expr = fd_rule_expr_new (FD_RULE_EXPR_DECAY, &name->span);
  g_autofree char *before = NULL;
  FdToken *metric;

  if (!_fd_parser_expect (p, FD_TOKEN_LPAREN, _("\"decay\" needs a metric and a window: decay(ctr, 7d)")))
    return NULL;

  metric = _fd_parser_peek (p);
  if (metric->kind != FD_TOKEN_WORD || (expr->metric = fd_rule_metric_lookup (metric->text)) < 0)
    {
      g_autofree char *suggestion = metric->kind == FD_TOKEN_WORD ? fd_rule_metric_suggest (metric->text) : NULL;

      if (suggestion != NULL)
        _fd_parser_fail (p, metric, _("unknown metric \"%s\"; did you mean \"%s\"?"), metric->text, suggestion);
      else
        _fd_parser_fail (p, metric, _("expected a metric after \"decay(\", such as decay(ctr, 7d)"));
      return NULL;
    }
  _fd_parser_next (p);

  if (_fd_parser_peek (p)->kind == FD_TOKEN_LPAREN)
    {
      _fd_parser_fail (p, _fd_parser_peek (p), _("inside decay the metric has no window of its own: write decay(%s, 7d)"),
            metric->text);
      return NULL;
    }

  if (!_fd_parser_expect (p, FD_TOKEN_COMMA, _("expected \",\" and a window after the metric, as in decay(ctr, 7d)")))
    return NULL;

  before = g_strdup_printf ("decay(%s, ", metric->text);
  if (!_fd_parser_parse_window (p, before, &expr->duration, &expr->in_hours) ||
      !_fd_parser_expect (p, FD_TOKEN_RPAREN, _("expected \")\" after the window")))
    return NULL;

  expr->span = _fd_parser_span_between (&name->span, _fd_parser_previous_span (p));
  return g_steal_pointer (&expr);
}

static FdRuleExpr *
parse_word_atom (FdParser *p)
{
  FdToken *token = _fd_parser_next (p);
  g_autofree char *suggestion = NULL;
  int metric;

  if (_fd_parser_is_word (token, "target_cpa"))
    return fd_rule_expr_new (FD_RULE_EXPR_TARGET_CPA, &token->span);
  if (_fd_parser_is_word (token, "target_roas"))
    return fd_rule_expr_new (FD_RULE_EXPR_TARGET_ROAS, &token->span);
  if (_fd_parser_is_word (token, "daily_budget"))
    return fd_rule_expr_new (FD_RULE_EXPR_DAILY_BUDGET, &token->span);
  if (_fd_parser_is_word (token, "decay"))
    return parse_decay (p, token);

  if ((metric = fd_rule_metric_lookup (token->text)) >= 0)
    return parse_metric_call (p, token, metric);

  if (_fd_parser_is_clause_word (token) || _fd_parser_is_word (token, "and") || _fd_parser_is_word (token, "or") ||
      _fd_parser_is_word (token, "for") || _fd_parser_is_word (token, "not"))
    {
      _fd_parser_fail (p, token, _("expected a metric or a number before \"%s\""), token->text);
      return NULL;
    }

  suggestion = fd_rule_metric_suggest (token->text);
  if (suggestion == NULL && g_str_has_prefix (token->text, "target"))
    suggestion = g_strdup ("target_cpa");

  if (suggestion != NULL)
    _fd_parser_fail (p, token, _("unknown metric \"%s\"; did you mean \"%s\"?"), token->text, suggestion);
  else
    _fd_parser_fail (p, token, _("unknown metric \"%s\"; metrics include roas, cpa, ctr, cpc, cpm, "
                      "frequency and spend"), token->text);
  return NULL;
}

static FdRuleExpr *
parse_atom (FdParser *p)
{
  FdToken *token = _fd_parser_peek (p);

  switch (token->kind)
    {
    case FD_TOKEN_NUMBER:
      {
        FdRuleExpr *expr = fd_rule_expr_new (FD_RULE_EXPR_NUMBER, &token->span);

        expr->value = _fd_parser_next (p)->number;
        if (_fd_parser_peek (p)->kind == FD_TOKEN_PERCENT)
          {
            _fd_parser_next (p);
            expr->percent = TRUE;
            expr->span = _fd_parser_span_between (&token->span, _fd_parser_previous_span (p));
          }
        return expr;
      }

    case FD_TOKEN_LPAREN:
      {
        FdToken *open = _fd_parser_next (p);
        g_autoptr(FdRuleExpr) inner = parse_or (p);

        if (inner == NULL)
          return NULL;

        if (_fd_parser_peek (p)->kind != FD_TOKEN_RPAREN)
          {
            _fd_parser_fail (p, _fd_parser_peek (p), _("expected \")\" to close the \"(\" at line %u, column %u"),
                  open->span.line, open->span.column);
            return NULL;
          }
        _fd_parser_next (p);

        /* The parentheses belong to what they hold, for editors to mark. */
        inner->span = _fd_parser_span_between (&open->span, _fd_parser_previous_span (p));
        return g_steal_pointer (&inner);
      }

    case FD_TOKEN_WORD:
      return parse_word_atom (p);

    case FD_TOKEN_DURATION:
      _fd_parser_fail (p, token, _("a window belongs in parentheses after a metric, as in roas(%.*s)"),
            (int)token->span.length, p->text + token->span.offset);
      return NULL;

    case FD_TOKEN_STRING:
      _fd_parser_fail (p, token, _("text in quotes cannot be compared; expected a metric or a number"));
      return NULL;

    case FD_TOKEN_EOF:
      _fd_parser_fail (p, token, _("the condition ends too early: expected a metric or a number"));
      return NULL;

    default:
      {
        g_autofree char *found = _fd_parser_describe (p, token);

        _fd_parser_fail (p, token, _("expected a metric or a number, found %s"), found);
        return NULL;
      }
    }
}

static gboolean
enter (FdParser *p)
{
  if (++p->depth > MAX_DEPTH)
    return _fd_parser_fail (p, _fd_parser_peek (p), _("the condition is nested too deeply"));

  return TRUE;
}

static gboolean
grow (FdParser *p)
{
  if (++p->operators > MAX_OPERATORS)
    return _fd_parser_fail (p, _fd_parser_peek (p), _("the condition is too long; split it into several rules"));

  return TRUE;
}

static FdRuleExpr *
parse_unary (FdParser *p)
{
  FdToken *token = _fd_parser_peek (p);
  g_autoptr(FdRuleExpr) operand = NULL;
  FdRuleExpr *expr;

  if (token->kind != FD_TOKEN_MINUS && token->kind != FD_TOKEN_PLUS)
    return parse_atom (p);

  _fd_parser_next (p);
  if (!enter (p))
    return NULL;
  operand = parse_unary (p);
  p->depth--;

  if (operand == NULL || token->kind == FD_TOKEN_PLUS)
    return g_steal_pointer (&operand);

  /* A negative literal is a number, so that "-30%" prints back as written. */
  if (operand->kind == FD_RULE_EXPR_NUMBER)
    {
      operand->value = -operand->value;
      operand->span = _fd_parser_span_between (&token->span, &operand->span);
      return g_steal_pointer (&operand);
    }

  expr = fd_rule_expr_new (FD_RULE_EXPR_NEG, &token->span);
  expr->span = _fd_parser_span_between (&token->span, &operand->span);
  expr->left = g_steal_pointer (&operand);
  return expr;
}

static FdRuleExpr *
parse_product (FdParser *p)
{
  g_autoptr(FdRuleExpr) left = parse_unary (p);

  while (left != NULL)
    {
      FdTokenKind kind = _fd_parser_peek (p)->kind;
      FdRuleExpr *right;

      if (kind != FD_TOKEN_STAR && kind != FD_TOKEN_SLASH)
        break;
      _fd_parser_next (p);

      if (!grow (p))
        return NULL;

      if (!(right = parse_unary (p)))
        return NULL;
      left = binary (kind == FD_TOKEN_STAR ? FD_RULE_EXPR_MUL : FD_RULE_EXPR_DIV,
                     g_steal_pointer (&left), right);
    }

  return g_steal_pointer (&left);
}

static FdRuleExpr *
parse_sum (FdParser *p)
{
  g_autoptr(FdRuleExpr) left = parse_product (p);

  while (left != NULL)
    {
      FdTokenKind kind = _fd_parser_peek (p)->kind;
      FdRuleExpr *right;

      if (kind != FD_TOKEN_PLUS && kind != FD_TOKEN_MINUS)
        break;
      _fd_parser_next (p);

      if (!grow (p))
        return NULL;

      if (!(right = parse_product (p)))
        return NULL;
      left = binary (kind == FD_TOKEN_PLUS ? FD_RULE_EXPR_ADD : FD_RULE_EXPR_SUB,
                     g_steal_pointer (&left), right);
    }

  return g_steal_pointer (&left);
}

static int
comparison_kind (FdTokenKind kind)
{
  switch (kind)
    {
    case FD_TOKEN_LT: return FD_RULE_EXPR_LT;
    case FD_TOKEN_LE: return FD_RULE_EXPR_LE;
    case FD_TOKEN_GT: return FD_RULE_EXPR_GT;
    case FD_TOKEN_GE: return FD_RULE_EXPR_GE;
    case FD_TOKEN_EQ: return FD_RULE_EXPR_EQ;
    case FD_TOKEN_NE: return FD_RULE_EXPR_NE;
    default: return -1;
    }
}

static FdRuleExpr *
parse_compare (FdParser *p)
{
  g_autoptr(FdRuleExpr) left = parse_sum (p);
  FdRuleExpr *right;
  int kind;

  if (left == NULL || (kind = comparison_kind (_fd_parser_peek (p)->kind)) < 0)
    return g_steal_pointer (&left);
  _fd_parser_next (p);

  if (!(right = parse_sum (p)))
    return NULL;

  left = binary (kind, g_steal_pointer (&left), right);

  if (comparison_kind (_fd_parser_peek (p)->kind) >= 0)
    {
      _fd_parser_fail (p, _fd_parser_peek (p), _("comparisons cannot be chained: write a < b and b < c"));
      return NULL;
    }

  return g_steal_pointer (&left);
}

static FdRuleExpr *
parse_persist (FdParser *p)
{
  g_autoptr(FdRuleExpr) condition = parse_compare (p);
  FdToken *word = _fd_parser_peek (p);
  FdRuleExpr *expr;

  if (condition == NULL || !_fd_parser_is_word (word, "for"))
    return g_steal_pointer (&condition);
  _fd_parser_next (p);

  expr = fd_rule_expr_new (FD_RULE_EXPR_FOR, &word->span);
  expr->left = g_steal_pointer (&condition);

  if (_fd_parser_peek (p)->kind != FD_TOKEN_DURATION)
    {
      _fd_parser_fail (p, _fd_parser_peek (p), _("expected how long the condition must hold after \"for\", such as 48h"));
      fd_rule_expr_free (expr);
      return NULL;
    }
  expr->in_hours = _fd_parser_peek (p)->in_hours;
  expr->duration = _fd_parser_next (p)->duration;
  expr->span = _fd_parser_span_between (&expr->left->span, _fd_parser_previous_span (p));

  return expr;
}

static FdRuleExpr *
parse_not (FdParser *p)
{
  FdToken *word = _fd_parser_peek (p);
  FdRuleExpr *operand;
  FdRuleExpr *expr;

  if (!_fd_parser_is_word (word, "not"))
    return parse_persist (p);
  _fd_parser_next (p);

  if (!enter (p))
    return NULL;
  operand = parse_not (p);
  p->depth--;

  if (operand == NULL)
    return NULL;

  expr = fd_rule_expr_new (FD_RULE_EXPR_NOT, &word->span);
  expr->span = _fd_parser_span_between (&word->span, &operand->span);
  expr->left = operand;
  return expr;
}

static FdRuleExpr *
parse_and (FdParser *p)
{
  g_autoptr(FdRuleExpr) left = parse_not (p);

  while (left != NULL && _fd_parser_accept_word (p, "and"))
    {
      FdRuleExpr *right;

      if (!grow (p))
        return NULL;

      right = parse_not (p);

      if (right == NULL)
        return NULL;
      left = binary (FD_RULE_EXPR_AND, g_steal_pointer (&left), right);
    }

  return g_steal_pointer (&left);
}

static FdRuleExpr *
parse_or (FdParser *p)
{
  g_autoptr(FdRuleExpr) left = NULL;

  if (!enter (p))
    return NULL;

  left = parse_and (p);
  while (left != NULL && _fd_parser_accept_word (p, "or"))
    {
      FdRuleExpr *right = grow (p) ? parse_and (p) : NULL;

      if (right == NULL)
        {
          p->depth--;
          return NULL;
        }
      left = binary (FD_RULE_EXPR_OR, g_steal_pointer (&left), right);
    }

  p->depth--;
  return g_steal_pointer (&left);
}

/* A condition must end where a clause begins; anything else is a mistake
 * worth naming precisely. */
FdRuleExpr *
_fd_parser_parse_condition (FdParser   *p,
                            const char *clause)
{
  g_autoptr(FdRuleExpr) condition = NULL;
  FdToken *after;

  p->depth = 0;
  p->operators = 0;

  if (_fd_parser_peek (p)->kind == FD_TOKEN_EOF || _fd_parser_is_clause_word (_fd_parser_peek (p)))
    {
      _fd_parser_fail (p, _fd_parser_peek (p), _("\"%s\" needs a condition, such as roas(3d) < 1.4"), clause);
      return NULL;
    }

  if (!(condition = parse_or (p)))
    return NULL;

  after = _fd_parser_peek (p);
  if (after->kind != FD_TOKEN_EOF && !_fd_parser_is_clause_word (after))
    {
      g_autofree char *found = _fd_parser_describe (p, after);

      if (_fd_parser_is_word (after, "for"))
        _fd_parser_fail (p, after, _("\"for\" follows a single comparison; put parentheses around "
                          "what must hold, as in (a and b) for 48h"));
      else
        _fd_parser_fail (p, after, _("unexpected %s after the condition: expected \"and\", \"or\", "
                          "\"for\" or the next clause"), found);
      return NULL;
    }

  return g_steal_pointer (&condition);
}

