/* fd-rule-lexer.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-rule-syntax.h"

G_BEGIN_DECLS

typedef enum
{
  FD_TOKEN_EOF,
  FD_TOKEN_WORD,        /* identifiers and keywords, as written */
  FD_TOKEN_NUMBER,      /* 1.4 */
  FD_TOKEN_DURATION,    /* 3d, 48h */
  FD_TOKEN_STRING,      /* "account lead" (text holds the content) */
  FD_TOKEN_PERCENT,     /* % */
  FD_TOKEN_LPAREN,
  FD_TOKEN_RPAREN,
  FD_TOKEN_COMMA,
  FD_TOKEN_PLUS,
  FD_TOKEN_MINUS,
  FD_TOKEN_STAR,
  FD_TOKEN_SLASH,
  FD_TOKEN_LT,
  FD_TOKEN_LE,
  FD_TOKEN_GT,
  FD_TOKEN_GE,
  FD_TOKEN_EQ,
  FD_TOKEN_NE,
  FD_TOKEN_ERROR,       /* a lexical error; text holds the message */
} FdTokenKind;

typedef struct
{
  FdTokenKind  kind;
  FdRuleSpan   span;
  double       number;
  gint64       duration;
  gboolean     in_hours;    /* DURATION: written as 48h, not 2d */
  char        *text;
} FdToken;

GArray     *fd_rule_lex            (const char *text,
                                    gsize       length);
const char *fd_token_kind_describe (FdTokenKind kind);

G_END_DECLS
