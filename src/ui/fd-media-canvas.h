/* fd-media-canvas.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * FdCanvasMode:
 * @FD_CANVAS_SINGLE: one picture (the player)
 * @FD_CANVAS_SIDE_BY_SIDE: A left, B right, zoom and pan locked
 * @FD_CANVAS_WIPE: B under A, A shown left of a draggable divider
 * @FD_CANVAS_DIFFERENCE: the difference picture
 */
typedef enum
{
  FD_CANVAS_SINGLE,
  FD_CANVAS_SIDE_BY_SIDE,
  FD_CANVAS_WIPE,
  FD_CANVAS_DIFFERENCE,
} FdCanvasMode;

#define FD_TYPE_MEDIA_CANVAS (fd_media_canvas_get_type ())

G_DECLARE_FINAL_TYPE (FdMediaCanvas, fd_media_canvas, FD, MEDIA_CANVAS, GtkWidget)

GtkWidget    *fd_media_canvas_new              (void);
void          fd_media_canvas_set_paintable    (FdMediaCanvas   *self,
                                                int              index,
                                                GdkPaintable    *paintable);
void          fd_media_canvas_set_difference   (FdMediaCanvas   *self,
                                                GdkPaintable    *paintable);
void          fd_media_canvas_set_mode         (FdMediaCanvas   *self,
                                                FdCanvasMode     mode);
FdCanvasMode  fd_media_canvas_get_mode         (FdMediaCanvas   *self);
void          fd_media_canvas_set_zoom         (FdMediaCanvas   *self,
                                                double           zoom);
double        fd_media_canvas_get_zoom         (FdMediaCanvas   *self);
void          fd_media_canvas_zoom_to_actual   (FdMediaCanvas   *self);
void          fd_media_canvas_set_center       (FdMediaCanvas   *self,
                                                double           x,
                                                double           y);
void          fd_media_canvas_set_wipe         (FdMediaCanvas   *self,
                                                double           position);
double        fd_media_canvas_get_wipe         (FdMediaCanvas   *self);
void          fd_media_canvas_set_labels       (FdMediaCanvas   *self,
                                                const char      *label_a,
                                                const char      *label_b);
gboolean      fd_media_canvas_get_picture_rect (FdMediaCanvas   *self,
                                                int              index,
                                                graphene_rect_t *rect);

G_END_DECLS
