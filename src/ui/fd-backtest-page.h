/* fd-backtest-page.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fd-backtest.h"
#include "fd-rule-editor.h"
#include "fd-workspace.h"

G_BEGIN_DECLS

#define FD_TYPE_BACKTEST_PAGE (fd_backtest_page_get_type ())

G_DECLARE_FINAL_TYPE (FdBacktestPage, fd_backtest_page, FD, BACKTEST_PAGE, AdwBin)

void        fd_backtest_page_set_workspace (FdBacktestPage *self,
                                            FdWorkspace    *workspace);
void        fd_backtest_page_set_editor    (FdBacktestPage *self,
                                            FdRuleEditor   *editor);
void        fd_backtest_page_set_range     (FdBacktestPage *self,
                                            const char     *since,
                                            const char     *until);
void        fd_backtest_page_select_rule   (FdBacktestPage *self,
                                            guint           position);
FdBacktest *fd_backtest_page_get_result    (FdBacktestPage *self);
gboolean    fd_backtest_page_get_running   (FdBacktestPage *self);

G_END_DECLS
