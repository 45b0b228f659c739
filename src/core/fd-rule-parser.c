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
#include "fd-rule-parser-private.h"

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

#define MAX_DIAGNOSTICS    50

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

FdToken *
_fd_parser_peek (FdParser *p)
{
  return &g_array_index (p->tokens, FdToken, p->pos);
}

FdToken *
_fd_parser_next (FdParser *p)
{
  FdToken *token = _fd_parser_peek (p);

  if (token->kind != FD_TOKEN_EOF)
    p->pos++;

  return token;
}

gboolean
_fd_parser_is_word (const FdToken *token,
                    const char    *word)
{
  return token->kind == FD_TOKEN_WORD && g_ascii_strcasecmp (token->text, word) == 0;
}

gboolean
_fd_parser_accept_word (FdParser   *p,
                        const char *word)
{
  if (!_fd_parser_is_word (_fd_parser_peek (p), word))
    return FALSE;

  _fd_parser_next (p);
  return TRUE;
}

gboolean
_fd_parser_is_clause_word (const FdToken *token)
{
  for (guint i = 0; i < G_N_ELEMENTS (clause_words); i++)
    if (_fd_parser_is_word (token, clause_words[i]))
      return TRUE;

  return FALSE;
}

/* How a token reads in a message: "roas", "3d", "the end of the text".
 * At most 40 characters (never a cut character), control characters
 * shown as "?". */
char *
_fd_parser_describe (FdParser      *p,
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

/* Records an error at @at (a lexical error there wins: it says more). */
gboolean
_fd_parser_fail (FdParser      *p,
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

FdRuleSpan
_fd_parser_span_between (const FdRuleSpan *first,
                         const FdRuleSpan *last)
{
  FdRuleSpan span = *first;

  if (last->offset + last->length > first->offset)
    span.length = last->offset + last->length - first->offset;

  return span;
}

/* The span of the token just consumed. */
const FdRuleSpan *
_fd_parser_previous_span (FdParser *p)
{
  return &g_array_index (p->tokens, FdToken, p->pos > 0 ? p->pos - 1 : 0).span;
}

gboolean
_fd_parser_expect (FdParser    *p,
                   FdTokenKind  kind,
                   const char  *message)
{
  if (_fd_parser_peek (p)->kind == kind)
    {
      _fd_parser_next (p);
      return TRUE;
    }

  return _fd_parser_fail (p, _fd_parser_peek (p), "%s", message);
}

gboolean
_fd_parser_parse_window (FdParser    *p,
                         const char  *written_before,
                         gint64      *duration,
                         gboolean    *in_hours)
{
  FdToken *token = _fd_parser_peek (p);

  if (token->kind == FD_TOKEN_DURATION)
    {
      *in_hours = token->in_hours;
      *duration = _fd_parser_next (p)->duration;
      return TRUE;
    }

  if (token->kind == FD_TOKEN_NUMBER)
    return _fd_parser_fail (p, token, _("a window needs its unit: write %gd for days or %gh for hours"),
                 token->number, token->number);

  return _fd_parser_fail (p, token, _("expected a window such as 3d or 48h after \"%s\""), written_before);
}

/*
 * Clauses
 */

static gboolean
parse_number (FdParser   *p,
              double     *value,
              const char *message)
{
  if (_fd_parser_peek (p)->kind != FD_TOKEN_NUMBER)
    return _fd_parser_fail (p, _fd_parser_peek (p), "%s", message);

  *value = _fd_parser_next (p)->number;
  return TRUE;
}

static gboolean
parse_budget (FdParser     *p,
              FdRuleAction *action)
{
  FdToken *sign = _fd_parser_peek (p);

  if (sign->kind != FD_TOKEN_PLUS && sign->kind != FD_TOKEN_MINUS)
    return _fd_parser_fail (p, sign, _("budget needs a signed percentage, such as budget +20%% or budget -30%%"));
  _fd_parser_next (p);

  if (!parse_number (p, &action->percent,
                     _("budget needs a signed percentage, such as budget +20% or budget -30%")))
    return FALSE;

  if (sign->kind == FD_TOKEN_MINUS)
    action->percent = -action->percent;

  if (!_fd_parser_expect (p, FD_TOKEN_PERCENT, _("the budget change is a percentage: add \"%\", as in budget +20%")))
    return FALSE;

  for (;;)
    {
      FdToken *word = _fd_parser_peek (p);
      gboolean is_min = _fd_parser_is_word (word, "min");

      if (!is_min && !_fd_parser_is_word (word, "max"))
        break;
      _fd_parser_next (p);

      if ((is_min && action->has_min) || (!is_min && action->has_max))
        return _fd_parser_fail (p, word, _("this budget action already has a %s"), is_min ? "min" : "max");

      if (!parse_number (p, is_min ? &action->min : &action->max,
                         is_min ? _("expected the lowest daily budget after \"min\", such as min 20")
                                : _("expected the highest daily budget after \"max\", such as max 500")))
        return FALSE;

      if (_fd_parser_peek (p)->kind == FD_TOKEN_PERCENT)
        return _fd_parser_fail (p, _fd_parser_peek (p), _("min and max are amounts in the account currency, not percentages"));

      if (is_min)
        action->has_min = TRUE;
      else
        action->has_max = TRUE;
    }

  return TRUE;
}

static FdRuleAction *
parse_action (FdParser *p)
{
  FdToken *word = _fd_parser_peek (p);
  g_autoptr(FdRuleAction) action = NULL;

  if (word->kind != FD_TOKEN_WORD)
    {
      g_autofree char *found = _fd_parser_describe (p, word);

      _fd_parser_fail (p, word, _("expected an action such as pause or budget -30%%, found %s"), found);
      return NULL;
    }
  _fd_parser_next (p);

  if (_fd_parser_is_word (word, "pause"))
    action = fd_rule_action_new (FD_RULE_ACTION_PAUSE, &word->span);
  else if (_fd_parser_is_word (word, "resume") || _fd_parser_is_word (word, "unpause"))
    action = fd_rule_action_new (FD_RULE_ACTION_RESUME, &word->span);
  else if (_fd_parser_is_word (word, "queue_replacement"))
    action = fd_rule_action_new (FD_RULE_ACTION_QUEUE_REPLACEMENT, &word->span);
  else if (_fd_parser_is_word (word, "notify") || _fd_parser_is_word (word, "alert"))
    {
      action = fd_rule_action_new (FD_RULE_ACTION_NOTIFY, &word->span);
      if (_fd_parser_peek (p)->kind == FD_TOKEN_STRING)
        action->recipient = g_strdup (_fd_parser_next (p)->text);
    }
  else if (_fd_parser_is_word (word, "escalate"))
    {
      action = fd_rule_action_new (FD_RULE_ACTION_ESCALATE, &word->span);
      if (_fd_parser_peek (p)->kind != FD_TOKEN_STRING)
        {
          _fd_parser_fail (p, _fd_parser_peek (p), _("escalate needs a role or a person in quotes, such as "
                               "escalate \"account lead\""));
          return NULL;
        }
      action->recipient = g_strdup (_fd_parser_next (p)->text);
    }
  else if (_fd_parser_is_word (word, "budget"))
    {
      action = fd_rule_action_new (FD_RULE_ACTION_BUDGET, &word->span);
      if (!parse_budget (p, action))
        return NULL;
    }
  else
    {
      g_autofree char *known = g_strjoinv (", ", (char **)action_words);

      _fd_parser_fail (p, word, _("unknown action \"%s\"; actions are %s"), word->text, known);
      return NULL;
    }

  action->span = _fd_parser_span_between (&word->span, _fd_parser_previous_span (p));
  return g_steal_pointer (&action);
}

static gboolean
parse_then (FdParser  *p,
            FdRuleDef *def)
{
  do
    {
      FdRuleAction *action = parse_action (p);

      if (action == NULL)
        return FALSE;
      g_ptr_array_add (def->actions, action);
    }
  while (_fd_parser_peek (p)->kind == FD_TOKEN_COMMA && _fd_parser_next (p));

  if (_fd_parser_peek (p)->kind == FD_TOKEN_WORD && !_fd_parser_is_clause_word (_fd_parser_peek (p)))
    return _fd_parser_fail (p, _fd_parser_peek (p), _("separate actions with commas: then pause, notify"));

  return TRUE;
}

static gboolean
parse_level (FdParser  *p,
             FdRuleDef *def)
{
  FdToken *word = _fd_parser_peek (p);

  if (word->kind == FD_TOKEN_WORD &&
      (def->level = fd_rule_level_from_string (word->text)) != FD_RULE_LEVEL_NONE)
    {
      _fd_parser_next (p);
      return TRUE;
    }

  return _fd_parser_fail (p, word, _("expected a level: campaign, adset or ad"));
}

static gboolean
parse_cooldown (FdParser  *p,
                FdRuleDef *def)
{
  FdToken *token = _fd_parser_peek (p);

  if (_fd_parser_is_word (token, "none"))
    {
      _fd_parser_next (p);
      def->cooldown = 0;
      return TRUE;
    }

  if (token->kind == FD_TOKEN_NUMBER && token->number == 0)
    {
      _fd_parser_next (p);
      def->cooldown = 0;
      return TRUE;
    }

  return _fd_parser_parse_window (p, "cooldown", &def->cooldown, &def->cooldown_in_hours);
}

static gboolean
parse_approval (FdParser  *p,
                FdRuleDef *def)
{
  if (_fd_parser_accept_word (p, "above"))
    {
      if (!parse_number (p, &def->approval_above,
                         _("expected an amount after \"above\", such as approval above 500 by \"account lead\"")))
        return FALSE;
      if (_fd_parser_peek (p)->kind == FD_TOKEN_PERCENT)
        return _fd_parser_fail (p, _fd_parser_peek (p), _("the approval threshold is an amount of daily spend in the "
                                    "account currency, not a percentage"));
    }
  else
    def->approval_always = TRUE;

  if (!_fd_parser_accept_word (p, "by"))
    return _fd_parser_fail (p, _fd_parser_peek (p), def->approval_always
                              ? _("expected \"above\" and an amount, or \"by\" and who approves, "
                                  "such as approval above 500 by \"account lead\"")
                              : _("expected \"by\" and who approves, such as by \"account lead\""));

  if (_fd_parser_peek (p)->kind != FD_TOKEN_STRING)
    return _fd_parser_fail (p, _fd_parser_peek (p), _("expected a role or a person in quotes after \"by\", such as "
                                "by \"account lead\""));

  def->approver = g_strdup (_fd_parser_next (p)->text);
  return TRUE;
}

static gboolean
parse_reason (FdParser  *p,
              FdRuleDef *def)
{
  FdToken *token = _fd_parser_peek (p);
  g_autofree char *known = NULL;
  const char * const *ids;
  GString *titles;

  if (token->kind == FD_TOKEN_STRING || token->kind == FD_TOKEN_WORD)
    {
      def->reason = fd_rule_reason_normalize (token->text);
      if (def->reason != NULL)
        {
          _fd_parser_next (p);
          return TRUE;
        }
    }

  ids = fd_rule_get_reasons ();
  titles = g_string_new (NULL);
  for (guint i = 0; ids[i] != NULL; i++)
    g_string_append_printf (titles, "%s\"%s\"", i ? ", " : "", fd_rule_reason_get_title (ids[i]));
  known = g_string_free (titles, FALSE);

  return _fd_parser_fail (p, token, _("expected why an object is paused, one of %s"), known);
}

typedef struct
{
  const char *word;
  gboolean  (*parse) (FdParser *p, FdRuleDef *def);
} ClauseParser;

static gboolean
parse_when (FdParser  *p,
            FdRuleDef *def)
{
  return (def->when = _fd_parser_parse_condition (p, "when")) != NULL;
}

static gboolean
parse_require (FdParser  *p,
               FdRuleDef *def)
{
  FdRuleExpr *condition = _fd_parser_parse_condition (p, "require");

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
skip_to_clause (FdParser *p)
{
  while (_fd_parser_peek (p)->kind != FD_TOKEN_EOF && !_fd_parser_is_clause_word (_fd_parser_peek (p)))
    _fd_parser_next (p);
}

static gboolean
parse_clause (FdParser  *p,
              FdRuleDef *def)
{
  FdToken *word = _fd_parser_next (p);

  for (guint i = 0; i < G_N_ELEMENTS (clauses); i++)
    {
      if (!_fd_parser_is_word (word, clauses[i].word))
        continue;

      if (clause_seen (def, clauses[i].word))
        {
          _fd_parser_fail (p, word, _("this rule already has a \"%s\" clause"), clauses[i].word);
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
check_required_clauses (FdParser  *p,
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
parse_rule (FdParser *p)
{
  g_autoptr(FdRuleDef) def = fd_rule_def_new ();
  FdToken *keyword = _fd_parser_next (p);
  FdToken *name = _fd_parser_peek (p);
  guint errors_before = p->diagnostics->len;

  def->span = keyword->span;

  if (name->kind != FD_TOKEN_STRING)
    {
      _fd_parser_fail (p, name, _("expected the rule's name in quotes after \"rule\", such as rule \"Low ROAS\""));
      /* An unquoted name: step over it rather than report it again. */
      if ((name->kind == FD_TOKEN_WORD && !_fd_parser_is_clause_word (name)) || name->kind == FD_TOKEN_NUMBER)
        _fd_parser_next (p);
    }
  else if (g_strstrip (name->text)[0] == '\0')
    _fd_parser_fail (p, _fd_parser_next (p), _("the rule's name is empty"));
  else
    def->name = g_strdup (_fd_parser_next (p)->text);

  for (;;)
    {
      FdToken *token = _fd_parser_peek (p);

      if (token->kind == FD_TOKEN_EOF || _fd_parser_is_word (token, "rule"))
        break;

      if (!_fd_parser_is_clause_word (token))
        {
          g_autofree char *found = _fd_parser_describe (p, token);

          _fd_parser_fail (p, token, _("expected a clause (level, when, then, require, cooldown, approval "
                            "or reason), found %s"), found);
          _fd_parser_next (p);
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
  FdParser p = { 0 };

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

  while (_fd_parser_peek (&p)->kind != FD_TOKEN_EOF)
    {
      if (!_fd_parser_is_word (_fd_parser_peek (&p), "rule"))
        {
          g_autofree char *found = _fd_parser_describe (&p, _fd_parser_peek (&p));

          _fd_parser_fail (&p, _fd_parser_peek (&p), _("expected \"rule\" and a name in quotes to start a rule, found %s"),
                found);
          while (_fd_parser_peek (&p)->kind != FD_TOKEN_EOF && !_fd_parser_is_word (_fd_parser_peek (&p), "rule"))
            _fd_parser_next (&p);
          continue;
        }

      g_ptr_array_add (defs, parse_rule (&p));
    }

  if (defs->len == 0 && problems->len == 0)
    _fd_rule_add_diagnostic (problems, &_fd_parser_peek (&p)->span,
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
