/* fd-video-paintable.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-video-paintable"

#include "config.h"

#include <gst/video/video.h>
#include <gtk/gtk.h>

#include "fd-video-paintable.h"

/* The frames of an FdPlayer as a GdkPaintable, for a GtkPicture or a
 * custom widget's snapshot.
 *
 * On the streaming thread, each RGBA frame becomes a GdkMemoryTexture
 * that wraps the buffer's memory (no copy: the texture keeps the buffer
 * mapped until it is freed) and replaces the pending one. At most one idle
 * is queued on the main context (Clapper's draw_id habit): however many
 * frames arrive before it runs, the main loop swaps in the newest and
 * invalidates once. The main loop never waits for the pipeline, and the
 * pipeline never waits for the main loop. */

struct _FdVideoPaintable
{
  GObject       parent_instance;

  FdPlayer     *player;
  gboolean      bound;     /* we are the player's frame function */
  GMainContext *context;

  /* Main thread. */
  GdkTexture   *texture;
  GstSample    *sample;
  gint64        frame;
  guint64       frames_shown;

  /* Streaming threads, under lock. */
  GMutex        lock;
  GdkTexture   *pending_texture;
  GstSample    *pending_sample;
  gint64        pending_frame;
  GSource      *draw_source;
  guint64       frames_received;
};

static void paintable_iface_init (GdkPaintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FdVideoPaintable, fd_video_paintable, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GDK_TYPE_PAINTABLE, paintable_iface_init))

enum {
  PROP_0,
  PROP_PLAYER,
  PROP_FRAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  GstBuffer     *buffer;
  GstVideoFrame  frame;
} MappedFrame;

static void
mapped_frame_free (gpointer data)
{
  MappedFrame *mapped = data;

  gst_video_frame_unmap (&mapped->frame);
  gst_buffer_unref (mapped->buffer);
  g_free (mapped);
}

/**
 * fd_video_paintable_texture_for_sample:
 * @sample: an RGB or RGBA sample
 *
 * Wraps the sample's pixels in a texture without copying them.
 *
 * Returns: (transfer full) (nullable): the texture
 */
GdkTexture *
fd_video_paintable_texture_for_sample (GstSample *sample)
{
  GstVideoInfo info;
  MappedFrame *mapped;
  g_autoptr(GBytes) bytes = NULL;
  GstBuffer *buffer = gst_sample_get_buffer (sample);
  GdkMemoryFormat format;
  gsize stride, size;

  if (buffer == NULL || !gst_video_info_from_caps (&info, gst_sample_get_caps (sample)))
    return NULL;

  /* RGB is what the pane's own conversion writes for 4:2:0 video and what
   * videoconvert hands over for other opaque sources; RGBA comes only
   * where there is alpha to keep (GStreamer's alpha is straight, not
   * premultiplied). */
  switch (GST_VIDEO_INFO_FORMAT (&info))
    {
    case GST_VIDEO_FORMAT_RGB:
      format = GDK_MEMORY_R8G8B8;
      break;
    case GST_VIDEO_FORMAT_RGBA:
      format = GDK_MEMORY_R8G8B8A8;
      break;
    default:
      return NULL;
    }

  mapped = g_new0 (MappedFrame, 1);
  mapped->buffer = gst_buffer_ref (buffer);
  if (!gst_video_frame_map (&mapped->frame, &info, buffer, GST_MAP_READ))
    {
      gst_buffer_unref (mapped->buffer);
      g_free (mapped);
      return NULL;
    }

  stride = GST_VIDEO_FRAME_PLANE_STRIDE (&mapped->frame, 0);
  size = stride * (GST_VIDEO_INFO_HEIGHT (&info) - 1) +
         GST_VIDEO_INFO_WIDTH (&info) * GST_VIDEO_INFO_COMP_PSTRIDE (&info, 0);
  bytes = g_bytes_new_with_free_func (GST_VIDEO_FRAME_PLANE_DATA (&mapped->frame, 0), size,
                                      mapped_frame_free, mapped);

  return gdk_memory_texture_new (GST_VIDEO_INFO_WIDTH (&info), GST_VIDEO_INFO_HEIGHT (&info),
                                 format, bytes, stride);
}

/* Main thread: show the newest frame. */
static gboolean
update_on_main (gpointer data)
{
  FdVideoPaintable *self = data;
  GdkTexture *texture;
  GstSample *sample;
  gint64 frame;
  gboolean size_changed;

  g_mutex_lock (&self->lock);
  texture = g_steal_pointer (&self->pending_texture);
  sample = g_steal_pointer (&self->pending_sample);
  frame = self->pending_frame;
  g_clear_pointer (&self->draw_source, g_source_unref);
  g_mutex_unlock (&self->lock);

  if (texture == NULL)
    return G_SOURCE_REMOVE;

  size_changed = self->texture == NULL ||
                 gdk_texture_get_width (self->texture) != gdk_texture_get_width (texture) ||
                 gdk_texture_get_height (self->texture) != gdk_texture_get_height (texture);

  g_clear_object (&self->texture);
  self->texture = texture;
  g_clear_pointer (&self->sample, gst_sample_unref);
  self->sample = sample;
  self->frames_shown++;

  if (size_changed)
    gdk_paintable_invalidate_size (GDK_PAINTABLE (self));
  gdk_paintable_invalidate_contents (GDK_PAINTABLE (self));

  if (self->frame != frame)
    {
      self->frame = frame;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRAME]);
    }

  return G_SOURCE_REMOVE;
}

/* Streaming thread. */
static void
on_frame (GstSample *sample,
          gint64     frame,
          gpointer   data)
{
  fd_video_paintable_push_frame (data, sample, frame);
}

/**
 * fd_video_paintable_push_frame:
 * @sample: an RGB or RGBA frame
 * @frame: its number
 *
 * Hands the paintable a frame to show; any thread. Redraws are coalesced:
 * frames that arrive faster than the main loop draws replace each other.
 */
void
fd_video_paintable_push_frame (FdVideoPaintable *self,
                               GstSample        *sample,
                               gint64            frame)
{
  GdkTexture *texture = fd_video_paintable_texture_for_sample (sample);

  if (texture == NULL)
    return;

  g_mutex_lock (&self->lock);
  g_clear_object (&self->pending_texture);
  self->pending_texture = texture;
  g_clear_pointer (&self->pending_sample, gst_sample_unref);
  self->pending_sample = gst_sample_ref (sample);
  self->pending_frame = frame;
  self->frames_received++;
  if (self->draw_source == NULL)
    {
      self->draw_source = g_idle_source_new ();
      g_source_set_priority (self->draw_source, G_PRIORITY_DEFAULT);
      g_source_set_callback (self->draw_source, update_on_main, g_object_ref (self), g_object_unref);
      g_source_attach (self->draw_source, self->context);
    }
  g_mutex_unlock (&self->lock);
}

static void
fd_video_paintable_snapshot (GdkPaintable *paintable,
                             GdkSnapshot  *snapshot,
                             double        width,
                             double        height)
{
  FdVideoPaintable *self = FD_VIDEO_PAINTABLE (paintable);

  if (self->texture == NULL)
    return;

  gtk_snapshot_append_texture (GTK_SNAPSHOT (snapshot), self->texture,
                               &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static int
fd_video_paintable_get_intrinsic_width (GdkPaintable *paintable)
{
  FdVideoPaintable *self = FD_VIDEO_PAINTABLE (paintable);

  return self->texture ? gdk_texture_get_width (self->texture) : 0;
}

static int
fd_video_paintable_get_intrinsic_height (GdkPaintable *paintable)
{
  FdVideoPaintable *self = FD_VIDEO_PAINTABLE (paintable);

  return self->texture ? gdk_texture_get_height (self->texture) : 0;
}

static double
fd_video_paintable_get_intrinsic_aspect_ratio (GdkPaintable *paintable)
{
  FdVideoPaintable *self = FD_VIDEO_PAINTABLE (paintable);

  if (self->texture == NULL)
    return 0;
  return (double)gdk_texture_get_width (self->texture) / gdk_texture_get_height (self->texture);
}

static GdkPaintable *
fd_video_paintable_get_current_image (GdkPaintable *paintable)
{
  FdVideoPaintable *self = FD_VIDEO_PAINTABLE (paintable);

  if (self->texture == NULL)
    return gdk_paintable_new_empty (0, 0);
  return g_object_ref (GDK_PAINTABLE (self->texture));
}

static void
paintable_iface_init (GdkPaintableInterface *iface)
{
  iface->snapshot = fd_video_paintable_snapshot;
  iface->get_intrinsic_width = fd_video_paintable_get_intrinsic_width;
  iface->get_intrinsic_height = fd_video_paintable_get_intrinsic_height;
  iface->get_intrinsic_aspect_ratio = fd_video_paintable_get_intrinsic_aspect_ratio;
  iface->get_current_image = fd_video_paintable_get_current_image;
}

static void
fd_video_paintable_dispose (GObject *object)
{
  FdVideoPaintable *self = (FdVideoPaintable *)object;

  if (self->player != NULL)
    {
      if (self->bound)
        fd_player_set_frame_func (self->player, NULL, NULL, NULL);
      g_clear_object (&self->player);
    }

  g_mutex_lock (&self->lock);
  if (self->draw_source != NULL)
    {
      g_source_destroy (self->draw_source);
      g_clear_pointer (&self->draw_source, g_source_unref);
    }
  g_clear_object (&self->pending_texture);
  g_clear_pointer (&self->pending_sample, gst_sample_unref);
  g_mutex_unlock (&self->lock);

  g_clear_object (&self->texture);
  g_clear_pointer (&self->sample, gst_sample_unref);

  G_OBJECT_CLASS (fd_video_paintable_parent_class)->dispose (object);
}

static void
fd_video_paintable_finalize (GObject *object)
{
  FdVideoPaintable *self = (FdVideoPaintable *)object;

  g_main_context_unref (self->context);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (fd_video_paintable_parent_class)->finalize (object);
}

static void
fd_video_paintable_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  FdVideoPaintable *self = FD_VIDEO_PAINTABLE (object);

  switch (prop_id)
    {
    case PROP_PLAYER:
      g_value_set_object (value, self->player);
      break;
    case PROP_FRAME:
      g_value_set_int64 (value, self->frame);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_video_paintable_class_init (FdVideoPaintableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fd_video_paintable_dispose;
  object_class->finalize = fd_video_paintable_finalize;
  object_class->get_property = fd_video_paintable_get_property;

  properties[PROP_PLAYER] =
    g_param_spec_object ("player", NULL, NULL, FD_TYPE_PLAYER, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FRAME] =
    g_param_spec_int64 ("frame", NULL, NULL, -1, G_MAXINT64, -1, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fd_video_paintable_init (FdVideoPaintable *self)
{
  g_mutex_init (&self->lock);
  self->context = g_main_context_ref_thread_default ();
  self->frame = -1;
}

/**
 * fd_video_paintable_new:
 * @player: the player whose frames to show; the paintable becomes its
 *   frame function
 *
 * Frames reach the paintable on the caller's thread-default context.
 */
FdVideoPaintable *
fd_video_paintable_new (FdPlayer *player)
{
  FdVideoPaintable *self;

  g_return_val_if_fail (FD_IS_PLAYER (player), NULL);

  self = g_object_new (FD_TYPE_VIDEO_PAINTABLE, NULL);
  self->player = g_object_ref (player);
  self->bound = TRUE;
  /* The player holds a weak tie: dispose clears the function first. */
  fd_player_set_frame_func (player, on_frame, self, NULL);

  return self;
}

/**
 * fd_video_paintable_new_fed:
 * @player: the player the frames come from, for its properties
 *
 * A paintable that shows what fd_video_paintable_push_frame() hands it,
 * for players whose frames go elsewhere first (such as the two sides of a
 * comparison, paired by their transport).
 */
FdVideoPaintable *
fd_video_paintable_new_fed (FdPlayer *player)
{
  FdVideoPaintable *self;

  g_return_val_if_fail (FD_IS_PLAYER (player), NULL);

  self = g_object_new (FD_TYPE_VIDEO_PAINTABLE, NULL);
  self->player = g_object_ref (player);

  return self;
}

/**
 * fd_video_paintable_get_player:
 *
 * Returns: (transfer none): the player
 */
FdPlayer *
fd_video_paintable_get_player (FdVideoPaintable *self)
{
  g_return_val_if_fail (FD_IS_VIDEO_PAINTABLE (self), NULL);
  return self->player;
}

/**
 * fd_video_paintable_get_texture:
 *
 * Returns: (transfer none) (nullable): the frame on screen
 */
GdkTexture *
fd_video_paintable_get_texture (FdVideoPaintable *self)
{
  g_return_val_if_fail (FD_IS_VIDEO_PAINTABLE (self), NULL);
  return self->texture;
}

/**
 * fd_video_paintable_get_sample:
 *
 * Returns: (transfer none) (nullable): the RGBA sample of the frame on
 *   screen (for the difference, and for tests that read its pixels)
 */
GstSample *
fd_video_paintable_get_sample (FdVideoPaintable *self)
{
  g_return_val_if_fail (FD_IS_VIDEO_PAINTABLE (self), NULL);
  return self->sample;
}

/**
 * fd_video_paintable_get_frame:
 *
 * Returns: the number of the frame on screen, -1 before the first
 */
gint64
fd_video_paintable_get_frame (FdVideoPaintable *self)
{
  g_return_val_if_fail (FD_IS_VIDEO_PAINTABLE (self), -1);
  return self->frame;
}

/**
 * fd_video_paintable_get_frames_received:
 *
 * Returns: how many frames the player handed over (any thread)
 */
guint64
fd_video_paintable_get_frames_received (FdVideoPaintable *self)
{
  guint64 n;

  g_return_val_if_fail (FD_IS_VIDEO_PAINTABLE (self), 0);

  g_mutex_lock (&self->lock);
  n = self->frames_received;
  g_mutex_unlock (&self->lock);
  return n;
}

/**
 * fd_video_paintable_get_frames_shown:
 *
 * Returns: how many times the main loop swapped in a new frame; fewer than
 *   received when frames came faster than the main loop ran
 */
guint64
fd_video_paintable_get_frames_shown (FdVideoPaintable *self)
{
  g_return_val_if_fail (FD_IS_VIDEO_PAINTABLE (self), 0);
  return self->frames_shown;
}
