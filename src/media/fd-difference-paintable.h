/* fd-difference-paintable.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-video-paintable.h"

G_BEGIN_DECLS

#define FD_TYPE_DIFFERENCE_PAINTABLE (fd_difference_paintable_get_type ())

G_DECLARE_FINAL_TYPE (FdDifferencePaintable, fd_difference_paintable, FD, DIFFERENCE_PAINTABLE, GObject)

FdDifferencePaintable *fd_difference_paintable_new            (FdVideoPaintable      *a,
                                                               FdVideoPaintable      *b);
void                   fd_difference_paintable_set_pair     (FdDifferencePaintable *self,
                                                             GstSample             *a,
                                                             GstSample             *b);
void                   fd_difference_paintable_set_gain       (FdDifferencePaintable *self,
                                                               double                 gain);
double                 fd_difference_paintable_get_gain       (FdDifferencePaintable *self);
void                   fd_difference_paintable_set_active     (FdDifferencePaintable *self,
                                                               gboolean               active);
gboolean               fd_difference_paintable_get_compatible (FdDifferencePaintable *self);
guint64                fd_difference_paintable_get_n_computed (FdDifferencePaintable *self);
GdkTexture            *fd_difference_paintable_get_texture    (FdDifferencePaintable *self);

G_END_DECLS
