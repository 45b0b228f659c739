/* fd-wrap-box.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FD_TYPE_WRAP_BOX (fd_wrap_box_get_type ())

G_DECLARE_FINAL_TYPE (FdWrapBox, fd_wrap_box, FD, WRAP_BOX, GtkWidget)

GtkWidget *fd_wrap_box_new             (void);
void       fd_wrap_box_append          (FdWrapBox *self,
                                        GtkWidget *child);
int        fd_wrap_box_get_spacing     (FdWrapBox *self);
void       fd_wrap_box_set_spacing     (FdWrapBox *self,
                                        int        spacing);
int        fd_wrap_box_get_row_spacing (FdWrapBox *self);
void       fd_wrap_box_set_row_spacing (FdWrapBox *self,
                                        int        spacing);

G_END_DECLS
