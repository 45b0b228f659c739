/* fd-frame-allocator.c: memory for decoded frames, copied on write
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-media"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fd-frame-allocator.h"

/* A decoder that renders straight into the sink's buffers (avdec_h264 with
 * GstVideoMeta) keeps each frame it still uses as a reference mapped for
 * writing, and GstVideoDecoder then needs a writable buffer to push. Plain
 * memory cannot be shared while someone holds it mapped for writing, so
 * GStreamer copies the whole frame: 3 MB at 1080p, for nearly every frame.
 * The decoder has finished writing by then; it only reads its references.
 *
 * This allocator's copy of a whole block is therefore an alias: a read-only
 * memory over the same bytes. Whoever wants to write to it gets a real copy
 * then (GStreamer copies memory it cannot map for writing), so no one sees
 * bytes change under them. An alias holds a reference on its block, and
 * FdFramePool does not hand a buffer out again while an alias of its block
 * lives.
 *
 * The pool drops such buffers, so blocks come and go at the frame rate.
 * Each allocator keeps a few freed blocks for the next frames: fresh
 * memory from the system costs a page fault and a cleared page every 4 kB,
 * more than the copy this spares. An allocator serves one pool; its spare
 * blocks go with it, when the pool and the last frame are gone. */

/* An alias keeps its root in a field of its own rather than as GstMemory's
 * parent: GStreamer locks a parent for sharing, which fails, silently,
 * while the decoder holds it mapped for writing, and then unlocks it anyway
 * when the alias goes. (Without a parent, GStreamer never merges two
 * shares into one memory; frames never need that.) */
typedef struct
{
  GstMemory  mem;
  guint8    *data;       /* the block; an alias points into its root's */
  GstMemory *root;       /* an alias's root block, owned; NULL for a block */
  gint       n_aliases;  /* a block's live aliases, atomic */
} FdFrameMemory;

/* A block kept for reuse. */
typedef struct
{
  void  *data;
  gsize  size;
  gsize  align;
} Block;

struct _FdFrameAllocator
{
  GstAllocator  parent_instance;

  GMutex        lock;
  Block         spare[8];   /* freed blocks, kept for the next frames */
  guint         n_spare;
};

G_DEFINE_FINAL_TYPE (FdFrameAllocator, fd_frame_allocator, GST_TYPE_ALLOCATOR)

#define MEM_TYPE "FdFrameMemory"

static FdFrameMemory *
memory_new (GstAllocator   *allocator,
            GstMemoryFlags  flags,
            guint8         *data,
            gsize           maxsize,
            gsize           align,
            gsize           offset,
            gsize           size)
{
  FdFrameMemory *mem = g_new0 (FdFrameMemory, 1);

  gst_memory_init (GST_MEMORY_CAST (mem), flags, allocator, NULL, maxsize, align, offset, size);
  mem->data = data;
  return mem;
}

/* A spare block of exactly @size, aligned at least to @align, or NULL. */
static void *
take_spare (FdFrameAllocator *self,
            gsize             size,
            gsize             align)
{
  void *data = NULL;

  g_mutex_lock (&self->lock);
  for (guint i = 0; i < self->n_spare; i++)
    if (self->spare[i].size == size && (self->spare[i].align & align) == align)
      {
        data = self->spare[i].data;
        self->spare[i] = self->spare[--self->n_spare];
        break;
      }
  g_mutex_unlock (&self->lock);
  return data;
}

/* Keeps @data for reuse, or frees it when enough are kept. Blocks of
 * another size (the video changed) make way for it. */
static void
give_spare (FdFrameAllocator *self,
            void             *data,
            gsize             size,
            gsize             align)
{
  g_mutex_lock (&self->lock);
  for (guint i = 0; i < self->n_spare;)
    if (self->spare[i].size != size)
      {
        free (self->spare[i].data);
        self->spare[i] = self->spare[--self->n_spare];
      }
    else
      {
        i++;
      }
  if (self->n_spare < G_N_ELEMENTS (self->spare))
    {
      self->spare[self->n_spare++] = (Block) { data, size, align };
      data = NULL;
    }
  g_mutex_unlock (&self->lock);
  free (data);
}

static GstMemory *
fd_frame_allocator_alloc (GstAllocator        *allocator,
                          gsize                size,
                          GstAllocationParams *params)
{
  /* At least a cache line, which the vector loads of the converter like. */
  gsize align = params->align | 63;
  gsize maxsize = params->prefix + size + params->padding;
  void *data = take_spare (FD_FRAME_ALLOCATOR (allocator), maxsize, align);

  if (data == NULL && posix_memalign (&data, align + 1, MAX (maxsize, 1)) != 0)
    return NULL;
  if (params->prefix > 0 && (params->flags & GST_MEMORY_FLAG_ZERO_PREFIXED))
    memset (data, 0, params->prefix);
  if (params->padding > 0 && (params->flags & GST_MEMORY_FLAG_ZERO_PADDED))
    memset ((guint8 *)data + params->prefix + size, 0, params->padding);

  return GST_MEMORY_CAST (memory_new (allocator, params->flags, data, maxsize, align,
                                      params->prefix, size));
}

static void
fd_frame_allocator_free (GstAllocator *allocator,
                         GstMemory    *memory)
{
  FdFrameMemory *mem = (FdFrameMemory *)memory;

  if (mem->root != NULL)
    {
      (void) g_atomic_int_dec_and_test (&((FdFrameMemory *)mem->root)->n_aliases);
      gst_memory_unref (mem->root);
    }
  else
    {
      give_spare (FD_FRAME_ALLOCATOR (allocator), mem->data, memory->maxsize, memory->align);
    }
  g_free (mem);
}

static gpointer
frame_memory_map (GstMemory   *memory,
                  gsize        maxsize,
                  GstMapFlags  flags)
{
  return ((FdFrameMemory *)memory)->data;
}

static void
frame_memory_unmap (GstMemory *memory)
{
}

/* A read-only view of part of @memory's block, keeping the block alive. */
static GstMemory *
frame_memory_share (GstMemory *memory,
                    gssize     offset,
                    gssize     size)
{
  FdFrameMemory *self = (FdFrameMemory *)memory;
  GstMemory *root = self->root != NULL ? self->root : memory;
  FdFrameMemory *alias;

  if (size == -1)
    size = (gssize)memory->size - offset;

  alias = memory_new (memory->allocator, GST_MEMORY_FLAG_READONLY, self->data, memory->maxsize,
                      memory->align, memory->offset + offset, size);
  alias->root = gst_memory_ref (root);
  g_atomic_int_inc (&((FdFrameMemory *)root)->n_aliases);
  return GST_MEMORY_CAST (alias);
}

static GstMemory *
frame_memory_copy (GstMemory *memory,
                   gssize     offset,
                   gssize     size)
{
  GstAllocationParams params = { 0, memory->align, 0, 0, };
  GstMemory *copy;
  GstMapInfo in, out;

  if (size == -1)
    size = (gssize)memory->size > offset ? (gssize)memory->size - offset : 0;

  /* A whole block: an alias (see the top of the file). */
  if (((FdFrameMemory *)memory)->root == NULL && offset == 0 && (gsize)size == memory->size)
    return frame_memory_share (memory, 0, size);

  /* Anything else, an alias included: real bytes, writable. */
  if ((copy = gst_allocator_alloc (memory->allocator, size, &params)) == NULL)
    return NULL;
  if (!gst_memory_map (memory, &in, GST_MAP_READ))
    {
      gst_memory_unref (copy);
      return NULL;
    }
  gst_memory_map (copy, &out, GST_MAP_WRITE);
  memcpy (out.data, in.data + offset, size);
  gst_memory_unmap (copy, &out);
  gst_memory_unmap (memory, &in);
  return copy;
}

static void
fd_frame_allocator_finalize (GObject *object)
{
  FdFrameAllocator *self = FD_FRAME_ALLOCATOR (object);

  for (guint i = 0; i < self->n_spare; i++)
    free (self->spare[i].data);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (fd_frame_allocator_parent_class)->finalize (object);
}

static void
fd_frame_allocator_class_init (FdFrameAllocatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GstAllocatorClass *allocator_class = GST_ALLOCATOR_CLASS (klass);

  object_class->finalize = fd_frame_allocator_finalize;
  allocator_class->alloc = fd_frame_allocator_alloc;
  allocator_class->free = fd_frame_allocator_free;
}

static void
fd_frame_allocator_init (FdFrameAllocator *self)
{
  GstAllocator *allocator = GST_ALLOCATOR (self);

  g_mutex_init (&self->lock);
  allocator->mem_type = MEM_TYPE;
  allocator->mem_map = frame_memory_map;
  allocator->mem_unmap = frame_memory_unmap;
  allocator->mem_share = frame_memory_share;
  allocator->mem_copy = frame_memory_copy;
}

/**
 * fd_frame_allocator_new:
 *
 * Returns: (transfer full): a new allocator, for one pool
 */
GstAllocator *
fd_frame_allocator_new (void)
{
  return gst_object_ref_sink (g_object_new (FD_TYPE_FRAME_ALLOCATOR, NULL));
}

/**
 * fd_frame_allocator_is_alias:
 *
 * Returns: whether @mem is a read-only alias of a frame allocator's block
 */
gboolean
fd_frame_allocator_is_alias (GstMemory *mem)
{
  return gst_memory_is_type (mem, MEM_TYPE) && ((FdFrameMemory *)mem)->root != NULL;
}

/**
 * fd_frame_allocator_is_aliased:
 *
 * Returns: whether an alias of @mem's block lives, so that the block must
 *   not be written again
 */
gboolean
fd_frame_allocator_is_aliased (GstMemory *mem)
{
  FdFrameMemory *self = (FdFrameMemory *)mem;

  if (!gst_memory_is_type (mem, MEM_TYPE))
    return FALSE;
  if (self->root != NULL)
    self = (FdFrameMemory *)self->root;
  return g_atomic_int_get (&self->n_aliases) > 0;
}
