/* fd-rule-syntax.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-rule"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "fd-rule-metric.h"
#include "fd-rule-syntax.h"

FdRuleExpr *
fd_rule_expr_new (FdRuleExprKind    kind,
                  const FdRuleSpan *span)
{
  FdRuleExpr *expr = g_new0 (FdRuleExpr, 1);

  expr->kind = kind;
  expr->metric = -1;
  if (span != NULL)
    expr->span = *span;

  return expr;
}

void
fd_rule_expr_free (FdRuleExpr *expr)
{
  /* Iterative on the left spine: long chains of "a and b and c …" are left
   * deep, and must not cost one stack frame per operand. */
  while (expr != NULL)
    {
      FdRuleExpr *left = expr->left;

      fd_rule_expr_free (expr->right);
      g_free (expr);
      expr = left;
    }
}

/**
 * fd_rule_expr_uses:
 *
 * Returns: whether @expr contains a node of @kind
 */
gboolean
fd_rule_expr_uses (const FdRuleExpr *expr,
                   FdRuleExprKind    kind)
{
  for (; expr != NULL; expr = expr->left)
    if (expr->kind == kind || fd_rule_expr_uses (expr->right, kind))
      return TRUE;

  return FALSE;
}

/**
 * fd_rule_expr_get_lookback:
 *
 * Returns: how far back from the evaluation time @expr reads insights, in µs
 */
gint64
fd_rule_expr_get_lookback (const FdRuleExpr *expr)
{
  gint64 left, right;

  if (expr == NULL)
    return 0;

  left = fd_rule_expr_get_lookback (expr->left);
  right = fd_rule_expr_get_lookback (expr->right);

  switch (expr->kind)
    {
    case FD_RULE_EXPR_METRIC:
      return expr->duration;
    case FD_RULE_EXPR_DECAY:
      return 2 * expr->duration;
    case FD_RULE_EXPR_FOR:
      /* Daily checkpoints reach back by whole days. */
      return left + ((expr->duration + G_TIME_SPAN_DAY - 1) / G_TIME_SPAN_DAY) * G_TIME_SPAN_DAY;
    default:
      return MAX (left, right);
    }
}

FdRuleAction *
fd_rule_action_new (FdRuleActionKind  kind,
                    const FdRuleSpan *span)
{
  FdRuleAction *action = g_new0 (FdRuleAction, 1);

  action->kind = kind;
  if (span != NULL)
    action->span = *span;

  return action;
}

void
fd_rule_action_free (FdRuleAction *action)
{
  if (action == NULL)
    return;

  g_free (action->recipient);
  g_free (action);
}

/**
 * fd_rule_action_is_remote:
 *
 * Returns: whether @action changes the ad account (through Meta), as
 *   opposed to notifications and replacement requests kept in the workspace
 */
gboolean
fd_rule_action_is_remote (const FdRuleAction *action)
{
  return action->kind == FD_RULE_ACTION_PAUSE ||
         action->kind == FD_RULE_ACTION_RESUME ||
         action->kind == FD_RULE_ACTION_BUDGET;
}

static void
append_quoted (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * fd_rule_format_number:
 *
 * Returns: (transfer full): @value as a rule literal: plain decimal digits
 *   (never an exponent), the shortest that reads back as the same number
 */
char *
fd_rule_format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE + 64];
  static const char * const shortest[] = { "%.15g", "%.16g", "%.17g" };

  if (value == 0 || !isfinite (value))
    return g_strdup ("0");

  for (guint i = 0; i < G_N_ELEMENTS (shortest); i++)
    {
      g_ascii_formatd (buffer, sizeof buffer, shortest[i], value);
      if (strchr (buffer, 'e') == NULL && g_ascii_strtod (buffer, NULL) == value)
        return g_strdup (buffer);
    }

  /* Very large or very small: fixed notation with as many decimals as it
   * takes (literals have at most a few dozen digits). */
  for (int decimals = 0; decimals <= 40; decimals++)
    {
      char format[16];
      char *end;

      g_snprintf (format, sizeof format, "%%.%df", decimals);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) != value && decimals < 40)
        continue;

      if (strchr (buffer, '.') != NULL)
        {
          end = buffer + strlen (buffer) - 1;
          while (*end == '0')
            *end-- = '\0';
          if (*end == '.')
            *end = '\0';
        }
      break;
    }

  return g_strdup (buffer);
}

/**
 * fd_rule_action_to_string:
 *
 * Returns: (transfer full): the action as written in rules: "pause",
 *   "budget -30% min 20", "escalate \"account lead\""
 */
char *
fd_rule_action_to_string (const FdRuleAction *action)
{
  GString *out = g_string_new (NULL);

  switch (action->kind)
    {
    case FD_RULE_ACTION_PAUSE:
      g_string_append (out, "pause");
      break;
    case FD_RULE_ACTION_RESUME:
      g_string_append (out, "resume");
      break;
    case FD_RULE_ACTION_QUEUE_REPLACEMENT:
      g_string_append (out, "queue_replacement");
      break;
    case FD_RULE_ACTION_NOTIFY:
      g_string_append (out, "notify");
      if (action->recipient != NULL)
        {
          g_string_append_c (out, ' ');
          append_quoted (out, action->recipient);
        }
      break;
    case FD_RULE_ACTION_ESCALATE:
      g_string_append (out, "escalate ");
      append_quoted (out, action->recipient ? action->recipient : "");
      break;
    case FD_RULE_ACTION_BUDGET:
      {
        g_autofree char *percent = fd_rule_format_number (ABS (action->percent));

        g_string_append_printf (out, "budget %c%s%%", action->percent < 0 ? '-' : '+', percent);
        if (action->has_min)
          {
            g_autofree char *min = fd_rule_format_number (action->min);
            g_string_append_printf (out, " min %s", min);
          }
        if (action->has_max)
          {
            g_autofree char *max = fd_rule_format_number (action->max);
            g_string_append_printf (out, " max %s", max);
          }
      }
      break;
    default:
      g_assert_not_reached ();
    }

  return g_string_free (out, FALSE);
}

FdRuleDef *
fd_rule_def_new (void)
{
  FdRuleDef *def = g_new0 (FdRuleDef, 1);

  def->level = FD_RULE_LEVEL_NONE;
  def->actions = g_ptr_array_new_with_free_func ((GDestroyNotify)fd_rule_action_free);
  def->requires = g_ptr_array_new_with_free_func ((GDestroyNotify)fd_rule_expr_free);

  return def;
}

void
fd_rule_def_free (FdRuleDef *def)
{
  if (def == NULL)
    return;

  g_free (def->name);
  g_free (def->source);
  fd_rule_expr_free (def->when);
  g_ptr_array_unref (def->actions);
  g_ptr_array_unref (def->requires);
  g_free (def->approver);
  g_free (def->reason);
  g_free (def);
}

gboolean
fd_rule_def_uses (const FdRuleDef *def,
                  FdRuleExprKind   kind)
{
  if (fd_rule_expr_uses (def->when, kind))
    return TRUE;

  for (guint i = 0; i < def->requires->len; i++)
    if (fd_rule_expr_uses (g_ptr_array_index (def->requires, i), kind))
      return TRUE;

  return FALSE;
}

gboolean
fd_rule_def_has_action (const FdRuleDef  *def,
                        FdRuleActionKind  kind)
{
  for (guint i = 0; i < def->actions->len; i++)
    if (((FdRuleAction *)g_ptr_array_index (def->actions, i))->kind == kind)
      return TRUE;

  return FALSE;
}

/**
 * fd_rule_def_get_cooldown:
 *
 * Returns: how long the rule stays quiet on an object after it fired there:
 *   the rule's own cooldown clause, or one day (as Meta's own rules do)
 */
gint64
fd_rule_def_get_cooldown (const FdRuleDef *def)
{
  return def->has_cooldown ? def->cooldown : FD_RULE_DEFAULT_COOLDOWN;
}

/**
 * fd_rule_format_duration:
 * @in_hours: write hours even when the duration is whole days
 *
 * Returns: (transfer full): "3d", "48h"
 */
/**
 * fd_rule_def_dup_actions:
 *
 * Returns: (transfer full): the rule's actions as written: "pause",
 *   "budget -30%"
 */
char **
fd_rule_def_dup_actions (const FdRuleDef *def)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < def->actions->len; i++)
    {
      g_autofree char *text = fd_rule_action_to_string (g_ptr_array_index (def->actions, i));

      g_strv_builder_add (builder, text);
    }

  return g_strv_builder_end (builder);
}

char *
fd_rule_format_duration (gint64   duration,
                         gboolean in_hours)
{
  if (!in_hours && duration % G_TIME_SPAN_DAY == 0 && duration != 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT "d", duration / G_TIME_SPAN_DAY);

  return g_strdup_printf ("%" G_GINT64_FORMAT "h", duration / G_TIME_SPAN_HOUR);
}

enum {
  PREC_OR = 1,
  PREC_AND,
  PREC_NOT,
  PREC_FOR,
  PREC_CMP,
  PREC_ADD,
  PREC_MUL,
  PREC_NEG,
  PREC_ATOM,
};

static int
precedence (const FdRuleExpr *expr)
{
  switch (expr->kind)
    {
    case FD_RULE_EXPR_OR:
      return PREC_OR;
    case FD_RULE_EXPR_AND:
      return PREC_AND;
    case FD_RULE_EXPR_NOT:
      return PREC_NOT;
    case FD_RULE_EXPR_FOR:
      return PREC_FOR;
    case FD_RULE_EXPR_LT:
    case FD_RULE_EXPR_LE:
    case FD_RULE_EXPR_GT:
    case FD_RULE_EXPR_GE:
    case FD_RULE_EXPR_EQ:
    case FD_RULE_EXPR_NE:
      return PREC_CMP;
    case FD_RULE_EXPR_ADD:
    case FD_RULE_EXPR_SUB:
      return PREC_ADD;
    case FD_RULE_EXPR_MUL:
    case FD_RULE_EXPR_DIV:
      return PREC_MUL;
    case FD_RULE_EXPR_NEG:
      return PREC_NEG;
    default:
      return PREC_ATOM;
    }
}

static const char *
operator_text (FdRuleExprKind kind)
{
  switch (kind)
    {
    case FD_RULE_EXPR_OR: return " or ";
    case FD_RULE_EXPR_AND: return " and ";
    case FD_RULE_EXPR_LT: return " < ";
    case FD_RULE_EXPR_LE: return " <= ";
    case FD_RULE_EXPR_GT: return " > ";
    case FD_RULE_EXPR_GE: return " >= ";
    case FD_RULE_EXPR_EQ: return " == ";
    case FD_RULE_EXPR_NE: return " != ";
    case FD_RULE_EXPR_ADD: return " + ";
    case FD_RULE_EXPR_SUB: return " - ";
    case FD_RULE_EXPR_MUL: return " * ";
    case FD_RULE_EXPR_DIV: return " / ";
    default: return NULL;
    }
}

static void print_expr (GString *out, const FdRuleExpr *expr, guint depth);

/* Parenthesizes @child when the parser would otherwise read it differently:
 * lower precedence, or equal precedence on the right of a left-associative
 * operator. The printed text reparses to the same tree. */
static void
print_operand (GString          *out,
               const FdRuleExpr *child,
               int               min_precedence,
               gboolean          strictly_above,
               guint             depth)
{
  int p = precedence (child);
  gboolean parens = strictly_above ? p <= min_precedence : p < min_precedence;

  if (parens)
    g_string_append_c (out, '(');
  print_expr (out, child, depth + 1);
  if (parens)
    g_string_append_c (out, ')');
}

static void
print_expr (GString          *out,
            const FdRuleExpr *expr,
            guint             depth)
{
  /* The parser bounds nesting; a tree built elsewhere must not blow the
   * stack either. */
  if (depth > 512)
    {
      g_string_append (out, "…");
      return;
    }

  switch (expr->kind)
    {
    case FD_RULE_EXPR_NUMBER:
      {
        g_autofree char *number = fd_rule_format_number (expr->value);

        g_string_append (out, number);
        if (expr->percent)
          g_string_append_c (out, '%');
      }
      break;

    case FD_RULE_EXPR_METRIC:
      {
        g_autofree char *window = fd_rule_format_duration (expr->duration, expr->in_hours);

        g_string_append_printf (out, "%s(%s)", fd_rule_metric_get (expr->metric)->name, window);
      }
      break;

    case FD_RULE_EXPR_DECAY:
      {
        g_autofree char *window = fd_rule_format_duration (expr->duration, expr->in_hours);

        g_string_append_printf (out, "decay(%s, %s)", fd_rule_metric_get (expr->metric)->name, window);
      }
      break;

    case FD_RULE_EXPR_TARGET_CPA:
      g_string_append (out, "target_cpa");
      break;
    case FD_RULE_EXPR_TARGET_ROAS:
      g_string_append (out, "target_roas");
      break;
    case FD_RULE_EXPR_DAILY_BUDGET:
      g_string_append (out, "daily_budget");
      break;

    case FD_RULE_EXPR_NEG:
      g_string_append_c (out, '-');
      print_operand (out, expr->left, PREC_NEG, FALSE, depth);
      break;

    case FD_RULE_EXPR_NOT:
      g_string_append (out, "not ");
      print_operand (out, expr->left, PREC_NOT, FALSE, depth);
      break;

    case FD_RULE_EXPR_FOR:
      {
        g_autofree char *span = fd_rule_format_duration (expr->duration, expr->in_hours);

        print_operand (out, expr->left, PREC_CMP, FALSE, depth);
        g_string_append_printf (out, " for %s", span);
      }
      break;

    case FD_RULE_EXPR_LT:
    case FD_RULE_EXPR_LE:
    case FD_RULE_EXPR_GT:
    case FD_RULE_EXPR_GE:
    case FD_RULE_EXPR_EQ:
    case FD_RULE_EXPR_NE:
      print_operand (out, expr->left, PREC_ADD, FALSE, depth);
      g_string_append (out, operator_text (expr->kind));
      print_operand (out, expr->right, PREC_ADD, FALSE, depth);
      break;

    default:
      {
        int p = precedence (expr);

        print_operand (out, expr->left, p, FALSE, depth);
        g_string_append (out, operator_text (expr->kind));
        print_operand (out, expr->right, p, TRUE, depth);
      }
      break;
    }
}

/**
 * fd_rule_expr_to_string:
 *
 * Returns: (transfer full): @expr in the rule language, with only the
 *   parentheses it needs
 */
char *
fd_rule_expr_to_string (const FdRuleExpr *expr)
{
  GString *out = g_string_new (NULL);

  print_expr (out, expr, 0);
  return g_string_free (out, FALSE);
}

/**
 * fd_rule_def_to_string:
 *
 * Returns: (transfer full): the rule in canonical form (comments and
 *   layout are not kept; the source field has those)
 */
char *
fd_rule_def_to_string (const FdRuleDef *def)
{
  GString *out = g_string_new ("rule ");
  g_autofree char *when = NULL;

  append_quoted (out, def->name ? def->name : "");
  g_string_append_printf (out, "\n  level %s", fd_rule_level_to_string (def->level));

  if (def->when != NULL)
    {
      when = fd_rule_expr_to_string (def->when);
      g_string_append_printf (out, "\n  when %s", when);
    }

  if (def->actions->len > 0)
    {
      g_string_append (out, "\n  then ");
      for (guint i = 0; i < def->actions->len; i++)
        {
          g_autofree char *action = fd_rule_action_to_string (g_ptr_array_index (def->actions, i));

          if (i > 0)
            g_string_append (out, ", ");
          g_string_append (out, action);
        }
    }

  for (guint i = 0; i < def->requires->len; i++)
    {
      g_autofree char *require = fd_rule_expr_to_string (g_ptr_array_index (def->requires, i));

      g_string_append_printf (out, "\n  require %s", require);
    }

  if (def->has_cooldown)
    {
      g_autofree char *cooldown = fd_rule_format_duration (def->cooldown, def->cooldown_in_hours);

      g_string_append_printf (out, "\n  cooldown %s", cooldown);
    }

  if (def->has_approval)
    {
      g_string_append (out, "\n  approval ");
      if (!def->approval_always)
        {
          g_autofree char *above = fd_rule_format_number (def->approval_above);

          g_string_append_printf (out, "above %s ", above);
        }
      g_string_append (out, "by ");
      append_quoted (out, def->approver ? def->approver : "");
    }

  if (def->reason != NULL)
    {
      g_string_append (out, "\n  reason ");
      append_quoted (out, fd_rule_reason_get_title (def->reason));
    }

  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

static const char * const level_names[FD_RULE_N_LEVELS] = { "campaign", "adset", "ad" };

const char *
fd_rule_level_to_string (FdRuleLevel level)
{
  if (level < 0 || level >= FD_RULE_N_LEVELS)
    return "none";

  return level_names[level];
}

FdRuleLevel
fd_rule_level_from_string (const char *text)
{
  for (int i = 0; text != NULL && i < FD_RULE_N_LEVELS; i++)
    if (g_ascii_strcasecmp (text, level_names[i]) == 0)
      return i;

  if (text != NULL && (g_ascii_strcasecmp (text, "ad_set") == 0 ||
                       g_ascii_strcasecmp (text, "ad-set") == 0))
    return FD_RULE_LEVEL_ADSET;

  return FD_RULE_LEVEL_NONE;
}

const char *
fd_rule_level_get_title (FdRuleLevel level)
{
  switch (level)
    {
    case FD_RULE_LEVEL_CAMPAIGN:
      return _("Campaign");
    case FD_RULE_LEVEL_ADSET:
      return _("Ad set");
    case FD_RULE_LEVEL_AD:
      return _("Ad");
    default:
      return _("None");
    }
}

typedef struct
{
  const char *id;
  const char *title;
} FdReasonInfo;

static const FdReasonInfo reasons[] = {
  { "budget-decision",  N_("budget decision") },
  { "creative-fatigue", N_("creative fatigue") },
  { "seasonal-end",     N_("seasonal end") },
  { "test-loss",        N_("test loss") },
  { "compliance",       N_("compliance") },
};

const char * const *
fd_rule_get_reasons (void)
{
  static const char *ids[G_N_ELEMENTS (reasons) + 1];

  if (ids[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
      ids[i] = reasons[i].id;

  return ids;
}

/**
 * fd_rule_reason_get_title:
 *
 * Returns: the retirement reason as written in rules, "creative fatigue"
 *   (not translated: rules are text in the language of the grammar)
 */
const char *
fd_rule_reason_get_title (const char *reason)
{
  for (guint i = 0; reason != NULL && i < G_N_ELEMENTS (reasons); i++)
    if (g_str_equal (reasons[i].id, reason))
      return reasons[i].title;

  return reason;
}

/**
 * fd_rule_reason_normalize:
 * @text: "creative fatigue", "Creative_Fatigue", "creative-fatigue" …
 *
 * Returns: (transfer full) (nullable): the reason id, or %NULL
 */
char *
fd_rule_reason_normalize (const char *text)
{
  g_autofree char *id = NULL;

  if (text == NULL)
    return NULL;

  id = g_strstrip (g_ascii_strdown (text, -1));
  g_strdelimit (id, " _", '-');

  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    if (g_str_equal (reasons[i].id, id))
      return g_strdup (reasons[i].id);

  return NULL;
}
