/* fd-difference-paintable.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-difference-paintable"

#include "config.h"

#include <gst/video/video.h>
#include <gtk/gtk.h>

#include "fd-difference-paintable.h"
#include "fd-frame-diff.h"

/* |A − B| × gain of the frames two video paintables show, as a paintable.
 *
 * Whenever either side shows a new frame, the pair of samples goes to a
 * worker thread, which runs the SSE2 kernel (fd_frame_diff_rgb) into a
 * fresh buffer and hands back a texture. One job at a time: frames that
 * arrive meanwhile mark the result stale and the newest pair runs next,
 * so a slow machine shows fewer difference frames, never old ones, and
 * the main loop does no pixel work. Frames of different sizes cannot be
 * compared pixel by pixel: "compatible" turns false and nothing is drawn. */

struct _FdDifferencePaintable
{
  GObject           parent_instance;

  FdVideoPaintable *a;
  FdVideoPaintable *b;
  double            gain;
  gboolean          active;
  gboolean          compatible;
  GdkTexture       *texture;
  gboolean          busy;
  gboolean          stale;
  guint64           n_computed;
  GCancellable     *cancellable;

  /* Fed mode: the pair comes from whoever pairs the sides (see
   * fd_difference_paintable_set_pair()), not from the two paintables. */
  GMutex            pair_lock;
  gboolean          fed;
  GstSample        *pair[2];
  GMainContext     *context;
  GSource          *pair_source;
};

static void paintable_iface_init (GdkPaintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FdDifferencePaintable, fd_difference_paintable, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GDK_TYPE_PAINTABLE, paintable_iface_init))

enum {
  PROP_0,
  PROP_GAIN,
  PROP_COMPATIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  GstSample *a;
  GstSample *b;
  double     gain;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  gst_sample_unref (job->a);
  gst_sample_unref (job->b);
  g_free (job);
}

/* What the players hand over: packed RGB, or RGBA where there is alpha. */
static gboolean
is_rgb (const GstVideoInfo *info)
{
  return GST_VIDEO_INFO_FORMAT (info) == GST_VIDEO_FORMAT_RGB ||
         GST_VIDEO_INFO_FORMAT (info) == GST_VIDEO_FORMAT_RGBA;
}

static void
compute_in_thread (GTask        *task,
                   gpointer      source,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  Job *job = task_data;
  GstVideoInfo info_a, info_b;
  GstVideoFrame fa, fb;
  g_autoptr(GBytes) bytes = NULL;
  guint8 *out;
  int w, h;
  gsize stride;

  if (!gst_video_info_from_caps (&info_a, gst_sample_get_caps (job->a)) ||
      !gst_video_info_from_caps (&info_b, gst_sample_get_caps (job->b)) ||
      !is_rgb (&info_a) || !is_rgb (&info_b) ||
      GST_VIDEO_INFO_WIDTH (&info_a) != GST_VIDEO_INFO_WIDTH (&info_b) ||
      GST_VIDEO_INFO_HEIGHT (&info_a) != GST_VIDEO_INFO_HEIGHT (&info_b))
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  if (!gst_video_frame_map (&fa, &info_a, gst_sample_get_buffer (job->a), GST_MAP_READ))
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  if (!gst_video_frame_map (&fb, &info_b, gst_sample_get_buffer (job->b), GST_MAP_READ))
    {
      gst_video_frame_unmap (&fa);
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  w = GST_VIDEO_INFO_WIDTH (&info_a);
  h = GST_VIDEO_INFO_HEIGHT (&info_a);
  stride = (gsize)w * 3;
  out = g_malloc (stride * h);
  fd_frame_diff_rgb (GST_VIDEO_FRAME_PLANE_DATA (&fa, 0), GST_VIDEO_FRAME_PLANE_STRIDE (&fa, 0),
                     GST_VIDEO_INFO_COMP_PSTRIDE (&info_a, 0),
                     GST_VIDEO_FRAME_PLANE_DATA (&fb, 0), GST_VIDEO_FRAME_PLANE_STRIDE (&fb, 0),
                     GST_VIDEO_INFO_COMP_PSTRIDE (&info_b, 0),
                     out, stride, w, h, job->gain);
  gst_video_frame_unmap (&fa);
  gst_video_frame_unmap (&fb);

  bytes = g_bytes_new_take (out, stride * h);
  g_task_return_pointer (task, gdk_memory_texture_new (w, h, GDK_MEMORY_R8G8B8, bytes, stride),
                         g_object_unref);
}

static void schedule (FdDifferencePaintable *self);

static void
on_computed (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  FdDifferencePaintable *self = FD_DIFFERENCE_PAINTABLE (source);
  g_autoptr(GdkTexture) texture = g_task_propagate_pointer (G_TASK (result), NULL);
  gboolean compatible = texture != NULL;

  self->busy = FALSE;

  if (compatible != self->compatible)
    {
      self->compatible = compatible;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPATIBLE]);
    }

  if (texture != NULL)
    {
      gboolean size_changed = self->texture == NULL ||
                              gdk_texture_get_width (self->texture) != gdk_texture_get_width (texture);

      g_set_object (&self->texture, texture);
      self->n_computed++;
      if (size_changed)
        gdk_paintable_invalidate_size (GDK_PAINTABLE (self));
      gdk_paintable_invalidate_contents (GDK_PAINTABLE (self));
    }

  if (self->stale)
    schedule (self);
}

static void
schedule (FdDifferencePaintable *self)
{
  g_autoptr(GstSample) a = NULL;
  g_autoptr(GstSample) b = NULL;
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_mutex_lock (&self->pair_lock);
  if (self->fed)
    {
      a = self->pair[0] ? gst_sample_ref (self->pair[0]) : NULL;
      b = self->pair[1] ? gst_sample_ref (self->pair[1]) : NULL;
    }
  g_mutex_unlock (&self->pair_lock);

  if (!self->fed)
    {
      GstSample *sa = fd_video_paintable_get_sample (self->a);
      GstSample *sb = fd_video_paintable_get_sample (self->b);

      a = sa ? gst_sample_ref (sa) : NULL;
      b = sb ? gst_sample_ref (sb) : NULL;
    }

  if (!self->active || a == NULL || b == NULL)
    return;

  if (self->busy)
    {
      self->stale = TRUE;
      return;
    }

  self->busy = TRUE;
  self->stale = FALSE;
  job = g_new0 (Job, 1);
  job->a = gst_sample_ref (a);
  job->b = gst_sample_ref (b);
  job->gain = self->gain;

  /* The task holds a reference: the paintable outlives its last job. */
  task = g_task_new (self, self->cancellable, on_computed, NULL);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, compute_in_thread);
}

static void
on_side_changed (GdkPaintable          *side,
                 FdDifferencePaintable *self)
{
  if (!self->fed)
    schedule (self);
}

static gboolean
pair_arrived_on_main (gpointer data)
{
  FdDifferencePaintable *self = data;

  g_mutex_lock (&self->pair_lock);
  g_clear_pointer (&self->pair_source, g_source_unref);
  g_mutex_unlock (&self->pair_lock);

  schedule (self);
  return G_SOURCE_REMOVE;
}

/**
 * fd_difference_paintable_set_pair:
 * @a: the frame side A shows
 * @b: the frame side B shows with it
 *
 * Feeds the paintable the two frames on screen as one pair; any thread.
 * From the first call on, it no longer reads the two sides' paintables,
 * which update one after the other and would for a moment pair a new
 * frame with an old one.
 */
void
fd_difference_paintable_set_pair (FdDifferencePaintable *self,
                                  GstSample             *a,
                                  GstSample             *b)
{
  g_return_if_fail (FD_IS_DIFFERENCE_PAINTABLE (self));

  g_mutex_lock (&self->pair_lock);
  self->fed = TRUE;
  g_clear_pointer (&self->pair[0], gst_sample_unref);
  g_clear_pointer (&self->pair[1], gst_sample_unref);
  self->pair[0] = gst_sample_ref (a);
  self->pair[1] = gst_sample_ref (b);
  if (self->pair_source == NULL)
    {
      self->pair_source = g_idle_source_new ();
      g_source_set_priority (self->pair_source, G_PRIORITY_DEFAULT);
      g_source_set_callback (self->pair_source, pair_arrived_on_main,
                             g_object_ref (self), g_object_unref);
      g_source_attach (self->pair_source, self->context);
    }
  g_mutex_unlock (&self->pair_lock);
}

static void
fd_difference_paintable_snapshot (GdkPaintable *paintable,
                                  GdkSnapshot  *snapshot,
                                  double        width,
                                  double        height)
{
  FdDifferencePaintable *self = FD_DIFFERENCE_PAINTABLE (paintable);

  if (self->texture != NULL && self->compatible)
    gtk_snapshot_append_texture (GTK_SNAPSHOT (snapshot), self->texture,
                                 &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static int
fd_difference_paintable_get_intrinsic_width (GdkPaintable *paintable)
{
  return gdk_paintable_get_intrinsic_width (GDK_PAINTABLE (FD_DIFFERENCE_PAINTABLE (paintable)->a));
}

static int
fd_difference_paintable_get_intrinsic_height (GdkPaintable *paintable)
{
  return gdk_paintable_get_intrinsic_height (GDK_PAINTABLE (FD_DIFFERENCE_PAINTABLE (paintable)->a));
}

static void
paintable_iface_init (GdkPaintableInterface *iface)
{
  iface->snapshot = fd_difference_paintable_snapshot;
  iface->get_intrinsic_width = fd_difference_paintable_get_intrinsic_width;
  iface->get_intrinsic_height = fd_difference_paintable_get_intrinsic_height;
}

static void
fd_difference_paintable_dispose (GObject *object)
{
  FdDifferencePaintable *self = (FdDifferencePaintable *)object;

  g_cancellable_cancel (self->cancellable);
  if (self->a != NULL)
    g_signal_handlers_disconnect_by_data (self->a, self);
  if (self->b != NULL)
    g_signal_handlers_disconnect_by_data (self->b, self);
  g_clear_object (&self->a);
  g_clear_object (&self->b);
  g_clear_object (&self->texture);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (fd_difference_paintable_parent_class)->dispose (object);
}

static void
fd_difference_paintable_finalize (GObject *object)
{
  FdDifferencePaintable *self = (FdDifferencePaintable *)object;

  g_clear_pointer (&self->pair[0], gst_sample_unref);
  g_clear_pointer (&self->pair[1], gst_sample_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_mutex_clear (&self->pair_lock);

  G_OBJECT_CLASS (fd_difference_paintable_parent_class)->finalize (object);
}

static void
fd_difference_paintable_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  FdDifferencePaintable *self = FD_DIFFERENCE_PAINTABLE (object);

  switch (prop_id)
    {
    case PROP_GAIN:
      g_value_set_double (value, self->gain);
      break;
    case PROP_COMPATIBLE:
      g_value_set_boolean (value, self->compatible);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_difference_paintable_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  FdDifferencePaintable *self = FD_DIFFERENCE_PAINTABLE (object);

  switch (prop_id)
    {
    case PROP_GAIN:
      fd_difference_paintable_set_gain (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_difference_paintable_class_init (FdDifferencePaintableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fd_difference_paintable_dispose;
  object_class->finalize = fd_difference_paintable_finalize;
  object_class->get_property = fd_difference_paintable_get_property;
  object_class->set_property = fd_difference_paintable_set_property;

  properties[PROP_GAIN] =
    g_param_spec_double ("gain", NULL, NULL, 1, 16, 4,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPATIBLE] =
    g_param_spec_boolean ("compatible", NULL, NULL, TRUE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fd_difference_paintable_init (FdDifferencePaintable *self)
{
  self->gain = 4;
  self->compatible = TRUE;
  self->cancellable = g_cancellable_new ();
  self->context = g_main_context_ref_thread_default ();
  g_mutex_init (&self->pair_lock);
}

/**
 * fd_difference_paintable_new:
 * @a: one side
 * @b: the other, at the same size (see fd_player_set_output_size())
 */
FdDifferencePaintable *
fd_difference_paintable_new (FdVideoPaintable *a,
                             FdVideoPaintable *b)
{
  FdDifferencePaintable *self = g_object_new (FD_TYPE_DIFFERENCE_PAINTABLE, NULL);

  self->a = g_object_ref (a);
  self->b = g_object_ref (b);
  g_signal_connect (a, "invalidate-contents", G_CALLBACK (on_side_changed), self);
  g_signal_connect (b, "invalidate-contents", G_CALLBACK (on_side_changed), self);

  return self;
}

/**
 * fd_difference_paintable_set_gain:
 * @gain: 1 (true difference) to 16 (faint changes made visible)
 */
void
fd_difference_paintable_set_gain (FdDifferencePaintable *self,
                                  double                 gain)
{
  g_return_if_fail (FD_IS_DIFFERENCE_PAINTABLE (self));

  gain = CLAMP (gain, 1.0, 16.0);
  if (gain == self->gain)
    return;

  self->gain = gain;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GAIN]);
  schedule (self);
}

double
fd_difference_paintable_get_gain (FdDifferencePaintable *self)
{
  g_return_val_if_fail (FD_IS_DIFFERENCE_PAINTABLE (self), 1);
  return self->gain;
}

/**
 * fd_difference_paintable_set_active:
 *
 * Computes only while active (the difference is on screen).
 */
void
fd_difference_paintable_set_active (FdDifferencePaintable *self,
                                    gboolean               active)
{
  g_return_if_fail (FD_IS_DIFFERENCE_PAINTABLE (self));

  self->active = active;
  if (active)
    schedule (self);
}

gboolean
fd_difference_paintable_get_compatible (FdDifferencePaintable *self)
{
  g_return_val_if_fail (FD_IS_DIFFERENCE_PAINTABLE (self), FALSE);
  return self->compatible;
}

guint64
fd_difference_paintable_get_n_computed (FdDifferencePaintable *self)
{
  g_return_val_if_fail (FD_IS_DIFFERENCE_PAINTABLE (self), 0);
  return self->n_computed;
}

/**
 * fd_difference_paintable_get_texture:
 *
 * Returns: (transfer none) (nullable): the last difference computed
 */
GdkTexture *
fd_difference_paintable_get_texture (FdDifferencePaintable *self)
{
  g_return_val_if_fail (FD_IS_DIFFERENCE_PAINTABLE (self), NULL);
  return self->texture;
}
