/* fd-filmstrip.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-filmstrip"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "fd-filmstrip.h"
#include "fd-frame-grabber.h"
#include "fd-video-paintable.h"

/* The timeline under a picture: thumbnails across the length of the file,
 * the playhead, the loop range, and marks. Clicking or dragging emits
 * "seek" with a frame number (the player merges the seeks a drag sends).
 *
 * Marks come in two kinds, so the same strip serves the player and the
 * compare view: ranges (a diff's changed time ranges, drawn as red spans)
 * and markers (frames with comments, drawn as ticks). Thumbnails are
 * decoded on a worker thread with FdFrameGrabber. */

#define N_THUMBNAILS 12
#define THUMB_HEIGHT 90

struct _FdFilmstrip
{
  GtkWidget     parent_instance;

  GPtrArray    *thumbnails;
  GCancellable *cancellable;
  gint64        n_frames;
  gint64        frame;
  gint64        loop_in;
  gint64        loop_out;
  GArray       *ranges;
  GArray       *markers;
  double        progress;
};

G_DEFINE_FINAL_TYPE (FdFilmstrip, fd_filmstrip, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FRAME,
  PROP_N_THUMBNAILS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SEEK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  char        *path;
  FdMediaInfo *info;
} ThumbJob;

static void
thumb_job_free (gpointer data)
{
  ThumbJob *job = data;

  g_free (job->path);
  fd_media_info_free (job->info);
  g_free (job);
}

static void
make_thumbnails (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  ThumbJob *job = task_data;
  g_autoptr(FdFrameGrabber) grabber = NULL;
  g_autoptr(GPtrArray) textures = g_ptr_array_new_with_free_func (g_object_unref);
  GError *error = NULL;
  int n = job->info->is_image ? 1 : N_THUMBNAILS;

  grabber = fd_frame_grabber_new (job->path, job->info, THUMB_HEIGHT * 2, &error);
  if (grabber == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  for (int i = 0; i < n && !g_cancellable_is_cancelled (cancellable); i++)
    {
      gint64 at = job->info->duration_us * (2 * i + 1) / (2 * n);
      g_autoptr(GstSample) sample = fd_frame_grabber_grab_at (grabber, at, NULL);
      GdkTexture *texture = sample ? fd_video_paintable_texture_for_sample (sample) : NULL;

      /* A frame that does not decode leaves a gap, not a failed strip. */
      if (texture != NULL)
        g_ptr_array_add (textures, texture);
    }

  g_task_return_pointer (task, g_steal_pointer (&textures), (GDestroyNotify)g_ptr_array_unref);
}

static void
on_thumbnails (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr(GPtrArray) textures = g_task_propagate_pointer (G_TASK (result), NULL);
  FdFilmstrip *self;

  if (textures == NULL)
    return;

  self = FD_FILMSTRIP (source);
  g_clear_pointer (&self->thumbnails, g_ptr_array_unref);
  self->thumbnails = g_steal_pointer (&textures);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_THUMBNAILS]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static double
frame_x (FdFilmstrip *self,
         double       frame)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self));

  return self->n_frames > 0 ? frame / self->n_frames * w : 0;
}

static void
draw_thumbnails (FdFilmstrip *self,
                 GtkSnapshot *snapshot,
                 double       w,
                 double       h)
{
  guint n = self->thumbnails ? self->thumbnails->len : 0;
  double tw = n > 0 ? w / n : w;

  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 0.13, 0.13, 0.14, 1 }, &GRAPHENE_RECT_INIT (0, 0, w, h));
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
  for (guint i = 0; i < n; i++)
    {
      GdkTexture *texture = g_ptr_array_index (self->thumbnails, i);
      double aspect = (double)gdk_texture_get_width (texture) / gdk_texture_get_height (texture);
      double dw = MAX (tw, h * aspect);
      double dh = dw / aspect;

      /* Each thumbnail fills its slot, centred and cropped. */
      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (i * tw, 0, tw, h));
      gtk_snapshot_append_texture (snapshot, texture,
                                   &GRAPHENE_RECT_INIT (i * tw + (tw - dw) / 2, (h - dh) / 2, dw, dh));
      gtk_snapshot_pop (snapshot);
    }
  gtk_snapshot_pop (snapshot);
}

static void
fd_filmstrip_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  FdFilmstrip *self = FD_FILMSTRIP (widget);
  double w = gtk_widget_get_width (widget);
  double h = gtk_widget_get_height (widget);
  double x;

  draw_thumbnails (self, snapshot, w, h);

  /* Outside the loop range is dimmed. */
  if (self->loop_in >= 0 && self->n_frames > 0)
    {
      double a = frame_x (self, self->loop_in);
      double b = frame_x (self, self->loop_out + 1);

      gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 0, 0, 0, 0.55 }, &GRAPHENE_RECT_INIT (0, 0, a, h));
      gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 0, 0, 0, 0.55 }, &GRAPHENE_RECT_INIT (b, 0, w - b, h));
      gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 0.96, 0.83, 0.18, 1 }, &GRAPHENE_RECT_INIT (a, 0, MAX (1, b - a), 3));
    }

  /* The diff's progress, then its changed ranges. */
  if (self->progress > 0 && self->progress < 1)
    gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 0.21, 0.52, 0.89, 0.9 },
                               &GRAPHENE_RECT_INIT (0, h - 3, w * self->progress, 3));

  for (guint i = 0; self->ranges && i < self->ranges->len; i++)
    {
      const FdChangeRange *r = &g_array_index (self->ranges, FdChangeRange, i);
      double a = frame_x (self, r->first_frame);
      double b = MAX (a + 2, frame_x (self, r->last_frame + 1));

      gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 0.88, 0.11, 0.14, 0.35 }, &GRAPHENE_RECT_INIT (a, 0, b - a, h));
      gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 0.88, 0.11, 0.14, 1 }, &GRAPHENE_RECT_INIT (a, h - 8, b - a, 8));
    }

  for (guint i = 0; self->markers && i < self->markers->len; i++)
    {
      double m = frame_x (self, g_array_index (self->markers, gint64, i) + 0.5);

      gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 0.96, 0.83, 0.18, 1 }, &GRAPHENE_RECT_INIT (m - 3, 0, 6, 8));
    }

  if (self->n_frames > 0)
    {
      double span = frame_x (self, 1);

      /* In a short clip a frame is many pixels wide: its span is washed
       * over, and the playhead is a line at its middle, so the thumbnail
       * under it stays visible. */
      x = frame_x (self, self->frame);
      if (span > 4)
        gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 1, 1, 1, 0.22 }, &GRAPHENE_RECT_INIT (x, 0, span, h));
      x += span / 2;
      gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 0, 0, 0, 0.6 }, &GRAPHENE_RECT_INIT (x - 2, 0, 4, h));
      gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 1, 1, 1, 1 }, &GRAPHENE_RECT_INIT (x - 1, 0, 2, h));
    }
}

static void
fd_filmstrip_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = 600;
    }
  else
    *minimum = *natural = 56;
}

static void
seek_to_x (FdFilmstrip *self,
           double       x)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self));
  gint64 frame;

  if (self->n_frames <= 0 || w <= 0)
    return;

  frame = CLAMP ((gint64)floor (x / w * self->n_frames), 0, self->n_frames - 1);
  if (frame == self->frame)
    return;

  fd_filmstrip_set_frame (self, frame);
  g_signal_emit (self, signals[SEEK], 0, frame);
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               FdFilmstrip    *self)
{
  seek_to_x (self, x);
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                FdFilmstrip    *self)
{
  double x, y;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  seek_to_x (self, x + dx);
}

static void
fd_filmstrip_dispose (GObject *object)
{
  FdFilmstrip *self = (FdFilmstrip *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->thumbnails, g_ptr_array_unref);
  g_clear_pointer (&self->ranges, g_array_unref);
  g_clear_pointer (&self->markers, g_array_unref);

  G_OBJECT_CLASS (fd_filmstrip_parent_class)->dispose (object);
}

static void
fd_filmstrip_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  FdFilmstrip *self = FD_FILMSTRIP (object);

  switch (prop_id)
    {
    case PROP_FRAME:
      g_value_set_int64 (value, self->frame);
      break;
    case PROP_N_THUMBNAILS:
      g_value_set_uint (value, fd_filmstrip_get_n_thumbnails (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_filmstrip_class_init (FdFilmstripClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_filmstrip_dispose;
  object_class->get_property = fd_filmstrip_get_property;
  widget_class->snapshot = fd_filmstrip_snapshot;
  widget_class->measure = fd_filmstrip_measure;

  properties[PROP_FRAME] =
    g_param_spec_int64 ("frame", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_THUMBNAILS] =
    g_param_spec_uint ("n-thumbnails", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FdFilmstrip::seek:
   * @frame: the frame clicked or dragged to
   */
  signals[SEEK] = g_signal_new ("seek", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_css_name (widget_class, "fd-filmstrip");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_SLIDER);
}

static void
fd_filmstrip_init (FdFilmstrip *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();

  self->loop_in = -1;
  self->loop_out = -1;
  self->cancellable = g_cancellable_new ();
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
}

GtkWidget *
fd_filmstrip_new (void)
{
  return g_object_new (FD_TYPE_FILMSTRIP, NULL);
}

/**
 * fd_filmstrip_set_source:
 * @path: (nullable): the file to take thumbnails from
 * @info: (nullable): what the probe read from it
 *
 * Starts decoding thumbnails on a worker thread.
 */
void
fd_filmstrip_set_source (FdFilmstrip       *self,
                         const char        *path,
                         const FdMediaInfo *info)
{
  g_autoptr(GTask) task = NULL;
  ThumbJob *job;

  g_return_if_fail (FD_IS_FILMSTRIP (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_pointer (&self->thumbnails, g_ptr_array_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (path == NULL || info == NULL)
    return;

  fd_filmstrip_set_n_frames (self, fd_media_info_get_frame_count (info));
  job = g_new0 (ThumbJob, 1);
  job->path = g_strdup (path);
  job->info = fd_media_info_copy (info);
  task = g_task_new (self, self->cancellable, on_thumbnails, NULL);
  g_task_set_task_data (task, job, thumb_job_free);
  g_task_run_in_thread (task, make_thumbnails);
}

void
fd_filmstrip_set_n_frames (FdFilmstrip *self,
                           gint64       n_frames)
{
  g_return_if_fail (FD_IS_FILMSTRIP (self));

  self->n_frames = MAX (0, n_frames);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_VALUE_MAX,
                                  (double)MAX (0, n_frames - 1), -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
fd_filmstrip_set_frame (FdFilmstrip *self,
                        gint64       frame)
{
  g_return_if_fail (FD_IS_FILMSTRIP (self));

  if (self->frame == frame)
    return;

  self->frame = frame;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_VALUE_NOW,
                                  (double)frame, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRAME]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gint64
fd_filmstrip_get_frame (FdFilmstrip *self)
{
  g_return_val_if_fail (FD_IS_FILMSTRIP (self), 0);
  return self->frame;
}

/**
 * fd_filmstrip_set_loop:
 * @in_frame: first frame of the loop, or -1 for none
 * @out_frame: last frame
 */
void
fd_filmstrip_set_loop (FdFilmstrip *self,
                       gint64       in_frame,
                       gint64       out_frame)
{
  g_return_if_fail (FD_IS_FILMSTRIP (self));

  self->loop_in = in_frame;
  self->loop_out = out_frame;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * fd_filmstrip_set_ranges:
 * @ranges: (nullable) (element-type FdChangeRange): spans to mark
 */
void
fd_filmstrip_set_ranges (FdFilmstrip *self,
                         GArray      *ranges)
{
  g_return_if_fail (FD_IS_FILMSTRIP (self));

  g_clear_pointer (&self->ranges, g_array_unref);
  if (ranges != NULL)
    self->ranges = g_array_ref (ranges);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * fd_filmstrip_set_markers:
 * @frames: (nullable) (element-type gint64): frames to tick (comments)
 */
void
fd_filmstrip_set_markers (FdFilmstrip *self,
                          GArray      *frames)
{
  g_return_if_fail (FD_IS_FILMSTRIP (self));

  g_clear_pointer (&self->markers, g_array_unref);
  if (frames != NULL)
    self->markers = g_array_ref (frames);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * fd_filmstrip_set_progress:
 * @progress: 0–1 while a background job (the diff) runs; 1 hides it
 */
void
fd_filmstrip_set_progress (FdFilmstrip *self,
                           double       progress)
{
  g_return_if_fail (FD_IS_FILMSTRIP (self));

  self->progress = progress;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
fd_filmstrip_get_n_thumbnails (FdFilmstrip *self)
{
  g_return_val_if_fail (FD_IS_FILMSTRIP (self), 0);
  return self->thumbnails ? self->thumbnails->len : 0;
}
