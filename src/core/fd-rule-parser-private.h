/* fd-rule-parser-private.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-rule-lexer.h"
#include "fd-rule-parser.h"

G_BEGIN_DECLS

/* What the two halves of the parser share: fd-rule-parser.c (rules,
 * clauses, actions, entry points) and fd-rule-parse-expr.c (conditions). */

typedef struct
{
  const char *text;
  GArray     *tokens;
  guint       pos;
  GPtrArray  *diagnostics;
  guint       depth;
  guint       operators;
} FdParser;

FdToken          *_fd_parser_peek            (FdParser         *p);
FdToken          *_fd_parser_next            (FdParser         *p);
gboolean          _fd_parser_is_word         (const FdToken    *token,
                                              const char       *word);
gboolean          _fd_parser_accept_word     (FdParser         *p,
                                              const char       *word);
gboolean          _fd_parser_is_clause_word  (const FdToken    *token);
char             *_fd_parser_describe        (FdParser         *p,
                                              const FdToken    *token);
gboolean          _fd_parser_fail            (FdParser         *p,
                                              const FdToken    *at,
                                              const char       *format,
                                              ...) G_GNUC_PRINTF (3, 4);
FdRuleSpan        _fd_parser_span_between    (const FdRuleSpan *first,
                                              const FdRuleSpan *last);
const FdRuleSpan *_fd_parser_previous_span   (FdParser         *p);
gboolean          _fd_parser_expect          (FdParser         *p,
                                              FdTokenKind       kind,
                                              const char       *message);
gboolean          _fd_parser_parse_window    (FdParser         *p,
                                              const char       *written_before,
                                              gint64           *duration,
                                              gboolean         *in_hours);
FdRuleExpr       *_fd_parser_parse_condition (FdParser         *p,
                                              const char       *clause);

G_END_DECLS
