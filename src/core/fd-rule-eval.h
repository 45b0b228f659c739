/* fd-rule-eval.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "fd-insight-cube.h"
#include "fd-rule-syntax.h"

G_BEGIN_DECLS

/* Evaluating rules against an FdInsightCube (internal to core). */

typedef struct _FdRulePlanner FdRulePlanner;
typedef struct _FdRuleEval FdRuleEval;

FdRulePlanner *fd_rule_planner_new         (FdRuleLevel       level);
void           fd_rule_planner_add_rule    (FdRulePlanner    *planner,
                                            const FdRuleDef  *def,
                                            gint64            at);
void           fd_rule_planner_add_range   (FdRulePlanner    *planner,
                                            const FdRuleDef  *def,
                                            gint64            since,
                                            gint64            until);
void           fd_rule_planner_add_spend   (FdRulePlanner    *planner,
                                            gint64            start,
                                            gint64            end);
FdCubePlan    *fd_rule_planner_get_plan    (FdRulePlanner    *planner);
void           fd_rule_planner_free        (FdRulePlanner    *planner);

FdRuleEval    *fd_rule_eval_new            (FdInsightCube    *cube);
void           fd_rule_eval_free           (FdRuleEval       *eval);
void           fd_rule_eval_set_object     (FdRuleEval       *eval,
                                            guint             object);
gboolean       fd_rule_eval_condition      (FdRuleEval       *eval,
                                            const FdRuleExpr *expr,
                                            gint64            at);
double         fd_rule_eval_value          (FdRuleEval       *eval,
                                            const FdRuleExpr *expr,
                                            gint64            at);
double         fd_rule_eval_metric         (FdRuleEval       *eval,
                                            int               metric,
                                            gint64            window,
                                            gint64            end,
                                            gboolean         *estimated);
double         fd_rule_eval_spend          (FdRuleEval       *eval,
                                            gint64            start,
                                            gint64            end);
double         fd_rule_eval_purchase_value (FdRuleEval       *eval,
                                            gint64            start,
                                            gint64            end);
gboolean       fd_rule_eval_has_hourly     (FdRuleEval       *eval,
                                            gint64            start,
                                            gint64            end);
guint64        fd_rule_eval_get_window_computations (FdRuleEval *eval);

void           fd_rule_eval_snapshot       (FdRuleEval       *eval,
                                            const FdRuleDef  *def,
                                            gint64            at,
                                            JsonBuilder      *metrics,
                                            GPtrArray        *estimates);
char          *fd_rule_eval_explain        (FdRuleEval       *eval,
                                            const FdRuleDef  *def,
                                            gint64            at);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdRulePlanner, fd_rule_planner_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdRuleEval, fd_rule_eval_free)

G_END_DECLS
