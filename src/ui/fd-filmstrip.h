/* fd-filmstrip.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fd-media-diff.h"
#include "fd-media-info.h"

G_BEGIN_DECLS

#define FD_TYPE_FILMSTRIP (fd_filmstrip_get_type ())

G_DECLARE_FINAL_TYPE (FdFilmstrip, fd_filmstrip, FD, FILMSTRIP, GtkWidget)

GtkWidget *fd_filmstrip_new           (void);
void       fd_filmstrip_set_source    (FdFilmstrip       *self,
                                       const char        *path,
                                       const FdMediaInfo *info);
void       fd_filmstrip_set_n_frames  (FdFilmstrip       *self,
                                       gint64             n_frames);
void       fd_filmstrip_set_frame     (FdFilmstrip       *self,
                                       gint64             frame);
gint64     fd_filmstrip_get_frame     (FdFilmstrip       *self);
void       fd_filmstrip_set_loop      (FdFilmstrip       *self,
                                       gint64             in_frame,
                                       gint64             out_frame);
void       fd_filmstrip_set_ranges    (FdFilmstrip       *self,
                                       GArray            *ranges);
void       fd_filmstrip_set_markers   (FdFilmstrip       *self,
                                       GArray            *frames);
void       fd_filmstrip_set_progress  (FdFilmstrip       *self,
                                       double             progress);
guint      fd_filmstrip_get_n_thumbnails (FdFilmstrip    *self);

G_END_DECLS
