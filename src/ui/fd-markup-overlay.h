/* fd-markup-overlay.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fd-markup-shape.h"
#include "fd-media-canvas.h"

G_BEGIN_DECLS

/**
 * FdMarkupTool:
 * @FD_MARKUP_TOOL_NONE: not drawing; input goes to the canvas
 * @FD_MARKUP_TOOL_RECTANGLE: drag to draw a box
 * @FD_MARKUP_TOOL_FREEHAND: drag to draw a stroke
 */
typedef enum
{
  FD_MARKUP_TOOL_NONE,
  FD_MARKUP_TOOL_RECTANGLE,
  FD_MARKUP_TOOL_FREEHAND,
} FdMarkupTool;

#define FD_TYPE_MARKUP_OVERLAY (fd_markup_overlay_get_type ())

G_DECLARE_FINAL_TYPE (FdMarkupOverlay, fd_markup_overlay, FD, MARKUP_OVERLAY, GtkWidget)

GtkWidget    *fd_markup_overlay_new        (FdMediaCanvas   *canvas);
void          fd_markup_overlay_set_tool   (FdMarkupOverlay *self,
                                            FdMarkupTool     tool);
FdMarkupTool  fd_markup_overlay_get_tool   (FdMarkupOverlay *self);
void          fd_markup_overlay_set_color  (FdMarkupOverlay *self,
                                            const char      *color);
void          fd_markup_overlay_set_shapes (FdMarkupOverlay *self,
                                            GListModel      *shapes);
GListModel   *fd_markup_overlay_get_shapes (FdMarkupOverlay *self);

G_END_DECLS
