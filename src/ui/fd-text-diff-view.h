/* fd-text-diff-view.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FD_TYPE_TEXT_DIFF_VIEW (fd_text_diff_view_get_type ())

G_DECLARE_FINAL_TYPE (FdTextDiffView, fd_text_diff_view, FD, TEXT_DIFF_VIEW, GtkWidget)

GtkWidget     *fd_text_diff_view_new        (void);
void           fd_text_diff_view_set_texts  (FdTextDiffView *self,
                                             const char     *old_text,
                                             const char     *new_text);
GtkTextBuffer *fd_text_diff_view_get_buffer (FdTextDiffView *self);
const char    *fd_text_diff_view_get_summary (FdTextDiffView *self);

G_END_DECLS
