/* fd-rule-syntax.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The syntax tree of the rule language, as the parser builds it and the
 * checker annotates it. Plain structs: a rule is parsed from its stored text
 * whenever it is needed, so nothing here is persisted. This file and the
 * lexer, parser and checker depend on GLib only (they are fuzzed alone). */

typedef enum
{
  FD_RULE_LEVEL_NONE = -1,
  FD_RULE_LEVEL_CAMPAIGN,
  FD_RULE_LEVEL_ADSET,
  FD_RULE_LEVEL_AD,
  FD_RULE_N_LEVELS,
} FdRuleLevel;

/* What a value measures. A bare number takes the unit of what it is
 * compared with; the checker refuses money compared with a count, a ratio
 * with a percentage literal, and so on. */
typedef enum
{
  FD_RULE_UNIT_NUMBER,
  FD_RULE_UNIT_PERCENT,
  FD_RULE_UNIT_MONEY,
  FD_RULE_UNIT_COUNT,
  FD_RULE_UNIT_RATIO,
  FD_RULE_UNIT_BOOL,
} FdRuleUnit;

typedef enum
{
  FD_RULE_EXPR_NUMBER,
  FD_RULE_EXPR_METRIC,        /* metric(window) */
  FD_RULE_EXPR_DECAY,         /* decay(metric, window) */
  FD_RULE_EXPR_TARGET_CPA,
  FD_RULE_EXPR_TARGET_ROAS,
  FD_RULE_EXPR_DAILY_BUDGET,
  FD_RULE_EXPR_NEG,
  FD_RULE_EXPR_ADD,
  FD_RULE_EXPR_SUB,
  FD_RULE_EXPR_MUL,
  FD_RULE_EXPR_DIV,
  FD_RULE_EXPR_LT,
  FD_RULE_EXPR_LE,
  FD_RULE_EXPR_GT,
  FD_RULE_EXPR_GE,
  FD_RULE_EXPR_EQ,
  FD_RULE_EXPR_NE,
  FD_RULE_EXPR_AND,
  FD_RULE_EXPR_OR,
  FD_RULE_EXPR_NOT,
  FD_RULE_EXPR_FOR,           /* left held at every checkpoint of duration */
} FdRuleExprKind;

/* Where something is in the source: byte offset and length, and the line
 * and column (both from 1; columns count characters, not bytes). */
typedef struct
{
  guint offset;
  guint length;
  guint line;
  guint column;
} FdRuleSpan;

typedef struct _FdRuleExpr FdRuleExpr;

struct _FdRuleExpr
{
  FdRuleExprKind  kind;
  FdRuleSpan      span;
  FdRuleUnit      unit;       /* set by the checker */

  double          value;      /* NUMBER: as written (25% → 25) */
  gboolean        percent;    /* NUMBER: written with % */
  gboolean        factor;     /* NUMBER: a percentage used as a factor (×1.4) */

  int             metric;     /* METRIC, DECAY: an FdRuleMetricId */
  gint64          duration;   /* METRIC, DECAY: the window; FOR: the span (µs) */
  gboolean        in_hours;   /* the duration was written in hours */

  FdRuleExpr     *left;       /* operands; NEG, NOT and FOR use left */
  FdRuleExpr     *right;
};

typedef enum
{
  FD_RULE_ACTION_PAUSE,
  FD_RULE_ACTION_RESUME,
  FD_RULE_ACTION_BUDGET,
  FD_RULE_ACTION_NOTIFY,
  FD_RULE_ACTION_ESCALATE,
  FD_RULE_ACTION_QUEUE_REPLACEMENT,
} FdRuleActionKind;

typedef struct
{
  FdRuleActionKind  kind;
  FdRuleSpan        span;
  double            percent;    /* BUDGET: +20 or -30 */
  gboolean          has_min;
  double            min;        /* BUDGET: floor, major units */
  gboolean          has_max;
  double            max;        /* BUDGET: ceiling, major units */
  char             *recipient;  /* NOTIFY (optional), ESCALATE: as written */
} FdRuleAction;

typedef struct
{
  char        *name;
  FdRuleSpan   span;            /* the "rule" keyword */
  char        *source;          /* this rule's own text, comments included */

  FdRuleLevel  level;
  FdRuleExpr  *when;
  GPtrArray   *actions;         /* FdRuleAction */
  GPtrArray   *requires;        /* FdRuleExpr: minimum-data guardrails */

  gboolean     has_cooldown;
  gint64       cooldown;        /* µs */
  gboolean     cooldown_in_hours;

  gboolean     has_approval;
  gboolean     approval_always; /* "approval by X": every decision */
  double       approval_above;  /* major units */
  char        *approver;        /* a role or a person, as written */

  char        *reason;          /* retirement reason id, or NULL */
} FdRuleDef;

/* Guardrail defaults for rules that do not say. */
#define FD_RULE_DEFAULT_COOLDOWN  (24 * G_TIME_SPAN_HOUR)

FdRuleExpr   *fd_rule_expr_new          (FdRuleExprKind  kind,
                                         const FdRuleSpan *span);
void          fd_rule_expr_free         (FdRuleExpr     *expr);
gboolean      fd_rule_expr_uses         (const FdRuleExpr *expr,
                                         FdRuleExprKind  kind);
gint64        fd_rule_expr_get_lookback (const FdRuleExpr *expr);

FdRuleAction *fd_rule_action_new        (FdRuleActionKind kind,
                                         const FdRuleSpan *span);
void          fd_rule_action_free       (FdRuleAction   *action);
char         *fd_rule_action_to_string  (const FdRuleAction *action);
gboolean      fd_rule_action_is_remote  (const FdRuleAction *action);

FdRuleDef    *fd_rule_def_new           (void);
void          fd_rule_def_free          (FdRuleDef      *def);
gboolean      fd_rule_def_uses          (const FdRuleDef *def,
                                         FdRuleExprKind  kind);
gboolean      fd_rule_def_has_action    (const FdRuleDef *def,
                                         FdRuleActionKind kind);
gint64        fd_rule_def_get_cooldown  (const FdRuleDef *def);
char        **fd_rule_def_dup_actions   (const FdRuleDef *def);
char         *fd_rule_def_to_string     (const FdRuleDef *def);

const char   *fd_rule_level_to_string   (FdRuleLevel     level);
FdRuleLevel   fd_rule_level_from_string (const char     *text);
const char   *fd_rule_level_get_title   (FdRuleLevel     level);

char         *fd_rule_format_duration   (gint64          duration,
                                         gboolean        in_hours);
char         *fd_rule_format_number     (double          value);
char         *fd_rule_expr_to_string    (const FdRuleExpr *expr);

/* Retirement reasons: the ids stored and their display names. */
const char * const *fd_rule_get_reasons      (void);
const char         *fd_rule_reason_get_title (const char *reason);
char               *fd_rule_reason_normalize (const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdRuleExpr, fd_rule_expr_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdRuleAction, fd_rule_action_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdRuleDef, fd_rule_def_free)

G_END_DECLS
