/* fd-markup-overlay.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-markup-overlay"

#include "config.h"

#include "fd-markup-overlay.h"

/* Drawing on a frame: a reviewer drags a box or a freehand stroke over
 * the picture, and "shape-drawn" hands over an FdMarkupShape whose points
 * are normalised to the picture (0–1), ready to be attached to a comment
 * at the current frame. It also shows a list of shapes (a comment's, when
 * the player seeks to it). With the tool at NONE it takes no input, so
 * dragging pans the canvas underneath. */

struct _FdMarkupOverlay
{
  GtkWidget       parent_instance;

  FdMediaCanvas  *canvas;
  FdMarkupTool    tool;
  char           *color;
  GListModel     *shapes;
  FdMarkupShape  *drawing;
};

G_DEFINE_FINAL_TYPE (FdMarkupOverlay, fd_markup_overlay, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TOOL,
  PROP_SHAPES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SHAPE_DRAWN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
picture_rect (FdMarkupOverlay *self,
              graphene_rect_t *rect)
{
  graphene_point_t origin;

  if (self->canvas == NULL || !fd_media_canvas_get_picture_rect (self->canvas, 0, rect) ||
      !gtk_widget_compute_point (GTK_WIDGET (self->canvas), GTK_WIDGET (self), &rect->origin, &origin))
    return FALSE;

  rect->origin = origin;
  return rect->size.width > 0 && rect->size.height > 0;
}

static void
draw_shape (cairo_t               *cr,
            FdMarkupShape         *shape,
            const graphene_rect_t *r)
{
  guint n = fd_markup_shape_get_n_points (shape);
  GdkRGBA color;
  double x, y;

  if (n == 0 || !gdk_rgba_parse (&color, fd_markup_shape_get_color (shape)))
    return;

  gdk_cairo_set_source_rgba (cr, &color);
  cairo_set_line_width (cr, 3);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  if (fd_markup_shape_get_kind (shape) == FD_MARKUP_RECTANGLE && n == 2)
    {
      double x2, y2;

      fd_markup_shape_get_point (shape, 0, &x, &y);
      fd_markup_shape_get_point (shape, 1, &x2, &y2);
      cairo_rectangle (cr, r->origin.x + MIN (x, x2) * r->size.width, r->origin.y + MIN (y, y2) * r->size.height,
                       ABS (x2 - x) * r->size.width, ABS (y2 - y) * r->size.height);
    }
  else
    for (guint i = 0; i < n; i++)
      {
        fd_markup_shape_get_point (shape, i, &x, &y);
        if (i == 0)
          cairo_move_to (cr, r->origin.x + x * r->size.width, r->origin.y + y * r->size.height);
        else
          cairo_line_to (cr, r->origin.x + x * r->size.width, r->origin.y + y * r->size.height);
      }

  cairo_stroke (cr);
}

static void
fd_markup_overlay_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  FdMarkupOverlay *self = FD_MARKUP_OVERLAY (widget);
  graphene_rect_t r;
  cairo_t *cr;
  guint n = self->shapes ? g_list_model_get_n_items (self->shapes) : 0;

  if ((n == 0 && self->drawing == NULL) || !picture_rect (self, &r))
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                                 gtk_widget_get_height (widget)));
  cairo_rectangle (cr, r.origin.x, r.origin.y, r.size.width, r.size.height);
  cairo_clip (cr);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FdMarkupShape) shape = g_list_model_get_item (self->shapes, i);

      draw_shape (cr, shape, &r);
    }
  if (self->drawing != NULL)
    draw_shape (cr, self->drawing, &r);

  cairo_destroy (cr);
}

static void
add_point (FdMarkupOverlay *self,
           double           x,
           double           y)
{
  graphene_rect_t r;

  if (self->drawing == NULL || !picture_rect (self, &r))
    return;

  fd_markup_shape_add_point (self->drawing, (x - r.origin.x) / r.size.width,
                             (y - r.origin.y) / r.size.height);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_begin (GtkGestureDrag  *gesture,
               double           x,
               double           y,
               FdMarkupOverlay *self)
{
  if (self->tool == FD_MARKUP_TOOL_NONE)
    return;

  g_clear_object (&self->drawing);
  self->drawing = fd_markup_shape_new (self->tool == FD_MARKUP_TOOL_RECTANGLE ? FD_MARKUP_RECTANGLE
                                                                              : FD_MARKUP_FREEHAND,
                                       self->color);
  add_point (self, x, y);
  if (self->tool == FD_MARKUP_TOOL_RECTANGLE)
    add_point (self, x, y);
}

static void
on_drag_update (GtkGestureDrag  *gesture,
                double           dx,
                double           dy,
                FdMarkupOverlay *self)
{
  double x, y;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  add_point (self, x + dx, y + dy);
}

static void
on_drag_end (GtkGestureDrag  *gesture,
             double           dx,
             double           dy,
             FdMarkupOverlay *self)
{
  g_autoptr(FdMarkupShape) shape = g_steal_pointer (&self->drawing);

  if (shape != NULL && fd_markup_shape_get_n_points (shape) >= 2)
    g_signal_emit (self, signals[SHAPE_DRAWN], 0, shape);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_items_changed (FdMarkupOverlay *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
fd_markup_overlay_dispose (GObject *object)
{
  FdMarkupOverlay *self = (FdMarkupOverlay *)object;

  fd_markup_overlay_set_shapes (self, NULL);
  g_clear_object (&self->drawing);
  g_clear_weak_pointer (&self->canvas);
  g_clear_pointer (&self->color, g_free);

  G_OBJECT_CLASS (fd_markup_overlay_parent_class)->dispose (object);
}

static void
fd_markup_overlay_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  FdMarkupOverlay *self = FD_MARKUP_OVERLAY (object);

  switch (prop_id)
    {
    case PROP_TOOL:
      g_value_set_int (value, self->tool);
      break;
    case PROP_SHAPES:
      g_value_set_object (value, self->shapes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_markup_overlay_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  FdMarkupOverlay *self = FD_MARKUP_OVERLAY (object);

  switch (prop_id)
    {
    case PROP_TOOL:
      fd_markup_overlay_set_tool (self, g_value_get_int (value));
      break;
    case PROP_SHAPES:
      fd_markup_overlay_set_shapes (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_markup_overlay_class_init (FdMarkupOverlayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = fd_markup_overlay_dispose;
  object_class->get_property = fd_markup_overlay_get_property;
  object_class->set_property = fd_markup_overlay_set_property;
  widget_class->snapshot = fd_markup_overlay_snapshot;

  properties[PROP_TOOL] =
    g_param_spec_int ("tool", NULL, NULL, FD_MARKUP_TOOL_NONE, FD_MARKUP_TOOL_FREEHAND, FD_MARKUP_TOOL_NONE, rw);
  properties[PROP_SHAPES] = g_param_spec_object ("shapes", NULL, NULL, G_TYPE_LIST_MODEL, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FdMarkupOverlay::shape-drawn:
   * @shape: the finished shape, normalised to the picture
   */
  signals[SHAPE_DRAWN] =
    g_signal_new ("shape-drawn", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, FD_TYPE_MARKUP_SHAPE);

  gtk_widget_class_set_css_name (widget_class, "fd-markup-overlay");
}

static void
fd_markup_overlay_init (FdMarkupOverlay *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();

  self->color = g_strdup ("#e01b24");
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

GtkWidget *
fd_markup_overlay_new (FdMediaCanvas *canvas)
{
  FdMarkupOverlay *self = g_object_new (FD_TYPE_MARKUP_OVERLAY, NULL);

  g_set_weak_pointer (&self->canvas, canvas);
  g_signal_connect_object (canvas, "layout-changed", G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

void
fd_markup_overlay_set_tool (FdMarkupOverlay *self,
                            FdMarkupTool     tool)
{
  g_return_if_fail (FD_IS_MARKUP_OVERLAY (self));

  if (self->tool == tool)
    return;

  self->tool = tool;
  gtk_widget_set_can_target (GTK_WIDGET (self), tool != FD_MARKUP_TOOL_NONE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), tool != FD_MARKUP_TOOL_NONE ? "crosshair" : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOOL]);
}

FdMarkupTool
fd_markup_overlay_get_tool (FdMarkupOverlay *self)
{
  g_return_val_if_fail (FD_IS_MARKUP_OVERLAY (self), FD_MARKUP_TOOL_NONE);
  return self->tool;
}

/**
 * fd_markup_overlay_set_color:
 * @color: a CSS colour for the next shapes
 */
void
fd_markup_overlay_set_color (FdMarkupOverlay *self,
                             const char      *color)
{
  g_return_if_fail (FD_IS_MARKUP_OVERLAY (self));

  g_free (self->color);
  self->color = g_strdup (color);
}

/**
 * fd_markup_overlay_set_shapes:
 * @shapes: (nullable): a list of FdMarkupShape to show
 */
void
fd_markup_overlay_set_shapes (FdMarkupOverlay *self,
                              GListModel      *shapes)
{
  g_return_if_fail (FD_IS_MARKUP_OVERLAY (self));

  if (self->shapes == shapes)
    return;

  if (self->shapes != NULL)
    g_signal_handlers_disconnect_by_data (self->shapes, self);
  g_set_object (&self->shapes, shapes);
  if (shapes != NULL)
    g_signal_connect_swapped (shapes, "items-changed", G_CALLBACK (on_items_changed), self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHAPES]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * fd_markup_overlay_get_shapes:
 *
 * Returns: (transfer none) (nullable): the shapes shown
 */
GListModel *
fd_markup_overlay_get_shapes (FdMarkupOverlay *self)
{
  g_return_val_if_fail (FD_IS_MARKUP_OVERLAY (self), NULL);
  return self->shapes;
}
