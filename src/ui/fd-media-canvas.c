/* fd-media-canvas.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-media-canvas"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "fd-media-canvas.h"

/* Where pictures are drawn: a video, an image, or two versions compared.
 *
 * Zoom is relative to "fit" (1 fits the picture in its pane, 2 is twice
 * that) and the pan is the picture point shown at the pane's centre, in
 * 0–1 picture coordinates. Both are the canvas's, not a picture's, so in
 * side by side the two panes are locked: the same spot of A and B at the
 * same magnification. Ctrl+scroll zooms around the pointer, dragging
 * pans, and in wipe mode dragging near the divider moves it.
 *
 * Overlays (safe zones, drawing) ask for the picture's rectangle with
 * fd_media_canvas_get_picture_rect() and redraw on "layout-changed". */

#define MIN_ZOOM 1.0
#define MAX_ZOOM 32.0
#define GAP 4
#define HANDLE_REACH 18

struct _FdMediaCanvas
{
  GtkWidget     parent_instance;

  GdkPaintable *paintables[2];
  GdkPaintable *difference;
  FdCanvasMode  mode;
  double        zoom;
  double        center_x;
  double        center_y;
  double        wipe;
  char         *labels[2];

  /* A drag in progress. */
  gboolean      dragging_wipe;
  double        drag_center_x;
  double        drag_center_y;
};

G_DEFINE_FINAL_TYPE (FdMediaCanvas, fd_media_canvas, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODE,
  PROP_ZOOM,
  PROP_WIPE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  LAYOUT_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
layout_changed (FdMediaCanvas *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[LAYOUT_CHANGED], 0);
}

/* The pane of picture @index: the whole canvas, or one half. */
static void
get_pane (FdMediaCanvas   *self,
          int              index,
          graphene_rect_t *pane)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self));
  double h = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->mode == FD_CANVAS_SIDE_BY_SIDE)
    {
      double half = (w - GAP) / 2;

      graphene_rect_init (pane, index == 0 ? 0 : half + GAP, 0, half, h);
    }
  else
    graphene_rect_init (pane, 0, 0, w, h);
}

static GdkPaintable *
pane_paintable (FdMediaCanvas *self,
                int            index)
{
  if (self->mode == FD_CANVAS_DIFFERENCE && index == 0 && self->difference != NULL)
    return self->difference;
  return self->paintables[index];
}

/**
 * fd_media_canvas_get_picture_rect:
 * @index: 0 for A (or the only picture), 1 for B
 * @rect: (out): where the picture is drawn, in canvas coordinates (it may
 *   extend past the canvas when zoomed in)
 *
 * Returns: %FALSE when there is no picture yet
 */
gboolean
fd_media_canvas_get_picture_rect (FdMediaCanvas   *self,
                                  int              index,
                                  graphene_rect_t *rect)
{
  GdkPaintable *paintable = self->paintables[index == 1 ? 1 : 0];
  graphene_rect_t pane;
  double pw, ph, scale;

  g_return_val_if_fail (FD_IS_MEDIA_CANVAS (self), FALSE);

  if (paintable == NULL)
    return FALSE;
  pw = gdk_paintable_get_intrinsic_width (paintable);
  ph = gdk_paintable_get_intrinsic_height (paintable);
  if (pw <= 0 || ph <= 0)
    return FALSE;

  /* In wipe and difference B is drawn over A's rectangle. */
  get_pane (self, self->mode == FD_CANVAS_SIDE_BY_SIDE ? index : 0, &pane);
  if (index == 1 && self->mode != FD_CANVAS_SIDE_BY_SIDE && self->paintables[0] != NULL)
    return fd_media_canvas_get_picture_rect (self, 0, rect);

  scale = MIN (pane.size.width / pw, pane.size.height / ph) * self->zoom;
  graphene_rect_init (rect,
                      pane.origin.x + pane.size.width / 2 - self->center_x * pw * scale,
                      pane.origin.y + pane.size.height / 2 - self->center_y * ph * scale,
                      pw * scale, ph * scale);
  return TRUE;
}

static void
draw_label (FdMediaCanvas   *self,
            GtkSnapshot     *snapshot,
            const char      *text,
            const graphene_rect_t *pane,
            gboolean         right)
{
  g_autoptr(PangoLayout) layout = NULL;
  GskRoundedRect box;
  int tw, th;
  double x, y;

  if (text == NULL || *text == '\0')
    return;

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  pango_layout_get_pixel_size (layout, &tw, &th);
  x = right ? pane->origin.x + pane->size.width - tw - 20 : pane->origin.x + 12;
  y = pane->origin.y + 12;

  gsk_rounded_rect_init_from_rect (&box, &GRAPHENE_RECT_INIT (x - 8, y - 4, tw + 16, th + 8), 6);
  gtk_snapshot_push_rounded_clip (snapshot, &box);
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 0, 0, 0, 0.6 }, &box.bounds);
  gtk_snapshot_pop (snapshot);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, &(GdkRGBA) { 1, 1, 1, 1 });
  gtk_snapshot_restore (snapshot);
}

/* Zoomed in, the share of actual pixels, so a reviewer knows whether a
 * soft edge is in the file or in the magnification. */
static void
draw_zoom_label (FdMediaCanvas         *self,
                 GtkSnapshot           *snapshot,
                 const graphene_rect_t *all)
{
  g_autofree char *text = NULL;
  graphene_rect_t rect;
  graphene_rect_t corner;
  int width;

  if (self->zoom <= MIN_ZOOM || !fd_media_canvas_get_picture_rect (self, 0, &rect) ||
      (width = gdk_paintable_get_intrinsic_width (self->paintables[0])) <= 0)
    return;

  /* Translators: the zoom level, in percent of the picture's pixels */
  text = g_strdup_printf (_("%.0f %%"), rect.size.width * gtk_widget_get_scale_factor (GTK_WIDGET (self)) * 100 / width);
  graphene_rect_init (&corner, all->origin.x, all->origin.y + all->size.height - 44, all->size.width, 44);
  draw_label (self, snapshot, text, &corner, TRUE);
}

static void
draw_picture (FdMediaCanvas         *self,
              GtkSnapshot           *snapshot,
              GdkPaintable          *paintable,
              const graphene_rect_t *rect,
              const graphene_rect_t *clip)
{
  if (paintable == NULL)
    return;

  gtk_snapshot_push_clip (snapshot, clip);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &rect->origin);
  gdk_paintable_snapshot (paintable, snapshot, rect->size.width, rect->size.height);
  gtk_snapshot_restore (snapshot);
  gtk_snapshot_pop (snapshot);
}

static void
draw_wipe (FdMediaCanvas *self,
           GtkSnapshot   *snapshot,
           const graphene_rect_t *pane)
{
  graphene_rect_t rect, left;
  double x = pane->size.width * self->wipe;
  GskRoundedRect knob;

  if (!fd_media_canvas_get_picture_rect (self, 0, &rect))
    return;

  /* B everywhere, A left of the divider. */
  draw_picture (self, snapshot, self->paintables[1], &rect, pane);
  graphene_rect_init (&left, 0, 0, x, pane->size.height);
  draw_picture (self, snapshot, self->paintables[0], &rect, &left);

  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 1, 1, 1, 0.9 },
                             &GRAPHENE_RECT_INIT (x - 1, 0, 2, pane->size.height));
  gsk_rounded_rect_init_from_rect (&knob, &GRAPHENE_RECT_INIT (x - 7, pane->size.height / 2 - 22, 14, 44), 7);
  gtk_snapshot_push_rounded_clip (snapshot, &knob);
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 1, 1, 1, 1 }, &knob.bounds);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 0.2, 0.2, 0.2, 1 },
                             &GRAPHENE_RECT_INIT (x - 1, pane->size.height / 2 - 12, 2, 24));

  draw_label (self, snapshot, self->labels[0], pane, FALSE);
  draw_label (self, snapshot, self->labels[1], pane, TRUE);
}

static void
fd_media_canvas_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  FdMediaCanvas *self = FD_MEDIA_CANVAS (widget);
  graphene_rect_t all = GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                            gtk_widget_get_height (widget));

  /* A neutral dark surround, as in every grading and review tool: the
   * picture's own colours are judged against it. */
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 0.09, 0.09, 0.1, 1 }, &all);

  if (self->mode == FD_CANVAS_WIPE)
    {
      draw_wipe (self, snapshot, &all);
      draw_zoom_label (self, snapshot, &all);
      return;
    }

  for (int i = 0; i < (self->mode == FD_CANVAS_SIDE_BY_SIDE ? 2 : 1); i++)
    {
      graphene_rect_t pane, rect;

      get_pane (self, i, &pane);
      if (fd_media_canvas_get_picture_rect (self, i, &rect))
        draw_picture (self, snapshot, pane_paintable (self, i), &rect, &pane);
      if (self->mode == FD_CANVAS_SIDE_BY_SIDE)
        draw_label (self, snapshot, self->labels[i], &pane, FALSE);
    }

  if (self->mode == FD_CANVAS_DIFFERENCE)
    draw_label (self, snapshot, _("Difference |A − B|"), &all, FALSE);

  draw_zoom_label (self, snapshot, &all);
}

static void
fd_media_canvas_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  g_signal_emit (widget, signals[LAYOUT_CHANGED], 0);
}

static void
fd_media_canvas_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  *minimum = 120;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 640 : 360;
}

static void
clamp_center (FdMediaCanvas *self)
{
  /* At fit nothing can move; zoomed in, half a pane's worth of picture
   * stays on either side of the centre. */
  double margin = 0.5 / self->zoom;

  self->center_x = CLAMP (self->center_x, margin, 1 - margin);
  self->center_y = CLAMP (self->center_y, margin, 1 - margin);
}

static double
divider_x (FdMediaCanvas *self)
{
  return gtk_widget_get_width (GTK_WIDGET (self)) * self->wipe;
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               FdMediaCanvas  *self)
{
  self->dragging_wipe = self->mode == FD_CANVAS_WIPE && fabs (x - divider_x (self)) <= HANDLE_REACH;
  self->drag_center_x = self->center_x;
  self->drag_center_y = self->center_y;

  if (!self->dragging_wipe && self->zoom <= MIN_ZOOM)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                FdMediaCanvas  *self)
{
  graphene_rect_t rect;
  double x, y;

  if (self->dragging_wipe)
    {
      gtk_gesture_drag_get_start_point (gesture, &x, &y);
      fd_media_canvas_set_wipe (self, (x + dx) / MAX (1, gtk_widget_get_width (GTK_WIDGET (self))));
      return;
    }

  if (!fd_media_canvas_get_picture_rect (self, 0, &rect))
    return;

  self->center_x = self->drag_center_x - dx / rect.size.width;
  self->center_y = self->drag_center_y - dy / rect.size.height;
  clamp_center (self);
  layout_changed (self);
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           FdMediaCanvas            *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  graphene_rect_t rect;

  if (!(state & GDK_CONTROL_MASK) || !fd_media_canvas_get_picture_rect (self, 0, &rect))
    return FALSE;

  fd_media_canvas_set_zoom (self, self->zoom * (dy < 0 ? 1.25 : 0.8));
  return TRUE;
}

static void
on_paintable_invalidate_contents (FdMediaCanvas *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_paintable_invalidate_size (FdMediaCanvas *self)
{
  layout_changed (self);
}

static void
set_paintable_slot (FdMediaCanvas  *self,
                    GdkPaintable  **slot,
                    GdkPaintable   *paintable)
{
  if (*slot == paintable)
    return;

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_data (*slot, self);
  g_set_object (slot, paintable);
  if (paintable != NULL)
    {
      g_signal_connect_swapped (paintable, "invalidate-contents",
                                G_CALLBACK (on_paintable_invalidate_contents), self);
      g_signal_connect_swapped (paintable, "invalidate-size",
                                G_CALLBACK (on_paintable_invalidate_size), self);
    }
  layout_changed (self);
}

static void
fd_media_canvas_dispose (GObject *object)
{
  FdMediaCanvas *self = (FdMediaCanvas *)object;

  set_paintable_slot (self, &self->paintables[0], NULL);
  set_paintable_slot (self, &self->paintables[1], NULL);
  set_paintable_slot (self, &self->difference, NULL);

  G_OBJECT_CLASS (fd_media_canvas_parent_class)->dispose (object);
}

static void
fd_media_canvas_finalize (GObject *object)
{
  FdMediaCanvas *self = (FdMediaCanvas *)object;

  g_free (self->labels[0]);
  g_free (self->labels[1]);

  G_OBJECT_CLASS (fd_media_canvas_parent_class)->finalize (object);
}

static void
fd_media_canvas_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  FdMediaCanvas *self = FD_MEDIA_CANVAS (object);

  switch (prop_id)
    {
    case PROP_MODE:
      g_value_set_int (value, self->mode);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_WIPE:
      g_value_set_double (value, self->wipe);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_media_canvas_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  FdMediaCanvas *self = FD_MEDIA_CANVAS (object);

  switch (prop_id)
    {
    case PROP_MODE:
      fd_media_canvas_set_mode (self, g_value_get_int (value));
      break;
    case PROP_ZOOM:
      fd_media_canvas_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_WIPE:
      fd_media_canvas_set_wipe (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_media_canvas_class_init (FdMediaCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = fd_media_canvas_dispose;
  object_class->finalize = fd_media_canvas_finalize;
  object_class->get_property = fd_media_canvas_get_property;
  object_class->set_property = fd_media_canvas_set_property;
  widget_class->snapshot = fd_media_canvas_snapshot;
  widget_class->measure = fd_media_canvas_measure;
  widget_class->size_allocate = fd_media_canvas_size_allocate;

  properties[PROP_MODE] =
    g_param_spec_int ("mode", NULL, NULL, FD_CANVAS_SINGLE, FD_CANVAS_DIFFERENCE, FD_CANVAS_SINGLE, rw);
  properties[PROP_ZOOM] = g_param_spec_double ("zoom", NULL, NULL, MIN_ZOOM, MAX_ZOOM, 1, rw);
  properties[PROP_WIPE] = g_param_spec_double ("wipe", NULL, NULL, 0, 1, 0.5, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FdMediaCanvas::layout-changed:
   *
   * The pictures moved or resized: overlays redraw.
   */
  signals[LAYOUT_CHANGED] =
    g_signal_new ("layout-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "fd-media-canvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
fd_media_canvas_init (FdMediaCanvas *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);

  self->zoom = 1;
  self->center_x = 0.5;
  self->center_y = 0.5;
  self->wipe = 0.5;

  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

GtkWidget *
fd_media_canvas_new (void)
{
  return g_object_new (FD_TYPE_MEDIA_CANVAS, NULL);
}

/**
 * fd_media_canvas_set_paintable:
 * @index: 0 for A (the only picture in single mode), 1 for B
 */
void
fd_media_canvas_set_paintable (FdMediaCanvas *self,
                               int            index,
                               GdkPaintable  *paintable)
{
  g_return_if_fail (FD_IS_MEDIA_CANVAS (self));
  g_return_if_fail (index == 0 || index == 1);

  set_paintable_slot (self, &self->paintables[index], paintable);
}

/**
 * fd_media_canvas_set_difference:
 *
 * The picture difference mode shows (an FdDifferencePaintable).
 */
void
fd_media_canvas_set_difference (FdMediaCanvas *self,
                                GdkPaintable  *paintable)
{
  g_return_if_fail (FD_IS_MEDIA_CANVAS (self));
  set_paintable_slot (self, &self->difference, paintable);
}

void
fd_media_canvas_set_mode (FdMediaCanvas *self,
                          FdCanvasMode   mode)
{
  g_return_if_fail (FD_IS_MEDIA_CANVAS (self));

  if (self->mode == mode)
    return;

  self->mode = mode;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
  layout_changed (self);
}

FdCanvasMode
fd_media_canvas_get_mode (FdMediaCanvas *self)
{
  g_return_val_if_fail (FD_IS_MEDIA_CANVAS (self), FD_CANVAS_SINGLE);
  return self->mode;
}

/**
 * fd_media_canvas_set_zoom:
 * @zoom: 1 fits the picture, larger magnifies (up to 32)
 */
void
fd_media_canvas_set_zoom (FdMediaCanvas *self,
                          double         zoom)
{
  g_return_if_fail (FD_IS_MEDIA_CANVAS (self));

  zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  if (zoom == self->zoom)
    return;

  self->zoom = zoom;
  clamp_center (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
  layout_changed (self);
}

double
fd_media_canvas_get_zoom (FdMediaCanvas *self)
{
  g_return_val_if_fail (FD_IS_MEDIA_CANVAS (self), 1);
  return self->zoom;
}

/**
 * fd_media_canvas_zoom_to_actual:
 *
 * One picture pixel per screen pixel (at least fit).
 */
void
fd_media_canvas_zoom_to_actual (FdMediaCanvas *self)
{
  graphene_rect_t rect;
  GdkPaintable *paintable = self->paintables[0];
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  if (paintable == NULL || !fd_media_canvas_get_picture_rect (self, 0, &rect))
    return;

  fd_media_canvas_set_zoom (self, self->zoom * gdk_paintable_get_intrinsic_width (paintable) /
                                  (rect.size.width * scale));
}

/**
 * fd_media_canvas_set_center:
 * @x: the picture point (0–1) to show at the pane's centre
 * @y: likewise
 */
void
fd_media_canvas_set_center (FdMediaCanvas *self,
                            double         x,
                            double         y)
{
  g_return_if_fail (FD_IS_MEDIA_CANVAS (self));

  self->center_x = x;
  self->center_y = y;
  clamp_center (self);
  layout_changed (self);
}

/**
 * fd_media_canvas_set_wipe:
 * @position: the divider, 0 (left edge) to 1 (right edge)
 */
void
fd_media_canvas_set_wipe (FdMediaCanvas *self,
                          double         position)
{
  g_return_if_fail (FD_IS_MEDIA_CANVAS (self));

  position = CLAMP (position, 0.0, 1.0);
  if (position == self->wipe)
    return;

  self->wipe = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WIPE]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

double
fd_media_canvas_get_wipe (FdMediaCanvas *self)
{
  g_return_val_if_fail (FD_IS_MEDIA_CANVAS (self), 0.5);
  return self->wipe;
}

/**
 * fd_media_canvas_set_labels:
 *
 * Names shown on the pictures in compare modes ("A · v2").
 */
void
fd_media_canvas_set_labels (FdMediaCanvas *self,
                            const char    *label_a,
                            const char    *label_b)
{
  g_return_if_fail (FD_IS_MEDIA_CANVAS (self));

  g_free (self->labels[0]);
  self->labels[0] = g_strdup (label_a);
  g_free (self->labels[1]);
  self->labels[1] = g_strdup (label_b);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
