/* fd-rule-editor.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fd-workspace.h"

G_BEGIN_DECLS

#define FD_TYPE_RULE_EDITOR (fd_rule_editor_get_type ())

G_DECLARE_FINAL_TYPE (FdRuleEditor, fd_rule_editor, FD, RULE_EDITOR, AdwBin)

void        fd_rule_editor_set_workspace (FdRuleEditor *self,
                                          FdWorkspace  *workspace);
char       *fd_rule_editor_dup_text      (FdRuleEditor *self);
void        fd_rule_editor_set_text      (FdRuleEditor *self,
                                          const char   *text);
gint64      fd_rule_editor_get_rule_id   (FdRuleEditor *self);
const char *fd_rule_editor_get_problem   (FdRuleEditor *self);
gboolean    fd_rule_editor_get_checking  (FdRuleEditor *self);
GListModel *fd_rule_editor_get_rules     (FdRuleEditor *self);

G_END_DECLS
