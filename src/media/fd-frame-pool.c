/* fd-frame-pool.c: the video buffer pool a Flightdeck sink offers decoders
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-media"

#include "config.h"

#include "fd-frame-allocator.h"
#include "fd-frame-pool.h"

/* A GstVideoBufferPool of FdFrameAllocator memory that does not recycle a
 * buffer while a read-only alias of its memory lives (a frame on its way
 * to the sink, see fd-frame-allocator.c): the decoder would write the next
 * picture into bytes someone is still reading. Such a buffer is dropped
 * instead, and its memory freed when the last alias goes. */

struct _FdFramePool
{
  GstVideoBufferPool  parent_instance;

  GstAllocator       *allocator;
};

G_DEFINE_FINAL_TYPE (FdFramePool, fd_frame_pool, GST_TYPE_VIDEO_BUFFER_POOL)

static gboolean
fd_frame_pool_set_config (GstBufferPool *pool,
                          GstStructure  *config)
{
  FdFramePool *self = FD_FRAME_POOL (pool);
  GstAllocationParams params;

  /* Whatever the decoder asks for (alignment, padding), from our memory. */
  if (!gst_buffer_pool_config_get_allocator (config, NULL, &params))
    gst_allocation_params_init (&params);
  gst_buffer_pool_config_set_allocator (config, self->allocator, &params);

  return GST_BUFFER_POOL_CLASS (fd_frame_pool_parent_class)->set_config (pool, config);
}

static void
fd_frame_pool_release_buffer (GstBufferPool *pool,
                              GstBuffer     *buffer)
{
  for (guint i = 0; i < gst_buffer_n_memory (buffer); i++)
    if (fd_frame_allocator_is_aliased (gst_buffer_peek_memory (buffer, i)))
      {
        /* What GstBufferPool does with a buffer whose memory changed. */
        GST_BUFFER_FLAG_SET (buffer, GST_BUFFER_FLAG_TAG_MEMORY);
        break;
      }

  GST_BUFFER_POOL_CLASS (fd_frame_pool_parent_class)->release_buffer (pool, buffer);
}

static void
fd_frame_pool_finalize (GObject *object)
{
  FdFramePool *self = FD_FRAME_POOL (object);

  gst_clear_object (&self->allocator);

  G_OBJECT_CLASS (fd_frame_pool_parent_class)->finalize (object);
}

static void
fd_frame_pool_class_init (FdFramePoolClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GstBufferPoolClass *pool_class = GST_BUFFER_POOL_CLASS (klass);

  object_class->finalize = fd_frame_pool_finalize;
  pool_class->set_config = fd_frame_pool_set_config;
  pool_class->release_buffer = fd_frame_pool_release_buffer;
}

static void
fd_frame_pool_init (FdFramePool *self)
{
  self->allocator = fd_frame_allocator_new ();
}

/**
 * fd_frame_pool_new:
 *
 * Returns: (transfer full): a new, unconfigured pool
 */
GstBufferPool *
fd_frame_pool_new (void)
{
  return gst_object_ref_sink (g_object_new (FD_TYPE_FRAME_POOL, NULL));
}
