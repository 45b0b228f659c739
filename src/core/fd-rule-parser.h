/* fd-rule-parser.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-rule-syntax.h"

G_BEGIN_DECLS

/**
 * FdRuleDiagnostic:
 * @line: from 1
 * @column: from 1, in characters
 * @offset: byte offset in the text
 * @length: bytes the problem covers (at least 1 unless at the end)
 * @message: what is wrong, for the person writing the rule
 *
 * One problem found in rule text, to underline in an editor or to print as
 * "line 3, column 18: expected a window such as 3d or 48h after "roas("".
 */
typedef struct
{
  guint  line;
  guint  column;
  guint  offset;
  guint  length;
  char  *message;
} FdRuleDiagnostic;

void        fd_rule_diagnostic_free      (FdRuleDiagnostic *diagnostic);
char       *fd_rule_diagnostic_to_string (const FdRuleDiagnostic *diagnostic);

GPtrArray  *fd_rule_parse                (const char       *text,
                                          gssize            length,
                                          GPtrArray       **diagnostics);
FdRuleDef  *fd_rule_parse_one            (const char       *text,
                                          GError          **error);

/* The checker, run by fd_rule_parse() on every rule that parsed. */
void        _fd_rule_check               (FdRuleDef        *def,
                                          GPtrArray        *diagnostics);
void        _fd_rule_add_diagnostic      (GPtrArray        *diagnostics,
                                          const FdRuleSpan *span,
                                          const char       *format,
                                          ...) G_GNUC_PRINTF (3, 4);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdRuleDiagnostic, fd_rule_diagnostic_free)

G_END_DECLS
