/* test-rule-parser.c: the rule language — parsing, checking, printing, errors
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fd-rule-metric.h"
#include "fd-rule-parser.h"
#include "fd-test-util.h"

static const char spec_rules[] =
  "# The four rules of the spec, as written there.\n"
  "rule \"Low ROAS\"\n"
  "  level adset\n"
  "  when roas(3d) < 1.4\n"
  "  then pause, escalate \"account lead\"\n"
  "\n"
  "rule \"Creative fatigue\"\n"
  "  level ad\n"
  "  when frequency(7d) > 4.0 and decay(ctr, 7d) > 25%\n"
  "  then queue_replacement\n"
  "\n"
  "# Reduce spend where CPA runs hot.\n"
  "rule \"CPA over target\"\n"
  "  level adset\n"
  "  when cpa(1d) > target_cpa * 1.4 for 48h\n"
  "  then budget -30%, notify\n"
  "\n"
  "rule \"Scale winners\"\n"
  "  level adset\n"
  "  when ctr(1d) > 3.5% for 48h and cpa(1d) < target_cpa\n"
  "  then budget +20%\n";

static GPtrArray *
parse_ok (const char *text)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GPtrArray) defs = fd_rule_parse (text, -1, &diagnostics);

  for (guint i = 0; i < diagnostics->len; i++)
    {
      g_autofree char *message = fd_rule_diagnostic_to_string (g_ptr_array_index (diagnostics, i));

      g_test_message ("unexpected: %s", message);
    }
  g_assert_cmpuint (diagnostics->len, ==, 0);

  return g_steal_pointer (&defs);
}

/* The first problem in @text, as the CLI prints it. */
static char *
first_error (const char *text)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GPtrArray) defs = fd_rule_parse (text, -1, &diagnostics);

  g_assert_cmpuint (diagnostics->len, >, 0);
  return fd_rule_diagnostic_to_string (g_ptr_array_index (diagnostics, 0));
}

static void
test_spec_rules (void)
{
  g_autoptr(GPtrArray) defs = parse_ok (spec_rules);
  static const char * const canonical[] = {
    "rule \"Low ROAS\"\n  level adset\n  when roas(3d) < 1.4\n  then pause, escalate \"account lead\"\n",
    "rule \"Creative fatigue\"\n  level ad\n  when frequency(7d) > 4 and decay(ctr, 7d) > 25%\n"
    "  then queue_replacement\n",
    "rule \"CPA over target\"\n  level adset\n  when cpa(1d) > target_cpa * 1.4 for 48h\n"
    "  then budget -30%, notify\n",
    "rule \"Scale winners\"\n  level adset\n  when ctr(1d) > 3.5% for 48h and cpa(1d) < target_cpa\n"
    "  then budget +20%\n",
  };
  FdRuleDef *def;
  FdRuleExpr *when;

  g_assert_cmpuint (defs->len, ==, 4);

  for (guint i = 0; i < defs->len; i++)
    {
      g_autofree char *text = fd_rule_def_to_string (g_ptr_array_index (defs, i));

      g_assert_cmpstr (text, ==, canonical[i]);
    }

  /* Low ROAS: a ratio over 3 days, two actions. */
  def = g_ptr_array_index (defs, 0);
  g_assert_cmpint (def->level, ==, FD_RULE_LEVEL_ADSET);
  when = def->when;
  g_assert_cmpint (when->kind, ==, FD_RULE_EXPR_LT);
  g_assert_cmpint (when->left->kind, ==, FD_RULE_EXPR_METRIC);
  g_assert_cmpint (when->left->metric, ==, FD_RULE_METRIC_ROAS);
  g_assert_cmpint (when->left->duration, ==, 3 * G_TIME_SPAN_DAY);
  g_assert_cmpint (when->left->unit, ==, FD_RULE_UNIT_RATIO);
  g_assert_cmpfloat (when->right->value, ==, 1.4);
  g_assert_cmpuint (def->actions->len, ==, 2);
  g_assert_cmpint (((FdRuleAction *)g_ptr_array_index (def->actions, 0))->kind, ==, FD_RULE_ACTION_PAUSE);
  g_assert_cmpstr (((FdRuleAction *)g_ptr_array_index (def->actions, 1))->recipient, ==, "account lead");
  g_assert_false (def->has_cooldown);
  g_assert_cmpint (fd_rule_def_get_cooldown (def), ==, 24 * G_TIME_SPAN_HOUR);

  /* Creative fatigue: and of two comparisons, decay in percent. */
  def = g_ptr_array_index (defs, 1);
  g_assert_cmpint (def->when->kind, ==, FD_RULE_EXPR_AND);
  g_assert_cmpint (def->when->right->left->kind, ==, FD_RULE_EXPR_DECAY);
  g_assert_cmpint (def->when->right->left->metric, ==, FD_RULE_METRIC_CTR);
  g_assert_cmpint (def->when->right->left->unit, ==, FD_RULE_UNIT_PERCENT);
  g_assert_true (def->when->right->right->percent);
  g_assert_cmpfloat (def->when->right->right->value, ==, 25);

  /* CPA over target: "for" binds to the comparison; 1.4 is a factor. */
  def = g_ptr_array_index (defs, 2);
  g_assert_cmpint (def->when->kind, ==, FD_RULE_EXPR_FOR);
  g_assert_cmpint (def->when->duration, ==, 48 * G_TIME_SPAN_HOUR);
  g_assert_cmpint (def->when->left->kind, ==, FD_RULE_EXPR_GT);
  g_assert_cmpint (def->when->left->right->kind, ==, FD_RULE_EXPR_MUL);
  g_assert_cmpint (def->when->left->right->unit, ==, FD_RULE_UNIT_MONEY);
  g_assert_cmpfloat (((FdRuleAction *)g_ptr_array_index (def->actions, 0))->percent, ==, -30);
  g_assert_null (((FdRuleAction *)g_ptr_array_index (def->actions, 1))->recipient);

  /* Scale winners: "for" applies to the CTR comparison only. */
  def = g_ptr_array_index (defs, 3);
  g_assert_cmpint (def->when->kind, ==, FD_RULE_EXPR_AND);
  g_assert_cmpint (def->when->left->kind, ==, FD_RULE_EXPR_FOR);
  g_assert_cmpint (def->when->right->kind, ==, FD_RULE_EXPR_LT);
  g_assert_cmpfloat (((FdRuleAction *)g_ptr_array_index (def->actions, 0))->percent, ==, 20);
}

static void
test_sources (void)
{
  g_autoptr(GPtrArray) defs = parse_ok (spec_rules);

  /* Each rule keeps its own text, with the comments right above it. */
  g_assert_true (g_str_has_prefix (((FdRuleDef *)g_ptr_array_index (defs, 0))->source,
                                   "# The four rules of the spec, as written there.\nrule \"Low ROAS\"\n"));
  g_assert_cmpstr (((FdRuleDef *)g_ptr_array_index (defs, 1))->source, ==,
                   "rule \"Creative fatigue\"\n  level ad\n"
                   "  when frequency(7d) > 4.0 and decay(ctr, 7d) > 25%\n  then queue_replacement\n");
  g_assert_true (g_str_has_prefix (((FdRuleDef *)g_ptr_array_index (defs, 2))->source,
                                   "# Reduce spend where CPA runs hot.\nrule \"CPA over target\""));
  g_assert_true (g_str_has_suffix (((FdRuleDef *)g_ptr_array_index (defs, 3))->source,
                                   "  then budget +20%\n"));
}

static void
test_guardrails (void)
{
  g_autoptr(GPtrArray) defs = parse_ok ("rule \"Guarded\"\n"
                                        "  level adset\n"
                                        "  when roas(3d) < 1.4\n"
                                        "  then pause, notify \"Dana\"\n"
                                        "  require spend(3d) >= 50 and purchases(3d) >= 10\n"
                                        "  require impressions(1d) > 100\n"
                                        "  cooldown 12h\n"
                                        "  approval above 500 by \"account lead\"\n"
                                        "  reason \"Creative fatigue\"\n");
  FdRuleDef *def = g_ptr_array_index (defs, 0);
  g_autoptr(GPtrArray) always = parse_ok ("rule \"A\" level campaign when spend(1d) > 1 "
                                          "then budget -10% min 20 max 900 approval by \"Leo\" cooldown none");
  FdRuleDef *a = g_ptr_array_index (always, 0);
  FdRuleAction *budget = g_ptr_array_index (a->actions, 0);

  g_assert_cmpuint (def->requires->len, ==, 2);
  g_assert_true (def->has_cooldown);
  g_assert_cmpint (def->cooldown, ==, 12 * G_TIME_SPAN_HOUR);
  g_assert_true (def->has_approval);
  g_assert_false (def->approval_always);
  g_assert_cmpfloat (def->approval_above, ==, 500);
  g_assert_cmpstr (def->approver, ==, "account lead");
  g_assert_cmpstr (def->reason, ==, "creative-fatigue");

  g_assert_true (a->approval_always);
  g_assert_true (a->has_cooldown);
  g_assert_cmpint (a->cooldown, ==, 0);
  g_assert_true (budget->has_min && budget->has_max);
  g_assert_cmpfloat (budget->min, ==, 20);
  g_assert_cmpfloat (budget->max, ==, 900);
}

static void
test_expressions (void)
{
  static const struct { const char *when; const char *canonical; } cases[] = {
    { "(roas(3d) < 1 or cpa(1d) > 9) and not spend(1d) <= 0", "(roas(3d) < 1 or cpa(1d) > 9) and not spend(1d) <= 0" },
    { "roas(3d) < 1 or cpa(1d) > 9 and spend(1d) > 0", "roas(3d) < 1 or cpa(1d) > 9 and spend(1d) > 0" },
    { "cpa(1d) > cpa(7d) * 120%", "cpa(1d) > cpa(7d) * 120%" },
    { "spend(1d) - spend(2d) / 2 >= -5", "spend(1d) - spend(2d) / 2 >= -5" },
    { "spend(1d) - (spend(2d) - 5) > 0", "spend(1d) - (spend(2d) - 5) > 0" },
    { "(cpa(1d) > 5 and cpa(2d) > 5) for 6h", "(cpa(1d) > 5 and cpa(2d) > 5) for 6h" },
    { "ctr(24h) ≥ ctr(7d) + 0.5% and cpm(1d) ≠ 0", "ctr(24h) >= ctr(7d) + 0.5% and cpm(1d) != 0" },
    { "ROAS(3D) < 1.4 AND Frequency(7d) > 2", "roas(3d) < 1.4 and frequency(7d) > 2" },
    { "revenue(1d) / spend(1d) < target_roas", "purchase_value(1d) / spend(1d) < target_roas" },
    { "spend(1d) > daily_budget × 0.9", "spend(1d) > daily_budget * 0.9" },
    { "-(-spend(1d)) = 3", "--spend(1d) == 3" },
    { "cpc(1d) > 0.00000012", "cpc(1d) > 0.00000012" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("rule \"E\" level adset when %s then notify", cases[i].when);
      g_autoptr(GPtrArray) defs = parse_ok (text);
      g_autofree char *printed = fd_rule_expr_to_string (((FdRuleDef *)g_ptr_array_index (defs, 0))->when);

      g_assert_cmpstr (printed, ==, cases[i].canonical);
    }
}

static void
test_percent_literals (void)
{
  g_autoptr(GPtrArray) defs = parse_ok ("rule \"P\" level adset\n"
                                        "  when cpa(1d) > target_cpa * 140% and ctr(1d) > 3.5\n"
                                        "  then notify");
  FdRuleExpr *when = ((FdRuleDef *)g_ptr_array_index (defs, 0))->when;
  FdRuleExpr *factor = when->left->right->right;

  /* 140% in a product is the factor 1.4; a bare 3.5 against CTR is 3.5%. */
  g_assert_true (factor->percent);
  g_assert_true (factor->factor);
  g_assert_cmpfloat (factor->value, ==, 140);
  g_assert_cmpint (when->right->right->unit, ==, FD_RULE_UNIT_NUMBER);
  g_assert_cmpint (when->right->left->unit, ==, FD_RULE_UNIT_PERCENT);
}

typedef struct
{
  const char *text;
  const char *error;
} ErrorCase;

static void
test_errors (void)
{
  static const ErrorCase cases[] = {
    { "rule \"A\"\n  level adset\n  when roas( < 1.4\n  then pause",
      "line 3, column 14: expected a window such as 3d or 48h after \"roas(\"" },
    { "rule \"A\"\n  level adset\n  when roas(3x) < 1.4\n  then pause",
      "line 3, column 13: \"3x\" is neither a number nor a window: windows are written like 3d (days) or 48h (hours)" },
    { "rule \"A\"\n  level adset\n  when rosa(3d) < 1.4\n  then pause",
      "line 3, column 8: unknown metric \"rosa\"; did you mean \"roas\"?" },
    { "rule \"A\"\n  level adset\n  when roas < 1.4\n  then pause",
      "line 3, column 8: \"roas\" needs a window: write roas(3d) for the last three days" },
    { "rule \"A\"\n  level adset\n  when roas(3) < 1.4\n  then pause",
      "line 3, column 13: a window needs its unit: write 3d for days or 3h for hours" },
    { "rule \"A\"\n  level adset\n  when roas(3d) < 140%\n  then pause",
      "line 3, column 19: \"roas(3d)\" is a ratio, not a percentage: write 1.4 instead of 140%" },
    { "rule \"A\"\n  level ad\n  when cpa(1d) > target_cpa\n  then pause",
      "line 3, column 18: targets are set on ad sets and campaigns; a rule at level ad cannot use target_cpa" },
    { "rule \"A\"\n  level ad\n  when cpa(1d) > 5\n  then budget +20%",
      "line 4, column 8: ads have no budget of their own; change budgets in a rule at level adset or campaign" },
    { "rule \"A\"\n  level adset\n  when cpa(1d) > 5\n  then queue_replacement",
      "line 4, column 8: queue_replacement replaces an ad's creative; use it in a rule at level ad" },
    { "rule \"A\"\n  level adset\n  when cpa(1d) > purchases(1d)\n  then pause",
      "line 3, column 8: this compares \"cpa(1d)\" (an amount of money) with \"purchases(1d)\" (a count)" },
    { "rule \"A\"\n  level adset\n  when 1 < cpa(1d) < 5\n  then pause",
      "line 3, column 20: comparisons cannot be chained: write a < b and b < c" },
    { "rule \"A\"\n  level ad\n  when frequency(36h) > 4\n  then pause",
      "line 3, column 8: Meta reports frequency by day only: use a window of whole days, such as frequency(7d)" },
    { "rule \"A\"\n  level adset\n  when roas(3d) < 1.4 and\n  then pause",
      "line 4, column 3: expected a metric or a number before \"then\"" },
    { "rule \"A\"\n  level adset\n  when (roas(3d) < 1.4\n  then pause",
      "line 4, column 3: expected \")\" to close the \"(\" at line 3, column 8" },
    { "rule \"A\"\n  level adsets\n  when roas(3d) < 1.4\n  then pause",
      "line 2, column 9: expected a level: campaign, adset or ad" },
    { "rule \"A\"\n  level adset\n  when roas(3d) < 1.4\n  then stop",
      "line 4, column 8: unknown action \"stop\"; actions are pause, resume, budget, notify, escalate, queue_replacement" },
    { "rule \"A\"\n  level adset\n  when roas(3d) < 1.4\n  then budget 20%",
      "line 4, column 15: budget needs a signed percentage, such as budget +20% or budget -30%" },
    { "rule \"A\"\n  level adset\n  when roas(3d) < 1.4\n  then pause budget -20%",
      "line 4, column 14: separate actions with commas: then pause, notify" },
    { "rule \"A\"\n  level adset\n  when roas(3d)\n  then pause",
      "line 3, column 8: \"when\" needs a condition, but \"roas(3d)\" is a value: compare it, as in roas(3d) < 1.4" },
    { "rule \"A\"\n  level adset\n  when roas(3d) < 1 for 48\n  then pause",
      "line 3, column 25: expected how long the condition must hold after \"for\", such as 48h" },
    { "rule \"A\"\n  level adset\n  then pause",
      "line 1, column 1: rule \"A\" has no \"when\" clause: say when it fires, such as when roas(3d) < 1.4" },
    { "rule Low ROAS\n  level adset\n  when roas(3d) < 1\n  then pause",
      "line 1, column 6: expected the rule's name in quotes after \"rule\", such as rule \"Low ROAS\"" },
    { "rule \"A\n  level adset",
      "line 1, column 6: this text has no closing quote" },
    { "rule \"A\" level adset when roas(3d) < 1 then escalate",
      "line 1, column 53: escalate needs a role or a person in quotes, such as escalate \"account lead\"" },
    { "rule \"A\" level adset level ad when roas(3d) < 1 then pause",
      "line 1, column 22: this rule already has a \"level\" clause" },
    { "rule \"A\" level adset when roas(3d) < 1 $ then pause",
      "line 1, column 40: unexpected character \"$\"" },
    { "rule \"A\" level adset when roas(3d) < 1 then budget -100%",
      "line 1, column 45: a budget cannot drop by 100% or more; to stop spending, use pause" },
    { "rule \"A\" level adset when roas(3d) < 1 then pause, resume",
      "line 1, column 52: a rule cannot both pause and resume" },
    { "rule \"A\" level adset when (roas(3d) < 1 for 2h) for 48h then pause",
      "line 1, column 27: \"for\" cannot hold another \"for\"; write one persistence per comparison" },
    { "rule \"A\" level adset when roas(3d) < 1 then pause reason \"tired\"",
      "line 1, column 58: expected why an object is paused, one of \"budget decision\", \"creative fatigue\", \"seasonal end\", \"test loss\", \"compliance\"" },
    { "rule \"A\" level adset when roas(0h) < 1 then pause",
      "line 1, column 27: a window is at least one hour long" },
    { "level adset",
      "line 1, column 1: expected \"rule\" and a name in quotes to start a rule, found \"level\"" },
    { "", "line 1, column 1: there is no rule here: a rule starts with rule \"Its name\"" },
    { "rule \"A\" level adset when roas(3d) < 1 then pause\nrule \"a\" level ad when ctr(1d) < 1 then pause",
      "line 2, column 1: two rules are called \"a\"; names must differ" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *error = first_error (cases[i].text);

      g_test_message ("case %u: %s", i, error);
      g_assert_cmpstr (error, ==, cases[i].error);
    }
}

static void
test_all_errors_reported (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GPtrArray) defs = fd_rule_parse ("rule \"A\"\n"
                                             "  level adsets\n"
                                             "  when roas(3x) < 1\n"
                                             "  then stop\n"
                                             "rule \"B\" level ad when ctr(1d) < 1 then pause\n",
                                             -1, &diagnostics);
  g_autofree char *third = NULL;

  /* One per broken clause; the valid rule after them still parses. */
  g_assert_cmpuint (diagnostics->len, ==, 3);
  third = fd_rule_diagnostic_to_string (g_ptr_array_index (diagnostics, 2));
  g_assert_true (g_str_has_prefix (third, "line 4, column 8:"));
  g_assert_cmpuint (defs->len, ==, 2);
  g_assert_cmpstr (((FdRuleDef *)g_ptr_array_index (defs, 1))->name, ==, "B");
}

static void
test_unicode_positions (void)
{
  g_autofree char *error = first_error ("rule “Été – ROAS” level adset\n"
                                        "  when roas(3d) ≤ 1.4 and spënd(1d) > 0 then pause");
  g_autoptr(GPtrArray) defs = parse_ok ("rule “Été” level adset when roas(3d) ≤ 1.4 then pause");

  /* Columns count characters: "≤" is one. */
  g_assert_cmpstr (error, ==, "line 2, column 27: unknown metric \"spënd\"; did you mean \"spend\"?");
  g_assert_cmpstr (((FdRuleDef *)g_ptr_array_index (defs, 0))->name, ==, "Été");
}

static void
test_invalid_utf8 (void)
{
  static const char bad[] = "rule \"A\" level adset\nwhen roas(3d) < 1 \xff then pause";
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GPtrArray) defs = fd_rule_parse (bad, sizeof bad - 1, &diagnostics);
  g_autofree char *text = NULL;

  g_assert_cmpuint (diagnostics->len, ==, 1);
  text = fd_rule_diagnostic_to_string (g_ptr_array_index (diagnostics, 0));
  g_assert_cmpstr (text, ==, "line 2, column 19: the text is not valid UTF-8 (or holds a NUL byte) here");
}

static void
test_bounds (void)
{
  GString *deep = g_string_new ("rule \"D\" level adset when ");
  GString *long_chain = g_string_new ("rule \"L\" level adset when ");
  g_autofree char *deep_error = NULL;
  g_autofree char *long_error = NULL;
  g_autofree char *big_error = NULL;

  for (int i = 0; i < 100000; i++)
    g_string_append_c (deep, '(');
  for (int i = 0; i < 5000; i++)
    g_string_append (long_chain, "spend(1d) > 1 and ");
  g_string_append (long_chain, "spend(1d) > 1 then pause");

  deep_error = first_error (deep->str);
  long_error = first_error (long_chain->str);
  big_error = first_error ("rule \"B\" level adset when spend(1d) > 99999999999999999999 then pause");

  g_assert_nonnull (strstr (deep_error, "nested too deeply"));
  g_assert_nonnull (strstr (long_error, "too long"));
  g_assert_nonnull (strstr (big_error, "too large"));

  g_string_free (deep, TRUE);
  g_string_free (long_chain, TRUE);
}

static void
test_parse_one (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdRuleDef) def = fd_rule_parse_one ("rule \"A\" level adset when roas(3d) < 1 then pause", &error);
  g_autoptr(FdRuleDef) none = fd_rule_parse_one ("rule \"A\" level adset when roas(3d) then pause", &error);

  g_assert_nonnull (def);
  g_assert_null (none);
  g_assert_cmpstr (error->message, ==,
                   "line 1, column 27: \"when\" needs a condition, but \"roas(3d)\" is a value: "
                   "compare it, as in roas(3d) < 1.4");
}

static void
check_round_trip (const char *text,
                  gsize       length)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GPtrArray) defs = fd_rule_parse (text, length, &diagnostics);

  for (guint i = 0; i < diagnostics->len; i++)
    {
      FdRuleDiagnostic *d = g_ptr_array_index (diagnostics, i);

      g_assert_cmpuint (d->line, >, 0);
      g_assert_cmpuint (d->column, >, 0);
      g_assert_cmpuint (d->offset, <=, length);
      g_assert_true (g_utf8_validate (d->message, -1, NULL));
    }

  if (diagnostics->len > 0)
    return;

  for (guint i = 0; i < defs->len; i++)
    {
      g_autofree char *canonical = fd_rule_def_to_string (g_ptr_array_index (defs, i));
      g_autoptr(GPtrArray) again_diagnostics = NULL;
      g_autoptr(GPtrArray) again = fd_rule_parse (canonical, -1, &again_diagnostics);
      g_autofree char *second = NULL;

      g_assert_cmpuint (again_diagnostics->len, ==, 0);
      g_assert_cmpuint (again->len, ==, 1);
      second = fd_rule_def_to_string (g_ptr_array_index (again, 0));
      g_assert_cmpstr (canonical, ==, second);
    }
}

/* The fuzzer's seed corpus, and every input that ever crashed it. */
static void
test_corpus (gconstpointer data)
{
  const char *folder = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "rules", folder, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);
      g_autofree char *text = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (file, &text, &length, NULL));
      g_test_message ("%s", name);
      check_round_trip (text, length);
      n++;
    }

  g_assert_cmpuint (n, >, 0);
}

static void
test_metric_names (void)
{
  g_assert_cmpint (fd_rule_metric_lookup ("ROAS"), ==, FD_RULE_METRIC_ROAS);
  g_assert_cmpint (fd_rule_metric_lookup ("revenue"), ==, FD_RULE_METRIC_PURCHASE_VALUE);
  g_assert_cmpint (fd_rule_metric_lookup ("roi"), ==, -1);

  for (int i = 0; i < FD_RULE_N_METRICS; i++)
    {
      const FdRuleMetric *metric = fd_rule_metric_get (i);

      g_assert_cmpint (fd_rule_metric_lookup (metric->name), ==, i);
      g_assert_nonnull (metric->description);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rules/parser/spec-rules", test_spec_rules);
  g_test_add_func ("/rules/parser/sources", test_sources);
  g_test_add_func ("/rules/parser/guardrails", test_guardrails);
  g_test_add_func ("/rules/parser/expressions", test_expressions);
  g_test_add_func ("/rules/parser/percent-literals", test_percent_literals);
  g_test_add_func ("/rules/parser/errors", test_errors);
  g_test_add_func ("/rules/parser/all-errors", test_all_errors_reported);
  g_test_add_func ("/rules/parser/unicode-positions", test_unicode_positions);
  g_test_add_func ("/rules/parser/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/rules/parser/bounds", test_bounds);
  g_test_add_func ("/rules/parser/parse-one", test_parse_one);
  g_test_add_data_func ("/rules/parser/seed-corpus", "corpus", test_corpus);
  g_test_add_data_func ("/rules/parser/fuzz-regressions", "fuzz-regressions", test_corpus);
  g_test_add_func ("/rules/parser/metric-names", test_metric_names);

  return g_test_run ();
}
