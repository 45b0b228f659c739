/* fd-compare-view.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fd-compare-transport.h"
#include "fd-difference-paintable.h"
#include "fd-filmstrip.h"
#include "fd-media-canvas.h"
#include "fd-media-diff.h"

G_BEGIN_DECLS

#define FD_TYPE_COMPARE_VIEW (fd_compare_view_get_type ())

G_DECLARE_FINAL_TYPE (FdCompareView, fd_compare_view, FD, COMPARE_VIEW, GtkWidget)

GtkWidget             *fd_compare_view_new            (void);
void                   fd_compare_view_open           (FdCompareView *self,
                                                       const char    *path_a,
                                                       const char    *path_b,
                                                       const char    *label_a,
                                                       const char    *label_b);
void                   fd_compare_view_set_cache      (FdCompareView *self,
                                                       const char    *cache_dir,
                                                       const char    *id_a,
                                                       const char    *id_b);
void                   fd_compare_view_set_mode       (FdCompareView *self,
                                                       const char    *mode);
const char            *fd_compare_view_get_mode       (FdCompareView *self);
FdCompareTransport    *fd_compare_view_get_transport  (FdCompareView *self);
FdMediaCanvas         *fd_compare_view_get_canvas     (FdCompareView *self);
FdFilmstrip           *fd_compare_view_get_timeline   (FdCompareView *self);
FdDifferencePaintable *fd_compare_view_get_difference (FdCompareView *self);
const FdMediaDiffResult *fd_compare_view_get_diff_result (FdCompareView *self);

G_END_DECLS
