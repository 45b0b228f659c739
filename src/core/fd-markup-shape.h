/* fd-markup-shape.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * FdMarkupKind:
 * @FD_MARKUP_RECTANGLE: a box, given by two opposite corners
 * @FD_MARKUP_FREEHAND: a stroke, given by its points in order
 */
typedef enum
{
  FD_MARKUP_RECTANGLE,
  FD_MARKUP_FREEHAND,
} FdMarkupKind;

#define FD_TYPE_MARKUP_SHAPE (fd_markup_shape_get_type ())

G_DECLARE_FINAL_TYPE (FdMarkupShape, fd_markup_shape, FD, MARKUP_SHAPE, GObject)

FdMarkupShape *fd_markup_shape_new            (FdMarkupKind    kind,
                                               const char     *color);
FdMarkupShape *fd_markup_shape_new_from_json  (JsonNode       *node,
                                               GError        **error);
FdMarkupKind   fd_markup_shape_get_kind       (FdMarkupShape  *self);
const char    *fd_markup_shape_get_color      (FdMarkupShape  *self);
void           fd_markup_shape_add_point      (FdMarkupShape  *self,
                                               double          x,
                                               double          y);
guint          fd_markup_shape_get_n_points   (FdMarkupShape  *self);
void           fd_markup_shape_get_point      (FdMarkupShape  *self,
                                               guint           index,
                                               double         *x,
                                               double         *y);
JsonNode      *fd_markup_shape_to_json        (FdMarkupShape  *self);

G_END_DECLS
