/* fd-rule.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fd-rule-syntax.h"

G_BEGIN_DECLS

#define FD_TYPE_RULE (fd_rule_get_type ())

G_DECLARE_FINAL_TYPE (FdRule, fd_rule, FD, RULE, GObject)

/* A stored rule at one of its versions (the current one, unless it came
 * from fd_rulebook_list_versions()). Immutable. */

FdRule      *fd_rule_new            (gint64       id,
                                     const char  *name,
                                     FdRuleLevel  level,
                                     gboolean     enabled,
                                     int          version,
                                     const char  *text,
                                     gint64       created_us,
                                     gint64       updated_us,
                                     const char  *author);
gint64       fd_rule_get_id         (FdRule      *self);
const char  *fd_rule_get_name       (FdRule      *self);
FdRuleLevel  fd_rule_get_level      (FdRule      *self);
gboolean     fd_rule_get_enabled    (FdRule      *self);
int          fd_rule_get_version    (FdRule      *self);
const char  *fd_rule_get_text       (FdRule      *self);
gint64       fd_rule_get_created    (FdRule      *self);
gint64       fd_rule_get_updated    (FdRule      *self);
const char  *fd_rule_get_author     (FdRule      *self);
FdRuleDef   *fd_rule_get_definition (FdRule      *self,
                                     GError     **error);

G_END_DECLS
