/* fd-safe-zone-overlay.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-safe-zone-overlay"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-safe-zone-overlay.h"

/* Shades the parts of a 9:16 picture that Meta's interface covers in
 * Stories or Reels (FdPlacement's safe zones), so a reviewer sees at once
 * whether a caption or logo would sit under the profile bar or the
 * call-to-action. It draws over an FdMediaCanvas, in the picture's
 * rectangle, and takes no input. Placement -1 shows nothing. */

struct _FdSafeZoneOverlay
{
  GtkWidget      parent_instance;

  FdMediaCanvas *canvas;
  int            placement;
};

G_DEFINE_FINAL_TYPE (FdSafeZoneOverlay, fd_safe_zone_overlay, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PLACEMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
shade (GtkSnapshot *snapshot,
       double       x,
       double       y,
       double       w,
       double       h)
{
  /* Dimmed and tinted: what is there stays visible, but plainly covered. */
  if (w > 0 && h > 0)
    {
      gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 0, 0, 0, 0.45 }, &GRAPHENE_RECT_INIT (x, y, w, h));
      gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 0.88, 0.11, 0.14, 0.25 }, &GRAPHENE_RECT_INIT (x, y, w, h));
    }
}

static void
draw_caption (FdSafeZoneOverlay     *self,
              GtkSnapshot           *snapshot,
              const char            *text,
              double                 x,
              double                 y)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (0.85));
  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + 1, y + 1));
  gtk_snapshot_append_layout (snapshot, layout, &(GdkRGBA) { 0, 0, 0, 0.7 });
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-1, -1));
  gtk_snapshot_append_layout (snapshot, layout, &(GdkRGBA) { 1, 1, 1, 1 });
  gtk_snapshot_restore (snapshot);
}

static void
fd_safe_zone_overlay_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  FdSafeZoneOverlay *self = FD_SAFE_ZONE_OVERLAY (widget);
  const FdSafeZone *zone;
  graphene_rect_t r;
  graphene_point_t origin;
  double top, bottom, left, right;
  g_autofree char *caption = NULL;

  if (self->canvas == NULL || self->placement < 0 ||
      !(zone = fd_placement_get_safe_zone (self->placement)) ||
      !fd_media_canvas_get_picture_rect (self->canvas, 0, &r) ||
      !gtk_widget_compute_point (GTK_WIDGET (self->canvas), widget, &r.origin, &origin))
    return;

  r.origin = origin;
  top = r.size.height * zone->top;
  bottom = r.size.height * zone->bottom;
  left = r.size.width * zone->left;
  right = r.size.width * zone->right;

  gtk_snapshot_push_clip (snapshot, &r);
  shade (snapshot, r.origin.x, r.origin.y, r.size.width, top);
  shade (snapshot, r.origin.x, r.origin.y + r.size.height - bottom, r.size.width, bottom);
  shade (snapshot, r.origin.x, r.origin.y + top, left, r.size.height - top - bottom);
  shade (snapshot, r.origin.x + r.size.width - right, r.origin.y + top, right, r.size.height - top - bottom);

  /* The edge of the safe area, so text can be lined up against it. */
  {
    GskRoundedRect box;
    const GdkRGBA white[4] = { { 1, 1, 1, 0.9 }, { 1, 1, 1, 0.9 }, { 1, 1, 1, 0.9 }, { 1, 1, 1, 0.9 } };
    const float widths[4] = { 1.5, 1.5, 1.5, 1.5 };

    gsk_rounded_rect_init_from_rect (&box,
                                     &GRAPHENE_RECT_INIT (r.origin.x + left, r.origin.y + top,
                                                          r.size.width - left - right,
                                                          r.size.height - top - bottom), 0);
    gtk_snapshot_append_border (snapshot, &box, widths, white);
  }

  caption = g_strdup_printf (_("%s safe zone"), fd_placement_get_title (self->placement));
  draw_caption (self, snapshot, caption, r.origin.x + left + 8, r.origin.y + top + 6);
  gtk_snapshot_pop (snapshot);
}

static void
on_layout_changed (FdSafeZoneOverlay *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
fd_safe_zone_overlay_dispose (GObject *object)
{
  FdSafeZoneOverlay *self = (FdSafeZoneOverlay *)object;

  g_clear_weak_pointer (&self->canvas);
  G_OBJECT_CLASS (fd_safe_zone_overlay_parent_class)->dispose (object);
}

static void
fd_safe_zone_overlay_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  FdSafeZoneOverlay *self = FD_SAFE_ZONE_OVERLAY (object);

  switch (prop_id)
    {
    case PROP_PLACEMENT:
      g_value_set_int (value, self->placement);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_safe_zone_overlay_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  FdSafeZoneOverlay *self = FD_SAFE_ZONE_OVERLAY (object);

  switch (prop_id)
    {
    case PROP_PLACEMENT:
      fd_safe_zone_overlay_set_placement (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_safe_zone_overlay_class_init (FdSafeZoneOverlayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_safe_zone_overlay_dispose;
  object_class->get_property = fd_safe_zone_overlay_get_property;
  object_class->set_property = fd_safe_zone_overlay_set_property;
  widget_class->snapshot = fd_safe_zone_overlay_snapshot;

  /* -1 for none, else an FdPlacement with a safe zone. */
  properties[PROP_PLACEMENT] =
    g_param_spec_int ("placement", NULL, NULL, -1, FD_N_PLACEMENTS - 1, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "fd-safe-zone-overlay");
}

static void
fd_safe_zone_overlay_init (FdSafeZoneOverlay *self)
{
  self->placement = -1;
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

GtkWidget *
fd_safe_zone_overlay_new (FdMediaCanvas *canvas)
{
  FdSafeZoneOverlay *self = g_object_new (FD_TYPE_SAFE_ZONE_OVERLAY, NULL);

  g_set_weak_pointer (&self->canvas, canvas);
  g_signal_connect_object (canvas, "layout-changed", G_CALLBACK (on_layout_changed), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

/**
 * fd_safe_zone_overlay_set_placement:
 * @placement: FD_PLACEMENT_STORIES or FD_PLACEMENT_REELS, or -1 for none
 */
void
fd_safe_zone_overlay_set_placement (FdSafeZoneOverlay *self,
                                    int                placement)
{
  g_return_if_fail (FD_IS_SAFE_ZONE_OVERLAY (self));

  if (self->placement == placement)
    return;

  self->placement = placement;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACEMENT]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
fd_safe_zone_overlay_get_placement (FdSafeZoneOverlay *self)
{
  g_return_val_if_fail (FD_IS_SAFE_ZONE_OVERLAY (self), -1);
  return self->placement;
}
