/* fd-rule-parser.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-rule"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-core-error.h"
#include "fd-rule-lexer.h"
#include "fd-rule-metric.h"
#include "fd-rule-parser.h"

/* A recursive-descent parser for the rule language. The grammar (EBNF;
 * words are matched without regard to case, newlines are plain space):
 *
 *   file       = { rule } ;
 *   rule       = "rule" STRING { clause } ;
 *   clause     = "level" ( "campaign" | "adset" | "ad" )
 *              | "when" condition
 *              | "then" action { "," action }
 *              | "require" condition
 *              | "cooldown" ( DURATION | "none" )
 *              | "approval" [ "above" NUMBER ] "by" STRING
 *              | "reason" STRING ;
 *   action     = "pause" | "resume" | "queue_replacement"
 *              | ( "notify" | "alert" ) [ STRING ]
 *              | "escalate" STRING
 *              | "budget" ( "+" | "-" ) NUMBER "%" [ "min" NUMBER ] [ "max" NUMBER ] ;
 *   condition  = or ;
 *   or         = and { "or" and } ;
 *   and        = not { "and" not } ;
 *   not        = "not" not | persist ;
 *   persist    = compare [ "for" DURATION ] ;
 *   compare    = sum [ ( "<" | "<=" | ">" | ">=" | "==" | "=" | "!=" ) sum ] ;
 *   sum        = product { ( "+" | "-" ) product } ;
 *   product    = unary { ( "*" | "/" ) unary } ;
 *   unary      = ( "-" | "+" ) unary | atom ;
 *   atom       = NUMBER [ "%" ] | "(" condition ")"
 *              | METRIC "(" DURATION ")"
 *              | "decay" "(" METRIC "," DURATION ")"
 *              | "target_cpa" | "target_roas" | "daily_budget" ;
 *   DURATION   = DIGITS ( "h" | "d" ) ;           e.g. 48h, 3d
 *   NUMBER     = DIGITS [ "." DIGITS ] ;
 *   STRING     = '"' { character } '"' ;          \" and \\ inside
 *   comment    = "#" { character } end of line ;
 *
 * Whether a condition compares like with like (money with money, a ratio
 * with a plain number) is the checker's job (fd-rule-check.c); the parser
 * only builds the tree. Each error is reported with its line and column,
 * and the parser carries on at the next clause, so an editor can show
 * every problem at once. */

/* Bounds on a condition's tree, so that everything that walks it
 * recursively (checker, printer, evaluator) stays shallow. */
#define MAX_DEPTH          64
#define MAX_OPERATORS      256
#define MAX_DIAGNOSTICS    50

typedef struct
{
  const char *text;
  GArray     *tokens;
  guint       pos;
  GPtrArray  *diagnostics;
  guint       depth;
  guint       operators;
} Parser;

static const char * const clause_words[] = {
  "rule", "level", "when", "then", "require", "cooldown", "approval", "reason",
};

static const char * const action_words[] = {
  "pause", "resume", "budget", "notify", "escalate", "queue_replacement",
};

/*
 * Diagnostics
 */

void
fd_rule_diagnostic_free (FdRuleDiagnostic *diagnostic)
{
  if (diagnostic == NULL)
    return;

  g_free (diagnostic->message);
  g_free (diagnostic);
}

/**
 * fd_rule_diagnostic_to_string:
 *
 * Returns: (transfer full): "line 3, column 18: …"
 */
char *
fd_rule_diagnostic_to_string (const FdRuleDiagnostic *diagnostic)
{
  return g_strdup_printf (_("line %u, column %u: %s"),
                          diagnostic->line, diagnostic->column, diagnostic->message);
}

void
_fd_rule_add_diagnostic (GPtrArray        *diagnostics,
                         const FdRuleSpan *span,
                         const char       *format,
                         ...)
{
  FdRuleDiagnostic *diagnostic;
  va_list args;

  if (diagnostics->len >= MAX_DIAGNOSTICS)
    return;

  diagnostic = g_new0 (FdRuleDiagnostic, 1);
  diagnostic->line = span->line;
  diagnostic->column = span->column;
  diagnostic->offset = span->offset;
  diagnostic->length = span->length;

  va_start (args, format);
  diagnostic->message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (diagnostics, diagnostic);
}

/*
 * Tokens
 */

static FdToken *
peek (Parser *p)
{
  return &g_array_index (p->tokens, FdToken, p->pos);
}

static FdToken *
next (Parser *p)
{
  FdToken *token = peek (p);

  if (token->kind != FD_TOKEN_EOF)
    p->pos++;

  return token;
}

static gboolean
is_word (const FdToken *token,
         const char    *word)
{
  return token->kind == FD_TOKEN_WORD && g_ascii_strcasecmp (token->text, word) == 0;
}

static gboolean
accept_word (Parser     *p,
             const char *word)
{
  if (!is_word (peek (p), word))
    return FALSE;

  next (p);
  return TRUE;
}

static gboolean
is_clause_word (const FdToken *token)
{
  for (guint i = 0; i < G_N_ELEMENTS (clause_words); i++)
    if (is_word (token, clause_words[i]))
      return TRUE;

  return FALSE;
}

/* How a token reads in a message: "roas", "3d", "the end of the text".
 * At most 40 characters (never a cut character), control characters
 * shown as "?". */
static char *
describe (Parser        *p,
          const FdToken *token)
{
  const char *start = p->text + token->span.offset;
  const char *end = start + token->span.length;
  GString *out;
  guint n = 0;

  if (token->kind == FD_TOKEN_EOF)
    return g_strdup (fd_token_kind_describe (FD_TOKEN_EOF));

  out = g_string_new (token->kind == FD_TOKEN_STRING ? NULL : "\"");

  for (const char *c = start; c < end; c = g_utf8_next_char (c))
    {
      if (n++ == 40)
        {
          g_string_append (out, "…");
          break;
        }

      if ((guchar)*c < 0x20 || *c == 0x7f)
        g_string_append_c (out, '?');
      else
        g_string_append_len (out, c, g_utf8_next_char (c) - c);
    }

  if (token->kind != FD_TOKEN_STRING)
    g_string_append_c (out, '"');

  return g_string_free (out, FALSE);
}

static gboolean fail (Parser *p, const FdToken *at, const char *format, ...) G_GNUC_PRINTF (3, 4);

/* Records an error at @at (a lexical error there wins: it says more). */
static gboolean
fail (Parser        *p,
      const FdToken *at,
      const char    *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (at->kind == FD_TOKEN_ERROR)
    {
      _fd_rule_add_diagnostic (p->diagnostics, &at->span, "%s", at->text);
      return FALSE;
    }

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  _fd_rule_add_diagnostic (p->diagnostics, &at->span, "%s", message);
  return FALSE;
}

static FdRuleSpan
span_between (const FdRuleSpan *first,
              const FdRuleSpan *last)
{
  FdRuleSpan span = *first;

  if (last->offset + last->length > first->offset)
    span.length = last->offset + last->length - first->offset;

  return span;
}

/* The span of the token just consumed. */
static const FdRuleSpan *
previous_span (Parser *p)
{
  return &g_array_index (p->tokens, FdToken, p->pos > 0 ? p->pos - 1 : 0).span;
}

/*
 * Expressions
 */

static FdRuleExpr *parse_or (Parser *p);

static FdRuleExpr *
binary (FdRuleExprKind  kind,
        FdRuleExpr     *left,
        FdRuleExpr     *right)
{
  FdRuleSpan span = span_between (&left->span, &right->span);
  FdRuleExpr *expr = fd_rule_expr_new (kind, &span);

  expr->left = left;
  expr->right = right;
  return expr;
}

static gboolean
expect (Parser      *p,
        FdTokenKind  kind,
        const char  *message)
{
  if (peek (p)->kind == kind)
    {
      next (p);
      return TRUE;
    }

  return fail (p, peek (p), "%s", message);
}

static gboolean
parse_window (Parser      *p,
              const char  *written_before,
              gint64      *duration,
              gboolean    *in_hours)
{
  FdToken *token = peek (p);

  if (token->kind == FD_TOKEN_DURATION)
    {
      *in_hours = token->in_hours;
      *duration = next (p)->duration;
      return TRUE;
    }

  if (token->kind == FD_TOKEN_NUMBER)
    return fail (p, token, _("a window needs its unit: write %gd for days or %gh for hours"),
                 token->number, token->number);

  return fail (p, token, _("expected a window such as 3d or 48h after \"%s\""), written_before);
}

static FdRuleExpr *
parse_metric_call (Parser  *p,
                   FdToken *name,
                   int      metric)
{
  g_autoptr(FdRuleExpr) expr = NULL;
  g_autofree char *before = NULL;
  FdRuleSpan span;

  if (peek (p)->kind != FD_TOKEN_LPAREN)
    {
      fail (p, name, _("\"%s\" needs a window: write %s(3d) for the last three days"),
            name->text, fd_rule_metric_get (metric)->name);
      return NULL;
    }
  next (p);

  before = g_strdup_printf ("%s(", name->text);
  expr = fd_rule_expr_new (FD_RULE_EXPR_METRIC, &name->span);
  expr->metric = metric;

  if (!parse_window (p, before, &expr->duration, &expr->in_hours))
    return NULL;

  if (!expect (p, FD_TOKEN_RPAREN, _("expected \")\" after the window")))
    return NULL;

  span = span_between (&name->span, previous_span (p));
  expr->span = span;
  return g_steal_pointer (&expr);
}

static FdRuleExpr *
parse_decay (Parser  *p,
             FdToken *name)
{
  g_autoptr(FdRuleExpr) expr = fd_rule_expr_new (FD_RULE_EXPR_DECAY, &name->span);
  g_autofree char *before = NULL;
  FdToken *metric;

  if (!expect (p, FD_TOKEN_LPAREN, _("\"decay\" needs a metric and a window: decay(ctr, 7d)")))
    return NULL;

  metric = peek (p);
  if (metric->kind != FD_TOKEN_WORD || (expr->metric = fd_rule_metric_lookup (metric->text)) < 0)
    {
      g_autofree char *suggestion = metric->kind == FD_TOKEN_WORD ? fd_rule_metric_suggest (metric->text) : NULL;

      if (suggestion != NULL)
        fail (p, metric, _("unknown metric \"%s\"; did you mean \"%s\"?"), metric->text, suggestion);
      else
        fail (p, metric, _("expected a metric after \"decay(\", such as decay(ctr, 7d)"));
      return NULL;
    }
  next (p);

  if (peek (p)->kind == FD_TOKEN_LPAREN)
    {
      fail (p, peek (p), _("inside decay the metric has no window of its own: write decay(%s, 7d)"),
            metric->text);
      return NULL;
    }

  if (!expect (p, FD_TOKEN_COMMA, _("expected \",\" and a window after the metric, as in decay(ctr, 7d)")))
    return NULL;

  before = g_strdup_printf ("decay(%s, ", metric->text);
  if (!parse_window (p, before, &expr->duration, &expr->in_hours) ||
      !expect (p, FD_TOKEN_RPAREN, _("expected \")\" after the window")))
    return NULL;

  expr->span = span_between (&name->span, previous_span (p));
  return g_steal_pointer (&expr);
}

static FdRuleExpr *
parse_word_atom (Parser *p)
{
  FdToken *token = next (p);
  g_autofree char *suggestion = NULL;
  int metric;

  if (is_word (token, "target_cpa"))
    return fd_rule_expr_new (FD_RULE_EXPR_TARGET_CPA, &token->span);
  if (is_word (token, "target_roas"))
    return fd_rule_expr_new (FD_RULE_EXPR_TARGET_ROAS, &token->span);
  if (is_word (token, "daily_budget"))
    return fd_rule_expr_new (FD_RULE_EXPR_DAILY_BUDGET, &token->span);
  if (is_word (token, "decay"))
    return parse_decay (p, token);

  if ((metric = fd_rule_metric_lookup (token->text)) >= 0)
    return parse_metric_call (p, token, metric);

  if (is_clause_word (token) || is_word (token, "and") || is_word (token, "or") ||
      is_word (token, "for") || is_word (token, "not"))
    {
      fail (p, token, _("expected a metric or a number before \"%s\""), token->text);
      return NULL;
    }

  suggestion = fd_rule_metric_suggest (token->text);
  if (suggestion == NULL && g_str_has_prefix (token->text, "target"))
    suggestion = g_strdup ("target_cpa");

  if (suggestion != NULL)
    fail (p, token, _("unknown metric \"%s\"; did you mean \"%s\"?"), token->text, suggestion);
  else
    fail (p, token, _("unknown metric \"%s\"; metrics include roas, cpa, ctr, cpc, cpm, "
                      "frequency and spend"), token->text);
  return NULL;
}

static FdRuleExpr *
parse_atom (Parser *p)
{
  FdToken *token = peek (p);

  switch (token->kind)
    {
    case FD_TOKEN_NUMBER:
      {
        FdRuleExpr *expr = fd_rule_expr_new (FD_RULE_EXPR_NUMBER, &token->span);

        expr->value = next (p)->number;
        if (peek (p)->kind == FD_TOKEN_PERCENT)
          {
            next (p);
            expr->percent = TRUE;
            expr->span = span_between (&token->span, previous_span (p));
          }
        return expr;
      }

    case FD_TOKEN_LPAREN:
      {
        FdToken *open = next (p);
        g_autoptr(FdRuleExpr) inner = parse_or (p);

        if (inner == NULL)
          return NULL;

        if (peek (p)->kind != FD_TOKEN_RPAREN)
          {
            fail (p, peek (p), _("expected \")\" to close the \"(\" at line %u, column %u"),
                  open->span.line, open->span.column);
            return NULL;
          }
        next (p);

        /* The parentheses belong to what they hold, for editors to mark. */
        inner->span = span_between (&open->span, previous_span (p));
        return g_steal_pointer (&inner);
      }

    case FD_TOKEN_WORD:
      return parse_word_atom (p);

    case FD_TOKEN_DURATION:
      fail (p, token, _("a window belongs in parentheses after a metric, as in roas(%.*s)"),
            (int)token->span.length, p->text + token->span.offset);
      return NULL;

    case FD_TOKEN_STRING:
      fail (p, token, _("text in quotes cannot be compared; expected a metric or a number"));
      return NULL;

    case FD_TOKEN_EOF:
      fail (p, token, _("the condition ends too early: expected a metric or a number"));
      return NULL;

    default:
      {
        g_autofree char *found = describe (p, token);

        fail (p, token, _("expected a metric or a number, found %s"), found);
        return NULL;
      }
    }
}

static gboolean
enter (Parser *p)
{
  if (++p->depth > MAX_DEPTH)
    return fail (p, peek (p), _("the condition is nested too deeply"));

  return TRUE;
}

static gboolean
grow (Parser *p)
{
  if (++p->operators > MAX_OPERATORS)
    return fail (p, peek (p), _("the condition is too long; split it into several rules"));

  return TRUE;
}

static FdRuleExpr *
parse_unary (Parser *p)
{
  FdToken *token = peek (p);
  g_autoptr(FdRuleExpr) operand = NULL;
  FdRuleExpr *expr;

  if (token->kind != FD_TOKEN_MINUS && token->kind != FD_TOKEN_PLUS)
    return parse_atom (p);

  next (p);
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
      operand->span = span_between (&token->span, &operand->span);
      return g_steal_pointer (&operand);
    }

  expr = fd_rule_expr_new (FD_RULE_EXPR_NEG, &token->span);
  expr->span = span_between (&token->span, &operand->span);
  expr->left = g_steal_pointer (&operand);
  return expr;
}

static FdRuleExpr *
parse_product (Parser *p)
{
  g_autoptr(FdRuleExpr) left = parse_unary (p);

  while (left != NULL)
    {
      FdTokenKind kind = peek (p)->kind;
      FdRuleExpr *right;

      if (kind != FD_TOKEN_STAR && kind != FD_TOKEN_SLASH)
        break;
      next (p);

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
parse_sum (Parser *p)
{
  g_autoptr(FdRuleExpr) left = parse_product (p);

  while (left != NULL)
    {
      FdTokenKind kind = peek (p)->kind;
      FdRuleExpr *right;

      if (kind != FD_TOKEN_PLUS && kind != FD_TOKEN_MINUS)
        break;
      next (p);

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
parse_compare (Parser *p)
{
  g_autoptr(FdRuleExpr) left = parse_sum (p);
  FdRuleExpr *right;
  int kind;

  if (left == NULL || (kind = comparison_kind (peek (p)->kind)) < 0)
    return g_steal_pointer (&left);
  next (p);

  if (!(right = parse_sum (p)))
    return NULL;

  left = binary (kind, g_steal_pointer (&left), right);

  if (comparison_kind (peek (p)->kind) >= 0)
    {
      fail (p, peek (p), _("comparisons cannot be chained: write a < b and b < c"));
      return NULL;
    }

  return g_steal_pointer (&left);
}

static FdRuleExpr *
parse_persist (Parser *p)
{
  g_autoptr(FdRuleExpr) condition = parse_compare (p);
  FdToken *word = peek (p);
  FdRuleExpr *expr;

  if (condition == NULL || !is_word (word, "for"))
    return g_steal_pointer (&condition);
  next (p);

  expr = fd_rule_expr_new (FD_RULE_EXPR_FOR, &word->span);
  expr->left = g_steal_pointer (&condition);

  if (peek (p)->kind != FD_TOKEN_DURATION)
    {
      fail (p, peek (p), _("expected how long the condition must hold after \"for\", such as 48h"));
      fd_rule_expr_free (expr);
      return NULL;
    }
  expr->in_hours = peek (p)->in_hours;
  expr->duration = next (p)->duration;
  expr->span = span_between (&expr->left->span, previous_span (p));

  return expr;
}

static FdRuleExpr *
parse_not (Parser *p)
{
  FdToken *word = peek (p);
  FdRuleExpr *operand;
  FdRuleExpr *expr;

  if (!is_word (word, "not"))
    return parse_persist (p);
  next (p);

  if (!enter (p))
    return NULL;
  operand = parse_not (p);
  p->depth--;

  if (operand == NULL)
    return NULL;

  expr = fd_rule_expr_new (FD_RULE_EXPR_NOT, &word->span);
  expr->span = span_between (&word->span, &operand->span);
  expr->left = operand;
  return expr;
}

static FdRuleExpr *
parse_and (Parser *p)
{
  g_autoptr(FdRuleExpr) left = parse_not (p);

  while (left != NULL && accept_word (p, "and"))
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
parse_or (Parser *p)
{
  g_autoptr(FdRuleExpr) left = NULL;

  if (!enter (p))
    return NULL;

  left = parse_and (p);
  while (left != NULL && accept_word (p, "or"))
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
static FdRuleExpr *
parse_condition (Parser     *p,
                 const char *clause)
{
  g_autoptr(FdRuleExpr) condition = NULL;
  FdToken *after;

  p->depth = 0;
  p->operators = 0;

  if (peek (p)->kind == FD_TOKEN_EOF || is_clause_word (peek (p)))
    {
      fail (p, peek (p), _("\"%s\" needs a condition, such as roas(3d) < 1.4"), clause);
      return NULL;
    }

  if (!(condition = parse_or (p)))
    return NULL;

  after = peek (p);
  if (after->kind != FD_TOKEN_EOF && !is_clause_word (after))
    {
      g_autofree char *found = describe (p, after);

      if (is_word (after, "for"))
        fail (p, after, _("\"for\" follows a single comparison; put parentheses around "
                          "what must hold, as in (a and b) for 48h"));
      else
        fail (p, after, _("unexpected %s after the condition: expected \"and\", \"or\", "
                          "\"for\" or the next clause"), found);
      return NULL;
    }

  return g_steal_pointer (&condition);
}

/*
 * Clauses
 */

static gboolean
parse_number (Parser     *p,
              double     *value,
              const char *message)
{
  if (peek (p)->kind != FD_TOKEN_NUMBER)
    return fail (p, peek (p), "%s", message);

  *value = next (p)->number;
  return TRUE;
}

static gboolean
parse_budget (Parser       *p,
              FdRuleAction *action)
{
  FdToken *sign = peek (p);

  if (sign->kind != FD_TOKEN_PLUS && sign->kind != FD_TOKEN_MINUS)
    return fail (p, sign, _("budget needs a signed percentage, such as budget +20%% or budget -30%%"));
  next (p);

  if (!parse_number (p, &action->percent,
                     _("budget needs a signed percentage, such as budget +20% or budget -30%")))
    return FALSE;

  if (sign->kind == FD_TOKEN_MINUS)
    action->percent = -action->percent;

  if (!expect (p, FD_TOKEN_PERCENT, _("the budget change is a percentage: add \"%\", as in budget +20%")))
    return FALSE;

  for (;;)
    {
      FdToken *word = peek (p);
      gboolean is_min = is_word (word, "min");

      if (!is_min && !is_word (word, "max"))
        break;
      next (p);

      if ((is_min && action->has_min) || (!is_min && action->has_max))
        return fail (p, word, _("this budget action already has a %s"), is_min ? "min" : "max");

      if (!parse_number (p, is_min ? &action->min : &action->max,
                         is_min ? _("expected the lowest daily budget after \"min\", such as min 20")
                                : _("expected the highest daily budget after \"max\", such as max 500")))
        return FALSE;

      if (peek (p)->kind == FD_TOKEN_PERCENT)
        return fail (p, peek (p), _("min and max are amounts in the account currency, not percentages"));

      if (is_min)
        action->has_min = TRUE;
      else
        action->has_max = TRUE;
    }

  return TRUE;
}

static FdRuleAction *
parse_action (Parser *p)
{
  FdToken *word = peek (p);
  g_autoptr(FdRuleAction) action = NULL;

  if (word->kind != FD_TOKEN_WORD)
    {
      g_autofree char *found = describe (p, word);

      fail (p, word, _("expected an action such as pause or budget -30%%, found %s"), found);
      return NULL;
    }
  next (p);

  if (is_word (word, "pause"))
    action = fd_rule_action_new (FD_RULE_ACTION_PAUSE, &word->span);
  else if (is_word (word, "resume") || is_word (word, "unpause"))
    action = fd_rule_action_new (FD_RULE_ACTION_RESUME, &word->span);
  else if (is_word (word, "queue_replacement"))
    action = fd_rule_action_new (FD_RULE_ACTION_QUEUE_REPLACEMENT, &word->span);
  else if (is_word (word, "notify") || is_word (word, "alert"))
    {
      action = fd_rule_action_new (FD_RULE_ACTION_NOTIFY, &word->span);
      if (peek (p)->kind == FD_TOKEN_STRING)
        action->recipient = g_strdup (next (p)->text);
    }
  else if (is_word (word, "escalate"))
    {
      action = fd_rule_action_new (FD_RULE_ACTION_ESCALATE, &word->span);
      if (peek (p)->kind != FD_TOKEN_STRING)
        {
          fail (p, peek (p), _("escalate needs a role or a person in quotes, such as "
                               "escalate \"account lead\""));
          return NULL;
        }
      action->recipient = g_strdup (next (p)->text);
    }
  else if (is_word (word, "budget"))
    {
      action = fd_rule_action_new (FD_RULE_ACTION_BUDGET, &word->span);
      if (!parse_budget (p, action))
        return NULL;
    }
  else
    {
      g_autofree char *known = g_strjoinv (", ", (char **)action_words);

      fail (p, word, _("unknown action \"%s\"; actions are %s"), word->text, known);
      return NULL;
    }

  action->span = span_between (&word->span, previous_span (p));
  return g_steal_pointer (&action);
}

static gboolean
parse_then (Parser    *p,
            FdRuleDef *def)
{
  do
    {
      FdRuleAction *action = parse_action (p);

      if (action == NULL)
        return FALSE;
      g_ptr_array_add (def->actions, action);
    }
  while (peek (p)->kind == FD_TOKEN_COMMA && next (p));

  if (peek (p)->kind == FD_TOKEN_WORD && !is_clause_word (peek (p)))
    return fail (p, peek (p), _("separate actions with commas: then pause, notify"));

  return TRUE;
}

static gboolean
parse_level (Parser    *p,
             FdRuleDef *def)
{
  FdToken *word = peek (p);

  if (word->kind == FD_TOKEN_WORD &&
      (def->level = fd_rule_level_from_string (word->text)) != FD_RULE_LEVEL_NONE)
    {
      next (p);
      return TRUE;
    }

  return fail (p, word, _("expected a level: campaign, adset or ad"));
}

static gboolean
parse_cooldown (Parser    *p,
                FdRuleDef *def)
{
  FdToken *token = peek (p);

  if (is_word (token, "none"))
    {
      next (p);
      def->cooldown = 0;
      return TRUE;
    }

  if (token->kind == FD_TOKEN_NUMBER && token->number == 0)
    {
      next (p);
      def->cooldown = 0;
      return TRUE;
    }

  return parse_window (p, "cooldown", &def->cooldown, &def->cooldown_in_hours);
}

static gboolean
parse_approval (Parser    *p,
                FdRuleDef *def)
{
  if (accept_word (p, "above"))
    {
      if (!parse_number (p, &def->approval_above,
                         _("expected an amount after \"above\", such as approval above 500 by \"account lead\"")))
        return FALSE;
      if (peek (p)->kind == FD_TOKEN_PERCENT)
        return fail (p, peek (p), _("the approval threshold is an amount of daily spend in the "
                                    "account currency, not a percentage"));
    }
  else
    def->approval_always = TRUE;

  if (!accept_word (p, "by"))
    return fail (p, peek (p), def->approval_always
                              ? _("expected \"above\" and an amount, or \"by\" and who approves, "
                                  "such as approval above 500 by \"account lead\"")
                              : _("expected \"by\" and who approves, such as by \"account lead\""));

  if (peek (p)->kind != FD_TOKEN_STRING)
    return fail (p, peek (p), _("expected a role or a person in quotes after \"by\", such as "
                                "by \"account lead\""));

  def->approver = g_strdup (next (p)->text);
  return TRUE;
}

static gboolean
parse_reason (Parser    *p,
              FdRuleDef *def)
{
  FdToken *token = peek (p);
  g_autofree char *known = NULL;
  const char * const *ids;
  GString *titles;

  if (token->kind == FD_TOKEN_STRING || token->kind == FD_TOKEN_WORD)
    {
      def->reason = fd_rule_reason_normalize (token->text);
      if (def->reason != NULL)
        {
          next (p);
          return TRUE;
        }
    }

  ids = fd_rule_get_reasons ();
  titles = g_string_new (NULL);
  for (guint i = 0; ids[i] != NULL; i++)
    g_string_append_printf (titles, "%s\"%s\"", i ? ", " : "", fd_rule_reason_get_title (ids[i]));
  known = g_string_free (titles, FALSE);

  return fail (p, token, _("expected why an object is paused, one of %s"), known);
}

typedef struct
{
  const char *word;
  gboolean  (*parse) (Parser *p, FdRuleDef *def);
} ClauseParser;

static gboolean
parse_when (Parser    *p,
            FdRuleDef *def)
{
  return (def->when = parse_condition (p, "when")) != NULL;
}

static gboolean
parse_require (Parser    *p,
               FdRuleDef *def)
{
  FdRuleExpr *condition = parse_condition (p, "require");

  if (condition == NULL)
    return FALSE;

  g_ptr_array_add (def->requires, condition);
  return TRUE;
}

static const ClauseParser clauses[] = {
  { "level",    parse_level },
  { "when",     parse_when },
  { "then",     parse_then },
  { "require",  parse_require },
  { "cooldown", parse_cooldown },
  { "approval", parse_approval },
  { "reason",   parse_reason },
};

static gboolean
clause_seen (FdRuleDef  *def,
             const char *word)
{
  if (g_str_equal (word, "level"))
    return def->level != FD_RULE_LEVEL_NONE;
  if (g_str_equal (word, "when"))
    return def->when != NULL;
  if (g_str_equal (word, "then"))
    return def->actions->len > 0;
  if (g_str_equal (word, "cooldown"))
    return def->has_cooldown;
  if (g_str_equal (word, "approval"))
    return def->has_approval;
  if (g_str_equal (word, "reason"))
    return def->reason != NULL;
  return FALSE;
}

/* After an error, resume at the next clause (or rule). */
static void
skip_to_clause (Parser *p)
{
  while (peek (p)->kind != FD_TOKEN_EOF && !is_clause_word (peek (p)))
    next (p);
}

static gboolean
parse_clause (Parser    *p,
              FdRuleDef *def)
{
  FdToken *word = next (p);

  for (guint i = 0; i < G_N_ELEMENTS (clauses); i++)
    {
      if (!is_word (word, clauses[i].word))
        continue;

      if (clause_seen (def, clauses[i].word))
        {
          fail (p, word, _("this rule already has a \"%s\" clause"), clauses[i].word);
          return FALSE;
        }

      if (!clauses[i].parse (p, def))
        return FALSE;

      if (g_str_equal (clauses[i].word, "cooldown"))
        def->has_cooldown = TRUE;
      else if (g_str_equal (clauses[i].word, "approval"))
        def->has_approval = TRUE;
      return TRUE;
    }

  g_assert_not_reached ();
}

static void
check_required_clauses (Parser    *p,
                        FdRuleDef *def)
{
  const char *name = def->name ? def->name : "";

  if (def->level == FD_RULE_LEVEL_NONE)
    _fd_rule_add_diagnostic (p->diagnostics, &def->span,
                             _("rule \"%s\" has no \"level\" clause: say what it looks at, "
                               "such as level adset"), name);
  if (def->when == NULL)
    _fd_rule_add_diagnostic (p->diagnostics, &def->span,
                             _("rule \"%s\" has no \"when\" clause: say when it fires, "
                               "such as when roas(3d) < 1.4"), name);
  if (def->actions->len == 0)
    _fd_rule_add_diagnostic (p->diagnostics, &def->span,
                             _("rule \"%s\" has no \"then\" clause: say what it does, "
                               "such as then pause"), name);
}

static FdRuleDef *
parse_rule (Parser *p)
{
  g_autoptr(FdRuleDef) def = fd_rule_def_new ();
  FdToken *keyword = next (p);
  FdToken *name = peek (p);
  guint errors_before = p->diagnostics->len;

  def->span = keyword->span;

  if (name->kind != FD_TOKEN_STRING)
    {
      fail (p, name, _("expected the rule's name in quotes after \"rule\", such as rule \"Low ROAS\""));
      /* An unquoted name: step over it rather than report it again. */
      if ((name->kind == FD_TOKEN_WORD && !is_clause_word (name)) || name->kind == FD_TOKEN_NUMBER)
        next (p);
    }
  else if (g_strstrip (name->text)[0] == '\0')
    fail (p, next (p), _("the rule's name is empty"));
  else
    def->name = g_strdup (next (p)->text);

  for (;;)
    {
      FdToken *token = peek (p);

      if (token->kind == FD_TOKEN_EOF || is_word (token, "rule"))
        break;

      if (!is_clause_word (token))
        {
          g_autofree char *found = describe (p, token);

          fail (p, token, _("expected a clause (level, when, then, require, cooldown, approval "
                            "or reason), found %s"), found);
          next (p);
          skip_to_clause (p);
          continue;
        }

      if (!parse_clause (p, def))
        skip_to_clause (p);
    }

  if (p->diagnostics->len == errors_before)
    check_required_clauses (p, def);

  if (p->diagnostics->len == errors_before)
    _fd_rule_check (def, p->diagnostics);

  return g_steal_pointer (&def);
}

/* Where a rule's own text starts: the line of its "rule" keyword, or the
 * comment lines right above it. */
static gsize
rule_text_start (const char *text,
                 gsize       keyword_offset,
                 gsize       floor)
{
  gsize start = keyword_offset;

  while (start > floor && text[start - 1] != '\n')
    start--;

  while (start > floor)
    {
      gsize line_start = start - 1;
      gsize first;

      while (line_start > floor && text[line_start - 1] != '\n')
        line_start--;

      first = line_start;
      while (first < start && (text[first] == ' ' || text[first] == '\t'))
        first++;

      if (first >= start || text[first] != '#')
        break;
      start = line_start;
    }

  return start;
}

static void
attach_sources (const char *text,
                gsize       length,
                GPtrArray  *defs)
{
  gsize floor = 0;
  g_autofree gsize *starts = g_new0 (gsize, defs->len + 1);

  for (guint i = 0; i < defs->len; i++)
    {
      FdRuleDef *def = g_ptr_array_index (defs, i);

      starts[i] = rule_text_start (text, def->span.offset, floor);
      floor = def->span.offset + def->span.length;
    }
  starts[defs->len] = length;

  for (guint i = 0; i < defs->len; i++)
    {
      FdRuleDef *def = g_ptr_array_index (defs, i);
      g_autofree char *slice = g_strndup (text + starts[i], starts[i + 1] - starts[i]);

      def->source = g_strconcat (g_strchomp (slice), "\n", NULL);
    }
}

/**
 * fd_rule_parse:
 * @text: rule text, one or more rules
 * @length: its length in bytes, or -1 if NUL-terminated
 * @diagnostics: (out) (transfer full) (element-type FdRuleDiagnostic):
 *   every problem found, in order; empty when the text is valid
 *
 * Parses and checks rule text. Each rule's own slice of the text (with the
 * comments directly above it) ends up in its source field, which is what a
 * workspace stores.
 *
 * Returns: (transfer full) (element-type FdRuleDef): the rules, valid only
 *   when @diagnostics is empty
 */
GPtrArray *
fd_rule_parse (const char  *text,
               gssize       length,
               GPtrArray  **diagnostics)
{
  g_autoptr(GPtrArray) defs = g_ptr_array_new_with_free_func ((GDestroyNotify)fd_rule_def_free);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify)fd_rule_diagnostic_free);
  g_autoptr(GArray) tokens = NULL;
  const char *invalid = NULL;
  Parser p = { 0 };

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (diagnostics != NULL, NULL);

  if (length < 0)
    length = strlen (text);

  if (!g_utf8_validate (text, length, &invalid))
    {
      g_autoptr(GArray) prefix = fd_rule_lex (text, invalid - text);
      FdToken *eof = &g_array_index (prefix, FdToken, prefix->len - 1);
      FdRuleSpan span = eof->span;

      span.offset = invalid - text;
      span.length = 1;
      _fd_rule_add_diagnostic (problems, &span,
                               _("the text is not valid UTF-8 (or holds a NUL byte) here"));
      *diagnostics = g_steal_pointer (&problems);
      return g_steal_pointer (&defs);
    }

  tokens = fd_rule_lex (text, length);
  p.text = text;
  p.tokens = tokens;
  p.diagnostics = problems;

  while (peek (&p)->kind != FD_TOKEN_EOF)
    {
      if (!is_word (peek (&p), "rule"))
        {
          g_autofree char *found = describe (&p, peek (&p));

          fail (&p, peek (&p), _("expected \"rule\" and a name in quotes to start a rule, found %s"),
                found);
          while (peek (&p)->kind != FD_TOKEN_EOF && !is_word (peek (&p), "rule"))
            next (&p);
          continue;
        }

      g_ptr_array_add (defs, parse_rule (&p));
    }

  if (defs->len == 0 && problems->len == 0)
    _fd_rule_add_diagnostic (problems, &peek (&p)->span,
                             _("there is no rule here: a rule starts with rule \"Its name\""));

  for (guint i = 0; i < defs->len; i++)
    for (guint j = 0; j < i; j++)
      {
        FdRuleDef *a = g_ptr_array_index (defs, i);
        FdRuleDef *b = g_ptr_array_index (defs, j);

        g_autofree char *fa = a->name ? g_utf8_casefold (a->name, -1) : NULL;
        g_autofree char *fb = b->name ? g_utf8_casefold (b->name, -1) : NULL;

        if (fa && fb && g_str_equal (fa, fb))
          _fd_rule_add_diagnostic (problems, &a->span,
                                   _("two rules are called \"%s\"; names must differ"), a->name);
      }

  attach_sources (text, length, defs);

  *diagnostics = g_steal_pointer (&problems);
  return g_steal_pointer (&defs);
}

/**
 * fd_rule_parse_one:
 * @text: the text of exactly one rule
 *
 * Returns: (transfer full): the rule, or %NULL with @error holding the
 *   first problem ("line 3, column 18: …")
 */
FdRuleDef *
fd_rule_parse_one (const char  *text,
                   GError     **error)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GPtrArray) defs = fd_rule_parse (text, -1, &diagnostics);

  if (diagnostics->len > 0)
    {
      g_autofree char *first = fd_rule_diagnostic_to_string (g_ptr_array_index (diagnostics, 0));

      g_set_error_literal (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID, first);
      return NULL;
    }

  if (defs->len != 1)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                   _("Expected one rule, found %u."), defs->len);
      return NULL;
    }

  return g_ptr_array_steal_index (defs, 0);
}
